"""Evidence for every citation: the abstract sentence that bears on the citing claim."""

from __future__ import annotations

import json

ITEMS = [
    {"id": "ruxo2024", "type": "article-journal", "title": "Ruxolitinib in VEXAS syndrome",
     "abstract": "We treated 12 patients. Ruxolitinib led to complete responses in most patients with VEXAS syndrome."},
    {"id": "aza2023", "type": "article-journal", "title": "Azacitidine in VEXAS",
     "abstract": "Azacitidine controlled inflammation in patients with myelodysplastic syndrome and VEXAS."},
    {"id": "bare2022", "type": "article-journal", "title": "A work without an abstract"},
]
MANUSCRIPT = (
    "# Treatments\n\n"
    "Ruxolitinib gave complete responses in most VEXAS patients [@ruxo2024].\n\n"
    "Azacitidine controls the inflammation of patients who also have myelodysplastic syndrome [@aza2023; @bare2022].\n"
)


def linked(run_cli, tmp_path):
    lib = tmp_path / "lib.json"
    lib.write_text(json.dumps(ITEMS), encoding="utf-8")
    assert run_cli("import", str(lib)).exit_code == 0
    paper = tmp_path / "paper.md"
    paper.write_text(MANUSCRIPT, encoding="utf-8")
    assert run_cli("link", str(paper)).exit_code == 0
    return paper


def test_claims_export_shows_each_citation_evidence(run_cli, tmp_path):
    linked(run_cli, tmp_path)
    rows = [json.loads(line) for line in run_cli("claims", "--format", "jsonl").stdout.splitlines()]
    by_key = {s["key"]: s["evidence"] for row in rows for s in row["sources"]}
    assert by_key["ruxo2024"]["sentences"][0]["sentence"].startswith("Ruxolitinib led to complete responses")
    assert by_key["ruxo2024"]["checked"] and by_key["ruxo2024"]["score"] > 0.5
    assert by_key["aza2023"]["sentences"][0]["sentence"].startswith("Azacitidine controlled inflammation")
    assert by_key["bare2022"] == {"checked": False, "score": None, "sentences": [], "note": "no abstract: not checked"}
    csv_out = run_cli("claims", "--format", "csv").stdout
    assert "evidence" in csv_out.splitlines()[0] and "Ruxolitinib led to complete responses" in csv_out
    assert "no abstract: not checked" in run_cli("claims", "--format", "markdown").stdout


def test_show_gives_the_evidence_of_each_citing_claim(run_cli, tmp_path):
    linked(run_cli, tmp_path)
    shown = json.loads(run_cli("show", "aza2023", "--json").stdout)
    assert shown["claims"][0]["evidence"]["sentences"][0]["sentence"].startswith("Azacitidine controlled")
    assert "evidence: Azacitidine controlled inflammation" in run_cli("show", "aza2023").stdout


def test_evidence_follows_a_new_abstract(run_cli, tmp_path):
    linked(run_cli, tmp_path)
    rows = [json.loads(line) for line in run_cli("claims", "--format", "jsonl").stdout.splitlines()]
    assert not {s["key"]: s["evidence"] for r in rows for s in r["sources"]}["bare2022"]["checked"]
    more = tmp_path / "more.bib"
    more.write_text("@article{bare2022, title={A work without an abstract}, "
                    "abstract={Myelodysplastic syndrome patients responded to azacitidine.}}\n", encoding="utf-8")
    run_cli("import", str(more))
    rows = [json.loads(line) for line in run_cli("claims", "--format", "jsonl").stdout.splitlines()]
    evidence = {s["key"]: s["evidence"] for r in rows for s in r["sources"]}["bare2022"]
    assert evidence["checked"] and "azacitidine" in evidence["sentences"][0]["sentence"]
