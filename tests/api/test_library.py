"""Near-duplicate candidates: the fast selection lists the pairs the one-by-one search did."""

from __future__ import annotations

import json
import random

import pytest
from rapidfuzz import process

from vexascite.api.library import alike_title_pairs

WORDS = ["somatic", "mutations", "uba1", "vexas", "syndrome", "ruxolitinib", "azacitidine", "cohort",
         "relapsing", "polychondritis", "macrocytic", "anemia", "in", "of", "and", "the", "a"]


def _titles(n: int, seed: int) -> list[str]:
    """Titles of few words (many ties and many alike), with near and exact repeats and empty ones."""
    rng = random.Random(seed)
    titles: list[str] = []
    for _ in range(n):
        roll = rng.random()
        if titles and roll < 0.15:  # the same title again
            titles.append(rng.choice(titles))
        elif titles and roll < 0.35:  # a near repeat: a word dropped, swapped or misspelt
            words = rng.choice(titles).split() or ["vexas"]
            k = rng.randrange(len(words))
            change = rng.choice(["drop", "swap", "typo"])
            if change == "drop" and len(words) > 1:
                del words[k]
            elif change == "swap":
                words[k], words[-1] = words[-1], words[k]
            else:
                words[k] = words[k][:-1] + "x"
            titles.append(" ".join(words))
        elif roll < 0.38:
            titles.append("")
        else:
            titles.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 9))))
    return titles


def _one_by_one(titles: list[str], cutoff: float) -> list[tuple[int, int]]:
    """The obvious search: rapidfuzz's extract of the 10 best for each title."""
    pairs = []
    for i, title in enumerate(titles):
        if title:
            pairs += [(i, j) for _, _, j in process.extract(title, titles, limit=10, score_cutoff=cutoff) if j > i]
    return sorted(pairs)


@pytest.mark.parametrize(("seed", "cutoff"), [(1, 70.0), (2, 70.0), (3, 85.0), (4, 0.0), (5, 100.0)])
def test_the_same_pairs_as_extract_one_title_at_a_time(seed: int, cutoff: float) -> None:
    titles = _titles(400, seed)  # some 300 distinct: scored in blocks of rows, each pair once
    fast = sorted(alike_title_pairs(titles, cutoff))
    assert fast == _one_by_one(titles, cutoff)
    assert fast  # there were pairs to agree on


def test_ties_keep_the_earlier_titles_and_ten_at_most() -> None:
    titles = ["uba1 vexas"] + ["uba1 vexas"] * 12 + ["uba1 vexa"]
    pairs = sorted(alike_title_pairs(titles, 70.0))
    assert [j for i, j in pairs if i == 0] == list(range(1, 10))  # itself and the 9 next: ten
    # the near title is no one's ten: every exact one has ten of 100 before it (the first ten)
    assert all(13 not in pair for pair in pairs) and not [j for i, j in pairs if i >= 9]


def test_no_titles_no_pairs() -> None:
    assert list(alike_title_pairs([], 70.0)) == []
    assert list(alike_title_pairs(["", ""], 0.0)) == []


def test_a_threshold_under_15_lists_pairs_instead_of_failing(run_cli, tmp_path) -> None:
    """The titles' cutoff is 15 under the threshold: under 0 it is 0 (rapidfuzz refused it)."""
    path = tmp_path / "few.bib"
    path.write_text(
        "@article{a, author={Okafor, N.}, title={Ruxolitinib in VEXAS syndrome}, year=2031}\n"
        "@article{b, author={Okafor, N.}, title={Azacitidine for relapsing polychondritis}, year=2031}\n"
    )
    run_cli("import", str(path))
    assert json.loads(run_cli("duplicates", "--json").stdout) == []
    low = json.loads(run_cli("duplicates", "--json", "--threshold", "10").stdout)
    assert [(p["a"], p["b"]) for p in low] == [("a", "b")] and "same first author, same year" in low[0]["why"]
