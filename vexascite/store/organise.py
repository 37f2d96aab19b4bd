"""Tags, collections, notes and the trash: what the user keeps about works (SQLite).

Collections nest (``parent_id``) and are named by their path, ``Reviews/JAK``: a
collection's name is unique among its siblings. A work in the trash (``trashed_at``)
keeps every row that points at it until the trash is emptied.
"""

from __future__ import annotations

import json
import string
from collections.abc import Iterable
from typing import Any

from ..errors import NotInLibrary, UsageError
from ..query import Clause, Query
from . import Store, expand_provenance, now
from .chunks import dicts_in, execute_in, marks, rows_in
from .fts import phrase
from .pk import inserted_id

#: Separates the levels of a collection path.
SEP = "/"


# -- tags -------------------------------------------------------------------------------
# One rule for tags: names match whatever their case (``JAK`` is ``jak``), and a tag keeps
# the spelling it was first given in the library; adding, removing, filtering and checking
# that a tag exists all follow it (through :func:`tag_spelling` and ``collate nocase``).
def tag_spelling(store: Store, tag: str) -> str:
    """The spelling ``tag`` already has in the library (first given; works in the trash
    count), else ``tag`` as written."""
    row = store.db.execute(
        "select tag from tags where tag = ? collate nocase order by tagged_at, rowid limit 1", [tag]
    ).fetchone()
    return str(row[0]) if row else tag


#: SQLite's ``nocase`` folds ASCII letters only: the same rule where tags are compared in Python.
_NOCASE = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def nocase(tag: str) -> str:
    """``tag`` as ``collate nocase`` compares it."""
    return tag.translate(_NOCASE)


def tag_spellings(store: Store) -> dict[str, str]:
    """Every tag's first spelling (works in the trash count), by :func:`nocase`: one read for
    a command that adds many tags, where asking :func:`tag_spelling` for each would read the
    table once a tag."""
    spellings: dict[str, str] = {}
    for (tag,) in store.db.execute("select tag from tags order by tagged_at, rowid").fetchall():
        spellings.setdefault(nocase(tag), tag)
    return spellings


def add_tag(store: Store, work_id: int, tag: str) -> bool:
    """Tag a work (in the tag's first spelling); False when it already had the tag, in any case."""
    return change_tags(store, work_id, [tag], [], {nocase(tag): tag_spelling(store, tag)})[0] == [True]


def remove_tag(store: Store, work_id: int, tag: str) -> bool:
    """Take a tag off a work, whatever the case it is written in; False when it had none."""
    return change_tags(store, work_id, [], [tag], {})[1] == [True]


def change_tags(
    store: Store, work_id: int, add: list[str], remove: list[str], spellings: dict[str, str]
) -> tuple[list[bool], list[bool]]:
    """Add tags to a work (each in its first spelling, from ``spellings`` (:func:`tag_spellings`),
    kept up to date here) and take tags off it, whatever their case; for each, whether it changed
    anything. The work's tags are read once, so a command with thousands of tags stays linear."""
    had: dict[str, list[str]] = {}  # (a library from before the one rule may hold one tag in two cases)
    for (tag,) in store.db.execute("select tag from tags where work_id = ?", [work_id]).fetchall():
        had.setdefault(nocase(tag), []).append(tag)
    added, rows = [], []
    stamp = now()
    for tag in add:
        folded = nocase(tag)
        added.append(folded not in had)
        if folded not in had:
            had[folded] = [spellings.setdefault(folded, tag)]
            rows.append((work_id, had[folded][0], stamp))
    store.db.conn.executemany("insert into tags (work_id, tag, tagged_at) values (?, ?, ?)", rows)
    removed: list[bool] = []
    gone: list[tuple[int, str]] = []
    for tag in remove:
        stored = had.pop(nocase(tag), [])
        removed.append(bool(stored))
        gone.extend((work_id, spelling) for spelling in stored)
    store.db.conn.executemany("delete from tags where work_id = ? and tag = ?", gone)
    return added, removed


def tags_of(store: Store, work_ids: Iterable[int]) -> dict[int, list[str]]:
    return _grouped(store, "select work_id, tag from tags where work_id in ({ids}) order by tag collate nocase", work_ids)


def tag_exists(store: Store, tag: str) -> bool:
    """Whether any work (in the trash too) carries ``tag``, in any case (tags exist only on works)."""
    return store.db.execute("select 1 from tags where tag = ? collate nocase limit 1", [tag]).fetchone() is not None


def all_tags(store: Store) -> list[dict[str, Any]]:
    """Every tag (in its first spelling) with how many works (not in the trash) carry it."""
    sql = (
        "select min(tag) as tag, count(distinct work_id) as works from tags join works on works.id = tags.work_id "
        "where works.trashed_at is null group by tag collate nocase order by tag collate nocase"
    )
    spellings = tag_spellings(store)
    return [{"tag": spellings.get(nocase(row["tag"]), row["tag"]), "works": row["works"]} for row in store.db.query(sql)]


