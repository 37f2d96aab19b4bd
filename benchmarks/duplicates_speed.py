"""`vexascite duplicates` on a generated library with near-duplicates injected, as a user
runs it (a whole process), against the same command choosing each work's candidate titles
one by one with rapidfuzz's ``process.extract`` (10 best by WRatio), as it did before.

The library: ``bibgen.py``'s entries (titles from a small vocabulary, so many are alike)
and one in ten of them again under another key and without a DOI, its title changed (a
word dropped, two swapped, one misspelt, the case or punctuation changed) and its year
sometimes one off. Both commands must print the same pairs (the script exits 1 if not);
wall and CPU time (all threads) of each process, best of N, and their ratios.

    .venv/bin/python benchmarks/duplicates_speed.py [--works 5000] [--repeat 1]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bibgen import generate  # noqa: E402
from timing import CPU, best_of  # noqa: E402

VEXASCITE = str(Path(sys.executable).with_name("vexascite"))

#: The command as it was: each work's title against every title by ``process.extract``.
ONE_BY_ONE = """
import sys
from rapidfuzz import process
from vexascite.api import library

def one_by_one(titles, cutoff):
    for i, title in enumerate(titles):
        if title:
            for _, _, j in process.extract(title, titles, limit=10, score_cutoff=cutoff):
                if j > i:
                    yield i, j

library.alike_title_pairs = one_by_one
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
    return text + "\n" + "\n".join(extra)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--works", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "VEXASCITE_DB": str(Path(tmp) / "library.db")}
        bib = Path(tmp) / "near.bib"
        bib.write_text(library_bib(args.works), encoding="utf-8")
        subprocess.run([VEXASCITE, "import", str(bib)], env=env, capture_output=True, check=True)
        stats = json.loads(subprocess.run([VEXASCITE, "stats", "--json"], env=env, capture_output=True,
                                          text=True, check=True).stdout)
        print(f"library: {stats.get('works')} works from {args.works} entries (one in ten a changed copy); "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs\n")

        def run(command: list[str]) -> str:
            return subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout

        new_wall, new_out = best_of(args.repeat, lambda: run([VEXASCITE, "duplicates", "--json"]), "new")
        old_wall, old_out = best_of(args.repeat, lambda: run([sys.executable, "-c", ONE_BY_ONE]), "old")
        new_pairs, old_pairs = json.loads(new_out), json.loads(old_out)
        print(f"{'vexascite duplicates --json (whole process)':52} {'wall s':>8} {'CPU s':>8} {'pairs':>6}")
        print(f"{'candidates one by one (process.extract)':52} {old_wall:8.2f} {CPU['old']:8.2f} {len(old_pairs):6}")
        print(f"{'candidates by cdist in row blocks (vexascite)':52} {new_wall:8.2f} {CPU['new']:8.2f} {len(new_pairs):6}")
        print(f"{'ratio (one by one / vexascite)':52} {old_wall / new_wall:7.2f}x {CPU['old'] / CPU['new']:7.2f}x")
        same = new_pairs == old_pairs
        print(f"\nthe same pairs, scores and reasons: {'yes' if same else 'NO'}")
        return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
