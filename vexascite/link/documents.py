"""Manuscripts as text: Markdown, plain text, LaTeX, Word .docx and PDF, read through
:mod:`vexascite.documents` (one reader for import and link alike)."""

from __future__ import annotations

from pathlib import Path

from ..documents import CitationField, Document, document_format, read_document

__all__ = ["Manuscript", "manuscript_format", "read_manuscript"]

#: A manuscript is a document read for its claims.
Manuscript = Document


def manuscript_format(name: str) -> str:
    return document_format(name)


def read_manuscript(path: str | Path, data: bytes | None = None) -> Manuscript:
    """Read a manuscript file; raises :class:`InputUnreadable` with the file named."""
    from ..documents import read_document_bytes

    if data is not None:
        return read_document_bytes(data, str(path), "a manuscript")
    return read_document(path, what="a manuscript")


def with_field_markers(manuscript: Manuscript, keys_of_field: dict[int, list[str]]) -> str:
    """The manuscript's text with each reference-manager citation field's shown text
    replaced by a pandoc citation of the works it names (``[@beck2020; @comont2022]``),
    so the field links to exactly its works. Fields naming no work keep their text."""
    text = manuscript.text
    fields: list[CitationField] = manuscript.fields
    for index in sorted(keys_of_field, key=lambda i: fields[i].start, reverse=True):
        keys = keys_of_field[index]
        if not keys:
            continue
        f = fields[index]
        text = text[: f.start] + "[" + "; ".join("@" + key for key in keys) + "]" + text[f.end :]
    return text
