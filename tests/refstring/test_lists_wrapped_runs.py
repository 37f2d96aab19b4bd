"""Wrapped unnumbered text where only the words mark a new entry: a complete entry, then a line that opens
with a run of authors (with or without a heading)."""

from __future__ import annotations

from tests.refstring.found import entry_texts

_PROSE = (
    "Body text of the article ends here with a final sentence about invented harbours and their\n"
    "tides, which the authors measured over three winters (Quill et al., 2011).\n"
)


def test_a_vancouver_run_after_a_report_opens_an_entry_in_a_list_with_no_heading() -> None:
    text = _PROSE + (
        "Ostrander K, Lee M. Wages and tenure in rural clinics. Health Econ. 2012;21:66-79. doi:10.5555/he.2012.66\n"
        "Marsh, P., and Venn, T. 'Invented harbour work and its wages: an analysis of existing data'.\n"
        "Report written for the Coastal Commission on Harbour Employment.\n"
        "Brill JM, Quill TP, Dorrance TW, Haldane RS, Okafor JD. Factors related to the tides of invented\n"
        "harbours. Vexas Coast. Feb 2004 84(2) 173-190.\n"
        "Tamsin R, Arvik L: Marrow cells in an invented joint model. Arthritis Invent 2009, 19:936-949.\n"
    )
    texts = entry_texts(text)
    assert texts[1].endswith("Harbour Employment.")
    assert texts[2].startswith("Brill JM, Quill TP,")
    assert len(texts) == 4
