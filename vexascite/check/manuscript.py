"""Check one manuscript: its markers, its reference list and what the services verified.

:func:`check_manuscript` is pure: the api layer gathers the manuscript's markers (from
link), its listed references with their printed fields, statuses, verified records and
raw payloads (from the store) and hands them over as :class:`ManuscriptInput`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..merge import source_name
from ..wording import quantity
from .citations import (
    CitationMarker,
    ListedReference,
    backward_ranges,
    citation_order,
    dangling_markers,
    duplicate_references,
    unused_references,
)
from .fields import compare_printed, doi_of_another_work, same_name, title_likeness
from .findings import CheckReport, Finding, Kind, Severity
from .notices import Notice, crossref_updates, notices_in_pubmed, retracted_by_title

_ACKNOWLEDGED_CORRECTION = re.compile(r"published (?:correction|erratum)|erratum in|correction in|corrected", re.I)
_ACKNOWLEDGED_RETRACTION = re.compile(r"retract", re.I)
_WEB_TYPES = frozenset({"webpage", "post-weblog", "post", "software", "dataset", "report", "legislation", "legal_case"})


@dataclass(slots=True)
class ReferenceList:
    """A reference list found in the manuscript: its label and the line it starts on."""

    label: str | None
    line: int | None = None


@dataclass(slots=True)
class ManuscriptInput:
    """Everything :func:`check_manuscript` looks at, gathered by the caller."""

    path: str
    references: list[ListedReference] = field(default_factory=list)
    markers: list[CitationMarker] = field(default_factory=list)
    lists: list[ReferenceList] = field(default_factory=list)


def assign_markers(markers: Sequence[CitationMarker], references: Sequence[ListedReference]) -> list[CitationMarker]:
    """Give markers that name no list the list whose labels cover most of them (the last
    such list on a tie: a manuscript's own list usually ends it)."""
    labels_by_list: dict[str | None, set[str]] = {}
    for ref in references:
        labels_by_list.setdefault(ref.list_label, set()).add(ref.label)
    if len(labels_by_list) <= 1:
        only = next(iter(labels_by_list), None)
        return [m if m.list_label is not None else replace(m, list_label=only) for m in markers]
    wanted = [label for m in markers if m.list_label is None for label in m.labels]
    order = list(labels_by_list)
    best = max(order, key=lambda name: (sum(label in labels_by_list[name] for label in wanted), order.index(name)))
    return [m if m.list_label is not None else replace(m, list_label=best) for m in markers]


def _payload_dict(payload: object) -> dict[str, Any] | str | None:
    if isinstance(payload, dict):
        return payload
    if isinstance(payload, str | bytes):
        text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload
        try:
            value = json.loads(text)
        except ValueError:
            return text
        return value if isinstance(value, dict) else None
    return None


def notice_findings(ref: ListedReference) -> list[Finding]:
    """Retractions, expressions of concern and corrections of the cited work, and a
    warning when the cited item is itself a notice."""
    updating: list[Notice] = []
    targets: list[Notice] = []
    for source, payload in ref.payloads:
        data = _payload_dict(payload)
        if data is None:
            continue
        if source == "crossref" and isinstance(data, dict):
            up, to = crossref_updates(data)
            updating += up
            targets += to
        elif source == "pubmed":
            pmid = next((r.csl.get("PMID") for r in ref.records if r.source == "pubmed" and r.csl.get("PMID")), None)
            updating += notices_in_pubmed(data, str(pmid) if pmid else None)
    if not any(n.category == "retraction" for n in updating):
        for record in ref.records:
            if retracted_by_title(record.csl.get("title")):
                updating.append(Notice("retraction", "title", None, None, record.source, "title marked RETRACTED"))
                break
    findings: list[Finding] = []
    by_category: dict[str, list[Notice]] = {}
    for notice in updating:
        by_category.setdefault(notice.category, []).append(notice)
    retractions = by_category.get("retraction", [])
    if retractions:
        main = retractions[0]
        others = [n for n in updating if n is not main and n.doi]
        also = "; also " + ", ".join(f"{n.label or n.type} {n.doi} ({n.date or 'undated'})" for n in others) if others else ""
        acknowledged = bool(_ACKNOWLEDGED_RETRACTION.search(ref.raw))
        findings.append(
            Finding(
                Kind.RETRACTED,
                Severity.WARNING if acknowledged else Severity.ERROR,
                f"reference {ref.label} has been retracted: {_describe(main)}{also}"
                + (" (the reference says so)" if acknowledged else ""),
                line=ref.line,
                reference=ref.label,
                suggestion="remove the citation, or cite the retraction notice with it and say the work is retracted",
                source=source_name(main.source),
                notice=main.to_dict(),
            )
        )
    else:
        for category, kind, severity, advice in (
            ("expression-of-concern", Kind.EXPRESSION_OF_CONCERN, Severity.WARNING,
             "read the expression of concern before relying on this work"),
            ("correction", Kind.CORRECTED, Severity.INFO, "check that the corrected version still supports your statement"),
        ):
            notices = by_category.get(category, [])
            if not notices:
                continue
            if category == "correction" and _ACKNOWLEDGED_CORRECTION.search(ref.raw):
                continue
            main = notices[0]
            extra = f" (and {len(notices) - 1} more)" if len(notices) > 1 else ""
            findings.append(
                Finding(
                    kind,
                    severity,
                    f"reference {ref.label}: {_describe(main)}{extra}",
                    line=ref.line,
                    reference=ref.label,
                    suggestion=advice,
                    source=source_name(main.source),
                    notice=main.to_dict(),
                )
            )
    if targets:
        main = targets[0]
        findings.append(
            Finding(
                Kind.IS_NOTICE,
                Severity.WARNING,
                f"reference {ref.label} is itself a {main.category.replace('-', ' ')} notice about {main.doi}",
                line=ref.line,
                reference=ref.label,
                suggestion=f"cite the work {main.doi} (and the notice only if you discuss it)",
                source=source_name(main.source),
                notice=main.to_dict(),
            )
        )
    return findings


def _describe(notice: Notice) -> str:
    what = (notice.label or notice.type.replace("_", " ")).lower()
    parts = [f"{what} notice {notice.doi}" if notice.doi else what]
    if notice.pmid:
        parts.append(f"PMID {notice.pmid}")
    if notice.date:
        parts.append(f"dated {notice.date}")
    parts.append(f"stated by {source_name(notice.source)}")
    return ", ".join(parts)


def _is_web(ref: ListedReference) -> bool:
    kind = ref.printed.get("type")
    return kind in _WEB_TYPES or (bool(ref.printed.get("URL")) and not ref.printed.get("container-title"))


_NEWS_TYPES = frozenset({"article-newspaper", "article-magazine", "broadcast", "interview"})
_ABSTRACT_TYPES = frozenset({"paper-conference", "speech", "poster", "event"})
_ABSTRACT_WORDS = re.compile(
    r"\[?\babstract\b\]?|\bsuppl(?:ement)?\b|\bpresented at\b|\bposter\b|\b(?:annual )?meeting\b|\bcongress\b|"
    r"\bconference\b|\bsymposium\b|\bconvergence\b", re.IGNORECASE)
_NEWS_WORDS = re.compile(
    r"\b(?:times|post|guardian|news|reuters|tribune|herald|gazette|journal online|medscape|healio|stat news|"
    r"newspaper|magazine|press release)\b", re.IGNORECASE)
_WEB_WORDS = re.compile(r"\[internet\]|\bavailable (?:from|at)\b|\baccessed\b|\[cited\b|https?://", re.IGNORECASE)


def unindexed_kind(ref: ListedReference) -> str | None:
    """What kind of work a not-found reference is when the bibliographic services are not
    expected to hold it: a web page, a news item, or a conference abstract (Crossref and
    PubMed index journal articles and books; meeting abstracts mostly have no DOI)."""
    printed, raw = ref.printed, ref.raw or ""
    kind = printed.get("type")
    container = str(printed.get("container-title") or "")
    if kind in _ABSTRACT_TYPES or printed.get("genre") == "abstract" or _ABSTRACT_WORDS.search(" ".join(
        [raw, container, str(printed.get("note") or ""), str(printed.get("event-title") or "")]
    )):
        return "conference abstract"
    if kind in _NEWS_TYPES or (printed.get("URL") and _NEWS_WORDS.search(container)):
        return "news item"
    if _is_web(ref) or _WEB_WORDS.search(raw) and not printed.get("DOI"):
        return "web page or document"
    return None


#: A not-found reference whose nearest record has a title at least this alike (0-100)
#: and the same first author is a misprint of that record, not a fabrication.
MISPRINT_MIN_TITLE_LIKENESS = 90.0


def misprinted_fields(ref: ListedReference) -> list[Finding]:
    """What a not-found reference gets wrong about the record it nearly matched (same
    title and first author), with the record's values; empty when there is no such record."""
    nearest = ref.nearest
    if nearest is None:
        return []
    likeness = title_likeness(ref.printed, nearest.csl)
    if likeness is None or likeness < MISPRINT_MIN_TITLE_LIKENESS:
        return []
    printed_people, record_people = ref.printed.get("author") or [], nearest.csl.get("author") or []
    if not (printed_people and record_people and same_name(printed_people[0], record_people[0])):
        return []
    return compare_printed(ref.printed, [nearest])


#: How the resolver explains a rejected best candidate: "no candidate fits (best: volume differ;
#: author ok, year ok, volume mismatch, page ok, title 1.00)".
_NEAR_MISS = re.compile(r"best: (?P<fields>[a-z/]+) differs?;.*?\bauthor ok\b.*?\btitle (?P<title>[01]\.\d+)")


def near_miss(reason: str | None) -> str | None:
    """The fields a same-title, same-author record differs in, read from a not-found reason;
    None when the reason does not say so (then the reference may be fabricated). Only for
    libraries resolved before the nearest record was kept (see :func:`misprinted_fields`)."""
    match = _NEAR_MISS.search(reason or "")
    if not match or float(match.group("title")) < 0.9:
        return None
    names = {"year": "year", "volume": "volume", "page": "pages"}
    fields = [names.get(name, name) for name in match.group("fields").split("/")]
    return " and ".join(fields)


def status_findings(ref: ListedReference) -> list[Finding]:
    """What the resolution status says: not found (likely fabricated), needs review, not
    checked because a service was unavailable or never asked."""
    where: dict[str, Any] = {"line": ref.line, "reference": ref.label}
    if not ref.parsed:
        return [Finding(Kind.UNREADABLE_REFERENCE, Severity.WARNING,
                        f"reference {ref.label} could not be read as a reference" + (f": {ref.status_message}" if ref.status_message else ""),
                        suggestion="write it with authors, title, journal, year, volume and pages", **where)]
    status = ref.status or "unresolved"
    if status == "resolved":
        if ref.records:
            return []
        return [Finding(Kind.NOT_CHECKED, Severity.WARNING, f"reference {ref.label} is resolved but no verified record is stored",
                        suggestion="run 'vexascite resolve' again", **where)]
    if status == "not-found":
        misprints = misprinted_fields(ref)
        if misprints and ref.nearest is not None:
            record = ref.nearest.csl.get("DOI") or ref.nearest.csl.get("PMID") or repr(ref.nearest.csl.get("title"))
            return [Finding(Kind.NEEDS_REVIEW, Severity.WARNING,
                            f"reference {ref.label} matched no record, but {record} ({ref.nearest.source_name}) has its "
                            f"title and first author: " + "; ".join(f.message for f in misprints),
                            suggestion="if that is the work you cite: " + "; ".join(f.suggestion or "" for f in misprints),
                            **where)]
        near = near_miss(ref.status_message)
        if near:
            return [Finding(Kind.NEEDS_REVIEW, Severity.WARNING,
                            f"reference {ref.label} matched no record, but a record with its title and first author "
                            f"has another {near}: the printed {near} {'are' if ' and ' in near else 'is'} probably wrong",
                            suggestion="look the work up ('vexascite lookup' with its title) and correct the reference",
                            **where)]
        unindexed = unindexed_kind(ref)
        if unindexed is not None:
            why = {
                "conference abstract": "meeting abstracts rarely have a DOI or a PubMed record",
                "news item": "news items are not indexed by Crossref or PubMed",
                "web page or document": "web pages and documents are not indexed by Crossref or PubMed",
            }[unindexed]
            check = {
                "conference abstract": "check the meeting's abstract book or the journal supplement it names",
                "news item": "open the article and check that it says what you cite",
                "web page or document": "open the link and check that it still shows what you cite",
            }[unindexed]
            return [Finding(Kind.NOT_FOUND, Severity.INFO,
                            f"reference {ref.label} was not found in Crossref or PubMed, as expected for a {unindexed}: {why}",
                            suggestion=check, **where)]
        detail = f" ({ref.status_message})" if ref.status_message else ""
        return [Finding(Kind.NOT_FOUND, Severity.ERROR,
                        f"no service found reference {ref.label}{detail}: it may be fabricated or garbled",
                        suggestion="find the work you meant (title, authors, journal) and correct the reference, or remove it",
                        **where)]
    if status == "review":
        other = doi_of_another_work(ref.printed, ref.candidates)
        if other:
            other.line, other.reference = ref.line, ref.label
            other.message = f"reference {ref.label}: {other.message}"
            return [other]
        detail = f": {ref.status_message}" if ref.status_message else ""
        dois = [str(c.csl["DOI"]) for c in ref.candidates if c.csl.get("DOI")][:3]
        suggestion = "confirm the right record with 'vexascite review' and put its DOI in the reference"
        if dois:
            suggestion += f" (candidates: {', '.join(dois)})"
        return [Finding(Kind.NEEDS_REVIEW, Severity.WARNING, f"reference {ref.label} matches no record with certainty{detail}",
                        suggestion=suggestion, **where)]
    if status == "failed":
        detail = f" ({ref.status_message})" if ref.status_message else ""
        return [Finding(Kind.NOT_CHECKED, Severity.WARNING,
                        f"reference {ref.label} was not checked: a service was unavailable{detail}",
                        suggestion="run 'vexascite resolve' again when the service answers", **where)]
    return [Finding(Kind.NOT_CHECKED, Severity.WARNING, f"reference {ref.label} has not been looked up yet",
                    suggestion="run 'vexascite resolve' first", **where)]


def reference_findings(ref: ListedReference) -> list[Finding]:
    """Every finding about one listed reference on its own."""
    findings = status_findings(ref)
    if ref.removed:
        findings.insert(0, Finding(
            Kind.REMOVED_WORK, Severity.WARNING,
            f"reference {ref.label} cites a work removed from the library (in the trash since {ref.removed})",
            line=ref.line, reference=ref.label,
            suggestion="restore it ('vexascite restore KEY') or stop citing it",
        ))
    if ref.records:
        for finding in compare_printed(ref.printed, ref.records):
            finding.line, finding.reference = ref.line, ref.label
            finding.message = f"reference {ref.label}: {finding.message}"
            findings.append(finding)
    findings += notice_findings(ref)
    return findings


def check_manuscript(data: ManuscriptInput) -> CheckReport:
    """All findings on a manuscript (see :mod:`vexascite.check`)."""
    report = CheckReport(manuscript=data.path, references=len(data.references), markers=len(data.markers))
    markers = assign_markers(data.markers, data.references)
    cited_lists = {m.list_label for m in markers}
    checked_refs: list[ListedReference] = []
    if not markers:
        if data.references:
            report.findings.append(Finding(Kind.NO_CITATIONS, Severity.WARNING,
                                           "no citation markers found in the text: use and order were not checked",
                                           suggestion="cite with numbers ([1], ^1, superscripts) or keys ([@key])"))
        else:  # (an empty file, or the wrong one: a run in CI should not pass on it without a word)
            report.findings.append(Finding(Kind.NO_CITATIONS, Severity.WARNING,
                                           "no citation markers and no reference list found in the text: nothing was checked",
                                           suggestion="check that this is the manuscript; cite with numbers ([1]) or keys ([@key])"))
        checked_refs = list(data.references)
    else:
        for listing in _lists(data):
            entries = [r for r in data.references if r.list_label == listing.label]
            if listing.label in cited_lists:
                checked_refs += entries
            elif entries:
                report.findings.append(Finding(
                    Kind.UNCITED_LIST, Severity.INFO,
                    f"reference list {listing.label or ''} ({quantity(len(entries), 'reference')}) is cited nowhere in the text: "
                    "taken to belong to another document and not checked",
                    line=listing.line if listing.line is not None else entries[0].line,
                    suggestion="delete it if it belongs to this manuscript's text by mistake",
                ))
        report.findings += backward_ranges(markers)
        report.findings += dangling_markers(markers, data.references)
        report.findings += unused_references(markers, checked_refs)
        for label in sorted(cited_lists, key=str):
            report.findings += citation_order([m for m in markers if m.list_label == label],
                                              [r for r in checked_refs if r.list_label == label])
    report.findings += duplicate_references(checked_refs)
    for ref in checked_refs:
        report.findings += reference_findings(ref)
        if ref.records:
            report.checked += 1
    return report


def _lists(data: ManuscriptInput) -> list[ReferenceList]:
    named = {item.label for item in data.lists}
    extra = []
    for ref in data.references:
        if ref.list_label not in named:
            named.add(ref.list_label)
            extra.append(ReferenceList(ref.list_label, ref.line))
    return [*data.lists, *extra]
