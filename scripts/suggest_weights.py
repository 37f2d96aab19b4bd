"""Derive ``suggest``'s sentence and latent-vector weights from pseudo-claims made from a library.

No labelled claims are used. From a library of abstracts (JSON Lines with ``id`` and
``abstract``, or a CSL-JSON array) the script makes three kinds of pseudo-claim, each to
be found among all the library's works, with its own abstract as the one relevant work:

- one-sentence: one sentence of the abstract, shortened to 14 words, 40% of its words
  dropped and a quarter of the rest replaced by other abstracts' words (numbers kept), as
  ``support_thresholds.py`` makes them;
- two-sentence: 7 such words from each of two sentences of the abstract (a claim that
  joins two findings, where a single-sentence match should not help);
- held-out sentence: one sentence of the abstract with 30% of its words dropped, searched
  for in a library where that sentence has been taken out of its abstract (and one
  sentence at random out of every other abstract, so that lengths stay comparable): the
  claim must be found through the abstract's other sentences, as a claim written in its
  own words must (the "inverse cloze task" of Lee, Chang and Toutanova 2019). The first
  two kinds copy the abstract's words and so favour whatever rewards copied wording;
  this one does not.

For each set of weights of the grid it scores nDCG@10 of :meth:`Searcher.ranked`
(BM25F plus ``sentence`` times the best sentence's BM25; then the best 100 reordered by
that score over the best one's plus ``dense`` times the latent-vector cosine, the
statement's vector moved ``feedback`` towards the best three works') and prints all
three kinds. The weights shipped (``SENTENCE_WEIGHT``, ``DENSE_WEIGHT``, ``FEEDBACK``) are
the best on the held-out-sentence kind: a claim is written in its own words, and the
copied kinds reward copied wording (a term-pair score, for instance, gained on them and
lost on labelled claims). ``--folds 2`` also chooses on one half of the held-out
pseudo-claims and scores on the other.

    .venv/bin/python scripts/suggest_weights.py LIBRARY [--claims 800] [--seed 11]
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from pathlib import Path

import numpy as np
from support_thresholds import pseudo_claim, read_library

from vexascite.evidence.dense import DenseIndex
from vexascite.evidence.index import Doc, LexicalIndex
from vexascite.evidence.rank import DENSE_POOL, Searcher
from vexascite.evidence.sentences import SentenceIndex
from vexascite.evidence.text import sentences

SENTENCE_WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0)
DENSE_WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0)
FEEDBACKS = (0.0, 1.0)
Weights = tuple[float, float, float]
Claims = list[tuple[str, int]]


def top10(numbers: np.ndarray, scores: np.ndarray) -> list[tuple[int, float]]:
    """The ten best of ``numbers`` by ``scores``, ties in their order (as ``Searcher.ranked``)."""
    order = np.argsort(-scores, kind="stable")[:10]
    return [(int(numbers[j]), float(scores[j])) for j in order]


def first_pool(search: Searcher, claim: str) -> tuple[np.ndarray, np.ndarray] | None:
    """The first stage's pool for ``claim`` (``DENSE_POOL`` works) as work numbers and their
    scores (float32), or ``None`` when it finds nothing: what every reordering experiment adds to."""
    pool = search.ranked(search.index.query_terms(claim), DENSE_POOL)
    if not pool:
        return None
    return np.array([i for i, _ in pool]), np.array([s for _, s in pool], dtype=np.float32)


def ndcg_one(ranked: list[tuple[int, float]], relevant: int) -> float:
    for rank, (number, _) in enumerate(ranked[:10]):
        if number == relevant:
            return 1 / math.log2(rank + 2)
    return 0.0


def copied(docs: list[Doc], rng: random.Random, n: int) -> dict[str, Claims]:
    """One- and two-sentence pseudo-claims (words copied from the abstract, some changed)."""
    pool = [w for d in rng.sample(docs, min(500, len(docs))) for w in d.abstract.split() if w.isalpha() and len(w) > 3]
    kinds: dict[str, Claims] = {"one-sentence": [], "two-sentence": []}
    for number in rng.sample(range(len(docs)), min(n, len(docs))):
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
    return kinds


def held_out(docs: list[Doc], rng: random.Random, n: int) -> tuple[list[Doc], Claims]:
    """A library with one sentence out of every abstract, and claims made from the
    sentences taken out of ``n`` of them."""
    chosen = set(rng.sample(range(len(docs)), min(n, len(docs))))
    library: list[Doc] = []
    claims: Claims = []
    for number, doc in enumerate(docs):
        parts = sentences(doc.abstract)
        if len(parts) < 2:
            library.append(doc)
            continue
        usable = [i for i, s in enumerate(parts) if 8 <= len(s.split()) <= 40]
        if number in chosen and len(parts) >= 4 and usable:
            out = rng.choice(usable)
            words = [w for w in parts[out].rstrip(".").split() if rng.random() >= 0.3]
            claims.append((" ".join(words), number))
        else:
            out = rng.randrange(len(parts))
        library.append(Doc(doc.key, doc.title, " ".join(parts[:out] + parts[out + 1 :]), doc.subjects))
    return library, claims


def pseudo_claim_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments every pseudo-claim script takes: the library, how many claims, the draw's seed."""
    parser.add_argument("library", type=Path)
    parser.add_argument("--claims", type=int, default=800)
    parser.add_argument("--seed", type=int, default=11)


