"""BibTeX and BibLaTeX entries to CSL items, through bibtexparser v2's splitter.

Only the raw split is left to bibtexparser: its decoding middleware costs about twelve
times the parse, so values are resolved here (``@string`` macros, ``#`` concatenation,
month macros) and only fields that contain LaTeX are decoded, with pylatexenc (the
codec bibtexparser itself uses), cached because names and journals repeat. The raw
entry keeps every field verbatim; ``extra["bibtex"]`` keeps, resolved, the fields CSL
has no place for, so an export can give them back.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import re
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import bibtexparser
from bibtexparser.middlewares.names import parse_single_name_into_parts
from bibtexparser.model import (
    DuplicateBlockKeyBlock,
    DuplicateFieldKeyBlock,
    Entry,
    ParsingFailedBlock,
)

from ..csl import AND_OTHERS as _AND_OTHERS
from ..csl import BIBTEX_READ_FIELDS as MAPPED_FIELDS
from ..csl import BIBTEX_TEXT_FIELDS as TEXT_FIELDS
from ..csl import MONTHS, PAGE_DASHES, iso_date_parts
from ..ids import clean_doi, normalize_pmcid, normalize_pmid
from ..model import ImportProblem, ParsedFile, RawReference, RefStatus, Work
from ..rows import PreparedPart, PreparedRef, prepare_safely
from .children import die_with_parent
from .latex import decode_accents, latex_to_unicode

ENTRY_TYPES = {
    "article": "article-journal",
    "book": "book",
    "mvbook": "book",
    "booklet": "pamphlet",
    "inbook": "chapter",
    "incollection": "chapter",
    "bookinbook": "chapter",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "proceedings": "book",
    "mvproceedings": "book",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "techreport": "report",
    "report": "report",
    "online": "webpage",
    "www": "webpage",
    "electronic": "webpage",
    "unpublished": "manuscript",
    "manual": "book",
    "misc": "document",
    "dataset": "dataset",
    "software": "software",
    "patent": "patent",
    "periodical": "periodical",
    "preprint": "article",
}

#: ``eprinttype`` (or ``archiveprefix``) values that name an identifier the library keeps.
EPRINT_TYPES = {"pubmed": "PMID", "pmid": "PMID", "pmc": "PMCID", "pmcid": "PMCID", "arxiv": "arXiv", "doi": "DOI"}

#: Fields whose value is never LaTeX (decoding would damage URLs and identifiers).
VERBATIM_FIELDS = frozenset({"url", "doi", "eprint", "file", "pmid", "pmcid", "isbn", "issn", "urldate"})

def split_top_level(value: str, sep: str = "#") -> list[str]:
    """Split a raw value on ``#`` outside braces and quotes."""
    parts, depth, quoted, start = [], 0, False, 0
    for i, ch in enumerate(value):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == '"' and depth == 0:
            quoted = not quoted
        elif ch == sep and depth == 0 and not quoted:
            parts.append(value[start:i])
            start = i + 1
    parts.append(value[start:])
    return [p.strip() for p in parts]


#: Longest value macro expansion may build (an abstract is a few thousand characters):
#: macros that use macros can double with every definition.
MAX_VALUE_CHARS = 200_000


class ValueTooLong(ValueError):
    """A value whose ``@string`` macros expand beyond :data:`MAX_VALUE_CHARS`."""


def resolve_value(raw: Any, strings: dict[str, str], unknown: list[str]) -> str:
    """A field's value with enclosing removed, macros substituted and ``#`` joined;
    :class:`ValueTooLong` when the expansion would pass :data:`MAX_VALUE_CHARS`."""
    if not isinstance(raw, str):
        return str(raw)
    if "#" not in raw:  # the common case: one braced or quoted value
        first, last = raw[:1], raw[-1:]
        if (first == "{" and last == "}") or (first == '"' and last == '"'):
            return raw[1:-1]
        parts = [raw.strip()]
    else:
        parts = split_top_level(raw)
    out: list[str] = []
    size = 0
    for part in parts:
        if len(part) >= 2 and ((part[0] == "{" and part[-1] == "}") or (part[0] == '"' and part[-1] == '"')):
            out.append(part[1:-1])
        elif part.isdigit():
            out.append(part)
        elif part.lower() in strings:
            out.append(strings[part.lower()])
        elif part.lower() in MONTHS:
            out.append(str(MONTHS[part.lower()]))
        else:
            unknown.append(part)
            out.append(part)
        size += len(out[-1])
        if size > MAX_VALUE_CHARS:
            raise ValueTooLong(f"@string macros expand to more than {MAX_VALUE_CHARS:,} characters")
    return "".join(out)


