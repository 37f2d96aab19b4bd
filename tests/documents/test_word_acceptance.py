"""Word manuscripts from the CLI: automatic numbering, and citations a reference
manager stored in fields (Zotero, Mendeley, EndNote) imported and linked."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document

from tests.documents.wordfiles import (
    add_complex_field,
    add_endnote_nested_field,
    add_simple_field,
    add_text,
    docx_bytes,
    endnote_data,
    endnote_xml,
    number_paragraph,
    numbered_document,
    numbering_element,
    zotero_instruction,
)
from vexascite import api
from vexascite.config import Settings
from vexascite.importers.bibtex import read_bibtex
from vexascite.store import Store
from vexascite.store.claims import evidence_rows

ROOT = Path(__file__).resolve().parents[2]
NUMBERED = ROOT / "bib" / "manuscripts" / "jak-inhibitors-in-vexas-numbered.txt"


def bundled_works() -> dict[str, dict]:
    """CSL items of the bundled VEXAS letter's references, by their BibTeX key."""
    parsed = read_bibtex((ROOT / "bib" / "vexas-letter-references.bib").read_text(encoding="utf-8"))
    return {ref.entry_key: ref.fields for ref in parsed.references}


def link_counts(output: str) -> tuple[int, int, int]:
    match = re.search(r"(\d+) citations: (\d+) linked, \d+ to unread list entries, (\d+) dangling", output)
    assert match, output
    return int(match.group(1)), int(match.group(2)), int(match.group(3))


# -- automatic numbering -----------------------------------------------------------------
def numbered_manuscript_docx() -> bytes:
    """The bundled numbered manuscript as Word writes it: its reference list an automatic
    numbered list (the printed numbers are not in the text)."""
    document = numbered_document(numbering_element())
    in_list = False
    for line in NUMBERED.read_text(encoding="utf-8").split("\n\n"):
        text = " ".join(line.split())
        if not text:
            continue
        if text == "References":
            document.add_heading(text, level=1)
            in_list = True
            continue
        if in_list:
            for entry in re.split(r"(?:^|\s)(?=\d+\. [A-Z])", line.strip()):
                entry = " ".join(entry.split())
                if entry:
                    number_paragraph(document.add_paragraph(re.sub(r"^\d+\. ", "", entry)), 1)
        else:
            document.add_paragraph(text)
    return docx_bytes(document)


def test_automatic_numbering_links_every_citation(tmp_path: Path, run_cli):
    path = tmp_path / "n.docx"
    path.write_bytes(numbered_manuscript_docx())
    assert b"<w:numPr>" in zipfile.ZipFile(path).read("word/document.xml")
    result = run_cli("link", str(path))
    assert result.exit_code == 0, result.output
    assert link_counts(result.output) == (21, 21, 0)
    text = run_cli("link", str(NUMBERED))
    assert link_counts(text.output) == (21, 21, 0)


@pytest.mark.consumers
def test_pandoc_converted_manuscript_links_every_citation(tmp_path: Path, run_cli):
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        pytest.skip("pandoc is not installed")
    path = tmp_path / "n.docx"
    subprocess.run([pandoc, str(NUMBERED), "-o", str(path)], check=True)
    body = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    assert body.count("<w:numPr>") >= 15  # pandoc wrote the list as Word's automatic numbering
    assert "15. Jachiet" not in body
    result = run_cli("link", str(path))
    assert result.exit_code == 0, result.output
    assert link_counts(result.output) == (21, 21, 0)


# -- reference managers' fields ------------------------------------------------------
CITES = [
    ("VEXAS is caused by somatic mutations in UBA1", ["beck2020somatic"]),
    ("Skin and lung involvement are frequent", ["georginlavialle2022further", "obiorah2021benign"]),
    ("JAK inhibitors were an early exception", ["bourbon2021therapeutic"]),
]


