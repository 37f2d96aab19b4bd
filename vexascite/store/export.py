"""Reads for exporting: works with their keys, effective records and the BibTeX entry
each was imported from, in one pass over the tables (fast enough for 10,000 works)."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator
from typing import Any

from ..csl import ends_and_others
from ..errors import NotInLibrary
from . import Store
from .chunks import CHUNK, marks, rows_in


def bibtex_extras(
    store: Store, work_ids: Iterable[int] | None = None, skip_fields: Collection[str] = ()
) -> dict[int, dict[str, Any]]:
    """The imported BibTeX entry (type, key, raw fields) of each work; the first import
    of a work wins, as it did when the work got its key.

    Fields named in ``skip_fields`` are left out; ``author`` and ``editor`` are then
    kept only when they end ``and others`` (the one thing CSL cannot say about them).
    """
    sql = "select work_id, extra from refs where work_id is not null and extra is not null and format = 'bibtex'"
    params: list[Any] = []
    wanted = None if work_ids is None else list(dict.fromkeys(work_ids))
    if wanted is not None and len(wanted) <= CHUNK:  # above one chunk, reading everything once is faster
        sql += f" and work_id in ({marks(len(wanted))})"
        params = wanted
    sql += " order by id"
    skip = {name.lower() for name in skip_fields}
    found: dict[int, dict[str, Any]] = {}
    for work_id, extra in store.db.execute(sql, params).fetchall():
        if work_id in found:
            continue
        entry = json.loads(extra).get("bibtex")
        if not isinstance(entry, dict):
            continue
        fields = entry.get("fields")
        if skip and isinstance(fields, dict):
            # set arithmetic in C first; names written in another case are few
            kept = {name: fields[name] for name in fields.keys() - skip if name.lower() not in skip}
            for name in ("author", "editor"):
                if _ends_and_others(fields.get(name)):
                    kept[name] = fields[name]
            entry["fields"] = kept
        found[work_id] = entry
    return found


def _ends_and_others(value: Any) -> bool:
    return isinstance(value, str) and ends_and_others(value)


def iter_export_rows(
    store: Store,
    keys: Iterable[str] | None = None,
    skip_fields: Collection[str] = (),
    *,
    with_bibtex: bool = True,
) -> Iterator[dict[str, Any]]:
    """``{"id", "key", "csl", "bibtex"}`` for every work (ordered by key), or for the keys
    named (in the order named, each once). Unknown keys raise :class:`NotInLibrary`
    naming all of them; ``skip_fields`` as in :func:`bibtex_extras`, whose work is
    skipped when ``with_bibtex`` is false (formats other than BibTeX do not use it)."""
    if keys is None:
        rows = store.db.execute("select id, key, csl from works where trashed_at is null order by key").fetchall()
    else:
        wanted = list(dict.fromkeys(keys))
        by_key: dict[str, tuple[int, str, str]] = {}
        trashed: list[str] = []
        for row in rows_in(store, "select id, key, csl, trashed_at from works where key in ({ids})", wanted):
            by_key[row[1]] = row[:3]
            if row[3]:
                trashed.append(row[1])
        if trashed:
            raise NotInLibrary(
                f"in the trash: {', '.join(trashed[:10])}; 'vexascite restore KEY' brings a work back"
            )
        missing = [key for key in wanted if key not in by_key]
        sql = (  # keys the works were also known by
            "select key_aliases.alias, works.id, works.key, works.csl from key_aliases "
            "join works on works.id = key_aliases.work_id where key_aliases.alias in ({ids})"
        )
        for alias, *row in rows_in(store, sql, missing):
            by_key[alias] = tuple(row)
        missing = [key for key in wanted if key not in by_key]
        if missing:
            shown = ", ".join(missing[:10]) + (
                f" and {len(missing) - 10} more" if len(missing) > 10 else ""
            )
            raise NotInLibrary(
                f"no work with key {shown} in the library; 'vexascite list' shows the keys"
            )
        rows = list({by_key[key][0]: by_key[key] for key in wanted}.values())  # each work once
    extras = (
        bibtex_extras(store, None if keys is None else [row[0] for row in rows], skip_fields)
        if with_bibtex
        else {}
    )
    for work_id, key, csl in rows:
        yield {"id": work_id, "key": key, "csl": json.loads(csl), "bibtex": extras.get(work_id)}


def keys_of_work_ids(store: Store, work_ids: Iterable[int]) -> list[str]:
    """Library keys for work ids, in the order given (ids no longer in the library, or in
    its trash, are skipped)."""
    ids = list(dict.fromkeys(work_ids))
    keys: dict[int, str] = dict(rows_in(store, "select id, key from works where id in ({ids}) and trashed_at is null", ids))
    return [keys[i] for i in ids if i in keys]
