"""Compare three more first-stage signals with ``suggest``'s ranking, on pseudo-claims.

No labelled claims are used. The pseudo-claims are those of ``suggest_weights.py`` (same
seed, same kinds): the held-out-sentence kind, on which weights are chosen, and the
one-sentence kind, which copies its abstract's words. Each variant is scored by nDCG@10
on each half of them (even and odd pseudo-claims):

- shipped: BM25F, its best 100 reordered by BM25F over the best one's plus ``DENSE_WEIGHT``
  times the latent cosine (the statement's vector moved towards the best 3 works');
- words: the shipped score plus w times the relaxed word match of ``word_vectors.py`` (beside this script)
  (word vectors from the library's sentences); ``words-missing`` counts only the statement's
  terms the work lacks (their best cosine), so it cannot reward copied wording;
- rm3: term feedback (RM3, Lavrenko and Croft; Abdul-Jaleel et al.): the 20 terms weighing
  most in the shipped ranking's best 10 works (BM25F weight share times the work's score)
  added to the statement at lambda, BM25F rerun over the library, then reordered as shipped;
- window: BM25F plus s times the BM25 of each work's best two-sentence window, then
  reordered as shipped.

``--round2`` compares two more: a hybrid first stage (the works nearest the statement's
latent vector among all the library's joined to BM25F's best 100 before the reordering) and
a second cosine from the word vectors (each work the BM25F-weighted sum of its terms'
vectors, with or without feedback).

    .venv/bin/python scripts/suggest_words.py LIBRARY [--claims 800] [--seed 11] [--round2]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence

import numpy as np
from suggest_weights import draw, ndcg_one, pseudo_claim_arguments, top10
from word_vectors import WordVectors

from vexascite.evidence.dense import (
    DENSE_WEIGHT,
    FEEDBACK,
    FEEDBACK_WORKS,
    DenseIndex,
    _Sparse,
    _term_of_postings,
)
from vexascite.evidence.index import Doc, LexicalIndex
from vexascite.evidence.rank import DENSE_POOL
from vexascite.evidence.sentences import SentenceIndex
from vexascite.evidence.text import sentences

WORD_WEIGHTS = (0.1, 0.25, 0.5, 1.0)
#: (name, floor, exact): the relaxed match as it is, with cosines below 0.5 counting 0, and
#: the credit of missing terms only (cosines below 0, 0.3 or 0.5 counting 0).
WORD_VARIANTS = (("words", 0.0, True), ("words-sharp", 0.5, True), ("words-missing", 0.0, False),
                 ("words-soft.3", 0.3, False), ("words-soft.5", 0.5, False))
RM3_WEIGHTS = (0.1, 0.25, 0.5)
RM3_TERMS = 20
RM3_WORKS = 10
WINDOW_WEIGHTS = (0.25, 0.5, 1.0)


class Setup:
    def __init__(self, library: list[Doc]) -> None:
        started = time.perf_counter()
        self.index = LexicalIndex.build(library)
        self.dense = DenseIndex.build(self.index)
        t1 = time.perf_counter()
        self.words = WordVectors.build(self.index, (f"{d.title}. {d.abstract}" if d.title else d.abstract for d in library))
        t2 = time.perf_counter()
        self.windows = _window_index(library)
        order = np.argsort(self.index.doc_ids, kind="stable")
        self.d_terms = _term_of_postings(self.index.indptr)[order]
        self.d_weights = self.index.weights[order]
        counts = np.bincount(self.index.doc_ids, minlength=len(library))
        self.d_starts = np.concatenate(([0], np.cumsum(counts)))
        print(f"  built {len(library)} works: index+lsa {t1 - started:.0f} s, words {t2 - t1:.0f} s, windows {time.perf_counter() - t2:.0f} s",
              flush=True)

    def doc_terms(self, number: int) -> np.ndarray:
        return self.d_terms[self.d_starts[number] : self.d_starts[number + 1]]

    def fuse(self, query: Sequence[str], first: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        pool = self.index.top(query, DENSE_POOL, first)
        numbers = np.array([i for i, _ in pool], dtype=np.int64)
        if not pool:
            return numbers, np.zeros(0, np.float32)
        lexical = np.array([s for _, s in pool], dtype=np.float32) / np.float32(pool[0][1])
        vector = self.dense.feedback(self.dense.query_vector(self.index, query), numbers[:FEEDBACK_WORKS], FEEDBACK)
        return numbers, lexical + np.float32(DENSE_WEIGHT) * self.dense.similarity(vector, numbers)

    def expansion(self, numbers: np.ndarray, fused: np.ndarray, query: Sequence[str]) -> np.ndarray:
        """RM3's feedback model over the whole vocabulary (weights summing to 1)."""
        model = np.zeros(len(self.index.vocab), dtype=np.float64)
        top = np.argsort(-fused, kind="stable")[:RM3_WORKS]
        for j in top:
            s, e = self.d_starts[numbers[j]], self.d_starts[numbers[j] + 1]
            w = self.d_weights[s:e].astype(np.float64)
            model[self.d_terms[s:e]] += max(float(fused[j]), 0.0) * w / max(w.sum(), 1e-12)
        best = np.argsort(-model)[:RM3_TERMS]
        out = np.zeros_like(model)
        out[best] = model[best]
        return out / max(out.sum(), 1e-12)

    def weighted_scores(self, model: np.ndarray) -> np.ndarray:
        total = np.zeros(len(self.index.keys), dtype=np.float32)
        for t in np.flatnonzero(model):
            s, e = self.index.indptr[t], self.index.indptr[t + 1]
            total[self.index.doc_ids[s:e]] += np.float32(model[t]) * self.index.weights[s:e]
        return total


