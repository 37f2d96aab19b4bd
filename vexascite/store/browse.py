"""Pages of the library for browsing: filtered, sorted, counted, one page at a time.

Only the columns a table shows are read (no CSL JSON), so a page of a 10,000-work
library costs one indexed query and one count.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..query import Query
from . import Store, organise
from .chunks import dicts_in, rows_in

#: Sortable columns (name as the page names it -> SQL expression).
SORTS = {
    "key": "works.key",
    "title": "works.title collate nocase",
    "author": "works.authors collate nocase",
    "year": "works.year",
    "journal": "works.container collate nocase",
    "status": "works.status",
    "updated": "works.updated_at",
}

_COLUMNS = "works.key, works.title, works.authors, works.container, works.year, works.doi, works.pmid, works.pmcid, works.status, works.status_message, works.trashed_at"


def _conditions(
    query: Query, year: int | None, journal: str | None, status: str | None, only_ids: list[int] | None = None
) -> tuple[list[str], list[Any]]:
    where, params = organise.search_conditions(query)
    if only_ids is not None:
        where.append("works.id in (select value from json_each(?))")
        params.append(json.dumps(only_ids))
    if year is not None:
        where.append("works.year = ?")
        params.append(year)
    if journal:
        where.append("works.container = ? collate nocase")
        params.append(journal)
    if status:
        where.append("works.status = ?")
        params.append(status)
    return where, params


def page_of_works(
    store: Store,
    *,
    query: Query | None = None,
    year: int | None = None,
    journal: str | None = None,
    status: str | None = None,
    sort: str | None = None,
    descending: bool = False,
    offset: int = 0,
    limit: int = 50,
    only_ids: list[int] | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """One page of the works (not in the trash) a query finds that pass the filters, and
    how many pass in all. The query is ``list``'s (:func:`organise.search_conditions`,
    collections resolved to ids); with words and no sort, the best matches come first.
    ``only_ids`` keeps only those works (a filter decided above the store)."""
    query = query or Query("")
    where, params = _conditions(query, year, journal, status, only_ids)
    clause = " where " + " and ".join(where)
    total = int(store.db.execute(f"select count(*) from works{clause}", params).fetchone()[0])
    rank_join = ""
    rank_params: list[Any] = []
    if sort in SORTS:
        order = f"{SORTS[sort]} {'desc' if descending else 'asc'}, works.key"
    else:
        rank_join, rank_params, ranked = organise.search_ranking(query)
        order = ranked or "works.key"
    sql = f"select works.id, {_COLUMNS} from works {rank_join}{clause} order by {order} limit ? offset ?"
    rows = [dict(row) for row in store.db.query(sql, [*rank_params, *params, limit, offset])]
    return rows, total


def facet_values(store: Store) -> dict[str, list[Any]]:
    """Values the filters offer: years, the most common journals, statuses present."""
    years = [row[0] for row in store.db.execute("select distinct year from works where year is not null and trashed_at is null order by year desc")]
    journals = [
        row[0]
        for row in store.db.execute(
            "select container from works where container is not null and container != '' and trashed_at is null "
            "group by container order by count(*) desc, container limit 200"
        )
    ]
    statuses = [row[0] for row in store.db.execute("select distinct status from works where trashed_at is null order by status")]
    return {"years": years, "journals": sorted(journals, key=str.lower), "statuses": statuses}


def retraction_candidates(store: Store) -> list[dict[str, Any]]:
    """Works (not in the trash) whose title or stored payloads mention a retraction or
    withdrawal: the few the retracted filter then reads in full."""
    payload_tests = [
        "works.id in (select records.work_id from records join payloads on payloads.id = records.payload_id "
        "where cast(payloads.body as text) like '%retract%' or cast(payloads.body as text) like '%withdraw%')"
    ]
    tests = ["works.title like '%retract%'", "works.title like '%withdraw%'", *payload_tests]
    sql = f"select id, pmid, doi, title from works where trashed_at is null and ({' or '.join(tests)})"
    return [dict(row) for row in store.db.query(sql)]


def trashed_count(store: Store) -> int:
    """How many works are in the trash."""
    return int(store.db.execute("select count(*) from works where trashed_at is not null").fetchone()[0])


def document_by_id(store: Store, document_id: int) -> dict[str, Any] | None:
    """A linked manuscript's row by its id, or None."""
    rows = list(store.db.query("select * from documents where id = ?", [document_id]))
    return dict(rows[0]) if rows else None


def work_summaries_by_id(store: Store, work_ids: list[int]) -> dict[int, dict[str, Any]]:
    """Key, title, authors, journal, year and identifiers of the works named."""
    return {int(row["id"]): row for row in _summaries(store, "id", work_ids)}


def work_summaries_by_key(store: Store, keys: list[str]) -> dict[str, dict[str, Any]]:
    """The summaries of :func:`work_summaries_by_id` for works named by key."""
    return {str(row["key"]): row for row in _summaries(store, "key", keys)}


def _summaries(store: Store, column: str, values: list[Any]) -> Iterator[dict[str, Any]]:
    """Summary rows of the works whose ``column`` (id or key) is one of ``values``."""
    yield from dicts_in(store, f"select works.id, {_COLUMNS} from works where works.{column} in ({{ids}})", values)


def unresolved_keys_of_sources(store: Store, paths: list[str]) -> list[str]:
    """Keys of the works read from these source files that were never resolved (or whose
    last try failed), in the order they were read."""
    if not paths:
        return []
    sql = (
        "select works.key, min(refs.id) as first from refs join sources on sources.id = refs.source_id "
        "join works on works.id = refs.work_id "
        "where sources.path in ({ids}) and works.status in ('unresolved', 'failed') group by works.key"
    )
    found: dict[str, int] = {}
    for key, first in rows_in(store, sql, paths):
        found[key] = min(first, found.get(key, first))
    return sorted(found, key=found.__getitem__)
