"""A second, independent generator of whole documents around the eval reference strings.

``docgen.py`` and the list finder were written together, so a layout one of them never
thought of is missing from both. This generator was written apart from both, from the list
of layouts the finder must read (numbered in every label form, unnumbered, Markdown,
PDF-extracted text with page furniture anywhere, numbering anomalies, late starts,
several lists, lists followed by legends, tables or acknowledgements, two-column text),
with widths, indents, headings and furniture drawn at random. Each document comes with its
truth: the reference strings it holds, as they are in the eval sets (their real PDF line
breaks kept), without the label the layout puts before them.

Only ``split_of``/``load_strings`` come from ``docgen.py``, so both generators cut the
strings into the same halves.
"""

from __future__ import annotations

import json
import random
import re
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from docgen import load_strings, split_of  # noqa: E402
from evalsets import SHARED  # noqa: E402

__all__ = ["VARIANTS", "AltDocument", "load_strings", "make_alt_documents", "split_of"]

HEADINGS = (
    "References",
    "REFERENCES",
    "References and Notes",
    "Bibliography",
    "BIBLIOGRAPHY",
    "Literature Cited",
    "LITERATURE CITED",
    "Works Cited",
    "Cited Literature",
    "Literatur",
    "Literaturverzeichnis",
    "Références",
    "Références bibliographiques",
    "Bibliografía",
    "Referencias",
    "Referências",
    "Literatuur",
    "Riferimenti bibliografici",
    "Bibliografia",
    "Литература",
    "参考文献",
    "",
)

FURNITURE: tuple[Callable[[random.Random, int], str], ...] = (
    lambda r, p: str(p),
    lambda r, p: f"Page {p} of {p + r.randint(2, 20)}",
    lambda r, p: f"- {p} -",
    lambda r, p: f"{p}\tBlood\tVolume {r.randint(100, 140)}",
    lambda r, p: (
        f"J Clin Invest. {r.randint(1995, 2024)};{r.randint(90, 134)}({r.randint(1, 12)}):{p * 10}–{p * 10 + 9}"
    ),
    lambda r, p: (
        f"Downloaded from http://ashpublications.org/blood/article-pdf/{r.randint(100, 140)}/{r.randint(1, 26)}/{r.randint(1000, 9999)}/{r.randint(100000, 999999)}/blood.pdf by guest on {r.randint(1, 28)} March {r.randint(2019, 2025)}"
    ),
    lambda r, p: (
        f"Downloaded from https://academic.oup.com/rheumatology/article/{r.randint(55, 63)}/{r.randint(1, 12)}/{r.randint(1000, 9999)}/{r.randint(1000000, 9999999)} by guest on 0{r.randint(1, 9)} June 202{r.randint(0, 5)}"
    ),
    lambda r, p: "Author Manuscript",
    lambda r, p: (
        f"Author manuscript; available in PMC {r.randint(2010, 2024)} January 0{r.randint(1, 9)}."
    ),
    lambda r, p: (
        f"Nat Genet. Author manuscript; available in PMC {r.randint(2010, 2024)} May {r.randint(10, 28)}."
    ),
    lambda r, p: "NIH-PA Author Manuscript",
    lambda r, p: "This article is protected by copyright. All rights reserved.",
    lambda r, p: "ARTICLE IN PRESS",
    lambda r, p: f"© {r.randint(2000, 2024)} Elsevier Inc. All rights reserved.",
    lambda r, p: f"{p} | www.nature.com/scientificreports",
    lambda r, p: (
        f"Journal of Clinical Immunology ({r.randint(2000, 2024)}) {r.randint(20, 44)}:{p * 7}–{p * 7 + 12}"
    ),
    lambda r, p: f"BECK ET AL.{' ' * r.randint(3, 30)}{p}",
    lambda r, p: (
        f"{p}{' ' * r.randint(3, 30)}N Engl J Med {r.randint(340, 390)};{r.randint(1, 26)} nejm.org December {r.randint(1, 28)}, 2020"
    ),
    lambda r, p: (
        "Published by Oxford University Press on behalf of the British Society for Rheumatology."
    ),
    lambda r, p: "\f",
)

LEGENDS = (
    "Figure {n}. Overall survival of patients with VEXAS syndrome according to treatment (Kaplan-Meier estimates). Shaded areas show 95% confidence intervals.",
    "Fig. {n}. Distribution of UBA1 variant allele fractions in peripheral blood (A) and bone marrow (B). Bars show medians.",
    "Figure {n} Response to ruxolitinib at 3 and 6 months. Each line is one patient; dashed lines mark the threshold of complete response.",
    "Supplementary Figure S{n}. Flow diagram of patient selection.",
)

