"""Numbers that open no list (a number wrapped to a hanging or bulleted entry's set-in line, a string's own
bracketed number in an unnumbered list), a paragraph of prose that opens on words read as a name, and a
standard's designation that ends its entry at its quoted title."""

from __future__ import annotations

from tests.refstring.found import cut_between_wrapped, entry_texts
from vexascite.refstring import find_reference_lists
from vexascite.refstring.lists import _plain_opening

_HANGING = (
    "  Quillfeather AB, Norrland PJ (2004) Seasonal drift of invented plankton in a\n"
    "      model fjord. J Fjord Res 12:45-52. doi:10.5555/fjord.2004.12\n"
    "  Tamsin R, Oyelaran K, Whitcombe D. Marrow cells in an invented joint model of\n"
    "      the knee. Arthritis Invent. 2012;9:101-9.\n"
    "  Lindqvist, Ola M. 1927. Invented letters of the northern coast in the\n"
    "      harbour archives. Proceedings of the Invented Society of Letters\n"
    "      27. 44-118.\n"
    "  Haldane PK, Ruiz MT. Sleep and tidal rhythm in an invented coastal cohort of\n"
    "      adults. Coast Res. 2009;41:210-6.\n"
    "  Pellinen J, Obuya CS. Salt marsh birds of an invented coast. Coast Res.\n"
    "      1987;3:12-19.\n"
    "  Okafor T, Venn D (2011) Invented tides and their keepers. Mar Inv\n"
    "      8:77-90. doi:10.5555/marinv.2011.8\n"
)


def test_a_number_on_a_hanging_entrys_wrapped_line_opens_no_list() -> None:
    # "27. 44-118." is the volume and pages of the entry above, set in as its wrapped lines are: no list of one
    # entry numbered 27 that takes every reference after it.
    texts = entry_texts("Body text of the article ends here.\n\n" + _HANGING)
    assert len(texts) == 6
    assert texts[2].endswith("27. 44-118.")
    assert texts[3].startswith("Haldane PK")


def test_a_number_on_a_bulleted_entrys_wrapped_line_opens_no_list() -> None:
    text = (
        "Body text of the article ends here with a final sentence [4].\n\n"
        " • Quillfeather AB, Norrland PJ (2004) Seasonal drift of invented plankton in a\n"
        "\tmodel fjord. J Fjord Res 12:45-52. doi:10.5555/fjord.2004.12\n"
        " • Venn, L. (2011). Tidal recovery in a made-up harbour cohort: a\n"
        "\t3½-month follow-up of harbour keepers. Inv J Coast, 7, 11-19.\n"
        " • Tamsin R, Oyelaran K, Whitcombe D. Marrow cells in an invented joint model of\n"
        "\tthe knee. Arthritis Invent. 2012;9:101-9.\n"
        " • (Z. Invented Coast.\n"
        "\t2 b,\n"
        "\t267-274\n"
        "\t[1947];\n"
        " • Haldane PK, Ruiz MT. Sleep and tidal rhythm in an invented coastal cohort of\n"
        "\tadults. Coast Res. 2009;41:210-6.\n"
        " • Pellinen J, Obuya CS. Salt marsh birds of an invented coast. Coast Res.\n"
        "\t1987;3:12-19.\n"
    )
    found = find_reference_lists(text)
    assert [len(one.entries) for one in found] == [6]
    assert all(entry.number is None for entry in found[0].entries)


_AFTER_OWN_NUMBER = (
    "  Quillfeather AB, Norrland PJ (2004) Seasonal drift of invented plankton in a\n"
    "      model fjord. J Fjord Res 12:45-52. doi:10.5555/fjord.2004.12\n"
    "  Okafor, T. (1999) Invented tides of the northern shore. The Invented Review\n"
    "      of Harbours, 3-10.\n"
    "  [29] Lars Quill, Ines Marsh, and Tomas Arvik. Invented traversal of\n"
    "      harbour charts.\n"
    "  Tamsin R, Oyelaran K, Whitcombe D. Marrow cells in an invented joint model of\n"
    "      the knee. Arthritis Invent. 2012;9:101-9.\n"
    "  Venn, W., 1899. Die erfundenen Häfen des Nordens. Inv. Hafen. Bergen, 25:\n"
    "      1-217.\n"
    "  Lindqvist, Kristin H., and Timothy R. Penn. 2007. Teaching invented tides\n"
    "      at home. Journal of Invented Behavior 40 (2): 223-237.\n"
)


def test_a_strings_own_bracketed_number_in_a_hanging_list_with_no_heading() -> None:
    # The string that carries "[29]" states no year or source; the three references after it, cut apart by their
    # hanging indents, are no part of it.
    texts = entry_texts("Body text of the article ends here.\n\n" + _AFTER_OWN_NUMBER)
    assert len(texts) == 6
    assert texts[2].endswith("harbour charts.")
    assert texts[3].startswith("Tamsin R")


