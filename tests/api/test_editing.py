"""Editing works and keys that keep working, from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.fakes import FakeCrossref, FakeDoiOrg, FakeNcbi, crossref_work
from vexascite.api.editing import csl_field, field_value, parse_assignments
from vexascite.errors import UsageError

ENTRY = """@article{{{key},
  title = {{Somatic {{UBA1}} variants in an imaginary cohort}},
  author = {{Okonkwo, Daniel Ifeanyi and Lindqvist, Astrid}},
  journal = {{Journal of Imaginary Rheumatology}},
  year = {{2031}},
  volume = {{12}},
  pages = {{101--115}},
  doi = {{10.5555/vexas.edit.1}}
}}
"""


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def env_of(crossref: FakeCrossref, ncbi: FakeNcbi, doiorg: FakeDoiOrg) -> dict[str, str]:
    return {
        "VEXASCITE_CROSSREF_URL": crossref.url, "VEXASCITE_NCBI_URL": ncbi.url + "/entrez/eutils",
        "VEXASCITE_IDCONV_URL": ncbi.url + "/idconv/", "VEXASCITE_DOI_URL": doiorg.url,
        "VEXASCITE_MAILTO": "tests@example.org", "VEXASCITE_TIMEOUT": "2",
    }


def shown(run_cli, key: str) -> dict:
    result = run_cli("show", key, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_an_edit_survives_reimport_and_resolve_refresh(tmp_path: Path, run_cli) -> None:
    bib = write(tmp_path / "a.bib", ENTRY.format(key="okonkwo2031"))
    with FakeCrossref() as crossref, FakeNcbi() as ncbi, FakeDoiOrg() as doiorg:
        crossref.add_work(crossref_work(
            "10.5555/vexas.edit.1", "SOMATIC UBA1 VARIANTS IN AN IMAGINARY COHORT", [("Okonkwo", None)],
            "Journal of Imaginary Rheumatology", None, 2031, "12", None, "101",
        ))
        env = env_of(crossref, ncbi, doiorg)
        assert run_cli("import", str(bib), env=env).exit_code == 0
        edited = run_cli("edit", "okonkwo2031", "title=A title of my own", "pages=101--116", "--unset", "volume", env=env)
        assert edited.exit_code == 0, edited.output
        assert run_cli("resolve", "--refresh", env=env).exit_code == 0
        assert crossref.total_requests > 0
        write(bib, ENTRY.format(key="okonkwo2031").replace("2031}}", "2031}}\n  note = {{changed}}"))
        assert run_cli("import", str(bib), env=env).exit_code == 0
        assert run_cli("resolve", "--refresh", env=env).exit_code == 0
    row = shown(run_cli, "okonkwo2031")
    assert row["csl"]["title"] == "A title of my own"
    assert row["csl"]["page"] == "101-116"
    assert "volume" not in row["csl"]
    assert row["provenance"]["title"] == "user"
    assert row["edits"] == {"title": "A title of my own", "page": "101-116", "volume": None}
    assert row["csl"]["DOI"] == "10.5555/vexas.edit.1"
    text = run_cli("show", "okonkwo2031").stdout
    assert "title (edited)" in text and "volume (removed)" in text


def test_an_edit_survives_merge(tmp_path: Path, run_cli) -> None:
    bib = write(tmp_path / "a.bib", ENTRY.format(key="a2031") + ENTRY.format(key="b2031").replace("10.5555/vexas.edit.1", "10.5555/vexas.edit.2"))
    assert run_cli("import", str(bib)).exit_code == 0
    assert run_cli("edit", "b2031", "title=Kept by the user").exit_code == 0
    assert run_cli("merge", "a2031", "b2031").exit_code == 0
    row = shown(run_cli, "a2031")
    assert row["csl"]["title"] == "Kept by the user"
    assert [a["alias"] for a in row["aliases"]] == ["b2031"]
    assert shown(run_cli, "b2031")["key"] == "a2031"  # the merged key still names the work
    exported = run_cli("export", "--keys", "b2031")
    assert exported.exit_code == 0 and "@article{a2031," in exported.stdout
    biblatex = run_cli("export", "--keys", "a2031", "--format", "biblatex")
    assert "  ids = {b2031},\n" in biblatex.stdout  # \cite{b2031} keeps working with biber
    assert "ids = " not in exported.stdout  # BibTeX has no such field


def test_revert_drops_your_edit_from_the_command_line(tmp_path: Path, run_cli) -> None:
    """The page's *undo*, from the command line: the sources' value is used again (an
    edit was only ever replaced, never taken back, without the browser)."""
    entry = ENTRY.replace("Lindqvist, Astrid", "Lindqvist, Astrid and others")
    assert run_cli("import", str(write(tmp_path / "a.bib", entry.format(key="k")))).exit_code == 0
    assert run_cli("edit", "k", "volume=99", "author=Okonkwo, D. and Lindqvist, A.", "--unset", "pages").exit_code == 0
    reverted = run_cli("edit", "k", "--revert", "volume", "--revert", "author", "--revert", "pages")
    assert reverted.exit_code == 0, reverted.output
    assert "k: your edits of volume, author, page dropped" in reverted.stderr
    row = shown(run_cli, "k")
    assert row["edits"] == {}
    assert row["csl"]["volume"] == "12" and row["csl"]["page"] == "101-115"
    assert row["csl"]["author"][0]["given"] == "Daniel Ifeanyi" and row["csl"]["et-al"] is True  # the cut list again
    again = run_cli("edit", "k", "--revert", "volume")
    assert again.exit_code == 2 and "volume was not edited" in again.stderr
    both = run_cli("edit", "k", "volume=3", "--revert", "volume")
    assert both.exit_code == 2


def test_merge_says_which_of_your_edits_gave_way(tmp_path: Path, run_cli) -> None:
    """Both works edited in the same field: KEEP's value stays, and the merge says that
    DROP's own value gave way instead of dropping it without a word."""
    bib = write(tmp_path / "a.bib", ENTRY.format(key="a2031") + ENTRY.format(key="b2031").replace("10.5555/vexas.edit.1", "10.5555/vexas.edit.2"))
    assert run_cli("import", str(bib)).exit_code == 0
    assert run_cli("edit", "a2031", "volume=44").exit_code == 0
    assert run_cli("edit", "b2031", "volume=55", "note=mine").exit_code == 0
    merged = run_cli("merge", "a2031", "b2031")
    assert merged.exit_code == 0
    assert "b2031's own volume (55) gave way to a2031's (44)" in merged.stderr
    row = shown(run_cli, "a2031")
    assert row["edits"] == {"volume": "44", "note": "mine"}  # an edit only DROP had moves over


