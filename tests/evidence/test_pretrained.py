"""Pretrained WordLlama vectors: read from the installed package, kept as sign bits, added over the best works."""

import numpy as np
import pytest

from vexascite.evidence import pretrained
from vexascite.evidence.index import Doc, LexicalIndex
from vexascite.evidence.pretrained import PretrainedIndex, PretrainedScorer, encoder
from vexascite.evidence.rank import Searcher

# Five subjects; no statement below shares a word with the work it should be near.
DOCS = [
    Doc("mi", "Outcomes after myocardial infarction", "Mortality at one year rose after an acute myocardial infarct."),
    Doc("fish", "Zebrafish fin regeneration", "Fins regrew within two weeks after amputation in zebrafish."),
    Doc("soil", "Soil nitrogen in wheat fields", "Nitrogen fertiliser raised wheat yields on clay soils."),
    Doc("code", "Compilers and parsing", "A parser generator produced faster compilers for the language."),
    Doc("vote", "Turnout in local elections", "Voter turnout fell in municipal elections after the reform."),
    Doc("empty"),
]


@pytest.fixture(scope="module")
def built():
    model = encoder()
    assert model is not None, "the wordllama package's files should be installed with vexascite"
    return model, PretrainedIndex.build(model, DOCS)


def test_encoder_reads_the_package_table(built):
    model, _ = built
    assert model.table.shape == (32000, pretrained.DIMENSIONS)
    assert model.encode("").shape == (pretrained.DIMENSIONS,) and not model.encode("").any()


def test_knows_words_no_work_uses(built):
    model, index = built
    for statement, right in (("heart attack raises the chance of death", "mi"), ("crop harvest and fertilizer", "soil")):
        whole, best = index.similarity(index.query_vector(model, statement), np.arange(len(DOCS)))
        target = [d.key for d in DOCS].index(right)
        assert int(np.argmax(whole)) == target and int(np.argmax(best)) == target


def test_kept_as_sign_bits_and_round_trip(built):
    _, index = built
    # one bit a dimension: the work and each of its sentences (title counted), none for a work without text
    assert index.works.shape == (len(DOCS), pretrained.DIMENSIONS // 8) and index.works.dtype == np.uint8
    assert index.sentences.shape == (10, pretrained.DIMENSIONS // 8)
    assert list(np.diff(index.starts)) == [2, 2, 2, 2, 2, 0]
    again = PretrainedIndex.from_bytes(index.to_bytes())
    assert len(again) == len(DOCS)
    for name in ("mean", "works", "sentences", "starts"):
        assert np.array_equal(getattr(again, name), getattr(index, name))


def test_best_sentence_and_works_without_text(built):
    model, index = built
    vector = index.query_vector(model, "Fins regrew within two weeks after amputation in zebrafish.")
    whole, best = index.similarity(vector, np.array([1, 5, 0]))
    # the statement is that work's sentence: as close as a float vector gets to a sign vector (about 0.8)
    assert best[0] > 0.7 and best[0] > whole[0] and best[0] > index.similarity(vector, np.array([2]))[1][0] + 0.3
    assert whole[1] == 0 and best[1] == 0  # no text, no credit
    assert index.query_vector(model, "") is None
    assert not any(index.similarity(None, np.array([0, 1]))[0])


def test_scorer_reorders_the_best_works_by_meaning(built):
    model, vectors = built
    # two works with the same words, one on infarction in its other sentence: the statement's words tie them
    docs = [Doc("a", "", "Outcomes at one year. Zebrafish fins regrew."), Doc("b", "", "Outcomes at one year. Myocardial infarction killed many.")]
    lexical = LexicalIndex.build(docs)
    plain = Searcher(lexical, lambda keys: {}, rerankers=[])
    scored = Searcher(lexical, lambda keys: {}, rerankers=[],
                      pool_scorers=[PretrainedScorer(model, PretrainedIndex.build(model, docs), whole=1.0, sentence=1.0)])
    statement = "outcomes at one year after a heart attack"
    query = lexical.query_terms(statement)
    assert [i for i, _ in plain.ranked(query, 2, statement=statement)] == [0, 1]
    assert [i for i, _ in scored.ranked(query, 2, statement=statement)] == [1, 0]
    assert [c.key for c in scored.search(statement, 2)] == ["b", "a"]
    # without the statement's text there is nothing to encode: the lexical order stands
    assert [i for i, _ in scored.ranked(query, 2)] == [0, 1]
