"""Causes found on fresh seeds 530-539 of the five generators (issue 11), each on invented references."""

from __future__ import annotations

from tests.refstring.found import entry_texts, raws_by_list
from vexascite.refstring import find_reference_lists


def test_one_number_printed_again_under_a_heading_is_no_numbering() -> None:
    """An author-year list whose entries open with a group named with a number (``1000 Genomes ...``, then
    ``2020 Global Burden ...`` three times, sorted together) is no bare-numbered list of 1000, 2020, 2020, 2020:
    one number printed again is no step of a numbering, and each of the eight entries is found, not one."""
    text = (
        "Body text of an invented article ends here with a final sentence.\n\nWorks Cited\n"
        "1000 Genomes Project Consortium. An invented study of nuclear migration in\n"
        "a model tube. Proc Invent Soc 101: 557-560.\n"
        "2020 Global Burden of Disease Collaborators. J. of Invent. 11 (2016) P05007.\n"
        "2020 Global Burden of Disease Collaborators. Invent. Rev. C 80, 041902 (2009)\n"
        "2020 Global Burden of Disease Collaborators. Relationships of the invented frogs\n"
        "of a model genus and their bearing on refugia in a model forest. Syst\n"
        "Invent 31: 166-179.\n"
        "D. QUILL, B. NORRLAND, A. TAMSIN et X. OYELARAN. Can. J. Invent. 67, 786 (\n"
        "1989).\n"
        "Lindqvist, C., Okafor, W., & Haldane, M. (2006). Invented reference points in\n"
        "model regret. Journal of Invented Psychology, 26, 781-792.\n"
        "Pellinen AJ, Obuya CS, Ruiz AF, Whitcombe RJ, Abel MA. Long-term results of an\n"
        "invented repair. The Invented Lancet (2000) 355:260-265.\n"
        "Zeller F, Brook C, Quill B. 2011. Water deficit in an invented plant.\n"
        "Co-ordinating model processes? Current Opinion in Invented Biology 14: 283-289.\n"
    )
    texts = entry_texts(text)
    assert len(texts) == 8, texts
    assert [t[:4] for t in texts[:4]] == ["1000", "2020", "2020", "2020"], texts
    assert len(raws_by_list(text)) == 1


def test_a_markdown_list_numbered_one_every_time_is_still_numbered() -> None:
    """The other side of the rule above: ``1.`` before every item (as Markdown allows) is still a numbered list,
    a year wrapped to a line's start among them (``1961.``) notwithstanding, and its last entry is kept."""
    text = (
        "Body text of an invented article ends here with a final sentence.\n\n## References\n\n"
        "1. Abel K, Brook T. Invented trials of nothing in particular. J Invent Med. 2011;12:33-41.\n"
        "1. Zeller P. Another invented paper on tides. Mar Geol. 2001;171:1-20.\n"
        "1. Quillfeather, A. B. The invented tides of a model fjord. Oslo: Invented Press,\n"
        "   1961.\n"
        "1. Haldane PK, Ruiz MT. Sleep in an invented coastal cohort. Coast Res. 2009;41:210-6.\n"
        "1. Pellinen J, Obuya CS. Salt marsh birds of an invented coast. Coast Res. 1987;3:12-19.\n"
    )
    found = find_reference_lists(text)
    assert [(f.style, len(f.entries)) for f in found] == [("dot", 5)], found
    assert found[0].entries[-1].body.startswith("Pellinen J"), found


