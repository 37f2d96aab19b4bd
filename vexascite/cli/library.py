"""Commands that read and edit the library: list, show, stats, duplicates, merge, rekey, edit."""

from __future__ import annotations

from typing import Any

import click

from .. import api
from ..wording import quantity, shortened
from .common import LIMIT, emit_json, evidence_line, handle_errors, out, settings_of, warn
from .tables import field_cell, print_table, table_or_json, title_cell


def first_author(csl: dict[str, Any]) -> str:
    people = csl.get("author") or csl.get("editor") or []
    if not people:
        return ""
    name = people[0].get("family") or people[0].get("literal") or ""
    return name + (" et al." if len(people) > 1 else "")


@click.command("list")
@click.argument("query", nargs=-1)
@click.option("--tag", default=None, metavar="TAG", help="Only works with this tag.")
@click.option("--collection", default=None, metavar="PATH", help="Only works in this collection or its sub-collections.")
@click.option("--trash", "in_trash", is_flag=True, help="Search the trash instead of the library.")
@click.option("--limit", type=LIMIT, default=None, help="At most this many works.")
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
        print_table(
            ("key", "year", "first author", "title", "journal", "DOI", "PMID"),
            [(r["key"], r["year"] or "", first_author(r["csl"]), title_cell(r["title"], 80), title_cell(r["container"]), r["doi"], r["pmid"]) for r in rows],
        )
    if result.empty_query:
        warn(f"nothing to search for in {shortened(text or '')} (no word to look for; '-word' and NOT only leave works out): no works listed")
    else:
        warn(quantity(len(rows), "work") + (" in the trash" if in_trash else ""))


@click.command("show")
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
    from rich.text import Text

    trashed = f", in the trash since {row['trashed_at']}; 'vexascite restore {row['key']}' brings it back" if row["trashed"] else ""
    resolution = row.get("resolution")
    # why the work is in its status when no current resolution says it (an edit made it unresolved)
    why = f": {row['status_message']}" if row.get("status_message") and not (resolution and resolution["current"]) else ""
    out().print(Text.assemble((row["key"], "bold"), f"  ({row['status']}{why}{trashed})"), highlight=False)
    if row.get("aliases"):
        also = ", ".join(f"{a['alias']} ({a['reason']})" for a in row["aliases"])
        out().print(f"also known as: {also}", highlight=False, markup=False)
    edits = row.get("edits") or {}
    fields = []
    for name, value in sorted(row["csl"].items()):
        shown = field_cell(name, value)
        label = f"{name} (edited)" if name in edits else name
        fields.append((label, shown, *([row["provenance"].get(name, "")] if provenance else [])))
    for name in sorted(n for n, v in edits.items() if v is None):
        fields.append((f"{name} (removed)", "", *(["user"] if provenance else [])))
    print_table(("field", "value", *(["source"] if provenance else [])), fields)
    _print_disagreements(row.get("disagreements") or {})
    if provenance:
        _print_record_sources(row)
    out().print(f"\n[bold]raw occurrences[/bold] ({len(row['references'])})", highlight=False)
    for ref in row["references"]:
        where = ref["source_path"] or "(no file: added by identifier)"
        where = f"{where}:{ref['line']}" if ref["line"] else where
        out().print(f"- {where} [{ref['format']}, {ref['status']}]", highlight=False, markup=False)
        out().print("  " + ref["raw"].strip().replace("\n", "\n  ")[:2000], highlight=False, markup=False)
    if row.get("claims"):
        out().print(f"\n[bold]cited by[/bold] ({quantity(len(row['claims']), 'claim')})", highlight=False)
        for claim in row["claims"]:
            out().print(f"- {claim['document']}:{claim['line']} ({', '.join(claim['cited_as'])})", highlight=False, markup=False)
            out().print("  " + claim["text"], highlight=False, markup=False)
            if claim.get("supports") and claim["supports"] != claim["text"]:
                out().print("  supports: " + claim["supports"], highlight=False, markup=False)
            if claim.get("evidence"):
                out().print("  evidence: " + evidence_line(claim["evidence"]), highlight=False, markup=False)

    for label, values in (("tags", row["tags"]), ("collections", row["collections"])):
        if values:  # user text: never read as markup
            out().print(Text.assemble("\n", (label, "bold"), ": " + ", ".join(values)), highlight=False)
    if row["notes"]:
        out().print(f"\n[bold]notes[/bold] ({len(row['notes'])})", highlight=False)
        for note in row["notes"]:
            out().print(f"- [{note['id']}] {note['text']}", highlight=False, markup=False)
    for extra in row.get("sections", []):
        out().print(extra, highlight=False)


@click.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print it as JSON, for scripts.")
@click.pass_context
@handle_errors
def stats_command(ctx: click.Context, as_json: bool) -> None:
    """Counts of files, references and works, by format, type and status."""
    stats = api.library_stats(settings_of(ctx))
    if as_json:
        emit_json(stats)
        return
    counts: list[tuple[str, object]] = []
    for name, value in stats.items():
        if isinstance(value, dict):
            counts.extend((f"{name}: {sub}", count) for sub, count in value.items())
        else:
            counts.append((name, value))
    print_table(("what", "count"), counts)


