"""Read models for the web app's pages: what each page shows, gathered in one call.

The web layer renders these and nothing else; every rule (what differs between a
printed reference and a candidate, which notices a work carries, where a marker sits in
a manuscript's text) lives here or below, never in a route or a template.
"""

from __future__ import annotations

import difflib
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
    load_input,
    open_library,
    show_work,
)

#: Work statuses the library page filters on, with the words a reader sees.
STATUS_LABELS = {
    "unresolved": "unresolved",
    "review": "needs review",
    "not-found": "not found",
    "resolved": "verified",
    "failed": "service failed",
}


# -- the library page ----------------------------------------------------------------------
@dataclass(slots=True)
class LibraryPage:
    """One page of the library table with its filters and counts."""

    rows: list[dict[str, Any]]
    total: int
    page: int
    pages: int
    per_page: int
    facets: dict[str, list[Any]] = field(default_factory=dict)
    library_exists: bool = True


def library_page(
    settings: Settings,
    *,
    query: str | None = None,
    year: int | None = None,
    journal: str | None = None,
    status: str | None = None,
    sort: str | None = None,
    descending: bool = False,
    page: int = 1,
    per_page: int = 50,
    with_facets: bool = True,
) -> LibraryPage:
    """The works matching a search and filters, one sorted page of them (the ``list``
    search: any text is a safe query); ``with_facets`` adds the values filters offer."""
    from ..store import browse

    per_page = max(1, min(per_page, 500))
    page = max(1, page)
    if not Path(settings.db).exists():
        return LibraryPage([], 0, 1, 1, per_page, {"years": [], "journals": [], "statuses": []}, library_exists=False)
    with open_library(settings, create=False) as store:
        rows, total = browse.page_of_works(
            store, query=query, year=year, journal=journal, status=status, sort=sort, descending=descending,
            offset=(page - 1) * per_page, limit=per_page,
        )
        facets = browse.facet_values(store) if with_facets else {}
    pages = max(1, -(-total // per_page))
    return LibraryPage(rows, total, page, pages, per_page, facets)


# -- one work --------------------------------------------------------------------------------
def work_view(settings: Settings, key: str) -> dict[str, Any]:
    """Everything ``show`` gives for a work, plus its notices (retracted, corrected, ...)
    and the candidates waiting for review. Unknown keys raise :class:`NotInLibrary`."""
    from ..check.notices import notices_in_pubmed, notices_updating, retracted_by_title
    from ..store import checking
    from ..store.resolution import pending_candidates

    if not Path(settings.db).exists():
        raise NotInLibrary(f"no work with key {key!r}")
    row = show_work(settings, key)
    notices: list[dict[str, Any]] = []
    with open_library(settings, create=False) as store:
        for source, payload in checking.work_payloads(store, row["id"]):
            try:
                found = notices_in_pubmed(payload, row.get("pmid")) if source == "pubmed" else notices_updating(payload)
            except (TypeError, ValueError, KeyError, AttributeError):
                found = []
            notices.extend(n.to_dict() for n in found)
        row["candidates"] = pending_candidates(store, key)
    if retracted_by_title(row["csl"].get("title")):
        notices.append({"category": "retraction", "type": "title", "source": "title", "label": "the title says it is retracted"})
    seen: set[tuple[Any, ...]] = set()
    row["notices"] = []
    for notice in notices:
        mark = (notice.get("category"), notice.get("doi"), notice.get("pmid"), notice.get("type"))
        if mark not in seen:
            seen.add(mark)
            row["notices"].append(notice)
    row["fields"] = [
        {"name": name, "value": value, "source": row["provenance"].get(name, "")}
        for name, value in sorted(row["csl"].items())
        if name not in ("id", "title")
    ]
    return row


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


def review_view(settings: Settings) -> list[dict[str, Any]]:
    """Works with candidates waiting for a decision: the printed reference beside each
    candidate, field by field, with what differs marked."""
    from ..store.resolution import pending_candidates, reference_text, stated_record

    if not Path(settings.db).exists():
        return []
    works: dict[int, dict[str, Any]] = {}
    with open_library(settings, create=False) as store:
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
    return list(works.values())


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
            status = "linked" if all(t["status"] == "linked" for t in targets) else (
                "dangling" if any(t["status"] in ("dangling", "ambiguous") for t in targets) else "entry-only"
            )
            pieces.append({"text": text[start:stop], "marker": targets, "status": status})
            cursor = stop
            index += 1
        if cursor < end:
            pieces.append({"text": text[cursor:end]})
        lines.append({"number": number, "pieces": pieces})
        offset = end + 1
    return lines


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
    view: dict[str, Any] = {"document": document, "name": Path(document["path"]).name, "problem": None,
                            "findings": None, "summary": None, "lines": []}
    labels: dict[int, list[str]] = {}
    for marker in markers:
        if marker.get("work_id") is not None and marker.get("target") not in labels.setdefault(marker["work_id"], []):
            labels[marker["work_id"]].append(marker["target"])
    view["cited"] = [{**summaries[i], "cited_as": labels.get(i, [])} for i in cited_ids if i in summaries]
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
        view["lines"], view["markers"], view["cited"] = refreshed["lines"], refreshed["markers"], refreshed["cited"]
        view["problem"] = refreshed["problem"]
    return view


# -- formatted bibliography -----------------------------------------------------------------------
#: A page formats at most this many works at once (citeproc takes about 10 ms a work).
FORMAT_ON_PAGE_LIMIT = 1000


def formatted_for_page(
    settings: Settings, style: str, *, keys: list[str] | None = None, cited_in: str | None = None
) -> tuple[Any, str | None]:
    """A formatted bibliography to show and copy, or why there is none: the whole of a
    large library is a job for ``vexascite format -o FILE``, not a page."""
    from . import format_library, library_stats

    if keys is None and cited_in is None:
        works = library_stats(settings)["works"]
        if works > FORMAT_ON_PAGE_LIMIT:
            return None, (
                f"the library holds {works:,} works: choose keys or a manuscript to format here "
                f"(at most {FORMAT_ON_PAGE_LIMIT:,}), or run 'vexascite format --style {style} -o references.txt'"
            )
    return format_library(settings, style, keys=keys, cited_in=cited_in), None


# -- import preview ------------------------------------------------------------------------------
#: Uploads the web app accepts (what ``import`` reads, and Word manuscripts' reference lists).
UPLOAD_SUFFIXES = frozenset(IMPORTABLE_SUFFIXES) | {".docx"}


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
            item["error"] = str(exc)
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
    with open_library(settings, create=False) as store:
        keys = browse.unresolved_keys_of_sources(store, [str(path.resolve()) for path in paths])
    return report, keys


_TAG = re.compile(r"<(/?)([A-Za-z][\w:.-]*)((?:\s[^<>]*)?)(/?)>")
_SHOWN_STYLES = {"i": "italic", "em": "italic", "italic": "italic", "b": "bold", "strong": "bold", "bold": "bold",
                 "sup": "sup", "sub": "sub", "sc": "smallcaps", "scp": "smallcaps", "smallcaps": "smallcaps"}


def title_runs(text: str | None) -> list[tuple[str, frozenset[str]]]:
    """A title (or abstract) from a file or service as runs of text with the styles a
    page may show: italic, bold, superscript, subscript, small caps.

    Crossref writes these in HTML or JATS (``<i>``, ``<jats:italic>``, ``<scp>``); other
    JATS and MathML tags (``<jats:p>``, ``<mml:mi>``) are structure and only their text
    is kept; every other tag (``<script>``, ``<img>``) is not markup at all but text, and
    is shown as written. Entities are decoded (the page escapes everything again).
    """
    import html

    if not text:
        return []
    runs: list[tuple[str, frozenset[str]]] = []
    depth: dict[str, int] = {}
    spans: list[bool] = []  # open <span>s: whether each set small caps

    def add(piece: str) -> None:
        if piece:
            styles = frozenset(style for style, n in depth.items() if n > 0)
            if runs and runs[-1][1] == styles:
                runs[-1] = (runs[-1][0] + piece, styles)
            else:
                runs.append((piece, styles))

    cursor = 0
    for match in _TAG.finditer(text):
        add(html.unescape(text[cursor : match.start()]))
        cursor = match.end()
        closing, name, attributes = match.group(1), match.group(2).lower(), match.group(3) or ""
        local = name.split(":", 1)[1] if name.startswith(("jats:", "mml:")) else name
        style = _SHOWN_STYLES.get(local)
        if local == "span" and not match.group(4):
            if closing:
                style = "smallcaps" if spans and spans.pop() else None
            else:
                spans.append("small-caps" in attributes.replace(" ", ""))
                style = "smallcaps" if spans[-1] else None
        if style is not None:
            if match.group(4):  # <i/>: nothing to style
                continue
            depth[style] = max(0, depth.get(style, 0) + (-1 if closing else 1))
        elif ":" in name or local == "span":
            continue  # JATS/MathML structure: its text is kept, the tag is not
        else:
            add(match.group(0))  # not a style: shown as the text it is
    add(html.unescape(text[cursor:]))
    return runs


__all__ = [
    "MAX_IMPORT_BYTES",
    "STATUS_LABELS",
    "LibraryPage",
    "compare_records",
    "diff_runs",
    "formatted_for_page",
    "import_uploaded",
    "library_page",
    "manuscript_view",
    "manuscripts",
    "preview_files",
    "review_view",
    "title_runs",
    "work_view",
]
