"""CSL-JSON files (a list of items, one item, ``{"items": [...]}`` or JSON Lines) as
exported by Zotero, and the JSON Lines ``vexascite parse`` writes.

Items are decoded one at a time, so one item that cannot be read (bad syntax, nested
too deep, a number too long) is reported and the items around it are still read.

An item that carries ``raw`` (the reference string it was parsed from, as ``parse``
writes it) comes back as a free-text reference: the string as its raw text, the item's
fields as read, its ``citation-number`` as its number, so nothing of it is lost and
``reparse`` can re-read it. JSON that holds no bibliographic item at all (an API
response, a settings file) is refused rather than stored as empty works.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from ..ids import clean_doi, normalize_pmcid, normalize_pmid
from ..model import CSL_TYPES, ImportProblem, ParsedFile, RawReference, RefStatus, Work
from ..richtext import rich_fields
from ..wording import quantity
from .cslshape import clean_text, shape_item

#: Digits a JSON number may have; longer ones are kept as text (Python refuses to
#: convert integers over 4,300 digits, and no CSL variable needs more than a few).
MAX_NUMBER_DIGITS = 64


def _int(text: str) -> int | str:
    return int(text) if len(text) <= MAX_NUMBER_DIGITS else text


def _float(text: str) -> float | str:
    value = float(text) if len(text) <= MAX_NUMBER_DIGITS else math.inf
    return value if math.isfinite(value) else text


_decoder = json.JSONDecoder(parse_int=_int, parse_float=_float, parse_constant=str)
_TOKENS = re.compile(r'"(?:[^"\\\n]|\\.)*"?|[\[\]{}]')
_CLOSES = {"]": "[", "}": "{"}


def skip_value(text: str, pos: int) -> int:
    """End of the JSON value starting at ``pos``, or of the file: where to go on after
    a value that could not be decoded. Brackets are matched outside strings (a string
    ends at its line's end if unclosed); a closer that skips an open bracket closes it
    too, so a missing ``]`` does not swallow the rest of the file."""
    stack: list[str] = []
    for match in _TOKENS.finditer(text, pos):
        token = match.group()
        if token in "[{":
            stack.append(token)
        elif token in "]}":
            if _CLOSES[token] in stack:
                while stack.pop() != _CLOSES[token]:
                    pass
            if not stack:
                return match.end()
        elif not stack:  # a string at the top level
            return match.end()
    return len(text)


#: Keys of which an object must have one to be taken for the next item after a syntax error.
_ITEM_KEYS = frozenset({"id", "type", "title", "author", "DOI", "PMID", "issued", "container-title"})
_MAX_RESYNC_TRIES = 10_000


def next_item(text: str, start: int) -> int:
    """Where the next readable item starts after a syntax error at ``start``: the next
    ``{`` that decodes to an object with an item's keys (an object without them is
    skipped whole), or the end of the file. The broken item's text is what lies between."""
    pos = text.find("{", start)
    tries = 0
    while pos >= 0 and tries < _MAX_RESYNC_TRIES:
        tries += 1
        try:
            value, end = _decoder.raw_decode(text, pos)
        except (ValueError, RecursionError):
            pos = text.find("{", pos + 1)
            continue
        if isinstance(value, dict) and _ITEM_KEYS.intersection(value):
            return pos
        pos = text.find("{", end)
    return len(text)


class _Lines:
    """Line numbers of increasing offsets, counted once (linear in the file)."""

    def __init__(self, text: str) -> None:
        self.text, self.offset, self.line = text, 0, 1

    def at(self, offset: int) -> int:
        if offset < self.offset:
            self.offset, self.line = 0, 1
        self.line += self.text.count("\n", self.offset, offset)
        self.offset = offset
        return self.line


def _decode(text: str, pos: int, lines: _Lines) -> tuple[Any, int, ImportProblem | None]:
    """One value at ``pos``: (value, end, None), or (None, end after it, the problem)."""
    try:
        value, end = _decoder.raw_decode(text, pos)
        return value, end, None
    except json.JSONDecodeError as exc:
        problem = ImportProblem(lines.at(exc.pos), f"invalid JSON ({exc.msg}, column {exc.colno}); fix the syntax")
        end = next_item(text, max(exc.pos, pos + 1))
        return None, (end if end < len(text) else -1), problem
    except RecursionError:
        end = skip_value(text, pos)
        return None, end, ImportProblem(lines.at(pos), "JSON nested too deeply to be a CSL item; item skipped")
    except ValueError as exc:  # a value Python cannot convert
        end = skip_value(text, pos)
        return None, end, ImportProblem(lines.at(pos), f"JSON value cannot be read ({exc}); item skipped")


