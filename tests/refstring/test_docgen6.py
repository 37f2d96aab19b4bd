"""benchmarks/docgen6.py: deterministic documents whose truth is in their text, one half of the strings only, and
one small document of each layout read whole by the list finder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import docgen6  # noqa: E402
from list_scoring import Tally, key  # noqa: E402

from vexascite.refstring import find_reference_lists  # noqa: E402

#: Layouts whose first small document the list finder does not yet read whole (see docs/parser.md).
NOT_YET: dict[str, str] = {}


@pytest.fixture(scope="module")
def pool(shared_dir: Path) -> docgen6.Pool:
    return docgen6.load_pool("train", shared_dir)


@pytest.fixture(scope="module")
def train_docs(pool: docgen6.Pool) -> list[docgen6.Document]:
    return list(docgen6.generate(pool, docgen6.FIRST_SEED, 1))


def test_the_same_documents_for_the_same_seed_and_none_before_the_first(pool: docgen6.Pool, train_docs: list[docgen6.Document]) -> None:
    assert [doc.layout for doc in train_docs] == list(docgen6.LAYOUTS)
    again = list(docgen6.generate(pool, docgen6.FIRST_SEED, 1))
    assert [(d.name, d.text, d.truth) for d in again] == [(d.name, d.text, d.truth) for d in train_docs]
    other = list(docgen6.generate(pool, docgen6.FIRST_SEED + 1, 1))
    assert [d.text for d in other] != [d.text for d in train_docs]
    with pytest.raises(ValueError):
        next(docgen6.generate(pool, docgen6.FIRST_SEED - 1, 1))


def test_the_two_halves_share_no_string(shared_dir: Path, pool: docgen6.Pool) -> None:
    test = docgen6.load_pool("test", shared_dir)
    train_keys = {key(text) for text in pool.flat + pool.pdf + pool.short}
    assert train_keys and test.flat and test.pdf and test.short
    assert not train_keys & {key(text) for text in test.flat + test.pdf + test.short}
    assert any("\n" in text for text in pool.pdf)  # (the glutton strings keep their PDF line breaks)
    assert all(docgen6.part_of(text) == "train" for text in pool.flat + pool.pdf + pool.short)


def test_every_entry_is_in_its_documents_text_in_order(train_docs: list[docgen6.Document]) -> None:
    """Each entry's letters and digits stand in one run, in order, in the document once the furniture put in is
    taken out again; the document holds every letter of that text, in order."""
    for doc in train_docs:
        assert doc.truth and len(doc.labels) == len(doc.truth), doc.name
        clean = key(doc.clean)
        at = 0
        for entry in doc.truth:
            found = clean.find(key(entry), at)
            assert found >= 0, (doc.name, entry)
            at = found + len(key(entry))
        assert len({key(entry) for entry in doc.truth}) == len(doc.truth), doc.name
        whole = iter(key(doc.text))
        assert all(ch in whole for ch in clean), doc.name


def test_the_layouts_draw_what_they_are_named_for(pool: docgen6.Pool) -> None:
    """A few documents per layout hold what the layout promises (so a change to the generator cannot quietly
    drop the hard part)."""
    docs = {layout: list(docgen6.generate(pool, docgen6.FIRST_SEED, 4, [layout])) for layout in docgen6.LAYOUTS}
    assert any(int(label) > 999 for doc in docs["bare_past_999"] for label in doc.labels)
    assert all("\r\n" in doc.text and ("\u00a0" in doc.text or "\t" in doc.text) for doc in docs["crlf_nbsp_tabs"])
    assert all(doc.labels[0].startswith(("¹", "¹")) for doc in docs["superscript_labels"])
    assert any(len(key(entry)) < 15 for doc in docs["one_per_line_short"] for entry in doc.truth)
    assert any("\n\n" in doc.clean.split(doc.truth[0][:10], 1)[-1] for doc in docs["blank_inner_blank"])
    descending = docs["descending_wrapped"][0].labels
    assert [int(label.rstrip(".")) for label in descending] == sorted((int(label.rstrip(".")) for label in descending), reverse=True)
    for doc in docs["back_matter"]:
        tail = doc.clean.split(doc.truth[-1].split("\n")[-1], 1)[-1]
        assert sum(rows[0] in tail for rows in docgen6.BACK_MATTER.values()) >= 2, doc.name
    assert all(len(doc.text) > len(doc.clean) for doc in docs["many_journals_pdf"])


@pytest.mark.parametrize("layout", list(docgen6.LAYOUTS))
def test_one_document_of_each_layout_is_read_whole(pool: docgen6.Pool, layout: str) -> None:
    """Regression guard (the full measure is benchmarks/list_accuracy6.py): a small document of each layout at the
    first seed, every entry found and none merged."""
    if layout in NOT_YET:
        pytest.xfail(NOT_YET[layout])
    doc = next(docgen6.generate(pool, docgen6.FIRST_SEED, 1, [layout]))
    score = Tally()
    raws = [entry.raw for found in find_reference_lists(doc.text) for entry in found.entries]
    result = score.score(doc.truth, raws, doc.labels)
    assert score.f1 == 1.0 and score.merges == 0, (doc.name, result.missed[:2], [m for m, _ in result.merges[:1]])
