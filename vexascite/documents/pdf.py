"""PDF as text, page by page, with where each page starts so a line of the text can be
traced back to its page and its line on that page.

Text comes from pypdf: pure Python (nothing to build, no system library), maintained,
and its extraction follows the order in which a page draws its text, which for most
two-column papers is column by column; the list finder joins wrapped lines itself. A page
that draws its columns line by line across the page (left line, right line, next row:
some typesetters, tables of references) would come out with each left line glued to the
line beside it, so such a page is read again with its layout kept and its two columns
taken one after the other (:mod:`vexascite.columns`). Glyphs that carry their text in a
marked-content span's ``/ActualText`` (a browser's glyphs for characters its fonts lack,
ligatures, soft hyphens) are read as that text, which pypdf alone does not; a glyph whose
text the PDF does not give at all is kept as U+FFFD and counted. Running heads and feet drawn before
the body (a browser's ``@page`` margin boxes) are put at the page's start and end, and each
row keeps its indent as spaces, so a hanging indent reads as one. A PDF whose pages carry
no text (a scan) cannot be read without OCR and is refused.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..columns import ColumnBlock, read_columns
from ..errors import InputUnreadable
from ..wording import quantity

__all__ = ["PdfText", "page_position", "pdf_text"]


@dataclass(slots=True)
class PdfText:
    text: str
    #: First line (1-based, in ``text``) of each page, in page order.
    page_lines: list[int] = field(default_factory=list)
    #: What was done to the pages' text beyond extracting it (pages read column by column).
    notes: list[str] = field(default_factory=list)
    #: Lines (1-based, in ``text``) the PDF prints as headings: set in a larger or bolder font than
    #: its running text, a short run of lines of their own (:func:`_heading_rows`).
    heading_lines: frozenset[int] = frozenset()


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
        drawn = [_draw(page) for page in reader.pages]
        edges = [_column_edges(_starts(page.body), page.width) if page.body is not None and page.width else [] for page in drawn]
        body = _body_style(drawn)
        pages = [_page_text(page, [e for k, seen in enumerate(edges) if k != n for e in seen], body) for n, page in enumerate(drawn)]
    except InputUnreadable:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, AttributeError, IndexError,
            RecursionError, AssertionError, NotImplementedError, zlib.error) as exc:  # what a damaged file makes pypdf raise
        raise InputUnreadable(f"not a readable PDF ({exc}); nothing read") from exc
    if not any(page.strip() for page, _, _ in pages):
        raise InputUnreadable(
            f"the PDF has no text layer ({len(pages)} page(s) of images: a scan?); "
            "run OCR on it first (for example ocrmypdf) and import the result; nothing read"
        )
    lines: list[str] = []
    page_lines = []
    columned = []
    unknown: list[tuple[int, int]] = []
    headings: set[int] = set()
    for number, (page, in_columns, heading_rows) in enumerate(pages, start=1):
        page_lines.append(len(lines) + 1)
        page, lost = _UNDECODED.subn("\ufffd", _SOFT_BREAK.sub("\u00ad", page))
        if lost:
            unknown.append((number, lost))
        page_text = page.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if len(heading_rows) == len(page_text):  # (the rows are the page's lines)
            headings.update(len(lines) + 1 + row for row, heading in enumerate(heading_rows) if heading)
        lines.extend(page_text)
        if in_columns:
            columned.append(number)
    notes = []
    if columned:
        notes.append(f"{_pages(columned)}: two columns drawn line by line across the page, read column by column")
    if unknown:
        count = sum(lost for _, lost in unknown)
        notes.append(
            f"{_pages([number for number, _ in unknown])}: {quantity(count, 'character')} whose text the PDF "
            "does not give (no /ToUnicode entry or /ActualText for the glyph), kept as \ufffd"
        )
    return PdfText("\n".join(lines) + "\n", page_lines, notes, frozenset(headings))


#: A soft hyphen (from ``/ActualText``) then the hyphen printed where it broke the line: a
#: browser draws the soft hyphen as a blank glyph and the hyphen apart. The line keeps the
#: soft hyphen, which says what the printed hyphen is (the list finder joins the word).
_SOFT_BREAK = re.compile(r"\u00ad *[-\u2010](?= *$)", re.MULTILINE)
#: What pypdf gives for a glyph it cannot map to text (its code as a control character).
_UNDECODED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _pages(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:20]) + (" ..." if len(numbers) > 20 else "")
    return f"page{'s' * (len(numbers) > 1)} {shown}"


#: Operators that show text.
_SHOW = frozenset((b"Tj", b"TJ", b"'", b'"'))


def _with_actual_text(page: Any, reader: Any) -> Any | None:
    """The page's content with the glyphs of each marked-content span that carries an
    ``/ActualText`` (``/Span <</ActualText (...)>> BDC ... EMC``, the properties inline or
    named in the page's ``/Properties``) shown as that text: the span's first text-showing
    operator shows the text, the others nothing, and every positioning operator stays, so
    the text stands where its glyphs are drawn; and each ``Tm`` followed by a ``Td`` with
    nothing drawn between them made the one ``Tm`` they come to (:func:`_moved_matrix`).
    None when the page has neither.

    A browser printing a page draws a character its fonts lack (Korean, Chinese) as the
    font's empty glyph, which no ``/ToUnicode`` maps, and a soft hyphen that did not break
    its line as a space glyph, and gives the real text only in ``/ActualText``, which pypdf's
    extraction passes by: Korean came out as NUL characters and a soft hyphen as a space in
    the word. The shown text goes to pypdf as an already-decoded string, as pypdf's own
    ``TJ`` handling passes the spaces it adds."""
    from pypdf.generic import (
        ContentStream,
        DictionaryObject,
        NameObject,
        TextStringObject,
        create_string_object,
    )

    contents = page.get("/Contents")
    if contents is None:
        return None
    stream = ContentStream(contents.get_object(), reader, "bytes")
    try:
        named = page["/Resources"].get_object().get("/Properties")
        named = named.get_object() if named is not None else None
    except (KeyError, AttributeError):
        named = None
    spans: list[list[str] | None] = []  # per open marked content: [its actual text, shown yet?] or None
    operations: list[tuple[Any, bytes]] = []
    replaced = False
    for operands, operator in stream.operations:
        if operator == b"BDC":
            properties = operands[1] if len(operands) > 1 else None
            if isinstance(properties, NameObject) and isinstance(named, DictionaryObject):
                properties = named.get(properties)
            properties = properties.get_object() if properties is not None else None
            actual = properties.get("/ActualText") if isinstance(properties, DictionaryObject) else None
            actual = actual.get_object() if actual is not None else None
            if isinstance(actual, bytes):  # read as bytes with the content: UTF-16 or PDFDocEncoding
                actual = create_string_object(bytes(actual))
            spans.append([str(actual)] if isinstance(actual, str) else None)
        elif operator == b"BMC":
            spans.append(None)
        elif operator == b"EMC":
            if spans:
                spans.pop()
        elif operator == b"Td" and operations and operations[-1][1] == b"Tm":
            moved = _moved_matrix(operations[-1][0], operands)
            if moved is not None:
                operations[-1] = (moved, b"Tm")
                replaced = True
                continue
        elif operator in _SHOW:
            span = next((span for span in reversed(spans) if span is not None), None)
            if span is not None:
                if operator in (b"'", b'"'):  # they move to the next line first
                    operations.extend([([operands[0]], b"Tw"), ([operands[1]], b"Tc")] if operator == b'"' and len(operands) >= 3 else [])
                    operations.append(([], b"T*"))
                operations.append(([TextStringObject(span[0] if len(span) == 1 else "")], b"Tj"))
                span.append("shown")
                replaced = True
                continue
        operations.append((operands, operator))
    if not replaced:
        return None
    stream.operations = operations
    return stream


def _moved_matrix(matrix: list[Any], offset: list[Any]) -> list[Any] | None:
    """The text matrix that ``Tm`` with ``matrix`` then ``Td`` with ``offset`` set (the PDF's
    own rule: the offset taken in the matrix's space), or None when an operand is not a number.

    A browser printing a run of glyphs from another font (a superscript digit or a Greek
    letter its main font lacks) opens a text object at the line's start with ``Tm`` and
    moves to the run with ``Td``; pypdf measures the ``Td`` from the line's start, not from
    where the text before ended, and put a space on each side of the run: ``blockers.⁶ At``
    came out as ``blockers. ⁶  At``, which gave the marker to the next sentence."""
    from pypdf.generic import FloatObject

    try:
        a, b, c, d, e, f = (float(value) for value in matrix)
        tx, ty = (float(value) for value in offset)
    except (TypeError, ValueError):
        return None
    return [FloatObject(value) for value in (a, b, c, d, tx * a + ty * c + e, tx * b + ty * d + f)]


#: Share of the page's width between two pieces of text drawn one after the other on one
#: line that suggests two columns drawn across the page.
_COLUMN_JUMP = 0.3


@dataclass(slots=True)
class _Drawn:
    """A page as pypdf extracted it: its plain text, the pieces it handed out, where each
    text-showing operator drew, and the page's width (None when it has none)."""

    page: Any
    plain: str
    pieces: list[_Piece]
    shown: list[tuple[float, float]]
    width: float | None
    #: Its margin lines above, the rows of its body, its margin lines below and whether all
    #: stand as drawn (:func:`_placed`; None when the pieces are not the plain text or the
    #: page has no body).
    placed: tuple[list[str], list[_Row], list[str], bool] | None = None

    @property
    def body(self) -> list[_Row] | None:
        return self.placed[1] if self.placed is not None else None


def _at(cm: list[float], tm: list[float]) -> tuple[float, float]:
    """Where on the page the text matrix ``tm`` under the transformation ``cm`` draws."""
    return tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]


def _draw(page: Any) -> _Drawn:
    """Extract a page's text with the positions of what it draws."""
    from pypdf.generic import NameObject

    shown: list[tuple[float, float]] = []
    pieces: list[_Piece] = []

    bold: dict[int, bool] = {}  # by the font's id: pypdf hands out the same font dictionary

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: Any) -> None:
        x, y = _at(cm, tm)
        try:
            scale = abs(float(cm[0]) * float(tm[0])) * float(size or 0)
        except (TypeError, ValueError):
            scale = 0.0
        if id(font) not in bold:
            bold[id(font)] = _bold(font)
        pieces.append(_Piece(text, x, y, scale, bold[id(font)]))

    def show(operator: bytes, operands: list[Any], cm: list[float], tm: list[float]) -> None:
        if operator in _SHOW and operands and operands[-1]:
            shown.append(_at(cm, tm))

    original = page.get("/Contents")
    actual = _with_actual_text(page, page.pdf) if original is not None else None
    if actual is not None:
        page[NameObject("/Contents")] = actual
    try:
        plain = page.extract_text(visitor_text=visit, visitor_operand_before=show) or ""
    finally:
        if actual is not None:
            page[NameObject("/Contents")] = original  # layout mode reads the content's bytes again
    try:
        width: float | None = float(page.mediabox.width)
    except (TypeError, ValueError, AttributeError):
        width = None
    drawn = _Drawn(page, plain, pieces, shown, width)
    if width is not None and "".join(piece.text for piece in pieces) == plain:
        drawn.placed = _placed(pieces, width)
    return drawn


