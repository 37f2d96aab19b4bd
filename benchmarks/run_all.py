"""Run every benchmark in turn, each in its own process, and print what each prints.

    .venv/bin/python benchmarks/run_all.py [--only import,export,...]

Each script compares vexascite with the obvious alternative in the same run and prints
ratios; see benchmarks/README.md. Timings on a loaded machine are noisy: the ratios,
measured side by side, are what to read.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

BENCHMARKS = {
    "import": ["import_speed.py"],
    "cli": ["cli_speed.py"],
    "import-scaling": ["import_scaling.py"],
    "parse-accuracy": ["parse_accuracy.py", "--heldout"],
    "parse-speed": ["parse_speed.py"],
    "list-accuracy": ["list_accuracy.py"],
    "list-accuracy-alt": ["list_accuracy_alt.py", "--part", "test"],
    "list-accuracy-3": ["list_accuracy3.py", "--part", "test"],
    "list-accuracy-4": ["list_accuracy4.py", "--part", "test"],
    "list-accuracy-5": ["list_accuracy5.py", "--part", "test"],
    "list-accuracy-6": ["list_accuracy6.py", "--part", "test"],
    "list-scale": ["list_scale.py"],
    "link": ["link_speed.py"],
    "find": ["find_speed.py"],
    "suggest-accuracy": ["suggest_accuracy.py"],
    "support-check": ["support_check.py"],
    "suggest-speed": ["suggest_speed.py"],
    "export": ["export_speed.py"],
    "format": ["format_speed.py"],
    "organise": ["organise_speed.py"],
    "merge": ["merge_speed.py"],
    "duplicates": ["duplicates_speed.py"],
    "resolve-accuracy": ["resolve_glutton.py"],
    "resolve-requests": ["resolve_requests.py"],
    "web": ["web_speed.py"],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--only", default="", help="comma-separated names: " + ", ".join(BENCHMARKS)
    )
    args = parser.parse_args()
    chosen = [name for name in args.only.split(",") if name] or list(BENCHMARKS)
    failed = []
    for name in chosen:
        if name not in BENCHMARKS:
            parser.error(f"unknown benchmark {name!r}")
        if (
            name == "parse-accuracy"
            and not (HERE.parent / "build" / "parser-cv" / "fold1.crfsuite").exists()
        ):
            # held-out figures need the two cross-validation models (a few minutes to train)
            print("\n=== training the cross-validation parser models first", flush=True)
            subprocess.run(
                [sys.executable, str(HERE.parent / "scripts" / "train_parser.py"), "--cv"],
                cwd=HERE.parent,
                check=True,
            )
        command = [sys.executable, str(HERE / BENCHMARKS[name][0]), *BENCHMARKS[name][1:]]
        print(f"\n=== {name}: {' '.join(Path(c).name for c in command[1:])}", flush=True)
        start = time.perf_counter()
        result = subprocess.run(command, cwd=HERE.parent)
        print(
            f"--- {name}: {time.perf_counter() - start:.0f} s, exit {result.returncode}", flush=True
        )
        if result.returncode:
            failed.append(name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