def _grouped(store: Store, sql: str, work_ids: Iterable[int]) -> dict[int, list[Any]]:
    ids = list(dict.fromkeys(work_ids))
    out: dict[int, list[Any]] = {work_id: [] for work_id in ids}
    for work_id, value in rows_in(store, sql, ids):
        out[work_id].append(value)
    return out


# -- collections --------------------------------------------------------------------------
def split_path(path: str) -> list[str]:
    """``Reviews/JAK`` -> ``["Reviews", "JAK"]``; empty levels are a usage error."""
    parts = [part.strip() for part in path.split(SEP)]
    if not path.strip() or any(not part for part in parts):
        raise UsageError(f"{path!r} is not a collection name: use names like 'Reviews' or 'Reviews/JAK'")
    return parts


def _child(store: Store, parent_id: int | None, name: str) -> int | None:
    row = store.db.execute(
        "select id from collections where ifnull(parent_id, 0) = ? and name = ?", [parent_id or 0, name]
    ).fetchone()
    return int(row[0]) if row else None


def collection_id(store: Store, path: str) -> int:
    """The id of the collection at ``path``, or :class:`NotInLibrary`."""
    parent: int | None = None
    for name in split_path(path):
        parent = _child(store, parent, name)
        if parent is None:
            raise NotInLibrary(f"no collection {path!r}; 'vexascite collection list' shows them")
    assert parent is not None
    return parent


def create_collection(store: Store, path: str) -> tuple[int, list[str]]:
    """Create the collection at ``path`` and any missing parents; returns its id and
    the paths created (empty when it existed)."""
    parent: int | None = None
    created: list[str] = []
    parts = split_path(path)
    for depth, name in enumerate(parts):
        found = _child(store, parent, name)
        if found is None:
            found = inserted_id(
                store.db.table("collections").insert({"parent_id": parent, "name": name, "created_at": now()}).last_pk
            )
            created.append(SEP.join(parts[: depth + 1]))
        parent = found
    assert parent is not None
    return parent, created


def collection_path(store: Store, ident: int) -> str:
    names = []
    current: int | None = ident
    while current is not None:
        row = store.db.execute("select parent_id, name from collections where id = ?", [current]).fetchone()
        names.append(row[1])
        current = row[0]
    return SEP.join(reversed(names))


def subtree(store: Store, ident: int) -> list[int]:
    """A collection and every collection nested in it, at any depth."""
    sql = (
        "with recursive tree(id) as (select ? union select collections.id from collections "
        "join tree on collections.parent_id = tree.id) select id from tree"
    )
    return [int(row[0]) for row in store.db.execute(sql, [ident]).fetchall()]


def rename_collection(store: Store, path: str, new_path: str) -> None:
    """Rename or move a collection (with everything in it) to ``new_path``; the new
    parent is created when missing."""
    ident = collection_id(store, path)
    parts = split_path(new_path)
    parent = None
    if len(parts) > 1:
        parent, _ = create_collection(store, SEP.join(parts[:-1]))
        if parent in subtree(store, ident):
            raise UsageError(f"cannot move {path!r} into itself ({new_path!r})")
    existing = _child(store, parent, parts[-1])
    if existing is not None and existing != ident:
        raise UsageError(f"a collection {new_path!r} already exists")
    store.db.execute("update collections set parent_id = ?, name = ? where id = ?", [parent, parts[-1], ident])


def delete_collection(store: Store, path: str) -> tuple[int, int]:
    """Delete a collection and its sub-collections (never the works in them); returns
    (collections deleted, memberships removed)."""
    ids = subtree(store, collection_id(store, path))
    members = execute_in(store, "delete from collection_works where collection_id in ({ids})", ids)
    for ident in reversed(ids):  # children before parents
        store.db.execute("delete from collections where id = ?", [ident])
    return len(ids), members


def add_to_collection(store: Store, ident: int, work_id: int) -> bool:
    cursor = store.db.execute(
        "insert or ignore into collection_works (collection_id, work_id, added_at) values (?, ?, ?)",
        [ident, work_id, now()],
    )
    return cursor.rowcount > 0


def remove_from_collection(store: Store, ident: int, work_id: int) -> bool:
    return store.db.execute(
        "delete from collection_works where collection_id = ? and work_id = ?", [ident, work_id]
    ).rowcount > 0


