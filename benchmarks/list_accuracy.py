"""Finding every reference in whole documents: ``vexascite parse DOC`` against refextract.

Documents are generated (``docgen.py``) from the half of the eval reference strings the
list finder was never tuned on (``--part test``), in every layout: numbered lists in every
label form, unnumbered lists, PDF-extracted text with page furniture, late starts,
several lists, lists followed by legends, tables or acknowledgements. An entry is
recovered when exactly one found ``raw`` matches it (letters and digits only, its printed
number ignored); a found string that holds two entries is a merge (``list_scoring.py``).

vexascite is run as a user runs it: one ``vexascite parse DOC`` process per document.
refextract (not a dependency of vexascite: ``pip install -e ".[bench]"``) is given the same
text through ``extract_references_from_string`` in this process.

    .venv/bin/python benchmarks/list_accuracy.py [--docs-per-layout 8] [--part test] [--seed 11]

For development, ``--part train`` measures on documents built from the other half of the
strings (the half rules and models may be tuned on), ``--in-process`` calls the list
finder directly (the same ``raw`` strings, no process per document, no refextract) and
``--show N`` prints up to N documents' missed entries and merges per layout.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from docgen import LAYOUTS, Document, load_strings, make_documents  # noqa: E402
from list_scoring import Tally, key, refextract_raws, table_header, table_row  # noqa: E402

VEXASCITE = Path(sys.executable).parent / "vexascite"


def vexascite_raws(path: Path) -> list[str]:
    """The ``raw`` of every item ``vexascite parse`` prints for a document."""
    out = subprocess.run(
        [str(VEXASCITE), "parse", str(path)], capture_output=True, text=True, check=True
    )
    return [json.loads(line)["raw"] for line in out.stdout.splitlines() if line.strip()]


def in_process_raws(text: str, finder_file: str | None = None) -> list[str]:
    """What ``vexascite parse DOC`` prints as ``raw``, without the string parser or a process
    (``finder_file``: another version of ``vexascite/refstring/lists.py``, to compare with)."""
    if finder_file:
        import importlib.util

        # loaded inside the package, so its relative imports (``from ..csl``, ``from . import
        # linemodel``, ``from .furniture``, ``from .labels``, ``from .shapes``) resolve to this
        # checkout's modules: an older ``lists.py`` that holds them all compares as it stood, but
        # one from after the split and before its shared names lost their underscore (``_mask``,
        # ``_Label``, ...) no longer imports
        name = "vexascite.refstring._other_lists"
        spec = importlib.util.spec_from_file_location(name, finder_file)
        assert spec is not None and spec.loader is not None
        module = sys.modules.get(name) or importlib.util.module_from_spec(spec)
        if name not in sys.modules:
            sys.modules[name] = module
            spec.loader.exec_module(module)
        find_reference_lists = module.find_reference_lists
    else:
        from vexascite.refstring import find_reference_lists

    lists = find_reference_lists(text)
    if not lists:
        return [line.strip() for line in text.splitlines() if line.strip()]
    return [entry.text for found in lists for entry in found.entries]


def show(index: int, doc: Document, missed: list[str], merges: list[str], raws: list[str]) -> None:
    print(f"\n=== document {index} ({doc.layout}): {len(missed)} missed, {len(merges)} merges")
    for entry in missed:
        print("  MISSED:", " | ".join(entry.split("\n"))[:300])
        wanted = key(entry)
        for raw in raws:
            found = key(raw)
            if (
                raw not in merges
                and found
                and (wanted[:15] in found or wanted[-15:] in found or found in wanted)
            ):
                print("     got:", " | ".join(raw.split("\n"))[:300])
    for raw in merges:
        print("  MERGED:", " | ".join(raw.split("\n"))[:600])


COLUMNS = ("entries", "P", "R", "F1", "merges")


def overall(scores: dict[str, Tally]) -> Tally:
    total = Tally()
    for score in scores.values():
        total.add(score)
    return total


def report(name: str, scores: dict[str, Tally]) -> None:
    print(f"\n{name}")
    print(table_header("layout", COLUMNS))
    for layout in LAYOUTS:
        if layout in scores:
            print(table_row(layout, scores[layout], COLUMNS))
    print(table_row("all", overall(scores), COLUMNS))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs-per-layout", type=int, default=8)
    parser.add_argument("--part", choices=["train", "test", "all"], default="test")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument(
        "--in-process",
        action="store_true",
        help="call the list finder directly (development; no refextract)",
    )
    parser.add_argument(
        "--show",
        type=int,
        default=0,
        metavar="N",
        help="print up to N documents' misses and merges per layout",
    )
    parser.add_argument(
        "--finder",
        metavar="FILE",
        help="with --in-process: another version of lists.py, to compare with",
    )
    parser.add_argument("--layout", choices=LAYOUTS, action="append", help="only these layouts")
    args = parser.parse_args()
    strings = load_strings(None if args.part == "all" else args.part)
    if not strings:
        print("no eval strings found (../shared/eval); nothing measured")
        return 1
    docs: list[Document] = make_documents(
        strings, args.docs_per_layout * len(LAYOUTS), seed=args.seed
    )
    if args.layout:
        docs = [doc for doc in docs if doc.layout in args.layout]
    print(
        f"{len(docs)} documents, {sum(len(d.entries) for d in docs)} entries, from the {args.part} half of the eval strings"
    )
    ours: dict[str, Tally] = defaultdict(Tally)
    theirs: dict[str, Tally] = defaultdict(Tally)
    refextract_available = not args.in_process
    shown: dict[str, int] = defaultdict(int)
    ours_time = theirs_time = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for index, doc in enumerate(docs):
            path = Path(tmp) / f"doc{index}.txt"
            path.write_text(doc.text, encoding="utf-8")
            start = time.perf_counter()
            raws = (
                in_process_raws(doc.text, args.finder) if args.in_process else vexascite_raws(path)
            )
            ours_time += time.perf_counter() - start
            scored = ours[doc.layout].score(doc.entries, raws, doc.labels)
            merges = [raw for raw, _ in scored.merges]
            if (scored.missed or merges) and shown[doc.layout] < args.show:
                shown[doc.layout] += 1
                show(index, doc, scored.missed, merges, raws)
            if refextract_available:
                start = time.perf_counter()
                try:
                    found = refextract_raws(doc.text)
                except Exception as exc:  # refextract's own failures count as finding nothing
                    print(
                        f"  refextract failed on document {index}: {exc.__class__.__name__}: {exc}"
                    )
                    found = []
                theirs_time += time.perf_counter() - start
                if found is None:
                    refextract_available = False
                    continue
                theirs[doc.layout].score(doc.entries, found, doc.labels)
    report(f"vexascite parse DOC (whole process, {ours_time:.0f} s)", ours)
    if refextract_available:
        report(
            f"refextract extract_references_from_string (in process, {theirs_time:.0f} s)",
            theirs,
        )
        print(
            f"\nF1 vexascite {overall(ours).f1:.3f} vs refextract {overall(theirs).f1:.3f}; merges {overall(ours).merges} vs {overall(theirs).merges}"
        )
    elif args.in_process:
        print("\nrefextract is left out with --in-process (run without it for the comparison)")
    else:
        print('\nrefextract is not installed (pip install -e ".[bench]"): no comparison')
    return 0


if __name__ == "__main__":
    sys.exit(main())
