"""Rank works for a statement and pick the abstract sentence that supports it best (pure).

Two stages. BM25F over the whole library ranks the works, and latent semantic vectors
learned from the library (:mod:`.dense`) reorder its best 100; the evidence stage then reads
each of the best ones sentence by sentence: how much of the statement's information
(idf-weighted terms) its best single sentence holds, with a little for the statement's
word pairs kept close together (phrase proximity), and how much the whole work holds.
The same measures judge a citation (:func:`measure_citation`, used by ``check``).
Further stages, such as a dense or learned model, plug in as :class:`Reranker`s without
touching the first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

import numpy as np

from .dense import DENSE_WEIGHT, FEEDBACK, FEEDBACK_WORKS, DenseIndex
from .index import Doc, LexicalIndex
from .sentences import SENTENCE_WEIGHT, SentenceIndex, SentenceTerms
from .text import sentences, terms

__all__ = [
    "Candidate",
    "CitationMeasure",
    "Contrast",
    "Evidence",
    "EvidenceStage",
    "PoolScorer",
    "Reranker",
    "Searcher",
    "bearing",
    "best_evidence",
    "contrast",
    "measure_citation",
    "support",
]

#: Candidates the first stage passes on to later stages (their cost grows with them).
FIRST_STAGE = 10
#: Word pairs of the statement count as "close" within this many terms in a sentence.
WINDOW = 3
#: Works of the first stage that the latent vectors reorder (the rest cannot move up).
DENSE_POOL = 100


@dataclass(slots=True)
class Evidence:
    """The sentence of a work that best fits a statement, and how well (0..1)."""

    sentence: str
    score: float


@dataclass(slots=True)
class Candidate:
    """One work being ranked for a statement."""

    index: int
    key: str
    first_score: float
    score: float = 0.0
    doc: Doc | None = None
    evidence: list[Evidence] = field(default_factory=list)
    coverage: float = 0.0


class Reranker(Protocol):
    """A later stage: rescore candidates in place (the seam for a dense model)."""

    def rerank(self, statement: str, query: Sequence[str], candidates: list[Candidate]) -> None: ...


class PoolScorer(Protocol):
    """A further measure over the first stage's best ``DENSE_POOL`` works (such as pretrained
    vectors): each work's addition to its score, weights included."""

    def pool_scores(self, statement: str, documents: np.ndarray) -> np.ndarray: ...


def _weights(query: Sequence[str], idf: Callable[[str], float]) -> dict[str, float]:
    return {term: idf(term) for term in dict.fromkeys(query)}


def _coverage(weights: dict[str, float], present: AbstractSet[str], total: float | None = None) -> float:
    """Share of the weights of the terms in ``present`` (``total``: the weights' sum, when known)."""
    total = sum(weights.values()) if total is None else total
    return sum([w for t, w in weights.items() if t in present]) / total if total else 0.0


def _pairs(query: Sequence[str]) -> set[tuple[str, str]]:
    """The statement's adjacent term pairs (a term beside itself is no pair)."""
    return {(a, b) for a, b in zip(query, query[1:], strict=False) if a != b}


def _partners(pairs: set[tuple[str, str]]) -> dict[str, list[str]]:
    """Each first term of the pairs with the terms it is paired with."""
    out: dict[str, list[str]] = {}
    for a, b in pairs:
        out.setdefault(a, []).append(b)
    return out


def _proximity(query: Sequence[str], sentence_terms: Sequence[str], pairs: set[tuple[str, str]] | None = None,
               partners: dict[str, list[str]] | None = None) -> float:
    """Share of the statement's adjacent term pairs found within WINDOW terms of each other
    (``pairs`` and their ``partners``: the statement's, when already known)."""
    pairs = _pairs(query) if pairs is None else pairs
    if not pairs:
        return 0.0
    partners = _partners(pairs) if partners is None else partners
    wanted = {t for pair in pairs for t in pair}
    positions: dict[str, list[int]] = {}
    for i, term in enumerate(sentence_terms):
        if term in wanted:
            positions.setdefault(term, []).append(i)
    if len(positions) < 2:  # a pair is of two different terms
        return 0.0
    found = 0
    for a, near_a in positions.items():
        for b in partners.get(a, ()):
            near_b = positions.get(b)
            if near_b and any(abs(i - j) <= WINDOW for i in near_a for j in near_b):
                found += 1
    return found / len(pairs)


