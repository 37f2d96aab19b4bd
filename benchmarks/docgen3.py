"""A third, independent generator of whole documents around the eval reference strings.

Written apart from the list finder and from ``docgen.py`` / ``docgen_alt.py``, from the
layouts the list-finding issue names, as papers and text-extraction tools leave them:

- numbered lists in every label form (``1.`` ``1)`` ``[1]`` ``(1)`` bare ``1``, Unicode
  superscripts, superscripts extracted as digits glued to the first word, the number on a
  line of its own, a tab after the number, Markdown lists), with a heading in one of many
  languages or none, one line per entry or wrapped (flush or hanging), blank lines or not;
- unnumbered lists: author-year with hanging indents, first-line indents, blank-line
  separated, one per line, bullets;
- PDF-extracted text: every paragraph re-wrapped at a width of 45-110 columns with
  end-of-line hyphenation, pages cut every 35-60 lines with page furniture (running heads,
  page numbers, ``Downloaded from ...``, journal footers, ``Author Manuscript``, PMC and
  licence lines, form feeds) wherever the cut falls, also inside an entry; the glutton
  strings keep the line breaks and hyphenation of the PDFs they came from;
- numbering with gaps, repeats, past 999 and 9999, descending;
- lists that start late (the tail of an earlier article first), two lists in one document,
  lists followed by figure legends, tables, acknowledgements, appendices and the like.
- later variants: a list set in as a whole (2-6 spaces or a tab) after flush prose, Markdown
  lists hard-wrapped with continuation lines indented 2-4 spaces (every item ``1.`` at times),
  a hanging indent made with a tab, the tail of an author-year list before the next article,
  superscripts and numbers past 999 in PDF text.

Strings come from every eval set, de-duplicated on their letters and digits and split into
two halves by a stable hash of those (``train`` for development, ``test`` for measuring).
Each document carries its truth: the entry strings in order (as a reader would write them,
without the list's numbers). Entries are compared on letters and digits only.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from evalsets import SHARED

EVAL = SHARED / "eval"
#: Every file of reference strings (all the labelled and the DOI-matching sets).
STRING_SETS = (
    "cora_parscit",
    "anystyle_core",
    "anystyle_gold",
    "anystyle_good",
    "anystyle_bad",
    "anystyle_ugly",
    "grobid_citation",
    "glutton_pmc1943_doi",
    "crossref_real_2k",
    "crossref_existing_1k",
    "plos_jats",
)


def key(text: str) -> str:
    """Letters and digits only, case folded: how entries are compared."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in text if ch.isalnum())


def part_of(text: str) -> str:
    """``train`` or ``test``, by a stable hash of the string's letters and digits."""
    digest = hashlib.sha1(key(text).encode("utf-8")).digest()
    return "train" if digest[0] % 2 == 0 else "test"


# A list number the source string already carries ("16. Eggers", "[3]Ait"); years are not.
_OWN_LABEL = re.compile(r"^\s*(?:\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}[.)]|\d{1,3}(?=\s+[A-Z]))\s*")


@dataclass(frozen=True, slots=True)
class Ref:
    """One reference string: ``text`` is one line; ``pdf`` keeps its PDF line breaks (glutton only)."""

    text: str
    source: str
    pdf: str | None = None


@lru_cache(maxsize=2)
def load_refs(part: str = "train") -> tuple[Ref, ...]:
    """All usable strings of one half, every set, de-duplicated on letters and digits."""
    seen: set[str] = set()
    out: list[Ref] = []
    for name in STRING_SETS:
        path = EVAL / f"{name}.jsonl"
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                raw = json.loads(line).get("raw") or ""
                raw = _OWN_LABEL.sub("", raw, count=1) if _OWN_LABEL.match(raw) else raw
                flat = " ".join(raw.split())
                k = key(flat)
                if len(flat) < 25 or len(flat) > 900 or len(k) < 20 or k in seen:
                    continue
                if part_of(flat) != part:
                    continue
                seen.add(k)
                pdf = None
                if name == "glutton_pmc1943_doi" and "\n" in raw:
                    pdf = "\n".join(
                        piece.strip() for piece in raw.strip().split("\n") if piece.strip()
                    )
                out.append(Ref(flat, name, pdf))
    if not out:
        raise SystemExit(f"no reference strings found under {EVAL} (set VEXASCITE_SHARED)")
    return tuple(out)


@lru_cache(maxsize=1)
def load_prose() -> tuple[str, ...]:
    """Sentences of biomedical abstracts, for the article text around the lists."""
    path = EVAL / "claims_library.jsonl"
    out: list[str] = []
    if path.exists():
        with path.open(encoding="utf-8") as handle:
            for n, line in enumerate(handle):
                if n % 3:
                    continue
                abstract = json.loads(line).get("abstract") or ""
                out.extend(
                    s.strip()
                    for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", abstract)
                    if 40 < len(s.strip()) < 400
                )
    if not out:
        out = ["The patients were followed for a median of two years after the start of treatment."]
    return tuple(out)


# ---------------------------------------------------------------------------------------
# Pieces of a document

HEADINGS = (
    "References",
    "R EFERENCES",
    "REFERENCES CITED",
    "Reference",
    "REFERENCES",
    "References and Notes",
    "Reference List",
    "Literature Cited",
    "LITERATURE CITED",
    "Bibliography",
    "BIBLIOGRAPHY",
    "Works Cited",
    "Notes and References",
    "Cited Literature",
    "Sources",
    "Literatur",
    "Literaturverzeichnis",
    "Références",
    "RÉFÉRENCES",
    "Références bibliographiques",
    "Bibliographie",
    "Bibliografía",
    "Referencias",
    "Referências",
    "Referências bibliográficas",
    "Riferimenti bibliografici",
    "Bibliografia",
    "Literatuur",
    "Literatura",
    "Piśmiennictwo",
    "Litteratur",
    "Kirjallisuus",
    "Kaynaklar",
    "Список литературы",
    "Литература",
    "参考文献",
    "引用文献",
    "참고문헌",
    "المراجع",
    "Βιβλιογραφία",
    "Irodalom",
    "Referenser",
    "Referanser",
)

