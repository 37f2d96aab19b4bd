"""Readable, unique citation keys such as ``beck2020somatic`` (pure).

Keys are given once and then kept: the store never recomputes a key it has handed out,
because manuscripts cite keys.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from string import Formatter

from .identity import first_author_family, fold, fold_words, issued_year
from .model import Work

_STOPWORDS = frozenset(
    ["a", "an", "the", "of", "on", "in", "at", "to", "for", "from", "and", "or", "but", "with", "without", "by", "as", "is", "are", "was", "were", "be", "its", "it", "this", "that", "these", "those", "into", "onto", "over", "under", "than", "via", "vs", "versus", "after", "before", "about", "among", "between", "during", "de", "la", "le", "les", "el", "du", "des", "der", "die", "das", "und"]
)


def _significant_words(title: str) -> list[str]:
    return [w for w in fold_words(title).split() if w not in _STOPWORDS and not w.isdigit()]


def _authors(work: Work) -> str:
    """One or two family names, or the first and ``EtAl``."""
    people = work.get("author") or work.get("editor") or []
    names = [fold(p.get("family") or p.get("literal") or "") for p in people if isinstance(p, dict)]
    names = [n for n in names if n]
    if len(names) > 2:
        return names[0] + "EtAl"
    return "".join(n.capitalize() if i else n for i, n in enumerate(names))


def _journal(work: Work) -> str:
    """The journal as its abbreviation's words run together (``NEnglJMed``)."""
    value = work.get("container-title-short") or work.get("container-title") or ""
    if isinstance(value, list):
        value = value[0] if value else ""
    words = re.findall(r"[0-9a-z]+", fold_words(str(value)))
    return "".join(w.capitalize() for w in words)


def _plain(value: object) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", str(value or ""))


#: Key-pattern placeholders and what each takes from a work.
PLACEHOLDERS: dict[str, Callable[[Work], str]] = {
    "author": lambda w: fold(first_author_family(w) or "") or "anon",
    "Author": lambda w: (fold(first_author_family(w) or "") or "anon").capitalize(),
    "authors": lambda w: _authors(w) or "anon",
    "year": lambda w: str(issued_year(w)) if issued_year(w) is not None else "nd",
    "title": lambda w: next(iter(_significant_words(w.get("title") or "")), ""),
    "Title": lambda w: next(iter(_significant_words(w.get("title") or "")), "").capitalize(),
    "shorttitle": lambda w: "".join(_significant_words(w.get("title") or "")[:3]),
    "ShortTitle": lambda w: "".join(x.capitalize() for x in _significant_words(w.get("title") or "")[:3]),
    "journal": _journal,
    "volume": lambda w: _plain(w.get("volume")),
    "issue": lambda w: _plain(w.get("issue")),
    "firstpage": lambda w: _plain(re.split(r"[-\u2013\u2014]", str(w.get("page") or ""))[0]),
}


def check_key_pattern(pattern: str) -> None:
    """Refuse a key pattern with a placeholder this version does not know, or a stray brace."""
    from .errors import UsageError

    try:
        fields = [name for _, name, spec, conv in Formatter().parse(pattern) if name is not None]
    except ValueError as exc:
        raise UsageError(f"key pattern {pattern!r}: {exc}; write placeholders as {{author}}") from exc
    unknown = [name for name in fields if name not in PLACEHOLDERS]
    if unknown:
        raise UsageError(
            f"key pattern {pattern!r}: unknown placeholder {{{unknown[0]}}}; "
            f"use {', '.join('{' + p + '}' for p in PLACEHOLDERS)}"
        )
    try:
        pattern.format(**{name: "x" for name in PLACEHOLDERS})
    except (ValueError, IndexError) as exc:
        raise UsageError(f"key pattern {pattern!r}: {exc}") from exc


def key_stem(work: Work, pattern: str = "{author}{year}{title}") -> str:
    """The key before uniqueness suffixes; falls back gracefully on missing fields.

    A work known only by an identifier is keyed by it (``pmid40373272``), since an
    ``anonnd`` key would say nothing. An unknown placeholder is a usage error (see
    :func:`check_key_pattern`).
    """
    if not first_author_family(work) and not work.get("title"):
        for field in ("PMID", "PMCID", "DOI"):
            if work.get(field):
                ident = re.sub(r"[^0-9a-z]+", "_", str(work[field]).lower()).strip("_")
                return ident if field == "PMCID" else f"{field.lower()}{'_' if field == 'DOI' else ''}{ident}"
    try:
        stem = pattern.format_map(_Lazy(work))
    except (KeyError, ValueError, IndexError):
        check_key_pattern(pattern)  # says what is wrong
        raise
    stem = re.sub(r"[^0-9A-Za-z_:\-]", "", stem)
    return stem or "ref"


class _Lazy(dict):  # type: ignore[type-arg]
    """Placeholders computed only when the pattern uses them."""

    def __init__(self, work: Work) -> None:
        super().__init__()
        self.work = work

    def __missing__(self, name: str) -> str:
        if name not in PLACEHOLDERS:
            raise KeyError(name)
        value = PLACEHOLDERS[name](self.work)
        self[name] = value
        return value


#: A library key: valid in BibTeX, BibLaTeX, LaTeX's \\cite, pandoc's ``@key``, RIS and
#: CSL-JSON, one segment of a URL path and a file name without quoting (no ``/``, no
#: spaces, not ``.`` or ``..``, no leading ``-`` an option parser would take).
_USABLE_KEY = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_:.\-]{0,99}")
USABLE_KEY_RULE = "a letter, digit or _ first, then letters, digits and _ : . - (at most 100)"


def is_usable_key(key: str) -> bool:
    """Whether ``key`` can be a work's key (the one rule for imports, ``rekey``, ``add --key``)."""
    return bool(_USABLE_KEY.fullmatch(key))


def cited_key_of(fmt: str, entry_key: str | None) -> str | None:
    """The key an entry already has (a BibTeX key, a CSL-JSON id such as Zotero's
    citation key), as manuscripts cite it, whether or not it can be a library key: a
    key that cannot (``smith/2020``) still names the work, as an alias."""
    if fmt not in ("bibtex", "csl-json") or not entry_key:
        return None
    key = entry_key.strip()
    return key if key and len(key) <= 200 and not re.search(r"[\s\x00-\x1f\x7f]", key) else None


def own_key_of(fmt: str, entry_key: str | None) -> str | None:
    """The entry's own key (see :func:`cited_key_of`) when it is usable as a library key:
    manuscripts already cite it."""
    key = cited_key_of(fmt, entry_key)
    return key if key is not None and is_usable_key(key) else None


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
