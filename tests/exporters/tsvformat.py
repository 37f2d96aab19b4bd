"""A test-only export format: one module with a writer, registered by the tests that use
it. It shows that adding a format needs nothing else (no CLI, API or store change)."""

from __future__ import annotations

from collections.abc import Sequence

from vexascite.exporters import ExportFormat, ExportItem, ExportOptions

NAME = "test-tsv"


def write_tsv(items: Sequence[ExportItem], options: ExportOptions) -> str:
    """key, year and title, tab-separated, one work a line."""
    lines = ["key\tyear\ttitle"]
    for item in items:
        parts = (item.csl.get("issued") or {}).get("date-parts") or [[""]]
        title = str(item.csl.get("title") or "").replace("\t", " ").replace("\n", " ")
        lines.append(f"{item.key}\t{parts[0][0]}\t{title}")
    return "\n".join(lines) + "\n"


FORMAT = ExportFormat(NAME, write_tsv, "key, year and title as tab-separated values")
