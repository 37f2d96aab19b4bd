"""NCBI E-utilities (ESummary, ESearch, ECitMatch) and the PMC ID converter.

Every request carries ``tool`` and ``email`` (and ``api_key`` when set, which lifts the
limit from 3 to 10 requests a second). Batches: ESummary takes :data:`SUMMARY_BATCH`
PMIDs per POST, DOI->PMID is one ESearch of OR-ed ``[doi]`` terms, ECitMatch resolves
a whole list of journal citations (journal|year|volume|first page|author|key|) per GET.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlencode

from ..config import Settings
from ..ids import normalize_doi, normalize_pmcid, normalize_pmid
from ..model import Work, subject_keyword
from ..richtext import from_source, rich_fields
from ..wording import quantity
from .http import HttpRequest, ServiceLimits, valid_json
from .match import expand_pages

SERVICE = "ncbi"
SUMMARY_BATCH = 200
#: EFetch ids per request: NCBI asks for POST beyond about 200 ids, so batches stay at 200.
FETCH_BATCH = 200
DOI_SEARCH_BATCH = 200
IDCONV_BATCH = 200
#: ECitMatch goes by GET; keep each URL under this many characters.
CITMATCH_URL_BUDGET = 7000


class NcbiApi:
    def __init__(self, settings: Settings) -> None:
        self.base = settings.ncbi_url.rstrip("/")
        self.idconv_url = settings.idconv_url
        self.identity: list[tuple[str, str]] = [("tool", settings.ncbi_tool)]
        if settings.mailto:
            self.identity.append(("email", settings.mailto))
        if settings.ncbi_api_key:
            self.identity.append(("api_key", settings.ncbi_api_key))
        self.keyed = bool(settings.ncbi_api_key)

    def limits(self) -> ServiceLimits:
        return ServiceLimits({"ncbi": 10.0 if self.keyed else 3.0}, 3, "ncbi")

    def summaries(self, pmids: list[str]) -> HttpRequest:
        """GET while the id list is short (as recorded), POST for long lists."""
        params = [("db", "pubmed"), ("id", ",".join(pmids)), ("retmode", "json"), *self.identity]
        if len(pmids) <= SUMMARY_BATCH:
            return HttpRequest(SERVICE, "ncbi", f"{self.base}/esummary.fcgi", params, validate=valid_json)
        return HttpRequest(SERVICE, "ncbi", f"{self.base}/esummary.fcgi", data=params, validate=valid_json)

    def abstracts(self, pmids: list[str]) -> HttpRequest:
        """EFetch PubMed XML (abstract, MeSH headings, publication types), GET up to the batch."""
        params = [("db", "pubmed"), ("id", ",".join(pmids)), ("retmode", "xml"), *self.identity]
        if len(pmids) <= FETCH_BATCH:
            return HttpRequest(SERVICE, "ncbi", f"{self.base}/efetch.fcgi", params, validate=valid_pubmed_xml)
        return HttpRequest(SERVICE, "ncbi", f"{self.base}/efetch.fcgi", data=params, validate=valid_pubmed_xml)

    def pmids_for_dois(self, dois: list[str]) -> HttpRequest:
        term = " OR ".join(f'"{doi}"[doi]' for doi in dois)
        data = [("db", "pubmed"), ("term", term), ("retmode", "json"), ("retmax", str(len(dois) * 2 + 10)), *self.identity]
        return HttpRequest(SERVICE, "ncbi", f"{self.base}/esearch.fcgi", data=data, validate=valid_json)

    def citmatch(self, lines: list[str]) -> HttpRequest:
        keys = [line.split("|")[5] for line in lines]
        params = [("db", "pubmed"), ("retmode", "xml"), ("bdata", "\r".join(lines)), *self.identity]

        def complete(body: bytes) -> str | None:
            answered = {row.split("|")[5] for row in body.decode("utf-8", "replace").splitlines() if row.count("|") >= 6}
            missing = [key for key in keys if key not in answered]
            return f"ECitMatch answer is missing {quantity(len(missing), 'citation')}" if missing else None

        return HttpRequest(SERVICE, "ncbi", f"{self.base}/ecitmatch.cgi", params, validate=complete)

    def idconv(self, ids: list[str]) -> HttpRequest:
        params = [("ids", ",".join(ids)), ("format", "json"), *self.identity]
        return HttpRequest(SERVICE, "ncbi", self.idconv_url, params, validate=valid_json)

    def citmatch_batches(self, lines: list[str]) -> list[list[str]]:
        """Split citation lines so each GET stays under :data:`CITMATCH_URL_BUDGET`."""
        out: list[list[str]] = []
        current: list[str] = []
        size = len(self.base) + 200
        for line in lines:
            cost = len(urlencode({"b": line})) + 3
            if current and size + cost > CITMATCH_URL_BUDGET:
                out.append(current)
                current, size = [], len(self.base) + 200
            current.append(line)
            size += cost
        if current:
            out.append(current)
        return out


def citation_line(journal: str, year: str, volume: str, page: str, author: str, key: str) -> str:
    """One ECitMatch citation; the separators cannot appear inside a field."""
    def clean(text: str) -> str:
        return " ".join(re.sub(r"[|\r\n]", " ", text or "").split())

    return "|".join([clean(journal), clean(year), clean(volume), clean(page), clean(author), key, ""])


def parse_citmatch(text: str) -> dict[str, str | None]:
    """key -> PMID (None for NOT_FOUND, AMBIGUOUS and other non-answers)."""
    out: dict[str, str | None] = {}
    for row in text.splitlines():
        parts = row.split("|")
        if len(parts) < 7:
            continue
        value = parts[6].strip()
        out[parts[5]] = value if value.isdigit() else None
    return out


def parse_esearch_ids(payload: Any) -> list[str]:
    result = payload.get("esearchresult") if isinstance(payload, dict) else None
    ids = (result or {}).get("idlist") or []
    return [str(i) for i in ids if str(i).isdigit()]


def parse_summaries(payload: Any) -> dict[str, dict[str, Any]]:
    result = payload.get("result") if isinstance(payload, dict) else None
    if not isinstance(result, dict):
        return {}
    out = {}
    for uid in result.get("uids") or []:
        item = result.get(str(uid))
        if isinstance(item, dict) and not item.get("error"):
            out[str(uid)] = item
    return out


def parse_idconv(payload: Any) -> list[dict[str, Any]]:
    records = payload.get("records") if isinstance(payload, dict) else None
    return [r for r in records or [] if isinstance(r, dict) and r.get("status") != "error" and not r.get("errmsg")]


def article_id(summary: dict[str, Any], kind: str) -> str | None:
    for entry in summary.get("articleids") or []:
        if entry.get("idtype") == kind and entry.get("value"):
            return str(entry["value"])
    return None


def _split_name(name: str) -> dict[str, str]:
    """PubMed's "Peloso GM" as CSL: family plus initials as written."""
    match = re.match(r"^(.*\S)\s+([A-Z]{1,4})$", name.strip())
    if match:
        return {"family": match.group(1), "given": match.group(2)}
    return {"literal": name.strip()}


