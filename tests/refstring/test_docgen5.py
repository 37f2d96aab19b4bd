"""benchmarks/docgen5.py: deterministic documents whose truth is in their text, one half of the strings only, and
one document of each layout read whole by the list finder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import docgen5  # noqa: E402
from list_scoring import Tally, key  # noqa: E402

from vexascite.refstring import find_reference_lists  # noqa: E402


@pytest.fixture(scope="module")
def pool(shared_dir: Path) -> docgen5.Pool:
    return docgen5.load_pool("train", shared_dir)


@pytest.fixture(scope="module")
def train_docs(pool: docgen5.Pool) -> list[docgen5.Document]:
    return list(docgen5.generate(pool, docgen5.FIRST_SEED, 1))


def test_the_same_documents_for_the_same_seed_and_none_before_the_first(pool: docgen5.Pool, train_docs: list[docgen5.Document]) -> None:
    assert {doc.layout for doc in train_docs} == set(docgen5.LAYOUTS)
    again = list(docgen5.generate(pool, docgen5.FIRST_SEED, 1))
    assert [(d.name, d.text, d.truth) for d in again] == [(d.name, d.text, d.truth) for d in train_docs]
    other = list(docgen5.generate(pool, docgen5.FIRST_SEED + 1, 1))
    assert [d.text for d in other] != [d.text for d in train_docs]
    with pytest.raises(ValueError):
        next(docgen5.generate(pool, docgen5.FIRST_SEED - 1, 1))


def test_the_two_halves_share_no_string(shared_dir: Path, pool: docgen5.Pool) -> None:
    test = docgen5.load_pool("test", shared_dir)
    train_keys = {key(ref.text) for ref in pool.flat + pool.pdf}
    assert train_keys and test.flat and test.pdf
    assert not train_keys & {key(ref.text) for ref in test.flat + test.pdf}
    assert any("\n" in ref.text for ref in pool.pdf)  # (the glutton strings keep their PDF line breaks)
    assert all(docgen5.part_of(ref.text) == "train" for ref in pool.flat + pool.pdf)


def test_every_entry_is_in_its_documents_text_in_order(train_docs: list[docgen5.Document]) -> None:
    """Each entry's letters and digits stand in one run, in order, in the document once the furniture put in (page
    heads and feet, a margin's line numbers) is taken out again; the document holds every letter of that text."""
    for doc in train_docs:
        assert doc.truth, doc.name
        clean = key(doc.clean)
        at = 0
        for entry in doc.truth:
            found = clean.find(key(entry), at)
            assert found >= 0, (doc.name, entry)
            at = found + len(key(entry))
        assert len({key(entry) for entry in doc.truth}) == len(doc.truth), doc.name
        whole = iter(key(doc.text))
        assert all(ch in whole for ch in clean), doc.name  # (the clean text is the document's, furniture aside)


def test_one_document_of_each_layout_is_read_whole(train_docs: list[docgen5.Document]) -> None:
    """Regression guard (the full measure is benchmarks/list_accuracy5.py): each layout's first document at the first
    seed, every entry found and none merged."""
    for doc in train_docs:
        score = Tally()
        raws = [entry.raw for found in find_reference_lists(doc.text) for entry in found.entries]
        result = score.score(doc.truth, raws, doc.labels)
        assert score.f1 == 1.0 and score.merges == 0, (doc.name, result.missed[:2], [m for m, _ in result.merges[:1]])
