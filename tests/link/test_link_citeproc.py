"""A Word manuscript rendered by a citation processor (author-year citations, a bibliography with
no heading at the end) links each citation to its bibliography entry, and its prose makes no works."""

from __future__ import annotations

from pathlib import Path

from vexascite import api
from vexascite.config import Settings
from vexascite.store import Store

BIBLIOGRAPHY = [
    "Arden, P., T. Brask, and L. Cova. 2020. “A Marker of Slow Relapse in Adult Disease.” J Clin Res 12 (3): 101–9.",
    "Brask, T., M. Dunn, O. Egli, et al. 2021. “Two Drugs Compared in a Small Cohort.” Blood Adv 5 (2): 22–31.",
    "Cova, L. 2019. “Why Responses Differ.” Nat Rev Things 13 (4): 234–43.",
    "Egli, O., and P. Arden. 2018. “Clots Before Treatment: A Registry Study.” Drug Saf 41 (7): 645–53.",
    "“Meeting Report: New Drugs in Old Diseases.” 2023. Medical News. November 7, 2023. https://example.org/news/2023-11-new-drugs.html.",
]


def test_citeproc_docx_links_author_year_citations_to_its_bibliography(tmp_path: Path, settings: Settings) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Treating adult disease", level=1)
    document.add_heading("Background", level=2)
    document.add_paragraph(
        "Adult disease of this kind is driven by a marker found in stem cells (Arden, Brask, and Cova 2020). "
        "In a series of 80 patients, skin and joint involvement were frequent (Brask et al. 2021)."
    )
    document.add_paragraph(
        "The response at three months was 24% with the first drug (Brask et al. 2021; “Meeting Report: New Drugs "
        "in Old Diseases” 2023)."
    )
    document.add_heading("Clots", level=2)
    document.add_paragraph(
        "Clots were frequent before any treatment was given (Egli and Arden 2018), so a clot on treatment says "
        "little about the drug (Cova 2019)."
    )
    for entry in BIBLIOGRAPHY:
        document.add_paragraph(entry)
    path = tmp_path / "rendered.docx"
    document.save(str(path))
    report = api.link_manuscript(settings, path)
    # Three named authors, et al., two authors, one author and a title without authors.
    assert report.claims == 4
    assert report.linked == report.citations == 6 and not report.problems
    rows = api.evidence_table(settings, str(path))
    assert [s["year"] for s in rows[2]["sources"]] == [2021, 2023]
    with Store.open(settings.db) as store:
        titles = [row["title"] for row in store.db.query("select title from works")]
    assert len(titles) == len(BIBLIOGRAPHY)
    assert not any("patients" in (title or "") for title in titles)


def test_citation_processor_markers_three_authors_and_a_title() -> None:
    from vexascite.link.markers import find_markers

    (three,) = find_markers("Clots were reported (Arden, Brask, and Cova 2020).")
    assert [(t.author, t.second_author, t.year, t.et_al) for t in three.targets] == [("Arden", "Brask", "2020", False)]
    (mixed,) = find_markers("It worked (Brask et al. 2021; “Meeting Report: New Drugs” 2023, p. 4).")
    assert [t.label for t in mixed.targets] == ["Brask et al. 2021", "“Meeting Report: New Drugs” 2023"]
    assert mixed.targets[1].locator == "p. 4"
    # Names in a series without the comma before "and" are not three authors.
    assert find_markers("Seen in (Paris, London and Rome 2020).") == []


def test_a_title_resolves_to_the_work_of_that_year_whose_title_it_opens() -> None:
    from vexascite.link.markers import Target
    from vexascite.link.resolution import AuthorYearIndex, CitationStatus, WorkSummary

    works = [
        WorkSummary(1, "news2023", None, 2023, 0, None, "Meeting Report: New Drugs in Old Diseases"),
        WorkSummary(2, "brask2023", "brask", 2023, 1, None, "Meeting report of a different kind"),
        WorkSummary(3, "news2022", None, 2022, 0, None, "Meeting Report: New Drugs in Old Diseases"),
    ]
    index = AuthorYearIndex(works)
    found = index.resolve(Target("author-year", year="2023", title="Meeting Report: New Drugs"))
    assert (found.status, found.work_id) == (CitationStatus.LINKED, 1)
    missing = index.resolve(Target("author-year", year="2024", title="Meeting Report"))
    assert missing.status == CitationStatus.DANGLING
