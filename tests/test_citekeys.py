"""Citation keys: the pattern's placeholders, and a clear error for unknown ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vexascite.citekeys import (
    PLACEHOLDERS,
    check_key_pattern,
    cited_key_of,
    is_usable_key,
    key_stem,
    own_key_of,
)
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


@pytest.mark.parametrize("key", ["beck2020somatic", "2020beck", "_x", "doi_10_5555_a", "a:b.c-d", "x" * 100])
def test_usable_keys(key: str) -> None:
    assert is_usable_key(key)


@pytest.mark.parametrize("key", ["smith/2020", "..", ".", "-x", "a b", "müller2020", "a{b}", "a,b", "a%b", "a#b", "x" * 101, ""])
def test_keys_that_break_urls_file_names_or_bibtex_are_not_usable(key: str) -> None:
    assert not is_usable_key(key)


def test_an_entry_key_that_cannot_be_a_library_key_is_still_the_key_it_is_cited_by() -> None:
    assert own_key_of("bibtex", "smith/2020") is None and cited_key_of("bibtex", " smith/2020 ") == "smith/2020"
    assert cited_key_of("bibtex", "a\x00b") is None and cited_key_of("ris", "smith/2020") is None
    assert own_key_of("csl-json", "2020beck") == "2020beck"


SLASHED = """@article{smith/2020,
  author = {Smith, Jane}, title = {A slash in the key}, journal = {Blood}, year = {2020}, doi = {10.5555/slash.1},
}
@article{m\u00fcller2020,
  author = {M\u00fcller, Ann}, title = {An umlaut in the key}, journal = {Blood}, year = {2021},
}
"""


def test_an_unusable_entry_key_is_replaced_said_and_still_names_its_work(tmp_path: Path, run_cli) -> None:
    bib = tmp_path / "a.bib"
    bib.write_text(SLASHED, encoding="utf-8")
    imported = run_cli("import", str(bib))
    assert imported.exit_code == 0, imported.output
    assert "2 entry keys cannot be library keys" in imported.stderr
    assert "smith/2020 as smith2020slash" in imported.stderr and "m\u00fcller2020 as muller2021umlaut" in imported.stderr
    for old, key in (("smith/2020", "smith2020slash"), ("m\u00fcller2020", "muller2021umlaut")):
        shown = run_cli("show", old, "--json")
        assert shown.exit_code == 0 and json.loads(shown.stdout)["key"] == key
        for query in (old, f"key:{old}"):  # list finds a work by a key it was known by, as show does
            listed = run_cli("list", query, "--json")
            assert [w["key"] for w in json.loads(listed.stdout)] == [key], query
    biblatex = run_cli("export", "--format", "biblatex")
    assert "@article{smith2020slash,\n  ids = {smith/2020}," in biblatex.stdout  # biber accepts \\cite{smith/2020}
    assert run_cli("export", "--keys", "smith/2020").exit_code == 0
    again = run_cli("import", str(bib), "--force")  # re-reading it says it again, and changes nothing
    assert again.exit_code == 0 and "smith/2020 as smith2020slash" in again.stderr
    assert len(json.loads(run_cli("list", "--json").stdout)) == 2


def test_an_entry_key_with_a_space_is_said_not_kept(tmp_path: Path, run_cli) -> None:
    """No manuscript cites ``smith 2020``: the work gets a key of its own and the import says so."""
    bib = tmp_path / "a.bib"
    bib.write_text("@article{smith 2020, author = {Smith, Jane}, title = {A space in the key}, year = {2020}}\n", encoding="utf-8")
    imported = run_cli("import", str(bib))
    assert imported.exit_code == 0, imported.output
    assert "1 entry key cannot name its work (a space or a control character" in imported.stderr
    assert "'smith 2020' as smith2020space" in imported.stderr
    assert run_cli("show", "smith 2020").exit_code != 0


@pytest.mark.parametrize("key", ["a/b", "..", "-x", "a b"])
def test_rekey_and_add_refuse_a_key_that_breaks_urls_or_bibtex(tmp_path: Path, run_cli, key: str) -> None:
    bib = tmp_path / "a.bib"
    bib.write_text(SLASHED, encoding="utf-8")
    assert run_cli("import", str(bib)).exit_code == 0
    refused = run_cli("rekey", "smith2020slash", "--", key)
    assert refused.exit_code == 2 and "is not a usable key" in refused.stderr
    added = run_cli("add", "10.5555/slash.2", f"--key={key}")  # refused before any service is asked
    assert added.exit_code == 2 and "is not a usable key" in added.stderr


def test_a_key_pasted_with_spaces_finds_its_work_and_a_miscased_one_is_named(tmp_path: Path, run_cli) -> None:
    bib = tmp_path / "a.bib"
    bib.write_text(SLASHED, encoding="utf-8")
    assert run_cli("import", str(bib)).exit_code == 0
    shown = run_cli("show", " smith2020slash\n", "--json")
    assert shown.exit_code == 0 and json.loads(shown.stdout)["key"] == "smith2020slash"
    assert run_cli("tag", "smith2020slash ", "+jak").exit_code == 0
    wrong = run_cli("show", "Smith2020Slash")
    assert wrong.exit_code == 1
    assert "did you mean 'smith2020slash'?" in wrong.stderr
