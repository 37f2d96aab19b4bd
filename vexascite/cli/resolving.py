"""Commands that ask the metadata services: resolve, add, lookup, suggest, review."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import click

from .. import api
from ..config import Settings
from ..errors import ItemProblems, ServiceUnavailable, UsageError
from ..wording import quantity, verb
from .common import (
    LIMIT,
    ROW_ID,
    emit_json,
    emit_jsonl,
    err,
    handle_errors,
    read_lines,
    settings_of,
    stderr_is_terminal,
    warn,
)
from .tables import table_or_json, title_cell


def _resolution_progress(label: str, shown: bool = True) -> tuple[Any, Any, Any]:
    """A progress bar on stderr with found / not found / to review / failed counts
    (``shown`` False: none at all, as when stderr is not a terminal)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(
        TextColumn(f"{label} [progress.description]{{task.description}}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=err(), transient=False, disable=not shown,
    )
    task = bar.add_task("", total=None)

    def on_start(total: int) -> None:
        bar.update(task, total=total)

    def on_done(outcome: Any, report: Any) -> None:
        bar.update(
            task, advance=1,
            description=f"found {report.found} · not found {report.not_found} · to review {report.review} · failed {report.failed}",
        )

    return bar, on_start, on_done


def _say_service_notes(settings: Settings) -> None:
    for note in api.service_notes(settings):
        warn(note)


def _print_resolution(report: Any, as_json: bool) -> None:
    """The run's counts (and each work's outcome as JSON) and what followed: merges of
    works found to be one, works keyed from their metadata."""
    if as_json:
        emit_json({**report.as_dict(), "works": [o.as_dict() for o in report.outcomes]})
    for merged, kept in report.merged:
        warn(f"merged: {merged} resolved to the DOI or PMID of {kept}; merged into it ({merged} still names it)")
    for old, new in report.rekeyed:
        warn(f"keyed from its metadata: {old} is now {new} ({old} still names it)")
    for aside in getattr(report, "set_aside", []):
        warn(api.describe_set_aside(aside["key"], aside))
    requests = ", ".join(f"{service} {n}" for service, n in sorted(report.requests.items())) or "none"
    retries = {service: n for service, n in sorted(getattr(report, "retries", {}).items()) if n}
    retried = (
        f"; retried: {', '.join(f'{service} {n}' for service, n in retries.items())} "
        "(rate limits, server errors, timeouts or broken answers, waited out)" if retries else ""
    )
    warn(
        f"found {report.found}, not found {report.not_found}, to review {report.review}, failed {report.failed}"
        + (f", unchanged (offline) {report.unchanged}" if report.unchanged else "")
        + (f", {quantity(report.skipped, 'other work')} not asked about ('--refresh' asks about all)" if report.skipped else "")
        + f"; requests: {requests}{retried}; {report.seconds:.1f} s"
    )
    unreachable = getattr(report, "unreachable", {})
    for outcome in report.outcomes:
        if str(outcome.status) == "failed" and not unreachable:
            warn(f"failed: {outcome.key}: {outcome.reason}")
    if report.failed:
        if unreachable:
            raise ServiceUnavailable(_unreachable_message(unreachable, f"{quantity(report.failed, 'work')} not checked"))
        raise ServiceUnavailable(
            f"{quantity(report.failed, 'reference')} could not be checked because a service did not answer; "
            f"everything else is saved, run 'vexascite resolve' again to retry {verb(report.failed, 'it', 'them')}"
        )


def _unreachable_message(unreachable: dict[str, str], what: str) -> str:
    return (
        f"{'; '.join(unreachable.values())}. Is this machine offline? {what}; nothing was lost: "
        "run the command again once the network is back (--offline uses only answers already cached)"
    )


@click.command("resolve")
@click.argument("keys", nargs=-1)
@click.option("--only-missing", is_flag=True, help="Works that still lack a DOI or a PMID.")
@click.option("--refresh", is_flag=True, help="Ask the services again for every work (ignores the cache).")
@click.option("--offline", is_flag=True, default=None, help="Use only answers already in the library's cache.")
@click.option("--json", "as_json", is_flag=True, help="Print each work's outcome as JSON.")
@click.pass_context
@handle_errors
def resolve_command(ctx: click.Context, keys: tuple[str, ...], only_missing: bool, refresh: bool, offline: bool | None, as_json: bool) -> None:
    """Find, verify and fill DOIs, PMIDs and metadata through Crossref, PubMed and doi.org."""
    settings = settings_of(ctx)
    if offline:
        settings = replace(settings, offline=True)
    _say_service_notes(settings)
    bar, on_start, on_done = _resolution_progress("resolve", shown=stderr_is_terminal())
    with bar:
        report = api.resolve_works(settings, keys, only_missing=only_missing, refresh=refresh, progress=on_done, on_start=on_start)
    _print_resolution(report, as_json)


@click.command("add")
@click.argument("identifiers", nargs=-1, required=True)
@click.option("--key", default=None, help="Pin this key for the work (one identifier); otherwise the key comes from the metadata found.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document: keys added, known, merged, not found, and the resolution.")
@click.pass_context
@handle_errors
def add_command(ctx: click.Context, identifiers: tuple[str, ...], key: str | None, as_json: bool) -> None:
    """Add works by DOI, PMID or PMCID (doi:..., https://doi.org/..., PMID: 123, PMC123, ...).

    Each new work is resolved at once and keyed from its metadata. An identifier no
    service knows is kept as a 'not-found' work (exit 3); one that turns out to be a work
    the library has is merged into it.
    """
    _say_service_notes(settings_of(ctx))
    bar, on_start, on_done = _resolution_progress("add", shown=stderr_is_terminal())
    with bar:
        report = api.add_identifiers(settings_of(ctx), identifiers, key=key, progress=on_done, on_start=on_start)
    if as_json:
        emit_json(report.as_dict())
    for text in report.unreadable:
        warn(f"error: {text!r} is not a DOI, PMID or PMCID")
    if not as_json:
        for added in report.added:
            click.echo(added)
    for known in report.known:
        trashed = f"; {known} is in the trash; 'vexascite restore {known}' brings it back" if known in report.in_trash else ""
        warn(f"already in the library: {known}{trashed}")
    for missing in report.not_found:
        warn(
            f"not found: {report.identifiers.get(missing, missing)} is known to no service; kept as {missing} "
            "(status not-found): check the identifier, or remove the work"
        )
    if report.resolution is not None:
        _print_resolution(report.resolution, False)  # (its JSON is part of the document above)
    if report.unreadable or report.not_found:
        found = [added for added in report.added if added not in report.not_found]
        rest = "; the others were added" if found else ("; the others were in the library already" if report.known else "")
        raise ItemProblems(
            f"{quantity(len(report.unreadable), 'identifier')} not understood, {len(report.not_found)} not found{rest}"
        )


@click.command("lookup")
@click.argument("reference", required=False)
@click.option("--lines", "lines_path", type=click.Path(), default=None, help="A file with one reference string per line (- for stdin).")
@click.pass_context
@handle_errors
def lookup_command(ctx: click.Context, reference: str | None, lines_path: str | None) -> None:
    """Match reference strings to a DOI/PMID without a library; JSON Lines out (score, reason)."""
    if bool(reference) == bool(lines_path):
        raise UsageError("give one REFERENCE or --lines FILE")
    _say_service_notes(settings_of(ctx))
    strings = read_lines(lines_path) if lines_path else [reference or ""]
    failed = 0
    unreachable: dict[str, str] = {}
    bar, on_start, on_done = _resolution_progress("lookup", shown=len(strings) > 1 and stderr_is_terminal())
    with bar:
        results = list(api.lookup_references(settings_of(ctx), strings, progress=on_done, on_start=on_start))
    for result in results:
        failed += result["status"] == "failed"
        for reason in (result.get("reason") or "").split("; ") if result["status"] == "failed" else []:
            if reason.startswith("cannot connect to "):
                unreachable.setdefault(reason.split(" ")[3], reason)
        emit_jsonl([result])
    if failed:
        if unreachable:
            raise ServiceUnavailable(_unreachable_message(unreachable, f"{quantity(failed, 'reference')} not matched"))
        raise ServiceUnavailable(f"{quantity(failed, 'reference')} could not be matched because a service did not answer")


@click.command("suggest")
@click.argument("text", required=False)
@click.option("--lines", "lines_path", type=click.Path(), default=None, help="A file with one statement per line (- for stdin).")
@click.option("--limit", type=LIMIT, default=10, show_default=True, help="At most this many sources per statement.")
@click.pass_context
@handle_errors
def suggest_command(ctx: click.Context, text: str | None, lines_path: str | None, limit: int) -> None:
    """Works of the library that support a statement, best first, each with the abstract
    sentence that fits best; JSON Lines out, one line per statement."""
    if bool(text) == bool(lines_path):
        raise UsageError("give one TEXT or --lines FILE")
    statements = read_lines(lines_path, "statements") if lines_path else [text or ""]
    found = 0
    for result in api.suggest_sources(settings_of(ctx), statements, limit):
        found += bool(result["sources"])
        emit_jsonl([result])
    warn(f"{quantity(len(statements), 'statement')}, {found} with suggested sources")


@click.command("review")
@click.argument("key", required=False)
@click.option("--accept", "accept_id", type=ROW_ID, default=None, metavar="ID", help="Apply candidate ID as the work's record.")
@click.option("--reject", "reject_id", type=ROW_ID, default=None, metavar="ID", help="Reject candidate ID.")
@click.option("--json", "as_json", is_flag=True, help="Print it as JSON, for scripts.")
@click.pass_context
@handle_errors
def review_command(ctx: click.Context, key: str | None, accept_id: int | None, reject_id: int | None, as_json: bool) -> None:
    """List candidates too weak or ambiguous to apply; accept or reject them by ID."""
    if accept_id is not None and reject_id is not None:  # one decision a run: the other was dropped without a word
        raise UsageError(f"give --accept {accept_id} or --reject {reject_id}, one decision at a time")
    if accept_id is not None or reject_id is not None:
        candidate = accept_id if accept_id is not None else reject_id
        result = api.decide_review(settings_of(ctx), int(candidate or 0), accept=accept_id is not None)
        warn(f"candidate {candidate} {'accepted' if result['accepted'] else 'rejected'}")
        return
    rows = api.review_candidates(settings_of(ctx), key)
    table_or_json(
        rows, as_json, ("id", "key", "source", "score", "DOI", "PMID", "candidate title", "why"),
        lambda row: (row["id"], row["work_key"], row["source"], f"{row['score'] or 0:.2f}", row["doi"], row["pmid"],
                     title_cell(row["csl"].get("title"), 70), (row["reason"] or "")[:80]),
        f"{quantity(len(rows), 'candidate')} to review; 'vexascite review --accept ID' applies one",
        as_dict=lambda row: {k: v for k, v in row.items() if k != "payload_id"},
    )
    if rows.in_trash:
        warn(f"{quantity(rows.in_trash, 'more candidate')} {verb(rows.in_trash, 'waits', 'wait')} for works in the trash, left out ('vexascite trash' lists "
             "the works; restoring one brings its candidates back)")
