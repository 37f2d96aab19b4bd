"""A full disk, a read-only library and a full or closed stdout: one line, the right exit
code, nothing half-written (never a traceback)."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from vexascite.errors import CannotWrite, LibraryBusy
from vexascite.store import Store
from vexascite.store.failures import library_error


def entries(n: int, start: int = 0) -> str:
    return "".join(
        f"@article{{e{i}, title={{A study of the {i}th kind of inflammation in elderly men}}, "
        f"author={{Author{i}, A. and Other, B.}}, journal={{Blood}}, year={{2020}}, abstract={{{'x' * 400}}}}}\n"
        for i in range(start, start + n)
    )


def limit_pages(monkeypatch: pytest.MonkeyPatch, pragma: str) -> None:
    """Every library opened from here on gets ``pragma`` (a full disk, a read-only file)."""
    configure = Store._configure

    def configured(self: Store) -> None:
        configure(self)
        self.db.execute(pragma)

    monkeypatch.setattr(Store, "_configure", configured)


def ref_count(db: str) -> int:
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return int(conn.execute("select count(*) from refs").fetchone()[0])


def test_a_full_disk_is_exit_5_and_the_file_is_not_half_written(run_cli, tmp_path: Path, monkeypatch) -> None:
    first = tmp_path / "first.bib"
    first.write_text(entries(5), encoding="utf-8")
    assert run_cli("import", str(first)).exit_code == 0
    pages = os.path.getsize(run_cli.db) // 4096 + 20
    limit_pages(monkeypatch, f"PRAGMA max_page_count = {pages}")
    big = tmp_path / "big.bib"
    big.write_text(entries(3000, 100), encoding="utf-8")
    result = run_cli("import", str(big))
    assert result.exit_code == 5, result.output
    assert "disk is full" in result.output and "Traceback" not in result.output
    assert ref_count(run_cli.db) == 5  # the first file whole, nothing of the second
    monkeypatch.undo()
    assert run_cli("import", str(big)).exit_code == 0
    assert ref_count(run_cli.db) == 3005


def test_a_read_only_library_is_exit_5(run_cli, tmp_path: Path, monkeypatch) -> None:
    first = tmp_path / "first.bib"
    first.write_text(entries(2), encoding="utf-8")
    assert run_cli("import", str(first)).exit_code == 0
    limit_pages(monkeypatch, "PRAGMA query_only = ON")
    second = tmp_path / "second.bib"
    second.write_text(entries(2, 10), encoding="utf-8")
    result = run_cli("import", str(second))
    assert result.exit_code == 5, result.output
    assert "read-only" in result.output and "Traceback" not in result.output
    assert ref_count(run_cli.db) == 2
    assert run_cli("list").exit_code == 0  # reading still works


def test_sqlite_errors_map_to_their_meaning() -> None:
    def error(name: str, text: str) -> sqlite3.Error:
        exc = sqlite3.OperationalError(text)
        exc.sqlite_errorname = name  # type: ignore[attr-defined]
        return exc

    assert isinstance(library_error(error("SQLITE_BUSY", "database is locked"), "l.db"), LibraryBusy)
    assert isinstance(library_error(error("SQLITE_FULL", "database or disk is full"), "l.db"), CannotWrite)
    assert isinstance(library_error(error("SQLITE_READONLY", "attempt to write a readonly database"), "l.db"), CannotWrite)
    assert library_error(error("SQLITE_NOTADB", "file is not a database"), "l.db").exit_code == 1
    assert LibraryBusy("x").exit_code == 4 and CannotWrite("x").exit_code == 5


def test_a_file_that_is_not_a_library_is_named_so(tmp_path: Path) -> None:
    fake = tmp_path / "notes.db"
    fake.write_bytes(b"this is not a database, just some bytes " * 200)
    result = subprocess.run(
        [sys.executable, "-m", "vexascite", "--db", str(fake), "list"], capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 1 and "not a vexascite library" in result.stderr and "Traceback" not in result.stderr


@pytest.fixture
def library(tmp_path: Path) -> dict[str, str]:
    bib = tmp_path / "many.bib"
    bib.write_text(entries(400), encoding="utf-8")
    env = {**os.environ, "VEXASCITE_DB": str(tmp_path / "library.db"), "VEXASCITE_CONFIG": str(tmp_path / "none.toml")}
    subprocess.run([sys.executable, "-m", "vexascite", "import", str(bib)], env=env, check=True, capture_output=True, timeout=120)
    return env


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize("command", [["export"], ["list"], ["export", "--format", "ris"]])
def test_a_full_stdout_is_one_line_and_exit_5(library: dict[str, str], command: list[str]) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "vexascite", *command], env=library, stdout=full,
                                stderr=subprocess.PIPE, text=True, timeout=120)
    assert result.returncode == 5, result.stderr
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    assert "disk is full" in result.stderr


@pytest.mark.parametrize("command", [["export"], ["list"], ["claims", "--format", "jsonl"], ["find", "inflammation", "--limit", "400"]])
def test_a_reader_that_goes_away_ends_the_command_quietly(library: dict[str, str], command: list[str]) -> None:
    process = subprocess.Popen([sys.executable, "-m", "vexascite", *command], env=library,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()
    stderr = process.stderr.read()
    assert process.wait(timeout=120) == 0
    assert "Traceback" not in stderr and "Exception ignored" not in stderr and "Broken pipe" not in stderr


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 3 MB tmpfs (needs root and mount rights; skipped otherwise)."""
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small disk needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount_point)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mount_point
    finally:
        if subprocess.run(["umount", str(mount_point)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(mount_point)], capture_output=True)


