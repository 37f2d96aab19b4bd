"""``vexascite parse`` and ``vexascite reparse`` end to end."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from vexascite.refstring import PARSER_VERSION

LETTER = (
    "Text before.\n\nREFERENCES\n\n"
    "1. Beck DB, Ferrada MA, Sikora KA, et al. Somatic mutations in *UBA1* and severe adult-onset\n"
    "autoinflammatory disease. *N Engl J Med*. 2020; 383(27):2628-2638.\n"
    "2. Winthrop KL. The emerging safety profile of JAK inhibitors in rheumatic disease [published correction appears in *Nat Rev Rheumatol*. 2017;13(5):320]. *Nat Rev Rheumatol*. 2017;13(4):234-243.\n"
)


def test_parse_document_finds_the_list_and_keeps_raw_and_numbers(run_cli) -> None:
    result = run_cli("parse", input=LETTER)
    assert result.exit_code == 0
    items = [json.loads(line) for line in result.stdout.splitlines()]
    assert [item["citation-number"] for item in items] == ["1", "2"]
    assert items[0]["raw"].startswith("1. Beck DB") and "adult-onset autoinflammatory" in items[0]["raw"]
    assert items[0]["title"] == "Somatic mutations in UBA1 and severe adult-onset autoinflammatory disease"
    assert items[1]["title"] == "The emerging safety profile of JAK inhibitors in rheumatic disease"
    assert items[1]["note"].startswith("published correction appears in")
    assert items[1]["issue"] == "4"


def test_parse_lines_reads_a_file_and_keeps_unparseable_lines(run_cli, tmp_path: Path) -> None:
    source = tmp_path / "refs.txt"
    source.write_text("Kuter DJ. Exacerbation of ITP. Br J Haematol. 2021;195(3):365-370.\n\x00\x01\x02\n\n", encoding="utf-8")
    result = run_cli("parse", "--lines", str(source))
    assert result.exit_code == 0
    items = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(items) == 3
    assert items[0]["container-title"] == "Br J Haematol"
    assert items[1]["raw"] == "\x01\x02"  # NUL bytes removed and said, as import does
    assert items[2] == {"raw": ""}
    assert "refs.txt:2: NUL bytes removed" in result.stderr


def test_parse_decodes_text_as_import_does_and_says_so(run_cli, tmp_path: Path) -> None:
    """Bytes that are not UTF-8 were replaced by U+FFFD without a word (Café became Caf\ufffd),
    and UTF-16 was read as UTF-8 with a NUL between letters."""
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Dup\u00e9 A. Caf\u00e9 au lait. J Imag Res. 1999;1:1-2.\n".encode("cp1252"))
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("Roe R. A trial of things. J Imag Res. 2020;1:1-2.\n".encode("utf-16"))
    for source, raw in ((latin, "Dup\u00e9 A. Caf\u00e9 au lait. J Imag Res. 1999;1:1-2."), (utf16, "Roe R. A trial of things. J Imag Res. 2020;1:1-2.")):
        result = run_cli("parse", "--lines", str(source))
        assert result.exit_code == 0
        assert [json.loads(line)["raw"] for line in result.stdout.splitlines()] == [raw]
    assert "latin.txt:1: not UTF-8; read as Latin-1/Windows-1252" in run_cli("parse", str(latin)).stderr
    piped = run_cli("parse", "--lines", "-", input=latin.read_bytes())  # type: ignore[arg-type]
    assert json.loads(piped.stdout)["raw"].startswith("Dup\u00e9 A.") and "stdin:1: not UTF-8" in piped.stderr


def test_parse_output_is_one_line_per_item_whatever_line_breaks_the_text_holds(run_cli, tmp_path: Path) -> None:
    # U+2028, U+2029 and NEL are left unescaped by JSON but split by str.splitlines
    source = tmp_path / "refs.txt"
    raws = ["Halden GM. A study\u2028of things. Blood. 2019;12:3-4.", "Varga P. Play\x85at home. Child Dev. 2002;73:1-9.", "Okafor J.\u2029Lancet. 2020;5:6-7."]
    source.write_text("\n".join(raws) + "\n", encoding="utf-8")
    result = run_cli("parse", "--lines", str(source))
    assert result.exit_code == 0
    assert [json.loads(line)["raw"] for line in result.stdout.splitlines()] == raws


def test_reparse_rereads_references_from_older_parser_versions(run_cli, tmp_path: Path) -> None:
    document = tmp_path / "letter.md"
    document.write_text(LETTER, encoding="utf-8")
    assert run_cli("import", str(document)).exit_code == 0
    db = sqlite3.connect(run_cli.db)
    db.execute("update refs set fields = '{\"title\": \"stale\"}', extra = '{\"parser_version\": \"0.1\"}' where number = 1")
    db.commit()
    db.close()
    result = run_cli("reparse", "--json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report == {"parser_version": PARSER_VERSION, "checked": 1, "changed": 1, "new_works": 0, "failed": 0}
    db = sqlite3.connect(run_cli.db)
    fields, extra, raw = db.execute("select fields, extra, raw from refs where number = 1").fetchone()
    assert json.loads(fields)["title"].startswith("Somatic mutations")
    assert json.loads(extra)["parser_version"] == PARSER_VERSION
    assert raw.startswith("1. Beck DB")
    again = json.loads(run_cli("reparse", "--json").stdout)
    assert again["checked"] == 0
    everything = json.loads(run_cli("reparse", "--all", "--json").stdout)
    assert everything["checked"] == 2 and everything["changed"] == 0


def test_parse_says_which_lists_it_found(run_cli) -> None:
    text = LETTER.replace("2. Winthrop", "4. Winthrop")
    result = run_cli("parse", input=text)
    assert result.exit_code == 0
    assert 'references-1 ("REFERENCES", line 3, first entry line 5): 2 entries numbered 1-4; numbers missing: 2, 3' in result.stderr
    none = run_cli("parse", input="A paragraph about VEXAS syndrome and nothing else.\n")
    assert "no reference list found" in none.stderr


def test_import_lines_imports_every_line_and_import_reports_lists(run_cli, tmp_path: Path) -> None:
    lines = tmp_path / "refs.txt"
    refs = [f"Author{n} A, Writer B. Study number {n} of VEXAS. Blood. 20{n % 24:02d};{n}:1-{n + 1}." for n in range(1, 301)]
    lines.write_text("\n".join(refs[:150]) + "\n\n" + "\n".join(refs[150:]) + "\n", encoding="utf-8")
    result = run_cli("import", "--lines", "--json", str(lines))
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)[0]["references"] == 300
    assert "300 lines read as one reference each" in result.stderr
    clash = run_cli("import", "--lines", "--format", "bibtex", str(lines))
    assert clash.exit_code == 2
    letter = tmp_path / "letter.txt"
    letter.write_text(LETTER, encoding="utf-8")
    imported = run_cli("import", str(letter))
    assert imported.exit_code == 0, imported.stderr
    assert 'references-1 ("REFERENCES", line 3, first entry line 5): 2 entries numbered 1-2' in imported.stderr


def test_link_says_which_list_it_read_first_time_and_again(run_cli, tmp_path: Path) -> None:
    manuscript = tmp_path / "paper.txt"
    manuscript.write_text("VEXAS is caused by somatic UBA1 mutations [1]. JAK inhibitors help some patients [2].\n\n" + LETTER, encoding="utf-8")
    first = run_cli("link", str(manuscript))
    assert first.exit_code == 0, first.stderr
    assert 'references-1 ("REFERENCES", line 5, first entry line 7): 2 entries numbered 1-2' in first.stderr
    again = run_cli("link", str(manuscript))  # not re-imported: the same full report
    assert 'references-1 ("REFERENCES", line 5, first entry line 7): 2 entries numbered 1-2' in again.stderr
    gapped = tmp_path / "gapped.txt"
    gapped.write_text("A claim [4].\n\n" + LETTER.replace("2. Winthrop", "4. Winthrop"), encoding="utf-8")
    run_cli("link", str(gapped))
    assert "numbers missing: 2, 3" in run_cli("link", str(gapped)).stderr
    prose = tmp_path / "prose.md"
    prose.write_text("A paragraph citing a key [@beck2020].\n", encoding="utf-8")
    run_cli("link", str(prose))
    assert "no reference list found" in run_cli("link", str(prose)).stderr


def test_the_list_report_names_the_heading_s_line_and_the_first_entry_s(run_cli) -> None:
    """A heading set apart from its entries (blank lines between) is where a
    person looks for the list: both lines are named."""
    text = LETTER.replace("REFERENCES\n\n", "REFERENCES\n\n\n\n")
    result = run_cli("parse", input=text)
    assert result.exit_code == 0, result.stderr
    assert 'references-1 ("REFERENCES", line 3, first entry line 7): 2 entries numbered 1-2' in result.stderr
    beside = run_cli("parse", input="REFERENCES\n" + LETTER.split("REFERENCES\n\n", 1)[1])
    assert 'references-1 ("REFERENCES", line 1, first entry line 2): 2 entries numbered 1-2' in beside.stderr
