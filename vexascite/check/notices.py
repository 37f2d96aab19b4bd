"""Retractions, expressions of concern and corrections, read from service payloads (pure).

Crossref states them two ways round: a work's ``updated-by`` lists the notices that
update it (this work is retracted), a notice's ``update-to`` and ``relation`` name the
work it updates (this item *is* a notice). Entries with ``source: retraction-watch``
come from the Retraction Watch database and are preferred over publisher deposits for
the same notice, since publishers sometimes deposit the relation the wrong way round.
PubMed marks the same facts with publication types and comment/correction links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..ids import normalize_doi

#: Crossref update types, grouped by what they mean for someone citing the work.
RETRACTION_TYPES = frozenset({"retraction", "withdrawal", "removal", "partial_retraction", "partial-retraction"})
CONCERN_TYPES = frozenset({"expression_of_concern", "expression-of-concern", "concern"})
CORRECTION_TYPES = frozenset({"correction", "erratum", "corrigendum", "addendum", "clarification", "reinstatement"})

_RANK = {"retraction": 0, "expression-of-concern": 1, "correction": 2}
_TITLE_RETRACTED = re.compile(r"^\s*(?:retracted(?:\s+article)?|withdrawn)\s*[:.\-\u2014]", re.IGNORECASE)


@dataclass(slots=True, frozen=True)
class Notice:
    """One notice about a work: its DOI (or PMID), what it is, when, and who said so."""

    category: str  # retraction | expression-of-concern | correction
    type: str  # as the service wrote it: retraction, erratum, expression_of_concern, ...
    doi: str | None
    date: str | None
    source: str  # a label of vexascite.merge's vocabulary: retraction-watch, publisher, relation, pubmed, crossref, ...
    label: str | None = None
    record_id: str | None = None
    pmid: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = {
            "category": self.category,
            "type": self.type,
            "doi": self.doi,
            "pmid": self.pmid,
            "date": self.date,
            "source": self.source,
            "label": self.label,
            "record_id": self.record_id,
        }
        return {k: v for k, v in data.items() if v is not None}


def category_of(update_type: str | None) -> str | None:
    value = (update_type or "").strip().lower().replace(" ", "_")
    if value in RETRACTION_TYPES:
        return "retraction"
    if value in CONCERN_TYPES:
        return "expression-of-concern"
    if value in CORRECTION_TYPES:
        return "correction"
    return None


def _date(entry: dict[str, Any]) -> str | None:
    updated = entry.get("updated") or {}
    parts = (updated.get("date-parts") or [[None]])[0] if isinstance(updated, dict) else [None]
    if not parts or parts[0] is None:
        return None
    return "-".join(f"{int(p):02d}" if i else str(p) for i, p in enumerate(parts) if p is not None)


def _message(payload: dict[str, Any]) -> dict[str, Any]:
    """The work inside a Crossref response, whether given the envelope or the message."""
    inner = payload.get("message")
    return inner if isinstance(inner, dict) else payload


_NOTICE_TITLE = re.compile(
    r"^\s*(?:retraction|notice of retraction|retraction notice|erratum|errata|corrigendum|correction|"
    r"expression of concern|notice of concern)\b",
    re.IGNORECASE,
)


def _entry_notice(entry: dict[str, Any]) -> Notice | None:
    category = category_of(entry.get("type"))
    if category is None:
        return None
    return Notice(
        category,
        str(entry.get("type")),
        normalize_doi(entry.get("DOI")),
        _date(entry),
        str(entry.get("source") or "publisher"),
        entry.get("label"),
        str(entry["record-id"]) if entry.get("record-id") is not None else None,
    )


def crossref_updates(payload: dict[str, Any]) -> tuple[list[Notice], list[Notice]]:
    """Read a Crossref payload both ways round: (notices that update this work, works this
    item is a notice about), one per DOI and category, most serious first.

    A DOI named in both ``updated-by`` and ``update-to`` was deposited the wrong way round
    on one side; the side Retraction Watch states wins, then the item's title decides
    (``RETRACTED: ...`` is a retracted work, ``Retraction—...`` is a notice), and
    otherwise the work is taken to be updated, the safer reading for someone citing it.
    """
    message = _message(payload)
    updating = [n for e in message.get("updated-by") or [] if isinstance(e, dict) and (n := _entry_notice(e))]
    targets = [n for e in message.get("update-to") or [] if isinstance(e, dict) and (n := _entry_notice(e))]
    for relation, items in (message.get("relation") or {}).items():
        for item in items or []:
            if not (isinstance(item, dict) and item.get("id-type") == "doi"):
                continue
            doi = normalize_doi(item.get("id"))
            if relation in _RELATION_UPDATED_BY:
                updating.append(Notice(_RELATION_UPDATED_BY[relation], relation, doi, None, "relation"))
            elif relation in _RELATION_NOTICE_OF:
                targets.append(Notice(_RELATION_NOTICE_OF[relation], relation, doi, None, "relation"))
    own = normalize_doi(message.get("DOI"))
    title = message.get("title")
    title = title[0] if isinstance(title, list) and title else title
    looks_retracted = retracted_by_title(title)
    looks_notice = bool(isinstance(title, str) and _NOTICE_TITLE.match(title)) and not looks_retracted
    contested = {n.doi for n in updating} & {n.doi for n in targets}
    keep_updating: list[str | None] = []
    keep_targets: list[str | None] = []
    for doi in contested:
        curated_up = any(n.source == "retraction-watch" for n in updating if n.doi == doi)
        curated_to = any(n.source == "retraction-watch" for n in targets if n.doi == doi)
        if curated_up != curated_to:
            (keep_updating if curated_up else keep_targets).append(doi)
        elif looks_notice:
            keep_targets.append(doi)
        else:
            keep_updating.append(doi)
    updating = [n for n in updating if n.doi != own and (n.doi not in contested or n.doi in keep_updating)]
    targets = [n for n in targets if n.doi != own and (n.doi not in contested or n.doi in keep_targets)]
    return _prefer_curated(updating), _prefer_curated(targets)


_RELATION_UPDATED_BY = {
    "is-retracted-by": "retraction",
    "has-retraction": "retraction",
    "is-corrected-by": "correction",
    "has-correction": "correction",
    "has-expression-of-concern": "expression-of-concern",
}
_RELATION_NOTICE_OF = {
    "retraction": "retraction",
    "is-retraction-of": "retraction",
    "correction": "correction",
    "is-correction-of": "correction",
    "is-expression-of-concern-for": "expression-of-concern",
}


def notices_updating(payload: dict[str, Any]) -> list[Notice]:
    """Notices that update the work in a Crossref payload (see :func:`crossref_updates`)."""
    return crossref_updates(payload)[0]


def notice_targets(payload: dict[str, Any]) -> list[Notice]:
    """Works the item in a Crossref payload is itself a notice about."""
    return crossref_updates(payload)[1]


def _prefer_curated(raw: list[Notice]) -> list[Notice]:
    """For each notice DOI keep Retraction Watch's statement when there is one, else the
    most serious publisher statement; order by seriousness then date."""
    by_doi: dict[str | None, list[Notice]] = {}
    for notice in raw:
        by_doi.setdefault(notice.doi, []).append(notice)
    chosen: list[Notice] = []
    for doi, group in by_doi.items():
        curated = [n for n in group if n.source == "retraction-watch"]
        pool = curated or group
        if doi is None:
            chosen.extend(pool)
            continue
        chosen.append(min(pool, key=lambda n: (_RANK[n.category], n.date or "")))
    return sorted(chosen, key=lambda n: (_RANK[n.category], n.source != "retraction-watch", n.date or ""))


def retracted_by_title(title: str | list[str] | None) -> bool:
    """Publishers prefix a retracted article's title with ``RETRACTED:``."""
    if isinstance(title, list):
        title = title[0] if title else None
    return bool(title and _TITLE_RETRACTED.match(title))


