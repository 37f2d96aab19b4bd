"""Field values as BibTeX means them: braces and quotes removed, ``@string`` and month
macros substituted, ``#`` joined; a file's ``@string`` macros read before its entries,
so every part of a file sees them all."""

from __future__ import annotations

import re
from typing import Any

from ...csl import MONTHS
from ...model import ImportProblem
from .splitter import block_line, captured_parser_log, split_entries


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


def balanced_inner(name: str) -> bool:
    depth = 0
    for ch in name[1:-1]:
        depth += ch == "{"
        depth -= ch == "}"
        if depth < 0:
            return False
    return depth == 0


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
        with captured_parser_log():
            library = split_entries("\n\n".join(blocks))
        starts = _block_starts(blocks)
        for string in library.strings:
            try:
                strings[string.key.lower()] = resolve_value(string.value, strings, [])
            except ValueTooLong as exc:
                strings[string.key.lower()] = str(string.value)[:MAX_VALUE_CHARS]
                if problems is not None:
                    at = block_line(string)
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
