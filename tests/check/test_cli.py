"""The ``check`` command: formats and exit codes (no services needed: nothing resolved)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "docs" / "check-json-schema.json").read_text())

BROKEN = """# Draft

First claim [1]. Second claim [3]. Third claim [2]. A claim citing nothing listed [5].

## References

1. Beck DB, Ferrada MA, Sikora KA, et al. Somatic mutations in UBA1 and severe adult-onset autoinflammatory disease. N Engl J Med. 2020;383(27):2628-2638.
2. Gadina M, Chisolm DA, Philips RL, et al. Translating JAKs to jakinibs. J Immunol. 2020;204(8):2011-2020.
3. Winthrop KL. The emerging safety profile of JAK inhibitors in rheumatic disease. Nat Rev Rheumatol. 2017;13(4):234-243.
4. Scott IC, Hider SL, Scott DL. Thromboembolism with Janus Kinase (JAK) inhibitors for rheumatoid arthritis: how real is the risk? Drug Saf. 2018;41(7):645-653.
"""

CLEAN = """# Draft

First claim [1]. Second claim [2].

## References

1. Beck DB, Ferrada MA, Sikora KA, et al. Somatic mutations in UBA1 and severe adult-onset autoinflammatory disease. N Engl J Med. 2020;383(27):2628-2638.
2. Gadina M, Chisolm DA, Philips RL, et al. Translating JAKs to jakinibs. J Immunol. 2020;204(8):2011-2020.
"""


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "draft.md"
    path.write_text(text, encoding="utf-8")
    return str(path)


def kinds(result) -> set[tuple[str, int | None, str | None]]:
    data = json.loads(result.stdout)
    return {(f["kind"], f.get("line"), f.get("reference")) for f in data["findings"]}


def test_json_reports_dangling_unused_and_order(run_cli, tmp_path):
    result = run_cli("check", write(tmp_path, BROKEN), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    found = kinds(result)
    assert ("dangling-marker", 3, "5") in found
    assert ("unused-reference", 10, "4") in found
    assert ("citation-order", 3, "3") in found


def test_strict_fails_on_errors_only(run_cli, tmp_path):
    broken = run_cli("check", write(tmp_path, BROKEN), "--strict")
    assert broken.exit_code == 3
    assert "serious finding" in broken.stderr
    clean = run_cli("check", write(tmp_path, CLEAN), "--strict")
    assert clean.exit_code == 0, clean.output
    # nothing resolved yet: every reference is 'not checked', a warning
    assert "[not-checked]" in clean.stdout
    assert run_cli("check", write(tmp_path, CLEAN), "--strict", "--fail-on", "warning").exit_code == 3


def test_clean_manuscript_has_no_citation_findings(run_cli, tmp_path):
    result = run_cli("check", write(tmp_path, CLEAN), "--format", "json")
    assert {kind for kind, _, _ in kinds(result)} == {"not-checked"}


def test_github_annotations(run_cli, tmp_path):
    result = run_cli("check", write(tmp_path, BROKEN), "--format", "github")
    lines = result.stdout.splitlines()
    assert any(line.startswith("::error file=") and ",line=3," in line and "dangling-marker" in line for line in lines)
    assert any(line.startswith("::warning file=") and "unused-reference" in line for line in lines)


def test_missing_manuscript_is_unreadable(run_cli, tmp_path):
    result = run_cli("check", str(tmp_path / "nope.md"))
    assert result.exit_code == 5


BIB = """@article{gadina2020,
  author = {Gadina, M. and Chisolm, D. A.},
  title = {Translating {JAKs} to jakinibs},
  journal = {J Immunol},
  year = {2020}, volume = {204}, number = {8}, pages = {2011--2020},
  doi = {10.5555/jakinibs.2020}
}
@article{jakinibs,
  author = {Gadina, M.},
  title = {Translating JAKs to Jakinibs},
  journal = {Journal of Immunology},
  year = {2020},
  doi = {10.5555/JAKINIBS.2020}
}
@article{winthrop2017,
  author = {Winthrop, K. L.},
  title = {The emerging safety profile of JAK inhibitors in rheumatic disease},
  journal = {Nat Rev Rheumatol},
  year = {2017}, volume = {13}, pages = {234--243}
}
"""

PANDOC = """# Draft

