"""The effective record of a work: the best value any source states, with provenance.

Every source that stated something about a work (the user's edits, records verified by
a service, imported entries, bare identifiers, parsed reference strings) is kept; the
effective record is computed from all of them, field by field, so a poorer record can
never replace a richer one (a resolver that finds only initials and a first page leaves
the user's full names and page range in place). The rules, per field:

- **User edits always win** (a ``None`` edit removes the field).
- **Substance** (``DOI``, ``PMID``, year, ``volume``, first page): sources that disagree
  are grouped by value; the group stated by the highest-ranked source wins (services
  before imports before bare identifiers before parsed strings, see :data:`SOURCES`),
  every value is kept with its sources in :attr:`Merged.disagreements`.
- **Form**: among values that agree, the richest wins: a page range beats its first
  page; full given names beat initials; a longer author list beats a shorter one and a
  complete one beats a cut one (``et al.``, ``and others``) that names fewer (a cut list
  of three says there are at least four); given names are completed person by person
  from any list naming the same family name in the same place; sentence or title case
  beats ALL CAPS; a fuller date beats a year.
- **Journal**: the fullest title is ``container-title``, an abbreviation any source
  states is kept beside it as ``container-title-short``.
- Ties go to the higher-ranked source, then the source's name, then the value itself,
  so the result never depends on the order sources were read in.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import orjson

from .model import Work


@dataclass(frozen=True, slots=True)
class Source:
    """Who can state a work's fields: its rank in the merge (lower wins ties and
    substance disagreements) and whether it is an identifier service."""

    label: str
    rank: int
    service: bool = False
    #: How it is named to the user (findings, pages).
    name: str = ""


#: Every source label the library writes, in merge rank order (within a rank, the order
#: ``check`` offers their values as corrections).
SOURCES: dict[str, Source] = {
    s.label: s
    for s in (
        Source("user", 0, name="your edit"),
        # KEEP's identifiers where a merge brought in others (store's kept_identifiers):
        # they beat every other source, and a user's edit beats them
        Source("merge", 0, name="kept by a merge"),
        Source("crossref", 1, True, "Crossref"),
        Source("pubmed", 1, True, "PubMed"),
        Source("doi.org", 1, True, "doi.org"),
        Source("pmc", 1, True, "PubMed Central"),
        Source("bibtex", 2, name="BibTeX"),
        Source("biblatex", 2, name="BibLaTeX"),
        Source("csl-json", 2, name="CSL-JSON"),
        Source("ris", 2, name="RIS"),
        Source("medline", 2, name="MEDLINE"),
        Source("pubmed-xml", 2, name="PubMed XML"),
        Source("identifier", 3, name="identifier"),
        Source("text", 4, name="text"),
        Source("string", 4, name="reference string"),
    )
}

#: Who else states a notice about a work (a retraction, a correction): the sources a
#: Crossref record gives its update notices, and Crossref's relations between works.
NOTICE_SOURCES: dict[str, str] = {
    "retraction-watch": "Retraction Watch (via Crossref)",
    "publisher": "publisher (via Crossref)",
    "relation": "Crossref relation",
}

#: Source label -> rank (kept for callers that only need the number).
SOURCE_RANK: dict[str, int] = {label: source.rank for label, source in SOURCES.items()}

#: Sources that are the resolver's own findings (verified records).
SERVICE_SOURCES: frozenset[str] = frozenset(label for label, source in SOURCES.items() if source.service)

#: Fields on which sources can disagree in substance, not only in form.
SUBSTANCE_FIELDS = ("DOI", "PMID", "issued", "volume", "page")


def source_rank(label: str) -> int:
    """The merge rank of a source; unknown sources rank with imported entries."""
    source = SOURCES.get(label)
    return source.rank if source else 2


def source_name(label: str) -> str:
    """How the source ``label`` is named to the user; an unknown label as it is."""
    source = SOURCES.get(label)
    return source.name if source else NOTICE_SOURCES.get(label, label)


def is_service(label: str) -> bool:
    return label in SERVICE_SOURCES


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


@dataclass(slots=True)
class Merged:
    """A merge's outcome: the effective record, who stated each field, and disagreements
    (``field -> [{"value", "sources"}]``, the chosen value first)."""

    work: Work
    provenance: dict[str, str]
    disagreements: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def merge_records(records: Iterable[tuple[str, Work]]) -> tuple[Work, dict[str, str]]:
    """Merge ``(source, csl)`` records into one CSL item and a field -> source map.

    A single record is returned as it is (not copied): callers treat it as read-only.
    """
    records = list(records)
    if len(records) == 1 and records[0][0] != "user" and not any(is_empty(v) for v in records[0][1].values()):
        source, record = records[0]  # one source: the record is the effective record
        return record, {name: source for name in record}
    merged = merge_detail(records)
    return merged.work, merged.provenance


# -- quality of a value (higher is better) -------------------------------------------------
_NON_LETTERS = re.compile(r"[\W\d_]+")


def _letters(text: str) -> str:
    return _NON_LETTERS.sub("", text)


def all_caps(text: Any) -> bool:
    """Whether a text shouts: three or more letters, none of them lower case."""
    return isinstance(text, str) and text.isupper() and len(_letters(text)) >= 3


def _case_quality(value: Any) -> int:
    return 0 if all_caps(value) else 1


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Case and accents away: ``Mékinian`` and ``MEKINIAN`` are one family name."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()


def _given_quality(person: dict[str, Any]) -> tuple[int, int]:
    given = person.get("given") or ""
    return (len(_letters(given)), _case_quality(given) + _case_quality(person.get("family") or ""))


def names_quality(people: Any, cut: bool = False) -> tuple[int, int, int, int]:
    """A name list's richness: how many people it shows there are (a cut list of three
    says there are at least four, so a "complete" list of three contradicts it), whether
    it is complete, given-name letters, case."""
    if not isinstance(people, list):
        return (0, 0, 0, 0)
    persons = [p for p in people if isinstance(p, dict)]
    given = sum(_given_quality(p)[0] for p in persons)
    case = sum(_given_quality(p)[1] for p in persons)
    return (len(persons) + (1 if cut else 0), 0 if cut else 1, given, case)


_PAGE_SPLIT = re.compile(r"\s*[-\u2010-\u2015]+\s*")


def first_page(page: Any) -> str:
    return _PAGE_SPLIT.split(str(page).strip(), maxsplit=1)[0].casefold()


def page_quality(page: Any) -> int:
    """A range (``2628-2638``) beats its first page (``2628``)."""
    parts = _PAGE_SPLIT.split(str(page).strip())
    return 1 if len(parts) > 1 and all(parts) else 0


def _date_parts(value: Any) -> list[Any]:
    if isinstance(value, dict):
        parts = value.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list):
            return parts[0]
    return []


def year_of(value: Any) -> str:
    parts = _date_parts(value)
    if parts and parts[0] not in (None, ""):
        return str(parts[0])
    if isinstance(value, dict) and value.get("raw"):
        found = re.search(r"\d{4}", str(value["raw"]))
        return found.group(0) if found else str(value["raw"])
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()


def date_quality(value: Any) -> int:
    return len([p for p in _date_parts(value) if p not in (None, "")])


_STOP_WORDS = frozenset({"of", "the", "and", "&", "for", "in", "on", "de", "la", "le", "der", "und", "a"})


@lru_cache(maxsize=4096)
def _content_words(text: str) -> tuple[str, ...]:
    return tuple(w for w in re.findall(r"[^\W\d_]+", fold(text)) if w not in _STOP_WORDS)


@lru_cache(maxsize=4096)
def looks_abbreviated(title: str) -> bool:
    """``N Engl J Med``, ``J. Clin. Pathol.``: a dotted word or a lone capital letter."""
    return bool(re.search(r"[^\W\d_]\.(?:\s|$)|(?:^|\s)[A-Z](?:\s|$)", title.strip()))


def abbreviates(short: str, full: str) -> bool:
    """Whether ``short`` abbreviates ``full`` word by word (``Ann Rheum Dis`` / ``Annals of
    the Rheumatic Diseases``): as many content words, each a prefix of its own."""
    a, b = _content_words(short), _content_words(full)
    return bool(a) and len(a) == len(b) and a != b and all(y.startswith(x) for x, y in zip(a, b, strict=True))


# -- the merge -----------------------------------------------------------------------------
def _dumps(value: Any) -> str:
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()
    except TypeError:
        return repr(value)


Candidate = tuple[str, Any, bool]  # (source, value, whether the record's author list is cut)


def _tiebreak(candidate: Candidate) -> tuple[int, str, str]:
    source, value, _ = candidate
    return (source_rank(source), source, _dumps(value))


def _best(candidates: list[Candidate], quality: Callable[[Candidate], Any]) -> Candidate:
    """The highest quality; among equals, the best-ranked source (deterministically)."""
    if len(candidates) == 1:
        return candidates[0]
    scored = [(quality(c), c) for c in candidates]
    top = max(score for score, _ in scored)
    best = [c for score, c in scored if score == top]
    return best[0] if len(best) == 1 else min(best, key=_tiebreak)


_SUBSTANCE_KEY: dict[str, Callable[[Any], str]] = {
    "DOI": lambda v: str(v).strip().casefold(),
    "PMID": lambda v: str(v).strip(),
    "issued": year_of,
    "volume": lambda v: re.sub(r"\s+", "", str(v)).casefold(),
    "page": first_page,
}

_FORM_QUALITY: dict[str, Callable[[Candidate], Any]] = {
    "page": lambda c: (page_quality(c[1]), _case_quality(c[1])),
    "issued": lambda c: date_quality(c[1]),
    "author": lambda c: names_quality(c[1], c[2]),
    "editor": lambda c: names_quality(c[1]),
}


def _quality(name: str) -> Callable[[Candidate], Any]:
    return _FORM_QUALITY.get(name) or (lambda c: _case_quality(c[1]))


def _enrich_names(chosen: list[Any], others: list[Candidate]) -> list[Any]:
    """Complete given names (and fix shouting case) person by person from other lists
    that name the same family name at the same place."""
    out = []
    for i, person in enumerate(chosen):
        if not isinstance(person, dict) or not person.get("family"):
            out.append(person)
            continue
        family = fold(person["family"])
        best, best_q, best_tb = person, _given_quality(person), (99, "", "")
        for candidate in others:
            people = candidate[1]
            if not isinstance(people, list) or i >= len(people):
                continue
            other = people[i]
            if not isinstance(other, dict) or fold(other.get("family") or "") != family:
                continue
            given_a, given_b = _letters(person.get("given") or ""), _letters(other.get("given") or "")
            if given_a and given_b and given_a[0].casefold() != given_b[0].casefold():
                continue  # another person of that name
            q, tb = _given_quality(other), _tiebreak(candidate)
            if q > best_q or (q == best_q and best is not person and tb < best_tb):
                best, best_q, best_tb = other, q, tb
        if best is not person:
            merged_person = dict(person)
            for part in ("given", "family"):
                if best.get(part) and (not person.get(part) or _given_quality(best) > _given_quality(person)):
                    merged_person[part] = best[part]
            out.append(merged_person)
        else:
            out.append(person)
    return out


def _container(candidates: dict[str, list[Candidate]], merged: Work, provenance: dict[str, str]) -> None:
    """``container-title`` is the fullest journal title stated; an abbreviation any source
    states stays beside it as ``container-title-short``."""
    full_c = candidates.get("container-title", [])
    short_c = candidates.get("container-title-short", [])
    every = [c for c in full_c + short_c if isinstance(c[1], str)]
    if not every:
        for name, found in (("container-title", full_c), ("container-title-short", short_c)):
            if found:
                chosen = _best(found, _quality(name))
                merged[name], provenance[name] = chosen[1], chosen[0]
        return
    texts = [c[1] for c in every]

    def abbreviated(text: str) -> bool:
        return looks_abbreviated(text) or any(abbreviates(text, other) for other in texts)

    fuller = [c for c in every if not abbreviated(c[1])]
    shorter = [c for c in every if abbreviated(c[1])]
    title = _best(fuller or full_c or every, lambda c: (_case_quality(c[1]), 0 if c in full_c else -1))
    merged["container-title"], provenance["container-title"] = title[1], title[0]
    shorts = [c for c in shorter if c[1] != title[1]] or [c for c in short_c if c[1] != title[1]]
    if shorts:
        short = _best(shorts, lambda c: (_case_quality(c[1]), 1 if c in short_c else 0))
        merged["container-title-short"], provenance["container-title-short"] = short[1], short[0]


def merge_detail(records: Iterable[tuple[str, Work]]) -> Merged:
    """Merge ``(source, csl)`` records field by field (see the module's rules)."""
    candidates: dict[str, list[Candidate]] = {}
    edits: dict[str, Any] = {}
    order: dict[str, None] = {}  # fields in the order records state them
    for source, record in records:
        cut = bool(record.get("et-al"))
        for name, value in record.items():
            order.setdefault(name)
            if source == "user" and name != "id":
                edits[name] = value  # (an edited author list says itself whether it is cut)
            elif name in ("id", "et-al"):
                continue
            elif not is_empty(value):
                candidates.setdefault(name, []).append((source, value, cut))
    merged: Work = {}
    provenance: dict[str, str] = {}
    disagreements: dict[str, list[dict[str, Any]]] = {}
    if "container-title" in candidates or "container-title-short" in candidates:
        _container(candidates, merged, provenance)
    for name, found in candidates.items():
        if name in ("container-title", "container-title-short"):
            continue
        pool = found
        key_of = _SUBSTANCE_KEY.get(name)
        if key_of is not None:
            groups: dict[str, list[Candidate]] = {}
            for candidate in found:
                groups.setdefault(key_of(candidate[1]), []).append(candidate)
            if len(groups) > 1:
                ordered = sorted(groups.values(), key=lambda group: min(_tiebreak(c) for c in group))
                pool = ordered[0]
                disagreements[name] = [
                    {"value": min(group, key=_tiebreak)[1], "sources": sorted({c[0] for c in group}, key=lambda s: (source_rank(s), s))}
                    for group in ordered
                ]
        chosen = _best(pool, _quality(name))
        value = chosen[1]
        if name in ("author", "editor") and isinstance(value, list):
            value = _enrich_names(value, [c for c in found if c is not chosen])
            if name == "author" and chosen[2]:
                merged["et-al"] = True
                provenance["et-al"] = chosen[0]
        merged[name], provenance[name] = value, chosen[0]
    for name, value in sorted(edits.items(), key=lambda item: item[0] == "et-al"):
        if name == "author":
            merged.pop("et-al", None)
            provenance.pop("et-al", None)
        if is_empty(value) or value is False:
            merged.pop(name, None)
            provenance[name] = "user"
        else:
            merged[name], provenance[name] = value, "user"
    for name in [n for n, s in provenance.items() if s == "user" and n not in merged]:
        del provenance[name]  # an unset field: no value, nobody stated it
    for name in ("container-title-short", "et-al"):
        order.setdefault(name)  # derived: stated under another name, or with the author list
    work = {name: merged[name] for name in order if name in merged}
    return Merged(work, {name: provenance[name] for name in work}, disagreements)


def disagreements(records: Iterable[tuple[str, Work]]) -> dict[str, list[dict[str, Any]]]:
    """Where sources disagree in substance (see :func:`merge_detail`)."""
    return merge_detail(records).disagreements
