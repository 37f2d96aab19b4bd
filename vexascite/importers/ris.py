"""RIS files (EndNote, Zotero, PubMed, publisher exports) through rispy, entry by entry."""

from __future__ import annotations

import re
from typing import Any

import rispy

from ..ids import clean_doi, normalize_pmid
from ..model import ImportProblem, ParsedFile, RawReference, Work, subject_keyword
from ..richtext import rich_fields
from ._names import date_parts_from_text, page_range, person_from_inverted

RIS_TYPES = {
    "JOUR": "article-journal", "JFULL": "article-journal", "EJOUR": "article-journal", "MGZN": "article-magazine",
    "NEWS": "article-newspaper", "BOOK": "book", "EBOOK": "book", "EDBOOK": "book", "CHAP": "chapter",
    "ECHAP": "chapter", "CONF": "paper-conference", "CPAPER": "paper-conference", "ABST": "article",
    "THES": "thesis", "RPRT": "report", "ELEC": "webpage", "WEB": "webpage", "DATA": "dataset",
    "COMP": "software", "PAT": "patent", "UNPB": "manuscript", "GEN": "document", "INPR": "article-journal",
}
_ENTRY_START = re.compile(r"^TY  - ", re.M)
_ENTRY_END = re.compile(r"^ER  -.*$", re.M)


