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
    pieces: list[_Piece] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: Any) -> None:
        x, y = tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if text.strip():
            drawn.append((x, y))
        try:
            scale = abs(float(cm[0])) * float(size or 0)
        except (TypeError, ValueError):
            scale = 0.0
        pieces.append(_Piece(text, x, y, scale))

    plain = page.extract_text(visitor_text=visit) or ""
    try:
        width = float(page.mediabox.width)
    except (TypeError, ValueError, AttributeError):
        return plain, False
    if "".join(piece.text for piece in pieces) == plain:
        plain = _margins_in_place(pieces, width) or plain
    jumps = {round(y1) for (x0, y0), (x1, y1) in zip(drawn, drawn[1:], strict=False) if abs(y1 - y0) < 1 and x1 - x0 > width * _COLUMN_JUMP}
    if len(jumps) < 3:
        return plain, False  # text is drawn column by column (or no column beside another)
    layout = page.extract_text(extraction_mode="layout") or ""
    reading = read_columns(layout)
    if not reading.blocks or not _glued_across(plain, layout, reading.blocks):
        return plain, False
    return _without_blank_runs(reading.lines), True


@dataclass(slots=True)
class _Piece:
    """A piece of text as pypdf hands it out: its text, where it was drawn and its size."""

    text: str
    x: float
    y: float
    size: float  # font size times the horizontal scale: points per em on the page


@dataclass(slots=True)
class _Row:
    pieces: list[_Piece] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)

    @property
    def y(self) -> float | None:
        return next((piece.y for piece in self.pieces if piece.text.strip()), None)


#: How far apart (points) two rows must be to lie above or below each other.
_ROW_EPS = 1.5
#: A gap between two pieces of one row, as a share of the page's width, that makes them two
#: blocks of the margin (a running head at the left and another at the right).
_MARGIN_GAP = 0.15


def _margins_in_place(pieces: list[_Piece], width: float) -> str | None:
    """The page's text with the rows drawn in its margins put where they stand: rows drawn
    before the body (or after it) that lie above all of it first, those that lie below all
    of it last, each margin row split where its blocks stand apart. None when every margin
    row already stands where it is drawn (most typesetters draw the head first and the foot
    last) or the page has no body.

    Some typesetters (browsers printing a page, with ``@page`` margin boxes) draw the
    running heads and the page's foot before the body: read in drawing order, the foot
    would open the page and an entry going on from the page before would take it in, and
    the head at the left and the one at the right would be one line."""
    rows: list[_Row] = [_Row()]
    for piece in pieces:
        parts = piece.text.split("\n")
        for n, part in enumerate(parts):
            if n:
                rows.append(_Row())
            if part:
                rows[-1].pieces.append(_Piece(part, piece.x, piece.y, piece.size))
    placed = [(row, row.y) for row in rows]
    ys = [y for _, y in placed if y is not None]
    if len(ys) < 3:
        return None
    first, last = 0, len(placed)
    head: list[_Row] = []
    foot: list[_Row] = []
    moved = False

    def outside(y: float, lo: int, hi: int) -> int:
        """1 above, -1 below every row drawn in placed[lo:hi], else 0."""
        rest = [other for _, other in placed[lo:hi] if other is not None]
        if not rest:
            return 0
        if y > max(rest) + _ROW_EPS:
            return 1
        if y < min(rest) - _ROW_EPS:
            return -1
        return 0

    while first < last:  # margin rows drawn before the body
        row, y = placed[first]
        side = 0 if y is None else outside(y, first + 1, last)
        if y is not None and not side:
            break
        first += 1
        if y is None:
            continue
        if side < 0:
            moved = True  # a foot drawn first
        (head if side > 0 else foot).append(row)
    while last > first:  # margin rows drawn after the body
        row, y = placed[last - 1]
        side = 0 if y is None else outside(y, first, last - 1)
        if y is not None and not side:
            break
        last -= 1
        if y is None:
            continue
        if side > 0:
            moved = True  # a head drawn last
        (head if side > 0 else foot).append(row)
    if first >= last:
        return None
    margin = head + foot
    split = [_blocks(row, width) for row in margin]
    if not moved and all(len(blocks) == 1 for blocks in split):
        return None
    by_row = {id(row): blocks for row, blocks in zip(margin, split, strict=True)}
    top = [text for row in sorted(head, key=lambda r: -(r.y or 0.0)) for text in by_row[id(row)]]
    bottom = [text for row in sorted(foot, key=lambda r: -(r.y or 0.0)) for text in by_row[id(row)]]
    body = [row.text for row, _ in placed[first:last]]
    return "\n".join(top + body + bottom)


def _blocks(row: _Row, width: float) -> list[str]:
    """A margin row's text, cut where a piece starts left of the one before it or far to
    the right of where that one ends (its width taken as half an em per character)."""
    blocks: list[str] = []
    current = ""
    end: float | None = None
    start: float | None = None
    for piece in row.pieces:
        if (piece.text.strip() and end is not None and start is not None
                and (piece.x < start - _ROW_EPS or piece.x - end > width * _MARGIN_GAP)):
            blocks.append(current)
            current = ""
        current += piece.text
        if piece.text.strip():
            start = piece.x
            end = piece.x + 0.5 * piece.size * len(piece.text)
    blocks.append(current)
    return [block.strip() for block in blocks if block.strip()] or [row.text]


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
