"""A work whose DOI or PMID the user edits: records verified for the old identifier stop
speaking for it (kept aside, not deleted), it waits to be resolved again, and a new
resolution never mixes the old article with the new one."""

from __future__ import annotations

import json
from typing import Any

from tests.fakes import pubmed_article
from tests.resolve.conftest import World
from vexascite import api
from vexascite.store import Store

RUXO_DOI, RUXO_PMID = "10.5555/vexas.blood.2022", "90000002"


def _work(world: World, key: str) -> dict[str, Any]:
    with Store.open(world.settings.db) as store:
        row = store.work_row(store.work_id_for_key(key))
        row["records"] = {r["source"]: json.loads(r["csl"]) for r in store.db.query(
            "select source, csl from records where work_id = ?", [row["id"]])}
        row["aside"] = [dict(r) for r in store.db.query(
            "select source, csl, reason from records_set_aside where work_id = ? order by id", [row["id"]])]
    return row


def _add_ruxolitinib(world: World) -> str:
    report = api.add_identifiers(world.settings, [RUXO_DOI])
    key = report.added[0]
    row = _work(world, key)
    assert row["status"] == "resolved" and row["pmid"] == RUXO_PMID and set(row["records"]) == {"crossref", "pubmed"}
    return key


def test_a_doi_edited_to_an_unknown_one_keeps_nothing_of_the_old_article(world: World, run_cli) -> None:
    key = _add_ruxolitinib(world)
    edited = run_cli("edit", key, "DOI=10.5555/nobody.knows.this", env=world.env())
    assert edited.exit_code == 0, edited.output
    assert "set aside 2 records" in edited.stderr and "PMID" in edited.stderr  # said, with the fields dropped
    row = _work(world, key)
    assert row["status"] == "unresolved"  # the edit is to be verified: 'resolve' takes it up
    assert row["records"] == {}
    assert {a["source"] for a in row["aside"]} == {"crossref", "pubmed"}  # kept, not deleted
    assert all(a["reason"].startswith("of another article") for a in row["aside"])
    shown = run_cli("show", key, "--provenance")
    assert "records set aside (2)" in shown.stdout and f"DOI {RUXO_DOI}" in shown.stdout
    resolved = run_cli("resolve", env=world.env())
    assert resolved.exit_code == 0, resolved.output
    row = _work(world, key)
    assert row["status"] == "not-found"
    for name in ("PMID", "title", "URL", "container-title", "volume"):  # only the old record stated them
        assert name not in row["csl"], name
    assert row["csl"]["DOI"] == "10.5555/nobody.knows.this" and row["provenance"]["DOI"] == "user"


def test_a_doi_edited_to_another_article_gives_that_article_alone(world: World) -> None:
    key = _add_ruxolitinib(world)
    # an article PubMed holds that Crossref does not: the old Crossref record must not stay beside it
    world.ncbi.add_article(pubmed_article("90000077", "Clonal haematopoiesis in relapsing polychondritis",
                                          ["Okafor J"], "Rheumatology", 2021, "60", "3", "1201-1209",
                                          "10.5555/other.pubmed.only", None))
    api.edit_work(world.settings, key, ["DOI=10.5555/other.pubmed.only"])
    report = api.resolve_works(world.settings)
    assert report.found == 1
    row = _work(world, key)
    assert row["pmid"] == "90000077" and row["title"] == "Clonal haematopoiesis in relapsing polychondritis"
    assert set(row["records"]) == {"pubmed"}
    assert row["csl"]["container-title"] == "Rheumatology" and row["csl"]["volume"] == "60"
    assert "doi.org/10.5555/vexas" not in json.dumps(row["csl"])


