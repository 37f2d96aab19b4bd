"""Citation markers in running text (pure).

One pass of regular expressions finds every style a biomedical manuscript uses:

- numeric: ``[1]``, ``[1,2]``, ``[1-3]``, ``(1)``, ``^{1,2}``, ``^1``, ``^1,2^``,
  ``<sup>3</sup>``, ``\\textsuperscript{4}``, Markdown footnotes ``[^3]`` and Unicode superscripts (``⁶``, ``¹¹``, ``¹⁻³``);
  a reference named in words, ``(ref. 4)``, ``(refs. 4, 5)``, ``[reference 4]``, ``see
  references 4 and 5``; a part of one, ``[4a]`` (reference 4); a range written high to
  low, ``[2–1]`` or ``(12–9)``, as the range it names, flagged ``backward`` (a slip; a
  score such as ``(5–1)`` is dropped with every number in parentheses of a document
  that does not cite that way);
- pandoc: ``[@key; @key2, p. 4]``, ``[-@key]`` and in-text ``@key``;
- LaTeX: ``\\cite{a,b}``, ``\\citep[p.~4]{a}``, ``\\citet``, ``\\parencite``, ``\\autocite``, ...;
- author-year: ``(Beck et al., 2020)``, ``(Beck 2020; Heiblig 2022a)``, ``Beck et al. (2020)``, three named
  authors ``(Scott, Hider, and Scott 2018)`` and a work without authors by its title ``(“Study Finds …” 2023)``,
  as citation processors print them.

Each :class:`Marker` keeps its exact span so a claim can be shown with it. Superscripts
that carry ``*``/``†`` or letters are affiliation marks, not citations: they are returned
with ``affiliation=True`` so callers can drop them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..csl import PARTICLE_WORDS, YEAR

__all__ = [
    "Marker",
    "Target",
    "expand_numbers",
    "find_markers",
]

_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_TO_DIGIT = {ord(ch): str(i) for i, ch in enumerate(_SUPERSCRIPT_DIGITS)}
_SUPERSCRIPT_TO_DIGIT.update({ord("⁻"): "-", ord("˒"): ",", ord("⁽"): "", ord("⁾"): ""})

#: Ranges longer than this are not citations ("[1-2000]" is something else).
MAX_RANGE = 200
#: Numbers above this are not reference numbers (years, sample sizes).
MAX_NUMBER = 999


@dataclass(frozen=True, slots=True)
class Target:
    """What one marker points at: a list number, a citation key or an author and year."""

    kind: str  # "number" | "key" | "author-year"
    number: int | None = None
    key: str | None = None
    author: str | None = None
    year: str | None = None  # "2020" or "2022a"
    et_al: bool = False
    second_author: str | None = None
    locator: str | None = None
    #: A work without authors is cited by its title: ``(“Study Finds …” 2023)``.
    title: str | None = None

    @property
    def label(self) -> str:
        """The target as a person would write it."""
        if self.kind == "number":
            return str(self.number)
        if self.kind == "key":
            return "@" + str(self.key)
        if self.title is not None:
            return f"“{self.title}” {self.year}"
        names = str(self.author)
        if self.et_al:
            names += " et al."
        elif self.second_author:
            names += f" and {self.second_author}"
        return f"{names} {self.year}"


@dataclass(slots=True)
class Marker:
    """A citation marker: its span in the text, its style and what it points at."""

    start: int
    end: int
    text: str
    style: str  # numeric | superscript | pandoc | latex | author-year
    targets: list[Target] = field(default_factory=list)
    affiliation: bool = False
    #: a range written high to low (``[2–1]``), read as the range it names: said to the user
    backward: bool = False

    @property
    def superscript(self) -> bool:
        return self.style == "superscript"

    @property
    def bare_parenthesis(self) -> bool:
        """``(4–6)``: numbers alone in parentheses, a citation only in a document whose
        citations are numbers (elsewhere a count, a range, a list's item)."""
        return self.style == "numeric" and self.text[:1] == "(" and self.text[1:2].isdigit()


# -- numbers ---------------------------------------------------------------------------
_LIST_SEPARATOR = re.compile(r"\s*[,;]\s*")
_RANGE_SEPARATOR = re.compile(r"\s*[–—‐-]\s*")
_NUMBER_LIST = re.compile(r"^\s*\d{1,4}(?:\s*[,;–—‐-]\s*\d{1,4})*\s*$")


def expand_numbers(text: str, backward: bool = False) -> list[int] | None:
    """``"1,3-5"`` -> ``[1, 3, 4, 5]``; ``None`` when the text is not a list of numbers.

    ``backward``: a range written high to low (``2–1``) is the range it names, low to
    high (square brackets hold nothing else); elsewhere it is no list (``(5–1)``, a score).
    """
    if text.isascii() and text.isdigit():  # the common case: one number
        number = int(text)
        return [number] if 0 < number <= MAX_NUMBER else None
    text = text.translate(_SUPERSCRIPT_TO_DIGIT)
    if not _NUMBER_LIST.match(text):
        return None
    numbers: list[int] = []
    for part in _LIST_SEPARATOR.split(text.strip()):
        bounds = [int(n) for n in _RANGE_SEPARATOR.split(part)]
        if len(bounds) == 1:
            numbers.append(bounds[0])
            continue
        low, high = bounds[0], bounds[-1]
        if backward and high < low:
            low, high = high, low
        if len(bounds) > 2 or high < low or high - low > MAX_RANGE:
            return None
        numbers.extend(range(low, high + 1))
    if not numbers or any(n == 0 or n > MAX_NUMBER for n in numbers):
        return None
    seen: list[int] = []
    for n in numbers:
        if n not in seen:
            seen.append(n)
    return seen


def _is_affiliation_mark(inner: str) -> bool:
    """``3,*`` or ``a,b`` or ``†``: marks of a byline, not reference numbers."""
    return bool(re.search(r"[*†‡§¶#]|[A-Za-z]", inner))


# -- patterns --------------------------------------------------------------------------
_SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_NUM_INNER = r"\d{1,4}(?:\s*[,;–—‐-]\s*\d{1,4})*"
_SUPER_INNER = r"[\d\s,;–—‐\-*†‡§¶#a-z]{1,40}"
#: A family name, after particles in either case (``csl.PARTICLE_WORDS``: ``van der``, ``Van``) or ``Mc``, ``Mac``, ``O'``.
_PARTICLE = "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in PARTICLE_WORDS)
_NAME = rf"(?:(?:{_PARTICLE}|Mc|Mac|O['’])\s?)*[A-ZÀ-ÖØ-Þ][\wÀ-ÖØ-öø-ɏ'’\-]*[a-zß-öø-ɏ][\wÀ-ÖØ-öø-ɏ'’\-]*"
_NAMES = rf"(?P<first>{_NAME})(?:(?P<etal>\s+et\s+al\.?)|\s+(?:and|&)\s+(?P<second>{_NAME}))?"
_YEAR = YEAR + r"[a-z]?"
_YEARS = rf"{_YEAR}(?:\s*,\s*{_YEAR})*"
_LOCATOR = r"(?:,\s*(?P<loc>(?:pp?|ch|chap|sec|fig|table)\.?\s*[\w–\-]+))?"
#: Three or more named authors, the last after ``, and`` or ``, &``: ``Scott, Hider, and Scott``.
_NAMES_MANY = rf"(?P<first3>{_NAME}),\s+(?P<second3>{_NAME})(?:,\s+{_NAME}){{0,4}},\s+(?:and|&)\s+{_NAME}"
_TITLE = r"[“\"](?P<title>[^”\"()]{2,200}?)[,.]?[”\"]"
_AUTHOR_YEAR_ITEM = re.compile(
    rf"^\s*(?:(?:see|see also|e\.g\.,?|i\.e\.,?|cf\.|also|reviewed in|as in)\s+)?(?:{_NAMES}|{_NAMES_MANY}|{_TITLE}),?\s+"
    rf"(?P<years>{_YEARS}){_LOCATOR}\s*$"
)
_NAMES_BEFORE = re.compile(rf"(?<![\w.]){_NAMES}\s+\Z")
_NARRATIVE_STOP = frozenset(
    ["The", "This", "These", "Those", "That", "In", "On", "At", "From", "For", "With", "By", "And", "But", "Or", "As", "Of", "To", "Study", "Studies", "Trial", "Table", "Figure", "Fig", "Supplementary", "Appendix", "Section", "Chapter", "Year", "Since", "Until", "During", "After", "Before", "Between", "Data", "Patients", "Cohort", "Group", "Registry", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("latex", re.compile(
        r"\\(?P<cmd>[A-Za-z]*cite[A-Za-z]*|citealp|citealt)\*?\s*(?P<opt>(?:\[[^\]]*\]\s*){0,2})\{(?P<keys>[^{}]*)\}")),
    ("pandoc", re.compile(r"\[(?P<body>[^\[\]]*?-?@[^\[\]]*)\](?!\()")),
    ("footnote", re.compile(r"\[\^(?P<inner>\d{1,4})\](?!:)")),
    ("superscript-brace", re.compile(r"\^\{(?P<inner>" + _SUPER_INNER + r")\}")),
    ("superscript", re.compile(r"\\textsuperscript\{(?P<inner>" + _SUPER_INNER + r")\}")),
    ("superscript", re.compile(r"<sup>\s*\[?(?P<inner>" + _SUPER_INNER + r")\]?\s*</sup>", re.I)),
    ("superscript", re.compile(r"\^(?P<inner>[\d,–\-*†]{1,30})\^")),
    ("superscript-caret", re.compile(r"\^(?P<inner>\d{1,3}(?:[,–-]\d{1,3})*)(?![\d^])")),
    ("superscript", re.compile(rf"(?P<inner>[{_SUP}]+(?:\s?[,˒⁻–\-]\s?[{_SUP}]+)*(?:[*†‡])?)")),
    ("numeric-words", re.compile(
        r"(?P<open>[(\[])?(?:(?:see(?: also)?|cf\.|e\.g\.,?)\s+)?(?<![\w#/=-])(?P<word>[Rr]ef(?:erence)?s?(?:\.\s*|\s+))"
        r"(?P<inner>\d{1,3}(?:\s*(?:[,;–—‐-]|and|&)\s*\d{1,3})*)"
        r"(?!\d|\.\d|[\w–-]|\s*(?:[%‰°]|(?:mg|g|kg|µg|μg|ml|mL|L|mm|cm|m|h|min|s|days?|weeks?|months?|years?|patients?)\b))"
        r"(?P<close>[)\]])?")),
    ("numeric", re.compile(r"\[(?P<inner>" + _NUM_INNER + r")\](?:\(#[^)\s]*\))?")),
    ("numeric-part", re.compile(r"\[(?P<inner>\d{1,3})[a-h](?:\s*,\s*[a-h])*\]")),
    ("author-year", re.compile(r"\((?P<body>[^()]*?\b" + _YEAR + r"\b[^()]*)\)")),
    # The next three start at their literal character; what must precede it is checked in
    # _marker_from (a leading look-behind would make the engine try every position).
    ("author-year-narrative", re.compile(rf"\((?P<years>{_YEARS}){_LOCATOR}\)")),
    ("numeric-paren", re.compile(r"\((?P<inner>" + _NUM_INNER + r")\)")),
    ("pandoc-intext", re.compile(r"@(?P<key>[A-Za-z0-9_][\w:.#$%&+?<>~/\-]*)")),
]

_PAREN_NUMBER_BLOCKERS = re.compile(
    r"\b(?:figure|fig|figs|table|tables|eq|equation|step|no|n|range|group|phase|grade|type|stage|class|day|days|"
    r"week|weeks|month|months|year|years|arm|chapter|section|item|line|lines|panel|box|version|"
    r"and|or|of|at|in|on|to|with)\.?\s*$",
    re.I,
)
_UNIT_BEFORE = re.compile(r"(?:\b(?:m|cm|mm|km|kg|µm|μm|nm|ft|in|L|mL|dL)|[\d×/^])$")


def _numeric_targets(inner: str, backward: bool = False) -> list[Target] | None:
    numbers = expand_numbers(inner, backward)
    if numbers is None:
        return None
    return [Target("number", number=n) for n in numbers]


#: A key cut by a line break with no space before it, the rest of the key alone on the next line and closing the
#: item (``@scott2018thromboembolis`` / ``m]``): a narrow page wrapped a long key when the manuscript was printed
#: (a key holds no space, and a locator is set apart by a comma or a space).
_WRAPPED_KEY = re.compile(r"(@\{?[A-Za-z0-9_][\w:.#$%&+?<>~/\-]*)\n([\w:.#$%&+?<>~/\-]+\}?)$")


def _pandoc_targets(body: str) -> list[Target] | None:
    targets = []
    for item in body.split(";"):
        item = _WRAPPED_KEY.sub(r"\1\2", item.strip())
        match = re.search(r"-?@\{?(?P<key>[A-Za-z0-9_][\w:.#$%&+?<>~/\-]*?)\}?(?=[\s,;]|$)(?P<rest>.*)$", item.strip())
        if not match:
            return None
        rest = match.group("rest").strip().lstrip(",").strip()
        targets.append(Target("key", key=match.group("key"), locator=rest or None))
    return targets or None


def _author_year_targets(body: str) -> list[Target] | None:
    targets = []
    for item in body.split(";"):
        match = _AUTHOR_YEAR_ITEM.match(item)
        if not match:
            return None
        targets.extend(_years_targets(match, match.group("years"), match.group("loc")))
    return targets or None


def _years_targets(names: re.Match[str], years: str, locator: str | None) -> list[Target]:
    """One target per year ("Smith et al. 2019, 2020"): the names (first author, et al.,
    second author) come from ``names``, inside the parentheses or before them."""
    found = names.groupdict()
    return [
        Target(
            "author-year",
            author=found.get("first") or found.get("first3"),
            year=year.strip(),
            et_al=bool(found.get("etal")),
            second_author=found.get("second") or found.get("second3"),
            locator=locator,
            title=" ".join(found["title"].split()) if found.get("title") else None,
        )
        for year in years.split(",")
    ]


def _marker_from(style: str, match: re.Match[str], text: str) -> Marker | None:
    start, end = match.start(), match.end()
    targets: list[Target] | None
    if style == "latex":
        if match.group("cmd").lower() in ("nocite",):
            return None
        keys = [k.strip() for k in match.group("keys").split(",") if k.strip()]
        locator = None
        opts = re.findall(r"\[([^\]]*)\]", match.group("opt") or "")
        if opts and opts[-1].strip():
            locator = opts[-1].strip().replace("~", " ")
        if not keys:
            return None
        targets = [Target("key", key=k, locator=locator) for k in keys]
        return Marker(start, end, match.group(0), "latex", targets)
    if style == "pandoc":
        targets = _pandoc_targets(match.group("body"))
        return Marker(start, end, match.group(0), "pandoc", targets) if targets else None
    if style == "pandoc-intext":
        if start and (text[start - 1].isalnum() or text[start - 1] in "_@.-/"):
            return None  # an e-mail address or a path, not an in-text citation
        key = match.group("key").rstrip(".:;,?!")
        if not key:
            return None
        end = start + 1 + len(key)
        return Marker(start, end, text[start:end], "pandoc", [Target("key", key=key)])
    if style == "superscript-caret" and start and text[start - 1] in "0123456789^)[":
        return None  # an exponent (10^9, (a+b)^2) or a Markdown footnote ([^1])
    if style == "superscript-brace" and start and text[start - 1] == "$" and text[end : end + 1] == "$":
        start, end = start - 1, end + 1  # $^{1,2}$
    if style.startswith("superscript"):
        style = "superscript"
        inner = match.group("inner")
        if match.group(0)[0] in _SUP and _UNIT_BEFORE.search(text[max(0, start - 3) : start]):
            return None  # an exponent: m², 10⁹
        if _is_affiliation_mark(inner):
            return Marker(start, end, text[start:end], "superscript", [], affiliation=True)
        targets = _numeric_targets(inner)
        return Marker(start, end, text[start:end], "superscript", targets) if targets else None
    if style == "numeric":
        targets = _numeric_targets(match.group("inner"), backward=True)
        backward = bool(targets) and expand_numbers(match.group("inner")) is None
        return Marker(start, end, match.group(0), "numeric", targets, backward=backward) if targets else None
    if style == "footnote":  # [^3]: Markdown's reference to its footnote 3, the list entry of that number
        targets = _numeric_targets(match.group("inner"))
        return Marker(start, end, match.group(0), "numeric", targets) if targets else None
    if style == "numeric-part":  # [4a]: part a of reference 4
        targets = _numeric_targets(match.group("inner"))
        return Marker(start, end, match.group(0), "numeric", targets) if targets else None
    if style == "numeric-words":
        opened, closed = match.group("open"), match.group("close")
        if not (opened and closed == {"(": ")", "[": "]"}[opened]):
            # "as in ref. 4", "(as in ref. 4)": the words around are the sentence's
            start, end = match.start("word"), match.end("inner")
        targets = _numeric_targets(re.sub(r"\s*(?:and|&)\s*", ",", match.group("inner")))
        return Marker(start, end, text[start:end], "numeric", targets) if targets else None
    if style == "numeric-paren":
        before = text[max(0, start - 2) : start]
        pre = before[-2:-1] if before.endswith((" ", "\u00a0")) else before[-1:]
        if not pre or pre.isspace() or pre in ":;(" or pre.isdigit() or pre in "=<>±×":
            return None
        if _PAREN_NUMBER_BLOCKERS.search(text[max(0, start - 12) : start]):
            return None
        # (12–9): a range written high to low, read as the range it names and said to the
        # user; where numbers in parentheses do not cite, the document's style drops it
        targets = _numeric_targets(match.group("inner"), backward=True)
        backward = bool(targets) and expand_numbers(match.group("inner")) is None
        return Marker(start, end, text[start:end], "numeric", targets, backward=backward) if targets else None
    if style == "author-year":
        targets = _author_year_targets(match.group("body"))
        return Marker(start, end, match.group(0), "author-year", targets) if targets else None
    if style == "author-year-narrative":
        window = text[max(0, start - 120) : start]
        names = _NAMES_BEFORE.search(window)
        if names is None or names.group("first") in _NARRATIVE_STOP:
            return None
        start -= len(window) - names.start()
        targets = _years_targets(names, match.group("years"), match.group("loc"))
        return Marker(start, end, text[start:end], "author-year", targets)
    return None


#: A pattern can only match where its trigger text occurs: skip it cheaply otherwise.
_TRIGGERS = {
    "latex": ("\\",),
    "superscript-brace": ("^{",),
    "superscript-caret": ("^",),
    "pandoc": ("@",),
    "pandoc-intext": ("@",),
    "footnote": ("[^",),
    "numeric": ("[",),
    "numeric-part": ("[",),
    "numeric-words": ("ref", "Ref"),
    "author-year": ("(",),
    "author-year-narrative": ("(",),
    "numeric-paren": ("(",),
}
_SUPERSCRIPT_TRIGGERS = ("^", "<sup", "<SUP", "\\textsuperscript", *_SUP)


def find_markers(text: str) -> list[Marker]:
    """Every citation marker in ``text`` (affiliation marks included, flagged), in order.

    Where two patterns overlap, the earlier one in the pattern list wins, so a pandoc
    ``[@key]`` is never also read as an in-text ``@key``.
    """
    found: list[Marker] = []
    taken = bytearray(len(text) + 1)
    for style, pattern in _PATTERNS:
        triggers = _TRIGGERS.get(style, _SUPERSCRIPT_TRIGGERS)
        if not any(trigger in text for trigger in triggers):
            continue
        for match in pattern.finditer(text):
            marker = _marker_from(style, match, text)
            if marker is None:
                continue
            if taken.find(1, marker.start, marker.end) != -1:
                continue
            found.append(marker)
            taken[marker.start : marker.end] = b"\x01" * (marker.end - marker.start)
    found.sort(key=lambda m: m.start)
    return _join_bracket_ranges(found, text)


def _join_bracket_ranges(markers: list[Marker], text: str) -> list[Marker]:
    """``[1]–[3]`` is one marker citing 1, 2 and 3."""
    joined: list[Marker] = []
    for marker in markers:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.style == marker.style == "numeric"
            and text[previous.end : marker.start].strip() in ("–", "-", "—")
            and len(previous.targets) == 1
            and len(marker.targets) >= 1
        ):
            low, high = previous.targets[0].number or 0, marker.targets[0].number or 0
            if low < high <= low + MAX_RANGE:
                numbers = list(range(low, high + 1)) + [t.number for t in marker.targets[1:] if t.number]
                joined[-1] = Marker(
                    previous.start, marker.end, text[previous.start : marker.end], "numeric",
                    [Target("number", number=n) for n in dict.fromkeys(numbers)],
                )
                continue
        joined.append(marker)
    return joined
