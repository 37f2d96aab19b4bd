"""How a cited work stands for its citing sentence against the rest of the library (pure).

A work can share a sentence's subject without making its claim: the abstract most like
the true source is about the same thing, so its own support score alone is high. What
gives it away is its standing among the alternatives: the library holds a work that
matches the sentence better (a higher first-stage score, a higher rank), and that work
holds the sentence's distinctive terms that the cited one lacks. This module measures
those things for one citation as plain numbers (:data:`FEATURES`); ``check`` turns them
into a verdict (``vexascite.check.support``), with weights learned from pseudo-claims
(``scripts/support_thresholds.py``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from .index import Doc, LexicalIndex
from .rank import Searcher, bearing, best_evidence
from .text import sentences, terms

__all__ = ["FEATURES", "SupportMeasure", "as_vector", "measure_support"]

#: The measures a verdict is made from, in the order the model's weights are kept:
#: - ``support``: the cited work's bearing on the sentence (0..2, :func:`~.rank.bearing`);
#: - ``log_rank``: log of the cited work's first-stage rank in the whole library;
#: - ``margin``: its first-stage score against the best other work's, -1..1 (> 0: it leads);
#: - ``sentence``, ``coverage``: the two parts of ``support``: the share of the sentence's
#:   information its best single sentence holds, and the share the whole work holds;
#: - ``library_gap``: the best bearing among the library's best other works minus its own;
#: - ``sentence_gap``, ``coverage_gap``: the same for each part (best other minus its own);
#: - ``missing``: idf-weighted share of the sentence's terms that best other work holds
#:   and the cited one lacks;
#: - ``extra``: the share the cited work holds and that best other work lacks;
#: - ``entry_gap``: how much better (>= 0) another entry of the same list bears on it.
FEATURES: tuple[str, ...] = (
    "support", "sentence", "coverage", "log_rank", "margin", "library_gap", "sentence_gap", "coverage_gap",
    "missing", "extra", "entry_gap", "margin_work", "margin_sentence", "pairs", "pairs_gap",
    "neighbour", "neighbour_back",
)


#: How far down a work's most similar works the neighbour measures look.
NEIGHBOURS = 100
#: Two terms of a pair count as kept together within this many terms.
PAIR_WINDOW = 3


@dataclass(slots=True)
class SupportMeasure:
    """A cited work measured against its citing sentence, the library and its list."""

    score: float
    evidence: str | None
    library_rank: int | None
    library_best: float | None
    alternative: str | None
    alternative_score: float | None
    features: dict[str, float] = field(default_factory=dict)


@lru_cache(maxsize=8192)
def _term_set(doc: Doc) -> frozenset[str]:
    """Every term of a work (cached: a work is measured against many sentences)."""
    words = set(terms(doc.title)) | set(terms(" ; ".join(doc.subjects)))
    for sentence in sentences(doc.abstract):
        words.update(terms(sentence))
    return frozenset(words)


def _share(weights: dict[str, float], present: Callable[[str], bool]) -> float:
    total = sum(weights.values())
    return sum(w for t, w in weights.items() if present(t)) / total if total else 0.0


def _without(scores: np.ndarray, position: int | None) -> np.ndarray:
    """Scores of every work but the cited one (scored -inf)."""
    if position is None:
        return scores
    scores = scores.copy()
    scores[position] = -np.inf
    return scores


def _margin(others: np.ndarray, own: float) -> float:
    """The cited work's score against the best other work's, -1..1 (> 0: it leads)."""
    best = max(float(others.max()) if len(others) else 0.0, 0.0)
    return (own - best) / max(own, best) if max(own, best) > 0 else 0.0


@lru_cache(maxsize=8192)
def _positions(doc: Doc) -> tuple[dict[str, list[int]], ...]:
    """Where each term stands in each sentence of a work (title first)."""
    out = []
    for text in [doc.title, *sentences(doc.abstract)]:
        where: dict[str, list[int]] = {}
        for i, term in enumerate(terms(text)):
            where.setdefault(term, []).append(i)
        out.append(where)
    return tuple(out)


def _pairs(query: Sequence[str], doc: Doc, idf: Callable[[str], float]) -> float:
    """Idf-weighted share of the sentence's adjacent term pairs that one sentence of the
    work holds within ``PAIR_WINDOW`` terms of each other (its phrasing, not just its words)."""
    pairs = {(a, b): idf(a) + idf(b) for a, b in zip(query, query[1:], strict=False) if a != b}
    total = sum(pairs.values())
    if not total:
        return 0.0
    found = 0.0
    for (a, b), weight in pairs.items():
        for where in _positions(doc):
            if a in where and b in where and any(abs(i - j) <= PAIR_WINDOW for i in where[a] for j in where[b]):
                found += weight
                break
    return found / total


def _neighbour_rank(index: LexicalIndex, of: Doc, other: Doc) -> int:
    """Where ``other`` ranks among the works most like ``of`` (its whole text as the query,
    ``of`` itself left out), at most ``NEIGHBOURS + 1``."""
    position = index.position(other.key)
    if position is None:
        return NEIGHBOURS + 1
    scores = index.scores(index.query_terms(" ".join([of.title, of.abstract, *of.subjects])))
    own = scores[position]
    mine = index.position(of.key)
    higher = int(np.count_nonzero(scores > own)) - (1 if mine is not None and scores[mine] > own else 0)
    return min(1 + higher, NEIGHBOURS + 1)


def _parts(query: Sequence[str], doc: Doc, idf: Callable[[str], float]) -> tuple[float, float]:
    """A work's best sentence's score and its whole coverage (their sum is its bearing)."""
    evidence, coverage, _ = best_evidence(query, doc, idf, limit=1)
    return (evidence[0].score if evidence else 0.0), coverage


def measure_support(
    searcher: Searcher, sentence: str, cited: Doc, others: dict[str, Doc], depth: int = 10
) -> SupportMeasure:
    """Measure ``cited`` for ``sentence`` against the library's best ``depth`` works and
    ``others`` (the other entries of the same reference list, by the names markers give them)."""
    index = searcher.index
    query = index.query_terms(sentence)
    idf = index.term_idf
    score, evidence = bearing(query, cited, idf)
    scores = searcher.first_scores(query)
    position = index.position(cited.key)
    own = float(scores[position]) if position is not None else 0.0
    rank = 1 + int(np.count_nonzero(scores > own)) if position is not None else len(scores) + 1
    scores = _without(scores, position)
    margin = _margin(scores, own)
    parts = [searcher.index.scores(query)]
    if searcher.sentences is not None:
        parts.append(searcher.sentences.best(query))
    part_margins = [_margin(_without(values, position), float(values[position]) if position is not None else 0.0)
                    for values in parts]

    found = [c for c in searcher.search(sentence, depth) if c.key != cited.key and c.doc is not None]
    own_sentence, own_coverage = _parts(query, cited, idf)
    own_pairs = _pairs(query, cited, idf)
    rival: Doc | None = None
    library_best: float | None = None
    best_sentence = best_coverage = best_pairs = 0.0
    for candidate in found:
        assert candidate.doc is not None
        best_pairs = max(best_pairs, _pairs(query, candidate.doc, idf))
        part_sentence, part_coverage = _parts(query, candidate.doc, idf)
        best_sentence, best_coverage = max(best_sentence, part_sentence), max(best_coverage, part_coverage)
        if library_best is None or part_sentence + part_coverage > library_best:
            rival, library_best = candidate.doc, part_sentence + part_coverage
    leader = found[0].doc if found else None
    neighbour = _neighbour_rank(index, leader, cited) if leader is not None else NEIGHBOURS + 1
    neighbour_back = _neighbour_rank(index, cited, leader) if leader is not None else NEIGHBOURS + 1
    weights = {term: idf(term) for term in dict.fromkeys(query)}
    cited_terms = _term_set(cited)
    rival_terms = _term_set(rival) if rival is not None else frozenset()
    missing = _share(weights, lambda t: t in rival_terms and t not in cited_terms)
    extra = _share(weights, lambda t: t in cited_terms and t not in rival_terms) if rival is not None else 0.0

    best_name, best_score = None, None
    for name, other in others.items():
        if other.key == cited.key or not other.abstract.strip():
            continue
        other_score, _ = bearing(query, other, idf)
        if best_score is None or other_score > best_score:
            best_name, best_score = name, other_score
    features = {
        "support": score,
        "log_rank": math.log(rank),
        "margin": margin,
        "sentence": own_sentence,
        "coverage": own_coverage,
        "library_gap": (library_best - score) if library_best is not None else 0.0,
        "sentence_gap": best_sentence - own_sentence if found else 0.0,
        "coverage_gap": best_coverage - own_coverage if found else 0.0,
        "missing": missing,
        "extra": extra,
        "entry_gap": max(0.0, best_score - score) if best_score is not None else 0.0,
        "margin_work": part_margins[0],
        "margin_sentence": part_margins[-1],
        "pairs": own_pairs,
        "pairs_gap": best_pairs - own_pairs if found else 0.0,
        "neighbour": math.log(neighbour),
        "neighbour_back": math.log(neighbour_back),
    }
    return SupportMeasure(score, evidence, rank if rank <= depth else None, library_best, best_name, best_score,
                          {name: round(float(value), 6) for name, value in features.items()})


def as_vector(features: dict[str, float], names: Sequence[str] = FEATURES) -> list[float]:
    """The features in model order (a missing one counts as 0)."""
    return [float(features.get(name, 0.0)) for name in names]
