"""The merge: best value per field, order-independent, never poorer than its best input."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from vexascite.merge import (
    SERVICE_SOURCES,
    abbreviates,
    all_caps,
    date_quality,
    looks_abbreviated,
    merge_detail,
    merge_records,
    names_quality,
    page_quality,
    source_rank,
)

TRUTH: dict[str, Any] = {
    "type": "article-journal",
    "title": "Somatic mutations in UBA1 and severe adult-onset autoinflammatory disease",
    "author": [
        {"family": "Beck", "given": "David B."},
        {"family": "Ferrada", "given": "Marcela A."},
        {"family": "Sikora", "given": "Keith A."},
        {"family": "Mékinian", "given": "Arsène"},
    ],
    "container-title": "New England Journal of Medicine",
    "issued": {"date-parts": [[2020, 12, 31]]},
    "volume": "383",
    "issue": "27",
    "page": "2628-2638",
    "DOI": "10.5555/vexas.merge.1",
}

SOURCES = ["crossref", "pubmed", "doi.org", "bibtex", "ris", "csl-json", "identifier", "text"]


def _initials(given: str) -> str:
    return " ".join(part[0] + "." for part in given.replace(".", " ").split())


@st.composite
def poorer_record(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    """A record of the same work as some source might state it: fields missing, names
    cut to initials or family names, the list cut, a first page only, ALL CAPS."""
    record: dict[str, Any] = {}
    for name, value in TRUTH.items():
        if draw(st.booleans()):
            continue
        if name == "title" and draw(st.booleans()):
            value = value.upper()
        elif name == "author":
            people = []
            for person in value:
                form = draw(st.sampled_from(["full", "initials", "family", "caps"]))
                if form == "initials":
                    person = {"family": person["family"], "given": _initials(person["given"])}
                elif form == "family":
                    person = {"family": person["family"]}
                elif form == "caps":
                    person = {"family": person["family"].upper(), "given": _initials(person["given"]).upper()}
                people.append(person)
            cut = draw(st.integers(min_value=1, max_value=len(people)))
            if cut < len(people):
                people = people[:cut]
                record["et-al"] = True
            value = people
        elif name == "page" and draw(st.booleans()):
            value = "2628"
        elif name == "issued" and draw(st.booleans()):
            value = {"date-parts": [[2020]]}
        elif name == "container-title":
            value = draw(st.sampled_from([value, "N Engl J Med", "N. Engl. J. Med.", value.upper()]))
        record[name] = value
    return draw(st.sampled_from(SOURCES)), record


def _caps_rank(value: Any) -> int:
    return 0 if all_caps(value) else 1


def _author_quality(records: list[tuple[str, dict[str, Any]]], merged: dict[str, Any]) -> tuple[Any, Any]:
    best = max((names_quality(r["author"], bool(r.get("et-al"))) for _, r in records if r.get("author")), default=None)
    got = names_quality(merged["author"], bool(merged.get("et-al"))) if "author" in merged else None
    return best, got


@settings(max_examples=150, deadline=None)
@given(st.lists(poorer_record(), min_size=1, max_size=5), st.randoms())
def test_merging_is_order_independent_and_never_poorer_than_the_best_input(
    records: list[tuple[str, dict[str, Any]]], rnd: Any
) -> None:
    merged, provenance = merge_records(records)
    shuffled = list(records)
    rnd.shuffle(shuffled)
    again, again_provenance = merge_records(shuffled)
    assert again == merged
    assert again_provenance == provenance
    for name in TRUTH:
        stated = [r[name] for _, r in records if name in r]
        assert (name in merged) == bool(stated), name
    if any("title" in r for _, r in records):
        assert _caps_rank(merged["title"]) == max(_caps_rank(r["title"]) for _, r in records if "title" in r)
    if any("page" in r for _, r in records):
        assert page_quality(merged["page"]) == max(page_quality(r["page"]) for _, r in records if "page" in r)
    if any("issued" in r for _, r in records):
        assert date_quality(merged["issued"]) == max(date_quality(r["issued"]) for _, r in records if "issued" in r)
    best, got = _author_quality(records, merged)
    assert got is None or got >= best
    journals = [r["container-title"] for _, r in records if "container-title" in r]
    if any(not looks_abbreviated(j) for j in journals):
        assert not looks_abbreviated(merged["container-title"])
        if any(not looks_abbreviated(j) and not all_caps(j) for j in journals):
            assert not all_caps(merged["container-title"])
    if any(looks_abbreviated(j) for j in journals) and any(not looks_abbreviated(j) for j in journals):
        assert looks_abbreviated(merged["container-title-short"])


def test_rich_import_keeps_its_values_against_a_poorer_service_record() -> None:
    rich = ("bibtex", {**TRUTH, "container-title": "N Engl J Med", "DOI": None})
    poor = ("crossref", {
        "type": "article-journal", "title": TRUTH["title"].upper(), "author": [{"family": "Beck"}, {"family": "Ferrada"}],
        "page": "2628", "container-title": "New England Journal of Medicine", "DOI": "10.5555/vexas.merge.1",
        "issued": {"date-parts": [[2020]]}, "volume": "383",
    })
    merged, provenance = merge_records([poor, rich])
    assert merged["title"] == TRUTH["title"]
    assert merged["author"] == TRUTH["author"]
    assert merged["page"] == "2628-2638"
    assert merged["container-title"] == "New England Journal of Medicine"
    assert merged["container-title-short"] == "N Engl J Med"
    assert merged["DOI"] == "10.5555/vexas.merge.1" and provenance["DOI"] == "crossref"
    assert merged["issued"] == {"date-parts": [[2020, 12, 31]]}


def test_given_names_are_completed_person_by_person_from_a_cut_list() -> None:
    cut = ("bibtex", {"author": [{"family": "Beck", "given": "David B."}], "et-al": True})
    complete = ("crossref", {"author": [{"family": "BECK", "given": "D"}, {"family": "Ferrada", "given": "M"}]})
    merged, _ = merge_records([cut, complete])
    assert merged["author"] == [{"family": "Beck", "given": "David B."}, {"family": "Ferrada", "given": "M"}]
    assert "et-al" not in merged
    other_person = ("bibtex", {"author": [{"family": "Beck", "given": "Zoe"}]})
    merged, _ = merge_records([other_person, complete])
    assert merged["author"][0]["given"] == "D"  # Zoe Beck is not D. Beck


def test_substance_disagreements_are_kept_and_the_service_wins() -> None:
    records = [
        ("bibtex", {"issued": {"date-parts": [[2021]]}, "volume": "384", "page": "2629-2640"}),
        ("crossref", {"issued": {"date-parts": [[2020]]}, "volume": "383", "page": "2628"}),
        ("text", {"issued": {"date-parts": [[2020]]}}),
    ]
    merged = merge_detail(records)
    assert merged.work["issued"] == {"date-parts": [[2020]]}
    assert merged.work["volume"] == "383"
    assert merged.work["page"] == "2628"  # another first page: substance, not a richer form
    assert merged.disagreements["issued"] == [
        {"value": {"date-parts": [[2020]]}, "sources": ["crossref", "text"]},
        {"value": {"date-parts": [[2021]]}, "sources": ["bibtex"]},
    ]
    assert set(merged.disagreements) == {"issued", "volume", "page"}


def test_user_edits_always_win_and_can_unset() -> None:
    records = [
        ("user", {"title": "MY TITLE", "note": None}),
        ("crossref", {"title": "A title", "note": "from crossref"}),
    ]
    merged, provenance = merge_records(records)
    assert merged == {"title": "MY TITLE"}
    assert provenance == {"title": "user"}


def test_journal_abbreviations() -> None:
    assert looks_abbreviated("N Engl J Med") and looks_abbreviated("J. Clin. Pathol.")
    assert not looks_abbreviated("Blood") and not looks_abbreviated("New England Journal of Medicine")
    assert abbreviates("Ann Rheum Dis", "Annals of the Rheumatic Diseases")
    assert not abbreviates("Blood", "Blood Advances")


def test_source_vocabulary() -> None:
    assert {"crossref", "pubmed", "doi.org", "pmc"} == SERVICE_SOURCES
    assert source_rank("user") < source_rank("crossref") < source_rank("bibtex") < source_rank("text")
    assert source_rank("something-new") == source_rank("bibtex")


def test_every_source_has_one_name_for_the_user() -> None:
    from vexascite.merge import NOTICE_SOURCES, SOURCES, source_name

    names = [source_name(label) for label in [*SOURCES, *NOTICE_SOURCES]]
    assert all(names) and len(set(names)) == len(names)
    assert source_name("user") == "your edit" and source_name("retraction-watch").startswith("Retraction Watch")
    assert source_name("some-new-service") == "some-new-service"  # unknown: shown as it is, never hidden
