"""Two references in one wrapped entry, told apart by the string parser (pure).

In wrapped text with no layout cue (no number, no indent, no blank line) the line rules and
the line model can leave two references in one entry when nothing but the words marks the
break: a terse string after ``Place: Publisher, 1991.``, authors the line rules do not read
as names (``B. KOVALENKO et R. DUMAS.``). The string parser (:mod:`.tagger`) knows what a
whole reference looks like, so an entry that already looks glued (two different years, and
the tagger reads two dates with a source or a title between them) is cut at the first line
break where (1) the whole, as tagged, ends a field that can close a reference (a date,
pages, a source: not authors or a title) and starts another, and (2) the lines before open
with authors or a title and read as one whole reference (who or what, a source, a date) and
the lines after open with authors or a title and read as a whole reference too. A
reference with two years (``Reprinted in``, ``Original work published``) reads as one.

An entry with one year or none (two references of the same year, or one without a year: a
title-first string after ``PubMed: 16537237.``) is read too when it is longer than the block's
usual entry (``long``), and only as two journal blocks: the whole, as tagged, holds a volume or
pages, then a title or authors, then a source with a volume or pages again. It is cut at the first
line break after a line that ends as a reference ends where the lines before open with authors or
a title and read as a reference (who or what and a source, with the entry's one year or none) and
the lines after open with authors or a title and hold a journal block of their own (a container
and a volume or pages). A chapter (``In: ... (eds) Book. Publisher, pp 1-20``) has one such block.
A long entry with two years that the reading above leaves whole (the tagger took one year for part
of a container, ``Biotechnol J 2007, 2:1360``) is read the same way.

Only entries of two to twelve lines and at most 2,000 characters are read, each line break
first on the whole's tags (no tagging), so the cost is a few tagger calls per suspicious
entry and none for the rest.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .clean import clean_reference
from .shapes import YEAR_TOKEN, ends_like_reference
from .tagger import tag_tokens, tokenize

#: Labels of a reference's source: where it was published and how to find it there.
_SOURCE = frozenset({"container", "publisher", "volume", "pages", "location"})
#: Labels of what a reference is: who wrote it and what it is called.
_WHAT = frozenset({"author", "editor", "title"})
#: A journal block's numbers: a reference's source closes with them.
_NUMBERS = frozenset({"volume", "pages"})
#: A line that opens a reference's own part: ``In``, ``Erratum in:``, ``Comment on:``, ``Reprinted in:``.
_GOES_ON = re.compile(r"(?i)in\b|(?:[\w-]+\s+){0,3}(?:in|on|of)\s*:")
#: A journal block's numbers as printed: ``14: 201-219``, ``31(2):1120``, ``23, 117``, ``pp. 40-52``.
_VOLUME_PAGES = re.compile(r"\b\d+\s*(?:\([\w-]+\))?\s*[:,]\s*[A-Za-z]?\d|\b\d+\s*[-–]\s*\d+\b")
#: Pages with letters ending a line: ``162S-175S``.
_PAGES_END = re.compile(r"\d[A-Za-z]?\s*[-–]\s*[A-Za-z]?\d+[A-Za-z]?\.?\s*$")
_MOST_LINES = 12
_MOST_CHARS = 2000


def _tags(text: str) -> list[tuple[str, str]] | None:
    """The tagger's label of each token of ``text`` as the string parser reads it; None without a model."""
    tagged = tag_tokens(clean_reference(text).light)
    return None if tagged is None else [(word, label) for word, _start, _end, label in tagged]


def _content(word: str, label: str) -> bool:
    """Whether a tagged token counts in reading the fields: a word or number the tagger gave a field."""
    return label != "other" and re.search(r"\w", word) is not None


def _runs(tags: Sequence[tuple[str, str]]) -> list[str]:
    """The label runs of tagged tokens (punctuation and ``other`` left out)."""
    runs: list[str] = []
    for word, label in tags:
        if not _content(word, label):
            continue
        if not runs or runs[-1] != label:
            runs.append(label)
    return runs


def _opens_at(tags: Sequence[tuple[str, str]], at: int) -> bool:
    """Whether a reference may open at token ``at`` as the whole is read: the label changes there, after a
    field that can close a reference (a date, pages, a source; not authors or a title, which go on)."""
    words = [(n, label) for n, (word, label) in enumerate(tags) if _content(word, label)]
    before = [label for n, label in words if n < at]
    after = [label for n, label in words if n >= at]
    return bool(before) and bool(after) and before[-1] != after[0] and before[-1] not in _WHAT


