"""Tables on stdout: plain and whole when piped or when they fit, rich when they must wrap."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from vexascite.cli import common, tables
from vexascite.cli.tables import aligned_lines, cell_text, cell_width, print_table


def test_lines_are_aligned_in_rich_geometry_without_trailing_spaces() -> None:
    lines = aligned_lines(("key", "year", "title"), [("a", "2020", "One"), ("longer-key", "", "Two words")])
    assert lines == [
        " key         year  title",
        " a           2020  One",
        " longer-key        Two words",
    ]


def test_wide_and_combining_characters_take_their_terminal_columns() -> None:
    assert cell_width("漢字") == 4
    assert cell_width("e\u0301") == 1
    lines = aligned_lines(("name", "n"), [("漢字", "1"), ("abcde", "2")])
    assert [cell_width(line[: line.index(n)]) for line, n in zip(lines[1:], "12", strict=True)] == [8, 8]


def test_cells_are_inert_one_line_text() -> None:
    assert cell_text(None) == ""
    assert cell_text(2020) == "2020"
    assert cell_text("a\tb\nc\x1b[31md\x9b") == "a b c [31md "
    assert cell_text("[bold]not markup[/bold]") == "[bold]not markup[/bold]"


def test_piped_output_is_plain(capsys: pytest.CaptureFixture[str]) -> None:
    print_table(("key", "title"), [("k1", "x" * 300)])
    printed = capsys.readouterr().out
    assert printed.splitlines() == [" key  title", " k1   " + "x" * 300]


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> io.StringIO:
    """stdout as a 60-column terminal (a rich console on a buffer) and plain writes to the same buffer."""
    screen = io.StringIO()
    monkeypatch.setattr(common, "stdout", Console(file=screen, force_terminal=True, width=60, color_system=None))
    monkeypatch.setattr(tables.click, "echo", lambda text: screen.write(text + "\n"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    return screen


def test_a_table_that_fits_the_terminal_is_plain_with_a_bold_header(terminal: io.StringIO) -> None:
    print_table(("key", "title"), [("k1", "short")])
    assert terminal.getvalue().splitlines() == ["\x1b[1m key  title\x1b[0m", " k1   short"]


def test_a_table_wider_than_the_terminal_is_wrapped_by_rich(terminal: io.StringIO) -> None:
    words = " ".join(f"word{i}" for i in range(30))
    print_table(("key", "title"), [("k1", words), ("[bold]k2[/bold]", "\x1b[31mred")])
    shown = terminal.getvalue()
    assert all(len(line) <= 60 for line in shown.splitlines())
    assert "word29" in shown and "[bold]k2[/bold]" in shown  # wrapped, not cut; markup shown as text
    assert "\x1b[31m" not in shown


def test_list_piped_shows_every_key_and_title_whole(run_cli, tmp_path: Path) -> None:
    long_title = "A deliberately long title about VEXAS syndrome that runs well past eighty columns of text"
    items = [
        {"id": "averyveryverylongcitationkey2020", "type": "article-journal", "title": long_title,
         "author": [{"family": "Doe", "given": "J"}], "issued": {"date-parts": [[2020]]}, "DOI": "10.5555/tables.1"},
        {"id": "markup2021", "type": "article-journal", "title": "[bold]Styled[/bold] \x1b[2Jtitle",
         "issued": {"date-parts": [[2021]]}},
    ]
    source = tmp_path / "works.json"
    source.write_text(json.dumps(items), encoding="utf-8")
    assert run_cli("import", str(source)).exit_code == 0
    result = run_cli("list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["key", "year", "first", "author", "title", "journal", "DOI", "PMID"]
    assert len(lines) == 3
    row = next(line for line in lines if "averyveryverylongcitationkey2020" in line)
    assert long_title[:80] in row and "10.5555/tables.1" in row and "Doe" in row
    assert "[bold]Styled[/bold]  [2Jtitle" in result.stdout and "\x1b" not in result.stdout
