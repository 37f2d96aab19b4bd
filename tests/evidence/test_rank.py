"""Ranking works for a statement, picking evidence sentences, and the index round trip."""

from __future__ import annotations

import numpy as np

from vexascite.evidence.index import Doc, LexicalIndex
from vexascite.evidence.rank import Searcher, measure_citation, support
from vexascite.evidence.text import expand_abbreviations, sentences, terms

DOCS = [
    Doc("jak", "Ruxolitinib in VEXAS syndrome",
        "Janus kinase inhibitors (JAKi) were given to 30 patients. Ruxolitinib gave complete responses in 50% of patients. "
        "Thrombosis occurred in 2 patients.", ("Janus Kinase Inhibitors", "Humans")),
    Doc("aza", "Azacitidine for VEXAS",
        "Azacitidine was given to patients with myelodysplastic syndrome and VEXAS. Responses were durable."),
    Doc("uba1", "Somatic mutations in UBA1",
        "Somatic UBA1 mutations in hematopoietic stem cells cause an adult-onset inflammatory disease (VEXAS)."),
    Doc("jaki2", "", "Janus kinase inhibitors (JAKi) in rheumatoid arthritis increase venous thromboembolism risk."),
    Doc("empty", "An unrelated title about cardiology"),
]


def searcher(docs=DOCS) -> Searcher:
    index = LexicalIndex.build(docs)
    by_key = {d.key: d for d in docs}
    return Searcher(index, lambda keys: {k: by_key[k] for k in keys})


def test_terms_stem_drop_stop_words_and_keep_numbers_and_units():
    assert terms("The responses of 1,000 patients") == ["respons", "1000", "patient"]
    assert "50mg" in terms("given 50 mg daily") and "50" in terms("given 50 mg daily")
    assert {"il", "6", "il6"} <= set(terms("IL-6 levels"))
    assert "50%" in terms("in 50% of patients")


def test_sentences_keep_abbreviated_words_and_drop_headings():
    text = "BACKGROUND: VEXAS is rare. Beck et al. described it in 2020. Results were e.g. good."
    assert sentences(text) == ["VEXAS is rare.", "Beck et al. described it in 2020.", "Results were e.g. good."]


def test_statement_abbreviations_use_the_library_definitions():
    assert expand_abbreviations("JAKi cause thrombosis", {"JAKi": "janus kinase inhibitors"}).endswith("janus kinase inhibitors")
    assert expand_abbreviations("tumour necrosis factor (TNF) and TNF", {"TNF": "other"}) == "tumour necrosis factor (TNF) and TNF"
    index = LexicalIndex.build(DOCS)
    assert index.abbreviations == {"JAKi": "janus kinase inhibitors"}  # defined in two abstracts
    assert "janus" in index.query_terms("JAKi raise thrombosis")


def test_the_supporting_work_ranks_first_with_its_best_sentence():
    results = searcher().search("Ruxolitinib gives complete responses in half of VEXAS patients", 3)
    assert results[0].key == "jak"
    assert results[0].evidence[0].sentence == "Ruxolitinib gave complete responses in 50% of patients."
    assert [r.score for r in results] == sorted((r.score for r in results), reverse=True)


def test_title_and_subject_terms_count_without_an_abstract():
    results = searcher().search("cardiology", 5)
    assert [r.key for r in results] == ["empty"]
    assert results[0].evidence == []


def test_no_matching_word_gives_no_sources():
    assert searcher().search("zebrafish fins", 5) == []


def test_index_round_trips_through_bytes():
    index = LexicalIndex.build(DOCS)
    again = LexicalIndex.from_bytes(index.to_bytes())
    query = index.query_terms("JAKi thrombosis")
    assert again.keys == index.keys and again.abbreviations == index.abbreviations
    assert again.scores(query).tolist() == index.scores(query).tolist()


def test_support_is_high_for_the_right_work_and_low_for_another():
    index = LexicalIndex.build(DOCS)
    statement = "Somatic UBA1 mutations cause VEXAS"
    right, right_cover = support(statement, DOCS[2], index)
    _, wrong_cover = support(statement, DOCS[1], index)
    assert right[0].sentence.startswith("Somatic UBA1") and right_cover > 0.9
    assert wrong_cover < 0.5


