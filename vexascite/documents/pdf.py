"""PDF as text, page by page, with where each page starts so a line of the text can be
traced back to its page and its line on that page.

Text comes from pypdf: pure Python (nothing to build, no system library), maintained,
and its extraction follows the order in which a page draws its text, which for most
two-column papers is column by column; the list finder joins wrapped lines itself. A page
that draws its columns line by line across the page (left line, right line, next row:
some typesetters, tables of references) would come out with each left line glued to the
line beside it, so such a page is read again with its layout kept and its two columns
taken one after the other (:mod:`vexascite.columns`). A PDF whose pages carry no text (a
scan) cannot be read without OCR and is refused.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field
from typing import Any

from ..columns import ColumnBlock, read_columns
from ..errors import InputUnreadable

__all__ = ["PdfText", "page_position", "pdf_text"]


@dataclass(slots=True)
class PdfText:
    text: str
    #: First line (1-based, in ``text``) of each page, in page order.
    page_lines: list[int] = field(default_factory=list)
    #: What was done to the pages' text beyond extracting it (pages read column by column).
    notes: list[str] = field(default_factory=list)


def page_position(page_lines: list[int], line: int) -> tuple[int, int]:
    """(page, line on that page), both 1-based, of a line of the text."""
    page = 0
    for index, first in enumerate(page_lines):
        if first > line:
            break
        page = index
    return page + 1, line - page_lines[page] + 1 if page_lines else line


def pdf_text(data: bytes) -> PdfText:
    """Extract the text of every page; :class:`InputUnreadable` for a damaged, locked
    or image-only PDF."""
    import zlib

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are about layout, not the text
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputUnreadable("the PDF is password-protected; save an unlocked copy and import that")
        pages = [_page_text(page) for page in reader.pages]
    except InputUnreadable:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, AttributeError, IndexError,
            RecursionError, AssertionError, NotImplementedError, zlib.error) as exc:  # what a damaged file makes pypdf raise
        raise InputUnreadable(f"not a readable PDF ({exc}); nothing read") from exc
    if not any(page.strip() for page, _ in pages):
        raise InputUnreadable(
            f"the PDF has no text layer ({len(pages)} page(s) of images: a scan?); "
            "run OCR on it first (for example ocrmypdf) and import the result; nothing read"
        )
    lines: list[str] = []
    page_lines = []
    columned = []
    for number, (page, in_columns) in enumerate(pages, start=1):
        page_lines.append(len(lines) + 1)
        lines.extend(page.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
        if in_columns:
            columned.append(number)
    notes = []
    if columned:
        shown = ", ".join(str(n) for n in columned[:20]) + (" ..." if len(columned) > 20 else "")
        notes.append(f"page{'s' * (len(columned) > 1)} {shown}: two columns drawn line by line across the page, read column by column")
    return PdfText("\n".join(lines) + "\n", page_lines, notes)


#: Share of the page's width between two pieces of text drawn one after the other on one
#: line that suggests two columns drawn across the page.
_COLUMN_JUMP = 0.3


def _page_text(page: Any) -> tuple[str, bool]:
    """A page's text in reading order, and whether its two columns had to be taken apart."""
    drawn: list[tuple[float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: Any) -> None:
        if text.strip():
            x, y = tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            drawn.append((x, y))

    plain = page.extract_text(visitor_text=visit) or ""
    try:
        width = float(page.mediabox.width)
    except (TypeError, ValueError, AttributeError):
        return plain, False
    jumps = {round(y1) for (x0, y0), (x1, y1) in zip(drawn, drawn[1:], strict=False) if abs(y1 - y0) < 1 and x1 - x0 > width * _COLUMN_JUMP}
    if len(jumps) < 3:
        return plain, False  # text is drawn column by column (or no column beside another)
    layout = page.extract_text(extraction_mode="layout") or ""
    reading = read_columns(layout)
    if not reading.blocks or not _glued_across(plain, layout, reading.blocks):
        return plain, False
    return _without_blank_runs(reading.lines), True


def _glued_across(plain: str, layout: str, blocks: list[ColumnBlock]) -> bool:
    """Whether the plain extraction glued most left lines of the column blocks to the right
    lines beside them (letters and digits compared, spacing aside)."""
    flat = "".join(ch for ch in plain if not ch.isspace())
    rows = layout.split("\n")
    pairs = glued = 0
    for block in blocks:
        for row in rows[block.first - 1 : block.last]:
            left = "".join(ch for ch in row[: block.cut] if not ch.isspace())
            right = "".join(ch for ch in row[block.cut :] if not ch.isspace())
            if left and right:
                pairs += 1
                glued += left + right in flat
    return pairs > 0 and glued * 2 >= pairs


def _without_blank_runs(lines: list[str]) -> str:
    """Lines with trailing blanks removed and runs of blank lines made one (the layout's
    vertical space)."""
    out: list[str] = []
    for line in lines:
        line = line.rstrip()
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n")
