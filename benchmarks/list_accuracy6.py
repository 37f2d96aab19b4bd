"""Finding every reference in documents from ``docgen6.py``: ``vexascite parse DOC`` beside refextract.

``docgen6.py`` was written from issue 11 alone, apart from the list finder and the other five generators,
aimed at combinations: bare ``1 `` numbers past 999 with a gap and furniture inside an entry (even between its
number and its text), descending lists wrapped as PDF text, hanging-indent author-year lists whose continuation
lines open with a name or a year, blank-line-separated entries holding a blank line, one reference a line with
very short lines (``Ibid.``), Unicode superscript labels, late starts, two lists, back matter (legends, tables,
acknowledgements, contributions, conflicts), many journals' furniture, other languages' headings, Windows line
endings, non-breaking spaces and tabs after labels. Each document's entries are scored as the issue defines it
(``list_scoring.py``): an entry is recovered when exactly one found ``raw`` matches it on letters and digits, its
list number ignored; a merge is a found string holding two entries.

    .venv/bin/python benchmarks/list_accuracy6.py --part train --docs-per-layout 6 --seed 600

One ``vexascite parse`` process per document; ``--in-process`` calls the same
``parse_document`` here (development), ``--no-refextract`` leaves refextract out, ``--show N``
prints up to N misses and merges per layout with the lines around them. Seeds start at 600.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import docgen6  # noqa: E402
from list_accuracy4 import main  # noqa: E402  (one harness for the blind generators)

if __name__ == "__main__":
    raise SystemExit(main(generator=docgen6, first_seed=docgen6.FIRST_SEED, description=__doc__))
