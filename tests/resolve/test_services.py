"""The service registry: the resolver builds a client, with its own rate limits, for
every registered service, including one registered from outside the package."""

from __future__ import annotations

from typing import Any

import pytest

from vexascite.config import load_settings
from vexascite.resolve import services
from vexascite.resolve.engine import Resolver
from vexascite.resolve.http import ServiceLimits


class _ExtraApi:
    def __init__(self, settings: Any) -> None:
        self.settings = settings

    def limits(self) -> ServiceLimits:
        return ServiceLimits({"extra": 2.0}, 1)


@pytest.fixture
def extra_service():
    service = services.register(services.Service("extra", _ExtraApi, "a test-only service"))
    yield service
    services.unregister("extra")


def test_builtin_services() -> None:
    assert [s.name for s in services.services()][:3] == ["crossref", "ncbi", "doi.org"]


def test_resolver_builds_every_registered_client(extra_service, tmp_path) -> None:
    settings = load_settings("/nonexistent.toml", environ={}, db=str(tmp_path / "library.db"), mailto="t@example.org")
    with Resolver(settings, None) as resolver:
        assert set(resolver.clients) >= {"crossref", "ncbi", "doi.org", "extra"}
        assert isinstance(resolver.clients["extra"], _ExtraApi)
        assert resolver.crossref is resolver.clients["crossref"]
        assert resolver.http.limits["extra"].lanes == {"extra": 2.0}
