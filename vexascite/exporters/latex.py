"""Text to LaTeX for BibTeX fields (pure, fast).

Only what needs encoding is encoded: plain ASCII without TeX specials passes through
untouched, and each non-ASCII character is encoded once (pylatexenc, the encoder
bibtexparser itself depends on) and cached. Accented letters are written in BibTeX's own
"special character" form ``{\\'e}`` so BibTeX sorts and case-changes them correctly.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable
from functools import cache

from .markup import CONTROL, has_markup, no_controls, parse_markup

#: TeX's special characters and what stands for each in text mode.
_SPECIALS = {
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "\\": r"\textbackslash{}",
    # LaTeX's default font encoding (OT1) prints ``<`` as ``¡`` and ``>`` as ``¿`` (``|`` as a
    # dash too, but pandoc drops ``\textbar``: a ``|`` is kept)
    "<": r"\textless{}",
    ">": r"\textgreater{}",
}
_NEEDS_WORK = re.compile(r"[&%$#_~^\\{}<>]|--|``|''|[?!]`|[^\x00-\x7f]|" + CONTROL.pattern)
#: ASCII pairs TeX fonts turn into other glyphs (-- is an en dash, `` a quote mark).
_LIGATURES = re.compile(r"(?<=-)(?=-)|(?<=`)(?=`)|(?<=')(?=')|(?<=[?!])(?=`)")
_FIRST_MACRO = re.compile(r"\\([A-Za-z]+|.)")
#: Commands of the LaTeX kernel that every reader of BibTeX also reads: LaTeX, BibTeX,
#: biber, pybtex and pandoc. Other symbols (``\texteuro``, ``\textdegree``, ``\textmu``,
#: ``\textendash``, ...) stay UTF-8: pandoc drops those commands, while LaTeX's own UTF-8
#: input (the default since 2018) maps each character to the very same command.
_SAFE_MACROS = frozenset(
    """o O ss l L aa AA ae AE oe OE i j ensuremath
    textquoteleft textquoteright textquotedblleft textquotedblright dots ldots S P pounds""".split()
)
_SYMBOL_ACCENT = re.compile(r"^\\([`'^\"~=.])\s*\{?(\\[ij]|[A-Za-z])\}?$")
_ACCENT_COMMAND = re.compile(r"^\\(?:[`'^\"~=.]|[cuvHkrdbt]\{)")


@cache
def encode_char(char: str) -> str:
    """One non-ASCII character as LaTeX (kernel commands only; otherwise kept as UTF-8)."""
    from pylatexenc.latexencode import unicode_to_latex

    logging.getLogger("pylatexenc").setLevel(logging.ERROR)
    if char == "\u00a0":
        return "~"
    encoded = unicode_to_latex(char, non_ascii_only=True, unknown_char_policy="keep")
    if encoded == char or "\\" not in encoded:
        return encoded
    unbraced = encoded[1:-1] if encoded.startswith("{") and encoded.endswith("}") else encoded
    macro = _FIRST_MACRO.search(unbraced)
    if macro is None or (
        macro.group(1) not in _SAFE_MACROS and not _ACCENT_COMMAND.match(unbraced)
    ):
        # a command from a package documents may not load (tipa's \\textnrleg ...): UTF-8
        return char
    symbol_accent = _SYMBOL_ACCENT.match(unbraced)
    if symbol_accent:
        # \'e -> \'{e}, \"\i -> \"{i}: the argument braced and no outer braces, the one
        # form BibTeX, biber, pybtex and pandoc (which mis-cases Z{\"u}rich) all read
        mark, letter = symbol_accent.groups()
        encoded = "\\" + mark + "{" + letter.lstrip("\\") + "}"
    if _decoded(encoded) != char:
        # pylatexenc approximates some letters (Ħ as a macron H): keep those as UTF-8
        return char
    return encoded


def _decoded(latex: str) -> str:
    from pylatexenc.latex2text import LatexNodes2Text

    try:
        return unicodedata.normalize("NFC", LatexNodes2Text(math_mode="text").latex_to_text(latex))
    except Exception:  # pylatexenc raises several types on odd input
        return ""


def braces_balance(text: str) -> bool:
    """Whether braces in ``text`` nest properly (a raw value is only written back if so)."""
    if "{" not in text and "}" not in text:
        return True
    depth = 0
    for char in text:
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def escape_text(text: str, *, unicode: bool = False, braced_accents: bool = False) -> str:
    """Plain text as LaTeX: TeX specials escaped, ligature pairs broken with ``{}``, and
    (unless ``unicode``) non-ASCII characters turned into LaTeX commands.

    Literal braces that pair up become ``\\{`` and ``\\}``, which every reader (pandoc
    too) shows as braces. BibTeX and pybtex count ``\\{`` as a brace, so braces that do
    not pair up become ``$\\lbrace$`` and ``$\\rbrace$`` instead (an unbalanced brace would
    break the entry).

    ``braced_accents`` writes accents as BibTeX special characters (``{\\~{n}}``), for
    names, whose ``~`` would otherwise be read as a tie between name parts.
    """
    if not _NEEDS_WORK.search(text):
        return text
    text = no_controls(unicodedata.normalize("NFC", text))  # TeX stops on a control character
    if "-" in text or "`" in text or "'" in text:
        text = _LIGATURES.sub("\x00", text)
    table = _PAIRED if ("{" in text or "}" in text) and braces_balance(text) else _REPLACEMENTS
    if unicode:
        return _ASCII_WORK.sub(lambda m: _replacement(m, table), text)
    return _ANY_WORK.sub(lambda m: (_braced_replacement if braced_accents else _replacement)(m, table), text)


_REPLACEMENTS = {**_SPECIALS, "{": r"$\lbrace$", "}": r"$\rbrace$", "\x00": "{}"}
_PAIRED = {**_REPLACEMENTS, "{": r"\{", "}": r"\}"}
_ASCII_WORK = re.compile(r"[&%$#_~^\\{}<>\x00]")
_ANY_WORK = re.compile(r"[&%$#_~^\\{}<>\x00]|[^\x00-\x7f]+")


def _replacement(match: re.Match[str], table: dict[str, str] = _REPLACEMENTS) -> str:
    found = match.group(0)
    replacement = table.get(found)
    if replacement is not None:
        return replacement
    return "".join(map(encode_char, found))


def _braced_replacement(match: re.Match[str], table: dict[str, str] = _REPLACEMENTS) -> str:
    found = match.group(0)
    replacement = table.get(found)
    if replacement is not None:
        return replacement
    return "".join(_brace_accent(encode_char(char)) for char in found)


def _brace_accent(encoded: str) -> str:
    return "{" + encoded + "}" if encoded.startswith("\\") else encoded


# -- title-case protection ----------------------------------------------------------------
_CHUNK = re.compile(r"\S+")
#: Whole words holding a capital ASCII letter or any non-ASCII letter: the only words
#: :func:`needs_protection` can pick.
_CANDIDATE = re.compile(r"(?<!\S)\S*?[A-Z\u0080-\U0010ffff]\S*")
_FIRST_ALNUM = re.compile(r"[^\W_]")
_EDGE_PUNCTUATION = re.compile(r"([(\[\"'‘“]*)(.*?)([.,;:!?)\]\"'’”]*)", re.S)
_PART_SPLIT = re.compile(r"[-/\u2010-\u2015]")


_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
_MINOR_WORDS = frozenset(
    """a an the and but or nor for so yet as at by in of off on per to up via with from into
    onto over than that this upon versus vs""".split()
)


def is_title_case(text: str) -> bool:
    """Whether a title is written in Title Case (most significant words capitalised)
    rather than sentence case. In a sentence-case title a capital past the first word
    marks a proper noun (``Zürich``, ``French``), which BibTeX must not lower-case."""
    words = [w for w in _WORD.findall(text)[1:] if len(w) > 3 and w.lower() not in _MINOR_WORDS]
    if len(words) < 2:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= 0.75 * len(words)


def needs_protection(chunk: str, first_word: bool, sentence_case: bool = False) -> bool:
    """Would a BibTeX style's sentence-casing damage this word? Acronyms, gene and drug
    names, mixed case and single capitals (``UBA1``, ``VEXAS``, ``JAK``, ``mRNA``,
    ``IL-6``, ``Type I``) always; in a ``sentence_case`` title every capitalised word
    but the first (proper nouns); ordinary capitalised words of a Title Case title not."""
    for number, part in enumerate(_PART_SPLIT.split(chunk)):
        start = _FIRST_ALNUM.search(part)
        if start is None:
            continue
        if any(c.isupper() for c in part[start.end() :]):
            return True
        head_upper = part[start.start()].isupper()
        if not head_upper or (first_word and number == 0):
            continue
        if sentence_case:
            return True
        core = part[start.start() :].rstrip(".,;:!?)]'\"")
        if len(core) == 1 and core != "A":
            return True
    return False


def protect_words(
    text: str,
    encode: Callable[[str], str],
    *,
    first_word: bool = True,
    sentence_case: bool | None = None,
) -> str:
    """Encode plain text, bracing each word :func:`needs_protection` picks out.

    Every rule needs a capital letter, so text without one past its first character
    (most titles, in sentence case) is encoded in one piece.
    """
    probe = text[1:] if first_word else text
    if probe.lower() == probe:
        return encode(text)
    if sentence_case is None:
        sentence_case = not is_title_case(text)
    out: list[str] = []
    position = 0
    first_start = len(text) - len(text.lstrip()) if first_word else -1
    for match in _CANDIDATE.finditer(text):
        chunk = match.group(0)
        if chunk.lower() != chunk and needs_protection(
            chunk, match.start() == first_start, sentence_case
        ):
            lead, core, tail = _EDGE_PUNCTUATION.fullmatch(chunk).groups()  # type: ignore[union-attr]
            start = match.start() + len(lead)
            out.append(encode(text[position:start]))
            out.append("{" + encode(core) + "}")
            position = start + len(core)
    out.append(encode(text[position:]))
    return "".join(out)


_LATEX_STYLE = {
    "italic": r"\textit{",
    "bold": r"\textbf{",
    "smallcaps": r"\textsc{",
    "sup": r"\textsuperscript{",
    "sub": r"\textsubscript{",
    "nocase": "{",
}
_TOKEN = re.compile(r"\s+|\S+")
_STYLE_ORDER = ("nocase", "italic", "bold", "smallcaps", "sup", "sub")


def _styled(piece: str, styles: frozenset[str], encode: Callable[[str], str]) -> str:
    ordered = [s for s in _STYLE_ORDER if s in styles]
    return "".join(_LATEX_STYLE[s] for s in ordered) + encode(piece) + "}" * len(ordered)


def to_latex(text: str, *, unicode: bool = False, protect: bool = False) -> str:
    """A CSL string (possibly with HTML/JATS markup) as a BibTeX field value.

    Markup becomes ``\\textit`` and friends (or is dropped when it has no LaTeX
    meaning); with ``protect``, words sentence-casing would damage are braced, a word
    that spans markup (``H<sub>2</sub>O``) as a whole.
    """
    if not has_markup(text):
        if protect:
            return protect_words(text, lambda piece: escape_text(piece, unicode=unicode))
        return escape_text(text, unicode=unicode)
    runs = parse_markup(text)
    plain = "".join(piece for piece, _ in runs)
    sentence_case = not is_title_case(plain)

    def encode(piece: str) -> str:
        return escape_text(piece, unicode=unicode)

    if not protect:
        return "".join(_styled(piece, styles, encode) for piece, styles in runs)
    bounds: list[tuple[int, int, frozenset[str]]] = []
    offset = 0
    for piece, run_styles in runs:
        bounds.append((offset, offset + len(piece), run_styles))
        offset += len(piece)
    # (LaTeX without its style wrapper, styles); a word spanning markup is pre-wrapped (None)
    segments: list[tuple[str, frozenset[str] | None]] = []
    first_word = True
    for token in _TOKEN.finditer(plain):
        start, end, word = token.start(), token.end(), token.group(0)
        pieces = [
            (plain[max(a, start) : min(b, end)], st) for a, b, st in bounds if a < end and b > start
        ]
        wanted = False
        if not word.isspace():
            wanted = not all("nocase" in st for _, st in pieces) and needs_protection(
                word, first_word, sentence_case
            )
            first_word = False
        if len(pieces) == 1:
            piece, st = pieces[0]
            segments.append(
                (
                    protect_words(piece, encode, first_word=False, sentence_case=sentence_case)
                    if wanted
                    else encode(piece),
                    st,
                )
            )
        else:
            body = "".join(_styled(piece, st, encode) for piece, st in pieces)
            segments.append(("{" + body + "}" if wanted else body, None))
    out: list[str] = []
    index = 0
    while index < len(segments):
        body, maybe_styles = segments[index]
        index += 1
        if maybe_styles is None:
            out.append(body)
            continue
        styles = maybe_styles
        while index < len(segments) and segments[index][1] == styles:
            body += segments[index][0]
            index += 1
        ordered = [s for s in _STYLE_ORDER if s in styles]
        out.append("".join(_LATEX_STYLE[s] for s in ordered) + body + "}" * len(ordered))
    return "".join(out)
