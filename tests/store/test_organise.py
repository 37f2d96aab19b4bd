"""Tags, collections, notes and the trash in the store; search with any text."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vexascite.errors import NotInLibrary, UsageError
from vexascite.query import parse_query
from vexascite.store import Store
from vexascite.store import organise as org

from .helpers import new_work


@pytest.fixture
def store(tmp_path):
    store = Store.open(tmp_path / "l.db")
    with store.transaction():
        for title in ("Thrombosis in VEXAS", "Ruxolitinib response", "Somatic UBA1 variants"):
            work_id = new_work(store, {"title": title}, "{title}")
            store.db["works"].update(work_id, {"title": title, "csl": json.dumps({"title": title})})
    yield store
    store.close()


def found(store, text):
    return [row["title"] for row in org.search(store, org.resolve_collections(store, parse_query(text)))]


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.text(max_size=60))
def test_any_text_searches_without_error(store, text):
    query = parse_query(text)
    query.clauses = [c for c in query.clauses if c.kind != "collection"]
    org.search(store, query)


def test_collections_nest_and_a_collection_includes_its_sub_collections(store):
    with store.transaction():
        inner, created = org.create_collection(store, "A/B/C")
        assert created == ["A", "A/B", "A/B/C"]
        org.add_to_collection(store, inner, 1)
        org.add_to_collection(store, org.collection_id(store, "A"), 2)
    assert set(found(store, "collection:A")) == {"Thrombosis in VEXAS", "Ruxolitinib response"}
    assert found(store, "collection:A/B") == ["Thrombosis in VEXAS"]
    with pytest.raises(UsageError):
        org.rename_collection(store, "A", "A/B/C/D")
    with pytest.raises(UsageError):
        org.split_path("A//B")
    org.rename_collection(store, "A/B", "Top")
    assert found(store, "collection:Top") == ["Thrombosis in VEXAS"]
    assert org.delete_collection(store, "A") == (1, 1)
    with pytest.raises(NotInLibrary):
        org.collection_id(store, "A")


def test_merging_works_unites_their_tags_and_collections(store):
    with store.transaction():
        org.add_tag(store, 1, "jak")
        org.add_tag(store, 2, "jak")
        org.add_tag(store, 2, "vexas")
        org.add_note(store, 2, "kept")
        store.move_work(2, 1)
    assert org.tags_of(store, [1])[1] == ["jak", "vexas"]
    assert [n["text"] for n in org.notes_of(store, [1])[1]] == ["kept"]


def test_trashed_works_leave_search_and_come_back(store):
    with store.transaction():
        assert org.trash_work(store, 1) and not org.trash_work(store, 1)
    assert found(store, "thrombosis") == []
    assert [row["title"] for row in org.search(store, parse_query("thrombosis"), trashed=True)] == ["Thrombosis in VEXAS"]
    assert [row["key"] for row in store.iter_works()] == sorted(row["key"] for row in store.iter_works())
    assert len(list(store.iter_works())) == 2
    with store.transaction():
        org.restore_work(store, 1)
        org.trash_work(store, 3)
        assert org.empty_trash(store)["works"] == 1
    assert found(store, "thrombosis") == ["Thrombosis in VEXAS"]
    assert store.db.execute("select count(*) from works").fetchone()[0] == 2


def test_a_version_4_library_migrates_with_its_works_out_of_the_trash(tmp_path):
    import sqlite_utils

    from vexascite.store.schema import MIGRATIONS

    db = sqlite_utils.Database(tmp_path / "old.db")
    for number, migrate in enumerate(MIGRATIONS[:4]):
        migrate(db)
        db.execute(f"PRAGMA user_version = {number + 1}")
    db["works"].insert({"id": 1, "key": "old", "csl": "{}", "status": "unresolved", "title": "Old"})
    db.conn.commit()
    db.close()
    with Store.open(tmp_path / "old.db") as store:
        assert [row["key"] for row in store.iter_works()] == ["old"]
        assert {"tags", "collections", "collection_works", "notes", "auto_exports"} <= set(store.db.table_names())


def test_tags_match_whatever_their_case_and_keep_their_first_spelling(store):
    with store.transaction():
        assert org.add_tag(store, 1, "JAK")
        assert not org.add_tag(store, 1, "jak")  # the same tag: the work has it already
        assert org.add_tag(store, 2, "jak")  # another work gets the tag as first spelt
    assert org.tags_of(store, [1, 2]) == {1: ["JAK"], 2: ["JAK"]}
    assert org.all_tags(store) == [{"tag": "JAK", "works": 2}]
    assert org.tag_exists(store, "Jak") and sorted(found(store, "tag:jak")) == ["Ruxolitinib response", "Thrombosis in VEXAS"]
    with store.transaction():
        assert org.remove_tag(store, 1, "jak")  # removing matches as tag_exists and the filter do
        assert not org.remove_tag(store, 1, "JAK")
    assert org.tags_of(store, [1, 2]) == {1: [], 2: ["JAK"]}


def test_thousands_of_tags_take_linear_time(store):
    """Adding, listing and removing n tags reads the tags table a bounded number of times,
    not once a tag: four times the tags take about four times as long, not sixteen."""
    import time

    def run(n: int, prefix: str) -> float:
        started = time.process_time()
        tags = [f"{prefix}{i}" for i in range(n)]
        with store.transaction():
            assert org.change_tags(store, 1, tags, [], org.tag_spellings(store))[0] == [True] * n
        assert len(org.all_tags(store)) >= n
        with store.transaction():
            assert org.change_tags(store, 1, [], [t.upper() for t in tags], {})[1] == [True] * n
        return time.process_time() - started

    small = min(run(1000, f"s{k}-") for k in range(2))
    large = run(4000, "l-")
    assert large < 8 * small + 0.05, (small, large)
    assert org.tags_of(store, [1]) == {1: []}


def test_removing_a_tag_takes_every_case_an_old_library_holds(store):
    store.db.execute("insert into tags (work_id, tag, tagged_at) values (1, 'JAK', 'a'), (1, 'jak', 'b')")
    with store.transaction():
        assert org.change_tags(store, 1, [], ["Jak"], {}) == ([], [True])
    assert org.tags_of(store, [1]) == {1: []}
