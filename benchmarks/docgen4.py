"""A fourth generator of whole documents with reference lists, written from issue 11 alone.

It was written without reading the other generators or the list finder, so that the list
finder is measured on layouts it was not shaped by. Every document is built around strings of
the public labelled evaluation sets (kept beside the repository, not in it), in one of the
layouts the issue names, and carries its truth: the entry strings, in order, list by list.

Split: a string belongs to the ``train`` half when the first byte of
``sha256("docgen4:" + key)`` is even, where ``key`` is the string's letters and digits,
lower-cased; otherwise to ``test``. Only one half's strings are ever used in one run.

Usage::

    python benchmarks/docgen4.py --part train --seed 400 --docs-per-layout 2 --out /tmp/d4
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import sys
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

# The files whose ``raw`` strings are references (the claims files are not).
SOURCE_FILES = (
    "plos_jats.jsonl",
    "glutton_pmc1943_doi.jsonl",
    "grobid_citation.jsonl",
    "anystyle_core.jsonl",
    "anystyle_gold.jsonl",
    "anystyle_good.jsonl",
    "anystyle_bad.jsonl",
    "anystyle_ugly.jsonl",
    "cora_parscit.jsonl",
    "crossref_real_2k.jsonl",
    "crossref_existing_1k.jsonl",
)


def key(text: str) -> str:
    """Letters and digits only, lower-cased: the issue's comparison of an entry."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def part_of(raw: str) -> str:
    """The half a string belongs to, by a hash of its letters and digits (stable across runs)."""
    digest = hashlib.sha256(("docgen4:" + key(raw)).encode("utf-8")).digest()
    return "train" if digest[0] % 2 == 0 else "test"


@dataclass(frozen=True)
class Ref:
    raw: str
    source: str

    @property
    def pdf(self) -> bool:
        """True for strings that keep their PDF line breaks (the glutton set)."""
        return "\n" in self.raw


