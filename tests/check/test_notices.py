"""Retractions, expressions of concern and corrections read from Crossref and PubMed payloads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vexascite.check.notices import crossref_updates, notices_in_pubmed, retracted_by_title

ARTICLE = "crossref/works_doi_10.1016_s0140-6736_20_31180-6_retracted-article.json"
NOTICE = "crossref/works_doi_10.1016_s0140-6736_20_31324-6_retraction-notice.json"


def load(shared_dir: Path, name: str) -> dict:
    return json.loads((shared_dir / "fixtures" / name).read_text(encoding="utf-8"))


def test_recorded_retracted_article_is_retracted_by_the_retraction_watch_notice(shared_dir):
    updating, targets = crossref_updates(load(shared_dir, ARTICLE))
    first = updating[0]
    assert (first.category, first.doi, first.date, first.source, first.record_id) == (
        "retraction", "10.1016/s0140-6736(20)31324-6", "2020-06-05", "retraction-watch", "23529"
    )
    categories = {n.doi: n.category for n in updating}
    assert categories["10.1016/s0140-6736(20)31290-3"] == "expression-of-concern"
    assert categories["10.1016/s0140-6736(20)31249-6"] == "correction"
    # its update-to entries name DOIs that also update it: deposited the wrong way round
    assert targets == []


def test_recorded_notice_is_a_notice_not_a_retracted_work(shared_dir):
    updating, targets = crossref_updates(load(shared_dir, NOTICE))
    assert updating == []
    assert (targets[0].category, targets[0].doi, targets[0].source) == (
        "retraction", "10.1016/s0140-6736(20)31180-6", "retraction-watch"
    )


def test_correction_only(shared_dir):
    updating, targets = crossref_updates(load(shared_dir, "crossref/works_doi_10.1371_journal.pone.0033693.json"))
    assert [(n.category, n.source) for n in updating] == [("correction", "publisher")]
    assert targets == []


def test_work_without_updates_has_no_notice(shared_dir):
    assert crossref_updates(load(shared_dir, "crossref/works_doi_10.1136_jclinpath-2020-206745.json")) == ([], [])


def test_relation_names_a_retraction_without_update_entries():
    payload = {"message": {"DOI": "10.1234/a", "relation": {"is-retracted-by": [{"id-type": "doi", "id": "10.1234/notice"}]}}}
    updating, _ = crossref_updates(payload)
    assert [(n.category, n.doi) for n in updating] == [("retraction", "10.1234/notice")]


@pytest.mark.parametrize(
    ("title", "retracted"),
    [("RETRACTED: Hydroxychloroquine ...", True), (["Retracted article: X"], True), ("Retraction\u2014X", False), ("X", False)],
)
def test_title_marks(title, retracted):
    assert retracted_by_title(title) is retracted


def test_pubmed_summary_publication_type():
    summary = {"result": {"uids": ["1"], "1": {"pubtype": ["Journal Article", "Retracted Publication"]}}}
    assert [n.category for n in notices_in_pubmed(summary)] == ["retraction"]
    assert notices_in_pubmed({"result": {"uids": ["1"], "1": {"pubtype": ["Journal Article"]}}}) == []


def test_pubmed_xml_comments_corrections():
    xml = (
        '<CommentsCorrectionsList><CommentsCorrections RefType="RetractionIn"><RefSource>Lancet. 2020;395(10240):1820'
        '</RefSource><PMID Version="1">32511943</PMID></CommentsCorrections>'
        '<CommentsCorrections RefType="Cites"><RefSource>x</RefSource></CommentsCorrections></CommentsCorrectionsList>'
    )
    found = notices_in_pubmed(xml)
    assert [(n.category, n.pmid) for n in found] == [("retraction", "32511943")]


def test_pubmed_batch_answers_are_read_for_the_one_article():
    batch = {"result": {"uids": ["1", "2"], "1": {"pubtype": ["Journal Article"]}, "2": {"pubtype": ["Retracted Publication"]}}}
    assert notices_in_pubmed(batch, "1") == []
    assert [n.category for n in notices_in_pubmed(batch, "2")] == ["retraction"]
    xml = (
        '<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID Version="1">1</PMID></MedlineCitation></PubmedArticle>'
        '<PubmedArticle><MedlineCitation><PMID Version="1">2</PMID><CommentsCorrectionsList>'
        '<CommentsCorrections RefType="ErratumIn"><RefSource>x</RefSource><PMID Version="1">9</PMID></CommentsCorrections>'
        '</CommentsCorrectionsList></MedlineCitation></PubmedArticle></PubmedArticleSet>'
    )
    assert notices_in_pubmed(xml, "1") == []
    assert [(n.category, n.pmid) for n in notices_in_pubmed(xml, "2")] == [("correction", "9")]