def test_merging_a_work_with_its_own_other_key_changes_nothing_and_says_so(tmp_path: Path, run_cli) -> None:
    """An alias names the same work: nothing to merge, said (it failed on a foreign key once)."""
    assert run_cli("import", str(write(tmp_path / "a.bib", ENTRY.format(key="k")))).exit_code == 0
    assert run_cli("rekey", "k", "okonkwo").exit_code == 0
    for pair in (("okonkwo", "k"), ("k", "okonkwo")):
        result = run_cli("merge", *pair)
        assert result.exit_code == 0 and "nothing to merge" in result.stderr and "FOREIGN" not in result.stderr
        assert "name the same work already (okonkwo" in result.stderr
    assert shown(run_cli, "k")["key"] == "okonkwo"
    assert run_cli("merge", "okonkwo", "nosuch").exit_code != 0  # an unknown key is still an error


def test_a_merge_run_again_is_safe(tmp_path: Path, run_cli) -> None:
    """A repeated merge (DROP is a key of KEEP now) exits 0 saying there is nothing to do,
    as a repeated 'tag' or 'rekey' does; the work and its edits are as the first run left them."""
    bib = write(tmp_path / "a.bib", ENTRY.format(key="a2031") + ENTRY.format(key="b2031").replace("10.5555/vexas.edit.1", "10.5555/vexas.edit.2"))
    assert run_cli("import", str(bib)).exit_code == 0
    assert run_cli("edit", "b2031", "note=mine").exit_code == 0
    assert run_cli("merge", "a2031", "b2031").exit_code == 0
    before = shown(run_cli, "a2031")
    again = run_cli("merge", "a2031", "b2031")
    assert again.exit_code == 0, again.output
    assert "nothing to merge" in again.stderr and "merged b2031 into" not in again.stderr
    assert shown(run_cli, "a2031") == before