TABLE_ROWS = (
    "Table {n}. Characteristics of the patients at baseline",
    "Characteristic\tRuxolitinib (n = 18)\tOther JAKi (n = 12)",
    "Age, median (range), y\t67 (54-81)\t70 (58-85)",
    "Male sex, n (%)\t18 (100)\t12 (100)",
    "CRP, mg/L\t45.2 ± 12.1\t51.8 ± 20.4",
    "Glucocorticoid dose, mg/d\t20 (10-40)\t25 (10-60)",
    "Abbreviations: JAKi, Janus kinase inhibitor; CRP, C-reactive protein.",
)

TABLE_ROWS_SPACED = (
    "Table {n}   Univariate analysis of factors associated with relapse",
    "Variable                      HR      95% CI        p",
    "Age > 70 y                    1.42    0.81-2.49     0.22",
    "UBA1 p.Met41Val               2.10    1.15-3.84     0.016",
    "Previous azacitidine          0.64    0.30-1.37     0.25",
)

TRAILERS = (
    (
        "Acknowledgements",
        "We thank the patients and their families, and the nurses of the participating centres. This work was supported by a grant from the national research agency (ANR-21-CE17-0001).",
    ),
    (
        "ACKNOWLEDGMENTS",
        "The authors thank J. Martin for technical help with the sequencing and the members of the French VEXAS group for helpful discussions.",
    ),
    (
        "Supplementary material",
        "Supplementary data are available at Rheumatology online. Supplementary Table S1 lists the primers used for UBA1 sequencing.",
    ),
    (
        "Supporting information",
        "S1 Table. Clinical features of the 12 patients not treated with JAK inhibitors. (DOCX)",
    ),
    ("Conflict of interest", "The authors have declared no conflicts of interest."),
    ("Funding", "This study received no specific funding."),
    (
        "Data availability statement",
        "The data underlying this article will be shared on reasonable request to the corresponding author.",
    ),
    (
        "Author contributions",
        "M.H. and O.K. designed the study; all authors collected data and wrote the manuscript.",
    ),
)

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass
class AltDocument:
    """One generated document: its text, the reference strings it holds, and how it was laid out."""

    text: str
    entries: list[str]
    variant: str
    notes: list[str] = field(default_factory=list)


def load_alt_prose(limit: int = 300) -> list[str]:
    """Sentences of real abstracts, to surround the lists with prose (invented sentences if absent)."""
    path = SHARED / "eval" / "claims_library.jsonl"
    sentences: list[str] = []
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines()[:limit]:
            abstract = json.loads(line).get("abstract") or ""
            sentences.extend(
                s.strip()
                for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", abstract)
                if len(s.strip()) > 40
            )
    if not sentences:
        print(f"docgen_alt: no abstracts at {path}; prose is three invented sentences (set VEXASCITE_SHARED)",
              file=sys.stderr)
    return sentences or [
        "VEXAS syndrome is caused by somatic mutations in UBA1 in haematopoietic stem cells.",
        "Patients present with fever, chondritis, vasculitis and macrocytic anaemia.",
        "Janus kinase inhibitors were associated with higher response rates than other agents.",
    ]


# --- small pieces -------------------------------------------------------------------------


def _flat(raw: str) -> str:
    return " ".join(raw.split())


def _segments(raw: str) -> list[str]:
    """The string's own lines (glutton strings keep the PDF's breaks)."""
    return [part.strip() for part in raw.split("\n") if part.strip()]


def _hyphen_wrap(text: str, width: int, rng: random.Random, hyphenate: float) -> list[str]:
    """Wrap ``text`` at ``width``, sometimes breaking a long word with a hyphen as typesetting does."""
    words = text.split(" ")
    lines: list[str] = []
    current = ""
    for word in words:
        if not word:
            continue
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= width or not current:
            current = candidate
            continue
        room = width - len(current) - 2
        if len(word) >= 8 and word.isalpha() and room >= 3 and rng.random() < hyphenate:
            cut = rng.randint(3, min(room, len(word) - 3))
            lines.append(f"{current} {word[:cut]}-")
            current = word[cut:]
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def _entry_lines(
    raw: str, width: int | None, rng: random.Random, hyphenate: float, keep_breaks: bool
) -> list[str]:
    """The lines one entry's text takes: its own breaks kept (or not), wrapped at ``width``."""
    parts = _segments(raw) if keep_breaks else [_flat(raw)]
    if width is None:
        return parts
    # a string with the PDF's own breaks already has its column's width: wrap only what is far wider
    limit = width + 25 if len(parts) > 1 else width
    out: list[str] = []
    for part in parts:
        out.extend(_hyphen_wrap(part, width, rng, hyphenate) if len(part) > limit else [part])
    return out


