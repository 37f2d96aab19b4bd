"""Use cases of vexascite. Each CLI command calls one function here and prints its report.

Functions take :class:`~vexascite.config.Settings` (or an open store), do the work,
and return plain report objects; they never print or exit.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..citekeys import check_key_pattern, key_stem, own_key_of, unique_key
from ..config import Settings
from ..documents import BINARY_SUFFIXES, CitationField, read_document_bytes, read_input_bytes
from ..errors import CannotWrite, InputUnreadable, LibraryBusy, UsageError, VexasciteError
from ..identity import identity_keys, near_miss_score
from ..importers import (
    IMPORTABLE_SUFFIXES,
    IMPORTER_VERSION,
    detect_format,
    prepared_parts,
)
from ..merge import merge_records
from ..model import ImportProblem, RawReference, RefStatus
from ..rows import PreparedPart, PreparedRef, prepare_safely, work_columns
from ..store import Store, now
from ..store.failures import translated
from ..store.known import KnownWorks
from ..store.organise import trashed_among
from .etiquette import service_notes as service_notes
from .exports import sync_exports
from .outputs import write_output

#: Files larger than this are refused unread (a reference file this size is a mistake).
MAX_IMPORT_BYTES = 200 * 1024 * 1024


#: Told ``(path, waited, limit)`` while a command waits for another process's write lock.
_lock_wait_reporters: list[Any] = []


def report_lock_waits(reporter: Any) -> None:
    """Have ``reporter(path, waited_seconds, limit_seconds)`` called while a library is busy."""
    _lock_wait_reporters[:] = [reporter]


def _on_lock_wait(path: str, waited: float, limit: float) -> None:
    for reporter in _lock_wait_reporters:
        reporter(path, waited, limit)


@contextmanager
def open_library(settings: Settings, *, create: bool = True) -> Iterator[Store]:
    """Open the library named by the settings for the length of a block; SQLite errors
    inside it become the vexascite errors they mean (busy, disk full, read-only)."""
    store = Store.open(settings.db, create=create, lock_wait=settings.lock_wait, on_wait=_on_lock_wait)
    try:
        with translated(settings.db):
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
    #: entry keys of known works kept as aliases of them
    aliases: int = 0
    problems: list[ImportProblem] = field(default_factory=list)
    message: str | None = None
    #: What the reader found worth saying, one line each (the lists of a text document).
    notes: list[str] = field(default_factory=list)


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


@dataclass(slots=True)
class LoadedInput:
    """A file read and decoded, not yet parsed."""

    text: str
    format: str
    sha256: str
    size: int
    problems: list[ImportProblem]
    #: Citation fields of a Word document (their items are imported with the file).
    fields: list[CitationField] = field(default_factory=list)
    #: For a PDF, the first line of each page (references record their page).
    page_lines: list[int] = field(default_factory=list)


def load_input(path: Path, fmt: str | None = None) -> LoadedInput:
    """Read, hash and decode one file and decide its format (no parsing, no store).

    Word and PDF documents are read as text (see :mod:`vexascite.documents`): their
    reference lists are found like those of any text."""
    data = read_input_bytes(path, MAX_IMPORT_BYTES)
    size = len(data)
    sha = hashlib.sha256(data).hexdigest()
    document = read_document_bytes(data, str(path))
    text, problems = document.text, list(document.problems)
    if not text.strip():
        problems.append(ImportProblem(None, "file is empty: nothing to import"))
    if path.suffix.lower() in BINARY_SUFFIXES or document.format == "pdf":
        fmt = fmt or "text"
    return LoadedInput(
        text, fmt or detect_format(path.name, text[:4096]), sha, size, problems, document.fields, document.page_lines
    )


def import_paths(
    settings: Settings, paths: Iterable[str | os.PathLike[str]], fmt: str | None = None, *, force: bool = False
) -> ImportReport:
    """Import files and folders into the library, one transaction per file.

    A file already imported with the same content is skipped (so re-running is safe);
    a changed file replaces its earlier references. Unreadable files are reported and
    the rest still imported.
    """
    check_key_pattern(settings.key_pattern)
    report = ImportReport()
    files = list(iter_input_files(paths))
    if not files:
        raise UsageError("no files to import: name .bib, .ris, .json, .nbib, .xml, .txt or .md files or folders")
    known = KnownWorks()  # loaded once, not once per file: a folder imports in linear time
    with open_library(settings) as store:
        for path in files:
            try:
                with translated(settings.db):
                    report.files.append(import_file(store, path, settings, fmt, force=force, known=known))
            except (LibraryBusy, CannotWrite) as exc:
                done = sum(f.status == "imported" for f in report.files)
                raise type(exc)(
                    f"{exc}; {path} was not imported (nothing of it written)"
                    + (f", the {done} file(s) before it were" if done else "")
                    + "; run the same import again to bring the rest"
                ) from exc
            except _READER_BUGS as exc:  # one file no rule foresaw must not stop the batch
                known.forget()
                message = f"could not be imported ({type(exc).__name__}: {str(exc)[:160]}); nothing written from it"
                report.files.append(FileImport(path=str(path), status="failed", problems=[ImportProblem(None, message)]))
    if any(f.status == "imported" for f in report.files):
        sync_exports(settings)
    return report


#: Errors that mean a file's content met a case no reader rule foresaw (not the library
#: or the disk failing, which stop the import and are reported as such).
_READER_BUGS = (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError, ArithmeticError, AssertionError)


#: New works are added to the search indexes in batches of about this many.
SEARCH_INDEX_BATCH = 2000


def import_file(
    store: Store, path: Path, settings: Settings, fmt: str | None = None, *, force: bool = False,
    known: KnownWorks | None = None,
) -> FileImport:
    """Import one file into an open store (see :func:`import_paths`).

    The file is parsed part by part (a large BibTeX file in other processes) and each
    part is matched and stored while the next is read, all in one transaction.
    """
    result = FileImport(path=str(path))
    try:
        loaded = load_input(path, fmt)
    except InputUnreadable as exc:
        result.status, result.message = "unreadable", str(exc)
        return result
    result.format = loaded.format
    source_key = str(path.resolve())
    result.problems = list(loaded.problems)
    notes: list[str] = []
    try:
        _store_parts(store, loaded, settings, source_key, result, notes, force=force, known=known)
    except InputUnreadable as exc:  # the content is not references at all: nothing was written
        if known is not None:
            known.forget()  # what this file added to it was rolled back
        result.status, result.message = "unreadable", f"{path}: {exc}"
        result.references = result.new_works = result.matched_works = 0
        result.problems = []
        return result
    result.message = "; ".join(notes) or None
    result.notes = notes
    return result


def _store_parts(
    store: Store, loaded: LoadedInput, settings: Settings, source_key: str,
    result: FileImport, notes: list[str], *, force: bool, known: KnownWorks | None = None,
) -> None:
    """Match and store the file's parts in one transaction (see :func:`import_file`)."""
    with store.transaction():
        # read under the write lock: another process may have imported this file meanwhile
        previous = store.source_by_path(source_key)
        if previous and previous.sha256 == loaded.sha256 and not force:
            result.status, result.problems = "unchanged", []
            return
        source_id = store.upsert_source(
            source_key, loaded.sha256, loaded.size, loaded.format, IMPORTER_VERSION, "importing", None
        )
        earlier = store.forget_source_refs(source_id) if previous else {}
        touched = set(earlier.values())
        known = (known or KnownWorks()).current(store)
        index, taken = known.index, known.taken
        next_id = unindexed_from = store.next_work_id()
        created: set[int] = set()
        matched: set[int] = set()
        list_ids: dict[str, int] = {}
        other_keys: list[tuple[int, str, str]] = []
        for part in _document_parts(loaded, settings):
            result.problems.extend(part.problems)
            notes.extend(part.notes)
            stamp = now()
            new_works: dict[int, tuple[str, list[PreparedRef]]] = {}
            ref_rows: list[tuple[int | None, PreparedRef, int | None, str, int | None]] = []
            for ref in part.references:
                list_id = None
                if ref.list_label is not None:
                    if ref.list_label not in list_ids:
                        list_ids[ref.list_label] = store.add_ref_list(source_id, ref.list_label, ref.line, len(list_ids) + 1)
                    list_id = list_ids[ref.list_label]
                work_id = None
                if ref.keys is not None:
                    work_id = earlier.get("raw:" + ref.raw) or (earlier.get("key:" + ref.entry_key) if ref.entry_key else None)
                    if work_id is None:
                        work_id = index.find(ref.keys)
                    fresh = False
                    if work_id is None:
                        fresh = True
                        work_id, next_id = next_id, next_id + 1
                        key = own_key(ref, taken) or unique_key(
                            ref.key_stem or key_stem(ref.fields, settings.key_pattern), taken.__contains__
                        )
                        taken.add(key)
                        new_works[work_id] = (key, [])
                        created.add(work_id)
                        result.new_works += 1
                    elif work_id not in new_works:
                        matched.add(work_id)
                        result.matched_works += work_id not in created
                    if work_id in new_works:  # a second occurrence within this part is merged below
                        new_works[work_id][1].append(ref)
                    if not fresh and ref.entry_key:  # a known work under this entry's own key
                        other_keys.append((work_id, ref.format, ref.entry_key))
                    index.add(work_id, ref.keys)
                ref_rows.append((source_id, ref, work_id, IMPORTER_VERSION, list_id))
                result.references += 1
            store.insert_new_works([(wid, key, _new_work_columns(refs, stamp)) for wid, (key, refs) in new_works.items()])
            store.insert_refs(ref_rows)
            if next_id - unindexed_from >= SEARCH_INDEX_BATCH:
                store.index_new_works(unindexed_from, next_id - 1)
                unindexed_from = next_id
        if next_id > unindexed_from:
            store.index_new_works(unindexed_from, next_id - 1)
        for work_id in sorted(matched | touched):
            if _work_exists(store, work_id):
                store.refresh_work(work_id)
        deleted = store.delete_orphan_works(touched - matched)
        in_trash = trashed_among(store, matched)
        if in_trash:
            notes.append(
                f"{len(in_trash)} entries belong to works in the trash ({', '.join(in_trash[:5])}"
                + (", ..." if len(in_trash) > 5 else "") + "): they stay there; 'vexascite restore KEY' brings one back"
            )
        result.aliases = _alias_other_keys(store, other_keys)
        store.upsert_source(
            source_key, loaded.sha256, loaded.size, loaded.format, IMPORTER_VERSION, "imported",
            f"{len(result.problems)} problems" if result.problems else None,
        )
    known.refresh(store, created | matched | touched, deleted_keys=bool(deleted) or bool(result.aliases))


