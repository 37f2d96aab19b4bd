"""The export and format commands end to end, on the bundled bibliography and example
manuscript."""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import pytest

from .helpers import DATA
from .test_bibtex import consumer_check

ROOT = Path(__file__).resolve().parents[2]
BIB = ROOT / "bib"
MANUSCRIPT = BIB / "manuscripts" / "jak-inhibitors-in-vexas.md"


@pytest.fixture(autouse=True, scope="module")
def _leave_click_as_found():
    """click caches each command's help option from the first context it sees (here
    with ``-h``); forget it afterwards so later --help renderings start afresh."""
    yield
    from vexascite.cli import main

    for command in [main, *main.commands.values()]:
        command._help_option = None


@pytest.fixture
def library(run_cli):
    result = run_cli("import", str(DATA / "roundtrip.bib"))
    assert result.exit_code == 0, result.output
    return run_cli


def test_export_bibtex_to_stdout_and_file(library, tmp_path: Path) -> None:
    result = library("export", "--format", "bibtex")
    assert result.exit_code == 0
    parsed = bibtexparser.parse_string(result.stdout)
    assert parsed.failed_blocks == []
    assert len(parsed.entries) == 8
    target = tmp_path / "out" / "refs.bib"
    result = library("export", "--format", "biblatex", "--unicode", "-o", str(target))
    assert result.exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "Müller" in text and "@online{" in text
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]


def test_export_to_a_file_writes_the_format_its_extension_names_unless_told(library, tmp_path: Path) -> None:
    written = {}
    for name in ("refs.json", "refs.ris", "refs.bib", "refs.txt", "REFS.JSON"):
        result = library("export", "-o", str(tmp_path / name))
        assert result.exit_code == 0, result.output
        written[name] = (tmp_path / name).read_text(encoding="utf-8")
    assert len(json.loads(written["refs.json"])) == 8 and json.loads(written["REFS.JSON"]) == json.loads(written["refs.json"])
    assert written["refs.ris"].startswith("TY  - ")
    assert bibtexparser.parse_string(written["refs.bib"]).entries and written["refs.txt"] == written["refs.bib"]  # unnamed: BibTeX
    assert "as csl-json to" in library("export", "-o", str(tmp_path / "refs.json")).stderr
    told = library("export", "--format", "ris", "-o", str(tmp_path / "told.json"))  # --format wins
    assert told.exit_code == 0 and (tmp_path / "told.json").read_text(encoding="utf-8").startswith("TY  - ")


def test_export_selected_keys_in_the_order_named(library) -> None:
    keys = [item["key"] for item in json.loads(library("list", "--json").stdout)]
    assert len(keys) == 8 and keys == sorted(keys)
    chosen = [keys[5], keys[1], keys[3]]
    result = library(
        "export", "--format", "csl-json", "--keys", f"{chosen[0]},{chosen[1]}", "--keys", chosen[2]
    )
    assert result.exit_code == 0
    assert [item["id"] for item in json.loads(result.stdout)] == chosen
    everything = json.loads(library("export", "--format", "csl-json").stdout)
    assert [item["id"] for item in everything] == keys  # the whole library, by key


def test_export_unknown_key_fails_naming_it(library) -> None:
    result = library("export", "--keys", "nosuchkey2020")
    assert result.exit_code == 1
    assert "nosuchkey2020" in result.stderr


def test_export_ris(library) -> None:
    result = library("export", "--format", "ris", "--keys", "beck2020somatic")
    assert result.exit_code == 0
    assert result.stdout.startswith("TY  - JOUR\n")


def test_format_styles_and_outputs(library) -> None:
    result = library("format", "--style", "apa", "--to", "html", "--keys", "beck2020somatic")
    assert result.exit_code == 0
    assert result.stdout.startswith('<div class="csl-bib-body">')
    result = library("format", "--style", "no-such-style")
    assert result.exit_code == 2


def test_bundled_manuscript_vancouver_in_citation_order(run_cli) -> None:
    if not MANUSCRIPT.is_file():
        pytest.skip("bundled example manuscript not found")
    assert run_cli("import", str(BIB)).exit_code in (0, 3)
    assert run_cli("link", str(MANUSCRIPT)).exit_code in (0, 3)
    result = run_cli("format", "--style", "vancouver", "--cited-in", str(MANUSCRIPT))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == [f"{n}." for n in range(1, len(lines) + 1)]
    # the first works the manuscript cites, in the order it first cites them
    assert lines[0].startswith("1. Beck DB, Ferrada MA")
    assert lines[1].startswith("2. Georgin-Lavialle S")
    assert "Ruxolitinib is more effective than other JAK inhibitors" in "\n".join(lines)
    exported = run_cli("export", "--format", "bibtex", "--cited-in", str(MANUSCRIPT))
    keys = [entry.key for entry in bibtexparser.parse_string(exported.stdout).entries]
    assert keys[:2] == ["beck2020somatic", "georginlavialle2022further"]
    assert len(keys) == len(lines)
    # the whole bundled library, in both dialects, read by bibtexparser and pybtex cleanly
    for dialect in ("bibtex", "biblatex"):
        whole = run_cli("export", "--format", dialect)
        assert consumer_check(whole.stdout) == whole.stdout.count("\n@") + 1


def test_format_keeps_a_bibtex_title_s_italics_and_subscripts(run_cli, tmp_path: Path) -> None:
    bib = tmp_path / "rich.bib"
    bib.write_text(
        "@article{roe2021, title = {Somatic \\textit{UBA1} variants and CO\\textsubscript{2} \\& <b>text</b>},"
        " author = {Roe, R.}, journal = {J Inv Res}, year = {2021}}\n",
        encoding="utf-8",
    )
    assert run_cli("import", str(bib)).exit_code == 0
    html = run_cli("format", "--to", "html").stdout
    assert "Somatic <i>UBA1</i> variants and CO<sub>2</sub> &amp; &lt;b&gt;text&lt;/b&gt;" in html  # its own tag is text
    assert "<b>" not in html
    assert "Somatic *UBA1* variants and CO~2~ & \\<b\\>text\\</b\\>" in run_cli("format", "--to", "markdown").stdout
    assert "Somatic UBA1 variants and CO₂ & <b>text</b>" in run_cli("format").stdout
    assert "\\textit{{UBA1}}" in run_cli("export", "--format", "bibtex").stdout


def test_csl_json_export_imports_back_without_a_word(library, tmp_path: Path) -> None:
    exported = tmp_path / "all.json"
    assert library("export", "-o", str(exported)).exit_code == 0
    items = json.loads(exported.read_text(encoding="utf-8"))
    assert any(item.get("custom", {}).get("et-al") for item in items)  # a cut author list, marked in custom
    again = library("--db", str(tmp_path / "other.db"), "import", str(exported))
    assert again.exit_code == 0, again.stderr
    assert "warning" not in again.stderr and "custom" not in again.stderr
    cut = [item["id"] for item in items if item.get("custom", {}).get("et-al")]
    shown = json.loads(library("--db", str(tmp_path / "other.db"), "show", cut[0], "--json").stdout)
    assert shown["csl"].get("et-al") is True