def test_a_really_full_disk_keeps_library_and_output_whole(small_disk: Path, tmp_path: Path) -> None:
    env = {**os.environ, "VEXASCITE_DB": str(small_disk / "library.db"), "VEXASCITE_CONFIG": str(tmp_path / "none.toml")}

    def vx(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "vexascite", *args], env=env, capture_output=True, text=True, timeout=300)

    first, big = tmp_path / "first.bib", tmp_path / "big.bib"
    first.write_text(entries(5), encoding="utf-8")
    big.write_text(entries(6000, 100), encoding="utf-8")  # ~3 MB of text: more than the disk holds
    assert vx("import", str(first)).returncode == 0
    result = vx("import", str(big))
    assert result.returncode == 5 and "disk is full" in result.stderr and "Traceback" not in result.stderr
    assert ref_count(env["VEXASCITE_DB"]) == 5
    with contextlib.closing(sqlite3.connect(env["VEXASCITE_DB"])) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    out = small_disk / "out.bib"
    out.write_text("old\n", encoding="utf-8")
    filler = small_disk / "filler"
    with open(filler, "wb", buffering=0) as handle, contextlib.suppress(OSError):
        while True:
            handle.write(b"\0" * 65536)
    reading = vx("list")
    assert reading.returncode in (0, 5) and "Traceback" not in reading.stderr
    if reading.returncode == 5:  # SQLite could not make its journal files on the full disk
        assert "disk is full" in reading.stderr
    env["VEXASCITE_DB"] = str(tmp_path / "elsewhere.db")
    assert vx("import", str(first)).returncode == 0
    exported = vx("export", "-o", str(out))
    assert exported.returncode == 5 and "disk is full" in exported.stderr
    assert out.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in small_disk.iterdir() if p.name.endswith(".tmp")) == []


