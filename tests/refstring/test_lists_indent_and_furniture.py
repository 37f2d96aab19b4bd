"""List finding: first-line indents, bullets, Setext headings and page furniture of PDF text.

Every reference here is invented (10.5555 DOIs, made-up names and journals).
"""

from __future__ import annotations

from vexascite.refstring import find_reference_lists


def _texts(text: str) -> list[str]:
    return [entry.text for found in find_reference_lists(text) for entry in found.entries]


def test_a_first_line_indent_without_blank_lines_opens_each_entry() -> None:
    text = (
        "References\n"
        "    Albarn, Q., and T. Velloso. 2011. Seasonal drift of marsh\n"
        "sediments under managed flooding. Estuar. Ecol. 14:221-230.\n"
        "    Brindle PK, Osei A. Ferritin kinetics in relapsing inflammatory\n"
        "disease: a cohort study. J Invent Med. 2018;12(4):55-61.\n"
        "    Castellan, M. R. Rural clinics and the long road to care.\n"
        "Oxford: Quillon Press, 2004.\n"
        "    Dorn, E., Fairweather, G., & Holt, S. (2020). Measuring marsh\n"
        "birds from the air. Field Methods, 8(2), 101-119.\n"
    )
    texts = _texts(text)
    assert len(texts) == 4
    assert texts[0].startswith("Albarn, Q.") and texts[0].endswith("14:221-230.")
    assert texts[2] == "Castellan, M. R. Rural clinics and the long road to care. Oxford: Quillon Press, 2004."


def test_a_hanging_indent_is_still_read_as_one() -> None:
    text = (
        "References\n"
        "Albarn, Q., and T. Velloso. 2011. Seasonal drift of marsh\n"
        "    sediments under managed flooding. Estuar. Ecol. 14:221-230.\n"
        "Brindle PK, Osei A. Ferritin kinetics in relapsing inflammatory\n"
        "    disease: a cohort study. J Invent Med. 2018;12(4):55-61.\n"
        "Castellan, M. R. Rural clinics and the long road to care.\n"
        "    Oxford: Quillon Press, 2004.\n"
    )
    texts = _texts(text)
    assert len(texts) == 3
    assert texts[1] == "Brindle PK, Osei A. Ferritin kinetics in relapsing inflammatory disease: a cohort study. J Invent Med. 2018;12(4):55-61."
