"""The export registry: a format registered from outside the package works end to end
from the command line, and leaves no trace once unregistered."""

from __future__ import annotations

import pytest

from vexascite import exporters
from vexascite.errors import UsageError

from . import tsvformat
from .helpers import DATA


@pytest.fixture
def tsv_registered():
    exporters.register(tsvformat.FORMAT)
    yield tsvformat.NAME
    exporters.unregister(tsvformat.NAME)


def test_builtin_formats_and_aliases() -> None:
    assert exporters.export_formats()[:4] == ["bibtex", "biblatex", "csl-json", "ris"]
    assert exporters.export_format("BIB").name == "bibtex"
    assert exporters.export_format("json").name == "csl-json"
    assert exporters.export_format("bibtex").needs_bibtex
    assert not exporters.export_format("ris").needs_bibtex


def test_unknown_format_is_a_usage_error_naming_the_choices(run_cli) -> None:
    result = run_cli("export", "--format", tsvformat.NAME)
    assert result.exit_code == 2
    assert "bibtex" in result.stderr and tsvformat.NAME in result.stderr


def test_registered_format_exports_end_to_end(tsv_registered, run_cli, tmp_path) -> None:
    assert run_cli("import", str(DATA / "roundtrip.bib")).exit_code == 0
    assert tsv_registered in run_cli("export", "--help").stdout
    result = run_cli("export", "--format", tsv_registered)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "key\tyear\ttitle" and len(lines) == 9
    assert any(line.startswith("beck2020somatic\t2020\t") for line in lines)
    assert f"exported 8 works as {tsv_registered}" in result.stderr
    # kept-up-to-date exports use the same registry
    target = tmp_path / "works.tsv"
    result = run_cli("export", "--format", tsv_registered, "-o", str(target), "--keep-updated")
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").splitlines() == lines


def test_unregistered_format_is_gone(tsv_registered) -> None:
    exporters.unregister(tsv_registered)
    assert tsv_registered not in exporters.export_formats()
    with pytest.raises(UsageError, match="unknown export format"):
        exporters.export_format(tsv_registered)
