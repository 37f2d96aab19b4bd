"""Use cases of vexascite. Each CLI command calls one function here and prints its report.

Functions take :class:`~vexascite.config.Settings` (or an open store), do the work,
and return plain report objects; they never print or exit.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .citekeys import key_stem, unique_key
from .config import Settings
from .errors import InputUnreadable, UsageError, VexasciteError
from .identity import identity_keys, near_miss_score
from .importers import IMPORTABLE_SUFFIXES, IMPORTER_VERSION, detect_format, reader_for
from .merge import merge_records
from .model import ImportProblem, ParsedFile, RawReference, RefStatus, Work
from .store import Store

#: Files larger than this are refused unread (a reference file this size is a mistake).
MAX_IMPORT_BYTES = 200 * 1024 * 1024


@contextmanager
def open_library(settings: Settings, *, create: bool = True) -> Iterator[Store]:
    """Open the library named by the settings for the length of a block."""
    store = Store.open(settings.db, create=create)
    try:
        yield store
    finally:
        store.close()


# -- import -----------------------------------------------------------------------------
@dataclass(slots=True)
class FileImport:
    """What importing one file did."""

    path: str
    format: str | None = None
    status: str = "imported"  # imported | unchanged | unreadable | failed
    references: int = 0
    new_works: int = 0
    matched_works: int = 0
    problems: list[ImportProblem] = field(default_factory=list)
    message: str | None = None


@dataclass(slots=True)
class ImportReport:
    files: list[FileImport] = field(default_factory=list)

    @property
    def problem_count(self) -> int:
        return sum(len(f.problems) for f in self.files)

    @property
    def unreadable(self) -> list[FileImport]:
        return [f for f in self.files if f.status == "unreadable"]


def iter_input_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Files named, and importable files inside folders named (sorted, recursive)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in IMPORTABLE_SUFFIXES and not child.name.startswith("."):
                    yield child
        else:
            yield path


def decode_input(data: bytes, name: str) -> tuple[str, list[ImportProblem]]:
    """Bytes to text: UTF-8 (BOM allowed); lines in another encoding are read as
    Windows-1252/Latin-1 and reported, binary files are refused."""
    head = data[:8192]
    if b"\x00" in head or (head and sum(b < 9 or 13 < b < 32 for b in head) > len(head) * 0.05):
        raise InputUnreadable(f"{name}: looks like a binary file, not references; nothing imported")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    problems: list[ImportProblem] = []
    lines = []
    for number, line in enumerate(data.splitlines(keepends=True), start=1):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(line.decode("cp1252", errors="replace"))
            problems.append(
                ImportProblem(number, "not UTF-8; read as Latin-1/Windows-1252: check its accents and save the file as UTF-8")
            )
    return "".join(lines).lstrip("\ufeff"), problems


def read_input_file(path: Path, fmt: str | None = None) -> tuple[ParsedFile, str, int, list[ImportProblem]]:
    """Read and parse one file (no store involved): parsed content, sha256, size, problems."""
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise InputUnreadable(f"{path}: {size / 2**20:.0f} MB is larger than the {MAX_IMPORT_BYTES // 2**20} MB import limit; split the file")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputUnreadable(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise InputUnreadable(f"{path}: is a folder") from exc
    except OSError as exc:
        raise InputUnreadable(f"{path}: cannot read: {exc.strerror or exc}") from exc
    sha = hashlib.sha256(data).hexdigest()
    text, problems = decode_input(data, str(path))
    chosen = fmt or detect_format(path.name, text[:4096])
    parsed = reader_for(chosen)(text)
    if not text.strip():
        problems.append(ImportProblem(None, "file is empty: nothing to import"))
    return parsed, sha, size, problems


def import_paths(
    settings: Settings, paths: Iterable[str | os.PathLike[str]], fmt: str | None = None, *, force: bool = False
) -> ImportReport:
    """Import files and folders into the library, one transaction per file.

    A file already imported with the same content is skipped (so re-running is safe);
    a changed file replaces its earlier references. Unreadable files are reported and
    the rest still imported.
    """
    report = ImportReport()
    files = list(iter_input_files(paths))
    if not files:
        raise UsageError("no files to import: name .bib, .ris, .json, .nbib, .xml, .txt or .md files or folders")
    with open_library(settings) as store:
        for path in files:
            report.files.append(import_file(store, path, settings, fmt, force=force))
    return report


def import_file(store: Store, path: Path, settings: Settings, fmt: str | None = None, *, force: bool = False) -> FileImport:
    """Import one file into an open store (see :func:`import_paths`)."""
    display = str(path)
    result = FileImport(path=display)
    try:
        parsed, sha, size, problems = read_input_file(path, fmt)
    except InputUnreadable as exc:
        result.status, result.message = "unreadable", str(exc)
        return result
    result.format = parsed.format
    source_key = str(path.resolve())
    previous = store.source_by_path(source_key)
    if previous and previous.sha256 == sha and not force:
        result.status = "unchanged"
        return result
    result.problems = problems + parsed.problems
    with store.transaction():
        source_id = store.upsert_source(
            source_key, sha, size, parsed.format, IMPORTER_VERSION, "imported",
            f"{len(result.problems)} problems" if result.problems else None,
        )
        earlier = store.forget_source_refs(source_id) if previous else {}
        touched = set(earlier.values())
        index = store.identity_index()
        taken = store.all_keys()
        next_id = store.next_work_id()
        new_works: dict[int, tuple[str, list[tuple[str, Work]]]] = {}
        matched: set[int] = set()
        ref_rows: list[tuple[int, RawReference, int | None, str, int | None]] = []
        list_ids: dict[str, int] = {}
        for ref in parsed.references:
            list_id = None
            if ref.list_label is not None:
                if ref.list_label not in list_ids:
                    list_ids[ref.list_label] = store.add_ref_list(source_id, ref.list_label, ref.line, len(list_ids) + 1)
                list_id = list_ids[ref.list_label]
            work_id = None
            if ref.status != RefStatus.FAILED and ref.fields:
                keys = identity_keys(ref.fields)
                work_id = earlier.get("raw:" + ref.raw) or (earlier.get("key:" + ref.entry_key) if ref.entry_key else None)
                if work_id is None or work_id in new_works:
                    work_id = index.find(keys)
                if work_id is None:
                    work_id, next_id = next_id, next_id + 1
                    key = unique_key(key_stem(ref.fields, settings.key_pattern), taken.__contains__)
                    taken.add(key)
                    new_works[work_id] = (key, [])
                    result.new_works += 1
                elif work_id not in new_works:
                    matched.add(work_id)
                    result.matched_works += 1
                if work_id in new_works:
                    new_works[work_id][1].append((ref.format, ref.fields))
                index.add(work_id, keys)
            ref_rows.append((source_id, ref, work_id, IMPORTER_VERSION, list_id))
            result.references += 1
        store.insert_new_works([(wid, key, *merge_records(records)) for wid, (key, records) in new_works.items()])
        store.insert_refs(ref_rows)
        for work_id in sorted(matched | touched):
            if _work_exists(store, work_id):
                store.refresh_work(work_id)
        store.delete_orphan_works(touched - matched)
    return result


def _work_exists(store: Store, work_id: int) -> bool:
    try:
        store.work_row(work_id)
    except VexasciteError:
        return False
    return True


# -- reading the library -------------------------------------------------------------
def list_works(settings: Settings, query: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Works matching a full-text query (all works without one), best first."""
    with open_library(settings, create=False) as store:
        rows = store.search_works(query, limit or 1_000_000) if query else list(store.iter_works())
    return rows[:limit] if limit else rows


