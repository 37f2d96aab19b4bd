"""``suggest`` accuracy: nDCG@10 of claim -> source lookup, side by side with plain BM25.

Imports the claims library (``../shared/eval/claims_library.jsonl``) as a CSL-JSON file
(key = id, abstract only, no title) into a fresh library with ``vexascite import``, runs
``vexascite suggest --lines`` on the claims (``scifact_claims.jsonl``; source ids are
SciFact document ids, the library keys are ``sf`` + id) and scores nDCG@10 with binary
relevance (supporting and refuting abstracts alike). The baseline is bm25s with its
defaults, English stemming (PyStemmer) and English stop words over the same abstracts
and claims, in the same run. Both as a user runs them: whole processes for vexascite.

    .venv/bin/python benchmarks/suggest_accuracy.py [--library PATH] [--claims PATH]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bm25_baseline import Baseline

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VEXASCITE_SHARED", ROOT.parent / "shared"))
VEXASCITE = str(Path(sys.executable).with_name("vexascite"))


def ndcg_at_10(ranked: list[str], relevant: set[str]) -> float:
    dcg = sum(1 / math.log2(i + 2) for i, key in enumerate(ranked[:10]) if key in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(len(relevant), 10)))
    return dcg / ideal if ideal else 0.0


def relevant_keys(claim: dict) -> set[str]:
    return {f"sf{source}" for source in claim["sources"]}


def library_items(path: Path) -> list[dict]:
    return [
        {"id": d["id"], "type": "article-journal", "abstract": d["abstract"]}
        for d in map(json.loads, path.open())
    ]


def run_vexascite(
    items: list[dict], claims: list[dict], folder: Path
) -> tuple[float, float, float]:
    csl = folder / "claims_library.json"
    csl.write_text(json.dumps(items), encoding="utf-8")
    lines = folder / "claims.txt"
    lines.write_text(
        "".join(c["claim"].replace("\n", " ") + "\n" for c in claims), encoding="utf-8"
    )
    env = {**os.environ, "VEXASCITE_DB": str(folder / "library.db")}
    subprocess.run([VEXASCITE, "import", str(csl)], env=env, check=True, capture_output=True)
    start = time.perf_counter()
    out = subprocess.run(
        [VEXASCITE, "suggest", "--lines", str(lines), "--limit", "10"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    first = time.perf_counter() - start  # builds and keeps the index
    start = time.perf_counter()
    subprocess.run(
        [VEXASCITE, "suggest", "--lines", str(lines), "--limit", "10"],
        env=env,
        check=True,
        capture_output=True,
    )
    again = time.perf_counter() - start
    results = [json.loads(line) for line in out.splitlines()]
    assert len(results) == len(claims), "one output line per statement"
    score = sum(
        ndcg_at_10([s["key"] for s in r["sources"]], relevant_keys(c))
        for r, c in zip(results, claims, strict=True)
    )
    return score / len(claims), first, again


def run_bm25s(items: list[dict], claims: list[dict]) -> tuple[float, float]:
    start = time.perf_counter()
    found = Baseline([i["abstract"] for i in items]).top([c["claim"] for c in claims], k=10)
    elapsed = time.perf_counter() - start
    keys = [i["id"] for i in items]
    score = sum(
        ndcg_at_10([keys[j] for j in row], relevant_keys(c))
        for row, c in zip(found, claims, strict=True)
    )
    return score / len(claims), elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=Path, default=SHARED / "eval" / "claims_library.jsonl")
    parser.add_argument("--claims", type=Path, default=SHARED / "eval" / "scifact_claims.jsonl")
    args = parser.parse_args()
    items = library_items(args.library)
    claims = [json.loads(line) for line in args.claims.open()]
    with tempfile.TemporaryDirectory() as tmp:
        ours, first, again = run_vexascite(items, claims, Path(tmp))
    base, base_time = run_bm25s(items, claims)
    print(f"{len(claims)} claims over {len(items)} abstracts (no titles)")
    print(f"{'method':<34}{'nDCG@10':>9}{'seconds':>10}")
    print(
        f"{'vexascite suggest --lines':<34}{ours:>9.4f}{first:>10.2f}   (first run builds the index)"
    )
    print(f"{'vexascite suggest --lines (again)':<34}{'':>9}{again:>10.2f}")
    print(f"{'bm25s (defaults, stemmed, stop)':<34}{base:>9.4f}{base_time:>10.2f}   (in process)")
    print(f"difference: {ours - base:+.4f} nDCG@10")
    return 0


if __name__ == "__main__":
    sys.exit(main())
