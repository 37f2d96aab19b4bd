"""The neighbourhood test for ``check``: is the cited work beaten by one of its own look-alikes?

A near error cites a work much like the right one, and the right one is then, almost by
construction, among the cited work's nearest works. The twin test of ``check`` only looks
at the library's first match for the sentence; this script measures, for each citation of
``support_thresholds.py``'s pseudo-claims, the cited work's own neighbourhood: its ``k``
nearest works (BM25F with its title and abstract as the query, or the cosine of latent
vectors), the best support any of them gives the sentence, and the cited work's place
among them by support. The rule of ``vexascite.check.support`` is then OR-ed with
"a neighbour supports the sentence by ``ngap`` more" (optionally only when the cited work is
not the library's first match), and chosen by ``support_thresholds.py``'s grid search (the
six thresholds and ``ngap`` together) for the most recall at the precision asked;
cross-fitted on the halves of each draw and compared at equal held-out precision with the
rule refitted without the test.

    .venv/bin/python scripts/support_neighbours.py LIBRARY --seed 7 --rows ROWS.json [--claims 600]
        [--precision 0.97 ...] [--variants bm25-10,latent-10] [--curve] [--measure-only]

Tried and not shipped (docs/evidence.md): the labelled benchmark found no near error more.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from itertools import product
from pathlib import Path

import numpy as np
from support_thresholds import (
    ENTRY_GRID,
    GAP_GRID,
    KINDS,
    LOW_GRID,
    RELATIVE_GRID,
    SHIPPED,
    TWIN_COSINE_GRID,
    TWIN_GAP_GRID,
    _rates,
    best_setting,
    cite,
    draw_claims,
    library_searcher,
    read_library,
    with_precision,
)

from vexascite.evidence.index import Doc
from vexascite.evidence.rank import Searcher, bearing

DEPTHS = (3, 5, 10, 20)
NGAP_GRID = [9.0] + [round(0.1 * i, 1) for i in range(11)]  # 9.0 (first, so it wins ties): no test


def make(docs: list[Doc], n: int, seed: int, words: int = 14, drop: float = 0.4, swap: float = 0.25) -> list[dict]:
    """``support_thresholds.build``'s pseudo-claims and citations (the same draw), measured
    without the contrast measures, plus each cited work's neighbourhood."""
    rng, made = draw_claims(docs, n, seed, words, drop, swap)
    searcher = library_searcher(docs)
    rows = cite(docs, made, rng, searcher, rival=False)
    neighbourhoods(searcher, {d.key: d for d in docs}, rows)
    return rows


def neighbours(searcher: Searcher, doc: Doc, how: str, k: int) -> list[int]:
    """The ``k`` works most like ``doc`` (document numbers, best first, itself left out)."""
    index = searcher.index
    me = index.position(doc.key)
    if how == "bm25":
        scores = index.scores(index.query_terms(f"{doc.title} {doc.abstract}"))
    else:
        dense = searcher.dense
        assert dense is not None and me is not None
        scores = dense.doc_vectors.astype(np.float32) @ dense.doc_vectors[me].astype(np.float32)
    if me is not None:
        scores[me] = -np.inf
    part = np.argpartition(-scores, k)[: k]
    return [int(i) for i in part[np.argsort(-scores[part], kind="stable")]]


def neighbourhoods(searcher: Searcher, by_key: dict[str, Doc], rows: list[dict]) -> None:
    """Add to each row, for each way and depth, the best support among the cited work's
    neighbours over its own (``n_<how>_<k>``) and its place among them (``p_<how>_<k>``),
    and where the claim's source stands among the cited work's neighbours (``src_<how>``)."""
    index = searcher.index
    idf = index.term_idf
    cache: dict[tuple[str, str], list[int]] = {}
    for row in rows:
        cited = by_key[row["cited"]]
        query = index.query_terms(row["claim"])
        for how in ("bm25", "latent"):
            if (how, cited.key) not in cache:
                cache[(how, cited.key)] = neighbours(searcher, cited, how, max(DEPTHS))
            near = cache[(how, cited.key)]
            keys = [index.keys[i] for i in near]
            support = [bearing(query, by_key[key], idf)[0] if key in by_key else 0.0 for key in keys]
            row[f"src_{how}"] = keys.index(row["source"]) + 1 if row["source"] in keys else 99
            for k in DEPTHS:
                best = max(support[:k])
                row[f"n_{how}_{k}"] = best - row["score"]
                row[f"p_{how}_{k}"] = 1 + sum(s > row["score"] for s in support[:k])


