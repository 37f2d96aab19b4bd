"""Tables on stdout: plain aligned text when they fit, rich only when they must wrap.

Rich lays a table out to the terminal's width, wrapping cells; that earns its cost (an
import and a layout slower than most commands) only for a table wider than a terminal.
Piped or redirected output, and any table that fits, is written as plain aligned text in
rich's own geometry (a space before each column, two between), one line per row and no
cell cut, so ``vexascite list | grep`` sees every key and title whole. Cell text is
inert either way: control characters become spaces and nothing is read as markup.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

import click

from . import common

#: C0 and C1 control characters (tabs, line ends, escapes) as spaces: a cell is one line
#: of text and never drives the terminal.
_CONTROLS = dict.fromkeys([*range(0x20), 0x7F, *range(0x80, 0xA0)], " ")


def cell_text(value: object) -> str:
    """A cell's text: ``None`` as empty, controls as spaces."""
    return "" if value is None else str(value).translate(_CONTROLS)


def cell_width(text: str) -> int:
    """Columns ``text`` takes on a terminal: wide East Asian characters two, combining marks none."""
    if text.isascii():
        return len(text)
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
        for char in text
    )


def aligned_lines(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """The header and rows as aligned lines, without trailing spaces."""
    table = [list(columns), *(list(row) for row in rows)]
    widths = [max(cell_width(row[i]) for row in table) for i in range(len(columns))]
    lines = []
    for row in table:
        padded = [cell + " " * (width - cell_width(cell)) for cell, width in zip(row, widths, strict=True)]
        lines.append((" " + "  ".join(padded)).rstrip())
    return lines


def _terminal() -> tuple[bool, int]:
    """Whether stdout is a terminal, and its width (without importing rich unless a
    console already exists or a variable asks rich to decide)."""
    if common.stdout is not None or "FORCE_COLOR" in os.environ or "TTY_COMPATIBLE" in os.environ:
        console = common.out()
        return console.is_terminal, console.width
    try:
        if not sys.stdout.isatty():
            return False, 0
    except (AttributeError, ValueError):
        return False, 0
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return True, int(columns)
    try:
        return True, os.get_terminal_size(sys.stdout.fileno()).columns
    except (OSError, ValueError):
        return True, 80


def print_table(columns: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Print a table with a header row: plain when piped or when it fits the terminal."""
    cells = [[cell_text(value) for value in row] for row in rows]
    lines = aligned_lines(columns, cells)
    terminal, width = _terminal()
    if terminal and max(cell_width(line) for line in lines) + 1 > width:
        table = common.rich_table(*columns, box=None)
        for row in cells:
            table.add_row(*(common.rich_text(cell) for cell in row))
        common.out().print(table)
        return
    if terminal and "NO_COLOR" not in os.environ and os.environ.get("TERM") not in ("dumb", "unknown"):
        lines[0] = f"\x1b[1m{lines[0]}\x1b[0m"
    click.echo("\n".join(lines))


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