RUNNING_HEADS = (
    "{journal} {year};{vol}({issue}):{page1}–{page2}",
    "{author} et al.",
    "{author} et al. Page {page}",
    "{journal}. Author manuscript; available in PMC {year} {month} 01.",
    "Author Manuscript",
    "NIH-PA Author Manuscript",
    "Europe PMC Funders Author Manuscripts",
    "HHS Public Access",
    "{JOURNAL}",
    "ORIGINAL ARTICLE",
    "Research Article",
    "{author} et al. {journal} ({year}) {vol}:{page}",
    "www.{site}.com Vol {vol} {month} {year}",
    "{page} | {journal} | Vol {vol} | {month} {year}",
    "Published in final edited form as:",
    "bioRxiv preprint doi: https://doi.org/10.1101/{year}.0{issue}.{page1}.{page2}",
)
FOOTERS = (
    "{page}",
    "- {page} -",
    "Page {n} of {pages}",
    "{n} of {pages}",
    "Downloaded from https://academic.oup.com/{site}/article/{vol}/{issue}/{page1}/{page2} by guest on {day} {month} {year}",
    "Downloaded from http://{site}.bmj.com/ on {month} {day}, {year} - Published by group.bmj.com",
    "Downloaded from https://ashpublications.org/blood/article-pdf/{vol}/{issue}/{page1}/{page2}/blood.pdf by guest on {day} {month} {year}",
    "Downloaded from http://www.jci.org on {month} {day}, {year}.",
    "© {year} The Authors. Published by Elsevier Inc. All rights reserved.",
    "© {year} by The American Society of Hematology",
    "This is an open access article under the CC BY license (http://creativecommons.org/licenses/by/4.0/).",
    "{journal}. Author manuscript; available in PMC {year} {month} 01.",
    "Author Manuscript",
    "{journal} {year};{vol}:{page1}–{page2}",
    "DOI: 10.1182/{site}.{year}{page1}",
    "The copyright holder for this preprint (which was not certified by peer review) is the author/funder.",
    "J Clin Invest. {year};{vol}({issue}):{page1}–{page2}. https://doi.org/10.1172/JCI{page2}",
    "{page} www.{site}.org",
)
JOURNALS = (
    "Blood",
    "J Clin Invest",
    "Ann Rheum Dis",
    "Nat Med",
    "Lancet Haematol",
    "Rheumatology (Oxford)",
    "Arthritis Rheumatol",
    "Haematologica",
    "N Engl J Med",
    "Clin Exp Immunol",
    "PLoS One",
)
SITES = ("thelancet", "nature", "ard", "rheumatology", "bloodjournal", "haematologica", "plos")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
AUTHORS = (
    "Beck",
    "Georgin-Lavialle",
    "Ferrada",
    "Heiblig",
    "Kötter",
    "van der Made",
    "Obiorah",
    "Tsuchida",
)

AFTER_SECTIONS = (
    "Acknowledgements",
    "Acknowledgments",
    "ACKNOWLEDGEMENTS",
    "Funding",
    "Author contributions",
    "Conflict of interest",
    "Disclosures",
    "Competing interests",
    "Data availability statement",
    "Appendix",
    "Appendix A. Supplementary data",
    "Supplementary Material",
    "Abbreviations",
    "Footnotes",
    "Danksagung",
    "Remerciements",
    "Agradecimientos",
)


@dataclass(slots=True)
class Ctx:
    """What one document's furniture says (its journal, pages, year), fixed per document."""

    rng: random.Random
    journal: str
    site: str
    author: str
    year: int
    vol: int
    issue: int
    page1: int
    pages: int
    page: int = 1

    def fill(self, template: str) -> str:
        return template.format(
            journal=self.journal,
            JOURNAL=self.journal.upper(),
            site=self.site,
            author=self.author,
            year=self.year,
            vol=self.vol,
            issue=self.issue,
            page1=self.page1,
            page2=self.page1 + self.pages,
            page=self.page1 + self.page - 1,
            n=self.page,
            pages=max(self.pages, self.page),
            month=self.rng.choice(MONTHS),
            day=self.rng.randint(1, 28),
        )


def new_ctx(rng: random.Random) -> Ctx:
    return Ctx(
        rng,
        rng.choice(JOURNALS),
        rng.choice(SITES),
        rng.choice(AUTHORS),
        rng.randint(1995, 2024),
        rng.randint(1, 140),
        rng.randint(1, 12),
        rng.randint(100, 9000),
        rng.randint(6, 20),
    )


def prose(rng: random.Random, sentences: int, cite: Callable[[], str] | None = None) -> str:
    pool = load_prose()
    out = []
    for _ in range(sentences):
        s = rng.choice(pool)
        if cite is not None and rng.random() < 0.5:
            s = s[:-1] + cite() + s[-1] if s[-1] in ".!?" else s + cite()
        out.append(s)
    return " ".join(out)


def numeric_cite(rng: random.Random, n: int) -> Callable[[], str]:
    def cite() -> str:
        a = rng.randint(1, max(1, n))
        form = rng.choice(("[{a}]", " [{a},{b}]", " ({a})", "{a}", " [{a}–{b}]"))
        return form.format(a=a, b=a + rng.randint(1, 3))

    return cite


def ay_cite(rng: random.Random) -> Callable[[], str]:
    def cite() -> str:
        return f" ({rng.choice(AUTHORS)} et al., {rng.randint(1990, 2023)})"

    return cite


def front_matter(rng: random.Random, n_refs: int, numbered: bool) -> list[tuple[str, str]]:
    """(kind, text) blocks of an article's start: title, authors, abstract, sections."""
    cite = numeric_cite(rng, n_refs) if numbered else ay_cite(rng)
    blocks: list[tuple[str, str]] = []
    blocks.append(("line", prose(rng, 1).rstrip(".")))
    blocks.append(
        (
            "line",
            ", ".join(
                f"{rng.choice('ABCDEFGHJKLMNPRST')}. {rng.choice(AUTHORS)}"
                for _ in range(rng.randint(2, 6))
            ),
        )
    )
    if rng.random() < 0.7:
        blocks.append(("line", rng.choice(("Abstract", "ABSTRACT", "Summary"))))
        blocks.append(("para", prose(rng, rng.randint(3, 6))))
    for title in rng.sample(
        (
            "Introduction",
            "Methods",
            "Results",
            "Discussion",
            "Case report",
            "1. Introduction",
            "2. Patients and methods",
            "Conclusions",
        ),
        rng.randint(1, 3),
    ):
        blocks.append(("line", title))
        for _ in range(rng.randint(1, 3)):
            blocks.append(("para", prose(rng, rng.randint(2, 6), cite)))
    return blocks


