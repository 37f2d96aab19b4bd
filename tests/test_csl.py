"""The shared CSL value rules: months, dates, years, pages, cut name lists."""

from __future__ import annotations

from vexascite import csl


def test_months() -> None:
    assert csl.MONTHS["sept"] == 9 and csl.MONTHS["december"] == 12 and csl.MONTHS["may"] == 5
    assert csl.MONTH_ABBREVIATIONS[csl.MONTHS["feb"] - 1] == "feb"
    assert csl.month_number("Dec.") == 12 and csl.month_number("7") == 7
    assert csl.month_number("13") is None and csl.month_number("Winter") is None


def test_dates() -> None:
    assert csl.iso_date_parts(" 2020-12-24 ") == [2020, 12, 24]
    assert csl.iso_date_parts("2020/12") is None
    assert csl.date_from_text("2020 Dec 24") == {"date-parts": [[2020, 12, 24]]}
    assert csl.date_from_text("2020/13/01") == {"date-parts": [[2020]]}
    assert csl.date_from_text("Spring") == {"raw": "Spring"}
    assert csl.date_parts({"date-parts": [[2020, 1], [2021]]}) == [[2020, 1], [2021]]
    assert csl.date_parts({"raw": "2019-05"}) == [[2019, 5]]
    assert csl.date_parts({"literal": "in press"}) == []
    assert csl.first_date({"date-parts": [["2020", None]]}) == {"date-parts": [[2020]]}
    assert csl.first_date({"date-parts": [[None]]}) is None


def test_years() -> None:
    assert csl.date_year({"date-parts": [["2021", 3]]}) == 2021
    assert csl.date_year({"raw": "Epub 2019 Oct"}) == 2019
    assert csl.date_year({"date-parts": [["n.d."]]}) is None
    assert csl.date_year(None) is None


def test_pages() -> None:
    assert csl.pages_with_dash("2414 – 2420", "--") == "2414--2420"
    assert csl.pages_with_dash("12---15") == "12-15"
    assert csl.page_range("5", "5") == "5" and csl.page_range("5", "9") == "5-9"
    assert csl.page_range(None, "9") is None


def test_and_others() -> None:
    assert csl.ends_and_others("Beck, D. and others")
    assert csl.ends_and_others("Beck, D. AND\n others ")
    assert not csl.ends_and_others("Beck, D. and Others, K.")


def test_field_map_relations() -> None:
    assert set(csl.BIBTEX_TEXT_FIELDS) < csl.BIBTEX_READ_FIELDS < csl.BIBTEX_MAPPED_FIELDS
    assert {"crossref", "xdata"} <= csl.BIBTEX_MAPPED_FIELDS - csl.BIBTEX_READ_FIELDS