def _document_parts(loaded: LoadedInput, settings: Settings) -> Iterator[PreparedPart]:
    """The file's parts as its format reads them, then the items of a Word document's
    citation fields; a PDF's references also record their page and line on the page."""
    from ..documents import page_position
    from ..rows import dumps

    for part in prepared_parts(loaded.format, loaded.text, settings.key_pattern):
        if loaded.page_lines:
            part.references = [
                ref._replace(extra_json=dumps({**(json.loads(ref.extra_json) if ref.extra_json else {}),
                                               **dict(zip(("page", "page_line"), page_position(loaded.page_lines, ref.line), strict=True))}))
                if ref.line is not None else ref
                for ref in part.references
            ]
        yield part
    if loaded.fields:
        from ..importers.wordfields import read_citation_fields

        parsed = read_citation_fields(loaded.fields)
        problems = parsed.problems
        yield PreparedPart([prepare_safely(ref, settings.key_pattern, problems) for ref in parsed.references], problems, parsed.notes)


def _alias_other_keys(store: Store, found: list[tuple[int, str, str]]) -> int:
    """An entry that turned out to be a known work keeps its own key as an alias of it,
    so a manuscript citing that key still finds the work."""
    from ..store.library import add_alias

    wanted = [(work_id, key) for work_id, fmt, entry_key in found if (key := own_key_of(fmt, entry_key))]
    if not wanted:
        return 0
    keys = {row[0]: row[1] for row in store.db.execute("select id, key from works").fetchall()}
    added = 0
    for work_id, key in wanted:
        if work_id in keys and keys[work_id] != key:
            added += add_alias(store, key, work_id, "imported as")
    return added


