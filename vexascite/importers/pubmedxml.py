"""PubMed XML (``PubmedArticleSet`` from EFetch or the PubMed site) to CSL items."""

from __future__ import annotations

from lxml import etree

from ..ids import clean_doi, normalize_pmcid, normalize_pmid
from ..model import ImportProblem, ParsedFile, RawReference, RefStatus, Work, subject_keyword
from ._names import date_parts_from_text


def _text(node: etree._Element | None) -> str | None:
    if node is None:
        return None
    value = "".join(node.itertext()).strip()
    return value or None


def pubmed_article_to_csl(article: etree._Element) -> Work:
    """One ``PubmedArticle`` element to a CSL item. The article's own identifiers are read
    from ``PubmedData/ArticleIdList`` only: ``ReferenceList`` holds the cited papers' ids."""
    citation = article.find("MedlineCitation")
    art = citation.find("Article") if citation is not None else None
    work: Work = {"type": "article-journal"}
    if art is None:
        return work
    title = _text(art.find("ArticleTitle"))
    if title:
        work["title"] = title.rstrip(".")
    authors = []
    for author in art.findall("AuthorList/Author"):
        collective = _text(author.find("CollectiveName"))
        if collective:
            authors.append({"literal": collective})
            continue
        person = {}
        if _text(author.find("LastName")):
            person["family"] = _text(author.find("LastName"))
        given = _text(author.find("ForeName")) or _text(author.find("Initials"))
        if given:
            person["given"] = given
        if person:
            authors.append(person)
    if authors:
        work["author"] = authors
    journal = art.find("Journal")
    if journal is not None:
        if _text(journal.find("Title")):
            work["container-title"] = _text(journal.find("Title"))
        if _text(journal.find("ISOAbbreviation")):
            work["container-title-short"] = _text(journal.find("ISOAbbreviation"))
        issue = journal.find("JournalIssue")
        if issue is not None:
            for tag, field in (("Volume", "volume"), ("Issue", "issue")):
                if _text(issue.find(tag)):
                    work[field] = _text(issue.find(tag))
            date = issue.find("PubDate")
            if date is not None:
                text = " ".join(filter(None, (_text(date.find("Year")), _text(date.find("Month")), _text(date.find("Day")))))
                issued = date_parts_from_text(text or _text(date.find("MedlineDate")))
                if issued:
                    work["issued"] = issued
    pages = _text(art.find("Pagination/MedlinePgn"))
    if pages:
        work["page"] = pages
    abstract = " ".join(filter(None, (_text(p) for p in art.findall("Abstract/AbstractText"))))
    if abstract:
        work["abstract"] = abstract
    if citation is not None:
        headings = [_text(node) for node in citation.findall("MeshHeadingList/MeshHeading/DescriptorName")]
        headings += [_text(node) for node in citation.findall("KeywordList/Keyword")]
        subjects = subject_keyword(h for h in headings if h)
        if subjects:
            work["keyword"] = subjects
    pmid = normalize_pmid(_text(citation.find("PMID")) if citation is not None else None)
    if pmid:
        work["PMID"] = pmid
    for node in article.findall("PubmedData/ArticleIdList/ArticleId"):
        kind, value = node.get("IdType"), _text(node)
        if kind == "doi" and value and clean_doi(value):
            work.setdefault("DOI", clean_doi(value))
        elif kind == "pmc" and value and normalize_pmcid(value):
            work.setdefault("PMCID", normalize_pmcid(value))
    if "DOI" not in work:
        for node in art.findall("ELocationID"):
            if node.get("EIdType") == "doi" and clean_doi(_text(node)):
                work["DOI"] = clean_doi(_text(node))
    return work


def read_pubmed_xml(text: str) -> ParsedFile:
    parsed = ParsedFile(format="pubmed-xml")
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=True)
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        parsed.problems.append(ImportProblem(exc.lineno, f"not readable XML ({exc.msg})"))
        return parsed
    if root is None:
        parsed.problems.append(ImportProblem(1, "not readable XML"))
        return parsed
    for error in parser.error_log:
        parsed.problems.append(ImportProblem(error.line, f"XML error ({error.message}); the rest was read"))
    articles = root.findall(".//PubmedArticle") if root.tag != "PubmedArticle" else [root]
    if not articles:
        parsed.problems.append(ImportProblem(1, "no PubmedArticle elements: is this PubMed XML?"))
    for article in articles:
        raw = etree.tostring(article, encoding="unicode")
        work = pubmed_article_to_csl(article)
        if not work.get("title") and not work.get("PMID"):
            message = "PubmedArticle without title or PMID"
            parsed.problems.append(ImportProblem(article.sourceline, message))
            parsed.references.append(RawReference(raw=raw, format="pubmed-xml", line=article.sourceline, status=RefStatus.FAILED, message=message))
            continue
        parsed.references.append(RawReference(raw=raw, format="pubmed-xml", line=article.sourceline, fields=work, entry_key=work.get("PMID")))
    return parsed
