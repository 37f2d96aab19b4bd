"""Abstracts and subject terms from the services: PubMed EFetch XML and Crossref JATS."""

from __future__ import annotations

import json

from tests.fakes import pubmed_article
from tests.fakes.ncbi import efetch_article_xml
from tests.resolve.conftest import World
from vexascite import api
from vexascite.resolve.crossref import jats_text, to_csl
from vexascite.resolve.pubmed import add_fetched, parse_efetch, valid_pubmed_xml
from vexascite.richtext import plain_text


def test_efetch_of_real_records(shared_dir) -> None:
    body = (shared_dir / "fixtures/pubmed/efetch_pubmed_29915538.xml").read_bytes()
    found = parse_efetch(body)
    assert list(found) == ["29915538"]
    assert len(found["29915538"]["abstract"]) > 200 and found["29915538"]["pubtype"]
    minimal = parse_efetch((shared_dir / "fixtures/pubmed/efetch_pubmed_1234567_minimal.xml").read_bytes())["1234567"]
    assert "abstract" not in minimal
    assert minimal["keyword"].startswith("Adult; Anxiety; Castration")
    assert valid_pubmed_xml(body) is None and valid_pubmed_xml(body[:-200]) == "truncated PubMed XML"


def test_structured_abstract_keeps_its_labels() -> None:
    article = pubmed_article("99000011", "T", ["Doe J"], "J", 2020,
                             abstract=[("BACKGROUND", "VEXAS is rare."), ("RESULTS", "Ruxolitinib & steroids <helped>.")],
                             mesh=["Humans"], keywords=["UBA1"])
    body = f"<PubmedArticleSet>{efetch_article_xml(article)}</PubmedArticleSet>".encode()
    found = parse_efetch(body)["99000011"]
    # the XML's text is text: stored as CSL rich text that reads back as it (never as a tag)
    assert found["abstract"] == "BACKGROUND: VEXAS is rare. RESULTS: Ruxolitinib & steroids &lt;helped>."
    assert plain_text(found["abstract"]) == "BACKGROUND: VEXAS is rare. RESULTS: Ruxolitinib & steroids <helped>."
    assert found["keyword"] == "Humans; UBA1"
    assert add_fetched({"title": "T"}, found) == {"title": "T", "abstract": found["abstract"], "keyword": "Humans; UBA1"}


def test_crossref_jats_abstract_as_text(shared_dir) -> None:
    jats = '<jats:title>Abstract</jats:title><jats:sec><jats:title>Methods</jats:title><jats:p>We <jats:italic>did</jats:italic> it &amp; more.</jats:p></jats:sec>'
    assert jats_text(jats) == "Methods: We <i>did</i> it & more."  # JATS italics kept as CSL's
    message = json.loads((shared_dir / "fixtures/crossref/works_doi_10.1136_jclinpath-2020-206745.json").read_text())["message"]
    assert to_csl(message)["abstract"].startswith("Background: The absence of high-quality next-generation sequencing")
    assert "jats:" not in to_csl(message)["abstract"]


def test_resolve_brings_the_pubmed_abstract_with_its_provenance(world: World) -> None:
    world.ncbi.articles["90000002"]["abstract"] = "Ruxolitinib controlled inflammation in VEXAS syndrome."
    world.ncbi.articles["90000002"]["mesh"] = ["Humans", "Janus Kinase Inhibitors"]
    report = api.add_identifiers(world.settings, ["PMID: 90000002"])
    key = report.added[0]
    shown = api.show_work(world.settings, key)
    assert shown["csl"]["abstract"] == "Ruxolitinib controlled inflammation in VEXAS syndrome."
    assert shown["csl"]["keyword"] == "Humans; Janus Kinase Inhibitors"
    assert shown["provenance"]["abstract"] == "pubmed"
    assert world.ncbi.counts["efetch"] == 1


def test_crossref_text_that_spells_a_tag_stays_text_and_its_italics_stay_italics() -> None:
    """Crossref escapes a tag a title spells (``&lt;i&gt;``): it stays text, never becoming
    markup; its own JATS and HTML italics are kept as CSL's; its structure is dropped."""
    message = {"type": "journal-article", "DOI": "10.5555/spelt",
               "title": ["The &lt;i&gt; element in <jats:italic>UBA1</jats:italic> pages"],
               "container-title": ["Journal of &lt;b&gt; &amp; <i>Tags</i>"],
               "abstract": "<jats:p>Using &lt;script&gt; in <mml:math><mml:mi>x</mml:mi></mml:math>.</jats:p>"}
    csl = to_csl(message)
    assert csl["title"] == "The &lt;i> element in <i>UBA1</i> pages"
    assert plain_text(csl["title"]) == "The <i> element in UBA1 pages"
    assert csl["container-title"] == "Journal of &lt;b> & <i>Tags</i>"
    assert csl["abstract"] == "Using &lt;script> in x."
