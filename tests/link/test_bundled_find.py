"""Acceptance on the bundled data: bib/ imported, its example manuscripts linked, find."""

from __future__ import annotations

from pathlib import Path

from vexascite import api
from vexascite.config import Settings

BIB = Path(__file__).resolve().parents[2] / "bib"


def library(settings: Settings) -> Settings:
    api.import_paths(settings, [BIB])
    for manuscript in sorted((BIB / "manuscripts").iterdir()):
        report = api.link_manuscript(settings, manuscript)
        assert report.claims >= 15 and not report.problems, (manuscript, report.problems)
    return settings


def test_find_ruxolitinib(settings: Settings) -> None:
    found = api.find_claims(library(settings), "ruxolitinib", limit=5)
    assert found["works"][0]["key"] == "heiblig2022ruxolitinib"
    top = found["claims"][0]
    assert [s["key"] for s in top["sources"]] == ["heiblig2022ruxolitinib"]
    assert "ruxolitinib did better than other JAK inhibitors" in top["text"]


def test_find_jak_inhibitors_thrombosis(settings: Settings) -> None:
    found = api.find_claims(library(settings), "JAK inhibitors thrombosis", limit=5)
    top = found["claims"][0]
    assert [s["key"] for s in top["sources"]] == ["scott2018thromboembolism", "yates2021venous"]
    assert {w["key"] for w in found["works"][:2]} == {"scott2018thromboembolism", "yates2021venous"}
    # the claim that thrombosis comes before any JAK inhibitor is found too, with its source
    assert any(
        [s["key"] for s in c["sources"]] == ["obiorah2021benign"] for c in found["claims"][:4]
    )


def test_find_answers_questions_in_plain_words(settings: Settings) -> None:
    library(settings)
    question = api.find_claims(settings, "what is the evidence that ruxolitinib does better than other JAK inhibitors in VEXAS?", limit=3)
    assert [s["key"] for s in question["claims"][0]["sources"]] == ["heiblig2022ruxolitinib"]
    where = api.find_claims(settings, "where do I cite Beck 2020, and for what?", limit=5)
    assert where["works"][0]["key"] == "beck2020somatic"
    assert where["claims"] and all(
        any(s.get("key") == "beck2020somatic" for s in c["sources"]) for c in where["claims"][:2]
    )
