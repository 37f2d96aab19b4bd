"""Works added by identifier: keyed from their metadata, unknown ones kept visibly,
works found to be one merged, one JSON document."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from tests.resolve.conftest import REFERENCES, World
from vexascite import api


def test_add_keys_the_work_from_its_metadata_and_prints_one_json_document(world: World, run_cli) -> None:
    result = run_cli("add", "10.1056/NEJMoa2026834", "--json", env=world.env())
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)  # exactly one JSON document
    assert document["added"] == ["beck2020somatic"]
    assert document["resolution"]["rekeyed"] == [{"from": "doi_10_1056_nejmoa2026834", "to": "beck2020somatic"}]
    again = run_cli("add", "doi:10.1056/nejmoa2026834", "--json", env=world.env())
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout)["known"] == ["beck2020somatic"]
    shown = json.loads(run_cli("show", "doi_10_1056_nejmoa2026834", "--json").stdout)
    assert shown["key"] == "beck2020somatic"  # the stand-in key still names it


def test_a_pinned_key_stays(world: World, run_cli) -> None:
    result = run_cli("add", "PMID: 90000002", "--key", "ruxo", env=world.env())
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "ruxo"
    row = json.loads(run_cli("show", "ruxo", "--json").stdout)
    assert row["csl"]["title"] == "Ruxolitinib in VEXAS syndrome"
    assert run_cli("add", "10.1/a", "10.1/b", "--key", "x", env=world.env()).exit_code == 2


def test_an_unknown_identifier_is_reported_and_kept_as_not_found(world: World, run_cli) -> None:
    result = run_cli("add", "10.5555/nobody.knows.this", env=world.env())
    assert result.exit_code == 3
    assert "not found: 10.5555/nobody.knows.this" in result.stderr
    listed = json.loads(run_cli("list", "--json").stdout)
    assert [(w["key"], w["status"], w["DOI"]) for w in listed] == [
        ("doi_10_5555_nobody_knows_this", "not-found", "10.5555/nobody.knows.this")
    ]
    assert "0 identifiers not understood, 1 not found\n" in result.stderr  # no "others were added": there were none
    mixed = run_cli("add", "PMID: 90000002", "pmid:soon", env=world.env())
    assert mixed.exit_code == 3 and "1 identifier not understood, 0 not found; the others were added" in mixed.stderr


def test_works_that_resolve_to_one_doi_merge_and_the_merge_is_reported(world: World, tmp_path: Path, run_cli) -> None:
    settings = replace(world.settings, db=run_cli.db)
    refs = tmp_path / "refs.txt"
    refs.write_text("References\n\n1. " + REFERENCES[1] + "\n", encoding="utf-8")
    api.import_paths(settings, [refs])
    ids = tmp_path / "ids.txt"
    ids.write_text("PMID: 33108101\n", encoding="utf-8")
    api.import_paths(settings, [ids])
    assert len(api.list_works(settings)) == 2  # a string and an identifier: not yet known to be one
    result = run_cli("resolve", env=world.env())
    assert result.exit_code == 0, result.output
    assert "merged: " in result.stderr
    works = api.list_works(settings)
    assert len(works) == 1 and works[0]["pmid"] == "33108101"
    assert works[0]["key"] == "beck2020somatic"


BECK_BIB = """@article{beck2020uba1,
  author = {Beck, David B. and Ferrada, Marcela A.},
  title = {Somatic Mutations in {UBA1} and Severe Adult-Onset Autoinflammatory Disease},
  journal = {N Engl J Med}, year = {2020}, doi = {10.1056/NEJMoa2026834}
}
"""


def test_add_finds_the_work_an_import_made_from_the_same_record(world: World, tmp_path: Path, run_cli) -> None:
    settings = replace(world.settings, db=run_cli.db)
    bib = tmp_path / "beck.bib"
    bib.write_text(BECK_BIB, encoding="utf-8")
    api.import_paths(settings, [bib])
    result = run_cli("add", "https://doi.org/10.1056/nejmoa2026834", "--json", env=world.env())
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["known"] == ["beck2020uba1"]
    assert world.requests() == 0  # nothing new: no service asked


def test_import_finds_the_work_add_made_from_the_same_record(world: World, tmp_path: Path, run_cli) -> None:
    settings = replace(world.settings, db=run_cli.db)
    assert run_cli("add", "10.1056/NEJMoa2026834", env=world.env()).exit_code == 0
    bib = tmp_path / "beck.bib"
    bib.write_text(BECK_BIB, encoding="utf-8")
    report = api.import_paths(settings, [bib])
    assert (report.files[0].new_works, report.files[0].matched_works, report.files[0].aliases) == (0, 1, 1)
    works = api.list_works(settings)
    assert [w["key"] for w in works] == ["beck2020somatic"]
    shown = json.loads(run_cli("show", "beck2020uba1", "--json").stdout)  # the entry's key names it too
    assert shown["key"] == "beck2020somatic"


def test_adding_a_work_that_is_in_the_trash_says_so(world: World, run_cli) -> None:
    """'already in the library' alone sent the user looking for a work list does not show."""
    assert run_cli("add", "10.1056/NEJMoa2026834", env=world.env()).exit_code == 0
    assert run_cli("remove", "beck2020somatic").exit_code == 0
    again = run_cli("add", "10.1056/NEJMoa2026834", "--json", env=world.env())
    assert again.exit_code == 0
    assert "beck2020somatic is in the trash; 'vexascite restore beck2020somatic' brings it back" in again.stderr
    assert json.loads(again.stdout)["in_trash"] == ["beck2020somatic"]
