"""Fake Crossref, NCBI E-utilities and doi.org servers for tests and benchmarks.

Each fake is a threaded HTTP server on 127.0.0.1 (port 0) speaking the formats recorded
in ``../shared/fixtures``. Typical use::

    from fakes import FakeCrossref, FakeNcbi, FakeDoiOrg, crossref_work, pubmed_article

    with FakeCrossref([crossref_work("10.1/x", "A title", [("Smith", "J")], "J Test", 2020, "1", None, "10-12")]) as cr:
        settings = replace(settings, crossref_url=cr.url)
        ...
        assert cr.counts["filter"] == 1

Every fake takes ``latency``, ``fault_rate``/``faults``/``retry_after``/``hang`` (inject
429 + Retry-After, 503, hangs, truncated bodies, resets), ``enforce_limits`` (429 over
the announced limits) and ``seed``; it counts requests in ``counts`` (by endpoint),
``total_requests``, ``requests`` (each :class:`Request`), ``faults_injected``, ``limited``.
:func:`fake_settings` points :class:`vexascite.config.Settings` at running fakes.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .base import FAULT_KINDS, FakeService, Request, Response
from .crossref import FakeCrossref, crossref_work
from .doiorg import FakeDoiOrg
from .ncbi import FakeNcbi, pubmed_article

__all__ = [
    "FAULT_KINDS",
    "FakeCrossref",
    "FakeDoiOrg",
    "FakeNcbi",
    "FakeService",
    "Request",
    "Response",
    "crossref_work",
    "fake_settings",
    "pubmed_article",
]


def fake_settings(settings: Any, crossref: FakeCrossref | None = None, ncbi: FakeNcbi | None = None, doiorg: FakeDoiOrg | None = None, **changes: Any) -> Any:
    """``settings`` with the service URLs of the given running fakes."""
    urls: dict[str, Any] = {}
    if crossref:
        urls["crossref_url"] = crossref.url
    if ncbi:
        urls["ncbi_url"] = ncbi.url + "/entrez/eutils"
        urls["idconv_url"] = ncbi.url + "/idconv/"
    if doiorg:
        urls["doi_url"] = doiorg.url
    return replace(settings, **urls, **changes)
