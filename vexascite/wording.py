"""How a count is written in a message: "1 work", "2 works", "0 works" (pure).

Every summary the CLI and the library print goes through :func:`quantity`, so a count and
its noun agree in one place instead of each message writing "work(s)".
"""

from __future__ import annotations


def plural_of(noun: str) -> str:
    """The regular English plural of ``noun``: entries, matches, works."""
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def quantity(count: int, noun: str, plural: str | None = None) -> str:
    """``count`` and ``noun``, singular for exactly one: ``quantity(1, "claim")`` is "1 claim".

    ``plural`` is for nouns whose plural is not the regular one. The last word of a
    phrase is the one made plural ("raw reference" gives "raw references").
    """
    if count == 1:
        return f"{count} {noun}"
    return f"{count} {plural if plural is not None else plural_of(noun)}"


def verb(count: int, one: str, many: str) -> str:
    """The verb agreeing with ``count``: ``verb(1, "was", "were")`` is "was"."""
    return one if count == 1 else many


def shortened(text: str, limit: int = 60) -> str:
    """``text`` quoted for a message, cut after ``limit`` characters with its length said.

    A query or statement can be a paragraph; a summary names it, it does not repeat it
    (what is searched is always the whole text).
    """
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit].rstrip() + '...'!r} ({len(text)} characters)"


#: The bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069):
#: one in a title or a file reorders what is shown around it (``\u202egnp.exe`` reads
#: ``exe.png``), so text shown to people has a space in its place, in a terminal and a page.
DIRECTION_CONTROLS = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
