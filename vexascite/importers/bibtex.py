"""Importer placeholder."""

from __future__ import annotations

from ..model import ParsedFile


def read_bibtex(text: str) -> ParsedFile:
    raise NotImplementedError
