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
