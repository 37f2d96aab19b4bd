"""Find lines of the project's tests, docs, code and benchmarks copied from labelled data.

Accuracy is measured on the public evaluation sets kept beside the repository and on a
hidden half of the same kind, so nothing in the repository may hold a string taken from
them (nor from the seeds' hand labels): a test built on an evaluation reference tunes the
code on the answer key, even with its names changed. This check normalises text to letters
and digits, case-folded, and reports every line of a tracked file under tests/, docs/,
vexascite/ and benchmarks/ that shares a window of N such characters with a string of the
labelled data. Windows run across line breaks, so a string wrapped over lines is caught.

Usage:

    .venv/bin/python scripts/eval_overlap.py                 # N = 28, data in $VEXASCITE_SHARED or ../shared
    .venv/bin/python scripts/eval_overlap.py --shared DIR -n 24 --show --all

Exit status 1 when any line matches (0 when none), so it can be run as a check. Phrases that
collide by coincidence (a journal's name, a common run of words) are listed with a reason in
``scripts/eval_overlap_allow.txt``; a window that overlaps one of them in a scanned file is not
reported. Lines that match only the seeds and their hand labels are counted with ``--all``: the
shared data's own notes give those to the tests as fixtures, and bib/ ships what they print.
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ALLOW = Path(__file__).with_name("eval_overlap_allow.txt")
SCANNED = ("tests", "docs", "vexascite", "benchmarks")
#: The labelled data under the shared directory: the evaluation sets, the seeds' hand
#: labels and the seeds themselves. (The repository's own bib/ is written from the seeds and
#: shipped: it is not scanned, and a run of characters it holds is not reported elsewhere.)
SOURCES = ("eval/*.jsonl", "gold/*.jsonl", "seeds/*.txt")
BINARY = {".png", ".jpg", ".crfsuite", ".gz", ".zip", ".pdf", ".sqlite", ".db"}


_NOT_ALNUM = re.compile(r"[\W_]+")
#: A line break or tab written as an escape in a string literal (``"and\\nrecombinant"``): a
#: space, or its letter would join the words around it.
_ESCAPE = re.compile(r"\\[ntr]")


def normalise(text: str) -> str:
    return _NOT_ALNUM.sub("", text.casefold())


def strings(value: object) -> Iterator[str]:
    """Every string value of a decoded JSON record (keys are the format's, not data)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def source_texts(shared: Path) -> Iterator[tuple[str, str]]:
    """(name of the file, text) for every string of the labelled data."""
    for pattern in SOURCES:
        for path in sorted(shared.glob(pattern)):
            name = str(path.relative_to(shared))
            if path.suffix == ".jsonl":
                with open(path, encoding="utf-8") as handle:
                    for line in handle:
                        if line.strip():
                            for text in strings(json.loads(line)):
                                yield name, text
            else:
                yield name, path.read_text(encoding="utf-8")


def tracked_files(root: Path, folders: tuple[str, ...]) -> list[Path]:
    out = subprocess.run(
        ["git", "ls-files", "-z", "--", *folders], cwd=root, capture_output=True, check=True
    ).stdout.decode("utf-8")
    return [root / name for name in out.split("\0") if name and Path(name).suffix not in BINARY]


def allowed_phrases() -> list[str]:
    """The allow-list's phrases, normalised (``phrase  # reason``; a reason is required)."""
    phrases: list[str] = []
    if not ALLOW.exists():
        return phrases
    for number, line in enumerate(ALLOW.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        phrase, sep, reason = line.partition("  # ")
        if not sep or not reason.strip() or not normalise(phrase):
            sys.exit(f"{ALLOW.name}:{number}: an allowed phrase needs a reason after '  # '")
        phrases.append(normalise(phrase))
    return phrases


def mask(text: str, phrases: list[str]) -> str:
    """``text`` with the allowed phrases blanked out (same length, so lines keep their place):
    no window that overlaps one can match."""
    for phrase in phrases:
        text = text.replace(phrase, "\0" * len(phrase))
    return text


def file_text(path: Path) -> tuple[list[str], str, list[int]]:
    """A file's lines, its normalised text, and where each line's normalised text starts."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (UnicodeDecodeError, FileNotFoundError):
        lines = []
    parts = [normalise(_ESCAPE.sub(" ", line)) for line in lines]
    starts: list[int] = []
    offset = 0
    for part in parts:
        starts.append(offset)
        offset += len(part)
    return lines, "".join(parts), starts


def windows_of(text: str, n: int) -> Iterator[str]:
    return (text[i : i + n] for i in range(len(text) - n + 1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = Path(os.environ.get("VEXASCITE_SHARED", ROOT.parent / "shared"))
    parser.add_argument("--shared", type=Path, default=default, help="the directory holding eval/, gold/ and seeds/ (default $VEXASCITE_SHARED, else ../shared)")
    parser.add_argument("-n", type=int, default=28, help="window length in letters and digits (default 28)")
    parser.add_argument("--show", action="store_true", help="print the matched window and source string after each line")
    parser.add_argument("--all", action="store_true", help="also count lines matching only the seeds and their gold (test fixtures by gold/README)")
    args = parser.parse_args()
    n: int = args.n
    if not (args.shared / "eval").is_dir():
        sys.exit(f"no eval/ under {args.shared}: give the shared data directory with --shared")
    phrases = allowed_phrases()
    files = []
    for path in tracked_files(ROOT, SCANNED):
        lines, text, starts = file_text(path)
        files.append((path, lines, mask(text, phrases), starts))
    ours: set[str] = set()
    for _, _, text, _ in files:
        ours.update(windows_of(text, n))
    # What the repository ships in bib/ was written from the seeds: quoting it is not copying.
    exempt: set[str] = set()
    for path in tracked_files(ROOT, ("bib",)):
        exempt.update(windows_of(file_text(path)[1], n))
    matched: dict[str, dict[str, str]] = defaultdict(dict)  # window -> source file -> string
    sources = 0
    for name, text in source_texts(args.shared):
        sources += 1
        for window in windows_of(normalise(text), n):
            if window in ours and window not in exempt:
                matched[window].setdefault(name, text)
    counted: set[str] = set()  # files with a counted line
    counted_lines = fixture_lines = 0
    for path, lines, text, starts in files:
        found: dict[int, dict[str, tuple[str, str]]] = defaultdict(dict)
        for i, window in enumerate(windows_of(text, n)):
            if window in matched:
                first = bisect.bisect_right(starts, i) - 1
                last = bisect.bisect_right(starts, i + n - 1) - 1
                for line_number in range(first + 1, last + 2):
                    for name, source in matched[window].items():
                        found[line_number].setdefault(name, (window, source))
        for line_number, by_source in sorted(found.items()):
            fixture = not any(name.startswith("eval/") for name in by_source)
            if fixture and not args.all:
                fixture_lines += 1
                continue
            counted_lines += 1
            counted.add(str(path))
            tag = " (seeds)" if fixture else ""
            where = f"{path.relative_to(ROOT)}:{line_number}{tag}"
            print(f"{where}: {', '.join(sorted(by_source))}: {lines[line_number - 1].strip()[:100]}")
            if args.show:
                for name, (window, source) in sorted(by_source.items()):
                    print(f"    {name}: [{window}] {' '.join(source.split())[:150]}")
    print(
        f"{counted_lines} line(s) in {len(counted)} file(s) share a {n}-character window with "
        f"{'the labelled data' if args.all else 'the evaluation sets'} ({len(files)} files "
        f"scanned, {sources} source strings)"
        + ("" if args.all else f"; {fixture_lines} more only with the seeds and their gold (--all)"),
        file=sys.stderr,
    )
    return 1 if counted_lines else 0


if __name__ == "__main__":
    sys.exit(main())
