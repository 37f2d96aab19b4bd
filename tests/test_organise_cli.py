"""Organising from the CLI: tags, collections, notes, the trash, search, kept-up-to-date exports."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

BIB = r"""
@article{roe2020thrombosis,
  author = {Roe, Alice and Doe, Bob},
  title = {Thrombosis in VEXAS syndrome},
  journal = {Blood},
  year = {2020},
  doi = {10.5555/vexas.thromb.2020},
  pmid = {99000001}
}
@article{poe2021ruxolitinib,
  author = {Poe, Carla},
  title = {Ruxolitinib for autoinflammation},
  journal = {Rheumatology},
  year = {2021},
  doi = {10.5555/rux.2021}
}
@article{beck2019somatic,
  author = {Beck, David B.},
  title = {Somatic variants (a study) of "UBA1"},
  journal = {N Engl J Med},
  year = {2019}
}
"""

MORE = r"""
@article{zed2022new,
  author = {Zed, Ann},
  title = {A newer VEXAS cohort},
  journal = {Blood},
  year = {2022}
}
"""


@pytest.fixture
def library(run_cli, tmp_path: Path):
    path = tmp_path / "refs.bib"
    path.write_text(BIB, encoding="utf-8")
    assert run_cli("import", str(path)).exit_code == 0
    return run_cli


def keys(run_cli, *args: str) -> list[str]:
    result = run_cli("list", "--json", *args)
    assert result.exit_code == 0, result.stderr
    return [w["key"] for w in json.loads(result.stdout)]


def test_list_finds_works_by_identifier_in_any_form_and_by_key(library):
    for text in ("10.5555/vexas.thromb.2020", "https://doi.org/10.5555/VEXAS.THROMB.2020", "doi:10.5555/vexas.thromb.2020",
                 "PMID:99000001", "99000001", "roe2020thrombosis", "key:roe2020thrombosis"):
        assert keys(library, text) == ["roe2020thrombosis"], text


def test_field_queries_year_ranges_and_prefixes(library):
    assert keys(library, "author:Beck") == ["beck2019somatic"]
    assert keys(library, "journal:Blood", "year:2020") == ["roe2020thrombosis"]
    assert set(keys(library, "year:2020-2021")) == {"roe2020thrombosis", "poe2021ruxolitinib"}
    assert keys(library, "title:ruxolitinib") == ["poe2021ruxolitinib"]
    # 'list rux*' finds what a prefix should (it found nothing before)
    assert keys(library, "rux*") == ["poe2021ruxolitinib"]
    assert keys(library, "thromb*") == ["roe2020thrombosis"]
    assert keys(library, "--", "vexas", "-thrombosis") == []
    assert keys(library, '"somatic variants"') == ["beck2019somatic"]


@pytest.mark.parametrize("text", ['"', "(x", "NEAR(", "*", "col:x", "''", "a AND", "JAK-STAT", "Müller", "((()))", "\\", "%_"])
def test_any_user_text_is_a_safe_query(library, text):
    result = library("list", "--", text, "--json")
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr and "fts5" not in result.stderr.lower()


def test_a_query_of_only_punctuation_finds_nothing_and_says_so(library):
    result = library("list", "((( *** ---", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert "nothing to search for" in result.stderr


def test_a_query_that_only_leaves_works_out_says_why_it_lists_none(library):
    """It said the query held 'no letters or digits'."""
    for query in ("NOT beck", "-beck"):
        result = library("list", "--", query)
        assert result.exit_code == 0
        assert "no letters or digits" not in result.stderr and "only leave works out" in result.stderr


def test_negative_or_zero_limit_is_a_usage_error_and_limits_keep_the_first(library):
    for bad in ("-1", "0"):
        result = library("list", "--limit", bad)
        assert result.exit_code == 2 and "--limit" in result.stderr
    assert len(keys(library, "--limit", "2")) == 2
    assert len(keys(library)) == 3  # no limit: every work, the last one too


def test_a_bad_field_value_is_a_usage_error(library):
    result = library("list", "year:soon")
    assert result.exit_code == 2 and "year:soon" in result.stderr


def test_a_field_with_no_value_is_a_usage_error_that_says_so(library):
    for query in ("author:", "title: ", 'journal:""', "tag:", "beck author:"):
        result = library("list", query)
        name = query.split()[-1].split(":")[0]
        assert result.exit_code == 2 and f"give a value after '{name}:'" in result.stderr, (query, result.stderr)
    result = library("list", "author:***")
    assert result.exit_code == 2 and "nothing to search for" in result.stderr


def test_tag_list_and_export_by_tag(library, tmp_path):
    assert library("tag", "roe2020thrombosis", "poe2021ruxolitinib", "+jak", "+vexas").exit_code == 0
    assert library("tag", "poe2021ruxolitinib", "-vexas").exit_code == 0
    assert keys(library, "--tag", "jak") == ["poe2021ruxolitinib", "roe2020thrombosis"]
    assert keys(library, "tag:vexas") == ["roe2020thrombosis"]
    exported = library("export", "--tag", "jak", "--format", "csl-json")
    assert sorted(item["id"] for item in json.loads(exported.stdout)) == ["poe2021ruxolitinib", "roe2020thrombosis"]
    listed = json.loads(library("list", "roe2020thrombosis", "--json").stdout)[0]
    assert listed["tags"] == ["jak", "vexas"] and listed["trashed"] is False
    assert json.loads(library("tags", "--json").stdout) == [{"tag": "jak", "works": 2}, {"tag": "vexas", "works": 1}]
    unknown = library("tag", "nokey", "+x")
    assert unknown.exit_code == 1 and "nokey" in unknown.stderr
    assert library("tag", "roe2020thrombosis").exit_code == 2  # nothing to do


def test_collections_nest_and_include_their_sub_collections(library):
    assert library("collection", "add", "Reviews/JAK", "poe2021ruxolitinib").exit_code == 0
    assert library("collection", "add", "Reviews", "beck2019somatic").exit_code == 0
    assert keys(library, "--collection", "Reviews") == ["beck2019somatic", "poe2021ruxolitinib"]
    assert keys(library, "--collection", "Reviews/JAK") == ["poe2021ruxolitinib"]
    assert keys(library, "collection:Reviews", "author:Poe") == ["poe2021ruxolitinib"]
    listed = {row["path"]: row for row in json.loads(library("collection", "list", "--json").stdout)}
    assert listed["Reviews"]["works"] == 1 and listed["Reviews"]["with_subcollections"] == 2
    exported = library("export", "--collection", "Reviews", "--format", "csl-json")
    assert {item["id"] for item in json.loads(exported.stdout)} == {"beck2019somatic", "poe2021ruxolitinib"}
    assert library("collection", "rename", "Reviews/JAK", "JAK").exit_code == 0
    assert keys(library, "--collection", "Reviews") == ["beck2019somatic"]
    assert keys(library, "--collection", "JAK") == ["poe2021ruxolitinib"]
    assert library("collection", "rename", "Reviews", "Reviews/Inner").exit_code == 2  # into itself
    assert library("collection", "remove", "JAK", "poe2021ruxolitinib").exit_code == 0
    assert keys(library, "--collection", "JAK") == []
    assert library("collection", "delete", "Reviews").exit_code == 0
    missing = library("list", "--collection", "Reviews")
    assert missing.exit_code == 1 and "no collection" in missing.stderr
    assert len(keys(library)) == 3  # deleting a collection removes no work


def test_notes_are_shown_listed_removed_and_exported(library):
    added = library("note", "roe2020thrombosis", "Check the {cohort} & 50% figure\nsecond line")
    assert added.exit_code == 0
    note_id = int(added.stdout.strip())
    assert library("note", "roe2020thrombosis", "Second note").exit_code == 0
    notes = json.loads(library("note", "roe2020thrombosis", "--json").stdout)
    assert [n["text"] for n in notes] == ["Check the {cohort} & 50% figure\nsecond line", "Second note"]
    shown = library("show", "roe2020thrombosis")
    assert "Check the {cohort}" in shown.stdout and "Second note" in shown.stdout
    assert json.loads(library("show", "roe2020thrombosis", "--json").stdout)["notes"][1]["text"] == "Second note"
    bib = library("export", "--keys", "roe2020thrombosis").stdout
    assert "annote = {Check the \\{cohort\\} \\& 50\\% figure" in bib or "annote = {Check the" in bib
    from pybtex.database import parse_string

    entry = parse_string(bib, "bibtex").entries["roe2020thrombosis"]
    assert "Second note" in entry.fields["annote"] and "note" not in {k.lower() for k in entry.fields}
    ris = library("export", "--keys", "roe2020thrombosis", "--format", "ris").stdout
    assert "N1  - Check the {cohort} & 50% figure second line" in ris and "N1  - Second note" in ris
    csl = json.loads(library("export", "--keys", "roe2020thrombosis", "--format", "csl-json").stdout)[0]
    assert csl["annote"].startswith("Check the {cohort}") and "note" not in csl
    assert library("note", "--remove", str(note_id)).exit_code == 0
    assert len(json.loads(library("note", "roe2020thrombosis", "--json").stdout)) == 1
    gone = library("note", "--remove", str(note_id))
    assert gone.exit_code == 1 and "'vexascite note KEY' shows" in gone.stderr  # it named an option that does not exist


def test_the_same_note_given_twice_is_kept_once(library):
    """A command run twice (a script rerun) adds nothing the second time, and says so."""
    first = library("note", "roe2020thrombosis", "Check the cohort size")
    again = library("note", "roe2020thrombosis", "Check the cohort size ")
    assert again.exit_code == 0 and again.stdout.strip() == first.stdout.strip()
    assert "already says this: nothing added" in again.stderr
    assert [n["text"] for n in json.loads(library("note", "roe2020thrombosis", "--json").stdout)] == ["Check the cohort size"]
    assert library("note", "roe2020thrombosis", "Check the cohort size twice").stdout.strip() != first.stdout.strip()


def test_merge_refuses_a_work_in_the_trash_on_either_side(library):
    """Merged into a work in the trash, a live work went there unsaid; out of the trash,
    DROP came back unsaid: both are refused, as an edit is, until it is restored."""
    assert library("remove", "roe2020thrombosis").exit_code == 0
    for pair in (("roe2020thrombosis", "poe2021ruxolitinib"), ("poe2021ruxolitinib", "roe2020thrombosis")):
        merged = library("merge", *pair)
        assert merged.exit_code == 1 and "roe2020thrombosis is in the trash; 'vexascite restore roe2020thrombosis'" in merged.stderr
    assert "poe2021ruxolitinib" in keys(library) and keys(library, "--trash") == ["roe2020thrombosis"]
    assert library("restore", "roe2020thrombosis").exit_code == 0
    assert library("merge", "poe2021ruxolitinib", "roe2020thrombosis").exit_code == 0


def test_remove_restore_and_empty_the_trash(library, tmp_path):
    library("tag", "roe2020thrombosis", "+keep")
    assert library("remove", "roe2020thrombosis").exit_code == 0
    assert "roe2020thrombosis" not in keys(library)
    assert keys(library, "10.5555/vexas.thromb.2020") == []
    assert keys(library, "--trash") == ["roe2020thrombosis"]
    exported = library("export", "--format", "csl-json")
    assert "roe2020thrombosis" not in exported.stdout
    named = library("export", "--keys", "roe2020thrombosis")
    assert named.exit_code == 1 and "trash" in named.stderr
    edited = library("edit", "roe2020thrombosis", "volume=3")  # refused like tags and notes, not done out of sight
    assert edited.exit_code == 1 and "in the trash" in edited.stderr
    shown = json.loads(library("show", "roe2020thrombosis", "--json").stdout)
    assert shown["trashed"] is True and shown["tags"] == ["keep"]
    assert [row["key"] for row in json.loads(library("trash", "--json").stdout)] == ["roe2020thrombosis"]
    stats = json.loads(library("stats", "--json").stdout)
    assert (stats["works"], stats["in_trash"]) == (2, 1)
    # re-importing the file does not bring it back behind the user's back, and says so
    reimport = library("import", "--force", str(tmp_path / "refs.bib"))
    assert "in the trash" in reimport.stderr and keys(library, "--trash") == ["roe2020thrombosis"]
    assert library("restore", "roe2020thrombosis").exit_code == 0
    assert keys(library, "10.5555/vexas.thromb.2020") == ["roe2020thrombosis"]
    assert json.loads(library("show", "roe2020thrombosis", "--json").stdout)["tags"] == ["keep"]
    # emptying the trash deletes the work; its raw reference stays, detached
    library("remove", "roe2020thrombosis")
    emptied = library("trash", "--empty", "--json")
    assert json.loads(emptied.stdout)["works"] == 1 and json.loads(emptied.stdout)["references_kept"] == 1
    assert library("show", "roe2020thrombosis").exit_code == 1
    stats = json.loads(library("stats", "--json").stdout)
    assert stats["works"] == 2 and stats["references"] == 3
    # the raw input is still there: a forced re-read of the file brings the work back
    library("import", "--force", str(tmp_path / "refs.bib"))
    assert "roe2020thrombosis" in keys(library)


def test_claims_keep_pointing_at_a_removed_work_and_say_so(library, tmp_path):
    manuscript = tmp_path / "draft.md"
    manuscript.write_text("Thrombosis is frequent in VEXAS [@roe2020thrombosis].\n", encoding="utf-8")
    assert library("link", str(manuscript)).exit_code == 0
    library("remove", "roe2020thrombosis")
    claims = library("claims", "--format", "jsonl")
    assert json.loads(claims.stdout.splitlines()[0])["sources"][0]["key"] == "roe2020thrombosis"
    assert "removed" in library("claims").stdout
    checked = json.loads(library("check", str(manuscript), "--format", "json").stdout)
    assert any(f["kind"] == "removed-work" for f in checked["findings"])
    exported = library("export", "--cited-in", str(manuscript))
    assert "roe2020thrombosis" not in exported.stdout and "left out 1 cited work in the trash" in exported.stderr
    found = json.loads(library("find", "thrombosis", "--json").stdout)
    assert all(work["key"] != "roe2020thrombosis" for work in found["works"])


def test_keep_updated_export_follows_tag_note_remove_and_import(library, tmp_path):
    out = tmp_path / "out" / "jak.bib"
    library("tag", "roe2020thrombosis", "+jak")
    result = library("export", "--tag", "jak", "-o", str(out), "--keep-updated")
    assert result.exit_code == 0 and "kept up to date" in result.stderr
    assert out.read_text().count("@article") == 1
    tagged = library("tag", "poe2021ruxolitinib", "+jak")
    assert "rewrote kept-up-to-date export" in tagged.stderr
    assert out.read_text().count("@article") == 2
    library("note", "poe2021ruxolitinib", "read again")
    assert "annote = {read again}" in out.read_text()
    library("remove", "roe2020thrombosis")
    assert "roe2020thrombosis" not in out.read_text()
    # a whole-library export follows imports
    everything = tmp_path / "all.json"
    library("export", "--format", "csl-json", "-o", str(everything), "--keep-updated")
    more = tmp_path / "more.bib"
    more.write_text(MORE, encoding="utf-8")
    before = everything.stat().st_mtime_ns
    assert library("import", str(more)).exit_code == 0
    assert "zed2022new" in everything.read_text() and everything.stat().st_mtime_ns != before
    listed = json.loads(library("exports", "--json").stdout)
    assert [(Path(row["path"]).name, row["selection"]) for row in listed] == [("jak.bib", {"tag": "jak"}), ("all.json", {})]
    assert library("exports", "--remove", str(everything)).exit_code == 0
    library("tag", "zed2022new", "+jak")
    assert "zed2022new" in out.read_text()
    library("remove", "zed2022new")
    assert "zed2022new" not in out.read_text()
    assert "zed2022new" in everything.read_text()  # no longer kept up to date
    assert library("export", "--keep-updated").exit_code == 2  # stdout cannot be kept up to date


def test_an_unchanged_export_is_not_rewritten_and_a_failing_one_is_reported(library, tmp_path):
    out = tmp_path / "jak.bib"
    library("collection", "add", "JAK", "poe2021ruxolitinib")
    library("export", "--collection", "JAK", "-o", str(out), "--keep-updated")
    before = out.stat().st_mtime_ns
    library("tag", "beck2019somatic", "+other")  # not a work it covers
    library("note", "beck2019somatic", "not in this export")
    assert out.stat().st_mtime_ns == before
    library("collection", "rename", "JAK", "Reviews/JAK")  # the export follows the collection
    library("collection", "add", "Reviews/JAK", "beck2019somatic")
    assert out.read_text().count("@article") == 2
    library("collection", "remove", "Reviews/JAK", "beck2019somatic")
    library("collection", "rename", "Reviews/JAK", "JAK")
    deleted = library("collection", "delete", "JAK")
    assert deleted.exit_code == 0 and "not rewritten" in deleted.stderr and "JAK" in deleted.stderr
    assert out.read_text().count("@article") == 1  # left as it was


def test_a_kept_up_to_date_export_is_never_half_written(library, tmp_path):
    """Readers polling the file while it is rewritten see the old text or the new one."""
    out = tmp_path / "all.bib"
    library("export", "-o", str(out), "--keep-updated")
    seen: set[int] = set()
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            try:
                text = out.read_text()
            except FileNotFoundError:  # pragma: no cover - a rename never leaves no file
                seen.add(-1)
                continue
            assert text.endswith("}\n")
            seen.add(text.count("@article"))

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for n in range(6):
            library("note", "beck2019somatic", f"note {n} " + "x" * 20000)
    finally:
        stop.set()
        reader.join()
    assert seen == {3} and -1 not in seen
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".all.bib")]
    assert leftovers == []


def test_a_kept_up_to_date_export_by_keys_follows_a_rekeyed_work(library, tmp_path):
    out = tmp_path / "two.ris"
    library("export", "--keys", "roe2020thrombosis,poe2021ruxolitinib", "--format", "ris", "-o", str(out), "--keep-updated")
    assert library("rekey", "roe2020thrombosis", "roe2020").exit_code == 0
    assert "ID  - roe2020\n" in out.read_text() and "roe2020thrombosis" not in out.read_text()
    assert json.loads(library("exports", "--json").stdout)[0]["selection"] == {"keys": ["roe2020", "poe2021ruxolitinib"]}


def test_a_kept_up_to_date_export_follows_an_edit(library, tmp_path):
    out = tmp_path / "all.bib"
    assert library("export", "-o", str(out), "--keep-updated").exit_code == 0
    assert "2628--2638" not in out.read_text()
    edited = library("edit", "beck2019somatic", "pages=2628--2638", "title=Somatic variants of UBA1")
    assert edited.exit_code == 0, edited.stderr
    assert "rewrote kept-up-to-date export" in edited.stderr
    text = out.read_text()
    assert "pages = {2628--2638}" in text and "Somatic variants of {UBA1}" in text


def test_kept_exports_stamp_times_like_the_rest_of_the_library_and_report_only_their_own_rewrites(library, tmp_path):
    import re
    import sqlite3

    out = tmp_path / "jak.bib"
    library("tag", "roe2020thrombosis", "+jak")
    library("export", "--tag", "jak", "-o", str(out), "--keep-updated")
    tagged = library("tag", "poe2021ruxolitinib", "+jak")
    assert "rewrote kept-up-to-date export" in tagged.stderr
    # the next command, within the same second, rewrote nothing and says nothing of it
    listed = library("list")
    assert listed.exit_code == 0 and "rewrote" not in listed.stderr
    conn = sqlite3.connect(library.db)
    stamps = conn.execute("select created_at, written_at, checked_at from auto_exports").fetchone()
    work_stamp = conn.execute("select updated_at from works limit 1").fetchone()[0]
    second = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00")
    assert all(second.fullmatch(stamp) for stamp in (*stamps, work_stamp)), (stamps, work_stamp)


def test_a_tag_no_work_has_is_an_error_not_an_empty_export(library, tmp_path):
    out = tmp_path / "refs.bib"
    out.write_text("kept\n", encoding="utf-8")
    library("tag", "roe2020thrombosis", "+jak")
    for command in (("export", "--tag", "jka", "-o", str(out)), ("list", "--tag", "jka")):
        result = library(*command)
        assert result.exit_code == 1 and "no work has tag 'jka'" in result.stderr and "vexascite tags" in result.stderr
    assert out.read_text(encoding="utf-8") == "kept\n"  # nothing written over
    assert library("export", "--tag", "JAK", "-o", str(out)).exit_code == 0  # tags match in any case
    library("remove", "roe2020thrombosis")  # a tag only works in the trash carry still exists: an empty selection
    emptied = library("export", "--tag", "jak")
    assert emptied.exit_code == 0 and "exported 0 works" in emptied.stderr


def test_summaries_give_one_work_in_the_singular(library):
    removed = library("remove", "roe2020thrombosis")
    assert "1 work moved to the trash" in removed.stderr and "(s)" not in removed.stderr
    listed = library("trash")
    assert "1 work in the trash" in listed.stderr
    emptied = library("trash", "--empty")
    assert emptied.exit_code == 0
    assert "deleted 1 work for good; its 1 raw reference stays" in emptied.stderr and "(s)" not in emptied.stderr


def test_emptying_an_empty_trash_says_the_trash_is_empty(library):
    emptied = library("trash", "--empty")
    assert emptied.exit_code == 0 and "the trash is empty" in emptied.stderr and "deleted" not in emptied.stderr
    assert json.loads(library("trash", "--empty", "--json").stdout)["works"] == 0


def test_find_shortens_a_long_query_it_echoes_but_searches_it_whole(library):
    query = "unrelatedword " * 60 + "thrombosis"
    found = library("find", query)
    assert found.exit_code == 0
    assert query not in found.stderr and f"({len(query)} characters)" in found.stderr
    # the whole query was searched: its last word, far past what is echoed, finds the work
    assert "0 claims, 1 work, " in found.stderr and "roe2020thrombosis" in found.stdout
