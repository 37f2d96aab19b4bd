"""Numbered lists where the numbering before and after a line, or the way entries hang, says it opens an entry:
a last number misread with extra digits, numbers glued to a string's own digits, bare numbers before digits no
volume reads as, small gaps after an entry broken off as printed. All references are invented (10.5555 DOIs)."""

from __future__ import annotations

from tests.refstring.found import numbered_texts

_INTRO = "The article's last paragraph ends here.\n\nReferences\n\n"


def _numbers(text: str) -> list[int | None]:
    return [number for number, _ in numbered_texts(text)]


def test_the_list_s_last_number_misread_with_extra_digits_opens_the_last_entry() -> None:
    text = _INTRO + (
        "1. Halden D, Wrenn RA (2000) Marks of an invented disease. Inv Cell 100(1):57-70.\n"
        "2. Wendel RH, Camm G (2009) Invented enzyme partners. Inv Pharm 15:3886-3894.\n"
        "3. Ostrand J (2007) Blue blood: a short review. Inv J Hematol 82:134-144\n"
        "104. Gerd Lindqvist: Opening words. In: G. Lindqvist (Hrsg.): Brain and Town. Berlin: Nordhus, 2004, 13-16.\n"
        "\nFigure legends\nFIGURE 1 The cohort.\n"
    )
    entries = numbered_texts(text)
    assert [number for number, _ in entries] == [1, 2, 3, 104]
    assert entries[2][1].endswith("82:134-144")


def test_a_last_number_far_from_the_one_before_with_other_digits_stays_text() -> None:
    text = _INTRO + (
        "1. Halden D, Wrenn RA (2000) Marks of an invented disease. Inv Cell 100(1):57-70.\n"
        "2. Wendel RH, Camm G (2009) Invented enzyme partners. Inv Pharm 15:3886-3894.\n"
        "3. Ostrand J (2007) Blue blood: a short review. Inv J Hematol 82:134-144\n"
        "187. Gerd Lindqvist: Opening words. Berlin: Nordhus, 2004, 13-16.\n"
    )
    assert 187 not in _numbers(text)


def test_a_glued_next_number_before_a_string_that_opens_with_its_year_or_digits() -> None:
    for opening in ("2014 (in press), Ferrand, N., Ortlieb D. An invented survey. Inv Quat 25, 1-20.",
                    "5,6-Arata S, Oda M. Invented vomiting after head injury. Inv Neurochir. 1992; 119: 97-100."):
        text = _INTRO + (
            "8Mossberg PA, Lind LY. Invented B cells. Inv Immunity. 2010;32(1):129-40. doi: 10.5555/inv.2009.11.\n"
            "9Vance C. Import of invented aldolase. Inv J Cell Biol 105: 2649-2653, 1987.\n"
            f"10{opening}\n"
            "11Kowal R (2006) Invented dopamine and cognition. Inv Neurosci Rev 30:1-23\n"
            "12Lutz AB. Growth of invented cells. Inv Nature. 2001;3:1-9.\n"
        )
        assert _numbers(text) == [8, 9, 10, 11, 12], opening


def test_a_glued_number_past_a_gap_before_a_source_or_the_string_s_own_tight_label() -> None:
    gap = _INTRO + (
        "14Halden D, Wrenn RA (2000) Marks of an invented disease. Inv Cell 100(1):57-70.\n"
        "15Colle A, Dorn I (1993) Invented wavelets on an interval. Inv Acad Sci 316: 417-421.\n"
        "172003;9:1648-1655. Inv Clin Res\n"
        "18Osei K, Lind P. Invented sleep in shift work. Inv Sleep. 2012;35:10-19.\n"
        "19Morrow A, Penn B. An invented trial of rest. Inv Lancet. 2011;377:1-9.\n"
    )
    assert _numbers(gap) == [14, 15, 17, 18, 19]
    own = _INTRO + (
        "16Halden D, Wrenn RA (2000) Marks of an invented disease. Inv Cell 100(1):57-70.\n"
        "17Hanh JY: Invented germ cells. Inv Comp Immunol 2009, 32:61-80.\n"
        "1823.van den Hoek JH, Vlaar JW. Invented prevention of back pain. Inv J Pain. 2003;19: 87-96.\n"
        "19Osei K, Lind P. Invented sleep in shift work. Inv Sleep. 2012;35:10-19.\n"
        "20Morrow A, Penn B. An invented trial of rest. Inv Lancet. 2011;377:1-9.\n"
    )
    assert _numbers(own) == [16, 17, 18, 19, 20]


def test_a_glued_repeat_of_the_last_number_before_pages_stays_in_its_entry() -> None:
    text = _INTRO + (
        "1Foxe, J. H., Allan, V.T., Invented crater structure (abstract). Inv Geol Soc Bulletin, v. 65, pp.\n"
        "1252-1253. 1954.\n"
        "2Osei K, Lind P. Invented sleep in shift work. Inv Sleep. 2012;35:10-19.\n"
        "3Morrow A, Penn B. An invented trial of rest. Inv Lancet. 2011;377:1-9.\n"
    )
    entries = numbered_texts(text)
    assert [number for number, _ in entries] == [1, 2, 3]
    assert entries[0][1].endswith("1252-1253. 1954.")


