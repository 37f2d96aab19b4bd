"""Finding reference lists in Markdown, PDF-extracted and plain text."""

from __future__ import annotations

from tests.refstring.found import entry_raws, entry_texts
from vexascite.refstring import find_reference_lists, parse_reference
from vexascite.refstring.lists import cut_features, join_lines


def _entries(text: str) -> list[tuple[str, int | None, int, str]]:
    return [(found.label, entry.number, entry.line, entry.text) for found in find_reference_lists(text) for entry in found.entries]


def test_markdown_references_section_and_numbered_steps_elsewhere() -> None:
    text = (
        "# Title\n\nSome text citing [1] and [2].\n\n## References\n\n"
        "1. Smith J, Doe A. A study of things. *Nature*. 2020;580(7801):123-127.\n"
        "2. Roe B. Another study. Lancet. 2019;393:1-10.\n\n"
        "## Appendix\n\n1. Step one of the protocol.\n2. Step two.\n"
    )
    assert [(label, number, line) for label, number, line, _ in _entries(text)] == [("references-1", 1, 7), ("references-1", 2, 8)]


def test_pdf_numbers_on_their_own_lines_and_hyphenation() -> None:
    text = (
        "Discussion text ends here.\nReferences\n1.\n"
        "Beck DB, Ferrada MA, Sikora KA, et al. Somatic mutations in UBA1 and severe adult-onset autoinfl-\n"
        "ammatory disease. N Engl J Med. 2020;383(27):2628-2638.\n2.\n"
        "Bourbon E, Heiblig M, Gerfaud Valentin M, et al. Therapeutic options in VEXAS syndrome: insights from a\n"
        "retrospective series. Blood. 2021;137(26):3682-3684.\n"
    )
    entries = _entries(text)
    assert [(number, line) for _, number, line, _ in entries] == [(1, 3), (2, 6)]
    assert "severe adult-onset autoinflammatory disease. N Engl J Med." in entries[0][3]
    assert parse_reference(entries[1][3])["title"] == "Therapeutic options in VEXAS syndrome: insights from a retrospective series"


def test_unnumbered_list_with_hanging_lines() -> None:
    text = (
        "References\n\n"
        "Ostrander, K. L., & Welby, M. (1997). Ranking candidate lesions with ensembles of weighted\n"
        "    decision stumps. Journal of Applied Imaging Science, 7, 415-438.\n"
        "Smith, J. (2001). A book title. New York: Wiley.\n"
        "Tallis SD, Brennock RL (2012) Characterization of a soil amoeba. Protozoa 163: 512–527.\n"
    )
    entries = _entries(text)
    assert [number for _, number, _, _ in entries] == [None, None, None]
    assert entries[0][3].endswith("Journal of Applied Imaging Science, 7, 415-438.")


def test_bracketed_numbers_without_heading_and_bullets() -> None:
    text = (
        "[1] H. Okoro, “Thermal load effects,” J. Aerosp. Fict. Syst., vol. 7, no. 2, pp. 318–325, 1993.\n"
        "[2] R. T. Hallam and D. Okonkwo, Phys. Inv. Lett. 61, 4127 (1988).\n"
    )
    assert [number for _, number, _, _ in _entries(text)] == [1, 2]
    bullets = "Bibliography\n\n- Smith J. A study of things. Nature. 2020;580:123-127.\n- Roe B. Another study. Lancet. 2019;393:1-10.\n"
    assert [text for _, _, _, text in _entries(bullets)][0] == "Smith J. A study of things. Nature. 2020;580:123-127."


def test_lists_are_kept_apart_at_doi_footers_and_copyright_lines() -> None:
    text = (
        "7. Old A. Old study. Blood. 2001;1:1-2.\n8. Older B. Older study. Blood. 2002;2:3-4.\n\n"
        "DOI 10.1182/blood.2022015936\n\n© 2022 by The American Society of Hematology\n\nA new letter.\n\n"
        "REFERENCES\n\n1. New C. New study. Blood. 2022;3:5-6.\n"
    )
    assert [(label, number) for label, number, _, _ in _entries(text)] == [("references-1", 7), ("references-1", 8), ("references-2", 1)]


def test_join_lines_never_glues_a_doi_onto_a_whole_one() -> None:
    # A DOI wrapped after its slash is one DOI; a DOI on the line after a whole one is another.
    assert join_lines(["doi:10.5555/tulip-", "2019.4"]) == "doi:10.5555/tulip-2019.4"
    assert join_lines(["https://doi.org/", "10.5555/tulip.2019.4"]) == "https://doi.org/10.5555/tulip.2019.4"
    assert join_lines(["doi:10.5555/tulip.2019.4", "10.5555/marsh.88"]) == "doi:10.5555/tulip.2019.4 10.5555/marsh.88"


def test_an_identifier_list_with_a_reference_in_it_pairs_no_identifier_with_it() -> None:
    text = (
        "doi:10.5555/tulip.2019.4\n"
        "10.5555/marsh.88\n"
        "Quenneville P. Drift of invented tulips. J Imagined Hortic. 2019;4:11-19.\n"
        "PMID 10000042\n"
    )
    assert entry_texts(text) == [
        "doi:10.5555/tulip.2019.4",
        "10.5555/marsh.88",
        "Quenneville P. Drift of invented tulips. J Imagined Hortic. 2019;4:11-19. PMID 10000042",
    ]


def test_join_lines_keeps_urls_and_name_hyphens() -> None:
    assert join_lines(["See https://example.org/a/", "b/c.html for", "Lebrun-", "Vignes B."]) == "See https://example.org/a/b/c.html for Lebrun-Vignes B."


def test_reference_types_and_styles() -> None:
    cases = {
        "Koster MJ, Kourelis T, et al. Clinical heterogeneity of VEXAS. Arthritis Rheumatol. 2021;73(suppl 10). Abstract 1234.": ("paper-conference", "Arthritis Rheumatol"),
        "Ferrada MA. VEXAS syndrome: clinical and genetic features [dissertation]. Bethesda (MD): Johns Hopkins University; 2022.": ("thesis", None),
        "Smith J, Doe A. Clonal hematopoiesis in VEXAS. bioRxiv. 2023. doi:10.5555/2023.01.01.000001": ("article", "bioRxiv"),
        "Grayson PC. VEXAS syndrome. In: Rich RR, Fleisher TA, eds. Clinical Immunology. 6th ed. Elsevier; 2022:123-130.": ("chapter", "Clinical Immunology"),
        "Marten GRR. A Clash of Crowns. New York: Bantam; 1998.": ("book", None),
    }
    for text, (kind, container) in cases.items():
        item = parse_reference(text)
        assert item["type"] == kind, text
        assert item.get("container-title") == container, text
    chapter = parse_reference("Grayson PC. VEXAS syndrome. In: Rich RR, Fleisher TA, eds. Clinical Immunology. 6th ed. Elsevier; 2022:123-130.")
    assert [e["family"] for e in chapter["editor"]] == ["Rich", "Fleisher"]
    assert (chapter["edition"], chapter["publisher"], chapter["page"]) == ("6", "Elsevier", "123-130")
    apa = parse_reference("Beck, D. B., Ferrada, M. A., Pei, W., ... & Grayson, P. C. (2020). Somatic mutations in UBA1. New England Journal of Medicine, 383(27), 2628-2638.")
    assert [a["family"] for a in apa["author"]] == ["Beck", "Ferrada", "Pei", "Grayson"]
    assert (apa["volume"], apa["issue"], apa["page"], apa["container-title"]) == ("383", "27", "2628-2638", "New England Journal of Medicine")