def _label(style: str, n: int) -> str:
    return {
        "dot": f"{n}.",
        "paren": f"{n})",
        "bracket": f"[{n}]",
        "round": f"({n})",
        "bare": f"{n}",
        "sup": str(n).translate(SUPERSCRIPT),
        "glued": f"{n}",
        "md": f"{n}.",
        "dash": "-",
        "star": "*",
        "bullet": "•",
    }[style]


def _numbers(count: int, rng: random.Random, kind: str, start: int = 1) -> list[int]:
    """The printed numbers of a list: plain, with gaps, repeats, past 999, or descending."""
    if kind == "gaps":
        out, n = [], start
        for _ in range(count):
            out.append(n)
            n += 1 + (rng.choice([1, 2, 3, 5]) if rng.random() < 0.2 else 0)
        return out
    if kind == "repeats":
        out, n = [], start
        for _ in range(count):
            out.append(n)
            if rng.random() > 0.15:
                n += 1
        return out
    if kind == "big":
        first = rng.choice([990, 995, 1200, 9990, 9995, 99990])
        return list(range(first, first + count))
    if kind == "descending":
        return list(range(start + count - 1, start - 1, -1))
    if kind == "both-gap-repeat":
        out, n = [], start
        for _ in range(count):
            out.append(n)
            roll = rng.random()
            n += 0 if roll < 0.1 else (3 if roll < 0.2 else 1)
        return out
    return list(range(start, start + count))


def _markdown_emphasis(raw: str, rng: random.Random) -> str:
    """Markdown emphasis on a journal-like span or the title, as Markdown manuscripts carry it."""
    flat = _flat(raw)
    match = re.search(r"\.\s+([A-Z][A-Za-z .&]{3,40}?)[.,]?\s+(?:\d{4}|\d+[:;(])", flat)
    if match and rng.random() < 0.7:
        mark = rng.choice(["*", "_", "**"])
        start, end = match.span(1)
        return f"{flat[:start]}{mark}{flat[start:end].strip()}{mark}{flat[end:]}"
    parts = flat.split(". ", 2)
    if len(parts) == 3 and rng.random() < 0.5:
        return f"{parts[0]}. **{parts[1]}**. {parts[2]}"
    return flat


# --- list layouts --------------------------------------------------------------------------


@dataclass
class Style:
    """How one list is laid out."""

    label: str | None  # None: unnumbered
    numbers: str = "plain"
    start: int = 1
    width: int | None = None  # wrap width; None: each entry's own lines
    keep_breaks: bool = True
    hang: str = ""  # indent of continuation lines
    lead: str = ""  # indent of an entry's first line
    align: bool = False  # labels right-aligned in a column
    gap: str = " "  # between the label and the text
    blank: bool = False  # blank line between entries
    hyphenate: float = 0.0
    furniture: float = 0.0  # chance per line of page furniture after it
    markdown: bool = False
    one_line: bool = False


def _list_block(entries: list[str], style: Style, rng: random.Random, page: list[int]) -> list[str]:
    count = len(entries)
    numbers = _numbers(count, rng, style.numbers, style.start) if style.label else []
    labels = [_label(style.label, n) for n in numbers] if style.label else [""] * count
    widest = max((len(label) for label in labels), default=0)
    lines: list[str] = []
    for index, raw in enumerate(entries):
        text = _markdown_emphasis(raw, rng) if style.markdown else raw
        if style.one_line:
            body = [_flat(text)]
        else:
            body = _entry_lines(text, style.width, rng, style.hyphenate, style.keep_breaks)
        label = labels[index]
        if label:
            shown = label.rjust(widest) if style.align else label
            gap = "" if style.label in ("sup", "glued") and rng.random() < 0.6 else style.gap
            first = f"{style.lead}{shown}{gap}{body[0]}"
        else:
            first = f"{style.lead}{body[0]}"
        block = [first] + [f"{style.hang}{line}" for line in body[1:]]
        for line in block:
            lines.append(line)
            if style.furniture and rng.random() < style.furniture:
                lines.extend(_furniture_block(rng, page))
        if style.blank and index < count - 1:
            lines.append("")
    return lines


