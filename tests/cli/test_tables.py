"""Tables on stdout: plain and whole when piped or when they fit, fitted to a terminal's
width (without rich) when they are wider."""

from __future__ import annotations

import fcntl
import io
import json
import os
import re
import struct
import subprocess
import sys
import termios
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console

from vexascite.cli import common, tables
from vexascite.cli.tables import (
    aligned_lines,
    cell_text,
    cell_width,
    fit_widths,
    print_table,
    wrap_cell,
)

BOLD = re.compile(r"\x1b\[[01]m")


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
    assert cell_width("a\u200bb") == 2 and cell_width("co\u00adop") == 5  # a zero-width space; a soft hyphen shows
    lines = aligned_lines(("name", "n"), [("漢字", "1"), ("abcde", "2")])
    assert [cell_width(line[: line.index(n)]) for line, n in zip(lines[1:], "12", strict=True)] == [8, 8]


def test_cells_are_inert_one_line_text() -> None:
    assert cell_text(None) == ""
    assert cell_text(2020) == "2020"
    assert cell_text("a\tb\nc\x1b[31md\x9b") == "a b c [31md "
    assert cell_text("[bold]not markup[/bold]") == "[bold]not markup[/bold]"
    assert cell_text("a\u2028b\u202ec\u2066d") == "a b c d"  # line separators, bidirectional overrides


def test_piped_output_is_plain(capsys: pytest.CaptureFixture[str]) -> None:
    print_table(("key", "title"), [("k1", "x" * 300)])
    printed = capsys.readouterr().out
    assert printed.splitlines() == [" key  title", " k1   " + "x" * 300]


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Callable[[int], list[str]]:
    """stdout as a terminal of a given width (as ``TTY_COMPATIBLE`` and ``COLUMNS`` say, no
    console in use); returns what a print showed there, line by line."""
    monkeypatch.setattr(common, "stdout", None)
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")

    def shown(width: int) -> list[str]:
        monkeypatch.setenv("COLUMNS", str(width))
        return capsys.readouterr().out.splitlines()

    return shown


def column(lines: list[str], name: str, after: str | None = None) -> list[str]:
    """The pieces of one column, line by line (ASCII tables): from where its header starts
    to where the next column's header starts."""
    header = BOLD.sub("", lines[0])
    start = header.index(f" {name}") + 1
    end = header.index(f" {after}") + 1 if after else None
    return [BOLD.sub("", line)[start:end].strip() for line in lines]


TITLE = (
    "Somatic mutations in UBA1 and severe adult-onset autoinflammatory disease: a cohort of "
    "patients with relapsing polychondritis, Sweet syndrome and macrocytic anaemia"
)


def _print_at(width: int, shown: Callable[[int], list[str]], columns: tuple[str, ...], rows: list[tuple[object, ...]]) -> list[str]:
    shown(width)  # sets COLUMNS (nothing printed yet)
    print_table(columns, rows)
    return shown(width)


@pytest.mark.parametrize("width", [80, 40])
def test_a_table_wider_than_the_terminal_is_wrapped_to_its_width(terminal, width: int) -> None:
    rows = [("beck2020", "2020", TITLE, "N Engl J Med"), ("doe2021", "2021", "Short", "Blood")]
    lines = _print_at(width, terminal, ("key", "year", "title", "journal"), rows)
    plain = [BOLD.sub("", line) for line in lines]
    assert max(cell_width(line) for line in plain) <= width - 1  # the last column's right edge left blank
    assert lines[0] == "\x1b[1m key       year  title" + plain[0][len(" key       year  title"):] + "\x1b[0m"
    assert plain[1].startswith(" beck2020  2020  Somatic")  # the key and year whole, on the row's first line
    titles = column(lines, "title", "journal")
    doe = next(i for i, line in enumerate(plain) if "doe2021" in line)
    assert "".join(titles[1:doe]).replace(" ", "") == TITLE.replace(" ", "")  # nothing lost, in order
    if width == 80:  # room for the longest words: every word whole
        assert " ".join(piece for piece in titles[1:doe] if piece) == TITLE
    assert len(titles[1:doe]) > 1
    assert [p for p in column(lines, "journal")[1:doe] if p] in (["N Engl J Med"], ["N Engl J", "Med"])


def test_at_40_columns_the_widest_column_gives_way_and_words_stay_whole(terminal) -> None:
    lines = _print_at(40, terminal, ("key", "year", "title"), [("beck2020", "2020", TITLE)])
    assert set(column(lines, "title")[1:]) <= set(wrap_cell(TITLE, 22))
    assert all(len(piece) <= 22 for piece in column(lines, "title"))
    assert {word for piece in column(lines, "title")[1:] for word in piece.split()} == set(TITLE.split())


