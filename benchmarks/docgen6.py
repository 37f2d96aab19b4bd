"""A sixth, blind generator of whole documents around the eval reference strings, each with its truth.

Written from issue 11 alone, apart from the list finder and the other five generators, as a hostile but
realistic examiner would draw documents, and aimed at combinations: a bare ``1 `` list whose numbers pass 999
with a gap and page furniture inside an entry (even between an entry's number and its text); a descending list
wrapped as PDF text; author-year lists with hanging indents whose continuation lines open with a capitalised
name or a year; blank-line-separated entries holding a blank line of their own; one reference a line with some
very short lines (``Ibid.``, ``Anonymous. Lancet 2020;395:1.``); Unicode superscript labels (``¹ ² ³``); a list
starting late under the tail of the previous article's list; two lists in one document (main text and
supplement, or two articles); lists followed by figure legends, tab-separated tables, acknowledgements, author
contributions and conflicts of interest; running heads and feet of many journals wherever a page breaks;
headings in many languages; Windows line endings, non-breaking spaces and tabs after labels.

Strings come from every eval source: the glutton strings keep their PDF line breaks and hyphenation; the others
are one line, wrapped here (with end-of-line hyphenation) where a layout is PDF text. Strings are split into
train and test halves by ``sha256("docgen6:" + letters and digits)``: an even first byte is train. Seeds start
at 600. ``Document.clean`` is the text without the furniture put in; each entry's letters and digits stand in it
in order.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIRST_SEED = 600

#: The flat sources (one line each) and the glutton set (PDF line breaks kept).
FLAT_SOURCES = (
    "plos_jats",
    "anystyle_core",
    "anystyle_gold",
    "anystyle_good",
    "anystyle_bad",
    "anystyle_ugly",
    "grobid_citation",
    "cora_parscit",
    "crossref_real_2k",
    "crossref_existing_1k",
)
PDF_SOURCE = "glutton_pmc1943_doi"


def shared_dir(given: str | None = None) -> Path:
    """The folder holding ``eval/``: given, ``$VEXASCITE_SHARED``, or beside the project."""
    if given:
        return Path(given)
    return Path(os.environ.get("VEXASCITE_SHARED", ROOT.parent / "shared"))


def letters(text: str) -> str:
    """Letters and digits, NFKC and case folded (how entries are compared)."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


def part_of(text: str) -> str:
    """``train`` or ``test``: this generator's own split of a string, by a hash of its letters and digits."""
    digest = hashlib.sha256(("docgen6:" + letters(text)).encode("utf-8")).digest()
    return "train" if digest[0] % 2 == 0 else "test"


@dataclass(slots=True)
class Pool:
    """One half's strings: flat (one line), PDF (glutton, line breaks kept) and short ones."""

    flat: list[str] = field(default_factory=list)
    pdf: list[str] = field(default_factory=list)
    short: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.flat) + len(self.pdf) + len(self.short)


@dataclass(slots=True)
class Document:
    name: str
    layout: str
    text: str
    clean: str
    truth: list[str]
    labels: list[str]
    suffix: str = ".txt"


#: A string opening with something a list label could be (left out: it would make its own truth unclear).
_OPENS_LABEL = re.compile(r"^\s*(?:[\[(]?\s*\d|[-*•·]|[¹²³⁰-⁹])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")


#: Words a family name may open with in lower case; other strings opening in lower case are pieces of a reference
#: the source's segmenter cut in two (``surveys, 1960 to 1991. ...``), which no reader could tell from the rest.
_PARTICLES = {"van", "von", "de", "da", "del", "della", "der", "den", "di", "du", "dos", "das", "la", "le", "ten", "ter", "zu", "al", "el", "bin", "ibn"}


def _usable(raw: str) -> bool:
    first = raw.split(maxsplit=1)[0] if raw.split() else ""
    return (
        bool(raw.strip())
        and (not first[:1].islower() or first.rstrip(",.").lower() in _PARTICLES)
        and raw == raw.strip()
        and not _OPENS_LABEL.match(raw)
        and not _CONTROL.search(raw.replace("\n", " "))
        and "\t" not in raw
        and "\n\n" not in raw
        and re.search(r"(?:1[6-9]|20)\d\d", raw) is not None
    )


