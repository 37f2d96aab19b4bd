"""Near-duplicate pairs: blocking finds the pairs scoring every pair finds, on generated
titles of every kind of difference and on the bundled library."""

from __future__ import annotations

import string
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vexascite import api
from vexascite.config import Settings
from vexascite.identity import compared_title, near_miss_score
from vexascite.match.near import (
    PER_WORK,
    best_of_each,
    blocked_candidates,
    entries,
    near_duplicates,
    scored_pairs,
)
from vexascite.store import Store
from vexascite.store.reading import near_duplicate_rows

ROOT = Path(__file__).resolve().parents[2]

WORDS = ["somatic", "mutations", "UBA1", "VEXAS", "syndrome", "ruxolitinib", "azacitidine", "cohort", "relapsing",
         "polychondritis", "macrocytic", "anaemia", "in", "of", "and", "the", "a", "Sjögren's", "naïve", "TNF-α",
         "β-thalassaemia", "IL-6", "Müller", "Erdős", "α", "κB", "æther", "Łódź"]
SUBTITLES = [": a retrospective cohort study", " - a case report", ". A multicentre study", ": the FRENVEX experience"]
AUTHORS = ["Beck", "Müller", "Okafor", "Nguyen", "Ó Briain"]


def naive_pairs(works: list[dict[str, Any]], threshold: float) -> list[tuple[int, int, float]]:
    """Every pair of works with a compared title, scored by the near-miss rule."""
    scored = []
    for i, j in combinations(range(len(works)), 2):
        a, b = works[i]["csl"], works[j]["csl"]
        if compared_title(a.get("title") or "") and compared_title(b.get("title") or ""):
            score = near_miss_score(a, b)
            if score >= threshold and score > 0:
                scored.append((i, j, score))
    return scored


def _changed(title: str, change: str, k: int) -> str:
    """One change a second source makes to a title."""
    words = title.split() or ["x"]
    k %= len(words)
    if change == "typo":
        word = words[k]
        at = k % max(1, len(word))
        words[k] = word[:at] + string.ascii_lowercase[k % 26] + word[at + 1:]
    elif change == "drop" and len(words) > 1:
        del words[k]
    elif change == "insert":
        words.insert(k, WORDS[k % len(WORDS)])
    elif change == "reorder":
        words[k], words[-1] = words[-1], words[k]
    elif change == "subtitle":
        return title + SUBTITLES[k % len(SUBTITLES)]
    elif change == "case":
        return title.upper() if k % 2 else title.lower()
    elif change == "punctuation":
        return title.replace(" ", ", ", 1) + ("." if k % 2 else "?")
    elif change == "diacritics":
        return title.replace("o", "ö").replace("a", "á") if k % 2 else title.replace("ö", "o").replace("ü", "u")
    elif change == "greek":
        return title.replace("α", "alpha").replace("β", "beta") if k % 2 else title + " α"
    return " ".join(words)


