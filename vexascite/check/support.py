"""Does the cited work bear on the sentence that cites it? (pure)

The api layer measures, for each citation of a work that has an abstract, how well the
work's title, abstract and subject terms cover the citing sentence (``score``, 0 to 2:
the idf-weighted share of the sentence's terms the whole work holds, plus the share its
best sentence holds), where the work ranks for the sentence in the whole library, and
which other entry of the same reference list fits the sentence best, and how alike the
cited work and the library's first match are. This module turns those measurements into
findings, so the rule lives in one place.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .findings import CheckReport, Finding, Kind, Severity

__all__ = ["CitationSupport", "apply_support", "support_findings"]

# The thresholds below come from ``scripts/support_thresholds.py`` (pseudo-claims made from
# a library's own abstracts, cited rightly, at random, at the most similar abstract and with
# swapped list entries; grid search for the most recall at a precision of 0.97), see
# docs/evidence.md. No labelled claim was used to set them.

#: Below this the cited work shares almost none of the sentence's information.
LOW_SUPPORT = 0.5
#: A cited work that is not the library's best match for the sentence is taken not to bear
#: on it when its BM25F score is below this share of the best work's ...
RELATIVE_SCORE = 0.4
#: ... or the best of the library's top LIBRARY_DEPTH supports the sentence this much better ...
LIBRARY_GAP = 1.0
#: ... or another entry of the same list supports it this much better ("clearly better").
CLEARLY_BETTER = 0.6
#: A near error cites the twin of the right work: when the library's first match for the
#: sentence is this alike to the cited work (cosine of their latent vectors) ...
TWIN_COSINE = 0.7
#: ... a smaller gap than LIBRARY_GAP is enough.
TWIN_GAP = 0.7
#: How many of the library's best works for the sentence are measured against the cited one.
LIBRARY_DEPTH = 10


@dataclass(slots=True)
class CitationSupport:
    """One citation of a work, measured against its citing sentence."""

    line: int | None
    reference: str
    sentence: str
    checked: bool
    score: float = 0.0
    library_rank: int | None = None
    evidence: str | None = None
    alternative: str | None = None
    alternative_score: float | None = None
    library_best: float | None = None
    #: The cited work's BM25F score over the library's best for the sentence (0..1).
    relative: float | None = None
    #: The library's first match when it is not the cited work: its name (the list's
    #: number or key when the list holds it, else its library key), whether the list holds
    #: it, its support, and the cosine of its latent vector with the cited work's.
    first: str | None = None
    first_listed: bool = False
    first_score: float | None = None
    twin_cosine: float | None = None


def _better_entry(item: CitationSupport) -> bool:
    return item.alternative_score is not None and item.alternative_score >= item.score + CLEARLY_BETTER


def _twin(item: CitationSupport) -> bool:
    """Beaten, by a smaller gap, by a look-alike of the cited work: the wrong one of two twins."""
    return (item.library_rank != 1 and item.twin_cosine is not None and item.twin_cosine >= TWIN_COSINE
            and item.library_best is not None and item.library_best >= item.score + TWIN_GAP)


def _unsupported(item: CitationSupport) -> bool:
    """The rule: too little support, or not the library's best match for the sentence and
    clearly beaten by it (word match or support), by a twin of the cited work, or by
    another entry of the list (the one-number-off error)."""
    if item.score < LOW_SUPPORT:
        return True
    if item.library_rank == 1:
        return False
    outscored = item.relative is not None and item.relative < RELATIVE_SCORE
    beaten = item.library_best is not None and item.library_best >= item.score + LIBRARY_GAP
    return outscored or beaten or _twin(item) or _better_entry(item)


def _suggestion(item: CitationSupport) -> str | None:
    """Name a list entry that fits clearly better; else, when the cited work's twin fits
    better, name the twin (as the list names it, or by its library key)."""
    if _better_entry(item) and item.alternative:
        return (f"did you mean {item.alternative}? it fits the sentence clearly better "
                f"(support {item.alternative_score:.2f})")
    if not _twin(item) or not item.first:
        return None
    support = f" (support {item.first_score:.2f})" if item.first_score is not None else ""
    if item.first_listed:
        return f"did you mean {item.first}? a work much like the cited one that fits the sentence better{support}"
    return (f"the library holds a work much like the cited one that fits the sentence better: "
            f"{item.first}{support}")


def support_findings(items: Iterable[CitationSupport]) -> tuple[list[Finding], dict[str, Any]]:
    """``unsupported-citation`` warnings, and what was and was not measured: citations of
    works with no abstract get no verdict and are listed as not checked."""
    findings: list[Finding] = []
    checked = 0
    unchecked: dict[str, None] = {}
    for item in items:
        if not item.checked:
            unchecked[item.reference] = None
            continue
        checked += 1
        if not _unsupported(item):
            continue
        quoted = f"; its best sentence: \"{item.evidence}\"" if item.evidence else ""
        findings.append(Finding(
            Kind.UNSUPPORTED_CITATION, Severity.WARNING,
            f"the cited work {item.reference} does not seem to bear on this sentence "
            f"(support {item.score:.2f} of 2{quoted})",
            line=item.line,
            reference=item.reference,
            suggestion=_suggestion(item),
            source="abstract",
        ))
    return findings, {"checked": checked, "not_checked": list(unchecked)}


def apply_support(report: CheckReport, items: Iterable[CitationSupport]) -> CheckReport:
    """Add the support findings and counts to a report."""
    findings, summary = support_findings(items)
    report.findings += findings
    report.support = summary
    return report
