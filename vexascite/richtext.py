"""CSL rich text (pure): what a title, a journal or an abstract field holds, read and written once.

A stored text field is CSL rich text: the tags CSL defines (``<i>``, ``<b>``, ``<sup>``,
``<sub>``, ``<span style="font-variant:small-caps;">``, ``<span class="nocase">``) are
markup, and everything else is literal text: a ``<`` that would read as a tag and an ``&``
that would read as an entity are written ``&lt;`` and ``&amp;``, so ``The <title> element``
is stored ``The &lt;title> element`` and a title that spells ``<script>`` stays text.

Every importer and resolver turns what its source gives into that form with
:func:`from_source` (or :func:`rich_fields` over a CSL item), saying how its source writes
text: ``"csl"`` (CSL-JSON, BibTeX after its LaTeX, RIS, reference strings: the style tags,
also as HTML or JATS spell them, and entities are markup; any other tag is text),
``"xml"`` (Crossref's HTML and JATS, in which every tag is markup: style tags kept,
structure such as ``<jats:p>`` or ``<mml:math>`` dropped with its text kept) or ``"plain"``
(text already read from XML, MEDLINE: nothing is markup). :func:`parse_markup` reads a
stored value into runs of styled text for the exporters and pages; :func:`plain_text`
gives its words, which tables show and the search indexes hold (``CO<sub>2</sub>`` is
found as ``CO2``, ``&lt;title>`` as ``<title>``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any, Literal

from .wording import DIRECTION_CONTROLS

#: Styles a run of text can carry, in the order they are nested when rendered.
STYLES = ("nocase", "italic", "bold", "smallcaps", "sup", "sub")

TAG = re.compile(r"<(/?)([A-Za-z][\w:.-]*)((?:\s[^<>]*)?)(/?)>")
ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")

#: How a source writes text (see the module's docstring).
Markup = Literal["csl", "xml", "plain"]

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
#: Namespace prefixes under which a style tag is still a style (``<jats:italic>``).
_STYLE_PREFIXES = ("", "jats")

#: The CSL fields that hold rich text (what :func:`rich_fields` reads from a source).
RICH_FIELDS = (
    "title", "title-short", "original-title", "container-title", "container-title-short", "collection-title",
    "event-title", "abstract",
)

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


def _style_of(name: str, attributes: str) -> str | None:
    """The style a tag sets, or None when it is no style tag."""
    prefix, _, local = name.lower().rpartition(":")
    if prefix not in _STYLE_PREFIXES:
        return None
    if local == "span":
        return _span_style(attributes) if attributes else None
    return _TAG_STYLES.get(local)


#: Namespaces of the elements a source copies from Crossref (JATS, MathML): a whole element
#: (opened and closed) is markup, its text kept; a lone ``<jats:title>`` is text.
_SOURCE_PREFIXES = ("jats", "mml")
_STRUCTURE = ""

#: Ends of XML blocks and line breaks: a space in the text (``<jats:p>a</jats:p><jats:p>b``).
_BLOCK_ENDS = frozenset({"p", "sec", "list-item", "title", "br", "break", "label", "caption", "td", "th", "tr"})


@lru_cache(maxsize=4096)
def parse_markup(text: str, markup: Markup = "csl") -> tuple[Run, ...]:
    """Split ``text`` into runs of styled text. A style tag and the tag that closes it set
    a style; a JATS or MathML element (``<jats:p>...</jats:p>``) is structure, dropped with
    its text kept (a block's end is a space); entities are decoded; a ``<`` that opens no
    tag (``p < 0.05``) is text. Any other tag (``<title>``, ``<script>``, a lone
    ``<jats:title>``, a style tag never closed or a closing tag with nothing open) is text
    in ``"csl"``, and structure in ``"xml"``; in ``"plain"`` all of ``text`` is text."""
    if markup == "plain" or not has_markup(text):
        return ((text, frozenset()),) if text else ()
    tags = list(TAG.finditer(text))
    styles_of: dict[int, str] = {}  # index of a tag that is markup -> its style (_STRUCTURE: none)
    opened: list[tuple[int, str, str]] = []  # (index, name, style) of open tags that may be markup
    for index, match in enumerate(tags):
        closing, name, attributes, self_closing = match.groups()
        name = name.lower()
        style = None if closing else _style_of(name, attributes)
        if style is None and not closing and name.partition(":")[0] in _SOURCE_PREFIXES and ":" in name:
            style = _STRUCTURE  # a JATS or MathML element: Crossref's markup, copied with its text
        if closing:
            depth = next((d for d in range(len(opened) - 1, -1, -1) if opened[d][1] == name), None)
            if depth is not None:
                styles_of[opened[depth][0]] = styles_of[index] = opened[depth][2]
                del opened[depth:]  # tags opened inside it and never closed are text
        elif style is not None:
            if self_closing:  # <i/>, <jats:break/>: nothing to style
                styles_of[index] = style
            else:  # markup only once the tag that closes it is found
                opened.append((index, name, style))
    runs: list[Run] = []
    active: list[str] = []
    position = 0

    def add_text(piece: str, decode: bool = True) -> None:
        if not piece:
            return
        if decode and "&" in piece:
            piece = ENTITY.sub(lambda m: html.unescape(m.group(0)), piece)
        styles = frozenset(active)
        if runs and runs[-1][1] == styles:
            runs[-1] = (runs[-1][0] + piece, styles)
        else:
            runs.append((piece, styles))

    for index, match in enumerate(tags):
        add_text(text[position : match.start()])
        position = match.end()
        closing, name, _, self_closing = match.groups()
        style = styles_of.get(index)
        if style == _STRUCTURE:
            if name.lower().rpartition(":")[2] in _BLOCK_ENDS and (closing or self_closing):
                add_text(" ")
            continue
        if style is not None:
            if self_closing:
                continue
            if closing:
                active.remove(style)
            else:
                active.append(style)
            continue
        if markup == "xml":
            if name.lower().rpartition(":")[2] in _BLOCK_ENDS and (closing or self_closing):
                add_text(" ")
            continue
        add_text(match.group(0), decode=False)  # not markup: the text it is
    add_text(text[position:])
    return tuple(runs)


def plain_text(text: str) -> str:
    """The words of a rich-text value, without its markup and with its entities decoded
    (``CO<sub>2</sub>`` -> ``CO2``, ``&lt;title>`` -> ``<title>``): what RIS and other plain
    formats write, tables show and the search indexes hold."""
    if not has_markup(text):
        return text
    return "".join(piece for piece, _ in parse_markup(text))


_CSL_OPEN = {
    "nocase": '<span class="nocase">',
    "italic": "<i>",
    "bold": "<b>",
    "smallcaps": '<span style="font-variant:small-caps;">',
    "sup": "<sup>",
    "sub": "<sub>",
}
_CSL_CLOSE = {
    "nocase": "</span>",
    "italic": "</i>",
    "bold": "</b>",
    "smallcaps": "</span>",
    "sup": "</sup>",
    "sub": "</sub>",
}


#: A ``<`` that some reader could take for a tag's (before a letter or ``/``).
_TAG_START = re.compile(r"<(?=/?[A-Za-z])")


def escape_text(piece: str) -> str:
    """Text as CSL rich text that reads back as this text: an entity or a tag it spells
    (``&lt;``, ``<i>``) is escaped (``&amp;lt;``, ``&lt;i>``), so it stays text and is never
    read as markup; a lone ``&`` or ``p < 0.05`` is written as it is (CSL processors such as
    pandoc's print entities literally)."""
    if "&" in piece:
        piece = ENTITY.sub(lambda m: "&amp;" + m.group(0)[1:], piece)
    if "<" in piece:
        piece = _TAG_START.sub("&lt;", piece)
    return piece


def runs_text(runs: tuple[Run, ...] | list[Run]) -> str:
    """Runs written as CSL rich text: CSL's own tags around text escaped by :func:`escape_text`."""
    out: list[str] = []
    for piece, styles in runs:
        ordered = [s for s in STYLES if s in styles]
        out.append(
            "".join(_CSL_OPEN[s] for s in ordered)
            + escape_text(piece)
            + "".join(_CSL_CLOSE[s] for s in reversed(ordered))
        )
    return "".join(out)


_SPACES = re.compile(r"\s+")


def from_source(text: str, markup: Markup = "csl") -> str:
    """A source's text as the CSL rich text a field holds (the module's docstring says
    how each kind of source is read). Text with nothing that reads as markup comes back
    as it is; where JATS or MathML elements are read, layout whitespace is folded into
    single spaces. Reading the result again as ``"csl"`` gives it back unchanged."""
    structure = markup == "xml" or (markup == "csl" and ("<jats:" in text or "<mml:" in text))
    if structure:  # XML's layout whitespace, and the spaces dropped elements leave, folded
        text = _SPACES.sub(" ", text).strip()
    if not has_markup(text):
        return text
    runs = parse_markup(text, markup)
    return runs_text(_folded(runs) if structure else runs)


def _folded(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    folded: list[Run] = []
    previous_space = True  # no space at the start
    for piece, styles in runs:
        piece = _SPACES.sub(" ", piece)
        if previous_space and piece.startswith(" "):
            piece = piece[1:]
        if piece:
            folded.append((piece, styles))
            previous_space = piece.endswith(" ")
    while folded and folded[-1][0].endswith(" "):
        piece, styles = folded.pop()
        if piece.rstrip():
            folded.append((piece.rstrip(), styles))
    return tuple(folded)


def rich_fields(work: Mapping[str, Any], markup: Markup = "csl") -> dict[str, Any]:
    """A CSL item with each of its :data:`RICH_FIELDS` read from its source by
    :func:`from_source` (a field that becomes empty is left out); the item itself, never
    changed, when no field changes."""
    out = work if isinstance(work, dict) else dict(work)
    copied = out is not work
    for field in RICH_FIELDS:
        value = out.get(field)
        if isinstance(value, str) and ("<" in value or "&" in value or markup == "xml"):
            text = from_source(value, markup)
            if text == value:
                continue
            if not copied:  # (most values hold no markup: the item is copied only when one changes)
                out, copied = dict(out), True
            if text.strip():
                out[field] = text
            else:
                del out[field]
    return out


#: Control characters that are no text (C0 but tab and line ends, DEL, C1): TeX stops on
#: them, a terminal showing them obeys them, a page or a tag should not hold them.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")


#: Direction controls (embeddings, overrides, isolates: U+202A-202E, U+2066-2069). They
#: have no width and reorder how the text around them shows, so a title can display other
#: than it reads ("Trojan Source"), and LaTeX has no glyph for them (pdflatex stops).
DIRECTION = re.compile("[" + "".join(map(chr, DIRECTION_CONTROLS)) + "]")
#: Unicode's line and paragraph separators: LaTeX has no glyph for them either.
_SEPARATORS = re.compile("[\u2028\u2029]")


def no_controls(text: str) -> str:
    """``text`` as every text export writes it (BibTeX, BibLaTeX, RIS, formatted lists,
    Markdown, CSV): each control character that is no text and U+2028/2029 made a space,
    each direction control dropped (it has no width: no word changes)."""
    if text.isascii():
        return CONTROL.sub(" ", text)
    return _SEPARATORS.sub(" ", CONTROL.sub(" ", DIRECTION.sub("", text)))
