"""Crossref REST API: requests planned with habanero's conventions, answers turned into CSL.

habanero (the only module here that uses it) supplies the polite-pool User-Agent
(``mailto``), the filter syntax (``filter=doi:A,doi:B``) and field-query validation; the
requests themselves go through :class:`~vexascite.resolve.http.HttpClient`, because
habanero's own HTTP sends one unpaced request per DOI, hides the rate-limit headers and
never retries.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from habanero import Crossref
from habanero.field_queries import validate_field_queries
from habanero.filterhandler import filter_handler
from habanero.habanero_utils import make_ua

from ..batches import chunked
from ..config import Settings
from ..csl import first_date as date_parts
from ..ids import normalize_doi
from ..model import Work
from ..richtext import escape_text, from_source, plain_text
from .http import HttpRequest, ServiceLimits, valid_json

SERVICE = "crossref"
#: DOIs per ``filter=doi:...`` request: well under URL length limits, 20x fewer requests.
BATCH = 50
POLITE = {"single": 10.0, "search": 3.0, "concurrency": 3}
PUBLIC = {"single": 5.0, "search": 1.0, "concurrency": 1}

TYPE_TO_CSL = {
    "journal-article": "article-journal",
    "proceedings-article": "paper-conference",
    "book-chapter": "chapter",
    "book-section": "chapter",
    "book-part": "chapter",
    "book": "book",
    "edited-book": "book",
    "monograph": "book",
    "reference-book": "book",
    "posted-content": "article",
    "dataset": "dataset",
    "report": "report",
    "dissertation": "thesis",
    "reference-entry": "entry",
    "standard": "standard",
    "peer-review": "review",
    "component": "article",
}


class CrossrefApi:
    """Plans Crossref requests for one settings object."""

    def __init__(self, settings: Settings, user_agent: str = "vexascite/0.1") -> None:
        self.client = Crossref(base_url=settings.crossref_url.rstrip("/"), mailto=settings.mailto, timeout=settings.timeout)
        self.polite = bool(settings.mailto)
        self.headers = make_ua(settings.mailto, user_agent)

    def limits(self) -> ServiceLimits:
        pool = POLITE if self.polite else PUBLIC
        return ServiceLimits(
            {"crossref": pool["single"], "crossref-search": pool["search"]}, int(pool["concurrency"]), "crossref"
        )

    def works_by_doi(self, dois: list[str]) -> HttpRequest:
        """Up to :data:`BATCH` DOIs in one list request (DOIs with commas go alone)."""
        return HttpRequest(
            SERVICE, "crossref", f"{self.client.base_url}/works",
            [("filter", filter_handler({"doi": list(dois)}) or ""), ("rows", str(max(len(dois), 1)))],
            headers=self.headers, validate=valid_json,
        )

    def work(self, doi: str) -> HttpRequest:
        """One DOI by path, percent-encoded (an unencoded SICI DOI is not found)."""
        return HttpRequest(
            SERVICE, "crossref", f"{self.client.base_url}/works/{quote(doi, safe='')}",
            headers=self.headers, validate=None,
        )

    def search(self, text: str, rows: int = 10) -> HttpRequest:
        validate_field_queries("query.bibliographic")
        return HttpRequest(
            SERVICE, "crossref-search", f"{self.client.base_url}/works",
            [("query.bibliographic", text), ("rows", str(rows))],
            headers=self.headers, validate=valid_json,
        )


def batches(dois: list[str], size: int = BATCH) -> tuple[list[list[str]], list[str]]:
    """Groups of DOIs for ``filter=doi:``, and the DOIs a filter cannot carry (a comma
    separates filters), which are fetched one by one by path."""
    alone = [doi for doi in dois if "," in doi]
    rest = [doi for doi in dois if "," not in doi]
    return list(chunked(rest, size)), alone


def list_items(payload: Any) -> list[dict[str, Any]]:
    message = payload.get("message") if isinstance(payload, dict) else None
    if isinstance(message, dict) and isinstance(message.get("items"), list):
        return [item for item in message["items"] if isinstance(item, dict)]
    return []


def single_item(payload: Any) -> dict[str, Any] | None:
    message = payload.get("message") if isinstance(payload, dict) else None
    return message if isinstance(message, dict) and message.get("DOI") else None


_TAGS = re.compile(r"<[^>]+>")


def clean_text(value: Any) -> str | None:
    """First string of a Crossref list field as CSL rich text: Crossref writes HTML and
    JATS, so its style tags (``<i>``, ``<jats:sub>``) stay styles, its other tags are
    structure (dropped, their text kept), and a tag it spells as text (``&lt;i&gt;``) stays
    text (``&lt;i>``), never becoming markup; layout whitespace is folded."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if not isinstance(value, str):
        return None
    return from_source(value, "xml") or None


_JATS_TITLE = re.compile(r"<(?:jats:)?title[^>]*>(.*?)</(?:jats:)?title>", re.DOTALL)


def jats_text(value: Any) -> str | None:
    """A Crossref JATS ``abstract`` as CSL rich text (as :func:`clean_text`): section titles
    become "Title: ", a leading "Abstract" title is dropped, a paragraph's end is a space."""
    if not isinstance(value, str) or not value.strip():
        return None

    def title(match: re.Match[str]) -> str:
        text = " ".join(plain_text(_TAGS.sub("", match.group(1))).split())
        return "" if text.lower() in ("abstract", "summary", "") else f" {escape_text(text.rstrip(':'))}: "

    return from_source(_JATS_TITLE.sub(title, value), "xml") or None


def to_csl(message: dict[str, Any]) -> Work:
    """A Crossref work as a CSL item: only what Crossref states, nothing filled in."""
    csl: Work = {"type": TYPE_TO_CSL.get(message.get("type") or "", "article")}
    title = clean_text(message.get("title"))
    subtitle = clean_text(message.get("subtitle"))
    if title:
        csl["title"] = f"{title}: {subtitle}" if subtitle and subtitle.lower() not in title.lower() else title
    for key, target in (("container-title", "container-title"), ("short-container-title", "container-title-short")):
        value = clean_text(message.get(key))
        if value:
            csl[target] = value
    for role in ("author", "editor"):
        people = []
        for person in message.get(role) or []:
            if not isinstance(person, dict):
                continue
            entry = {k: person[k] for k in ("family", "given") if isinstance(person.get(k), str) and person[k].strip()}
            if not entry and person.get("name"):
                entry = {"literal": person["name"]}
            if entry:
                people.append(entry)
        if people:
            csl[role] = people
    issued = date_parts(message.get("issued")) or date_parts(message.get("published-print")) or date_parts(message.get("published-online"))
    if issued:
        csl["issued"] = issued
    for key in ("volume", "issue", "page", "publisher"):
        value = message.get(key)
        if isinstance(value, str) and value.strip():
            csl[key] = value.strip()
    doi = normalize_doi(message.get("DOI"))
    if doi:
        csl["DOI"] = doi
    issn = message.get("ISSN")
    if isinstance(issn, list) and issn:
        csl["ISSN"] = issn[0]
    if isinstance(message.get("URL"), str):
        csl["URL"] = message["URL"]
    abstract = jats_text(message.get("abstract"))
    if abstract:
        csl["abstract"] = abstract
    return csl