def test_a_known_work_under_another_key_becomes_an_alias(tmp_path: Path, run_cli) -> None:
    first = write(tmp_path / "first.bib", ENTRY.format(key="okonkwo2031"))
    second = write(tmp_path / "second.bib", ENTRY.format(key="OkonkwoUBA1"))
    assert run_cli("import", str(first)).exit_code == 0
    result = run_cli("import", str(second), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout[: result.stdout.rindex("]") + 1])
    assert report[0]["new_works"] == 0 and report[0]["aliases"] == 1
    assert len(json.loads(run_cli("list", "--json").stdout)) == 1
    exported = run_cli("export", "--keys", "OkonkwoUBA1,okonkwo2031")
    assert exported.exit_code == 0, exported.output
    assert exported.stdout.count("@article{") == 1 and "@article{okonkwo2031," in exported.stdout
    row = shown(run_cli, "OkonkwoUBA1")
    assert row["key"] == "okonkwo2031" and row["aliases"][0]["alias"] == "OkonkwoUBA1"
    manuscript = write(tmp_path / "paper.md", "UBA1 variants cause disease [@OkonkwoUBA1].\n")
    linked = run_cli("link", str(manuscript), "--json")
    assert linked.exit_code == 0, linked.output
    assert json.loads(linked.stdout)["linked"] == 1


def test_rekey_keeps_the_old_key_working_in_link(tmp_path: Path, run_cli) -> None:
    assert run_cli("import", str(write(tmp_path / "a.bib", ENTRY.format(key="okonkwo2031")))).exit_code == 0
    assert run_cli("rekey", "okonkwo2031", "okonkwoNew").exit_code == 0
    manuscript = write(tmp_path / "paper.md", "UBA1 variants cause disease [@okonkwo2031].\n")
    linked = run_cli("link", str(manuscript), "--json")
    assert json.loads(linked.stdout)["linked"] == 1
    assert shown(run_cli, "okonkwo2031")["key"] == "okonkwoNew"
    assert run_cli("rekey", "okonkwoNew", "okonkwo2031").exit_code == 0  # a work may take back its old key
    assert shown(run_cli, "okonkwoNew")["key"] == "okonkwo2031"
    again = run_cli("rekey", "okonkwo2031", "okonkwo2031")  # a rerun: nothing changes, and it says why
    assert again.exit_code == 0 and "okonkwo2031 kept (already its key)" in again.stderr


def test_bad_edits_are_usage_errors(tmp_path: Path, run_cli) -> None:
    assert run_cli("import", str(write(tmp_path / "a.bib", ENTRY.format(key="k")))).exit_code == 0
    for args in (["nosuchfield=1"], ["year=soon"], ["title"], []):
        result = run_cli("edit", "k", *args)
        assert result.exit_code == 2, (args, result.output)
    assert run_cli("edit", "missing", "title=x").exit_code == 1


