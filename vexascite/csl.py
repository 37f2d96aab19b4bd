"""CSL values: the one place for the rules every format shares about months, dates,
years, page ranges, name lists cut short ("and others"), name particles, and the BibTeX <-> CSL
field map. Pure functions over plain values; importers, exporters, the resolver and the store
all read them from here, so a rule changes in one place.
"""

from __future__ import annotations

import re
from typing import Any

# -- months --------------------------------------------------------------------------------
#: BibTeX's month macros, January first (also the three-letter forms PubMed writes).
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)
#: Month names, abbreviations (and ``sept``), lower case, to their number.
MONTHS: dict[str, int] = {
    **{name: number for number, name in enumerate(MONTH_ABBREVIATIONS, 1)},
    **{name: number for number, name in enumerate(_MONTH_NAMES, 1)},
    "sept": 9,
}


def month_number(text: str) -> int | None:
    """``Dec``, ``december``, ``12`` to 12; anything else (``Winter``, ``13``) to None."""
    text = text.strip().rstrip(".").lower()
    if text.isdigit():
        number = int(text)
        return number if 1 <= number <= 12 else None
    return MONTHS.get(text)


# -- dates ---------------------------------------------------------------------------------
#: An ISO date: ``2020``, ``2020-12``, ``2020-12-24``.
ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def iso_date_parts(text: str) -> list[int] | None:
    """``2020-12-24`` to ``[2020, 12, 24]``; None when the text is not an ISO date."""
    match = ISO_DATE.match(text.strip())
    return [int(g) for g in match.groups() if g] if match else None


def date_from_text(text: str | None) -> dict[str, Any] | None:
    """``2020``, ``2020 Dec 24``, ``2020/12/24/``, ``2020-12`` to a CSL date (``raw``
    when no year leads the text)."""
    if not text:
        return None
    match = re.match(r"\s*(\d{4})(?:[ /-]+([A-Za-z]{3}|\d{1,2}))?(?:[ /-]+(\d{1,2}))?", text)
    if not match:
        return {"raw": text.strip()}
    parts = [int(match.group(1))]
    month = match.group(2)
    if month:
        number = MONTHS.get(month[:3].lower()) if month.isalpha() else int(month)
        if number and 1 <= number <= 12:
            parts.append(number)
            if match.group(3) and 1 <= int(match.group(3)) <= 31:
                parts.append(int(match.group(3)))
    return {"date-parts": [parts]}


def date_parts(date: Any) -> list[list[int | str]]:
    """A CSL date's parts (one list, or two for a range); ISO strings are read too."""
    if isinstance(date, dict):
        parts = date.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            return [list(p) for p in parts[:2] if isinstance(p, list) and p]
        text = date.get("raw") or date.get("literal")
    else:
        text = date
    if isinstance(text, str):
        found = iso_date_parts(text)
        if found:
            return [list[int | str](found)]
    return []


def first_date(value: Any) -> dict[str, Any] | None:
    """A service's date object cut to its first part, as integers (None without a year)."""
    parts = (value or {}).get("date-parts") if isinstance(value, dict) else None
    if not parts or not parts[0] or parts[0][0] in (None, ""):
        return None
    return {"date-parts": [[int(p) for p in parts[0] if p not in (None, "")]]}


#: A plausible publication year in a reference or a manuscript (1600-2099), as a regular
#: expression fragment with no group: the one rule the parser, the list finder, the
#: citation markers and the matcher share.
YEAR = r"(?:1[6-9]|20)\d\d"

_YEAR_IN_TEXT = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")


def date_year(date: Any) -> int | None:
    """The year of a CSL date, whatever form it was written in."""
    date = date or {}
    parts = date.get("date-parts") if isinstance(date, dict) else None
    if parts and parts[0] and parts[0][0] not in (None, ""):
        try:
            return int(str(parts[0][0])[:4])
        except ValueError:
            return None
    raw = date.get("raw") or date.get("literal") if isinstance(date, dict) else None
    if raw:
        match = _YEAR_IN_TEXT.search(str(raw))
        if match:
            return int(match.group(1))
    return None


