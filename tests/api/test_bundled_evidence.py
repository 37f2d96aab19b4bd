"""Acceptance on the bundled data: once ``resolve`` brings abstracts (from fake Crossref
and PubMed services), every claim of the example manuscript shows its evidence sentence,
and swapping two reference numbers of the numbered manuscript makes ``check`` name both.

The fake services know each bundled work under its own metadata, with a fictional DOI
(10.5555/...) and PMID where the bibliography states none. Their abstracts are test data:
the work's title, then the example manuscript's sentences that cite it reworded as a
report ("This study found that ..."), so the test follows the whole path (resolve ->
EFetch/JATS -> stored abstract -> evidence -> claims, check) on text that does bear on it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.fakes import (
    FakeCrossref,
    FakeDoiOrg,
    FakeNcbi,
    crossref_work,
    fake_settings,
    pubmed_article,
)
from vexascite import api
from vexascite.config import Settings

BIB = Path(__file__).resolve().parents[2] / "bib"
MARKDOWN = BIB / "manuscripts" / "jak-inhibitors-in-vexas.md"
NUMBERED = BIB / "manuscripts" / "jak-inhibitors-in-vexas-numbered.txt"


def _abstracts(settings: Settings) -> dict[str, str]:
    cited: dict[str, list[str]] = {}
    for row in api.evidence_table(settings, str(MARKDOWN)):
        for source in row["sources"]:
            if source.get("key"):
                cited.setdefault(source["key"], []).append("This study found that " + row["text"][0].lower() + row["text"][1:])
    return {key: " ".join(dict.fromkeys(sentences)) for key, sentences in cited.items()}


@pytest.fixture(scope="module")
def resolved(tmp_path_factory) -> Settings:
    from vexascite.config import load_settings

    folder = tmp_path_factory.mktemp("bundled")
    settings = load_settings(folder / "none.toml", environ={}, db=str(folder / "library.db"))
    api.import_paths(settings, [BIB])
    for manuscript in (MARKDOWN, NUMBERED):
        api.link_manuscript(settings, manuscript)
    abstracts = _abstracts(settings)
    with FakeCrossref() as crossref, FakeNcbi() as ncbi, FakeDoiOrg() as doiorg:
        for n, work in enumerate(api.list_works(settings)):
            csl = work["csl"]
            title = csl.get("title")
            if not title:
                continue
            abstract = f"{title}. {abstracts.get(work['key'], '')}".strip()
            doi = csl.get("DOI") or f"10.5555/vexascite.{work['key']}"
            pmid = csl.get("PMID") or str(99_000_000 + n)
            people = [(a.get("family") or a.get("literal") or "", a.get("given")) for a in csl.get("author") or []]
            year = (csl.get("issued") or {}).get("date-parts", [[None]])[0][0]
            container = csl.get("container-title") or ""
            message = crossref_work(doi, title, people, container, csl.get("container-title-short"), year,
                                    csl.get("volume"), csl.get("issue"), csl.get("page"))
            message["abstract"] = f"<jats:p>{abstract}</jats:p>"
            crossref.add_work(message)
            initials = [f"{f} {re.sub(r'[^A-Z]', '', g or '')}".strip() for f, g in people]
            ncbi.add_article(pubmed_article(pmid, title, initials, container, year, csl.get("volume"), csl.get("issue"),
                                            csl.get("page"), doi, abstract=abstract, mesh=["Humans", "Syndrome"]))
        served = fake_settings(settings, crossref, ncbi, doiorg, mailto="tests@example.org", timeout=2.0)
        api.resolve_works(served)
    return settings


#: A news web page and a conference abstract whose title no seed states: no service
#: indexes them, so nothing brings their abstracts and their claims are "not checked".
UNINDEXED = {"anon2023study", "hadjadj2023"}


def test_every_claim_of_the_example_manuscript_shows_its_evidence(resolved: Settings) -> None:
    rows = api.evidence_table(resolved, str(MARKDOWN))
    assert len(rows) >= 15
    missing = []
    for row in rows:
        keyed = [s for s in row["sources"] if s.get("key")]
        shown = [s["evidence"]["sentences"][0]["sentence"] for s in keyed if s.get("evidence", {}).get("sentences")]
        if not shown:
            missing.append((row["line"], {s["key"] for s in keyed}, [s["evidence"]["note"] for s in keyed]))
    assert all(keys <= UNINDEXED and set(notes) == {"no abstract: not checked"} for _, keys, notes in missing), missing
    assert len(missing) <= 3


def test_swapping_two_reference_numbers_makes_check_name_both(resolved: Settings, tmp_path: Path) -> None:
    text = NUMBERED.read_text(encoding="utf-8")
    body, references = text.split("\nReferences\n", 1)
    swapped = re.sub(r"\[(2|3)\]", lambda m: "[3]" if m.group(1) == "2" else "[2]", body)
    assert swapped != body
    paper = tmp_path / NUMBERED.name
    paper.write_text(swapped + "\nReferences\n" + references, encoding="utf-8")
    report = api.check_manuscript(resolved, paper).to_dict()
    flagged = {f["reference"] for f in report["findings"] if f["kind"] == "unsupported-citation"}
    assert {"2", "3"} <= flagged, report["findings"]
    original = tmp_path / "original" / NUMBERED.name
    original.parent.mkdir()
    shutil.copy(NUMBERED, original)
    unswapped = api.check_manuscript(resolved, original).to_dict()
    assert not {f["reference"] for f in unswapped["findings"] if f["kind"] == "unsupported-citation"} & {"2", "3"}
