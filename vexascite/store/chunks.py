"""Queries over many values at once: SQLite's ``in (...)`` list, 500 values at a time.

SQLite bounds the number of ``?`` in one statement (999 in older builds), so a query
about a whole import's works is run once per chunk of values.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ..batches import chunked

if TYPE_CHECKING:
    from . import Store

#: Values per statement: well under SQLite's bound on parameters.
CHUNK = 500

def marks(count: int) -> str:
    """``?, ?, ...``: the placeholders of an ``in (...)`` list of ``count`` values."""
    return ", ".join("?" * count)


def rows_in(store: Store, sql: str, values: Iterable[Any], params: Sequence[Any] = ()) -> Iterator[Any]:
    """The rows (tuples) of ``sql``, where ``{ids}`` stands for the placeholders of
    ``values``, run over ``values`` a chunk at a time; ``params`` are bound before them."""
    for chunk in chunked(list(values), CHUNK):
        yield from store.db.execute(sql.replace("{ids}", marks(len(chunk))), [*params, *chunk]).fetchall()


def dicts_in(store: Store, sql: str, values: Iterable[Any], params: Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
    """:func:`rows_in` with each row a dict by column name."""
    for chunk in chunked(list(values), CHUNK):
        yield from store.db.query(sql.replace("{ids}", marks(len(chunk))), [*params, *chunk])


def execute_in(store: Store, sql: str, values: Iterable[Any], params: Sequence[Any] = ()) -> int:
    """A write statement (``{ids}`` as in :func:`rows_in`) run over ``values`` a chunk at
    a time; the number of rows it changed."""
    return sum(
        store.db.execute(sql.replace("{ids}", marks(len(chunk))), [*params, *chunk]).rowcount
        for chunk in chunked(list(values), CHUNK)
    )