def test_names_opening_with_a_number_and_a_capital_are_no_glued_numbering() -> None:
    """``3D Systems``, ``4D Nucleome Network`` (then ``5th ...``) opening the entries of an author-year list read as
    labels 3 and 4 glued to text, a glued numbering 3, 4 that kept three entries, the last swallowing the rest. Under
    a first line that is itself such a label, two glued labels in a section that, read unnumbered, makes more than
    twice as many entries, nearly all references, are names; under ``1000 Genomes ...`` (no label 1 before a string's
    own ``000``, nor 2) they open no glued list either. Each entry is found."""
    below = (
        "Abel K, Brook T (1998) Invented trials of nothing in particular. J Invent Med\n"
        "    273: 12863-12869.\n"
        "Haldane PK, Ruiz MT, Tamsin R et al (2014) Sleep in an invented coastal cohort: a\n"
        "    randomized trial. Coast Res 39(3):449-454\n"
        "Zeller P, Quill N (2011) Another invented paper on the tides. Mar Invent 21:\n"
        "    761-767. doi: 10.5555/tides.2011.05.027\n"
    )
    groups = (
        "3D Systems Corporation. (2011) Accuracy of an invented antigen test for a model\n"
        "    parasite in different settings. Invent Negl Dis 5: e1384.\n"
        "4D Nucleome Network. \"Identification of invented polymorphisms within a model\n"
        "    promoter region.\" Br J Invent 1999; 126:841-844.\n"
    )
    first = (
        "1000 Genomes Project Consortium. 2008. Effects of an invented body condition on\n"
        "    the model mallard. The Invented Auk 125: 618-628.\n"
        "1000 Genomes Project Consortium. The invented PHQ-9: validity of a model measure. J\n"
        "    Gen Invent Med 16: 606-613.\n"
    )
    fifth = (
        "5th International Consensus Group. Invented marker mapping of a model resistance\n"
        "    gene and its association with another in wheat. Invent Phytopathology 93:153-159\n"
        "5th International Consensus Group. N. Quill, V. A. Norrland, et al., Invent. Prom.,\n"
        "    No. 5, 43 (1973).\n"
    )
    for entries, count in ((groups + fifth + below, 7), (first + groups + below, 7)):
        text = "Body text of an invented article ends here with a final sentence.\n\nLiterature Cited\n" + entries
        texts = entry_texts(text)
        assert len(texts) == count, texts
        assert texts[0][:2] in ("3D", "10") and any(t.startswith("4D Nucleome") for t in texts), texts


def test_authors_opening_with_name_particles_in_lower_case_start_an_entry() -> None:
    """An unnumbered list wrapped as PDF text: an entry that ends with no stop (``... Management of`` / ``Data``)
    and the next one opening with a family name's particles in lower case (``van der Berg AJ, Fringe-Dorsen MH,
    ...``). A person sees a name there, as with ``Vanderberg AJ``: a new entry, not the title going on."""
    entries = (
        "Nabo, A.T., Bell, J.D., Kodi, A.C. and Brook, P.H., 2009. Invented\n"
        "fermentation in the gut of a model animal: influence\n"
        "of fermented feeds. Invented Animal Health and Production 41, 1393-1407.\n",
        "Okafor, R., Lindqvist, T. Mining invented sets of items in large\n"
        "databases. 1993 In Proceedings of the Invented Conference on Management of\n"
        "Data\n",
        "{name} AJ, Fringe-Dorsen MH, van Dalk FJ, Hoatman IL.\n"
        "Priorities in invented occupational research: a Delphi study in The\n"
        "Netherlands. Occup Invent Med. 1997;54:504-10.\n",
        "Dabrova, A. I., Kress, M.S. and Fedorak, V.V., Evolution of invented craters\n"
        "as structures of a model crust. Invented Vestnik, v. 10,\n"
        "pp. 5-18. 1975.\n",
    )
    for name in ("Vanderberg", "van der Berg", "de Vries"):
        text = "References\n\n" + "".join(entries).replace("{name}", name)
        texts = entry_texts(text)
        assert len(texts) == 4, (name, texts)
        assert texts[2].startswith(name), (name, texts)


