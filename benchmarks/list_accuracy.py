"""Finding every reference in whole documents: ``vexascite parse DOC`` against refextract.

Documents are generated (``docgen.py``) from the half of the eval reference strings the
list finder was never tuned on (``--part test``), in every layout: numbered lists in every
label form, unnumbered lists, PDF-extracted text with page furniture, late starts,
several lists, lists followed by legends, tables or acknowledgements. An entry is
recovered when exactly one found ``raw`` matches it (letters and digits only, its printed
number ignored); a found string that holds two entries is a merge.

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
from docgen import LAYOUTS, Document, EntryScore, load_strings, make_documents, norm  # noqa: E402

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
        # checkout's modules: an older ``lists.py`` that holds them all compares as it stood
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


def refextract_raws(text: str) -> list[str] | None:
    try:
        from refextract import extract_references_from_string
    except ImportError:
        return None
    found = extract_references_from_string(text)
    return [" ".join(ref.get("raw_ref") or []) for ref in found]


def show(index: int, doc: Document, missed: list[str], merges: list[str], raws: list[str]) -> None:
    print(f"\n=== document {index} ({doc.layout}): {len(missed)} missed, {len(merges)} merges")
    for entry in missed:
        print("  MISSED:", " | ".join(entry.split("\n"))[:300])
        key = norm(entry)
        for raw in raws:
            found = norm(raw)
            if (
                raw not in merges
                and found
                and (key[:15] in found or key[-15:] in found or found in key)
            ):
                print("     got:", " | ".join(raw.split("\n"))[:300])
    for raw in merges:
        print("  MERGED:", " | ".join(raw.split("\n"))[:600])


def report(name: str, scores: dict[str, EntryScore], total: EntryScore) -> None:
    print(f"\n{name}")
    print(f"  {'layout':16s} {'entries':>7s} {'P':>6s} {'R':>6s} {'F1':>6s} {'merges':>6s}")
    for layout in LAYOUTS:
        if layout in scores:
            score = scores[layout]
            p, r, f = score.prf()
            print(f"  {layout:16s} {score.truth:7d} {p:6.3f} {r:6.3f} {f:6.3f} {score.merged:6d}")
    p, r, f = total.prf()
    print(f"  {'all':16s} {total.truth:7d} {p:6.3f} {r:6.3f} {f:6.3f} {total.merged:6d}")


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
    ours: dict[str, EntryScore] = defaultdict(EntryScore)
    theirs: dict[str, EntryScore] = defaultdict(EntryScore)
    ours_total, theirs_total = EntryScore(), EntryScore()
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
            missed, merges = ours[doc.layout].add(doc, raws)
            if (missed or merges) and shown[doc.layout] < args.show:
                shown[doc.layout] += 1
                show(index, doc, missed, merges, raws)
            ours_total.add(doc, raws)
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
                theirs[doc.layout].add(doc, found)
                theirs_total.add(doc, found)
    report(f"vexascite parse DOC (whole process, {ours_time:.0f} s)", ours, ours_total)
    if refextract_available:
        report(
            f"refextract extract_references_from_string (in process, {theirs_time:.0f} s)",
            theirs,
            theirs_total,
        )
        print(
            f"\nF1 vexascite {ours_total.prf()[2]:.3f} vs refextract {theirs_total.prf()[2]:.3f}; merges {ours_total.merged} vs {theirs_total.merged}"
        )
    else:
        print('\nrefextract is not installed (pip install -e ".[bench]"): no comparison')
    return 0


if __name__ == "__main__":
    sys.exit(main())