def _new_work_columns(refs: list[PreparedRef], stamp: str) -> tuple[Any, ...]:
    """The columns of a work first met in this file: as prepared when one entry made it."""
    if len(refs) == 1:
        return refs[0].new_work_columns(stamp)
    merged, provenance = merge_records((ref.format, ref.fields) for ref in refs)
    return work_columns(merged, provenance, stamp)


def own_key(ref: PreparedRef, taken: set[str]) -> str | None:
    """The entry's own key when it is usable and still free (see :func:`own_key_of`)."""
    key = own_key_of(ref.format, ref.entry_key)
    return key if key is not None and key not in taken else None


def _work_exists(store: Store, work_id: int) -> bool:
    try:
        store.work_row(work_id)
    except VexasciteError:
        return False
    return True


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
        row["records"] = [
            dict(r)
            for r in store.db.query(
                "select records.source, records.verified_at, payloads.method, payloads.url, payloads.fetched_at "
                "from records left join payloads on payloads.id = records.payload_id where records.work_id = ? "
                "order by records.id", [work_id])
        ]
        row["resolution"] = next(iter(store.db.query("select * from resolutions where work_id = ?", [work_id])), None)
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

    from ..identity import fold_words

    with open_library(settings, create=False) as store:
        works = list(store.iter_works())
    found: list[NearMiss] = []
    listed: set[frozenset[str]] = set()
    # Works that came to share an identifier (e.g. once resolved) are one work by the
    # duplicate rule; they are listed first, for 'merge', not merged behind the user's back.
    by_identifier: dict[tuple[str, str], dict[str, Any]] = {}
    for work in works:
        for column in ("doi", "pmid", "pmcid"):
            if work[column]:
                first = by_identifier.setdefault((column, work[column]), work)
                if first is not work:
                    found.append(NearMiss(first["key"], work["key"], 100.0, first["title"], work["title"]))
                    listed.add(frozenset((first["key"], work["key"])))
    titles = [fold_words(w["csl"].get("title") or "") for w in works]
    for i, work in enumerate(works):
        if not titles[i]:
            continue
        for _, _, j in process.extract(titles[i], titles, limit=10, score_cutoff=threshold - 15):
            if j <= i:
                continue
            score = near_miss_score(work["csl"], works[j]["csl"])
            if score >= threshold and frozenset((work["key"], works[j]["key"])) not in listed:
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
    sync_exports(settings)
    return {"key": keep_key, "merged": drop_key, "csl": merged}


