"""The library's identity index and work keys, loaded once for a batch of files.

Importing a folder used to load every work's identity keys again for each file, so a
folder of small files cost time in proportion to the library for every one of them.
:class:`KnownWorks` loads them once and brings them up to date after each file from
the works that file touched. Another process's commit (seen through SQLite's
``data_version``) or a failed file makes it load everything again.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..identity import IdentityKeys
from . import IdentityIndex, Store
from .chunks import rows_in

_IDENTITY_SELECT = "select id, key, doi, pmid, pmcid, title_norm, first_author_norm, year from works"


class KnownWorks:
    """Identity index, each work's key and every key taken, as of the last file this
    process imported."""

    def __init__(self) -> None:
        self.index = IdentityIndex()
        #: every key in use: works' keys and their aliases
        self.taken: set[str] = set()
        #: each work's current key, by work id
        self.key_of: dict[int, str] = {}
        self._version: int | None = None

    def current(self, store: Store) -> KnownWorks:
        """Up to date with the library (call inside the file's write transaction)."""
        version = _data_version(store)
        if version != self._version:
            self.index, self.key_of = IdentityIndex(), {}
            self._take(store.db.execute(_IDENTITY_SELECT).fetchall())
            self.taken = store.all_keys()
            self._version = version
        return self

    def forget(self) -> None:
        """Load everything again next time (a file failed: its additions were rolled back)."""
        self._version = None

    def refresh(self, store: Store, work_ids: Iterable[int], deleted_keys: bool = False) -> None:
        """Take the stored identity keys of works a file created, matched or changed.
        ``deleted_keys``: the file may have deleted works, so reload the keys taken."""
        ids = sorted(set(work_ids))
        for work_id in ids:
            discard(self.index, work_id)
            self.key_of.pop(work_id, None)
        self._take(rows_in(store, _IDENTITY_SELECT + " where id in ({ids})", ids))
        if deleted_keys:
            self.taken = store.all_keys()

    def _take(self, rows: Iterable[tuple[int, str, str, str, str, str, str, int]]) -> None:
        index, key_of = self.index, self.key_of
        for row in rows:
            key_of[row[0]] = row[1]
            index.add(row[0], IdentityKeys(row[2], row[3], row[4], row[5], row[6], row[7]))


def discard(index: IdentityIndex, work_id: int) -> None:
    """Remove a work from an identity index."""
    for keys in index.keys.pop(work_id, []):
        for kind, value in (("doi", keys.doi), ("pmid", keys.pmid), ("pmcid", keys.pmcid), ("title", keys.title)):
            ids = index.by_value.get((kind, value)) if value else None
            if ids and work_id in ids:
                ids.remove(work_id)
                if not ids and value:
                    del index.by_value[(kind, value)]


def _data_version(store: Store) -> int:
    """Changes when another connection commits to the library (not for our own commits)."""
    return int(store.db.execute("PRAGMA data_version").fetchone()[0])
