"""Every hostile case (tests/hostile.py) imported through the CLI: no traceback, exit
0, 3 or 5, every good entry kept, nothing the file does not state; heavy cases in a
separate process under 20 s of CPU time and 2 GB. CPU time, not wall time: a guard
against quadratic or worse behaviour should not fail because the machine is busy."""

from __future__ import annotations

import json
import os
import resource
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.hostile import Case, cases
from vexascite.cli import main

CASES = cases()
MEMORY_LIMIT = 2 * 1024**3
TIME_LIMIT = 20.0
HANG_LIMIT = 10 * TIME_LIMIT


def library_values(db: Path) -> tuple[set[str], set[tuple[str, str]], list[str]]:
    """Titles and DOIs of the works, every (variable, text value) pair, and the titles."""
    found: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    titles: list[str] = []
    if not db.exists():
        return found, pairs, titles
    with sqlite3.connect(db) as conn:
        for (csl,) in conn.execute("select csl from works"):
            work = json.loads(csl)
            for name, value in work.items():
                if isinstance(value, str):
                    pairs.add((name, value))
            if isinstance(work.get("title"), str):
                found.add(work["title"])
                titles.append(work["title"])
            if isinstance(work.get("DOI"), str):
                found.add(work["DOI"].lower())
    return found, pairs, titles


def check_library(case: Case, db: Path) -> None:
    found, pairs, titles = library_values(db)
    missing = [good for good in case.good if good not in found and good.lower() not in found]
    assert not missing, f"{case.name}: {len(missing)} good entries lost, such as {missing[:3]}"
    for name, value in case.forbidden:
        if name == "title-contains":
            assert not any(value in title for title in titles), f"{case.name}: a title holds {value!r}"
        else:
            assert (name, value) not in pairs, f"{case.name}: {name} {value!r} was invented"


@pytest.mark.parametrize("case", [c for c in CASES if not c.heavy], ids=lambda c: c.name)
def test_hostile_file_through_the_cli(case: Case, tmp_path: Path) -> None:
    path = tmp_path / case.filename
    path.write_bytes(case.data)
    db = tmp_path / "library.db"
    start = time.process_time()
    result = CliRunner().invoke(main, ["--db", str(db), "import", str(path)])
    elapsed = time.process_time() - start
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 3, 5), result.output
    assert elapsed < TIME_LIMIT
    check_library(case, db)


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (int(TIME_LIMIT), int(TIME_LIMIT) + 1))


@pytest.mark.parametrize("case", [c for c in CASES if c.heavy], ids=lambda c: c.name)
def test_heavy_hostile_file_in_its_own_process(case: Case, tmp_path: Path) -> None:
    path = tmp_path / case.filename
    path.write_bytes(case.data)
    db = tmp_path / "library.db"
    command = [sys.executable, "-m", "vexascite", "--db", str(db), "import", str(path)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, capture_output=True, text=True, timeout=HANG_LIMIT, preexec_fn=_limits,
                          env={**os.environ, "PYTHONHASHSEED": "0"})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    assert cpu < TIME_LIMIT, f"{case.name}: {cpu:.1f} s of CPU time"
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    assert done.returncode in (0, 3, 5), done.stderr[-3000:]
    check_library(case, db)