def test_a_strings_own_bracketed_numbers_out_of_step_under_a_heading() -> None:
    text = (
        "Body text of the article ends here.\n\nReferences\n\n"
        "[10] E. Quill, P. Marsh, Inv. Lett. 2010, 10, 1082.\n"
        "Venn, D. M. (2008). Crowding in invented harbours: A mini-review. Invented\n"
        "\tResearch, 48, 635-654.\n"
        "[8] Lars Arvik, Stephen M. Okafor, and J. Christian Penn. The invented wheel\n"
        "\tfor steering in harbours. Proc. of the Lakeside Tide Meeting,\n"
        "\tOctober 2013.\n"
        "Lind A, Sharma KR, Quill HY (2009) Invented venom alkaloids attract\n"
        "\tflies. Inv Naturwiss 96:1421-1429\n"
        "Bekker M, Kramer G, Marsh AF et al (2007) Changes in the invented\n"
        "\tquinone pool. Inv Microbiol 153:1974-1980\n"
        "Osei S. Expression of an invented phosphatase. Proc Inv Acad Sci\n"
        "\t1993; 90:10633-10637.\n"
        "Croft WS, Penn AM. Inactivation of invented viruses by common\n"
        "\tantiseptics. J Inv Microbiol 1988; 26:213-5.\n"
    )
    found = find_reference_lists(text)
    assert [len(one.entries) for one in found] == [7]
    texts = [entry.text for entry in found[0].entries]
    assert texts[0].endswith("2010, 10, 1082.") and texts[1].startswith("Venn, D. M.")


def test_a_paragraph_that_opens_on_words_read_as_a_name_is_prose() -> None:
    # "Indeed, Marshland keepers ..." reads as an inverted name; the paragraph is prose all the same. Taken for the list's
    # first entry, the blank lines between it and the next paragraphs made the list one of entries apart by blank
    # lines, and the wrapped block of references after them one entry.
    prose = (
        "Indeed, Marshland keepers count the gulls on each of the made-up piers twice a week, and the\n"
        "counts rise when the wind turns west (Smith et al., 2020). We walked the shore at low water\n"
        "and noted every nest we could see from the path (Smith et al., 2003). This, as a rule, took\n"
        "most of a morning. The walks were kept short on stormy days so that no keeper went out\n"
        "alone past the old light and the sand bar (Smith et al., 2016).\n"
        "\n"
        "The harbour school runs a small study of the pier posts, which rot more slowly in salt than\n"
        "in fresh water (Smith et al., 2007). Our notes show a slow change in the colour of the posts\n"
        "over the years and a quick one after each winter storm along the northern pier.\n"
        "\n"
        "Among the things we did not expect was a rise in the number of crabs under the made-up pier\n"
        "(Smith et al., 2015). On the whole, our walks give a rough picture of the harbour and its\n"
        "keepers. The counts are of most use when read together with the tide tables, and they\n"
        "fell over time (Smith et al., 2018).\n"
        "\n"
    )
    block = (
        "Quillfeather AB, Norrland PJ, Venn D, Arvik L: INVENTED-DRIFT: maximum likelihood\n"
        "drift analysis using quartets. Inv Bioinformatics 2002, 18(3):502-504.\n"
        "Tamsin R, Oyelaran K, Whitcombe D. Marrow cells in an invented joint model of the knee.\n"
        "Arthritis Invent. 2012;9:101-9.\n"
        "Haldane PK, Ruiz MT (1990) Sleep and tidal rhythm in an invented coastal cohort of\n"
        "adults. Coast Res 57:132a\n"
        "Pellinen J, Obuya CS: Salt marsh birds of an invented coast: An\n"
        "overview. Eur J Inv Coast 2007, 17(2):211-3.\n"
    )
    texts = entry_texts(prose + block)
    assert len(texts) == 4
    assert texts[0].startswith("Quillfeather AB") and texts[0].endswith("18(3):502-504.")


def test_a_standards_designation_ends_at_its_quoted_title() -> None:
    head = '3GPP TS 99.123: "Invented charging; 5G harbour, charging service; stage 3".'
    assert _plain_opening(head, "Quill JR:Slow waves in a made-up harbour basin of the north: I. The", head)
    wrapped = '3GPP TS 99.124: "Invented streaming over harbour links ( 3GP-HARB)".'
    assert _plain_opening('harbour links ( 3GP-HARB)".', "DI VENTO M., “Invented History as Encounter”, in The", wrapped)
    # (what follows a standard's title in its own entry, its version or date, goes on)
    assert not _plain_opening(head, "V16.0.0 (2019-03).", head)
    texts = cut_between_wrapped(
        f"{head}\n"
        "Quill JR:Slow waves in a made-up harbour basin of the north: I. The\n"
        "first approximation for short tides. Inv Tide Mag 46:19-22, 1955.\n"
    )
    assert texts[2] == head
    assert texts[3].startswith("Quill JR:Slow waves")


