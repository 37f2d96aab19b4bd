"""Shared by the parser benchmarks: load labelled reference sets and score parsed items.

Field conventions (see ../shared/gold/README.md and ../shared/eval/SOURCES.md):
- ``authors``: the family names in order, compared as one value (all must match);
  group authors and ``et al.`` are not part of it.
- text fields are compared after case folding, with every run of non-alphanumeric
  characters (punctuation, dashes, quotes, emphasis marks) made one space;
- ``pages`` drop a leading ``pp.``; ``year`` is the first four-digit year;
- AnyStyle's ``volume`` span also holds the issue (``vol. 7, no. 2``, ``50:493-506``):
  its gold volume is the first volume token; a Vancouver span ``2009;108(2)`` (the
  year labelled as part of the volume) gives year 2009 and volume 108, and a span
  ``58(5):1583-1606`` gives pages 1583-1606 when no pages span exists.
An item gets a true positive when a field matches, a false positive when it states a
field that is absent or different in the gold, a false negative when the gold field is
missing or different in the output (a wrong value counts as both).
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VEXASCITE_SHARED", ROOT.parent / "shared"))

ALL_FIELDS = ("authors", "title", "container", "year", "volume", "issue", "pages", "doi")
#: The fields each set is scored on (the issue's acceptance criteria).
SET_FIELDS: dict[str, tuple[str, ...]] = {
    "seeds": ALL_FIELDS,
    "plos_jats": ALL_FIELDS,
    "anystyle_gold": ("title", "container", "year", "volume", "pages"),
    "grobid_citation": ("title", "container", "year", "volume", "issue", "pages", "doi"),
}
SET_PATHS = {
    "seeds": SHARED / "gold" / "seed_references.jsonl",
    "plos_jats": SHARED / "eval" / "plos_jats.jsonl",
    "anystyle_gold": SHARED / "eval" / "anystyle_gold.jsonl",
    "grobid_citation": SHARED / "eval" / "grobid_citation.jsonl",
}


def norm(value: Any) -> str:
    text = unicodedata.normalize("NFKC", str(value)).casefold()
    return re.sub(r"[\W_]+", " ", text).strip()


def _year(value: Any) -> str | None:
    match = re.search(r"(?:1[5-9]|20)\d\d", str(value))
    return match.group(0) if match else None


def _pages(value: Any) -> str:
    return norm(re.sub(r"^\s*(?:pages?|pp?\.?)\s*", "", str(value), flags=re.IGNORECASE))


_YEAR_IN_VOLUME = re.compile(r"^\s*((?:1[5-9]|20)\d\d)[a-z]?\s*;\s*")


def _first_volume(value: Any) -> str:
    text = re.sub(
        r"^\s*(?:vol(?:ume)?s?\.?|v\.|bd\.|band|jg\.|t\.|tome)\s*",
        "",
        str(value),
        flags=re.IGNORECASE,
    )
    match = re.match(r"[^\s,:;(]+", text)
    return norm(match.group(0)) if match else norm(text)


def gold_values(set_name: str, record: dict[str, Any]) -> dict[str, str]:
    """Comparable gold values of one record."""
    fields = record.get("fields", {})
    out: dict[str, str] = {}
    authors = fields.get("authors")
    if authors and set_name in ("seeds", "plos_jats"):
        families = [a["family"] for a in authors if a.get("family")]
        if families:
            out["authors"] = " | ".join(norm(f) for f in families)
    for key in ("title", "container", "issue"):
        if fields.get(key):
            out[key] = norm(fields[key])
    if fields.get("year") and _year(fields["year"]):
        out["year"] = _year(fields["year"])  # type: ignore[assignment]
    if fields.get("volume"):
        volume = str(fields["volume"])
        if set_name.startswith("anystyle"):
            year_in_volume = _YEAR_IN_VOLUME.match(volume)
            if year_in_volume:
                out.setdefault("year", year_in_volume.group(1))
                volume = volume[year_in_volume.end() :]
            out["volume"] = _first_volume(volume)
            pages_in_volume = re.search(r":\s*([\w\-–]+)\s*[.,;]?\s*$", volume)
            if pages_in_volume and "pages" not in fields:
                out["pages"] = _pages(pages_in_volume.group(1))
        else:
            out["volume"] = norm(volume)
    if fields.get("pages"):
        out["pages"] = _pages(fields["pages"])
    if fields.get("doi"):
        out["doi"] = str(fields["doi"]).lower().strip()
    return {k: v for k, v in out.items() if v}


def predicted_values(item: dict[str, Any]) -> dict[str, str]:
    """Comparable values of one parsed CSL item."""
    out: dict[str, str] = {}
    families = [a["family"] for a in item.get("author", []) if a.get("family")]
    if families:
        out["authors"] = " | ".join(norm(f) for f in families)
    for key, csl in (
        ("title", "title"),
        ("container", "container-title"),
        ("volume", "volume"),
        ("issue", "issue"),
    ):
        if item.get(csl):
            out[key] = norm(item[csl])
    issued = item.get("issued", {}).get("date-parts") or [[]]
    if issued and issued[0]:
        out["year"] = str(issued[0][0])
    if item.get("page"):
        out["pages"] = _pages(item["page"])
    if item.get("DOI"):
        out["doi"] = str(item["DOI"]).lower()
    return {k: v for k, v in out.items() if v}


def load(set_name: str) -> list[dict[str, Any]]:
    with SET_PATHS[set_name].open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


class Score:
    """Per-field true/false positives and negatives, micro-averaged."""

    def __init__(self, fields: Iterable[str]) -> None:
        self.fields = tuple(fields)
        self.tp: Counter[str] = Counter()
        self.fp: Counter[str] = Counter()
        self.fn: Counter[str] = Counter()

    def add(self, gold: dict[str, str], predicted: dict[str, str]) -> list[str]:
        """Count one record; return the fields it got wrong."""
        wrong = []
        for field in self.fields:
            g, p = gold.get(field), predicted.get(field)
            if g is not None and p == g:
                self.tp[field] += 1
                continue
            if p is not None:
                self.fp[field] += 1
            if g is not None:
                self.fn[field] += 1
            if g is not None or p is not None:
                wrong.append(field)
        return wrong

    @staticmethod
    def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def rows(self) -> Iterator[tuple[str, int, float, float, float]]:
        for field in self.fields:
            tp, fp, fn = self.tp[field], self.fp[field], self.fn[field]
            yield (field, tp + fn, *self._prf(tp, fp, fn))

    def micro(self) -> tuple[float, float, float]:
        return self._prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))

    def report(self, title: str) -> str:
        lines = [f"{title}", f"  {'field':<10} {'gold':>6} {'P':>7} {'R':>7} {'F1':>7}"]
        for field, support, p, r, f in self.rows():
            lines.append(f"  {field:<10} {support:>6} {p:7.3f} {r:7.3f} {f:7.3f}")
        p, r, f = self.micro()
        lines.append(f"  {'micro':<10} {'':>6} {p:7.3f} {r:7.3f} {f:7.3f}")
        return "\n".join(lines)
