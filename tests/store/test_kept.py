"""The library's change counter and the results kept under it (migration 11)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from vexascite.store import SCHEMA_VERSION, Store
from vexascite.store.evidence import library_fingerprint, load_index, save_index, trashed_keys
from vexascite.store.kept import library_mark, load_result, save_result
from vexascite.store.reading import NEAR_DUPLICATE_COLUMNS
from vexascite.store.schema import CONTENT_FINGERPRINT, MIGRATIONS, WATCHED_COLUMNS

from .helpers import new_work


def _library(path: Path) -> tuple[Store, int]:
    store = Store.open(path)
    with store.transaction():
        work_id = new_work(store, {"title": "Somatic UBA1 variants", "abstract": "Vacuoles were seen."})
    return store, work_id


def test_the_counter_moves_on_every_write_of_what_is_kept_from_the_works_and_on_no_other(tmp_path):
    store, work_id = _library(tmp_path / "l.db")
    seen = {library_mark(store)}
    for column, value in (("key", "renamed"), ("title", "Other"), ("title_plain", "Other"), ("year", 2031),
                          ("doi", "10.5555/k"), ("pmid", "90000001"), ("pmcid", "PMC1"), ("trashed_at", "2031-01-01"),
                          ("csl", json.dumps({"title": "Other", "abstract": "Changed."}))):
        with store.transaction():
            store.db.execute(f"update works set {column} = ? where id = ?", [value, work_id])
        mark = library_mark(store)
        assert mark not in seen, column
        seen.add(mark)
    with store.transaction():  # what nothing kept reads: the status, the time of the last change
        store.db.execute("update works set status = 'resolved', status_message = 'x', updated_at = 'now' where id = ?",
                         [work_id])
    assert library_mark(store) in seen
    with store.transaction():
        other = new_work(store, {"title": "Another work entirely"})
    assert library_mark(store) not in seen
    seen.add(library_mark(store))
    with store.transaction():
        store.db.execute("delete from refs where work_id = ?", [other])
        assert store.delete_orphan_works({other}) == [other]
    assert library_mark(store) not in seen
    store.close()


def test_a_write_rolled_back_leaves_the_counter_and_another_program_moves_it(tmp_path):
    store, work_id = _library(tmp_path / "l.db")
    before = library_mark(store)
    with pytest.raises(RuntimeError), store.transaction():
        store.db.execute("update works set title_plain = 'Gone' where id = ?", [work_id])
        raise RuntimeError
    assert library_mark(store) == before
    with sqlite3.connect(tmp_path / "l.db") as other:  # the triggers are the library's, not this program's
        other.execute("update works set csl = json_set(csl, '$.abstract', 'New words') where id = ?", [work_id])
    assert library_mark(store) != before
    store.close()


def test_everything_kept_reads_only_watched_columns():
    assert set(NEAR_DUPLICATE_COLUMNS) <= set(WATCHED_COLUMNS)
    assert {"key", "title", "title_plain", "csl", "trashed_at"} <= set(WATCHED_COLUMNS)  # ranking texts, the trash


def test_reading_the_counter_reads_no_work_and_the_trash_has_its_own_index(tmp_path):
    store, work_id = _library(tmp_path / "l.db")
    with store.transaction():
        store.db.execute("update works set trashed_at = '2031-01-01' where id = ?", [work_id])
    assert trashed_keys(store) == {store.work_row(work_id)["key"]}
    plan = " ".join(row[-1] for row in store.db.execute(
        "explain query plan select key from works where trashed_at is not null"))
    assert "works_trashed" in plan
    assert library_fingerprint(store) == library_mark(store) == "changes 2"
    store.close()


def test_results_are_kept_for_one_state_and_stale_ones_go(tmp_path):
    store, work_id = _library(tmp_path / "l.db")
    mark = library_mark(store)
    save_result(store, "pairs", mark, b"[1]")
    save_result(store, "pairs-t90", mark, b"[2]")
    assert load_result(store, "pairs", mark) == b"[1]" and load_result(store, "pairs-t90", mark) == b"[2]"
    with store.transaction():
        store.db.execute("update works set title = 'Changed' where id = ?", [work_id])
    assert load_result(store, "pairs", library_mark(store)) is None
    save_result(store, "pairs", library_mark(store), b"[3]")
    assert store.db.execute("select name from kept_results").fetchall() == [("pairs",)]
    store.close()


def _version_10_library(path: Path) -> str:
    """A library as the last version left it, with a kept index current for its works and a
    stale one; returns the fingerprint the last version gave it."""
    import sqlite_utils

    db = sqlite_utils.Database(path)
    for number, migrate in enumerate(MIGRATIONS[:10]):
        migrate(db)
        db.execute(f"PRAGMA user_version = {number + 1}")
    db["works"].insert({"id": 1, "key": "uba1", "title": "Vacuoles", "title_plain": "Vacuoles", "status": "unresolved",
                        "csl": json.dumps({"title": "Vacuoles", "abstract": "Vacuoles in myeloid precursors."}),
                        "trashed_at": "2030-01-01"})
    db.execute("insert into works_fts (works_fts) values ('rebuild')")
    db.execute("insert into works_text_fts (rowid, title, abstract) select id, title_plain, json_extract(csl, '$.abstract') "
               "from works")
    current = "|".join(str(value) for value in db.execute(CONTENT_FINGERPRINT).fetchone())
    db["search_index"].insert({"name": "current", "fingerprint": current, "built_at": "2030", "data": b"kept"})
    db["search_index"].insert({"name": "stale", "fingerprint": "1|0|x|0|0", "built_at": "2030", "data": b"old"})
    db.conn.commit()
    db.close()
    return current


def test_a_library_of_the_last_version_migrates_keeping_its_current_index(tmp_path):
    path = tmp_path / "l.db"
    _version_10_library(path)
    with Store.open(path) as store:
        assert store.db.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION >= 11
        mark = library_mark(store)
        assert load_index(store, "current", mark) == b"kept"  # no rebuild after an upgrade
        assert load_index(store, "stale", mark) is None
        assert trashed_keys(store) == {"uba1"}
        with store.transaction():  # the migration runs again safely
            MIGRATIONS[10](store.db)
        assert library_mark(store) == mark and load_index(store, "current", mark) == b"kept"
        triggers = {row[0] for row in store.db.execute("select name from sqlite_master where type = 'trigger'")}
        assert {"works_changes_ai", "works_changes_au", "works_changes_ad"} <= triggers
        with store.transaction():
            store.db.execute("update works set csl = json_set(csl, '$.abstract', 'Other') where id = 1")
        assert library_mark(store) != mark and load_index(store, "current", library_mark(store)) is None


def test_a_read_only_library_of_the_last_version_is_fingerprinted_by_its_contents(tmp_path):
    path = tmp_path / "l.db"
    current = _version_10_library(path)
    store = Store._open_read_only(str(path))
    try:
        assert not store.counts_changes
        assert library_fingerprint(store) == current
        assert load_index(store, "current", current) == b"kept"
        save_index(store, "new", current, b"x")  # nothing kept in a read-only library
        save_result(store, "pairs", current, b"x")
        assert load_result(store, "pairs", current) is None
        assert trashed_keys(store) == {"uba1"}
    finally:
        store.close()


def test_a_result_is_not_kept_while_another_process_writes_and_nothing_waits_for_it(tmp_path):
    store, _ = _library(tmp_path / "l.db")
    store.lock_wait = 300.0
    other = sqlite3.connect(tmp_path / "l.db", isolation_level=None)
    other.execute("begin immediate")  # an import holding the write lock
    try:
        save_result(store, "pairs", library_mark(store), b"[1]")
        assert load_result(store, "pairs", library_mark(store)) is None and store.lock_wait == 300.0
    finally:
        other.execute("rollback")
        other.close()
    save_result(store, "pairs", library_mark(store), b"[1]")
    assert load_result(store, "pairs", library_mark(store)) == b"[1]"
    store.close()


def test_a_bulk_insert_raises_the_counter_once_and_leaves_the_trigger_for_every_other_writer(tmp_path):
    from vexascite.rows import work_columns

    store, _ = _library(tmp_path / "l.db")
    columns = work_columns({"title": "Bulk"}, {"title": "bibtex"}, "2031-01-01T00:00:00+00:00")
    before = store.db.execute("select generation from library_changes").fetchone()[0]
    with store.transaction():
        store.insert_new_works([(10, "ten", columns), (11, "eleven", columns)])
        store.index_new_works(10, 11)
    assert store.db.execute("select generation from library_changes").fetchone()[0] == before + 1
    with pytest.raises(sqlite3.IntegrityError), store.transaction():  # an id taken: nothing of the batch stays
        store.insert_new_works([(12, "twelve", columns), (10, "again", columns)])
    assert store.db.execute("select generation from library_changes").fetchone()[0] == before + 1
    assert store.db.execute("select count(*) from works where id = 12").fetchone()[0] == 0
    triggers = {row[0] for row in store.db.execute("select name from sqlite_master where type = 'trigger'")}
    assert "works_changes_ai" in triggers
    with sqlite3.connect(tmp_path / "l.db") as other:
        other.execute("insert into works (id, key, csl, status) values (20, 'other', '{}', 'unresolved')")
    assert store.db.execute("select generation from library_changes").fetchone()[0] == before + 2
    store.close()