def _furniture_block(rng: random.Random, page: list[int]) -> list[str]:
    """A page break as text extraction leaves it: a footer, a page number, a running head."""
    page[0] += 1
    picks = rng.sample(FURNITURE, rng.randint(1, 3))
    out = [pick(rng, page[0]) for pick in picks]
    if rng.random() < 0.3:
        out = [""] + out + [""]
    return out


def _heading(rng: random.Random, markdown: bool = False, allow_none: bool = True) -> list[str]:
    choices = HEADINGS if allow_none else tuple(h for h in HEADINGS if h)
    word = rng.choice(choices)
    if not word:
        return []
    if markdown:
        word = f"{rng.choice(['#', '##', '###'])} {word}"
    elif rng.random() < 0.2:
        word = f"{rng.randint(5, 9)}. {word}" if rng.random() < 0.5 else f"{word}:"
    return [word, ""] if rng.random() < 0.7 else [word]


def _prose(
    rng: random.Random, prose: list[str], paragraphs: int, width: int | None, markers: str | None
) -> list[str]:
    out: list[str] = []
    for _ in range(paragraphs):
        sentences = rng.sample(prose, min(len(prose), rng.randint(2, 5)))
        if markers == "numeric":
            sentences = [
                f"{s[:-1]} [{rng.randint(1, 30)}]." if rng.random() < 0.5 else s for s in sentences
            ]
        elif markers == "super":
            sentences = [
                f"{s[:-1]}.{rng.randint(1, 30)}" if rng.random() < 0.5 else s for s in sentences
            ]
        elif markers == "author":
            sentences = [
                f"{s[:-1]} (Smith et al., {rng.randint(1990, 2023)})." if rng.random() < 0.5 else s
                for s in sentences
            ]
        paragraph = " ".join(sentences)
        out.extend(textwrap.wrap(paragraph, width) if width else [paragraph])
        out.append("")
    return out


def _trailer(rng: random.Random, markdown: bool) -> list[str]:
    """What follows a list: figure legends, a table, acknowledgements, supplementary material."""
    kind = rng.choice(["legends", "table", "table-spaced", "sections", "mixed"])
    out: list[str] = [""]
    if kind in ("legends", "mixed"):
        if rng.random() < 0.5:
            out += ["Figure legends", ""]
        for n in range(1, rng.randint(2, 4)):
            out += [rng.choice(LEGENDS).format(n=n), ""]
    if kind in ("table", "mixed"):
        out += [row.format(n=rng.randint(1, 3)) for row in TABLE_ROWS] + [""]
    if kind == "table-spaced":
        out += [row.format(n=rng.randint(1, 3)) for row in TABLE_ROWS_SPACED] + [""]
    if kind in ("sections", "mixed"):
        for title, body in rng.sample(TRAILERS, rng.randint(1, 3)):
            out += [f"## {title}" if markdown else title, body, ""]
    return out


# --- documents -----------------------------------------------------------------------------

NUMBERED = ("dot", "paren", "bracket", "round", "bare")


def _take(pool: list[str], rng: random.Random, low: int, high: int) -> list[str]:
    return [pool.pop() for _ in range(min(len(pool), rng.randint(low, high)))]


def _simple(label: str | None, **extra: object) -> Callable[[random.Random], Style]:
    """A variant's style maker: ``label`` fixed, the rest drawn at random or given."""

    def make(rng: random.Random) -> Style:
        style = Style(label=label)
        style.width = (
            rng.choice([None, None, 70, 80, 95]) if label else rng.choice([60, 70, 80, 95])
        )
        style.hang = (
            rng.choice(["", "", "   ", "    ", "\t"])
            if label
            else rng.choice(["    ", "  ", "\t", "      "])
        )
        style.lead = rng.choice(["", "", " ", "  "])
        style.align = rng.random() < 0.4
        style.gap = rng.choice([" ", " ", "  ", "\t"])
        for key, value in extra.items():
            setattr(style, key, value)
        if label is None and not style.blank and not style.one_line:
            # a hanging indent: continuation lines deeper than the first
            style.hang = style.lead + rng.choice(["  ", "    ", "\t", "     "])
        if style.blank:
            style.hang = rng.choice(["", style.lead])
        return style

    return make


