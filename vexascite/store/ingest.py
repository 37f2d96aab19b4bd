"""One way into the library: a record matched to its work, or a new work made, keyed
and indexed for search.

``import``, ``add`` and ``reparse`` all store works through :class:`Ingest`, so a record
finds the same work whichever command brings it. A record goes, in this order:

1. to the work an entry of an earlier read of the same file went to (same raw text,
   else same entry key), so an unchanged or edited entry keeps its work and key; or to
   the work of the same raw text earlier in this batch (a reference manager's item cited
   in two fields of a document: identical, but with no title the rule below cannot join);
2. to the first known work the duplicate rule (:func:`vexascite.identity.same_work`)
   matches, trying DOI, then PMID, PMCID and title, over the identity keys of every
   stored work and of every record of this batch, and never to a work one of whose
   records states a different identifier;
3. else to a new work, keyed by the entry's own key when it is usable and free (a
   BibTeX key, a CSL-JSON id), else from the key pattern, unique among keys and aliases.

Speed (a 10,000-entry file): the identity index and the keys taken are in memory
(:class:`~vexascite.store.known.KnownWorks`, loaded once for a batch of files); new
works and references are written in batches (:meth:`Ingest.flush`, once per part a
reader hands over), and added to the search indexes every
:data:`SEARCH_INDEX_BATCH` works; works that gained records are recomputed once, at
:meth:`Ingest.finish`. Everything runs inside the caller's transaction.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from ..citekeys import cited_key_of, is_usable_key, key_stem, own_key_of, unique_key
from ..merge import merge_records
from ..rows import PreparedRef, work_columns
from . import Store, now
from .known import KnownWorks
from .library import add_alias

__all__ = ["MERGED", "NEW", "NONE", "SAME", "SEARCH_INDEX_BATCH", "Ingest", "Outcome"]

#: New works are added to the search indexes in batches of about this many.
SEARCH_INDEX_BATCH = 2000

#: The record made a new work.
NEW = "new"
#: The record joined a work made earlier in this batch (an entry given twice).
MERGED = "merged"
#: The record joined a work the library already had.
SAME = "same"
#: The record names no work (it failed to parse, or says nothing).
NONE = "none"


class Outcome(NamedTuple):
    """Where one record went: its work, that work's key, and ``kind`` (:data:`NEW`,
    :data:`MERGED`, :data:`SAME` or :data:`NONE`)."""

    work_id: int | None
    key: str | None
    kind: str


RefRow = tuple[int | None, PreparedRef, int | None, str, int | None]


class Ingest:
    """A batch of records going into the library (one file, one ``add``, one ``reparse``).

    Create it inside a write transaction, :meth:`add` each record, :meth:`flush` when a
    part is done (the works exist then), :meth:`finish` once at the end.
    """

    def __init__(
        self, store: Store, key_pattern: str, importer_version: str, *, known: KnownWorks | None = None,
        source_id: int | None = None, earlier: dict[str, int] | None = None, path: str = "the file",
    ) -> None:
        self.store = store
        #: the file read (said in a dropped entry's message)
        self.path = path
        self.key_pattern = key_pattern
        self.importer_version = importer_version
        self.source_id = source_id
        #: where the entries of an earlier read of the same file went (``raw:``/``key:``)
        self.earlier = earlier or {}
        self.known = (known or KnownWorks()).current(store)
        #: works made by this batch
        self.created: set[int] = set()
        #: works the library had before this batch that gained records
        self.matched: set[int] = set()
        #: works an earlier read of the file pointed at (deleted if nothing holds them now)
        self.replaced: set[int] = set(self.earlier.values())
        #: keys of known works kept as aliases of them (entries that turned out to be them)
        self.aliases = 0
        #: works deleted because nothing holds them any more
        self.deleted = 0
        #: works the file no longer holds that keep their earlier entries (``dropped``): held
        #: by something else, they would have had no record
        self.kept: list[int] = []
        self._next_id = self._unindexed_from = store.next_work_id()
        self._new: dict[int, tuple[str, list[PreparedRef]]] = {}
        self._refs: list[RefRow] = []
        self._stale: set[int] = set()
        #: new works made from more than one record (their stored keys are the merge's)
        self._remade: set[int] = set()
        self._other_keys: list[tuple[int, str, str]] = []
        #: entries' own keys no work can have (``smith/2020``), each with its work's key
        self.unusable_keys: list[tuple[str, str]] = []
        #: Entry keys no manuscript can cite (a space, a control character), with the work's key: said, not kept.
        self.unkept_keys: list[tuple[str, str]] = []
        #: raw text -> work of the records of this batch
        self._by_raw: dict[str, int] = {}

    def match(self, ref: PreparedRef) -> int | None:
        """The work this record belongs to, or None (see the module's rule)."""
        if ref.keys is None:
            return None
        earlier = self.earlier
        if earlier:
            work_id = earlier.get("raw:" + ref.raw) or (earlier.get("key:" + ref.entry_key) if ref.entry_key else None)
            if work_id is not None:
                return work_id
        same = self._by_raw.get(ref.raw)
        if same is not None:
            return same
        return self.known.index.find(ref.keys)

    def add(self, ref: PreparedRef, *, list_id: int | None = None, keep_ref: bool = True) -> Outcome:
        """Send one record to its work (made if new); its reference row is written at the
        next :meth:`flush` (not with ``keep_ref=False``: a reference already stored)."""
        work_id = key = None
        kind = NONE
        keys = ref.keys
        if keys is not None:
            known = self.known
            work_id = self.match(ref)
            if work_id is None:
                work_id = self._next_id
                self._next_id += 1
                taken = known.taken
                key = _own_key(ref, taken) or unique_key(
                    ref.key_stem or key_stem(ref.fields, self.key_pattern), taken.__contains__
                )
                taken.add(key)
                known.key_of[work_id] = key
                if ref.entry_key and key != ref.entry_key.strip():  # its own key, unusable or taken: an alias
                    self._other_keys.append((work_id, ref.format, ref.entry_key))
                self._new[work_id] = (key, [ref])
                self.created.add(work_id)
                kind = NEW
            else:
                key = known.key_of.get(work_id)
                if work_id in self._new:  # a second record of a work not yet written: merged below
                    self._new[work_id][1].append(ref)
                    self._remade.add(work_id)
                else:
                    self._stale.add(work_id)
                if work_id in self.created:
                    kind = MERGED
                else:
                    kind = SAME
                    self.matched.add(work_id)
                if ref.entry_key:  # a known work under this entry's own key
                    self._other_keys.append((work_id, ref.format, ref.entry_key))
            known.index.add(work_id, keys)
            self._by_raw.setdefault(ref.raw, work_id)
        if keep_ref:
            self._refs.append((self.source_id, ref, work_id, self.importer_version, list_id))
        return Outcome(work_id, key, kind)

    def refresh_later(self, work_id: int) -> None:
        """Recompute this work at :meth:`finish` (its records changed outside the batch)."""
        self._stale.add(work_id)

    def flush(self) -> None:
        """Write the new works and references added so far (in one batch each)."""
        store = self.store
        if self._new:
            stamp = now()
            store.insert_new_works([(work_id, key, _new_work_columns(refs, stamp)) for work_id, (key, refs) in self._new.items()])
            self._new = {}
        if self._refs:
            store.insert_refs(self._refs)
            self._refs = []
        if self._next_id - self._unindexed_from >= SEARCH_INDEX_BATCH:
            self._index()

    def finish(self) -> None:
        """Write what is left, index new works, recompute works that gained or lost
        records, delete works nothing holds any more, keep entry keys as aliases."""
        self.flush()
        self._index()
        store = self.store
        # a work the new read left with no record, which something else still holds, keeps its entries
        self.kept = store.keep_dropped_refs(self.replaced - self._stale, self.path) if self.replaced else []
        for work_id in sorted(self._stale | self.replaced):
            if store.db.execute("select 1 from works where id = ?", [work_id]).fetchone() is not None:
                store.refresh_work(work_id)
        self.deleted = len(store.delete_orphan_works(self.replaced - self._stale))
        self.aliases = self._alias_other_keys()
        # a work made from one record is in the index as stored; the others are read back
        self.known.refresh(
            store, self.matched | self.replaced | self._stale | self._remade,
            deleted_keys=bool(self.deleted) or bool(self.aliases),
        )

    def _index(self) -> None:
        if self._next_id > self._unindexed_from:
            self.store.index_new_works(self._unindexed_from, self._next_id - 1)
            self._unindexed_from = self._next_id

    def _alias_other_keys(self) -> int:
        """An entry that turned out to be a known work keeps its own key as an alias of
        it, so a manuscript citing that key still finds the work."""
        key_of = self.known.key_of
        added = 0
        for work_id, fmt, entry_key in self._other_keys:
            key = cited_key_of(fmt, entry_key)  # usable as a library key or not (smith/2020): cited so
            if key is None and fmt in ("bibtex", "csl-json") and entry_key.strip() and work_id in key_of:
                self.unkept_keys.append((entry_key.strip(), key_of[work_id]))
            if key and work_id in key_of and key_of[work_id] != key:
                added += add_alias(self.store, key, work_id, "imported as")
                if not is_usable_key(key):
                    self.unusable_keys.append((key, key_of[work_id]))
        return added


def _new_work_columns(refs: list[PreparedRef], stamp: str) -> tuple[Any, ...]:
    """The columns of a work first met in this batch: as prepared when one record made it."""
    if len(refs) == 1:
        return refs[0].new_work_columns(stamp)
    merged, provenance = merge_records((ref.format, ref.fields) for ref in refs)
    return work_columns(merged, provenance, stamp)


def _own_key(ref: PreparedRef, taken: set[str]) -> str | None:
    """The entry's own key when it is usable and still free (see :func:`own_key_of`)."""
    key = own_key_of(ref.format, ref.entry_key)
    return key if key is not None and key not in taken else None
