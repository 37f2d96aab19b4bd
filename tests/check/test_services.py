"""``check`` after ``resolve`` against fake services: a printed DOI of another work, a
reference no service knows (likely fabricated) and a service that was unavailable."""

from __future__ import annotations

from tests.fakes import FakeCrossref, FakeNcbi, crossref_work, fake_settings
from vexascite import api
from vexascite.check import Kind, Severity
from vexascite.model import WorkStatus
from vexascite.store import Store

MANUSCRIPT = """# Treatments

Ruxolitinib works [1]. JAK inhibitors are safe [2]. Nothing else does [3].

## References

1. Heiblig M, Ferrada MA, Koster MT, et al. Ruxolitinib is more effective than other JAK inhibitors to treat VEXAS syndrome: a retrospective multicenter study. Blood. 2022;99(1):101-105. doi:10.5555/jakinibs.2020
2. Winthrop KL. The emerging safety profile of JAK inhibitors in rheumatic disease. Nat Rev Rheumatol. 2017;13(4):234-243.
3. Quimby ZT, Okonkwo-Bell R. Telepathic remission of autoinflammation after lunar exposure in VEXAS. J Imaginary Med. 2023;12(4):101-109.
"""

OTHER_WORK = crossref_work(
    "10.5555/jakinibs.2020", "Translating JAKs to jakinibs", [("Gadina", "M"), ("Chisolm", "DA")],
    "The Journal of Immunology", "J Immunol", 2020, "204", "8", "2011-2020",
)
WINTHROP = crossref_work(
    "10.5555/winthrop.2017", "The emerging safety profile of JAK inhibitors in rheumatic disease", [("Winthrop", "KL")],
    "Nat Rev Rheumatol", "Nat Rev Rheumatol", 2017, "13", "4", "234-243",
)


def run_check(settings, tmp_path):
    paper = tmp_path / "paper.md"
    paper.write_text(MANUSCRIPT, encoding="utf-8")
    with FakeCrossref([OTHER_WORK, WINTHROP]) as crossref, FakeNcbi([]) as ncbi:
        configured = fake_settings(settings, crossref=crossref, ncbi=ncbi, mailto="tests@example.org", ncbi_api_key="k")
        api.import_paths(configured, [paper])
        api.resolve_works(configured)
        return configured, paper, api.check_manuscript(configured, paper)


def by_reference(report):
    found: dict[str, list] = {}
    for finding in report.findings:
        found.setdefault(finding.reference, []).append(finding)
    return found


def test_doi_of_another_work_unknown_reference_and_a_correct_one(settings, tmp_path):
    _, _, report = run_check(settings, tmp_path)
    found = by_reference(report)
    assert [(f.kind, f.severity, f.field) for f in found["1"]] == [(Kind.IDENTIFIER_MISMATCH, Severity.ERROR, "DOI")]
    assert "Translating JAKs to jakinibs" in found["1"][0].message
    assert [(f.kind, f.severity) for f in found["3"]] == [(Kind.NOT_FOUND, Severity.ERROR)]
    assert "fabricated" in found["3"][0].message
    assert "2" not in found


def test_unavailable_service_reads_as_not_checked_never_fabricated(settings, tmp_path):
    configured, paper, _ = run_check(settings, tmp_path)
    with Store.open(configured.db) as store:
        work_id = next(r["work_id"] for r in store.db.query("select work_id from refs where number = 3"))
        store.set_work_status(work_id, WorkStatus.FAILED, "crossref: 503 Service Unavailable after 6 attempts")
    report = api.check_manuscript(configured, paper)
    finding = by_reference(report)["3"]
    assert [(f.kind, f.severity) for f in finding] == [(Kind.NOT_CHECKED, Severity.WARNING)]
    assert "unavailable" in finding[0].message and "fabricated" not in finding[0].message
