"""Word vectors learned from the library's own sentences, and a relaxed word match (numpy only).

The latent vectors of :mod:`.dense` come from which *abstracts* words share; words that
stand in the same *contexts* (a few words either side, within a sentence) are closer to
synonyms and paraphrases ("mortality" and "death", "raised" and "increased"). Here the
library's term co-occurrences within a window are weighted by positive pointwise mutual
information (with the context distribution smoothed, Levy, Goldberg and Dagan 2015) and
reduced by a truncated SVD, as the randomized SVD of :mod:`.dense` does for documents.

A work's relaxed match with a statement is the idf-weighted mean, over the statement's
terms, of each term's best cosine with any term of the work (1 for the term itself): a
cheap relaxed Word Mover's distance (Kusner et al. 2015), read over the first stage's best
works only.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from vexascite.evidence.dense import _randomized_svd, _Sparse
from vexascite.evidence.index import LexicalIndex
from vexascite.evidence.text import sentences, terms

__all__ = ["WORD_WEIGHT", "WordVectors", "index_version"]

#: Window of terms either side that counts as one context.
WINDOW = 5
#: Dimensions kept.
DIMENSIONS = 200
#: Terms need this many occurrences in the library to get a vector.
MIN_COUNT = 3
#: Context distribution smoothing (Levy, Goldberg and Dagan's 0.75).
ALPHA = 0.75
#: How much the relaxed match would count beside the fused first-stage score: 0, as no
#: setting of it gained on held-out pseudo-claims without losing on copied ones
#: (``scripts/suggest_words.py``; docs/evidence.md), so ``suggest`` does not build these.
WORD_WEIGHT = 0.0
REVISION = 1


def index_version() -> str:
    """The name word vectors would be kept under: every setting that shapes them."""
    return f"ppmi-v{REVISION}-w{WINDOW}-d{DIMENSIONS}-m{MIN_COUNT}-a{int(ALPHA * 100)}"


def _pairs(sequences: Iterable[np.ndarray], window: int) -> tuple[np.ndarray, np.ndarray]:
    """Every (term, context) pair within ``window`` of each other, both ways."""
    left: list[np.ndarray] = []
    right: list[np.ndarray] = []
    for ids in sequences:
        for offset in range(1, min(window, len(ids) - 1) + 1):
            a, b = ids[:-offset], ids[offset:]
            left += [a, b]
            right += [b, a]
    if not left:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return np.concatenate(left), np.concatenate(right)


@dataclass(slots=True)
class WordVectors:
    """Unit-length vectors of the index's terms (zero for terms too rare to have one)."""

    vectors: np.ndarray

    @classmethod
    def build(cls, index: LexicalIndex, abstracts: Iterable[str], dimensions: int = DIMENSIONS, seed: int = 0) -> WordVectors:
        n_terms = len(index.vocab)
        sequences: list[np.ndarray] = []
        for abstract in abstracts:
            for sentence in sentences(abstract):
                ids = [index.vocab[t] for t in terms(sentence) if t in index.vocab]
                if len(ids) > 1:
                    sequences.append(np.asarray(ids, dtype=np.int64))
        counts = np.bincount(np.concatenate(sequences), minlength=n_terms) if sequences else np.zeros(n_terms, np.int64)
        keep = counts >= MIN_COUNT
        used = np.flatnonzero(keep)
        compact = np.full(n_terms, -1, dtype=np.int64)
        compact[used] = np.arange(len(used))
        rank = min(dimensions, len(used) - 1)
        if rank < 1:
            return cls(np.zeros((n_terms, 0), np.float16))
        left, right = _pairs((compact[s][compact[s] >= 0] for s in sequences), WINDOW)
        size = len(used)
        codes, together = np.unique(left * size + right, return_counts=True)
        rows, cols = codes // size, codes % size
        row_total = np.bincount(rows, weights=together, minlength=size)
        context = np.bincount(cols, weights=together, minlength=size) ** ALPHA
        pmi = np.log(together * context.sum() / (row_total[rows] * context[cols]))
        positive = pmi > 0
        rows, cols, pmi = rows[positive], cols[positive], pmi[positive]
        order = np.argsort(cols, kind="stable")  # _Sparse wants term-major (here: context-major) postings
        matrix = _Sparse(cols[order].astype(np.int32), rows[order].astype(np.int32), pmi[order], size, size)
        basis = _randomized_svd(matrix, rank, np.random.default_rng(seed))
        basis /= np.linalg.norm(basis, axis=1, keepdims=True) + 1e-12
        vectors = np.zeros((n_terms, basis.shape[1]), dtype=np.float16)
        vectors[used] = basis
        return cls(vectors)

    def relaxed(
        self, index: LexicalIndex, query: Sequence[str], documents: Sequence[Sequence[int]],
        floor: float = 0.0, exact: bool = True,
    ) -> np.ndarray:
        """Each document's relaxed match (0..1) with the statement: the idf-weighted mean of
        each statement term's best cosine with the document's terms (``documents``: each
        one's term ids), cosines below ``floor`` counting 0 and the rest rescaled to 0..1.
        With ``exact`` false a term the document holds counts 0: only the credit its
        missing terms get from near words is left."""
        ids = np.array([index.vocab[t] for t in dict.fromkeys(query) if t in index.vocab], dtype=np.int64)
        out = np.zeros(len(documents), dtype=np.float32)
        lengths = np.array([len(d) for d in documents], dtype=np.int64)
        if not len(ids) or not lengths.sum():
            return out
        weights = index.idf[ids].astype(np.float32)
        flat = np.concatenate([np.asarray(d, dtype=np.int64) for d in documents])
        similar = self.vectors[flat].astype(np.float32) @ self.vectors[ids].astype(np.float32).T
        if floor:
            similar = (similar - np.float32(floor)) / np.float32(1 - floor)
        np.clip(similar, 0.0, 1.0, out=similar)
        same = flat[:, None] == ids[None, :]
        similar[same] = 1.0
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        filled = lengths > 0
        best = np.maximum.reduceat(similar, starts[filled], axis=0)
        if not exact:
            held = np.logical_or.reduceat(same, starts[filled], axis=0)
            best[held] = 0.0
        out[filled] = best @ weights / weights.sum()
        return out

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        np.savez(buffer, vectors=self.vectors)
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> WordVectors:
        return cls(np.load(io.BytesIO(data), allow_pickle=False)["vectors"])
