"""RIS, CSL-JSON, MEDLINE, PubMed XML and identifier lists."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from vexascite.importers import detect_format
from vexascite.importers.csljson import read_csljson
from vexascite.importers.idlist import read_identifier_list
from vexascite.importers.medline import read_medline
from vexascite.importers.pubmedxml import read_pubmed_xml
from vexascite.importers.ris import read_ris
from vexascite.model import RefStatus

DATA = Path(__file__).resolve().parents[1] / "data" / "import"
READERS = [read_csljson, read_identifier_list, read_medline, read_pubmed_xml, read_ris]


def test_ris_entries_map_to_csl():
    parsed = read_ris((DATA / "same.ris").read_text())
    assert [ref.line for ref in parsed.references] == [1, 14, 22]
    first = parsed.references[0].fields
    assert first["author"][0] == {"family": "Jachiet", "given": "V."}
    assert first["container-title"] == "Blood"
    assert first["page"] == "1450-1461"
    assert first["DOI"] == "10.1182/blood.2024028133"
    assert parsed.references[2].fields["container-title"] == "Arthritis Rheumatol"


def test_ris_truncated_entry_is_read_and_reported():
    parsed = read_ris("TY  - JOUR\nTI  - A title\nAU  - Doe, J.\n")
    assert parsed.references[0].fields["title"] == "A title"
    assert "ER" in parsed.problems[0].message


def test_csljson_list_object_and_items_forms():
    listed = read_csljson((DATA / "same.json").read_text())
    assert len(listed.references) == 3 and listed.problems == []
    assert listed.references[0].fields["DOI"] == "10.1182/BLOOD.2024028133"
    assert listed.references[0].entry_key == "item1"
    assert listed.references[1].line == 5
    single = read_csljson('{"id": "a", "type": "book", "title": "T"}')
    assert single.references[0].fields == {"type": "book", "title": "T"}
    wrapped = read_csljson('{"items": [{"title": "A"}, {"title": "B"}]}')
    assert [r.fields["title"] for r in wrapped.references] == ["A", "B"]


def test_csljson_syntax_error_keeps_items_before_it():
    parsed = read_csljson('[{"title": "A"},\n {"title": "B"},\n {"title": oops}, {"title": "C"}]')
    assert [r.fields.get("title") for r in parsed.references] == ["A", "B", None, "C"]
    assert parsed.references[2].status == RefStatus.FAILED and parsed.references[2].raw == '{"title": oops}'
    assert parsed.problems[0].line == 3


def test_csljson_item_that_is_not_an_object_is_a_failed_reference():
    parsed = read_csljson('[{"title": "A", "author": "Doe"}, 5]')
    assert [r.status for r in parsed.references] == [RefStatus.PARSED, RefStatus.FAILED]
    assert parsed.references[0].fields["author"] == [{"literal": "Doe"}]
    assert "author was a single name" in parsed.problems[0].message


def test_medline_records_with_continuation_lines():
    parsed = read_medline((DATA / "same.nbib").read_text())
    assert len(parsed.references) == 3
    first = parsed.references[0].fields
    assert first["title"] == "Efficacy and safety of azacitidine for VEXAS syndrome: a large-scale retrospective study from FRENVEX"
    assert first["PMID"] == "40373272"
    assert first["DOI"] == "10.1182/blood.2024028133"
    assert first["issued"] == {"date-parts": [[2025, 9, 18]]}
    assert first["author"][0] == {"family": "Jachiet", "given": "V"}
    assert parsed.references[1].line == 16


def test_pubmed_xml_takes_the_article_ids_not_the_reference_list_ids(shared_dir):
    text = (shared_dir / "fixtures/pubmed/efetch_pubmed_29915538.xml").read_text(encoding="utf-8")
    parsed = read_pubmed_xml(text)
    assert len(parsed.references) == 1
    work = parsed.references[0].fields
    assert work["PMID"] == "29915538"
    assert work["title"]
    assert work["author"]
    assert "DOI" in work and "PMCID" in work
    assert work["DOI"].lower() in text.lower()


def test_identifier_lists_in_any_written_form():
    parsed = read_identifier_list((DATA / "ids.txt").read_text() + "not an identifier\n")
    fields = [ref.fields for ref in parsed.references if ref.status == RefStatus.IDENTIFIER]
    assert fields == [{"DOI": "10.1182/blood.2024028133"}, {"DOI": "10.1182/blood.2022016642"}, {"PMID": "40373272"}]
    assert parsed.problems[0].line == 5


def test_format_detection_by_content_then_extension():
    assert detect_format("x.txt", "@article{a, title={T}}") == "bibtex"
    assert detect_format("x.data", "TY  - JOUR\n") == "ris"
    assert detect_format("x.data", "PMID- 1\n") == "medline"
    assert detect_format("x.json", '[{"title": "T"}]') == "csl-json"
    assert detect_format("x.txt", "# ids\n10.1182/blood.2022016642\nPMID: 40373272\n") == "ids"
    assert detect_format("x.txt", "1. Beck DB, Ferrada MA. Somatic mutations. N Engl J Med. 2020;383:2628.") == "text"


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_structured_readers_never_raise(text):
    for reader in READERS:
        parsed = reader(text)
        assert all(isinstance(ref.raw, str) for ref in parsed.references)


def test_csljson_lines_and_parse_output_come_back_whole():
    lines = (
        '{"type": "article-journal", "title": "A", "raw": "1. Doe J. A. J Test. 2020;1:2.", "citation-number": "1"}\n'
        '{"raw": ""}\n'
        '{"type": "book", "title": "B"}\n'
    )
    parsed = read_csljson(lines)
    first, second = parsed.references
    assert first.format == "text" and first.raw == "1. Doe J. A. J Test. 2020;1:2."
    assert first.fields == {"type": "article-journal", "title": "A"} and first.number == 1
    assert (second.format, second.line, second.fields["title"]) == ("csl-json", 3, "B")
    assert parsed.notes and "empty raw" in parsed.notes[0]


def test_json_that_holds_no_references_is_refused():
    for text in ('{"status": "ok", "message": {"total": 0}}', '[{"type": "dark"}, {"fontSize": 12}]', "[]"):
        parsed = read_csljson(text)
        assert parsed.references == []
        assert (parsed.refused is not None) == (text != "[]")
    assert read_csljson('[{"theme": "dark"}, {"title": "T"}]').refused is None


def test_an_item_with_only_a_csl_type_is_still_an_item():
    parsed = read_csljson('[{"id": "k", "type": "book"}]')
    assert parsed.refused is None and parsed.references[0].fields == {"type": "book"}


def test_a_doi_with_markup_characters_is_refused_by_every_importer_and_said() -> None:
    """One DOI rule (ids.clean_doi) at every entry point: nothing like a tag or a quote is stored."""
    from vexascite.importers.bibtex import read_bibtex

    evil = '10.5555/evil"><script>'
    readings = {
        "bibtex": read_bibtex("@article{k1, title = {T}, doi = {" + evil + "}}\n"),
        "ris": read_ris(f"TY  - JOUR\nID  - k1\nTI  - T\nDO  - {evil}\nER  - \n"),
        "csljson": read_csljson('[{"id": "k1", "type": "article-journal", "title": "T", "DOI": "10.5555/evil\\"><script>"}]'),
    }
    for name, parsed in readings.items():
        [ref] = parsed.references
        assert "DOI" not in ref.fields, name
        said = [p.message for p in parsed.problems] + [ref.message or ""]
        assert any("is not a DOI" in message for message in said), (name, said)
