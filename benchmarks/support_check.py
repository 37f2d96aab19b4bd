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

With 100 claims a draw holds only 15 random and 15 near citations, so one citation is
worth 0.067 of recall. ``--seeds 16-23`` runs several draws over one imported library and
adds a pooled row; ``--every-kind`` cites every claim three times (its source, a random
other claim's source, its source's look-alike), which measures each kind's rate over all
claims with no draw, and gives the precision those rates imply at the issue's mix (70%
right, 15% random, 15% near).

    .venv/bin/python benchmarks/support_check.py [--library PATH] [--claims PATH] [--seed 15]
    .venv/bin/python benchmarks/support_check.py --seeds 16-23
    .venv/bin/python benchmarks/support_check.py --every-kind
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
    order = list(range(len(claims)))
    rng.shuffle(order)
    wrong = int(round(0.3 * len(claims)))
    kinds = {i: "random" for i in order[: wrong // 2]} | {
        i: "near" for i in order[wrong // 2 : wrong]
    }
    return [
        cite(claim, kinds.get(n, "right"), n, claims, items, rng, baseline)
        for n, claim in enumerate(claims)
    ]


def every_kind(claims: list[dict], items: list[dict], seed: int, baseline: Baseline) -> list[dict]:
    """Every claim cited three ways (right, random, near), shuffled into manuscripts."""
    rng = random.Random(seed)
    out = [
        cite(claim, kind, n, claims, items, rng, baseline)
        for kind in ("right", "random", "near")
        for n, claim in enumerate(claims)
    ]
    rng.shuffle(out)
    return out


def cite(
    claim: dict,
    kind: str,
    n: int,
    claims: list[dict],
    items: list[dict],
    rng: random.Random,
    baseline: Baseline,
) -> dict:
    """One citation of ``claim``: its first source, or a wrong work of the given kind."""
    keys = [i["id"] for i in items]
    sources = [f"sf{s}" for s in claim["sources"]]
    key = sources[0]
    if kind == "random":
        others = [
            c
            for m, c in enumerate(claims)
            if m != n and not {f"sf{s}" for s in c["sources"]} & set(sources)
        ]
        key = f"sf{rng.choice(others)['sources'][0]}"
    elif kind == "near":
        found = baseline.top([items[keys.index(key)]["abstract"]], k=20)
        key = next(keys[j] for j in found[0] if keys[j] not in sources)
    return {"claim": claim["claim"], "sources": sources, "cited": key, "kind": kind}


def baseline_flags(planned: list[dict], items: list[dict], baseline: Baseline) -> list[bool]:
    keys = [i["id"] for i in items]
    found = baseline.top([p["claim"] for p in planned], k=10)
    return [p["cited"] not in {keys[j] for j in row} for p, row in zip(planned, found, strict=True)]


def import_library(items: list[dict], folder: Path) -> dict[str, str]:
    """Import the library as CSL-JSON (key = id, abstract only); the environment that reads it."""
    library = folder / "library.json"
    library.write_text(
        json.dumps(
            [{"id": i["id"], "type": "article-journal", "abstract": i["abstract"]} for i in items]
        ),
        encoding="utf-8",
    )
    env = {**os.environ, "VEXASCITE_DB": str(folder / "library.db")}
    subprocess.run([VEXASCITE, "import", str(library)], env=env, check=True, capture_output=True)
    return env


def vexascite_flags(
    planned: list[dict], folder: Path, env: dict[str, str]
) -> tuple[list[bool], float, list[int]]:
    """Run ``check --format json`` on manuscripts of ``PER_MANUSCRIPT`` citations each."""
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


def seed_list(text: str) -> list[int]:
    """``16-23`` or ``16,18,20``."""
    out: list[int] = []
    for part in text.split(","):
        low, _, high = part.partition("-")
        out += list(range(int(low), int(high or low) + 1))
    return out


def print_rows(rows: list[tuple[str, list[dict], list[bool]]]) -> None:
    print(
        f"{'rule':<40}{'precision':>10}{'recall random':>15}{'recall near':>13}{'false flags':>13}"
    )
    for name, planned, flags in rows:
        s = scores(planned, flags)
        print(
            f"{name:<40}{s['precision']:>10.3f}{s['recall random']:>15.3f}{s['recall near']:>13.3f}{s['false flags']:>13}"
        )


def print_every_kind(name: str, planned: list[dict], flags: list[bool]) -> None:
    """Each kind's flagged share over all claims, and the precision it implies at 70/15/15."""
    rate = {
        kind: sum(f for p, f in zip(planned, flags, strict=True) if p["kind"] == kind)
        / sum(1 for p in planned if p["kind"] == kind)
        for kind in ("right", "random", "near")
    }
    caught = 0.15 * rate["random"] + 0.15 * rate["near"]
    implied = caught / (caught + 0.70 * rate["right"]) if caught + rate["right"] else 1.0
    print(
        f"{name:<40}{rate['right']:>14.3f}{rate['random']:>15.3f}{rate['near']:>13.3f}{implied:>24.3f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=Path, default=SHARED / "eval" / "claims_library.jsonl")
    parser.add_argument("--claims", type=Path, default=SHARED / "eval" / "scifact_claims.jsonl")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--seeds", type=seed_list, help="several draws, pooled: 16-23 or 16,18")
    parser.add_argument(
        "--every-kind", action="store_true", help="cite every claim right, random and near"
    )
    args = parser.parse_args()
    items = [json.loads(line) for line in args.library.open()]
    claims = [json.loads(line) for line in args.claims.open()]
    baseline = Baseline([i["abstract"] for i in items])
    draws = (
        [every_kind(claims, items, args.seed, baseline)]
        if args.every_kind
        else [plan(claims, items, seed, baseline) for seed in args.seeds or [args.seed]]
    )
    pooled: list[dict] = []
    ours_all: list[bool] = []
    base_all: list[bool] = []
    seconds = 0.0
    exits: list[int] = []
    with tempfile.TemporaryDirectory() as tmp:
        env = import_library(items, Path(tmp))
        for planned, seed in zip(draws, args.seeds or [args.seed], strict=False):
            ours, took, codes = vexascite_flags(planned, Path(tmp), env)
            base = baseline_flags(planned, items, baseline)
            seconds += took
            exits += codes
            pooled += planned
            ours_all += ours
            base_all += base
            counts = {
                k: sum(1 for p in planned if p["kind"] == k) for k in ("right", "random", "near")
            }
            print(
                f"{len(planned)} citations: {counts['right']} right, {counts['random']} random, {counts['near']} near (seed {seed})"
            )
            if args.every_kind:
                print(
                    f"{'rule':<40}{'flagged right':>14}{'random':>15}{'near':>13}{'precision at 70/15/15':>24}"
                )
                print_every_kind("vexascite check (unsupported-citation)", planned, ours)
                print_every_kind("not in BM25 top 10 (bm25s)", planned, base)
            else:
                print_rows(
                    [
                        ("vexascite check (unsupported-citation)", planned, ours),
                        ("not in BM25 top 10 (bm25s)", planned, base),
                    ]
                )
    if len(draws) > 1:
        print(f"pooled over {len(draws)} draws ({len(pooled)} citations)")
        print_rows(
            [
                ("vexascite check (unsupported-citation)", pooled, ours_all),
                ("not in BM25 top 10 (bm25s)", pooled, base_all),
            ]
        )
    print(f"check: {seconds:.1f} s for {len(exits)} manuscripts (exit codes {sorted(set(exits))})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