# -- pages ---------------------------------------------------------------------------------
#: A run of hyphens or Unicode dashes between two page numbers, with any space around it.
PAGE_DASHES = re.compile(r"\s*(?:-|[\u2010-\u2015\u2212])+\s*")


def page_range(first: str | None, last: str | None) -> str | None:
    """``first-last`` from a start and end page (the start alone when they agree)."""
    if not first:
        return None
    return f"{first}-{last}" if last and last != first else first


def pages_with_dash(pages: str, dash: str = "-") -> str:
    """A page range with one kind of dash: ``-`` in CSL, ``--`` in BibTeX."""
    return PAGE_DASHES.sub(dash, pages.strip())


# -- name lists cut short ------------------------------------------------------------------
#: A BibTeX name list that ends ``and others``: the source cut the list there.
AND_OTHERS = re.compile(r"\s+and\s+others\s*$", re.IGNORECASE)


def ends_and_others(value: str) -> bool:
    """Whether a BibTeX name list ends ``and others``."""
    return bool(AND_OTHERS.search(value))


# -- name particles ------------------------------------------------------------------------
#: Particles before a family name (``van der Werf``, ``de la Cruz``), lower case: the one list
#: the reference-string rules and the citation markers build their patterns on.
PARTICLE_WORDS = ("van", "von", "vom", "zur", "zu", "de", "des", "da", "del", "della", "der", "den", "di", "dei",
                  "do", "le", "la", "du", "dos", "ten", "ter", "af")


# -- organisations as authors --------------------------------------------------------------
#: Words of organisations' names, not people's (the one list: the reference parser and
#: the RIS and MEDLINE name readers use it).
_GROUP_WORDS = re.compile(
    r"\b(?:group|consortium|collaboration|collaborative|committee|society|association|agency|organi[sz]ation|"
    r"institute|institutes|foundation|council|college|ministry|department|centers?|centres?|network|"
    r"investigators|team|board|office|administration|federation|union|alliance|academy|program|programme|"
    r"force|panel|registry|study|trialists|working|world|national|international|who|cdc|fda|ema|nice|"
    r"university|hospital|services|commission|bureau|authority|community|members|participants|writing|steering|"
    r"coalition|initiative|partnership|project|survey|system|statistics|unit)\b",
    re.IGNORECASE,
)


def looks_like_group(text: str) -> bool:
    """Whether a name is an organisation ("VAESCO consortium", "World Health Organization")."""
    return bool(_GROUP_WORDS.search(text))


# -- the BibTeX <-> CSL field map ----------------------------------------------------------
#: BibTeX field -> CSL variable for plain text fields.
BIBTEX_TEXT_FIELDS = {
    "title": "title",
    "shorttitle": "title-short",
    "journal": "container-title",
    "journaltitle": "container-title",
    "shortjournal": "container-title-short",
    "journalabbreviation": "container-title-short",
    "volume": "volume",
    "edition": "edition",
    "publisher": "publisher",
    "address": "publisher-place",
    "location": "publisher-place",
    "series": "collection-title",
    "chapter": "chapter-number",
    "isbn": "ISBN",
    "issn": "ISSN",
    "abstract": "abstract",
    "note": "note",
    "keywords": "keyword",
    "language": "language",
    "howpublished": "medium",
    "eventtitle": "event-title",
    "venue": "event-place",
    "version": "version",
    "type": "genre",
    "url": "URL",
    "pagetotal": "number-of-pages",
}

#: BibTeX fields the importer reads into CSL variables (names, dates, identifiers and the
#: text fields above); an imported entry keeps the others for export as written.
BIBTEX_READ_FIELDS = frozenset(BIBTEX_TEXT_FIELDS) | {
    "author", "editor", "translator", "booktitle", "school", "institution", "organization", "number", "issue",
    "pages", "doi", "pmid", "pmcid", "urldate", "year", "month", "date",
}

#: BibTeX fields an export never gives back as imported: those read into CSL, those the
#: exporter writes from CSL itself (``day``, ``langid``, ``eprinttype``), and the links
#: (``crossref``, ``xdata``, ``ids``) import already resolved.
BIBTEX_MAPPED_FIELDS = BIBTEX_READ_FIELDS | {"day", "langid", "crossref", "xdata", "ids"}
