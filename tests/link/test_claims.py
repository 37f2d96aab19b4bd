"""The clause each marker of a claim supports (vexascite.link.claims)."""

from __future__ import annotations

from vexascite.link import extract_claims

STATEMENT = "ruxolitinib does better than other JAK inhibitors"


def supported(document: str) -> list[list[tuple[str, str]]]:
    return [[(m.marker.text, m.clause) for m in claim.markers] for claim in extract_claims(document).claims]


def test_a_narrative_citation_supports_its_whole_sentence() -> None:
    document = (
        "Results\n\n"
        f"As @heiblig2022 showed, {STATEMENT}.\n"
        f"As Heiblig et al. (2022) showed, {STATEMENT}.\n"
        f"In a retrospective study, \\citet{{heiblig2022}} found that {STATEMENT}.\n"
    )
    clauses = supported(document)
    assert clauses == [
        [("@heiblig2022", f"As heiblig2022 showed, {STATEMENT}.")],
        [("Heiblig et al. (2022)", f"As Heiblig et al. showed, {STATEMENT}.")],
        [("\\citet{heiblig2022}", f"In a retrospective study, heiblig2022 found that {STATEMENT}.")],
    ]


def test_parenthetical_markers_still_support_the_clause_before_them() -> None:
    document = f"Results\n\nThrombosis is frequent [1], but {STATEMENT} [2].\n"
    assert supported(document) == [[("[1]", "Thrombosis is frequent"), ("[2]", f"but {STATEMENT}")]]
