"""Cuts found on fresh training seeds (430-439), each on invented references: a list's next number before a string
that opens with digits under an entry closed by a semicolon, an abbreviated collaboration, a standard's designation
opening a document, authors after a publisher's name or after a line with no stop, a block of wrapped references
among paragraphs set apart, a hanging entry's line after a page break, and an editor's initials after ``In``."""

from __future__ import annotations

from tests.refstring.found import cut_between_wrapped, entry_raws, entry_texts
from vexascite.refstring.lists import _plain_opening


def test_a_glued_number_before_digits_after_an_entry_closed_by_a_semicolon_is_a_label() -> None:
    # "1020" + "3GPP TR ..." after 1019 whose source ends "155-161;": the entry above is complete (pages, then the
    # semicolon some strings keep), so the list's next number is read before the string's own digits.
    glued = [
        "1018Quill A, Marsh B. Invented tides of the north. Mar Inv Lett. 1990;12:45-52.",
        "1019Venn C, Arvik D. Invented harbour lights: keepers and care. J Inv Coast. 1991;25(1 Pt 2):155-161;",
        '10203GPP TR 99.905: "Vocabulary for invented systems".',
        "1021Okafor E, Lind F. Invented gulls of the southern coast. Coast Res. 1992;3:12-19.",
    ]
    assert entry_raws("References\n" + "\n".join(glued) + "\n") == glued
    # the same after a bracketed year and a semicolon, "(1948);"
    glued = [
        "14Quill A. Invented tides. Mar Inv Lett 12, 45 (1946).",
        "15J. R. QUILL, D. M. VENN et E. R. H. MARSH. J. Inv. Soc. 272 (1948);",
        '163GPP TS 99.402: "Architecture for invented accesses".',
        "17Okafor E, Lind F (1999) Invented gulls of the southern coast. Coast Res 3:12-19.",
    ]
    assert entry_raws("References\n" + "\n".join(glued) + "\n") == glued


def test_an_abbreviated_collaboration_after_a_publishers_place_opens_an_entry() -> None:
    texts = cut_between_wrapped(
        "Okafor M (2003) Invented harbours of the north.\nAn essay. Lakeside Books and\nTidewater Foundation, Bergen\n"
        "NOVA Collab. (R. Arvik et al.), Phys. Inv. Lett.\n17, 041802 (2012).\n"
    )
    assert len(texts) == 6
    assert texts[2].endswith("Tidewater Foundation, Bergen")
    assert texts[3].startswith("NOVA Collab. (R. Arvik et al.)")


def test_a_title_that_names_a_collaboration_goes_on_after_a_word_left_open() -> None:
    texts = cut_between_wrapped(
        "Okafor M (2003) Invented tides measured by the\nNOVA Collab. detector at the northern coast. Phys. Inv. Lett.\n17, 041802 (2012).\n"
    )
    assert len(texts) == 5
    assert "by the NOVA Collab. detector" in texts[2]


def test_a_standards_designation_opening_a_document_is_the_first_entry_of_the_tail_under_it() -> None:
    # The tail of an earlier article's list at a document's top, one reference a line, its first string a standard's
    # designation: "3GPP" is no glued label 3 opening a list of one entry that takes the next reference, and the
    # designation with its quoted title is an entry of the tail (a piece carried over reads as one too).
    tail = [
        '3GPP TS 99.240: "Invented charging; architecture and principles".',
        "A. Quill, M. Marsh, and F. Venn, \u201cInvented tides in harbours with lights,\u201d Inv. Coast, vol. 52, no. 4, pp. 1268\u20131278, 2010.",
        "Arvik, S., Okafor, B., & Lind, L. (2000). Invented keepers and their lights. Northern Inv Press.",
        "Holm BI, Penn MR (2003) Duration of invented tides after harbour surgery. Arch Inv Coast 163:1337-1342",
        "Marsh J, Venn Z, Quill W (2001) Invented gulls of the south. Coast Res 3:12-19",
    ]
    text = "\n".join(tail) + "\n\nThe article that follows begins with its own text, which is prose and no reference at all.\n"
    assert entry_raws(text) == tail


