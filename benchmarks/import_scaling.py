"""Does import time grow in proportion to the input? 8 times the data, whole process.

For CSL-JSON, RIS, BibTeX and MEDLINE files, and for a folder of small files imported
into a library that already holds works, times ``vexascite import`` (a fresh process,
as a user runs it) on N and on 8N items, and prints the ratio: linear is 8, the
acceptance bound 11. Side by side, the same ratio for the obvious alternative, the
format's plain parser on its own (json, rispy, bibtexparser, a line split), shows
what linear costs on this machine in this run.

    .venv/bin/python benchmarks/import_scaling.py [--scale 1.0] [--repeat 2]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import bibtexparser
import rispy

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bibgen import generate as generate_bibtex  # noqa: E402
from timing import best_of  # noqa: E402

WORDS = (
    "somatic mutations uba1 severe adult onset autoinflammatory disease vexas syndrome ruxolitinib jak "
    "inhibitors azacitidine response chondritis macrocytic anemia cohort retrospective outcomes"
).split()
LIMIT = 11.0


def _title(rng: random.Random, i: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(8)).capitalize() + f" {i}"


def csl_json(n: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    items = [
        {
            "id": f"item{i}",
            "type": "article-journal",
            "title": _title(rng, i),
            "author": [
                {"family": f"Family{rng.randrange(5000)}", "given": "A."}
                for _ in range(rng.randint(1, 5))
            ],
            "container-title": "Blood",
            "issued": {"date-parts": [[rng.randint(1990, 2025)]]},
            "volume": str(rng.randint(1, 140)),
            "page": f"{rng.randint(1, 900)}-{rng.randint(901, 999)}",
            "DOI": f"10.5555/scale.{seed}.{i}",
        }
        for i in range(n)
    ]
    return json.dumps(items, indent=2)


def ris(n: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        authors = "".join(
            f"AU  - Family{rng.randrange(5000)}, A.\n" for _ in range(rng.randint(1, 5))
        )
        out.append(
            f"TY  - JOUR\n{authors}TI  - {_title(rng, i)}\nT2  - Blood\nPY  - {rng.randint(1990, 2025)}\n"
            f"VL  - {rng.randint(1, 140)}\nSP  - {rng.randint(1, 900)}\nDO  - 10.5555/scale.{seed}.{i}\nER  - \n\n"
        )
    return "".join(out)


def medline(n: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        authors = "".join(
            f"FAU - Family{rng.randrange(5000)}, A\n" for _ in range(rng.randint(1, 5))
        )
        out.append(
            f"PMID- {90000000 + seed * 1000000 + i}\nTI  - {_title(rng, i)}.\n{authors}JT  - Blood\n"
            f"DP  - {rng.randint(1990, 2025)} Jan\nVI  - {rng.randint(1, 140)}\nPG  - {rng.randint(1, 900)}\n\n"
        )
    return "".join(out)


FORMATS: dict[str, tuple[str, Callable[[int, int], str], Callable[[str], object], int]] = {
    "csl-json": (".json", csl_json, json.loads, 4000),
    "ris": (".ris", ris, lambda text: rispy.loads(text), 3000),
    "bibtex": (
        ".bib",
        lambda n, seed: generate_bibtex(n, seed),
        lambda text: bibtexparser.parse_string(text, parse_stack=[]),
        5000,
    ),
    "medline": (
        ".nbib",
        medline,
        lambda text: [block.splitlines() for block in text.split("\n\n")],
        3000,
    ),
}


def run_import(db: Path, *paths: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "vexascite", "--db", str(db), "import", *map(str, paths)],
        check=False,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"import failed ({done.returncode}): {done.stderr[-2000:]}")


def time_file_import(folder: Path, path: Path, repeat: int) -> float:
    db = folder / "library.db"

    def fresh() -> None:
        for leftover in folder.glob("library.db*"):
            leftover.unlink()

    wall, _ = best_of(repeat, lambda: run_import(db, path), before_each=fresh)
    return wall


def ratio_line(name: str, small: float, large: float, base_small: float, base_large: float) -> str:
    ours, theirs = large / small, base_large / base_small
    verdict = "ok" if ours <= LIMIT else f"OVER {LIMIT:g}"
    return (
        f"{name:<10} N {small:7.2f} s  8N {large:7.2f} s  ratio {ours:5.1f} ({verdict})   "
        f"plain parser: N {base_small:6.2f} s  8N {base_large:6.2f} s  ratio {theirs:5.1f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every N by this")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(
            "whole process: `vexascite import` in a fresh process on N and 8N items (best of "
            f"{args.repeat}); linear is 8, acceptance at most {LIMIT:g}"
        )
        for name, (suffix, make, plain, n) in FORMATS.items():
            n = max(10, int(n * args.scale))
            times, base = [], []
            for size in (n, 8 * n):
                text = make(size, 1)
                path = folder / f"{name}-{size}{suffix}"
                path.write_text(text, encoding="utf-8")
                times.append(time_file_import(folder, path, args.repeat))
                base.append(best_of(args.repeat, lambda text=text, plain=plain: plain(text))[0])
            worst = max(worst, times[1] / times[0])
            print(ratio_line(f"{name} ({n})", *times, *base), flush=True)
        # a folder of small files into a library that already holds works
        library_works = max(100, int(5000 * args.scale))
        base_db = folder / "base.db"
        seed_file = folder / "seed.bib"
        seed_file.write_text(generate_bibtex(library_works, 7), encoding="utf-8")
        run_import(base_db, seed_file)
        files = max(2, int(12 * args.scale))
        times, base = [], []
        for count in (files, 8 * files):
            inbox = folder / f"inbox-{count}"
            inbox.mkdir()
            texts = []
            for i in range(count):
                text = ris(5, 100 + i)
                texts.append(text)
                (inbox / f"part{i}.ris").write_text(text, encoding="utf-8")
            db = folder / "folder.db"

            def copy_base(db: Path = db) -> None:
                for leftover in folder.glob("folder.db*"):
                    leftover.unlink()
                shutil.copy(base_db, db)

            times.append(
                best_of(
                    args.repeat,
                    lambda inbox=inbox, db=db: run_import(db, inbox),
                    before_each=copy_base,
                )[0]
            )
            base.append(
                best_of(args.repeat, lambda texts=texts: [rispy.loads(t) for t in texts])[0]
            )
        worst = max(worst, times[1] / times[0])
        print(ratio_line(f"folder ({files} files into {library_works} works)", *times, *base))
    print(f"worst ratio {worst:.1f} (acceptance: at most {LIMIT:g})")
    return 0 if worst <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
