"""Rows as stored: JSON text, derived columns, and references prepared in another process."""

from __future__ import annotations

import json
import pickle

from hypothesis import given
from hypothesis import strategies as st

from vexascite.merge import merge_records
from vexascite.model import RawReference, RefStatus
from vexascite.rows import WORK_COLUMNS, dumps, prepare_reference, work_columns

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4),
    max_leaves=20,
)


@given(json_values)
def test_dumps_writes_what_the_standard_encoder_writes(value):
    assert dumps(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def test_dumps_falls_back_for_what_the_fast_encoder_refuses():
    assert dumps({"title": "half a pair \ud800"}) == json.dumps({"title": "half a pair \ud800"}, ensure_ascii=False, separators=(",", ":"))
    assert dumps({1: "x"}) == '{"1":"x"}'


def columns_of_a_work_made_from(ref: RawReference) -> dict:
    merged, provenance = merge_records([(ref.format, ref.fields)])
    return dict(zip(WORK_COLUMNS, work_columns(merged, provenance, "T"), strict=True))


def test_a_prepared_reference_makes_the_work_a_merge_of_it_would_make():
    ref = RawReference(
        raw="@article{k, ...}",
        format="bibtex",
        line=3,
        entry_key="k",
        fields={
            "id": "k", "type": "article-journal", "title": "Somatic mutations in UBA1", "note": "",
            "author": [{"family": "Beck", "given": "David B."}], "container-title": "N Engl J Med",
            "issued": {"date-parts": [[2020]]}, "DOI": "10.5555/Example.1",
        },
        extra={"bibtex": {"entrytype": "article", "key": "k", "fields": {"annote": "kept"}}},
    )
    prepared = prepare_reference(ref, "{author}{year}{title}")
    assert dict(zip(WORK_COLUMNS, prepared.new_work_columns("T"), strict=True)) == columns_of_a_work_made_from(ref)
    assert prepared.keys.doi == "10.5555/example.1"
    assert prepared.key_stem is None  # the entry brings its own key
    assert prepared.to_raw_reference() == ref


def test_an_entry_without_a_usable_key_gets_a_stem_and_a_failed_one_names_no_work():
    ref = RawReference(raw="TY  - JOUR", format="ris", fields={"title": "Somatic mutations", "author": [{"family": "Beck"}]})
    assert prepare_reference(ref, "{author}{year}{title}").key_stem == "beckndsomatic"
    failed = prepare_reference(RawReference(raw="@article{", format="bibtex", status=RefStatus.FAILED))
    assert failed.keys is None and failed.summary is None and failed.fields == {}


def test_a_prepared_reference_crosses_processes_unchanged():
    ref = prepare_reference(RawReference(raw="r", format="csl-json", entry_key="x", fields={"title": "Ünïcode"}), "{title}")
    assert pickle.loads(pickle.dumps(ref)) == ref
