"""Parse a document's reference strings to CSL-JSON, no library needed, saying what was found."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..progress import report
from ..refstring import find_reference_lists, parse_reference
from ..refstring.lists import describe, summarize

#: Progress is reported every this many strings.
_PROGRESS_EVERY = 200


@dataclass(slots=True)
class ParsedDocument:
    """CSL-JSON items in document order, and one line per list found (or why none was)."""

    items: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def parse_document(text: str, *, per_line: bool = False) -> ParsedDocument:
    """Parse reference strings to CSL-JSON items.

    With ``per_line`` every line is one reference and exactly one item comes back per
    line, in order (an empty line gives an item with only ``raw``). Otherwise the text
    is read as a document: its reference lists are found and each entry parsed (or each
    non-empty line, when no list is found, which the notes say). Each item carries
    ``raw`` (the string as given) and, for numbered entries, ``citation-number``.
    """
    result = ParsedDocument()
    if per_line:
        lines = text.split("\n")
        if lines and (text.endswith("\n") or not text):
            lines.pop()  # the empty string after the last newline is not a line
        for done, line in enumerate(lines, start=1):
            raw = line.rstrip("\r")
            item = parse_reference(raw) if raw.strip() else {}
            result.items.append({**item, "raw": raw})
            if done % _PROGRESS_EVERY == 0 or done == len(lines):
                report("parsing references", done, len(lines))
        return result
    lists = find_reference_lists(text)
    if not lists:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if lines:
            result.notes.append(f"no reference list found: each of the {len(lines)} non-empty lines read as one reference")
        for done, line in enumerate(lines, start=1):
            result.items.append({**parse_reference(line), "raw": line})
            if done % _PROGRESS_EVERY == 0 or done == len(lines):
                report("parsing references", done, len(lines))
        return result
    total = sum(len(found.entries) for found in lists)
    done = 0
    for found in lists:
        result.notes.append(describe(summarize(found)))
        for entry in found.entries:
            item = {**parse_reference(entry.body or entry.text), "raw": entry.text}
            if entry.number is not None:
                item["citation-number"] = str(entry.number)
            result.items.append(item)
            done += 1
            if done % _PROGRESS_EVERY == 0 or done == total:
                report("parsing references", done, total)
    return result
