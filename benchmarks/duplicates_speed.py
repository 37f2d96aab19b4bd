"""`vexascite duplicates` on generated libraries of 1,000 to 50,000 works (100,000 with
``--works``), as a user runs it (a whole process), beside the same command scoring every
pair of titles (the same rule without blocking) and beside the command as it was: the ten
titles most alike by WRatio chosen for each title by ``process.cdist`` over all titles,
each pair of those scored.

The library: ``bibgen.py``'s entries (titles from a small vocabulary, 15 first authors, 36
years: a hard case for blocking by author and year), one in fifty of them without authors,
and one in ten of them again under another key and without a DOI, its title changed (a word
dropped, two swapped, one misspelt, the case or punctuation changed) and its year sometimes
one off. Blocked and exhaustive must print the same pairs (exit 1 if not); what the old
command printed is compared too (pairs it lost, pairs only it listed). Wall and CPU time
(all threads) of each process, best of N, and their ratios; the old and the exhaustive
commands grow with the square of the library and run up to ``--old-up-to`` and
``--exhaustive-up-to`` works. The library keeps the pairs it found until a work changes: each
command is timed with none kept (dropped before each run), and ``duplicates`` again with
them kept, as a second ask (or the web page's next page) meets it; and the web page's second
page as the app gets it (``api.duplicates_page``, in this process), pairs found and kept.

    .venv/bin/python benchmarks/duplicates_speed.py [--works 1000,10000,50000] [--repeat 1]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bibgen import generate  # noqa: E402
from timing import CPU, best_of  # noqa: E402

from vexascite.api import duplicates_page  # noqa: E402
from vexascite.config import load_settings  # noqa: E402

VEXASCITE = str(Path(sys.executable).with_name("vexascite"))

#: The command scoring every pair of titles of a length that can reach the threshold.
EXHAUSTIVE = """
import sys
from vexascite.match import near
near.blocked_candidates = near.all_candidates
from vexascite.cli import main
sys.argv = ["vexascite", "duplicates", "--json"]
main()
"""

#: The command as it was: each title's ten most alike by WRatio (cdist over all titles in
#: blocks of rows, each pair once), then those pairs scored; no cap but the ten.
OLD = """
import sys
import numpy as np
from rapidfuzz import fuzz, process
from vexascite.match import near

def old_candidates(found, threshold):
    titles = [e.compared for e in found]
    cutoff = max(threshold - 15, 0.0)
    limit = 10
    distinct, works_of = {}, []
    for i, title in enumerate(titles):
        u = distinct.setdefault(title, len(distinct))
        if u == len(works_of):
            works_of.append([])
        works_of[u].append(i)
    unique = list(distinct)
    first = np.array([w[0] for w in works_of], dtype=np.int64)
    rows = cols = np.empty(0, dtype=np.int64)
    kept = np.empty(0, dtype=np.float64)
    block = max(16, min(4_000_000 // max(1, len(unique)), len(unique) // 16))
    for start in range(0, len(unique), block):
        stop = min(start + block, len(unique))
        scores = process.cdist(unique[start:stop], unique[start:], scorer=fuzz.WRatio, score_cutoff=cutoff,
                               dtype=np.float64, workers=-1)
        r, c = np.nonzero(scores >= cutoff)
        s = scores[r, c]
        r, c = r + start, c + start
        upper = c >= r
        r, c, s = r[upper], c[upper], s[upper]
        mirror = c > r
        rows = np.concatenate([rows, r, c[mirror]])
        cols = np.concatenate([cols, c, r[mirror]])
        kept = np.concatenate([kept, s, s[mirror]])
        order = np.lexsort((first[cols], -kept, rows))
        rows, cols, kept = rows[order], cols[order], kept[order]
        starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
        rank = np.arange(len(rows)) - np.repeat(starts, np.diff(np.r_[starts, len(rows)]))
        best = rank < limit
        rows, cols, kept = rows[best], cols[best], kept[best]
    pairs = set()
    edges = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1], True]) if len(rows) else np.array([0])
    for a, b in zip(edges[:-1].tolist(), edges[1:].tolist()):
        u = int(rows[a])
        candidates = sorted((-score, j) for v, score in zip(cols[a:b].tolist(), kept[a:b].tolist())
                            for j in works_of[v][:limit])
        chosen = [j for _, j in candidates[:limit]]
        for i in works_of[u]:
            pairs.update((found[i].index, found[j].index) for j in chosen if j > i)
    return pairs

