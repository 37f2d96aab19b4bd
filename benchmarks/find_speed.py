"""``find`` over 100,000 claims: FTS5 with BM25, side by side with a LIKE scan.

Builds a library of generated works (1,000) and claims (100,000, in 10 manuscripts,
each citing one to three works). Claim words follow a Zipf law, as words of real text
do: 70 domain words ("patients" the most common, in about a third of the claims) among
5,000 rarer terms. Queries are one to three domain words drawn uniformly, plus fixed
ones (including the single most common word and user punctuation). Each runs through
``store.claims.search_claims``, the function behind ``vexascite find`` (ranking,
snippets and sources included), and through the obvious alternative: ``LIKE '%word%'``
on every word over the claims table (first 10 ids, unranked). Prints the 50th and 95th
percentiles and the slowest query.

    .venv/bin/python benchmarks/find_speed.py [--claims 100000] [--queries 200]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from vexascite.store import Store
from vexascite.store.claims import replace_document_claims, search_claims

VOCABULARY = (
    "patients VEXAS syndrome treated ruxolitinib tofacitinib baricitinib upadacitinib azacitidine tocilizumab "
    "anakinra steroids response rates higher lower JAK inhibitors thrombosis venous thromboembolism infections "
    "herpes cytopenias anemia platelets transfusion myelodysplastic UBA1 mutation clone somatic inflammation fever "
    "skin lungs joints chondritis vasculitis retrospective cohort registry months follow-up survival relapse "
    "discontinuation adverse events dose reduction biological clinical remission complete partial"
).split()
FILLER = "the of in and with was were a an for to that this than on at by from as".split()


def zipf_vocabulary(rng: random.Random) -> tuple[list[str], list[float]]:
    """Domain words spread over the first 2,000 ranks ("patients" first), then rare terms."""
    words = [f"term{i}" for i in range(5000)]
    ranks = sorted(rng.sample(range(1, 2000), len(VOCABULARY) - 1))
    words.insert(0, VOCABULARY[0])
    for word, rank in zip(VOCABULARY[1:], ranks, strict=True):
        words.insert(rank, word)
    weights = [1.0 / (rank + 1) for rank in range(len(words))]
    return words, weights


def claim_text(rng: random.Random, words: list[str], weights: list[float]) -> str:
    length = rng.randint(10, 30)
    content = rng.choices(words, weights, k=length // 2)
    chosen = content + [rng.choice(FILLER) for _ in range(length - len(content))]
    rng.shuffle(chosen)
    return (" ".join(chosen)).capitalize() + "."


def build(path: str, n_claims: int, seed: int = 3) -> None:
    rng = random.Random(seed)
    store = Store.open(path)
    with store.transaction():
        for i in range(1000):
            title = " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(5, 12)))
            csl = {
                "title": title,
                "author": [{"family": f"Author{i}"}],
                "issued": {"date-parts": [[1990 + i % 35]]},
            }
            store.db["works"].insert(
                {
                    "key": f"work{i}",
                    "title": title,
                    "year": 1990 + i % 35,
                    "csl": json.dumps(csl),
                    "status": "unresolved",
                }
            )
    words, weights = zipf_vocabulary(rng)
    per_document = n_claims // 10
    for d in range(10):
        claims, citations = [], []
        for j in range(per_document):
            text = claim_text(rng, words, weights)
            claims.append(
                {
                    "ordinal": j + 1,
                    "start": j * 100,
                    "end": j * 100 + len(text),
                    "line": j + 1,
                    "end_line": j + 1,
                    "section": "Results",
                    "text": text,
                    "raw": text,
                    "markers": "[1]",
                    "expansions": None,
                    "segments": "[]",
                }
            )
            citations.append(
                [
                    {
                        "ordinal": k,
                        "marker": "[1]",
                        "style": "numeric",
                        "target": "1",
                        "status": "linked",
                        "work_id": rng.randint(1, 1000),
                        "start": j * 100,
                        "end": j * 100 + 3,
                        "line": j + 1,
                    }
                    for k in range(rng.randint(1, 3))
                ]
            )
        replace_document_claims(
            store, {"path": f"/bench/manuscript{d}.md", "format": "markdown"}, claims, citations
        )
    store.close()


def queries(n: int, seed: int = 5) -> list[str]:
    rng = random.Random(seed)
    out = [
        "ruxolitinib",
        "JAK inhibitors thrombosis",
        'JAK-inhibitors AND (thrombosis"',
        "herpes infections",
        "patients",
    ]
    while len(out) < n:
        out.append(" ".join(rng.sample(VOCABULARY, rng.randint(1, 3))))
    return out[:n]


def like_scan(store: Store, query: str, limit: int = 10) -> list[int]:
    words = [w for w in query.replace('"', " ").replace("(", " ").split() if w.upper() != "AND"]
    where = " and ".join("text like ?" for _ in words) or "1"
    sql = f"select id from claims where {where} limit ?"
    return [row[0] for row in store.db.execute(sql, [f"%{w}%" for w in words] + [limit])]


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[
        min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "library.db")
        start = time.perf_counter()
        build(path, args.claims)
        print(
            f"library: {args.claims} claims, 1000 works, built in {time.perf_counter() - start:.1f} s; {args.queries} queries"
        )
        store = Store.open(path)
        timings: dict[str, list[float]] = {
            "vexascite find (FTS5, BM25, snippets, sources)": [],
            "LIKE '%word%' scan (ids only)": [],
        }
        names = list(timings)
        for query in queries(args.queries):
            start = time.perf_counter()
            search_claims(store, query, 10)
            timings[names[0]].append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            like_scan(store, query)
            timings[names[1]].append((time.perf_counter() - start) * 1000)
        store.close()
        slowest = max(zip(timings[names[0]], queries(args.queries), strict=True))
        with Store.open(path) as store:
            share = store.db.execute(
                "select count(*) from claims_fts where claims_fts match 'patients'"
            ).fetchone()[0]
        print(
            f"most common word 'patients' is in {share} claims; slowest find: {slowest[1]!r} {slowest[0]:.1f} ms"
        )
        print(f"load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        width = max(len(name) for name in names)
        base = percentiles(timings[names[0]])[1]
        for name in names:
            p50, p95 = percentiles(timings[name])
            print(
                f"{name:<{width}}  p50 {p50:7.2f} ms  p95 {p95:7.2f} ms  ({p95 / base:5.1f}x find's p95)"
            )
        p95 = percentiles(timings[names[0]])[1]
        print(
            f"target: find p95 under 20 ms over {args.claims} claims: {'within' if p95 < 20 else 'OVER'}"
        )


if __name__ == "__main__":
    main()
