"""What every exporter takes: a work's key, its effective CSL record, and what the
inputs said that CSL has no place for."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Work


@dataclass(slots=True)
class ExportItem:
    """One work to write out.

    ``key`` is the library's citation key (stable, unique); ``csl`` the effective record;
    ``bibtex`` the entry type, key and unknown fields of the BibTeX entry the work was
    imported from (``{"entrytype": ..., "key": ..., "fields": {name: raw LaTeX}}``), so
    they are given back on export; ``notes`` the user's notes on the work (BibTeX and
    BibLaTeX ``annote``, RIS ``N1``, CSL-JSON ``annote``); ``aliases`` the other keys that name the work (after
    ``rekey``, ``merge``, or another file's key), which BibLaTeX can cite too (``ids``).
    """

    key: str
    csl: Work
    bibtex: dict[str, Any] | None = field(default=None)
    notes: list[str] = field(default_factory=list)
    aliases: tuple[str, ...] = ()
