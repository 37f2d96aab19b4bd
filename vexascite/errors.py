"""One exception hierarchy; each class carries the exit code the CLI maps it to.

Exit codes (see DESIGN.md): 0 ok, 1 failed, 2 usage, 3 per-item problems with --strict,
4 service unavailable or library busy (work done is saved; rerun resumes), 5 input
unreadable or output unwritable (disk full, read-only; nothing half-written), 130
interrupted (Ctrl-C; what was done before is saved).
"""

from __future__ import annotations

import errno


class VexasciteError(Exception):
    """Base of every error vexascite raises on purpose."""

    exit_code = 1


class UsageError(VexasciteError):
    """The caller asked for something that cannot be done as asked."""

    exit_code = 2


class NotInLibrary(VexasciteError):
    """A key, id or document named by the caller is not in the library."""

    exit_code = 1


class LibraryTooNew(VexasciteError):
    """The library was written by a newer vexascite; opening it could damage it."""

    exit_code = 1


class ItemProblems(VexasciteError):
    """Some items failed while the rest succeeded (raised only under --strict)."""

    exit_code = 3


class ServiceUnavailable(VexasciteError):
    """A remote service did not answer usefully; this says nothing about the reference."""

    exit_code = 4


class InputUnreadable(VexasciteError):
    """An input file cannot be read at all (missing, binary, wrong encoding); nothing written."""

    exit_code = 5


class LibraryBusy(ServiceUnavailable):
    """Another process held the library's write lock for longer than we were willing to wait."""


class CannotWrite(VexasciteError):
    """The library or an output file cannot be written (disk full, read-only); nothing
    of the step that failed was written. ``reason`` is why, without the path and what
    follows (for a command that gives way and says so: the message when not given).
    ``read_only`` says the library's file or folder cannot be written at all (a read-only
    disk or no permission), where a command that only reads may go on in a copy."""

    exit_code = 5

    def __init__(self, message: str, reason: str | None = None, read_only: bool = False) -> None:
        super().__init__(message)
        self.reason = reason if reason is not None else message
        self.read_only = read_only


class Interrupted(KeyboardInterrupt):
    """Ctrl-C, with what the command had done when it came. A ``KeyboardInterrupt``, not a
    :class:`VexasciteError`: code that reports a failed item and goes on must not go on."""

    exit_code = 130


#: errno values that mean "no room", and "not allowed to write here".
_NO_SPACE = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_NOT_WRITABLE = {errno.EROFS, errno.EACCES, errno.EPERM}


def error_for_os(exc: OSError, what: str) -> VexasciteError:
    """The vexascite error an operating-system error on ``what`` (a path or "output") means."""
    reason = exc.strerror or str(exc)
    if exc.errno in _NO_SPACE:
        return CannotWrite(f"{what}: disk is full ({reason}); nothing more was written, free some space and run again")
    if exc.errno in _NOT_WRITABLE:
        return CannotWrite(f"{what}: cannot write ({reason}); nothing was written")
    if exc.errno in (errno.EISDIR, errno.ENOTDIR):
        return UsageError(f"{what}: {reason}")
    return VexasciteError(f"{what}: {reason}")
