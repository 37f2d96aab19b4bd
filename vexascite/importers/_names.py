"""Small pure helpers shared by the structured importers: names, pages, dates."""

from __future__ import annotations

import re
from typing import Any

MONTH_ABBR = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}


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


def page_range(first: str | None, last: str | None) -> str | None:
    if not first:
        return None
    return f"{first}-{last}" if last and last != first else first


def date_parts_from_text(text: str | None) -> dict[str, Any] | None:
    """``2020``, ``2020 Dec 24``, ``2020/12/24/``, ``2020-12`` to CSL date-parts."""
    if not text:
        return None
    match = re.match(r"\s*(\d{4})(?:[ /-]+([A-Za-z]{3}|\d{1,2}))?(?:[ /-]+(\d{1,2}))?", text)
    if not match:
        return {"raw": text.strip()}
    parts = [int(match.group(1))]
    month = match.group(2)
    if month:
        number = MONTH_ABBR.get(month[:3].lower()) if month.isalpha() else int(month)
        if number and 1 <= number <= 12:
            parts.append(number)
            if match.group(3) and 1 <= int(match.group(3)) <= 31:
                parts.append(int(match.group(3)))
    return {"date-parts": [parts]}


def line_of_offset(text: str, offset: int) -> int:
    """1-based line number of a character offset."""
    return text.count("\n", 0, offset) + 1
