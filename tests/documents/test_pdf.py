"""PDF documents: text with page positions, refusal of image-only PDFs, and the bundled
manuscripts rendered to PDF read like their text versions."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.documents.pdfs import image_only_pdf, text_pdf
from vexascite.documents import page_position, read_document_bytes
from vexascite.errors import InputUnreadable

ROOT = Path(__file__).resolve().parents[2]
MANUSCRIPTS = ROOT / "bib" / "manuscripts"


def test_text_and_page_positions():
    text = "\n".join(f"Line {n} of the document." for n in range(1, 121))
    document = read_document_bytes(text_pdf(text), "long.pdf")
    assert document.format == "pdf"
    lines = document.text.splitlines()
    assert [line for line in lines if line.startswith("Line ")] == text.splitlines()
    assert len(document.page_lines) >= 2 and document.page_lines[0] == 1
    second = document.page_lines[1]
    assert page_position(document.page_lines, second) == (2, 1)
    assert page_position(document.page_lines, second - 1) == (1, second - 1)
    assert page_position(document.page_lines, 1) == (1, 1)


def test_image_only_damaged_and_disguised_pdfs():
    with pytest.raises(InputUnreadable, match=r"scan\.pdf: the PDF has no text layer .*OCR"):
        read_document_bytes(image_only_pdf(), "scan.pdf")
    with pytest.raises(InputUnreadable, match=r"broken\.pdf: not a readable PDF"):
        read_document_bytes(b"%PDF-1.7\nnothing else", "broken.pdf")
    # a PDF saved with a .txt name is read as the PDF it is
    assert read_document_bytes(text_pdf("Hello reader."), "notes.txt").format == "pdf"


def test_image_only_pdf_exits_5_and_writes_nothing(tmp_path: Path, run_cli):
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(image_only_pdf())
    result = run_cli("import", str(scan))
    assert result.exit_code == 5
    assert f"{scan}: the PDF has no text layer" in result.output
    assert "0 works from 0 references in 0 files" in result.output
    for command in (("link", str(scan)), ("parse", str(scan))):
        refused = run_cli(*command)
        assert refused.exit_code == 5, refused.output
        assert "no text layer" in refused.output


def references_of(run_cli, path: Path) -> list[str]:
    result = run_cli("parse", str(path))
    assert result.exit_code == 0, result.output
    return [re.sub(r"[^0-9A-Za-z]", "", json.loads(line)["raw"]) for line in result.stdout.splitlines()]


def link_counts(output: str) -> tuple[int, int, int]:
    match = re.search(r"(\d+) citations: (\d+) linked, \d+ to unread list entries, (\d+) dangling", output)
    assert match, output
    return int(match.group(1)), int(match.group(2)), int(match.group(3))


def _pdf_and_text(tmp_path: Path, name: str) -> tuple[Path, Path]:
    source = MANUSCRIPTS / name
    pdf = tmp_path / (source.stem + ".pdf")
    pdf.write_bytes(text_pdf(source.read_text(encoding="utf-8")))
    return source, pdf


def _same_as_text(tmp_path: Path, run_cli, name: str) -> None:
    source, pdf = _pdf_and_text(tmp_path, name)
    assert references_of(run_cli, pdf) == references_of(run_cli, source)
    bib = [str(p) for p in sorted((ROOT / "bib").glob("*.bib"))]
    assert run_cli("import", *bib).exit_code == 0
    from_text, from_pdf = run_cli("link", str(source)), run_cli("link", str(pdf))
    assert from_text.exit_code == from_pdf.exit_code == 0
    assert link_counts(from_pdf.output) == link_counts(from_text.output)
    assert link_counts(from_pdf.output)[2] == 0


def test_author_year_manuscript_as_pdf_gives_the_same_entries_and_links(tmp_path: Path, run_cli):
    _same_as_text(tmp_path, run_cli, "jak-inhibitors-in-vexas.md")


def test_numbered_manuscript_as_pdf_gives_the_same_entries_and_links(tmp_path: Path, run_cli):
    _same_as_text(tmp_path, run_cli, "jak-inhibitors-in-vexas-numbered.txt")


def test_pdf_references_record_their_page(tmp_path: Path, run_cli):
    source, pdf = _pdf_and_text(tmp_path, "jak-inhibitors-in-vexas-numbered.txt")
    assert run_cli("import", str(pdf)).exit_code == 0
    from vexascite.store import Store

    store = Store.open(Path(run_cli.db), create=False)
    try:
        rows = [(row["line"], json.loads(row["extra"])) for row in store.db.query("select line, extra from refs order by id")]
    finally:
        store.close()
    assert len(rows) == 15
    document = read_document_bytes(pdf.read_bytes(), str(pdf))
    lines = document.text.split("\n")
    for line, extra in rows:
        page, page_line = extra["page"], extra["page_line"]
        assert document.page_lines[page - 1] + page_line - 1 == line
        assert re.match(r"\d+\. ", lines[line - 1])


def test_check_reads_a_pdf_manuscript(tmp_path: Path, run_cli):
    source, pdf = _pdf_and_text(tmp_path, "jak-inhibitors-in-vexas.md")
    bib = [str(p) for p in sorted((ROOT / "bib").glob("*.bib"))]
    assert run_cli("import", *bib).exit_code == 0
    from_pdf = run_cli("check", str(pdf), "--format", "json")
    from_text = run_cli("check", str(source), "--format", "json")
    assert from_pdf.exit_code == from_text.exit_code == 0, from_pdf.output
    pdf_report, text_report = json.loads(from_pdf.stdout), json.loads(from_text.stdout)
    assert pdf_report["manuscript"] == str(pdf)
    assert pdf_report["summary"]["markers"] == text_report["summary"]["markers"] > 0
    assert pdf_report["summary"] == text_report["summary"]
    assert sorted(f["kind"] for f in pdf_report["findings"]) == sorted(f["kind"] for f in text_report["findings"])
