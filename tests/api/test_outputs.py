"""Files written for the user: through symlinks, keeping modes, never replacing devices,
FIFOs or directories (``export -o`` and ``format -o`` through the CLI)."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from vexascite.api.outputs import write_output

BIB = "@article{a, title={Somatic mutations in UBA1}, author={Beck, D B}, journal={N Engl J Med}, year={2020}}\n"


@pytest.fixture
def run(run_cli, tmp_path: Path):
    source = tmp_path / "refs.bib"
    source.write_text(BIB, encoding="utf-8")
    assert run_cli("import", str(source)).exit_code == 0
    return run_cli


@pytest.mark.parametrize("command", [["export"], ["format"]])
def test_through_a_symlink_the_target_is_written(run, tmp_path: Path, command: list[str]) -> None:
    target = tmp_path / "shared" / "refs.out"
    target.parent.mkdir()
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.out"
    link.symlink_to(target)
    result = run(*command, "-o", str(link))
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert "Somatic mutations" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", [["export"], ["format"]])
def test_missing_folders_are_made_and_said(run, tmp_path: Path, command: list[str]) -> None:
    target = tmp_path / "a" / "b" / "x.out"
    first = run(*command, "-o", str(target))
    assert first.exit_code == 0, first.output
    assert f"created folder {target.parent}" in first.stderr and "Somatic" in target.read_text(encoding="utf-8")
    again = run(*command, "-o", str(target))
    assert again.exit_code == 0 and "created folder" not in again.stderr
    assert "created folder" not in run(*command, "-o", str(tmp_path / "a" / "y.out")).stderr  # the folder was there


def test_a_dangling_symlink_creates_its_target(run, tmp_path: Path) -> None:
    link = tmp_path / "link.bib"
    link.symlink_to(tmp_path / "made.bib")
    assert run("export", "-o", str(link)).exit_code == 0
    assert link.is_symlink() and "Somatic" in (tmp_path / "made.bib").read_text(encoding="utf-8")


def test_an_existing_file_keeps_its_mode_and_a_new_one_follows_the_umask(run, tmp_path: Path) -> None:
    existing = tmp_path / "refs.bib.out"
    existing.write_text("old\n", encoding="utf-8")
    existing.chmod(0o644)
    group_only = tmp_path / "group.bib"
    group_only.write_text("old\n", encoding="utf-8")
    group_only.chmod(0o640)
    assert run("export", "-o", str(existing)).exit_code == 0
    assert run("export", "-o", str(group_only)).exit_code == 0
    assert stat.S_IMODE(existing.stat().st_mode) == 0o644
    assert stat.S_IMODE(group_only.stat().st_mode) == 0o640
    old = os.umask(0o022)
    try:
        assert run("export", "-o", str(tmp_path / "new.bib")).exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.bib").stat().st_mode) == 0o644
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_device_is_written_to_never_replaced(run) -> None:
    before = os.stat("/dev/null")
    result = run("export", "-o", "/dev/null")
    assert result.exit_code == 0, result.output
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino and after.st_rdev == before.st_rdev


def test_a_symlink_to_a_device_is_not_replaced(run, tmp_path: Path) -> None:
    link = tmp_path / "sink"
    link.symlink_to("/dev/null")
    assert run("format", "-o", str(link)).exit_code == 0
    assert link.is_symlink() and stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.parametrize("command", [["export"], ["format"]])
def test_a_directory_is_refused_clearly(run, tmp_path: Path, command: list[str]) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "keep.txt").write_text("kept", encoding="utf-8")
    result = run(*command, "-o", str(folder))
    assert result.exit_code == 2
    assert "directory" in result.output
    assert folder.is_dir() and (folder / "keep.txt").read_text(encoding="utf-8") == "kept"
    link = tmp_path / "dirlink"
    link.symlink_to(folder)
    assert run(*command, "-o", str(link)).exit_code == 2
    assert link.is_symlink() and folder.is_dir()


def test_write_output_refuses_a_directory_even_without_the_cli_check(tmp_path: Path) -> None:
    from vexascite.errors import UsageError

    with pytest.raises(UsageError, match="is a directory"):
        write_output(tmp_path, "text")


def test_a_fifo_is_streamed_to(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    assert write_output(fifo, "through the pipe\n").how == "streamed"
    reader.join(timeout=10)
    assert received == [b"through the pipe\n"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_a_full_device_is_exit_5_and_stays_a_device(run) -> None:
    result = run("export", "-o", "/dev/full")
    assert result.exit_code == 5, result.output
    assert "disk is full" in result.output
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


@pytest.mark.parametrize("command", [["export"], ["format"]])
def test_the_library_and_its_journal_are_never_replaced(run, tmp_path: Path, command: list[str]) -> None:
    """'export -o library.db' replaced the library with its own export: every work lost."""
    library = Path(run.db)
    before = library.read_bytes()
    alias = tmp_path / "library-export.bib"
    alias.symlink_to(library)
    for target in (library, Path(str(library) + "-wal"), alias):
        result = run(*command, "-o", str(target))
        assert result.exit_code == 2, result.output
        assert "is an SQLite database or its journal" in result.stderr and "nothing was written" in result.stderr
    assert library.read_bytes() == before and not Path(str(library) + "-wal").exists()
    assert run("list").exit_code == 0
    other = tmp_path / "other.bib"
    assert run(*command, "-o", str(other)).exit_code == 0 and other.stat().st_size > 0
