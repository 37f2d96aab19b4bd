"""List finding at the top of a page: the tail of an earlier article's author-year list, then the next
article's text, then its own list, each on invented references (10.5555 DOIs, made-up names and journals).
A list with no heading ends where the article's text begins, and each list is read in its own layout; the
end of an entry carried over from the page before is an entry."""

from __future__ import annotations

from tests.refstring.found import entry_texts, raws_by_list
from vexascite.refstring import find_reference_lists

#: The tail of an earlier article's list, in hanging indents.
TAIL_HANGING = (
    "Brindle PK, Osei A (2006) Tidal reach of invented marsh birds. J Inv\n"
    "    Ornithol 46:758-767\n"
    "Castellan M, Dorn E (1991) Heron counts on an invented coast. Inv\n"
    "    Coast Res 7:1031-1041. doi:10.5555/coast.1991.7\n"
    "Holt S, Pike R (2012) Reed beds of the southern shores and the tides\n"
    "    of spring. Inv Marsh Rev 312:501-519\n"
    "Quill R, Velde K (2005) Nest sites of waders on invented mudflats. J\n"
    "    Inv Ecol 88:1214-1224\n"
)
#: The next article: its title, authors and text, one paragraph a line (as Word or Markdown leave it).
ARTICLE_ONE_LINE = (
    "Seasonal counts of invented egrets in two estuaries\n"
    "A. Tarrow, B. Velde\n"
    "Abstract\n"
    "We counted the egrets of two invented estuaries in every season for ten years. The counts rose in both, more"
    " in the northern one, where the reed beds spread after the dams were opened (Tarrow et al., 2014).\n"
    "Discussion\n"
    "The counts from the boats gave the same totals as the counts from the air. The survey goes on in both"
    " estuaries for two more years, with the nests counted from the shore as well (Velde et al., 2019).\n"
)
#: The next article's own list, one reference a line, with no heading.
OWN_ONE_LINE = (
    "Ashby L, Ulm B (2001) Egrets of the northern estuary. Inv Marsh Rev 12:101-109. doi:10.5555/marsh.2001.12\n"
    "Dorn E, Quill R (2003) Reed beds after the dams. J Inv Ecol 21:210-219. doi:10.5555/ecol.2003.21\n"
    "Osei A, Holt S (2008) Counting nests from the shore. Inv Coast Res 30:55-61. doi:10.5555/coast.2008.30\n"
    "Tarrow A, Pike R (2014) Ten years of egret counts. J Inv Ornithol 60:300-311. doi:10.5555/orn.2014.60\n"
)


def test_a_list_with_no_heading_ends_where_the_next_articles_text_begins() -> None:
    # The tail hangs, the next list is one a line: read together, every flush line of the article had been an entry.
    lists = raws_by_list(TAIL_HANGING + "\n" + ARTICLE_ONE_LINE + OWN_ONE_LINE)
    assert [len(found) for found in lists] == [4, 4]
    assert lists[0][0].startswith("Brindle PK") and lists[1][0].startswith("Ashby L")
    assert not any("egrets in every season" in raw or raw.startswith("Abstract") for found in lists for raw in found)


#: The next article as PDF text: its title, authors and paragraphs wrapped, then its list wrapped flush.
ARTICLE_WRAPPED = (
    "We counted the egrets of two invented estuaries in every season for ten years and found that\n"
    "A. Tarrow, B. Velde\n"
    "Abstract\n"
    "the counts rose in both estuaries, more in the northern one, where the reed beds spread after the\n"
    "dams were opened and the water grew shallower over the years (Tarrow et al., 2014). The counts from\n"
    "the boats gave the same totals as the counts from the air, and the survey goes on in both estuaries\n"
    "for two more years, with the nests counted from the shore as well as from the boats.\n"
)
OWN_WRAPPED = (
    "Ashby L, Ulm B, Castellan M, Brindle PK (2001) Egrets of the northern estuary in\n"
    "the years after the dams. Inv Marsh Rev 12:101-109\n"
    "Dorn E, Quill R, Osei A (2003) Reed beds after the dams were opened on an invented\n"
    "river. J Inv Ecol 21:210-219\n"
    "Osei A, Holt S, Velde K, Pike R (2008) Counting nests from the shore of an invented\n"
    "estuary. Inv Coast Res 30:55-61\n"
    "Tarrow A, Pike R (2014) Ten years of egret counts in two invented estuaries. J Inv\n"
    "Ornithol 60:300-311\n"
)


