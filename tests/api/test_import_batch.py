"""A batch of files: the identity index is loaded once and kept right (the same library
as importing file by file; another process's writes seen), and one file that meets an
unforeseen case does not stop the others."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

from vexascite import api
from vexascite.api import import_file, import_paths, open_library
from vexascite.store.known import KnownWorks

DATA = Path(__file__).resolve().parents[1] / "data" / "import"
FILES = ["same.bib", "same.json", "same.ris", "same.nbib", "ids.txt", "accents.bib"]


def snapshot(db: str) -> tuple:
    with sqlite3.connect(db) as conn:
        works = conn.execute("select id, key, csl, doi, pmid, title_norm from works order by id").fetchall()
        refs = conn.execute("select work_id, format, line from refs order by id").fetchall()
    return works, refs


def test_a_folder_gives_the_library_file_by_file_imports_give(tmp_path, settings):
    folder = tmp_path / "in"
    folder.mkdir()
    for index, name in enumerate(FILES):  # sorted names keep the order of FILES
        shutil.copy(DATA / name, folder / f"{index}-{name.replace('.txt', '.ids')}")
    import_paths(settings, [folder])
    one_by_one = replace(settings, db=str(tmp_path / "separate.db"))
    for path in sorted(folder.iterdir()):
        import_paths(one_by_one, [path])
    assert snapshot(settings.db) == snapshot(one_by_one.db)
    works, _ = snapshot(settings.db)
    assert len(works) == 4 + 3  # the same three works in every format, the DOI-only letter, the accents file


def test_works_another_process_wrote_between_files_are_matched(tmp_path, settings):
    known = KnownWorks()
    with open_library(settings) as store:
        first = import_file(store, DATA / "accents.bib", settings, known=known)
        assert first.new_works == 3
        import_paths(settings, [DATA / "same.ris"])  # another connection writes three works
        later = import_file(store, DATA / "same.nbib", settings, known=known)
    assert (later.new_works, later.matched_works) == (0, 3)


def test_a_file_that_meets_an_unforeseen_case_does_not_stop_the_batch(tmp_path, settings, monkeypatch):
    real = api.importing.prepared_parts

    def explode_on_first(fmt, text, key_pattern=None):
        if "Jachiet" in text:
            raise TypeError("an unforeseen shape")
        return real(fmt, text, key_pattern)

    monkeypatch.setattr(api.importing, "prepared_parts", explode_on_first)
    report = import_paths(settings, [DATA / "same.bib", DATA / "accents.bib"])
    assert [f.status for f in report.files] == ["failed", "imported"]
    assert "an unforeseen shape" in report.files[0].problems[0].message
    assert report.files[1].new_works == 3


def test_ctrl_c_during_a_file_keeps_the_files_before_it_and_says_which(tmp_path, settings, monkeypatch):
    import pytest

    from vexascite.errors import Interrupted

    real = api.importing.prepared_parts

    def ctrl_c_on_accents(fmt, text, key_pattern=None):
        if "comont2022azacitidine" in text:
            raise KeyboardInterrupt
        return real(fmt, text, key_pattern)

    monkeypatch.setattr(api.importing, "prepared_parts", ctrl_c_on_accents)
    with pytest.raises(Interrupted) as caught:
        import_paths(settings, [DATA / "same.bib", DATA / "accents.bib"])
    message = str(caught.value)
    assert f"interrupted while importing {DATA / 'accents.bib'}: nothing of it was written" in message
    assert f"the file before it was imported ({DATA / 'same.bib'})" in message
    works, refs = snapshot(settings.db)
    assert len(works) == 3 and {ref[1] for ref in refs} == {"bibtex"}  # same.bib's, none of accents.bib's
