"""Exports kept up to date, like Better BibTeX's auto-export.

``export ... -o FILE --keep-updated`` registers the export (format, selection, path);
every use case that changes works then calls :func:`sync_exports`, which renders each
registered export again and rewrites its file when the text changed, atomically (a
temporary file in the same folder renamed over it: readers see the old file or the new
one, never half of one). Rendering all of them again, rather than working out which works
each covers, keeps one rule for every selection (keys, tag, collection, cited-in) and
catches every change; an unchanged file is not touched. What a command rewrote is
noted in the process that ran it (:func:`watch_export_refreshes`), not read back from
the library by time: two commands within one second are told apart.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import CannotWrite, UsageError, VexasciteError
from ..store import autoexport

__all__ = [
    "SyncResult",
    "keep_export_updated",
    "list_exports",
    "remove_export",
    "sync_exports",
    "watch_export_refreshes",
]

#: The selection keys an export may carry, as named by ``export``'s options.
SELECTION = ("keys", "tag", "collection", "cited_in")


@dataclass(slots=True)
class SyncResult:
    """One registered export after a refresh."""

    id: int
    path: str
    format: str
    written: bool
    count: int | None = None
    error: str | None = None


#: Where refreshes are noted while a command watches them (none: nobody asked).
_WATCHED: ContextVar[list[SyncResult] | None] = ContextVar("vexascite_export_refreshes", default=None)


def watch_export_refreshes() -> list[SyncResult]:
    """Note from now on, in this context, every kept export rewritten or failing: the
    list they are added to, for the command to report when it ends."""
    noted: list[SyncResult] = []
    _WATCHED.set(noted)
    return noted


def _render(settings: Settings, row: dict[str, Any]) -> Any:
    from .exporting import export_library

    selection = row["selection"]
    return export_library(
        settings, row["format"], keys=selection.get("keys"), cited_in=selection.get("cited_in"),
        tag=selection.get("tag"), collection=selection.get("collection"),
        unicode=bool(row["options"].get("unicode")),
    )


def _write_if_changed(path: str, text: str) -> bool:
    from .exporting import write_text_atomically

    try:
        if Path(path).read_text(encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass  # missing or unreadable: write it
    write_text_atomically(path, text)
    return True


def _may_change(row: dict[str, Any], selecting: str | None, keys: set[str] | None) -> bool:
    """Whether a change can alter this export's text (when unsure: yes)."""
    selection = row["selection"]
    if selecting is not None:  # a change that is not written out (tags, memberships)
        return selecting in selection
    if keys is not None and set(selection) == {"keys"}:
        return bool(keys & set(selection["keys"]))
    return True


def sync_exports(
    settings: Settings, *, selecting: str | None = None, keys: Iterable[str] | None = None
) -> list[SyncResult]:
    """Rewrite every registered export whose text changed; call after any change to works.

    With no arguments every export is rendered again and compared (always right). A
    caller that knows more may say so: ``selecting="tag"`` (or ``"collection"``) for a
    change that only alters which works a tag (or collection) selects, so only exports
    selected that way are looked at; ``keys`` for a change to these works only, so an
    export of other named keys is skipped. A failure (a folder gone, a collection
    deleted) is recorded on that export and returned, never raised: the change that
    called this is already saved.
    """
    from .common import open_library

    if settings.db != ":memory:" and not Path(settings.db).exists():
        return []
    with open_library(settings, create=False) as store:
        rows = autoexport.registered(store)
    changed = set(keys) if keys is not None else None
    results = []
    for row in rows:
        if not _may_change(row, selecting, changed):
            continue
        result = SyncResult(row["id"], row["path"], row["format"], written=False)
        try:
            rendered = _render(settings, row)
            result.count = rendered.count
            result.written = _write_if_changed(row["path"], rendered.text)
        except VexasciteError as exc:
            result.error = str(exc)
        results.append(result)
    with open_library(settings, create=False) as store, store.transaction():
        for result in results:
            autoexport.record_check(store, result.id, written=result.written, count=result.count, error=result.error)
    noted = _WATCHED.get()
    if noted is not None:
        noted.extend(result for result in results if result.written or result.error)
    return results


def keep_export_updated(
    settings: Settings, path: str | os.PathLike[str], fmt: str, *, keys: list[str] | None = None,
    tag: str | None = None, collection: str | None = None, cited_in: str | None = None, unicode: bool = False,
    count: int = 0,
) -> int:
    """Register the export just written to ``path`` (``count`` works; a file, not stdout)
    to keep up to date; returns its id. Registering a path again replaces its format and
    selection."""
    from .common import _split_keys, open_library

    if not path or str(path) == "-":
        raise UsageError("--keep-updated needs -o FILE: an export to stdout cannot be kept up to date")
    selection = {
        name: value
        for name, value in (("keys", _split_keys(keys)), ("tag", tag), ("collection", collection),
                            ("cited_in", str(Path(cited_in).resolve()) if cited_in else None))
        if value is not None
    }
    try:
        with open_library(settings, create=False) as store, store.transaction():
            return autoexport.register(store, str(Path(path).resolve()), fmt, selection, {"unicode": unicode}, count)
    except CannotWrite as exc:  # the file is written; only keeping it up to date failed
        raise CannotWrite(f"{path} was written, but cannot be kept up to date: {exc}") from exc


def list_exports(settings: Settings) -> list[dict[str, Any]]:
    from .common import open_library

    with open_library(settings, create=False) as store:
        return autoexport.registered(store)


def remove_export(settings: Settings, ident: str) -> dict[str, Any]:
    """Stop keeping an export up to date (by id or path); its file stays as it is."""
    from .common import open_library

    name = ident if ident.isdigit() else str(Path(ident).resolve())
    with open_library(settings, create=False) as store, store.transaction():
        return autoexport.unregister(store, name)
