"""Page furniture in extracted text (pure): running heads and footers that repeat, page
numbers, banners, journal footers and ``DOI`` lines, found wherever they fall, even inside
an entry, so the list reader can set them aside (and numbers alone on a line that are labels,
not page numbers)."""

from __future__ import annotations

import re
from collections import Counter

from ..csl import PARTICLE_WORDS, YEAR
from ..ids import DOI_START
from .labels import BULLET, LABEL, LABEL_ONLY, Label, label_of, label_only
from .shapes import (
    ASKS_FOR_LINK,
    AUTHOR_LIST,
    AUTHOR_START,
    BOUNDARY,
    LINK_TOKEN,
    LOWER_CHARS,
    OPEN_END,
    PAGES_END,
    REF_HEADING,
    SOURCE_END,
    SOURCE_HINT,
    UPPER_CHARS,
    YEAR_TOKEN,
    ends_like_reference,
    indent_of,
    is_stop,
    looks_like_reference,
    looks_strongly_like_reference,
    starts_like_reference,
)

#: An article's DOI footer on a line of its own (an article boundary when blank lines surround it).
DOI_FOOTER = re.compile(r"^\s*(?:DOI|doi)\s*:?\s*10\.\d{4,9}/\S+\s*$")
#: A line holding only a DOI (``DOI 10.1182/...``, ``https://doi.org/10.1182/...``).
DOI_ONLY = re.compile(r"^\s*(?:(?:DOI|doi)\s*:?\s*|https?://(?:dx\.)?doi\.org/)" + DOI_START + r"\S+\s*$")
FURNITURE = re.compile(
    r"^\s*(?:downloaded\s+(?:from|by)\b.{0,200}$|.{0,80}\bauthor\s+manuscripts?\b.{0,120}$|(?:page\s+)?(?!0)\d{1,4}(?:\s+of\s+\d{1,4})?\s*$"
    r"|[-–—]\s*\d{1,4}\s*[-–—]\s*$|this\s+article\s+is\s+protected\s+by\s+copyright|all\s+rights\s+reserved\.?\s*$|for\s+personal\s+use\s+only"
    r"|(?:\d{1,4}\s+)?(?:www\.)[\w-]+(?:\.[\w-]+)+(?:\s+\d{1,4}|\s+vol\.?\s+\d{1,4}\s+[a-z]+\s+\d{4})?\s*$|[^|]{0,100}\s\|\s[^|]{0,100}\s\|\s.{0,100}$|.{0,30}\s\|\s.{0,100}(?:https?://|doi|www\.).{0,80}$|.{0,30}\s\|\s.{0,30}$"
    r"|.{0,80}\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2},\s+)?\d{4}\s+\d{1,4}\s*$"
    # "17   N Engl J Med 377;5 nejm.org December 25, 2020": a page number, the journal's issue and site, the date.
    r"|\d{1,4}\s+.{0,80}(?:\d+\s*;\s*\d+|\b[\w-]+\.(?:org|com|net)\b).{0,40}\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2},\s+)?\d{4}\s*$"
    # "n engl j med 383;26   nejm.org   December 24, 2020": the same with no page number, the issue and the site both there.
    r"|.{0,80}\d+\s*;\s*\d+\s+.{0,40}\b[\w-]+\.(?:org|com|net)\b.{0,40}\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2},\s+)?\d{4}\s*$"
    # "19	Blood	Volume 112", "Blood Volume 112, Number 3	19": a journal's page footer.
    r"|\d{1,4}\s+[A-Z][\w .&-]{1,40}\s+volume\s+\d{1,4}(?:\s*,?\s*(?:number|issue|no\.?)\s*\d{1,4})?\s*$"
    r"|[A-Z][\w .&-]{1,40}\s+volume\s+\d{1,4}(?:\s*,?\s*(?:number|issue|no\.?)\s*\d{1,4})?\s+\d{1,4}\s*$"
    # "BLOOD, 12 MARCH 2020 · VOLUME 135, NUMBER 11": a journal's running head with the issue's date.
    r"|(?:[A-Z][\w .&-]{1,40},?\s+)?\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}\s*[·•|x]?\s*volume\s+\d{1,4}(?:\s*,?\s*(?:number|issue|no\.?)\s*\d{1,4})?\s*$"
    # Publisher notices: "Published by Oxford University Press on behalf of ...", "© 2012 Elsevier Inc. All rights reserved."
    # Licence and preprint notices, PMC banners, article-type banners, "Smith et al. Page 7".
    r"|this\s+is\s+an\s+open[\s-]+access\s+article\b.{0,240}$|the\s+copyright\s+holder\s+for\s+this\s+preprint\b.{0,240}$"
    r"|(?:bio|med)rxiv\s+preprint\s+doi\b.{0,240}$|hhs\s+public\s+access\s*$|europe\s+pmc\s+funders\s+group\s*$|published\s+in\s+final\s+edited\s+form\s+as\s*:?\s*$"
    r"|(?:original|research|review)\s+(?:article|paper|report)\s*$|accepted\s+(?:article|manuscript)\s*$|[^\W\d_][\w'’-]+\s+et\s+al\.?,?\s+page\s+\d{1,4}\s*$"
    # "Smith et al. Clin Exp Immunol (2013) 85:6011": a running head naming the article, its journal and page.
    r"|[^\W\d_][\w'’-]+\s+et\s+al\.?\s+[A-Z][\w .()&'-]{1,60}?\s+\(" + YEAR + r"\)\s+\d{1,4}\s*:\s*[A-Za-z]?\d{1,6}\s*$"
    r"|published\s+by\s.{0,120}\bon\s+behalf\s+of\b.{0,160}$|(?:©|\(c\)|copyright)\s*\d{4}\b.{0,120}\ball\s+rights\s+reserved\.?\s*$"
    # "Ann Rheum Dis: first published as 10.1136/... Downloaded from http://ard.bmj.com/ ... Protected by copyright.":
    # a BMJ journal's margin notice; "Vol.:(0123456789)": Springer's page mark; "12 | wileyonlinelibrary.com/journal/ajh".
    r"|.{0,120}\bfirst\s+published\s+as\s+(?:doi\s*:?\s*)?10\.\d{4,9}/.{0,240}$|.{0,240}\bprotected\s+by\s+copyright\.?\s*$|vol\.?\s*:\s*\(0123456789\)\s*$"
    r"|\d{1,4}\s+\|\s+[\w-]+(?:\.[\w-]+)+/\S*\s*$|[\w-]+(?:\.[\w-]+)+/\S*\s+\|\s+\d{1,4}\s*$"
    # "Seite 4 von 11", "Página 4 de 11", "Page 4 sur 11": a page's number in other languages; "12 / 18" (PLOS).
    r"|(?:seite|página|pagina|page|sida|strona)\s+\d{1,4}\s+(?:von|de|di|sur|av|z)\s+\d{1,4}\s*$|(?!0)\d{1,4}\s+/\s+\d{1,4}\s*$"
    # "S12", "e1234": a supplement's or an online-only article's page number.
    r"|[se](?!0)\d{1,5}\s*$)",
    re.IGNORECASE,
)


def mask_of(line: str) -> str:
    """A line with its numbers masked and case and spaces folded: repeats that differ only in a page number match."""
    return re.sub(r"\d+", "#", " ".join(line.lower().split()))


