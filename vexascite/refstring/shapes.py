"""What a line of a reference list looks like (pure): reference headings, the hints a
reference carries (years, DOIs, sources, authors), where one opens and where it ends."""

from __future__ import annotations

import re

from ..csl import PARTICLE_WORDS, YEAR
from .labels import strip_label

_HEADING_WORDS = (
    r"references?(?:\s+(?:and\s+notes|cited|list))?|reference\s+list|"
    # A supplement's own list: "Supplementary References", "References cited in the supplement".
    r"supplementa(?:ry|l)\s+references?|references?\s+(?:cited\s+)?(?:in|for)\s+the\s+supplement(?:ary\s+(?:appendix|material|information))?|bibliography|literature(?:\s+cited)?|works\s+cited|"
    r"cited\s+literature|sources|citations|notes\s+and\s+references|further\s+reading|endnotes|"
    r"literatur(?:verzeichnis|angaben)?|quellen(?:verzeichnis)?|r[ée]f[ée]rences(?:\s+bibliographiques)?|bibliographie|"
    r"referencias(?:\s+bibliogr[áa]ficas)?|bibliograf[íi]a|refer[êe]ncias(?:\s+bibliogr[áa]ficas)?|"
    r"riferimenti(?:\s+bibliografici)?|literatuur(?:lijst)?|referenser|litteratur(?:liste)?|kirjallisuus|l[äa]hteet|"
    r"pi[śs]miennictwo|literatura|kaynaklar|kaynak[çc]a|список\s+литературы|литература|"
    r"irodalom(?:jegyz[ée]k)?|felhaszn[áa]lt\s+irodalom|hivatkoz[áa]sok|referanser|kilder|referenties|bibliografie|seznam\s+literatury|daftar\s+pustaka|viitteet|"
    r"r\s?eferences|b\s?ibliography|"  # (small capitals as PDF text leaves them: "R EFERENCES")
    r"referin[țţt]e(?:\s+bibliografice)?|bibliograafia|kirjandus|heimildir|rujukan|literat[ūu]ra|literaturhinweise|"
    r"fonti(?:\s+bibliografiche)?|t[àa]i\s+li[ệe]u\s+tham\s+kh[ảa]o|список\s+використаних\s+джерел|використані\s+джерела|"
    r"література|библиография|参考文献|參考文獻|引用文献|文献|참고\s*문헌|βιβλιογραφία|المراجع|منابع|מקורות|เอกสารอ้างอิง"
)
REF_HEADING = re.compile(
    rf"^\s{{0,3}}(?:#{{1,6}}\s*)?(?:[*_]{{1,2}})?(?:(?:\d+|[IVXL]+)\.?\s+)?({_HEADING_WORDS})\s*:?(?:[*_]{{1,2}})?\s*:?\s*$",
    re.IGNORECASE,
)
MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+\S")
#: What ends a list: legends, tables, back matter and the like.
_END_MARKER = re.compile(
    r"^\s{0,3}(?:#{1,6}\s*)?(?:[*_]{1,2})?(?:"
    r"(?:fig(?:ure)?|table|tab|supplementa(?:l|ry)\s+(?:fig(?:ure)?|table)|box|scheme|chart|appendix)\.?\s*[A-Z]?\d+[A-Za-z]?\b"
    r"|s\d{1,2}\s+(?:table|fig(?:ure)?|file|appendix|text|dataset|data|video)\b|supporting\s+information\b"
    r"|acknowledge?ments?\b|funding\b|conflicts?\s+of\s+interest\b|competing\s+interests?\b|disclosures?\b|"
    r"author(?:s'|s)?\s+contributions?\b|abbreviations\b|appendix\b|supplementary\s+(?:material|data|information)\b|"
    r"footnotes\b|data\s+availability\b|ethics\b|figure\s+legends?\b|tables?\b\s*$|danksagung\b|remerciements\b|agradecimientos\b"
    # "Legends" alone, "Legends to figures": a manuscript's legends after its list (never an entry's words, a whole line)
    r"|legends(?:\s+(?:to|for|of)\s+(?:the\s+)?(?:figures?|tables?))?[*_]{0,2}:?\s*$"
    r")",
    re.IGNORECASE,
)
BOUNDARY = re.compile(
    r"^\s*(?:©|\(c\)\s*\d{4}|copyright\b|(?:-{3,}|\*{3,}|_{3,})\s*$)",
    re.IGNORECASE,
)
YEAR_TOKEN = re.compile(r"(?<!\d)" + YEAR + r"(?!\d)")
_REFERENCE_HINT = re.compile(r"(?<!\d)" + YEAR + r"[a-z]?(?!\d)|\b10\.\d{4,9}/|https?://|\bdoi\b|\bet al\b", re.IGNORECASE)
STRONG_HINT = re.compile(
    r"\bet al\b|\b10\.\d{4,9}/|\bdoi\b|https?://|" + YEAR + r"[a-z]?\s*[;:]\s*\d|\(" + YEAR + r"[a-z]?\)"
    r"|\b\d+\s*\(\d+\)\s*:\s*\d|\bpp?\.\s*\d|\bvol\.\s*\d",
    re.IGNORECASE,
)
#: What a reference's source part looks like: ``2020;12:``, ``12(3):45``, a DOI.
SOURCE_HINT = re.compile(YEAR + r"[a-z]?\s*[;:]\s*\d|\b\d+\s*\(\d+\)\s*:\s*\d|\b10\.\d{4,9}/|\bpp?\.\s*\d", re.IGNORECASE)
UPPER_CHARS = "A-Z\u00c0-\u00de\u0391-\u03a9\u0410-\u042f"
LOWER_CHARS = "a-z\u00df-\u024f\u03b1-\u03c9\u0430-\u044f"
#: How a reference usually starts: a family name and initials, or a name and a comma.
FAMILY = rf"[{UPPER_CHARS}](?:[{LOWER_CHARS}'’`]|-(?=[{UPPER_CHARS}{LOWER_CHARS}])|[{UPPER_CHARS}](?=[{LOWER_CHARS}]{{2}}))*"
#: Name particles before a family name (``van der Berg``): ``csl.PARTICLE_WORDS``.
_PARTICLES = r"(?:(?:" + "|".join(PARTICLE_WORDS) + r")\s+){1,3}"
AUTHOR_START = re.compile(
    rf"^(?:{FAMILY}(?:[\s-]{FAMILY})?(?:\s+[{UPPER_CHARS}]{{1,4}}(?=[,.;:]|\s+[{UPPER_CHARS}(]|\s*$|\s+(?:et|and)\b)|\s?,\s*[{UPPER_CHARS}]|\s+[{UPPER_CHARS}]\.|\s+et\s+al\b)"
    rf"|{_PARTICLES}[{UPPER_CHARS}]|[{UPPER_CHARS}]{{2,}}(?:,|\s+[{UPPER_CHARS}]\.)|[{UPPER_CHARS}]\.\s*(?:[{UPPER_CHARS}]\.\s*)?(?:{_PARTICLES})?[{UPPER_CHARS}][{LOWER_CHARS}{UPPER_CHARS}]"
    rf"|[{UPPER_CHARS}]{{1,3}}\s+{FAMILY},|[{UPPER_CHARS}][{LOWER_CHARS}]+\s+{FAMILY}(?:-{FAMILY})?[.,]\s|_{{3,}}|[-–—]{{2,}})"
)
#: Two or more authors in a row: ``Smith J, Doe A,``.
AUTHOR_LIST = re.compile(rf"^(?:{FAMILY}(?:[\s-]{FAMILY})?\s+(?:[{UPPER_CHARS}]{{1,3}}|(?:[{UPPER_CHARS}]\.-?){{1,3}})\s*,\s*){{2,}}")
#: How a line that ends an entry ends.
_ENTRY_END = re.compile(r"(?:[.)\]>]|\d|\d[a-z]|[.]\"|\.”|\.')$")
LINK_TOKEN = re.compile(r"(?:doi:|https?://\S*)?10\.\d{4,9}/\S+|https?://\S+", re.IGNORECASE)
#: A line's end that asks for a link after it: ``Retrieved from``, ``Available at:``, ``URL:``, ``Online:``.
ASKS_FOR_LINK = re.compile(r"(?:\b(?:retrieved|available|accessible|downloaded)(?:\s+online)?\s+(?:from|at)|\burl|\bonline)\s*:?\s*$", re.IGNORECASE)
#: A line left open: on a comma, a dash, ``and``, ``of``, ``eds.`` (not an edition after its ordinal, ``4th ed.``).
OPEN_END = re.compile(r"(?:[-–/_,;:&(\u00ad\u2010]|\band|\bin|\bet|\bof|\bthe|\bfor|\bIn:|(?<!(?:st|nd|rd|th)\s)\beds?\.|\bthe)\s*$", re.IGNORECASE)


