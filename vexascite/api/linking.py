"""Link, find, claims: a manuscript's claims linked to what they cite, and searched."""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import InputUnreadable, UsageError
from ..store import Store
from ..store.reading import listed_reference_lines
from .common import _named, open_library
from .exports import sync_exports
from .importing import FileImport, import_file

#: Bumped when linking the same manuscript would give different claims.
LINKER_VERSION = "1"


@dataclass(slots=True)
class LinkReport:
    """What linking one manuscript did: counts, and every marker that did not link."""

    path: str
    format: str
    sentences: int = 0
    claims: int = 0
    citations: int = 0
    linked: int = 0
    entry_only: int = 0
    problems: list[dict[str, Any]] = field(default_factory=list)  # dangling and ambiguous targets
    #: markers read otherwise than written: a range written high to low (``[2–1]``)
    notes: list[dict[str, Any]] = field(default_factory=list)
    ignored_marks: int = 0
    lists: list[dict[str, Any]] = field(default_factory=list)
    imports: list[FileImport] = field(default_factory=list)
    #: Since the last link of the same file (0 at the first): claims no longer in it, and
    #: claims it did not have.
    claims_gone: int = 0
    claims_new: int = 0

    @property
    def dangling(self) -> list[dict[str, Any]]:
        return [p for p in self.problems if p["status"] == "dangling"]


def _import_for_link(store: Store, path: Path, settings: Settings, fmt: str | None) -> tuple[FileImport, int | None]:
    """Import a file's reference lists (skipped when unchanged); returns its source id."""
    result = import_file(store, path, settings, fmt)
    source = store.source_by_path(str(path.resolve()))
    return result, (source.id if source else None)


def _same_offset(offset: int) -> int:
    """Offsets in a text linked as it was read are its own."""
    return offset


def _refuse_reference_file(path: Path, text: str) -> None:
    """A BibTeX, RIS or CSL-JSON file given as the manuscript holds references, not claims
    (its ``@article`` would read as a citation of a key ``article``): said, not linked."""
    from .documents import reference_file_format

    description = reference_file_format(path, text)
    if description:
        raise UsageError(
            f"{path}: a {description} file, not a manuscript: give the manuscript"
            f" (.md, .txt, .tex, .docx, .pdf), with --list {path} when this is its reference list"
        )