def lone_number_run(lines: list[str]) -> dict[int, int]:
    """Lines holding only a number that go on in sequence a few lines apart (``4`` / text / ``5`` / text / ``6``):
    a list's bare labels set on lines of their own, not page numbers (pages are tens of lines apart). Index -> number."""
    out: dict[int, int] = {}
    chain: list[tuple[int, int]] = []
    spares: list[tuple[int, int]] = []  # a run's first number, put by for a stray number or two after it (at most 3 kept)
    direction = 0  # the run's step, 1 or -1 (0 until it has one)

    def close() -> None:
        # (Most of them must also sit where labels sit: page numbers a few lines apart fall inside entries.)
        # (And most steps are by one: a numbering's gaps and repeats are few.)
        ones = sum(1 for a, b in zip(chain, chain[1:], strict=False) if abs(b[1] - a[1]) == 1)
        # (Nor do entries of another label form stand between them: "[3]" / foot / "9" / head / text / "[4] ..." /
        # "[5] ..." / "10" holds two entries between "9" and "10", which are pages, not one entry's labels.)
        # (Nor entries of a bare-numbered list far from the run's numbers: "42" / foot / "42" / ... / "10005 Germond DP
        # ..." / ... / "43" are page numbers across entries 10004 to 10007.)
        labelled = sum(
            1 for a, b in zip(chain, chain[1:], strict=False)
            if any(_other_label(lines[i]) or _far_bare_label(lines[i], a[1]) for i in range(a[0] + 1, b[0]))
        )
        if (
            len(chain) >= 3 and sum(_opens_lone_label(lines, index) for index, _ in chain) >= 0.75 * len(chain) and 2 * ones >= len(chain) - 1
            and 2 * labelled < len(chain) - 1
        ):
            out.update(chain)

    for index, line in enumerate(lines):
        stripped = line.strip()
        if not re.fullmatch(r"[0-9]{1,5}", stripped):
            continue  # (ASCII digits only: "¹" alone is a superscript label, read as such elsewhere)
        number = int(stripped)
        if chain and index - chain[-1][0] > 12:
            close()
            chain, spares, direction = [], [], 0
        step = number - chain[-1][1] if chain else 0
        if chain and step in (1, -1) and direction in (0, step):
            chain.append((index, number))
            direction = step
        elif chain and abs(step) in (2, 3) and direction in (0, step // abs(step)) and _opens_lone_label(lines, index) and not (
            len(chain) == 1 and any(abs(number - n) == 1 and index - i <= 12 for i, n in spares)
        ):
            # (Not when a number put by is this one's neighbour: "2015" / "2019" / "2016" runs from 2015, the year between.)
            chain.append((index, number))  # a gap of a number or two where a label sits ("2" / text / "4"): not an end
            direction = step // abs(step)
        elif chain and step == 0 and _opens_lone_label(lines, index):
            chain.append((index, number))  # a number printed twice where a label sits ("2" / text / "2"): numbering is evidence
        elif len(chain) >= 2 and abs(chain[-1][1] - chain[-2][1]) in (2, 3) and number == chain[-2][1] + direction and _opens_lone_label(lines, index):
            # The gap's number was no label: the next label comes after it ("3" / text / "6" / "4": a page number or
            # a wrapped year over the label; left in the run, the label filling the gap, and the run's labels after
            # it, were page numbers and dropped).
            chain[-1] = (index, number)
        elif (first := next((n for n in reversed(spares) if _starts_with(lines, n, index, number)), None)) is not None:
            # ("1" / text / "2018" / "2" / text: a year or a page number between the first two labels, or two, "2018"
            # / "12"; "1" again, or "3" after a gap, where a label sits, too)
            chain, spares, direction = [first, (index, number)], [], (number > first[1]) - (number < first[1])
        elif not chain or len(chain) == 1:
            spares = [*spares[-2:], chain[0]] if chain else spares
            chain, direction = [(index, number)], 0
        # (Another number inside a run, a page number between two labels, leaves the run as it is.)
    close()
    # (Lines printed the same more than once, a running head or foot, are passed over under a lone number as furniture is.)
    repeated = {text for text, count in Counter(line.strip() for line in lines).items() if count >= 2 and text}
    for index in range(len(lines)):
        if index not in out and (lone := _bare_label_between(lines, index, repeated)) is not None:
            out[index] = lone
    return out


def _other_label(line: str) -> bool:
    """Whether a line opens with a label no bare number is (``[4] ...``, ``5. ...``, ``(6)``, ``7)`` or ``[8]`` alone; not
    a year, ``2016.`` closing an entry)."""
    label = label_of(line.strip()) or label_only(line.strip())
    return label is not None and label.style in ("dot", "bracket", "round", "paren") and not re.fullmatch(YEAR, str(label.number))


#: A short name closed by a stop opening a line: an author or a group (``ASH. Aide-soignant ...``), not a sentence.
_SHORT_NAME_OPENING = re.compile(r"[^\W\d_][^.\s]*(?:\s+[^.\s]+){0,3}\.\s+\S")


#: What follows a source's DOI inside its entry: another identifier, a note of access or publication.
_IDENTIFIER_OPENING = re.compile(r"(?:PMID|PMCID|PubMed|doi|DOI|Epub|ISBN|ISSN|arXiv|Available|Accessed|Retrieved|Published|\[|\()", re.IGNORECASE)


def _far_bare_label(line: str, number: int) -> bool:
    """Whether a line opens with a bare label before a word whose number is far from ``number`` (``10005 Germond DP``
    beside a lone ``42``): an entry of a bare-numbered list, which a lone number so far from it does not label."""
    label = label_of(line.strip())
    return label is not None and label.style == "bare" and label.rest[:1].isalpha() and abs(label.number - number) > 25


def _bare_label_between(lines: list[str], index: int, repeated: set[str] | None = None) -> int | None:
    """A number alone on its line between two entries of a bare-numbered list that open with the numbers just before
    and after it (a gap of four at most, either order), an entry's start below it (``1004 Venn J ...`` / ``1005`` /
    ``Author Manuscript`` / ``Lind E ...`` / ``1006 Okafor C ...``): the label of the entry below, set apart from its
    text by a page break, not a page number. Lines with no label and a page's furniture (``41``, ``Page 41 of 56``, ``41 /
    18``) are passed over, and under the list's first or last label lines in ``repeated`` (a running head or foot)."""
    stripped = lines[index].strip()
    if not re.fullmatch(r"[0-9]{1,5}", stripped):
        return None
    number = int(stripped)

    def near(step: int) -> Label | None:
        other, seen = index + step, 0
        while 0 <= other < len(lines) and seen < 12:
            text = lines[other].strip()
            if text and not FURNITURE.match(text):
                seen += 1
                label = label_of(text) or label_only(text)
                if label is not None and abs(label.number - number) <= 5 and (label.style != "bare" or label.rest[:1].isalpha()):
                    return label  # (a year wrapped to a line's start, "(2009) Three-dimensional ...", is passed over)
            other += step
        return None

    above, below = near(-1), near(1)
    if above is None and below is None or any(side is not None and side.style != "bare" for side in (above, below)):
        return None
    if above is None or below is None:
        # The list's first or last entry ("REFERENCES" / "1" / furniture / "Smith J, ..." / "2 Doe A ..."): one step from
        # the label beside it, an author's name opening the text under it (page furniture passed over).
        side = above or below
        assert side is not None
        texts = [t for t in (ln.strip() for ln in lines[index + 1 : index + 12]) if t and not FURNITURE.match(t) and t not in (repeated or ())]
        text = texts[0] if texts else ""
        step = number - side.number if above is not None else side.number - number
        # (Or, under the last label, text with no label that opens with a short name closed by a stop and reads as a
        # reference, whoever wrote it: "1010" / foot / "ASH. Aide-soignant, un métier ..." / "pour personnes âgées.
        # ASH, 12/03/2010, n°2641."; a page's prose opens with a sentence longer than that.)
        last = (
            above is not None and not label_of(text) and not is_stop(text) and bool(_SHORT_NAME_OPENING.match(text))
            and looks_like_reference(" ".join(texts[:2]))
        )
        return number if abs(step) == 1 and (AUTHOR_START.match(text) or last) else None
    rising = 1 <= number - above.number <= 5 and 1 <= below.number - number <= 5
    falling = 1 <= above.number - number <= 5 and 1 <= number - below.number <= 5
    return number if rising or falling else None


def _starts_with(lines: list[str], first: tuple[int, int], index: int, number: int) -> bool:
    """Whether the number at ``index`` goes on from a run's first number put by (``first``): a few lines below,
    the next or the one before, or where a label sits, the same or after a gap of one or two."""
    step = abs(number - first[1])
    return index - first[0] <= 12 and step <= 3 and (step == 1 or _opens_lone_label(lines, index))


def _opens_lone_label(lines: list[str], index: int) -> bool:
    """Whether a number alone on its line sits where a label would: after text that is not left open
    (``The role of`` / ``12``), before text that opens a reference and carries no label of its own."""
    above = next((lines[i].strip() for i in range(index - 1, max(-1, index - 4), -1) if lines[i].strip()), "")
    below = next((lines[i].strip() for i in range(index + 1, min(len(lines), index + 3)) if lines[i].strip()), "")
    if re.fullmatch(r"\(?" + YEAR + r"\)?\.?", below):
        return not above or not OPEN_END.search(above[-12:])  # ("12" / "2019" / "13": an entry that is only its year)
    if DOI_ONLY.match(below):
        return not above or not OPEN_END.search(above[-12:])  # ("12" / "doi:10.5555/..." / "13": an entry that is only its DOI)
    if not below or below[:1].islower() or not starts_like_reference(below) or label_of(below) or LABEL_ONLY.match(below):
        return False
    return not above or not OPEN_END.search(above[-12:])


