"""How small can the pretrained vectors of ``suggest_pretrained.py`` be kept and still gain?

The same pseudo-claims (``suggest_weights.py``'s draw) and the same reordering of the shipped
ranking's best 100: the shipped score plus ``whole`` times the cosine of the statement's
pretrained vector with the work's (title and abstract) plus ``sentence`` times its best
cosine with one of the work's sentences (the title counts as one). Each storage variant keeps
the work and sentence vectors as a library would keep them:

- ``dims``: the first 64, 128 or 256 dimensions (WordLlama's model is trained so that a
  prefix of its dimensions still works, Matryoshka style), unit length again;
- ``float``: float32 (float16 costs the same cosines to four digits, at 2 bytes a number);
  ``int8``: each vector scaled so its largest magnitude is 127 and rounded; ``binary``: the
  sign of each dimension of the vector with the library's mean vector taken off (1 bit),
  compared with the statement's centred float vector (an asymmetric cosine);
- ``centred``: every vector with the library's mean vector taken off first.

For each variant: nDCG@10 on every kind for each pair of weights; cross-fitted, the weights
with the best held-out nDCG@10 among those that lose nothing on the copied kinds, chosen on
one half of every kind and scored on the other; and the bytes it would take for 100,000
works with this library's sentences per work.

    .venv/bin/python scripts/suggest_pretrained_size.py LIBRARY [--claims 800] [--seed 11]
"""

from __future__ import annotations

import argparse
import sys
import time
from itertools import product

import numpy as np
from pretrained_vectors import StaticEncoder, load
from suggest_weights import (
    Claims,
    draw,
    first_pool,
    ndcg_one,
    pseudo_claim_arguments,
    searcher,
    top10,
)

from vexascite.evidence.index import Doc
from vexascite.evidence.rank import Searcher
from vexascite.evidence.text import sentences

WHOLE = (0.0, 0.25, 0.5, 1.0, 2.0)
SENTENCE = (0.0, 0.25, 0.5, 1.0, 2.0)
DIMS = (64, 128, 256)
KINDS = ("float", "int8", "binary")
Variant = tuple[int, str, bool]
Setting = tuple[float, float]


def _unit(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=-1, keepdims=True)
    return x / np.where(norms > 0, norms, 1.0)


def stored(vectors: np.ndarray, mean: np.ndarray, variant: Variant) -> np.ndarray:
    """The vectors as kept (as float32 rows to multiply, each of unit length)."""
    dims, kind, centred = variant
    x = vectors[:, :dims].astype(np.float32)
    if centred or kind == "binary":
        x = x - mean[:dims]
    if kind == "int8":
        scale = np.abs(x).max(axis=1, keepdims=True)
        x = np.round(x / np.where(scale > 0, scale, 1.0) * 127).astype(np.int8).astype(np.float32)
    elif kind == "binary":
        x = np.where(x >= 0, 1.0, -1.0).astype(np.float32)
    return _unit(x)


def query(vector: np.ndarray, mean: np.ndarray, variant: Variant) -> np.ndarray:
    dims, kind, centred = variant
    q = vector[:dims].astype(np.float32)
    if centred or kind == "binary":
        q = q - mean[:dims]
    return _unit(q)


