"""List finding at a list's tail in rendered documents: a year alone on a page's last line, and a
footnote or a paragraph of prose set right under the last entry.

Every reference here is invented (10.5555 DOIs, made-up names and journals).
"""

from __future__ import annotations

import pytest

from tests.refstring.found import entry_raws, entry_texts
from vexascite.refstring import find_reference_lists

_BEFORE = "15. Brindle PK, Osei A. Ferritin kinetics in relapsing disease. J Invent Med. 2018;12(4):55-61. doi:10.5555/jim.2018.55\n"
_AFTER = (
    "17. Castellan MR, Dorn E. Marsh birds counted from the air. Field Methods. 2020;8(2):101-119.\n"
    "18. Albarn Q, Velloso T. Seasonal drift of marsh sediments. Estuar Ecol. 2011;14:221-230.\n"
)


def test_a_year_alone_on_a_pages_last_line_completes_the_entry_above() -> None:
    text = (
        "References\n" + _BEFORE
        + "16. Lindqvist M. Invented book of marsh birds and their keepers. University Press, London\n"
        "    1996\n"
        "Page 2\n" + _AFTER
    )
    texts = entry_texts(text)
    assert len(texts) == 4
    assert texts[1].endswith("University Press, London 1996")


def test_a_page_number_in_the_thousands_in_sequence_with_the_others_stays_a_page_number() -> None:
    # A journal paged on through its volume: 1996 is this page's number, 1995 the one before.
    text = (
        "References\n" + _BEFORE
        + "1995\n"
        "16. Lindqvist M. Invented book of marsh birds and their keepers. University Press, London\n"
        "1996\n"
        "Page 2\n" + _AFTER
    )
    texts = entry_texts(text)
    assert texts[1].endswith("University Press, London")


def test_a_year_under_an_entry_that_has_its_year_stays_a_page_number() -> None:
    text = (
        "References\n" + _BEFORE
        + "16. Lindqvist M. Invented book of marsh birds. London: University Press; 1994\n"
        "1996\n"
        "Page 2\n" + _AFTER
    )
    assert entry_texts(text)[1].endswith("University Press; 1994")


def test_a_flush_corresponding_author_note_under_the_last_entry_ends_the_list() -> None:
    text = (
        "References\n"
        "  26. Brindle PK, Osei A. Ferritin kinetics in relapsing disease. J Invent Med. 2018;12(4):55-61.\n"
        "  27. Ondrak P. Invented title of a study. J Inv Med.\n"
        "*Corresponding author: Harwell, Department of Invented Studies, Nowhere University, E-mail: a@b.org\n"
        "†These authors contributed equally.\n"
    )
    raws = entry_raws(text)
    assert len(raws) == 2
    assert raws[1].strip() == "27. Ondrak P. Invented title of a study. J Inv Med."


def test_prose_right_under_the_last_entry_ends_the_list() -> None:
    text = (
        "References\n"
        "[40] Brindle PK, Osei A. Ferritin kinetics in relapsing disease. J Invent Med. 2018;12(4):55-61.\n"
        "[41] Quist T. Vacuoles. Oxford: Pergamon.\n"
        "The invented receptor was proposed to be a sensor of the vacuole's pH, and later work in several\n"
        "laboratories showed that it binds the ligand only in the presence of calcium ions.\n"
    )
    texts = entry_texts(text)
    assert texts == [
        "[40] Brindle PK, Osei A. Ferritin kinetics in relapsing disease. J Invent Med. 2018;12(4):55-61.",
        "[41] Quist T. Vacuoles. Oxford: Pergamon.",
    ]


def test_a_title_wrapped_in_lower_case_before_its_source_stays_in_its_entry() -> None:
    text = (
        "References\n"
        "[40] Brindle PK, Osei A. Ferritin kinetics in relapsing disease. J Invent Med. 2018;12(4):55-61.\n"
        "[41] Quist T, Marr L. Vacuoles. Oxford: Pergamon; 1998. Chapter 3.\n"
        "The role of the invented receptor in the sensing of the vacuole's acidity and of the ions that\n"
        "pass through its membrane in plant cells grown in culture. J Invent Bot. 2001;7:12-19.\n"
        "[42] Albarn Q, Velloso T. Seasonal drift of marsh sediments. Estuar Ecol. 2011;14:221-230.\n"
    )
    texts = entry_texts(text)
    assert len(texts) == 3
    assert texts[1].endswith("J Invent Bot. 2001;7:12-19.")


def test_dates_received_under_the_last_entry_end_the_list_but_an_epub_line_of_an_entry_stays() -> None:
    text = (
        "References\n"
        "1. Brindle PK, Osei A. Ferritin kinetics in relapsing disease. J Invent Med.\n"
        "Published online 2018 Mar 3. doi:10.5555/jim.2018.55\n"
        "2. Office of Invented Harbours. 1997. Marsh Harbour Regional Plan.\n"
        "Revised May 1999.\n"
        "3. Ondrak P. Invented title of a study. J Inv Med.\n"
        "Received 3 May 2020; accepted 4 June 2020\n"
    )
    raws = entry_raws(text)
    assert len(raws) == 3
    assert raws[0].rstrip().endswith("doi:10.5555/jim.2018.55")
    assert raws[1].rstrip().endswith("Revised May 1999.")
    assert raws[2].strip() == "3. Ondrak P. Invented title of a study. J Inv Med."