def _window_index(library: list[Doc]) -> SentenceIndex:
    """A SentenceIndex whose 'sentences' are every two adjacent sentences of an abstract."""
    owner: list[int] = []
    pieces: list[Doc] = []
    for number, doc in enumerate(library):
        parts = sentences(doc.abstract)
        spans = [" ".join(parts[i : i + 2]) for i in range(max(1, len(parts) - 1))] if parts else []
        for text in spans:
            owner.append(number)
            pieces.append(Doc("", "", text))
    lexical = LexicalIndex.build(pieces, abbreviations=False)
    lexical.keys = []
    owners = np.asarray(owner, dtype=np.int32)
    starts = np.concatenate(([0], np.flatnonzero(np.diff(owners)) + 1)).astype(np.int64)
    return SentenceIndex(lexical, owners, starts, len(library))


def evaluate(setup: Setup, claims: list[tuple[str, int]]) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}

    def put(name: str, ranked: list[tuple[int, float]], relevant: int) -> None:
        out.setdefault(name, []).append(ndcg_one(ranked, relevant))

    index = setup.index
    for claim, relevant in claims:
        query = index.query_terms(claim)
        bm25 = index.scores(query)
        put("BM25F alone", index.top(query, 10, bm25), relevant)
        numbers, fused = setup.fuse(query, bm25)
        put("shipped", top10(numbers, fused), relevant)
        if not len(numbers):
            for name in [f"{v[0]} {w}" for v in WORD_VARIANTS for w in WORD_WEIGHTS] + \
                        [f"rm3 {w}" for w in RM3_WEIGHTS] + [f"window {w}" for w in WINDOW_WEIGHTS]:
                put(name, [], relevant)
            continue
        documents = [setup.doc_terms(int(n)) for n in numbers]
        for family, floor, exact in WORD_VARIANTS:
            relaxed = setup.words.relaxed(index, query, documents, floor=floor, exact=exact)
            for w in WORD_WEIGHTS:
                put(f"{family} {w}", top10(numbers, fused + np.float32(w) * relaxed), relevant)
        model = setup.expansion(numbers, fused, query)
        extra = setup.weighted_scores(model)
        base = bm25 / max(float(bm25.max()), 1e-12)
        extra = extra / max(float(extra.max()), 1e-12)
        for w in RM3_WEIGHTS:
            n2, f2 = setup.fuse(query, base + np.float32(w) * extra)
            put(f"rm3 {w}", top10(n2, f2), relevant)
        window = setup.windows.best(query)
        for w in WINDOW_WEIGHTS:
            n2, f2 = setup.fuse(query, bm25 + np.float32(w) * window)
            put(f"window {w}", top10(n2, f2), relevant)
    return out


HYBRID_DEPTHS = (20, 50, 100)
WORD_COSINE_WEIGHTS = (0.25, 0.5, 0.75)


def word_documents(setup: Setup) -> np.ndarray:
    """Each work's vector as the BM25F-weighted sum of its terms' word vectors (unit length)."""
    index = setup.index
    terms = _term_of_postings(index.indptr).astype(np.int32)
    matrix = _Sparse(terms, index.doc_ids, index.weights.astype(np.float64), len(index.keys), len(index.vocab))
    vectors = matrix.dot(setup.words.vectors.astype(np.float64))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-12
    return vectors.astype(np.float32)


