"""Does a pretrained sentence embedding shipped in a package help ``suggest``'s reordering?

The same pseudo-claims as ``suggest_weights.py`` (one-sentence, two-sentence and held-out
sentence kinds, one draw per seed). For each, the shipped ranking's best 100 (BM25F, then
reordered with the latent vectors) are reordered again by the shipped score plus ``whole``
times the cosine of the statement's pretrained vector (``pretrained_vectors.py``)
with the work's title and abstract, plus ``sentence`` times its best cosine with one of the
work's sentences. ``centred``: every vector has the library's mean vector taken off first
(static embeddings' cosines all lie high; centring spreads them). nDCG@10 for each kind
and weight; cross-fitted: the weights with the best held-out nDCG@10 among those that lose
nothing on the copied kinds, chosen on one half of every kind and scored on the other.

    .venv/bin/python scripts/suggest_pretrained.py LIBRARY [--claims 800] [--seed 11]
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

WHOLE = (0.0, 0.25, 0.5, 0.75, 1.0, 2.0)
SENTENCE = (0.0, 0.25, 0.5, 1.0, 2.0)
CENTRED = (False,)
Setting = tuple[bool, float, float]


class Vectors:
    """Pretrained vectors of a library's works (title and abstract) and of their sentences."""

    def __init__(self, encoder: StaticEncoder, docs: list[Doc]) -> None:
        self.encoder = encoder
        self.whole = encoder.encode([f"{d.title} {d.abstract}".strip() for d in docs])
        parts = [[d.title] if d.title else [] for d in docs]
        for n, d in enumerate(docs):
            parts[n] += sentences(d.abstract)
        self.owner = np.repeat(np.arange(len(docs)), [len(p) for p in parts])
        self.starts = np.concatenate(([0], np.cumsum([len(p) for p in parts])))
        self.sentences = encoder.encode([s for p in parts for s in p])
        self.mean = self.whole.mean(axis=0)

    def cosines(self, statement: str, numbers: np.ndarray, centred: bool) -> tuple[np.ndarray, np.ndarray]:
        """Cosine with each work whole, and its best sentence's."""
        q = self.encoder.encode([statement])[0]
        whole = self.whole[numbers]
        best = np.zeros(len(numbers), dtype=np.float32)
        if centred:
            q = _unit(q - self.mean)
            whole = _unit(whole - self.mean)
        for j, n in enumerate(numbers):
            block = self.sentences[self.starts[n] : self.starts[n + 1]]
            if len(block):
                if centred:
                    block = _unit(block - self.mean)
                best[j] = float((block @ q).max())
        return whole @ q, best


def _unit(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=-1, keepdims=True)
    return x / np.where(norms > 0, norms, 1.0)


def score(search: Searcher, vectors: Vectors, claims: Claims) -> dict[Setting, list[float]]:
    out: dict[Setting, list[float]] = {s: [] for s in product(CENTRED, WHOLE, SENTENCE)}
    for claim, relevant in claims:
        found = first_pool(search, claim)
        if found is None:
            for s in out:
                out[s].append(0.0)
            continue
        numbers, base = found
        cos = {c: vectors.cosines(claim, numbers, c) for c in CENTRED}
        for c, w, s in out:
            fused = base + np.float32(w) * cos[c][0] + np.float32(s) * cos[c][1]
            out[(c, w, s)].append(ndcg_one(top10(numbers, fused), relevant))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    pseudo_claim_arguments(parser)
    args = parser.parse_args()
    started = time.perf_counter()
    encoder = load()
    if encoder is None:
        print("the wordllama package is not installed", file=sys.stderr)
        return 1
    docs, kinds, held_library, held_claims = draw(args)
    print(f"{len(docs)} abstracts; pseudo-claims: " + ", ".join(f"{len(v)} {k}" for k, v in kinds.items())
          + f", {len(held_claims)} held-out sentence (seed {args.seed})")
    search, vectors = searcher(docs), Vectors(encoder, docs)
    results = {kind: score(search, vectors, claims) for kind, claims in kinds.items()}
    results["held-out"] = score(searcher(held_library), Vectors(encoder, held_library), held_claims)
    names = list(results)
    halves = {"A": slice(0, None, 2), "B": slice(1, None, 2)}

    def mean(kind: str, setting: Setting, part: slice = slice(None)) -> float:
        values = results[kind][setting][part]
        return sum(values) / max(1, len(values))

    print(f"{'centred':>8}{'whole':>7}{'sentence':>9}" + "".join(f"{k:>14}" for k in names)
          + "".join(f"{'held ' + h:>9}" for h in halves))
    for setting in results[names[0]]:
        print(f"{setting[0]!s:>8}{setting[1]:>7.2f}{setting[2]:>9.2f}"
              + "".join(f"{mean(k, setting):>14.4f}" for k in names)
              + "".join(f"{mean('held-out', setting, p):>9.4f}" for p in halves.values()))
    shipped = (False, 0.0, 0.0)
    copied = [k for k in names if k != "held-out"]
    for chosen_on, scored_on in (("A", "B"), ("B", "A")):
        # the best on the held-out half among the weights that lose nothing on the copied kinds' same half
        allowed = [s for s in results["held-out"]
                   if all(mean(k, s, halves[chosen_on]) >= mean(k, shipped, halves[chosen_on]) for k in copied)]
        pick = max(allowed, key=lambda s: mean("held-out", s, halves[chosen_on]))
        print(f"chosen on half {chosen_on}: {pick}; on half {scored_on}: held-out "
              f"{mean('held-out', pick, halves[scored_on]) - mean('held-out', shipped, halves[scored_on]):+.4f}, "
              + ", ".join(f"{k} {mean(k, pick, halves[scored_on]) - mean(k, shipped, halves[scored_on]):+.4f}"
                          for k in copied))
    allowed = [s for s in results["held-out"] if all(mean(k, s) >= mean(k, shipped) for k in copied)]
    pick = max(allowed, key=lambda s: mean("held-out", s))
    print(f"chosen on all: {pick}: " + ", ".join(f"{k} {mean(k, pick) - mean(k, shipped):+.4f}" for k in names))
    print(f"{time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
