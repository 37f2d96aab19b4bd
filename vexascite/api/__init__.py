"""Use cases of vexascite. Each CLI command calls one function here and prints its report.

Functions take :class:`~vexascite.config.Settings` (or an open store), do the work,
and return plain report objects; they never print or exit. Each use case lives in its
own module (import, resolve, link, check, export, library, ...); this package names them
all lazily, so ``from vexascite import api`` costs nothing until a use case is called and
a command imports only what it runs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

#: Module (under this package) of every name the facade offers.
_HOMES: dict[str, tuple[str, ...]] = {
    "common": ("open_library", "report_lock_waits", "report_notices"),
    "importing": (
        "FileImport", "ImportReport", "LoadedInput", "IMPORTABLE_SUFFIXES", "MAX_IMPORT_BYTES", "SEARCH_INDEX_BATCH",
        "import_file", "import_paths", "iter_input_files", "load_input",
    ),
    "resolving": ("AddReport", "ReviewQueue", "add_identifiers", "decide_review", "lookup_references", "resolve_works",
                  "review_candidates"),
    "linking": ("LINKER_VERSION", "LinkReport", "evidence_table", "find_claims", "link_manuscript"),
    "checking": ("check_manuscript",),
    "exporting": ("ExportResult", "FormattedBibliography", "export_format_of_file", "export_items_of", "export_library", "format_library",
                  "write_text_atomically"),
    "parsing": ("ReparseReport", "parse_document", "parse_strings", "reparse"),
    "library": (
        "NearMiss", "SearchResult", "TagReport", "TrashReport", "add_note", "change_collection", "create_collection",
        "delete_collection", "empty_trash", "find_near_duplicates", "library_stats", "list_collections", "list_notes",
        "list_tags", "list_trash", "list_works", "merge_works", "rekey_work", "remove_note", "remove_works",
        "rename_collection", "restore_works", "search_works", "selected_keys", "show_work", "split_tag_args",
        "tag_works", "work_details",
    ),
    "exports": ("SyncResult", "keep_export_updated", "list_exports", "remove_export", "sync_exports",
                "watch_export_refreshes"),
    "outputs": ("write_output",),
    "etiquette": ("service_notes",),
    "documents": ("document_reading", "document_text", "reference_file_format", "text_reading"),
    "editing": ("describe_gave_way", "describe_set_aside", "describe_value", "edit_work"),
    "evidence": ("refresh_citation_evidence", "suggest_sources"),
    "web_views": (
        "collections_view", "duplicates_page", "formatted_for_page", "import_uploaded", "library_page", "link_uploaded", "manuscript_view",
        "manuscripts", "preview_files", "review_view", "selection_choices", "title_runs", "trash_view", "work_view",
        "edit_from_page", "find_view", "revert_from_page", "work_key",
    ),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}

__all__ = sorted(_HOME_OF)


def __getattr__(name: str) -> Any:
    """Import a use case's module the first time one of its names is used."""
    module = _HOME_OF.get(name)
    if module is None:
        if name.startswith("__"):
            raise AttributeError(name)
        try:  # a module of this package (``api.parsing``)
            return importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


