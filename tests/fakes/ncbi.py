"""A fake NCBI E-utilities (ESummary, ESearch, ECitMatch) and PMC ID converter.

Load articles with :meth:`FakeNcbi.add_article` (see :func:`pubmed_article` for the
fields). Serves, under any base path:
  ``esummary.fcgi``  db=pubmed id=1,2 retmode=json -> ESummary JSON v0.3 (GET or POST)
  ``efetch.fcgi``    db=pubmed id=1,2 retmode=xml -> PubmedArticleSet XML as EFetch writes it
                     (abstract with labelled sections, MeSH headings, keywords, publication
                     types; unknown ids are left out, as EFetch does)
  ``esearch.fcgi``   term=<doi>[doi] OR ... / <pmid>[pmid] retmode=json -> esearchresult
  ``ecitmatch.cgi``  bdata=journal|year|volume|page|author|key|\\r... -> one line per citation
  ``idconv/``        ids=PMC1,10.1/x&format=json -> {"status": "ok", "records": [...]}
Limits are NCBI's: 3 requests/s, 10/s with an ``api_key``; announced in
``X-RateLimit-Limit`` like the recorded responses.
"""

from __future__ import annotations

import re
from typing import Any

from .base import FakeService, Limit, Request, Response
from .crossref import fold_tokens

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def pubmed_article(
    pmid: str,
    title: str,
    authors: list[str],
    source: str,
    year: int | None,
    volume: str | None = None,
    issue: str | None = None,
    pages: str | None = None,
    doi: str | None = None,
    pmcid: str | None = None,
    fulljournalname: str | None = None,
    abstract: str | list[tuple[str, str]] | None = None,
    mesh: list[str] | None = None,
    keywords: list[str] | None = None,
) -> dict[str, Any]:
    """An article for the fake: ``authors`` as PubMed writes them ("Peloso GM");
    ``abstract`` plain, or (label, text) sections; ``mesh`` descriptor names."""
    return {
        "pmid": str(pmid), "title": title, "authors": authors, "source": source, "year": year,
        "volume": volume or "", "issue": issue or "", "pages": pages or "", "doi": doi, "pmcid": pmcid,
        "fulljournalname": fulljournalname or source, "abstract": abstract, "mesh": mesh or [], "keywords": keywords or [],
    }


def _x(text: Any) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def efetch_article_xml(article: dict[str, Any]) -> str:
    """One ``<PubmedArticle>`` in the shape of the recorded EFetch answers."""
    abstract = article.get("abstract")
    sections = [("", abstract)] if isinstance(abstract, str) else list(abstract or [])
    abstract_xml = "".join(
        f'<AbstractText Label="{_x(label)}" NlmCategory="{_x(label)}">{_x(text)}</AbstractText>' if label else f"<AbstractText>{_x(text)}</AbstractText>"
        for label, text in sections
    )
    authors = "".join(
        f'<Author ValidYN="Y"><LastName>{_x(name.rsplit(" ", 1)[0])}</LastName><Initials>{_x(name.rsplit(" ", 1)[-1])}</Initials></Author>'
        for name in article.get("authors") or []
    )
    mesh = "".join(f'<MeshHeading><DescriptorName UI="D000000" MajorTopicYN="N">{_x(m)}</DescriptorName></MeshHeading>' for m in article["mesh"])
    keywords = "".join(f'<Keyword MajorTopicYN="N">{_x(k)}</Keyword>' for k in article["keywords"])
    ids = f'<ArticleId IdType="pubmed">{article["pmid"]}</ArticleId>'
    if article.get("doi"):
        ids += f'<ArticleId IdType="doi">{_x(article["doi"])}</ArticleId>'
    return (
        f'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">{article["pmid"]}</PMID>'
        f'<Article PubModel="Print"><Journal><JournalIssue CitedMedium="Print"><Volume>{_x(article.get("volume") or "")}</Volume>'
        f'<PubDate><Year>{article.get("year") or ""}</Year></PubDate></JournalIssue><Title>{_x(article.get("fulljournalname") or "")}</Title>'
        f'<ISOAbbreviation>{_x(article.get("source") or "")}</ISOAbbreviation></Journal><ArticleTitle>{_x(article.get("title") or "")}</ArticleTitle>'
        f'<Pagination><MedlinePgn>{_x(article.get("pages") or "")}</MedlinePgn></Pagination>'
        + (f"<Abstract>{abstract_xml}</Abstract>" if abstract_xml else "")
        + f'<AuthorList CompleteYN="Y">{authors}</AuthorList><Language>eng</Language>'
        f'<PublicationTypeList><PublicationType UI="D016428">Journal Article</PublicationType></PublicationTypeList></Article>'
        + (f"<MeshHeadingList>{mesh}</MeshHeadingList>" if mesh else "")
        + (f'<KeywordList Owner="NOTNLM">{keywords}</KeywordList>' if keywords else "")
        + f"</MedlineCitation><PubmedData><ArticleIdList>{ids}</ArticleIdList></PubmedData></PubmedArticle>"
    )


