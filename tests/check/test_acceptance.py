"""Acceptance: ``check`` after ``resolve`` against fake services.

- The seed letter: the fake Crossref holds records built from the seeds' true metadata
  (``../shared/gold/seed_references.jsonl``); ``check`` reports the misprinted first
  author of reference 3 and nothing against the correctly printed references.
- A manuscript citing the retracted Lancet article: the fake Crossref serves the
  recorded payloads in ``../shared/fixtures/crossref/``; ``check`` reports the
  retraction with its notice.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.fakes import FakeCrossref, FakeNcbi, crossref_work, fake_settings
from vexascite import api
from vexascite.check import Kind, Severity, render

SEED = "002_c01bdb4f21cce9b3.txt"
#: Crossref's test prefix: the gold states no DOI for most works, and the fake needs one.
TEST_PREFIX = "10.5555/gold."


def true_first_family(record: dict) -> str | None:
    """The true surname the gold states for a misprinted first author, read from its note
    ("first author's surname is misprinted in the source (Georgin-Lavialle)")."""
    note = record["fields"].get("note") or ""
    if "misprinted" not in note:
        return None
    found = re.search(r"\(([^()]+)\)", note)
    return found.group(1).strip() if found else None


def gold_records(shared_dir: Path) -> list[dict]:
    lines = (shared_dir / "gold" / "seed_references.jsonl").read_text(encoding="utf-8").splitlines()
    return [r for r in map(json.loads, filter(None, lines)) if r["seed"] == SEED]


def crossref_from_gold(record: dict) -> dict | None:
    """A Crossref record holding the work's true metadata as the gold states it."""
    fields = record["fields"]
    if fields.get("type") == "webpage" or not fields.get("container"):
        return None  # web pages are not in Crossref
    authors = [(a["family"], a.get("given")) for a in fields.get("authors", [])]
    true_family = true_first_family(record)
    if true_family:
        authors[0] = (true_family, authors[0][1])
    doi = fields.get("true_doi") or TEST_PREFIX + re.sub(r"[^a-z0-9]+", ".", record["id"].lower())
    return crossref_work(
        doi, fields["title"], authors, fields["container"], fields["container"], int(fields["year"]),
        fields.get("volume"), fields.get("issue"), fields.get("pages"),
    )


@pytest.fixture
def seed_check(shared_dir, settings, tmp_path):
    gold = gold_records(shared_dir)
    works = [w for w in map(crossref_from_gold, gold) if w]
    with FakeCrossref(works) as crossref, FakeNcbi([]) as ncbi:
        configured = fake_settings(settings, crossref=crossref, ncbi=ncbi, mailto="tests@example.org", ncbi_api_key="test-key")
        seed = shared_dir / "seeds" / SEED
        api.import_paths(configured, [seed])
        api.resolve_works(configured)
        report = api.check_manuscript(configured, seed)
    return gold, report


def test_seed_letter_reports_the_misprinted_author_and_nothing_else(seed_check):
    gold, report = seed_check
    heiblig = [r for r in gold if r["id"].startswith("heiblig-2022-references#")]
    misprinted = next(r for r in heiblig if true_first_family(r))
    number = str(misprinted["fields"]["number"])
    about_references = [f for f in report.findings if f.reference is not None]
    assert [(f.kind, f.reference, f.printed, f.expected) for f in about_references] == [
        (Kind.AUTHOR_MISMATCH, number, "Georjgin-Lavialle", true_first_family(misprinted))
    ]
    finding = about_references[0]
    assert finding.source == "Crossref" and finding.field == "author[0]"
    assert finding.line is not None and "Georjgin-Lavialle" in (Path(report.manuscript).read_text().splitlines()[finding.line - 1])
    # the other letter's list on the same page is set aside as a whole, not reference by reference
    assert all(f.kind == Kind.UNCITED_LIST for f in report.findings if f.reference is None)
    assert report.checked == len(heiblig)


