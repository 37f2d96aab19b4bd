"""Linking a manuscript of 10,000 sentences, side by side with a naive splitter.

The manuscript is generated (deterministic): paragraphs of sentences with abbreviations,
decimals and P values; numeric markers in four styles (``[1,2]``, ``^{3}``, Unicode
superscripts, ``<sup>``), pandoc keys and author-year citations; page breaks inside
sentences and figure legends; a numbered reference list of 200 entries at the end.

Prints seconds (best of N) for:
- naive: ``re.split`` on ``[.!?] `` plus one marker regex (the obvious alternative;
  it gets abbreviations, page breaks and legends wrong);
- vexascite extract: sentences, markers and claims (pure, no store);
- vexascite link: the whole ``api.link_manuscript`` (import of its reference list,
  resolution of every marker, claims written in one transaction), first run and relink.

    .venv/bin/python benchmarks/link_speed.py [--sentences 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
from pathlib import Path

from timing import CPU, best_of

from vexascite.api import import_paths, link_manuscript
from vexascite.config import load_settings
from vexascite.link import extract_claims

WORDS = (
    "patients with VEXAS syndrome were treated with ruxolitinib tofacitinib baricitinib azacitidine tocilizumab and "
    "showed higher response rates than those on other JAK inhibitors while thrombosis infections and cytopenias "
    "remained frequent in the cohort during follow-up of the retrospective study"
).split()
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
ABBREVIATED = [
    "Beck et al. reported",
    "as in Fig. 2",
    "57.1% vs. 18%",
    "(P = .001)",
    "in no. 3 cases",
    "e.g. steroids",
]


def sentence(rng: random.Random, keys: list[str]) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 22))]
    if rng.random() < 0.3:
        words.insert(rng.randint(0, len(words)), rng.choice(ABBREVIATED))
    text = " ".join(words)
    text = text[0].upper() + text[1:]
    style = rng.random()
    numbers = sorted(rng.sample(range(1, 201), rng.randint(1, 3)))
    joined = ",".join(map(str, numbers))
    if style < 0.15:
        return f"{text} [{joined}]."
    if style < 0.3:
        return f"{text}.^{{{joined}}}"
    if style < 0.4:
        return text + "." + ",".join(str(n).translate(SUPERSCRIPT) for n in numbers)
    if style < 0.45:
        return f"{text}<sup>{joined}</sup>."
    if style < 0.55:
        return f"{text} [@{rng.choice(keys)}]."
    if style < 0.6:
        return f"{text} (Beck et al., 2020)."
    return text + "."


def manuscript(n: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    keys = [f"work{i}" for i in range(300)]
    out = ["# A generated manuscript", ""]
    count = 0
    figure = 0
    while count < n:
        size = min(rng.randint(3, 9), n - count)
        paragraph = " ".join(sentence(rng, keys) for _ in range(size))
        count += size
        if rng.random() < 0.1:
            # a page break in the middle of the last sentence, sometimes with a legend
            cut = paragraph.rfind(" ", 0, len(paragraph) - 30)
            head, tail = paragraph[:cut], paragraph[cut + 1 :]
            tail = tail[0].lower() + tail[1:]
            out += [head, "", " ", ""]
            if rng.random() < 0.5:
                figure += 1
                out += [
                    f"Figure {figure}. Response rates of patients on ruxolitinib. (A) One month. (B) Three months.",
                    "",
                ]
            out += [tail, ""]
        else:
            out += [paragraph, ""]
        if rng.random() < 0.05:
            out += [f"## Section {count}", ""]
    out += ["References", ""]
    for i in range(1, 201):
        out.append(
            f"{i}. Author{i} A, Second B, Third C, et al. A study of topic {i} in VEXAS syndrome. "
            f"Blood. {1990 + i % 35};{100 + i}({i % 12 + 1}):{i * 10}-{i * 10 + 9}."
        )
    return "\n".join(out) + "\n"


_NAIVE_SPLIT = re.compile(r"(?<=[.!?])\s+")
_NAIVE_MARKER = re.compile(
    r"\[(\d+(?:[,-]\d+)*)\]|\^\{([\d,]+)\}|<sup>([\d,]+)</sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[@[^\]]+\]"
)


def naive(text: str) -> int:
    claims = 0
    for paragraph in text.split("\n\n"):
        for piece in _NAIVE_SPLIT.split(paragraph):
            if _NAIVE_MARKER.search(piece):
                claims += 1
    return claims


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    text = manuscript(args.sentences)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "manuscript.md"
        path.write_text(text, encoding="utf-8")
        bib = Path(folder) / "works.bib"
        bib.write_text(
            "".join(
                f"@article{{work{i},\n  title = {{Work number {i}}},\n  author = {{Beck, D.}},\n  year = {{{2000 + i % 25}}}\n}}\n"
                for i in range(300)
            ),
            encoding="utf-8",
        )
        print(
            f"manuscript: {args.sentences} generated sentences, {len(text) / 1024:.0f} KiB; best of {args.repeat}"
        )
        naive_s, naive_claims = best_of(args.repeat, lambda: naive(text), "naive")
        extract_s, extraction = best_of(args.repeat, lambda: extract_claims(text), "extract")
        settings = load_settings(
            Path(folder) / "none.toml", environ={}, db=str(Path(folder) / "library.db")
        )
        import_paths(settings, [bib])
        first_s, report = best_of(1, lambda: link_manuscript(settings, path), "first")
        relink_s, _ = best_of(args.repeat, lambda: link_manuscript(settings, path), "again")
        print(
            f"sentences found: {extraction.sentences}, claims: {len(extraction.claims)} (naive: {naive_claims} pieces with markers)"
        )
        print(
            f"link report: {report.claims} claims, {report.citations} citations, {report.linked} linked, {len(report.problems)} dangling/ambiguous"
        )
        rows = [
            ("naive regex split + marker regex", naive_s, "naive"),
            ("vexascite extract (pure)", extract_s, "extract"),
            ("vexascite link, first run (imports the list)", first_s, "first"),
            ("vexascite link, again (replaces claims)", relink_s, "again"),
        ]
        width = max(len(name) for name, _, _ in rows)
        print(f"load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        for name, seconds, key in rows:
            print(
                f"{name:<{width}}  {seconds:7.3f} s wall  {CPU[key]:7.3f} s CPU  {seconds / naive_s:7.1f}x naive"
            )
        limit = 2.0
        verdict = "within" if max(first_s, relink_s) <= limit else "OVER"
        print(f"target: link 10,000 sentences in at most {limit:.0f} s: {verdict}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
