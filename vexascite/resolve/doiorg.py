"""doi.org content negotiation: CSL-JSON for DOIs Crossref does not hold (DataCite, mEDRA)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from ..config import Settings
from ..ids import normalize_doi
from ..model import Work
from ..richtext import rich_fields
from .http import HttpRequest, ServiceLimits, valid_json

SERVICE = "doi.org"
CSL_JSON = "application/vnd.citationstyles.csl+json"
#: CSL variables kept from an agency's answer (the rest is agency-specific noise).
KEEP = (
    "type", "title", "container-title", "container-title-short", "author", "editor", "issued",
    "volume", "issue", "page", "publisher", "ISSN", "ISBN", "URL", "abstract", "language",
)


class DoiOrgApi:
    def __init__(self, settings: Settings, user_agent: str = "vexascite/0.1") -> None:
        self.base = settings.doi_url.rstrip("/")
        agent = user_agent + (f" (mailto:{settings.mailto})" if settings.mailto else "")
        self.headers = {"Accept": CSL_JSON, "User-Agent": agent}

    def limits(self) -> ServiceLimits:
        return ServiceLimits({"doi.org": 5.0}, 2)

    def csl(self, doi: str) -> HttpRequest:
        return HttpRequest(SERVICE, "doi.org", f"{self.base}/{quote(doi, safe='/')}", headers=self.headers, validate=valid_json)


def to_csl(payload: Any) -> Work | None:
    if not isinstance(payload, dict):
        return None
    csl: Work = {key: payload[key] for key in KEEP if payload.get(key) not in (None, "", [], {})}
    if isinstance(csl.get("title"), list):
        csl["title"] = csl["title"][0] if csl["title"] else None
    if isinstance(csl.get("container-title"), list):
        csl["container-title"] = csl["container-title"][0] if csl["container-title"] else None
    doi = normalize_doi(payload.get("DOI"))
    if doi:
        csl["DOI"] = doi
    return rich_fields({k: v for k, v in csl.items() if v not in (None, "", [], {})}, "csl")