def looks_like_reference(text: str) -> bool:
    """A year, DOI, link or ``et al`` in a text long enough to be a reference, and no prose citing others."""
    return bool(_REFERENCE_HINT.search(text)) and len(text) >= 20 and not cites_others(text)


#: An author-year citation in brackets, as prose makes it: ``(Beck et al. 2020)``, ``(Scott, Hider, and Scott 2018; Yates 2021)``.
_PROSE_CITATION = re.compile(
    r"\((?:[^()]{0,160}?;\s*)?(?:e\.g\.,?\s+|see\s+|cf\.\s+)?(?:[A-Z][^\W\d_]+|“[^”]{2,120}”)(?:,?\s+(?:[A-Z][^\W\d_]+|and|&|et\s+al\.?)){0,6},?\s+"
    r"(?:19|20)\d{2}[a-z]?(?:,\s*(?:p|pp)\.\s*\d+)?\s*[;)]"
)
_MONTH_WORD = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d{2}", re.IGNORECASE)


def cites_others(text: str) -> bool:
    """Prose, not a reference: it cites works by author and year in brackets, with ``et al``
    or more than once (a reference's title seldom does; ``(Kyoto, June 2019)`` is a date)."""
    if "(" not in text:
        return False
    found = [m.group(0) for m in _PROSE_CITATION.finditer(text) if not _MONTH_WORD.search(m.group(0))]
    return len(found) >= 2 or any(re.search(r"\bet\s+al\b", m) for m in found)


