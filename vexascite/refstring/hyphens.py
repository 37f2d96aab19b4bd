"""Whether a hyphen that ends a line is part of the word (``adult-`` / ``onset`` is ``adult-onset``)
or only the typesetter's hyphenation (``Endo-`` / ``scopic`` is ``Endoscopic``) (pure).

Nothing in the text says which it is, so the rule reads what the document itself shows, then
what a hyphenator never does; otherwise the hyphen is the typesetter's and the word is joined,
as before:

1. the document writes the compound whole on one line elsewhere (``meta-analysis``) and never
   the joined word (``metaanalysis``): the hyphen is kept;
2. a hyphenator leaves two letters or more before its hyphen (TeX's ``\\lefthyphenmin``, CSS
   ``hyphens: auto``), and it does not break inside a code or an abbreviation: after one letter
   (``T-`` / ``cell``, ``X-`` / ``linked``), or a part holding a digit or, after its first letter,
   as many capitals as lower-case letters (``JAK-`` / ``mediated``, ``mRNA-`` / ``based``, ``ACh-`` /
   ``binding``), the hyphen is kept (a name, ``Ka-`` / ``kudo``, or one in camel case, ``MatInspec-`` /
   ``tor``, is hyphenated as a word).

Both halves being words the document uses on their own is no evidence: hyphenators break words
at their parts (``with-`` / ``out``, ``some-`` / ``times``, ``path-`` / ``way``). A small word list
would not know the document's own compounds (``relapse-free``) and a large one is not shipped.
"""

from __future__ import annotations

import re
from functools import cached_property

__all__ = ["Compounds", "keeps_hyphen"]

#: A compound written whole on one line: letters, a hyphen, letters (the halves' letters only).
_COMPOUND = re.compile(r"(?<![^\W\d_])([^\W\d_]+)[-\u2010]([^\W\d_]+)")
#: Words: runs of letters.
_WORD = re.compile(r"[^\W\d_]+")
#: The part of a word before a hyphen that ends a line: letters and digits.
_LEFT = re.compile(r"[^\W_]+$")
_RIGHT = re.compile(r"^[^\W\d_]+")


class Compounds:
    """The hyphenated compounds a text writes whole on one line and the words it writes, lower-cased,
    read when first asked about."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def hyphenated(self) -> frozenset[str]:
        return frozenset(f"{m.group(1)}-{m.group(2)}".casefold() for m in _COMPOUND.finditer(self.text))

    @cached_property
    def words(self) -> frozenset[str]:
        return frozenset(word.casefold() for word in _WORD.findall(self.text))


def keeps_hyphen(before: str, after: str, compounds: Compounds | None = None) -> bool:
    """Whether the hyphen that ends ``before`` (a line, or what was joined of an entry so far) stays
    when ``after`` (the next line) is joined on: see the module docstring. ``compounds`` are what
    the document shows (none: only the hyphenator's rules)."""
    left = _LEFT.search(before.rstrip()[:-1])
    right = _RIGHT.match(after.lstrip())
    if left is None or right is None:
        return False
    part = left.group(0)
    capitals = sum(ch.isupper() for ch in part[1:])  # (after the first letter: a capital opens a name or a sentence)
    if len(part) == 1 or any(ch.isdigit() for ch in part) or capitals and capitals * 2 >= len(part) - 1:
        return True
    if compounds is None:
        return False
    return f"{part}-{right.group(0)}".casefold() in compounds.hyphenated and f"{part}{right.group(0)}".casefold() not in compounds.words