_SIMPLE_INVERTED = re.compile(r"^([^,{}\\]+),\s*([^,{}\\]*)$")


@lru_cache(maxsize=65536)
def _person_cached(name: str) -> tuple[tuple[str, str], ...]:
    """A name's CSL parts as pairs (cached: the same names recur across a bibliography).
    Accents are decoded before the name is split, so ``\\~{n}`` is not taken for a tie."""
    name = decode_accents(name).strip()
    if not name:
        return ()
    if name.startswith("{") and name.endswith("}") and _balanced_inner(name):
        return (("literal", latex_to_unicode(name[1:-1])),)
    simple = _SIMPLE_INVERTED.match(name) if "\\" not in name else None
    if simple and not simple.group(1).strip()[:1].islower():
        family, given = simple.group(1).strip(), simple.group(2).strip()
        return tuple((k, v) for k, v in (("family", family), ("given", given)) if v)
    try:
        parts = parse_single_name_into_parts(name, strict=False)
    except Exception:  # a name bibtexparser cannot split is kept whole
        return (("literal", latex_to_unicode(name)),)
    person = []
    if parts.last:
        person.append(("family", latex_to_unicode(" ".join(parts.last))))
    if parts.first:
        person.append(("given", latex_to_unicode(" ".join(parts.first))))
    if parts.von:
        person.append(("non-dropping-particle", latex_to_unicode(" ".join(parts.von))))
    if parts.jr:
        person.append(("suffix", latex_to_unicode(" ".join(parts.jr))))
    return tuple(person)


def _person(name: str) -> dict[str, str] | None:
    return dict(_person_cached(name)) or None


def _balanced_inner(name: str) -> bool:
    depth = 0
    for ch in name[1:-1]:
        depth += ch == "{"
        depth -= ch == "}"
        if depth < 0:
            return False
    return depth == 0


_AND = re.compile(r"(\s+and\s+)", re.IGNORECASE)


def split_names(value: str) -> list[str]:
    """Split on `` and `` outside braces (bibtexparser's splitter mistakes ``\\v`` for a space)."""
    pieces = _AND.split(value)  # names and the separators between them, alternating
    names: list[str] = []
    current, depth = "", 0
    for index, piece in enumerate(pieces):
        if index % 2:  # a separator: it splits only outside braces
            if depth > 0:
                current += piece
            else:
                names.append(current)
                current = ""
            continue
        current += piece
        closes = piece.count("}")
        if depth >= closes:  # cannot fall below zero inside this piece: count, don't walk
            depth += piece.count("{") - closes
        else:
            for ch in piece:
                if ch == "{":
                    depth += 1
                elif ch == "}":
                    depth = max(depth - 1, 0)
    names.append(current)
    return [name.strip() for name in names if name.strip()]


def parse_names(value: str) -> tuple[list[dict[str, str]], bool]:
    """BibTeX ``and``-separated names to CSL names; says whether the list ended ``and others``."""
    names = split_names(value)
    truncated = bool(names) and names[-1].strip().lower() == "others"
    if truncated:
        names = names[:-1]
    people = [p for p in (_person(n) for n in names) if p]
    return people, truncated


def _date(value: str) -> dict[str, Any] | None:
    """ISO-ish dates (``2020``, ``2020-12``, ``2020-12-24``, ranges with ``/``) to date-parts."""
    value = value.strip()
    parts = iso_date_parts(value.partition("/")[0])
    if not parts:
        return {"raw": value} if value else None
    return {"date-parts": [parts]}


_PAGE_DASHES = PAGE_DASHES


#: Fields read after the loop over all fields (dates), or not mapped here at all.
_READ_LATER = frozenset({"year", "month", "date", "day"})


