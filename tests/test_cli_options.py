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


def test_a_settings_file_named_but_missing_is_a_usage_error_not_ignored(run, tmp_path: Path) -> None:
    for named, why in ((tmp_path / "vexascite.tmol", "no such settings file"), (tmp_path, "is a folder, not a settings file")):
        result = run("--config", str(named), "stats")
        assert result.exit_code == 2 and f"--config {named}: {why}" in result.stderr
    settings = tmp_path / "settings.toml"
    settings.write_text('mailto = "someone@example.org"\n', encoding="utf-8")
    assert run("--config", str(settings), "stats").exit_code == 0
