"""A fifth, blind generator of whole documents around the eval reference strings, each with its truth.

Written from issue 11 alone, apart from the list finder (``vexascite/refstring/lists.py``,
``furniture.py``) and the four other generators, to find what they may not have drawn: two-column
PDF text with a column break inside an entry; the page furniture of many journals (``© 2021 The
Authors``, ``https://doi.org/...`` footers, ``Page 12 of 30``, ``medRxiv preprint doi: ...``,
``Accepted Article``, a submitted manuscript's line numbers in the margin); entries opening with a
number-like token (``3M Company``, ``1000 Genomes Project Consortium``); ``[1]`` alone on the line
above its entry; Vancouver with superscript numbers in the body, glued by PDF extraction; headings
such as ``Literature Cited``, ``Works Cited``, ``Bibliografía``, ``Références``, ``Literatur``,
``参考文献``; a list followed by supplementary material, legends, tables, contributions and funding;
mixed-language documents; Windows line endings and tabs; a list continued after a page break under
a repeated heading; URLs wrapped at ``/`` or ``-``.

Strings: every eval set's ``raw`` (the glutton strings keep their PDF line breaks and end-of-line
hyphenation; the others are one line each and wrapped here), split in two halves by
``sha256("docgen5:" + letters and digits of the string, case folded)``: first byte below 128 is ``train``, the
rest ``test`` (a split of its own, not the other generators'; by the text, so a string that several sets hold
falls in one half). Strings shorter than 40 characters, without a
year, holding a blank line or opening with a list label of their own are left out.

A document's ``truth`` holds its entries' text (no list label) in order; ``clean`` is the document
with the furniture this generator put in taken out again (line-number margins and page heads and
feet), in which every entry's letters and digits stand in one run. Seeds start at 500.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIRST_SEED = 500
FILES = (
    "glutton_pmc1943_doi",
    "plos_jats",
    "anystyle_core",
    "anystyle_gold",
    "anystyle_good",
    "grobid_citation",
    "crossref_real_2k",
    "crossref_existing_1k",
    "cora_parscit",
)
YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")
OWN_LABEL = re.compile(r"^\s*(?:[\[(]\s*\w{1,4}\s*[\])]|\d{1,4}\s*[.):]|[-*•])")


def shared_dir(given: str | None = None) -> Path:
    """The folder holding ``eval/``: given, ``$VEXASCITE_SHARED``, or beside the project."""
    if given:
        return Path(given)
    return Path(os.environ.get("VEXASCITE_SHARED", ROOT.parent / "shared"))


@dataclass(slots=True, frozen=True)
class Ref:
    """One eval string: its text, whether it keeps PDF line breaks, and its DOI if known."""

    text: str
    pdf: bool
    doi: str | None
    authors: str | None


@dataclass(slots=True)
class Pool:
    """The usable strings of one half, by kind."""

    flat: list[Ref] = field(default_factory=list)
    pdf: list[Ref] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.flat) + len(self.pdf)


def text_key(text: str) -> str:
    """Letters and digits, NFKC and case folded: what the split and the de-duplication compare."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


def part_of(text: str) -> str:
    """``train`` or ``test``: the half a string falls in, by a hash of its letters and digits."""
    digest = hashlib.sha256(f"docgen5:{text_key(text)}".encode()).digest()
    return "train" if digest[0] < 128 else "test"


def load_pool(part: str, shared: Path) -> Pool:
    """The strings of ``part`` (``train`` or ``test``) from every eval set, de-duplicated."""
    pool = Pool()
    seen: set[str] = set()
    for name in FILES:
        path = shared / "eval" / f"{name}.jsonl"
        if not path.exists():
            continue
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                raw = str(record.get("raw") or "")
                if part_of(raw) != part:
                    continue
                if len(raw.strip()) < 40 or not YEAR.search(raw) or OWN_LABEL.match(raw):
                    continue
                if re.search(r"\n\s*\n", raw) or "\r" in raw or "\f" in raw:
                    continue
                seen_key = text_key(raw)
                if seen_key in seen:
                    continue
                seen.add(seen_key)
                pdf = name.startswith("glutton") and "\n" in raw
                text = raw.strip() if pdf else " ".join(raw.split())
                fields = record.get("fields") or {}
                authors = fields.get("authors_raw") if isinstance(fields, dict) else None
                doi = record.get("doi") or (fields.get("doi") if isinstance(fields, dict) else None)
                ref = Ref(text, pdf, str(doi) if doi else None, str(authors) if authors else None)
                (pool.pdf if pdf else pool.flat).append(ref)
    return pool


@dataclass(slots=True)
class Document:
    """A generated document: its text, its entries in order, and the text without furniture."""

    name: str
    layout: str
    suffix: str
    text: str
    truth: list[str]
    clean: str
    #: Each entry's printed label when some are not plain numbers (``S3.``), else None.
    labels: list[str] | None = None


