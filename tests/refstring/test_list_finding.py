"""Finding every entry of a reference list however the document lays it out."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.refstring.found import entry_texts
from vexascite.refstring import find_reference_lists
from vexascite.refstring.lists import describe, glued_reason, summarize

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

REFS = [
    "Beck DB, Ferrada MA, Sikora KA, et al. Somatic mutations in UBA1 and severe adult-onset autoinflammatory disease. N Engl J Med. 2020;383(27):2628-2638.",
    "Georgin-Lavialle S, Terrier B, Guedon AF, et al. Further characterization of clinical and laboratory features in VEXAS syndrome. Br J Dermatol. 2022;186(3):564-574.",
    "Obiorah IE, Patel BA, Groarke EM, et al. Benign and malignant hematologic manifestations in patients with VEXAS syndrome. Blood Adv. 2021;5(16):3203-3215.",
    "Bourbon E, Heiblig M, Gerfaud Valentin M, et al. Therapeutic options in VEXAS syndrome: insights from a retrospective series. Blood. 2021;137(26):3682-3684.",
]


def _numbers(text: str) -> list[int | None]:
    return [entry.number for found in find_reference_lists(text) for entry in found.entries]


@pytest.mark.parametrize("label", ["{n}. ", "{n}) ", "[{n}] ", "({n}) ", "{n} ", "{n}"])
def test_every_label_form_with_and_without_heading(label: str) -> None:
    body = "".join(label.format(n=n) + ref + "\n" for n, ref in enumerate(REFS, start=1))
    for text in (body, "Some prose first.\n\nReferences\n\n" + body):
        assert _numbers(text) == [1, 2, 3, 4], text
        assert [t.split(" ", 1)[1] if label.endswith(" ") else t[1:] for t in entry_texts(text)] == REFS


def test_superscript_labels() -> None:
    text = "".join(f"{'¹²³⁴'[n]}{ref}\n" for n, ref in enumerate(REFS))
    assert _numbers(text) == [1, 2, 3, 4]


def test_a_gap_a_repeat_and_a_descending_order_never_end_or_glue_a_list() -> None:
    for numbers in ([1, 2, 5, 6], [1, 2, 2, 3], [4, 3, 2, 1]):
        text = "References\n\n" + "".join(f"{n}. {ref}\n" for n, ref in zip(numbers, REFS, strict=True))
        assert _numbers(text) == numbers
    summary = summarize(find_reference_lists("References\n\n" + "".join(f"{n}. {ref}\n" for n, ref in zip([1, 2, 5, 6], REFS, strict=True)))[0])
    assert summary.gaps == [3, 4]
    assert "numbers missing: 3, 4" in describe(summary)


def test_numbers_past_999_and_9999() -> None:
    text = "References\n" + "".join(f"{n}. {ref}\n" for n, ref in zip([9998, 9999, 10000, 10001], REFS, strict=True))
    found = find_reference_lists(text)[0]
    assert [e.number for e in found.entries] == [9998, 9999, 10000, 10001]
    assert found.entries[2].body == REFS[2]


def test_unnumbered_lists_hanging_blank_separated_and_one_per_line() -> None:
    wrapped = [(ref[:70], ref[70:]) for ref in REFS]
    hanging = "References\n" + "".join(f"{a}\n    {b}\n" for a, b in wrapped)
    blank = "Bibliography\n\n" + "".join(f"{a}\n{b}\n\n" for a, b in wrapped)
    lines = "Literatur\n" + "".join(ref + "\n" for ref in REFS)
    for text in (hanging, blank, lines):
        assert [t.replace(" ", "") for t in entry_texts(text)] == [r.replace(" ", "") for r in REFS], text


def test_a_file_of_references_one_a_line_without_heading_and_with_a_numbered_line_in_it() -> None:
    text = "".join(ref + "\n" for ref in REFS) + "12. Smith J, Doe A. A numbered one. Lancet. 2019;393:1-10.\n" + "".join(ref + "\n" for ref in REFS)
    assert len(entry_texts(text)) == 9


def test_pdf_text_furniture_inside_an_entry_and_hyphenation() -> None:
    text = (
        "Discussion ends here.\n\nREFERENCES\n"
        "1. Beck DB, Ferrada MA, Sikora KA, et al. Somatic mutations in UBA1 and severe adult-onset autoinflam-\n"
        "Downloaded from https://ashpublications.org/blood/article/140/8/927 by guest on 4 May 2024\n"
        "12\n"
        "Author Manuscript\n"
        "matory disease. N Engl J Med. 2020;383(27):2628-2638.\n"
        "2. Bourbon E, Heiblig M, Gerfaud Valentin M, et al. Therapeutic options in VEXAS syndrome: insights from a\n"
        "Page 7 of 9\n"
        "retrospective series. Blood. 2021;137(26):3682-3684.\n"
    )
    found = find_reference_lists(text)
    assert len(found) == 1
    first, second = found[0].entries
    assert first.text == "1. " + REFS[0]
    assert "Downloaded" not in first.raw and "Author" not in first.raw
    assert second.text.endswith("insights from a retrospective series. Blood. 2021;137(26):3682-3684.")


def test_a_late_start_and_two_lists_kept_apart_then_a_legend_and_acknowledgements() -> None:
    text = (
        "8. " + REFS[0] + "\n9. " + REFS[1] + "\n\nDOI 10.5555/blood.2022.0001\n\n"
        "A new letter\n\nSome prose of the letter.\n\nReferences\n\n1. " + REFS[2] + "\n2. " + REFS[3] + "\n\n"
        "Figure 1. Response rates at 3 and 6 months in 2021 cohort. Smith et al.\n\nAcknowledgements\nWe thank the patients.\n"
    )
    found = find_reference_lists(text)
    assert [(f.label, [e.number for e in f.entries]) for f in found] == [("references-1", [8, 9]), ("references-2", [1, 2])]
    assert found[1].heading == "References"
    assert found[1].entries[-1].text == "2. " + REFS[3]


def test_numbered_prose_and_a_document_with_no_list() -> None:
    assert find_reference_lists("Methods\n\n1. Patients were screened.\n2. Samples were sequenced.\n") == []
    assert find_reference_lists("Just a paragraph of text about VEXAS syndrome.\n") == []


def test_glued_entries_are_pointed_out() -> None:
    assert glued_reason(REFS[0] + " " + REFS[1]) == "two journal blocks"
    assert glued_reason(REFS[0]) is None
    assert glued_reason("Winthrop KL. Safety [published correction appears in Nat Rev Rheumatol. 2017;13(5):320]. Nat Rev Rheumatol. 2017;13(4):234-243.") is None


def test_generated_documents_of_every_layout(shared_dir: Path) -> None:
    """Regression guard on generated documents (the full measure is benchmarks/list_accuracy.py)."""
    from docgen import LAYOUTS, load_strings, make_documents
    from list_scoring import Tally

    docs = make_documents(load_strings("test", shared_dir), 3 * len(LAYOUTS), seed=5)
    score = Tally()
    for doc in docs:
        found = find_reference_lists(doc.text)
        score.score(doc.entries, [entry.text for f in found for entry in f.entries], doc.labels)
    precision, recall, f1 = score.prf()
    assert f1 >= 0.93, (precision, recall, f1, score.merges)
    assert score.merges <= 0.02 * score.truth
