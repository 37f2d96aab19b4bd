"""Reading processes end with the import that started them, even after ``kill -9``."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import multiprocessing, sys, time
    from vexascite.importers.bibtex import iter_bibtex_parts
    entry = "@article{{k{{}},\\n  title = {{A title long enough to fill a part}},\\n  year = 2020\\n}}\\n"
    text = "".join(entry.format(i) for i in range(30000))
    parts = iter_bibtex_parts(text)
    next(parts)
    print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
    time.sleep(600)
    """
)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux") or (os.cpu_count() or 1) < 2, reason="needs /proc and two cores")
def test_reading_processes_end_when_the_import_is_killed():
    main = subprocess.Popen([sys.executable, "-c", SCRIPT], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        children = [int(pid) for pid in main.stdout.readline().split()]
        assert children, "the large file should be read in other processes"
        assert all(_alive(pid) for pid in children)
        os.kill(main.pid, signal.SIGKILL)
        main.wait()
        deadline = time.monotonic() + 10
        while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(pid) for pid in children)
    finally:
        main.kill()
        main.wait()
        main.stdout.close()