def test_field_values() -> None:
    assert parse_assignments(["year=2020-05", "journal=Blood", "doi=https://doi.org/10.5555/X"]) == {
        "issued": {"date-parts": [[2020, 5]]}, "container-title": "Blood", "DOI": "10.5555/X",
    }
    assert field_value("author", "Beck, David B. and Ferrada, M. A.") == [
        {"family": "Beck", "given": "David B."}, {"family": "Ferrada", "given": "M. A."},
    ]
    with pytest.raises(UsageError):
        field_value("PMID", "abc")
    assert field_value("issued", "2024-02-29") == {"date-parts": [[2024, 2, 29]]}
    for impossible in ("2021-13", "2021-13-45", "2021-02-30", "2021-00", "2021-04-31"):
        with pytest.raises(UsageError, match="not a date"):
            field_value("issued", impossible)


def test_the_key_is_not_a_field_to_edit() -> None:
    """``id`` and ``citation-key`` are the work's key: an edit of them would be stored and
    shown as done while the key stays (exports write the key); rekey changes it."""
    for name in ("id", "citation-key", "ID"):
        with pytest.raises(UsageError, match="rekey"):
            csl_field(name)


def test_an_edited_author_list_says_whether_it_is_cut(tmp_path: Path, run_cli) -> None:
    assert run_cli("import", str(write(tmp_path / "a.bib", ENTRY.format(key="k")))).exit_code == 0
    assert run_cli("edit", "k", "author=Okonkwo, Daniel Ifeanyi and others").exit_code == 0
    assert "and others}" in run_cli("export", "--keys", "k").stdout
    assert run_cli("edit", "k", "author=Okonkwo, Daniel Ifeanyi and Lindqvist, Astrid").exit_code == 0
    exported = run_cli("export", "--keys", "k").stdout
    assert "author = {Okonkwo, Daniel Ifeanyi and Lindqvist, Astrid}" in exported


def test_an_edit_survives_reparse(tmp_path: Path, run_cli) -> None:
    refs = write(tmp_path / "refs.txt", "References\n\n1. Okonkwo DI, Lindqvist A. Somatic UBA1 variants in an "
                 "imaginary cohort. J Imag Rheumatol. 2031;12:101-15.\n")
    assert run_cli("import", str(refs)).exit_code == 0
    [work] = json.loads(run_cli("list", "--json").stdout)
    assert run_cli("edit", work["key"], "title=Edited by hand").exit_code == 0
    assert run_cli("reparse", "--all").exit_code == 0
    assert shown(run_cli, work["key"])["csl"]["title"] == "Edited by hand"


@pytest.mark.parametrize("value", ["a \x1b[31mred title", "bell\x07", "c1 \x9b control"])
def test_an_edited_value_with_a_control_character_is_refused(value: str) -> None:
    """An escape sequence pasted from a terminal is no title: refused with the character named."""
    with pytest.raises(UsageError, match="control character"):
        field_value("title", value)
    assert field_value("title", "two\tparts") == "two\tparts"  # spacing is text


def test_an_edit_given_again_changes_nothing_and_says_so(tmp_path: Path, run_cli) -> None:
    """A DOI set again to what it is does not send a verified work back to 'unresolved'."""
    assert run_cli("import", str(write(tmp_path / "a.bib", ENTRY.format(key="k")))).exit_code == 0
    first = run_cli("edit", "k", "DOI=10.5555/edit.again", "volume=7", "--unset", "pages")
    assert first.exit_code == 0 and "k: edited DOI, volume, -page" in first.stderr
    import sqlite3

    with sqlite3.connect(run_cli.db) as conn:  # as if resolve had verified it since
        conn.execute("update works set status = 'resolved', status_message = null where key = 'k'")
    again = run_cli("edit", "k", "DOI=10.5555/EDIT.AGAIN", "volume=7", "--unset", "pages", "--json")
    assert again.exit_code == 0, again.output
    assert "k: DOI, page, volume already as you edited them; unchanged" in again.stderr and "k: edited" not in again.stderr
    assert json.loads(again.stdout)["unchanged"] == ["DOI", "page", "volume"] and shown(run_cli, "k")["status"] == "resolved"
    changed = run_cli("edit", "k", "volume=8")
    assert changed.exit_code == 0 and "k: edited volume" in changed.stderr
