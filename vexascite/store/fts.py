"""Safe FTS5 terms from user words: the one place that writes FTS5 query syntax.

Every word is quoted (a double quote doubled), so quotes, hyphens, parentheses, ``*``,
``NEAR`` and ``AND`` in user text are plain words and no input can raise an FTS5 syntax
error. Words are ``\\w+`` runs; callers pass what they split.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: FTS5 operators: as words they would be read as syntax (they are quoted anyway, but
#: left out of plain queries, where they are almost always meant as operators).
OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})


def words_of(text: str) -> list[str]:
    """The word runs of ``text`` (letters and digits of any script)."""
    return re.findall(r"\w+", text, flags=re.UNICODE)


def quoted(word: str) -> str:
    """One word (or a space-separated phrase) as an FTS5 string."""
    return '"' + word.replace('"', '""') + '"'


def phrase(words: Iterable[str], *, prefix: bool = False, column: str | None = None) -> str:
    """Words as one FTS5 phrase, the last one a prefix when ``prefix``, limited to
    ``column`` when named (column names come from code, never from users)."""
    term = quoted(" ".join(words)) + ("*" if prefix else "")
    return f"{{{column}}} : {term}" if column else term


def fts_query(text: str) -> str:
    """Any user text as an FTS5 query that requires every word (no prefixes)."""
    return " ".join(quoted(word) for word in words_of(text) if word not in OPERATORS)