def _page_text(drawn: _Drawn, known_edges: list[float], body: tuple[float, bool] | None) -> tuple[str, bool, list[bool]]:
    """A page's text in reading order, whether its two columns had to be taken apart, and which
    of its lines are headings (:func:`_heading_rows`, for the text's body font ``body``; none
    for a page read column by column). ``known_edges`` are the column edges other pages of the
    document show (where a column starts), for a page where no two rows of a column start at
    its edge.

    Two columns drawn across show as text drawn far right of the text drawn just before it
    on the same line; that is measured between text-showing operators, not between the
    pieces pypdf hands out: a piece is a run of operators, so a line of a one-column page
    drawn glyph by glyph and closed by a hyphen from another font made a piece far right
    of the line's start (a browser's justified, hyphenated text)."""
    page, plain, width = drawn.page, drawn.plain, drawn.width
    if width is None:
        return plain, False, []
    headings: list[bool] = []
    if drawn.placed is not None:
        plain = _placed_text(drawn.placed, width, known_edges) or plain
        head, rows, foot, _ = drawn.placed
        headings = [False] * len(head) + _heading_rows(rows, body) + [False] * len(foot)
    jumps = {round(y1) for (x0, y0), (x1, y1) in zip(drawn.shown, drawn.shown[1:], strict=False) if abs(y1 - y0) < 1 and x1 - x0 > width * _COLUMN_JUMP}
    if len(jumps) < 3:
        return plain, False, headings  # text is drawn column by column (or no column beside another)
    layout = page.extract_text(extraction_mode="layout") or ""
    reading = read_columns(layout)
    if not reading.blocks or not _glued_across(plain, layout, reading.blocks):
        return plain, False, headings
    return _without_blank_runs(reading.lines), True, []


