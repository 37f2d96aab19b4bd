"""Manuscripts as text: Markdown, plain text, LaTeX, Word .docx and PDF, read through
:mod:`vexascite.documents` (one reader for import and link alike)."""

from __future__ import annotations

import bisect
from collections.abc import Callable
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


def with_field_markers(manuscript: Manuscript, keys_of_field: dict[int, list[str]]) -> tuple[str, Callable[[int], int]]:
    """The manuscript's text with each reference-manager citation field's shown text
    replaced by a pandoc citation of the works it names (``[@beck2020; @comont2022]``),
    so the field links to exactly its works. Fields naming no work keep their text.

    Also returns the map of an offset in that text back to the manuscript's own, where
    claims and markers are kept (a web page shows them there): a field's citation spans
    exactly the field's shown text."""
    text = manuscript.text
    fields: list[CitationField] = manuscript.fields
    replaced: list[tuple[int, int, int]] = []  # the field's start and end, and the citation's length
    for index in sorted(keys_of_field, key=lambda i: fields[i].start, reverse=True):
        keys = keys_of_field[index]
        if not keys:
            continue
        f = fields[index]
        citation = "[" + "; ".join("@" + key for key in keys) + "]"
        text = text[: f.start] + citation + text[f.end :]
        replaced.append((f.start, f.end, len(citation)))
    spans: list[tuple[int, int, int, int]] = []  # the citation's start and end, the field's start and end
    shift = 0
    for start, end, length in sorted(replaced):
        spans.append((start + shift, start + shift + length, start, end))
        shift += length - (end - start)
    starts = [span[0] for span in spans]

    def to_document(offset: int) -> int:
        place = bisect.bisect_right(starts, offset) - 1
        if place < 0:
            return offset
        start, end, field_start, field_end = spans[place]
        if offset == start:
            return field_start
        return field_end if offset < end else field_end + offset - end

    return text, to_document
