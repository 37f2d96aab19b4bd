"""Several processes on one library: concurrent large imports and a resolve while they run.

Each import either succeeds or exits 4 saying another vexascite is writing; no entry is
lost (a file whose run exited 4 is absent as a whole and a rerun brings it); ``resolve``
during an import exits 0 or 4, never 1 ("not a vexascite library" was one such failure).

``VEXASCITE_BUSY_ENTRIES`` sets the entries per file (60000 for the full-size check).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.bibgen import generate

from .conftest import World

ENTRIES = int(os.environ.get("VEXASCITE_BUSY_ENTRIES", "1500"))
BUSY = "another vexascite is writing; try again"


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "vexascite", *args]


def entries_in(path: Path) -> int:
    text = path.read_text(encoding="utf-8")
    return text.count("\n@") + text.startswith("@") - text.count("@string")


def refs_per_source(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "select s.path, count(r.id) from sources s left join refs r on r.source_id = s.id "
            "where s.status = 'imported' group by s.id"
        ).fetchall()
    return {Path(path).name: count for path, count in rows}


def test_concurrent_imports_and_a_resolve_lose_nothing(world: World, tmp_path: Path) -> None:
    env = {**os.environ, **world.env(), "VEXASCITE_DB": str(tmp_path / "library.db"), "VEXASCITE_CONFIG": str(tmp_path / "none.toml")}
    seed = tmp_path / "seed.bib"
    seed.write_text(
        "@article{beck, title={Somatic mutations in UBA1 and severe adult-onset autoinflammatory disease},"
        " author={Beck, D B}, journal={N Engl J Med}, year={2020}, volume={383}, pages={2628--2638}}\n",
        encoding="utf-8",
    )
    assert subprocess.run(cli("import", str(seed)), env=env, capture_output=True, timeout=120).returncode == 0
    files = []
    for n in range(4):
        path = tmp_path / f"big{n}.bib"
        path.write_text(generate(ENTRIES, seed=11 + n), encoding="utf-8")
        files.append(path)
    started = time.monotonic()
    imports = [subprocess.Popen(cli("import", str(f)), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for f in files]
    time.sleep(1.0)
    resolve = subprocess.run(cli("resolve", "--refresh", "beck"), env=env, capture_output=True, text=True, timeout=900)
    outcomes = [(p.wait(timeout=1800), p.stderr.read() if p.stderr else "") for p in imports]
    print(f"{ENTRIES} entries x 4 imports: exit codes {[code for code, _ in outcomes]}, resolve {resolve.returncode}, "
          f"{time.monotonic() - started:.0f} s; waits reported: {sum('waiting for it' in err for _, err in outcomes)}")

    assert "Traceback" not in resolve.stderr
    assert resolve.returncode in (0, 4), resolve.stderr
    if resolve.returncode == 4:
        assert BUSY in resolve.stderr or "service" in resolve.stderr
    for code, stderr in outcomes:
        assert "Traceback" not in stderr
        assert code in (0, 4), stderr
        if code == 4:
            assert BUSY in stderr
    stored = refs_per_source(tmp_path / "library.db")
    for path, (code, _) in zip(files, outcomes, strict=True):
        if code == 0:
            assert stored[path.name] == entries_in(path)
        else:  # absent as a whole, and a rerun brings it
            assert path.name not in stored
            assert subprocess.run(cli("import", str(path)), env=env, capture_output=True, timeout=900).returncode == 0
    assert refs_per_source(tmp_path / "library.db") == {"seed.bib": 1, **{f.name: entries_in(f) for f in files}}


def test_a_busy_library_is_reported_as_busy_after_the_wait(tmp_path: Path) -> None:
    db = tmp_path / "library.db"
    env = {**os.environ, "VEXASCITE_DB": str(db), "VEXASCITE_CONFIG": str(tmp_path / "none.toml"), "VEXASCITE_LOCK_WAIT": "3"}
    small = tmp_path / "small.bib"
    small.write_text("@article{a, title={A title}, year={2020}}\n", encoding="utf-8")
    assert subprocess.run(cli("import", str(small)), env=env, capture_output=True, timeout=120).returncode == 0
    other = tmp_path / "other.bib"
    other.write_text("@article{b, title={Another title}, year={2021}}\n", encoding="utf-8")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock throughout
    try:
        result = subprocess.run(cli("import", str(other)), env=env, capture_output=True, text=True, timeout=120)
        rekey = subprocess.run(cli("rekey", "a", "renamed"), env=env, capture_output=True, text=True, timeout=120)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 4, result.stderr
    assert BUSY in result.stderr and "waiting for it" in result.stderr and "was not imported" in result.stderr
    assert "not a vexascite library" not in result.stderr and "Traceback" not in result.stderr
    assert rekey.returncode == 4 and BUSY in rekey.stderr
    assert refs_per_source(db) == {"small.bib": 1}
    again = subprocess.run(cli("import", str(other)), env=env, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert refs_per_source(db) == {"small.bib": 1, "other.bib": 1}
