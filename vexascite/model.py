"""Plain data shared by every layer: CSL-shaped works, raw references and statuses.

A work is a CSL-JSON item (a ``dict``), as in Zotero, pandoc and citeproc, so importers
and exporters only ever map to and from one shape.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, TypeVar

T = TypeVar("T")

#: A CSL-JSON item: ``type``, ``title``, ``author``, ``container-title``, ``issued``, ...
Work = dict[str, Any]

#: The item types of the CSL 1.0.2 schema.
CSL_TYPES = frozenset(
    """article article-journal article-magazine article-newspaper bill book broadcast chapter
    classic collection dataset document entry entry-dictionary entry-encyclopedia event figure
    graphic hearing interview legal_case legislation manuscript map motion_picture
    musical_score pamphlet paper-conference patent performance periodical
    personal_communication post post-weblog regulation report review review-book software
    song speech standard thesis treaty webpage""".split()
)



def utc_now() -> str:
    """UTC timestamp in ISO 8601, second precision: what every stored ``*_at`` value and
    every fetched answer's time holds, so times written by any layer compare as text."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class RefStatus(StrEnum):
    """What became of one raw occurrence of a reference in an input file."""

    PARSED = "parsed"
    FAILED = "failed"
    DUPLICATE_KEY = "duplicate-key"
    IDENTIFIER = "identifier"
    #: An entry a changed file no longer holds, kept because something else (a tag, a note,
    #: a collection, another manuscript's citation) still holds its work, which would have no
    #: record without it; in no list of the file, and forgotten at its next read like the rest.
    DROPPED = "dropped"


class WorkStatus(StrEnum):
    """Where a work stands with the identifier services."""

    UNRESOLVED = "unresolved"
    RESOLVED = "resolved"
    NOT_FOUND = "not-found"
    REVIEW = "review"
    FAILED = "failed"


@dataclass(slots=True)
class RawReference:
    """One reference as it stood in an input: the verbatim text and what was read from it.

    ``fields`` is the CSL item the importer derived; ``extra`` keeps input fields that
    have no CSL home (unknown BibTeX fields, RIS tags) so exporters can give them back.
    """

    raw: str
    format: str
    line: int | None = None
    fields: Work = field(default_factory=dict)
    entry_key: str | None = None
    status: RefStatus = RefStatus.PARSED
    message: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    list_label: str | None = None
    number: int | None = None


@dataclass(slots=True)
class ImportProblem:
    """A per-entry problem found while reading a file: where it is and what to do."""

    line: int | None
    message: str
    entry_key: str | None = None


@dataclass(slots=True)
class ParsedFile:
    """What an importer read from one file: references in input order and problems."""

    format: str
    references: list[RawReference] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    #: Things worth saying that are not problems with the input (no exit code).
    notes: list[str] = field(default_factory=list)
    #: Set when the input as a whole is not references of this format (nothing to keep).
    refused: str | None = None

    def unreadable(self, raw: str, line: int | None, message: str, entry_key: str | None = None) -> None:
        """An entry that could not be read: a problem for the report, and its verbatim text
        kept as a failed reference (never dropped, so a later reader can try again)."""
        self.problems.append(ImportProblem(line, message, entry_key))
        self.references.append(
            RawReference(raw=raw, format=self.format, line=line, entry_key=entry_key, status=RefStatus.FAILED, message=message)
        )

    def converted(self, convert: Callable[[T], Work], record: T, raw: str, line: int | None, what: str) -> Work | None:
        """``convert(record)``; a record no rule foresaw (the converter raised) is kept as
        unreadable and gives None, so one odd record never costs the rest of the file."""
        try:
            return convert(record)
        except Exception as exc:
            self.unreadable(raw, line, f"{what} could not be read ({type(exc).__name__}); kept as written")
            return None


def subject_keyword(headings: Iterable[str]) -> str | None:
    """Subject terms (MeSH headings, keywords) as one CSL ``keyword`` value.

    MEDLINE writes a heading with its qualifiers and major-topic stars
    ("Arthritis, Rheumatoid/*drug therapy"); the descriptor is the subject, so qualifiers
    and stars are dropped. Headings hold commas, so terms are joined with "; ".
    """
    terms = []
    for heading in headings:
        descriptor = heading.split("/", 1)[0].strip().lstrip("*").strip()
        if descriptor:
            terms.append(descriptor)
    unique = list(dict.fromkeys(terms))
    return "; ".join(unique) if unique else None
