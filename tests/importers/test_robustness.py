"""What each importer makes of bad input: kept, reshaped, reported, never invented."""

from __future__ import annotations

import time

from vexascite.importers import detect_format
from vexascite.importers.bibtex import MAX_VALUE_CHARS, read_bibtex, run_on_fields
from vexascite.importers.csljson import read_csljson
from vexascite.importers.idlist import read_identifier_list
from vexascite.importers.medline import read_medline
from vexascite.importers.ris import read_ris
from vexascite.model import RefStatus


def test_csljson_wrong_types_are_reshaped_or_left_out_and_reported():
    parsed = read_csljson(
        '[{"id":"ok","title":"Fine"},{"id":"x","title":"T","issued":{"date-parts":[2020,1]}},\n'
        ' {"title":"A","author":[1,null,{"family":5,"given":{"x":1}}],"DOI":10.1234,"PMID":null},\n'
        ' {"title":"B","issued":{"date-parts":{"y":2020}},"editor":"Roe, R"}]'
    )
    works = [ref.fields for ref in parsed.references]
    assert works[0] == {"title": "Fine"}
    assert works[1]["issued"] == {"date-parts": [[2020, 1]]}
    assert works[2] == {"title": "A", "author": [{"family": "5"}]}
    assert works[3] == {"title": "B", "editor": [{"literal": "Roe, R"}]}
    messages = " | ".join(p.message for p in parsed.problems)
    assert "date-parts was flat" in messages and "DOI '10.1234' is not a DOI" in messages
    assert [p.line for p in parsed.problems if "DOI" in p.message] == [2]


def test_csljson_depth_and_long_numbers_cost_one_item_not_the_file():
    deep = "[" * 100_000 + "]" * 100_000
    parsed = read_csljson(f'[{{"title":"A"}}, {deep}, {{"title":"B","volume":{"9" * 5000}}}, {{"title":"C"}}]')
    assert [ref.status for ref in parsed.references] == [RefStatus.PARSED, RefStatus.FAILED, RefStatus.PARSED, RefStatus.PARSED]
    assert "nested too deeply" in parsed.problems[0].message
    assert parsed.references[2].fields["volume"] == "9" * 5000


def test_bibtex_missing_comma_is_reported_with_its_line_and_split():
    parsed = read_bibtex("@article{k,\n  author = {Doe, J},\n  title = {No comma}\n  year = {2020},\n  journal = {J}\n}\n")
    work = parsed.references[0].fields
    assert work["title"] == "No comma" and work["issued"] == {"date-parts": [[2020]]} and work["container-title"] == "J"
    assert parsed.problems[0].line == 4 and "missing comma before field year" in parsed.problems[0].message


def test_bibtex_braced_value_swallowing_a_field_is_reported():
    parsed = read_bibtex("@article{k,\n  title = {No comma\n  year = 2020},\n}\n")
    assert parsed.problems and parsed.problems[0].line == 3 and "looks like another field" in parsed.problems[0].message


def test_run_on_fields_leaves_ordinary_values_alone():
    assert run_on_fields("{http://x.org/?a=b&c=d}") is None
    assert run_on_fields('{$x = y$} # " = "') is None
    assert run_on_fields("2020 journal = {J}") == [("", "2020"), ("journal", "{J}")]


def test_bibtex_string_macros_cannot_grow_without_bound():
    bomb = '@string{a0 = "' + "ha" * 20 + '"}\n' + "".join(f"@string{{a{i} = a{i - 1} # a{i - 1}}}\n" for i in range(1, 40))
    start = time.process_time()
    parsed = read_bibtex(bomb + "@article{boom, title = a39}\n@article{fine, title = {Fine}}\n")
    assert time.process_time() - start < 5
    assert {ref.entry_key for ref in parsed.references} == {"boom", "fine"}
    assert all(len(ref.fields.get("title", "")) <= MAX_VALUE_CHARS for ref in parsed.references)
    assert any("@string a" in p.message and p.line for p in parsed.problems)


def test_ris_note_naming_another_paper_is_not_the_works_pmid():
    parsed = read_ris("TY  - JOUR\nTI  - T\nN1  - Comment on PMID: 12345678\nN1  - Erratum in: J. PMID: 23456789\nER  - \n"
                      "TY  - JOUR\nTI  - U\nN1  - PMID: 34567890\nER  - \n")
    assert "PMID" not in parsed.references[0].fields
    assert parsed.references[1].fields["PMID"] == "34567890"