def test_a_date_wrapped_to_a_lines_start_opens_no_list() -> None:
    # "2 March 2014]." is the day an item was accessed, wrapped under "[Accessed": no list of one entry numbered 2.
    text = (
        "PLoS One. Author manuscript; available in PMC 2017 July 01.\n"
        "Quillfeather AB, Norrland PJ (1996) Prediction of invented tides in a model\n"
        "fjord using an invented network. Inv Fjord 347: 1146–50.\n"
        "Venn W (2008) An introduction to invented harbours, volume 2. Lakeside & Sons.\n"
        "HKA. 2012. Who we are: Made-up aims [Online]. Available:\n"
        "http://www.example.org/tides/aims [Accessed\n"
        "2 June 2015].\n"
        "Grozdea J, Vergnes H, Marsh A, Lindqvist G, Martin J, Blunn C,\n"
        "Arvik P. Heat resistance of an invented phosphatase. Inv Genet (1988) 78:\n"
        "240-243.\n"
        "Okonkwo L et al (2010) Mapping of made-up shoals in the harbour. Inv\n"
        "Biol 7(9):e1000205. doi:10.5555/invbiol.2009.7\n"
    )
    found = find_reference_lists(text)
    assert [len(one.entries) for one in found] == [5]
    assert all(entry.number is None for entry in found[0].entries)
    assert found[0].entries[2].text.endswith("[Accessed 2 June 2015].")


def test_a_name_in_han_script_after_a_latin_line_left_on_a_word() -> None:
    # "... 2001 Lakeside Heidelberg" or "... Association of Invented Products" end on a word with no stop; a name in
    # Han script and a comma or its bracketed year opens the next entry all the same.
    texts = cut_between_wrapped(
        "Kohlberg, T. Invented Maps 2001 Lakeside Heidelberg\n"
        "王小明, 李大海, '港口制度研究', 法學評論, 總第221期, 2020.\n"
        "Moriga and Yoshida, \"Invented Dyes and Harbours\", vol. 9, p. 84,\n"
        "Association of Invented Products\n"
        "王義文(1989). 港口与八景. 北京園林. 1(-): 29-31.\n"
    )
    assert texts[2] == "Kohlberg, T. Invented Maps 2001 Lakeside Heidelberg"
    assert texts[3].startswith("王小明")
    assert texts[4].endswith("Association of Invented Products")
    assert texts[5].startswith("王義文(1989)")


def test_one_glued_number_again_and_again_is_no_numbering_under_a_heading() -> None:
    # "3GPP TS 99.551: ..." and its wrapped '3".' read as a label 3 glued to the text twice: no numbering steps so,
    # and the hanging list under the heading is read unnumbered.
    text = (
        "Body text of the article ends here.\n\nLiteratur\n\n"
        "  38. Quillfeather AB, Norrland PJ, Venn D, et al. Predictive factors of invented\n"
        "  \tharbour destruction in a prospective study. Inv Rheumatol. 2016: 1-6.\n"
        "  Tamsin R, Oyelaran K, Whitcombe D: The central element protein INV1 of the\n"
        "  \tinvented complex. Plant Inv 2010, 22:417-430.\n"
        '  3GPP TS 99.551: "Harbour links; Tide Flow Reporting Function; Stage\n'
        '  \t3".\n'
        "  Lin F, Wang HY, Malbon CC: Invented formation of signalling complexes in\n"
        "  \treceptor desensitization. J Inv Chem 2000, 275:19025-19034.\n"
        '  J. C. Y. Quill, L. Marsh, and C. L. Venn, "Surface states of invented harbours,"\n'
        "  \tPhys. Inv. B, vol. 78, p. 045426, Jul 2008.\n"
        "  Haldane PK, Ruiz MT. Sleep and tidal rhythm in an invented coastal cohort of\n"
        "  \tadults. Coast Res. 2009;41:210-6.\n"
    )
    found = find_reference_lists(text)
    assert [len(one.entries) for one in found] == [6]
    assert found[0].entries[2].text.startswith("3GPP TS 99.551")


def test_a_descending_bare_list_whose_first_string_opens_with_digits() -> None:
    # "3 3GPP TS ..." opens a list numbered down to 1: its label is 3, and the string's own digits are its text.
    text = (
        "Body text of the article ends here.\n\nReferencias:\n"
        '3 3GPP TS 99.316: "Made-up tide gauge access for harbour links (HTL)".\n'
        "2 Marsh MC, Ferreres F, Lind AP, Paulino N: Invented compounds from northern\n"
        "propolis. J Inv Ethnopharmacol 2001, 74:105-112.\n"
        "1 Osei K (1982) Invented corals from the northern cay. Inv Contrib Mar Sci 12:303–310\n"
    )
    found = find_reference_lists(text)
    assert [len(one.entries) for one in found] == [3]
    assert [entry.number for entry in found[0].entries] == [3, 2, 1]
