"""Files vexascite writes for the user (``export -o``, ``format -o``): one rule for all.

- A symlink is written through to its target (the link stays a link).
- Missing folders on the way to a new file are created, and said (``Written.new_folder``).
- A regular file is replaced atomically (readers see the old text or the new, never half)
  and keeps its mode and owner; when a new file in its place could not keep its owner and
  group (another user's file the user may write, through its group or its mode), it is
  written in place instead, space reserved first, so it stays theirs, with their mode.
  A new file gets the mode the umask gives, as any editor's.
  An SQLite database (a library) or the journal beside one is never replaced.
- A FIFO or a character device (``/dev/null``, ``/dev/stdout``, a terminal) is written to
  as a stream, never replaced; a directory, a block device or a socket is refused.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path
from typing import NamedTuple

from ..errors import UsageError, error_for_os


class Written(NamedTuple):
    """How a file was written (``created``, ``replaced`` or ``streamed``), and the folder
    made for it when it was missing (as the user named it), so the caller can say so."""

    how: str
    new_folder: str | None = None


def write_output(path: str | os.PathLike[str], text: str) -> Written:
    """Write ``text`` to the user's ``path`` by the rule above."""
    given = str(path)
    target = Path(os.path.realpath(given))
    try:
        info = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise error_for_os(exc, given) from exc
    data = text.encode("utf-8")
    if (info is None or stat.S_ISREG(info.st_mode)) and _is_database(target):
        raise UsageError(f"{given} is an SQLite database or its journal (a vexascite library?); name another file (nothing was written)")
    try:
        if info is None:
            new_folder = None if target.parent.is_dir() else (os.path.dirname(given) or str(target.parent))
            target.parent.mkdir(parents=True, exist_ok=True)
            _replace_atomically(target, data, None)
            return Written("created", new_folder)
        if stat.S_ISREG(info.st_mode):
            if not os.access(target, os.W_OK):
                # renaming over it needs only the folder's permission: a file the user may not
                # write (another's, or read-only) would be replaced, and become theirs
                raise PermissionError(errno.EACCES, "Permission denied: the file is not yours to write")
            if _may_give_back(info):
                _replace_atomically(target, data, info)
            else:
                _write_in_place(target, data)
            return Written("replaced")
        if stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode):
            _stream(target, data)
            return Written("streamed")
    except OSError as exc:
        raise error_for_os(exc, given) from exc
    kind = "a directory" if stat.S_ISDIR(info.st_mode) else (
        "a block device" if stat.S_ISBLK(info.st_mode) else "a socket or other special file"
    )
    shown = given if str(target) == given else f"{given} (-> {target})"
    raise UsageError(f"{shown} is {kind}; name a file to write (nothing was written)")


_SQLITE_HEADER = b"SQLite format 3\x00"


def _is_database(target: Path) -> bool:
    """Whether ``target`` is an SQLite database or the journal beside one: ``export -o
    library.db`` replaced the library with its own export."""
    name = target.name
    for suffix in ("-wal", "-shm", "-journal"):
        if name.endswith(suffix):
            target = target.with_name(name[: -len(suffix)])
            break
    try:
        with target.open("rb") as handle:
            return handle.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER
    except OSError:
        return False


def _replace_atomically(target: Path, data: bytes, old: os.stat_result | None) -> None:
    """A temporary file beside ``target``, synced, then renamed over it."""
    temporary = target.parent / f".{target.name}.{secrets.token_hex(4)}.tmp"
    # 0o666 through the umask for a new file, as the shell and editors create files
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666 if old is None else 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            if old is not None:
                with contextlib.suppress(PermissionError):  # only root may give a file away
                    os.fchown(out.fileno(), old.st_uid, old.st_gid)
                os.fchmod(out.fileno(), stat.S_IMODE(old.st_mode))
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _may_give_back(old: os.stat_result) -> bool:
    """Whether a file made in place of ``old`` can be given its owner and group: ours (the
    group one of ours), or we are root. Otherwise renaming over it would make it ours."""
    if os.geteuid() == 0:
        return True
    return old.st_uid == os.geteuid() and (old.st_gid == os.getegid() or old.st_gid in os.getgroups())


def _write_in_place(target: Path, data: bytes) -> None:
    """Overwrite a file we may write but not give back: its inode, owner, group and mode
    stay. The space is reserved before a byte changes, so a full disk leaves it whole."""
    fd = os.open(target, os.O_WRONLY)
    with os.fdopen(fd, "wb") as out:
        size = os.fstat(fd).st_size
        reserve = getattr(os, "posix_fallocate", None)
        if reserve is not None and len(data) > size:
            try:
                reserve(fd, 0, len(data))
            except OSError as exc:
                if exc.errno not in (errno.EOPNOTSUPP, errno.EINVAL, errno.ENOSYS):
                    raise  # (a file system that cannot reserve space is written as it is)
        out.write(data)
        out.flush()
        os.ftruncate(fd, len(data))
        os.fsync(fd)


def _stream(target: Path, data: bytes) -> None:
    """Write to a FIFO or device in place (no create, no truncate, no rename)."""
    fd = os.open(target, os.O_WRONLY)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
