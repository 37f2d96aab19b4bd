"""Resolve, add, lookup, review: identifiers and metadata verified and found by the services."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..citekeys import USABLE_KEY_RULE, check_key_pattern, is_usable_key
from ..config import Settings
from ..errors import UsageError
from ..importers import IMPORTER_VERSION
from ..model import RawReference, RefStatus
from ..rows import prepare_reference
from ..store import Store
from ..store.ingest import Ingest
from ..store.known import KnownWorks
from ..store.reading import commit_per_item
from .common import open_library
from .exports import sync_exports


def _outcome_candidates(outcome: Any) -> list[dict[str, Any]]:
    """Candidates held for review (``pending``) and the nearest rejected one (``nearest``)."""
    held = [(c, "pending") for c in outcome.candidates]
    if outcome.nearest is not None and not outcome.candidates:
        held.append((outcome.nearest, "nearest"))
    return [
        {"source": c.source, "doi": c.csl.get("DOI"), "pmid": c.csl.get("PMID"), "csl": c.csl,
         "score": c.verdict.score if c.verdict else None, "reason": c.verdict.reason if c.verdict else None,
         "payload_id": c.payload_id, "state": state}
        for c, state in held
    ]


def _save_outcome(store: Store, work_id: int, outcome: Any) -> dict[str, Any] | None:
    """Store one outcome; returns the records it set aside (see ``save_resolution``)."""
    from ..model import WorkStatus
    from ..store.resolution import save_resolution

    if outcome.offline and outcome.status == WorkStatus.UNRESOLVED:
        return None  # nothing was asked: leave the work as it was
    return save_resolution(
        store, work_id, outcome.status, outcome.reason or None, outcome.records, _outcome_candidates(outcome),
        {"matched_by": outcome.matched_by, "doi": outcome.doi, "pmid": outcome.pmid, "pmcid": outcome.pmcid,
         "score": outcome.score},
    )


def resolve_works(
    settings: Settings,
    keys: Iterable[str] | None = None,
    *,
    only_missing: bool = False,
    refresh: bool = False,
    progress: Any = None,
    on_start: Any = None,
) -> Any:
    """Verify and find DOIs, PMIDs and metadata for works of the library.

    Without keys, works never resolved (or whose last try failed) are done; with
    ``only_missing`` works lacking a DOI or PMID; with ``refresh`` all of them again,
    bypassing the HTTP cache. Each work's outcome commits on its own, every service answer
    as it arrives, so an interrupted run loses nothing and a rerun resumes from the cache.
    ``progress(outcome, report)`` is called per work; ``on_start(total)`` once.
    """
    from ..resolve.engine import Item, Resolver
    from ..resolve.http import HttpResponse
    from ..store.resolution import LibraryHttpCache, works_for_resolution

    names = list(keys or [])
    mode = "all" if (refresh or names) else ("missing" if only_missing else "pending")
    with open_library(settings, create=False) as store:
        commit_per_item(store)  # one commit per work, each cheap and kept through a crash
        rows = works_for_resolution(store, names or None, mode)
        passed_over = 0 if names else store.counts()["works"] - len(rows)  # looked up before: said, not silent
        ids = {row["key"]: row["id"] for row in rows}
        if on_start:
            on_start(len(rows))

        def done(outcome: Any, report: Any) -> None:
            aside = _save_outcome(store, ids[outcome.key], outcome)
            if aside:
                report.set_aside.append({"key": outcome.key, **aside})
            if progress:
                progress(outcome, report)

        with Resolver(settings, LibraryHttpCache(store, HttpResponse), refresh=refresh) as resolver:
            report = resolver.run((Item(r["key"], r["csl"], r["raw"]) for r in rows), done)
        report.skipped = passed_over
        from ..model import WorkStatus
        from .identifiers import settle_resolved

        found = [ids[o.key] for o in report.outcomes if o.status == WorkStatus.RESOLVED and o.key in ids]
        settle_resolved(store, found, settings.key_pattern, report)
    if rows:
        sync_exports(settings)
    return report


@dataclass(slots=True)
class AddReport:
    """What ``add`` did: identifiers read, works created or already known, and resolution."""

    added: list[str] = field(default_factory=list)
    known: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    resolution: Any = None
    #: (new key, key of the work it turned out to be once resolved): merged into that work
    merged: list[tuple[str, str]] = field(default_factory=list)
    #: keys of added works no service knows: kept, with status not-found
    not_found: list[str] = field(default_factory=list)
    #: the identifier each key was added or found by
    identifiers: dict[str, str] = field(default_factory=dict)
    #: known works (among ``known``) that are in the trash
    in_trash: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": self.added, "known": self.known, "merged": [{"merged": a, "into": b} for a, b in self.merged],
            "not_found": self.not_found, "unreadable": self.unreadable, "identifiers": self.identifiers,
            "in_trash": self.in_trash,
            "resolution": None if self.resolution is None else {
                **self.resolution.as_dict(), "works": [o.as_dict() for o in self.resolution.outcomes],
            },
        }


def add_identifiers(
    settings: Settings, identifiers: Iterable[str], *, key: str | None = None, progress: Any = None, on_start: Any = None
) -> AddReport:
    """Add works by DOI, PMID or PMCID (any common written form) and resolve them.

    A new work is keyed from its metadata once a service finds it (``key`` pins one
    instead); a work that turns out to be one the library has is merged into it.
    """
    from ..ids import CSL_FIELD, classify_identifier
    from ..model import WorkStatus

    texts = list(identifiers)
    check_key_pattern(settings.key_pattern)
    if key is not None:
        if len(texts) != 1:
            raise UsageError("--key names one work: give one identifier with it")
        if not is_usable_key(key):
            raise UsageError(f"{key!r} is not a usable key: {USABLE_KEY_RULE}")
    report = AddReport()
    keys: list[str] = []
    known = KnownWorks()  # loaded once for all the identifiers, as import does for files
    with open_library(settings) as store:
        for text in texts:
            found = classify_identifier(text)
            if not found:
                report.unreadable.append(text)
                continue
            kind, value = found
            fields = {CSL_FIELD[kind]: value}
            ref = prepare_reference(
                RawReference(raw=text, format="identifier", fields=fields, status=RefStatus.IDENTIFIER), settings.key_pattern
            )
            with store.transaction():
                ingest = Ingest(store, settings.key_pattern, IMPORTER_VERSION, known=known)
                work_id = ingest.match(ref)
                if work_id is None:
                    if key is not None and store.key_taken(key):
                        raise UsageError(f"key {key!r} is already used by another work")
                    outcome = ingest.add(ref)
                    ingest.finish()
                    added = str(outcome.key)
                    if key is not None and outcome.work_id is not None:
                        from ..store.library import set_key

                        set_key(store, outcome.work_id, key, pinned=True, reason="added as")
                        known.forget()  # the keys taken changed
                        added = key
                    report.added.append(added)
                else:
                    added = ingest.known.key_of[work_id]
                    report.known.append(added)
                    if store.work_row(work_id)["trashed_at"]:
                        report.in_trash.append(added)
            report.identifiers[added] = text
            keys.append(added)
    new_keys = [k for k in dict.fromkeys(keys) if k in report.added]
    if new_keys:
        report.resolution = resolve_works(settings, new_keys, progress=progress, on_start=on_start)
        renamed = dict(report.resolution.rekeyed)
        merged_into = dict(report.resolution.merged)
        report.merged = [(k, merged_into[k]) for k in new_keys if k in merged_into]
        report.added = [renamed.get(k, k) for k in report.added if k not in merged_into]
        report.identifiers = {renamed.get(k, k): v for k, v in report.identifiers.items()}
        not_found = {o.key for o in report.resolution.outcomes if o.status == WorkStatus.NOT_FOUND}
        report.not_found = [renamed.get(k, k) for k in new_keys if k in not_found]
    # kept-up-to-date exports were rewritten by resolve_works, after the new works settled
    return report


def lookup_references(
    settings: Settings, strings: Iterable[str], *, progress: Any = None, on_start: Any = None
) -> Iterator[dict[str, Any]]:
    """Match reference strings statelessly (no library, no cache): one result per string.

    Each result: the string, the chosen DOI/PMID (or none), status, score and reason.
    ``on_start(total)`` is called once and ``progress(outcome, report)`` per string, as
    :func:`resolve_works` does.
    """
    from ..model import WorkStatus
    from ..refstring import parse_reference
    from ..resolve.engine import Item, Resolver

    texts = list(strings)
    items = [Item(str(i), parse_reference(text) if text.strip() else {}, text if text.strip() else None) for i, text in enumerate(texts)]
    if on_start:
        on_start(len(items))
    with Resolver(settings, None) as resolver:
        report = resolver.run(items, progress)
    by_key = {o.key: o for o in report.outcomes}
    for i, text in enumerate(texts):
        outcome = by_key[str(i)]
        found = outcome.status == WorkStatus.RESOLVED
        yield {
            "reference": text,
            "status": "found" if found else str(outcome.status),
            "doi": outcome.doi if found else None,
            "pmid": outcome.pmid if found else None,
            "score": outcome.score,
            "matched_by": outcome.matched_by,
            "reason": outcome.reason,
            "candidates": [
                {"doi": c["doi"], "pmid": c["pmid"], "score": c["score"]} for c in _outcome_candidates(outcome)
            ],
        }


class ReviewQueue(list[dict[str, Any]]):
    """Candidates waiting for a decision, and how many more wait for works in the trash
    (left out: restoring the work brings them back)."""

    in_trash: int = 0


def review_candidates(settings: Settings, key: str | None = None) -> ReviewQueue:
    """Candidates too weak or ambiguous to apply, waiting for a decision (works in the
    trash left out, and counted in ``in_trash``)."""
    from ..store.resolution import pending_candidates, pending_in_trash

    with open_library(settings, create=False) as store:
        queue = ReviewQueue(pending_candidates(store, key))
        queue.in_trash = pending_in_trash(store, key)
    return queue


def decide_review(settings: Settings, candidate_id: int, *, accept: bool) -> dict[str, Any]:
    """Apply a candidate as the work's verified record, or reject it."""
    from ..store.resolution import decide_candidate

    with open_library(settings, create=False) as store:
        result = decide_candidate(store, candidate_id, accept)
    sync_exports(settings)
    return result

