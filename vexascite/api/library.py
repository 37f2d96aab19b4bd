"""Use cases for organising the library: search, tags, collections, notes, the trash.

Every use case that changes works ends by refreshing the exports kept up to date
(:func:`vexascite.api.exports.sync_exports`).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..citekeys import USABLE_KEY_RULE, check_key_pattern, is_usable_key, key_stem, unique_key
from ..config import Settings
from ..errors import NotInLibrary, UsageError, VexasciteError
from ..identity import ID_FIELDS, conflicting_ids, identity_keys
from ..match.near import NearMiss, NearMisses, near_duplicates
from ..model import WorkStatus
from ..query import Clause, parse_query
from ..store import Store
from ..store import organise as org
from ..store.reading import (
    citing_claim_count,
    near_duplicate_rows,
    resolution_of,
    set_aside_records,
    verified_records,
)
from .common import open_library
from .exports import sync_exports


@dataclass(slots=True)
class SearchResult:
    """Works found by a query, and what the query could not use."""

    works: list[dict[str, Any]]
    empty_query: bool = False
    problems: list[str] = field(default_factory=list)


def _decorate(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add each work's tags, collections, notes and trashed flag (for list and show)."""
    ids = [row["id"] for row in rows]
    tags, collections, notes = org.tags_of(store, ids), org.collections_of(store, ids), org.notes_of(store, ids)
    for row in rows:
        row["tags"] = tags[row["id"]]
        row["collections"] = collections[row["id"]]
        row["notes"] = notes[row["id"]]
        row["trashed"] = bool(row.get("trashed_at"))
    return rows


def search_works(
    settings: Settings, query: str | None = None, limit: int | None = None, *, trashed: bool = False,
    tag: str | None = None, collection: str | None = None,
) -> SearchResult:
    """Works matching a query (:mod:`vexascite.query`), best first; all works without one.

    ``limit`` must be at least 1 (a negative or zero limit is a usage error); ``tag`` and
    ``collection`` narrow like ``tag:`` and ``collection:`` in the query. A query that
    holds nothing to search for (only punctuation) finds nothing, and says so.
    """
    if limit is not None and limit < 1:
        raise UsageError(f"--limit {limit}: give a number of works, 1 or more")
    parsed = parse_query(query or "")
    if parsed.problems:
        raise UsageError("; ".join(parsed.problems))
    if query is not None and query.strip() and parsed.empty:
        return SearchResult([], empty_query=True)
    parsed.clauses += _narrowing(tag, collection)
    with open_library(settings, create=False) as store:
        if tag is not None:
            require_tag(store, tag)
        parsed = org.resolve_collections(store, parsed)
        return SearchResult(_decorate(store, org.search(store, parsed, limit, trashed=trashed)))


def selected_keys(
    store: Store, keys: list[str] | None, tag: str | None, collection: str | None
) -> list[str] | None:
    """Keys chosen by ``--keys``, ``--tag`` and ``--collection`` together (all named must
    hold), in the order named (keys) or by key; None when nothing narrows the choice."""
    if tag is None and collection is None:
        return keys
    parsed = parse_query("")
    parsed.clauses += _narrowing(tag, collection)
    parsed = org.resolve_collections(store, parsed)
    found = [row["key"] for row in org.search(store, parsed)]
    if keys is None:
        return found
    chosen = set(found)
    return [key for key in keys if key in chosen]


def require_tag(store: Store, tag: str) -> None:
    """A ``--tag`` no work carries is a mistyped name, not an empty selection (a tag exists
    only on works): say so, as for an unknown collection, rather than export nothing."""
    if not org.tag_exists(store, tag):
        raise NotInLibrary(f"no work has tag {tag!r}; 'vexascite tags' shows them")


def _narrowing(tag: str | None, collection: str | None) -> list[Clause]:
    return ([Clause("tag", value=tag)] if tag is not None else []) + (
        [Clause("collection", value=collection)] if collection is not None else []
    )