# -- export ----------------------------------------------------------------------------
@dataclass(slots=True)
class ExportResult:
    """An export: the text written, how many works it holds, and where it went."""

    format: str
    text: str
    count: int
    keys: list[str] = field(default_factory=list)
    path: str | None = None
    #: keys of works the manuscript (``--cited-in``) cites that are in the trash: left out
    in_trash: list[str] = field(default_factory=list)


def _split_keys(keys: Iterable[str] | None) -> list[str] | None:
    """``--keys a,b --keys c`` and ``--keys "a b"`` all name a, b, c."""
    if keys is None:
        return None
    keys = list(keys)
    out = [part for raw in keys for part in raw.replace(",", " ").split() if part]
    if keys and not out:  # "--keys ,,," names nothing: never read it as "everything"
        raise UsageError(f"--keys {' '.join(repr(k) for k in keys)} names no key; give keys, or leave --keys out for every work")
    return out or None


def _named(option: str, value: str | None) -> None:
    """An option given as an empty string names nothing: a usage error, never "all"."""
    if value is not None and not value.strip():
        raise UsageError(f"{option} {value!r} names nothing; give a manuscript, or leave {option} out")


def _cited_keys(store: Store, manuscript: str) -> list[str]:
    """Keys of the works a linked manuscript cites, in order of first citation."""
    from ..store import export as store_export

    try:
        from ..store import claims as store_claims
    except ImportError as exc:
        raise UsageError("--cited-in needs the claims of 'vexascite link', which this library does not have") from exc
    finder = getattr(store_claims, "cited_work_ids_in_order", None)
    if finder is None:
        raise UsageError("--cited-in needs the claims of 'vexascite link', which this vexascite cannot read yet")
    work_ids = finder(store, manuscript)
    return store_export.keys_of_work_ids(store, work_ids)


