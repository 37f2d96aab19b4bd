"""Subject terms (MeSH headings, keywords) as one CSL ``keyword`` value.

MEDLINE writes a heading with its qualifiers and major-topic stars
("Arthritis, Rheumatoid/*drug therapy"); the descriptor is the subject, so qualifiers and
stars are dropped. Headings hold commas, so terms are joined with "; ".
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["subject_keyword"]


def subject_keyword(headings: Iterable[str]) -> str | None:
    """The descriptors of ``headings``, each once, in order, joined by "; " (or ``None``)."""
    terms = []
    for heading in headings:
        descriptor = heading.split("/", 1)[0].strip().lstrip("*").strip()
        if descriptor:
            terms.append(descriptor)
    unique = list(dict.fromkeys(terms))
    return "; ".join(unique) if unique else None