def test_a_library_on_a_read_only_disk_is_read_and_never_written(small_disk: Path, tmp_path: Path) -> None:
    env = {**os.environ, "VEXASCITE_DB": str(small_disk / "library.db"), "VEXASCITE_CONFIG": str(tmp_path / "none.toml")}

    def vx(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "vexascite", *args], env=env, capture_output=True, text=True, timeout=300)

    first, second = tmp_path / "first.bib", tmp_path / "second.bib"
    first.write_text(entries(3), encoding="utf-8")
    second.write_text(entries(2, 50), encoding="utf-8")
    assert vx("import", str(first)).returncode == 0
    remounted = subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], capture_output=True)
    if remounted.returncode != 0:
        pytest.skip("cannot remount read-only here")
    listed = vx("list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == 3
    assert vx("export").returncode == 0
    for args in (["import", str(second)], ["rekey", "e0", "renamed"]):
        result = vx(*args)
        assert result.returncode == 5, result.stderr
        assert "nothing was written" in result.stderr and "Traceback" not in result.stderr
        # said as it is: no permission would help (it was "permission denied" to root too)
        assert "read-only disk or mount" in result.stderr and "permission denied" not in result.stderr


def test_a_folder_given_as_the_library_is_said_to_be_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    for args in (["list"], ["import", str(tmp_path / "none.bib")]):
        result = subprocess.run([sys.executable, "-m", "vexascite", "--db", str(folder), *args],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 5 and "Traceback" not in result.stderr
        assert "it is a folder, not a library file" in result.stderr and str(folder / "library.db") in result.stderr
    assert list(folder.iterdir()) == []


def test_a_library_on_a_read_only_disk_answers_find_suggest_and_claims(small_disk: Path, tmp_path: Path) -> None:
    """``find`` and ``suggest`` keep the search index they build in the library; when it
    was not kept yet, a library on a read-only disk answered them with exit 5."""
    env = {**os.environ, "VEXASCITE_DB": str(small_disk / "library.db"), "VEXASCITE_CONFIG": str(tmp_path / "none.toml")}

    def vx(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "vexascite", *args], env=env, capture_output=True, text=True, timeout=300)

    refs, manuscript = tmp_path / "refs.bib", tmp_path / "paper.md"
    refs.write_text(
        "@article{lung2021, title = {Lung involvement in a fictional autoinflammatory syndrome}, author = {Doe, Jane},"
        " journal = {J Fict Med}, year = 2021, abstract = {Lung infiltrates were seen in half of the patients.}}\n",
        encoding="utf-8")
    manuscript.write_text("# Paper\n\nLung infiltrates are frequent in this syndrome [@lung2021].\n", encoding="utf-8")
    assert vx("import", str(refs)).returncode == 0
    assert vx("link", str(manuscript)).returncode == 0
    with contextlib.closing(sqlite3.connect(env["VEXASCITE_DB"])) as conn:  # as a copy from elsewhere: nothing cached
        conn.execute("delete from search_index")
        conn.execute("delete from citation_evidence")
        conn.commit()
    remounted = subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], capture_output=True)
    if remounted.returncode != 0:
        pytest.skip("cannot remount read-only here")
    found = vx("find", "lung infiltrates")
    assert found.returncode == 0, found.stderr
    assert "lung2021" in found.stdout
    suggested = vx("suggest", "lung infiltrates")
    assert suggested.returncode == 0, suggested.stderr
    assert "lung2021" in suggested.stdout
    claims = vx("claims", "--format", "jsonl")
    assert claims.returncode == 0, claims.stderr
    assert json.loads(claims.stdout.splitlines()[0])["sources"][0]["evidence"]["checked"] is True
    kept = vx("export", "--keep-updated", "-o", str(tmp_path / "kept.bib"))  # said: "nothing was written" alone was untrue
    assert kept.returncode == 5 and "kept.bib was written, but cannot be kept up to date" in kept.stderr
    assert "lung2021" in (tmp_path / "kept.bib").read_text(encoding="utf-8")


def test_a_library_opened_read_only_keeps_no_cache_and_still_answers(tmp_path: Path) -> None:
    from vexascite.api.evidence import INDEX_NAME, attach_evidence, library_searcher
    from vexascite.store import evidence as stored

    db = tmp_path / "library.db"
    with Store.open(db) as store:
        store.db.execute(
            "insert into works (key, type, title, csl, status, created_at, updated_at) values "
            "('lung2021', 'article-journal', 'Lung involvement', ?, 'unresolved', '2024-01-01', '2024-01-01')",
            [json.dumps({"type": "article-journal", "title": "Lung involvement", "abstract": "Lung infiltrates were seen."})],
        )
    reader = Store._open_read_only(str(db))
    try:
        assert reader.read_only
        searcher = library_searcher(reader)  # built, not kept (it raised: the library is read-only)
        assert [c.key for c in searcher.search("lung infiltrates", 3)] == ["lung2021"]
        assert stored.load_index(reader, INDEX_NAME, stored.library_fingerprint(reader)) is None
        attach_evidence(reader, [])
    finally:
        reader.close()


