"""Text set in two columns side by side, read column by column (pure).

Text extracted with its layout kept (``pdftotext -layout``, pypdf's layout mode) prints a
two-column page as lines that each hold a piece of the left column, a gutter of spaces and
a piece of the right column. Read line by line, every entry of a two-column reference list
is glued to the one beside it. This pass finds such blocks and gives their lines in the
order a reader takes them: the left column from top to bottom, then the right one.

A block is split only on clear evidence, so that normal text, code, tables and aligned
single-column lists are left as they are:

- a gutter: the same character positions, at least three wide, are blank on every line of
  the block (a line wider than the gutter's start ends the block);
- at least three lines, and at least 40% of the block's non-blank lines, carry text on both
  sides of it;
- both sides read as running text, not as a column of labels or short cells: the usual
  piece of text on either side is at least 15 characters long, the left column is at
  least 20 characters wide, and its lines mostly fill it, as wrapped text does;
- exactly one such gutter (a table has several).

Nothing is dropped or added: a line is cut at the gutter, inside blank space, so the two
pieces hold every character of it but the blank ones at the cut. Each line of the reading
records the document line it came from (:attr:`ColumnReading.origin`), so what is found
in the reading is reported at the document's own lines.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

__all__ = ["ColumnBlock", "ColumnReading", "read_columns"]

#: A gutter is at least this many blank characters wide.
GUTTER = 3
_FAR = 1 << 30
_MIN_SIDE_TEXT = 15
_MIN_LEFT_WIDTH = 20


@dataclass(frozen=True, slots=True)
class ColumnBlock:
    """Document lines ``first``..``last`` (1-based, inclusive) read as two columns, the right
    one starting at character ``cut`` of each line."""

    first: int
    last: int
    cut: int


@dataclass(slots=True)
class ColumnReading:
    """A document's lines in reading order, and where each came from."""

    lines: list[str]
    #: For each line of :attr:`lines`, the document line (1-based) it was cut from.
    origin: list[int]
    blocks: list[ColumnBlock] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def document_line(self, line: int) -> int:
        """The document line (1-based) of a line (1-based) of the reading."""
        if 1 <= line <= len(self.origin):
            return self.origin[line - 1]
        return line


_BLANK = re.compile(r"\s+")
_ODD_BLANK = re.compile(r"[^\S \n]")  # a tab or any blank but a space (a quick test before the slower one)
_INNER_GAP = re.compile(rf"(?<=\S)[^\S\n]{{{GUTTER},}}(?=\S)")


def _blank_runs(line: str) -> list[tuple[int, int]]:
    """Runs of blank characters of a line as [start, end) intervals, the end of the line
    blank to infinity."""
    runs = [match.span() for match in _BLANK.finditer(line)]
    if runs and runs[-1][1] == len(line):
        runs[-1] = (runs[-1][0], _FAR)
    else:
        runs.append((len(line), _FAR))
    return runs


