"""Small reads and settings the use cases need that no larger store module owns.

Kept here so that no SQL reaches the api layer (the layer contract cannot see SQL).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .chunks import rows_in

if TYPE_CHECKING:
    from . import Store


def keys_by_work_id(store: Store) -> dict[int, str]:
    """Every work's current key, by work id."""
    return {row[0]: row[1] for row in store.db.execute("select id, key from works").fetchall()}


#: What the pairs are found from (all in :data:`~vexascite.store.schema.WATCHED_COLUMNS`,
#: so that a write of any of them makes the kept pairs stale).
NEAR_DUPLICATE_COLUMNS = ("key", "title", "year", "doi", "pmid", "pmcid", "csl")


def near_duplicate_rows(store: Store) -> list[dict[str, Any]]:
    """What near-duplicate pairs are found and shown from, for every work not in the trash,
    by key: its key, title, year, identifiers and CSL record (provenance is not read)."""
    sql = f"select {', '.join(NEAR_DUPLICATE_COLUMNS)} from works where trashed_at is null order by key"
    return [{"key": key, "title": title, "year": year, "doi": doi, "pmid": pmid, "pmcid": pmcid, "csl": json.loads(csl)}
            for key, title, year, doi, pmid, pmcid, csl in store.db.execute(sql).fetchall()]


def work_exists(store: Store, work_id: int) -> bool:
    """Whether a work of this id is in the library (merged works are not)."""
    return store.db.execute("select 1 from works where id = ?", [work_id]).fetchone() is not None


def has_own_entry_key(store: Store, work_id: int) -> bool:
    """Whether an imported BibTeX or CSL-JSON entry of the work carried its own key."""
    return store.db.execute(
        "select 1 from refs where work_id = ? and format in ('bibtex', 'csl-json') and entry_key is not null limit 1",
        [work_id],
    ).fetchone() is not None


def citing_claim_count(store: Store, work_id: int) -> int:
    """How many claims cite a work."""
    return int(store.db.execute("select count(distinct claim_id) from citations where work_id = ?", [work_id]).fetchone()[0])


def verified_records(store: Store, work_id: int) -> list[dict[str, Any]]:
    """The records services gave for a work, with where and when each was fetched."""
    return [
        dict(r)
        for r in store.db.query(
            "select records.source, records.verified_at, payloads.method, payloads.url, payloads.fetched_at "
            "from records left join payloads on payloads.id = records.payload_id where records.work_id = ? "
            "order by records.id", [work_id])
    ]


def set_aside_records(store: Store, work_id: int) -> list[dict[str, Any]]:
    """Records once verified for a work, set aside as of another article (with why)."""
    return [
        dict(r)
        for r in store.db.query(
            "select source, verified_at, set_aside_at, reason, json_extract(csl, '$.DOI') as doi, "
            "json_extract(csl, '$.PMID') as pmid from records_set_aside where work_id = ? order by id", [work_id])
    ]


def resolution_of(store: Store, work_id: int) -> dict[str, Any] | None:
    """How the work was last resolved (None when it never was), and whether that still
    stands: ``current`` is false once the work's status moved on without a resolution (an
    edit of its DOI made it unresolved, a candidate was decided on review, a merge), and
    ``since`` then says why (the work's own status message)."""
    rows = store.db.query(
        "select resolutions.*, works.status as work_status, works.status_message as work_message "
        "from resolutions join works on works.id = resolutions.work_id where work_id = ?", [work_id])
    row = next(iter(rows), None)
    if row is None:
        return None
    row = dict(row)
    work_status, work_message = row.pop("work_status"), row.pop("work_message")
    row["current"] = work_status == row["status"] and work_message == row["reason"]
    row["since"] = None if row["current"] else (work_message or f"the work is {work_status} now")
    return row


def listed_reference_lines(store: Store, source_id: int) -> frozenset[int]:
    """Lines of a source that hold entries of its reference lists."""
    return frozenset(
        int(row["line"])
        for row in store.db.query(
            "select line from refs where source_id = ? and line is not null and list_id is not null", [source_id]
        )
    )


def commit_per_item(store: Store) -> None:
    """Make the many small commits of a long run cheap: in WAL mode NORMAL keeps every
    commit through a crash of the process (only a power cut can undo the last ones) at a
    tenth of the cost of FULL."""
    store.db.execute("PRAGMA synchronous = NORMAL")


def keys_of_works(store: Store, work_ids: list[int]) -> dict[int, str]:
    """The keys of the works named, by work id (works no longer there are left out)."""
    return dict(rows_in(store, "select id, key from works where id in ({ids})", work_ids))


def claim_texts(store: Store, claim_ids: list[int]) -> dict[int, str]:
    """The text of each claim named, by claim id."""
    return dict(rows_in(store, "select id, text from claims where id in ({ids})", claim_ids))