def show_work(settings: Settings, key: str) -> dict[str, Any]:
    """Everything the library holds on one work: fields, provenance, raw occurrences."""
    with open_library(settings, create=False) as store:
        work_id = store.work_id_for_key(key)
        row = store.work_row(work_id)
        row["references"] = store.refs_of_work(work_id)
        row["records"] = [
            {"source": r["source"], "verified_at": r["verified_at"]}
            for r in store.db.query("select source, verified_at from records where work_id = ?", [work_id])
        ]
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
@dataclass(slots=True)
class NearMiss:
    key_a: str
    key_b: str
    score: float
    title_a: str | None
    title_b: str | None


def find_near_duplicates(settings: Settings, threshold: float = 85.0) -> list[NearMiss]:
    """Pairs of works the duplicate rule kept apart but that look alike, for review."""
    from rapidfuzz import process

    from .identity import fold_words

    with open_library(settings, create=False) as store:
        works = list(store.iter_works())
    titles = [fold_words(w["csl"].get("title") or "") for w in works]
    found: list[NearMiss] = []
    for i, work in enumerate(works):
        if not titles[i]:
            continue
        for _, _, j in process.extract(titles[i], titles, limit=10, score_cutoff=threshold - 15):
            if j <= i:
                continue
            score = near_miss_score(work["csl"], works[j]["csl"])
            if score >= threshold:
                found.append(NearMiss(work["key"], works[j]["key"], round(score, 1), work["title"], works[j]["title"]))
    return sorted(found, key=lambda m: (-m.score, m.key_a, m.key_b))


def merge_works(settings: Settings, keep_key: str, drop_key: str) -> dict[str, Any]:
    """Merge work ``drop_key`` into ``keep_key`` on request: every raw occurrence, record
    and edit moves over; the kept work's key stays; the dropped record is kept in history."""
    if keep_key == drop_key:
        raise UsageError("cannot merge a work with itself")
    with open_library(settings, create=False) as store, store.transaction():
        keep_id = store.work_id_for_key(keep_key)
        drop_id = store.work_id_for_key(drop_key)
        store.move_work(drop_id, keep_id)
        merged = store.refresh_work(keep_id)
    return {"key": keep_key, "merged": drop_key, "csl": merged}


