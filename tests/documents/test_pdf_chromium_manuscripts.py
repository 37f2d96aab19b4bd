"""The bundled manuscripts printed to PDF by a browser (pandoc to HTML, headless Chromium): one
column, two CSS columns and a narrow page. ``link`` finds the same entries, claims and links as
in the text: each claim's markers and the works they link, in order."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.documents.test_pdf import MANUSCRIPTS, ROOT, link_counts, references_of

CHROMIUM = Path("/usr/bin/chromium")

# CI installs them (.ci/run): there a missing browser fails the test instead of skipping it
pytestmark = [
    pytest.mark.consumers,
    pytest.mark.skipif(
        not (CHROMIUM.exists() and shutil.which("pandoc")) and not os.environ.get("CI"),
        reason="Debian's chromium and pandoc are not installed",
    ),
]

LAYOUTS = {
    "one-column": "@page { size: A4; margin: 2cm; }",
    "two-columns": "body { column-count: 2; column-gap: 1.5em; font-size: 9pt; max-width: none; } @page { size: A4; margin: 1.5cm; }",
    "narrow": "body { font-size: 11pt; max-width: none; } @page { size: 9cm 16cm; margin: 0.8cm; }",
}


def printed(source: Path, css: str, folder: Path) -> Path:
    """``source`` as pandoc writes it to HTML with ``css`` in its head, printed to PDF by headless Chromium."""
    style = folder / "style.html"
    style.write_text(f"<style>{css}</style>", encoding="utf-8")
    html, pdf = folder / (source.stem + ".html"), folder / (source.stem + ".pdf")
    subprocess.run(["pandoc", "-f", "markdown", str(source), "-s", "--metadata", "title=Manuscript",
                    "--include-in-header", str(style), "-o", str(html)], check=True, capture_output=True)
    subprocess.run([str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--user-data-dir={folder / 'profile'}", f"--print-to-pdf={pdf}", html.as_uri()],
                   check=True, capture_output=True, timeout=120)
    return pdf


def claims_of(run_cli, path: Path) -> list[tuple[str, list[str]]]:
    """Each claim's markers (spaces and line breaks aside) and the keys of the works they link."""
    result = run_cli("claims", "--doc", str(path), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    return [(re.sub(r"\s+", "", row["markers"]), [source["key"] for source in row["sources"]]) for row in rows]


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("name", ["jak-inhibitors-in-vexas-numbered.txt", "jak-inhibitors-in-vexas.md"])
def test_a_manuscript_printed_by_a_browser_links_as_its_text(name: str, layout: str, tmp_path: Path, run_cli):
    source = MANUSCRIPTS / name
    pdf = printed(source, LAYOUTS[layout], tmp_path)
    if name.endswith("numbered.txt"):  # (the other cites the bundled bibliography by key: it has no list)
        assert references_of(run_cli, pdf) == references_of(run_cli, source)
    assert run_cli("import", *[str(p) for p in sorted((ROOT / "bib").glob("*.bib"))]).exit_code == 0
    from_text, from_pdf = run_cli("link", str(source)), run_cli("link", str(pdf))
    assert from_text.exit_code == from_pdf.exit_code == 0, from_pdf.output
    assert link_counts(from_pdf.output) == link_counts(from_text.output)
    assert claims_of(run_cli, pdf) == claims_of(run_cli, source)
    if name.endswith(".md"):  # (the other's headings are printed as paragraphs of the running text: see below)
        # the same words and sections (a line of text near a page's foot, ``VEXAS and MDS``, is no running head)
        assert claim_texts_of(run_cli, pdf) == claim_texts_of(run_cli, source)


def claim_texts_of(run_cli, path: Path) -> list[tuple[str, str | None, str]]:
    """Each claim's text, section and markers (spaces and line breaks aside)."""
    result = run_cli("claims", "--doc", str(path), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    return [(" ".join(row["claim"].split()), row["section"], re.sub(r"\s+", "", row["markers"])) for row in rows]


def with_headings(source: Path, folder: Path) -> Path:
    """The manuscript with each line that stands alone between blank lines and closes on no stop
    marked as a Markdown heading, so the browser prints it as one (larger, bold)."""
    blocks = source.read_text(encoding="utf-8").split("\n\n")
    marked = [f"## {block}" if "\n" not in block.strip() and not block.rstrip().endswith((".", ":")) else block for block in blocks]
    out = folder / source.name
    out.write_text("\n\n".join(marked), encoding="utf-8")
    return out


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_headings_printed_by_a_browser_are_no_part_of_the_claims(layout: str, tmp_path: Path, run_cli):
    """A heading printed with no blank line under it, wrapped on a narrow page or in a column, is a
    heading (by its font), as in the text: each claim has the text's words and section."""
    source = MANUSCRIPTS / "jak-inhibitors-in-vexas-numbered.txt"
    pdf = printed(with_headings(source, tmp_path), LAYOUTS[layout], tmp_path)
    assert run_cli("import", *[str(p) for p in sorted((ROOT / "bib").glob("*.bib"))]).exit_code == 0
    assert run_cli("link", str(source)).exit_code == 0
    assert run_cli("link", str(pdf)).exit_code == 0
    assert claim_texts_of(run_cli, pdf) == claim_texts_of(run_cli, source)