def test_medline_comment_tags_and_records_run_together():
    parsed = read_medline("PMID- 99990001\nTI  - One.\nCIN - J. 2021. PMID: 12345678\nPMID- 99990002\nTI  - Two.\n")
    assert [ref.fields.get("PMID") for ref in parsed.references] == ["99990001", "99990002"]
    assert [ref.line for ref in parsed.references] == [1, 4]


def test_identifier_lists_take_only_identifiers():
    lines = ["10.", "1.", "1999.", "123", "12345678", "PMID: 10", "10.1234", "10.5555/abc", "doi:10.5555/x y", "PMC12345"]
    parsed = read_identifier_list("\n".join(lines))
    read = [ref.fields for ref in parsed.references if ref.status == RefStatus.IDENTIFIER]
    assert read == [{"PMID": "12345678"}, {"PMID": "10"}, {"DOI": "10.5555/abc"}, {"PMCID": "PMC12345"}]
    assert len(parsed.problems) == 6


def test_numbered_lists_and_json_mentioning_bibtex_keep_their_format():
    assert detect_format("x.txt", "".join(f"{i}.\n" for i in range(1, 2000))) == "text"
    assert detect_format("x.json", '[{"title": "x"},\n@article{\n]') == "csl-json"
    assert detect_format("x.txt", "References\n1. A. B.\n@ARTICLE{\n2. C. D.\n") == "text"
    assert detect_format("x.txt", "% exported\n@article{a, title={T}}\n@book{b, title={U}}\n") == "bibtex"
    # Bare entry starts with no key (pasted, or a list's stray lines) are no BibTeX: the list around them is read.
    listed = "References\n1. Holm K. Invented title. J Inv Res. 2019;12:45-50.\n"
    assert detect_format("x.txt", listed + "@article{\n@article{\n\n2. Quill P. Tides. Inv Lett. 2017;2:3-4.\n") == "text"
    assert detect_format("x.txt", listed + "@COMMENT{\n@comment{\n\n2. Quill P. Tides. Inv Lett. 2017;2:3-4.\n") == "text"
    assert detect_format("x.txt", "@string{inv = {Inv Lett}}\n@article{ quill2017 ,\n title={Tides}}\n") == "bibtex"


def test_ris_with_loose_tag_spacing_is_read_and_kept_verbatim():
    text = "TY - JOUR\nTI - Loose\nAU -\tDoe, J\nER -\n\nTY - BOOK\nTI - Also\n"
    parsed = read_ris(text)
    assert [ref.fields.get("title") for ref in parsed.references] == ["Loose", "Also"]
    assert parsed.references[0].raw == "TY - JOUR\nTI - Loose\nAU -\tDoe, J\nER -"
    assert parsed.references[1].raw == "TY - BOOK\nTI - Also\n"


def _failing_on(title: str, convert):
    def odd(record):
        if title in str(record):
            raise ValueError("a record no rule foresaw")
        return convert(record)

    return odd


def test_a_record_no_rule_foresaw_is_kept_failed_and_the_others_read(monkeypatch):
    from vexascite.importers import medline, pubmedxml, ris

    monkeypatch.setattr(medline, "medline_to_csl", _failing_on("Odd one", medline.medline_to_csl))
    monkeypatch.setattr(ris, "ris_to_csl", _failing_on("Odd one", ris.ris_to_csl))
    monkeypatch.setattr(pubmedxml, "pubmed_article_to_csl", _failing_on_xml("Odd one", pubmedxml.pubmed_article_to_csl))
    medline_text = "PMID- 99000001\nTI  - Fine one.\n\nPMID- 99000002\nTI  - Odd one.\n"
    ris_text = "TY  - JOUR\nTI  - Fine one\nER  - \n\nTY  - JOUR\nTI  - Odd one\nER  - \n"
    xml_text = (
        "<PubmedArticleSet>\n"
        + "".join(
            f"<PubmedArticle><MedlineCitation><PMID>{pmid}</PMID><Article><ArticleTitle>{title}</ArticleTitle>"
            "</Article></MedlineCitation></PubmedArticle>\n"
            for pmid, title in (("99000001", "Fine one."), ("99000002", "Odd one."))
        )
        + "</PubmedArticleSet>\n"
    )
    for parsed, what, line in (
        (medline.read_medline(medline_text), "MEDLINE record", 4),
        (ris.read_ris(ris_text), "RIS entry", 5),
        (pubmedxml.read_pubmed_xml(xml_text), "PubmedArticle", 3),
    ):
        fine, odd = parsed.references
        assert fine.status is RefStatus.PARSED and fine.fields["title"].startswith("Fine one")
        assert odd.status is RefStatus.FAILED and "Odd one" in odd.raw and odd.line == line
        message = f"{what} could not be read (ValueError); kept as written"
        assert odd.message == message
        assert [(p.line, p.message) for p in parsed.problems] == [(line, message)]