def _live_ids(store: Store, keys: Iterable[str]) -> list[tuple[str, int]]:
    names = [k for k in dict.fromkeys(keys) if k]
    if not names:
        raise UsageError("name at least one work by its key")
    return [(key, org.live_work_id(store, key)) for key in names]


# -- tags ---------------------------------------------------------------------------------
@dataclass(slots=True)
class TagReport:
    added: list[tuple[str, str]] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)
    unchanged: list[tuple[str, str]] = field(default_factory=list)


def split_tag_args(args: Iterable[str]) -> tuple[list[str], list[str], list[str]]:
    """``KEY... +TAG -TAG`` -> keys, tags to add, tags to remove."""
    keys, add, remove = [], [], []
    for arg in args:
        if arg.startswith("+") and arg[1:].strip():
            add.append(arg[1:].strip())
        elif arg.startswith("-") and arg[1:].strip():
            remove.append(arg[1:].strip())
        elif arg.strip() in ("", "+", "-"):
            raise UsageError(f"{arg!r}: write +TAG to add a tag, -TAG to remove one")
        else:
            keys.append(arg)
    if not add and not remove:
        hint = f" ({keys[-1]!r} reads as a work's key: +{keys[-1]} adds it as a tag)" if len(keys) > 1 else ""
        raise UsageError(f"say what to do: +TAG adds a tag, -TAG removes one{hint}")
    from ..richtext import CONTROL

    for tag in add + remove:
        if CONTROL.search(tag):
            raise UsageError(f"tag {tag!r} holds a control character: write it without")
    return keys, add, remove


def tag_works(settings: Settings, keys: Iterable[str], add: Iterable[str] = (), remove: Iterable[str] = ()) -> TagReport:
    """Add and remove tags on works, all or nothing (an unknown key changes nothing)."""
    report = TagReport()
    add, remove = list(add), list(remove)
    if set(add) & set(remove):
        raise UsageError(f"tag(s) both added and removed: {', '.join(sorted(set(add) & set(remove)))}")
    with open_library(settings, create=False) as store, store.transaction():
        spellings = org.tag_spellings(store) if add else {}
        for key, work_id in _live_ids(store, keys):
            added, removed = org.change_tags(store, work_id, add, remove, spellings)
            for tag, changed in zip(add, added, strict=True):
                (report.added if changed else report.unchanged).append((key, "+" + tag))
            for tag, changed in zip(remove, removed, strict=True):
                (report.removed if changed else report.unchanged).append((key, "-" + tag))
    if report.added or report.removed:
        sync_exports(settings, selecting="tag")  # tags are not written out
    return report


def list_tags(settings: Settings) -> list[dict[str, Any]]:
    with open_library(settings, create=False) as store:
        return org.all_tags(store)


# -- collections ------------------------------------------------------------------------
def create_collection(settings: Settings, path: str) -> list[str]:
    """Create a collection (and missing parents); returns the paths created."""
    with open_library(settings, create=False) as store, store.transaction():
        _, created = org.create_collection(store, path)
    return created


def list_collections(settings: Settings) -> list[dict[str, Any]]:
    with open_library(settings, create=False) as store:
        return org.all_collections(store)


def rename_collection(settings: Settings, path: str, new_path: str) -> None:
    """Rename or move a collection; exports kept up to date that select it follow it."""
    from ..store import autoexport

    with open_library(settings, create=False) as store, store.transaction():
        org.rename_collection(store, path, "/".join(org.split_path(new_path)))
        autoexport.rename_collection(store, "/".join(org.split_path(path)), "/".join(org.split_path(new_path)))


def delete_collection(settings: Settings, path: str) -> tuple[int, int]:
    """Delete a collection and its sub-collections (the works stay in the library)."""
    with open_library(settings, create=False) as store, store.transaction():
        counts = org.delete_collection(store, path)
    sync_exports(settings, selecting="collection")
    return counts


