"""Formatted bibliographies through citeproc-py: numbering in citation order, styles,
outputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from vexascite.errors import UsageError
from vexascite.exporters import ExportItem
from vexascite.exporters.formatted import format_bibliography, render_bibliography, style_path

BECK = ExportItem(
    "beck2020somatic",
    {
        "type": "article-journal",
        "title": "Somatic mutations in UBA1 and severe adult-onset autoinflammatory disease",
        "author": [{"family": "Beck", "given": "D. B."}, {"family": "Ferrada", "given": "M. A."}],
        "container-title": "N Engl J Med",
        "issued": {"date-parts": [[2020, 12, 31]]},
        "volume": "383",
        "issue": "27",
        "page": "2628-2638",
        "DOI": "10.1056/NEJMoa2026834",
    },
)
ASH = ExportItem(
    "ash2021covid",
    {
        "type": "webpage",
        "title": "COVID-19 and ITP & <i>other</i> questions (p < 0.05)",
        "author": [{"literal": "American Society of Haematology"}],
        "URL": "https://www.hematology.org/covid-19/covid-19-and-ityp",
        "accessed": {"date-parts": [[2021, 11, 11]]},
    },
)
ZETA = ExportItem(
    "zeta1999",
    {
        "type": "book",
        "title": "Zeta",
        "author": [{"family": "Aaron", "given": "A."}],
        "issued": {"date-parts": [[1999]]},
    },
)


def test_vancouver_numbers_in_the_order_given() -> None:
    entries = format_bibliography([ASH, BECK, ZETA], "vancouver")
    assert [e.split(" ", 1)[0] for e in entries] == ["1.", "2.", "3."]
    assert entries[2].startswith("3. Aaron A. Zeta.")
    assert entries[1] == (
        "2. Beck DB, Ferrada MA. Somatic mutations in UBA1 and severe adult-onset autoinflammatory disease. "
        "N Engl J Med. 2020 Dec 31;383(27):2628–38. doi:10.1056/NEJMoa2026834"
    )
    assert "[cited 2021 Nov 11]" in entries[0]  # the localized date delimiter citeproc-py forgets


def test_author_date_style_sorts_by_author() -> None:
    entries = format_bibliography([BECK, ZETA], "apa")
    assert entries[0].startswith("Aaron, A. (1999).")
    assert entries[1].startswith("Beck, D. B., & Ferrada, M. A. (2020).")


@pytest.mark.parametrize(
    "style", ["american-medical-association", "nature", "blood", "apa", "vancouver"]
)
def test_journal_styles_render(style: str) -> None:
    entries = format_bibliography([BECK, ASH], style)
    assert len(entries) == 2
    assert any("Beck" in e for e in entries)


def test_html_is_escaped_and_markdown_marks_italics() -> None:
    html_entries = format_bibliography([ASH, BECK], "american-medical-association", "html")
    assert "COVID-19 and ITP &amp; <i>other</i> questions (p &lt; 0.05)" in html_entries[0]
    assert "<i>N Engl J Med</i>" in html_entries[1]
    assert render_bibliography(html_entries, "html").startswith('<div class="csl-bib-body">')
    markdown = format_bibliography([BECK], "american-medical-association", "markdown")[0]
    assert "*N Engl J Med*" in markdown


def test_style_names_files_and_errors(tmp_path: Path) -> None:
    assert style_path("blood").name == "american-medical-association.csl"  # dependent -> parent
    assert style_path("vancouver").name == "nlm-citation-sequence.csl"
    dependent = tmp_path / "my-journal.csl"
    dependent.write_text(
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><info>'
        '<link href="http://www.zotero.org/styles/nature" rel="independent-parent"/></info></style>',
        encoding="utf-8",
    )
    assert style_path(str(dependent)).name == "nature.csl"
    with pytest.raises(UsageError, match="did you mean"):
        style_path("vancuover")
    with pytest.raises(UsageError):
        format_bibliography([BECK], "apa", "pdf")


def test_empty_selection_gives_an_empty_bibliography() -> None:
    assert format_bibliography([], "vancouver") == []
    assert render_bibliography([], "text") == ""


def test_no_period_after_a_question_mark() -> None:
    work = ExportItem(
        "scott2018",
        {
            "type": "article-journal",
            "title": "How real is the risk?",
            "container-title": "Drug Saf",
            "author": [{"family": "Scott", "given": "I. C."}],
            "issued": {"date-parts": [[2018]]},
        },
    )
    entry = format_bibliography([work], "vancouver")[0]
    assert "How real is the risk? Drug Saf" in entry


def test_cut_author_lists_end_with_et_al_in_every_style() -> None:
    cut = ExportItem(BECK.key, {**BECK.csl, "et-al": True})
    vancouver = format_bibliography([cut], "vancouver")[0]
    assert vancouver.startswith("1. Beck DB, Ferrada MA, et al. Somatic mutations")
    imported = ExportItem(
        BECK.key,
        {**BECK.csl, "et-al": True},  # as the BibTeX reader marks "and others"
        {
            "entrytype": "article",
            "key": "b",
            "fields": {"author": "Beck, D. B. and Ferrada, M. A. and others"},
        },
    )
    assert format_bibliography([imported], "ama")[0].startswith("1. Beck DB, Ferrada MA, et al.")
    apa = format_bibliography([cut], "apa")[0]
    assert apa.startswith("Beck, D. B., Ferrada, M. A., et al. (2020).")  # not "& et al."
    chicago = format_bibliography([cut], "chicago-author-date", "html")[0]
    assert chicago.startswith("Beck, D. B., M. A. Ferrada, et al. 2020.")
    complete = format_bibliography([BECK], "apa")[0]
    assert "et al" not in complete and complete.startswith("Beck, D. B., & Ferrada, M. A. (2020).")


RICH = ExportItem(
    "roe2021role",
    {
        "type": "article-journal",
        "title": "Role of <i>Escherichia coli</i>, CO<sub>2</sub> and Ca<sup>2+</sup> in <b>flux</b> <script>x</script> &lt;b&gt;",
        "author": [{"family": "Roe", "given": "R."}],
        "container-title": "Journal of <i>Invented</i> Studies",
        "issued": {"date-parts": [[2021]]},
    },
)


@pytest.mark.parametrize(
    ("output", "shown"),
    [
        # <script> is no CSL tag: the text it spells, escaped where the output reads markup
        ("html", "Role of <i>Escherichia coli</i>, CO<sub>2</sub> and Ca<sup>2+</sup> in <b>flux</b> &lt;script&gt;x&lt;/script&gt; &lt;b&gt;."),
        ("markdown", r"Role of *Escherichia coli*, CO~2~ and Ca^2+^ in **flux** \<script\>x\</script\> \<b\>."),
        ("text", "Role of Escherichia coli, CO₂ and Ca²⁺ in flux <script>x</script> <b>."),
    ],
)
def test_titles_keep_their_italics_and_sub_and_superscripts(output: str, shown: str) -> None:
    """A title's own markup is the output's markup where it has one (Unicode digits in
    text); a tag the title spells as text stays text; in a journal title set in italics,
    the title's own italics turn roman (CSL's flip-flop)."""
    (entry,) = format_bibliography([RICH], "vancouver", output)
    assert shown in entry
    if output == "html":
        assert "<script" not in entry
    if output != "text":
        assert "<b>." not in entry  # the tag the title spells as text is no markup
    (apa,) = format_bibliography([RICH], "apa", output)
    if output == "html":
        assert '<i>Journal of <span style="font-style:normal;">Invented</span> Studies</i>' in apa
    elif output == "markdown":
        assert "*Journal of Invented Studies*" in apa


def _works(n: int) -> list[ExportItem]:
    """``n`` works of one shape (an article with two authors), each its own."""
    return [ExportItem(f"w{i}", {**BECK.csl, "title": f"Study {i} of UBA1 variants", "DOI": f"10.5555/shape.{i}",
                                 "author": [{"family": f"Okafor{i}", "given": "N."}, {"family": "Lind", "given": "P."}]})
            for i in range(n)]


@pytest.mark.parametrize("style", ["vancouver", "apa"])
def test_the_style_is_searched_once_per_bibliography_not_once_per_work(style: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """citeproc-py looks up the style's macros and terms by XPath for every work (a quarter
    of the time of a 30,000-work 'format'): the answers are kept for the bibliography, so
    the searches made do not grow with the works, and the entries stay the same."""
    from citeproc.model import CitationStylesElement

    searched: list[str] = []
    xpath = CitationStylesElement.xpath

    def counted(self: object, expression: str, **kwargs: object) -> object:
        searched.append(expression)
        return xpath(self, expression, **kwargs)

    few = format_bibliography(_works(5), style)
    many = format_bibliography(_works(60), style)
    monkeypatch.setattr(CitationStylesElement, "xpath", counted)
    assert format_bibliography(_works(5), style) == few
    at_five, searched[:] = len(searched), []
    assert format_bibliography(_works(60), style) == many
    assert 0 < len(searched) <= at_five + 5, (at_five, len(searched))


def test_citation_numbers_are_not_found_by_scanning_every_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """citeproc-py found each work's number (and whether it was registered) by scanning the
    list of keys: quadratic in the works. The keys are looked up in a dict instead."""
    class NoScan(list):  # type: ignore[type-arg]
        def index(self, *args: object) -> int:
            raise AssertionError("scanned the keys for a number")

        def __contains__(self, key: object) -> bool:
            raise AssertionError("scanned the keys for a key")

    import citeproc.frontend

    base = citeproc.frontend.CitationStylesBibliography.__init__

    def init(self: object, *args: object, **kwargs: object) -> None:
        base(self, *args, **kwargs)
        self.keys = NoScan()  # type: ignore[attr-defined]

    monkeypatch.setattr(citeproc.frontend.CitationStylesBibliography, "__init__", init)
    entries = format_bibliography(_works(30), "vancouver")
    assert [e.split(" ", 1)[0] for e in entries] == [f"{n}." for n in range(1, 31)]
    assert entries[29].startswith("30. Okafor29 N, Lind P. Study 29")


def test_formatting_reports_its_progress() -> None:
    from vexascite.progress import listening

    heard: list[tuple[str, int, int]] = []
    with listening(lambda what, done, total: heard.append((what, done, total))):
        assert len(format_bibliography(_works(600), "vancouver")) == 600
    assert heard[-1] == ("formatting references", 600, 600) and len(heard) >= 3


@pytest.mark.parametrize("style", ["vancouver", "apa", "nature"])
def test_the_style_does_not_grow_with_the_works(style: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """citeproc-py added a name element to a style's bare cs:names for every work it
    rendered (one it never found again), so each later work searched a longer list."""
    from vexascite.exporters import formatted

    loaded: list[object] = []
    load = formatted._load_style

    def keep(path: Path) -> object:
        loaded.append(load(path))
        return loaded[-1]

    monkeypatch.setattr(formatted, "_load_style", keep)
    sizes = []
    for n in (3, 40):
        format_bibliography(_works(n), style)
        sizes.append(sum(1 for _ in loaded[-1].root.iter()))  # type: ignore[attr-defined]
    assert sizes[0] == sizes[1]
