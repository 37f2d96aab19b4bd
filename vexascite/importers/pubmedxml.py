"""PubMed XML (``PubmedArticleSet`` from EFetch or the PubMed site) to CSL items."""

from __future__ import annotations

import re

from lxml import etree

from ..ids import clean_doi, normalize_pmcid, normalize_pmid
from ..model import ImportProblem, ParsedFile, RawReference, Work, subject_keyword
from ..richtext import rich_fields
from ._names import date_parts_from_text

_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>")


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
        person: dict[str, str] = {}
        if family := _text(author.find("LastName")):
            person["family"] = family
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
    return rich_fields(work, "plain")  # the XML's text, read: a "<" in it is text


_ARTICLE_START = re.compile(r"<PubmedArticle[\s>]")
_ARTICLE_END = "</PubmedArticle>"
#: Parser errors reported one by one; the rest are counted.
MAX_XML_ERRORS = 20


def _parser() -> etree.XMLParser:
    return etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=True, load_dtd=False)


def _whole(text: str, parsed: ParsedFile) -> list[tuple[etree._Element, int]] | None:
    """The document's articles (with a line offset of 0), or None if it had errors."""
    parser = _parser()
    try:
        root = etree.fromstring(text.encode("utf-8", errors="replace"), parser)
    except etree.XMLSyntaxError as exc:
        parsed.problems.append(ImportProblem(exc.lineno, f"not readable XML ({exc.msg})"))
        return None
    errors = list(parser.error_log)
    for error in errors[:MAX_XML_ERRORS]:
        parsed.problems.append(ImportProblem(error.line, f"XML error ({error.message.strip()}); the rest was read"))
    if len(errors) > MAX_XML_ERRORS:
        parsed.problems.append(ImportProblem(errors[MAX_XML_ERRORS].line, f"and {len(errors) - MAX_XML_ERRORS} more XML errors"))
    if root is None or errors:
        return None
    articles = root.findall(".//PubmedArticle") if root.tag != "PubmedArticle" else [root]
    return [(article, 0) for article in articles]


def _one_by_one(text: str) -> list[tuple[etree._Element | str, int]]:
    """Each ``<PubmedArticle>`` parsed on its own (after an error in the document, so
    one broken article, or a hostile part outside the articles, loses no other): the
    element, or the article's text when it cannot be parsed; with its line offset."""
    found: list[tuple[etree._Element | str, int]] = []
    starts = [m.start() for m in _ARTICLE_START.finditer(text)]
    line, counted = 1, 0
    for index, start in enumerate(starts):
        limit = starts[index + 1] if index + 1 < len(starts) else len(text)
        end = text.find(_ARTICLE_END, start, limit)
        chunk = text[start : end + len(_ARTICLE_END) if end >= 0 else limit]
        line += text.count("\n", counted, start)
        counted = start
        try:
            element = etree.fromstring(chunk.encode("utf-8", errors="replace"), _parser())
        except etree.XMLSyntaxError:
            element = None
        found.append((element if element is not None and element.tag == "PubmedArticle" else chunk, line - 1))
    return found


def read_pubmed_xml(text: str) -> ParsedFile:
    parsed = ParsedFile(format="pubmed-xml")
    # The text is already decoded (the declared encoding honoured then): a declaration
    # left in would make the parser decode it a second time.
    text = _DECLARATION.sub(lambda m: "\n" * m.group().count("\n"), text, count=1)
    articles = _whole(text, parsed)
    if articles is None:
        articles = _one_by_one(text)
    if not articles:
        parsed.problems.append(ImportProblem(1, "no PubmedArticle elements: is this PubMed XML?"))
    for article, offset in articles:
        if isinstance(article, str):
            line = offset + 1
            message = "PubmedArticle is not readable XML; kept as written"
            parsed.unreadable(article, line, message)
            continue
        line = (article.sourceline or 1) + offset
        raw = etree.tostring(article, encoding="unicode")
        work = parsed.converted(pubmed_article_to_csl, article, raw, line, "PubmedArticle")
        if work is None:
            continue
        if not work.get("title") and not work.get("PMID"):
            message = "PubmedArticle without title or PMID"
            parsed.unreadable(raw, line, message)
            continue
        parsed.references.append(RawReference(raw=raw, format="pubmed-xml", line=line, fields=work, entry_key=work.get("PMID")))
    return parsed
