"""Exporters: the library's works out to BibTeX, BibLaTeX, CSL-JSON, RIS and formatted
bibliographies. Pure functions from :class:`ExportItem` lists to text; the caller reads
the store and writes the file.

Adding a format means adding a module and a line to :func:`writer_for`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..errors import UsageError
from .item import ExportItem

__all__ = ["EXPORT_FORMATS", "ExportItem", "export_items", "writer_for"]

EXPORT_FORMATS = ("bibtex", "biblatex", "csl-json", "ris")

Writer = Callable[[Sequence[ExportItem], bool], str]

_ALIASES = {"bib": "bibtex", "csljson": "csl-json", "csl": "csl-json", "json": "csl-json"}


def writer_for(fmt: str) -> Writer:
    """The writer for a format name: ``(items, unicode) -> text``."""
    from . import bibtex, csljson, ris

    writers: dict[str, Writer] = {
        "bibtex": lambda items, unicode: bibtex.write_bibtex(items, "bibtex", unicode=unicode),
        "biblatex": lambda items, unicode: bibtex.write_bibtex(items, "biblatex", unicode=unicode),
        "csl-json": lambda items, unicode: csljson.write_csljson(items),
        "ris": lambda items, unicode: ris.write_ris(items),
    }
    name = _ALIASES.get(fmt.lower(), fmt.lower())
    if name not in writers:
        raise UsageError(
            f"unknown export format {fmt!r}; choose one of: {', '.join(EXPORT_FORMATS)}"
        )
    return writers[name]


def export_items(items: Sequence[ExportItem], fmt: str, *, unicode: bool = False) -> str:
    """``items`` written in ``fmt`` (``unicode`` keeps UTF-8 in BibTeX, for biber)."""
    return writer_for(fmt)(items, unicode)