RETRACTED = "works_doi_10.1016_s0140-6736_20_31180-6_retracted-article.json"
NOTICE = "works_doi_10.1016_s0140-6736_20_31324-6_retraction-notice.json"

MANUSCRIPT = """# Hydroxychloroquine in COVID-19

Early registry data suggested harm from hydroxychloroquine [1]. A randomised trial found no benefit [2].

## References

1. Mehra MR, Desai SS, Ruschitzka F, Patel AN. Hydroxychloroquine or chloroquine with or without a macrolide for treatment of COVID-19: a multinational registry analysis. Lancet. 2020. doi:10.1016/S0140-6736(20)31180-6
2. Gadina M, Chisolm DA, Philips RL, et al. Translating JAKs to jakinibs. J Immunol. 2020;204(8):2011-2020.
"""


def test_retracted_article_is_reported_with_its_notice(shared_dir, settings, tmp_path):
    recorded = [json.loads((shared_dir / "fixtures" / "crossref" / name).read_text(encoding="utf-8"))["message"]
                for name in (RETRACTED, NOTICE)]
    clean = crossref_work("10.5555/jakinibs.2020", "Translating JAKs to jakinibs",
                          [("Gadina", "M"), ("Chisolm", "DA"), ("Philips", "RL")],
                          "The Journal of Immunology", "J Immunol", 2020, "204", "8", "2011-2020")
    paper = tmp_path / "paper.md"
    paper.write_text(MANUSCRIPT, encoding="utf-8")
    with FakeCrossref([*recorded, clean]) as crossref, FakeNcbi([]) as ncbi:
        configured = fake_settings(settings, crossref=crossref, ncbi=ncbi, mailto="tests@example.org", ncbi_api_key="test-key")
        api.import_paths(configured, [paper])
        api.resolve_works(configured)
        report = api.check_manuscript(configured, paper)
    retracted = [f for f in report.findings if f.kind == Kind.RETRACTED]
    assert [(f.reference, f.severity, f.line) for f in retracted] == [("1", Severity.ERROR, 7)]
    assert retracted[0].notice == {
        "category": "retraction", "type": "retraction", "doi": "10.1016/s0140-6736(20)31324-6",
        "date": "2020-06-05", "source": "retraction-watch", "label": "Retraction", "record_id": "23529",
    }
    assert not [f for f in report.findings if f.reference == "2"]
    data = json.loads(render(report, "json"))
    assert data["findings"][0]["notice"]["doi"] == "10.1016/s0140-6736(20)31324-6"


MISPRINTED = """# JAK inhibitors

JAK inhibitors were reviewed recently [1].

## References

1. Gadina M, Chisolm DA, Philips RL, et al. Translating JAKs to jakinibs. J Immunol. 2020;240(8):1011-1020.
"""


def test_a_misprinted_reference_is_told_from_a_fabrication_by_its_nearest_record(settings, tmp_path):
    clean = crossref_work("10.5555/jakinibs.2020", "Translating JAKs to jakinibs",
                          [("Gadina", "M"), ("Chisolm", "DA"), ("Philips", "RL")],
                          "The Journal of Immunology", "J Immunol", 2020, "204", "8", "2011-2020")
    paper = tmp_path / "paper.md"
    paper.write_text(MISPRINTED, encoding="utf-8")
    with FakeCrossref([clean]) as crossref, FakeNcbi([]) as ncbi:
        configured = fake_settings(settings, crossref=crossref, ncbi=ncbi, mailto="tests@example.org", ncbi_api_key="test-key")
        api.import_paths(configured, [paper])
        api.resolve_works(configured)
        report = api.check_manuscript(configured, paper)
        assert api.review_candidates(configured) == []  # the nearest record is not offered as a match
    about = [f for f in report.findings if f.reference == "1"]
    assert [(f.kind, f.severity) for f in about] == [(Kind.NEEDS_REVIEW, Severity.WARNING)]
    assert "10.5555/jakinibs.2020" in about[0].message
    assert "'204'" in about[0].suggestion and "'2011-2020'" in about[0].suggestion
