"""The store: migrations, version guard, WAL, FTS safety."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from vexascite.errors import LibraryTooNew
from vexascite.query import parse_query
from vexascite.rows import WORK_COLUMNS, work_columns
from vexascite.store import SCHEMA_VERSION, Store, fts_query
from vexascite.store.organise import search

from .helpers import new_work


def test_new_library_is_migrated_to_the_latest_version_in_wal_mode(tmp_path):
    store = Store.open(tmp_path / "l.db")
    assert store.db.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.db.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert {"works", "refs", "sources", "works_fts"} <= set(store.db.table_names())
    store.close()
    Store.open(tmp_path / "l.db").close()  # reopening is a no-op migration


def test_newer_library_is_refused_with_a_clear_message(tmp_path):
    Store.open(tmp_path / "l.db").close()
    conn = sqlite3.connect(tmp_path / "l.db")
    conn.execute(f"pragma user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(LibraryTooNew, match="newer vexascite"):
        Store.open(tmp_path / "l.db")


def test_two_connections_can_write_in_turn(tmp_path):
    a = Store.open(tmp_path / "l.db")
    b = Store.open(tmp_path / "l.db")
    with a.transaction():
        new_work(a, {"title": "One"}, "{author}{year}{title}")
    with b.transaction():
        new_work(b, {"title": "Two"}, "{author}{year}{title}")
    assert a.counts()["works"] == 2


@pytest.mark.parametrize("query", ['"', "a AND", "(x", "NEAR(", "-", "*", "col:x", "''", "AND OR NOT"])
def test_any_text_is_a_safe_fts_query(tmp_path, query):
    store = Store.open(tmp_path / "l.db")
    search(store, parse_query(query))
    assert fts_query("JAK-inhibitors (2020)") == '"JAK" "inhibitors" "2020"'


def test_bulk_inserted_and_updated_works_are_in_both_text_indexes(tmp_path):
    store = Store.open(tmp_path / "l.db")
    record = {"type": "article-journal", "title": "Somatic UBA1 variants", "abstract": "Vacuoles in myeloid precursors."}
    with store.transaction():
        store.insert_new_works([(1, "one", work_columns(record, {"title": "bibtex"}, "2026-01-01T00:00:00+00:00"))])
        store.index_new_works(1, 1)
    text_hits = "select rowid from works_text_fts where works_text_fts match ?"
    assert [row[0] for row in store.db.execute(text_hits, ["vacuoles"])] == [1]
    assert [w["key"] for w in search(store, parse_query("somatic"))] == ["one"]
    with store.transaction():
        changed = {"title": "Ruxolitinib", "abstract": "JAK"}
        store.db["works"].update(1, dict(zip(WORK_COLUMNS, work_columns(changed, {}, "2026-01-02T00:00:00+00:00"), strict=True)))
    assert [row[0] for row in store.db.execute(text_hits, ["vacuoles"])] == []
    assert [row[0] for row in store.db.execute(text_hits, ["ruxolitinib"])] == [1]


def test_a_version_3_library_migrates_and_keeps_its_text_index(tmp_path):
    import sqlite_utils

    from vexascite.store.schema import MIGRATIONS

    db = sqlite_utils.Database(tmp_path / "l.db")
    for number, migrate in enumerate(MIGRATIONS[:3]):
        migrate(db)
        db.execute(f"PRAGMA user_version = {number + 1}")
    db["works"].insert({"id": 7, "key": "old", "csl": '{"title": "Vacuoles"}', "status": "unresolved", "title": "Vacuoles"})
    db.conn.commit()
    db.close()
    store = Store.open(tmp_path / "l.db")
    triggers = {row[0] for row in store.db.execute("select name from sqlite_master where type = 'trigger'")}
    assert "works_text_ai" not in triggers and "works_text_au" in triggers
    assert [row[0] for row in store.db.execute("select rowid from works_text_fts where works_text_fts match 'vacuoles'")] == [7]


def test_merging_two_resolved_works_keeps_the_kept_works_resolution(tmp_path):
    store = Store.open(tmp_path / "l.db")
    with store.transaction():
        keep = new_work(store, {"title": "Somatic mutations in UBA1"}, "{title}")
        drop = new_work(store, {"title": "Somatic mutations in UBA1 (PubMed)"}, "{title}")
        for work_id, how in ((keep, "doi"), (drop, "pmid")):
            store.db["resolutions"].insert({"work_id": work_id, "status": "resolved", "matched_by": how})
        store.move_work(drop, keep)
    assert [(r["work_id"], r["matched_by"]) for r in store.db.query("select * from resolutions")] == [(keep, "doi")]
    assert [r["merged_key"] for r in store.db.query("select merged_key from merges")] == ["somatica"]


def test_identifiers_a_merge_kept_outrank_imports_and_give_way_to_an_edit_and_to_the_next_merge(tmp_path):
    from vexascite.store.resolution import keep_identifiers

    store = Store.open(tmp_path / "l.db")
    with store.transaction():
        keep = new_work(store, {"title": "Somatic mutations in UBA1", "DOI": "10.5555/b"}, "{title}")
        keep_identifiers(store, keep, {"DOI": "10.5555/a"}, "merged into x, whose identifiers stay")
        assert store.refresh_work(keep)["DOI"] == "10.5555/a"
        store.set_user_edit(keep, "PMID", "90000123")  # the user names the article: the merge's set stands aside
        assert store.refresh_work(keep)["DOI"] == "10.5555/b"
        store.db.execute("delete from user_edits where work_id = ?", [keep])
        other = new_work(store, {"title": "Another title entirely", "DOI": "10.5555/c"}, "{title}")
        store.move_work(keep, other)  # merged in turn: its kept identifiers gave way to the new KEEP's
        assert list(store.db.query("select * from kept_identifiers")) == []


def test_a_version_8_library_migrates_to_keep_identifiers(tmp_path):
    import sqlite_utils

    from vexascite.store.schema import MIGRATIONS

    db = sqlite_utils.Database(tmp_path / "l.db")
    for number, migrate in enumerate(MIGRATIONS[:8]):
        migrate(db)
        db.execute(f"PRAGMA user_version = {number + 1}")
    db["works"].insert({"id": 3, "key": "old", "csl": '{"title": "Vacuoles", "DOI": "10.5555/v"}', "status": "resolved",
                        "title": "Vacuoles"})
    db.conn.commit()
    db.close()
    store = Store.open(tmp_path / "l.db")
    assert store.db.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION
    assert "kept_identifiers" in store.db.table_names()
    assert store.work_sources(3) == []  # nothing stated yet: no kept identifiers either


def test_writing_loads_sqlite_utils_without_numpy_which_still_imports_after(tmp_path):
    probe = (
        "import sys\n"
        "from vexascite.cli import main\n"
        f"main(['--db', {str(tmp_path / 'l.db')!r}, 'import', 'tests/data/import/same.bib'], standalone_mode=False)\n"
        "loaded = [name for name in ('sqlite_utils', 'numpy', 'rapidfuzz') if name in sys.modules]\n"
        "import numpy\n"
        "print(loaded, numpy.zeros(2).sum())\n"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=root)
    assert result.stdout.splitlines()[-1] == "['sqlite_utils'] 0.0"
