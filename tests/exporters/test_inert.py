"""Values stay values in line-based and spreadsheet outputs."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from vexascite.exporters.markup import markdown_text, one_line, spreadsheet_cell


@pytest.mark.parametrize("brk", ["\n", "\r\n", "\r", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029", " \n\n  "])
def test_every_line_break_becomes_a_space(brk: str) -> None:
    text = f"Title{brk}ER  - {brk}TY  - JOUR"
    flat = one_line(text)
    assert flat.splitlines() == [flat]
    assert flat == "Title ER  - TY  - JOUR"


def test_one_line_keeps_text_without_breaks() -> None:
    assert one_line("A\ttab and  two spaces") == "A\ttab and  two spaces"


@pytest.mark.parametrize("value", ["=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)", "\t=1"])
def test_cells_that_would_be_formulas_are_text(value: str) -> None:
    assert spreadsheet_cell(value) == "'" + value


def test_ordinary_cells_are_unchanged() -> None:
    assert spreadsheet_cell("Ruxolitinib in VEXAS") == "Ruxolitinib in VEXAS"
    assert spreadsheet_cell(12) == 12


#: An escape sequence that recolours a terminal, one that retitles it (ended by a bell), DEL and a C1 control.
CONTROLLED = {"id": "c", "type": "article-journal", "title": "Red \x1b[31mUBA1\x1b[0m and \x1b]0;pwned\x07 title\x7f\x9b",
              "author": [{"family": "Ctrl\x1b[2J", "given": "A."}], "container-title": "J \x07Imag Res", "issued": {"date-parts": [[2020]]}}
_CONTROL_CHARS = {chr(c) for c in [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0x85), *range(0x86, 0xA0)]}


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex", "csl-json", "ris"])
@pytest.mark.parametrize("unicode", [False, True])
def test_exports_carry_no_control_characters(fmt: str, unicode: bool) -> None:
    """TeX stops on them, and a terminal showing the file obeys them."""
    from vexascite.exporters import ExportItem, export_items

    text = export_items([ExportItem("c", dict(CONTROLLED))], fmt, unicode=unicode)
    assert "UBA1" in text and "pwned" in text and "Imag Res" in text
    assert not _CONTROL_CHARS & set(text)


@pytest.mark.parametrize("output", ["text", "markdown", "html"])
def test_formatted_bibliographies_carry_no_control_characters(output: str) -> None:
    from vexascite.exporters import ExportItem
    from vexascite.exporters.formatted import format_bibliography

    text = "\n".join(format_bibliography([ExportItem("c", dict(CONTROLLED))], "vancouver", output))
    assert "UBA1" in text and "pwned" in text
    assert not _CONTROL_CHARS & set(text)


def test_spreadsheet_cells_carry_no_control_characters() -> None:
    """The claims table as CSV held a manuscript's escape sequences as they were."""
    assert spreadsheet_cell("UBA1 \x1b[31mred\x07 and\ttab") == "UBA1  [31mred  and\ttab"
    assert spreadsheet_cell("\x1b=1") == " =1"


def test_markdown_text_carries_no_control_characters() -> None:
    """The claims table as Markdown held an abstract's escape sequences as they were."""
    shown = markdown_text(CONTROLLED["title"])
    assert "UBA1" in shown and "pwned" in shown
    assert not _CONTROL_CHARS & set(shown)
    assert markdown_text("a\ttab and <b>") == "a\ttab and \\<b\\>"


@pytest.mark.skipif(not shutil.which("pandoc"), reason="pandoc not installed")
def test_markdown_text_makes_no_math_and_no_citation_in_pandoc() -> None:
    """An abstract's ``$E = mc^2$`` became math and its ``@doe2020`` a citation that
    ``pandoc --citeproc`` would fill from the reader's own bibliography."""
    shown = markdown_text("mass was $E = mc^2$ as @doe2020 said, for $5 [@beck2020]")
    html = subprocess.run(["pandoc", "-f", "markdown", "-t", "html"], input=shown, capture_output=True, text=True,
                          check=True).stdout
    assert "math" not in html and "citation" not in html
    assert "mass was $E = mc^2$ as @doe2020 said, for $5 [@beck2020]" in html