def furniture_lines(lines: list[str], labels: dict[int, int] | None = None) -> set[int]:
    """Indices of page furniture: known banners and footers, and short lines that repeat (``labels``:
    lines that are a list's labels, never furniture)."""
    labels = labels or {}
    found: set[int] = set()
    masks: dict[str, list[int]] = {}
    pairs: list[int] = []
    notices: list[int] = []
    copyrights: dict[str, list[int]] = {}
    single: list[int] = []  # copyright lines seen once
    words: dict[str, list[int]] = {}  # lines of one word in capitals
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or index in labels:
            continue
        if BOUNDARY.match(stripped) and FURNITURE.match(stripped):
            notices.append(index)  # "© 2012 Elsevier Inc. All rights reserved.": judged below, beside the other furniture
            found.add(index)
            continue
        if BOUNDARY.match(stripped) and re.search(r"[^\W\d_]{3,}", stripped):
            copyrights.setdefault(mask_of(stripped), []).append(index)
        if REF_HEADING.match(stripped) or is_stop(stripped):
            continue
        label = label_of(stripped)
        if label is not None and label.style in ("dot", "bracket", "round", "paren"):
            continue  # a numbered entry is never furniture
        head = RUNNING_HEAD.match(stripped)
        if head and head.group("pair"):
            pairs.append(index)  # "Smith and Jones", or "Storms and Coastal" wrapped from a title: judged below
            continue
        if head or (_CAPS_HEAD.match(stripped) and len(stripped.split()) >= 3) or (_CAPS_HEAD.match(stripped) and _between_entries(lines, index)):
            found.add(index)
            continue
        if FURNITURE.match(stripped):
            if stripped.isdigit() and _previous_open(lines, index):
                continue  # "907-" / "914": the end of a page range, not a page number
            if stripped[:1] in "SsEe" and _after_colon(lines, index):
                continue  # "J Inv Dis 2019;220(Suppl 2):" / "S12": an entry's supplement page, not the page's number
            if _set_in_with_entry(lines, index):
                continue  # "      Malo 6 mai 2011 9": a hanging entry's line, set in as the lines above it
            if stripped[:1] in _OPENING_QUOTES:
                continue  # "“Vexas Registry | Cohorts | Sites”": a title opens so; a page's head or foot never
            if stripped.lower().startswith("www.") and ASKS_FOR_LINK.search(lines[index - 1].rstrip() if index else ""):
                continue  # "... Retrieved from" / "www.inv-index.com": the link the entry asks for, not a journal's site
            found.add(index)
            continue
        if re.fullmatch(r"[A-Z]{4,30}", stripped):
            words.setdefault(stripped, []).append(index)
        elif 6 <= len(stripped) <= 100 and not LABEL.match(stripped):
            masks.setdefault(mask_of(stripped), []).append(index)
    for indices in words.values():
        if len(indices) >= 2:
            found.update(indices)  # "BLOOD" on every page: the journal's running head
    # A journal footer ("J Clin Invest. 2019;129(5):1234-1250") next to other furniture, after a lone label,
    # between blank lines or beside another footer.
    footers = {index for index, line in enumerate(lines) if _FOOTER_SHAPE.match(_footer_text(lines, index))}
    for index in footers:
        if index - 1 in footers or index + 1 in footers:
            found.add(index)
    # (A year that is an entry's own, right under a lone label or ending an entry that states none, "2" /
    # "2019", is no furniture to stand beside: it is judged so below.)
    beside_found = {i for i in found if not (lines[i].strip().isdigit() and (_under_lone_label(lines, i, labels) or _missing_year(lines, i, found, labels)))}
    own_years = found - beside_found
    for index in sorted(footers):
        if index not in found:
            above = next((lines[i].strip() for i in range(index - 1, max(-1, index - 3), -1) if lines[i].strip()), "")
            blank_beside = (index == 0 or not lines[index - 1].strip()) and (index + 1 >= len(lines) or not lines[index + 1].strip())
            if not beside_found - footers and _entry_between_entries(lines, index):
                # (Alone between blank lines, between an entry closed by its source and one that opens with authors, in
                # text with no other page furniture, "Curr Opin Inv Biol 1998, 8:578-586" is an entry of a list set apart
                # by blank lines: text with no page furniture shows no page breaks; under a line left open, "British
                # Journal of", or a year, "van Deenen. 1972.", it is a page's foot all the same.)
                continue
            # (After a lone label, unless the next label follows: "[51]" / "Arch Inv Ophthalmol. 2001; 119: 709-717" /
            # "[52]" is all of entry 51.)
            after_label = bool(LABEL_ONLY.match(above) or (index - 1 in labels and lines[index - 1].strip())) and not _label_below(lines, index, labels)
            if _next_to(beside_found, index) or after_label or blank_beside or _footer_inside(lines, index, labels) or _footer_between(lines, index, above):
                found.add(index)
    # The article's own DOI printed on every page ("DOI: 10.1182/blood.2020004567"): an entry's DOI is not repeated.
    dois: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        if DOI_ONLY.match(line):
            dois.setdefault(" ".join(line.split()), []).append(index)
    for indices in dois.values():
        if len(indices) >= 2 and not _copied_reference(lines, indices, labels):
            found.update(i for i in indices if i not in labels)
    for indices in copyrights.values():
        if len(indices) >= 2:
            # "© 2020 by The American Society of Hematology" on every page: a page's notice, judged below as the others.
            notices.extend(indices)
            found.update(indices)
        else:
            single.extend(indices)
    for mask, indices in masks.items():
        # A running head or footer repeats; a reference's wrapped line rarely does.
        if len(indices) < 2 or len(mask.split()) < 2 or not re.search(r"[^\W\d_]{3,}", mask):
            continue
        if all(_set_in_with_entry(lines, i) or _closes_open_entry(lines, i, found) for i in indices):
            continue  # the last line of entries left open above it ("Symposium on Invented Basins. 2003."), set in with them or before the next label
        first = lines[indices[0]]
        reference_like = _reference_like(first)
        # (A line that reads as a reference is a copy only as all of an entry's text: a journal footer repeats with
        # the same DOI and notice under it on every page.)
        if _copied_reference(lines, indices, labels, whole=reference_like):
            continue  # a wrapped title's middle line in a reference printed twice (two lists citing one work)
        # (An entry's own year under each copy, "Inv Med J." / "2018" printed twice, is no furniture beside them.)
        beside = all(any(o in found and o not in own_years for o in (i - 2, i - 1, i + 1, i + 2)) for i in indices)
        # (A journal's own citation line as its running head, "J Clin Invest. 2021;131(4):e140123" or "Rheumatology
        # 2022;61:3500-3510", the same text on every page, an entry running across it somewhere and no passage of a
        # reference the same around its copies: a reference's line repeats with its passage, a letter's and a reply's.)
        across = (
            len({lines[i].strip() for i in indices}) == 1  # (the same text: "... county. Inv Med. 2005;5:22-30." in two entries differs in its numbers)
            and bool(YEAR_TOKEN.search(first)) and ends_like_reference(first) and any(_inside_entry(lines, i, found) for i in indices)
            and not _copied_reference(lines, indices, labels)
        )
        if not reference_like or beside or across or _block_of_copies(lines, indices):
            found.update(indices)
    # Two names and "and" are a running head when they repeat, stand apart or sit between entries or
    # beside other furniture; inside an entry they are a title's words wrapped to a line.
    repeated: dict[str, list[int]] = {}
    for index in pairs:
        repeated.setdefault(mask_of(lines[index].strip()), []).append(index)
    for index in pairs:
        apart = (index == 0 or not lines[index - 1].strip()) and (index + 1 >= len(lines) or not lines[index + 1].strip())
        copies = repeated[mask_of(lines[index].strip())]
        if (len(copies) > 1 and not _copied_reference(lines, copies, labels)) or apart or _next_to(found, index) or _between_entries(lines, index):
            found.add(index)
    # A page number and a short title ("2   VEXAS and JAK inhibitors", "Smith et al.   7") right beside a lone
    # page number (the foot of one page, then the head of the next) or repeated on other pages.
    for index in paged_heads(lines, found):
        if not (_under_lone_label(lines, index, labels) and _label_below(lines, index, labels)):
            found.add(index)  # (all the text of a lone label, "12" / "Aust Inv Vet J Vol 9, No 6, June 2001 431" / "13", is its entry)
    # A running head of a title's words alone between blank lines under a page's other furniture, inside an entry
    # that goes on in lower case below it ("... is an integral" / "4" / "Downloaded from ..." / "" / "Inflammatory
    # relapses in VEXAS" / "" / "component of the ..."): the next page's head, seen once and with no page number.
    for index, line in enumerate(lines):
        stripped = line.strip()
        if index in found or index in labels or not _TITLE_HEAD.match(stripped) or len(stripped.split()) > 10 or re.search(r"(?<![\w-])\d", stripped):
            continue
        if not (0 < index < len(lines) - 1 and not lines[index - 1].strip() and not lines[index + 1].strip()):
            continue
        over = next((i for i in range(index - 1, -1, -1) if lines[i].strip()), None)
        under = next((lines[i].strip() for i in range(index + 1, len(lines)) if lines[i].strip()), "")
        if over in found and under[:1].islower() and _inside_entry(lines, index, found):
            found.add(index)
    # A number wrapped to a line of its own at the end of an entry ("33," / "437"), or before the
    # punctuation or year that follow it ("IFTA" / "2001" / ". Standard methods"): not a page number.
    for index in [i for i in found if lines[i].strip().isdigit()]:
        if _number_in_entry(lines, index, found) or _missing_year(lines, index, found, labels):
            found.discard(index)
    # A short line between two pieces of furniture (a footer between a page number and a running head),
    # unless an entry runs through it: the text before the furniture, or the line itself, is left open.
    text_lines = [index for index, line in enumerate(lines) if line.strip()]
    for before, index, after in zip(text_lines, text_lines[1:], text_lines[2:], strict=False):
        if (
            index not in found and not _lone_label(lines, index, labels) and before in found and after in found and len(lines[index].strip()) <= 120
            and not label_of(lines[index].strip()) and not _bulleted_entry(lines[index].strip())
        ):
            content_at = next((i for i in range(before - 1, -1, -1) if lines[i].strip() and i not in found), None)
            content = lines[content_at].strip() if content_at is not None else ""
            stripped = lines[index].strip()
            indent = indent_of(lines[index])
            through = not _FOOTER_SHAPE.match(stripped) and not _CAPS_HEAD.match(stripped) and (
                OPEN_END.search(stripped[-12:]) is not None or (bool(content) and not ends_like_reference(content) and not is_stop(content))
                # An entry's link wrapped past a page break ("... 6(3): 1127-1135." / furniture / "http://dx.doi.org/10...").
                or (bool(LINK_TOKEN.fullmatch(stripped)) and bool(content) and not LINK_TOKEN.search(content))
                # A title's sentence ("Histoire de l’édition (Vols 1-4).") when the entry goes on after the furniture ("Promodis.").
                or (stripped.endswith(".") and len(stripped.split()) >= 3 and _goes_on_after(lines, after, found))
                # An issue and pages wrapped past a page break ("Inv Dent J 194" / furniture / "(8):447-449").
                or (bool(_ISSUE_PAGES_START.match(stripped)) and bool(content))
                # Authors wrapped past a page break: the text before ends on an initial with no year yet ("P. Quill,
                # N. E. Marsh, J. Venn, K." / furniture / "Osei, and E. Lind Invented tides ...").
                or (bool(_INITIAL_END.search(content)) and not YEAR_TOKEN.search(content) and stripped[:1].isupper())
                # A hanging entry's line set in as its line above the furniture is, the furniture at the margin ("     Gel
                # Electrophoresis." / "Author Manuscript" / "     Plant Physiol 81(3):802-806" / "Author Manuscript").
                or (
                    content_at is not None and indent >= 2 and abs(indent_of(lines[content_at]) - indent) <= 1
                    and max(indent_of(lines[before]), indent_of(lines[after])) < indent - 1
                )
            )
            # (A DOI alone among a page's furniture under a line left on a comma, "... late referrals," / banner /
            # "DOI: 10.1182/..." / notice, is the page's own: a DOI does not go on from a comma.)
            if not through or (DOI_ONLY.match(stripped) and content.endswith(",")):
                found.add(index)
    # A DOI alone right above a page's head: the page's foot when the entry above is left open and goes on after the
    # head ("... preferences: A" / "https://doi.org/10.1002/x.1" / "Smith et al. Page 6" / "critical review. ..."), or
    # when the line above already ends on a DOI (an entry states its DOI once): an entry's own DOI closes it.
    for before, index, after in zip(text_lines, text_lines[1:], text_lines[2:], strict=False):
        if index in found or before in found or after not in found or not DOI_ONLY.match(lines[index]):
            continue
        content = lines[before].strip()
        left_open = not ends_like_reference(content) and not is_stop(content) and _goes_on_after(lines, after, found)
        # (Or when a numbered entry goes on past the head with its title, not an identifier, and the next number
        # follows: "[4] Vul, E., ... 2009" / "https://doi.org/..." / "Obiorah et al." / "Reply to comments ..." / "[5]":
        # an entry's own DOI comes at its end.)
        below = next((lines[i].strip() for i in range(after + 1, min(len(lines), after + 8)) if lines[i].strip() and i not in found), "")
        goes_on = not _IDENTIFIER_OPENING.match(below) and _inside_numbered_entry(lines, index, found)
        if left_open or goes_on or _ENDS_ON_DOI.search(content):
            found.add(index)
    # A number alone after furniture that follows "1605-" ends a page range: not a page number.
    for before, index in zip(text_lines, text_lines[1:], strict=False):
        if index in found and lines[index].strip().isdigit():
            previous = next((i for i in range(before, -1, -1) if i not in found and lines[i].strip()), None)
            if previous is not None and RANGE_OPEN.search(lines[previous].rstrip()) and before in found:
                found.discard(index)
    # A publisher's notice inside an entry or between two entries is a page's notice; elsewhere an article's end.
    for index in notices:
        # (Right beside a page's other furniture, "BECK ET AL.  42" / "Downloaded from ..." / the notice: a page break.)
        beside = any(other in found and other not in notices for other in (index - 1, index + 1))
        inside = _inside_entry(lines, index, found, labels) or _inside_numbered_entry(lines, index, found)
        if not inside and not _between_entries(lines, index, found - {index}) and not beside:
            found.discard(index)
    # A copyright line seen once is a page's notice only inside an entry (between two it may end an article).
    for index in single:
        if _inside_entry(lines, index, found, labels) or _inside_numbered_entry(lines, index, found):
            found.add(index)
    # A line that opens with the number between its neighbours' ("32Sachdeva ...", "33Aust Vet J Vol 79, No 6,
    # June 2001 431", "34Journal ..."): an entry of the list, whatever it looks like.
    for index in [i for i in found if lines[i].strip()[:1].isdigit()]:
        if _numbered_between(lines, index):
            found.discard(index)
    # The one line of furniture in a whole document, a footer's shape with its year ("Aust Vet J Vol 79, No 6, June
    # 2001 431") alone between blank lines as the journal footers above are: an entry of a list set apart by blank
    # lines (one page footer and no page number, head or banner anywhere is no page break).
    if len(found) == 1:
        (index,) = found
        if YEAR_TOKEN.search(lines[index]) and not BOUNDARY.match(lines[index].strip()) and _entry_between_entries(lines, index):
            found.clear()
    return found