def _eprint(work: Work, value: str, lower: dict[str, str], notes: list[str]) -> None:
    """BibLaTeX ``eprint`` + ``eprinttype`` (BibTeX: ``archiveprefix``) as the identifier
    it is: a PubMed or PMC id, a DOI, or an arXiv id (kept as Zotero keeps a preprint's
    archive id, CSL ``number`` = ``arXiv:ID``). Other kinds (jstor, hdl, ...) stay in the
    entry and are written back as they were."""
    kind = (lower.get("eprinttype") or lower.get("archiveprefix") or "").strip().lower()
    target = EPRINT_TYPES.get(kind)
    if target is None:
        return
    checks = {"PMID": normalize_pmid, "PMCID": normalize_pmcid, "DOI": clean_doi}
    if target == "arXiv":
        arxiv = re.sub(r"(?i)^arxiv:\s*", "", value)
        if arxiv:
            work.setdefault("number", f"arXiv:{arxiv}")
        return
    found = checks[target](value)
    if found:
        work.setdefault(target, found)
    else:
        notes.append(f"eprint {value!r} is not a {target}")


def entry_to_csl(entry_type: str, fields: dict[str, str]) -> tuple[Work, list[str]]:
    """Map resolved BibTeX fields to a CSL item; returns the item and notes on odd values."""
    notes: list[str] = []
    work: Work = {"type": ENTRY_TYPES.get(entry_type, "document")}
    lower = {k.lower(): v for k, v in fields.items()}
    if entry_type == "misc" and lower.get("journal"):
        work["type"] = "article-journal"
    elif entry_type == "misc" and (lower.get("urldate") or (lower.get("url") and not lower.get("publisher"))):
        work["type"] = "webpage"  # how Zotero and most tools write a web page in BibTeX
    if entry_type in ("mastersthesis", "phdthesis"):
        work["genre"] = "Master's thesis" if entry_type == "mastersthesis" else "PhD thesis"
    for name, value in lower.items():
        if not value or value.isspace() or name in _READ_LATER:
            continue
        target = TEXT_FIELDS.get(name)
        if target is not None:  # most fields: checked first
            text = value.strip() if name in VERBATIM_FIELDS else latex_to_unicode(value)
            work.setdefault(target, text)
        elif name in ("author", "editor", "translator"):
            role = name
            people, truncated = parse_names(value)
            if people:
                work[role] = people
            if truncated:
                notes.append(f"{role} list ends with 'and others'")
                if role == "author":
                    work["et-al"] = True  # the list is cut (as the string parser marks "et al.")
        elif name == "booktitle":
            target = "event-title" if entry_type == "proceedings" else "container-title"
            work.setdefault(target, latex_to_unicode(value))
        elif name in ("school", "institution", "organization"):
            work.setdefault("publisher", latex_to_unicode(value))
        elif name == "number":
            target = "issue" if entry_type in ("article", "periodical") or "journal" in lower else "number"
            work[target] = latex_to_unicode(value)
        elif name == "issue":
            work["issue"] = latex_to_unicode(value)
        elif name == "pages":
            work["page"] = _PAGE_DASHES.sub("-", latex_to_unicode(value))
        elif name == "doi":
            doi = clean_doi(value)
            if doi:
                work["DOI"] = doi
            else:
                notes.append(f"doi {value!r} is not a DOI")
        elif name == "pmid":
            pmid = normalize_pmid(value)
            if pmid:
                work["PMID"] = pmid
            else:
                notes.append(f"pmid {value!r} is not a PMID")
        elif name == "pmcid":
            pmcid = normalize_pmcid(value)
            if pmcid:
                work["PMCID"] = pmcid
        elif name == "eprint":
            _eprint(work, value.strip(), lower, notes)
        elif name == "urldate":
            accessed = _date(value)
            if accessed:
                work["accessed"] = accessed
    issued = _date(lower["date"]) if lower.get("date") else None
    if issued is None and lower.get("year"):
        year = latex_to_unicode(lower["year"])
        if len(year) == 4 and year.isdigit():
            parts = [int(year)]
            month = lower.get("month", "").strip().lower()
            if month.isdigit() and 1 <= int(month) <= 12:
                parts.append(int(month))
            elif month[:3] in MONTHS:
                parts.append(MONTHS[month[:3]])
            issued = {"date-parts": [parts]}
        else:
            issued = {"raw": year}
    if issued:
        work["issued"] = issued
    return work, notes