#: Words in a font's name that say it is bold (``AAAAAA+LiberationSerif-Bold``, ``Helvetica-Bold``).
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
#: How much larger than the running text a heading's font is, at least.
_HEADING_SCALE = 1.15
#: The most words a heading holds, over all its lines (a paragraph set in bold is no heading).
_HEADING_WORDS = 30


def _bold(font: Any) -> bool:
    """Whether a font (its dictionary, as pypdf hands it to a visitor) is bold: by its name or
    its descriptor's weight (600 or more), the descendant font's for a composite font."""
    try:
        font = font.get_object() if font is not None else None
        if font is None:
            return False
        if _BOLD_NAME.search(str(font.get("/BaseFont", ""))):
            return True
        descendants = font.get("/DescendantFonts")
        inner = descendants.get_object()[0].get_object() if descendants is not None else font
        descriptor = inner.get("/FontDescriptor")
        weight = descriptor.get_object().get("/FontWeight") if descriptor is not None else None
        return weight is not None and float(weight) >= 600
    except (AttributeError, IndexError, KeyError, TypeError, ValueError):
        return False


def _style(row: _Row) -> tuple[float, bool]:
    """A row's largest font size (to a tenth of a point) and whether all its text is bold."""
    inked = _inked(row)
    return max(round(piece.size, 1) for piece in inked), all(piece.bold for piece in inked)


