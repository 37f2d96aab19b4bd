"""The metadata services the resolver may ask: one registration each (name, client,
what it answers). The resolver builds every registered client and gives each its own
rate limits; a new service is a client module (requests out, parsed answers back, its
:class:`~.http.ServiceLimits`), one :func:`register` call, and the step of the
resolver's pipeline that uses its answers (``engine.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..config import Settings
from ..registry import Registry


@dataclass(frozen=True)
class Service:
    """One metadata service."""

    name: str  # also the name of its rate-limit lane group in the HTTP client
    #: Builds the client; the client's ``limits()`` gives its :class:`~.http.ServiceLimits`.
    client: Callable[[Settings], Any]
    description: str


_REGISTRY = Registry[Service]("metadata service")


def register(service: Service) -> Service:
    """Make ``service`` one the resolver builds a client for."""
    return _REGISTRY.add(service.name, service)


def unregister(name: str) -> None:
    """Forget a registered service (for tests that register their own)."""
    _REGISTRY.remove(name)


def services() -> list[Service]:
    """The registered services, in registration order."""
    return _REGISTRY.values()


def clients(settings: Settings) -> dict[str, Any]:
    """A client of every registered service, by name."""
    return {service.name: service.client(settings) for service in _REGISTRY.values()}


def _crossref(settings: Settings) -> Any:
    from .crossref import CrossrefApi

    return CrossrefApi(settings)


def _ncbi(settings: Settings) -> Any:
    from .pubmed import NcbiApi

    return NcbiApi(settings)


def _doiorg(settings: Settings) -> Any:
    from .doiorg import DoiOrgApi

    return DoiOrgApi(settings)


register(Service("crossref", _crossref, "Crossref REST API: DOI records and bibliographic search"))
register(Service("ncbi", _ncbi, "NCBI E-utilities: PubMed records, citation matching, PMC ID conversion"))
register(Service("doi.org", _doiorg, "doi.org content negotiation: DataCite and mEDRA DOIs"))