def fielded_manuscript(kind: str) -> tuple[bytes, dict[str, dict]]:
    works = bundled_works()
    document = Document()
    document.add_heading("Background", level=1)
    for number, (sentence, keys) in enumerate(CITES, start=1):
        items = [works[key] for key in keys]
        shown = f"({number})"
        paragraph = document.add_paragraph()
        add_text(paragraph, sentence + " ")
        if kind == "zotero":
            add_complex_field(paragraph, zotero_instruction(items, shown), shown, chunk=97)
        elif kind == "mendeley":
            add_simple_field(paragraph, zotero_instruction(items, shown, mendeley=True), shown)
        elif number == 1:
            add_complex_field(paragraph, "ADDIN EN.CITE " + endnote_xml(items), shown)
        elif number == 2:
            add_complex_field(paragraph, "ADDIN EN.CITE.DATA", shown, data=endnote_data(items))
        else:
            add_endnote_nested_field(paragraph, endnote_data(items), shown)
        add_text(paragraph, ". Nothing else is cited here.")
    return docx_bytes(document), works


@pytest.mark.parametrize("kind", ["zotero", "mendeley", "endnote"])
def test_reference_manager_fields_import_with_identifiers_and_link(kind: str, tmp_path: Path, run_cli, settings: Settings):
    data, works = fielded_manuscript(kind)
    path = tmp_path / f"{kind}.docx"
    path.write_bytes(data)
    imported = run_cli("import", str(path))
    assert imported.exit_code == 0, imported.output
    assert "4 references, 4 new works" in imported.output
    store = Store.open(Path(run_cli.db), create=False)
    try:
        rows = list(store.db.query("select raw, format, line, extra from refs order by id"))
        keys = {row["key"]: row for row in store.db.query("select key, doi, pmid from works")}
    finally:
        store.close()
    assert {row["format"] for row in rows} == {"endnote-xml" if kind == "endnote" else "csl-json"}
    assert all(row["line"] is not None for row in rows)
    if kind != "endnote":  # the item's JSON as it stood in the field
        assert all(row["raw"].startswith('{"id": ') for row in rows)
    else:
        assert all(row["raw"].startswith("<Cite>") for row in rows)
    beck = next(row for row in keys.values() if row["doi"] == "10.1056/nejmoa2026834")
    assert beck["pmid"] == "33108101"
    linked = run_cli("link", str(path))
    assert linked.exit_code == 0, linked.output
    assert link_counts(linked.output) == (4, 4, 0)
    store = Store.open(Path(run_cli.db), create=False)
    try:
        claims = evidence_rows(store, path)
        titles = {w["key"]: w["title"] for w in store.db.query("select key, title from works")}
    finally:
        store.close()
    assert len(claims) == 3
    for claim, (sentence, cited) in zip(claims, CITES, strict=True):
        assert claim["text"].startswith(sentence)
        assert sorted(titles[s["key"]] for s in claim["sources"]) == sorted(works[k]["title"] for k in cited)
    again = run_cli("link", str(path))
    assert link_counts(again.output) == (4, 4, 0)


def test_unreadable_field_is_reported_and_its_text_kept(tmp_path: Path, run_cli):
    document = Document()
    paragraph = document.add_paragraph()
    add_text(paragraph, "Thrombosis is common ")
    add_complex_field(paragraph, 'ADDIN ZOTERO_ITEM CSL_CITATION {"citationItems": [{"itemData": ', "(3)")
    add_text(paragraph, ".")
    path = tmp_path / "broken.docx"
    path.write_bytes(docx_bytes(document))
    result = run_cli("import", str(path))
    assert result.exit_code == 3
    assert "zotero citation field '(3)' could not be read" in result.output
    copy = tmp_path / "broken-copy.docx"  # not imported yet: link reads it and says so too
    copy.write_bytes(path.read_bytes())
    linked = run_cli("link", str(copy))
    assert f"warning: {copy}:1: zotero citation field '(3)' could not be read" in linked.output