def export_items_of(
    store: Store,
    keys: Iterable[str] | None = None,
    cited_in: str | None = None,
    *,
    with_bibtex: bool = True,
    tag: str | None = None,
    collection: str | None = None,
) -> list[Any]:
    """The works to export: all (by key), the keys named (in that order), what a
    manuscript cites (in order of first citation), those with a tag or in a collection
    (or its sub-collections); selections combine. Notes go with each work."""
    from ..errors import NotInLibrary
    from ..exporters import ExportItem
    from ..store import export as store_export
    from .library import selected_keys

    wanted = selected_keys(store, _split_keys(keys), tag, collection)
    _named("--cited-in", cited_in)
    if cited_in is not None:
        cited = _cited_keys(store, cited_in)
        if not cited and not _cited_in_trash(store, cited_in):
            raise NotInLibrary(f"{cited_in}: no linked citations; run 'vexascite link {cited_in}' first")
        wanted = cited if wanted is None else [key for key in cited if key in set(wanted)]
    from ..exporters.bibtex import MAPPED_FIELDS
    from ..store.library import all_aliases
    from ..store.organise import notes_of

    rows = list(store_export.iter_export_rows(store, wanted, MAPPED_FIELDS, with_bibtex=with_bibtex))
    notes = notes_of(store, [row["id"] for row in rows])
    aliases: dict[int, list[str]] = {}
    for alias, work_id in sorted(all_aliases(store).items()):
        aliases.setdefault(work_id, []).append(alias)
    return [
        ExportItem(
            row["key"], row["csl"], row["bibtex"], [n["text"] for n in notes[row["id"]]], tuple(aliases.get(row["id"], ()))
        )
        for row in rows
    ]


def export_library(
    settings: Settings,
    fmt: str,
    *,
    keys: Iterable[str] | None = None,
    cited_in: str | None = None,
    unicode: bool = False,
    tag: str | None = None,
    collection: str | None = None,
) -> ExportResult:
    """The library (or a selection) as BibTeX, BibLaTeX, CSL-JSON or RIS text."""
    from ..exporters import export_format, export_items

    needs_bibtex = export_format(fmt).needs_bibtex  # an unknown format fails before the library is opened
    with open_library(settings, create=False) as store:
        items = export_items_of(
            store, keys, cited_in, with_bibtex=needs_bibtex, tag=tag, collection=collection
        )
        in_trash = _cited_in_trash(store, cited_in) if cited_in is not None else []
    text = export_items(items, fmt, unicode=unicode)
    return ExportResult(fmt, text, len(items), [item.key for item in items], in_trash=in_trash)


def _cited_in_trash(store: Store, manuscript: str) -> list[str]:
    from ..store.claims import cited_work_ids_in_order

    return trashed_among(store, cited_work_ids_in_order(store, manuscript))


def write_text_atomically(path: str | os.PathLike[str], text: str) -> None:
    """Write a file for the user (see :func:`vexascite.api.outputs.write_output`)."""
    write_output(path, text)


@dataclass(slots=True)
class FormattedBibliography:
    """A bibliography in a citation style: one string per entry and the whole text."""

    style: str
    style_file: str
    output: str
    entries: list[str]
    text: str


def format_library(
    settings: Settings,
    style: str,
    *,
    keys: Iterable[str] | None = None,
    cited_in: str | None = None,
    output: str = "text",
) -> FormattedBibliography:
    """The library (or a selection, or what a manuscript cites, numbered in citation
    order) formatted with a CSL style through citeproc-py."""
    from ..exporters.formatted import format_bibliography, render_bibliography, style_path

    path = style_path(style)
    with open_library(settings, create=False) as store:
        items = export_items_of(store, keys, cited_in)  # BibTeX extras say which author lists were cut
    entries = format_bibliography(items, style, output)
    return FormattedBibliography(style, str(path), output, entries, render_bibliography(entries, output))


# -- link, find, claims ------------------------------------------------------------------
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
    ignored_marks: int = 0
    lists: list[dict[str, Any]] = field(default_factory=list)
    imports: list[FileImport] = field(default_factory=list)

    @property
    def dangling(self) -> list[dict[str, Any]]:
        return [p for p in self.problems if p["status"] == "dangling"]


