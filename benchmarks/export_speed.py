"""Exporting 10,000 works to BibTeX and CSL-JSON, side by side with the obvious alternatives.

The library is built by importing a generated 10,000-entry BibTeX file (accents in
every LaTeX form, acronyms, math, unknown fields), so the works look like real ones.
Every timing includes reading the works from the library file, and starts with
empty caches (as a fresh ``vexascite export`` process does). Alternatives, from the
same rows: bibtexparser v2's writer with its LaTeX-encoding middleware, pybtex's
writer (which does no LaTeX encoding at all), and ``json.dumps`` of the stored records
as they are (no schema cleaning). Prints seconds (best of N) and ratios.

    .venv/bin/python benchmarks/export_speed.py [--works 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bibgen import generate  # noqa: E402
from timing import CPU  # noqa: E402
from timing import best_of as timing_best_of  # noqa: E402

from vexascite.api import export_library, import_paths  # noqa: E402
from vexascite.config import load_settings  # noqa: E402
from vexascite.exporters.bibtex import entry_type  # noqa: E402
from vexascite.store import Store  # noqa: E402
from vexascite.store.export import iter_export_rows  # noqa: E402


def clear_caches() -> None:
    """Each export below starts cold, as a fresh ``vexascite export`` process would."""
    from vexascite.exporters import bibtex, latex, markup

    for cached in (
        bibtex._field_latex,
        bibtex._cached_name,
        latex.encode_char,
        markup.parse_markup,
    ):
        cached.cache_clear()


def best_of(repeat: int, func: Callable[[], Any], name: str = "") -> tuple[float, Any]:
    """:func:`timing.best_of` with cold caches: each run starts with them cleared."""
    return timing_best_of(repeat, func, name, before_each=clear_caches)


def rows_of(db: str) -> list[dict[str, Any]]:
    with Store.open(db, create=False) as store:
        return list(iter_export_rows(store))


def plain_fields(csl: dict[str, Any]) -> dict[str, str]:
    """CSL to BibTeX fields as Unicode text, for the alternatives to encode themselves."""
    fields: dict[str, str] = {}
    names = " and ".join(
        f"{p.get('family', '')}, {p.get('given', '')}"
        if p.get("family")
        else "{" + str(p.get("literal", "")) + "}"
        for p in csl.get("author") or []
    )
    if names:
        fields["author"] = names
    for csl_name, name in (
        ("title", "title"),
        ("container-title", "journal"),
        ("volume", "volume"),
        ("issue", "number"),
        ("page", "pages"),
        ("DOI", "doi"),
    ):
        if csl.get(csl_name):
            fields[name] = str(csl[csl_name])
    parts = (csl.get("issued") or {}).get("date-parts") or [[]]
    if parts and parts[0]:
        fields["year"] = str(parts[0][0])
    return fields


def bibtexparser_writer(db: str) -> str:
    import bibtexparser
    from bibtexparser.library import Library
    from bibtexparser.middlewares import LatexEncodingMiddleware
    from bibtexparser.model import Entry, Field

    library = Library()
    for row in rows_of(db):
        fields = [Field(k, v) for k, v in plain_fields(row["csl"]).items()]
        library.add(Entry(entry_type(row["csl"], "bibtex"), row["key"], fields))
    return bibtexparser.write_string(library, prepend_middleware=[LatexEncodingMiddleware()])


def pybtex_writer(db: str) -> str:
    from pybtex.database import BibliographyData, Entry, Person

    entries = {}
    for row in rows_of(db):
        fields = plain_fields(row["csl"])
        authors = fields.pop("author", "")
        entry = Entry(entry_type(row["csl"], "bibtex"), fields=fields)
        for name in authors.split(" and ") if authors else []:
            entry.add_person(Person(name), "author")
        entries[row["key"]] = entry
    return BibliographyData(entries).to_string("bibtex")


def raw_json(db: str) -> str:
    data = [{"id": row["key"], **row["csl"]} for row in rows_of(db)]
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--works", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bib = Path(tmp) / "gen.bib"
        bib.write_text(generate(args.works), encoding="utf-8")
        settings = load_settings(
            Path(tmp) / "none.toml", environ={}, db=str(Path(tmp) / "library.db")
        )
        start = time.perf_counter()
        import_paths(settings, [bib])
        print(
            f"library: {args.works} generated entries imported in {time.perf_counter() - start:.1f} s"
        )
        with Store.open(settings.db, create=False) as store:
            count = store.counts()["works"]
        print(
            f"works in library: {count}; every timing below includes reading them from {Path(settings.db).name}\n"
        )

        export_library(
            settings, "bibtex"
        )  # imports pylatexenc and friends once, outside the timings
        read_s, _ = best_of(args.repeat, lambda: rows_of(settings.db), "read")
        ours_bib_s, ours_bib = best_of(
            args.repeat, lambda: export_library(settings, "bibtex").text, "bib"
        )
        ours_blx_s, _ = best_of(
            args.repeat, lambda: export_library(settings, "biblatex").text, "blx"
        )
        ours_json_s, ours_json = best_of(
            args.repeat, lambda: export_library(settings, "csl-json").text, "json"
        )
        ours_ris_s, _ = best_of(args.repeat, lambda: export_library(settings, "ris").text, "ris")
        btp_s, _ = best_of(1, lambda: bibtexparser_writer(settings.db), "btp")
        pyb_s, _ = best_of(args.repeat, lambda: pybtex_writer(settings.db), "pyb")
        raw_s, _ = best_of(args.repeat, lambda: raw_json(settings.db), "raw")

        assert ours_bib.count("\n@") + 1 == count and len(json.loads(ours_json)) == count
        same = (
            export_library(settings, "bibtex").text == ours_bib
            and export_library(settings, "csl-json").text == ours_json
        )
        print(f"{'what':54} {'wall s':>8} {'cpu s':>8} {'ratio':>8}")
        rows = [
            ("read the works only (store)", read_s, "read", None),
            ("vexascite BibTeX (LaTeX-encoded, protected titles)", ours_bib_s, "bib", None),
            ("vexascite BibLaTeX", ours_blx_s, "blx", None),
            ("bibtexparser v2 writer + LatexEncodingMiddleware", btp_s, "btp", btp_s / ours_bib_s),
            ("pybtex writer (no LaTeX encoding)", pyb_s, "pyb", pyb_s / ours_bib_s),
            ("vexascite CSL-JSON (schema-clean)", ours_json_s, "json", None),
            (
                "json.dumps of stored records (no cleaning, indented)",
                raw_s,
                "raw",
                raw_s / ours_json_s,
            ),
            ("vexascite RIS (rispy)", ours_ris_s, "ris", None),
        ]
        for name, seconds, key, ratio in rows:
            shown = f"{ratio:7.1f}x" if ratio else ""
            print(f"{name:54} {seconds:8.3f} {CPU[key]:8.3f} {shown:>8}")
        print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        print("\nratios: alternative time / vexascite time (above 1 means vexascite is faster)")
        print(f"deterministic (two exports byte-identical): {same}")
        verdict = "OK" if max(ours_bib_s, ours_json_s) <= 1.0 else "OVER"
        print(
            f"budget 1 s for {count} works (BibTeX {ours_bib_s:.3f} s, CSL-JSON {ours_json_s:.3f} s): {verdict}"
        )


if __name__ == "__main__":
    main()
