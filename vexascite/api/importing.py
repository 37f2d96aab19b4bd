"""Import: files and folders read, matched to works and stored, one transaction per file."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..citekeys import check_key_pattern, is_usable_key
from ..config import Settings
from ..documents import (
    BINARY_SUFFIXES,
    MAX_INPUT_BYTES,
    CitationField,
    read_document_bytes,
    read_input_bytes,
)
from ..errors import (
    CannotWrite,
    InputUnreadable,
    Interrupted,
    LibraryBusy,
    NotInLibrary,
    UsageError,
)
from ..importers import (
    IMPORTABLE_SUFFIXES,
    IMPORTER_VERSION,
    detect_format,
    import_format,
    importer_outdated,
    is_documentation,
    prepared_parts,
)
from ..importers.children import paused_gc
from ..model import ImportProblem
from ..rows import PreparedPart, prepare_safely
from ..store import Store
from ..store.failures import translated
from ..store.ingest import NEW, NONE, SAME, SEARCH_INDEX_BATCH, Ingest
from ..store.known import KnownWorks
from ..store.organise import trashed_among
from ..wording import quantity, verb
from .common import open_library
from .documents import refuse_database
from .exports import sync_exports

__all__ = ["IMPORTABLE_SUFFIXES", "MAX_IMPORT_BYTES", "SEARCH_INDEX_BATCH", "FileImport", "ImportReport", "LoadedInput",
           "import_file", "import_paths", "iter_input_files", "load_input"]

#: Files larger than this are refused unread (a reference file this size is a mistake).
MAX_IMPORT_BYTES = MAX_INPUT_BYTES


@dataclass(slots=True)
class FileImport:
    """What importing one file did."""

    path: str
    format: str | None = None
    status: str = "imported"  # imported | unchanged | unreadable | failed | skipped (documentation in a folder)
    references: int = 0
    new_works: int = 0
    matched_works: int = 0
    #: entry keys of known works kept as aliases of them
    aliases: int = 0
    problems: list[ImportProblem] = field(default_factory=list)
    message: str | None = None
    #: What the reader found worth saying, one line each (the lists of a text document).
    notes: list[str] = field(default_factory=list)
    #: Keys of the works a changed file no longer holds, removed with its earlier entries
    #: (nothing else held them: no other file, record, edit, tag, note or citation).
    removed: list[str] = field(default_factory=list)
    #: Keys of the works a changed file no longer holds that something else holds (a tag, a
    #: note, a collection, another manuscript's citation): they keep their earlier entries
    #: (``dropped``), which are all the record they have.
    kept: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ImportReport:
    files: list[FileImport] = field(default_factory=list)

    @property
    def problem_count(self) -> int:
        return sum(len(f.problems) for f in self.files)

    @property
    def unreadable(self) -> list[FileImport]:
        return [f for f in self.files if f.status == "unreadable"]


#: Why a folder walk passed a path by (``FileImport.message`` of a skipped path).
DOCUMENTATION = "documentation, not references: skipped in a folder; name the file to import it"
NO_REFERENCE_FILES = "a folder with no reference files in it (" + ", ".join(sorted(IMPORTABLE_SUFFIXES)) + "); nothing imported from it"

DOCUMENT_IN_FOLDER = "a Word or PDF document: not read in a folder walk; name it to import its reference list"
LINKED_FOLDER = "a link to a folder: not walked into in a folder (links can loop); name it to import what it holds"


def _not_a_file(path: Path) -> str:
    """Why a folder walk passes by a path with a reference file's name that is no file."""
    if path.is_symlink() and not path.exists():
        return f"a link to {path.readlink()}, which does not exist; nothing imported from it"
    return "not a regular file (a pipe, device or socket): skipped in a folder; name it to read it as a stream"


def _walk(folder: Path, passed: list[tuple[Path, str]] | None) -> list[Path]:
    """Every path under ``folder``, sorted, links to folders not followed (as ``rglob``
    gives them); a folder that cannot be read goes to ``passed`` (``rglob`` left it out
    without a word)."""
    found: list[Path] = []

    def unreadable(exc: OSError) -> None:
        if passed is not None:
            passed.append((Path(exc.filename or folder), f"a folder that cannot be read ({exc.strerror}); nothing imported from it"))

    for root, folders, files in os.walk(folder, onerror=unreadable):
        found += [Path(root) / name for name in folders + files]
    return sorted(found)


