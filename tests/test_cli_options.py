"""Options that name nothing are usage errors (exit 2), never "everything"."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def run(run_cli, tmp_path: Path):
    bib = tmp_path / "two.bib"
    bib.write_text("@article{a, title={One}, year={2020}}\n@article{b, title={Two}, year={2021}}\n", encoding="utf-8")
    assert run_cli("import", str(bib)).exit_code == 0
    return run_cli


@pytest.mark.parametrize(
    "args",
    [
        ["export", "--keys", ",,,"],
        ["export", "--keys", ""],
        ["export", "--keys", " , ", "--keys", ","],
        ["format", "--keys", ",,,"],
        ["export", "--cited-in", ""],
        ["format", "--cited-in", " "],
        ["claims", "--doc", ""],
        ["find", "x", "--limit", "0"],
        ["find", "x", "--limit", "-1"],
        ["duplicates", "--threshold", "200"],
        ["duplicates", "--threshold", "-1"],
    ],
)
def test_an_option_naming_nothing_is_a_usage_error(run, args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert "@article" not in result.output and "One" not in result.output


def test_keys_still_select_and_mix_with_empty_parts(run) -> None:
    result = run("export", "--keys", ",a,,")
    assert result.exit_code == 0
    assert "@article{a," in result.output and "@article{b," not in result.output
