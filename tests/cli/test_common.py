"""What the command line prints for people is inert: escape sequences and other control
characters from a file, a manuscript or a note are shown as spaces, never obeyed."""

from __future__ import annotations

from pathlib import Path

ESC = "\x1b"


def test_inert_keeps_line_ends_and_blanks_every_other_control() -> None:
    from vexascite.cli.common import inert

    assert inert("a\x1b[31mb\x07c\tdone\nnext\x9b\u202e") == "a [31mb c done\nnext  "


def test_show_note_find_and_warnings_never_print_a_control(run_cli, tmp_path: Path) -> None:
    bib = tmp_path / "esc.bib"
    bib.write_text(
        "@article{esc2020, author = {Esc, A.}, title = {Red \x1b[31mUBA1\x1b]0;pwned\x07 title},"
        " journal = {J Imag Res}, year = {2020}}\n"
        "@article{bad\x1b[2Jkey, title = {Unclosed {brace, year = 2021}\n",
        encoding="utf-8",
    )
    run_cli("import", str(bib))
    manuscript = tmp_path / "ms.md"
    manuscript.write_text(
        "# Intro\n\nUBA1 is mutated \x1b[31m in VEXAS [1].\n\n## References\n\n"
        "1. Esc A. Red UBA1 title. J Imag Res. 2020;1:1-2.\n",
        encoding="utf-8",
    )
    run_cli("link", str(manuscript))
    run_cli("note", "esc2020", "a note \x1b[31mred")
    for args in (("show", "esc2020"), ("note", "esc2020"), ("find", "UBA1")):
        result = run_cli(*args)
        assert result.exit_code == 0, args
        assert "pwned" in result.output or args[0] != "show"
        assert ESC not in result.output and "\x07" not in result.output, args
    unknown = run_cli("show", "no\x1b[2Jsuch")  # a message quoting what was typed or read
    assert unknown.exit_code == 1 and ESC not in unknown.stderr


def test_read_lines_decodes_as_parse_does_and_says_what_it_did(tmp_path: Path, capsys) -> None:
    """A statements file saved as Latin-1 was refused (exit 5) with a byte offset, not a line."""
    from vexascite.cli.common import read_lines

    source = tmp_path / "statements.txt"
    source.write_bytes("UBA1 in VEXAS\r\nCaf\u00e9 au lait spots\n\nlast".encode("cp1252"))
    assert read_lines(str(source)) == ["UBA1 in VEXAS", "Caf\u00e9 au lait spots", "", "last"]
    assert "statements.txt:2: not UTF-8; read as Latin-1/Windows-1252" in capsys.readouterr().err
    (tmp_path / "empty.txt").write_bytes(b"")
    assert read_lines(str(tmp_path / "empty.txt")) == []


REFERENCE = "Roe A, Doe B. Thrombosis in a test cohort. J Test Med. 2020;12(3):45-67. doi:10.5555/tty.2020\n"


def test_parse_on_a_terminal_says_it_reads_stdin_and_nothing_when_piped(run_cli) -> None:
    import os
    import subprocess
    import sys

    master, slave = os.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "vexascite", "parse", "--lines"], stdin=slave, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, start_new_session=True,
    )
    os.close(slave)
    os.write(master, REFERENCE.encode() + b"\x04")  # a line, then Ctrl-D at the start of the next
    out, err = proc.communicate(timeout=60)
    os.close(master)
    assert proc.returncode == 0, err
    assert err.decode().splitlines()[0] == "reading references from standard input; end with Ctrl-D"
    assert b"10.5555/tty.2020" in out
    piped = run_cli("parse", "--lines", input=REFERENCE)
    assert piped.exit_code == 0 and "standard input" not in piped.stderr and "10.5555/tty.2020" in piped.stdout


def test_a_number_past_what_the_library_stores_is_a_usage_error(run_cli, tmp_path: Path) -> None:
    """``--limit`` or ``--accept`` of 20 digits reached SQLite and failed there (a traceback)."""
    bib = tmp_path / "one.bib"
    bib.write_text("@article{one2020, author = {One, A.}, title = {Thrombosis in one cohort}, year = {2020}}\n",
                   encoding="utf-8")
    run_cli("import", str(bib))
    huge = "99999999999999999999"
    for args in (("list", "--limit", huge), ("find", "thrombosis", "--limit", huge), ("suggest", "thrombosis", "--limit", huge),
                 ("find", "thrombosis", "--limit", str(2**63 - 1)), ("review", "--accept", huge), ("review", "--reject", huge),
                 ("note", "--remove", huge)):
        result = run_cli(*args)
        assert result.exit_code == 2 and "Invalid value" in result.output, (args, result.output)
        assert "not in the range ." not in result.output, (args, result.output)  # a range with nothing named
    assert run_cli("find", "thrombosis", "--limit", "1000000000").exit_code == 0
    assert run_cli("list", "--limit", "1000000000").exit_code == 0


def test_json_escapes_c1_controls_and_direction_overrides_and_reads_back_the_same() -> None:
    """``show --json`` printed U+009B (an escape sequence's start in some terminals) and
    U+202E as they were: JSON escapes them now, and reads back the same text."""
    import json

    from vexascite.cli.common import json_text

    value = {"title": "a\x9b31mb \u202egnp.exe\u2066 \\\u202e line\u2028end \x85 \x7f caf\u00e9"}
    text = json_text(value, indent=2)
    assert not any(chr(c) in text for c in (0x9B, 0x202E, 0x2066, 0x2028, 0x85, 0x7F))
    assert "caf\u00e9" in text and json.loads(text) == value


def test_ctrl_c_is_exit_130_with_what_was_kept_not_a_bare_aborted(run_cli, tmp_path: Path, monkeypatch) -> None:
    import click
    from click.testing import CliRunner

    from vexascite import api
    from vexascite.cli.common import handle_errors

    @click.command()
    @handle_errors
    def waits() -> None:
        raise KeyboardInterrupt

    plain = CliRunner().invoke(waits, [])
    assert plain.exit_code == 130
    assert "interrupted: each file, work or change finished before it is saved" in plain.stderr and "Aborted" not in plain.output

    first, second = tmp_path / "a.bib", tmp_path / "b.bib"
    first.write_text("@article{one2020, title = {One}, author = {One, A.}, year = {2020}}\n", encoding="utf-8")
    second.write_text("@article{two2021, title = {Two}, author = {Two, B.}, year = {2021}}\n", encoding="utf-8")
    real = api.importing.prepared_parts

    def ctrl_c_on_two(fmt, text, key_pattern=None):
        if "two2021" in text:
            raise KeyboardInterrupt
        return real(fmt, text, key_pattern)

    monkeypatch.setattr(api.importing, "prepared_parts", ctrl_c_on_two)
    result = run_cli("import", str(first), str(second))
    assert result.exit_code == 130
    assert f"interrupted while importing {second}: nothing of it was written; the file before it was imported ({first})" in result.stderr
    monkeypatch.undo()
    assert "one2020" in run_cli("list").output and "two2021" not in run_cli("list").output
