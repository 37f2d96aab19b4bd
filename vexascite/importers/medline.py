"""Importer placeholder."""

from __future__ import annotations

from ..model import ParsedFile


def read_medline(text: str) -> ParsedFile:
    raise NotImplementedError
