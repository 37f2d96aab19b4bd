"""Causes of merges the first two generators (benchmarks/docgen.py, docgen_alt.py) still showed on fresh seeds
550-559, each on invented references."""

from __future__ import annotations

from tests.refstring.found import entry_raws


def test_initials_then_family_name_and_a_colon_open_an_entry_after_a_full_stop() -> None:
    """Authors in natural order with their initials and a colon, as physics and German theses set them
    (``M. Quellmann: Title``, ``A. Berg, K. Lunde: Title``), after a line that ends on a full stop in an entry with no
    year: a new entry, as ``Fowlerton JF: Title`` is; a title does not wrap to such a line."""
    text = (
        "References\n"
        "Snell MS, Ardent TU, Barrow D (2006) Invented population sizes in a model\n"
        "ciliate. Inv Mol Evol 23: 2474-2479.\n"
        "Y. L. PASTEL, O. CORVANT et F. FOURNEL. Inv Tetrahedron. Soumis a publication.\n"
        "M. Quellmann: Simulationsgestuetzte Auslegung fuer das Umformen erfundener\n"
        "Platinen (Erfundener Verlag, Bamberg 2007).\n"
        "A. Berg, K. Lunde: Invented forming of sheet metal parts. Inv Mater Process 12\n"
        "(2011) 33-41.\n"
        "Sandvik Dahl JS, Storm M, Rijnaard WI (2002) Invented lipids make a dense\n"
        "bacterial membrane. Inv Nature 419:708-712\n"
    )
    found = entry_raws(text)
    assert len(found) == 5, found
    assert found[1].endswith("Soumis a publication."), found
    assert found[2].startswith("M. Quellmann:") and found[3].startswith("A. Berg, K. Lunde:"), found


def test_an_unlabelled_entry_flush_with_a_hanging_entrys_label_ends_the_numbered_entry() -> None:
    """A list with hanging indents whose first string carries its own number (``(32) Lee, H.; ...``): the next line
    flush with that label, under the entry's complete last line, opens with authors and wraps (so it is no whole
    reference on its line). Where entries hang, it is a reference of its own, not more of entry 32."""
    text = (
        "Invented prose paragraph on the northern basin, with enough words in it to read as an\n"
        "article's text rather than a list (Quill et al., 2019). We aimed to measure the tides.\n"
        "\n"
        '  (32) Lee, H.; Venn, G.; Okafor, J. "Invented optical reading of local\n'
        '       solvent fields and their drift amplitudes." J. Inv. Chem. A 2012, 116,\n'
        "       347-357.\n"
        "  Adlerton I, Lindqvist E, Abe N, Holm B: Reduced invented bacteria in the\n"
        "       infantile bowel: an effect of the tides? Inv Pediatr Res 2006, 59:96-101.\n"
        "  Malik, Zahid. 1992. An invented history of the northern bomb.\n"
        "       Islamabad: Hurmat.\n"
        "  Hawkes RM, Willems RW, Bridger MW: Invented needle-track spread in a\n"
        "       gastrostomy tube. Inv Cardiovasc Radiol 2005, 28:377-380.\n"
        "  Heimdal C, Nemeth CB: The role of invented trauma in the neurobiology\n"
        "       of mood. Inv Psychiatry 2001, 49(12):1023-39.\n"
    )
    found = entry_raws(text)
    assert len(found) == 5, found
    assert found[0].rstrip().endswith("347-357.") and "Adlerton" not in found[0], found
    assert found[1].lstrip().startswith("Adlerton I") and found[1].rstrip().endswith("59:96-101."), found


def test_a_publishers_name_closes_an_entry_before_the_next_number_past_a_gap() -> None:
    """A book closed by its publisher's name with no stop (``New York:`` / ``Lakeside University Press``), then the
    list's number two on (a gap) glued to a string that opens with its own label (``15[85] Justin ...``): the entry is
    complete, so the number opens the next entry, as it does after a line that ends on a stop."""
    text = (
        "References\n"
        "11Quill P, Marsh NE: Invented tides of the northern basin. J Inv Oceanogr\n2001, 12:33-41.\n"
        "12Berg, Wendel. \u201cFarming an Invented Economy.\u201d In Another Turn\nof the Crank. Bergen: Tidewater, 1995, 1-7.\n"
        "13Lindqvist HE, Osei KE, Abe G: Invented lesions of the northern\nshelf. Inv Retina 1988, 8:270-274.\n"
        "13SALTEN, S., 1996. Losing Invented\nGrip? Rule in an Era\nof Invention. New York:\nLakeside University Press\n"
        "15[85] Justin Okafor, Andrej Venn,\n  and Li Holm. InventCap: invented\n  placement nets for thick\n  captions. In CVPR, 2016.\n"
        "16Hall DG (2007) Invented acid-catalyzed\nallylboration of carbonyls. Inv Synlett 12:164-70.\n"
        "17Levin, D. M. (2008). Invented crowding: a mini-review. Inv Vision Res, 48, 635-654.\n"
    )
    found = entry_raws(text)
    assert len(found) == 7, found
    assert found[3].rstrip().endswith("Lakeside University Press"), found
    assert found[4].startswith("15[85] Justin Okafor"), found


