"""Importer placeholder."""

from __future__ import annotations

from ..model import ParsedFile


def read_identifier_list(text: str) -> ParsedFile:
    raise NotImplementedError