def test_a_bare_next_number_before_digits_no_volume_reads_as_after_a_line_left_open() -> None:
    for line in ('42 4QZX TS 99.118: "Invented relay profiles for streaming".',
                 "42 17-Stefan Gourd, Alpha Bahn, and Mira Kall. Invented follow-up of 287 tumours. Inv Brain 12, 1-9.",
                 "42 14 R. F. Dane, 1996: Ecology of Invented Bivalves. Boca Raton: Inv Press. 254 pp."):
        text = _INTRO + (
            "44 Halden D, Wrenn RA (2000) Marks of an invented disease. Inv Cell 100(1):57-70.\n"
            "43 Rowe, N. and C. Nadal (2005) Invented citizenship. In A. Ong, eds., Assemblages, Pp. 439-463. Malden: Inv Publishing\n"
            f"{line}\n"
            "41 Osei K, Lind P. Invented sleep in shift work. Inv Sleep. 2012;35:10-19.\n"
            "40 Morrow A, Penn B. An invented trial of rest. Inv Lancet. 2011;377:1-9.\n"
        )
        assert _numbers(text) == [44, 43, 42, 41, 40], line


def test_a_bare_next_number_after_a_blank_line_or_at_the_list_s_end() -> None:
    blank = _INTRO + (
        "1\tLorne N., 1997, in Invented Stellar Conference Series, Vol. 120, Blue Variables, eds., p. 83,\n\n"
        '2\t4QZX TS 99.255: "Invented management; Charging; Stage 2".\n\n'
        "3\tMaddox, J., and Brill, M. (2003). Two invented populations of cilia. Inv Cell 114, 61-73.\n\n"
        "4\tOsei K, Lind P. Invented sleep in shift work. Inv Sleep. 2012;35:10-19.\n"
    )
    assert _numbers(blank) == [1, 2, 3, 4]
    end = _INTRO + (
        "23 Halden D, Wrenn RA (2000) Marks of an invented disease. Inv Cell 100(1):57-70.\n"
        "24 Theo Adler and Max Horn, Dialectic of Invention, trans. Ed Jeff (Stanford: Inv UP, 2002),\n"
        "25 17-Stefan Gourd, Alpha Bahn, and Mira Kall. Invented follow-up of 287 tumours.\n"
        "\nAcknowledgements\n\nWe thank the staff.\n"
    )
    assert _numbers(end) == [23, 24, 25]


def test_a_bare_number_under_a_line_left_open_before_a_volume_and_pages_stays_text() -> None:
    text = _INTRO + (
        "10 Halden D, Wrenn RA (2000) Marks of an invented disease. Inv Cell 100(1):57-70.\n"
        "11 Osei K, Lind P. Invented sleep in shift work. J Inv Res\n"
        "12 345-350.\n"
        "13 Morrow A, Penn B. An invented trial of rest. Inv Lancet. 2011;377:1-9.\n"
        "14 Lutz AB. Growth of invented cells. Inv Nature. 2001;3:1-9.\n"
    )
    assert 12 not in _numbers(text)


def test_a_small_gap_after_an_entry_broken_off_as_printed_when_the_numbering_is_in_step_around_it() -> None:
    paren = _INTRO + (
        "28) Halden D, Wrenn RA (2000) Marks of an invented disease. Inv Cell 100(1):57-70.\n"
        "29) McGill, William F., P. Merk, 1989, Reading invented scores by bending each sheet,\n"
        "31) Claire Isabeau, « Une invention », Societes inventees, n 83, 2011.\n"
        "32) Osei K, Lind P. Invented sleep in shift work. Inv Sleep. 2012;35:10-19.\n"
        "33) Morrow A, Penn B. An invented trial of rest. Inv Lancet. 2011;377:1-9.\n"
    )
    assert _numbers(paren) == [28, 29, 31, 32, 33]
    dot = _INTRO + (
        "5. Halden D, Wrenn RA (2000) Marks of an invented disease. Inv Cell 100(1):57-70.\n"
        "6. Beard, Colm and Wilde, John P., Learning Invented: A Guide Kept Short for\n"
        "8. Myelin-specific invented T cells gather in the CNS. Inv Med. 13:423-431. doi:10.5555/inv.8\n"
        "9. Osei K, Lind P. Invented sleep in shift work. Inv Sleep. 2012;35:10-19.\n"
        "10. Morrow A, Penn B. An invented trial of rest. Inv Lancet. 2011;377:1-9.\n"
    )
    assert _numbers(dot) == [5, 6, 8, 9, 10]


def test_a_gap_label_with_no_numbering_in_step_after_it_stays_text() -> None:
    text = _INTRO + (
        "5. Halden D, Wrenn RA (2000) Marks of an invented disease. Inv Cell 100(1):57-70.\n"
        "6. Beard, Colm and Wilde, John P., Learning Invented: A Guide Kept Short for\n"
        "8. Myelin-specific invented T cells gather in the CNS. Inv Med. 13:423-431.\n"
        "7. Osei K, Lind P. Invented sleep in shift work. Inv Sleep. 2012;35:10-19.\n"
    )
    assert 8 not in _numbers(text)