def table_lines(rng: random.Random) -> list[str]:
    sep = rng.choice(("\t", "   ", "  "))
    rows = [f"Table {rng.randint(1, 4)}. " + prose(rng, 1)]
    rows.append(
        sep.join(("Characteristic", f"Patients (n = {rng.randint(10, 90)})", "Controls", "P value"))
    )
    for label in rng.sample(
        (
            "Age, years",
            "Male sex, n (%)",
            "CRP, mg/L",
            "Hemoglobin, g/dL",
            "Platelets, ×10^9/L",
            "Relapse, n (%)",
            "Death, n (%)",
            "Follow-up, months",
            "MCV, fL",
            "Ferritin, µg/L",
        ),
        5,
    ):
        a, b = rng.uniform(1, 90), rng.uniform(1, 90)
        rows.append(
            sep.join(
                (
                    label,
                    f"{a:.1f} ± {a / 7:.1f}",
                    f"{b:.1f} ({b / 3:.0f}–{b * 1.4:.0f})",
                    f"{rng.uniform(0.001, 0.9):.3f}",
                )
            )
        )
    rows.append("Abbreviations: CRP, C-reactive protein; MCV, mean corpuscular volume.")
    return rows


def after_blocks(rng: random.Random) -> list[tuple[str, str]]:
    """What follows a list in real papers: legends, tables, acknowledgements, appendices."""
    blocks: list[tuple[str, str]] = []
    for kind in rng.sample(
        ("legends", "table", "section", "section", "footnote", "bio"), rng.randint(1, 3)
    ):
        if kind == "legends":
            if rng.random() < 0.5:
                blocks.append(
                    (
                        "line",
                        rng.choice(
                            ("Figure legends", "Figure Legends", "FIGURE LEGENDS", "Legends")
                        ),
                    )
                )
            for i in range(1, rng.randint(2, 5)):
                fig = rng.choice(
                    ("Figure {i}.", "Fig. {i}", "Figure {i}:", "FIGURE {i}", "Fig {i}.")
                )
                blocks.append(("para", fig.format(i=i) + " " + prose(rng, rng.randint(1, 4))))
        elif kind == "table":
            blocks.extend(("line", row) for row in table_lines(rng))
        elif kind == "section":
            blocks.append(("line", rng.choice(AFTER_SECTIONS)))
            blocks.append(
                (
                    "para",
                    rng.choice(
                        (
                            "We thank the patients and their families, and the nurses of the day hospital.",
                            "This work was supported by grants from the Agence Nationale de la Recherche (ANR-21-CE17-0001) "
                            "and the National Institutes of Health (R01 AR012345).",
                            "The authors declare no competing financial interests.",
                            "A.B. and C.D. designed the study; E.F. analysed the data; all authors wrote the paper.",
                            "The data that support the findings of this study are available from the corresponding author upon "
                            "reasonable request.",
                        )
                    )
                    + " "
                    + prose(rng, rng.randint(0, 2)),
                )
            )
        elif kind == "footnote":
            blocks.append(
                (
                    "line",
                    f"*Corresponding author: {rng.choice(AUTHORS)}, Department of Internal Medicine, "
                    f"University Hospital, 75012 Paris, France. E-mail: author@example.org",
                )
            )
        else:
            blocks.append(("para", prose(rng, rng.randint(2, 3))))
    return blocks


# ---------------------------------------------------------------------------------------
# Labels and numbering

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
LABELS: dict[str, Callable[[int], str]] = {
    "dot": lambda n: f"{n}. ",
    "dot-tight": lambda n: f"{n}.",
    "dot-nbsp": lambda n: f"{n}.\u00a0",
    "dot-wide": lambda n: f"{n}.  ",
    "md-escaped": lambda n: f"{n}\\. ",
    "paren": lambda n: f"{n}) ",
    "bracket": lambda n: f"[{n}] ",
    "bracket-tight": lambda n: f"[{n}]",
    "parens": lambda n: f"({n}) ",
    "bare": lambda n: f"{n} ",
    "tab": lambda n: f"{n}.\t",
    "bare-tab": lambda n: f"{n}\t",
    "super-unicode": lambda n: str(n).translate(SUPERSCRIPT) + " ",
    "super-glued": lambda n: f"{n}",
    "super-unicode-glued": lambda n: str(n).translate(SUPERSCRIPT),
}


