"""Text printed as two columns side by side is read column by column, and nothing else is
touched: prose, code, tables and aligned single-column lists stay as they are; no
character but blank ones is ever dropped or added."""

from __future__ import annotations

import textwrap
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from vexascite.columns import read_columns

REFERENCES = [
    "Harwell PQ, Ondrak T, Lindqvist E. Somatic variants of an invented gene in adults with relapsing inflammation. J Invented Med. 2019;12:101-109. doi:10.5555/inv.2019.12",
    "Brauner S, Kettil M. Clonal haematopoiesis in a made-up cohort of two hundred people. Fict Haematol. 2020;8(3):44-52.",
    "Okafor N, Vidal-Ruiz A, Sato K, et al. Steroid-sparing treatment of an imagined syndrome: a series of cases. Rheum Examples. 2021;3:e1204.",
    "Lindqvist E, Harwell PQ. Skin findings in a disease that does not exist. Derm Invent. 2018;41(7):711-719.",
    "Marchetti G, Olsen TB. Ruxolitinib in a pretend disorder of the marrow. Blood Made Up. 2022;140:2333-2340. doi:10.5555/bmu.2022.2333",
    "Yilmaz D, Petrakis E. Bone marrow vacuoles in imaginary patients and what they mean. Fict Pathol. 2017;29:12-19.",
    "Aaltonen R, Baptiste M, Chen L. Long-term outcomes after transplantation in a fictitious syndrome. Transpl Examples. 2023;17(2):201-210.",
    "Dubois F, Nakamura H, Quist A. Chondritis and vasculitis in an invented cohort: a retrospective study. Arthritis Pretend. 2016;68:1880-1888.",
    "Ferreira JP, Kowalczyk A. Macrocytic anaemia as an early sign of a made-up disease. Haematol Fict. 2019;104(5):e220-e222.",
    "Gunnarsdottir H, Mbeki T. Azacitidine for the invented myelodysplasia of older men. Leuk Examples. 2021;35:3001-3010.",
]


def numbered(refs: list[str], start: int, width: int) -> list[str]:
    lines: list[str] = []
    for number, ref in enumerate(refs, start=start):
        wrapped = textwrap.wrap(f"{number}. {ref}", width)
        lines += [wrapped[0]] + [f"   {line}" for line in wrapped[1:]]
    return lines


def side_by_side(left: list[str], right: list[str], gutter: int = 5) -> list[str]:
    width = max(len(line) for line in left) + gutter
    rows = max(len(left), len(right))
    left, right = left + [""] * (rows - len(left)), right + [""] * (rows - len(right))
    return [f"{a.ljust(width)}{b}".rstrip() for a, b in zip(left, right, strict=True)]


def key(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def test_layout_kept_text_not_in_columns_is_left_alone():
    prose = textwrap.wrap(" ".join(REFERENCES) * 2, 90)
    code = [
        "total = 0            # the running sum",
        "for value in values: # every value once",
        "    total += value   # add it",
        "print(total)         # and say it",
    ]
    aligned = []
    for number, ref in enumerate(REFERENCES[:4], start=1):
        wrapped = textwrap.wrap(ref, 60)
        aligned += [f"  [{number}]    {wrapped[0]}"] + [f"         {line}" for line in wrapped[1:]]
    table = [
        "Variable            Patients     Controls     p",
        "Age, years          67           64           0.2",
        "Men, n (%)          40 (95)      21 (50)      <0.001",
        "Anaemia, n (%)      38 (90)      10 (24)      <0.001",
    ]
    two_cells = [
        "Characteristic      Value",
        "Age, median         67 years",
        "Men                 40 of 42",
        "Macrocytosis        38 of 42",
    ]
    for block in (prose, code, aligned, table, two_cells):
        text = "\n".join(block) + "\n"
        reading = read_columns(text)
        assert reading.blocks == [], block[0]
        assert reading.text == text


def test_justified_text_with_wide_spaces_is_not_a_gutter():
    lines = []
    for index, line in enumerate(textwrap.wrap(" ".join(REFERENCES), 70)):
        words = line.split(" ")
        at = 2 + index % 5  # widened spaces at no common position
        lines.append(" ".join(words[:at]) + "    " + " ".join(words[at:]))
    reading = read_columns("\n".join(lines))
    assert reading.blocks == []


_PIECES = st.sampled_from([*"Ab1. ,;()-\t", "   ", "      ", "Smith J, ", "2020;12:44-52. ", "Invented cohort of ", "[3] ", "é"])
_LINE = st.lists(_PIECES, max_size=14).map("".join)


_WORDS = st.sampled_from(["Smith J,", "2020;12:44-52.", "Invented", "cohort", "of", "[3]", "é", "\t", "", "doi:10.5555/x.1", "(2019)", "Blood.", "12."])
_TEXT_LINE = st.lists(_WORDS, min_size=2, max_size=9).map(" ".join)


def check_reading(text: str) -> bool:
    reading = read_columns(text)
    assert Counter(ch for ch in reading.text if not ch.isspace()) == Counter(ch for ch in text if not ch.isspace())
    source = text.split("\n")
    assert len(reading.origin) == len(reading.lines)
    for line, origin in zip(reading.lines, reading.origin, strict=True):
        assert 1 <= origin <= len(source)
        assert line.strip() in source[origin - 1]
    if not reading.blocks:
        assert reading.text == text
    return bool(reading.blocks)


@given(st.lists(_LINE, max_size=40))
@settings(max_examples=200, deadline=None)
def test_reading_keeps_every_character_but_blank_ones(lines: list[str]) -> None:
    check_reading("\n".join(lines))


@given(st.lists(_TEXT_LINE, max_size=40), st.lists(_LINE, max_size=3), st.integers(min_value=1, max_value=6))
@settings(max_examples=300, deadline=None)
def test_reading_of_columns_keeps_every_character_but_blank_ones(lines: list[str], around: list[str], gutter: int) -> None:
    half = len(lines) // 2
    block = side_by_side(lines[:half] or [""], lines[half:], gutter=gutter) if lines else []
    check_reading("\n".join([*around, *block, *around]))


def test_a_page_number_set_inside_the_gutter_does_not_hide_it():
    left, right = numbered(REFERENCES[:5], 1, 44), numbered(REFERENCES[5:], 6, 44)
    block = side_by_side(left, right, gutter=8)
    middle = max(len(line) for line in left) + 3
    text = "\n".join([*block, "", " " * middle + "12"])
    reading = read_columns(text)
    assert len(reading.blocks) == 1
    assert reading.lines[: len(left)] == left
    assert [line.strip() for line in reading.lines[len(left) : len(left) + len(right)]] == [line.strip() for line in right]
    assert reading.lines[-1].strip() == "12"
