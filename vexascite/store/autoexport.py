"""Registered exports kept up to date (SQLite): path, format, selection, last write."""

from __future__ import annotations

import json
from typing import Any

from ..errors import NotInLibrary
from . import Store, now
from .pk import inserted_id


def register(
    store: Store, path: str, fmt: str, selection: dict[str, Any], options: dict[str, Any], count: int
) -> int:
    """Register (or re-register) the export just written to ``path`` with ``count``
    works; returns its id."""
    row = {
        "path": path, "format": fmt, "selection": json.dumps(selection, sort_keys=True),
        "options": json.dumps(options, sort_keys=True), "created_at": now(), "written_at": now(),
        "count": count, "error": None,
    }
    existing = store.db.execute("select id from auto_exports where path = ?", [path]).fetchone()
    if existing:
        store.db.table("auto_exports").update(existing[0], row)
        return int(existing[0])
    return inserted_id(store.db.table("auto_exports").insert(row).last_pk)


def registered(store: Store) -> list[dict[str, Any]]:
    out = []
    for row in store.db.query("select * from auto_exports order by id"):
        row = dict(row)
        row["selection"] = json.loads(row["selection"] or "{}")
        row["options"] = json.loads(row["options"] or "{}")
        out.append(row)
    return out


def unregister(store: Store, ident: str) -> dict[str, Any]:
    """Forget a registered export, named by its id or its path (the file stays)."""
    for row in registered(store):
        if str(row["id"]) == ident or row["path"] == ident:
            store.db.execute("delete from auto_exports where id = ?", [row["id"]])
            return row
    raise NotInLibrary(f"no kept-up-to-date export {ident!r}; 'vexascite exports' lists them")


def record_check(store: Store, ident: int, *, written: bool, count: int | None, error: str | None) -> None:
    """Note a refresh of export ``ident``: rewritten (``written``), unchanged, or failed."""
    stamp = now()
    values: dict[str, Any] = {"error": error, "checked_at": stamp}
    if written:
        values.update(written_at=stamp, count=count)
    store.db.table("auto_exports").update(ident, values)


def rename_collection(store: Store, old: str, new: str) -> int:
    """Point exports that select collection ``old`` (or one inside it) at its new path."""
    renamed = 0
    for row in registered(store):
        path = row["selection"].get("collection")
        if path is not None and (path == old or path.startswith(old + "/")):
            selection = {**row["selection"], "collection": new + path[len(old):]}
            store.db.table("auto_exports").update(row["id"], {"selection": json.dumps(selection, sort_keys=True)})
            renamed += 1
    return renamed


def rename_key(store: Store, old: str, new: str) -> int:
    """Point exports that name work ``old`` by key at its new key."""
    renamed = 0
    for row in registered(store):
        keys = row["selection"].get("keys")
        if keys and old in keys:
            selection = {**row["selection"], "keys": [new if key == old else key for key in keys]}
            store.db.table("auto_exports").update(row["id"], {"selection": json.dumps(selection, sort_keys=True)})
            renamed += 1
    return renamed
