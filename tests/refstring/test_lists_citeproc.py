"""A manuscript rendered by a citation processor (pandoc --citeproc): author-year prose, then its
bibliography with no heading. The prose is not read as references; the bibliography is the list."""

from __future__ import annotations

import pytest

from tests.refstring.found import raws_by_list
from vexascite.refstring.lists import find_reference_lists

BIBLIOGRAPHY = [
    "Arden, P., T. Brask, and L. Cova. 2020. “A Marker of Slow Relapse in Adult Disease.” J Clin Res 12 (3): 101–9.",
    "Brask, T., M. Dunn, O. Egli, et al. 2021. “Two Drugs Compared in a Small Cohort.” Blood Adv 5 (2): 22–31. https://doi.org/10.5555/ba.2021.22.",
    "Cova, L. 2019. “Why Responses Differ.” Nat Rev Things 13 (4): 234–43.",
    "“Meeting Report: New Drugs in Old Diseases.” 2023. Medical News. November 7, 2023. https://example.org/news/2023-11-new-drugs.html.",
    "Egli, O., and P. Arden. 2018. “Clots Before Treatment: A Registry Study.” Drug Saf 41 (7): 645–53.",
]
PROSE = [
    "Adult disease of this kind is driven by a marker found in stem cells (Arden, Brask, and Cova 2020). In a series "
    "of 80 patients, skin and joint involvement were frequent (Brask et al. 2021).",
    "The response at three months was 24% with the first drug and 32% with the second (Brask et al. 2021; “Meeting "
    "Report: New Drugs in Old Diseases” 2023). At six months it was 30% and 26% (Brask et al. 2021).",
    "Clots were frequent before any treatment was given (Egli and Arden 2018), so a clot on treatment says little "
    "about the drug (Cova 2019).",
]


def test_word_paragraphs_one_a_line_give_only_the_bibliography() -> None:
    # A .docx is read one paragraph a line, headings as Markdown headings.
    text = "\n".join(["# Treating adult disease", "## Background", PROSE[0], "## Drugs", PROSE[1], "## Clots", PROSE[2], *BIBLIOGRAPHY])
    assert raws_by_list(text) == [BIBLIOGRAPHY]


def _wrap(paragraph: str, width: int = 72) -> list[str]:
    lines: list[str] = []
    for word in paragraph.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def test_plain_text_prose_with_a_year_at_a_line_start_is_no_numbered_list() -> None:
    # Wrapped as pandoc wraps plain text, the second paragraph has a line opening "2023). At six months".
    paragraphs = ["Treating adult disease", "Background", PROSE[0], "Drugs", PROSE[1], PROSE[2], *BIBLIOGRAPHY]
    text = "\n\n".join("\n".join(_wrap(p, 74)) for p in paragraphs)
    assert "\n2023). At six" in text
    found = find_reference_lists(text)
    assert len(found) == 1 and found[0].style == "unnumbered"
    assert [entry.text for entry in found[0].entries] == BIBLIOGRAPHY


def test_pandoc_markdown_and_html_blocks_around_entries_separate_them() -> None:
    fenced = "::: {#refs .references .csl-bib-body .hanging-indent}\n" + "".join(
        f"::: {{#ref-{n} .csl-entry}}\n" + "\n".join(_wrap(entry)) + "\n:::\n\n" for n, entry in enumerate(BIBLIOGRAPHY)
    ) + ":::\n"
    html = '<div id="refs" class="references csl-bib-body hanging-indent">\n\n' + "".join(
        f'<div id="ref-{n}" class="csl-entry">\n\n' + "\n".join(_wrap(entry)) + "\n\n</div>\n\n" for n, entry in enumerate(BIBLIOGRAPHY)
    ) + "</div>\n"
    for block in (fenced, html):
        text = "\n\n".join("\n".join(_wrap(p)) for p in PROSE) + "\n\n" + block
        found = find_reference_lists(text)
        assert len(found) == 1
        assert [entry.text for entry in found[0].entries] == BIBLIOGRAPHY
        assert all(":::" not in entry.raw and "div" not in entry.raw for entry in found[0].entries)


def test_a_title_with_a_date_in_brackets_is_still_a_reference() -> None:
    lines = [
        "Arden P, Brask T. Markers of relapse (Kyoto, June 2019). Proc Soc Things. 2019;3:1-9.",
        "Cova L. A second study of relapse. J Clin Res. 2020;12:10-19.",
        "Dunn M. A third study of relapse. J Clin Res. 2021;13:20-29.",
    ]
    assert raws_by_list("References\n" + "\n".join(lines)) == [lines]



@pytest.mark.parametrize("width", [64, 66, 70])
def test_prose_and_list_in_one_block_keep_the_list(width: int) -> None:
    # No blank lines at all (as PDF extraction leaves a page): wrapped prose, then the wrapped list. At 70
    # columns a line opens "2018), so a clot ..." under "(Egli and Arden" (at 66, "2019)." under "... (Cova"):
    # a citation's year, not label 2018.
    lines = ["Treating adult disease", "Background"] + [line for p in PROSE for line in _wrap(p, width)]
    lines += [line for entry in BIBLIOGRAPHY for line in _wrap(entry, width)]
    (found,) = find_reference_lists("\n".join(lines))
    assert [entry.text for entry in found.entries] == BIBLIOGRAPHY