def load_pool(part: str, shared: Path) -> Pool:
    """The strings of one half (``train`` or ``test``), de-duplicated on letters and digits."""
    if part not in ("train", "test"):
        raise ValueError(part)
    pool = Pool()
    seen: set[str] = set()
    for name in (*FLAT_SOURCES, PDF_SOURCE):
        with (shared / "eval" / f"{name}.jsonl").open(encoding="utf-8") as handle:
            for line in handle:
                raw = json.loads(line).get("raw") or ""
                k = letters(raw)
                if k in seen or not _usable(raw) or part_of(raw) != part:
                    continue
                seen.add(k)
                if name == PDF_SOURCE:
                    if "\n" in raw and 60 <= len(raw) <= 600:
                        pool.pdf.append(raw)
                elif "\n" not in raw:
                    if 15 <= len(k) <= 40:
                        pool.short.append(raw)
                    elif 40 < len(raw) <= 400:
                        pool.flat.append(raw)
    return pool


# ---------------------------------------------------------------- furniture, headings and prose

JOURNAL_FURNITURE = (
    ["Downloaded from https://academic.oup.com/cid/article/73/5/e1234/6123456 by guest on 12 March 2024"],
    ["Author Manuscript"],
    ["Author manuscript; available in PMC 2021 May 01."],
    ["HHS Public Access"],
    ["Europe PMC Funders Group"],
    ["Blood. 2023;142(3):244-259"],
    ["J Clin Invest. 2021;131(4):e140123   https://doi.org/10.1172/JCI140123"],
    ["NATURE COMMUNICATIONS | (2022) 13:4567 | https://doi.org/10.1038/s41467-022-31234-5 | www.nature.com/naturecommunications"],
    ["Page {page} of {pages}"],
    ["{page}"],
    ["www.thelancet.com/rheumatology   Vol 5   March 2023", "{page}"],
    ["© 2021 Elsevier Inc. All rights reserved."],
    ["This article is protected by copyright. All rights reserved."],
    ["bioRxiv preprint doi: https://doi.org/10.1101/2020.03.01.123456; this version posted March 3, 2020. The copyright holder for this preprint (which was not certified by peer review) is the author/funder."],
    ["Arthritis & Rheumatology Vol. 75, No. 4, April 2023, pp 612–620"],
    ["n engl j med 383;26   nejm.org   December 24, 2020", "{page}"],
    ["BRIEF REPORT"],
    ["KÖTTER ET AL."],
    ["{page}   |   wileyonlinelibrary.com/journal/ajh", "Am J Hematol. 2021;96:1234–1245."],
    ["Rheumatology 2022;61:3500–3510"],
    ["Ann Rheum Dis: first published as 10.1136/annrheumdis-2020-218123 on 5 May 2021. Downloaded from http://ard.bmj.com/ on May 12, 2024 by guest. Protected by copyright."],
    ["Vol.:(0123456789)"],
    ["Frontiers in Immunology | www.frontiersin.org", "{page}", "March 2021 | Volume 12 | Article 634567"],
    ["PLOS ONE | https://doi.org/10.1371/journal.pone.0245678   January 21, 2021", "{page} / 18"],
    ["Seite {page} von {pages}"],
    ["Accepted Article"],
    ["medRxiv preprint doi: https://doi.org/10.1101/2021.02.11.21251234; this version posted February 14, 2021. It is made available under a CC-BY-NC-ND 4.0 International license."],
    ["S{page}"],
    ["e{page}0"],
    ["Clinical Infectious Diseases®  2021;73(5):e1234–45"],
    ["J. Phys. Chem. B 2019, 123, 4567−4578"],
    ["Copyright © 2020 by the American Society of Hematology"],
)

HEADINGS = ("References", "REFERENCES", "Reference", "Bibliography", "Literature Cited", "References and Notes", "Works Cited", "Cited literature")