# -- check -----------------------------------------------------------------------------
def check_manuscript(settings: Settings, path: str | os.PathLike[str]) -> Any:
    """Check a manuscript's citations: markers against its list, printed fields against
    the verified records, retractions and corrections (see :mod:`vexascite.check`).

    The manuscript is imported first if it is new or changed (so its list is in the
    library); the citation links stored by ``link`` are used when present, else the
    markers are read afresh. Returns a :class:`vexascite.check.CheckReport`.
    """
    from .check import check_manuscript as run_checks
    from .check.gather import manuscript_input, markers_from_citations
    from .store import checking

    manuscript = Path(path)
    with open_library(settings) as store:
        imported = import_file(store, manuscript, settings, "text")
        if imported.status == "unreadable":
            raise InputUnreadable(imported.message or f"{manuscript}: cannot read")
        source = store.source_by_path(str(manuscript.resolve()))
        if source is None:
            raise InputUnreadable(f"{manuscript}: could not be read as a manuscript")
        ref_rows = checking.source_references(store, source.id)
        list_rows = checking.source_lists(store, source.id)
        work_ids = {row["work_id"] for row in ref_rows if row["work_id"] is not None}
        records = {work_id: checking.work_records(store, work_id) for work_id in work_ids}
        payloads = {work_id: checking.work_payloads(store, work_id) for work_id in work_ids}
        citations = None
        for name in (str(manuscript.resolve()), str(manuscript)):
            if checking.document_sha256(store, name) == source.sha256:
                citations = checking.document_citations(store, name)
                break
    labels = {row["id"]: row["label"] for row in list_rows}
    if citations is not None:
        markers = markers_from_citations(citations, labels)
    else:
        markers = _markers_of_manuscript(manuscript, ref_rows, list_rows)
    return run_checks(manuscript_input(str(path), ref_rows, list_rows, records, payloads, markers))


def _reference_lines(text: str, ref_rows: list[dict[str, Any]]) -> frozenset[int]:
    """Lines taken by the reference entries (an entry may wrap over several lines)."""
    lines = text.splitlines()
    taken: set[int] = set()
    for row in ref_rows:
        start = row.get("line")
        if not start:
            continue
        size, number = len(" ".join((row.get("raw") or "").split())), start
        covered = 0
        while number <= len(lines) and covered < size - 2:
            taken.add(number)
            covered += len(" ".join(lines[number - 1].split())) + 1
            number += 1
    return frozenset(taken)


def _markers_of_manuscript(path: Path, ref_rows: list[dict[str, Any]], list_rows: list[dict[str, Any]]) -> list[Any]:
    """Markers read from the text and linked to the manuscript's own lists (no store),
    for a manuscript that 'link' has not stored."""
    from .check import CitationMarker
    from .identity import first_author_family, fold, issued_year
    from .link.claims import extract_claims
    from .link.documents import read_manuscript
    from .link.resolution import ListEntry, RefList, choose_list

    document = read_manuscript(path)
    extraction = extract_claims(
        document.text, paragraph_per_line=document.paragraph_per_line, reference_lines=_reference_lines(document.text, ref_rows)
    )
    ref_lists = [
        RefList(row["id"], row["label"], row["line"] or 0, {
            ref["number"]: ListEntry(ref["number"], ref["id"], ref["work_id"])
            for ref in ref_rows if ref["list_id"] == row["id"] and ref["number"] is not None
        })
        for row in list_rows
    ]
    keys = {str(ref["entry_key"]): ref for ref in ref_rows if ref.get("entry_key")}
    markers = []
    for claim in extraction.claims:
        for claim_marker in claim.markers:
            chosen = choose_list(ref_lists, claim_marker.line)
            labels: list[str] = []
            unresolved: list[tuple[str, str]] = []
            for target in claim_marker.marker.targets:
                if target.kind == "number":
                    label = str(target.number)
                    if chosen is None or target.number not in chosen.entries:
                        unresolved.append((label, "no entry with this number in the reference list"))
                elif target.kind == "key":
                    label = str(target.key)
                    if label not in keys:
                        unresolved.append((label, "no entry with this key"))
                else:
                    family, year = fold(target.author or ""), (target.year or "")[:4]
                    found = [
                        ref for ref in ref_rows
                        if fold(first_author_family(ref["fields"]) or "") == family and str(issued_year(ref["fields"])) == year
                    ]
                    label = str(found[0]["number"] or found[0]["entry_key"] or found[0]["id"]) if len(found) == 1 else target.label
                    if len(found) != 1:
                        unresolved.append((label, "no single entry by this author in this year"))
                labels.append(label)
            markers.append(CitationMarker(claim_marker.line, claim_marker.marker.text, labels, chosen.label if chosen else None, unresolved))
    return markers
