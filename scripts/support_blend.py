"""Refit ``check``'s verdict on a blend of pseudo-claim styles as hard to support as people's claims.

No labelled claim is read. Pseudo-claims copied from an abstract are easier to support than a
person's claim, and held-out ones (the sentence taken out of its abstract) are harder
(docs/evidence.md). This script makes pseudo-claims of styles from both ends and between them
(``scripts/support_model.py``'s ``STYLES``: ``window``, ``plain``, ``paraphrase``, ``compressed``,
``conclusion``, ``held-keep``, ``partial``, ``held``), all cited in the same copy of the library
with one sentence out of each abstract (``held_rows``), and blends them: the blend is the one
closest to an even mix of the styles (an exponential tilt, ``w ~ exp(lambda * f)``, ``f`` being
the share of a style's right citations the shipped thresholds flag) on which the shipped
thresholds flag ``--target`` of the right citations. The target is a published figure of our
own benchmark (the shipped thresholds flagged one right citation of 70 in
``benchmarks/support_check.py``), not the labelled claims themselves.

On that blend (each citation weighted so that, within its kind, the styles count as the blend
says) the threshold rule and the learned verdict of ``support_model.py`` are refitted and
compared with the shipped thresholds, cross-fitted: fitted on one half of a draw's
pseudo-claims and scored on the other, and fitted on one draw and scored on another, at a
precision of ``--precision`` and at the precision the shipped thresholds reach where fitted.
The learned verdict fitted on this blend found more near errors at equal precision on held-out
pseudo-claims but flagged four of 70 right citations in ``benchmarks/support_check.py``, so
``check`` keeps the threshold rule (docs/evidence.md); ``--write`` keeps the fitted verdict.

    .venv/bin/python scripts/support_blend.py LIBRARY --rows-dir DIR [--seeds 7,8] [--claims 1200]
        [--target 0.0143] [--precision 0.97] [--write WEIGHTS.json]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import numpy as np
from support_model import FEATURES, fit, held_rows, logits, matrix, rates, threshold
from support_thresholds import SHIPPED, arrays, choose, flags, read_library

from vexascite.check.support import CLEARLY_BETTER

BLEND_STYLES = ("window", "plain", "paraphrase", "compressed", "conclusion", "held-keep", "partial", "held")


def draws(library: Path, folder: Path, seeds: list[int], claims: int) -> dict[int, list[dict]]:
    """Each seed's measured citations, made once and kept in ``folder``."""
    docs = None
    out: dict[int, list[dict]] = {}
    for seed in seeds:
        path = folder / f"blend-rows-{seed}.json"
        if not path.exists():
            docs = docs or read_library(library)
            rows = held_rows(docs, claims, seed, list(BLEND_STYLES))
            path.write_text(json.dumps(rows), encoding="utf-8")
            print(f"seed {seed}: {len(rows)} citations measured, kept in {path.name}", flush=True)
        out[seed] = json.loads(path.read_text(encoding="utf-8"))
    return out


def style_flags(rows: list[dict]) -> dict[str, float]:
    """Share of each style's right citations the shipped thresholds flag."""
    flagged = flags(arrays(rows), *SHIPPED)
    out = {}
    for style in BLEND_STYLES:
        mask = np.array([r["style"] == style and r["kind"] == "right" for r in rows])
        if mask.any():
            out[style] = float(flagged[mask].mean())
    return out


def tilt(shares: dict[str, float], target: float) -> tuple[dict[str, float], float]:
    """The blend of styles closest to an even one (maximum entropy) whose mean share is ``target``:
    weights proportional to exp(lambda * share), lambda found by bisection."""
    names = list(shares)
    f = np.array([shares[n] for n in names])
    if not f.min() <= target <= f.max():
        raise SystemExit(f"target {target} outside the styles' range {f.min():.3f}..{f.max():.3f}")

    def mean(lam: float) -> float:
        w = np.exp(lam * (f - f.mean()))
        return float((w * f).sum() / w.sum())

    lo, hi = -2000.0, 2000.0
    for _ in range(200):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if mean(mid) < target else (lo, mid)
    lam = (lo + hi) / 2
    w = np.exp(lam * (f - f.mean()))
    return dict(zip(names, (w / w.sum()).tolist(), strict=True)), lam