def _pdf(label: str | None, **extra: object) -> Callable[[random.Random], Style]:
    """PDF-extracted text: narrow wrapping, hyphenation, no indent, furniture inside entries."""

    def make(rng: random.Random) -> Style:
        style = Style(label=label)
        style.width = rng.choice([45, 55, 65, 80, 100])
        style.hyphenate = rng.choice([0.3, 0.6, 0.9])
        style.furniture = rng.choice([0.03, 0.06, 0.1])
        style.hang = ""
        style.gap = rng.choice([" ", " ", "  "])
        for key, value in extra.items():
            setattr(style, key, value)
        return style

    return make


STYLE_MAKERS: dict[str, Callable[[random.Random], Style]] = {
    "dot": _simple("dot"),
    "paren": _simple("paren"),
    "bracket": _simple("bracket"),
    "round": _simple("round"),
    "bare": _simple("bare"),
    "sup-unicode": _simple("sup"),
    "sup-glued": _simple("glued", gap=""),
    "md-numbered": _simple(
        "md", markdown=True, width=None, hang="   ", lead="", align=False, gap=" "
    ),
    "md-bullets": _simple(
        "dash", markdown=True, width=None, hang="  ", lead="", align=False, gap=" "
    ),
    "bullets": _simple("bullet"),
    "hanging": _simple(None),
    "blank": _simple(None, blank=True, hang=""),
    "lines": _simple(None, one_line=True, hang=""),
    "pdf-numbered": _pdf("dot"),
    "pdf-bare": _pdf("bare"),
    "pdf-bracket": _pdf("bracket"),
    "pdf-unnumbered": _pdf(None),
    "pdf-hanging": _pdf(None, hang="    "),
    "gaps": _simple("dot", numbers="gaps"),
    "repeats": _simple("bracket", numbers="repeats"),
    "big": _simple("dot", numbers="big"),
    "big-bare": _simple("bare", numbers="big"),
    "descending": _simple("dot", numbers="descending"),
    "descending-bare": _pdf("bare", numbers="descending"),
}
"""Variants with one list after prose; the rest are built in ``make_alt_document``."""

LATER_STYLE_MAKERS: dict[str, Callable[[random.Random], Style]] = {
    "bullets-pdf": _pdf("bullet", hang="", gap=" "),
    "big-bare-pdf": _pdf("bare", numbers="big"),
}
"""Variants added later, one list after prose as in ``STYLE_MAKERS``: a bulleted list and a bare list numbered
past 999 as PDF text leaves them (narrow wrapping, hyphenation, page furniture inside entries, lists across
page breaks). Listed last, so the older variants' documents are the same for a seed."""

VARIANTS = (
    *STYLE_MAKERS,
    "late-start",
    "two-lists",
    "trailing",
    "no-heading",
    "two-column",
    "column-break",
    *LATER_STYLE_MAKERS,
)


def _random_numbered(rng: random.Random) -> Style:
    maker = STYLE_MAKERS[
        rng.choice(
            ["dot", "paren", "bracket", "round", "bare", "pdf-numbered", "pdf-bare", "sup-glued"]
        )
    ]
    return maker(rng)


def _two_column(left: list[str], right: list[str], rng: random.Random) -> list[str]:
    """Two columns printed side by side, as ``pdftotext -layout`` leaves a two-column page."""
    width = max((len(line) for line in left), default=0) + rng.randint(3, 8)
    rows = max(len(left), len(right))
    left += [""] * (rows - len(left))
    right += [""] * (rows - len(right))
    return [f"{a.ljust(width)}{b}".rstrip() for a, b in zip(left, right, strict=True)]


