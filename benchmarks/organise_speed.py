"""Searching and keeping an export up to date in a 10,000-work library, as a user runs them.

Every timing is a whole ``vexascite`` process (start-up included), best of N:

- ``list QUERY --json`` for a word, a prefix, a field query and a DOI, against the
  obvious alternative, a process that scans the works with SQL ``LIKE`` (no index);
- the same queries inside one process (the query alone: parse, SQL, rows), against the
  same ``LIKE`` scan;
- ``note KEY TEXT`` with no export registered, and with a whole-library BibTeX export
  registered with ``--keep-updated`` (rewritten after the change), against adding the
  note and then running ``export -o`` by hand, the alternative the user would otherwise
  have; and ``tag`` (tags are not written out: an export not selected by tag is left alone).

    .venv/bin/python benchmarks/organise_speed.py [--works 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bibgen import generate  # noqa: E402

VEXASCITE = str(Path(sys.executable).with_name("vexascite"))

LIKE_SCAN = """
import sqlite3, sys, json
db, column, needle = sys.argv[1:4]
rows = sqlite3.connect(db).execute(
    f"select key, csl from works where {column} like ? order by key", ["%" + needle + "%"]).fetchall()
print(json.dumps([{"key": k, **json.loads(c)} for k, c in rows]))
"""


def timed(repeat: int, args: list[str], env: dict[str, str], before=None) -> tuple[float, str]:
    best, out = float("inf"), ""
    for _ in range(repeat):
        if before:
            before()
        start = time.perf_counter()
        done = subprocess.run(args, env=env, capture_output=True, text=True, check=True)
        best, out = min(best, time.perf_counter() - start), done.stdout
    return best, out


def _clock(func) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--works", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "library.db")
        env = {**os.environ, "VEXASCITE_DB": db}
        bib = Path(tmp) / "gen.bib"
        bib.write_text(generate(args.works), encoding="utf-8")
        subprocess.run([VEXASCITE, "import", str(bib)], env=env, capture_output=True, check=True)
        works = json.loads(
            subprocess.run(
                [VEXASCITE, "list", "--json", "--limit", "1"],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        first = works[0]
        family = first["author"][0]["family"]
        word = next(w for w in first["title"].split() if len(w) > 6 and w.isalpha())
        doi = first.get("DOI")
        print(
            f"library: {args.works} generated entries; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs\n"
        )
        print(
            f"{'list query (whole process)':44} {'vexascite s':>11} {'LIKE scan s':>11} {'ratio':>7} {'hits':>6}"
        )
        queries = [
            (word, "title", word),
            (word[:5] + "*", "title", word[:5]),
            (f"author:{family}", "authors", family),
        ]
        if doi:
            queries.append((doi, "doi", doi.lower()))
        for query, column, needle in queries:
            ours, out = timed(args.repeat, [VEXASCITE, "list", "--json", query], env)
            theirs, _ = timed(
                args.repeat, [sys.executable, "-c", LIKE_SCAN, db, column, needle], env
            )
            print(
                f"{query[:44]:44} {ours:11.3f} {theirs:11.3f} {theirs / ours:6.2f}x {len(json.loads(out)):6}"
            )
        print(
            f"\n{'list query (in one process, query only)':44} {'vexascite s':>11} {'LIKE scan s':>11} {'ratio':>7}"
        )
        import sqlite3

        from vexascite.query import parse_query
        from vexascite.store import Store
        from vexascite.store.organise import search

        with Store.open(db, create=False) as store:
            for query, column, needle in queries:
                ours = min(
                    _clock(lambda q=query: search(store, parse_query(q)))
                    for _ in range(args.repeat)
                )
                conn = sqlite3.connect(db)
                sql = f"select key, csl from works where {column} like ? order by key"
                theirs = min(
                    _clock(
                        lambda n=needle, c=conn, q=sql: [
                            json.loads(v) for _, v in c.execute(q, ["%" + n + "%"])
                        ]
                    )
                    for _ in range(args.repeat)
                )
                print(f"{query[:44]:44} {ours:11.4f} {theirs:11.4f} {theirs / ours:6.2f}x")

        key = first["id"] if "id" in first else first["key"]
        out = str(Path(tmp) / "all.bib")
        counter = iter(range(10_000))

        def note() -> list[str]:
            return [VEXASCITE, "note", key, f"benchmark note {next(counter)}"]

        def tag() -> list[str]:
            return [VEXASCITE, "tag", key, f"+t{next(counter)}"]

        plain = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            subprocess.run(note(), env=env, capture_output=True, check=True)
            plain = min(plain, time.perf_counter() - start)
        by_hand = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            subprocess.run(note(), env=env, capture_output=True, check=True)
            subprocess.run(
                [VEXASCITE, "export", "-o", out], env=env, capture_output=True, check=True
            )
            by_hand = min(by_hand, time.perf_counter() - start)
        subprocess.run(
            [VEXASCITE, "export", "-o", out, "--keep-updated"],
            env=env,
            capture_output=True,
            check=True,
        )
        kept = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            done = subprocess.run(note(), env=env, capture_output=True, text=True, check=True)
            kept = min(kept, time.perf_counter() - start)
        assert "rewrote kept-up-to-date export" in done.stderr
        noop = float("inf")
        for _ in range(args.repeat):  # a change that leaves the export's text as it was
            start = time.perf_counter()
            subprocess.run(tag(), env=env, capture_output=True, check=True)
            noop = min(noop, time.perf_counter() - start)
        print(f"\n{'change one work (whole process)':64} {'s':>7} {'ratio':>7}")
        print(f"{'note, no export kept up to date':64} {plain:7.3f}")
        print(f"{'note + export -o by hand (the alternative)':64} {by_hand:7.3f}")
        print(
            f"{'note with a --keep-updated whole-library BibTeX export':64} {kept:7.3f} {by_hand / kept:6.2f}x"
        )
        print(f"{'tag with it (tags are not written out: nothing re-rendered)':64} {noop:7.3f}")
        print("\nratios: alternative time / vexascite time (above 1 means vexascite is faster)")


if __name__ == "__main__":
    main()
