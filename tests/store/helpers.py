"""Works made the way every command makes them (through the store's ingest)."""

from __future__ import annotations

from typing import Any

from vexascite.model import RawReference, RefStatus
from vexascite.rows import prepare_reference
from vexascite.store import Store
from vexascite.store.ingest import Ingest


def new_work(store: Store, fields: dict[str, Any], key_pattern: str = "{title}") -> int:
    """A new work holding one identifier-like reference with ``fields`` (inside the
    caller's transaction); its id."""
    ingest = Ingest(store, key_pattern, "1")
    raw = RawReference(raw=str(fields), format="identifier", fields=fields, status=RefStatus.IDENTIFIER)
    outcome = ingest.add(prepare_reference(raw, key_pattern))
    ingest.finish()
    assert outcome.work_id is not None and outcome.kind == "new"
    return outcome.work_id
