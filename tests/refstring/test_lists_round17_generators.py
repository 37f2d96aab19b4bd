"""Merges the generators (benchmarks/docgen3-6) still made on fresh seeds 560-569 and 610-619, each on invented references."""

from __future__ import annotations

from tests.refstring.found import entry_raws


def raws(text: str) -> list[str]:
    """Every entry's raw text with its spaces and line breaks each made one space."""
    return [" ".join(raw.split()) for raw in entry_raws(text)]


def test_group_authors_that_open_with_digits_are_no_numbering_under_a_heading() -> None:
    """One reference a line under a heading, sorted by author, the first few authors groups whose names open with
    digits (``1000 Inv Genomes Consortium``, ``2019 Inv Task Force``, ``2020 Inv Collaborators`` twice): 1000, 2019,
    2020, 2020 read as bare labels step by one once by chance, which made them a numbering, each "entry" swallowing
    the references up to the next. Read one a line, every reference is an entry."""
    lines = [
        "1000 Invented Genomes Consortium. Sequencing an invented goat skin during hair growth. PLoS Inv. 2013;8(4):e62704.",
        "2019 Invented Guidelines Task Force. (1999) Responses of invented plants to warming. Inv Monogr. 64:91–511.",
        "2020 Invented Burden Collaborators. (2011) Analysis of an invented fever in a province. Inv Pathog 7: e1002369.",
        "2020 Invented Burden Collaborators. Symmetry of invented circular structures. Inv Meteor, v. 41, pp. 150-156. 1982.",
        "3D Invented Corporation. (2012), 'An invented handbook', Inv Finance 1949, p. 101.",
        "Doyle JJ. 2011. Invented perspectives on nodulation. Inv Plant Interact 24: 1289-1295.",
        "Haldane PK, Ruiz MT. Sleep and tidal rhythm in an invented coastal cohort of adults. Coast Res. 2009;41:210-6.",
        "Iverson T, Marsh Q. Invented imaging of the diaphragm: a challenge? Inv Radiogr 2002;22:103–116.",
        "Okafor C, Dunn R. Storm surges on invented coasts. Coast Inv Res 2010;7:1-12.",
        "Pellinen J, Obuya CS. Salt marsh birds of an invented coast. Coast Res. 1987;3:12-19.",
        "Quillfeather AB, Norrland PJ (2004) Seasonal drift of invented plankton. J Fjord Res 12:45-52.",
        "Tamsin R, Oyelaran K, Whitcombe D. Marrow cells in an invented joint model. Arthritis Invent. 2012;9:101-9.",
    ]
    text = "Body text of an invented article ends here with a sentence.\n\nREFERENCES\n" + "\n".join(lines) + "\n"
    assert raws(text) == lines


def test_a_group_author_that_opens_with_digits_opens_an_entry_after_one_that_closed() -> None:
    """Wrapped entries with no label, one closed by a publisher's place in brackets, then a group as author whose
    name opens with digits (``23andMe Inv Team.``, ``4D Inv Network.``): no title or source goes on with a group
    as author, so it opens an entry, as a collaboration does (it was glued to the entry above)."""
    text = (
        "Body text of an invented article ends here with a sentence.\n\nReferences and Notes\n"
        "Quillfeather AB, Norrland PJ (2004) Seasonal drift of invented plankton in a\n"
        "model fjord. J Fjord Res 12:45-52. doi:10.5555/fjord.2004.12\n"
        "Tamsin R, Oyelaran K, Whitcombe D (2012) Marrow cells in an invented joint model of\n"
        "the knee (Paris: Invented Institute for Joint Studies).\n"
        "23andMe Invented Team. Chronic hepatitis caused by an invented parvovirus\n"
        "infection. Inv Infect Dis 10: 246. doi:10.5555/inv-10-246.\n"
        "4D Invented Network. Investigational Invented Drugs 19: 61–67, 2001.\n"
        "Haldane PK, Ruiz MT. Sleep and tidal rhythm in an invented coastal cohort of\n"
        "adults. Coast Res. 2009;41:210-6.\n"
    )
    found = raws(text)
    assert len(found) == 5, found
    assert found[1].endswith("Joint Studies).") and found[2].startswith("23andMe Invented Team."), found


