"""Reading input documents as text with positions (encodings, .docx, .pdf), below
importers and link: one place decides how a file becomes text, so import, parse, link
and check read every document the same way.

Offsets and lines refer to the text returned here: the file itself for text formats;
for .docx one line per Word paragraph (see :mod:`.docx`); for .pdf the pages' text in
order, with the first line of each page kept (see :mod:`.pdf`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputUnreadable
from ..model import ImportProblem
from .docx import CitationField, citation_kind
from .encoding import MAX_INPUT_BYTES, decode_input, read_input_bytes
from .pdf import page_position

__all__ = [
    "BINARY_SUFFIXES",
    "CitationField",
    "Document",
    "citation_kind",
    "decode_input",
    "document_format",
    "page_position",
    "read_document",
    "read_document_bytes",
    "read_input_bytes",
    "MAX_INPUT_BYTES",
]

#: Documents that are not text files: read by their own readers, never decoded.
BINARY_SUFFIXES = frozenset({".docx", ".pdf"})


@dataclass(slots=True)
class Document:
    """A document's text and what is known of its layout."""

    text: str
    format: str  # markdown | text | latex | docx | pdf
    paragraph_per_line: bool = False
    problems: list[ImportProblem] = field(default_factory=list)
    #: Citation fields of a Word document (reference managers' data), in order.
    fields: list[CitationField] = field(default_factory=list)
    #: For a PDF, the first line of each page (see :func:`page_position`).
    page_lines: list[int] = field(default_factory=list)
    #: What reading did beyond taking the text as it stands (a PDF's pages read column by column).
    notes: list[str] = field(default_factory=list)
    #: For a PDF, the lines (1-based) it prints as headings (by their font; see :mod:`.pdf`).
    heading_lines: frozenset[int] = frozenset()


def document_format(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return {
        ".md": "markdown",
        ".markdown": "markdown",
        ".rmd": "markdown",
        ".qmd": "markdown",
        ".tex": "latex",
        ".latex": "latex",
        ".docx": "docx",
        ".pdf": "pdf",
    }.get(suffix, "text")


def read_document_bytes(data: bytes, name: str, what: str = "references") -> Document:
    """Bytes of a file called ``name`` as a :class:`Document`; errors name the file."""
    fmt = document_format(name)
    try:
        if fmt == "docx":
            from .docx import docx_text

            read = docx_text(data)
            return Document(read.text, "docx", paragraph_per_line=True, fields=read.fields)
        if fmt == "pdf" or (data[:5] == b"%PDF-" and fmt == "text"):
            from .pdf import pdf_text

            pdf = pdf_text(data)
            return Document(pdf.text, "pdf", page_lines=pdf.page_lines, notes=pdf.notes, heading_lines=pdf.heading_lines)
    except InputUnreadable as exc:
        raise InputUnreadable(f"{name}: {exc}") from exc
    text, problems = decode_input(data, name, what)
    return Document(text, fmt, problems=problems)


def read_document(path: str | Path, max_bytes: int | None = MAX_INPUT_BYTES, what: str = "references") -> Document:
    """Read a file as a :class:`Document`; raises :class:`InputUnreadable` naming it."""
    path = Path(path)
    return read_document_bytes(read_input_bytes(path, max_bytes), str(path), what)