def arrays(rows: list[dict], variant: str) -> dict[str, np.ndarray]:
    names = ("kind", "score", "rank", "relative", "gap", "entry", "twin")
    out = {name: np.array([r[name] for r in rows]) for name in names}
    how, k = variant.split("-")[:2]
    out["ngap"] = np.array([r[f"n_{how}_{k}"] for r in rows])
    return out


def flags(a: dict[str, np.ndarray], chosen: tuple[float, ...], outranked_only: bool) -> np.ndarray:
    low, relative, gap, entry, twin_cosine, twin_gap, ngap = chosen
    outranked = a["rank"] != 1
    twin = (a["twin"] >= twin_cosine) & (a["gap"] >= twin_gap)
    near = a["ngap"] >= ngap
    if outranked_only:
        near = near & outranked
    return (a["score"] < low) | (outranked & ((a["relative"] < relative) | (a["gap"] >= gap) | twin | (a["entry"] >= entry))) | near


def choose(a: dict[str, np.ndarray], precision: float, test: bool, outranked_only: bool) -> tuple[float, ...]:
    """``support_thresholds.choose`` with the neighbourhood gap as a seventh threshold
    (``test=False``: the shipped rule's six only). The same choice, counted by one matrix
    product per setting of the last three: a citation the extra tests flag is flagged
    whatever the first four thresholds say."""
    combos = np.array(list(product(LOW_GRID, RELATIVE_GRID, GAP_GRID, ENTRY_GRID)))
    outranked = a["rank"] != 1
    low, relative, gap, entry = (combos[:, n : n + 1] for n in range(4))
    base = ((a["score"] < low) | (outranked & ((a["relative"] < relative) | (a["gap"] >= gap) | (a["entry"] >= entry)))
            ).astype(np.float32)
    of_kind = np.stack([a["kind"] == kind for kind in KINDS], axis=1)
    sizes = np.maximum(of_kind.sum(axis=0), 1)
    best: tuple[float, ...] = (0.0, 0.0, 9.0, 9.0, 9.0, 9.0, 9.0)
    best_key = (-1.0, 0.0)
    for twin_cosine, twin_gap, ngap in product(TWIN_COSINE_GRID, TWIN_GAP_GRID, NGAP_GRID if test else [9.0]):
        extra = outranked & (a["twin"] >= twin_cosine) & (a["gap"] >= twin_gap)
        near = a["ngap"] >= ngap
        extra = extra | ((near & outranked) if outranked_only else near)
        counts = base @ (of_kind & ~extra[:, None]).astype(np.float32) + (of_kind & extra[:, None]).sum(axis=0)
        share = counts / sizes
        found = best_setting(with_precision(dict(zip(KINDS, share.T, strict=True))), precision)
        if found is None:
            continue
        n, key = found
        if key > best_key:
            best_key = key
            best = (*(float(v) for v in combos[n]), twin_cosine, twin_gap, ngap)
    return best


def evaluate(a: dict[str, np.ndarray], chosen: tuple[float, ...], outranked_only: bool) -> dict[str, float]:
    rates = _rates(flags(a, chosen, outranked_only)[None, :], a["kind"])
    return {name: float(value[0]) for name, value in rates.items()}


def describe(rows: list[dict]) -> None:
    """Where the source stands among the cited work's neighbours, and how the neighbourhood
    gap separates right from near citations the shipped rule lets through."""
    for kind in ("right", "near"):
        sub = [r for r in rows if r["kind"] == kind]
        for how in ("bm25", "latent"):
            places = np.array([r[f"src_{how}"] for r in sub])
            print(f"  {kind:<6} {how:<7} source among the cited work's 20 nearest: "
                  f"1st {np.mean(places == 1):.3f}, top 3 {np.mean(places <= 3):.3f}, top 10 {np.mean(places <= 10):.3f}, "
                  f"top 20 {np.mean(places <= 20):.3f}")
    a = {name: np.array([r[name] for r in rows]) for name in ("kind", "score", "rank", "relative", "gap", "entry", "twin")}
    a["ngap"] = np.zeros(len(rows))
    missed = ~flags(a, (*SHIPPED, 9.0), False)
    print("  neighbourhood gap (best neighbour's support over the cited work's), quartiles, "
          "of the citations the shipped rule does not flag:")
    for variant in ("bm25-5", "bm25-10", "latent-5", "latent-10"):
        how, k = variant.split("-")
        for kind in ("right", "near"):
            values = np.array([r[f"n_{how}_{k}"] for r, m in zip(rows, missed, strict=True) if m and r["kind"] == kind])
            if len(values):
                q = np.percentile(values, [25, 50, 75, 90])
                print(f"    {variant:<10}{kind:<6} n={len(values):>4}  " + " / ".join(f"{v:+.2f}" for v in q))