def test_a_pmid_edit_sets_aside_the_old_articles_records_through_the_doi_they_share(world: World) -> None:
    report = api.add_identifiers(world.settings, [f"PMID: {RUXO_PMID}"])
    key = report.added[0]
    result = api.edit_work(world.settings, key, ["PMID=33108101"])
    # the PubMed record states the old PMID; the Crossref record states the DOI that went with it
    assert set(result["set_aside"]["sources"]) == {"pubmed", "crossref"}
    assert "title" in result["set_aside"]["fields"] and "title" not in result["csl"]
    api.resolve_works(world.settings)
    row = _work(world, key)
    assert row["status"] == "resolved" and row["doi"] == "10.1056/nejmoa2026834"
    assert row["title"].startswith("Somatic mutations in UBA1")
    assert {r.get("DOI") for r in row["records"].values()} == {"10.1056/nejmoa2026834"}


def test_records_left_from_an_edit_made_before_are_set_aside_and_the_resolve_summary_says_so(world: World, run_cli) -> None:
    key = _add_ruxolitinib(world)
    with Store.open(world.settings.db) as store, store.transaction():  # an edit stored as older versions did
        work_id = store.work_id_for_key(key)
        store.set_user_edit(work_id, "DOI", "10.5555/nobody.knows.this")
        store.refresh_work(work_id)
    resolved = run_cli("resolve", key, "--json", env=world.env())
    assert resolved.exit_code == 0, resolved.output
    assert f"{key}: set aside 2 records" in resolved.stderr
    document = json.loads(resolved.stdout)
    assert document["set_aside"][0]["key"] == key and "PMID" in document["set_aside"][0]["fields"]
    row = _work(world, key)
    assert row["records"] == {} and "PMID" not in row["csl"] and "title" not in row["csl"]


def test_reverting_the_edit_brings_the_verified_article_back_from_the_cache(world: World) -> None:
    key = _add_ruxolitinib(world)
    api.edit_work(world.settings, key, ["DOI=10.5555/nobody.knows.this"])
    api.resolve_works(world.settings)
    result = api.edit_work(world.settings, key, [], revert=["DOI"])
    assert result["set_aside"] is None
    before = world.requests()
    api.resolve_works(world.settings)
    row = _work(world, key)
    assert world.requests() == before  # answered from the library's cache
    assert row["status"] == "resolved" and row["pmid"] == RUXO_PMID and row["title"] == "Ruxolitinib in VEXAS syndrome"


def test_an_edit_of_another_field_leaves_records_and_status_alone(world: World) -> None:
    key = _add_ruxolitinib(world)
    result = api.edit_work(world.settings, key, ["note=read twice"])
    assert result["set_aside"] is None
    row = _work(world, key)
    assert row["status"] == "resolved" and set(row["records"]) == {"crossref", "pubmed"}


KEEP_BIB = """@article{keep2022,
  author = {Heiblig, M. and Ferrada, M. A.},
  title = {Ruxolitinib in {VEXAS} syndrome},
  journal = {Blood},
  year = {2022},
  doi = {10.5555/vexas.blood.2022},
}
"""


def test_merge_sets_aside_the_records_verified_for_drops_other_identifier(world: World, tmp_path, run_cli) -> None:
    """``merge KEEP DROP`` with two DOIs: KEEP's identifiers stay, so the records verified
    for DROP's DOI are of another article and supply no field of KEEP (kept aside, said)."""
    bib = tmp_path / "keep.bib"
    bib.write_text(KEEP_BIB, encoding="utf-8")
    assert run_cli("import", str(bib), env=world.env()).exit_code == 0
    drop = api.add_identifiers(world.settings, ["10.1056/nejmoa2026834"]).added[0]
    assert set(_work(world, drop)["records"]) >= {"crossref", "pubmed"}
    merged = run_cli("merge", "keep2022", drop, env=world.env())
    assert merged.exit_code == 0, merged.output
    assert "keep2022: set aside" in merged.stderr and "10.1056/nejmoa2026834" in merged.stderr
    row = _work(world, "keep2022")
    assert row["records"] == {}  # nothing verified for the other DOI speaks for KEEP
    assert {a["source"] for a in row["aside"]} >= {"crossref", "pubmed"}
    assert all("merged into keep2022" in a["reason"] for a in row["aside"])
    assert row["csl"]["DOI"] == "10.5555/vexas.blood.2022" and row["title"] == "Ruxolitinib in VEXAS syndrome"
    for name in ("PMID", "PMCID", "volume", "page", "URL"):  # only DROP's records stated them
        assert name not in row["csl"], name
    shown = run_cli("show", "keep2022", "--provenance")
    assert "records set aside" in shown.stdout


