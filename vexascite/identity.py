"""When are two records the same work? Normalised identity keys and near-miss scores (pure).

Rule: the same normalised DOI, or the same PMID, or the same normalised title with years
within one and the same first-author family name. Two different DOIs or PMIDs always mean
two works (an erratum shares its article's title). Near misses are scored for review,
never merged silently.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from .csl import date_year
from .ids import normalize_doi, normalize_pmcid, normalize_pmid
from .model import Work
from .richtext import plain_text

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


_UNDECOMPOSED = str.maketrans(
    {"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
     "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d", "ı": "i"}
)


@lru_cache(maxsize=4096)
def _ascii_words(text: str) -> str:
    """Lower-case ASCII of a field's words (:func:`~vexascite.richtext.plain_text`: a tag
    the text spells, ``<title>``, is a word; CSL's markup is not; entities decoded), accents
    stripped, letters without a decomposition (ß, ø, ł, ...) spelt out; other scripts dropped."""
    if "<" in text or "&" in text:
        text = plain_text(text)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED)).encode("ascii", "ignore").decode()
    return text.lower()


def fold(text: str) -> str:
    """Lower-case ASCII letters and digits only: accents, case, markup and spacing removed."""
    return _NON_ALNUM.sub("", _ascii_words(text))


def first_author_family(work: Work) -> str | None:
    """The first author's (or editor's) family name or literal, as printed."""
    for role in ("author", "editor"):
        people = work.get(role) or []
        if people:
            person = people[0]
            return person.get("family") or person.get("literal")
    return None


def issued_year(work: Work) -> int | None:
    """The year of ``issued``, whatever form it was written in."""
    return date_year(work.get("issued"))


class IdentityKeys(NamedTuple):
    """The normalised fields duplicate detection compares. (A named tuple: a large file's
    references cross between processes with theirs, and tuples pickle fastest.)"""

    doi: str | None
    pmid: str | None
    pmcid: str | None
    title: str | None
    author: str | None
    year: int | None


def identity_keys(work: Work) -> IdentityKeys:
    """Derive the comparison keys of a CSL item."""
    title = work.get("title")
    author = first_author_family(work)
    return IdentityKeys(
        doi=normalize_doi(work.get("DOI")),
        pmid=normalize_pmid(work.get("PMID")),
        pmcid=normalize_pmcid(work.get("PMCID")),
        title=fold(title) or None if isinstance(title, str) else None,
        author=fold(author) or None if author else None,
        year=issued_year(work),
    )


def conflicting_ids(a: IdentityKeys, b: IdentityKeys) -> bool:
    """True when both state an identifier of one kind and the values differ."""
    return any(
        x is not None and y is not None and x != y
        for x, y in ((a.doi, b.doi), (a.pmid, b.pmid), (a.pmcid, b.pmcid))
    )


#: The identifiers that say which article a record is (CSL names).
ID_FIELDS = ("DOI", "PMID", "PMCID")


def contradicted_records(records: list[tuple[str, Work]], stated: Work) -> dict[str, str]:
    """Records (by source) that are of another article than the identifiers ``stated``
    (the user's own), each with why: ``{"crossref": "DOI 10.5555/a, not 10.5555/b"}``.

    A record that agrees with a stated identifier vouches for its other identifiers too
    (the PubMed record of a stated PMID gives the DOI that goes with it), so a record
    for an old DOI is found out when only the PMID was edited; and a record sharing an
    identifier only with records found out is of their article (the Crossref record of
    the DOI an old PubMed record gave).
    """
    normal = {"DOI": normalize_doi, "PMID": normalize_pmid, "PMCID": normalize_pmcid}

    def ids(work: Work) -> dict[str, str]:
        return {name: value for name in ID_FIELDS if (value := normal[name](work.get(name)))}

    anchor = ids(stated)
    if not anchor:
        return {}
    own = [(source, ids(csl)) for source, csl in records]
    grown = True
    while grown:  # identifiers vouched for by records that agree with the anchor
        grown = False
        for _, found in own:
            agrees = all(anchor.get(name, value) == value for name, value in found.items())
            if agrees and any(anchor.get(name) == value for name, value in found.items()):
                for name, value in found.items():
                    if name not in anchor:
                        anchor[name] = value
                        grown = True
    out: dict[str, str] = {}
    for source, found in own:
        clashes = [f"{name} {value}, not {anchor[name]}" for name, value in found.items() if anchor.get(name, value) != value]
        if clashes:
            out[source] = "; ".join(clashes)
    grown = True
    while grown:  # and a record sharing an identifier only with those is of their article
        grown = False
        old = {(name, value): source for source, found in own if source in out
               for name, value in found.items() if anchor.get(name) != value}
        for source, found in own:
            shared = [(name, value) for name, value in found.items() if (name, value) in old]
            if source not in out and shared:
                name, value = shared[0]
                out[source] = f"{name} {value}, as the {old[name, value]} record set aside"
                grown = True
    return out


def same_work(a: IdentityKeys, b: IdentityKeys) -> bool:
    """The duplicate rule of the library (see module docstring)."""
    if conflicting_ids(a, b):
        return False
    if (a.doi and a.doi == b.doi) or (a.pmid and a.pmid == b.pmid) or (a.pmcid and a.pmcid == b.pmcid):
        return True
    if not (a.title and a.title == b.title and len(a.title) >= 8):
        return False
    if a.year is not None and b.year is not None and abs(a.year - b.year) > 1:
        return False
    if a.author is None and b.author is None:
        # No author on either side (web pages, proceedings): only a long title and the
        # same year make them one work.
        return len(a.title) >= 20 and a.year == b.year
    return bool(a.author and a.author == b.author)


#: What a near-miss score takes off the titles' likeness for another first author, and
#: again for years more than one apart.
NEAR_MISS_PENALTY = 15.0


def near_miss_score(a: Work, b: Work) -> float:
    """0-100 likeness of two works that the duplicate rule kept apart."""
    title_a, title_b = a.get("title") or "", b.get("title") or ""
    if not title_a or not title_b:
        return 0.0
    return near_miss_of(identity_keys(a), identity_keys(b), compared_title(title_a), compared_title(title_b))


def near_miss_of(ka: IdentityKeys, kb: IdentityKeys, title_a: str, title_b: str) -> float:
    """:func:`near_miss_score` from each work's keys and compared title, made once per work
    when a whole library is compared."""
    if conflicting_ids(ka, kb):
        return 0.0
    from rapidfuzz import fuzz  # only near misses need it: importing stays light

    score = fuzz.token_sort_ratio(title_a, title_b)
    if ka.author and kb.author and ka.author != kb.author:
        score -= NEAR_MISS_PENALTY
    if ka.year and kb.year and abs(ka.year - kb.year) > 1:
        score -= NEAR_MISS_PENALTY
    return max(score, 0.0)


#: Characters of a title fuzzy scores compare: no real title is longer, and the scores
#: grow with the product of two lengths (a 20 MB title from a hostile file took hours).
COMPARED_TITLE_CHARS = 1000


def compared_title(title: str) -> str:
    """The folded words of a title's beginning, as near-miss scores compare them."""
    return fold_words(title[: 2 * COMPARED_TITLE_CHARS])[:COMPARED_TITLE_CHARS]


def fold_words(text: str) -> str:
    """Like :func:`fold` but keeps word boundaries, for token-based fuzzy scores."""
    return " ".join(re.findall(r"[0-9a-z]+", _ascii_words(text)))
