"""Turn one reference string into a CSL-JSON item (pure, never raises).

The pipeline: :mod:`.clean` reads identifiers, links and notes; :mod:`.rules` reads the
regular biomedical styles whole; anything else goes to the learned tagger in
:mod:`.tagger`; :func:`to_csl` turns the labelled pieces into CSL fields.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..csl import MONTHS, YEAR
from .clean import Cleaned, clean_reference
from .lists import join_lines
from .names import looks_like_group, parse_names
from .rules import parse_biomedical, parse_news, parse_web_page
from .tagger import MODEL_PATH, tag_reference

#: Bumped whenever the output for the same string may change, so ``reparse`` knows what is stale.
PARSER_VERSION = "1.1"

#: Longest input parsed in full; the rest of a longer string is kept in ``raw`` only.
MAX_PARSED_CHARS = 4000

_YEAR = re.compile(r"(?<![\d/.-])(" + YEAR + r")[a-z]?(?![\d])")
_DASHES = re.compile(r"\s*[-–—‐‑−]+\s*")
_VOLUME_SUPPLEMENT = re.compile(r"^(\w+)\s+((?:Suppl|Supplement|Pt|Part|Spec(?:ial)?\s+Issue|Spec No)\.?\s*\w*)$", re.IGNORECASE)
_PAGES_AS_VOLUME = re.compile(r"^(?:pp?\.|pages?)\s*\w+", re.IGNORECASE)
_PREPRINT_SERVER = re.compile(r"\b(bioRxiv|medRxiv|arXiv|ChemRxiv|Research Square|SSRN|Preprints\.org|OSF Preprints)\b", re.IGNORECASE)
_QUOTES = "\"“”‘’'«» "


def parse_reference(text: str) -> dict[str, Any]:
    """Parse one reference string into a CSL-JSON item; unreadable input gives a sparse item."""
    try:
        return _parse(text if isinstance(text, str) else str(text))
    except Exception:  # noqa: BLE001 - a parser for user input must not raise
        return {"type": "document"}


def parse_with_model(text: str, model: Path) -> dict[str, Any]:
    """Like :func:`parse_reference` with another tagger model (cross-validation, experiments)."""
    try:
        return _parse(text, model)
    except Exception:  # noqa: BLE001
        return {"type": "document"}


def _parse(text: str, model: Path = MODEL_PATH) -> dict[str, Any]:
    text = text[:MAX_PARSED_CHARS]
    if "\n" in text:
        text = join_lines(text.split("\n"))  # a PDF-wrapped string: repair "Endo-\nscopic"
    cleaned = clean_reference(text)
    fields: dict[str, Any] | None = None
    if len(cleaned.text) < 2000:
        fields = (
            parse_biomedical(cleaned.text, cleaned.emphasis)
            or parse_web_page(cleaned.text, cleaned.url)
            or parse_news(cleaned.text, cleaned.url)
        )
    if fields is None:
        fields = tag_fields(cleaned, model)
    item = to_csl(fields, cleaned)
    server = _PREPRINT_SERVER.search(cleaned.text)
    if server and item.get("type") in ("article-journal", "document", "article"):
        # A preprint: the server is the container ("bioRxiv"), whatever the tagger made of it.
        item["type"] = "article"
        if not item.get("container-title") and server.group(1).lower() != "arxiv":
            item["container-title"] = server.group(1)
        if item.get("title", "").endswith(server.group(1)):
            item["title"] = item["title"][: -len(server.group(1))].rstrip(" .")
    elif (item.get("DOI") or "").startswith("10.1101/") and item.get("type") == "article-journal" and not item.get("volume"):
        item["type"] = "article"
    return item


def tag_fields(cleaned: Cleaned, model: Path = MODEL_PATH) -> dict[str, Any]:
    """Fields for strings no rule reads: the learned tagger, or a plain fallback."""
    tagged = tag_reference(cleaned.light, cleaned.emphasis, model)
    if tagged is not None:
        return tagged
    return _fallback(cleaned.text)


def _fallback(text: str) -> dict[str, Any]:
    """Without a model: a year and the longest sentence as the title."""
    fields: dict[str, Any] = {}
    year = _YEAR.search(text)
    if year:
        fields["year"] = year.group(1)
    pieces = [p.strip() for p in re.split(r"(?<=[.?!])\s+", text) if p.strip()]
    if len(pieces) >= 2:
        fields["authors"] = pieces[0]
        fields["title"] = max(pieces[1:], key=len).rstrip(".")
    return fields


def _clean_piece(value: Any) -> str | None:
    if value is None:
        return None
    value = str(value).strip().strip(",;:").strip()
    if value[0] in _QUOTES or value[-1] in _QUOTES:
        value = value.strip(_QUOTES).strip()
    return value or None


def normalise_pages(pages: str) -> str:
    """``pp. 2414–2420`` -> ``2414-2420``; article numbers stay as printed."""
    pages = re.sub(r"^(?:pp?\.?|pages?|S\.|p\.)\s*", "", pages.strip(), flags=re.IGNORECASE)
    pages = pages.rstrip(".,;")
    return _DASHES.sub("-", pages) if re.search(r"\w\s*[-–—‐‑−]+\s*\w", pages) else pages


def to_csl(fields: dict[str, Any], cleaned: Cleaned) -> dict[str, Any]:
    """Build the CSL item from labelled pieces plus what :mod:`.clean` read."""
    item: dict[str, Any] = {}
    authors = fields.get("authors")
    if authors:
        names, et_al = parse_names(authors) if isinstance(authors, str) else (authors, False)
        if names:
            item["author"] = names
        if et_al:
            item["et-al"] = True
    if fields.get("authors_literal"):
        item.setdefault("author", []).append({"literal": fields["authors_literal"]})
    editors = fields.get("editors")
    if editors:
        names, _ = parse_names(editors)
        if names:
            item["editor"] = names
    title = _clean_piece(fields.get("title"))
    if title:
        item["title"] = title.rstrip(".") if not title.endswith("..") else title
    container = _clean_piece(fields.get("container"))
    if container:
        container = container.rstrip(".") if not re.search(r"\b[A-Z][a-z]{0,4}\.$", container) else container
        container = re.sub(r"^(?:In|in)\s*:\s*", "", container)
        item["container-title"] = container
    year = _clean_piece(fields.get("year"))
    if year:
        parts: list[int] = [int(year[:4])]
        month = fields.get("month")
        if month:
            number = MONTHS.get(str(month).rstrip(".").split("-")[0].split("/")[0].lower())
            if number:
                parts.append(number)
                day = fields.get("day")
                if day and str(day).isdigit() and 1 <= int(day) <= 31:
                    parts.append(int(day))
        item["issued"] = {"date-parts": [parts]}
    for key, target in (
        ("volume", "volume"), ("issue", "issue"), ("publisher", "publisher"), ("place", "publisher-place"),
        ("edition", "edition"), ("genre", "genre"), ("number", "number"),
    ):
        value = _clean_piece(fields.get(key))
        if value:
            item[target] = value
    edition = item.get("edition")
    if edition and re.match(r"^\d+(?:st|nd|rd|th)?\s+(?:ed|edn|edition)\.?$", edition, re.IGNORECASE):
        item["edition"] = re.match(r"\d+", edition).group(0)  # type: ignore[union-attr]
    volume = item.get("volume")
    if volume:
        supplement = _VOLUME_SUPPLEMENT.match(volume)
        if supplement and not item.get("issue"):
            item["volume"], item["issue"] = supplement.group(1), supplement.group(2)
        elif _PAGES_AS_VOLUME.match(volume) and not fields.get("pages"):
            fields = {**fields, "pages": item.pop("volume")}
    pages = _clean_piece(fields.get("pages"))
    if pages:
        item["page"] = normalise_pages(pages)
    if cleaned.doi:
        item["DOI"] = cleaned.doi
    if cleaned.pmid:
        item["PMID"] = cleaned.pmid
    if cleaned.pmcid:
        item["PMCID"] = cleaned.pmcid
    if cleaned.url:
        item["URL"] = cleaned.url
    if cleaned.accessed:
        item["accessed"] = {"date-parts": [cleaned.accessed]}
    if cleaned.notes:
        item["note"] = "; ".join(cleaned.notes)
    item["type"] = fields.get("type") or _guess_type(item, fields)
    notes = (item.get("note") or "").lower()
    if re.search(r"\b(?:dissertation|thesis)\b", notes):
        item["type"] = "thesis"
    elif "preprint" in notes:
        item["type"] = "article"
    return dict(sorted(item.items(), key=lambda kv: (kv[0] != "type", kv[0])))


def _guess_type(item: dict[str, Any], fields: dict[str, Any]) -> str:
    container = (item.get("container-title") or "").lower()
    if re.search(r"biorxiv|medrxiv|arxiv|preprint|research square|ssrn", container + " " + (item.get("URL") or "").lower()):
        return "article"
    notes = (item.get("note") or "").lower()
    if fields.get("thesis") or re.search(r"\b(?:dissertation|thesis)\b", notes):
        return "thesis"
    if "preprint" in notes:
        return "article"
    if container and (item.get("volume") or item.get("page") and not item.get("publisher")):
        if re.search(r"\b(?:proc(?:eedings)?|conference|symposium|workshop|congress|meeting|abstracts?)\b", container):
            return "paper-conference"
        return "article-journal"
    if item.get("URL") and item.get("accessed") and not container:
        return "webpage"
    if container and item.get("publisher"):
        return "chapter"
    if item.get("publisher"):
        return "book"
    if container:
        return "article-journal"
    if item.get("URL"):
        return "webpage"
    return "article-journal" if item.get("DOI") or item.get("PMID") else "document"


__all__ = ["PARSER_VERSION", "parse_reference", "looks_like_group"]
