"""List finding: a list's bullets are one mark at one indent (invented references, 10.5555 DOIs)."""

from __future__ import annotations

from tests.refstring.found import entry_texts


def test_a_lone_bullet_and_a_dash_set_in_do_not_make_a_hanging_list_one_entry() -> None:
    lines = [
        "References",
        "",
        "· Brandvold, Ola, and Petra Siem. Quiet Harbours.",
        "    Bergen: Nordvik Film Board, 1962.",
        "Quillfeather AB, Norrland PJ (2004) Seasonal drift of invented",
        "    plankton in a model fjord. J Fjord Res 12:45-52.",
        "Tamsin R, Oyelaran K, Whitcombe D. Marrow cells in an",
        "    invented joint model. Arthritis Invent. 2012;9:101-9.",
        "HALDANE, Marit. \"Notes from the ward\"",
        "    - A nurse's diary of an invented clinic.",
        "    Nordvik Press 2009, 47 p.",
        "Pellinen J, Obuya CS. Salt marsh birds of an invented",
        "    coast. Coast Res. 1987;3:12-19. doi:10.5555/marsh.1987.3",
    ]
    texts = entry_texts("\n".join(lines) + "\n")
    assert len(texts) == 5, texts
    assert texts[0] == "Brandvold, Ola, and Petra Siem. Quiet Harbours. Bergen: Nordvik Film Board, 1962."
    assert texts[3].startswith("HALDANE, Marit.") and texts[3].endswith("47 p.")


def _wrapped_author_year(count: int) -> list[str]:
    """``count`` invented author-year references, each wrapped flush over two lines."""
    names = ["Arden", "Bexley", "Corran", "Dunmore", "Ellery", "Fenwick", "Garside", "Holloway", "Ingram", "Jessop"]
    lines = []
    for n in range(count):
        name = names[n % len(names)]
        lines.append(f"{name} K, Moss T ({1980 + n}) Seasonal counts of invented marsh birds in plot {n + 1} of the")
        lines.append(f"northern estuary. J Inv Marsh {n + 3}:{100 + n}-{110 + n}. doi:10.5555/marsh.{n + 1}")
    return lines


def test_two_strings_that_open_with_their_own_bullet_make_no_bulleted_list_of_the_rest() -> None:
    # Two of forty wrapped references open with "· ": read as the list's bullets they had made the forty one or
    # two entries.
    lines = _wrapped_author_year(40)
    lines[20] = "· " + lines[20]
    lines[60] = "· " + lines[60]
    texts = entry_texts("Prose of the article.\n\nReferences\n\n" + "\n".join(lines) + "\n")
    assert len(texts) == 40, [t[:40] for t in texts]


def test_a_back_matter_word_after_a_line_that_stops_on_the_is_the_title_going_on() -> None:
    # "Ethics" opens a back-matter heading, but after "(Ed.) The" it is the book's title wrapped to a line start.
    lines = _wrapped_author_year(6)
    lines[6:6] = [
        "Warrender, P. J. (1993) 'An invented view of the law on', in Q. R. Tamsin (Ed.) The",
        "Ethics of Keeping Invented Collections, Northfield, Invented State,",
        "Invented University Press.",
    ]
    texts = entry_texts("References\n\n" + "\n".join(lines) + "\n")
    assert len(texts) == 7, [t[:40] for t in texts]
    assert texts[3].endswith("Invented University Press.")


def test_an_en_dash_bullet_before_a_string_that_opens_with_a_symbol_opens_an_item() -> None:
    # In a list bulleted with en dashes, "– ´ E. Quill ..." (a string that opens with a stray accent) is an item
    # too; it had gone into the item above (two references in one).
    lines = [
        "References",
        "",
        "– Brandvold, Ola. 1990. \"Quiet Harbours of the North.\" In Idem, Notes on the Coast.",
        "     Bergen: Nordvik Press.",
        "– ´ E. Quill and S. Marsh, \"The basics of invented tides ,\"Inv J .Phys .7 ,204 ( 2005).",
        "– ———. Harbour Songs, 1918–1956: An Invented Collection. 3 vols. New York: Tide & Row, 1974.",
        "– Pellinen J, Obuya CS. Salt marsh birds of an invented",
        "     coast. Coast Res. 1987;3:12-19. doi:10.5555/marsh.1987.3",
    ]
    texts = entry_texts("\n".join(lines) + "\n")
    assert len(texts) == 4, texts
    assert "Quill and S. Marsh" in texts[1] and "Nordvik" not in texts[1]