def draw(args: argparse.Namespace) -> tuple[list[Doc], dict[str, Claims], list[Doc], Claims]:
    """The library's works, the copied pseudo-claims of each kind, and the held-out library and its
    claims: one draw from one seed, in one order, so every script scores the same pseudo-claims."""
    docs = read_library(args.library)
    rng = random.Random(args.seed)
    kinds = copied(docs, rng, args.claims)
    held_library, held_claims = held_out(docs, rng, args.claims)
    return docs, kinds, held_library, held_claims


def searcher(docs: list[Doc]) -> Searcher:
    index = LexicalIndex.build(docs)
    return Searcher(index, lambda keys: {}, sentences=SentenceIndex.build(docs), dense=DenseIndex.build(index))


def score(search: Searcher, claims: Claims) -> dict[Weights, list[float]]:
    """Each pseudo-claim's nDCG@10 for every set of weights of the grid."""
    out: dict[Weights, list[float]] = {
        (s, d, f): [] for s in SENTENCE_WEIGHTS for d in DENSE_WEIGHTS for f in (FEEDBACKS if d else (0.0,))
    }
    assert search.sentences is not None
    for claim, relevant in claims:
        query = search.index.query_terms(claim)
        lexical, sentence = search.index.scores(query), search.sentences.best(query)
        for s, d, f in out:
            search.dense_weight, search.feedback = d, f
            out[(s, d, f)].append(ndcg_one(search.ranked(query, 10, lexical + np.float32(s) * sentence), relevant))
    return out


def best(scores: dict[Weights, list[float]], part: slice) -> tuple[Weights, float]:
    """The weights with the best mean nDCG@10 over ``part`` of the pseudo-claims."""

    def mean(pair: Weights) -> float:
        return sum(scores[pair][part]) / max(1, len(scores[pair][part]))

    pair = max(scores, key=mean)
    return pair, mean(pair)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    pseudo_claim_arguments(parser)
    parser.add_argument("--folds", type=int, choices=(1, 2), default=2)
    args = parser.parse_args()
    started = time.perf_counter()
    docs, kinds, held_library, held_claims = draw(args)
    print(f"{len(docs)} abstracts; pseudo-claims: " + ", ".join(f"{len(v)} {k}" for k, v in kinds.items())
          + f", {len(held_claims)} held-out sentence (seed {args.seed})")
    results = {kind: score(searcher(docs), claims) for kind, claims in kinds.items()}
    results["held-out"] = score(searcher(held_library), held_claims)
    names = list(results)
    print(f"{'sentence':>9}{'dense':>7}{'feedback':>9}" + "".join(f"{k:>14}" for k in names) + f"{'mean':>9}")
    for pair in results[names[0]]:
        values = [sum(results[k][pair]) / len(results[k][pair]) for k in names]
        print(f"{pair[0]:>9.2f}{pair[1]:>7.2f}{pair[2]:>9.2f}" + "".join(f"{v:>14.4f}" for v in values) + f"{sum(values) / len(values):>9.4f}")
    held = results["held-out"]
    if args.folds == 2:
        halves = (slice(0, None, 2), slice(1, None, 2))
        for chosen_on, scored_on in (halves, halves[::-1]):
            pair, _ = best(held, chosen_on)
            alone = best({(0.0, 0.0, 0.0): held[(0.0, 0.0, 0.0)]}, scored_on)[1]
            print(f"held-out, chosen on one half: sentence {pair[0]}, dense {pair[1]}, feedback {pair[2]}; "
                  f"on the other half {best({pair: held[pair]}, scored_on)[1]:.4f} (BM25F alone: {alone:.4f})")
    pair, value = best(held, slice(None))
    print(f"SENTENCE_WEIGHT = {pair[0]}, DENSE_WEIGHT = {pair[1]}, FEEDBACK = {pair[2]} (held-out nDCG@10 {value:.4f}; "
          f"{time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
