"""Whole-process timings, as a user runs the CLI: start-up and a large import.

Start-up: `vexascite --help` and `vexascite list` on the bundled library, beside the
interpreter's own start (`python -c pass`) and the obvious alternative for listing (a
ten-line script that reads the same rows with the standard sqlite3 module). `list` runs
twice: piped (stdout a pipe to /dev/null, as in ``vexascite list | grep``) and on a
pseudo-terminal of 80 columns and 24 lines (all three standard streams on the terminal,
``COLUMNS``/``LINES`` and ``TERM`` set as a terminal sets them), whose output the benchmark
reads as a terminal would, so the table is laid out to the terminal's width.

The start-up commands run in turns, each once first uncounted, as a user's second run of
it is: the interpreter has written its bytecode cache by then (the processes run without
``PYTHONDONTWRITEBYTECODE``, which would make every run compile the package anew).

Import: the whole `vexascite import big.bib` process on the generated 10,000-entry file,
beside a whole process that only runs bibtexparser's raw parse of it; plus the peak memory
of the import's processes together (the importing process and its reading processes,
sampled from /proc).

    .venv/bin/python benchmarks/cli_speed.py [--entries 10000] [--repeat 7] [--start-up-only]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import resource
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bibgen import generate  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
VEXASCITE = str(Path(PYTHON).parent / "vexascite")

#: The processes' environment: as a user's shell, with bytecode caches written and read.
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}

LIST_SCRIPT = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for key, title, year in db.execute("SELECT key, title, year FROM works ORDER BY key LIMIT 50"):
    print(key, year, title)
"""

#: The pseudo-terminal the terminal rows run on: 24 lines of 80 columns.
TERMINAL_SIZE = (24, 80)

#: A marker put before a command that runs on the pseudo-terminal rather than a pipe.
ON_TERMINAL = "<terminal>"

PARSE_SCRIPT = """
import sys, bibtexparser
with open(sys.argv[1], encoding="utf-8") as f:
    bibtexparser.parse_string(f.read(), parse_stack=[])
"""


def run_on_terminal(command: list[str]) -> None:
    """Run ``command`` with stdin, stdout and stderr on a new pseudo-terminal of
    ``TERMINAL_SIZE``, reading everything it writes as a terminal would; fails loudly."""
    lines, columns = TERMINAL_SIZE
    master, slave = os.openpty()
    try:
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        env = {
            **ENV,
            "COLUMNS": str(columns),
            "LINES": str(lines),
            "TERM": ENV.get("TERM") or "xterm-256color",
        }
        env.pop("NO_COLOR", None)
        proc = subprocess.Popen(
            command,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )
    finally:
        os.close(slave)
    try:
        while True:  # until the child's end of the terminal closes (EIO on Linux)
            try:
                if not os.read(master, 65536):
                    break
            except OSError:
                break
    finally:
        os.close(master)
    if proc.wait():
        raise subprocess.CalledProcessError(proc.returncode, command)


def run_times(
    command: list[str],
    repeat: int,
    before: Callable[[], None] | None = None,
    cpu: list[float] | None = None,
    warmup: bool = True,
) -> list[float]:
    """Wall seconds of ``repeat`` runs of ``command`` (output discarded, or read from a
    pseudo-terminal when the command starts with ``ON_TERMINAL``); fails loudly.
    ``cpu`` gets each run's CPU seconds, its reading processes included. Unless
    ``warmup`` is false, a first run, not counted, warms up (files cached, modules compiled)."""
    times = []
    for run in range(0 if warmup else 1, repeat + 1):
        if before is not None:
            before()
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        if command[0] == ON_TERMINAL:
            run_on_terminal(command[1:])
        else:
            subprocess.run(
                command,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=True,
                cwd=ROOT,
                env=ENV,
            )
        if run == 0:
            continue
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if cpu is not None:
            cpu.append(after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime)
    return times


