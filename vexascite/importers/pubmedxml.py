"""Importer placeholder."""

from __future__ import annotations

from ..model import ParsedFile


def read_pubmed_xml(text: str) -> ParsedFile:
    raise NotImplementedError