def test_a_label_at_the_first_lines_indent_opens_an_entry_after_a_page_range_cut_on_its_hyphen() -> None:
    """Entries set in on their first line only (``  27. Okafor Y, ...`` then lines flush left), an entry printed with
    its page range cut on the hyphen (``... 31(9):1564-``), then ``  31. Venn K, ...`` at the first lines' indent past
    a gap: a new entry, not the end page of the range, as a line flush with the labels is where entries hang."""
    text = (
        "References\n"
        "  26. Quill P, Marsh NE. Invented tides of the northern basin. J Inv\n"
        "Oceanogr 2001;12:33-41.\n"
        "  27. Okafor Y, Lund X, Ho GW (2008) Invented separation of hydrophilic\n"
        "compounds by an online invented system. J Inv Sci 31(9):1564-\n"
        "  31. Venn K, van Dalen WJ, Klaver RV, et al. Invented structure of a\n"
        "binding protein of the northern shelf. Inv Nature 2001; 411: 269-76.\n"
        "  32. Holt S. Dunes of the invented shore. Inv Coast 1999;3:4-9.\n"
        "  33. Pratt D, Abe M. Invented reefs of the southern\n"
        "shelf. Inv Mar Biol 2018;2:1-3.\n"
    )
    found = entry_raws(text)
    assert len(found) == 5, found
    assert found[1].rstrip().endswith("1564-"), found
    assert found[2].lstrip().startswith("31. Venn K"), found


def test_a_journal_footer_seen_once_between_an_entrys_title_and_its_source_is_furniture() -> None:
    """A page's foot in a journal's citation form (``Front. Inv. 50:8438. doi: 10.3389/...``, ``Inv Clin Invest.
    2019;280(5):1955-9875``), seen once, between an entry's title and its own source (a journal's name with its volume
    and pages, no label): the entry states no source above it, so the foot cuts the entry and is left out. A source
    cut in two, its pages below (``Blood Inv. 2020; 39(3)`` / ``e1234-e1240.``), stays the entry's."""
    text = (
        "References\n"
        "19.\nQuill P, Marsh NE. Invented tides of the northern basin. J Inv Oceanogr 2001;12:33-41.\n"
        "20.\nSeibold ML, Babu JR, Okafor T (2004) Invented sequestosome is a chain binding\n"
        "protein involved in invented degradation.\n"
        "Front. Inv. 50:8438. doi: 10.3389/finv.2020.8438\n"
        "Inv Mol Cell Biol 24:8041-8052\n"
        "21.\nLees-Holm, P., & Donn, J. T. (1994). The ability of invented subjects to\n"
        "report symptoms of invented injury.\n"
        "Inv Clin Invest. 2019;280(5):1955-9875\n"
        "Journal of Invented Psychology, 50(2), 252-256.\n"
        "22.\nVenn K, Abe M. Invented reefs of the southern shelf.\n"
        "Blood Inv. 2020; 39(3)\n"
        "e1234-e1240.\n"
        "23.\nPratt D. Dunes of the invented shore. Inv Coast 1999;3:4-9.\n"
    )
    found = entry_raws(text)
    assert len(found) == 5, found
    assert "8438" not in found[1] and found[1].rstrip().endswith("24:8041-8052"), found
    assert "1955" not in found[2] and found[2].rstrip().endswith("252-256."), found
    assert "Blood Inv. 2020; 39(3)" in found[3] and found[3].rstrip().endswith("e1234-e1240."), found


def test_a_journal_footer_seen_once_under_authors_left_open_is_furniture() -> None:
    """A page's foot in a journal's citation form (``Inv Clin Invest. 2019;364(11):1479-9895``), seen once, right under
    an entry's authors left open with no title yet (``Dasse M, Gabor I, Barzel N`` / foot / ``(2004) Invented caloric
    ...``): an entry's source never follows its authors with no title, so the foot is left out, and the bracketed year
    below is the entry's, no label."""
    text = (
        "References\n"
        "2.\nQuill P, Marsh NE. Invented tides of the northern\nbasin. J Inv Oceanogr 2001;12:33-41.\n"
        "3.\nDasse M, Gabor I, Barzel N\n"
        "Inv Clin Invest. 2019;364(11):1479-9895\n"
        "(2004) Invented caloric restriction, body\nfat and ageing in invented models. Inv Obes\nRev 5: 13-19.\n"
        "4.\nPratt D. Dunes of the invented shore. Inv\nCoast 1999;3:4-9.\n"
    )
    found = entry_raws(text)
    assert len(found) == 3, found
    assert "1479" not in found[1] and "(2004) Invented caloric" in found[1], found


def test_a_run_of_vancouver_authors_opens_an_entry_after_a_publishers_place_with_no_stop() -> None:
    """An entry that states its year ends on its publisher and place with no stop (``... vol 12. Springer
    Heidelberg``); the next line is a run of authors in Vancouver form left open on a comma (``Brook K, Worley LE,
    Dawson B,``). A title or source does not wrap to three names with their initials: a new entry."""
    text = (
        "References\n"
        "Okafor T, Lind M (2009) Invented neural maps of the northern shelf. In:\n"
        "Venn A, Marsh K (eds) Artificial Invented Networks, ICANN 2009. Lecture\n"
        "Notes in Invented Computing, vol 12. Springer Heidelberg\n"
        "Brunn K, Worrell LE, Davies B,\n"
        "Quill P. An invented study of nursing practice in rural clinics. Inv Nurs\n"
        "Res 2004;12:33-41.\n"
        "Pratt D, Holm S (2011) The invented frameworks of evidence in care. Inv\n"
        "Nurs Q 8:1-9\n"
    )
    found = entry_raws(text)
    assert len(found) == 3, found
    assert found[0].rstrip().endswith("Springer Heidelberg") and found[1].startswith("Brunn K, Worrell LE"), found
