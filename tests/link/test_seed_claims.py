"""Acceptance on the VEXAS letter seed: the nine gold claims, each with exactly its references."""

from __future__ import annotations

import json
from pathlib import Path


def test_seed_letter_yields_the_gold_claims(shared_dir: Path, run_cli) -> None:
    seed = shared_dir / "seeds" / "002_c01bdb4f21cce9b3.txt"
    gold = [json.loads(line) for line in (shared_dir / "gold" / "seed_claims.jsonl").read_text().splitlines() if line.strip()]
    imported = run_cli("import", str(seed))
    assert imported.exit_code in (0, 3), imported.output
    linked = run_cli("link", str(seed))
    assert linked.exit_code == 0, linked.output
    result = run_cli("claims", "--format", "jsonl")
    assert result.exit_code == 0
    claims = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [c["claim"] for c in claims] == [g["claim"] for g in gold]
    assert [c["cites"] for c in claims] == [g["cites"] for g in gold]
    # linked to the list numbered 1-12 (the letter's own), not the 8-25 list above it
    for claim in claims:
        assert all(source["status"] == "linked" and source["key"] for source in claim["sources"])
    first = claims[0]["sources"]
    assert [s["first_author"] for s in first] == ["Beck", "Bourbon"]
    last = claims[-1]["sources"]
    assert [s["first_author"] for s in last] == ["Scott", "Yates"]
    # two markers in one sentence: each supports its own clause
    assert last[0]["supports"].endswith("incriminated for potential higher risk of VTE")
    assert last[1]["supports"].startswith("but a large meta-analysis of 42 studies")
    # nothing from the byline or the affiliation list
    assert all(c["line"] >= 34 for c in claims)


def test_seed_find_returns_the_thrombosis_claims_first(shared_dir: Path, run_cli) -> None:
    seed = shared_dir / "seeds" / "002_c01bdb4f21cce9b3.txt"
    assert run_cli("link", str(seed)).exit_code == 0
    found = json.loads(run_cli("find", "JAK inhibitors thrombosis", "--json").stdout)
    top = {tuple(s["first_author"] for s in c["sources"]) for c in found["claims"][:2]}
    assert top == {("Obiorah",), ("Scott", "Yates")}
    assert {w["first_author"] for w in found["works"][:2]} == {"Scott", "Yates"}
