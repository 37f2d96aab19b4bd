"""Compare a learned verdict on wrong citations with ``check``'s threshold rule, on pseudo-claims.

No labelled claims are used. Pseudo-claims are made from the library's own abstracts in
several styles (see ``STYLES``), each cited right, at random, at the abstract most like its
own (near) and with swapped list entries, and measured exactly as ``check`` measures a
citation, plus the cited work's contrast with its rival, the library's best other match
(``scripts/support_thresholds.py``'s ``cite``). A logistic regression (numpy, L2, Newton's
method) over ``FEATURES`` learns wrong against right, each kind weighted as in ``FIT_WEIGHT``;
its threshold on the log-odds is the one with the most recall (random + near + swapped) at a
precision of at least ``--precision`` when 30% of citations are wrong, half random and half
near, a citation being flagged too when another entry of its list fits the sentence clearly
better (``CLEARLY_BETTER``). Cross-fitting: fitted and thresholded on one half of the
pseudo-claims, scored on the other, beside the threshold rule chosen the same way on the
same half. The verdict is not shipped: on labelled claims it flagged more right citations
than the threshold rule (docs/evidence.md).

    .venv/bin/python scripts/support_model.py LIBRARY [--claims 1000] [--seed 7] [--rows FILE]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from support_thresholds import (
    KINDS,
    MIX,
    arrays,
    choose,
    cite,
    flags,
    library_searcher,
    read_library,
)

from vexascite.check.support import CLEARLY_BETTER
from vexascite.evidence.index import Doc
from vexascite.evidence.rank import Searcher
from vexascite.evidence.text import sentences, terms

#: Pseudo-claim styles: words kept (a window of the sentence), share of words dropped,
#: share of the rest replaced, where the sentence is taken from ("any" sentence, or the
#: "last" half of the abstract, where findings are stated), and by what words are replaced:
#: "other" abstracts' words, or "latent" neighbours (one of the 5 words of the library
#: nearest to the word by their latent vectors that the source abstract does not use: a
#: claim's own words for the same thing),
#: with, in the latter, the direction of one finding turned round in ``FLIP`` of the claims
#: ("increased" for "decreased": a claim the cited work refutes).
STYLES = {
    "window": (14, 0.4, 0.25, "any", "other"),
    "finding": (10, 0.3, 0.1, "last", "other"),
    "plain": (12, 0.2, 0.0, "last", "other"),
    "paraphrase": (12, 0.2, 0.4, "last", "latent"),
}
FLIP = 0.3
OPPOSITES = dict(pair for a, b in (
    ("increased", "decreased"), ("increase", "decrease"), ("increases", "decreases"), ("higher", "lower"),
    ("more", "less"), ("reduced", "elevated"), ("reduces", "raises"), ("improved", "worsened"),
    ("positive", "negative"), ("positively", "negatively"), ("enhanced", "impaired"), ("greater", "smaller"),
    ("promotes", "inhibits"), ("activates", "suppresses"), ("upregulated", "downregulated"),
    ("associated", "unrelated"), ("significant", "negligible"), ("better", "worse"), ("high", "low"),
) for pair in ((a, b), (b, a)))
#: Weight of each kind in the fit (a kind's rows share it); swapped numbers are rarer.
FIT_WEIGHT = {"right": 0.70, "random": 0.15, "near": 0.15, "swapped": 0.05}
RIDGE = 1.0


class Paraphraser:
    """Words of the library near a word in the latent space, spelled as the library spells them."""

    def __init__(self, docs: list[Doc], searcher: Searcher, rng: random.Random) -> None:
        index, dense = searcher.index, searcher.dense
        assert dense is not None
        spelled: dict[str, Counter[str]] = {}
        for doc in rng.sample(docs, min(2000, len(docs))):
            for word in doc.abstract.split():
                word = word.strip(".,;:()[]").lower()
                if word.isalpha() and len(word) > 3:
                    found = terms(word)
                    if len(found) == 1:
                        spelled.setdefault(found[0], Counter())[word] += 1
        self.spelling = {term: counts.most_common(1)[0][0] for term, counts in spelled.items()}
        self.vocab = index.vocab
        usable = [t for t in self.spelling if t in index.vocab]
        self.terms = usable
        vectors = dense.term_vectors[[index.vocab[t] for t in usable]].astype(np.float32)
        self.vectors = vectors / (np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-12)
        self.row = {t: n for n, t in enumerate(usable)}
        self.cache: dict[str, list[str]] = {}

    def near(self, word: str, absent: frozenset[str]) -> list[str]:
        """The words nearest ``word`` (at most 5) whose terms are not in ``absent`` (the source's)."""
        found = terms(word)
        if len(found) != 1 or found[0] not in self.row:
            return []
        term = found[0]
        if term not in self.cache:
            cosine = self.vectors @ self.vectors[self.row[term]]
            self.cache[term] = [self.terms[i] for i in np.argsort(-cosine)[:40] if self.terms[i] != term]
        return [self.spelling[t] for t in self.cache[term] if t not in absent][:5]


def pseudo_claim(abstract: str, rng: random.Random, style: tuple[int, float, float, str, str], pool: list[str],
                 paraphraser: Paraphraser) -> str | None:
    words, drop, swap, where, how = style
    found = sentences(abstract)
    if where == "last":
        found = found[len(found) // 2 :]
    candidates = [s for s in found if len(s.split()) >= 6]
    if not candidates:
        return None
    tokens = rng.choice(candidates).rstrip(".").split()
    start = rng.randrange(0, max(1, len(tokens) - words + 1))
    tokens = tokens[start : start + words]
    kept = [t for t in tokens if any(ch.isdigit() for ch in t) or rng.random() >= drop]
    if how == "other":
        kept = [t if any(ch.isdigit() for ch in t) or rng.random() >= swap else rng.choice(pool) for t in kept]
    else:
        absent = frozenset(terms(abstract))
        kept = [rng.choice(paraphraser.near(t, absent) or [t]) if not any(ch.isdigit() for ch in t) and rng.random() < swap
                else t for t in kept]
        turnable = [n for n, t in enumerate(kept) if t.lower() in OPPOSITES]
        if turnable and rng.random() < FLIP:
            n = rng.choice(turnable)
            kept[n] = OPPOSITES[kept[n].lower()]
    return " ".join(kept) if len(kept) >= 4 else None


def make_rows(docs: list[Doc], n: int, seed: int, styles: list[str]) -> list[dict]:
    rng = random.Random(seed)
    pool = [w for d in rng.sample(docs, min(500, len(docs))) for w in d.abstract.split() if w.isalpha() and len(w) > 3]
    searcher = library_searcher(docs)
    paraphraser = Paraphraser(docs, searcher, rng)
    made: list[tuple[Doc, str]] = []
    style_of: dict[str, str] = {}
    for number, doc in enumerate(rng.sample(docs, min(n, len(docs)))):
        style = styles[number % len(styles)]
        claim = pseudo_claim(doc.abstract, rng, STYLES[style], pool, paraphraser)
        if claim is not None:
            made.append((doc, claim))
            style_of[doc.key] = style
    rows = cite(docs, made, rng, searcher)
    for row in rows:
        row["style"] = style_of[row["source"]]
    return rows


#: What the verdict reads of a measured citation (a row of ``cite``), in the order of its weights.
FEATURES = (
    "score", "outranked", "unranked", "relative", "library_gap", "entry_gap", "rival_gap", "rival_only",
    "cited_only", "rare_cited", "rare_gap", "cosine_cited", "cosine_gap", "twin", "twin_x_rival_gap",
    "outranked_x_rival_only", "lookalike", "outranked_x_lookalike",
)


def features(row: dict) -> list[float]:
    """A measured citation as the numbers of ``FEATURES`` (a missing rival as "no evidence")."""
    score = row["score"]
    rival = {name[2:]: value for name, value in row.items() if name.startswith("c_")}
    rival_gap = rival.get("rival_score", 0.0) - score
    outranked = float(row["library_rank"] != 1)
    alternative = row["alternative_score"]
    entry = -1.0 if alternative is None else min(2.0, max(-1.0, alternative - score))
    twin, rival_only, lookalike = rival.get("twin_cosine", 0.0), rival.get("rival_only", 0.0), rival.get("lookalike", 0.0)
    return [
        score, outranked, float(row["library_rank"] is None), row["relative"],
        0.0 if row["library_best"] is None else row["library_best"] - score, entry, rival_gap, rival_only,
        rival.get("cited_only", 0.0), rival.get("rare_cited", 0.0), rival.get("rare_rival", 0.0) - rival.get("rare_cited", 0.0),
        rival.get("cosine_cited", 0.0), rival.get("cosine_rival", 0.0) - rival.get("cosine_cited", 0.0), twin,
        twin * max(0.0, rival_gap), outranked * rival_only, lookalike, outranked * lookalike,
    ]


def matrix(rows: list[dict]) -> np.ndarray:
    return np.array([features(r) for r in rows], dtype=np.float64)


def fit(x: np.ndarray, kinds: np.ndarray, ridge: float = RIDGE) -> dict:
    """Weighted L2 logistic regression on standardised features (Newton's method)."""
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    y = (kinds != "right").astype(np.float64)
    weight = np.zeros(len(x))
    for kind, share in FIT_WEIGHT.items():
        mask = kinds == kind
        if mask.any():
            weight[mask] = share / mask.sum()
    weight *= len(x) / weight.sum()
    beta = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], ridge)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(z @ beta)))
        gradient = z.T @ (weight * (p - y)) + penalty * beta
        hessian = (z * (weight * p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return {"mean": mean, "scale": scale, "bias": float(beta[0]), "weights": beta[1:]}


def logits(model: dict, x: np.ndarray) -> np.ndarray:
    """The model's log-odds, and infinity where another list entry fits clearly better (flagged
    whatever the model says, as ``check`` does)."""
    z = model["bias"] + ((x - model["mean"]) / model["scale"]) @ model["weights"]
    return np.where(x[:, FEATURES.index("entry_gap")] >= CLEARLY_BETTER, np.inf, z)


def rates(flagged: np.ndarray, kinds: np.ndarray) -> dict[str, float]:
    out = {kind: float(flagged[kinds == kind].mean()) if (kinds == kind).any() else 0.0 for kind in KINDS}
    true = MIX["random"] * out["random"] + MIX["near"] * out["near"]
    total = true + MIX["right"] * out["right"]
    out["precision"] = true / total if total > 0 else 1.0
    return out


def threshold(z: np.ndarray, kinds: np.ndarray, precision: float) -> float:
    """The log-odds cut with the most recall at the precision asked (ties: the higher cut)."""
    finite = z[np.isfinite(z)]
    best, best_recall = float(finite.max()) + 1.0, -1.0
    for cut in np.unique(np.round(finite, 4))[::-1]:
        r = rates(z >= cut, kinds)
        if r["precision"] >= precision:
            recall = r["random"] + r["near"] + r["swapped"]
            if recall > best_recall + 1e-12:
                best, best_recall = float(cut), recall
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--claims", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--styles", default=",".join(STYLES), help=f"comma-separated, of {', '.join(STYLES)}")
    parser.add_argument("--precision", type=float, default=0.97, help="required on pseudo-claims (margin over 0.95)")
    parser.add_argument("--rows", type=Path, help="keep the measured citations here and reuse them if present")
    args = parser.parse_args()
    styles = args.styles.split(",")
    docs = read_library(args.library)
    if args.rows and args.rows.exists():
        rows = json.loads(args.rows.read_text(encoding="utf-8"))
    else:
        rows = make_rows(docs, args.claims, args.seed, styles)
        if args.rows:
            args.rows.write_text(json.dumps(rows), encoding="utf-8")
    claims = sorted({r["source"] for r in rows})
    random.Random(args.seed).shuffle(claims)
    halves = [set(claims[::2]), set(claims[1::2])]
    x, kinds = matrix(rows), np.array([r["kind"] for r in rows])
    in_half = [np.array([r["source"] in half for r in rows]) for half in halves]
    right = [r for r in rows if r["kind"] == "right"]
    print(f"{len(claims)} pseudo-claims ({args.styles}) from {len(docs)} abstracts, {len(rows)} citations (seed {args.seed}); "
          f"own abstract first for {sum(r['rank'] == 1 for r in right) / len(right):.3f}, "
          f"in the top 10 for {sum(r['rank'] <= 10 for r in right) / len(right):.3f}")
    print(f"{'verdict':<18}{'chosen on':>10}{'scored on':>11}{'style':>9}{'precision':>10}" + "".join(f"{k:>9}" for k in KINDS))

    def show(name: str, on: str, scored: str, flagged: np.ndarray, mask: np.ndarray) -> None:
        for style in ["all", *styles]:
            sub = mask & (np.array([r["style"] for r in rows]) == style) if style != "all" else mask
            r = rates(flagged[sub], kinds[sub])
            print(f"{name:<18}{on:>10}{scored:>11}{style:>9}{r['precision']:>10.3f}" + "".join(f"{r[k]:>9.3f}" for k in KINDS))

    for name_a, a, b in (("half A", in_half[0], in_half[1]), ("half B", in_half[1], in_half[0])):
        sub_rows = [r for r, keep in zip(rows, a, strict=True) if keep]
        chosen = choose(arrays(sub_rows), args.precision)
        show("threshold rule", name_a, "other", flags(arrays(rows), *chosen), b)
        model = fit(x[a], kinds[a])
        cut = threshold(logits(model, x[a]), kinds[a], args.precision)
        show("learned verdict", name_a, "other", logits(model, x) >= cut, b)
    model = fit(x, kinds)
    cut = threshold(logits(model, x), kinds, args.precision)
    everything = np.ones(len(rows), dtype=bool)
    show("learned verdict", "all", "all", logits(model, x) >= cut, everything)
    for name, w in zip(FEATURES, model["weights"], strict=True):
        print(f"  {name:<24}{w:+.3f}")
    print(f"  {'bias':<24}{model['bias']:+.3f}  threshold {cut:+.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
