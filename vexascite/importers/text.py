"""Free-text reference lists (Vancouver, AMA, APA, ...) in plain text, Markdown or PDF text."""

from __future__ import annotations

from ..model import ImportProblem, ParsedFile, RawReference, RefStatus
from ..refstring import PARSER_VERSION, find_reference_lists, parse_reference


def read_text_references(text: str) -> ParsedFile:
    """Find the reference lists in a document and parse each entry.

    Each entry keeps its text as printed (``raw``, wrapped lines joined), its list
    label, its printed number and the parser version, so it can be re-parsed later.
    """
    parsed = ParsedFile(format="text")
    lists = find_reference_lists(text)
    if not lists:
        parsed.problems.append(ImportProblem(None, "no reference list found: expected a 'References' heading or numbered entries with years"))
    for found in lists:
        for entry in found.entries:
            fields = parse_reference(entry.text)
            readable = bool(fields.get("title") or fields.get("DOI") or fields.get("PMID") or fields.get("container-title"))
            parsed.references.append(
                RawReference(
                    raw=entry.text,
                    format="text",
                    line=entry.line,
                    fields=fields if readable else {},
                    status=RefStatus.PARSED if readable else RefStatus.FAILED,
                    message=None if readable else "could not read a title or an identifier from this entry",
                    extra={"parser_version": PARSER_VERSION},
                    list_label=found.label,
                    number=entry.number,
                )
            )
            if not readable:
                parsed.problems.append(ImportProblem(entry.line, f"entry {entry.number or ''} not understood: {entry.text[:80]}".replace("  ", " ")))
    return parsed
