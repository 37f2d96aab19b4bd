"""Free-text reference lists (Vancouver, AMA, APA, ...) in plain text, Markdown or PDF text."""

from __future__ import annotations

from ..model import ImportProblem, ParsedFile, RawReference, RefStatus
from ..refstring import PARSER_VERSION, find_reference_lists, parse_reference


def reference_from_string(raw: str, line: int | None = None, list_label: str | None = None, number: int | None = None) -> RawReference:
    """Parse one entry into a :class:`RawReference` that keeps the raw text and parser version.

    An entry with neither a title nor an identifier nor a journal is stored as failed,
    with what could be read left out of the work (it stays in the reference's row).
    """
    try:
        fields = parse_reference(raw)
    except Exception as exc:  # an entry no rule foresaw: stored as failed, the others read
        return RawReference(raw=raw, format="text", line=line, status=RefStatus.FAILED,
                            message=f"could not be parsed ({type(exc).__name__})", extra={"parser_version": PARSER_VERSION},
                            list_label=list_label, number=number)
    readable = bool(fields.get("title") or fields.get("DOI") or fields.get("PMID") or fields.get("container-title"))
    return RawReference(
        raw=raw,
        format="text",
        line=line,
        fields=fields if readable else {},
        status=RefStatus.PARSED if readable else RefStatus.FAILED,
        message=None if readable else "could not read a title or an identifier from this entry",
        extra={"parser_version": PARSER_VERSION},
        list_label=list_label,
        number=number,
    )


def read_text_references(text: str) -> ParsedFile:
    """Find the reference lists in a document and parse each entry.

    Each entry keeps its text as printed (``raw``: number included, wrapped lines joined),
    its list label (``references-1``, ``references-2`` in document order), its printed
    number and the parser version, so it can be re-parsed when the parser improves.
    """
    parsed = ParsedFile(format="text")
    lists = find_reference_lists(text)
    if not lists:
        # Not bad input: a manuscript may cite by key and have no list of its own.
        parsed.notes.append("no reference list in it: no 'References' heading or run of numbered entries")
    for found in lists:
        for entry in found.entries:
            ref = reference_from_string(entry.text, entry.line, found.label, entry.number)
            parsed.references.append(ref)
            if ref.status == RefStatus.FAILED:
                shown = entry.text if len(entry.text) <= 80 else entry.text[:77] + "..."
                parsed.problems.append(ImportProblem(entry.line, f"reference not understood (no title or identifier): {shown}"))
    return parsed