def all_collections(store: Store) -> list[dict[str, Any]]:
    """Every collection by path, with its own works and those of its sub-collections
    (works in the trash not counted)."""
    rows = [dict(r) for r in store.db.query("select id, parent_id, name from collections")]
    out = []
    for row in rows:
        ids = subtree(store, row["id"])
        own, total = store.db.execute(
            "select count(distinct case when collection_works.collection_id = ? then work_id end), count(distinct work_id) "
            "from collection_works join works on works.id = collection_works.work_id "
            f"where collection_id in ({marks(len(ids))}) and works.trashed_at is null",
            [row["id"], *ids],
        ).fetchone()
        out.append({"path": collection_path(store, row["id"]), "works": own, "with_subcollections": total})
    return sorted(out, key=lambda r: r["path"].casefold())


def collections_of(store: Store, work_ids: Iterable[int]) -> dict[int, list[str]]:
    found = _grouped(store, "select work_id, collection_id from collection_works where work_id in ({ids})", work_ids)
    return {work_id: sorted(collection_path(store, c) for c in ids) for work_id, ids in found.items()}


# -- notes ------------------------------------------------------------------------------
def add_note(store: Store, work_id: int, text: str) -> tuple[int, bool]:
    """Attach a note; the same text on the work already is not added again (a command or
    a form sent twice): returns the note's id and whether it is new."""
    row = store.db.execute("select id from notes where work_id = ? and trim(text) = ? order by id", [work_id, text.strip()]).fetchone()
    if row is not None:
        return int(row[0]), False
    return inserted_id(store.db.table("notes").insert({"work_id": work_id, "text": text, "created_at": now()}).last_pk), True


def remove_note(store: Store, note_id: int) -> int:
    """Delete a note; returns the id of the work it was on."""
    row = store.db.execute("select work_id from notes where id = ?", [note_id]).fetchone()
    if row is None:
        raise NotInLibrary(f"no note {note_id}; 'vexascite note KEY' shows a work's notes")
    store.db.execute("delete from notes where id = ?", [note_id])
    return int(row[0])


def notes_of(store: Store, work_ids: Iterable[int]) -> dict[int, list[dict[str, Any]]]:
    ids = list(dict.fromkeys(work_ids))
    out: dict[int, list[dict[str, Any]]] = {work_id: [] for work_id in ids}
    for row in dicts_in(store, "select id, work_id, text, created_at from notes where work_id in ({ids}) order by id", ids):
        out[row["work_id"]].append({"id": row["id"], "text": row["text"], "created_at": row["created_at"]})
    return out


# -- trash ------------------------------------------------------------------------------
def trash_work(store: Store, work_id: int) -> bool:
    return store.db.execute(
        "update works set trashed_at = ? where id = ? and trashed_at is null", [now(), work_id]
    ).rowcount > 0


def restore_work(store: Store, work_id: int) -> bool:
    return store.db.execute(
        "update works set trashed_at = null where id = ? and trashed_at is not null", [work_id]
    ).rowcount > 0


def trashed_among(store: Store, work_ids: Iterable[int]) -> list[str]:
    """Keys of the works among ``work_ids`` that are in the trash."""
    return sorted(row[0] for row in rows_in(store, "select key from works where id in ({ids}) and trashed_at is not null", work_ids))


def trashed_works(store: Store) -> list[dict[str, Any]]:
    sql = (
        "select works.id, works.key, works.year, works.title, works.trashed_at, "
        "(select count(*) from refs where refs.work_id = works.id) as references_held, "
        "(select count(*) from citations where citations.work_id = works.id) as citations "
        "from works where trashed_at is not null order by trashed_at, key"
    )
    return [dict(row) for row in store.db.query(sql)]


def empty_trash(store: Store, only: Iterable[int] | None = None) -> dict[str, int]:
    """Delete the works in the trash for good (``only``: those of them among these ids, the
    ones a confirmation showed; the others stay and are counted as ``kept``). Their raw
    occurrences stay in the library, detached (the file they came from still names them);
    claims that cited them say the work was removed; everything else about them (records,
    edits, tags, notes) goes."""
    trashed = [int(row[0]) for row in store.db.execute("select id from works where trashed_at is not null").fetchall()]
    chosen = set(only) if only is not None else None
    ids = [i for i in trashed if chosen is None or i in chosen]
    counts = {"works": len(ids), "kept": len(trashed) - len(ids), "references_kept": 0, "citations_unlinked": 0}
    if not ids:
        return counts
    for table in store.tables_referencing_works():
        if table == "refs":
            counts["references_kept"] += execute_in(
                store, "update refs set work_id = null, message = ? where work_id in ({ids})", ids,
                ["its work was removed from the library (trash emptied)"],
            )
        elif table == "citations":
            counts["citations_unlinked"] += execute_in(
                store, "update citations set work_id = null, status = 'removed', message = ? where work_id in ({ids})", ids,
                ["the work it cited was removed from the library"],
            )
        else:
            execute_in(store, f"delete from {table} where work_id in ({{ids}})", ids)
    execute_in(store, "delete from works where id in ({ids})", ids)
    return counts


