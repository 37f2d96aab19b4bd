"""Counts in messages: the noun agrees with the count, one rule for every summary."""

from __future__ import annotations

import pytest

from vexascite.wording import plural_of, quantity, shortened, verb


@pytest.mark.parametrize(("count", "noun", "expected"), [
    (1, "statement", "1 statement"),
    (0, "work", "0 works"),
    (2, "raw reference", "2 raw references"),
    (1, "entry", "1 entry"),
    (3, "entry", "3 entries"),
    (2, "key", "2 keys"),
    (2, "match", "2 matches"),
])
def test_a_count_of_one_is_singular_and_any_other_plural(count, noun, expected):
    assert quantity(count, noun) == expected


def test_an_irregular_plural_is_given():
    assert quantity(2, "analysis", "analyses") == "2 analyses" and quantity(1, "analysis", "analyses") == "1 analysis"
    assert plural_of("study") == "studies" and plural_of("day") == "days"
    assert (verb(1, "was", "were"), verb(0, "was", "were")) == ("was", "were")


def test_a_long_text_is_shortened_for_a_message_and_a_short_one_kept_whole():
    assert shortened("VEXAS thrombosis") == "'VEXAS thrombosis'"
    long = "word " * 100
    shown = shortened(long)
    assert shown.startswith("'word word") and shown.endswith("...' (500 characters)") and len(shown) < 90
    assert shortened("x" * 60) == repr("x" * 60)  # at the limit: whole