def test_authors_after_a_line_left_on_a_publishers_name_open_an_entry() -> None:
    # A book's entry closed by its publisher with no stop and no year ("... MA: Lakeside Press"), then authors in
    # Vancouver form: a new entry, as after a full stop (a title does not wrap to a run of names).
    head = "Venn, Arla and Tomas J. Marsh, eds. Invented Coasts: Tides, Keepers, and Lights as Northern Problems. Bergen. NO: Lakeside Press"
    previous = "Northern Problems. Bergen. NO: Lakeside Press"
    assert _plain_opening(previous, "Okafor GH, Arvik O, Lind F, Penn J, Holm S: The invented tide-specific", head)
    assert _plain_opening(previous, "Okafor GH, Arvik O, Lind F, Penn J, Holm S. The invented tide-specific", head)
    # (not after a line left on a word that is no publisher's: "... the Lakeside" goes on)
    assert not _plain_opening("Northern Problems of the Lakeside", "Okafor GH, Arvik O, Lind F, Penn J, Holm S: The", head)


def test_two_authors_with_their_initials_open_an_entry_after_a_line_with_no_stop() -> None:
    # "... analysis in progress" (no stop, no year) then "Lindqvist, M. A. and Okafor-Venn, I. S., "Title"": a title
    # does not wrap to two names with their initials; the same after a string's own number and "Bergen: IOHK".
    head = "Quill N., Marsh-Venn, P., Arvik J. \u201cThe Costs of Invented Tides\u201d, analysis in progress"
    assert _plain_opening("Invented Tides\u201d, analysis in progress", "Lindqvist, M. A. and Okafor-Venn, I. S., \"What is an", head)
    head = "The Invented Organization of Harbour Keepers (IOHK): The IOHK guideline for lights. 2002, Bergen: IOHK"
    assert _plain_opening("for lights. 2002, Bergen: IOHK", "61. Quillon, T.D. and J.M. Arvikson, Invented keepers' views", head)
    # Names wrapped within an author list, or an edited work inside an entry, go on.
    head = "Quill N., Marsh-Venn, P., Arvik J., Holm, K. L., Penn, A., Venn, B. and Lind, C. (eds.) Invented"
    for previous in ("Quill N., Marsh-Venn, P., Arvik J.,", "Quill N., Marsh-Venn, P., and", "Invented tides, edited by", "Invented tides. In:", "Holm, K. L."):
        assert not _plain_opening(previous, "Lindqvist, M. A. and Okafor-Venn, I. S., eds. Invented", head)
    texts = cut_between_wrapped(
        "Quill N., Marsh-Venn, P., Arvik J. \u201cThe Costs\nand Benefits of Invented Tides\u201d, analysis in progress\n"
        "Lindqvist, M. A. and Okafor-Venn, I. S., \"What is an\ninvented harbour?,\" Inv. Mat. Nauk 31(1), 173-198 (1976)\n"
    )
    assert len(texts) == 6
    assert texts[2].endswith("analysis in progress")


_TAIL = (
    "invented functors, vol. 21. Northern Invented Society, Bergen (2001)\n"
    "Quill SK, Marsh M, Lind C, Penn A, Holm A: Invented screening of harbour keepers:\n"
    "a validity study. Br J Inv Coast 1999, 175:444-451.\n"
    "Arvik SA, Venn F, Okafor JM, de Lind Holm AP, Marsh RR (2000) Identification of invented\n"
    "tides in the synthesis of harbour lights, a two-keeper study. Inv Coast Lett 185:157-161\n"
    "de Quillon B., 2012. Contribution au prodrome des marées inventées : les phares du nord.\n"
    "J. Inv. Soc. Bergen, 60 : 47-68.\n"
    "Okafor T, Venn D, Lind H, Holm S, Penn T, et al. (2004) Characterization of an invented\n"
    "gull homologue on the sporulation of harbour moss. Journal of invented biology 136: 283-291.\n"
    "Sandvold L, Marsh J, Quill E, Holm G, Penn R, Lind K. Tidal fitness as a predictor of keeping\n"
    "among healthy, middle-aged northern keepers. N Inv J Med 1993; 328:533-537.\n"
)
_PARAGRAPHS = (
    "\nTaken together, these invented analyses of keepers with tidal disease suggest that the lights can serve as\n"
    "both a marker of severity and a target of care (Quill et al., 2018).\n\n"
    "Gulls stimulate the chemotaxis of keepers and their lamps. Moreover, fresh nodules were found in\n"
    "the harbour, the lighthouse and the pier (Marsh et al., 2018).\n\n"
    "Among the various invented tides, the spring tide and its harbour activities were enhanced\n"
    "twenty-fold in highly migrating gulls compared with resting ones (Venn et al., 2020).\n"
)


