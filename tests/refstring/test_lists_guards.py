"""List finding: rules about where a list begins and ends that no layout cue states, each on invented
references (10.5555 DOIs, made-up names and journals): a string's own bracketed number with a space in
it, a ``1.`` inside an entry left open, a heading's underline across a page break, back matter before
a list with no heading, the tail of an earlier article's list before the next article's text, and a glued
label before a string that carries its own number."""

from __future__ import annotations

from tests.refstring.found import entry_texts, raws_by_list
from vexascite.refstring import find_reference_lists


def test_a_bracketed_own_number_with_a_space_after_a_closed_source_opens_an_entry() -> None:
    # Wrapped author-year text with no blank lines: "[7 ]" is the string's own number, set loosely.
    text = (
        "Keller, A. and Moss, T. Invented results on tiny lattices. Journal of\n"
        "Invented Mathematics 12 (2009), 101-120.\n"
        "Rowan, P. Invented bounds for sums, in Proceedings of the Invented\n"
        "Conference on Nothing, Quill Press, 2011.\n"
        "Sato, H. and Vale, J. A history of an invented siege, Invented Review\n"
        "of History, 2013.\n"
        "[7 ],On spectral sums of invented graphs, Invented Letters 4 (2015),\n"
        "pp. 1-9.\n"
        "Ulm, B. Invented walks on invented trees. Journal of Invented\n"
        "Probability 3 (2016), 44-59.\n"
    )
    texts = entry_texts(text)
    assert len(texts) == 5
    assert texts[2].endswith("of History, 2013.")
    assert texts[3].startswith("[7 ],On spectral sums")


def test_a_lone_one_inside_an_entry_left_open_is_its_text_not_a_new_list() -> None:
    text = (
        "The article's last sentence ends here.\n\nReferences\n\n"
        "11. Tarrow K, Velde M. A first invented study of nothing. J Inv Res. 2001;2:11-19.\n"
        "12. Ostrander PL, Quill R, Jonas\n"
        "1.\n"
        "MP, Hurley M. A second invented study of things. Inv Med. 2003;5:20-29.\n"
        "13. Brandt S. A third invented study of the marsh. Inv Lett. 2005;7:30-39.\n"
        "14. Corwin D, Ashby L. A fourth invented study of reeds. Inv Lett. 2006;8:40-49.\n"
    )
    lists = raws_by_list(text)
    assert len(lists) == 1
    assert len(lists[0]) == 4
    assert "Jonas" in lists[0][1] and "MP, Hurley M." in lists[0][1]


def test_a_heading_underline_after_a_page_break_is_no_entry_text() -> None:
    text = (
        "The article's last sentence ends here.\n\n"
        "Literature Cited\n"
        "\n"
        "Downloaded from https://example.org/inv/article/12/3/45 by guest on 2 May 2024\n"
        "Page 6 of 8\n"
        "\n"
        "----------------\n"
        "\n"
        "Ament, Wilhelm. 1899. Invented speech of the child. Leipzig: Quill.\n"
        "Braun T, Holt S, Pike R (1986) Fate of invented nucleotides in marsh cells. J Inv Chem 47:912-9\n"
        "Corwin D, Ashby L (2006) A fourth invented study of reeds. Inv Lett 8:40-49\n"
    )
    lists = raws_by_list(text)
    assert len(lists) == 1
    assert lists[0][0].startswith("Ament, Wilhelm. 1899.")
    assert len(lists[0]) == 3


def test_back_matter_in_the_text_before_a_list_with_no_heading_does_not_hide_it() -> None:
    text = (
        "A study of invented marsh birds over four seasons\n"
        "A. Tarrow, B. Velde\n"
        "Introduction\n"
        "Marsh birds were counted from the air over four seasons in two estuaries.\n"
        "\n"
        "FUNDING The Inventive Society paid for the boats and the fuel of the survey.\n"
        "\n"
        "Marsh birds were counted from the air over four seasons in two estuaries. The counts were low.\n"
        "\n"
        "- Brindle PK, Osei A. Ferritin kinetics in invented disease. Inv Clin Med\n"
        "    2001;44:310-318.\n"
        "- Castellan M, Dorn E (2004) Toward a new reading of the marsh census. J Inv\n"
        "    Ecol 61:201-214\n"
        "- Holt S, Pike R (2012) Reed beds of the southern shores. Inv Marsh Rev\n"
        "    312:501-519.\n"
        "- Osei A, Brindle PK (2007) Marshes as clocks of the coast. Inv Clin Med 3:\n"
        "    22-37. doi:10.5555/inv.2007.003\n"
    )
    texts = entry_texts(text)
    assert len(texts) == 4
    assert texts[0].startswith("Brindle PK") and texts[0].endswith("2001;44:310-318.")
    assert texts[3].endswith("doi:10.5555/inv.2007.003")


