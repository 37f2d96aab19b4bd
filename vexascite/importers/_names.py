"""Small pure helpers shared by the structured importers: names, pages, dates."""

from __future__ import annotations

import re

from ..csl import date_from_text as date_parts_from_text
from ..csl import page_range

__all__ = ["date_parts_from_text", "line_of_offset", "page_range", "person_from_inverted"]


def person_from_inverted(name: str) -> dict[str, str]:
    """``Family, Given`` (RIS, MEDLINE FAU) or ``Family GI`` (MEDLINE AU) to a CSL name."""
    name = name.strip().strip(",")
    if "," in name:
        family, _, given = name.partition(",")
        person = {"family": family.strip()}
        given = given.strip().strip(",").strip()
        if given:
            person["given"] = given
        return person
    match = re.fullmatch(r"(.+?)\s+([A-Z]{1,4})", name)
    if match:
        return {"family": match.group(1), "given": match.group(2)}
    return {"literal": name} if " " in name else {"family": name}


def line_of_offset(text: str, offset: int) -> int:
    """1-based line number of a character offset."""
    return text.count("\n", 0, offset) + 1
