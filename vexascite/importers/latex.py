"""LaTeX to Unicode for BibTeX field values, fast for what bibliographies contain.

pylatexenc (the codec bibtexparser uses) is exact but costs milliseconds a value. Nearly
all LaTeX in bibliographies is accents, escaped specials, font commands, dashes and a
few Greek letters, so those are decoded here by table; a value with anything else left
over goes to pylatexenc whole. The tests check both paths agree.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pylatexenc.latex2text import LatexNodes2Text

from ..richtext import escape_text

ACCENTS = {
    '"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303", "=": "\u0304",
    ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328",
    "r": "\u030a", "d": "\u0323", "b": "\u0331",
}
LETTERS = {
    "aa": "å", "AA": "Å", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
    "ss": "ß", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ",
    "ng": "ŋ", "NG": "Ŋ", "dj": "đ", "DJ": "Đ", "textendash": "–", "textemdash": "—",
    "textquoteright": "’", "textquoteleft": "‘", "textregistered": "®", "texttrademark": "™",
    "textcopyright": "©", "textdegree": "°", "S": "§", "P": "¶", "dag": "†", "ddag": "‡",
    "ldots": "…", "dots": "…", "textellipsis": "…", "pounds": "£", "euro": "€",
    "textasciicircum": "^", "textasciitilde": "\ue003", "textbackslash": "\ue002", "textunderscore": "_",
    "textless": "<", "textgreater": ">", "textbar": "|", "textbraceleft": "\ue000", "textbraceright": "\ue001",
    "textdollar": "\ue004", "lbrace": "\ue000", "rbrace": "\ue001",
}
# Escaped characters that the later brace, tilde and math handling must not touch are
# parked on private-use code points and restored at the end.
SPECIALS = {
    "&": "\ue006", "%": "\ue005", "$": "\ue004", "#": "\ue007", "_": "\ue008", "{": "\ue000", "}": "\ue001",
    " ": " ", ",": "\u2009",
}
_PARKED = str.maketrans(
    {"\ue000": "{", "\ue001": "}", "\ue002": "\\", "\ue003": "~", "\ue004": "$", "\ue005": "%", "\ue006": "&",
     "\ue007": "#", "\ue008": "_"}
)
FONT_COMMANDS = (
    "textit|textbf|textsc|textrm|textsf|texttt|textup|textsl|textmd|textnormal|emph|mathrm|mathit|mathbf"
    "|mathsf|mathtt|mathcal|mbox|text|uppercase|lowercase|NoCaseChange|nocase|url|path"
)
FONT_SWITCHES = re.compile(r"\\(?:em|it|bf|sc|rm|sf|tt|sl|normalfont|itshape|bfseries|scshape|upshape|mdseries)\b\s*")
GREEK = {
    name: unicodedata.lookup(
        f"GREEK {'CAPITAL' if name[0].isupper() else 'SMALL'} LETTER {name.upper().replace('LAMBDA', 'LAMDA')}"
    )
    for name in (
        "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi pi rho sigma tau upsilon"
        " phi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega"
    ).split()
}
MATH_SYMBOLS = {
    "pm": "±", "times": "×", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "approx": "≈",
    "infty": "∞", "to": "→", "rightarrow": "→", "leftarrow": "←", "cdot": "·", "circ": "∘", "sim": "∼",
    "mid": "|", "prime": "′", "degree": "°", "varepsilon": "ε", "vartheta": "ϑ", "varphi": "φ",
    "lbrace": "\ue000", "rbrace": "\ue001", "{": "\ue000", "}": "\ue001",
}

_ACCENT_BRACED = re.compile(r"\\([\"'`^~=.uvHckrdb])\s*\{\s*(\\[ij]|[A-Za-z])\s*\}")
_ACCENT_SYMBOL = re.compile(r"\\([\"'`^~=.])\s*(\\[ij](?![A-Za-z])\s*|[A-Za-z])")
_ACCENT_LETTER = re.compile(r"\\([uvHckrdb])\s+([A-Za-z])")
_LETTER_MACRO = re.compile(r"\\(" + "|".join(sorted(LETTERS, key=len, reverse=True)) + r")(?![A-Za-z])\s*(?:\{\})?")
_SPECIAL = re.compile(r"\\([&%$#_{} ,])")
_FONT = re.compile(r"\\(?:" + FONT_COMMANDS + r")\s*\{")
_MATH = re.compile(r"(?<!\\)\$([^$]*)(?<!\\)\$")
_MATH_MACRO = re.compile(r"\\([A-Za-z]+|[{}])")
_SUBSUP = re.compile(r"[_^]\{?([0-9A-Za-z+\-]+)\}?")
_SPACES = re.compile(r"\s+")
_DASHES = (("---", "—"), ("--", "–"))

_pylatexenc = LatexNodes2Text(math_mode="text", keep_braced_groups=False, strict_latex_spaces=True)
_PYLATEXENC_MACROS = _pylatexenc.latex_context

#: Commands that read or write files, define macros or reach the system: never decoded
#: (pylatexenc reads ``\input`` as an empty string), kept as the text they are.
UNSAFE_COMMANDS = frozenset(
    "input include includeonly InputIfFileExists IfFileExists write immediate openout openin closeout closein read"
    " readline def edef gdef xdef let newcommand renewcommand providecommand DeclareRobustCommand newenvironment"
    " renewenvironment catcode csname endcsname expandafter special usepackage RequirePackage documentclass"
    " loop jobname shellescape ShellEscape directlua luaexec pdfshellescape".split()
)


def _accent(match: re.Match[str]) -> str:
    mark, letter = match.group(1), match.group(2)
    base = {"\\i": "i", "\\j": "j"}.get(letter.strip(), letter)
    return unicodedata.normalize("NFC", base + ACCENTS[mark])


def _math(match: re.Match[str]) -> str:
    body = match.group(1)
    body = _MATH_MACRO.sub(lambda m: GREEK.get(m.group(1)) or MATH_SYMBOLS.get(m.group(1)) or m.group(0), body)
    body = _SUBSUP.sub(lambda m: m.group(1), body)
    return body.replace("{", "").replace("}", "")


_NAME_LETTERS = {name: char for name, char in LETTERS.items() if not "\ue000" <= char[0] <= "\uf8ff"}


def decode_accents(value: str) -> str:
    """Accent and letter macros only, braces kept: names are split after this, so
    ``\\~{n}`` must not be taken for a tie (``~``) between two words."""
    if "\\" not in value:
        return value
    text = _ACCENT_BRACED.sub(_accent, value)
    text = _ACCENT_SYMBOL.sub(_accent, text)
    text = _ACCENT_LETTER.sub(_accent, text)
    return _LETTER_MACRO.sub(lambda m: _NAME_LETTERS.get(m.group(1), m.group(0)), text)


def _strip_font_commands(text: str) -> str:
    """``\\textit{x}`` -> ``{x}``: the braces go later with the others."""
    return _FONT.sub("{", text)


def fast_latex_to_unicode(value: str) -> str | None:
    """Decode by table; None when something is left that only a real parser can read."""
    text, complete = _decode_by_table(value)
    return text if complete else None


def _decode_by_table(value: str) -> tuple[str, bool]:
    """What the tables can decode, and whether that was everything. An incomplete
    result still has its braces and leftover macros, ready for pylatexenc."""
    text = value.replace("\\$", "\ue004") if "\\$" in value else value
    text = _MATH.sub(_math, text) if "$" in text else text
    if "\\" in text:  # every macro pattern below starts with a backslash
        text = _ACCENT_BRACED.sub(_accent, text)
        text = _ACCENT_SYMBOL.sub(_accent, text)
        text = _ACCENT_LETTER.sub(_accent, text)
        text = _LETTER_MACRO.sub(lambda m: LETTERS[m.group(1)], text)
        text = _strip_font_commands(text)
        text = FONT_SWITCHES.sub("", text)
        text = _SPECIAL.sub(lambda m: SPECIALS[m.group(1)], text)
    if "\\" in text and unknown_commands(text):  # (after the tables: few values hold a command still)
        text = _keep_unknown_commands(text)
    if "\\" in text or "$" in text:
        return text, False
    for dashes, char in _DASHES:  # before braces go: -{}- is two hyphens, not a dash
        text = text.replace(dashes, char)
    text = text.replace("{", "").replace("}", "").replace("~", "\u00a0")
    return text.translate(_PARKED), True


@lru_cache(maxsize=65536)
def latex_to_unicode(value: str) -> str:
    """Decode LaTeX in a field value; a plain value only loses its protecting braces."""
    if "\\" not in value and "$" not in value and "~" not in value and "--" not in value:
        text = value.replace("{", "").replace("}", "")
    else:
        text, complete = _decode_by_table(value)
        if not complete:
            try:
                text = _pylatexenc.latex_to_text(text).translate(_PARKED)
            except Exception:  # pylatexenc raises many types on odd input; keep the value then
                text = text.replace("{", "").replace("}", "").translate(_PARKED)
    return _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()


#: Font commands whose meaning a CSL title keeps, as CSL's rich-text tags.
_RICH_COMMANDS = {
    "textit": "i", "emph": "i", "mkbibemph": "i", "textsl": "i", "textbf": "b", "mkbibbold": "b",
    "textsuperscript": "sup", "mkbibsuperscript": "sup", "textsubscript": "sub", "textsc": "sc",
}
_RICH_COMMAND = re.compile(r"\\(" + "|".join(_RICH_COMMANDS) + r")\s*\{")

#: Commands the tables decode (pylatexenc knows many more).
_TABLE_COMMANDS = frozenset(
    [*ACCENTS, *LETTERS, *FONT_COMMANDS.split("|"), *GREEK, *MATH_SYMBOLS, *_RICH_COMMANDS]
    + "em it bf sc rm sf tt sl normalfont itshape bfseries scshape upshape mdseries i j".split()
)
_COMMAND = re.compile(r"\\([A-Za-z]+)")
_LITERAL = str.maketrans(
    {"\\": "\ue002", "{": "\ue000", "}": "\ue001", "~": "\ue003", "$": "\ue004", "%": "\ue005", "&": "\ue006",
     "#": "\ue007", "_": "\ue008"}
)


@lru_cache(maxsize=4096)
def _known(name: str) -> bool:
    return name not in UNSAFE_COMMANDS and (name in _TABLE_COMMANDS or _PYLATEXENC_MACROS.get_macro_spec(name) is not None)


@lru_cache(maxsize=8192)
def unknown_commands(value: str) -> tuple[str, ...]:
    """The LaTeX commands in ``value`` that are not decoded but kept as text (``\\input``,
    ``\\write``, a macro no table or pylatexenc knows), each once, in order."""
    if "\\" not in value:
        return ()
    return tuple(dict.fromkeys(m.group(1) for m in _unknown_matches(value)))


def _unknown_matches(text: str) -> list[re.Match[str]]:
    found = []
    for match in _COMMAND.finditer(text):
        start = match.start()
        escaped = start > 0 and text[start - 1] == "\\" and (start < 2 or text[start - 2] != "\\")
        if not escaped and not _known(match.group(1)):  # (``\\\\foo`` is a line break, then text)
            found.append(match)
    return found


def _command_end(text: str, position: int) -> int:
    """Where a command's arguments end: digits (``\\write18``), a star, ``[...]`` and balanced ``{...}``."""
    while position < len(text) and (text[position].isdigit() or text[position] == "*"):
        position += 1
    while position < len(text) and text[position] in "[{":
        closing = "]" if text[position] == "[" else "}"
        depth, end = 0, position
        for end in range(position, len(text)):
            if text[end] == "{":
                depth += 1
            elif text[end] == "}":
                depth -= 1
            if (closing == "}" and depth == 0) or (closing == "]" and depth == 0 and text[end] == "]"):
                break
        else:
            return len(text)
        position = end + 1
    return position


