"""Candidate validation: precision first (a wrong DOI is worse than none)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from vexascite.resolve.match import (
    Candidate,
    Decision,
    Query,
    choose,
    expand_pages,
    judge,
    vancouver_fields,
)

RAW = ("Halden PB, Lindqvist G, Moreau J, Okafor JA, Brandt RKG, \nSilva WE, et al. Endoscopic stenting "
       "outcomes and \ntheir grading: a proposed scale. Gastrointest Endosc. \n1993;39:211-9.")
RIGHT = {"DOI": "10.5555/s0099-5107(93)70412-8", "title": "Endoscopic stenting outcomes and their grading: a proposed scale",
         "author": [{"family": "Halden", "given": "P B"}], "container-title": "Gastrointestinal Endoscopy",
         "issued": {"date-parts": [[1993]]}, "volume": "39", "page": "211-219"}


def test_the_right_record_is_accepted_from_the_string_alone() -> None:
    verdict = judge(Query.of({}, RAW), RIGHT)
    assert verdict.decision == Decision.ACCEPT, verdict.reason


def test_same_title_another_year_and_pages_is_rejected() -> None:
    reprint = {**RIGHT, "DOI": "10.1/reprint", "issued": {"date-parts": [[1995]]}, "page": "120-130"}
    assert judge(Query.of({}, RAW), reprint).decision == Decision.REJECT


def test_year_off_by_one_needs_the_first_page() -> None:
    near = {**RIGHT, "DOI": "10.1/near", "issued": {"date-parts": [[1994]]}, "page": "500-510"}
    assert judge(Query.of({}, RAW), near).decision != Decision.ACCEPT
    online_first = {**RIGHT, "issued": {"date-parts": [[1992]]}}
    assert judge(Query.of({}, RAW), online_first).decision == Decision.ACCEPT


def test_same_author_and_journal_another_title_is_rejected() -> None:
    other = {**RIGHT, "DOI": "10.1/other", "title": "Biliary stenting for benign strictures", "volume": "40", "page": "12-19"}
    assert judge(Query.of({}, RAW), other).decision == Decision.REJECT


def test_title_less_reference_accepted_only_when_five_fields_agree() -> None:
    raw = "Lindgren GM (2008) J Chem Inf Model 48:1291"
    record = {"DOI": "10.5555/ci080233s", "title": "On scaffolds and similarity: why docking scores often mislead",
              "author": [{"family": "Lindgren", "given": "Greta M."}], "container-title-short": "J. Chem. Inf. Model.",
              "issued": {"date-parts": [[2008]]}, "volume": "48", "page": "1291-1291"}
    assert judge(Query.of({}, raw), record).decision == Decision.ACCEPT
    assert judge(Query.of({}, raw), {**record, "page": "1292"}).decision == Decision.REJECT


def test_two_different_works_that_both_fit_go_to_review() -> None:
    twin = {**RIGHT, "DOI": "10.1/duplicate-deposit"}
    choice = choose(Query.of({}, RAW), [Candidate("crossref", RIGHT), Candidate("crossref", twin)])
    assert choice.accepted is None and len(choice.review) == 2


def test_when_nothing_fits_the_best_rejected_record_is_kept_as_the_nearest() -> None:
    reprint = {**RIGHT, "DOI": "10.1/reprint", "issued": {"date-parts": [[1995]]}, "page": "120-130"}
    other = {**RIGHT, "DOI": "10.1/other", "title": "Biliary stenting for benign strictures", "volume": "40", "page": "12-19"}
    choice = choose(Query.of({}, RAW), [Candidate("crossref", other), Candidate("crossref", reprint)])
    assert choice.accepted is None and choice.review == []
    assert choice.nearest is not None and choice.nearest.csl["DOI"] == "10.1/reprint"
    assert choose(Query.of({}, RAW), [Candidate("crossref", RIGHT)]).nearest is None


def test_pubmed_and_crossref_records_of_one_work_agree() -> None:
    pubmed = {**RIGHT, "PMID": "90000011"}
    choice = choose(Query.of({}, RAW), [Candidate("pubmed", pubmed), Candidate("crossref", RIGHT)])
    assert choice.accepted is not None


def test_journal_tails_of_common_styles() -> None:
    assert vancouver_fields("Blood. 2021;137(26):3682-4.") == {"journal": "Blood", "year": "2021", "volume": "137", "issue": "26", "page": "3682", "end": "4"}
    assert vancouver_fields("Leakage. Lung Cancer 1996, 15:125-131.")["volume"] == "15"
    apa = vancouver_fields("Harlow, R. M. (2005). Energy budgets and parental investment. Journal of Human Ecology Studies, 17, 418- \n427.")
    assert (apa["journal"], apa["volume"], apa["page"]) == ("Journal of Human Ecology Studies", "17", "418")


def test_a_four_digit_page_is_not_taken_for_the_year() -> None:
    # a first page in the 1600s-2000s after a colon, or beside the stated year, is a page
    tail = vancouver_fields("Halden GM (2009) J Chem Inf Model 51:1712")
    assert (tail["volume"], tail["page"]) == ("51", "1712")
    assert vancouver_fields("Halden GM. Chem Rev, 51, 1712 (2009).")["page"] == "1712"
    # alone after a comma it is the year: "Child Dev, 73, 2002" states no page
    assert "page" not in vancouver_fields("Varga P. Play at home. Child Dev, 73, 2002.")
    query = Query.of({}, "Halden GM (2009) J Chem Inf Model 51:1712")
    candidate = {"type": "article-journal", "title": "Similarity searching in design", "author": [{"family": "Halden", "given": "G M"}],
                 "container-title-short": "J Chem Inf Model", "issued": {"date-parts": [[2009]]}, "volume": "51", "page": "1712-1720", "DOI": "10.5555/halden.2009"}
    assert judge(query, candidate).decision is Decision.ACCEPT


def test_page_ranges_are_expanded() -> None:
    assert expand_pages("383-93") == "383-393"
    assert expand_pages("A194-201") == "A194-A201"
    assert expand_pages("e1000294") == "e1000294"


@given(st.integers(min_value=1, max_value=99_999), st.integers(min_value=0, max_value=999))
def test_abbreviated_ranges_expand_to_the_full_last_page(start: int, length: int) -> None:
    end = start + length
    full, short = str(start), str(end)
    # drop the leading digits the two numbers share, as printed ranges do
    common = 0
    while common < len(full) - 1 and len(full) == len(short) and full[common] == short[common]:
        common += 1
    assert expand_pages(f"{full}-{short[common:]}") == f"{full}-{short}"