#: Tags written as text (entities in the source), an entity written as text, and one real tag.
ESCAPED_TAGS = {"id": "e", "type": "article-journal", "author": [{"family": "Ent", "given": "A."}],
                "title": "Doses &lt;script&gt;alert(1)&lt;/script&gt;, &amp;lt;b&amp;gt;, &lt;i&gt;as text&lt;/i&gt; and <i>UBA1</i>",
                "container-title": "J Imag Res", "issued": {"date-parts": [[2020]]}}
#: The title as a reader sees it: the text the markup spells.
ESCAPED_TAGS_TEXT = "Doses <script>alert(1)</script>, &lt;b&gt;, <i>as text</i> and UBA1"


def test_tags_written_as_entities_stay_text_in_csl_json() -> None:
    """``&lt;i&gt;`` in a title is the text ``<i>``: CSL-JSON writes it escaped again,
    so no reader takes it for markup, and reading the export back gives the same text."""
    import json

    from vexascite.exporters import ExportItem, export_items
    from vexascite.exporters.markup import plain_text
    from vexascite.importers.csljson import read_csljson

    text = export_items([ExportItem("e", dict(ESCAPED_TAGS))], "csl-json")
    title = json.loads(text)[0]["title"]
    assert "<script" not in title and "<i>as text" not in title and "<i>UBA1</i>" in title
    assert plain_text(title) == ESCAPED_TAGS_TEXT
    again = read_csljson(text).references[0].fields["title"]
    assert plain_text(again) == ESCAPED_TAGS_TEXT


@pytest.mark.parametrize(("output", "shown"), [
    ("text", ESCAPED_TAGS_TEXT),
    ("html", "Doses &lt;script&gt;alert(1)&lt;/script&gt;, &amp;lt;b&amp;gt;, &lt;i&gt;as text&lt;/i&gt; and <i>UBA1</i>"),
    ("markdown", r"Doses \<script\>alert(1)\</script\>, \&lt;b\&gt;, \<i\>as text\</i\> and *UBA1*"),
])
def test_tags_written_as_entities_stay_text_in_formatted_bibliographies(output: str, shown: str) -> None:
    from vexascite.exporters import ExportItem
    from vexascite.exporters.formatted import format_bibliography

    text = format_bibliography([ExportItem("e", dict(ESCAPED_TAGS))], "vancouver", output)[0]
    assert shown in text


#: A title whose right-to-left override shows "evil" reversed, an isolate in the journal, and
#: a note (annote, N1) with an override and a bell.
_DIRECTIONS = {chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]}
DIRECTED = {"id": "d", "type": "article-journal", "title": "Safe \u202eevil\u202c title",
            "author": [{"family": "Doe\u202e", "given": "J."}], "container-title": "J \u2066Iso\u2069 Res",
            "note": "field \u202enote\u2028line", "issued": {"date-parts": [[2020]]}}


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex", "ris"])
@pytest.mark.parametrize("unicode", [False, True])
def test_text_exports_drop_direction_controls_in_every_field_and_note(fmt: str, unicode: bool) -> None:
    """A note with U+202E went raw into BibTeX's annote (pdflatex stops on it; an editor shows
    the text reordered): every text export drops direction controls, which have no width."""
    from vexascite.exporters import ExportItem, export_items

    text = export_items([ExportItem("d", dict(DIRECTED), notes=["user \u202enote\x07 here"])], fmt, unicode=unicode)
    assert "Safe evil title" in text and "Doe, J." in text and "J Iso Res" in text and "user note" in text
    assert not (_DIRECTIONS | _CONTROL_CHARS | {"\u2028"}) & set(text)


def test_csl_json_keeps_direction_controls_faithfully_as_escapes() -> None:
    """CSL-JSON is the library's own exchange: the same strings come back, written as
    ``\\u202e`` escapes, so nothing in the file reorders what a reader sees."""
    import json

    from vexascite.exporters import ExportItem, export_items

    text = export_items([ExportItem("d", dict(DIRECTED), notes=["user \u202enote"])], "csl-json")
    assert not (_DIRECTIONS | {"\u2028"}) & set(text)
    assert "\\u202e" in text
    [item] = json.loads(text)
    assert item["title"] == DIRECTED["title"] and item["note"] == DIRECTED["note"] and item["annote"] == "user \u202enote"
