"""Readable, unique citation keys such as ``beck2020somatic`` (pure).

Keys are given once and then kept: the store never recomputes a key it has handed out,
because manuscripts cite keys.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .identity import first_author_family, fold, fold_words, issued_year
from .model import Work

_STOPWORDS = frozenset(
    ["a", "an", "the", "of", "on", "in", "at", "to", "for", "from", "and", "or", "but", "with", "without", "by", "as", "is", "are", "was", "were", "be", "its", "it", "this", "that", "these", "those", "into", "onto", "over", "under", "than", "via", "vs", "versus", "after", "before", "about", "among", "between", "during", "de", "la", "le", "les", "el", "du", "des", "der", "die", "das", "und"]
)


def _first_title_word(title: str) -> str:
    for word in fold_words(title).split():
        if word not in _STOPWORDS and not word.isdigit():
            return word
    return ""


def key_stem(work: Work, pattern: str = "{author}{year}{title}") -> str:
    """The key before uniqueness suffixes; falls back gracefully on missing fields.

    A work known only by an identifier is keyed by it (``pmid40373272``), since an
    ``anonnd`` key would say nothing.
    """
    if not first_author_family(work) and not work.get("title"):
        for field in ("PMID", "PMCID", "DOI"):
            if work.get(field):
                ident = re.sub(r"[^0-9a-z]+", "_", str(work[field]).lower()).strip("_")
                return ident if field == "PMCID" else f"{field.lower()}{'_' if field == 'DOI' else ''}{ident}"
    author = fold(first_author_family(work) or "") or "anon"
    year = issued_year(work)
    title = _first_title_word(work.get("title") or "")
    stem = pattern.format(
        author=author,
        Author=author.capitalize(),
        year=year if year is not None else "nd",
        title=title,
        Title=title.capitalize(),
    )
    stem = re.sub(r"[^0-9A-Za-z_:\-]", "", stem)
    return stem or "ref"


_USABLE_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_:.\-]{0,63}")


def own_key_of(fmt: str, entry_key: str | None) -> str | None:
    """The key an entry already has (a BibTeX key, a CSL-JSON id such as Zotero's
    citation key) when it is usable as a library key: manuscripts already cite it."""
    if fmt not in ("bibtex", "csl-json") or not entry_key:
        return None
    key = entry_key.strip()
    return key if _USABLE_KEY.fullmatch(key) else None


def unique_key(stem: str, is_taken: Callable[[str], bool]) -> str:
    """``stem``, or ``stem`` + a, b, ..., z, aa, ... whichever is free first."""
    if not is_taken(stem):
        return stem
    n = 0
    while True:
        suffix, m = "", n
        while True:
            suffix = chr(ord("a") + m % 26) + suffix
            m = m // 26 - 1
            if m < 0:
                break
        candidate = stem + suffix
        if not is_taken(candidate):
            return candidate
        n += 1
