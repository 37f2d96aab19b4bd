"""Named registrations (formats, services): adding one is a module plus one ``add`` call,
and every list of choices, help text and error message reads the registry."""

from __future__ import annotations

from typing import Generic, TypeVar

from .errors import UsageError

T = TypeVar("T")


class Registry(Generic[T]):
    """Things by name, in the order they were added."""

    def __init__(self, kind: str) -> None:
        self.kind = kind  # what the things are, for error messages ("export format")
        self._by_name: dict[str, T] = {}

    def add(self, name: str, thing: T) -> T:
        """Register ``thing`` as ``name`` (a later registration of a name replaces it)."""
        self._by_name[name] = thing
        return thing

    def remove(self, name: str) -> None:
        """Forget ``name`` (for tests that register their own)."""
        self._by_name.pop(name, None)

    def names(self) -> list[str]:
        return list(self._by_name)

    def values(self) -> list[T]:
        return list(self._by_name.values())

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def get(self, name: str) -> T:
        """The thing called ``name``; a usage error names the choices."""
        if name not in self._by_name:
            raise UsageError(f"unknown {self.kind} {name!r}; choose one of: {', '.join(self._by_name)}")
        return self._by_name[name]
