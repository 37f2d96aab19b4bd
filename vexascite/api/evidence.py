"""Use cases of evidence ranking: suggest sources for statements, keep the evidence of
every citation, and judge whether a cited work bears on its sentence.

The search index is built from the works' titles, abstracts and subject terms the first
time it is needed and kept in the library until a work changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from ..config import Settings
from ..evidence.dense import DenseIndex, index_version
from ..evidence.index import MAGIC as KEPT_FORM
from ..evidence.index import Doc, LexicalIndex
from ..evidence.pretrained import PretrainedIndex, PretrainedScorer
from ..evidence.pretrained import encoder as pretrained_encoder
from ..evidence.pretrained import index_version as pretrained_version
from ..evidence.rank import EvidenceStage, Searcher, measure_citation, support
from ..evidence.sentences import SENTENCE_WEIGHT, SentenceIndex, SentenceTerms, terms_version
from ..evidence.text import TERMS_REVISION
from ..store import Store
from .common import notice, open_library

__all__ = [
    "attach_evidence",
    "attach_work_evidence",
    "evidence_summary",
    "library_searcher",
    "refresh_citation_evidence",
    "suggest_sources",
    "suggested_for",
    "work_doc",
]

# the names carry the terms' revision: indexes kept from other terms are rebuilt
INDEX_NAME = f"bm25f-v1-t{TERMS_REVISION}"
SENTENCE_INDEX_NAME = f"bm25-sentences-v1-t{TERMS_REVISION}"


def _subjects(keyword: str) -> tuple[str, ...]:
    parts = re.split(r"\s*;\s*" if ";" in keyword else r"\s*,\s*", keyword.strip())
    return tuple(part for part in parts if part)


def work_doc(row: Iterable[str]) -> Doc:
    """A ranking document from a ``(key, title, abstract, keyword)`` row."""
    key, title, abstract, keyword = row
    keyword = keyword if isinstance(keyword, str) else "; ".join(map(str, keyword or []))
    return Doc(key, title or "", abstract or "", _subjects(keyword or ""))


def library_searcher(store: Store, pretrained: bool = True) -> Searcher:
    """A searcher over the library, from its kept index or a freshly built (and kept) one.

    With ``pretrained`` (``suggest`` and ``find``; not ``check``, whose thresholds were set
    on the ranking without them), the pretrained vectors of :mod:`vexascite.evidence.pretrained`
    reorder the best works too; a library kept without them gets them built on demand, the
    other indexes kept as they are."""
    from ..store import evidence as stored

    fingerprint = stored.library_fingerprint(store)
    with_sentences = SENTENCE_WEIGHT > 0  # the sentence index is kept only while it counts
    data = stored.load_index(store, INDEX_NAME, fingerprint)
    sentence_data = stored.load_index(store, SENTENCE_INDEX_NAME, fingerprint) if with_sentences else None
    dense_name = index_version()
    dense_data = stored.load_index(store, dense_name, fingerprint)
    sentence_index: SentenceIndex | None = None
    docs: list[Doc] | None = None
    not_kept: list[str] = []  # why an index built here serves this run alone (read-only, another process writing)

    def keep(name: str, data: bytes) -> None:
        if not not_kept:  # once one was not kept, the others are not tried
            why = stored.save_index(store, name, fingerprint, data)
            not_kept.extend([why] if why else [])

    if data is not None and dense_data is not None and (sentence_data is not None or not with_sentences):
        index = LexicalIndex.from_bytes(data)
        sentence_index = SentenceIndex.from_bytes(sentence_data) if sentence_data is not None else None
        dense = DenseIndex.from_bytes(dense_data)
        _keep_current(store, fingerprint, [(INDEX_NAME, data, index), (dense_name, dense_data, dense),
                                           (SENTENCE_INDEX_NAME, sentence_data, sentence_index)])
    else:
        docs = [work_doc(row) for row in stored.ranking_texts(store)]
        index = LexicalIndex.build(docs)
        dense = DenseIndex.build(index)
        keep(INDEX_NAME, index.to_bytes())
        keep(dense_name, dense.to_bytes())
        if with_sentences:
            sentence_index = SentenceIndex.build(docs)
            keep(SENTENCE_INDEX_NAME, sentence_index.to_bytes())
    # each work's sentences as terms, for the evidence stage (built beside a kept index without them)
    terms_name = terms_version(TERMS_REVISION)
    terms_data = stored.load_index(store, terms_name, fingerprint)
    kept_terms = SentenceTerms.from_bytes(terms_data) if terms_data is not None else None
    if kept_terms is None or len(kept_terms) != len(index):
        docs = docs if docs is not None else [work_doc(row) for row in stored.ranking_texts(store)]
        kept_terms = SentenceTerms.build(docs)
        keep(terms_name, kept_terms.to_bytes())
    scorers = []
    encoder = pretrained_encoder() if pretrained else None
    if encoder is not None:
        vectors_data = stored.load_index(store, pretrained_version(), fingerprint)
        vectors = PretrainedIndex.from_bytes(vectors_data) if vectors_data is not None else None
        if vectors is None or len(vectors) != len(index):
            docs = docs if docs is not None else [work_doc(row) for row in stored.ranking_texts(store)]
            vectors = PretrainedIndex.build(encoder, docs)
            keep(pretrained_version(), vectors.to_bytes())
        else:
            _keep_current(store, fingerprint, [(pretrained_version(), vectors_data, vectors)])
        scorers.append(PretrainedScorer(encoder, vectors))
    if docs is not None and not not_kept:
        # indexes kept under other names (older versions) are never read again
        stored.forget_indexes_except(store, [INDEX_NAME, dense_name, pretrained_version(), terms_name]
                                     + ([SENTENCE_INDEX_NAME] if with_sentences else []))
    if not_kept:
        notice(f"{store.path}: search index built for this run, not kept ({not_kept[0]}); the next run builds it again")

    def load(keys: list[str]) -> dict[str, Doc]:
        return {row[0]: work_doc(row) for row in stored.ranking_texts(store, keys)}

    return Searcher(index, load, rerankers=[EvidenceStage(index, kept_terms)], sentences=sentence_index, dense=dense,
                    pool_scorers=scorers)


def _keep_current(store: Store, fingerprint: str, loaded: list[tuple[str, bytes | None, Any]]) -> None:
    """Keep again, in the current form, the indexes read from the older one (``.npz``, which
    is copied whole when read), so that later runs load them without a copy."""
    from ..store import evidence as stored

    for name, data, index in loaded:
        if data is not None and index is not None and not data.startswith(KEPT_FORM) and stored.save_index(
                store, name, fingerprint, index.to_bytes()):
            return  # read-only, or another process writing: read in the older form again next time


def _suggestions(searcher: Searcher, trashed: set[str], text: str, limit: int) -> list[dict[str, Any]]:
    """The best ``limit`` works for ``text`` among those not in the trash (``trashed``: the
    index keeps them, as claims still cite them; asked for more until enough are left)."""
    if not text.strip():
        return []
    wanted = limit
    while True:
        found = searcher.search(text, wanted)
        kept = [c for c in found if c.key not in trashed]
        if len(kept) >= limit or len(found) < wanted:
            return [_source(c) for c in kept[:limit]]
        wanted *= 2


def _source(candidate: Any) -> dict[str, Any]:
    evidence = candidate.evidence[0].sentence if candidate.evidence else None
    return {"key": candidate.key, "score": round(candidate.score, 4), "evidence": evidence}


def suggest_sources(settings: Settings, texts: Iterable[str], limit: int = 10) -> Iterator[dict[str, Any]]:
    """For each statement, the library's works that best support it, best first, each with
    its best-fitting abstract sentence (``None`` when the work has no abstract)."""
    from ..store import evidence as stored

    with open_library(settings, create=False) as store:
        searcher = library_searcher(store)
        trashed = stored.trashed_keys(store)
        for text in texts:
            yield {"text": text, "sources": _suggestions(searcher, trashed, text, limit)}


def suggested_for(store: Store, text: str, limit: int = 10) -> list[dict[str, Any]]:
    """The works that best support one statement, in an open library (for ``find``)."""
    from ..store import evidence as stored

    return _suggestions(library_searcher(store), stored.trashed_keys(store), text, limit)


def refresh_citation_evidence(store: Store, searcher: Searcher | None = None) -> int:
    """Compute the evidence of every claim -> work link that lacks it or is stale.

    A work without an abstract is recorded as not checked (no sentences, no score), so
    that ``claims`` and ``check`` can say so. Returns how many links were computed.
    """
    from ..store import evidence as stored

    pending = _fresh_evidence(store, searcher)
    stored.save_citation_evidence(store, pending)
    return len(pending)


def _fresh_evidence(store: Store, searcher: Searcher | None = None) -> list[dict[str, Any]]:
    """The evidence of the claim -> work links that lack it or whose stored one is stale."""
    from ..store import evidence as stored

    pending = stored.citations_needing_evidence(store)
    if not pending:
        return []
    index = (searcher or library_searcher(store, pretrained=False)).index
    docs = {row[0]: work_doc(row) for row in stored.ranking_texts(store, [p["key"] for p in pending])}
    for row in pending:
        doc = docs.get(row["key"])
        if doc is None or not doc.abstract.strip():
            row.update(checked=False, score=None, coverage=None, sentences=[])
            continue
        evidence, coverage = support(row["text"], doc, index)
        row.update(
            checked=True,
            score=evidence[0].score if evidence else 0.0,
            coverage=round(coverage, 4),
            sentences=[{"sentence": e.sentence, "score": e.score} for e in evidence],
        )
    return pending


def evidence_summary(row: dict[str, Any] | None) -> dict[str, Any]:
    """What a citation's evidence says, as shown by ``claims`` and ``show``."""
    if row is None:
        return {"checked": False, "score": None, "sentences": [], "note": "not computed"}
    if not row["checked"]:
        return {"checked": False, "score": None, "sentences": [], "note": "no abstract: not checked"}
    return {"checked": True, "score": row["score"], "coverage": row["coverage"], "sentences": row["sentences"]}


