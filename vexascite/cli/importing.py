"""Commands that read inputs: import, parse, reparse."""

from __future__ import annotations

import sys
from dataclasses import asdict
from typing import Any

import click

from .. import api
from ..errors import InputUnreadable, ItemProblems, UsageError
from ..importers import import_formats
from ..wording import quantity
from .common import (
    emit_json,
    emit_jsonl,
    handle_errors,
    progress_on_terminal,
    read_stdin,
    say_removed,
    settings_of,
    warn,
)


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", default=None, help=f"Force a format: {', '.join(import_formats())}.")
@click.option("--lines", "per_line", is_flag=True, help="Every non-empty line is one reference (as parse --lines reads it); same as --format lines.")
@click.option("--force", is_flag=True, help="Re-read files even when their content has not changed.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
@handle_errors
def import_command(ctx: click.Context, paths: tuple[str, ...], fmt: str | None, per_line: bool, force: bool, as_json: bool) -> None:
    """Import reference files and folders (BibTeX, RIS, CSL-JSON, MEDLINE, PubMed XML, ID lists, text); - reads stdin.

    Word (.docx) and PDF documents named as files are read for their reference lists and,
    in Word, the citations Zotero, Mendeley or EndNote stored in their fields."""
    if "-" in paths:  # standard input, read as the stream it is (each piped input is a file of its own)
        if sys.stdin.isatty():
            warn("reading references from standard input; end with Ctrl-D")
        paths = tuple("/dev/stdin" if path == "-" else path for path in paths)
    if per_line:
        if fmt not in (None, "lines"):
            raise UsageError(f"--lines reads one reference per line; it cannot be combined with --format {fmt}")
        fmt = "lines"
    with progress_on_terminal():
        report = api.import_paths(settings_of(ctx), paths, fmt, force=force)
    if as_json:
        emit_json([file_report_dict(f) for f in report.files])
    for item in report.files:
        if item.status == "unreadable":
            warn(f"error: {item.message}")
            continue
        if item.status == "skipped":
            if not as_json:
                warn(f"{item.path}: {item.message}")
            continue
        for problem in item.problems:
            where = f"{item.path}:{problem.line}" if problem.line else item.path
            entry = f" [{problem.entry_key}]" if problem.entry_key else ""
            warn(f"warning: {where}{entry}: {problem.message}")
        if not as_json and item.status != "failed":  # a failed file's warning said it all
            verb = "unchanged, skipped" if item.status == "unchanged" else (
                f"{quantity(item.references, 'reference')}, {quantity(item.new_works, 'new work')}, {item.matched_works} already known"
                + (f", {quantity(item.aliases, 'other key')} kept as aliases (each still names its work)" if item.aliases else "")
            )
            note = f" ({item.message})" if item.message and not item.notes else ""
            warn(f"{item.path} ({item.format}): {verb}{note}")
        for line in item.notes:
            warn(f"  {item.path}: {line}")
        say_removed(item)
    stats = api.library_stats(settings_of(ctx))
    warn(f"library {settings_of(ctx).db}: {quantity(stats['works'], 'work')} from {quantity(stats['references'], 'reference')} in {quantity(stats['sources'], 'file')}")
    read = [item for item in report.files if item.status in ("imported", "unchanged")]
    if report.unreadable:
        rest = "the others were imported" if read else "nothing was imported"
        raise InputUnreadable(f"{quantity(len(report.unreadable), 'file')} could not be read; {rest}")
    if report.problem_count:
        rest = "the good entries were imported" if any(item.references for item in read) else "no entry was imported"
        raise ItemProblems(f"{quantity(report.problem_count, 'problem')} in the input; {rest}")


def file_report_dict(item: api.FileImport) -> dict[str, Any]:
    return {
        "path": item.path,
        "format": item.format,
        "status": item.status,
        "references": item.references,
        "new_works": item.new_works,
        "matched_works": item.matched_works,
        "aliases": item.aliases,
        "message": item.message,
        "notes": item.notes,
        "removed": item.removed,
        "kept": item.kept,
        "problems": [{"line": p.line, "entry": p.entry_key, "message": p.message} for p in item.problems],
    }


@click.command("parse")
@click.argument("source", default="-")
@click.option("--lines", "per_line", is_flag=True, help="Every input line is one reference; exactly one output line per input line.")
@click.pass_context
@handle_errors
def parse_command(ctx: click.Context, source: str, per_line: bool) -> None:
    """Parse reference strings (a file or stdin) to CSL-JSON, one JSON object per line.

    SOURCE is a text, Markdown, Word (.docx) or PDF file, or - for stdin. Without --lines
    the input is read as a document and its reference lists are found. Each item keeps
    the string as given under "raw". No library is opened.
    """
    from ..refstring import PARSER_VERSION

    reading: list[str] = []
    if source == "-":
        text, reading = api.text_reading(read_stdin("references"), "stdin")
    else:
        text, reading = api.document_reading(source)
        description = api.reference_file_format(source, text)
        if description:
            raise UsageError(
                f"{source}: a {description} file, its references already field by field:"
                f" 'vexascite import {source}' reads it; parse reads reference strings (text, Markdown, Word, PDF)"
            )
    with progress_on_terminal():
        parsed = api.parse_document(text, per_line=per_line)
    emit_jsonl(parsed.items)
    for line in [*reading, *parsed.notes]:
        warn(line)
    warn(f"parsed {quantity(len(parsed.items), 'reference')} (parser {PARSER_VERSION})")


@click.command("reparse")
@click.option("--all", "everything", is_flag=True, help="Re-read every free-text reference, not only those from older parser versions.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
@handle_errors
def reparse_command(ctx: click.Context, everything: bool, as_json: bool) -> None:
    """Re-derive the fields of imported reference strings after the parser improved."""
    report = api.reparse(settings_of(ctx), everything=everything)
    if as_json:
        emit_json(asdict(report))
        return
    click.echo(
        f"parser {report.parser_version}: {quantity(report.checked, 'reference')} re-read, {report.changed} changed, "
        f"{quantity(report.new_works, 'new work')}, {report.failed} not understood"
    )
