"""Notes are exported where each format keeps an annotation: annote (BibTeX, BibLaTeX,
CSL-JSON) and N1 (RIS), never CSL ``note``, which styles print."""

from __future__ import annotations

import json

import rispy
from pybtex.database import parse_string

from vexascite.exporters import ExportItem, export_items

ITEM = ExportItem(
    "roe2020", {"type": "article-journal", "title": "T", "note": "Publisher note"}, None,
    ["Mine: {braces} & 100%", "two\nlines"],
)


def test_bibtex_and_biblatex_write_notes_as_annote():
    for fmt in ("bibtex", "biblatex"):
        entry = parse_string(export_items([ITEM], fmt), "bibtex").entries["roe2020"]
        assert "braces" in entry.fields["annote"] and "two" in entry.fields["annote"]
        assert entry.fields["note"] == "Publisher note"


def test_an_imported_annote_is_kept_before_the_notes():
    item = ExportItem("k", {"title": "T"}, {"entrytype": "article", "key": "k", "fields": {"annote": "Imported"}}, ["Mine"])
    text = export_items([item], "bibtex")
    assert text.count("annote") == 1 and "{Imported\n\nMine}" in text


def test_ris_writes_one_n1_per_note_on_one_line():
    entry = rispy.loads(export_items([ITEM], "ris"))[0]
    assert entry["notes"] == ["Publisher note", "Mine: {braces} & 100%", "two lines"]


def test_csl_json_writes_notes_as_annote():
    item = json.loads(export_items([ITEM], "csl-json"))[0]
    assert item["annote"] == "Mine: {braces} & 100%\n\ntwo\nlines" and item["note"] == "Publisher note"


def test_no_notes_no_annotation():
    plain = ExportItem("k", {"title": "T"})
    assert "annote" not in export_items([plain], "bibtex") and "N1" not in export_items([plain], "ris")
