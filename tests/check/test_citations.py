"""Markers against the list: dangling, unused, order of first citation, duplicates."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from vexascite.check.citations import (
    CitationMarker,
    ListedReference,
    citation_order,
    dangling_markers,
    duplicate_references,
    first_citation_order,
    unused_references,
)
from vexascite.check.fields import VerifiedRecord
from vexascite.check.findings import Kind, Severity


def numbered(count: int, list_label: str = "refs") -> list[ListedReference]:
    return [ListedReference(str(n), line=100 + n, number=n, list_label=list_label) for n in range(1, count + 1)]


def marker(line: int, *labels: int | str) -> CitationMarker:
    return CitationMarker(line, "[" + ",".join(map(str, labels)) + "]", [str(x) for x in labels], "refs")


def test_number_beyond_the_list_is_dangling():
    findings = dangling_markers([marker(3, 1, 2), marker(5, 7)], numbered(3))
    assert [(f.kind, f.severity, f.line, f.reference) for f in findings] == [(Kind.DANGLING_MARKER, Severity.ERROR, 5, "7")]
    assert "the list has 3 references" in findings[0].message


def test_markers_within_the_list_are_not_dangling():
    assert dangling_markers([marker(3, 1, 2), marker(5, 3)], numbered(3)) == []


def test_unknown_key_is_dangling_with_a_guess():
    refs = [ListedReference("beck2020", list_label="refs"), ListedReference("heiblig2022", list_label="refs")]
    findings = dangling_markers([marker(2, "beck2002"), marker(4, "heiblig2022")], refs)
    assert [(f.line, f.reference) for f in findings] == [(2, "beck2002")]
    assert "did you mean 'beck2020'" in (findings[0].suggestion or "")


def test_an_author_year_guess_names_the_same_author():
    refs = [ListedReference(label, list_label="refs") for label in ("Beck et al. 2020", "Obiorah et al. 2021", "Lee et al. 2021a")]
    findings = dangling_markers([marker(2, "Smith 2020"), marker(3, "Lee 2021"), marker(4, "Bek et al. 2020")], refs)
    # another author of the same year is no guess ("Smith 2020": not 'Beck et al. 2020')
    assert [f.suggestion for f in findings] == [
        "add an entry with key 'Smith 2020' or correct the marker",
        "did you mean 'Lee et al. 2021a'?",
        "did you mean 'Beck et al. 2020'?",
    ]


def test_uncited_reference_is_reported_at_its_line():
    findings = unused_references([marker(1, 1), marker(2, 3)], numbered(3))
    assert [(f.kind, f.line, f.reference) for f in findings] == [(Kind.UNUSED_REFERENCE, 102, "2")]


def test_every_reference_cited_means_none_unused():
    assert unused_references([marker(1, 1, 2), marker(2, 3)], numbered(3)) == []


def test_out_of_order_first_citation():
    markers = [marker(1, 1, 2), marker(2, 5), marker(3, 3, 4), marker(4, 2)]
    findings = citation_order(markers, numbered(5))
    assert [(f.kind, f.line, f.reference, f.expected) for f in findings] == [(Kind.CITATION_ORDER, 2, "5", "3")]
    assert "5\u21923, 3\u21924, 4\u21925" in (findings[0].suggestion or "")


def test_two_swapped_numbers_name_the_swap_and_not_the_references_between():
    # 2 and 5 swapped: 3 and 4 are first cited while 2 is still uncited, but keep their numbers
    markers = [marker(1, 1), marker(2, 5), marker(3, 3), marker(4, 4), marker(5, 2)]
    findings = citation_order(markers, numbered(5))
    assert [(f.line, f.reference, f.expected) for f in findings] == [(2, "5", "2")]
    assert findings[0].suggestion == "renumber in order of first citation: 5\u21922, 2\u21925"


def test_in_order_with_repeats_and_groups_passes():
    markers = [marker(1, 1, 2), marker(2, 3, 4), marker(3, 2, 5), marker(4, 2), marker(5, 6)]
    assert citation_order(markers, numbered(6)) == []


def test_uncited_reference_does_not_also_break_the_order():
    # 3 is never cited: that is an unused reference, not an order problem for 4
    assert citation_order([marker(1, 1), marker(2, 2), marker(3, 4)], numbered(4)) == []


@given(st.lists(st.lists(st.integers(1, 30), min_size=1, max_size=4), max_size=30))
def test_renumbering_by_first_citation_always_passes(groups):
    """Whatever the citing pattern, numbering by first citation satisfies the rule."""
    markers = [marker(i + 1, *g) for i, g in enumerate(groups)]
    order = first_citation_order(markers)
    rank = {old: new for new, old in enumerate(order, start=1)}
    renumbered = [marker(m.line or 0, *[rank[int(x)] for x in m.labels]) for m in markers]
    assert citation_order(renumbered, numbered(len(order))) == []


def test_same_doi_listed_twice():
    refs = numbered(3)
    refs[0].printed = {"DOI": "10.1056/NEJMoa2026834", "title": "Somatic mutations"}
    refs[2].records = [VerifiedRecord("crossref", {"DOI": "10.1056/nejmoa2026834"})]
    findings = duplicate_references(refs)
    assert [(f.kind, f.line, f.reference) for f in findings] == [(Kind.DUPLICATE_REFERENCE, 103, "3")]
    assert "same work as reference 1" in findings[0].message


def test_same_title_author_year_listed_twice_and_distinct_works_pass():
    work = {"title": "Translating JAKs to jakinibs", "author": [{"family": "Gadina"}], "issued": {"date-parts": [[2020]]}}
    refs = numbered(3)
    refs[0].printed, refs[1].printed = work, {**work, "title": "Translating JAKs to Jakinibs."}
    refs[2].printed = {**work, "title": "Another title entirely"}
    assert [f.reference for f in duplicate_references(refs)] == ["2"]
    refs[1].printed = {**work, "title": "A different paper on JAKs"}
    assert duplicate_references(refs) == []


def test_same_library_work_listed_twice():
    refs = numbered(2)
    refs[0].work_id = refs[1].work_id = 7
    assert [f.reference for f in duplicate_references(refs)] == ["2"]


def test_a_latex_marker_is_quoted_as_written_and_controls_stay_escaped():
    refs = [ListedReference("beck2020", list_label="refs")]
    latex = CitationMarker(4, "\\cite{nokey}", ["nokey"], "refs")
    controlled = CitationMarker(5, "[@x\x1b[2J]", ["x\x1b[2J"], "refs")
    first, second = dangling_markers([latex, controlled], refs)
    assert first.message.startswith("marker '\\cite{nokey}' cites 'nokey'")
    assert "\x1b" not in second.message and "\\x1b[2J" in second.message


def test_backward_ranges_name_the_marker_and_its_fix() -> None:
    from vexascite.check.citations import CitationMarker, backward_ranges

    markers = [
        CitationMarker(3, "[7–3, 9]", ["3", "4", "5", "6", "7", "9"], backward=True),
        CitationMarker(4, "[3–7]", ["3", "4", "5", "6", "7"]),
    ]
    (finding,) = backward_ranges(markers)
    assert (finding.kind, finding.line, finding.printed, finding.expected) == ("backward-range", 3, "[7–3, 9]", "[3–7, 9]")
    assert finding.suggestion == "write it '[3–7, 9]'"
