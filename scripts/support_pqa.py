"""Set ``check``'s unsupported-citation verdict on conclusions written by authors (PubMedQA).

PubMedQA's expert-labelled set (``data/ori_pqal.json`` of github.com/pubmedqa/pubmedqa, MIT
licence; pinned commit ``PUBMEDQA_COMMIT``) holds 1,000 PubMed abstracts, each split into its
conclusion (``LONG_ANSWER``) and the rest (``CONTEXTS``). The conclusion is a claim-like
sentence written by the authors whose source is known: the rest of its own abstract. The
library is a runtime library (``LIBRARY``, JSON Lines with ``id`` and ``abstract``) plus the
PubMedQA contexts as abstracts (key ``pqa<PMID>``; a context already in the library is left
out). Each claim, the whole conclusion (``full``) or its first sentence (``first``), is cited
four ways: its own context (right); a random other PubMedQA context (random: another claim's
source); the abstract most like its own context by bm25s that is not it (near, as
``benchmarks/support_check.py`` picks it); the next claim's source in a list of 25 (swapped).
Every citation is measured as ``check`` measures it (:func:`vexascite.evidence.rank.measure_citation`).

Cross-fitting on the claims split in two halves by a seeded shuffle: on each held-out half,
at a precision of ``--precision`` with 30% wrong (half random, half near), compares (a) the
shipped thresholds, (b) thresholds chosen by ``support_thresholds.choose`` on the other half,
(c) a logistic verdict over the measures ``check`` already has (``FEATURES``), fitted and cut
on the other half; and each read at the shipped thresholds' precision on the fitting half.
What is fitted on all of the PubMedQA claims is also scored on pseudo-claims made from the
library alone (``support_thresholds.build``, ``--pseudo-seed``), to see that it does not break
there; and (b) and (c) are chosen once more to keep the precision on both sets at once
(:func:`compare_joint`). ``--match`` weights the claims so that their near twins are as alike
as the library's own works' (:func:`closeness_weights`).

Nothing of this ships: on these claims (b) and (c) beat the shipped thresholds, but they flag
many right pseudo-claims, and chosen for both sets at once they move along the shipped
thresholds' curve (docs/evidence.md). The PubMedQA file is read from a path, never fetched:
``git show 1cbae8e92f72f20c8d3747cbb3bf5bc53554d997:data/ori_pqal.json`` in a clone.

    .venv/bin/python scripts/support_pqa.py LIBRARY ORI_PQAL_JSON [--rows FILE] [--seed 15] [--match]
        [--pseudo 600] [--pseudo-seed 8]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from itertools import product
from pathlib import Path

import numpy as np
from support_model import fit, rates, threshold
from support_thresholds import (
    ENTRY_GRID,
    GAP_GRID,
    LIST_SIZE,
    LOW_GRID,
    RELATIVE_GRID,
    SHIPPED,
    TWIN_COSINE_GRID,
    TWIN_GAP_GRID,
    Thresholds,
    _rates,
    arrays,
    build,
    choose,
    evaluate,
    flags,
    library_searcher,
    read_library,
)

from vexascite.check.support import CLEARLY_BETTER
from vexascite.evidence.index import Doc
from vexascite.evidence.rank import measure_citation
from vexascite.evidence.text import sentences

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from bm25_baseline import Baseline  # noqa: E402

PUBMEDQA_COMMIT = "1cbae8e92f72f20c8d3747cbb3bf5bc53554d997"
VARIANTS = ("full", "first")
#: What the learned verdict reads: only the measures ``check`` already takes of a citation.
FEATURES = ("score", "outranked", "unranked", "relative", "library_gap", "entry_gap", "twin", "twin_x_gap")


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def pubmedqa_docs(path: Path, library: list[Doc]) -> tuple[list[Doc], dict[str, str], int]:
    """PubMedQA's contexts as works (``pqa<PMID>``) and their conclusions; contexts whose text
    the library already holds (an opening of 120 letters found in a library abstract) are
    left out, with their count."""
    data = json.loads(path.read_text(encoding="utf-8"))
    held = "\n".join(_letters(d.abstract) for d in library)
    docs: list[Doc] = []
    conclusions: dict[str, str] = {}
    dropped = 0
    for pmid, item in data.items():
        context = " ".join(part.strip() for part in item["CONTEXTS"])
        if _letters(context)[:120] in held:
            dropped += 1
            continue
        key = f"pqa{pmid}"
        docs.append(Doc(key, "", context))
        conclusions[key] = item["LONG_ANSWER"].strip()
    return docs, conclusions, dropped


def claim_of(conclusion: str, variant: str) -> str:
    """The whole conclusion, or its first sentence (more like one claim)."""
    if variant == "full":
        return conclusion
    found = sentences(conclusion)
    return found[0] if found else conclusion


def measure(docs: list[Doc], pqa: list[Doc], conclusions: dict[str, str], seed: int) -> list[dict]:
    """Every claim of both variants cited right, at random, near and swapped, measured as ``check`` does."""
    rng = random.Random(seed)
    searcher = library_searcher(docs)
    baseline = Baseline([d.abstract for d in docs])
    keys = [d.key for d in docs]
    by_key = {d.key: d for d in docs}
    order = list(pqa)
    rng.shuffle(order)
    found = baseline.top([d.abstract for d in order], k=20)
    near = {doc.key: next(keys[j] for j in row if keys[j] != doc.key) for doc, row in zip(order, found, strict=True)}
    rows: list[dict] = []
    for start in range(0, len(order), LIST_SIZE):
        group = order[start : start + LIST_SIZE]
        listed = {d.key: d for d in group}
        for n_in, doc in enumerate(group):
            other = rng.choice(pqa)
            while other.key == doc.key:
                other = rng.choice(pqa)
            swapped = group[(n_in + 1) % len(group)]
            for variant in VARIANTS:
                claim = claim_of(conclusions[doc.key], variant)
                for kind, cited in (("right", doc), ("random", other), ("near", by_key[near[doc.key]]), ("swapped", swapped)):
                    if kind == "swapped" and cited.key == doc.key:
                        continue
                    entries = listed if kind in ("right", "swapped") else {k: d for k, d in listed.items() if k != doc.key}
                    m = measure_citation(searcher, claim, cited, entries, 10)
                    rows.append({"variant": variant, "claim": claim, "source": doc.key, "cited": cited.key, "kind": kind,
                                 "score": m.score, "rank": m.library_rank or 99, "relative": m.relative or 0.0,
                                 "gap": (m.library_best or 0.0) - m.score,
                                 "entry": (m.alternative_score or 0.0) - m.score,
                                 "twin": -9.0 if m.twin_cosine is None else m.twin_cosine,
                                 "library_rank": m.library_rank, "library_best": m.library_best,
                                 "alternative_score": m.alternative_score})
        print(f"  measured {min(start + LIST_SIZE, len(order))} of {len(order)} claims", file=sys.stderr, flush=True)
    return rows


def features(row: dict) -> list[float]:
    """A measured citation as the numbers of ``FEATURES``."""
    score = row["score"]
    outranked = float(row["library_rank"] != 1)
    gap = 0.0 if row["library_best"] is None else row["library_best"] - score
    alternative = row["alternative_score"]
    entry = -1.0 if alternative is None else min(2.0, max(-1.0, alternative - score))
    twin = max(0.0, row["twin"])
    return [score, outranked, float(row["library_rank"] is None), row["relative"], gap, entry, twin,
            outranked * twin * max(0.0, gap)]


def matrix(rows: list[dict]) -> np.ndarray:
    return np.array([features(r) for r in rows], dtype=np.float64)


def logits(model: dict, x: np.ndarray) -> np.ndarray:
    """Log-odds of a wrong citation; infinity where another list entry fits clearly better."""
    z = model["bias"] + ((x - model["mean"]) / model["scale"]) @ model["weights"]
    return np.where(x[:, FEATURES.index("entry_gap")] >= CLEARLY_BETTER, np.inf, z)


def rates_of(flagged: np.ndarray, rows: list[dict], weight: np.ndarray | None = None) -> dict[str, float]:
    return {k: float(v[0]) for k, v in _rates(flagged[None, :], arrays(rows)["kind"], weight).items()}


def line(name: str, r: dict[str, float]) -> str:
    return (f"  {name:<34}{r['precision']:>10.3f}{r['right']:>8.3f}{r['random']:>8.3f}{r['near']:>8.3f}"
            f"{r['swapped']:>9.3f}")


def describe(rows: list[dict], claim_weight: dict[str, float] | None = None) -> None:
    """How hard each kind of citation is: support quartiles, cited work ranked first and in the
    top 10, and the share the shipped thresholds flag (weighted as the claims are, if they are)."""
    print(f"  {'cited':<8}{'n':>6}{'support q1':>11}{'median':>8}{'q3':>7}{'first':>7}{'top 10':>8}"
          f"{'flagged (shipped)':>19}")
    a = arrays(rows)
    w = np.ones(len(rows)) if claim_weight is None else np.array([claim_weight[r["source"]] for r in rows])
    shipped = flags(a, *SHIPPED)
    for kind in ("right", "random", "near", "swapped"):
        mask = a["kind"] == kind
        q1, q2, q3 = np.percentile(a["score"][mask], [25, 50, 75])
        ranks, share = a["rank"][mask], w[mask] / w[mask].sum()
        print(f"  {kind:<8}{mask.sum():>6}{q1:>11.2f}{q2:>8.2f}{q3:>7.2f}{share @ (ranks == 1):>7.3f}"
              f"{share @ (ranks <= 10):>8.3f}{share @ shipped[mask]:>19.3f}")


def compare(rows: list[dict], seed: int, precision: float, claim_weight: dict[str, float] | None = None) -> dict[str, tuple]:
    """Cross-fitted comparison on one variant's rows (``claim_weight``: each claim's weight, else
    equal); returns what is fitted on all of them."""
    claims = sorted({r["source"] for r in rows})
    random.Random(seed).shuffle(claims)
    halves = [set(claims[::2]), set(claims[1::2])]
    x, kinds = matrix(rows), np.array([r["kind"] for r in rows])
    w = None if claim_weight is None else np.array([claim_weight[r["source"]] for r in rows])
    in_half = [np.array([r["source"] in half for r in rows]) for half in halves]
    head = f"  {'verdict (fitted on the other half)':<34}{'precision':>10}{'right':>8}{'random':>8}{'near':>8}{'swapped':>9}"
    shipped_all = flags(arrays(rows), *SHIPPED)

    def part(mask: np.ndarray) -> np.ndarray | None:
        return None if w is None else w[mask]

    for name, fitting, scored in (("half A", in_half[1], in_half[0]), ("half B", in_half[0], in_half[1])):
        fit_rows = [r for r, k in zip(rows, fitting, strict=True) if k]
        held_rows = [r for r, k in zip(rows, scored, strict=True) if k]
        print(f" held out: {name} ({len(held_rows)} citations)")
        print(head)
        print(line("(a) shipped thresholds", rates_of(shipped_all[scored], held_rows, part(scored))))
        level = rates_of(shipped_all[fitting], fit_rows, part(fitting))["precision"]
        model = fit(x[fitting], kinds[fitting], blend=part(fitting))
        z = logits(model, x)
        for label, target in ((f"{precision:.2f}", precision), (f"={level:.3f} (shipped's)", level)):
            chosen = choose(arrays(fit_rows), target, weight=part(fitting))
            print(line(f"(b) thresholds {label}", evaluate(arrays(held_rows), *chosen, weight=part(scored))))
            cut = threshold(z[fitting], kinds[fitting], target, part(fitting))
            print(line(f"(c) learned {label}", rates_of((z >= cut)[scored], held_rows, part(scored))))
            if label == f"{precision:.2f}":
                print(f"      (b) chose {chosen}")
    chosen_all = choose(arrays(rows), precision, weight=w)
    model_all = fit(x, kinds, blend=w)
    cut_all = threshold(logits(model_all, x), kinds, precision, w)
    print(f" fitted on all: thresholds {chosen_all}; learned weights "
          + ", ".join(f"{n} {v:+.2f}" for n, v in zip(FEATURES, model_all["weights"], strict=True))
          + f", bias {model_all['bias']:+.2f}, cut {cut_all:+.3f}")
    return {"thresholds": chosen_all, "model": (model_all, cut_all)}


def choose_joint(sets: list[dict[str, np.ndarray]], precision: float) -> Thresholds:
    """The thresholds of ``support_thresholds``' grid with the most recall (random + near +
    swapped, summed over ``sets``) at a precision of at least ``precision`` on every one of
    them (ties: fewer right citations flagged, then the first in grid order)."""
    combos = np.array(list(product(LOW_GRID, RELATIVE_GRID, GAP_GRID, ENTRY_GRID)))
    low, relative, gap, entry = (combos[:, n : n + 1] for n in range(4))
    bases = [(a["score"] < low) | ((a["rank"] != 1) & ((a["relative"] < relative) | (a["gap"] >= gap) | (a["entry"] >= entry)))
             for a in sets]
    best: Thresholds = (0.0, 0.0, 9.0, 9.0, 9.0, 9.0)
    best_key = (-1.0, 0.0)
    for twin_cosine, twin_gap in product(TWIN_COSINE_GRID, TWIN_GAP_GRID):
        found = [_rates(base | ((a["rank"] != 1) & (a["twin"] >= twin_cosine) & (a["gap"] >= twin_gap)), a["kind"])
                 for base, a in zip(bases, sets, strict=True)]
        ok = np.logical_and.reduce([r["precision"] >= precision for r in found])
        if not ok.any():
            continue
        recall = np.where(ok, sum(r["random"] + r["near"] + r["swapped"] for r in found), -1.0)
        right = sum(r["right"] for r in found)
        top = np.flatnonzero(recall == recall.max())
        n = int(top[np.argmin(right[top])])
        key = (float(recall[n]), -float(right[n]))
        if key > best_key:
            best_key = key
            best = (*(float(v) for v in combos[n]), twin_cosine, twin_gap)  # type: ignore[assignment]
    return best


def cut_joint(zs: list[np.ndarray], kinds: list[np.ndarray], precision: float) -> float:
    """The log-odds cut with the most recall (summed over the sets) at ``precision`` on every set."""
    finite = np.concatenate([z[np.isfinite(z)] for z in zs])
    best, best_recall = float(finite.max()) + 1.0, -1.0
    for cut in np.unique(np.round(finite, 3))[::-1]:
        found = [rates(z >= cut, k) for z, k in zip(zs, kinds, strict=True)]
        if all(r["precision"] >= precision for r in found):
            recall = sum(r["random"] + r["near"] + r["swapped"] for r in found)
            if recall > best_recall + 1e-12:
                best, best_recall = float(cut), recall
    return best


def compare_joint(pqa_rows: list[dict], pseudo: list[dict], seed: int, precision: float) -> None:
    """(b) and (c) chosen to keep ``precision`` on PubMedQA's claims and on pseudo-claims at
    once (each fitted on one half of both, scored on the other halves of both)."""
    def halves(rows: list[dict]) -> list[np.ndarray]:
        claims = sorted({r["source"] for r in rows})
        random.Random(seed).shuffle(claims)
        parts = [set(claims[::2]), set(claims[1::2])]
        return [np.array([r["source"] in part for r in rows]) for part in parts]

    sets = [pqa_rows, pseudo]
    split = [halves(rows) for rows in sets]
    xs = [matrix(rows) for rows in sets]
    ks = [np.array([r["kind"] for r in rows]) for rows in sets]
    print(f"  {'verdict (fitted on the other halves)':<34}{'precision':>10}{'right':>8}{'random':>8}{'near':>8}"
          f"{'swapped':>9}  scored on")
    for name, fitting, scored in (("half A", 1, 0), ("half B", 0, 1)):
        fit_sets = [arrays([r for r, k in zip(rows, sp[fitting], strict=True) if k]) for rows, sp in zip(sets, split, strict=True)]
        chosen = choose_joint(fit_sets, precision)
        # the pooled fit: each set weighs the same, each kind within a set as in FIT_WEIGHT
        x = np.vstack([x[sp[fitting]] for x, sp in zip(xs, split, strict=True)])
        kinds = np.concatenate([k[sp[fitting]] for k, sp in zip(ks, split, strict=True)])
        blend = np.concatenate([np.full(int(sp[fitting].sum()), 1.0 / sp[fitting].sum()) for sp in split])
        model = fit(x, kinds, blend=blend)
        cut = cut_joint([logits(model, x[sp[fitting]]) for x, sp in zip(xs, split, strict=True)],
                        [k[sp[fitting]] for k, sp in zip(ks, split, strict=True)], precision)
        print(f"   {name} held out; (b) chose {chosen}")
        for label, rows, x, sp in (("PubMedQA", pqa_rows, xs[0], split[0]), ("pseudo", pseudo, xs[1], split[1])):
            held = [r for r, k in zip(rows, sp[scored], strict=True) if k]
            print(line("(a) shipped thresholds", evaluate(arrays(held), *SHIPPED)) + f"  {label}")
            print(line("(b) thresholds, joint", evaluate(arrays(held), *chosen)) + f"  {label}")
            print(line("(c) learned, joint", rates_of((logits(model, x) >= cut)[sp[scored]], held)) + f"  {label}")


#: Edges of the bins of a work's closeness to its near twin (cosine of latent vectors) in which
#: PubMedQA's claims are weighted to the library's own share (``--match``); the library's share
#: above the last inner edge falls in the last bin.
CLOSENESS_EDGES = (0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75)


def closeness_weights(docs: list[Doc], library: list[Doc], pqa: list[Doc], seed: int) -> dict[str, float]:
    """Weights that give PubMedQA's claims the library's own distribution of how close a work's
    near twin is (bm25s's best other abstract, as near is picked; cosine of latent vectors),
    measured on 1,000 of the library's works (no claim is read): a near error is harder, and
    a right citation harder to rank first, where the library holds close look-alikes."""
    from vexascite.evidence.rank import _closeness

    searcher = library_searcher(docs)
    baseline = Baseline([d.abstract for d in docs])
    keys = [d.key for d in docs]

    def closeness(group: list[Doc]) -> np.ndarray:
        found = baseline.top([d.abstract for d in group], k=5)
        return np.array([_closeness(searcher, d.key, next(keys[j] for j in row if keys[j] != d.key)) or 0.0
                         for d, row in zip(group, found, strict=True)])

    own = closeness(random.Random(seed).sample(library, min(1000, len(library))))
    theirs = closeness(pqa)
    own_bins, their_bins = np.digitize(own, CLOSENESS_EDGES), np.digitize(theirs, CLOSENESS_EDGES)
    share_own = np.bincount(own_bins, minlength=len(CLOSENESS_EDGES) + 1) / len(own)
    share_theirs = np.bincount(their_bins, minlength=len(CLOSENESS_EDGES) + 1) / len(theirs)
    ratio = np.where(share_theirs > 0, share_own / np.where(share_theirs > 0, share_theirs, 1.0), 0.0)
    weight = ratio[their_bins]
    print(f"closeness of a work to its near twin, quartiles: library {np.percentile(own, [25, 50, 75]).round(3)}, "
          f"PubMedQA {np.percentile(theirs, [25, 50, 75]).round(3)}; library's share beyond PubMedQA's last bin "
          f"{(own >= CLOSENESS_EDGES[-1]).mean():.3f}; effective claims after weighting "
          f"{weight.sum() ** 2 / (weight ** 2).sum():.0f} of {len(weight)}")
    return {d.key: float(v) for d, v in zip(pqa, weight, strict=True)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("pubmedqa", type=Path, help=f"data/ori_pqal.json of pubmedqa/pubmedqa at {PUBMEDQA_COMMIT}")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--precision", type=float, default=0.97)
    parser.add_argument("--rows", type=Path, help="keep the measured citations here and reuse them if present")
    parser.add_argument("--match", action="store_true", help="weight the claims to the library's closeness of near twins")
    parser.add_argument("--pseudo-seed", type=int, default=8, help="seed of the pseudo-claims (the shipped thresholds were set on seed 7)")
    parser.add_argument("--pseudo", type=int, default=600, help="pseudo-claims to score the fitted verdicts on (0: none)")
    args = parser.parse_args()
    library = read_library(args.library)
    pqa, conclusions, dropped = pubmedqa_docs(args.pubmedqa, library)
    print(f"{len(pqa)} PubMedQA contexts added to {len(library)} works ({dropped} already in the library, left out)")
    if args.rows and args.rows.exists():
        rows = json.loads(args.rows.read_text(encoding="utf-8"))
    else:
        rows = measure(library + pqa, pqa, conclusions, args.seed)
        if args.rows:
            args.rows.write_text(json.dumps(rows), encoding="utf-8")
    weights = closeness_weights(library + pqa, library, pqa, args.seed) if args.match else None
    fitted: dict[str, dict] = {}
    for variant in VARIANTS:
        sub = [r for r in rows if r["variant"] == variant]
        print(f"== claims: {variant} ({'whole conclusion' if variant == 'full' else 'its first sentence'}), "
              f"{len({r['source'] for r in sub})} claims, {len(sub)} citations")
        describe(sub, weights)
        fitted[variant] = compare(sub, args.seed, args.precision, weights)
    if args.pseudo:
        cached = args.rows.with_suffix(f".pseudo{args.pseudo_seed}.json") if args.rows else None
        if cached and cached.exists():
            pseudo = json.loads(cached.read_text(encoding="utf-8"))
        else:
            pseudo = build(library, args.pseudo, args.pseudo_seed, 14, 0.4, 0.25)
            if cached:
                cached.write_text(json.dumps(pseudo), encoding="utf-8")
        print(f"== pseudo-claims (support_thresholds' defaults, seed {args.pseudo_seed}, {len({r['source'] for r in pseudo})} claims), "
              "fitted on all PubMedQA claims")
        print(f"  {'verdict':<34}{'precision':>10}{'right':>8}{'random':>8}{'near':>8}{'swapped':>9}")
        print(line("(a) shipped thresholds", evaluate(arrays(pseudo), *SHIPPED)))
        xp = matrix(pseudo)
        for variant in VARIANTS:
            print(line(f"(b) thresholds ({variant})", evaluate(arrays(pseudo), *fitted[variant]["thresholds"])))
            model, cut = fitted[variant]["model"]
            print(line(f"(c) learned ({variant})", rates_of(logits(model, xp) >= cut, pseudo)))
        for variant in VARIANTS:
            print(f"== chosen to keep the precision on PubMedQA's claims ({variant}) and the pseudo-claims at once")
            compare_joint([r for r in rows if r["variant"] == variant], pseudo, args.seed, args.precision)
    return 0


if __name__ == "__main__":
    sys.exit(main())
