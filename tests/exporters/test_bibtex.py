"""BibTeX/BibLaTeX export: mapping, consumers (bibtexparser, pybtex) and round trips
through vexascite's own BibTeX importer."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import bibtexparser
import pybtex.errors
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pybtex.database import parse_string as pybtex_parse
from pybtex.plugin import find_plugin

from vexascite.exporters import ExportItem
from vexascite.exporters.bibtex import bibtex_name, bibtex_pages, work_to_bibtex, write_bibtex
from vexascite.importers.bibtex import read_bibtex

from .helpers import DATA, gold_works

NEJM = {
    "type": "article-journal",
    "title": "Somatic mutations in UBA1 and severe adult-onset autoinflammatory disease",
    "author": [
        {"family": "Beck", "given": "David B."},
        {"family": "Ferrada", "given": "Marcela A."},
    ],
    "container-title": "N Engl J Med",
    "issued": {"date-parts": [[2020, 12, 31]]},
    "volume": "383",
    "issue": "27",
    "page": "2628-2638",
    "DOI": "10.1056/NEJMoa2026834",
    "PMID": "33108101",
}


def fields_of(entry: str) -> dict[str, str]:
    return dict(re.findall(r"^  (\w+) = (.*?),?$", entry, re.M))


def test_article_fields_pages_month_and_protection() -> None:
    entry = work_to_bibtex(ExportItem("beck2020somatic", NEJM))
    assert entry.startswith("@article{beck2020somatic,\n")
    fields = fields_of(entry)
    assert fields["author"] == "{Beck, David B. and Ferrada, Marcela A.}"
    assert (
        fields["title"]
        == "{Somatic mutations in {UBA1} and severe adult-onset autoinflammatory disease}"
    )
    assert fields["journal"] == "{N Engl J Med}"
    assert fields["year"] == "{2020}"
    assert fields["month"] == "dec"
    assert fields["pages"] == "{2628--2638}"
    assert fields["number"] == "{27}"
    assert fields["doi"] == "{10.1056/NEJMoa2026834}"
    assert fields["pmid"] == "{33108101}"


def test_biblatex_uses_its_own_fields() -> None:
    fields = fields_of(work_to_bibtex(ExportItem("k", NEJM), "biblatex"))
    assert fields["journaltitle"] == "{N Engl J Med}"
    assert fields["date"] == "{2020-12-31}"
    assert "month" not in fields and "year" not in fields


@pytest.mark.parametrize(
    ("csl_type", "bibtex_type", "biblatex_type"),
    [
        ("article-journal", "article", "article"),
        ("paper-conference", "inproceedings", "inproceedings"),
        ("chapter", "incollection", "incollection"),
        ("book", "book", "book"),
        ("webpage", "misc", "online"),
        ("thesis", "phdthesis", "thesis"),
        ("report", "techreport", "report"),
        ("dataset", "misc", "dataset"),
        ("something-else", "misc", "misc"),
    ],
)
def test_entry_types(csl_type: str, bibtex_type: str, biblatex_type: str) -> None:
    work = {"type": csl_type, "title": "T", "container-title": "C"}
    assert work_to_bibtex(ExportItem("k", work)).startswith(f"@{bibtex_type}{{k,")
    assert work_to_bibtex(ExportItem("k", work), "biblatex").startswith(f"@{biblatex_type}{{k,")


def test_containers_follow_the_entry_type() -> None:
    chapter = fields_of(
        work_to_bibtex(
            ExportItem("k", {"type": "chapter", "container-title": "Textbook of Rheumatology"})
        )
    )
    assert chapter["booktitle"] == "{Textbook of {Rheumatology}}"
    web = fields_of(
        work_to_bibtex(
            ExportItem(
                "k",
                {
                    "type": "webpage",
                    "container-title": "ASH",
                    "URL": "https://x.org/a_b%20c",
                    "accessed": {"date-parts": [[2021, 11, 11]]},
                },
            )
        )
    )
    assert web["howpublished"] == "{ASH}"
    assert web["url"] == "{https://x.org/a_b%20c}"
    assert web["urldate"] == "{2021-11-11}"


@pytest.mark.parametrize(
    ("pages", "written"),
    [
        ("2628-2638", "2628--2638"),
        ("2628–38", "2628--38"),
        ("e407 - e414", "e407--e414"),
        ("12", "12"),
        ("1-2, 5-6", "1--2, 5--6"),
    ],
)
def test_page_ranges(pages: str, written: str) -> None:
    assert bibtex_pages(pages) == written


@pytest.mark.parametrize(
    ("person", "name"),
    [
        ({"family": "Beck", "given": "D. B."}, "Beck, D. B."),
        ({"literal": "VEXAS Study Group & Co"}, r"{VEXAS Study Group \& Co}"),
        ({"family": "de la Cruz", "given": "José"}, r"{de la Cruz}, Jos{\'{e}}"),
        (
            {"family": "Berg", "non-dropping-particle": "van der", "given": "Ann"},
            "van der Berg, Ann",
        ),
        ({"family": "Müller", "given": "Jörg", "suffix": "Jr."}, r"M{\"{u}}ller, Jr., J{\"{o}}rg"),
        ({"family": "Smith, Jones"}, "{Smith, Jones}"),
        ({"family": "Anderson and Sons"}, "{Anderson and Sons}"),
    ],
)
def test_names(person: dict[str, str], name: str) -> None:
    assert bibtex_name(person) == name


def test_unknown_fields_of_the_imported_entry_are_given_back() -> None:
    imported = {
        "entrytype": "article",
        "key": "Beck2020",
        "fields": {
            "file": ":a.pdf:PDF",
            "Groups": "vexas",
            "title": "old",
            "author": "Beck, D. and others",
        },
    }
    entry = work_to_bibtex(ExportItem("beck2020somatic", {**NEJM, "et-al": True}, imported))
    fields = fields_of(entry)
    assert fields["file"] == "{:a.pdf:PDF}"
    assert fields["groups"] == "{vexas}"
    assert "old" not in fields["title"]
    assert fields["author"].endswith(" and others}")


def test_a_complete_author_list_is_not_cut_by_the_imported_entry() -> None:
    """The effective record decides: a complete list that won the merge ends without
    "and others" even though the imported entry's shorter list was cut."""
    imported = {"entrytype": "article", "key": "Beck2020", "fields": {"author": "Beck, D. and others"}}
    fields = fields_of(work_to_bibtex(ExportItem("beck2020somatic", NEJM, imported)))
    assert "others" not in fields["author"]


