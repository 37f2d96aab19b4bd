"""Use cases of the user's hand on the library: editing fields, and what ``show`` adds
about it (edited fields, the keys a work is also known by, disagreeing sources)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from typing import Any

from ..config import Settings
from ..errors import UsageError
from ..exporters.csljson import (
    CSL_TYPES,
    DATE_FIELDS,
    NAME_FIELDS,
    NUMBER_OR_STRING_FIELDS,
    STRING_FIELDS,
)
from ..ids import DOI_RULE, clean_doi, normalize_pmcid, normalize_pmid
from ..importers.bibtex import parse_names
from ..merge import merge_detail
from ..model import WorkStatus
from ..store import Store
from ..store.library import aliases_of, revert_edits, set_edits, user_edits
from ..store.organise import live_work_id
from ..store.resolution import set_aside_contradicted
from ..wording import quantity
from .common import open_library
from .exports import sync_exports

#: Names users type for CSL variables (BibTeX habits), and how each reads back.
FIELD_NAMES = {
    "year": "issued", "date": "issued", "journal": "container-title", "journaltitle": "container-title",
    "booktitle": "container-title", "shortjournal": "container-title-short", "pages": "page",
    "number": "issue", "doi": "DOI", "pmid": "PMID", "pmcid": "PMCID", "url": "URL", "isbn": "ISBN",
    "issn": "ISSN", "authors": "author", "editors": "editor", "entrytype": "type",
}

_DATE = re.compile(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


def csl_field(name: str) -> str:
    """The CSL variable a user's field name means; an unknown name is a usage error."""
    name = name.strip()
    target = FIELD_NAMES.get(name.lower(), name)
    if target.lower() in ("id", "citation-key"):  # the key: exports write it, an edit would change nothing
        raise UsageError(f"{name!r} is the work's key: change it with 'vexascite rekey KEY NEW_KEY' (the old key keeps working)")
    if target in ("DOI", "PMID", "PMCID", "URL", "ISBN", "ISSN", "type"):
        return target
    if target.lower() in STRING_FIELDS | NUMBER_OR_STRING_FIELDS | NAME_FIELDS | DATE_FIELDS:
        return target.lower()
    raise UsageError(
        f"unknown field {name!r}: use a CSL variable (title, author, container-title, issued, volume, "
        f"issue, page, DOI, PMID, ...) or year, journal, pages, number"
    )


def field_value(name: str, text: str) -> Any:
    """A user's text as the CSL value of ``name`` (names, dates and identifiers parsed)."""
    text = text.strip()
    if not text:
        raise UsageError(f"{name}: empty value; use --unset {name} to remove the field")
    from ..richtext import (  # (the one list of characters that are no text)
        CONTROL,
        RICH_FIELDS,
        from_source,
    )

    control = CONTROL.search(text)
    if control:  # (an escape sequence pasted from a terminal: no field's text, and a terminal showing it obeys it)
        raise UsageError(f"{name}: the value holds a control character ({control.group(0)!r}); write it without")
    if name in NAME_FIELDS:
        people, _ = parse_names(text)
        if not people:
            raise UsageError(f"{name}: no names in {text!r}; write them as BibTeX does: 'Beck, David B. and Ferrada, M. A.'")
        return people
    if name in DATE_FIELDS:
        match = _DATE.fullmatch(text)
        parts = [int(part) for part in match.groups() if part] if match else []
        if not parts or not _real_date(parts):
            raise UsageError(f"{name}: {text!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
        return {"date-parts": [parts]}
    checks = {"DOI": clean_doi, "PMID": normalize_pmid, "PMCID": normalize_pmcid}
    if name in checks:
        value = checks[name](text)
        if not value:
            rule = f"; a DOI is {DOI_RULE}" if name == "DOI" else ""
            raise UsageError(f"{name}: {text!r} is not a {name}{rule}")
        return value
    if name == "page":
        return re.sub(r"\s*(?:--|\u2013|\u2014|-)+\s*", "-", text)  # 2628--2638 as CSL writes it
    if name == "type" and text not in CSL_TYPES:
        raise UsageError(f"type: {text!r} is not a CSL type (article-journal, book, chapter, webpage, ...)")
    if name in RICH_FIELDS:  # written as CSL rich text: <i>...</i> is italics, any other tag the text it spells
        return from_source(text)
    return text


def _real_date(parts: list[int]) -> bool:
    """Whether year, month and day name a day of the calendar (no month 13, no 30 February)."""
    try:
        datetime.date(parts[0] or 1, *(parts[1:] or [1]), *([1] if len(parts) < 3 else []))
    except ValueError:
        return False
    return True


def parse_assignments(assignments: Iterable[str]) -> dict[str, Any]:
    """``FIELD=VALUE`` arguments as CSL values (the last one of a field wins)."""
    values: dict[str, Any] = {}
    for assignment in assignments:
        name, sep, text = assignment.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"{assignment!r}: write FIELD=VALUE (e.g. title='A better title'), or --unset FIELD")
        field = csl_field(name)
        values[field] = field_value(field, text)
        if field == "author":  # "... and others": the list is cut, and says so
            values["et-al"] = _ends_with_others(text)
    return values


def _ends_with_others(text: str) -> bool:
    return bool(re.search(r"\s+and\s+others\s*$", text, flags=re.IGNORECASE))