@click.command("duplicates")
@click.option("--threshold", type=click.FloatRange(0, 100), default=85.0, show_default=True, help="Likeness (0-100) to list.")
@click.option("--json", "as_json", is_flag=True, help="Print it as JSON, for scripts.")
@click.pass_context
@handle_errors
def duplicates_command(ctx: click.Context, threshold: float, as_json: bool) -> None:
    """List pairs of works that look alike but were not merged; merge them with 'merge'."""
    pairs = api.find_near_duplicates(settings_of(ctx), threshold)
    table_or_json(
        pairs, as_json, ("score", "key A", "key B", "why", "title A", "title B"),
        lambda p: (f"{p.score:.0f}", p.key_a, p.key_b, p.why, title_cell(p.title_a, 60), title_cell(p.title_b, 60)),
        quantity(len(pairs), "possible duplicate pair"),
        as_dict=lambda p: {"a": p.key_a, "b": p.key_b, "score": p.score, "why": p.why, "title_a": p.title_a,
                           "title_b": p.title_b},
    )
    if pairs.unlisted:
        warn(f"{quantity(pairs.unlisted, 'more pair')} scored {threshold:g} or more but not listed: each work is "
             f"listed with its {pairs.per_work} most alike; merge those, or raise --threshold, and run it again")


@click.command("merge")
@click.argument("keep")
@click.argument("drop")
@click.pass_context
@handle_errors
def merge_command(ctx: click.Context, keep: str, drop: str) -> None:
    """Merge work DROP into work KEEP (KEEP's key stays; nothing is lost)."""
    result = api.merge_works(settings_of(ctx), keep, drop)
    if result["merged"] is None:
        warn(f"nothing to merge: {keep} and {drop} name the same work already ({result['key']}; "
             f"'vexascite show {result['key']}' lists its keys)")
        return
    warn(f"merged {result['merged']} into {result['key']}")
    for name, gave_way in zip(result["edits_gave_way"], api.describe_gave_way(result), strict=True):
        warn(f"{gave_way}; 'vexascite edit {result['key']} {name}=...' sets it again")
    if result.get("set_aside"):
        warn(api.describe_set_aside(result["key"], result["set_aside"]))


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
    aside = row.get("records_set_aside") or []
    if aside:
        out().print(f"\n[bold]records set aside[/bold] ({len(aside)}): they supply no field", highlight=False)
    for record in aside:
        ids = ", ".join(f"{name} {record[name.lower()]}" for name in ("DOI", "PMID") if record.get(name.lower()))
        out().print(f"- {record['source']} ({ids or 'no identifier'}), verified {record['verified_at']}, set aside "
                    f"{record['set_aside_at']}: {record['reason']}", highlight=False, markup=False)
    resolution = row.get("resolution")
    if resolution:
        how = f"matched by {resolution['matched_by']}" if resolution.get("matched_by") else resolution["status"]
        score = f", score {resolution['score']:.2f}" if resolution.get("score") is not None else ""
        if resolution.get("current", True):
            out().print(f"resolution: {how}{score}: {resolution.get('reason') or ''}", highlight=False, markup=False)
        else:  # the work moved on (an edit, a review decision): the old outcome is history, said as such
            out().print(f"last resolution ({resolution['resolved_at']}, {resolution['status']}, no longer current: "
                        f"{resolution['since']}): {how}{score}: {resolution.get('reason') or ''}",
                        highlight=False, markup=False)


@click.command("rekey")
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
    same = f"{old} kept (already its key)" if new_key is not None else f"{old} kept (already the key its fields give)"
    warn(f"{old} is now {new} ({old} still names it)" if old != new else same)


@click.command("edit")
@click.argument("key")
@click.argument("assignments", nargs=-1, metavar="FIELD=VALUE...")
@click.option("--unset", "unset", multiple=True, metavar="FIELD", help="Remove FIELD from the work (repeatable).")
@click.option("--revert", "revert", multiple=True, metavar="FIELD",
              help="Drop your edit of FIELD: the sources' value is used again (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print the edited record as JSON.")
@click.pass_context
@handle_errors
def edit_command(ctx: click.Context, key: str, assignments: tuple[str, ...], unset: tuple[str, ...], revert: tuple[str, ...],
                 as_json: bool) -> None:
    """Set fields of a work yourself: title='...', author='Beck, David B. and ...', year=2020,
    journal=..., pages=2628--2638, DOI=... They win over every source, survive re-import,
    'resolve --refresh', 'merge' and 'reparse', and 'show' marks them; --revert drops one.
    """
    result = api.edit_work(settings_of(ctx), key, assignments, unset, revert)
    if as_json:
        emit_json(result)
    unchanged = set(result.get("unchanged") or ())
    changed = [*(name for name in result["set"] if name not in unchanged), *(f"-{name}" for name in result["unset"] if name not in unchanged)]
    if changed:
        warn(f"{result['key']}: edited {', '.join(changed)}")
    if result.get("unchanged"):
        warn(f"{result['key']}: {', '.join(result['unchanged'])} already as you edited {'it' if len(result['unchanged']) == 1 else 'them'}; unchanged")
    if result["reverted"]:
        warn(f"{result['key']}: your edits of {', '.join(result['reverted'])} dropped; the sources' values are used")
    if result.get("set_aside"):
        warn(api.describe_set_aside(result["key"], result["set_aside"]))