def test_a_bulleted_item_that_carries_its_own_bracketed_number_opens_no_numbered_list() -> None:
    # With no heading, "•  [97] Quill, X., ..." among bulleted items had opened a numbered list of one entry that
    # took in every item after it.
    items = [
        "•  Halden D, Wrenn RA (2000) Marks of an invented disease. Inv Cell 100(1):57-70.",
        "•  Wendel RH, Camm G (2009) Invented enzyme partners. Inv Pharm 15:3886-3894.",
        "•  Ostrand J (2007) Blue blood: a short review. Inv J Hematol 82:134-144",
        "•  Salt-Inducing Factors of the Northern Marsh\n   in Invented Birds. J Inv Marsh\n   24(48):10963-10973",
        "•  [97] Quill, X., Marsh, A., Venn, H., et al., Spoken tides of the coast, Vol. 15,\n   Tide Hall PTR New Jersey, 2001.",
        "•  Lind B, Okafor AJ, Arvik A: Invented microRNA targets. Inv Biol 2004, 2:e363.",
        "•  *Brown, Fran, Samuel R. Marsh, and Charles A Quill. A Lexicon of the Old Marsh. Oxford, 1907.",
    ]
    text = "Marsh birds were counted from the air over four seasons in two estuaries.\n\n" + "\n".join(items) + "\n"
    texts = entry_texts(text)
    assert not any("Quill, X." in t and "Okafor" in t for t in texts), texts
    assert any(t.startswith("Lind B, Okafor AJ") for t in texts)


def test_a_publisher_s_notice_between_two_bulleted_entries_is_a_page_s_notice() -> None:
    # A bulleted list across a page break that left only the publisher's notice between two entries: the list
    # ended at the notice and the entries under it were lost.
    lines = [
        "References",
        "",
        "• Rabin R, de Marsh F: VQ-5D: a measure of invented health status from the",
        "Quill Group. Ann Inv Med 2001, 33(5):337-343.",
        "© 2008 Invented Marsh Inc. All rights reserved.",
        "• Nysted N, Yuen YH, Wahl Y: Joint effects of invented salts on",
        "marsh birds. Inv Mol Biol Rep 2009, 36:1275-1281.",
        "• Halden D, Wrenn RA (2000) Marks of an invented disease. Inv Cell 100(1):57-70.",
    ]
    texts = entry_texts("\n".join(lines) + "\n")
    assert len(texts) == 3, texts
    assert texts[1].startswith("Nysted N, Yuen YH") and "Rights" not in texts[1]


def test_a_bulleted_entry_s_first_line_between_two_pieces_of_furniture_is_kept() -> None:
    # "• Wend ER (1997) ..." alone between the page's running head and the next page's number: it had been dropped
    # as a footer, and its set-in tail went into the entry above.
    lines = [
        "References",
        "",
        "• Halden D, Wrenn RA (2000) Marks of an invented disease. Inv Cell 100(1):57-70.",
        "• Lorant JC, Glass A, Jacobs L. Invented loci for marsh-oil-induced arthritis. Proc Inv Acad Sci 1998; 95:6383-6387.",
        "Author Manuscript",
        "BECK ET AL.                  25",
        "• Wend ER (1997) An account of the bones of the invented horned marsh frog",
        "",
        "Page 26 of 45",
        "26 | www.inventedjournal.org/reports",
        "",
        "(Anura: Inventidae). J Inv Morphol 232: 169–206.",
        "",
        "• Osei K, Lind P. Invented sleep in shift work. Inv Sleep. 2012;35:10-19.",
    ]
    texts = entry_texts("\n".join(lines) + "\n")
    assert len(texts) == 4, texts
    assert texts[2].startswith("Wend ER (1997)") and texts[2].endswith("169–206.")


def test_a_bullet_after_a_form_feed_opens_an_item() -> None:
    # PDF text marks a page break with a form feed at the next page's first line: the bullet after it read as set in
    # by one space, a mark of another indent, so the item went into the last entry of the page before.
    lines = [
        "References",
        "",
        "• Halden D, Wrenn RA (2000) Marks of an invented disease. Inv Cell 100(1):57-70.",
        "• Lorant JC, Glass A, Jacobs L. Invented loci for marsh-oil-induced arthritis. Proc Inv Acad Sci 1998; 95:6383-6387.",
        "• Osei K, Lind P. Invented sleep in shift work. Inv Sleep. 2012;35:10-19. doi:10.5555/sleep.2012.35",
        "",
        "Downloaded from https://www.inventedjournal.org on May 2, 2014.",
        "\f• Quill, A., Venn, B. (2009). Invented feedback in marsh birds. J Inv Marsh 26, 439-449.",
        "• Rabin R, de Marsh F: VQ-5D: a measure of invented health status from the",
        "Quill Group. Ann Inv Med 2001, 33(5):337-343.",
    ]
    texts = entry_texts("\n".join(lines) + "\n")
    assert len(texts) == 5, texts
    assert texts[2].endswith("sleep.2012.35") and texts[3].startswith("Quill, A., Venn, B. (2009)")


def test_a_year_wrapped_alone_under_a_bulleted_entry_is_its_year_not_a_page_number() -> None:
    lines = [
        "References", "",
        "* Arden P, Brask T. Slow relapses in an invented cohort of forty patients followed for",
        "  ten years. J Inv Res. 2003;13(8):1786-800. DOI:",
        "  10.5555/jir.2003.13",
        "* QUILLON, C., Procédure inventée, t. III « Les délais », Namur, Maison Inventée,",
        "  1981",
        "* Cova L, Egli O. Why responses differ in a registry of invented patients. Nat Rev Things.",
        "  2019;13(4):234-243.",
    ]
    texts = entry_texts("\n".join(lines) + "\n")
    assert texts[1] == "QUILLON, C., Procédure inventée, t. III « Les délais », Namur, Maison Inventée, 1981"
