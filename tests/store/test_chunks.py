"""Queries over more values than one statement may bind run a chunk at a time."""

from __future__ import annotations

from vexascite.batches import chunked
from vexascite.store import Store
from vexascite.store.chunks import CHUNK, dicts_in, execute_in, rows_in


def test_values_beyond_one_chunk_are_all_asked_about(tmp_path):
    store = Store.open(tmp_path / "l.db")
    store.db.execute("create table t (id integer primary key, name text)")
    store.db.conn.executemany("insert into t values (?, ?)", [(i, f"n{i}") for i in range(1, 2 * CHUNK + 11)])
    wanted = list(range(5, 2 * CHUNK + 9))
    assert len(list(chunked(wanted, CHUNK))) == 3
    assert [row[0] for row in rows_in(store, "select id from t where id in ({ids}) order by id", wanted)] == wanted
    rows = list(dicts_in(store, "select id, name from t where name != ? and id in ({ids})", wanted, ["n5"]))
    assert len(rows) == len(wanted) - 1 and rows[0] == {"id": 6, "name": "n6"}
    assert execute_in(store, "delete from t where id in ({ids})", wanted) == len(wanted)
    assert store.db.execute("select count(*) from t").fetchone()[0] == 2 * CHUNK + 10 - len(wanted)
    assert list(rows_in(store, "select id from t where id in ({ids})", [])) == []
    store.close()
