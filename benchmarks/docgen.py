"""Generate whole documents around reference strings, each with its truth.

Used by ``benchmarks/list_accuracy.py`` and by the tests (``tests/refstring``). The
reference strings come from the labelled eval sets (the glutton strings keep the line
breaks and hyphenation of the PDFs they were extracted from); the prose around them
comes from the claims library's abstracts. Every layout a reader meets is covered:
numbered lists in every label form (``1.``, ``1)``, ``[1]``, ``(1)``, bare ``1``,
superscript-like), unnumbered lists (hanging indent, blank-line separated, one per
line), PDF-extracted text (wrapped, hyphenated, page furniture anywhere, labels on
their own line), lists that start late, several lists, and lists followed by legends,
tables or acknowledgements. Numbering has gaps, repeats, numbers past 999 and
descending order. Text is set 60-100 characters wide, or 30-60 (two-column PDFs);
headings come in every case (``References``, ``REFERENCES AND NOTES``, ``References:``).
Each document records which entry every line is part of (``owners``), the truth a
line-level model is trained on (``scripts/train_list_cuts.py``).

The eval strings are split in two by a hash of their text (:func:`split_of`), so a
model or a rule can be tuned on one half and measured on the other.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import textwrap
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from evalsets import SHARED

#: The eval files whose ``raw`` strings are used, and nothing else from them.
STRING_FILES = (
    "glutton_pmc1943_doi.jsonl",
    "plos_jats.jsonl",
    "crossref_real_2k.jsonl",
    "crossref_existing_1k.jsonl",
    "anystyle_gold.jsonl",
    "anystyle_good.jsonl",
    "grobid_citation.jsonl",
    "cora_parscit.jsonl",
)

LAYOUTS = (
    "dot",
    "paren",
    "bracket",
    "round",
    "bare",
    "superscript",
    "glued",
    "hanging",
    "blank",
    "lines",
    "pdf-numbered",
    "pdf-unnumbered",
    "pdf-label-line",
)

HEADINGS = (
    "References",
    "REFERENCES",
    "Reference list",
    "Bibliography",
    "Literature Cited",
    "Works Cited",
    "## References",
    "# Bibliography",
    "**References**",
    "Literatur",
    "Literaturverzeichnis",
    "Références",
    "Bibliographie",
    "Referencias",
    "Bibliografía",
    "Referências",
    "Bibliografia",
    "Riferimenti bibliografici",
    "Literatuur",
    "Referenser",
    "Litteratur",
    "Kirjallisuus",
    "Piśmiennictwo",
    "Список литературы",
    "Литература",
    "参考文献",
    "References and Notes",
    "5. References",
    "REFERENCES CITED",
    "Cited literature",
    "References:",
    "REFERENCES AND NOTES",
    "Reference List",
    "LITERATURE CITED",
    "Literature cited",
    "BIBLIOGRAPHY",
    "6 References",
    "References cited",
)

FURNITURE = (
    "Downloaded from https://academic.oup.com/journal/article/{n}/{m}/{k} by guest on {d} May 2024",
    "Downloaded from http://www.jbc.org/ by guest on March {d}, 2019",
    "Author Manuscript",
    "NIH-PA Author Manuscript",
    "Author manuscript; available in PMC 2015 January {d}.",
    "{p}",
    "Page {p} of {q}",
    "- {p} -",
    "J Clin Invest. 2019;{n}({m}):{k}–{k2}",
    "Blood. 20{y}; {n}({m})",
    "PLOS ONE | https://doi.org/10.1371/journal.pone.0{n}{m} May {d}, 2020",
    "{p} | Nature | Vol {n} | {d} May 2020",
    "Smith et al.",
    "VEXAS SYNDROME AND JAK INHIBITORS",
    "www.frontiersin.org",
    "This article is protected by copyright. All rights reserved.",
    "Front. Immunol. {n}:{k}. doi: 10.3389/fimmu.2020.{k}",
    "Cell Reports {n}, {k}–{k2}, May {d}, 2020 {p}",
    "ARTICLE IN PRESS",
)

SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def norm(text: str) -> str:
    """Letters and digits only, case folded: how entries are compared."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