# -- as a user without permission (setpriv to nobody; skipped where that cannot run) -------------------
NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


def _as_nobody(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*NOBODY, sys.executable, "-m", "vexascite", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "VEXASCITE_RATE_FILE": "off"})


@pytest.fixture
def shared_folder(tmp_path: Path) -> Path:
    """A folder everyone may write (as a shared project folder), holding root's library."""
    import shutil
    import tempfile

    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to run a command as another user")
    folder = Path(tempfile.mkdtemp(prefix="vexascite-perm-"))
    folder.chmod(0o777)
    try:
        if subprocess.run([*NOBODY, sys.executable, "-c", "import vexascite"], capture_output=True, timeout=60).returncode:
            pytest.skip("the other user cannot run this Python")
        (folder / "refs.bib").write_text(entries(3), encoding="utf-8")
        (folder / "refs.bib").chmod(0o644)
        assert subprocess.run([sys.executable, "-m", "vexascite", "--db", "library.db", "import", "refs.bib"], cwd=folder,
                              capture_output=True, timeout=120).returncode == 0
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_a_library_another_user_may_not_read_or_write_is_exit_5_and_said(shared_folder: Path) -> None:
    db = shared_folder / "library.db"
    before = db.read_bytes()
    db.chmod(0o600)
    listed = _as_nobody(["--db", "library.db", "list"], shared_folder)
    assert listed.returncode == 5 and "permission denied: you may not read it" in listed.stderr
    assert "Traceback" not in listed.stderr and listed.stdout == ""
    db.chmod(0o644)  # readable: listed; a change is refused whole
    assert _as_nobody(["--db", "library.db", "list"], shared_folder).returncode == 0
    tagged = _as_nobody(["--db", "library.db", "tag", "e0", "+mine"], shared_folder)
    assert tagged.returncode == 5 and "read-only to you (permission denied)" in tagged.stderr
    imported = _as_nobody(["--db", "library.db", "import", "refs.bib", "--force"], shared_folder)
    assert imported.returncode == 5 and "Traceback" not in imported.stderr
    assert db.read_bytes() == before and db.stat().st_uid == 0


def test_an_export_over_a_file_another_user_owns_is_refused_not_replaced(shared_folder: Path) -> None:
    """The folder lets anyone rename over the file: an atomic replace gave root's file to
    the user who exported; now it is refused as the shell's ``>`` would refuse it."""
    target = shared_folder / "theirs.bib"
    target.write_text("kept\n", encoding="utf-8")
    target.chmod(0o644)
    (shared_folder / "library.db").chmod(0o644)
    for command in (["export"], ["format"]):
        result = _as_nobody(["--db", "library.db", *command, "-o", "theirs.bib"], shared_folder)
        assert result.returncode == 5 and "theirs.bib: cannot write (Permission denied" in result.stderr, result.stderr
    assert target.read_text(encoding="utf-8") == "kept\n" and target.stat().st_uid == 0
    assert sorted(p.name for p in shared_folder.iterdir() if p.name.endswith(".tmp")) == []  # no temporary left
    made = _as_nobody(["--db", "library.db", "export", "-o", "mine.bib"], shared_folder)  # a new file: theirs to make
    assert made.returncode == 0 and (shared_folder / "mine.bib").stat().st_uid == 65534


def test_an_export_over_another_users_file_the_user_may_write_keeps_its_owner_group_and_mode(shared_folder: Path) -> None:
    """A file of the project's group, writable by it: replacing it by renaming would make
    it the exporter's (and their group's); it is written in place and stays root's."""
    target = shared_folder / "ours.bib"
    target.write_text("old text, longer than nothing\n" * 200, encoding="utf-8")
    os.chown(target, 0, 65534)
    target.chmod(0o664)
    inode = target.stat().st_ino
    (shared_folder / "library.db").chmod(0o644)
    for command in (["export"], ["format"]):
        result = _as_nobody(["--db", "library.db", *command, "-o", "ours.bib"], shared_folder)
        assert result.returncode == 0, result.stderr
        info = target.stat()
        assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode), info.st_ino) == (0, 65534, 0o664, inode)
        printed = _as_nobody(["--db", "library.db", *command], shared_folder).stdout
        assert printed and target.read_text(encoding="utf-8") == printed
    assert sorted(p.name for p in shared_folder.iterdir() if p.name.endswith(".tmp")) == []


