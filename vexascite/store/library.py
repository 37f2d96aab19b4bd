"""The user's hand on the library: field edits and keys that keep working (aliases).

Functions take an open :class:`~vexascite.store.Store` and run inside the caller's
transaction. An edit is one row of ``user_edits`` (a JSON value; JSON ``null`` unsets the
field); the effective record is recomputed from every source (see :mod:`vexascite.merge`),
so an edit survives re-import, ``resolve --refresh``, ``merge`` and ``reparse``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..errors import NotInLibrary
from . import Store, now


def user_edits(store: Store, work_id: int) -> dict[str, Any]:
    """``field -> value`` the user set on a work (``None``: the user removed the field)."""
    sql = "select field, value from user_edits where work_id = ? order by field"
    return {row["field"]: json.loads(row["value"]) for row in store.db.query(sql, [work_id])}


def set_edits(store: Store, work_id: int, values: dict[str, Any], unset: Iterable[str] = ()) -> None:
    """Record the user's values (and removals) for a work and recompute it."""
    for name, value in values.items():
        store.set_user_edit(work_id, name, value)
    for name in unset:
        store.set_user_edit(work_id, name, None)
    store.refresh_work(work_id)


def revert_edits(store: Store, work_id: int, fields: Iterable[str]) -> list[str]:
    """Drop the user's edits of ``fields`` (the sources' values come back)."""
    dropped = []
    for name in fields:
        if store.db.execute("delete from user_edits where work_id = ? and field = ?", [work_id, name]).rowcount:
            dropped.append(name)
    store.refresh_work(work_id)
    return dropped


# -- aliases -------------------------------------------------------------------------------
def work_id_for_key_or_alias(store: Store, key: str) -> int:
    """The work a key names: its own key first, then a key it was known by. Spaces around
    it (a key pasted with them) are no part of it: no key or alias holds a space."""
    given, key = key, key.strip()
    row = store.db.execute("select id from works where key = ?", [key]).fetchone()
    if row is None:
        row = store.db.execute("select work_id from key_aliases where alias = ?", [key]).fetchone()
    if row is None:
        other = store.db.execute("select key from works where key = ? collate nocase limit 1", [key]).fetchone() if key else None
        hint = f"did you mean {other[0]!r}? (keys are matched as written)" if other else "'vexascite list' shows the keys"
        raise NotInLibrary(f"no work with key {given!r}; {hint}")
    return int(row[0])


def aliases_of(store: Store, work_id: int) -> list[dict[str, Any]]:
    sql = "select alias, reason, created_at from key_aliases where work_id = ? order by created_at, alias"
    return [dict(row) for row in store.db.query(sql, [work_id])]


def all_aliases(store: Store) -> dict[str, int]:
    return {row[0]: int(row[1]) for row in store.db.execute("select alias, work_id from key_aliases").fetchall()}


def add_alias(store: Store, alias: str, work_id: int, reason: str) -> bool:
    """Make ``alias`` name ``work_id`` too, unless it is some work's key or already an
    alias (a key, once given, keeps naming what it named first)."""
    if not alias or store.db.execute("select 1 from works where key = ?", [alias]).fetchone():
        return False
    cursor = store.db.execute(
        "insert or ignore into key_aliases (alias, work_id, reason, created_at) values (?, ?, ?, ?)",
        [alias, work_id, reason, now()],
    )
    return bool(cursor.rowcount)


def drop_alias(store: Store, alias: str) -> None:
    store.db.execute("delete from key_aliases where alias = ?", [alias])


def set_key(store: Store, work_id: int, key: str, *, pinned: bool | None = None, reason: str = "rekey") -> str:
    """Give a work a new key; the old one stays an alias. Returns the old key."""
    old = store.db.execute("select key from works where id = ?", [work_id]).fetchone()[0]
    if old == key:
        if pinned is not None:
            store.db.execute("update works set key_pinned = ? where id = ?", [int(pinned), work_id])
        return str(old)
    drop_alias(store, key)  # a work may take back a key it was known by
    values: list[Any] = [key]
    sql = "update works set key = ?"
    if pinned is not None:
        sql += ", key_pinned = ?"
        values.append(int(pinned))
    store.db.execute(sql + " where id = ?", [*values, work_id])
    add_alias(store, str(old), work_id, reason)
    return str(old)


def key_pinned(store: Store, work_id: int) -> bool:
    row = store.db.execute("select key_pinned from works where id = ?", [work_id]).fetchone()
    return bool(row and row[0])