def _whole(runs: Sequence[str]) -> bool:
    """Whether label runs read as one whole reference: who or what, a source and a date."""
    labels = set(runs)
    return "date" in labels and bool(labels & _SOURCE) and bool(labels & _WHAT)


def _two(runs: Sequence[str]) -> bool:
    """Whether label runs read as two references: a date, then a source or a title again after it, then a date again."""
    dates = [n for n, label in enumerate(runs) if label == "date"]
    if len(dates) < 2:
        return False
    between = runs[dates[0] + 1 : dates[-1]]
    return any(label in _SOURCE or label in _WHAT for label in between)


def _journal(runs: Sequence[str]) -> bool:
    """Whether label runs hold a journal block: a container, then a volume or pages."""
    container = runs.index("container") if "container" in runs else -1
    return container >= 0 and any(label in _NUMBERS for label in runs[container + 1 :])


def _two_journals(runs: Sequence[str]) -> bool:
    """Whether label runs read as two journal references: a volume or pages, then who or what, then a journal block."""
    for n, label in enumerate(runs):
        if label in _NUMBERS:
            rest = runs[n + 1 :]
            what = next((m for m, later in enumerate(rest) if later in _WHAT), None)
            return what is not None and _journal(rest[what:])
    return False


def _years(text: str) -> set[str]:
    return {m.group(0)[:4] for m in YEAR_TOKEN.finditer(text)}


def glued_cut(lines: Sequence[str], join: Callable[[list[str]], str], *, long: bool = False) -> int | None:
    """The line (index into ``lines``, at least 1) where an entry that reads as two references is cut, or None
    (``long``: the entry is longer than its block's usual one, so one year or none is read too)."""
    if not 2 <= len(lines) <= _MOST_LINES:
        return None
    text = join(list(lines))
    if len(text) > _MOST_CHARS:
        return None
    if len(_years(text)) < 2:
        return _journals_cut(lines, join) if long else None
    tags = _tags(text)
    if tags is None:
        return None
    if not _two(_runs(tags)):
        return _journals_cut(lines, join, tags) if long else None
    for cut in range(1, len(lines)):
        if lines[cut].lstrip()[:1].islower():
            continue  # (a line that opens in lower case goes on)
        before, after = join(list(lines[:cut])), join(list(lines[cut:]))
        if not _years(before) or not _years(after):
            continue
        if not _opens_at(tags, len(tokenize(clean_reference(before).light))):
            continue  # (the whole reads on across the line: one run of a title, a container)
        first, second = _tags(before), _tags(after)
        if first is None or second is None:
            return None
        head, tail = _runs(first), _runs(second)
        if head[:1] and head[0] in _WHAT and _whole(head) and not _two(head) and _whole(tail) and tail[0] in _WHAT:
            # (the lines before read as one reference, those after open as one: the first break of the two)
            return cut
    # (the tagger may not read one of the years as a date, ``Biotechnol J 2007, 2:1360``: two journal blocks still tell)
    return _journals_cut(lines, join, tags) if long else None


def _journals_cut(
    lines: Sequence[str], join: Callable[[list[str]], str], tags: list[tuple[str, str]] | None = None
) -> int | None:
    """The cut of a long entry that reads as two journal references, or None (``tags``: the whole's, if read)."""
    breaks = [
        cut for cut in range(1, len(lines))
        if _may_open(lines[cut].lstrip()) and (ends_like_reference(lines[cut - 1]) or _PAGES_END.search(lines[cut - 1]))
        and _VOLUME_PAGES.search(" ".join(lines[:cut])) and _VOLUME_PAGES.search(" ".join(lines[cut:]))
    ]  # (first on the text alone: most long entries have no such break and are not tagged)
    if not breaks:
        return None
    tags = tags if tags is not None else _tags(join(list(lines)))
    if tags is None or not _two_journals(_runs(tags)):
        return None
    for cut in breaks:
        before, after = join(list(lines[:cut])), join(list(lines[cut:]))
        if not _opens_at(tags, len(tokenize(clean_reference(before).light))):
            continue
        first, second = _tags(before), _tags(after)
        if first is None or second is None:
            return None
        head, tail = _runs(first), _runs(second)
        if (
            head[:1] and head[0] in _WHAT and bool(set(head) & _SOURCE) and not _two_journals(head)
            and tail[:1] and tail[0] in _WHAT and _journal(tail) and not _two_journals(tail)
        ):
            return cut
    return None


def _may_open(line: str) -> bool:
    """Whether a line may open a reference of its own: not in lower case, not ``In``, ``Erratum in:``, ``Comment on:``."""
    return bool(line) and not line[:1].islower() and not _GOES_ON.match(line)