_ITEMS_LIST = re.compile(r'"items"\s*:\s*\[')


def _items_with_offsets(text: str, lines: _Lines) -> tuple[list[tuple[int, int, Any]], list[ImportProblem]]:
    """Decode items one by one so each keeps its position, and a syntax error does not
    lose the items around it. A list, one item, ``{"items": [...]}``, or items one
    after another (JSON Lines)."""
    pos = len(text) - len(text.lstrip())
    if text.startswith("{", pos):
        value, end, problem = _decode(text, pos, lines)
        if problem is None:
            if isinstance(value, dict) and isinstance(value.get("items"), list):
                return [(pos, end, item) for item in value["items"]], []
            if not text[end:].strip():
                return [(pos, end, value)], []
            return _stream(text, pos, lines, closed=False)
        inner = _ITEMS_LIST.search(text, pos)  # {"items": [...]} with a broken item: read the list
        return _stream(text, inner.end() if inner else pos, lines, closed=bool(inner))
    if not text.startswith("[", pos):
        return [], [ImportProblem(lines.at(pos), "not CSL-JSON: expected a list [ ... ] or an item { ... }")]
    return _stream(text, pos + 1, lines, closed=True)


def _stream(text: str, pos: int, lines: _Lines, *, closed: bool) -> tuple[list[tuple[int, int, Any]], list[ImportProblem]]:
    """Items from ``pos`` on; ``closed``: a ``]`` ends the list (a ``]`` with more items
    after it is reported and read past, not taken for the end)."""
    problems: list[ImportProblem] = []
    items: list[tuple[int, int, Any]] = []
    length = len(text)
    while True:
        while pos < length and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= length:
            if closed:
                problems.append(ImportProblem(lines.at(pos), "file ends before the closing ]: truncated?"))
            break
        if text[pos] in "]}":
            if not text[pos + 1 :].strip(" \t\r\n]}"):
                break
            problems.append(ImportProblem(lines.at(pos), f"unexpected {text[pos]!r} before more items; read on past it"))
            pos += 1
            continue
        value, end, problem = _decode(text, pos, lines)
        if problem is None:
            items.append((pos, end, value))
        else:
            if end < 0:
                problem.message += "; items after this point were not read"
                problems.append(problem)
                break
            problems.append(problem)
            items.append((pos, end, problem))
        pos = end
    return items, problems


def _clean_item(item: dict[str, Any]) -> tuple[Work, list[str]]:
    work, notes = shape_item(item)
    if "DOI" in work:
        doi = clean_doi(work["DOI"])
        if doi:
            work["DOI"] = doi
        else:
            notes.append(f"DOI {work.pop('DOI')[:80]!r} is not a DOI; left out")
    for field, norm in (("PMID", normalize_pmid), ("PMCID", normalize_pmcid)):
        if field in work:
            value = norm(work[field])
            if value:
                work[field] = value
            else:
                notes.append(f"{field} {work.pop(field)[:80]!r} is not a {field}; left out")
    people = work.get("author")
    if isinstance(people, list) and people and _is_others(people[-1]):
        # how vexascite ("et al.") and pandoc ("others") say the list is cut
        work["author"] = people[:-1]
        work["et-al"] = True
        if not work["author"]:
            del work["author"]
    custom = item.get("custom")
    if item.get("et-al") is True or (isinstance(custom, dict) and custom.get("et-al") is True):
        work["et-al"] = True  # vexascite's own mark of a cut list (parse output carries it)
    return rich_fields(work, "csl"), notes


def _is_others(person: Any) -> bool:
    return isinstance(person, dict) and set(person) == {"literal"} and str(person["literal"]).strip().lower() in ("others", "et al.", "et al")


#: Keys of which a bibliographic item has at least one.
_BIBLIOGRAPHIC = frozenset(
    {"title", "author", "editor", "container-title", "issued", "DOI", "PMID", "PMCID", "ISBN", "ISSN", "URL", "raw"}
)