def _import_for_link(store: Store, path: Path, settings: Settings, fmt: str | None) -> tuple[FileImport, int | None]:
    """Import a file's reference lists (skipped when unchanged); returns its source id."""
    result = import_file(store, path, settings, fmt)
    source = store.source_by_path(str(path.resolve()))
    return result, (source.id if source else None)


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
    from ..store import claims as claim_store

    manuscript_path = Path(path)
    manuscript = read_manuscript(manuscript_path)
    report = LinkReport(path=str(manuscript_path), format=manuscript.format)
    with open_library(settings) as store:
        reference_lines: frozenset[int] = frozenset()
        ref_lists: list[RefList] = []
        source_id = None
        # The manuscript's own numbered lists (a Word file is read as its text).
        own, source_id = _import_for_link(store, manuscript_path, settings, "text")
        own.problems = [p for p in own.problems if p.line is not None]
        report.imports.append(own)
        if source_id is not None:
            reference_lines = frozenset(
                int(row["line"]) for row in store.db.query("select line from refs where source_id = ? and line is not null and list_id is not null", [source_id])
            )
            for found in claim_store.numbered_lists_of_source(store, source_id):
                ref_lists.append(_ref_list(found, RefList, ListEntry, external=False))
        if list_path is not None:
            given, list_source_id = _import_for_link(store, Path(list_path), settings, None)
            report.imports.append(given)
            if given.status == "unreadable":
                raise InputUnreadable(given.message or f"{list_path}: cannot read")
            if list_source_id is not None:
                ref_lists = [
                    _ref_list(found, RefList, ListEntry, external=True)
                    for found in claim_store.numbered_lists_of_source(store, list_source_id)
                ] or ref_lists
        report.lists = [{"label": r.label, "line": r.line, "entries": len(r.entries), "external": r.external} for r in ref_lists]
        text = manuscript.text
        if manuscript.fields and source_id is not None:
            # a reference manager's field cites exactly the items it carries
            from ..link.documents import with_field_markers
            from ..store.fields import field_work_keys

            text = with_field_markers(manuscript, field_work_keys(store, source_id))
        extraction = extract_claims(
            text, paragraph_per_line=manuscript.paragraph_per_line, reference_lines=reference_lines
        )
        report.sentences, report.ignored_marks = extraction.sentences, extraction.ignored_marks
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
                    "start": claim.start,
                    "end": claim.end,
                    "line": claim.line,
                    "end_line": claim.end_line,
                    "section": claim.section,
                    "text": claim.text,
                    "raw": claim.raw,
                    "markers": " ".join(m.marker.text for m in claim.markers),
                    "expansions": expansions or None,
                    "segments": json.dumps(claim.segments),
                }
            )
            rows = []
            for claim_marker in claim.markers:
                marker = claim_marker.marker
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
                        "start": marker.start,
                        "end": marker.end,
                        "line": claim_marker.line,
                        "clause_start": claim_marker.clause_start,
                        "clause_end": claim_marker.clause_end,
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
        now_cited = {row["work_id"] for rows in citation_rows for row in rows if row["work_id"] is not None}
        with store.transaction():
            claim_store.replace_document_claims(store, document, claim_rows, citation_rows)
            # works only the replaced claims kept alive (their list entries are gone)
            store.delete_orphan_works(previously_cited - now_cited)
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


# -- reference strings (parse, reparse) --------------------------------------------------


def parse_document(text: str, *, per_line: bool = False) -> Any:
    """Parse reference strings to CSL-JSON items and say what lists were found
    (:func:`vexascite.api.parsing.parse_document`; imported here lazily, the parser is large)."""
    from .parsing import parse_document as parse

    return parse(text, per_line=per_line)


def parse_strings(text: str, *, per_line: bool = False) -> list[dict[str, Any]]:
    """The CSL-JSON items of :func:`parse_document`."""
    items: list[dict[str, Any]] = parse_document(text, per_line=per_line).items
    return items


@dataclass(slots=True)
class ReparseReport:
    """What ``reparse`` did: references looked at, re-read, changed, and works touched."""

    parser_version: str
    checked: int = 0
    changed: int = 0
    new_works: int = 0
    failed: int = 0


def reparse(settings: Settings, *, everything: bool = False) -> ReparseReport:
    """Re-derive the fields of free-text references from their stored raw strings.

    By default only references parsed by an older parser version are re-read; with
    ``everything`` all of them. Raw strings are never changed; works are refreshed.
    """
    from ..importers.text import reference_from_string
    from ..refstring import PARSER_VERSION
    from ..store.refstrings import text_references, update_reference

    report = ReparseReport(parser_version=PARSER_VERSION)
    with open_library(settings, create=False) as store, store.transaction():
        touched: set[int] = set()
        for row in text_references(store, stale_for=None if everything else PARSER_VERSION):
            report.checked += 1
            ref = reference_from_string(row["raw"])
            old_fields = json.loads(row["fields"]) if row["fields"] else {}
            old_extra = json.loads(row["extra"]) if row["extra"] else {}
            extra = {**old_extra, **ref.extra}
            work_id = row["work_id"]
            if ref.status == RefStatus.FAILED:
                report.failed += 1
            elif work_id is None:
                work_id = store.find_same_work(identity_keys(ref.fields))
                if work_id is None:
                    work_id = store.create_work(ref.fields, settings.key_pattern)
                    report.new_works += 1
            if ref.fields != old_fields or ref.status != row["status"]:
                report.changed += 1
            update_reference(store, row["id"], ref.fields, str(ref.status), ref.message, extra, work_id)
            if work_id is not None:
                touched.add(work_id)
        for work_id in touched:
            store.refresh_work(work_id)
    if touched:
        sync_exports(settings)
    return report


