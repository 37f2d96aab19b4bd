"""Read models for the web app's pages: what each page shows, gathered in one call.

The web layer renders these and nothing else; every rule (what differs between a
printed reference and a candidate, which notices a work carries, where a marker sits in
a manuscript's text) lives here or below, never in a route or a template.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import InputUnreadable, NotInLibrary, UsageError, VexasciteError
from . import (
    IMPORTABLE_SUFFIXES,
    MAX_IMPORT_BYTES,
    check_manuscript,
    find_near_duplicates,
    load_input,
    open_library,
    show_work,
)
from .editing import describe_value
from .library import NearMiss, NearMisses

#: Work statuses the library page filters on, with the words a reader sees.
STATUS_LABELS = {
    "unresolved": "unresolved",
    "review": "needs review",
    "not-found": "not found",
    "resolved": "verified",
    "failed": "service failed",
    "retracted": "retracted",
}


# -- the duplicates page -------------------------------------------------------------------
@dataclass(slots=True)
class DuplicatesPage:
    """One page of the pairs ``duplicates`` lists, most alike first; ``first`` is the
    number of the page's first pair in the whole list (from 1)."""

    pairs: list[NearMiss]
    total: int
    page: int
    pages: int
    first: int
    #: pairs that scored the threshold but are not listed (each work with its most alike only)
    unlisted: int = 0
    #: how many pairs each work is listed with at most
    per_work: int = 0


