"""``vexascite format`` on 1,000 to 30,000 works, whole process, side by side with
citeproc-py called directly on the same items.

The library is built by importing generated CSL-JSON works (``cslgen.py``: two authors,
a journal, a year, pages, a third with a DOI, titles with inline markup). Timed: the
whole ``vexascite --db LIB format -o /dev/null`` process (start-up, reading the works,
formatting, writing), against a whole Python process that reads the same CSL-JSON file
and runs citeproc-py as its documentation shows (``CiteProcJSON``, register each item,
``bibliography()``) with the same independent style file. Prints wall and CPU seconds
(on a shared machine CPU is what the code costs), seconds per 1,000 works (flat when
the run is linear) and the ratio.

    .venv/bin/python benchmarks/format_speed.py [--works 1000,5000,30000] [--style vancouver] [--repeat 1]
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
from cslgen import generate_works  # noqa: E402
from timing import CPU, best_of  # noqa: E402

from vexascite.api import import_paths  # noqa: E402
from vexascite.config import load_settings  # noqa: E402
from vexascite.exporters.formatted import style_path  # noqa: E402

#: The obvious alternative: citeproc-py as its README uses it, on the CSL-JSON file.
DIRECT = """
import json, sys, warnings
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
warnings.simplefilter("ignore")
items = json.load(open(sys.argv[1], encoding="utf-8"))
style = CitationStylesStyle(sys.argv[2], validate=False)
bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
for item in items:
    bibliography.register(Citation([CitationItem(item["id"])]))
bibliography.sort()
with open(sys.argv[3], "w", encoding="utf-8") as out:
    for entry in bibliography.bibliography():
        out.write(str(entry) + "\\n")
"""


def run(args: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=3600)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr[-2000:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--works", default="1000,5000,30000", help="library sizes, comma-separated")
    parser.add_argument("--style", default="vancouver")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--no-direct", action="store_true", help="time vexascite alone")
    args = parser.parse_args()
    style = str(style_path(args.style))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    print(f"style {args.style} ({Path(style).name}); whole processes, best of {args.repeat}")
    print(f"{'works':>7}  {'vexascite s (CPU)':>18}  {'per 1k':>7}  {'citeproc-py direct s (CPU)':>27}  {'per 1k':>7}  ratio")
    for n in (int(x) for x in args.works.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "works.json"
            source.write_text(json.dumps(generate_works(n)), encoding="utf-8")
            db = str(Path(tmp) / "library.db")
            settings = load_settings(Path(tmp) / "none.toml", environ={}, db=db)
            import_paths(settings, [source])
            env["VEXASCITE_CONFIG"] = str(Path(tmp) / "none.toml")
            ours, _ = best_of(args.repeat, lambda db=db: run(
                [sys.executable, "-m", "vexascite", "--db", db, "format", "--style", style, "-o", os.devnull], env), "ours")
            line = f"{n:>7}  {ours:>9.1f} ({CPU['ours']:>6.1f})  {ours / n * 1000:>7.2f}"
            if args.no_direct:
                print(line, flush=True)
                continue
            script = Path(tmp) / "direct.py"
            script.write_text(DIRECT, encoding="utf-8")
            direct, _ = best_of(args.repeat, lambda script=script, source=source: run(
                [sys.executable, str(script), str(source), style, os.devnull], env), "direct")
            print(f"{line}  {direct:>18.1f} ({CPU['direct']:>6.1f})  {direct / n * 1000:>7.2f}  "
                  f"{CPU['direct'] / CPU['ours']:.2f}x CPU, {direct / ours:.2f}x wall", flush=True)


if __name__ == "__main__":
    started = time.perf_counter()
    main()
    print(f"total {time.perf_counter() - started:.0f} s")
