"""CSL-JSON files (a list of items, one item, ``{"items": [...]}`` or JSON Lines) as
exported by Zotero, and the JSON Lines ``vexascite parse`` writes.

An item that carries ``raw`` (the reference string it was parsed from, as ``parse``
writes it) comes back as a free-text reference: the string as its raw text, the item's
fields as read, its ``citation-number`` as its number, so nothing of it is lost and
``reparse`` can re-read it. JSON that holds no bibliographic item at all (an API
response, a settings file) is refused rather than stored as empty works.
"""

from __future__ import annotations

import json
from typing import Any

from ..ids import clean_doi, normalize_pmcid, normalize_pmid
from ..model import CSL_TYPES, ImportProblem, ParsedFile, RawReference, RefStatus, Work
from ._names import line_of_offset

_decoder = json.JSONDecoder()


def _clean_item(item: dict[str, Any]) -> Work:
    work = {k: v for k, v in item.items() if k != "id"}
    if isinstance(work.get("DOI"), str):
        doi = clean_doi(work["DOI"])
        if doi:
            work["DOI"] = doi
        else:
            work.pop("DOI")
    for field, norm in (("PMID", normalize_pmid), ("PMCID", normalize_pmcid)):
        if field in work:
            value = norm(str(work[field]))
            if value:
                work[field] = value
            else:
                work.pop(field)
    return work


def _items_with_offsets(text: str) -> tuple[list[tuple[int, int, Any]], list[ImportProblem]]:
    """Decode items one by one so each keeps its position, and a syntax error late in
    the file does not lose the items before it."""
    problems: list[ImportProblem] = []
    pos = len(text) - len(text.lstrip())
    if text.startswith("{", pos):
        try:
            value, end = _decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            return [], [ImportProblem(exc.lineno, f"invalid JSON ({exc.msg}, column {exc.colno}); fix the syntax")]
        if isinstance(value, dict) and isinstance(value.get("items"), list):
            return [(pos, end, item) for item in value["items"]], problems
        items: list[tuple[int, int, Any]] = [(pos, end, value)]
        # JSON Lines: more objects after the first
        while True:
            pos = end
            while pos < len(text) and text[pos] in " \t\r\n":
                pos += 1
            if pos >= len(text):
                return items, problems
            try:
                value, end = _decoder.raw_decode(text, pos)
            except json.JSONDecodeError as exc:
                problems.append(
                    ImportProblem(exc.lineno, f"invalid JSON ({exc.msg}, column {exc.colno}); items after this point were not read")
                )
                return items, problems
            items.append((pos, end, value))
    if not text.startswith("[", pos):
        return [], [ImportProblem(line_of_offset(text, pos), "not CSL-JSON: expected a list [ ... ] or an item { ... }")]
    pos += 1
    items = []
    while True:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(text):
            problems.append(ImportProblem(line_of_offset(text, pos), "file ends before the closing ]: truncated?"))
            break
        if text[pos] == "]":
            break
        try:
            value, end = _decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            problems.append(
                ImportProblem(exc.lineno, f"invalid JSON ({exc.msg}, column {exc.colno}); items after this point were not read")
            )
            break
        items.append((pos, end, value))
        pos = end
    return items, problems


#: Keys of which a bibliographic item has at least one.
_BIBLIOGRAPHIC = frozenset(
    {"title", "author", "editor", "container-title", "issued", "DOI", "PMID", "PMCID", "ISBN", "ISSN", "URL", "raw"}
)


def _bibliographic(item: Any) -> bool:
    """A CSL type, or a title, a name, a date or an identifier."""
    return isinstance(item, dict) and (item.get("type") in CSL_TYPES or not _BIBLIOGRAPHIC.isdisjoint(item))


def _parsed_string(item: dict[str, Any], line: int) -> RawReference:
    """An item of ``parse`` output: the reference string it was read from, and its fields."""
    number = item.get("citation-number")
    fields = _clean_item({k: v for k, v in item.items() if k not in ("raw", "citation-number")})
    readable = bool(fields.get("title") or fields.get("DOI") or fields.get("PMID") or fields.get("container-title"))
    return RawReference(
        raw=item["raw"],
        format="text",
        line=line,
        fields=fields if readable else {},
        status=RefStatus.PARSED if readable else RefStatus.FAILED,
        message=None if readable else "could not read a title or an identifier from this entry",
        extra={"read_from": "parse output"},
        number=int(number) if isinstance(number, (int, str)) and str(number).isdigit() else None,
    )


def read_csljson(text: str) -> ParsedFile:
    parsed = ParsedFile(format="csl-json")
    items, parsed.problems = _items_with_offsets(text)
    if items and not any(_bibliographic(item) for _, _, item in items):
        parsed.refused = (
            f"JSON, but not references: none of its {len(items)} item(s) has a CSL type, a title, an author, a date "
            "or an identifier (an API response or a settings file?); give CSL-JSON (as Zotero or 'vexascite parse' "
            "write it); nothing imported"
        )
        return parsed
    empty = 0
    for start, end, item in items:
        line = line_of_offset(text, start)
        raw = text[start:end]
        if isinstance(item, dict) and isinstance(item.get("raw"), str):
            if item["raw"].strip():
                parsed.references.append(_parsed_string(item, line))
            else:
                empty += 1  # parse --lines writes {"raw": ""} for an empty line
            continue
        if not isinstance(item, dict):
            message = "not a CSL item (expected an object with type, title, author, ...)"
            parsed.problems.append(ImportProblem(line, message))
            parsed.references.append(RawReference(raw=raw, format="csl-json", line=line, status=RefStatus.FAILED, message=message))
            continue
        entry_key = str(item["id"]) if item.get("id") is not None else None
        work = _clean_item(item)
        bad = [name for name in ("author", "editor") if name in work and not isinstance(work[name], list)]
        if bad or ("title" in work and not isinstance(work["title"], str)):
            message = f"malformed fields {bad or ['title']}; expected a list of names / a string title"
            parsed.problems.append(ImportProblem(line, message, entry_key))
            parsed.references.append(
                RawReference(raw=raw, format="csl-json", line=line, entry_key=entry_key, status=RefStatus.FAILED, message=message)
            )
            continue
        parsed.references.append(RawReference(raw=raw, format="csl-json", line=line, fields=work, entry_key=entry_key))
    if empty:
        parsed.notes.append(f"{empty} item(s) with an empty raw string (empty lines of the parsed input) skipped")
    return parsed
