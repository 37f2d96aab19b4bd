"""Does a contextual sentence encoder (all-MiniLM-L6-v2) help ``check`` tell near errors apart?

A near error cites the abstract most like the true source; lexical, latent and static word
vectors all see the two as about equally close to the sentence. This measures whether a model
that reads the sentence does better, on pseudo-claims only: the ``copied`` rows that
``support_pretrained.py --rows-dir DIR`` keeps (``copied-SEED.json``: each citation measured as
``check`` measures it, with the library's first match). For every citation that the library
ranks below its first match (the only ones the extra test can flag) and that is right or near,
the sentences of the cited work and of the first match (title and abstract sentences) and the
claim are encoded (``contextual_encoder.py``; checkpointed to ``--cache``, claim by claim in a
seeded random order, so an interrupted run keeps what it encoded and ``--encode-only`` can run
apart). A work's "contextual support" for a claim is the cosine of the claim with the work's
best sentence plus that with the mean of its sentences (``--variant sentence``: the best
sentence alone). The extra test (``support_pretrained.py``'s ``dense`` family) flags a citation
not ranked first when the first match's contextual support beats the cited work's by ``d`` and
its lexical support by ``g``, OR-ed into the rule; the six thresholds and ``d``, ``g`` are chosen
together by the grid of ``support_thresholds.py`` on one half of the claims and scored on the
other, beside the rule refitted alone. Random and swapped citations are not encoded (the test
stays off for them, so its random recall is if anything understated).

    .venv/bin/python scripts/support_contextual.py ROWS.json --model DIR --cache CACHE.pkl
        [--seed 8] [--splits 3] [--variant both|sentence] [--encode-only]
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
import time
from pathlib import Path

import numpy as np
import support_pretrained as sp
import support_thresholds as st
from contextual_encoder import ContextualEncoder

from vexascite.evidence.text import sentences

LIBRARY = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "claims_library.jsonl"
TARGETS = (0.95, 0.96, 0.97, 0.98)


def needed(rows: list[dict]) -> dict[str, set[str]]:
    """For each claim's source, the works whose sentences the extra test reads."""
    out: dict[str, set[str]] = {}
    for r in rows:
        if r["rank"] != 1 and r["kind"] in ("right", "near") and r["first"]:
            out.setdefault(r["source"], set()).update({r["cited"], r["first"]})
    return out


def encode(rows: list[dict], library: dict[str, dict], model: Path, cache: Path, seed: int) -> dict:
    state = pickle.loads(cache.read_bytes()) if cache.exists() else {"works": {}, "claims": {}, "done": []}
    encoder = ContextualEncoder(model)
    claims = sorted({r["source"] for r in rows})
    random.Random(seed).shuffle(claims)
    need = needed(rows)
    texts: dict[str, set[str]] = {}
    for r in rows:
        texts.setdefault(r["source"], set()).add(r["claim"])
    started, count = time.perf_counter(), 0
    for source in claims:
        if source in state["done"]:
            continue
        todo = [k for k in sorted(need.get(source, ())) if k not in state["works"]]
        parts = [(k, s) for k in todo for s in ([library[k]["title"]] if library[k].get("title") else [])
                 + sentences(library[k]["abstract"])]
        if parts:
            vectors = encoder.encode([s for _, s in parts])
            for k in todo:
                state["works"][k] = vectors[[i for i, (kk, _) in enumerate(parts) if kk == k]].astype(np.float16)
        said = sorted(texts[source])
        for text, vector in zip(said, encoder.encode(said), strict=True):
            state["claims"][text] = vector
        state["done"].append(source)
        count += len(parts) + len(said)
        if len(state["done"]) % 10 == 0:
            cache.write_bytes(pickle.dumps(state))
            print(f"{len(state['done'])} claims, {len(state['works'])} works, {count} texts encoded in "
                  f"{time.perf_counter() - started:.0f} s", flush=True)
    cache.write_bytes(pickle.dumps(state))
    return state


def support(state: dict, claim: str, key: str, variant: str) -> float:
    v = state["works"][key].astype(np.float32)
    c = state["claims"][claim]
    best = float((v @ c).max())
    whole = v.mean(0)
    whole /= np.linalg.norm(whole) + 1e-12
    return best if variant == "sentence" else best + float(whole @ c)


