"""Derive ``check``'s unsupported-citation thresholds from pseudo-claims made from a library.

No labelled claims are used. From a library of abstracts (JSON Lines with ``id`` and
``abstract``, or a CSL-JSON array) the script draws abstracts at random and makes one
pseudo-claim from each: one of its sentences, shortened to at most ``--words`` words,
with each word other than a number dropped with probability ``--drop`` (a claim states
less than the sentence it summarises and in other words). Each pseudo-claim is cited three
ways: its own abstract ("right"), a random other abstract ("random") and the abstract most
like its own by BM25F with the whole abstract as the query ("near": a work on the same
subject that is not where the sentence came from). Every citation is measured exactly as
``check`` measures it (:func:`vexascite.evidence.rank.measure_citation`).

The rule: support below ``low``; or, when the cited work is not the library's first match,
its BM25F score below ``rel`` of the best, the library's best supporting the sentence by
``gap`` more (by ``tgap`` more when the first match's latent vector has a cosine of at least
``twin`` with the cited work's), or another list entry by ``entry`` more. Thresholds are
chosen by a grid search that maximises recall (random + near + swapped) subject to a
precision of at least ``--precision`` when 30% of citations are wrong, half random and
half near (the mix ``benchmarks/support_check.py`` builds). Cross-fitting: the pseudo-claims
are split in two halves; thresholds chosen on each half are scored on the other, and the
thresholds shipped are the ones chosen on all of them. ``scripts/support_model.py`` reuses
``cite`` (with the contrast measures) to compare a learned verdict with this rule.

    .venv/bin/python scripts/support_thresholds.py LIBRARY [--claims 600] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import asdict
from itertools import product
from pathlib import Path

import numpy as np

from vexascite.check.support import (
    CLEARLY_BETTER,
    LIBRARY_GAP,
    LOW_SUPPORT,
    RELATIVE_SCORE,
    TWIN_COSINE,
    TWIN_GAP,
)
from vexascite.evidence.dense import DenseIndex
from vexascite.evidence.index import Doc, LexicalIndex
from vexascite.evidence.rank import Searcher, measure_citation
from vexascite.evidence.sentences import SentenceIndex
from vexascite.evidence.text import sentences

LOW_GRID = [round(0.1 * i, 1) for i in range(8)]
RELATIVE_GRID = [round(0.05 * i, 2) for i in range(13)]
GAP_GRID = [round(0.1 * i, 1) for i in range(4, 21, 2)]
ENTRY_GRID = [round(0.1 * i, 1) for i in range(1, 11)]
TWIN_COSINE_GRID = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95]
TWIN_GAP_GRID = [9.0] + [round(0.1 * i, 1) for i in range(9)]  # 9.0 (first, so it wins ties): no twin test
LIST_SIZE = 25
KINDS = ("right", "random", "near", "swapped")
MIX = {"right": 0.70, "random": 0.15, "near": 0.15}
#: The thresholds `check` ships, in the order `flags` and `evaluate` take them.
SHIPPED = (LOW_SUPPORT, RELATIVE_SCORE, LIBRARY_GAP, CLEARLY_BETTER, TWIN_COSINE, TWIN_GAP)


def read_library(path: Path) -> list[Doc]:
    text = path.read_text(encoding="utf-8")
    rows = json.loads(text) if text.lstrip().startswith("[") else [json.loads(line) for line in text.splitlines() if line.strip()]
    return [Doc(str(r["id"]), r.get("title") or "", r.get("abstract") or "") for r in rows if (r.get("abstract") or "").strip()]


def pseudo_claim(abstract: str, rng: random.Random, words: int, drop: float, swap: float, pool: list[str]) -> str | None:
    """One sentence of ``abstract``, shortened, with words dropped and some replaced by
    words the abstract does not use (a claim's own wording); numbers are kept."""
    candidates = [s for s in sentences(abstract) if len(s.split()) >= 8]
    if not candidates:
        return None
    tokens = rng.choice(candidates).rstrip(".").split()
    start = rng.randrange(0, max(1, len(tokens) - words + 1))
    tokens = tokens[start : start + words]
    kept = [t for t in tokens if any(ch.isdigit() for ch in t) or rng.random() >= drop]
    kept = [t if any(ch.isdigit() for ch in t) or rng.random() >= swap else rng.choice(pool) for t in kept]
    return " ".join(kept) if len(kept) >= 4 else None


def draw_claims(docs: list[Doc], n: int, seed: int, words: int, drop: float,
                swap: float) -> tuple[random.Random, list[tuple[Doc, str]]]:
    """``n`` pseudo-claims, each with the work it was made from, and the draw's generator
    as it stands after them (citing them goes on drawing from it)."""
    rng = random.Random(seed)
    pool = [w for d in rng.sample(docs, min(500, len(docs))) for w in d.abstract.split() if w.isalpha() and len(w) > 3]
    made: list[tuple[Doc, str]] = []
    for doc in rng.sample(docs, min(n, len(docs))):
        claim = pseudo_claim(doc.abstract, rng, words, drop, swap, pool)
        if claim is not None:
            made.append((doc, claim))
    return rng, made


def build(docs: list[Doc], n: int, seed: int, words: int, drop: float, swap: float) -> list[dict]:
    rng, made = draw_claims(docs, n, seed, words, drop, swap)
    return cite(docs, made, rng)


def library_searcher(docs: list[Doc]) -> Searcher:
    """The library's index as ``check`` builds it (BM25F, single sentences, latent vectors)."""
    index = LexicalIndex.build(docs)
    by_key = {d.key: d for d in docs}
    return Searcher(index, lambda keys: {k: by_key[k] for k in keys if k in by_key}, sentences=SentenceIndex.build(docs),
                    dense=DenseIndex.build(index))


def cite(docs: list[Doc], made: list[tuple[Doc, str]], rng: random.Random, searcher: Searcher | None = None,
         rival: bool = True) -> list[dict]:
    """Cite each pseudo-claim (its abstract, its text) right, at random, near and swapped in
    lists of ``LIST_SIZE``, and measure every citation as ``check`` does (``rival``: with the
    contrast measures too)."""
    searcher = searcher or library_searcher(docs)
    index = searcher.index
    by_key = {d.key: d for d in docs}
    rows: list[dict] = []
    for start in range(0, len(made), LIST_SIZE):
        group = made[start : start + LIST_SIZE]
        listed = {doc.key: doc for doc, _ in group}
        for n_in, (doc, claim) in enumerate(group):
            like = index.top(index.query_terms(doc.abstract), 2)
            near = next((index.keys[i] for i, _ in like if index.keys[i] != doc.key), None)
            other = rng.choice(docs)
            while other.key == doc.key:
                other = rng.choice(docs)
            swapped = group[(n_in + 1) % len(group)][0]
            for kind, cited in (("right", doc), ("random", other), ("near", by_key.get(near or "")), ("swapped", swapped)):
                if cited is None or (kind == "swapped" and cited.key == doc.key):
                    continue
                # a wrong work cited in place of the source leaves the source out of the list;
                # swapped numbers keep it in (cited on another line)
                entries = listed if kind in ("right", "swapped") else {k: d for k, d in listed.items() if k != doc.key}
                m = measure_citation(searcher, claim, cited, entries, 10, rival=rival)
                row = {"claim": claim, "source": doc.key, "cited": cited.key, "kind": kind,
                       "score": m.score, "rank": m.library_rank or 99, "relative": m.relative or 0.0,
                       "gap": (m.library_best or 0.0) - m.score,
                       "entry": (m.alternative_score or 0.0) - m.score,
                       "twin": -9.0 if m.twin_cosine is None else m.twin_cosine,
                       "library_rank": m.library_rank, "library_best": m.library_best, "first": m.first,
                       "alternative_score": m.alternative_score}
                if m.contrast is not None:
                    row |= {f"c_{name}": value for name, value in asdict(m.contrast).items()}
                rows.append(row)
    return rows


Thresholds = tuple[float, float, float, float, float, float]


def flags(a: dict[str, np.ndarray], low: float, relative: float, gap: float, entry: float,
          twin_cosine: float, twin_gap: float) -> np.ndarray:
    """The rule of ``vexascite.check.support``."""
    outranked = a["rank"] != 1
    twin = (a["twin"] >= twin_cosine) & (a["gap"] >= twin_gap)
    return (a["score"] < low) | (outranked & ((a["relative"] < relative) | (a["gap"] >= gap) | twin | (a["entry"] >= entry)))


def arrays(rows: list[dict]) -> dict[str, np.ndarray]:
    return {name: np.array([r[name] for r in rows]) for name in ("kind", "score", "rank", "relative", "gap", "entry", "twin")}


def _rates(flagged: np.ndarray, kinds: np.ndarray, weight: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """Share flagged of each kind, and precision at the benchmark's mix, per row of ``flagged``
    (``weight``: each citation's weight within its kind, for a blend of styles; else equal)."""
    if weight is None:
        rates = {kind: flagged[:, kinds == kind].mean(axis=1) for kind in KINDS}
    else:
        rates = {kind: flagged[:, kinds == kind].astype(np.float64) @ weight[kinds == kind] / weight[kinds == kind].sum()
                 for kind in KINDS}
    return with_precision(rates)


def with_precision(rates: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """``rates`` (share flagged of each kind) with the precision at the benchmark's mix."""
    true = MIX["random"] * rates["random"] + MIX["near"] * rates["near"]
    total = true + MIX["right"] * rates["right"]
    rates["precision"] = np.where(total > 0, true / np.where(total > 0, total, 1.0), 1.0)
    return rates


def best_setting(rates: dict[str, np.ndarray], precision: float) -> tuple[int, tuple[float, float]] | None:
    """The setting (row of ``rates``) with the most recall (random + near + swapped) at
    ``precision`` or more, the fewest right citations flagged among equals, and its sort key;
    ``None`` when no setting reaches ``precision``."""
    ok = rates["precision"] >= precision
    if not ok.any():
        return None
    recall = np.where(ok, rates["random"] + rates["near"] + rates["swapped"], -1.0)
    top = np.flatnonzero(recall == recall.max())
    n = int(top[np.argmin(rates["right"][top])])
    return n, (float(recall[n]), -float(rates["right"][n]))


def evaluate(a: dict[str, np.ndarray], *chosen: float, weight: np.ndarray | None = None) -> dict[str, float]:
    rates = _rates(flags(a, *chosen)[None, :], a["kind"], weight)
    return {name: float(value[0]) for name, value in rates.items()}


def choose(a: dict[str, np.ndarray], precision: float, twin: bool = True, weight: np.ndarray | None = None) -> Thresholds:
    """The thresholds with the most recall (random + near + swapped) at the precision asked
    (ties: fewer right citations flagged, then the first in grid order); ``twin=False``
    leaves the twin test out, to show what it adds; ``weight`` as in :func:`_rates`."""
    combos = np.array(list(product(LOW_GRID, RELATIVE_GRID, GAP_GRID, ENTRY_GRID)))
    outranked = a["rank"] != 1
    low, relative, gap, entry = (combos[:, n : n + 1] for n in range(4))
    base = (a["score"] < low) | (outranked & ((a["relative"] < relative) | (a["gap"] >= gap) | (a["entry"] >= entry)))
    best: Thresholds = (0.0, 0.0, 9.0, 9.0, 9.0, 9.0)
    best_key = (-1.0, 0.0)
    for twin_cosine, twin_gap in product(TWIN_COSINE_GRID, TWIN_GAP_GRID) if twin else [(9.0, 9.0)]:
        alike = outranked & (a["twin"] >= twin_cosine) & (a["gap"] >= twin_gap)
        found = best_setting(_rates(base | alike, a["kind"], weight), precision)
        if found is None:
            continue
        n, key = found
        if key > best_key:
            best_key = key
            best = (*(float(v) for v in combos[n]), twin_cosine, twin_gap)  # type: ignore[assignment]
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--claims", type=int, default=600)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--words", type=int, default=14)
    parser.add_argument("--drop", type=float, default=0.4)
    parser.add_argument("--swap", type=float, default=0.25, help="share of kept words replaced by other abstracts' words")
    parser.add_argument("--precision", type=float, default=0.97, help="required on pseudo-claims (margin over 0.95)")
    args = parser.parse_args()
    docs = read_library(args.library)
    rows = build(docs, args.claims, args.seed, args.words, args.drop, args.swap)
    claims = sorted({r["source"] for r in rows})
    random.Random(args.seed).shuffle(claims)
    halves = [set(claims[::2]), set(claims[1::2])]
    print(f"{len(claims)} pseudo-claims from {len(docs)} abstracts, {len(rows)} citations (seed {args.seed})")
    right = [r for r in rows if r["kind"] == "right"]
    print(f"own abstract ranked first for {sum(r['rank'] == 1 for r in right) / len(right):.3f} of them, "
          f"in the top 10 for {sum(r['rank'] <= 10 for r in right) / len(right):.3f}")
    head = (f"{'chosen on':<10}{'low':>5}{'rel':>6}{'gap':>5}{'entry':>6}{'twin':>6}{'tgap':>5}"
            f"{'scored on':>11}{'precision':>10}")
    print(head + "".join(f"{k:>9}" for k in KINDS))

    def line(name: str, chosen: Thresholds, on: str, rows_on: list[dict]) -> None:
        r = evaluate(arrays(rows_on), *chosen)
        low, relative, gap, entry, twin_cosine, twin_gap = chosen
        print(f"{name:<10}{low:>5.1f}{relative:>6.2f}{gap:>5.1f}{entry:>6.1f}{twin_cosine:>6.2f}{twin_gap:>5.1f}"
              f"{on:>11}{r['precision']:>10.3f}"
              + "".join(f"{r[k]:>9.3f}" for k in KINDS))

    for twin in (False, True):
        print("with the twin test (shipped):" if twin else "without the twin test:")
        for name, train, test in (("half A", halves[0], halves[1]), ("half B", halves[1], halves[0])):
            chosen = choose(arrays([r for r in rows if r["source"] in train]), args.precision, twin)
            line(name, chosen, "other half", [r for r in rows if r["source"] in test])
        chosen = choose(arrays(rows), args.precision, twin)
        line("all", chosen, "all", rows)
    low, relative, gap, entry, twin_cosine, twin_gap = chosen
    print(f"LOW_SUPPORT = {low}\nRELATIVE_SCORE = {relative}\nLIBRARY_GAP = {gap}\nCLEARLY_BETTER = {entry}\n"
          f"TWIN_COSINE = {twin_cosine}\nTWIN_GAP = {twin_gap}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