def looks_strongly_like_reference(text: str) -> bool:
    """A year plus something only references have: authors first, et al, a source, a link."""
    body = strip_label(text)
    return looks_like_reference(body) and (bool(AUTHOR_START.match(body)) or bool(STRONG_HINT.search(body)))


def starts_like_reference(text: str) -> bool:
    """Whether text can open a reference: not a lower-case word (but ``van der Berg``), not punctuation."""
    text = text.lstrip()
    first = text[:1]
    if text.startswith(("--", "——", "––", "___")):
        return True  # the dash that stands for the authors of the entry above
    if not first or first in ",;:.)]}-–":
        return False
    if first.islower():
        return bool(AUTHOR_START.match(text)) or text.startswith(("http", "www."))
    return True


def ends_like_reference(text: str) -> bool:
    """Whether a line ends as a reference ends: a full stop, a number, a bracket, a DOI or a link."""
    text = text.rstrip()
    if not text:
        return False
    if LINK_TOKEN.match(text.rsplit(None, 1)[-1]) or text[-4:].lower() == "doi:":
        return True  # a DOI or link, or the "doi:" a PDF extraction left dangling
    tail = text[-12:]
    return bool(_ENTRY_END.search(tail)) and not OPEN_END.search(tail)


#: A volume (and issue) then its pages after a comma: ``99(1), 37–49``.
_VOLUME_COMMA = re.compile(r"\b\d+\s*(?:\([\w-]+\))?\s*,\s*(?:pp?\.\s*)?[A-Za-z]?\d+\s*[-–]\s*[A-Za-z]?\d+\.?\s*$")
#: A volume with its pages or a year with its volume: ``14: 229-241``, ``2003;88:358``.
VOLUME_SOURCE = re.compile(r"\b\d+\s*(?:\([\w-]+\))?\s*:\s*\d+\s*[-–]\s*\d|" + YEAR + r"\s*;\s*\d+\s*[:(]")


def is_stop(stripped: str) -> bool:
    """A line that cannot belong to a reference list: another heading, a legend, back matter."""
    # "ethics. Biol Philos 17:112-127" wrapped in lower case goes on with an entry; "Ethics" is a heading.
    # "Ethics 15: 301-312." wrapped from "Nurs" states a volume and pages: a source, not back matter.
    # "Studies, 98(1), 37–49." wrapped from "Journal of Business" states a volume, issue and pages: a source too.
    legend = (
        bool(_END_MARKER.match(stripped)) and not stripped.lstrip("#*_ ")[:1].islower() and not VOLUME_SOURCE.search(stripped)
        and not (_VOLUME_COMMA.search(stripped) and PAGES_END.search(stripped))
    )
    return legend or bool(MD_HEADING.match(stripped) or BOUNDARY.match(stripped))


def indent_of(line: str) -> int:
    """How far a line is indented, a tab counting as four spaces (a hanging indent set with a tab). A form feed (a
    page break as PDF text marks it, at a page's first line) is no indent: a bullet after it is at the list's indent."""
    head = line[: len(line) - len(line.lstrip())].replace("\f", "")
    return len(head.expandtabs(4))
SOURCE_END = re.compile(
    r"(?:\d+\s*[-–‐—]\s*[A-Za-z]?\d+|\b\d+\s*(?:\([\w-]+\))?\s*:\s*[A-Za-z]?\d+|" + YEAR + r"\s*;\s*\d+\S*|\d\s*,\s*" + YEAR + r"[a-z]?|\b\d+\s*,\s*[A-Za-z]?\d+[a-z]?"
    r"|\(\s*" + YEAR + r"\s*\)(?:\s*[A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?)?|\b[aA]r[xX]iv:\s*\S+|\b10\.\d{4,9}/\S+|https?://\S+)[.;]?\s*$"
)
#: (An em dash too: some journals set page ranges with it, ``61: 205—218.``.)
PAGES_END = re.compile(r"\d+\s*[-–‐—]\s*[A-Za-z]?\d+\.?\s*$")
