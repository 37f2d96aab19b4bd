"""``check``'s ``unsupported-citation``: does it catch citations of works that do not bear
on the sentence? Side by side with the rule "flag when the cited work is not in BM25's
top 10 for the sentence".

Imports the claims library (as ``suggest_accuracy.py`` does), then writes Markdown
manuscripts of the claims (``scifact_claims.jsonl``), one claim per line ending in
``[@key]`` of its first source. About 30% of the citations point at a wrong work: half at
a random other claim's source ("random"), half at the abstract most like the true
source's (by bm25s, the source's abstract as the query) that is not a source of the claim
("near"). ``vexascite check --format json`` runs on each manuscript (whole process); a
citation counts as flagged when an ``unsupported-citation`` finding names its line.
Correct citations are the negatives. The seed fixes the draw.

    .venv/bin/python benchmarks/support_check.py [--library PATH] [--claims PATH] [--seed 15]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bm25_baseline import Baseline

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VEXASCITE_SHARED", ROOT.parent / "shared"))
VEXASCITE = str(Path(sys.executable).with_name("vexascite"))
PER_MANUSCRIPT = 25


def plan(claims: list[dict], items: list[dict], seed: int, baseline: Baseline) -> list[dict]:
    """Each claim's cited key and whether it is right, random or near."""
    rng = random.Random(seed)
    keys = [i["id"] for i in items]
    position = {k: n for n, k in enumerate(keys)}
    order = list(range(len(claims)))
    rng.shuffle(order)
    wrong = int(round(0.3 * len(claims)))
    kinds = {i: "random" for i in order[: wrong // 2]} | {
        i: "near" for i in order[wrong // 2 : wrong]
    }
    out = []
    for n, claim in enumerate(claims):
        sources = [f"sf{s}" for s in claim["sources"]]
        kind = kinds.get(n, "right")
        key = sources[0]
        if kind == "random":
            others = [
                c
                for m, c in enumerate(claims)
                if m != n and not {f"sf{s}" for s in c["sources"]} & set(sources)
            ]
            key = f"sf{rng.choice(others)['sources'][0]}"
        elif kind == "near":
            found = baseline.top([items[position[key]]["abstract"]], k=20)
            key = next(keys[j] for j in found[0] if keys[j] not in sources)
        out.append({"claim": claim["claim"], "sources": sources, "cited": key, "kind": kind})
    return out


def baseline_flags(planned: list[dict], items: list[dict], baseline: Baseline) -> list[bool]:
    keys = [i["id"] for i in items]
    found = baseline.top([p["claim"] for p in planned], k=10)
    return [p["cited"] not in {keys[j] for j in row} for p, row in zip(planned, found, strict=True)]


def vexascite_flags(
    planned: list[dict], items: list[dict], folder: Path
) -> tuple[list[bool], float, list[int]]:
    library = folder / "library.json"
    library.write_text(
        json.dumps(
            [{"id": i["id"], "type": "article-journal", "abstract": i["abstract"]} for i in items]
        ),
        encoding="utf-8",
    )
    env = {**os.environ, "VEXASCITE_DB": str(folder / "library.db")}
    subprocess.run([VEXASCITE, "import", str(library)], env=env, check=True, capture_output=True)
    flags: list[bool] = []
    seconds: list[float] = []
    exits: list[int] = []
    for start in range(0, len(planned), PER_MANUSCRIPT):
        chunk = planned[start : start + PER_MANUSCRIPT]
        text = "# Claims\n\n" + "".join(
            f"{p['claim'].rstrip('.')} [@{p['cited']}].\n\n" for p in chunk
        )
        path = folder / f"manuscript{start // PER_MANUSCRIPT + 1}.md"
        path.write_text(text, encoding="utf-8")
        lines = {p["cited"] + str(n): 3 + 2 * n for n, p in enumerate(chunk)}
        began = time.perf_counter()
        result = subprocess.run(
            [VEXASCITE, "check", str(path), "--format", "json"],
            env=env,
            capture_output=True,
            text=True,
        )
        seconds.append(time.perf_counter() - began)
        exits.append(result.returncode)
        report = json.loads(result.stdout)
        flagged = {f["line"] for f in report["findings"] if f["kind"] == "unsupported-citation"}
        flags += [lines[p["cited"] + str(n)] in flagged for n, p in enumerate(chunk)]
    return flags, sum(seconds), exits


def scores(planned: list[dict], flags: list[bool]) -> dict[str, float]:
    flagged = [p for p, f in zip(planned, flags, strict=True) if f]
    wrong_flagged = [p for p in flagged if p["kind"] != "right"]
    out = {
        "precision": len(wrong_flagged) / len(flagged) if flagged else 1.0,
        "flagged": len(flagged),
    }
    for kind in ("random", "near"):
        total = [p for p in planned if p["kind"] == kind]
        out[f"recall {kind}"] = sum(
            1 for p, f in zip(planned, flags, strict=True) if f and p["kind"] == kind
        ) / len(total)
    out["false flags"] = len(flagged) - len(wrong_flagged)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=Path, default=SHARED / "eval" / "claims_library.jsonl")
    parser.add_argument("--claims", type=Path, default=SHARED / "eval" / "scifact_claims.jsonl")
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    items = [json.loads(line) for line in args.library.open()]
    claims = [json.loads(line) for line in args.claims.open()]
    baseline = Baseline([i["abstract"] for i in items])
    planned = plan(claims, items, args.seed, baseline)
    with tempfile.TemporaryDirectory() as tmp:
        ours, seconds, exits = vexascite_flags(planned, items, Path(tmp))
    base = baseline_flags(planned, items, baseline)
    counts = {k: sum(1 for p in planned if p["kind"] == k) for k in ("right", "random", "near")}
    print(
        f"{len(planned)} citations: {counts['right']} right, {counts['random']} random, {counts['near']} near (seed {args.seed})"
    )
    print(
        f"{'rule':<40}{'precision':>10}{'recall random':>15}{'recall near':>13}{'false flags':>13}"
    )
    for name, flags in (
        ("vexascite check (unsupported-citation)", ours),
        ("not in BM25 top 10 (bm25s)", base),
    ):
        s = scores(planned, flags)
        print(
            f"{name:<40}{s['precision']:>10.3f}{s['recall random']:>15.3f}{s['recall near']:>13.3f}{s['false flags']:>13}"
        )
    print(f"check: {seconds:.1f} s for {len(exits)} manuscripts (exit codes {sorted(set(exits))})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
