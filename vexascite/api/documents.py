"""Documents read as text for commands that need no library (``parse``)."""

from __future__ import annotations

import os
from pathlib import Path

from ..documents import BINARY_SUFFIXES, decode_input, read_document_bytes, read_input_bytes
from ..errors import InputUnreadable

__all__ = ["document_reading", "document_text", "text_reading"]

def document_text(path: str | os.PathLike[str]) -> str:
    """The text of a document (see :func:`document_reading`)."""
    return document_reading(path)[0]


def document_reading(path: str | os.PathLike[str]) -> tuple[str, list[str]]:
    """The text of a document: Word and PDF as import reads them; any other file
    decoded as import decodes it (:func:`text_reading`). :class:`InputUnreadable` names a
    file that cannot be read. The notes say what reading did beyond taking the text (a
    PDF's pages read column by column, lines read as Latin-1)."""
    from .importing import MAX_IMPORT_BYTES

    path = Path(path)
    data = read_input_bytes(path, MAX_IMPORT_BYTES)
    refuse_database(path, data)
    if path.suffix.lower() in BINARY_SUFFIXES or data.startswith(b"%PDF-"):
        document = read_document_bytes(data, str(path))
        return document.text, list(document.notes)
    return text_reading(data, str(path))


#: The first bytes of an SQLite write-ahead log (two byte orders) and of a rollback journal.
_JOURNAL_MAGIC = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83", b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7")


def refuse_database(path: str | os.PathLike[str], data: bytes) -> None:
    """An SQLite database (a vexascite library) or the journal beside one is no input:
    its pages hold the library's own text, which reads as references (``vexascite import *``
    in the library's folder filled it with its own rows, merged into its works)."""
    from .outputs import _SQLITE_HEADER, _is_database

    if data.startswith(_SQLITE_HEADER) or data.startswith(_JOURNAL_MAGIC) or _is_database(Path(path)):
        raise InputUnreadable(f"{path}: an SQLite database or its journal (a vexascite library?), not references; nothing read")


def refuse_database_file(path: str | os.PathLike[str]) -> None:
    """:func:`refuse_database` on a file's first bytes (one that cannot be opened is left
    to its reader, which says why)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except OSError:
        return
    refuse_database(path, head)


def reference_file_format(path: str | os.PathLike[str], text: str) -> str | None:
    """What a BibTeX, RIS, CSL-JSON, MEDLINE or PubMed XML file is (its format's
    description) when both its content and its extension say so; None for a text, a list
    of identifiers or a document. Such a file holds references field by field: ``import``
    reads it, not ``parse`` or ``link``."""
    from ..importers import detect_format, import_format

    path = Path(path)
    fmt = detect_format(path.name, text[:4096])
    if fmt in ("text", "lines", "ids"):
        return None
    form = import_format(fmt)
    return form.description if path.suffix.lower() in form.extensions else None


def text_reading(data: bytes, name: str, what: str = "reference strings") -> tuple[str, list[str]]:
    """Text bytes as import decodes them (a byte-order mark, UTF-16, lines not UTF-8 read
    as Windows-1252, NUL bytes removed), each thing done said with its line; a line stays
    a line, so ``parse --lines`` gives one item per line whatever the line holds. ``what``
    the lines hold names them when the file is binary ("not statements")."""
    text, problems = decode_input(data, name, what)
    return text, [f"{name}:{problem.line}: {problem.message}" for problem in problems]