if TYPE_CHECKING:  # what type checkers see; at run time the names come from __getattr__
    from .checking import check_manuscript as check_manuscript
    from .common import open_library as open_library
    from .common import report_lock_waits as report_lock_waits
    from .common import report_notices as report_notices
    from .documents import document_reading as document_reading
    from .documents import document_text as document_text
    from .documents import reference_file_format as reference_file_format
    from .documents import text_reading as text_reading
    from .editing import describe_gave_way as describe_gave_way
    from .editing import describe_set_aside as describe_set_aside
    from .editing import describe_value as describe_value
    from .editing import edit_work as edit_work
    from .etiquette import service_notes as service_notes
    from .evidence import refresh_citation_evidence as refresh_citation_evidence
    from .evidence import suggest_sources as suggest_sources
    from .exporting import ExportResult as ExportResult
    from .exporting import FormattedBibliography as FormattedBibliography
    from .exporting import export_format_of_file as export_format_of_file
    from .exporting import export_items_of as export_items_of
    from .exporting import export_library as export_library
    from .exporting import format_library as format_library
    from .exporting import write_text_atomically as write_text_atomically
    from .exports import SyncResult as SyncResult
    from .exports import keep_export_updated as keep_export_updated
    from .exports import list_exports as list_exports
    from .exports import remove_export as remove_export
    from .exports import sync_exports as sync_exports
    from .exports import watch_export_refreshes as watch_export_refreshes
    from .importing import IMPORTABLE_SUFFIXES as IMPORTABLE_SUFFIXES
    from .importing import MAX_IMPORT_BYTES as MAX_IMPORT_BYTES
    from .importing import SEARCH_INDEX_BATCH as SEARCH_INDEX_BATCH
    from .importing import FileImport as FileImport
    from .importing import ImportReport as ImportReport
    from .importing import LoadedInput as LoadedInput
    from .importing import import_file as import_file
    from .importing import import_paths as import_paths
    from .importing import iter_input_files as iter_input_files
    from .importing import load_input as load_input
    from .library import NearMiss as NearMiss
    from .library import SearchResult as SearchResult
    from .library import TagReport as TagReport
    from .library import TrashReport as TrashReport
    from .library import add_note as add_note
    from .library import change_collection as change_collection
    from .library import create_collection as create_collection
    from .library import delete_collection as delete_collection
    from .library import empty_trash as empty_trash
    from .library import find_near_duplicates as find_near_duplicates
    from .library import library_stats as library_stats
    from .library import list_collections as list_collections
    from .library import list_notes as list_notes
    from .library import list_tags as list_tags
    from .library import list_trash as list_trash
    from .library import list_works as list_works
    from .library import merge_works as merge_works
    from .library import rekey_work as rekey_work
    from .library import remove_note as remove_note
    from .library import remove_works as remove_works
    from .library import rename_collection as rename_collection
    from .library import restore_works as restore_works
    from .library import search_works as search_works
    from .library import selected_keys as selected_keys
    from .library import show_work as show_work
    from .library import split_tag_args as split_tag_args
    from .library import tag_works as tag_works
    from .library import work_details as work_details
    from .linking import LINKER_VERSION as LINKER_VERSION
    from .linking import LinkReport as LinkReport
    from .linking import evidence_table as evidence_table
    from .linking import find_claims as find_claims
    from .linking import link_manuscript as link_manuscript
    from .outputs import write_output as write_output
    from .parsing import ReparseReport as ReparseReport
    from .parsing import parse_document as parse_document
    from .parsing import parse_strings as parse_strings
    from .parsing import reparse as reparse
    from .resolving import AddReport as AddReport
    from .resolving import ReviewQueue as ReviewQueue
    from .resolving import add_identifiers as add_identifiers
    from .resolving import decide_review as decide_review
    from .resolving import lookup_references as lookup_references
    from .resolving import resolve_works as resolve_works
    from .resolving import review_candidates as review_candidates
    from .web_views import collections_view as collections_view
    from .web_views import duplicates_page as duplicates_page
    from .web_views import edit_from_page as edit_from_page
    from .web_views import find_view as find_view
    from .web_views import formatted_for_page as formatted_for_page
    from .web_views import import_uploaded as import_uploaded
    from .web_views import library_page as library_page
    from .web_views import link_uploaded as link_uploaded
    from .web_views import manuscript_view as manuscript_view
    from .web_views import manuscripts as manuscripts
    from .web_views import preview_files as preview_files
    from .web_views import revert_from_page as revert_from_page
    from .web_views import review_view as review_view
    from .web_views import selection_choices as selection_choices
    from .web_views import title_runs as title_runs
    from .web_views import trash_view as trash_view
    from .web_views import work_key as work_key
    from .web_views import work_view as work_view