def _inherit(child: dict[str, str], parent: dict[str, str], child_type: str) -> dict[str, str]:
    """BibTeX ``crossref`` / BibLaTeX ``xdata`` inheritance: the child's own fields win."""
    merged = dict(child)
    for name, value in parent.items():
        lname = name.lower()
        if lname in ("crossref", "xdata", "ids"):
            continue
        if lname == "title" and child_type in ("inbook", "incollection", "inproceedings", "conference", "bookinbook"):
            merged.setdefault("booktitle", value)
            continue
        if lname == "author" and child_type in ("inbook", "bookinbook"):
            merged.setdefault("bookauthor", value)
            continue
        if lname not in {k.lower() for k in merged}:
            merged[name] = value
    return merged


def _line(block: Any) -> int | None:
    start = getattr(block, "start_line", None)
    return start + 1 if start is not None else None


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _captured_parser_log() -> Iterator[_Collect]:
    """bibtexparser logs its parse errors; collect them as reasons instead of printing."""
    logger = logging.getLogger("bibtexparser")
    handler = _Collect()
    old_propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate = old_propagate


_LINE_IN_MESSAGE = re.compile(r"\(line (\d+)\)")


def _reasons_by_line(messages: list[str]) -> dict[int, str]:
    """The splitter's messages by the 1-based line of the block they are about, without
    the preamble (one pass: a file of many broken entries has as many messages)."""
    reasons: dict[int, str] = {}
    for message in messages:
        match = _LINE_IN_MESSAGE.search(message)
        if match:
            detail = message.split(":", 1)[-1].strip().splitlines()
            reason = " ".join(part.strip() for part in detail if part.strip())
            if reason:
                reasons.setdefault(int(match.group(1)) + 1, reason)
    return reasons


#: Characters per part when a file is read in parts (about 500 entries; see
#: :func:`iter_bibtex_parts`).
CHUNK_CHARS = 200_000
#: Files at least this large are split in a second process while the caller stores
#: the parts already read (a pipeline over the machine's two or more cores).
PARALLEL_MIN_CHARS = 1_000_000

# Unanchored: with ``^`` and MULTILINE the search is ten times slower over a large file;
# a match is then checked to start its line.
_STRING_START = re.compile(r"@[ \t]*[sS][tT][rR][iI][nN][gG][ \t]*[{(]")


def _starts_line(text: str, at: int) -> bool:
    """Only spaces or tabs between the last line break and ``at``."""
    return not text[text.rfind("\n", 0, at) + 1 : at].strip(" \t")


def _block_end(text: str, start: int) -> int:
    """End of the brace- or parenthesis-delimited block opening at or after ``start``."""
    opening = min((i for i in (text.find("{", start), text.find("(", start)) if i >= 0), default=-1)
    if opening < 0:
        return len(text)
    closing, depth = ("}" if text[opening] == "{" else ")"), 0
    for i in range(opening, len(text)):
        ch = text[i]
        if ch == text[opening]:
            depth += 1
        elif ch == closing:
            depth -= 1
            if depth == 0:
                return i + 1
    return len(text)


def collect_strings(text: str, problems: list[ImportProblem] | None = None) -> dict[str, str]:
    """Every ``@string`` macro of the file, resolved in file order (macros may use
    earlier macros), read before the entries so each part of a file sees them all.
    A macro that would grow past :data:`MAX_VALUE_CHARS` is kept as written (reported
    in ``problems``)."""
    blocks, lines, line, counted = [], [], 1, 0
    for m in _STRING_START.finditer(text):
        if _starts_line(text, m.start()):
            line += text.count("\n", counted, m.start())
            counted = m.start()
            blocks.append(text[m.start() : _block_end(text, m.end() - 1)])
            lines.append(line)
    strings: dict[str, str] = {}
    if blocks:
        with _captured_parser_log():
            library = bibtexparser.parse_string("\n\n".join(blocks), parse_stack=[])
        starts = _block_starts(blocks)
        for string in library.strings:
            try:
                strings[string.key.lower()] = resolve_value(string.value, strings, [])
            except ValueTooLong as exc:
                strings[string.key.lower()] = str(string.value)[:MAX_VALUE_CHARS]
                if problems is not None:
                    at = _line(string)
                    where = lines[starts.get(at - 1, 0)] if at is not None else None
                    problems.append(ImportProblem(where, f"@string {string.key}: {exc}; kept unexpanded"))
    return strings


