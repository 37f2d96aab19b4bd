"""From the CLI: parse output imports back whole; JSON that is not references is refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vexascite.store import Store

ROOT = Path(__file__).resolve().parents[1]
NUMBERED = ROOT / "bib" / "manuscripts" / "jak-inhibitors-in-vexas-numbered.txt"


def test_parse_output_imports_back_without_loss(tmp_path: Path, run_cli):
    parsed = run_cli("parse", str(NUMBERED))
    assert parsed.exit_code == 0
    items = [json.loads(line) for line in parsed.stdout.splitlines()]
    out = tmp_path / "refs.jsonl"
    out.write_text(parsed.stdout, encoding="utf-8")
    result = run_cli("import", str(out))
    assert result.exit_code == 0, result.output
    assert f"{len(items)} references" in result.output
    store = Store.open(Path(run_cli.db), create=False)
    try:
        rows = list(store.db.query("select raw, format, number, fields from refs order by id"))
    finally:
        store.close()
    assert [row["raw"] for row in rows] == [item["raw"] for item in items]
    assert {row["format"] for row in rows} == {"text"}  # re-readable by reparse
    assert [row["number"] for row in rows] == [int(item["citation-number"]) for item in items]
    for row, item in zip(rows, items, strict=True):
        expected = {k: v for k, v in item.items() if k not in ("raw", "citation-number")}
        assert json.loads(row["fields"]) == expected
    assert run_cli("import", str(out)).output.count("unchanged") == 1


def test_json_that_is_not_references_is_refused_naming_the_file(tmp_path: Path, run_cli):
    settings = tmp_path / "settings.json"
    settings.write_text('{"editor.fontSize": 14, "workbench": {"theme": "dark"}}', encoding="utf-8")
    good = tmp_path / "good.json"
    good.write_text('[{"type": "book", "title": "A book", "author": [{"family": "Doe"}]}]', encoding="utf-8")
    result = run_cli("import", str(settings), str(good))
    assert result.exit_code == 5
    assert f"{settings}: JSON, but not references" in result.output
    assert "1 work from 1 reference in 1 file" in result.output
    listed = run_cli("list", "--json")
    assert "anon" not in listed.stdout


@pytest.mark.parametrize("content", ['"just a string"', "null", "42", "true"])
def test_json_of_one_plain_value_is_refused_like_other_json_that_is_not_references(content: str, tmp_path: Path, run_cli):
    path = tmp_path / "value.json"
    path.write_text(content + "\n", encoding="utf-8")
    result = run_cli("import", str(path))
    assert result.exit_code == 5, result.output
    assert f"{path}: JSON, but not references: the whole file is one" in result.output


def test_parse_output_is_csl_rich_text_and_imports_back_exactly(tmp_path: Path, run_cli):
    """parse printed ``The <title> element`` while import stored ``The &lt;title> element``:
    the output now follows the library's rule for rich text, so both agree."""
    source = tmp_path / "refs.txt"
    source.write_text("Doe J. The <title> element in <i>UBA1</i> studies. J Tag. 2020;3:1-9. doi:10.5555/tag.1\n", encoding="utf-8")
    parsed = run_cli("parse", "--lines", str(source))
    assert parsed.exit_code == 0
    [item] = [json.loads(line) for line in parsed.stdout.splitlines()]
    assert item["title"] == "The &lt;title> element in <i>UBA1</i> studies"
    out = tmp_path / "refs.jsonl"
    out.write_text(parsed.stdout, encoding="utf-8")
    assert run_cli("import", str(out)).exit_code == 0
    store = Store.open(Path(run_cli.db), create=False)
    try:
        [row] = list(store.db.query("select fields from refs"))
    finally:
        store.close()
    assert json.loads(row["fields"])["title"] == item["title"]
