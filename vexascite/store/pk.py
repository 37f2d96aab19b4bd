"""The id SQLite gave a new row (sqlite-utils types ``last_pk`` as optional)."""

from __future__ import annotations

from typing import Any


def inserted_id(last_pk: Any) -> int:
    """``table.insert(row).last_pk`` as an int; an insert that gave no id is a bug, not data."""
    if last_pk is None:
        raise RuntimeError("an insert returned no row id")
    return int(last_pk)