def _block_starts(blocks: list[str]) -> dict[int, int]:
    """Index of each block by the 0-based line it starts on once blocks are joined."""
    starts, line = {}, 0
    for index, block in enumerate(blocks):
        starts[line] = index
        line += block.count("\n") + 2
    return starts


def split_chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[str, int]]:
    """The file cut into parts of about ``size`` characters, each cut just before an
    entry (a line that starts with ``@``): ``(text, lines before it)``."""
    chunks, previous, lines = [], 0, 0
    while previous < len(text):
        cut = text.find("\n@", previous + size)
        cut = len(text) if cut < 0 else cut + 1
        chunks.append((text[previous:cut], lines))
        lines += text.count("\n", previous, cut)
        previous = cut
    return chunks or [(text, 0)]


def _parse_chunk(
    chunk: str, line_offset: int, strings: dict[str, str], own_fields: dict[int, dict[str, str]] | None = None
) -> ParsedFile:
    """Entries of one part of a file, lines counted from the file's start. ``crossref``
    and ``xdata`` are not applied here: the parent may be in another part. Every entry's
    fields as written are put in ``own_fields`` by ``id()`` of its reference, if given."""
    try:
        with _captured_parser_log() as log:
            library = bibtexparser.parse_string(chunk, parse_stack=[])
    except Exception:  # bibtexparser gave up on this part: read it entry by entry
        return _parse_pieces(chunk, line_offset, strings, own_fields)
    parsed = ParsedFile(format="bibtex")
    reasons = _reasons_by_line(log.messages)

    def line_of(block: Any) -> int | None:
        line = _line(block)
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
                or reasons.get(_line(block) or 0)
                or "cannot be parsed"
            ).rstrip(".")
            message = f"not a valid BibTeX entry ({reason}); check its braces, quotes and commas"
            parsed.problems.append(ImportProblem(line_of(block), message))
            parsed.references.append(
                RawReference(raw=block.raw or "", format="bibtex", line=line_of(block), status=RefStatus.FAILED, message=message)
            )
    entry_message: str | None
    for entry, status, entry_message in raw_entries:
        try:
            own = _own_fields(entry, line_of(entry), strings, parsed.problems)
            ref = _reference(entry.raw or "", line_of(entry), entry.entry_type, entry.key, own, own, status, entry_message)
        except Exception as exc:  # an entry no rule foresaw is kept as written, not the file lost
            reason = f"entry could not be read ({type(exc).__name__}: {str(exc)[:120]}); kept as written"
            parsed.problems.append(ImportProblem(line_of(entry), reason, entry.key))
            parsed.references.append(RawReference(raw=entry.raw or "", format="bibtex", line=line_of(entry),
                                                  entry_key=entry.key, status=RefStatus.FAILED, message=reason))
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
            "=" not in value or _balanced_inner(value)
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
            part = _parse_chunk(piece, line, strings, own_fields) if len(starts) > 1 else None
        except Exception:
            part = None
        if part is None:
            message = "not a valid BibTeX entry (the parser gave up on it); check its braces, quotes and commas"
            parsed.problems.append(ImportProblem(line + 1, message))
            parsed.references.append(RawReference(raw=piece, format="bibtex", line=line + 1, status=RefStatus.FAILED, message=message))
        else:
            parsed.references.extend(part.references)
            parsed.problems.extend(part.problems)
        line += piece.count("\n")
    return parsed


