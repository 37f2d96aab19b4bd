"""What a work or a raw reference is stored as: JSON text and derived search columns.

Pure, so it can run where a file is read: a large BibTeX file is parsed in other
processes, which hand the importing process finished rows (strings and tuples are cheap
to pass between processes; nested dicts are not), leaving it lookups and inserts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

import orjson

from .citekeys import key_stem, own_key_of
from .identity import IdentityKeys, identity_keys, issued_year
from .merge import is_empty
from .model import ImportProblem, RawReference, RefStatus, Work
from .richtext import plain_text

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def dumps(value: Any) -> str:
    """Compact JSON; key order is the record's own, so equal input gives equal bytes.

    orjson writes the same text as the standard encoder, four times faster; what it
    refuses (lone surrogates, keys that are not strings) goes to the standard one.
    """
    try:
        return orjson.dumps(value).decode()
    except TypeError:
        return _ENCODER.encode(value)


def authors_text(work: Work) -> str:
    """Authors and editors as one searchable string."""
    names = []
    for role in ("author", "editor"):
        for person in work.get(role) or []:
            name = person.get("literal") or " ".join(
                part for part in (person.get("given"), person.get("family")) if part
            )
            if name:
                names.append(name)
    return "; ".join(names)


def container_of(work: Work) -> str | None:
    value = work.get("container-title") or work.get("container-title-short")
    if isinstance(value, list):
        value = value[0] if value else None
    return value


#: The ``works`` columns :func:`work_columns` fills, in insert order. ``title`` and
#: ``container`` keep their CSL rich text (``<i>UBA1</i>``), which pages and formats show;
#: ``title_plain`` and ``container_plain`` hold its words alone (``CO<sub>2</sub>`` is ``CO2``),
#: which the search indexes read, so a tag never splits a word; ``abstract_plain`` the
#: abstract's words when they differ from its rich text (NULL otherwise, most abstracts).
WORK_COLUMNS = (
    "type", "title", "authors", "container", "year", "title_plain", "container_plain", "abstract_plain",
    "doi", "pmid", "pmcid", "title_norm", "first_author_norm", "csl", "provenance", "updated_at",
)


def compact_provenance(provenance: dict[str, str]) -> dict[str, str]:
    """``{"*": source}`` when one source set every field (most works), else as is."""
    sources = set(provenance.values())
    if len(sources) == 1:
        return {"*": sources.pop()}
    return provenance


def plain(value: Any) -> Any:
    """A stored rich-text value's words (a search column), None or a non-string as it is."""
    return plain_text(value) if isinstance(value, str) else value


def abstract_words(abstract: Any) -> str | None:
    """An abstract's words for the search index when they differ from its text, else None."""
    if not isinstance(abstract, str):
        return None
    words = plain_text(abstract)
    return words if words != abstract else None


def _summary(work: Work) -> tuple[Any, ...]:
    title, container = work.get("title"), container_of(work)
    return (work.get("type"), title, authors_text(work), container, issued_year(work), plain(title), plain(container),
            abstract_words(work.get("abstract")))


def _identity_columns(keys: IdentityKeys) -> tuple[Any, ...]:
    return (keys.doi, keys.pmid, keys.pmcid, keys.title, keys.author)


def work_columns(merged: Work, provenance: dict[str, str], stamp: str, keys: IdentityKeys | None = None) -> tuple[Any, ...]:
    """The :data:`WORK_COLUMNS` values of an effective record (search, identity, JSON)."""
    if "id" in merged:
        merged = {k: v for k, v in merged.items() if k != "id"}
    keys = keys or identity_keys(merged)
    return (*_summary(merged), *_identity_columns(keys), dumps(merged), dumps(compact_provenance(provenance)), stamp)


@cache
def _single_source(source: str) -> str:
    return dumps({"*": source})