def test_numbered_prose_with_years_is_not_a_reference_list() -> None:
    text = (
        "Timeline of the study:\n\n"
        "1. In 2019 we recruited the first patients from three centres in France.\n"
        "2. In 2020 the pandemic slowed recruitment in most of the participating hospitals.\n"
        "3. In 2021 the last follow-up visits were completed and the data were locked.\n"
    )
    assert find_reference_lists(text) == []


def test_news_item_without_authors() -> None:
    item = parse_reference("6. Study finds JAK inhibitors and tocilizumab effective in VEXAS syndrome. Medical Xpress. November 7, 2023.")
    assert item["title"] == "Study finds JAK inhibitors and tocilizumab effective in VEXAS syndrome"
    assert item["container-title"] == "Medical Xpress"
    assert item["issued"]["date-parts"] == [[2023, 11, 7]]


def _vancouver(number: int) -> str:
    return f"{number}. Doe J, Roe R. A fictional study number {number}. J Fict Stud. 2020;12(3):45-67. doi:10.5555/stray.{number}."


def test_a_stray_number_line_never_swallows_the_entries_after_it() -> None:
    for junk in ("98. ???", "20. ???", "5. ???", "3. ???", "12. Note added in proof."):
        for head in ("References\n\n", ""):
            lines = [_vancouver(1), _vancouver(2), junk, _vancouver(3), junk, _vancouver(4), _vancouver(5)]
            found = find_reference_lists("A manuscript.\n\n" + head + "\n".join(lines) + "\n")
            raws = [entry.raw for each in found for entry in each.entries]
            for number in range(1, 6):
                holding = [raw for raw in raws if f"stray.{number}." in raw]
                assert len(holding) == 1, (junk, head, number, raws)
                assert holding[0].startswith(f"{number}. Doe"), (junk, head, holding)
            assert all(found_list.style == "dot" for found_list in found)


def test_a_label_line_before_a_string_that_carries_its_own_number() -> None:
    text = (
        "References\n12.\nHolbard SE (2001) The weight of custom and kinship in the\nstrain process. Appl Psychol 52:411-437\n"
        "13.\n40. Schulte JP, Kanazawa M, Arai M. Dilated atrial myopathy and heart\nrhythm. J Clin Invest. 2004;113(5):712-721.\n"
        "14.\n1958. The Anatomy of Quarrels, Boston, MA: Harlow.\n"
    )
    found = find_reference_lists(text)
    assert [(entry.number, entry.body[:12]) for f in found for entry in f.entries] == [
        (12, "Holbard SE ("), (13, "40. Schulte "), (14, "1958. The An")]


def test_journal_footers_inside_entries_are_page_furniture() -> None:
    text = (
        "References\n"
        "50. Bernardetti G, Gillespie DA (2010) Windborne dust fluxes measured over\nBlood. 2019; 197(5)\n"
        "various shrub/soil mosaics in the desert. J Geophys Res 117:F02051\n"
        "51. Summerfield KS, Crane TO (2005) Seasonal patterns of species turnover.\nBiodivers Conserv 16: 2281-2294.\n"
        "Front. Immunol. 262:1488. doi: 10.5555/fimmu.2020.1488\n"
        "52. Fernandez AA, Wolff RR. Diurnal patterns of cortisol in retired women.\n"
        "J Clin Endocrinol Metab.\nFront. Immunol. 62:8444. doi: 10.5555/fimmu.2020.8444\n2004;89:412-18.\n"
    )
    raws = [entry.raw for f in find_reference_lists(text) for entry in f.entries]
    assert len(raws) == 3
    assert not any("Blood. 2019" in raw or "Front. Immunol" in raw for raw in raws), raws


def test_wrapped_unnumbered_text_is_cut_after_a_closed_source() -> None:
    entries = [
        "Varnum KT, Ostrel P, Quay B et al (2006) Risk of chronic fungal colonisations among\nfarmers. Arthritis Rheum 48:2217-2225",
        "李明华(1987). 康熙与江南十景. 苏州文史. 2(-): 41-47.",
        "Smith ER, Mackie DM. Social psychology. Cancer Res. 1976;36:1187-1192.",
        "Laurent GF. Domperidone in critical care. Int Care Med 1993; 19:\n608-609.",
        "The Federation for Regional Water and Soil Monitoring: The FRWSM guideline for\nassay of pesticides. Paris; 2003.",
        "Sessler SK (1986) Chromosome counts in three newts. PhD thesis,\nUniversity of Oregon, Eugene",
        "Weston, R.C. 1979. Banking reform and the Bank of England. Cornell University Press.",
        "Corvane T. Hall of Embers. Ace; 1993.",
        "Brandel, K. P., Ostrova, L. M., Wendt, R., & Fisk, H. B. (2004). Measuring the effect of home\nvisit frequency. Nursing Research, 47(3), 318-329.",
    ]
    text = "Bibliography\n" + "\n".join(entries) + "\n"
    assert [entry.raw for f in find_reference_lists(text) for entry in f.entries] == entries


def test_a_glued_first_label_on_an_unusual_mark() -> None:
    text = (
        "Литература\n\n1-M. BOREL et J. LANGLOIS. Nouveau J. Chim 6, 233 (1982).\n"
        "2Parkin DI, Trudeau JR. Loop 3 motion in glycine receptors. J Biol Chem\n2009; 284: 31205-14.\n"
        "3Harwick J, 1985, Progress in Tumour Biology, Academic Press, New York, pp. 212-240\n"
    )
    assert [entry.number for f in find_reference_lists(text) for entry in f.entries] == [1, 2, 3]