def _entry_between_entries(lines: list[str], index: int) -> bool:
    """Whether a line stands alone between blank lines, under an entry closed by its source or pages and above one
    that opens with authors: an entry of a list set apart by blank lines, if no page furniture shows elsewhere."""
    blank_beside = (index == 0 or not lines[index - 1].strip()) and (index + 1 >= len(lines) or not lines[index + 1].strip())
    above = next((lines[i].strip() for i in range(index - 1, max(-1, index - 3), -1) if lines[i].strip()), "")
    below = next((lines[i].strip() for i in range(index + 1, min(len(lines), index + 3)) if lines[i].strip()), "")
    return (
        blank_beside and ends_like_reference(above) and bool(SOURCE_END.search(above[-40:]) or PAGES_END.search(above[-30:]))
        and bool(AUTHOR_START.match(below))
    )


#: A line that ends on an initial after a comma-separated name (``J. Venn, K.``): an author list left open.
_INITIAL_END = re.compile(r",\s+(?:[A-Z]\.\s?){1,3}$")


def _bulleted_entry(stripped: str) -> bool:
    """A bullet and authors (``• Wend ER (1997) An account of ...``): a bulleted entry's first line, never a page's
    furniture, as a numbered entry's is not (a page number set ``- 12 -`` opens with no authors)."""
    return bool(BULLET.match(stripped)) and bool(AUTHOR_START.match(BULLET.sub("", stripped, count=1)))