def test_the_tail_of_an_earlier_list_before_the_next_articles_text_is_a_list() -> None:
    text = (
        "Keller A, Moss T (2009) Invented results on tiny lattices. J Inv Math 12:101-120\n"
        "\n"
        "Rowan P (2011) Invented bounds for sums. Inv Proc 3:1-9\n"
        "\n"
        "Sato H, Vale J (2013) A history of an invented siege. Inv Rev Hist 9:44-59\n"
        "\n"
        "Ulm B (2016) Invented walks on invented trees. J Inv Prob 3:44-59\n"
        "\n"
        "A study of invented marsh birds over four seasons\n"
        "A. Tarrow, B. Velde\n"
        "\n"
        "Marsh birds were counted from the air over four seasons in two estuaries, and the counts\n"
        "were low in winter (Tarrow et al., 2011). Herons were seen on every count and egrets on\n"
        "most of them, while the waders left the marsh when the water rose in the spring.\n"
        "\n"
        "The reed beds of the southern shore held most of the nests in every season, as the\n"
        "earlier counts had found (Velde et al., 2018). Fewer nests were found on the northern shore.\n"
        "\n"
        "The counts were repeated by boat in the last season, and the two methods gave the same\n"
        "totals within a tenth (Holt et al., 2012). The survey will go on for two more years.\n"
        "\n"
        "Heron numbers rose by a tenth in 2012 [2], as in the earlier counts (Inv Marsh Rev. 2012;312:501-9).\n"
        "\n"
        "References\n"
        "\n"
        "1. Brindle PK, Osei A. Ferritin kinetics in invented disease. Inv Clin Med 2001;44:310-318.\n"
        "2. Castellan M, Dorn E. Toward a new reading of the marsh census. J Inv Ecol 2004;61:201-214.\n"
    )
    lists = raws_by_list(text)
    assert len(lists) == 2
    assert [raw.split(" (")[0] for raw in lists[0]] == ["Keller A, Moss T", "Rowan P", "Sato H, Vale J", "Ulm B"]
    assert len(lists[1]) == 2


_TAIL_HANGING = (
    "Keller A, Moss T (2009) Invented results on tiny lattices of the northern marsh. J Inv\n"
    "    Math 12:101-120\n"
    "Rowan P (2011) Invented bounds for sums over the reed beds of the southern shore. Inv\n"
    "    Proc 3:1-9\n"
    "Sato H, Vale J (2013) A history of an invented siege of the estuary towns. Inv Rev\n"
    "    Hist 9:44-59\n"
    "Ulm B (2016) Invented walks on invented trees of the coast. J Inv Prob 3:44-59\n"
)

_NEXT_ARTICLE = (
    "A study of invented marsh birds over four seasons\n"
    "A. Tarrow, B. Velde\n"
    "Introduction\n"
    "Marsh birds were counted from the air over four seasons in two estuaries, and the\n"
    "counts were low in winter (Tarrow et al., 2011). Herons were seen on every count and\n"
    "egrets on most of them, while the waders left the marsh when the water rose in the\n"
    "spring. The reed beds of the southern shore held most of the nests in every season,\n"
    "as the earlier counts had found (Velde et al., 2018). Fewer nests were found on the\n"
    "northern shore, where the water was deeper and the reeds were cut every autumn.\n"
)

_NEXT_LIST = (
    "Brindle PK, Osei A (2001) Ferritin kinetics in invented disease of the marsh. Inv\n"
    "    Clin Med 44:310-318\n"
    "Castellan M, Dorn E (2004) Toward a new reading of the marsh census of the coast. J\n"
    "    Inv Ecol 61:201-214\n"
    "Holt S, Pike R (2012) Reed beds of the southern shores and the tides of spring. Inv\n"
    "    Marsh Rev 312:501-519\n"
)


def test_a_list_with_no_heading_after_the_next_articles_text_is_read_too() -> None:
    # The tail of an earlier article's list, then a legend (back matter), the next article and its list.
    text = (
        _TAIL_HANGING + "\nFigure 3. Invented counts of herons by season and estuary.\n\n" + _NEXT_ARTICLE + "\n\n" + _NEXT_LIST
    )
    lists = raws_by_list(text)
    assert [len(found) for found in lists] == [4, 3]
    assert lists[1][0].startswith("Brindle PK")


def test_wrapped_text_with_no_blank_lines_is_cut_where_the_next_articles_lines_run() -> None:
    # PDF text: the tail of a list, the next article's title and text and its list, no blank line anywhere.
    lists = raws_by_list(_TAIL_HANGING + _NEXT_ARTICLE + _NEXT_LIST)
    assert [len(found) for found in lists] == [4, 3]
    assert lists[0][-1].startswith("Ulm B") and lists[1][0].startswith("Brindle PK")


