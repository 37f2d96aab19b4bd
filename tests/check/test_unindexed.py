"""Not found is expected for web pages, news items and conference abstracts: said so,
not called possibly fabricated."""

from __future__ import annotations

import pytest

from vexascite.check.citations import ListedReference
from vexascite.check.findings import Severity
from vexascite.check.manuscript import status_findings, unindexed_kind
from vexascite.refstring import parse_reference


def listed(raw: str) -> ListedReference:
    return ListedReference(label="1", line=10, raw=raw, printed=parse_reference(raw), status="not-found",
                           status_message="no candidate fits")


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("Smith J, Doe A. Outcomes of VEXAS with azacitidine. Blood. 2021;138(Suppl 1):2601. Abstract.", "conference abstract"),
        ("Lee M, Kim S. VEXAS in Korea. Presented at: EULAR Congress 2023; June 2023; Milan, Italy.", "conference abstract"),
        ("Brown T. New syndrome found in older men. The New York Times. October 28, 2020. Accessed January 2, 2021. "
         "https://www.nytimes.com/2020/10/28/health/vexas.html", "news item"),
        ("National Institutes of Health. VEXAS syndrome fact sheet [Internet]. Bethesda (MD): NIH; 2022 "
         "[cited 2023 Jan 5]. Available from: https://www.nih.gov/vexas", "web page or document"),
    ],
)
def test_expected_not_found_kinds(raw: str, kind: str) -> None:
    ref = listed(raw)
    assert unindexed_kind(ref) == kind
    [finding] = status_findings(ref)
    assert finding.severity == Severity.INFO
    assert "fabricated" not in finding.message and f"as expected for a {kind}" in finding.message


def test_a_journal_article_nobody_knows_may_still_be_fabricated() -> None:
    ref = listed("Nobody A, Noone B. A study that no index holds. J Imaginary Res. 2011;12:345-50.")
    assert unindexed_kind(ref) is None
    [finding] = status_findings(ref)
    assert finding.severity == Severity.ERROR and "may be fabricated" in finding.message
