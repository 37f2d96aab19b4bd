"""Rules for the biomedical styles (Vancouver/NLM/AMA and PLOS author-year).

These styles are regular: ``Authors. Title. Journal. Year;Vol(Issue):Pages.`` and
``Authors (Year) Title. Journal Vol(Issue): Pages.``. A rule either reads the whole
string or returns None, in which case the learned tagger takes over.
"""

from __future__ import annotations

import re
from typing import Any

from ..csl import PARTICLE_WORDS, YEAR
from .names import UPPER, looks_like_group

_U = UPPER
_NAME = (
    rf"(?:(?:(?:{'|'.join(PARTICLE_WORDS)}|al|el|d')\s+){{0,2}}"
    rf"[{_U}][\w'’\-]*(?:\s+(?:[a-z]{{1,4}}|[{_U}][\w'’\-]*)){{0,3}}?"
    rf"\s+[{_U}]{{1,4}}(?:\s+(?:Jr|Sr|II|III|IV|2nd|3rd)\.?)?)"
)
_AUTHORS = re.compile(
    rf"^(?P<authors>{_NAME}(?:,\s*{_NAME}){{0,60}}(?:,?\s+et\s+al\.?)?(?:\s*;\s*[^.;()]{{2,150}}?)?)(?:\.\s+|\s+(?=\())"
)
_ORG_AUTHOR = re.compile(r"^(?P<authors>[^.;:()]{3,150}?)(?:\.\s+|\s+(?=\())")
_YEAR = r"(?P<year>" + YEAR + r")[a-z]?"
_DATE_TAIL = (
    rf"{_YEAR}(?:\s+(?P<month>[A-Z][a-z]{{2,8}}\.?(?:[-/][A-Z][a-z]{{2,8}}\.?)?)(?:\s+(?P<day>\d{{1,2}}))?)?"
)
_PAGES = r"(?P<pages>[A-Za-z]{0,6}\d[\w.]{0,15}(?:\s?[-–—‐]\s?[A-Za-z]{0,6}\d[\w]{0,15})?)"
_VANCOUVER_TAIL = re.compile(
    rf"(?:^|[.?!]?\s+){_DATE_TAIL}\s*(?:;\s*(?P<volume>[^();:\s][^();:]{{0,30}}?)?\s*"
    rf"(?:\((?P<issue>[^()]{{1,40}})\))?\s*(?::\s*{_PAGES})?)?\s*[.;]?"
    rf"(?:\s*(?P<abstract>(?:Meeting\s+)?(?:Abstract|Abstr|Poster)s?\.?\s*(?:no\.?\s*)?(?P<abstract_no>[\w-]{{1,12}}))\.?)?\s*$",
    re.IGNORECASE,
)
_AUTHOR_YEAR_HEAD = re.compile(rf"^\(\s*{_YEAR}\s*\)\.?\s+")
_SOURCE_TAIL = re.compile(
    rf"\s+(?P<volume>\d{{1,6}}[A-Za-z]?)\s*(?:\((?P<issue>[^()]{{1,40}})\))?(?:\s*[:,]\s*|\s+){_PAGES}\s*\.?\s*$"
)
_EDITION = r"(?:(?P<edition>\d+(?:st|nd|rd|th)?\s+(?:ed|edn|edition))\.?\s+)?"
_IMPRINT = r"(?:(?P<place>[^:;.]{2,80}?):\s*)?(?P<publisher>[^;:]{2,120}?);\s*(?P<year>" + YEAR + r")[a-z]?"
_BOOK_PAGES = r"(?:[.,:]\s*(?:pp?\.?\s*)?(?P<pages>[A-Za-z]{0,3}\d+[A-Za-z]?(?:\s?[-–—‐]\s?[A-Za-z]{0,3}\d+[A-Za-z]?)?)(?:\s*p)?)?"
_CHAPTER = re.compile(
    rf"^(?P<title>[^\[\]]+?[.?!])\s+In:?\s+(?P<editors>[^.;:]+?),?\s+(?:\(?eds?|editors?)\)?\.?\s+"
    rf"(?P<book>.+?)\.\s+{_EDITION}{_IMPRINT}{_BOOK_PAGES}\s*\.?\s*$"
)
_BOOK = re.compile(rf"^(?P<title>[^\[\]]+?[.?!])\s+{_EDITION}{_IMPRINT}{_BOOK_PAGES}\s*\.?\s*$")
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[\w\"“‘'(\[])")


def _abbreviation_continues(title: str, container: str) -> bool:
    """Whether the title's last word is the start of a dotted journal name ("J. Mol. Biol")."""
    last = title[title.rfind(" ") + 1 :]
    if not re.fullmatch(r"[A-Z][a-z]{0,5}\.?", last):
        return False
    return len(last.rstrip(".")) <= 3 or "." in container


def _split_title_container(middle: str, emphasis: list[str]) -> tuple[str, str] | None:
    """Split ``Title. Journal`` at the sentence end before the journal (or at its emphasis)."""
    middle = middle.strip()
    bare = middle.rstrip(". ,")
    for emph in reversed(emphasis):
        if emph and bare.endswith(emph) and len(emph) < len(bare):
            title = bare[: -len(emph)].strip()
            if title:
                return title.rstrip(" ."), emph
    ends = list(_SENTENCE_END.finditer(bare))
    if not ends:
        return None
    cut = ends[-1]
    container = bare[cut.end() :].strip()
    title = bare[: cut.start()].strip()
    # "J. Immunol." style: an initial-sized piece before the last stop belongs to the journal.
    while len(ends) >= 2 and _abbreviation_continues(title, container):
        ends.pop()
        cut = ends[-1]
        container = bare[cut.end() :].strip()
        title = bare[: cut.start()].strip()
    if not title or not container or len(container) > 120:
        return None
    return title.rstrip(" ."), container


