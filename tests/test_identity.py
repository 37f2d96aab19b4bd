"""The duplicate rule and citation keys."""

from vexascite.citekeys import key_stem, unique_key
from vexascite.identity import fold, identity_keys, near_miss_score, same_work


def work(title, family="Beck", year=2020, **extra):
    item = {"title": title, "author": [{"family": family}], "issued": {"date-parts": [[year]]}}
    item.update(extra)
    return item


def test_same_doi_is_same_work_whatever_else():
    a = identity_keys(work("A", DOI="10.1000/X"))
    b = identity_keys(work("B", family="Other", year=1990, DOI="10.1000/x"))
    assert same_work(a, b)


def test_title_year_within_one_and_first_author():
    a = identity_keys(work("Somatic mutations in UBA1 and severe disease"))
    assert same_work(a, identity_keys(work("Somatic Mutations in <i>UBA1</i> and severe disease.", year=2021)))
    assert not same_work(a, identity_keys(work("Somatic mutations in UBA1 and severe disease", year=2022)))
    assert not same_work(a, identity_keys(work("Somatic mutations in UBA1 and severe disease", family="Other")))


def test_different_identifiers_are_never_merged():
    a = identity_keys(work("Same title of an article", DOI="10.1000/a"))
    b = identity_keys(work("Same title of an article", DOI="10.1000/b"))
    assert not same_work(a, b)
    assert near_miss_score(work("Same title of an article", DOI="10.1000/a"), work("Same title of an article", DOI="10.1000/b")) == 0


def test_fold_removes_accents_case_and_markup():
    assert fold("Müller-Łódź <i>Æ</i>") == "mullerlodzae"


def test_keys_are_readable_and_unique():
    item = work("The somatic mutations in UBA1")
    assert key_stem(item) == "beck2020somatic"
    taken = {"beck2020somatic", "beck2020somatica"}
    assert unique_key("beck2020somatic", taken.__contains__) == "beck2020somaticb"
    assert key_stem({"PMID": "40373272"}) == "pmid40373272"
    assert key_stem(item, "{Author}_{year}") == "Beck_2020"


def test_records_of_another_article_than_the_stated_identifiers_are_found_out() -> None:
    from vexascite.identity import contradicted_records

    old_crossref = ("crossref", {"DOI": "10.5555/Old", "title": "Old"})
    old_pubmed = ("pubmed", {"DOI": "10.5555/old", "PMID": "111"})
    new_pubmed = ("pubmed", {"DOI": "10.5555/new", "PMID": "222"})
    assert contradicted_records([old_crossref, old_pubmed], {}) == {}  # nothing stated: nothing to contradict
    assert contradicted_records([old_crossref, old_pubmed], {"DOI": "https://doi.org/10.5555/OLD"}) == {}
    assert set(contradicted_records([old_crossref, old_pubmed], {"DOI": "10.5555/new"})) == {"crossref", "pubmed"}
    # a PMID edit: the new PubMed record vouches for its DOI, which the old Crossref record contradicts
    assert contradicted_records([old_crossref, new_pubmed], {"PMID": "222"}) == {
        "crossref": "DOI 10.5555/old, not 10.5555/new"}
    # the old PubMed record is found out by its PMID, and the Crossref record by the DOI it shares with it
    found = contradicted_records([old_crossref, old_pubmed], {"PMID": "222"})
    assert found["pubmed"] == "PMID 111, not 222" and "as the pubmed record" in found["crossref"]
    assert contradicted_records([("crossref", {"title": "no identifiers"})], {"DOI": "10.5555/new"}) == {}


def test_near_miss_scores_compare_the_beginning_of_a_title():
    """A hostile file's title of megabytes made 'duplicates' run for hours (fuzzy scores
    grow with the product of the lengths): titles are compared by their first 1,000
    characters, longer than any real title."""
    opening = "Somatic mutations in UBA1 and severe adult onset autoinflammatory disease " * 14
    assert len(opening) > 1000
    long_a = work(opening + "word " * 400_000)
    long_b = work(opening + "other " * 300_000)
    assert near_miss_score(long_a, long_b) == 100
    assert near_miss_score(long_a, work("Somatic mutations in UBA1")) < 50
