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
from rich.text import Text

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
            note = f" ({item.message})" if item.message else ""
            warn(f"{item.path} ({item.format}): {verb}{note}")
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
    if provenance:
        _print_record_sources(row)
    stdout.print(f"\n[bold]raw occurrences[/bold] ({len(row['references'])})", highlight=False)
    for ref in row["references"]:
        where = f"{ref['source_path']}:{ref['line']}" if ref["line"] else ref["source_path"]
        stdout.print(f"- {where} [{ref['format']}, {ref['status']}]", highlight=False, markup=False)
        stdout.print("  " + ref["raw"].strip().replace("\n", "\n  ")[:2000], highlight=False, markup=False)
    if row.get("claims"):
        stdout.print(f"\n[bold]cited by[/bold] ({len(row['claims'])} claims)", highlight=False)
        for claim in row["claims"]:
            stdout.print(f"- {claim['document']}:{claim['line']} ({', '.join(claim['cited_as'])})", highlight=False, markup=False)
            stdout.print("  " + claim["text"], highlight=False, markup=False)
            if claim.get("supports") and claim["supports"] != claim["text"]:
                stdout.print("  supports: " + claim["supports"], highlight=False, markup=False)
            if claim.get("evidence"):
                stdout.print("  evidence: " + _evidence_line(claim["evidence"]), highlight=False, markup=False)
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


# -- export ----------------------------------------------------------------------------
def _write_or_print(text: str, output: str | None) -> None:
    if output and output != "-":
        api.write_text_atomically(output, text)
    else:
        click.echo(text, nl=False)


@main.command("export")
@click.option(
    "--format", "fmt", default="bibtex", show_default=True,
    type=click.Choice(["bibtex", "biblatex", "csl-json", "ris"], case_sensitive=False),
    help="Output format.",
)
@click.option("--cited-in", "cited_in", default=None, metavar="MANUSCRIPT", help="Only the works this linked manuscript cites, in order of first citation.")
@click.option("--keys", "keys", multiple=True, metavar="K", help="Only these keys (repeat, or separate with commas or spaces).")
@click.option("--unicode", is_flag=True, help="BibTeX/BibLaTeX: keep accents as UTF-8 (for biber) instead of LaTeX commands.")
@click.option("-o", "--output", default=None, type=click.Path(dir_okay=False), help="Write to this file (atomically) instead of stdout.")
@click.pass_context
@handle_errors
def export_command(
    ctx: click.Context, fmt: str, cited_in: str | None, keys: tuple[str, ...], unicode: bool, output: str | None
) -> None:
    """Export the library, a selection, or what a manuscript cites, as BibTeX, BibLaTeX, CSL-JSON or RIS."""
    result = api.export_library(settings_of(ctx), fmt, keys=keys or None, cited_in=cited_in, unicode=unicode)
    _write_or_print(result.text, output)
    warn(f"exported {result.count} works as {result.format}" + (f" to {output}" if output and output != "-" else ""))


