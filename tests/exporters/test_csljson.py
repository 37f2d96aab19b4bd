"""CSL-JSON export: schema-valid, deterministic, and a faithful round trip."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vexascite.exporters import ExportItem
from vexascite.exporters.csljson import STRING_FIELDS, to_csl_data, write_csljson
from vexascite.importers.bibtex import read_bibtex
from vexascite.importers.csljson import read_csljson

from .helpers import DATA, gold_works


@pytest.fixture(scope="module")
def validator(shared_dir: Path) -> jsonschema.protocols.Validator:
    schema = json.loads((shared_dir / "schemas" / "csl-data.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def assert_valid(validator: jsonschema.protocols.Validator, text: str) -> list[dict[str, Any]]:
    data = json.loads(text)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    return data


def test_seed_gold_and_fixture_validate(
    validator: jsonschema.protocols.Validator, shared_dir: Path
) -> None:
    parsed = read_bibtex((DATA / "roundtrip.bib").read_text(encoding="utf-8"))
    items = gold_works(shared_dir) + [
        ExportItem(r.entry_key or "", r.fields) for r in parsed.references
    ]
    data = assert_valid(validator, write_csljson(items))
    assert [item["id"] for item in data] == [item.key for item in items]


def test_service_shaped_records_are_made_valid(validator: jsonschema.protocols.Validator) -> None:
    crossref_like = {
        "type": "journal-article",
        "title": ["Somatic mutations in <jats:italic>UBA1</jats:italic>"],
        "container-title": ["The New England Journal of Medicine"],
        "author": [
            {
                "family": "Beck",
                "given": "David B.",
                "ORCID": "http://orcid.org/0000",
                "sequence": "first",
                "affiliation": [],
            }
        ],
        "issued": "2020-12-31",
        "accessed": {"date-parts": [[2021, "11", 11]], "timestamp": 1},
        "page": 2628,
        "volume": 383,
        "reference-count": 25,
        "license": [{"URL": "x"}],
        "PMID": 33108101,
    }
    item = assert_valid(validator, write_csljson([ExportItem("beck2020somatic", crossref_like)]))[0]
    assert item["type"] == "article-journal"
    assert item["title"] == "Somatic mutations in <i>UBA1</i>"
    assert item["container-title"] == "The New England Journal of Medicine"
    assert item["author"] == [{"family": "Beck", "given": "David B."}]
    assert item["issued"] == {"date-parts": [[2020, 12, 31]]}
    assert item["PMID"] == "33108101"
    assert item["custom"]["reference-count"] == 25  # moved, not dropped
    assert item["custom"]["original-type"] == "journal-article"


def test_output_is_deterministic_bytes(shared_dir: Path) -> None:
    items = gold_works(shared_dir)
    first = write_csljson(items)
    shuffled_keys = [ExportItem(i.key, dict(reversed(list(i.csl.items())))) for i in items]
    assert write_csljson(shuffled_keys) == first
    assert first.endswith("\n")


def test_roundtrip_through_the_importer(shared_dir: Path) -> None:
    items = gold_works(shared_dir)
    parsed = read_csljson(write_csljson(items))
    assert parsed.problems == []
    assert {r.entry_key: r.fields for r in parsed.references} == {i.key: i.csl for i in items}


# -- property: any item round-trips ----------------------------------------------------------
safe_text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="<>"), min_size=1, max_size=30
)
names = st.lists(
    st.one_of(
        st.fixed_dictionaries(
            {"family": safe_text},
            optional={"given": safe_text, "suffix": safe_text, "non-dropping-particle": safe_text},
        ),
        st.fixed_dictionaries({"literal": safe_text}),
    ),
    min_size=1,
    max_size=4,
)
dates = st.fixed_dictionaries(
    {
        "date-parts": st.lists(
            st.lists(st.integers(1, 3000), min_size=1, max_size=3), min_size=1, max_size=2
        )
    }
)
items_strategy = st.fixed_dictionaries(
    {
        "type": st.sampled_from(
            ["article-journal", "book", "chapter", "webpage", "thesis", "report"]
        )
    },
    optional={
        "title": safe_text,
        "container-title": safe_text,
        "author": names,
        "editor": names,
        "issued": dates,
        "accessed": dates,
        "volume": st.one_of(safe_text, st.integers(0, 10_000)),
        "issue": safe_text,
        "page": safe_text,
        "note": safe_text,
        "publisher": safe_text,
        "URL": safe_text,
    },
)


@settings(max_examples=150, deadline=None)
@given(item=items_strategy)
def test_property_any_item_roundtrips_through_csljson(item: dict[str, Any]) -> None:
    exported = write_csljson([ExportItem("k", item)])
    assert json.loads(exported)[0] == to_csl_data("k", item)
    parsed = read_csljson(exported)
    assert parsed.references[0].fields == item


def test_string_fields_cover_the_common_ones() -> None:
    assert {"title", "container-title", "DOI", "PMID", "PMCID", "URL", "note"} <= STRING_FIELDS


def test_a_cut_author_list_round_trips_through_csl_json() -> None:
    from vexascite.importers.csljson import read_csljson

    csl = {"type": "article-journal", "title": "T", "author": [{"family": "Beck", "given": "D. B."}], "et-al": True}
    text = write_csljson([ExportItem("k", csl)])
    item = json.loads(text)[0]
    assert item["author"][-1] == {"literal": "et al."}
    back = read_csljson(text).references[0].fields
    assert back["author"] == [{"family": "Beck", "given": "D. B."}] and back["et-al"] is True
    whole = json.loads(write_csljson([ExportItem("k", {k: v for k, v in csl.items() if k != "et-al"})]))[0]
    assert whole["author"] == [{"family": "Beck", "given": "D. B."}]
