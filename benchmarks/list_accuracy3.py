"""Entry-level accuracy of ``vexascite parse DOC`` on the documents of ``docgen3.py``.

An entry is recovered when exactly one found ``raw`` matches it on letters and digits
(case folded; a leading list number on the raw, or the raw's own number, is ignored). A
merge is a found ``raw`` that holds two or more entries; a split is an entry whose text is
spread over two or more found strings. Per variant: precision, recall, F1, merges, misses.

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
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docgen3 import VARIANTS, Doc, generate, key  # noqa: E402

_LABEL = re.compile(r"^\s*(?:\[\s*\d{1,6}\s*\]|\(\s*\d{1,6}\s*\)|\d{1,6}\s*[.):]?)\s*")


def raw_keys(raw: str) -> set[str]:
    """The comparison keys of a found string: as is and without a leading list number."""
    text = unicodedata.normalize("NFKC", raw)
    out = {key(text)}
    stripped = _LABEL.sub("", text, count=1)
    out.add(key(stripped))
    return {k for k in out if k}


@dataclass(slots=True)
class Score:
    docs: int = 0
    truth: int = 0
    found: int = 0
    recovered: int = 0
    merges: int = 0
    splits: int = 0
    seconds: float = 0.0
    misses: list[tuple[Doc, str, list[str]]] = field(default_factory=list)
    merged: list[tuple[Doc, str, list[str]]] = field(default_factory=list)
    extra: list[tuple[Doc, str]] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("docs", "truth", "found", "recovered", "merges", "splits", "seconds"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return self.recovered / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.recovered / self.truth if self.truth else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _holds(found_key: str, truth_key: str) -> bool:
    """Does a found string hold the whole entry (allowing furniture left inside it)?"""
    if truth_key in found_key:
        return True
    head, tail = truth_key[:25], truth_key[-25:]
    i = found_key.find(head)
    return i >= 0 and found_key.find(tail, i + len(head) - 25) >= 0


def score(doc: Doc, raws: list[str]) -> Score:
    s = Score(docs=1, truth=len(doc.truth), found=len(raws))
    found_keys = [raw_keys(r) for r in raws]
    matched_raw: set[int] = set()
    for t in doc.truth:
        tk = key(t)
        hits = [i for i, keys in enumerate(found_keys) if tk in keys]
        if len(hits) == 1:
            s.recovered += 1
            matched_raw.add(hits[0])
        else:
            near = [
                raws[i]
                for i, keys in enumerate(found_keys)
                if any(_holds(k, tk) or (len(k) > 15 and k in tk) for k in keys)
            ]
            s.misses.append((doc, t, near))
            pieces = [
                i
                for i, keys in enumerate(found_keys)
                if all(len(k) >= 12 and k in tk and k != tk for k in keys)
            ]
            if len(pieces) >= 2:
                s.splits += 1
    truth_keys = [key(t) for t in doc.truth]
    for i, raw in enumerate(raws):
        rk = max(found_keys[i], key=len) if found_keys[i] else ""
        held = [
            t
            for t, tk in zip(doc.truth, truth_keys, strict=True)
            if len(tk) >= 15 and _holds(rk, tk)
        ]
        if len(held) >= 2:
            s.merges += 1
            s.merged.append((doc, raw, held))
        elif i not in matched_raw:
            s.extra.append((doc, raw))
    return s


def parse_in_process(path: Path) -> list[str]:
    from vexascite import api
    from vexascite.api import parsing

    parsing.parse_reference = lambda text: {}  # only raw is read here
    return [item["raw"] for item in api.parse_document(api.document_text(path)).items]


def parse_process(path: Path) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-m", "vexascite", "parse", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        print(
            f"  {path.name}: exit {done.returncode}: {done.stderr.strip()[-300:]}", file=sys.stderr
        )
    return [json.loads(line)["raw"] for line in done.stdout.splitlines() if line.strip()]


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

    variants = [v for v in args.variants.split(",") if v] or list(VARIANTS)
    unknown = [v for v in variants if v not in VARIANTS]
    if unknown:
        parser.error(f"unknown variant(s) {', '.join(unknown)}; known: {', '.join(VARIANTS)}")
    run = parse_in_process if args.in_process else parse_process
    folder = args.keep or Path(tempfile.mkdtemp(prefix="docgen3-"))
    folder.mkdir(parents=True, exist_ok=True)
    total = Score()
    rows: dict[str, Score] = defaultdict(Score)
    mode = "in-process" if args.in_process else "one vexascite parse process per document"
    print(
        f"docgen3 {args.part} half, seed {args.seed}, {args.docs_per_variant} documents per variant, {mode}"
    )
    print(
        f"{'variant':<20} {'docs':>4} {'entries':>7} {'found':>6} {'P':>6} {'R':>6} {'F1':>6} {'merges':>6} "
        f"{'splits':>6} {'misses':>6}"
    )
    for variant in variants:
        row = rows[variant]
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
            elapsed = time.perf_counter() - start
            s = score(doc, raws)
            s.seconds = elapsed
            row.add(s)
            row.misses.extend(s.misses)
            row.merged.extend(s.merged)
            row.extra.extend(s.extra)
        total.add(row)
        print(
            f"{variant:<20} {row.docs:>4} {row.truth:>7} {row.found:>6} {row.precision:>6.3f} {row.recall:>6.3f} "
            f"{row.f1:>6.3f} {row.merges:>6} {row.splits:>6} {len(row.misses):>6}",
            flush=True,
        )
        if args.show:
            for doc, raw, held in row.merged[: args.show]:
                print(
                    f"  MERGE in {doc.name} ({doc.notes}): {len(held)} entries in one string:\n    {raw[:400]!r}"
                )
            for doc, t, near in row.misses[: args.show]:
                print(f"  MISS in {doc.name} ({doc.notes}):\n    truth {t[:300]!r}")
                for n in near[:3]:
                    print(f"    found {n[:400]!r}")
                print(context(doc, t))
            for doc, raw in row.extra[: args.show]:
                print(f"  EXTRA in {doc.name}: {raw[:300]!r}")
    print(
        f"{'all':<20} {total.docs:>4} {total.truth:>7} {total.found:>6} {total.precision:>6.3f} {total.recall:>6.3f} "
        f"{total.f1:>6.3f} {total.merges:>6} {total.splits:>6} {total.truth - total.recovered:>6}"
    )
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
