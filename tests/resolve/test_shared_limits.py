"""Two ``resolve`` runs on one machine keep to one rate limit (a shared schedule file),
and a run without ``mailto`` says once that the services' polite pools are not used."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from vexascite.resolve.ratelimit import Lane, SharedSchedule

from .conftest import World

REFERENCES = 18


def library_with_references(tmp_path: Path, name: str, env: dict[str, str]) -> dict[str, str]:
    folder = tmp_path / name
    folder.mkdir()
    refs = folder / "references.txt"
    refs.write_text(
        "References\n\n" + "".join(
            f"{n}. Nobody{name}{n} A, Noone B. A study of the {n}th {name} cohort no index holds. "
            f"J Imaginary Res. 2011;{n}:{100 + n}-{110 + n}.\n" for n in range(1, REFERENCES + 1)
        ),
        encoding="utf-8",
    )
    own = {**env, "VEXASCITE_DB": str(folder / "library.db")}
    result = subprocess.run([sys.executable, "-m", "vexascite", "import", str(refs)], env=own, capture_output=True, text=True, timeout=120)
    assert result.returncode in (0, 3), result.stderr
    return own


def two_resolves_at_once(world: World, tmp_path: Path, rate_file: str) -> tuple[int, list[str]]:
    world.crossref.enforce_limits = True
    world.ncbi.enforce_limits = True
    world.crossref.retry_after = "1"
    env = {**os.environ, **world.env(), "VEXASCITE_CONFIG": str(tmp_path / "none.toml"), "VEXASCITE_RATE_FILE": rate_file}
    first = library_with_references(tmp_path, f"a{len(rate_file)}", env)
    second = library_with_references(tmp_path, f"b{len(rate_file)}", env)
    before = world.crossref.limited + world.ncbi.limited
    runs = [subprocess.Popen([sys.executable, "-m", "vexascite", "resolve"], env=own, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for own in (first, second)]
    outputs = [run.communicate(timeout=600)[1] for run in runs]
    for run, stderr in zip(runs, outputs, strict=True):
        assert run.returncode in (0, 4), stderr
        assert "Traceback" not in stderr
    return world.crossref.limited + world.ncbi.limited - before, outputs


def test_two_processes_share_the_rate_limit(world: World, tmp_path: Path) -> None:
    limited, _ = two_resolves_at_once(world, tmp_path, str(tmp_path / "rate-limits.json"))
    assert limited == 0
    assert world.crossref.counts and (tmp_path / "rate-limits.json").is_file()


def test_without_the_shared_file_two_processes_go_over_the_limit(world: World, tmp_path: Path) -> None:
    """The control: the enforcing fakes do catch two unshared runs (so the test above can fail)."""
    limited, _ = two_resolves_at_once(world, tmp_path, "off")
    assert limited > 0


def test_shared_schedule_spaces_two_lanes_of_one_pool(tmp_path: Path) -> None:
    schedule = SharedSchedule(tmp_path / "limits.json")
    first, second = Lane("crossref", 10.0, shared=schedule), Lane("crossref", 10.0, shared=SharedSchedule(tmp_path / "limits.json"))
    delays = [lane.reserve("crossref@host") for _ in range(5) for lane in (first, second)]
    assert delays == sorted(delays)
    assert delays[-1] >= 9 * (1 / (10.0 * Lane.SAFETY)) - 0.05
    other = Lane("crossref", 10.0, shared=schedule).reserve("crossref@elsewhere")
    assert other < 0.05  # another host is another pool


def test_an_unusable_schedule_file_falls_back_to_this_process(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    schedule = SharedSchedule(blocker / "limits.json")  # a path under a regular file
    lane = Lane("ncbi", 3.0, shared=schedule)
    start = time.monotonic()
    assert lane.reserve("ncbi@host") < 0.01
    assert schedule.problem is not None and time.monotonic() - start < 1


def test_a_run_without_mailto_warns_once(world: World, tmp_path: Path) -> None:
    env = {**os.environ, **world.env(), "VEXASCITE_CONFIG": str(tmp_path / "none.toml"),
           "VEXASCITE_RATE_FILE": str(tmp_path / "r.json"), "VEXASCITE_DB": str(tmp_path / "library.db")}
    ids = tmp_path / "ids.txt"
    ids.write_text("10.1056/nejmoa2026834\n", encoding="utf-8")
    assert subprocess.run([sys.executable, "-m", "vexascite", "import", str(ids)], env=env, capture_output=True, timeout=120).returncode == 0
    with_mailto = subprocess.run([sys.executable, "-m", "vexascite", "resolve"], env=env, capture_output=True, text=True, timeout=300)
    assert "mailto" not in with_mailto.stderr
    env.pop("VEXASCITE_MAILTO")
    without = subprocess.run([sys.executable, "-m", "vexascite", "resolve", "--refresh"], env=env, capture_output=True, text=True, timeout=300)
    lines = [line for line in without.stderr.splitlines() if "mailto" in line]
    assert len(lines) == 1 and "polite" in lines[0] and "email" in lines[0]


def test_notes_name_a_missing_mailto_and_an_unusable_rate_file(tmp_path: Path) -> None:
    from vexascite.api import service_notes
    from vexascite.config import load_settings

    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    settings = load_settings(tmp_path / "none.toml", environ={}, rate_file=str(blocker / "r.json"))
    notes = service_notes(settings)
    assert len(notes) == 2 and "mailto" in notes[0] and "not shared" in notes[1]
    fine = load_settings(tmp_path / "none.toml", environ={}, rate_file=str(tmp_path / "r.json"), mailto="me@example.org")
    assert service_notes(fine) == []
    assert service_notes(load_settings(tmp_path / "none.toml", environ={}, offline=True)) == []
