"""Commands over manuscripts: link, find, claims, check."""

from __future__ import annotations

import sys
from typing import Any

import click

from .. import api
from ..errors import ItemProblems
from ..wording import quantity, shortened, verb
from .common import (
    LIMIT,
    emit_json,
    emit_jsonl,
    evidence_line,
    handle_errors,
    inert,
    out,
    rich_text,
    say_removed,
    settings_of,
    warn,
)
from .tables import print_table, title_cell


def _sources_text(sources: list[dict[str, Any]]) -> str:
    parts = []
    for source in sources:
        if source.get("key"):
            parts.append(source["key"] + (" (removed: in the trash)" if source.get("removed") else ""))
        else:
            parts.append(f"{source['target']} ({source['status']})")
    return "; ".join(parts)


def _evidence_text(sources: list[dict[str, Any]]) -> str:
    lines = [f"{s['key']}: {evidence_line(s.get('evidence'))}" for s in sources if s.get("key") and s.get("evidence")]
    return "; ".join(lines)


@click.command("link")
@click.argument("manuscript", type=click.Path())
@click.option("--list", "list_path", default=None, type=click.Path(), help="The numbered reference list, when it is not in the manuscript (text, Word, PDF, or 'parse' output); a BibTeX, RIS or CSL-JSON file serves key markers.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--strict", is_flag=True, help="Exit 3 when a marker resolves to nothing.")
@click.pass_context
@handle_errors
def link_command(ctx: click.Context, manuscript: str, list_path: str | None, as_json: bool, strict: bool) -> None:
    """Find the citing sentences (claims) of a MANUSCRIPT (.md, .txt, .tex, .docx, .pdf) and link each marker to its source."""
    report = api.link_manuscript(settings_of(ctx), manuscript, list_path)
    for item in report.imports:
        for issue in item.problems:  # entries of its lists or fields that could not be read
            where = f"{item.path}:{issue.line}" if issue.line else item.path
            entry = f" [{issue.entry_key}]" if issue.entry_key else ""
            warn(f"warning: {where}{entry}: {issue.message}")
        if item.status == "imported" and item.references:
            warn(f"{item.path}: {quantity(item.references, 'reference')} read ({quantity(item.new_works, 'new work')})")
        for line in item.notes:
            warn(f"  {item.path}: {line}")
        say_removed(item)
    for problem in report.problems:
        warn(f"warning: {report.path}:{problem['line']}: {problem['status']} marker {problem['marker']}: {problem['message']}")
    for note in report.notes:
        warn(f"note: {report.path}:{note['line']}: marker {note['marker']}: {note['message']}")
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
                "notes": report.notes,
                "ignored_affiliation_marks": report.ignored_marks,
                "lists": report.lists,
                "claims_gone": report.claims_gone,
                "claims_new": report.claims_new,
            }
        )
    warn(
        f"{report.path}: {quantity(report.sentences, 'sentence')}, {quantity(report.claims, 'claim')}, {quantity(report.citations, 'citation')}: "
        f"{report.linked} linked, {report.entry_only} to unread list entries, {len(report.problems)} dangling or ambiguous"
        + (f"; {quantity(report.ignored_marks, 'affiliation mark')} ignored" if report.ignored_marks else "")
        + (f"; since the last link: {quantity(report.claims_gone, 'claim')} gone, "
           f"{report.claims_new} new" if report.claims_gone or report.claims_new else "")
    )
    if strict and report.problems:
        raise ItemProblems(f"{quantity(len(report.problems), 'marker')} {verb(len(report.problems), 'resolves', 'resolve')} to nothing or to several works")


@click.command("find")
@click.argument("query")
@click.option("--limit", type=LIMIT, default=10, show_default=True, help="At most this many claims and works.")
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
                out().print(f"   - {source['key']}  {source['first_author']} {source['year'] or ''}. {title_cell(source['title'])}{doi}{removed}", highlight=False, markup=False)
            else:
                out().print(f"   - {source['target']}: {source['status']}", highlight=False, markup=False)
    if result["works"]:
        out().print("\n[bold]works[/bold]", highlight=False)
        for work in result["works"]:
            doi = f"  doi:{work['doi']}" if work.get("doi") else ""
            out().print(f"- {work['key']}  {work['first_author']} {work['year'] or ''}. {title_cell(work['title'])}{doi}  (cited by {quantity(work['cited'], 'claim')})", highlight=False, markup=False)
    if result["suggested"]:
        out().print("\n[bold]suggested sources[/bold] (works whose abstracts fit the statement)", highlight=False)
        for source in result["suggested"]:
            out().print(f"- {source['key']}  ({source['score']:.2f})", highlight=False, markup=False)
            if source["evidence"]:
                out().print(f"  {source['evidence']}", highlight=False, markup=False, style="dim")
    warn(
        f"{quantity(len(result['claims']), 'claim')}, {quantity(len(result['works']), 'work')}, "
        f"{quantity(len(result['suggested']), 'suggested source')} for {shortened(query)}"
    )


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


@click.command("claims")
@click.option("--doc", "document", default=None, metavar="MANUSCRIPT", help="Only the claims of this linked manuscript.")
@click.option("--format", "fmt", default="table", show_default=True, type=click.Choice(["table", "jsonl", "csv", "markdown"]),
              help="table for people; jsonl (one claim a line), csv (spreadsheets) or markdown for other programs.")
@click.pass_context
@handle_errors
def claims_command(ctx: click.Context, document: str | None, fmt: str) -> None:
    """Export the evidence table: each claim, its sources, document and location."""
    import csv

    from ..exporters.markup import markdown_text, one_line, spreadsheet_cell

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
            click.echo("| " + " | ".join(markdown_text(one_line(cell)) for cell in cells) + " |")
    else:
        print_table(
            ("line", "claim", "sources", "evidence"),
            [(row["line"], row["text"], _sources_text(row["sources"]), _evidence_text(row["sources"])) for row in rows],
        )
    warn(quantity(len(rows), "claim"))


@click.command("check")
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
    from ..check import Severity, render

    report = api.check_manuscript(settings_of(ctx), manuscript, list_path)
    text = render(report, fmt)
    click.echo(text if fmt == "json" else inert(text), nl=False)  # findings quote abstracts and printed references
    serious = report.serious(Severity(fail_on))
    if strict and serious:
        raise ItemProblems(f"{quantity(len(serious), 'serious finding')} in {manuscript}")
