"""CSL records to RIS through rispy (pure).

RIS is plain text: markup is dropped, names are ``Family, Given``, page ranges split into
``SP``/``EP``, the library key goes in ``ID``, the PMID in ``AN`` and the PMCID in ``C2``
(where PubMed's and EndNote's RIS put them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import rispy

from ..model import Work
from .bibtex import date_parts
from .item import ExportItem
from .markup import no_controls, one_line, plain_text

RIS_TYPES = {
    "article-journal": "JOUR",
    "article": "JOUR",
    "review": "JOUR",
    "article-magazine": "MGZN",
    "article-newspaper": "NEWS",
    "book": "BOOK",
    "classic": "BOOK",
    "collection": "EDBOOK",
    "chapter": "CHAP",
    "entry-encyclopedia": "ENCYC",
    "entry-dictionary": "DICT",
    "paper-conference": "CPAPER",
    "thesis": "THES",
    "report": "RPRT",
    "webpage": "ELEC",
    "post": "ELEC",
    "post-weblog": "BLOG",
    "dataset": "DATA",
    "software": "COMP",
    "patent": "PAT",
    "manuscript": "UNPB",
    "pamphlet": "PAMP",
    "standard": "STAND",
}

_RANGE = re.compile(
    r"^\s*([^\s\-\u2010-\u2015]+)\s*[-\u2010-\u2015]+\s*([^\s\-\u2010-\u2015]+)\s*$"
)


def _string(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value.strip():
        return plain_text(value.strip())
    return None


def _ris_name(person: Any) -> str | None:
    if not isinstance(person, dict):
        return None
    if not person.get("family"):
        return person.get("literal") or person.get("given")
    family = " ".join(p for p in (person.get("non-dropping-particle"), person["family"]) if p)
    given = " ".join(p for p in (person.get("given"), person.get("dropping-particle")) if p)
    name = f"{family}, {given}" if given else family
    return f"{name}, {person['suffix']}" if person.get("suffix") else name


def _ris_date(parts: list[int | str]) -> str:
    padded = [str(p) for p in parts[:3]] + [""] * (3 - min(len(parts), 3))
    return "/".join(f"{int(p):02d}" if p.isdigit() and i else p for i, p in enumerate(padded)) + "/"


def work_to_ris(item: ExportItem) -> dict[str, Any]:
    """One work as a rispy entry (tag names spelled out)."""
    csl: Work = item.csl
    entry: dict[str, Any] = {
        "type_of_reference": RIS_TYPES.get(str(csl.get("type")), "GEN"),
        "id": item.key,
    }
    authors = [n for n in (_ris_name(p) for p in csl.get("author") or []) if n]
    if authors:
        entry["authors"] = authors
    editors = [n for n in (_ris_name(p) for p in csl.get("editor") or []) if n]
    if editors:
        entry["secondary_authors"] = editors
    simple = {
        "title": "title",
        "container-title": "secondary_title",
        "container-title-short": "alternate_title2",
        "volume": "volume",
        "issue": "number",
        "publisher": "publisher",
        "publisher-place": "place_published",
        "ISSN": "issn",
        "DOI": "doi",
        "PMID": "accession_number",
        "PMCID": "custom2",
        "abstract": "abstract",
        "language": "language",
        "edition": "edition",
        "title-short": "short_title",
    }
    for csl_name, ris_name in simple.items():
        value = _string(csl.get(csl_name))
        if value:
            entry[ris_name] = value
    if csl.get("ISBN") and "issn" not in entry:
        entry["issn"] = _string(csl["ISBN"])
    if entry.get("type_of_reference") == "JOUR" and "secondary_title" in entry:
        entry["journal_name"] = entry["secondary_title"]
    parts = date_parts(csl.get("issued"))
    if parts and parts[0]:
        entry["year"] = str(parts[0][0])
        if len(parts[0]) > 1:
            entry["date"] = _ris_date(parts[0])
    pages = _string(csl.get("page"))
    if pages:
        match = _RANGE.match(pages)
        if match:
            entry["start_page"], entry["end_page"] = match.groups()
        else:
            entry["start_page"] = pages
    url = _string(csl.get("URL"))
    if url:
        entry["urls"] = [url]
    accessed = date_parts(csl.get("accessed"))
    if accessed:
        entry["access_date"] = _ris_date(accessed[0])
    keywords = _string(csl.get("keyword"))
    if keywords:
        # subject headings hold commas ("Arthritis, Rheumatoid"): split on ";" when there is one
        entry["keywords"] = [k.strip() for k in re.split(r";" if ";" in keywords else r",", keywords) if k.strip()]
    note = _string(csl.get("note"))
    if note:
        entry["notes"] = [note]
    # the user's notes, one N1 each (a line break would end the tag's value)
    for text in item.notes:
        flat = " ".join(text.split())
        if flat:
            entry.setdefault("notes", []).append(flat)
    return entry


class _PlainRisWriter(rispy.RisWriter):
    """rispy's writer without its ``1.`` header line, which other readers show as junk."""

    def set_header(self, count: int) -> str:
        return ""


def _inert(value: Any) -> Any:
    """Every string of an entry on one line: a value holding ``\nER  -`` cannot end its
    record and start another."""
    if isinstance(value, str):
        return no_controls(one_line(value)).strip()
    if isinstance(value, list):
        return [_inert(v) for v in value]
    return value


def write_ris(items: Iterable[ExportItem]) -> str:
    """A whole RIS file (``TY`` ... ``ER`` blocks, in the order given)."""
    entries = [{tag: _inert(value) for tag, value in work_to_ris(item).items()} for item in items]
    return rispy.dumps(entries, implementation=_PlainRisWriter) if entries else ""