def _bibliographic(item: Any) -> bool:
    """A CSL type, or a title, a name, a date or an identifier."""
    return isinstance(item, dict) and (item.get("type") in CSL_TYPES or not _BIBLIOGRAPHIC.isdisjoint(item))


def names_a_work(work: Work) -> bool:
    """A cleaned CSL item that says which work it is: a title, a name, a container, a date
    or an identifier (a conference abstract cited by author, meeting and year is one; an
    item of a type alone is not)."""
    return any(work.get(key) for key in _BIBLIOGRAPHIC if key != "raw")


def _parsed_string(item: dict[str, Any], line: int) -> RawReference:
    """An item of ``parse`` output: the reference string it was read from, and its fields."""
    number = item.get("citation-number")
    fields, _ = _clean_item({k: v for k, v in item.items() if k not in ("raw", "citation-number")})
    readable = bool(fields.get("title") or fields.get("DOI") or fields.get("PMID") or fields.get("container-title"))
    numbered = int(number) if isinstance(number, (int, str)) and not isinstance(number, bool) and str(number).isdigit() and len(str(number)) < 10 else None
    return RawReference(
        raw=item["raw"],
        format="text",
        line=line,
        fields=fields if readable else {},
        status=RefStatus.PARSED if readable else RefStatus.FAILED,
        message=None if readable else "could not read a title or an identifier from this entry",
        extra={"read_from": "parse output"},
        number=numbered,
        list_label=_PARSED_LIST if numbered is not None else None,  # so a manuscript's [1] can cite it (link --list)
    )


#: The list the numbered items of ``parse`` output make.
_PARSED_LIST = "references-1"


_KINDS: dict[type, str] = {str: "string", int: "number", float: "number", bool: "true/false value", type(None): "null"}


def read_csljson(text: str) -> ParsedFile:
    parsed = ParsedFile(format="csl-json")
    stripped = text.strip()
    if stripped[:1] not in ("[", "{"):
        try:
            value = json.loads(stripped)
        except ValueError:
            value = ...  # not JSON at all: reported below with its line
        if value is not ...:
            parsed.refused = (
                f"JSON, but not references: the whole file is one {_KINDS.get(type(value), 'value')} "
                "(not a list of items or an item); give CSL-JSON (as Zotero or 'vexascite parse' write it); "
                "nothing imported"
            )
            return parsed
    lines = _Lines(text)
    items, parsed.problems = _items_with_offsets(text, lines)
    if items and not any(_bibliographic(item) for _, _, item in items) and not any(isinstance(i, ImportProblem) for _, _, i in items):
        parsed.refused = (
            f"JSON, but not references: none of its {quantity(len(items), 'item')} has a CSL type, a title, an author, a date "
            "or an identifier (an API response or a settings file?); give CSL-JSON (as Zotero or 'vexascite parse' "
            "write it); nothing imported"
        )
        return parsed
    empty = 0
    for start, end, item in items:
        line = lines.at(start)
        raw = text[start:end].rstrip(" \t\r\n,")
        if isinstance(item, dict) and isinstance(item.get("raw"), str):
            if item["raw"].strip():
                parsed.references.append(_parsed_string(item, line))
            else:
                empty += 1  # parse --lines writes {"raw": ""} for an empty line
            continue
        if isinstance(item, ImportProblem):
            parsed.references.append(RawReference(raw=raw, format="csl-json", line=line, status=RefStatus.FAILED, message=item.message))
            continue
        if not isinstance(item, dict):
            message = "not a CSL item (expected an object with type, title, author, ...)"
            parsed.unreadable(raw, line, message)
            continue
        item_id = item.get("id")
        entry_key = clean_text(str(item_id))[:200] if isinstance(item_id, (str, int)) and not isinstance(item_id, bool) else None
        work, notes = _clean_item(item)
        for note in notes:
            parsed.problems.append(ImportProblem(line, note, entry_key))
        parsed.references.append(
            RawReference(raw=raw, format="csl-json", line=line, fields=work, entry_key=entry_key,
                         message="; ".join(notes) if notes else None)
        )
    if empty:
        parsed.notes.append(f"{quantity(empty, 'item')} with an empty raw string (empty lines of the parsed input) skipped")
    return parsed