def change_collection(settings: Settings, path: str, keys: Iterable[str], *, add: bool) -> tuple[list[str], list[str]]:
    """Add works to (or take them out of) a collection; returns (changed, unchanged) keys.
    Adding to a collection that does not exist creates it."""
    changed: list[str] = []
    unchanged: list[str] = []
    with open_library(settings, create=False) as store, store.transaction():
        ident = org.create_collection(store, path)[0] if add else org.collection_id(store, path)
        for key, work_id in _live_ids(store, keys):
            done = org.add_to_collection(store, ident, work_id) if add else org.remove_from_collection(store, ident, work_id)
            (changed if done else unchanged).append(key)
    if changed:
        sync_exports(settings, selecting="collection")
    return changed, unchanged


# -- notes ------------------------------------------------------------------------------
def add_note(settings: Settings, key: str, text: str) -> tuple[int, bool]:
    """Attach a note to a work; returns the note's id and whether it is new (the same
    text on the work already is not added twice)."""
    if not text.strip():
        raise UsageError("the note is empty")
    with open_library(settings, create=False) as store, store.transaction():
        note_id, added = org.add_note(store, org.live_work_id(store, key), text)
    if added:
        sync_exports(settings, keys=[key])
    return note_id, added


def list_notes(settings: Settings, key: str) -> list[dict[str, Any]]:
    with open_library(settings, create=False) as store:
        work_id = store.work_id_for_key(key)
        return org.notes_of(store, [work_id])[work_id]


def remove_note(settings: Settings, note_id: int) -> str:
    """Delete a note by its id; returns the key of its work."""
    with open_library(settings, create=False) as store, store.transaction():
        key = store.work_row(org.remove_note(store, note_id))["key"]
    sync_exports(settings, keys=[key])
    return key


# -- trash ------------------------------------------------------------------------------
@dataclass(slots=True)
class TrashReport:
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    #: per key moved to the trash: how many claims still cite it
    citing_claims: dict[str, int] = field(default_factory=dict)


def remove_works(settings: Settings, keys: Iterable[str]) -> TrashReport:
    """Move works to the trash (all or nothing): they leave list, export and find, and
    keep everything until the trash is emptied; claims that cite them say so."""
    report = TrashReport()
    with open_library(settings, create=False) as store, store.transaction():
        for key in dict.fromkeys(keys):
            work_id = store.work_id_for_key(key)
            if org.trash_work(store, work_id):
                report.changed.append(key)
                cited = citing_claim_count(store, work_id)
                if cited:
                    report.citing_claims[key] = int(cited)
            else:
                report.unchanged.append(key)
    if report.changed:
        sync_exports(settings, keys=report.changed)
    return report


def restore_works(settings: Settings, keys: Iterable[str]) -> TrashReport:
    """Bring works back from the trash, as they were."""
    report = TrashReport()
    with open_library(settings, create=False) as store, store.transaction():
        for key in dict.fromkeys(keys):
            work_id = store.work_id_for_key(key)
            (report.changed if org.restore_work(store, work_id) else report.unchanged).append(key)
    if report.changed:
        sync_exports(settings, keys=report.changed)
    return report


def list_trash(settings: Settings) -> list[dict[str, Any]]:
    with open_library(settings, create=False) as store:
        return org.trashed_works(store)


def empty_trash(settings: Settings, keys: Iterable[str] | None = None) -> dict[str, int]:
    """Delete the works in the trash for good (see :func:`vexascite.store.organise.empty_trash`);
    with ``keys``, only those of them (what a confirmation showed), the rest counted as kept."""
    with open_library(settings, create=False) as store, store.transaction():
        only = None
        if keys is not None:
            only = set()
            for key in keys:
                with contextlib.suppress(NotInLibrary):  # deleted meanwhile (another tab)
                    only.add(store.work_id_for_key(key))
        return org.empty_trash(store, only)


def work_details(store: Store, work_id: int) -> dict[str, Any]:
    """Tags, collections, notes and the trashed flag of one work (for ``show``)."""
    row = store.work_row(work_id)
    decorated = _decorate(store, [row])[0]
    return {name: decorated[name] for name in ("tags", "collections", "notes", "trashed", "trashed_at")}


