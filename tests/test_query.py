"""The query parser: any text reads as clauses, never raises."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from vexascite.query import Clause, parse_query


def kinds(text: str) -> list[tuple[str, str | None]]:
    return [(c.kind, c.value) for c in parse_query(text).clauses]


def test_identifiers_in_any_written_form():
    for text in ("10.5555/Ab.12", "doi:10.5555/ab.12", "https://doi.org/10.5555/AB.12", "DOI: 10.5555/ab.12"):
        assert kinds(text) == [("doi", "10.5555/ab.12")], text
    for text in ("PMID:99000001", "pmid: 99000001", "https://pubmed.ncbi.nlm.nih.gov/99000001/"):
        assert kinds(text) == [("pmid", "99000001")], text
    assert kinds("PMC9900001") == [("pmcid", "PMC9900001")]
    # lone digits may be a PMID or a word of a title: the store tries both
    assert kinds("99000001") == [("text", "99000001")]


def test_field_queries_prefixes_phrases_and_negation():
    query = parse_query('author:Beck year:2019-2021 journal:"N Engl" tag:jak thromb* "somatic mutations" -ruxolitinib NOT azacitidine')
    by_kind = {c.kind: c for c in query.clauses if c.kind != "text"}
    assert by_kind["author"].words == ("Beck",)
    assert (by_kind["year"].low, by_kind["year"].high) == (2019, 2021)
    assert by_kind["journal"].words == ("N", "Engl")
    assert by_kind["tag"].value == "jak"
    texts = [c for c in query.clauses if c.kind == "text"]
    assert texts[0] == Clause("text", ("thromb",), True, value="thromb")
    assert texts[1].words == ("somatic", "mutations") and not texts[1].prefix
    assert [c.negated for c in texts[2:]] == [True, True]
    assert parse_query("year:-2020").clauses[0].high == 2020 and parse_query("year:2020-").clauses[0].low == 2020


def test_what_cannot_be_read_is_reported_not_raised():
    assert parse_query("year:soon").problems and not parse_query("year:soon").clauses
    assert parse_query("pmid:abc").problems


def test_punctuation_and_operators_alone_search_for_nothing():
    for text in ("(((", "*", "-", '"', "AND OR", "!!! ---", ""):
        assert parse_query(text).empty, text
    assert not parse_query("rux*").empty
    unknown = parse_query("foo:bar").clauses  # an unknown field is words (and may be a key)
    assert [(c.kind, c.words, c.value) for c in unknown] == [("text", ("foo", "bar"), "foo:bar")]


@given(st.text(max_size=80))
def test_any_text_parses(text):
    query = parse_query(text)
    for clause in query.clauses:
        assert clause.kind in {"text", "author", "title", "journal", "year", "doi", "pmid", "pmcid", "key", "tag", "collection"}
        assert all(word.strip() for word in clause.words)


def test_a_field_with_no_value_is_a_problem_not_a_word_or_nothing():
    for text in ("author:", "author: ", 'title:""', "-journal:", "tag:", "collection:\"\"", "doi:", "year:"):
        query = parse_query(text)
        assert query.problems and "give a value after" in query.problems[0] and not query.clauses, text
    assert parse_query("author:-").problems  # no word to search for in it
    assert parse_query("author: beck").clauses[0].words == ("beck",) and not parse_query("author: beck").problems
    assert not parse_query("note:").problems  # not a field: a word
