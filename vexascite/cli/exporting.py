"""Commands that write the library out: export, format."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from .. import api
from ..errors import UsageError
from ..exporters import export_formats
from ..wording import quantity
from .common import handle_errors, progress_on_terminal, settings_of, warn


def _write_or_print(text: str, output: str | None) -> None:
    if output and output != "-":
        written = api.write_output(output, text)
        if written.new_folder:
            warn(f"created folder {written.new_folder}")
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


@click.command("export")
@click.option(
    "--format", "fmt", default=None,
    type=RegistryChoice(export_formats),
    help="Output format (default: the one -o FILE's extension names, .bib, .json or .ris; else bibtex).",
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
    ctx: click.Context, fmt: str | None, cited_in: str | None, keys: tuple[str, ...], tag: str | None, collection: str | None,
    unicode: bool, output: str | None, keep_updated: bool,
) -> None:
    """Export the library, a selection, or what a manuscript cites, as BibTeX, BibLaTeX,
    CSL-JSON or RIS. Selections combine (--keys, --tag, --collection, --cited-in); notes
    go in annote (BibTeX, BibLaTeX, CSL-JSON) or N1 (RIS)."""
    if keep_updated and (not output or output == "-"):
        raise UsageError("--keep-updated needs -o FILE: an export to stdout cannot be kept up to date")
    settings = settings_of(ctx)
    if fmt is None:  # --format wins over the extension (BibLaTeX is written to .bib files too)
        fmt = (api.export_format_of_file(output) if output and output != "-" else None) or "bibtex"
    result = api.export_library(
        settings, fmt, keys=keys or None, cited_in=cited_in, unicode=unicode, tag=tag, collection=collection
    )
    _write_or_print(result.text, output)
    warn(f"exported {quantity(result.count, 'work')} as {result.format}" + (f" to {output}" if output and output != "-" else ""))
    if result.in_trash:
        warn(f"note: left out {quantity(len(result.in_trash), 'cited work')} in the trash: {', '.join(result.in_trash)}; 'vexascite restore KEY' brings one back")
    if keep_updated and output:
        ident = api.keep_export_updated(
            settings, output, fmt, keys=list(keys) or None, tag=tag, collection=collection, cited_in=cited_in, unicode=unicode,
            count=result.count,
        )
        warn(f"{output} is kept up to date (export {ident}); 'vexascite exports --remove {ident}' stops it")


@click.command("format")
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
    with progress_on_terminal():  # thousands of works take a while: a bar on a terminal, nothing when piped
        result = api.format_library(settings_of(ctx), style, keys=keys or None, cited_in=cited_in, output=output_format)
    _write_or_print(result.text, output)
    warn(f"{quantity(len(result.entries), 'reference')} in style {result.style} ({result.style_file})")