__all__ = [
    "SearchResult",
    "TagReport",
    "TrashReport",
    "add_note",
    "change_collection",
    "create_collection",
    "delete_collection",
    "empty_trash",
    "list_collections",
    "list_notes",
    "list_tags",
    "list_trash",
    "remove_note",
    "remove_works",
    "rename_collection",
    "restore_works",
    "search_works",
    "selected_keys",
    "split_tag_args",
    "tag_works",
    "work_details",
    "list_works",
    "show_work",
    "library_stats",
    "NearMiss",
    "NearMisses",
    "find_near_duplicates",
    "merge_works",
    "rekey_work",
]


# -- reading the library -------------------------------------------------------------
def list_works(settings: Settings, query: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Works matching a query (all works without one), best first (see :func:`search_works`)."""
    from .library import search_works

    return search_works(settings, query, limit).works


def show_work(settings: Settings, key: str) -> dict[str, Any]:
    """Everything the library holds on one work: fields, provenance, raw occurrences."""
    with open_library(settings, create=False) as store:
        work_id = store.work_id_for_key(key)
        row = store.work_row(work_id)
        row["references"] = store.refs_of_work(work_id)
        row["records"] = verified_records(store, work_id)
        row["records_set_aside"] = set_aside_records(store, work_id)
        row["resolution"] = resolution_of(store, work_id)
        from ..store.claims import claims_citing_work

        row["claims"] = claims_citing_work(store, work_id)
        from .editing import work_annotations
        from .library import work_details

        row.update(work_details(store, work_id))
        row.update(work_annotations(store, work_id))

        from .evidence import attach_work_evidence

        attach_work_evidence(store, work_id, row["claims"])
    return row


def library_stats(settings: Settings) -> dict[str, Any]:
    """Counts of sources, references and works, by format and status."""
    with open_library(settings, create=False) as store:
        return {
            **store.counts(),
            "references_by_format": store.count_by("refs", "format"),
            "works_by_type": store.count_by("works", "type"),
            "works_by_status": store.count_by("works", "status"),
        }


# -- duplicates ------------------------------------------------------------------------
def find_near_duplicates(settings: Settings, threshold: float = 85.0) -> NearMisses:
    """Pairs of works the duplicate rule kept apart but that look alike, for review: kept
    in the library with its change counter, so that asking again (each page of the web
    page) reads them until a work changes rather than finding them again."""
    from ..store.kept import library_mark, load_result, save_result

    name = f"near-duplicates-{_pairs_code()}-t{threshold!r}"
    with open_library(settings, create=False) as store:
        mark = library_mark(store)  # read first: a write meanwhile moves it, and what is kept then is never read
        kept = load_result(store, name, mark)
        if kept is not None:
            return NearMisses.from_json(kept)
        pairs = near_duplicates(near_duplicate_rows(store), threshold)
        save_result(store, name, mark, pairs.to_json())
    return pairs


@functools.cache
def _pairs_code() -> str:
    """A digest of the code that finds the pairs (``match/near.py`` and ``identity.py``,
    which scores them): pairs another version found are found again, never read."""
    from .. import identity
    from ..match import near

    digest = hashlib.sha256()
    for module in (near, identity):
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()[:12]


def merge_works(settings: Settings, keep_key: str, drop_key: str) -> dict[str, Any]:
    """Merge work ``drop_key`` into ``keep_key`` on request: every raw occurrence, record
    and edit moves over; the kept work's key stays; the dropped record is kept in history.
    Run again (both keys name one work already), it changes nothing and says so
    (``merged`` is None), as a repeated ``tag`` or ``rekey`` does."""
    if keep_key == drop_key:
        raise UsageError("cannot merge a work with itself")
    from ..merge import merge_records
    from ..store.library import user_edits
    from ..store.resolution import keep_identifiers, set_aside_contradicted

    with open_library(settings, create=False) as store, store.transaction():
        keep_id = store.work_id_for_key(keep_key)
        drop_id = store.work_id_for_key(drop_key)
        if keep_id != drop_id:  # a work in the trash is not changed (merged into, it took DROP there)
            for key in (keep_key, drop_key):
                org.live_work_id(store, key)
        if keep_id == drop_id:  # one is a key the work is also known by (a merge run again): nothing to do
            return {"key": store.work_row(keep_id)["key"], "merged": None, "same_work": [keep_key, drop_key],
                    "csl": None, "edits_gave_way": {}, "set_aside": []}
        kept, dropped = user_edits(store, keep_id), user_edits(store, drop_id)
        # the user's own values on both sides: KEEP's stay, and DROP's are named (the merge history holds them)
        gave_way = {name: (dropped[name], kept[name]) for name in sorted(set(kept) & set(dropped)) if kept[name] != dropped[name]}
        keep_row = store.work_row(keep_id)
        # KEEP's identifiers stay: DROP's records verified for another DOI, PMID or PMCID
        # are of another article and are set aside, by the rule an edit of them applies
        kept_ids = {name: keep_row["csl"][name] for name in ID_FIELDS if keep_row["csl"].get(name)}
        # where DROP states others, they stay for good: a later 'resolve --refresh' or
        # import must not bring DROP's article back (nor a tie between imports pick it)
        drop_ids = [identity_keys(csl) for _, csl in store.work_sources(drop_id)]
        # (what KEEP's sources state: KEEP's own edits win anyway, and reverting one later
        # brings back what the sources said, not the edit)
        stated, _ = merge_records([(s, csl) for s, csl in store.work_sources(keep_id) if s != "user"])
        store.move_work(drop_id, keep_id)
        if any(conflicting_ids(identity_keys(kept_ids), other) for other in drop_ids):
            keep_identifiers(store, keep_id, {name: stated[name] for name in ID_FIELDS if stated.get(name)},
                             f"merged into {keep_row['key']}, whose identifiers stay")
        store.refresh_work(keep_id)
        aside = set_aside_contradicted(store, keep_id)
        merged = store.refresh_work(keep_id)
        if conflicting_ids(identity_keys(merged), identity_keys(keep_row["csl"])) and \
                keep_row["status"] != str(WorkStatus.UNRESOLVED):
            # an identifier DROP's edit stated now stands: what KEEP's records verified needs verifying again
            store.set_work_status(keep_id, WorkStatus.UNRESOLVED,
                                  f"identifiers changed by merging {drop_key}: 'vexascite resolve' verifies them again")
    sync_exports(settings)
    return {"key": keep_key, "merged": drop_key, "csl": merged, "edits_gave_way": gave_way, "set_aside": aside}



# -- citation keys ---------------------------------------------------------------------
def rekey_work(settings: Settings, key: str, new_key: str | None = None) -> tuple[str, str]:
    """Give a work a new citation key, on request only: the one named, or a fresh one
    from its current fields and the key pattern. Returns (old, new)."""
    check_key_pattern(settings.key_pattern)

    with open_library(settings, create=False) as store, store.transaction():
        work_id = store.work_id_for_key(key)
        if new_key is not None:
            if not is_usable_key(new_key):
                raise UsageError(f"{new_key!r} is not a usable key: {USABLE_KEY_RULE}")
            if _alias_elsewhere(store, new_key, work_id):
                raise UsageError(f"key {new_key!r} is already used by another work")
            chosen = new_key
        else:
            csl = store.work_row(work_id)["csl"]
            chosen = unique_key(key_stem(csl, settings.key_pattern), lambda k: _alias_elsewhere(store, k, work_id))
        from ..store.autoexport import rename_key
        from ..store.library import set_key

        # the old key stays an alias; a key the user chose is pinned (metadata never replaces it)
        old = set_key(store, work_id, chosen, pinned=True if new_key is not None else None)
        rename_key(store, key, chosen)  # exports kept up to date follow the work
    sync_exports(settings)
    return old, chosen


def _alias_elsewhere(store: Store, key: str, work_id: int) -> bool:
    """Whether ``key`` names another work (as its key or an alias): a work may take back
    a key it was known by itself."""
    try:
        return store.work_id_for_key(key) != work_id
    except VexasciteError:
        return False