def split_of(raw: str) -> str:
    """``train`` or ``test``, by a hash of the string's letters (stable across runs)."""
    return "train" if hashlib.sha256(norm(raw).encode()).digest()[0] < 128 else "test"


def load_strings(part: str | None = None, shared: Path = SHARED) -> list[str]:
    """The eval reference strings, de-duplicated on their letters, of one half or all."""
    seen: set[str] = set()
    out: list[str] = []
    for name in STRING_FILES:
        path = shared / "eval" / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").split("\n"):
            if not line.strip():
                continue
            raw = json.loads(line).get("raw") or ""
            key = norm(raw)
            if len(key) < 15 or key in seen:
                continue
            if part is not None and split_of(raw) != part:
                continue
            seen.add(key)
            out.append(raw.strip())
    return out


def load_prose(shared: Path = SHARED, limit: int = 400) -> list[str]:
    path = shared / "eval" / "claims_library.jsonl"
    out: list[str] = []
    if path.exists():
        for line in path.read_text(encoding="utf-8").split("\n")[:limit]:
            if line.strip():
                out.append(json.loads(line)["abstract"])
    return out or [
        "The patients were followed for a median of two years and most of them improved."
    ]


@dataclass
class Document:
    """A generated document, the entries it holds (as given) and how it was made."""

    text: str
    entries: list[str]
    labels: list[str]
    layout: str
    lists: int = 1
    notes: list[str] = field(default_factory=list)
    #: For each line of ``text`` (0-based), the index in ``entries`` of the entry it is part of, if any.
    owners: dict[int, int] = field(default_factory=dict)


def _wrap(text: str, width: int, rng: random.Random, hyphenate: bool) -> list[str]:
    """Wrap one string to lines of about ``width``; keep the glutton strings' own breaks."""
    if "\n" in text:
        return [line.strip() for line in text.split("\n") if line.strip()]
    lines = textwrap.wrap(
        " ".join(text.split()), width=width, break_long_words=False, break_on_hyphens=False
    ) or [text]
    if hyphenate:
        out: list[str] = []
        carry = ""
        for index, line in enumerate(lines):
            line = (carry + " " + line).strip() if carry else line
            carry = ""
            words = line.split(" ")
            if (
                index + 1 < len(lines)
                and rng.random() < 0.3
                and len(words[-1]) >= 8
                and words[-1].isalpha()
            ):
                word = words[-1]
                cut = rng.randint(3, len(word) - 3)
                out.append(" ".join(words[:-1] + [word[:cut] + "-"]))
                carry = word[cut:]
            else:
                out.append(line)
        if carry:
            out[-1] = out[-1] + " " + carry if out else carry
        return out
    return lines


def _numbers(count: int, rng: random.Random) -> list[int]:
    """Printed numbers: usually 1..n, sometimes with gaps, a repeat, past 999, or descending."""
    kind = rng.choices(["plain", "gap", "repeat", "late", "big", "descending"], [5, 2, 1, 2, 1, 1])[
        0
    ]
    start = {"late": rng.randint(5, 60), "big": rng.choice([995, 9995, 1200])}.get(kind, 1)
    numbers = list(range(start, start + count))
    if kind == "gap" and count > 3:
        for _ in range(rng.randint(1, 2)):
            at = rng.randint(1, count - 1)
            numbers = numbers[:at] + [n + rng.randint(1, 3) for n in numbers[at:]]
    elif kind == "repeat" and count > 3:
        at = rng.randint(1, count - 1)
        numbers = numbers[:at] + [n - 1 for n in numbers[at:]]
    elif kind == "descending":
        numbers.reverse()
    return numbers


def _label(layout: str, number: int) -> str:
    return {
        "dot": f"{number}. ",
        "paren": f"{number}) ",
        "bracket": f"[{number}] ",
        "round": f"({number}) ",
        "bare": f"{number} ",
        "superscript": str(number).translate(SUPERSCRIPTS),
        "glued": f"{number}",
        "pdf-numbered": f"{number}. ",
        "pdf-label-line": f"{number}.",
    }.get(layout, "")


