"""A CSL item of any shape made into the shape the rest of vexascite expects.

CSL-JSON files come from many tools and from hand editing: authors written as one
string, numbers where strings belong, ``date-parts`` flat or as an object, strings
holding lone surrogates. Rather than every consumer guarding against every shape, an
item is reshaped once here: what can be read unambiguously is kept (and said), what
cannot is left out of the work and stays in the raw entry.
"""

from __future__ import annotations

import math
from typing import Any

NAME_FIELDS = frozenset({
    "author", "editor", "translator", "container-author", "collection-editor", "composer", "director",
    "editorial-director", "illustrator", "interviewer", "original-author", "recipient", "reviewed-author",
    "chair", "compiler", "contributor", "curator", "executive-producer", "guest", "host", "narrator",
    "organizer", "performer", "producer", "script-writer", "series-creator",
})
DATE_FIELDS = frozenset({"issued", "accessed", "submitted", "event-date", "original-date", "available-date"})
#: Variables CSL allows to be numbers: a number there is kept as a number.
NUMBER_FIELDS = frozenset({
    "volume", "issue", "page", "number", "edition", "chapter-number", "collection-number", "number-of-pages",
    "number-of-volumes", "citation-number", "first-reference-note-number", "part-number", "printing-number",
    "supplement-number", "version", "page-first",
})
NAME_PARTS = frozenset({"family", "given", "literal", "non-dropping-particle", "dropping-particle", "suffix"})


def clean_text(value: str) -> str:
    """A string that can be stored: lone surrogates (from ``\\ud800`` escapes) replaced."""
    if value.isascii():
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return value


def scalar_text(value: Any) -> str | None:
    """A string or a finite number as text; anything else is not a text value."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, int) or (isinstance(value, float) and math.isfinite(value)):
        return str(value)
    return None


def _person(value: Any) -> dict[str, str] | None:
    if isinstance(value, str):
        text = clean_text(value).strip()
        return {"literal": text} if text else None
    if not isinstance(value, dict):
        return None
    person: dict[str, Any] = {}
    for part, text in value.items():
        shown = scalar_text(text) if not isinstance(text, bool) else text  # parse-names, static-ordering
        if shown is not None:
            person[clean_text(str(part))] = shown
    return person if any(part in NAME_PARTS for part in person) else None


def shape_names(value: Any) -> tuple[list[dict[str, str]] | None, str | None]:
    """A CSL name list, and a note when the value was not one."""
    if isinstance(value, (str, dict)):
        people = [p for p in [_person(value)] if p]
        return people or None, "was a single name, not a list of names"
    if not isinstance(value, list):
        return None, f"is {_kind(value)}, not a list of names; left out"
    people = [p for p in (_person(v) for v in value) if p]
    dropped = len(value) - len(people)
    return people or None, (f"{dropped} of its names could not be read; left out" if dropped else None)


def _date_part(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.strip().lstrip("-").isdigit() and len(value.strip()) <= 6:
        value = int(value.strip())
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return value if isinstance(value, int) and -99999 < value < 100000 else None


def shape_date(value: Any) -> tuple[dict[str, Any] | None, str | None]:
    """A CSL date (``date-parts`` as a list of lists of numbers, or ``raw``/``literal``)."""
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        text = str(value).strip()
        return ({"raw": clean_text(text)} if text else None), None
    if not isinstance(value, dict):
        return None, f"is {_kind(value)}, not a date; left out"
    date: dict[str, Any] = {}
    note = None
    parts = value.get("date-parts")
    if parts is not None:
        if isinstance(parts, list) and parts and not any(isinstance(p, list) for p in parts):
            parts, note = [parts], "date-parts was flat ([2020, 1]); read as [[2020, 1]]"
        rows = []
        if isinstance(parts, list):
            for row in parts[:2]:
                numbers = [_date_part(p) for p in row] if isinstance(row, list) else []
                numbers = numbers[: numbers.index(None)] if None in numbers else numbers
                if numbers:
                    rows.append(numbers[:3])
        if rows:
            date["date-parts"] = rows
        else:
            note = f"date-parts {_kind(parts)} could not be read; left out"
    for key in ("raw", "literal", "season", "circa"):
        if key in value:
            shown = scalar_text(value[key]) if key != "circa" else value[key] if isinstance(value[key], (bool, int, str)) else None
            if shown not in (None, ""):
                date[key] = shown
    return date or None, note


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


def shape_item(item: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The item's variables in CSL's shapes (``id`` left out), and notes on what was not."""
    work: dict[str, Any] = {}
    notes: list[str] = []
    for raw_name, value in item.items():
        name = clean_text(str(raw_name))
        if name == "id" or value is None or (name == "custom" and isinstance(value, dict)):
            continue  # CSL's ``custom`` object holds an application's own data, no variable (vexascite's et-al is read apart)
        shaped: Any
        if name in NAME_FIELDS:
            shaped, note = shape_names(value)
        elif name in DATE_FIELDS:
            shaped, note = shape_date(value)
        elif name in NUMBER_FIELDS and isinstance(value, int) and not isinstance(value, bool):
            shaped, note = value, None
        else:
            shaped = scalar_text(value)
            note = None
            if shaped is None and isinstance(value, list) and value and all(scalar_text(v) is not None for v in value):
                shaped = scalar_text(value[0]) if len(value) == 1 else "; ".join(scalar_text(v) or "" for v in value)
            elif shaped is None:
                note = f"is {_kind(value)}, not text; left out (kept in the raw entry)"
        if note:
            notes.append(f"{name} {note}")
        if shaped is not None:
            work[name] = shaped
    return work, notes