def test_each_list_around_the_articles_text_is_read_in_its_own_layout() -> None:
    # The tail hangs, the next list is wrapped flush: read with the tail's hanging indents, each of its lines
    # had been an entry.
    lists = raws_by_list(TAIL_HANGING + "\n" + ARTICLE_WRAPPED + "\n" + OWN_WRAPPED)
    assert [len(found) for found in lists] == [4, 4]
    assert [raw.split("\n")[0][:10] for raw in lists[1]] == ["Ashby L, U", "Dorn E, Qu", "Osei A, Ho", "Tarrow A, "]


def test_the_end_of_an_entry_carried_over_to_the_top_is_an_entry() -> None:
    # The page begins inside an entry of the earlier article's list: its end states its source and pages.
    # (Or its publisher and place: the year was on the page before.)
    for piece in ("of invented waders. Inv Pharm Rev, 11, 150-155, 1990", "the Invented Marshes. Nordvik University Press, Bergen."):
        texts = entry_texts(piece + "\n" + TAIL_HANGING + "\n" + ARTICLE_ONE_LINE + OWN_ONE_LINE)
        assert texts[0] == piece
        assert len(texts) == 9


NUMBERED_TAIL = (
    "transcription of invented genes. Inv Cell Biol 21:6461-6469\n"
    "56 Brindle PK, Osei A (2006) Tidal reach of invented marsh birds. J Inv Ornithol 46:758-767\n"
    "57 Castellan M, Dorn E (1991) Heron counts on an invented coast. Inv Coast Res 7:1031-1041\n"
    "58 Holt S, Pike R (2012) Reed beds of the southern shores. Inv Marsh Rev 312:501-519\n"
    "\n" + ARTICLE_ONE_LINE + "\nReferences\n" + OWN_ONE_LINE
)


def test_the_end_of_an_entry_carried_over_above_a_numbered_tail_is_an_entry() -> None:
    found = find_reference_lists(NUMBERED_TAIL)
    assert [entry.number for entry in found[0].entries] == [None, 56, 57, 58]
    assert found[0].entries[0].text == "transcription of invented genes. Inv Cell Biol 21:6461-6469"


def test_a_running_head_or_a_sentence_at_the_top_is_no_carried_over_entry() -> None:
    # (Above an unnumbered tail a running head of authors, a journal and a year reads as a terse reference itself;
    # above a numbered one it has no label.)
    numbered = NUMBERED_TAIL.split("\n", 1)[1]
    sentence = "A paragraph about invented fjords closes the paper here.\n"
    assert entry_texts(sentence + TAIL_HANGING + "\n" + ARTICLE_ONE_LINE + OWN_ONE_LINE)[0].startswith("Brindle PK")
    for top in ("van der Tarrow et al. Inv Med (2019) 68:2976\n", sentence):
        found = find_reference_lists(top + numbered)
        assert found[0].entries[0].number == 56, found[0].entries[0].text


