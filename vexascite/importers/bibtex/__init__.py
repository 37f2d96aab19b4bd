"""BibTeX and BibLaTeX entries to CSL items, through bibtexparser v2's splitter.

Only the raw split is left to bibtexparser (:mod:`.splitter`): its decoding middleware
costs about twelve times the parse, so values are resolved here (:mod:`.values`:
``@string`` macros, ``#`` concatenation, month macros) and only fields that contain
LaTeX are decoded, with pylatexenc (the codec bibtexparser itself uses), cached because
names (:mod:`.names`) and journals repeat. :mod:`.fields` maps fields to CSL,
:mod:`.entries` reads the entries of one part of a file, :mod:`.reading` reads a file
part by part (a large one in other processes). The raw entry keeps every field
verbatim; ``extra["bibtex"]`` keeps, resolved, the fields CSL has no place for, so an
export can give them back.

The importer registry (:mod:`vexascite.importers`) reads files with
:func:`read_bibtex` and :func:`iter_bibtex_parts`.
"""

from __future__ import annotations

from .entries import run_on_fields
from .fields import (
    ENTRY_TYPES,
    EPRINT_TYPES,
    MAPPED_FIELDS,
    TEXT_FIELDS,
    VERBATIM_FIELDS,
    entry_to_csl,
    fields_without_csl_home,
)
from .names import parse_names, split_names
from .reading import (
    CHUNK_CHARS,
    PARALLEL_MIN_CHARS,
    inheritance_targets,
    iter_bibtex_parts,
    read_bibtex,
    reading_processes,
    split_chunks,
)
from .values import MAX_VALUE_CHARS, ValueTooLong, collect_strings, resolve_value, split_top_level

__all__ = [
    "CHUNK_CHARS", "ENTRY_TYPES", "EPRINT_TYPES", "MAPPED_FIELDS", "MAX_VALUE_CHARS", "PARALLEL_MIN_CHARS", "TEXT_FIELDS",
    "VERBATIM_FIELDS", "ValueTooLong", "collect_strings", "entry_to_csl", "fields_without_csl_home", "inheritance_targets",
    "iter_bibtex_parts", "parse_names", "read_bibtex", "reading_processes", "resolve_value", "run_on_fields",
    "split_chunks", "split_names", "split_top_level",
]
