"""Citation fields of Word documents read as structured references."""

from __future__ import annotations

import json

from tests.documents.wordfiles import endnote_data, endnote_xml, zotero_instruction
from vexascite.documents import CitationField
from vexascite.importers.wordfields import read_citation_fields
from vexascite.model import RefStatus

ITEM = {
    "type": "article-journal",
    "title": "Somatic mutations in UBA1 and severe adult-onset autoinflammatory disease",
    "author": [{"family": "Beck", "given": "D. B."}, {"family": "Ferrada", "given": "M. A."}],
    "container-title": "N Engl J Med",
    "issued": {"date-parts": [[2020]]},
    "volume": "383",
    "issue": "27",
    "page": "2628-2638",
    "DOI": "10.5555/vexas.0001",
    "PMID": "99999901",
}


def field(kind: str, instruction: str, data: str | None = None) -> CitationField:
    return CitationField(kind, instruction, 4, 10, 13, "(1)", data)


def test_zotero_items_keep_their_json_verbatim_and_identifiers():
    second = {"type": "webpage", "title": "A page", "note": "PMID: 99999902\nother"}
    instruction = zotero_instruction([ITEM, second], "(1,2)")
    parsed = read_citation_fields([field("zotero", instruction)])
    first, other = parsed.references
    assert first.raw in instruction and json.loads(first.raw)["itemData"]["title"] == ITEM["title"]
    assert first.fields["DOI"] == "10.5555/vexas.0001" and first.fields["PMID"] == "99999901"
    assert "id" not in first.fields
    assert other.fields["PMID"] == "99999902"  # from Zotero's note
    assert first.line == 4 and first.extra == {"field": 0, "manager": "zotero", "shown": "(1)"}
    assert parsed.notes == ["1 reference-manager citation field"]


def test_endnote_inline_and_base64_data_read_the_same():
    inline = read_citation_fields([field("endnote", "ADDIN EN.CITE " + endnote_xml([ITEM]))]).references[0]
    encoded = read_citation_fields([field("endnote", "ADDIN EN.CITE.DATA", endnote_data([ITEM]))]).references[0]
    assert inline.fields == encoded.fields
    assert inline.raw.startswith("<Cite>") and inline.raw.endswith("</Cite>")
    fields = inline.fields
    assert fields["type"] == "article-journal"
    assert fields["title"] == ITEM["title"]
    assert fields["author"][0] == {"family": "Beck", "given": "D. B."}
    assert fields["container-title"] == "N Engl J Med"
    assert fields["issued"] == {"date-parts": [[2020]]}
    assert (fields["volume"], fields["issue"], fields["page"]) == ("383", "27", "2628-2638")
    assert (fields["DOI"], fields["PMID"]) == ("10.5555/vexas.0001", "99999901")


def test_unreadable_fields_and_empty_items_are_failed_references_with_problems():
    parsed = read_citation_fields([
        field("zotero", "ADDIN ZOTERO_ITEM CSL_CITATION {not json"),
        field("endnote", "ADDIN EN.CITE.DATA", "!!!notbase64"),
        field("mendeley", zotero_instruction([{"type": "book"}], "(2)", mendeley=True)),
    ])
    assert [r.status for r in parsed.references] == [RefStatus.FAILED] * 3
    assert [p.line for p in parsed.problems] == [4, 4, 4]
    assert parsed.references[0].raw == "ADDIN ZOTERO_ITEM CSL_CITATION {not json"  # kept verbatim


def test_an_item_cited_by_author_meeting_and_year_is_a_work():
    """A conference abstract a reference manager holds without a title is still the work
    the field cites: imported, not refused."""
    abstract = {"type": "paper-conference", "author": [{"family": "Okafor", "given": "Ada"}],
                "container-title": "Invented Congress 2023", "issued": {"date-parts": [[2023]]}}
    parsed = read_citation_fields([field("zotero", zotero_instruction([abstract, ITEM], "(1,2)"))])
    assert [r.status for r in parsed.references] == [RefStatus.PARSED] * 2
    assert parsed.references[0].fields["author"] == [{"family": "Okafor", "given": "Ada"}]
    assert parsed.problems == []


def test_a_field_nested_past_the_recursion_limit_fails_alone():
    """A citation whose JSON nests 50,000 deep made the whole document 'could not be
    imported': the other fields and the reference list were lost with it."""
    good = {"id": 1, "type": "article-journal", "title": "A good field item", "DOI": "10.5555/field.1"}
    deep = "ADDIN ZOTERO_ITEM CSL_CITATION " + '{"citationItems": [{"itemData": ' + "[" * 50_000 + "]" * 50_000 + "}]}"
    parsed = read_citation_fields([field("zotero", zotero_instruction([good], "(1)")), field("zotero", deep)])
    assert [r.status for r in parsed.references] == [RefStatus.PARSED, RefStatus.FAILED]
    assert parsed.references[0].fields["DOI"] == "10.5555/field.1"
    assert "could not be read" in parsed.problems[0].message
