"""Importing a long reference list and a long one-reference-a-line file: every entry, in linear time.

Builds, from the eval reference strings, a document with a numbered list (``References``
then ``1. ...``, ``2. ...``, numbers past 9999 included) and a file of one reference per
line, at 2,500 and 20,000 entries, and runs ``vexascite import`` (the list) and
``vexascite import --lines`` (the lines file) as a user does, one fresh process and
library each, beside ``vexascite parse --lines`` of the same lines (no library: what
storing costs on top). Prints seconds, references imported, and the 20,000 / 2,500 ratio
(8.0 is linear). A third document holds the same strings with no numbers, wrapped flush at 72
characters as PDF text leaves them (the cut rests on the words alone there): its count is
reported, and a count under 95% of the entries (a list read as a few huge entries) fails.

    .venv/bin/python benchmarks/list_scale.py [--small 2500] [--large 20000]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from docgen import load_strings  # noqa: E402

VEXASCITE = str(Path(sys.executable).parent / "vexascite")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(args: list[str]) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Wall seconds, CPU seconds (the process and its children) and the result of one run."""
    start, cpu = time.perf_counter(), _children_cpu()
    result = subprocess.run(args, capture_output=True, text=True)
    return time.perf_counter() - start, _children_cpu() - cpu, result


def imported(result: subprocess.CompletedProcess[str]) -> int:
    report = json.loads(result.stdout)
    return sum(item["references"] for item in report)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=2500)
    parser.add_argument("--large", type=int, default=20000)
    args = parser.parse_args()
    strings = [" ".join(s.split()) for s in load_strings()]
    if not strings:
        print("no eval strings found (../shared/eval); nothing measured")
        return 1
    rows: dict[str, dict[int, tuple[float, float, int]]] = {
        "import (numbered list)": {},
        "import (wrapped, unnumbered)": {},
        "import --lines": {},
        "parse --lines (no library)": {},
    }
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for size in (args.small, args.large):
            entries = [strings[i % len(strings)] for i in range(size)]
            listed = Path(tmp) / f"list{size}.txt"
            listed.write_text(
                "References\n\n" + "".join(f"{n}. {e}\n" for n, e in enumerate(entries, start=1)),
                encoding="utf-8",
            )
            lines = Path(tmp) / f"lines{size}.txt"
            lines.write_text("".join(e + "\n" for e in entries), encoding="utf-8")
            wall, cpu, result = timed(
                [VEXASCITE, "--db", f"{tmp}/a{size}.db", "import", "--json", str(listed)]
            )
            rows["import (numbered list)"][size] = (wall, cpu, imported(result))
            wrapped = Path(tmp) / f"wrapped{size}.txt"
            wrapped.write_text(
                "References\n\n" + "".join(line + "\n" for e in entries for line in textwrap.wrap(e, 72)),
                encoding="utf-8",
            )
            wall, cpu, result = timed(
                [VEXASCITE, "--db", f"{tmp}/w{size}.db", "import", "--json", str(wrapped)]
            )
            rows["import (wrapped, unnumbered)"][size] = (wall, cpu, imported(result))
            wall, cpu, result = timed(
                [VEXASCITE, "--db", f"{tmp}/b{size}.db", "import", "--json", "--lines", str(lines)]
            )
            rows["import --lines"][size] = (wall, cpu, imported(result))
            wall, cpu, result = timed([VEXASCITE, "parse", "--lines", str(lines)])
            rows["parse --lines (no library)"][size] = (wall, cpu, len(result.stdout.splitlines()))
    print(
        f"wall / CPU seconds of one process each; ratio {args.large} / {args.small} entries (linear = {args.large / args.small:.1f})"
    )
    print(
        f"{'':28s} {args.small:>6d}: wall    CPU   refs {args.large:>6d}: wall    CPU   refs  ratio wall  CPU"
    )
    for name, by_size in rows.items():
        (small_w, small_c, small_n), (large_w, large_c, large_n) = (
            by_size[args.small],
            by_size[args.large],
        )
        print(
            f"{name:28s} {small_w:13.1f} {small_c:6.1f} {small_n:6d} {large_w:13.1f} {large_c:6.1f} {large_n:6d}"
            f"  {large_w / small_w:10.1f} {large_c / small_c:4.1f}"
        )
        if name.startswith("import (wrapped"):
            # Cut on words alone: a count near the entries' is the measure; far under it is a list lost.
            if min(small_n / args.small, large_n / args.large) < 0.95:
                print(f"  {name}: fewer than 95% of the entries found ({small_n}, {large_n})")
                failed = True
        elif (small_n, large_n) != (args.small, args.large):
            print(
                f"  {name}: expected {args.small} and {args.large} references, got {small_n} and {large_n}"
            )
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
