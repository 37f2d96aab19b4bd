"""Importers: one module per input format, each a pure ``read(text) -> ParsedFile``.

:func:`detect_format` picks a format from the file name and the first characters; a
caller can force one. Adding a format means adding a module and one :func:`register` call
(its names, extensions and how to recognise it): the CLI's help and folder walks follow.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

from ..errors import InputUnreadable
from ..model import ImportProblem, ParsedFile
from ..registry import Registry

if TYPE_CHECKING:  # the CLI reads the registry at start; rows loads when a file is read
    from ..rows import PreparedPart

Reader = Callable[[str], ParsedFile]
#: Reads a file part by part, each prepared for storing: ``(text, key_pattern) -> parts``.
PartsReader = Callable[[str, "str | None"], "Iterator[PreparedPart]"]

#: Bumped when an importer's output for the same input changes.
IMPORTER_VERSION = "1"


def importer_outdated(stored: str | None) -> bool:
    """Whether a file an importer of version ``stored`` read should be read again though its
    content is the same: an older importer (or none recorded) gave what this one improves
    on. A file a newer vexascite read is left as it is."""
    if stored is None:
        return True
    try:
        return int(stored) < int(IMPORTER_VERSION)
    except ValueError:
        return stored != IMPORTER_VERSION


@dataclass(frozen=True)
class ImportFormat:
    """One input format: its reader, the names it goes by, how it is recognised."""

    name: str
    #: Imports the module that reads the format (modules load only when used).
    module: str
    #: The module's ``(text) -> ParsedFile`` function.
    reader: str
    description: str
    extensions: tuple[str, ...] = ()
    #: Recognises the format from a file's first characters (``head``, and ``sample``:
    #: the head without leading space and byte-order mark).
    sniff: Callable[[str, str], bool] | None = None
    #: A reader that yields prepared parts as it goes (a large file read in other processes).
    parts: str | None = None

    def read(self, text: str) -> ParsedFile:
        reader: Reader = getattr(import_module(self.module, __name__), self.reader)
        return reader(text)

    def read_parts(self, text: str, key_pattern: str | None = None) -> Iterator[PreparedPart]:
        if self.parts is not None:
            parts: PartsReader = getattr(import_module(self.module, __name__), self.parts)
            yield from parts(text, key_pattern)
            return
        from ..rows import PreparedPart, prepare_safely

        try:
            parsed = self.read(text)
        except RecursionError:
            yield PreparedPart([], [ImportProblem(None, f"nested too deeply to read as {self.name}; nothing read from it")], [])
            return
        except Exception as exc:  # a reader's guard missed a case: say so, never a traceback
            message = f"could not be read as {self.name} ({type(exc).__name__}: {str(exc)[:120]}); nothing read from it"
            yield PreparedPart([], [ImportProblem(None, message)], [])
            return
        if parsed.refused:
            raise InputUnreadable(parsed.refused)
        problems = parsed.problems
        yield PreparedPart([prepare_safely(ref, key_pattern, problems) for ref in parsed.references], problems, parsed.notes)


_REGISTRY = Registry[ImportFormat]("format")


def register(fmt: ImportFormat) -> ImportFormat:
    """Make ``fmt`` available to ``import`` (by name, extension and content)."""
    return _REGISTRY.add(fmt.name, fmt)


def import_formats() -> list[str]:
    """The registered format names, in registration order."""
    return _REGISTRY.names()


def import_format(name: str) -> ImportFormat:
    return _REGISTRY.get(name)


def _sniff_bibtex(head: str, sample: str) -> bool:
    """A file that starts with an entry (entries further in are weighed after the extension)."""
    return bool(re.match(r"@\s*[A-Za-z]+\s*[{(]", sample))


#: A BibTeX entry's start as BibTeX writes it: its type, then its key and a comma (``@article{smith2020,``). (A
#: bare ``@article{`` or ``@comment{`` pasted into a reference list is no entry: a text file holding one is text.)
_BIBTEX_START = re.compile(
    r"^\s*@\s*(?:article|book|inproceedings|incollection|misc|online)\s*[{(]\s*[^\s,{}()\"#%'=]+\s*,", re.I | re.M
)
_NUMBERED_LINE = re.compile(r"^\s*(?:\[\d{1,4}\]|\d{1,4}[.)])\s", re.M)


register(ImportFormat(
    "bibtex", ".bibtex", "read_bibtex", "BibTeX and BibLaTeX", (".bib", ".bibtex", ".biblatex"),
    _sniff_bibtex, parts="iter_bibtex_parts",
))
register(ImportFormat(
    "csl-json", ".csljson", "read_csljson", "CSL-JSON", (".json", ".csljson", ".jsonl"),
    lambda head, sample: sample.startswith(("[", "{")),
))
register(ImportFormat(
    "ris", ".ris", "read_ris", "RIS", (".ris",), lambda head, sample: bool(re.match(r"TY[ \t]{0,3}-[ \t]", sample))
))
register(ImportFormat(
    "medline", ".medline", "read_medline", "MEDLINE (PubMed's .nbib)", (".nbib", ".medline"),
    lambda head, sample: bool(re.match(r"PMID- ", sample)),
))
register(ImportFormat(
    "pubmed-xml", ".pubmedxml", "read_pubmed_xml", "PubMed XML", (".xml",),
    lambda head, sample: sample.startswith("<") and ("PubmedArticle" in head or "<!DOCTYPE PubmedArticleSet" in head),
))
register(ImportFormat("ids", ".idlist", "read_identifier_list", "lists of DOIs and PMIDs", (".ids",)))
register(ImportFormat("text", ".text", "read_text_references", "reference lists as text", (".txt", ".md", ".markdown")))
register(ImportFormat("lines", ".text", "read_line_references", "one reference per line (import --lines)"))

FORMATS = tuple(_REGISTRY.names())

#: Formats whose extensions do not decide: a .txt may hold identifiers or reference strings.
_WEAK = frozenset({"text"})

#: File name suffixes import walks into when given a folder.
IMPORTABLE_SUFFIXES = frozenset(ext for fmt in _REGISTRY.values() for ext in fmt.extensions)

#: A project's own documentation (``README.md`` beside the ``.bib`` files it describes):
#: never a reference list, though its prose may name a DOI the list finder would take
#: for a reference. A folder walk passes these by (and says so); naming one imports it.
_DOCUMENTATION = re.compile(r"(?:readme|changelog|changes|license|licence|contributing)(?:\.[^.]*)?", re.IGNORECASE)


def is_documentation(name: str) -> bool:
    """Whether a file found in a folder is a project's documentation file, not references."""
    return _DOCUMENTATION.fullmatch(name) is not None