def _set_in_with_entry(lines: list[str], index: int) -> bool:
    """Whether a line is set in as the line right above it is, under a line flush to their left (or right under
    that flush line, the line below set in as it is): a line of an entry with a hanging indent (a place and date
    closing it, ``      Malo 6 mai 2011 9``, or ``    downloaded from VexasQuest May 3, 2014.``), not page
    furniture, which a page prints at its margin, not at a list's indent."""
    indent = indent_of(lines[index])
    if indent < 2 or index == 0 or not lines[index - 1].strip():
        return False
    if abs(indent_of(lines[index - 1]) - indent) > 1:
        if indent_of(lines[index - 1]) >= indent - 1 or FURNITURE.match(lines[index - 1].strip()):
            return False  # (set in less deep than the line above, or under furniture: no entry's hanging line)
        # Right under an entry's first line, flush to its left: the entry's second line when the line below is set in
        # as it is (an entry that prints one of its lines twice, the first time here), or when the first line is left
        # on a comma (``..., ARA&A, 47,`` / ``   481``) and another entry's line nearby is set in as it is.
        below = lines[index + 1] if index + 1 < len(lines) else ""
        if below.strip() and abs(indent_of(below) - indent) <= 1:
            return True
        return lines[index - 1].rstrip().endswith(",") and any(
            abs(indent_of(lines[other]) - indent) <= 1 and not lines[other].strip().isdigit()
            for other in range(max(0, index - 6), min(len(lines), index + 7)) if other != index and lines[other].strip()
        )
    for other in range(index - 1, max(-1, index - 12), -1):
        text = lines[other].strip()
        if not text:
            return False
        if indent_of(lines[other]) < indent - 1:
            return not FURNITURE.match(text)  # (the entry's first line)
    return False


def _numbered_between(lines: list[str], index: int) -> bool:
    label = label_of(lines[index].strip())
    if label is None or label.style not in ("bare", "glued"):
        return False

    def near(step: int) -> Label | None:
        for other in range(index + step, index + 7 * step, step):
            if not 0 <= other < len(lines):
                return None
            found = label_of(lines[other].strip()) if lines[other].strip() else None
            if found is not None:
                return found
        return None

    above, below = near(-1), near(1)
    return (
        above is not None and below is not None and above.style == below.style == label.style
        and above.number + 1 == label.number == below.number - 1
    )


def _goes_on_after(lines: list[str], index: int, found: set[int]) -> bool:
    """Whether the text after the furniture at ``index`` goes on with an entry rather than opening one."""
    below = next((lines[i].strip() for i in range(index + 1, min(len(lines), index + 8)) if lines[i].strip() and i not in found), "")
    if not below or is_stop(below) or label_of(below) or label_only(below) or REF_HEADING.match(below):
        return False
    return below[:1].islower() or not (AUTHOR_START.match(below) or YEAR_TOKEN.search(below[:60]))


def _missing_year(lines: list[str], index: int, found: set[int], labels: dict[int, int]) -> bool:
    """Whether a number alone on its line is the year of the entry above, not a page number
    (``16. Lindqvist M. Invented book, University Press, London`` / ``1996`` / ``Page 2``).

    It is when it reads as a year, sits right under a line of that entry, the entry so far
    states no year, and no other page number alone on its line is near it in value (page
    numbers run in sequence across pages; a journal paged on through its volume has its
    pages in the thousands on every page). The entry so far ends at its label, also a bare
    label alone on its line (``12`` / ``2019`` / ``13``: the year is all of entry 12)."""
    stripped = lines[index].strip()
    if not re.fullmatch(YEAR, stripped) or index == 0 or not lines[index - 1].strip() or index - 1 in found:
        return False
    above = lines[index - 1].strip()
    if OPEN_END.search(above[-12:]) and not above.endswith(","):
        return False  # ("pp. 1605-" / "1996": the end of a page range, read elsewhere)
    entry: list[str] = []
    for i in range(index - 1, max(-1, index - 9), -1):
        text = lines[i].strip()
        if not text or i in found or is_stop(text) or REF_HEADING.match(text):
            break
        if LABEL_ONLY.match(text) or i in labels:
            break  # (the label itself states no year: "1600" / "Brandt P ... Inv Med J." / "2018")
        label = label_of(text)
        entry.append(text if label is None else label.rest)
        if label is not None or BULLET.match(lines[i]):
            break  # (a bullet opens the entry as a label does: "* Cambier C. ... Larcier," / "  1981")
    if not entry and _under_lone_label(lines, index, labels):
        return True  # right under a lone label: all the text that label has
    if not entry or YEAR_TOKEN.search(" ".join(entry)):
        return False
    number = int(stripped)
    # (Not the same year under the same line elsewhere: the same reference printed twice, each copy's year below it.)
    pages = [
        int(lines[i].strip().split()[-1]) for i in found
        if i != index and re.fullmatch(r"(?:page\s+)?\d{1,4}", lines[i].strip(), re.IGNORECASE) and not _under_lone_label(lines, i, labels)
        and not (lines[i].strip() == stripped and mask_of(lines[i - 1].strip()) == mask_of(above))  # (labels aside)
    ]
    return not any(abs(number - page) <= 60 for page in pages)


def _label_below(lines: list[str], index: int, labels: dict[int, int]) -> bool:
    """Whether the next line with text below ``index`` is a label alone on its line or opens with one, or
    the text ends (a lone label's text is then this line: there is no page after it)."""
    below = next((i for i in range(index + 1, min(len(lines), index + 4)) if lines[i].strip()), None)
    if below is None:
        return index + 4 >= len(lines)
    text = lines[below].strip()
    return below in labels or bool(LABEL_ONLY.match(text)) or label_of(text) is not None


def _lone_label(lines: list[str], index: int, labels: dict[int, int]) -> bool:
    """Whether line ``index`` is a label alone on its line (a bare one the finder's run of lone numbers holds, or one
    marked as a label: ``12.``, ``[12]``)."""
    return index in labels or bool(LABEL_ONLY.match(lines[index].strip()))


def _under_lone_label(lines: list[str], index: int, labels: dict[int, int]) -> bool:
    """Whether the line right above ``index`` is a label alone on its line (whose text this line is)."""
    return index > 0 and _lone_label(lines, index - 1, labels)


def _number_in_entry(lines: list[str], index: int, found: set[int]) -> bool:
    """Whether a number alone on its line is the end of the entry above rather than a page number.

    It is when it sits right under a line of text, away from other furniture, and either the
    next line goes on with the punctuation or bracketed year that follow a number, or the
    line above is left open (``Astron J, 33,``, ``Corona``) and what comes next is not that
    entry going on: a blank line and no lower-case text, another entry (a label or authors),
    the end of the text.
    """
    if index == 0 or not lines[index - 1].strip() or any(other in found for other in (index - 1, index + 1)):
        return False
    if any(other in found for other in (index - 2, index + 2)) and not (
        lines[index - 1].rstrip().endswith(",") and index + 1 < len(lines) and AUTHOR_START.match(lines[index + 1].strip())
    ):
        return False  # (furniture two lines away: a page break, unless "ApJ, 400," / "699" / "Jog, C.J., ..." closes an entry)
    below = lines[index + 1].strip() if index + 1 < len(lines) else ""
    if re.match(r"[.,;:]|\(\s*" + YEAR + r"[a-z]?\s*\)", below):
        return True
    if ends_like_reference(lines[index - 1]):
        return False
    if re.search(rf"[{UPPER_CHARS}][{LOWER_CHARS}]+\s+[{UPPER_CHARS}]{{1,3}},$", lines[index - 1].rstrip()) and AUTHOR_START.match(below):
        return False  # "Brand L, Furman A," / "33" / "Grubel RL, ...": a page number inside a list of authors
    after = next((lines[i].strip() for i in range(index + 1, min(len(lines), index + 3)) if lines[i].strip()), "")
    if not after or is_stop(after) or REF_HEADING.match(after):
        return True
    if not starts_like_reference(after):
        return False  # the entry goes on ("interleukins in ..."): the page broke inside it
    return not below or bool(label_of(after) or LABEL_ONLY.match(after) or AUTHOR_START.match(after))