def duplicates_page(settings: Settings, page: int = 1, per_page: int = 50) -> DuplicatesPage:
    """The pairs of one page: a large library can have thousands, and a page of them all
    (two merge forms each) took longer to render than to find."""
    per_page = max(1, min(per_page, 500))
    pairs = find_near_duplicates(settings) if Path(settings.db).exists() else NearMisses()
    pages = max(1, -(-len(pairs) // per_page))
    page = max(1, min(page, pages))  # past the last (pairs merged meanwhile): the last page
    start = (page - 1) * per_page
    return DuplicatesPage(pairs[start:start + per_page], len(pairs), page, pages, start + 1, pairs.unlisted,
                          pairs.per_work)


# -- the library page ----------------------------------------------------------------------
@dataclass(slots=True)
class LibraryPage:
    """One page of the library table with its filters and counts; ``problems`` says what
    in the search could not be used (``year:soon``, an unknown collection)."""

    rows: list[dict[str, Any]]
    total: int
    page: int
    pages: int
    per_page: int
    facets: dict[str, list[Any]] = field(default_factory=dict)
    library_exists: bool = True
    problems: list[str] = field(default_factory=list)
    trashed: int = 0


def library_page(
    settings: Settings,
    *,
    query: str | None = None,
    year: int | None = None,
    journal: str | None = None,
    status: str | None = None,
    tag: str | None = None,
    collection: str | None = None,
    sort: str | None = None,
    descending: bool = False,
    page: int = 1,
    per_page: int = 50,
    with_facets: bool = True,
) -> LibraryPage:
    """The works (not in the trash) that a search finds and the filters pass, one sorted
    page of them with their tags. The search is ``list``'s (:mod:`vexascite.query`: field
    queries, prefixes, identifiers); any text is safe, and what cannot be used is said in
    ``problems`` rather than failing. ``with_facets`` adds the values filters offer."""
    from ..query import Clause, parse_query
    from ..store import browse
    from ..store import organise as org

    per_page = max(1, min(per_page, 500))
    page = max(1, min(page, 2**62 // per_page))  # its offset stays an SQLite integer: past the last, the last page
    if not Path(settings.db).exists():
        empty: dict[str, list[Any]] = {"years": [], "journals": [], "statuses": [], "tags": [], "collections": []}
        return LibraryPage([], 0, 1, 1, per_page, empty, library_exists=False)
    parsed = parse_query(query or "")
    problems = list(parsed.problems)
    parsed.clauses += [Clause("tag", value=tag)] if tag else []
    parsed.clauses += [Clause("collection", value=collection)] if collection else []
    with open_library(settings, create=False) as store:
        facets = browse.facet_values(store) if with_facets else {}
        if with_facets:
            facets["tags"] = org.all_tags(store)
            facets["collections"] = org.all_collections(store)
        try:
            parsed = org.resolve_collections(store, parsed)
        except NotInLibrary as exc:
            problems.append(str(exc).split(";")[0])
        if problems or (query and query.strip() and parsed.empty):
            if not problems and parsed.clauses:  # only negated clauses, as list reads them
                problems.append(f"{query!r} only leaves works out: add a word or field to search for")
            elif not problems:
                problems.append(f"{query!r} holds nothing to search for (only punctuation?)")
            return LibraryPage([], 0, 1, 1, per_page, facets, problems=problems)
        only = _retracted_ids(store) if status == "retracted" else None

        def page_rows(number: int) -> tuple[list[dict[str, Any]], int]:
            return browse.page_of_works(
                store, query=parsed, year=year, journal=journal, status=None if only is not None else status, sort=sort,
                descending=descending, offset=(number - 1) * per_page, limit=per_page, only_ids=only,
            )

        rows, total = page_rows(page)
        if not rows and total:  # past the last page (works went meanwhile, an old link): the last page
            page = max(1, -(-total // per_page))
            rows, total = page_rows(page)
        tags = org.tags_of(store, [row["id"] for row in rows])
        for row in rows:
            row["tags"] = tags[row["id"]]
        trashed = browse.trashed_count(store) if with_facets else 0
    pages = max(1, -(-total // per_page))
    return LibraryPage(rows, total, page, pages, per_page, facets, trashed=trashed)


def _work_notices(store: Any, work_id: int, pmid: str | None, title: Any, doi: str | None) -> list[dict[str, Any]]:
    """The notices a work carries (retracted, expression of concern, corrected), from its
    stored Crossref and PubMed payloads and its title, each once."""
    from ..check.notices import notices_in_pubmed, notices_updating, retracted_by_title
    from ..store import checking

    notices: list[dict[str, Any]] = []
    payloads = [
        (record["source"], record["payload"]) for record in checking.work_records(store, work_id) if record["payload"] is not None
    ]
    for source, payload in payloads:
        text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload
        try:
            data = json.loads(text) if isinstance(text, str) else text
        except ValueError:
            data = text  # PubMed's EFetch XML: read as text
        if isinstance(data, dict) and isinstance(data.get("message"), dict) and "items" in data["message"]:
            # a batch answer (a work list): only this work's item speaks of it
            data = next((item for item in data["message"]["items"] or []
                         if isinstance(item, dict) and doi and str(item.get("DOI", "")).lower() == doi.lower()), None)
        try:
            found = notices_in_pubmed(data, pmid) if source == "pubmed" else (
                notices_updating(data) if isinstance(data, dict) else [])
        except (TypeError, ValueError, KeyError, AttributeError):
            found = []
        notices.extend(n.to_dict() for n in found)
    if retracted_by_title(title):
        notices.append({"category": "retraction", "type": "title", "source": "title", "label": "the title says it is retracted"})
    seen: set[tuple[Any, ...]] = set()
    out = []
    for notice in notices:
        mark = (notice.get("category"), notice.get("doi"), notice.get("pmid"), notice.get("type"))
        if mark not in seen:
            seen.add(mark)
            out.append(notice)
    return out


def _retracted_ids(store: Any) -> list[int]:
    """Works (not in the trash) that carry a retraction notice, by the rules the work
    page uses: the store narrows to works whose title or stored payloads speak of a
    retraction, and each of those is read as its page reads it."""
    from ..store import browse

    return [
        row["id"] for row in browse.retraction_candidates(store)
        if any(n.get("category") == "retraction" for n in _work_notices(store, row["id"], row["pmid"], row["title"], row["doi"]))
    ]


# -- one work --------------------------------------------------------------------------------
def work_view(settings: Settings, key: str) -> dict[str, Any]:
    """Everything ``show`` gives for a work, plus its notices (retracted, corrected, ...)
    and the candidates waiting for review. Unknown keys raise :class:`NotInLibrary`."""
    from ..store.resolution import pending_candidates

    if not Path(settings.db).exists():
        raise NotInLibrary(f"no work with key {key!r}")
    row = show_work(settings, key)
    with open_library(settings, create=False) as store:
        row["notices"] = _work_notices(store, row["id"], row.get("pmid"), row["csl"].get("title"), row.get("doi"))
        row["candidates"] = pending_candidates(store, key)
    row["claims_count"] = len(row["claims"])
    with open_library(settings, create=False) as store:
        from ..store import organise as org

        row["known_tags"] = [t["tag"] for t in org.all_tags(store) if t["tag"] not in row["tags"]]
        row["known_collections"] = [c["path"] for c in org.all_collections(store) if c["path"] not in row["collections"]]
    edits = row.get("edits") or {}
    row["fields"] = [
        {"name": name, "value": value, "source": row["provenance"].get(name, ""), "edited": name in edits}
        for name, value in sorted(row["csl"].items())
        if name not in ("id", "title")
    ]
    row["title_edited"] = "title" in edits
    row["removed_fields"] = sorted(name for name, value in edits.items() if value is None)
    row["disagreements_shown"] = [
        {"field": name, "stated": [{"text": describe_value(v["value"]), "sources": v["sources"]} for v in values]}
        for name, values in sorted((row.get("disagreements") or {}).items())
    ]
    row["editable_fields"] = EDITABLE_FIELDS
    return row


#: Fields the work page offers to edit (any CSL variable ``edit`` takes may be typed).
EDITABLE_FIELDS = ("title", "author", "container-title", "container-title-short", "issued", "volume", "issue", "page",
                   "DOI", "PMID", "PMCID", "URL", "type", "publisher", "abstract", "note")


def work_key(settings: Settings, key: str) -> str:
    """The key of the work ``key`` names (itself, or the work an old key is an alias of);
    unknown keys raise :class:`NotInLibrary`."""
    if not Path(settings.db).exists():
        raise NotInLibrary(f"no work with key {key!r}")
    with open_library(settings, create=False) as store:
        return str(store.work_row(store.work_id_for_key(key))["key"])


def edit_from_page(settings: Settings, key: str, field_name: str, value: str, *, unset: bool = False) -> dict[str, Any]:
    """One field set (or removed) from the work page, as ``edit KEY FIELD=VALUE`` (or
    ``--unset FIELD``) does; the value is the user's text as typed."""
    from .editing import edit_work

    field_name = field_name.strip()
    if not field_name:
        raise UsageError("choose the field to edit")
    if unset:
        return edit_work(settings, key, [], [field_name])
    return edit_work(settings, key, [f"{field_name}={value}"])


def revert_from_page(settings: Settings, key: str, field_name: str) -> dict[str, Any]:
    """Drop the user's edit of one field (a value set or a removal): the sources' value
    is used again (as ``edit KEY --revert FIELD``). Returns the work's key and the fields
    whose edit was dropped."""
    from .editing import edit_work

    return edit_work(settings, key, [], revert=[field_name])


def find_view(settings: Settings, query: str, limit: int = 20) -> dict[str, Any]:
    """"What supports this statement?": the claims that match it with the works they
    cite and the evidence found in each, and the library's works that best support it
    (``suggest``), each with its best-fitting abstract sentence and summary."""
    from ..store import browse
    from ..store.claims import search_claims
    from .evidence import attach_evidence, suggested_for

    with open_library(settings, create=False) as store:
        found = search_claims(store, query, limit)
        attach_evidence(store, found["claims"])
        suggested = suggested_for(store, query, limit)
        summaries = browse.work_summaries_by_key(store, [s["key"] for s in suggested])
    found["suggested"] = [{**summaries[s["key"]], **s} for s in suggested if s["key"] in summaries]
    return found


# -- trash and collections ------------------------------------------------------------------------
def trash_view(settings: Settings) -> list[dict[str, Any]]:
    """The works in the trash, oldest first, with how many raw references and citations
    each still has (what emptying the trash detaches)."""
    from .library import list_trash

    return list_trash(settings) if Path(settings.db).exists() else []


def selection_choices(settings: Settings) -> dict[str, list[Any]]:
    """The tags and collections a page offers to choose works by."""
    if not Path(settings.db).exists():
        return {"tags": [], "collections": []}
    from .library import list_tags

    return {"tags": list_tags(settings), "collections": collections_view(settings)}


def collections_view(settings: Settings) -> list[dict[str, Any]]:
    """Every collection in tree order (parents before their sub-collections), each with
    its name, depth and counts of its own works and of those nested in it."""
    from .library import list_collections

    if not Path(settings.db).exists():
        return []
    rows = list_collections(settings)
    for row in rows:
        parts = row["path"].split("/")
        row["name"], row["depth"], row["parent"] = parts[-1], len(parts) - 1, "/".join(parts[:-1]) or None
    return sorted(rows, key=lambda row: [part.casefold() for part in row["path"].split("/")])


# -- review ------------------------------------------------------------------------------------
_COMPARED = ("title", "author", "container-title", "issued", "volume", "issue", "page", "DOI", "PMID")


def _field_text(csl: dict[str, Any], name: str) -> str:
    value = csl.get(name)
    if value is None:
        return ""
    if name == "author":
        return ", ".join(
            " ".join(part for part in (person.get("family") or person.get("literal") or "", person.get("given") or "") if part)
            for person in value if isinstance(person, dict)
        )
    if name == "issued":
        parts = (value.get("date-parts") or [[]])[0] if isinstance(value, dict) else []
        return str(parts[0]) if parts else str(value.get("literal", "")) if isinstance(value, dict) else str(value)
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return str(value)


def _fold(text: str) -> str:
    return re.sub(r"[\W_]+", " ", re.sub(r"<[^>]+>", "", text)).casefold().strip()


def diff_runs(printed: str, candidate: str) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    """Both values as runs of (text, differs): words one side has and the other lacks."""
    a, b = printed.split(), candidate.split()
    matcher = difflib.SequenceMatcher(a=[_fold(w) for w in a], b=[_fold(w) for w in b], autojunk=False)
    left: list[tuple[str, bool]] = []
    right: list[tuple[str, bool]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if i2 > i1:
            left.append((" ".join(a[i1:i2]), op != "equal"))
        if j2 > j1:
            right.append((" ".join(b[j1:j2]), op != "equal"))
    return left, right


def _agree(name: str, printed: dict[str, Any], candidate: dict[str, Any], mine: str, theirs: str) -> bool:
    """Whether two values say the same, by the rules ``check`` uses (``1461-3`` is
    ``1461-1463``; an abbreviated journal is its full title)."""
    from ..check.fields import issue_agrees, journal_agrees, pages_agree, volume_agrees

    rules = {"page": lambda: pages_agree(mine, theirs), "volume": lambda: volume_agrees(mine, theirs),
             "issue": lambda: issue_agrees(mine, theirs), "container-title": lambda: journal_agrees(mine, candidate)}
    if name in rules:
        try:
            return bool(rules[name]())
        except (TypeError, ValueError, AttributeError):
            pass
    return _fold(mine) == _fold(theirs)


def compare_records(printed: dict[str, Any], candidate: dict[str, Any]) -> list[dict[str, Any]]:
    """Field by field: the printed value, the candidate's, and whether they differ."""
    rows = []
    for name in _COMPARED:
        mine, theirs = _field_text(printed, name), _field_text(candidate, name)
        if not mine and not theirs:
            continue
        agree = bool(mine and theirs) and _agree(name, printed, candidate, mine, theirs)
        left, right = diff_runs(mine, theirs)
        if agree:
            left, right = [(mine, False)], [(theirs, False)]
        rows.append({
            "field": name, "printed": mine, "candidate": theirs, "printed_runs": left, "candidate_runs": right,
            "differs": bool(mine and theirs) and not agree, "missing": not mine or not theirs,
        })
    return rows


def review_view(settings: Settings) -> dict[str, Any]:
    """Works with candidates waiting for a decision: the printed reference beside each
    candidate, field by field, with what differs marked (``works``); and how many
    candidates wait for works in the trash, left out (``in_trash``)."""
    from ..store.resolution import (
        pending_candidates,
        pending_in_trash,
        reference_text,
        stated_record,
    )

    if not Path(settings.db).exists():
        return {"works": [], "in_trash": 0}
    works: dict[int, dict[str, Any]] = {}
    with open_library(settings, create=False) as store:
        in_trash = pending_in_trash(store)
        for row in pending_candidates(store):
            work = works.get(row["work_id"])
            if work is None:
                printed = stated_record(store, row["work_id"])
                work = works[row["work_id"]] = {
                    "key": row["work_key"], "title": row["work_title"], "reference": reference_text(store, row["work_id"]),
                    "printed": printed, "candidates": [],
                }
            work["candidates"].append({
                "id": row["id"], "source": row["source"], "score": row["score"], "reason": row["reason"],
                "doi": row["doi"], "pmid": row["pmid"], "csl": row["csl"],
                "fields": compare_records(work["printed"], row["csl"]),
            })
    return {"works": list(works.values()), "in_trash": in_trash}


# -- manuscripts ---------------------------------------------------------------------------------
def manuscripts(settings: Settings) -> list[dict[str, Any]]:
    """Linked manuscripts with their counts (sentences, claims, citations, dangling)."""
    from ..store.claims import list_documents

    if not Path(settings.db).exists():
        return []
    with open_library(settings, create=False) as store:
        rows = list_documents(store)
    for row in rows:
        row["name"] = Path(row["path"]).name
    return rows


def _text_lines(text: str, markers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The text line by line, each a list of pieces: plain text, or a marker with the
    citations it stands for (markers never cross lines in what ``link`` stores)."""
    by_span: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for marker in markers:
        if marker.get("start") is not None and marker.get("end") is not None:
            by_span.setdefault((int(marker["start"]), int(marker["end"])), []).append(marker)
    spans = sorted(by_span)
    lines: list[dict[str, Any]] = []
    offset = 0
    index = 0
    for number, line in enumerate(text.split("\n"), start=1):
        end = offset + len(line)
        pieces: list[dict[str, Any]] = []
        cursor = offset
        while index < len(spans) and spans[index][0] < end + 1:
            start, stop = spans[index]
            if start < cursor:  # overlaps the previous marker: shown with it
                index += 1
                continue
            if start > cursor:
                pieces.append({"text": text[cursor:start]})
            stop = min(stop, end)
            targets = by_span[spans[index]]
            if any(t["status"] == "removed" for t in targets):
                status = "removed"  # the work it cited was deleted from the library
            elif any(t.get("work_trashed_at") for t in targets):
                status = "trashed"
            elif all(t["status"] == "linked" for t in targets):
                status = "linked"
            else:
                status = "dangling" if any(t["status"] in ("dangling", "ambiguous") for t in targets) else "entry-only"
            pieces.append({"text": text[start:stop], "marker": targets, "status": status})
            cursor = stop
            index += 1
        if cursor < end:
            pieces.append({"text": text[cursor:end]})
        lines.append({"number": number, "pieces": pieces})
        offset = end + 1
    return lines


def _citation_evidence(store: Any, markers: list[dict[str, Any]]) -> dict[int, list[dict[str, Any]]]:
    """Per cited work, each claim citing it (line, marker, sentence) with the evidence
    its abstract gives for that sentence, as ``claims`` and ``check`` read it."""
    from ..store import evidence as stored
    from .evidence import evidence_summary, refresh_citation_evidence

    linked = [m for m in markers if m.get("work_id") is not None and m.get("claim_id") is not None]
    if not linked:
        return {}
    refresh_citation_evidence(store)
    rows = stored.citation_evidence_rows(store, {m["claim_id"] for m in linked})
    out: dict[int, list[dict[str, Any]]] = {}
    seen: set[tuple[int, int]] = set()
    for marker in linked:
        pair = (marker["claim_id"], marker["work_id"])
        if pair in seen:
            continue
        seen.add(pair)
        out.setdefault(marker["work_id"], []).append({
            "line": marker.get("line"), "target": marker.get("target"), "claim": marker.get("claim"),
            "evidence": evidence_summary(rows.get(pair)),
        })
    return out


def manuscript_view(settings: Settings, document_id: int, *, check: bool = False) -> dict[str, Any]:
    """A linked manuscript: its text with each citation marker placed and linked, the
    works it cites in order, and (with ``check``) the findings of ``check`` by line.

    Checking re-links the manuscript first, as the ``check`` command does; reading only
    shows what is stored. A file that moved or changed since linking is said so.
    """
    import hashlib

    from ..link.documents import read_manuscript
    from ..store import browse
    from ..store.claims import cited_work_ids_in_order, markers_of_document

    if not Path(settings.db).exists():
        raise NotInLibrary(f"no manuscript {document_id}")
    with open_library(settings, create=False) as store:
        document = browse.document_by_id(store, document_id)
        if document is None:
            raise NotInLibrary(f"no manuscript {document_id}; the manuscripts page lists them")
        markers = markers_of_document(store, document["path"])
        cited_ids = cited_work_ids_in_order(store, document["path"])
        summaries = browse.work_summaries_by_id(store, cited_ids)
        evidence = _citation_evidence(store, markers)
    view: dict[str, Any] = {"document": document, "name": Path(document["path"]).name, "problem": None,
                            "findings": None, "summary": None, "lines": []}
    labels: dict[int, list[str]] = {}
    for marker in markers:
        if marker.get("work_id") is not None and marker.get("target") not in labels.setdefault(marker["work_id"], []):
            labels[marker["work_id"]].append(marker["target"])
    view["cited"] = [{**summaries[i], "cited_as": labels.get(i, []), "evidence": evidence.get(i, [])}
                     for i in cited_ids if i in summaries]
    numbered: dict[int, int] = {}
    for position, work_id in enumerate(cited_ids, start=1):
        numbered[work_id] = position
    for marker in markers:
        marker["position"] = numbered.get(marker.get("work_id") or -1)
    try:
        manuscript = read_manuscript(Path(document["path"]))
    except (InputUnreadable, OSError) as exc:
        view["problem"] = f"the file cannot be read now ({exc}); showing the stored claims only"
        manuscript = None
    if manuscript is not None:
        if hashlib.sha256(manuscript.text.encode("utf-8")).hexdigest() != document["sha256"]:
            view["problem"] = "the file changed since it was linked: markers may sit in the wrong places; check it to link it again"
        view["lines"] = _text_lines(manuscript.text, markers)
    view["markers"] = markers
    view["trashed_cited"] = sum(1 for work in view["cited"] if work.get("trashed_at"))
    view["removed_markers"] = sum(1 for marker in markers if marker["status"] == "removed")
    if check:
        if manuscript is None:
            raise UsageError(f"{document['path']}: cannot check a manuscript whose file cannot be read")
        report = check_manuscript(settings, document["path"], document.get("list_path"))
        data = report.to_dict()
        view["summary"] = data["summary"]
        by_line: dict[int, list[dict[str, Any]]] = {}
        unplaced: list[dict[str, Any]] = []
        for finding in data["findings"]:
            if finding.get("line"):
                by_line.setdefault(int(finding["line"]), []).append(finding)
            else:
                unplaced.append(finding)
        view["findings"] = {"by_line": by_line, "unplaced": unplaced, "all": data["findings"]}
        # the manuscript was linked again: show its fresh markers
        refreshed = manuscript_view(settings, document_id)
        for name in ("lines", "markers", "cited", "trashed_cited", "removed_markers"):
            view[name] = refreshed[name]
        view["problem"] = refreshed["problem"]
    return view


#: Manuscripts the app links from an upload (what ``link`` reads).
MANUSCRIPT_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".text", ".docx", ".pdf"})


def link_uploaded(settings: Settings, manuscript: Path, reference_list: Path | None = None) -> int:
    """Link an uploaded manuscript as ``link`` does (with a separate reference list when
    given); returns the id of its page. Only the formats ``link`` reads are taken."""
    from ..store.claims import document_row
    from . import link_manuscript

    for path, what in ((manuscript, "manuscript"), (reference_list, "reference list")):
        if path is None:
            continue
        allowed = MANUSCRIPT_SUFFIXES if what == "manuscript" else UPLOAD_SUFFIXES
        if path.suffix.lower() not in allowed:
            raise UsageError(f"{path.name}: not a {what} vexascite reads ({', '.join(sorted(allowed))})")
    report = link_manuscript(settings, manuscript, reference_list)
    with open_library(settings, create=False) as store:
        row = document_row(store, report.path)
    if row is None:  # link stores every manuscript it reads; not finding it is a bug
        raise VexasciteError(f"{manuscript.name} was linked but its page cannot be found")
    return int(row["id"])


# -- formatted bibliography -----------------------------------------------------------------------
#: A page formats at most this many works at once (citeproc takes about 10 ms a work).
FORMAT_ON_PAGE_LIMIT = 1000


def formatted_for_page(
    settings: Settings, style: str, *, keys: list[str] | None = None, cited_in: str | None = None,
    tag: str | None = None, collection: str | None = None,
) -> tuple[Any, str | None]:
    """A formatted bibliography to show and copy, or why there is none: the whole of a
    large library is a job for ``vexascite format -o FILE``, not a page. ``tag`` and
    ``collection`` choose works as ``export --tag/--collection`` do."""
    from . import format_library, library_stats
    from .library import selected_keys

    if tag or collection:
        with open_library(settings, create=False) as store:
            keys = selected_keys(store, _split(keys), tag or None, collection or None)
        if not keys:
            return None, "no works (outside the trash) are in this selection"
    if keys is None and cited_in is None:
        works = library_stats(settings)["works"]
        if works > FORMAT_ON_PAGE_LIMIT:
            return None, (
                f"the library holds {works:,} works: choose keys, a tag, a collection or a manuscript to format here "
                f"(at most {FORMAT_ON_PAGE_LIMIT:,}), or run 'vexascite format --style {style} -o references.txt'"
            )
    if keys is not None and len(keys) > FORMAT_ON_PAGE_LIMIT:
        return None, (f"{len(keys):,} works chosen: at most {FORMAT_ON_PAGE_LIMIT:,} are formatted here; "
                      f"run 'vexascite format --style {style} -o references.txt' for more")
    return format_library(settings, style, keys=keys, cited_in=cited_in), None


def _split(keys: list[str] | None) -> list[str] | None:
    """Keys as a page names them (``a, b c``), one by one."""
    if keys is None:
        return None
    return [key for text in keys for key in text.replace(",", " ").split() if key]


# -- import preview ------------------------------------------------------------------------------
#: Uploads the web app accepts (what ``import`` reads, and the reference lists of Word and
#: PDF documents).
UPLOAD_SUFFIXES = frozenset(IMPORTABLE_SUFFIXES) | {".docx", ".pdf"}


def preview_files(paths: list[Path]) -> list[dict[str, Any]]:
    """Parse files as ``import`` would, without storing anything: per file its format,
    entries (fields read, status, line) and problems, so they can be checked first."""
    from ..importers import prepared_parts

    out = []
    for path in paths:
        item: dict[str, Any] = {"name": path.name, "format": None, "entries": [], "problems": [], "error": None}
        if path.suffix.lower() not in UPLOAD_SUFFIXES:
            item["error"] = f"{path.name}: not a format vexascite reads ({', '.join(sorted(UPLOAD_SUFFIXES))})"
            out.append(item)
            continue
        try:
            loaded = load_input(path)
            item["format"] = loaded.format
            item["problems"] = [{"line": p.line, "message": p.message, "entry": p.entry_key} for p in loaded.problems]
            for part in prepared_parts(loaded.format, loaded.text):
                item["problems"].extend({"line": p.line, "message": p.message, "entry": p.entry_key} for p in part.problems)
                for ref in part.references:
                    fields = ref.fields
                    item["entries"].append({
                        "line": ref.line, "status": str(ref.status), "message": ref.message, "raw": ref.raw,
                        "title": fields.get("title"), "authors": _field_text(fields, "author"),
                        "year": _field_text(fields, "issued"), "journal": fields.get("container-title"),
                        "doi": fields.get("DOI"), "pmid": fields.get("PMID"), "number": ref.number,
                    })
        except (InputUnreadable, UsageError) as exc:
            item["error"] = str(exc).replace(str(path), path.name)  # the file the person chose, not the app's copy
        except VexasciteError as exc:  # a parser's own failure: said, not hidden
            item["error"] = f"{path.name}: {exc}"
        out.append(item)
    return out


def import_uploaded(settings: Settings, paths: list[Path]) -> tuple[Any, list[str]]:
    """Import files as ``import`` does; also the keys of the works they brought that are
    not resolved yet, so resolving them next asks only about these."""
    from ..store import browse
    from . import import_paths

    report = import_paths(settings, paths)
    for file in report.files:  # said of the file the person chose, not of the app's copy in its upload folder
        if file.message:
            file.message = file.message.replace(file.path, Path(file.path).name)
    with open_library(settings, create=False) as store:
        keys = browse.unresolved_keys_of_sources(store, [str(path.resolve()) for path in paths])
    return report, keys


def title_runs(text: str | None) -> list[tuple[str, frozenset[str]]]:
    """A title (or abstract) as runs of text with the styles a page may show: italic,
    bold, superscript, subscript, small caps, as :func:`vexascite.richtext.parse_markup`
    reads the field's CSL rich text (any tag but a style tag, ``<script>``, ``<img>``, is
    text and shown as written; the page escapes everything)."""
    from ..richtext import parse_markup

    return list(parse_markup(text)) if text else []


__all__ = [
    "MAX_IMPORT_BYTES",
    "STATUS_LABELS",
    "LibraryPage",
    "collections_view",
    "compare_records",
    "diff_runs",
    "edit_from_page",
    "find_view",
    "revert_from_page",
    "formatted_for_page",
    "import_uploaded",
    "link_uploaded",
    "library_page",
    "manuscript_view",
    "manuscripts",
    "preview_files",
    "review_view",
    "selection_choices",
    "title_runs",
    "trash_view",
    "work_key",
    "work_view",
]