#: An abstract's sentences, each with its terms in order and as a set.
Parsed = tuple[tuple[str, tuple[str, ...], frozenset[str]], ...]


@lru_cache(maxsize=8192)
def _sentence_terms(abstract: str) -> Parsed:
    """An abstract's sentences with their terms, in order and as a set (cached: a work is
    scored against many statements)."""
    out = []
    for sentence in sentences(abstract):
        found = tuple(terms(sentence))
        out.append((sentence, found, frozenset(found)))
    return tuple(out)


def _work_terms(doc: Doc, parsed: Parsed) -> frozenset[str]:
    words = set(terms(doc.title)) | set(terms(" ; ".join(doc.subjects)))
    for _, _, sentence_terms in parsed:
        words.update(sentence_terms)
    return frozenset(words)


@lru_cache(maxsize=8192)
def _all_terms(doc: Doc) -> frozenset[str]:
    return _work_terms(doc, _sentence_terms(doc.abstract))


def best_evidence(
    query: Sequence[str], doc: Doc, idf: Callable[[str], float], limit: int = 2, parsed: Parsed | None = None
) -> tuple[list[Evidence], float, float]:
    """The abstract sentences that fit the statement best, the work's whole coverage and
    the best sentence's proximity. A sentence's score is the idf-weighted share of the
    statement's terms it contains, plus a little for word pairs kept together.
    ``parsed``: the abstract's sentences with their terms, when kept (:class:`SentenceTerms`)."""
    weights = _weights(query, idf)
    total = sum(weights.values())
    pairs = _pairs(query)
    partners = _partners(pairs)
    scored: list[tuple[float, float, str]] = []
    for sentence, in_order, present in _sentence_terms(doc.abstract) if parsed is None else parsed:
        cover = _coverage(weights, present, total)
        near = _proximity(query, in_order, pairs, partners)
        scored.append((min(1.0, cover + 0.1 * near), near, sentence))
    scored.sort(key=lambda item: -item[0])
    coverage = _coverage(weights, _all_terms(doc) if parsed is None else _work_terms(doc, parsed), total)
    evidence = [Evidence(sentence, round(score, 4)) for score, _, sentence in scored[:limit]]
    return evidence, coverage, (scored[0][1] if scored else 0.0)


def support(statement: str, doc: Doc, index: LexicalIndex | None = None) -> tuple[list[Evidence], float]:
    """How well one work bears on one statement: its best sentences and its coverage."""
    query = index.query_terms(statement) if index else terms(statement)
    idf = index.term_idf if index else (lambda _term: 1.0)
    evidence, coverage, _ = best_evidence(query, doc, idf)
    return evidence, coverage


class EvidenceStage:
    """Second stage: each candidate's best abstract sentences, coverage and proximity.

    It keeps the first stage's order. Mixing these features into the score (best sentence,
    coverage and proximity each added with a fixed weight) lowered nDCG@10 on generated
    claim -> source pairs (sentences taken out of the library's abstracts: 0.4935 with
    BM25F alone, 0.4896 mixed), so they serve as evidence and for ``check``, and a later
    stage that does better can reorder.
    """

    def __init__(self, index: LexicalIndex, kept: SentenceTerms | None = None) -> None:
        self.index = index
        self.kept = kept

    def rerank(self, statement: str, query: Sequence[str], candidates: list[Candidate]) -> None:
        for candidate in candidates:
            candidate.score = candidate.first_score
            if candidate.doc is None:
                continue
            parsed = self.kept.of(candidate.index, candidate.doc.abstract) if self.kept is not None else None
            evidence, coverage, _ = best_evidence(query, candidate.doc, self.index.term_idf, parsed=parsed)
            candidate.evidence = evidence
            candidate.coverage = coverage


