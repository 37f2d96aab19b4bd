"""Every importer stores a title (and an abstract) by one rule: CSL rich text, whose style
tags are markup and every other tag or entity the source spells is text; so a title that
spells ``<title>`` or ``<script>`` keeps those words, is found by them, and stays inert."""

from __future__ import annotations

import json

import pytest

from vexascite.store import Store

#: What each format says, and the title it means (a tag the text spells is text).
SPELT = "The &lt;title> element & &lt;script> in <i>UBA1</i> cells"
SPELT_PLAIN = "The &lt;title> element & &lt;script> in UBA1 cells"

SOURCES = {
    "refs.ris": ("TY  - JOUR\nAU  - Roe, Rita\nTI  - The <title> element &amp; <script> in <i>UBA1</i> cells\n"
                 "T2  - Journal of Invented Tests\nPY  - 2020\nDO  - 10.5555/rich.ris\n"
                 "AB  - <jats:p>Cells <jats:italic>in vitro</jats:italic>.</jats:p>\nER  - \n", SPELT),
    "refs.json": (json.dumps([{"id": "a", "type": "article-journal", "DOI": "10.5555/rich.json", "author": [{"family": "Roe"}],
                               "title": "The <title> element &amp; <script> in <i>UBA1</i> cells",
                               "abstract": "<jats:p>Cells <jats:italic>in vitro</jats:italic>.</jats:p>"}]), SPELT),
    "refs.bib": ("@article{a, title = {The <title> element \\& <script> in \\textit{UBA1} cells}, author = {Roe, Rita},\n"
                 "  journal = {Journal of Invented Tests}, year = {2020}, doi = {10.5555/rich.bib}}\n", SPELT),
    "refs.nbib": ("PMID- 99000011\nTI  - The <title> element & <script> in UBA1 cells.\nFAU - Roe, Rita\n"
                  "JT  - Journal of Invented Tests\nDP  - 2020\nAB  - Cells <i>in vitro</i>.\n", SPELT_PLAIN),
    "refs.xml": ("<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>99000012</PMID><Article>"
                 "<ArticleTitle>The &lt;title&gt; element &amp; &lt;script&gt; in <i>UBA1</i> cells.</ArticleTitle>"
                 "<Abstract><AbstractText>Cells &lt;i&gt;in vitro&lt;/i&gt;.</AbstractText></Abstract>"
                 "</Article></MedlineCitation></PubmedArticle></PubmedArticleSet>", SPELT_PLAIN),
    "refs.txt": ("Roe R. The <title> element &amp; <script> in <i>UBA1</i> cells. J Invent Tests. 2020;1:1-2. "
                 "doi:10.5555/rich.txt\n", SPELT),
}


@pytest.mark.parametrize("name", list(SOURCES))
def test_a_title_that_spells_tags_is_stored_found_and_shown_as_text(run_cli, tmp_path, name) -> None:
    text, stored = SOURCES[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    args = ("import", "--lines", str(path)) if name.endswith(".txt") else ("import", str(path))
    assert run_cli(*args).exit_code == 0
    with Store.open(run_cli.db) as store:
        (work,) = list(store.iter_works())
        assert work["title"] == stored
        assert work["title_plain"] == stored.replace("&lt;", "<").replace("<i>", "").replace("</i>", "")
        assert not work["key"].endswith("lt"), work["key"]  # the key's word is "title", not the entity's "lt"
        abstract = work["csl"].get("abstract")
        if abstract:  # JATS a tool copied is markup; a tag the XML's text spells is text
            assert "jats" not in abstract and "in vitro" in abstract
            hits = store.db.execute("select count(*) from works_text_fts where works_text_fts match 'jats OR italic'")
            assert hits.fetchone()[0] == 0
    listed = run_cli("list", "title:title", "--json")
    assert [row["title"] for row in json.loads(listed.stdout)] == [stored]
    exported = json.loads(run_cli("export", "--format", "csl-json").stdout)
    assert exported[0]["title"] == stored  # CSL-JSON holds CSL rich text: the same


def test_a_title_that_spells_a_tag_is_escaped_on_a_page_and_in_bibtex(run_cli, tmp_path) -> None:
    from markupsafe import Markup

    from vexascite.web.app import rich_text

    path = tmp_path / "refs.ris"
    path.write_text(SOURCES["refs.ris"][0], encoding="utf-8")
    assert run_cli("import", str(path)).exit_code == 0
    with Store.open(run_cli.db) as store:
        (work,) = list(store.iter_works())
    shown = rich_text(work["title"])
    assert isinstance(shown, Markup) and "<script" not in shown and "&lt;script&gt;" in shown and "<i>UBA1</i>" in shown
    bibtex = run_cli("export", "--format", "bibtex").stdout
    assert r"The \textless{}title\textgreater{} element \& \textless{}script\textgreater{} in \textit{{UBA1}} cells" in bibtex


def test_a_bibtex_abstract_follows_the_rule_titles_follow() -> None:
    """In BibTeX ``<helped>`` is text and ``\\textit`` italics, in an abstract as in a title."""
    from vexascite.importers.bibtex import read_bibtex

    parsed = read_bibtex("@article{a, title = {T}, year = {2020}, abstract = {Steroids <helped> \\& \\textit{more} <b>}}\n")
    assert parsed.references[0].fields["abstract"] == "Steroids &lt;helped> & <i>more</i> &lt;b>"