def test_output_is_deterministic() -> None:
    items = [ExportItem(f"k{i}", {**NEJM, "title": f"Title {i} Ü"}) for i in range(50)]
    assert write_bibtex(items) == write_bibtex([ExportItem(i.key, dict(i.csl)) for i in items])


# -- consumers ------------------------------------------------------------------------------
def consumer_check(text: str) -> int:
    """Parse with bibtexparser and pybtex (and format with pybtex's unsrt style); returns
    the number of entries; fails on any error or warning."""
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    with pybtex.errors.capture() as captured:
        data = pybtex_parse(text, "bibtex")
        style = find_plugin("pybtex.style.formatting", "unsrt")()
        for key, entry in data.entries.items():
            try:
                style.format_entries([entry])
                list(style.format_entries([entry]))
            except Exception as exc:  # missing required fields are the data's, not the writer's
                if type(exc).__name__ != "FieldIsMissing":
                    raise AssertionError(f"pybtex could not format {key}: {exc}") from exc
    assert [str(e) for e in captured] == []
    assert len(library.entries) == len(data.entries)
    return len(library.entries)


@pytest.mark.parametrize("dialect", ["bibtex", "biblatex"])
@pytest.mark.parametrize("unicode", [False, True])
def test_consumers_read_the_roundtrip_fixture(dialect: str, unicode: bool) -> None:
    parsed = read_bibtex((DATA / "roundtrip.bib").read_text(encoding="utf-8"))
    items = [
        ExportItem(r.entry_key or "", r.fields, r.extra.get("bibtex")) for r in parsed.references
    ]
    assert consumer_check(write_bibtex(items, dialect, unicode=unicode)) == len(items)


def test_consumers_read_the_seed_gold(shared_dir: Path) -> None:
    items = gold_works(shared_dir)
    assert consumer_check(write_bibtex(items)) == len(items) == 31


def test_consumers_read_hostile_values() -> None:
    work = {
        "type": "article-journal",
        "title": "Unbalanced } brace and { another { one, 100% $ # _ ~ ^ \\ & <i>x</i> α ≥ 1",
        "author": [{"family": "O'Brien {", "given": "}"}, {"literal": "}{ group"}],
        "container-title": "J & J",
        "note": "50% \\ off",
    }
    assert consumer_check(write_bibtex([ExportItem("hostile", work)])) == 1


# -- round trips ----------------------------------------------------------------------------
def roundtrip(
    items: list[ExportItem], dialect: str = "bibtex", unicode: bool = False
) -> dict[str, dict[str, Any]]:
    text = write_bibtex(items, dialect, unicode=unicode)
    parsed = read_bibtex(text)
    assert parsed.problems == []
    return {ref.entry_key: ref.fields for ref in parsed.references}


