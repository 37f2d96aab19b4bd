"""Importers: one module per input format, each a pure ``read(text) -> ParsedFile``.

:func:`detect_format` picks a format from the file name and the first characters; a
caller can force one. Adding a format means adding a module and a line to ``READERS``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..errors import InputUnreadable, UsageError
from ..model import ImportProblem, ParsedFile
from ..rows import PreparedPart, prepare_safely

Reader = Callable[[str], ParsedFile]

#: Bumped when an importer's output for the same input changes.
IMPORTER_VERSION = "1"


def _readers() -> dict[str, Reader]:
    from . import bibtex, csljson, idlist, medline, pubmedxml, ris, text

    return {
        "bibtex": bibtex.read_bibtex,
        "csl-json": csljson.read_csljson,
        "ris": ris.read_ris,
        "medline": medline.read_medline,
        "pubmed-xml": pubmedxml.read_pubmed_xml,
        "ids": idlist.read_identifier_list,
        "text": text.read_text_references,
        "lines": text.read_line_references,
    }


FORMATS = ("bibtex", "csl-json", "ris", "medline", "pubmed-xml", "ids", "text", "lines")

_EXTENSIONS = {
    ".bib": "bibtex",
    ".bibtex": "bibtex",
    ".biblatex": "bibtex",
    ".json": "csl-json",
    ".csljson": "csl-json",
    ".ris": "ris",
    ".nbib": "medline",
    ".medline": "medline",
    ".xml": "pubmed-xml",
    ".txt": "text",
    ".md": "text",
    ".markdown": "text",
}

#: File name suffixes import walks into when given a folder.
IMPORTABLE_SUFFIXES = frozenset(_EXTENSIONS) | {".ids"}


_BIBTEX_START = re.compile(
    r"^\s*@\s*(?:article|book|inproceedings|incollection|misc|online|string|preamble|comment)\s*[{(]", re.I | re.M
)
_NUMBERED_LINE = re.compile(r"^\s*(?:\[\d{1,4}\]|\d{1,4}[.)])\s", re.M)


def detect_format(name: str, head: str) -> str:
    """Guess a file's format from how its content starts, then its extension, then
    entries found further in (so a CSL-JSON title holding ``@article{`` stays JSON)."""
    sample = head.lstrip("\ufeff \t\r\n")
    if re.match(r"@\s*[A-Za-z]+\s*[{(]", sample):
        return "bibtex"
    if sample.startswith(("[", "{")):
        return "csl-json"
    if sample.startswith("<") and ("PubmedArticle" in head or "<!DOCTYPE PubmedArticleSet" in head):
        return "pubmed-xml"
    if re.match(r"TY[ \t]{0,3}-[ \t]", sample):
        return "ris"
    if re.match(r"PMID- ", sample):
        return "medline"
    suffix = name[name.rfind(".") :].lower() if "." in name else ""
    if suffix in _EXTENSIONS and suffix not in (".txt", ".md", ".markdown"):
        return _EXTENSIONS[suffix]
    if suffix == ".ids":
        return "ids"
    entries = len(_BIBTEX_START.findall(head))
    if entries and entries >= len(_NUMBERED_LINE.findall(head)):  # entries after a comment, not a list that mentions one
        return "bibtex"
    lines = [line.strip() for line in sample.splitlines()[:50] if line.strip() and not line.lstrip().startswith("#")]
    if lines and sum(_looks_like_identifier(line) for line in lines) >= 0.8 * len(lines):
        return "ids"
    return "text"


def _looks_like_identifier(line: str) -> bool:
    from .idlist import stated_identifier

    return stated_identifier(line) is not None


def prepared_parts(fmt: str, text: str, key_pattern: str | None = None) -> Iterator[PreparedPart]:
    """A file read part by part and prepared for storing, so storing can overlap
    parsing (a large BibTeX file is read in other processes); other formats come whole."""
    if fmt == "bibtex":
        from .bibtex import iter_bibtex_parts

        yield from iter_bibtex_parts(text, key_pattern)
        return
    reader = reader_for(fmt)
    try:
        parsed = reader(text)
    except RecursionError:
        yield PreparedPart([], [ImportProblem(None, f"nested too deeply to read as {fmt}; nothing read from it")], [])
        return
    except Exception as exc:  # a reader's guard missed a case: say so, never a traceback
        message = f"could not be read as {fmt} ({type(exc).__name__}: {str(exc)[:120]}); nothing read from it"
        yield PreparedPart([], [ImportProblem(None, message)], [])
        return
    if parsed.refused:
        raise InputUnreadable(parsed.refused)
    problems = parsed.problems
    yield PreparedPart([prepare_safely(ref, key_pattern, problems) for ref in parsed.references], problems, parsed.notes)


def reader_for(fmt: str) -> Reader:
    readers = _readers()
    if fmt not in readers:
        raise UsageError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    return readers[fmt]
