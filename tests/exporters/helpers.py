"""Shared helpers for the exporter tests: CSL works from the seed gold, and consumers."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from vexascite.exporters import ExportItem

DATA = Path(__file__).resolve().parent / "data"


def gold_works(shared_dir: Path) -> list[ExportItem]:
    """The reference strings of the seed gold as CSL works, keyed by their gold id."""
    items = []
    for line in (
        (shared_dir / "gold" / "seed_references.jsonl").read_text(encoding="utf-8").splitlines()
    ):
        if not line.strip():
            continue
        record = json.loads(line)
        fields = record["fields"]
        work: dict[str, Any] = {"type": fields.get("type") or "article-journal"}
        people = [{k: v for k, v in a.items() if v} for a in fields.get("authors") or []]
        if fields.get("group_author"):
            people.append({"literal": fields["group_author"]})
        if people:
            work["author"] = people
        for gold_name, csl_name in (
            ("title", "title"),
            ("container", "container-title"),
            ("volume", "volume"),
            ("issue", "issue"),
            ("pages", "page"),
            ("url", "URL"),
        ):
            if fields.get(gold_name):
                work[csl_name] = str(fields[gold_name])
        doi = fields.get("doi") or record.get("true_doi")
        if doi:
            work["DOI"] = doi
        pmid = fields.get("pmid") or record.get("true_pmid")
        if pmid:
            work["PMID"] = str(pmid)
        if fields.get("year") and str(fields["year"]).isdigit():
            work["issued"] = {"date-parts": [[int(fields["year"])]]}
        if fields.get("accessed"):
            work["accessed"] = {"date-parts": [[int(p) for p in fields["accessed"].split("-")]]}
        key = record["id"].replace("#", "-")
        items.append(ExportItem(key, work))
    return items


def pandoc_or_skip() -> str:
    """The pandoc executable; in CI (CI=true) a missing pandoc fails instead of skipping."""
    found = shutil.which("pandoc")
    if found:
        return found
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail("pandoc is not installed; .ci/run installs Debian's pandoc")
    pytest.skip("pandoc is not installed (apt-get install pandoc)")
    raise AssertionError  # unreachable