def _intersect(free: list[tuple[int, int]], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts, at least :data:`GUTTER` wide, of ``free`` blank in ``runs`` too (both sorted)."""
    out: list[tuple[int, int]] = []
    i = j = 0
    while i < len(free) and j < len(runs):
        start = max(free[i][0], runs[j][0])
        end = min(free[i][1], runs[j][1])
        if end - start >= GUTTER:
            out.append((start, end))
        if free[i][1] < runs[j][1]:
            i += 1
        else:
            j += 1
    return out


def _gaps(line: str) -> list[tuple[int, int]]:
    """Inner blank runs of at least :data:`GUTTER` characters with text on both sides."""
    return [match.span() for match in _INNER_GAP.finditer(line)]


def _median(values: list[int]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _block_at(lines: list[str], seed: int) -> tuple[int, tuple[int, int] | None]:
    """Grow a block from ``seed`` (a line with an inner gap) down while a gutter stays blank.

    Returns the end (exclusive) of the lines looked at and the block's gutter when the
    evidence is clear, else None."""
    free = _gaps(lines[seed])
    end = seed + 1
    while end < len(lines) and free:
        if lines[end].strip():
            narrowed = _intersect(free, _blank_runs(lines[end]))
            if not narrowed:
                break
            free = narrowed
        end += 1
    bounded = [gap for gap in free if gap[1] < _FAR]
    filled_rows = sum(1 for i in range(seed, end) if lines[i].strip())
    # A few lines with a word inside the gutter (a page number set in the middle of the
    # page, a left line running over) split it in two: read them as one gutter.
    merged: list[tuple[int, int]] = []
    for start, stop in bounded:
        if merged:
            crossing = sum(1 for i in range(seed, end) if lines[i][merged[-1][1] : start].strip())
            if crossing <= max(1, filled_rows // 20):
                merged[-1] = (merged[-1][0], stop)
                continue
        merged.append((start, stop))
    gutters = []
    for start, stop in merged:
        both = [i for i in range(seed, end) if lines[i][:start].strip() and lines[i][stop:].strip()]
        gutters.append((start, stop, both))
    # the side lines: text on both sides of one gutter; a table has several
    clear = [g for g in gutters if len(g[2]) >= GUTTER]
    if len(clear) != 1:
        return end, None
    start, stop, both = clear[0]
    last_right = max(i for i in range(seed, end) if lines[i][stop:].strip())
    # The left column goes on under the right one's end, up to a blank line; what follows is
    # the page's text again.
    block_end = last_right + 1
    while block_end < end and lines[block_end].strip():
        block_end += 1
    filled = sum(1 for i in range(seed, block_end) if lines[i].strip())
    if len(both) * 5 < filled * 2:
        return end, None
    lefts = [len(lines[i][:start].strip()) for i in both]
    rights = [len(lines[i][stop:].strip()) for i in both]
    if stop < _MIN_LEFT_WIDTH or _median(lefts) < _MIN_SIDE_TEXT or _median(rights) < _MIN_SIDE_TEXT:
        return end, None
    # Wrapped text fills its column: most left pieces end near the gutter (a column of code
    # with aligned comments, or of short cells, does not).
    ends = sorted(len(lines[i][:start].rstrip()) for i in both)
    width = ends[(len(ends) * 4) // 5]
    if sum(1 for e in ends if e >= width * 0.6) * 2 < len(ends):
        return end, None
    return block_end, (start, stop)


def read_columns(text: str) -> ColumnReading:
    """The lines of ``text`` in reading order, two-column blocks read column by column."""
    lines = text.split("\n")
    # Lines with an inner gap, found in one pass over the text (most documents have none).
    seeds: set[int] = set()
    if ("   " in text or _ODD_BLANK.search(text)) and _INNER_GAP.search(text):
        starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
        seeds = {bisect_right(starts, match.start()) - 1 for match in _INNER_GAP.finditer(text)}
    if not seeds:
        return ColumnReading(lines, list(range(1, len(lines) + 1)))
    reading = ColumnReading([], [])
    index = 0
    while index < len(lines):
        if index not in seeds:
            reading.lines.append(lines[index])
            reading.origin.append(index + 1)
            index += 1
            continue
        end, gutter = _block_at(lines, index)
        if gutter is None:
            # Lines up to ``end`` were looked at from this seed: any gutter among them would
            # have reached here too, so going on from ``end`` keeps this linear.
            stop = max(end, index + 1)
            for i in range(index, stop):
                reading.lines.append(lines[i])
                reading.origin.append(i + 1)
            index = stop
            continue
        cut = gutter[1]
        rows = range(index, end)
        left = [(lines[i][:cut].rstrip(), i) for i in rows]
        right = [(lines[i][cut:].rstrip(), i) for i in rows]
        while left and not left[-1][0].strip():
            left.pop()  # the left column ended above the right one's end
        while right and not right[0][0].strip():
            right.pop(0)  # the right column starts lower
        for piece, i in left + right:
            reading.lines.append(piece)
            reading.origin.append(i + 1)
        reading.blocks.append(ColumnBlock(index + 1, end, cut))
        index = end
    return reading
