"""Small pure helpers shared by the structured importers: names, pages, dates."""

from __future__ import annotations

import re

from ..csl import date_from_text as date_parts_from_text
from ..csl import looks_like_group, page_range

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
    """Whether the parts around a name's comma are an organisation's name: an
    organisation's word in a family name of several words, or in the given part
    (``Force, Lisa M.`` is a person; ``Study Group, VEXAS`` and ``WHO, Regional Office``
    are not)."""
    return (looks_like_group(family) and len(family.split()) > 1) or looks_like_group(given)


def line_of_offset(text: str, offset: int) -> int:
    """1-based line number of a character offset."""
    return text.count("\n", 0, offset) + 1
