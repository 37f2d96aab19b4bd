"""The one way works come into the library: matched by the duplicate rule, made and
keyed when new, indexed for search; the same answers for every command."""

from __future__ import annotations

from typing import Any

import pytest

from vexascite.identity import identity_keys
from vexascite.model import RawReference, RefStatus
from vexascite.rows import prepare_reference
from vexascite.store import Store
from vexascite.store.ingest import MERGED, NEW, NONE, SAME, Ingest

PATTERN = "{author}{year}{title}"
BECK = {"title": "Somatic mutations in UBA1 and severe adult-onset autoinflammatory disease",
        "author": [{"family": "Beck", "given": "David B."}], "issued": {"date-parts": [[2020]]}}


def record(fields: dict[str, Any], fmt: str = "bibtex", key: str | None = None, raw: str | None = None):
    ref = RawReference(raw=raw or repr((fields, key)), format=fmt, fields=fields, entry_key=key)
    return prepare_reference(ref, PATTERN)


@pytest.fixture
def store(tmp_path):
    store = Store.open(tmp_path / "l.db")
    yield store
    store.close()


def ingest_all(store: Store, *records) -> list:
    with store.transaction():
        ingest = Ingest(store, PATTERN, "1")
        outcomes = [ingest.add(r) for r in records]
        ingest.finish()
    return outcomes


def test_a_record_given_twice_is_one_work_and_comes_back_to_it_later(store):
    first, again = ingest_all(store, record({**BECK, "DOI": "10.5555/beck"}, key="beck2020"),
                              record({"DOI": "10.5555/BECK", "volume": "383"}, fmt="ris"))
    assert (first.kind, again.kind) == (NEW, MERGED)
    assert first.work_id == again.work_id and first.key == again.key == "beck2020"  # the entry's own key
    (later,) = ingest_all(store, record({**BECK}, fmt="csl-json"))  # no DOI: title, first author, year
    assert (later.kind, later.work_id, later.key) == (SAME, first.work_id, "beck2020")
    row = store.work_row(first.work_id)
    assert row["csl"]["volume"] == "383" and row["doi"] == "10.5555/beck"  # both records merged
    hits = store.db.execute("select rowid from works_fts where works_fts match 'autoinflammatory'").fetchall()
    assert [h[0] for h in hits] == [first.work_id]  # indexed for search


def test_a_different_identifier_is_a_different_work_and_gets_its_own_key(store):
    a, b = ingest_all(store, record({**BECK, "DOI": "10.5555/a"}), record({**BECK, "DOI": "10.5555/erratum"}))
    assert (a.kind, b.kind) == (NEW, NEW) and a.work_id != b.work_id
    assert (a.key, b.key) == ("beck2020somatic", "beck2020somatica")


def test_an_identifier_match_wins_over_a_title_match_in_every_lookup(store):
    by_title, by_doi = ingest_all(store, record(BECK), record({"DOI": "10.5555/beck", "title": "Other"}))
    assert by_title.work_id != by_doi.work_id
    both = record({**BECK, "DOI": "10.5555/beck"})
    (outcome,) = ingest_all(store, both)
    assert outcome.work_id == by_doi.work_id
    # the single lookup the resolver uses follows the same rule
    assert store.find_same_work(identity_keys({**BECK, "DOI": "10.5555/beck"})) == by_doi.work_id


def test_a_failed_record_names_no_work_and_is_still_stored(store):
    failed = prepare_reference(RawReference(raw="@article{broken", format="bibtex", status=RefStatus.FAILED), PATTERN)
    (outcome,) = ingest_all(store, failed)
    assert outcome == (None, None, NONE)
    assert store.db.execute("select raw, work_id from refs").fetchall() == [("@article{broken", None)]


def test_a_reference_already_stored_only_gets_its_work(store):
    with store.transaction():
        ingest = Ingest(store, PATTERN, "1")
        one = ingest.add(record(BECK, fmt="text"), keep_ref=False)
        two = ingest.add(record(BECK, fmt="text"), keep_ref=False)
        ingest.finish()
    assert (one.kind, two.kind) == (NEW, MERGED) and one.work_id == two.work_id
    assert store.db.execute("select count(*) from refs").fetchone()[0] == 0
    assert store.db.execute("select count(*) from works").fetchone()[0] == 1


def test_an_entry_of_an_earlier_read_goes_back_to_its_work(store):
    (old,) = ingest_all(store, record(BECK, key="beck", raw="@article{beck, ...}"))
    with store.transaction():
        ingest = Ingest(store, PATTERN, "1", earlier={"key:beck": old.work_id})
        edited = ingest.add(record({"title": "Somatic UBA1 mutations, corrected title"}, key="beck"))
        ingest.finish()
    assert (edited.kind, edited.work_id, edited.key) == (SAME, old.work_id, "beck")


def test_the_same_untitled_item_twice_in_a_batch_is_one_work_a_different_one_is_not(store):
    """A reference manager's item cited in two fields comes twice, verbatim; without a
    title the duplicate rule cannot join it, the identical text does."""
    abstract = {"type": "paper-conference", "author": [{"family": "Okafor"}], "container-title": "Invented Congress",
                "issued": {"date-parts": [[2023]]}}
    raw = '{"id": 1, "itemData": {"author": [{"family": "Okafor"}]}}'
    first, again, other = ingest_all(
        store, record(abstract, "csl-json", raw=raw), record(abstract, "csl-json", raw=raw),
        record(abstract, "csl-json", raw=raw.replace("1", "2")),
    )
    assert (first.kind, again.kind, other.kind) == (NEW, MERGED, NEW)
    assert first.work_id == again.work_id != other.work_id
