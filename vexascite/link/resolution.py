"""Which reference or work a marker points at (pure: the caller passes plain data).

- A number resolves to the entry of that number in the manuscript's numbered list: the
  first list that starts after the marker (a list follows the text that cites it), else
  the nearest one before it. A file given with ``--list`` replaces the manuscript's own.
- A key (pandoc, LaTeX) resolves to the work with that citation key (case-insensitive
  fallback).
- An author-year resolves to the work whose first author's family name and year match;
  a letter suffix ("2022a") picks among same-author same-year works in title order;
  "et al." and a second author narrow the choice. Two candidates left is *ambiguous*.
  A work without authors, cited by its title and year, resolves to the work of that year
  whose title starts with the title cited (an author-less work first).

Nothing is guessed: a target that resolves to nothing is *dangling*, with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from ..identity import fold
from ..wording import quantity
from .markers import Target

__all__ = [
    "AuthorYearIndex",
    "CitationStatus",
    "ListEntry",
    "RefList",
    "Resolution",
    "WorkSummary",
    "choose_list",
    "resolve_target",
]


class CitationStatus(StrEnum):
    """What became of one marker target."""

    LINKED = "linked"  # to a work of the library
    ENTRY = "entry-only"  # to a list entry that names no work (its text could not be read)
    DANGLING = "dangling"  # to nothing
    AMBIGUOUS = "ambiguous"  # to several works; none chosen


@dataclass(frozen=True, slots=True)
class ListEntry:
    number: int
    ref_id: int
    work_id: int | None


@dataclass(slots=True)
class RefList:
    """A numbered reference list as stored: where it starts and its entries by number."""

    list_id: int
    label: str
    line: int
    entries: dict[int, ListEntry] = field(default_factory=dict)
    external: bool = False  # given with --list rather than found in the manuscript


@dataclass(frozen=True, slots=True)
class WorkSummary:
    """What author-year matching needs to know of a work."""

    id: int
    key: str
    family: str | None  # folded first-author family name
    year: int | None
    author_count: int
    second_family: str | None
    title: str


@dataclass(frozen=True, slots=True)
class Resolution:
    status: CitationStatus
    work_id: int | None = None
    ref_id: int | None = None
    list_id: int | None = None
    message: str | None = None


def choose_list(lists: list[RefList], line: int) -> RefList | None:
    """The list a numeric marker on ``line`` refers to (see module docstring)."""
    if not lists:
        return None
    if len(lists) == 1:
        return lists[0]
    external = [ref_list for ref_list in lists if ref_list.external]
    if external:
        return max(external, key=lambda ref_list: len(ref_list.entries))
    after = [ref_list for ref_list in lists if ref_list.line > line]
    if after:
        return min(after, key=lambda ref_list: ref_list.line)
    return max(lists, key=lambda ref_list: ref_list.line)


class AuthorYearIndex:
    """Works by (folded first-author family, year), for author-year markers."""

    def __init__(self, works: list[WorkSummary]) -> None:
        self._by_family_year: dict[tuple[str, int], list[WorkSummary]] = {}
        self._by_year: dict[int, list[WorkSummary]] = {}
        for work in works:
            if work.year:
                self._by_year.setdefault(work.year, []).append(work)
            if work.family and work.year:
                self._by_family_year.setdefault((work.family, work.year), []).append(work)
        for candidates in self._by_family_year.values():
            candidates.sort(key=lambda w: (fold(w.title), w.key))

    def resolve(self, target: Target) -> Resolution:
        year_text = target.year or ""
        digits = year_text[:4]
        suffix = year_text[4:]
        family = fold(target.author or "")
        if target.title is not None and digits.isdigit():
            return self._by_title(target, int(digits))
        if not digits.isdigit() or not family:
            return Resolution(CitationStatus.DANGLING, message=f"cannot read {target.label!r}")
        candidates = list(self._by_family_year.get((family, int(digits)), []))
        if not candidates:
            return Resolution(CitationStatus.DANGLING, message=f"no work by {target.author} in {digits} in the library")
        if suffix:
            index = ord(suffix[0]) - ord("a")
            if 0 <= index < len(candidates):
                return Resolution(CitationStatus.LINKED, work_id=candidates[index].id)
            return Resolution(
                CitationStatus.DANGLING, message=f"{target.label}: only {quantity(len(candidates), 'work')} by {target.author} in {digits}"
            )
        if len(candidates) > 1 and target.second_author:
            second = fold(target.second_author)
            candidates = [w for w in candidates if w.second_family == second] or candidates
        if len(candidates) > 1:
            if target.et_al:
                candidates = [w for w in candidates if w.author_count >= 3] or candidates
            elif not target.second_author:
                candidates = [w for w in candidates if w.author_count <= 1] or candidates
        if len(candidates) == 1:
            return Resolution(CitationStatus.LINKED, work_id=candidates[0].id)
        keys = ", ".join(w.key for w in candidates)
        return Resolution(CitationStatus.AMBIGUOUS, message=f"{target.label} matches {len(candidates)} works: {keys}")

    def _by_title(self, target: Target, year: int) -> Resolution:
        cited = fold(target.title or "")
        candidates = [w for w in self._by_year.get(year, []) if cited and fold(w.title).startswith(cited)]
        candidates = [w for w in candidates if not w.family] or candidates
        if len(candidates) == 1:
            return Resolution(CitationStatus.LINKED, work_id=candidates[0].id)
        if not candidates:
            return Resolution(CitationStatus.DANGLING, message=f"no work titled {target.label} in the library")
        keys = ", ".join(w.key for w in candidates)
        return Resolution(CitationStatus.AMBIGUOUS, message=f"{target.label} matches {len(candidates)} works: {keys}")


def resolve_target(
    target: Target,
    *,
    line: int,
    lists: list[RefList],
    work_ids_by_key: dict[str, int],
    author_year: AuthorYearIndex,
) -> Resolution:
    """Resolve one target of a marker on ``line`` (see module docstring)."""
    if target.kind == "number":
        ref_list = choose_list(lists, line)
        if ref_list is None:
            return Resolution(
                CitationStatus.DANGLING,
                message=f"[{target.number}]: no numbered reference list to cite, in the manuscript or a --list file",
            )
        entry = ref_list.entries.get(int(target.number or 0))
        if entry is None:
            return Resolution(
                CitationStatus.DANGLING,
                list_id=ref_list.list_id,
                message=f"[{target.number}]: no entry {target.number} in the reference list at line {ref_list.line}",
            )
        if entry.work_id is None:
            return Resolution(
                CitationStatus.ENTRY,
                ref_id=entry.ref_id,
                list_id=ref_list.list_id,
                message=f"[{target.number}]: list entry could not be read as a reference",
            )
        return Resolution(CitationStatus.LINKED, work_id=entry.work_id, ref_id=entry.ref_id, list_id=ref_list.list_id)
    if target.kind == "key":
        key = str(target.key)
        work_id = work_ids_by_key.get(key)
        if work_id is None:
            work_id = work_ids_by_key.get(key.casefold())
        if work_id is None:
            return Resolution(CitationStatus.DANGLING, message=f"@{key}: no work with this key in the library")
        return Resolution(CitationStatus.LINKED, work_id=work_id)
    return author_year.resolve(target)