# -- check -----------------------------------------------------------------------------
def check_manuscript(
    settings: Settings, path: str | os.PathLike[str], list_path: str | os.PathLike[str] | None = None
) -> Any:
    """Check a manuscript's citations: markers against its list, printed fields against
    the verified records, retractions and corrections (see :mod:`vexascite.check`).

    The manuscript is linked first (:func:`link_manuscript`: its own lists imported if
    new or changed, its markers linked; ``list_path`` names a separate list); what
    ``resolve`` verified is read, never fetched. Returns a
    :class:`vexascite.check.CheckReport`.
    """
    from ..check import check_manuscript as run_checks
    from ..check.gather import manuscript_input, markers_from_citations
    from ..store import checking

    manuscript = Path(path)
    linked = link_manuscript(settings, manuscript, list_path)
    with open_library(settings) as store:
        sources = [store.source_by_path(str(Path(p).resolve())) for p in (list_path, manuscript) if p is not None]
        source = next((s for s in sources if s is not None), None)
        ref_rows = checking.source_references(store, source.id) if source else []
        list_rows = checking.source_lists(store, source.id) if source else []
        work_ids = {row["work_id"] for row in ref_rows if row["work_id"] is not None}
        citations = checking.document_citations(store, checking.document_key(manuscript)) or []
        # works cited by key or author and year from the library (a .bib), not from a list
        # here: one entry per name they are cited by, so two keys of one work show up
        cited_by_name: dict[tuple[int, str], dict[str, Any]] = {}
        for citation in citations:
            if citation["work_id"] and citation["work_id"] not in work_ids:
                name = citation["cite_key"] or citation["target"]
                cited_by_name.setdefault((citation["work_id"], name), citation)
        for (work_id, name), first in cited_by_name.items():
            entry = checking.work_entry(store, work_id)
            if entry is not None:
                entry["entry_key"], entry["line"] = name, first["line"]
                ref_rows.append(entry)
        checked = {row["work_id"] for row in ref_rows if row["work_id"] is not None}
        records = {work_id: checking.work_records(store, work_id) for work_id in checked}
        candidates = {work_id: checking.held_candidates(store, work_id) for work_id in checked}
        nearest = {work_id: checking.held_candidates(store, work_id, "nearest") for work_id in checked}
        from .editing import disagreements_of
        from .evidence import citation_support

        disagree = {work_id: disagreements_of(store, work_id) for work_id in checked}
        support = citation_support(store, citations, ref_rows)
    markers = markers_from_citations(citations, {row["id"]: row["label"] for row in list_rows})
    if not citations and linked.citations:
        raise VexasciteError(f"{manuscript}: linked, but no stored citations were found to check")
    report = run_checks(manuscript_input(str(path), ref_rows, list_rows, records, markers, candidates, nearest))
    from ..check.sources import disagreement_findings
    from ..check.support import apply_support

    for work_id, reference in {row["work_id"]: row for row in reversed(ref_rows) if row["work_id"] is not None}.items():
        number = reference.get("number")
        label = str(number) if number is not None else str(reference.get("entry_key") or reference.get("work_key") or work_id)
        report.findings += disagreement_findings(label, reference.get("line"), disagree.get(work_id) or {}, reference.get("format"))
    return apply_support(report, support)


# -- resolve, add, lookup, review --------------------------------------------------------
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


