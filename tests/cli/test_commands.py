"""The command table: every command named once, loaded from its module only when asked for."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import click
import pytest

from vexascite.cli import COMMANDS, LazyGroup, load_command, main

ROOT = Path(__file__).resolve().parents[2]


def _modules_after(code: str) -> set[str]:
    probe = code + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_every_named_command_loads_from_its_module_under_its_name() -> None:
    for name, module in COMMANDS.items():
        command = load_command(name, module)
        assert command.name == name
        assert command.get_short_help_str(), f"{name} has no help text"


def test_every_command_a_module_defines_is_in_the_table() -> None:
    defined = set()
    for module in set(COMMANDS.values()):
        loaded = importlib.import_module(f"vexascite.cli.{module}")
        defined |= {(value.name, module) for attribute, value in vars(loaded).items()
                    if isinstance(value, click.Command) and attribute.endswith(("_command", "_group"))}
    assert defined == set(COMMANDS.items())


def test_help_lists_every_command_with_its_short_help() -> None:
    with click.Context(main, info_name="vexascite", **main.context_settings) as ctx:
        assert main.list_commands(ctx) == sorted(COMMANDS)
        text = main.get_help(ctx)
    for name in COMMANDS:
        assert f"\n  {name} " in text


def test_an_unknown_command_is_a_usage_error(run_cli) -> None:
    result = run_cli("lsit")
    assert result.exit_code == 2 and "No such command 'lsit'" in result.stderr


def test_a_broken_table_entry_says_which() -> None:
    group = LazyGroup(lazy={"nothing": "library"})
    with click.Context(group) as ctx, pytest.raises(RuntimeError, match="no command 'nothing'"):
        group.get_command(ctx, "nothing")


def _cli_modules_after(*args: str) -> list[str]:
    loaded = _modules_after(
        "import contextlib, io\nfrom vexascite.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    try:\n        main({list(args)!r}, standalone_mode=False)\n    except SystemExit:\n        pass\n"
    )
    return sorted(m for m in loaded if m.startswith("vexascite.cli."))


def test_a_command_loads_its_own_module_and_help_loads_them_all() -> None:
    assert sorted(m for m in _modules_after("import vexascite.cli") if m.startswith("vexascite.cli.")) == [
        "vexascite.cli.common"
    ]
    assert _cli_modules_after("list", "--help") == ["vexascite.cli.common", "vexascite.cli.library", "vexascite.cli.tables"]
    assert _cli_modules_after("tag", "--help") == ["vexascite.cli.common", "vexascite.cli.organising", "vexascite.cli.tables"]
    assert _cli_modules_after("--help") == sorted(f"vexascite.cli.{m}" for m in {"common", "tables", *COMMANDS.values()})


def test_every_option_says_what_it_does_in_help() -> None:
    silent = []

    def walk(command: click.Command, path: str) -> None:
        silent.extend(f"{path} {option.opts[0]}" for option in command.params
                      if isinstance(option, click.Option) and not option.hidden and not option.help)
        if isinstance(command, click.Group):
            context = click.Context(command)
            for name in command.list_commands(context):
                walk(command.get_command(context, name), f"{path} {name}")

    walk(main, "vexascite")
    assert silent == []