def detect_format(name: str, head: str) -> str:
    """Guess a file's format from how its content starts, then its extension, then
    entries found further in (so a CSL-JSON title holding ``@article{`` stays JSON)."""
    sample = head.lstrip("\ufeff \t\r\n")
    for fmt in _REGISTRY.values():
        if fmt.sniff is not None and fmt.sniff(head, sample):
            return fmt.name
    suffix = name[name.rfind(".") :].lower() if "." in name else ""
    for fmt in _REGISTRY.values():
        if suffix in fmt.extensions and fmt.name not in _WEAK:
            return fmt.name
    entries = len(_BIBTEX_START.findall(head))
    if entries and entries >= len(_NUMBERED_LINE.findall(head)):  # entries after a comment, not a list that mentions one
        return "bibtex"
    lines = [line.strip() for line in sample.splitlines()[:50] if line.strip() and not line.lstrip().startswith("#")]
    others = [line for line in lines if not _looks_like_identifier(line)]
    if lines and (len(others) <= 0.2 * len(lines) or (2 * len(others) < len(lines) and not _any_reference(others))):
        return "ids"  # a few stray lines (a typo, a note) are reported as such, not read as one glued reference
    return "text"


def _any_reference(lines: list[str]) -> bool:
    """Whether any line reads as a reference string (a reference list with its DOIs on their own lines)."""
    from ..refstring.shapes import looks_like_reference

    return any(looks_like_reference(line) for line in lines)


def _looks_like_identifier(line: str) -> bool:
    from .idlist import stated_identifier

    return stated_identifier(line) is not None


def prepared_parts(fmt: str, text: str, key_pattern: str | None = None) -> Iterator[PreparedPart]:
    """A file read part by part and prepared for storing, so storing can overlap
    parsing (a large BibTeX file is read in other processes); other formats come whole."""
    yield from import_format(fmt).read_parts(text, key_pattern)


def reader_for(fmt: str) -> Reader:
    return import_format(fmt).read
