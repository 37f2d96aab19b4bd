"""Documents read as text for commands that need no library (``parse``)."""

from __future__ import annotations

import os
from pathlib import Path

from ..documents import BINARY_SUFFIXES, read_document_bytes, read_input_bytes

__all__ = ["document_reading", "document_text"]

def document_text(path: str | os.PathLike[str]) -> str:
    """The text of a document (see :func:`document_reading`)."""
    return document_reading(path)[0]


def document_reading(path: str | os.PathLike[str]) -> tuple[str, list[str]]:
    """The text of a document: Word and PDF as import reads them; any other file as
    UTF-8 with undecodable bytes replaced, control characters kept (``parse --lines``
    gives one item per line whatever the line holds). :class:`InputUnreadable` names a
    file that cannot be read. The notes say what reading did beyond taking the text (a
    PDF's pages read column by column)."""
    from .importing import MAX_IMPORT_BYTES

    path = Path(path)
    data = read_input_bytes(path, MAX_IMPORT_BYTES)
    if path.suffix.lower() in BINARY_SUFFIXES or data.startswith(b"%PDF-"):
        document = read_document_bytes(data, str(path))
        return document.text, list(document.notes)
    return data.decode("utf-8-sig", errors="replace"), []