def test_where_entries_hang_a_label_flush_with_the_first_lines_opens_an_entry_whatever_its_number() -> None:
    text = _INTRO + (
        "28) Halden D, Wrenn RA, Lind P, Osei K, et al. (2000) Marks of an invented disease in a cohort of\n"
        "    patients. Inv Cell 100(1):57-70.\n"
        "28) McGill, William F., P. Merk, 1989, Reading invented scores by bending each sheet,\n"
        "30) Claire Isabeau, « Une invention », Societes inventees, n 83,\n"
        "    2011.\n"
        "30) Osei K, Lind P. Invented sleep in shift work. Inv Sleep. 2012;35:10-19.\n"
    )
    assert _numbers(text) == [28, 28, 30, 30]
    flat = text.replace("\n    ", "\n")  # nothing hangs: the same lines give no evidence
    assert _numbers(flat) != [28, 28, 30, 30]


def test_a_mistyped_number_holding_its_digits_before_a_run_of_authors_after_a_line_left_open() -> None:
    text = _INTRO + (
        "7. Halden D, Wrenn RA (2000) Marks of an invented disease. Inv Cell 100(1):57-70.\n"
        "8. Robin J., Perrin R. Invented heel spurs. Inv Paleo 6, 1990 73-75 heel outgrowth, rheumatism, foot disorders\n"
        "109. Mwala F, Wang HT, Zukov DJ, Hukk OL: Effect of an invented collagen fragment. Inv Orthop J 2008, 2:1-9.\n"
        "\n"
        "10. Osei K, Lind P. Invented sleep in shift work. Inv Sleep. 2012;35:10-19. doi:10.5555/inv.sleep.10\n"
    )
    entries = numbered_texts(text)
    assert [number for number, _ in entries] == [7, 8, 109, 10]
    assert entries[1][1].endswith("foot disorders")


def test_a_gap_after_a_closed_source_before_a_string_that_opens_in_lower_case() -> None:
    # "12.<tab>inv. phys. ..." under entry 6, the numbering going on upwards from it (18, 19), and "21. lind S-C"
    # as the list's last entry: labels of the list's form past a gap after an entry that closed its source, however
    # the string opens; before, each went into the entry above (two references in one).
    middle = _INTRO + (
        "5.\tHalden D, Wrenn RA (2000) Marks of an invented disease. Inv Cell 100(1):57-70.\n"
        "6.\tWendel RH, Camm G (2009) Invented enzyme partners in the fly\n"
        "immune response. Inv Immunobiol 211:251-261\n"
        "12.\tinv. phys. sol. (b) 77, 161 (1979)\n"
        "18.\tOstrand J, Lind P. Blue blood: a short review. Inv J Hematol. 2007;82:134-44.\n"
        "19.\tMorrow A, Penn B. An invented trial of rest. Inv Lancet. 2011;377:1-9.\n"
    )
    assert _numbers(middle) == [5, 6, 12, 18, 19]
    last = _INTRO + (
        "16. Halden D, Wrenn RA (2000) Marks of an invented disease. Inv Cell 100(1):57-70.\n"
        "17. Wendel RH, Camm G (2010) An invented assembler of short reads. Inv Comp Biol 6044/2010: 426–440.\n"
        "21. lind S-C, wong Y-C. Invented signs of ductal lesions of\n"
        "the liver. Br J Fict Radiol. 2003;76:600-4.\n"
        "\nTable 2   Invented factors of relapse\n"
    )
    assert _numbers(last) == [16, 17, 21]


def test_a_number_past_a_gap_against_the_numbering_ahead_stays_text() -> None:
    # "30." after 6 with 7 next: out of step with what follows, so it stays in its entry.
    text = _INTRO + (
        "5. Halden D, Wrenn RA (2000) Marks of an invented disease. Inv Cell 100(1):57-70.\n"
        "6. Wendel RH, Camm G (2009) Invented enzyme partners. Inv Immunobiol 211:251-261\n"
        "30. inv. phys. sol. (b) 77, 161 (1979)\n"
        "7. Ostrand J, Lind P. Blue blood: a short review. Inv J Hematol. 2007;82:134-44.\n"
    )
    assert 30 not in _numbers(text)


def test_a_bare_number_past_a_gap_after_a_closed_source_before_a_lower_case_name() -> None:
    # "14 lanner PM, ..." (an initial misread as l) as a bare list's last entry, after 11: it had gone into 11.
    text = _INTRO + (
        "10 Halden D, Wrenn RA. Marks of an invented disease. Inv Cell. 2000;100:57-70.\n"
        "11 Kowal A, Lutz H, Osei K, Mislin CN,\n"
        "   Venn M, Quill H. Invented mRNA levels in isolated\n"
        "   marsh cells. Inv Vet Immunol. 2001;78:305-15.\n"
        "14 lanner PM, Tabor GU, Marsh RL. Invented stem cells of the marsh vole\n"
        "can give rise to chimeras. Inv Dev Biol 1994; 163:288-292.\n"
    )
    assert _numbers(text) == [10, 11, 14]
