"""Pacing, retries and the cache, against fake services that enforce limits and fail."""

from __future__ import annotations

import time

from tests.fakes import FakeCrossref, FakeNcbi, crossref_work
from vexascite.resolve.crossref import CrossrefApi
from vexascite.resolve.http import (
    Failure,
    HttpClient,
    HttpResponse,
    ServiceLimits,
    parse_retry_after,
)
from vexascite.resolve.pubmed import NcbiApi


class DictCache:
    def __init__(self) -> None:
        self.data: dict[str, HttpResponse] = {}

    def get(self, key: str) -> HttpResponse | None:
        return self.data.get(key)

    def put(self, key: str, service: str, request: object, response: HttpResponse) -> int:
        self.data[key] = response
        return len(self.data)


def client(limits: ServiceLimits, **kwargs: object) -> HttpClient:
    return HttpClient({"crossref": limits}, timeout=1.0, backoff=0.01, **kwargs)  # type: ignore[arg-type]


def test_polite_pool_limits_are_kept_and_used(settings) -> None:
    works = [crossref_work(f"10.1/{i}", f"Title {i}", [("Doe", "J")], "J", year=2020, volume="1", page=str(i)) for i in range(30)]
    with FakeCrossref(works, enforce_limits=True, latency=0.05) as fake:
        api = CrossrefApi(settings.__class__(crossref_url=fake.url, mailto="me@example.org"))
        http = HttpClient({"crossref": api.limits()}, timeout=2.0)
        started = time.monotonic()
        answers = http.fetch_all([api.work(f"10.1/{i}") for i in range(30)])
        elapsed = time.monotonic() - started
        http.close()
    assert all(isinstance(a, HttpResponse) and a.status == 200 for a in answers)
    assert fake.limited == 0 and fake.max_in_flight <= 3
    assert "(mailto:me@example.org)" in fake.requests[0].headers["user-agent"]
    assert 2.5 < elapsed < 4.0  # 30 requests at 10/s: the limit is used, not exceeded


def test_retry_after_is_honoured_and_faults_are_retried() -> None:
    with FakeCrossref([crossref_work("10.1/a", "A", container="J", year=2020)], fault_rate=1.0, faults=("429",), retry_after="0.3") as fake:
        http = client(ServiceLimits({"crossref": 50.0}, 3, "crossref"))
        started = time.monotonic()
        answer = http.fetch(_work_request(fake.url, "10.1/a"))
        assert isinstance(answer, Failure) and "429" in answer.reason and answer.kind == "unavailable"
        assert time.monotonic() - started >= 0.3 * (http.max_attempts - 1)
        fake.fault_rate = 0.0
        assert isinstance(http.fetch(_work_request(fake.url, "10.1/a")), HttpResponse)
        http.close()


def test_every_fault_kind_is_survived() -> None:
    with FakeCrossref([crossref_work("10.1/a", "A", container="J", year=2020)], fault_rate=0.5, retry_after="0", hang=1.5, seed=3) as fake:
        http = HttpClient({"crossref": ServiceLimits({"crossref": 100.0}, 3)}, timeout=0.5, backoff=0.01, max_attempts=12)
        answers = http.fetch_all([_work_request(fake.url, "10.1/a") for _ in range(20)])
        http.close()
    assert all(isinstance(a, HttpResponse) and a.status == 200 and a.json()["message"]["DOI"] == "10.1/a" for a in answers)
    assert set(fake.faults_injected) == {"429", "503", "timeout", "truncated", "reset"}


def test_not_found_is_an_answer_not_a_failure_and_is_cached() -> None:
    with FakeCrossref() as fake:
        cache = DictCache()
        http = HttpClient({"crossref": ServiceLimits({"crossref": 100.0}, 3)}, cache, timeout=1.0)
        first = http.fetch(_work_request(fake.url, "10.1371/notarealdoi"))
        second = http.fetch(_work_request(fake.url, "10.1371/notarealdoi"))
        http.close()
    assert isinstance(first, HttpResponse) and first.status == 404 and first.body == b"Resource not found."
    assert second.status == 404 and fake.total_requests == 1  # type: ignore[union-attr]


def test_offline_uses_only_the_cache() -> None:
    with FakeCrossref() as fake:
        http = HttpClient({"crossref": ServiceLimits({"crossref": 100.0}, 3)}, DictCache(), offline=True)
        answer = http.fetch(_work_request(fake.url, "10.1/x"))
        http.close()
    assert isinstance(answer, Failure) and answer.kind == "offline" and fake.total_requests == 0


def test_sici_dois_are_percent_encoded_in_paths(settings) -> None:
    doi = "10.1890/0012-9615(1999)069[0569:edilsa]2.0.co;2"
    with FakeCrossref([crossref_work(doi, "Sici", container="Ecol Monogr", year=1999)]) as fake:
        api = CrossrefApi(settings.__class__(crossref_url=fake.url))
        http = HttpClient({"crossref": api.limits()})
        answer = http.fetch(api.work(doi))
        http.close()
    assert isinstance(answer, HttpResponse) and answer.status == 200


def test_ncbi_requests_carry_tool_email_and_key(settings) -> None:
    with FakeNcbi() as fake:
        api = NcbiApi(settings.__class__(ncbi_url=fake.url, mailto="me@example.org", ncbi_api_key="k"))
        http = HttpClient({"ncbi": api.limits()})
        http.fetch(api.summaries(["1"]))
        http.close()
    params = fake.requests[0].params
    assert params["tool"] == ["vexascite"] and params["email"] == ["me@example.org"] and params["api_key"] == ["k"]
    assert api.limits().lanes["ncbi"] == 10.0


def test_retry_after_forms() -> None:
    assert parse_retry_after("2") == 2.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
    assert parse_retry_after("soon") is None


def _work_request(base: str, doi: str):
    from urllib.parse import quote

    from vexascite.resolve.http import HttpRequest, valid_json

    return HttpRequest("crossref", "crossref", f"{base}/works/{quote(doi, safe='')}", validate=valid_json)
