"""Headers every answer of the app carries: what a page may load, that no other site may
frame it (clickjacking), that a download's type is what it says."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient


@pytest.mark.parametrize("url", ["/", "/works/beck2020somatic", "/works/nosuch", "/export?format=bibtex", "/static/app.js"])
def test_every_answer_carries_the_security_headers(client: TestClient, url: str) -> None:
    headers = client.get(url).headers
    policy = headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "script-src 'self'" in policy
    assert "unsafe-eval" not in policy and "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


def test_a_refusal_carries_them_too(client: TestClient) -> None:
    refused = client.get("/", headers={"host": "rebound.example"})
    assert refused.status_code == 400
    assert refused.headers["x-frame-options"] == "DENY"
    forged = client.post("/works/beck2020somatic/tags", data={"tag": "x"})
    assert forged.status_code == 403 and "frame-ancestors 'none'" in forged.headers["content-security-policy"]
