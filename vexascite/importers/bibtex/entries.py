"""The entries of one part of a file as raw references: values resolved, entries that
fail kept as written, and what bibtexparser let through (duplicate keys and fields,
missing commas, undefined macros) reported with its line."""

from __future__ import annotations

import re
from typing import Any

from bibtexparser.model import (
    DuplicateBlockKeyBlock,
    DuplicateFieldKeyBlock,
    Entry,
    ParsingFailedBlock,
)

from ...model import ImportProblem, ParsedFile, RawReference, RefStatus
from .fields import KEPT_AS_TEXT, entry_to_csl, fields_without_csl_home
from .splitter import block_line, captured_parser_log, reasons_by_line, split_entries
from .values import MAX_VALUE_CHARS, ValueTooLong, balanced_inner, resolve_value


def parse_chunk(
    chunk: str, line_offset: int, strings: dict[str, str], own_fields: dict[int, dict[str, str]] | None = None
) -> ParsedFile:
    """Entries of one part of a file, lines counted from the file's start. ``crossref``
    and ``xdata`` are not applied here: the parent may be in another part. Every entry's
    fields as written are put in ``own_fields`` by ``id()`` of its reference, if given."""
    try:
        with captured_parser_log() as log:
            library = split_entries(chunk)
    except Exception:  # bibtexparser gave up on this part: read it entry by entry
        return _parse_pieces(chunk, line_offset, strings, own_fields)
    parsed = ParsedFile(format="bibtex")
    reasons = reasons_by_line(log.messages)

    def line_of(block: Any) -> int | None:
        line = block_line(block)
        return line + line_offset if line is not None else None

    raw_entries: list[tuple[Entry, RefStatus, str | None]] = [(e, RefStatus.PARSED, None) for e in library.entries]
    for block in library.failed_blocks:
        if isinstance(block, DuplicateBlockKeyBlock):
            duplicate = block.ignore_error_block
            message = f"duplicate key {block.key!r} (first used at line {line_of(block.previous_block)}); rename one of the entries"
            parsed.problems.append(ImportProblem(line_of(block), message, block.key))
            if isinstance(duplicate, Entry):
                raw_entries.append((duplicate, RefStatus.DUPLICATE_KEY, message))
            else:
                parsed.references.append(
                    RawReference(raw=block.raw or "", format="bibtex", line=line_of(block), entry_key=block.key,
                                 status=RefStatus.DUPLICATE_KEY, message=message)
                )
        elif isinstance(block, DuplicateFieldKeyBlock) and isinstance(block.ignore_error_block, Entry):
            names = sorted({f.key for f in block.ignore_error_block.fields
                            if [g.key for g in block.ignore_error_block.fields].count(f.key) > 1})
            message = f"field {', '.join(names)} given more than once; the first value was read: remove the others"
            parsed.problems.append(ImportProblem(line_of(block), message, block.ignore_error_block.key))
            raw_entries.append((block.ignore_error_block, RefStatus.PARSED, None))
        elif isinstance(block, ParsingFailedBlock):
            reason = (
                next(iter(str(block.error).strip().splitlines()), None)
                or reasons.get(block_line(block) or 0)
                or "cannot be parsed"
            ).rstrip(".")
            message = f"not a valid BibTeX entry ({reason}); check its braces, quotes and commas"
            parsed.unreadable(block.raw or "", line_of(block), message)
    entry_message: str | None
    for entry, status, entry_message in raw_entries:
        try:
            own = _own_fields(entry, line_of(entry), strings, parsed.problems)
            ref = reference(entry.raw or "", line_of(entry), entry.entry_type, entry.key, own, own, status, entry_message,
                            parsed.problems)
        except Exception as exc:  # an entry no rule foresaw is kept as written, not the file lost
            reason = f"entry could not be read ({type(exc).__name__}: {str(exc)[:120]}); kept as written"
            parsed.unreadable(entry.raw or "", line_of(entry), reason, entry.key)
            continue
        parsed.references.append(ref)
        if own_fields is not None:
            own_fields[id(ref)] = own
    parsed.references.sort(key=lambda ref: ref.line or 0)
    return parsed


def _own_fields(entry: Entry, line: int | None, strings: dict[str, str], problems: list[ImportProblem]) -> dict[str, str]:
    """An entry's fields resolved, with what bibtexparser let through reported: undefined
    macros, expansions too long, and a missing comma that ran two fields into one."""
    unknown: list[str] = []
    own: dict[str, str] = {}
    for f in entry.fields:  # resolve_value, with its common case inline (a 10,000-entry file has 100,000 values)
        if f.key in own:  # a field given twice (reported by the caller): the first is read
            continue
        value = f.value
        if isinstance(value, str) and not value.strip():
            problems.append(ImportProblem(line, f"field {f.key} has no value (`{f.key} = ,`); write one or remove it", entry.key))
            continue
        if isinstance(value, str) and len(value) >= 2 and value[0] == "{" and value[-1] == "}" and "#" not in value and (
            "=" not in value or balanced_inner(value)
        ):
            own[f.key] = value[1:-1]
            if "=" in value and "\n" in value:
                swallowed = _SWALLOWED_FIELD.search(value)
                if swallowed:
                    problems.append(ImportProblem(
                        _line_within(entry, swallowed.group(1), line),
                        f"field {f.key!r} holds what looks like another field ({swallowed.group(1)} = ...): "
                        "check the braces and commas around it",
                        entry.key,
                    ))
            continue
        run_on = run_on_fields(value) if isinstance(value, str) and "=" in value else None
        pieces = [(f.key, run_on[0][1]), *run_on[1:]] if run_on else [(f.key, value)]
        if run_on:
            names = ", ".join(name for name, _ in run_on[1:])
            problems.append(ImportProblem(
                _line_within(entry, run_on[1][0], line),
                f"missing comma before field {names} (read into {f.key!r}); the fields were split: add the comma",
                entry.key,
            ))
        for name, piece in pieces:
            if name in own and name != f.key:
                continue
            try:
                own[name] = resolve_value(piece, strings, unknown)
            except ValueTooLong as exc:
                own[name] = piece[:MAX_VALUE_CHARS]
                problems.append(ImportProblem(line, f"field {name}: {exc}; kept unexpanded", entry.key))
    for macro in unknown:
        problems.append(ImportProblem(line, f"undefined @string macro {macro[:80]!r}; kept as written", entry.key))
    return own


