"""Free-text reference lists (Vancouver, AMA, APA, ...) in plain text, Markdown or PDF text."""

from __future__ import annotations

from ..model import ImportProblem, ParsedFile, RawReference, RefStatus
from ..progress import counted
from ..refstring import PARSER_VERSION, find_reference_lists, parse_reference
from ..refstring.lists import ReferenceList, describe, summarize
from ..richtext import rich_fields
from ..wording import quantity


def reference_from_string(
    raw: str, line: int | None = None, list_label: str | None = None, number: int | None = None, *, body: str | None = None
) -> RawReference:
    """Parse one entry into a :class:`RawReference` that keeps the raw text and parser version.

    ``body`` is the entry without its printed label, when the list finder read the label
    (so a number past 999 never becomes part of an author's name). An entry with neither
    a title nor an identifier nor a journal is stored as failed, with what could be read
    left out of the work (it stays in the reference's row).
    """
    try:
        fields = parse_reference(body if body else raw)
    except Exception as exc:  # an entry no rule foresaw: stored as failed, the others read
        return RawReference(raw=raw, format="text", line=line, status=RefStatus.FAILED,
                            message=f"could not be parsed ({type(exc).__name__})", extra={"parser_version": PARSER_VERSION},
                            list_label=list_label, number=number)
    fields = rich_fields(fields, "csl")  # as a CSL title: <i> is italics, any other tag the text it spells
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
    What was found is said in the notes: each list with its heading, numbers, gaps and
    entries that look like two references glued together; or that the text holds no list.
    """
    parsed = ParsedFile(format="text")
    lists = find_reference_lists(text)
    parsed.notes.extend(list_notes(text, lists))
    if not lists:
        return parsed
    pairs = [(found, entry) for found in lists for entry in found.entries]
    for found, entry in counted(pairs, "parsing references", len(pairs)):
        ref = reference_from_string(entry.text, entry.line, found.label, entry.number, body=entry.body)
        parsed.references.append(ref)
        if ref.status == RefStatus.FAILED:
            shown = entry.text if len(entry.text) <= 80 else entry.text[:77] + "..."
            parsed.problems.append(ImportProblem(entry.line, f"reference not understood (no title or identifier): {shown}"))
    return parsed


def list_notes(text: str, lists: list[ReferenceList] | None = None) -> list[str]:
    """What a person is told about a document's lists: one line per list (heading,
    numbers, gaps, glued entries), or that a text holds none."""
    if lists is None:
        lists = find_reference_lists(text)
    if not lists:
        # Not bad input: a manuscript may cite by key and have no list of its own.
        return ["no reference list found in the text: no reference heading, no run of numbered entries, no lines that read as references"] if text.strip() else []
    return [describe(summarize(found)) for found in lists]


def read_line_references(text: str) -> ParsedFile:
    """Every non-empty line is one reference (as ``parse --lines`` reads it), numbered by its line."""
    parsed = ParsedFile(format="lines")
    lines = text.split("\n")
    numbered = [(number, line.rstrip("\r")) for number, line in enumerate(lines, start=1) if line.strip()]
    total = len(numbered)
    for number, raw in counted(numbered, "parsing references", total):
        ref = reference_from_string(raw, number)
        parsed.references.append(ref)
        if ref.status == RefStatus.FAILED:
            shown = raw if len(raw) <= 80 else raw[:77] + "..."
            parsed.problems.append(ImportProblem(number, f"reference not understood (no title or identifier): {shown}"))
    empty = len(lines) - total - (1 if text.endswith("\n") else 0)  # the end of the last line starts no line
    parsed.notes.append(f"{quantity(total, 'line')} read as one reference each" + (f", {quantity(empty, 'empty line')} skipped" if empty else ""))
    return parsed