@pytest.mark.parametrize("dialect", ["bibtex", "biblatex"])
@pytest.mark.parametrize("unicode", [False, True])
def test_roundtrip_fixture_every_field_equal(dialect: str, unicode: bool) -> None:
    first = read_bibtex((DATA / "roundtrip.bib").read_text(encoding="utf-8"))
    assert first.problems == []
    items = [
        ExportItem(r.entry_key or "", r.fields, r.extra.get("bibtex")) for r in first.references
    ]
    again = roundtrip(items, dialect, unicode)
    for ref in first.references:
        # BibTeX has no web page type: @misc with url and urldate reads back as one
        assert again[ref.entry_key] == ref.fields, ref.entry_key
    # the fixture's fields the mapping does not cover come back too
    text = write_bibtex(items, dialect, unicode=unicode)
    for name in ("file", "groups", "mrclass", "timestamp"):
        assert f"  {name} = " in text


@pytest.mark.parametrize("dialect", ["bibtex", "biblatex"])
def test_roundtrip_seed_gold_every_field_equal(shared_dir: Path, dialect: str) -> None:
    items = gold_works(shared_dir)
    again = roundtrip(items, dialect)
    for item in items:
        assert again[item.key] == item.csl, item.key


# -- properties -----------------------------------------------------------------------------
TEX_SPECIALS = "&%$#_{}~^\\"
text_alphabet = st.one_of(
    st.sampled_from(list(TEX_SPECIALS) + list("éüçøßñłÅ–’") + [" ", "-", "'", "`"]),
    st.characters(whitelist_categories=("Lu", "Ll", "Nd"), max_codepoint=0x24F),
)


def normalised(text: str) -> str:
    return " ".join(text.split())


words = st.text(text_alphabet, min_size=1, max_size=40).map(normalised).filter(bool)
family_names = st.text(
    st.one_of(
        st.sampled_from(list(TEX_SPECIALS) + list("éüøßñ-'")),
        st.characters(whitelist_categories=("Lu", "Ll"), max_codepoint=0x17F),
    ),
    min_size=1,
    max_size=20,
).filter(lambda s: s.strip() == s and s)


def _importer_reads(latex: str) -> str:
    return read_bibtex("@misc{k, title = {" + latex + "}}").references[0].fields.get("title", "")


def test_caret_and_specials_next_to_rare_symbols_roundtrip() -> None:
    for title in ("x^2 and 2^n", "R&D of 5 µm beads, 100% pure", "a_b #1 $5 ~ \\ end"):
        again = roundtrip([ExportItem("k", {"type": "article-journal", "title": title})])["k"]
        assert again["title"] == title


#: Measured, not assumed, so the property below turns strict by itself once fixed: the
#: importer's table decoder turns ``-{}-`` (BibTeX's literal double hyphen) into an en
#: dash when the value also holds another command.
DASH_GAP = _importer_reads(r"-{}-\&") != "--&"


@pytest.mark.xfail(
    DASH_GAP, reason="importer reads -{}- as an en dash next to other commands", strict=True
)
def test_literal_double_hyphen_roundtrip() -> None:
    again = roundtrip([ExportItem("k", {"type": "article-journal", "title": "a--b & c"})])["k"]
    assert again["title"] == "a--b & c"


def test_literal_braces_roundtrip() -> None:
    for title in ("set {a, b}", "open { only", "close } only", "{}"):
        again = roundtrip([ExportItem("k", {"type": "article-journal", "title": title})])["k"]
        assert again["title"] == title


def test_importer_reads_escaped_braces_and_text_symbols() -> None:
    assert _importer_reads(r"a\{b\}") == "a{b}"
    assert _importer_reads(r"\textasciicircum{}") == "^"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=words, family=family_names, given_name=family_names)
def test_property_titles_and_names_with_tex_specials_roundtrip(
    title: str, family: str, given_name: str
) -> None:
    work = {
        "type": "article-journal",
        "title": title,
        "author": [{"family": family, "given": given_name}],
        "container-title": title,
    }
    assume(not (DASH_GAP and any("--" in text for text in (title, family, given_name))))
    again = roundtrip([ExportItem("k", work)])["k"]
    assert again["title"] == title
    assert again["container-title"] == title
    assert again["author"] == [{"family": family, "given": given_name}]


def test_cut_author_list_from_a_reference_string_ends_with_and_others() -> None:
    entry = work_to_bibtex(ExportItem("k", {**NEJM, "et-al": True}))
    assert fields_of(entry)["author"] == "{Beck, David B. and Ferrada, Marcela A. and others}"
