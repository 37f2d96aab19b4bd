"""Tag arguments (vexascite.api.library.split_tag_args): what a tag may be."""

from __future__ import annotations

import pytest

from vexascite.api.library import split_tag_args
from vexascite.errors import UsageError


def test_tags_and_keys_are_told_apart() -> None:
    assert split_tag_args(["beck2020", "+JAK inhibitors", "-todo", "+ü"]) == (["beck2020"], ["JAK inhibitors", "ü"], ["todo"])


@pytest.mark.parametrize("args", [["k", "+ "], ["k", "-"], ["k", "+e\x1b[2J"], ["k", "-bell\x07"]])
def test_an_empty_tag_or_one_with_a_control_character_is_refused(args: list[str]) -> None:
    with pytest.raises(UsageError, match="write"):
        split_tag_args(args)


def test_a_tag_written_without_its_sign_is_pointed_out() -> None:
    with pytest.raises(UsageError, match=r"'jak' reads as a work's key: \+jak adds it as a tag"):
        split_tag_args(["beck2020", "jak"])
    with pytest.raises(UsageError, match=r"removes one$"):
        split_tag_args(["beck2020"])  # one word: a key, no tag named
