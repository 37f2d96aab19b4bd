"""Acceptance: ``vexascite parse --lines`` over the seed gold strings reaches field micro-F1 >= 0.99."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

from evalsets import SET_FIELDS, Score, gold_values, predicted_values  # noqa: E402


def test_seed_references_field_micro_f1(shared_dir: Path, run_cli) -> None:
    records = [json.loads(line) for line in (shared_dir / "gold" / "seed_references.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    result = run_cli("parse", "--lines", input="".join(r["raw"] + "\n" for r in records))
    assert result.exit_code == 0
    items = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(items) == len(records)
    score = Score(SET_FIELDS["seeds"])
    for record, item in zip(records, items, strict=True):
        assert item["raw"] == record["raw"]
        score.add(gold_values("seeds", record), predicted_values(item))
    precision, recall, f1 = score.micro()
    assert f1 >= 0.99, score.report("seeds")


def test_seed_details_beyond_the_scored_fields(shared_dir: Path) -> None:
    from vexascite.refstring import parse_reference

    records = {json.loads(line)["id"]: json.loads(line) for line in (shared_dir / "gold" / "seed_references.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()}
    for record in records.values():
        item = parse_reference(record["raw"])
        gold = record["fields"]
        assert bool(item.get("et-al")) == gold.get("et_al", False), record["raw"]
        literals = [a["literal"] for a in item.get("author", []) if "literal" in a]
        assert literals == ([gold["group_author"]] if gold.get("group_author") else []), record["raw"]
        if gold.get("url"):
            assert item["URL"] == gold["url"]
            assert item["type"] == "webpage"
        if gold.get("accessed"):
            assert item["accessed"]["date-parts"][0] == [int(p) for p in gold["accessed"].split("-")]
        if gold.get("pmid"):
            assert item["PMID"] == gold["pmid"]
        if gold.get("date"):
            assert item["issued"]["date-parts"][0] == [int(p) for p in gold["date"].split("-")]