def shared_dir(explicit: str | None = None) -> Path:
    """Where the evaluation sets are: an explicit path, VEXASCITE_SHARED, or ../shared."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("VEXASCITE_SHARED")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent.parent / "shared"


_LEADING_LABEL = re.compile(r"^\s*(?:\[\s*\d|\(\s*\d|\d)")


def usable(raw: str) -> bool:
    """A string a document could hold as one entry: long enough, not itself labelled."""
    flat = " ".join(raw.split())
    if len(flat) < 25 or len(flat) > 900 or len(flat.split()) < 4:
        return False
    if _LEADING_LABEL.match(flat):
        return False  # a string starting with its own number would make the truth ambiguous
    return len(key(flat)) >= 15


def load_pool(part: str, shared: Path | None = None) -> list[Ref]:
    """Every usable string of one half, each text once (the first file that holds it wins)."""
    base = (shared or shared_dir()) / "eval"
    seen: set[str] = set()
    pool: list[Ref] = []
    for name in SOURCE_FILES:
        path = base / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                raw = str(record.get("raw") or "").strip()
                if not raw or not usable(raw):
                    continue
                k = key(raw)
                if k in seen or part_of(raw) != part:
                    continue
                seen.add(k)
                pool.append(Ref(raw, name.removesuffix(".jsonl")))
    if not pool:
        raise SystemExit(f"no evaluation strings found under {base}")
    return pool


@dataclass
class Document:
    name: str
    layout: str
    text: str
    suffix: str = ".txt"
    lists: list[list[str]] = field(default_factory=list)
    #: The lines of page furniture put in (running heads, footers, page numbers), wherever they fell.
    furniture: list[str] = field(default_factory=list)

    @property
    def truth(self) -> list[str]:
        return [entry for entries in self.lists for entry in entries]


# ---------------------------------------------------------------------------------------
# Prose around the lists (invented words; nothing here is a reference)

_SUBJECTS = (
    "Somatic UBA1 variants",
    "Inflammatory relapses",
    "Macrocytic anaemia",
    "The cohort",
    "Treatment with ruxolitinib",
    "Glucocorticoid dependence",
    "Chondritis of the ear",
    "Cytopenias",
    "Neutrophilic dermatosis",
    "Clonal haematopoiesis",
    "The vacuolated precursors",
    "Azacitidine exposure",
    "Serum ferritin",
    "Venous thrombosis",
    "Patients over seventy",
)
_VERBS = (
    "were associated with",
    "predicted",
    "did not explain",
    "preceded",
    "were reported alongside",
    "correlated weakly with",
    "were more frequent than",
    "accounted for most of",
    "were observed in",
    "remained independent of",
)
_OBJECTS = (
    "a shorter survival",
    "the response to tocilizumab",
    "steroid-sparing strategies",
    "the inflammatory score",
    "transfusion needs",
    "myelodysplastic features",
    "the variant allele frequency",
    "relapse after tapering",
    "pulmonary infiltrates",
    "skin lesions in most men",
    "the onset of fever",
    "bone marrow findings",
)
_TAILS = (
    "in the first series",
    "in later reports",
    "across three centres",
    "after one year",
    "in men older than fifty",
    "in a registry of 72 patients",
    "during follow-up",
    "when measured at baseline",
    "in a retrospective review",
    "",
)


def _sentence(rng: random.Random, cite: str) -> str:
    tail = rng.choice(_TAILS)
    words = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}"
    if tail:
        words += f" {tail}"
    return f"{words}{cite}."


def _cite(rng: random.Random, style: str, count: int, names: list[str]) -> str:
    """A citation marker of the given style for a list of ``count`` entries."""
    if count <= 0:
        return ""
    n = rng.randint(1, count)
    if style == "bracket":
        if rng.random() < 0.3 and n + 2 <= count:
            return f" [{n}\u2013{n + 2}]"
        return f" [{n}]"
    if style == "paren":
        return f" ({n})"
    if style == "super":
        return f"{n}" if rng.random() < 0.5 else f"{n},{min(count, n + 1)}"
    if style == "author":
        name = rng.choice(names) if names else "Smith"
        return f" ({name} et al., {rng.randint(1985, 2023)})"
    return ""


def prose(
    rng: random.Random, paragraphs: int, style: str, count: int, names: list[str], width: int = 0
) -> list[str]:
    """Paragraphs of invented body text with citation markers, blank-line separated."""
    lines: list[str] = []
    for _ in range(paragraphs):
        text = " ".join(
            _sentence(rng, _cite(rng, style, count, names) if rng.random() < 0.6 else "")
            for _ in range(rng.randint(2, 5))
        )
        if width:
            lines.extend(textwrap.wrap(text, width))
        else:
            lines.append(text)
        lines.append("")
    return lines


def first_word(raw: str) -> str:
    match = re.match(r"[^\W\d_][\w'\-]+", raw.strip())
    return match.group(0) if match else "Smith"


# ---------------------------------------------------------------------------------------
# Headings and back matter

HEADINGS = (
    "References",
    "REFERENCES",
    "Bibliography",
    "Literature Cited",
    "References and Notes",
    "Works Cited",
    "Literatur",
    "Literaturverzeichnis",
    "Références",
    "Bibliographie",
    "Références bibliographiques",
    "Referencias",
    "Bibliografía",
    "Referências",
    "Referências bibliográficas",
    "Riferimenti bibliografici",
    "Bibliografia",
    "Literatuur",
    "Referenties",
    "Litteratur",
    "Referenser",
    "Kirjallisuus",
    "Piśmiennictwo",
    "Literatura",
    "Kaynaklar",
    "Список литературы",
    "Литература",
    "参考文献",
    "文献",
    "참고문헌",
    "Βιβλιογραφία",
    "Hivatkozások",
)
ENGLISH_HEADINGS = HEADINGS[:6]


def heading_line(rng: random.Random, heading: str) -> str:
    roll = rng.random()
    if roll < 0.15:
        return heading.upper()
    if roll < 0.25:
        return f"{rng.randint(5, 9)}. {heading}" if not heading[0].isdigit() else heading
    if roll < 0.3:
        return f"{heading}:"
    return heading


def legends(rng: random.Random) -> list[str]:
    lines = []
    for n in range(1, rng.randint(2, 4)):
        lines.append(
            f"Figure {n}. {rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} "
            f"{rng.choice(_OBJECTS)}. (A) Kaplan-Meier curves; (B) box plots of "
            f"{rng.choice(_OBJECTS)} (n = {rng.randint(12, 300)})."
        )
        lines.append("")
    return lines


def table(rng: random.Random) -> list[str]:
    rows = [
        "Table 1. What the invented patients were like at the start",
        "",
        "Characteristic\tAll (n = 83)\tUBA1 p.M41T (n = 51)",
    ]
    for label in (
        "Age, years",
        "Male sex, n (%)",
        "Fever, n (%)",
        "Chondritis, n (%)",
        "Haemoglobin, g/dL",
        "Platelets, x10^9/L",
        "CRP, mg/L",
    ):
        if rng.random() < 0.8:
            rows.append(
                f"{label}\t{rng.randint(1, 90)} ({rng.randint(1, 99)})\t"
                f"{rng.randint(1, 90)} ({rng.randint(1, 99)})"
            )
    rows.append("Data are median (IQR) or n (%).")
    rows.append("")
    return rows


def acknowledgements(rng: random.Random) -> list[str]:
    head = rng.choice(
        (
            "Acknowledgements",
            "Acknowledgments",
            "ACKNOWLEDGMENTS",
            "Funding",
            "Author contributions",
            "Conflict of interest",
            "Data availability",
        )
    )
    body = rng.choice(
        (
            "We thank the patients and their families, and the nurses of the day hospital.",
            "This work was supported by grant 2021-0457 of the national research agency and by "
            "a fellowship of the society.",
            "A.B. and C.D. designed the study; E.F. analysed the data; all authors wrote the paper.",
            "The authors declare no competing interests.",
            "The data are available from the corresponding author on reasonable request.",
        )
    )
    return [head, "", body, ""]


def back_matter(rng: random.Random) -> list[str]:
    parts: list[Callable[[random.Random], list[str]]] = [legends, table, acknowledgements]
    rng.shuffle(parts)
    out: list[str] = []
    for part in parts[: rng.randint(1, 3)]:
        out.extend(part(rng))
    return out


def article_head(rng: random.Random) -> list[str]:
    title = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}"
    authors = ", ".join(
        f"{rng.choice('ABCDEFGHJKLMNPRSTVW')}. {rng.choice(_SURNAMES)}"
        for _ in range(rng.randint(2, 5))
    )
    return [title, "", authors, "", "Abstract", ""]


_SURNAMES = (
    "Beck",
    "Grayson",
    "Ferrada",
    "Georgin-Lavialle",
    "Kosmider",
    "Heiblig",
    "Obiorah",
    "Mekinian",
    "Comont",
    "Koster",
    "Tan",
    "Staels",
    "Bourbon",
    "Poulter",
    "Templé",
)


# ---------------------------------------------------------------------------------------
# Entries: labels, wrapping, hyphenation

SUPER = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def label(form: str, n: int) -> str:
    """The label of entry ``n`` in one numbered form, with the space that follows it."""
    if form == "dot":
        return f"{n}. "
    if form == "paren":
        return f"{n}) "
    if form == "bracket":
        return f"[{n}] "
    if form == "parens":
        return f"({n}) "
    if form == "bare":
        return f"{n} "
    if form == "tab":
        return f"{n}.\t"
    if form == "super":
        return str(n).translate(SUPER)
    if form == "superspace":
        return str(n).translate(SUPER) + " "
    if form == "glued":
        return f"{n}"
    raise ValueError(form)


NUMBER_FORMS = ("dot", "paren", "bracket", "parens", "bare", "tab", "super", "superspace", "glued")


def flat(raw: str) -> str:
    """One line: the string's own line breaks joined (a hyphen at a break kept as it is)."""
    return " ".join(raw.split())