def test_a_document_one_reference_a_line_after_the_articles_text_starts_at_the_references() -> None:
    # Markdown or a word processor: every paragraph is one line, the list has no heading.
    paragraphs = [
        "A study of invented marsh birds over four seasons",
        "A. Tarrow, B. Velde",
        "Introduction",
        # (numbers and years: this paragraph alone reads as a reference of few marks)
        "From 2005 to 2015, heron counts rose by an average of 2.9 birds (95% interval 2.9-3.0) for each estuary,"
        " and by 3.5 birds (3.4-3.7) for the marsh, while nests rose by 0.85 (0.78-0.92).",
        "The reed beds of the southern shore held most of the nests in every season, as the earlier counts had found"
        " (Velde et al., 2018). Fewer nests were found on the northern shore, where the water was deeper.",
        "Discussion",
        "The counts by boat in the last season gave the same totals within a tenth as the counts from the air, and the"
        " survey will go on for two more years in both estuaries.",
    ]
    names = ("Brindle PK", "Castellan M", "Dorn E", "Holt S", "Osei A", "Pike R", "Ulm B", "Velde K", "Quill R", "Ashby L")
    topics = ("herons", "egrets", "reed beds", "tides", "waders", "nests", "estuaries", "mudflats", "sedges", "eels")
    refs = [
        f"{names[n % 10]}, {names[(n + 3) % 10]} ({1990 + n}) Invented counts of {topics[n % 10]} in season {n + 1}."
        f" Inv Marsh Rev {10 + n}:{100 + 7 * n}-{105 + 7 * n}. doi:10.5555/inv.{1990 + n}.{n:03d}"
        for n in range(20)
    ]
    text = "\n\n".join(paragraphs + refs) + "\n"
    assert entry_texts(text) == refs


def test_a_glued_label_before_a_string_that_carries_its_own_number_after_an_open_line() -> None:
    text = (
        "The article's last sentence ends here.\n\nReferences\n\n"
        "31Tarrow K, Velde M. A first invented study of nothing. J Inv Res. 2001;2:11-19.\n"
        "32Ostrander PL, Quill R. A second invented study of things. Inv Med. 2003;5:20-29.\n"
        "33J. R. QUILL, D. M. VELDE et E. R. H. ASHBY. J. Inv. Soc. 272 (1948);\n"
        "3477 Across the marsh the counts of herons rose in every season, as the earlier counts had found.\n"
        "35Brandt S. A third invented study of the marsh. Inv Lett. 2005;7:30-39.\n"
        "36Corwin D, Ashby L. A fourth invented study of reeds. Inv Lett. 2006;8:40-49.\n"
    )
    entries = [(entry.number, entry.text) for found in find_reference_lists(text) for entry in found.entries]
    assert [number for number, _ in entries] == [31, 32, 33, 34, 35, 36]
    assert entries[2][1].endswith("(1948);")
    assert entries[3][1].startswith("3477 Across the marsh")


def test_a_glued_label_at_a_lists_end_flush_under_a_hanging_entry_opens_the_last_entry() -> None:
    # No number follows to vouch for it, but the line sits flush where the entry above hangs.
    text = (
        "The article's last sentence ends here.\n\nReferences\n\n"
        "32Ostrander PL, Quill R. A second invented study of things. Inv\n"
        "  Med. 2003;5:20-29.\n"
        "33J. R. QUILL, D. M. VELDE et E. R. H. ASHBY. J. Inv. Soc.\n"
        "  272 (1948);\n"
        "3477 Across the marsh the counts of herons rose in every season,\n"
        "  as the earlier counts had found.\n"
    )
    entries = [(entry.number, entry.text) for found in find_reference_lists(text) for entry in found.entries]
    assert [number for number, _ in entries] == [32, 33, 34]
    assert entries[2][1].startswith("3477 Across the marsh")


def test_bracketed_own_numbers_out_of_step_in_a_wrapped_unnumbered_list_are_no_numbering() -> None:
    # "[43]" and "[50]" are two strings' own numbers: read as a numbering, each swallowed the
    # references under it up to the next (and to the list's end).
    text = (
        "Corbin T, Hale W (2004) Invented marsh proteins in cells.\n"
        "J Inv Biol 12: 101-109. doi: 10.5555/inv.2004.101\n"
        "Daly, R. (1999). Invented ledgers of the north. Invented Review, 4(2),\n"
        "55-71.\n"
        "[43] P. Arne and Q. Lund, “Invented control of small craft over invented ground,” in\n"
        "Proc. of the Invented Steering Meeting, vol. 2, May 2003,\n"
        "pp. 891– 896.\n"
        "Ebner K. An Invented Lexicon of Things. Cambridge; MA: Quill Press;\n"
        "1998.\n"
        "Fenwick Y, Grau RE (1997) A made-up theory of boosting weak\n"
        "marsh learners. J Inv Comput 31:77-92\n"
        "Hollis, E., and G. Marr. 1995. Invented organelles of the yeast.\n"
        "Inv Yeast. 11:493-536.\n"
        "[50] Ivo Pask, Rena Wast, and Jon Mitch. Invented feature learning. In\n"
        "Invented Proceedings, 2013.\n"
        "Jorgen AJ, Kell RT, Lorne C. The invented effect of ventilation on dogs.\n"
        "Inv Anesth 1984; 61:406-415.\n"
        "Mowat, S. (ed.) (2013) Invented regions of the south. Bologna: Quill.\n"
    )
    texts = entry_texts(text)
    assert len(texts) == 9
    assert texts[2].endswith("pp. 891– 896.")
    assert texts[3].startswith("Ebner K.")
    assert texts[6].startswith("[50] Ivo Pask") and texts[6].endswith("2013.")
