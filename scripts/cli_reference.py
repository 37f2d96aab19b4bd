"""Write docs/cli.md from the CLI's own --help texts (run after changing a command).

Usage:

    .venv/bin/python scripts/cli_reference.py          # rewrite docs/cli.md
    .venv/bin/python scripts/cli_reference.py --check  # exit 1 if docs/cli.md is stale
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from vexascite.cli import main

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def reference() -> str:
    parts = ["# vexascite command reference", "", "Generated from `--help` by `scripts/cli_reference.py`; do not edit by hand.", ""]
    settings = {"terminal_width": 100, "help_option_names": ["-h", "--help"]}
    with click.Context(main, info_name="vexascite", **settings) as ctx:
        parts += ["## vexascite", "", "```", main.get_help(ctx), "```", ""]
        for name in main.list_commands(ctx):
            command = main.get_command(ctx, name)
            with click.Context(command, info_name=name, parent=ctx, **settings) as sub:
                parts += [f"## vexascite {name}", "", "```", command.get_help(sub), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    text = reference()
    if "--check" in sys.argv:
        sys.exit(0 if DOC.exists() and DOC.read_text(encoding="utf-8") == text else 1)
    DOC.write_text(text, encoding="utf-8")
