"""PDFs whose reference list is set in two columns: read column by column, entries never
glued across the gutter, page and line positions kept, and a page taken apart is reported."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from tests.documents.pdfs import two_column_pdf
from vexascite.documents import page_position, read_document_bytes
from vexascite.refstring import find_reference_lists

JOURNALS = ["J Invented Med", "Fict Haematol", "Rheum Examples", "Blood Made Up", "Derm Invent", "Transpl Examples", "Leuk Fict"]
FAMILIES = ["Harwell", "Ondrak", "Lindqvist", "Brauner", "Kettil", "Okafor", "Vidal-Ruiz", "Sato", "Marchetti", "Olsen", "Yilmaz",
            "Petrakis", "Aaltonen", "Baptiste", "Chen", "Dubois", "Nakamura", "Quist", "Ferreira", "Kowalczyk", "Mbeki"]
WORDS = ["somatic", "variants", "marrow", "vacuoles", "relapsing", "chondritis", "macrocytic", "anaemia", "clonal", "steroid",
         "sparing", "treatment", "outcomes", "transplantation", "skin", "lesions", "cohort", "older", "men", "invented",
         "syndrome", "ruxolitinib", "azacitidine", "retrospective", "series", "fever", "vasculitis", "thrombosis"]


def invented(count: int) -> list[str]:
    """Made-up references, each with its own authors and title (no two lines alike)."""
    rng = random.Random(count)
    out = []
    for n in range(1, count + 1):
        authors = ", ".join(f"{FAMILIES[(n * k + 3) % len(FAMILIES)]} {'ABCDEFGH'[(n + k) % 8]}{'JKLM'[k % 4]}" for k in range(1, 2 + n % 4))
        title = " ".join(rng.sample(WORDS, 6 + n % 9)).capitalize()
        year = 1995 + (n * 5) % 29
        out.append(f"{n}. {authors}. {title} in {FAMILIES[n % len(FAMILIES)]} county. {JOURNALS[n % 7]}. {year};{n + 3}:{11 * n}-{11 * n + 8}. doi:10.5555/inv.{year}.{n}")
    return out


def key(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


@pytest.mark.parametrize("across", [False, True], ids=["column-by-column", "row-by-row"])
def test_two_column_list_over_two_pages_reads_every_entry_whole(across: bool):
    entries = invented(40)
    document = read_document_bytes(two_column_pdf(entries, across=across), "columns.pdf")
    assert len(document.page_lines) == 2
    assert bool(document.notes) == across
    if across:
        assert document.notes == ["pages 1, 2: two columns drawn line by line across the page, read column by column"]
    found = find_reference_lists(document.text)
    assert len(found) == 1
    assert [entry.number for entry in found[0].entries] == list(range(1, 41))
    assert [key(entry.text) for entry in found[0].entries] == [key(entry) for entry in entries]
    # each entry starts on its own page and at a line of that page that holds its start
    lines = document.text.split("\n")
    for entry in found[0].entries:
        assert lines[entry.line - 1].startswith(f"{entry.number}. "), entry
    pages = [page_position(document.page_lines, entry.line)[0] for entry in found[0].entries]
    assert pages == sorted(pages) and pages[0] == 1 and pages[-1] == 2


def test_one_column_pdf_is_not_read_again(tmp_path: Path):
    from tests.documents.pdfs import text_pdf

    text = "References\n" + "\n".join(invented(12))
    document = read_document_bytes(text_pdf(text), "single.pdf")
    assert document.notes == []
    assert [entry.number for entry in find_reference_lists(document.text)[0].entries] == list(range(1, 13))


def test_parse_and_import_say_a_page_was_read_column_by_column(tmp_path: Path, run_cli):
    path = tmp_path / "columns.pdf"
    path.write_bytes(two_column_pdf(invented(30), across=True))
    parsed = run_cli("parse", str(path))
    assert parsed.exit_code == 0, parsed.output
    assert [json.loads(line)["citation-number"] for line in parsed.stdout.splitlines()] == [str(n) for n in range(1, 31)]
    assert "page 1: two columns drawn line by line across the page, read column by column" in parsed.stderr
    imported = run_cli("import", str(path))
    assert imported.exit_code == 0, imported.output
    assert "page 1: two columns drawn line by line across the page, read column by column" in imported.output
    assert "30 references" in imported.output
