"""The command line: a thin click layer over :mod:`vexascite.api`.

This is the one place where exceptions become messages and exit codes (see
:mod:`vexascite.errors`). Data goes to stdout, messages and progress to stderr.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

import click

from . import api
from .config import Settings, load_settings
from .errors import InputUnreadable, ItemProblems, UsageError, VexasciteError, error_for_os
from .exporters import export_formats
from .importers import import_formats

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

F = TypeVar("F", bound=Callable[..., Any])

#: The rich consoles, made on first use: rich takes longer to import than most commands
#: take to run, and ``--help`` or JSON output never needs it.
stdout: Console | None = None
stderr: Console | None = None


def out() -> Console:
    """The console on stdout (for tables and styled text)."""
    global stdout
    if stdout is None:
        from rich.console import Console

        stdout = Console(soft_wrap=True)
    return stdout


def err() -> Console:
    """The console on stderr (for progress bars)."""
    global stderr
    if stderr is None:
        from rich.console import Console

        stderr = Console(stderr=True, soft_wrap=True)
    return stderr


def stderr_is_terminal() -> bool:
    """Whether progress bars belong on stderr (rich's own answer; without importing rich
    when stderr is plainly a pipe or file and no variable says to treat it as a terminal)."""
    if stderr is None and "TTY_COMPATIBLE" not in os.environ and "FORCE_COLOR" not in os.environ:
        try:
            if not sys.stderr.isatty():
                return False
        except (AttributeError, ValueError):
            return False
    return err().is_terminal


def rich_table(*columns: str, **options: Any) -> Table:
    """A rich table (rich imported when one is printed)."""
    from rich.table import Table

    return Table(*columns, **options)


def rich_text(*args: Any, **options: Any) -> Text:
    """Rich text, never markup: what it holds is shown as is."""
    from rich.text import Text

    return Text(*args, **options)


def emit_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def emit_jsonl(items: Any) -> None:
    for item in items:
        click.echo(json.dumps(item, ensure_ascii=False, default=str))


def warn(message: str) -> None:
    click.echo(message, err=True)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def handle_errors(func: F) -> F:
    """Turn vexascite and OS errors into a one-line message and their exit code.

    A reader that went away (broken pipe) ends the command quietly with 0; a full or
    failing stdout is exit 5 with one line on stderr, never a traceback.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            result = func(*args, **kwargs)
            sys.stdout.flush()  # a full stdout fails here, not in the interpreter's exit
            return result
        except VexasciteError as exc:
            warn(f"vexascite: {exc}")
            sys.exit(exc.exit_code)
        except BrokenPipeError:
            _silence_stdout()
            sys.exit(0)
        except OSError as exc:
            error = error_for_os(exc, exc.filename or "output")
            _silence_stdout()
            warn(f"vexascite: {error}")
            sys.exit(error.exit_code)

    return wrapper  # type: ignore[return-value]


def _say_waiting() -> Callable[[str, float, float], None]:
    """A lock-wait reporter: one line on stderr when the wait starts, then every 10 s."""
    said = [-1]

    def report(path: str, waited: float, limit: float) -> None:
        step = int(waited // 10)
        if step > said[0]:
            said[0] = step
            warn(f"{path} is busy: another vexascite is writing; waiting for it ({waited:.0f} s of {limit:.0f} s)")

    return report


@contextmanager
def progress_on_terminal() -> Iterator[None]:
    """A progress bar on stderr while the block runs, when stderr is a terminal; nothing when piped."""
    if not stderr_is_terminal():
        yield
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    from .progress import listening

    tasks: dict[str, Any] = {}
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=err(), transient=True) as bar:

        def listener(what: str, done: int, total: int) -> None:
            if what not in tasks:
                tasks[what] = bar.add_task(what, total=total)
            bar.update(tasks[what], completed=done, total=total)

        with listening(listener):
            yield


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
    api.report_lock_waits(_say_waiting())
    started = api.now_stamp()
    ctx.call_on_close(lambda: _report_refreshed_exports(ctx.obj["settings"], started))


def _report_refreshed_exports(settings: Settings, started: str) -> None:
    """After any command: say which kept-up-to-date exports it rewrote, or could not."""
    try:
        refreshed = api.exports_refreshed_since(settings, started)
    except (VexasciteError, OSError):
        return  # no library, or not one this command could read: nothing was rewritten
    for row in refreshed:
        if row["error"]:
            warn(f"warning: kept-up-to-date export {row['path']} not rewritten: {row['error']}")
        else:
            warn(f"rewrote kept-up-to-date export {row['path']} ({row['count']} works, {row['format']})")


