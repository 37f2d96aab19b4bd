"""The search indexes hold a title's (and journal's) words, not its rich text: ``CO<sub>2</sub>``
is found as ``CO2`` and a phrase across an italic word is a phrase, from every format and in a
library written before the indexes read the words."""

from __future__ import annotations

import json

import pytest

from vexascite.query import parse_query
from vexascite.store import SCHEMA_VERSION, Store
from vexascite.store.evidence import ranking_texts
from vexascite.store.organise import search

from .helpers import new_work

BIBTEX = r"""@article{uba1,
  title = {Somatic \textit{UBA1} mutations in adults},
  journal = {Invented Haematology},
  year = {2020}, author = {Roe, Rita}
}
@article{co2,
  title = {CO\textsubscript{2} retention in \emph{Escherichia coli}},
  journal = {Journal of CO\textsubscript{2} Science},
  year = {2021}, author = {Poe, Pia}
}
@article{tagtext,
  title = {Reading the <title> element of \textit{invented} pages},
  journal = {Web Studies}, year = {2022}, author = {Doe, Dan}
}
"""

CSL_JSON = [
    {"id": "uba1", "type": "article-journal", "title": "Somatic <i>UBA1</i> mutations in adults",
     "container-title": "Invented Haematology", "issued": {"date-parts": [[2020]]}, "author": [{"family": "Roe"}]},
    {"id": "co2", "type": "article-journal", "title": "CO<sub>2</sub> retention in <i>Escherichia coli</i>",
     "container-title": "Journal of CO<sub>2</sub> Science", "issued": {"date-parts": [[2021]]}, "author": [{"family": "Poe"}]},
    {"id": "tagtext", "type": "article-journal", "title": "Reading the &lt;title&gt; element of <i>invented</i> pages",
     "container-title": "Web Studies", "issued": {"date-parts": [[2022]]}, "author": [{"family": "Doe"}]},
]

# As Crossref serves works: titles and journals as lists, JATS tags, a DOI.
CROSSREF_SHAPED = [
    {"type": "article-journal", "DOI": "10.5555/uba1", "title": ["Somatic <jats:italic>UBA1</jats:italic> mutations in adults"],
     "container-title": ["Invented Haematology"], "issued": {"date-parts": [[2020]]}, "author": [{"family": "Roe", "given": "R"}]},
    {"type": "article-journal", "DOI": "10.5555/co2", "title": ["CO<jats:sub>2</jats:sub> retention in <jats:italic>Escherichia coli</jats:italic>"],
     "container-title": ["Journal of CO<sub>2</sub> Science"], "issued": {"date-parts": [[2021]]}, "author": [{"family": "Poe", "given": "P"}]},
    {"type": "article-journal", "DOI": "10.5555/tag", "title": ["Reading the &lt;title&gt; element of <i>invented</i> pages"],
     "container-title": ["Web Studies"], "issued": {"date-parts": [[2022]]}, "author": [{"family": "Doe", "given": "D"}]},
]

#: query -> the title it must find (by its first word)
FOUND = {
    'title:"somatic uba1 mutations"': "Somatic",
    '"somatic uba1 mutations in adults"': "Somatic",
    "CO2": "CO",
    'title:"co2 retention in escherichia coli"': "CO",
    'journal:"journal of co2 science"': "CO",
    'title:"the title element of invented pages"': "Reading",
}


def _found(run_cli, query: str) -> list[str]:
    result = run_cli("list", query, "--json")
    assert result.exit_code == 0, result.output
    return [row["title"] for row in json.loads(result.stdout)]


@pytest.mark.parametrize(("name", "text"), [
    ("refs.bib", BIBTEX),
    ("refs.json", json.dumps(CSL_JSON)),
    ("crossref.json", json.dumps(CROSSREF_SHAPED)),
])
def test_a_rich_title_is_found_by_its_words(run_cli, tmp_path, name, text):
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    assert run_cli("import", str(source)).exit_code == 0
    for query, first_word in FOUND.items():
        titles = _found(run_cli, query)
        assert len(titles) == 1 and titles[0].startswith(first_word), (query, titles)
    assert _found(run_cli, "title:sub") == [] and _found(run_cli, "title:italic") == []
    with Store.open(run_cli.db) as store:
        text_hits = "select count(*) from works_text_fts where works_text_fts match ?"
        assert store.db.execute(text_hits, ['"co2 retention"']).fetchone()[0] == 1
        assert store.db.execute(text_hits, ['"somatic uba1 mutations"']).fetchone()[0] == 1
        titles = sorted(title for _, title, _, _ in ranking_texts(store))
        assert titles[0].startswith("CO2 retention in Escherichia coli")
        # the rich text stays what is shown and exported
        assert any("<" in row["title"] for row in store.iter_works())