def test_a_paragraph_with_years_at_the_top_is_no_carried_over_entry_but_is_reported() -> None:
    # Two lines of prose that state years above a numbered list with no heading: a year in prose is no
    # reference's end (no source, pages, DOI or date set off as a reference sets it), so the paragraph is
    # left out of the list and reported, not read as the end of an entry carried over from the page before.
    numbered = NUMBERED_TAIL.split("\n", 1)[1]
    for top in (
        "The invented survey of the marsh ran from 2015 to 2019 in two harbour towns,\nand its last counts were set out in 2020.\n",
        "Our invented cohort of waders was followed between 2012-2016\nacross three small coastal towns in 2017.\n",
    ):
        found = find_reference_lists(top + numbered)
        assert found[0].entries[0].number == 56, found[0].entries[0].text
        assert found[0].left_out == [1, 2]
    # (the end of an entry that closes on its date, set off as a reference sets it, stays an entry)
    found = find_reference_lists("of invented waders. Inv Pharm Rev, 11, 150-155, 1990.\n" + numbered)
    assert found[0].entries[0].text == "of invented waders. Inv Pharm Rev, 11, 150-155, 1990."


def test_the_first_entry_under_a_piece_at_the_top_is_cut_from_it_by_its_pages() -> None:
    # Wrapped flush text: the piece has no year (that was on the page before), its pages close it.
    text = (
        "cas des ports de la côte inventée, Cahiers des Marais, N° 63, pp. 33-62\n"
        "Castellan, M., Heron counts on an invented coast, Inv Coast Res 7, 1031-1041, 1991.\n"
        "Holt, S., Reed beds of the southern shores and the tides of spring, Inv Marsh\n"
        "Rev 312, 501-519, 2012.\n"
        "Quill, R., Nest sites of waders on invented mudflats, J Inv Ecol 88, 1214-1224,\n"
        "2005.\n"
        "\n" + ARTICLE_WRAPPED + "\n" + OWN_WRAPPED
    )
    texts = entry_texts(text)
    assert texts[0] == "cas des ports de la côte inventée, Cahiers des Marais, N° 63, pp. 33-62"
    assert texts[1].startswith("Castellan, M.") and texts[3].startswith("Quill, R.")


def test_prose_set_right_under_the_tails_last_entry_is_no_part_of_it() -> None:
    # PDF text: a note of the earlier article follows its list's last line with no blank line between.
    note = (
        "Herons were seen less often on the mudflats after the dams were opened, and only in the spring\n"
        "months of the last two years. The reed beds of the southern shore held most of the nests in\n"
        "every season of the survey.\n"
    )
    tail = (
        "Brindle PK, Osei A (2006) Tidal reach of invented marsh birds. J Inv Ornithol 46:758-767\n"
        "Castellan M, Dorn E (1991) Heron counts on an invented coast. Inv Coast Res 7:1031-1041\n"
        "Holt S, Pike R (2012) Reed beds of the southern shores. Inv Marsh Rev 312:501-519\n"
        "Quill R, Velde K (2005) Nest sites of waders on invented mudflats. J Inv Ecol 88:1214-1224\n"
    )
    found = find_reference_lists(tail + note + "\n" + ARTICLE_WRAPPED + "\n" + OWN_WRAPPED)
    assert [len(f.entries) for f in found] == [4, 4]
    assert found[0].entries[-1].text.endswith("J Inv Ecol 88:1214-1224")
    assert found[0].left_out == [5, 6, 7]  # the note is said, not dropped


def test_two_whole_references_at_the_top_before_the_articles_text_are_a_list() -> None:
    text = (
        "Castellan M, Dorn E (1991) Heron counts on an invented coast. Inv Coast Res 7:1031-1041\n"
        "\n"
        "Holt S, Pike R (2012) Reed beds of the southern shores. Inv Marsh Rev 312:501-519\n"
        "\n" + ARTICLE_WRAPPED + "\n" + OWN_WRAPPED
    )
    lists = raws_by_list(text)
    assert [len(found) for found in lists] == [2, 4]