def test_a_statement_spelled_otherwise_finds_its_work():
    docs = [
        Doc("us", "", "Tumor necrosis factor alpha (TNF-alpha) fell after anemia was treated in pediatric patients."),
        Doc("uk", "", "Interleukin levels in adults with anaemia of chronic disease."),
        Doc("other", "", "Hepcidin and iron absorption in healthy adults."),
    ]
    results = searcher(docs).search("TNF\u03b1 falls when paediatric anaemia is treated", 3)
    assert results[0].key == "us"


TWINS = [
    Doc("ferritin", "", "Serum ferritin was raised in patients with VEXAS syndrome. Ferritin fell with ruxolitinib treatment."),
    Doc("anaemia", "", "Macrocytic anaemia was present in patients with VEXAS syndrome. Transfusions were frequent."),
    Doc("chondritis", "", "Relapsing chondritis of the ear was present in 60% of patients. Chondritis came first."),
]


def test_a_citation_is_contrasted_with_the_librarys_best_other_work():
    found = searcher(TWINS)
    by_key = {d.key: d for d in TWINS}
    wrong = measure_citation(found, "Ferritin fell with ruxolitinib in VEXAS", by_key["anaemia"], {}, rival=True)
    right = measure_citation(found, "Ferritin fell with ruxolitinib in VEXAS", by_key["ferritin"], {}, rival=True)
    assert wrong.contrast is not None and right.contrast is not None
    # the rival of the wrong work is the right one, which holds the particulars the wrong one lacks
    assert wrong.contrast.rival_score == right.score
    assert wrong.contrast.rival_only > 0.5 and wrong.contrast.cited_only == 0.0
    assert wrong.contrast.rare_rival == 1.0 and wrong.contrast.rare_cited < 1.0
    assert right.contrast.cited_only > 0.5 and right.contrast.rival_only == 0.0
    assert right.contrast.rare_cited == 1.0
    # no latent vectors in this searcher: the cosines say nothing
    assert wrong.contrast.cosine_cited == wrong.contrast.twin_cosine == 0.0


def test_a_library_of_one_work_has_no_rival():
    only = [TWINS[0]]
    assert measure_citation(searcher(only), "Ferritin fell", only[0], {}, rival=True).contrast is None


def test_the_contrast_is_measured_only_when_asked_for():
    assert measure_citation(searcher(TWINS), "Ferritin fell with ruxolitinib", TWINS[1], {}).contrast is None


def test_the_cited_works_place_among_its_rivals_look_alikes():
    found = searcher(TWINS)
    by_key = {d.key: d for d in TWINS}
    # the two ferritin-free works share "patients with VEXAS syndrome" / "present in ... patients"
    m = measure_citation(found, "Ferritin fell with ruxolitinib in VEXAS", by_key["anaemia"], {}, rival=True)
    assert m.contrast is not None and m.contrast.lookalike == 1.0
    m = measure_citation(found, "Ferritin fell with ruxolitinib in VEXAS", by_key["chondritis"], {}, rival=True)
    assert m.contrast is not None and m.contrast.lookalike == 0.5


def test_kept_arrays_read_back_without_a_copy_and_the_older_npz_form_still_reads():
    import io

    from vexascite.evidence.index import pack_arrays, unpack_arrays

    arrays = {"a": np.arange(5, dtype=np.int32), "b": np.ones((3, 2), dtype=np.float16), "c": np.zeros(0, dtype=np.float32)}
    data = pack_arrays(arrays)
    again = unpack_arrays(data)
    assert list(again) == list(arrays)
    for name, array in arrays.items():
        assert again[name].dtype == array.dtype and np.array_equal(again[name], array)
        assert again[name].ctypes.data % again[name].dtype.itemsize == 0
    assert not again["a"].flags.writeable  # a view of the kept bytes
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    older = unpack_arrays(buffer.getvalue())
    assert all(np.array_equal(older[name], array) for name, array in arrays.items())
