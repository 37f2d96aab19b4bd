"""Compare first-stage variants that did not ship with ``suggest``'s ranking, on pseudo-claims.

No labelled claims are used. The pseudo-claims are those of ``suggest_weights.py`` (same
seed, same kinds): the held-out-sentence kind, on which weights are chosen, and the
one-sentence kind, which copies its abstract's words. Over the first stage's best 100 works
(``DENSE_POOL``), each variant reorders them and is scored by nDCG@10:

- shipped: BM25F over the best one's plus ``DENSE_WEIGHT`` times the latent cosine (with feedback);
- ensemble: the cosine averaged over latent vectors of 100, 200 and 400 dimensions;
- query likelihood: a Dirichlet-smoothed language model's score (mu 300 or 1000), scaled to
  0..1 over the 100, added with a weight, or fused by reciprocal rank;
- neighbours: each work's score plus lambda times the mean score of its k nearest works of
  the 100 in the latent space (cluster-based smoothing).

    .venv/bin/python scripts/suggest_variants.py LIBRARY [--claims 800] [--seed 11]
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections import Counter
from collections.abc import Callable

import numpy as np
from suggest_weights import draw, ndcg_one, pseudo_claim_arguments

from vexascite.evidence.dense import DENSE_WEIGHT, FEEDBACK, FEEDBACK_WORKS, DenseIndex
from vexascite.evidence.index import Doc, LexicalIndex
from vexascite.evidence.rank import DENSE_POOL
from vexascite.evidence.text import terms

Row = dict[str, np.ndarray]


def rows(library: list[Doc], claims: list[tuple[str, int]]) -> list[tuple[Row, int]]:
    """For each pseudo-claim, its pool's numbers and every signal a variant needs."""
    index = LexicalIndex.build(library)
    dense = {d: DenseIndex.build(index, dimensions=d) for d in (100, 200, 400)}
    counts = [Counter(terms(doc.abstract)) for doc in library]
    lengths = np.array([sum(c.values()) for c in counts], dtype=np.float64)
    collection: Counter[str] = Counter()
    for c in counts:
        collection.update(c)
    total = sum(collection.values())
    out: list[tuple[Row, int]] = []
    for claim, relevant in claims:
        query = index.query_terms(claim)
        pool = index.top(query, DENSE_POOL)
        if not pool:
            continue
        numbers = np.array([i for i, _ in pool])
        row: Row = {"numbers": numbers, "lexical": np.array([s for _, s in pool]) / pool[0][1]}
        for dimensions, model in dense.items():
            vector = model.feedback(model.query_vector(index, query), numbers[:FEEDBACK_WORKS], FEEDBACK)
            row[f"cos{dimensions}"] = model.similarity(vector, numbers).astype(np.float64)
        known = [t for t in dict.fromkeys(query) if t in collection]
        for mu in (300, 1000):
            row[f"ql{mu}"] = np.array([
                sum(math.log1p(counts[n][t] * total / (mu * collection[t])) for t in known) + len(known) * math.log(mu / (lengths[n] + mu))
                for n in numbers
            ])
        vectors = dense[200].doc_vectors[numbers].astype(np.float32)
        similar = vectors @ vectors.T
        np.fill_diagonal(similar, -np.inf)
        row["neighbours"] = np.argsort(-similar, axis=1)
        out.append((row, relevant))
    return out


def scaled(x: np.ndarray) -> np.ndarray:
    return (x - x.min()) / (x.max() - x.min() + 1e-12)


def rank(x: np.ndarray) -> np.ndarray:
    return np.argsort(np.argsort(-x, kind="stable"))


def shipped(r: Row) -> np.ndarray:
    return r["lexical"] + DENSE_WEIGHT * r["cos200"]


def smoothed(k: int, weight: float) -> Callable[[Row], np.ndarray]:
    def score(r: Row) -> np.ndarray:
        base = shipped(r)
        return base + weight * base[r["neighbours"][:, :k]].mean(axis=1)
    return score


VARIANTS: dict[str, Callable[[Row], np.ndarray]] = {
    "BM25F alone": lambda r: r["lexical"],
    "shipped": shipped,
    "ensemble 100+200+400": lambda r: r["lexical"] + DENSE_WEIGHT * (r["cos100"] + r["cos200"] + r["cos400"]) / 3,
    **{f"query likelihood mu {mu}, weight {w}": (lambda r, mu=mu, w=w: shipped(r) + w * scaled(r[f"ql{mu}"]))
       for mu in (300, 1000) for w in (0.1, 0.25, 0.5)},
    **{f"reciprocal rank fusion, mu {mu}": (lambda r, mu=mu: 1 / (60 + rank(r["lexical"])) + 1 / (60 + rank(r[f"ql{mu}"]))
                                             + 1 / (60 + rank(r["cos200"]))) for mu in (300, 1000)},
    **{f"neighbours k {k}, lambda {w}": smoothed(k, w) for k in (3, 10) for w in (0.1, 0.25)},
}


def ndcg(r: Row, scores: np.ndarray, relevant: int) -> float:
    order = np.argsort(-scores, kind="stable")[:10]
    return ndcg_one([(int(r["numbers"][j]), float(scores[j])) for j in order], relevant)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    pseudo_claim_arguments(parser)
    args = parser.parse_args()
    started = time.perf_counter()
    docs, kinds, held_library, held_claims = draw(args)
    results = {"held-out": rows(held_library, held_claims), "one-sentence": rows(docs, kinds["one-sentence"])}
    print(f"{'variant':<40}" + "".join(f"{k:>14}" for k in results))
    for name, variant in VARIANTS.items():
        values = [np.mean([ndcg(r, variant(r), rel) for r, rel in results[k]]) for k in results]
        print(f"{name:<40}" + "".join(f"{v:>14.4f}" for v in values))
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