def make_alt_document(
    pool: list[str], rng: random.Random, prose: list[str], variant: str
) -> AltDocument:
    """One document of ``variant``, its entries taken (and removed) from ``pool``."""
    page = [rng.randint(1, 40)]
    width = rng.choice([None, 72, 90])
    notes: list[str] = []
    lines: list[str] = []
    entries: list[str] = []
    if variant in STYLE_MAKERS or variant in LATER_STYLE_MAKERS:
        style = {**STYLE_MAKERS, **LATER_STYLE_MAKERS}[variant](rng)
        items = _take(pool, rng, 6, 35)
        markdown = style.markdown
        lines += _prose(
            rng, prose, rng.randint(1, 4), width, "numeric" if style.label else "author"
        )
        lines += _heading(rng, markdown)
        lines += _list_block(items, style, rng, page)
        if rng.random() < 0.4:
            lines += _trailer(rng, markdown)
        entries += items
        notes.append(f"{style}")
    elif variant == "late-start":
        # the tail of an earlier article's list at the top of the page, then a new article
        style = _random_numbered(rng)
        style.start = rng.randint(8, 60)
        tail = _take(pool, rng, 2, 12)
        if rng.random() < 0.5:
            lines += _furniture_block(rng, page)
        lines += _list_block(tail, style, rng, page)
        lines += [""] + _prose(rng, prose, rng.randint(1, 3), width, "numeric")
        second = _random_numbered(rng) if rng.random() < 0.5 else style
        second.start = 1
        items = _take(pool, rng, 5, 25)
        lines += _heading(rng)
        lines += _list_block(items, second, rng, page)
        entries += tail + items
    elif variant == "two-lists":
        for _ in range(2):
            style = _random_numbered(rng) if rng.random() < 0.7 else STYLE_MAKERS["hanging"](rng)
            items = _take(pool, rng, 4, 20)
            lines += _prose(rng, prose, rng.randint(1, 3), width, "numeric")
            lines += _heading(rng, allow_none=False)
            lines += _list_block(items, style, rng, page)
            lines += [""]
            if rng.random() < 0.5:
                lines += _trailer(rng, False)
            entries += items
    elif variant == "trailing":
        style = (
            _random_numbered(rng)
            if rng.random() < 0.6
            else STYLE_MAKERS[rng.choice(["hanging", "blank", "pdf-unnumbered"])](rng)
        )
        items = _take(pool, rng, 5, 25)
        lines += _prose(rng, prose, rng.randint(1, 3), width, "numeric")
        lines += _heading(rng)
        lines += _list_block(items, style, rng, page)
        lines += _trailer(rng, False)
        lines += _trailer(rng, False)[1:] if rng.random() < 0.5 else []
        entries += items
    elif variant == "no-heading":
        style = _random_numbered(rng)
        items = _take(pool, rng, 5, 25)
        lines += _prose(rng, prose, rng.randint(1, 4), width, "numeric")
        lines += _list_block(items, style, rng, page)
        entries += items
    elif variant == "two-column":
        style = _random_numbered(rng)
        style.width = rng.choice([38, 42, 48])
        style.furniture = 0.0
        items = _take(pool, rng, 8, 24)
        half = len(items) // 2
        left = _list_block(items[:half], style, rng, page)
        style.start = half + 1
        right = _list_block(items[half:], style, rng, page)
        lines += _prose(rng, prose, rng.randint(1, 2), width, "numeric")
        lines += _heading(rng, allow_none=False)
        lines += _two_column(left, right, rng)
        entries += items
    elif variant == "column-break":
        # a list broken by the text of the next column or a full-width figure legend
        style = _random_numbered(rng)
        items = _take(pool, rng, 8, 24)
        cut = rng.randint(2, len(items) - 2)
        first_part = _list_block(items[:cut], style, rng, page)
        style.start = cut + 1
        second_part = _list_block(items[cut:], style, rng, page)
        lines += _prose(rng, prose, rng.randint(1, 2), width, "numeric")
        lines += _heading(rng, allow_none=False)
        lines += (
            first_part
            + [""]
            + [rng.choice(LEGENDS).format(n=rng.randint(1, 4))]
            + [""]
            + second_part
        )
        entries += items
    else:
        raise ValueError(f"unknown variant {variant!r}")
    text = "\n".join(lines).rstrip() + "\n"
    return AltDocument(text=text, entries=entries, variant=variant, notes=notes)


def make_alt_documents(
    strings: list[str],
    per_variant: int,
    seed: int = 23,
    variants: tuple[str, ...] = VARIANTS,
    prose: list[str] | None = None,
) -> list[AltDocument]:
    """``per_variant`` documents of each variant; no string is used twice while the pool lasts."""
    rng = random.Random(seed)
    prose = prose if prose is not None else load_alt_prose()
    pool = list(strings)
    rng.shuffle(pool)
    docs: list[AltDocument] = []
    for variant in variants:
        for _ in range(per_variant):
            if len(pool) < 80:
                pool = list(strings)
                rng.shuffle(pool)
            docs.append(make_alt_document(pool, rng, prose, variant))
    return docs