def test_the_same_authors_opening_several_entries_are_not_page_furniture() -> None:
    entries = [f"Smith J, Doe A, Roe B, Poe C, Loe D, Moe E, Noe F,\nKoe G. Title number {i} of a thing. Blood. 2020;\n{i}:{i}-{i + 9}." for i in range(1, 7)]
    found = find_reference_lists("References\n" + "\n".join(entries) + "\n")
    assert [entry.raw for f in found for entry in f.entries] == entries


def test_a_wrapped_issue_is_not_a_label_but_a_bracketed_label_before_commas_is() -> None:
    text = (
        "References\n(4) Roe B. Another study of things. Lancet. 2019;393:1-10.\n"
        "(5) Schreiber MA, Weise DG (2011) Flat polyps detected by sigmoidoscopy. Gastroenterology 141\n"
        "(5):1388-1396\n(6) Doe J. A third study. Blood. 2020;1:2-3.\n"
    )
    assert [entry.number for f in find_reference_lists(text) for entry in f.entries] == [4, 5, 6]
    text = "References\n[9994] Roe B. Another study. Lancet. 2019;393:1-10.\n[9995] , , : A new complex for tumor imaging. 1977.\n[9996] Doe J. A third study. Blood. 2020;1:2-3.\n"
    assert [entry.number for f in find_reference_lists(text) for entry in f.entries] == [9994, 9995, 9996]


WRAPPED_UNNUMBERED = [
    "Pellard D, Hoskins GW. Memory, spatial orientation and\nvisual search: modelling emergent salience and spatial recall\n"
    "in the Sequential Salience for Recognition Model (SSRM).",
    "Arvik V, Lom C, Tesh JW, Brandau D, Kelpert M, Osgood NW\n(2007) Closure of damaged nuclear envelope by rapid Mg2+-depen-\n"
    "dent fusion. J Cell Biol 176:812-824",
    "Bateman, Gregory. 1981 Tide and Shore: A Patient Craft (Studies in Coastal\nThought, Landscape, and the Social Sciences). "
    "Leyton, NJ: Harbor.",
    "Tan P-Y, Wu H-L, Kao C-T, Lo L-H, Yeh C-H: Spore counts, use of\nurinary drains and late antifungal "
    "therapy as\nsigns of relapse in candidaemia. Int J Antifung Agents 2009, 34:611-617.",
    "Marlow, B. T. (1986). Posture and the judgement of warmth and\nreliability. Social Behaviour Review, 51, 112-127.",
    "Hale, M. R., Ortega, P. J., Lim, S., & Durant, K. L. (2006). Unequal\naccess to dialysis in rural adults with chronic renal "
    "disease and diabetes in 2001-2002.\nArchives of Community Medicine, 168(21), 2417-2425.",
    "Keller SM, Ostby M, Rannach A, Dorn AS, Weller K, Lindqvist\nW (2003) Placentally transferred maternal B lymphocytes in\n"
    "severe congenital neutropenia: a study of 143 patients.\nBlood 97:2215-2219",
]


def test_wrapped_pdf_text_without_numbers_indents_or_blank_lines_is_cut_exactly() -> None:
    """An entry with no year ending in ``(SSRM).`` and then a line of authors: a new entry (the rules alone merged them)."""
    text = "Discussion\n\nThe cohort was followed for two years.\n\nReferences\n" + "\n".join(WRAPPED_UNNUMBERED) + "\n"
    found = find_reference_lists(text)
    assert [entry.raw for f in found for entry in f.entries] == WRAPPED_UNNUMBERED
    assert found[0].heading == "References"


def test_the_line_model_ships_and_weighs_the_rules() -> None:
    from vexascite.refstring import linemodel

    assert linemodel.available()
    head = "Marlow, B. T. (1986). Posture and the judgement of warmth and reliability. Social Behaviour Review, 51, 112-127."
    opening = cut_features("Social Behaviour Review, 51, 112-127.", "Hale, M. R., Ortega, P. J., Lim, S. (2006). Inadequate", None, head, True, 2, 80)
    inside = cut_features("Marlow, B. T. (1986). Posture and the judgement of warmth and", "reliability. Social Behaviour", None, head[:70], True, 1, 80)
    assert "rule:source" in opening and "text:lower" in inside
    assert linemodel.cut_score(opening) > 0 > linemodel.cut_score(inside)


def test_a_wrapped_page_range_or_year_is_not_a_glued_label() -> None:
    entries = [
        "3Dalton S, Varghese SR (2011) Mixed signalling cascades: histone H4\nlysine 9 acetyltransferases from worm to mouse. FEBS J\n278:2201-2213",
        "2Rostami S, Farahani E, Dehkordi P (2009) Structural\ndesign with damping constraints by particle swarm search. J Sound Vib\n"
        "318(1-2):412-427",
        "1Fergusson KG (2003) Moral and civic puzzles in applied\nethics. Biol Philos 18:71-86",
    ]
    found = find_reference_lists("References\n" + "\n".join(entries) + "\n")
    assert [(entry.number, entry.raw) for f in found for entry in f.entries] == list(zip([3, 2, 1], entries, strict=True))


def test_a_line_of_capitals_is_read_in_linear_time() -> None:
    """``BACKGROUND, AIMS AND OBJECTIVES ...`` (a line of capitals like it) once made the names-and-year pattern backtrack without end."""
    line = "BACKGROUND, AIMS AND OBJECTIVES FOLLOWING GROWING INTEREST IN HAVING MULTI-DISCIPLINARY PRIMARY CARE TEAMS ENGAGE"
    from vexascite.refstring.lists import _NAMES_YEAR

    assert _NAMES_YEAR.match(line) is None
    assert _NAMES_YEAR.match("RATIONALE AND AIMS (2019). A title") is not None
    text = "References\nSmith J, Doe A. A title. Blood. 2020;12:1-9.\n" + (line + "\n") * 3
    assert find_reference_lists(text)[0].entries[0].raw.startswith("Smith J")


def test_a_glued_label_after_a_gap_or_a_repeat_before_a_string_with_its_own_label() -> None:
    entries = [
        "19Holland G. Speaking like a fool. Sheffield: Sheffield Academic Press, 1993.",
        "21[38] G. A. Zampella, S. Eskander. Invented organization of the lens. Int Rev Cytol 2002;217:411-429.",
        "21[64] C. H. Tao, S. V. N. Viswanath. Fast and memory efficient tree kernels. In ICML, 2008.",
        "22Lau S, Jirak FR. Alteration of sterol profiles in invented mice. J Biol Chem 1996;271:13207-13214.",
    ]
    found = find_reference_lists("References\n" + "\n".join(entries) + "\n")
    assert [(entry.number, entry.raw) for f in found for entry in f.entries] == list(zip([19, 21, 21, 22], entries, strict=True))


