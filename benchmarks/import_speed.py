"""Importing a 10,000-entry BibTeX file, side by side with bibtexparser and pybtex.

Prints seconds (best of N runs, all in this one process run) and ratios to
bibtexparser's raw parse of the same file, plus vexascite's peak memory (RSS of a
fresh process doing only the import).

    .venv/bin/python benchmarks/import_speed.py [--entries 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

import bibtexparser
import bibtexparser.middlewares as m

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bibgen import generate  # noqa: E402
from timing import CPU, best_of  # noqa: E402

from vexascite.api import import_paths  # noqa: E402
from vexascite.config import load_settings  # noqa: E402
from vexascite.importers.bibtex import reading_processes  # noqa: E402


def vexascite_import(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(
            Path(tmp) / "none.toml", environ={}, db=str(Path(tmp) / "library.db")
        )
        import_paths(settings, [path])


def peak_rss_mb(path: Path) -> tuple[float, float]:
    """Peak RSS of a fresh process importing ``path``, and of the largest of its reading
    processes (a large file is parsed in two or more; shared pages count in each)."""
    code = (
        "import resource, sys, tempfile\n"
        "from pathlib import Path\n"
        "from vexascite.api import import_paths\n"
        "from vexascite.config import load_settings\n"
        "tmp = tempfile.mkdtemp()\n"
        "import_paths(load_settings(Path(tmp) / 'none.toml', environ={}, db=tmp + '/l.db'), [sys.argv[1]])\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
    )
    own, child = out.stdout.strip().splitlines()[-1].split()
    return int(own) / 1024, int(child) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "generated.bib"
        path.write_text(generate(args.entries), encoding="utf-8")
        text = path.read_text(encoding="utf-8")
        print(
            f"file: {args.entries} entries (+ crossref parents), {len(text) / 2**20:.1f} MiB; best of {args.repeat}"
        )

        raw, default, ours = (
            "bibtexparser raw parse (no middleware)",
            "bibtexparser default stack (@string, enclosing)",
            "vexascite import (parse, decode, dedupe, SQLite)",
        )
        results = {
            raw: best_of(args.repeat, lambda: bibtexparser.parse_string(text, parse_stack=[]), raw)[
                0
            ],
            default: best_of(args.repeat, lambda: bibtexparser.parse_string(text), default)[0],
        }
        baseline = results[raw]
        results[ours] = best_of(args.repeat, lambda: vexascite_import(path), ours)[0]
        results["bibtexparser + LaTeX decoding + name splitting"] = best_of(
            1,
            lambda: bibtexparser.parse_string(
                text,
                append_middleware=[
                    m.LatexDecodingMiddleware(),
                    m.SeparateCoAuthors(),
                    m.SplitNameParts(),
                ],
            ),
        )[0]
        try:
            from pybtex.database import parse_string as pybtex_parse

            results["pybtex parse (no LaTeX decoding)"] = best_of(
                args.repeat, lambda: pybtex_parse(text, "bibtex")
            )[0]
        except ImportError:
            pass
        width = max(len(name) for name in results)
        for name, seconds in results.items():
            print(f"{name:<{width}}  {seconds:7.3f} s  {seconds / baseline:5.2f}x raw parse")
        print(
            f"CPU time of the best runs (all processes): bibtexparser raw parse {CPU[raw]:.2f} s, "
            f"vexascite import {CPU[ours]:.2f} s ({CPU[ours] / CPU[raw]:.1f}x; "
            f"the import parses in {reading_processes()} other processes while it stores)"
        )
        own, child = peak_rss_mb(path)
        readers = reading_processes()
        print(
            f"vexascite import peak memory (RSS, fresh process): {own:.0f} MB, each of {readers} reading processes "
            f"at most {child:.0f} MB; together at most {own + readers * child:.0f} MB"
        )
        print(f"this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
