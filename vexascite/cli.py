"""The command line: a thin click layer over :mod:`vexascite.api`.

This is the one place where exceptions become messages and exit codes (see
:mod:`vexascite.errors`). Data goes to stdout, messages and progress to stderr.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.table import Table

from . import api
from .config import Settings, load_settings
from .errors import InputUnreadable, ItemProblems, VexasciteError

F = TypeVar("F", bound=Callable[..., Any])

stdout = Console(soft_wrap=True)
stderr = Console(stderr=True, soft_wrap=True)


def emit_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def emit_jsonl(items: Any) -> None:
    for item in items:
        click.echo(json.dumps(item, ensure_ascii=False, default=str))


def warn(message: str) -> None:
    click.echo(message, err=True)


def handle_errors(func: F) -> F:
    """Turn vexascite errors into a one-line message and the exit code they carry."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except VexasciteError as exc:
            warn(f"vexascite: {exc}")
            sys.exit(exc.exit_code)
        except BrokenPipeError:
            sys.exit(0)

    return wrapper  # type: ignore[return-value]


def settings_of(ctx: click.Context) -> Settings:
    settings: Settings = ctx.obj["settings"]
    return settings


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", envvar="VEXASCITE_DB", default=None, help="Library file (default library.db).")
@click.option("--config", "config_path", default=None, help="Settings file (default vexascite.toml).")
@click.version_option(package_name="vexascite")
@click.pass_context
@handle_errors
def main(ctx: click.Context, db: str | None, config_path: str | None) -> None:
    """vexascite: import, resolve, link, export and check the references of a manuscript."""
    ctx.ensure_object(dict)
    ctx.obj["settings"] = load_settings(config_path, db=db)


