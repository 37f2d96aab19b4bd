"""Citing sentences of manuscripts and the markers in them (pure: no store, no network).

:func:`extract_claims` reads a manuscript's text into claims (sentences with citation
markers and the clause each supports); :mod:`.resolution` decides which numbered-list
entry or library work a marker points at, from plain data the caller supplies.
"""

from .claims import Claim, ClaimMarker, Extraction, clean_claim_text, extract_claims
from .documents import Manuscript, read_manuscript
from .markers import Marker, Target, expand_numbers, find_markers
from .sentences import Sentence, split_sentences

__all__ = [
    "Claim",
    "ClaimMarker",
    "Extraction",
    "Manuscript",
    "Marker",
    "Sentence",
    "Target",
    "clean_claim_text",
    "expand_numbers",
    "extract_claims",
    "find_markers",
    "read_manuscript",
    "split_sentences",
]
