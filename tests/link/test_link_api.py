"""Linking manuscripts of every format and style through the api and the CLI."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from vexascite import api
from vexascite.config import Settings
from vexascite.errors import NotInLibrary
from vexascite.store import Store
from vexascite.store.claims import cited_work_ids_in_order, markers_of_document

BIB = """
@article{beck2020somatic,
  title = {Somatic mutations in UBA1 and severe adult-onset autoinflammatory disease},
  author = {Beck, David B. and Ferrada, Marcela A. and Sikora, Keith A.},
  journal = {N Engl J Med}, year = {2020}, volume = {383}, pages = {2628--2638},
  doi = {10.1056/NEJMoa2026834}
}
@article{heiblig2022ruxolitinib,
  title = {Ruxolitinib is more effective than other JAK inhibitors to treat VEXAS syndrome},
  author = {Heiblig, Mael and Ferrada, Marcela A. and Koster, Matthew J.},
  journal = {Blood}, year = {2022}
}
@article{heiblig2022zeta,
  title = {Zeta: another study of the same year},
  author = {Heiblig, Mael},
  journal = {Blood}, year = {2022}
}
"""


@pytest.fixture
def library(tmp_path: Path, settings: Settings) -> Settings:
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB, encoding="utf-8")
    api.import_paths(settings, [bib])
    return settings


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_pandoc_keys_link_and_unknown_keys_dangle(tmp_path: Path, library: Settings) -> None:
    doc = write(
        tmp_path,
        "paper.md",
        "# Background\n\nVEXAS is caused by somatic UBA1 mutations [@beck2020somatic]. "
        "Ruxolitinib did better than other JAK inhibitors [@heiblig2022ruxolitinib, p. 4; @nosuchkey2019].\n",
    )
    report = api.link_manuscript(library, doc)
    assert (report.claims, report.linked) == (2, 2)
    assert [(p["line"], p["target"], p["status"]) for p in report.problems] == [(3, "@nosuchkey2019", "dangling")]
    rows = api.evidence_table(library, str(doc))
    assert rows[0]["section"] == "Background"
    assert rows[1]["text"] == "Ruxolitinib did better than other JAK inhibitors."
    with Store.open(library.db) as store:
        works = cited_work_ids_in_order(store, doc)
        keys = [store.work_row(w)["key"] for w in works]
        markers = markers_of_document(store, doc)
    assert keys == ["beck2020somatic", "heiblig2022ruxolitinib"]
    assert [(m["target"], m["status"], m["line"]) for m in markers] == [
        ("@beck2020somatic", "linked", 3),
        ("@heiblig2022ruxolitinib", "linked", 3),
        ("@nosuchkey2019", "dangling", 3),
    ]
    assert markers[1]["locator"] == "p. 4"


def test_author_year_latex_and_suffixes(tmp_path: Path, library: Settings) -> None:
    doc = write(
        tmp_path,
        "paper.tex",
        "\\section{Introduction}\n"
        "VEXAS was described in 2020 \\citep{beck2020somatic}. Beck et al. (2020) sequenced UBA1.\n"
        "Two letters appeared (Heiblig 2022a; Heiblig 2022b), and one more (Heiblig et al., 2022). "
        "An unknown one (Smith 2001) dangles.\n",
    )
    report = api.link_manuscript(library, doc)
    markers = {p["target"]: p for p in report.problems}
    assert set(markers) == {"Smith 2001"}
    rows = api.evidence_table(library, str(doc))
    keys = [[s.get("key") for s in row["sources"]] for row in rows]
    assert keys[0] == ["beck2020somatic"]
    assert keys[1] == ["beck2020somatic"]
    assert rows[1]["text"] == "Beck et al. sequenced UBA1."  # a narrative citation keeps its names
    # suffixes count in title order: "Ruxolitinib..." (a) before "Zeta..." (b)
    assert keys[2] == ["heiblig2022ruxolitinib", "heiblig2022zeta", "heiblig2022ruxolitinib"]
    assert rows[0]["section"] == "Introduction"


def test_numeric_markers_use_the_following_list_or_the_given_one(tmp_path: Path, settings: Settings) -> None:
    listing = (
        "References\n\n"
        "1. Beck DB, Ferrada MA, Sikora KA, et al. Somatic mutations in UBA1 and severe adult-onset autoinflammatory disease. N Engl J Med. 2020;383(27):2628-2638.\n"
        "2. Bourbon E, Heiblig M, Gerfaud Valentin M, et al. Therapeutic options in VEXAS syndrome: insights from a retrospective series. Blood. 2021;137(26):3682-3684.\n"
    )
    body = "VEXAS is caused by UBA1 mutations [1]. Treatment is difficult [2,3].\n\n"
    doc = write(tmp_path, "paper.txt", body + listing)
    report = api.link_manuscript(settings, doc)
    assert report.linked == 2
    assert [(p["target"], p["line"]) for p in report.dangling] == [("3", 1)]
    # the same text without its list, and the list given apart
    bare = write(tmp_path, "bare.md", body)
    refs = write(tmp_path, "refs.txt", listing)
    assert api.link_manuscript(settings, bare).linked == 0
    given = api.link_manuscript(settings, bare, list_path=refs)
    assert given.linked == 2 and given.lists[0]["external"]


def test_a_range_written_high_to_low_links_its_range_and_is_said(tmp_path: Path, settings: Settings, run_cli) -> None:
    listing = (
        "References\n\n"
        "1. Beck DB, Ferrada MA, Sikora KA, et al. Somatic mutations in UBA1 and severe adult-onset autoinflammatory disease. N Engl J Med. 2020;383(27):2628-2638.\n"
        "2. Bourbon E, Heiblig M, Gerfaud Valentin M, et al. Therapeutic options in VEXAS syndrome: insights from a retrospective series. Blood. 2021;137(26):3682-3684.\n"
    )
    doc = write(tmp_path, "paper.txt", "VEXAS is caused by UBA1 mutations and hard to treat [2–1].\n\n" + listing)
    linked = run_cli("--db", str(settings.db), "link", str(doc), "--json")
    assert linked.exit_code == 0, linked.output
    report = json.loads(linked.stdout)
    assert report["linked"] == 2 and report["problems"] == []
    assert report["notes"] == [{"kind": "backward-range", "line": 1, "marker": "[2–1]", "message": "a range written high to low, read as 1, 2"}]
    assert "note: " in linked.stderr and "marker [2–1]: a range written high to low, read as 1, 2" in linked.stderr


def test_a_given_list_as_parse_writes_it_serves_numbers_and_one_that_numbers_nothing_says_so(tmp_path: Path, settings: Settings) -> None:
    """'parse' output (CSL-JSON with each entry's citation-number) gave no numbered list,
    and a .bib given with --list left every [1] dangling with 'give one with --list'."""
    items = [
        {"type": "article-journal", "title": "A trial of imaginary things", "container-title": "J Imag Res",
         "author": [{"family": "Doe", "given": "J"}], "issued": {"date-parts": [[2020]]}, "raw": "1. Doe J. A trial of imaginary things. J Imag Res. 2020.", "citation-number": "1"},
        {"type": "article-journal", "title": "Another imaginary trial", "container-title": "J Imag Res",
         "author": [{"family": "Roe", "given": "R"}], "issued": {"date-parts": [[2021]]}, "raw": "2. Roe R. Another imaginary trial. J Imag Res. 2021.", "citation-number": "2"},
    ]
    parsed = write(tmp_path, "parsed.jsonl", "".join(json.dumps(item) + "\n" for item in items))
    bare = write(tmp_path, "bare.md", "Imaginary things were tried [1]. Again [2].\n")
    assert api.link_manuscript(settings, bare, list_path=parsed).linked == 2
    bib = write(tmp_path, "refs.bib", "@article{doe2020, title = {A trial of imaginary things}, author = {Doe, J}, year = 2020}\n")
    other = write(tmp_path, "other.md", "Imaginary things were tried [1].\n")
    report = api.link_manuscript(settings, other, list_path=bib)
    assert report.linked == 0 and "give one with --list" not in report.dangling[0]["message"]
    assert any("no numbered entries" in note for note in report.imports[-1].notes)
    keyed = write(tmp_path, "keyed.md", "Imaginary things were tried [@doe2020].\n")  # no number: nothing to say
    report = api.link_manuscript(settings, keyed, list_path=bib)
    assert report.linked == 1 and not any("no numbered entries" in note for note in report.imports[-1].notes)


def test_linking_again_replaces_claims(tmp_path: Path, library: Settings) -> None:
    doc = write(tmp_path, "paper.md", "One [@beck2020somatic]. Two [@beck2020somatic].\n")
    api.link_manuscript(library, doc)
    doc.write_text("Only one now [@heiblig2022ruxolitinib].\n", encoding="utf-8")
    api.link_manuscript(library, doc)
    rows = api.evidence_table(library)
    assert [r["text"] for r in rows] == ["Only one now."]
    shown = api.show_work(library, "beck2020somatic")
    assert shown["claims"] == []
    shown = api.show_work(library, "heiblig2022ruxolitinib")
    assert [c["text"] for c in shown["claims"]] == ["Only one now."]


def test_docx_manuscript(tmp_path: Path, library: Settings) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Results", level=1)
    paragraph = document.add_paragraph("Ruxolitinib gave higher response rates than other JAK inhibitors")
    paragraph.add_run(".")
    run = paragraph.add_run("1")
    run.font.superscript = True
    document.add_paragraph("It was well tolerated [@heiblig2022ruxolitinib] but [2] is not in the list.")
    document.add_heading("References", level=1)
    document.add_paragraph(
        "1. Beck DB, Ferrada MA, Sikora KA, et al. Somatic mutations in UBA1 and severe adult-onset "
        "autoinflammatory disease. N Engl J Med. 2020;383(27):2628-2638."
    )
    path = tmp_path / "paper.docx"
    document.save(str(path))
    report = api.link_manuscript(library, path)
    assert report.claims == 2
    assert [(p["target"], p["line"]) for p in report.problems] == [("2", 3)]
    rows = api.evidence_table(library, str(path))
    assert rows[0]["section"] == "Results"
    assert rows[0]["line"] == 2
    assert [s.get("key") for s in rows[0]["sources"]] == ["beck2020somatic"]
    assert [s.get("key") for s in rows[1]["sources"]] == ["heiblig2022ruxolitinib", None]


@pytest.mark.parametrize("query", ['"', "JAK-inhibitors AND (", "NEAR(a b)", "*", "'; drop table claims; --", "", "ruxolitinib OR"])
def test_find_survives_any_query(tmp_path: Path, library: Settings, query: str) -> None:
    api.link_manuscript(library, write(tmp_path, "p.md", "Ruxolitinib did better than other JAK inhibitors [@heiblig2022ruxolitinib].\n"))
    result = api.find_claims(library, query)
    assert isinstance(result["claims"], list)


def test_find_ranks_claims_with_their_sources(tmp_path: Path, library: Settings) -> None:
    api.link_manuscript(
        library,
        write(
            tmp_path,
            "p.md",
            "Ruxolitinib did better than other JAK inhibitors [@heiblig2022ruxolitinib]. "
            "UBA1 mutations cause the disease [@beck2020somatic].\n",
        ),
    )
    result = api.find_claims(library, "ruxolitinib")
    assert result["claims"][0]["sources"][0]["key"] == "heiblig2022ruxolitinib"
    assert "**Ruxolitinib**" in result["claims"][0]["snippet"]
    assert result["works"][0]["key"] == "heiblig2022ruxolitinib"
    stemmed = api.find_claims(library, "mutation")
    assert stemmed["claims"][0]["sources"][0]["key"] == "beck2020somatic"


def test_cli_link_find_claims_show(tmp_path: Path, run_cli) -> None:
    bib = write(tmp_path, "refs.bib", BIB)
    run_cli("import", str(bib))
    doc = write(tmp_path, "paper.md", "Ruxolitinib helps [@heiblig2022ruxolitinib]. Unknown [@zzz].\n")
    result = run_cli("link", str(doc))
    assert result.exit_code == 0
    assert "paper.md:1: dangling marker [@zzz]" in result.stderr
    assert run_cli("link", str(doc), "--strict").exit_code == 3
    assert "Ruxolitinib helps" in run_cli("find", "ruxolitinib").stdout
    csv_out = run_cli("claims", "--doc", str(doc), "--format", "csv").stdout
    assert csv_out.splitlines()[0].startswith("claim,sources")
    markdown = run_cli("claims", "--format", "markdown").stdout
    assert "| Ruxolitinib helps. | heiblig2022ruxolitinib |" in markdown
    shown = run_cli("show", "heiblig2022ruxolitinib").stdout
    assert "cited by" in shown and "Ruxolitinib helps." in shown
    missing = run_cli("claims", "--doc", str(tmp_path / "nope.md"))
    assert missing.exit_code == 1


def test_unreadable_manuscript(tmp_path: Path, settings: Settings) -> None:
    from vexascite.errors import InputUnreadable

    with pytest.raises(InputUnreadable):
        api.link_manuscript(settings, tmp_path / "missing.md")
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(InputUnreadable):
        api.link_manuscript(settings, bad)


def test_cited_works_needs_a_link(tmp_path: Path, library: Settings) -> None:
    with Store.open(library.db) as store, pytest.raises(NotInLibrary):
        cited_work_ids_in_order(store, tmp_path / "never.md")
    assert json.dumps(api.evidence_table(library)) == "[]"


def test_relinking_a_changed_list_leaves_no_orphan_works(tmp_path: Path, settings: Settings) -> None:
    entry = "1. Zed A, Young B. {title}. J Test Med. 2019;12(3):100-110.\n"
    doc = write(tmp_path, "paper.txt", "A claim [1].\n\nReferences\n\n" + entry.format(title="First unique title about cohorts"))
    assert api.link_manuscript(settings, doc).linked == 1
    doc.write_text("A claim [1].\n\nReferences\n\n" + entry.format(title="Second different title about registries"), encoding="utf-8")
    assert api.link_manuscript(settings, doc).linked == 1
    titles = [w["title"] for w in api.list_works(settings)]
    assert titles == ["Second different title about registries"]


def test_latex_markup_and_narrative_keys_leave_readable_claims(tmp_path: Path, library: Settings) -> None:
    doc = write(
        tmp_path,
        "paper.tex",
        "\\section{Results}\n% \\cite{commented} is not a claim\n"
        "As \\citet{heiblig2022ruxolitinib} showed, \\textbf{ruxolitinib} works.\n\n"
        "\\begin{figure}\n\\caption{Response rates \\cite{beck2020somatic}.}\n\\end{figure}\n",
    )
    api.link_manuscript(library, doc)
    texts = [row["text"] for row in api.evidence_table(library, str(doc))]
    assert texts == ["As heiblig2022ruxolitinib showed, ruxolitinib works.", "Response rates."]


def test_claim_text_keeps_p_values(tmp_path: Path, library: Settings) -> None:
    api.link_manuscript(library, write(tmp_path, "p.md", "Response was higher (P = .001) with ruxolitinib [@heiblig2022ruxolitinib].\n"))
    assert api.evidence_table(library)[0]["text"] == "Response was higher (P = .001) with ruxolitinib."


def test_claims_as_markdown_keep_an_abstract_s_html_and_links_as_text(tmp_path: Path, run_cli) -> None:
    """An abstract's ``<img onerror=...>`` and ``[x](javascript:...)`` went into the
    Markdown evidence table as markup: pandoc made them an image and a link."""
    refs = write(tmp_path, "refs.json", json.dumps([{
        "id": "lung2020", "type": "article-journal", "title": "Lung disease <b>in</b> a fictional cohort",
        "author": [{"family": "Doe"}], "issued": {"date-parts": [[2020]]},
        "abstract": "Lung disease is common. <img src=y onerror=alert(2)> lung <a href='javascript:alert(4)'>here</a> "
                    "[x](javascript:alert(3)) findings of lung disease | *stars*.",
    }]))
    run_cli("import", str(refs))
    run_cli("link", str(write(tmp_path, "paper.md", "Lung disease is common in this cohort [@lung2020].\n")))
    markdown = run_cli("claims", "--format", "markdown").stdout
    row = markdown.splitlines()[2]
    assert row.count(" | ") == 3  # four cells: the abstract's "|" is text
    assert "\\<img src=y onerror=alert(2)\\>" in row and "\\[x\\](javascript:alert(3))" in row and "\\*stars\\*" in row
    if shutil.which("pandoc"):
        html = subprocess.run(["pandoc", "-f", "markdown", "-t", "html"], input=markdown, capture_output=True, text=True,
                              check=True).stdout
        assert "<img" not in html and "<a " not in html and "<em>" not in html
        assert "&lt;img src=y onerror=alert(2)&gt;" in html


def test_linking_again_says_which_claims_went_and_came(tmp_path: Path, library: Settings, run_cli) -> None:
    first = "VEXAS is caused by somatic UBA1 mutations [@beck2020somatic]."
    second = "Ruxolitinib did better than other JAK inhibitors [@heiblig2022ruxolitinib]."
    third = "Ruxolitinib also did better than tofacitinib [@heiblig2022ruxolitinib]."
    doc = write(tmp_path, "paper.md", f"# Background\n\n{first} {second}\n")
    report = api.link_manuscript(library, doc)
    assert (report.claims, report.claims_gone, report.claims_new) == (2, 0, 0)  # a first link is all new
    again = api.link_manuscript(library, doc)
    assert (again.claims_gone, again.claims_new) == (0, 0)
    doc.write_text(f"# Background\n\n{first} {third}\n", encoding="utf-8")
    result = run_cli("--db", str(library.db), "link", str(doc))
    assert result.exit_code == 0, result.output
    assert "since the last link: 1 claim gone, 1 new" in result.stderr


def test_markdown_footnote_references_link_to_their_footnotes(tmp_path: Path, settings: Settings) -> None:
    doc = write(
        tmp_path, "notes.md",
        "# Basins\n\nBasins drain slowly in cold climates[^1]. Tidal basins fill with fine sediment[^2][^3].\n\n"
        "## References\n\n"
        "[^1]: Abend K, Brule M. Invented drainage of lake basins. J Invent Hydrol. 2020;12(3):45-67. doi:10.5555/inv.2020.001\n\n"
        "[^2]: Carrow T, Deland P, Ebbet S. A second invented study of\n"
        "    tidal basins and their sediments. Invent Geosci. 2019;8:101-119. doi:10.5555/inv.2019.002\n",
    )
    report = api.link_manuscript(settings, doc)
    assert (report.claims, report.linked) == (2, 2)
    assert [(p["target"], p["line"]) for p in report.dangling] == [("3", 3)]
    with Store.open(settings.db) as store:
        markers = markers_of_document(store, doc)
    assert [(m["marker"], m["target"], m["status"]) for m in markers] == [
        ("[^1]", "1", "linked"), ("[^2]", "2", "linked"), ("[^3]", "3", "dangling"),
    ]