def row_weights(rows: list[dict], blend: dict[str, float]) -> np.ndarray:
    """Each citation's weight: its style's share of the blend over the citations of its style and kind."""
    counts: dict[tuple[str, str], int] = {}
    for r in rows:
        counts[(r["style"], r["kind"])] = counts.get((r["style"], r["kind"]), 0) + 1
    return np.array([blend.get(r["style"], 0.0) / counts[(r["style"], r["kind"])] for r in rows])


def describe(rows: list[dict], shares: dict[str, float], blend: dict[str, float]) -> None:
    print(f"{'style':<12}{'claims':>7}{'support q1':>11}{'median':>8}{'q3':>7}{'first':>7}{'top 10':>8}"
          f"{'shipped flags right':>21}{'near':>7}{'blend':>8}")
    shipped = flags(arrays(rows), *SHIPPED)
    for style in BLEND_STYLES:
        right = [n for n, r in enumerate(rows) if r["style"] == style and r["kind"] == "right"]
        near = [n for n, r in enumerate(rows) if r["style"] == style and r["kind"] == "near"]
        if not right:
            continue
        q1, q2, q3 = np.percentile([rows[n]["score"] for n in right], [25, 50, 75])
        ranks = np.array([rows[n]["rank"] for n in right])
        print(f"{style:<12}{len(right):>7}{q1:>11.2f}{q2:>8.2f}{q3:>7.2f}{(ranks == 1).mean():>7.3f}{(ranks <= 10).mean():>8.3f}"
              f"{shares[style]:>21.3f}{shipped[near].mean():>7.3f}{blend[style]:>8.3f}")


def compare(train: list[dict], test: list[dict], blend: dict[str, float], precision: float, rule: bool = True,
            scored_blend: dict[str, float] | None = None) -> dict[str, dict[str, float]]:
    """Fit on ``train``, score on ``test`` (both weighted by the blend; ``test`` by ``scored_blend``
    when given): the shipped thresholds, the rule refitted (unless ``rule`` is false) and the
    learned verdict, at ``precision`` and at the shipped thresholds' precision on ``train`` (equal
    precision); and, as a reading of the two curves at one point rather than a choice that could
    ship, the learned verdict cut on ``test`` itself at the shipped thresholds' precision there."""
    w_train, w_test = row_weights(train, blend), row_weights(test, scored_blend or blend)
    a_train, a_test = arrays(train), arrays(test)
    k_train, k_test = a_train["kind"], a_test["kind"]
    x_train, x_test = matrix(train), matrix(test)
    model = fit(x_train, k_train, blend=w_train)
    z_train, z_test = logits(model, x_train), logits(model, x_test)
    level = rates(flags(a_train, *SHIPPED), k_train, w_train)["precision"]
    out = {"shipped": rates(flags(a_test, *SHIPPED), k_test, w_test)}
    for label, target in ((f"{precision:.2f}", precision), ("=shipped", level)):
        if rule:
            chosen = choose(a_train, target, weight=w_train)
            out[f"rule {label}"] = rates(flags(a_test, *chosen), k_test, w_test)
        out[f"learned {label}"] = rates(z_test >= threshold(z_train, k_train, target, w_train), k_test, w_test)
    out["learned @curve"] = rates(z_test >= threshold(z_test, k_test, out["shipped"]["precision"], w_test), k_test, w_test)
    return out


def show(name: str, found: dict[str, dict[str, float]]) -> None:
    for label, r in found.items():
        print(f"{name:<22}{label:<16}{r['precision']:>10.3f}{r['right']:>8.3f}{r['random']:>8.3f}{r['near']:>8.3f}{r['swapped']:>9.3f}")


