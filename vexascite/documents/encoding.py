"""Reading input files: bytes with clear errors, and text decoding that reports the
lines it had to guess (used by import and by link alike)."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputUnreadable
from ..model import ImportProblem


def read_input_bytes(path: Path, max_bytes: int | None = None) -> bytes:
    """The file's bytes; :class:`InputUnreadable` naming the file when it cannot be had."""
    try:
        if max_bytes is not None:
            size = path.stat().st_size
            if size > max_bytes:
                raise InputUnreadable(
                    f"{path}: {size / 2**20:.0f} MB is larger than the {max_bytes // 2**20} MB limit; split the file"
                )
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise InputUnreadable(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise InputUnreadable(f"{path}: is a folder") from exc
    except OSError as exc:
        raise InputUnreadable(f"{path}: cannot read: {exc.strerror or exc}") from exc


def decode_input(data: bytes, name: str, what: str = "references") -> tuple[str, list[ImportProblem]]:
    """Bytes to text: UTF-8 (BOM allowed); lines in another encoding are read as
    Windows-1252/Latin-1 and reported, binary files are refused."""
    head = data[:8192]
    if b"\x00" in head or (head and sum(b < 9 or 13 < b < 32 for b in head) > len(head) * 0.05):
        raise InputUnreadable(f"{name}: looks like a binary file, not {what}; nothing read")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    problems: list[ImportProblem] = []
    lines = []
    for number, line in enumerate(data.splitlines(keepends=True), start=1):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(line.decode("cp1252", errors="replace"))
            problems.append(
                ImportProblem(number, "not UTF-8; read as Latin-1/Windows-1252: check its accents and save the file as UTF-8")
            )
    return "".join(lines).lstrip("\ufeff"), problems
