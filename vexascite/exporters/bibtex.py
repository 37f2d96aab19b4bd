"""CSL records to BibTeX and BibLaTeX (pure).

A careful serializer of our own rather than bibtexparser's writer: it knows CSL, writes
fields in a fixed order (same library, same bytes), encodes only what needs encoding
(see :mod:`.latex`), protects acronyms and gene names in titles, writes page ranges with
``--`` and months as BibTeX's month macros, and gives back the fields of an imported
entry that have no CSL home.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from ..csl import AND_OTHERS as _AND_OTHERS
from ..csl import BIBTEX_MAPPED_FIELDS as MAPPED_FIELDS
from ..csl import MONTH_ABBREVIATIONS, date_parts, pages_with_dash
from ..model import Work
from .item import ExportItem
from .latex import braces_balance, escape_text, to_latex

DIALECTS = ("bibtex", "biblatex")

_MONTHS = MONTH_ABBREVIATIONS

#: CSL type -> (BibTeX type, BibLaTeX type).
_ENTRY_TYPES: dict[str, tuple[str, str]] = {
    "article-journal": ("article", "article"),
    "article": ("article", "article"),
    "article-magazine": ("article", "article"),
    "article-newspaper": ("article", "article"),
    "review": ("article", "article"),
    "review-book": ("article", "article"),
    "paper-conference": ("inproceedings", "inproceedings"),
    "chapter": ("incollection", "incollection"),
    "entry": ("incollection", "inreference"),
    "entry-dictionary": ("incollection", "inreference"),
    "entry-encyclopedia": ("incollection", "inreference"),
    "book": ("book", "book"),
    "classic": ("book", "book"),
    "collection": ("book", "collection"),
    "periodical": ("book", "periodical"),
    "thesis": ("phdthesis", "thesis"),
    "report": ("techreport", "report"),
    "manuscript": ("unpublished", "unpublished"),
    "pamphlet": ("booklet", "booklet"),
    "webpage": ("misc", "online"),
    "post": ("misc", "online"),
    "post-weblog": ("misc", "online"),
    "dataset": ("misc", "dataset"),
    "software": ("misc", "software"),
    "patent": ("misc", "patent"),
    "standard": ("misc", "standard"),
}

#: Entry types an imported entry may keep when they say the same as its CSL type.
_ENTRY_TYPE_MEANS: dict[str, str] = {
    "article": "article-journal",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "incollection": "chapter",
    "inbook": "chapter",
    "book": "book",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "techreport": "report",
    "report": "report",
    "manual": "report",
    "online": "webpage",
    "electronic": "webpage",
    "www": "webpage",
    "unpublished": "manuscript",
    "booklet": "pamphlet",
}
_BIBTEX_ONLY_KNOWN = frozenset(
    "article book booklet conference inbook incollection inproceedings manual mastersthesis misc phdthesis proceedings techreport unpublished".split()
)

_NAME_ROLES_BIBTEX = (("author", "author"), ("editor", "editor"))
_NAME_ROLES_BIBLATEX = (("author", "author"), ("editor", "editor"), ("translator", "translator"))



def _first_string(value: Any) -> str | None:
    if type(value) is str:
        return value.strip() or None
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str | int) and str(v).strip()), None)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def bibtex_pages(pages: str) -> str:
    """Page ranges with BibTeX's ``--`` (``2414-2420``, ``2414–20`` -> ``2414--2420``)."""
    return pages_with_dash(pages, "--")


def _date_text(date: Any) -> str | None:
    if isinstance(date, dict):
        text = date.get("literal") or date.get("raw")
        return text.strip() if isinstance(text, str) and text.strip() else None
    return date.strip() if isinstance(date, str) and date.strip() else None


def _int(value: int | str) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _iso(parts: list[int | str]) -> str:
    out = []
    for i, part in enumerate(parts[:3]):
        number = _int(part)
        if number is None:
            break
        out.append(f"{number:04d}" if i == 0 else f"{number:02d}")
    return "-".join(out)


# -- names ---------------------------------------------------------------------------------
def _needs_name_braces(part: str) -> bool:
    return "," in part or bool(re.search(r"\band\b", part, re.I)) or not braces_balance(part)


