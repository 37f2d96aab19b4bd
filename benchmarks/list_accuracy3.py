"""Entry-level accuracy of ``vexascite parse DOC`` on the documents of ``docgen3.py``.

An entry is recovered when exactly one found ``raw`` matches it on letters and digits
(case folded; a leading list number on the raw, or the raw's own number, is ignored). A
merge is a found ``raw`` that holds two or more entries; a split is an entry whose text is
spread over two or more found strings (``list_scoring.py``). Per variant: precision, recall,
F1, merges, misses.

    python benchmarks/list_accuracy3.py                      # train half, one process per document
    python benchmarks/list_accuracy3.py --in-process --show 5 --variants pdf-num,late-start
    python benchmarks/list_accuracy3.py --part test --docs-per-variant 10 --seed 7

By default a whole ``vexascite parse DOC`` process runs per document, as a user runs it;
``--in-process`` calls the same ``parse_document`` in this process with the string parser
switched off (only ``raw`` is read), for development speed.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docgen3 import VARIANTS, Doc, generate  # noqa: E402
from list_scoring import (  # noqa: E402
    Tally,
    parse_in_process,
    parse_process,
    table_header,
    table_row,
)

COLUMNS = ("docs", "entries", "found", "P", "R", "F1", "merges", "splits", "misses")


def context(doc: Doc, needle: str, lines: int = 3) -> str:
    """The document lines around the first few words of ``needle``."""
    words = needle.split()[:4]
    text_lines = doc.text.splitlines()
    probe = " ".join(words)[:30]
    for n, line in enumerate(text_lines):
        if probe[:15] and probe[:15] in line:
            lo, hi = max(0, n - lines), min(len(text_lines), n + lines + 1)
            return "\n".join(f"      {i + 1:4d}| {text_lines[i]}" for i in range(lo, hi))
    return "      (not found verbatim)"


def chosen_variants(parser: argparse.ArgumentParser, text: str, known: Iterable[str]) -> list[str]:
    """The variants a comma-separated ``--variants`` names (all of ``known`` when empty); an
    unknown name is a usage error that lists the known ones."""
    known = list(known)
    variants = [v for v in text.split(",") if v] or known
    unknown = [v for v in variants if v not in known]
    if unknown:
        parser.error(f"unknown variant(s) {', '.join(unknown)}; known: {', '.join(known)}")
    return variants


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--part", choices=("train", "test"), default="train")
    parser.add_argument("--docs-per-variant", type=int, default=6)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument(
        "--variants", default="", help="comma-separated variant names (default: all)"
    )
    parser.add_argument(
        "--in-process",
        action="store_true",
        help="call parse_document here, not a process per document",
    )
    parser.add_argument(
        "--show",
        type=int,
        default=0,
        help="print up to N misses, merges and extra strings per variant",
    )
    parser.add_argument(
        "--keep", type=Path, help="write the documents and their truth to this folder"
    )
    parser.add_argument(
        "--json", action="store_true", help="print the totals as one JSON object at the end"
    )
    args = parser.parse_args(argv)

    variants = chosen_variants(parser, args.variants, VARIANTS)
    run = parse_in_process if args.in_process else parse_process
    folder = args.keep or Path(tempfile.mkdtemp(prefix="docgen3-"))
    folder.mkdir(parents=True, exist_ok=True)
    total = Tally()
    mode = "in-process" if args.in_process else "one vexascite parse process per document"
    print(
        f"docgen3 {args.part} half, seed {args.seed}, {args.docs_per_variant} documents per variant, {mode}"
    )
    print(table_header("variant", COLUMNS, width=20, indent=""))
    for variant in variants:
        row = Tally()
        misses: list[tuple[Doc, str, list[str]]] = []
        merged: list[tuple[Doc, str, list[str]]] = []
        extra: list[tuple[Doc, str]] = []
        for doc in generate(variant, args.docs_per_variant, seed=args.seed, part=args.part):
            path = folder / f"{doc.name}.txt"
            path.write_text(doc.text, encoding="utf-8", newline="")
            if args.keep:
                (folder / f"{doc.name}.truth.json").write_text(
                    json.dumps(
                        {"note": doc.notes, "truth": doc.truth}, indent=1, ensure_ascii=False
                    ),
                    encoding="utf-8",
                )
            start = time.perf_counter()
            raws = run(path)
            row.seconds += time.perf_counter() - start
            scored = row.score(doc.truth, raws)
            misses.extend(
                (doc, t, near) for t, near in zip(scored.missed, scored.near, strict=True)
            )
            merged.extend((doc, raw, held) for raw, held in scored.merges)
            extra.extend((doc, raw) for raw in scored.unmatched)
        total.add(row)
        print(table_row(variant, row, COLUMNS, width=20, indent=""), flush=True)
        if args.show:
            for doc, raw, held in merged[: args.show]:
                print(
                    f"  MERGE in {doc.name} ({doc.notes}): {len(held)} entries in one string:\n    {raw[:400]!r}"
                )
            for doc, t, near in misses[: args.show]:
                print(f"  MISS in {doc.name} ({doc.notes}):\n    truth {t[:300]!r}")
                for n in near[:3]:
                    print(f"    found {n[:400]!r}")
                print(context(doc, t))
            for doc, raw in extra[: args.show]:
                print(f"  EXTRA in {doc.name}: {raw[:300]!r}")
    print(table_row("all", total, COLUMNS, width=20, indent=""))
    print(
        f"{total.seconds:.1f} s in the parser ({total.seconds / max(1, total.docs):.3f} s per document)"
    )
    if not args.keep:
        for path in folder.glob("*.txt"):
            path.unlink()
        folder.rmdir()
    if args.json:
        print(
            json.dumps(
                {
                    "f1": round(total.f1, 4),
                    "precision": round(total.precision, 4),
                    "recall": round(total.recall, 4),
                    "merges": total.merges,
                    "entries": total.truth,
                    "docs": total.docs,
                }
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
