"""docs/cli.md is the CLI's own --help, kept in sync."""

import runpy
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_cli_reference_is_in_sync_with_help():
    module = runpy.run_path(str(ROOT / "scripts" / "cli_reference.py"))
    expected = module["reference"]()
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == expected, (
        "docs/cli.md is stale: run .venv/bin/python scripts/cli_reference.py"
    )