def bibtex_name(person: dict[str, Any], *, unicode: bool = False) -> str | None:
    """One CSL name in BibTeX's ``von Last, Jr, First`` form.

    Organisations (``literal``) are braced whole so BibTeX does not split them; family
    names with spaces are braced so ``de la Cruz`` is not read as a particle.
    """

    def enc(text: str) -> str:
        return escape_text(text, unicode=unicode, braced_accents=True)

    literal = _first_string(person.get("literal"))
    family = _first_string(person.get("family"))
    given = _first_string(person.get("given"))
    if not family:
        name = literal or given
        return "{" + enc(name) + "}" if name else None
    particle = " ".join(
        p
        for p in (
            _first_string(person.get("dropping-particle")),
            _first_string(person.get("non-dropping-particle")),
        )
        if p
    )
    suffix = _first_string(person.get("suffix"))
    last = enc(family)
    if (
        " " in family
        or "~" in family
        or family[:1].islower()
        or _needs_name_braces(family)
        or (family.lower() == "others" and not given)
    ):
        last = "{" + last + "}"
    if particle:
        if particle[:1].islower() and not _needs_name_braces(particle):
            last = enc(particle) + " " + last
        else:
            last = "{" + enc(particle) + "} " + last
    parts = [last]
    if suffix:
        parts.append("{" + enc(suffix) + "}" if _needs_name_braces(suffix) else enc(suffix))
    if given:
        parts.append("{" + enc(given) + "}" if _needs_name_braces(given) else enc(given))
    elif suffix:
        parts.append("")
    return ", ".join(parts)


@lru_cache(maxsize=65536)
def _cached_name(items: tuple[tuple[str, Any], ...], unicode: bool) -> str | None:
    return bibtex_name(dict(items), unicode=unicode)


@lru_cache(maxsize=16384)
def _field_latex(text: str, unicode: bool, protect: bool) -> str:
    """Field values repeat (journals, publishers, places): each is encoded once."""
    return to_latex(text, unicode=unicode, protect=protect)


def bibtex_names(people: Any, *, unicode: bool = False) -> str | None:
    """A CSL name list as BibTeX's ``and``-separated list (names repeat: cached)."""
    if not isinstance(people, list):
        return None
    names: list[str] = []
    for person in people:
        if isinstance(person, dict):
            try:
                name = _cached_name(tuple(person.items()), unicode)
            except TypeError:  # an unhashable part (a list): no cache
                name = bibtex_name(person, unicode=unicode)
            if name:
                names.append(name)
    return " and ".join(names) if names else None


# -- entries -------------------------------------------------------------------------------
def entry_type(csl: Work, dialect: str, imported: str | None = None) -> str:
    """The entry type for a CSL type; an imported entry keeps its own type when it says
    the same thing (``@phdthesis`` vs ``@mastersthesis``)."""
    csl_type = csl.get("type") or "article-journal"
    if imported:
        imported = imported.lower()
        if _ENTRY_TYPE_MEANS.get(imported) == csl_type and (
            dialect == "biblatex" or imported in _BIBTEX_ONLY_KNOWN
        ):
            return imported
    bibtex_type, biblatex_type = _ENTRY_TYPES.get(csl_type, ("misc", "misc"))
    if csl_type == "thesis" and dialect == "bibtex":
        genre = str(csl.get("genre") or "").lower()
        if "master" in genre or "msc" in genre:
            return "mastersthesis"
    return biblatex_type if dialect == "biblatex" else bibtex_type


