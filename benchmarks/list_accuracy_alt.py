"""Finding every reference in documents from the second generator (``docgen_alt.py``).

The same measure as ``list_accuracy.py``, on documents that generator's authors did not
lay out: an entry is recovered when exactly one ``raw`` printed by ``vexascite parse DOC``
matches it (letters and digits only, case folded, a leading list label ignored); a printed
``raw`` holding two or more entries is a merge. Precision is recovered entries over
printed ``raw`` strings.

    .venv/bin/python benchmarks/list_accuracy_alt.py [--docs-per-variant 10] [--variant V ...] [--show N] [--in-process]

Documents are built from the training half of the eval strings unless ``--part test``.
``--show N`` prints, for up to N documents per variant, the missed entries, the merges and
the printed strings that match no entry, each with the document's lines around it.
``--save DIR`` writes each document and its truth there. ``--in-process`` calls the same
``parse_document`` in this process with the string parser switched off (only ``raw`` is read), as
``list_accuracy3.py --in-process`` does, for development speed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from docgen_alt import VARIANTS, AltDocument, load_strings, make_alt_documents  # noqa: E402
from list_scoring import (  # noqa: E402
    LABEL,
    Tally,
    key,
    parse_in_process,
    table_header,
    table_row,
)

VEXASCITE = Path(sys.executable).parent / "vexascite"


def vexascite_raws(path: Path) -> list[str]:
    """The ``raw`` of every item ``vexascite parse`` prints for a document (a fresh process)."""
    out = subprocess.run([str(VEXASCITE), "parse", str(path)], capture_output=True, text=True)
    if out.returncode not in (0, 1, 2, 3, 4, 5):
        print(f"  vexascite parse {path.name}: exit {out.returncode}: {out.stderr.strip()[:200]}")
    return [json.loads(line)["raw"] for line in out.stdout.splitlines() if line.strip()]


def context(doc: AltDocument, needle: str, around: int = 3) -> str:
    """The document's lines around the first line holding the start of ``needle``."""
    lines = doc.text.split("\n")
    probe = key(LABEL.sub("", needle, count=1))[:20]
    for index, line in enumerate(lines):
        if probe and probe[:12] in key(line):
            start, end = max(0, index - around), min(len(lines), index + around + 4)
            return "\n".join(f"     | {line}" for line in lines[start:end])
    return "     | (not found in the text)"


def show(
    index: int, doc: AltDocument, missed: list[str], merges: list[str], unmatched: list[str]
) -> None:
    print(
        f"\n=== document {index} ({doc.variant}): {len(missed)} missed, {len(merges)} merges, {len(unmatched)} unmatched"
    )
    for entry in missed[:4]:
        print("  MISSED:", " | ".join(entry.split("\n"))[:250])
        print(context(doc, entry))
    for raw in merges[:3]:
        print("  MERGED:", " | ".join(raw.split("\n"))[:500])
    for raw in unmatched[:4]:
        print("  UNMATCHED:", " | ".join(raw.split("\n"))[:300])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs-per-variant", type=int, default=10)
    parser.add_argument("--part", choices=["train", "test"], default="train")
    parser.add_argument("--seed", type=int, default=23)
    parser.add_argument("--variant", choices=VARIANTS, action="append", help="only these variants")
    parser.add_argument("--show", type=int, default=0, metavar="N")
    parser.add_argument(
        "--in-process", action="store_true", help="call parse_document here, not a process per document"
    )
    parser.add_argument(
        "--save", type=Path, metavar="DIR", help="write each document and its truth here"
    )
    args = parser.parse_args()
    strings = load_strings(args.part)
    if not strings:
        print("no eval strings found; nothing measured")
        return 1
    variants = tuple(args.variant) if args.variant else VARIANTS
    docs = make_alt_documents(strings, args.docs_per_variant, seed=args.seed, variants=variants)
    print(
        f"{len(docs)} documents, {sum(len(d.entries) for d in docs)} entries, from the {args.part} half of the eval strings"
    )
    scores: dict[str, Tally] = defaultdict(Tally)
    shown: dict[str, int] = defaultdict(int)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.save or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for index, doc in enumerate(docs):
            path = folder / f"{doc.variant}-{index}.txt"
            path.write_text(doc.text, encoding="utf-8")
            if args.save:
                (folder / f"{doc.variant}-{index}.truth.json").write_text(
                    json.dumps(doc.entries, ensure_ascii=False, indent=1), encoding="utf-8"
                )
            raws = parse_in_process(path) if args.in_process else vexascite_raws(path)
            scored = scores[doc.variant].score(doc.entries, raws)
            merges = [raw for raw, _ in scored.merges]
            if (scored.missed or merges or scored.unmatched) and shown[doc.variant] < args.show:
                shown[doc.variant] += 1
                show(index, doc, scored.missed, merges, scored.unmatched)
    mode = "in-process" if args.in_process else "whole process"
    print(f"\nvexascite parse DOC ({mode}, {time.perf_counter() - started:.0f} s)")
    columns = ("entries", "found", "P", "R", "F1", "merges")
    print(table_header("variant", columns))
    total = Tally()
    for variant in variants:
        print(table_row(variant, scores[variant], columns))
        total.add(scores[variant])
    print(table_row("all", total, columns))
    return 0


if __name__ == "__main__":
    sys.exit(main())