#: A line ending on a DOI (``doi: 10.1038/362709a0.``).
_ENDS_ON_DOI = re.compile(r"\b" + DOI_START + r"\S+\s*$")
#: An issue and its pages opening a line (``(8):447-449``, ``(Suppl 2), S12-S19``): an entry's source going on.
_ISSUE_PAGES_START = re.compile(r"\(\s*[\w -]{1,12}\)\s*[:,]\s*[A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?")
#: A page range left open at a line's end (``907-``, ``106 –``; not a word such as ``IgG4-``).
RANGE_OPEN = re.compile(r"(?:^|[\s,.:;(])\d+\s*[-–]$")
#: Quotation marks that open a title (``“``, ``"``, ``‘``, ``«``, ``„``).
_OPENING_QUOTES = "“\"‘«„"
#: A line left on a word that a number follows (``pp.``, ``vol.``, ``page``): a word of its own, not the end of
#: ``Group.`` or ``Homepage``.
_NUMBER_WORD_END = re.compile(r"\b(?:pp?\.|pages?|vol\.|no\.)$")
#: A volume and its page range: ``54:23-31``, ``98: 416-423``.
VOLUME_PAGES = re.compile(r"\d\s*:\s*[A-Za-z]?\d+\s*[-–]\s*[A-Za-z]?\d+")
#: A running head naming the authors: ``Smith et al.``, ``Smith and Jones``, ``van der Berg et al.`` (a family
#: name's particles in lower case).
RUNNING_HEAD = re.compile(r"^(?:(?:" + "|".join(PARTICLE_WORDS) + r")\s+){0,2}[A-Z][\w'’-]+(?:(?P<pair>\s+(?:and|&)\s+[A-Z][\w'’-]+)|\s+et\s+al\.?)\s*$")
#: A journal's page footer: a journal name, a year and a volume, nothing else.
_FOOTER_SHAPE = re.compile(
    r"^[A-Z][\w .&'-]{1,50}?\.?\s+" + YEAR + r"\s*[;,]\s*\d+\s*(?:\(\s*[\w-]+\s*\))?\s*(?::\s*[\w]+\s*[-–]\s*[\w]+)?\s*$"
    r"|^[A-Z][\w .&'-]{1,50}?\.\s+\d{1,4}\s*:\s*\d{1,6}\.\s+doi:?\s*10\.\d{4,9}/\S+\s*$"  # Front. Immunol. 11:1234. doi: 10...
    r"|^[A-Z][\w .&'-]{1,60}?\s+\(" + YEAR + r"\)\s+\d{1,4}\s*:\s*[\w]+\s*[-–]\s*[\w]+\s*$"  # Journal of X (2003) 37:168–180
)
#: A page number at a journal footer's start or end (``8   Blood 2024; 59: 894-948``, ``Blood 2024; 59: 894-948   9``).
_PAGE_NUMBER_APART = re.compile(r"^\d{1,4}\s+(?=[A-Z])|(?<=\d)\s+\d{1,4}$")
def _footer_text(lines: list[str], index: int) -> str:
    """A line without the page number beside a journal footer; but a number one off a label just above is a bare
    list's label (``22 Townes H. ...`` / ``23 Invest. Ophthalmol Vis. 2000; 41: 2309-2317``), kept."""
    stripped = lines[index].strip()
    lead = re.match(r"(\d{1,4})\s+(?=[A-Z])", stripped)
    if lead:
        number = int(lead.group(1))
        above = [lines[i].strip() for i in range(index - 1, max(-1, index - 9), -1) if lines[i].strip()]
        if any((label := label_of(text)) is not None and abs(label.number - number) == 1 for text in above):
            return stripped
    return _PAGE_NUMBER_APART.sub("", stripped)


#: A running head in capitals: ``VEXAS SYNDROME AND JAK INHIBITORS``, ``BECK ET AL.    17`` (with its page number),
#: ``VAN DER BERG ET AL.`` (without).
_CAPS_HEAD = re.compile(
    rf"^[{UPPER_CHARS}][{UPPER_CHARS}&:\- ]{{8,80}}$|^\d{{1,4}}\s+[{UPPER_CHARS}][{UPPER_CHARS}&:\- ]{{2,60}}(?:\s+ET\s+AL\.?)?$"
    rf"|^[{UPPER_CHARS}][{UPPER_CHARS}&:\- ]{{2,60}}?(?:\s+ET\s+AL\.?)?\s+\d{{1,4}}$|^[{UPPER_CHARS}][{UPPER_CHARS}'’\- ]{{1,60}}?\s+ET\s+AL\.?$"
)


#: A running head or foot that carries its page number: ``2   VEXAS and JAK inhibitors``, ``Smith et al.  7``.
_PAGED_HEAD = re.compile(r"^(?:\d{1,4}\s+(?P<after>[^\W\d_](?:[^.;]|(?<=\bal)\.){1,78}?)|(?P<before>[^\W\d_](?:[^.;]|(?<=\bal)\.){1,78}?)\s+\d{1,4})\s*$")


def paged_heads(lines: list[str], found: set[int]) -> list[int]:
    """Lines of a page number and a few words (no other number, no sentence, not a reference) set right against a
    lone page number, or whose words recur so at another page: the running heads of a page break."""
    candidates: dict[int, str] = {}
    for index, line in enumerate(lines):
        stripped = line.strip()
        if index in found or len(stripped) > 90:
            continue
        match = _PAGED_HEAD.match(stripped)
        if not match:
            continue
        words = (match.group("after") or match.group("before") or "").strip()
        # (No number of its own; digits inside a word are a title's, "UBA1", "COVID-19", "IL-6".)
        if len(words.split()) > 8 or words[:1].islower() or re.search(r"(?<![\w-])\d", words) or LINK_TOKEN.search(words) or AUTHOR_LIST.match(words + ","):
            continue
        candidates[index] = " ".join(words.lower().split())
    seen = Counter(candidates.values())
    heads = []
    for index, words in candidates.items():
        near = [i for i in (index - 1, index + 1) if i in found and 0 <= i < len(lines) and lines[i].strip().isdigit()]
        # (Its page number after it, set apart by a tab or a run of spaces, right beside a page's other furniture,
        # "For personal use only." / "Inflammatory relapses in VEXAS<tab>3": the head of the next page; a number
        # before the words may be a bare list's label, "1020  Brightwater DR: Keeping ...".)
        apart = bool(_NUMBER_SET_APART.search(lines[index].strip())) and (index - 1 in found or index + 1 in found)
        if near or apart or seen[words] > 1:
            heads.append(index)
    return heads


#: A running head of a title's words alone: a capital, then words with no number of their own, no stop at the end.
_TITLE_HEAD = re.compile(r"^[A-Z][\w '’,:–-]*[^\W\d_]$")

#: A page number set apart after a running head's words by a tab or two spaces or more.
_NUMBER_SET_APART = re.compile(r"\S(?:\t|\s{2,})\d{1,4}$")


def _footer_between(lines: list[str], index: int, above: str) -> bool:
    """A journal footer between an entry that closed with its source (``cosmology, arXiv:gr-qc/9907011.``) and
    a line that opens the next with authors: the page's foot, not a source (a source follows its title)."""
    if not (_between_entries(lines, index) and bool(SOURCE_END.search(above[-40:]) or PAGES_END.search(above[-30:])) and ends_like_reference(above)):
        return False
    # Only in wrapped text (the entry above ran over two lines or more): in a file of one reference a line,
    # "Current Options in Neurology 2010, 12:243-251" may be a string of its own.
    texts = [i for i in range(index - 1, max(-1, index - 4), -1) if lines[i].strip()]
    return len(texts) >= 2 and not ends_like_reference(lines[texts[1]].strip())


#: A line opening on a year and a colon or stop (``2011: Holm K: ...``): the next entry in a list that sets the year
#: first, not a title going on.
_YEAR_OPENS = re.compile(r"^\(?" + YEAR + r"[a-z]?\)?\s*[:.]\s")


