"""CSL-JSON files (a list of items, one item, or ``{"items": [...]}``) as exported by Zotero."""

from __future__ import annotations

import json
from typing import Any

from ..ids import clean_doi, normalize_pmcid, normalize_pmid
from ..model import ImportProblem, ParsedFile, RawReference, RefStatus, Work
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
    people = work.get("author")
    if isinstance(people, list) and people and _is_others(people[-1]):
        # how vexascite ("et al.") and pandoc ("others") say the list is cut
        work["author"] = people[:-1]
        work["et-al"] = True
        if not work["author"]:
            del work["author"]
    custom = work.get("custom")
    if isinstance(custom, dict) and custom.get("et-al") is True:
        work["et-al"] = True
    return work


def _is_others(person: Any) -> bool:
    return isinstance(person, dict) and set(person) == {"literal"} and str(person["literal"]).strip().lower() in ("others", "et al.", "et al")


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
        return [(pos, end, value)], problems
    if not text.startswith("[", pos):
        return [], [ImportProblem(line_of_offset(text, pos), "not CSL-JSON: expected a list [ ... ] or an item { ... }")]
    pos += 1
    items: list[tuple[int, int, Any]] = []
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


def read_csljson(text: str) -> ParsedFile:
    parsed = ParsedFile(format="csl-json")
    items, parsed.problems = _items_with_offsets(text)
    for start, end, item in items:
        line = line_of_offset(text, start)
        raw = text[start:end]
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
    return parsed