def _reference(
    raw: str, line: int | None, entry_type: str, key: str, own: dict[str, str], values: dict[str, str],
    status: RefStatus, message: str | None,
) -> RawReference:
    work, notes = entry_to_csl(entry_type.lower(), values)
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




def fields_without_csl_home(own: dict[str, str]) -> dict[str, str]:
    """The fields an export must give back as written: those CSL has no place for, and
    name lists that end ``and others`` (CSL cannot say a list was cut). The rest is in
    the CSL item and, verbatim, in the raw entry."""
    kept = {}
    for name, value in own.items():
        lowered = name.lower()
        if lowered not in MAPPED_FIELDS or (
            lowered in ("author", "editor", "translator") and value.rstrip()[-6:].lower() == "others" and _AND_OTHERS.search(value)
        ):
            kept[name] = value
    return kept


def _inheritance_links(own: dict[str, str]) -> list[tuple[str, str]]:
    return [
        (name.lower(), parent.strip())
        for name, value in own.items()
        if name.lower() in ("crossref", "xdata")
        for parent in value.split(",")
        if parent.strip()
    ]


@dataclass(slots=True)
class _PreparedChunk:
    """One part of a file as a reading process hands it back: prepared references; for
    each entry, ``(position, key, entry type, crossref/xdata links)``; and by position,
    the fields as written of entries that inherit or are named as parents."""

    references: list[PreparedRef]
    problems: list[ImportProblem]
    entries: list[tuple[int, str, str, list[tuple[str, str]]]]
    inheritance_fields: dict[int, dict[str, str]]


def _prepare_chunk(
    chunk: str, line_offset: int, strings: dict[str, str], key_pattern: str | None, parent_keys: frozenset[str]
) -> _PreparedChunk:
    own_fields: dict[int, dict[str, str]] = {}
    parsed = _parse_chunk(chunk, line_offset, strings, own_fields)
    inheritance_fields: dict[int, dict[str, str]] = {}
    lowered = chunk.lower()
    may_inherit = "crossref" in lowered or "xdata" in lowered
    entries = []
    for position, ref in enumerate(parsed.references):
        meta = ref.extra.get("bibtex") if ref.extra else None
        if meta is not None:
            links = _inheritance_links(meta["fields"]) if may_inherit else []
            entries.append((position, meta["key"], meta["entrytype"], links))
            if links or meta["key"].lower() in parent_keys:
                inheritance_fields[position] = own_fields[id(ref)]
    references = [prepare_safely(ref, key_pattern, parsed.problems) for ref in parsed.references]
    return _PreparedChunk(references, parsed.problems, entries, inheritance_fields)


def _worker_init(parent: int) -> None:
    """A reading process ends with the importing one, and leaves what it inherited out
    of garbage collection: walking the importing process's objects (a large library's
    identity index) would copy every page they sit on."""
    die_with_parent(parent)
    gc.freeze()


def reading_processes() -> int:
    """Processes that parse parts while this one stores them: the other cores, at least
    two (on two cores the OS shares them well: storing waits on parsing half the time)."""
    return max(2, min((os.cpu_count() or 1) - 1, 4))


def _chunk_results(
    chunks: list[tuple[str, int]], strings: dict[str, str], text_size: int, key_pattern: str | None,
    parent_keys: frozenset[str],
) -> Iterator[_PreparedChunk]:
    """Parts in file order; large files are read ahead in other processes."""
    done = 0
    if text_size >= PARALLEL_MIN_CHARS and len(chunks) > 1 and (os.cpu_count() or 1) > 1:
        try:
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(
                max_workers=reading_processes(), mp_context=context, initializer=_worker_init, initargs=(os.getpid(),)
            ) as pool:
                futures = [pool.submit(_prepare_chunk, chunk, offset, strings, key_pattern, parent_keys) for chunk, offset in chunks]
                for future in futures:
                    result = future.result()
                    done += 1
                    yield result
            return
        except (OSError, BrokenProcessPool, ValueError):
            pass  # no other process to be had (or it died): read the remaining parts in this one
    for chunk, offset in chunks[done:]:
        yield _prepare_chunk(chunk, offset, strings, key_pattern, parent_keys)


_INHERITANCE_TARGET = re.compile(r"(?:crossref|xdata)\s*=\s*[{\"]?([^}\"\n]*)")


