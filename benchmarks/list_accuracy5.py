"""Finding every reference in documents from ``docgen5.py``: ``vexascite parse DOC`` beside refextract.

``docgen5.py`` was written from issue 11 alone, apart from the list finder and the other four
generators (two-column PDF text, many journals' furniture, line-number margins, number-like
first words, ``[1]`` on its own line, other languages' headings, Windows line endings, lists
continued under a repeated heading, wrapped URLs). Each document's entries are scored as the issue defines it (``list_scoring.py``): an
entry is recovered when exactly one found ``raw`` matches it on letters and digits, its list
number (or Markdown footnote label) ignored; a merge is a found string holding two entries.

    .venv/bin/python benchmarks/list_accuracy5.py --part train --docs-per-layout 6 --seed 500

One ``vexascite parse`` process per document; ``--in-process`` calls the same
``parse_document`` here (development), ``--no-refextract`` leaves refextract out, ``--show N``
prints up to N misses and merges per layout with the lines around them. Seeds start at 500.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import docgen5  # noqa: E402
from list_accuracy4 import main  # noqa: E402  (one harness for the blind generators)

if __name__ == "__main__":
    raise SystemExit(main(generator=docgen5, first_seed=docgen5.FIRST_SEED, description=__doc__))
