"""benchmarks/docgen4.py: documents whose truth is in their text, in every layout, from one half only."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import docgen4  # noqa: E402
from list_accuracy4 import FOOTNOTE  # noqa: E402
from list_scoring import Tally  # noqa: E402

from vexascite.refstring import find_reference_lists  # noqa: E402


@pytest.fixture(scope="module")
def train_docs(shared_dir: Path) -> list[docgen4.Document]:
    pool = docgen4.load_pool("train", shared_dir)
    return list(docgen4.generate(pool, 400, 2))


def test_every_entry_is_in_its_documents_text_in_order(train_docs: list[docgen4.Document]) -> None:
    """Each list's entries, letters and digits, stand in the text in order once the page furniture put in is
    taken out again (a label, a bullet, a wrap or a hyphen at a line's end changes no letter or digit of them)."""
    assert {doc.layout.split("-")[0] for doc in train_docs} >= {"num", "ay", "pdf", "markdown"}
    assert {docgen4.layout_group(doc.layout) for doc in train_docs} == set(docgen4.LAYOUTS)
    for doc in train_docs:
        furniture = set(doc.furniture)
        assert all(line not in furniture for entries in doc.lists for entry in entries for line in entry.split("\n"))
        text = docgen4.key("\n".join(line for line in doc.text.split("\n") if line not in furniture))
        at = 0
        for entries in doc.lists:
            assert entries, doc.name
            for entry in entries:
                found = text.find(docgen4.key(entry), at)
                assert found >= 0, (doc.name, entry)
                at = found + len(docgen4.key(entry))
        assert len({docgen4.key(entry) for entry in doc.truth}) == len(doc.truth), doc.name


def test_only_the_chosen_half_and_the_same_documents_for_the_same_seed(
    shared_dir: Path, train_docs: list[docgen4.Document]
) -> None:
    assert all(docgen4.part_of(entry) == "train" for doc in train_docs for entry in doc.truth)
    pool = docgen4.load_pool("train", shared_dir)
    again = list(docgen4.generate(pool, 400, 2))
    assert [(d.name, d.text, d.lists) for d in again] == [(d.name, d.text, d.lists) for d in train_docs]
    assert docgen4.part_of("Arden P. An invented title. J Inv. 2001;1:2-3.") in ("train", "test")
    with pytest.raises(SystemExit):
        next(docgen4.generate(pool, 399, 1))


def test_the_list_finder_on_docgen4_documents(train_docs: list[docgen4.Document]) -> None:
    """Regression guard (the full measure is benchmarks/list_accuracy4.py): entry-level F1 and merges."""
    score = Tally()
    for doc in train_docs:
        found = find_reference_lists(doc.text)
        score.score(doc.truth, [FOOTNOTE.sub("", entry.raw, count=1) for f in found for entry in f.entries])
    assert score.f1 >= 0.98, score.prf()
    assert score.merges == 0
