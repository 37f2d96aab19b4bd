"""Near-duplicate pairs as the command lists them."""

from __future__ import annotations

import json


def test_a_pair_is_listed_however_many_other_titles_look_as_alike(run_cli, tmp_path) -> None:
    """Ten best candidates per title by WRatio lost this pair: 30 titles of other authors
    and years differ from the first title by fewer letters than the second does."""
    path = tmp_path / "many.bib"
    others = "".join(f"@article{{o{n}, author={{Other{n}, A.}}, title={{Study 90 of VEXAS in cohort {100 + n}}}, year={1960 + 3 * n}}}\n"
                     for n in range(30))
    path.write_text(others + "@article{a, author={Okafor, N.}, title={Study 90 of VEXAS in cohort 90}, year=2031}\n"
                    "@article{b, author={Okafor, N.}, title={Study 91 of VEXAS in cohort 91}, year=2031}\n")
    run_cli("import", str(path))
    assert [(p["a"], p["b"]) for p in json.loads(run_cli("duplicates", "--json").stdout)] == [("a", "b")]


def test_a_threshold_under_15_lists_pairs_instead_of_failing(run_cli, tmp_path) -> None:
    """The titles' cutoff is 15 under the threshold: under 0 it is 0 (rapidfuzz refused it)."""
    path = tmp_path / "few.bib"
    path.write_text(
        "@article{a, author={Okafor, N.}, title={Ruxolitinib in VEXAS syndrome}, year=2031}\n"
        "@article{b, author={Okafor, N.}, title={Azacitidine for relapsing polychondritis}, year=2031}\n"
    )
    run_cli("import", str(path))
    assert json.loads(run_cli("duplicates", "--json").stdout) == []
    low = json.loads(run_cli("duplicates", "--json", "--threshold", "10").stdout)
    assert [(p["a"], p["b"]) for p in low] == [("a", "b")] and "same first author, same year" in low[0]["why"]


def test_pairs_past_each_works_ten_are_counted_not_dropped_silently(run_cli, tmp_path) -> None:
    """Fifteen letters titled "Reply" of one year: 105 pairs score the threshold, each work
    is listed with its ten most alike, and the command says how many more there are."""
    path = tmp_path / "replies.bib"
    path.write_text("".join(f"@article{{r{n:02d}, author={{Writer{n}, A.}}, title={{Reply}}, year=2031}}\n"
                            for n in range(15)))
    run_cli("import", str(path))
    shown = run_cli("duplicates", "--json")
    listed = len(json.loads(shown.stdout))
    assert 0 < listed < 105
    assert f"{105 - listed} more pairs scored 85 or more but not listed" in shown.stderr
    assert "most alike" in shown.stderr


def test_pairs_are_kept_until_a_work_changes(tmp_path, monkeypatch) -> None:
    """Asked again (each page of the web page), the pairs are read as kept rather than found
    again; any write of a work finds them again, and each threshold keeps its own."""
    from vexascite import api
    from vexascite.api import library
    from vexascite.config import load_settings

    settings = load_settings(tmp_path / "none.toml", {}, db=str(tmp_path / "library.db"))
    path = tmp_path / "replies.bib"
    path.write_text("".join(f"@article{{r{n:02d}, author={{Writer{n}, A.}}, title={{Reply}}, year=2031}}\n"
                            for n in range(15)) + "@article{x, author={Roe, R.}, title={Quokka habitats}, year=2031}\n"
                    "@article{y, author={Roe, R.}, title={Quokka habitat}, year=2031}\n", encoding="utf-8")
    api.import_paths(settings, [str(path)])
    found = []
    real = library.near_duplicates
    monkeypatch.setattr(library, "near_duplicates", lambda works, threshold: found.append(threshold) or real(works, threshold))
    first = api.find_near_duplicates(settings)
    again = api.find_near_duplicates(settings)
    assert found == [85.0]  # read as kept the second time
    assert again == first and again.unlisted == first.unlisted > 0 and again.per_work == first.per_work
    assert ("x", "y") in {(p.key_a, p.key_b) for p in again}
    api.find_near_duplicates(settings, 95.0)
    api.find_near_duplicates(settings, 95.0)
    assert found == [85.0, 95.0]
    api.edit_work(settings, "y", ["title=Wombat burrows"])
    changed = api.find_near_duplicates(settings)
    assert found == [85.0, 95.0, 85.0] and ("x", "y") not in {(p.key_a, p.key_b) for p in changed}
    api.remove_works(settings, ["r00"])
    assert all("r00" not in (p.key_a, p.key_b) for p in api.find_near_duplicates(settings))
    assert found == [85.0, 95.0, 85.0, 85.0]
    pages = [api.duplicates_page(settings, page, per_page=5) for page in (1, 2, 3)]  # the web page, a page at a time
    assert found == [85.0, 95.0, 85.0, 85.0]
    assert [p.key_a for page in pages for p in page.pairs] == [p.key_a for p in api.find_near_duplicates(settings)][:15]
