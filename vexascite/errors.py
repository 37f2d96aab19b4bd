"""One exception hierarchy; each class carries the exit code the CLI maps it to.

Exit codes (see DESIGN.md): 0 ok, 1 failed, 2 usage, 3 per-item problems with --strict,
4 service unavailable (work done is saved; rerun resumes), 5 input unreadable.
"""

from __future__ import annotations


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
