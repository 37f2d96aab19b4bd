"""Split an author (or editor) span into CSL names: Vancouver, APA, IEEE and full names.

``Arnold DM, Nazy I, et al; VAESCO consortium`` gives two persons, a flag for the cut
list and a group author; ``Ostrander, K. L., & Welby, M.`` gives two persons;
``C. E. Clayton, C. Joshi, and D. Umstadter`` gives three.
"""

from __future__ import annotations

import re
from typing import Any

from ..csl import PARTICLE_WORDS, looks_like_group

UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_ET_AL = re.compile(r"(?:,\s*|\s+)(?:et\.?\s*al\b\.?|and\s+others\b|et\s+coll\b\.?|u\.\s*a\.|\.\.\.|…)", re.IGNORECASE)
_INITIALS = re.compile(rf"^(?:[{UPPER}](?:[a-z]{{1,2}})?\.?[\s\-‐]*){{1,5}}$")
_BARE_INITIALS = re.compile(rf"^[{UPPER}]{{1,4}}$")
_SUFFIX = re.compile(r"^(?:Jr|Sr|II|III|IV|2nd|3rd)\.?$")
_EDITOR_MARK = re.compile(r"\s*\((?:eds?|editors?|hrsg|comps?)\.?\)\s*", re.IGNORECASE)
_EDITOR_TAIL = re.compile(r",?\s*(?:eds?|editors?)\.?\s*$", re.IGNORECASE)
_IN_PREFIX = re.compile(r"^in\s*:\s*|^in\s+(?=[A-Z])", re.IGNORECASE)
_CONJUNCTION = re.compile(r"\s*(?:,\s*)?(?:\band\b|&|\bund\b|\bet\b|\by\b)\s+")
#: Where a given-name-first name's family name starts (``Ludwig van Beethoven``, ``Khalid bin Walid``):
#: the particles, and Arabic and other prefixes the patterns leave out (``al`` there would read ``et al``).
_PARTICLES = frozenset(PARTICLE_WORDS) | {"al", "el", "bin", "ibn", "st", "mac"}


_INITIAL_WORD = re.compile(rf"^[{UPPER}](?:[.\-‐]{{0,2}}[{UPPER}]){{0,3}}\.?$|^[{UPPER}][a-z]\.$")


def _person(part: str) -> dict[str, Any] | None:
    part = part.strip(" ,;:")
    if part.endswith(".") and not _INITIAL_WORD.match(part.split()[-1]):
        part = part[:-1]
    if not part:
        return None
    words = part.split()
    if len(words) == 1:
        return {"family": words[0].rstrip(".")}
    suffix = None
    if _SUFFIX.match(words[-1]) and len(words) > 2:
        suffix = words.pop()
    lead = 0
    while lead < len(words) - 1 and _INITIAL_WORD.match(words[lead]) and (lead or "." in words[lead] or len(words[lead]) == 1):
        lead += 1
    trail = len(words)
    while trail > 1 and _INITIAL_WORD.match(words[trail - 1]):
        trail -= 1
    if lead and lead < len(words) and trail == len(words):
        # IEEE / Nature: "C. E. Clayton", "J.-P. Sartre".
        name = {"family": " ".join(words[lead:]), "given": " ".join(words[:lead])}
    elif trail < len(words) and trail >= 1:
        # Vancouver and APA-like: "Von Drygalski A", "Pasolli H. A.", "Wu Y-W".
        given = " ".join(words[trail:])
        name = {"family": " ".join(words[:trail]), "given": given.rstrip(".") if "." not in given[:-1] else given}
    else:
        # "John Smith", "Ludwig van Beethoven": the family name starts at a particle or is the last word.
        start = len(words) - 1
        for index in range(1, len(words) - 1):
            if words[index].lower() in _PARTICLES:
                start = index
                break
        name = {"family": " ".join(words[start:]), "given": " ".join(words[:start])}
    if suffix:
        name["suffix"] = suffix
    return name


def parse_names(text: str) -> tuple[list[dict[str, Any]], bool]:
    """Return (names, et_al) for an author span; organisations come as ``{"literal": ...}``."""
    text = text.strip().strip(",;:").strip()
    text = _IN_PREFIX.sub("", text)
    if text.endswith(".") and not re.search(rf"(?:^|[\s.\-]){'['}{UPPER}{']'}\.$", text):
        text = text[:-1]
    if "ed" in text or "Ed" in text or "hrsg" in text.lower():
        text = _EDITOR_MARK.sub(" ", text)
        text = _EDITOR_TAIL.sub("", text)
    et_al = False
    group: str | None = None
    match = _ET_AL.search(text)
    if match:
        et_al = True
        after = text[match.end() :].strip(" ,;.")
        ellipsis = match.group(0).strip(" ,") in ("...", "…")
        text = text[: match.start()]
        if after and ellipsis:
            # APA 7: "A, B, ... Z": the list is cut in the middle, the last author is a person.
            text = f"{text}, {after.lstrip('&').strip()}"
        elif after:
            group = after
    elif ";" in text:
        head, _, after = text.rpartition(";")
        if looks_like_group(after) and not re.search(r"[,]", after):
            text, group = head, after.strip(" .")
    names: list[dict[str, Any]] = []
    text = _CONJUNCTION.sub(", ", text)
    if not text.strip():
        parts: list[str] = []
    elif ";" in text:
        parts = [p for p in text.split(";") if p.strip()]
        parts = [_swap_comma(p) for p in parts]
    else:
        parts = _pair_commas([p.strip() for p in text.split(",") if p.strip()])
    if len(parts) == 1 and looks_like_group(parts[0]) and not re.search(rf"\b[{UPPER}]{{1,3}}\b\.?$", parts[0]):
        names.append({"literal": parts[0].strip(" .")})
        parts = []
    for part in parts:
        if len(part.split()) >= 3 and looks_like_group(part) and not re.search(rf"\b[{UPPER}]{{1,3}}\.?$", part.strip()):
            names.append({"literal": part.strip(" .")})
            continue
        person = _person(part)
        if person:
            names.append(person)
    if group:
        names.append({"literal": group})
    return names, et_al


def _swap_comma(part: str) -> str:
    """``Smith, J.`` -> ``J. Smith`` so :func:`_person` reads it as given + family."""
    if "," in part:
        family, _, given = part.partition(",")
        return f"{given.strip()} {family.strip()}" if given.strip() else family
    return part


def _pair_commas(parts: list[str]) -> list[str]:
    """Join "Family, Initials" pairs split by the comma split (APA, Chicago, Harvard)."""
    if len(parts) < 2:
        return parts
    out: list[str] = []
    index = 0
    if " " not in parts[0] and _given_like(parts[1]) and len(parts) > 2 and " " in parts[2].strip():
        # Chicago: "Beck, David B., Marcela A. Ferrada, and Keith A. Sikora" (first name inverted only).
        out.append(f"{parts[1]} {parts[0]}")
        index = 2
    while index < len(parts):
        part = parts[index]
        nxt = parts[index + 1] if index + 1 < len(parts) else None
        if nxt is not None and " " not in part.strip() and (_INITIALS.match(nxt) or (_given_like(nxt) and _comma_style(parts))):
            out.append(f"{nxt} {part}" if not _BARE_INITIALS.match(nxt) else f"{part} {nxt}")
            index += 2
            continue
        out.append(part)
        index += 1
    return out


def _given_like(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 3 and all(w[:1].isupper() for w in words)


def _comma_style(parts: list[str]) -> bool:
    """Whether most comma parts are single words (so they pair as family, given)."""
    single = sum(1 for p in parts if " " not in p.strip())
    return single >= len(parts) / 2
