"""Small pure helpers shared by the structured importers: names, pages, dates."""

from __future__ import annotations

import re

from ..csl import PARTICLE_WORDS, looks_like_group, page_range
from ..csl import date_from_text as date_parts_from_text

__all__ = ["date_parts_from_text", "line_of_offset", "page_range", "person_from_inverted"]


def person_from_inverted(name: str) -> dict[str, str]:
    """``Family, Given`` (RIS, MEDLINE FAU) or ``Family GI`` (MEDLINE AU) to a CSL name;
    an organisation stays whole, commas and acronyms in it too (``Invented Vasculitis
    Agency, Northern Office``: RIS has no other way to write one)."""
    name = name.strip().strip(",")
    if "," in name:
        family, _, given = name.partition(",")
        given = given.strip().strip(",").strip()
        if _organisation(family.strip(), given):
            return {"literal": name}
        person = {"family": family.strip()}
        first, comma, suffix = given.rpartition(",")  # RIS: Family, Given, Suffix
        if comma and _SUFFIX.fullmatch(suffix.strip()):
            given, person["suffix"] = first.strip(), suffix.strip()
        if given:
            person["given"] = given
        return person
    match = re.fullmatch(r"(.+?)\s+([A-Z]{1,4})", name)
    if match and not _organisation(match.group(1), ""):
        return {"family": match.group(1), "given": match.group(2)}
    return {"literal": name} if " " in name else {"family": name}


_SUFFIX = re.compile(r"(?:Jr|Sr|II|III|IV|V|2nd|3rd)\.?", re.IGNORECASE)


def _organisation(family: str, given: str) -> bool:
    """Whether the parts around a name's comma are an organisation's name rather than a
    person's ``Family, Given``.

    It is one when an organisation's word stands in a family part of several words or in
    the given part (``Study Group, VEXAS``, ``WHO, Regional Office``; ``Force, Lisa M.``
    is a person), or when either part is not shaped like a person's:

    - a family part with a digit, with an acronym beside an ordinary word
      (``VEXAS-France``, ``French VEXAS Cohort``: a family name in capitals, ``BECK``,
      ``GEORGIN-LAVIALLE``, is all capitals), or of three or more capitalised words
      besides particles when the given part is no initials (``Nordic Vasculitis
      Researchers, Bergen``; ``Santos Silva Pereira, J.`` stays a person);
    - a given part (its suffix aside: ``Smith, J., 3rd``, ``Castro, Ana F 3rd``) with a digit, an ``&`` or an
      English joining word (``Bergen and Oslo``, ``Division of ...``; particles such as
      ``Ludwig van`` or ``Ahmed bin Ali`` are a person's).

    A place after the comma of a family part of one or two words (``Vasculitis
    Researchers, Bergen``) is shaped like ``Garcia Lopez, Jose`` and stays a person.
    """
    if (looks_like_group(family) and len(family.split()) > 1) or looks_like_group(given):
        return True
    named = [w for w in given.replace(",", " ").split() if not _SUFFIX.fullmatch(w)]  # MEDLINE: ``Castro, Ana F 3rd``
    if any(char.isdigit() for char in family + "".join(named)) or "&" in given:
        return True
    words = [w for w in re.split(r"[\s-]+", family) if w and w.casefold() not in PARTICLE_WORDS]
    acronyms = [w for w in words if len(w) >= 3 and w.isupper()]
    ordinary = [w for w in words if len(w) >= 4 and not w.isupper()]
    if acronyms and ordinary:
        return True
    given_words = given.split()
    initials = bool(given_words) and all(_INITIALS.fullmatch(w) for w in given_words)
    if len(family.split()) - sum(w.casefold() in PARTICLE_WORDS for w in family.split()) >= 3 and not initials:
        return True
    return any(w in _JOINING_WORDS for w in given_words)


#: Words that join an organisation's parts, never a person's given names.
_JOINING_WORDS = frozenset(("and", "of", "for", "the", "on", "in", "at", "with"))

#: A word of initials: ``D.``, ``DB``, ``D.B.``, ``J.-P.``
_INITIALS = re.compile(r"(?:[A-Z]\.?-?){1,4}")


def line_of_offset(text: str, offset: int) -> int:
    """1-based line number of a character offset."""
    return text.count("\n", 0, offset) + 1
