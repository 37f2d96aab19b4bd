"""Citation markers against the reference list (pure): markers that cite nothing,
references never cited, numbering out of order of first citation (the Vancouver rule),
and one work listed twice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from ..identity import identity_keys, same_work
from ..ids import normalize_doi, normalize_pmid
from ..model import Work
from ..wording import quantity
from .fields import VerifiedRecord
from .findings import Finding, Kind, Severity, quoted


@dataclass(slots=True)
class ListedReference:
    """One entry of a manuscript's reference list, with what the services said of it.

    ``label`` is how markers name it: its number as text (``"3"``) or its key.
    ``status`` is the work's resolution status (``resolved``, ``not-found``, ``review``,
    ``failed``, ``unresolved``); ``records`` the verified records, best source first;
    ``payloads`` the raw service payloads by source (``crossref``, ``pubmed``);
    ``candidates`` the records the resolver held for review instead of applying;
    ``nearest`` the best record it rejected when it found none.
    """

    label: str
    line: int | None = None
    number: int | None = None
    raw: str = ""
    printed: Work = field(default_factory=dict)
    list_label: str | None = None
    work_id: int | None = None
    parsed: bool = True
    status: str | None = None
    status_message: str | None = None
    #: when the work was moved to the library's trash (it is still cited here)
    removed: str | None = None
    records: list[VerifiedRecord] = field(default_factory=list)
    payloads: list[tuple[str, object]] = field(default_factory=list)
    candidates: list[VerifiedRecord] = field(default_factory=list)  # held for review
    nearest: VerifiedRecord | None = None


@dataclass(slots=True)
class CitationMarker:
    """One citation marker in the text: where, as written, and the labels it cites in order.

    ``unresolved`` lists the labels the linker could not resolve, with its reason; when
    it is None (no linker ran) they are worked out from the list's labels here.
    """

    line: int | None
    text: str
    labels: list[str]
    list_label: str | None = None
    unresolved: list[tuple[str, str]] | None = None
    #: a range written high to low (``[7–3]``), which the linker read as the range it names
    backward: bool = False


def _number(label: str) -> int | None:
    return int(label) if re.fullmatch(r"\d{1,5}", label.strip()) else None


def dangling_markers(markers: Sequence[CitationMarker], references: Sequence[ListedReference]) -> list[Finding]:
    """Markers naming a number beyond the list or a key no entry has."""
    findings: list[Finding] = []
    for marker in markers:
        entries = _entries_for(marker.list_label, references)
        known = {ref.label for ref in entries}
        numbers = sorted(n for ref in entries if (n := _number(ref.label)) is not None)
        reasons = dict(marker.unresolved or [])
        for label in marker.labels:
            if (label in known and marker.unresolved is None) or (marker.unresolved is not None and label not in reasons):
                continue
            number = _number(label)
            if number is not None:
                size = f"the list has {quantity(len(numbers), 'reference')}" if numbers else "there is no numbered list"
                message = f"marker {quoted(marker.text)} cites reference {number}, which is not in the list ({size})"
                suggestion = f"add reference {number} to the list or correct the marker"
            else:
                message = f"marker {quoted(marker.text)} cites {quoted(label)}, which no reference has"
                guess = _guess(label, known)
                suggestion = f"did you mean {quoted(guess)}?" if guess else f"add an entry with key {quoted(label)} or correct the marker"
            if reasons.get(label) and number is None:
                message += f" ({reasons[label]})"
            findings.append(
                Finding(Kind.DANGLING_MARKER, Severity.ERROR, message, line=marker.line, reference=label, suggestion=suggestion)
            )
    return findings


_RANGE = re.compile(r"(\d+)(\s*[–—‐-]\s*)(\d+)")


def backward_ranges(markers: Sequence[CitationMarker]) -> list[Finding]:
    """Markers whose range is written high to low (``[7–3]``, ``(12-9)``): linked as the
    range they name, but a slip to correct (or a number that is no citation at all)."""
    findings: list[Finding] = []
    for marker in markers:
        if not marker.backward:
            continue
        fixed = _RANGE.sub(
            lambda m: m.group(0) if int(m.group(1)) <= int(m.group(3)) else m.group(3) + m.group(2) + m.group(1),
            marker.text,
        )
        findings.append(Finding(
            Kind.BACKWARD_RANGE, Severity.WARNING,
            f"marker {quoted(marker.text)} writes a range high to low: read as "
            f"{'reference' if len(marker.labels) == 1 else 'references'} {', '.join(marker.labels)}",
            line=marker.line, printed=marker.text, expected=fixed,
            suggestion=f"write it {quoted(fixed)}" + (" (or, if it cites nothing, leave it as it is)" if fixed[:1] == "(" else ""),
        ))
    return findings


#: The name a key or an author-year label starts with ("beck" of "beck2020somatic" and "Beck et al. 2020").
_NAME = re.compile(r"[^\W\d_]+")


def _guess(label: str, known: set[str]) -> str | None:
    """The known key or label most like ``label`` whose leading name is like its own: a
    shared year alone ("Smith 2020", "Beck et al. 2020") makes no guess."""
    name = _NAME.match(label.casefold())
    for candidate, _score, _index in process.extract(label, sorted(known), limit=5, score_cutoff=75):
        other = _NAME.match(candidate.casefold())
        if name is None or other is None or fuzz.ratio(name.group(), other.group()) >= 75:
            return str(candidate)
    return None


def _entries_for(list_label: str | None, references: Sequence[ListedReference]) -> list[ListedReference]:
    return [ref for ref in references if list_label is None or ref.list_label == list_label]


def unused_references(markers: Sequence[CitationMarker], references: Sequence[ListedReference]) -> list[Finding]:
    """Entries of a cited list that no marker cites."""
    cited = {(m.list_label, label) for m in markers for label in m.labels}
    cited_any = {label for m in markers if m.list_label is None for label in m.labels}
    findings = []
    for ref in references:
        if (ref.list_label, ref.label) in cited or ref.label in cited_any:
            continue
        findings.append(
            Finding(
                Kind.UNUSED_REFERENCE,
                Severity.WARNING,
                f"reference {ref.label} is never cited in the text",
                line=ref.line,
                reference=ref.label,
                suggestion=f"cite reference {ref.label} where it supports a statement, or delete it",
            )
        )
    return findings


def first_citation_order(markers: Sequence[CitationMarker]) -> list[int]:
    """Reference numbers in the order the text first cites them (within one marker in
    ascending order, as Vancouver groups are written)."""
    seen: list[int] = []
    for marker in markers:
        for number in sorted({n for label in marker.labels if (n := _number(label)) is not None}):
            if number not in seen:
                seen.append(number)
    return seen


def citation_order(markers: Sequence[CitationMarker], references: Sequence[ListedReference]) -> list[Finding]:
    """Numbered references must be numbered in the order of their first citation.

    One finding where a reference is first cited while a lower-numbered (cited)
    reference is still uncited and numbering in order would change its number, with
    that number (two swapped numbers name the one cited too early, not every reference
    cited between them, which keep theirs); the first finding also carries the whole
    renumbering.
    """
    listed = {n for ref in references if (n := _number(ref.label)) is not None}
    numbered = [m for m in markers if any(_number(label) in listed for label in m.labels)]
    order = [n for n in first_citation_order(numbered) if n in listed]
    if not order:
        return []
    rank = {number: position + 1 for position, number in enumerate(order)}
    pending = sorted(order)
    findings: list[Finding] = []
    done: set[int] = set()
    for marker in numbered:
        for number in sorted({n for label in marker.labels if (n := _number(label)) in listed}):
            if number in done:
                continue
            expected = pending[0]
            pending.remove(number)
            done.add(number)
            if number != expected and rank[number] != number:
                findings.append(
                    Finding(
                        Kind.CITATION_ORDER,
                        Severity.WARNING,
                        f"reference {number} is first cited here, before reference {expected}: "
                        f"in order of first citation it is number {rank[number]}",
                        line=marker.line,
                        reference=str(number),
                        suggestion=f"renumber reference {number} as {rank[number]}",
                        expected=str(rank[number]),
                        printed=str(number),
                    )
                )
    if findings:
        mapping = ", ".join(f"{old}\u2192{new}" for old, new in rank.items() if old != new)
        findings[0].suggestion = f"renumber in order of first citation: {mapping}"
    return findings


def _identifiers(ref: ListedReference) -> set[str]:
    found: set[str] = set()
    for csl in [ref.printed, *(r.csl for r in ref.records)]:
        doi = normalize_doi(csl.get("DOI"))
        pmid = normalize_pmid(csl.get("PMID"))
        if doi:
            found.add("doi:" + doi)
        if pmid:
            found.add("pmid:" + pmid)
    return found


def duplicate_references(references: Sequence[ListedReference]) -> list[Finding]:
    """Entries of one list that are the same work: one library work, a shared DOI or
    PMID, or the same title, first author and year as printed."""
    findings: list[Finding] = []
    for index, ref in enumerate(references):
        for earlier in references[:index]:
            if earlier.list_label != ref.list_label:
                continue
            same = (ref.work_id is not None and ref.work_id == earlier.work_id) or bool(
                _identifiers(ref) & _identifiers(earlier)
            )
            if not same and ref.printed and earlier.printed:
                same = same_work(identity_keys(ref.printed), identity_keys(earlier.printed))
            if same:
                where = f" (line {earlier.line})" if earlier.line else ""
                findings.append(
                    Finding(
                        Kind.DUPLICATE_REFERENCE,
                        Severity.WARNING,
                        f"reference {ref.label} is the same work as reference {earlier.label}{where}",
                        line=ref.line,
                        reference=ref.label,
                        suggestion=f"cite {earlier.label} wherever {ref.label} is cited and delete reference {ref.label}",
                    )
                )
                break
    return findings
