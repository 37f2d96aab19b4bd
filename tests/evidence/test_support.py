"""A cited work's standing for its sentence against the library and its reference list."""

from __future__ import annotations

import math

from vexascite.evidence.index import Doc, LexicalIndex
from vexascite.evidence.rank import Searcher
from vexascite.evidence.sentences import SentenceIndex
from vexascite.evidence.support import FEATURES, as_vector, measure_support

SOURCE = Doc("rux", "", "Ruxolitinib was given to 20 patients with VEXAS syndrome. Ruxolitinib controlled systemic "
                        "inflammation and allowed steroid tapering in most patients.")
#: The work most like the source: same disease and drug class, another finding.
NEAR = Doc("tofa", "", "Tofacitinib was given to 12 patients with VEXAS syndrome. Tofacitinib did not control "
                       "inflammation and thrombosis occurred in 3 patients.")
UNRELATED = Doc("chond", "", "Relapsing chondritis of the ear and nose was present in 60% of patients with vasculitis.")
FILLER = [Doc(f"f{n}", "", text) for n, text in enumerate([
    "Azacitidine produced clinical responses in myelodysplastic syndrome.",
    "Venous thromboembolism occurred in 40% of patients, mostly deep vein thrombosis.",
    "Somatic UBA1 mutations in hematopoietic stem cells cause an inflammatory disease.",
    "Steroid doses were high in most cohorts of older men.",
])]
DOCS = [SOURCE, NEAR, UNRELATED, *FILLER]
SENTENCE = "Ruxolitinib controlled systemic inflammation and allowed steroid tapering in VEXAS."


def searcher() -> Searcher:
    by_key = {d.key: d for d in DOCS}
    return Searcher(LexicalIndex.build(DOCS), lambda keys: {k: by_key[k] for k in keys if k in by_key},
                    sentences=SentenceIndex.build(DOCS))


def test_the_source_leads_the_library_and_its_neighbour_trails_it():
    s = searcher()
    right = measure_support(s, SENTENCE, SOURCE, {})
    near = measure_support(s, SENTENCE, NEAR, {})
    assert right.library_rank == 1 and right.features["log_rank"] == 0.0
    assert right.features["margin"] > 0 and right.features["library_gap"] < 0 and right.features["missing"] == 0.0
    assert near.features["log_rank"] > 0 and near.features["margin"] < 0
    assert near.features["library_gap"] > 0 and near.features["missing"] > 0.3 and near.features["extra"] == 0.0
    # the near work is the source's closest neighbour, and the other way round
    assert near.features["neighbour"] == 0.0 and near.features["neighbour_back"] == 0.0
    assert near.evidence is not None and near.score < right.score


def test_an_unrelated_work_has_little_support_and_a_better_list_entry_is_named():
    s = searcher()
    wrong = measure_support(s, SENTENCE, UNRELATED, {"1": SOURCE, "2": UNRELATED, "3": FILLER[0]})
    assert wrong.score < 0.3 and wrong.features["margin"] < -0.9
    assert wrong.alternative == "1" and wrong.alternative_score is not None
    assert math.isclose(wrong.features["entry_gap"], wrong.alternative_score - wrong.score, abs_tol=1e-4)
    # the cited work itself is never its own alternative
    assert measure_support(s, SENTENCE, SOURCE, {"1": SOURCE}).alternative is None


def test_features_come_in_the_models_order_and_missing_ones_count_as_zero():
    m = measure_support(searcher(), SENTENCE, SOURCE, {})
    assert set(m.features) == set(FEATURES)
    assert as_vector(m.features) == [m.features[name] for name in FEATURES]
    assert as_vector({"support": 1.5}) == [1.5] + [0.0] * (len(FEATURES) - 1)