@main.command("format")
@click.option("--style", default="vancouver", show_default=True, metavar="NAME|FILE.csl", help="CSL style name (vancouver, american-medical-association, apa, nature, blood, ...) or a .csl file.")
@click.option("--cited-in", "cited_in", default=None, metavar="MANUSCRIPT", help="Only the works this linked manuscript cites, numbered in citation order.")
@click.option("--keys", "keys", multiple=True, metavar="K", help="Only these keys (repeat, or separate with commas or spaces).")
@click.option("--to", "output_format", default="text", show_default=True, type=click.Choice(["text", "markdown", "html"]), help="Output markup.")
@click.option("-o", "--output", default=None, type=click.Path(dir_okay=False), help="Write to this file (atomically) instead of stdout.")
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
@click.argument("source", default="-", type=click.File("r", encoding="utf-8", errors="replace"))
@click.option("--lines", "per_line", is_flag=True, help="Every input line is one reference; exactly one output line per input line.")
@click.pass_context
@handle_errors
def parse_command(ctx: click.Context, source: Any, per_line: bool) -> None:
    """Parse reference strings (a file or stdin) to CSL-JSON, one JSON object per line.

    Without --lines the input is read as a document and its reference lists are found.
    Each item keeps the string as given under "raw". No library is opened.
    """
    from .refstring import PARSER_VERSION

    items = api.parse_strings(source.read(), per_line=per_line)
    emit_jsonl(items)
    warn(f"parsed {len(items)} references (parser {PARSER_VERSION})")


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
            parts.append(source["key"])
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
    """Find the citing sentences (claims) of a MANUSCRIPT (.md, .txt, .tex, .docx) and link each marker to its source."""
    report = api.link_manuscript(settings_of(ctx), manuscript, list_path)
    for item in report.imports:
        if item.status == "imported" and item.references:
            warn(f"{item.path}: {item.references} references read ({item.new_works} new works)")
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
@click.option("--limit", type=int, default=10, show_default=True, help="At most this many claims and works.")
@click.option("--json", "as_json", is_flag=True, help="Claims with their sources, and works, as JSON.")
@click.pass_context
@handle_errors
def find_command(ctx: click.Context, query: str, limit: int, as_json: bool) -> None:
    """Claim-to-source lookup: the claims about QUERY with the works that support them, and
    the works whose title and abstract best support QUERY as a statement."""
    from rich.text import Text

    result = api.find_claims(settings_of(ctx), query, limit)
    if as_json:
        emit_json(result)
        return
    for rank, claim in enumerate(result["claims"], start=1):
        text = Text(f"{rank}. ", style="bold")
        for index, piece in enumerate(claim["snippet"].split("**")):
            text.append(piece, style="bold yellow" if index % 2 else "")
        stdout.print(text)
        stdout.print(f"   {claim['document']}:{claim['line']}" + (f"  [{claim['section']}]" if claim["section"] else ""), highlight=False, markup=False, style="dim")
        for place in claim.get("also_in", []):
            stdout.print(f"   also {place['document']}:{place['line']}", highlight=False, markup=False, style="dim")
        for source in claim["sources"]:
            if source.get("key"):
                doi = f"  doi:{source['doi']}" if source.get("doi") else ""
                stdout.print(f"   - {source['key']}  {source['first_author']} {source['year'] or ''}. {source['title'] or ''}{doi}", highlight=False, markup=False)
            else:
                stdout.print(f"   - {source['target']}: {source['status']}", highlight=False, markup=False)
    if result["works"]:
        stdout.print("\n[bold]works[/bold]", highlight=False)
        for work in result["works"]:
            doi = f"  doi:{work['doi']}" if work.get("doi") else ""
            stdout.print(f"- {work['key']}  {work['first_author']} {work['year'] or ''}. {work['title'] or ''}{doi}  (cited by {work['cited']} claims)", highlight=False, markup=False)
    if result["suggested"]:
        stdout.print("\n[bold]suggested sources[/bold] (works whose abstracts fit the statement)", highlight=False)
        for source in result["suggested"]:
            stdout.print(f"- {source['key']}  ({source['score']:.2f})", highlight=False, markup=False)
            if source["evidence"]:
                stdout.print(f"  {source['evidence']}", highlight=False, markup=False, style="dim")
    warn(f"{len(result['claims'])} claims, {len(result['works'])} works, {len(result['suggested'])} suggested sources for {query!r}")