def evaluate_round2(setup: Setup, claims: list[tuple[str, int]]) -> dict[str, list[float]]:
    """Second round: a hybrid first stage (the latent vectors' own nearest works joined to
    BM25F's best 100) and a second cosine from the word vectors (works as weighted sums)."""
    out: dict[str, list[float]] = {}

    def put(name: str, ranked: list[tuple[int, float]], relevant: int) -> None:
        out.setdefault(name, []).append(ndcg_one(ranked, relevant))

    index, dense = setup.index, setup.dense
    documents = word_documents(setup)
    all_vectors = dense.doc_vectors.astype(np.float32)
    for claim, relevant in claims:
        query = index.query_terms(claim)
        bm25 = index.scores(query)
        numbers, fused = setup.fuse(query, bm25)
        put("shipped", top10(numbers, fused), relevant)
        if not len(numbers):
            for name in [f"hybrid {k}" for k in HYBRID_DEPTHS] + [f"word cosine {w}" for w in WORD_COSINE_WEIGHTS] + \
                        [f"word cosine fb {w}" for w in WORD_COSINE_WEIGHTS]:
                put(name, [], relevant)
            continue
        put("in pool", [(relevant, 1.0)] if relevant in set(numbers.tolist()) else [], relevant)
        vector = dense.feedback(dense.query_vector(index, query), numbers[:FEEDBACK_WORKS], FEEDBACK)
        everyone = all_vectors @ vector if vector is not None else np.zeros(len(index.keys), np.float32)
        top = float(bm25.max())
        for k in HYBRID_DEPTHS:
            extra = np.argpartition(-everyone, k)[:k]
            union = np.union1d(numbers, extra)
            score = bm25[union] / np.float32(top) + np.float32(DENSE_WEIGHT) * everyone[union]
            put(f"hybrid {k}", top10(union, score), relevant)
        ids = [index.vocab[t] for t in dict.fromkeys(query) if t in index.vocab]
        q = index.idf[ids].astype(np.float32) @ setup.words.vectors[ids].astype(np.float32)
        q /= float(np.linalg.norm(q)) + 1e-12
        cosine = documents[numbers] @ q
        moved = q + documents[numbers[:FEEDBACK_WORKS]].mean(axis=0)
        moved /= float(np.linalg.norm(moved)) + 1e-12
        cosine_fb = documents[numbers] @ moved
        for w in WORD_COSINE_WEIGHTS:
            put(f"word cosine {w}", top10(numbers, fused + np.float32(w) * cosine), relevant)
            put(f"word cosine fb {w}", top10(numbers, fused + np.float32(w) * cosine_fb), relevant)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    pseudo_claim_arguments(parser)
    parser.add_argument("--round2", action="store_true", help="the hybrid first stage and the word-vector cosine")
    args = parser.parse_args()
    started = time.perf_counter()
    docs, kinds, held_library, held_claims = draw(args)
    print(f"seed {args.seed}: {len(held_claims)} held-out, {len(kinds['one-sentence'])} one-sentence pseudo-claims", flush=True)
    run = evaluate_round2 if args.round2 else evaluate
    results = {"held-out": run(Setup(held_library), held_claims), "one-sentence": run(Setup(docs), kinds["one-sentence"])}
    halves = {"A": slice(0, None, 2), "B": slice(1, None, 2)}
    columns = [(k, h) for k in results for h in halves]
    print(f"{'variant':<22}" + "".join(f"{k[:8] + ' ' + h:>12}" for k, h in columns))
    for name in results["held-out"]:
        values = [float(np.mean(results[k][name][halves[h]])) for k, h in columns]
        print(f"{name:<22}" + "".join(f"{v:>12.4f}" for v in values))
    held = results["held-out"]
    families = ["hybrid ", "word cosine 0", "word cosine fb "] if args.round2 else [f"{v[0]} " for v in WORD_VARIANTS] + ["rm3 ", "window "]
    for family in families:
        names = [n for n in held if n.startswith(family)]
        for chosen, scored in (("A", "B"), ("B", "A")):
            pick = max(names, key=lambda n: float(np.mean(held[n][halves[chosen]])))
            gain = float(np.mean(held[pick][halves[scored]])) - float(np.mean(held["shipped"][halves[scored]]))
            print(f"{family.strip()}: chosen on {chosen}: {pick}; on {scored} {gain:+.4f} over shipped")
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
