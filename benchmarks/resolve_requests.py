"""Requests, wall time, faults and resumption of ``resolve`` against fake services.

Scenarios (each on a fresh library, fakes on 127.0.0.1 built from biblio-glutton's
references as in ``resolve_glutton.py``):
  doi       N references with DOIs (``vexascite add``): Crossref requests, wall time
            against the polite pool enforced with 100 ms answers, and the floor
            those limits set (busiest lane: (requests - 1) / allowed rate, plus one answer).
  vancouver N Vancouver journal references imported from text, no identifiers.
  second    the same works resolved again: requests sent (the cache answers).
  faults    M references with 20% of answers faulty (429 + Retry-After, 503, hangs past
            the timeout, truncated JSON, resets): every reference resolved or failed with
            a reason; compared with a clean run.
  kill      ``vexascite resolve`` killed mid-run, then rerun: same library as a run
            that was never interrupted.
The obvious alternative (one Crossref request per reference, as the usual tools send)
is printed next to ours.

    .venv/bin/python benchmarks/resolve_requests.py [--n 1000] [--faults 500] [--skip kill]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from resolve_glutton import DATA, build_index  # noqa: E402

from tests.fakes import FakeDoiOrg, fake_settings  # noqa: E402
from vexascite import api  # noqa: E402
from vexascite.config import load_settings  # noqa: E402
from vexascite.ids import normalize_doi  # noqa: E402
from vexascite.store import Store  # noqa: E402

RATES = {"crossref": 10.0, "search": 3.0, "ncbi": 3.0}
VANCOUVER = re.compile(
    r"(?:19|20)\d\d[a-z]?(?:\s+[A-Z][a-z]{2}(?:\s+\d+)?)?;\s*\d+\s*(?:\([^)]*\))?\s*:\s*[A-Za-z]?\d+"
)


def vancouver_rows(rows: list[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    """n Vancouver journal references: those written so, then others written so from
    their own fields (first author, title, journal, year, volume, first page)."""
    from resolve_glutton import year_of

    real = [r for r in rows if VANCOUVER.search(" ".join(r["raw"].split()))]
    if len(real) >= n:
        return real[:n]
    seen = {id(r) for r in real}
    made = []
    for r in rows:
        aux, year = r.get("aux_unverified") or {}, year_of(r["raw"])
        if (
            id(r) in seen
            or not all(
                aux.get(k) for k in ("atitle", "firstAuthor", "jtitle", "volume", "firstPage")
            )
            or not year
        ):
            continue
        raw = f"{aux['firstAuthor']} A, et al. {aux['atitle'].rstrip('.')}. {aux['jtitle'].rstrip('.')}. {year};{aux['volume']}:{aux['firstPage']}."
        made.append({**r, "raw": raw})
        if len(real) + len(made) >= n:
            break
    return real + made


def settings_for(folder: str, crossref: Any, ncbi: Any, doiorg: Any, **changes: Any) -> Any:
    base = load_settings(
        "/nonexistent.toml",
        environ={},
        db=str(Path(folder) / "library.db"),
        mailto="bench@example.org",
    )
    return fake_settings(base, crossref, ncbi, doiorg, **changes)


def floor_seconds(crossref: Any, ncbi: Any, latency: float) -> float:
    singles = crossref.counts["filter"] + crossref.counts["work"]
    searches = crossref.counts["search"]
    # n requests at r per second: the last leaves (n - 1) / r after the first, then one answer
    lanes = [
        max(singles - 1, 0) / RATES["crossref"],
        max(searches - 1, 0) / RATES["search"],
        max(ncbi.total_requests - 1, 0) / RATES["ncbi"],
    ]
    return max(lanes) + latency


def library_state(db: str) -> list[tuple[Any, ...]]:
    with Store.open(db, create=False) as store:
        return [
            (
                row["key"],
                row["status"],
                row["doi"],
                row["pmid"],
                json.dumps(row["csl"], sort_keys=True),
            )
            for row in store.iter_works()
        ]


def write_reference_list(path: Path, raws: list[str]) -> None:
    lines = ["References", ""] + [
        f"{i}. {' '.join(raw.split())}" for i, raw in enumerate(raws, start=1)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def scenario_doi(rows: list[dict[str, Any]], n: int) -> None:
    dois = list(dict.fromkeys(normalize_doi(r["doi"]) for r in rows))[:n]
    crossref, ncbi, _ = build_index(rows, 0.0, 7)
    crossref.latency = ncbi.latency = 0.1
    crossref.enforce_limits = ncbi.enforce_limits = True
    with crossref, ncbi, FakeDoiOrg(latency=0.1) as doiorg, tempfile.TemporaryDirectory() as folder:
        settings = settings_for(folder, crossref, ncbi, doiorg)
        started = time.monotonic()
        report = api.add_identifiers(settings, [f"doi:{d}" for d in dois])
        wall = time.monotonic() - started
        res = report.resolution
        floor = floor_seconds(crossref, ncbi, 0.1)
        print(
            f"[doi] {len(dois)} references with DOIs: found {res.found}, not found {res.not_found}, review {res.review}, failed {res.failed}"
        )
        print(
            f"[doi] Crossref requests {crossref.total_requests} (one-per-reference tools: {len(dois)}); "
            f"NCBI {ncbi.total_requests}; doi.org {doiorg.total_requests}; 429s from the fake's limits: {crossref.limited + ncbi.limited}"
        )
        print(
            f"[doi] requests per reference: Crossref {crossref.total_requests / len(dois):.3f}, all services "
            f"{(crossref.total_requests + ncbi.total_requests + doiorg.total_requests) / len(dois):.3f}"
        )
        print(
            f"[doi] wall {wall:.2f} s (resolve {res.seconds:.2f} s), floor {floor:.2f} s -> ratio {res.seconds / floor:.2f}"
        )
        for fake in (crossref, ncbi, doiorg):
            fake.reset_counts()
        second = api.resolve_works(settings, [k for k in report.added])
        print(
            f"[second] all {len(report.added)} works again (cache on): requests sent {sum(second.requests.values())} "
            f"(fakes counted {crossref.total_requests + ncbi.total_requests + doiorg.total_requests}), cache hits {sum(second.cache_hits.values())}"
        )
        again = api.resolve_works(settings)
        print(
            f"[second] plain 'resolve' again: {again.found + again.not_found + again.review + again.failed} works to do, "
            f"requests {sum(again.requests.values())}"
        )


def scenario_vancouver(rows: list[dict[str, Any]], n: int) -> None:
    chosen = vancouver_rows(rows, n)
    crossref, ncbi, excluded = build_index(rows, 0.15, 7)
    crossref.latency = ncbi.latency = 0.1
    crossref.enforce_limits = ncbi.enforce_limits = True
    with crossref, ncbi, FakeDoiOrg(latency=0.1) as doiorg, tempfile.TemporaryDirectory() as folder:
        settings = settings_for(folder, crossref, ncbi, doiorg)
        path = Path(folder) / "references.txt"
        write_reference_list(path, [r["raw"] for r in chosen])
        imported = api.import_paths(settings, [path])
        works = api.library_stats(settings)["works"]
        report = api.resolve_works(settings)
        floor = floor_seconds(crossref, ncbi, 0.1)
        total = crossref.total_requests + ncbi.total_requests + doiorg.total_requests
        written = sum(1 for r in chosen if VANCOUVER.search(" ".join(r["raw"].split())))
        print(
            f"[vancouver] {len(chosen)} Vancouver references ({written} match the Vancouver pattern), no identifiers ({imported.files[0].references} read, {works} works; "
            f"{sum(1 for r in chosen if normalize_doi(r['doi']) in excluded)} left out of the index)"
        )
        print(
            f"[vancouver] found {report.found}, not found {report.not_found}, review {report.review}, failed {report.failed}"
        )
        print(
            f"[vancouver] requests: Crossref {dict(crossref.counts)}, NCBI {dict(ncbi.counts)}, doi.org {doiorg.total_requests}; "
            f"{total / works:.3f} per reference (one-per-reference tools: 1.000 Crossref searches each)"
        )
        print(
            f"[vancouver] resolve {report.seconds:.2f} s, floor {floor:.2f} s -> ratio {report.seconds / floor:.2f}; "
            f"429s from the fake's limits: {crossref.limited + ncbi.limited}"
        )


def scenario_faults(rows: list[dict[str, Any]], m: int) -> None:
    half = m // 2
    with_doi = list(dict.fromkeys(normalize_doi(r["doi"]) for r in rows[::2]))[:half]
    text_rows = [r for r in rows[1::2] if VANCOUVER.search(" ".join(r["raw"].split()))][: m - half]
    states = []
    for rate in (0.0, 0.2):
        crossref, ncbi, _ = build_index(rows, 0.15, 7)
        doiorg = FakeDoiOrg()
        for seed, fake in enumerate((crossref, ncbi, doiorg), start=1):
            fake.fault_rate, fake.retry_after, fake.hang = rate, "1", 2.5
            fake.random.seed(seed)
        with crossref, ncbi, doiorg, tempfile.TemporaryDirectory() as folder:
            settings = settings_for(folder, crossref, ncbi, doiorg, timeout=1.0)
            path = Path(folder) / "references.txt"
            write_reference_list(path, [r["raw"] for r in text_rows])
            api.import_paths(settings, [path])
            started = time.monotonic()
            try:
                api.add_identifiers(settings, [f"doi:{d}" for d in with_doi])
                report = api.resolve_works(settings)
            except Exception as exc:  # a crash here is what this scenario looks for
                print(f"[faults] rate {rate}: CRASHED: {exc!r}")
                continue
            wall = time.monotonic() - started
            state = library_state(settings.db)
            by_status: dict[str, int] = {}
            unexplained = 0
            with Store.open(settings.db, create=False) as store:
                for row in store.iter_works():
                    by_status[row["status"]] = by_status.get(row["status"], 0) + 1
                    if (
                        row["status"] in ("failed", "not-found", "review")
                        and not row["status_message"]
                    ):
                        unexplained += 1
            injected = sum(f.faults_injected.total() for f in (crossref, ncbi, doiorg))
            sent = sum(f.total_requests for f in (crossref, ncbi, doiorg))
            print(
                f"[faults] fault rate {rate:.0%}: {len(state)} works -> {by_status}; without a reason: {unexplained}; "
                f"requests {sent}, faults injected {injected} {dict(sum((f.faults_injected for f in (crossref, ncbi, doiorg)), start=type(crossref.faults_injected)()))}; {wall:.1f} s; last run failed {report.failed}"
            )
            states.append(state)
    if len(states) == 2:
        same = states[0] == states[1]
        print(f"[faults] library after the faulty run equals the clean run's: {same}")


def scenario_kill(rows: list[dict[str, Any]], n: int) -> None:
    chosen = [r for r in rows if VANCOUVER.search(" ".join(r["raw"].split()))][:n]
    crossref, ncbi, _ = build_index(rows, 0.15, 7)
    doiorg = FakeDoiOrg()
    results = []
    whole_requests = 0
    with crossref, ncbi, doiorg, tempfile.TemporaryDirectory() as folder:
        for name, kill in (("uninterrupted", False), ("killed", True)):
            sub = Path(folder) / name
            sub.mkdir()
            db = str(sub / "library.db")
            path = sub / "references.txt"
            write_reference_list(path, [r["raw"] for r in chosen])
            env = {
                **os.environ,
                "VEXASCITE_CROSSREF_URL": crossref.url,
                "VEXASCITE_NCBI_URL": ncbi.url + "/entrez/eutils",
                "VEXASCITE_IDCONV_URL": ncbi.url + "/idconv/",
                "VEXASCITE_DOI_URL": doiorg.url,
                "VEXASCITE_MAILTO": "bench@example.org",
                "VEXASCITE_CONFIG": "/nonexistent.toml",
            }
            command = [sys.executable, "-m", "vexascite", "--db", db]
            subprocess.run(
                [*command, "import", str(path)], env=env, check=False, capture_output=True
            )
            if kill:
                before = crossref.total_requests + ncbi.total_requests
                process = subprocess.Popen(
                    [*command, "resolve"],
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                while (
                    crossref.total_requests + ncbi.total_requests
                    < before + int(0.9 * whole_requests)
                    and process.poll() is None
                ):
                    time.sleep(0.01)
                process.send_signal(signal.SIGKILL)
                process.wait()
                with Store.open(db, create=False) as store:
                    done = store.db.execute(
                        "select count(*) from works where status != 'unresolved'"
                    ).fetchone()[0]
                    payloads = store.db.execute("select count(*) from payloads").fetchone()[0]
                print(
                    f"[kill] killed after {crossref.total_requests + ncbi.total_requests - before} requests: {done} works done, {payloads} answers kept"
                )
            before_run = crossref.total_requests + ncbi.total_requests
            finished = subprocess.run(
                [*command, "resolve"], env=env, capture_output=True, text=True
            )
            if not kill:
                whole_requests = crossref.total_requests + ncbi.total_requests - before_run
            results.append(library_state(db))
            print(
                f"[kill] {name}: exit {finished.returncode}; {finished.stderr.strip().splitlines()[-1] if finished.stderr.strip() else ''}"
            )
    print(
        f"[kill] killed-and-rerun library equals the uninterrupted one: {results[0] == results[1]} ({len(results[0])} works)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--faults", type=int, default=500)
    parser.add_argument("--kill-n", type=int, default=300)
    parser.add_argument(
        "--skip", action="append", default=[], choices=["doi", "vancouver", "faults", "kill"]
    )
    args = parser.parse_args()
    rows = [json.loads(line) for line in Path(DATA).read_text(encoding="utf-8").splitlines()]
    if "doi" not in args.skip:
        scenario_doi(rows, args.n)
    if "vancouver" not in args.skip:
        scenario_vancouver(rows, args.n)
    if "faults" not in args.skip:
        scenario_faults(rows, args.faults)
    if "kill" not in args.skip:
        scenario_kill(rows, args.kill_n)


if __name__ == "__main__":
    main()