def _first(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def ris_to_csl(entry: dict[str, Any]) -> Work:
    """Map one rispy entry to a CSL item."""
    work: Work = {"type": RIS_TYPES.get(str(entry.get("type_of_reference", "")).upper(), "document")}
    authors = entry.get("authors") or entry.get("first_authors") or []
    if authors:
        work["author"] = [person_from_inverted(a) for a in authors if a.strip()]
    editors = entry.get("secondary_authors") if work["type"] in ("chapter", "book") else None
    if editors:
        work["editor"] = [person_from_inverted(a) for a in editors if a.strip()]
    title = _first(entry.get("title")) or _first(entry.get("primary_title"))
    if title:
        work["title"] = title
    container = (
        _first(entry.get("secondary_title")) or _first(entry.get("journal_name")) or _first(entry.get("alternate_title3"))
    )
    if container:
        work["container-title"] = container
    short = _first(entry.get("alternate_title1")) or _first(entry.get("alternate_title2"))
    if short:
        work["container-title-short"] = short
    issued = date_parts_from_text(_first(entry.get("year")) or _first(entry.get("publication_year")) or _first(entry.get("date")))
    if issued:
        work["issued"] = issued
    for source, target in (("volume", "volume"), ("number", "issue"), ("publisher", "publisher"),
                           ("place_published", "publisher-place"), ("edition", "edition"), ("abstract", "abstract"),
                           ("issn", "ISSN"), ("language", "language")):
        value = _first(entry.get(source))
        if value:
            work[target] = value
    pages = page_range(_first(entry.get("start_page")), _first(entry.get("end_page")))
    if pages:
        work["page"] = pages
    doi = clean_doi(_first(entry.get("doi")))
    if doi:
        work["DOI"] = doi
    urls = entry.get("urls") or []
    for url in urls:
        if not isinstance(url, str):
            continue
        if "doi.org/" in url and "DOI" not in work and clean_doi(url):
            work["DOI"] = clean_doi(url)
        elif "URL" not in work:
            work["URL"] = url
    accessed = date_parts_from_text(_first(entry.get("access_date")))
    if accessed:
        work["accessed"] = accessed
    for note in entry.get("notes") or []:
        pmid = own_pmid_in_note(note) if isinstance(note, str) else None
        if pmid and "PMID" not in work:
            work["PMID"] = pmid
    accession = _first(entry.get("accession_number"))
    if accession and accession.isdigit() and "PMID" not in work:
        db = (_first(entry.get("name_of_database")) or "") + (_first(entry.get("database_provider")) or "")
        if "pubmed" in db.lower() or "nlm" in db.lower():
            work["PMID"] = accession
    keywords = [k for k in entry.get("keywords") or [] if isinstance(k, str)]
    subjects = subject_keyword(keywords)
    if subjects:
        work["keyword"] = subjects
    return rich_fields(work, "csl")  # Zotero writes a title's <i> into RIS; any other tag is text


#: A note that states the work's own PMID and nothing else (as Zotero and PubMed write
#: it); "Comment on PMID: ..." or "Erratum in: ... PMID: ..." name another paper.
_OWN_PMID_NOTE = re.compile(r"^\s*PMID\s*:?\s*(\d{1,9})\s*(?:\[[^\]]*\]\s*)*$", re.IGNORECASE)


def own_pmid_in_note(note: str) -> str | None:
    """The PMID a note states as the work's own: a line holding only ``PMID: n``."""
    for line in note.splitlines():
        match = _OWN_PMID_NOTE.match(line)
        if match:
            return normalize_pmid(match.group(1))
    return None


_LOOSE_TAG = re.compile(r"^([A-Z][A-Z0-9])[ \t]*-[ \t]?", re.M)
_LOOSE_START = re.compile(r"^TY[ \t]*-", re.M)
_LOOSE_END = re.compile(r"^ER[ \t]*-.*$", re.M)
#: A tagged line outside every entry: a record whose ``TY`` line is missing.
_STRAY_TAG = re.compile(r"^(?!ER)[A-Z][A-Z0-9][ \t]*-[ \t]", re.M)
_STRAY = "RIS tags outside an entry (no 'TY  - ' line opens them); add one (for example 'TY  - JOUR') and import again"


def _stray_lines(parsed: ParsedFile, text: str, begin: int, end: int, line_at_end: int) -> None:
    """Keep the tagged lines between two entries (``text[begin:end]``, ``end`` on line
    ``line_at_end``) as a failed reference: they were passed by without a word."""
    match = _STRAY_TAG.search(text, begin, end)
    if match:
        line = line_at_end - text.count("\n", match.start(), end)
        parsed.unreadable(text[match.start() : end].rstrip("\r\n"), line, _STRAY)


def read_ris(text: str) -> ParsedFile:
    parsed = ParsedFile(format="ris")
    entry_start, entry_end, loose = _ENTRY_START, _ENTRY_END, False
    if not _ENTRY_START.search(text) and _LOOSE_START.search(text):
        # tags written "TY - JOUR" (one space, a tab) all through the file: read them so
        entry_start, entry_end, loose = _LOOSE_START, _LOOSE_END, True
        parsed.problems.append(ImportProblem(1, "RIS tags not written 'XX  - ' (two spaces, dash, space); read anyway"))
    starts = [m.start() for m in entry_start.finditer(text)]
    if not starts and text.strip():
        parsed.problems.append(ImportProblem(1, "no RIS entries (lines starting 'TY  - ') found"))
    line, counted, previous_end = 1, 0, 0
    for index, start in enumerate(starts):
        limit = starts[index + 1] if index + 1 < len(starts) else len(text)
        end_match = entry_end.search(text, start, limit)
        block = text[start : end_match.end() if end_match else limit]  # verbatim: the raw entry
        line += text.count("\n", counted, start)  # counted on from the last entry: linear in the file
        counted = start
        _stray_lines(parsed, text, previous_end, start, line)
        previous_end = start + len(block)
        readable = _LOOSE_TAG.sub(lambda m: f"{m.group(1)}  - ", block) if loose else block
        if not end_match:
            message = "entry has no closing 'ER  -' line (truncated?); read what was there"
            parsed.problems.append(ImportProblem(line, message))
            readable = readable.rstrip() + "\nER  - \n"
        try:
            entries = rispy.loads(readable, skip_unknown_tags=False)
        except Exception as exc:  # rispy raises plain exceptions for malformed input
            message = f"not a valid RIS entry ({exc}); check the tags"
            parsed.unreadable(block, line, message)
            continue
        for entry in entries:
            work = parsed.converted(ris_to_csl, entry, block, line, "RIS entry")
            if work is None:
                continue
            stated = _first(entry.get("doi"))
            if stated and "DOI" not in work:  # kept in the raw entry, not as the work's DOI: said
                parsed.problems.append(ImportProblem(line, f"DO {stated[:80]!r} is not a DOI; left out", _first(entry.get("id"))))
            parsed.references.append(
                RawReference(raw=block, format="ris", line=line, fields=work, entry_key=_first(entry.get("id")),
                             extra={"ris": {k: v for k, v in entry.items() if k in ("unknown_tag", "custom1", "notes", "label")}} )
            )
    if starts:
        _stray_lines(parsed, text, previous_end, len(text), line + text.count("\n", counted, len(text)))
    return parsed