def test_a_number_wrapped_to_its_own_line_ends_its_entry_and_is_no_page_number() -> None:
    hanging = [
        "Streamly-team Under the bonnet: scheduling batch jobs more evenly with Aurora\n    2013",
        "Gill K, Soni M, Gill T, Soni R (2008) Antifungals from lichens. Bioorg Med Chem\n    16:4417-4438",
        "Dopita, M. A. 1977, ApJS, 33,\n    437",
    ]
    assert entry_raws("References\n" + "\n".join(hanging) + "\n") == hanging
    blank = [
        "Marchetti D., 1965, SIAM J. Appl. Math., 13,\n517",
        "Meeting #91, Lake Harbour Oregon, UNITED STATES, 12th Oct 2018 -13th Oct\n2018",
        "Roe B. Another study of things. Lancet. 2019;393:1-10.",
        "Bosman, A., 2001 (b), AAS Meeting Series, Vol. 231,\n412",
    ]
    assert entry_raws("Bibliography\n\n" + "\n\n".join(blank) + "\n") == blank
    numbered = [
        "6. Tabor BG, Fidler LS.\n2001\n. Using layered statistics. Boston: Allyn and Bacon.",
        "7. IFTA\n2003\n. Standard methods for grain sampling. Grain Science and Handling 31 (Supplement).",
        "8. Nanomaterials\n23\n(2012)\n318207 (9pp)",
        "9. Roe B. Another study. Lancet. 2019;393:1-10.",
    ]
    assert entry_raws("References\n" + "\n".join(numbered) + "\n") == numbered


def test_a_page_number_inside_or_between_entries_is_still_furniture() -> None:
    text = (
        "References\n1. Smith J, Doe A. The role of\n12\ninterleukins in VEXAS syndrome. Blood. 2020;1:2-3.\n"
        "2. Roe B. Another study. Lancet. 2019;393:1-10.\n13\n3. Doe J. A third study. Blood. 2020;1:2-3.\n"
        "4. Poe C. Distinct features of thyroiditis with and without IgG4-\n\n14\nPage 14 of 17\n\npositive plasma cells. Thyroid 2010;95:1-9.\n"
        "5. Loe D. A fifth study of\n- 15 -\n15\nthings. Blood. 2021;2:3-4.\n6. Moe E. A sixth study. Arch Intern Med. 2020;12:1-9.\n"
    )
    raws = entry_raws(text)
    assert len(raws) == 6
    assert not any(page in raw.split("\n") for raw in raws for page in ("12", "13", "14", "15")), raws


def test_two_words_and_and_wrapped_from_a_title_are_not_a_running_head() -> None:
    entries = [
        "2. R. M. Walden, Gravitational\nLensing and Cosmic\nShear, arXiv:gr-qc/9811042.",
        "3. Roe B. Another study of things, with a long title. Lancet. 2019;393:1-10.",
        "4. Doe J, Poe C. Invented organization of the lens: Sorting and Charac-\nterization of Particles from Cell Culture\nMedia and Other\nFluids. Curr Protoc Cell Biol. 2006;3:22.",
    ]
    assert entry_raws("References\n" + "\n".join(entries) + "\n") == entries
    # The same two names heading every page are page furniture.
    paged = "References\n1. Smith J. A study of\nSmith and Jones\nthings. Blood. 2020;1:2-3.\n2. Roe B. Another study. Lancet. 2019;393:1-10.\nSmith and Jones\n3. Doe J. A third study. Blood. 2020;1:2-3.\n"
    assert not any("Jones" in raw for raw in entry_raws(paged))


def test_wrapped_sources_of_one_journal_that_look_alike_are_not_page_furniture() -> None:
    entries = [
        "18. Smith J, Doe A. Mental health in coastal and inland towns: a study in coastal and inland towns. Soc Sci\nMed 2002, 54:23-31.",
        "19. Roe B, Poe C. Weight and risk of falls: a prospective cohort study of older adults. Arch Intern\nMed 2004, 164:1611-1617.",
        "20. Doe J. A third study. Blood. 2020;1:2-3.",
    ]
    assert entry_raws("References\n" + "\n".join(entries) + "\n") == entries


def test_a_short_line_of_authors_after_a_blank_line_opens_an_entry_not_a_section() -> None:
    entries = [
        "Fu Y, Hale SA, Nasri R, Ovo CL,\nBakr WA, Gao X, et al.\nPropranolol slows rapid\nreceptor turnover. Circulation.\n2017;135(2):412-21.",
        "Pellegrini E, Pellegrini MM,\nEfstathiou A, Evers S, Morrow MM,\nSquires D. Markers of airway\ninflammation in exhaled breath.\nAm J Respir Crit Care Med 1998; 158:\n412-419.",
        "IFTA\n2003\n. Standard methods for grain sampling. Grain Science and Handling 31 (Supplement).",
        "Roxbury, Alan J., Pastoral\nWay-Finding: Habits for Guiding in\nSeasons of Change, Chicago:\nJohn Wiley, 2011.",
    ]
    found = find_reference_lists("Cited literature\n\n" + "\n\n".join(entries) + "\n\nDiscussion\n\nThe cohort was small.\n")
    assert [(f.heading, entry.raw) for f in found for entry in f.entries] == [("Cited literature", e) for e in entries]


def test_blank_lines_separate_entries_even_when_a_few_blocks_read_as_two() -> None:
    """Three blocks of twelve that the rules alone would cut in two (a publisher after a full stop, a
    source on a line of its own) no longer make the whole list fall back to cutting wrapped text."""
    entries = [
        "Pelko I, Hasteiner J, Moravecki R, Lauri A, Pennistone D, Ortl P, Kalyagin V,\nRadimova E, Zorin N, Belenko A: Virtual\n"
        "molecular screening workbench -design and evaluation. J Comput-\nAided Mol Des 2004, 18: 527-539.",
        "van Kessel NG (1994) Random\nWalks in Soils and Sediments.\nNorth Holland, Amsterdam.",
        "Papadopoulou, A., Mahmood, T. &\nSerrano-Barrero, R. (2008). Nordic\nChallenges to Plural\nCitizenship. Migrants, Welfare and\n"
        "Beyond. In T. Mahmood, A.\nPapadopoulou & R. Serrano-Barrero\n(Eds.), Pluralism, Migrants\nand Citizenship. A Nordic Approach\n"
        "(pp. 31-54). London: Routledge.",
        "Abu-Saleh MS, Hendrix PM, Stamler SG, Varo SS (2002) Later bird\nmigration in autumn as a sign of local cooling in the\n"
        "Baltimore, MD, area. Biodivers Conserv 11:433-447",
        "Hollis S. The place of cardiac nerve imaging in\nthe early sorting of invented tremor syndromes. Clin Auton\nRes. 2002;12:287-9.",
        "Pagano M, Lin ZH, LaRocca J,\nRavel AC (2011) High Earth-system\nclimate response estimated from\nMiocene carbon dioxide\nlevels. Nat Geosci 4: 31-36.",
        "Ling, M. C., Harwood, R., & Tsai, T. H. (1983). Shifts in schooling,\nhousehold income levels, and migration practice: Korea,\n"
        "1962-81. Population Studies Review, 14(3), 187-203.",
        "Varden, J. W. (2010). Memory representa-\ntions, memory functions, and the en-\ntorhinal-hippocampal circuit.\nLearn Mem. 17, 462-479.",
        "Gordan D, Abadjian C, Greer P (1999)\nCorral: a textual tool for\nread trimming. Genome Res 9:\n211-218.",
        "Daniels, Glyn Edward. 1952. A Hundred\nYears of Excavation. London:\nDuckworth.",
        "Hollis S, Doe A. A second study of\nthings. Blood. 2020;1:1-9.",
        "Stone J, Doe A. A third study of\nthings. Lancet. 2021;2:3-9.",
    ]
    assert entry_raws("References\n\n" + "\n\n".join(entries) + "\n") == entries