def _prose(rng: random.Random, prose: list[str], sentences: int) -> str:
    text = rng.choice(prose)
    parts = re.split(r"(?<=[.!?])\s+", text)
    return " ".join(parts[:sentences])


def _furniture(rng: random.Random, page: int) -> str:
    template = rng.choice(FURNITURE)
    return template.format(
        n=rng.randint(10, 400),
        m=rng.randint(1, 12),
        k=rng.randint(100, 9000),
        k2=rng.randint(9001, 9999),
        d=rng.randint(1, 28),
        p=page,
        q=page + rng.randint(1, 9),
        y=rng.randint(10, 24),
    )


def _list_lines(
    entries: list[str], layout: str, rng: random.Random, numbers: list[int]
) -> tuple[list[str], list[int | None]]:
    """The lines of one list in one layout (no furniture yet), and which entry each line is part of."""
    # Most text is set 60-100 characters wide; two-column PDFs wrap at 30-60.
    width = rng.randint(60, 100) if rng.random() < 0.75 else rng.randint(30, 60)
    hyphenate = layout.startswith("pdf") or rng.random() < 0.3
    out: list[str] = []
    owners: list[int | None] = []
    blank_between = layout == "blank" or (
        layout in ("dot", "bracket", "round", "paren") and rng.random() < 0.3
    )
    for index, (entry, number) in enumerate(zip(entries, numbers, strict=True)):
        label = _label(layout, number)
        lines: list[str]
        if layout == "lines":
            lines = [" ".join(entry.split())]
        elif layout == "hanging":
            wrapped = _wrap(entry, width, rng, hyphenate)
            indent = " " * rng.choice([2, 4, 5])
            lines = [wrapped[0]] + [indent + line for line in wrapped[1:]]
        elif layout == "pdf-label-line":
            lines = [label, *_wrap(entry, width, rng, True)]
        elif layout in ("blank", "pdf-unnumbered"):
            lines = _wrap(entry, width, rng, hyphenate)
        else:
            wrapped = _wrap(entry, width, rng, hyphenate)
            indent = " " * (
                len(label) if rng.random() < 0.5 and not layout.startswith("pdf") else 0
            )
            lines = [label + wrapped[0]] + [indent + line for line in wrapped[1:]]
        out.extend(lines)
        owners.extend([index] * len(lines))
        if blank_between:
            out.append("")
            owners.append(None)
    return out, owners


def _with_furniture(
    lines: list[str], owners: list[int | None], rng: random.Random, every: int, page: list[int]
) -> tuple[list[str], list[int | None]]:
    """Page furniture every ``every`` lines, wherever it falls (inside an entry too)."""
    out: list[str] = []
    out_owners: list[int | None] = []
    for index, (line, owner) in enumerate(zip(lines, owners, strict=True)):
        out.append(line)
        out_owners.append(owner)
        if index and index % every == 0:
            page[0] += 1
            block = [_furniture(rng, page[0]) for _ in range(rng.randint(1, 3))]
            block = ["", *block, ""] if rng.random() < 0.5 else block
            out.extend(block)
            out_owners.extend([None] * len(block))
    return out, out_owners


def _trailer(rng: random.Random, prose: list[str]) -> list[str]:
    kind = rng.choice(["legend", "table", "ack", "none", "prose"])
    if kind == "legend":
        return [
            "",
            f"Figure {rng.randint(1, 6)}. " + _prose(rng, prose, 2),
            "",
            f"Figure {rng.randint(7, 9)}. " + _prose(rng, prose, 1),
        ]
    if kind == "table":
        rows = [
            f"{rng.choice(['Age, y', 'Female sex', 'CRP, mg/L', 'Hemoglobin, g/dL'])}\t{rng.randint(1, 90)}\t{rng.randint(1, 90)} ({rng.randint(1, 99)}%)"
            for _ in range(4)
        ]
        return [
            "",
            f"Table {rng.randint(1, 4)}. Characteristics of the {rng.randint(10, 99)} patients",
            "Characteristic\tGroup A\tGroup B",
            *rows,
        ]
    if kind == "ack":
        return [
            "",
            rng.choice(["Acknowledgements", "Acknowledgments", "Funding", "Conflict of interest"]),
            _prose(rng, prose, 2),
        ]
    if kind == "prose":
        return ["", _prose(rng, prose, 3)]
    return []