FOREIGN = {
    "de": (("Literatur", "Literaturverzeichnis", "LITERATUR"), "Die Behandlung mit JAK-Inhibitoren führte bei den meisten Patienten zu einer Besserung {c}. Die Ergebnisse stimmen mit früheren Studien überein {c}."),
    "fr": (("Références", "Bibliographie", "RÉFÉRENCES BIBLIOGRAPHIQUES"), "Le traitement par ruxolitinib a permis une rémission chez la plupart des patients {c}. Ces résultats confirment les données antérieures {c}."),
    "es": (("Referencias", "Bibliografía", "REFERENCIAS BIBLIOGRÁFICAS"), "El tratamiento con inhibidores de JAK mejoró los síntomas en la mayoría de los pacientes {c}. Estos hallazgos coinciden con estudios previos {c}."),
    "it": (("Bibliografia", "Riferimenti bibliografici"), "Il trattamento con tocilizumab ha ridotto la dose di steroidi {c}. Questi dati confermano studi precedenti {c}."),
    "pt": (("Referências", "Referências bibliográficas"), "O tratamento com azacitidina levou à remissão em metade dos doentes {c}. Estes resultados concordam com estudos anteriores {c}."),
    "nl": (("Literatuur", "Referenties"), "Behandeling met JAK-remmers gaf bij de meeste patiënten verbetering {c}. Dit komt overeen met eerder onderzoek {c}."),
    "pl": (("Piśmiennictwo", "Bibliografia"), "Leczenie inhibitorami JAK przyniosło poprawę u większości chorych {c}. Wyniki są zgodne z wcześniejszymi badaniami {c}."),
    "ru": (("Список литературы", "Литература"), "Лечение ингибиторами JAK привело к улучшению у большинства пациентов {c}. Эти данные согласуются с предыдущими исследованиями {c}."),
    "zh": (("参考文献",), "JAK抑制剂治疗使大多数患者症状改善 {c}。这些结果与既往研究一致 {c}。"),
    "ja": (("文献", "参考文献"), "JAK阻害薬による治療で多くの患者が改善した {c}。これは既報と一致する {c}。"),
    "tr": (("Kaynaklar", "KAYNAKLAR"), "JAK inhibitörleri ile tedavi hastaların çoğunda iyileşme sağladı {c}. Bulgular önceki çalışmalarla uyumludur {c}."),
    "sv": (("Referenser", "Litteratur"), "Behandling med JAK-hämmare gav förbättring hos de flesta patienter {c}. Resultaten stämmer med tidigare studier {c}."),
    "el": (("Βιβλιογραφία",), "Η θεραπεία με αναστολείς JAK βελτίωσε τους περισσότερους ασθενείς {c}. Τα ευρήματα συμφωνούν με προηγούμενες μελέτες {c}."),
}

PROSE = (
    "VEXAS syndrome is an adult-onset autoinflammatory disease caused by somatic UBA1 mutations in haematopoietic progenitor cells {c}.",
    "Glucocorticoids control inflammation in most patients, but the doses needed are often too high to keep for long {c}.",
    "Janus kinase inhibitors, and ruxolitinib in particular, gave the most frequent responses in a retrospective French series {c}.",
    "Tocilizumab was better tolerated than anakinra, whose injection-site reactions were frequent and sometimes severe {c}.",
    "Azacitidine reduced the clone size in patients with an associated myelodysplastic syndrome {c}.",
    "Allogeneic stem cell transplantation remains the only treatment that can cure the disease {c}.",
    "Chondritis, neutrophilic dermatosis and pulmonary infiltrates were the most common signs at diagnosis {c}.",
    "Thromboembolic events occurred in a third of the patients during follow-up {c}.",
)

BACK_MATTER = {
    "legends": [
        "Figure 1. Overall survival of the 42 patients by treatment group. (A) Ruxolitinib; (B) tocilizumab. Tick marks show censored patients.",
        "Figure 2 Relapse-free survival after the first JAK inhibitor, 2018–2023 (n = 31).",
    ],
    "table": [
        "Table 1. Baseline characteristics of the patients",
        "Characteristic\tRuxolitinib (n = 12)\tTocilizumab (n = 9)",
        "Age, years, median (IQR)\t71 (65–78)\t69 (60–74)",
        "Male sex, n (%)\t11 (92)\t9 (100)",
        "UBA1 p.Met41Thr, n (%)\t7 (58)\t5 (56)",
        "CRP, mg/L\t84 (40–131)\t66 (31–102)",
    ],
    "acknowledgements": [
        "Acknowledgements",
        "We thank the patients and their families, and the French VEXAS group (GFEV) for data collection. M.H. was supported by a grant from the Fondation pour la Recherche Médicale (2021).",
    ],
    "contributions": [
        "Author contributions",
        "A.B. and C.D. designed the study; E.F., G.H. and I.J. collected the data; K.L. analysed it; all authors wrote and approved the manuscript.",
    ],
    "conflicts": [
        "Conflict of interest",
        "The authors declare no competing financial interests. O.K. has received consulting fees from Novartis and Sobi (2020–2022).",
    ],
    "funding": [
        "Funding",
        "This work was supported by the National Institutes of Health (grant R01 AI123456) and the Deutsche Forschungsgemeinschaft (project 390874280).",
    ],
    "data": [
        "Data availability statement",
        "The data underlying this article will be shared on reasonable request to the corresponding author.",
    ],
}

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
SHORT_JOURNALS = ("Lancet", "BMJ", "JAMA", "Nature", "Blood", "Science")


# ---------------------------------------------------------------- building blocks


@dataclass(slots=True)
class Line:
    text: str
    furniture: bool = False
    #: Page furniture may not be put right before this line (a blank line's inside, a table row).
    keep: bool = False