def test_a_table_that_fits_the_terminal_is_plain_with_a_bold_header(terminal) -> None:
    lines = _print_at(60, terminal, ("key", "title"), [("k1", "short")])
    assert lines == ["\x1b[1m key  title\x1b[0m", " k1   short"]


def test_no_bold_header_when_no_color_is_asked(terminal, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    lines = _print_at(30, terminal, ("key", "title"), [("k1", TITLE)])
    assert lines[0] == " key  title" and "\x1b" not in "".join(lines)


def test_markup_and_control_characters_stay_inert_when_wrapped(terminal) -> None:
    title = "[bold]Styled[/bold] \x1b[2Jcleared \x9b31m and [link=https://example.org]a link[/link] \u202ereversed " + TITLE
    lines = _print_at(40, terminal, ("key", "title"), [("[red]k2[/red]", title)])
    body = "\n".join(lines[1:])
    assert "\x1b" not in body and "\x9b" not in body and "\u202e" not in body
    assert "[red]k2[/red]" in body and "[bold]Styled[/bold]" in body and "[2Jcleared" in body
    assert "[link=https://example.org]a" in "".join(column(lines, "title"))  # folded, as text
    assert max(cell_width(BOLD.sub("", line)) for line in lines) <= 39


def test_wide_characters_are_wrapped_and_aligned_by_display_width(terminal) -> None:
    wide = "骨髄異形成症候群を伴う自己炎症性疾患の臨床像" * 3  # 66 characters, 132 columns
    lines = _print_at(30, terminal, ("title", "n"), [(wide, "1"), ("e\u0301te\u0301 " * 8, "2")])
    plain = [BOLD.sub("", line) for line in lines]
    assert max(cell_width(line) for line in plain) <= 29
    where = {line[-1]: cell_width(line[:-1]) for line in plain if line.endswith(("n", "1", "2"))}
    assert where["1"] == where["2"] == where["n"]  # the next column starts at one display column
    pieces = [line[1:].rstrip(" 12n") for line in plain[1:] if "\u0301" not in line]
    assert "".join(pieces) == wide  # folded by width, nothing lost
    assert all(cell_width(piece) <= where["n"] - 3 for piece in pieces)


def test_one_very_long_word_is_folded_not_cut(terminal) -> None:
    word = "x" * 300
    lines = _print_at(80, terminal, ("key", "year", "title"), [("k1", "2020", word)])
    assert max(len(BOLD.sub("", line)) for line in lines) <= 79
    assert lines[1].startswith(" k1   2020  x")
    assert "".join(column(lines, "title")[1:]) == word


def test_wrap_cell_breaks_at_spaces_and_folds_what_does_not_fit() -> None:
    assert wrap_cell("one two three", 7) == ["one two", "three"]
    assert wrap_cell("abcdefghij", 4) == ["abcd", "efgh", "ij"]
    assert wrap_cell("", 3) == [""]
    assert wrap_cell("漢字漢字 漢", 4) == ["漢字", "漢字", "漢"]
    assert wrap_cell("漢", 1) == ["漢"]  # a character wider than its column stands alone
    assert wrap_cell("e\u0301e\u0301e\u0301 x", 2) == ["e\u0301e\u0301", "e\u0301", "x"]


def test_fit_widths_keeps_natural_widths_when_the_table_fits_and_levels_the_widest() -> None:
    assert fit_widths(("a", "b"), [("xx", "yyy")], 20) == [2, 3]
    widths = fit_widths(("key", "year", "title", "journal"), [("beck2020", "2020", TITLE, "N Engl J Med")], 50)
    assert widths[:2] == [8, 4] and sum(widths) == 50 - 8 and widths[2] >= widths[3]
    tight = fit_widths(("key", "year", "title"), [("averyveryverylongcitationkey2020", "2020", TITLE)], 30)
    assert sum(tight) <= 24 and tight[1] == 4  # words cut only now, the short year last


def test_a_console_in_use_gives_the_width(monkeypatch: pytest.MonkeyPatch) -> None:
    screen = io.StringIO()
    monkeypatch.setattr(common, "stdout", Console(file=screen, force_terminal=True, width=40, color_system=None))
    monkeypatch.setattr(tables.click, "echo", lambda text, **_: screen.write(text + "\n"))
    monkeypatch.setenv("TERM", "xterm")
    print_table(("key", "title"), [("k1", TITLE)])
    assert max(cell_width(BOLD.sub("", line)) for line in screen.getvalue().splitlines()) <= 39


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


def test_list_on_an_80_column_terminal_fits_it_without_rich(run_cli, tmp_path: Path) -> None:
    items = [
        {"id": "averyveryverylongcitationkey2020", "type": "article-journal", "title": TITLE,
         "container-title": "Journal of Clinical Immunology", "issued": {"date-parts": [[2020]]},
         "author": [{"family": "Doe", "given": "J"}], "DOI": "10.5555/tables.terminal.1"},
        {"id": "markup2021", "type": "article-journal", "title": "[bold]Styled[/bold] \x1b[2Jtitle",
         "issued": {"date-parts": [[2021]]}},
    ]
    source = tmp_path / "works.json"
    source.write_text(json.dumps(items), encoding="utf-8")
    assert run_cli("import", str(source)).exit_code == 0
    seen = tmp_path / "modules.txt"
    probe = (
        "import sys\nfrom vexascite.cli import main\ntry:\n"
        f"    main(['--db', {run_cli.db!r}, 'list'])\n"
        "finally:\n"
        f"    open({str(seen)!r}, 'w').write(' '.join(sorted(sys.modules)))\n"
    )
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "80"}
    for name in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE"):
        env.pop(name, None)
    proc = subprocess.Popen([sys.executable, "-c", probe], stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal's other end closed
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    assert proc.wait() == 0
    lines = [BOLD.sub("", line) for line in shown.decode().replace("\r\n", "\n").splitlines()]
    assert "rich" not in seen.read_text().split()
    assert shown.startswith(b"\x1b[1m key")  # a bold header
    assert max(cell_width(line) for line in lines) <= 79
    assert lines[-1] == "2 works"
    assert "averyveryverylongcitationkey2020" in "".join(column(lines, "key", "year"))  # folded, whole
    assert "10.5555/tables.terminal.1" in "".join(column(lines, "DOI", "PMID"))
    assert "[bold]Styled[/bold][2Jtitle" in "".join(column(lines, "title", "journal"))  # shown as text


def test_a_title_s_rich_text_is_shown_as_its_words(run_cli, tmp_path) -> None:
    """``list`` shows ``Somatic UBA1 ...``, not ``Somatic <i>UBA1</i> ...`` cut inside a tag;
    a tag the title spells as text (``&lt;b&gt;``) is shown as the text it is."""
    from vexascite.cli.tables import title_cell

    assert title_cell("Somatic <i>UBA1</i> and CO<sub>2</sub> &lt;b&gt;") == "Somatic UBA1 and CO2 <b>"
    assert title_cell("<i>Escherichia coli</i> in VEXAS", 12) == "Escherichia "
    assert title_cell(None, 5) == ""
    bib = tmp_path / "a.bib"
    bib.write_text("@article{roe2021, title = {Somatic \\textit{UBA1} variants}, journal = {J \\textit{Inv}}, year = {2021}}\n",
                   encoding="utf-8")
    assert run_cli("import", str(bib)).exit_code == 0
    listed = run_cli("list").stdout
    assert "Somatic UBA1 variants" in listed and "J Inv" in listed and "<i>" not in listed


def test_every_command_shows_a_title_that_spells_a_tag_as_the_user_means_it(run_cli, tmp_path) -> None:
    """``show`` printed the stored rich text (``The &lt;title> element in <i>UBA1</i>``) where
    ``list`` printed ``The <title> element in UBA1``: list, show, find and duplicates agree."""
    bib = tmp_path / "t.bib"
    bib.write_text(
        "@article{tag1, title = {The <title> element in \\textit{UBA1} studies of \\emph{inflammation}},"
        " author = {Doe, Jane}, journal = {J \\textit{Tag}}, year = {2020}, volume = {3}, pages = {1--9}}\n\n"
        "@article{tag2, title = {The <title> element in UBA1 studies of inflammation},"
        " author = {Roe, Jane}, journal = {J Tag}, year = {2020}, volume = {4}, pages = {10--19}}\n",
        encoding="utf-8",
    )
    assert run_cli("import", str(bib)).exit_code == 0
    meant = "The <title> element in UBA1 studies of inflammation"
    outputs = {
        "list": run_cli("list").stdout, "show": run_cli("show", "tag1").stdout,
        "find": run_cli("find", "title element UBA1 inflammation").stdout, "duplicates": run_cli("duplicates").stdout,
    }
    for command, shown in outputs.items():
        assert meant in " ".join(shown.split()), (command, shown)
        assert "&lt;" not in shown and "<i>" not in shown, (command, shown)
    assert "J Tag" in outputs["show"]
    assert "<i>UBA1</i>" in run_cli("show", "tag1", "--json").stdout  # the stored form, for programs