def test_a_journals_citation_line_on_every_page_is_furniture_past_a_lone_bare_label_or_an_open_page_range() -> None:
    """Bare labels past 999, the article's own citation line (``J Inv Med. 2021;131(4):e140123   https://doi.org/...``)
    printed at each page break and nothing else: once under ``1010`` alone on its line (one past the label ``1009``
    above, so an entry still to come) and once between ``115-`` and ``128. doi: .`` (a page range left open, whose
    end is no label ``128.``). An entry runs across it, so it is furniture: left out, and entry 1010 keeps its text
    rather than going on with 1009."""
    foot = "J Inv Med. 2021;131(4):e140123   https://doi.org/10.5555/JIM140123"
    text = (
        "References\n"
        "1002 Quill P, Marsh NE. Invented tides of the northern basin. J Inv Oceanogr\n2001;12:33-41.\n"
        f"1003 Venn J, Osei K. A second invented study of coastal shelves. Inv Mar Sci\n2003;5:101-9.\n{foot}\n"
        "1004 Mandel, P., Segor, M., & Kastor, C. (1990). An invented study of shared gazing in\n"
        "children. Journal of Invented Disorders, 20(1), 115-\n"
        f"{foot}\n128. doi: .\n"
        "1005 Okafor C, Dunn R. Storm surges on invented coasts. Coast Inv Res 2010;7:1-12.\n"
        "1006 Abe M, Ruiz T. Tidal flats revisited in an invented delta. Inv\nGeomorph 2012;44:300-10.\n"
        "1007 Holt S. Dunes of the invented shore. Inv Coast 1999;3:4-9.\n"
        "1008 Warde J, Hale W. Role of invented care in dependence. Lancet Inv 1999, 351:201-206.\n"
        "1009 Lind E, Brask T. Salt marsh sediments in an invented estuary. Estuar Inv\n2007;19:220-8.\n"
        f"1010\n{foot}\n"
        "ASH. Aide-soignant, un métier inventé dans les établissements\npour personnes âgées. ASH, 12/03/2010, n°2641.\n"
    )
    found = raws(text)
    assert len(found) == 9, found
    assert not any("JIM140123" in entry for entry in found), found
    assert found[2].endswith("115- 128. doi: ."), found
    assert found[7].endswith("2007;19:220-8.") and found[8].startswith("1010 ASH."), found


_SPACED_ABOVE = (
    "Body text of an invented article ends here with a sentence.\n\nReferences\n\n"
    "Quillfeather AB, Norrland PJ (2004) Seasonal drift of invented plankton in a\nmodel fjord. J Fjord Res 12:45-52\n\n"
    "Tamsin R, Oyelaran K, Whitcombe D (2012) Marrow cells in an invented joint model of\nthe knee. Arthritis Invent 9:101-9\n\n"
)
_SPACED_BELOW = (
    "\n\nHaldane PK, Ruiz MT (2009) Sleep and tidal rhythm in an invented coastal cohort of\nadults. Coast Res 41:210-6\n\n"
    "Pellinen J, Obuya CS (1987) Salt marsh birds of an invented coast. Coast Res\n3:12-19\n"
)


def test_an_entry_closed_by_its_pages_with_a_quote_left_open_ends_at_a_blank_line_before_a_particle_name() -> None:
    """A list set apart by blank lines, an entry that prints a closing quote whose opening it lost (``Invented Use"
    (p. 220-229) ...``) and closes on its pages, then after the blank line ``van den Quill AM, ... (2009)``: the
    name's particle in lower case is no word going on inside the quote; the entries stay apart."""
    odd = 'Invented Treatment and Use" (p. 220-229) is recommended reading on the invented coast, in "Inv tiempo," Inv Studies (item 7946), p. 117-205.'
    text = _SPACED_ABOVE + odd + "\n\nvan den Quill AM, Dinjens WN, Dorsser LC et al (2009) Deletion of invented exons: a rather\nfrequent abnormality. Inv Test Mol 13(3):399-406" + _SPACED_BELOW
    found = raws(text)
    assert len(found) == 6, found
    assert found[2] == odd and found[3].startswith("van den Quill AM"), found


def test_an_entry_left_on_a_comma_with_digits_in_it_is_no_run_of_authors_across_a_blank_line() -> None:
    """A list set apart by blank lines, an entry with no year left on a comma (``Technical note INV 97002, Invented
    Anomalies Research, Invented University,``), then ``van Moer, G., ... 2008.``: a run of authors left on a comma
    goes on past the blank line, but authors hold no digits; this is an entry of its own, and the next one too."""
    odd = "Technical note INV 97002, Invented Anomalies Research, Invented University,"
    text = _SPACED_ABOVE + odd + "\n\nvan Moer, G., D.R. Valk, and G.W. Feigel. 2008. Invented lipids: what they hold.\nInv Rev Mol Cell Biol 9:131-143" + _SPACED_BELOW
    found = raws(text)
    assert len(found) == 6, found
    assert found[2] == odd and found[3].startswith("van Moer, G."), found


