"""Parse a document's reference strings to CSL-JSON, no library needed, saying what was found."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ..config import Settings
from ..model import RefStatus
from ..progress import counted
from ..refstring import find_reference_lists, parse_reference
from ..refstring.lists import describe, summarize
from ..richtext import rich_fields
from ..wording import quantity
from .common import open_library
from .exports import sync_exports


@dataclass(slots=True)
class ParsedDocument:
    """CSL-JSON items in document order, and one line per list found (or why none was)."""

    items: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _parsed(text: str) -> dict[str, Any]:
    """A reference string's CSL item with its titles as CSL rich text (``richtext``'s rule, as
    ``import`` stores them): ``<i>`` is italics, ``The <title> element`` is written ``The
    &lt;title> element``, so other CSL readers see the text it is and importing the output
    stores exactly what was printed."""
    return dict(rich_fields(parse_reference(text), "csl"))


def parse_document(text: str, *, per_line: bool = False) -> ParsedDocument:
    """Parse reference strings to CSL-JSON items.

    With ``per_line`` every line is one reference and exactly one item comes back per
    line, in order (an empty line gives an item with only ``raw``). Otherwise the text
    is read as a document: its reference lists are found and each entry parsed (or each
    non-empty line, when no list is found, which the notes say). Each item carries
    ``raw`` (the string as given) and, for numbered entries, ``citation-number``; titles
    are CSL rich text, as the library stores them.
    """
    result = ParsedDocument()
    if per_line:
        lines = text.split("\n")
        if lines and (text.endswith("\n") or not text):
            lines.pop()  # the empty string after the last newline is not a line
        for line in counted(lines, "parsing references", len(lines)):
            raw = line.rstrip("\r")
            item = _parsed(raw) if raw.strip() else {}
            result.items.append({**item, "raw": raw})
        return result
    lists = find_reference_lists(text)
    if not lists:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if lines:
            result.notes.append(f"no reference list found: each of the {quantity(len(lines), 'non-empty line')} read as one reference")
        for line in counted(lines, "parsing references", len(lines)):
            result.items.append({**_parsed(line), "raw": line})
        return result
    result.notes.extend(describe(summarize(found)) for found in lists)
    entries = [entry for found in lists for entry in found.entries]
    for entry in counted(entries, "parsing references", len(entries)):
        item = {**_parsed(entry.body or entry.text), "raw": entry.text}
        if entry.number is not None:
            item["citation-number"] = str(entry.number)
        elif entry.label is not None:
            item["citation-label"] = entry.label  # a Markdown footnote's name: [^note-3]
        result.items.append(item)
    return result


def parse_strings(text: str, *, per_line: bool = False) -> list[dict[str, Any]]:
    """The CSL-JSON items of :func:`parse_document`."""
    items: list[dict[str, Any]] = parse_document(text, per_line=per_line).items
    return items


@dataclass(slots=True)
class ReparseReport:
    """What ``reparse`` did: references looked at, re-read, changed, and works touched."""

    parser_version: str
    checked: int = 0
    changed: int = 0
    new_works: int = 0
    failed: int = 0


def reparse(settings: Settings, *, everything: bool = False) -> ReparseReport:
    """Re-derive the fields of free-text references from their stored raw strings.

    By default only references parsed by an older parser version are re-read; with
    ``everything`` all of them. Raw strings are never changed; works are refreshed.
    """
    from ..importers import IMPORTER_VERSION
    from ..importers.text import reference_from_string
    from ..refstring import PARSER_VERSION
    from ..rows import prepare_reference
    from ..store.ingest import NEW, Ingest
    from ..store.refstrings import text_references, update_reference

    report = ReparseReport(parser_version=PARSER_VERSION)
    with open_library(settings, create=False) as store, store.transaction():
        ingest = Ingest(store, settings.key_pattern, IMPORTER_VERSION)
        updates = []
        touched: set[int] = set()
        for row in text_references(store, stale_for=None if everything else PARSER_VERSION):
            report.checked += 1
            ref = reference_from_string(row["raw"])
            old_fields = json.loads(row["fields"]) if row["fields"] else {}
            old_extra = json.loads(row["extra"]) if row["extra"] else {}
            extra = {**old_extra, **ref.extra}
            work_id = row["work_id"]
            if ref.status == RefStatus.FAILED:
                report.failed += 1
            elif work_id is None:  # the reference now names a work: the one import would give it
                outcome = ingest.add(prepare_reference(ref, settings.key_pattern), keep_ref=False)
                work_id = outcome.work_id
                report.new_works += outcome.kind == NEW
            if ref.fields != old_fields or ref.status != row["status"]:
                report.changed += 1
            updates.append((row["id"], ref.fields, str(ref.status), ref.message, extra, work_id))
            if work_id is not None:
                touched.add(work_id)
        ingest.flush()  # the new works exist before their references point at them
        for update in updates:
            update_reference(store, *update)
        for work_id in touched:
            ingest.refresh_later(work_id)
        ingest.finish()
    if touched:
        sync_exports(settings)
    return report

