"""A file read part by part, a large one in other processes while the caller stores
the parts already read; keys used again in a later part are duplicates, and entries
with ``crossref`` or ``xdata`` are completed once every part has been read."""

from __future__ import annotations

import gc
import multiprocessing
import os
import re
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from ...model import ImportProblem, ParsedFile, RefStatus
from ...rows import PreparedPart, PreparedRef, prepare_safely
from ..children import die_with_parent, paused_gc
from .entries import parse_chunk, reference
from .fields import inherit, inheritance_links
from .values import collect_strings

#: Characters per part when a file is read in parts (about 500 entries; see
#: :func:`iter_bibtex_parts`).
CHUNK_CHARS = 200_000


#: Files at least this large are split in a second process while the caller stores
#: the parts already read (a pipeline over the machine's two or more cores).
PARALLEL_MIN_CHARS = 1_000_000


def split_chunks(text: str, size: int | None = None) -> list[tuple[str, int]]:
    """The file cut into parts of about ``size`` characters, each cut just before an
    entry (a line that starts with ``@``): ``(text, lines before it)``; ``size`` is
    :data:`CHUNK_CHARS` unless given."""
    size = size or CHUNK_CHARS
    chunks, previous, lines = [], 0, 0
    while previous < len(text):
        cut = text.find("\n@", previous + size)
        cut = len(text) if cut < 0 else cut + 1
        chunks.append((text[previous:cut], lines))
        lines += text.count("\n", previous, cut)
        previous = cut
    return chunks or [(text, 0)]


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
    with paused_gc():
        return _prepared(chunk, line_offset, strings, key_pattern, parent_keys)


def _prepared(
    chunk: str, line_offset: int, strings: dict[str, str], key_pattern: str | None, parent_keys: frozenset[str]
) -> _PreparedChunk:
    own_fields: dict[int, dict[str, str]] = {}
    parsed = parse_chunk(chunk, line_offset, strings, own_fields)
    inheritance_fields: dict[int, dict[str, str]] = {}
    lowered = chunk.lower()
    may_inherit = "crossref" in lowered or "xdata" in lowered
    entries = []
    for position, ref in enumerate(parsed.references):
        meta = ref.extra.get("bibtex") if ref.extra else None
        if meta is not None:
            links = inheritance_links(meta["fields"]) if may_inherit else []
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
                values = inherit(values, parent_fields, entry_type.lower())
        try:
            child = reference(ref.raw, ref.line, entry_type, ref.entry_key or "", own, values, ref.status, ref.message)
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
    parse_chunk(raw, 0, strings, own_fields)
    return next(iter(own_fields.values()), {})


def read_bibtex(text: str) -> ParsedFile:
    """Parse a BibTeX/BibLaTeX file into CSL items, keeping each entry's raw text."""
    parsed = ParsedFile(format="bibtex")
    for part in iter_bibtex_parts(text):
        parsed.references.extend(ref.to_raw_reference() for ref in part.references)
        parsed.problems.extend(part.problems)
    parsed.references.sort(key=lambda ref: ref.line or 0)
    return parsed