def test_a_first_string_that_carries_its_own_number_does_not_make_a_hanging_list_numbered() -> None:
    entries = [
        "(1) Odeh, E.; et al. Definition of the chalcogen ring (Joint Recommendations 2013). Pure Appl.\n  Chem. 2013, 85, 1812-1815.",
        "Mengel M, Rossler S, Voigtmann C, et al. (2003) Repeated doses of invented vaccines. J Exp\n  Med 197: 41-52.",
        "Marsh TL, Keeling JN (2003) Upland grazing payment schemes and rural resilience. Review of\n  Farm Policy Studies 25:311-329",
        "Tolman DG (2005) Late-life sleep. Am J Geriatr Psychiatry 13(2):3-6",
    ]
    assert entry_raws("References\n" + "\n".join(entries) + "\n") == entries


def test_a_page_break_before_the_end_of_an_entry_does_not_end_the_list() -> None:
    """A source on the first line after page furniture between blank lines reads like a short title
    after a gap; a page break is no gap, and a volume with pages is no section heading."""
    text = (
        "References\n"
        "Ribera B, Perri N, Baroncelli A (2014) Estimating the effect\nof sampling intervals on contact networks of wards. Sci Rep 6:5219\n"
        "Hamamoto MHR, Ueda R (2005) Functional analysis of a sucrose\n6-phosphate kinase regulator that is expressed in early\n"
        "induction of starch accumulation during cold stress in barley.\n\n"
        "Cell Reports 67, 7929-9987, May 12, 2020 11\n11 | Nature | Vol 180 | 24 May 2020\nARTICLE IN PRESS\n\n"
        "Plant Mol Biol 58:633-648\n"
        "Lange-Hollweg N, Dorfmeister H, Rauch B, Kessel T, Brun-\nhuber R, Falk K (2009) IL7R signaling and TGF-\n"
        "beta signaling decide whether B cells keep tumour dor-\nmancy. Cancer Cell 15:311-322.\n"
        "Rask M, Tolle E, Penrose CQ, Harlan FA, Denby H, Varga S, Gould R:\nGERIDEX. A short schedule for the rating of memory\n"
        "complaints in the elderly. Br J Psychiatry 1987, 151:512-520.\n"
    )
    found = find_reference_lists(text)
    assert len(found) == 1 and found[0].heading == "References"
    assert [entry.text.split(" ", 1)[0] for entry in found[0].entries] == ["Ribera", "Hamamoto", "Lange-Hollweg", "Rask"]
    assert found[0].entries[1].text.endswith("cold stress in barley. Plant Mol Biol 58:633-648")


def test_a_year_wrapped_after_an_open_line_starts_no_list_and_a_glued_label_may_precede_a_bracket() -> None:
    text = (
        "The steps were:\n1. Patients were screened at baseline.\n2. Samples were sequenced.\n\n"
        "1200[2] MŽP. Metodika hodnocení silně ovlivněných říčních úseků. Praha: MŽP,\n2013.\n"
        "1201Rahman TF, Ibne Karim F, Lund M (2009) SPEC-TABmaker, a suite of tools. Bioinformatics 25(2):311-312.\n"
        "1202Horak J., Tessel J., Brandt K., Oberhauser G., 1983, AJ, 88, 1142\n"
        "1203Dunmore, G. C. (1968). Sexual selection and the costs of display. American Naturalist, 102, 541-556.\n"
    )
    found = find_reference_lists(text)
    ends = iter(("2013.", "311-312.", "88, 1142", "541-556."))
    assert [(entry.number, entry.raw.split("\n")[-1].endswith(next(ends))) for f in found for entry in f.entries] == [
        (1200, True), (1201, True), (1202, True), (1203, True),
    ]


def test_a_page_break_inside_a_long_entry_of_a_narrow_column_does_not_end_a_numbered_list() -> None:
    text = (
        "References\n11.\nSmith J, Doe A. A study of\nthings. Blood. 2020;1:2-3.\n12.\nSchindler G, Emmanuel C,\nIastrebov M, Leung M, Naim F.\n\n"
        "Author manuscript; available in PMC 2015 January 8.\nDownloaded from http://www.jbc.org/ by guest on March 21, 2019\n\n"
        "Low-dose invented agent and\nrecombinant feline growth\nfactor for\nthe care of resistant\n"
        "chronic invented anaemia.\nLeuk Lymphoma 1996; 20:511-519.\n13.\nvon Dalen M, Nowak-Gerl U,\nEisner R. Raised lipoprotein (b)\n"
        "levels. Blood 2000; 96:3411-3418.\n"
    )
    found = find_reference_lists(text)
    assert [(entry.number, entry.text.split()[-1]) for f in found for entry in f.entries] == [(11, "2020;1:2-3."), (12, "20:511-519."), (13, "96:3411-3418.")]


def test_a_journal_footer_before_a_label_alone_on_its_line_is_page_furniture() -> None:
    text = (
        "References\n14.\nNateq A, Salamat-zadeh M, Rezaei J (2013) Size dependent vibration analysis.\nAppl Math Model 37(12):5102-5119\n"
        "Front. Immunol. 139:1868. doi: 10.5555/fimmu.2020.1868\n15.\nHalloway J: Sensory nerves in the airways and wheeze. Respir Physiol\n"
        "1997, 109:7-18.\nBlood. 2019; 14(7)\n16.\nDoe J. A third study. Blood. 2020;1:2-3.\n"
    )
    raws = entry_raws(text)
    assert len(raws) == 3 and not any("Front. Immunol" in raw or "Blood. 2019" in raw for raw in raws), raws


