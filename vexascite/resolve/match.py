"""Is a candidate record the work a reference string cites? Pure validation and scoring.

A candidate (from ECitMatch, a Crossref search, ...) is checked field by field against
what was parsed from the reference *and* against the verbatim string itself, so a parse
error costs a confirmation rather than producing a wrong match. Precision comes first: a
wrong DOI is worse than none. Any stated field that contradicts the candidate (a year
more than one off, another volume, another first page) rejects it; acceptance needs a
similar title plus independent confirmations (first author, year, volume, first page);
what falls in between is kept for review, never applied.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from rapidfuzz import fuzz

from ..csl import YEAR
from ..identity import first_author_family, issued_year
from ..model import Work


class Decision(StrEnum):
    ACCEPT = "accept"
    REVIEW = "review"
    REJECT = "reject"


def words(text: str | None) -> str:
    """Lower-case ASCII words separated by single spaces (accents and markup dropped)."""
    if not text:
        return ""
    text = re.sub(r"<[^>]+>", " ", text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("ł", "l")
    return " ".join(re.findall(r"[0-9a-z]+", text.casefold()))


def dehyphenate(raw: str) -> str:
    """Join words a PDF broke across lines ("Endo-\\nscopic") and flatten whitespace."""
    text = re.sub(r"([^\W\d_])-[ \t]*\n\s*([^\W\d_])", r"\1\2", raw)
    text = re.sub(r"(\d)\s*-\s*\n?\s*(\d)", r"\1-\2", text)
    return " ".join(text.split())


def expand_pages(page: str) -> str:
    """``383-93`` -> ``383-393``; ``1461-3`` -> ``1461-1463``; other forms unchanged."""
    match = re.match(r"^\s*([A-Za-z]*)(\d+)\s*[-\u2010-\u2015]+\s*([A-Za-z]*)(\d+)\s*$", page or "")
    if not match:
        return (page or "").strip()
    prefix, start, prefix2, end = match.groups()
    if len(end) < len(start) and not prefix2:
        end = start[: len(start) - len(end)] + end
    return f"{prefix}{start}-{prefix2 or prefix}{end}"


def first_page(page: Any) -> str | None:
    if page is None:
        return None
    match = re.match(r"\s*([A-Za-z]*\d+[A-Za-z]*|[A-Za-z]+\d*)", str(page))
    return match.group(1).lower() if match else None


def _norm_number(value: Any) -> str | None:
    if value in (None, ""):
        return None
    text = words(str(value)).replace(" ", "")
    return text.lstrip("0") or text or None


_LOCATOR = re.compile(
    r"(?<![\w.])(?!" + YEAR + r"\b)(?P<volume>\d{1,4}[A-Za-z]?)\s*(?:\((?P<issue>[^()]{1,15})\))?\s*(?P<sep>[:,])\s*"
    r"(?P<page>[A-Za-z]{0,2}\d+[A-Za-z]?)(?:\s*[-\u2010-\u2015]\s*(?P<end>[A-Za-z]{0,2}\d+))?(?![\w])"
)
_YEAR = re.compile(r"(?<!\d)(" + YEAR + r")(?!\d)")
_TRAILING_YEAR = re.compile(r"[\s,.;:]*\(?" + YEAR + r"[a-z]?\)?[\s,.;:]*$")
_TITLE_END = re.compile(r"(?<=[a-z0-9)\]]{2})[.?!]\s+")


def _year_not_page(locator: re.Match[str], years: int) -> bool:
    """Whether a locator's single page is really the year ("Child Dev, 73, 2002").

    After a colon ("48:1712") it is a page; after a comma it is the year unless the
    string states another year as well.
    """
    if locator.group("end") or not _YEAR.fullmatch(locator.group("page") or ""):
        return False
    return locator.group("sep") == "," and years < 2


def vancouver_fields(raw: str) -> dict[str, str]:
    """Journal, year, volume, issue and pages from the tail of a journal reference.

    Reads "Blood. 2021;137(26):3682-4", "J Clin Epidemiol 2006, 59:41-47",
    "Child Studies, 71, 212-229" and "Nature 168: 615-616": the last
    volume(issue):pages locator, the year next to it, the journal just before it.
    """
    text = dehyphenate(raw)
    years = len(_YEAR.findall(text))
    matches = [m for m in _LOCATOR.finditer(text) if not _year_not_page(m, years)]
    if not matches:
        return {}
    found = matches[-1]
    out = {k: v.strip() for k, v in found.groupdict().items() if v and k != "sep"}
    before = text[: found.start()]
    year = _YEAR.search(before[-12:]) or _YEAR.search(text[found.end() : found.end() + 12])
    if year:
        out["year"] = year.group(1)
    journal = _TRAILING_YEAR.sub("", before).strip(" ,;:.")
    journal = _TITLE_END.split(journal)[-1].strip(" ,;:")
    if len(journal) > 70:
        journal = journal.split(". ")[-1]
    if journal and not journal[0].isdigit():
        out["journal"] = journal
    return out


@dataclass(slots=True)
class Query:
    """What is known about one reference: parsed fields plus its verbatim string."""

    csl: Work
    raw: str | None = None
    family: str = ""
    year: int | None = None
    volume: str | None = None
    page: str | None = None
    #: every value stated for volume / first page (parser and tail reading may differ)
    volumes: frozenset[str] = frozenset()
    pages: frozenset[str] = frozenset()
    title: str = ""
    journal: str = ""
    raw_words: str = ""
    raw_tokens: frozenset[str] = frozenset()
    raw_years: frozenset[int] = frozenset()

    @classmethod
    def of(cls, csl: Work, raw: str | None = None) -> Query:
        tail = vancouver_fields(raw) if raw else {}
        raw_text = dehyphenate(raw) if raw else ""
        raw_words = words(raw_text)
        family = words(first_author_family(csl) or "")
        journal = csl.get("container-title-short") or csl.get("container-title") or tail.get("journal") or ""
        if isinstance(journal, list):
            journal = journal[0] if journal else ""
        year = issued_year(csl) or (int(tail["year"]) if tail.get("year") else None)
        volumes = {v for v in (_norm_number(csl.get("volume")), _norm_number(tail.get("volume"))) if v}
        pages = {p for p in (first_page(csl.get("page")), first_page(tail.get("page"))) if p}
        return cls(
            csl=csl,
            raw=raw,
            family=family,
            year=year,
            volume=_norm_number(csl.get("volume") or tail.get("volume")),
            page=first_page(csl.get("page") or tail.get("page")),
            volumes=frozenset(volumes),
            pages=frozenset(pages),
            title=words(csl.get("title") if isinstance(csl.get("title"), str) else ""),
            journal=words(journal),
            raw_words=raw_words,
            raw_tokens=frozenset(raw_words.split()),
            raw_years=frozenset(int(y) for y in _YEAR.findall(raw_text)),
        )

    @property
    def searchable(self) -> bool:
        return bool(self.title or self.raw_words)


@dataclass(slots=True)
class Verdict:
    decision: Decision
    score: float
    reason: str
    checks: dict[str, str] = field(default_factory=dict)


def _title_similarity(query: Query, title: str) -> float:
    if not title:
        return 0.0
    best = 0.0
    if query.title:
        best = fuzz.ratio(query.title, title) / 100
        # a parsed title may carry the journal or miss a subtitle
        if min(len(query.title), len(title)) >= 20:
            best = max(best, 0.95 * fuzz.partial_ratio(query.title, title) / 100)
    if query.raw_words:
        if len(title) >= 25:
            best = max(best, fuzz.partial_ratio(title, query.raw_words) / 100)
        elif f" {title} " in f" {query.raw_words} ":
            best = max(best, 0.9 if len(title.split()) >= 3 else 0.75)
    return best


def _check_family(query: Query, family: str, title: str = "") -> str:
    if not family:
        return "unknown"
    if title and query.raw_words and query.raw_words.startswith(" ".join(title.split()[:4])):
        return "unknown"  # the string starts with the title: its authors were cut off
    parts = family.split()
    joined = family.replace(" ", "")
    if query.family:
        mine = query.family.replace(" ", "")
        if mine == joined or mine.endswith(joined) or joined.endswith(mine) or fuzz.ratio(mine, joined) >= 85:
            return "ok"
    if query.raw_tokens and all(part in query.raw_tokens for part in parts):
        # present in the string: a confirmation only near the start (the author list)
        position = query.raw_words.find(parts[0])
        return "ok" if 0 <= position <= max(60, len(query.raw_words) // 3) else "weak"
    if joined and joined in query.raw_words.replace(" ", "")[:120]:
        return "ok"
    return "mismatch" if (query.family or query.raw_words) else "unknown"


def _check_year(query: Query, year: int | None) -> str:
    if year is None:
        return "unknown"
    known = set(query.raw_years)
    if query.year:
        known.add(query.year)
    if not known:
        return "unknown"
    if query.year == year or (not query.year and year in known):
        return "ok"
    if any(abs(year - y) <= 1 for y in known):
        return "near"
    return "mismatch"


def _check_number(stated: frozenset[str], candidate: str | None, query: Query) -> str:
    if not candidate:
        return "unknown"
    if candidate in stated:
        return "ok"
    in_raw = candidate in query.raw_tokens
    if stated:
        return "weak" if in_raw else "mismatch"
    return "weak" if in_raw else "unknown"


def judge(query: Query, candidate: Work) -> Verdict:
    """Validate one candidate record against a reference."""
    title = words(candidate.get("title") if isinstance(candidate.get("title"), str) else "")
    checks = {
        "author": _check_family(query, words(first_author_family(candidate) or ""), title),
        "year": _check_year(query, issued_year(candidate)),
        "volume": _check_number(query.volumes, _norm_number(candidate.get("volume")), query),
        "page": _check_number(query.pages, first_page(candidate.get("page")), query),
    }
    similarity = _title_similarity(query, title)
    checks["title"] = f"{similarity:.2f}"
    confirmations = (
        (checks["author"] == "ok")
        + (checks["year"] == "ok") + 0.5 * (checks["year"] == "near")
        + (checks["volume"] == "ok") + 0.5 * (checks["volume"] == "weak")
        + (checks["page"] == "ok") + 0.5 * (checks["page"] == "weak")
    )
    score = round(0.5 * similarity + 0.5 * min(confirmations, 4) / 4, 3)
    reason = ", ".join(f"{k} {v}" for k, v in checks.items())
    mismatches = [k for k in ("year", "volume", "page") if checks[k] == "mismatch"]
    if mismatches:
        return Verdict(Decision.REJECT, score, f"{'/'.join(mismatches)} differ; {reason}", checks)
    if checks["author"] == "mismatch":
        strong = similarity >= 0.95 and all(checks[k] == "ok" for k in ("year", "volume", "page"))
        if not strong:
            decision = Decision.REVIEW if similarity >= 0.9 and confirmations >= 2 else Decision.REJECT
            return Verdict(decision, score, f"first author differs; {reason}", checks)
    exact = all(checks[k] == "ok" for k in ("author", "year", "volume", "page"))
    if exact and _journal_similarity(query, candidate) >= 0.8 and similarity < 0.6:
        # many references (chemistry, physics) print no title: author, year, journal,
        # volume and first page together still name one work
        return Verdict(Decision.ACCEPT, score, f"journal, volume, page, year and author agree; {reason}", checks)
    if checks["year"] == "near" and checks["page"] != "ok":
        # a year off by one is normal (online vs print) but also what a reprint or a
        # correction looks like: then only the first page can tell them apart
        if similarity >= 0.75 and confirmations >= 1:
            return Verdict(Decision.REVIEW, score, f"year off by one; {reason}", checks)
        return Verdict(Decision.REJECT, score, reason, checks)
    if (
        (similarity >= 0.9 and confirmations >= 2)
        or (similarity >= 0.8 and confirmations >= 3)
        or (similarity >= 0.6 and confirmations >= 4)
    ):
        return Verdict(Decision.ACCEPT, score, reason, checks)
    if (similarity >= 0.75 and confirmations >= 1) or similarity >= 0.9 or (not title and confirmations >= 3.5):
        return Verdict(Decision.REVIEW, score, f"weak evidence; {reason}", checks)
    return Verdict(Decision.REJECT, score, reason, checks)


def _journal_similarity(query: Query, candidate: Work) -> float:
    """How well the candidate's journal matches the one named in the reference."""
    best = 0.0
    for key in ("container-title-short", "container-title"):
        value = candidate.get(key)
        if isinstance(value, list):
            value = value[0] if value else None
        if not isinstance(value, str) or not value:
            continue
        journal = words(value)
        if query.journal:
            best = max(best, fuzz.ratio(query.journal, journal) / 100)
        if len(journal) >= 8 and query.raw_words:
            best = max(best, fuzz.partial_ratio(journal, query.raw_words) / 100)
    return best


