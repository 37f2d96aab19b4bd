"""Work in batches: a list cut into slices of a bounded size (pure).

Services take so many identifiers per request and SQLite binds so many values per
statement; both cut their lists the same way, here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

T = TypeVar("T")


def chunked(values: list[T], size: int) -> Iterator[list[T]]:
    """``values`` in consecutive slices of at most ``size`` (none for an empty list)."""
    for start in range(0, len(values), size):
        yield values[start : start + size]