def _footer_inside(lines: list[str], index: int, labels: dict[int, int]) -> bool:
    """A journal footer inside an entry: the line above is unfinished and the text goes on in lower
    case below (or after a comma), or it follows an entry that already has its source and the next
    entry's label (or the end of the list) follows."""
    above_index = next((i for i in range(index - 1, max(-1, index - 3), -1) if lines[i].strip()), None)
    below = next((lines[i].strip() for i in range(index + 1, min(len(lines), index + 3)) if lines[i].strip()), "")
    if above_index is None:
        return False
    above = lines[above_index].strip()
    if _lone_label(lines, above_index, labels):
        return False  # (right under a lone label: judged as such above)
    if below[:1].islower() and not ends_like_reference(above):
        return True
    if (
        OPEN_END.search(above[-12:]) and below and not label_of(below) and not label_only(below) and not is_stop(below)
        and not LINK_TOKEN.match(below) and not BULLET.match(below) and not AUTHOR_START.match(below)
        and not _YEAR_OPENS.match(below) and indent_of(lines[index]) < indent_of(lines[above_index]) + 2
    ):
        # "... the small craters of" / footer / "Kaalijarvi (in Russian). ...": a title cut on an open word, the entry
        # going on below (not "... Journal of" / "    Cleaner Production. 2013;54:332-343" / "Abelson, H., ...": the
        # journal's name goes on, set in or before the next entry's authors or bullet).
        return True
    below_line = next((line for line in lines[index + 1 : index + 3] if line.strip()), "")
    if not ends_like_reference(above) and indent_of(below_line) >= indent_of(lines[index]) + 2 and indent_of(lines[above_index]) >= indent_of(lines[index]) + 2 and not label_of(below):
        return True  # "    fruits ... J Environ" / footer / "    Sci Health, Part B 41:533-541": a hanging entry runs through it
    if below and above.endswith(",") and not label_of(below) and not label_only(below) and not is_stop(below):
        return True  # "Upper Saddle River," / footer / "NJ: Prentice Hall.": the footer cuts an entry after a comma
    if re.match(YEAR + r"\s*[;:]\s*\d", below) and not label_of(above):
        return True  # "J Clin Endocrinol Metab." / footer / "2004;89:412-18.": the footer cuts a source in two
    if (
        _SOURCE_BELOW.match(below) and (SOURCE_HINT.search(below) or PAGES_END.search(below)) and ends_like_reference(below)
        and not label_of(below) and not label_only(below) and not AUTHOR_START.match(below) and not is_stop(below)
        and not _states_source(lines, above_index)
    ):
        # "... in ubiquitin degradation." / "Front. Inv. 50:8438. doi: 10.3389/..." / "Inv Cell Biol 24:8055-8068": the
        # entry above states no source yet and its own source, a journal's name with its volume and pages, comes under
        # the footer: the footer cuts the entry between its title and its source.
        return True
    own, next_label = label_of(above), label_of(below)
    names = own.rest if own is not None else above
    run = AUTHOR_LIST.match(names)
    if (
        not ends_like_reference(above) and run is not None and _LAST_NAME.fullmatch(names[run.end() :]) is not None and below
        and (next_label is None or re.fullmatch(YEAR, str(next_label.number)) is not None)  # ("(2004) Title": the year, no label)
        and not label_only(below) and not is_stop(below) and not _states_source(lines, above_index)
    ):
        # "3." / "Das M, Gabriel I, Barr N" / "Inv Clin Invest. 2019;364(11):1479-9895" / "(2004) Caloric ...": under authors
        # left open, with no title yet, a source is no entry's own: the footer cuts the entry in its authors.
        return True
    label = label_of(below) or label_only(below)  # the next entry's label, on its line or alone ("15.")
    last = not below or is_stop(below)  # or the list is over: a legend, a table, the end of the text
    # (A bare or glued number counts before a capital: "17 R. J. D. Miller".)
    explicit = label is not None and (label.style in ("dot", "bracket", "round", "paren") or label.rest[:1].isupper())
    if (not last and not explicit) or not ends_like_reference(above):
        return False
    # The entry above (back to its label) already states its source.
    for i in range(above_index, max(-1, above_index - 6), -1):
        if SOURCE_HINT.search(lines[i]) or PAGES_END.search(lines[i].rstrip()):
            return True
        if label_of(lines[i].strip()) is not None:
            break
    return False


#: A line that opens with a journal's name (a word with a capital, not a part or supplement of a source cut above).
_SOURCE_BELOW = re.compile(r"^(?!(?:Suppl|Pt|Part|Issue|No|Vol|Nr)\b)[A-Z][a-z]*\.?\s+[A-Z]?[a-z]")


#: What may follow a run of authors on a line of only authors: one more name, perhaps its initials, perhaps cut.
_LAST_NAME = re.compile(rf"(?:[{UPPER_CHARS}][\w'’-]+(?:\s+[{UPPER_CHARS}]{{1,3}})?\s*,?)?\s*")


def _states_source(lines: list[str], above_index: int) -> bool:
    """Whether the entry ending at ``above_index`` (back to its label, a blank line or eight lines up) states a source."""
    for i in range(above_index, max(-1, above_index - 8), -1):
        text = lines[i].strip()
        if not text:
            return False
        if SOURCE_HINT.search(text) or PAGES_END.search(text):
            return True
        if label_of(text) is not None or label_only(text) is not None:
            return False
    return False


def _inside_entry(lines: list[str], index: int, furniture: set[int], labels: dict[int, int] | None = None) -> bool:
    """Whether the text above (page furniture aside) is left open and text follows below: an entry runs across this line
    (``labels``: a list's bare labels alone on their lines)."""
    at = next((i for i in range(index - 1, max(-1, index - 8), -1) if lines[i].strip() and i not in furniture), None)
    above = lines[at].strip() if at is not None else ""
    below = next((lines[i].strip() for i in range(index + 1, min(len(lines), index + 8)) if lines[i].strip() and i not in furniture), "")
    # (A label alone on its line, "18." or a bare "1005" in a run of them, is an entry whose text is still to come:
    # open, though it ends on a stop or a number.)
    left_open = (
        not ends_like_reference(above) or bool(LABEL_ONLY.match(above)) or (labels is not None and at in labels)
        or (at is not None and _next_bare_label(lines, at, furniture))
    )
    # (A page range left open, ``115-``, ends on the next page: ``128. doi: .`` there is its end, no label.)
    return bool(above) and bool(below) and left_open and not is_stop(below) and (not label_of(below) or bool(RANGE_OPEN.search(above)))


def _next_bare_label(lines: list[str], index: int, furniture: set[int]) -> bool:
    """Whether a number alone on its line (``1010``) is one past (or, descending, one before) the bare label of the
    nearest entry above it (``1009 Ward J, ...``): a list's label whose entry's text is still to come."""
    number = lines[index].strip()
    if not number.isdigit():
        return False
    label = _label_above(lines, index, furniture)
    return label is not None and label.style == "bare" and abs(int(number) - label.number) == 1


def _label_above(lines: list[str], index: int, furniture: set[int]) -> Label | None:
    """The label of the nearest line above ``index`` that opens with one, within seven lines, page furniture passed over."""
    for i in range(index - 1, max(-1, index - 8), -1):
        text = lines[i].strip()
        if text and i not in furniture and (label := label_of(text)) is not None:
            return label
    return None


def _inside_numbered_entry(lines: list[str], index: int, furniture: set[int]) -> bool:
    """Whether a line falls inside a numbered entry whose text ends as a reference may: the nearest label above numbers
    ``n``, text with no label follows the line, and then the label ``n + 1`` (``n - 1`` in a descending list) in the same
    form (``5. Abe, M. (1991b). Tidal flats.`` / the line / ``Ph.D. thesis, ...`` / ``6. ...``): page furniture passed over."""
    above = _label_above(lines, index, furniture)
    if above is None or above.style not in ("dot", "bracket", "round", "paren"):
        return False
    rest = 0
    for i in range(index + 1, min(len(lines), index + 10)):
        text = lines[i].strip()
        if not text or i in furniture or FURNITURE.match(text):
            continue
        label = label_of(text) or label_only(text)
        if label is not None:
            return rest > 0 and label.style == above.style and abs(label.number - above.number) == 1
        rest += 1
    return False


def _reference_like(line: str) -> bool:
    """A line a reference prints, which repeats when two entries share it: not a running head."""
    return bool(
        SOURCE_HINT.search(line) or looks_strongly_like_reference(line) or (len(line.strip()) >= 40 and ends_like_reference(line))
        or VOLUME_PAGES.search(line)  # "Med 2004, 57:41-49." wrapped from two entries of one journal
        or AUTHOR_LIST.match(line.strip())  # the same authors opening two entries
    )