class Searcher:
    """The library's index plus a way to read candidate works, and the stages to apply."""

    def __init__(
        self,
        index: LexicalIndex,
        load: Callable[[list[str]], dict[str, Doc]],
        rerankers: Sequence[Reranker] | None = None,
        first_stage: int = FIRST_STAGE,
        sentences: SentenceIndex | None = None,
        sentence_weight: float = SENTENCE_WEIGHT,
        dense: DenseIndex | None = None,
        dense_weight: float = DENSE_WEIGHT,
        feedback: float = FEEDBACK,
        pool_scorers: Sequence[PoolScorer] = (),
    ) -> None:
        self.index = index
        self.pool_scorers = list(pool_scorers)
        self.sentences = sentences
        self.sentence_weight = sentence_weight
        self.dense = dense
        self.dense_weight = dense_weight
        self.feedback = feedback
        self.load = load
        self.rerankers = list(rerankers) if rerankers is not None else [EvidenceStage(index)]
        self.first_stage = first_stage

    def first_scores(self, query: Sequence[str]) -> np.ndarray:
        """Each work's first-stage score: BM25F plus its best sentence's BM25, weighted."""
        scores = self.index.scores(query)
        if self.sentences is not None and self.sentence_weight:
            scores += np.float32(self.sentence_weight) * self.sentences.best(query)
        return scores

    def ranked(
        self, query: Sequence[str], depth: int, scores: np.ndarray | None = None, statement: str | None = None
    ) -> list[tuple[int, float]]:
        """The ``depth`` best works (document number, score) for the statement's terms
        (``scores``: the first-stage scores, when already computed).

        With latent vectors, the first stage's best ``DENSE_POOL`` works are reordered by
        their lexical score over the best one's plus ``dense_weight`` times their cosine
        with the statement's vector, moved ``feedback`` towards the best few works' (so
        scores are then on that scale, about 0 to 1 + weight), plus what each of the
        ``pool_scorers`` adds for the ``statement`` (when given)."""
        scores = self.first_scores(query) if scores is None else scores
        scorers = self.pool_scorers if statement is not None else []
        with_dense = self.dense is not None and bool(self.dense_weight)
        if not with_dense and not scorers:
            return self.index.top(query, depth, scores)
        pool = self.index.top(query, max(depth, DENSE_POOL), scores)
        if not pool:
            return pool
        numbers = np.array([i for i, _ in pool], dtype=np.int64)
        fused = np.array([s for _, s in pool], dtype=np.float32) / np.float32(pool[0][1])
        if with_dense and self.dense is not None:
            vector = self.dense.query_vector(self.index, query)
            vector = self.dense.feedback(vector, numbers[:FEEDBACK_WORKS], self.feedback)
            fused += np.float32(self.dense_weight) * self.dense.similarity(vector, numbers)
        for scorer in scorers:
            fused += scorer.pool_scores(statement or "", numbers).astype(np.float32)
        order = np.argsort(-fused, kind="stable")[:depth]
        return [(int(numbers[j]), float(fused[j])) for j in order]

    def search(self, statement: str, limit: int = 10) -> list[Candidate]:
        """The works that best support ``statement``, best first, at most ``limit``."""
        query = self.index.query_terms(statement)
        first = self.ranked(query, max(limit, self.first_stage), statement=statement)
        candidates = [Candidate(i, self.index.keys[i], score, score) for i, score in first]
        docs = self.load([c.key for c in candidates])
        for candidate in candidates:
            candidate.doc = docs.get(candidate.key)
        for stage in self.rerankers:
            stage.rerank(statement, query, candidates)
        candidates.sort(key=lambda c: (-c.score, c.key))
        return candidates[:limit]

    def rank_of(self, statement: str, key: str, depth: int = 10) -> int | None:
        """Where ``key`` ranks for ``statement`` (1 = first), or ``None`` below ``depth``."""
        for rank, candidate in enumerate(self.search(statement, depth), start=1):
            if candidate.key == key:
                return rank
        return None


