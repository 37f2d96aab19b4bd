"""Citations a reference manager stored in a Word document's fields, as structured
references (no guessing from the shown text).

- Zotero: ``ADDIN ZOTERO_ITEM CSL_CITATION {"citationItems": [{"itemData": {...}}], ...}``;
- Mendeley: ``ADDIN CSL_CITATION {...}``, the same shape;
- EndNote: ``ADDIN EN.CITE <EndNote><Cite>...<record>...</record></Cite></EndNote>``,
  or ``ADDIN EN.CITE.DATA`` with the same XML base64-encoded in the field's data.

Each item keeps its text as it stood in the field (``raw``: the item's JSON or the
``<Cite>`` element), the paragraph line of its field, and in ``extra`` the field's index
in the document (``field``), the manager, and the shown citation text.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from typing import Any

from ..documents import CitationField
from ..ids import clean_doi, normalize_pmcid, normalize_pmid
from ..model import ImportProblem, ParsedFile, RawReference, RefStatus, Work
from ..richtext import rich_fields
from ..wording import quantity
from .csljson import _clean_item, names_a_work

__all__ = ["endnote_record_to_csl", "read_citation_fields"]

_decoder = json.JSONDecoder()


def _csl_items(instruction: str) -> list[tuple[str, Any]]:
    """(verbatim text, decoded value) of each entry of a CSL citation's citationItems."""
    start = instruction.find("{")
    if start < 0:
        raise ValueError("no JSON after CSL_CITATION")
    citation, _ = _decoder.raw_decode(instruction, start)  # validates the whole citation
    match = re.compile(r'"citationItems"\s*:\s*\[').search(instruction, start)
    if not isinstance(citation, dict) or match is None:
        raise ValueError("no citationItems in the citation")
    pos, items = match.end(), list[tuple[str, Any]]()
    while True:
        while pos < len(instruction) and instruction[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(instruction) or instruction[pos] == "]":
            return items
        value, end = _decoder.raw_decode(instruction, pos)
        items.append((instruction[pos:end], value))
        pos = end


_NOTE_IDS = re.compile(r"^\s*(PMID|PMCID|DOI)\s*:\s*(\S+)\s*$", re.I | re.M)


def _csl_work(item: Any) -> Work:
    data = item.get("itemData") if isinstance(item, dict) else None
    if not isinstance(data, dict):
        return {}
    work, _reshaped = _clean_item(data)  # what was reshaped is visible in the raw item kept
    # Zotero writes identifiers it has no CSL variable for into note as "PMID: 123"
    for name, value in _NOTE_IDS.findall(str(work.get("note") or "")):
        key = name.upper() if name.upper() != "DOI" else "DOI"
        if key in work:
            continue
        norm = {"PMID": normalize_pmid, "PMCID": normalize_pmcid, "DOI": clean_doi}[key](value)
        if norm:
            work[key] = norm
    return work


# -- EndNote ---------------------------------------------------------------------------
_ENDNOTE_TYPES = {
    "journal article": "article-journal",
    "electronic article": "article-journal",
    "book": "book",
    "edited book": "book",
    "book section": "chapter",
    "conference proceedings": "paper-conference",
    "conference paper": "paper-conference",
    "thesis": "thesis",
    "report": "report",
    "web page": "webpage",
    "newspaper article": "article-newspaper",
    "magazine article": "article-magazine",
}


def _text(element: Any) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def _name(text: str) -> dict[str, str]:
    if "," in text:
        family, given = (part.strip() for part in text.split(",", 1))
        return {"family": family, "given": given} if given else {"family": family}
    parts = text.split()
    if len(parts) > 1:
        return {"family": parts[-1], "given": " ".join(parts[:-1])}
    return {"literal": text}


def endnote_record_to_csl(cite: Any) -> Work:
    """An EndNote ``<Cite>`` element (with its ``<record>``) as a CSL item."""
    record = cite.find("record")
    if record is None:
        return {}
    work: Work = {}
    ref_type = record.find("ref-type")
    type_name = (ref_type.get("name") or "").lower() if ref_type is not None else ""
    title = _text(record.find("titles/title"))
    container = _text(record.find("titles/secondary-title")) or _text(record.find("periodical/full-title"))
    work["type"] = _ENDNOTE_TYPES.get(type_name, "article-journal" if container else "document")
    if title:
        work["title"] = title
    if container:
        work["container-title"] = container
    authors = [_name(_text(a)) for a in record.findall("contributors/authors/author") if _text(a)]
    if authors:
        work["author"] = authors
    editors = [_name(_text(a)) for a in record.findall("contributors/secondary-authors/author") if _text(a)]
    if editors:
        work["editor"] = editors
    for tag, csl in (("volume", "volume"), ("number", "issue"), ("pages", "page"), ("publisher", "publisher"),
                     ("pub-location", "publisher-place"), ("abstract", "abstract")):
        value = _text(record.find(tag))
        if value:
            work[csl] = value
    year = _text(record.find("dates/year")) or _text(cite.find("Year"))
    if re.fullmatch(r"\d{4}", year):
        work["issued"] = {"date-parts": [[int(year)]]}
    doi = clean_doi(_text(record.find("electronic-resource-num")))
    if doi:
        work["DOI"] = doi
    accession = _text(record.find("accession-num"))
    pmid = normalize_pmid(accession) if accession.isdigit() else None
    if pmid:
        work["PMID"] = pmid
    for url in record.findall("urls/related-urls/url"):
        value = _text(url)
        if value:
            work.setdefault("URL", value)
    return rich_fields(work, "plain")  # the XML's text, read: a "<" in it is text


def _endnote_cites(field: CitationField) -> list[tuple[str, Any]]:
    from lxml import etree

    xml = field.instruction.split(None, 2)[2] if len(field.instruction.split(None, 2)) > 2 else ""
    if "<EndNote" not in xml and field.data:
        try:
            decoded = base64.b64decode("".join(field.data.split()), validate=False)
        except (binascii.Error, ValueError) as exc:
            raise ValueError(f"the field's data is not base64 ({exc})") from exc
        xml = decoded.decode("utf-16") if decoded[:2] in (b"\xff\xfe", b"\xfe\xff") else decoded.decode("utf-8", "replace")
    cites = []
    for match in re.finditer(r"<Cite\b.*?</Cite>", xml, re.S):
        parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
        element = etree.fromstring(match.group(0).encode("utf-8"), parser)
        cites.append((match.group(0), element))
    if not cites:
        raise ValueError("no <Cite> in the EndNote field")
    return cites


def read_citation_fields(fields: list[CitationField]) -> ParsedFile:
    """One reference per cited item of each field, in document order."""
    parsed = ParsedFile(format="citation-fields")
    for index, field in enumerate(fields):
        extra = {"field": index, "manager": field.kind, "shown": field.shown}
        try:
            if field.kind == "endnote":
                entries = [(raw, endnote_record_to_csl(cite)) for raw, cite in _endnote_cites(field)]
                fmt = "endnote-xml"
            else:
                entries = [(raw, _csl_work(item)) for raw, item in _csl_items(field.instruction)]
                fmt = "csl-json"
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:  # nested too deep: this field, not the file
            message = f"{field.kind} citation field {field.shown!r} could not be read ({exc}); its shown text is kept"
            parsed.problems.append(ImportProblem(field.line, message))
            parsed.references.append(
                RawReference(raw=field.instruction, format="word-field", line=field.line,
                             status=RefStatus.FAILED, message=message, extra=extra)
            )
            continue
        for raw, work in entries:
            if not names_a_work(work):
                message = f"an item of the {field.kind} field {field.shown!r} has no title, name, date or identifier"
                parsed.problems.append(ImportProblem(field.line, message))
                parsed.references.append(
                    RawReference(raw=raw, format=fmt, line=field.line, status=RefStatus.FAILED, message=message, extra=extra)
                )
                continue
            parsed.references.append(RawReference(raw=raw, format=fmt, line=field.line, fields=work, extra=dict(extra)))
    if fields:
        parsed.notes.append(quantity(len(fields), "reference-manager citation field"))
    return parsed