def _copied_reference(lines: list[str], indices: list[int], labels: dict[int, int] | None = None, whole: bool = False) -> bool:
    """Each copy of a repeated line sits in a passage the same at every copy, of three lines or more with a line
    of a reference in it (its authors, its source): the same reference printed twice, not a running head, whose
    lines above and below differ from page to page. A passage that is all of an entry's text, from a label alone
    on its line down to the next label or the end (``2`` / ``Lindqvist M. ... London,`` / ``2016.`` / ``3``), is
    one at any length (a running head is never all of an entry); with ``whole``, only such a passage is."""
    reach = 6
    known = labels or {}  # (a label alone on its line ends a passage, the same number twice too)
    for index in indices[1:]:
        run = [0]
        ends: list[tuple[int, int]] = []  # per direction, the lines where the passage stops at the first copy and this one
        for step in (-1, 1):
            for offset in range(step, step * (reach + 1), step):
                a, b = indices[0] + offset, index + offset
                if not (0 <= a < len(lines) and 0 <= b < len(lines)) or not lines[a].strip() or lines[a].strip() != lines[b].strip() or _lone_label(lines, a, known):
                    ends.append((a, b))
                    break
                run.append(offset)
        if len(ends) == 2 and _whole_entry(lines, ends, known):
            continue
        # (A page's own banners repeat with the running head: "Author Manuscript" / "Downloaded from ... on 28
        # November 2024" / "Patients over seventy in VEXAS syndrome" on every page is no reference's passage.)
        if whole or len(run) < 3 or not any(
            _reference_like(lines[indices[0] + o]) and not FURNITURE.match(lines[indices[0] + o].strip()) for o in run if o
        ):
            return False
    return True


def _whole_entry(lines: list[str], ends: list[tuple[int, int]], labels: dict[int, int]) -> bool:
    """Whether two copies of a passage each run from a label alone on its line down to the next label (alone or
    opening its line), a blank line or the end: each is all of an entry's text."""
    (above_a, above_b), (below_a, below_b) = ends

    def label_line(i: int) -> bool:
        return 0 <= i < len(lines) and (i in labels or bool(LABEL_ONLY.match(lines[i].strip())))

    def closed(i: int) -> bool:
        if not 0 <= i < len(lines) or not lines[i].strip() or label_line(i):
            return True
        # (or a page's furniture at the list's foot: "Page 3 of 9", a running head, a journal footer)
        text = lines[i].strip()
        return label_of(text) is not None or any(shape.match(text) for shape in (FURNITURE, _FOOTER_SHAPE, _CAPS_HEAD, RUNNING_HEAD))

    def opening(i: int) -> str | None:
        # (Authors opening a reference after its label: not "6338 www.bloodjournal.org", a page number and a site.)
        label = label_of(lines[i].strip()) if 0 <= i < len(lines) else None
        return label.rest if label is not None and AUTHOR_START.match(label.rest) else None

    # (The copies' first lines may carry their labels: "1 Quill P, ... of" and "2 Quill P, ... of", the same text.)
    # (Or the same label twice, "1 Quill P, ... of" at both: the passage then opens with it.)
    labelled = (
        label_line(above_a) and label_line(above_b) or opening(above_a) is not None and opening(above_a) == opening(above_b)
        or opening(above_a + 1) is not None and opening(above_b + 1) is not None
    )
    return labelled and closed(below_a) and closed(below_b)


def _block_of_copies(lines: list[str], indices: list[int]) -> bool:
    """Lines of one shape (digits aside) that make a whole block between blank lines: page furniture."""
    runs: list[list[int]] = []  # runs of consecutive line numbers (indices are in order): one pass
    for index in indices:
        if runs and index == runs[-1][1] + 1:
            runs[-1][1] = index
        else:
            runs.append([index, index])
    return any(
        end > start and (start == 0 or not lines[start - 1].strip()) and (end + 1 >= len(lines) or not lines[end + 1].strip())
        for start, end in runs
    )


def _between_entries(lines: list[str], index: int, furniture: set[int] | None = None) -> bool:
    """Whether the line above ends a reference and the line below starts one (a running head between;
    lines in ``furniture`` are passed over)."""
    skip = furniture or set()
    above = next((lines[i].strip() for i in range(index - 1, max(-1, index - 4), -1) if lines[i].strip() and i not in skip), "")
    below = next((lines[i].strip() for i in range(index + 1, min(len(lines), index + 4)) if lines[i].strip() and i not in skip), "")
    below = BULLET.sub("", below, count=1)  # ("• Nysted N, Yuen YH: ...": a bulleted entry opens with its authors after the bullet)
    return len(above.split()) > 1 and bool(re.search(r"[.\d)]\s*$", above)) and bool(LABEL.match(below) or LABEL_ONLY.match(below) or AUTHOR_START.match(below))


def _closes_open_entry(lines: list[str], index: int, found: set[int]) -> bool:
    """Whether a line ends an entry the line right above leaves open (``... a basin with no raised rim,`` /
    ``Symposium on Invented Basins. 2003.``), the next label, a blank line or the end right below it (past a page's
    furniture already found: ``12`` / ``2 Quill P ...``): two entries of a long list may share such a line, which a
    running head, set between pages, is not."""
    if index == 0 or index - 1 in found:
        return False
    above = lines[index - 1].strip()
    if not above or ends_like_reference(above) or FURNITURE.match(above):
        return False
    after = index + 1
    while after in found:
        after += 1
    below = lines[after].strip() if after < len(lines) else ""
    return not below or label_of(below) is not None


def _after_colon(lines: list[str], index: int) -> bool:
    """Whether the nearest line with text above ``index`` ends on a colon (pages follow it)."""
    above = next((lines[i].rstrip() for i in range(index - 1, max(-1, index - 3), -1) if lines[i].strip()), "")
    return above.endswith(":")


def _previous_open(lines: list[str], index: int) -> bool:
    for other in range(index - 1, max(-1, index - 3), -1):
        if lines[other].strip():
            text = lines[other].rstrip()
            if FURNITURE.match(text):
                return False  # "- 11 -" above "11": a page number twice
            return bool(RANGE_OPEN.search(text) or _NUMBER_WORD_END.search(text))
    return False


def _next_to(found: set[int], index: int) -> bool:
    return any(other in found for other in (index - 2, index - 1, index + 1, index + 2))


#: A line number in a submitted manuscript's margin: digits at a line's start, then spaces or a tab (or nothing).
_MARGIN_NUMBER = re.compile(r"^(?P<number>\s{0,4}(?P<digits>\d{1,5}))(?P<gap>[ \t]+|$)")
#: How many lines numbered one after another make a margin's numbering.
MARGIN_RUN = 10


def margin_numbers(lines: list[str]) -> dict[int, int]:
    """Line numbers in the margin, as a submitted manuscript prints them (``117  text``, ``118  text``: one more on
    each line, blank lines numbered or not): index -> how many characters the number and its gap take, to be set
    aside as page furniture. A run of ``MARGIN_RUN`` lines or more counts only when it holds lines no list entry
    opens (prose going on in lower case, a heading, a number alone): a list of one-line entries numbered bare
    (``1 Smith J ...`` / ``2 Doe A ...``) numbers its lines so too, and opens each of them with authors. The gap
    cut is the run's narrowest, so a line set in further keeps its indent."""
    out: dict[int, int] = {}
    run: list[tuple[int, re.Match[str]]] = []

    def close() -> None:
        if len(run) < MARGIN_RUN:
            return
        rests = [lines[index][match.end() :].strip() for index, match in run]
        prose = sum(
            1 for rest in rests
            if not rest or REF_HEADING.match(rest) or (rest[:1].islower() and rest.split()[0] not in PARTICLE_WORDS)
        )
        if prose * 10 >= len(run) and prose >= 2:
            gaps = [len(match.group("gap")) for index, match in run if lines[index][match.end() :].strip()]
            gap = min(gaps) if gaps else 0
            for index, match in run:
                out[index] = len(match.group("number")) + min(gap, len(match.group("gap")))

    last = -1
    for index, line in enumerate(lines):
        match = _MARGIN_NUMBER.match(line)
        if match is not None:
            number = int(match.group("digits"))
            if not (run and number == last + 1):
                close()
                run = []
            run.append((index, match))
            last = number
        elif line.strip():
            close()
            run = []
            last = -1
        # (A blank line without a number leaves the run as it is: some numberings skip the space between paragraphs.)
    close()
    return out


def without_margin_numbers(text: str) -> tuple[str, list[int]]:
    """The text with a margin's line numbers (``margin_numbers``) taken off its lines, and those lines (1-based); the
    lines stay where they are."""
    lines = text.split("\n")
    cuts = margin_numbers(lines)
    if not cuts:
        return text, []
    kept = "\n".join(line[cuts[index] :] if index in cuts else line for index, line in enumerate(lines))
    return kept, sorted(index + 1 for index in cuts)