def numbers(rng: random.Random, count: int, scheme: str, start: int = 1) -> list[int]:
    """List numbers for ``count`` entries: in order, or with the given irregularity."""
    if scheme == "gap":
        out, n = [], start
        for _ in range(count):
            out.append(n)
            n += 1 + (rng.randint(1, 3) if rng.random() < 0.15 else 0)
        if count > 3 and out == list(range(start, start + count)):
            out[count // 2 :] = [x + 1 for x in out[count // 2 :]]
        return out
    if scheme == "repeat":
        out = list(range(start, start + count))
        for i in rng.sample(range(1, count), max(1, count // 10)):
            out[i] = out[i - 1]
        return out
    if scheme == "past999":
        first = rng.randint(990 - count // 2, 999) if count > 10 else 995
        return list(range(first, first + count))
    if scheme == "past9999":
        first = rng.randint(10000 - count + 2, 9999)
        return list(range(first, first + count))
    if scheme == "descending":
        return list(range(start + count - 1, start - 1, -1))
    if scheme == "typo":  # one number mistyped or misread by OCR
        out = list(range(start, start + count))
        i = rng.randrange(1, count)
        out[i] = out[i] + rng.choice((10, 100, -1, 1)) if out[i] > 2 else out[i]
        return out
    return list(range(start, start + count))


# ---------------------------------------------------------------------------------------
# Rendering: text layout (lines kept as written) and PDF layout (re-wrapped, paginated)


def wrap(
    text: str,
    width: int,
    rng: random.Random,
    hyphenate: float,
    first: int = 0,
    rest: int = 0,
    hyphen: str = "-",
) -> list[str]:
    """Greedy wrap to ``width`` columns; a long word at a line end is hyphenated with ``hyphenate`` odds.

    ``first``/``rest`` are how many columns the first and the following lines already use;
    ``hyphen`` is what the extraction leaves at a cut (a hyphen, a soft hyphen, U+2010). A
    long URL or DOI is cut anywhere, with no hyphen, as PDF text leaves it.
    """
    lines: list[str] = []
    current = ""
    used = first
    for word in text.split():
        while True:
            space = 1 if current else 0
            if (
                used + len(current) + space + len(word) <= width
                or not current
                and len(word) > width - used
            ):
                current = f"{current} {word}" if current else word
                break
            room = width - used - len(current) - space - 1
            alpha = re.fullmatch(r"[A-Za-zÀ-ÿ]+[,.;:]?", word)
            if alpha and len(word) >= 8 and room >= 3 and rng.random() < hyphenate:
                cut = rng.randint(3, min(room, len(word.rstrip(",.;:")) - 3))
                if cut >= 3:
                    piece = word[:cut] + hyphen
                    current = f"{current} {piece}" if current else piece
                    word = word[cut:]
            elif len(word) > 24 and not alpha and room >= 8 and rng.random() < hyphenate:
                cut = rng.randint(6, min(room, len(word) - 4))
                current = f"{current} {word[:cut]}" if current else word[:cut]
                word = word[cut:]
            elif "-" in word[1:-1] and rng.random() < hyphenate:
                at = word.index("-", 1) + 1
                if used + len(current) + space + at <= width:
                    current = f"{current} {word[:at]}" if current else word[:at]
                    word = word[at:]
            lines.append(current)
            current = ""
            used = rest
    if current:
        lines.append(current)
    return lines


@dataclass(slots=True)
class Entry:
    """One reference entry to lay out: its label (may be empty) and its text."""

    label: str
    ref: Ref
    truth: str


@dataclass(slots=True)
class Doc:
    """A generated document: its text, the variant that made it and the entry strings it holds."""

    name: str
    variant: str
    text: str
    truth: list[str] = field(default_factory=list)
    notes: str = ""


class Layout:
    """How one document's lines are written.

    ``pdf`` re-wraps every paragraph and cuts pages with furniture; otherwise a paragraph is one
    line and entries are written flat, wrapped flush or wrapped with a hanging indent.
    """

    def __init__(self, rng: random.Random, *, pdf: bool, ctx: Ctx) -> None:
        self.rng = rng
        self.pdf = pdf
        self.ctx = ctx
        self.width = (
            rng.choice((48, 60, 72, 80, 90, 100, 110)) if pdf else rng.choice((64, 72, 80, 100))
        )
        self.hyphenate = rng.choice((0.0, 0.3, 0.7)) if pdf else 0.0
        self.hyphen = rng.choice(("-", "-", "-", "\u00ad", "\u2010"))
        self.align = (
            pdf and rng.random() < 0.3
        )  # numbers right-aligned, as pdftotext -layout keeps them
        self.page_lines = rng.randint(35, 60)
        self.form_feed = rng.random() < 0.4
        self.heads = rng.sample(RUNNING_HEADS, rng.randint(0, 2))
        self.feet = rng.sample(FOOTERS, rng.randint(1, 3))
        self.para_gap = rng.random() < (0.3 if pdf else 0.8)
        self.lines: list[str] = []
        self.body_lines = 0

    def _emit(self, line: str) -> None:
        self.lines.append(line)
        if not self.pdf:
            return
        self.body_lines += 1
        if self.body_lines >= self.page_lines:
            self.page_break()

    def page_break(self) -> None:
        self.body_lines = 0
        self.lines.append("")
        for foot in self.feet:
            self.lines.append(self.ctx.fill(foot))
        self.ctx.page += 1
        if self.form_feed:
            self.lines.append("\f")
        elif self.rng.random() < 0.5:
            self.lines.append("")
        for head in self.heads:
            self.lines.append(self.ctx.fill(head))
        if self.heads and self.rng.random() < 0.5:
            self.lines.append("")

    def block(self, kind: str, text: str) -> None:
        if kind == "para" and self.pdf:
            for line in wrap(text, self.width, self.rng, self.hyphenate, hyphen=self.hyphen):
                self._emit(line)
        else:
            self._emit(text)
        if kind == "para" and self.para_gap or kind == "gap":
            self.lines.append("")

    def blank(self) -> None:
        self.lines.append("")

    def entries(
        self,
        entries: list[Entry],
        *,
        wrap_mode: str,
        gap: bool,
        own_line_label: bool = False,
        bullet: str = "",
    ) -> None:
        """Write list entries. wrap_mode: flat | flush | hanging | first-indent | real (PDF line breaks)."""
        rng = self.rng
        indent = rng.choice((2, 3, 4, 5, 8))
        widest = max((len(e.label.rstrip()) for e in entries), default=0)
        for entry in entries:
            label = entry.label
            if self.align and label.strip():
                core = label.rstrip()
                label = core.rjust(widest) + label[len(core) :]
            label = bullet + label
            if own_line_label and label.strip():
                self._emit(label.strip())
                label = ""
            text = entry.ref.text
            if wrap_mode == "flat":
                self._emit(label + text)
            elif wrap_mode == "real" and entry.ref.pdf:
                pieces = entry.ref.pdf.split("\n")
                self._emit(label + pieces[0])
                for piece in pieces[1:]:
                    self._emit(piece)
            else:
                if wrap_mode == "hanging":
                    pad = " " * max(indent, len(label.expandtabs(4)))
                    lines = wrap(
                        text,
                        self.width,
                        rng,
                        self.hyphenate,
                        first=len(label.expandtabs(4)),
                        rest=len(pad),
                        hyphen=self.hyphen,
                    )
                    rendered = [label + lines[0]] + [pad + line for line in lines[1:]]
                elif wrap_mode == "first-indent":
                    pad = " " * indent
                    lines = wrap(
                        text,
                        self.width,
                        rng,
                        self.hyphenate,
                        first=indent + len(label),
                        rest=0,
                        hyphen=self.hyphen,
                    )
                    rendered = [pad + label + lines[0]] + lines[1:]
                else:  # flush, or "real" for a string without PDF breaks
                    lines = wrap(
                        text,
                        self.width,
                        rng,
                        self.hyphenate,
                        first=len(label.expandtabs(4)),
                        rest=0,
                        hyphen=self.hyphen,
                    )
                    rendered = [label + lines[0]] + lines[1:]
                for line in rendered:
                    self._emit(line)
            if gap:
                self.lines.append("")

    def text(self) -> str:
        out = "\n".join(self.lines).replace("\n\f\n", "\n\f")
        if self.rng.random() < 0.1:
            out = out.replace("\n", "\r\n")
        return out.rstrip() + "\n"


# ---------------------------------------------------------------------------------------
# Variants


def pick_refs(
    rng: random.Random, refs: tuple[Ref, ...], count: int, *, pdf_only: bool = False
) -> list[Ref]:
    """``count`` distinct strings, none of whose letters and digits sit inside another's."""
    pool = [r for r in refs if r.pdf] if pdf_only else refs
    out: list[Ref] = []
    keys: list[str] = []
    while len(out) < count:
        ref = rng.choice(pool)
        k = key(ref.text)
        if any(k in other or other in k for other in keys):
            continue
        out.append(ref)
        keys.append(k)
    return out


def sized(rng: random.Random) -> int:
    return rng.choice((rng.randint(4, 12), rng.randint(12, 40), rng.randint(40, 90)))


def heading(rng: random.Random, layout: Layout, *, none_odds: float = 0.2) -> None:
    if rng.random() < none_odds:
        if rng.random() < 0.5:
            layout.blank()
        return
    text = rng.choice(HEADINGS)
    style = rng.random()
    if style < 0.12:
        text = "## " + text
    elif style < 0.17:
        text = f"**{text}**"
    elif style < 0.27:
        text = f"{rng.randint(5, 9)}. {text}" if rng.random() < 0.5 else f"{text}:"
    layout.blank()
    layout.block("line", text)
    if 0.27 <= style < 0.32:  # a Setext heading
        layout.block("line", rng.choice("=-") * len(text))
    if rng.random() < 0.6:
        layout.blank()


def make_entries(refs: list[Ref], label: str, nums: list[int] | None) -> list[Entry]:
    fmt = LABELS.get(label)
    out = []
    for i, ref in enumerate(refs):
        lab = fmt(nums[i]) if fmt and nums else ""
        out.append(Entry(lab, ref, ref.text))
    return out


def write_list(
    rng: random.Random,
    layout: Layout,
    entries: list[Entry],
    *,
    numbered: bool,
    label: str = "dot",
    wrap_mode: str | None = None,
    gap: bool | None = None,
    bullet: str = "",
) -> str:
    """One list with a random heading; returns a short description for the notes."""
    heading(rng, layout)
    if wrap_mode is None:
        if layout.pdf:
            wrap_mode = (
                rng.choice(("flush", "hanging", "real"))
                if numbered
                else rng.choice(("flush", "hanging", "hanging", "real"))
            )
        elif numbered:
            wrap_mode = rng.choice(("flat", "flat", "flush", "hanging"))
        else:
            wrap_mode = rng.choice(("flat", "hanging", "first-indent"))
    if gap is None:
        gap = rng.random() < (0.25 if layout.pdf else 0.4)
    if label.startswith("super-glued") or label == "super-unicode-glued":
        wrap_mode = "flat" if wrap_mode in ("hanging",) else wrap_mode
    layout.entries(
        entries, wrap_mode=wrap_mode, gap=gap, bullet=bullet, own_line_label=(label == "own-line")
    )
    return f"{label if numbered else 'unnumbered'} {wrap_mode}{' gaps' if gap else ''}"


def _article(
    rng: random.Random,
    layout: Layout,
    refs: list[Ref],
    *,
    label: str | None,
    scheme: str = "plain",
    start: int = 1,
    front: bool = True,
    back: float = 0.25,
    wrap_mode: str | None = None,
    gap: bool | None = None,
    bullet: str = "",
    sort: bool = False,
) -> tuple[list[str], str]:
    numbered = label is not None and label != "none"
    if sort:
        refs = sorted(refs, key=lambda r: r.text.casefold())
    if front:
        for kind, text in front_matter(rng, len(refs), numbered):
            layout.block(kind, text)
    nums = numbers(rng, len(refs), scheme, start) if numbered else None
    lab = "dot" if label == "own-line" else (label or "none")
    entries = make_entries(refs, lab, nums)
    if label == "own-line":  # one form for the whole list
        form = LABELS[rng.choice(("dot", "bracket", "bare", "paren", "super-unicode"))]
        entries = [
            Entry(form(n).strip(), e.ref, e.truth) for n, e in zip(nums or [], entries, strict=True)
        ]
    note = write_list(
        rng,
        layout,
        entries,
        numbered=numbered,
        label=label or "none",
        wrap_mode=wrap_mode,
        gap=gap,
        bullet=bullet,
    )
    if rng.random() < back:
        layout.blank()
        for kind, text in after_blocks(rng):
            layout.block(kind, text)
    return [e.truth for e in entries], note + (f" numbers {nums[0]}..{nums[-1]}" if nums else "")


def _numbered(
    label: str,
    *,
    pdf: bool = False,
    scheme: str = "plain",
    wrap_mode: str | None = None,
    align: bool | None = None,
):
    def make(rng: random.Random, refs: tuple[Ref, ...]) -> tuple[str, list[str], str]:
        layout = Layout(rng, pdf=pdf, ctx=new_ctx(rng))
        if align is not None:
            layout.align = align
        chosen = pick_refs(
            rng, refs, sized(rng) if scheme not in ("past9999",) else rng.randint(5, 30)
        )
        truth, note = _article(rng, layout, chosen, label=label, scheme=scheme, wrap_mode=wrap_mode)
        return layout.text(), truth, note

    return make


def _unnumbered(
    wrap_mode: str | None, *, pdf: bool = False, gap: bool | None = None, bullet: str = ""
):
    def make(rng: random.Random, refs: tuple[Ref, ...]) -> tuple[str, list[str], str]:
        layout = Layout(rng, pdf=pdf, ctx=new_ctx(rng))
        chosen = pick_refs(rng, refs, sized(rng))
        truth, note = _article(
            rng,
            layout,
            chosen,
            label=None,
            wrap_mode=wrap_mode,
            gap=gap,
            bullet=bullet,
            sort=rng.random() < 0.7,
        )
        return layout.text(), truth, note

    return make


def _pdf_real(numbered: bool):
    def make(rng: random.Random, refs: tuple[Ref, ...]) -> tuple[str, list[str], str]:
        layout = Layout(rng, pdf=True, ctx=new_ctx(rng))
        chosen = pick_refs(rng, refs, sized(rng), pdf_only=True)
        label = rng.choice(("dot", "bare", "bracket", "paren", "super-glued")) if numbered else None
        truth, note = _article(
            rng, layout, chosen, label=label, wrap_mode="real", sort=not numbered
        )
        return layout.text(), truth, note

    return make


def _page_top(rng: random.Random, layout: Layout, pdf: bool, tail: list[Ref], entries: list[Entry]) -> list[str]:
    """A page's running heads (PDF), then the tail of a list whose first entry may itself start on the
    previous page (only its end is here); returns the tail's truth."""
    if pdf and layout.heads:
        for head in layout.heads:
            layout.block("line", layout.ctx.fill(head))
    truth = [e.truth for e in entries]
    if rng.random() < 0.4:
        words = tail[0].text.split()
        rest = " ".join(words[max(1, len(words) // 2) :])
        entries[0] = Entry("", Ref(rest, tail[0].source), rest)
        truth[0] = rest
    return truth


def _after_tail(rng: random.Random, layout: Layout, refs: tuple[Ref, ...], truth: list[str]) -> list[Ref]:
    """What may follow a list's tail (a legend, a table), a blank line, and the next article's references:
    none the same as, or inside, one of the tail's."""
    if rng.random() < 0.5:
        for kind, text in after_blocks(rng):
            layout.block(kind, text)
    layout.blank()
    k = {key(t) for t in truth}
    return [
        r
        for r in pick_refs(rng, refs, sized(rng))
        if key(r.text) not in k and not any(key(r.text) in t or t in key(r.text) for t in k)
    ]


def _late_start(rng: random.Random, refs: tuple[Ref, ...]) -> tuple[str, list[str], str]:
    """The tail of the previous article's list at the top of the page, then the next article."""
    pdf = rng.random() < 0.6
    layout = Layout(rng, pdf=pdf, ctx=new_ctx(rng))
    label = rng.choice(("dot", "bare", "bracket", "paren", "dot"))
    tail = pick_refs(rng, refs, rng.randint(3, 20))
    first = rng.randint(5, 60)
    nums = numbers(rng, len(tail), "plain", first)
    entries = make_entries(tail, label, nums)
    truth = _page_top(rng, layout, pdf, tail, entries)
    layout.entries(
        entries, wrap_mode=rng.choice(("flat", "flush", "hanging")), gap=rng.random() < 0.3
    )
    chosen = _after_tail(rng, layout, refs, truth)
    more, note = _article(
        rng, layout, chosen, label=rng.choice(("dot", "bare", "bracket", "paren"))
    )
    return layout.text(), truth + more, f"tail {nums[0]}..{nums[-1]} {label}; then {note}"


def _two_lists(rng: random.Random, refs: tuple[Ref, ...]) -> tuple[str, list[str], str]:
    """Two articles (or a main and a supplementary list), each with its own list, kept apart."""
    layout = Layout(rng, pdf=rng.random() < 0.5, ctx=new_ctx(rng))
    chosen = pick_refs(rng, refs, rng.randint(8, 60))
    cut = rng.randint(3, len(chosen) - 3)
    first, second = chosen[:cut], chosen[cut:]
    labels = (None, "dot", "bare", "bracket", "paren", "parens")
    l1, l2 = rng.choice(labels[1:]), rng.choice(labels)
    t1, n1 = _article(rng, layout, first, label=l1, back=0.6)
    layout.blank()
    if rng.random() < 0.5:
        layout.block(
            "line",
            rng.choice(
                (
                    "Supplementary References",
                    "References for the Supplementary Material",
                    "Additional references",
                    "Online-only references",
                )
            ),
        )
        t2, n2 = _article(
            rng, layout, second, label=l2, front=False, start=rng.choice((1, len(first) + 1))
        )
    else:
        t2, n2 = _article(rng, layout, second, label=l2)
    return layout.text(), t1 + t2, f"{n1} | {n2}"


def _backmatter(rng: random.Random, refs: tuple[Ref, ...]) -> tuple[str, list[str], str]:
    layout = Layout(rng, pdf=rng.random() < 0.5, ctx=new_ctx(rng))
    chosen = pick_refs(rng, refs, sized(rng))
    label = rng.choice((None, "dot", "bare", "bracket", "paren", "parens"))
    truth, note = _article(rng, layout, chosen, label=label, back=1.0, sort=label is None)
    return layout.text(), truth, note


def _ragged(rng: random.Random, refs: tuple[Ref, ...]) -> tuple[str, list[str], str]:
    """Hand-typed text: doubled spaces, trailing blanks, tabs, stray blank lines, mixed label spacing."""
    layout = Layout(rng, pdf=False, ctx=new_ctx(rng))
    chosen = pick_refs(rng, refs, sized(rng))
    label = rng.choice(("dot", "bracket", "paren", None))
    truth, note = _article(
        rng, layout, chosen, label=label, wrap_mode="flat", gap=False, sort=label is None
    )
    lines = []
    for line in layout.lines:
        if line and rng.random() < 0.2:
            line = line.replace(". ", ".  ", 1)
        if line and rng.random() < 0.2:
            line = line + rng.choice(("  ", " \t", " "))
        if line and rng.random() < 0.1:
            line = rng.choice(("  ", "\t", " ")) + line
        lines.append(line)
        if line.strip() and rng.random() < 0.05:
            lines.append("   ")
    layout.lines = lines
    return layout.text(), truth, note


def _markdown(rng: random.Random, refs: tuple[Ref, ...]) -> tuple[str, list[str], str]:
    """Markdown: ``1.`` lists (lazy or indented continuation) or bullets, emphasis kept out of entries."""
    layout = Layout(rng, pdf=False, ctx=new_ctx(rng))
    chosen = pick_refs(rng, refs, sized(rng))
    if rng.random() < 0.5:
        truth, note = _article(
            rng,
            layout,
            chosen,
            label=rng.choice(("dot", "dot-wide", "md-escaped")),
            wrap_mode=rng.choice(("flat", "hanging", "flush")),
        )
    else:
        truth, note = _article(
            rng,
            layout,
            chosen,
            label=None,
            bullet=rng.choice(("- ", "* ", "+ ")),
            wrap_mode=rng.choice(("flat", "hanging")),
            sort=True,
        )
    return layout.text(), truth, note


def _bullets(rng: random.Random, refs: tuple[Ref, ...]) -> tuple[str, list[str], str]:
    layout = Layout(rng, pdf=rng.random() < 0.3, ctx=new_ctx(rng))
    chosen = pick_refs(rng, refs, sized(rng))
    truth, note = _article(
        rng,
        layout,
        chosen,
        label=None,
        bullet=rng.choice(("• ", "– ", "▪ ", "● ", "·  ")),
        sort=True,
    )
    return layout.text(), truth, note


def _list_only(rng: random.Random, refs: tuple[Ref, ...]) -> tuple[str, list[str], str]:
    """Only a list, as pasted by a user: no article around it, often no heading."""
    layout = Layout(rng, pdf=rng.random() < 0.2, ctx=new_ctx(rng))
    chosen = pick_refs(rng, refs, sized(rng))
    label = rng.choice((None, None, "dot", "bare", "bracket", "paren", "parens", "tab"))
    truth, note = _article(
        rng, layout, chosen, label=label, front=False, back=0.0, sort=label is None
    )
    return layout.text(), truth, note


# ---------------------------------------------------------------------------------------
# Later variants. Each draws from its own random stream (``generate`` seeds one per variant),
# so adding them leaves the documents of the variants above unchanged for a seed.


class _SetInLayout(Layout):
    """A layout whose body lines are set in by ``prefix`` (page furniture stays at the margin)."""

    def __init__(self, rng: random.Random, *, pdf: bool, ctx: Ctx) -> None:
        super().__init__(rng, pdf=pdf, ctx=ctx)
        self.prefix = ""

    def _emit(self, line: str) -> None:
        super()._emit(self.prefix + line if line.strip() and self.prefix else line)


def _set_in(rng: random.Random, refs: tuple[Ref, ...]) -> tuple[str, list[str], str]:
    """A list set in as a whole (2-4 spaces or a tab) after flush prose, its heading flush, set in or absent."""
    pdf = rng.random() < 0.3
    layout = _SetInLayout(rng, pdf=pdf, ctx=new_ctx(rng))
    chosen = pick_refs(rng, refs, sized(rng))
    label = rng.choice((None, None, "dot", "bracket", "bare", "paren", "parens", "tab"))
    numbered = label is not None
    if not numbered and rng.random() < 0.7:
        chosen = sorted(chosen, key=lambda r: r.text.casefold())
    for kind, text in front_matter(rng, len(chosen), numbered):
        layout.block(kind, text)
    pad = rng.choice(("  ", "   ", "    ", "\t", "      "))
    where = rng.choice(("flush", "set-in", "none"))
    if where == "set-in":
        layout.prefix = pad
    heading(rng, layout, none_odds=1.0 if where == "none" else 0.0)
    layout.prefix = pad
    nums = numbers(rng, len(chosen), "plain", 1) if numbered else None
    entries = make_entries(chosen, label or "none", nums)
    if pdf:
        wrap_mode = rng.choice(("flush", "hanging"))
    elif numbered:
        wrap_mode = rng.choice(("flat", "flush", "hanging"))
    else:
        wrap_mode = rng.choice(("flat", "hanging", "hanging", "first-indent"))
    gap = rng.random() < 0.4
    layout.entries(entries, wrap_mode=wrap_mode, gap=gap)
    layout.prefix = ""
    if rng.random() < 0.5:
        layout.blank()
        for kind, text in after_blocks(rng):
            layout.block(kind, text)
    note = f"set in {pad!r} heading {where} {label or 'unnumbered'} {wrap_mode}{' gaps' if gap else ''}"
    return layout.text(), [e.truth for e in entries], note


def _md_continuation(rng: random.Random, refs: tuple[Ref, ...]) -> tuple[str, list[str], str]:
    """Markdown lists as editors hard-wrap them: ``- ``/``* ``/``+ `` or ``1. `` (every item ``1.`` at times),
    continuation lines indented by 2-4 spaces (under the text or not), items tight or loose."""
    layout = Layout(rng, pdf=False, ctx=new_ctx(rng))
    chosen = pick_refs(rng, refs, sized(rng))
    numbered = rng.random() < 0.5
    if not numbered:
        chosen = sorted(chosen, key=lambda r: r.text.casefold())
    for kind, text in front_matter(rng, len(chosen), numbered):
        layout.block(kind, text)
    title = rng.choice(("## References", "# References", "### References", "**References**", "References", ""))
    if title:
        layout.blank()
        layout.block("line", title)
    layout.blank()
    ones = numbered and rng.random() < 0.25
    marker = rng.choice(("- ", "* ", "+ "))
    delim = rng.choice((".", ".", ")"))
    width = rng.choice((72, 80, 80, 100, 0))
    cont = rng.choice((None, 2, 3, 4))  # None: under the item's text
    loose = rng.random() < 0.4
    for n, ref in enumerate(chosen, 1):
        label = (f"1{delim} " if ones else f"{n}{delim} ") if numbered else marker
        rest = len(label) if cont is None else cont
        lines = wrap(ref.text, width, rng, 0.0, first=len(label), rest=rest) if width else [ref.text]
        layout.block("line", label + lines[0])
        for line in lines[1:]:
            layout.block("line", " " * rest + line)
        if loose:
            layout.blank()
    if rng.random() < 0.4:
        layout.blank()
        layout.block("line", "## " + rng.choice(AFTER_SECTIONS))
        layout.blank()
        layout.block("para", prose(rng, rng.randint(1, 3)))
    note = (
        f"markdown {'ones' if ones else 'numbered' if numbered else repr(marker)} width {width} "
        f"continuation {cont if cont is not None else 'aligned'}{' loose' if loose else ''}"
    )
    return layout.text(), [r.text for r in chosen], note


def _hanging_tab(rng: random.Random, refs: tuple[Ref, ...]) -> tuple[str, list[str], str]:
    """A hanging indent made with a tab (word processors' text export), numbered or not."""
    layout = Layout(rng, pdf=False, ctx=new_ctx(rng))
    chosen = pick_refs(rng, refs, sized(rng))
    label = rng.choice((None, None, "dot", "bracket", "tab", "bare"))
    start = len(layout.lines)
    truth, note = _article(
        rng, layout, chosen, label=label, wrap_mode="hanging", sort=label is None, back=0.4
    )
    for n in range(start, len(layout.lines)):
        line = layout.lines[n]
        if line.startswith("  ") and line.strip():
            layout.lines[n] = "\t" + line.lstrip(" ")
    return layout.text(), truth, note + " tab continuation"


def _late_start_ay(rng: random.Random, refs: tuple[Ref, ...]) -> tuple[str, list[str], str]:
    """The tail of an earlier article's author-year list at the top of a page, then the next article."""
    pdf = rng.random() < 0.5
    layout = Layout(rng, pdf=pdf, ctx=new_ctx(rng))
    tail = sorted(pick_refs(rng, refs, rng.randint(3, 15)), key=lambda r: r.text.casefold())
    entries = make_entries(tail, "none", None)
    truth = _page_top(rng, layout, pdf, tail, entries)
    wrap_mode = rng.choice(("flat", "hanging", "hanging")) if not pdf else rng.choice(("flush", "hanging"))
    gap = rng.random() < 0.3
    layout.entries(entries, wrap_mode=wrap_mode, gap=gap)
    chosen = _after_tail(rng, layout, refs, truth)
    label = rng.choice((None, None, "dot", "bracket"))
    more, note = _article(rng, layout, chosen, label=label, sort=label is None)
    return layout.text(), truth + more, f"tail unnumbered {wrap_mode}{' gaps' if gap else ''}; then {note}"


Maker = Callable[[random.Random, tuple[Ref, ...]], tuple[str, list[str], str]]
VARIANTS: dict[str, Maker] = {
    "num-dot": _numbered("dot"),
    "num-dot-tight": _numbered("dot-tight"),
    "num-dot-nbsp": _numbered("dot-nbsp"),
    "num-aligned": _numbered("dot", pdf=True, align=True),
    "num-paren": _numbered("paren"),
    "num-bracket": _numbered("bracket"),
    "num-bracket-tight": _numbered("bracket-tight"),
    "num-parens": _numbered("parens"),
    "num-bare": _numbered("bare"),
    "num-tab": _numbered("tab"),
    "num-bare-tab": _numbered("bare-tab"),
    "num-super": _numbered("super-unicode"),
    "num-super-glued": _numbered("super-glued", wrap_mode="flat"),
    "num-own-line": _numbered("own-line"),
    "ay-hanging": _unnumbered("hanging"),
    "ay-first-indent": _unnumbered("first-indent"),
    "ay-blank": _unnumbered("flush", gap=True),
    "ay-oneline": _unnumbered("flat", gap=False),
    "markdown": _markdown,
    "bullets": _bullets,
    "pdf-num": _numbered("dot", pdf=True),
    "pdf-num-bare": _numbered("bare", pdf=True),
    "pdf-num-bracket": _numbered("bracket", pdf=True),
    "pdf-ay": _unnumbered(None, pdf=True),
    "pdf-real-num": _pdf_real(True),
    "pdf-real-ay": _pdf_real(False),
    "gap": _numbered("dot", scheme="gap"),
    "repeat": _numbered("bracket", scheme="repeat"),
    "typo": _numbered("dot", scheme="typo"),
    "past999": _numbered("dot", scheme="past999"),
    "past999-bare": _numbered("bare", scheme="past999"),
    "past9999": _numbered("bracket", scheme="past9999"),
    "descending": _numbered("dot", scheme="descending"),
    "descending-pdf": _numbered("bare", pdf=True, scheme="descending"),
    "late-start": _late_start,
    "two-lists": _two_lists,
    "backmatter": _backmatter,
    "ragged": _ragged,
    "list-only": _list_only,
    # later variants (their own random streams: the ones above are unchanged for a seed)
    "set-in": _set_in,
    "md-continuation": _md_continuation,
    "hanging-tab": _hanging_tab,
    "late-start-ay": _late_start_ay,
    "pdf-super": _numbered("super-unicode", pdf=True),
    "pdf-past999": _numbered("dot", pdf=True, scheme="past999"),
    "pdf-past999-bare": _numbered("bare", pdf=True, scheme="past999"),
}


def generate(variant: str, count: int, *, seed: int = 0, part: str = "train") -> list[Doc]:
    """``count`` documents of one variant; the same seed gives the same documents."""
    refs = load_refs(part)
    digest = int(hashlib.sha1(variant.encode()).hexdigest()[:8], 16)
    rng = random.Random(seed * 1_000_003 + digest)
    docs = []
    for i in range(count):
        text, truth, note = VARIANTS[variant](rng, refs)
        docs.append(Doc(f"{variant}-{i:03d}", variant, text, truth, note))
    return docs


def generate_all(
    count: int, *, seed: int = 0, part: str = "train", variants: list[str] | None = None
) -> list[Doc]:
    return [
        doc
        for v in (variants or list(VARIANTS))
        for doc in generate(v, count, seed=seed, part=part)
    ]


if __name__ == "__main__":  # write a sample set: python benchmarks/docgen3.py OUTDIR [N] [SEED]
    import sys

    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    for doc in generate_all(n, seed=seed):
        (out / f"{doc.name}.txt").write_text(doc.text, encoding="utf-8")
        (out / f"{doc.name}.truth.json").write_text(
            json.dumps({"note": doc.notes, "truth": doc.truth}, indent=1, ensure_ascii=False),
            encoding="utf-8",
        )
    print(f"wrote {len(VARIANTS) * n} documents to {out}")
