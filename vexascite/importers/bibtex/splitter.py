"""bibtexparser's raw split, the one place it runs: no middleware (values are resolved
in :mod:`.values`, which is about twelve times faster), its log collected as reasons."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import bibtexparser
from bibtexparser.library import Library


def split_entries(text: str) -> Library:
    """The blocks of ``text`` as bibtexparser splits them, values as written."""
    return bibtexparser.parse_string(text, parse_stack=[])


def block_line(block: Any) -> int | None:
    start = getattr(block, "start_line", None)
    return start + 1 if start is not None else None


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def captured_parser_log() -> Iterator[_Collect]:
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


def reasons_by_line(messages: list[str]) -> dict[int, str]:
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
