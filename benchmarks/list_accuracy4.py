"""Finding every reference in documents from ``docgen4.py``: ``vexascite parse DOC`` beside refextract.

``docgen4.py`` was written from issue 11 alone, apart from the list finder and the other three
generators. Each document's entries are scored as the issue defines it (``list_scoring.py``): an
entry is recovered when exactly one found ``raw`` matches it on letters and digits, its list
number (or Markdown footnote label) ignored; a merge is a found string holding two entries.

    .venv/bin/python benchmarks/list_accuracy4.py --part train --docs-per-layout 10 --seed 400

One ``vexascite parse`` process per document; ``--in-process`` calls the same
``parse_document`` here (development), ``--no-refextract`` leaves refextract out, ``--show N``
prints up to N misses and merges per layout with the lines around them. Seeds start at 400.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import docgen4  # noqa: E402
from docgen4 import Document  # noqa: E402
from list_scoring import (  # noqa: E402
    Tally,
    parse_in_process,
    parse_process,
    refextract_raws,
    table_header,
    table_row,
)

COLUMNS = ("docs", "entries", "found", "P", "R", "F1", "merges", "splits", "misses")
#: A Markdown footnote's label, ignored like a list number.
FOOTNOTE = re.compile(r"^\s*\[\^\d+\]:\s*")


def context(doc: Document, needle: str, around: int = 2) -> str:
    """The document lines around the first words of ``needle``."""
    lines = doc.text.split("\n")
    probe = " ".join(needle.split())[:30]
    for index, line in enumerate(lines):
        if probe[:20] and probe[:20] in " ".join(line.split()):
            part = lines[max(0, index - around) : index + around + 3]
            return "\n".join(f"      | {ln}" for ln in part)
    return "      | (not found as a line start)"


def print_table(title: str, tallies: dict[str, Tally], seconds: float) -> None:
    """One tool's rows per layout group, their total and its time."""
    print(table_header(title, COLUMNS))
    total = Tally()
    for group in sorted(tallies):
        print(table_row(group, tallies[group], COLUMNS))
        total.add(tallies[group])
    print(table_row("ALL", total, COLUMNS))
    print(f"  {title}: {seconds:.1f} s")


def main(argv: list[str] | None = None, generator: Any = docgen4, first_seed: int = 400, description: str = __doc__) -> int:
    """Score one blind generator's documents (``docgen4`` here; ``list_accuracy5.py`` passes ``docgen5``, whose
    module has the same ``LAYOUTS``, ``generate``, ``layout_group``, ``load_pool`` and ``shared_dir``)."""
    name = generator.__name__
    parser = argparse.ArgumentParser(description=description.split("\n\n")[0])
    parser.add_argument("--part", choices=("train", "test"), default="train")
    parser.add_argument("--seed", type=int, default=first_seed)
    parser.add_argument("--seeds", type=int, default=1, help="how many seeds from --seed on")
    parser.add_argument("--docs-per-layout", type=int, default=4)
    parser.add_argument("--layout", action="append", choices=sorted(generator.LAYOUTS))
    parser.add_argument("--shared", help="the folder holding eval/ (default ../shared)")
    parser.add_argument("--in-process", action="store_true")
    parser.add_argument("--no-refextract", action="store_true")
    parser.add_argument("--show", type=int, default=0, metavar="N")
    args = parser.parse_args(argv)
    if args.seed < first_seed:
        parser.error(f"{name} seeds start at {first_seed}")

    pool = generator.load_pool(args.part, generator.shared_dir(args.shared))
    docs = [
        doc
        for seed in range(args.seed, args.seed + args.seeds)
        for doc in generator.generate(pool, seed, args.docs_per_layout, args.layout)
    ]
    run = parse_in_process if args.in_process else parse_process
    ours: dict[str, Tally] = defaultdict(Tally)
    theirs: dict[str, Tally] = defaultdict(Tally)
    shown: dict[str, int] = defaultdict(int)
    use_refextract = not args.no_refextract
    ours_time = theirs_time = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for doc in docs:
            group = generator.layout_group(doc.layout)
            path = Path(tmp) / (doc.name + doc.suffix)
            path.write_bytes(doc.text.encode("utf-8"))  # (CRLF documents kept as made)
            start = time.perf_counter()
            raws = [FOOTNOTE.sub("", raw, count=1) for raw in run(path)]
            ours_time += time.perf_counter() - start
            result = ours[group].score(doc.truth, raws, getattr(doc, "labels", None))
            if args.show and shown[group] < args.show and (result.missed or result.merges):
                shown[group] += 1
                print(
                    f"-- {doc.name} ({doc.layout}): {len(result.missed)} missed, "
                    f"{len(result.merges)} merges"
                )
                for entry, near in list(zip(result.missed, result.near, strict=True))[:4]:
                    print(f"   missed: {' '.join(entry.split())[:110]}")
                    for raw in near[:2]:
                        print(f"     near: {' '.join(raw.split())[:160]}")
                    print(context(doc, entry))
                for raw, held in result.merges[:3]:
                    print(f"   merge of {len(held)}: {' '.join(raw.split())[:200]}")
                for raw in result.unmatched[:3]:
                    print(f"   unmatched: {' '.join(raw.split())[:160]}")
            if use_refextract:
                start = time.perf_counter()
                try:
                    found = refextract_raws(doc.text)
                except Exception as exc:  # refextract's own failures count as finding nothing
                    print(f"  refextract failed on {doc.name}: {exc.__class__.__name__}: {exc}")
                    found = []
                theirs_time += time.perf_counter() - start
                if found is None:
                    use_refextract = False
                    print("  refextract is not installed: vexascite only")
                else:
                    theirs[group].score(doc.truth, found, getattr(doc, "labels", None))

    mode = "in process" if args.in_process else "one vexascite parse process per document"
    print(
        f"{name} --part {args.part} --seed {args.seed}{f' --seeds {args.seeds}' if args.seeds > 1 else ''}: {len(docs)} documents from "
        f"{len(pool)} strings ({mode})"
    )
    print_table("vexascite", ours, ours_time)
    if theirs:
        print_table("refextract", theirs, theirs_time)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
