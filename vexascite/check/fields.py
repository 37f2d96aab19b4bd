"""Printed fields against verified records: year, volume, issue, pages, journal, authors, DOI.

Pure functions. The printed side is what the reference string stated (the ref's parsed
``fields``); the verified side is one or more service records (Crossref, PubMed, ...).
A printed value is accepted when any verified record agrees with it, so a difference
between two services is never blamed on the manuscript; the correction offered comes
from the first record (the caller orders them by preference).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from ..identity import fold, fold_words, issued_year
from ..ids import normalize_doi, normalize_pmid
from ..merge import source_name
from ..model import Work
from .findings import Finding, Kind, Severity, quoted

#: Printed and verified surnames at least this alike (0-100) are one name misspelt.
MISSPELLING_MIN_RATIO = 70.0
#: Printed and verified titles less alike than this (0-100) are two different works.
OTHER_WORK_MAX_TITLE_RATIO = 55.0

_DASHES = re.compile(r"\s*[-\u2010-\u2015\u2212]+\s*")
#: A place or series in brackets: "Rheumatology (Oxford)".
_QUALIFIER = re.compile(r"\([^()]*\)")
_JOURNAL_STOPWORDS = frozenset({"the", "of", "and", "for", "in", "on", "de", "la", "et", "und", "der", "a"})

@dataclass(slots=True)
class VerifiedRecord:
    """A record a service stated about the work, plus its raw payload when there is one."""

    source: str
    csl: Work
    payload: dict[str, Any] | None = None
    extra_years: set[int] = field(default_factory=set)

    @property
    def source_name(self) -> str:
        return source_name(self.source)


# -- single fields ------------------------------------------------------------------------
def page_range(text: str | None) -> tuple[str, str | None] | None:
    """First and last page with an abbreviated last page written out (``2628-38`` ->
    ``2628``, ``2638``; ``e407-14`` -> ``e407``, ``e414``); lower case, no spaces."""
    if not text:
        return None
    value = str(text).strip().lower().replace(" ", "")
    value = re.sub(r"^(?:pp?\.)", "", value)
    parts = _DASHES.split(value, maxsplit=1)
    first = parts[0].strip(".,;")
    if not first:
        return None
    if len(parts) == 1 or not parts[1].strip(".,;"):
        return first, None
    last = parts[1].strip(".,;")
    head = re.match(r"^([a-z]*)(\d+)$", first)
    tail = re.match(r"^([a-z]*)(\d+)$", last)
    if head and tail and (not tail.group(1) or tail.group(1) == head.group(1)):
        digits, short = head.group(2), tail.group(2)
        if len(short) < len(digits):
            short = digits[: len(digits) - len(short)] + short
        last = head.group(1) + short
    return first, last


def pages_agree(printed: str | None, verified: str | None) -> bool:
    """Same first page, and the same last page when both state one."""
    a, b = page_range(printed), page_range(verified)
    if a is None or b is None:
        return True
    folded_a, folded_b = fold(str(printed)), fold(str(verified))
    if folded_a == folded_b or (len(folded_a) >= 4 and folded_b.startswith(folded_a)):
        return True  # "031114-1" of "031114-1-031114-9": article numbers with parts
    if a[0] != b[0]:
        return False
    return a[1] is None or b[1] is None or a[1] == b[1]


def _tokens(text: str) -> list[str]:
    return fold_words(text).split()


def issue_agrees(printed: str | None, verified: str | None) -> bool:
    """Same issue, allowing added parts (``11 Pt 1`` vs ``11``) and supplements."""
    if not printed or not verified:
        return True
    a, b = fold(str(printed)), fold(str(verified))
    if a == b or a in b or b in a:
        return True
    ta, tb = _tokens(str(printed)), _tokens(str(verified))
    return bool(ta and tb and ta[0] == tb[0])


_VOLUME_WORD = re.compile(r"^\s*vol(?:ume)?\.?\s*", re.IGNORECASE)


def volume_agrees(printed: str | None, verified: str | None) -> bool:
    if not printed or not verified:
        return True
    printed, verified = _VOLUME_WORD.sub("", str(printed)), _VOLUME_WORD.sub("", str(verified))
    a, b = fold(printed), fold(verified)
    if a == b or a.lstrip("0") == b.lstrip("0"):
        return True
    digits_a, digits_b = re.sub(r"\D", "", a), re.sub(r"\D", "", b)
    if digits_a and digits_a == digits_b:
        return True  # "T106" and "106"
    ta, tb = _tokens(printed), _tokens(verified)
    return bool(ta and tb and ta[0] == tb[0])  # "108" and "108 Suppl"


def journal_abbreviates(printed: str, title: str) -> bool:
    """True if ``printed`` names the journal ``title``: the same words, or an abbreviation
    whose words shorten the title's words in order (``Br J Dermatol`` of ``British
    Journal of Dermatology``, ``Natl`` of ``National``) covering more than half of its
    content words."""
    a, b = fold(printed), fold(title)
    if not a or not b:
        return False
    if a == b or fold(_QUALIFIER.sub(" ", printed)) == fold(_QUALIFIER.sub(" ", title)):
        return True
    short = [w for w in _tokens(_QUALIFIER.sub(" ", printed)) if w not in _JOURNAL_STOPWORDS]
    full = [w for w in _tokens(_QUALIFIER.sub(" ", title)) if w not in _JOURNAL_STOPWORDS]
    if not short or not full:
        return False
    position, matched = 0, 0
    for word in short:
        found = next((i for i in range(position, len(full)) if _abbreviates(word, full[i])), None)
        if found is None:
            if len(word) == 1:
                continue  # "U S A" in "Proc Natl Acad Sci U S A"
            return False
        matched += 1
        position = found + 1
    return matched * 2 > len(full)


def _abbreviates(short: str, word: str) -> bool:
    """``natl`` of ``national``: same first letter, the rest in order (ISO 4 style)."""
    if not short or not word or short[0] != word[0] or len(short) > len(word):
        return False
    letters = iter(word)
    return all(ch in letters for ch in short)


def journal_titles(csl: Work) -> list[str]:
    """Every name a record gives its journal: full and short titles."""
    names: list[str] = []
    for key in ("container-title", "container-title-short", "journalAbbreviation"):
        value = csl.get(key)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and item.strip():
                names.append(item.strip())
    return names


def printed_journal(csl: Work) -> str | None:
    for key in ("container-title", "container-title-short", "journalAbbreviation"):
        value = csl.get(key)
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def journal_agrees(printed: str | None, record: Work) -> bool:
    titles = journal_titles(record)
    if not printed or not titles:
        return True
    if any(journal_abbreviates(printed, title) or journal_abbreviates(title, printed) for title in titles):
        return True
    return any(fuzz.ratio(fold(printed), fold(title)) >= 90 for title in titles)


def record_years(record: VerifiedRecord) -> set[int]:
    """Every year the record gives for publication (print, online, issue), so an online-first
    year and a print year both count as right."""
    years = set(record.extra_years)
    for key in ("issued", "published-print", "published-online", "published", "original-date"):
        value = record.csl.get(key)
        if isinstance(value, dict):
            year = issued_year({"issued": value})
            if year:
                years.add(year)
    if record.payload:
        years |= crossref_payload_years(record.payload)
    return years


def crossref_payload_years(message: dict[str, Any]) -> set[int]:
    """Years of publication stated in a Crossref ``message`` (print, online, issue)."""
    years: set[int] = set()
    blocks = [message.get(k) for k in ("issued", "published", "published-print", "published-online")]
    journal_issue = message.get("journal-issue")
    if isinstance(journal_issue, dict):
        blocks += [journal_issue.get("published-print"), journal_issue.get("published-online")]
    for block in blocks:
        if isinstance(block, dict):
            year = issued_year({"issued": block})
            if year:
                years.add(year)
    return years


def preferred_year(record: VerifiedRecord) -> int | None:
    """The year to print: the print year where stated (record or payload), else the issued year."""
    sources = [record.csl, record.payload or {}]
    for key in ("published-print", "issued"):
        for source in sources:
            value = source.get(key)
            if isinstance(value, dict):
                year = issued_year({"issued": value})
                if year:
                    return year
    return None


# -- people -------------------------------------------------------------------------------
def person_surname(person: dict[str, Any]) -> str:
    """Family name with its particles (``von Drygalski``), or the literal name."""
    if person.get("literal"):
        return str(person["literal"])
    parts = [person.get("non-dropping-particle"), person.get("family")]
    return " ".join(str(p) for p in parts if p)


_INITIALS = re.compile(r"(?:[A-Z]\.?-?){1,3}")


def _without_initials(name: str) -> str:
    """``Udan R.`` -> ``Udan``: initials a parser left on a family name."""
    words = name.split()
    while len(words) > 1 and _INITIALS.fullmatch(words[-1]):
        words.pop()
    return " ".join(words)


def same_name(printed: dict[str, Any], verified: dict[str, Any]) -> bool:
    a = fold(person_surname(printed))
    if not a:
        return True
    candidates = {fold(person_surname(verified)), fold(str(verified.get("family") or ""))}
    if verified.get("dropping-particle"):
        candidates.add(fold(f"{verified['dropping-particle']} {verified.get('family') or ''}"))
    return bool({a, fold(str(printed.get("family") or "")), fold(_without_initials(person_surname(printed)))} & candidates)


def _author_problem(index: int, printed: dict[str, Any], records: Sequence[VerifiedRecord]) -> Finding | None:
    """A finding for printed author ``index`` if no record has that name there."""
    if printed.get("literal") and not printed.get("family"):
        return None  # a group author: printed forms vary too much to judge
    name = person_surname(printed)
    if not fold(name):
        return None
    best: tuple[float, str, VerifiedRecord] | None = None
    for record in records:
        people = record.csl.get("author") or []
        if index >= len(people):
            continue
        person = people[index]
        if same_name(printed, person):
            return None
        if person.get("literal") and not person.get("family"):
            continue  # a group author in the record: nothing to spell-check against
        if printed.get("given") and fold(str(printed["given"])) == fold(person_surname(person)):
            return None  # given and family swapped by the parser, not by the author
        if any(same_name(printed, other) for other in people):
            return None  # the name is there, in another place: an order question at most
        ratio = fuzz.ratio(fold(name), fold(person_surname(person)))
        if best is None:
            best = (ratio, person_surname(person), record)
    if best is None:
        return None
    ratio, expected, record = best
    ordinal = "first author" if index == 0 else f"author {index + 1}"
    if ratio >= MISSPELLING_MIN_RATIO:
        message = f"{ordinal} is printed {quoted(name)}; {record.source_name} spells it {quoted(expected)}"
    else:
        message = f"{ordinal} is printed {quoted(name)}; {record.source_name} has {quoted(expected)} in that place"
    return Finding(
        Kind.AUTHOR_MISMATCH,
        Severity.WARNING,
        message,
        suggestion=f"write {quoted(expected)} for {quoted(name)}",
        source=record.source_name,
        field=f"author[{index}]",
        printed=name,
        expected=expected,
    )


# -- whole reference ---------------------------------------------------------------------
def _field_finding(name: str, label: str, printed: str, expected: str, record: VerifiedRecord) -> Finding:
    return Finding(
        Kind.FIELD_MISMATCH,
        Severity.WARNING,
        f"{label} is printed {quoted(printed)}; {record.source_name} has {quoted(expected)}",
        suggestion=f"change the {label} to {quoted(expected)}",
        source=record.source_name,
        field=name,
        printed=printed,
        expected=expected,
    )


def _first_value(records: Iterable[VerifiedRecord], key: str) -> tuple[str, VerifiedRecord] | None:
    for record in records:
        value = record.csl.get(key)
        if value not in (None, "", []):
            return str(value), record
    return None


def title_likeness(printed: Work, record: Work) -> float | None:
    a, b = printed.get("title"), record.get("title")
    if isinstance(b, list):
        b = b[0] if b else None
    if not isinstance(a, str) or not isinstance(b, str) or not a.strip() or not b.strip():
        return None
    return float(fuzz.token_set_ratio(fold_words(a), fold_words(b)))


def doi_of_another_work(printed: Work, records: Sequence[VerifiedRecord]) -> Finding | None:
    """The printed DOI leads to a record whose title and first author are not the printed ones."""
    doi = normalize_doi(printed.get("DOI"))
    if not doi:
        return None
    for record in records:
        if normalize_doi(record.csl.get("DOI")) != doi:
            continue
        likeness = title_likeness(printed, record.csl)
        if likeness is None or likeness >= OTHER_WORK_MAX_TITLE_RATIO:
            return None
        printed_people, record_people = printed.get("author") or [], record.csl.get("author") or []
        if printed_people and record_people and same_name(printed_people[0], record_people[0]):
            return None
        other_title = record.csl.get("title")
        return Finding(
            Kind.IDENTIFIER_MISMATCH,
            Severity.ERROR,
            f"DOI {doi} belongs to another work: {quoted(other_title)} ({record.source_name})",
            suggestion="find the DOI of the cited work, or remove the DOI",
            source=record.source_name,
            field="DOI",
            printed=doi,
            expected=None,
        )
    return None


def identifier_findings(printed: Work, records: Sequence[VerifiedRecord]) -> list[Finding]:
    """Printed DOI/PMID that differ from the identifiers of the verified work."""
    findings: list[Finding] = []
    for key, normalise in (("DOI", normalize_doi), ("PMID", normalize_pmid)):
        value = normalise(printed.get(key))
        if not value:
            continue
        stated = [(normalise(r.csl.get(key)), r) for r in records if normalise(r.csl.get(key))]
        if not stated or any(v == value for v, _ in stated):
            continue
        expected, record = stated[0]
        findings.append(
            Finding(
                Kind.IDENTIFIER_MISMATCH,
                Severity.ERROR,
                f"{key} {value} is not this work's; {record.source_name} gives {key} {expected}",
                suggestion=f"change the {key} to {expected}",
                source=record.source_name,
                field=key,
                printed=value,
                expected=str(expected),
            )
        )
    return findings


def compare_printed(printed: Work, records: Sequence[VerifiedRecord]) -> list[Finding]:
    """Every printed field that no verified record supports, with the corrected value.

    A printed DOI that leads to another work is reported alone: the other fields were
    compared against the wrong record and would only add noise.
    """
    if not records:
        return []
    other = doi_of_another_work(printed, records)
    if other:
        return [other]
    findings = identifier_findings(printed, records)

    year = issued_year(printed)
    if year is not None:
        known = [(r, years) for r in records if (years := record_years(r))]
        if known and all(year not in years for _, years in known):
            record, years = known[0]
            expected_year = preferred_year(record) or min(years)
            findings.append(_field_finding("issued", "year", str(year), str(expected_year), record))

    for key, label, agrees in (
        ("volume", "volume", volume_agrees),
        ("issue", "issue", issue_agrees),
        ("page", "pages", pages_agree),
    ):
        value = printed.get(key)
        if value in (None, ""):
            continue
        stated = _first_value(records, key)
        if stated is None:
            continue
        if not any(agrees(str(value), str(r.csl.get(key))) for r in records if r.csl.get(key) not in (None, "")):
            findings.append(_field_finding(key, label, str(value), stated[0], stated[1]))

    journal = printed_journal(printed)
    if journal and printed.get("type", "article-journal") in ("article-journal", "article", "review", None):
        with_titles = [r for r in records if journal_titles(r.csl)]
        if with_titles and not any(journal_agrees(journal, r.csl) for r in with_titles):
            record = with_titles[0]
            short = record.csl.get("container-title-short")
            short = short[0] if isinstance(short, list) and short else short
            expected_title = short if isinstance(short, str) and short else journal_titles(record.csl)[0]
            findings.append(_field_finding("container-title", "journal", journal, expected_title, record))

    for index, person in enumerate(printed.get("author") or []):
        problem = _author_problem(index, person, records)
        if problem:
            findings.append(problem)
    return findings
