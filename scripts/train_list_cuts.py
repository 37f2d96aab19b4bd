"""Fit the line model that cuts wrapped unnumbered reference text into entries.

Data: documents of all three generators (``benchmarks/docgen.py``, ``docgen_alt.py`` and
``docgen3.py``, every layout and variant) made only from eval reference strings
(``../shared/eval``) that are in the TRAINING half of both splits the generators use
(``docgen.split_of`` and ``docgen3.part_of`` hash the strings differently, so a string in
the training half of one may be in the test half of the other; those are left out). The
first generator records which entry each line is part of; for the other two each line is
given its entry by reading the document's lines in order against the truth strings
(letters and digits), and a document whose lines do not all align is left out. So each
line the list finder weighs in wrapped text (``lists.cut_features``) gets its truth: does
a new entry start here? The finder follows the truth while the features are collected
(the entry so far is the true one).

Model: L2-regularised logistic regression (Newton's method, numpy) over the named
features seen at least ``--min-count`` times. The decision threshold is then chosen on
other training-half documents (other seeds) by entry-level F1 with a merge counted as
two errors, the measure of ``benchmarks/list_accuracy.py``. Writes
``vexascite/refstring/list_cuts.json``.

    .venv/bin/python scripts/train_list_cuts.py [--rounds 12] [--c 1.0]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import docgen3  # noqa: E402
from docgen import LAYOUTS, Document, EntryScore, load_strings, make_documents, norm, split_of  # noqa: E402
from docgen_alt import make_alt_documents  # noqa: E402

from vexascite.refstring import linemodel  # noqa: E402
from vexascite.refstring.lists import _Finder, find_reference_lists  # noqa: E402

OUT = ROOT / "vexascite" / "refstring" / "list_cuts.json"


@dataclass
class Sample:
    """A generated document, its truth strings and which entry each of its lines is part of."""

    text: str
    truth: list[str]
    owners: dict[int, int]
    labels: list[str] | None = None  # the printed labels, when the generator says them


def samples_of(doc: Sample) -> list[tuple[list[str], bool]]:
    """Every line the finder weighs in wrapped text, with its features and its truth."""
    out: list[tuple[list[str], bool]] = []

    def teacher(previous: int, line: int, features: list[str]) -> bool:
        cut = doc.owners.get(previous) != doc.owners.get(line)
        out.append((features, cut))
        return cut

    _Finder(doc.text, teacher=teacher).run()
    return out


def _gen3_train(text: str) -> bool:
    """Whether a string is in docgen3's training half (its own label off, as docgen3 reads it)."""
    raw = docgen3._OWN_LABEL.sub("", text, count=1)
    return docgen3.part_of(" ".join(raw.split())) == "train"


def align(text: str, truth: list[str]) -> dict[int, int] | None:
    """Which truth entry each line of ``text`` is part of, read in order on letters and digits
    (a line's leading label digits may be the list's number; lines that fit no entry, such as
    page furniture or prose, belong to none). None when some entry is not covered whole."""
    keys = [norm(t) for t in truth]
    owners: dict[int, int] = {}
    current, offset = -1, 0
    for index, line in enumerate(text.split("\n")):
        k = norm(line)
        if not k:
            continue
        if 0 <= current < len(keys) and offset < len(keys[current]) and keys[current].startswith(k, offset):
            owners[index] = current
            offset += len(k)
            continue
        for ahead in range(current + 1, min(len(keys), current + 4)):
            if offset < len(keys[current]) if current >= 0 else False:
                break  # the entry in hand is not finished: this line is something else (furniture)
            stripped = k.lstrip("0123456789")
            hit = next((cut for cut in (k, stripped) if cut and len(cut) >= 3 and keys[ahead].startswith(cut)), None)
            if hit is not None:
                current, offset = ahead, len(hit)
                owners[index] = current
                break
    if current != len(keys) - 1 or offset != len(keys[-1]) or len(set(owners.values())) != len(keys):
        return None
    return owners