def summary_to_csl(summary: dict[str, Any]) -> Work:
    """An ESummary document as a CSL item (only what PubMed states)."""
    csl: Work = {"type": "article-journal"}
    title = (summary.get("title") or "").strip()
    if title.endswith(".") and not title.endswith(".."):
        title = title[:-1]
    if title:
        csl["title"] = title
    if summary.get("fulljournalname"):
        csl["container-title"] = summary["fulljournalname"]
    if summary.get("source"):
        csl["container-title-short"] = summary["source"]
    authors = [_split_name(a["name"]) for a in summary.get("authors") or [] if a.get("name") and a.get("authtype", "Author") == "Author"]
    if authors:
        csl["author"] = authors
    year = re.match(r"(\d{4})", summary.get("pubdate") or summary.get("sortpubdate") or "")
    if year:
        csl["issued"] = {"date-parts": [[int(year.group(1))]]}
    for key, target in (("volume", "volume"), ("issue", "issue")):
        if summary.get(key):
            csl[target] = str(summary[key])
    if summary.get("pages"):
        csl["page"] = expand_pages(str(summary["pages"]))
    doi = normalize_doi(article_id(summary, "doi"))
    if doi:
        csl["DOI"] = doi
    pmid = normalize_pmid(str(summary.get("uid") or ""))
    if pmid:
        csl["PMID"] = pmid
    pmcid = normalize_pmcid(article_id(summary, "pmc"))
    if pmcid:
        csl["PMCID"] = pmcid
    return rich_fields(csl, "csl")


def valid_pubmed_xml(body: bytes) -> str | None:
    """A complete PubmedArticleSet (a cut-off answer is retried like truncated JSON)."""
    tail = body.rstrip()[-40:]
    return None if tail.endswith(b"</PubmedArticleSet>") else "truncated PubMed XML"


def _node_text(node: Any) -> str:
    return " ".join("".join(node.itertext()).split()) if node is not None else ""


def parse_efetch(body: bytes) -> dict[str, Work]:
    """PMID -> what EFetch adds to the ESummary record: ``abstract`` (structured sections
    as "LABEL: text"), ``keyword`` (MeSH descriptors, then author keywords) and the
    publication types (``pubtype``, as ESummary names them; the check reads them)."""
    from lxml import etree

    try:
        root = etree.fromstring(body, etree.XMLParser(resolve_entities=False, no_network=True, recover=True))
    except etree.XMLSyntaxError:
        return {}
    if root is None:
        return {}
    out: dict[str, Work] = {}
    for article in root.iter("PubmedArticle"):
        citation = article.find("MedlineCitation")
        pmid = normalize_pmid(_node_text(citation.find("PMID"))) if citation is not None else None
        if citation is None or not pmid:
            continue
        extra: Work = {}
        parts = []
        for node in citation.findall("Article/Abstract/AbstractText"):
            text = _node_text(node)
            label = (node.get("Label") or "").strip()
            if text:
                parts.append(f"{label}: {text}" if label and label.upper() != "UNLABELLED" else text)
        if parts:
            extra["abstract"] = from_source(" ".join(parts), "plain")  # the XML's text, read
        headings = [_node_text(n) for n in citation.findall("MeshHeadingList/MeshHeading/DescriptorName")]
        headings += [_node_text(n) for n in citation.findall("KeywordList/Keyword")]
        keyword = subject_keyword(h for h in headings if h)
        if keyword:
            extra["keyword"] = keyword
        types = [_node_text(n) for n in citation.findall("Article/PublicationTypeList/PublicationType")]
        if types:
            extra["pubtype"] = [t for t in types if t]
        out[pmid] = extra
    return out


def add_fetched(csl: Work, fetched: Work | None) -> Work:
    """An ESummary CSL record with EFetch's abstract and subject terms (publication types
    stay in the stored answers, where ``check`` reads them)."""
    if not fetched:
        return csl
    return {**csl, **{k: v for k, v in fetched.items() if k in ("abstract", "keyword")}}


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
