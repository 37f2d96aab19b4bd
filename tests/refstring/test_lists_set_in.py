"""List finding: a list set in as a whole (quoted, indented, pdftotext margins) is read as if dedented.

Every reference here is invented (10.5555 DOIs, made-up names and journals).
"""

from __future__ import annotations

import pytest

from tests.refstring.found import entry_texts

PROSE = (
    "Marsh birds were counted from the air over four seasons in two estuaries\n"
    "(Albarn et al., 2011). The counts were low in winter.\n"
    "\n"
    "Fever of slow onset is common in the cohort (Brindle et al., 2018).\n"
    "\n"
)

ONE_A_LINE = [
    "Q. ALBARN et T. VELLOSO. Bull. Soc. Inv. Mar. 812 (1971);",
    "9QQX TR 12.345: \"Quillon tariff model; stage 3 outline for meter hubs\".",
    "Brindle PK, Osei A, Dorn E, et al. Ferritin kinetics in relapsing inflammatory disease. Task Force of the Working Group on Marshes of the Inventive Society. Inv Clin Med 2001;44:310-318.",
    "Castellan M, Dorn E, Holt S, Pike R (2004) Toward a new reading of the marsh census: survey and proposed criteria for two estuaries. J Inv Ecol 61:201-214",
    "Holt S, Pike R (2012) Reed beds of the southern shores: influence of the tides. Inv Marsh Rev 312:501-519.",
    "Velloso, Tomas G. and Quentin A. Albarn (2015). \"Who counted the herons first?\" Marsh Chronicle Quarterly 21: 44-49.",
    "Pike RJ. (1999) Three dimensional survey of a reed bed by sonar sweeping. J Inv Survey 17:12–19",
    "Dorn, Edith M. et al. (2016). \"Birds with wings longer than or equal to a metre.\" Pure and Applied Ornithology 58: 902-915.",
    "Osei A, Brindle PK (2007) Marshes as clocks of the coast. Inv Clin Med 3: 22–37. doi:10.5555/inv.2007.003",
    "Fairweather G (2002) Wading birds of the south. Inv Ecol Hist 9: 1-17.",
]


def _set_in(margin: str) -> str:
    return "".join(margin + line + "\n" for line in ONE_A_LINE)


@pytest.mark.parametrize("margin", ["  ", "    ", "\t"], ids=["two spaces", "four spaces", "tab"])
def test_a_list_one_a_line_set_in_after_prose_is_cut_at_each_line(margin: str) -> None:
    texts = entry_texts(PROSE + _set_in(margin))
    assert texts == ONE_A_LINE


@pytest.mark.parametrize("margin", ["  ", "    ", "\t"], ids=["two spaces", "four spaces", "tab"])
def test_a_list_one_a_line_set_in_under_a_heading_is_cut_at_each_line(margin: str) -> None:
    texts = entry_texts(PROSE + "References\n\n" + _set_in(margin))
    assert texts == ONE_A_LINE


def test_the_same_list_flush_left_after_prose_is_cut_the_same_way() -> None:
    assert entry_texts(PROSE + _set_in("")) == ONE_A_LINE


def test_a_hanging_indent_set_in_after_prose_still_joins_its_lines() -> None:
    text = PROSE + (
        "  Albarn, Q., and T. Velloso. 2011. Seasonal drift of marsh\n"
        "      sediments under managed flooding. Estuar. Ecol. 14:221-230.\n"
        "  Brindle PK, Osei A. Ferritin kinetics in relapsing inflammatory\n"
        "      disease: a cohort study. J Invent Med. 2018;12(4):55-61.\n"
        "  Castellan, M. R. Rural clinics and the long road to care.\n"
        "      Oxford: Quillon Press, 2004.\n"
        "  Dorn, E., Fairweather, G., & Holt, S. (2020). Measuring marsh\n"
        "      birds from the air. Field Methods, 8(2), 101-119.\n"
    )
    texts = entry_texts(text)
    assert len(texts) == 4
    assert texts[1] == "Brindle PK, Osei A. Ferritin kinetics in relapsing inflammatory disease: a cohort study. J Invent Med. 2018;12(4):55-61."
    assert texts[2] == "Castellan, M. R. Rural clinics and the long road to care. Oxford: Quillon Press, 2004."


def test_a_wrapped_list_set_in_after_prose_is_cut_where_entries_end() -> None:
    text = PROSE + (
        "    Albarn, Q., and T. Velloso. 2011. Seasonal drift of marsh sediments\n"
        "    under managed flooding. Estuar. Ecol. 14:221-230.\n"
        "    Brindle PK, Osei A. Ferritin kinetics in relapsing inflammatory disease:\n"
        "    a cohort study. J Invent Med. 2018;12(4):55-61. doi:10.5555/jim.2018.055\n"
        "    Castellan MR, Dorn E. Rural clinics and the long road to care. Inv\n"
        "    Health Serv. 2004;7:88-96.\n"
        "    Dorn E, Fairweather G, Holt S. Measuring marsh birds from the air. Field\n"
        "    Methods. 2020;8(2):101-119.\n"
    )
    texts = entry_texts(text)
    assert len(texts) == 4
    assert texts[0] == "Albarn, Q., and T. Velloso. 2011. Seasonal drift of marsh sediments under managed flooding. Estuar. Ecol. 14:221-230."
    assert texts[3] == "Dorn E, Fairweather G, Holt S. Measuring marsh birds from the air. Field Methods. 2020;8(2):101-119."


def test_a_bracketed_year_opening_a_hanging_list_with_no_heading_is_no_numbering() -> None:
    # "(2012) Vexas Workshop. ..." opening the first string of a set-in hanging list after prose: read as a label,
    # it made a list of one entry numbered 2012 that held the first four references.
    text = PROSE + "\n" + (
        "    (2012) Vexas Marsh Workshop. Cited 4 times.\n"
        "    ALBARN DES QUILLONS Jean, 1954 : Noms des marais de l'Estuaire relevés de 911\n"
        "         à 1066. In Annales de l'Estuaire, tome 4, no 1, p. 39-59.\n"
        "    QUILLON, Un scénario pour les marais de l'estuaire. Rapport 2013, 2013,\n"
        "         98p., [en ligne]\n"
        "         http://quillon.example.org/marais/scenario-final.pdf\n"
        "    Brindle PK, Osei A, Dorn E: The use of invented counting techniques for marsh\n"
        "         birds in two estuaries: a feasibility study. Inv Marsh Med 2008, 22(7):814-821.\n"
        "    Dorn, E. (2001). Seeing flocks: counts by statistical properties.\n"
        "         Inv Ornithol Sci, 12, 157-162.\n"
        "    Holt S, Pike R (2005) Reed beds of the southern shores suggest a hierarchy of\n"
        "         tides. Inv Marsh Rev 1(4): e37. doi:10.5555/inv.marsh.0010037.\n"
    )
    texts = entry_texts(text)
    # (The first two strings, which read as no reference on their own, are left out of a list with no heading and
    # reported as lines in no entry; no entry holds two references.)
    assert not any("Marsh Workshop" in t and "Brindle" in t for t in texts), [t[:40] for t in texts]
    assert [t[:12] for t in texts[-4:]] == ["QUILLON, Un ", "Brindle PK, ", "Dorn, E. (20", "Holt S, Pike"]