def test_an_ordinal_opening_the_first_entry_is_no_glued_label() -> None:
    """``1st Medical Faculty Study Group.`` opening an author-year list is an ordinal, not label 1 glued to
    ``st Medical``: with ``23andMe``, ``3D`` and ``4D`` below it, it opened a glued numbering 1, 23, 3, 4 that kept
    five entries, the last swallowing the rest. Each entry is found."""
    text = (
        "Body text of an invented article ends here with a final sentence.\n\nWorks Cited\n"
        "1st Medical Faculty Study Group. D. Quill, V. Yu. Norrland, A. E.\n"
        "    Tamsin, and T. Abel, Bull. Invent. Soc. Jpn. 87 (6), 693\n"
        "    (2014).\n"
        "23andMe Research Team. An invented increase in the accumulation of model\n"
        "    receptors. J Invent Neurosci. 2005;25(23):5511-20.\n"
        "3D Systems Corporation. (2013) Introduction: Adventures in an Invented Nexus. Eds.\n"
        "    L. Brook and M. Ruiz. New York: Invented Books.\n"
        "4D Nucleome Network. Inference from invented simulation using multiple\n"
        "    sequences. Invented Science. 1992; p. 457-472. doi:\n"
        "    10.5555/ss/1177011136\n"
        "5th International Consensus Group. Invented polynomials and model orbits,\n"
        "    Invent. Approx. 26 (2007), no. 3, 383-430.\n"
        "Haldane PK, Ruiz MT (2014) Sleep in an invented coastal cohort. Coast Res\n"
        "    34: 246-257. doi: 10.5555/coast.2014.2352414\n"
        "Zeller P, Quill N (2011) Another invented paper on the tides. Mar Invent 33:\n"
        "    1633-1645. doi: 10.5555/tides.2010.223\n"
    )
    texts = entry_texts(text)
    assert len(texts) == 7, texts
    assert texts[0].startswith("1st Medical") and texts[4].startswith("5th International"), texts


def test_authors_in_natural_order_after_a_bracketed_year_end_start_an_entry() -> None:
    """A book closed by its bracketed year (``... Perspectives on Harbour Control (2013)``), then a line that opens
    with two authors in natural order closed by a stop (``Toby Brook and Stanley B. Zeller.``): a new entry, not the
    book's title going on. Authors and their bracketed year on one line (``Toby Brook and Ana Ruiz (2013)``) still
    have their title on the next line."""
    text = (
        "References\n\n"
        "Quill, T. and Norrland, S. Invented parasites of the model gut. Invent Parasitol 31(2):\n"
        "1293-1302, 2001.\n"
        "Tamara Quill-Varnick and Jamie L. Abel (eds), Global Health in an Invented Country: Historical\n"
        "Perspectives on Harbour Control (2013)\n"
        "Toby Brook and Stanley B. Zeller. Issues in the design of invented programming languages. In\n"
        "Proceedings of the Workshop on Invented Systems, Appin, pages 89-112, August 1987.\n"
        "Haldane PK, Ruiz MT. Sleep in an invented coastal cohort. Coast Res. 2009;41:210-6.\n"
    )
    texts = entry_texts(text)
    assert len(texts) == 4, texts
    assert texts[2].startswith("Toby Brook and Stanley B. Zeller."), texts
    same = (
        "References\n\n"
        "Quill, T. and Norrland, S. Invented parasites of the model gut. Invent Parasitol 31(2):\n"
        "1293-1302, 2001.\n"
        "Toby Brook and Ana Ruiz (2013)\n"
        "Lena Abel and Stanley B. Zeller. A title that names two invented people. Invent Rev 4: 1-9.\n"
        "Haldane PK, Ruiz MT. Sleep in an invented coastal cohort. Coast Res. 2009;41:210-6.\n"
    )
    assert len(entry_texts(same)) == 3, entry_texts(same)


def test_one_inverted_author_and_a_quoted_title_after_a_full_stop_start_an_entry() -> None:
    """After a line that ends on a full stop, a line that opens with one author inverted, the given name written
    out, then a quoted title (``TAMSINEAU, Pierre, « Title »``, ``Norrland, Victor L. "Title"``) is a new entry,
    whatever the entry above lacks (a year, a source): no title wraps to such a line."""
    for opening in (
        "TAMSINEAU, Pierre, « Littérature et inventions au XVIIe siècle », XVIIe\n",
        'Norrland, Victor L. "Captive Invented Companies: Their Rise and Some\n',
    ):
        text = (
            "References\n\n"
            "Abel, K. and Brook, T. (2000). Invented trials of nothing. Washington, DC: Author.\n"
            "Quillfeather, N. “The invented state: A model experience,”.Proceedings of the\n"
            "6th Annual Invented Conference. London: Lakeside University.\n"
            + opening
            + "Siècle, n°184, 1996, p. 41-58.\n"
            "Zeller P, Quill N (2011) Another invented paper on the tides. Mar Invent 21: 761-767.\n"
        )
        texts = entry_texts(text)
        assert len(texts) == 4, (opening, texts)
        assert texts[2].startswith(opening[:12]), (opening, texts)
