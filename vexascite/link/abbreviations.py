"""Abbreviation definitions now live in :mod:`vexascite.documents.abbreviations` (shared
with evidence ranking); this name is kept for the linker."""

from ..documents.abbreviations import best_long_form, find_abbreviations

__all__ = ["best_long_form", "find_abbreviations"]