def wrap(text: str, rng: random.Random, width: int, hyphens: float = 0.3) -> list[str]:
    """A one-line string wrapped as PDF text at about ``width`` characters, some long words hyphenated at
    the line's end (``Endo-`` / ``scopic``)."""
    words = text.split(" ")
    lines: list[str] = []
    current = ""
    for word in words:
        if not current:
            current = word
            continue
        if len(current) + 1 + len(word) <= width:
            current += " " + word
            continue
        if len(word) >= 8 and word.isalpha() and rng.random() < hyphens:
            cut = rng.randint(3, len(word) - 3)
            lines.append(current + " " + word[:cut] + "-")
            current = word[cut:]
            continue
        lines.append(current)
        current = word
    if current:
        lines.append(current)
    return lines


def pdf_lines(text: str, rng: random.Random, width: int) -> list[str]:
    """An entry's lines as PDF text: a glutton string's own lines, or a flat one wrapped."""
    if "\n" in text:
        return text.split("\n")
    return wrap(text, rng, width)


class Pages:
    """One document's page furniture: one to three journals' heads and feet (or a repository's notices),
    drawn once per document and repeated at every page break, the page number going up."""

    def __init__(self, rng: random.Random, first_page: int) -> None:
        self.rng = rng
        self.page = first_page
        self.total = first_page + rng.randint(8, 30)
        self.kinds = rng.sample(JOURNAL_FURNITURE, rng.randint(1, 3))
        self.blank = rng.random() < 0.3

    def block(self) -> list[Line]:
        """A page break: the foot of one page and the head of the next."""
        out: list[Line] = []
        for kind in self.kinds:
            for text in kind:
                out.append(Line(text.format(page=self.page, pages=self.total), furniture=True))
        if self.blank:
            out.insert(self.rng.randint(0, len(out)), Line("", furniture=True))
        self.page += 1
        return out


#: Where a layout wants a page break of its own (between an entry's label and its text): made a page's furniture by
#: ``with_page_breaks``, so the pages are numbered in order.
PAGE_BREAK = Line("", furniture=True, keep=True)


def with_page_breaks(lines: list[Line], rng: random.Random, every: tuple[int, int], pages: Pages) -> list[Line]:
    """Page furniture put in every so many lines, wherever that falls (inside entries too)."""
    out: list[Line] = []
    countdown = rng.randint(*every)
    for index, line in enumerate(lines):
        if line is PAGE_BREAK:
            out.extend(pages.block())
            countdown = rng.randint(*every)
            continue
        if countdown <= 0 and not line.keep and not any(later is PAGE_BREAK for later in lines[index + 1 : index + 3]):
            out.extend(pages.block())
            countdown = rng.randint(*every)
        out.append(line)
        countdown -= 1
    return out


def prose(rng: random.Random, marks: Sequence[str], sentences: int = 4) -> str:
    chosen = rng.sample(PROSE, min(sentences, len(PROSE)))
    return " ".join(s.format(c=rng.choice(marks)) for s in chosen)


def body(rng: random.Random, marks: Sequence[str], title: str | None = None) -> list[Line]:
    out = [Line(title or rng.choice(("Ruxolitinib in VEXAS syndrome", "Treatment of VEXAS syndrome: a multicentre study", "LETTER TO THE EDITOR"))), Line("")]
    for _ in range(rng.randint(1, 3)):
        out.append(Line(prose(rng, marks)))
        out.append(Line(""))
    return out


def numbered_marks(count: int, start: int = 1) -> list[str]:
    return [f"[{start + i}]" for i in range(min(count, 6))] + [f"[{start}, {start + 1}]"]


def short_entries(pool: Pool, rng: random.Random, count: int) -> list[str]:
    """Very short references: a few from the eval strings, an ``Ibid.`` and an ``Anonymous.``."""
    out = rng.sample(pool.short, min(count, len(pool.short)))
    out.append(rng.choice(("Ibid.", f"Ibid., p. {rng.randint(2, 400)}.", "Id. at 12.")))
    out.append(f"Anonymous. {rng.choice(SHORT_JOURNALS)} {rng.randint(1990, 2023)};{rng.randint(1, 400)}:{rng.randint(1, 999)}.")
    return out


