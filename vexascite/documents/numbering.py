"""Word automatic numbering: the number Word shows before a paragraph, computed from the
document's numbering definitions (``word/numbering.xml``).

A paragraph is numbered by ``w:numPr`` (``w:numId`` and ``w:ilvl``), given directly or by
its style. ``w:num`` points to an ``w:abstractNum`` whose ``w:lvl`` elements give each
level's ``w:start``, ``w:numFmt``, ``w:lvlText`` (``"%1."``, ``"[%1]"``, ``"%1.%2"``) and
``w:lvlRestart``; ``w:lvlOverride``/``w:startOverride`` in the ``w:num`` restart a list.
Lists whose ``w:num`` elements share an abstract definition and override nothing
continue one count, as Word does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _val(element: Any, tag: str) -> str | None:
    child = element.find(_q(tag)) if element is not None else None
    return child.get(_q("val")) if child is not None else None


@dataclass(slots=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # restart after this (1-based) level; None: after any higher level


@dataclass(slots=True)
class _Num:
    abstract: str
    overrides: dict[int, int] = field(default_factory=dict)  # level -> start override
    levels: dict[int, Level] = field(default_factory=dict)  # levels redefined in the num


def _level(element: Any) -> Level:
    level = Level()
    start = _val(element, "start")
    if start is not None and start.lstrip("-").isdigit():
        level.start = int(start)
    level.fmt = _val(element, "numFmt") or "decimal"
    text = _val(element, "lvlText")
    if text is not None:
        level.text = text
    restart = _val(element, "lvlRestart")
    if restart is not None and restart.isdigit():
        level.restart = int(restart)
    return level


def _roman(number: int) -> str:
    out = []
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _letters(number: int) -> str:
    """Word's letter numbering: a..z, then aa..zz, aaa..."""
    if number <= 0:
        return str(number)
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def format_number(number: int, fmt: str) -> str:
    """One level's number in its ``w:numFmt`` (decimal, letters, roman, ...)."""
    if fmt == "lowerLetter":
        return _letters(number)
    if fmt == "upperLetter":
        return _letters(number).upper()
    if fmt == "lowerRoman":
        return _roman(number) if number > 0 else str(number)
    if fmt == "upperRoman":
        return _roman(number).upper() if number > 0 else str(number)
    if fmt == "decimalZero":
        return f"{number:02d}"
    return str(number)


_PLACEHOLDER = re.compile(r"%([1-9])")


class Numbering:
    """Counts list paragraphs in document order and gives each its shown number."""

    def __init__(self, numbering_xml: Any | None, style_nums: dict[str, str] | None = None) -> None:
        """``style_nums``: numbering style id -> the ``w:numId`` its ``w:numPr`` names (a
        list defined through a list style points there with ``w:numStyleLink``)."""
        self._abstract: dict[str, dict[int, Level]] = {}
        self._nums: dict[str, _Num] = {}
        self._counters: dict[str, dict[int, int]] = {}
        if numbering_xml is None:
            return
        links: dict[str, str] = {}  # abstract id -> the list style it takes its levels from
        for abstract in numbering_xml.iter(_q("abstractNum")):
            link = _val(abstract, "numStyleLink")
            if link:
                links[abstract.get(_q("abstractNumId")) or ""] = link
            levels = {}
            for lvl in abstract.findall(_q("lvl")):
                ilvl = lvl.get(_q("ilvl"))
                if ilvl is not None and ilvl.isdigit():
                    levels[int(ilvl)] = _level(lvl)
            self._abstract[abstract.get(_q("abstractNumId")) or ""] = levels
        for num in numbering_xml.iter(_q("num")):
            entry = _Num(_val(num, "abstractNumId") or "")
            for override in num.findall(_q("lvlOverride")):
                ilvl = override.get(_q("ilvl"))
                if ilvl is None or not ilvl.isdigit():
                    continue
                start = _val(override, "startOverride")
                if start is not None and start.lstrip("-").isdigit():
                    entry.overrides[int(ilvl)] = int(start)
                lvl = override.find(_q("lvl"))
                if lvl is not None:
                    entry.levels[int(ilvl)] = _level(lvl)
            self._nums[num.get(_q("numId")) or ""] = entry
        # A list that uses a list style has no levels of its own: it is the style's list
        # (same levels, one count), as Word shows it.
        for abstract_id, style in links.items():
            target = self._nums.get((style_nums or {}).get(style, ""))
            if target is None or target.abstract == abstract_id:
                continue
            for num in self._nums.values():
                if num.abstract == abstract_id:
                    num.abstract = target.abstract

    def _levels(self, num: _Num) -> dict[int, Level]:
        levels = dict(self._abstract.get(num.abstract, {}))
        levels.update(num.levels)
        for ilvl, start in num.overrides.items():
            base = levels.get(ilvl, Level())
            levels[ilvl] = Level(start, base.fmt, base.text, base.restart)
        return levels

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Advance the list's count and return the label Word shows (``"3."``), or None
        for a paragraph that shows no number (bullets, ``numId`` 0, unknown lists)."""
        num = self._nums.get(num_id)
        if num is None or num_id == "0":
            return None
        levels = self._levels(num)
        level = levels.get(ilvl)
        if level is None:
            return None
        # a num that restarts any level counts on its own; others share their abstract's count
        counter_key = ("num:" + num_id) if (num.overrides or num.levels) else ("abstract:" + num.abstract)
        counts = self._counters.setdefault(counter_key, {})
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else level.start
        for deeper in [k for k in counts if k > ilvl]:
            restart = levels.get(deeper, Level()).restart
            # by default a deeper level restarts after any higher one; lvlRestart N (1-based)
            # only after levels up to N; lvlRestart 0 never
            if restart is None or (restart != 0 and ilvl <= restart - 1):
                del counts[deeper]
        if level.fmt in ("bullet", "none"):
            return None

        def shown(match: re.Match[str]) -> str:
            other = int(match.group(1)) - 1
            other_level = levels.get(other, Level())
            value = counts.get(other, other_level.start)
            return format_number(value, "decimal" if other_level.fmt == "bullet" else other_level.fmt)

        text = _PLACEHOLDER.sub(shown, level.text)
        return text.strip() or None
