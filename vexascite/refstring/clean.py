"""First pass over a reference string: take out what regular expressions read for certain.

Identifiers (DOI, PMID, PMCID), URLs, access dates, bracketed notes such as
``[published correction appears in ...]`` and Markdown emphasis are read and removed
here, so the field parsers only see authors, title, source and numbers. Every pattern
is linear (no nested quantifiers), so long or hostile input costs linear time.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..csl import MONTHS
from ..ids import DOI_START, normalize_doi

_LEADING_NUMBER = re.compile(r"^\s*(?:[-*+]\s+)?(?:\[(\d{1,4})\]|\((\d{1,4})\)|(\d{1,4})[.)](?!\d)|(\d{1,4})\s+(?=[A-Z\u00c0-\u024f]))\s*")
_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,2}|_{1,2})(?=\S)([^*_\n]{1,300}?)(?<=\S)\1(?![\w*])")
_ANGLE_URL = re.compile(r"<((?:https?://|www\.)[^<>\s]{1,2000})>")
_DOI = re.compile(
    r"(?:\b(?:doi|DOI|Doi)\s*[:.]?\s*|(?:https?://)?(?:dx\.)?doi\.org/|\bhttps?://doi\.org/)?"
    r"(" + DOI_START + r"[^\s\"]{1,300})"
)
#: A DOI broken by a line wrap: "doi:10. 1890/...", "10.1002/ (SICI)...".
_DOI_BROKEN = re.compile(r"\b(10\.)\s+(\d{4,9}/)|\b(10\.\d{4,9}/)\s+(?=[(\w])")
#: Where text glued to a DOI starts: ".URL http...", ",in press", ".PMID".
_DOI_GLUED_END = re.compile(r"\.(?=(?:URL|url|Available|Accessed|PMID|PMCID|Epub|pmid)\b)|,(?=[A-Za-z])")
_PMID = re.compile(r"\b(?:PMID|PubMed\s*ID|PubMed)\s*[:#]?\s*(\d{1,9})\b", re.IGNORECASE)
_PMCID = re.compile(r"\b(?:(?:PubMed\s+Central\s+)?PMCID\s*[:#]?\s*)?(?:PMC)?(PMC\d{3,9})\b")
_URL = re.compile(r"(?:\bURL\s*:?\s*)?((?:https?://|www\.)[^\s<>\"]{2,2000})", re.IGNORECASE)
_ACCESSED = re.compile(
    r"[\[(]?\b(?:last\s+)?(?:accessed|cited|retrieved|viewed|consulted|visited|date\s+accessed)(?:\s+on)?\s*:?\s*"
    r"([^\]\n;()]{0,40}?\d{4}(?:\s+[A-Za-z]{3,9}\.?(?:\s+\d{1,2}(?!\d))?)?)[\])]?(?=$|[.;,\s\])])",
    re.IGNORECASE,
)
_AVAILABLE = re.compile(r"\b(?:Available\s+(?:from|at|online)(?:\s+at)?|Online|Retrieved\s+from|Accessed\s+at)\s*:?\s*$", re.IGNORECASE)
_NOTE_BRACKET = re.compile(
    r"\s*\[(?:published\s|erratum|correction|corrected|retraction|retracted|epub|e-pub|internet|online|serial|"
    r"review|in\s+[A-Z][a-z]+|abstract|letter|editorial|comment|see\s|database|homepage|cd-rom|pdf|e-?book|"
    r"monograph|dissertation|thesis|preprint|updated|cited\s)[^\[\]]{0,400}\]",
    re.IGNORECASE,
)
_EPUB = re.compile(
    r"\b(?:Epub|E-pub|Published\s+online)(?:\s+ahead\s+of\s+print|:?\s+\d{4}(?:[/-]\d{1,2}(?:[/-]\d{1,2})?|(?:\s+[A-Z][a-z]{2,8}\.?)?(?:\s+\d{1,2})?))?\.?|"
    r"\S+\s+\[pii\]|[\[(]?\bin\s+press\b[\])]?\.?\s*$",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:])")
_REPEATED_PUNCT = re.compile(r"([.,;:])(?:\s*[.,;:])+")
#: Control and format characters (C0, C1, zero-width, bidi marks, BOM), unassigned and surrogates.
_UNPRINTABLE = re.compile(r"[^\S ]|[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff0-\uffff\ud800-\udfff]")


@dataclass(slots=True)
class Cleaned:
    """A reference string with identifiers taken out, and what was taken out."""

    text: str
    number: int | None = None
    #: The string with only emphasis, list number and bracketed notes taken out (the tagger's input).
    light: str = ""
    doi: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    url: str | None = None
    accessed: list[int] | None = None
    notes: list[str] = field(default_factory=list)
    emphasis: list[str] = field(default_factory=list)


def normalise_text(text: str) -> str:
    """NFC, one kind of space, no control characters, no soft hyphens (never printed inside
    a line, so ``Infra\u00adstructure`` is one word)."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text).replace("\u00ad", "")
    if not text.isprintable():
        text = _UNPRINTABLE.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def split_number(text: str) -> tuple[int | None, str]:
    """Take a printed list number (``12.``, ``[12]``, ``(12)``) off the front."""
    match = _LEADING_NUMBER.match(text)
    if not match:
        return None, text
    number = next(int(group) for group in match.groups() if group is not None)
    rest = text[match.end() :]
    # "2005 Smith J" is unlikely; a four-digit "number" followed by text is a year.
    if number >= 1000 and not match.group(1) and not match.group(2):
        return None, text
    return number, rest