def test_a_reference_that_reads_as_prose_is_no_article_text_inside_a_list() -> None:
    # No heading, blank lines between entries: one reference opens with no authors and runs on in lower case, as
    # prose does; its year with no citation around it makes it a reference, not the article's text.
    refs = [
        "Ashby L, Ulm B (2001) Egrets of the northern estuary in the years\nafter the dams. Inv Marsh Rev 12:101-109",
        "Dorn E, Quill R (2003) Reed beds after the dams were opened on an\ninvented river. J Inv Ecol 21:210-219",
        "Ministère des marais inventés et de l'occupation des rives du pays et des\ncôtes (2010). Indice des marais et"
        " des rives du pays, des étangs et des\ncôtes de la région. [en ligne (12 janvier 2016) :\n"
        "www.example.org/marais/indice-des-marais/ ].",
        "Osei A, Holt S (2008) Counting nests from the shore of an invented\nestuary. Inv Coast Res 30:55-61",
        "Tarrow A, Pike R (2014) Ten years of egret counts in two invented\nestuaries. J Inv Ornithol 60:300-311",
    ]
    lists = raws_by_list("\n\n".join(refs) + "\n")
    assert [len(found) for found in lists] == [5]


def test_the_rest_of_an_entry_that_ends_on_its_source_is_no_prose_under_it() -> None:
    # A title that runs on in lower case over two lines under the line of authors, year and a first word: prose
    # ends on a word, this ends on its journal, volume and pages.
    refs = [
        "Ashby L, Ulm B (2001) Egrets of the northern estuary in the years\nafter the dams. Inv Marsh Rev 12:101-109",
        "Dorn E, Quill R (2003) Reed beds after the dams were opened on an\ninvented river. J Inv Ecol 21:210-219",
        "Velde K, Ashby L, Ulm B (2007) Nests of herons.\nLoss of invented reed beds in the northern estuary leads to fewer nests of herons over the\n"
        "whole season and the next. The reed beds grow back slowly. Inv Marsh Rev 6: 181-194.",
        "Osei A, Holt S (2008) Counting nests from the shore of an invented\nestuary. Inv Coast Res 30:55-61",
        "Tarrow A, Pike R (2014) Ten years of egret counts in two invented\nestuaries. J Inv Ornithol 60:300-311",
    ]
    lists = raws_by_list("\n\n".join(refs) + "\n")
    assert [len(found) for found in lists] == [5]
    assert lists[0][2].endswith("Inv Marsh Rev 6: 181-194.")


TAIL_ONE_LINE = (
    "Brindle PK, Osei A (2006) Tidal reach of invented marsh birds. J Inv Ornithol 46:758-767\n"
    "Castellan M, Dorn E (1991) Heron counts on an invented coast. Inv Coast Res 7:1031-1041\n"
    "Holt S, Pike R (2012) Reed beds of the southern shores. Inv Marsh Rev 312:501-519\n"
)


def test_a_piece_at_the_top_of_only_a_place_and_publisher_is_an_entry() -> None:
    # Its year was on the page before: "London: Invented Press." is closed by its publisher, however short.
    for rest in (ARTICLE_ONE_LINE + OWN_ONE_LINE, ARTICLE_WRAPPED + "\n" + OWN_WRAPPED):
        texts = entry_texts("London: Invented Press.\n" + TAIL_ONE_LINE + "\n" + rest)
        assert texts[:2] == ["London: Invented Press.", TAIL_ONE_LINE.split("\n")[0]]


def test_a_piece_at_the_top_of_a_numbered_tail_closed_by_a_place_and_publisher_or_a_volume_and_pages() -> None:
    tail = (
        "34 Flemm LA. Invented study of nausea in marsh birds. Clin J Inv Nurs. 2004;8:303-6.\n"
        "35 Holt S, Pike R. Reed beds of the southern shores. Inv Marsh Rev. 2012;312:501-19.\n"
        "36 Quill R, Velde K. Nest sites of waders on invented mudflats. J Inv Ecol. 2005;88:1214-24.\n"
    )
    # ("Comp Aided Inv Des 22:507-521" is no section heading: it states a volume and pages.)
    for top in ("Trans. D. L. Knot. Bergen: Larch House.\n", "Europe PMC Funders Author Manuscripts\nComp Aided Inv Des 22:507-521\n"):
        found = find_reference_lists(top + tail)
        assert [entry.number for entry in found[0].entries] == [None, 34, 35, 36]
        assert found[0].entries[0].text == top.strip().split("\n")[-1]