def inheritance_targets(text: str) -> frozenset[str]:
    """Keys (lower case) that ``crossref``/``xdata`` fields appear to name, found before
    parsing so the reading processes send those entries' fields back in full. (The
    text is lowered first: a case-blind pattern is five times slower.)"""
    return frozenset(
        key.strip() for match in _INHERITANCE_TARGET.finditer(text.lower()) for key in match.group(1).split(",") if key.strip()
    )


def iter_bibtex_parts(text: str, key_pattern: str | None = None) -> Iterator[PreparedPart]:
    """Read a BibTeX file part by part, so a caller can store one part while the next is
    parsed. Keys used again in a later part are duplicates; entries with ``crossref`` or
    ``xdata`` come last, once every parent has been read."""
    string_problems: list[ImportProblem] = []
    strings = collect_strings(text, string_problems)
    seen: dict[str, int | None] = {}
    entries_by_key: dict[str, tuple[PreparedRef, dict[str, str] | None]] = {}
    children: list[tuple[PreparedRef, str, list[tuple[str, str]], dict[str, str]]] = []
    any_entries = False
    parts = _chunk_results(split_chunks(text), strings, len(text), key_pattern, inheritance_targets(text))
    for part in parts:
        any_entries = any_entries or bool(part.references)
        moved: set[int] = set()
        for position, key, entry_type, links in part.entries:
            ref = part.references[position]
            if ref.status == RefStatus.PARSED and key in seen:
                message = f"duplicate key {key!r} (first used at line {seen[key]}); rename one of the entries"
                ref = part.references[position] = ref._replace(status=RefStatus.DUPLICATE_KEY, message=message)
                part.problems.append(ImportProblem(ref.line, message, key))
            seen.setdefault(key, ref.line)
            entries_by_key.setdefault(key.lower(), (ref, part.inheritance_fields.get(position)))
            if links:
                children.append((ref, entry_type, links, part.inheritance_fields[position]))
                moved.add(position)
        references = [ref for position, ref in enumerate(part.references) if position not in moved]
        yield PreparedPart(references, part.problems, [])
    tail = PreparedPart([], string_problems, [])
    for ref, entry_type, links, own in children:
        values = own
        for link_field, parent_key in links:
            parent = entries_by_key.get(parent_key.lower())
            if parent is None:
                tail.problems.append(ImportProblem(ref.line, f"{link_field} parent {parent_key!r} is not in this file", ref.entry_key))
            else:
                parent_fields = parent[1] if parent[1] is not None else _fields_as_written(parent[0].raw, strings)
                values = _inherit(values, parent_fields, entry_type.lower())
        try:
            child = _reference(ref.raw, ref.line, entry_type, ref.entry_key or "", own, values, ref.status, ref.message)
        except Exception as exc:  # the inherited fields could not be read: keep the entry's own
            tail.problems.append(ImportProblem(ref.line, f"inherited fields not read ({type(exc).__name__})", ref.entry_key))
            tail.references.append(ref)
            continue
        tail.references.append(prepare_safely(child, key_pattern, tail.problems))
    if not any_entries and text.strip() and not strings and "@preamble" not in text.lower():
        tail.problems.append(ImportProblem(1, "no BibTeX entries found; is this a .bib file?"))
    yield tail


def _fields_as_written(raw: str, strings: dict[str, str]) -> dict[str, str]:
    """An entry's fields read again from its raw text (a parent the scan for
    ``crossref`` targets missed, such as one named through a macro)."""
    own_fields: dict[int, dict[str, str]] = {}
    _parse_chunk(raw, 0, strings, own_fields)
    return next(iter(own_fields.values()), {})


def read_bibtex(text: str) -> ParsedFile:
    """Parse a BibTeX/BibLaTeX file into CSL items, keeping each entry's raw text."""
    parsed = ParsedFile(format="bibtex")
    for part in iter_bibtex_parts(text):
        parsed.references.extend(ref.to_raw_reference() for ref in part.references)
        parsed.problems.extend(part.problems)
    parsed.references.sort(key=lambda ref: ref.line or 0)
    return parsed