class Builder:
    """Lines of a document, each kept or marked as furniture (a margin is furniture too)."""

    def __init__(self) -> None:
        self.lines: list[tuple[str, str, bool]] = []  # (margin, text, furniture)
        #: The entries' printed labels, where one is not a plain number the scorer knows.
        self.labels: list[str] | None = None

    def add(self, text: str = "") -> None:
        self.lines.append(("", text, False))

    def extend(self, lines: Sequence[str]) -> None:
        for line in lines:
            self.add(line)

    def furniture(self, text: str) -> None:
        self.lines.append(("", text, True))

    def number_margin(self, rng: random.Random, start: int) -> None:
        """Put a submitted manuscript's line numbers in the margin of every line."""
        sep = rng.choice([" ", "  ", "\t"])
        number = start
        out = []
        for _margin, text, furn in self.lines:
            out.append((f"{number}{sep}", text, furn))
            number += 1
        self.lines = out

    def render(self, newline: str = "\n") -> tuple[str, str]:
        text = newline.join(margin + line for margin, line, _ in self.lines) + newline
        clean = "\n".join(line for _, line, furn in self.lines if not furn) + "\n"
        return text, clean


# --- prose ---------------------------------------------------------------------------------

NOUNS = (
    "inflammation", "cohort", "treatment", "response", "mutation", "patients", "survival",
    "expression", "signalling", "biomarker", "dose", "trial", "outcome", "marrow", "relapse",
    "clone", "fever", "cytokine", "remission", "toxicity", "infection", "pathway", "model",
)
ADJS = (
    "systemic", "clinical", "early", "persistent", "somatic", "adjusted", "median", "novel",
    "previous", "standard", "partial", "complete", "severe", "mild", "larger", "independent",
)
VERBS = (
    "was associated with", "did not change", "predicted", "improved", "was reported in",
    "preceded", "was lower than", "was confirmed in", "was measured in", "differed from",
)
FOREIGN = {
    "fr": (
        "Les patients ont été suivis pendant une période médiane de {n} mois.",
        "Cette étude rétrospective confirme les données publiées antérieurement.",
        "La réponse au traitement était partielle dans {n} cas.",
    ),
    "de": (
        "Die Patienten wurden im Median {n} Monate lang nachbeobachtet.",
        "Diese Ergebnisse stimmen mit früheren Untersuchungen überein.",
        "Ein vollständiges Ansprechen wurde bei {n} Patienten beobachtet.",
    ),
    "es": (
        "Los pacientes fueron seguidos durante una mediana de {n} meses.",
        "Estos resultados coinciden con estudios previos.",
        "Se observó una respuesta completa en {n} pacientes.",
    ),
    "zh": (
        "本研究共纳入{n}例患者，中位随访时间为{n}个月。",
        "这些结果与既往研究一致。",
        "治疗后炎症指标明显下降。",
    ),
}


def sentence(rng: random.Random, cite: Callable[[], str] | None = None) -> str:
    words = [
        rng.choice(("The", "An", "Our", "This")),
        rng.choice(ADJS),
        rng.choice(NOUNS),
        rng.choice(VERBS),
        rng.choice(ADJS),
        rng.choice(NOUNS),
    ]
    if rng.random() < 0.4:
        words += ["in", str(rng.randint(3, 400)), "patients"]
    text = " ".join(words)
    return text + (cite() if cite else "") + "."


def paragraph(rng: random.Random, count: int, cite: Callable[[], str] | None = None) -> str:
    return " ".join(sentence(rng, cite if cite and rng.random() < 0.6 else None) for _ in range(count))


