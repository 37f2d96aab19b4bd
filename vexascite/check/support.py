"""Does the cited work bear on the sentence that cites it? (pure)

The api layer measures, for each citation of a work that has an abstract, how well the
work's title, abstract and subject terms cover the citing sentence (``score``, 0 to 2:
the idf-weighted share of the sentence's terms the whole work holds, plus the share its
best sentence holds) and how it stands against the alternatives: its rank and score
margin in the whole library for the sentence, the best other work's support and the
sentence's terms that work holds and the cited one lacks, and the best other entry of the
same reference list (``features``, see :data:`vexascite.evidence.support.FEATURES`). This
module turns those measurements into findings, so the rule lives in one place.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from .findings import CheckReport, Finding, Kind, Severity

__all__ = ["MODEL_PATH", "CitationSupport", "apply_support", "support_findings", "unsupported_probability"]

#: The verdict's weights: a logistic model over the citation's measures, its decision
#: threshold and the support gap at which another list entry "fits clearly better". Made by
#: ``scripts/support_thresholds.py`` from pseudo-claims of a library's own abstracts (cited
#: rightly, at random, at the most similar abstract, and with swapped list entries), see
#: docs/evidence.md. No labelled claim was used to set them.
MODEL_PATH = Path(__file__).with_name("support_model.json")
#: How many of the library's best works for the sentence are measured against the cited one.
LIBRARY_DEPTH = 10


@cache
def _model() -> dict[str, Any]:
    return json.loads(MODEL_PATH.read_text(encoding="utf-8"))


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
    #: The measures the verdict is made from, by name (a missing one counts as 0).
    features: dict[str, float] = field(default_factory=dict)


def unsupported_probability(features: dict[str, float]) -> float:
    """The model's probability that the cited work does not bear on the sentence."""
    model = _model()
    z = model["bias"] + sum(w * float(features.get(name, 0.0)) for name, w in zip(model["features"], model["weights"], strict=True))
    return 1 / (1 + math.exp(-z))


def _better_entry(item: CitationSupport) -> bool:
    return item.alternative_score is not None and item.alternative_score >= item.score + _model()["clearly_better"]


def _unsupported(item: CitationSupport) -> bool:
    """The rule: the model's probability reaches its threshold."""
    return unsupported_probability(item.features) >= _model()["threshold"]


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
        better = _better_entry(item)
        quoted = f"; its best sentence: \"{item.evidence}\"" if item.evidence else ""
        findings.append(Finding(
            Kind.UNSUPPORTED_CITATION, Severity.WARNING,
            f"the cited work {item.reference} does not seem to bear on this sentence "
            f"(support {item.score:.2f} of 2{quoted})",
            line=item.line,
            reference=item.reference,
            suggestion=(f"did you mean {item.alternative}? it fits the sentence clearly better "
                        f"(support {item.alternative_score:.2f})") if better and item.alternative else None,
            source="abstract",
        ))
    return findings, {"checked": checked, "not_checked": list(unchecked)}


def apply_support(report: CheckReport, items: Iterable[CitationSupport]) -> CheckReport:
    """Add the support findings and counts to a report."""
    findings, summary = support_findings(items)
    report.findings += findings
    report.support = summary
    return report