class PreparedRef(NamedTuple):
    """A raw reference with everything storing it needs, already serialised.

    ``keys`` is None for a reference that names no work (failed, or nothing read);
    ``key_stem`` is None too when the entry brings a key of its own.
    ``work_json`` and ``summary`` describe the work this reference would make alone.
    """

    raw: str
    format: str
    line: int | None
    entry_key: str | None
    status: RefStatus
    message: str | None
    list_label: str | None
    number: int | None
    fields_json: str
    extra_json: str | None
    keys: IdentityKeys | None
    key_stem: str | None
    work_json: str | None
    summary: tuple[Any, ...] | None

    @property
    def fields(self) -> Work:
        """The CSL item read from the input (decoded on demand: rarely needed)."""
        return json.loads(self.fields_json)

    def to_raw_reference(self) -> RawReference:
        """The reference with its fields as dicts again (for callers outside the store)."""
        return RawReference(
            raw=self.raw, format=self.format, line=self.line, fields=self.fields, entry_key=self.entry_key,
            status=self.status, message=self.message, extra=json.loads(self.extra_json) if self.extra_json else {},
            list_label=self.list_label, number=self.number,
        )

    def new_work_columns(self, stamp: str) -> tuple[Any, ...]:
        """:data:`WORK_COLUMNS` of the work made from this reference alone."""
        assert self.keys is not None and self.summary is not None, "a reference that names no work"
        provenance = _single_source(self.format) if self.work_json != "{}" else "{}"
        return (*self.summary, *_identity_columns(self.keys), self.work_json, provenance, stamp)


def prepare_reference(ref: RawReference, key_pattern: str | None = None) -> PreparedRef:
    """Serialise a raw reference and derive its identity keys, work columns and (given a
    pattern, for an entry with no key of its own) the stem of a new work's key."""
    fields = ref.fields or {}
    fields_json = dumps(fields)
    names_work = ref.status != RefStatus.FAILED and bool(fields)
    keys = stem = work_json = summary = None
    if names_work:
        # the record a work made from this reference alone holds (see merge_records)
        work = fields
        if "id" in fields or not all(fields.values()):  # (a falsy value, checked exactly below)
            work = {k: v for k, v in fields.items() if k != "id" and not is_empty(v)}
        keys = identity_keys(work)
        if key_pattern is not None and own_key_of(ref.format, ref.entry_key) is None:
            stem = key_stem(work, key_pattern)
        work_json = fields_json if work is fields else dumps(work)
        summary = _summary(work)
    return PreparedRef(
        raw=ref.raw,
        format=ref.format,
        line=ref.line,
        entry_key=ref.entry_key,
        status=ref.status,
        message=ref.message,
        list_label=ref.list_label,
        number=ref.number,
        fields_json=fields_json,
        extra_json=dumps(ref.extra) if ref.extra else None,
        keys=keys,
        key_stem=stem,
        work_json=work_json,
        summary=summary,
    )


def prepare_safely(ref: RawReference, key_pattern: str | None, problems: list[ImportProblem]) -> PreparedRef:
    """:func:`prepare_reference`, but an entry whose values no rule foresaw is stored as
    failed (raw text kept) and reported in ``problems``, never an exception."""
    try:
        return prepare_reference(ref, key_pattern)
    except Exception as exc:  # a hostile entry must not lose the file's good ones
        message = f"entry could not be read ({type(exc).__name__}: {str(exc)[:120]}); kept as written"
        problems.append(ImportProblem(ref.line, message, ref.entry_key))
        failed = RawReference(raw=ref.raw, format=ref.format, line=ref.line, entry_key=ref.entry_key,
                              status=RefStatus.FAILED, message=message, list_label=ref.list_label, number=ref.number)
        return prepare_reference(failed, key_pattern)


@dataclass(slots=True)
class PreparedPart:
    """A part of an input file, ready to store: its references and the problems found."""

    references: list[PreparedRef]
    problems: list[ImportProblem]
    notes: list[str]
