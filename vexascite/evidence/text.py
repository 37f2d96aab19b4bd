"""Statements and abstracts as index terms, and abstracts as sentences (pure).

Terms are lower-cased, stemmed (Snowball English, through PyStemmer) and stripped of
English stop words. Numbers keep their value ("1,000" and "1000" are one term) and a
number directly followed by a unit also gives a joined term ("50 mg" -> "50mg"), so a
statement's doses and percentages match the abstract that reports them. Hyphenated
names give their parts and the joined form ("IL-6" -> "il", "6", "il6").
"""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer
from bm25s.stopwords import STOPWORDS_EN

from ..documents.abbreviations import find_abbreviations

__all__ = ["STOPWORDS", "expand_abbreviations", "sentences", "stem", "terms"]

#: English stop words (the list bm25s uses, so the baseline and we drop the same words).
STOPWORDS: frozenset[str] = frozenset(STOPWORDS_EN)

_WORD = re.compile(r"\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[^\W\d_]+(?:\d+[^\W\d_]*)*|%", re.UNICODE)
_HYPHENATED = re.compile(r"\b([^\W_]+)-([^\W_]+)\b", re.UNICODE)
_UNITS = frozenset(
    "mg g kg mcg ug µg ng ml l dl mmol mol nm mm cm m h hr hrs min s d wk wks mo yr yrs years "
    "months weeks days hours fold x iu u kda bp kb mb % percent".split()
)
_STEMMER = Stemmer.Stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """One lower-case word's stem (cached: the same words recur across a library)."""
    return _STEMMER.stemWord(word)


def _number(token: str) -> str:
    value = token.replace(",", "")
    if "." in value:
        value = value.rstrip("0").rstrip(".") or "0"
    return value


def terms(text: str) -> list[str]:
    """Index terms of ``text`` in order (stop words dropped, stems, numbers, units)."""
    lowered = text.lower()
    words: list[str] = []
    previous_number: str | None = None
    for token in _WORD.findall(lowered):
        if token[0].isdigit():
            previous_number = _number(token) if ("," in token or "." in token) else token
            words.append(previous_number)
            continue
        if previous_number is not None and token in _UNITS:
            words.append(previous_number + token)
        previous_number = None
        if len(token) > 1 and token not in STOPWORDS:
            words.append(token)
    if "-" in lowered:
        words += [a + b for a, b in _HYPHENATED.findall(lowered) if len(a) + len(b) <= 12]
    # numbers and number+unit terms come through the stemmer unchanged
    return _STEMMER.stemWords(words)


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
_HEADING = re.compile(r"^(?:[A-Z][A-Z /&-]{2,40}|Background|Methods?|Results?|Conclusions?|Objectives?|Purpose|Aims?):\s*")


def sentences(text: str) -> list[str]:
    """An abstract's sentences, with structured-abstract headings ("RESULTS:") removed."""
    parts: list[str] = []
    for piece in _SENTENCE_END.split(text.strip()):
        if parts and _NO_BREAK_BEFORE.search(parts[-1]):
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
    cleaned = [_HEADING.sub("", part).strip() for part in parts]
    return [part for part in cleaned if part]