def test_merge_keeps_drops_record_of_a_source_keep_has_aside_not_deleted(world: World) -> None:
    keep = _add_ruxolitinib(world)
    drop = api.add_identifiers(world.settings, ["10.1056/nejmoa2026834"]).added[0]
    api.merge_works(world.settings, keep, drop)
    row = _work(world, keep)
    assert set(row["records"]) == {"crossref", "pubmed"}
    assert {r.get("DOI") for r in row["records"].values()} == {"10.5555/vexas.blood.2022"}
    assert "PMCID" not in row["csl"] and row["pmid"] == RUXO_PMID
    kept_aside = {(a["source"], json.loads(a["csl"]).get("DOI")) for a in row["aside"]}
    assert {("crossref", "10.1056/nejmoa2026834"), ("pubmed", "10.1056/nejmoa2026834")} <= kept_aside  # not deleted
    assert row["status"] == "resolved"  # KEEP's own records still verify its identifiers


def test_show_says_why_an_edited_work_is_unresolved_not_its_old_resolution(world: World, run_cli) -> None:
    key = _add_ruxolitinib(world)
    shown = run_cli("show", key, "--provenance").stdout
    assert "resolution: matched by identifier: identifier verified" in shown  # current: said as it is
    api.edit_work(world.settings, key, ["DOI=10.5555/nobody.knows.this"])
    shown = run_cli("show", key, "--provenance").stdout
    assert f"{key}  (unresolved: DOI edited: 'vexascite resolve' verifies it again)" in shown
    assert "\nresolution: " not in shown  # the old outcome is not the work's
    assert "last resolution (" in shown and "no longer current: DOI edited" in shown
    assert "(no file: added by identifier)" in shown and "None [" not in shown
    document = json.loads(run_cli("show", key, "--json").stdout)
    assert document["resolution"]["current"] is False and document["resolution"]["since"].startswith("DOI edited")
    api.resolve_works(world.settings)
    document = json.loads(run_cli("show", key, "--json").stdout)
    assert document["resolution"]["current"] is True and document["resolution"]["status"] == "not-found"


DROP_BIB = """@article{drop2020,
  author = {Beck, D. B.},
  title = {Somatic mutations in {UBA1} and severe adult-onset autoinflammatory disease},
  journal = {N Engl J Med},
  year = {2020},
  doi = {10.1056/nejmoa2026834},
}
"""


def test_what_a_merge_set_aside_stays_aside_through_resolve_refresh(world: World, run_cli) -> None:
    """The merge's rule is stored: a refresh asks about KEEP's identifiers, not DROP's,
    and a record of DROP's article that comes back is set aside again, not merged in."""
    keep = _add_ruxolitinib(world)
    drop = api.add_identifiers(world.settings, ["10.1056/nejmoa2026834"]).added[0]
    api.merge_works(world.settings, keep, drop)
    refreshed = run_cli("resolve", "--refresh", env=world.env())
    assert refreshed.exit_code == 0, refreshed.output
    row = _work(world, keep)
    assert row["status"] == "resolved" and row["doi"] == "10.5555/vexas.blood.2022" and row["pmid"] == RUXO_PMID
    assert row["title"] == "Ruxolitinib in VEXAS syndrome"
    assert {r.get("DOI") for r in row["records"].values()} == {"10.5555/vexas.blood.2022"}
    assert "PMCID" not in row["csl"]  # only DROP's article has one


