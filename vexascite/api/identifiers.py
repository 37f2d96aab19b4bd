"""What follows a resolution: works that turned out to be one are merged, and works
added by a bare identifier get a key from their metadata.

Both run right after each ``resolve`` and ``add``, in one transaction per work.
"""

from __future__ import annotations

import re
from typing import Any

from ..citekeys import key_stem, unique_key
from ..identity import identity_keys
from ..model import WorkStatus
from ..store import Store
from ..store.library import key_pinned, set_key
from ..store.reading import has_own_entry_key, work_exists

_IDENTIFIER_FIELDS = ("DOI", "PMID", "PMCID")


def is_placeholder_key(store: Store, work_id: int, key: str, csl: dict[str, Any]) -> bool:
    """Whether ``key`` is the stand-in a work added by identifier got (``doi_10_1056_...``,
    ``pmid33108101``) rather than one the user or an imported entry gave it."""
    if key_pinned(store, work_id):
        return False
    if has_own_entry_key(store, work_id):
        return False
    for name in _IDENTIFIER_FIELDS:
        if csl.get(name):
            stem = key_stem({name: csl[name]})
            if re.fullmatch(re.escape(stem) + "[a-z]*", key):
                return True
    return False


def key_from_metadata(store: Store, work_id: int, pattern: str) -> tuple[str, str] | None:
    """Give a work added by identifier the key its metadata makes; the stand-in key stays
    an alias. Returns (old, new), or None when the key stays."""
    row = store.work_row(work_id)
    if not is_placeholder_key(store, work_id, row["key"], row["csl"]):
        return None
    stem = key_stem(row["csl"], pattern)
    if re.fullmatch(re.escape(stem) + "[a-z]*", row["key"]):
        return None  # the metadata still says nothing better than the identifier
    new = unique_key(stem, store.key_taken)
    set_key(store, work_id, new, reason="added as")
    return row["key"], new


def _kept_of(store: Store, a: int, b: int) -> tuple[int, int]:
    """(kept, merged) of two works found to be one: a work with a real key over one with a
    stand-in, else the older."""
    rows = {i: store.work_row(i) for i in (a, b)}
    stand_in = {i: is_placeholder_key(store, i, rows[i]["key"], rows[i]["csl"]) for i in (a, b)}
    if stand_in[a] != stand_in[b]:
        return (b, a) if stand_in[a] else (a, b)
    return (min(a, b), max(a, b))


def merge_same_identifier(store: Store, work_id: int) -> tuple[str, str] | None:
    """Merge a work into another that has its DOI or PMID (the duplicate rule decides).
    Returns (merged key, kept key), or None."""
    row = store.work_row(work_id)
    keys = identity_keys(row["csl"])
    if not (keys.doi or keys.pmid):
        return None
    other = store.find_same_work(keys, excluding=work_id)
    if other is None:
        return None
    other_keys = identity_keys(store.work_row(other)["csl"])
    if not ((keys.doi and keys.doi == other_keys.doi) or (keys.pmid and keys.pmid == other_keys.pmid)):
        return None
    kept, merged = _kept_of(store, work_id, other)
    kept_row, merged_row = store.work_row(kept), store.work_row(merged)
    store.move_work(merged, kept)
    store.refresh_work(kept)
    if merged_row["status"] == str(WorkStatus.RESOLVED) and kept_row["status"] != str(WorkStatus.RESOLVED):
        store.set_work_status(kept, WorkStatus.RESOLVED, f"resolved through {merged_row['key']}, merged into it")
    # (kept-up-to-date exports are rewritten by resolve_works once the run has settled)
    return merged_row["key"], kept_row["key"]


def settle_resolved(store: Store, work_ids: list[int], pattern: str, report: Any) -> None:
    """After a run: merge works that share a DOI or PMID, then key works added by
    identifier from their metadata; both are recorded on ``report``."""
    for work_id in work_ids:
        with store.transaction():
            if not work_exists(store, work_id):
                continue  # merged into an earlier one of this run
            merged = merge_same_identifier(store, work_id)
            if merged is not None:
                report.merged.append(merged)
                work_id = store.work_id_for_key(merged[1])
            rekeyed = key_from_metadata(store, work_id, pattern)
            if rekeyed is not None:
                report.rekeyed.append(rekeyed)
                report.merged[:] = [(a, rekeyed[1] if b == rekeyed[0] else b) for a, b in report.merged]
