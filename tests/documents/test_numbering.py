"""Word automatic numbering computed from numbering definitions."""

from __future__ import annotations

from tests.documents.wordfiles import numbering_element
from vexascite.documents.numbering import Numbering, format_number


def test_formats():
    assert [format_number(n, "decimal") for n in (1, 12)] == ["1", "12"]
    assert [format_number(n, "lowerLetter") for n in (1, 26, 27, 28)] == ["a", "z", "aa", "bb"]
    assert format_number(3, "upperLetter") == "C"
    assert [format_number(n, "lowerRoman") for n in (4, 9, 14, 1999)] == ["iv", "ix", "xiv", "mcmxcix"]
    assert format_number(40, "upperRoman") == "XL"
    assert format_number(7, "decimalZero") == "07"


def test_levels_restart_and_nest():
    numbering = Numbering(numbering_element())
    shown = [numbering.label("1", level) for level in (0, 1, 1, 2, 0, 1)]
    assert shown == ["1.", "a)", "b)", "1.b.i", "2.", "a)"]  # each level in its own format, as Word shows it


def test_nums_of_one_definition_continue_and_start_override_restarts():
    numbering = Numbering(numbering_element(restart=5))
    assert [numbering.label("1", 0), numbering.label("1", 0), numbering.label("2", 0)] == ["1.", "2.", "3."]
    assert [numbering.label("3", 0), numbering.label("3", 0)] == ["5.", "6."]


def test_bracketed_level_text_bullets_and_unknown_lists():
    numbering = Numbering(numbering_element(text0="[%1]"))
    assert numbering.label("1", 0) == "[1]"
    assert numbering.label("4", 0) is None  # a bullet shows no number
    assert numbering.label("99", 0) is None
    assert numbering.label("0", 0) is None  # numId 0 switches numbering off
    assert Numbering(None).label("1", 0) is None


def test_a_list_defined_by_a_list_style_takes_the_styles_levels_and_count():
    """``w:numStyleLink``: the abstract definition has no levels; Word numbers its
    paragraphs with those of the list the style names, as one list."""
    from docx.oxml import parse_xml

    from tests.documents.wordfiles import W_NS

    xml = parse_xml(f"""<w:numbering {W_NS}>
      <w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="RefList"/></w:abstractNum>
      <w:abstractNum w:abstractNumId="1"><w:styleLink w:val="RefList"/>
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="[%1]"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
    </w:numbering>""")
    numbering = Numbering(xml, {"RefList": "1"})
    assert [numbering.label("2", 0), numbering.label("2", 0), numbering.label("1", 0)] == ["[1]", "[2]", "[3]"]
    assert Numbering(xml).label("2", 0) is None  # without the styles: nothing to go on