def test_a_label_set_apart_from_a_string_that_opens_on_a_comma_is_still_a_label() -> None:
    """``11) , 2002. First published ...``: a string broken as printed that lost its opening words, under a label
    set apart from it by a space. ``6):1563`` (no space) is an issue wrapped from the line above, not a label; with
    the space it is entry 11, not text going on with entry 10."""
    text = (
        "Body text of an invented article ends here with a sentence.\n\nReferences\n\n"
        "9) Adams, Dora. The Rather Complete Invented Guide. New York: Wings Inv Books, 1986.\n"
        "10) About Invented Holzner 2011, dvd, Minicinema Inv, San Rafael, California.\n"
        "11) , 2002. First published 14 March 2002; Invented Society, 1200 Larchwood Pike, Harbour MD 20999.\n"
        "12) Okafor C, Dunn R. Storm surges on invented coasts. Coast Inv Res 2010;7:1-12.\n"
    )
    found = raws(text)
    assert [entry.split(")")[0] for entry in found] == ["9", "10", "11", "12"], found


def test_markdowns_one_before_every_item_is_a_label_after_an_entry_left_on_a_comma() -> None:
    """A Markdown list that numbers every item ``1.`` (as Markdown allows), one entry a string broken off as printed on
    a comma (``... (Minneapolis: Invented Press, 1989),``), the next ``1. Abercrombie, S., (1984), ...``: the repeated
    number is the list's numbering, not text of the entry left open; no two entries are one."""
    items = [
        "Quillfeather AB, Norrland PJ. Seasonal drift of invented plankton. J Fjord Res. 2004;12:45-52.",
        "Tamsin R, Oyelaran K. Marrow cells in an invented joint model. Arthritis Invent. 2012;9:101-9.",
        "Martin Lindqvist, Martin Lindqvist’s Basic Invented Writings, ed. Tobias F. Lill (Minneapolis: Invented Press, 1989),",
        "Abercrombie, S., (1984), “Invented Architecture As Art”, Van Nostrand Invented, New York.",
        "Haldane PK, Ruiz MT. Sleep and tidal rhythm in an invented coastal cohort. Coast Res. 2009;41:210-6.",
        "Pellinen J, Obuya CS. Salt marsh birds of an invented coast. Coast Res. 1987;3:12-19.",
    ]
    text = "Body text of an invented article ends here with a sentence.\n\n## References\n\n" + "".join(f"1. {item}\n" for item in items)
    assert raws(text) == [f"1. {item}" for item in items]


def test_page_numbers_alone_under_a_pages_furniture_are_no_run_of_lone_labels_across_bare_numbered_entries() -> None:
    """Bare labels past 9999, a lone ``10004`` at a page's foot and the page's number ``42`` printed twice and ``43``
    on the next page, alone on their lines under the journal's foot: 42, 42, 43 go on as lone labels would, but an
    entry with a bare label of the list (``10005 Germond DP ...``) stands between them, so they are page numbers, not
    labels; entry 10004 keeps the text under them and is not glued to 10003."""
    foot = "Inv Med J 383;26   invmed.org   December 24, 2020"
    text = (
        "References\n"
        "10001 Quill P, Marsh NE. Invented tides of the northern basin. J Inv Oceanogr\n2001;12:33-41.\n"
        "10002 Venn J, Osei K. A second invented study of coastal shelves. Inv Mar Sci\n2003;5:101-9.\n"
        "10003 Okour, A., & Hijaz, H. (2009). Invented violence as risk factor in an invented\n"
        "north. Journal of Invented Violence, 24, 361-\n366.\n"
        f"10004\n{foot}\n42\nAccepted Article\nwww.inv-lancet.com/rheumatology   Vol 5   March 2023\n42\n"
        "Kam, K., & Tsao, W. D. (2004). Invented tides and risk knowledge. Journal\nof Invented Economics, 23, 907-934.\n"
        "10005 Germond DP, Aval P, Chassin A (2002) Patients affected with an invented\n"
        "disease have a raised incidence of hearing loss. Inv Med (Harbour) 81:417-425\n"
        "10006 Abe M, Ruiz T. Tidal flats revisited in an invented delta. Inv\nGeomorph 2012;44:300-10.\n"
        f"10007 Holt S. Dunes of the invented shore. Inv Coast\n{foot}\n43\n1999;3:4-9.\n"
        "10008 Pratt D. Invented reefs. Inv Mar Biol 2018;2:1-3.\n"
    )
    found = raws(text)
    assert len(found) == 8, found
    assert found[2].endswith("361- 366.") and found[3].startswith("10004 Kam, K.,"), found
    assert not any(" 42" in entry or " 43 " in entry for entry in found), found


