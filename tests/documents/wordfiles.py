"""Word documents made in tests with python-docx and raw WordprocessingML: automatic
numbering definitions and reference managers' citation fields as they write them.

Zotero's field (documented in its Word plugin): a complex field whose instruction is
``ADDIN ZOTERO_ITEM CSL_CITATION {json}`` split over several ``w:instrText`` runs, and
whose result is the formatted citation. Mendeley writes ``ADDIN CSL_CITATION {json}``.
EndNote writes ``ADDIN EN.CITE <EndNote>...</EndNote>`` or, for long data,
``ADDIN EN.CITE.DATA`` with the XML base64-encoded in ``w:fldData``.
"""

from __future__ import annotations

import base64
import io
import json
from typing import Any

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _run(text: str, superscript: bool = False) -> Any:
    run = parse_xml(f"<w:r {W_NS}><w:t xml:space=\"preserve\"></w:t></w:r>")
    run.find(qn("w:t")).text = text
    if superscript:
        rpr = parse_xml(f'<w:rPr {W_NS}><w:vertAlign w:val="superscript"/></w:rPr>')
        run.insert(0, rpr)
    return run


def _fld_char(kind: str, data: str | None = None) -> Any:
    run = parse_xml(f'<w:r {W_NS}><w:fldChar w:fldCharType="{kind}"/></w:r>')
    if data is not None:
        fld_data = parse_xml(f"<w:fldData {W_NS} xml:space=\"preserve\"></w:fldData>")
        fld_data.text = data
        run.find(qn("w:fldChar")).append(fld_data)
    return run


def _instr(text: str) -> Any:
    run = parse_xml(f"<w:r {W_NS}><w:instrText xml:space=\"preserve\"></w:instrText></w:r>")
    run.find(qn("w:instrText")).text = text
    return run


def add_complex_field(paragraph: Any, instruction: str, shown: str, *, chunk: int = 120,
                      data: str | None = None, superscript: bool = False) -> None:
    """A complex field: begin, the instruction in runs of ``chunk`` characters, separate,
    the shown result, end."""
    p = paragraph._p
    p.append(_fld_char("begin", data))
    for start in range(0, len(instruction), chunk):
        p.append(_instr(instruction[start : start + chunk]))
    p.append(_fld_char("separate"))
    p.append(_run(shown, superscript))
    p.append(_fld_char("end"))


def add_simple_field(paragraph: Any, instruction: str, shown: str) -> None:
    simple = parse_xml(f"<w:fldSimple {W_NS}/>")
    simple.set(qn("w:instr"), instruction)
    simple.append(_run(shown))
    paragraph._p.append(simple)


def add_text(paragraph: Any, text: str) -> None:
    paragraph._p.append(_run(text))


def zotero_instruction(items: list[dict[str, Any]], shown: str, *, mendeley: bool = False) -> str:
    """The instruction Zotero (or Mendeley) writes for a citation of ``items`` (CSL-JSON)."""
    citation = {
        "citationID": f"c{abs(hash(shown)) % 10**8}",
        "properties": {"formattedCitation": shown, "plainCitation": shown, "noteIndex": 0},
        "citationItems": [
            {"id": i + 1, "uris": [f"http://zotero.org/users/local/abc/items/ITEM{i:04d}"], "itemData": {"id": i + 1, **item}}
            for i, item in enumerate(items)
        ],
        "schema": "https://github.com/citation-style-language/schema/raw/master/csl-citation.json",
    }
    return ("ADDIN CSL_CITATION " if mendeley else "ADDIN ZOTERO_ITEM CSL_CITATION ") + json.dumps(citation, ensure_ascii=False)


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def endnote_xml(items: list[dict[str, Any]]) -> str:
    """EndNote's ``<EndNote>`` citation XML for CSL-shaped ``items``."""
    cites = []
    for number, item in enumerate(items, start=1):
        authors = "".join(
            f"<author><style face=\"normal\" font=\"default\" size=\"100%\">{_xml(a['family'])}, {_xml(a.get('given', ''))}</style></author>"
            for a in item.get("author", [])
        )
        year = item.get("issued", {}).get("date-parts", [[""]])[0][0]
        parts = [
            f"<Cite><Author>{_xml(item['author'][0]['family'])}</Author><Year>{year}</Year><RecNum>{number}</RecNum>",
            f"<DisplayText>[{number}]</DisplayText><record><rec-number>{number}</rec-number>",
            '<ref-type name="Journal Article">17</ref-type>',
            f"<contributors><authors>{authors}</authors></contributors>",
            f"<titles><title><style face=\"normal\" font=\"default\" size=\"100%\">{_xml(item['title'])}</style></title>",
            f"<secondary-title>{_xml(item.get('container-title', ''))}</secondary-title></titles>",
            f"<pages>{item.get('page', '')}</pages><volume>{item.get('volume', '')}</volume><number>{item.get('issue', '')}</number>",
            f"<dates><year>{year}</year></dates>",
        ]
        if item.get("PMID"):
            parts.append(f"<accession-num>{item['PMID']}</accession-num>")
        if item.get("DOI"):
            parts.append(f"<electronic-resource-num>{item['DOI']}</electronic-resource-num>")
        parts.append("</record></Cite>")
        cites.append("".join(parts))
    return "<EndNote>" + "".join(cites) + "</EndNote>"


def endnote_data(items: list[dict[str, Any]]) -> str:
    return base64.b64encode(endnote_xml(items).encode("utf-8")).decode("ascii")


def docx_bytes(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


NUMBERING_XML = """<w:numbering {ns}>
  <w:abstractNum w:abstractNumId="7">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="{text0}"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%1.%2.%3"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="8">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="7"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="{restart}"/></w:lvlOverride></w:num>
  <w:num w:numId="4"><w:abstractNumId w:val="8"/></w:num>
</w:numbering>"""


def numbering_element(text0: str = "%1.", restart: int = 1) -> Any:
    return parse_xml(NUMBERING_XML.format(ns=W_NS, text0=text0, restart=restart))


def numbered_document(numbering: Any) -> Any:
    """A python-docx document whose numbering part holds ``numbering`` (the default
    template has a numbering part; its content is replaced)."""
    document = Document()
    part = document.part.numbering_part
    part._element = numbering
    return document


def number_paragraph(paragraph: Any, num_id: int, level: int = 0) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def add_endnote_nested_field(paragraph: Any, data: str, shown: str) -> None:
    """EndNote's usual form: ``ADDIN EN.CITE`` whose instruction holds a nested
    ``ADDIN EN.CITE.DATA`` field carrying the base64 XML in its ``w:fldData``."""
    p = paragraph._p
    p.append(_fld_char("begin"))
    p.append(_instr(" ADDIN EN.CITE "))
    p.append(_fld_char("begin", data))
    p.append(_instr(" ADDIN EN.CITE.DATA "))
    p.append(_fld_char("end"))
    p.append(_fld_char("separate"))
    p.append(_run(shown, superscript=True))
    p.append(_fld_char("end"))
