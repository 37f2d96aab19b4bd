"""Citation keys: the pattern's placeholders, and a clear error for unknown ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from vexascite.citekeys import PLACEHOLDERS, check_key_pattern, key_stem
from vexascite.errors import UsageError

WORK = {
    "author": [{"family": "Beck"}, {"family": "Ferrada"}, {"family": "Sikora"}],
    "title": "Somatic mutations in UBA1 and severe adult-onset autoinflammatory disease",
    "issued": {"date-parts": [[2020]]},
    "container-title": "New England Journal of Medicine",
    "container-title-short": "N Engl J Med",
    "volume": "383",
    "issue": "27",
    "page": "2628-2638",
}


@pytest.mark.parametrize(
    ("pattern", "key"),
    [
        ("{author}{year}{title}", "beck2020somatic"),
        ("{authors}{year}", "beckEtAl2020"),
        ("{Author}{year}{ShortTitle}", "Beck2020SomaticMutationsUba1"),
        ("{author}_{shorttitle}", "beck_somaticmutationsuba1"),
        ("{journal}{volume}p{firstpage}", "NEnglJMed383p2628"),
        ("{author}{year}-{issue}", "beck2020-27"),
    ],
)
def test_placeholders(pattern: str, key: str) -> None:
    assert key_stem(WORK, pattern) == key


def test_two_authors_and_missing_fields() -> None:
    work = {"author": [{"family": "Beck"}, {"family": "Ferrada"}], "title": "x"}
    assert key_stem(work, "{authors}{year}{journal}{firstpage}") == "beckFerradand"


@pytest.mark.parametrize("pattern", ["{auth}{year}", "{author}{", "{author}{year!r:>}}"])
def test_bad_patterns_are_usage_errors(pattern: str) -> None:
    with pytest.raises(UsageError, match="key pattern"):
        check_key_pattern(pattern)
    with pytest.raises(UsageError):
        key_stem(WORK, pattern)


def test_every_placeholder_is_accepted() -> None:
    check_key_pattern("".join("{" + name + "}" for name in PLACEHOLDERS))


def test_import_with_an_unknown_placeholder_is_a_clear_usage_error(tmp_path: Path, run_cli) -> None:
    bib = tmp_path / "a.bib"
    bib.write_text("@article{a, title = {T}, author = {Beck, D.}, journal = {Blood}, year = {2020}}\n", encoding="utf-8")
    result = run_cli("import", str(bib), env={"VEXASCITE_KEY_PATTERN": "{journal}{year}{nosuch}"})
    assert result.exit_code == 2
    assert "unknown placeholder {nosuch}" in result.stderr
    ok = run_cli("import", str(bib), env={"VEXASCITE_KEY_PATTERN": "{journal}{year}"})
    assert ok.exit_code == 0, ok.output
