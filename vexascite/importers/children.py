"""Reading processes that end when the process that started them ends, however it
ends: a ``kill -9`` of an import must not leave them holding the caller's pipe.

On Linux the kernel sends them SIGKILL when their parent dies (``prctl``
``PR_SET_PDEATHSIG``); elsewhere a thread watches for the parent to change.
"""

from __future__ import annotations

import ctypes
import gc
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """Make this (child) process end when ``parent`` ends. Call first thing in the child."""
    if not _kernel_kills_with_parent():
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="watch-parent").start()
    if os.getppid() != parent:  # the parent died before the request was in place
        os._exit(1)


def _kernel_kills_with_parent() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection inside: reading or storing a large file makes
    objects by the million and few cycles, so the collector's passes over them cost
    about a tenth of the time for nothing. Cycles made inside are collected by the
    first pass after (memory stays bounded by one part of a file)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
