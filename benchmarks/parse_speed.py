"""Reference strings parsed per second on one core, next to refextract when it is installed.

    .venv/bin/python benchmarks/parse_speed.py [--repeat 2] [--limit N]

The strings are the raw references of the seeds and the PLOS, AnyStyle and GROBID sets
(about 7,000, mixed styles). Parsing is single-threaded in this process. refextract
(``pip install refextract``) is the one Python alternative; when it can be imported it
parses the same strings in the same run and the ratio is printed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evalsets import load  # noqa: E402

from vexascite.refstring import parse_reference  # noqa: E402
from vexascite.refstring.clean import clean_reference  # noqa: E402
from vexascite.refstring.rules import parse_biomedical  # noqa: E402


def _rate(func, strings: list[str], repeat: int) -> tuple[float, float]:
    """References per second of CPU time (this process, one thread) and of wall time.

    CPU time is the per-core figure even when other processes share the machine.
    """
    best_cpu = best_wall = float("inf")
    for _ in range(repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        for text in strings:
            func(text)
        best_cpu = min(best_cpu, time.process_time() - cpu)
        best_wall = min(best_wall, time.perf_counter() - wall)
    return len(strings) / best_cpu, len(strings) / best_wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2, help="Best of this many passes.")
    parser.add_argument("--limit", type=int, default=None, help="Use only the first N strings.")
    args = parser.parse_args()
    strings = [
        r["raw"]
        for name in ("seeds", "plos_jats", "anystyle_gold", "grobid_citation")
        for r in load(name)
    ]
    strings = strings[: args.limit] if args.limit else strings
    parse_reference(strings[0])  # load the model outside the timing
    by_rules = sum(1 for s in strings if parse_biomedical(clean_reference(s).text, []) is not None)
    rate, wall = _rate(parse_reference, strings, args.repeat)
    print(
        f"{len(strings)} strings, {by_rules} read by the biomedical rules, the rest by the tagger"
    )
    print(
        f"vexascite parse_reference: {rate:,.0f} references per CPU second on one core ({wall:,.0f}/s wall clock)"
    )
    try:
        from refextract import extract_references_from_string
    except ImportError:
        print("refextract: not installed (pip install refextract to compare)")
        return
    sample = strings[: min(len(strings), 1000)]
    other, _ = _rate(
        lambda s: extract_references_from_string(s, is_only_references=True), sample, 1
    )
    print(
        f"refextract extract_references_from_string: {other:,.0f} references per CPU second ({len(sample)} strings)"
    )
    print(f"ratio vexascite/refextract: {rate / other:.1f}x")


if __name__ == "__main__":
    main()
