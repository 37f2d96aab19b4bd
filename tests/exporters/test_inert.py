"""Values stay values in line-based and spreadsheet outputs."""

from __future__ import annotations

import pytest

from vexascite.exporters.markup import one_line, spreadsheet_cell


@pytest.mark.parametrize("brk", ["\n", "\r\n", "\r", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029", " \n\n  "])
def test_every_line_break_becomes_a_space(brk: str) -> None:
    text = f"Title{brk}ER  - {brk}TY  - JOUR"
    flat = one_line(text)
    assert flat.splitlines() == [flat]
    assert flat == "Title ER  - TY  - JOUR"


def test_one_line_keeps_text_without_breaks() -> None:
    assert one_line("A\ttab and  two spaces") == "A\ttab and  two spaces"


@pytest.mark.parametrize("value", ["=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)", "\t=1"])
def test_cells_that_would_be_formulas_are_text(value: str) -> None:
    assert spreadsheet_cell(value) == "'" + value


def test_ordinary_cells_are_unchanged() -> None:
    assert spreadsheet_cell("Ruxolitinib in VEXAS") == "Ruxolitinib in VEXAS"
    assert spreadsheet_cell(12) == 12
