"""Check: a manuscript's citations audited against its list and the verified records."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import CannotWrite, VexasciteError
from .common import notice, open_library
from .linking import LinkReport, link_manuscript


def check_manuscript(
    settings: Settings, path: str | os.PathLike[str], list_path: str | os.PathLike[str] | None = None
) -> Any:
    """Check a manuscript's citations: markers against its list, printed fields against
    the verified records, retractions and corrections (see :mod:`vexascite.check`).

    The manuscript is linked first (:func:`link_manuscript`: its own lists imported if
    new or changed, its markers linked; ``list_path`` names a separate list); what
    ``resolve`` verified is read, never fetched. Returns a
    :class:`vexascite.check.CheckReport`.

    A library this process may not write (a read-only file, folder or disk) is checked all
    the same: the manuscript is linked in a temporary copy of it, and :func:`notice` says
    its links were not saved.
    """
    manuscript = Path(path)
    try:
        linked = link_manuscript(settings, manuscript, list_path)
    except CannotWrite as exc:
        if not exc.read_only:
            raise  # a full disk, or a file other than the library: said as it is
        return _check_in_copy(settings, manuscript, list_path, exc)
    return _checked(settings, path, manuscript, list_path, linked)


def _check_in_copy(
    settings: Settings, manuscript: Path, list_path: str | os.PathLike[str] | None, refused: CannotWrite
) -> Any:
    """Link and check in a temporary copy of a library that cannot be written (the copy keeps
    no exports up to date, so it writes no file of the user's); the copy goes afterwards."""
    import dataclasses
    import tempfile

    with tempfile.TemporaryDirectory(prefix="vexascite-check-") as folder:
        copy = str(Path(folder) / "library.db")
        with open_library(settings, create=False) as store:
            store.scratch_copy(copy)
        scratch = dataclasses.replace(settings, db=copy)
        report = _checked(scratch, manuscript, manuscript, list_path, link_manuscript(scratch, manuscript, list_path))
    notice(f"{manuscript}: checked, but its links were not saved in the library ({refused}); it was linked in a"
           " temporary copy for this check: run 'vexascite link' where the library can be written to keep them")
    return report


def _checked(
    settings: Settings, path: str | os.PathLike[str], manuscript: Path, list_path: str | os.PathLike[str] | None,
    linked: LinkReport,
) -> Any:
    """The checks over a manuscript linked in the library the settings name."""
    from ..check import check_manuscript as run_checks
    from ..check.gather import manuscript_input, markers_from_citations
    from ..store import checking

    with open_library(settings) as store:
        sources = [store.source_by_path(str(Path(p).resolve())) for p in (list_path, manuscript) if p is not None]
        source = next((s for s in sources if s is not None), None)
        ref_rows = checking.source_references(store, source.id) if source else []
        list_rows = checking.source_lists(store, source.id) if source else []
        work_ids = {row["work_id"] for row in ref_rows if row["work_id"] is not None}
        citations = checking.document_citations(store, checking.document_key(manuscript)) or []
        # works cited by key or author and year from the library (a .bib), not from a list
        # here: one entry per name they are cited by, so two keys of one work show up
        cited_by_name: dict[tuple[int, str], dict[str, Any]] = {}
        for citation in citations:
            if citation["work_id"] and citation["work_id"] not in work_ids:
                name = citation["cite_key"] or citation["target"]
                cited_by_name.setdefault((citation["work_id"], name), citation)
        for (work_id, name), first in cited_by_name.items():
            entry = checking.work_entry(store, work_id)
            if entry is not None:
                entry["entry_key"], entry["line"] = name, first["line"]
                ref_rows.append(entry)
        checked = {row["work_id"] for row in ref_rows if row["work_id"] is not None}
        records = {work_id: checking.work_records(store, work_id) for work_id in checked}
        candidates = {work_id: checking.held_candidates(store, work_id) for work_id in checked}
        nearest = {work_id: checking.held_candidates(store, work_id, "nearest") for work_id in checked}
        from .editing import disagreements_of
        from .evidence import citation_support

        disagree = {work_id: disagreements_of(store, work_id) for work_id in checked}
        support = citation_support(store, citations, ref_rows)
    markers = markers_from_citations(citations, {row["id"]: row["label"] for row in list_rows})
    backward = {(note["line"], note["marker"]) for note in linked.notes if note.get("kind") == "backward-range"}
    for marker in markers:
        marker.backward = (marker.line, marker.text) in backward
    if not citations and linked.citations:
        raise VexasciteError(f"{manuscript}: linked, but no stored citations were found to check")
    report = run_checks(manuscript_input(str(path), ref_rows, list_rows, records, markers, candidates, nearest))
    from ..check.sources import disagreement_findings
    from ..check.support import apply_support

    for work_id, reference in {row["work_id"]: row for row in reversed(ref_rows) if row["work_id"] is not None}.items():
        number = reference.get("number")
        label = str(number) if number is not None else str(reference.get("entry_key") or reference.get("work_key") or work_id)
        report.findings += disagreement_findings(label, reference.get("line"), disagree.get(work_id) or {}, reference.get("format"))
    return apply_support(report, support)

