"""A BM25 index over single sentences of the works (titles and abstract sentences).

A claim usually restates one finding, which an abstract reports in one sentence: a work
whose single sentence matches the statement closely should rank above one that holds the
same words spread over a long abstract. The first stage adds, to each work's BM25F
score, ``SENTENCE_WEIGHT`` times the BM25 score of its best-matching sentence. The
weight is derived from pseudo-claims made from a library's own abstracts
(``scripts/suggest_weights.py``), not from labelled claims.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from .index import Doc, LexicalIndex, pack_arrays, unpack_arrays
from .text import sentences

__all__ = ["SENTENCE_WEIGHT", "SentenceIndex"]

#: How much the best sentence's BM25 counts beside the work's BM25F (see module doc).
SENTENCE_WEIGHT = 0.0


@dataclass(slots=True)
class SentenceIndex:
    """BM25 postings of every sentence, and the work (document number) each belongs to."""

    lexical: LexicalIndex
    owner: np.ndarray
    starts: np.ndarray
    documents: int

    @classmethod
    def build(cls, docs: Sequence[Doc]) -> SentenceIndex:
        owner: list[int] = []

        def pieces() -> Iterable[Doc]:
            for number, doc in enumerate(docs):
                for text in ([doc.title] if doc.title.strip() else []) + sentences(doc.abstract):
                    owner.append(number)
                    yield Doc("", "", text)

        lexical = LexicalIndex.build(pieces(), abbreviations=False)
        lexical.keys = []  # sentences are found through ``owner``, not by key
        owners = np.asarray(owner, dtype=np.int32)
        return cls(lexical, owners, _starts(owners), len(docs))

    def best(self, query: Sequence[str]) -> np.ndarray:
        """Each work's best sentence score for the query terms (0 for works without text)."""
        out = np.zeros(self.documents, dtype=np.float32)
        if not len(self.owner):
            return out
        scores = self.lexical.scores(query, len(self.owner))
        out[self.owner[self.starts]] = np.maximum.reduceat(scores, self.starts)
        return out

    def to_bytes(self) -> bytes:
        return pack_arrays({"lexical": np.frombuffer(self.lexical.to_bytes(), dtype=np.uint8), "owner": self.owner,
                            "documents": np.array([self.documents], dtype=np.int64)})

    @classmethod
    def from_bytes(cls, data: bytes) -> SentenceIndex:
        arrays = unpack_arrays(data)
        owners = arrays["owner"]
        return cls(LexicalIndex.from_bytes(arrays["lexical"].tobytes()), owners, _starts(owners), int(arrays["documents"][0]))


def _starts(owners: np.ndarray) -> np.ndarray:
    """Where each work's run of sentences begins (sentences are stored work by work)."""
    if not len(owners):
        return np.zeros(0, dtype=np.int64)
    return np.concatenate(([0], np.flatnonzero(np.diff(owners)) + 1)).astype(np.int64)
