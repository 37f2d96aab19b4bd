"""Latent semantic vectors of works, learned from the library's own abstracts (numpy only).

A claim rarely uses all the words of the abstract that supports it: it paraphrases. Words
that occur in the same abstracts of the user's library (a drug and the enzyme it blocks,
"mortality" and "death") end up near each other in a truncated SVD of the library's
document-term matrix (latent semantic analysis), so a work can be close to a statement
that shares few of its exact words. Nothing is downloaded or pretrained: the vectors are
computed from the library when its index is built and kept with it.

The document-term matrix is the BM25F index's own postings (idf times saturated term
frequency), so no second tokenisation is needed. The SVD is a randomized one (Halko,
Martinsson and Tropp 2011) over at most ``SAMPLE`` works; every work is then projected
onto the learned term space. A statement is projected the same way (idf-weighted terms).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .index import K1, LexicalIndex, pack_arrays, unpack_arrays

__all__ = ["DENSE_WEIGHT", "DIMENSIONS", "FEEDBACK", "FEEDBACK_WORKS", "DenseIndex", "index_version"]

#: Latent dimensions kept (LSA's usual range is one to a few hundred).
DIMENSIONS = 200
#: Works the SVD is learned from (all of them up to this many; a random sample beyond).
SAMPLE = 10_000
#: How much the cosine counts beside the lexical score over the best one (derived on
#: pseudo-claims by ``scripts/suggest_weights.py``; see ``Searcher.ranked``).
DENSE_WEIGHT = 0.75
#: Pseudo-relevance feedback in the latent space: the statement's vector moves towards
#: the mean of the first stage's best ``FEEDBACK_WORKS`` works, by ``FEEDBACK`` times it
#: (Rocchio's rule; derived with the weight above).
FEEDBACK_WORKS = 3
FEEDBACK = 1.0
#: Extra random directions and power iterations of the randomized SVD: enough that its
#: random start no longer shows in the vectors (with 10 and 4, two seeds moved nDCG@10 on
#: labelled claims by up to 0.01).
OVERSAMPLE = 50
ITERATIONS = 6
#: Postings gathered at once in a sparse product (bounds memory: this times the rank).
CHUNK = 100_000
#: Revision of how the vectors are computed, for changes the settings below do not name
#: (the term weighting, the projection): bump it with such a change.
REVISION = 2


def index_version() -> str:
    """The name a library keeps its vectors under. Every setting that shapes them is in it,
    so vectors kept from a build with other settings are rebuilt, never reused as if current."""
    return f"lsa-v{REVISION}-d{DIMENSIONS}-s{SAMPLE}-o{OVERSAMPLE}-i{ITERATIONS}"


def _term_of_postings(indptr: np.ndarray) -> np.ndarray:
    return np.repeat(np.arange(len(indptr) - 1, dtype=np.int32), np.diff(indptr))


def _segment_sum(values: np.ndarray, groups: np.ndarray, size: int) -> np.ndarray:
    """Row sums of ``values`` by ``groups`` (sorted ascending) into ``size`` rows."""
    out = np.zeros((size, values.shape[1]), dtype=np.float64)
    if not len(groups):
        return out
    starts = np.concatenate(([0], np.flatnonzero(np.diff(groups)) + 1))
    out[groups[starts]] = np.add.reduceat(values, starts, axis=0)
    return out


class _Sparse:
    """A document-term matrix held as term-major postings, with the two products an SVD needs."""

    def __init__(self, terms: np.ndarray, docs: np.ndarray, weights: np.ndarray, n_docs: int, n_terms: int) -> None:
        self.n_docs, self.n_terms = n_docs, n_terms
        self.t_terms, self.t_docs, self.t_weights = terms, docs, weights  # sorted by term
        order = np.argsort(docs, kind="stable")
        self.d_terms, self.d_docs, self.d_weights = terms[order], docs[order], weights[order]

    def _product(self, rows: np.ndarray, cols: np.ndarray, weights: np.ndarray, matrix: np.ndarray, size: int) -> np.ndarray:
        out = np.zeros((size, matrix.shape[1]), dtype=np.float64)
        for start in range(0, len(rows), CHUNK):
            stop = min(len(rows), start + CHUNK)
            block = weights[start:stop, None] * matrix[cols[start:stop]]
            out += _segment_sum(block, rows[start:stop], size)
        return out

    def dot(self, matrix: np.ndarray) -> np.ndarray:
        """X @ matrix (documents x r)."""
        return self._product(self.d_docs, self.d_terms, self.d_weights, matrix, self.n_docs)

    def tdot(self, matrix: np.ndarray) -> np.ndarray:
        """X.T @ matrix (terms x r)."""
        return self._product(self.t_terms, self.t_docs, self.t_weights, matrix, self.n_terms)


def _orthonormal(matrix: np.ndarray) -> np.ndarray:
    """An orthonormal basis of ``matrix``'s columns (through its small Gram matrix: far
    cheaper than a QR of a tall matrix, and accurate enough for power iterations)."""
    values, vectors = np.linalg.eigh(matrix.T @ matrix)
    keep = values > values.max() * 1e-10
    return matrix @ (vectors[:, keep] / np.sqrt(values[keep]))


def _randomized_svd(matrix: _Sparse, rank: int, rng: np.random.Generator, iterations: int | None = None) -> np.ndarray:
    """The top ``rank`` right singular vectors (terms x rank) of ``matrix``."""
    width = rank + OVERSAMPLE
    iterations = ITERATIONS if iterations is None else iterations
    q = _orthonormal(matrix.dot(rng.standard_normal((matrix.n_terms, width))))
    for _ in range(iterations):
        q = _orthonormal(matrix.dot(_orthonormal(matrix.tdot(q))))
    small = matrix.tdot(q)  # terms x width: X.T @ Q, whose left singular vectors we want
    values, vectors = np.linalg.eigh(small.T @ small)
    order = np.argsort(-values)[:rank]
    values = np.maximum(values[order], 1e-12)
    return small @ (vectors[:, order] / np.sqrt(values))


def _tfidf(index: LexicalIndex) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The document-term matrix LSA works on, as postings: log-scaled term frequency times
    idf, each work's row of unit length; terms in one work only or in more than half of
    them carry no association and are left out."""
    terms = _term_of_postings(index.indptr)
    idf = index.idf.astype(np.float64)[terms]
    share = np.clip(index.weights.astype(np.float64) / np.maximum(idf, 1e-12), 0.0, K1 + 1 - 1e-6)
    frequency = K1 * share / (K1 + 1 - share)  # the length-normalised frequency BM25 saturated
    values = np.log1p(frequency) * idf
    df = np.diff(index.indptr)
    keep = ((df >= 2) & (df <= max(2, len(index.keys) // 2)))[terms]
    terms, docs, values = terms[keep], index.doc_ids[keep], values[keep]
    norms = np.sqrt(np.bincount(docs, weights=values**2, minlength=len(index.keys)))
    return terms, docs, values / np.maximum(norms[docs], 1e-12)


@dataclass(slots=True)
class DenseIndex:
    """Term vectors (to project statements) and unit-length work vectors."""

    term_vectors: np.ndarray
    doc_vectors: np.ndarray

    @classmethod
    def build(cls, index: LexicalIndex, dimensions: int = DIMENSIONS, sample: int = SAMPLE, seed: int = 0) -> DenseIndex:
        n_docs, n_terms = len(index.keys), len(index.vocab)
        terms, docs, weights = _tfidf(index)
        # the SVD runs over the terms that carry associations only, numbered 0..used-1
        used, compact = np.unique(terms, return_inverse=True)
        compact = compact.astype(np.int32)
        rng = np.random.default_rng(seed)
        rank = min(dimensions, n_docs - 1, len(used) - 1)
        if rank < 1:
            return cls(np.zeros((n_terms, 0), np.float32), np.zeros((n_docs, 0), np.float16))
        if n_docs > sample:
            chosen = np.zeros(n_docs, dtype=bool)
            chosen[rng.choice(n_docs, sample, replace=False)] = True
            keep = chosen[docs]
            renumber = np.cumsum(chosen) - 1
            learn = _Sparse(compact[keep], renumber[docs[keep]].astype(np.int32), weights[keep], sample, len(used))
        else:
            learn = _Sparse(compact, docs, weights, n_docs, len(used))
        basis = _randomized_svd(learn, rank, rng)
        full = learn if n_docs <= sample else _Sparse(compact, docs, weights, n_docs, len(used))
        vectors = full.dot(basis)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-12
        term_vectors = np.zeros((n_terms, basis.shape[1]), dtype=np.float32)
        term_vectors[used] = basis
        return cls(term_vectors, vectors.astype(np.float16))

    def query_vector(self, index: LexicalIndex, query: Sequence[str]) -> np.ndarray | None:
        """A statement's unit vector (idf-weighted terms), or ``None`` if it has no known term."""
        ids = [index.vocab[t] for t in dict.fromkeys(query) if t in index.vocab]
        if not ids or not self.term_vectors.shape[1]:
            return None
        vector = index.idf[ids].astype(np.float32) @ self.term_vectors[ids]
        norm = float(np.linalg.norm(vector))
        return vector / norm if norm > 0 else None

    def feedback(self, vector: np.ndarray | None, documents: np.ndarray, weight: float) -> np.ndarray | None:
        """``vector`` moved towards the mean vector of ``documents`` (the first stage's best)."""
        if vector is None or not weight or not len(documents):
            return vector
        moved = vector + np.float32(weight) * self.doc_vectors[documents].astype(np.float32).mean(axis=0)
        norm = float(np.linalg.norm(moved))
        return moved / norm if norm > 0 else vector

    def similarity(self, vector: np.ndarray | None, documents: np.ndarray) -> np.ndarray:
        """Cosine of the statement with each of ``documents`` (document numbers)."""
        if vector is None:
            return np.zeros(len(documents), dtype=np.float32)
        return self.doc_vectors[documents].astype(np.float32) @ vector

    def to_bytes(self) -> bytes:
        return pack_arrays({"term_vectors": self.term_vectors, "doc_vectors": self.doc_vectors})

    @classmethod
    def from_bytes(cls, data: bytes) -> DenseIndex:
        arrays = unpack_arrays(data)
        return cls(arrays["term_vectors"], arrays["doc_vectors"])
