"""Learned tagger for reference strings the rules do not read (placeholder)."""

from __future__ import annotations

from typing import Any


def tag_reference(text: str, emphasis: list[str]) -> dict[str, Any] | None:
    """Label the pieces of a cleaned reference string; None when no model is available."""
    return None