def test_the_next_bare_number_before_a_string_that_opens_with_digits_is_a_label() -> None:
    entries = [
        "20 Wernicke K, Breitbart A, Kellner M, et al. (2013) Orthobunyavirus infection of adult mice. PLoS One 8: e51273.",
        '21 3GPP TS 24.512: "Relay and sidelink discovery procedures for the 5G System (5GS)".',
        "22 Enderle, G., 1944. Klassifikation der Tephritiden. Sitzungsberichte 1943: 101-137.",
        "23 16-Lindgren TJ, Clancey JMS, Johnston LA. Accuracy of computer-aided milling. J Prosthodont 1998; 7: 131-8.",
        "24 Roe B. Another study. Lancet. 2019;393:1-10.",
    ]
    found = find_reference_lists("References\n" + "\n".join(entries) + "\n")
    assert [(entry.number, entry.raw) for f in found for entry in f.entries] == list(zip(range(20, 25), entries, strict=True))


def test_a_journal_footer_after_a_comma_or_after_the_last_entry_is_page_furniture() -> None:
    text = (
        "References\n7. Doe J. A study. Blood. 2020;1:2-3.\n8. Freeman, M., Bowen, V., & Jonas, E. (2005). Family caregiving:\n"
        "Methods, cases and reflection (6th ed.). Upper Saddle River,\nFront. Immunol. 332:5923. doi: 10.5555/fimmu.2020.5923\nNJ: Prentice Hall.\n"
        "9. Marchand D, Okonkwo D (1993) Industrial uses of cyclophanes\nand their analogues. J Coord Chem 29:341-352\n"
        "Front. Immunol. 346:4012. doi: 10.5555/fimmu.2020.4012\n\nTable 3. Characteristics of the 15 patients\n"
    )
    raws = entry_raws(text)
    assert len(raws) == 3 and not any("Front. Immunol" in raw for raw in raws), raws


def test_a_hanging_indent_set_with_a_tab() -> None:
    entries = [
        "Ostrander, K. L., & Welby, M. (1997). Ranking candidate lesions with ensembles of weighted\n\tdecision stumps. "
        "Journal of Applied Imaging Science, 7, 415-438.",
        "Keaton, C. F. (1987). Voice and the signalling of rank (1986).\n\tSmith J, Doe A, editors. Social Psychology. New York: Wiley; 1987. p. 61-70.",
        "Smith, J. (2001). A book title. New York: Wiley.",
        "Wang, N. D., Lorenz, V. A., Cheng, R., & Franks, S. S. (2009). Unequal access to statins\n\tin rural adults "
        "with metabolic illness burdens in 2005-2006. Archives of Community Medicine,\n\t169(20), 2521-2529.",
    ]
    assert entry_raws("References\n" + "\n".join(entries) + "\n") == entries


def test_a_superscript_number_after_a_complete_line_is_a_label_whatever_its_order_or_opening() -> None:
    entries = [
        "¹Doe J, Roe A. A first study. Blood. 2020;1:2-3.",
        "²Roe B (1999) A second study of\nthe same. Lancet 393:1-10",
        "⁵Poe C, Moe D, 1982, AJ, 87, 1029",
        "³Smith J. A third study. Blood. 2021;2:4-5.",
        "⁹, , : A new complex for imaging. In Abstracts of the congress. Vol. 3. Basel, 1986, p 1073.",
        "¹⁰Jones K. A last study. Blood. 2022;3:6-7.",
    ]
    assert entry_raws("References\n" + "\n".join(entries) + "\n") == entries


def test_a_glued_number_past_a_gap_before_a_string_that_opens_with_its_year() -> None:
    entries = [
        "7Doe J, Roe A (2001) A first study. J Clin Stud 86:2935-2941",
        "8Roe B (2002) A second study of things. Lancet 393:1-10",
        "112011b. A fair sharing space for cities. Nature 471: 512-515.",
        "12Poe C (2003) A third study. Blood 2:4-5",
    ]
    assert entry_raws("References\n" + "\n".join(entries) + "\n") == entries


def test_a_label_of_an_explicit_form_near_the_last_number_after_a_complete_line_whatever_follows() -> None:
    entries = [
        "31. Nakagawa, K. Hiring patterns. Labor Bulletin 31 (March 1994): 9–12.",
        "33. chan S-C, cheng Y-C. Sonographic discrimination. Br J Radiol. 2005;78:512-6.",
        "34. --, and T. H. Jaeger, 2006: A hierarchical method. J. Climate, 19, 2911-2925.",
        "35. Roe B. Another study. Lancet. 2019;393:1-10.",
    ]
    assert entry_raws("References\n" + "\n".join(entries) + "\n") == entries
    brackets = ["[9] Doe J. A review. Mutat Res 1993; 296:221-240.", "[11] value of health research. J Assoc Inf Sci. 2015;1:1-2.", "[12] Roe B. A study. Lancet. 2019;393:1-10."]
    assert entry_raws("References\n" + "\n".join(brackets) + "\n") == brackets


def test_an_out_of_order_number_before_authors_after_a_complete_line_is_a_label() -> None:
    entries = [
        "30 Doe J, Roe A: A first study. J Infect Dis 1996, 173(4):950-956.",
        "31 Brunham RC, Kimani J: The epidemiology of things. J Infect Dis 1996, 173(4):950-956.",
        "28 JL Tamsin, Ovarian stromal grading. Reprod Fict Endocrinol. 2, 14 (2003).",
        "32 Poe C. A third study. Blood. 2020;1:2-3.",
    ]
    assert entry_raws("References\n" + "\n".join(entries) + "\n") == entries
    glued = [
        "21Doe J (1994) A first study. J Biol Chem 269:11417-11424.",
        "22Lau S, Jirak FR (1996) Alteration of sterol profiles. J Biol Chem 271:13207-13214.",
        "19Kosmann-Schwarzbach, Y. (2008) Poisson manifolds: a survey. Symmetry 4, 30.",
        "23Roe B (2019) Another study. Lancet 393:1-10.",
    ]
    assert entry_raws("References\n" + "\n".join(glued) + "\n") == glued


