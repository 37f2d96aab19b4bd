"""``suggest`` over 100,000 works: time per statement, side by side with bm25s.

Generates a library of works whose abstracts are 6 to 12 sentences drawn at random from
the abstracts of ``../shared/eval/claims_library.jsonl`` (so words, lengths and rare
terms are as in real abstracts), each with a title (the first words of another sentence)
and two to five subject terms, writes it as CSL-JSON files of 2,000 works and imports
the folder with ``vexascite import``. Statements are the claims of ``scifact_claims.jsonl`` plus random
abstract sentences.

Measured:
- the first ``vexascite suggest`` (whole process: builds the index and keeps it);
- ``vexascite suggest TEXT`` once the index is kept (whole process, best of 3);
- per statement, in one process (as ``suggest --lines`` runs): p50 / p95 / max of
  :meth:`Searcher.search` with ``--limit 10`` (both stages, evidence sentences included),
  against bm25s (defaults, English stemming and stop words, same texts: title, abstract
  and subjects joined) retrieving 10; as wall time and as the process's CPU time (on a
  machine shared with other work, the wall time also counts the waits for a core).

With ``--in-process``, nothing is imported and no process is started: the indexes are built
in this process from the generated works (each part's build time printed) and searched
with the works read from memory, for profiling and for comparing two versions of the
ranking over the same works without a library of that size on disk.

    .venv/bin/python benchmarks/suggest_speed.py [--works 100000] [--statements 200] [--in-process]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bm25_baseline import Baseline

from vexascite.api.evidence import library_searcher
from vexascite.evidence.text import sentences
from vexascite.store import Store
from vexascite.store.evidence import index_sizes

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VEXASCITE_SHARED", ROOT.parent / "shared"))
VEXASCITE = str(Path(sys.executable).with_name("vexascite"))
FILE_SIZE = 2_000
SUBJECTS = (
    "Humans",
    "Female",
    "Male",
    "Aged",
    "Middle Aged",
    "Adult",
    "Mice",
    "Inflammation",
    "Mutation",
    "Cohort Studies",
    "Retrospective Studies",
    "Neoplasms",
    "Signal Transduction",
    "Gene Expression",
    "Risk Factors",
    "Treatment Outcome",
    "Myelodysplastic Syndromes",
    "Janus Kinase Inhibitors",
)


def generate(n: int, rng: random.Random) -> list[dict]:
    pool = [
        s
        for line in (SHARED / "eval" / "claims_library.jsonl").open()
        for s in sentences(json.loads(line)["abstract"])
    ]
    works = []
    for i in range(n):
        abstract = " ".join(rng.choice(pool) for _ in range(rng.randint(6, 12)))
        title = " ".join(rng.choice(pool).split()[:12]).rstrip(".,;")
        works.append(
            {
                "id": f"w{i}",
                "type": "article-journal",
                # a DOI of its own: titles drawn from the same sentences would otherwise make
                # import merge the works that share one (a third of them at 100,000)
                "DOI": f"10.5555/suggest-speed.{i}",
                "title": title,
                "abstract": abstract,
                "keyword": "; ".join(rng.sample(SUBJECTS, rng.randint(2, 5))),
            }
        )
    return works


def run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (user and system) of one whole process."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        if status:
            errors.seek(0)
            raise SystemExit(
                f"{' '.join(command[:2])} failed: {errors.read().decode(errors='replace')}"
            )
    return wall, usage.ru_utime + usage.ru_stime


def percentiles(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return f"p50 {statistics.median(ordered) * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms   max {ordered[-1] * 1000:7.1f} ms"


def in_process(works: list[dict], statements: list[str]) -> list[tuple[float, float]]:
    """Build every index in this process and time each statement (wall, CPU)."""
    from vexascite.api.evidence import work_doc
    from vexascite.evidence.dense import DenseIndex
    from vexascite.evidence.index import LexicalIndex
    from vexascite.evidence.pretrained import PretrainedIndex, PretrainedScorer, encoder
    from vexascite.evidence.rank import EvidenceStage, Searcher
    from vexascite.evidence.sentences import SentenceTerms

    docs = [work_doc((w["id"], w["title"], w["abstract"], w["keyword"])) for w in works]

    def timed(name: str, build: Any) -> Any:
        start, cpu = time.perf_counter(), time.process_time()
        built = build()
        print(
            f"build {name}: {time.perf_counter() - start:.1f} s (CPU {time.process_time() - cpu:.1f} s)",
            flush=True,
        )
        return built

    index = timed("BM25F", lambda: LexicalIndex.build(docs))
    dense = timed("latent vectors", lambda: DenseIndex.build(index))
    kept = timed("sentence terms", lambda: SentenceTerms.build(docs))
    model = encoder()
    scorers = (
        [
            PretrainedScorer(
                model, timed("pretrained vectors", lambda: PretrainedIndex.build(model, docs))
            )
        ]
        if model
        else []
    )
    by_key = {d.key: d for d in docs}
    searcher = Searcher(
        index,
        lambda keys: {k: by_key[k] for k in keys if k in by_key},
        rerankers=[EvidenceStage(index, kept)],
        dense=dense,
        pool_scorers=scorers,
    )
    times = []
    for statement in statements:
        start, cpu = time.perf_counter(), time.process_time()
        searcher.search(statement, 10)
        times.append((time.perf_counter() - start, time.process_time() - cpu))
    return times


def in_library(
    size: int, works: list[dict], statements: list[str]
) -> tuple[list[float], list[float]]:
    """Import the works with ``vexascite import``, time whole ``suggest`` processes, then each
    statement in process over the kept index (wall and CPU seconds)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        library = folder / "works"
        library.mkdir()
        for start in range(
            0, len(works), FILE_SIZE
        ):  # CSL-JSON files as a reference manager writes them
            (library / f"works{start // FILE_SIZE:03d}.json").write_text(
                json.dumps(works[start : start + FILE_SIZE], indent=1), encoding="utf-8"
            )
        env = {**os.environ, "VEXASCITE_DB": str(folder / "library.db")}
        start = time.perf_counter()
        subprocess.run(
            [VEXASCITE, "import", str(library)], env=env, check=True, capture_output=True
        )
        print(
            f"{size} works generated and imported in {time.perf_counter() - start:.0f} s",
            flush=True,
        )
        wall, cpu = run([VEXASCITE, "suggest", statements[0]], env)
        print(
            f"first suggest (builds and keeps the index): {wall:.1f} s (CPU {cpu:.1f} s)",
            flush=True,
        )
        whole = [run([VEXASCITE, "suggest", statement], env) for statement in statements[1:4]]
        print(
            f"suggest TEXT, whole process, index kept: {min(w for w, _ in whole):.2f} s "
            f"(CPU {min(c for _, c in whole):.2f} s; best of 3)"
        )
        store = Store.open(folder / "library.db", create=False)
        kept = store.counts()["works"]
        print(f"works in the library: {kept} of {size} generated")
        if kept != size:
            raise SystemExit(
                "import merged or lost generated works: the figures would not be for the size stated"
            )
        for name, nbytes in index_sizes(store).items():
            print(f"kept index {name}: {nbytes / 1e6:.1f} MB")
        start, cpu = time.perf_counter(), time.process_time()
        searcher = library_searcher(store)
        print(
            f"load the kept index in process: {time.perf_counter() - start:.2f} s (CPU {time.process_time() - cpu:.2f} s)"
        )
        ours, ours_cpu = [], []
        for statement in statements:
            start, cpu = time.perf_counter(), time.process_time()
            searcher.search(statement, 10)
            ours.append(time.perf_counter() - start)
            ours_cpu.append(time.process_time() - cpu)
        store.close()
    return ours, ours_cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--works", type=int, default=100_000)
    parser.add_argument("--statements", type=int, default=200)
    parser.add_argument(
        "--in-process",
        action="store_true",
        help="build and search in this process (no import, no CLI)",
    )
    args = parser.parse_args()
    rng = random.Random(15)
    works = generate(args.works, rng)
    claims = [
        json.loads(line)["claim"] for line in (SHARED / "eval" / "scifact_claims.jsonl").open()
    ]
    pool = [s for w in rng.sample(works, 200) for s in sentences(w["abstract"])[:1]]
    statements = (claims + pool)[: args.statements]
    if args.in_process:
        timed = in_process(works, statements)
        ours, ours_cpu = [w for w, _ in timed], [c for _, c in timed]
    else:
        ours, ours_cpu = in_library(args.works, works, statements)

    start = time.perf_counter()
    baseline = Baseline([f"{w['title']} {w['abstract']} {w['keyword']}" for w in works])
    print(f"bm25s index build in process: {time.perf_counter() - start:.1f} s")
    base, base_cpu = [], []
    for statement in statements:
        start, cpu = time.perf_counter(), time.process_time()
        baseline.top([statement], k=10)
        base.append(time.perf_counter() - start)
        base_cpu.append(time.process_time() - cpu)
    print(
        f"per statement over {args.works} works ({len(statements)} statements; load average {os.getloadavg()[0]:.1f}):"
    )
    print(
        f"  vexascite suggest (BM25F + latent + pretrained vectors + evidence)  wall {percentiles(ours)}"
    )
    print(f"  {'':<66}  CPU  {percentiles(ours_cpu)}")
    print(f"  {'bm25s retrieve k=10':<66}  wall {percentiles(base)}")
    print(f"  {'':<66}  CPU  {percentiles(base_cpu)}")
    print(
        f"  ratio of p95: {sorted(ours)[int(0.95 * len(ours))] / sorted(base)[int(0.95 * len(base))]:.1f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
