"""CSL records to CSL-JSON that validates against the CSL data schema (pure).

The stored record is written as it is wherever the schema allows it; what the schema
does not allow is moved, not dropped: fields with no CSL name go under ``custom``, a
bare string date becomes ``date-parts`` (or ``literal``), service-only name keys
(``ORCID``, ``affiliation``, ``sequence``) are left out because the raw service payload
keeps them. Output is deterministic: sorted keys, fixed indentation, items in the order
given.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from ..csl import iso_date_parts
from ..model import CSL_TYPES, Work
from ..richtext import DIRECTION
from .item import ExportItem
from .markup import csl_html

#: Types other sources use, mapped to CSL's.
TYPE_ALIASES = {
    "journal-article": "article-journal",
    "journal": "article-journal",
    "proceedings-article": "paper-conference",
    "book-chapter": "chapter",
    "book-section": "chapter",
    "book-part": "chapter",
    "edited-book": "book",
    "monograph": "book",
    "reference-book": "book",
    "posted-content": "article",
    "preprint": "article",
    "dissertation": "thesis",
    "web": "webpage",
    "online": "webpage",
    "reference-entry": "entry",
    "proceedings": "book",
}

STRING_FIELDS = frozenset(
    """type citation-key language journalAbbreviation shortTitle abstract annote archive
    archive_collection archive_location archive-place authority call-number citation-label
    collection-title container-title container-title-short dimensions division DOI event
    event-title event-place genre ISBN ISSN jurisdiction keyword medium note
    original-publisher original-publisher-place original-title part-title PMCID PMID
    publisher publisher-place references reviewed-genre reviewed-title scale section source
    status title title-short URL version volume-title volume-title-short year-suffix""".split()
)
NUMBER_OR_STRING_FIELDS = frozenset(
    """id chapter-number citation-number collection-number edition first-reference-note-number
    issue locator number number-of-pages number-of-volumes page page-first part printing
    supplement volume""".split()
)
NAME_FIELDS = frozenset(
    """author chair collection-editor compiler composer container-author contributor curator
    director editor editorial-director executive-producer guest host interviewer illustrator
    narrator organizer original-author performer producer recipient reviewed-author
    script-writer series-creator translator""".split()
)
DATE_FIELDS = frozenset("accessed available-date event-date issued original-date submitted".split())
NAME_STRING_KEYS = (
    "family",
    "given",
    "dropping-particle",
    "non-dropping-particle",
    "suffix",
    "literal",
)
NAME_FLAG_KEYS = ("comma-suffix", "static-ordering", "parse-names")
#: Fields whose text may carry markup worth normalising to CSL's HTML subset.
RICH_TEXT_FIELDS = frozenset(
    {
        "title",
        "container-title",
        "collection-title",
        "title-short",
        "original-title",
        "volume-title",
        "reviewed-title",
        "abstract",
    }
)


def csl_type(value: Any) -> str:
    if isinstance(value, str):
        if value in CSL_TYPES:
            return value
        lowered = value.strip().lower()
        if lowered in CSL_TYPES:
            return lowered
        if lowered in TYPE_ALIASES:
            return TYPE_ALIASES[lowered]
    return "document"


def _scalar_string(value: Any) -> str | None:
    if isinstance(value, list):
        strings = [v for v in value if isinstance(v, str | int | float) and not isinstance(v, bool)]
        value = strings[0] if strings else None
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return str(value)
    return value if isinstance(value, str) else None


_NAME_KEYSET = frozenset(NAME_STRING_KEYS)


def _name(person: Any) -> dict[str, Any] | None:
    if (
        type(person) is dict
        and person
        and person.keys() <= _NAME_KEYSET
        and all(type(v) is str and v for v in person.values())
    ):
        return person  # already schema-clean: the common case
    if isinstance(person, str):
        return {"literal": person} if person.strip() else None
    if not isinstance(person, dict):
        return None
    out: dict[str, Any] = {}
    for key in NAME_STRING_KEYS:
        value = person.get(key)
        if isinstance(value, str) and value:
            out[key] = value
    for key in NAME_FLAG_KEYS:
        value = person.get(key)
        if isinstance(value, str | int | float | bool) and key in person:
            out[key] = value
    return out or None


def _date(value: Any) -> dict[str, Any] | None:
    if isinstance(value, str | int):
        text = str(value).strip()
        found = iso_date_parts(text)
        if found:
            return {"date-parts": [found]}
        return {"literal": text} if text else None
    if not isinstance(value, dict):
        return None
    out: dict[str, Any] = {}
    parts = value.get("date-parts")
    if isinstance(parts, list):
        good = [
            [p for p in part[:3] if isinstance(p, str | int) and not isinstance(p, bool)]
            for part in parts[:2]
            if isinstance(part, list)
        ]
        good = [part for part in good if part]
        if good:
            out["date-parts"] = good
    for key in ("season", "circa"):
        if isinstance(value.get(key), str | int | float | bool) and key in value:
            out[key] = value[key]
    for key in ("literal", "raw"):
        if isinstance(value.get(key), str) and value[key]:
            out[key] = value[key]
    return out or None


def to_csl_data(key: str, csl: Work) -> dict[str, Any]:
    """One work as a schema-valid CSL-JSON item whose ``id`` is the library key."""
    item: dict[str, Any] = {"id": key, "type": csl_type(csl.get("type"))}
    custom: dict[str, Any] = dict(csl["custom"]) if isinstance(csl.get("custom"), dict) else {}
    for name, value in csl.items():
        if name in ("id", "type", "custom") or value is None:
            continue
        if name in STRING_FIELDS:
            string = _scalar_string(value)
            if string is None:
                custom[name] = value
            else:
                item[name] = csl_html(string) if name in RICH_TEXT_FIELDS else string
        elif name in NUMBER_OR_STRING_FIELDS:
            if isinstance(value, str | int | float) and not isinstance(value, bool):
                item[name] = value
            else:
                string = _scalar_string(value)
                if string is None:
                    custom[name] = value
                else:
                    item[name] = string
        elif name in NAME_FIELDS:
            people = value if isinstance(value, list) else [value]
            names = [n for n in (_name(p) for p in people) if n]
            if names:
                item[name] = names
        elif name in DATE_FIELDS:
            date = _date(value)
            if date:
                item[name] = date
        elif name == "categories":
            values = value if isinstance(value, list) else [value]
            strings = [str(v) for v in values if isinstance(v, str | int)]
            if strings:
                item[name] = strings
        else:
            custom[name] = value
    if csl.get("type") is not None and item["type"] != csl.get("type"):
        custom.setdefault("original-type", csl.get("type"))
    if custom:
        item["custom"] = custom
    return item


def _with_notes(item: dict[str, Any], notes: list[str]) -> dict[str, Any]:
    """The user's notes go in ``annote`` (after an imported one): CSL's annotation
    variable, printed only by annotated-bibliography styles, where ``note`` is printed
    by many styles and would put private notes into a formatted reference list."""
    texts = [note.strip() for note in notes if note.strip()]
    if texts:
        item["annote"] = "\n\n".join([item["annote"], *texts] if item.get("annote") else texts)
    return item


def write_csljson(items: Iterable[ExportItem]) -> str:
    """A CSL-JSON array, one item per line (UTF-8, sorted keys, final newline).

    One line per item keeps diffs of an exported file readable, and lets the C JSON
    encoder do the work (an indented dump runs the pure-Python encoder, 5x slower).
    """
    encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(", ", ": ")).encode
    lines = [encode(_with_cut_marked(_with_notes(to_csl_data(item.key, item.csl), item.notes))) for item in items]
    text = "[\n" + ",\n".join(lines) + "\n]\n" if lines else "[]\n"
    return _C1_ESCAPED.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


#: DEL, the C1 controls, the direction controls and U+2028/2029, which JSON leaves
#: unescaped: escaped (the value is the same, CSL-JSON stays faithful), so a terminal or an
#: editor showing the file never obeys them and a reader sees where they are.
_C1_ESCAPED = re.compile("[\x7f-\x9f\u2028\u2029" + DIRECTION.pattern[1:])


def _with_cut_marked(item: dict[str, Any]) -> dict[str, Any]:
    """A cut author list ends with the name ``et al.``: CSL has no flag for it, and every
    CSL processor prints a literal name as it is (pandoc's special ``others`` prints as
    "others" or glued to the previous name in some styles). The importer reads it back as
    the cut it is."""
    custom = item.get("custom")
    if isinstance(custom, dict) and custom.get("et-al") and item.get("author"):
        item["author"] = [*item["author"], {"literal": "et al."}]
    return item