def test_a_field_item_cited_by_author_meeting_and_year_imports_and_links(tmp_path: Path, run_cli):
    """A conference abstract held without a title is a work the field cites; cited in two
    fields (alone, then with another item), both fields link."""
    abstract = {"type": "paper-conference", "author": [{"family": "Okafor", "given": "Ada"}],
                "container-title": "Invented Congress 2023", "issued": {"date-parts": [[2023]]}}
    other = bundled_works()["beck2020somatic"]
    document = Document()
    for sentence, items, shown in (("Response was 24% with JAK inhibitors", [abstract, other], "(1,2)"),
                                   ("It was 30% at six months", [abstract], "(1)")):
        paragraph = document.add_paragraph()
        add_text(paragraph, sentence + " ")
        add_complex_field(paragraph, zotero_instruction(items, shown), shown)
        add_text(paragraph, ".")
    path = tmp_path / "abstract.docx"
    path.write_bytes(docx_bytes(document))
    linked = run_cli("link", str(path))
    assert linked.exit_code == 0, linked.output
    assert "warning" not in linked.output
    assert link_counts(linked.output) == (3, 3, 0)


def test_zotero_bibliography_field_entries_join_the_works_of_the_citation_fields(tmp_path: Path, run_cli):
    """The bibliography Zotero writes is read as a list too; its entries are the same works."""
    import io

    data, works = fielded_manuscript("zotero")
    document = Document(io.BytesIO(data))
    document.add_heading("References", level=1)
    printed = [
        "Beck DB, Ferrada MA, Sikora KA, et al. Somatic mutations in UBA1 and severe adult-onset "
        "autoinflammatory disease. N Engl J Med. 2020;383(27):2628-2638.",
        "Georgin-Lavialle S, Terrier B, Guedon AF, et al. Further characterization of clinical and laboratory "
        "features in VEXAS syndrome: large-scale analysis of a multicentre case series of 116 French patients. "
        "Br J Dermatol. 2022;186(3):564-574.",
        "Obiorah IE, Patel BA, Groarke EM, et al. Benign and malignant hematologic manifestations in patients "
        "with VEXAS syndrome due to somatic mutations in UBA1. Blood Adv. 2021;5(16):3203-3215.",
        "Bourbon E, Heiblig M, Gerfaud Valentin M, et al. Therapeutic options in VEXAS syndrome: insights from "
        "a retrospective series. Blood. 2021;137(26):3682-3684.",
    ]
    first = document.add_paragraph()
    add_complex_field(first, 'ADDIN ZOTERO_BIBL {"uncited":[],"omitted":[],"custom":[]} CSL_BIBLIOGRAPHY', "1. " + printed[0])
    for number, entry in enumerate(printed[1:], start=2):
        document.add_paragraph(f"{number}. {entry}")
    path = tmp_path / "with-bibliography.docx"
    path.write_bytes(docx_bytes(document))
    imported = run_cli("import", str(path))
    assert imported.exit_code == 0, imported.output
    assert "8 references, 4 new works" in imported.output
    linked = run_cli("link", str(path))
    assert link_counts(linked.output) == (4, 4, 0)


def test_field_citations_are_placed_where_the_document_shows_them(tmp_path: Path, settings: Settings):
    """A field is linked as the pandoc citation of its works, but the stored offsets are the
    document's own: the web page highlights "(2)", not the characters a longer key takes."""
    from vexascite.link.documents import read_manuscript
    from vexascite.store.claims import markers_of_document

    data, _ = fielded_manuscript("zotero")
    path = tmp_path / "zotero.docx"
    path.write_bytes(data)
    api.import_paths(settings, [path])
    api.link_manuscript(settings, path)
    text = read_manuscript(path).text
    with Store.open(Path(settings.db), create=False) as store:
        markers = markers_of_document(store, path)
        claims = [dict(row) for row in store.db.query("select start, end, segments from claims order by ordinal")]
    assert [text[m["start"]:m["end"]] for m in markers] == ["(1)", "(2)", "(2)", "(3)"]
    assert [text[m["clause_start"]:m["clause_end"]] for m in markers][0] == CITES[0][0] + " "
    for claim, (sentence, _keys) in zip(claims, CITES, strict=True):
        assert text[claim["start"]:claim["end"]].startswith(sentence + " (")
        assert all(text[s:e] for s, e in json.loads(claim["segments"]))
