"""Statements and abstracts as index terms, and abstracts as sentences (pure).

Terms are lower-cased, stemmed (Snowball English, through PyStemmer) and stripped of
English stop words. Numbers keep their value ("1,000" and "1000" are one term) and a
number directly followed by a unit also gives a joined term ("50 mg" -> "50mg"), so a
statement's doses and percentages match the abstract that reports them. Hyphenated
names give their parts and the joined form ("IL-6" -> "il", "6", "il6").

Claims and abstracts are written by different people, so spelling is normalised first:
Greek letters become their names ("TNF-\u03b1" = "TNFalpha" = "TNF-alpha"; "\u03bcg" = "ug"),
typographic dashes and hyphens become "-", ligatures and compatibility forms are folded
(NFKC), superscript digits stay apart from the number before them ("10\u2079" is 10 and 9,
not 109), and British spellings become American ones before stemming ("tumour" =
"tumor", "haemoglobin" = "hemoglobin", "oestrogen" = "estrogen", "randomised" =
"randomized", "signalling" = "signaling", "fibre" = "fiber"). Each rule maps both
spellings to one form, so it can only join a pair of spellings, never split a word.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from functools import lru_cache

import Stemmer

from ..documents.abbreviations import find_abbreviations

__all__ = ["STOPWORDS", "TERMS_REVISION", "american", "expand_abbreviations", "normalise", "sentences", "stem", "terms"]

#: Revision of what :func:`terms` gives for a text: bump it with any change to it, so that
#: indexes a library keeps from other terms are rebuilt, never searched with these.
#: 2: spelling normalised (Greek letters, dashes, NFKC, British spellings).
TERMS_REVISION = 2


def _bm25s_stopwords() -> tuple[str, ...]:
    """bm25s's English stop words, read from its ``stopwords`` module alone: importing
    ``bm25s.stopwords`` runs the package's ``__init__``, which loads most of bm25s (and
    tqdm) for one tuple of words, a third of a second at every start."""
    spec = importlib.util.find_spec("bm25s")
    folder = next(iter(spec.submodule_search_locations or [])) if spec is not None else None
    words = importlib.util.spec_from_file_location("_bm25s_stopwords", f"{folder}/stopwords.py") if folder else None
    if words is None or words.loader is None:
        raise ImportError("bm25s's stop words (the bm25s package) are not installed")
    module = importlib.util.module_from_spec(words)
    words.loader.exec_module(module)
    return tuple(module.STOPWORDS_EN)


#: English stop words (the list bm25s uses, so the baseline and we drop the same words).
STOPWORDS: frozenset[str] = frozenset(_bm25s_stopwords())

_WORD = re.compile(r"\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[^\W\d_]+(?:\d+[^\W\d_]*)*|%", re.UNICODE)
_HYPHENATED = re.compile(r"\b([^\W_]+)-([^\W_]+)\b", re.UNICODE)
_UNITS = frozenset(
    "mg g kg mcg ug µg ng ml l dl mmol mol nm mm cm m h hr hrs min s d wk wks mo yr yrs years "
    "months weeks days hours fold x iu u kda bp kb mb % percent".split()
)
_STEMMER = Stemmer.Stemmer("english")

#: Superscript digits and signs: kept apart from a number before them (NFKC would join them).
_SUPERSCRIPT = {**{ch: f"^{d}" for d, ch in enumerate("\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")},
                "\u207a": "+", "\u207b": "-"}
#: Hyphens, non-breaking hyphens, figure and en dashes and the minus sign write "-".
_DASH = dict.fromkeys("\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d", "-")
_FOLD = {**_SUPERSCRIPT, **_DASH}
_TO_FOLD = re.compile("[" + "".join(_FOLD) + "]")
_GREEK_NAMES = dict(zip(
    "\u03b1\u03b2\u03b3\u03b4\u03b5\u03b6\u03b7\u03b8\u03b9\u03ba\u03bb\u03bc\u03bd\u03be\u03bf\u03c0\u03c1\u03c2\u03c3\u03c4\u03c5\u03c6\u03c7\u03c8\u03c9",
    "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma sigma tau upsilon "
    "phi chi psi omega".split(),
    strict=True,
))
#: mu as the micro prefix of a unit ("\u03bcg", "\u03bcmol/l") is written "u", as in "ug".
_MICRO = re.compile(r"\u03bc(?=(?:g|l|m|mol|mg|iu|u)\b|(?:g|l|m|mol)/)")
#: A Greek letter right after a letter names a variant of it ("tnf\u03b1" = "tnf-alpha").
_GREEK_AFTER_LETTER = re.compile(r"(?<=[^\W\d_])([\u03b1-\u03c9])")
_GREEK = re.compile(r"[\u03b1-\u03c9]")
#: British spellings -> American ones (whole lower-case words; the first match applies).
_BRITISH: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"^(tum|behavi|col|fav|lab|od|hum|vap|hon|neighb|rum|flav|vig|rig|sav|harb|arm|cand|endeav)our", r"\1or"),
        (r"aem", "em"),  # haem, anaemia, leukaemia, ischaemia, -aemia
        (r"paed", "ped"),
        (r"^(an)?aest", r"\1est"),  # anaesthesia, aesthetic
        (r"^aetiol", "etiol"),
        (r"^(gyn|f|c)aec", r"\1ec"),  # gynaecology, faeces, caecum
        (r"^palaeo", "paleo"),
        (r"^oe(str|soph|dem)", r"e\1"),  # oestrogen, oesophagus, oedema
        (r"^foet", "fet"),
        (r"^coeli", "celi"),
        (r"^homoeo", "homeo"),
        (r"oea(s|l)?$", r"ea\1"),  # diarrhoea, dyspnoea, apnoea, gonorrhoea
        (r"(cent|lit|met|fib|calib|spect)re(s|d)?$", r"\1er\2"),
        (r"([ao]log)ue(s)?$", r"\1\2"),  # analogue, catalogue, homologue
        (r"^sulph", "sulf"),
        (r"^(label|model|signal|travel|cancel|channel|fuel|counsel|level|tunnel|total|dial|equal|funnel|spiral|pedal|rival)l(ed|ing|er|ers)$", r"\1\2"),
        (r"^enrolment(s)?$", r"enrollment\1"),
        (r"^programme(s|d)?$", r"program\1"),
        (r"^grey(er|est|ish)?$", r"gray\1"),
        (r"^ageing$", "aging"),
        (r"^aluminium$", "aluminum"),
        (r"^practis(e|es|ed|ing)$", r"practic\1"),
        (r"^(licen|defen|offen)ce(s)?$", r"\1se\2"),
        (r"(?<=[a-z]{2})is(e|ed|es|ing|ation|ations|er|ers)$", r"iz\1"),  # randomised, characterisation
        (r"(?<=[a-z]{2})ys(ed|ing|er|ers)$", r"yz\1"),  # analysed, hydrolysing
    )
)

_ANY_BRITISH = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _BRITISH))


def normalise(text: str) -> str:
    """``text`` lower-cased, with Greek letters named and dashes and compatibility forms folded."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKC", _TO_FOLD.sub(lambda m: _FOLD[m.group(0)], text)).lower()
    text = _TO_FOLD.sub(lambda m: _FOLD[m.group(0)], text)  # NFKC writes U+2011 as U+2010
    if _GREEK.search(text):
        text = _MICRO.sub("u", text)
        text = _GREEK_AFTER_LETTER.sub(lambda m: "-" + _GREEK_NAMES[m.group(1)], text)
        text = _GREEK.sub(lambda m: _GREEK_NAMES[m.group(0)], text)
    return text