def documents(strings: list[str], seeds: range, per_layout: int) -> list[Sample]:
    """Documents of the three generators, the first with its own line owners, the others aligned."""
    out: list[Sample] = []
    for seed in seeds:
        for doc in make_documents(strings, per_layout * len(LAYOUTS), seed=seed):
            out.append(Sample(doc.text, list(doc.entries), doc.owners, list(doc.labels)))
        others = [(d.text, d.entries) for d in make_alt_documents(strings, max(1, per_layout // 5), seed=seed)]
        others += [(d.text, d.truth) for d in docgen3.generate_all(max(1, per_layout // 5), seed=seed)]
        for text, truth in others:
            owners = align(text, truth)
            if owners is not None:
                out.append(Sample(text, truth, owners))
    return out


def fit(rows: list[list[int]], labels: np.ndarray, size: int, c: float, iterations: int = 800) -> np.ndarray:
    """L2-regularised logistic regression by full-batch Adam over sparse binary rows (the last
    weight is the bias, not regularised). Deterministic: no sampling."""
    row_of = np.repeat(np.arange(len(rows)), [len(row) + 1 for row in rows])
    col_of = np.concatenate([np.array([*row, size], dtype=np.int64) for row in rows])
    w = np.zeros(size + 1)
    penalty = np.full(size + 1, 1.0 / c)
    penalty[size] = 0.0
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    rate, beta1, beta2 = 0.05, 0.9, 0.999
    for step in range(1, iterations + 1):
        z = np.bincount(row_of, weights=w[col_of], minlength=len(rows))
        p = 1.0 / (1.0 + np.exp(-z))
        gradient = (np.bincount(col_of, weights=(p - labels)[row_of], minlength=size + 1) + penalty * w) / len(rows)
        m = beta1 * m + (1 - beta1) * gradient
        v = beta2 * v + (1 - beta2) * gradient**2
        w -= rate * (m / (1 - beta1**step)) / (np.sqrt(v / (1 - beta2**step)) + 1e-8)
    return w


def score_docs(docs: list[Sample]) -> EntryScore:
    score = EntryScore()
    for doc in docs:
        found = find_reference_lists(doc.text)
        raws = [entry.text for f in found for entry in f.entries] if found else [
            line.strip() for line in doc.text.splitlines() if line.strip()
        ]
        score.add(Document(text=doc.text, entries=doc.truth, labels=doc.labels or [""] * len(doc.truth), layout=""), raws)
    return score


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=12, help="generator seeds for the training documents")
    parser.add_argument("--per-layout", type=int, default=30)
    parser.add_argument("--c", type=float, default=1.0, help="inverse L2 strength")
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the weights")
    args = parser.parse_args()
    # Training half of both splits (docgen's and docgen3's): no string of either test half.
    strings = [s for s in load_strings("train") if _gen3_train(s)]
    train3 = tuple(ref for ref in docgen3.load_refs("train") if split_of(ref.text) == "train")
    docgen3.load_refs = lambda part="train": train3  # type: ignore[assignment]
    if not strings:
        print("no eval strings found (../shared/eval)")
        return 1
    samples: list[tuple[list[str], bool]] = []
    for doc in documents(strings, range(1000, 1000 + args.rounds), args.per_layout):
        samples.extend(samples_of(doc))
    counts = Counter(name for features, _ in samples for name in set(features))
    names = sorted(name for name, n in counts.items() if n >= args.min_count)
    index = {name: i for i, name in enumerate(names)}
    rows = [[index[n] for n in set(features) if n in index] for features, _ in samples]
    labels = np.array([1.0 if cut else 0.0 for _, cut in samples])
    print(f"{len(samples)} lines weighed ({int(labels.sum())} entry starts), {len(names)} features")
    w = fit(rows, labels, len(names), args.c)
    weights = {name: round(float(w[i]), 4) for name, i in index.items() if abs(w[i]) >= 1e-4}
    bias = round(float(w[len(names)]), 4)
    # The threshold: entry-level F1 on other training-half documents, a merge counting as two errors.
    check = documents(strings, range(2000, 2010), 10)
    best: tuple[float, float] | None = None
    for threshold in (-1.5, -1.0, -0.5, -0.25, 0.0, 0.25, 0.5, 1.0):
        linemodel._model = (lambda t=threshold: (weights, bias, t))  # type: ignore[assignment]
        score = score_docs(check)
        errors = (score.truth - score.recovered) + (score.found - score.recovered) + 2 * score.merged
        print(f"  threshold {threshold:+.2f}: F1 {score.prf()[2]:.4f}, merges {score.merged}, errors {errors}")
        if best is None or errors < best[1]:
            best = (threshold, errors)
    assert best is not None
    args.out.write_text(
        json.dumps(
            {
                "about": "Line model for cutting wrapped unnumbered reference text; made by scripts/train_list_cuts.py "
                "from documents generated from the training half of the eval strings.",
                "bias": bias, "threshold": best[0], "weights": dict(sorted(weights.items())),
            },
            indent=0, ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {args.out}: {len(weights)} weights, threshold {best[0]:+.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
