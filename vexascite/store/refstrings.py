"""Store access for re-parsing reference strings: text references and their fields."""

from __future__ import annotations

import json
from typing import Any

from . import Store


def text_references(store: Store, *, stale_for: str | None) -> list[dict[str, Any]]:
    """References read from free text; with ``stale_for``, only those parsed by another version."""
    rows = list(store.db.query("select id, work_id, raw, fields, extra, status from refs where format = 'text' order by id"))
    if stale_for is None:
        return rows
    out = []
    for row in rows:
        extra = json.loads(row["extra"]) if row["extra"] else {}
        if extra.get("parser_version") != stale_for:
            out.append(row)
    return out


def update_reference(store: Store, ref_id: int, fields: dict[str, Any], status: str, message: str | None, extra: dict[str, Any], work_id: int | None) -> None:
    """Replace a reference's parsed fields (its raw text is never touched)."""
    store.db.table("refs").update(
        ref_id,
        {
            "fields": json.dumps(fields, ensure_ascii=False, sort_keys=True),
            "status": status,
            "message": message,
            "extra": json.dumps(extra, ensure_ascii=False, sort_keys=True),
            "work_id": work_id,
        },
    )
