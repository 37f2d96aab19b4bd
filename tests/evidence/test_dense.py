import numpy as np
import pytest

from vexascite.evidence import dense as dense_module
from vexascite.evidence.dense import DenseIndex
from vexascite.evidence.index import Doc, LexicalIndex
from vexascite.evidence.rank import Searcher

# Two subjects; "aspirin" occurs only beside platelet words, never in the work "bleeding".
PLATELETS = [
    Doc(f"p{i}", "", f"Aspirin inhibits platelet aggregation and raises bleeding risk. Study {i} of platelet function.")
    for i in range(6)
]
GLUCOSE = [
    Doc(f"g{i}", "", f"Insulin lowers blood glucose in diabetes. Trial {i} measured glucose and insulin doses.")
    for i in range(6)
]
DOCS = [*PLATELETS, *GLUCOSE,
        Doc("bleeding", "", "Platelet aggregation was impaired and bleeding time prolonged."),
        Doc("sugar", "", "Blood glucose stayed high despite insulin.")]


def build(docs=DOCS, **kwargs):
    index = LexicalIndex.build(docs)
    return index, DenseIndex.build(index, dimensions=4, **kwargs)


def test_association_without_a_shared_word():
    index, dense = build()
    vector = dense.query_vector(index, index.query_terms("aspirin"))
    near, far = dense.similarity(vector, np.array([index.position("bleeding"), index.position("sugar")]))
    assert near > 0.5 > far


def test_vectors_unit_length_and_round_trip():
    index, dense = build()
    norms = np.linalg.norm(dense.doc_vectors.astype(np.float32), axis=1)
    assert np.allclose(norms, 1, atol=1e-2)
    again = DenseIndex.from_bytes(dense.to_bytes())
    assert np.array_equal(again.doc_vectors, dense.doc_vectors) and np.array_equal(again.term_vectors, dense.term_vectors)
    assert dense.query_vector(index, ["zzzz"]) is None
    assert not dense.similarity(None, np.array([0, 1])).any()


def test_randomized_svd_matches_a_full_svd():
    rng = np.random.default_rng(3)
    matrix = rng.random((40, 30)) * (rng.random((40, 30)) < 0.3)
    docs, terms = np.nonzero(matrix.T)[::-1]
    order = np.lexsort((docs, terms))
    sparse = dense_module._Sparse(terms[order].astype(np.int32), docs[order].astype(np.int32),
                                  matrix[docs[order], terms[order]], 40, 30)
    assert np.allclose(sparse.dot(np.eye(30)), matrix) and np.allclose(sparse.tdot(np.eye(40)), matrix.T)
    basis = dense_module._randomized_svd(sparse, 5, rng, iterations=4)
    exact = np.linalg.svd(matrix)[2][:5].T
    # same subspace: projecting one basis on the other keeps its length
    assert np.allclose(np.linalg.svd(basis.T @ exact, compute_uv=False), 1, atol=1e-3)


def test_sample_learns_from_part_and_projects_every_work():
    index, dense = build(sample=8)
    assert dense.doc_vectors.shape[0] == len(DOCS)
    assert np.isfinite(dense.doc_vectors.astype(np.float32)).all()


def test_tiny_library_has_no_vectors():
    index = LexicalIndex.build([Doc("a", "", "one word")])
    dense = DenseIndex.build(index)
    assert dense.query_vector(index, ["word"]) is None


def test_searcher_reorders_the_first_stage_by_cosine():
    index, dense = build()
    by_key = {d.key: d for d in DOCS}
    plain = Searcher(index, lambda keys: {k: by_key[k] for k in keys})
    fused = Searcher(index, lambda keys: {k: by_key[k] for k in keys}, dense=dense, dense_weight=5.0, feedback=0.0)
    statement = "aspirin bleeding time"
    query = index.query_terms(statement)
    lexical = plain.first_scores(query)
    found = fused.search(statement, 20)
    # only works the first stage found (no glucose work shares a word), reordered
    assert {c.key for c in found} == {index.keys[i] for i in np.flatnonzero(lexical > 0)}
    assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)
    vector = dense.query_vector(index, query)
    for candidate in found:
        cosine = float(dense.similarity(vector, np.array([candidate.index]))[0])
        assert candidate.first_score == pytest.approx(lexical[candidate.index] / lexical.max() + 5.0 * cosine, rel=1e-4)
    # a weight of 0 is the lexical order
    assert [c.key for c in Searcher(index, plain.load, dense=dense, dense_weight=0).search(statement, 20)] == [
        c.key for c in plain.search(statement, 20)
    ]


def test_feedback_moves_the_statement_towards_the_best_works():
    index, dense = build()
    vector = dense.query_vector(index, index.query_terms("bleeding"))
    best = np.array([index.position("p0"), index.position("p1")])
    moved = dense.feedback(vector, best, 1.0)
    assert np.linalg.norm(moved) == pytest.approx(1, abs=1e-5)
    mean = dense.doc_vectors[best].astype(np.float32).mean(axis=0)
    assert float(moved @ mean) > float(vector @ mean)
    assert dense.feedback(vector, best, 0.0) is vector and dense.feedback(None, best, 1.0) is None


def test_small_library_keeps_as_many_dimensions_as_it_has():
    index = LexicalIndex.build(DOCS[:3] + DOCS[6:9])
    dense = DenseIndex.build(index, dimensions=200)
    assert dense.term_vectors.shape[1] == dense.doc_vectors.shape[1] <= 5
    vector = dense.query_vector(index, index.query_terms("aspirin platelet"))
    assert vector is not None and dense.similarity(vector, np.arange(6)).shape == (6,)


def test_a_citation_of_a_look_alike_work_names_the_first_match_and_how_alike_they_are():
    from vexascite.evidence.rank import measure_citation

    index, dense = build()
    by_key = {d.key: d for d in DOCS}
    found = Searcher(index, lambda keys: {k: by_key[k] for k in keys}, dense=dense)
    sentence = "bleeding time was prolonged"
    right = measure_citation(found, sentence, by_key["bleeding"], {})
    assert right.library_rank == 1 and right.first is None and right.twin_cosine is None
    twin = measure_citation(found, sentence, by_key["p0"], {})
    assert twin.first == "bleeding" and twin.first_score is not None and twin.first_score > twin.score
    other = measure_citation(found, sentence, by_key["g0"], {})
    assert other.first == "bleeding"
    assert twin.twin_cosine is not None and other.twin_cosine is not None
    assert twin.twin_cosine > 0.5 > other.twin_cosine  # same subject vs another subject