def make_document(
    strings: list[str], rng: random.Random, prose: list[str], layout: str | None = None
) -> Document:
    """One document: maybe the tail of an earlier article's list, prose, then one list in a layout."""
    layout = layout or rng.choice(LAYOUTS)
    count = min(len(strings), rng.randint(3, 40))
    entries = [strings.pop() for _ in range(count)]
    numbered = layout not in ("hanging", "blank", "lines", "pdf-unnumbered")
    numbers = _numbers(count, rng) if numbered else [0] * count
    pdf = layout.startswith("pdf")
    lines: list[str] = []
    all_entries: list[str] = []
    labels: list[str] = []
    lists = 0
    owners: dict[int, int] = {}
    page = [rng.randint(1, 20)]
    if numbered and rng.random() < 0.25 and len(strings) > 3:
        # The tail of an earlier article's list at the top of the page.
        tail = [strings.pop() for _ in range(rng.randint(1, 3))]
        start = rng.randint(8, 40)
        tail_numbers = list(range(start, start + len(tail)))
        tail_lines, tail_owners = _list_lines(tail, layout, rng, tail_numbers)
        owners.update(
            {
                len(lines) + i: len(all_entries) + o
                for i, o in enumerate(tail_owners)
                if o is not None
            }
        )
        lines.extend(tail_lines)
        all_entries.extend(tail)
        labels.extend(_label(layout, n) for n in tail_numbers)
        lines.extend(["", "DOI 10.5555/example.2022." + str(rng.randint(1000, 9999)), ""])
        lists += 1
    lines.append(
        rng.choice(
            ["A study of things", "TO THE EDITOR:", "# Results in a cohort", "Original article"]
        )
    )
    lines.append("")
    for _ in range(rng.randint(1, 3)):
        paragraph = _prose(rng, prose, rng.randint(2, 5))
        lines.extend(textwrap.wrap(paragraph, 90) if pdf else [paragraph])
        lines.append("")
    if rng.random() < 0.2:
        lines.extend(
            [
                "The steps were:",
                "1. Patients were screened at baseline.",
                "2. Samples were sequenced.",
                "",
            ]
        )
    heading = rng.choice(HEADINGS) if (not numbered or rng.random() < 0.8) else None
    if heading:
        lines.extend([heading, ""] if rng.random() < 0.6 else [heading])
    body, body_owners = _list_lines(entries, layout, rng, numbers)
    if pdf:
        body, body_owners = _with_furniture(body, body_owners, rng, rng.randint(8, 25), page)
    owners.update(
        {len(lines) + i: len(all_entries) + o for i, o in enumerate(body_owners) if o is not None}
    )
    lines.extend(body)
    lines.extend(_trailer(rng, prose))
    all_entries.extend(entries)
    labels.extend(_label(layout, n) for n in numbers)
    lists += 1
    return Document("\n".join(lines) + "\n", all_entries, labels, layout, lists, owners=owners)


def make_documents(
    strings: Iterable[str], count: int, seed: int = 11, prose: list[str] | None = None
) -> list[Document]:
    """``count`` documents (fewer if the strings run out), cycling through every layout."""
    rng = random.Random(seed)
    pool = list(strings)
    rng.shuffle(pool)
    prose = prose or load_prose()
    docs: list[Document] = []
    for index in range(count):
        if len(pool) < 3:
            break
        docs.append(make_document(pool, rng, prose, LAYOUTS[index % len(LAYOUTS)]))
    return docs
