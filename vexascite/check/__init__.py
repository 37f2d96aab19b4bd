"""Check a manuscript's citations (pure): markers against the list, printed fields against
verified records, and retractions, expressions of concern and corrections.

The api layer gathers a :class:`ManuscriptInput`; :func:`check_manuscript` returns a
:class:`CheckReport`; :func:`render` turns it into text, JSON or GitHub annotations.
"""

from __future__ import annotations

from .citations import CitationMarker, ListedReference
from .fields import VerifiedRecord, compare_printed, page_range
from .findings import CheckReport, Finding, Kind, Severity
from .manuscript import ManuscriptInput, ReferenceList, check_manuscript
from .notices import Notice, crossref_updates
from .render import FORMATS, render

__all__ = [
    "FORMATS",
    "CheckReport",
    "CitationMarker",
    "Finding",
    "Kind",
    "ListedReference",
    "ManuscriptInput",
    "Notice",
    "ReferenceList",
    "Severity",
    "VerifiedRecord",
    "check_manuscript",
    "compare_printed",
    "crossref_updates",
    "page_range",
    "render",
]
