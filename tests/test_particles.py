"""Name particles are one list (``csl.PARTICLE_WORDS``): every rule that reads a family name
after its particles takes each of them, in the case that rule allows."""

from __future__ import annotations

import pytest

from vexascite.csl import PARTICLE_WORDS
from vexascite.link.markers import find_markers
from vexascite.refstring import lists, names, rules, shapes


@pytest.mark.parametrize("word", PARTICLE_WORDS)
def test_citation_markers_keep_the_particle(word: str) -> None:
    for particle in (word, word.capitalize()):
        markers = find_markers(f"It was seen ({particle} Brandt et al. 2020).")
        assert [t.author for m in markers for t in m.targets] == [f"{particle} Brandt"]


@pytest.mark.parametrize("word", PARTICLE_WORDS)
def test_reference_rules_read_the_particle_as_part_of_the_name(word: str) -> None:
    text = f"{word} Brandt AB, Okafor C. A study of marrow clones. J Clin Med. 2020;1:2-3."
    assert shapes.AUTHOR_START.match(text)
    parsed = rules.parse_biomedical(text, [])
    assert parsed is not None and parsed["authors"] == f"{word} Brandt AB, Okafor C"
    assert names._person(f"Ludwig {word} Brandt") == {"family": f"{word} Brandt", "given": "Ludwig"}


@pytest.mark.parametrize("word", PARTICLE_WORDS)
def test_wrapped_lists_read_the_particle_in_a_run_of_names(word: str) -> None:
    assert lists._NAMES_YEAR.match(f"Lindqvist M, {word} Brandt T (2012) A title")
    # a name cut after its particle at a line's end goes on with the next line
    assert lists._goes_on("Okafor I, Jimenez " + word, "Anta MT (2019) A title. J Med 3:4-5.")
