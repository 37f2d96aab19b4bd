"""Pairs of works the duplicate rule kept apart but that look alike, for review (pure).

A pair is listed when the two works share an identifier (one work by the duplicate rule,
left for ``merge``), or when its near-miss score (:func:`vexascite.identity.near_miss_score`:
the token-sort likeness of the compared titles, less 15 for different first authors and 15
for years more than one apart) is at the threshold or above, and above 0. Each work keeps
its :data:`PER_WORK` most alike works (ties: the earlier work): a hundred letters titled
"Reply" make a bounded list, not thousands of pairs.

Scoring every pair grows with the square of the library. Blocking scores only pairs that can
reach the threshold, and leaves none out, because a score can only reach it when:

* the titles alone are that alike (the score is the likeness less what is taken off), and a
  likeness ``c`` needs lengths within ``c / (200 - c)`` of each other (its LCS is at most the
  shorter title): titles are compared in length windows, never all against all;
* a pair losing 15 or 30 has titles at least ``threshold + 15`` alike: at the default 85,
  the same words (one dictionary of titles); under 85, every pair in length windows;
* a pair losing nothing has first authors that are the same or missing on one side and
  years within one or missing: works are compared within their first author's works, by
  year, and works without a first author with every work of a year near theirs.

``exhaustive=True`` scores every pair of titles in length windows (the reference the tests
and the benchmark compare with).
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from ..identity import (
    COMPARED_TITLE_CHARS,
    NEAR_MISS_PENALTY,
    IdentityKeys,
    compared_title,
    identity_keys,
    near_miss_of,
)

#: Works each work is listed with at most, its most alike first.
PER_WORK = 10
#: Scores are floats: candidates are taken a hair under the cutoff, the score decides.
_SLACK = 1e-6
#: The likeness of two compared titles that differ at most (one letter in the longest two).
_BEST_UNLIKE = 100 - 100 / (2 * COMPARED_TITLE_CHARS)


@dataclass(slots=True)
class NearMiss:
    key_a: str
    key_b: str
    score: float
    title_a: str | None
    title_b: str | None
    #: why the pair is listed: the identifier both have, or how alike they are
    why: str = ""
    year_a: int | None = None
    year_b: int | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """A work as blocking sees it: its compared title's words sorted (what the token-sort
    likeness compares), first author and year as the near-miss score reads them."""

    index: int
    text: str
    keys: IdentityKeys
    compared: str

    @property
    def author(self) -> str | None:
        return self.keys.author

    @property
    def year(self) -> int | None:
        return self.keys.year


def entries(works: Sequence[Mapping[str, Any]]) -> list[Entry]:
    """The works with a title of Latin letters or digits (a work without one is compared
    with none)."""
    out = []
    for index, work in enumerate(works):
        csl = work["csl"]
        title = csl.get("title")
        compared = compared_title(title) if isinstance(title, str) else ""
        if compared:
            keys = identity_keys(csl)
            out.append(Entry(index, " ".join(sorted(compared.split())), keys, compared))
    return out


class NearMisses(list[NearMiss]):
    """The pairs to review, most alike first, and how many more scored the threshold but
    are not listed (each work is listed with its :data:`PER_WORK` most alike only), so
    that a command can say so."""

    unlisted: int = 0
    per_work: int = PER_WORK

    def to_json(self) -> bytes:
        """The pairs and counts as JSON (kept in the library until a work changes)."""
        pairs = [[m.key_a, m.key_b, m.score, m.title_a, m.title_b, m.why, m.year_a, m.year_b] for m in self]
        return json.dumps({"pairs": pairs, "unlisted": self.unlisted, "per_work": self.per_work},
                          ensure_ascii=False).encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> NearMisses:
        """The pairs :meth:`to_json` wrote."""
        kept = json.loads(data)
        found = cls(NearMiss(*row) for row in kept["pairs"])
        found.unlisted, found.per_work = kept["unlisted"], kept["per_work"]
        return found


def near_duplicates(works: Sequence[Mapping[str, Any]], threshold: float = 85.0, *,
                    exhaustive: bool = False) -> NearMisses:
    """The pairs to review among ``works`` (rows with ``key``, ``title``, ``year``, ``doi``,
    ``pmid``, ``pmcid`` and ``csl``), most alike first."""
    found = NearMisses()
    listed: set[frozenset[str]] = set()
    # Works that came to share an identifier (e.g. once resolved) are one work by the
    # duplicate rule; they are listed first, for 'merge', not merged behind the user's back.
    by_identifier: dict[tuple[str, str], Mapping[str, Any]] = {}
    for work in works:
        for column in ("doi", "pmid", "pmcid"):
            if work[column]:
                first = by_identifier.setdefault((column, work[column]), work)
                if first is not work and frozenset((first["key"], work["key"])) not in listed:
                    label = {"doi": "DOI", "pmid": "PMID", "pmcid": "PMCID"}[column]
                    found.append(_near_miss(first, work, 100.0, f"same {label} {work[column]}"))
                    listed.add(frozenset((first["key"], work["key"])))
    found_entries = entries(works)
    of = {entry.index: entry for entry in found_entries}
    scored = _scored(found_entries, threshold, exhaustive)
    best = best_of_each(scored)
    for i, j, score in best:
        a, b = works[i], works[j]
        if frozenset((a["key"], b["key"])) not in listed:
            found.append(_near_miss(a, b, round(score, 1), _alike(of[i].keys, of[j].keys, score)))
    found.sort(key=lambda m: (-m.score, m.key_a, m.key_b))
    found.unlisted = len(scored) - len(best)
    return found


def scored_pairs(found: Sequence[Entry], threshold: float, *,
                 exhaustive: bool = False) -> list[tuple[int, int, float]]:
    """``(i, j, score)``, ``i < j`` (works' indexes), for the pairs scoring ``threshold`` or
    more (and more than 0), each work with its :data:`PER_WORK` best (a pair stays when it
    is among the best of either work)."""
    return best_of_each(_scored(found, threshold, exhaustive))


def _scored(found: Sequence[Entry], threshold: float, exhaustive: bool) -> list[tuple[int, int, float]]:
    """Every pair scoring ``threshold`` or more (and more than 0), before each work's best are kept."""
    candidates = all_candidates(found, threshold) if exhaustive else blocked_candidates(found, threshold)
    of = {entry.index: entry for entry in found}
    scored = []
    for i, j in candidates:
        a, b = of[i], of[j]
        score = near_miss_of(a.keys, b.keys, a.compared, b.compared)
        if score >= threshold and score > 0:
            scored.append((i, j, score))
    return scored


def best_of_each(scored: Iterable[tuple[int, int, float]], limit: int = PER_WORK) -> list[tuple[int, int, float]]:
    """The pairs among each work's ``limit`` best (highest score, then the earlier work)."""
    pairs = sorted(scored)
    of: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for i, j, score in pairs:
        of[i].append((-score, j))
        of[j].append((-score, i))
    # a work with ``limit`` pairs or fewer keeps them all: only the others are ranked
    best = {i: {j for _, j in sorted(mine)[:limit]} for i, mine in of.items() if len(mine) > limit}
    return [(i, j, score) for i, j, score in pairs if i not in best or j not in best or j in best[i] or i in best[j]]


def all_candidates(found: Sequence[Entry], threshold: float) -> set[tuple[int, int]]:
    """Every pair whose titles are ``threshold`` alike: each title against all others of a
    length that can be (the exhaustive comparison)."""
    pairs: set[tuple[int, int]] = set()
    _self_join(found, threshold, pairs)
    return pairs


def blocked_candidates(found: Sequence[Entry], threshold: float) -> set[tuple[int, int]]:
    """A superset of the pairs that can score ``threshold`` (see the module's docstring),
    found in about the time the library takes to read when most works have a first author."""
    pairs: set[tuple[int, int]] = set()
    penalised = threshold + NEAR_MISS_PENALTY
    if penalised > 100:
        pass  # another author or years apart cannot reach the threshold
    elif penalised - _SLACK > _BEST_UNLIKE:  # only the same words reach it: one dictionary
        same: dict[str, list[int]] = defaultdict(list)
        for entry in found:
            same[entry.text].append(entry.index)
        for indexes in same.values():
            pairs.update(combinations(indexes, 2))
    else:
        _self_join(found, penalised, pairs)
    by_author: dict[str | None, list[Entry]] = defaultdict(list)
    for entry in found:
        by_author[entry.author].append(entry)
    for author, group in by_author.items():
        if author is not None:
            _years_self_join(group, threshold, pairs)
    if None in by_author:  # no first author: compared with every work of a year near theirs
        _years_join(by_author[None], found, threshold, pairs)
    return pairs


def _years_join(queries: Sequence[Entry], pool: Sequence[Entry], cutoff: float, pairs: set[tuple[int, int]]) -> None:
    """Pairs of a query and a pool entry ``cutoff`` alike with years within one or missing."""
    pool_by_year: dict[int | None, list[Entry]] = defaultdict(list)
    for entry in pool:
        pool_by_year[entry.year].append(entry)
    windows = {year: _Window(group) for year, group in pool_by_year.items()}
    everything = None
    for query in queries:
        if query.year is None:
            everything = everything or _Window(pool)
            everything.join(query, cutoff, pairs)
            continue
        for year in (query.year - 1, query.year, query.year + 1, None):
            if year in windows:
                windows[year].join(query, cutoff, pairs)


def _years_self_join(group: Sequence[Entry], cutoff: float, pairs: set[tuple[int, int]]) -> None:
    """Pairs within ``group`` ``cutoff`` alike with years within one or missing, each pair
    compared once: a year with itself, the next year and no year; no year with itself."""
    by_year: dict[int | None, list[Entry]] = defaultdict(list)
    for entry in group:
        by_year[entry.year].append(entry)
    windows = {year: _Window(entries) for year, entries in by_year.items()}
    for year, window in windows.items():
        for position, entry in enumerate(window.entries):
            window.join(entry, cutoff, pairs, after=position)
            if year is not None:
                for other in (year + 1, None):
                    if other in windows:
                        windows[other].join(entry, cutoff, pairs)


def _self_join(found: Sequence[Entry], cutoff: float, pairs: set[tuple[int, int]]) -> None:
    window = _Window(found)
    for position, entry in enumerate(window.entries):
        window.join(entry, cutoff, pairs, after=position)


class _Window:
    """Entries sorted by title length, so a title is compared only with those whose length
    lets them be ``cutoff`` alike."""

    def __init__(self, found: Sequence[Entry]) -> None:
        from rapidfuzz import fuzz, process  # only duplicates need it: importing stays light

        self.extract, self.ratio = process.extract, fuzz.ratio
        self.entries = sorted(found, key=lambda e: (len(e.text), e.index))
        self.lengths = [len(e.text) for e in self.entries]
        self.texts = [e.text for e in self.entries]

    def join(self, query: Entry, cutoff: float, pairs: set[tuple[int, int]], after: int = -1) -> None:
        n = len(query.text)
        cutoff = max(cutoff - _SLACK, 0.0)
        if cutoff > 0:
            low = bisect_left(self.lengths, int(n * cutoff / (200 - cutoff)))
            high = bisect_right(self.lengths, int(n * (200 - cutoff) / cutoff) + 1)
        else:
            low, high = 0, len(self.lengths)
        low = max(low, after + 1)
        if low >= high:
            return
        for _, _, k in self.extract(query.text, self.texts[low:high], scorer=self.ratio, score_cutoff=cutoff, limit=None):
            other = self.entries[low + k].index
            if other != query.index:
                pairs.add((min(query.index, other), max(query.index, other)))


def _near_miss(a: Mapping[str, Any], b: Mapping[str, Any], score: float, why: str) -> NearMiss:
    return NearMiss(a["key"], b["key"], score, a["title"], b["title"], why, a.get("year"), b.get("year"))


def _alike(ka: IdentityKeys, kb: IdentityKeys, score: float) -> str:
    """Why two works without a shared identifier look like one: title, first author, year."""
    parts = [f"titles {score:.0f}% alike"]
    if ka.author and ka.author == kb.author:
        parts.append("same first author")
    if ka.year and kb.year:
        parts.append("same year" if ka.year == kb.year else f"years {ka.year} and {kb.year}")
    return ", ".join(parts)