def wrap_pdf(text: str, width: int, rng: random.Random, hyphenate: float) -> list[str]:
    """Wrap like a PDF's text layer, splitting some long words at the line end with a hyphen."""
    words = text.split()
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= width:
            current = candidate
            continue
        room = width - len(current) - 2 if current else width - 1
        if current and room >= 3 and len(word) >= 8 and word.isalpha() and rng.random() < hyphenate:
            cut = rng.randint(3, min(room, len(word) - 3))
            lines.append(f"{current} {word[:cut]}-")
            current = word[cut:]
            continue
        if current:
            lines.append(current)
        current = word
    if current:
        lines.append(current)
    return lines


def render_entry(
    rng: random.Random,
    raw: str,
    lead: str,
    style: str,
    width: int,
    indent: int,
    hyphenate: float = 0.0,
) -> list[str]:
    """An entry's lines: ``style`` is "line" (one line), "keep" (its own breaks kept, for the
    glutton strings), "hanging" (wrapped, continuation lines indented) or "flush" (wrapped,
    continuation lines flush left)."""
    if style == "line":
        return [lead + flat(raw)]
    if style == "keep" and "\n" in raw:
        raw_lines = raw.split("\n")
        pad = " " * indent
        return [lead + raw_lines[0].rstrip()] + [pad + ln.strip() for ln in raw_lines[1:]]
    text = lead + flat(raw)
    lines = wrap_pdf(text, width, rng, hyphenate)
    if style == "hanging" and indent:
        pad = " " * indent
        lines = [lines[0]] + [pad + ln for ln in lines[1:]]
    return lines


# ---------------------------------------------------------------------------------------
# Page furniture (PDF text)