def interleaved(commands: dict[str, list[str]], repeat: int) -> dict[str, list[float]]:
    """Wall seconds of ``repeat`` runs of each command, taken in turns (A B C, A B C, ...)
    after one uncounted run of each, so a busy spell of the machine falls on all alike."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for round_ in range(repeat + 1):
        for name, command in commands.items():
            (taken,) = run_times(command, 1, warmup=False)
            if round_:
                times[name].append(taken)
    return times


def tree_rss_mb(root_pid: int) -> float:
    """RSS of a process and all its descendants, in MB, read from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in (path.name for path in Path("/proc").iterdir()):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
            fields = stat[stat.rindex(")") + 2 :].split()
            ppid, pages = int(fields[1]), int(fields[21])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
        rss[int(entry)] = pages
    total, stack = 0, [root_pid]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_tree_rss(command: list[str]) -> float:
    """Peak RSS of ``command``'s whole process tree, sampled every 10 ms."""
    proc = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=ENV
    )
    peak = 0.0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_mb(proc.pid))
            time.sleep(0.01)

    sampler = threading.Thread(target=sample)
    sampler.start()
    proc.wait()
    done.set()
    sampler.join()
    return peak


def describe(name: str, times: list[float], baseline: float | None, width: int) -> None:
    best, median = min(times), statistics.median(times)
    ratio = f"  {best / baseline:5.2f}x" if baseline else ""
    print(f"{name:<{width}}  best {best:6.3f} s  median {median:6.3f} s{ratio}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--start-up-only", action="store_true", help="Skip the large import.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        small = str(Path(tmp) / "small.db")
        env_db = ["--db", small]
        subprocess.run(
            [VEXASCITE, *env_db, "import", "bib/"],
            check=True,
            capture_output=True,
            cwd=ROOT,
            env=ENV,
        )

        print(f"start-up, whole process, {args.repeat} runs each (bundled library: {small})")
        rows = {
            "python -c pass (interpreter floor)": [PYTHON, "-c", "pass"],
            "sqlite3 script listing 50 works (alternative)": [PYTHON, "-c", LIST_SCRIPT, small],
            "vexascite --help": [VEXASCITE, "--help"],
            "vexascite list (piped)": [VEXASCITE, *env_db, "list"],
            f"vexascite list (terminal, {TERMINAL_SIZE[1]} columns)": [
                ON_TERMINAL,
                VEXASCITE,
                *env_db,
                "list",
            ],
            "vexascite list --json": [VEXASCITE, *env_db, "list", "--json"],
        }
        width = max(len(name) for name in rows) + 2
        measured = interleaved(rows, args.repeat)
        floor = min(measured["python -c pass (interpreter floor)"])
        for name, times in measured.items():
            describe(name, times, floor, width)
        print("(ratios to the interpreter floor; the goal for --help and list is 0.10 s)")
        if args.start_up_only:
            return

        big = Path(tmp) / "big.bib"
        big.write_text(generate(args.entries), encoding="utf-8")
        db = Path(tmp) / "big.db"

        def fresh() -> None:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)

        repeat = max(3, args.repeat // 2)
        print(
            f"\nimport, whole process, {args.entries} entries ({big.stat().st_size / 2**20:.1f} MiB), "
            f"{repeat} runs each, in turn"
        )
        parse_cpu: list[float] = []
        ours_cpu: list[float] = []
        parse: list[float] = []
        ours: list[float] = []
        for run in range(repeat):  # in turn, so both meet the same load on a shared machine
            parse += run_times(
                [PYTHON, "-c", PARSE_SCRIPT, str(big)], 1, cpu=parse_cpu, warmup=run == 0
            )
            ours += run_times(
                [VEXASCITE, "--db", str(db), "import", str(big)],
                1,
                before=fresh,
                cpu=ours_cpu,
                warmup=run == 0,
            )
        width = 48
        describe("python + bibtexparser raw parse (whole process)", parse, None, width)
        describe("vexascite import (whole process)", ours, min(parse), width)
        pairs = statistics.median(o / p for o, p in zip(ours, parse, strict=True))
        print(
            f"(ratio to bibtexparser's raw parse as a whole process, best to best; run by run the median is "
            f"{pairs:.2f}x; the goal is at most 2)"
        )
        print(
            f"CPU seconds, all processes: raw parse {min(parse_cpu):.3f}, vexascite import {min(ours_cpu):.3f} "
            f"({min(ours_cpu) / min(parse_cpu):.2f}x; on a busy machine the wall ratio tends to this one)"
        )
        fresh()
        peak = peak_tree_rss([VEXASCITE, "--db", str(db), "import", str(big)])
        print(
            f"vexascite import peak memory, all its processes together: {peak:.0f} MB (goal: at most 250 MB)"
        )


if __name__ == "__main__":
    main()