def test_a_library_of_the_last_version_is_read_as_it_is_where_it_cannot_be_migrated(tmp_path: Path) -> None:
    """Version 8 lacks only the merge's kept identifiers: on a read-only disk it is read
    (nothing kept, nothing to add); an older one is refused, saying where to open it."""
    import sqlite_utils

    from vexascite.store.schema import MIGRATIONS

    for version in (8, 7):
        path = tmp_path / f"v{version}.db"
        db = sqlite_utils.Database(path)
        for number, migrate in enumerate(MIGRATIONS[:version]):
            migrate(db)
            db.execute(f"PRAGMA user_version = {number + 1}")
        db["works"].insert({"id": 1, "key": "lung2021", "status": "unresolved", "title": "Lung involvement",
                            "csl": json.dumps({"title": "Lung involvement", "DOI": "10.5555/lung"})})
        db["user_edits"].insert({"work_id": 1, "field": "note", "value": json.dumps("read"), "edited_at": "2024-01-01"})
        db.conn.commit()
        db.close()
        if version == 7:
            with pytest.raises(CannotWrite, match="open it where it can be written"):
                Store._open_read_only(str(path))
            continue
        reader = Store._open_read_only(str(path))
        try:
            assert reader.work_sources(1) == [("user", {"note": "read"})]
        finally:
            reader.close()


def test_check_on_a_library_another_user_may_not_write_checks_in_a_copy_and_says_links_were_not_saved(
    shared_folder: Path,
) -> None:
    """``check`` links the manuscript first, which writes: on a library the user may only read
    it ended with exit 5 and checked nothing. Now it checks (linked in a temporary copy, gone
    afterwards), says the links were not saved and why, and leaves the library as it was; the
    commands that only read answer as well."""
    db = shared_folder / "library.db"
    kept = shared_folder / "kept.bib"  # a kept-up-to-date export the user could write: the copy must not
    assert subprocess.run([sys.executable, "-m", "vexascite", "--db", "library.db", "export", "--keep-updated", "-o", "kept.bib"],
                          cwd=shared_folder, capture_output=True, timeout=120).returncode == 0
    kept.chmod(0o666)
    exported = kept.read_bytes()
    db.chmod(0o644)
    paper = shared_folder / "paper.md"
    paper.write_text("# Paper\n\nInflammation in elderly men is common [@e0]. It was studied twice [1].\n\n"
                     "## References\n\n1. Author1 A, Other B. A study of the 1th kind of inflammation in elderly men. "
                     "Blood. 2020;1:1-2.\n", encoding="utf-8")
    paper.chmod(0o644)
    before = db.read_bytes()
    checked = _as_nobody(["--db", "library.db", "check", "paper.md", "--format", "json"], shared_folder)
    assert checked.returncode == 0, checked.stderr
    assert "Traceback" not in checked.stderr
    assert "its links were not saved in the library" in checked.stderr and "read-only to you" in checked.stderr
    findings = json.loads(checked.stdout)
    assert findings["findings"] is not None
    assert db.read_bytes() == before
    assert kept.read_bytes() == exported and "kept-up-to-date export" not in checked.stderr
    assert {p.name for p in shared_folder.iterdir()} <= {"library.db", "library.db-wal", "library.db-shm", "paper.md", "refs.bib",
                                                         "kept.bib"}
    for args in (["find", "inflammation"], ["suggest", "inflammation in elderly men"], ["show", "e0"],
                 ["export"], ["claims"], ["list"]):
        result = _as_nobody(["--db", "library.db", *args], shared_folder)
        assert result.returncode == 0 and "Traceback" not in result.stderr, (args, result.stderr)
    assert db.read_bytes() == before