def _fold(text: str) -> str:
    return " ".join(fold_tokens(text or ""))


class FakeNcbi(FakeService):
    name = "ncbi"

    def __init__(self, articles: list[dict[str, Any]] | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.articles: dict[str, dict[str, Any]] = {}
        self._by_doi: dict[str, str] = {}
        self._by_pmcid: dict[str, str] = {}
        self._by_volume_page: dict[tuple[str, str], list[str]] = {}
        for article in articles or []:
            self.add_article(article)

    def add_article(self, article: dict[str, Any]) -> None:
        pmid = str(article["pmid"])
        self.articles[pmid] = article
        if article.get("doi"):
            self._by_doi[article["doi"].lower()] = pmid
        if article.get("pmcid"):
            self._by_pmcid[article["pmcid"].upper()] = pmid
        first_page = re.split(r"[-\u2013]", article.get("pages") or "")[0].strip().lower()
        self._by_volume_page.setdefault((str(article.get("volume") or "").lower(), first_page), []).append(pmid)

    # -- limits -----------------------------------------------------------------------------
    def limits_for(self, request: Request) -> tuple[str, Limit | None, int | None, dict[str, str]]:
        keyed = bool(request.param("api_key"))
        limit = 10 if keyed else 3
        return ("key" if keyed else "open"), Limit(limit), None, {"X-RateLimit-Limit": str(limit)}

    def endpoint(self, request: Request) -> str:
        path = request.path.rstrip("/")
        if "idconv" in path:
            return "idconv"
        return path.rsplit("/", 1)[-1].split(".")[0]

    # -- routes -----------------------------------------------------------------------------
    def route(self, request: Request) -> Response:
        endpoint = self.endpoint(request)
        if endpoint == "esummary":
            return self._esummary(request)
        if endpoint == "efetch":
            return self._efetch(request)
        if endpoint == "esearch":
            return self._esearch(request)
        if endpoint == "ecitmatch":
            return self._ecitmatch(request)
        if endpoint == "idconv":
            return self._idconv(request)
        return Response.text("<html><body>Not Found</body></html>", 404, "text/html")

    def _summary(self, article: dict[str, Any]) -> dict[str, Any]:
        year = article.get("year")
        ids = [{"idtype": "pubmed", "idtypen": 1, "value": article["pmid"]}]
        if article.get("pmcid"):
            ids.append({"idtype": "pmc", "idtypen": 8, "value": article["pmcid"]})
            ids.append({"idtype": "pmcid", "idtypen": 5, "value": f"pmc-id: {article['pmcid']};"})
        if article.get("doi"):
            ids.append({"idtype": "doi", "idtypen": 3, "value": article["doi"]})
        authors = article.get("authors") or []
        return {
            "uid": article["pmid"],
            "pubdate": f"{year} {MONTHS[0]}" if year else "",
            "epubdate": "",
            "source": article.get("source") or "",
            "authors": [{"name": name, "authtype": "Author", "clusterid": ""} for name in authors],
            "lastauthor": authors[-1] if authors else "",
            "title": (article.get("title") or "").rstrip(".") + ".",
            "sorttitle": _fold(article.get("title") or ""),
            "volume": article.get("volume") or "",
            "issue": article.get("issue") or "",
            "pages": article.get("pages") or "",
            "lang": ["eng"],
            "nlmuniqueid": "0000000",
            "issn": "",
            "essn": "",
            "pubtype": ["Journal Article"],
            "recordstatus": "PubMed - indexed for MEDLINE",
            "pubstatus": "4",
            "articleids": ids,
            "history": [],
            "references": [],
            "attributes": [],
            "pmcrefcount": "",
            "fulljournalname": article.get("fulljournalname") or "",
            "elocationid": f"doi: {article['doi']}" if article.get("doi") else "",
            "doctype": "citation",
            "sortpubdate": f"{year}/01/01 00:00" if year else "",
            "sortfirstauthor": authors[0] if authors else "",
            "vernaculartitle": "",
        }

    def _esummary(self, request: Request) -> Response:
        ids = [part.strip() for value in request.params.get("id", []) for part in value.split(",") if part.strip()]
        result: dict[str, Any] = {"uids": []}
        for pmid in ids:
            article = self.articles.get(pmid.lstrip("0"))
            if article is None:
                result[pmid] = {"uid": pmid, "error": "cannot get document summary"}
                continue
            result["uids"].append(article["pmid"])
            result[article["pmid"]] = self._summary(article)
        return Response.json({"header": {"type": "esummary", "version": "0.3"}, "result": result})

    def _efetch(self, request: Request) -> Response:
        ids = [part.strip() for value in request.params.get("id", []) for part in value.split(",") if part.strip()]
        articles = [self.articles[p.lstrip("0")] for p in ids if p.lstrip("0") in self.articles]
        body = (
            '<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2024//EN" '
            '"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_240101.dtd">\n<PubmedArticleSet>\n'
            + "\n".join(efetch_article_xml(a) for a in articles) + "\n</PubmedArticleSet>\n"
        )
        return Response.text(body, 200, "text/xml; charset=UTF-8")

    def _esearch(self, request: Request) -> Response:
        term = request.param("term", "") or ""
        found: list[str] = []
        for value, tag in re.findall(r'"?([^"\[\]]+?)"?\s*\[(doi|DOI|aid|AID|pmid|PMID|uid|UID)\]', term):
            value = value.strip().strip("()").strip()
            if tag.lower() in ("doi", "aid"):
                pmid = self._by_doi.get(value.lower())
            else:
                pmid = value if value in self.articles else None
            if pmid and pmid not in found:
                found.append(pmid)
        retmax = int(request.param("retmax", "20") or 20)
        body: dict[str, Any] = {
            "count": str(len(found)),
            "retmax": str(min(len(found), retmax)),
            "retstart": "0",
            "idlist": found[:retmax],
            "translationset": [],
            "querytranslation": term,
        }
        if not found:
            body["errorlist"] = {"phrasesnotfound": [], "fieldsnotfound": []}
            body["warninglist"] = {"phrasesignored": [], "quotedphrasesnotfound": [], "outputmessages": ["No items found."]}
        return Response.json({"header": {"type": "esearch", "version": "0.3"}, "esearchresult": body})

    def _ecitmatch(self, request: Request) -> Response:
        bdata = request.param("bdata", "") or ""
        lines = []
        for citation in re.split(r"[\r\n]+", bdata):
            if not citation.strip():
                continue
            fields = citation.split("|")
            fields += [""] * (7 - len(fields))
            journal, year, volume, page, author, key = (field.strip() for field in fields[:6])
            lines.append("|".join([journal.lower(), year, volume.lower(), page.lower(), author.lower(), key, self._citmatch(journal, year, volume, page, author)]))
        return Response.text("\n".join(lines) + "\n", 200, "text/plain; charset=UTF-8")

    def _citmatch(self, journal: str, year: str, volume: str, page: str, author: str) -> str:
        pmids = self._by_volume_page.get((volume.strip().lower(), page.strip().lower()), [])
        wanted = _fold(journal)
        hits = []
        for pmid in pmids:
            article = self.articles[pmid]
            names = {_fold(article.get("source") or ""), _fold(article.get("fulljournalname") or "")}
            if wanted not in names:
                continue
            if year.isdigit() and article.get("year") and abs(int(article["year"]) - int(year)) > 1:
                continue
            if author:
                first = _fold((article.get("authors") or [""])[0]).split(" ")[0]
                if first and _fold(author).split(" ")[0] != first:
                    continue
            hits.append(pmid)
        if not hits:
            return "NOT_FOUND"
        if len(hits) > 1:
            return f"AMBIGUOUS ({len(hits)} citations)"
        return hits[0]

    def _idconv(self, request: Request) -> Response:
        ids = [part.strip() for value in request.params.get("ids", []) for part in value.split(",") if part.strip()]
        records = []
        for given in ids:
            pmid = None
            if given.upper().startswith("PMC"):
                pmid = self._by_pmcid.get(given.upper())
            elif given.startswith("10."):
                pmid = self._by_doi.get(given.lower())
            elif given.isdigit():
                pmid = given if given in self.articles else None
            article = self.articles.get(pmid or "")
            if article is None or not article.get("pmcid"):
                records.append({"requested-id": given, "status": "error", "errmsg": "invalid article id"})
                continue
            record = {"requested-id": given, "pmcid": article["pmcid"], "pmid": article["pmid"]}
            if article.get("doi"):
                record["doi"] = article["doi"]
            records.append(record)
        return Response.json(
            {"status": "ok", "responseDate": "2026-06-01 00:00:00", "request": request.raw_path, "records": records},
            content_type="application/json; charset=ISO-8859-1",
        )
