"""The BM25 the ranking benchmarks stand beside: bm25s with its defaults, English stemming
(PyStemmer) and English stop words, as the issue names it. One definition, so that
``suggest_accuracy``, ``support_check`` and ``suggest_speed`` compare with the same BM25."""

from __future__ import annotations

from typing import Any

import bm25s
import Stemmer


class Baseline:
    """bm25s over ``texts``; rows of :meth:`top` are positions in ``texts``."""

    def __init__(self, texts: list[str]) -> None:
        self.stemmer = Stemmer.Stemmer("english")
        self.retriever = bm25s.BM25()
        self.retriever.index(self.tokens(texts), show_progress=False)

    def tokens(self, texts: list[str]) -> Any:
        return bm25s.tokenize(texts, stopwords="en", stemmer=self.stemmer, show_progress=False)

    def top(self, queries: list[str], k: int) -> Any:
        """For each query, the positions of its ``k`` best texts, best first."""
        found, _ = self.retriever.retrieve(self.tokens(queries), k=k, show_progress=False)
        return found