def _inked(row: _Row) -> list[_Piece]:
    """A row's pieces that draw something (not the spaces between them)."""
    return [piece for piece in row.pieces if piece.text.strip()]


def _body_style(pages: list[_Drawn]) -> tuple[float, bool] | None:
    """The size (to a tenth of a point) and boldness of the font most of the document's
    characters are drawn in: its running text. None when no size is known."""
    counts: dict[tuple[float, bool], int] = {}
    for page in pages:
        for piece in page.pieces:
            if piece.size > 0:
                style = (round(piece.size, 1), piece.bold)
                counts[style] = counts.get(style, 0) + sum(1 for ch in piece.text if not ch.isspace())
    return max(counts, key=lambda style: counts[style]) if counts else None


def _heading_rows(rows: list[_Row], body: tuple[float, bool] | None) -> list[bool]:
    """Which rows are a heading's: every character of the row drawn larger than the running
    text (``body``, :func:`_body_style`) or bold where it is not, in a run of such rows in one
    style (a heading wrapped over lines) of at most :data:`_HEADING_WORDS` words. Such a line is a
    heading however the text around it reads: a heading with no blank line under it over a
    paragraph that opens with a number (``25 patients ...``), or wrapped on a narrow page
    (``Ruxolitinib versus other JAK`` / ``inhibitors``), was read into the next sentence."""
    if body is None:
        return [False] * len(rows)
    size, body_bold = body

    def stands_out(row: _Row) -> bool:
        inked = _inked(row)
        return bool(inked) and any(ch.isalpha() for piece in inked for ch in piece.text) and all(
            piece.size >= size * _HEADING_SCALE or (piece.bold and not body_bold and piece.size >= size * 0.95) for piece in inked
        )

    marks = [_style(row) if stands_out(row) else None for row in rows]
    out = [False] * len(rows)
    start = 0
    while start < len(rows):
        if marks[start] is None:
            start += 1
            continue
        end = start
        while end < len(rows) and marks[end] == marks[start]:  # (a title over a heading in another size is two)
            end += 1
        if sum(len(rows[n].text.split()) for n in range(start, end)) <= _HEADING_WORDS:
            out[start:end] = [True] * (end - start)
        start = end
    return [heading or apart for heading, apart in zip(out, _standing_apart(rows), strict=True)]


