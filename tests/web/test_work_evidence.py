"""The work page's edits, aliases, disagreements and evidence; the manuscript page's
evidence and ``unsupported-citation`` findings; suggested sources on the find page."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from tests.web.conftest import csrf_of
from vexascite import api
from vexascite.config import Settings
from vexascite.web.app import create_app


@pytest.fixture
def evidence_client(evidence_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(evidence_settings), base_url="http://127.0.0.1") as client:
        yield client


def test_claims_citing_a_work_show_its_evidence_sentences(evidence_client: TestClient) -> None:
    page = evidence_client.get("/works/delta2023").text
    assert "Evidence in its abstract" in page
    assert "Venous thromboembolism occurred in 40% of patients with VEXAS" in page
    assert "no abstract: not checked" in evidence_client.get("/works/nobody2019").text


def test_disagreeing_sources_and_an_imported_key_as_alias(evidence_client: TestClient) -> None:
    page = evidence_client.get("/works/alpha2021").text
    assert "Sources disagree" in page
    disagreement = re.search(r"<strong>issued</strong>:(.*?)</li>", page, re.S)
    assert disagreement and "2021" in disagreement.group(1) and "2020" in disagreement.group(1)
    assert "Also known as" in page and "<code>alphaOther</code>" in page


def test_an_alias_redirects_to_the_work_and_unknown_keys_are_404(evidence_client: TestClient,
                                                                  evidence_settings: Settings) -> None:
    api.rekey_work(evidence_settings, "gamma2020", "chondritis2020")
    answer = evidence_client.get("/works/gamma2020", follow_redirects=False)
    assert answer.status_code == 302 and answer.headers["location"].startswith("/works/chondritis2020?via=gamma2020")
    page = evidence_client.get("/works/gamma2020")
    assert page.status_code == 200 and "a key this work was known by" in page.text
    assert "<code>gamma2020</code>" in page.text
    assert evidence_client.get("/works/nosuchkey").status_code == 404


def test_edit_a_field_marks_it_and_unset_removes_it(evidence_client: TestClient, evidence_settings: Settings) -> None:
    csrf = csrf_of(evidence_client)
    assert evidence_client.post("/works/beta2022/edit", data={"field": "volume", "value": "12"}).status_code == 403
    done = evidence_client.post("/works/beta2022/edit", data={"csrf": csrf, "field": "volume", "value": "12", "action": "set"})
    assert done.status_code == 200 and "volume edited" in done.text
    row = re.search(r'<tr class="edited"><td>volume <span class="badge badge-edited">edited</span>.*?</td>\s*<td>(.*?)</td>',
                    done.text, re.S)
    assert row and row.group(1).strip() == "12"
    assert api.show_work(evidence_settings, "beta2022")["provenance"]["volume"] == "user"
    removed = evidence_client.post("/works/beta2022/edit", data={"csrf": csrf, "field": "journal", "action": "unset"})
    assert "container-title removed" in removed.text
    assert "container-title" not in api.show_work(evidence_settings, "beta2022")["csl"]
    assert 'class="edited"><td>container-title <span class="badge badge-edited">removed</span>' in removed.text
    undone = evidence_client.post("/works/beta2022/edit", data={"csrf": csrf, "field": "container-title", "action": "revert"})
    assert "container-title: your edit dropped" in undone.text
    assert api.show_work(evidence_settings, "beta2022")["csl"]["container-title"] == "J Fict Med"
    assert api.show_work(evidence_settings, "beta2022")["edits"] == {"volume": "12"}
    again = evidence_client.post("/works/beta2022/edit", data={"csrf": csrf, "field": "container-title", "action": "revert"})
    assert again.status_code == 400 and "was not edited" in again.text
    bad = evidence_client.post("/works/beta2022/edit", data={"csrf": csrf, "field": "year", "value": "soon"})
    assert bad.status_code == 400 and "not a date" in bad.text


def test_an_edited_value_is_shown_as_text(evidence_client: TestClient) -> None:
    csrf = csrf_of(evidence_client)
    page = evidence_client.post("/works/beta2022/edit", data={"csrf": csrf, "field": "note", "value": "<script>x()</script>"}).text
    assert "<script>x()</script>" not in page and "&lt;script&gt;x()&lt;/script&gt;" in page


def test_manuscript_side_panel_evidence_and_unsupported_findings_inline(evidence_client: TestClient) -> None:
    document = re.search(r'href="/manuscripts/(\d+)"', evidence_client.get("/manuscripts").text)
    assert document
    page = evidence_client.get(f"/manuscripts/{document.group(1)}").text
    panel = page.split('aria-label="Cited works"', 1)[1]
    assert 'aria-label="Evidence for its citations"' in panel
    assert "Venous thromboembolism occurred in 40% of patients with VEXAS" in panel
    assert "no abstract: not checked" in panel
    checked = evidence_client.post(f"/manuscripts/{document.group(1)}/check", data={"csrf": csrf_of(evidence_client)}).text
    # the swapped citations on lines 5 and 7 are flagged under their lines
    for line in (5, 7):
        after = checked.split(f'id="L{line}"', 1)[1].split('class="line"', 1)[0]
        assert 'title="unsupported-citation"' in after


def test_find_shows_claims_with_evidence_and_suggested_sources(evidence_client: TestClient) -> None:
    page = evidence_client.get("/find", params={"q": "venous thromboembolism anticoagulation"}).text
    assert "Claims that already cite works" in page
    claims = page.split("Suggested sources", 1)[0]
    assert "evidence:" in claims and "mostly deep vein thrombosis" in claims
    suggested = page.split("Suggested sources", 1)[1].split("Works about it", 1)[0]
    assert 'href="/works/delta2023"' in suggested
    assert "Venous thromboembolism occurred in 40% of patients" in suggested or "Anticoagulation was needed" in suggested
    empty = evidence_client.get("/find", params={"q": "azacitidine"}).text
    assert 'href="/works/beta2022"' in empty.split("Suggested sources", 1)[1]
