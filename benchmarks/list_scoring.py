"""Entry-level scoring of found reference strings against a generated document's entries: the
one rule of the three list benchmarks (``list_accuracy.py``, ``list_accuracy_alt.py``,
``list_accuracy3.py``), the list finder's tests and ``scripts/train_list_cuts.py``.

Strings are compared on their letters and digits (NFKC, case folded), a leading list number
ignored on either side (``12.``, ``[12]``, ``(12)``, ``¹²``, ``- 12``), or the entry's own printed
label when the generator knows it. An entry is recovered when exactly one found string matches
it; precision is recovered entries over found strings. A merge is a found string that holds two
or more entries (allowing page furniture left inside it); a split, a missed entry whose text is
spread over two or more found strings; an unmatched string is neither an entry nor a merge.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

#: A leading list label: an optional bullet, then a number, bracketed or followed by ``.`` ``)`` ``:``.
LABEL = re.compile(r"^\s*(?:[-*•]\s*)?[\[(]?\s*\d{1,6}\s*[.):\]]?")
#: An entry shorter than this (letters and digits) is not counted as held by a merge.
MERGE_MIN = 15


def key(text: str) -> str:
    """Letters and digits only, NFKC and case folded: how entries and found strings are compared."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


def keys(text: str) -> set[str]:
    """A string's comparison keys: as it stands and without a leading list label."""
    text = unicodedata.normalize("NFKC", text)
    return {k for k in (key(text), key(LABEL.sub("", text, count=1))) if k}


def holds(found_key: str, entry_key: str) -> bool:
    """Does a found string hold the whole entry (allowing furniture left inside it)?"""
    if entry_key in found_key:
        return True
    head, tail = entry_key[:25], entry_key[-25:]
    i = found_key.find(head)
    return i >= 0 and found_key.find(tail, i + len(head) - 25) >= 0


@dataclass(slots=True)
class DocumentScore:
    """What one document's found strings got wrong (the counts go to a ``Tally``)."""

    missed: list[str] = field(default_factory=list)
    #: For each missed entry, the found strings that hold it or a long piece of it.
    near: list[list[str]] = field(default_factory=list)
    #: Each merge with the entries it holds.
    merges: list[tuple[str, list[str]]] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    splits: int = 0


@dataclass(slots=True)
class Tally:
    """Entry-level counts over documents, with precision, recall and F1."""

    docs: int = 0
    truth: int = 0
    found: int = 0
    recovered: int = 0
    merges: int = 0
    splits: int = 0
    seconds: float = 0.0

    def add(self, other: Tally) -> None:
        for name in ("docs", "truth", "found", "recovered", "merges", "splits", "seconds"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def score(
        self, entries: Sequence[str], raws: Sequence[str], labels: Sequence[str] | None = None
    ) -> DocumentScore:
        """Count one document's found strings (``raws``) against its entries, in order, with
        their printed labels if known; returns what was missed, merged, split and unmatched."""
        out = DocumentScore()
        found_keys = [keys(raw) for raw in raws]
        entry_keys = [key(entry) for entry in entries]
        matched: set[int] = set()
        for index, (entry, whole) in enumerate(zip(entries, entry_keys, strict=True)):
            wanted = keys(entry)
            if labels is not None and key(labels[index]) and whole:
                wanted.add(key(labels[index]) + whole)
            hits = [i for i, found in enumerate(found_keys) if wanted & found]
            if len(hits) == 1:
                self.recovered += 1
                matched.add(hits[0])
                continue
            out.missed.append(entry)
            out.near.append(
                [
                    raws[i]
                    for i, found in enumerate(found_keys)
                    if any(holds(k, whole) or (len(k) > 15 and k in whole) for k in found)
                ]
            )
            pieces = [
                i
                for i, found in enumerate(found_keys)
                if found and all(len(k) >= 12 and k in whole and k != whole for k in found)
            ]
            if len(pieces) >= 2:
                out.splits += 1
        distinct = {k for k in entry_keys if len(k) >= MERGE_MIN}
        for i, raw in enumerate(raws):
            longest = max(found_keys[i], key=len) if found_keys[i] else ""
            held = [k for k in distinct if holds(longest, k)]
            if len(held) >= 2:
                out.merges.append(
                    (
                        raw,
                        [entry for entry, k in zip(entries, entry_keys, strict=True) if k in held],
                    )
                )
            elif i not in matched:
                out.unmatched.append(raw)
        self.docs += 1
        self.truth += len(entries)
        self.found += len(raws)
        self.merges += len(out.merges)
        self.splits += out.splits
        return out

    @property
    def misses(self) -> int:
        return self.truth - self.recovered

    @property
    def precision(self) -> float:
        return self.recovered / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.recovered / self.truth if self.truth else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def prf(self) -> tuple[float, float, float]:
        return self.precision, self.recall, self.f1


#: The columns a table may show: title width and the figure.
COLUMNS = {
    "docs": (4, lambda t: t.docs),
    "entries": (7, lambda t: t.truth),
    "found": (6, lambda t: t.found),
    "P": (6, lambda t: t.precision),
    "R": (6, lambda t: t.recall),
    "F1": (6, lambda t: t.f1),
    "merges": (6, lambda t: t.merges),
    "splits": (6, lambda t: t.splits),
    "misses": (6, lambda t: t.misses),
}


def table_header(title: str, columns: Sequence[str], width: int = 16, indent: str = "  ") -> str:
    """The header line of a per-layout (or per-variant) table."""
    return indent + title.ljust(width) + "".join(f" {name:>{COLUMNS[name][0]}}" for name in columns)


def table_row(
    name: str, tally: Tally, columns: Sequence[str], width: int = 16, indent: str = "  "
) -> str:
    """One line of the table: counts as integers, rates to three decimals."""
    cells = []
    for column in columns:
        size, figure = COLUMNS[column]
        value = figure(tally)
        cells.append(f" {value:{size}.3f}" if isinstance(value, float) else f" {value:{size}d}")
    return indent + name.ljust(width) + "".join(cells)


def parse_in_process(path: Path) -> list[str]:
    """The raw entries ``vexascite parse`` finds in ``path``, in this process (the string
    parser is skipped: only ``raw`` is scored)."""
    from vexascite import api
    from vexascite.api import parsing

    parsing.parse_reference = lambda text: {}  # only raw is read here
    return [item["raw"] for item in api.parse_document(api.document_text(path)).items]


def parse_process(path: Path) -> list[str]:
    """The raw entries of ``vexascite parse PATH`` run as a user runs it (a process)."""
    done = subprocess.run(
        [sys.executable, "-m", "vexascite", "parse", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        print(
            f"  {path.name}: exit {done.returncode}: {done.stderr.strip()[-300:]}", file=sys.stderr
        )
    return [json.loads(line)["raw"] for line in done.stdout.splitlines() if line.strip()]


def refextract_raws(text: str) -> list[str] | None:
    """refextract's raw references for ``text``, or None when it is not installed."""
    try:
        from refextract import extract_references_from_string
    except ImportError:
        return None
    found = extract_references_from_string(text)
    return [" ".join(ref.get("raw_ref") or []) for ref in found]