def iter_input_files(paths: Iterable[str | os.PathLike[str]], passed: list[tuple[Path, str]] | None = None) -> Iterator[Path]:
    """Files named, and importable files inside folders named (sorted, recursive); a
    README or other documentation file in a folder, and a folder with nothing to import,
    go to ``passed`` with why instead."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = 0
            for child in _walk(path, passed):
                if child.name.startswith("."):
                    continue
                if child.is_symlink() and child.is_dir():
                    if passed is not None:
                        passed.append((child, LINKED_FOLDER))
                    continue
                if child.suffix.lower() in IMPORTABLE_SUFFIXES and not child.is_file() and not child.is_dir():
                    if passed is not None:
                        passed.append((child, _not_a_file(child)))
                    continue
                if child.is_file() and child.suffix.lower() in BINARY_SUFFIXES:
                    if passed is not None:
                        passed.append((child, DOCUMENT_IN_FOLDER))
                    continue
                if child.is_file() and child.suffix.lower() in IMPORTABLE_SUFFIXES:
                    if is_documentation(child.name):
                        if passed is not None:
                            passed.append((child, DOCUMENTATION))
                        continue
                    found += 1
                    yield child
            if not found and passed is not None:
                passed.append((path, NO_REFERENCE_FILES))
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
    #: What reading the document did beyond taking its text (a PDF's pages read column by column).
    notes: list[str] = field(default_factory=list)


def load_input(path: Path, fmt: str | None = None) -> LoadedInput:
    """Read, hash and decode one file and decide its format (no parsing, no store).

    Word and PDF documents are read as text (see :mod:`vexascite.documents`): their
    reference lists are found like those of any text."""
    data = read_input_bytes(path, MAX_IMPORT_BYTES)
    refuse_database(path, data)
    size = len(data)
    sha = hashlib.sha256(data).hexdigest()
    document = read_document_bytes(data, str(path))
    text, problems = document.text, list(document.problems)
    if not text.strip():
        problems.append(ImportProblem(None, "file is empty: nothing to import"))
    if path.suffix.lower() in BINARY_SUFFIXES or document.format == "pdf":
        fmt = fmt or "text"
    return LoadedInput(
        text, fmt or detect_format(path.name, text[:4096]), sha, size, problems, document.fields, document.page_lines,
        list(document.notes),
    )


def import_paths(
    settings: Settings, paths: Iterable[str | os.PathLike[str]], fmt: str | None = None, *, force: bool = False
) -> ImportReport:
    """Import files and folders into the library, one transaction per file.

    A file already imported with the same content, read as the same format, is skipped
    (so re-running is safe), unless an older importer read it (it is read again, as with
    ``force``);
    a changed file replaces its earlier references. Unreadable files are reported and
    the rest still imported.
    """
    check_key_pattern(settings.key_pattern)
    if fmt is not None:
        import_format(fmt)  # an unknown --format is a usage error even when every file is unchanged
    report = ImportReport()
    passed: list[tuple[Path, str]] = []
    files = list(iter_input_files(paths, passed))
    report.files += [FileImport(path=str(path), status="skipped", message=why) for path, why in passed]
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
                    + (f", {verb(done, 'the file', f'the {done} files')} before it {verb(done, 'was', 'were')}" if done else "")
                    + "; run the same import again to bring the rest"
                ) from exc
            except KeyboardInterrupt as exc:
                kept = [f.path for f in report.files if f.status == "imported"]
                raise Interrupted(
                    f"interrupted while importing {path}: nothing of it was written"
                    + (f"; {verb(len(kept), 'the file', f'the {len(kept)} files')} before it {verb(len(kept), 'was', 'were')}"
                       f" imported ({', '.join(kept[:5])}{', ...' if len(kept) > 5 else ''})" if kept else "")
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
    notes: list[str] = list(loaded.notes)
    try:
        with paused_gc():
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
        if previous and previous.sha256 == loaded.sha256 and previous.format == loaded.format and not force:  # read as asked
            if not importer_outdated(previous.importer_version):
                result.status, result.problems = "unchanged", []
                return
            notes.append(f"re-read: importer changed (version {previous.importer_version or 'unknown'} to {IMPORTER_VERSION})")
        source_id = store.upsert_source(
            source_key, loaded.sha256, loaded.size, loaded.format, IMPORTER_VERSION, "importing", None
        )
        earlier = store.forget_source_refs(source_id) if previous else {}
        ingest = Ingest(store, settings.key_pattern, IMPORTER_VERSION, known=known, source_id=source_id, earlier=earlier,
                        path=result.path)
        list_ids: dict[str, int] = {}
        read = 0  # references that name a work (not failed)
        renamed: list[tuple[str, int | None, int, str | None]] = []  # entries whose own key their work did not get
        for part in _document_parts(loaded, settings):
            result.problems.extend(part.problems)
            notes.extend(part.notes)
            for ref in part.references:
                list_id = None
                if ref.list_label is not None:
                    if ref.list_label not in list_ids:
                        list_ids[ref.list_label] = store.add_ref_list(source_id, ref.list_label, ref.line, len(list_ids) + 1)
                    list_id = list_ids[ref.list_label]
                outcome = ingest.add(ref, list_id=list_id)
                kind = outcome.kind
                read += kind != NONE
                own = (ref.entry_key or "").strip()
                if own and outcome.work_id is not None and outcome.key != own and is_usable_key(own):
                    renamed.append((own, ref.line, outcome.work_id, outcome.key))
                result.new_works += kind == NEW
                result.matched_works += kind == SAME
                result.references += 1
            ingest.flush()
        if earlier and not read and loaded.format not in _DOCUMENT_FORMATS:
            _refuse_emptied(store, set(earlier.values()), loaded.format)
        dropped = {work_id: store.work_row(work_id)["key"] for work_id in sorted(ingest.replaced - ingest.matched)}
        ingest.finish()
        result.removed = [key for work_id, key in dropped.items() if not _work_exists(store, work_id)]
        result.kept = [key for work_id, key in dropped.items() if work_id in ingest.kept]
        taken = _keys_naming_other_works(store, renamed)
        if taken:
            notes.append(
                f"{quantity(len(taken), 'entry key')} already {verb(len(taken), 'names', 'name')} another work of the library, so "
                f"{verb(len(taken), 'its entry has', 'their entries have')} another key: "
                + ", ".join(f"{own}{f' (line {line})' if line else ''} is {key}" for own, line, key in taken[:5])
                + (", ..." if len(taken) > 5 else "")
                + f"; a manuscript citing [@{taken[0][0]}] gets the other work ('vexascite show {taken[0][0]}'):"
                " 'vexascite rekey' one of them if that is wrong"
            )
        in_trash = trashed_among(store, ingest.matched)
        if in_trash:
            notes.append(
                f"{quantity(len(in_trash), 'entry')} {verb(len(in_trash), 'belongs', 'belong')} to works in the trash ({', '.join(in_trash[:5])}"
                + (", ..." if len(in_trash) > 5 else "") + "): they stay there; 'vexascite restore KEY' brings one back"
            )
        result.aliases = ingest.aliases
        if ingest.unusable_keys:
            shown = ", ".join(f"{old} as {new}" for old, new in ingest.unusable_keys[:5])
            notes.append(
                f"{quantity(len(ingest.unusable_keys), 'entry key')} cannot be library keys (only letters, digits and _ : . - are safe "
                f"in BibTeX, URLs and file names alike): {shown}" + (", ..." if len(ingest.unusable_keys) > 5 else "")
                + "; the old key still names its work ('vexascite show', 'link' and 'check' accept it)"
            )
        if ingest.unkept_keys:
            shown = ", ".join(f"{old!r} as {new}" for old, new in ingest.unkept_keys[:5])
            notes.append(
                f"{quantity(len(ingest.unkept_keys), 'entry key')} cannot name {'its work' if len(ingest.unkept_keys) == 1 else 'their works'}"
                f" (a space or a control character: no manuscript cites such a key): {shown}"
                + (", ..." if len(ingest.unkept_keys) > 5 else "")
            )
        store.upsert_source(
            source_key, loaded.sha256, loaded.size, loaded.format, IMPORTER_VERSION, "imported",
            quantity(len(result.problems), "problem") if result.problems else None,
        )


#: Formats of documents (a manuscript, a text list): their list may go in an edit, so a
#: read that finds none replaces the earlier one (``link`` of a manuscript citing by key now).
_DOCUMENT_FORMATS = frozenset({"text", "lines"})


def _refuse_emptied(store: Store, works: set[int], fmt: str) -> None:
    """A changed reference file (BibTeX, RIS, CSL-JSON, ...) that now holds no readable
    reference, where an earlier read found works: refused (the transaction is rolled
    back), since replacing would remove every work only it held; a file caught
    half-written by a reference manager's export, or read as the wrong ``--format``,
    would otherwise empty the library of them."""
    keys = sorted(store.work_row(work_id)["key"] for work_id in works)
    raise InputUnreadable(
        f"now holds no reference readable as {fmt}, where it held {quantity(len(keys), 'work')} ({', '.join(keys[:5])}"
        + (", ..." if len(keys) > 5 else "") + "); not read again: the library keeps what it read before "
        "(a file still being written? the wrong --format?); fix the file and import it again, or remove the works"
        " with 'vexascite remove KEY'"
    )


def _keys_naming_other_works(
    store: Store, renamed: list[tuple[str, int | None, int, str | None]]
) -> list[tuple[str, int | None, str]]:
    """The entries whose own key names another work (its key or a key it was known by):
    each key, its line and the key the entry's work has. A manuscript written against this
    file that cites the key would get the other work, so it is said."""
    taken = []
    for own, line, work_id, key in renamed:
        try:
            other = store.work_id_for_key(own)
        except NotInLibrary:
            continue
        if other != work_id:
            taken.append((own, line, key or store.work_row(work_id)["key"]))
    return taken


def _work_exists(store: Store, work_id: int) -> bool:
    try:
        store.work_row(work_id)
    except NotInLibrary:
        return False
    return True


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