def auc(score: np.ndarray, positive: np.ndarray) -> float:
    """Probability that a positive scores above a negative (ties count half)."""
    pos, neg = score[positive], score[~positive]
    if not len(pos) or not len(neg):
        return float("nan")
    return float(((pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()) / (len(pos) * len(neg)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", type=Path)
    parser.add_argument("--model", type=Path, required=True, help="folder with model.safetensors and tokenizer.json")
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--library", type=Path, default=LIBRARY)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--splits", type=int, default=1, help="random splits into halves (seed, seed + 1000, ...)")
    parser.add_argument("--variant", choices=("both", "sentence"), default="both")
    parser.add_argument("--encode-only", action="store_true")
    parser.add_argument("--no-encode", action="store_true", help="use the claims already in the cache")
    args = parser.parse_args()
    rows = json.loads(args.rows.read_text(encoding="utf-8"))
    library = {r["id"]: r for r in map(json.loads, args.library.read_text(encoding="utf-8").splitlines()) if r}
    if args.no_encode:
        state = pickle.loads(args.cache.read_bytes())
    else:
        state = encode(rows, library, args.model, args.cache, args.seed)
    if args.encode_only:
        return 0
    done = set(state["done"])
    rows = [r for r in rows if r["source"] in done]
    for r in rows:
        # support_pretrained.py's rows hold WordLlama's dense support: kept, to compare
        r["static_margin"] = r.get("d_first", 0.0) - r.get("d_cited", 0.0)
        if r["rank"] != 1 and r["kind"] in ("right", "near") and r["first"]:
            r["d_cited"] = support(state, r["claim"], r["cited"], args.variant)
            r["d_first"] = support(state, r["claim"], r["first"], args.variant)
        else:
            r["d_cited"], r["d_first"] = 0.0, -9.0
        r["ptwin"] = -9.0
    claims = sorted({r["source"] for r in rows})
    a = sp.arrays(rows)
    print(f"{len(claims)} pseudo-claims, {len(rows)} citations; variant {args.variant}")
    for kind in ("right", "near"):
        k = (a["rank"] != 1) & (a["kind"] == kind)
        margin = a["d_first"][k] - a["d_cited"][k]
        print(f"not ranked first, {kind}: {int(k.sum())}; contextual margin of the first match, quartiles "
              + " / ".join(f"{q:.3f}" for q in np.percentile(margin, [25, 50, 75])))
    missed = ~st.flags(a, *st.SHIPPED)
    for name, among in (("not ranked first", a["rank"] != 1), ("the same, not flagged by the shipped rule", (a["rank"] != 1) & missed)):
        pick = among & np.isin(a["kind"], ("right", "near"))
        near = a["kind"][pick] == "near"
        print(f"{name} ({int(near.sum())} near, {int((~near).sum())} right): AUC near over right of the lexical margin "
              f"{auc(a['gap'][pick], near):.3f}, of the contextual margin {auc(a['d_first'][pick] - a['d_cited'][pick], near):.3f}")
    # complementary to the lexical margin? (an in-sample reading, not a choice)
    pick = (a["rank"] != 1) & np.isin(a["kind"], ("right", "near")) & missed
    near = a["kind"][pick] == "near"
    static = np.array([r["static_margin"] for r in rows])
    for name, margin in (("contextual", a["d_first"] - a["d_cited"]), ("static (WordLlama)", static)):
        print(f"not flagged by the shipped rule, AUC of the lexical margin plus w times the {name} margin: "
              + ", ".join(f"w {w}: {auc(a['gap'][pick] + w * margin[pick], near):.3f}" for w in (0, 0.5, 1, 2))
              + f"; alone {auc(margin[pick], near):.3f}")
    results: dict[tuple[float, str], list[dict[str, float]]] = {}
    for split in range(args.splits):
        order = list(claims)
        random.Random(args.seed + 1000 * split).shuffle(order)
        halves = [set(order[::2]), set(order[1::2])]
        for name, train, test in (("A", halves[0], halves[1]), ("B", halves[1], halves[0])):
            fit = sp.arrays([r for r in rows if r["source"] in train])
            held = sp.arrays([r for r in rows if r["source"] in test])
            for target in TARGETS:
                for family in ("none", "dense"):
                    choice = sp.choose(fit, target, family)
                    r = sp.evaluate(held, choice)
                    results.setdefault((target, family), []).append(r)
                    print(f"split {split} half {name} target {target} {family:<6}"
                          + "".join(f" {k} {r[k]:.3f}" for k in ("precision", "right", "random", "near"))
                          + f"  {choice}")
    print("mean of the held-out halves (precision / right / random / near):")
    for (target, family), found in results.items():
        print(f"{target} {family:<6}" + " / ".join(f"{np.mean([f[k] for f in found]):.3f}"
                                              for k in ("precision", "right", "random", "near")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
