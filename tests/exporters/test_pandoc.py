"""A real consumer: pandoc's citeproc renders the exported CSL-JSON with a Vancouver
style, numbered in citation order, without a warning."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from vexascite.exporters import ExportItem
from vexascite.exporters.csljson import write_csljson
from vexascite.exporters.formatted import style_path
from vexascite.importers.bibtex import read_bibtex

from .helpers import DATA, gold_works, pandoc_or_skip

pytestmark = pytest.mark.consumers


def render(pandoc: str, document: Path, bibliography: Path, style: str = "vancouver") -> str:
    """``document`` as plain text, its citations formatted by pandoc's citeproc from
    ``bibliography``; fails on any pandoc error or warning."""
    version = subprocess.run(
        [pandoc, "--version"], capture_output=True, text=True, check=True
    ).stdout
    major, minor = (int(n) for n in re.search(r"pandoc\S* (\d+)\.(\d+)", version).groups())  # type: ignore[union-attr]
    citeproc = ["--citeproc"] if (major, minor) >= (2, 11) else ["--filter", "pandoc-citeproc"]
    result = subprocess.run(
        [
            pandoc,
            str(document),
            *citeproc,
            "--bibliography",
            str(bibliography),
            "--csl",
            str(style_path(style)),
            "-t",
            "plain",
            "--wrap=none",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "", result.stderr  # no [WARNING] of any kind
    return result.stdout


def run_pandoc(
    pandoc: str, tmp_path: Path, items: list[ExportItem], cited: list[str], style: str = "vancouver"
) -> str:
    bibliography = tmp_path / "refs.json"
    bibliography.write_text(write_csljson(items), encoding="utf-8")
    document = tmp_path / "doc.md"
    document.write_text(
        " ".join(f"Claim [@{key}]." for key in cited) + "\n\n# References\n", encoding="utf-8"
    )
    return render(pandoc, document, bibliography, style)


def test_pandoc_renders_gold_in_vancouver_in_citation_order(
    tmp_path: Path, shared_dir: Path
) -> None:
    pandoc = pandoc_or_skip()
    items = gold_works(shared_dir)
    cited = [items[5].key, items[0].key, items[20].key]
    out = run_pandoc(pandoc, tmp_path, items, cited)
    assert out.startswith("Claim (1). Claim (2). Claim (3).")
    references = re.findall(r"^(\d+)\. (.+)$", out, re.M)
    assert [number for number, _ in references] == ["1", "2", "3"]
    for (_, text), item in zip(references, (items[5], items[0], items[20]), strict=True):
        title = item.csl.get("title")
        if title:
            assert title.split(":")[0][:30] in text


def test_pandoc_renders_accents_and_specials(tmp_path: Path) -> None:
    pandoc = pandoc_or_skip()
    parsed = read_bibtex((DATA / "roundtrip.bib").read_text(encoding="utf-8"))
    items = [ExportItem(r.entry_key or "", r.fields) for r in parsed.references]
    out = run_pandoc(pandoc, tmp_path, items, ["accents2021", "math2019"])
    assert "Résumé of naïve café studies in Zürich and São Paulo" in out
    assert "α and β chains" in out
    assert "Müller" in out


@pytest.mark.parametrize("dialect", ["bibtex", "biblatex"])
def test_pandoc_reads_the_exported_bibtex(tmp_path: Path, dialect: str) -> None:
    from vexascite.exporters.bibtex import write_bibtex

    pandoc = pandoc_or_skip()
    parsed = read_bibtex((DATA / "roundtrip.bib").read_text(encoding="utf-8"))
    items = [
        ExportItem(r.entry_key or "", r.fields, r.extra.get("bibtex")) for r in parsed.references
    ]
    bibliography = tmp_path / "refs.bib"
    bibliography.write_text(write_bibtex(items, dialect), encoding="utf-8")
    document = tmp_path / "doc.md"
    document.write_text(
        "A [@accents2021]. B [@math2019]. C [@beck2020somatic].\n", encoding="utf-8"
    )
    out = render(pandoc, document, bibliography)
    # proper nouns of a sentence-case title are protected (pandoc, like BibTeX styles,
    # lower-cases unprotected words; it capitalises after the colon on its own)
    assert "Résumé of naïve café studies in Zürich and São Paulo:" in out
    assert "in vivo" in out
    assert "α and β chains" in out
    assert "Somatic Mutations in UBA1" in out or "Somatic mutations in UBA1" in out


SYMBOLS_TITLE = "Costs of 5 € at 37 °C with 5 µg – a {braced} note™ © § ½ × α ‘quoted’ Ðð ŋ"


@pytest.mark.parametrize("dialect", ["bibtex", "biblatex"])
def test_pandoc_keeps_every_character_of_the_default_bibtex_export(tmp_path: Path, dialect: str) -> None:
    """Symbols pandoc does not read as commands (``\\texteuro``...) are written as UTF-8,
    braces that pair up as ``\\{ \\}``: pandoc shows each character, no command names."""
    from vexascite.exporters.bibtex import write_bibtex

    pandoc = pandoc_or_skip()
    csl = {"type": "article-journal", "title": SYMBOLS_TITLE, "author": [{"family": "Þórsdóttir", "given": "Ŋ"}],
           "container-title": "Blood", "issued": {"date-parts": [[2022]]}}
    bibliography = tmp_path / "refs.bib"
    bibliography.write_text(write_bibtex([ExportItem("sym2022", csl)], dialect), encoding="utf-8")
    document = tmp_path / "doc.md"
    document.write_text("A [@sym2022].\n", encoding="utf-8")
    out = render(pandoc, document, bibliography)
    for piece in ("5 €", "37 °C", "5 µg", "– a", "{braced}", "note™", "©", "§", "½", "×", "α", "‘quoted’", "Ðð ŋ", "Þórsdóttir"):
        assert piece in out, (piece, out)
    assert "\\" not in out
    converted = subprocess.run([pandoc, "-f", "biblatex" if dialect == "biblatex" else "bibtex", "-t", "csljson", str(bibliography)],
                               capture_output=True, text=True, timeout=120, check=True).stdout
    for piece in ("5 €", "37 °C", "5 µg", "{braced}", "note™", "Ðð ŋ"):
        assert piece in converted, (piece, converted)
@pytest.mark.parametrize("style", ["apa", "vancouver"])
def test_pandoc_renders_a_cut_author_list_as_cut(tmp_path: Path, style: str) -> None:
    pandoc = pandoc_or_skip()
    csl = {
        "type": "article-journal", "title": "Somatic mutations in UBA1", "container-title": "N Engl J Med",
        "author": [{"family": "Beck", "given": "David B."}, {"family": "Ferrada", "given": "Marcela A."}],
        "issued": {"date-parts": [[2020]]},
    }
    out = run_pandoc(
        pandoc, tmp_path, [ExportItem("cut", {**csl, "et-al": True}), ExportItem("whole", {**csl, "issued": {"date-parts": [[2021]]}})],
        ["cut", "whole"], style,
    )
    cut = next(line for line in out.splitlines() if "2020" in line and "Somatic" in line)
    whole = next(line for line in out.splitlines() if "2021" in line and "Somatic" in line)
    assert "Ferrada" in cut and "et al." in cut  # (APA joins it with "&": a literal name to pandoc)
    assert "et al" not in whole and "others" not in out


@pytest.mark.parametrize("dialect", ["bibtex", "biblatex"])
@pytest.mark.parametrize("unicode", [False, True])
def test_a_less_than_sign_is_written_as_a_command_every_reader_shows(tmp_path: Path, dialect: str, unicode: bool) -> None:
    """A literal ``<`` prints as ``¡`` under LaTeX's default OT1 font encoding (``>`` as ``¿``): written ``\\textless{}``, which LaTeX, pandoc and the importer all read as ``<``."""
    from vexascite.exporters.bibtex import write_bibtex

    csl = {"type": "article-journal", "title": "The &lt;title> element, p < 0.05 and b > c", "container-title": "Blood",
           "author": [{"family": "Doe", "given": "J"}], "issued": {"date-parts": [[2022]]}}
    text = write_bibtex([ExportItem("lt2022", csl)], dialect, unicode=unicode)
    title = next(line for line in text.splitlines() if line.strip().startswith("title"))
    assert "<" not in title and ">" not in title
    assert r"\textless{}title\textgreater{}" in title
    assert read_bibtex(text).references[0].fields["title"] == csl["title"]
    pandoc = pandoc_or_skip()
    bibliography = tmp_path / "refs.bib"
    bibliography.write_text(text, encoding="utf-8")
    document = tmp_path / "doc.md"
    document.write_text("A [@lt2022].\n", encoding="utf-8")
    assert "The <title> element, p < 0.05 and b > c" in render(pandoc, document, bibliography)