def _running_heads(rng: random.Random) -> list[str]:
    journal = rng.choice(
        (
            "Blood",
            "Ann Rheum Dis",
            "J Clin Immunol",
            "Rheumatology (Oxford)",
            "Haematologica",
            "Arthritis Rheumatol",
            "Br J Haematol",
        )
    )
    author = rng.choice(_SURNAMES)
    year = rng.randint(2015, 2025)
    return [
        f"{author} et al.",
        f"{journal} {year}; {rng.randint(10, 140)}: {rng.randint(1, 900)}-{rng.randint(901, 999)}",
        f"{journal.upper()} | VOLUME {rng.randint(10, 140)} | {year}",
        f"{author.upper()} ET AL.",
        "RESEARCH ARTICLE",
        f"{rng.choice(_SUBJECTS)} in VEXAS syndrome",
    ]


def _footers(rng: random.Random) -> list[str]:
    day = rng.randint(1, 28)
    month = rng.choice(("January", "March", "June", "September", "November"))
    return [
        f"Downloaded from https://academic.example.org/rheumatology/article/{rng.randint(10, 99)}/"
        f"{rng.randint(1, 12)}/{rng.randint(1000, 9999)}/{rng.randint(1000000, 9999999)} by guest "
        f"on {day} {month} 2024",
        f"Downloaded from http://ashpublications.example.org/blood/article-pdf/{rng.randint(100, 150)}/"
        f"{rng.randint(1, 26)}/{rng.randint(1000, 3000)}/1/blood.pdf by guest on {day} {month} 2024",
        "Author Manuscript",
        "NIH-PA Author Manuscript",
        f"Blood. Author manuscript; available in PMC {rng.randint(2016, 2024)} {month} {day}.",
        "This article is protected by copyright. All rights reserved.",
        f"© {rng.randint(2010, 2024)} The Authors. Published by Elsevier Ltd. All rights reserved.",
        f"© {rng.randint(2010, 2024)} by The American Society of Hematology",
        "For personal use only.",
        f"Page {rng.randint(1, 30)} of {rng.randint(30, 40)}",
    ]