def test_a_paragraph_with_acronyms_and_a_year_at_a_line_start_under_the_last_entry_is_not_the_entry() -> None:
    # A run-in head in capitals and acronyms (RESULTS, IL) are neither case; "2015 to March" wrapped to a
    # line's start is no label of this "N." list.
    text = (
        "References\n" + _BEFORE
        + "16. Quill, H. 1987. Restoring the marsh birds of the invented coast. Department of the Interior,\n"
        "Washington, D.C., USA.\n"
        "RESULTS We reviewed the charts of the men seen in the day clinic of the hospital from June\n"
        "2015 to March 2016. Moreover, serum levels of IL-1, IL-6, IL-8, IL-10, IL-\n"
        "12, and IL-18 were markedly higher in the men than in the women of the cohort (P<.01).\n"
        "Author contributions\n"
    )
    texts = entry_texts(text)
    assert len(texts) == 2
    assert texts[1].endswith("Department of the Interior, Washington, D.C., USA."), texts[1]


def test_a_paragraph_under_the_last_entry_runs_to_back_matter_not_into_it() -> None:
    # (Read on into the note, the paragraph ended on "Vexas Coast", not on a sentence's full stop.)
    text = (
        "References\n" + _BEFORE
        + "16. Lindqvist M, Osei A (2007) Is the risk of relapse raised by transfusion in older men? Vexas J 105(1):3-6\n"
        "Median time to relapse was nine days after the last transfusion, in most of the men we followed.\n"
        "Here we show how a long inflammation of the cartilage may lead, over the years, to the slow\n"
        "development of the marrow failure that the patients showed.\n"
        "*Corresponding author: Lindqvist, Department of Internal Medicine, University Hospital,\n"
        "Invented Town, Vexas Coast\n"
    )
    texts = entry_texts(text)
    assert texts[-1].endswith("Vexas J 105(1):3-6"), texts[-1]


def test_a_dois_tail_alone_on_a_line_with_a_leading_zero_is_no_page_number() -> None:
    text = (
        "References\n" + _BEFORE
        + "16. Lindqvist M, Osei A. Ferritin and the marrow in older men. Vexas J 63: 791–800. doi: 10.5555/inv7-\n"
        "0421\n" + _AFTER
    )
    texts = entry_texts(text)
    assert len(texts) == 4
    assert texts[1].endswith("doi: 10.5555/inv7-0421"), texts[1]


def test_a_page_number_under_a_publishers_name_ending_in_p_is_a_page_number() -> None:
    # "Group." ends in "p." as "pp." does, but it is no word a number follows.
    text = (
        "References\n" + _BEFORE
        + "16. Quill, H. & Marsh, R. (1992). Marsh birds of the invented coast. Invented Town, NY: Harbour Publishing Group.\n"
        "1\n"
        "© 1998 The Authors. Published by Invented Press Inc. All rights reserved.\n"
    )
    texts = entry_texts(text)
    assert texts[-1].endswith("Harbour Publishing Group."), texts[-1]


def _spaced_list(last: str, after: str = "") -> str:
    entries = [
        "Arden P, Brask T (2019) Slow relapses in an invented cohort. J Inv Res 12:101-109",
        "Brask T, Dunn M. 2020. Two drugs compared in a small cohort. Blood Inv. 5: 22-31.",
        "Cova L, Egli O (2018) Why responses differ in a registry of\ninvented patients. Nat Rev Things 13:234-243",
        "Dunn M. 2017. Marrow cells in an invented joint model. Arthritis Inv. 9: 101-109. doi:10.5555/ai.2017.9",
    ]
    return "Body text of the article.\n\nReferences\n\n" + "\n\n".join([*entries, last]) + "\n\n" + after


@pytest.mark.parametrize("after", ["", "\nAcknowledgements\n\nWe thank the invented ward staff for their help.\n"])
@pytest.mark.parametrize("last", ["(Z. Inv. Forsch. 2b, 258—266 [1947];", "李今庸. 史記 倉公考. 中醫雜誌. 2012. 第2期."])
def test_a_reference_of_few_marks_closing_a_list_set_apart_by_blank_lines_is_its_last_entry(last: str, after: str) -> None:
    (found,) = find_reference_lists(_spaced_list(last, after))
    assert [entry.text for entry in found.entries][-1] == last
    assert found.left_out == []


def test_a_line_of_thanks_after_a_list_set_apart_by_blank_lines_is_no_entry() -> None:
    (found,) = find_reference_lists(_spaced_list("We thank the invented ward staff for their help."))
    assert len(found.entries) == 4


def test_a_footer_shaped_entry_alone_between_blank_lines_with_no_furniture_elsewhere_is_an_entry() -> None:
    entries = [
        "Arden P, Brask T (2019) Slow relapses in an invented cohort. J Inv Res 12:101-109",
        "Quill A: Zum Ansatz der erfundenen Förderung im Land. In: AG Inv (Hg.): Erfundene\n"
        "Integration. Dokumentation der Tagung am 4.11.1988 in Neustadt.\n"
        "Altstadt (Erfundener Verlag) 1989, S. 38-39.",
        "Inv Vet J Vol 9, No 6, June 2001 431",
        "R. L. da SILVA, “Irradiation of an invented fuel element,” AECL-0000, Invented Energy\nLimited (Sep. 1984).",
        "Dunn M. 2017. Marrow cells in an invented joint model. Arthritis Inv. 9: 101-109. doi:10.5555/ai.2017.9",
    ]
    (found,) = find_reference_lists("Body text of the article.\n\nReferences\n\n" + "\n\n".join(entries) + "\n")
    assert [entry.text for entry in found.entries] == [" ".join(entry.split("\n")) for entry in entries]
