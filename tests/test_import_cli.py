"""Import from the command line: idempotency, formats agreeing, bad input and exit codes."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data" / "import"


def library_snapshot(db: str) -> tuple:
    conn = sqlite3.connect(db)
    try:
        works = conn.execute("select key, csl from works order by key").fetchall()
        refs = conn.execute("select count(*) from refs").fetchone()[0]
        return works, refs
    finally:
        conn.close()


def test_import_twice_leaves_the_same_library(run_cli):
    first = run_cli("import", str(DATA / "same.bib"), str(DATA / "accents.bib"))
    assert first.exit_code == 0, first.output
    before = library_snapshot(run_cli.db)
    second = run_cli("import", str(DATA / "same.bib"), str(DATA / "accents.bib"))
    assert second.exit_code == 0
    assert "unchanged" in second.stderr
    assert library_snapshot(run_cli.db) == before
    forced = run_cli("import", "--force", str(DATA / "same.bib"), str(DATA / "accents.bib"))
    assert forced.exit_code == 0, forced.output
    assert library_snapshot(run_cli.db) == before


def test_a_file_read_again_in_another_format_is_read_as_asked(run_cli):
    """A .bib first read with --format ris (nothing found) was 'unchanged, skipped' when
    imported again as BibTeX; and an unknown --format passed unnoticed on unchanged files."""
    bib = str(DATA / "same.bib")
    wrong = run_cli("import", "--format", "ris", bib)
    assert json.loads(run_cli("stats", "--json").stdout)["references"] == 0, wrong.stderr
    again = run_cli("import", bib)
    assert "unchanged" not in again.stderr and json.loads(run_cli("stats", "--json").stdout)["references"] > 0
    assert "unchanged" in run_cli("import", bib).stderr
    typo = run_cli("import", "--format", "BibTeX", bib)
    assert typo.exit_code == 2 and "unknown format 'BibTeX'" in typo.stderr


def set_importer_version(db: str, name: str, version: str | None) -> None:
    conn = sqlite3.connect(db)
    try:
        with conn:
            conn.execute("update sources set importer_version = ? where path like ?", [version, f"%{name}"])
    finally:
        conn.close()


def test_a_file_an_older_importer_read_is_read_again_once_without_duplicates(run_cli):
    from vexascite.importers import IMPORTER_VERSION

    files = [str(DATA / "same.bib"), str(DATA / "accents.bib")]
    assert run_cli("import", *files).exit_code == 0
    before = library_snapshot(run_cli.db)
    set_importer_version(run_cli.db, "same.bib", str(int(IMPORTER_VERSION) - 1))
    set_importer_version(run_cli.db, "accents.bib", None)  # a read that recorded no version
    again = run_cli("import", *files)
    assert again.exit_code == 0, again.stderr
    assert again.stderr.count("re-read: importer changed") == 2 and "unchanged" not in again.stderr
    assert library_snapshot(run_cli.db) == before  # same works, same keys, no duplicate references
    assert run_cli("import", *files).stderr.count("unchanged, skipped") == 2  # the new version was recorded
    set_importer_version(run_cli.db, "same.bib", str(int(IMPORTER_VERSION) + 1))  # a newer vexascite read it
    assert run_cli("import", *files).stderr.count("unchanged, skipped") == 2


def test_forced_reimport_keeps_keys(run_cli):
    run_cli("import", str(DATA / "accents.bib"))
    keys = [k for k, _ in library_snapshot(run_cli.db)[0]]
    run_cli("import", "--force", str(DATA / "accents.bib"))
    assert [k for k, _ in library_snapshot(run_cli.db)[0]] == keys


def test_same_works_in_four_formats_are_not_duplicated(run_cli):
    for name in ("same.bib", "same.json", "same.ris", "same.nbib", "ids.txt"):
        result = run_cli("import", str(DATA / name))
        assert result.exit_code == 0, result.stderr
    listed = json.loads(run_cli("list", "--json").stdout)
    titles = sorted(item.get("title", "") for item in listed)
    # three works plus the letter known only by its DOI
    assert len(listed) == 4, titles
    jachiet = next(item for item in listed if item.get("DOI", "").lower() == "10.1182/blood.2024028133")
    assert jachiet["PMID"] == "40373272"
    shown = json.loads(run_cli("show", jachiet["key"], "--json").stdout)
    formats = sorted(ref["format"] for ref in shown["references"])
    assert formats == ["bibtex", "csl-json", "identifier", "identifier", "medline", "ris"]


def test_bad_bibtex_imports_the_good_entries_and_names_the_lines(run_cli):
    result = run_cli("import", str(DATA / "bad.bib"))
    assert result.exit_code == 3
    assert "bad.bib:6 [good1]: duplicate key" in result.stderr
    assert "bad.bib:11: not a valid BibTeX entry" in result.stderr
    titles = {item["title"] for item in json.loads(run_cli("list", "--json").stdout)}
    assert "Benign and malignant hematologic manifestations in patients with VEXAS syndrome" in titles
    assert "A second entry reusing the key" in titles
    stats = json.loads(run_cli("stats", "--json").stdout)
    assert stats["failed_references"] == 1 and stats["duplicate_keys"] == 1


def test_truncated_file(run_cli, tmp_path):
    path = tmp_path / "truncated.bib"
    path.write_text((DATA / "same.bib").read_text()[:700])
    result = run_cli("import", str(path))
    assert result.exit_code == 3
    assert "truncated.bib:12" in result.stderr
    assert len(json.loads(run_cli("list", "--json").stdout)) == 2


def test_latin1_bytes_are_reported_by_line_and_read(run_cli, tmp_path):
    path = tmp_path / "latin1.bib"
    path.write_bytes("@article{x,\n  title = {Caf\u00e9 au lait},\n  author = {M\u00fcller, A.}, year = 2020}\n".encode("latin-1"))
    result = run_cli("import", str(path))
    assert result.exit_code == 3
    assert "latin1.bib:2: not UTF-8" in result.stderr and "latin1.bib:3: not UTF-8" in result.stderr
    item = json.loads(run_cli("list", "--json").stdout)[0]
    assert item["title"] == "Caf\u00e9 au lait" and item["author"][0]["family"] == "M\u00fcller"


def test_binary_file_is_refused_and_others_still_imported(run_cli, tmp_path):
    binary = tmp_path / "image.bib"
    binary.write_bytes(bytes(range(256)) * 8)
    result = run_cli("import", str(binary), str(DATA / "same.bib"))
    assert result.exit_code == 5
    assert "image.bib: looks like a binary file" in result.stderr
    assert len(json.loads(run_cli("list", "--json").stdout)) == 3
    stats = json.loads(run_cli("stats", "--json").stdout)
    assert stats["sources"] == 1


def test_empty_and_missing_files(run_cli, tmp_path):
    empty = tmp_path / "empty.bib"
    empty.write_text("")
    result = run_cli("import", str(empty))
    assert result.exit_code == 3 and "empty.bib: file is empty" in result.stderr
    missing = run_cli("import", str(tmp_path / "nope.bib"))
    assert missing.exit_code == 5 and "nope.bib: no such file" in missing.stderr


def test_a_failing_file_writes_nothing(run_cli, tmp_path, monkeypatch):
    from vexascite.store import Store

    def explode(self, rows):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Store, "insert_refs", explode)
    with pytest.raises(RuntimeError):
        run_cli("import", str(DATA / "same.bib"))
    monkeypatch.undo()
    conn = sqlite3.connect(run_cli.db)
    assert conn.execute("select count(*) from works").fetchone()[0] == 0
    assert conn.execute("select count(*) from sources").fetchone()[0] == 0


@pytest.mark.slow
def test_fifty_megabyte_file_imports_good_entries_around_a_bad_one(run_cli, tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bibgen import generate

    body = generate(2000, seed=7)
    path = tmp_path / "big.bib"
    with path.open("w", encoding="utf-8") as out:
        copies = 0
        while out.tell() < 50 * 1024 * 1024:
            out.write(body.replace("{key", f"{{c{copies}key").replace("{paper", f"{{c{copies}paper").replace("{proc", f"{{c{copies}proc").replace("crossref = {proc", f"crossref = {{c{copies}proc"))
            if copies == 3:
                out.write("\n@article{broken, title = {never closed,\n")
            copies += 1
    result = run_cli("import", str(path))
    assert result.exit_code == 3
    assert "big.bib:" in result.stderr and "not a valid BibTeX entry" in result.stderr
    stats = json.loads(run_cli("stats", "--json").stdout)
    assert stats["references"] > 100_000


def test_list_query_show_and_stats(run_cli):
    run_cli("import", str(DATA / "same.bib"), str(DATA / "accents.bib"))
    hits = json.loads(run_cli("list", "JAK (inhibitors) AND \"meta", "--json").stdout)
    assert hits[0]["title"].startswith("Venous thromboembolism risk with JAK inhibitors")
    accent_hit = json.loads(run_cli("list", "Riviere", "--json").stdout)
    assert accent_hit and accent_hit[0]["key"] == "comont2022azacitidine"
    shown = run_cli("show", "comont2022azacitidine", "--provenance")
    assert shown.exit_code == 0 and "accents.bib:5" in shown.stdout and "bibtex" in shown.stdout
    missing = run_cli("show", "nokey")
    assert missing.exit_code == 1 and "no work with key 'nokey'" in missing.stderr
    stats = json.loads(run_cli("stats", "--json").stdout)
    assert stats["works"] == 6 and stats["references_by_format"] == {"bibtex": 6}


def test_duplicates_lists_near_misses_and_merge_keeps_every_field(run_cli, tmp_path):
    path = tmp_path / "near.bib"
    path.write_text(
        "@article{a, author={Beck, D.}, title={Somatic mutations in UBA1 and severe adult-onset autoinflammatory disease}, year=2020, volume={383}}\n"
        "@article{b, author={Beck, D.}, title={Somatic mutation in UBA1 and severe adult onset autoinflammatory disease}, year=2020, pages={2628--2638}, annote={x}}\n"
    )
    run_cli("import", str(path))
    pairs = json.loads(run_cli("duplicates", "--json").stdout)
    assert len(pairs) == 1
    keep, drop = pairs[0]["a"], pairs[0]["b"]
    assert run_cli("merge", keep, drop).exit_code == 0
    listed = json.loads(run_cli("list", "--json").stdout)
    assert len(listed) == 1 and listed[0]["key"] == keep
    assert listed[0]["volume"] == "383" and listed[0]["page"] == "2628-2638"
    shown = json.loads(run_cli("show", keep, "--json").stdout)
    assert len(shown["references"]) == 2


def test_keys_change_only_on_request(run_cli):
    run_cli("import", str(DATA / "ids.txt"))
    keys = {item["key"] for item in json.loads(run_cli("list", "--json").stdout)}
    assert "pmid40373272" in keys
    assert run_cli("rekey", "pmid40373272", "jachiet2025").stdout.strip() == "jachiet2025"
    taken = run_cli("rekey", "jachiet2025", "doi_10_1182_blood_2022016642")
    assert taken.exit_code == 2 and "already used" in taken.stderr
    assert run_cli("rekey", "jachiet2025").stdout.strip() == "pmid40373272"


def test_bundled_bibliography_imports_cleanly_and_twice_gives_the_same_library(run_cli):
    bib = Path(__file__).resolve().parents[1] / "bib"
    first = run_cli("import", str(bib))
    assert first.exit_code == 0, first.stderr
    before = library_snapshot(run_cli.db)
    stats = json.loads(run_cli("stats", "--json").stdout)
    assert stats["failed_references"] == 0 and stats["works"] >= 35
    assert run_cli("import", str(bib)).exit_code == 0
    assert library_snapshot(run_cli.db) == before
    assert json.loads(run_cli("stats", "--json").stdout) == stats


def test_a_folder_walk_passes_documentation_by_and_says_so(run_cli, tmp_path):
    """The bundled bib/README.md was read as a reference list: its prose, which names a
    letter's DOI, became that letter's title when the .bib entry (DOI, journal and year
    only) was matched to it."""
    folder = tmp_path / "refs"
    folder.mkdir()
    (folder / "README.md").write_text(
        "# refs/: what these files hold\n\nThe entries of the previous letter (DOI 10.5555/letter.prev),\n"
        "written from what the seeds print, as Blood 2022 states them; nothing from memory.\n", encoding="utf-8")
    (folder / "letter.bib").write_text("@article{anon2022, journal = {Blood}, year = {2022}, doi = {10.5555/letter.prev}}\n", encoding="utf-8")
    walked = run_cli("import", str(folder))
    assert walked.exit_code == 0, walked.stderr
    assert "README.md: documentation, not references: skipped in a folder" in walked.stderr
    listed = json.loads(run_cli("list", "--json").stdout)
    assert [(w["key"], w.get("title")) for w in listed] == [("anon2022", None)]
    report = json.loads(run_cli("import", str(folder), "--json").stdout)
    assert [f["status"] for f in report if f["path"].endswith("README.md")] == ["skipped"]
    named = run_cli("import", str(folder / "README.md"))  # named, it is read as any text file
    assert "skipped" not in named.stderr and "README.md (text)" in named.stderr
    (tmp_path / "empty").mkdir()
    nothing = run_cli("import", str(folder / "letter.bib"), str(tmp_path / "empty"))  # a folder named for nothing: said
    assert nothing.exit_code == 0 and "empty: a folder with no reference files in it" in nothing.stderr


def test_a_folder_walk_says_what_it_passed_by_that_is_no_file(run_cli, tmp_path):
    """A dangling link, a pipe or a device named like a reference file, and a link to a
    folder (not followed: links can loop), were passed by without a word."""
    folder = tmp_path / "refs"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.bib").write_text("@article{a1, title = {Walked into}, year = 2020}\n", encoding="utf-8")
    (folder / "gone.bib").symlink_to(tmp_path / "nowhere.bib")
    os.mkfifo(folder / "pipe.ris")
    (folder / "zero.bib").symlink_to("/dev/zero")
    (folder / "sub" / "loop").symlink_to(folder)
    walked = run_cli("import", str(folder))
    assert walked.exit_code == 0, walked.stderr
    assert "gone.bib: a link to " in walked.stderr and "which does not exist" in walked.stderr
    assert "pipe.ris: not a regular file" in walked.stderr and "zero.bib: not a regular file" in walked.stderr
    assert "loop: a link to a folder: not walked into" in walked.stderr
    assert [w["key"] for w in json.loads(run_cli("list", "--json").stdout)] == ["a1"]


def test_a_folder_walk_names_a_folder_it_cannot_read(run_cli, tmp_path, monkeypatch):
    """A sub-folder without read permission was left out without a word."""
    folder = tmp_path / "refs"
    (folder / "locked").mkdir(parents=True)
    (folder / "a.bib").write_text("@article{a1, title = {Walked into}, year = 2020}\n", encoding="utf-8")
    (folder / "locked" / "b.bib").write_text("@article{b1, title = {Behind a lock}, year = 2020}\n", encoding="utf-8")
    scandir = os.scandir

    def locked(path):  # as chmod 000 does for anyone but root
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", locked)
    walked = run_cli("import", str(folder))
    assert walked.exit_code == 0, walked.stderr
    assert "locked: a folder that cannot be read (Permission denied); nothing imported from it" in walked.stderr
    assert [w["key"] for w in json.loads(run_cli("list", "--json").stdout)] == ["a1"]


def test_a_folder_walk_reads_json_lines_and_names_the_documents_it_leaves(run_cli, tmp_path):
    """What 'vexascite parse' writes (JSON Lines, .jsonl) was passed by in a folder, and so
    were Word and PDF documents, without a word."""
    folder = tmp_path / "refs"
    folder.mkdir()
    (folder / "parsed.jsonl").write_text(
        '{"type": "article-journal", "title": "A first parsed line"}\n{"type": "book", "title": "A second parsed line"}\n',
        encoding="utf-8")
    (folder / "paper.docx").write_bytes(b"PK\x03\x04 not read")
    (folder / "paper.pdf").write_bytes(b"%PDF-1.4 not read")
    walked = run_cli("import", str(folder))
    assert walked.exit_code == 0, walked.stderr
    assert "parsed.jsonl (csl-json): 2 references" in walked.stderr
    for name in ("paper.docx", "paper.pdf"):
        assert f"{name}: a Word or PDF document: not read in a folder walk; name it" in walked.stderr
    assert len(json.loads(run_cli("list", "--json").stdout)) == 2


def test_works_sharing_an_identifier_are_listed_first_and_merged_keys_still_resolve(run_cli, tmp_path):
    path = tmp_path / "twice.json"
    path.write_text(
        '[{"id": "a2025", "type": "article-journal", "title": "A first title", "DOI": "10.1182/blood.2024028133"},'
        ' {"id": "b2025", "type": "article-journal", "title": "Another title", "PMID": "40373272"}]'
    )
    run_cli("import", str(path))
    # as if a resolver had found the DOI of the second work
    conn = sqlite3.connect(run_cli.db)
    conn.execute("update works set doi = '10.1182/blood.2024028133' where key = 'b2025'")
    conn.commit()
    conn.close()
    pairs = json.loads(run_cli("duplicates", "--json").stdout)
    assert (pairs[0]["a"], pairs[0]["b"], pairs[0]["score"]) == ("a2025", "b2025", 100.0)
    assert run_cli("merge", "a2025", "b2025").exit_code == 0
    from vexascite.store import Store
    from vexascite.store.claims import work_ids_by_key

    store = Store.open(run_cli.db)
    keys = work_ids_by_key(store)
    assert keys["b2025"] == keys["a2025"]
    store.close()


def test_a_file_no_rule_foresaw_is_one_warning_and_the_batch_goes_on(run_cli, tmp_path, monkeypatch):
    """Its report line read 'file.bib (None): 0 references, ...' under the warning."""
    import vexascite.api.importing as importing

    good, odd = tmp_path / "good.bib", tmp_path / "odd.bib"
    good.write_text("@article{g1, title = {Imported}, year = 2020}\n", encoding="utf-8")
    odd.write_text("@article{o1, title = {Odd}, year = 2020}\n", encoding="utf-8")
    real = importing.import_file

    def import_file(store, path, *args, **kwargs):
        if path.name == "odd.bib":
            raise ValueError("a case no rule foresaw")
        return real(store, path, *args, **kwargs)

    monkeypatch.setattr(importing, "import_file", import_file)
    result = run_cli("import", str(odd), str(good))
    assert result.exit_code == 3
    assert "odd.bib: could not be imported (ValueError: a case no rule foresaw); nothing written from it" in result.stderr
    assert "(None)" not in result.stderr and "good.bib (bibtex): 1 reference," in result.stderr


def test_the_closing_line_says_nothing_was_imported_when_nothing_was(run_cli, tmp_path: Path):
    empty, binary, good = tmp_path / "empty.bib", tmp_path / "blob.bib", tmp_path / "good.bib"
    empty.write_text("", encoding="utf-8")
    binary.write_bytes(bytes(range(256)) * 40)
    good.write_text("@article{good2020, title = {Good}, author = {Good, A.}, year = {2020}}\n", encoding="utf-8")
    alone = run_cli("import", str(empty))
    assert alone.exit_code == 3 and "1 problem in the input; no entry was imported" in alone.stderr
    unreadable = run_cli("import", str(binary))
    assert unreadable.exit_code == 5 and "1 file could not be read; nothing was imported" in unreadable.stderr
    both = run_cli("import", str(binary), str(good))
    assert both.exit_code == 5 and "1 file could not be read; the others were imported" in both.stderr
    problems = run_cli("import", str(empty), str(good), "--force")
    assert problems.exit_code == 3 and "1 problem in the input; the good entries were imported" in problems.stderr


def test_a_file_emptied_or_read_as_the_wrong_format_keeps_its_works(run_cli, tmp_path: Path):
    bib = tmp_path / "export.bib"
    text = (
        "@article{inv2021one, title = {One invented study}, author = {Inv, A.}, year = {2021}, doi = {10.5555/inv.one}}\n"
        "@article{inv2022two, title = {Two invented studies}, author = {Inv, B.}, year = {2022}}\n"
    )
    bib.write_text(text, encoding="utf-8")
    assert run_cli("import", str(bib)).exit_code == 0
    before = library_snapshot(run_cli.db)
    for content, args in (("", ()), ("@article{half, title = {Trunc", ()), (text, ("--format", "ris"))):
        bib.write_text(content, encoding="utf-8")  # a reference manager's export caught half-written, or a wrong --format
        result = run_cli("import", *args, str(bib))
        assert result.exit_code == 5, result.output
        assert "now holds no reference readable as" in result.stderr and "held 2 works (inv2021one, inv2022two)" in result.stderr
        assert library_snapshot(run_cli.db) == before
    listed = tmp_path / "list.txt"  # a document's list may go in an edit: read as it is now
    listed.write_text("1. Inv C. Three invented studies. J Inv. 2020;1:1-2.\n2. Inv D. Four invented studies. J Inv. 2021;2:3-4.\n",
                      encoding="utf-8")
    assert run_cli("import", str(listed)).exit_code == 0
    listed.write_text("No list here any more.\n", encoding="utf-8")
    emptied = run_cli("import", str(listed))
    assert emptied.exit_code == 0 and "now holds no reference" not in emptied.stderr
    assert "2 works no longer in the file and held by nothing else were removed" in emptied.stderr


def test_works_a_changed_file_no_longer_holds_are_said_when_removed(run_cli, tmp_path: Path):
    bib = tmp_path / "refs.bib"
    one = "@article{inv2021one, title = {One invented study}, author = {Inv, A.}, year = {2021}}\n"
    two = "@article{inv2022two, title = {Two invented studies}, author = {Inv, B.}, year = {2022}}\n"
    three = "@article{inv2023three, title = {Three invented studies}, author = {Inv, C.}, year = {2023}}\n"
    bib.write_text(one + two + three, encoding="utf-8")
    assert run_cli("import", str(bib)).exit_code == 0
    assert run_cli("tag", "inv2023three", "+keep").exit_code == 0  # a tag holds it: it stays
    bib.write_text(one, encoding="utf-8")
    result = run_cli("import", str(bib), "--json")
    assert result.exit_code == 0, result.output
    assert "1 work no longer in the file and held by nothing else was removed from the library (inv2022two)" in result.stderr
    assert json.loads(result.stdout)[0]["removed"] == ["inv2022two"]
    assert [w["key"] for w in json.loads(run_cli("list", "--json").stdout)] == ["inv2021one", "inv2023three"]


def test_an_entry_key_that_names_another_work_is_said_with_the_key_its_work_got(run_cli, tmp_path: Path):
    first, second = tmp_path / "first.bib", tmp_path / "second.json"
    first.write_text("@article{inv2020, title = {Alpha invented study of thrombosis}, author = {Inv, A.}, year = {2020}}\n",
                     encoding="utf-8")
    second.write_text(json.dumps([{"id": "inv2020", "type": "article-journal", "title": "Beta invented trial of azacitidine",
                                   "author": [{"family": "Inv", "given": "B."}], "issued": {"date-parts": [[2020]]}}]),
                      encoding="utf-8")
    assert "already names" not in run_cli("import", str(first)).stderr
    result = run_cli("import", str(second))
    assert result.exit_code == 0, result.output
    listed = {w["key"]: w["title"] for w in json.loads(run_cli("list", "--json").stdout)}
    beta = next(key for key, title in listed.items() if title.startswith("Beta"))
    assert beta != "inv2020" and listed["inv2020"].startswith("Alpha")
    assert f"1 entry key already names another work of the library, so its entry has another key: inv2020 (line 1) is {beta}" \
        in result.stderr
    again = run_cli("import", str(first), "--force")  # its own key: nothing to say
    assert again.exit_code == 0 and "already names" not in again.stderr


def test_a_dash_imports_standard_input(tmp_path: Path):
    import subprocess
    import sys

    db = str(tmp_path / "library.db")
    for title in ("Piped invented study", "Second piped invented study"):  # each piped input is its own
        bib = f"@article{{{title.split()[0].lower()}2020, title = {{{title}}}, author = {{Pipe, A.}}, year = {{2020}}}}\n"
        done = subprocess.run([sys.executable, "-m", "vexascite", "--db", db, "import", "-"], input=bib.encode(),
                              capture_output=True, timeout=120, check=False)
        assert done.returncode == 0, done.stderr
        assert b"(bibtex): 1 reference, 1 new work" in done.stderr and b"no such file" not in done.stderr
    listed = subprocess.run([sys.executable, "-m", "vexascite", "--db", db, "list", "--json"], capture_output=True, check=True)
    assert sorted(w["title"] for w in json.loads(listed.stdout)) == ["Piped invented study", "Second piped invented study"]


def test_parse_sends_a_reference_file_to_import_and_reads_a_text_list(run_cli, tmp_path: Path):
    ris = tmp_path / "refs.ris"
    ris.write_text("TY  - JOUR\nTI  - An invented article\nAU  - Inv, A.\nPY  - 2020\nER  - \n", encoding="utf-8")
    refused = run_cli("parse", str(ris))
    assert refused.exit_code == 2 and refused.stdout == ""
    assert f"a RIS file, its references already field by field: 'vexascite import {ris}' reads it" in refused.stderr
    text = tmp_path / "refs.txt"  # the same bytes under a text name: strings, parsed
    text.write_text("1. Inv A. An invented article. J Inv. 2020;1:1-2.\n", encoding="utf-8")
    assert run_cli("parse", str(text)).exit_code == 0


def test_a_library_is_never_read_as_references_or_a_manuscript(run_cli, tmp_path: Path):
    bib = tmp_path / "one.bib"
    bib.write_text("@article{one2020, title = {One invented study of UBA1}, author = {One, A.}, year = {2020}}\n",
                   encoding="utf-8")
    assert run_cli("import", str(bib)).exit_code == 0
    before = library_snapshot(run_cli.db)
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(Path(run_cli.db).read_bytes())
    for args in (("import", run_cli.db), ("import", str(copy), str(bib)), ("check", str(copy)), ("link", run_cli.db),
                 ("parse", str(copy))):  # 'vexascite import *' in the library's folder names it
        result = run_cli(*args)
        assert result.exit_code == 5, (args, result.output)
        assert "an SQLite database or its journal (a vexascite library?), not references; nothing read" in result.stderr
    assert library_snapshot(run_cli.db) == before


def test_a_manuscript_whose_list_is_gone_is_linked_and_checked_as_it_is_now(run_cli, tmp_path: Path):
    manuscript = tmp_path / "paper.md"
    manuscript.write_text("# Intro\n\nUBA1 is mutated in VEXAS [1].\n\n## References\n\n"
                          "1. Inv A. One invented study of UBA1. J Inv. 2020;1:1-2.\n", encoding="utf-8")
    assert run_cli("link", str(manuscript)).exit_code == 0
    manuscript.write_text("# Intro\n\nUBA1 is mutated in VEXAS.\n", encoding="utf-8")
    assert run_cli("link", str(manuscript)).exit_code == 0
    checked = run_cli("check", str(manuscript), "--format", "json")
    assert checked.exit_code == 0
    assert [f["kind"] for f in json.loads(checked.stdout)["findings"]] == ["no-citations"]  # no stale list's entries


def test_a_manuscript_that_drops_its_list_leaves_no_work_without_a_record(run_cli, tmp_path):
    """Linked, then edited so its list is gone and linked again: a work something else held
    (a tag, another manuscript's citation) lost its only record and stayed with no field at
    all, and the works nothing else held went without a word. Now the held ones keep their
    earlier entries (``dropped``) and are named; the others are removed and named."""
    import json

    paper = tmp_path / "paper.md"
    body = "# A study\n\nVacuoles are seen in invented marrow [1]. Fictional drugs help [2]. Nothing else [3].\n"
    paper.write_text(body + "\n## References\n\n"
                     "1. Quill A, Rook B. Vacuoles in invented marrow cells. J Fict Haematol. 2020;12(3):100-110.\n"
                     "2. Marsh C, Fenn D. Fictional drugs in an imaginary syndrome. Imag Blood. 2021;5:20-29.\n"
                     "3. Wren E. A third invented report of nothing in particular. Invent Rep. 2019;1:1-9.\n", encoding="utf-8")
    assert run_cli("link", str(paper)).exit_code == 0
    keys = {w["title"].split()[0]: w["key"] for w in json.loads(run_cli("list", "--json").stdout)}
    assert run_cli("tag", keys["Vacuoles"], "+mine").exit_code == 0
    other = tmp_path / "other.md"
    other.write_text(f"# Other\n\nAs shown before [@{keys['Fictional']}].\n", encoding="utf-8")
    assert run_cli("link", str(other)).exit_code == 0
    paper.write_text(body, encoding="utf-8")  # the list dropped
    relinked = run_cli("link", str(paper))
    assert relinked.exit_code == 0, relinked.output
    works = json.loads(run_cli("list", "--json").stdout)
    assert sorted(w["key"] for w in works) == sorted([keys["Vacuoles"], keys["Fictional"]])
    assert all(w["title"] for w in works)  # no work with no record
    assert "2 works no longer in the file but held by a tag, note, collection or citation keep their earlier entries" \
        in relinked.stderr
    assert f"1 work no longer in the file and held by nothing else was removed from the library ({keys['A']})" \
        in relinked.stderr
    shown = run_cli("show", keys["Vacuoles"])
    assert "[text, dropped]" in shown.stdout and "Vacuoles in invented marrow cells" in shown.stdout
    checked = run_cli("check", str(paper), "--format", "json")  # the dropped entries are no list of the manuscript
    assert not [f for f in json.loads(checked.stdout)["findings"] if f["kind"] == "unused-reference"]
    paper.write_text(body + "\n## References\n\n"  # the list back: the same works, read from it again
                     "1. Quill A, Rook B. Vacuoles in invented marrow cells. J Fict Haematol. 2020;12(3):100-110.\n",
                     encoding="utf-8")
    assert run_cli("link", str(paper)).exit_code == 0
    shown = run_cli("show", keys["Vacuoles"])
    assert "[text, parsed]" in shown.stdout and "dropped" not in shown.stdout