JAK inhibitors are translated [@gadina2020]. Safety [@winthrop2017]. Unknown [@winthrop2071].
"""


def test_keyed_manuscript_with_a_bibliography(run_cli, tmp_path):
    """Keys name works of the library (the keys of the imported file); one misspelt key dangles."""
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB, encoding="utf-8")
    assert run_cli("import", str(bib)).exit_code == 0
    paper = tmp_path / "paper.md"
    paper.write_text(PANDOC, encoding="utf-8")
    result = run_cli("check", str(paper), "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    dangling = [f for f in findings if f["kind"] == "dangling-marker"]
    assert [(f["line"], f["reference"]) for f in dangling] == [(3, "winthrop2071")]
    assert "winthrop2017" in dangling[0]["suggestion"]
    # the cited works are checked (not yet resolved), at the line that cites them
    assert {(f["reference"], f["line"]) for f in findings if f["kind"] == "not-checked"} == {
        ("gadina2020", 3), ("winthrop2017", 3)
    }


def test_text_and_github_findings_never_print_a_control(run_cli, tmp_path):
    """A finding quotes the library (the best sentence of a cited work's abstract): an escape
    sequence or a direction override there is shown as a space, never obeyed."""
    link = "\x1b]8;;https://x.example\x1b\\here\x1b]8;;\x1b\\"
    work = {"id": "esc2020", "type": "article-journal", "title": "Cats and dogs", "DOI": "10.5555/esc.2020",
            "author": [{"family": "Esc", "given": "A."}], "container-title": "J Imag Res",
            "issued": {"date-parts": [[2020]]}, "abstract": f"Cats purr {link} and ring \x07 bells \u202eexe."}
    source = tmp_path / "esc.json"
    source.write_text(json.dumps([work]), encoding="utf-8")
    run_cli("import", str(source))
    manuscript = write(tmp_path, "# Draft\n\nUBA1 is mutated in VEXAS syndrome [1].\n\n## References\n\n"
                       "1. Esc A. Cats and dogs. J Imag Res. 2020;1:1-2. doi:10.5555/esc.2020\n")
    assert run_cli("link", manuscript).exit_code == 0
    for fmt in ("text", "github"):
        result = run_cli("check", manuscript, "--format", fmt)
        assert result.exit_code == 0, result.output
        assert "unsupported-citation" in result.stdout and "Cats purr" in result.stdout, result.stdout
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout and "\u202e" not in result.stdout, fmt


def test_a_range_written_high_to_low_is_a_finding_with_its_line_and_text(run_cli, tmp_path):
    """``[2–1]`` and ``(4-3)`` are linked as the ranges they name, and check says so."""
    for draft, marker, fixed in (
        (CLEAN.replace("Second claim [2].", "Second claim.\nThird claim [2–1]."), "[2–1]", "[1–2]"),
        (CLEAN.replace("[1]", "(1)").replace("Second claim [2].", "Second claim.\nThird claim (2-1)."), "(2-1)", "(1-2)"),
    ):
        result = run_cli("check", write(tmp_path, draft), "--format", "json")
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        jsonschema.validate(data, SCHEMA)
        backward = [f for f in data["findings"] if f["kind"] == "backward-range"]
        assert [(f["line"], f["printed"], f["expected"]) for f in backward] == [(4, marker, fixed)]
        assert "references 1, 2" in backward[0]["message"]
        assert not [f for f in data["findings"] if f["kind"] in ("unused-reference", "dangling-marker")]
        text = run_cli("check", write(tmp_path, draft))
        assert f"draft.md:4: warning [backward-range] marker '{marker}'" in text.stdout


def test_a_reference_file_given_as_the_manuscript_is_refused_with_why(run_cli, tmp_path):
    """``check refs.bib`` would read ``@article`` as a citation of a key ``article``."""
    bib = tmp_path / "refs.bib"
    bib.write_text("@article{beck2020, title = {An invented study}, year = {2020}}\n", encoding="utf-8")
    for command in ("check", "link"):
        refused = run_cli(command, str(bib))
        assert refused.exit_code == 2, refused.output
        assert "a BibTeX and BibLaTeX file, not a manuscript" in refused.stderr and f"--list {bib}" in refused.stderr
    notes = tmp_path / "notes.md"  # a manuscript that quotes an entry is still a manuscript
    notes.write_text("# Notes\n\nWe cite [@beck2020] here.\n\n    @article{beck2020, title = {x}}\n", encoding="utf-8")
    assert run_cli("check", str(notes)).exit_code == 0


def test_an_empty_manuscript_is_a_warning_not_a_clean_pass(run_cli, tmp_path):
    empty = tmp_path / "draft.md"
    empty.write_text("\n\n", encoding="utf-8")
    result = run_cli("check", str(empty), "--format", "json")
    assert result.exit_code == 0, result.output
    assert [f["kind"] for f in json.loads(result.stdout)["findings"]] == ["no-citations"]
    assert run_cli("check", str(empty), "--strict", "--fail-on", "warning").exit_code == 3
