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
