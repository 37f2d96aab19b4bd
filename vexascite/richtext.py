"""CSL rich text read (pure): the one reading of the tags and entities a CSL string may hold.

A title (or journal) from Crossref, a CSL-JSON file or BibTeX's font commands carries HTML
and JATS tags (``<i>UBA1</i>``, ``CO<sub>2</sub>``, ``<jats:italic>``) and entities
(``&amp;``, ``&lt;i&gt;`` for a tag the title spells as text). :func:`parse_markup` reads
them into runs of styled text for the exporters; :func:`plain_text` gives the words alone,
which the library's search indexes hold (``CO<sub>2</sub>`` is found as ``CO2``).
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

#: Styles a run of text can carry, in the order they are nested when rendered.
STYLES = ("nocase", "italic", "bold", "smallcaps", "sup", "sub")

TAG = re.compile(r"<(/?)([A-Za-z][\w:.-]*)((?:\s[^<>]*)?)(/?)>")
ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")

_TAG_STYLES = {
    "i": "italic",
    "em": "italic",
    "italic": "italic",
    "b": "bold",
    "strong": "bold",
    "bold": "bold",
    "sup": "sup",
    "sub": "sub",
    "sc": "smallcaps",
    "scp": "smallcaps",
}

#: A run of text with its styles (a frozenset of names from :data:`STYLES`).
Run = tuple[str, frozenset[str]]


def has_markup(text: str) -> bool:
    """Cheap test: could this string hold tags or entities at all?"""
    return ("<" in text and TAG.search(text) is not None) or (
        "&" in text and ENTITY.search(text) is not None
    )


def _span_style(attributes: str) -> str | None:
    lowered = attributes.lower().replace(" ", "")
    if "nocase" in lowered:
        return "nocase"
    if "small-caps" in lowered:
        return "smallcaps"
    if "italic" in lowered:
        return "italic"
    if "bold" in lowered:
        return "bold"
    return None


@lru_cache(maxsize=4096)
def parse_markup(text: str) -> tuple[Run, ...]:
    """Split ``text`` into runs. Unknown tags are dropped and their text kept; a ``<``
    that does not open a tag (``p < 0.05``) is text; entities are decoded."""
    if not has_markup(text):
        return ((text, frozenset()),) if text else ()
    runs: list[Run] = []
    stack: list[tuple[str, str | None]] = []  # (tag name, style it pushed)
    position = 0

    def add_text(piece: str) -> None:
        if not piece:
            return
        piece = ENTITY.sub(lambda m: html.unescape(m.group(0)), piece)
        styles = frozenset(style for _, style in stack if style)
        if runs and runs[-1][1] == styles:
            runs[-1] = (runs[-1][0] + piece, styles)
        else:
            runs.append((piece, styles))

    for match in TAG.finditer(text):
        add_text(text[position : match.start()])
        position = match.end()
        closing, name, attributes, self_closing = match.groups()
        local = name.lower().rsplit(":", 1)[-1]
        if self_closing:
            if local == "br":
                add_text(" ")
            continue
        if closing:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == name.lower():
                    del stack[depth:]
                    break
            continue
        style = _span_style(attributes) if local == "span" else _TAG_STYLES.get(local)
        stack.append((name.lower(), style))
    add_text(text[position:])
    return tuple(runs)


def plain_text(text: str) -> str:
    """The words of a rich-text value, without its markup and with its entities decoded
    (``CO<sub>2</sub>`` -> ``CO2``): what RIS and other plain formats write, tables show
    and the search indexes hold."""
    if not has_markup(text):
        return text
    return "".join(piece for piece, _ in parse_markup(text))