@dataclass(slots=True)
class Candidate:
    """A record a service offered for a reference."""

    source: str
    csl: Work
    payload_id: int | None = None
    verdict: Verdict | None = None

    @property
    def doi(self) -> str | None:
        return self.csl.get("DOI")

    @property
    def identity(self) -> str:
        return self.csl.get("DOI") or f"pmid:{self.csl.get('PMID')}"


@dataclass(slots=True)
class Choice:
    """The outcome of matching one reference: an accepted candidate, candidates to review, or
    none; then ``nearest`` is the best of the rejected ones (a misprint of it is told from
    a fabrication by comparing the two)."""

    accepted: Candidate | None
    review: list[Candidate]
    reason: str
    score: float = 0.0
    nearest: Candidate | None = None


def choose(query: Query, candidates: list[Candidate]) -> Choice:
    """Judge every candidate; accept only one clear winner (two plausible works -> review)."""
    for candidate in candidates:
        candidate.verdict = judge(query, candidate.csl)
    accepted = [c for c in candidates if c.verdict and c.verdict.decision == Decision.ACCEPT]
    reviewable = [c for c in candidates if c.verdict and c.verdict.decision == Decision.REVIEW]
    distinct: dict[str, Candidate] = {}
    for candidate in sorted(accepted, key=lambda c: -c.verdict.score):  # type: ignore[union-attr]
        distinct.setdefault(_same_work_key(candidate), candidate)
    if len(distinct) == 1:
        winner = next(iter(distinct.values()))
        assert winner.verdict is not None
        return Choice(winner, [], winner.verdict.reason, winner.verdict.score)
    if len(distinct) > 1:
        ranked = sorted(distinct.values(), key=lambda c: -c.verdict.score)  # type: ignore[union-attr]
        return Choice(None, ranked, f"{len(ranked)} different works fit", ranked[0].verdict.score)  # type: ignore[union-attr]
    if reviewable:
        ranked = sorted(reviewable, key=lambda c: -c.verdict.score)  # type: ignore[union-attr]
        best = ranked[0].verdict
        assert best is not None
        return Choice(None, ranked[:3], best.reason, best.score)
    best_rejected = max(candidates, key=lambda c: c.verdict.score if c.verdict else 0.0, default=None)
    if best_rejected and best_rejected.verdict:
        return Choice(
            None, [], f"no candidate fits (best: {best_rejected.verdict.reason})", best_rejected.verdict.score, best_rejected
        )
    return Choice(None, [], "no candidates")


def _same_work_key(candidate: Candidate) -> str:
    """PubMed and Crossref records of one article share a DOI; use it to group them."""
    return candidate.csl.get("DOI") or f"pmid:{candidate.csl.get('PMID')}"
