"""The clause each marker of a claim supports (vexascite.link.claims)."""

from __future__ import annotations

from vexascite.link import extract_claims

STATEMENT = "ruxolitinib does better than other JAK inhibitors"


def supported(document: str) -> list[list[tuple[str, str]]]:
    return [[(m.marker.text, m.clause) for m in claim.markers] for claim in extract_claims(document).claims]


def test_a_narrative_citation_supports_its_whole_sentence() -> None:
    document = (
        "Results\n\n"
        f"As @heiblig2022 showed, {STATEMENT}.\n"
        f"As Heiblig et al. (2022) showed, {STATEMENT}.\n"
        f"In a retrospective study, \\citet{{heiblig2022}} found that {STATEMENT}.\n"
    )
    clauses = supported(document)
    assert clauses == [
        [("@heiblig2022", f"As heiblig2022 showed, {STATEMENT}.")],
        [("Heiblig et al. (2022)", f"As Heiblig et al. showed, {STATEMENT}.")],
        [("\\citet{heiblig2022}", f"In a retrospective study, heiblig2022 found that {STATEMENT}.")],
    ]


def test_parenthetical_markers_still_support_the_clause_before_them() -> None:
    document = f"Results\n\nThrombosis is frequent [1], but {STATEMENT} [2].\n"
    assert supported(document) == [[("[1]", "Thrombosis is frequent"), ("[2]", f"but {STATEMENT}")]]


def test_numbers_in_parentheses_cite_only_where_the_document_cites_by_number() -> None:
    """``(4–6)`` in an author-year manuscript is a count or a range; in one cited by
    number it is a citation. "ref. 4" in a sentence stays in the claim's words."""
    author_year = (
        "# Introduction\n\nVEXAS was described by Beck et al. (2020). Patients had (4–6) flares a year (Heiblig 2022). "
        "Responses were seen (Ferrada 2021).\n"
    )
    labels = [[t.label for m in c.markers for t in m.marker.targets] for c in extract_claims(author_year).claims]
    assert labels == [["Beck et al. 2020"], ["Heiblig 2022"], ["Ferrada 2021"]]
    numbered = "# Introduction\n\nVEXAS was described (1). Ruxolitinib was given (2–4). As shown in ref. 5, responses vary.\n"
    claims = extract_claims(numbered).claims
    assert [[t.label for m in c.markers for t in m.marker.targets] for c in claims] == [["1"], ["2", "3", "4"], ["5"]]
    assert claims[2].text.startswith("As shown in ref. 5, responses vary")


def test_numbers_in_parentheses_follow_the_document_s_own_numbered_style() -> None:
    """Where the document cites in brackets or superscripts, ``(4–6)`` after a word is a
    range of values or rows, not a citation; where it cites in parentheses, it cites."""
    bracketed = (
        "# Results\n\nVEXAS is caused by somatic UBA1 mutations [1]. Among the patients (4–6) with anaemia, "
        "relapse was common [2]. Scores (2-3) were higher in group A [3].\n"
    )
    labels = [[t.label for m in c.markers for t in m.marker.targets] for c in extract_claims(bracketed).claims]
    assert labels == [["1"], ["2"], ["3"]]
    superscript = "# Results\n\nVEXAS is caused by UBA1 mutations.¹ Among the patients (4–6) relapse was common.²\n"
    labels = [[t.label for m in c.markers for t in m.marker.targets] for c in extract_claims(superscript).claims]
    assert labels == [["1"], ["2"]]
    parenthesised = (
        "# Results\n\nVEXAS is caused by somatic UBA1 mutations (1). Among the patients treated (4–6), "
        "relapse was common [2]. Scores were higher in group A (3).\n"
    )
    labels = [[t.label for m in c.markers for t in m.marker.targets] for c in extract_claims(parenthesised).claims]
    assert labels == [["1"], ["4", "5", "6", "2"], ["3"]]


def test_a_footnote_of_prose_is_no_citation_and_one_the_list_took_is() -> None:
    document = (
        "Basins drain slowly[^1]. Tides differ[^2].\n\n"
        "[^1]: We measured the first basin twice, in spring and in autumn.\n\n"
        "[^2]: Abend K, Brule M. Invented drainage of lake basins. J Invent Hydrol. 2020;12(3):45-67.\n"
    )
    extraction = extract_claims(document, reference_lines=frozenset({5}))
    assert [[m.marker.text for m in claim.markers] for claim in extraction.claims] == [["[^2]"]]


def test_a_compound_cut_at_a_line_end_keeps_its_hyphen_and_no_space() -> None:
    """A manuscript printed to PDF wraps ``follow-up`` and ``IL-6`` at their hyphens: the claim reads as the text
    did, not ``follow- up``."""
    document = ("Results\n\nTreatment was stopped during follow-\nup in 28% of patients on an IL-\n6 inhibitor, a well-\n"
                "known risk of a meta-\nanalysis [1].\n\nReferences\n\n1. Okafor T. An invented study. J Inv Med. 2020;3:1-2.\n")
    claims = extract_claims(document).claims
    assert [claim.text for claim in claims] == [
        "Treatment was stopped during follow-up in 28% of patients on an IL-6 inhibitor, a well-known risk of a meta-analysis."
    ]