def wrap_words(text: str, width: int, rng: random.Random, hyphenate: float = 0.0) -> list[str]:
    """Wrap at spaces; long words may break with a hyphen, URLs after ``/`` or at ``-``."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        while True:
            room = width - len(line) - (1 if line else 0)
            if len(word) <= room:
                line = f"{line} {word}" if line else word
                break
            cut = 0
            if ("/" in word or "." in word) and word.lower().startswith(("http", "www", "doi")):
                cuts = [i + 1 for i, ch in enumerate(word[:room]) if ch in "/-" and i > 4]
                cut = cuts[-1] if cuts else 0
            elif word.isalpha() and len(word) >= 8 and room >= 5 and rng.random() < hyphenate:
                cut = rng.randint(3, min(room - 1, len(word) - 3))
                lines.append(f"{line} {word[:cut]}-" if line else f"{word[:cut]}-")
                line, word = "", word[cut:]
                continue
            if cut:
                lines.append(f"{line} {word[:cut]}" if line else word[:cut])
                line, word = "", word[cut:]
                continue
            if line:
                lines.append(line)
                line = ""
                continue
            line = word  # a word longer than the line stands alone
            break
    if line:
        lines.append(line)
    return lines


def wrap_prose(text: str, width: int, rng: random.Random) -> list[str]:
    return wrap_words(text, width, rng, 0.1)


# --- entries ---------------------------------------------------------------------------------

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
CORPORATE = (
    "3M Company",
    "1000 Genomes Project Consortium",
    "2019 ESC Guidelines Task Force",
    "23andMe Research Team",
    "100,000 Genomes Project Pilot Investigators",
    "4D Nucleome Network",
    "2020 Global Burden of Disease Collaborators",
    "5th International Consensus Group",
    "3D Systems Corporation",
    "1st Medical Faculty Study Group",
)


def entry_lines(ref: Ref, width: int, rng: random.Random, hyphenate: float) -> list[str]:
    """An entry's lines: a glutton string's own, or the string wrapped at ``width``."""
    if ref.pdf:
        return ref.text.split("\n")
    if width <= 0:
        return [ref.text]
    return wrap_words(ref.text, width, rng, hyphenate)


def number_like(ref: Ref, rng: random.Random) -> Ref:
    """The same reference with its authors replaced by a group whose name opens with a number."""
    text = ref.text
    if ref.authors and text.startswith(ref.authors):
        rest = text[len(ref.authors) :].lstrip(" .,;:")
    else:
        match = re.search(r"[.)]\s+", text)
        rest = text[match.end() :] if match and match.end() < len(text) - 20 else text
    return Ref(f"{rng.choice(CORPORATE)}. {rest}", False, ref.doi, None)


def with_url(ref: Ref, rng: random.Random) -> Ref:
    """The reference with a link after it (its DOI as a URL, or a report's address)."""
    if ref.doi and rng.random() < 0.6:
        url = "https://doi.org/" + ref.doi
    else:
        slug = "-".join(re.findall(r"[a-z]+", ref.text.lower())[:6]) or "report"
        url = f"https://www.health-statistics.example.org/publications/{rng.randint(2005, 2023)}/{slug}.pdf"
    text = " ".join(ref.text.split()).rstrip()
    joiner = rng.choice([" ", " Available from: ", " URL: ", " Retrieved from "])
    return Ref(f"{text}{joiner}{url}", False, ref.doi, None)


# --- furniture -------------------------------------------------------------------------------

JOURNALS = ("Blood", "Ann Rheum Dis", "Rheumatology", "J Clin Invest", "Haematologica", "Nat Commun")


def page_foot(rng: random.Random, page: int, pages: int, journal: str) -> list[str]:
    kind = rng.randrange(10)
    year = rng.randint(2015, 2024)
    doi = f"10.{rng.randint(1000, 9999)}/{journal.lower().replace(' ', '')}.{year}.{rng.randint(1000, 99999)}"
    if kind == 0:
        return [f"© {year} The Authors. Published by Elsevier Ltd.", str(page)]
    if kind == 1:
        return [f"https://doi.org/{doi}"]
    if kind == 2:
        return [f"Page {page} of {pages}"]
    if kind == 3:
        return [
            f"medRxiv preprint doi: https://doi.org/10.1101/{year}.0{rng.randint(1, 9)}.{rng.randint(10, 28)}."
            f"{rng.randint(20000000, 29999999)}; this version posted May {rng.randint(1, 28)}, {year}. "
            "The copyright holder for this preprint"
        ]
    if kind == 4:
        return ["This article is protected by copyright. All rights reserved.", "Accepted Article"]
    if kind == 5:
        return [
            f"{page} | Nature Communications | ({year}) {rng.randint(1, 15)}:{rng.randint(1000, 9999)} | "
            f"https://doi.org/{doi} | www.nature.com/naturecommunications"
        ]
    if kind == 6:
        return [f"PLOS ONE | https://doi.org/{doi} June {rng.randint(1, 28)}, {year} {page} / {pages}"]
    if kind == 7:
        return [
            f"Downloaded from https://academic.oup.com/rheumatology/article/{rng.randint(50, 63)}/"
            f"{rng.randint(1, 12)}/{rng.randint(100, 999)}/{rng.randint(1000000, 7999999)} by guest on "
            f"{rng.randint(1, 28)} March {year + 1}"
        ]
    if kind == 8:
        return [f"Author manuscript; available in PMC {year + 1} January {rng.randint(1, 28)}."]
    return [str(page)]


def page_head(rng: random.Random, page: int, journal: str, author: str) -> list[str]:
    kind = rng.randrange(6)
    if kind == 0:
        return [f"{author} et al."]
    if kind == 1:
        return [f"{journal.upper()}, {rng.randint(1, 28)} MARCH 2020 · VOLUME {rng.randint(100, 140)}, NUMBER {rng.randint(1, 24)}"]
    if kind == 2:
        return ["Accepted Article"]
    if kind == 3:
        return [f"{author} et al. Page {page}"]
    if kind == 4:
        return ["Author Manuscript"]
    return [f"{page}"]


SURNAMES = ("Beck", "Georgin-Lavialle", "Kötter", "Ferrada", "Obiorah", "Nakamura", "Grayson", "Heiblig")


# --- document parts --------------------------------------------------------------------------

HEADINGS_EN = ("References", "REFERENCES", "Literature Cited", "Works Cited", "Bibliography", "References and Notes", "LITERATURE CITED")
HEADINGS_OTHER = {
    "es": ("Bibliografía", "Referencias"),
    "fr": ("Références", "Bibliographie", "RÉFÉRENCES"),
    "de": ("Literatur", "Literaturverzeichnis"),
    "zh": ("参考文献",),
}

TRAILERS: tuple[tuple[str, Callable[[random.Random], list[str]]], ...] = (
    (
        "Supplementary material",
        lambda rng: [
            "Supplementary data are available at Rheumatology online.",
            f"Supplementary Table S{rng.randint(1, 5)}. Baseline characteristics of the {rng.randint(20, 300)} patients.",
        ],
    ),
    (
        "Figure legends",
        lambda rng: [
            f"Figure 1. Overall survival of {rng.randint(20, 300)} patients by treatment (Kaplan-Meier, log-rank P = 0.0{rng.randint(1, 9)}).",
            "Figure 2. Changes in C-reactive protein from baseline to month 6, 2019-2022.",
        ],
    ),
    (
        "Table 1. Baseline characteristics",
        lambda rng: [
            "Characteristic\tAll (n = 58)\tJAKi (n = 31)",
            f"Age, years, median (IQR)\t{rng.randint(60, 75)} (64-78)\t{rng.randint(60, 75)} (63-77)",
            f"Male sex, n (%)\t{rng.randint(50, 58)} (96)\t30 (97)",
            "Follow-up, months\t24.1\t18.3",
        ],
    ),
    (
        "Author contributions",
        lambda rng: [
            "J.B. and M.K. designed the study; S.G.-L. and D.B.B. collected data; all authors wrote and approved the manuscript.",
        ],
    ),
    (
        "Funding",
        lambda rng: [
            f"This work was supported by the National Institutes of Health (grant R01 AR0{rng.randint(10000, 99999)}) and the French Ministry of Health (PHRC 2019).",
        ],
    ),
    (
        "Acknowledgements",
        lambda rng: ["We thank the patients and their families, and the nurses of the day hospital."],
    ),
    (
        "Conflict of interest",
        lambda rng: ["The authors declare no competing financial interests."],
    ),
)


def pick(pool: Pool, rng: random.Random, count: int, pdf_share: float) -> list[Ref]:
    """``count`` different strings, about ``pdf_share`` of them with their PDF line breaks."""
    refs: list[Ref] = []
    while len(refs) < count:
        source = pool.pdf if pool.pdf and rng.random() < pdf_share else pool.flat
        ref = rng.choice(source)
        if ref not in refs:
            refs.append(ref)
    return refs


def label_for(style: str, number: int) -> str:
    return {
        "dot": f"{number}.",
        "paren": f"{number})",
        "bracket": f"[{number}]",
        "round": f"({number})",
        "bare": f"{number}",
        "sup": str(number).translate(SUPERSCRIPT),
        "glued": f"{number}",
    }[style]


def numbered_entry(
    label: str, lines: list[str], style: str, indent: str, tab: bool = False
) -> list[str]:
    if style == "glued":
        first = label + lines[0]
    elif style == "own_line":
        return [label] + lines
    else:
        first = label + ("\t" if tab else " ") + lines[0]
    return [first] + [indent + line for line in lines[1:]]


def citer(rng: random.Random, count: int, kind: str) -> Callable[[], str]:
    def cite() -> str:
        a = rng.randint(1, max(1, count))
        b = min(count, a + rng.randint(0, 2))
        if kind == "bracket":
            return f" [{a}]" if a == b else f" [{a}-{b}]"
        if kind == "sup":
            return str(a).translate(SUPERSCRIPT) if a == b else f"{a}".translate(SUPERSCRIPT) + "⁻" + str(b).translate(SUPERSCRIPT)
        if kind == "glued":
            return f"{a}" if a == b else f"{a},{b}"
        if kind == "year":
            return f" ({rng.choice(SURNAMES)} et al., {rng.randint(1990, 2023)})"
        return ""

    return cite


def front(b: Builder, rng: random.Random, count: int, cite_kind: str, width: int, lang: str | None = None) -> None:
    b.add(f"{rng.choice(ADJS).capitalize()} {rng.choice(NOUNS)} in VEXAS syndrome: a {rng.choice(ADJS)} {rng.choice(NOUNS)} study")
    b.add(", ".join(f"{rng.choice('ABCDEFGHJKLMNPRS')}. {rng.choice(SURNAMES)}" for _ in range(rng.randint(2, 5))))
    b.add()
    cite = citer(rng, count, cite_kind)
    for heading in ("Introduction", "Methods", "Results", "Discussion")[: rng.randint(2, 4)]:
        b.add(heading)
        for _ in range(rng.randint(1, 2)):
            text = paragraph(rng, rng.randint(2, 5), cite)
            if lang:
                text += " " + " ".join(s.format(n=rng.randint(2, 90)) for s in FOREIGN[lang][: rng.randint(1, 3)])
            b.extend(wrap_prose(text, width, rng))
            if rng.random() < 0.6:
                b.add()
        if rng.random() < 0.5:
            b.add()


def trailers(b: Builder, rng: random.Random, count: int) -> None:
    for title, body in rng.sample(TRAILERS, count):
        if rng.random() < 0.7:
            b.add()
        b.add(title)
        b.extend(body(rng))


# --- layouts ---------------------------------------------------------------------------------

Layout = Callable[[Pool, random.Random], tuple[Builder, list[str], str, str]]


def _simple_numbered(style: str, pool: Pool, rng: random.Random, **opts: object) -> tuple[Builder, list[str]]:
    count = rng.randint(8, 30)
    refs = pick(pool, rng, count, float(str(opts.get("pdf_share", 0.3))))
    b = Builder()
    front(b, rng, count, str(opts.get("cite", "bracket")), rng.randint(60, 100))
    b.add()
    b.add(str(opts.get("heading", rng.choice(HEADINGS_EN))))
    if rng.random() < 0.5:
        b.add()
    width = rng.choice([0, 0, 70, 90])
    indent = rng.choice(["", "   ", "    "])
    blank = rng.random() < 0.25
    truth = []
    for number, ref in enumerate(refs, 1):
        lines = entry_lines(ref, width, rng, 0.2)
        b.extend(numbered_entry(label_for(style if style != "own_line" else "bracket", number), lines, style, indent))
        if blank:
            b.add()
        truth.append(ref.text)
    return b, truth


def numbered(style: str, **opts: object) -> Layout:
    def make(pool: Pool, rng: random.Random) -> tuple[Builder, list[str], str, str]:
        b, truth = _simple_numbered(style, pool, rng, **opts)
        return b, truth, ".txt", "\n"

    return make


def odd_numbering(pool: Pool, rng: random.Random) -> tuple[Builder, list[str], str, str]:
    count = rng.randint(12, 30)
    refs = pick(pool, rng, count, 0.3)
    kind = rng.choice(["gap", "repeat", "past999", "descending"])
    numbers = list(range(1, count + 1))
    if kind == "gap":
        at = rng.randint(2, count - 2)
        numbers = numbers[:at] + [n + rng.randint(1, 3) for n in numbers[at:]]
    elif kind == "repeat":
        at = rng.randint(2, count - 2)
        numbers[at] = numbers[at - 1]
    elif kind == "past999":
        start = rng.choice([990, 995, 9995])
        numbers = list(range(start, start + count))
    else:
        numbers.reverse()
    style = rng.choice(["dot", "bracket", "bare", "paren"])
    b = Builder()
    front(b, rng, count, "bracket", rng.randint(60, 100))
    b.add()
    b.add(rng.choice(HEADINGS_EN))
    width = rng.choice([0, 80])
    truth = []
    for number, ref in zip(numbers, refs, strict=True):
        b.extend(numbered_entry(label_for(style, number), entry_lines(ref, width, rng, 0.1), style, ""))
        truth.append(ref.text)
    return b, truth, ".txt", "\n"


def author_year(pool: Pool, rng: random.Random) -> tuple[Builder, list[str], str, str]:
    """Unnumbered: hanging indents, blank lines between entries, or one a line; sorted by text."""
    count = rng.randint(8, 30)
    refs = sorted(pick(pool, rng, count, 0.0), key=lambda r: r.text.casefold())
    form = rng.choice(["hanging", "blank", "one_a_line", "hanging_tab"])
    b = Builder()
    front(b, rng, count, "year", rng.randint(60, 100))
    b.add()
    b.add(rng.choice(HEADINGS_EN))
    width = rng.randint(60, 100)
    truth = []
    for ref in refs:
        if form == "one_a_line":
            b.add(ref.text)
        else:
            lines = entry_lines(ref, width, rng, 0.15)
            indent = {"hanging": rng.choice(["    ", "  ", "     "]), "hanging_tab": "\t", "blank": ""}[form]
            b.extend([lines[0]] + [indent + line for line in lines[1:]])
            if form == "blank":
                b.add()
        truth.append(ref.text)
    return b, truth, ".txt", "\n"


def number_like_starts(pool: Pool, rng: random.Random) -> tuple[Builder, list[str], str, str]:
    """Lists (numbered or author-year) where some entries open with ``3M``, ``1000 Genomes``..."""
    count = rng.randint(8, 24)
    refs = [number_like(r, rng) if rng.random() < 0.35 else r for r in pick(pool, rng, count, 0.0)]
    b = Builder()
    front(b, rng, count, "year", rng.randint(60, 100))
    b.add()
    b.add(rng.choice(HEADINGS_EN))
    numbered_list = rng.random() < 0.5
    if not numbered_list:
        refs.sort(key=lambda r: r.text.casefold())
    width = rng.choice([0, 75, 95])
    indent = rng.choice(["", "    "]) if not numbered_list else rng.choice(["", "   "])
    truth = []
    for number, ref in enumerate(refs, 1):
        lines = entry_lines(ref, width, rng, 0.0)
        if numbered_list:
            b.extend(numbered_entry(f"{number}.", lines, "dot", indent))
        else:
            b.extend([lines[0]] + [indent + line for line in lines[1:]])
        truth.append(ref.text)
    return b, truth, ".txt", "\n"


def pdf_pages(
    b: Builder,
    rng: random.Random,
    entries: list[list[str]],
    page_lines: int,
    journal: str,
    two_columns: bool,
    start_page: int,
    continued: str | None = None,
) -> None:
    """Entries as PDF text: a page's foot and the next page's head wherever a page ends (inside an
    entry too); with two columns, a column ends with nothing between it and the next one."""
    author = rng.choice(SURNAMES)
    page = start_page
    used = len(b.lines) % page_lines
    column = 0
    pages = start_page + 3 + len(entries) // 8
    for lines in entries:
        for line in lines:
            if used >= page_lines:
                used = 0
                if two_columns and column == 0:
                    column = 1
                    if rng.random() < 0.3:
                        b.add()
                else:
                    column = 0
                    for foot in page_foot(rng, page, pages, journal):
                        b.furniture(foot)
                    page += 1
                    for head in page_head(rng, page, journal, author):
                        b.furniture(head)
                    if continued:
                        b.furniture(continued)
            b.add(line)
            used += 1


def pdf_text(pool: Pool, rng: random.Random, two_columns: bool) -> tuple[Builder, list[str], str, str]:
    count = rng.randint(15, 40)
    refs = pick(pool, rng, count, 0.8)
    journal = rng.choice(JOURNALS)
    b = Builder()
    width = rng.randint(40, 60) if two_columns else rng.randint(70, 100)
    front(b, rng, count, rng.choice(["bracket", "glued", "sup"]), width)
    b.add(rng.choice(HEADINGS_EN))
    style = rng.choice(["dot", "bare", "bracket", "glued"])
    entries = []
    truth = []
    for number, ref in enumerate(refs, 1):
        lines = entry_lines(ref, width - 4, rng, 0.3)
        entries.append(numbered_entry(label_for(style, number), lines, style, ""))
        truth.append(ref.text)
    pdf_pages(b, rng, entries, rng.randint(12, 30), journal, two_columns, rng.randint(3, 12))
    if rng.random() < 0.5:
        trailers(b, rng, rng.randint(1, 3))
    return b, truth, ".txt", "\n"


def line_numbers(pool: Pool, rng: random.Random) -> tuple[Builder, list[str], str, str]:
    """A submitted manuscript: every line numbered in the margin, the list numbered or not."""
    count = rng.randint(8, 25)
    refs = pick(pool, rng, count, 0.0)
    b = Builder()
    front(b, rng, count, "bracket", rng.randint(60, 90))
    b.add()
    b.add(rng.choice(HEADINGS_EN))
    numbered_list = rng.random() < 0.6
    if not numbered_list:
        refs.sort(key=lambda r: r.text.casefold())
    width = rng.randint(60, 90)
    truth = []
    for number, ref in enumerate(refs, 1):
        lines = entry_lines(ref, width, rng, 0.0)
        if numbered_list:
            b.extend(numbered_entry(f"{number}.", lines, "dot", ""))
        else:
            b.extend(lines)
            b.add()
        truth.append(ref.text)
    b.number_margin(rng, rng.choice([1, 1, 120, 300]))
    return b, truth, ".txt", "\n"


def late_start(pool: Pool, rng: random.Random) -> tuple[Builder, list[str], str, str]:
    """The tail of an earlier article's list atop the page, then an article and its own list."""
    tail_first = rng.randint(6, 30)
    tail_count = rng.randint(3, 12)
    count = rng.randint(6, 20)
    tail_refs = pick(pool, rng, tail_count, 0.6)
    refs = pick(pool, rng, count, 0.6)
    journal = rng.choice(JOURNALS)
    b = Builder()
    b.furniture(f"{rng.choice(SURNAMES)} et al.")
    style = rng.choice(["dot", "bare", "bracket"])
    width = rng.randint(70, 100)
    truth = []
    for number, ref in enumerate(tail_refs, tail_first):
        b.extend(numbered_entry(label_for(style, number), entry_lines(ref, width, rng, 0.2), style, ""))
        truth.append(ref.text)
    b.add()
    if rng.random() < 0.5:
        b.add(f"Received {rng.randint(1, 28)} June 2021; accepted {rng.randint(1, 28)} August 2021.")
    front(b, rng, count, rng.choice(["glued", "bracket"]), width)
    b.add(rng.choice(HEADINGS_EN))
    entries = []
    for number, ref in enumerate(refs, 1):
        entries.append(numbered_entry(label_for(style, number), entry_lines(ref, width, rng, 0.2), style, ""))
        truth.append(ref.text)
    pdf_pages(b, rng, entries, rng.randint(15, 30), journal, False, rng.randint(2, 900))
    return b, truth, ".txt", "\n"


def several_lists(pool: Pool, rng: random.Random) -> tuple[Builder, list[str], str, str]:
    """A main list, then supplementary references numbered from 1 (or S1) again."""
    count = rng.randint(6, 20)
    second = rng.randint(3, 10)
    refs = pick(pool, rng, count + second, 0.3)
    b = Builder()
    front(b, rng, count, "bracket", rng.randint(60, 100))
    b.add(rng.choice(HEADINGS_EN))
    style = rng.choice(["dot", "bracket"])
    width = rng.choice([0, 85])
    truth = []
    b.labels = []
    for number, ref in enumerate(refs[:count], 1):
        b.extend(numbered_entry(label_for(style, number), entry_lines(ref, width, rng, 0.1), style, ""))
        truth.append(ref.text)
        b.labels.append(label_for(style, number))
    b.add()
    b.add(rng.choice(["Supplementary References", "References for the Supplementary Appendix", "Supplementary material"]))
    b.extend(wrap_prose(paragraph(rng, 2), 90, rng))
    b.add()
    b.add(rng.choice(["Supplementary references", "References cited in the supplement"]))
    prefix = rng.choice(["S", ""])
    for number, ref in enumerate(refs[count:], 1):
        label = f"{prefix}{number}."
        b.extend(numbered_entry(label, entry_lines(ref, width, rng, 0.1), "dot", ""))
        truth.append(ref.text)
        b.labels.append(label)
    return b, truth, ".txt", "\n"


def after_list(pool: Pool, rng: random.Random) -> tuple[Builder, list[str], str, str]:
    """A list followed by supplementary material, legends, a table, contributions, funding."""
    b, truth = _simple_numbered(rng.choice(["dot", "bracket", "bare"]), pool, rng)
    if rng.random() < 0.3:  # or an author-year list
        b2, truth2, _, _ = author_year(pool, rng)
        b, truth = b2, truth2
    trailers(b, rng, rng.randint(2, 5))
    return b, truth, ".txt", "\n"


def languages(pool: Pool, rng: random.Random) -> tuple[Builder, list[str], str, str]:
    """Headings in other languages and bodies mixing languages with English references."""
    lang = rng.choice(sorted(HEADINGS_OTHER))
    count = rng.randint(8, 25)
    refs = pick(pool, rng, count, 0.3)
    b = Builder()
    front(b, rng, count, rng.choice(["bracket", "year"]), rng.randint(60, 100), lang)
    b.add()
    b.add(rng.choice(HEADINGS_OTHER[lang]))
    style = rng.choice(["dot", "bracket", "none"])
    if style == "none":
        refs.sort(key=lambda r: r.text.casefold())
    width = rng.choice([0, 80])
    truth = []
    for number, ref in enumerate(refs, 1):
        lines = entry_lines(ref, width, rng, 0.1)
        if style == "none":
            b.extend([lines[0]] + ["    " + line for line in lines[1:]])
        else:
            b.extend(numbered_entry(label_for(style, number), lines, style, "   "))
        truth.append(ref.text)
    if rng.random() < 0.5:
        b.add()
        b.add({"fr": "Remerciements", "de": "Danksagung", "es": "Agradecimientos", "zh": "致谢"}[lang])
        b.add(FOREIGN[lang][1])
    return b, truth, ".txt", "\n"


def windows(pool: Pool, rng: random.Random) -> tuple[Builder, list[str], str, str]:
    """Windows line endings, a tab after the number, tabs before continuation lines."""
    count = rng.randint(8, 25)
    refs = pick(pool, rng, count, 0.3)
    b = Builder()
    front(b, rng, count, "bracket", rng.randint(60, 100))
    b.add()
    b.add(rng.choice(HEADINGS_EN))
    style = rng.choice(["dot", "bracket", "bare"])
    width = rng.choice([0, 80])
    truth = []
    for number, ref in enumerate(refs, 1):
        lines = entry_lines(ref, width, rng, 0.1)
        b.extend(numbered_entry(label_for(style, number), lines, style, "\t", tab=True))
        truth.append(ref.text)
    return b, truth, ".txt", "\r\n"


def continued(pool: Pool, rng: random.Random) -> tuple[Builder, list[str], str, str]:
    """A list over pages, each new page under ``References (continued)``."""
    count = rng.randint(20, 40)
    refs = pick(pool, rng, count, 0.5)
    journal = rng.choice(JOURNALS)
    b = Builder()
    width = rng.randint(70, 100)
    front(b, rng, count, "bracket", width)
    heading = rng.choice(["References", "REFERENCES"])
    b.add(heading)
    style = rng.choice(["dot", "bracket", "bare"])
    entries = []
    truth = []
    for number, ref in enumerate(refs, 1):
        entries.append(numbered_entry(label_for(style, number), entry_lines(ref, width, rng, 0.2), style, ""))
        truth.append(ref.text)
    again = rng.choice([f"{heading} (continued)", f"{heading} (cont.)", f"{heading} (Continued)"])
    pdf_pages(b, rng, entries, rng.randint(12, 25), journal, False, rng.randint(2, 20), continued=again)
    return b, truth, ".txt", "\n"


def urls(pool: Pool, rng: random.Random) -> tuple[Builder, list[str], str, str]:
    """References ending in a link, wrapped where a line ends: after ``/`` or at ``-``."""
    count = rng.randint(8, 25)
    refs = [with_url(r, rng) if rng.random() < 0.7 else r for r in pick(pool, rng, count, 0.0)]
    b = Builder()
    front(b, rng, count, "bracket", rng.randint(60, 100))
    b.add()
    b.add(rng.choice(HEADINGS_EN))
    style = rng.choice(["dot", "bracket", "none"])
    if style == "none":
        refs.sort(key=lambda r: r.text.casefold())
    width = rng.randint(55, 90)
    truth = []
    for number, ref in enumerate(refs, 1):
        lines = wrap_words(ref.text, width, rng, 0.0)
        if style == "none":
            b.extend([lines[0]] + ["   " + line for line in lines[1:]])
        else:
            b.extend(numbered_entry(label_for(style, number), lines, style, ""))
        truth.append(ref.text)
    return b, truth, ".txt", "\n"


def own_line_numbers(pool: Pool, rng: random.Random) -> tuple[Builder, list[str], str, str]:
    """``[1]`` (or ``1.``) alone on the line above its entry, as some PDFs extract."""
    count = rng.randint(8, 25)
    refs = pick(pool, rng, count, 0.5)
    b = Builder()
    front(b, rng, count, "bracket", rng.randint(60, 100))
    b.add()
    b.add(rng.choice(HEADINGS_EN))
    form = rng.choice(["bracket", "dot", "bare"])
    width = rng.choice([0, 80])
    truth = []
    for number, ref in enumerate(refs, 1):
        b.add(label_for(form, number))
        b.extend(entry_lines(ref, width, rng, 0.1))
        truth.append(ref.text)
    return b, truth, ".txt", "\n"


def superscripts(pool: Pool, rng: random.Random) -> tuple[Builder, list[str], str, str]:
    """Vancouver: superscript numbers in the body (Unicode, or glued digits as PDFs give them)."""
    kind = rng.choice(["sup", "glued"])
    b, truth = _simple_numbered(rng.choice(["dot", "bare", "glued", "sup"]), pool, rng, cite=kind, pdf_share=0.6)
    return b, truth, ".txt", "\n"


def markdown(pool: Pool, rng: random.Random) -> tuple[Builder, list[str], str, str]:
    count = rng.randint(8, 25)
    refs = pick(pool, rng, count, 0.0)
    b = Builder()
    b.add(f"# {rng.choice(ADJS).capitalize()} {rng.choice(NOUNS)} in VEXAS")
    b.add()
    for _ in range(rng.randint(1, 3)):
        b.add(paragraph(rng, rng.randint(2, 4), citer(rng, count, "bracket")))
        b.add()
    b.add(rng.choice(["## References", "## Bibliography", "**References**", "### Literature cited"]))
    b.add()
    form = rng.choice(["ordered", "ones", "bullets"])
    if form == "bullets":
        refs.sort(key=lambda r: r.text.casefold())
    wrap = rng.random() < 0.4
    bullet = rng.choice(["-", "*"])
    truth = []
    for number, ref in enumerate(refs, 1):
        label = {"ordered": f"{number}.", "ones": "1.", "bullets": bullet}[form]
        lines = wrap_words(ref.text, 80, rng, 0.0) if wrap else [ref.text]
        b.extend([f"{label} {lines[0]}"] + ["   " + line for line in lines[1:]])
        truth.append(ref.text)
    if rng.random() < 0.5:
        b.add()
        b.add("## Funding")
        b.add(TRAILERS[4][1](rng)[0])
    return b, truth, ".md", "\n"


LAYOUTS: dict[str, Layout] = {
    "numbered_dot": numbered("dot"),
    "numbered_paren": numbered("paren"),
    "numbered_bracket": numbered("bracket"),
    "numbered_round": numbered("round"),
    "numbered_bare": numbered("bare"),
    "numbered_glued": numbered("glued", pdf_share=0.6),
    "number_own_line": own_line_numbers,
    "superscript_body": superscripts,
    "odd_numbering": odd_numbering,
    "author_year": author_year,
    "number_like_start": number_like_starts,
    "pdf_one_column": lambda pool, rng: pdf_text(pool, rng, False),
    "pdf_two_column": lambda pool, rng: pdf_text(pool, rng, True),
    "line_numbers": line_numbers,
    "late_start": late_start,
    "several_lists": several_lists,
    "after_list": after_list,
    "languages": languages,
    "windows_tabs": windows,
    "continued_heading": continued,
    "wrapped_urls": urls,
    "markdown": markdown,
}


def layout_group(layout: str) -> str:
    return layout


def build(pool: Pool, layout: str, rng: random.Random, name: str) -> Document:
    builder, truth, suffix, newline = LAYOUTS[layout](pool, rng)
    text, clean = builder.render(newline)
    return Document(name, layout, suffix, text, truth, clean, builder.labels)


def generate(
    pool: Pool, seed: int, per_layout: int, layouts: Sequence[str] | None = None
) -> Iterator[Document]:
    """``per_layout`` documents of each layout, the same for the same pool, seed and layouts."""
    if seed < FIRST_SEED:
        raise ValueError(f"docgen5 seeds start at {FIRST_SEED}")
    for layout in layouts or sorted(LAYOUTS):
        digest = hashlib.sha256(f"docgen5:{seed}:{layout}".encode()).digest()
        rng = random.Random(int.from_bytes(digest[:8], "big"))
        for index in range(per_layout):
            yield build(pool, layout, rng, f"g5-{seed}-{layout}-{index}")