# -- PubMed -----------------------------------------------------------------------------
_PUBMED_PUBTYPES = {
    "retracted publication": "retraction",
    "expression of concern": None,  # the notice itself, not the work it concerns
    "retraction of publication": None,
}
_COMMENT = re.compile(
    r"<CommentsCorrections\s+RefType=\"(RetractionIn|ExpressionOfConcernIn|ErratumIn|CorrectionIn)\"[^>]*>(.*?)</CommentsCorrections>",
    re.DOTALL,
)


def notices_in_pubmed(payload: dict[str, Any] | str, pmid: str | None = None) -> list[Notice]:
    """Notices PubMed states about one article (``pmid``; a batch answer holds many): an
    ESummary record's ``pubtype`` (``Retracted Publication``) or, in EFetch XML,
    ``CommentsCorrections`` of type ``RetractionIn``/``ExpressionOfConcernIn``/``ErratumIn``."""
    found: list[Notice] = []
    if isinstance(payload, str):
        articles = re.findall(r"<PubmedArticle>.*?</PubmedArticle>", payload, re.DOTALL) or [payload]
        if pmid:
            articles = [a for a in articles if re.search(rf"<PMID[^>]*>{re.escape(str(pmid))}</PMID>", a)]
        for article in articles:
            for ref_type, body in _COMMENT.findall(article):
                notice_pmid = re.search(r"<PMID[^>]*>(\d+)</PMID>", body)
                category = {"RetractionIn": "retraction", "ExpressionOfConcernIn": "expression-of-concern"}.get(
                    ref_type, "correction"
                )
                label = re.sub(r"<[^>]+>", "", body).strip()[:200]
                found.append(Notice(category, ref_type, None, None, "pubmed", label, None,
                                    notice_pmid.group(1) if notice_pmid else None))
        return found
    records = [payload]
    result = payload.get("result")
    if isinstance(result, dict):
        uids = [str(pmid)] if pmid else [str(u) for u in result.get("uids", [])]
        records = [result[uid] for uid in uids if isinstance(result.get(uid), dict)]
    for record in records:
        for pubtype in record.get("pubtype") or []:
            if _PUBMED_PUBTYPES.get(str(pubtype).lower()) == "retraction":
                found.append(Notice("retraction", str(pubtype), None, None, "pubmed", str(pubtype)))
    return found
