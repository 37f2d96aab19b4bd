"""Named registrations: order kept, replaced by name, unknown names a usage error."""

from __future__ import annotations

import pytest

from vexascite.errors import UsageError
from vexascite.registry import Registry


def test_registry_keeps_order_and_names_the_choices() -> None:
    things = Registry[int]("widget")
    things.add("b", 2)
    things.add("a", 1)
    assert things.names() == ["b", "a"] and things.values() == [2, 1]
    things.add("b", 3)
    assert things.get("b") == 3 and "a" in things
    things.remove("a")
    things.remove("a")  # forgetting twice is harmless
    with pytest.raises(UsageError, match="unknown widget 'a'; choose one of: b"):
        things.get("a")
