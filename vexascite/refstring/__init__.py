"""Reference strings: find reference lists in documents and parse each entry to CSL-JSON.

Pure: no I/O beyond reading the packaged tagger model. ``parse_reference`` never raises;
the raw string itself is not part of the returned item (callers keep it: the library's
``refs`` table stores it next to the parsed fields and ``PARSER_VERSION``).
"""

from __future__ import annotations

from .lists import ListEntry, ReferenceList, find_reference_lists, page_furniture
from .parse import PARSER_VERSION, parse_reference

__all__ = ["PARSER_VERSION", "ListEntry", "ReferenceList", "find_reference_lists", "page_furniture", "parse_reference"]
