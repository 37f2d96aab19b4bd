"""Tables on stdout: plain aligned text, laid out to the terminal's width when shown on one.

Piped or redirected output, and any table that fits the terminal, is one line a row and
no cell cut, so ``vexascite list | grep`` sees every key and title whole. A table wider
than the terminal is fitted to it here, without importing rich (which costs more than a
listing takes to run): the widest columns give way first, words kept whole while they can
be, and a cell too wide for its column continues on the next lines, never cut off with an
ellipsis as rich's default is. The header is bold on a terminal (not with ``NO_COLOR``). Columns sit in rich's geometry (a space before each, two between); widths are
terminal columns (wide East Asian characters two, combining marks none). Cell text is
inert either way: control characters become spaces and nothing is read as markup.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import textwrap
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

import click

from ..richtext import RICH_FIELDS, plain_text
from . import common

#: A cell is one line of text: every control as a space, line ends too.
_CONTROLS = common.CONTROLS


def cell_text(value: object) -> str:
    """A cell's text: ``None`` as empty, controls as spaces."""
    return "" if value is None else str(value).translate(_CONTROLS)


def title_cell(title: str | None, length: int | None = None) -> str:
    """A title as a table shows it: its rich text (``<i>UBA1</i>``, ``CO<sub>2</sub>``) as
    the words it holds, cut to ``length`` characters (never inside a tag) when one is given."""
    text = plain_text(title or "")  # (a title without markup comes back as it is, at once)
    return text[:length] if length is not None else text


def field_cell(name: str, value: object) -> str:
    """A CSL field's value as ``show`` prints it: a rich-text field (title, journal, abstract)
    as the text the user means (``&lt;title>`` is ``<title>``, ``<i>UBA1</i>`` is ``UBA1``), as
    every table shows it; a name list or a date as JSON; other text as it is."""
    if isinstance(value, str):
        return title_cell(value) if name in RICH_FIELDS else value
    return json.dumps(value, ensure_ascii=False)