def attach_evidence(store: Store, claims: list[dict[str, Any]]) -> None:
    """Give each linked source of each claim (rows of the evidence table) its evidence."""
    from ..store import evidence as stored

    fresh = _fresh_evidence(store)
    not_kept = stored.save_citation_evidence(store, fresh)
    found = stored.citation_evidence_by_key(store, [claim["id"] for claim in claims])
    if not_kept:  # read-only, or another process writing: shown from this run's computation
        found.update({(row["claim_id"], row["key"]): row for row in fresh})
    for claim in claims:
        for source in claim["sources"]:
            if source.get("key"):
                source["evidence"] = evidence_summary(found.get((claim["id"], source["key"])))


def attach_work_evidence(store: Store, work_id: int, claims: list[dict[str, Any]]) -> None:
    """Give each claim citing one work (``show``) the evidence found in that work."""
    from ..store import evidence as stored

    fresh = _fresh_evidence(store)
    not_kept = stored.save_citation_evidence(store, fresh)
    found = stored.citation_evidence_rows(store, [claim["id"] for claim in claims])
    if not_kept:  # read-only, or another process writing: shown from this run's computation
        found.update({(row["claim_id"], row["work_id"]): row for row in fresh})
    for claim in claims:
        claim["evidence"] = evidence_summary(found.get((claim["id"], work_id)))


