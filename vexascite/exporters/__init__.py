"""Exporters: the library's works out to BibTeX, BibLaTeX, CSL-JSON, RIS and formatted
bibliographies. Pure functions from :class:`ExportItem` lists to text; the caller reads
the store and writes the file.

Adding a format means adding a module with a writer and one :func:`register` call (below,
or from anywhere before the export runs): the CLI's choices, the API's checks and the
error messages all come from this registry.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..registry import Registry
from .item import ExportItem

__all__ = [
    "EXPORT_FORMATS",
    "ExportFormat",
    "ExportItem",
    "ExportOptions",
    "export_format",
    "export_formats",
    "export_items",
    "register",
    "unregister",
    "writer_for",
]


@dataclass(frozen=True)
class ExportOptions:
    """What a user may ask of any writer; a writer reads the options it understands."""

    unicode: bool = False  # BibTeX/BibLaTeX: keep UTF-8 (for biber) instead of LaTeX commands


Writer = Callable[[Sequence[ExportItem], ExportOptions], str]


@dataclass(frozen=True)
class ExportFormat:
    """One export format: its name, its writer and what it needs from the store."""

    name: str
    write: Writer
    description: str
    aliases: tuple[str, ...] = ()
    #: The writer reads each work's imported BibTeX fields (``ExportItem.bibtex``).
    needs_bibtex: bool = False


_REGISTRY = Registry[ExportFormat]("export format")


def register(fmt: ExportFormat) -> ExportFormat:
    """Make ``fmt`` available to ``export`` (CLI, API and kept-up-to-date exports)."""
    return _REGISTRY.add(fmt.name, fmt)


def unregister(name: str) -> None:
    """Forget a registered format (for tests that register their own)."""
    _REGISTRY.remove(name)


def export_formats() -> list[str]:
    """The registered format names, in registration order."""
    return _REGISTRY.names()


def export_format(name: str) -> ExportFormat:
    """The format called ``name`` (or one of its aliases); a usage error names the choices."""
    wanted = name.lower()
    for fmt in _REGISTRY.values():
        if wanted == fmt.name or wanted in fmt.aliases:
            return fmt
    return _REGISTRY.get(name)  # not registered: a usage error naming the choices


def writer_for(fmt: str) -> Writer:
    """The writer for a format name: ``(items, options) -> text``."""
    return export_format(fmt).write


def export_items(items: Sequence[ExportItem], fmt: str, *, unicode: bool = False) -> str:
    """``items`` written in ``fmt`` (``unicode`` keeps UTF-8 in BibTeX, for biber)."""
    return writer_for(fmt)(items, ExportOptions(unicode=unicode))


# -- the built-in formats (writers imported when used, so naming them stays cheap) --------
def _bibtex(items: Sequence[ExportItem], options: ExportOptions) -> str:
    from .bibtex import write_bibtex

    return write_bibtex(items, "bibtex", unicode=options.unicode)


def _biblatex(items: Sequence[ExportItem], options: ExportOptions) -> str:
    from .bibtex import write_bibtex

    return write_bibtex(items, "biblatex", unicode=options.unicode)


def _csljson(items: Sequence[ExportItem], options: ExportOptions) -> str:
    from .csljson import write_csljson

    return write_csljson(items)


def _ris(items: Sequence[ExportItem], options: ExportOptions) -> str:
    from .ris import write_ris

    return write_ris(items)


register(ExportFormat("bibtex", _bibtex, "BibTeX (LaTeX commands for accents)", ("bib",), needs_bibtex=True))
register(ExportFormat("biblatex", _biblatex, "BibLaTeX (dates, eprints, online entries)", needs_bibtex=True))
register(ExportFormat("csl-json", _csljson, "CSL-JSON (pandoc, Zotero)", ("csljson", "csl", "json")))
register(ExportFormat("ris", _ris, "RIS (EndNote, reference managers)"))

#: The built-in format names (the registry may hold more: see :func:`export_formats`).
EXPORT_FORMATS = tuple(_REGISTRY.names())