def pick(pool: Pool, rng: random.Random, count: int, pdf_share: float, avoid: set[str] | None = None) -> list[str]:
    """``count`` strings distinct by letters and digits from each other and from ``avoid`` (keys of
    strings already in the document), about ``pdf_share`` of them glutton strings with their line
    breaks. A string that repeats one (the same reference in two sets, or in a list's two lists) is
    drawn again: the truth must name each entry once. Without a repeat, the draws are as before."""
    n_pdf = min(len(pool.pdf), round(count * pdf_share))
    chosen = rng.sample(pool.pdf, n_pdf) + rng.sample(pool.flat, count - n_pdf)
    rng.shuffle(chosen)
    seen = set(avoid or ())
    for index, text in enumerate(chosen):
        while letters(text) in seen:
            text = rng.choice(pool.flat)
        chosen[index] = text
        seen.add(letters(text))
    return chosen


def distinct(entries: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for entry in entries:
        k = letters(entry)
        if k and k not in seen:
            seen.add(k)
            out.append(entry)
    return out


@dataclass(slots=True)
class Builder:
    """A document's lines with its truth, built in reading order."""

    lines: list[Line] = field(default_factory=list)
    truth: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)

    def add(self, lines: Sequence[Line]) -> None:
        self.lines.extend(lines)

    def entry(self, label: str, text: str, lines: list[Line]) -> None:
        self.truth.append(text)
        self.labels.append(label)
        self.lines.extend(lines)

    def document(self, name: str, layout: str, crlf: bool = False, suffix: str = ".txt") -> Document:
        text = "\n".join(line.text for line in self.lines) + "\n"
        clean = "\n".join(line.text for line in self.lines if not line.furniture) + "\n"
        if crlf:
            text = text.replace("\n", "\r\n")
            clean = clean.replace("\n", "\r\n")
        return Document(name, layout, text, clean, list(self.truth), list(self.labels), suffix)


def numbered_entry(label: str, sep: str, text: str, rng: random.Random, width: int, indent: str, pdf: bool = True) -> list[Line]:
    rows = pdf_lines(text, rng, width) if pdf else [text]
    return [Line(label + sep + rows[0])] + [Line(indent + row) for row in rows[1:]]


# ---------------------------------------------------------------- layouts


def bare_past_999(pool: Pool, rng: random.Random) -> Builder:
    """Bare ``1 `` labels whose numbers pass 999 (or 9999), with gaps; PDF text with page furniture inside
    entries, once between an entry's number (alone on its line) and its text."""
    b = Builder()
    b.add(body(rng, ["[998]", "[1001]", "[1003-1005]"]))
    b.add([Line(rng.choice(HEADINGS)), Line("")])
    texts = pick(pool, rng, rng.randint(12, 24), 0.6)
    number = rng.choice((992, 995, 9993, 996))
    pages = Pages(rng, 41)
    lone = rng.randrange(len(texts))
    entries: list[Line] = []
    for i, text in enumerate(texts):
        label = str(number)
        if i == lone:
            rows = pdf_lines(text, rng, 80)
            b.truth.append(text)
            b.labels.append(label)
            entries.append(Line(label))
            entries.append(PAGE_BREAK)
            entries.extend(Line(row) for row in rows)
        else:
            entries.extend(numbered_entry(label, " ", text, rng, 80, ""))
            b.truth.append(text)
            b.labels.append(label)
        number += 1 if rng.random() > 0.15 else rng.randint(2, 4)
    b.lines.extend(with_page_breaks(entries, rng, (9, 16), pages))
    return b


def descending_wrapped(pool: Pool, rng: random.Random) -> Builder:
    """A descending numbered list (``12.`` down to ``1.``), wrapped as PDF text, furniture at page breaks."""
    b = Builder()
    b.add(body(rng, ["[3]", "[7]", "[1, 2]"]))
    b.add([Line(rng.choice(HEADINGS)), Line("")])
    texts = pick(pool, rng, rng.randint(8, 22), 0.5)
    sep = rng.choice((". ", ".  ", " "))
    entries: list[Line] = []
    for i, text in enumerate(texts):
        label = str(len(texts) - i) + sep.strip()
        entries.extend(numbered_entry(label, " " if sep != ".  " else "  ", text, rng, rng.choice((70, 90)), rng.choice(("", "   "))))
        b.truth.append(text)
        b.labels.append(label)
    b.lines.extend(with_page_breaks(entries, rng, (10, 18), Pages(rng, 7)))
    return b


_CAPITAL_OR_YEAR = re.compile(r"^(?:[A-ZÀ-Ý][a-zà-ÿ]+,?|\(?(?:19|20)\d\d[a-z]?\)?[.,;:]?)$")