# -- import ----------------------------------------------------------------------------
@main.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", default=None, help=f"Force a format: {', '.join(import_formats())}.")
@click.option("--lines", "per_line", is_flag=True, help="Every non-empty line is one reference (as parse --lines reads it); same as --format lines.")
@click.option("--force", is_flag=True, help="Re-read files even when their content has not changed.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
@handle_errors
def import_command(ctx: click.Context, paths: tuple[str, ...], fmt: str | None, per_line: bool, force: bool, as_json: bool) -> None:
    """Import reference files and folders (BibTeX, RIS, CSL-JSON, MEDLINE, PubMed XML, ID lists, text).

    Word (.docx) and PDF documents named as files are read for their reference lists and,
    in Word, the citations Zotero, Mendeley or EndNote stored in their fields."""
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
        for problem in item.problems:
            where = f"{item.path}:{problem.line}" if problem.line else item.path
            entry = f" [{problem.entry_key}]" if problem.entry_key else ""
            warn(f"warning: {where}{entry}: {problem.message}")
        if not as_json:
            verb = "unchanged, skipped" if item.status == "unchanged" else (
                f"{item.references} references, {item.new_works} new works, {item.matched_works} already known"
                + (f", {item.aliases} keys kept as aliases of known works" if item.aliases else "")
            )
            note = f" ({item.message})" if item.message and not item.notes else ""
            warn(f"{item.path} ({item.format}): {verb}{note}")
        for line in item.notes:
            warn(f"  {item.path}: {line}")
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
        "aliases": item.aliases,
        "message": item.message,
        "notes": item.notes,
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
@click.argument("query", nargs=-1)
@click.option("--tag", default=None, metavar="TAG", help="Only works with this tag.")
@click.option("--collection", default=None, metavar="PATH", help="Only works in this collection or its sub-collections.")
@click.option("--trash", "in_trash", is_flag=True, help="Search the trash instead of the library.")
@click.option("--limit", type=int, default=None, help="At most this many works (1 or more).")
@click.option("--json", "as_json", is_flag=True, help="CSL-JSON items with their keys, tags, collections and notes, for scripts.")
@click.pass_context
@handle_errors
def list_command(
    ctx: click.Context, query: tuple[str, ...], tag: str | None, collection: str | None, in_trash: bool,
    limit: int | None, as_json: bool,
) -> None:
    """List works, or those matching QUERY: words in titles, authors and journals
    (thromb* is a prefix, "a phrase" a phrase), field:value (author: title: journal:
    year:2020 or year:2019-2021, doi: pmid: pmcid: key: tag: collection:), or a DOI,
    PMID or PMCID in any written form. Put -- before a -word that leaves works out."""
    text = " ".join(query) if query else None
    result = api.search_works(settings_of(ctx), text, limit, trashed=in_trash, tag=tag, collection=collection)
    rows = result.works
    if as_json:
        emit_json([
            {"key": r["key"], "status": r["status"], **r["csl"], "tags": r["tags"], "collections": r["collections"],
             "notes": r["notes"], "trashed": r["trashed"]}
            for r in rows
        ])
    else:
        table = rich_table("key", "year", "first author", "title", "journal", "DOI", "PMID", box=None)
        for r in rows:
            table.add_row(r["key"], str(r["year"] or ""), first_author(r["csl"]), (r["title"] or "")[:80], r["container"] or "", r["doi"] or "", r["pmid"] or "")
        out().print(table)
    if result.empty_query:
        warn(f"nothing to search for in {text!r} (no letters or digits): no works listed")
    else:
        warn(f"{len(rows)} works" + (" in the trash" if in_trash else ""))


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
    trashed = f", in the trash since {row['trashed_at']}; 'vexascite restore {row['key']}' brings it back" if row["trashed"] else ""
    out().print(f"[bold]{row['key']}[/bold]  ({row['status']}{trashed})", highlight=False)
    if row.get("aliases"):
        also = ", ".join(f"{a['alias']} ({a['reason']})" for a in row["aliases"])
        out().print(f"also known as: {also}", highlight=False, markup=False)
    edits = row.get("edits") or {}
    table = rich_table("field", "value", *(["source"] if provenance else []), box=None)
    for name, value in sorted(row["csl"].items()):
        shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        label = f"{name} (edited)" if name in edits else name
        table.add_row(label, shown, *([row["provenance"].get(name, "")] if provenance else []))
    for name in sorted(n for n, v in edits.items() if v is None):
        table.add_row(f"{name} (removed)", "", *(["user"] if provenance else []))
    out().print(table)
    _print_disagreements(row.get("disagreements") or {})
    if provenance:
        _print_record_sources(row)
    out().print(f"\n[bold]raw occurrences[/bold] ({len(row['references'])})", highlight=False)
    for ref in row["references"]:
        where = f"{ref['source_path']}:{ref['line']}" if ref["line"] else ref["source_path"]
        out().print(f"- {where} [{ref['format']}, {ref['status']}]", highlight=False, markup=False)
        out().print("  " + ref["raw"].strip().replace("\n", "\n  ")[:2000], highlight=False, markup=False)
    if row.get("claims"):
        out().print(f"\n[bold]cited by[/bold] ({len(row['claims'])} claims)", highlight=False)
        for claim in row["claims"]:
            out().print(f"- {claim['document']}:{claim['line']} ({', '.join(claim['cited_as'])})", highlight=False, markup=False)
            out().print("  " + claim["text"], highlight=False, markup=False)
            if claim.get("supports") and claim["supports"] != claim["text"]:
                out().print("  supports: " + claim["supports"], highlight=False, markup=False)
            if claim.get("evidence"):
                out().print("  evidence: " + _evidence_line(claim["evidence"]), highlight=False, markup=False)
    from rich.text import Text

    for label, values in (("tags", row["tags"]), ("collections", row["collections"])):
        if values:  # user text: never read as markup
            out().print(Text.assemble("\n", (label, "bold"), ": " + ", ".join(values)), highlight=False)
    if row["notes"]:
        out().print(f"\n[bold]notes[/bold] ({len(row['notes'])})", highlight=False)
        for note in row["notes"]:
            out().print(f"- [{note['id']}] {note['text']}", highlight=False, markup=False)
    for extra in row.get("sections", []):
        out().print(extra, highlight=False)


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
    table = rich_table("what", "count", box=None)
    for name, value in stats.items():
        if isinstance(value, dict):
            for sub, count in value.items():
                table.add_row(f"{name}: {sub}", str(count))
        else:
            table.add_row(name, str(value))
    out().print(table)


@main.command("duplicates")
@click.option("--threshold", type=click.FloatRange(0, 100), default=85.0, show_default=True, help="Likeness (0-100) to list.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
@handle_errors
def duplicates_command(ctx: click.Context, threshold: float, as_json: bool) -> None:
    """List pairs of works that look alike but were not merged; merge them with 'merge'."""
    pairs = api.find_near_duplicates(settings_of(ctx), threshold)
    if as_json:
        emit_json([{"a": p.key_a, "b": p.key_b, "score": p.score, "title_a": p.title_a, "title_b": p.title_b} for p in pairs])
        return
    table = rich_table("score", "key A", "key B", "title A", "title B", box=None)
    for p in pairs:
        table.add_row(f"{p.score:.0f}", p.key_a, p.key_b, (p.title_a or "")[:60], (p.title_b or "")[:60])
    out().print(table)
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


# -- export ----------------------------------------------------------------------------
def _write_or_print(text: str, output: str | None) -> None:
    if output and output != "-":
        api.write_output(output, text)
    else:
        click.echo(text, nl=False)


class RegistryChoice(click.Choice):
    """A choice read from a registry when used, so formats registered later are offered."""

    def __init__(self, names: Callable[[], list[str]]) -> None:
        self._names = names
        super().__init__([], case_sensitive=False)

    @property  # type: ignore[override]
    def choices(self) -> tuple[str, ...]:
        return tuple(self._names())

    @choices.setter
    def choices(self, value: Any) -> None:
        pass  # the registry is the one list


@main.command("export")
@click.option(
    "--format", "fmt", default="bibtex", show_default=True,
    type=RegistryChoice(export_formats), help="Output format.",
)
@click.option("--cited-in", "cited_in", default=None, metavar="MANUSCRIPT", help="Only the works this linked manuscript cites, in order of first citation.")
@click.option("--keys", "keys", multiple=True, metavar="K", help="Only these keys (repeat, or separate with commas or spaces).")
@click.option("--tag", default=None, metavar="TAG", help="Only works with this tag.")
@click.option("--collection", default=None, metavar="PATH", help="Only works in this collection or its sub-collections.")
@click.option("--unicode", is_flag=True, help="BibTeX/BibLaTeX: keep accents as UTF-8 (for biber) instead of LaTeX commands.")
@click.option("-o", "--output", default=None, type=click.Path(dir_okay=False), help="Write to this file instead of stdout (through symlinks; a file keeps its mode; a FIFO or device is streamed to).")
@click.option("--keep-updated", is_flag=True, help="Rewrite -o FILE after every change to the library (see 'exports').")
@click.pass_context
@handle_errors
def export_command(
    ctx: click.Context, fmt: str, cited_in: str | None, keys: tuple[str, ...], tag: str | None, collection: str | None,
    unicode: bool, output: str | None, keep_updated: bool,
) -> None:
    """Export the library, a selection, or what a manuscript cites, as BibTeX, BibLaTeX,
    CSL-JSON or RIS. Selections combine (--keys, --tag, --collection, --cited-in); notes
    go in annote (BibTeX, BibLaTeX, CSL-JSON) or N1 (RIS)."""
    from .errors import UsageError

    if keep_updated and (not output or output == "-"):
        raise UsageError("--keep-updated needs -o FILE: an export to stdout cannot be kept up to date")
    settings = settings_of(ctx)
    result = api.export_library(
        settings, fmt, keys=keys or None, cited_in=cited_in, unicode=unicode, tag=tag, collection=collection
    )
    _write_or_print(result.text, output)
    warn(f"exported {result.count} works as {result.format}" + (f" to {output}" if output and output != "-" else ""))
    if result.in_trash:
        warn(f"note: left out {len(result.in_trash)} cited work(s) in the trash: {', '.join(result.in_trash)}; 'vexascite restore KEY' brings one back")
    if keep_updated and output:
        ident = api.keep_export_updated(
            settings, output, fmt, keys=list(keys) or None, tag=tag, collection=collection, cited_in=cited_in, unicode=unicode,
            count=result.count,
        )
        warn(f"{output} is kept up to date (export {ident}); 'vexascite exports --remove {ident}' stops it")


@main.command("format")
@click.option("--style", default="vancouver", show_default=True, metavar="NAME|FILE.csl", help="CSL style name (vancouver, american-medical-association, apa, nature, blood, ...) or a .csl file.")
@click.option("--cited-in", "cited_in", default=None, metavar="MANUSCRIPT", help="Only the works this linked manuscript cites, numbered in citation order.")
@click.option("--keys", "keys", multiple=True, metavar="K", help="Only these keys (repeat, or separate with commas or spaces).")
@click.option("--to", "output_format", default="text", show_default=True, type=click.Choice(["text", "markdown", "html"]), help="Output markup.")
@click.option("-o", "--output", default=None, type=click.Path(dir_okay=False), help="Write to this file instead of stdout (through symlinks; a file keeps its mode; a FIFO or device is streamed to).")
@click.pass_context
@handle_errors
def format_command(
    ctx: click.Context, style: str, cited_in: str | None, keys: tuple[str, ...], output_format: str, output: str | None
) -> None:
    """Print a formatted bibliography in a journal's citation style (CSL, via citeproc-py)."""
    result = api.format_library(settings_of(ctx), style, keys=keys or None, cited_in=cited_in, output=output_format)
    _write_or_print(result.text, output)
    warn(f"{len(result.entries)} references in style {result.style} ({result.style_file})")


# -- parse / reparse -------------------------------------------------------------------


@main.command("parse")
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
    from .refstring import PARSER_VERSION

    if source == "-":
        text = sys.stdin.buffer.read().decode("utf-8", errors="replace")
    else:
        text = api.document_text(source)
    with progress_on_terminal():
        parsed = api.parse_document(text, per_line=per_line)
    emit_jsonl(parsed.items)
    for line in parsed.notes:
        warn(line)
    warn(f"parsed {len(parsed.items)} references (parser {PARSER_VERSION})")


@main.command("reparse")
@click.option("--all", "everything", is_flag=True, help="Re-read every free-text reference, not only those from older parser versions.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
@handle_errors
def reparse_command(ctx: click.Context, everything: bool, as_json: bool) -> None:
    """Re-derive the fields of imported reference strings after the parser improved."""
    from dataclasses import asdict

    report = api.reparse(settings_of(ctx), everything=everything)
    if as_json:
        emit_json(asdict(report))
        return
    click.echo(
        f"parser {report.parser_version}: {report.checked} references re-read, {report.changed} changed, "
        f"{report.new_works} new works, {report.failed} not understood"
    )


# -- claims: link, find, claims ----------------------------------------------------------
def _sources_text(sources: list[dict[str, Any]]) -> str:
    parts = []
    for source in sources:
        if source.get("key"):
            parts.append(source["key"] + (" (removed: in the trash)" if source.get("removed") else ""))
        else:
            parts.append(f"{source['target']} ({source['status']})")
    return "; ".join(parts)


def _evidence_line(evidence: dict[str, Any] | None) -> str:
    """One citation's best abstract sentence with its support score, or why there is none."""
    if not evidence:
        return ""
    if not evidence["checked"]:
        return f"({evidence['note']})"
    if not evidence["sentences"]:
        return "(no sentence of the abstract bears on the claim)"
    best = evidence["sentences"][0]
    return f"{best['sentence']} [support {best['score']:.2f}]"


def _evidence_text(sources: list[dict[str, Any]]) -> str:
    lines = [f"{s['key']}: {_evidence_line(s.get('evidence'))}" for s in sources if s.get("key") and s.get("evidence")]
    return "; ".join(lines)


@main.command("link")
@click.argument("manuscript", type=click.Path())
@click.option("--list", "list_path", default=None, type=click.Path(), help="The numbered reference list, when it is not in the manuscript (text, BibTeX, RIS...).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--strict", is_flag=True, help="Exit 3 when a marker resolves to nothing.")
@click.pass_context
@handle_errors
def link_command(ctx: click.Context, manuscript: str, list_path: str | None, as_json: bool, strict: bool) -> None:
    """Find the citing sentences (claims) of a MANUSCRIPT (.md, .txt, .tex, .docx, .pdf) and link each marker to its source."""
    report = api.link_manuscript(settings_of(ctx), manuscript, list_path)
    for item in report.imports:
        if item.status == "imported" and item.references:
            warn(f"{item.path}: {item.references} references read ({item.new_works} new works)")
        for line in item.notes:
            warn(f"  {item.path}: {line}")
        if item.status == "unchanged":  # not re-read: say which of its lists are used
            for found in report.lists:
                if not found["external"]:
                    warn(f"  {item.path}: {found['label']} (line {found['line']}): {found['entries']} numbered entries")
    for problem in report.problems:
        warn(f"warning: {report.path}:{problem['line']}: {problem['status']} marker {problem['marker']}: {problem['message']}")
    if as_json:
        emit_json(
            {
                "path": report.path,
                "format": report.format,
                "sentences": report.sentences,
                "claims": report.claims,
                "citations": report.citations,
                "linked": report.linked,
                "entry_only": report.entry_only,
                "problems": report.problems,
                "ignored_affiliation_marks": report.ignored_marks,
                "lists": report.lists,
            }
        )
    warn(
        f"{report.path}: {report.sentences} sentences, {report.claims} claims, {report.citations} citations: "
        f"{report.linked} linked, {report.entry_only} to unread list entries, {len(report.problems)} dangling or ambiguous"
        + (f"; {report.ignored_marks} affiliation marks ignored" if report.ignored_marks else "")
    )
    if strict and report.problems:
        raise ItemProblems(f"{len(report.problems)} marker(s) resolve to nothing or to several works")


@main.command("find")
@click.argument("query")
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True, help="At most this many claims and works.")
@click.option("--json", "as_json", is_flag=True, help="Claims with their sources, and works, as JSON.")
@click.pass_context
@handle_errors
def find_command(ctx: click.Context, query: str, limit: int, as_json: bool) -> None:
    """Claim-to-source lookup: the claims about QUERY with the works that support them, and
    the works whose title and abstract best support QUERY as a statement."""
    result = api.find_claims(settings_of(ctx), query, limit)
    if as_json:
        emit_json(result)
        return
    for rank, claim in enumerate(result["claims"], start=1):
        text = rich_text(f"{rank}. ", style="bold")
        for index, piece in enumerate(claim["snippet"].split("**")):
            text.append(piece, style="bold yellow" if index % 2 else "")
        out().print(text)
        out().print(f"   {claim['document']}:{claim['line']}" + (f"  [{claim['section']}]" if claim["section"] else ""), highlight=False, markup=False, style="dim")
        for place in claim.get("also_in", []):
            out().print(f"   also {place['document']}:{place['line']}", highlight=False, markup=False, style="dim")
        for source in claim["sources"]:
            if source.get("key"):
                doi = f"  doi:{source['doi']}" if source.get("doi") else ""
                removed = "  (removed: in the trash)" if source.get("removed") else ""
                out().print(f"   - {source['key']}  {source['first_author']} {source['year'] or ''}. {source['title'] or ''}{doi}{removed}", highlight=False, markup=False)
            else:
                out().print(f"   - {source['target']}: {source['status']}", highlight=False, markup=False)
    if result["works"]:
        out().print("\n[bold]works[/bold]", highlight=False)
        for work in result["works"]:
            doi = f"  doi:{work['doi']}" if work.get("doi") else ""
            out().print(f"- {work['key']}  {work['first_author']} {work['year'] or ''}. {work['title'] or ''}{doi}  (cited by {work['cited']} claims)", highlight=False, markup=False)
    if result["suggested"]:
        out().print("\n[bold]suggested sources[/bold] (works whose abstracts fit the statement)", highlight=False)
        for source in result["suggested"]:
            out().print(f"- {source['key']}  ({source['score']:.2f})", highlight=False, markup=False)
            if source["evidence"]:
                out().print(f"  {source['evidence']}", highlight=False, markup=False, style="dim")
    warn(f"{len(result['claims'])} claims, {len(result['works'])} works, {len(result['suggested'])} suggested sources for {query!r}")


def _evidence_record(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "claim": row["text"],
        "sources": [
            {k: s.get(k) for k in ("number", "key", "first_author", "year", "title", "doi", "status", "target", "supports", "removed", "evidence")}
            for s in row["sources"]
        ],
        "cites": [s["number"] for s in row["sources"] if s.get("number") is not None],
        "document": row["document"],
        "line": row["line"],
        "section": row["section"],
        "markers": row["markers"],
    }


@main.command("claims")
@click.option("--doc", "document", default=None, metavar="MANUSCRIPT", help="Only the claims of this linked manuscript.")
@click.option("--format", "fmt", default="table", show_default=True, type=click.Choice(["table", "jsonl", "csv", "markdown"]))
@click.pass_context
@handle_errors
def claims_command(ctx: click.Context, document: str | None, fmt: str) -> None:
    """Export the evidence table: each claim, its sources, document and location."""
    import csv

    from .exporters.markup import one_line, spreadsheet_cell

    rows = api.evidence_table(settings_of(ctx), document)
    if fmt == "jsonl":
        emit_jsonl(_evidence_record(row) for row in rows)
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(["claim", "sources", "cites", "document", "line", "section", "markers", "evidence"])
        for row in rows:
            record = _evidence_record(row)
            cells = [record["claim"], _sources_text(row["sources"]), " ".join(str(n) for n in record["cites"]), row["document"], row["line"], row["section"] or "", row["markers"], _evidence_text(row["sources"])]
            writer.writerow([spreadsheet_cell(cell) for cell in cells])
    elif fmt == "markdown":
        click.echo("| claim | sources | evidence | location |")
        click.echo("|---|---|---|---|")
        for row in rows:
            cells = [row["text"], _sources_text(row["sources"]), _evidence_text(row["sources"]), f"{row['document']}:{row['line']}"]
            click.echo("| " + " | ".join(one_line(cell).replace("|", "\\|") for cell in cells) + " |")
    else:
        table = rich_table("line", "claim", "sources", "evidence", box=None)
        for row in rows:
            table.add_row(str(row["line"]), rich_text(row["text"]), rich_text(_sources_text(row["sources"])), rich_text(_evidence_text(row["sources"])))
        out().print(table)
    warn(f"{len(rows)} claims")


# -- check -----------------------------------------------------------------------------
@main.command("check")
@click.argument("manuscript", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text", show_default=True,
              help="text for people, json for scripts (docs/check-json-schema.json), github for Actions annotations.")
@click.option("--list", "list_path", default=None, type=click.Path(),
              help="A separate reference list (any importable format) instead of the manuscript's own.")
@click.option("--strict", is_flag=True, help="Exit 3 when a finding at or above --fail-on is present.")
@click.option("--fail-on", type=click.Choice(["error", "warning"]), default="error", show_default=True,
              help="Lowest severity that fails a --strict run.")
@click.pass_context
@handle_errors
def check_command(
    ctx: click.Context, manuscript: str, fmt: str, list_path: str | None, strict: bool, fail_on: str
) -> None:
    """Check MANUSCRIPT's citations: markers that cite nothing, references never cited or out
    of order, duplicates, printed fields that contradict the verified record, references no
    service can find, and retracted or corrected works. Run 'resolve' first."""
    from .check import Severity, render

    report = api.check_manuscript(settings_of(ctx), manuscript, list_path)
    click.echo(render(report, fmt), nl=False)
    serious = report.serious(Severity(fail_on))
    if strict and serious:
        raise ItemProblems(f"{len(serious)} serious finding(s) in {manuscript}")


# -- resolve, add, lookup, review --------------------------------------------------------
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
    requests = ", ".join(f"{service} {n}" for service, n in sorted(report.requests.items())) or "none"
    warn(
        f"found {report.found}, not found {report.not_found}, to review {report.review}, failed {report.failed}"
        + (f", unchanged (offline) {report.unchanged}" if report.unchanged else "")
        + f"; requests: {requests}; {report.seconds:.1f} s"
    )
    unreachable = getattr(report, "unreachable", {})
    for outcome in report.outcomes:
        if str(outcome.status) == "failed" and not unreachable:
            warn(f"failed: {outcome.key}: {outcome.reason}")
    if report.failed:
        from .errors import ServiceUnavailable

        if unreachable:
            raise ServiceUnavailable(_unreachable_message(unreachable, f"{report.failed} work(s) not checked"))
        raise ServiceUnavailable(
            f"{report.failed} reference(s) could not be checked because a service did not answer; "
            "everything else is saved, run 'vexascite resolve' again to retry them"
        )


def _unreachable_message(unreachable: dict[str, str], what: str) -> str:
    return (
        f"{'; '.join(unreachable.values())}. Is this machine offline? {what}; nothing was lost: "
        "run the command again once the network is back (--offline uses only answers already cached)"
    )


@main.command("resolve")
@click.argument("keys", nargs=-1)
@click.option("--only-missing", is_flag=True, help="Works that still lack a DOI or a PMID.")
@click.option("--refresh", is_flag=True, help="Ask the services again for every work (ignores the cache).")
@click.option("--offline", is_flag=True, default=None, help="Use only answers already in the library's cache.")
@click.option("--json", "as_json", is_flag=True, help="Print each work's outcome as JSON.")
@click.pass_context
@handle_errors
def resolve_command(ctx: click.Context, keys: tuple[str, ...], only_missing: bool, refresh: bool, offline: bool | None, as_json: bool) -> None:
    """Find, verify and fill DOIs, PMIDs and metadata through Crossref, PubMed and doi.org."""
    from dataclasses import replace

    settings = settings_of(ctx)
    if offline:
        settings = replace(settings, offline=True)
    _say_service_notes(settings)
    bar, on_start, on_done = _resolution_progress("resolve")
    with bar:
        report = api.resolve_works(settings, keys, only_missing=only_missing, refresh=refresh, progress=on_done, on_start=on_start)
    _print_resolution(report, as_json)


@main.command("add")
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
    bar, on_start, on_done = _resolution_progress("add")
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
        warn(f"already in the library: {known}")
    for missing in report.not_found:
        warn(
            f"not found: {report.identifiers.get(missing, missing)} is known to no service; kept as {missing} "
            "(status not-found): check the identifier, or remove the work"
        )
    if report.resolution is not None:
        _print_resolution(report.resolution, False)  # (its JSON is part of the document above)
    if report.unreadable or report.not_found:
        raise ItemProblems(
            f"{len(report.unreadable)} identifier(s) not understood, {len(report.not_found)} not found; the others were added"
        )


@main.command("lookup")
@click.argument("reference", required=False)
@click.option("--lines", "lines_path", type=click.Path(), default=None, help="A file with one reference string per line.")
@click.pass_context
@handle_errors
def lookup_command(ctx: click.Context, reference: str | None, lines_path: str | None) -> None:
    """Match reference strings to a DOI/PMID without a library; JSON Lines out (score, reason)."""
    from .errors import UsageError

    if bool(reference) == bool(lines_path):
        raise UsageError("give one REFERENCE or --lines FILE")
    _say_service_notes(settings_of(ctx))
    if lines_path:
        try:
            with open(lines_path, encoding="utf-8") as handle:
                strings = [line.rstrip("\n").rstrip("\r") for line in handle]
        except (OSError, UnicodeDecodeError) as exc:
            raise InputUnreadable(f"{lines_path}: cannot read: {exc}") from exc
    else:
        strings = [reference or ""]
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
        from .errors import ServiceUnavailable

        if unreachable:
            raise ServiceUnavailable(_unreachable_message(unreachable, f"{failed} reference(s) not matched"))
        raise ServiceUnavailable(f"{failed} reference(s) could not be matched because a service did not answer")


@main.command("suggest")
@click.argument("text", required=False)
@click.option("--lines", "lines_path", type=click.Path(), default=None, help="A file with one statement per line.")
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True, help="At most this many sources per statement.")
@click.pass_context
@handle_errors
def suggest_command(ctx: click.Context, text: str | None, lines_path: str | None, limit: int) -> None:
    """Works of the library that support a statement, best first, each with the abstract
    sentence that fits best; JSON Lines out, one line per statement."""
    from .errors import UsageError

    if bool(text) == bool(lines_path):
        raise UsageError("give one TEXT or --lines FILE")
    statements = _read_lines(lines_path) if lines_path else [text or ""]
    found = 0
    for result in api.suggest_sources(settings_of(ctx), statements, limit):
        found += bool(result["sources"])
        emit_jsonl([result])
    warn(f"{len(statements)} statements, {found} with suggested sources")


def _read_lines(path: str) -> list[str]:
    try:
        with open(path, encoding="utf-8") as handle:
            return [line.rstrip("\n").rstrip("\r") for line in handle]
    except (OSError, UnicodeDecodeError) as exc:
        raise InputUnreadable(f"{path}: cannot read: {exc}") from exc


@main.command("review")
@click.argument("key", required=False)
@click.option("--accept", "accept_id", type=int, default=None, help="Apply candidate ID as the work's record.")
@click.option("--reject", "reject_id", type=int, default=None, help="Reject candidate ID.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
@handle_errors
def review_command(ctx: click.Context, key: str | None, accept_id: int | None, reject_id: int | None, as_json: bool) -> None:
    """List candidates too weak or ambiguous to apply; accept or reject them by ID."""
    if accept_id is not None or reject_id is not None:
        candidate = accept_id if accept_id is not None else reject_id
        result = api.decide_review(settings_of(ctx), int(candidate or 0), accept=accept_id is not None)
        warn(f"candidate {candidate} {'accepted' if result['accepted'] else 'rejected'}")
        return
    rows = api.review_candidates(settings_of(ctx), key)
    if as_json:
        emit_json([{k: v for k, v in row.items() if k != "payload_id"} for row in rows])
        return
    table = rich_table("id", "key", "source", "score", "DOI", "PMID", "candidate title", "why", box=None)
    for row in rows:
        table.add_row(str(row["id"]), row["work_key"], row["source"], f"{row['score'] or 0:.2f}", row["doi"] or "",
                      row["pmid"] or "", (row["csl"].get("title") or "")[:70], (row["reason"] or "")[:80])
    out().print(table)
    warn(f"{len(rows)} candidates to review; 'vexascite review --accept ID' applies one")


def _print_disagreements(disagreements: dict[str, Any]) -> None:
    """Sources that state another year, volume, first page or identifier: each value
    with who states it, the one used first (rule: user, then services, then imports)."""
    if not disagreements:
        return
    out().print("\n[bold]sources disagree[/bold] (the first value is used)", highlight=False)
    for name, values in sorted(disagreements.items()):
        listed = "; ".join(f"{api.describe_value(v['value'])} ({', '.join(v['sources'])})" for v in values)
        out().print(f"- {name}: {listed}", highlight=False, markup=False)


def _print_record_sources(row: dict[str, Any]) -> None:
    """Which service records the fields came from, and the answer each was read from."""
    out().print(f"\n[bold]verified records[/bold] ({len(row.get('records') or [])})", highlight=False)
    for record in row.get("records") or []:
        answer = f" from {record['method']} {record['url']} (answered {record['fetched_at']})" if record.get("url") else ""
        out().print(f"- {record['source']}, verified {record['verified_at']}{answer}", highlight=False, markup=False)
    resolution = row.get("resolution")
    if resolution:
        how = f"matched by {resolution['matched_by']}" if resolution.get("matched_by") else resolution["status"]
        score = f", score {resolution['score']:.2f}" if resolution.get("score") is not None else ""
        out().print(f"resolution: {how}{score}: {resolution.get('reason') or ''}", highlight=False, markup=False)


@main.command("rekey")
@click.argument("key")
@click.argument("new_key", required=False)
@click.pass_context
@handle_errors
def rekey_command(ctx: click.Context, key: str, new_key: str | None) -> None:
    """Change a work's citation key to NEW_KEY, or to a fresh one from its current fields.

    Keys never change on their own. The old key stays an alias of the work, so
    manuscripts, 'link', 'check', 'show' and 'export --keys' that use it keep working.
    """
    old, new = api.rekey_work(settings_of(ctx), key, new_key)
    click.echo(new)
    warn(f"{old} is now {new} ({old} still names it)" if old != new else f"{old} kept (already the key its fields give)")


@main.command("edit")
@click.argument("key")
@click.argument("assignments", nargs=-1, metavar="FIELD=VALUE...")
@click.option("--unset", "unset", multiple=True, metavar="FIELD", help="Remove FIELD from the work (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print the edited record as JSON.")
@click.pass_context
@handle_errors
def edit_command(ctx: click.Context, key: str, assignments: tuple[str, ...], unset: tuple[str, ...], as_json: bool) -> None:
    """Set fields of a work yourself: title='...', author='Beck, David B. and ...', year=2020,
    journal=..., pages=2628--2638, DOI=... They win over every source, survive re-import,
    'resolve --refresh', 'merge' and 'reparse', and 'show' marks them.
    """
    result = api.edit_work(settings_of(ctx), key, assignments, unset)
    if as_json:
        emit_json(result)
    changed = [*result["set"], *(f"-{name}" for name in result["unset"])]
    warn(f"{result['key']}: edited {', '.join(changed)}")


# -- organising: tags, collections, notes, trash, kept-up-to-date exports ----------------
@main.command("tag", context_settings={"ignore_unknown_options": True})
@click.argument("args", nargs=-1, required=True, metavar="KEY... +TAG... -TAG...")
@click.pass_context
@handle_errors
def tag_command(ctx: click.Context, args: tuple[str, ...]) -> None:
    """Add (+TAG) and remove (-TAG) tags on works; 'list --tag TAG' and 'export --tag TAG'
    select by tag, 'tags' lists them."""
    keys, add, remove = api.split_tag_args(args)
    report = api.tag_works(settings_of(ctx), keys, add, remove)
    warn(
        f"{len(report.added)} tag(s) added, {len(report.removed)} removed, "
        f"{len(report.unchanged)} already so, on {len(set(keys))} work(s)"
    )


@main.command("tags")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
@handle_errors
def tags_command(ctx: click.Context, as_json: bool) -> None:
    """Every tag with the number of works that carry it."""
    rows = api.list_tags(settings_of(ctx))
    if as_json:
        emit_json(rows)
        return
    table = rich_table("tag", "works", box=None)
    for row in rows:
        table.add_row(rich_text(row["tag"]), str(row["works"]))
    out().print(table)
    warn(f"{len(rows)} tags")


@main.group("collection")
def collection_group() -> None:
    """Named, nestable groups of works (like Zotero's): PATH is 'Name' or 'Parent/Child'.
    A collection includes its sub-collections when listed or exported."""


@collection_group.command("create")
@click.argument("path")
@click.pass_context
@handle_errors
def collection_create(ctx: click.Context, path: str) -> None:
    """Create collection PATH (and its missing parents)."""
    created = api.create_collection(settings_of(ctx), path)
    warn(f"created {', '.join(created)}" if created else f"{path} already exists")


@collection_group.command("add")
@click.argument("path")
@click.argument("keys", nargs=-1, required=True)
@click.pass_context
@handle_errors
def collection_add(ctx: click.Context, path: str, keys: tuple[str, ...]) -> None:
    """Put works in collection PATH (created if missing)."""
    changed, unchanged = api.change_collection(settings_of(ctx), path, keys, add=True)
    warn(f"{len(changed)} work(s) added to {path}" + (f", {len(unchanged)} already in it" if unchanged else ""))


@collection_group.command("remove")
@click.argument("path")
@click.argument("keys", nargs=-1, required=True)
@click.pass_context
@handle_errors
def collection_remove(ctx: click.Context, path: str, keys: tuple[str, ...]) -> None:
    """Take works out of collection PATH (they stay in the library)."""
    changed, unchanged = api.change_collection(settings_of(ctx), path, keys, add=False)
    warn(f"{len(changed)} work(s) taken out of {path}" + (f", {len(unchanged)} were not in it" if unchanged else ""))


@collection_group.command("rename")
@click.argument("path")
@click.argument("new_path")
@click.pass_context
@handle_errors
def collection_rename(ctx: click.Context, path: str, new_path: str) -> None:
    """Rename collection PATH, or move it (with its sub-collections) under another."""
    api.rename_collection(settings_of(ctx), path, new_path)
    warn(f"{path} is now {new_path}")


@collection_group.command("delete")
@click.argument("path")
@click.pass_context
@handle_errors
def collection_delete(ctx: click.Context, path: str) -> None:
    """Delete collection PATH and its sub-collections; the works stay in the library."""
    collections, members = api.delete_collection(settings_of(ctx), path)
    warn(f"deleted {collections} collection(s) ({members} memberships); no work was removed")


@collection_group.command("list")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
@handle_errors
def collection_list(ctx: click.Context, as_json: bool) -> None:
    """Every collection with its works (own, and with its sub-collections)."""
    rows = api.list_collections(settings_of(ctx))
    if as_json:
        emit_json(rows)
        return
    table = rich_table("collection", "works", "with sub-collections", box=None)
    for row in rows:
        table.add_row(rich_text(row["path"]), str(row["works"]), str(row["with_subcollections"]))
    out().print(table)
    warn(f"{len(rows)} collections")


@main.command("note")
@click.argument("key", required=False)
@click.argument("text", nargs=-1)
@click.option("--remove", "remove_id", type=int, default=None, metavar="ID", help="Delete note ID (ids are shown by 'note KEY').")
@click.option("--json", "as_json", is_flag=True, help="With KEY alone: the notes as JSON.")
@click.pass_context
@handle_errors
def note_command(ctx: click.Context, key: str | None, text: tuple[str, ...], remove_id: int | None, as_json: bool) -> None:
    """Add a note to work KEY ('note KEY TEXT'), list its notes ('note KEY'), or delete one
    ('note --remove ID'). Notes are shown by 'show' and exported as annote (BibTeX,
    BibLaTeX, CSL-JSON) or N1 (RIS)."""
    from .errors import UsageError

    settings = settings_of(ctx)
    if remove_id is not None:
        if key or text:
            raise UsageError("--remove ID takes no KEY or TEXT")
        warn(f"deleted note {remove_id} of {api.remove_note(settings, remove_id)}")
        return
    if not key:
        raise UsageError("name a work: 'note KEY TEXT' adds a note, 'note KEY' lists them")
    if text:
        note_id = api.add_note(settings, key, " ".join(text))
        click.echo(note_id)
        warn(f"note {note_id} added to {key}")
        return
    notes = api.list_notes(settings, key)
    if as_json:
        emit_json(notes)
        return
    for note in notes:
        out().print(f"[{note['id']}] {note['created_at']}  {note['text']}", highlight=False, markup=False)
    warn(f"{len(notes)} notes on {key}")


@main.command("remove")
@click.argument("keys", nargs=-1, required=True)
@click.pass_context
@handle_errors
def remove_command(ctx: click.Context, keys: tuple[str, ...]) -> None:
    """Move works to the trash: they leave list, export and find; 'restore' brings them
    back, 'trash --empty' deletes them for good. Claims that cite them say so."""
    report = api.remove_works(settings_of(ctx), keys)
    for key, claims in report.citing_claims.items():
        warn(f"note: {key} is still cited by {claims} claim(s); they now say it was removed")
    warn(f"{len(report.changed)} work(s) moved to the trash" + (f", {len(report.unchanged)} already there" if report.unchanged else ""))


@main.command("restore")
@click.argument("keys", nargs=-1, required=True)
@click.pass_context
@handle_errors
def restore_command(ctx: click.Context, keys: tuple[str, ...]) -> None:
    """Bring works back from the trash, with everything they had."""
    report = api.restore_works(settings_of(ctx), keys)
    warn(f"{len(report.changed)} work(s) restored" + (f", {len(report.unchanged)} were not in the trash" if report.unchanged else ""))


@main.command("trash")
@click.option("--empty", "empty", is_flag=True, help="Delete the works in the trash for good (their raw inputs stay, detached).")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
@handle_errors
def trash_command(ctx: click.Context, empty: bool, as_json: bool) -> None:
    """List the works in the trash, or empty it."""
    settings = settings_of(ctx)
    if empty:
        counts = api.empty_trash(settings)
        if as_json:
            emit_json(counts)
        warn(
            f"deleted {counts['works']} work(s) for good; their {counts['references_kept']} raw reference(s) stay in "
            f"the library, detached; {counts['citations_unlinked']} citation(s) now say the work was removed"
        )
        return
    rows = api.list_trash(settings)
    if as_json:
        emit_json(rows)
        return
    table = rich_table("key", "year", "title", "in the trash since", "raw refs", "citations", box=None)
    for row in rows:
        table.add_row(row["key"], str(row["year"] or ""), rich_text((row["title"] or "")[:70]), row["trashed_at"],
                      str(row["references_held"]), str(row["citations"]))
    out().print(table)
    warn(f"{len(rows)} works in the trash")


@main.command("exports")
@click.option("--remove", "remove_id", default=None, metavar="ID|FILE", help="Stop keeping this export up to date (the file stays).")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
@handle_errors
def exports_command(ctx: click.Context, remove_id: str | None, as_json: bool) -> None:
    """The exports kept up to date ('export ... -o FILE --keep-updated'), or remove one."""
    settings = settings_of(ctx)
    if remove_id is not None:
        row = api.remove_export(settings, remove_id)
        warn(f"{row['path']} is no longer kept up to date (the file stays)")
        return
    rows = api.list_exports(settings)
    if as_json:
        emit_json(rows)
        return
    table = rich_table("id", "file", "format", "selection", "works", "written", "problem", box=None)
    for row in rows:
        selection = ", ".join(f"{k}={','.join(v) if isinstance(v, list) else v}" for k, v in row["selection"].items()) or "all"
        table.add_row(str(row["id"]), rich_text(row["path"]), row["format"], rich_text(selection), str(row["count"] or ""),
                      row["written_at"] or "", rich_text(row["error"] or ""))
    out().print(table)
    warn(f"{len(rows)} exports kept up to date")


# -- web app -----------------------------------------------------------------------------
@main.command("serve")
@click.option("--port", type=int, default=8765, show_default=True, help="Port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on; anything but loopback needs --token.")
@click.option("--token", envvar="VEXASCITE_WEB_TOKEN", default=None, help="Access token every browser must present ('auto' makes one).")
@click.option("--no-open", "no_open", is_flag=True, help="Do not open a browser.")
@click.pass_context
@handle_errors
def serve_command(ctx: click.Context, port: int, host: str, token: str | None, no_open: bool) -> None:
    """Browse, search, review, import, check and export the library in a web browser."""
    from .web.server import serve

    serve(settings_of(ctx), host=host, port=port, open_browser=not no_open, token=token, say=warn)
