"""BibTeX fields to a CSL item: entry types, names, identifiers and eprints, dates;
``crossref``/``xdata`` inheritance; and the fields CSL has no place for, kept so an
export can give them back."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ...csl import AND_OTHERS as _AND_OTHERS
from ...csl import BIBTEX_READ_FIELDS as MAPPED_FIELDS
from ...csl import BIBTEX_TEXT_FIELDS as TEXT_FIELDS
from ...csl import MONTHS, PAGE_DASHES, iso_date_parts
from ...ids import clean_doi, normalize_pmcid, normalize_pmid
from ...model import Work
from ..latex import latex_to_rich_text, latex_to_unicode, unknown_commands
from .names import parse_names

__all__ = ["ENTRY_TYPES", "EPRINT_TYPES", "KEPT_AS_TEXT", "MAPPED_FIELDS", "TEXT_FIELDS", "VERBATIM_FIELDS", "entry_to_csl",
           "fields_without_csl_home", "inherit", "inheritance_links"]

ENTRY_TYPES = {
    "article": "article-journal",
    "book": "book",
    "mvbook": "book",
    "booklet": "pamphlet",
    "inbook": "chapter",
    "incollection": "chapter",
    "bookinbook": "chapter",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "proceedings": "book",
    "mvproceedings": "book",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "techreport": "report",
    "report": "report",
    "online": "webpage",
    "www": "webpage",
    "electronic": "webpage",
    "unpublished": "manuscript",
    "manual": "book",
    "misc": "document",
    "dataset": "dataset",
    "software": "software",
    "patent": "patent",
    "periodical": "periodical",
    "preprint": "article",
}


#: ``eprinttype`` (or ``archiveprefix``) values that name an identifier the library keeps.
EPRINT_TYPES = {"pubmed": "PMID", "pmid": "PMID", "pmc": "PMCID", "pmcid": "PMCID", "arxiv": "arXiv", "doi": "DOI"}


#: Fields whose value is never LaTeX (decoding would damage URLs and identifiers).
VERBATIM_FIELDS = frozenset({"url", "doi", "eprint", "file", "pmid", "pmcid", "isbn", "issn", "urldate"})


def _date(value: str) -> dict[str, Any] | None:
    """ISO-ish dates (``2020``, ``2020-12``, ``2020-12-24``, ranges with ``/``) to date-parts."""
    value = value.strip()
    parts = iso_date_parts(value.partition("/")[0])
    if not parts:
        return {"raw": value} if value else None
    return {"date-parts": [parts]}


_PAGE_DASHES = PAGE_DASHES


#: Fields read after the loop over all fields (dates), or not mapped here at all.
_READ_LATER = frozenset({"year", "month", "date", "day"})


def _eprint(work: Work, value: str, lower: dict[str, str], notes: list[str]) -> None:
    """BibLaTeX ``eprint`` + ``eprinttype`` (BibTeX: ``archiveprefix``) as the identifier
    it is: a PubMed or PMC id, a DOI, or an arXiv id (kept as Zotero keeps a preprint's
    archive id, CSL ``number`` = ``arXiv:ID``). Other kinds (jstor, hdl, ...) stay in the
    entry and are written back as they were."""
    kind = (lower.get("eprinttype") or lower.get("archiveprefix") or "").strip().lower()
    target = EPRINT_TYPES.get(kind)
    if target is None:
        return
    checks = {"PMID": normalize_pmid, "PMCID": normalize_pmcid, "DOI": clean_doi}
    if target == "arXiv":
        arxiv = re.sub(r"(?i)^arxiv:\s*", "", value)
        if arxiv:
            work.setdefault("number", f"arXiv:{arxiv}")
        return
    found = checks[target](value)
    if found:
        work.setdefault(target, found)
    else:
        notes.append(f"eprint {value!r} is not a {target}")


#: Identifier fields: CSL variable, how the value is checked, whether a value that is
#: not one is noted (a PMCID field holding something else is common and harmless).
_IDENTIFIER_FIELDS: dict[str, tuple[str, Callable[[str], str | None], bool]] = {
    "doi": ("DOI", clean_doi, True), "pmid": ("PMID", normalize_pmid, True), "pmcid": ("PMCID", normalize_pmcid, False),
}


#: Fields whose italics, bold, sub- and superscripts CSL keeps as rich text (``\\textit{UBA1}`` -> ``<i>UBA1</i>``).
#: Fields read as CSL rich text (``richtext``'s rule for text fields): font commands become
#: CSL's tags, and the value's own ``<`` or ``&`` stays text.
_RICH_FIELDS = frozenset(["title", "journal", "journaltitle", "subtitle", "shorttitle", "series", "abstract", "eventtitle"])


#: How a note on LaTeX commands kept as text begins (the importer reports these notes as problems).
KEPT_AS_TEXT = "LaTeX command"


def _note_unknown_commands(name: str, value: str, notes: list[str]) -> None:
    """Say which commands of a field were kept as text: unknown or unsafe (``\\input``,
    ``\\write18``), they are never run and never silently dropped."""
    commands = unknown_commands(value)
    if commands:
        listed = ", ".join("\\" + command for command in commands)
        plural = "s" if len(commands) > 1 else ""
        notes.append(f"{KEPT_AS_TEXT}{plural} {listed} in {name} not read (unknown or unsafe): kept as text")


def _said(name: str, value: str, text: str, notes: list[str]) -> str:
    """``text`` (``value`` decoded), with a note when it kept a command as text."""
    if "\\" in text:
        _note_unknown_commands(name, value, notes)
    return text


def entry_to_csl(entry_type: str, fields: dict[str, str]) -> tuple[Work, list[str]]:
    """Map resolved BibTeX fields to a CSL item; returns the item and notes on odd values."""
    notes: list[str] = []
    work: Work = {"type": ENTRY_TYPES.get(entry_type, "document")}
    lower = {k.lower(): v for k, v in fields.items()}
    if entry_type == "misc" and lower.get("journal"):
        work["type"] = "article-journal"
    elif entry_type == "misc" and (lower.get("urldate") or (lower.get("url") and not lower.get("publisher"))):
        work["type"] = "webpage"  # how Zotero and most tools write a web page in BibTeX
    if entry_type in ("mastersthesis", "phdthesis"):
        work["genre"] = "Master's thesis" if entry_type == "mastersthesis" else "PhD thesis"
    for name, value in lower.items():
        if not value or value.isspace() or name in _READ_LATER:
            continue
        target = TEXT_FIELDS.get(name)
        if target is not None:  # most fields: checked first
            text = value.strip() if name in VERBATIM_FIELDS else latex_to_rich_text(value) if name in _RICH_FIELDS else latex_to_unicode(value)
            if "\\" in text and name not in VERBATIM_FIELDS:  # (a command kept as text leaves its backslash)
                _note_unknown_commands(name, value, notes)
            work.setdefault(target, text)
        elif name in ("author", "editor", "translator"):
            role = name
            people, truncated = parse_names(value)
            if "\\" in value and any("\\" in part for person in people for part in person.values() if isinstance(part, str)):
                _note_unknown_commands(name, value, notes)
            if people:
                work[role] = people
            if truncated:
                notes.append(f"{role} list ends with 'and others'")
                if role == "author":
                    work["et-al"] = True  # the list is cut (as the string parser marks "et al.")
        elif name == "booktitle":
            target = "event-title" if entry_type == "proceedings" else "container-title"
            work.setdefault(target, _said(name, value, latex_to_rich_text(value), notes))
        elif name in ("school", "institution", "organization"):
            work.setdefault("publisher", _said(name, value, latex_to_unicode(value), notes))
        elif name == "number":
            target = "issue" if entry_type in ("article", "periodical") or "journal" in lower else "number"
            work[target] = latex_to_unicode(value)
        elif name == "issue":
            work["issue"] = latex_to_unicode(value)
        elif name == "pages":
            work["page"] = _PAGE_DASHES.sub("-", latex_to_unicode(value))
        elif name in _IDENTIFIER_FIELDS:
            target, normalise, say_if_not = _IDENTIFIER_FIELDS[name]
            found = normalise(value)
            if found:
                work[target] = found
            elif say_if_not:
                notes.append(f"{name} {value!r} is not a {target}")
        elif name == "eprint":
            _eprint(work, value.strip(), lower, notes)
        elif name == "urldate":
            accessed = _date(value)
            if accessed:
                work["accessed"] = accessed
    issued = _date(lower["date"]) if lower.get("date") else None
    if issued is None and lower.get("year"):
        year = latex_to_unicode(lower["year"])
        if len(year) == 4 and year.isdigit():
            parts = [int(year)]
            month = lower.get("month", "").strip().lower()
            if month.isdigit() and 1 <= int(month) <= 12:
                parts.append(int(month))
            elif month[:3] in MONTHS:
                parts.append(MONTHS[month[:3]])
            issued = {"date-parts": [parts]}
        else:
            issued = {"raw": year}
    if issued:
        work["issued"] = issued
    return work, notes


def inherit(child: dict[str, str], parent: dict[str, str], child_type: str) -> dict[str, str]:
    """BibTeX ``crossref`` / BibLaTeX ``xdata`` inheritance: the child's own fields win."""
    merged = dict(child)
    for name, value in parent.items():
        lname = name.lower()
        if lname in ("crossref", "xdata", "ids"):
            continue
        if lname == "title" and child_type in ("inbook", "incollection", "inproceedings", "conference", "bookinbook"):
            merged.setdefault("booktitle", value)
            continue
        if lname == "author" and child_type in ("inbook", "bookinbook"):
            merged.setdefault("bookauthor", value)
            continue
        if lname not in {k.lower() for k in merged}:
            merged[name] = value
    return merged


def fields_without_csl_home(own: dict[str, str]) -> dict[str, str]:
    """The fields an export must give back as written: those CSL has no place for, and
    name lists that end ``and others`` (CSL cannot say a list was cut). The rest is in
    the CSL item and, verbatim, in the raw entry."""
    kept = {}
    for name, value in own.items():
        lowered = name.lower()
        if lowered not in MAPPED_FIELDS or (
            lowered in ("author", "editor", "translator") and value.rstrip()[-6:].lower() == "others" and _AND_OTHERS.search(value)
        ):
            kept[name] = value
    return kept


def inheritance_links(own: dict[str, str]) -> list[tuple[str, str]]:
    return [
        (name.lower(), parent.strip())
        for name, value in own.items()
        if name.lower() in ("crossref", "xdata")
        for parent in value.split(",")
        if parent.strip()
    ]
