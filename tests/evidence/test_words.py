import numpy as np

from vexascite.evidence import words as words_module
from vexascite.evidence.index import Doc, LexicalIndex
from vexascite.evidence.words import WordVectors

# "mortality" and "death" never share a sentence but stand in the same contexts; "glucose"
# stands in others.
DEATH = [Doc(f"d{i}", "", f"Sepsis raised mortality in older patients. Trial {i} of sepsis care.") for i in range(5)]
MORTALITY = [Doc(f"m{i}", "", f"Sepsis raised death in older patients. Cohort {i} of sepsis care.") for i in range(5)]
GLUCOSE = [Doc(f"g{i}", "", f"Insulin lowered glucose in diabetic adults. Study {i} of insulin dosing.") for i in range(5)]
DOCS = [*DEATH, *MORTALITY, *GLUCOSE, Doc("z", "", "A zebra grazed.")]


def build(docs=DOCS):
    index = LexicalIndex.build(docs)
    return index, WordVectors.build(index, (d.abstract for d in docs), dimensions=4)


def cosine(index, vectors, a, b):
    x, y = (vectors.vectors[index.vocab[t]].astype(np.float32) for t in (a, b))
    return float(x @ y)


def test_words_in_the_same_contexts_are_near():
    index, vectors = build()
    assert cosine(index, vectors, "mortal", "death") > 0.8
    assert cosine(index, vectors, "mortal", "glucos") < 0.5


def test_relaxed_match_credits_a_near_word():
    index, vectors = build()
    query = index.query_terms("sepsis mortality")
    death, glucose = (index.position(k) for k in ("m0", "g0"))
    terms_of = {n: np.array([t for t in range(len(index.vocab))
                             if n in index.doc_ids[index.indptr[t]:index.indptr[t + 1]]]) for n in (death, glucose)}
    near, far = vectors.relaxed(index, query, [terms_of[death], terms_of[glucose]])
    assert near > 0.9 > 0.6 > far  # "sepsis" held, "mortality" matched by "death"
    # without exact matches only the near word's credit is left, for half the idf
    soft = vectors.relaxed(index, query, [terms_of[death], terms_of[glucose]], exact=False)
    assert 0.3 < soft[0] < near and soft[1] < 0.2
    # a floor takes the far words' chance credit away, not the near word's
    loose = vectors.relaxed(index, query, [terms_of[glucose]], exact=False)
    strict = vectors.relaxed(index, query, [terms_of[death], terms_of[glucose]], floor=0.5, exact=False)
    assert strict[0] > 0.3 and strict[1] == 0.0 < loose[0]


def test_empty_inputs_and_rare_terms():
    index, vectors = build()
    assert not vectors.relaxed(index, ["zzzz"], [np.array([0, 1])]).any()
    assert not vectors.relaxed(index, index.query_terms("sepsis"), [np.array([], dtype=np.int64)]).any()
    # a term seen fewer than MIN_COUNT times gets no vector, yet still matches itself
    assert not vectors.vectors[index.vocab["zebra"]].any()
    assert vectors.relaxed(index, ["zebra"], [np.array([index.vocab["zebra"]])])[0] == 1.0
    own = np.array([index.vocab["sepsi"]])
    assert vectors.relaxed(index, ["sepsi"], [own])[0] == 1.0


def test_round_trip_and_name():
    _, vectors = build()
    again = WordVectors.from_bytes(vectors.to_bytes())
    assert np.array_equal(again.vectors, vectors.vectors)
    assert f"w{words_module.WINDOW}-d{words_module.DIMENSIONS}" in words_module.index_version()


def test_too_small_a_library_gives_no_vectors():
    index = LexicalIndex.build([Doc("a", "", "One short line.")])
    vectors = WordVectors.build(index, ["One short line."])
    assert vectors.vectors.shape == (len(index.vocab), 0)