def _same(name: str, old: Any, new: Any) -> bool:
    """Whether an edit gives a field the value the user gave it already (a DOI in any case)."""
    if name == "DOI" and isinstance(old, str) and isinstance(new, str):
        return old.lower() == new.lower()
    return bool(old == new)


def edit_work(
    settings: Settings, key: str, assignments: Iterable[str], unset: Iterable[str] = (), revert: Iterable[str] = (),
) -> dict[str, Any]:
    """Set (or remove) fields of a work as the user's own statement (provenance ``user``):
    they win over every source and survive re-import, ``resolve --refresh``, ``merge`` and
    ``reparse``; ``revert`` drops the user's edits of fields, so the sources' values are
    used again. Returns the key, the fields edited and reverted, and the effective record."""
    values = parse_assignments(assignments)
    removed = [csl_field(name) for name in unset]
    reverting = list(dict.fromkeys(csl_field(name) for name in revert))
    if not values and not removed and not reverting:
        raise UsageError("nothing to edit: give FIELD=VALUE arguments, --unset FIELD or --revert FIELD")
    for first, second, what in ((values, removed, "set and unset"), (values, reverting, "set and reverted"),
                                (removed, reverting, "unset and reverted")):
        if set(first) & set(second):
            raise UsageError(f"{', '.join(sorted(set(first) & set(second)))}: both {what}")
    aside = None
    with open_library(settings, create=False) as store, store.transaction():
        work_id = live_work_id(store, key)  # a work in the trash is not edited (restore it first), as for tags and notes
        # an edit given again changes nothing: a DOI set to what it is stays verified
        before = user_edits(store, work_id)
        unchanged = sorted([*(name for name, value in values.items() if name in before and _same(name, before[name], value)),
                            *(name for name in removed if name in before and before[name] is None)])
        given = {"set": sorted(values), "unset": sorted(removed)}  # all given (the page says each); "unchanged" among them
        values = {name: value for name, value in values.items() if name not in unchanged}
        removed = [name for name in removed if name not in unchanged]
        identifiers = {"DOI", "PMID", "PMCID"} & {*values, *removed, *reverting}
        if reverting:
            edited = user_edits(store, work_id)
            missing = [name for name in reverting if name not in edited]
            if missing:
                raise UsageError(f"{store.work_row(work_id)['key']}: {', '.join(missing)} was not edited")
            # an author list's cut (et-al) was set with it, and goes with it
            revert_edits(store, work_id, [*reverting, *(["et-al"] if "author" in reverting else [])])
        if values or removed:
            set_edits(store, work_id, values, removed)
        if identifiers:
            # records verified for the old identifiers no longer speak for the work, and
            # what was verified needs verifying again ('vexascite resolve' takes it up)
            aside = set_aside_contradicted(store, work_id)
            if store.work_row(work_id)["status"] != str(WorkStatus.UNRESOLVED):
                store.set_work_status(work_id, WorkStatus.UNRESOLVED,
                                      f"{', '.join(sorted(identifiers))} edited: 'vexascite resolve' verifies it again")
        row = store.work_row(work_id)
    sync_exports(settings)
    return {"key": row["key"], **given, "reverted": reverting, "csl": row["csl"], "set_aside": aside, "unchanged": unchanged}


def describe_set_aside(key: str, aside: dict[str, Any]) -> str:
    """One line saying which records of another article stopped speaking for a work."""
    sources = aside["sources"]
    why = "; ".join(f"{source} ({reason})" for source, reason in sorted(sources.items()))
    fields = aside["fields"]
    dropped = (f"{quantity(len(fields), 'field')} they supplied dropped or now from another source: {', '.join(fields)}"
               if fields else "no field depended on them")
    return (f"{key}: set aside {quantity(len(sources), 'record')} of another article than the identifiers you state: {why}; "
            f"{dropped} ('show --provenance' lists them)")


def describe_gave_way(result: dict[str, Any]) -> list[str]:
    """Each of DROP's own values that gave way to KEEP's in a merge (``merge_works``'s
    result), as a sentence: the CLI and the web app say the same."""

    def said(value: Any) -> str:
        return "removed" if value is None else describe_value(value)

    return [f"{result['merged']}'s own {name} ({said(theirs)}) gave way to {result['key']}'s ({said(ours)})"
            for name, (theirs, ours) in result["edits_gave_way"].items()]


def work_annotations(store: Store, work_id: int) -> dict[str, Any]:
    """What ``show`` says beyond the record: edited fields, aliases, disagreements."""
    return {
        "edits": user_edits(store, work_id),
        "aliases": aliases_of(store, work_id),
        "disagreements": disagreements_of(store, work_id),
    }


def disagreements_of(store: Store, work_id: int) -> dict[str, list[dict[str, Any]]]:
    """Where a work's sources disagree in substance (year, volume, first page, DOI, PMID)."""
    return merge_detail(store.work_sources(work_id)).disagreements


def describe_value(value: Any) -> str:
    """A CSL value as a short text for messages (dates as years, names as families)."""
    if isinstance(value, dict) and "date-parts" in value:
        return "-".join(str(p) for p in (value["date-parts"] or [[]])[0])
    if isinstance(value, list):
        return ", ".join(str(p.get("family") or p.get("literal") or p) if isinstance(p, dict) else str(p) for p in value)
    return str(value)
