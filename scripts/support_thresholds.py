"""Derive ``check``'s unsupported-citation model from pseudo-claims made from a library.

No labelled claims are used. From a library of abstracts (JSON Lines with ``id`` and
``abstract``, or a CSL-JSON array) the script draws abstracts at random and makes one
pseudo-claim from each, in four styles in turn (:data:`STYLES`), since the wording of a
real claim is not known in advance:

- "sentence": a window of at most 14 words of one of its sentences, each word other than a
  number dropped with probability 0.4 and a quarter of the rest replaced by other
  abstracts' words (a claim states less than the sentence it summarises, and in other
  words), as ``suggest_weights.py`` makes them;
- "finding": the same over the sentence's content words only (12 of them; stop words left
  out: a claim names what a finding is about);
- "reworded": as "finding", with half the words dropped and 40% of the rest replaced;
- "two findings": 6 content words from each of two sentences (a claim that joins two).

Each pseudo-claim is cited four ways:

- "right": its own abstract;
- "random": a random other abstract;
- "near": the abstract most like its own, found as a reader would find "the paper next to
  it": bm25s (defaults, English stop words and stemmer, abstracts only) with the whole
  abstract as the query, first hit other than itself. This is a work on the same subject
  that is not where the sentence came from, the error that is hard to see;
- "swapped": the next pseudo-claim's abstract in a reference list of 25 (two numbers
  swapped: the true source stays in the list, cited on another line).

Random and near citations leave the true source out of the list (it stays in the library).
Every citation is measured exactly as ``check`` measures it
(:func:`vexascite.evidence.support.measure_support`), and a logistic model over those
measures (:data:`vexascite.evidence.support.FEATURES`) is fitted to tell wrong citations
from right ones, each kind weighted as in a manuscript where 30% of citations are wrong,
half random and half near (swapped ones count as much as random ones). The decision
threshold is the lowest probability at which the precision is at least ``--precision``
under that mix for every style of pseudo-claim (the worst style sets it); ``clearly_better`` (a list entry named in ``suggestion``) is the smallest
support gap at which the entry named is the true source in at least 90% of the flagged
wrong citations that name one.

Cross-fitting shows how well this carries to unseen claims: the pseudo-claims are split in
two halves, a model is fitted and its threshold chosen on each and scored on the other; the
model shipped is fitted on all of them. ``--write`` writes it where ``check`` reads it
(``vexascite/check/support_model.json``); without it the script only reports. To re-derive
after a change to the ranking (the features depend on it):

    .venv/bin/python scripts/support_thresholds.py LIBRARY --write [--claims 2400] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable
from pathlib import Path

import bm25s
import numpy as np
import Stemmer

from vexascite.check.support import MODEL_PATH
from vexascite.evidence.dense import DenseIndex
from vexascite.evidence.index import Doc, LexicalIndex
from vexascite.evidence.rank import Searcher
from vexascite.evidence.sentences import SentenceIndex
from vexascite.evidence.support import FEATURES, as_vector, measure_support
from vexascite.evidence.text import STOPWORDS, sentences

LIST_SIZE = 25
DEPTH = 10
KINDS = ("right", "random", "near", "swapped")
MIX = {"right": 0.70, "random": 0.15, "near": 0.15}
#: Weight of each kind when fitting (swapped as much as random; they are not in the mix).
FIT_WEIGHT = {"right": 0.70, "random": 0.15, "near": 0.15, "swapped": 0.15}
ENTRY_GRID = [round(0.1 * i, 1) for i in range(1, 16)]
#: L2 penalty on the standardised weights (keeps the fit stable when features agree).
RIDGE = 1.0


def read_library(path: Path) -> list[Doc]:
    text = path.read_text(encoding="utf-8")
    rows = json.loads(text) if text.lstrip().startswith("[") else [json.loads(line) for line in text.splitlines() if line.strip()]
    return [Doc(str(r["id"]), r.get("title") or "", r.get("abstract") or "") for r in rows if (r.get("abstract") or "").strip()]


def pseudo_claim(abstract: str, rng: random.Random, words: int, drop: float, swap: float, pool: list[str]) -> str | None:
    """One sentence of ``abstract``, shortened, with words dropped and some replaced by
    words the abstract does not use (a claim's own wording); numbers are kept."""
    candidates = [s for s in sentences(abstract) if len(s.split()) >= 8]
    if not candidates:
        return None
    tokens = rng.choice(candidates).rstrip(".").split()
    start = rng.randrange(0, max(1, len(tokens) - words + 1))
    tokens = tokens[start : start + words]
    kept = [t for t in tokens if any(ch.isdigit() for ch in t) or rng.random() >= drop]
    kept = [t if any(ch.isdigit() for ch in t) or rng.random() >= swap else rng.choice(pool) for t in kept]
    return " ".join(kept) if len(kept) >= 4 else None


def _content(word: str) -> bool:
    bare = word.strip(".,;:()[]{}\"'").lower()
    return any(ch.isdigit() for ch in bare) or (len(bare) > 1 and bare not in STOPWORDS)


def finding_claim(abstract: str, rng: random.Random, words: int, drop: float, swap: float, pool: list[str]) -> str | None:
    """As :func:`pseudo_claim`, with the window counted in content words (stop words left
    out): a claim names what a finding is about, so a window of articles and prepositions
    ("were assigned other these and") makes no claim."""
    candidates = [s for s in sentences(abstract) if len(s.split()) >= 8]
    if not candidates:
        return None
    return pseudo_claim(" ".join(w for w in rng.choice(candidates).rstrip(".").split() if _content(w)), rng, words, drop, swap, pool)


def two_sentence_claim(abstract: str, rng: random.Random, words: int, drop: float, swap: float, pool: list[str]) -> str | None:
    """Half as many such words from each of two sentences of ``abstract`` (a claim that
    joins two findings), as ``suggest_weights.py`` makes them."""
    long_enough = [s for s in sentences(abstract) if len(s.split()) >= 8]
    if len(long_enough) < 2:
        return None
    first, second = rng.sample(long_enough, 2)
    a, b = (finding_claim(part, rng, words // 2, drop, swap, pool) for part in (first, second))
    return f"{a} {b}" if a and b else None


def nearest_abstracts(docs: list[Doc], chosen: list[Doc]) -> dict[str, str]:
    """For each chosen work, the other abstract most like its own (bm25s, abstract as query)."""
    stemmer = Stemmer.Stemmer("english")
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize([d.abstract for d in docs], stopwords="en", stemmer=stemmer, show_progress=False),
                    show_progress=False)
    queries = bm25s.tokenize([d.abstract for d in chosen], stopwords="en", stemmer=stemmer, show_progress=False)
    found, _ = retriever.retrieve(queries, k=3, show_progress=False)
    out = {}
    for doc, row in zip(chosen, found, strict=True):
        near = next((docs[j].key for j in row if docs[j].key != doc.key), None)
        if near is not None:
            out[doc.key] = near
    return out


#: The kinds of pseudo-claim, each as (maker, words, drop, swap), made in turn: a claim's
#: wording is not known in advance, so the threshold must hold for each of them.
STYLES: dict[str, tuple[Callable[..., str | None], int, float, float]] = {
    "sentence": (pseudo_claim, 14, 0.4, 0.25),  # words of one sentence (as suggest_weights.py)
    "finding": (finding_claim, 12, 0.4, 0.25),  # content words of one sentence
    "reworded": (finding_claim, 12, 0.5, 0.4),  # fewer of its words, more words of its own
    "two findings": (two_sentence_claim, 12, 0.4, 0.25),  # content words of two sentences
}


def build(docs: list[Doc], n: int, seed: int) -> list[dict]:
    """Every pseudo-claim cited each way, measured as ``check`` measures a citation."""
    rng = random.Random(seed)
    pool = [w for d in rng.sample(docs, min(500, len(docs))) for w in d.abstract.split() if w.isalpha() and len(w) > 3 and _content(w)]
    by_key = {d.key: d for d in docs}
    index = LexicalIndex.build(docs)
    searcher = Searcher(index, lambda keys: {k: by_key[k] for k in keys if k in by_key},
                        sentences=SentenceIndex.build(docs), dense=DenseIndex.build(index))
    made: list[tuple[Doc, str, str]] = []
    styles = list(STYLES)
    for number, doc in enumerate(rng.sample(docs, min(n, len(docs)))):
        style = styles[number % len(styles)]
        make, words, drop, swap = STYLES[style]
        claim = make(doc.abstract, rng, words, drop, swap, pool)
        if claim is not None:
            made.append((doc, claim, style))
    nearest = nearest_abstracts(docs, [doc for doc, _, _ in made])
    rows: list[dict] = []
    for start in range(0, len(made), LIST_SIZE):
        group = made[start : start + LIST_SIZE]
        listed = {doc.key: doc for doc, _, _ in group}
        for n_in, (doc, claim, style) in enumerate(group):
            other = rng.choice(docs)
            while other.key == doc.key:
                other = rng.choice(docs)
            swapped = group[(n_in + 1) % len(group)][0]
            for kind, cited in (("right", doc), ("random", other), ("near", by_key.get(nearest.get(doc.key, ""))),
                                ("swapped", swapped)):
                if cited is None or (kind == "swapped" and cited.key == doc.key):
                    continue
                entries = listed if kind in ("right", "swapped") else {k: d for k, d in listed.items() if k != doc.key}
                m = measure_support(searcher, claim, cited, entries, DEPTH)
                rows.append({"claim": claim, "style": style, "source": doc.key, "cited": cited.key, "kind": kind,
                             "alternative": m.alternative, "x": as_vector(m.features)})
    return rows


# -- the model ---------------------------------------------------------------------------
def weights_of(rows: list[dict]) -> np.ndarray:
    counts = {kind: sum(1 for r in rows if r["kind"] == kind) for kind in KINDS}
    return np.array([FIT_WEIGHT[r["kind"]] / counts[r["kind"]] for r in rows]) * len(rows)


def fit(rows: list[dict]) -> tuple[np.ndarray, float]:
    """Weighted logistic regression (Newton's method, ridge on standardised features);
    returns weights and bias on the raw features."""
    x = np.array([r["x"] for r in rows], dtype=np.float64)
    y = np.array([r["kind"] != "right" for r in rows], dtype=np.float64)
    sample = weights_of(rows)
    mean, sd = x.mean(axis=0), x.std(axis=0)
    sd[sd == 0] = 1.0
    z = np.hstack([(x - mean) / sd, np.ones((len(x), 1))])
    beta = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], RIDGE)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-z @ beta))
        gradient = z.T @ (sample * (p - y)) + penalty * beta
        hessian = (z * (sample * p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-9:
            break
    weights = beta[:-1] / sd
    return weights, float(beta[-1] - (beta[:-1] * mean / sd).sum())


def probabilities(rows: list[dict], weights: np.ndarray, bias: float) -> np.ndarray:
    x = np.array([r["x"] for r in rows], dtype=np.float64)
    return 1 / (1 + np.exp(-(x @ weights + bias)))


def rates(rows: list[dict], flagged: np.ndarray) -> dict[str, float]:
    kinds = np.array([r["kind"] for r in rows])
    out = {kind: float(flagged[kinds == kind].mean()) if (kinds == kind).any() else 0.0 for kind in KINDS}
    true = MIX["random"] * out["random"] + MIX["near"] * out["near"]
    out["precision"] = true / (true + MIX["right"] * out["right"]) if true else 1.0
    return out


def choose_threshold(rows: list[dict], p: np.ndarray, precision: float) -> float:
    """The lowest threshold at which every style of pseudo-claim reaches the precision asked."""
    return max(_threshold([r for r in rows if r["style"] == style], p[[r["style"] == style for r in rows]], precision)
               for style in sorted({r["style"] for r in rows}))


def _threshold(rows: list[dict], p: np.ndarray, precision: float) -> float:
    """The lowest threshold whose flags reach the precision asked (most recall)."""
    best = 1.0
    for threshold in sorted(set(np.round(p, 4)), reverse=True):
        if rates(rows, p >= threshold)["precision"] >= precision:
            best = float(threshold)
    return best


def choose_clearly_better(rows: list[dict], flagged: np.ndarray) -> float:
    """The smallest gap at which the list entry named is the true source in 90% of the
    flagged citations that name one."""
    gap = FEATURES.index("entry_gap")
    for value in ENTRY_GRID:
        named = [r for r, f in zip(rows, flagged, strict=True) if f and r["alternative"] and r["x"][gap] >= value]
        if named and sum(r["alternative"] == r["source"] for r in named) / len(named) >= 0.9:
            return value
    return ENTRY_GRID[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--claims", type=int, default=2400)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--precision", type=float, default=0.97, help="required on pseudo-claims (margin over 0.95)")
    parser.add_argument("--write", action="store_true", help=f"write the model to {MODEL_PATH.name}")
    args = parser.parse_args()
    docs = read_library(args.library)
    rows = build(docs, args.claims, args.seed)
    claims = sorted({r["source"] for r in rows})
    random.Random(args.seed).shuffle(claims)
    halves = [set(claims[::2]), set(claims[1::2])]
    print(f"{len(claims)} pseudo-claims from {len(docs)} abstracts, {len(rows)} citations (seed {args.seed})")
    rank = FEATURES.index("log_rank")
    right = [r for r in rows if r["kind"] == "right"]
    print(f"own abstract ranked first for {sum(r['x'][rank] == 0 for r in right) / len(right):.3f} of them")
    print(f"{'fitted on':<10}{'threshold':>10}{'scored on':>12}{'precision':>10}" + "".join(f"{k:>9}" for k in KINDS))

    def line(name: str, train: list[dict], test: list[dict], on: str) -> tuple[np.ndarray, float, float]:
        weights, bias = fit(train)
        threshold = choose_threshold(train, probabilities(train, weights, bias), args.precision)
        r = rates(test, probabilities(test, weights, bias) >= threshold)
        print(f"{name:<10}{threshold:>10.4f}{on:>12}{r['precision']:>10.3f}" + "".join(f"{r[k]:>9.3f}" for k in KINDS))
        return weights, bias, threshold

    for name, train, test in (("half A", halves[0], halves[1]), ("half B", halves[1], halves[0])):
        line(name, [r for r in rows if r["source"] in train], [r for r in rows if r["source"] in test], "other half")
    weights, bias, threshold = line("all", rows, rows, "all")
    p = probabilities(rows, weights, bias)
    for style in STYLES:
        chosen = [r["style"] == style for r in rows]
        r = rates([row for row in rows if row["style"] == style], p[chosen] >= threshold)
        print(f"{'':<10}{'':>10}{style:>12}{r['precision']:>10.3f}" + "".join(f"{r[k]:>9.3f}" for k in KINDS))
    clearly_better = choose_clearly_better(rows, probabilities(rows, weights, bias) >= threshold)
    model = {
        "features": list(FEATURES),
        "weights": [round(float(w), 6) for w in weights],
        "bias": round(bias, 6),
        "threshold": round(threshold, 4),
        "clearly_better": clearly_better,
        "derived": {"script": "scripts/support_thresholds.py", "library": args.library.name, "abstracts": len(docs),
                    "pseudo_claims": len(claims), "citations": len(rows), "seed": args.seed,
                    "styles": {name: list(style[1:]) for name, style in STYLES.items()}, "precision": args.precision},
    }
    print(json.dumps({k: v for k, v in model.items() if k != "derived"}))
    if args.write:
        MODEL_PATH.write_text(json.dumps(model, indent=2) + "\n", encoding="utf-8")
        print(f"written to {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