def test_a_bracketed_year_opening_a_hanging_piece_at_the_top_is_no_label() -> None:
    # "(2010). Title ..." carried over with its hanging indent, its pages wrapped as "101-" / "107.": neither the
    # year nor the end of the page range is a list's label.
    # (The tail's entries are not all plainly references, so the one label was not read as a string's own number.)
    tail = (
        "Reed Atlas: a Marsh Water and Tide Model for an\n"
        "    Integrated Coastal Modelling Approach Tarrow, A., B. Velde\n"
        "    and C. Okafor April, 26 p. 2012 April\n"
        "Brindle PK, Osei A (2006) Tidal reach of invented marsh birds. J Inv\n"
        "    Ornithol 46:758-767\n"
        'INV/STD 2309-1: 2014/Amd. 1:2015: "Invented technology -- Counting\n'
        '    birds on the shore -- Part 1: Nests".\n'
        'Газета "Болотная птица". Уфа, 1953. № 38.\n'
    )
    text = (
        "Author Manuscript\n"
        "(2010). Reed beds of the southern shores and the tides of spring on\n"
        "    an invented coast. Inv Marsh Research, 181(2), 101-\n"
        "    107.\n" + tail + "\n" + ARTICLE_ONE_LINE + OWN_ONE_LINE
    )
    found = find_reference_lists(text)
    assert len(found) == 2 and all(entry.number is None for entry in found[0].entries)
    assert [entry.text[:10] for entry in found[0].entries[:3]] == ["(2010). Re", "Reed Atlas", "Brindle PK"]
    assert found[0].entries[0].text.startswith("(2010). Reed beds") and found[0].entries[0].text.endswith("101-107.")


def test_a_list_with_no_heading_is_cut_by_the_line_model_as_one_under_a_heading_is() -> None:
    # Wrapped flush text with no cue but the words: under a heading the line model weighs each break; a list
    # found by its shape at a document's end (no heading) is read the same way, whole or in parts.
    from vexascite.refstring.lists import _Finder

    for text in (OWN_WRAPPED, ARTICLE_WRAPPED + "\n" + OWN_WRAPPED, "References\n" + OWN_WRAPPED):
        asked: list[int] = []

        def teacher(previous: int, line: int, features: list[str], asked: list[int] = asked) -> bool:
            asked.append(line)
            return "rule:source" in features

        found = _Finder(text, teacher=teacher).run()
        first = text.count("\n") - OWN_WRAPPED.count("\n")  # the list's first line (0-based)
        assert set(range(first + 1, first + 8)) <= set(asked), text[:20]
        assert [len(f.entries) for f in found][-1] == 4


def test_a_tail_entry_left_on_a_bare_doi_tag_ends_at_the_blank_line_before_the_next_article() -> None:
    """``... 43(4):749-756. doi:`` closing the tail of the previous article's list, a blank line, then the next
    article's title: the DOI was never printed, so the title is no part of the entry (it was glued to it)."""
    tail = [
        "7. Quillfeather AB, Norrland PJ. Seasonal drift of invented plankton. J Fjord Res. 2004;12:45-52.",
        "8. Tamsin R, Oyelaran K. Marrow cells in an invented joint model of the knee. Arthritis Invent.\n"
        "2012;9:101-9. doi:",
    ]
    article = [
        "Azacitidine exposure in an invented cohort",
        "",
        "P. Arden, T. Brask",
        "",
        "Marrow counts fell after the first cycle [1]. Relapses were rare [2].",
        "",
        "References",
        "1. Haldane PK, Ruiz MT. Sleep and tidal rhythm in an invented cohort. Coast Res. 2009;41:210-6.",
        "2. Pellinen J, Obuya CS. Salt marsh birds of an invented coast. Coast Res. 1987;3:12-19. doi:10.5555/cr.3.12",
    ]
    assert raws_by_list("\n".join([*tail, "", *article])) == [tail, article[-2:]]
