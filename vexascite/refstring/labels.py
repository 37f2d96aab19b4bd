"""How a reference list's entries are labelled (pure): ``1.``, ``1)``, ``[1]``, ``(1)``, bare ``1``,
superscript ``¹``, ``1`` glued to the author, and bullets, read off the start of a line."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..csl import YEAR

# -- line patterns -------------------------------------------------------------------

_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TABLE = str.maketrans(_SUPERSCRIPT_DIGITS, "0123456789")
#: A numbered entry's label: ``12.``, ``12)``, ``[12]``, ``(12)``, ``12`` + space, ``¹²``, ``12Smith``; a supplement's
#: ``S12.``, ``S12)``, ``[S12]``, ``(S12)`` and ``S12`` + space are ``12.``, ``12)``, ``[12]``, ``(12)`` and ``12`` + space
#: (its own list, numbered from 1; ``S`` in capitals only).
#: Markdown escapes count as the label they escape (pandoc writes ``12\.`` and ``\[12\]`` for text that is not a list).
LABEL = re.compile(
    r"^(?P<indent>\s{0,12})(?:[-*+•]\s+)?(?:"
    r"\\?\[S?(?P<bracket>\d{1,6})\\?\]|\\?\(S?(?P<round>\d{1,6})\\?\)|S?(?P<dot>\d{1,6})\\?\.(?!\d)|S?(?P<paren>\d{1,6})\\?\)"
    r"|(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,6})|S?(?P<bare>\d{1,6})(?=\s+(?:[^\s\d,;:.)\]]|\d{1,6}[.)](?:\s|[^\W\d_]{2})|\d{1,6}\s+[^\W\d_]{2}))|(?P<glued>\d{1,6})(?!(?:st|nd|rd|th|[a-z])\b)(?=[^\W\d_]|[-–—]{2}|[«“\"]|\[\d{1,4}\]\s*[^\W\d_])"
    r")\s*(?=\S)"
)
#: A label alone on its line (PDF extraction often puts it there), a supplement's too (``S12.``, ``[S12]``).
LABEL_ONLY = re.compile(r"^\s{0,12}(?:\\?\[S?(\d{1,6})\\?\]|\\?\(S?(\d{1,6})\\?\)|S?(\d{1,6})\\?[.)]|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,6}))\s*$")
_LABEL_STYLE_OF_ONLY = ("bracket", "round", "dot", "sup")
#: A bullet opening a line: ``- ``, ``* ``, ``+ ``, ``• ``, ``● ``, ``■ ``, ``► ``, ``– `` (not the dash that stands
#: for an author, ``– (1988)``); word processors and PDF fonts set bullets in any of these glyphs.
BULLET = re.compile(r"^\s{0,8}(?:[-*+•▪◦·●○■□►‣⁃]|–(?=\s+[^\W\d_]))\s+")
#: An en dash before a digit or another dash at a line's start: a bullet in a list whose bullets are en dashes
#: (``– 2007: Title``, ``– –––––. Title``), elsewhere perhaps the dash that stands for an author.
DASH_OPENING = re.compile(r"^\s{0,8}–\s+(?=[\d–—-]|[^\w\s])")


# -- line reading ------------------------------------------------------------------------


@dataclass(slots=True)
class Label:
    """A list label read at a line's start: its number, its form (``dot``, ``bracket``, ``bare``, ...) and the text after it."""

    number: int
    style: str
    rest: str


def label_of(line: str) -> Label | None:
    """The label opening a line, or None: no label there, or digits that read better as wrapped text (a volume, an issue)."""
    match = LABEL.match(line)
    if not match:
        return None
    for style in ("bracket", "round", "dot", "paren", "sup", "bare", "glued"):
        value = match.group(style)
        if value is not None:
            number = int(value.translate(_SUP_TABLE))
            rest = line[match.end() :]
            if style in ("bare", "glued") and BULLET.match(line):
                return None  # "- 3GPP TS 99.123": a bulleted string that opens with digits, not label 3
            if style in ("round", "glued", "paren") and re.match(r"[:;,]\s*\d", rest) and not match.group(0)[-1:].isspace():
                # "(5):1497-1502" or "6):1563-1576" wrapped from the line above: an issue, not a label ("11) , 2002. First
                # published ...", set apart by a space, labels a string that lost its opening words)
                return None
            if re.match(r"[”’]", rest):
                return None  # "... Northern Ports, Part" / "1.” Journal of ...": the end of a quoted title, no label
            if style == "glued" and re.match(r"[A-Za-z]\s*[:;,]\s*\d", rest):
                return None  # "118A:1-7" wrapped from the line above: a volume with its letter, not label 118
            if style == "bare" and re.match(r"\(\s*[\w-]{1,6}\s*\)\s*[:,]\s*[A-Za-z]?\d", rest):
                return None  # "137 (26): 3682–84." wrapped from the line above: a volume and issue, not a label
            if style == "bare" and re.match(r"\(" + YEAR + r"[a-z]?\)\s*(?:[.,;]|$)", rest):
                return None  # "318207 (2011)." wrapped from the line above: an article number and its year
            return Label(number, style, rest)
    return None  # pragma: no cover - one group always matches


def label_only(line: str) -> Label | None:
    """A label standing alone on its line (the entry's text on the lines after it), or None."""
    match = LABEL_ONLY.match(line)
    if not match:
        return None
    for style, value in zip(_LABEL_STYLE_OF_ONLY, match.groups(), strict=True):
        if value is not None:
            return Label(int(value.translate(_SUP_TABLE)), style, "")
    return None  # pragma: no cover


def strip_label(text: str) -> str:
    """The text after a line's label, so an entry is judged by its words (the whole text when no label opens it)."""
    match = LABEL.match(text)
    return text[match.end() :] if match else text


#: Label forms no wrapped line takes by chance (a bare or glued number may be a page, volume or year).
EXPLICIT_STYLES = ("dot", "bracket", "round", "paren", "sup")
#: A line's start in each label form, read leniently (what follows may be anything).
_LENIENT = {
    "dot": re.compile(r"S?(\d{1,6})\\?\.(?!\d)\s*"), "paren": re.compile(r"S?(\d{1,6})\\?\)\s*"), "bracket": re.compile(r"\\?\[S?(\d{1,6})\\?\]\s*"),
    "round": re.compile(r"\\?\(S?(\d{1,6})\\?\)\s*"), "bare": re.compile(r"S?(\d{1,6})\s+"), "sup": re.compile(r"([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,6})\s*"),
}


def lenient_labels(line: str, style: str) -> list[tuple[int, str]]:
    """Every way a line's start reads as a label of ``style`` and the text after it (a glued number may be cut anywhere)."""
    if style == "glued":
        run = re.match(r"\d{1,7}", line)
        return [(int(run.group(0)[:cut]), line[cut:]) for cut in range(1, len(run.group(0)) + 1)] if run else []
    pattern = _LENIENT.get(style)
    match = pattern.match(line) if pattern else None
    return [(int(match.group(1).translate(_SUP_TABLE)), line[match.end() :])] if match else []
