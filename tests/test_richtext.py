"""CSL rich text: one rule for what a text field holds (CSL's style tags are markup, every
other tag and entity the text spells is text), read from each kind of source once."""

from __future__ import annotations

import pytest

from vexascite.richtext import CONTROL, from_source, parse_markup, plain_text, rich_fields


@pytest.mark.parametrize(("stored", "words"), [
    ("Reading the <title> element", "Reading the <title> element"),
    ("The <jats:title> element", "The <jats:title> element"),
    ("<jats:p>Cells <jats:italic>in vitro</jats:italic>.</jats:p>", "Cells in vitro. "),  # a whole element: markup
    ("Doses <script>alert(1)</script> given", "Doses <script>alert(1)</script> given"),
    ("An unclosed <i> tag", "An unclosed <i> tag"),
    ("A stray </b> tag", "A stray </b> tag"),
    ("Somatic <i>UBA1</i> and CO<sub>2</sub>", "Somatic UBA1 and CO2"),
    ("Reading the &lt;title> element &amp; more", "Reading the <title> element & more"),
    ("p<0.05 & IL-6 <7 pg", "p<0.05 & IL-6 <7 pg"),
])
def test_every_tag_but_a_style_tag_is_text_and_keeps_its_words(stored: str, words: str) -> None:
    assert plain_text(stored) == words


def test_a_style_tag_is_markup_however_a_source_spells_it() -> None:
    assert parse_markup("<jats:italic>E. coli</jats:italic> <em>in vivo</em>") == (
        ("E. coli", frozenset({"italic"})), (" ", frozenset()), ("in vivo", frozenset({"italic"})))


@pytest.mark.parametrize(("source", "markup", "stored"), [
    # a CSL-like source (CSL-JSON, RIS, a reference string): style tags kept, the rest escaped as text
    ("Somatic <i>UBA1</i> &amp; a &lt;i&gt; tag", "csl", "Somatic <i>UBA1</i> & a &lt;i> tag"),
    ("The <title> element and <script>x</script>", "csl", "The &lt;title> element and &lt;script>x&lt;/script>"),
    ("The <jats:title> element", "csl", "The &lt;jats:title> element"),
    ("<jats:p>Cells <jats:italic>in\n vitro</jats:italic>.</jats:p><jats:p>Two.</jats:p>", "csl", "Cells <i>in vitro</i>. Two."),
    ("Plain words & p<0.05", "csl", "Plain words & p<0.05"),
    # Crossref's HTML and JATS: style tags kept as CSL's, structure dropped, escaped text stays text
    ("A &lt;i&gt;b&lt;/i&gt; <jats:italic>UBA1</jats:italic> CO<jats:sub>2</jats:sub>\n  <mml:math><mml:mi>x</mml:mi></mml:math>",
     "xml", "A &lt;i>b&lt;/i> <i>UBA1</i> CO<sub>2</sub> x"),
    ("<jats:p>One.</jats:p><jats:p>Two.</jats:p>", "xml", "One. Two."),
    # text already read from XML, MEDLINE: nothing is markup
    ("Steroids <helped> &amp; more", "plain", "Steroids &lt;helped> &amp;amp; more"),
    ("Somatic <i>UBA1</i>", "plain", "Somatic &lt;i>UBA1&lt;/i>"),
])
def test_a_source_is_read_once_into_csl_rich_text(source: str, markup, stored: str) -> None:
    assert from_source(source, markup) == stored
    assert from_source(stored) == stored  # read again as CSL: the same (re-running is safe)


def test_plain_text_that_spells_tags_reads_back_as_that_text() -> None:
    text = "x &lt;i&gt; <b>bold</b> </i> <script>"
    assert plain_text(from_source(text, "plain")) == text


def test_rich_fields_reads_the_text_fields_only() -> None:
    work = {"title": "The <title> tag", "abstract": "<jats:p>A</jats:p>", "note": "<b>n</b>", "URL": "https://x/?a=1&amp;b=2"}
    assert rich_fields(work, "xml") == {"title": "The tag", "abstract": "A", "note": "<b>n</b>", "URL": "https://x/?a=1&amp;b=2"}
    assert rich_fields({"title": "<i></i>", "DOI": "10.5555/x"}) == {"DOI": "10.5555/x"}  # emptied: left out


def test_control_characters_are_named_once_where_the_api_reads_them() -> None:
    """The api checks user text against the rule in richtext, not in an exporter."""
    import ast
    from pathlib import Path

    import vexascite.api

    assert CONTROL.search("a\x1b[31m") and not CONTROL.search("tab\tline\n")
    folder = Path(vexascite.api.__file__).parent
    for module in folder.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.endswith("exporters.markup"):
                assert "CONTROL" not in {alias.name for alias in node.names}, module.name
