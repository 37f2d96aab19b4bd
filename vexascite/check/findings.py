"""What a check finds: one :class:`Finding` per problem, with where, why and what to do.

Findings are plain data so the same report renders as text for people, JSON for
scripts and GitHub Actions annotations for a manuscript repository's CI.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


def quoted(text: object) -> str:
    """``text`` in quotes as a finding shows it: control characters escaped as ``repr``
    escapes them (a message never drives a terminal), a backslash as written
    (``'\\cite{beck2020}'``, not ``'\\\\cite{beck2020}'``)."""
    return repr(str(text)).replace("\\\\", "\\")


class Severity(StrEnum):
    """How bad a finding is; ``error`` is what ``--strict`` fails on."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


class Kind(StrEnum):
    """Every kind of finding ``check`` can report (the JSON ``kind`` field)."""

    DANGLING_MARKER = "dangling-marker"  # a marker that cites nothing
    UNUSED_REFERENCE = "unused-reference"  # a listed reference never cited
    CITATION_ORDER = "citation-order"  # numbers not in order of first citation
    BACKWARD_RANGE = "backward-range"  # a marker's range written high to low ([7–3])
    DUPLICATE_REFERENCE = "duplicate-reference"  # one work listed twice
    FIELD_MISMATCH = "field-mismatch"  # printed year/volume/issue/pages/journal differ
    AUTHOR_MISMATCH = "author-mismatch"  # misspelt or different author name
    IDENTIFIER_MISMATCH = "identifier-mismatch"  # printed DOI/PMID of another work
    NOT_FOUND = "not-found"  # no service knows it: likely fabricated or garbled
    NEEDS_REVIEW = "needs-review"  # several candidates, none sure
    NOT_CHECKED = "not-checked"  # a service was unavailable, or never asked
    RETRACTED = "retracted"
    EXPRESSION_OF_CONCERN = "expression-of-concern"
    CORRECTED = "corrected"  # a correction / erratum was published
    IS_NOTICE = "is-notice"  # the cited item is itself a retraction/correction notice
    UNREADABLE_REFERENCE = "unreadable-reference"  # a list entry that could not be parsed
    NO_CITATIONS = "no-citations"  # the text has no marker at all
    UNCITED_LIST = "uncited-list"  # a whole list no marker cites (another document's)
    REMOVED_WORK = "removed-work"  # the cited work is in the library's trash
    SOURCES_DISAGREE = "sources-disagree"  # the library's sources state another year/volume/page/id
    UNSUPPORTED_CITATION = "unsupported-citation"  # the cited work does not bear on the sentence


@dataclass(slots=True)
class Finding:
    """One problem: its kind and severity, where it is, what is wrong and how to fix it.

    ``reference`` names the list entry (its number or key) the finding is about;
    ``field``/``printed``/``expected`` hold a field-level correction; ``source`` says
    which service or rule stated the expected value; ``notice`` holds a retraction or
    correction notice (DOI, type, label, date, source).
    """

    kind: Kind
    severity: Severity
    message: str
    line: int | None = None
    reference: str | None = None
    suggestion: str | None = None
    source: str | None = None
    field: str | None = None
    printed: str | None = None
    expected: str | None = None
    notice: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["kind"] = str(self.kind)
        data["severity"] = str(self.severity)
        return {key: value for key, value in data.items() if value is not None}


@dataclass(slots=True)
class CheckReport:
    """All findings on one manuscript, with counts of what was looked at."""

    manuscript: str
    findings: list[Finding] = field(default_factory=list)
    references: int = 0
    markers: int = 0
    checked: int = 0  # references compared against a verified record
    #: citations measured against their sentences, and references with no abstract
    support: dict[str, Any] | None = None

    def sorted_findings(self) -> list[Finding]:
        return sorted(
            self.findings,
            key=lambda f: (f.line if f.line is not None else 10**9, SEVERITY_RANK[f.severity], str(f.kind)),
        )

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def serious(self, fail_on: Severity = Severity.ERROR) -> list[Finding]:
        """Findings at or above ``fail_on`` (what makes ``--strict`` exit non-zero)."""
        limit = SEVERITY_RANK[fail_on]
        return [f for f in self.findings if SEVERITY_RANK[f.severity] <= limit]

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "vexascite-check/1",
            "manuscript": self.manuscript,
            "summary": {
                "references": self.references,
                "markers": self.markers,
                "checked": self.checked,
                "errors": self.count(Severity.ERROR),
                "warnings": self.count(Severity.WARNING),
                "infos": self.count(Severity.INFO),
            },
            "findings": [f.to_dict() for f in self.sorted_findings()],
        } | ({"support": self.support} if self.support is not None else {})
