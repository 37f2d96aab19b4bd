"""resolve / add / lookup / review end to end, against fake services on 127.0.0.1."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path

import pytest

from tests.fakes import crossref_work
from tests.resolve.conftest import REFERENCES, World
from vexascite import api
from vexascite.config import Settings
from vexascite.store import Store


def write_list(path: Path, references: list[str]) -> Path:
    path.write_text("References\n\n" + "\n".join(f"{i}. {r}" for i, r in enumerate(references, 1)) + "\n", encoding="utf-8")
    return path


def test_add_by_any_identifier_form_verifies_and_fills_records(world: World) -> None:
    report = api.add_identifiers(world.settings, ["https://doi.org/10.5555/S0099-5107(93)70412-8", "PMID: 90000002", "PMC9900001"])
    assert len(report.added) == 3 and report.resolution.found == 3
    with Store.open(world.settings.db) as store:
        rows = {row["key"]: row for row in store.iter_works()}
        for row in rows.values():
            assert row["status"] == "resolved" and row["doi"] and row["pmid"]
            assert row["provenance"]["title"] == "crossref" and row["provenance"]["PMID"] in ("pubmed", "pmc")
        payloads = list(store.db.query("select service, url, status, body, fetched_at from payloads"))
    assert {p["service"] for p in payloads} == {"crossref", "ncbi"}
    assert all(p["fetched_at"] and p["body"] for p in payloads)  # verbatim, with source and time
    assert world.crossref.counts["filter"] == 1  # three DOIs, one Crossref request


def test_dois_are_batched(world: World) -> None:
    for i in range(120):
        world.crossref.add_work(crossref_work(f"10.5555/batch.{i}", f"Batch paper {i}", [("Roe", "A")], "J Batch", year=2020))
    report = api.add_identifiers(world.settings, [f"10.5555/batch.{i}" for i in range(120)])
    assert report.resolution.found == 120
    assert world.crossref.total_requests == 3


def test_other_agencies_and_unknown_dois_are_told_apart(world: World) -> None:
    report = api.add_identifiers(world.settings, ["10.5061/dryad.vexas1", "10.9999/not.registered"])
    by_key = {o.key: o for o in report.resolution.outcomes}
    # the found work is keyed from its metadata; the unknown one keeps its stand-in key
    assert report.resolution.rekeyed == [("doi_10_5061_dryad_vexas1", "georginlavialle2022data")]
    assert report.added == ["georginlavialle2022data", "doi_10_9999_not_registered"]
    assert report.not_found == ["doi_10_9999_not_registered"]
    dryad, unknown = (by_key[k] for k in ("doi_10_5061_dryad_vexas1", "doi_10_9999_not_registered"))
    assert str(dryad.status) == "resolved" and "doi.org" in dryad.records
    assert str(unknown.status) == "not-found" and "unknown" in unknown.reason


def test_text_references_found_by_ecitmatch_and_search_and_second_run_asks_nothing(world: World, tmp_path: Path, run_cli) -> None:
    settings = replace(world.settings, db=run_cli.db)
    api.import_paths(settings, [write_list(tmp_path / "refs.txt", REFERENCES)])
    report = api.resolve_works(settings)
    assert (report.found, report.not_found) == (3, 1)
    assert world.ncbi.counts["ecitmatch"] == 1 and world.crossref.counts["search"] <= 2
    with Store.open(settings.db) as store:
        statuses = {row["title"]: (row["status"], row["doi"], row["status_message"]) for row in store.iter_works()}
    assert statuses["Dilate or divide?"][:2] == ("resolved", "10.5555/j.1572-0241.2006.50712.x")
    assert [s for s in statuses.values() if s[0] == "not-found"][0][2]
    before = world.requests()
    again = api.resolve_works(settings, [row["key"] for row in api.list_works(settings)])
    assert world.requests() == before and sum(again.requests.values()) == 0
    result = run_cli("resolve", env=world.env())
    assert result.exit_code == 0 and world.requests() == before
    assert "found 0, not found 0" in result.stderr and "4 other works not asked about" in result.stderr  # not silent


def test_show_provenance_names_the_verifying_source(world: World, run_cli) -> None:
    result = run_cli("add", "doi:10.5555/vexas.blood.2022", env=world.env())
    assert result.exit_code == 0, result.output
    key = result.stdout.strip().splitlines()[0]
    shown = run_cli("show", key, "--provenance", env=world.env())
    assert "crossref" in shown.stdout and "pubmed" in shown.stdout


def test_offline_sends_nothing_and_leaves_works_alone(world: World, tmp_path: Path, run_cli) -> None:
    settings = replace(world.settings, db=run_cli.db)
    api.import_paths(settings, [write_list(tmp_path / "refs.txt", REFERENCES[:2])])
    result = run_cli("resolve", "--offline", env=world.env())
    assert result.exit_code == 0 and world.requests() == 0
    assert {row["status"] for row in api.list_works(settings)} == {"unresolved"}


def test_service_down_is_not_not_found(world: World, run_cli, monkeypatch) -> None:
    monkeypatch.setattr("vexascite.resolve.http.BACKOFF", 0.01)
    for fake in world.fakes():
        fake.fault_rate, fake.faults = 1.0, ("503",)
    env = {**world.env(), "VEXASCITE_TIMEOUT": "1"}
    result = run_cli("add", "10.5555/vexas.blood.2022", env=env)
    assert result.exit_code == 4
    assert "could not be checked" in result.stderr
    rows = api.list_works(replace(world.settings, db=run_cli.db))
    assert rows[0]["status"] == "failed" and "503" in rows[0]["status_message"]
    for fake in world.fakes():
        fake.fault_rate = 0.0
    assert run_cli("resolve", env=env).exit_code == 0
    assert api.list_works(replace(world.settings, db=run_cli.db))[0]["status"] == "resolved"


def test_ambiguous_candidates_wait_for_review(world: World, tmp_path: Path, run_cli) -> None:
    twin = crossref_work("10.5555/twin.2006.99999", "Dilate or divide?", [("Varga", "H")], "Am J Gastroenterol",
                         "Am J Gastroenterol", 2006, "101", None, "1502-1504")
    world.crossref.add_work(twin)
    settings = replace(world.settings, db=run_cli.db)
    api.import_paths(settings, [write_list(tmp_path / "refs.txt", [REFERENCES[2]])])
    report = api.resolve_works(settings)
    assert report.review == 1 and report.found == 0
    listed = run_cli("review", "--json", env=world.env())
    candidates = json.loads(listed.stdout)
    assert len(candidates) == 2
    both = run_cli("review", "--accept", str(candidates[0]["id"]), "--reject", str(candidates[1]["id"]), env=world.env())
    assert both.exit_code == 2 and "one decision at a time" in both.stderr  # the reject was dropped without a word
    assert len(json.loads(run_cli("review", "--json", env=world.env()).stdout)) == 2
    assert run_cli("review", "--accept", str(candidates[0]["id"]), env=world.env()).exit_code == 0
    row = api.list_works(settings)[0]
    assert row["status"] == "resolved" and row["doi"] == candidates[0]["doi"]


def test_lookup_lines_gives_one_json_line_per_reference(world: World, tmp_path: Path, run_cli) -> None:
    lines = tmp_path / "lines.txt"
    lines.write_text("\n".join(REFERENCES) + "\n", encoding="utf-8")
    result = run_cli("lookup", "--lines", str(lines), env=world.env())
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["doi"] for o in out] == ["10.5555/s0099-5107(93)70412-8", "10.1056/nejmoa2026834", "10.5555/j.1572-0241.2006.50712.x", None]
    assert out[0]["pmid"] == "90000011" and out[3]["status"] == "not-found" and out[3]["reason"]
    assert all("score" in o for o in out)


def test_refresh_asks_again_and_only_missing_picks_works_without_ids(world: World, run_cli) -> None:
    env = world.env()
    assert run_cli("add", "10.5555/j.1572-0241.2006.50712.x", "10.5555/vexas.blood.2022", env=env).exit_code == 0
    missing = run_cli("resolve", "--only-missing", env=env)  # only Varga lacks a PMID
    assert missing.exit_code == 0 and "found 1," in missing.stderr
    sent = world.requests()
    assert run_cli("resolve", env=env).exit_code == 0 and world.requests() == sent  # nothing pending
    refreshed = run_cli("resolve", "--refresh", env=env)
    assert refreshed.exit_code == 0 and "found 2," in refreshed.stderr and world.requests() > sent


def test_refused_doi_lists_and_dois_with_commas_go_one_by_one(world: World) -> None:
    world.crossref.doi_filters = False
    odd = "10.5555/(sici)1097-0999(19990115/30)18:1/2<77::aid-sim970>3.0.co;2-4,x"
    world.crossref.add_work(crossref_work(odd, "A DOI with a comma", [("Odd", "A")], "Stat Med", year=1999))
    report = api.add_identifiers(world.settings, ["10.5555/vexas.blood.2022", "10.5555/j.1572-0241.2006.50712.x", odd])
    assert report.resolution.found == 3
    assert world.crossref.counts["filter"] == 1 and world.crossref.counts["work"] == 3


def test_an_added_work_that_proves_to_be_one_the_library_has_is_merged_into_it(world: World, tmp_path: Path, run_cli) -> None:
    settings = replace(world.settings, db=run_cli.db)
    bib = tmp_path / "uba1.bib"
    bib.write_text("@article{beck2020, title = {Somatic mutations in UBA1 and severe adult-onset autoinflammatory disease},"
                   " author = {Beck, D. B.}, journal = {N Engl J Med}, year = 2020, doi = {10.1056/NEJMoa2026834}}\n", encoding="utf-8")
    api.import_paths(settings, [bib])
    report = api.add_identifiers(settings, ["PMID: 33108101"])
    assert report.added == [] and [known for _, known in report.merged] == ["beck2020"]
    with Store.open(settings.db) as store:
        works = list(store.iter_works())
    assert [(w["key"], w["doi"], w["pmid"], w["status"]) for w in works] == [("beck2020", "10.1056/nejmoa2026834", "33108101", "resolved")]
    # one article named twice in one command is one work too
    twice = api.add_identifiers(settings, ["10.5555/vexas.blood.2022", "PMID: 90000002"])
    assert len(twice.added) == 1 and [new for new, _ in twice.merged] != twice.added
    result = run_cli("add", "PMID: 90000002", env=world.env())
    assert result.exit_code == 0 and "already in the library" in result.stderr


def test_lookup_shows_progress_on_a_terminal_and_nothing_when_piped(world: World, tmp_path: Path, run_cli, monkeypatch) -> None:
    import io

    from rich.console import Console

    from vexascite.cli import common as cli

    lines = tmp_path / "lines.txt"
    lines.write_text("\n".join(REFERENCES) + "\n", encoding="utf-8")
    piped = run_cli("lookup", "--lines", str(lines), env=world.env())
    assert piped.exit_code == 0 and piped.stderr == ""
    screen = io.StringIO()
    monkeypatch.setattr(cli, "stderr", Console(file=screen, force_terminal=True, width=120))
    shown = run_cli("lookup", "--lines", str(lines), env=world.env())
    assert shown.exit_code == 0
    assert [json.loads(line)["reference"] for line in shown.stdout.splitlines()] == REFERENCES
    assert "lookup" in screen.getvalue() and f"{len(REFERENCES)}/{len(REFERENCES)}" in screen.getvalue()


def test_a_work_with_a_title_of_megabytes_is_searched_by_its_beginning(world: World, tmp_path: Path) -> None:
    """A hostile file's 2 MB title went whole into query.bibliographic, and a 2 MB journal
    into an ECitMatch line: the HTTP client refused the URL and resolve ended with a traceback."""
    refs = tmp_path / "huge.bib"
    refs.write_text("@article{huge, author = {Doe, Jane}, title = {A fictional study " + "word " * 400_000 + "}, year = 2020}\n"
                    "@article{small, author = {Roe, Ann}, title = {A small fictional study}, year = 2021}\n"
                    "@article{journal, author = {Poe, Al}, title = {A fictional letter}, journal = {J " + "x" * 2_000_000 + "},"
                    " year = 2020, volume = 1, pages = {1--2}}\n", encoding="utf-8")  # a journal that went whole to ECitMatch
    api.import_paths(world.settings, [refs])
    report = api.resolve_works(world.settings)
    assert report.not_found == 3 and report.failed == 0
    searches = [r.param("query.bibliographic") or "" for r in world.crossref.requests if "query.bibliographic" in r.params]
    assert len(searches) == 3 and max(len(s) for s in searches) < 2000


def _varga_in_review(world: World, tmp_path: Path, run_cli) -> tuple[Settings, list[dict]]:
    world.crossref.add_work(crossref_work("10.5555/twin.2006.99999", "Dilate or divide?", [("Varga", "H")],
                                          "Am J Gastroenterol", "Am J Gastroenterol", 2006, "101", None, "1502-1504"))
    settings = replace(world.settings, db=run_cli.db)
    api.import_paths(settings, [write_list(tmp_path / "refs.txt", [REFERENCES[2]])])
    assert api.resolve_works(settings).review == 1
    return settings, json.loads(run_cli("review", "--json", env=world.env()).stdout)


@pytest.mark.parametrize("rerun", [("--only-missing",), ("--refresh",)])
def test_a_review_decision_survives_resolving_again(world: World, tmp_path: Path, run_cli, rerun: tuple[str, ...]) -> None:
    settings, candidates = _varga_in_review(world, tmp_path, run_cli)
    chosen = candidates[1]
    assert run_cli("review", "--accept", str(chosen["id"]), env=world.env()).exit_code == 0
    assert run_cli("resolve", *rerun, env=world.env()).exit_code == 0
    row = api.list_works(settings)[0]
    assert row["status"] == "resolved" and row["doi"] == chosen["doi"]  # not back in review
    assert json.loads(run_cli("review", "--json", env=world.env()).stdout) == []


def test_a_candidate_already_decided_is_not_decided_again(world: World, tmp_path: Path, run_cli) -> None:
    """A second tab, or an old listing: accepting the other candidate, or rejecting the one
    accepted, would leave a record the user did not choose (or a status that contradicts it)."""
    settings, candidates = _varga_in_review(world, tmp_path, run_cli)
    first, other = candidates
    assert run_cli("review", "--accept", str(first["id"]), env=world.env()).exit_code == 0
    again = run_cli("review", "--accept", str(other["id"]), env=world.env())
    assert again.exit_code == 2 and "already rejected" in again.stderr
    undo = run_cli("review", "--reject", str(first["id"]), env=world.env())
    assert undo.exit_code == 2 and "already accepted" in undo.stderr
    row = api.list_works(settings)[0]
    assert row["status"] == "resolved" and row["doi"] == first["doi"]


def test_candidates_rejected_on_review_are_not_offered_again(world: World, tmp_path: Path, run_cli) -> None:
    settings, candidates = _varga_in_review(world, tmp_path, run_cli)
    for candidate in candidates:
        assert run_cli("review", "--reject", str(candidate["id"]), env=world.env()).exit_code == 0
    assert run_cli("resolve", "--only-missing", env=world.env()).exit_code == 0
    assert json.loads(run_cli("review", "--json", env=world.env()).stdout) == []
    row = api.list_works(settings)[0]
    assert row["status"] == "not-found" and row["doi"] is None


def test_the_summary_says_how_many_requests_were_retried(world: World, run_cli, monkeypatch) -> None:
    """A 429 or a 503 waited out and retried is said, not folded silently into the count."""
    monkeypatch.setattr("vexascite.resolve.http.BACKOFF", 0.01)
    world.crossref.fault_rate, world.crossref.faults, world.crossref.retry_after = 0.5, ("429", "503"), "0"
    world.crossref.random = random.Random(4)  # the first answer is a 429
    result = run_cli("add", "10.5555/vexas.blood.2022", "10.1056/nejmoa2026834", "10.5555/j.1572-0241.2006.50712.x",
                     env=world.env())
    assert result.exit_code == 0, result.stderr
    retried = sum(world.crossref.faults_injected.values())
    assert retried and f"retried: crossref {retried} (" in result.stderr


def test_review_leaves_out_candidates_of_works_in_the_trash_and_counts_them(world: World, tmp_path: Path, run_cli) -> None:
    world.crossref.add_work(crossref_work("10.5555/twin.2006.99999", "Dilate or divide?", [("Varga", "H")],
                                          "Am J Gastroenterol", "Am J Gastroenterol", 2006, "101", None, "1502-1504"))
    settings = replace(world.settings, db=run_cli.db)
    api.import_paths(settings, [write_list(tmp_path / "refs.txt", [REFERENCES[2]])])
    assert api.resolve_works(settings).review == 1
    key = api.list_works(settings)[0]["key"]
    assert run_cli("remove", key).exit_code == 0
    listed = run_cli("review", "--json")
    assert listed.exit_code == 0 and json.loads(listed.stdout) == []
    assert "2 more candidates wait for works in the trash" in listed.stderr
    assert api.review_candidates(settings).in_trash == 2
    run_cli("restore", key)
    queue = api.review_candidates(settings)
    assert len(queue) == 2 and queue.in_trash == 0
