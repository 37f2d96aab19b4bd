"""A BM25 index over single sentences of the works (titles and abstract sentences).

A claim usually restates one finding, which an abstract reports in one sentence: a work
whose single sentence matches the statement closely should rank above one that holds the
same words spread over a long abstract. The first stage adds, to each work's BM25F
score, ``SENTENCE_WEIGHT`` times the BM25 score of its best-matching sentence. The
weight is derived from pseudo-claims made from a library's own abstracts
(``scripts/suggest_weights.py``), not from labelled claims.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from .index import Doc, LexicalIndex, pack_arrays, unpack_arrays
from .text import sentences, terms

__all__ = ["SENTENCE_WEIGHT", "SentenceIndex", "SentenceTerms", "terms_version"]

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


#: Revision of how :class:`SentenceTerms` are kept, for changes the terms' revision does not name.
TERMS_KEPT_REVISION = 1


def terms_version(terms_revision: int) -> str:
    """The name a library keeps its works' sentence terms under (with the terms' revision)."""
    return f"sentence-terms-v{TERMS_KEPT_REVISION}-t{terms_revision}"


@dataclass(slots=True)
class SentenceTerms:
    """Every work's abstract sentences as their terms, numbered, kept with the index.

    The evidence stage reads each candidate's sentences term by term; splitting and
    stemming ten abstracts took most of a statement's time, and they are the same at every
    statement. The terms are those of :func:`~.text.terms` for each of
    :func:`~.text.sentences` of the abstract, so the evidence found is the same."""

    words: list[str]
    #: The terms of all sentences, work by work, as numbers into ``words``.
    ids: np.ndarray
    #: Sentence ``k``'s terms are ``ids[bounds[k]:bounds[k + 1]]``.
    bounds: np.ndarray
    #: Work ``n``'s sentences are ``works[n]`` to ``works[n + 1]``.
    works: np.ndarray

    @classmethod
    def build(cls, docs: Iterable[Doc]) -> SentenceTerms:
        numbers: dict[str, int] = {}
        ids = array("i")
        bounds = array("q", [0])
        works = array("q", [0])
        for doc in docs:
            for sentence in sentences(doc.abstract):
                ids.extend([numbers.setdefault(term, len(numbers)) for term in terms(sentence)])
                bounds.append(len(ids))
            works.append(len(bounds) - 1)
        return cls(list(numbers), np.frombuffer(ids, dtype=np.int32), np.frombuffer(bounds, dtype=np.int64),
                   np.frombuffer(works, dtype=np.int64))

    def __len__(self) -> int:
        return len(self.works) - 1

    def of(self, number: int, abstract: str) -> tuple[tuple[str, tuple[str, ...], frozenset[str]], ...] | None:
        """Work ``number``'s sentences with their terms, in order and as a set, when
        ``abstract`` (its text now) has as many sentences as when kept; else ``None``."""
        if not 0 <= number < len(self):
            return None
        texts = sentences(abstract)
        first, last = int(self.works[number]), int(self.works[number + 1])
        if last - first != len(texts):
            return None
        words, bounds = self.words, self.bounds[first : last + 1].tolist()
        numbers = self.ids[bounds[0] : bounds[-1]].tolist()
        out = []
        for k, text in enumerate(texts):
            found = tuple([words[i] for i in numbers[bounds[k] - bounds[0] : bounds[k + 1] - bounds[0]]])
            out.append((text, found, frozenset(found)))
        return tuple(out)

    def to_bytes(self) -> bytes:
        return pack_arrays({"words": np.frombuffer(json.dumps(self.words).encode("utf-8"), dtype=np.uint8),
                            "ids": self.ids, "bounds": self.bounds, "works": self.works})

    @classmethod
    def from_bytes(cls, data: bytes) -> SentenceTerms:
        arrays = unpack_arrays(data)
        words = json.loads(arrays["words"].tobytes().decode("utf-8"))
        return cls(words, arrays["ids"], arrays["bounds"], arrays["works"])


def _starts(owners: np.ndarray) -> np.ndarray:
    """Where each work's run of sentences begins (sentences are stored work by work)."""
    if not len(owners):
        return np.zeros(0, dtype=np.int64)
    return np.concatenate(([0], np.flatnonzero(np.diff(owners)) + 1)).astype(np.int64)
