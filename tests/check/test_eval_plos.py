"""``check``'s field comparison on PLOS references (../shared/eval/plos_jats.jsonl).

Each reference string is parsed as vexascite parses a manuscript's list, then compared
with its own hand-labelled fields standing in for the verified record: any finding is a
false alarm (a parser slip or a comparison too strict). Then the labelled record is
changed (year, volume, first page, one letter of the first author's surname) and the
change must be found. Thresholds leave room for the hidden half of the set.
"""

from __future__ import annotations

import json
import random

import pytest

from vexascite.check import VerifiedRecord, compare_printed
from vexascite.refstring import parse_reference


def labelled_references(shared_dir):
    path = shared_dir / "eval" / "plos_jats.jsonl"
    if not path.exists():
        pytest.skip("plos_jats.jsonl not available")
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        fields = record["fields"]
        if not fields.get("authors") or not str(fields.get("year", ""))[:4].isdigit():
            continue
        csl = {
            "type": "article-journal",
            "title": fields.get("title"),
            "author": list(fields["authors"]),
            "container-title": fields.get("container"),
            "issued": {"date-parts": [[int(str(fields["year"])[:4])]]},
            "volume": fields.get("volume"),
            "issue": fields.get("issue"),
            "page": fields.get("pages"),
            "DOI": fields.get("doi"),
        }
        yield parse_reference(record["raw"]), {k: v for k, v in csl.items() if v}


def test_false_alarms_are_rare(shared_dir):
    pairs = list(labelled_references(shared_dir))
    alarms = sum(bool(compare_printed(printed, [VerifiedRecord("crossref", csl)])) for printed, csl in pairs)
    assert len(pairs) > 1000
    assert alarms / len(pairs) < 0.03, f"{alarms} of {len(pairs)} correctly printed references drew a finding"


def _misspelt(name: str, rnd: random.Random) -> str:
    position = rnd.randrange(1, len(name) - 1)
    replacement = "e" if name[position].lower() != "e" else "a"
    return name[:position] + replacement + name[position + 1 :]


def test_changed_fields_are_found(shared_dir):
    rnd = random.Random(7)
    found, tried = 0, 0
    for printed, csl in labelled_references(shared_dir):
        if compare_printed(printed, [VerifiedRecord("crossref", csl)]):
            continue
        first_page = str(csl.get("page", "")).replace("\u2013", "-").split("-")[0]
        family = csl["author"][0].get("family") or ""
        changes = {"issued": {"issued": {"date-parts": [[csl["issued"]["date-parts"][0][0] + 2]]}}}
        if str(csl.get("volume", "")).isdigit():
            changes["volume"] = {"volume": str(int(csl["volume"]) + 3)}
        if first_page.isdigit():
            changes["page"] = {"page": str(int(first_page) + 7)}
        if len(family) >= 5:
            changes["author"] = {"author": [{**csl["author"][0], "family": _misspelt(family, rnd)}, *csl["author"][1:]]}
        for field, change in changes.items():
            tried += 1
            findings = compare_printed(printed, [VerifiedRecord("crossref", {**csl, **change})])
            found += any((f.field or "").startswith(field) for f in findings)
    assert tried > 3000
    assert found / tried > 0.97, f"found {found} of {tried} changed fields"
