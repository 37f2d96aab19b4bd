"""Derive ``suggest``'s sentence weight from pseudo-claims made from a library's abstracts.

No labelled claims are used. From a library of abstracts (JSON Lines with ``id`` and
``abstract``, or a CSL-JSON array) the script makes two kinds of pseudo-claim, each to be
found among all the library's works, with its own abstract as the one relevant work:

- one-sentence: one sentence of the abstract, shortened to 14 words, 40% of its words
  dropped and a quarter of the rest replaced by other abstracts' words (numbers kept), as
  ``support_thresholds.py`` makes them;
- two-sentence: 7 such words from each of two sentences of the abstract (a claim that
  joins two findings, where a single-sentence match should not help).

For each weight of the grid it scores nDCG@10 of BM25F plus ``weight`` times the best
sentence's BM25 (:class:`vexascite.evidence.sentences.SentenceIndex`) and prints the
weight with the best mean of the two kinds (the shipped ``SENTENCE_WEIGHT``).

    .venv/bin/python scripts/suggest_weights.py LIBRARY [--claims 800] [--seed 11]
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from pathlib import Path

import numpy as np
from support_thresholds import pseudo_claim, read_library

from vexascite.evidence.index import LexicalIndex
from vexascite.evidence.sentences import SentenceIndex
from vexascite.evidence.text import sentences

WEIGHTS = (0.0, 0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0)


def ndcg_one(scores: np.ndarray, relevant: int) -> float:
    order = np.argsort(-scores, kind="stable")[:10]
    hits = np.flatnonzero(order == relevant)
    return 1 / math.log2(int(hits[0]) + 2) if len(hits) else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--claims", type=int, default=800)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    docs = read_library(args.library)
    rng = random.Random(args.seed)
    pool = [w for d in rng.sample(docs, min(500, len(docs))) for w in d.abstract.split() if w.isalpha() and len(w) > 3]
    index = LexicalIndex.build(docs)
    by_sentence = SentenceIndex.build(docs)
    kinds: dict[str, list[tuple[str, int]]] = {"one-sentence": [], "two-sentence": []}
    for number in rng.sample(range(len(docs)), min(args.claims, len(docs))):
        abstract = docs[number].abstract
        one = pseudo_claim(abstract, rng, 14, 0.4, 0.25, pool)
        if one:
            kinds["one-sentence"].append((one, number))
        long_enough = [s for s in sentences(abstract) if len(s.split()) >= 8]
        if len(long_enough) >= 2:
            first, second = rng.sample(long_enough, 2)
            a, b = pseudo_claim(first, rng, 7, 0.4, 0.25, pool), pseudo_claim(second, rng, 7, 0.4, 0.25, pool)
            if a and b:
                kinds["two-sentence"].append((f"{a} {b}", number))
    print(f"{len(docs)} abstracts; pseudo-claims: " + ", ".join(f"{len(v)} {k}" for k, v in kinds.items()) + f" (seed {args.seed})")
    results: dict[str, dict[float, float]] = {}
    for kind, claims in kinds.items():
        totals = dict.fromkeys(WEIGHTS, 0.0)
        for claim, relevant in claims:
            query = index.query_terms(claim)
            lexical, best = index.scores(query), by_sentence.best(query)
            for weight in WEIGHTS:
                totals[weight] += ndcg_one(lexical + np.float32(weight) * best, relevant)
        results[kind] = {w: t / len(claims) for w, t in totals.items()}
    print(f"{'weight':>7}" + "".join(f"{k:>14}" for k in kinds) + f"{'mean':>9}")
    means = {w: sum(results[k][w] for k in kinds) / len(kinds) for w in WEIGHTS}
    for weight in WEIGHTS:
        print(f"{weight:>7.2f}" + "".join(f"{results[k][weight]:>14.4f}" for k in kinds) + f"{means[weight]:>9.4f}")
    print(f"SENTENCE_WEIGHT = {max(WEIGHTS, key=lambda w: means[w])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