def _failing_on_xml(title: str, convert):
    def odd(article):
        if title in (article.findtext(".//ArticleTitle") or ""):
            raise ValueError("a record no rule foresaw")
        return convert(article)

    return odd


def test_an_identifier_list_with_a_stray_line_stays_an_identifier_list():
    """Read as text, its lines were glued into one reference holding one line's DOI and
    another's PMID: a pairing no source stated."""
    text = "10.5555/ids.one\nPMID: 90000123\ndoi:10.5555/ids.two\nnot an identifier at all\n"
    assert detect_format("ids.txt", text) == "ids"
    reference_list = (
        "1. Doe J, Roe R. A trial of something. J Imag Res. 2020;1:1-2.\n"
        "doi:10.5555/list.one\n"
        "2. Poe A. Another trial. J Imag Res. 2021;2:3-4.\n"
        "doi:10.5555/list.two\n"
    )
    assert detect_format("refs.txt", reference_list) == "text"


def test_ris_tags_outside_an_entry_are_kept_as_failed_and_reported_by_line():
    """A record whose 'TY  - ' line is missing was passed by without a word."""
    text = ("AU  - Pre, A\nTI  - Before the first\nER  - \n\nTY  - JOUR\nTI  - Good one\nER  - \n\n"
            "TI  - No type line\nAU  - Doe, J\nER  - \n\nTY  - JOUR\nTI  - Good two\nER  - \nER  - \n\nT1  - Trailing\n")
    parsed = read_ris(text)
    good = [r.fields.get("title") for r in parsed.references if r.status != RefStatus.FAILED]
    assert good == ["Good one", "Good two"]
    failed = [(r.line, r.raw) for r in parsed.references if r.status == RefStatus.FAILED]
    assert failed == [(1, "AU  - Pre, A\nTI  - Before the first\nER  - "), (9, "TI  - No type line\nAU  - Doe, J\nER  - "),
                      (18, "T1  - Trailing")]
    assert [p.line for p in parsed.problems] == [1, 9, 18] and "no 'TY  - ' line" in parsed.problems[0].message
    assert read_ris("TY  - JOUR\nTI  - Alone\nER  - \n\nER  - \n").problems == []  # a stray end line is no record


def test_a_medline_pmid_that_is_no_pmid_is_said_and_left_out():
    """'PMID- notanumber' was left out of the work without a word."""
    parsed = read_medline("PMID- 99990011\nTI  - Good one\n\nPMID- notanumber\nTI  - Bad identifier\nPMC - PMCxyz\n")
    assert [r.fields.get("PMID") for r in parsed.references] == ["99990011", None]
    assert [(p.line, p.message) for p in parsed.problems] == [
        (4, "PMID 'notanumber' is not a PMID; left out"), (4, "PMC 'PMCxyz' is not a PMCID; left out")]


def test_a_ris_doi_that_is_no_doi_is_said_and_left_out():
    parsed = read_ris("TY  - JOUR\nTI  - Good\nDO  - 10.5555/ris.good\nER  - \n\nTY  - JOUR\nTI  - Bad\nDO  - not a doi\nER  - \n")
    assert [r.fields.get("DOI") for r in parsed.references] == ["10.5555/ris.good", None]
    assert [(p.line, p.message) for p in parsed.problems] == [(6, "DO 'not a doi' is not a DOI; left out")]
