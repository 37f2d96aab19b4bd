"""Lists of identifiers, one per line, in any common written form (``doi:``, URLs,
``PMID: ...``, ``PMC...``); each becomes a work to be resolved later.

Only a line that is an identifier and nothing else counts: a DOI needs its prefix and
suffix; a bare number is a PMID only with no punctuation after it and in the range
PMIDs are given in (five to eight digits; an older PMID is written ``PMID: 123``), so
a numbered list (``1.`` ... ``1999.``) or a stray ``10.`` never becomes PMIDs.
"""

from __future__ import annotations

import re

from ..ids import CSL_FIELD, IdKind, classify_identifier, normalize_pmid
from ..model import ImportProblem, ParsedFile, RawReference, RefStatus

#: Bare numbers taken as PMIDs (PMIDs passed 10,000 in 1975 and are below 10^8).
BARE_PMID_RANGE = range(10_000, 100_000_000)
_LABEL = re.compile(r"^(?:doi|pmid|pmcid|pubmed(?:\s*id)?)\s*[:#]?\s*", re.IGNORECASE)
_COMMENT = re.compile(r"(?:^|\s)#.*$")
_NUMBERISH = re.compile(r"^[\d\s.,;:)\]}>'\"-]+$")


def stated_identifier(line: str) -> tuple[IdKind, str] | None:
    """The identifier a line states on its own, normalised; None for anything else."""
    value = line.strip()
    if not value or len(value) > 300:
        return None
    if _NUMBERISH.match(value):  # digits alone: a bare PMID, or a number that is not one
        if not value.isdigit() or int(value) not in BARE_PMID_RANGE:
            return None
        pmid = normalize_pmid(value)
        return ("pmid", pmid) if pmid else None
    if any(ch.isspace() for ch in _LABEL.sub("", value, count=1)):
        return None
    return classify_identifier(value)


def read_identifier_list(text: str) -> ParsedFile:
    parsed = ParsedFile(format="ids")
    for number, line in enumerate(text.splitlines(), start=1):
        value = _COMMENT.sub("", line).strip()
        if not value:
            continue
        found = stated_identifier(value)
        if found is None:
            message = (
                f"{value[:80]!r} is not a DOI, PMID or PMCID; write one identifier per line"
                " (a PMID under 10000 as 'PMID: 123')"
            )
            parsed.problems.append(ImportProblem(number, message))
            parsed.references.append(RawReference(raw=line, format="identifier", line=number, status=RefStatus.FAILED, message=message))
            continue
        kind, normalized = found
        parsed.references.append(
            RawReference(raw=line, format="identifier", line=number, fields={CSL_FIELD[kind]: normalized}, status=RefStatus.IDENTIFIER)
        )
    return parsed
