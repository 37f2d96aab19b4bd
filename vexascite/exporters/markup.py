"""Rich-text markup in CSL strings, written out (pure).

A stored title holds CSL rich text (``<i>``, ``<sup>``... and entities; see
:mod:`vexascite.richtext`). Each exporter wants something else: LaTeX commands, CSL's own
small HTML subset, or plain text. :func:`~vexascite.richtext.parse_markup` (the
one reading of the markup, in :mod:`vexascite.richtext`) turns a string into a flat list of
text runs, each with the styles that apply to it, so every exporter renders the same reading.
"""

from __future__ import annotations

import re

from ..richtext import CONTROL as CONTROL
from ..richtext import STYLES as STYLES
from ..richtext import TAG as _TAG
from ..richtext import Run as Run
from ..richtext import has_markup as has_markup
from ..richtext import no_controls as no_controls
from ..richtext import parse_markup as parse_markup
from ..richtext import plain_text as plain_text
from ..richtext import runs_text


def csl_html(text: str) -> str:
    """The text with its markup rewritten to the HTML subset CSL processors understand
    (``<i> <b> <sup> <sub>``, small caps and ``nocase`` spans); a tag or an entity the
    text spells is escaped, so it stays text. Text without tags is returned unchanged,
    so plain strings round-trip exactly."""
    if "<" not in text or _TAG.search(text) is None:
        return text
    return runs_text(parse_markup(text))


#: Everything :meth:`str.splitlines` breaks on, with the spaces around it.
_LINE_BREAKS = re.compile(r"[ \t]*[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+[ \t]*")


def one_line(text: str) -> str:
    """``text`` with every line break made a space: in a line-based format (RIS, text and
    Markdown lists, table rows) a value never starts a line, so it cannot start a record."""
    return _LINE_BREAKS.sub(" ", text)


#: What Markdown reads as markup (emphasis, code, links and images, raw HTML, entities, headings,
#: table cells, pandoc's superscripts and subscripts, math and citations): escaped where text
#: is written as Markdown.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|^~$@]|&(?=#?[A-Za-z0-9]+;))")


def markdown_text(text: str) -> str:
    """``text`` as Markdown shows it literally: ``<img onerror=...>`` or
    ``[x](javascript:...)`` from an abstract stays text once rendered, and an escape
    sequence is a space (a Markdown table is read in a terminal too)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", no_controls(text))


#: A spreadsheet reads a cell starting with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: object) -> object:
    """A CSV cell a spreadsheet shows as text: a string that would start a formula
    (``=HYPERLINK(...)``) gets a leading ``'``, as spreadsheets themselves write it; a
    control character that is no text (an escape sequence) becomes a space."""
    if isinstance(value, str):
        value = no_controls(value)
        if value.startswith(_FORMULA_START):
            return "'" + value
    return value
