"""Free-text reference lists (Vancouver, AMA, ...): placeholder until the parser lands."""

from __future__ import annotations

from ..model import ParsedFile


def read_text_references(text: str) -> ParsedFile:
    """Find and parse reference lists in a plain-text or Markdown document."""
    raise NotImplementedError