def bearing(query: Sequence[str], doc: Doc, idf: Callable[[str], float]) -> tuple[float, str | None]:
    """How much one work bears on a statement, 0..2: the idf-weighted share of the
    statement's terms the whole work holds plus the share its best sentence holds."""
    evidence, coverage, _ = best_evidence(query, doc, idf, limit=1)
    best = evidence[0] if evidence else None
    return coverage + (best.score if best else 0.0), (best.sentence if best else None)


@dataclass(slots=True)
class CitationMeasure:
    """A cited work measured against its citing sentence, the library and its list."""

    score: float
    evidence: str | None
    library_rank: int | None
    library_best: float | None
    alternative: str | None
    alternative_score: float | None
    #: The cited work's first-stage score for the sentence over the library's best (0..1;
    #: 1 = no work of the library matches the sentence's words better).
    relative: float | None = None
    #: The library's first match for the sentence when it is not the cited work, its
    #: bearing on the sentence, and the cosine of its latent vector with the cited work's
    #: (near 1: two look-alike works).
    first: str | None = None
    first_score: float | None = None
    twin_cosine: float | None = None
    #: The cited work against its rival, the library's best match for the sentence other
    #: than the cited work (see :class:`Contrast`); ``None`` when not asked for or when the
    #: library has no other.
    contrast: Contrast | None = None


@dataclass(slots=True)
class Contrast:
    """What tells a cited work from its rival (the library's best other match) for a sentence.

    A near error cites a work on the right subject that lacks the sentence's particulars:
    the rival (often the true source) holds them in one sentence, the cited work nowhere.
    Shares are of the sentence's idf-weighted terms (0..1); cosines are of latent vectors.
    """

    #: Support (0..2, as :func:`bearing`) of the rival.
    rival_score: float
    #: Share of the sentence's terms that the rival's best sentence holds and the cited work lacks entirely ...
    rival_only: float
    #: ... and the other way round.
    cited_only: float
    #: Share of the sentence's rarest terms (its ``RARE`` highest-idf ones) the cited work holds, and the rival.
    rare_cited: float
    rare_rival: float
    #: Cosine of the sentence's latent vector (with the ranking's feedback) with the cited work's, and the rival's.
    cosine_cited: float
    cosine_rival: float
    #: Cosine of the cited work's latent vector with the rival's (look-alike works near 1).
    twin_cosine: float
    #: 1 / the cited work's place among the rival's look-alikes (BM25F with the rival's title and
    #: abstract as the query; 1 = the work most like the rival), 0 below ``LOOKALIKE_DEPTH``.
    lookalike: float


#: Places among the rival's look-alikes that count (a place below is as good as none).
LOOKALIKE_DEPTH = 20


#: How many of a sentence's highest-idf terms count as its rare ones.
RARE = 3


def _best_sentence_terms(weights: dict[str, float], doc: Doc) -> frozenset[str]:
    """The terms of the abstract sentence (or title) that holds most of the statement's weight."""
    best: tuple[float, frozenset[str]] = (-1.0, frozenset())
    for found in [frozenset(terms(doc.title))] + [found for _, _, found in _sentence_terms(doc.abstract)]:
        cover = _coverage(weights, found)
        if cover > best[0]:
            best = (cover, found)
    return best[1]


def contrast(searcher: Searcher, query: Sequence[str], cited: Doc, rival: Doc, rival_score: float) -> Contrast:
    """Measure ``cited`` against ``rival`` for the statement's terms ``query``."""
    index = searcher.index
    weights = {t: w for t, w in _weights(query, index.term_idf).items() if w > 0}
    cited_all, rival_all = _all_terms(cited), _all_terms(rival)
    rival_only = _coverage(weights, _best_sentence_terms(weights, rival) - cited_all)
    cited_only = _coverage(weights, _best_sentence_terms(weights, cited) - rival_all)
    rare = sorted(weights, key=lambda t: -weights[t])[:RARE]
    rare_cited = sum(t in cited_all for t in rare) / len(rare) if rare else 0.0
    rare_rival = sum(t in rival_all for t in rare) / len(rare) if rare else 0.0
    cosine_cited = cosine_rival = twin = 0.0
    dense = searcher.dense
    a, b = index.position(cited.key), index.position(rival.key)
    if dense is not None and a is not None and b is not None and dense.doc_vectors.shape[1]:
        vector = dense.query_vector(index, query)
        pool = index.top(query, FEEDBACK_WORKS)
        vector = dense.feedback(vector, np.array([i for i, _ in pool], dtype=np.int64), searcher.feedback)
        cosine_cited, cosine_rival = (float(v) for v in dense.similarity(vector, np.array([a, b])))
        twin = _closeness(searcher, cited.key, rival.key) or 0.0
    return Contrast(rival_score, rival_only, cited_only, rare_cited, rare_rival, cosine_cited, cosine_rival, twin,
                    _lookalike(index, cited.key, rival))