def _evidence_record(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "claim": row["text"],
        "sources": [
            {k: s.get(k) for k in ("number", "key", "first_author", "year", "title", "doi", "status", "target", "supports", "evidence")}
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

    rows = api.evidence_table(settings_of(ctx), document)
    if fmt == "jsonl":
        emit_jsonl(_evidence_record(row) for row in rows)
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(["claim", "sources", "cites", "document", "line", "section", "markers", "evidence"])
        for row in rows:
            record = _evidence_record(row)
            writer.writerow([record["claim"], _sources_text(row["sources"]), " ".join(str(n) for n in record["cites"]), row["document"], row["line"], row["section"] or "", row["markers"], _evidence_text(row["sources"])])
    elif fmt == "markdown":
        click.echo("| claim | sources | evidence | location |")
        click.echo("|---|---|---|---|")
        for row in rows:
            cells = [row["text"], _sources_text(row["sources"]), _evidence_text(row["sources"]), f"{row['document']}:{row['line']}"]
            click.echo("| " + " | ".join(cell.replace("|", "\\|").replace("\n", " ") for cell in cells) + " |")
    else:
        table = Table("line", "claim", "sources", "evidence", box=None)
        for row in rows:
            table.add_row(str(row["line"]), Text(row["text"]), Text(_sources_text(row["sources"])), Text(_evidence_text(row["sources"])))
        stdout.print(table)
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
def _resolution_progress(label: str) -> tuple[Any, Any, Any]:
    """A progress bar on stderr with found / not found / to review / failed counts."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(
        TextColumn(f"{label} [progress.description]{{task.description}}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=stderr, transient=False,
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


def _print_resolution(report: Any, as_json: bool) -> None:
    if as_json:
        emit_json({**report.as_dict(), "works": [o.as_dict() for o in report.outcomes]})
    requests = ", ".join(f"{service} {n}" for service, n in sorted(report.requests.items())) or "none"
    warn(
        f"found {report.found}, not found {report.not_found}, to review {report.review}, failed {report.failed}"
        + (f", unchanged (offline) {report.unchanged}" if report.unchanged else "")
        + f"; requests: {requests}; {report.seconds:.1f} s"
    )
    for outcome in report.outcomes:
        if str(outcome.status) == "failed":
            warn(f"failed: {outcome.key}: {outcome.reason}")
    if report.failed:
        from .errors import ServiceUnavailable

        raise ServiceUnavailable(
            f"{report.failed} reference(s) could not be checked because a service did not answer; "
            "everything else is saved, run 'vexascite resolve' again to retry them"
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
    bar, on_start, on_done = _resolution_progress("resolve")
    with bar:
        report = api.resolve_works(settings, keys, only_missing=only_missing, refresh=refresh, progress=on_done, on_start=on_start)
    _print_resolution(report, as_json)


@main.command("add")
@click.argument("identifiers", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
@handle_errors
def add_command(ctx: click.Context, identifiers: tuple[str, ...], as_json: bool) -> None:
    """Add works by DOI, PMID or PMCID (doi:..., https://doi.org/..., PMID: 123, PMC123, ...)."""
    bar, on_start, on_done = _resolution_progress("add")
    with bar:
        report = api.add_identifiers(settings_of(ctx), identifiers, progress=on_done, on_start=on_start)
    for text in report.unreadable:
        warn(f"error: {text!r} is not a DOI, PMID or PMCID")
    for key in report.added:
        click.echo(key)
    for key in report.known:
        warn(f"already in the library: {key}")
    for new, known in report.merged:
        warn(f"already in the library: {known} (found once resolved; {new} merged into it)")
    if report.resolution is not None:
        _print_resolution(report.resolution, as_json)
    if report.unreadable:
        raise ItemProblems(f"{len(report.unreadable)} identifier(s) not understood; the others were added")


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
    if lines_path:
        try:
            with open(lines_path, encoding="utf-8") as handle:
                strings = [line.rstrip("\n").rstrip("\r") for line in handle]
        except (OSError, UnicodeDecodeError) as exc:
            raise InputUnreadable(f"{lines_path}: cannot read: {exc}") from exc
    else:
        strings = [reference or ""]
    failed = 0
    for result in api.lookup_references(settings_of(ctx), strings):
        failed += result["status"] == "failed"
        emit_jsonl([result])
    if failed:
        from .errors import ServiceUnavailable

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
    table = Table("id", "key", "source", "score", "DOI", "PMID", "candidate title", "why", box=None)
    for row in rows:
        table.add_row(str(row["id"]), row["work_key"], row["source"], f"{row['score'] or 0:.2f}", row["doi"] or "",
                      row["pmid"] or "", (row["csl"].get("title") or "")[:70], (row["reason"] or "")[:80])
    stdout.print(table)
    warn(f"{len(rows)} candidates to review; 'vexascite review --accept ID' applies one")


def _print_record_sources(row: dict[str, Any]) -> None:
    """Which service records the fields came from, and the answer each was read from."""
    stdout.print(f"\n[bold]verified records[/bold] ({len(row.get('records') or [])})", highlight=False)
    for record in row.get("records") or []:
        answer = f" from {record['method']} {record['url']} (answered {record['fetched_at']})" if record.get("url") else ""
        stdout.print(f"- {record['source']}, verified {record['verified_at']}{answer}", highlight=False, markup=False)
    resolution = row.get("resolution")
    if resolution:
        how = f"matched by {resolution['matched_by']}" if resolution.get("matched_by") else resolution["status"]
        score = f", score {resolution['score']:.2f}" if resolution.get("score") is not None else ""
        stdout.print(f"resolution: {how}{score}: {resolution.get('reason') or ''}", highlight=False, markup=False)


@main.command("rekey")
@click.argument("key")
@click.argument("new_key", required=False)
@click.pass_context
@handle_errors
def rekey_command(ctx: click.Context, key: str, new_key: str | None) -> None:
    """Change a work's citation key to NEW_KEY, or to a fresh one from its current fields.

    Keys never change on their own; manuscripts that cite the old key must be updated.
    """
    old, new = api.rekey_work(settings_of(ctx), key, new_key)
    click.echo(new)
    warn(f"{old} is now {new}" if old != new else f"{old} kept (already the key its fields give)")