def hang_wrap(text: str, rng: random.Random, width: int) -> list[str]:
    """Wrapped so that continuation lines open, wherever the string allows, with a capitalised word or a year."""
    words = text.split(" ")
    lines: list[str] = []
    current: list[str] = []
    for word in words:
        size = len(" ".join(current))
        if current and size >= width * 0.55 and _CAPITAL_OR_YEAR.match(word) and rng.random() < 0.8:
            lines.append(" ".join(current))
            current = [word]
            continue
        if current and size + 1 + len(word) > width:
            lines.append(" ".join(current))
            current = [word]
            continue
        current.append(word)
    if current:
        lines.append(" ".join(current))
    return lines


def hanging_capital_year(pool: Pool, rng: random.Random) -> Builder:
    """Author-year entries, alphabetical, with hanging indents; continuation lines open with a capitalised
    name or a year; page furniture at page breaks."""
    b = Builder()
    b.add(body(rng, ["(Beck et al. 2020)", "(Georgin-Lavialle 2022)", "(Heiblig 2022; Kötter 2023)"]))
    b.add([Line(rng.choice(HEADINGS)), Line("")])
    texts = sorted(rng.sample(pool.flat, rng.randint(10, 20)), key=str.casefold)
    indent = rng.choice(("    ", "  ", "\t", "     "))
    entries: list[Line] = []
    for text in texts:
        rows = hang_wrap(text, rng, rng.choice((60, 75, 90)))
        entries.append(Line(rows[0]))
        entries.extend(Line(indent + row) for row in rows[1:])
        b.truth.append(text)
        b.labels.append("")
    b.lines.extend(with_page_breaks(entries, rng, (12, 20), Pages(rng, 3)) if rng.random() < 0.6 else entries)
    return b


def blank_inner_blank(pool: Pool, rng: random.Random) -> Builder:
    """Unnumbered entries separated by blank lines; some entries hold a blank line of their own, where a
    line ends mid-sentence and the next opens in lower case."""
    b = Builder()
    b.add(body(rng, ["(Smith 2019)", "(Lee and Park 2021)"]))
    b.add([Line(rng.choice(HEADINGS)), Line("")])
    texts = rng.sample(pool.flat, rng.randint(8, 16))
    for i, text in enumerate(texts):
        rows = wrap(text, rng, rng.choice((60, 80)), hyphens=0.0)
        breakable = [j for j in range(1, len(rows)) if rows[j][:1].islower() and not rows[j - 1].endswith((".", ":"))]
        lines = [Line(rows[0])]
        inner = rng.choice(breakable) if breakable and rng.random() < 0.5 else -1
        for j, row in enumerate(rows[1:], start=1):
            if j == inner:
                lines.append(Line("", keep=True))
            lines.append(Line(row, keep=j == inner))
        b.entry("", text, lines)
        if i < len(texts) - 1:
            b.add([Line("")])
    return b


def one_per_line_short(pool: Pool, rng: random.Random) -> Builder:
    """One reference a line, no labels, some lines very short (``Ibid.``, ``Anonymous. Lancet 2020;395:1.``)."""
    b = Builder()
    if rng.random() < 0.5:
        b.add([Line(rng.choice(HEADINGS))])
        if rng.random() < 0.5:
            b.add([Line("")])
    texts = rng.sample(pool.flat, rng.randint(10, 30)) + short_entries(pool, rng, rng.randint(1, 3))
    rng.shuffle(texts)
    for text in distinct(texts):
        b.entry("", text, [Line(text)])
    return b


def superscript_labels(pool: Pool, rng: random.Random) -> Builder:
    """Unicode superscript numbers as labels (``¹ ² ³ … ¹²``), with a space, a non-breaking space or nothing."""
    b = Builder()
    b.add(body(rng, ["¹", "²,³", "⁴⁻⁶", "⁷"]))
    b.add([Line(rng.choice(HEADINGS)), Line("")])
    texts = pick(pool, rng, rng.randint(8, 24), 0.4)
    sep = rng.choice((" ", "\u00a0", "", "\t"))
    for i, text in enumerate(texts, start=1):
        label = str(i).translate(SUPERSCRIPT)
        b.entry(label, text, numbered_entry(label, sep, text, rng, 85, rng.choice(("", "  "))))
    return b