def _lookalike(index: LexicalIndex, cited: str, rival: Doc) -> float:
    """1 / the place of ``cited`` among the works most like ``rival`` (0 beyond ``LOOKALIKE_DEPTH``)."""
    a, b = index.position(cited), index.position(rival.key)
    if a is None or b is None:
        return 0.0
    scores = index.scores(index.query_terms(f"{rival.title} {rival.abstract}"))
    if scores[a] <= 0:
        return 0.0
    # the rival itself (its own best match) does not count
    place = 1 + int(np.count_nonzero(scores > scores[a])) - int(scores[b] > scores[a])
    return 1.0 / place if place <= LOOKALIKE_DEPTH else 0.0


def measure_citation(
    searcher: Searcher, sentence: str, cited: Doc, others: dict[str, Doc], depth: int = 10, rival: bool = False
) -> CitationMeasure:
    """Measure ``cited`` for ``sentence``: its bearing, its rank among the library's best
    ``depth`` works and the best bearing among them, and the best of ``others`` (the other
    entries of the same reference list, by the name markers give them); with ``rival``,
    also its :class:`Contrast` with the library's best other match (``check`` does not read
    it: see docs/evidence.md)."""
    query = searcher.index.query_terms(sentence)
    idf = searcher.index.term_idf
    score, evidence = bearing(query, cited, idf)
    found = searcher.search(sentence, depth)
    ranked = [c.key for c in found]
    rank = ranked.index(cited.key) + 1 if cited.key in ranked else None
    bearings = {c.key: bearing(query, c.doc, idf)[0] for c in found if c.doc is not None and c.doc.abstract}
    library_best = max(bearings.values(), default=None)
    first = found[0].key if found and found[0].key != cited.key else None
    twin_cosine = _closeness(searcher, cited.key, first) if first is not None else None
    relative = None
    position = searcher.index.position(cited.key)
    if position is not None:
        scores = searcher.first_scores(query)
        top = float(scores.max()) if len(scores) else 0.0
        relative = float(scores[position]) / top if top > 0 else 0.0
    best_name, best_score = None, None
    for name, other in others.items():
        if other.key == cited.key or not other.abstract.strip():
            continue
        other_score, _ = bearing(query, other, idf)
        if best_score is None or other_score > best_score:
            best_name, best_score = name, other_score
    versus = None
    if rival:
        best_other = next((c for c in found if c.key != cited.key and c.doc is not None and c.doc.abstract), None)
        if best_other is not None and best_other.doc is not None:
            versus = contrast(searcher, query, cited, best_other.doc, bearings[best_other.key])
    return CitationMeasure(score, evidence, rank, library_best, best_name, best_score, relative,
                           first, bearings.get(first) if first is not None else None, twin_cosine, versus)


def _closeness(searcher: Searcher, cited: str, other: str) -> float | None:
    """The cosine of two works' latent vectors (one dot product, whatever the library's
    size), or ``None`` without latent vectors."""
    dense = searcher.dense
    a, b = searcher.index.position(cited), searcher.index.position(other)
    if dense is None or a is None or b is None or not dense.doc_vectors.shape[1]:
        return None
    return float(dense.similarity(dense.doc_vectors[a].astype(np.float32), np.array([b]))[0])
