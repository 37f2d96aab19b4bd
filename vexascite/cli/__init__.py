"""The command line: a thin click layer over :mod:`vexascite.api`.

Each command lives in a module of this package by what it works on (``library``,
``importing``, ``exporting``, ``manuscripts``, ``resolving``, ``organising``, ``serving``);
:data:`COMMANDS` names the module of each, and :class:`LazyGroup` imports that module only
when its command runs or ``--help`` lists it, so ``vexascite list`` never pays for the
other commands' definitions. ``common`` holds what they share, including the one
mapping of exceptions to messages and exit codes (``handle_errors``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

import click

from .. import api
from ..config import load_settings
from ..errors import UsageError
from ..wording import quantity
from .common import handle_errors, warn

#: Every command: its name and the module of this package that defines it, as the
#: attribute ``<name>_command`` (a group: ``<name>_group``).
COMMANDS: dict[str, str] = {
    "add": "resolving",
    "check": "manuscripts",
    "claims": "manuscripts",
    "collection": "organising",
    "duplicates": "library",
    "edit": "library",
    "export": "exporting",
    "exports": "organising",
    "find": "manuscripts",
    "format": "exporting",
    "import": "importing",
    "link": "manuscripts",
    "list": "library",
    "lookup": "resolving",
    "merge": "library",
    "note": "organising",
    "parse": "importing",
    "rekey": "library",
    "remove": "organising",
    "reparse": "importing",
    "resolve": "resolving",
    "restore": "organising",
    "review": "resolving",
    "serve": "serving",
    "show": "library",
    "stats": "library",
    "suggest": "resolving",
    "tag": "organising",
    "tags": "organising",
    "trash": "organising",
}


class LazyGroup(click.Group):
    """A group whose commands are imported from their module when first asked for."""

    def __init__(self, *args: object, lazy: dict[str, str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lazy = lazy

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy and cmd_name not in self.commands:
            self.add_command(load_command(cmd_name, self.lazy[cmd_name]), cmd_name)
        return super().get_command(ctx, cmd_name)


def load_command(name: str, module_name: str) -> click.Command:
    """The command ``name`` from ``vexascite.cli.<module_name>``."""
    module = importlib.import_module(f"{__name__}.{module_name}")
    command = getattr(module, f"{name}_command", None) or getattr(module, f"{name}_group", None)
    if not isinstance(command, click.Command) or command.name != name:
        raise RuntimeError(f"vexascite.cli.{module_name} defines no command {name!r}")
    return command


@click.group(cls=LazyGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", envvar="VEXASCITE_DB", default=None, help="Library file (default library.db).")
@click.option("--config", "config_path", default=None, help="Settings file (default vexascite.toml).")
@click.version_option(package_name="vexascite")
@click.pass_context
@handle_errors
def main(ctx: click.Context, db: str | None, config_path: str | None) -> None:
    """vexascite: import, resolve, link, export and check the references of a manuscript."""
    ctx.ensure_object(dict)
    if config_path is not None and not Path(config_path).is_file():  # named, so meant: never ignored unread
        why = "is a folder, not a settings file" if Path(config_path).is_dir() else "no such settings file"
        raise UsageError(f"--config {config_path}: {why}")
    ctx.obj["settings"] = load_settings(config_path, db=db)
    api.report_lock_waits(_say_waiting())
    api.report_notices(warn)
    refreshed = api.watch_export_refreshes()
    ctx.call_on_close(lambda: _report_refreshed_exports(refreshed))


def _say_waiting() -> Callable[[str, float, float], None]:
    """A lock-wait reporter: one line on stderr when the wait starts, then every 10 s."""
    said = [-1]

    def report(path: str, waited: float, limit: float) -> None:
        step = int(waited // 10)
        if step > said[0]:
            said[0] = step
            warn(f"{path} is busy: another vexascite is writing; waiting for it ({waited:.0f} s of {limit:.0f} s)")

    return report


def _report_refreshed_exports(refreshed: list[api.SyncResult]) -> None:
    """After any command: say which kept-up-to-date exports it rewrote, or could not."""
    for result in refreshed:
        if result.error:
            warn(f"warning: kept-up-to-date export {result.path} not rewritten: {result.error}")
        else:
            warn(f"rewrote kept-up-to-date export {result.path} ({quantity(result.count or 0, 'work')}, {result.format})")