near.blocked_candidates = old_candidates
near.best_of_each = sorted
from vexascite.cli import main
sys.argv = ["vexascite", "duplicates", "--json"]
main()
"""

ENTRY = re.compile(r"@article\{key\d+,\n  author = \{(?P<author>[^\n]*)\},\n  title = \{(?P<title>[^\n]*)\},\n"
                   r"  journal = (?P<journal>\w+),\n  year = (?P<year>\d+),")


def near_copy(title: str, rng: random.Random) -> str:
    """The title as another source might give it: one small change (plain words only, so
    braces and markup stay whole)."""
    words = title.split()
    plain = [k for k, word in enumerate(words) if word.isalpha()]
    change = rng.choice(["drop", "swap", "typo", "case", "punctuation"])
    if change == "case":
        return title.upper()
    if change == "punctuation" or len(plain) < 2:
        return title + "."
    k, j = rng.sample(plain, 2)
    if change == "drop" and len(words) > 3:
        del words[k]
    elif change == "swap":
        words[k], words[j] = words[j], words[k]
    elif len(words[k]) > 3:  # a typo: the last two letters the other way round
        words[k] = words[k][:-2] + words[k][-1] + words[k][-2]
    else:
        words[k] += "s"
    return " ".join(words)


def library_bib(works: int, seed: int = 7) -> str:
    """``works`` entries: nine in ten from bibgen, one in ten a changed copy of one of them."""
    copies = works // 10
    text = generate(works - copies, seed=seed)
    entries = list(ENTRY.finditer(text))
    rng = random.Random(seed)
    extra = []
    for n, found in enumerate(rng.sample(entries, min(copies, len(entries)))):
        year = int(found["year"]) + rng.choice([0, 0, 0, 1])
        extra.append(f"@article{{near{n},\n  author = {{{found['author']}}},\n"
                     f"  title = {{{near_copy(found['title'], rng)}}},\n  journal = {found['journal']},\n"
                     f"  year = {year}\n}}\n")
    # one in fifty without authors (web pages, anonymous editorials): compared with every work of a near year
    text = re.sub(r"(@article\{key\d*[05]0,\n)  author = \{[^\n]*\},\n", r"\1", text)
    return text + "\n" + "\n".join(extra)


def pairs_of(output: str) -> set[tuple[str, str, float]]:
    return {(p["a"], p["b"], p["score"]) for p in json.loads(output)}


def measure(works: int, repeat: int, old_up_to: int, exhaustive_up_to: int) -> bool:
    """One library of ``works`` entries: the three commands, their times and pairs."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "VEXASCITE_DB": str(Path(tmp) / "library.db")}
        bib = Path(tmp) / "near.bib"
        bib.write_text(library_bib(works), encoding="utf-8")
        subprocess.run([VEXASCITE, "import", str(bib)], env=env, capture_output=True, check=True)
        stats = json.loads(subprocess.run([VEXASCITE, "stats", "--json"], env=env, capture_output=True,
                                          text=True, check=True).stdout)
        print(f"library: {stats.get('works')} works from {works} entries; "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")

        def run(command: list[str]) -> str:
            return subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout

        def forget() -> None:  # the pairs kept by the run before: each command here finds them itself
            with contextlib.closing(sqlite3.connect(env["VEXASCITE_DB"])) as conn, conn:
                conn.execute("delete from kept_results")

        new_wall, new_out = best_of(repeat, lambda: run([VEXASCITE, "duplicates", "--json"]), "new", forget)
        new = pairs_of(new_out)
        print(f"  {'':46} {'wall s':>8} {'CPU s':>8} {'pairs':>6} {'wall ratio':>10} {'CPU ratio':>10}")
        print(f"  {'blocked (vexascite duplicates --json)':46} {new_wall:8.2f} {CPU['new']:8.2f} {len(new):6}")
        kept_wall, kept_out = best_of(repeat, lambda: run([VEXASCITE, "duplicates", "--json"]), "kept")
        same = pairs_of(kept_out) == new
        print(f"  {'asked again: the pairs kept, no work changed':46} {kept_wall:8.2f} {CPU['kept']:8.2f} "
              f"{len(pairs_of(kept_out)):6} {kept_wall / new_wall:9.2f}x {CPU['kept'] / CPU['new']:9.2f}x")
        print(f"  {'':46} kept and found: the same pairs and scores: {'yes' if same else 'NO'}")
        settings = load_settings(Path(tmp) / "none.toml", {}, db=env["VEXASCITE_DB"])
        page_found, _ = best_of(repeat, lambda: duplicates_page(settings, 2), "page found", forget)
        page_kept, _ = best_of(repeat, lambda: duplicates_page(settings, 2), "page kept")
        print(f"  {'web page 2 in process, pairs found':46} {page_found:8.2f} {CPU['page found']:8.2f}")
        print(f"  {'web page 2 in process, pairs kept':46} {page_kept:8.2f} {CPU['page kept']:8.2f} {'':6} "
              f"{page_kept / page_found:9.2f}x {CPU['page kept'] / CPU['page found']:9.2f}x")
        for name, script, up_to in (("every pair scored (same rule)", EXHAUSTIVE, exhaustive_up_to),
                                    ("old: ten WRatio candidates per title", OLD, old_up_to)):
            if works > up_to:
                print(f"  {name:46} {'not run (over ' + format(up_to, ',') + ' works)':>30}")
                continue
            wall, out = best_of(repeat, lambda script=script: run([sys.executable, "-c", script]), name, forget)
            found = pairs_of(out)
            print(f"  {name:46} {wall:8.2f} {CPU[name]:8.2f} {len(found):6} {wall / new_wall:9.1f}x {CPU[name] / CPU['new']:9.1f}x")
            if script is EXHAUSTIVE:
                same = found == new and same
                print(f"  {'':46} blocked and every pair: the same pairs and scores: {'yes' if same else 'NO'}")
            else:
                print(f"  {'':46} pairs the old command lost: {len(new - found)}; listed only by it: {len(found - new)}")
        return same


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--works", default="1000,10000,50000", help="library sizes, comma-separated")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--old-up-to", type=int, default=10000, help="run the old command up to this many works")
    parser.add_argument("--exhaustive-up-to", type=int, default=50000,
                        help="run the command scoring every pair up to this many works")
    args = parser.parse_args()
    ok = True
    for works in (int(w) for w in args.works.split(",")):
        ok = measure(works, args.repeat, args.old_up_to, args.exhaustive_up_to) and ok
        print()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
