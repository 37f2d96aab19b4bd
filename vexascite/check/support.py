"""Does the cited work bear on the sentence that cites it? (pure)

The api layer measures, for each citation of a work that has an abstract, how well the
work's title, abstract and subject terms cover the citing sentence (``score``, 0 to 2:
the idf-weighted share of the sentence's terms the whole work holds, plus the share its
best sentence holds), where the work ranks for the sentence in the whole library, and
which other entry of the same reference list fits the sentence best, and how the cited
work compares with its rival, the library's best other match (:class:`Rival`). This module
turns those measurements into findings with a small learned verdict, so the rule lives in
one place.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .findings import CheckReport, Finding, Kind, Severity

__all__ = ["FEATURES", "CitationSupport", "Rival", "Verdict", "apply_support", "features", "support_findings", "verdict"]

# Whether a citation is wrong is decided by a small learned verdict (``support_model.json``,
# a logistic regression over ``FEATURES`` fitted by ``scripts/support_model.py`` on
# pseudo-claims made from a library's own abstracts, cited rightly, at random, at the most
# similar abstract and with swapped list entries; its threshold gives the most recall at a
# precision of 0.97), see docs/evidence.md. No labelled claim was used to fit it.

#: Another entry of the same list that supports the sentence this much better is named in
#: the finding ("clearly better": the one-number-off error), and the citation is flagged
#: whatever the verdict says.
CLEARLY_BETTER = 0.6
#: The library's first match is named as the work meant when it supports the sentence better
#: and is this alike to the cited work (cosine of their latent vectors): a twin.
TWIN_COSINE = 0.7
#: How many of the library's best works for the sentence are measured against the cited one.
LIBRARY_DEPTH = 10


@dataclass(frozen=True, slots=True)
class Rival:
    """The cited work against its rival, the library's best match for the sentence other
    than the cited work: the rival's support (0..2), the share of the sentence's
    idf-weighted terms that the rival's best sentence holds and the cited work lacks
    entirely (and the other way round), the share of the sentence's rarest terms each
    holds, the cosine of the sentence's latent vector with each, and of their two vectors,
    and 1 / the cited work's place among the rival's look-alikes (0: not among them)."""

    rival_score: float = 0.0
    rival_only: float = 0.0
    cited_only: float = 0.0
    rare_cited: float = 0.0
    rare_rival: float = 0.0
    cosine_cited: float = 0.0
    cosine_rival: float = 0.0
    twin_cosine: float = 0.0
    lookalike: float = 0.0


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
    #: The cited work against the library's best other match (``None``: the library holds no other).
    rival: Rival | None = None


#: What the learned verdict reads of a citation, in the order of its weights.
FEATURES = (
    "score", "outranked", "unranked", "relative", "library_gap", "entry_gap", "rival_gap", "rival_only",
    "cited_only", "rare_cited", "rare_gap", "cosine_cited", "cosine_gap", "twin", "twin_x_rival_gap",
    "outranked_x_rival_only", "lookalike", "outranked_x_lookalike",
)


def features(item: CitationSupport) -> list[float]:
    """The citation's measurements as the numbers of ``FEATURES`` (missing ones as "no evidence")."""
    rival = item.rival or Rival()
    rival_gap = rival.rival_score - item.score
    outranked = float(item.library_rank != 1)
    entry = -1.0 if item.alternative_score is None else min(2.0, max(-1.0, item.alternative_score - item.score))
    return [
        item.score, outranked, float(item.library_rank is None), item.relative if item.relative is not None else 0.0,
        0.0 if item.library_best is None else item.library_best - item.score, entry, rival_gap, rival.rival_only,
        rival.cited_only, rival.rare_cited, rival.rare_rival - rival.rare_cited, rival.cosine_cited,
        rival.cosine_rival - rival.cosine_cited, rival.twin_cosine, rival.twin_cosine * max(0.0, rival_gap),
        outranked * rival.rival_only, rival.lookalike, outranked * rival.lookalike,
    ]


@dataclass(frozen=True, slots=True)
class Verdict:
    """The shipped model: feature means and scales, weights, bias and threshold on the log-odds."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float


@lru_cache(maxsize=1)
def _model() -> Verdict:
    """``support_model.json``, shipped with the package (an install without it, or with one
    made for other features, is broken: say so rather than judge citations some other way)."""
    data = json.loads(resources.files(__package__).joinpath("support_model.json").read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError("support_model.json was fitted on other features: rerun scripts/support_model.py")
    return Verdict(tuple(data["mean"]), tuple(data["scale"]), tuple(data["weights"]), float(data["bias"]),
                   float(data["threshold"]))


def verdict(item: CitationSupport) -> float:
    """The learned log-odds that the citation is wrong, minus the model's threshold (flag at 0 or above)."""
    model = _model()
    z = model.bias + sum(w * (x - m) / s for x, m, s, w in
                         zip(features(item), model.mean, model.scale, model.weights, strict=True))
    return z - model.threshold


def _better_entry(item: CitationSupport) -> bool:
    return item.alternative_score is not None and item.alternative_score >= item.score + CLEARLY_BETTER


def _twin(item: CitationSupport) -> bool:
    """The library's first match is a look-alike of the cited work that supports the sentence better."""
    return (item.library_rank != 1 and item.twin_cosine is not None and item.twin_cosine >= TWIN_COSINE
            and item.first_score is not None and item.first_score > item.score)


def _unsupported(item: CitationSupport) -> bool:
    """The rule: the learned verdict says the cited work does not bear on the sentence, or
    another entry of the list fits it clearly better (the one-number-off error)."""
    return verdict(item) >= 0 or _better_entry(item)


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
