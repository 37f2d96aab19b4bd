"""Migration 12: a library written before the one rule for text fields gets its titles' words,
title keys and abstracts' words recomputed, and both search indexes rebuilt from them."""

from __future__ import annotations

import json

import sqlite_utils

from vexascite.query import parse_query
from vexascite.store import Store
from vexascite.store.evidence import ranking_texts
from vexascite.store.organise import search
from vexascite.store.schema import MIGRATIONS

from .helpers import new_work

ABSTRACT = "<jats:p>Cells <jats:italic>in vitro</jats:italic> responded.</jats:p>"


def _version_10_library(path) -> None:
    """A library as version 10 wrote it: raw tags dropped from a title's words, an abstract
    with JATS indexed as it was."""
    db = sqlite_utils.Database(path)
    for number, migrate in enumerate(MIGRATIONS[:10]):
        migrate(db)
        db.execute(f"PRAGMA user_version = {number + 1}")
    works = [
        (1, "tagtext", "Reading the <title> element", "Reading the  element", "readingtheelement", ABSTRACT),
        (2, "amp", "Tom &amp; Jerry in cells", "Tom & Jerry in cells", "tomampjerryincells", "Plain abstract."),
    ]
    for work_id, key, title, words, norm, abstract in works:
        db["works"].insert({"id": work_id, "key": key, "title": title, "title_plain": words, "title_norm": norm,
                            "authors": "Rita Roe", "status": "unresolved",
                            "csl": json.dumps({"title": title, "abstract": abstract})})
    db.execute("insert into works_fts (works_fts) values ('rebuild')")
    db.execute("insert into works_text_fts (rowid, title, abstract) select id, title_plain, json_extract(csl, '$.abstract') from works")
    db["search_index"].insert({"name": "bm25f", "fingerprint": "x", "built_at": "2026-01-01", "data": b"old"})
    db.conn.commit()
    db.close()


def _text_hits(store: Store, query: str) -> int:
    return store.db.execute("select count(*) from works_text_fts where works_text_fts match ?", [query]).fetchone()[0]


def test_a_version_10_library_reads_its_fields_by_the_one_rule(tmp_path):
    path = tmp_path / "l.db"
    _version_10_library(path)
    with Store.open(path) as store:
        assert [w["key"] for w in search(store, parse_query('title:"the title element"'))] == ["tagtext"]
        assert _text_hits(store, "jats") == 0 and _text_hits(store, "italic") == 0
        assert _text_hits(store, '"cells in vitro responded"') == 1
        row = store.work_row(1)
        assert row["title"] == "Reading the <title> element"  # stored fields are not rewritten
        assert row["abstract_plain"].strip() == "Cells in vitro responded."
        assert store.work_row(2)["title_norm"] == "tomjerryincells" and store.work_row(2)["abstract_plain"] is None
        assert store.db.execute("select count(*) from search_index").fetchone()[0] == 0
        assert dict((k, a) for k, _, a, _ in ranking_texts(store))["tagtext"].strip() == "Cells in vitro responded."
        with store.transaction():  # safe to run again
            MIGRATIONS[-1](store.db)
        assert _text_hits(store, "jats") == 0 and _text_hits(store, "vitro") == 1
        store.db.execute("insert into works_fts (works_fts, rank) values ('integrity-check', 1)")
        with store.transaction():  # an update keeps the text index on the abstract's words
            store.db.execute("update works set authors = 'Dan Doe' where id = 1")
        assert _text_hits(store, "jats") == 0 and _text_hits(store, "vitro") == 1


def test_a_new_work_indexes_its_abstract_by_its_words(tmp_path):
    with Store.open(tmp_path / "l.db") as store:
        with store.transaction():
            new_work(store, {"title": "Invented cells", "abstract": "Cells <i>in vitro</i> and CO<sub>2</sub> &amp; more."})
        assert _text_hits(store, "co2") == 1 and _text_hits(store, "sub") == 0 and _text_hits(store, "amp") == 0