def test_a_line_never_wrapped_ends_its_entry_before_authors_and_their_year() -> None:
    """Wrapped entries and whole ones on a line each, mixed (as text pasted into a PDF's can be): a line more than twice
    and a half the median line's width ends ``... S. 110-119 9780000000002 ISBN``, no year and no closing mark, then
    ``Schelten B, Timmers J, Eichner M (2009) ...`` wrapped: a line so long was never wrapped, so its entry ends with it
    (the whole lines are many, so the width most lines fill is theirs and the wrapped lines' width says nothing)."""
    long_line = (
        "Irmtraud Schnelle und Clara Fedder. Studierende auf inventierte Pädagogik einstimmen. Chancen im erfundenen Amt. "
        "In: Vanier, Dora H. & Rätzel, Anne. Hrsg. Was Lehrerbildung erfinden darf. Erfundene Wege der Professionen für die "
        "Schule. Braunsfeld: Westmark, S. 110-119 9780000000002 ISBN"
    )
    text = (
        "Body text of an invented article ends here with a sentence.\n\nReference\n\n"
        "Schulte O, Sewall H, Shakir F. Invented cleavage of a subunit of an invented receptor by an invented protease "
        "found in an invented mite. Inv Immunol 1998;9:1-8.\n"
        "van Pragh, H., Shubart, T., Zhou, C., and\nGagel, F. H. (2005). Running enhances\n"
        "learning in invented mice. J. Inv Neurosci. 25,\n8612-8619.\n"
        "J. Tomtsch, \"CAD Design eines Inv Chip Moduls fur den Prototype,\" Bachelor, Math.-Naturwissenschaftliche Fakultät, "
        "Univ. Inv, Germany, 2014. [Online]. Available: https://www.inv-physik.example.org/ergebnisse/t00000055.pdf\n"
        "EL-BAHI, Mahmud, Bogo CIRAK, Hong DUI, Yaping YIN, Melissa CALL, Farinaz SAFI, 2011. The invented "
        "encephalitogenicity of invented cells is dependent on invented cytokines. Inv Immunology. 12(6), 568–575.\n"
        "Lagerborg J, Jonsson C: Salt and an invented adenocarcinoma:\ninfluence of harbour work? Br J Inv 2005, 93:851-857.\n"
        f"{long_line}\n"
        "Schelten B, Timmers J, Eichner M (2009) Gauging the strength of\ninvented influences among tidal signals using\n"
        "rescaled coherence. J Inv Methods 179:117-126\n"
        "Rom P, Groll R, Rethers JJ, Schoute B, Van der Vleuter C. Review of invented practitioners by video observation "
        "of communicative performance in daily practice: issues of validity.   Inv Med Educ  1999;   33:447-454.\n"
    )
    found = raws(text)
    assert len(found) == 8, found
    assert found[5] == long_line and found[6].startswith("Schelten B"), found


def test_a_pages_doi_alone_above_its_head_is_furniture_when_the_numbered_entry_goes_on_past_it() -> None:
    """A page's own DOI alone at its foot, then its head (``Obiorah et al.`` / ``References (cont.)``) on every page,
    falling inside entry ``[4]`` after its authors and year, the title on the next page and ``[5]`` after it: an
    entry's own DOI comes at its end, so this one is the page's, left out of the entry."""
    text = (
        "Body text of an invented article ends here with a sentence.\n\nReferences\n"
        "[1] Quill P, Marsh NE. Invented tides of the northern basin. J Inv Oceanogr 2001;12:33-41.\n"
        "[2] Venn J, Osei K. A second invented study of coastal shelves. Inv Mar Sci\n2003;5:101-9.\n"
        "[3] Haldane PK, Ruiz MT. Sleep and tidal rhythm in an invented coastal cohort of\nadults. Coast Res. 2009;41:210-6.\n"
        "[4] Vulk, E., Harris, C., Winkel, P. & Pashl, H. 2009\nhttps://doi.org/10.5555/rheumatology.2016.2771\n"
        "Obiorah et al.\nReferences (cont.)\n"
        "Reply to comments on invented correlations in invented imaging. Inv Persp Sci 4,\n319-324.\n"
        "[5] Okafor C, Dunn R. Storm surges on invented coasts. Coast Inv Res 2010;7:1-12.\n"
        "[6] Pellinen J, Obuya CS. Salt marsh birds of an invented coast. Coast Res.\n"
        "Obiorah et al.\nReferences (cont.)\n1987;3:12-19.\n"
        "[7] Abe M, Ruiz T. Tidal flats revisited in an invented delta. Inv Geomorph 2012;44:300-10.\n"
    )
    found = raws(text)
    assert len(found) == 7, found
    assert found[3] == "[4] Vulk, E., Harris, C., Winkel, P. & Pashl, H. 2009 Reply to comments on invented correlations in invented imaging. Inv Persp Sci 4, 319-324.", found
