"""Reference-manager citation fields of an imported Word document: which works each
field names (its items were imported as references carrying ``extra.field``)."""

from __future__ import annotations

import json

from . import Store

__all__ = ["field_work_keys"]


def field_work_keys(store: Store, source_id: int) -> dict[int, list[str]]:
    """Field index -> keys of the works its items became, in the field's order (items
    that named no work are left out)."""
    keys: dict[int, list[str]] = {}
    rows = store.db.query(
        "select refs.extra, works.key from refs left join works on works.id = refs.work_id "
        "where refs.source_id = ? and refs.extra like '%\"field\":%' order by refs.id",
        [source_id],
    )
    for row in rows:
        extra = json.loads(row["extra"]) if row["extra"] else {}
        index = extra.get("field")
        if not isinstance(index, int):
            continue
        found = keys.setdefault(index, [])
        if row["key"] and row["key"] not in found:
            found.append(row["key"])
    return keys