# -- import ----------------------------------------------------------------------------
@main.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", default=None, help="Force a format: bibtex, csl-json, ris, medline, pubmed-xml, ids, text.")
@click.option("--force", is_flag=True, help="Re-read files even when their content has not changed.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
@handle_errors
def import_command(ctx: click.Context, paths: tuple[str, ...], fmt: str | None, force: bool, as_json: bool) -> None:
    """Import reference files and folders (BibTeX, RIS, CSL-JSON, MEDLINE, PubMed XML, ID lists, text)."""
    report = api.import_paths(settings_of(ctx), paths, fmt, force=force)
    if as_json:
        emit_json([file_report_dict(f) for f in report.files])
    for item in report.files:
        if item.status == "unreadable":
            warn(f"error: {item.message}")
            continue
        for problem in item.problems:
            where = f"{item.path}:{problem.line}" if problem.line else item.path
            entry = f" [{problem.entry_key}]" if problem.entry_key else ""
            warn(f"warning: {where}{entry}: {problem.message}")
        if not as_json:
            verb = "unchanged, skipped" if item.status == "unchanged" else (
                f"{item.references} references, {item.new_works} new works, {item.matched_works} already known"
            )
            warn(f"{item.path} ({item.format}): {verb}")
    stats = api.library_stats(settings_of(ctx))
    warn(f"library {settings_of(ctx).db}: {stats['works']} works from {stats['references']} references in {stats['sources']} files")
    if report.unreadable:
        raise InputUnreadable(f"{len(report.unreadable)} file(s) could not be read; the others were imported")
    if report.problem_count:
        raise ItemProblems(f"{report.problem_count} problem(s) in the input; the good entries were imported")


def file_report_dict(item: api.FileImport) -> dict[str, Any]:
    return {
        "path": item.path,
        "format": item.format,
        "status": item.status,
        "references": item.references,
        "new_works": item.new_works,
        "matched_works": item.matched_works,
        "message": item.message,
        "problems": [{"line": p.line, "entry": p.entry_key, "message": p.message} for p in item.problems],
    }


# -- reading the library -------------------------------------------------------------
def first_author(csl: dict[str, Any]) -> str:
    people = csl.get("author") or csl.get("editor") or []
    if not people:
        return ""
    name = people[0].get("family") or people[0].get("literal") or ""
    return name + (" et al." if len(people) > 1 else "")


@main.command("list")
@click.argument("query", required=False)
@click.option("--limit", type=int, default=None, help="At most this many works.")
@click.option("--json", "as_json", is_flag=True, help="CSL-JSON items with their keys, for scripts.")
@click.pass_context
@handle_errors
def list_command(ctx: click.Context, query: str | None, limit: int | None, as_json: bool) -> None:
    """List works, or those matching a full-text QUERY over titles, authors and journals."""
    rows = api.list_works(settings_of(ctx), query, limit)
    if as_json:
        emit_json([{"key": r["key"], "status": r["status"], **r["csl"]} for r in rows])
        return
    table = Table("key", "year", "first author", "title", "journal", "DOI", "PMID", box=None)
    for r in rows:
        table.add_row(r["key"], str(r["year"] or ""), first_author(r["csl"]), (r["title"] or "")[:80], r["container"] or "", r["doi"] or "", r["pmid"] or "")
    stdout.print(table)
    warn(f"{len(rows)} works")


@main.command("show")
@click.argument("key")
@click.option("--provenance", is_flag=True, help="Say which source set each field.")
@click.option("--json", "as_json", is_flag=True, help="Everything as JSON.")
@click.pass_context
@handle_errors
def show_command(ctx: click.Context, key: str, provenance: bool, as_json: bool) -> None:
    """Show one work: every field, where it came from, and each raw occurrence."""
    row = api.show_work(settings_of(ctx), key)
    if as_json:
        emit_json(row)
        return
    stdout.print(f"[bold]{row['key']}[/bold]  ({row['status']})", highlight=False)
    table = Table("field", "value", *(["source"] if provenance else []), box=None)
    for name, value in sorted(row["csl"].items()):
        shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        table.add_row(name, shown, *([row["provenance"].get(name, "")] if provenance else []))
    stdout.print(table)
    stdout.print(f"\n[bold]raw occurrences[/bold] ({len(row['references'])})", highlight=False)
    for ref in row["references"]:
        where = f"{ref['source_path']}:{ref['line']}" if ref["line"] else ref["source_path"]
        stdout.print(f"- {where} [{ref['format']}, {ref['status']}]", highlight=False, markup=False)
        stdout.print("  " + ref["raw"].strip().replace("\n", "\n  ")[:2000], highlight=False, markup=False)
    for extra in row.get("sections", []):
        stdout.print(extra, highlight=False)


@main.command("stats")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
@handle_errors
def stats_command(ctx: click.Context, as_json: bool) -> None:
    """Counts of files, references and works, by format, type and status."""
    stats = api.library_stats(settings_of(ctx))
    if as_json:
        emit_json(stats)
        return
    table = Table("what", "count", box=None)
    for name, value in stats.items():
        if isinstance(value, dict):
            for sub, count in value.items():
                table.add_row(f"{name}: {sub}", str(count))
        else:
            table.add_row(name, str(value))
    stdout.print(table)


@main.command("duplicates")
@click.option("--threshold", type=float, default=85.0, show_default=True, help="Likeness (0-100) to list.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
@handle_errors
def duplicates_command(ctx: click.Context, threshold: float, as_json: bool) -> None:
    """List pairs of works that look alike but were not merged; merge them with 'merge'."""
    pairs = api.find_near_duplicates(settings_of(ctx), threshold)
    if as_json:
        emit_json([{"a": p.key_a, "b": p.key_b, "score": p.score, "title_a": p.title_a, "title_b": p.title_b} for p in pairs])
        return
    table = Table("score", "key A", "key B", "title A", "title B", box=None)
    for p in pairs:
        table.add_row(f"{p.score:.0f}", p.key_a, p.key_b, (p.title_a or "")[:60], (p.title_b or "")[:60])
    stdout.print(table)
    warn(f"{len(pairs)} possible duplicate pairs")


@main.command("merge")
@click.argument("keep")
@click.argument("drop")
@click.pass_context
@handle_errors
def merge_command(ctx: click.Context, keep: str, drop: str) -> None:
    """Merge work DROP into work KEEP (KEEP's key stays; nothing is lost)."""
    result = api.merge_works(settings_of(ctx), keep, drop)
    warn(f"merged {result['merged']} into {result['key']}")


# -- check -----------------------------------------------------------------------------
@main.command("check")
@click.argument("manuscript", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text", show_default=True,
              help="text for people, json for scripts (docs/check-json-schema.json), github for Actions annotations.")
@click.option("--strict", is_flag=True, help="Exit 3 when a finding at or above --fail-on is present.")
@click.option("--fail-on", type=click.Choice(["error", "warning"]), default="error", show_default=True,
              help="Lowest severity that fails a --strict run.")
@click.pass_context
@handle_errors
def check_command(ctx: click.Context, manuscript: str, fmt: str, strict: bool, fail_on: str) -> None:
    """Check MANUSCRIPT's citations: markers that cite nothing, references never cited or out
    of order, duplicates, printed fields that contradict the verified record, references no
    service can find, and retracted or corrected works. Run 'resolve' first."""
    from .check import Severity, render

    report = api.check_manuscript(settings_of(ctx), manuscript)
    click.echo(render(report, fmt), nl=False)
    serious = report.serious(Severity(fail_on))
    if strict and serious:
        raise ItemProblems(f"{len(serious)} serious finding(s) in {manuscript}")