def halves(rows: list[dict], seed: int) -> tuple[list[dict], list[dict]]:
    claims = sorted({r["source"] for r in rows})
    random.Random(seed).shuffle(claims)
    first = set(claims[::2])
    return [r for r in rows if r["source"] in first], [r for r in rows if r["source"] not in first]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--rows-dir", type=Path, required=True, help="where each draw's measured citations are kept")
    parser.add_argument("--seeds", default="7,8")
    parser.add_argument("--claims", type=int, default=1200)
    parser.add_argument("--target", type=float, default=1 / 70,
                        help="share of right citations the shipped thresholds flag on people's claims (1 of 70)")
    parser.add_argument("--precision", type=float, default=0.97, help="required on pseudo-claims (margin over 0.95)")
    parser.add_argument("--also-target", type=float,
                        help="also score what is fitted on the blend on the blend for this target (learned verdict only)")
    parser.add_argument("--learned-only", action="store_true", help="leave out the refitted threshold rule (slow)")
    parser.add_argument("--write", type=Path, help="write the learned verdict fitted on every draw here (JSON)")
    args = parser.parse_args()
    seeds = [int(s) for s in args.seeds.split(",")]
    args.rows_dir.mkdir(parents=True, exist_ok=True)
    made = draws(args.library, args.rows_dir, seeds, args.claims)
    pooled = [r for rows in made.values() for r in rows]
    shares = style_flags(pooled)
    blend, lam = tilt(shares, args.target)
    print(f"{len({r['source'] for r in pooled})} pseudo-claims, {len(pooled)} citations (seeds {args.seeds}); "
          f"blend for a target of {args.target:.4f} right citations flagged: lambda {lam:.1f}")
    describe(pooled, shares, blend)
    check = rates(flags(arrays(pooled), *SHIPPED), arrays(pooled)["kind"], row_weights(pooled, blend))
    print(f"shipped thresholds on the blend: precision {check['precision']:.3f}, right {check['right']:.3f}, "
          f"random {check['random']:.3f}, near {check['near']:.3f}")
    print(f"{'held out':<22}{'verdict':<16}{'precision':>10}{'right':>8}{'random':>8}{'near':>8}{'swapped':>9}")
    for seed, rows in made.items():
        a, b = halves(rows, seed)
        show(f"seed {seed} A -> B", compare(a, b, blend, args.precision, not args.learned_only))
        show(f"seed {seed} B -> A", compare(b, a, blend, args.precision, not args.learned_only))
    for seed, rows in made.items():
        for other, test in made.items():
            if other != seed:
                show(f"seed {seed} -> seed {other}", compare(rows, test, blend, args.precision, not args.learned_only))
    if args.also_target is not None:
        other_blend, _ = tilt(shares, args.also_target)
        print(f"fitted on this blend, scored on the blend for a target of {args.also_target:.4f}: "
              + ", ".join(f"{k} {v:.3f}" for k, v in other_blend.items()))
        for seed, rows in made.items():
            a, b = halves(rows, seed)
            show(f"seed {seed} A -> B", compare(a, b, blend, args.precision, False, other_blend))
            show(f"seed {seed} B -> A", compare(b, a, blend, args.precision, False, other_blend))
    if args.write:
        weights = row_weights(pooled, blend)
        x, kinds = matrix(pooled), arrays(pooled)["kind"]
        model = fit(x, kinds, blend=weights)
        cut = threshold(logits(model, x), kinds, args.precision, weights)
        args.write.write_text(json.dumps({
            "features": list(FEATURES), "mean": model["mean"].tolist(), "scale": model["scale"].tolist(),
            "weights": model["weights"].tolist(), "bias": model["bias"], "threshold": cut,
            "clearly_better": CLEARLY_BETTER, "blend": blend, "target": args.target, "seeds": seeds,
        }, indent=1) + "\n", encoding="utf-8")
        print(f"learned verdict fitted on every draw written to {args.write}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