class Paginator:
    """Cuts lines into pages and puts a page's furniture at each page break, wherever it falls."""

    def __init__(self, rng: random.Random, furniture: set[str]) -> None:
        self.rng = rng
        self.furniture = furniture  # every line put in, so a test can take them out again
        self.page_length = rng.randint(38, 62)
        self.head = rng.choice(_running_heads(rng))
        self.foot = rng.sample(_footers(rng), rng.randint(1, 2))
        self.numbers = rng.choice(("bottom", "top", "with-head", "none"))
        self.form_feed = rng.random() < 0.4
        self.side_notes = rng.random() < 0.3  # NIH manuscripts' sideways "Author Manuscript"
        self.page = rng.randint(1, 12)

    def break_lines(self) -> list[str]:
        rng = self.rng
        out: list[str] = []
        if rng.random() < 0.5:
            out.append("")
        if self.numbers == "bottom":
            out.append(str(self.page))
        out.extend(self.foot)
        if self.form_feed:
            out.append("\f")
        self.page += 1
        if self.numbers == "top":
            out.append(str(self.page))
        if self.numbers == "with-head":
            out.append(
                f"{self.page}\t{self.head}" if self.page % 2 == 0 else f"{self.head}\t{self.page}"
            )
        else:
            out.append(self.head)
        if rng.random() < 0.5:
            out.append("")
        return out

    def paginate(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        count = self.rng.randint(0, self.page_length // 2)
        for line in lines:
            out.append(line)
            count += 1
            if self.side_notes and line and self.rng.random() < 0.04:
                out.append("Author Manuscript")
                self.furniture.add("Author Manuscript")
            if count >= self.page_length:
                block = self.break_lines()
                self.furniture.update(ln for ln in block if ln.strip())
                out.extend(block)
                count = 0
        return out


# ---------------------------------------------------------------------------------------
# Layout builders


@dataclass
class Ctx:
    rng: random.Random
    pool: list[Ref]
    pdf_pool: list[Ref]
    furniture: set[str] = field(default_factory=set)

    def take(self, count: int, pdf_share: float = 0.2) -> list[str]:
        """``count`` distinct strings, some with their PDF line breaks."""
        picked: dict[str, str] = {}
        while len(picked) < count:
            source = self.pdf_pool if self.pdf_pool and self.rng.random() < pdf_share else self.pool
            raw = self.rng.choice(source).raw
            picked.setdefault(key(raw), raw)
        return list(picked.values())

    def size(self) -> int:
        return self.rng.choice(
            (self.rng.randint(3, 12), self.rng.randint(10, 45), self.rng.randint(30, 90))
        )


def numbered_block(
    ctx: Ctx,
    entries: list[str],
    numbers: list[int],
    form: str,
    style: str = "line",
    width: int = 90,
    hang: int | None = None,
    hyphenate: float = 0.0,
    blank_between: bool = False,
) -> list[str]:
    rng = ctx.rng
    lines: list[str] = []
    for n, raw in zip(numbers, entries, strict=True):
        lead = label(form, n)
        indent = len(lead) if hang is None else hang
        entry_style = style
        if style == "wrap":
            entry_style = "keep" if "\n" in raw and rng.random() < 0.7 else "hanging"
        lines.extend(render_entry(rng, raw, lead, entry_style, width, indent, hyphenate))
        if blank_between:
            lines.append("")
    return lines


def unnumbered_block(
    ctx: Ctx, entries: list[str], mode: str, width: int = 88, hyphenate: float = 0.0
) -> list[str]:
    rng = ctx.rng
    lines: list[str] = []
    indent = rng.choice((2, 3, 4, 5, 6))
    mark = rng.choice(("• ", "- ", "– ", "* "))  # one bullet for the whole list
    for raw in entries:
        if mode == "hanging":
            lines.extend(render_entry(rng, raw, "", "hanging", width, indent, hyphenate))
        elif mode == "blank":
            lines.extend(
                render_entry(
                    rng, raw, "", rng.choice(("flush", "keep", "line")), width, 0, hyphenate
                )
            )
            lines.append("")
        elif mode == "lines":
            lines.append(flat(raw))
        elif mode == "bullet":
            lines.extend(render_entry(rng, raw, mark, "hanging", width, len(mark), hyphenate))
        else:
            raise ValueError(mode)
    return lines


def author_year_order(ctx: Ctx, entries: list[str]) -> list[str]:
    """Author-year lists are usually alphabetical."""
    if ctx.rng.random() < 0.8:
        return sorted(entries, key=lambda s: key(s))
    return entries


def numbered_doc(
    ctx: Ctx,
    form: str,
    heading: str | None,
    *,
    style: str = "line",
    numbers: list[int] | None = None,
    entries: list[str] | None = None,
) -> tuple[list[str], list[str]]:
    rng = ctx.rng
    entries = entries if entries is not None else ctx.take(ctx.size())
    numbers = numbers or list(range(1, len(entries) + 1))
    cite_style = (
        "super" if form in ("super", "superspace", "glued") else rng.choice(("bracket", "paren"))
    )
    lines = article_head(rng) + prose(rng, rng.randint(2, 5), cite_style, len(entries), [])
    if heading:
        lines += [heading_line(rng, heading), ""]
    width = rng.randint(70, 110)
    lines += numbered_block(
        ctx, entries, numbers, form, style=style, width=width, blank_between=rng.random() < 0.25
    )
    lines.append("")
    return lines, entries


def _num_form(form: str) -> Callable[[Ctx], Document]:
    def build(ctx: Ctx) -> Document:
        heading = ctx.rng.choice(ENGLISH_HEADINGS)
        lines, entries = numbered_doc(ctx, form, heading, style=ctx.rng.choice(("line", "wrap")))
        return Document("", f"num-{form}", "\n".join(lines), lists=[entries])

    return build


def num_no_heading(ctx: Ctx) -> Document:
    form = ctx.rng.choice(NUMBER_FORMS)
    lines, entries = numbered_doc(ctx, form, None, style=ctx.rng.choice(("line", "wrap")))
    return Document("", "num-no-heading", "\n".join(lines), lists=[entries])


def num_languages(ctx: Ctx) -> Document:
    form = ctx.rng.choice(NUMBER_FORMS)
    heading = ctx.rng.choice(HEADINGS[6:])
    lines, entries = numbered_doc(ctx, form, heading, style=ctx.rng.choice(("line", "wrap")))
    return Document("", "num-languages", "\n".join(lines), lists=[entries])


def _author_year(mode: str) -> Callable[[Ctx], Document]:
    def build(ctx: Ctx) -> Document:
        rng = ctx.rng
        entries = author_year_order(ctx, ctx.take(ctx.size(), pdf_share=0.1))
        names = [first_word(e) for e in entries]
        lines = article_head(rng) + prose(rng, rng.randint(2, 5), "author", len(entries), names)
        lines += [heading_line(rng, rng.choice(HEADINGS)), ""]
        lines += unnumbered_block(ctx, entries, mode, width=rng.randint(70, 110))
        lines.append("")
        if rng.random() < 0.3:
            lines += acknowledgements(rng)
        return Document("", f"ay-{mode}", "\n".join(lines), lists=[entries])

    return build


def pdf_numbered(ctx: Ctx) -> Document:
    rng = ctx.rng
    form = rng.choice(NUMBER_FORMS)
    entries = ctx.take(ctx.size() + 10, pdf_share=0.35)
    width = rng.randint(55, 100)
    cite = "super" if form in ("super", "superspace", "glued") else "bracket"
    body = article_head(rng) + prose(rng, rng.randint(3, 7), cite, len(entries), [], width=width)
    body += [heading_line(rng, rng.choice(HEADINGS)), ""]
    hang = rng.choice((None, 0, 3))
    body += numbered_block(
        ctx,
        entries,
        list(range(1, len(entries) + 1)),
        form,
        style="wrap",
        width=width,
        hang=hang,
        hyphenate=0.5,
    )
    body.append("")
    lines = Paginator(rng, ctx.furniture).paginate(body)
    return Document("", "pdf-numbered", "\n".join(lines), lists=[entries])


def pdf_author_year(ctx: Ctx) -> Document:
    rng = ctx.rng
    entries = author_year_order(ctx, ctx.take(ctx.size() + 10, pdf_share=0.2))
    width = rng.randint(55, 100)
    names = [first_word(e) for e in entries]
    body = article_head(rng) + prose(
        rng, rng.randint(3, 7), "author", len(entries), names, width=width
    )
    body += [heading_line(rng, rng.choice(HEADINGS)), ""]
    body += unnumbered_block(
        ctx, entries, rng.choice(("hanging", "hanging", "blank")), width=width, hyphenate=0.5
    )
    body.append("")
    lines = Paginator(rng, ctx.furniture).paginate(body)
    return Document("", "pdf-author-year", "\n".join(lines), lists=[entries])


def pdf_glutton(ctx: Ctx) -> Document:
    """Strings with their own PDF line breaks, numbered, across page breaks."""
    rng = ctx.rng
    entries = ctx.take(ctx.size() + 10, pdf_share=1.0)
    form = rng.choice(("dot", "bracket", "bare", "glued", "paren"))
    body = article_head(rng) + prose(rng, rng.randint(3, 6), "bracket", len(entries), [], width=80)
    body += [heading_line(rng, rng.choice(HEADINGS)), ""]
    body += numbered_block(
        ctx,
        entries,
        list(range(1, len(entries) + 1)),
        form,
        style="keep",
        hang=rng.choice((None, 0)),
    )
    lines = Paginator(rng, ctx.furniture).paginate(body)
    return Document("", "pdf-glutton", "\n".join(lines), lists=[entries])


def num_gaps(ctx: Ctx) -> Document:
    rng = ctx.rng
    entries = ctx.take(max(8, ctx.size()))
    numbers, n = [], 1
    for _ in entries:
        numbers.append(n)
        n += 1 if rng.random() > 0.15 else rng.randint(2, 4)
    lines, _ = numbered_doc(
        ctx,
        rng.choice(NUMBER_FORMS),
        rng.choice(ENGLISH_HEADINGS),
        style=rng.choice(("line", "wrap")),
        numbers=numbers,
        entries=entries,
    )
    return Document("", "num-gaps", "\n".join(lines), lists=[entries])


def num_repeats(ctx: Ctx) -> Document:
    rng = ctx.rng
    entries = ctx.take(max(8, ctx.size()))
    numbers, n = [], 1
    for _ in entries:
        numbers.append(n)
        if rng.random() > 0.12:
            n += 1
    lines, _ = numbered_doc(
        ctx,
        rng.choice(("dot", "bracket", "paren", "bare")),
        rng.choice(ENGLISH_HEADINGS),
        style=rng.choice(("line", "wrap")),
        numbers=numbers,
        entries=entries,
    )
    return Document("", "num-repeats", "\n".join(lines), lists=[entries])


def num_large(ctx: Ctx) -> Document:
    """Numbers past 999: a whole list of over a thousand, or a list running past 9999."""
    rng = ctx.rng
    if rng.random() < 0.35:
        count = rng.randint(1001, 1040)
        start = 1
        heading: str | None = rng.choice(ENGLISH_HEADINGS)
    else:
        count = rng.randint(15, 40)
        start = rng.choice((rng.randint(960, 995), rng.randint(9975, 9995)))
        heading = rng.choice((None, "References (continued)", "References"))
    entries = ctx.take(count)
    numbers = list(range(start, start + count))
    lines, _ = numbered_doc(
        ctx,
        rng.choice(("dot", "bracket", "bare", "paren", "tab")),
        heading,
        style=rng.choice(("line", "wrap")),
        numbers=numbers,
        entries=entries,
    )
    return Document("", "num-large", "\n".join(lines), lists=[entries])


def num_descending(ctx: Ctx) -> Document:
    rng = ctx.rng
    entries = ctx.take(max(6, ctx.size()))
    numbers = list(range(len(entries), 0, -1))
    lines, _ = numbered_doc(
        ctx,
        rng.choice(("dot", "bracket", "bare", "paren")),
        rng.choice(ENGLISH_HEADINGS),
        style=rng.choice(("line", "wrap")),
        numbers=numbers,
        entries=entries,
    )
    return Document("", "num-descending", "\n".join(lines), lists=[entries])


def late_start(ctx: Ctx) -> Document:
    """The tail of an earlier article's list at the top, then the next article with its own."""
    rng = ctx.rng
    form = rng.choice(("dot", "bracket", "bare", "paren", "glued"))
    tail = ctx.take(rng.randint(3, 20))
    first = rng.randint(5, 40)
    width = rng.randint(60, 100)
    pdf = rng.random() < 0.5
    lines = numbered_block(
        ctx,
        tail,
        list(range(first, first + len(tail))),
        form,
        style="wrap" if pdf else "line",
        width=width,
        hyphenate=0.4 if pdf else 0.0,
    )
    lines.append("")
    head_lines, entries = numbered_doc(
        ctx, form, rng.choice(HEADINGS), style="wrap" if pdf else "line"
    )
    lines += head_lines
    if pdf:
        lines = Paginator(rng, ctx.furniture).paginate(lines)
    return Document("", "late-start", "\n".join(lines), lists=[tail, entries])


def several_lists(ctx: Ctx) -> Document:
    rng = ctx.rng
    lists: list[list[str]] = []
    lines: list[str] = []
    for part in range(rng.randint(2, 3)):
        form = rng.choice(NUMBER_FORMS + ("ay",))
        if form == "ay":
            entries = author_year_order(ctx, ctx.take(rng.randint(4, 25)))
            lines += article_head(rng) if part else []
            lines += prose(rng, 2, "author", len(entries), [first_word(e) for e in entries])
            lines += [
                rng.choice(
                    (
                        "Further reading",
                        "Additional references",
                        "Bibliography",
                        "Supplementary references",
                    )
                ),
                "",
            ]
            lines += unnumbered_block(ctx, entries, rng.choice(("hanging", "blank", "lines")))
        else:
            block, entries = numbered_doc(
                ctx,
                form,
                rng.choice(HEADINGS),
                style=rng.choice(("line", "wrap")),
                entries=ctx.take(rng.randint(4, 30)),
            )
            lines += block
        lines.append("")
        lists.append(entries)
    taken: set[str] = set()
    for entries in lists:  # one string in two lists would make the truth ambiguous
        for entry in entries:
            if key(entry) in taken:
                raise _Retry
            taken.add(key(entry))
    return Document("", "several-lists", "\n".join(lines), lists=lists)


def back_matter_doc(ctx: Ctx) -> Document:
    rng = ctx.rng
    if rng.random() < 0.6:
        lines, entries = numbered_doc(
            ctx, rng.choice(NUMBER_FORMS), rng.choice(HEADINGS), style=rng.choice(("line", "wrap"))
        )
    else:
        entries = author_year_order(ctx, ctx.take(ctx.size()))
        lines = article_head(rng) + prose(
            rng, 3, "author", len(entries), [first_word(e) for e in entries]
        )
        lines += [rng.choice(HEADINGS), ""]
        lines += unnumbered_block(ctx, entries, rng.choice(("hanging", "blank")))
        lines.append("")
    lines += back_matter(rng)
    if rng.random() < 0.4:
        lines = Paginator(rng, ctx.furniture).paginate(lines)
    return Document("", "back-matter", "\n".join(lines), lists=[entries])


def markdown(ctx: Ctx) -> Document:
    rng = ctx.rng
    entries = ctx.take(ctx.size())
    mode = rng.choice(("ordered", "ordered-one", "bullet", "paragraphs", "footnotes"))
    names = [first_word(e) for e in entries]
    head = f"# {rng.choice(_SUBJECTS)} in VEXAS syndrome"
    lines = [head, "", "## Introduction", ""]
    cite = "bracket" if mode != "paragraphs" else "author"
    lines += prose(rng, rng.randint(2, 4), cite, len(entries), names)
    lines += [f"{rng.choice(('##', '###', '#'))} {rng.choice(HEADINGS)}", ""]
    if mode == "paragraphs":
        entries = author_year_order(ctx, entries)
    wrap = rng.random() < 0.4
    width = rng.randint(70, 100)
    bullet = rng.choice(("- ", "* ", "+ "))  # one bullet for the whole list
    for n, raw in enumerate(entries, 1):
        if mode == "ordered":
            lead = f"{n}. "
        elif mode == "ordered-one":
            lead = "1. "  # Markdown renumbers; many writers type 1. throughout
        elif mode == "bullet":
            lead = bullet
        elif mode == "footnotes":
            lead = f"[^{n}]: "
        else:
            lead = ""
        if wrap:
            body = wrap_pdf(lead + flat(raw), width, rng, 0.0)
            pad = " " * (len(lead) if lead and mode != "footnotes" else 4 if lead else 0)
            lines += [body[0]] + [pad + ln for ln in body[1:]]
        else:
            lines.append(lead + flat(raw))
        if mode == "paragraphs" or rng.random() < 0.1 and mode != "ordered-one":
            lines.append("")
    lines.append("")
    return Document("", f"markdown-{mode}", "\n".join(lines), ".md", lists=[entries])


class _Retry(Exception):
    """A draw that made an ambiguous truth: draw again."""


LAYOUTS: dict[str, Callable[[Ctx], Document]] = {
    "num-dot": _num_form("dot"),
    "num-paren": _num_form("paren"),
    "num-bracket": _num_form("bracket"),
    "num-parens": _num_form("parens"),
    "num-bare": _num_form("bare"),
    "num-tab": _num_form("tab"),
    "num-super": _num_form("super"),
    "num-superspace": _num_form("superspace"),
    "num-glued": _num_form("glued"),
    "num-no-heading": num_no_heading,
    "num-languages": num_languages,
    "ay-hanging": _author_year("hanging"),
    "ay-blank": _author_year("blank"),
    "ay-lines": _author_year("lines"),
    "ay-bullet": _author_year("bullet"),
    "pdf-numbered": pdf_numbered,
    "pdf-author-year": pdf_author_year,
    "pdf-glutton": pdf_glutton,
    "num-gaps": num_gaps,
    "num-repeats": num_repeats,
    "num-large": num_large,
    "num-descending": num_descending,
    "late-start": late_start,
    "several-lists": several_lists,
    "back-matter": back_matter_doc,
    "markdown": markdown,
}


def layout_group(layout: str) -> str:
    """The layout a document is counted under (the Markdown modes are one layout)."""
    return "markdown" if layout.startswith("markdown") else layout


def generate(
    pool: list[Ref], seed: int, docs_per_layout: int, layouts: list[str] | None = None
) -> Iterator[Document]:
    """Documents in every layout, the same for the same pool, seed and count."""
    if seed < 400:
        raise SystemExit("docgen4 seeds start at 400")
    names = layouts or list(LAYOUTS)
    pdf_pool = [ref for ref in pool if ref.pdf]
    for name in names:
        builder = LAYOUTS[name]
        for index in range(docs_per_layout):
            draw = 0
            while True:
                rng = random.Random(f"docgen4:{seed}:{name}:{index}:{draw}")
                ctx = Ctx(rng, pool, pdf_pool)
                try:
                    doc = builder(ctx)
                except _Retry:
                    draw += 1
                    continue
                break
            doc.name = f"{name}-{seed}-{index:03d}"
            doc.furniture = sorted(ctx.furniture)
            if not doc.text.endswith("\n"):
                doc.text += "\n"
            yield doc


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=("train", "test"), default="train")
    parser.add_argument("--seed", type=int, default=400)
    parser.add_argument("--docs-per-layout", type=int, default=2)
    parser.add_argument("--layout", action="append", choices=sorted(LAYOUTS))
    parser.add_argument("--shared", help="the folder holding eval/ (default ../shared)")
    parser.add_argument("--out", required=True, help="folder for the documents and truth.jsonl")
    args = parser.parse_args(argv)
    pool = load_pool(args.part, shared_dir(args.shared))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    with (out / "truth.jsonl").open("w", encoding="utf-8") as truth:
        for doc in generate(pool, args.seed, args.docs_per_layout, args.layout):
            path = out / (doc.name + doc.suffix)
            path.write_text(doc.text, encoding="utf-8")
            truth.write(
                json.dumps(
                    {"file": path.name, "layout": doc.layout, "lists": doc.lists},
                    ensure_ascii=False,
                )
                + "\n"
            )
            count += 1
    print(f"{count} documents from {len(pool)} {args.part} strings in {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
