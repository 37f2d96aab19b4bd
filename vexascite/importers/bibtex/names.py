"""BibTeX name lists to CSL names: ``and`` split outside braces, ``and others`` noted,
each name's parts cached (the same names recur across a bibliography)."""

from __future__ import annotations

import re
from functools import lru_cache

from bibtexparser.middlewares.names import parse_single_name_into_parts

from ..latex import decode_accents, latex_to_unicode
from .values import balanced_inner

_SIMPLE_INVERTED = re.compile(r"^([^,{}\\]+),\s*([^,{}\\]*)$")


@lru_cache(maxsize=65536)
def _person_cached(name: str) -> tuple[tuple[str, str], ...]:
    """A name's CSL parts as pairs (cached: the same names recur across a bibliography).
    Accents are decoded before the name is split, so ``\\~{n}`` is not taken for a tie."""
    name = decode_accents(name).strip()
    if not name:
        return ()
    if name.startswith("{") and name.endswith("}") and balanced_inner(name):
        return (("literal", latex_to_unicode(name[1:-1])),)
    simple = _SIMPLE_INVERTED.match(name) if "\\" not in name else None
    if simple and not simple.group(1).strip()[:1].islower():
        family, given = simple.group(1).strip(), simple.group(2).strip()
        return tuple((k, v) for k, v in (("family", family), ("given", given)) if v)
    try:
        parts = parse_single_name_into_parts(name, strict=False)
    except Exception:  # a name bibtexparser cannot split is kept whole
        return (("literal", latex_to_unicode(name)),)
    person = []
    if parts.last:
        person.append(("family", latex_to_unicode(" ".join(parts.last))))
    if parts.first:
        person.append(("given", latex_to_unicode(" ".join(parts.first))))
    if parts.von:
        person.append(("non-dropping-particle", latex_to_unicode(" ".join(parts.von))))
    if parts.jr:
        person.append(("suffix", latex_to_unicode(" ".join(parts.jr))))
    return tuple(person)


def _person(name: str) -> dict[str, str] | None:
    return dict(_person_cached(name)) or None


_AND = re.compile(r"(\s+and\s+)", re.IGNORECASE)


def split_names(value: str) -> list[str]:
    """Split on `` and `` outside braces (bibtexparser's splitter mistakes ``\\v`` for a space)."""
    pieces = _AND.split(value)  # names and the separators between them, alternating
    names: list[str] = []
    current, depth = "", 0
    for index, piece in enumerate(pieces):
        if index % 2:  # a separator: it splits only outside braces
            if depth > 0:
                current += piece
            else:
                names.append(current)
                current = ""
            continue
        current += piece
        closes = piece.count("}")
        if depth >= closes:  # cannot fall below zero inside this piece: count, don't walk
            depth += piece.count("{") - closes
        else:
            for ch in piece:
                if ch == "{":
                    depth += 1
                elif ch == "}":
                    depth = max(depth - 1, 0)
    names.append(current)
    return [name.strip() for name in names if name.strip()]


def parse_names(value: str) -> tuple[list[dict[str, str]], bool]:
    """BibTeX ``and``-separated names to CSL names; says whether the list ended ``and others``."""
    names = split_names(value)
    truncated = bool(names) and names[-1].strip().lower() == "others"
    if truncated:
        names = names[:-1]
    people = [p for p in (_person(n) for n in names) if p]
    return people, truncated