def test_authors_with_dotted_initials_open_an_entry_after_a_short_last_line() -> None:
    entries = [
        "Haverford MG, Ortiz LS, Dahl TH, Penner HA: Age, gender, and\neducational level, and satisfaction with dental care. Am J Med Qual\n2006, 21(3):172-180.",
        "Mintz, O. P., V. N. Ugrov, and V. V. Vlasenko, Methods of Synthesis of\nMedical Records in Clinical Practice, Kiev University Press (1984).",
        "Pivot, Jean Paul (2002) ‘Dreams of a New Coast’ and ‘Doubts Set In’\nin Fall, Anne and Jean Paul Pivot (eds) An Anthology of Coastal\nArt: The Modern Century Lyon: Revue Rouge",
        "Noerada D., Murito B.P., Sukoito, Subrata E.A., dan Djuhaena,\n2005, Petroleum systems and hydrocarbon prospects of the Sample\nBlock and its adjacent basins, a new approach by using seismic\nfacies. Proceedings of the International Conference, Lyon.",
        "Urban AG, Wang L, Pakula M, Fowles KJ, Burrell FJ, Vance DL: Survival\nof cells in culture and in vivo. Cell Death Differ 1999, 6:21-28.",
    ]
    assert entry_raws("References\n" + "\n".join(entries) + "\n") == entries
    head = "Pivot, Jean Paul (2002) Dreams of a New Coast. Lyon: Revue Rouge"
    features = cut_features("Art: The Modern Century Lyon: Revue Rouge", entries[3].split("\n")[0], None, head, True, 3, 70)
    assert "text:author-list" in features


def test_a_repeated_number_after_pages_closed_by_a_semicolon_is_a_label() -> None:
    entries = [
        "24 Doe J, Roe A (2008) A first study. Nature 453:353-358",
        "25 Bolzano S. Nucl. Phys. B, 2007, 765(1-2): 211-233;",
        "24 The statistics portal. Distribution of outbreaks by region 2017.",
        "27 Halden, Martin. Pastoral Elegies. Aberdeen: Aberdeen Univ. Press, 2008.",
    ]
    assert entry_raws("References\n" + "\n".join(entries) + "\n") == entries


def test_a_line_that_opens_with_a_number_of_another_form_after_a_page_break_does_not_end_the_list() -> None:
    text = (
        "References\n5. Doe J, Roe A. A study of things. Blood. 2020;1:2-3.\n6. Grundlagen der Verwaltung, see Brandt (1982), S.\n\n"
        "Blood. 2020; 247(5)\n\n124ff.\n7. Lisle K, Sikora J, Sanders E. Draft genome sequence of\na strain. Stand Genom-\n"
        "ic Sci 2010; 2:211-219.\n8. Vestergaard SH, Ritter MD: Variants in ovarian cancer.\nPharmacogenet Inv 2006, 16:211-219.\n"
    )
    found = find_reference_lists(text)
    assert [(entry.number, entry.text.split()[-1]) for f in found for entry in f.entries] == [
        (5, "2020;1:2-3."), (6, "124ff."), (7, "2:211-219."), (8, "16:211-219."),
    ]


def test_a_number_near_the_last_one_after_a_complete_entry_is_a_label_whatever_the_string_opens_with() -> None:
    glued = [
        "33Doe J, Roe A (2008) A first study. Nature 453:353-358",
        "34Roe B. A second study. Am J Med 2008, 16:488-497.",
        '333GPP TS 99.123: "Procedures for a sample system".',
        "35Poe C (1996) A third study. J Biol Chem 269:11417-11424.",
        "35(Z. Samplefschg. 2 b, 267—274 [1947];",
        "36Moe D (1997) A fourth study. J Biol Chem 270:1-12.",
        "40-Luke and the Law (Cambridge: Sample University Press, 1983).",
        "4112. Noe E. A study with its own number. Blood. 2020;1:2-3.",
    ]
    assert entry_raws("References\n" + "\n".join(glued) + "\n") == glued
    bare = [
        "8 Doe J: Shifts in thinking about things. JAMA 2008, 300:2172-2173.",
        "8 10T .Sample ,J .Other ,Nucl .Instr .Meth .B ,241 :512 ( 2005)",
        "9 ,,,“ Compressive Behavior of Samples,” Sample Conference, Long Beach, CA, 2006.",
        "10 Roe B. Another study. Lancet. 2019;393:1-10.",
    ]
    assert entry_raws("References\n" + "\n".join(bare) + "\n") == bare
    dots = [
        "25. Sample Press Group Advances in Materials Volume 2009, Article ID 517734, 13 pages",
        "24. 31. Doe, Jane A. (1995). A study of synergy. Systems Research. 12(2): 89-121.",
        "26. Roe B. Another study. Lancet. 2019;393:1-10.",
    ]
    assert entry_raws("References\n" + "\n".join(dots) + "\n") == dots


def test_a_number_near_the_last_one_inside_an_entry_is_no_label() -> None:
    glued = [
        "42Doe J, Roe A. A first study. Respir Care J (1999)\n44:OF-99-127.",
        "43Roe B. A second study. Perspect. Inv. Sci. 4, 317-322. (doi: .\n01127.x)",
        "44Poe C. A third study. J Mol Biol. 1997;273:283–298. doi:\n10.5555/jmbi.1997.1284",
        "45Moe D. A fourth study. Blood. 2020;1:2-3.",
    ]
    assert entry_raws("References\n" + "\n".join(glued) + "\n") == glued


def test_a_label_alone_on_its_line_past_a_gap_before_a_string_with_its_own_number() -> None:
    text = (
        "References\n4.\nDoe J, Roe A (2000) A first study of monkeys. Mech Ageing Dev 112\n(3):185-196\n"
        "6.\n38. Roe B, Poe C, et al. The effect of a thing. Clin Oncol 1983;9: 319e24.\n8.\nMoe D. A third study. Blood. 2020;1:2-3.\n"
    )
    found = find_reference_lists(text)
    assert [(entry.number, entry.text[:6]) for f in found for entry in f.entries] == [(4, "4. Doe"), (6, "6. 38."), (8, "8. Moe")]


def test_a_numbering_of_another_form_that_goes_on_ends_a_list() -> None:
    text = (
        "References\n1. Moe D (1992) A fourth study of\nthings. JAMA 268:2420-2425\n2. Noe E (1993) A study of\nthings. JAMA 269:1-5\n"
        "⁴Wade T, Candle F (2008) A fifth study of\nthings. Curr Opin Fict Clin Immunol 8:377-381\n"
        "⁵Cowper HJ, Marsh AG (2005) A sixth study\nof things. Mass Spectrom Rev 24(2):233-251\n"
        "⁶Roda V, Petrak J: A seventh study of\nthings. J Fict Methods 2000, 43:215-220.\n"
    )
    found = find_reference_lists(text)
    assert [(f.style, [entry.number for entry in f.entries]) for f in found] == [("dot", [1, 2]), ("sup", [4, 5, 6])]