def bibtex_fields(
    csl: Work, dialect: str = "bibtex", *, unicode: bool = False, kind: str | None = None
) -> list[tuple[str, str]]:
    """The fields of one entry as ``(name, value as written)`` pairs, in a fixed order.

    Values are already LaTeX (braced), except month macros, which are bare.
    """
    biblatex = dialect == "biblatex"
    kind = kind or entry_type(csl, dialect)
    out: list[tuple[str, str]] = []

    def text(name: str, value: Any, *, protect: bool = False) -> None:
        if value is None:
            return
        string = value.strip() if type(value) is str else _first_string(value)
        if string:
            out.append((name, "{" + _field_latex(string, unicode, protect) + "}"))

    for csl_role, field_name in _NAME_ROLES_BIBLATEX if biblatex else _NAME_ROLES_BIBTEX:
        names = bibtex_names(csl.get(csl_role), unicode=unicode)
        if names:
            out.append((field_name, "{" + names + "}"))
    if "title" in csl:
        text("title", csl["title"], protect=True)
    if biblatex:
        text("shorttitle", csl.get("title-short") or csl.get("shortTitle"), protect=True)
    container = csl.get("container-title")
    if kind in ("article", "periodical"):
        text("journaltitle" if biblatex else "journal", container)
        text("shortjournal", csl.get("container-title-short") or csl.get("journalAbbreviation"))
    elif kind in ("inproceedings", "incollection", "inreference", "inbook"):
        text("booktitle", container, protect=True)
    elif kind == "online":
        text("organization", container)
    elif kind == "misc":
        text("howpublished", container)
    elif container:
        text("series" if not csl.get("collection-title") else "booktitle", container, protect=True)
    if "collection-title" in csl:
        text("series", csl["collection-title"], protect=True)
    _date_fields(csl, biblatex, out)
    if "volume" in csl:
        text("volume", csl["volume"])
    issue = _first_string(csl.get("issue"))
    number = (
        (_first_string(csl.get("number")) or _first_string(csl.get("collection-number")))
        if "number" in csl or "collection-number" in csl
        else None
    )
    if number and number.lower().startswith("arxiv:"):
        number = None  # an arXiv id: written as eprint
    if issue:
        text("number", issue)
        if number and biblatex:
            text("issue", number)
    elif number:
        text("number", number)
    if "chapter-number" in csl:
        text("chapter", csl["chapter-number"])
    pages = _first_string(csl.get("page"))
    if pages:
        written = "--".join(
            escape_text(part, unicode=unicode) for part in bibtex_pages(pages).split("--")
        )
        out.append(("pages", "{" + written + "}"))
    if biblatex and "number-of-pages" in csl:
        text("pagetotal", csl["number-of-pages"])
    if "edition" in csl:
        text("edition", csl["edition"])
    publisher = csl.get("publisher")
    if kind in ("phdthesis", "mastersthesis"):
        text("school", publisher)
    elif kind in ("techreport", "thesis", "report"):
        text("institution", publisher)
    elif kind == "online" and biblatex:
        if not any(name == "organization" for name, _ in out):
            text("organization", publisher)  # biblatex's @online has no publisher
    else:
        text("publisher", publisher)
    text("location" if biblatex else "address", csl.get("publisher-place"))
    if kind in ("thesis", "report", "techreport", "phdthesis", "mastersthesis") and "genre" in csl:
        text("type", csl["genre"])
    if biblatex:
        text("eventtitle", csl.get("event-title") or csl.get("event"))
        if "event-place" in csl:
            text("venue", csl["event-place"])
    if "ISBN" in csl:
        text("isbn", csl["ISBN"])
    if "ISSN" in csl:
        text("issn", csl["ISSN"])
    doi = _first_string(csl["DOI"]) if "DOI" in csl else None
    if doi:
        out.append(("doi", "{" + _verbatim(doi) + "}"))
    _identifiers(csl, biblatex, text)
    url = _first_string(csl["URL"]) if "URL" in csl else None
    if url:
        out.append(("url", "{" + _verbatim(url) + "}"))
    accessed = csl.get("accessed")
    if accessed:
        parts = date_parts(accessed)
        iso = _iso(parts[0]) if parts else None
        if iso:
            out.append(("urldate", "{" + iso + "}"))
    text("language" if not biblatex else "langid", csl.get("language"))
    if "keyword" in csl:
        text("keywords", csl["keyword"])
    if "abstract" in csl:
        text("abstract", csl["abstract"])
    if "note" in csl:
        text("note", csl["note"])
    return out


def _verbatim(value: str) -> str:
    """URLs and DOIs keep their characters (BibLaTeX reads ``url`` and ``doi`` verbatim,
    BibTeX styles pass them to ``\\url``); only what would break the entry is
    percent-encoded."""
    if braces_balance(value) and "\\" not in value:
        return value
    return value.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


def _date_fields(csl: Work, biblatex: bool, out: list[tuple[str, str]]) -> None:
    issued = csl.get("issued")
    if not issued:
        return
    parts = date_parts(issued)
    if not parts:
        text = _date_text(issued)
        if text:
            out.append(("date" if biblatex else "year", "{" + escape_text(text) + "}"))
        return
    first = parts[0]
    if biblatex:
        iso = _iso(first)
        if len(parts) > 1 and _iso(parts[1]):
            iso += "/" + _iso(parts[1])
        if iso:
            out.append(("date", "{" + iso + "}"))
        return
    year = _int(first[0])
    if year is None:
        out.append(("year", "{" + escape_text(str(first[0])) + "}"))
        return
    out.append(("year", "{" + str(year) + "}"))
    month = _int(first[1]) if len(first) > 1 else None
    if month and 1 <= month <= 12:
        out.append(("month", _MONTHS[month - 1]))
    if (len(first) > 2 or len(parts) > 1) and _iso(first).count("-") == 2:
        # BibTeX has no day; BibLaTeX's ``date`` keeps it (and a range) for tools that read it.
        iso = _iso(first) + ("/" + _iso(parts[1]) if len(parts) > 1 and _iso(parts[1]) else "")
        out.append(("date", "{" + iso + "}"))


def _arxiv_id(csl: Work) -> str | None:
    number = _first_string(csl.get("number"))
    if number and number.lower().startswith("arxiv:"):
        return number[6:].strip() or None
    return None