def test_a_merge_keeps_keeps_doi_when_both_are_imported_and_resolve_verifies_it(world: World, tmp_path, run_cli) -> None:
    """Two .bib entries of one rank: KEEP's DOI stays (not the tie-break's pick), and
    resolving the merged work verifies KEEP's DOI, never DROP's."""
    for name, text in (("keep.bib", KEEP_BIB), ("drop.bib", DROP_BIB)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert run_cli("import", str(tmp_path / "keep.bib"), str(tmp_path / "drop.bib"), env=world.env()).exit_code == 0
    merged = run_cli("merge", "keep2022", "drop2020", env=world.env())
    assert merged.exit_code == 0, merged.output
    row = _work(world, "keep2022")
    assert row["doi"] == "10.5555/vexas.blood.2022" and row["provenance"]["DOI"] == "merge"
    assert row["status"] == "unresolved"
    for args in (("resolve",), ("resolve", "--refresh")):
        assert run_cli(*args, env=world.env()).exit_code == 0
        row = _work(world, "keep2022")
        assert row["status"] == "resolved" and row["doi"] == "10.5555/vexas.blood.2022" and row["pmid"] == RUXO_PMID
        assert row["title"] == "Ruxolitinib in VEXAS syndrome"
        assert {r.get("DOI") for r in row["records"].values()} == {"10.5555/vexas.blood.2022"}
    shown = json.loads(run_cli("show", "keep2022", "--json").stdout)
    assert shown["provenance"]["DOI"] in ("merge", "crossref", "pubmed")


def test_an_edit_still_beats_what_a_merge_kept_and_reverting_it_brings_keeps_back(world: World) -> None:
    keep = _add_ruxolitinib(world)
    drop = api.add_identifiers(world.settings, ["10.1056/nejmoa2026834"]).added[0]
    api.merge_works(world.settings, keep, drop)
    api.edit_work(world.settings, keep, ["DOI=10.1056/nejmoa2026834"])
    api.resolve_works(world.settings)
    row = _work(world, keep)
    assert row["doi"] == "10.1056/nejmoa2026834" and row["pmid"] == "33108101"  # the user's word
    api.edit_work(world.settings, keep, [], revert=["DOI"])
    api.resolve_works(world.settings)
    row = _work(world, keep)
    assert row["doi"] == "10.5555/vexas.blood.2022" and row["pmid"] == RUXO_PMID


def test_a_merge_of_works_that_agree_keeps_no_identifier_apart(world: World, tmp_path, run_cli) -> None:
    """Nothing to contradict: no identifier is pinned, the sources decide as before."""
    keep = _add_ruxolitinib(world)
    (tmp_path / "same.bib").write_text(KEEP_BIB.replace("keep2022", "same2022"), encoding="utf-8")
    run_cli("import", str(tmp_path / "same.bib"), env=world.env())
    with Store.open(world.settings.db) as store:
        apart = store.work_id_for_key("same2022") != store.work_id_for_key(keep)
    if apart:  # (the import may have found the work itself)
        api.merge_works(world.settings, keep, "same2022")
    with Store.open(world.settings.db) as store:
        assert list(store.db.query("select * from kept_identifiers")) == []
    assert _work(world, keep)["provenance"]["DOI"] != "merge"


def test_reverting_keeps_own_edit_after_a_merge_brings_its_sources_identifier_back(world: World) -> None:
    """The merge keeps what KEEP's sources state: KEEP's edit still wins while it stands,
    and reverting it gives the sources' DOI, not the edit kept as the merge's."""
    keep = _add_ruxolitinib(world)
    api.edit_work(world.settings, keep, ["DOI=10.5555/nobody.knows.this"])
    drop = api.add_identifiers(world.settings, ["10.1056/nejmoa2026834"]).added[0]
    api.merge_works(world.settings, keep, drop)
    assert _work(world, keep)["doi"] == "10.5555/nobody.knows.this"
    api.edit_work(world.settings, keep, [], revert=["DOI"])
    api.resolve_works(world.settings)
    row = _work(world, keep)
    assert row["doi"] == RUXO_DOI and row["pmid"] == RUXO_PMID and row["title"] == "Ruxolitinib in VEXAS syndrome"
