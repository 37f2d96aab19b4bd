"""Commands that organise the library: tags, collections, notes, trash, kept-up-to-date exports."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from .. import api
from ..errors import UsageError
from ..wording import quantity, verb
from .common import ROW_ID, emit_json, handle_errors, out, settings_of, warn
from .tables import table_or_json, title_cell


@click.command("tag", context_settings={"ignore_unknown_options": True})
@click.argument("args", nargs=-1, required=True, metavar="KEY... +TAG... -TAG...")
@click.pass_context
@handle_errors
def tag_command(ctx: click.Context, args: tuple[str, ...]) -> None:
    """Add (+TAG) and remove (-TAG) tags on works; 'list --tag TAG' and 'export --tag TAG'
    select by tag, 'tags' lists them. Tags match whatever their case (+jak adds the tag
    JAK if the library has it) and keep the spelling they were first given."""
    keys, add, remove = api.split_tag_args(args)
    report = api.tag_works(settings_of(ctx), keys, add, remove)
    warn(
        f"{quantity(len(report.added), 'tag')} added, {len(report.removed)} removed, "
        f"{len(report.unchanged)} already so, on {quantity(len(set(keys)), 'work')}"
    )


@click.command("tags")
@click.option("--json", "as_json", is_flag=True, help="Print it as JSON, for scripts.")
@click.pass_context
@handle_errors
def tags_command(ctx: click.Context, as_json: bool) -> None:
    """Every tag with the number of works that carry it."""
    rows = api.list_tags(settings_of(ctx))
    table_or_json(rows, as_json, ("tag", "works"), lambda row: (row["tag"], row["works"]), quantity(len(rows), "tag"))


@click.group("collection")
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


def _membership_command(name: str, add: bool, summary: str, done: str, already: Callable[[int], str]) -> click.Command:
    """``collection add`` or ``collection remove``: the same change of membership, either way."""

    @collection_group.command(name, help=summary)
    @click.argument("path")
    @click.argument("keys", nargs=-1, required=True)
    @click.pass_context
    @handle_errors
    def command(ctx: click.Context, path: str, keys: tuple[str, ...]) -> None:
        changed, unchanged = api.change_collection(settings_of(ctx), path, keys, add=add)
        warn(f"{quantity(len(changed), 'work')} {done} {path}" + (f", {len(unchanged)} {already(len(unchanged))}" if unchanged else ""))

    return command


collection_add = _membership_command("add", True, "Put works in collection PATH (created if missing).", "added to", lambda n: "already in it")
collection_remove = _membership_command(
    "remove", False, "Take works out of collection PATH (they stay in the library).", "taken out of", lambda n: f"{verb(n, 'was', 'were')} not in it"
)


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
    warn(f"deleted {quantity(collections, 'collection')} ({quantity(members, 'membership')}); no work was removed")


@collection_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print it as JSON, for scripts.")
@click.pass_context
@handle_errors
def collection_list(ctx: click.Context, as_json: bool) -> None:
    """Every collection with its works (own, and with its sub-collections)."""
    rows = api.list_collections(settings_of(ctx))
    table_or_json(
        rows, as_json, ("collection", "works", "with sub-collections"),
        lambda row: (row["path"], row["works"], row["with_subcollections"]), quantity(len(rows), "collection"),
    )


@click.command("note")
@click.argument("key", required=False)
@click.argument("text", nargs=-1)
@click.option("--remove", "remove_id", type=ROW_ID, default=None, metavar="ID", help="Delete note ID (ids are shown by 'note KEY').")
@click.option("--json", "as_json", is_flag=True, help="With KEY alone: the notes as JSON.")
@click.pass_context
@handle_errors
def note_command(ctx: click.Context, key: str | None, text: tuple[str, ...], remove_id: int | None, as_json: bool) -> None:
    """Add a note to work KEY ('note KEY TEXT'), list its notes ('note KEY'), or delete one
    ('note --remove ID'). Notes are shown by 'show' and exported as annote (BibTeX,
    BibLaTeX, CSL-JSON) or N1 (RIS)."""
    settings = settings_of(ctx)
    if remove_id is not None:
        if key or text:
            raise UsageError("--remove ID takes no KEY or TEXT")
        warn(f"deleted note {remove_id} of {api.remove_note(settings, remove_id)}")
        return
    if not key:
        raise UsageError("name a work: 'note KEY TEXT' adds a note, 'note KEY' lists them")
    if text:
        note_id, added = api.add_note(settings, key, " ".join(text))
        click.echo(note_id)
        warn(f"note {note_id} added to {key}" if added else f"note {note_id} on {key} already says this: nothing added")
        return
    notes = api.list_notes(settings, key)
    if as_json:
        emit_json(notes)
        return
    for note in notes:
        out().print(f"[{note['id']}] {note['created_at']}  {note['text']}", highlight=False, markup=False)
    warn(f"{quantity(len(notes), 'note')} on {key}")


@click.command("remove")
@click.argument("keys", nargs=-1, required=True)
@click.pass_context
@handle_errors
def remove_command(ctx: click.Context, keys: tuple[str, ...]) -> None:
    """Move works to the trash: they leave list, export, find and suggest; 'restore' brings them
    back, 'trash --empty' deletes them for good. Claims that cite them say so."""
    report = api.remove_works(settings_of(ctx), keys)
    for key, claims in report.citing_claims.items():
        warn(f"note: {key} is still cited by {quantity(claims, 'claim')}; {verb(claims, 'it now says', 'they now say')} it was removed")
    warn(f"{quantity(len(report.changed), 'work')} moved to the trash" + (f", {len(report.unchanged)} already there" if report.unchanged else ""))


@click.command("restore")
@click.argument("keys", nargs=-1, required=True)
@click.pass_context
@handle_errors
def restore_command(ctx: click.Context, keys: tuple[str, ...]) -> None:
    """Bring works back from the trash, with everything they had."""
    report = api.restore_works(settings_of(ctx), keys)
    unchanged = len(report.unchanged)
    warn(f"{quantity(len(report.changed), 'work')} restored" + (f", {unchanged} {verb(unchanged, 'was', 'were')} not in the trash" if unchanged else ""))


@click.command("trash")
@click.option("--empty", "empty", is_flag=True, help="Delete the works in the trash for good (their raw inputs stay, detached).")
@click.option("--json", "as_json", is_flag=True, help="Print it as JSON, for scripts.")
@click.pass_context
@handle_errors
def trash_command(ctx: click.Context, empty: bool, as_json: bool) -> None:
    """List the works in the trash, or empty it."""
    settings = settings_of(ctx)
    if empty:
        counts = api.empty_trash(settings)
        if as_json:
            emit_json(counts)
        if not counts["works"]:
            warn("the trash is empty: nothing to delete")
            return
        kept, unlinked = counts["references_kept"], counts["citations_unlinked"]
        warn(
            f"deleted {quantity(counts['works'], 'work')} for good; {verb(counts['works'], 'its', 'their')} "
            f"{quantity(kept, 'raw reference')} {verb(kept, 'stays', 'stay')} in the library, detached; "
            f"{quantity(unlinked, 'citation')} now {verb(unlinked, 'says', 'say')} the work was removed"
        )
        return
    rows = api.list_trash(settings)
    table_or_json(
        rows, as_json, ("key", "year", "title", "in the trash since", "raw refs", "citations"),
        lambda row: (row["key"], row["year"] or "", title_cell(row["title"], 70), row["trashed_at"], row["references_held"], row["citations"]),
        f"{quantity(len(rows), 'work')} in the trash",
    )


@click.command("exports")
@click.option("--remove", "remove_id", default=None, metavar="ID|FILE", help="Stop keeping this export up to date (the file stays).")
@click.option("--json", "as_json", is_flag=True, help="Print it as JSON, for scripts.")
@click.pass_context
@handle_errors
def exports_command(ctx: click.Context, remove_id: str | None, as_json: bool) -> None:
    """The exports kept up to date ('export ... -o FILE --keep-updated'), or remove one."""
    settings = settings_of(ctx)
    if remove_id is not None:
        row = api.remove_export(settings, remove_id)
        warn(f"{row['path']} is no longer kept up to date (the file stays)")
        return

    def cells(row: dict[str, Any]) -> tuple[object, ...]:
        selection = ", ".join(f"{k}={','.join(v) if isinstance(v, list) else v}" for k, v in row["selection"].items()) or "all"
        return row["id"], row["path"], row["format"], selection, row["count"] or "", row["written_at"], row["error"]

    rows = api.list_exports(settings)
    table_or_json(
        rows, as_json, ("id", "file", "format", "selection", "works", "written", "problem"), cells,
        f"{quantity(len(rows), 'export')} kept up to date",
    )
