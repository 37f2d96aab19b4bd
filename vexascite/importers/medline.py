"""PubMed MEDLINE / ``.nbib`` files: tagged records separated by blank lines."""

from __future__ import annotations

import re

from ..ids import clean_doi, normalize_pmcid, normalize_pmid
from ..model import ImportProblem, ParsedFile, RawReference, Work, subject_keyword
from ..richtext import rich_fields
from ._names import date_parts_from_text, person_from_inverted

_TAG = re.compile(r"^([A-Z][A-Z0-9]{0,3})\s*- ?(.*)$")


def parse_medline_record(lines: list[str]) -> list[tuple[str, str]]:
    """Tag/value pairs with continuation lines (six-space indent) joined."""
    pieces: list[tuple[str, list[str]]] = []  # joined once at the end: a long value is not copied per line
    for line in lines:
        match = _TAG.match(line)
        if match and not line.startswith(" "):
            pieces.append((match.group(1), [match.group(2).strip()]))
        elif pieces and line.strip():
            pieces[-1][1].append(line.strip())
    return [(tag, " ".join(parts)) for tag, parts in pieces]


def medline_to_csl(pairs: list[tuple[str, str]]) -> Work:
    tags: dict[str, list[str]] = {}
    for tag, value in pairs:
        tags.setdefault(tag, []).append(value)
    first = {tag: values[0] for tag, values in tags.items()}
    types = [t.lower() for t in tags.get("PT", [])]
    work: Work = {"type": "book" if "book" in " ".join(types) and "TA" not in first else "article-journal"}
    people = tags.get("FAU") or tags.get("AU") or []
    authors = [person_from_inverted(p) for p in people]
    if "CN" in tags:
        authors += [{"literal": name} for name in tags["CN"]]
    if authors:
        work["author"] = authors
    if "TI" in first:
        work["title"] = first["TI"].rstrip(".")
    if "JT" in first:
        work["container-title"] = first["JT"]
    if "TA" in first:
        work["container-title-short"] = first["TA"]
    for tag, field in (("VI", "volume"), ("IP", "issue"), ("PG", "page"), ("AB", "abstract"), ("LA", "language")):
        if tag in first:
            work[field] = first[tag]
    subjects = subject_keyword(tags.get("MH", []) + tags.get("OT", []))
    if subjects:
        work["keyword"] = subjects
    issued = date_parts_from_text(first.get("DP"))
    if issued:
        work["issued"] = issued
    pmid = normalize_pmid(first.get("PMID"))
    if pmid:
        work["PMID"] = pmid
    pmcid = normalize_pmcid(first.get("PMC"))
    if pmcid:
        work["PMCID"] = pmcid
    for value in tags.get("LID", []) + tags.get("AID", []):
        if value.endswith("[doi]"):
            doi = clean_doi(value[: -len("[doi]")])
            if doi:
                work["DOI"] = doi
                break
    return rich_fields(work, "plain")  # MEDLINE is plain text: a "<" or "&" in it is text


def _records(text: str) -> list[tuple[int, list[str]]]:
    """Records with their first line: separated by blank lines, or by a ``PMID-`` line
    when a record already has one (files joined without the blank line)."""
    records: list[tuple[int, list[str]]] = []
    record: list[str] = []
    start, has_pmid = 0, False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or (has_pmid and line.startswith("PMID-")):
            if record:
                records.append((start, record))
            record, has_pmid = [], False
            if not line.strip():
                continue
        if not record:
            start = number
        record.append(line)
        has_pmid = has_pmid or line.startswith("PMID-")
    if record:
        records.append((start, record))
    return records


def read_medline(text: str) -> ParsedFile:
    parsed = ParsedFile(format="medline")
    for start, record in _records(text):
        pairs = parse_medline_record(record)
        raw = "\n".join(record)
        if not pairs or not any(tag in ("PMID", "TI") for tag, _ in pairs):
            message = "not a MEDLINE record (no PMID- or TI  - tag)"
            parsed.unreadable(raw, start, message)
            continue
        work = parsed.converted(medline_to_csl, pairs, raw, start, "MEDLINE record")
        if work is None:
            continue
        for tag, field in (("PMID", "PMID"), ("PMC", "PMCID")):
            stated = next((value for name, value in pairs if name == tag), None)
            if stated and field not in work:  # kept in the raw record, not as the work's identifier: said
                parsed.problems.append(ImportProblem(start, f"{tag} {stated[:80]!r} is not a {field}; left out"))
        parsed.references.append(RawReference(raw=raw, format="medline", line=start, fields=work, entry_key=work.get("PMID")))
    return parsed
