"""Import: files and folders read, matched to works and stored, one transaction per file."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..citekeys import check_key_pattern, key_stem, own_key_of, unique_key
from ..config import Settings
from ..documents import BINARY_SUFFIXES, CitationField, read_document_bytes, read_input_bytes
from ..errors import CannotWrite, InputUnreadable, LibraryBusy, UsageError, VexasciteError
from ..importers import IMPORTABLE_SUFFIXES, IMPORTER_VERSION, detect_format, prepared_parts
from ..merge import merge_records
from ..model import ImportProblem
from ..rows import PreparedPart, PreparedRef, prepare_safely, work_columns
from ..store import Store, now
from ..store.failures import translated
from ..store.known import KnownWorks
from ..store.organise import trashed_among
from ..store.reading import keys_by_work_id
from .common import open_library
from .exports import sync_exports

__all__ = ["IMPORTABLE_SUFFIXES", "MAX_IMPORT_BYTES", "FileImport", "ImportReport", "LoadedInput", "import_file",
           "import_paths", "iter_input_files", "load_input", "own_key"]

#: Files larger than this are refused unread (a reference file this size is a mistake).
MAX_IMPORT_BYTES = 200 * 1024 * 1024


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
    keys = keys_by_work_id(store)
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

