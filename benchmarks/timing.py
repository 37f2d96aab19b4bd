"""Best-of-N timing shared by the benchmarks: the best run's wall time, and its CPU time.

On a shared machine the two differ: CPU time is what the code itself costs. It counts
processes the run started and waited for (a large import parses in other processes).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Any

#: CPU seconds of the best run of each ``best_of(..., name)``.
CPU: dict[str, float] = {}


def cpu_seconds() -> float:
    """CPU time of this process and of the child processes it has waited for."""
    children = os.times()
    return time.process_time() + children.children_user + children.children_system


def best_of(
    repeat: int,
    func: Callable[[], Any],
    name: str = "",
    before_each: Callable[[], None] | None = None,
) -> tuple[float, Any]:
    """Best wall time of ``repeat`` runs of ``func`` and its last result; the CPU time of
    the best run goes to ``CPU[name]``. ``before_each`` runs untimed before each run."""
    best, result = float("inf"), None
    for _ in range(repeat):
        if before_each is not None:
            before_each()
        start, cpu = time.perf_counter(), cpu_seconds()
        result = func()
        wall = time.perf_counter() - start
        if wall < best:
            best, CPU[name] = wall, cpu_seconds() - cpu
    return best, result
