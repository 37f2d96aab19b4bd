"""DOI, PMID and PMCID: recognise, normalise and validate identifiers (pure)."""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

IdKind = Literal["doi", "pmid", "pmcid"]

#: The CSL variable that holds each kind of identifier.
CSL_FIELD: dict[str, str] = {"doi": "DOI", "pmid": "PMID", "pmcid": "PMCID"}

#: How every DOI starts ("10." registrant "/"): one pattern for every module that finds DOIs in text.
DOI_START = r"10\.\d{4,9}/"

_DOI_CORE = re.compile(DOI_START + r"\S+", re.IGNORECASE)
_DOI_PREFIXES = re.compile(
    r"^(?:doi\s*[:=]?\s*|(?:https?://)?(?:dx\.)?doi\.org/|(?:https?://)?(?:www\.)?doi\.org/|info:doi/)",
    re.IGNORECASE,
)
#: What a DOI's suffix may hold: Crossref's pattern (``[-._;()/:A-Z0-9]``, nearly every
#: DOI registered) and the few more characters older registered DOIs use (``[]+#*&,=~?!@$%``);
#: ``<`` and ``>`` only as a SICI segment (``<693::AID-ASI4>``). Never quotes, backslashes,
#: braces, spaces, control or non-ASCII characters: no registered DOI has them, and a DOI is
#: written into URLs, attributes, BibTeX and LaTeX, where they would be markup.
_DOI_VALID = re.compile(r"10\.\d{4,9}/(?:[-._;()/:A-Za-z0-9\[\]+#*&,=~?!@$%]|<[\w.-]*:[\w:.-]*>)+")
#: The rule in words, for messages.
DOI_RULE = "10.NNNN/ then letters, digits and - . _ ; ( ) / : (no quotes, spaces, braces or tags)"
_PMID = re.compile(r"^(?:pmid|pubmed(?:\s*id)?)?\s*[:#]?\s*(\d{1,9})$", re.IGNORECASE)
_PMID_URL = re.compile(r"^(?:https?://)?(?:www\.)?(?:pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov/pubmed)/(\d{1,9})/?$", re.IGNORECASE)
_PMCID = re.compile(r"^(?:pmcid\s*[:#]?\s*)?(?:PMC)(\d{1,9})$", re.IGNORECASE)
_PMCID_URL = re.compile(r"^(?:https?://)?(?:www\.)?(?:ncbi\.nlm\.nih\.gov/pmc/articles|pmc\.ncbi\.nlm\.nih\.gov/articles)/PMC(\d{1,9})/?$", re.IGNORECASE)
_TRAILING = ".,;:)]}>'\"\\"
#: Hyphens that typesetting and PDF text put where a DOI has ``-`` (U+2010, U+2011), and the
#: soft hyphen a line break leaves: no DOI holds them, so they are read as what was meant.
_TYPESET_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u00ad": None})


def normalize_doi(text: str | None) -> str | None:
    """Return the DOI in ``text`` lower-cased and without prefixes, or None.

    DOIs are case-insensitive, so lower case is the comparison form.
    """
    doi = clean_doi(text)
    return doi.lower() if doi else None


def clean_doi(text: str | None) -> str | None:
    """Return the DOI in ``text`` as written (case kept) without prefixes, or None.

    Trailing punctuation from sentences and brackets is dropped unless it is balanced; a
    DOI with a character no DOI has (``10.5555/x"><script>``) is refused, not cut short:
    the one DOI rule, which every importer, ``edit``, ``add`` and each resolver apply.
    """
    if not text:
        return None
    value = _DOI_PREFIXES.sub("", text.strip())
    if not value.isascii():
        value = value.translate(_TYPESET_HYPHENS)
    match = _DOI_CORE.search(value)
    if not match:
        return None
    doi = match.group(0)
    while doi and (doi[-1] in _TRAILING or (doi[-1] > "\x7e" and unicodedata.category(doi[-1])[0] in "PZ")):  # ” 。
        closing = doi[-1]
        opening = {")": "(", "]": "[", "}": "{", ">": "<"}.get(closing)
        if opening and doi.count(opening) >= doi.count(closing):
            break
        doi = doi[:-1]
    doi = doi.replace("%2F", "/").replace("%2f", "/")
    return doi if _DOI_VALID.fullmatch(doi) else None


def normalize_pmid(text: str | int | None) -> str | None:
    """Return a PMID as digits without leading zeros, or None if it is not one."""
    if text is None:
        return None
    value = str(text).strip()
    match = _PMID.match(value) or _PMID_URL.match(value)
    if not match:
        return None
    digits = match.group(1).lstrip("0")
    return digits or None


def normalize_pmcid(text: str | None) -> str | None:
    """Return a PMCID as ``PMC`` plus digits, or None."""
    if not text:
        return None
    value = text.strip()
    match = _PMCID.match(value) or _PMCID_URL.match(value)
    if not match:
        return None
    digits = match.group(1).lstrip("0")
    return f"PMC{digits}" if digits else None


def classify_identifier(text: str) -> tuple[IdKind, str] | None:
    """Say which identifier a written form is (``doi:``, URLs, ``PMID: ...``), normalised.

    Bare digits are taken as a PMID, the only identifier written that way.
    """
    value = text.strip().strip(_TRAILING + " ")
    if not value:
        return None
    pmcid = normalize_pmcid(value)
    if pmcid:
        return ("pmcid", pmcid)
    if re.match(r"^(?:doi|https?://|info:doi|10\.)", value, re.IGNORECASE) or "doi.org/" in value.lower():
        doi = normalize_doi(value)
        if doi:
            return ("doi", doi)
    pmid = normalize_pmid(value)
    if pmid:
        return ("pmid", pmid)
    return None