def parse_date_text(text: str) -> list[int] | None:
    """Read ``30 August 2021``, ``2021 Aug 30``, ``August 30, 2021`` or ``2021-08-30``."""
    text = text.strip(" .,;:[]()")
    match = re.search(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if match:
        return [int(match.group(1)), int(match.group(2)), int(match.group(3))]
    year_match = re.search(r"(?<!\d)(1[6-9]\d\d|20\d\d)(?!\d)", text)
    if not year_match:
        return None
    parts = [int(year_match.group(1))]
    month_match = re.search(r"\b([A-Za-z]{3,9})\.?\b", text)
    if month_match and month_match.group(1).lower() in MONTHS:
        parts.append(MONTHS[month_match.group(1).lower()])
        rest = text.replace(year_match.group(1), " ")
        day_match = re.search(r"(?<!\d)(\d{1,2})(?!\d)", rest)
        if day_match and 1 <= int(day_match.group(1)) <= 31:
            parts.append(int(day_match.group(1)))
    return parts


def _strip_link(value: str) -> str:
    while value and value[-1] in ".,;:)]}>'\"":
        closing = value[-1]
        opening = {")": "(", "]": "[", ">": "<"}.get(closing)
        if opening and value.count(opening) >= value.count(closing):
            break
        value = value[:-1]
    return value


def clean_reference(text: str) -> Cleaned:
    """Read identifiers, links, notes and emphasis out of a reference string."""
    text = normalise_text(text)
    number, text = split_number(text)
    result = Cleaned(text="", number=number)

    def take_emphasis(match: re.Match[str]) -> str:
        inner = match.group(2)
        result.emphasis.append(inner.strip().rstrip(".,;:").strip())
        return inner

    if "*" in text or "_" in text:
        text = _EMPHASIS.sub(take_emphasis, text)
    text = _ANGLE_URL.sub(lambda m: m.group(1), text)
    result.light = _SPACES.sub(" ", _NOTE_BRACKET.sub(" ", text)).strip() if "[" in text else text

    def take_doi(match: re.Match[str]) -> str:
        candidate = match.group(1)
        glued = _DOI_GLUED_END.search(candidate)
        if glued:
            candidate = candidate[: glued.start()]
        bracket = candidate.find("[")
        if bracket >= 0 and "]" not in candidate[bracket:]:
            candidate = candidate[:bracket]
        core = _strip_link(candidate)
        doi = normalize_doi(core)
        if doi and result.doi is None:
            result.doi = doi
        return " " + match.group(1)[len(core) :]

    if "10." in text:
        text = _DOI_BROKEN.sub(lambda m: (m.group(1) + m.group(2)) if m.group(1) else m.group(3), text)
        text = _DOI.sub(take_doi, text)

    def take_pmid(match: re.Match[str]) -> str:
        result.pmid = result.pmid or match.group(1).lstrip("0") or None
        return " "

    def take_pmcid(match: re.Match[str]) -> str:
        result.pmcid = result.pmcid or match.group(1)
        return " "

    if "PM" in text or "ubMed" in text:
        text = _PMCID.sub(take_pmcid, text)
        text = _PMID.sub(take_pmid, text)

    def take_url(match: re.Match[str]) -> str:
        url = _strip_link(match.group(1))
        if result.url is None:
            result.url = url
        return " " + match.group(1)[len(url) :]

    if "http" in text or "www." in text:
        text = _URL.sub(take_url, text)

    def take_accessed(match: re.Match[str]) -> str:
        date = parse_date_text(match.group(1))
        if date and result.accessed is None:
            result.accessed = date
            return " "
        return match.group(0)

    lowered = text.lower()
    if any(word in lowered for word in ("accessed", "cited", "retrieved", "viewed", "consulted", "visited")):
        text = _ACCESSED.sub(take_accessed, text)

    def take_note(match: re.Match[str]) -> str:
        result.notes.append(match.group(0).strip()[1:-1])
        return " "

    if "[" in text:
        text = _NOTE_BRACKET.sub(take_note, text)
    if "pub" in text or "pii" in text or "press" in text:
        text = _EPUB.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    # Tidy what removals left behind: "Title. . Journal", "2020; ." and a dangling "Available from:".
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = _REPEATED_PUNCT.sub(r"\1", text)
    if result.url:
        text = _AVAILABLE.sub("", text).strip()
    result.text = text.strip(" ,;:")
    return result