#: Space above and below a line, as a share of the page's usual distance between lines, that sets it apart.
_APART = 1.4
#: The most lines and words of a heading set in the running text's type.
_APART_LINES = 3
_APART_WORDS = 12


def _standing_apart(rows: list[_Row]) -> list[bool]:
    """Which rows are a heading set in the running text's own type: a run of one to three rows with
    more space above and below it than the page's usual distance between lines (:data:`_APART` of
    it), the rows of the run at that usual distance, of at most :data:`_APART_WORDS` words, opening
    with a capital or a digit and closing on no stop, comma or colon and on no citation. As a
    browser prints a heading written as a paragraph of its own: wrapped on a narrow page (``JAK
    inhibitors and IL-6`` / ``inhibitors``), it ran into the next sentence. Only distances measured
    on the page count: a row at a page's top or foot, or where a column starts, is never apart."""
    ys = [row.y for row in rows]
    gaps: list[float | None] = [None] * (len(rows) + 1)  # gaps[n]: from the row above row n down to it
    for n in range(1, len(rows)):
        above, here = ys[n - 1], ys[n]
        if above is not None and here is not None and above - here > 0:
            gaps[n] = above - here
    measured = sorted(gap for gap in gaps if gap is not None)
    out = [False] * len(rows)
    if len(measured) < 3:
        return out
    pitch = measured[len(measured) // 2]
    start = 1
    while start < len(rows):
        gap = gaps[start]
        if gap is None or gap < pitch * _APART:
            start += 1
            continue
        end = start + 1  # the run: rows at the usual distance under the first
        while end < len(rows) and end - start <= _APART_LINES and (under := gaps[end]) is not None and under < pitch * 1.2:
            end += 1
        below = gaps[end] if end < len(rows) else None
        text = " ".join(rows[n].text.strip() for n in range(start, end))
        if (
            end - start <= _APART_LINES and below is not None and below >= pitch * _APART and len(text.split()) <= _APART_WORDS
            and text[:1].isupper() | text[:1].isdigit() and text[-1:] not in ".!?;:," and not _CITES.search(text)
        ):
            out[start:end] = [True] * (end - start)
        start = end
    return out


#: A citation in a line: a bracketed number, a pandoc key, a superscript number, a year in brackets.
_CITES = re.compile(r"\[\s*\d|\[-?@|[⁰¹²³⁴⁵⁶⁷⁸⁹]|\(\D{0,80}\b(?:1[6-9]|20)\d\d[a-z]?\)")


@dataclass(slots=True)
class _Piece:
    """A piece of text as pypdf hands it out: its text, where it was drawn and its size."""

    text: str
    x: float
    y: float
    size: float  # font size times the horizontal scale: points per em on the page
    bold: bool = False  # drawn in a bold font (:func:`_bold`)


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


def _placed_text(placed: tuple[list[str], list[_Row], list[str], bool], width: float, known_edges: list[float]) -> str | None:
    """The page's text with the rows drawn in its margins put where they stand: rows drawn
    before the body (or after it) that lie above all of it first, those that lie below all
    of it last, each margin row split where its blocks stand apart; and each body row set in
    by as many spaces as it stands right of its column's left edge (half an em a space), so
    a hanging indent reads as one. None when nothing changes (the margin rows stand where
    they are drawn, as most typesetters draw the head first and the foot last, and no row is
    set in) or the page has no body.

    Some typesetters (browsers printing a page, with ``@page`` margin boxes) draw the
    running heads and the page's foot before the body: read in drawing order, the foot
    would open the page and an entry going on from the page before would take it in, and
    the head at the left and the one at the right would be one line."""
    head, body, foot, unmoved = placed
    indents = _indents(body, width, known_edges)
    if unmoved and not any(indents):
        return None
    lines = [" " * indent + row.text if row.text.strip() else row.text for row, indent in zip(body, indents, strict=True)]
    return "\n".join(head + lines + foot)


def _placed(pieces: list[_Piece], width: float) -> tuple[list[str], list[_Row], list[str], bool] | None:
    """The page's margin lines above its body, the body's rows (cut where columns stand side
    by side, :func:`_column_parts`), the margin lines below, and whether all stand as drawn;
    None when the page has under three rows or no body."""
    rows: list[_Row] = [_Row()]
    for piece in pieces:
        parts = piece.text.split("\n")
        for n, part in enumerate(parts):
            if n:
                rows.append(_Row())
            if part:
                rows[-1].pieces.append(replace(piece, text=part))
    placed = [(row, row.y) for row in rows]
    ys = [y for _, y in placed if y is not None]
    if len(ys) < 3:
        return None
    first, last = _margin_runs([y for _, y in placed])
    if first >= last:
        return None
    ends = [row for row, y in placed[:first] + placed[last:] if y is not None]
    rest = [y for _, y in placed[first:last] if y is not None]
    margin = _margin_lines(ends, width)
    head = [text for text, y in margin if rest and y > max(rest)]
    foot = [text for text, y in margin if not (rest and y > max(rest))]
    body = [part for row, _ in placed[first:last] for part in _column_parts(row, width)]
    return head, body, foot, first == 0 and last == len(placed) and len(body) == last - first


#: Characters per em that no text is narrower than (a monospaced font's): a piece's width is
#: taken as at most this, so the gap after it is never overstated.
_WIDEST_EM = 0.6


def _column_parts(row: _Row, width: float) -> list[_Row]:
    """The row cut where a piece starts more than :data:`_MARGIN_GAP` of the page's width right
    of where the piece before it ends (its width taken generously, :data:`_WIDEST_EM` of an em a
    character): the last line of one column and the first of the next, drawn one after the
    other at one height, as a browser draws a list in columns when a column holds a line or
    two (pypdf hands them out as one line, and an entry ending in the left column took in the
    next one beside it). Words of one line, a table's cells and a superscript stand closer."""
    parts = [_Row()]
    end: float | None = None
    for piece in row.pieces:
        if not piece.text.strip():
            parts[-1].pieces.append(piece)
            continue
        em = piece.size if piece.size > 0 else 10.0
        if end is not None and piece.x - end > width * _MARGIN_GAP and parts[-1].text.strip():
            parts.append(_Row())
        parts[-1].pieces.append(piece)
        end = piece.x + _WIDEST_EM * em * len(piece.text.rstrip())
    for part in parts[:-1]:
        while part.pieces and not part.pieces[-1].text.strip():
            part.pieces.pop()  # the space pypdf put between the two
        if part.pieces:
            part.pieces[-1] = replace(part.pieces[-1], text=part.pieces[-1].text.rstrip())
    for part in parts[1:]:
        first = part.pieces[0]
        part.pieces[0] = replace(first, text=first.text.lstrip())
    return parts


def _margin_runs(ys: list[float | None]) -> tuple[int, int]:
    """Where the body starts and ends among the rows (in drawing order): after the rows
    drawn first that all lie above or below every row drawn after them, up to the last of
    them that lies below (a foot drawn before the body); before the rows drawn last that all
    lie above or below every row drawn before them, from the first of them that lies above
    (a head drawn after the body). ``(0, len(ys))`` when neither is there."""
    n = len(ys)
    low: list[float] = [float("inf")] * (n + 1)  # lowest and highest y of rows[k:]
    high: list[float] = [float("-inf")] * (n + 1)
    for k in range(n - 1, -1, -1):
        y = ys[k]
        low[k], high[k] = (low[k + 1], high[k + 1]) if y is None else (min(low[k + 1], y), max(high[k + 1], y))
    first = 0
    for k in range(1, n):
        if low[k] > high[k]:
            break  # no row with text after k
        if ys[k - 1] is not None and all(y is None or y > high[k] + _ROW_EPS or y < low[k] - _ROW_EPS for y in ys[:k]):
            y = ys[k - 1]
            if y is not None and y < low[k] - _ROW_EPS:
                first = k
    last = n
    lo, hi = float("inf"), float("-inf")
    before: list[tuple[float, float]] = []
    for y in ys:
        before.append((lo, hi))
        if y is not None:
            lo, hi = min(lo, y), max(hi, y)
    for k in range(n - 1, first, -1):
        lo, hi = before[k]
        if lo > hi:
            break
        if ys[k] is not None and all(y is None or y > hi + _ROW_EPS or y < lo - _ROW_EPS for y in ys[k:]):
            y = ys[k]
            if y is not None and y > hi + _ROW_EPS:
                last = k
    return first, last


#: Columns start at least this share of the page's width apart.
_COLUMN_GAP = 0.25
#: The most spaces a row is set in by.
_MOST_INDENT = 16


def _starts(rows: list[_Row]) -> list[tuple[float, float] | None]:
    """Where each row's text starts, and its size."""
    starts: list[tuple[float, float] | None] = []
    for row in rows:
        first = next((piece for piece in row.pieces if piece.text.strip()), None)
        starts.append(None if first is None else (first.x, first.size))
    return starts


def _column_edges(starts: list[tuple[float, float] | None], width: float, *, fallback: bool = False, known: Sequence[float] = ()) -> list[float]:
    """The left edges of a page's columns, from where its rows start (:func:`_starts`): the
    leftmost place where two rows or more start (or one, at an edge ``known`` from other
    pages), among those a column's width apart from the others (with ``fallback``, where no
    two rows start at one place, as on a page holding the last lines of a list, the leftmost
    start)."""
    xs = sorted(start[0] for start in starts if start is not None)
    shared = sorted({x for n, x in enumerate(xs) if n and x - xs[n - 1] <= _ROW_EPS}
                    | {x for x in xs if any(abs(x - e) <= _ROW_EPS for e in known)}) or (xs if fallback else [])
    edges: list[float] = []
    for x in shared:
        if not edges or x - edges[-1] > width * _COLUMN_GAP:
            edges.append(x)
    return edges


def _indents(rows: list[_Row], width: float, known_edges: list[float]) -> list[int]:
    """How many spaces each row stands right of the left edge of its column, half an em a
    space: none under half an em or over six (a centred line, a page number). The edges are
    the page's own (:func:`_column_edges`, where a row starting at an edge other pages show
    counts as two) and, a column's width from all of them, those other pages show: a column
    that holds one entry's first line and lines set in under it had its edge taken where
    those lines start, and they lost their indent. (A column holding only lines set in, the
    end of an entry at the top of a column, still reads them as flush.)"""
    starts = _starts(rows)
    edges = _column_edges(starts, width, fallback=True, known=known_edges)
    edges = sorted(edges + [e for e in set(known_edges) if all(abs(e - own) > width * _COLUMN_GAP for own in edges)])
    out = []
    for start in starts:
        if start is None:
            out.append(0)
            continue
        x, size = start
        em = size if size > 0 else 10.0
        shift = x - max((e for e in edges if e <= x + _ROW_EPS), default=x)
        out.append(min(_MOST_INDENT, round(shift / (0.5 * em))) if 0.5 * em <= shift <= 6 * em else 0)
    return out


def _margin_lines(rows: list[_Row], width: float) -> list[tuple[str, float]]:
    """The lines of the margin rows, in drawing order, each with its height on the page: a
    row drawn right after another, starting right of it and within two ems of its height,
    goes on the same line (a label and the number drawn after it, ``Page`` ``3``), as does
    one starting under the line, between its start and its end (a margin box's text wrapped); a line
    is cut where a piece starts left of the one before it or far right of where that one
    ends (its width taken as half an em a character): a head at the left and one at the
    right are two lines."""
    lines: list[tuple[str, float]] = []
    current = ""
    start: float | None = None
    left = end = height = 0.0
    for row in rows:
        opening = True  # the row's first piece with text
        for piece in row.pieces:
            if not piece.text.strip():
                current += piece.text
                continue
            em = piece.size if piece.size > 0 else 10.0
            near = start is not None and piece.x - end <= width * _MARGIN_GAP
            if opening:
                same = (start is not None and abs(piece.y - height) < 2 * em
                        and (near and piece.x > start + _ROW_EPS or left - _ROW_EPS <= piece.x <= end))
            else:
                same = near and start is not None and piece.x >= start - _ROW_EPS
            if not same:
                if current.strip():
                    lines.append((current.strip(), height))
                current, height, left = "", piece.y, piece.x
            elif opening:
                current += " "
            current += piece.text
            start, end = piece.x, piece.x + 0.5 * em * len(piece.text)
            height = piece.y if opening else height
            opening = False
    if current.strip():
        lines.append((current.strip(), height))
    return lines


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
