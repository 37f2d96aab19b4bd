"""Documents read as text for commands that need no library (``parse``)."""

from __future__ import annotations

import os
from pathlib import Path

from ..documents import read_document

__all__ = ["document_text"]

def document_text(path: str | os.PathLike[str]) -> str:
    """The text of a document (text in any encoding, .docx, .pdf), as import reads it;
    :class:`~vexascite.errors.InputUnreadable` naming the file when it cannot be read."""
    from . import MAX_IMPORT_BYTES

    return read_document(Path(path), MAX_IMPORT_BYTES).text