def _keep_unknown_commands(text: str) -> str:
    """Each unknown or unsafe command with its arguments parked as literal text: it is neither
    run nor dropped (``A {\\input{/etc/passwd}} study`` reads ``A \\input{/etc/passwd} study``)."""
    out: list[str] = []
    position = 0
    for match in _unknown_matches(text):
        if match.start() < position:
            continue
        end = _command_end(text, match.end())
        out.append(text[position : match.start()])
        out.append(text[match.start() : end].translate(_LITERAL))
        position = end
    out.append(text[position:])
    return "".join(out)
_RICH_OPEN, _RICH_CLOSE = "\ue020", "\ue021"
_RICH_MARK = re.compile("\ue020(/?)(\\w*)\ue021")


def latex_to_rich_text(value: str) -> str:
    """A title's LaTeX to CSL rich text: ``\\textit{UBA1}`` -> ``<i>UBA1</i>``, ``CO\\textsubscript{2}``
    -> ``CO<sub>2</sub>``, the rest as :func:`latex_to_unicode` decodes it (once, the whole value). A ``<``
    or ``&`` of its text that would read as a tag or an entity is written as an entity
    (:func:`~vexascite.richtext.escape_text`), so its own text stays text: in BibTeX ``<i>`` is text."""
    if "\\" not in value or not _RICH_COMMAND.search(value):
        return escape_text(latex_to_unicode(value))
    out: list[str] = []
    braces: list[str | None] = []  # for each open brace, the tag it closes (None: a plain group)
    position = 0
    while position < len(value):
        command = _RICH_COMMAND.match(value, position) if value[position] == "\\" else None
        if command is not None:
            name = _RICH_COMMANDS[command.group(1)]
            out.append(f"{_RICH_OPEN}{name}{_RICH_CLOSE}")
            braces.append(name)
            position = command.end()
            continue
        char = value[position]
        if char == "\\":
            out.append(value[position : position + 2])  # an escaped brace or a macro's backslash
            position += 2
            continue
        if char == "{":
            braces.append(None)
        elif char == "}" and braces and braces.pop() is not None:
            out.append(f"{_RICH_OPEN}/{_RICH_CLOSE}")  # the end of a font command's group
            position += 1
            continue
        out.append(char)
        position += 1
    out.extend(f"{_RICH_OPEN}/{_RICH_CLOSE}" for name in braces if name is not None)
    text = latex_to_unicode("".join(out))
    text = escape_text(text)
    opened: list[str] = []

    def tag(match: re.Match[str]) -> str:
        if not match.group(1):
            opened.append(match.group(2))
            return f"<{match.group(2)}>"
        return f"</{opened.pop()}>" if opened else ""

    return _RICH_MARK.sub(tag, text)