def held_out(rows: list[dict], halves: list[set[str]], variant: str, target: float) -> dict[str, float]:
    """Mean over the two halves of what is chosen on one half and scored on the other."""
    out = variant.endswith("-out")
    use = "bm25-5" if variant == "shipped rule" else variant
    found: list[dict[str, float]] = []
    for train, test in ((halves[0], halves[1]), (halves[1], halves[0])):
        chosen = choose(arrays([r for r in rows if r["source"] in train], use), target, variant != "shipped rule", out)
        found.append(evaluate(arrays([r for r in rows if r["source"] in test], use), chosen, out))
    return {k: (found[0][k] + found[1][k]) / 2 for k in found[0]}


def curve(rows: list[dict], halves: list[set[str]], targets: list[float], variants: list[str]) -> int:
    points = {v: [held_out(rows, halves, v, t) for t in targets] for v in ["shipped rule", *variants]}
    print(f"{'variant':<16}{'target':>7}{'precision':>10}{'right':>8}{'random':>8}{'near':>8}{'near of the rule at that precision':>36}")
    base = sorted((p["precision"], p["near"]) for p in points["shipped rule"])
    for v, found in points.items():
        for t, p in zip(targets, found, strict=True):
            at = float(np.interp(p["precision"], [b[0] for b in base], [b[1] for b in base]))
            inside = base[0][0] <= p["precision"] <= base[-1][0]
            note = f"{at:.3f} ({p['near'] - at:+.3f})" if inside and v != "shipped rule" else ""
            print(f"{v:<16}{t:>7.3f}{p['precision']:>10.3f}{p['right']:>8.3f}{p['random']:>8.3f}{p['near']:>8.3f}{note:>36}",
                  flush=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--claims", type=int, default=600)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rows", type=Path, help="measured citations: read when present, else written")
    parser.add_argument("--precision", type=float, action="append", help="targets (default 0.97)")
    parser.add_argument("--variants", default="bm25-5,bm25-10,latent-5,latent-10",
                        help="neighbourhoods: <bm25|latent>-<k>, a trailing -out for 'only when outranked'")
    parser.add_argument("--curve", action="store_true",
                        help="read the held-out halves' mean precision and near recall at each target as a curve, and "
                             "each variant's near recall against the refitted rule's at the same held-out precision")
    parser.add_argument("--measure-only", action="store_true", help="write --rows and stop")
    args = parser.parse_args()
    if args.rows and args.rows.exists():
        rows = json.loads(args.rows.read_text(encoding="utf-8"))
    else:
        rows = make(read_library(args.library), args.claims, args.seed)
        if args.rows:
            args.rows.write_text(json.dumps(rows), encoding="utf-8")
    if args.measure_only:
        return 0
    claims = sorted({r["source"] for r in rows})
    random.Random(args.seed).shuffle(claims)
    halves = [set(claims[::2]), set(claims[1::2])]
    print(f"{len(claims)} pseudo-claims, {len(rows)} citations (seed {args.seed})")
    describe(rows)
    if args.curve:
        return curve(rows, halves, args.precision or [0.95, 0.96, 0.97, 0.98, 0.99], args.variants.split(","))
    print(f"{'variant':<16}{'target':>7}{'held out':>9}{'precision':>10}" + "".join(f"{k:>9}" for k in KINDS)
          + "   chosen (low rel gap entry twin tgap ngap)")
    for target in args.precision or [0.97]:
        for variant in ["shipped rule"] + args.variants.split(","):
            out = variant.endswith("-out")
            for name, train, test in (("B", halves[0], halves[1]), ("A", halves[1], halves[0])):
                use = "bm25-5" if variant == "shipped rule" else variant
                chosen = choose(arrays([r for r in rows if r["source"] in train], use), target, variant != "shipped rule", out)
                r = evaluate(arrays([r for r in rows if r["source"] in test], use), chosen, out)
                print(f"{variant:<16}{target:>7.2f}{name:>9}{r['precision']:>10.3f}" + "".join(f"{r[k]:>9.3f}" for k in KINDS)
                      + "   " + " ".join(f"{v:g}" for v in chosen), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