def _book_or_chapter(rest: str, fields: dict[str, Any]) -> dict[str, Any] | None:
    """Vancouver books and chapters: ``Title. In: Editors, editors. Book. Place: Publisher; Year. p. 1-9.``"""
    chapter = _CHAPTER.match(rest)
    if chapter:
        fields.update(
            type="chapter", title=chapter.group("title").rstrip("."), editors=chapter.group("editors"),
            container=chapter.group("book"), edition=chapter.group("edition"), place=chapter.group("place"),
            publisher=chapter.group("publisher"), year=chapter.group("year"), pages=chapter.group("pages"),
        )
        return fields
    book = _BOOK.match(rest)
    if book and not re.search(r"\d", book.group("publisher")):
        fields.update(
            type="book", title=book.group("title").rstrip("."), edition=book.group("edition"), place=book.group("place"),
            publisher=book.group("publisher"), year=book.group("year"), pages=book.group("pages"),
        )
        return fields
    return None


def parse_biomedical(text: str, emphasis: list[str]) -> dict[str, Any] | None:
    """Read a Vancouver/AMA or PLOS author-year string; None if it is not one."""
    match = _AUTHORS.match(text)
    fields: dict[str, Any]
    if match:
        fields = {"authors": match.group("authors")}
    else:
        match = _ORG_AUTHOR.match(text)
        if not match or not looks_like_group(match.group("authors")):
            return None
        fields = {"authors_literal": match.group("authors").strip()}
    rest = text[match.end() :]
    head = _AUTHOR_YEAR_HEAD.match(rest)
    if head:
        fields["year"] = head.group("year")
        body = rest[head.end() :]
        tail = _SOURCE_TAIL.search(body)
        if not tail:
            return None
        split = _split_title_container(body[: tail.start()], emphasis)
        if not split:
            return None
        fields.update(title=split[0], container=split[1], volume=tail.group("volume"), issue=tail.group("issue"), pages=tail.group("pages"))
        return fields
    tail = _VANCOUVER_TAIL.search(rest)
    if not tail or tail.group("volume") is None and tail.group("pages") is None:
        return _book_or_chapter(rest, fields)
    split = _split_title_container(rest[: tail.start()], emphasis)
    if not split:
        return None
    if tail.group("abstract"):
        fields["type"] = "paper-conference"
        fields["genre"] = "abstract"
        fields["number"] = tail.group("abstract_no")
    fields.update(
        title=split[0], container=split[1], year=tail.group("year"), month=tail.group("month"),
        day=tail.group("day"), volume=tail.group("volume"), issue=tail.group("issue"), pages=tail.group("pages"),
    )
    return fields


_URL_YEAR = re.compile(r"/((?:19|20)\d\d)/(?:0?[1-9]|1[0-2])/")


def parse_web_page(text: str, url: str | None) -> dict[str, Any] | None:
    """Read ``Organisation. Title. URL. Accessed date.`` (either order of the first two)."""
    if not url:
        return None
    pieces = [p.strip(" .") for p in re.split(r"(?<=[.?!])\s+", text) if p.strip(" .")]
    if not 1 <= len(pieces) <= 3 or _VANCOUVER_TAIL.search(text) and ";" in text:
        return None
    fields: dict[str, Any] = {"type": "webpage"}
    if len(pieces) >= 2 and looks_like_group(pieces[0]) and not looks_like_group(pieces[1]):
        fields["authors_literal"], fields["title"] = pieces[0], pieces[1]
    elif len(pieces) >= 2 and looks_like_group(pieces[1]):
        fields["title"], fields["authors_literal"] = pieces[0], pieces[1]
    else:
        fields["title"] = pieces[0]
    year = re.search(r"(?<!\d)((?:19|20)\d\d)(?!\d)", " ".join(pieces))
    url_year = _URL_YEAR.search(url)
    if year:
        fields["year"] = year.group(1)
    elif url_year:
        fields["year"] = url_year.group(1)
    return fields


_NEWS = re.compile(
    r"^(?P<title>[^.?!]{8,300}[.?!])\s+(?P<source>[A-Z][^.;:]{1,80})[.,]\s+"
    r"(?P<date>(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>(?:19|20)\d\d)"
    r"|(?P<day2>\d{1,2})\s+(?P<month2>[A-Z][a-z]{2,8})\.?\s+(?P<year2>(?:19|20)\d\d)"
    r"|(?P<year3>(?:19|20)\d\d)\s+(?P<month3>[A-Z][a-z]{2,8})\.?(?:\s+(?P<day3>\d{1,2}))?)\.?\s*$"
)


def parse_news(text: str, url: str | None) -> dict[str, Any] | None:
    """``Title. Source. November 7, 2023.``: a news item or web article without authors."""
    match = _NEWS.match(text)
    if not match:
        return None
    month = match.group("month") or match.group("month2") or match.group("month3")
    from ..csl import MONTHS

    if month.lower().rstrip(".") not in MONTHS:
        return None
    return {
        "type": "webpage" if url else "article-newspaper",
        "title": match.group("title").rstrip("."),
        "container": match.group("source"),
        "year": match.group("year") or match.group("year2") or match.group("year3"),
        "month": month,
        "day": match.group("day") or match.group("day2") or match.group("day3"),
    }
