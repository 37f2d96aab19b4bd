"""Find reference lists in plain text, Markdown or PDF-extracted text (pure).

The document is read as a careful person reads it, in three passes over its lines:

1. Page furniture is set aside wherever it falls, even inside an entry: running heads
   and footers that repeat, page numbers, ``Downloaded from ...`` lines, ``Author
   Manuscript`` banners, journal footers with ``|`` separators.
2. Numbered lists are chains of labels of one form (``1.``, ``1)``, ``[1]``, ``(1)``,
   bare ``1``, superscript ``¹`` or ``1`` glued to the author). Numbering is evidence,
   not a gate: the next number is taken at once, and a gap, a repeat, a restart, a
   number past 999 or a descending order is taken when the line also starts like a
   reference after a line that ends like one; after a complete entry a number near the
   last one is taken whatever the string opens with (``333GPP`` after 34 is 33). A number
   that fits nothing (``2020 Jan;...`` wrapped from the line above) continues the entry;
   another form's numbering going on ends the list.
3. Unnumbered lists follow a reference heading (in the usual words of common
   languages): entries are cut at hanging indents, blank lines, or, in wrapped text
   with neither, where a line ends like a reference and the next starts like one
   (under a heading, a small line model, ``linemodel``, weighs these rules' verdicts
   with the other facts of the two lines: ``cut_features``). An entry of such text that
   the string parser reads as two whole references is cut where it reads so (``glued``).

Lists end at another heading, a figure legend, a table, acknowledgements or prose.
Lists are kept apart where the numbering restarts, at a heading, or at an article
boundary (a ``DOI ...`` footer, a ``©`` line). Each entry keeps its lines as printed
(``raw``) and the text a reader would copy (``text``: wrapped lines joined, end-of-line
hyphenation repaired); the two have the same letters and digits.

This module holds the list reader and the public functions; what it reads with lives
beside it: ``labels`` (how entries are labelled), ``shapes`` (what a reference line looks
like: headings, hints, openings and endings) and ``furniture`` (page furniture, pass 1).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from ..columns import ColumnBlock, read_columns
from ..csl import YEAR
from ..ids import DOI_START
from ..wording import quantity
from . import linemodel
from .furniture import (
    DOI_FOOTER,
    DOI_ONLY,
    FURNITURE,
    RANGE_OPEN,
    RUNNING_HEAD,
    VOLUME_PAGES,
    furniture_lines,
    lone_number_run,
    mask_of,
    paged_heads,
    without_margin_numbers,
)
from .glued import glued_cut
from .hyphens import Compounds, keeps_hyphen
from .labels import (
    BULLET,
    DASH_OPENING,
    EXPLICIT_STYLES,
    Label,
    label_of,
    label_only,
    lenient_labels,
    strip_label,
)
from .shapes import (
    ASKS_FOR_LINK,
    AUTHOR_LIST,
    AUTHOR_START,
    BOUNDARY,
    FAMILY,
    LINK_TOKEN,
    LOWER_CHARS,
    MD_HEADING,
    OPEN_END,
    PAGES_END,
    PARTICLE_WORDS,
    REF_HEADING,
    SOURCE_END,
    SOURCE_HINT,
    STRONG_HINT,
    UPPER_CHARS,
    VOLUME_SOURCE,
    YEAR_TOKEN,
    cites_others,
    ends_like_reference,
    indent_of,
    is_stop,
    looks_like_reference,
    looks_strongly_like_reference,
    starts_like_reference,
)

#: Given the document line indices of the line before and of this line and the line's features, whether to cut.
Teacher = Callable[[int, int, list[str]], bool]
#: A line that only opens or closes a block of Markdown or HTML: ``:::``, ``::: {#refs .references}``, ``<div id="refs">``, ``</div>``.
_BLOCK_MARKUP = re.compile(r"^\s{0,3}(?::{3,}\s*(?:\{[^{}\n]{0,300}\}|[\w-]{1,40})?\s*:*|</?div\b[^<>\n]{0,300}>)\s*$", re.IGNORECASE)
#: A Setext heading's underline (``=====`` or ``-----`` under the heading's line).
_SETEXT_RULE = re.compile(r"^\s{0,3}(?:={3,}|-{3,})\s*$")
_DOI_TOKEN = re.compile(r"\b" + DOI_START)
#: A line, or a line's end, that is one whole DOI (``doi:10.5555/abc``), and a line that opens with another.
_WHOLE_DOI_LINE = re.compile(r"(?:^|\s)(?:doi:?\s*|https?://(?:dx\.)?doi\.org/)?" + DOI_START + r"[^\s/]\S*$", re.IGNORECASE)
_NEW_DOI = re.compile(r"(?:doi:?\s*|https?://(?:dx\.)?doi\.org/)?" + DOI_START, re.IGNORECASE)
_DOI_PREFIX = re.compile(DOI_START)
#: A string's own number opening a line: ``2. ``, ``[2] ``, ``2) ``.
_OWN_LABEL_OPEN = re.compile(r"(?:\[\d{1,4}\]|\d{1,4}[.)])\s+")
_SHORT_TITLE = re.compile(r"^[A-Z][\w ,&'’:-]{0,60}$")
#: Name particles (``shapes.PARTICLE_WORDS``), the first one capitalised as a name opening a line may set it (``Van der Berg GR``).
_ANY_PARTICLES = r"(?:(?:" + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in PARTICLE_WORDS) + r")\s+){1,3}"
#: A publisher's name: ``University Press``, ``Verlag``, ``Publishers``.
_PUBLISHER = re.compile(r"\b(?:Press|Publishers?|Publishing|Verlag)\b")
#: A line left on its publisher's name (``... Malden, MA: Lakeside Press``): a book's entry closed with no stop.
_PUBLISHER_END = re.compile(r"[A-Z][\w&'’-]*\s+(?:Press|Publishers|Publishing|Verlag)\s*$")
#: A line that stops on a word no sentence or title ends on: what follows it goes on with it.
_OPEN_WORD = re.compile(r"\b(?:the|a|an|of|and|in|on|for|to|with|from)\s*$", re.IGNORECASE)
#: A figure or table legend: it ends a list even under a line left open.
_LEGEND = re.compile(r"^\W*(?:fig(?:ure)?|tab(?:le)?|box|scheme|chart|supplementa(?:l|ry)|s\d)\b", re.IGNORECASE)

#: A bulleted list's items are a reference each: on average no more lines than the longest reference wraps to.
MAX_LINES_PER_BULLET = 12

#: A running head that opens with the article's authors: ``Smith et al. Nat Med (2019) 68:2976``, ``Smith and Doe, Blood 2020``.
_HEAD_BY_AUTHORS = re.compile(r"^(?:[a-z]{1,3}\s+){0,3}[A-Z][\w'’-]+(?:\s+(?:and|&)\s+[A-Z][\w'’-]+|\s+et\s+al\.?)[\s,]")
#: A line that carries a source (``Plant J 48:633-648``, ``Blood. 2020;135``): the end of an entry, not a start.
_SOURCE_LINE = re.compile(
    r"^[^\d()]{0,60}?(?:\b\d+\s*(?:\([\w-]+\))?\s*:\s*\d|" + YEAR + r"\s*;\s*\d|,\s*\d+\s*(?:\(\s*[\w-]+\s*\))?\s*,\s*\d+)"
)


@dataclass(slots=True)
class ListEntry:
    """One entry of a reference list: the joined text as printed (number included), its first line and number.

    ``raw`` is the entry's lines exactly as in the document (page furniture left out);
    ``text`` has the same letters and digits, with wrapped lines joined.
    """

    text: str
    line: int
    number: int | None = None
    raw: str = ""
    last_line: int = 0
    #: The text without its printed label (what the string parser reads).
    body: str = ""
    #: A Markdown footnote's name as printed (``note-3`` of ``[^note-3]:``); ``number`` holds it when it is a number.
    label: str | None = None


@dataclass(slots=True)
class ReferenceList:
    """A run of entries that belong together, with a label such as ``references-1``."""

    label: str
    heading: str | None
    line: int
    entries: list[ListEntry] = field(default_factory=list)
    #: How the entries are marked: ``1.``, ``[1]``, ... or ``unnumbered``.
    style: str = "unnumbered"
    #: Document lines (1-based) of the list's region that are in no entry and are not page furniture.
    left_out: list[int] = field(default_factory=list)
    #: Blocks of the list's lines printed as two columns side by side, read column by column.
    columns: list[ColumnBlock] = field(default_factory=list)
    #: The document line (1-based) of the list's heading; ``line`` is its first entry's.
    heading_line: int | None = None
    #: Line ranges (1-based, inclusive) whose numbers in the margin (a submitted manuscript's) were set aside.
    margin: list[tuple[int, int]] = field(default_factory=list)


# -- joining ---------------------------------------------------------------------------


def join_lines(lines: list[str], compounds: Compounds | None = None) -> str:
    """Join wrapped lines: repair ``hyphen-\\nation`` and keep URLs and DOIs whole; a hyphen that is the
    word's stays (``adult-\\nonset``, :func:`.hyphens.keeps_hyphen`, with what the document shows in ``compounds``:
    by default what the lines themselves show)."""
    return "".join(_join_onto([], lines, compounds if compounds is not None else Compounds("\n".join(lines))))


def _join_onto(parts: list[str], lines: list[str], compounds: Compounds | None = None) -> list[str]:
    """``parts`` (what :func:`join_lines` made of earlier lines) with ``lines`` joined on:
    each line is joined by the one before it alone, so a growing entry is joined a line at a time."""
    for raw_line in lines:
        line = raw_line.strip()
        if not line:
            continue
        if not parts:
            parts.append(BULLET.sub("", line))
            continue
        last = parts[-1]
        if last.endswith(("-", "\u2010", "\u00ad")) and len(last) > 1 and last[-2].isalpha() and line[:1].islower() and (
            last.endswith("\u00ad") or not keeps_hyphen(last, line, compounds)
        ):
            # End-of-line hyphenation: "Endo-" + "scopic" -> "Endoscopic" (also after U+2010 or a soft hyphen).
            parts[-1] = last[:-1]
            parts.append(line)
        elif last.endswith("\u00ad"):
            parts[-1] = last[:-1]  # a soft hyphen is never printed
            parts.append(line)
        elif (last.endswith(("-", "/", "_")) or (_ends_in_link(last) and not line[:1].isupper() and line[:1] not in "([" and last[-1] != ".")) and not (
            _WHOLE_DOI_LINE.search(last) and _NEW_DOI.match(line)
        ):
            parts.append(line)  # (a DOI after a whole one is another DOI: never glued into one)
        else:
            parts.append(" " + line)
    return parts


def _ends_in_link(text: str) -> bool:
    last = text.rsplit(None, 1)[-1] if text.strip() else ""
    return bool(re.match(r"(?:https?://|www\.|doi:|10\.\d{4,9}/)", last, re.IGNORECASE)) and len(last) > 12
#: What goes on after a number inside an entry: an issue and pages (``(5):12``, ``:12``, ``-15``), not a new string.
_CONTINUATION = re.compile(r"\s*(?:[:;]|[.,]\s*\d|\(\w{1,6}\)\s*[:,;]|[-–]\s*\d)|\.\d{4,9}/")
#: A string that opens with digits no volume or pages are printed as: joined to letters (``3GPP``), to a name
#: by a hyphen (``17-Stefan``), or a string's own number before initials (``14 R. F. Dane``).
_OWN_DIGITS_OPEN = re.compile(r"\d{1,6}(?:[^\W\d_]{2,}|[-–][A-Z][^\W\d_]|\s+(?:[A-Z]\.\s*)+[A-Z][^\W\d_])")
#: A line left on an abbreviation that a number follows: ``p.``, ``pp.``, ``vol.``, ``no.``.
#: After a tight label (``12.2008 Morel``): a string that opens with its year, or a number joined to a name by a hyphen.
_TIGHT_DIGITS_OPEN = re.compile(r"(?:" + YEAR + r"[a-z]?[.:,]?\s+|\d{1,3}[-–])[^\W\d_]")
#: A string that opens with its year, a colon and a name: ``1990: Ulf Preuss-Lausitz``.
_YEAR_COLON_NAME = re.compile(YEAR + r"[a-z]?:\s+[A-Z][^\W\d_]+\s+[A-Z]")
#: A string whose authors are missing: punctuation, then a capital, a bracket or a number joined to a word.
_PUNCTUATION_OPEN = re.compile(r"(?:[,;:]\s*){1,4}(?:[A-Z“\"‘(\[]|\d{1,3}[-–]?[^\W\d_]{2})")
#: An abbreviation that waits for its number: ``p.``, ``Vol.``, ``ed.`` (not an edition after its ordinal, ``4th ed.``,
#: which closes an entry: the number is before it).
_ABBREVIATION_END = re.compile(r"\b(?:pp?|vol|no|nos|ch|chap|sec|fig|art)\.$|(?<!(?:st|nd|rd|th)\s)\b(?:ed|edn)\.$", re.IGNORECASE)


#: Back matter under a list's last entry: a corresponding author, an e-mail, dates received and accepted,
#: funding, a footnote mark (``*``, ``†``) opening such a note.
_BACK_MATTER = re.compile(
    r"^(?:[*†‡§¶]+\s*)?(?:corresponding\s+authors?\b|(?:address\s+(?:for\s+)?)?correspondence\s*(?:to\b|:)|e-?mail(?:\s+address)?\s*:"
    # "Received 3 May 2020; accepted ...", "Received: March 3, 2020" (not "Accepted for publication 2020." nor "Revised May 1999." closing an entry)
    r"|(?:received|accepted)\s*:?\s*(?:on\s+)?(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?(?:1[6-9]|20)\d\d\b"
    r"|funding\s*:|copyright\b|©)"
    r"|^[†‡§¶]\s*[A-Z]",
    re.IGNORECASE,
)
#: A year bracketed and stopped as author-year references print it (``(2010).``), never a list's label ``(12)``.
_AUTHOR_YEAR_MARK = re.compile(r"\(" + YEAR + r"[a-z]?\)[.,]")
#: A place and its publisher closing a book: ``Oxford: Pergamon.``
_PLACE_PUBLISHER = re.compile(r"\b[A-Z][^\W\d_]+(?:\s+[A-Z][^\W\d_]+)?\s*:\s*[A-Z][^.:;]{1,60}\.\s*$")


def _prose(text: str, *, sentences_wanted: int = 1, named_opening: bool = False) -> bool:
    """A paragraph of prose, not a reference: long, several sentences, nearly all its words in lower case,
    and no source (``2020;12:``, pages, a DOI) in it, whatever ``(Smith et al., 2013)`` it cites
    (``named_opening``: its first words may read as a name, ``Indeed, Plasmodium ...``, when it holds
    ``sentences_wanted`` sentences or more)."""
    if len(text) < 150 or SOURCE_HINT.search(text) or (AUTHOR_START.match(text) and not named_opening) or _AUTHOR_YEAR.match(text):
        return False  # (a reference opens with its authors)
    words = re.findall(r"\b[^\W\d_]{2,}\b", text)
    lower = sum(1 for w in words if w[:1].islower())
    sentences = len(re.findall(r"(?:[a-z0-9)]{2}|\[\d{1,3}(?:[-–,]\s*\d{1,3})*\])[.!?]\s+[A-Z]", text))  # (a sentence may end on its citation, "[23].")
    return len(words) >= 20 and lower >= 0.7 * len(words) and sentences >= sentences_wanted


def _left_unclosed(text: str) -> bool:
    """Whether a text leaves a parenthesis or a quotation open at its end (``... symbols (2``, ``"Invented gene ...``)."""
    if text.count("(") > text.count(")"):
        return True
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _is_section_heading(line: str) -> bool:
    """A short capitalised line with no full stop: a new section, not a reference (nor a source's volume and
    pages, ``Comp Aided Inv Des 22:507-521``)."""
    return bool(_SHORT_TITLE.match(line)) and not YEAR_TOKEN.search(line) and len(line.split()) <= 6 and not VOLUME_PAGES.search(line)


# -- the finder -------------------------------------------------------------------------


class _Finder:
    """One pass over a document's lines; see the module docstring."""

    def __init__(self, text: str, teacher: Teacher | None = None) -> None:
        #: Training only (``scripts/train_list_cuts.py``): decides each cut in wrapped text from the truth.
        self.teacher = teacher
        # Markup that only opens or closes a block (pandoc's ``::: {#refs}``, ``<div class="csl-entry">``)
        # separates entries as a blank line does.
        self.lines = ["" if _BLOCK_MARKUP.match(line) else line for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
        for index in range(1, len(self.lines)):
            if _SETEXT_RULE.match(self.lines[index]) and REF_HEADING.match(self.lines[index - 1].strip()):
                self.lines[index] = ""  # "References" / "==========": the heading's underline, not an entry's text
        #: Bare numbers alone on their lines that run in sequence: a list's labels (``lone_number_run``).
        self.lone_labels = lone_number_run(self.lines)
        self.read(furniture_lines(self.lines, self.lone_labels))
        for position, (index, line) in enumerate(self.kept):
            if _SETEXT_RULE.match(line) and (above := self._text_above(position)) is not None and REF_HEADING.match(self.stripped(above)):
                # "References" / page furniture / "==========": a page break between a heading and its underline
                self.lines[index] = ""
                self.kept[position] = (index, "")
        self.lists: list[ReferenceList] = []
        #: The joined lines of the entry last asked about (its kept positions and :func:`_join_onto`'s parts).
        self._joined_entry: tuple[list[int], list[str]] = ([], [])
        #: Kept positions [start, end) read as lists or reference sections.
        self.claimed: list[tuple[int, int]] = []
        #: Document lines of each reference heading and of the stop that ends its section.
        self.sections: list[tuple[int, int]] = []
        #: The compounds the document writes whole (a hyphen ending a line is kept where it is theirs).
        self.compounds = Compounds(text)

    def read(self, furniture: set[int]) -> None:
        """Label every line, page furniture left out."""
        self.furniture = furniture
        # The document without furniture: (index, line) pairs, blank lines kept.
        self.kept = [(i, line) for i, line in enumerate(self.lines) if i not in self.furniture]
        self.labels: list[Label | None] = [None] * len(self.kept)
        self.only: list[Label | None] = [None] * len(self.kept)
        for position, (_, line) in enumerate(self.kept):
            if line.strip():
                index = self.kept[position][0]
                lone = self.lone_labels.get(index)
                self.only[position] = Label(lone, "bare", "") if lone is not None else label_only(line)
                if self.only[position] is None:
                    self.labels[position] = label_of(line)

    def _text_above(self, position: int) -> int | None:
        """The nearest line with text above ``position`` across a page break (blank lines beside furniture only)."""
        above = position - 1
        while above >= 0 and self.blank(above) and (above == position - 1 or self._soft_blank(above)):
            above -= 1
        return above if above >= 0 and not self.blank(above) else None

    # helpers over kept positions
    def stripped(self, position: int) -> str:
        return self.kept[position][1].strip()

    def blank(self, position: int) -> bool:
        return not self.kept[position][1].strip()

    def ahead(self, start: int, reach: int, most: int | None = None) -> Iterator[int]:
        """The non-blank lines from ``start`` within ``reach`` lines, at most ``most`` of them, up to the first
        line that ends a list (not given): the window every look ahead for the next label reads."""
        seen = 0
        for position in range(start, min(len(self.kept), start + reach)):
            if self.blank(position):
                continue
            if self.stop(position):
                return
            seen += 1
            if most is not None and seen > most:
                return
            yield position

    def stop(self, position: int) -> bool:
        """A line that ends a list: a heading, a legend, back matter, an article's DOI footer."""
        stripped = self.stripped(position)
        if is_stop(stripped) or REF_HEADING.match(stripped):
            return True
        return bool(DOI_FOOTER.match(stripped)) and self._blank_around(position)

    def _article_doi(self, position: int, others: list[str], entry: list[int]) -> bool:
        """A line of only a DOI set right under a list's last entry, which closed with its locator, and beside a
        copyright line or page furniture, is the article's own DOI (the foot of this article or the head of the
        next), not the entry's: when the list's other entries state no DOI, or when the entry already stated its
        own. Set aside, it is reported as a line in no entry."""
        if not entry or not DOI_ONLY.match(self.stripped(position)):
            return False
        if position != entry[-1] + 1 or self.kept[position][0] != self.kept[entry[-1]][0] + 1:
            return False  # after a page break or a blank line: the entry's DOI, carried over
        previous = self.stripped(entry[-1])
        if not (SOURCE_END.search(previous[-40:]) and ends_like_reference(previous)):
            return False  # "... 2019;11:e12," or a title left open: the DOI goes on with the entry
        following = self.next_text(position, 2)
        index = self.kept[position][0]
        beside = index + 1 in self.furniture or (following is not None and bool(BOUNDARY.match(self.stripped(following))))
        if not beside:
            return False  # no copyright line or page furniture beside it: a DOI wrapped from the entry above
        own = [self.stripped(p) for p in entry]
        if any(_DOI_TOKEN.search(line) for line in own):
            return True
        return len(others) >= 2 and not any(_DOI_TOKEN.search(text) for text in others)

    def _wrapped_marker(self, previous: int, position: int) -> bool:
        """A back-matter word wrapped to an indented line right after a line left open (``Nurs`` / ``    Ethics 14``):
        the entry goes on. Headings, Markdown headings and article boundaries always stop."""
        stripped = self.stripped(position)
        if REF_HEADING.match(stripped) or MD_HEADING.match(stripped) or BOUNDARY.match(stripped) or DOI_FOOTER.match(stripped):
            return False
        if self.blank(previous):
            return False
        if _names_then_year(self.stripped(previous)):
            # "Gressl, W., & Haber, A. (2012)." / "Ethics and markets: Towards a new": the title comes next; not flush
            # under a set-in line ("    H. Beck, 1988." / "Supplementary Material"), where a title would be set in.
            set_in = indent_of(self.kept[previous][1])
            return not (set_in >= 2 and indent_of(self.kept[position][1]) < set_in - 1)
        if ends_like_reference(self.stripped(previous)):
            return False
        if _OPEN_WORD.search(self.stripped(previous)) and not _LEGEND.match(stripped) and len(stripped.split()) >= 4:
            return True  # "... (Ed.) The" / "Ethics of Keeping Invented Collections, Northfield,": the title goes on
        indent, above = indent_of(self.kept[position][1]), indent_of(self.kept[previous][1])
        return (indent >= 2 and indent >= above) or stripped[:1].islower()

    def _blank_around(self, position: int) -> bool:
        before = position == 0 or self.blank(position - 1)
        after = position + 1 >= len(self.kept) or self.blank(position + 1)
        return before and after

    def next_text(self, position: int, limit: int = 3) -> int | None:
        """The next non-blank position within ``limit`` positions."""
        for other in range(position + 1, min(len(self.kept), position + 1 + limit)):
            if not self.blank(other):
                return other
        return None

    def label_at(self, position: int, last: int | None = None) -> tuple[Label, int] | None:
        """The label that starts an entry here and the position its text starts at.

        A label alone on its line followed by a line with a label of the same form is
        still a label when it is the list's next number (``last`` ± 1) and the other is
        not: the string then carries its own number (``13.`` then ``40. Schulte JP``). At a
        list's start it is when the next label goes on from it and not from the other.
        """
        label = self.labels[position]
        if label is not None:
            return label, position
        only = self.only[position]
        if only is not None:
            following = self.next_text(position)
            next_label = self.labels[following] if following is not None else None
            # (Within a gap or a repeat too: "6." then "38. Maguire" after 4, "12." then "54. Lauritsen" after 12.)
            gap = abs(only.number - last) if last is not None else 0
            beyond = abs(next_label.number - last) if last is not None and next_label is not None else 1000
            fits = last is not None and (gap == 1 and beyond != 1 or gap <= 3 and beyond > 3)
            if last is not None and gap == 1 and beyond == 1 and following is not None and next_label is not None:
                # ("13. ..." then "14." / "12. Taylor AL, ..." / "15.": both one off the last number; the label after
                # them goes on from the lone one, so the other is the string's own.)
                after = self._next_number(following, only.style)
                fits = after is not None and abs(after - only.number) == 1 and abs(after - next_label.number) > 1
            if last is None and next_label is not None and following is not None:
                # At a list's start: "40." then "4. Guarguaglini ..." then "41.": the lone number is the one the
                # numbering goes on from; the other is the string's own.
                after = self._next_number(following, only.style)
                fits = after is not None and abs(after - only.number) == 1 and abs(after - next_label.number) != 1
            # ("12." / "2019." / "13.": a year alone under the list's next number is that entry's text, not a label.)
            below = self.only[following] if following is not None else None
            year_text = False
            if following is not None and below is not None and _year_number(below.number) and abs(below.number - only.number) > 1:
                # (Labels in the years too, "1979" / "(2004)" / "1980": not the next label, so the year is judged as text.)
                # (in step with the last number, or at a list's start with the next one)
                step_from = last if last is not None else self._next_number(following, only.style)
                year_text = step_from is not None and abs(only.number - step_from) <= 3  # (a repeated number or a gap too)
            if following is not None and (next_label is None or next_label.style != only.style or fits) and (below is None or year_text) and not self.stop(following):
                return Label(only.number, only.style, self.stripped(following)), position
        return None

    def _next_number(self, position: int, style: str, limit: int = 20) -> int | None:
        """The number of the next label of ``style`` after ``position`` (on its own line or opening a line), within
        ``limit`` lines and before a stop."""
        for other in self.ahead(position + 1, limit):
            label = self.only[other] or self.labels[other]
            if label is not None and label.style == style:
                return label.number
        return None

    def one_per_line(self, positions: list[int]) -> bool:
        """Whether these lines are one reference each: most are complete references, few carry labels."""
        texts = [self.stripped(p) for p in positions if not self.blank(p)]
        if len(texts) < 5:
            return False
        complete = sum(1 for t in texts if len(t) >= 30 and YEAR_TOKEN.search(t) and ends_like_reference(t) and not cites_others(t))
        labelled = sum(1 for p in positions if self.labels[p] is not None or self.only[p] is not None)
        return complete >= 0.7 * len(texts) and labelled < 0.3 * len(texts)

    def run(self) -> list[ReferenceList]:
        position = 0
        heading: str | None = None
        total = len(self.kept)
        headed = any(REF_HEADING.match(self.stripped(p)) for p in range(total) if not self.blank(p))
        if not headed and self.one_per_line(list(range(total))):
            if self.furniture:
                # A file of references, one a line: no page furniture in it but a publisher's notice.
                self.read({i for i in self.furniture if BOUNDARY.match(self.lines[i].strip())})
                total = len(self.kept)
            # (It ends at back matter: the text after it is read as runs are outside the lists found.)
            self.claimed.append((0, self.unnumbered(0, None, whole=True, per_line=True)))
            position = total
        while position < total:
            if self.blank(position):
                position += 1
                continue
            stripped = self.stripped(position)
            match = REF_HEADING.match(stripped)
            if match:
                heading = stripped.strip("#*_: ")
                natural = next((p for p in range(position + 1, total) if not self.blank(p) and self.stop(p)), total)
                self.sections.append((self.kept[position][0], self.kept[natural][0] if natural < total else len(self.lines)))
                end = self.section(position + 1, heading)
                self.claimed.append((position, end))
                position = end
                heading = None
                continue
            start = self.label_at(position)
            if start is None and self.labels[position] is None and self.only[position] is None and stripped[:2] == "1 ":
                start = self._bare_first(position)
            if (
                start is not None and looks_like_reference(self._text_from(position, 8)) and not self._wrapped_year(position, start[0])
                and not self._after_abbreviation(position) and not self._set_in_under_open_entry(position)
                # (nor a date wrapped to a line's start: "... [Accessed" / "2 March 2014].")
                and not (start[0].style == "bare" and _DATE_START.match(stripped))
                # (not prose wrapped at a number: "66 and 68) and high-risk HPVs (Smith et al., 2014).")
                and (start[0].style not in ("bare", "glued") or starts_like_reference(start[0].rest or self._peek_text(position)))
            ):
                kept = len(self.lists)
                end = self.numbered(position, None)
                if len(self.lists) > kept and (
                    self._lone_label(self.lists[-1], position, end) or _years_not_numbers(self.lists[-1])
                    or self._labels_out_of_step(self.lists[-1], position, end)
                ):
                    self.lists.pop()  # the unclaimed lines are read again as an unnumbered list
                    position += 1
                    continue
                if len(self.lists) > kept:
                    self.claimed.append((position, end))
                position = end
                continue
            position += 1
        if not self.lists:
            self.whole_document()
        else:
            self.unclaimed_runs()
        self._carried_over_top()
        self.lists.sort(key=lambda found: found.line)
        for number, found in enumerate(self.lists, start=1):
            found.label = f"references-{number}"
        self._headings()
        self._left_out()
        return self.lists

    def _set_in_under_open_entry(self, position: int) -> bool:
        """A line set in under an entry's first line in the same block, the line above it left open: the wrapped
        text of a hanging or bulleted entry (``Сперанский, М. 1927. ... Известия`` / ``      27. 44-118.``,
        ``• Quill, L. (2008). Time to remission: a`` / ``\t2½-year follow-up``), whose leading number is no label
        that opens a list (a list's labels stand at its entries' first indent)."""
        indent = indent_of(self.kept[position][1])
        above = position - 1
        while above >= 0 and not self.blank(above) and indent_of(self.kept[above][1]) == indent:
            above -= 1
        if above < 0 or self.blank(above) or indent_of(self.kept[above][1]) >= indent:
            return False
        first = self.stripped(above)
        opens = bool(BULLET.match(first) or AUTHOR_START.match(first) or label_of(first))
        return opens and not ends_like_reference(self.stripped(position - 1))

    def _headings(self) -> None:
        """The line of each list's heading: the reference section its first entry is in."""
        for found in self.lists:
            if found.heading is not None and found.entries:
                first = found.entries[0].line - 1
                section = next(((a, b) for a, b in self.sections if a < first < b), None)
                found.heading_line = section[0] + 1 if section is not None else None

    def _lone_label(self, found: ReferenceList, start: int, end: int) -> bool:
        """A "list" with no heading and one label whose entry holds several references cut apart by their
        layout (``[13] Solano D, ...`` in a hanging list): a string that carries its own number, not a numbering."""
        if len(found.entries) != 1:
            return False
        number = found.entries[0].number
        if (
            number is not None and (number > 3 or found.style == "glued") and start > 0 and not self.blank(start - 1)
            and looks_strongly_like_reference(self.stripped(start - 1))
        ):
            # "77. Tarnov A. 1989. ..." or "3GPP TS 32.240: ..." right under a reference of an unnumbered run: one of
            # its strings (a number glued to a string's own text opens no list of one entry, whatever it is).
            return True
        if (
            number is not None and found.style == "glued" and end < len(self.kept) and not self.blank(end - 1)
            and not self.blank(end) and looks_strongly_like_reference(self.stripped(end))
        ):
            # The same right above a reference of an unnumbered run with nothing above it (the tail of an earlier
            # list at a document's top: "3GPP TS 32.240: ..." then "A. Quill, ...", "Venn, K. (2000). ...").
            return True
        region = [p for p in range(start, end) if not self.blank(p)]
        if BULLET.match(self.kept[start][1]) and len(self._bullets(region)) >= 2:
            # "•  [97] Quill, X., ..." then "•  Lind B, ...": an item of a bulleted list that carries its own number.
            return True
        if len(region) < 4:
            return False
        parts, strong, first = self._unnumbered_parts(start, end)
        if number is not None and _year_number(number):
            # "(2012) Vexas Workshop. Cited 4 times." opening a set-in hanging list with no heading: a year that
            # opens a string, not a numbering, when the lines make several entries, half of them strongly references.
            return parts >= 3 and 2 * strong >= parts
        # (The labelled string itself may read as no whole reference, "[29] Quill, L. Invented traversal." with no
        # year or source: the entries after it tell.)
        return parts >= 3 and strong - first >= 0.8 * (parts - 1)

    def _labels_out_of_step(self, found: ReferenceList, start: int, end: int) -> bool:
        """A "list" with no heading whose labels are never in step (``[43]`` then ``[50]`` across an unnumbered
        list) and whose entries each hold several references cut apart by their layout: strings that carry
        their own numbers, not a numbering (taken as one, each would swallow the references up to the next)."""
        numbers = [entry.number for entry in found.entries if entry.number is not None]
        if found.heading is not None or len(numbers) < 2 or _in_sequence(numbers):
            return False
        parts, strong, _first = self._unnumbered_parts(start, end)
        return parts >= 2 * len(found.entries) + 1 and strong >= 0.8 * parts

    def _unnumbered_parts(self, start: int, end: int, *, learned: bool = False) -> tuple[int, int, int]:
        """How many entries the lines [start, end) make read as an unnumbered list, how many of them read
        strongly as references (a "list" of a string's own numbers is read again so), and whether the first does (1 or 0)."""
        parts = self._split_unnumbered(list(range(start, end)), learned=learned)
        strong = [looks_strongly_like_reference(join_lines([self.kept[p][1] for p in part])) for part in parts]
        return len(parts), sum(strong), int(bool(strong) and strong[0])

    def _own_numbers(self, numbers: list[int], region: list[int], style: str = "") -> bool:
        """Under a heading, labels no two of which step by one (``[10]`` then ``[8]``) in a section that, read
        unnumbered, makes more than twice as many entries, nearly all strongly references: strings that carry their
        own numbers in an unnumbered list (taken as a numbering, each would swallow the references up to the next).
        Glued labels are judged so even when they step by one: names that open with digits (``3D Systems``, ``4D
        Nucleome Network`` sorted together, read as 3 and 4 glued to text) step so by chance. So are bare labels that
        step by one in fewer than half their steps: group authors whose names open with digits (``1000 Genomes Project
        Consortium``, ``2019 ESC Guidelines Task Force``, ``2020 Global Burden ...`` twice: 1000, 2019, 2020, 2020)."""
        if len(numbers) < 2 or (
            style != "glued" and any(abs(b - a) == 1 for a, b in zip(numbers, numbers[1:], strict=False))
            and (style != "bare" or _steps_by_one(numbers))
        ):
            return False
        parts, strong, _first = self._unnumbered_parts(region[0], region[-1] + 1, learned=True)
        return parts >= 2 * len(numbers) + 1 and strong >= 0.8 * parts

    def _region_line(self, index: int) -> bool:
        line = self.lines[index].strip()
        return index in self.furniture or (bool(line) and not is_stop(line) and not REF_HEADING.match(line))

    def _left_out(self) -> None:
        """Say which lines of each list's region (under its heading up to the section's end, or from its first
        entry to its last) are in no entry and are not page furniture: nothing is dropped without a word."""
        covered: set[int] = set()
        for found in self.lists:
            for entry in found.entries:
                covered.update(range(entry.line - 1, max(entry.line, entry.last_line)))
        said: set[int] = set()
        for found in self.lists:
            if not found.entries:
                continue
            first, last = found.entries[0].line - 1, found.entries[-1].last_line
            if found.heading is not None:
                section = next(((a, b) for a, b in self.sections if a < first < b), None)
                if section is not None:
                    first, last = section[0] + 1, section[1]
            else:
                # Lines set right against the list's first or last entry (no blank line between) belong to its region.
                while first > 0 and self._region_line(first - 1):
                    first -= 1
                while last < len(self.lines) and self._region_line(last):
                    last += 1
            for index in range(first, min(last, len(self.lines))):
                line = self.lines[index].strip()
                if line and index not in covered and index not in self.furniture and index not in said and not REF_HEADING.match(line):
                    said.add(index)
                    found.left_out.append(index + 1)

    def _after_abbreviation(self, position: int) -> bool:
        """A number wrapped right after ``p.``, ``Vol.``, ``no.`` on the line above (``... Vol. 70. №3. P.`` / ``721.``),
        or after a page range left open (``Inv Marsh Research, 18(2), 101-`` / ``107.``): the page or volume it
        names, not a list's first label."""
        if position == 0 or self.blank(position - 1):
            return False
        above = self.stripped(position - 1)
        return bool(_ABBREVIATION_END.search(above[-6:]) or RANGE_OPEN.search(above[-12:]))

    def _wrapped_year(self, position: int, label: Label) -> bool:
        """A year wrapped to a line start after a line left open (``Brno: MZV,`` / ``2013.``): no list starts there."""
        if not _year_number(label.number) or position == 0:
            return False
        # (Across a page break too: "Harbor House," / page furniture / "2014.")
        previous = next((p for p in range(position - 1, max(-1, position - 7), -1) if not self.blank(p)), None)
        if previous is None or (previous != position - 1 and not any(self._soft_blank(p) for p in range(previous + 1, position))):
            return False
        if label.style == "round":
            return True  # "Orme, E. J., ... & Marek, L." / (page break) / "(2010). The spread ...": an author-year's year
        indent, above = indent_of(self.kept[position][1]), indent_of(self.kept[previous][1])
        if previous == position - 1 and (indent >= above + 2 or (indent >= 2 and indent >= above)):
            return True  # "Seow SB, Lowe WS" / "    (2001) Invented control of ...": a hanging indent's year, not label 2001
        if previous == position - 1 and (self.only[position] is not None or not re.search(r"\w", label.rest)):
            return True  # "... pp. 687-702." / "1977." or "(1982).": a year alone under the text it ends, not a label
        if previous == position - 1 and (indent < above or (indent == above and self._under_first_line_indent(previous, indent))):
            # "  Messner, C., ..." (/ "V. Kovac, ...") / "2004. The invented ...": a year set back under an
            # entry's indented first line goes on with that entry.
            return True
        above_text = self.stripped(previous)
        if label.style == "paren" and above_text.rfind("(") > above_text.rfind(")"):
            return True  # "(Egli and Arden" / "2018), so a clot ...": a citation's year closing its bracket
        if previous == position - 1 and re.match(r"\d", label.rest) and not above_text.endswith((".", ")", "]")):
            return True  # "Phys. Rev. E 86" / "(2012) 026611.": a source's year and its pages, not label 2012
        # (Right under a line that does not end as a reference ends: "Amari A, Cortes MC" / "(2007) Invented".)
        return bool(OPEN_END.search(above_text)) or (previous == position - 1 and not ends_like_reference(above_text))

    def _under_first_line_indent(self, previous: int, indent: int) -> bool:
        """Whether the lines from ``previous`` up, at ``indent``, go on from an entry's first line indented further."""
        p = previous
        while p >= 0 and previous - p < 12 and not self.blank(p) and indent_of(self.kept[p][1]) == indent:
            p -= 1
        return p >= 0 and p != previous and not self.blank(p) and indent_of(self.kept[p][1]) >= indent + 2

    def _text_from(self, position: int, count: int) -> str:
        """The text of up to ``count`` lines from ``position`` to the next blank line."""
        out: list[str] = []
        for other in range(position, min(len(self.kept), position + count)):
            if self.blank(other):
                if out and OPEN_END.search(out[-1][-12:]) and self._soft_blank(other):
                    continue  # an entry left open across a page break ("New York: Harbor House," / "2014.")
                break
            out.append(self.stripped(other))
        return " ".join(out)

    def _peek_text(self, position: int) -> str:
        following = self.next_text(position, 2)
        return self.stripped(following) if following is not None else ""

    def section(self, position: int, heading: str) -> int:
        """After a reference heading: a numbered list, or an unnumbered one."""
        first = self.next_text(position - 1, 6)
        if first is None:
            return position
        region: list[int] = []
        for other in range(first, len(self.kept)):
            if not self.blank(other) and self.stop(other) and not (region and self._wrapped_marker(region[-1], other)):
                break  # (a back-matter word wrapped under a line left open, "Embedding" / "    Ethics, edited by", goes on)
            region.append(other)
        start = self.label_at(first)
        if start is None and self.labels[first] is None and self.only[first] is None:
            start = self._bare_first(first)
        if start is not None and not self.one_per_line(region):
            style = start[0].style
            numbers = [label.number for p in region if (label := self.labels[p] or self.only[p]) is not None and label.style == style]
            text_lines = sum(1 for p in region if not self.blank(p))
            years_only = all(_year_number(n) for n in numbers) and len(numbers) < 0.25 * text_lines
            if (numbers == [1] and not self._unnumbered_reading(region)) or (
                _in_sequence(numbers) and not years_only and not self._own_numbers(numbers, region, style)
            ):
                # (A few "1995." lines in a long list are strings that open with their year.)
                return self.numbered(first, heading)
            glued = [label.number for p in region if (label := self.labels[p]) is not None and label.style == "glued"]
            if (
                style != "glued" and _in_sequence(glued) and len(set(glued)) > 1 and _steps_by_one(glued)
                and any(self.glued_reading(first, glued[0] - step) is not None for step in (1, 2, 3) if glued[0] > step)
            ):
                # "125. Smith" first in a list of "5Khansari", "6Nakahigashi": label 1 glued to a string's own "25.".
                # (Not one number again and again, "3GPP TS 99.551: ..." and a wrapped '3".': no numbering steps so;
                # nor "3D Systems", "4D Nucleome" under "1000 Genomes ...", whose digits read as no label before 3.)
                return self.numbered(first, heading, style="glued")
            # A label or two in a long unnumbered list: strings that carry their own numbers.
        elif self.glued_reading(first, None) is not None:
            # "1-M. BOLTE" then "2Perkins DI": the first label glued to a mark the label pattern does not take.
            glued = [label.number for p in region if (label := self.labels[p]) is not None and label.style == "glued"]
            if len(glued) >= 2 and _in_sequence(glued) and min(glued) <= 3 and _steps_by_one(glued):
                return self.numbered(first, heading, style="glued")
        later = self._numbering_below(region) if not self.one_per_line(region) else None
        if later is not None:
            return self.numbered(later, heading)
        return self.unnumbered(first, heading)

    def _numbering_below(self, region: list[int]) -> int | None:
        """A section whose first lines carry no label (the wrapped tail of a string broken as printed, such as
        ``(2011)`` / ``275610 (7pp)``) but whose next lines start a numbering that runs through it (``996``,
        ``997``, ... one label every few lines): where that numbering starts. The lines above it are no
        entry and are reported as such; the list is not read as unnumbered, one line at a time."""
        text_lines = [p for p in region if not self.blank(p)]
        for p in text_lines[1:4]:
            start = self.label_at(p)
            if start is None:
                continue
            style = start[0].style
            numbers = [label.number for q in region if q >= p and (label := self.labels[q] or self.only[q]) is not None and label.style == style]
            steps = sum(1 for a, b in zip(numbers, numbers[1:], strict=False) if 0 < abs(b - a) <= 3)
            if (
                len(numbers) >= 3 and 0 < abs(numbers[1] - numbers[0]) <= 3 and steps >= 0.8 * (len(numbers) - 1)
                and len(numbers) >= 0.2 * len(text_lines)
            ):
                # The number before it, on a string that opens with digits of its own (``996 3GPP TS``), which the
                # label pattern leaves unlabelled, opens the list.
                above = text_lines[text_lines.index(p) - 1]
                for number, rest in lenient_labels(self.stripped(above), style):
                    if number == numbers[0] - (numbers[1] - numbers[0]) and rest.strip():
                        self.labels[above] = Label(number, style, rest)
                        return above
                return p
        return None

    def _bare_first(self, position: int) -> tuple[Label, int] | None:
        """A list's first bare label before a string that opens with digits of its own (``1 3GPP TS 26.114``),
        when the next bare label goes on from it (or past a gap of two), or comes right below it in a descending list:
        the label pattern leaves such a line unlabelled."""
        following = self._next_number(position, "bare") or 0
        for number, rest in lenient_labels(self.stripped(position), "bare"):
            # (or a descending list's first label, the next one below it: "18 3GPP TS 99.316: ..." then "17 Quill, M.")
            steps = (number <= 3 and 1 <= following - number <= 3) or following == number - 1 > 0
            if rest[:1].isdigit() and re.match(r"\d{1,4}[^\W\d_]", rest) and steps:
                label = self.labels[position] = Label(number, "bare", rest)
                return label, position
        return None

    def _unnumbered_reading(self, region: list[int]) -> bool:
        """Whether a section whose only label is a first ``(1)`` reads as an unnumbered list: the string
        that opens it carries its own number (``(1) Odeh, E.; et al.``) and the entries after it are cut
        by hanging indents or blank lines into several that all read as references."""
        entries = self._split_unnumbered(region, learned=True)
        if len(entries) < 3:
            return False
        looks = sum(1 for positions in entries if looks_strongly_like_reference(join_lines([self.kept[p][1] for p in positions])))
        return looks >= 0.8 * len(entries)

    # -- numbered lists ------------------------------------------------------------------

    def glued_reading(self, position: int, wanted: int | None) -> Label | None:
        """Read a line's leading digits as a label glued to the text (``125. Smith`` as 1 + ``25. Smith``)."""
        line = self.kept[position][1].lstrip()
        digits = re.match(r"\d{1,7}", line)
        if not digits or LINK_TOKEN.match(line):
            return None  # (a DOI wrapped to a line's start, "10.1038/nbt.2514" after 9, is no label 10)
        run = digits.group(0)
        for cut in range(len(run), 0, -1):
            number = int(run[:cut])
            if (wanted is None and number <= 3) or number == wanted:
                rest = line[cut:]
                if re.match(r"\s*[:;]|\s*,\s*\d|\s*\(\w{1,6}\)\s*[:,]", rest):
                    return None  # "4:405-414" or "43:OF-98-113" wrapped from the line above is not label 4 or 43
                if rest[:1] == "0":
                    return None  # "1000 Genomes Project": no string's own number opens with 0, so this is no label 1
                if re.match(r"(?:st|nd|rd|th)\b", rest):
                    return None  # "1st Medical Faculty Study Group": an ordinal, not label 1 glued to "st Medical"
                if rest[:1].isdigit() and not re.match(r"\d+(?:[.)]\s+\S|[.)][A-Z][^\W\d_]|[-–]\s*[^\W\d_]|[^\W\d_]|\s+[^\W\d_])|" + YEAR + r"[a-z]?[:,]\s+[^\W\d_]", rest):
                    # ("351980: Ulf Preuss" after 34 is label 35 before a string that opens with its year.)
                    return None  # "312(1-2):316-331", "229–239, 2013." or "1997" wrapped: pages or a year, not label 3, 2 or 1
                return Label(number, "glued", rest) if rest.strip() else None
        return None

    def _own_number_after_label(self, position: int, reading: Label, last: int, entry: list[int]) -> bool:
        """A glued label next in step before a string that carries its own number (``3477 Across ...`` after 33,
        ``2238. Maguire`` after 21, the line above left open): the digits together are no year, and either the numbering goes on from it
        on a later line (35 next) or the line sits flush where the entry above hangs (its first line flush, the
        line above indented), so the number this line opens with is the list's, not the text's."""
        step = reading.number - last
        digits = re.match(r"\d+", self.stripped(position))
        if not (
            step in (1, -1) and digits is not None and not _year_number(int(digits.group(0)))
            and re.match(r"\d{1,4}(?:[.)])?\s+[^\W\d_]", reading.rest)
        ):
            return False
        indent = indent_of(self.kept[position][1])
        hangs = len(entry) >= 2 and indent_of(self.kept[entry[-1]][1]) >= indent + 2 and indent_of(self.kept[entry[0]][1]) == indent
        return hangs or self._next_number(position, "glued") == reading.number + step

    def _glued_before_source(self, position: int, wanted: int, last: int, entry: list[int], direction: int = 0) -> Label | None:
        """A number of the list glued to a string that opens with digits of its own (``32003;9:1648-1655.
        ClinCancer Res`` after 2, ``13256-266 american journal ...`` after 12, ``102014 (in press), ...`` after 9,
        ``1823.van den Hoek`` after 17): a label when the entry above is complete and the numbering goes on from it
        on a later line, so the number it stands for is found nowhere else (past a gap of up to three too; never a
        repeat, where the next number says nothing: ``1252-1253.`` under entry 1 is its pages);
        or, for the next number before a year and volume, the list ends there (the digits read as pages or a year
        wrapped from the line above otherwise)."""
        line = self.stripped(position)
        head = str(wanted)
        step = wanted - last
        if not 1 <= abs(step) <= 3 or not line.startswith(head) or LINK_TOKEN.match(line) or not entry:
            return None
        onward = step if step in (1, -1) else direction or 1
        rest = line[len(head) :]
        digits = re.match(r"\d+", line)
        if digits is None or not rest[:1].isdigit() or (
            _year_number(int(digits.group(0))) and not re.match(r"\d{1,3}\.[^\W\d_]", rest)
        ):
            return None  # (a year's digits only before the string's own tight label: "1823.van" is 18 and "23.")
        year_source = re.match(YEAR + r"[a-z]?\s*[;:]\s*\d", rest) is not None
        if not ends_like_reference(self.stripped(entry[-1])):
            return None
        after = self._next_number(position, "glued")
        if year_source or re.match(r"\d{1,5}\s*[-–]{1,2}\s*\d{1,5}\b", rest):
            # (At the list's end a year and volume still read so: no year's digits start with the list's next number.)
            return Label(wanted, "glued", rest) if after == wanted + onward or (after is None and year_source and step == onward) else None
        # Any other digits ("102014 (in press), Ferrand" or "105,6-Arata S" after 9): a label when the numbering
        # goes on from it, so the number it stands for is found nowhere else.
        volume = re.match(r"\d+\s*(?:[,:;]\s*\d|\(\d)", rest) is not None and not re.match(r"[\d,]+[-–][^\W\d_]", rest)
        return Label(wanted, "glued", rest) if after == wanted + onward and not volume and not _CONTINUATION.match(rest) else None

    def _in_step_before_digits(
        self, position: int, style: str, last: int, direction: int, previous: str, *, blank_before: bool = False
    ) -> Label | None:
        """The list's next number before a string that opens with digits (``10.3GPP TS 23.228`` or ``13.5,6-Ando S``
        after 9 or 12 in a list of tight ``1.Author`` labels; bare ``1010 3GPP TS ...`` after 1009 under a line
        ending ``2000);``): a label when the numbering goes on from it on a later line, so the number it stands
        for is found nowhere else; never a year, a link or a line under one cut at a hyphen (a bare one only under
        a line that ends on a closing mark)."""
        line = self.stripped(position)
        pattern = r"(\d{1,6})\.(?=\d)" if style == "dot" else r"(\d{1,6})\s+(?=\d)" if style == "bare" else None
        match = re.match(pattern, line) if pattern else None
        if match is None or LINK_TOKEN.match(line) or previous.endswith(("-", "–", "—", "/")):
            return None
        if style == "bare" and not (re.search(r"[.;)\]\"”’]$", previous) or blank_before or _OWN_DIGITS_OPEN.match(line[match.end() :])):
            # ("... J Inv Res" / "12 345-350": a bare volume and pages wrapped under a line left open; but not
            # "42 3GPP TS ...", "25 17-Stefan Gour" or "32 14 R. F. Dane": no volume or pages read so.)
            return None
        number = int(match.group(1))
        step = number - last
        if step not in ((direction,) if direction else (1, -1)) or _year_number(number) or line.startswith("0"):
            return None
        rest = line[match.end() :]
        if _CONTINUATION.match(rest) or re.match(r"\d+\s*$", rest):
            return None
        after = self._next_number(position, style)
        # (At the list's end, "25 17-Stefan Gour" after 24: digits no volume or pages read as need no number after.)
        return Label(number, style, rest) if after == number + step or (after is None and _OWN_DIGITS_OPEN.match(rest)) else None

    def numbered(self, position: int, heading: str | None, style: str | None = None) -> int:
        """Read a chain of labels of one form from ``position``; returns where it stopped."""
        if style == "glued" and (self.labels[position] is None or self.labels[position].style != "glued"):  # type: ignore[union-attr]
            self.labels[position] = self.glued_reading(position, None) or self.labels[position]
        first_label, _ = self.label_at(position)  # type: ignore[misc]
        style = first_label.style
        current = ReferenceList(label="", heading=heading, line=self.kept[position][0] + 1, style=style)
        entry: list[int] = []  # kept positions of the current entry's lines
        numbers: list[int] = []
        direction = 0  # +1 ascending, -1 descending, 0 not yet known
        total = len(self.kept)
        blank_before = False
        soft = False  # the blank lines before this line are a page break (beside page furniture)

        shown: int | None = None  # the current entry's printed number when the numbering goes on from another
        before: list[int] = []  # the previous entry's positions

        def flush() -> None:
            if entry:
                current.entries.append(self._entry(entry, numbers[-1] if shown is None else shown))

        while position < total:
            if self.blank(position):
                soft = (soft or not blank_before) and self._soft_blank(position)  # every blank so far beside furniture
                blank_before = True
                position += 1
                continue
            if numbers and REF_HEADING.match(self.stripped(position)):
                break  # "7. Kaynaklar" after "1. Introduction": a reference heading ends a run of numbered sections
            start = self.label_at(position, numbers[-1] if numbers else None)
            # (A year wrapped to the line's start under an entry that states none is that entry's year: "... and T.
            # Okafor." / "2016. Methods ..." is no 20 glued to a string's own "16.".)
            lead = re.match(r"(\d+)[.,]?\s", self.stripped(position))
            entry_year = bool(lead and entry and _year_number(int(lead.group(1))) and not YEAR_TOKEN.search(self._joined(entry)))
            if style == "glued" and numbers and not entry_year and (start is None or start[0].style != "glued" or abs(start[0].number - numbers[-1]) > 1):
                # "1310T .Aoki" after 12, "264XYZ" after 27, "45108. Delacroix" after 44: the list's
                # number glued to a string that opens with digits of its own.
                last = numbers[-1]
                near = (last + 1, last - 1) if direction <= 0 else (last + 1,)
                # Past a gap or a repeat ("21[38] G. A. Varoni" after 19 or 21) only when the string opens with its own label.
                beyond = (last + 2, last + 3, last) if direction >= 0 else (last - 2, last - 3, last)
                for wanted in near + beyond:
                    source = self._glued_before_source(position, wanted, last, entry, direction)
                    reading = self.glued_reading(position, wanted) or source
                    previous_ends = ends_like_reference(self.stripped(entry[-1]))
                    if reading is not None and wanted in beyond and reading is not source and not (previous_ends and (_OWN_LABEL.match(reading.rest) or _YEAR_OPEN.match(reading.rest))):
                        continue
                    if reading is not None and (start is None or reading.number != start[0].number) and (
                        # "1997 Behavioral ..." wrapped after an open line is a year, not label 1 glued to "997 ...".
                        start is None and (previous_ends or not re.match(r"\d+\s", reading.rest))
                        or start is not None and starts_like_reference(reading.rest) and previous_ends
                        or self._own_number_after_label(position, reading, last, entry)
                    ):
                        start = (reading, position)
                        break
            if style == "bare" and start is None and numbers and entry and ends_like_reference(self.stripped(entry[-1])):
                # "21 4XYZ TS 12.345", "23 16-Hollander TJ": the next number before a string that opens with digits.
                bare = re.match(r"(\d{1,6})\s+(?=[^\s(:;,.\-–])", self.stripped(position))
                if bare and int(bare.group(1)) - numbers[-1] in ((direction,) if direction else (1, -1)):
                    start = (Label(int(bare.group(1)), "bare", self.stripped(position)[bare.end() :]), position)
            if style in ("dot", "bare") and start is None and numbers and entry:
                # "10.3GPP TS" after 9, "1010 3GPP TS" after 1009: the next number before digits, the numbering going on from it.
                digits_label = self._in_step_before_digits(
                    position, style, numbers[-1], direction, self.stripped(entry[-1]), blank_before=blank_before and not soft
                )
                if digits_label is not None:
                    start = (digits_label, position)
            if entry and start is None and (
                (self.stop(position) and not (not blank_before and self._wrapped_marker(entry[-1], position)))
                or self._article_doi(position, [e.text for e in current.entries], entry)
            ):
                break
            forced = False
            in_step = bool(numbers) and start is not None and start[0].style == style and start[0].number - numbers[-1] in ((direction,) if direction else (1, -1))
            if numbers and entry and not in_step and not entry_year and self.only[position] is None and not self.stop(position):
                lenient = self._near_label(position, style, numbers[-1], direction, self.stripped(entry[-1]))
                if lenient is not None:
                    start, forced = (lenient, position), True
            if start is not None and start[0].style == style:
                label = start[0]
                if not entry:
                    entry, numbers, shown = [position], [label.number], None
                    position += 1
                    blank_before = False
                    continue
                last = numbers[-1]
                step = label.number - last
                previous = self.stripped(entry[-1])
                # (A bullet after the label, "11. • Cornwall, Mark.", is no part of how the string opens.)
                opening = BULLET.sub("", label.rest or self._peek_text(position), count=1)
                if not (step == 1 and direction >= 0 or step == -1 and direction <= 0) and (
                    starts_like_reference(opening) or ends_like_reference(previous) or label.number not in numbers[-4:]
                ):
                    # A stray or out-of-sequence number taken earlier must not swallow the entries after it:
                    # the next number after one of the last few still follows on (but "10 year follow-up" in
                    # lower case after an open line, with 10 already taken, is the entry's text).
                    for earlier in numbers[-4:-1]:
                        if label.number - earlier == 1 and direction >= 0 or label.number - earlier == -1 and direction <= 0:
                            step, last = label.number - earlier, earlier
                            break
                    else:
                        # "8." then "19. The EuroQol Group" then "10. In the literature" after a complete entry: the
                        # number out of step stood for the one between (9, mistyped), and the numbering goes on.
                        for sign in (1, -1):
                            if (
                                len(numbers) >= 2 and sign * direction >= 0 and label.number - numbers[-2] == 2 * sign
                                and abs(last - numbers[-2]) > 3 and ends_like_reference(previous)
                            ):
                                step, last = sign, numbers[-2] + sign
                                break
                boundary = starts_like_reference(opening) and (
                    blank_before or ends_like_reference(previous) or self.only[position] is not None
                    # Pages closing a source and a stray ";" ("765(1-2): 211-233;"): the entry is complete.
                    or bool(SOURCE_END.search(previous[-40:]))
                    # So is a publisher's name closing a book with no stop ("New York:" / "Lakeside University Press").
                    or bool(_PUBLISHER_END.search(previous))
                    # Authors after a line that is not left open (a DOI's tail, "(1983);"): a new entry.
                    or (bool(AUTHOR_START.match(opening)) and not OPEN_END.search(previous.rstrip(";:")[-12:])
                        and not previous.endswith(("-", "–", "—")))
                    # A run of authors ("15. Varo N, de Lemos JA, Libby P,", "15. Lei, X. G., Cheng, W.-H., &
                    # McClung, J. P. (2007).") even after a line left open.
                    or ((bool(_AUTHOR_RUN.match(opening)) or bool(_APA_OPENING.match(opening))) and not previous.endswith(("-", "–", "—")))
                )
                take = False
                standin: int | None = None
                in_order = step == 1 and direction >= 0 or step == -1 and direction <= 0
                # "2. Patients and methods" then "1. Smith", "2. ...", "3. ...": the 1 after the first number opens a
                # list that goes on up from it (the numbering restarts), not a list that counts down from 2.
                restart_up = (
                    direction == 0 and step == -1 and label.number == 1 and len(numbers) == 1
                    and starts_like_reference(opening) and self._run_ahead(position, style, 1, 1)
                )
                if not in_order and not blank_before and style not in ("bracket", "sup") and re.search(r"\b(?:vol|nos?)\.$", previous[-6:], re.IGNORECASE):
                    pass  # "... Approaches, Vol." / "1. Amsterdam: ...": the volume or number the abbreviation names
                elif forced:
                    take = True  # a number near the last one after a complete entry, whatever the string opens with
                elif in_order and not restart_up:
                    # "2011. Prevalence ..." wrapped after "... et al" is a year, not the next number.
                    take = not (
                        _year_number(label.number) and style in ("bare", "dot")
                        and previous.rstrip().endswith(("-", "–", ",", "(", ";")) and not AUTHOR_START.match(label.rest)
                    ) and not self._volume_in_indent(entry, position, label)
                elif restart_up or label.number == 1 and last >= 2 and boundary and (
                    blank_before or self.only[position] is None or ends_like_reference(previous)
                ) and self._next_number(position, style) != last + (direction or 1):
                    # ("Jonas" / "1." / "MP, Hurley M.": a "1." inside an entry left open is its text, not a new list;
                    # so is "1. Ruderkrebse der ..." under "70." when "71." comes next: the numbering goes on.)
                    flush()
                    self._keep(current)
                    current = ReferenceList(label="", heading=None, line=self.kept[position][0] + 1, style=style)
                    entry, numbers, direction, shown = [position], [label.number], 0, None
                    position += 1
                    blank_before = False
                    continue
                elif (boundary or (style in ("sup", "bracket", "round") and starts_like_reference(label.rest or self._peek_text(position)))) and (
                    0 <= step <= 25 or (direction <= 0 and -25 <= step < 0) or abs(step) <= 2
                    # A wide gap ("1." then "59.", "60.", "61.") when the numbering goes on in step from there.
                    or (boundary and self._run_ahead(position, style, label.number, 1 if direction > 0 else 0))
                ):
                    # A superscript or bracketed number opening a line is a label even after an unfinished line.
                    take = True
                elif (
                    style in EXPLICIT_STYLES and step == 0 and starts_like_reference(opening) and not previous.endswith(("-", "–", "—"))
                    and self._next_number(position, style) in (last + (direction or 1), last + 2 * (direction or 1))
                ):
                    # "33. ROBERT SROUFE, ..." under "33. ... Stackelberg or": the last number repeated before a string
                    # that opens a reference, even after a line left open, when the numbering goes on from it (or from
                    # the number it stands for: 35 next).
                    take = True
                    if self._next_number(position, style) == last + 2 * (direction or 1):
                        standin = last + (direction or 1)
                elif (
                    style in EXPLICIT_STYLES and step == 0 and last == 1 and all(n == 1 for n in numbers)
                    and (len(numbers) >= 2 or self._next_number(position, style) == 1)
                    and starts_like_reference(opening) and not previous.endswith(("-", "–", "—"))
                ):
                    # Markdown's "1." before every item: the list's numbering, even under an entry broken off as printed
                    # on a comma ("... (Minneapolis: Inv Press, 1989)," / "1. Abercrombie, S., (1984), ...").
                    take = True
                elif style == "sup" and abs(step) <= 25 and ends_like_reference(previous):
                    # A superscript number opening a line after a complete one is a label whatever the order
                    # ("³⁰..." then "²⁷..."), and whatever the string opens with (", , : A new ...").
                    take = True
                elif style in ("bracket", "round") and abs(step) <= 25 and ends_like_reference(previous) and starts_like_reference(opening):
                    # So is a bracketed one before a string that can open a reference ("[16] JOURNAL OF ..." after [19]).
                    take = True
                elif style in EXPLICIT_STYLES and (0 <= step <= 3 or (direction <= 0 or blank_before) and -3 <= step < 0) and ends_like_reference(previous):
                    # "33. lin S-C" or "[11] value of care" after a complete line: a label of the list's
                    # explicit form near the last number, whatever the string opens with (a step back
                    # too when a blank line sets it apart: "34) of Applied ..." after 35).
                    take = True
                elif (
                    (
                        style in EXPLICIT_STYLES and 4 <= step * (direction or 1) <= 25
                        or style == "bare" and 2 <= step * (direction or 1) <= 25 and re.match(r"[^\W\d_]", label.rest) is not None
                    )
                    and not _year_number(label.number)
                    and self._closed(previous, position) and self._gap_in_step(position, style, label.number, direction or 1)
                ):
                    # "12.<tab>inv. phys. sol. ..." under "... Inv Immunobiol 211:251-261" after 6, then 18: a gap of
                    # the list's own form after an entry that closed its source, the numbering going on from it (or
                    # nothing numbered after it), whatever the string opens with; a bare number so before a word
                    # ("14 lanner PM, ..." after 11).
                    take = True
                elif -25 <= step < 0 and ends_like_reference(previous) and AUTHOR_START.match(opening):
                    # "28 JL Marsh" after 31: an out-of-order number before authors, after a complete line.
                    take = True
                elif (
                    style in EXPLICIT_STYLES and not _year_number(label.number)
                    and (
                        ends_like_reference(previous) and (AUTHOR_START.match(opening) or str(last + (direction or 1)) in str(label.number))
                        or _mistyped_for(label.number, last + (direction or 1)) and bool(_AUTHOR_RUN.match(opening))
                        and not previous.endswith(("-", "–", "—"))
                    )
                    and self._next_number(position, style) == last + 2 * (direction or 1)
                ):
                    # "143. John Freccero" between 42 and 44: a mistyped number standing where 43 belongs, before
                    # authors or holding its digits ("113. MIDAL Alexandra" between 12 and 14); the numbering goes
                    # on from the number it stands for (never a year: "(2011) Title"). Holding its digits before a
                    # run of authors ("109. Mwale F, Wang HT, ..." between 8 and 10), even after a line left open.
                    take, standin = True, last + (direction or 1)
                elif (
                    style in EXPLICIT_STYLES and not _year_number(label.number) and ends_like_reference(previous)
                    and _mistyped_for(label.number, last + (direction or 1)) and starts_like_reference(opening)
                    and self._next_number(position, style) is None
                ):
                    # "104. Wolfgang Jantzen: ..." after "3. ... 82:134-144" with no label after it: the list's last
                    # number typed with one digit too many, the digits it stands for kept in order.
                    take, standin = True, last + (direction or 1)
                elif (
                    direction != 0 and len(numbers) >= 2 and numbers[-2] == last - direction and 2 <= step * direction <= 4
                    and not _year_number(label.number) and starts_like_reference(opening)
                    and not previous.endswith(("-", "–", "—")) and self._run_ahead(position, style, label.number, direction or 1)
                ):
                    # "31) Claire Isabeau, ..." under "29) ... using page straightening,": a small gap after an entry
                    # broken off as printed, the numbering in step before it and going on in step after it.
                    take = True
                elif (
                    abs(step) <= 4 and not _year_number(label.number) and starts_like_reference(opening)
                    and (self._flush_under_hanging(entry, before, position) or self._at_first_line_indent(entry, position))
                ):
                    # "31) Claire Isabeau, ..." flush under "    Tuberc ... 1999-2001," set in: where entries hang, a
                    # line at the first lines' indent opens an entry, whatever the numbers or the line above say (and
                    # where only first lines are set in: "  31. Venn K, ..." under "... 31(9):1564-" flush left).
                    take = True
                if take:
                    flush()
                    if direction == 0 and step in (1, -1):
                        direction = step
                    before, entry = entry, [position]
                    numbers.append(label.number if standin is None else standin)
                    shown = None if standin is None else label.number
                    following = self.next_text(position) if self.only[position] is not None else None
                    if following is not None:  # (a lone label at the document's end keeps no text)
                        entry.append(following)
                        position = following
                    position += 1
                    blank_before = False
                    continue
                entry.append(position)  # a number that fits nothing: a wrapped line
                position += 1
                blank_before = False
                continue
            if start is not None and not entry:
                break
            # An unlabelled line, or a label of another form.
            if start is not None and ends_like_reference(self.stripped(entry[-1])) and self._chain_ahead(position, start[0], style):
                break  # another list's numbering goes on here ("(5) Wada" after a "1." that a heading opened)
            if blank_before and not self._continues(entry, position, style, numbers[-1], direction, page_break=soft):
                break
            if not blank_before and start is None and self._reference_after(entry, position) and not self._label_soon(position, style, numbers[-1]):
                break  # a whole unnumbered reference after a complete one: the numbered list is over
            if (
                not blank_before and start is None and len(entry) >= 2 and self._closed(self.stripped(entry[-1]), position)
                and AUTHOR_START.match(self.stripped(position)) and self._flush_under_hanging(entry, before, position)
                and not self._label_soon(position, style, numbers[-1])
            ):
                # "  (32) Lee, H.; ... 2012, 116," / "       347-357." / "  Adlerton I, Lindqvist E, ...: Reduced": where
                # the entry hangs, an unlabelled line of authors flush with its label, after its complete last line,
                # is a reference of its own (wrapped, so no whole one): the numbered list is over.
                break
            if start is None and self._tail_after(entry, position, style):
                break  # a footnote or a paragraph of prose right under the last, complete entry
            entry.append(position)
            blank_before = False
            position += 1
        flush()
        self._keep(current)
        return position

    def _run_ahead(self, position: int, style: str, number: int, direction: int = 1) -> bool:
        """Whether the next two labels of the list's form, within a few lines, go on from ``number`` in step
        (up; or down too when ``direction`` is 0, the list's order not yet known: ``2.`` then ``69.``, ``68.``, ``67.``)."""
        if direction == 0:
            return self._run_ahead(position, style, number, 1) or self._run_ahead(position, style, number, -1)
        wanted = [number + direction, number + 2 * direction]
        for other in self.ahead(position + 1, 15):
            label = self.labels[other]
            if label is not None and label.style == style:
                if label.number != wanted[0]:
                    return False
                wanted.pop(0)
                if not wanted:
                    return True
        return False

    def _flush_under_hanging(self, entry: list[int], before: list[int], position: int) -> bool:
        """Whether the line at ``position`` sits at the indent of the current entry's first line where entries hang:
        the current entry's later lines all set in deeper than its first, or, for an entry of one line at the same
        indent, the previous entry's."""
        indent = indent_of(self.kept[position][1])

        def hangs(lines: list[int]) -> bool:
            return (
                len(lines) >= 2 and indent_of(self.kept[lines[0]][1]) == indent
                and all(indent_of(self.kept[p][1]) >= indent + 2 for p in lines[1:])
            )

        if len(entry) >= 2:
            return hangs(entry)
        return bool(entry) and indent_of(self.kept[entry[0]][1]) == indent and hangs(before)

    def _at_first_line_indent(self, entry: list[int], position: int) -> bool:
        """Whether the line at ``position`` sits at the indent of the current entry's first line where entries are
        set in on their first line only: the entry's first line set in (by two or more) further than all its later
        lines (``  27. Okafor Y, ...`` / ``HILIC system. J Inv Sci 31(9):1564-`` / ``  31. Venn K, ...``)."""
        indent = indent_of(self.kept[position][1])
        return (
            len(entry) >= 2 and indent >= 2 and indent_of(self.kept[entry[0]][1]) == indent
            and all(indent_of(self.kept[p][1]) <= indent - 2 for p in entry[1:])
        )

    def _volume_in_indent(self, entry: list[int], position: int, label: Label) -> bool:
        """``    27. 44-118.`` indented under entry 26, with ``27.  Mericq V`` on a line soon after: a volume
        and its pages wrapped into the hanging indent, not the next label."""
        if not label.rest[:1].isdigit() or indent_of(self.kept[position][1]) <= indent_of(self.kept[entry[0]][1]):
            return False
        for other in range(position + 1, min(len(self.kept), position + 4)):
            later = self.labels[other]
            if later is not None and later.style == label.style and later.number == label.number:
                return True
        return False

    def _closed(self, previous: str, position: int) -> bool:
        """The entry above is complete (``previous`` ends as a reference ends, not on ``p.``, ``vol.``, ``doi:``
        or a link's slash) and the line at ``position`` is no link going on from it."""
        return (
            ends_like_reference(previous) and not _ABBREVIATION_END.search(previous[-6:])
            and "doi" not in previous[-8:].lower() and not previous.endswith("/") and not LINK_TOKEN.match(self.stripped(position))
        )

    def _gap_in_step(self, position: int, style: str, number: int, direction: int) -> bool:
        """The numbering goes on from ``number`` past a gap: the next label of ``style`` ahead is further on the
        same way, by 25 at most, or there is none."""
        following = self._next_number(position, style)
        return following is None or 0 < (following - number) * direction <= 25

    def _near_label(self, position: int, style: str, last: int, direction: int, previous: str) -> Label | None:
        """The list's label read leniently: a number of the list's form near the last one (a repeat, a
        small gap or step back) opening a line after a complete entry, whatever the string opens with
        (``333GPP TR`` after 34 is 33, ``8 10T .Seki`` after 8, ``13 ,,,“ Compressive``, ``12-Luke``);
        or, in an explicit form, before a string's own label (``24. 31. Corning`` after 25)."""
        line = self.stripped(position)
        low, high = (-2, 4) if direction > 0 else (-4, 2) if direction < 0 else (-4, 4)
        complete = self._closed(previous, position)
        # (A source closed by its pages or bracketed year and a semicolon, "155-161;", "(1948);", is a complete entry.)
        closed = complete or (bool(SOURCE_END.search(previous[-40:])) and not LINK_TOKEN.match(line))
        best: Label | None = None
        for number, rest in lenient_labels(line, style):
            step = number - last
            if not low <= step <= high or not rest or _CONTINUATION.match(rest) or (number == 1 and last >= 2 and direction >= 0):
                continue  # (a 1 after 2 or more restarts the numbering: a new list, read as such above)
            own = style in EXPLICIT_STYLES and bool(_OWN_LABEL.match(rest))
            if not (closed or own):
                continue
            if line.startswith("0") or rest[:1].isdigit() and not re.match(r"\d+[^\W\d_]|\d{1,4}[.)]\s+[^\W\d_]", rest):
                continue  # "1997 Behavioral", "12 345": a year or a number wrapped, not a string of its own
            if rest[:1].islower() or (rest[:1] in ",;:." and re.match(r"[,;:.]+\s*(?:[a-z]|$)", rest)):
                continue
            if _year_number(number) and not own:
                continue  # a year wrapped to a line's start
            if best is None or abs(step - (direction or 1)) < abs(best.number - last - (direction or 1)):
                best = Label(number, style, rest)
        if best is not None:
            return best
        return self._next_before_odd_start(line, style, last + (direction or 1), closed)

    @staticmethod
    def _next_before_odd_start(line: str, style: str, wanted: int, complete: bool) -> Label | None:
        """The list's very next number after a complete entry, before a string that opens oddly: with its year
        or a number glued to a tight label (``12.2008 Morel``, ``52.2011: Ulf``, ``69.2-Trimba R``), or with
        punctuation where its authors are missing (``995 ; ; ; Advanced``, ``(37) , 3-manifolds``,
        ``1004 : (1987), Astron.``); even after a line left open, before a year and a colon then a name
        (``6 1990: Ulf Preuss-Lausitz``). Any other number, or what follows a source, is no label."""
        if not complete:
            for number, rest in lenient_labels(line, style):
                if number == wanted and _YEAR_COLON_NAME.match(rest):
                    return Label(number, style, rest)
            return None
        if style == "dot":
            tight = re.match(r"(\d{1,6})\.(?=\d)", line)
            if tight and int(tight.group(1)) == wanted and _TIGHT_DIGITS_OPEN.match(line[tight.end() :]):
                return Label(wanted, style, line[tight.end() :])
        for number, rest in lenient_labels(line, style):
            if number == wanted and len(rest) >= 20 and _PUNCTUATION_OPEN.match(rest):
                return Label(number, style, rest)
        return None

    def _chain_ahead(self, position: int, other: Label, style: str) -> bool:
        """Whether labels of another form go on in sequence from ``other`` before the list's own form comes back."""
        for p in self.ahead(position + 1, 40, most=16):
            start = self.label_at(p)
            if start is not None and start[0].style == style:
                return False
            if start is not None and start[0].style == other.style and 1 <= abs(start[0].number - other.number) <= 2:
                return True
        return False

    def _reference_after(self, entry: list[int], position: int) -> bool:
        """Whether the line at ``position`` is a reference of its own after the entry's complete last line."""
        text = self.stripped(position)
        previous = self.stripped(entry[-1])
        return (
            YEAR_TOKEN.search(previous) is not None
            and _starts_entry(previous, text, strip_label(self.stripped(entry[0])))
            and looks_strongly_like_reference(text)
            and ends_like_reference(text)
        )

    def _entry_text(self, entry: list[int]) -> str:
        """The entry's lines joined (:func:`join_lines`); an entry that grew since it was last asked about is
        joined on from where it was, so asking after every line of a long entry stays linear in its lines."""
        positions, parts = self._joined_entry
        if not positions or len(positions) > len(entry) or entry[: len(positions)] != positions:
            positions, parts = [], []
        parts = _join_onto(parts, [self.kept[p][1] for p in entry[len(positions) :]])
        self._joined_entry = (list(entry), parts)
        return "".join(parts)

    def _tail_after(self, entry: list[int], position: int, style: str) -> bool:
        """Whether the unlabelled line at ``position``, right under an entry that is complete (it ends as a
        reference ends and states its source), ends the list: back matter (``*Corresponding author: ...``,
        ``E-mail:``, ``Received 3 May 2020``, a footnote mark) or a paragraph of prose (sentences of lower-case
        words and no source) that runs to a blank line, back matter or a label. A title going on in lower case
        before its source is no paragraph: the source is in the lines it runs to. Only a label of the list's
        form (``style``) stops the paragraph as the list going on: a year wrapped to a line's start (``... from
        June`` / ``2015 to March 2016.``) is the prose's own."""
        previous = self.stripped(entry[-1])
        if not ends_like_reference(previous) or _ABBREVIATION_END.search(previous):
            return False
        text = self.stripped(position)
        if _BACK_MATTER.match(text):
            return True
        if not text[:1].isupper() or AUTHOR_START.match(text) or _AUTHOR_YEAR.match(text):
            return False  # (asked before the entry is joined: an entry of many lines is joined once a line)
        joined = strip_label(self._entry_text(entry))
        closed = bool(YEAR_TOKEN.search(joined) or SOURCE_END.search(joined[-60:]) or _PUBLISHER.search(joined) or _PLACE_PUBLISHER.search(joined))
        # (the words counted to four, the year's brackets sought at the end: an entry of many lines costs no more)
        if not closed or len(joined.split(None, 3)) < 4 or re.search(r"\(" + YEAR + r"[a-z]?\)[.:,]?$", joined[-12:]):
            return False  # ("Fraser LH, ... et al. (2013)" then its title: authors and year are no whole entry)
        block: list[str] = []
        for p in range(position, min(len(self.kept), position + 12)):
            if self.blank(p) or self.stop(p) or (p > position and _BACK_MATTER.match(self.stripped(p))):
                break
            label = self.label_at(p) if p > position else None
            if p > position and ((label is not None and label[0].style == style) or self.only[p] is not None):
                return False  # the lines run on to a label: the entry's own lines, the list going on
            block.append(self.stripped(p))
        if all(self._at_hanging_indent(entry, p) for p in range(position, position + len(block))):
            return False  # every line set in as the list's wrapped lines are: the entry's own (a title in French under its authors)
        paragraph = join_lines(block)
        if (
            len(paragraph) < 120 or SOURCE_HINT.search(paragraph) or LINK_TOKEN.search(paragraph) or not paragraph.rstrip().endswith((".", "!", "?"))
            or _PLACE_PUBLISHER.search(paragraph) or _PUBLISHER.search(paragraph[-60:]) or YEAR_TOKEN.search(paragraph[-8:])
        ):
            return False  # (a title going on to its publisher or year: "... in culture. Oxford: Pergamon; 1998.")
        words = re.findall(r"\b[^\W\d_]{2,}\b", paragraph)
        # (Words in capitals are prose's acronyms and a section's run-in head, ``RESULTS We ... IL-1``; a title's
        # words are capitalised, not in capitals.)
        cased = [w for w in words if not w.isupper()]
        return len(words) >= 18 and sum(1 for w in cased if w[:1].islower()) >= 0.75 * len(cased)

    def _label_soon(self, position: int, style: str, last: int) -> bool:
        """Whether the list's next label comes within a few lines."""
        for other in range(position + 1, min(len(self.kept), position + 4)):
            start = self.label_at(other)
            if start is not None and start[0].style == style and abs(start[0].number - last) <= 2:
                return True
        return False

    def _continues(self, entry: list[int], position: int, style: str, last: int, direction: int, *, page_break: bool = False) -> bool:
        """After a blank line, whether an unlabelled line still belongs to the list (``page_break``: the blank
        lines sit beside page furniture, so an entry of a narrow column may run on for a dozen lines)."""
        stripped = self.stripped(position)
        previous = self.stripped(entry[-1])
        # (A bare "doi:" ending an entry, a blank line, then no DOI: the string's DOI was never printed, so the
        # line after the blank is not the entry's, "... 43(4):749-756. doi:" / "" / "Azacitidine in VEXAS".)
        undone = bool(_BARE_DOI_TAG.search(previous[-8:])) and not page_break and not (_LINK_START.match(stripped) or _DOI_TOKEN.match(stripped))
        if not undone and (stripped[:1].islower() or previous.endswith(("-", ",", ";", ":", "/")) or OPEN_END.search(previous[-12:])):
            return True
        if page_break and not any(YEAR_TOKEN.search(self.stripped(p)) for p in entry) and YEAR_TOKEN.search(self._text_from(position, 10)):
            return True  # "24 A. J. Larsen, and W. J." / page break / "Walden, JHEP 12,214 (2015)": the entry had no year yet
        if page_break and not ends_like_reference(previous) and _VOLUME_PAGES_OPEN.match(stripped):
            return True  # "... Mol Biol Cell" / page break / "20:1180-1191": the source's volume and pages go on
        if page_break and not undone and not ends_like_reference(previous) and self._at_hanging_indent(entry, position):
            return True  # "43) Yu X., ... Urumqi: Xinjiang" / page break / "    People's Publishing House, ...": set in, it goes on
        # Look ahead: the list goes on if the next label follows on within a few lines.
        reach, most = (30, 15) if page_break else (12, 5)  # non-blank lines read
        for other in self.ahead(position, reach, most):
            start = self.label_at(other)
            if start is not None:
                label = start[0]
                if label.style == style and abs(label.number - last) <= 3:
                    return True
                if label.style == style and not _year_number(label.number):
                    return False  # "1997. http://..." wrapped after a page break is a year, not a label
                # ("124ff." opening a line is no label of the list's form: look on.)
        return False

    def _at_hanging_indent(self, entry: list[int], position: int) -> bool:
        """Whether the line at ``position`` is set in from the entry's first line (by two or more) at the indent the
        list's wrapped lines just above the entry are set in at: a hanging entry's line."""
        indent = indent_of(self.kept[position][1])
        if indent < indent_of(self.kept[entry[0]][1]) + 2:
            return False
        above = [p for p in range(max(0, entry[0] - 8), entry[0]) if not self.blank(p)]
        return any(abs(indent_of(self.kept[p][1]) - indent) <= 1 for p in above)

    def _keep(self, current: ReferenceList) -> None:
        if current.entries and (current.heading is not None or _plausible_run(current)):
            self.lists.append(current)

    def _entry(self, positions: list[int], number: int | None) -> ListEntry:
        lines = [self.kept[p][1] for p in positions]
        text = join_lines(lines, self.compounds)
        body = strip_label(text) if number is not None else text
        if number is not None and self.only[positions[0]] is not None:
            body = join_lines(lines[1:], self.compounds)
        return ListEntry(
            text=text, line=self.kept[positions[0]][0] + 1, number=number, raw="\n".join(lines),
            last_line=self.kept[positions[-1]][0] + 1, body=body,
        )

    # -- unnumbered lists ------------------------------------------------------------------

    def unnumbered(self, position: int, heading: str | None, *, whole: bool = False, per_line: bool = False) -> int:
        """Read an unnumbered list from ``position`` to the next stop; returns where it stopped."""
        total = len(self.kept)
        region: list[int] = []
        blank_run = 0
        while position < total:
            if self.blank(position):
                region.append(position)
                blank_run += 0 if self._soft_blank(position) else 1  # a page break is no gap before a section
                position += 1
                continue
            stripped = self.stripped(position)
            if not whole and self.stop(position) and not (region and not blank_run and self._wrapped_marker(region[-1], position)):
                break
            if whole and self.stop(position) and sum(1 for p in region if not self.blank(p)) >= 3 and (
                blank_run or (_is_section_heading(stripped) and ends_like_reference(self.stripped(region[-1])))
            ):
                # A legend, a table or back matter after the list, in a document with no heading: a blank line apart,
                # or a back-matter heading alone on its line (``Footnotes``) right under a line that ends a reference.
                break
            if not whole and DOI_ONLY.match(stripped):
                texts = [p for p in region if not self.blank(p)]
                if self._article_doi(position, [self.stripped(p) for p in texts], texts[-1:]):
                    break
            if not whole and blank_run and region and _is_section_heading(stripped) and not YEAR_TOKEN.search(stripped) and not self._opens_entry(position):
                nxt = self.next_text(position, 3)
                if nxt is None or not looks_strongly_like_reference(self.stripped(nxt)) or self.stripped(nxt)[:1].isupper():
                    break
            region.append(position)
            blank_run = 0
            position += 1
        if whole and not per_line:
            region = self._without_prose_before(region)
        entries = [[p] for p in region if not self.blank(p)] if per_line else self._split_unnumbered(region, learned=heading is not None)
        # Prose or notes after the list (or, in a bare file, before it) are not entries; an item of a
        # bulleted list of references is one (``- 3GPP TS 99.123: "..."`` has no year).
        looks_ref = looks_like_reference if per_line else looks_strongly_like_reference
        bullet_lines = self._bullets([e[0] for e in entries])
        bulleted = [e for e in entries if e[0] in bullet_lines]
        bullet_list = sum(1 for e in bulleted if looks_ref(join_lines([self.kept[p][1] for p in e]))) >= max(2, len(bulleted) // 2)

        def looks(n: int, neighbour: int) -> bool:
            """Whether entry ``n`` reads as a reference; an entry set right against its neighbour (no blank line
            between) that opens with authors is one even without a year (``A. Dermot, S. Kesler, ...``)."""
            text = join_lines([self.kept[p][1] for p in entries[n]])
            if not per_line and _prose(text):
                return False
            if looks_ref(text) or (bullet_list and entries[n][0] in bullet_lines and len(text) >= 15):
                return True
            if _CJK_NAME_OPENING.match(text) and YEAR_TOKEN.search(text):
                return True  # "김하늘, '가상 ...', 가상해양학 제12권 3호, 2018.": a name in CJK script, then its year
            if not 0 <= neighbour < len(entries):
                return False
            mine, theirs = entries[n], entries[neighbour]
            snug = mine[-1] + 1 == theirs[0] or theirs[-1] + 1 == mine[0]
            return snug and len(text) >= 40 and bool(AUTHOR_START.match(text)) and looks_ref(join_lines([self.kept[p][1] for p in theirs]))

        while entries and not looks(len(entries) - 1, len(entries) - 2):
            last = join_lines([self.kept[p][1] for p in entries[-1]])
            if (
                len(entries) >= 2 and not self.blank(entries[-1][0] - 1) and looks_like_reference(last) and len(last) < 400
                and (per_line or not _prose(last))
            ):
                break  # the last entry, right under the one before (no blank line): a reference of few marks
            if not whole and not per_line and self._closes_spaced_list(entries, last):
                break
            entries.pop()
        if whole:
            skip = 0
            carried = not per_line and bool(entries) and self._carried_over(entries[0], self._following(entries))
            while skip < len(entries) and not (looks(skip, skip + 1) or (skip == 0 and carried)):
                skip += 1
            if per_line:
                # A document of one reference a line after the article's text (paragraphs set as one line each,
                # section titles): the references begin where three in a row do, past the last such line.
                def article(n: int) -> bool:
                    text = join_lines([self.kept[p][1] for p in entries[n]])
                    return _prose(text) or _is_section_heading(text)

                run = next((n for n in range(skip, len(entries) - 2) if all(looks(m, m + 1) and not article(m) for m in range(n, n + 3))), None)
                text_before = [n for n in range(skip, run) if article(n)] if run is not None else []
                if text_before:
                    skip = text_before[-1] + 1
                    while skip < len(entries) and not looks(skip, skip + 1):
                        skip += 1
            entries = entries[skip:]
            if not entries:
                return position
        first_line = entries[0][0] if whole else (region[0] if region else None)
        current = ReferenceList(label="", heading=heading, line=self.kept[first_line][0] + 1 if first_line is not None else 0)
        for positions in entries:
            current.entries.append(self._entry(positions, None))
        if whole:
            flags = [looks(n, n + 1) or looks(n, n - 1) for n in range(len(entries))]
            text = set() if per_line else self._article_text(region, entries, flags)
            if text:
                # The next article's text between references (the tail of an earlier article's list, then the
                # article, then its own list): the list ends where the text begins, and each part is read on its own
                # (its own indents and blank lines: the tail may hang where the next list is wrapped).
                for part in self._parts_between(region, text):
                    self._read_part(part, self._whole_part)
            elif current.entries and _plausible_run(current):
                self.lists.append(current)
                self._recut(len(self.lists) - 1, region)
            else:
                # Not one list: a list holds no run of three or more things that are not references (the lines
                # of the next article's text after the tail of an earlier list), so each part between such runs
                # is judged on its own.
                start, kept = 0, len(self.lists)
                for n in range(len(entries) + 1):
                    if n == len(entries) or (not flags[n] and flags[n : n + 3] == [False] * 3):
                        self._whole_part(entries[start:n], flags[start:n])
                        start = n
                        while start < len(entries) and not flags[start]:
                            start += 1
                self._recut(kept, region)
        else:
            self._keep(current)
        return position

    def _closes_spaced_list(self, entries: list[list[int]], last: str) -> bool:
        """The last entry of a list under a heading whose entries are set apart by blank lines, a reference of few
        marks (``(Z. Inv. Forsch. 2b, 258-266 [1947];``, a name in CJK script, a title, a journal, a year) with
        nothing after it but the document's end or back matter: an entry, not text after the list."""
        if len(entries) < 4 or not looks_like_reference(last) or len(last) >= 400 or _prose(last):
            return False
        apart = sum(1 for entry in entries[1:] if self.blank(entry[0] - 1))
        if not self.blank(entries[-1][0] - 1) or 4 * apart < 3 * (len(entries) - 1):
            return False
        following = next((p for p in range(entries[-1][-1] + 1, len(self.kept)) if not self.blank(p)), None)
        return following is None or self.stop(following)

    def _whole_part(self, entries: list[list[int]], flags: list[bool]) -> None:
        """Keep a part of a document with no heading as a list if, past what does not read as a reference at
        either end, three or more entries are left (two at the document's top) and they read as a list."""
        entries, flags, fewest = self._page_top_trim(entries, flags)
        if len(entries) >= fewest and _plausible_run(part := self._headless(entries)):
            self.lists.append(part)

    def _page_top_trim(self, entries: list[list[int]], flags: list[bool]) -> tuple[list[list[int]], list[bool], int]:
        """``entries`` and ``flags`` past what does not read as a reference at either end, and how many entries
        make a list. At the document's top a piece carried over from the page before is an entry (``_carried_over``),
        and two references in a row there (past such a piece or one other line) are the tail of an earlier list;
        elsewhere three are wanted."""
        if entries and not flags[0] and self._carried_over(entries[0], self._following(entries)):
            flags = [True, *flags[1:]]
        top = bool(entries) and self._at_top(entries[0][0])
        first = next((n for n, flag in enumerate(flags) if flag), len(flags))
        entries, flags = _trimmed(entries, flags)
        whole = all(_reads_as_reference(text := self._joined(entry)) and ends_like_reference(text) for entry in entries[first == 0 :])
        return entries, flags, 2 if top and first <= 1 and whole else 3

    def _without_prose_before(self, region: list[int]) -> list[int]:
        """A document with no heading: paragraphs of prose before the list (blocks between blank lines whose first
        line opens with no authors and whose lines run on in lower case) are no part of it."""
        start = 0
        while start < len(region):
            block: list[int] = []
            end = start
            while end < len(region) and self.blank(region[end]):
                end += 1
            while end < len(region) and not self.blank(region[end]):
                block.append(region[end])
                end += 1
            if not block:
                break
            texts = [self.stripped(p) for p in block]
            lower = sum(1 for t in texts[1:] if t[:1].islower())
            flat = len({indent_of(self.kept[p][1]) for p in block}) == 1  # (a hanging indent is a list's shape, not prose's)
            joined = join_lines(texts)
            # (A block that holds a source, "Blood 137 (26): 3682", is not all prose: PDF text without blank
            # lines runs the prose and the list after it into one block.)
            prose = flat and (_prose(joined) or (lower >= max(2, len(block) // 3) and not SOURCE_HINT.search(joined)))
            set_in = self._set_in_under_prose(block)
            if set_in is not None:
                return region[region.index(set_in) :]
            # (A paragraph set as one long line, as Markdown and word processors leave it, is prose too.)
            # (A paragraph may open on words that read as a name, "Indeed, Plasmodium falciparum ...": several lines
            # that run on in lower case through three sentences or more are prose all the same.)
            named_prose = flat and len(block) >= 3 and 2 * lower >= len(block) - 1 and _prose(joined, sentences_wanted=3, named_opening=True)
            if (len(block) < 2 and not (len(joined) >= 160 and _prose(joined))) or (AUTHOR_START.match(texts[0]) and not named_prose) or label_of(texts[0]) or not prose:
                break
            start = end
        return region[start:]

    def _set_in_under_prose(self, block: list[int]) -> int | None:
        """Where a list set in as a whole begins right under a paragraph of prose, no blank line between (the
        paragraph flush, every line from there to the block's end set in by two or more): the first set-in line
        when the flush lines read as prose and it opens like a reference; None otherwise."""
        indents = [indent_of(self.kept[p][1]) for p in block]
        cut = next((n for n, width in enumerate(indents) if width >= indents[0] + 2), None)
        if cut is None or cut < 2 or len(block) - cut < 2 or any(width != indents[0] for width in indents[:cut]):
            return None
        if any(width < indents[0] + 2 for width in indents[cut:]):
            return None  # (a hanging indent: flush lines come back, each an entry's first)
        first = self.stripped(block[cut])
        flush = join_lines([self.stripped(p) for p in block[:cut]])
        if not _prose(flush) or not (AUTHOR_START.match(first) or looks_strongly_like_reference(first)):
            return None
        return block[cut]

    def _opens_entry(self, position: int) -> bool:
        """Whether a short capitalised line after a blank line opens (or ends) an entry rather than a section:
        it names authors (``Ferraldi E, Ferraldi MM,``), is left open, states a volume and pages, or the next line goes straight
        on with a number, a year or punctuation (``IFTA`` / ``2001`` / ``. Standard methods``)."""
        stripped = self.stripped(position)
        if AUTHOR_START.match(stripped) or OPEN_END.search(stripped) or VOLUME_PAGES.search(stripped):
            return True  # (a volume and pages, "Plant Mol Biol 58:633-648", end an entry)
        below = position + 1
        if below >= len(self.kept) or self.blank(below):
            return False
        under = self.stripped(below)
        if indent_of(self.kept[below][1]) > indent_of(self.kept[position][1]) and (under[:1].islower() or stripped[-1:].isalpha()):
            return True  # its text goes on under it, set in as a hanging indent ("... Lexique imaginaire de" / "   l’Europe ancienne")
        return bool(re.match(r"\(?\d|[.,;:]", under))

    def _soft_blank(self, position: int) -> bool:
        """A blank line beside page furniture: a page break, not a gap between entries."""
        index = self.kept[position][0]
        return index - 1 in self.furniture or index + 1 in self.furniture

    def _split_unnumbered(self, region: list[int], *, learned: bool = False) -> list[list[int]]:
        """Cut an unnumbered list into entries (``learned``: under a reference heading, where the line model was
        trained, wrapped text is cut by it; elsewhere, in prose that may or may not be a list, by the rules)."""
        blocks: list[list[int]] = []
        block: list[int] = []
        broken: set[int] = set()  # blocks that run across a page break
        for position in region:
            if self.blank(position):
                if self._soft_blank(position):
                    if block:
                        broken.add(len(blocks))
                    continue
                if block:
                    blocks.append(block)
                block = []
            else:
                block.append(position)
        if block:
            blocks.append(block)
        if not blocks:
            return []
        lines = [p for b in blocks for p in b]
        bullets = self._bullets(lines)
        if len(bullets) >= 2 and len(lines) <= MAX_LINES_PER_BULLET * len(bullets):
            # A bullet opens every entry; the lines after it (and a page break) are its continuation. (Two
            # strings of thousands that open with their own ``·`` are no bulleted list of the rest.)
            items: list[list[int]] = []
            for n, b in enumerate(blocks):
                for p in b:
                    if p in bullets or not items or (n not in broken and p == b[0] and not self._bullet_goes_on(items[-1], p)):
                        items.append([p])
                    else:
                        items[-1].append(p)
            return items
        # A paragraph of prose, a legend or a table after the list (flush left, where the list is indented) sets
        # no indent level: its lines would make every line of a list indented by two spaces a hanging one.
        prose = {
            n for n, b in enumerate(blocks)
            if self.stop(b[0]) or _prose(join_lines([self.kept[p][1] for p in b]))
        }
        if len(prose) == len(blocks):
            prose = set()
        indents = [indent_of(self.kept[p][1]) for n, b in enumerate(blocks) if n not in prose for p in b]
        low = min(indents)
        hanging = sum(1 for i in indents if i >= low + 2)
        set_in = self._set_in(blocks, prose, low) if hanging else []
        if set_in:
            # A block set in as a whole (a quoted or indented list after flush text) has its own indent level:
            # read it on its own, as if dedented, and the rest around it on theirs.
            return self._split_around(region, blocks, set_in, learned=learned)
        entries: list[list[int]] = []
        indented_first = sum(1 for n, b in enumerate(blocks) if n not in prose and indent_of(self.kept[b[0]][1]) >= low + 2)
        apart = len(blocks) >= 2 and indented_first >= max(2, 0.8 * hanging) and indented_first >= 0.6 * len(blocks)
        flow = [p for n, b in enumerate(blocks) if n not in prose for p in b]
        if hanging and hanging < len(indents) and (apart or self._first_line_indent(flow, low)):
            # A first-line indent: the indented lines open entries, the others go on.
            for n, block in enumerate(blocks):
                if n in prose:
                    entries.append(block)
                    continue
                for p in block:
                    if not entries or indent_of(self.kept[p][1]) >= low + 2 or p == block[0]:
                        entries.append([p])
                    else:
                        entries[-1].append(p)
            return entries
        if hanging and hanging < len(indents):
            # A few indented lines among many flush ones may be stray spaces, not a hanging indent: an indented
            # line that is a whole reference after an entry that is one opens an entry too.
            stray = hanging < 0.25 * len(indents)
            for n, block in enumerate(blocks):
                if n in prose:
                    entries.append(block)  # (a whole paragraph: the list's end trims it as prose)
                    continue
                if stray and self._holds_several(block):
                    # Lines that are mostly whole references, one a line: the few set in are typed so, not hung.
                    entries.extend([p] for p in block)
                    continue
                entry: list[int] = []
                for p in block:
                    indent = indent_of(self.kept[p][1])
                    if entry and (indent < low + 2 or (stray and self._whole_after_whole(entry, p))):
                        entries.append(entry)
                        entry = []
                    entry.append(p)
                if entry:
                    entries.append(entry)
            return entries
        multi = sum(1 for b in blocks if len(b) > 1)
        if len(blocks) >= 2 and multi:
            whole = [b for n, b in enumerate(blocks) if n not in broken]
            several = sum(1 for b in whole if self._holds_several(b) or len(self._split_wrapped(b, loose=False)) > 1)
            if several <= 0.25 * max(1, len(whole)):
                # Blank lines between entries; a block that runs across a page break is cut where entries end.
                # (A block of lines that are each a whole reference, a list one a line among paragraphs, is cut too.)
                for n, b in enumerate(blocks):
                    if n in broken or self._holds_several(b):
                        entries.extend(self._split_wrapped(b, learned=learned))
                    elif len(b) >= 3 and self._whole_lines(b) and len(strict := self._split_wrapped(b, loose=False)) == len(b):
                        # (A block of lines that each open with authors and state a year, which the rules' strict
                        # reading cuts at every line, "... 396 pages" then "Dorn J (1969) ...": references one a
                        # line, whatever one of them ends with.)
                        entries.extend(strict)
                    elif len(b) >= 3 and self._several_wrapped(b):
                        # (A block of wrapped references set together among blocks set apart, the tail of an earlier
                        # list at a document's top before paragraphs, is cut where its entries end.)
                        entries.extend(self._split_wrapped(b, learned=learned))
                    elif entries and n not in prose and n - 1 not in prose and self._goes_on_past_blank(entries[-1], b):
                        entries[-1].extend(b)
                    else:
                        entries.append(b)
                return entries
        # Blank lines mean nothing here (page breaks): cut the text where entries end.
        return self._split_wrapped(lines, learned=learned)

    def _goes_on_past_blank(self, entry: list[int], block: list[int]) -> bool:
        """Whether a block after a blank line is the rest of the entry above, not an entry of its own: the entry's last
        line is left open (``... the northern basin and the``, ``... Invented tides,``) and the block opens in lower case
        with no author's name (``shelf beyond it. J Inv Oceanogr 2001;12:33-41.``; not ``van Dijk J, ...``)."""
        last, first = self.stripped(entry[-1]), self.stripped(block[0])
        words = first.split()
        word = words[0] if words else ""
        if is_stop(first):
            return False
        if len(block) == 1 and LINK_TOKEN.fullmatch(first.rstrip(".")) and not LINK_TOKEN.search(last):
            # A link alone under a line that asks for it ("... Retrieved from", "Available at:") or is left open.
            return bool(ASKS_FOR_LINK.search(last)) or not ends_like_reference(last)
        joined = self._joined(entry)
        if _left_unclosed(joined) and word[:1].islower() and not (ends_like_reference(last) and AUTHOR_START.match(first)):
            # "... a theory of symbols (2" / "ed.). Indianapolis ...": a parenthesis or quotation left open (not a quote
            # whose opening the entry lost, 'Use" (p. 220-229) ...', closed on its pages, then "van den Quill AM, ...")
            return True
        if word in PARTICLE_WORDS and len(words) > 1 and words[1][:1].islower() and not ends_like_reference(last):
            return True  # "... para el estudio de" / "la literatura española. Madrid ...": a particle before no name
        if (
            last.endswith(",") and not YEAR_TOKEN.search(joined) and (word in PARTICLE_WORDS or AUTHOR_START.match(first))
            and not re.search(r"\d", joined)
        ):
            # "Nyberg R, ..., Holt SM," / "de Vries P, Nandi U (2010b) ...": authors left on a comma before any year
            # (authors hold no digits: "Technical note INV 97002, Invented University," is an entry of its own)
            return True
        return (
            word[:1].islower() and word not in PARTICLE_WORDS and not AUTHOR_START.match(first) and not starts_like_reference(first)
            and not ends_like_reference(last)
        )

    def _several_wrapped(self, block: list[int]) -> bool:
        """Whether a block with no blank line in it is three or more wrapped references, as the rules' strict reading
        cuts it, nearly all of them (four in five) reading as references: not one long entry."""
        parts = self._split_wrapped(block, loose=False)
        reads = sum(1 for part in parts if _reads_as_reference(join_lines([self.kept[p][1] for p in part])))
        return len(parts) >= 3 and 5 * reads >= 4 * len(parts)

    def _set_in(self, blocks: list[list[int]], prose: set[int], low: int) -> list[int]:
        """The blocks of two or more lines all set in from ``low`` (by two or more) that open as a reference
        opens after text that ended: a list indented as a whole, not a hanging indent's lines carried over a
        blank line (those go on from a line left open)."""
        found = []
        for n, block in enumerate(blocks):
            if n in prose or len(block) < 2 or min(indent_of(self.kept[p][1]) for p in block) < low + 2:
                continue
            before = [b for m, b in enumerate(blocks[:n]) if m not in prose]
            if starts_like_reference(self.stripped(block[0])) and (not before or ends_like_reference(self.stripped(before[-1][-1]))):
                found.append(n)
        return found

    def _split_around(self, region: list[int], blocks: list[list[int]], set_in: list[int], *, learned: bool) -> list[list[int]]:
        """Cut the region in stretches at the set-in blocks ``set_in`` (block numbers) and each stretch on its own."""
        starts = {blocks[n][0] for n in set_in}
        ends = {blocks[n][-1] for n in set_in}
        stretches: list[list[int]] = [[]]
        for position in region:
            if position in starts and stretches[-1]:
                stretches.append([])
            stretches[-1].append(position)
            if position in ends:
                stretches.append([])
        return [entry for stretch in stretches if stretch and not all(self.blank(p) for p in stretch)
                for entry in self._split_unnumbered(stretch, learned=learned)]

    def _whole_after_whole(self, entry: list[int], position: int) -> bool:
        """Whether the line at ``position`` is a whole reference (authors, a year, a closed end) after an entry that is one."""
        before = join_lines([self.kept[p][1] for p in entry])
        text = self.stripped(position)
        return (
            ends_like_reference(before) and bool(YEAR_TOKEN.search(before))
            and bool(AUTHOR_START.match(text) or _APA_OPENING.match(text))  # ("De Vries Hald, J. (1987). Title")
            and bool(YEAR_TOKEN.search(text)) and ends_like_reference(text) and len(text) >= 40
        )

    def _first_line_indent(self, lines: list[int], low: int) -> bool:
        """Whether indented lines open the entries (a first-line indent) rather than go on with them (a hanging
        indent), read from the lines themselves: where entries open, the line before ends as a reference ends
        and the line starts as one starts; where they go on, lines often open in lower case or a line is left open."""

        def opens(positions: list[int]) -> float:
            good = 0
            for p in positions:
                before = lines.index(p) - 1
                text = self.stripped(p)
                if before >= 0 and ends_like_reference(self.stripped(lines[before])) and starts_like_reference(text) and not text[:1].islower():
                    good += 1
            return good / max(1, len(positions))

        indented = [p for p in lines[1:] if indent_of(self.kept[p][1]) >= low + 2]
        flush = [p for p in lines[1:] if indent_of(self.kept[p][1]) < low + 2]
        if len(indented) < 2 or len(flush) < 2 or len(indented) > len(flush) + 1:
            return False  # (a first-line indent wraps most entries: fewer indented lines than flush ones)
        return opens(indented) >= 0.8 and opens(flush) <= 0.5

    def _bullets(self, positions: list[int]) -> set[int]:
        """The lines among ``positions`` that open with a bullet. Where the bullets are en dashes, an en dash
        before a digit or another dash opens an item too (``– 2007: Title``, ``– –––––. Title``): there it
        is the list's bullet, not the dash that stands for an author. A list's bullets are one mark at one
        indent: a mark of another kind or indent (``· Name`` once, ``- Title`` set in under a line left open)
        is the text's own, and one mark of a kind is no bulleted list."""
        strict = {p for p in positions if BULLET.match(self.kept[p][1])}
        kinds = Counter(self._bullet_kind(p) for p in strict)
        if kinds:
            kind, count = kinds.most_common(1)[0]
            strict = {p for p in strict if self._bullet_kind(p) == kind} if count >= 2 else set()
        dashed = {p for p in positions if DASH_OPENING.match(self.kept[p][1])}
        en = {p for p in strict if self.kept[p][1].lstrip().startswith("–")}
        if len(en) >= 2 and len(en) >= 0.8 * len(strict):
            return strict | dashed
        return strict

    def _bullet_kind(self, position: int) -> tuple[str, int]:
        line = self.kept[position][1]
        return line.lstrip()[:1], indent_of(line)

    def _bullet_goes_on(self, entry: list[int], position: int) -> bool:
        """After a blank line in a bulleted list, an unbulleted line goes on with the entry above if that was left open."""
        return not ends_like_reference(self.stripped(entry[-1])) or self.stripped(position)[:1].islower()

    def _whole_lines(self, block: list[int]) -> bool:
        """Whether every line of a block opens with authors and states a year, as references one a line do."""
        return all(
            len(text := self.stripped(p)) >= 40 and YEAR_TOKEN.search(text) and AUTHOR_START.match(text) for p in block
        )

    def _holds_several(self, block: list[int]) -> bool:
        """Whether a block is several one-line references rather than one wrapped one."""
        if len(block) < 2:
            return False
        complete = sum(1 for p in block if YEAR_TOKEN.search(self.stripped(p)) and ends_like_reference(self.stripped(p)) and AUTHOR_START.match(self.stripped(p)))
        return complete >= 0.8 * len(block)

    def _split_wrapped(self, block: list[int], *, loose: bool = True, learned: bool = False) -> list[list[int]]:
        """Cut a block with no layout cues where a line ends a reference and the next starts one
        (``loose``: also after a line that closes a source, before a line of any reference shape;
        there the rules are features of the line model in ``linemodel``, which weighs them; and an
        entry left with two references in it, read so by the string parser, is cut: ``glued``)."""
        texts = [self.stripped(p) for p in block]
        with_year = sum(1 for t in texts if YEAR_TOKEN.search(t))
        if len(block) >= 2 and with_year >= 0.8 * len(block):
            # One reference per line; a DOI or link cut at a slash goes on with its rest, one word on the next line
            # (``doi:10.5555/`` / ``j.harb.2020.01.002``: the rest's digits read as a year, and it was an entry of its own).
            lines: list[list[int]] = []
            for p, text in zip(block, texts, strict=True):
                if lines and _cut_link_end(self.stripped(lines[-1][-1])) and len(text.split()) == 1:
                    lines[-1].append(p)
                else:
                    lines.append([p])
            return lines
        entries: list[list[int]] = []
        entry: list[int] = []
        head = ""  # the entry's first 1,000 characters: enough to judge it, linear in all
        has_year = False
        # The document's first line, opening with no authors, may be the end of an entry carried over from the page
        # before (``cas du tourisme ..., pp. 33-62``): its year was on that page, so its pages or source end it.
        top_piece = bool(block) and not AUTHOR_START.match(texts[0]) and self._at_top(block[0])
        lengths = sorted(len(t) for t in texts)
        typical = lengths[len(lengths) * 3 // 4] if lengths else 0  # the width most lines fill
        middle = lengths[len(lengths) // 2] if lengths else 0
        learned = learned and loose and (self.teacher is not None or linemodel.available())
        head_source = head_strong = False
        for index, (p, text) in enumerate(zip(block, texts, strict=True)):
            if entry:
                previous = self.stripped(entry[-1])
                short = len(block) >= 6 and len(previous) < 0.7 * typical
                # (A piece carried over at the top is closed by its marks, its year being on the page before;
                # it may be as short as a place and a publisher, ``London: Invented Press.``.)
                piece = top_piece and not entries and not has_year and _marked(head)
                dated = has_year or piece
                if _identifier_apart(previous, text, all(_WHOLE_DOI_LINE.match(self.stripped(q)) for q in entry)):
                    cut = True
                elif (
                    len(block) >= 6 and len(previous) > 2.5 * middle and AUTHOR_START.match(text)
                    and (_AUTHOR_YEAR.match(text) or AUTHOR_LIST.match(text))
                ):
                    # A line more than twice and a half the median line's width, in a block most of whose lines are
                    # wrapped, was never wrapped: its entry ends with it, however it ends ("... S. 110-119 9783141621761
                    # ISBN" on one line, then "Schelter B, Timmer J (2009) ...").
                    cut = True
                elif learned:
                    following = texts[index + 1] if index + 1 < len(texts) else None
                    features = cut_features(
                        previous, text, following, head, has_year, len(entry), typical if len(block) >= 6 else 0, (head_source, head_strong)
                    )
                    if self.teacher is not None:
                        cut = self.teacher(self.kept[entry[-1]][0], self.kept[p][0], features)
                    elif _names_then_year(head) and not AUTHOR_START.match(text):
                        cut = False  # "Marlow, C. M. & A. M. Tanner, 2004." then "Foraging, growth, ...": the title goes on
                    else:
                        # A cut after a closed source (the rules' most precise one, 99% on training
                        # documents) or before authors and their year after a complete line stands
                        # (the openings a list with no heading cuts at too); the model weighs every
                        # other line.
                        cut = _plain_opening(previous, text, head) or (not _goes_on(previous, text) and (
                            "rule:source" in features or linemodel.cut_score(features) > 0 or _cjk_name_after_latin(previous, text, head)
                            or (piece and _starts_entry(previous, text, head, dated, piece=True))
                        ))
                else:
                    cut = (
                        _starts_entry(previous, text, head, dated, piece=piece)
                        or (loose and (_after_source_end(previous, text, head, dated) or _cjk_name_after_latin(previous, text, head)))
                        or (short and _short_last_line(previous, text, head, dated))
                        or (loose and _plain_opening(previous, text, head))
                    )
                if cut:
                    entries.append(entry)
                    entry, head, has_year = [], "", False
                    head_source = head_strong = False
            entry.append(p)
            if len(head) < 1000:
                head = (head + " " + text).strip()[:1000]
                if learned:
                    # Kept line by line (a hint across a line break is seen as the line model was trained).
                    head_source = head_source or bool(SOURCE_HINT.search(text))
                    head_strong = head_strong or bool(STRONG_HINT.search(text))
            has_year = has_year or bool(YEAR_TOKEN.search(text))
        if entry:
            entries.append(entry)
        if loose:
            # An entry longer than the block's usual one (half as long again as the median, in characters) is
            # read for two references even with one year or none.
            width = {p: len(t) for p, t in zip(block, texts, strict=True)}
            sizes = sorted(sum(width[p] for p in entry) for entry in entries) if len(entries) >= 3 else []
            usual = sizes[len(sizes) // 2] if sizes else 0
            return [piece for entry in entries for piece in self._unglue(entry, usual=usual)]
        return entries

    def _unglue(self, entry: list[int], depth: int = 0, usual: int = 0) -> list[list[int]]:
        """An entry the string parser reads as two whole references, cut where it reads so (``glued``)."""
        texts = [self.stripped(p) for p in entry]
        long = bool(usual) and sum(len(t) for t in texts) > 1.5 * usual
        cut = glued_cut(texts, join_lines, long=long) if depth < 4 else None
        if cut is None:
            return [entry]
        return self._unglue(entry[:cut], depth + 1, usual) + self._unglue(entry[cut:], depth + 1, usual)

    def unclaimed_runs(self) -> None:
        """Outside the lists found, a run of lines that all read as references is a list too
        (a file of one reference per line with a numbered line in it is not a numbered list)."""
        start = 0
        bounds = sorted(self.claimed) + [(len(self.kept), len(self.kept))]
        for begin, end in bounds:
            stretch: list[int] = []
            for position in range(start, begin):
                if not self.blank(position) and self.stop(position):
                    self._run_list(stretch)
                    stretch = []
                else:
                    stretch.append(position)
            self._run_list(stretch)
            start = max(start, end)

    def _run_list(self, stretch: list[int]) -> None:
        stretch = self._without_prose_before(stretch)  # (prose before the run would hide its one reference a line)
        if sum(1 for p in stretch if not self.blank(p)) < 3:
            return
        entries = self._split_unnumbered(stretch)
        texts = [join_lines([self.kept[p][1] for p in positions]) for positions in entries]
        looks = [_reads_as_reference(text) for text in texts]
        kept = len(self.lists)
        if self._run_entries(entries, looks):
            self._recut(kept, stretch)
            return
        # Not a list as a whole: a list with no heading still ends where prose begins (the tail of an earlier
        # article's list at the top of a page, then the next article's title and text), so each stretch
        # between paragraphs of prose is read and judged on its own.
        for part in self._parts_between(stretch, self._article_text(stretch, entries)):
            self._read_part(part, self._run_entries)

    def _joined(self, positions: list[int]) -> str:
        return join_lines([self.kept[p][1] for p in positions])

    def _article_text(self, region: list[int], entries: list[list[int]], flags: list[bool] | None = None) -> set[int]:
        """The lines of a region with no heading that are article text: paragraphs of prose, as blocks between
        blank lines or as entries of the region's reading. With ``flags`` (which entries read as references),
        only text that stands between references counts (prose before a list or after it is trimmed as before)."""
        lines: set[int] = set()
        block: list[int] = []
        for position in [*region, None]:  # (a paragraph of several lines; one of one line is an entry below)
            if position is not None and not self.blank(position):
                block.append(position)
                continue
            if len(block) >= 2 and _article_paragraph(self._joined(block)):
                lines.update(block)
            elif len(block) >= 3:
                lines.update(self._prose_under(block))
            block = []
        for entry in entries:
            if _article_paragraph(self._joined(entry)):
                lines.update(entry)
        if flags is not None and lines:
            # (Between references: two or more before the text's first line, one or more after it, which may be a
            # whole list read as one entry where its layout differs.)
            first = min(lines)
            refs = [entry for entry, flag in zip(entries, flags, strict=True) if flag and not lines.intersection(entry)]
            if sum(1 for entry in refs if entry[-1] < first) < 2 or not any(entry[0] > first for entry in refs):
                return set()
        return lines

    def _carried_over(self, positions: list[int], following: str | None) -> bool:
        """Whether the lines ``positions``, the very first text of the document (page furniture aside), are the end
        of an entry carried over from the page before (``in Pharm., 11, 150-155, 1990``, ``2001; 119: 709-717``):
        they end as a reference ends, read as a reference's end (``_reference_tail``: its source, pages, DOI or date, not a
        year anywhere in prose), are no prose, heading or back matter, and the entry under them
        (``following``) reads as a reference. Such a piece has no authors, so it reads as none."""
        if not positions or not following or not self._at_top(positions[0]):
            return False
        text = self._joined(positions)
        if _HEAD_BY_AUTHORS.match(text):
            return False  # "Smith et al. Nat Med (2019) 68:2976": the page's running head, not a piece of an entry
        return (
            _reference_tail(text) and ends_like_reference(text) and not _prose(text) and not _is_section_heading(text)
            and not self.stop(positions[0]) and _reads_as_reference(following)
        )

    def _at_top(self, position: int) -> bool:
        """Whether ``position`` holds the document's first text (page furniture aside)."""
        return position == next((p for p in range(len(self.kept)) if not self.blank(p)), None)

    def _following(self, entries: list[list[int]]) -> str | None:
        """The text of the entry after the first (what a piece carried over at the top must be followed by)."""
        return self._joined(entries[1]) if len(entries) >= 2 else None

    def _carried_over_top(self) -> None:
        """The first list with no heading, numbered from the document's top: the lines above its first label (the
        end of an entry carried over from the page before, with no label of its own) are its first entry."""
        first = min(self.lists, key=lambda found: found.line, default=None)
        if first is None or first.heading is not None or not first.entries or first.entries[0].number is None:
            return
        start = next((p for p, (index, _) in enumerate(self.kept) if index == first.entries[0].line - 1), 0)
        lines = [p for p in range(start) if not self.blank(p)]
        if not lines or len(lines) > 6 or any(self.blank(p) for p in range(lines[0], lines[-1] + 1)):
            return
        if any(self.labels[p] is not None or self.only[p] is not None for p in lines):
            return  # (a label of its own: an entry, not the piece of one)
        if self._carried_over(lines, first.entries[0].body or first.entries[0].text):
            first.entries.insert(0, self._entry(lines, None))
            first.line = first.entries[0].line

    def _read_part(self, part: list[int], keep: Callable[[list[list[int]], list[bool]], object]) -> None:
        """Read a part of a region with no heading between paragraphs of article text: cut by the rules and judged
        by ``keep`` (a list or not); a list is then cut as under a heading (the line model weighs wrapped text)."""
        entries = self._split_unnumbered(part)
        kept = len(self.lists)
        keep(entries, [_reads_as_reference(self._joined(entry)) for entry in entries])
        self._recut(kept, part)

    def _recut(self, kept: int, region: list[int]) -> None:
        """The lists with no heading found in ``region`` since ``kept`` lists were, judged lists by the rules' cuts:
        cut again as under a heading, where the line model weighs the breaks of wrapped text (the region read whole
        again, so its layout reads the same; left as it was if an entry would then cross the list's first or last line)."""
        lists = [found for found in self.lists[kept:] if found.entries[-1].last_line - found.entries[0].line >= 5]
        if not lists:
            return  # (a list of a few lines: the model weighs a line's width against the list's usual width)
        entries = self._split_unnumbered(region, learned=True)
        for found in lists:
            first, last = found.entries[0].line - 1, found.entries[-1].last_line - 1
            inside = [e for e in entries if first <= self.kept[e[0]][0] and self.kept[e[-1]][0] <= last]
            crossing = any(self.kept[e[0]][0] < first <= self.kept[e[-1]][0] or self.kept[e[0]][0] <= last < self.kept[e[-1]][0] for e in entries)
            if inside and not crossing:
                found.entries = [self._entry(e, None) for e in inside]

    def _prose_under(self, block: list[int]) -> list[int]:
        """The lines at the end of a block that are a paragraph of prose set right under a line that ends a reference
        (no blank line between: the article's text, or a note, under a list's last entry); none if there is none."""
        found: list[int] = []
        for start in range(len(block) - 1, max(0, len(block) - 12), -1):
            text = self.stripped(block[start])
            above = self.stripped(block[start - 1])
            if not (text[:1].isupper() and ends_like_reference(above) and not _authors_then_year(above)):
                continue
            under = self._joined(block[start:])
            if _article_paragraph(under) and not SOURCE_END.search(under[-40:]):
                found = block[start:]  # (prose ends on a word, not on a source: "... Cell Metab 6: 181–194." is a title's rest)
        if found and not _reads_as_reference(self._joined(block[: block.index(found[0])])):
            return []  # (the lines above are no whole reference: the "prose" is the rest of an entry's title)
        return found

    def _parts_between(self, region: list[int], text: set[int]) -> list[list[int]]:
        """The stretches of ``region`` between its lines of article text ``text`` that hold any text."""
        parts: list[list[int]] = [[]]
        for position in region:
            if position in text:
                if parts[-1]:
                    parts.append([])
            else:
                parts[-1].append(position)
        return [part for part in parts if any(not self.blank(p) for p in part)]

    def _run_entries(self, entries: list[list[int]], looks: list[bool]) -> bool:
        """Keep ``entries`` as a list with no heading if, past what does not look like a reference at either
        end, three or more are left (two at the document's top) and most of them look like references."""
        entries, looks, fewest = self._page_top_trim(entries, looks)
        if len(entries) >= fewest and sum(looks) >= 0.8 * len(looks):
            self.lists.append(self._headless(entries))
            return True
        return False

    def _headless(self, entries: list[list[int]]) -> ReferenceList:
        """A list with no heading and no numbering of these entries' lines."""
        found = ReferenceList(label="", heading=None, line=self.kept[entries[0][0]][0] + 1)
        found.entries = [self._entry(positions, None) for positions in entries]
        return found

    def whole_document(self) -> None:
        """A document with no heading and no numbered run: a bare list of references, if it is one."""
        # (A back-matter section before any list, ``FUNDING ...`` in the text, is no list's end: read on after it.)
        position, total = 0, len(self.kept)
        while position < total and any(not self.blank(p) for p in range(position, total)):
            kept = len(self.lists)
            end = self.unnumbered(position, None, whole=True)
            if len(self.lists) > kept:
                # The list stopped at a legend, a table or back matter: a list further on (the next article's,
                # with no heading either) is read as runs are outside the lists found.
                self.claimed.append((0, end))
                self.unclaimed_runs()
                return
            position = max(end, position + 1)


#: A line that opens with a link or DOI goes on with the reference above (``https://doi.org/...``, ``DOI:http...``).
#: (Not the family name Doi: ``Doi M, Yamaoka I (2003)`` opens an entry.)
_LINK_START = re.compile(r"(?:doi(?=\s*[:.]|\s+(?:10\.|https?:)|\s*$)|https?://|www\.|" + DOI_START + r"|url\b)", re.IGNORECASE)
#: A calendar date opening a line: ``November 7, 2023.``, ``Nov. 7, 2023``, ``7 November 2023``.
_DATE_START = re.compile(
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+)"
    + YEAR + r"\b",
    re.IGNORECASE,
)
#: A publisher and its place at a line's end: ``Tidewater Press, Bergen`` (the place is no given name).
_PUBLISHER_PLACE = re.compile(r"\b(?:Press|Publishers?|Publishing|Verlag|Books)\s*,\s*[A-Z][a-z]+$")
#: A name cut at a line's end: a particle (``Jimenez de`` / ``Anta MT``) or a given name before its initial (``William`` / ``G. Austin``).
_NAME_CUT = re.compile(
    rf"(?:[A-Z][\w'’-]+|,)\s+(?P<particle>{'|'.join(PARTICLE_WORDS)})$|(?:,|\band)\s+(?P<given>[A-Z][a-z]+)$"
)


def _cut_link_end(line: str) -> bool:
    """Whether a line ends on a DOI or a link cut at a slash (``doi:10.5555/``, ``https://example.org/``), its rest on the
    next line or lost (a DOI's prefix glued to a word too, ``010.5555/``: read out of it, it is a DOI as well). Its last
    word is looked at once (linear in it, however long)."""
    last = line.rsplit(None, 1)[-1] if line.strip() else ""
    return last.endswith("/") and bool(_DOI_PREFIX.search(last) or "//" in last[:-1] or "www." in last.lower())


def _identifier_apart(previous: str, text: str, only_identifiers: bool) -> bool:
    """After a line that is one whole DOI, a line opening with another DOI is another item, and so is a
    reference's first line after an entry that is nothing but DOIs (an identifier list with a reference in it:
    joined, one line's DOI would be paired with another's reference). After a line left on a DOI or link cut at
    a slash (``10.5555/``), a line that opens with authors (its own number before them or not: ``2. Doe J, Roe R.``)
    is another item too: a DOI's or link's rest holds no space, and joined, the number would be read as the DOI's
    rest (``10.5555/2``), a DOI the entry never had, in place of its own."""
    if _cut_link_end(previous):
        label = _OWN_LABEL_OPEN.match(text)
        if AUTHOR_START.match(text[label.end() :] if label else text):
            return True
    if not _WHOLE_DOI_LINE.match(previous):
        return False
    return bool(_NEW_DOI.match(text)) or (only_identifiers and bool(AUTHOR_START.match(text)))


#: A string's own number before its authors and their year: ``6. Jennings WI, Owen CR. 1969.`` (after ``47 p.``, a count
#: of pages, it is no page number).
_OWN_NUMBER_AUTHORS_YEAR = re.compile(rf"^\d{{1,3}}\.\s+(?=(?:{FAMILY}(?:[\s-]{FAMILY})?\s+[{UPPER_CHARS}]{{1,4}},+\s*){{1,}})[^()]{{0,80}}?\b" + YEAR + r"[a-z]?[.)]")


#: ``In`` and an editor's initials at a line's end: the edited book's editor, the family name on the next line
#: (``... dual acquisition. In B.`` / ``Skarabela, S. Fish, & A. H.-J. Do (eds.), ...``).
_EDITOR_INITIALS_END = re.compile(r"\bIn:?\s+(?:[A-Z]\.[\s-]?){1,3}$")


#: A source's volume and pages opening a line: ``20:1180-1191``, ``34(2): 113-119``.
_VOLUME_PAGES_OPEN = re.compile(r"\d{1,5}\s*(?:\([\w-]{1,12}\))?\s*:\s*[A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?\b")


def _goes_on(previous: str, text: str) -> bool:
    """Wrapped text where no person sees a new entry whatever else the lines show: a link or DOI
    opening the line, a calendar date opening it (``November 7, 2023.``: the day of the item above), a
    place alone after a line left on a comma (``..., October 2009,`` / ``Bergen, Norway.``), the next line
    after one of only authors left open on a comma (stray marks after it aside), a
    number after its abbreviation, or a name cut in two across the break."""
    if _EDITOR_INITIALS_END.search(previous):
        return True  # ("... In B." / "Skarabela, S. Fish, & ... (eds.)": an editor's name cut after the initials)
    if _LINK_START.match(text) or _DATE_START.match(text) or (
        text[:1].isdigit() and _ABBREVIATION_END.search(previous[-6:]) and not _OWN_NUMBER_AUTHORS_YEAR.match(text)
    ):
        return True  # (and "p." / "502.": a page number after its abbreviation; not "47 p." / "6. Jensen WI, ... 1969.")
    if previous.endswith(",") and _PLACE_LINE.match(text):
        return True
    if AUTHOR_LIST.fullmatch(re.sub(r"[^\w,]+$", "", previous)):
        return True  # ("Holm D, Varga A," / "Okafor J et al (1998)": a line of only authors left open goes on)
    match = _NAME_CUT.search(previous)
    if match is not None and match.group("given") is not None and _PUBLISHER_PLACE.search(previous):
        return False  # ("Tidewater Press, Bergen" / "A. Okafor, ...": a publisher's place, not a given name cut)
    return match is not None and (match.group("particle") is not None or bool(re.match(r"[A-Z]\.", text)))


def _starts_entry(previous: str, text: str, joined: str, has_year: bool | None = None, *, piece: bool = False) -> bool:
    """In wrapped text with no layout cues: whether ``text`` starts a new entry after ``joined``
    (the entry so far, or its head; ``has_year`` says whether any of it has a year; ``piece``: it is the
    end of an entry carried over to the top, closed by its marks however short)."""
    if has_year is None:
        has_year = bool(YEAR_TOKEN.search(joined))
    label = label_of(text)
    if label is not None and label.style in ("bracket", "dot", "round", "paren") and label.number < 1000 and label.rest[:1].isalpha() and ends_like_reference(previous):
        return True  # a string that carries its own number
    if not ends_like_reference(previous) or _SOURCE_LINE.match(text) or not AUTHOR_START.match(text) or _EDITOR_INITIALS_END.search(previous):
        return False
    if _authors_then_year(joined):
        return False  # "Smith J, Doe A (2009)" then the title on the next line
    if has_year:
        return len(joined) >= (12 if piece else 30)
    # An entry without a year, then a line that opens with authors and a year: a new entry
    # (``Weston, R.C. 1979.``, ``Fekete T, Zoll I (2012) Title``: a bracketed year needs no stop after it).
    return len(joined) >= 20 and bool(YEAR_TOKEN.search(text[:80])) and bool(
        re.match(r"^[^()]{0,60}?(?:\(" + YEAR + r"[a-z]?\)|" + YEAR + r"[a-z]?\)?[.,:])", text)
    )


#: A line that closes a reference's source: pages, ``12(3):45``, ``2020;12``, a year after a comma, a DOI or link.
#: A string's own label at its start: ``[38] Varoni``, ``12. Smith``, ``(4) Doe``.
#: A string that opens with its year (``2011b. A fair sharing space``), as author-less entries do.
_YEAR_OPEN = re.compile(YEAR + r"[a-z]?[.,)]\s*[^\W\d_]")
_OWN_LABEL = re.compile(r"\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)])\s*[^\W\d_]")
#: What follows a source inside the same reference: identifiers, dates, notes.
_TRAILER_START = re.compile(
    r"^(?:doi|pmid|pmcid|pubmed|epub|erratum|errata|comment|review|available|accessed|retrieved|cited|published|online|"
    r"in\b|in:|crossref|google|medline|isbn|issn|url|arxiv|ppublish|\[|\()"
    r"|^[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s*:\s",  # a publisher's place: "London: Allen & Unwin"
    re.IGNORECASE,
)


#: Authors then a year early in a line: ``Weston, R.C. 1979.``, ``Stone JW, Sisco PN (2007)``.
_AUTHOR_YEAR = re.compile(r"^[^()\d]{2,45}?[\s(]" + YEAR + r"[a-z]?(?:\)|[.,:])")

#: Only names before a year: ``Mara Lindqvist Tomas Ferreira and Ines Okafor. 2012.``, ``김윤정, 이유리 (2014)``, ``— (1988)``.
_NAMES_YEAR = re.compile(
    rf"^(?:(?:[—–]|_{{3,}}+|[^\W\d_a-z](?:[^\W\d_]|['’-])*+\.?|(?:and|und|et|&|{'|'.join(PARTICLE_WORDS)}|al\.?|jr\.?)),?\s*){{1,16}}"
    r"[\s(]\(?" + YEAR + r"[a-z]?(?:\)|[.,:])"
)


#: Authors whose family names a source set in lower case: ``lin S-C, wong Y-C.``, ``chen S-C.  Title``.
_LOWER_AUTHORS = re.compile(
    r"^(?!(?:in|and|of|the|for|with|from|to|by|on|at|et|vs|see|as|or|ed|eds|pp|vol|no)\b)[a-z][a-z'’]+(?:-[a-z]+)?\s+"
    r"[A-Z](?:[A-Z]|-[A-Z]){0,3}(?:,\s+[a-z][a-z'’]+(?:-[a-z]+)?\s+[A-Z]|\.\s+[A-Z][a-z])"
)


#: A publisher, or only a place, on a line after the pages: the same reference goes on.
_PUBLISHER_LINE = re.compile(r"^[A-Z][\w&.'’ -]{0,40}?\b(?:Press|Publishers?|Publishing|Verlag)\b")
_PLACE_LINE = re.compile(r"^[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,\s+(?:[A-Z]{2}|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\.?\s*$")


#: Pages with a letter after each number end a source: ``46(Suppl S):68S-83S``, ``1234A-1240A.``.
_LETTER_PAGES_END = re.compile(r"\b\d+[A-Z]\s*[-–]\s*\d+[A-Z]\.?\s*$")
#: A year alone on its line, closed by a full stop: ``Lakeside Publishers, Boston,`` / ``1992.``.
_YEAR_LINE = re.compile(r"^\s*" + YEAR + r"[a-z]?\.\s*$")
#: A book's imprint closed in brackets by its year: ``(Lakeside-Verlag, New York, 1978).``, ``(Oxford: Clarendon, 2000)``.
_IMPRINT_END = re.compile(r"[,:]\s*" + YEAR + r"[a-z]?\s*\)\.?\s*$")
#: An arXiv identifier at the end of an entry, perhaps wrapped after its archive: ``arXiv:gr-qc/ 9955501.``.
_IDENTIFIER_END = re.compile(r"ar[xX]iv\s*:\s*(?:[\w.-]+/\s*)?\d{4}\.?\d{3,5}(?:v\d+)?\.?\s*$")


#: A note that closes an entry as its year would: ``Applied Inventions, to appear.``, ``in press.``, ``im Druck.``.
_FORTHCOMING_END = re.compile(
    r"\b(?:to appear|in press|forthcoming|in preparation|submitted|im Druck|sous presse|en prensa|no prelo|in stampa)\.\s*$", re.IGNORECASE
)
#: A run of names in Vancouver form whose first capital was lost or misread (``lannacci PM, Tabor GU, Garten RL,``).
_LOST_CAPITAL_RUN = re.compile(
    r"^(?!(?:in|and|of|the|for|with|from|to|by|on|at|et|vs|see|as|or|ed|eds|pp|vol|no)\b)"
    rf"[{LOWER_CHARS}][{LOWER_CHARS}'’]+(?:-[{UPPER_CHARS}{LOWER_CHARS}][{LOWER_CHARS}]+)?\s+[{UPPER_CHARS}]{{1,4}}\s*,\s*"
    rf"(?:{FAMILY}(?:[\s-]{FAMILY})?\s+[{UPPER_CHARS}]{{1,4}}\s*,\s*){{2,}}"
)


def _after_source_end(previous: str, text: str, head: str, has_year: bool) -> bool:
    """In wrapped text: a line that closes a source (``Blood. 2020;135:1-9.``, ``59-70, 1991.``) and then a
    line that opens a reference of any shape (``The FRWSM guideline ...``, ``王義文(1989)``, ``"Title"``) cut
    the entry, unless the line is what follows a source in the same reference (``PMID: ...``)."""
    # (An identifier closes a reference that states no year: ``arXiv:gr-qc/`` / ``9955501.``, ``arXiv:1410.55555v1``.)
    identified = len(head) < 1000 and bool(_IDENTIFIER_END.search(head[-60:]))
    # (So does a note that the work is forthcoming, ``Applied Inventions, to appear.``, or a link alone on the line
    # before authors, ``https://www.example.org/...`` / ``Calloway E. Proteins ...``.)
    identified = identified or bool(_FORTHCOMING_END.search(previous[-30:])) or (
        bool(LINK_TOKEN.fullmatch(previous.strip())) and bool(AUTHOR_START.match(text))
    )
    if not (has_year or identified) or len(head) < 25 or _authors_then_year(head):
        return False
    if previous.count("(") > previous.count(")") or _PUBLISHER_LINE.match(text) or _PLACE_LINE.match(text):
        return False  # "(ed. or." then "Paris 1986).", "pp. 131-154." then "Harcourt Publishers, ..." or "Melbourne, Australia."
    own = re.match(r"\[\s*(\d{1,4})\s*\]", text)
    if own and int(own.group(1)) < 1500 and ends_like_reference(previous):
        return True  # "War, 2013." then "[7 ],On spectral sums": a string that carries its own number
    if not (
        SOURCE_END.search(previous[-40:]) or LINK_TOKEN.match(previous.rsplit(None, 1)[-1]) or _LETTER_PAGES_END.search(previous[-30:])
        or _IMPRINT_END.search(previous[-30:]) or _YEAR_LINE.match(previous) or identified
    ):
        # No source closed the line, but the next one opens with authors and a year (``Weston, R.C. 1979.``).
        return (
            len(head) >= 40 and not OPEN_END.search(previous[-12:]) and not previous.endswith(("-", "–"))
            and (bool(AUTHOR_START.match(text) and (_AUTHOR_YEAR.match(text) or re.match(r"^.{0,30}\bet\s+al\b", text)))
                 or bool(_NAMES_YEAR.match(text) and re.match(r"^(?:[—–]|_{3}|[^(]*?(?:[a-z]{2}|[^\W\d_A-Za-z]))", text)))
            and not _SOURCE_LINE.match(text)
        )
    own_number = re.match(r"\d{1,4}\s*[-.)\]]?\s+", text)
    if own_number and PAGES_END.search(previous[-30:]) and AUTHOR_START.match(text[own_number.end() :]):
        return True  # "Chemistry 397:2611-2618" then "22 O'Hara, J. G.": a string with its own number
    first = text[:1]
    if _LOWER_AUTHORS.match(text) or _LOST_CAPITAL_RUN.match(text):
        return not _TRAILER_START.match(text)  # "lin S-C, wong Y-C. Title": authors set in lower case
    if not (first.isupper() or first in "\"“‘'•" or (first.isalpha() and not first.islower()) or re.match(r"[—–]+\s*[(.,]|_{3,}", text)):
        return False
    # After a page range the source is over: a line that starts with authors and holds a source is the next entry.
    pages_closed = bool(PAGES_END.search(previous[-30:])) and bool(AUTHOR_START.match(text))
    return not _TRAILER_START.match(text) and (pages_closed or not _SOURCE_LINE.match(text))


_NAME_YEAR_TAIL = re.compile(r"[\s(]\(?" + YEAR + r"[a-z]?(?:\s*,\s*[A-Z][a-z]+\.?)?\)?[.,:]?\s*$")
_NAME_TOKEN = re.compile(
    rf"(?:[{UPPER_CHARS}][^\W\d_]*(?:['’.-]+[^\W\d_]*)*\.?|and|und|et|&|al\.?|{'|'.join(PARTICLE_WORDS)}|jr\.?|\(eds?\.?\)\.?|eds?\.|[—–]+|_{{3,}})"
)


def _names_then_year(head: str) -> bool:
    """Whether the entry so far is only its authors and a year, however many and however set:
    ``Barrow, M. E., S. R. Petro and J. J. Carr. 1980.``, ``Mitch, W.A.; & Sedlak, D.L., 2003.``
    (the title comes next: a line break after the year is no entry's end)."""
    body = strip_label(head).strip()
    tail = _NAME_YEAR_TAIL.search(body)
    if not tail:
        return False
    before = body[: tail.start()].strip()
    if before.endswith(";") or _PUBLISHER.search(before):
        return False  # "Varga R. Long Winter. Tor; 2004.", "... Harbour Press, 2004.": a publisher and its year close a book
    tokens = [token for token in re.split(r"[\s,;]+", before) if token]
    if not tokens or not all(_NAME_TOKEN.fullmatch(token) for token in tokens):
        return False
    return "," in before or bool(re.search(rf"\b[{UPPER_CHARS}]\.", before))  # (not a title: "Skin Optics News. Jan 1998.")


#: Names, then a year, then more: ``Gardner, R. (1995). Quiz shows``, ``Huber I., 1990, ApJ, 351``.
_NAMES_YEAR_OPEN = re.compile(r"^(?P<names>[^():\d]{2,60}?)[\s(]\(?" + YEAR + r"[a-z]?\)?[.,:]?\s+(?![(\d]|[pP]p?\b)\S")
#: A line left on the word before a translator's or editor's name: ``trans.`` / ``Sean Conlon. Dublin, 1997.``
_BEFORE_NAMES = re.compile(r"\b(?:trans|transl|tr|ed|eds|edd|comp|hrsg|hg|dir|coord|introd?)\.$|\bby$", re.IGNORECASE)


#: Two or more authors as ``Family AB`` apart by commas, the last one closed: ``Nakamura K, Maruta T.``, ``de Cuesta M, Lilley MA,``.
_AUTHOR_RUN = re.compile(
    rf"^(?:(?:{_ANY_PARTICLES})?{FAMILY}(?:[\s-]{FAMILY})?\s+[{UPPER_CHARS}]{{1,3}}\s*,\s*)+(?:{_ANY_PARTICLES})?{FAMILY}(?:[\s-]{FAMILY})?\s+[{UPPER_CHARS}]{{1,3}}(?:\s*[,.:]|\s+et\s+al\b)"
)
#: Family names in capitals before given names: ``EL-BEHI, Mohamed, Bogdan CIRIC``.
_CAPS_AUTHORS = re.compile(rf"^[{UPPER_CHARS}][{UPPER_CHARS}'’-]+,\s+[{UPPER_CHARS}][{LOWER_CHARS}]+(?:[\s-][{UPPER_CHARS}][{LOWER_CHARS}]+)?,\s+[{UPPER_CHARS}]")


#: A family name in capitals and initials with no stops: ``QUILLAN RA (1989)``, ``OKAFOR T, ARVIK L (2001)``.
_CAPS_INITIALS = re.compile(rf"^[{UPPER_CHARS}]{{2,}}(?:[-'’][{UPPER_CHARS}]{{2,}})?\s+[{UPPER_CHARS}]{{1,3}}\s*[,(]")


def _authors_year_after_end(previous: str, text: str, head: str) -> bool:
    """A line that opens with authors and their year (and goes on with a title or source), or with a run
    of two or more authors, after a line that closed an entry: a new entry, even when the entry above
    stated no year."""
    if (
        len(head) < 30 or not ends_like_reference(previous) or OPEN_END.search(previous[-12:]) or re.search(r"\b[A-Z]\.$", previous)
        or _BEFORE_NAMES.search(previous[-8:])
    ):
        return False  # (not after "& C." / "D. Lin. (2011)": a name cut at the line's end, nor after "trans.")
    if len(head) >= 40 and previous.endswith((".", ")", "]")) and (
        _AUTHOR_RUN.match(text) or _CAPS_AUTHORS.match(text)
        or (_LOWER_AUTHORS.match(text) and re.match(r"^\S+\s+\S+,\s+[a-z]", text))  # "lin S-C, wong Y-C." in lower case
    ):
        return True
    opening = _NAMES_YEAR_OPEN.match(text)
    return (
        opening is not None and bool(AUTHOR_START.match(text) or _CAPS_INITIALS.match(text)) and bool(re.search(r",|\b[A-Z]\.|\b[A-Z]{1,3}\b", opening.group("names")))
        and not _SOURCE_LINE.match(text) and not VOLUME_SOURCE.search(text)
    )


#: Han, Hangul and kana: a name in these scripts is no continuation of a line in Latin script.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3"
#: A name of two to five such characters, then a comma or a bracket (``김하늘, 2004,``, ``王小明(1995)``, ``佐藤花子、``) or,
#: set apart by full stops, middle dots or one-dot leaders, another such name (``변영수.이상민.김재훈,``, ``이경수․박명훈(2016)``).
_CJK_NAME_OPENING = re.compile(rf"^[{_CJK}]{{2,5}}(?:\s?[,，、(（]|[.·・\u2024\u2027][{_CJK}]{{2,5}}[.·・\u2024\u2027,，(（])")


#: The mark that repeats the authors of the entry above: ``———.``, ``--- (2005).``, ``__________ .``, ``——,``.
_SAME_AUTHORS = re.compile(r"^(?:—{2,}|–{3,}|-{3,}|_{3,})\s*[.,:(]")
#: The mark, then the year: ``———. 1996. Title``, ``———, (2004)``: no text goes on so, whatever the line above.
_SAME_AUTHORS_YEAR = re.compile(r"^(?:—{2,}|–{3,}|-{3,}|_{3,})\s*[.,:]?\s*\(?" + YEAR + r"[a-z]?\)?[.,:]")


#: Three or more names in Vancouver form, each with its initials (up to four) and a comma: ``Bandelt H-J, Forster P,
#: Sykes BC,``, ``Verkade AJMH, de Graaf E,``.
_VANCOUVER_RUN = re.compile(rf"^(?:(?:{_ANY_PARTICLES})?{FAMILY}(?:[\s-](?:{_ANY_PARTICLES})?{FAMILY})?\s+[{UPPER_CHARS}]{{1,4}}(?:-[{UPPER_CHARS}]{{1,2}})?\s*,\s*){{3,}}")


#: An initial, set with a stop or alone: ``M.``, ``R.K.``, ``J.-H.``, ``S`` (``S Penn``).
_INITIAL = rf"-?[{UPPER_CHARS}](?:\.\s?|\s)"
#: Three or more names of one form, each closed by a comma: initials first (``M. Quill, R. Venn, R.K. Marsh,``,
#: ``S Penn, A Arvik, T Okafor,``) or family names first with initials after a comma (``Quill, H., Venn, R. A.,``);
#: or three or more of the latter, the last closed by its initial's stop before a title (``Quill, H., Venn, R.,
#: Marsh, T. Invented ...``: an author list with no year before its title).
_INVERTED_NAME = rf"(?:{_ANY_PARTICLES})?{FAMILY}(?:[\s-]{FAMILY})?,\s+(?:-?[{UPPER_CHARS}]\.\s?){{1,3}}"
_NAME_RUN = re.compile(
    rf"^(?:(?:(?:{_INITIAL}){{1,3}}\s*(?:{_ANY_PARTICLES})?{FAMILY}(?:[\s-]{FAMILY})?\s*,\s*){{3,}}"
    rf"|(?:{_INVERTED_NAME},\s*(?:&\s*|and\s+)?){{3,}}"
    rf"|(?:{_INVERTED_NAME},\s*){{2,}}{_INVERTED_NAME}\s*[{UPPER_CHARS}][{LOWER_CHARS}]+(?:[\s-]|[{LOWER_CHARS}]))"
)


def _name_run_after_end(previous: str, text: str, head: str) -> bool:
    """A line that opens with three or more names set as authors are (initials first, or family names first with
    their initials after a comma) after a line that closed an entry: a new entry. A title never wraps to such a
    line, and an author list wrapped across lines leaves the line above open (a comma, ``&``, ``and``) or on an
    initial. The entry above is closed when its last line ends on a full stop, or when it states a year and a
    source or publisher (``... Vexas Press, Oxford`` / ``Quill, H., Marsh, J. M., Venn, R. A., &``)."""
    if len(head) < 40 or not _NAME_RUN.match(text):
        return False
    end = previous.rstrip()
    if (
        OPEN_END.search(end[-12:]) or re.search(r"\b[A-Z]\.$", end) or AUTHOR_LIST.match(end) or _BEFORE_NAMES.search(end[-8:])
        or end.endswith(("-", "–"))
    ):
        return False
    return end.endswith(".") or (
        bool(YEAR_TOKEN.search(head)) and bool(SOURCE_HINT.search(head) or PAGES_END.search(head) or _PUBLISHER.search(head))
    )


#: A collaboration as author: ``VEXAS Collaboration, J. Inv. ...``, ``The NOVA collaboration: R. Arvik, ...``, or
#: abbreviated as physics lists set it: ``NOVA Collab. (R. Arvik et al.), ...``.
_COLLABORATION = re.compile(rf"^(?:The\s+)?[{UPPER_CHARS}][\w-]*(?:\s+[{UPPER_CHARS}][\w-]*){{0,2}}\s+[Cc]ollab(?:oration\s*[,.:(]|\.\s)")
#: A group as author whose name opens with digits: ``23andMe Research Team.``, ``4D Nucleome Network.``, ``100,000 Genomes
#: Project Pilot Investigators.``, ``3D Systems Corporation.`` (its digits no label and no volume wrapped to the line).
_DIGITS_GROUP = re.compile(
    rf"^\d[\d,]*(?:[{LOWER_CHARS}{UPPER_CHARS}][\w-]*)?(?:\s+[{UPPER_CHARS}][\w-]*){{0,5}}\s+"
    r"(?:Consortium|Collaborat(?:ors|ion)|Group|Team|Network|Corporation|Company|Investigators|Task Force|Initiative)[.,]\s"
)


#: A line's last word, capitalised and with no stop after it (``... Tidewater Foundation, Bergen``).
_CAPITAL_WORD_END = re.compile(rf"\b[{UPPER_CHARS}][{LOWER_CHARS}]{{2,}}$")


def _ends_on_capital_word(end: str) -> bool:
    """Whether a line (its right end stripped) closes on a capitalised word with no stop, as a publisher or its place
    closes an entry, and nothing leaves it open for names or for the rest of a title (``... edited by``, ``... of the``)."""
    return bool(_CAPITAL_WORD_END.search(end)) and not _LEFT_FOR_NAMES.search(end[-14:]) and not _OPEN_WORD.search(end)


def _collaboration_after_end(previous: str, text: str, head: str) -> bool:
    """A line that opens with a collaboration as author after a line that ends an entry with a year: a new entry
    (a title that names a collaboration wraps after a word left open: ``... by the`` / ``ATLAS Collaboration``), or
    after a line that ends on a word in capitals with no stop, a publisher or its place (``... Tidewater Foundation,
    Bergen`` / ``NOVA Collab. (R. Arvik et al.), ...``): no title or source goes on with a collaboration as author."""
    closed = ends_like_reference(previous) or _ends_on_capital_word(previous.rstrip())
    return (
        len(head) >= 30 and bool(YEAR_TOKEN.search(head)) and closed
        and not OPEN_END.search(previous[-12:]) and bool(_COLLABORATION.match(text) or _DIGITS_GROUP.match(text))
    )


def _vancouver_after_full_stop(previous: str, text: str, head: str) -> bool:
    """A line that opens with three or more names in Vancouver form (the first perhaps with its capital misread,
    ``lannacci PM, Tabor GU, Garten RL,``) after a line that ends on a full stop, in
    an entry that is more than a run of names (or on its publisher's name, ``... MA: Lakeside Press``): a new entry,
    whatever the entry above lacks (a year, a source); or on a word with a capital and no stop (a publisher or its place,
    ``... vol 12. Springer Heidelberg``) in an entry that states its year and is more than its authors and year."""
    end = previous.rstrip()
    dated_word_end = _ends_on_capital_word(end) and bool(YEAR_TOKEN.search(head)) and not _authors_then_year(head)
    return (
        bool(_VANCOUVER_RUN.match(text) or _LOST_CAPITAL_RUN.match(text)) and (end.endswith(".") or bool(_PUBLISHER_END.search(end)) or dated_word_end)
        and not re.search(r"\b[A-Z][a-z]?\.$", end) and len(head) >= 40 and not AUTHOR_LIST.match(previous)
    )


def _same_authors_after_end(previous: str, text: str) -> bool:
    """A line that opens with the mark for the authors above (``———.``), after a line that ends as a reference
    ends: a new entry by the same authors, whatever the entry above lacks (a year, a source)."""
    if _SAME_AUTHORS_YEAR.match(text) and not previous.rstrip().endswith(("-", "–", "—")):
        return True  # ("..., Gwen Lindqvist, and" / "———. 1996. Title": the mark and a year open an entry after any line)
    return bool(_SAME_AUTHORS.match(text)) and ends_like_reference(previous) and not OPEN_END.search(previous[-12:])


def _cjk_name_after_latin(previous: str, text: str, head: str) -> bool:
    """A line that opens with a name in Han, Hangul or kana and a comma or bracket, after a complete line of an
    entry written in Latin script (``... Leipzig: Brandt.`` / ``김하늘, 2004, ...``): a change of script at a
    line's start with a name is a new entry, whatever the entry above lacks (a year, a source)."""
    # (A line may end on a word with no stop, ``... Lakeside Heidelberg``, ``Association of Invented Products``: a name in
    # another script does not go on from it, as no title or source does.)
    closed = ends_like_reference(previous) or (bool(re.search(r"[A-Za-z]{2}[)\"”]?$", previous)) and not _LEFT_FOR_NAMES.search(previous[-14:]))
    return (
        len(head) >= 30 and not re.search(f"[{_CJK}]", head) and len(re.findall(r"[A-Za-z]", head)) >= 20
        and closed and not OPEN_END.search(previous[-12:]) and bool(_CJK_NAME_OPENING.match(text))
    )


#: Authors set in full APA form, then the year in brackets and a full stop: ``Velde, K., & Holm, H. (2006).``
_APA_OPENING = re.compile(
    rf"^(?:(?:{_ANY_PARTICLES})?{FAMILY}(?:[\s-]{FAMILY})?,\s+(?:[{UPPER_CHARS}]\.[\s-]?){{1,3}},?\s+(?:&\s+|and\s+)?)*"
    rf"(?:{_ANY_PARTICLES})?{FAMILY}(?:[\s-]{FAMILY})?,\s+(?:[{UPPER_CHARS}]\.[\s-]?){{1,3}}\s*\(\s*" + YEAR + r"[a-z]?\s*\)\.\s+\S"
)


#: A ``doi:`` tag that ends a line with no DOI after it: what follows is not the DOI when it opens with authors.
_BARE_DOI_TAG = re.compile(r"\bdoi:\s*$", re.IGNORECASE)


def _apa_opening_after(previous: str, text: str, head: str) -> bool:
    """A line that opens with authors and their bracketed year in full APA form after a long entry whose last
    line is not left open (``... of the cohort in review`` / ``Velde, K., & Holm, H. (2006). Shame``):
    a title does not wrap to such a line, so a new entry starts even when the entry above ends without a stop.
    (A line may end on an initial, ``Ibarra-Cano F.``: APA authors wrapped within a list leave a comma or ``&``.
    A ``doi:`` left with nothing after it is no open line before such authors: the DOI would follow, not names.)"""
    return (
        len(head) >= 40 and (not OPEN_END.search(previous[-12:]) or bool(_BARE_DOI_TAG.search(previous[-8:])))
        and not previous.endswith(("-", "–")) and not _BEFORE_NAMES.search(previous[-8:]) and bool(_APA_OPENING.match(text))
    )


#: No place and its publisher after a colon (``New Brunswick, N.J.: Lakeside University Press, 1992.``): a line
#: that names a publisher or ends on its year.
_NOT_PUBLISHER_PLACE = r"(?!.*\b(?:Press|Publishers?|Publishing|Verlag|Books|University|Office|Institute)\b)(?!.*,\s*" + YEAR + r"\.?\s*$)"
#: Authors in Vancouver form and a colon, as BMC journals set them: ``Fowlerton JF: Linear ...``, ``Bainbridge LS,
#: Jindal RM: Title`` (not a part in Roman numerals, ``Part II: ...``), or inverted with initials and a colon, or in
#: natural order after the initials (``M. Quellmann: Title``).
_COLON_AUTHOR = re.compile(
    rf"^(?:(?:{_ANY_PARTICLES})?{FAMILY}(?:[\s-]{FAMILY})?\s+[{UPPER_CHARS}]{{1,3}}\s*,\s*){{0,8}}"
    rf"(?:{_ANY_PARTICLES})?{FAMILY}(?:[\s-]{FAMILY})?\s+(?![IVXLC]+\s*:)[{UPPER_CHARS}]{{1,3}}\s*:\s+[{UPPER_CHARS}]"
    # or inverted, as Springer sets them: ``Arvik, I.: Title``, ``Marsh, G.D., Venn, A.: Title``
    rf"|^(?:(?:{_ANY_PARTICLES})?{FAMILY}(?:-{FAMILY})?,\s*(?:[{UPPER_CHARS}]\.-?\s?){{1,3}},\s*(?:and\s+|&\s*)?){{0,8}}"
    rf"(?:{_ANY_PARTICLES})?{FAMILY}(?:-{FAMILY})?,\s*(?:[{UPPER_CHARS}]\.-?\s?){{1,3}}:\s+[{UPPER_CHARS}]"
    # (not a place and its publisher: ``New Brunswick, N.J.: Lakeside University Press, 1992.``, ``Washington, D.C.: ...``)
    + _NOT_PUBLISHER_PLACE +
    # or in natural order with their initials, as physics and German theses set them: ``M. Quellmann: Title``,
    # ``A. Berg, K. Lunde: Title`` (not a place and its publisher, as above)
    rf"|^(?:(?:[{UPPER_CHARS}]\.\s?-?){{1,3}}\s*(?:{_ANY_PARTICLES})?(?=\w{{2}}){FAMILY}(?:-{FAMILY})?\s*,\s*(?:and\s+|&\s*)?){{0,8}}"
    rf"(?:(?:and|&)\s+)?(?:[{UPPER_CHARS}]\.\s?-?){{1,3}}\s*(?:{_ANY_PARTICLES})?(?=\w{{2}}){FAMILY}(?:-{FAMILY})?:\s+[{UPPER_CHARS}]"
    + _NOT_PUBLISHER_PLACE
)
#: Authors in the humanities' form, the first inverted and the last after ``and``: ``Becker, Ulla, Anthony
#: Gideon, and Scott Lasher.``, ``Brantford, William and Donald Okafor`` (the year on the next line).
_GIVEN = rf"[{UPPER_CHARS}][{LOWER_CHARS}]+(?:-[{UPPER_CHARS}][{LOWER_CHARS}]+)?(?:\s+[{UPPER_CHARS}]\.)*"
_INVERTED_THEN_AND = re.compile(
    rf"^(?:{_ANY_PARTICLES})?{FAMILY},\s+{_GIVEN}(?:,\s+{_GIVEN}\s+(?:{_ANY_PARTICLES})?{FAMILY})*,?\s+(?:and|&)\s+{_GIVEN}\s+(?:{_ANY_PARTICLES})?{FAMILY}(?:[.,]|\s*$)"
)

#: One author inverted, the family name perhaps in capitals, the given name written out, then a quoted title:
#: ``RONZEAUD, Pierre, « Title »``, ``Andrews, Victor L. "Title"``.
_INVERTED_QUOTED = re.compile(
    rf"^(?:{_ANY_PARTICLES})?(?:[{UPPER_CHARS}][{UPPER_CHARS}'’-]+|{FAMILY}(?:-{FAMILY})?),\s+{_GIVEN}(?:[\s-]{_GIVEN})?,?\s*[«“\"]"
)


def _named_after_full_stop(previous: str, text: str, head: str) -> bool:
    """A line that opens with authors in Vancouver form and a colon (``Fowlerton JF: Title``), with authors in the
    humanities' form (``Becker, Ulla, Anthony Gideon, and Scott Lasher.``) or with one inverted author and a quoted
    title (``RONZEAUD, Pierre, « Title »``) after a line that ends on a full stop (or
    on a publisher's name, ``... MA: Lakeside Press``, or on a publisher and its place, ``Tidewater Press, Bergen``, in
    an entry with a year), in an entry
    that is more than its authors: a new entry, whatever the entry above lacks (a year, a source). A title
    does not wrap to such a line."""
    end = previous.rstrip()
    closed = end.endswith(".") or bool(_PUBLISHER_END.search(end)) or (bool(_PUBLISHER_PLACE.search(end)) and bool(YEAR_TOKEN.search(head)))
    return (
        len(head) >= 40 and closed and not re.search(r"\b[A-Z][a-z]?\.$", end) and not AUTHOR_LIST.match(end)
        and not _BEFORE_NAMES.search(end[-8:]) and bool(_COLON_AUTHOR.match(text) or _INVERTED_THEN_AND.match(text) or _INVERTED_QUOTED.match(text))
    )


#: A standard's designation: a body with digits, a series and a number (``3GPP TS 99.123:``).
_DESIGNATION = re.compile(r"^\d+[A-Z]{2,}\s+[A-Z]{1,4}\s+\d+(?:\.\d+)+\s*:")


def _designation_after_end(previous: str, text: str, head: str) -> bool:
    """A line that opens with a standard's designation (``3GPP TS 99.123: "Title"``) after a line that ends an
    entry with a year: a new entry (the string opens with digits, so no author rule reads it)."""
    return (
        len(head) >= 30 and bool(YEAR_TOKEN.search(head)) and ends_like_reference(previous)
        and not OPEN_END.search(previous[-12:]) and bool(_DESIGNATION.match(text))
    )


#: A family name in capitals (of up to three words) and initials with stops: ``DI VENTO M.,``, ``QUILL A. B.``.
_CAPS_NAME_INITIALS = re.compile(rf"^[{UPPER_CHARS}]{{2,}}(?:[\s'’-][{UPPER_CHARS}]{{2,}}){{0,2}}\s+(?:[{UPPER_CHARS}]\.\s?-?){{1,3}}[,;:]?\s")
#: A title closed in quotes and a full stop at a line's end: ``... "Invented charging; stage 3".``
_QUOTED_TITLE_END = re.compile(r"[\"”]\s*\.\s*$")


def _after_designation(previous: str, text: str, head: str) -> bool:
    """An entry that opens with a standard's designation (``3GPP TS 99.123: "Invented charging; stage 3".``) is whole
    once its quoted title is closed by a full stop, year or none: a line that then opens with authors or another
    designation is a new entry (the designation stands where authors would, and the title is all it has)."""
    return bool(_DESIGNATION.match(head)) and bool(_QUOTED_TITLE_END.search(previous[-6:])) and bool(
        AUTHOR_START.match(text) or _CAPS_NAME_INITIALS.match(text) or _DESIGNATION.match(text)
    )


#: A string's own number with a dash before its authors: ``10- Cochrane A, Scaifer ER, ...``.
_DASHED_NUMBER = re.compile(r"^\d{1,3}\s*[-–]\s+(?=\S)")


def _own_number_then_authors(previous: str, text: str, head: str) -> bool:
    """A line that opens with a string's own number and a dash, then two or more authors in Vancouver form
    (``10- Cochrane A, Scaifer ER,``), after a line that ends an entry with a year: a new entry (pages wrapped to a
    line start, ``1035-`` / ``8.``, have no authors after them)."""
    number = _DASHED_NUMBER.match(text)
    return (
        number is not None and len(head) >= 30 and bool(YEAR_TOKEN.search(head)) and ends_like_reference(previous)
        and not OPEN_END.search(previous[-12:]) and bool(AUTHOR_LIST.match(text[number.end() :]))
    )


#: A name as Vancouver sets it (``Okafor A``, ``de Graaf E``) and as APA sets it (``Okafor, O.``, ``Venn, D. A.``).
_VANCOUVER_NAME = rf"(?:{_ANY_PARTICLES})?{FAMILY}(?:[\s-]{FAMILY})?\s+[{UPPER_CHARS}]{{1,4}}"
_APA_NAME = rf"(?:{_ANY_PARTICLES})?{FAMILY}(?:[\s-]{FAMILY})?,\s*(?:[{UPPER_CHARS}]\.-?\s?){{1,3}}"
_OPEN_YEAR = r"\(\s*" + YEAR + r"[a-z]?\s*\)"
#: Two or more authors and their year (``Okafor A, Lindqvist I, Varga P (1993) Title``, ``Okafor, O. and Venn, D.
#: (1994)``, ``Okafor A, Penn B. 1993.``), or one inverted full name and its year (``Lindqvist, Charles Sanders. 1940.
#: The ...``): a reference's opening, never a title's or a source's words.
_NAMES_AND_YEAR = re.compile(
    rf"^(?:{_VANCOUVER_NAME}\s*,\s*)+{_VANCOUVER_NAME}(?:\s*,?\s*et\s+al\.?)?\s*(?:{_OPEN_YEAR}|[.,]\s*" + YEAR + r"[a-z]?[.,:])\s*\S"
    rf"|^(?:{_APA_NAME},?\s*(?:and\s+|&\s*)?)+{_APA_NAME},?\s*{_OPEN_YEAR}\.?\s+\S"
    rf"|^(?P<single>(?:{_ANY_PARTICLES})?{FAMILY},\s+{_GIVEN}(?:\s+{_GIVEN})*\.\s+" + YEAR + rf"[a-z]?\.\s+[{UPPER_CHARS}])"
)
#: A line left where a list of names, an editor's or a translator's name goes on: a comma, ``&``, ``and``, ``in``, ``by``,
#: ``eds.``, a particle, or words that introduce another work (``Comment on``, ``Reprinted from``, ``see``).
_LEFT_FOR_NAMES = re.compile(
    rf"(?:[-–—/_,;:&(\u00ad\u2010]|\b(?:and|und|et|y|e|in|by|with|on|to|from|see|also|eds?\.|editors?|hrsg\.?|trans\.?|tr\.|"
    rf"{'|'.join(PARTICLE_WORDS)}))\s*$",
    re.IGNORECASE,
)


def _names_and_year_after_open(previous: str, text: str, head: str) -> bool:
    """A line that opens with two or more authors and their year (``Okafor A, Lindqvist I, Varga P (1993) Title``), or
    with one inverted full name and its year, after a line that nothing closed: a string broken as printed (a title
    cut on ``of`` or ``the``, a list of authors alone). A title or a source never wraps to such a line; an author list
    wrapped across lines leaves the line above on a comma, ``and`` or ``&`` (``Okafor, O., Marsh, T. and`` / ``Venn, D.
    (1994)``), and an edited work cited inside an entry follows ``in``, ``by`` or ``eds.``."""
    opening = _NAMES_AND_YEAR.match(text)
    end = previous.rstrip()
    if opening is None or len(head) < 30 or _LEFT_FOR_NAMES.search(end[-14:]) or _SOURCE_LINE.match(text):
        return False
    if not (end.endswith((".", ")", "]", "”", '"')) or re.search(rf"\b[{LOWER_CHARS}]{{2,}}$", end)):
        return False  # (nor after a word in capitals: a name cut, ``Okafor C, Rivera`` / ``Mindt M, ... (2005)``)
    # One name: not after an initial (``Okafor, John, and Mary A.`` / ``Lindqvist, Charles. 1940.``).
    return opening.group("single") is None or not re.search(r"\b[A-Z]\.$", end)


#: Two or more authors in Vancouver form, the last closed by a full stop, then a title: ``Kaipia A, Hsu AJ. Regulation``.
_CLOSED_AUTHOR_RUN = re.compile(rf"^(?:{_VANCOUVER_NAME}\s*,\s*)+{_VANCOUVER_NAME}\.\s+[{UPPER_CHARS}][{LOWER_CHARS}]")


def _author_run_after_dated(previous: str, text: str, head: str) -> bool:
    """A line that opens with two or more authors in Vancouver form closed by a full stop and a title (``Kaipia A,
    Hsu AJ. Regulation ...``), after a line of an entry that states its year and ends on a word in capitals with no
    stop (a publisher or a place, ``... 2001 Lakeside Heidelberg``): a new entry. An entry's own authors never come
    after its year; names wrapped within a list leave the line above open."""
    end = previous.rstrip()
    return (
        len(head) >= 40 and bool(YEAR_TOKEN.search(head)) and not _authors_then_year(head) and bool(_CLOSED_AUTHOR_RUN.match(text))
        and bool(re.search(rf"\b[{UPPER_CHARS}][{LOWER_CHARS}]{{2,}}$", end)) and not _LEFT_FOR_NAMES.search(end[-14:])
        and not _OPEN_WORD.search(end)
    )


#: Two authors, the first inverted with initials and the second after ``and`` or ``&`` (inverted or initials first),
#: then a comma and more: ``Lindqvist, M. A. and Okafor-Venn, I. S., "Title"``, ``Quillon, T.D. and J.M. Arvikson,
#: Title`` (perhaps after a string's own number, ``61. Quillon, T.D. and ...``).
_INVERTED_PAIR = re.compile(
    rf"^(?:\d{{1,3}}\.\s+)?{_APA_NAME}\s*,?\s*(?:and|&)\s+(?:{_APA_NAME}|(?:{_INITIAL}){{1,3}}\s*(?:{_ANY_PARTICLES})?{FAMILY}(?:-{FAMILY})?)\s*,\s*\S"
)


def _name_pair_after_line(previous: str, text: str, head: str) -> bool:
    """A line that opens with two authors set as authors are (``Lindqvist, M. A. and Okafor-Venn, I. S., "Title"``)
    after a line that nothing left open for names, in an entry of some length: a new entry, whatever the entry above
    lacks (a stop, a year: ``... analysis in progress``, ``... 2001, Bergen: IOHK``). An author list wrapped across
    lines leaves the line above on a comma, ``and``, ``&`` or an initial; an edited work cited inside an entry
    follows ``in``, ``by`` or ``eds.``; a title does not wrap to a pair of names with their initials."""
    end = previous.rstrip()
    return (
        len(head) >= 40 and bool(_INVERTED_PAIR.match(text)) and not _LEFT_FOR_NAMES.search(end[-14:])
        and not OPEN_END.search(end[-12:]) and not _OPEN_WORD.search(end) and not re.search(r"\b[A-Z]\.$", end)
        and not _BEFORE_NAMES.search(end[-8:]) and not AUTHOR_LIST.match(end)
    )


#: Two or more authors in natural order, the last after ``and`` or ``&``, then a stop or comma: ``Toby Brook and
#: Stanley B. Zeller.``, ``Ana Ruiz, Tom Abel & Li Quill,``.
_NATURAL_NAMES = re.compile(
    rf"^{_GIVEN}\s+(?:{_ANY_PARTICLES})?{FAMILY}(?:-{FAMILY})?(?:,\s+{_GIVEN}\s+(?:{_ANY_PARTICLES})?{FAMILY}(?:-{FAMILY})?)*"
    rf",?\s+(?:and|&)\s+{_GIVEN}\s+(?:{_ANY_PARTICLES})?{FAMILY}(?:-{FAMILY})?[.,]"
)
_BRACKETED_YEAR_END = re.compile(r"\(" + YEAR + r"[a-z]?\)\.?\s*$")


def _natural_names_after_year_end(previous: str, text: str, head: str) -> bool:
    """A line that opens with two or more authors in natural order (``Toby Brook and Stanley B. Zeller. Title``)
    after a line that ends an entry on its bracketed year (``... Perspectives on Disease Control (2013)``, a book as
    some lists close it), in an entry that is more than its authors and year: a new entry. An entry's own authors
    come before its year (``Toby Brook and Ana Ruiz (2013)`` / ``Title``; a title in capitals with its subtitle after
    a colon is more than names), and a title does not wrap to a pair of full names closed by a stop."""
    return (
        len(head) >= 40 and bool(_BRACKETED_YEAR_END.search(previous)) and (not _authors_then_year(head) or ":" in head)
        and bool(_NATURAL_NAMES.match(text))
    )


def _plain_opening(previous: str, text: str, head: str) -> bool:
    """The cuts that stand whatever the line model says, under a heading and where the rules decide alone (a
    list with no heading): a line that opens with authors and their year, a run of authors, full APA authors, the
    mark for the same authors or three names in Vancouver form, after a line that closed an entry."""
    return not _goes_on(previous, text) and (
        _authors_year_after_end(previous, text, head) or _apa_opening_after(previous, text, head)
        or _same_authors_after_end(previous, text) or _vancouver_after_full_stop(previous, text, head)
        or _name_run_after_end(previous, text, head) or _collaboration_after_end(previous, text, head)
        or _named_after_full_stop(previous, text, head) or _designation_after_end(previous, text, head)
        or _own_number_then_authors(previous, text, head) or _names_and_year_after_open(previous, text, head)
        or _author_run_after_dated(previous, text, head) or _after_designation(previous, text, head)
        or _name_pair_after_line(previous, text, head) or _natural_names_after_year_end(previous, text, head)
    )


def _short_last_line(previous: str, text: str, head: str, has_year: bool) -> bool:
    """The last line of a wrapped entry is short: a short line that ends a reference, then a
    capitalised line that is not the source part, starts a new entry."""
    return (
        has_year and ends_like_reference(previous) and text[:1].isupper() and not _EDITOR_INITIALS_END.search(previous)
        and not _SOURCE_LINE.match(text) and len(head) >= 40 and not _authors_then_year(head)
    )


_PREVIOUS_END = re.compile(r"(?P<dot>\.)$|(?P<comma>,)$|(?P<semi>;)$|(?P<colon>:)$|(?P<bracket>[)\]])\.?$|(?P<digit>\d)\.?$|(?P<hyphen>[-–])$")


def cut_features(
    previous: str, text: str, following: str | None, head: str, has_year: bool, lines: int, typical: int,
    head_hints: tuple[bool, bool] | None = None,
) -> list[str]:
    """Named facts about a line in wrapped unnumbered text, for the line model: the rules' own
    verdicts, how the line before ends, how this line (and the next) starts, and the entry so far
    (``head``, its ``lines`` and whether it has a year; ``typical``: the width most lines fill, 0 if unknown;
    ``head_hints``: whether the entry so far has a source hint and a strong hint, when the caller keeps count)."""
    if head_hints is None:
        head_hints = (bool(SOURCE_HINT.search(head)), bool(STRONG_HINT.search(head)))
    rule_start = _starts_entry(previous, text, head, has_year)
    rule_source = _after_source_end(previous, text, head, has_year)
    short = bool(typical) and len(previous) < 0.7 * typical
    rule_short = short and _short_last_line(previous, text, head, has_year)
    author = bool(AUTHOR_START.match(text))
    # A line that opens with a family name's particles in lower case before the name and its initials (``van der
    # Beek AJ, Frings MH,``, ``de Vries, P.``) is seen from the name on: a name opens it, not a word going on.
    named = _PARTICLES_BEFORE_NAME.match(text)
    seen = text[named.end() :] if named else text
    first = seen[:1]
    facts = {
        "rule:start": rule_start, "rule:source": rule_source, "rule:short": rule_short,
        "prev:ends-ref": ends_like_reference(previous), "prev:source-end": bool(SOURCE_END.search(previous[-40:])),
        "prev:pages-end": bool(PAGES_END.search(previous[-30:])), "prev:open": bool(OPEN_END.search(previous[-12:])),
        "prev:link-end": bool(LINK_TOKEN.match(previous.rsplit(None, 1)[-1])) if previous else False,
        "prev:short": short, "prev:very-short": bool(typical) and len(previous) < 0.4 * typical,
        "prev:full": bool(typical) and len(previous) >= 0.9 * typical, "prev:year": bool(YEAR_TOKEN.search(previous)),
        "text:author": author, "text:author-list": bool(AUTHOR_LIST.match(seen)),
        "text:author-year": bool(_AUTHOR_YEAR.match(text)), "text:names-year": bool(_NAMES_YEAR.match(text)),
        "text:source-line": bool(_SOURCE_LINE.match(text)), "text:trailer": bool(_TRAILER_START.match(text)),
        "text:upper": first.isupper(), "text:lower": first.islower(), "text:digit": first.isdigit(),
        "text:other-letter": first.isalpha() and not first.isupper() and not first.islower(),
        "text:punct": bool(first) and not first.isalnum(), "text:year-early": bool(YEAR_TOKEN.search(text[:40])),
        "text:year": bool(YEAR_TOKEN.search(text)), "text:et-al-early": bool(re.search(r"\bet\s+al\b", text[:40])),
        "text:ends-ref": ends_like_reference(text), "text:short": bool(typical) and len(text) < 0.5 * typical,
        "text:label": bool(re.match(r"\d{1,4}\s*[-.)\]]?\s+\S|\[\d{1,4}\]", text)),
        "text:two-words-lower": bool(re.match(r"^\S+\s+[a-z]", seen)) and not author,
        "head:year": has_year, "head:source": head_hints[0], "head:strong": head_hints[1],
        "head:authors-year": _authors_then_year(head), "head:author": bool(AUTHOR_START.match(head)),
        "next:author": following is not None and bool(AUTHOR_START.match(following)),
        "next:lower": following is not None and following[:1].islower(),
        "next:source-line": following is not None and bool(_SOURCE_LINE.match(following)),
        "next:none": following is None,
    }
    names = [name for name, value in facts.items() if value]
    match = _PREVIOUS_END.search(previous)
    names.append("prev:end=" + (match.lastgroup or "other" if match else "letter"))
    size = len(head)
    names.append("head:len=" + ("<20" if size < 20 else "<40" if size < 40 else "<80" if size < 80 else "<160" if size < 160 else "<320" if size < 320 else "long"))
    names.append("head:lines=" + (str(lines) if lines < 6 else "6+"))
    # The shapes of the words around the break (``Smith J,`` is ``Xx X,``; ``257-8.`` is ``d-d.``).
    opening = [_shape(w) for w in seen.split(None, 2)[:2]]
    closing = [_shape(w) for w in previous.rsplit(None, 2)[-2:]]
    first_shape, last_shape = (opening[0] if opening else ""), (closing[-1] if closing else "")
    names.append("text:shape=" + " ".join(opening))
    names.append("text:shape1=" + first_shape)
    names.append("prev:shape=" + " ".join(closing))
    names.append("prev:shape1=" + last_shape)
    names.append("turn:" + last_shape + "|" + first_shape)
    # Pairs of the facts that matter most, so the model can weigh one in the light of another.
    key = [name for name in _KEY_FACTS if facts[name]]
    names.extend(f"{a}&{b}" for i, a in enumerate(key) for b in key[i + 1 :])
    names.extend(f"{a}&not:{b}" for a in key for b in _KEY_FACTS if a != b and not facts[b] and b in _NEGATED)
    return names


_SHAPE_RUNS = re.compile(r"([Xxd])\1+")
#: Name particles in lower case (``csl.PARTICLE_WORDS``) before a family name and its initials, Vancouver
#: (``van der Beek AJ,``) or inverted (``de Vries, P.``).
_PARTICLES_BEFORE_NAME = re.compile(
    r"^(?:(?:" + "|".join(PARTICLE_WORDS) + r")\s+){1,3}"
    rf"(?={FAMILY}(?:[\s-]{FAMILY})?(?:\s+[{UPPER_CHARS}]{{1,4}}\s*[,.]|,\s*(?:[{UPPER_CHARS}]\.\s?){{1,3}}))"
)



@lru_cache(maxsize=8192)
def _shape(word: str) -> str:
    """A word's shape: capitals ``X``, lower case ``x``, digits ``d``, runs made one, punctuation kept."""
    out = "".join("X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else "o" if ch.isalpha() else ch for ch in word[:12])
    return _SHAPE_RUNS.sub(r"\1", out)


_KEY_FACTS = (
    "rule:start", "rule:source", "rule:short", "prev:ends-ref", "prev:source-end", "prev:pages-end", "prev:short",
    "prev:open", "text:author", "text:author-year", "text:upper", "text:source-line", "text:trailer", "head:year",
    "head:source", "text:year-early", "next:lower",
)
_NEGATED = ("head:year", "prev:ends-ref", "text:author", "head:source")


def _marked(text: str) -> bool:
    """Whether a piece of a reference states something only references state: a year, pages, a source, a DOI or
    its publisher (``Oxford University Press, Oxford.``, ``Bergen: Larch House.``), or a standard's designation
    (``3GPP TS 99.123: "Title".``)."""
    return looks_like_reference(text) or bool(
        SOURCE_HINT.search(text) or PAGES_END.search(text) or _PUBLISHER.search(text) or _PLACE_PUBLISHER.search(text) or _DESIGNATION.match(text)
    )


#: A year closing a piece as a reference's date closes it: set off by a comma or a full stop, or in brackets
#: (``..., 150-155, 1990.``, ``Bergen. 1990``, ``(2019).``), not after a word as prose dates (``set out in 2020.``).
_YEAR_CLOSING = re.compile(r"(?:[.,;]\s*|\(\s*)" + YEAR + r"[a-z]?\s*\)?\.?\s*$")
#: Two years as a span closing a text (``from 2015-2019.``): a period, not a reference's pages.
_YEARS_SPAN_END = re.compile(YEAR + r"\s*[-–]\s*" + YEAR + r"\.?\s*$")


def _reference_tail(text: str) -> bool:
    """Whether a piece of text reads as the end of a reference (a piece carried over from the page before): it states
    a journal block, pages or a DOI (``2001; 119: 709-717``, ``11(2):45``, ``pp. 33-62``), ends on a source's numbers, a
    link or a year set off as a date closes a reference, or names a publisher or a standard's designation. A year
    in prose (``from 2015 to 2019 ... in 2020.``) is none of these, and prose citing others (``(Quill et al., 2011).``)
    is no reference's end whatever its brackets close on."""
    if cites_others(text):
        return False
    tail = text.rstrip()[-40:]
    if _YEARS_SPAN_END.search(tail):
        return bool(SOURCE_HINT.search(text))  # ("... between 2015-2019.": years, not pages)
    return bool(
        SOURCE_HINT.search(text) or SOURCE_END.search(tail) or PAGES_END.search(tail) or _YEAR_CLOSING.search(tail)
        or _PUBLISHER.search(text) or _PLACE_PUBLISHER.search(text) or _DESIGNATION.match(text)
    )


def _article_paragraph(text: str) -> bool:
    """A paragraph of the article's text: prose that does not read as a reference (a reference may read as prose:
    a ministry as author, its year, a title and a link, all in lower case after the first words)."""
    return _prose(text) and not looks_strongly_like_reference(text)


def _reads_as_reference(text: str) -> bool:
    """Whether an entry reads strongly as a reference and is no paragraph of prose."""
    return looks_strongly_like_reference(text) and not _prose(text)


def _trimmed(entries: list[list[int]], flags: list[bool]) -> tuple[list[list[int]], list[bool]]:
    """``entries`` and their ``flags`` past those at either end whose flag is false (one pass, not a copy a step)."""
    first = next((n for n, flag in enumerate(flags) if flag), len(flags))
    last = next((n for n in range(len(flags) - 1, -1, -1) if flags[n]), -1)
    return entries[first : last + 1], flags[first : last + 1]


def _mistyped_for(number: int, wanted: int) -> bool:
    """Whether ``number`` is ``wanted`` misread with a digit or two too many: one put in (``314`` or ``344``
    for 34) or one or two before it (``134`` for 34, ``104`` for 4)."""
    printed, meant = str(number), str(wanted)
    if wanted <= 0 or not 1 <= len(printed) - len(meant) <= 2:
        return False
    return printed.endswith(meant) or len(printed) == len(meant) + 1 and any(
        printed[:cut] + printed[cut + 1 :] == meant for cut in range(len(printed))
    )


def _year_number(number: int) -> bool:
    """Whether a printed number reads as a year (1600-2100) rather than a list's label."""
    return 1600 <= number <= 2100


def _in_sequence(numbers: list[int]) -> bool:
    """Whether printed numbers read as a numbering: next to each other, or most of them have a
    neighbour (within 3) somewhere in the list, so stray lines such as ``98. ???`` between
    entries 1, 2 and 3 do not hide the numbering. Linear (a set of the numbers). One number printed again and
    again is no numbering unless it is 1 (``1.`` before every item, as Markdown allows): entries that open with
    the same number-like name sorted together (``2020 Global Burden of Disease Collaborators``) are no run."""
    if any(0 < abs(b - a) <= 3 or a == b == 1 for a, b in zip(numbers, numbers[1:], strict=False)):
        return True
    present = Counter(numbers)
    near = sum(1 for n in numbers if any(present.get(n + d) for d in (-3, -2, -1, 1, 2, 3)))
    return near >= 2 and near * 2 >= len(numbers)


def _steps_by_one(numbers: list[int]) -> bool:
    """Whether at least half the steps between printed numbers are by one, up or down: a numbering, not names that
    open with digits (``23andMe Research Team``, ``3D Systems``, ``3M Company`` sorted together: 23, 3, 3)."""
    steps = [b - a for a, b in zip(numbers, numbers[1:], strict=False)]
    return 2 * sum(1 for step in steps if abs(step) == 1) >= len(steps)


def _authors_then_year(joined: str) -> bool:
    """Whether the entry so far is only authors and a year in brackets: ``Smith J, Doe A (2009)``."""
    tail = re.search(r"\(\s*" + YEAR + r"[a-z]?\s*\)[.:]?\s*$", joined)
    return bool(tail) and not re.search(r"\d|\b[a-z]{4,}\b", joined[: tail.start()])  # type: ignore[union-attr]


def _years_not_numbers(found: ReferenceList) -> bool:
    """A "list" with no heading whose every label is a year and whose labels are not in step (``1987.`` and
    ``1998.`` at line starts across an unnumbered list, ``(2008)``, ``(2010)``, ``(2007)``, ``(2001)`` wrapped
    to line starts under bulleted entries, or one ``(2010).`` opening the piece of an author-year entry carried
    over to a page's top): years wrapped to line starts, not a numbering. A numbering that has reached the years
    goes on one at a time in most of its steps, up or down."""
    numbers = [entry.number for entry in found.entries if entry.number is not None]
    if found.heading is not None:
        return False
    if len(numbers) == len(found.entries) == 1 and _year_number(numbers[0]):
        return bool(_AUTHOR_YEAR_MARK.match(found.entries[0].text))  # ("(2010). Title": one label is judged as such)
    if not len(numbers) == len(found.entries) >= 2 or not all(_year_number(n) for n in numbers):
        return False
    steps = [b - a for a, b in zip(numbers, numbers[1:], strict=False)]
    if len(steps) <= 2:
        return not any(0 < step <= 3 for step in steps)
    return 2 * sum(1 for step in steps if abs(step) == 1) < len(steps)


def _plausible_run(found: ReferenceList) -> bool:
    """A list without a heading counts if most entries look like references (read past a string's own
    number too: ``[54] 18. Preto A, ...``). A paragraph of prose is no reference whatever it cites: a numbered
    section's heading over its text (``1. Introduction`` / prose citing ``(Smith and Doe, 2012)``) is no entry."""
    hits = sum(
        1 for entry in found.entries
        if (looks_strongly_like_reference(entry.text) or looks_strongly_like_reference(entry.body)) and not _prose(entry.body)
    )
    return hits >= max(1, (len(found.entries) + 1) // 2) and (len(found.entries) >= 2 or hits == 1)


def page_furniture(text: str, page_lines: list[int]) -> frozenset[int]:
    """The lines (1-based) of a PDF's text that are page furniture, for readers of its running text
    (``page_lines``: the first line of each page, 1-based). Only the lines printed at a page's top or
    foot count: banners, page numbers and footers of the list finder's kinds, a page number with a
    short title beside a page number, and a line that opens or closes two or more pages alike."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    bounds = [first - 1 for first in page_lines] + [len(lines)]
    pages = [[i for i in range(max(0, start), min(end, len(lines))) if lines[i].strip()] for start, end in zip(bounds, bounds[1:], strict=False)]
    found: set[int] = set()
    heads: list[int] = []  # each page's first line once the known furniture is set aside
    feet: list[int] = []  # and its last
    for filled in pages:
        for edge in (filled[:3], filled[::-1][:3]):  # from the page's top down, and from its foot up
            outer = True  # every line between this one and the page's edge is furniture
            for index in edge:
                stripped = lines[index].strip()
                # A name pair (``Arden and Brask``) is a running head only at the page's edge: inside the text it
                # is the text's (``... helps patients with`` / ``VEXAS and MDS`` / ``[12].``, the sentence lost it)
                head = RUNNING_HEAD.match(stripped)
                if (FURNITURE.match(stripped) or head and (outer or not head.group("pair"))) and not is_stop(stripped) and not REF_HEADING.match(stripped):
                    found.add(index)
                else:
                    outer = False
        rest = [i for i in filled if i not in found]
        heads.extend(rest[:1])
        feet.extend(rest[-1:])
    found.update(i for i in paged_heads(lines, found) if any(i in filled[:3] + filled[-3:] for filled in pages))
    for edge in (heads, feet):
        # A running head or foot: the same words (numbers aside) at the same edge of two or more pages.
        shapes = Counter(mask_of(lines[i].strip()) for i in edge if i not in found)
        for index in edge:
            stripped = lines[index].strip()
            if (
                index not in found and shapes[mask_of(stripped)] >= 2 and len(stripped) <= 100 and not stripped[:1].islower()
                and re.search(r"[^\W\d_]{3,}", stripped) and not REF_HEADING.match(stripped)
            ):
                found.add(index)
    return frozenset(i + 1 for i in found)


def find_reference_lists(text: str) -> list[ReferenceList]:
    """Return the reference lists found in a document, in order, entries numbered as printed.

    Markdown footnotes that read as references (``[^3]: Author A, ... 2020.``) are a list of their own, labelled
    by their names; the rest of the document is read without them.
    Text printed as two columns side by side is read column by column (:mod:`.columns`);
    lines are the document's own either way."""
    text, margin = without_margin_numbers(text.replace("\r\n", "\n").replace("\r", "\n"))
    found = _lists_and_notes(text)
    if margin:
        numbered = set(margin)
        for ref_list in found:
            last = max((entry.last_line or entry.line for entry in ref_list.entries), default=ref_list.line)
            ref_list.margin = _line_runs([n for n in range(ref_list.heading_line or ref_list.line, last + 1) if n in numbered])
    return found


def _line_runs(numbers: list[int]) -> list[tuple[int, int]]:
    """Sorted line numbers as ranges of consecutive lines (1-based, inclusive)."""
    runs: list[tuple[int, int]] = []
    for number in numbers:
        if runs and number == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    return runs


def _lists_and_notes(text: str) -> list[ReferenceList]:
    notes = _footnote_lists(text) if "[^" in text else []
    if not notes:
        return _read_lists(text)
    lines = text.split("\n")
    for ref_list in notes:
        for entry in ref_list.entries:
            lines[entry.line - 1 : entry.last_line] = [""] * (entry.last_line - entry.line + 1)
    found = sorted(_read_lists("\n".join(lines)) + notes, key=lambda ref_list: ref_list.line)
    for number, ref_list in enumerate(found, start=1):
        ref_list.label = f"references-{number}"
    return found


#: A Markdown footnote's definition: ``[^3]:`` or ``[^note-3]:`` at a line's start.
_FOOTNOTE = re.compile(r"^ {0,3}\[\^(?P<name>[^\]\s^\[]{1,60})\]:[ \t]*")
#: A line of a footnote after a blank line: set in four spaces or a tab, as Markdown continues a footnote.
_FOOTNOTE_GOES_ON = re.compile(r"^(?: {4}|\t)\s*\S")


def _footnote_lists(text: str) -> list[ReferenceList]:
    """Runs of Markdown footnote definitions (blank lines between them only), each a list when its notes read as
    references: every note that does is an entry (its label read as the entry's number or name), the others are
    lines in no entry, said like any list's."""
    lines = text.split("\n")
    notes: list[tuple[int, int, str]] = []  # first and last line index and the name, in order
    position = 0
    while position < len(lines):
        match = _FOOTNOTE.match(lines[position])
        if not match:
            position += 1
            continue
        last = position
        probe = position + 1
        while probe < len(lines):
            line = lines[probe]
            if not line.strip():
                ahead = probe
                while ahead < len(lines) and not lines[ahead].strip():
                    ahead += 1
                if ahead < len(lines) and _FOOTNOTE_GOES_ON.match(lines[ahead]) and not _FOOTNOTE.match(lines[ahead]):
                    probe = ahead
                    continue
                break
            if _FOOTNOTE.match(line) or MD_HEADING.match(line):
                break
            last = probe  # a line right under a note goes on with it (Markdown's lazy continuation)
            probe += 1
        notes.append((position, last, match.group("name")))
        position = last + 1
    runs: list[list[tuple[int, int, str]]] = []
    for note in notes:
        if runs and all(not line.strip() for line in lines[runs[-1][-1][1] + 1 : note[0]]):
            runs[-1].append(note)
        else:
            runs.append([note])
    found: list[ReferenceList] = []
    for run in runs:
        entries: list[ListEntry] = []
        left_out: list[int] = []
        heading, heading_line = None, None
        above = run[0][0] - 1
        while above >= 0 and not lines[above].strip():
            above -= 1
        if above >= 0 and REF_HEADING.match(lines[above].strip()):
            heading, heading_line = lines[above].strip().strip("#*_: "), above + 1
        bodies = [join_lines([_FOOTNOTE.sub("", lines[first], count=1), *lines[first + 1 : last + 1]]) for first, last, _ in run]
        read = [looks_like_reference(body) for body in bodies]
        # Under a reference heading every note is an entry; elsewhere, where most read as references, a note with a
        # year that is not prose is one more (a string the shapes read less well).
        mostly = 2 * sum(read) >= len(read)
        for (first, last, name), body, reads in zip(run, bodies, read, strict=True):
            printed = lines[first : last + 1]
            if not (reads or heading is not None or mostly and YEAR_TOKEN.search(body) and not _prose(body)):
                left_out.extend(index + 1 for index in range(first, last + 1) if lines[index].strip())
                continue
            entries.append(ListEntry(
                text=join_lines(printed), line=first + 1, number=int(name) if name.isdigit() and len(name) <= 6 else None,
                raw="\n".join(printed), last_line=last + 1, body=body, label=name,
            ))
        if not entries:
            continue
        found.append(ReferenceList(
            label="", heading=heading, line=entries[0].line, entries=entries, style="[^1]", left_out=left_out,
            heading_line=heading_line,
        ))
    return found


def _read_lists(text: str) -> list[ReferenceList]:
    reading = read_columns(text)
    if not reading.blocks:
        return _Finder(text).run()
    found = _Finder(reading.text).run()
    at = reading.document_line
    for ref_list in found:
        ref_list.line = at(ref_list.line)
        ref_list.heading_line = at(ref_list.heading_line) if ref_list.heading_line is not None else None
        ref_list.left_out = sorted({at(line) for line in ref_list.left_out})
        rows: set[int] = set()
        for entry in ref_list.entries:
            rows.update(reading.origin[entry.line - 1 : max(entry.line, entry.last_line)])
            entry.line, entry.last_line = at(entry.line), at(entry.last_line)
        ref_list.columns = [block for block in reading.blocks if any(block.first <= row <= block.last for row in rows)]
    return found


# -- what was found, in words -------------------------------------------------------------

_SOURCE_BLOCK = re.compile(r"(?<!\d)" + YEAR + r"[a-z]?\s*[;:]\s*\d+(?:\s*\(\s*[\w-]+\s*\))?\s*[:,]?\s*[A-Za-z]?\d*")


@dataclass(slots=True)
class ListSummary:
    """What a reader wants said about a list: where, how numbered, what looks wrong."""

    label: str
    heading: str | None
    line: int
    style: str
    entries: int
    first: int | None
    last: int | None
    gaps: list[int]
    repeated: list[int]
    #: Lines of entries that look like two references glued together.
    glued: list[int]
    #: Lines of the list's region in no entry (and not page furniture).
    left_out: list[int] = field(default_factory=list)
    #: Line ranges (1-based, inclusive) printed as two columns side by side and read column by column.
    columns: list[tuple[int, int]] = field(default_factory=list)
    #: The heading's line; ``line`` is the first entry's.
    heading_line: int | None = None
    #: Line ranges (1-based, inclusive) whose numbers in the margin were set aside.
    margin: list[tuple[int, int]] = field(default_factory=list)


def glued_reason(text: str) -> str | None:
    """Why an entry looks like two references glued together, or None."""
    text = re.sub(r"\[[^\]]{0,400}\]", " ", text)  # "[published correction appears in ...]" is one reference's note
    blocks = _SOURCE_BLOCK.findall(text)
    if len(blocks) >= 2:
        return "two journal blocks"
    body = strip_label(text)
    years = {m.group(0) for m in YEAR_TOKEN.finditer(body)}
    authors_twice = re.search(r"[.)]\s+[A-Z][a-z'’\-]+,?\s+[A-Z]{1,3}[,.]?\s+[A-Z][a-z'’\-]+,?\s+[A-Z]{1,3}[,.]", body[40:])
    if len(years) >= 2 and authors_twice and len(body) > 200:
        return "two years and a second author list"
    return None


def summarize(found: ReferenceList) -> ListSummary:
    numbers = [entry.number for entry in found.entries if entry.number is not None]
    gaps: list[int] = []
    repeated = sorted(number for number, count in Counter(numbers).items() if count > 1)
    if numbers:
        low, high = min(numbers), max(numbers)
        if high - low < 100_000:
            present = set(numbers)
            gaps = [n for n in range(low, high + 1) if n not in present]
    glued = [entry.line for entry in found.entries if glued_reason(entry.text)]
    return ListSummary(
        found.label, found.heading, found.line, found.style, len(found.entries),
        numbers[0] if numbers else None, numbers[-1] if numbers else None, gaps, repeated, glued, list(found.left_out),
        [(block.first, block.last) for block in found.columns], found.heading_line, list(found.margin),
    )


def describe(summary: ListSummary) -> str:
    """One line for a person: ``references-1 ("References", line 38, first entry line 40): 25 entries
    numbered 1-25`` (the heading's line, where a person looks for the list, and its first entry's)."""
    if not summary.heading:
        where = f"no heading, line {summary.line}"
    elif summary.heading_line is None or summary.heading_line == summary.line:
        where = f'"{summary.heading}", line {summary.line}'
    else:
        where = f'"{summary.heading}", line {summary.heading_line}, first entry line {summary.line}'
    text = f"{summary.label} ({where}): {quantity(summary.entries, 'entry')}"
    if summary.first is not None:
        text += f" numbered {summary.first}" + (f"-{summary.last}" if summary.last != summary.first else "")
    else:
        text += " (unnumbered)"
    if summary.gaps:
        shown = ", ".join(str(n) for n in summary.gaps[:10]) + (" ..." if len(summary.gaps) > 10 else "")
        text += f"; numbers missing: {shown}"
    if summary.repeated:
        text += "; numbers repeated: " + ", ".join(str(n) for n in summary.repeated[:10])
    if summary.glued:
        text += "; entries that look like two references glued together at lines " + ", ".join(str(n) for n in summary.glued[:10])
    if summary.columns:
        text += "; read as two columns side by side (left, then right) at lines " + ", ".join(f"{a}-{b}" for a, b in summary.columns)
    if summary.margin:
        text += "; line numbers in the margin set aside at lines " + ", ".join(f"{a}-{b}" for a, b in summary.margin)
    if summary.left_out:
        shown = ", ".join(str(n) for n in summary.left_out[:20]) + (f" ... ({len(summary.left_out)} in all)" if len(summary.left_out) > 20 else "")
        text += f"; lines in no entry (not page furniture): {shown}"
    return text
