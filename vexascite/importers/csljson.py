"""Importer placeholder."""

from __future__ import annotations

from ..model import ParsedFile


def read_csljson(text: str) -> ParsedFile:
    raise NotImplementedError
