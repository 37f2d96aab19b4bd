"""Export and format: the library, or a selection of it, as a file format or a citation style."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import UsageError
from ..store import Store
from ..store.organise import trashed_among
from .common import _named, _split_keys, open_library
from .outputs import write_output


@dataclass(slots=True)
class ExportResult:
    """An export: the text written, how many works it holds, and where it went."""

    format: str
    text: str
    count: int
    keys: list[str] = field(default_factory=list)
    path: str | None = None
    #: keys of works the manuscript (``--cited-in``) cites that are in the trash: left out
    in_trash: list[str] = field(default_factory=list)



def _cited_keys(store: Store, manuscript: str) -> list[str]:
    """Keys of the works a linked manuscript cites, in order of first citation."""
    from ..store import export as store_export

    try:
        from ..store import claims as store_claims
    except ImportError as exc:
        raise UsageError("--cited-in needs the claims of 'vexascite link', which this library does not have") from exc
    finder = getattr(store_claims, "cited_work_ids_in_order", None)
    if finder is None:
        raise UsageError("--cited-in needs the claims of 'vexascite link', which this vexascite cannot read yet")
    work_ids = finder(store, manuscript)
    return store_export.keys_of_work_ids(store, work_ids)


def export_items_of(
    store: Store,
    keys: Iterable[str] | None = None,
    cited_in: str | None = None,
    *,
    with_bibtex: bool = True,
    tag: str | None = None,
    collection: str | None = None,
) -> list[Any]:
    """The works to export: all (by key), the keys named (in that order), what a
    manuscript cites (in order of first citation), those with a tag or in a collection
    (or its sub-collections); selections combine. Notes go with each work."""
    from ..errors import NotInLibrary
    from ..exporters import ExportItem
    from ..store import export as store_export
    from .library import selected_keys

    wanted = selected_keys(store, _split_keys(keys), tag, collection)
    _named("--cited-in", cited_in)
    if cited_in is not None:
        cited = _cited_keys(store, cited_in)
        if not cited and not _cited_in_trash(store, cited_in):
            raise NotInLibrary(f"{cited_in}: no linked citations; run 'vexascite link {cited_in}' first")
        wanted = cited if wanted is None else [key for key in cited if key in set(wanted)]
    from ..exporters.bibtex import MAPPED_FIELDS
    from ..store.library import all_aliases
    from ..store.organise import notes_of

    rows = list(store_export.iter_export_rows(store, wanted, MAPPED_FIELDS, with_bibtex=with_bibtex))
    notes = notes_of(store, [row["id"] for row in rows])
    aliases: dict[int, list[str]] = {}
    for alias, work_id in sorted(all_aliases(store).items()):
        aliases.setdefault(work_id, []).append(alias)
    return [
        ExportItem(
            row["key"], row["csl"], row["bibtex"], [n["text"] for n in notes[row["id"]]], tuple(aliases.get(row["id"], ()))
        )
        for row in rows
    ]


def export_library(
    settings: Settings,
    fmt: str,
    *,
    keys: Iterable[str] | None = None,
    cited_in: str | None = None,
    unicode: bool = False,
    tag: str | None = None,
    collection: str | None = None,
) -> ExportResult:
    """The library (or a selection) as BibTeX, BibLaTeX, CSL-JSON or RIS text."""
    from ..exporters import export_format, export_items

    needs_bibtex = export_format(fmt).needs_bibtex  # an unknown format fails before the library is opened
    with open_library(settings, create=False) as store:
        if tag is not None:  # here, not in export_items_of: a kept-up-to-date export whose tag left every work empties
            from .library import require_tag

            require_tag(store, tag)
        items = export_items_of(
            store, keys, cited_in, with_bibtex=needs_bibtex, tag=tag, collection=collection
        )
        in_trash = _cited_in_trash(store, cited_in) if cited_in is not None else []
    text = export_items(items, fmt, unicode=unicode)
    return ExportResult(fmt, text, len(items), [item.key for item in items], in_trash=in_trash)


def export_format_of_file(path: str | os.PathLike[str] | None) -> str | None:
    """The export format an output file's extension names (``.bib`` BibTeX, ``.json``
    CSL-JSON, ``.ris`` RIS: a format's name or alias), or None: ``export -o refs.json``
    writes CSL-JSON, not BibTeX under a name that says JSON."""
    from ..exporters import export_format

    suffix = Path(path).suffix.lstrip(".") if path else ""
    if not suffix:
        return None
    try:
        return export_format(suffix).name
    except UsageError:
        return None


def _cited_in_trash(store: Store, manuscript: str) -> list[str]:
    from ..store.claims import cited_work_ids_in_order

    return trashed_among(store, cited_work_ids_in_order(store, manuscript))


def write_text_atomically(path: str | os.PathLike[str], text: str) -> None:
    """Write a file for the user (see :func:`vexascite.api.outputs.write_output`)."""
    write_output(path, text)


@dataclass(slots=True)
class FormattedBibliography:
    """A bibliography in a citation style: one string per entry and the whole text."""

    style: str
    style_file: str
    output: str
    entries: list[str]
    text: str


def format_library(
    settings: Settings,
    style: str,
    *,
    keys: Iterable[str] | None = None,
    cited_in: str | None = None,
    output: str = "text",
) -> FormattedBibliography:
    """The library (or a selection, or what a manuscript cites, numbered in citation
    order) formatted with a CSL style through citeproc-py."""
    from ..exporters.formatted import format_bibliography, render_bibliography, style_path

    path = style_path(style)
    with open_library(settings, create=False) as store:
        items = export_items_of(store, keys, cited_in)  # BibTeX extras say which author lists were cut
    entries = format_bibliography(items, style, output)
    return FormattedBibliography(style, str(path), output, entries, render_bibliography(entries, output))

