"""What merging every source field by field costs, as a user meets it: importing a second
file that brings every work of the library again (each work is then merged from two
entries), with the field-by-field merge and, side by side in the same run, the
first-ranked-source-wins merge it replaced (the obvious alternative).

    .venv/bin/python benchmarks/merge_speed.py [--entries 5000] [--repeat 3]

Also times the merge alone over three records per work (an import, Crossref, PubMed).
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bibgen import generate  # noqa: E402
from timing import CPU, best_of  # noqa: E402

import vexascite.store as store_module  # noqa: E402
from vexascite.api import import_paths  # noqa: E402
from vexascite.config import load_settings  # noqa: E402
from vexascite.merge import SOURCE_RANK, is_empty, merge_records  # noqa: E402


def first_ranked(
    records: Iterable[tuple[str, dict[str, Any]]],
) -> tuple[dict[str, Any], dict[str, str]]:
    """The merge this one replaced: per field, the first record of the best rank wins."""
    ordered = sorted(enumerate(records), key=lambda pair: (SOURCE_RANK.get(pair[1][0], 2), pair[0]))
    merged: dict[str, Any] = {}
    provenance: dict[str, str] = {}
    for _, (source, record) in ordered:
        for name, value in record.items():
            if name not in merged and not is_empty(value):
                merged[name], provenance[name] = value, source
    return merged, provenance


def second_import(tmp: Path, first: Path, second: Path, merge: Any) -> None:
    """Import ``second`` into a copy of a library that holds ``first``, with ``merge``."""
    db = tmp / "run.db"
    shutil.copyfile(tmp / "base.db", db)
    settings = load_settings(tmp / "none.toml", environ={}, db=str(db))
    store_module.merge_records = merge
    try:
        import_paths(settings, [second])
    finally:
        store_module.merge_records = merge_records


def three_sources(n: int) -> list[list[tuple[str, dict[str, Any]]]]:
    works = []
    for i in range(n):
        people = [{"family": f"Family{i}{j}", "given": f"Given{j} M."} for j in range(6)]
        works.append(
            [
                (
                    "bibtex",
                    {
                        "type": "article-journal",
                        "title": f"A study of thing {i}",
                        "author": people[:3],
                        "et-al": True,
                        "container-title": "N Engl J Med",
                        "issued": {"date-parts": [[2020]]},
                        "volume": "383",
                        "page": f"{i}-{i + 9}",
                        "DOI": f"10.5555/bench.{i}",
                    },
                ),
                (
                    "crossref",
                    {
                        "type": "article-journal",
                        "title": f"A STUDY OF THING {i}",
                        "author": [{"family": p["family"]} for p in people],
                        "container-title": "New England Journal of Medicine",
                        "container-title-short": "N. Engl. J. Med.",
                        "issued": {"date-parts": [[2020, 12, 1]]},
                        "volume": "383",
                        "page": str(i),
                        "DOI": f"10.5555/bench.{i}",
                    },
                ),
                (
                    "pubmed",
                    {
                        "type": "article-journal",
                        "title": f"A study of thing {i}.",
                        "PMID": str(90000000 + i),
                        "author": [{"family": p["family"], "given": "GM"} for p in people],
                        "container-title": "The New England journal of medicine",
                        "container-title-short": "N Engl J Med",
                        "issued": {"date-parts": [[2020, 12]]},
                        "volume": "384",
                        "page": f"{i}-{i + 9}",
                    },
                ),
            ]
        )
    return works


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        text = generate(args.entries)
        first, second = tmp / "first.bib", tmp / "second.bib"
        first.write_text(text, encoding="utf-8")
        # the same works under other keys: every entry of the second file matches a known work
        second.write_text(
            re.sub(r"^(@\w+\{)([^,\s]+),", r"\1other\2,", text, flags=re.M), encoding="utf-8"
        )
        import_paths(load_settings(tmp / "none.toml", environ={}, db=str(tmp / "base.db")), [first])
        ours, theirs = (
            "field-by-field merge (vexascite)",
            "first-ranked source wins (previous merge)",
        )
        results = {
            theirs: best_of(
                args.repeat, lambda: second_import(tmp, first, second, first_ranked), theirs
            )[0],
            ours: best_of(
                args.repeat, lambda: second_import(tmp, first, second, merge_records), ours
            )[0],
        }
        print(
            f"second import of {args.entries} known works (each merged from two entries), best of {args.repeat}:"
        )
        for label, seconds in results.items():
            print(f"  {label:<44} {seconds:7.3f} s wall, {CPU[label]:6.3f} s CPU")
        print(
            f"  ratio: {results[ours] / results[theirs]:.2f}x wall, {CPU[ours] / CPU[theirs]:.2f}x CPU"
        )
        works = three_sources(args.entries)
        alone = {
            theirs: best_of(
                args.repeat, lambda: [first_ranked(w) for w in works], theirs + " alone"
            )[0],
            ours: best_of(args.repeat, lambda: [merge_records(w) for w in works], ours + " alone")[
                0
            ],
        }
        print(f"merge alone, {args.entries} works x 3 sources (an import, Crossref, PubMed):")
        for label, seconds in alone.items():
            print(f"  {label:<44} {seconds * 1e6 / args.entries:7.1f} µs per work")
        print(f"  ratio: {alone[ours] / alone[theirs]:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