@lru_cache(maxsize=200_000)
def american(word: str) -> str:
    """One lower-case word in American spelling (unchanged when no rule applies)."""
    if not _ANY_BRITISH.search(word):
        return word
    for pattern, replacement in _BRITISH:
        changed = pattern.sub(replacement, word, count=1)
        if changed != word:
            return changed
    return word


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """One lower-case word's stem (cached: the same words recur across a library)."""
    return _STEMMER.stemWord(word)


def _number(token: str) -> str:
    value = token.replace(",", "")
    if "." in value:
        value = value.rstrip("0").rstrip(".") or "0"
    return value


@lru_cache(maxsize=200_000)
def _word_term(token: str) -> str | None:
    """A word token's term: its stem in American spelling (``None`` for a stop word or a
    single letter). Cached, as the same words recur across a library's sentences."""
    return stem(american(token)) if len(token) > 1 and token not in STOPWORDS else None


def terms(text: str) -> list[str]:
    """Index terms of ``text`` in order (stop words dropped, stems, numbers, units)."""
    lowered = normalise(text)
    words: list[str] = []
    previous_number: str | None = None
    for token in _WORD.findall(lowered):
        if token[0].isdigit():
            previous_number = _number(token) if ("," in token or "." in token) else token
            words.append(stem(previous_number))
            continue
        if previous_number is not None:
            if token in _UNITS:
                words.append(stem(previous_number + token))
            previous_number = None
        term = _word_term(token)
        if term is not None:
            words.append(term)
    if "-" in lowered:
        words += [stem(american(a) + american(b)) for a, b in _HYPHENATED.findall(lowered) if len(a) + len(b) <= 12]
    # every term goes through the stemmer (numbers come out unchanged, "10years" as "10year")
    return words


def expand_abbreviations(text: str, known: dict[str, str] | None = None) -> str:
    """``text`` with the long form of each abbreviation it uses added after its first use.

    Definitions come from ``text`` itself first ("tumour necrosis factor (TNF)"), then
    from ``known`` (short form -> long form, e.g. gathered from a whole library), so a
    statement that writes only "TNF" also matches an abstract that spells it out.
    """
    own = find_abbreviations(text)
    table = {**(known or {}), **own}
    if not table:
        return text
    extra = [
        table[short]
        for short in dict.fromkeys(re.findall(r"[^\W_][\w-]*[^\W_]|[^\W_]", text))
        if short in table and short not in own
    ]
    return f"{text} {' '.join(extra)}" if extra else text


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9])")
_NO_BREAK_BEFORE = re.compile(r"(?:\b(?:e\.g|i\.e|et al|vs|Fig|Figs|Ref|No|approx|ca|cf|Dr|Mr|Ms|St)\.|\b[A-Z]\.)$")
#: Characters at the end of a piece that can hold an abbreviation of ``_NO_BREAK_BEFORE``
#: (the longest, "approx.", and the character before it, with room to spare).
_NO_BREAK_TAIL = 16
_HEADING = re.compile(r"^(?:[A-Z][A-Z /&-]{2,40}|Background|Methods?|Results?|Conclusions?|Objectives?|Purpose|Aims?):\s*")


def sentences(text: str) -> list[str]:
    """An abstract's sentences, with structured-abstract headings ("RESULTS:") removed."""
    parts: list[str] = []
    for piece in _SENTENCE_END.split(text.strip()):
        # the abbreviations end the piece: its last characters are enough to search
        if parts and _NO_BREAK_BEFORE.search(parts[-1], max(0, len(parts[-1]) - _NO_BREAK_TAIL)):
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
    cleaned = [_HEADING.sub("", part).strip() for part in parts]
    return [part for part in cleaned if part]