class Library:
    """Full-precision pretrained vectors of a library's works and sentences, and each variant's."""

    def __init__(self, encoder: StaticEncoder, docs: list[Doc], variants: list[Variant]) -> None:
        self.encoder = encoder
        whole = encoder.encode([f"{d.title} {d.abstract}".strip() for d in docs])
        parts = [([d.title] if d.title else []) + sentences(d.abstract) for d in docs]
        self.counts = np.array([len(p) for p in parts])
        self.starts = np.concatenate(([0], np.cumsum(self.counts)))
        full = encoder.encode([s for p in parts for s in p])
        self.mean = whole.mean(axis=0)
        self.whole = {v: stored(whole, self.mean, v) for v in variants}
        self.sentences = {v: stored(full, self.mean, v) for v in variants}

    def rows(self, numbers: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The sentence rows of ``numbers``' works and where each work's run starts."""
        counts = self.counts[numbers]
        rows = np.concatenate([np.arange(self.starts[n], self.starts[n + 1]) for n in numbers])
        return rows.astype(np.int64), np.concatenate(([0], np.cumsum(counts)[:-1]))


def bytes_per_work(variant: Variant, sentences_per_work: float, with_sentences: bool) -> float:
    dims, kind, _ = variant
    per = {"float": 2 * dims, "int8": dims, "binary": dims / 8}[kind]  # float kept as float16
    return per * (1 + (sentences_per_work if with_sentences else 0))


def score(search: Searcher, library: Library, claims: Claims, variants: list[Variant]) -> dict[tuple[Variant, Setting], list[float]]:
    out: dict[tuple[Variant, Setting], list[float]] = {(v, s): [] for v in variants for s in product(WHOLE, SENTENCE)}
    for claim, relevant in claims:
        found = first_pool(search, claim)
        if found is None:
            for key in out:
                out[key].append(0.0)
            continue
        numbers, base = found
        raw = library.encoder.encode([claim])[0]
        rows, starts = library.rows(numbers)
        has = library.counts[numbers] > 0
        for v in variants:
            q = query(raw, library.mean, v)
            whole = library.whole[v][numbers] @ q
            best = np.zeros(len(numbers), dtype=np.float32)
            if len(rows):
                cos = library.sentences[v][rows] @ q
                best[has] = np.maximum.reduceat(cos, starts[has])
            for w, s in product(WHOLE, SENTENCE):
                fused = base + np.float32(w) * whole + np.float32(s) * best
                out[(v, (w, s))].append(ndcg_one(top10(numbers, fused), relevant))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    pseudo_claim_arguments(parser)
    parser.add_argument("--table", action="store_true", help="print every pair of weights, not only the cross-fitting")
    args = parser.parse_args()
    started = time.perf_counter()
    encoder = load()
    if encoder is None:
        print("the wordllama package is not installed", file=sys.stderr)
        return 1
    variants: list[Variant] = [(d, k, False) for d in DIMS for k in KINDS] + [(d, "float", True) for d in DIMS]
    docs, kinds, held_library, held_claims = draw(args)
    print(f"{len(docs)} abstracts; pseudo-claims: " + ", ".join(f"{len(v)} {k}" for k, v in kinds.items())
          + f", {len(held_claims)} held-out sentence (seed {args.seed})")
    library = Library(encoder, docs, variants)
    per_work = float(library.counts.mean())
    print(f"vectors encoded: {time.perf_counter() - started:.0f} s; {per_work:.1f} sentences a work (title counted)")
    search = searcher(docs)
    results = {kind: score(search, library, claims, variants) for kind, claims in kinds.items()}
    results["held-out"] = score(searcher(held_library), Library(encoder, held_library, variants), held_claims, variants)
    names = list(results)
    copied = [k for k in names if k != "held-out"]
    halves = {"A": slice(0, None, 2), "B": slice(1, None, 2)}
    shipped: Setting = (0.0, 0.0)

    def mean(kind: str, v: Variant, s: Setting, part: slice = slice(None)) -> float:
        values = results[kind][(v, s)][part]
        return sum(values) / max(1, len(values))

    def pick(v: Variant, part: slice, settings: list[Setting]) -> Setting:
        allowed = [s for s in settings if all(mean(k, v, s, part) >= mean(k, v, shipped, part) for k in copied)]
        return max(allowed, key=lambda s: mean("held-out", v, s, part))

    print("shipped: " + ", ".join(f"{k} {mean(k, variants[0], shipped):.4f}" for k in names))
    all_settings = list(product(WHOLE, SENTENCE))
    whole_only = [s for s in all_settings if s[1] == 0]
    for v in variants:
        if args.table:
            for s in all_settings:
                print(f"  {v} whole {s[0]:.2f} sentence {s[1]:.2f}: "
                      + ", ".join(f"{k} {mean(k, v, s) - mean(k, v, shipped):+.4f}" for k in names))
        for label, settings, with_sentences in (("whole+sentences", all_settings, True), ("whole only", whole_only, False)):
            size = bytes_per_work(v, per_work, with_sentences) * 100_000 / 1e6
            parts = []
            for chosen_on, scored_on in (("A", "B"), ("B", "A")):
                s = pick(v, halves[chosen_on], settings)
                gains = [mean(k, v, s, halves[scored_on]) - mean(k, v, shipped, halves[scored_on]) for k in names]
                parts.append(f"{chosen_on}->{scored_on} {s}: " + " ".join(f"{g:+.4f}" for g in gains))
            print(f"{v[0]:>4} {v[1]:<6} {'centred' if v[2] else '':<8} {label:<16} {size:>7.1f} MB/100k | " + " | ".join(parts))
    print(f"kinds in order: {', '.join(names)}; {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
