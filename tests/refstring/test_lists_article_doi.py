"""An article's own DOI printed right after its reference list (no blank line) is not the last entry's DOI."""

from tests.refstring.found import raws_by_list
from vexascite.refstring import find_reference_lists

NUMBERED = (
    "1. Smith J, Doe A. A study of things. Blood. 2019;11:12-19.\n"
    "2. Roe B, Poe C. Another study of it. Lancet. 2020;5:1-9.\n"
    "3. Kim D, Lee E, et al. A third study. J Clin Med. 2018;7(3):221-229.\n"
)


def test_doi_of_the_next_article_beside_a_copyright_line_is_set_aside() -> None:
    text = "REFERENCES\n" + NUMBERED + "DOI 10.5555/article.2022001\n© 2022 by The Society of Things\nTO THE EDITOR:\nSome prose follows here."
    raws = raws_by_list(text)
    assert len(raws) == 1 and len(raws[0]) == 3
    assert all("10.5555" not in raw for raw in raws[0])
    assert raws[0][-1].endswith("2018;7(3):221-229.")


def test_doi_beside_page_furniture_after_a_list_without_dois_is_set_aside() -> None:
    footer = "Downloaded from https://example.org/journal/article/7 by guest on 1 June 2022"
    raws = raws_by_list("References\n" + NUMBERED + "https://doi.org/10.5555/article.7\n" + footer)
    assert raws == [NUMBERED.splitlines()]


def test_a_lone_doi_line_ending_a_document_stays_with_the_last_entry() -> None:
    # Nothing says it is the article's: it may be the entry's DOI wrapped to a line of its own.
    raws = raws_by_list("References\n" + NUMBERED + "doi:10.5555/last.3")
    assert raws[0][-1].endswith("221-229.\ndoi:10.5555/last.3")


def test_unnumbered_list_keeps_the_article_doi_out() -> None:
    body = "".join(line.split(". ", 1)[1] + "\n" for line in NUMBERED.splitlines())
    raws = raws_by_list("References\n" + body + "DOI 10.5555/article.2022001\n© 2022 by The Society of Things\n")
    assert len(raws) == 1 and len(raws[0]) == 3
    assert all("10.5555" not in raw for raw in raws[0])


def test_wrapped_dois_in_a_list_of_dois_stay_with_their_entries() -> None:
    text = (
        "References\n1. Smith J, Doe A. A study of things. Blood. 2019;11:12-19.\ndoi: 10.5555/abc.1\n"
        "2. Roe B. Another study of it. Lancet. 2019;11:e12.\ndoi: 10.5555/xyz\n© 2020 The Publisher\n"
    )
    raws = raws_by_list(text)
    assert raws == [["1. Smith J, Doe A. A study of things. Blood. 2019;11:12-19.\ndoi: 10.5555/abc.1",
                     "2. Roe B. Another study of it. Lancet. 2019;11:e12.\ndoi: 10.5555/xyz"]]


def test_a_doi_after_an_open_line_or_before_the_next_entry_stays() -> None:
    open_end = "References\n1. Smith J, Doe A. A study of things. Blood. 2019;11:12-19.\n2. Roe B. Another study. Lancet. 2020;5:1-9,\nDOI 10.5555/q.1\n"
    assert raws_by_list(open_end)[0][-1].endswith("DOI 10.5555/q.1")
    middle = NUMBERED.replace("2020;5:1-9.\n", "2020;5:1-9.\ndoi: 10.5555/mid.2\n")
    assert "doi: 10.5555/mid.2" in raws_by_list("References\n" + middle)[0][1]


def test_a_doi_carried_over_a_page_break_stays_with_its_entry() -> None:
    # The entry's DOI printed at the top of the next page, under a journal footer: not glued to the list's end.
    text = "References\n" + NUMBERED + "\nARTICLE IN PRESS\n\nhttps://doi.org/10.5555/last.3\n© 2022 The Publisher\n"
    raws = raws_by_list(text)
    assert raws[0][-1].endswith("https://doi.org/10.5555/last.3")


def test_a_doi_cut_after_its_slash_is_not_joined_to_the_next_numbered_entry() -> None:
    # A second heading over a DOI left on its prefix, a blank line, then the next numbered entry (importer fuzz,
    # --hypothesis-seed=30): joined, the label was read as the DOI's rest (10.5555/2) and the entry's own DOI lost.
    # (A link cut at a slash, or a DOI's prefix glued to a word, is cut from it the same way.)
    entry = "2. Quill R, Venn B. An invented survey of tides. J Inv Tides. 2021;4(2):10-19. doi:10.5555/tides.2"
    for cut in ("10.5555/", "doi: 10.5555/", "010.5555/", "https://example.org/reports/"):
        text = "References\n\n1. Okafor A. An invented study. J Inv. 2020;1:2-3.\n\nSOURCES\n" + cut + "\n\n" + entry + "\n"
        raws = [raw for found in raws_by_list(text) for raw in found]
        assert entry in raws, cut
        assert not any(cut + "2." in raw for raw in raws)


def test_a_doi_cut_after_its_slash_goes_on_with_its_rest() -> None:
    text = (
        "References\n\nOkafor A, Penn B. An invented study of harbours. J Inv Harb. 2020;1:2-3. doi:10.5555/\n"
        "harbx.41\nQuill R, Venn B. An invented survey of tides. J Inv Tides. 2021;4(2):10-19.\n"
    )
    texts = [entry.text for found in find_reference_lists(text) for entry in found.entries]
    assert texts[0].endswith("doi:10.5555/harbx.41")


def test_a_doi_cut_after_its_slash_goes_on_with_a_rest_that_holds_a_year() -> None:
    # Every line states a year (the rest's digits read as one), so the lines are read one reference each: the
    # DOI's rest was an entry of its own and the entry kept a DOI of nothing but its prefix.
    text = (
        "References\n\nOkafor A, Penn B. An invented study of harbours. J Inv Harb. 2020;1:2-3. doi:10.5555/\n"
        "j.harb.2020.01.002\nQuill R, Venn B. An invented survey of tides. J Inv Tides. 2021;4(2):10-19.\n"
        "Marsh U, Lind C. Invented essays on the tides. Tide Rev. 2018;7:44-51.\n"
    )
    texts = [entry.text for found in find_reference_lists(text) for entry in found.entries]
    assert len(texts) == 3
    assert texts[0].endswith("doi:10.5555/j.harb.2020.01.002")