def late_start(pool: Pool, rng: random.Random) -> Builder:
    """A page opening on the tail of the previous article's list (numbers 17 on), then a new article whose own
    list starts at 1: two lists, both in the truth."""
    b = Builder()
    pages = Pages(rng, 1312)
    b.add(pages.block()[-1:])
    first = rng.randint(6, 31)
    style = rng.choice(("{n}. ", "{n} ", "[{n}] "))
    for n, text in enumerate(pick(pool, rng, rng.randint(3, 9), 0.7), start=first):
        label = style.format(n=n).strip()
        b.entry(label, text, numbered_entry(label, " ", text, rng, 80, ""))
    b.add([Line("")])
    b.add(body(rng, ["1", "2,3", "4-6"], title=rng.choice(("Ruxolitinib for VEXAS syndrome", "CORRESPONDENCE", "Azacitidine in VEXAS: the FRENVEX study"))))
    b.add([Line(rng.choice(HEADINGS))])
    entries: list[Line] = []
    for n, text in enumerate(pick(pool, rng, rng.randint(6, 14), 0.6), start=1):
        label = style.format(n=n).strip()
        entries.extend(numbered_entry(label, " ", text, rng, 80, ""))
        b.truth.append(text)
        b.labels.append(label)
    b.lines.extend(with_page_breaks(entries, rng, (12, 20), pages))
    return b


def two_lists(pool: Pool, rng: random.Random) -> Builder:
    """Two lists kept apart: the main text's and a supplement's (``S1.``), or two articles each numbered from 1."""
    b = Builder()
    supplement = rng.random() < 0.5
    b.add(body(rng, ["[1]", "[2, 3]"]))
    b.add([Line(rng.choice(HEADINGS)), Line("")])
    style = rng.choice(("{n}. ", "[{n}] ", "{n}) "))
    first = pick(pool, rng, rng.randint(5, 14), 0.4)
    for n, text in enumerate(first, start=1):
        label = style.format(n=n).strip()
        b.entry(label, text, numbered_entry(label, " ", text, rng, 85, ""))
    b.add([Line("")])
    if supplement:
        b.add([Line(rng.choice(("Supplementary Material", "Supplementary Appendix", "SUPPLEMENTAL DATA"))), Line(""),
               Line("Supplementary Methods"), Line(prose(rng, ["[S1]", "[S2, S3]"], 2)), Line(""),
               Line(rng.choice(("Supplementary References", "References for the Supplement", "Supplemental References"))), Line("")])
        sstyle = rng.choice(("S{n}. ", "S{n} ", "[S{n}] ", "{n}. "))
    else:
        b.add([Line("")])
        b.add(body(rng, ["(1)", "(2,3)"], title="Tocilizumab in VEXAS: a second report"))
        b.add([Line(rng.choice(HEADINGS)), Line("")])
        sstyle = rng.choice(("{n}. ", "({n}) ", "{n} "))
    for n, text in enumerate(pick(pool, rng, rng.randint(4, 12), 0.4, {letters(t) for t in first}), start=1):
        label = sstyle.format(n=n).strip()
        b.entry(label, text, numbered_entry(label, " ", text, rng, 85, ""))
    return b


def back_matter(pool: Pool, rng: random.Random) -> Builder:
    """A list followed by figure legends, a tab-separated table, acknowledgements, author contributions,
    conflicts of interest, funding or data availability (sometimes with no blank line before)."""
    b = Builder()
    b.add(body(rng, ["[1]", "[2-4]"]))
    b.add([Line(rng.choice(HEADINGS)), Line("")])
    style = rng.choice(("{n}. ", "[{n}] ", "{n} ", ""))
    texts = pick(pool, rng, rng.randint(6, 16), 0.4)
    for n, text in enumerate(texts, start=1):
        label = style.format(n=n).strip()
        if style:
            b.entry(label, text, numbered_entry(label, " ", text, rng, 90, ""))
        else:
            b.entry("", text, [Line(text)])
    kinds = rng.sample(sorted(BACK_MATTER), rng.randint(2, 4))
    for index, kind in enumerate(kinds):
        if index or rng.random() < 0.7:
            b.add([Line("")])
        for row in BACK_MATTER[kind]:
            b.add([Line(row, keep=True)])
    return b


def many_journals_pdf(pool: Pool, rng: random.Random) -> Builder:
    """``[1]`` or ``1.`` lists as PDF text with many journals' heads and feet at every page break, some between
    an entry's label and its text."""
    b = Builder()
    b.add(body(rng, ["[1]", "[2]", "[3-5]"]))
    b.add([Line(rng.choice(HEADINGS))])
    style = rng.choice(("[{n}]", "{n}.", "{n}"))
    entries: list[Line] = []
    texts = pick(pool, rng, rng.randint(12, 26), 0.7)
    cut = set(rng.sample(range(len(texts)), 2))
    pages = Pages(rng, 9)
    for n, text in enumerate(texts, start=1):
        label = style.format(n=n)
        b.truth.append(text)
        b.labels.append(label)
        if n - 1 in cut:
            entries.append(Line(label))
            entries.append(PAGE_BREAK)
            entries.extend(Line(row) for row in pdf_lines(text, rng, 80))
        else:
            entries.extend(numbered_entry(label, " ", text, rng, 80, rng.choice(("", "    "))))
    b.lines.extend(with_page_breaks(entries, rng, (5, 11), pages))
    return b