_SWALLOWED_FIELD = re.compile(
    r"\n[ \t]*(author|editor|title|journal|journaltitle|booktitle|year|date|month|volume|number|pages|doi|pmid|"
    r"publisher|url|issn|isbn|note|abstract|keywords)[ \t]*=[ \t]*[{\"\d]",
    re.IGNORECASE,
)


_FIELD_START = re.compile(r"([A-Za-z][\w:.+-]*)[ \t\r\n]*=[ \t\r\n]*")


def run_on_fields(value: str) -> list[tuple[str, str]] | None:
    """A raw value holding further ``name = value`` fields at its top level (outside
    braces and quotes), as ``[(None, first value), (name, value), ...]``; None if not."""
    cuts: list[tuple[int, int, str]] = []
    depth, quoted, i, n = 0, False, 0, len(value)
    while i < n:
        ch = value[i]
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth = max(depth - 1, 0)
        elif ch == '"' and depth == 0:
            quoted = not quoted
        elif depth == 0 and not quoted and i > 0 and ch.isalpha() and value[i - 1] in ' \t\r\n}"#':
            match = _FIELD_START.match(value, i)
            if match:
                cuts.append((i, match.end(), match.group(1).lower()))
                i = match.end()
                continue
        i += 1
    if not cuts:
        return None
    pieces: list[tuple[str, str]] = [("", value[: cuts[0][0]].strip().rstrip(","))]
    for index, (_, end, name) in enumerate(cuts):
        stop = cuts[index + 1][0] if index + 1 < len(cuts) else n
        pieces.append((name, value[end:stop].strip().rstrip(",").strip()))
    if not pieces[0][1] or any(not piece for _, piece in pieces[1:]):
        return None
    return pieces


def _line_within(entry: Entry, field_name: str, line: int | None) -> int | None:
    """The line of an entry where ``field_name =`` is written (the entry's line if not found)."""
    raw = entry.raw or ""
    match = re.search(rf"(?<![\w-]){re.escape(field_name)}\s*=", raw, re.IGNORECASE)
    if match is None or line is None:
        return line
    return line + raw.count("\n", 0, match.start())


def _parse_pieces(
    chunk: str, line_offset: int, strings: dict[str, str], own_fields: dict[int, dict[str, str]] | None
) -> ParsedFile:
    """A part read entry by entry (each from a line starting ``@``), so the entry
    bibtexparser cannot take is stored as failed and the others are read."""
    parsed = ParsedFile(format="bibtex")
    starts = [0] + [m.start() + 1 for m in re.finditer(r"\n(?=[ \t]*@)", chunk)]
    line = line_offset
    for index, start in enumerate(starts):
        piece = chunk[start : starts[index + 1] if index + 1 < len(starts) else len(chunk)]
        try:
            part = parse_chunk(piece, line, strings, own_fields) if len(starts) > 1 else None
        except Exception:
            part = None
        if part is None:
            message = "not a valid BibTeX entry (the parser gave up on it); check its braces, quotes and commas"
            parsed.unreadable(piece, line + 1, message)
        else:
            parsed.references.extend(part.references)
            parsed.problems.extend(part.problems)
        line += piece.count("\n")
    return parsed


def reference(
    raw: str, line: int | None, entry_type: str, key: str, own: dict[str, str], values: dict[str, str],
    status: RefStatus, message: str | None, problems: list[ImportProblem] | None = None,
) -> RawReference:
    """The raw reference of one entry; an identifier field that is no identifier (``doi =
    {not a doi}``) also goes to ``problems``: it is left out of the work, which is said."""
    work, notes = entry_to_csl(entry_type.lower(), values)
    if problems is not None:
        problems.extend(ImportProblem(line, f"{note}; left out", key) for note in notes if " is not a " in note)
        problems.extend(ImportProblem(line, note, key) for note in notes if note.startswith(KEPT_AS_TEXT))
    return RawReference(
        raw=raw,
        format="bibtex",
        line=line,
        fields=work,
        entry_key=key,
        status=status,
        message=message or ("; ".join(notes) if notes else None),
        extra={"bibtex": {"entrytype": entry_type, "key": key, "fields": fields_without_csl_home(own)}},
    )
