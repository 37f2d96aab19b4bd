"""A fake doi.org with content negotiation for DOIs of other agencies (DataCite, mEDRA).

Load records with :meth:`FakeDoiOrg.add_record` (CSL-JSON as the agencies return it).
``GET /{doi}`` answers 302 to ``/ra/{encoded doi}`` like doi.org's redirect to the
agency's service, which returns the CSL-JSON; unknown DOIs get the recorded
404 "DOI Not Found" page, strings that are not DOIs the 400 "Not a DOI" page.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from .base import FakeService, Request, Response

NOT_FOUND_PAGE = "<!DOCTYPE html><html><head><title>Error: DOI Not Found</title></head><body><h1>Error: DOI Not Found</h1></body></html>"
NOT_A_DOI_PAGE = "<!DOCTYPE html><html><head><title>Error: Not a DOI</title></head><body><h1>Error: Not a DOI</h1></body></html>"
REDIRECT_PAGE = "<html><head><title>Handle Redirect</title></head><body><a href=\"{0}\">{0}</a></body></html>"


class FakeDoiOrg(FakeService):
    name = "doi.org"

    def __init__(self, records: list[dict[str, Any]] | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.records: dict[str, dict[str, Any]] = {}
        for record in records or []:
            self.add_record(record)

    def add_record(self, csl: dict[str, Any]) -> None:
        self.records[csl["DOI"].lower()] = csl

    def endpoint(self, request: Request) -> str:
        return "ra" if request.path.startswith("/ra/") else "doi"

    def route(self, request: Request) -> Response:
        if request.path.startswith("/ra/"):
            doi = request.path[4:].lower()
            record = self.records.get(doi)
            if record is None:
                return Response.text(NOT_FOUND_PAGE, 404, "text/html;charset=utf-8")
            return Response.json(record, content_type="application/vnd.citationstyles.csl+json")
        doi = request.path.lstrip("/")
        if not doi.startswith("10.") or "/" not in doi:
            return Response.text(NOT_A_DOI_PAGE, 400, "text/html;charset=UTF-8")
        if doi.lower() not in self.records:
            return Response.text(NOT_FOUND_PAGE, 404, "text/html;charset=utf-8")
        location = f"/ra/{quote(doi, safe='')}"
        response = Response.text(REDIRECT_PAGE.format(location), 302, "text/html;charset=utf-8")
        response.headers["Location"] = location
        return response