def test_lower_case_authors_or_a_bracketed_own_number_after_a_closed_source_start_an_entry() -> None:
    entries = [
        "Haro TJ (1982) Seasonal factors affecting things in\nthe sea. Environ Inv Perspect 44:217-221",
        "lin S-C, wong Y-C. Elastographic grading of samples\nof the liver. Br J Fict Radiol. 2003;76:712-6.",
        "Gordan, E, and Dmitri Komar. Sample Airships of the Cold\nWar, 2013.",
        "[7 ],On spectral sums for the sample lattice , J . Stat.\nMech.: Theor. Exp. (2015), P08214.",
        "Roe B, Poe C. Another study of things. Lancet. 2019;393:1-10.",
    ]
    assert entry_raws("References\n" + "\n".join(entries) + "\n") == entries


def test_the_last_hanging_entry_of_few_marks_is_kept_and_prose_after_a_blank_line_is_not() -> None:
    entries = [
        "Doe J, Roe A (2007) Evidence of number sense in\n  young infants. Cognition 102:518-526.",
        "Roe B, Poe C (2001) Another study of things in\n  the sea. Lancet 393:1-10.",
        "D5.1 Sample specification of a pipeline for tagging printed and\n     scanned entities 2011",
    ]
    prose = "\nThe patients were followed for a median of two years and most of them improved.\n"
    assert entry_raws("References\n" + "\n".join(entries) + "\n" + prose) == entries


def test_a_publisher_or_a_place_after_the_pages_goes_on_with_the_entry() -> None:
    entries = [
        "Doe, J. P. (1987). Goals, methods, and timing. In Roe, M. P., (Eds.), Planning About Tasks, pp. 131-154.\n"
        "Sample Harcourt Publishers, Inc., Palo Verde, California.",
        "Moe, D. (2001). A fourth study of things. Lancet, 393, 1-10.",
    ]
    assert entry_raws("References\n" + "\n".join(entries) + "\n") == entries
    head = "Roe, B. (1999). A second study of learning. In Proceedings of Learning"
    for previous, text in (
        ("and Adaptive Agents, pp. 11-17", "Melbourne, Australia."),
        ("New York 1992, pp. 41-57 (ed. or.", "Paris 1986)."),
        ("and Adaptive Agents, pp. 11-17", "Sample University Press, Oxford."),
    ):
        assert "rule:source" not in cut_features(previous, text, None, head, True, 2, 70)
    assert "rule:source" in cut_features("and Adaptive Agents, pp. 11-17", "Melbourne, A. (2001). A study.", None, head, True, 2, 70)


def test_a_link_opening_a_line_or_a_name_cut_in_two_goes_on_with_the_entry() -> None:
    entries = [
        "Doe, J., & Roe, A. (2010). A study of samples. The American Statistician, 66(3),\n211-219.\n"
        "DOI:http://dx.doi.org/10.5555/tast.2010.09132",
        "Ferrandiz JP, Solano S, Gawronski A, Smithers A, Jimenez de\nLeon MT, Mora J, Vidal J (2005) A study of things. J Infect Dis\n"
        "2005, 191:1-9.",
        "Poe, C. (2001). Theory of behaviour. In Stefan Werner and William\nG. Archer (eds.), Psychology and Relations. Chicago: Sample Hall.",
        "Shelton CW, Gruber JM, van\nTilburg S, Yakovlev AA (2010) A study of segregation. P Natl Acad Sci USA 107: 15322–15327.",
        "Noe E. Sample Gels and Related Materials, Proceedings 64th Symposium, Clarendon Press, Oxford, 1993, p.\n502.",
        "Moe, D. (2001). A fourth study of things. Lancet, 393, 1-10.",
    ]
    assert entry_raws("References\n" + "\n".join(entries) + "\n") == entries


def test_wrapped_entries_cut_before_authors_after_a_complete_line_and_not_after_authors_and_their_year() -> None:
    entries = [
        # The authors and their year fill the first line: the title on the next line goes on.
        "Barrow, M. E., S. R. Petrelli, K. J. Macek and J. J. Carrol. 1980.\n"
        "Invented bioconcentration of a sample chemical in fish. Chemosphere Inv 9: 201-212.",
        "Marlow, C. M. & A. M. Tanner, 2004.\nForaging, growth, and the coexistence of two invented snails. Ecology Inv 85: 3121-3132.",
        # Doi is a family name here, not a DOI going on with the entry above.
        "Stein, Daniel, and Jan Thon, eds. From Invented Strips to Graphic Novels. Berlin: Sample House, 2013.",
        "Doi M, Yamada I, Fukuda T (2003) An invented peptide lowers serum lactate. Biochem Inv Res Commun\n312: 1204-1210.",
        # After an entry with no year: authors and their year, or a run of authors, open the next one.
        "Moran, T., ed. Civic Messaging and Invented Behavior, Vol. 1. New York: Sample Press.",
        "Huber I., 1990, ApJ Inv, 351, 632",
        "Luca Acerbi, Anton Achille, and Sara Kjartan. On the complexity of invented monitors.",
        "Nakamura K, Maruta T. \"Uneven output of invented species in bivalves.\"\nDev Comp Inv 1998; 22:151-159.",
        # A translator's name after "trans." goes on with the entry.
        "______. Homily of an Invented Abbot on the Psalm of Jonah, trans.\nSean Conlon. Dublin, 1997. Pp. 71-98.",
    ]
    assert entry_raws("References\n" + "\n".join(entries) + "\n") == entries


def test_a_wide_gap_in_the_numbering_is_taken_when_the_numbers_go_on_in_step_from_there() -> None:
    text = (
        "References\n"
        "1. Invented Care Working Group (1992) An invented approach to teaching. JAMA Inv 268:2511-2519\n"
        "59. Ringer RE, Preis H. Invented deficiency found in late childhood. Dig Inv Sci 1980; 25, pages 412-415.\n"
        "60. Carlin J, Saez A (2008) Invented town: green spaces and rural decline. Inv Paper SSRN-1347712\n"
        "61. Sayer MH, Watson B. Invented routes of B cell activation. Transplantation Inv. 1994;57:1318-1325.\n"
    )
    assert [e.number for f in find_reference_lists(text) for e in f.entries] == [1, 59, 60, 61]


def test_a_glued_number_before_a_strings_own_label_set_without_a_space() -> None:
    text = (
        "References\n"
        "24Savid A, Stephan C. Invented dual user interfaces. ACM Inv Press, May 1995.\n"
        "25Mekker JR, Zeeg JE. Invented debriding in an ulcer model. Arch Inv Res 1998; 290: 152-157.\n"
        "2614.Moller JR, Westerhof W. An invented evaluation of wound care. Arch Inv Res 1999; 291: 10-17.\n"
        "27Tang, Z.; Hong, S., 2006. Invented iron scales in pipes. Corrosion Inv 62: 11-19.\n"
    )
    found = find_reference_lists(text)
    assert [e.number for f in found for e in f.entries] == [24, 25, 26, 27]
