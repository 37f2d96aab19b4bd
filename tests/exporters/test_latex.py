"""LaTeX encoding for BibTeX fields: specials, accents, ligatures, title protection."""

from __future__ import annotations

import pytest

from vexascite.exporters.latex import escape_text, needs_protection, to_latex


@pytest.mark.parametrize(
    ("text", "latex"),
    [
        ("plain ascii", "plain ascii"),
        ("R&D 50% $5 #1 a_b", r"R\&D 50\% \$5 \#1 a\_b"),
        ("a~b^c", r"a\textasciitilde{}b\textasciicircum{}c"),
        ("back\\slash", r"back\textbackslash{}slash"),
        ("{balanced}", r"\{balanced\}"),
        ("}{", r"$\rbrace$$\lbrace$"),
        ("Cost 5 €, 37 °C, 5 µg, ± 2", r"Cost 5 €, 37 °C, 5 µg, \ensuremath{\pm} 2"),
        ("only } closing", r"only $\rbrace$ closing"),
        ("Müller", r"M\"{u}ller"),
        ("naïve", r"na\"{i}ve"),
        ("Français", r"Fran\c{c}ais"),
        ("Søren", r"S{\o}ren"),
        ("α-synuclein", r"\ensuremath{\alpha}-synuclein"),
        ("a--b", "a-{}-b"),
        ("``quoted''", "`{}`quoted'{}'"),
    ],
)
def test_escape_text(text: str, latex: str) -> None:
    assert escape_text(text) == latex


def test_unicode_mode_keeps_accents_but_escapes_specials() -> None:
    assert escape_text("Müller & Søren", unicode=True) == r"Müller \& Søren"


def test_decomposed_accents_are_composed_first() -> None:
    assert escape_text("Mu\u0308ller") == r"M\"{u}ller"


@pytest.mark.parametrize(
    ("word", "first", "protect"),
    [
        ("UBA1", False, True),
        ("VEXAS", False, True),
        ("JAK", True, True),
        ("mRNA", False, True),
        ("IL-6", False, True),
        ("COVID-19,", False, True),
        ("I", False, True),
        ("I", True, False),
        ("A", False, False),
        ("Adult-Onset", False, False),
        ("Ruxolitinib", True, False),
        ("syndrome", False, False),
        ("p53", False, False),
    ],
)
def test_needs_protection(word: str, first: bool, protect: bool) -> None:
    assert needs_protection(word, first) is protect


def test_title_case_and_sentence_case_titles() -> None:
    # Title Case: capitalised words are style, only acronyms are protected
    assert to_latex("Somatic Mutations in UBA1 and Severe Adult-Onset Disease", protect=True) == (
        "Somatic Mutations in {UBA1} and Severe Adult-Onset Disease"
    )
    # sentence case: a capital past the first word is a proper noun
    assert to_latex(
        "Lessons from the McMaster ITP registry of patients seen in Zürich", protect=True
    ) == (r"Lessons from the {McMaster} {ITP} registry of patients seen in {Z\"{u}rich}")


def test_title_protection_braces_the_word_not_its_punctuation() -> None:
    title = "Somatic mutations in UBA1 (VEXAS), JAK inhibitors: IL-6 and Type I interferon"
    assert to_latex(title, protect=True) == (
        "Somatic mutations in {UBA1} ({VEXAS}), {JAK} inhibitors: {IL-6} and {Type} {I} interferon"
    )


@pytest.mark.parametrize(
    ("csl", "latex"),
    [
        ("Effect of <i>UBA1</i> variants", r"Effect of \textit{{UBA1}} variants"),
        ("<jats:title>Ca<jats:sup>2+</jats:sup> flux</jats:title>", r"Ca\textsuperscript{2+} flux"),
        ("H<sub>2</sub>O &amp; CO<sub>2</sub>", r"{H\textsubscript{2}O} \& {CO\textsubscript{2}}"),
        ("Effect of <i>UBA1 in E. coli</i> cells", r"Effect of \textit{{UBA1} in {E}. coli} cells"),
        ('<span class="nocase">iPhone</span> study', "{iPhone} study"),
        ("<mml:math><mml:mi>α</mml:mi></mml:math> chain", r"\ensuremath{\alpha} chain"),
        ("p < 0.05 in <b>bold</b>", r"p \textless{} 0.05 in \textbf{bold}"),
    ],
)
def test_crossref_markup_becomes_latex(csl: str, latex: str) -> None:
    """Crossref's markup as the resolver stores it (CSL rich text), then as LaTeX."""
    from vexascite.richtext import from_source

    assert to_latex(from_source(csl, "xml"), protect=True) == latex
