"""Matching accuracy on biblio-glutton's PubMed Central references, ours vs Crossref's top hit.

Builds a fake Crossref and PubMed index from ``../shared/eval/glutton_pmc1943_doi.jsonl``
(its ``aux_unverified`` title, journal, volume, first page and first author; years read
from the strings): records for most gold works, look-alike distractors for every gold
work (same first author and journal with another title; same title with another year
and pages), and a share of gold works left out so "no match" is measured. Every string
goes through the real pipeline (``refstring.parse_reference`` then the resolver) against
fake servers on 127.0.0.1; the baseline takes Crossref's top ``query.bibliographic`` hit.

    .venv/bin/python benchmarks/resolve_glutton.py [--limit N] [--left-out 0.15] [--seed 7]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fakes import (  # noqa: E402
    FakeCrossref,
    FakeDoiOrg,
    FakeNcbi,
    crossref_work,
    fake_settings,
    pubmed_article,
)
from vexascite.config import load_settings  # noqa: E402
from vexascite.ids import normalize_doi  # noqa: E402
from vexascite.refstring import parse_reference  # noqa: E402
from vexascite.resolve import crossref as crossref_api  # noqa: E402
from vexascite.resolve.engine import Item, Resolver  # noqa: E402
from vexascite.resolve.http import Failure  # noqa: E402
from vexascite.resolve.match import dehyphenate, vancouver_fields  # noqa: E402

DATA = ROOT.parent / "shared" / "eval" / "glutton_pmc1943_doi.jsonl"
FAST = {"crossref": 5000.0, "crossref-search": 5000.0, "ncbi": 5000.0, "doi.org": 5000.0}


def year_of(raw: str) -> int | None:
    tail = vancouver_fields(raw).get("year")
    if tail:
        return int(tail)
    years = [
        int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", raw) if 1900 <= int(y) <= 2019
    ]
    return years[0] if years else None


def left_out(doi: str, share: float, seed: int) -> bool:
    digest = hashlib.sha256(f"{seed}:{doi}".encode()).digest()
    return int.from_bytes(digest[:4], "big") / 2**32 < share


def build_index(
    rows: list[dict[str, Any]], share: float, seed: int, *, harsh: bool = False
) -> tuple[FakeCrossref, FakeNcbi, set[str]]:
    """``harsh``: the search ranks on words only, so look-alikes often outrank the right work."""
    rng = random.Random(seed)
    crossref, ncbi = FakeCrossref(search_numbers=not harsh), FakeNcbi()
    golds: dict[str, dict[str, Any]] = {}
    for row in rows:
        doi = normalize_doi(row["doi"])
        if doi and doi not in golds:
            golds[doi] = {
                **row.get("aux_unverified", {}),
                "pmid": row.get("pmid"),
                "year": year_of(row["raw"]),
                "doi": doi,
            }
    titles = [g.get("atitle") for g in golds.values() if g.get("atitle")]
    excluded = {doi for doi in golds if left_out(doi, share, seed)}
    serial = 0

    def add(
        doi: str,
        title: str | None,
        author: str | None,
        journal: str | None,
        year: int | None,
        volume: str | None,
        page: str | None,
        pmid: str | None,
        to_pubmed: bool,
    ) -> None:
        crossref.add_work(
            crossref_work(
                doi,
                title,
                [(author, None)] if author else None,
                journal,
                journal,
                year,
                volume,
                None,
                page,
            )
        )
        if pmid and to_pubmed and title and journal:
            ncbi.add_article(
                pubmed_article(
                    pmid, title, [author] if author else [], journal, year, volume, None, page, doi
                )
            )

    def shift(number: str | None, low: int, high: int) -> str | None:
        if number and number.isdigit():
            return str(int(number) + rng.randint(low, high))
        return (number or "") + "1" if number else None

    for doi, gold in sorted(golds.items()):
        title, author, journal = gold.get("atitle"), gold.get("firstAuthor"), gold.get("jtitle")
        year, volume, page = gold.get("year"), gold.get("volume"), gold.get("firstPage")
        if doi not in excluded:
            add(doi, title, author, journal, year, volume, page, gold.get("pmid"), True)
        serial += 1
        other_title = rng.choice(titles)
        add(
            f"10.99999/same-author.{serial}",
            other_title,
            author,
            journal,
            (year + rng.choice([-1, 0, 1])) if year else None,
            shift(volume, 1, 6),
            shift(page, 10, 400),
            str(90_000_000 + serial),
            rng.random() < 0.5,
        )
        serial += 1
        add(
            f"10.99999/same-title.{serial}",
            title,
            author,
            journal,
            (year + rng.choice([-2, -1, 1, 2])) if year else None,
            volume if rng.random() < 0.5 else shift(volume, 1, 3),
            shift(page, 5, 300),
            str(90_000_000 + serial),
            rng.random() < 0.5,
        )
    return crossref, ncbi, excluded


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", default=str(DATA))
    parser.add_argument("--limit", type=int, default=0, help="first N references only (0: all)")
    parser.add_argument("--left-out", type=float, default=0.15)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--errors", type=int, default=0, help="print this many wrong matches")
    parser.add_argument(
        "--harsh",
        action="store_true",
        help="fake search ranks on words only (look-alikes rank high)",
    )
    parser.add_argument(
        "--misses", type=int, default=0, help="print this many missed in-index references"
    )
    args = parser.parse_args()

    rows = [json.loads(line) for line in Path(args.data).read_text(encoding="utf-8").splitlines()]
    if args.limit:
        rows = rows[: args.limit]
    crossref, ncbi, excluded = build_index(rows, args.left_out, args.seed, harsh=args.harsh)
    with crossref, ncbi, FakeDoiOrg() as doiorg:
        settings = fake_settings(
            load_settings("/nonexistent.toml", environ={}, mailto="bench@example.org"),
            crossref,
            ncbi,
            doiorg,
        )
        started = time.monotonic()
        items = [
            Item(str(i), parse_reference(row["raw"]), row["raw"]) for i, row in enumerate(rows)
        ]
        with Resolver(settings, None, lane_rates=FAST) as resolver:
            report = resolver.run(items)
        ours_seconds = time.monotonic() - started
        ours_requests = dict(report.requests)
        chosen = {
            o.key: (o.doi if str(o.status) == "resolved" else None, str(o.status), o)
            for o in report.outcomes
        }

        # baseline: Crossref's top hit, taken as is (one search per reference)
        crossref.reset_counts()
        api = crossref_api.CrossrefApi(settings)
        started = time.monotonic()
        with Resolver(settings, None, lane_rates=FAST) as plain:
            answers = plain.http.fetch_all(
                [api.search(dehyphenate(row["raw"])[:600], rows=1) for row in rows]
            )
        base_seconds = time.monotonic() - started
        top = []
        for answer in answers:
            items_ = [] if isinstance(answer, Failure) else crossref_api.list_items(answer.json())
            top.append(normalize_doi(items_[0].get("DOI")) if items_ else None)
        base_requests = crossref.total_requests

    def score(predict: list[str | None]) -> dict[str, float]:
        inside = correct = wrong = outside = false = 0
        for row, doi in zip(rows, predict, strict=True):
            gold = normalize_doi(row["doi"])
            if gold in excluded:
                outside += 1
                false += doi is not None
                continue
            inside += 1
            if doi is None:
                continue
            if doi == gold:
                correct += 1
            else:
                wrong += 1
        return {
            "in_index": inside,
            "left_out": outside,
            "correct": correct,
            "wrong": wrong,
            "false_on_left_out": false,
            "precision": correct / (correct + wrong) if correct + wrong else 1.0,
            "recall": correct / inside if inside else 0.0,
            "false_match_rate_left_out": false / outside if outside else 0.0,
        }

    ours = score([chosen[str(i)][0] for i in range(len(rows))])
    base = score(top)
    statuses: dict[str, int] = {}
    for _, status, _ in chosen.values():
        statuses[status] = statuses.get(status, 0) + 1
    print(
        f"references: {len(rows)} ({ours['in_index']} with their work in the index, {ours['left_out']} left out); "
        f"index: {len(crossref.works)} Crossref records, {len(ncbi.articles)} PubMed records"
    )
    print(f"{'':28}{'ours':>12}{'top hit':>12}")
    for name in ("precision", "recall", "false_match_rate_left_out"):
        print(f"{name:28}{ours[name]:12.4f}{base[name]:12.4f}")
    for name in ("correct", "wrong", "false_on_left_out"):
        print(f"{name:28}{ours[name]:12d}{base[name]:12d}")
    print(
        f"{'requests':28}{sum(ours_requests.values()):12d}{base_requests:12d}   ours by service: {ours_requests}"
    )
    print(
        f"{'requests per reference':28}{sum(ours_requests.values()) / len(rows):12.3f}{base_requests / len(rows):12.3f}"
    )
    print(f"{'seconds (unthrottled fake)':28}{ours_seconds:12.1f}{base_seconds:12.1f}")
    print(f"our statuses: {statuses}")
    print(
        f"matched by: { {k: sum(1 for _, s, o in chosen.values() if o.matched_by == k) for k in ('ecitmatch', 'crossref-search')} }"
    )
    if args.errors:
        shown = 0
        for i, row in enumerate(rows):
            doi = chosen[str(i)][0]
            gold = normalize_doi(row["doi"])
            if doi and doi != gold and shown < args.errors:
                shown += 1
                outcome = chosen[str(i)][2]
                print(
                    "\nWRONG",
                    "(left out)" if gold in excluded else "",
                    repr(" ".join(row["raw"].split())),
                )
                print("  gold", gold, "got", doi, outcome.matched_by, outcome.reason)

    shown = 0
    for i, row in enumerate(rows):
        gold = normalize_doi(row["doi"])
        if gold in excluded or chosen[str(i)][0] == gold or shown >= args.misses:
            continue
        shown += 1
        outcome = chosen[str(i)][2]
        print("\nMISSED", outcome.status, repr(" ".join(row["raw"].split())))
        print("  gold", gold, row.get("aux_unverified"), "|", outcome.reason)


if __name__ == "__main__":
    main()