def link_manuscript(settings: Settings, path: str | os.PathLike[str], list_path: str | os.PathLike[str] | None = None) -> LinkReport:
    """Find the claims of a manuscript and link each marker to what it cites.

    The manuscript's own numbered reference lists are imported first (a changed file
    is re-read), so numeric markers link to the entries of the list that follows them;
    ``list_path`` names a separate reference list (any importable format) instead.
    Keys and author-year markers resolve to works of the library. Linking again
    replaces the manuscript's claims in one transaction.
    """
    from ..link import extract_claims, read_manuscript
    from ..link.resolution import AuthorYearIndex, ListEntry, RefList, WorkSummary, resolve_target
    from ..refstring import page_furniture
    from ..store import claims as claim_store
    from .documents import refuse_database_file

    manuscript_path = Path(path)
    refuse_database_file(manuscript_path)
    manuscript = read_manuscript(manuscript_path)
    _refuse_reference_file(manuscript_path, manuscript.text)
    report = LinkReport(path=str(manuscript_path), format=manuscript.format)
    with open_library(settings) as store:
        reference_lines: frozenset[int] = frozenset()
        ref_lists: list[RefList] = []
        source_id = None
        numbers_nothing = None  # a --list file with no numbered list
        # The manuscript's own numbered lists (a Word file is read as its text).
        own, source_id = _import_for_link(store, manuscript_path, settings, "text")
        own.problems = [p for p in own.problems if p.line is not None]
        if own.status == "unchanged":  # not re-read: still say which lists it has
            from ..importers.text import list_notes

            own.notes = list_notes(manuscript.text)
        report.imports.append(own)
        if source_id is not None:
            reference_lines = listed_reference_lines(store, source_id)
            for found in claim_store.numbered_lists_of_source(store, source_id):
                ref_lists.append(_ref_list(found, RefList, ListEntry, external=False))
        if list_path is not None:
            given, list_source_id = _import_for_link(store, Path(list_path), settings, None)
            report.imports.append(given)
            if given.status == "unreadable":
                raise InputUnreadable(given.message or f"{list_path}: cannot read")
            given_lists = [
                _ref_list(found, RefList, ListEntry, external=True)
                for found in claim_store.numbered_lists_of_source(store, list_source_id)
            ] if list_source_id is not None else []
            numbers_nothing = given if not given_lists else None
            ref_lists = given_lists or ref_lists
        report.lists = [{"label": r.label, "line": r.line, "entries": len(r.entries), "external": r.external} for r in ref_lists]
        text = manuscript.text
        to_document: Callable[[int], int] = _same_offset
        if manuscript.fields and source_id is not None:
            # a reference manager's field cites exactly the items it carries
            from ..link.documents import with_field_markers
            from ..store.fields import field_work_keys

            text, to_document = with_field_markers(manuscript, field_work_keys(store, source_id))
        # A PDF's running heads and page numbers are no part of any sentence (the list finder's rule).
        furniture = page_furniture(manuscript.text, manuscript.page_lines) if manuscript.page_lines else frozenset()
        extraction = extract_claims(
            text, paragraph_per_line=manuscript.paragraph_per_line, reference_lines=reference_lines, furniture_lines=furniture,
            heading_lines=manuscript.heading_lines,
        )
        report.sentences, report.ignored_marks = extraction.sentences, extraction.ignored_marks
        if numbers_nothing is not None and any(t.kind == "number" for c in extraction.claims for m in c.markers for t in m.marker.targets):
            numbers_nothing.notes.append(  # said, or every [1] would dangle without a word on why
                f"no numbered entries: markers such as [1] cannot cite it ({numbers_nothing.format or 'this format'} numbers nothing; "
                "give the list as printed, or as 'vexascite parse' writes it); its works serve [@key] and \\cite{key} markers"
            )
        keys = claim_store.work_ids_by_key(store)
        needs_author_year = any(t.kind == "author-year" for c in extraction.claims for m in c.markers for t in m.marker.targets)
        author_year = AuthorYearIndex(
            [WorkSummary(**w) for w in claim_store.work_summaries(store)] if needs_author_year else []
        )
        abbreviations = extraction.abbreviations
        claim_rows: list[dict[str, Any]] = []
        citation_rows: list[list[dict[str, Any]]] = []
        ordinal = 0
        for claim in extraction.claims:
            words = set(claim.text.replace("-", " ").split())
            expansions = " ".join(long for short, long in abbreviations.items() if short in words)
            claim_rows.append(
                {
                    "ordinal": claim.ordinal,
                    "start": to_document(claim.start),
                    "end": to_document(claim.end),
                    "line": claim.line,
                    "end_line": claim.end_line,
                    "section": claim.section,
                    "text": claim.text,
                    "raw": claim.raw,
                    "markers": " ".join(m.marker.text for m in claim.markers),
                    "expansions": expansions or None,
                    "segments": json.dumps([(to_document(start), to_document(end)) for start, end in claim.segments]),
                }
            )
            rows = []
            for claim_marker in claim.markers:
                marker = claim_marker.marker
                if marker.backward:
                    report.notes.append({"kind": "backward-range", "line": claim_marker.line, "marker": marker.text,
                                         "message": "a range written high to low, read as "
                                                    + ", ".join(t.label for t in marker.targets)})
                for target in marker.targets:
                    ordinal += 1
                    resolution = resolve_target(
                        target, line=claim_marker.line, lists=ref_lists, work_ids_by_key=keys, author_year=author_year
                    )
                    row = {
                        "ordinal": ordinal,
                        "marker": marker.text,
                        "style": marker.style,
                        "target": target.label,
                        "number": target.number,
                        "cite_key": target.key,
                        "locator": target.locator,
                        "start": to_document(marker.start),
                        "end": to_document(marker.end),
                        "line": claim_marker.line,
                        "clause_start": to_document(claim_marker.clause_start),
                        "clause_end": to_document(claim_marker.clause_end),
                        "clause": claim_marker.clause,
                        "work_id": resolution.work_id,
                        "ref_id": resolution.ref_id,
                        "list_id": resolution.list_id,
                        "status": str(resolution.status),
                        "message": resolution.message,
                    }
                    rows.append(row)
                    if resolution.status == "linked":
                        report.linked += 1
                    elif resolution.status == "entry-only":
                        report.entry_only += 1
                    else:
                        report.problems.append(
                            {"line": claim_marker.line, "marker": marker.text, "target": target.label,
                             "status": str(resolution.status), "message": resolution.message}
                        )
            citation_rows.append(rows)
        report.claims = len(claim_rows)
        report.citations = ordinal
        document = {
            "path": claim_store.document_key(manuscript_path),
            "sha256": hashlib.sha256(manuscript.text.encode("utf-8")).hexdigest(),
            "format": manuscript.format,
            "source_id": source_id,
            "list_path": str(Path(list_path).resolve()) if list_path is not None else None,
            "sentences": report.sentences,
            "claims": report.claims,
            "citations": report.citations,
            "dangling": len(report.dangling),
            "abbreviations": json.dumps(abbreviations, ensure_ascii=False),
            "linker_version": LINKER_VERSION,
        }
        earlier = claim_store.document_row(store, manuscript_path)
        previously_cited = set(claim_store.cited_work_ids_in_order(store, manuscript_path)) if earlier else set()
        if earlier:
            before = Counter(claim_store.claim_texts_of_document(store, earlier["id"]))
            after = Counter(row["text"] for row in claim_rows)
            report.claims_gone, report.claims_new = (before - after).total(), (after - before).total()
        now_cited = {row["work_id"] for rows in citation_rows for row in rows if row["work_id"] is not None}
        no_longer_cited = previously_cited - now_cited
        with store.transaction():
            claim_store.replace_document_claims(store, document, claim_rows, citation_rows)
            # works only the replaced claims kept alive (their list entries are gone, or kept
            # as dropped only for these claims): removed, and said as the import says its own
            key_of = {work_id: store.work_row(work_id)["key"] for work_id in no_longer_cited}
            gone = [key_of[work_id] for work_id in store.delete_orphan_works(no_longer_cited)]
        own.removed += [key for key in gone if key not in own.removed]
        own.kept = [key for key in own.kept if key not in gone]
    sync_exports(settings)  # exports of what this manuscript cites
    return report


def _ref_list(found: dict[str, Any], ref_list_type: Any, entry_type: Any, *, external: bool) -> Any:
    entries = {
        number: entry_type(number, entry["ref_id"], entry["work_id"]) for number, entry in found["entries"].items()
    }
    return ref_list_type(found["list_id"], found["label"], found["line"] or 0, entries, external)


def find_claims(settings: Settings, query: str, limit: int = 10) -> dict[str, Any]:
    """Claim-to-source lookup: claims and works matching ``query``, best first, and the
    library's works that best support it as a statement (``suggested``, see ``suggest``)."""
    from ..store.claims import search_claims
    from .evidence import suggested_for

    with open_library(settings, create=False) as store:
        found = search_claims(store, query, limit)
        found["suggested"] = suggested_for(store, query, limit)
        return found


def evidence_table(settings: Settings, document: str | None = None) -> list[dict[str, Any]]:
    """Every claim (of one manuscript, or all) with its sources, document and location."""
    from ..store.claims import evidence_rows
    from .evidence import attach_evidence

    _named("--doc", document)
    with open_library(settings, create=False) as store:
        rows = evidence_rows(store, document)
        attach_evidence(store, rows)
        return rows