def citation_support(store: Store, citations: list[dict[str, Any]], ref_rows: list[dict[str, Any]]) -> list[Any]:
    """Measure each linked citation of a manuscript against its citing sentence (see
    :mod:`vexascite.check.support`): support, library rank, best other list entry."""
    from ..check.support import LIBRARY_DEPTH, CitationSupport
    from ..store import evidence as stored
    from ..store.reading import claim_texts, keys_of_works

    linked = [c for c in citations if c.get("work_id")]
    if not linked:
        return []
    searcher = library_searcher(store, pretrained=False)
    keys = keys_of_works(store, [c["work_id"] for c in linked])
    names: dict[int, str] = {}
    for row in ref_rows:
        if row.get("work_id") is not None:
            name = str(row["number"]) if row.get("number") is not None else row.get("entry_key")
            names.setdefault(row["work_id"], name or "")
    keys.update(keys_of_works(store, list(names)))
    docs = {row[0]: work_doc(row) for row in stored.ranking_texts(store, keys.values())}
    texts = claim_texts(store, [c["claim_id"] for c in linked])
    listed = {keys[work_id]: name for work_id, name in names.items() if work_id in keys and name}
    # the works each marker cites together: one cited beside another is no alternative to it
    together: dict[tuple[Any, Any], set[int]] = {}
    for citation in linked:
        together.setdefault((citation["claim_id"], citation.get("start")), set()).add(citation["work_id"])
    out = []
    for citation in linked:
        key = keys.get(citation["work_id"])
        doc = docs.get(key) if key else None
        name = str(citation["number"]) if citation.get("number") is not None else (citation.get("cite_key") or key or "")
        sentence = citation.get("clause") or texts.get(citation["claim_id"]) or ""
        if doc is None or not doc.abstract.strip():
            out.append(CitationSupport(citation.get("line"), name, sentence, checked=False))
            continue
        beside = together[(citation["claim_id"], citation.get("start"))] - {citation["work_id"]}
        others = {other_name: docs[keys[work_id]] for work_id, other_name in names.items()
                  if keys.get(work_id) in docs and work_id not in beside}
        m = measure_citation(searcher, sentence, doc, others, LIBRARY_DEPTH)
        first = m.first if m.first not in {keys.get(work_id) for work_id in beside} else None
        out.append(CitationSupport(
            citation.get("line"), name, sentence, True, round(m.score, 4), m.library_rank, m.evidence, m.alternative,
            None if m.alternative_score is None else round(m.alternative_score, 4),
            None if m.library_best is None else round(m.library_best, 4),
            None if m.relative is None else round(m.relative, 4),
            listed.get(first, first) if first else None, first in listed,
            None if m.first_score is None else round(m.first_score, 4),
            None if m.twin_cosine is None else round(m.twin_cosine, 4),
        ))
    return out