def foreign_headings(pool: Pool, rng: random.Random) -> Builder:
    """A heading and body in another language, any label form."""
    b = Builder()
    headings, text = FOREIGN[rng.choice(sorted(FOREIGN))]
    style = rng.choice(("{n}. ", "[{n}] ", "({n}) ", "{n}) ", "{n} "))
    b.add([Line("Zusammenfassung" if rng.random() < 0.2 else "Introduction"), Line(text.format(c="[1]")), Line(text.format(c="[2, 3]")), Line("")])
    b.add([Line(rng.choice(headings))])
    if rng.random() < 0.5:
        b.add([Line("")])
    for n, entry in enumerate(pick(pool, rng, rng.randint(6, 18), 0.4), start=1):
        label = style.format(n=n).strip()
        b.entry(label, entry, numbered_entry(label, " ", entry, rng, 85, ""))
    return b


def crlf_nbsp_tabs(pool: Pool, rng: random.Random) -> Builder:
    """Windows line endings, a non-breaking space or a tab after each label, some PDF wrapping."""
    b = Builder()
    b.add(body(rng, ["[1]", "[2]"]))
    b.add([Line(rng.choice(HEADINGS)), Line("")])
    style = rng.choice(("{n}.", "[{n}]", "{n})", "{n}"))
    for n, text in enumerate(pick(pool, rng, rng.randint(8, 20), 0.4), start=1):
        label = style.format(n=n)
        sep = rng.choice(("\u00a0", "\t", " \u00a0", "\u00a0\t"))
        b.entry(label, text, numbered_entry(label, sep, text, rng, 85, rng.choice(("\t", "", "\u00a0\u00a0"))))
    return b


def markdown_parens(pool: Pool, rng: random.Random) -> Builder:
    """Markdown: ``## References`` with ``(1)`` / ``1)`` / ``1.`` entries, a numbering gap and a repeated number."""
    b = Builder()
    b.add([Line("# " + rng.choice(("Ruxolitinib in VEXAS", "Notes on VEXAS"))), Line(""), Line(prose(rng, ["(1)", "(2)"])), Line("")])
    b.add([Line("## " + rng.choice(HEADINGS)), Line("")])
    style = rng.choice(("({n}) ", "{n}) ", "{n}. "))
    n = 1
    texts = pick(pool, rng, rng.randint(8, 18), 0.0)
    repeat = rng.randrange(1, len(texts))
    for i, text in enumerate(texts):
        if i == repeat:
            n -= 1
        label = style.format(n=n).strip()
        b.entry(label, text, [Line(label + " " + text)])
        if rng.random() < 0.4:
            b.add([Line("")])
        n += 1 if rng.random() > 0.1 else 2
    return b


LAYOUTS = {
    "bare_past_999": bare_past_999,
    "descending_wrapped": descending_wrapped,
    "hanging_capital_year": hanging_capital_year,
    "blank_inner_blank": blank_inner_blank,
    "one_per_line_short": one_per_line_short,
    "superscript_labels": superscript_labels,
    "late_start": late_start,
    "two_lists": two_lists,
    "back_matter": back_matter,
    "many_journals_pdf": many_journals_pdf,
    "foreign_headings": foreign_headings,
    "crlf_nbsp_tabs": crlf_nbsp_tabs,
    "markdown_parens": markdown_parens,
}


def layout_group(layout: str) -> str:
    return layout


def generate(pool: Pool, seed: int, docs_per_layout: int, layouts: Sequence[str] | None = None) -> Iterator[Document]:
    """``docs_per_layout`` documents of each layout for ``seed`` (from ``FIRST_SEED`` on), the same every time."""
    if seed < FIRST_SEED:
        raise ValueError(f"docgen6 seeds start at {FIRST_SEED}")
    for layout in layouts or LAYOUTS:
        for index in range(docs_per_layout):
            rng = random.Random(f"docgen6:{seed}:{layout}:{index}")
            built = LAYOUTS[layout](pool, rng)
            # duplicates (by letters) would make the truth unclear: a layout draws distinct strings, but two
            # sources may differ only in punctuation
            keys = [letters(t) for t in built.truth]
            assert len(set(keys)) == len(keys), layout
            crlf = layout == "crlf_nbsp_tabs" or rng.random() < 0.1
            suffix = ".md" if layout == "markdown_parens" else ".txt"
            yield built.document(f"docgen6-{seed}-{layout}-{index}", layout, crlf=crlf, suffix=suffix)