def _identifiers(csl: Work, biblatex: bool, text: Any) -> None:
    """PubMed, PMC and arXiv ids as each dialect has them: BibLaTeX's one ``eprint`` with
    its ``eprinttype`` (biber knows no ``pmid`` field; the PMID wins the slot), BibTeX's
    ``pmid``/``pmcid`` fields (JabRef, Zotero) and ``eprint`` + ``archiveprefix`` (arXiv)."""
    arxiv = _arxiv_id(csl)
    if biblatex:
        for value, kind in ((csl.get("PMID"), "pubmed"), (csl.get("PMCID"), "pmcid"), (arxiv, "arxiv")):
            if value:
                text("eprint", value)
                text("eprinttype", kind)
                return
        return
    if "PMID" in csl:
        text("pmid", csl["PMID"])
    if "PMCID" in csl:
        text("pmcid", csl["PMCID"])
    if arxiv:
        text("eprint", arxiv)
        text("archiveprefix", "arXiv")


#: Imported ``eprinttype``/``archiveprefix`` values the CSL record already holds.
_EPRINT_KNOWN = frozenset({"pubmed", "pmid", "pmc", "pmcid", "arxiv", "doi"})


def format_entry(kind: str, key: str, fields: Iterable[tuple[str, str]]) -> str:
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@{kind}{{{key},\n{body}\n}}\n" if body else f"@{kind}{{{key}}}\n"




def _names_truncated(imported: dict[str, Any], field: str) -> bool:
    fields = imported.get("fields") or {}
    for name, value in fields.items():
        if name.lower() == field and isinstance(value, str):
            return bool(_AND_OTHERS.search(value))
    return False


def authors_truncated(item: ExportItem) -> bool:
    """Whether the author list is known to be cut: the effective record says so (``et-al``,
    set by the string parser for "et al." and by the BibTeX reader for ``and others``,
    and dropped by the merge when a longer or complete list wins)."""
    return bool(item.csl.get("et-al"))


def work_to_bibtex(item: ExportItem, dialect: str = "bibtex", *, unicode: bool = False) -> str:
    """One work as a BibTeX (or BibLaTeX) entry, keyed by its library key.

    Fields of the imported entry the CSL mapping does not cover (``file``, ``mrclass``,
    ``groups`` ...) are given back as written; an imported name list that ended
    ``and others`` ends so again.
    """
    imported = item.bibtex or {}
    kind = entry_type(item.csl, dialect, imported.get("entrytype"))
    fields = bibtex_fields(item.csl, dialect, unicode=unicode, kind=kind)
    authors_cut = authors_truncated(item)
    if imported or authors_cut:
        fields = [
            (
                name,
                value[:-1] + " and others}"
                if (name == "author" and authors_cut)
                or (name == "editor" and _names_truncated(imported, name))
                else value,
            )
            for name, value in fields
        ]
    if dialect == "biblatex" and item.aliases:
        # biber lets \cite use any of these keys too (keys the work had, or of works merged into it)
        usable = [a for a in item.aliases if re.fullmatch(r"[^\s,{}#%~\\]+", a)]
        if usable:
            fields.insert(0, ("ids", "{" + ", ".join(usable) + "}"))
    written = {name for name, _ in fields}
    extra = imported.get("fields") or {}
    if item.notes:
        # the user's notes are an annotation: ``annote`` (BibTeX and BibLaTeX), printed
        # only by annotated-bibliography styles; an imported annote comes first
        notes = _field_latex("\n\n".join(note.strip() for note in item.notes), unicode, False)
        given = next((v for n, v in extra.items() if n.lower() == "annote" and isinstance(v, str) and braces_balance(v)), None)
        fields.append(("annote", "{" + (given + "\n\n" if given else "") + notes + "}"))
        written.add("annote")
    eprint_known = any(
        k.lower() in ("eprinttype", "archiveprefix") and isinstance(v, str) and v.strip().lower() in _EPRINT_KNOWN
        for k, v in extra.items()
    )
    for name in sorted(extra, key=str.lower):
        value = extra[name]
        lowered = name.lower()
        if (
            lowered in written
            or lowered in MAPPED_FIELDS
            or (eprint_known and lowered in ("eprint", "eprinttype", "archiveprefix"))
            or not isinstance(value, str)
            or not braces_balance(value)
        ):
            continue
        fields.append((lowered, "{" + value + "}"))
        written.add(lowered)
    return format_entry(kind, item.key, fields)


def write_bibtex(
    items: Iterable[ExportItem], dialect: str = "bibtex", *, unicode: bool = False
) -> str:
    """A whole ``.bib`` file: entries in the order given, separated by blank lines."""
    return "\n".join(work_to_bibtex(item, dialect, unicode=unicode) for item in items)
