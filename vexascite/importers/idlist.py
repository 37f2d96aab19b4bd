"""Lists of identifiers, one per line, in any common written form (``doi:``, URLs,
``PMID: ...``, ``PMC...``); each becomes a work to be resolved later."""

from __future__ import annotations

from ..ids import CSL_FIELD, classify_identifier
from ..model import ImportProblem, ParsedFile, RawReference, RefStatus


def read_identifier_list(text: str) -> ParsedFile:
    parsed = ParsedFile(format="ids")
    for number, line in enumerate(text.splitlines(), start=1):
        value = line.strip()
        if not value or value.startswith("#"):
            continue
        found = classify_identifier(value)
        if found is None:
            message = f"{value[:80]!r} is not a DOI, PMID or PMCID; write one identifier per line"
            parsed.problems.append(ImportProblem(number, message))
            parsed.references.append(RawReference(raw=line, format="identifier", line=number, status=RefStatus.FAILED, message=message))
            continue
        kind, normalized = found
        parsed.references.append(
            RawReference(raw=line, format="identifier", line=number, fields={CSL_FIELD[kind]: normalized}, status=RefStatus.IDENTIFIER)
        )
    return parsed
