import numpy as np

from vexascite.evidence.index import Doc, LexicalIndex
from vexascite.evidence.rank import Searcher
from vexascite.evidence.sentences import SentenceIndex

DOCS = [
    Doc("spread", "", "Ruxolitinib was given to patients. Many had a thrombosis. The venous system was imaged. "
        "Outcomes were recorded."),
    Doc("together", "", "Patients were followed for two years. Ruxolitinib raised the risk of venous thrombosis. "
        "Dosing was stable."),
    Doc("empty", "", ""),
    Doc("other", "Bone marrow fibrosis", "Fibrosis of the marrow was graded."),
]


def test_best_sentence_score_per_work_and_round_trip():
    index = SentenceIndex.build(DOCS)
    query = LexicalIndex.build(DOCS).query_terms("ruxolitinib venous thrombosis")
    best = index.best(query)
    assert best.shape == (4,)
    assert best[1] > best[0] > 0 and best[2] == 0 and best[3] == 0
    again = SentenceIndex.from_bytes(index.to_bytes())
    assert np.allclose(again.best(query), best)
    # the title counts as a sentence of its own
    assert index.best(LexicalIndex.build(DOCS).query_terms("bone marrow fibrosis"))[3] > 0


def test_one_matching_sentence_ranks_a_work_first():
    lexical = LexicalIndex.build(DOCS)
    by_key = {d.key: d for d in DOCS}

    def load(keys):
        return {k: by_key[k] for k in keys}

    with_sentences = Searcher(lexical, load, sentences=SentenceIndex.build(DOCS), sentence_weight=5.0)
    assert with_sentences.search("ruxolitinib raised the risk of venous thrombosis", 2)[0].key == "together"
    assert Searcher(lexical, load).first_scores(["zzz"]).sum() == 0


def test_kept_sentence_terms_are_the_ones_the_evidence_stage_computes():
    from vexascite.evidence.rank import _sentence_terms, best_evidence
    from vexascite.evidence.sentences import SentenceTerms

    docs = [*DOCS, Doc("units", "", "RESULTS: Doses of 50 mg/kg were given. IL-6 fell by 24% (p < 0.05) in 3 years.")]
    kept = SentenceTerms.from_bytes(SentenceTerms.build(docs).to_bytes())
    assert len(kept) == len(docs)
    lexical = LexicalIndex.build(docs)
    query = lexical.query_terms("IL-6 fell after 50 mg ruxolitinib for venous thrombosis")
    for number, doc in enumerate(docs):
        parsed = kept.of(number, doc.abstract)
        assert parsed == _sentence_terms(doc.abstract)
        assert best_evidence(query, doc, lexical.term_idf, parsed=parsed) == best_evidence(query, doc, lexical.term_idf)
    # an abstract that no longer splits as kept, or a work the terms do not hold, is not read from them
    assert kept.of(0, "One sentence only.") is None and kept.of(len(docs), "") is None