def test_text_that_merely_looks_like_markup_stays_searchable(tmp_path):
    with Store.open(tmp_path / "l.db") as store, store.transaction():
        new_work(store, {"title": "Thresholds at p<0.05 & IL-6 <7 pg in adults"})
    with Store.open(tmp_path / "l.db") as store:
        assert len(search(store, parse_query('title:"p 0 05 il 6 7 pg"'))) == 1


def test_an_edited_title_is_searched_by_its_new_words(tmp_path):
    with Store.open(tmp_path / "l.db") as store:
        with store.transaction():
            work_id = new_work(store, {"title": "Somatic <i>UBA1</i> mutations"})
        with store.transaction():
            store.set_user_edit(work_id, "title", "Ca<sup>2+</sup> flux in <i>VEXAS</i>")
            store.refresh_work(work_id)
        assert search(store, parse_query("uba1")) == []
        assert len(search(store, parse_query('"ca2 flux in vexas"'))) == 1
        assert store.db.execute("select count(*) from works_text_fts where works_text_fts match 'ca2'").fetchone()[0] == 1


def _version_9_library(path) -> None:
    """A library as the last version wrote it: rich titles in both indexes as they were."""
    import sqlite_utils

    from vexascite.store.schema import MIGRATIONS

    db = sqlite_utils.Database(path)
    for number, migrate in enumerate(MIGRATIONS[:9]):
        migrate(db)
        db.execute(f"PRAGMA user_version = {number + 1}")
    works = [
        (1, "uba1", "Somatic <i>UBA1</i> mutations in adults", "Invented Haematology"),
        (2, "co2", "CO<sub>2</sub> retention", "Journal of CO<sub>2</sub> Science"),
        (3, "plain", "Plain words &amp; more", None),
        (4, "tagtext", "Reading the &lt;title&gt; element", None),
    ]
    for work_id, key, title, container in works:
        db["works"].insert({"id": work_id, "key": key, "title": title, "container": container, "authors": "Rita Roe",
                            "csl": json.dumps({"title": title, "abstract": "Invented abstract."}), "status": "unresolved"})
    db.execute("insert into works_fts (rowid, title, authors, container) select id, title, authors, container from works")
    db.execute("insert into works_text_fts (rowid, title, abstract) select id, title, json_extract(csl, '$.abstract') from works")
    db["search_index"].insert({"name": "bm25f", "fingerprint": "x", "built_at": "2026-01-01", "data": b"old"})
    db.conn.commit()
    db.close()


def test_a_library_of_the_last_version_migrates_and_finds_rich_titles_by_their_words(tmp_path):
    path = tmp_path / "l.db"
    _version_9_library(path)
    with Store.open(path) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert [w["key"] for w in search(store, parse_query('title:"somatic uba1 mutations"'))] == ["uba1"]
        assert [w["key"] for w in search(store, parse_query("co2"))] == ["co2"]
        assert [w["key"] for w in search(store, parse_query('journal:"co2 science"'))] == ["co2"]
        assert [w["key"] for w in search(store, parse_query('"the title element"'))] == ["tagtext"]
        assert [w["key"] for w in search(store, parse_query("more"))] == ["plain"]
        assert store.db.execute("select count(*) from works_text_fts where works_text_fts match 'co2'").fetchone()[0] == 1
        assert store.db.execute("select count(*) from search_index").fetchone()[0] == 0  # built from rich text: rebuilt
        assert store.work_row(1)["title"] == "Somatic <i>UBA1</i> mutations in adults"  # the rich text is kept
        store.db.execute("insert into works_fts (works_fts, rank) values ('integrity-check', 1)")
        # the migration runs again safely (an interrupted one is rolled back and run again)
        from vexascite.store.schema import MIGRATIONS

        with store.transaction():
            MIGRATIONS[9](store.db)
        assert [w["key"] for w in search(store, parse_query("co2"))] == ["co2"]
        assert store.db.execute("select count(*) from works_text_fts where works_text_fts match 'invented'").fetchone()[0] == 4
        store.db.execute("insert into works_fts (works_fts, rank) values ('integrity-check', 1)")
        with store.transaction():  # updates and deletes keep both indexes in step
            store.db.execute("delete from works where id = 2")
        assert search(store, parse_query("co2")) == []
        store.db.execute("insert into works_fts (works_fts, rank) values ('integrity-check', 1)")


def test_a_read_only_library_of_the_last_version_is_still_searched(tmp_path):
    """Read as it is where it cannot be migrated (a read-only disk): its indexes hold the rich
    text, which still answers, and evidence ranking reads its titles."""
    path = tmp_path / "l.db"
    _version_9_library(path)
    store = Store._open_read_only(str(path))
    try:
        assert store.read_only
        assert [w["key"] for w in search(store, parse_query("uba1"))] == ["uba1"]
        assert sorted(key for key, *_ in ranking_texts(store)) == ["co2", "plain", "tagtext", "uba1"]
    finally:
        store.close()
