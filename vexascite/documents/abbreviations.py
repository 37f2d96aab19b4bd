"""Abbreviations a manuscript defines, "Janus kinase inhibitors (JAKi)" (pure).

The algorithm of Schwartz and Hearst (2003): for each short form in parentheses, the
long form is the shortest run of preceding words whose letters, read backwards, contain
the short form's letters in order, the first one starting a word. Search uses the long
forms so "JAK inhibitors thrombosis" finds a claim that writes "JAKi" and "VTE".
"""

from __future__ import annotations

import re

__all__ = ["best_long_form", "find_abbreviations"]

_PAREN = re.compile(r"\(\s*([^()\s;,][^();,]{0,11}?)\s*\)")


def _valid_short_form(short: str) -> bool:
    if not 2 <= len(short) <= 10 or len(short.split()) > 2:
        return False
    if not short[0].isalnum() or not any(ch.isalpha() for ch in short):
        return False
    return any(ch.isupper() for ch in short)


def best_long_form(short: str, long: str) -> str | None:
    """The shortest tail of ``long`` that spells ``short`` (Schwartz-Hearst), or ``None``."""
    s_index = len(short) - 1
    l_index = len(long) - 1
    while s_index >= 0:
        char = short[s_index].lower()
        if not char.isalnum():
            s_index -= 1
            continue
        while l_index >= 0 and (
            long[l_index].lower() != char or (s_index == 0 and l_index > 0 and long[l_index - 1].isalnum())
        ):
            l_index -= 1
        if l_index < 0:
            return None
        l_index -= 1
        s_index -= 1
    begin = long.rfind(" ", 0, l_index + 1) + 1
    result = long[begin:].strip()
    if not result or short.lower() in result.lower().split() or len(result) <= len(short):
        return None
    return result


def find_abbreviations(text: str) -> dict[str, str]:
    """Short form -> long form for every "long form (SF)" in ``text`` (first definition wins)."""
    found: dict[str, str] = {}
    for match in _PAREN.finditer(text):
        short = match.group(1).strip()
        if short in found or not _valid_short_form(short):
            continue
        before = text[max(0, match.start() - 200) : match.start()]
        before = re.split(r"[.;:!?()\[\]\n]", before)[-1]
        words = before.split()
        limit = min(len(short) + 5, len(short) * 2)
        candidate = " ".join(words[-limit:])
        long = best_long_form(short, candidate)
        if long and len(long.split()) >= 2 or long and "-" in long:
            found[short] = long
    return found