@st.composite
def libraries(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Works whose titles are drawn words or another work's title changed one to three times,
    with first authors, years and DOIs that are often shared, sometimes missing."""
    works: list[dict[str, Any]] = []
    for n in range(draw(st.integers(2, 30))):
        if works and draw(st.booleans()):
            title = works[draw(st.integers(0, len(works) - 1))]["csl"]["title"]
            for _ in range(draw(st.integers(1, 3))):
                change = draw(st.sampled_from(["typo", "drop", "insert", "reorder", "subtitle", "case", "punctuation",
                                               "diacritics", "greek", "same"]))
                title = _changed(title, change, draw(st.integers(0, 50)))
        else:
            title = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=0, max_size=8)))
        csl: dict[str, Any] = {"title": title}
        author = draw(st.sampled_from([*AUTHORS, None]))
        if author:
            csl["author"] = [{"family": author, "given": "A"}]
        year = draw(st.sampled_from([2019, 2020, 2021, 2023, None]))
        if year:
            csl["issued"] = {"date-parts": [[year]]}
        doi = draw(st.sampled_from([None, None, None, "10.5555/one", "10.5555/two"]))
        if doi:
            csl["DOI"] = doi
        works.append({"key": f"w{n}", "title": title, "year": year, "doi": doi and doi.lower(), "pmid": None,
                      "pmcid": None, "csl": csl})
    return works


THRESHOLDS = st.one_of(st.sampled_from([0.0, 50.0, 70.0, 84.9, 85.0, 85.1, 90.0, 99.99, 100.0]),
                       st.floats(0, 100, allow_nan=False))


@settings(max_examples=200, deadline=None)
@given(libraries(), THRESHOLDS)
def test_blocking_keeps_every_pair_that_scores_the_threshold(works: list[dict[str, Any]], threshold: float) -> None:
    every = naive_pairs(works, threshold)
    candidates = blocked_candidates(entries(works), threshold)
    assert {(i, j) for i, j, _ in every} <= candidates
    assert scored_pairs(entries(works), threshold) == best_of_each(every)
    assert scored_pairs(entries(works), threshold, exhaustive=True) == best_of_each(every)


@pytest.mark.parametrize("threshold", [0.0, 40.0, 70.0, 85.0, 95.0])
def test_the_bundled_library_gives_the_same_pairs_blocked_and_exhaustive(settings: Settings, threshold: float) -> None:
    api.import_paths(settings, [ROOT / "bib"])
    with Store.open(settings.db) as store:
        works = near_duplicate_rows(store)
    assert len(works) > 30
    every = naive_pairs(works, threshold)
    assert scored_pairs(entries(works), threshold) == best_of_each(every)
    assert near_duplicates(works, threshold) == near_duplicates(works, threshold, exhaustive=True)
    if threshold <= 40:
        assert every  # there were pairs to agree on


def test_each_work_keeps_its_best_ten_the_earlier_first() -> None:
    works = [{"key": f"w{n}", "title": "Reply", "year": 2020, "doi": None, "pmid": None, "pmcid": None,
              "csl": {"title": "Reply", "author": [{"family": f"Author{n}"}], "issued": {"date-parts": [[2020]]}}}
             for n in range(14)]
    works.append({**works[0], "key": "near", "csl": {**works[0]["csl"], "title": "Reply."}})  # same words as w0, same author
    pairs = scored_pairs(entries(works), 85.0)
    assert len(naive_pairs(works, 85.0)) == 105  # 15 works: every pair scores 85 or 100
    assert (0, 14, 100.0) in pairs  # the same author: the best of both
    assert [j for i, j, _ in pairs if i == 14] == [] and [i for i, j, _ in pairs if j == 14] == list(range(10))
    assert [j for i, j, _ in pairs if i == 0] == list(range(1, 15))  # the earliest: among everyone's best
    assert (12, 13, 85.0) not in pairs and (10, 11, 85.0) not in pairs  # neither's best: ten earlier works score as well
    assert len(pairs) < 105 and all(sum(n in (i, j) for i, j, _ in pairs) >= PER_WORK for n in range(15))


def test_titles_without_latin_letters_or_digits_are_compared_with_none() -> None:
    works = [{"key": k, "title": "血液", "year": None, "doi": None, "pmid": None, "pmcid": None, "csl": {"title": "血液"}}
             for k in ("a", "b")]
    assert entries(works) == [] and near_duplicates(works, 0.0) == []


def test_works_sharing_an_identifier_come_first_and_once() -> None:
    base = {"year": 2020, "pmid": None, "pmcid": None}
    works = [{**base, "key": "a", "title": "VEXAS syndrome", "doi": "10.5555/v", "csl": {"title": "VEXAS syndrome", "DOI": "10.5555/v"}},
             {**base, "key": "b", "title": "VEXAS syndrome.", "doi": "10.5555/v", "csl": {"title": "VEXAS syndrome.", "DOI": "10.5555/v"}},
             {**base, "key": "c", "title": "The VEXAS syndrome", "doi": None, "csl": {"title": "The VEXAS syndrome"}}]
    found = near_duplicates(works, 80.0)
    assert [(m.key_a, m.key_b, m.why) for m in found][:1] == [("a", "b", "same DOI 10.5555/v")]
    assert len([m for m in found if {m.key_a, m.key_b} == {"a", "b"}]) == 1
    assert {(m.key_a, m.key_b) for m in found} == {("a", "b"), ("a", "c"), ("b", "c")}


def test_the_pairs_left_out_by_each_works_ten_are_counted() -> None:
    works = [{"key": f"w{n}", "title": "Reply", "year": 2020, "doi": None, "pmid": None, "pmcid": None,
              "csl": {"title": "Reply", "author": [{"family": f"Author{n}"}], "issued": {"date-parts": [[2020]]}}}
             for n in range(15)]
    found = near_duplicates(works, 85.0)
    assert found.unlisted == 105 - len(found) > 0 and found.per_work == PER_WORK
    assert near_duplicates(works[:PER_WORK + 1], 85.0).unlisted == 0  # eleven works: each has ten others
