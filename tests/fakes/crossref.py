"""A fake Crossref REST API (api.crossref.org) speaking the recorded formats.

Load works with :meth:`FakeCrossref.add_work` (a Crossref ``message`` dict, e.g. from
:func:`crossref_work` or a recorded fixture). Serves ``/works/{doi}`` (404 text/plain
"Resource not found."), ``/works?filter=doi:A,doi:B&rows=N``, ``/works?query.bibliographic=...``
(token-overlap ranking with a ``score``), ``/works/{doi}/agency``. Announces the pool's
limits in ``x-rate-limit-*`` / ``x-concurrency-limit`` / ``x-api-pool`` headers: polite when
the User-Agent or ``mailto`` parameter carries an address (10/s, 3 searches/s, 3 at a
time), public otherwise (5/s, 1 search/s, 1 at a time).
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections import defaultdict
from typing import Any

from .base import FakeService, Limit, Request, Response

POOLS = {"polite": (10, 3, 3), "public": (5, 1, 1)}


def fold_tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.findall(r"[0-9a-z]+", text.casefold())


def crossref_work(
    doi: str,
    title: str | None = None,
    authors: list[tuple[str, str | None]] | None = None,
    container: str | None = None,
    short_container: str | None = None,
    year: int | None = None,
    volume: str | None = None,
    issue: str | None = None,
    page: str | None = None,
    work_type: str = "journal-article",
) -> dict[str, Any]:
    """A Crossref ``message`` for one work, shaped like the recorded singletons."""
    message: dict[str, Any] = {
        "indexed": {"date-parts": [[2026, 6, 1]], "date-time": "2026-06-01T00:00:00Z", "timestamp": 1780272000000},
        "reference-count": 0,
        "publisher": "Fake Publisher",
        "DOI": doi.lower(),
        "type": work_type,
        "source": "Crossref",
        "prefix": doi.split("/", 1)[0],
        "member": "1",
        "title": [title] if title else [],
        "container-title": [container] if container else [],
        "short-container-title": [short_container or container] if (short_container or container) else [],
        "URL": f"https://doi.org/{doi.lower()}",
        "score": 1,
    }
    if authors:
        message["author"] = [
            {**({"given": given} if given else {}), "family": family, "sequence": "first" if i == 0 else "additional", "affiliation": []}
            for i, (family, given) in enumerate(authors)
        ]
    if year:
        message["issued"] = {"date-parts": [[year]]}
        message["published"] = {"date-parts": [[year]]}
    else:
        message["issued"] = {"date-parts": [[None]]}
    for key, value in (("volume", volume), ("issue", issue), ("page", page)):
        if value:
            message[key] = value
    return message


class FakeCrossref(FakeService):
    name = "crossref"

    def __init__(
        self, works: list[dict[str, Any]] | None = None, *, search_numbers: bool = True, doi_filters: bool = True, **kwargs: Any
    ) -> None:
        """``search_numbers=False`` ranks searches on words only (titles, names, journals),
        so look-alikes with another year or pages rank as high as the right work;
        ``doi_filters=False`` refuses ``filter=doi:`` lists with a 400, as a mirror might."""
        super().__init__(**kwargs)
        self.search_numbers = search_numbers
        self.doi_filters = doi_filters
        self.works: dict[str, dict[str, Any]] = {}
        self.agencies: dict[str, str] = {}
        self._postings: dict[str, set[str]] = defaultdict(set)
        for work in works or []:
            self.add_work(work)

    # -- data -------------------------------------------------------------------------------
    def add_work(self, message: dict[str, Any]) -> None:
        """Add (or replace) a work; ``message`` is what Crossref returns under ``message``."""
        doi = message["DOI"].lower()
        self.works[doi] = message
        for token in set(self._tokens(message)):
            self._postings[token].add(doi)

    def set_agency(self, doi: str, agency: str) -> None:
        """Say that a DOI belongs to another registration agency (datacite, medra, ...)."""
        self.agencies[doi.lower()] = agency

    def _tokens(self, message: dict[str, Any]) -> list[str]:
        parts: list[str] = []
        for key in ("title", "container-title", "short-container-title"):
            parts.extend(message.get(key) or [])
        for person in message.get("author") or []:
            parts.append(person.get("family") or person.get("name") or "")
        year = ((message.get("issued") or {}).get("date-parts") or [[None]])[0][0]
        if self.search_numbers:
            parts += [str(year or ""), message.get("volume") or "", (message.get("page") or "").split("-")[0]]
        return fold_tokens(" ".join(str(part) for part in parts))

    # -- limits -----------------------------------------------------------------------------
    def pool(self, request: Request) -> str:
        agent = request.headers.get("user-agent", "")
        return "polite" if "mailto:" in agent or request.param("mailto") else "public"

    def limits_for(self, request: Request) -> tuple[str, Limit | None, int | None, dict[str, str]]:
        pool = self.pool(request)
        single, search, concurrency = POOLS[pool]
        is_search = any(key.startswith("query") for key in request.params)
        lane = f"{pool}-{'search' if is_search else 'single'}"
        limit = Limit(search if is_search else single)
        headers = {
            "x-api-pool": pool,
            "x-concurrency-limit": str(concurrency),
            "x-rate-limit-interval": "1s",
            "x-rate-limit-limit": str(single),
        }
        return lane, limit, concurrency, headers

    def endpoint(self, request: Request) -> str:
        path = request.path.strip("/")
        if path == "works":
            if any(key.startswith("query") for key in request.params):
                return "search"
            return "filter" if request.param("filter") else "list"
        if path.endswith("/agency"):
            return "agency"
        return "work" if path.startswith("works/") else path

    # -- routes -----------------------------------------------------------------------------
    def route(self, request: Request) -> Response:
        path = request.path.strip("/")
        if path.startswith("v1/"):
            path = path[3:]
        if path == "works":
            return self._list(request)
        if path.startswith("works/"):
            doi = path[len("works/") :]
            if re.search(r"[\[\];]", request.raw_path):
                # as recorded: an unencoded SICI DOI is not found
                return Response.text("Resource not found.", 404)
            if doi.endswith("/agency"):
                return self._agency(doi[: -len("/agency")])
            work = self.works.get(doi.lower())
            if work is None:
                return Response.text("Resource not found.", 404)
            return Response.json({"status": "ok", "message-type": "work", "message-version": "1.0.0", "message": work})
        return Response.text("Resource not found.", 404)

    def _agency(self, doi: str) -> Response:
        doi = doi.lower()
        if doi in self.works:
            agency = "crossref"
        elif doi in self.agencies:
            agency = self.agencies[doi]
        else:
            return Response.text("Resource not found.", 404)
        labels = {"crossref": "Crossref", "datacite": "DataCite", "medra": "mEDRA"}
        return Response.json(
            {"status": "ok", "message-type": "work-agency", "message-version": "1.0.0",
             "message": {"DOI": doi, "agency": {"id": agency, "label": labels.get(agency, agency)}}},
            content_type="application/json;charset=utf-8",
        )

    def _list(self, request: Request) -> Response:
        try:
            rows = int(request.param("rows", "20") or 20)
        except ValueError:
            rows = -1
        if not 0 <= rows <= 1000:
            return _validation_failure("integer-not-valid", "rows", str(request.param("rows")), "Integer specified as rows must be a positive integer less than or equal to 1000.")
        items: list[dict[str, Any]]
        query = request.param("query.bibliographic") or request.param("query")
        filters = request.param("filter")
        if filters and not self.doi_filters:
            return _validation_failure("filter-not-available", "filter", filters, "Filter doi specified but there is no such filter for this route.")
        if filters:
            dois = [part[4:].strip().lower() for part in filters.split(",") if part.startswith("doi:")]
            items = [self.works[d] for d in dois if d in self.works][:rows]
            total = len(items)
        elif query:
            items, total = self._search(query, rows)
        else:
            items = list(self.works.values())[:rows]
            total = len(self.works)
        message = {
            "facets": {},
            "total-results": total,
            "items": items,
            "items-per-page": rows,
            "query": {"start-index": 0, "search-terms": None if request.param("query.bibliographic") else query},
        }
        return Response.json({"status": "ok", "message-type": "work-list", "message-version": "1.0.0", "message": message})

    def _search(self, query: str, rows: int) -> tuple[list[dict[str, Any]], int]:
        scores: dict[str, float] = defaultdict(float)
        n = max(len(self.works), 1)
        for token in set(fold_tokens(query)):
            posting = self._postings.get(token)
            if not posting:
                continue
            weight = math.log(1 + n / len(posting))
            for doi in posting:
                scores[doi] += weight
        # ties in an arbitrary but stable order (not by DOI, which would favour real prefixes)
        ranked = sorted(scores.items(), key=lambda pair: (-pair[1], hashlib.sha1(pair[0].encode()).hexdigest()))
        items = [{**self.works[doi], "score": round(score * 10, 3)} for doi, score in ranked[:rows]]
        return items, len(ranked)


def _validation_failure(kind: str, name: str, value: str, text: str) -> Response:
    return Response.json(
        {"status": "failed", "message-type": "validation-failure",
         "message": [{"value": value, "message": text, "type": kind}]},
        400,
        "application/json;charset=utf-8",
    )