def test_a_block_of_wrapped_references_before_paragraphs_set_apart_is_cut_where_its_entries_end() -> None:
    # The tail of an earlier list at a document's top, wrapped references set together, then paragraphs set apart
    # by blank lines: the blank lines are the paragraphs', and the block is several entries, not one.
    texts = entry_texts(_TAIL + _PARAGRAPHS)
    assert len(texts) == 6
    assert texts[0].startswith("invented functors")
    assert texts[1].startswith("Quill SK") and texts[1].endswith("175:444-451.")
    assert texts[5].startswith("Sandvold L") and texts[5].endswith("328:533-537.")


def test_a_hanging_entrys_line_after_a_page_break_at_the_end_of_a_tail_goes_on() -> None:
    # The tail of an earlier list at a document's top, its last entry cut by a page break after "... Bergen: Lakeside"
    # (no stop), its last line set in at the list's hanging indent after the page's notice and running head.
    lines = [
        "41) Quill AB, Marsh T (2004) Seasonal drift of invented plankton in a model fjord.",
        "    J Fjord Res 12:45-52.",
        "42) Venn AM, Okafor SS, Lind S: Invented dots for live gulls, in vivo",
        "    imaging, and diagnostics. Inv Science 2005, 307:538-544.",
        "43) Arvik X., Holm R.Y., Penn X.C. (1990) The invented fauna of the fjords. Bergen: Lakeside",
        "",
        "\u00a9 2022 The Authors. Published by Invented Press Ltd. All rights reserved.",
        "Invented relapses of the ear in northern keepers\t7",
        "",
        "    Keepers\u2019 Publishing House, x + 542 pp. (in Norwegian).",
        "",
        "The cohort predicted the inflammatory score in most keepers after one year of follow-up.",
        "",
    ]
    texts = entry_texts("\n".join(lines))
    assert texts[-1] == (
        "43) Arvik X., Holm R.Y., Penn X.C. (1990) The invented fauna of the fjords. Bergen: Lakeside Keepers\u2019 "
        "Publishing House, x + 542 pp. (in Norwegian)."
    )


def test_an_editors_initials_after_in_at_a_lines_end_go_on_to_the_family_name() -> None:
    # "... In B." / "Quillon, S. Lind, & A. H.-J. Okafor (eds.), ...": the edited book's first editor cut after the
    # initials, not an entry closed by a full stop before authors.
    text = (
        "The harbour keepers were studied over ten years (Quill et al., 2004), and the notes were read again.\n\n"
        "Arvik, T. (2012). Invented tides and their keepers in the north: a study of\nharbour lights. Bergen: Lakeside Press.\n"
        "Marsh, Arla, & Venn, Tomas. 2002. Invented babbling: Evidence for tide\ndifferentiation in dual harbour keeping. In B.\n"
        "Quillon, S. Lind, & A. H.-J. Okafor (eds.), Proceedings of the 26th Bergen\nConference on Tides (383-392). Somerville, MA: Lakeside Press.\n"
        "Penn, D. (2010). Invented gulls of the south and their keepers in the\nharbours. Coast Res, 3, 12-19.\n"
        "Holm, K. (2009). Invented lights of the northern\nharbours. Inv Coast, 4, 1-9.\n"
    )
    texts = entry_texts(text)
    assert len(texts) == 4
    assert "keeping. In B. Quillon, S. Lind, & A. H.-J. Okafor (eds.), Proceedings" in texts[1]