def _save_outcome(store: Store, work_id: int, outcome: Any) -> None:
    from ..model import WorkStatus
    from ..store.resolution import save_resolution

    if outcome.offline and outcome.status == WorkStatus.UNRESOLVED:
        return  # nothing was asked: leave the work as it was
    save_resolution(
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
        # one commit per work: in WAL mode NORMAL keeps every commit through a crash
        # of the process (only a power cut can undo the last ones) at a tenth of the cost
        store.db.execute("PRAGMA synchronous = NORMAL")
        rows = works_for_resolution(store, names or None, mode)
        ids = {row["key"]: row["id"] for row in rows}
        if on_start:
            on_start(len(rows))

        def done(outcome: Any, report: Any) -> None:
            _save_outcome(store, ids[outcome.key], outcome)
            if progress:
                progress(outcome, report)

        with Resolver(settings, LibraryHttpCache(store, HttpResponse), refresh=refresh) as resolver:
            report = resolver.run((Item(r["key"], r["csl"], r["raw"]) for r in rows), done)
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

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": self.added, "known": self.known, "merged": [{"merged": a, "into": b} for a, b in self.merged],
            "not_found": self.not_found, "unreadable": self.unreadable, "identifiers": self.identifiers,
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
        if not re.fullmatch(r"[A-Za-z0-9_:.\-]+", key):
            raise UsageError(f"{key!r} is not a usable key: use letters, digits and _ : . -")
    report = AddReport()
    keys: list[str] = []
    with open_library(settings) as store:
        for text in texts:
            found = classify_identifier(text)
            if not found:
                report.unreadable.append(text)
                continue
            kind, value = found
            fields = {CSL_FIELD[kind]: value}
            with store.transaction():
                work_id = store.find_same_work(identity_keys(fields))
                if work_id is None:
                    if key is not None and store.key_taken(key):
                        raise UsageError(f"key {key!r} is already used by another work")
                    work_id = store.create_work(fields, settings.key_pattern)
                    ref = RawReference(raw=text, format="identifier", fields=fields, status=RefStatus.IDENTIFIER)
                    store.add_ref(None, ref, work_id, IMPORTER_VERSION)
                    store.refresh_work(work_id)
                    if key is not None:
                        from ..store.library import set_key

                        set_key(store, work_id, key, pinned=True, reason="added as")
                    added = store.work_row(work_id)["key"]
                    report.added.append(added)
                else:
                    added = store.work_row(work_id)["key"]
                    report.known.append(added)
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


def review_candidates(settings: Settings, key: str | None = None) -> list[dict[str, Any]]:
    """Candidates too weak or ambiguous to apply, waiting for a decision."""
    from ..store.resolution import pending_candidates

    with open_library(settings, create=False) as store:
        return pending_candidates(store, key)


def decide_review(settings: Settings, candidate_id: int, *, accept: bool) -> dict[str, Any]:
    """Apply a candidate as the work's verified record, or reject it."""
    from ..store.resolution import decide_candidate

    with open_library(settings, create=False) as store:
        result = decide_candidate(store, candidate_id, accept)
    sync_exports(settings)
    return result


# -- citation keys ---------------------------------------------------------------------
def rekey_work(settings: Settings, key: str, new_key: str | None = None) -> tuple[str, str]:
    """Give a work a new citation key, on request only: the one named, or a fresh one
    from its current fields and the key pattern. Returns (old, new)."""
    check_key_pattern(settings.key_pattern)

    with open_library(settings, create=False) as store, store.transaction():
        work_id = store.work_id_for_key(key)
        if new_key is not None:
            if not re.fullmatch(r"[A-Za-z0-9_:.\-]+", new_key):
                raise UsageError(f"{new_key!r} is not a usable key: use letters, digits and _ : . -")
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


from .documents import document_text as document_text  # noqa: E402  (use cases of their own module)
from .editing import describe_value as describe_value  # noqa: E402, I001
from .editing import edit_work as edit_work  # noqa: E402
from .evidence import refresh_citation_evidence, suggest_sources  # noqa: E402, F401, I001  (uses open_library above)
from .exports import *  # noqa: E402, F403
from .library import *  # noqa: E402, F403
from .web_views import (  # noqa: E402,F401,I001
    collections_view,
    edit_from_page,
    find_view,
    formatted_for_page,
    import_uploaded,
    library_page,
    link_uploaded,
    manuscript_view,
    manuscripts,
    preview_files,
    revert_from_page,
    review_view,
    selection_choices,
    title_runs,
    trash_view,
    work_key,
    work_view,
)