def char_width(char: str) -> int:
    """Columns one character takes on a terminal: wide and full-width East Asian two,
    combining and other zero-width marks none, the rest one."""
    if char != "\u00ad" and (unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf")):
        return 0  # (a soft hyphen is shown, one column wide)
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def cell_width(text: str) -> int:
    """Columns ``text`` takes on a terminal."""
    if text.isascii():
        return len(text)
    return sum(map(char_width, text))


def _fold(word: str, width: int) -> list[str]:
    """A word wider than ``width`` cut into pieces that fit, by display width (a
    character wider than the column stands alone; marks stay with their character)."""
    pieces, piece, used = [], "", 0
    for char in word:
        size = char_width(char)
        if piece and size and used + size > width:
            pieces.append(piece)
            piece, used = "", 0
        piece += char
        used += size
    return [*pieces, piece] if piece else pieces


@functools.lru_cache(maxsize=64)
def _wrapper(width: int) -> textwrap.TextWrapper:
    """The standard library's wrapping at ``width``: at spaces only (as rich does), a word
    longer than a line cut."""
    return textwrap.TextWrapper(width, break_long_words=True, break_on_hyphens=False)


def wrap_cell(text: str, width: int) -> list[str]:
    """``text`` as lines of at most ``width`` terminal columns: broken at spaces, a word
    wider than the column cut where it must be (as rich folds it), never dropped."""
    width = max(width, 1)
    if cell_width(text) <= width:
        return [text]
    if text.isascii():  # one column a character: the standard library's wrapping
        return _wrapper(width).wrap(text) or [""]
    lines, line, used = [], "", 0
    for word in text.split():
        size = cell_width(word)
        if line and used + 1 + size <= width:
            line, used = f"{line} {word}", used + 1 + size
            continue
        if line:
            lines.append(line)
        if size <= width:
            line, used = word, size
        else:
            *whole, line = _fold(word, width)
            lines.extend(whole)
            used = cell_width(line)
    return [*lines, line] if line or not lines else lines


#: Words this short (a year, "et al.") are the last to be cut when words must be.
_SHORT = 4


def _longest_word(texts: Sequence[str]) -> int:
    return max((cell_width(word) for text in texts for word in text.split()), default=0)


def _level(natural: Sequence[int], floors: Sequence[int], budget: int) -> list[int]:
    """Column widths summing to at most ``budget``: the widest columns cut down to one
    level (none below its floor), the columns left over given to the widest cut first."""
    def at(level: int) -> list[int]:
        return [max(floor, min(width, level)) for width, floor in zip(natural, floors, strict=True)]

    low, high = 0, max(natural, default=0)
    while low < high:  # the highest level that fits
        middle = (low + high + 1) // 2
        if sum(at(middle)) <= budget:
            low = middle
        else:
            high = middle - 1
    widths = at(low)
    spare = budget - sum(widths)
    for i in sorted(range(len(widths)), key=lambda i: -natural[i]):
        if spare <= 0:
            break
        if widths[i] < natural[i]:
            widths[i] += 1
            spare -= 1
    return widths


def fit_widths(columns: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> list[int]:
    """Each column's width for a table on a terminal ``width`` columns wide.

    A table that fits keeps its natural widths. Otherwise the widest columns give way
    first, each kept at least as wide as its longest word, so narrow columns (a key, a
    year) and whole words stay whole; only when even the longest words do not fit are
    words cut, again in the widest columns first, short ones (a year) last.
    """
    table = [list(columns), *(list(row) for row in rows)]
    natural = [max(cell_width(row[i]) for row in table) for i in range(len(columns))]
    budget = width - 2 * len(columns)  # a space either side of each column (the last one's right is left blank)
    if sum(natural) <= budget:
        return natural
    words = [min(size, _longest_word([row[i] for row in table])) for i, size in enumerate(natural)]
    for floors in (words, [min(size, _SHORT) for size in words]):
        if sum(floors) <= budget:
            return _level(natural, floors, budget)
    return _level(natural, [min(size, 1) for size in natural], max(budget, len(columns)))


def aligned_lines(columns: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[int] | None = None) -> list[str]:
    """The header and rows as aligned lines without trailing spaces: one line a row, or,
    given narrower ``widths``, each cell wrapped to its column over as many lines as it
    takes. The header's lines come first; ``header_lines`` says how many there are."""
    table = [list(columns), *(list(row) for row in rows)]
    if widths is None:  # one line a row
        natural = [max(cell_width(row[i]) for row in table) for i in range(len(columns))]
        return [
            (" " + "  ".join(cell + " " * (width - cell_width(cell)) for cell, width in zip(row, natural, strict=True))).rstrip()
            for row in table
        ]
    lines = []
    for row in table:
        cells = [wrap_cell(cell, width) for cell, width in zip(row, widths, strict=True)]
        for depth in range(max(len(cell) for cell in cells)):
            padded = [
                (text := cell[depth] if depth < len(cell) else "") + " " * (width - cell_width(text))
                for cell, width in zip(cells, widths, strict=True)
            ]
            lines.append((" " + "  ".join(padded)).rstrip())
    return lines


def header_lines(columns: Sequence[str], widths: Sequence[int]) -> int:
    """How many lines the header takes at ``widths``."""
    return max(len(wrap_cell(name, width)) for name, width in zip(columns, widths, strict=True))


def _terminal() -> tuple[bool, int]:
    """Whether stdout is a terminal, and its width, as rich decides both (``TTY_COMPATIBLE``,
    ``FORCE_COLOR``, ``COLUMNS``, a dumb terminal's 80) but without importing rich; a
    console already in use is asked itself."""
    if common.stdout is not None:
        return common.stdout.is_terminal, common.stdout.width
    environ = os.environ
    compatible = environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        terminal = compatible == "1"
    elif "FORCE_COLOR" in environ:
        terminal = environ["FORCE_COLOR"] != ""
    else:
        try:
            terminal = sys.stdout.isatty()
        except (AttributeError, ValueError):
            terminal = False
    if not terminal:
        return False, 0
    columns = environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return True, int(columns)
    if environ.get("TERM", "").lower() in ("dumb", "unknown"):
        return True, 80
    for stream in (sys.stdout, sys.stdin, sys.stderr):
        try:
            return True, os.get_terminal_size(stream.fileno()).columns or 80
        except (AttributeError, OSError, ValueError):
            continue
    return True, 80


def _bold() -> bool:
    """Whether the terminal shows a bold header (not when ``NO_COLOR`` asks for plain text)."""
    return "NO_COLOR" not in os.environ and os.environ.get("TERM", "").lower() not in ("dumb", "unknown")


def print_table(columns: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Print a table with a header row: whole lines when piped, fitted to a terminal's width."""
    cells = [[cell_text(value) for value in row] for row in rows]
    terminal, width = _terminal()
    if not terminal:
        click.echo("\n".join(aligned_lines(columns, cells)))
        return
    widths = fit_widths(columns, cells, width)
    lines = aligned_lines(columns, cells, widths)
    bold = _bold()
    if bold:
        for i in range(header_lines(columns, widths)):
            lines[i] = f"\x1b[1m{lines[i]}\x1b[0m"
    click.echo("\n".join(lines), color=bold or None)  # kept even where click sees no terminal but rich would


def table_or_json(
    rows: Sequence[Any], as_json: bool, columns: Sequence[str], cells: Callable[[Any], Sequence[object]],
    summary: str | None = None, *, as_dict: Callable[[Any], Any] | None = None,
) -> None:
    """What a listing command prints: its rows as JSON (each through ``as_dict`` when given)
    for scripts, or as a table with ``summary`` on stderr for people."""
    if as_json:
        common.emit_json([as_dict(row) for row in rows] if as_dict else list(rows))
        return
    print_table(columns, [cells(row) for row in rows])
    if summary is not None:
        common.warn(summary)