# -- search -----------------------------------------------------------------------------
_FTS_COLUMN = {"text": None, "author": "authors", "title": "title", "journal": "container"}


#: A key names its work, and so does every key it was known by (as ``show`` accepts them).
_KEY_SQL = "(works.key = ? or works.id in (select work_id from key_aliases where alias = ?))"


def _clause_sql(clause: Clause) -> tuple[str, list[Any]]:
    """SQL (over ``works``) true for the works a clause matches."""
    kind = clause.kind
    if kind in _FTS_COLUMN:
        fts = phrase(clause.words, prefix=clause.prefix, column=_FTS_COLUMN[kind])
        sql = "works.id in (select rowid from works_fts where works_fts match ?)"
        params: list[Any] = [fts]
        if kind == "text" and clause.value:  # a lone word may be a key, lone digits a PMID
            sql = f"({sql} or {_KEY_SQL} or works.pmid = ?)"
            params += [clause.value, clause.value, clause.value]
        return sql, params
    if kind == "year":
        parts, params = [], []
        if clause.low is not None:
            parts.append("works.year >= ?")
            params.append(clause.low)
        if clause.high is not None:
            parts.append("works.year <= ?")
            params.append(clause.high)
        return "(" + " and ".join(parts) + ")", params
    if kind in ("doi", "pmid", "pmcid"):
        return f"works.{kind} = ?", [clause.value]
    if kind == "key":
        return _KEY_SQL, [clause.value, clause.value]
    if kind == "tag":
        return "works.id in (select work_id from tags where tag = ? collate nocase)", [clause.value]
    if kind == "collection":
        return (
            "works.id in (select work_id from collection_works where collection_id in ("
            "with recursive tree(id) as (select id from collections where id = ? union "
            "select collections.id from collections join tree on collections.parent_id = tree.id) "
            "select id from tree))"
        ), [clause.value]
    raise ValueError(f"unknown clause kind {kind!r}")


def search_conditions(query: Query, *, trashed: bool = False) -> tuple[list[str], list[Any]]:
    """SQL conditions (over ``works``, all to hold) for the works a query finds, and their
    parameters: the one translation of a query that ``list`` and the library page share."""
    where = ["works.trashed_at is not null" if trashed else "works.trashed_at is null"]
    params: list[Any] = []
    for clause in query.clauses:
        sql, values = _clause_sql(clause)
        where.append(f"not ({sql})" if clause.negated else sql)
        params += values
    return where, params


def search_ranking(query: Query) -> tuple[str, list[Any], str | None]:
    """A join ranking works by BM25 over the words a query searches, its parameters and
    the order it gives (best first, then by key); no join and no order without words."""
    ranked = [c for c in query.clauses if not c.negated and c.kind in _FTS_COLUMN]
    if not ranked:
        return "", [], None
    rank_join = (
        "left join (select rowid, bm25(works_fts) as rank from works_fts where works_fts match ?) as ranked "
        "on ranked.rowid = works.id "
    )
    rank_params = [" OR ".join(phrase(c.words, prefix=c.prefix, column=_FTS_COLUMN[c.kind]) for c in ranked)]
    return rank_join, rank_params, "ranked.rank is null, ranked.rank, works.key"


def search(
    store: Store, query: Query, limit: int | None = None, *, trashed: bool = False
) -> list[dict[str, Any]]:
    """Works meeting every clause of ``query`` (none of a negated one), best first by
    BM25 over the words searched, then by key; ``trashed`` searches the trash instead.

    ``collection`` clauses must hold collection ids as values (see :func:`resolve_collections`).
    """
    where, params = search_conditions(query, trashed=trashed)
    rank_join, rank_params, order = search_ranking(query)
    sql = f"select works.* from works {rank_join}where {' and '.join(where)} order by {order or 'works.key'}"
    if limit is not None:
        sql += f" limit {int(limit)}"
    out = []
    for row in store.db.query(sql, [*rank_params, *params]):
        row = dict(row)
        row["csl"] = json.loads(row["csl"])
        row["provenance"] = expand_provenance(row["provenance"], row["csl"])
        out.append(row)
    return out


def resolve_collections(store: Store, query: Query) -> Query:
    """The query with each ``collection:`` path replaced by that collection's id."""
    clauses = [
        Clause("collection", value=str(collection_id(store, c.value or "")), negated=c.negated)
        if c.kind == "collection" else c
        for c in query.clauses
    ]
    return Query(query.text, clauses, list(query.problems))


def live_work_id(store: Store, key: str) -> int:
    """The id of the work with ``key`` that is not in the trash."""
    work_id = store.work_id_for_key(key)
    if store.db.execute("select trashed_at from works where id = ?", [work_id]).fetchone()[0]:
        raise NotInLibrary(f"{key} is in the trash; 'vexascite restore {key}' brings it back")
    return work_id
