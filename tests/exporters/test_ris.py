"""RIS export: rispy (and vexascite's RIS importer) read back what was written."""

from __future__ import annotations

from pathlib import Path

import pytest
import rispy

from vexascite.exporters import ExportItem
from vexascite.exporters.ris import work_to_ris, write_ris
from vexascite.importers.ris import read_ris

from .helpers import gold_works

WORK = {
    "type": "article-journal",
    "title": "Somatic mutations in <i>UBA1</i>",
    "author": [{"family": "Beck", "given": "David B."}, {"literal": "VEXAS Study Group"}],
    "container-title": "N Engl J Med",
    "issued": {"date-parts": [[2020, 12, 31]]},
    "volume": "383",
    "issue": "27",
    "page": "2628–2638",
    "DOI": "10.1056/NEJMoa2026834",
    "PMID": "33108101",
    "PMCID": "PMC1234567",
    "URL": "https://example.org/a",
}


def test_fields_and_plain_text() -> None:
    entry = work_to_ris(ExportItem("beck2020somatic", WORK))
    assert entry["type_of_reference"] == "JOUR"
    assert entry["id"] == "beck2020somatic"
    assert entry["title"] == "Somatic mutations in UBA1"
    assert entry["authors"] == ["Beck, David B.", "VEXAS Study Group"]
    assert (entry["start_page"], entry["end_page"]) == ("2628", "2638")
    assert entry["date"] == "2020/12/31/"
    assert entry["accession_number"] == "33108101"


def test_no_numbered_header_and_rispy_reads_it_back(shared_dir: Path) -> None:
    items = [ExportItem("beck2020somatic", WORK), *gold_works(shared_dir)]
    text = write_ris(items)
    assert text.startswith("TY  - JOUR\n")
    entries = rispy.loads(text)
    assert len(entries) == len(items)
    assert entries[0]["doi"] == "10.1056/NEJMoa2026834"


def test_vexascite_reads_it_back(shared_dir: Path) -> None:
    items = gold_works(shared_dir)
    parsed = read_ris(write_ris(items))
    assert parsed.problems == []
    assert len(parsed.references) == len(items)
    for item, ref in zip(items, parsed.references, strict=True):
        assert ref.fields.get("title") == item.csl.get("title")
        assert ref.fields.get("DOI") == item.csl.get("DOI")


@pytest.mark.parametrize("names", [
    [{"literal": "Invented Vasculitis Agency, Northern Office for Testing"}, {"family": "Force", "given": "Lisa M."}],
    [{"literal": "VEXAS Study Group, French network"}, {"literal": "WHO, Regional Office"}],
    [{"literal": "Regional Office WHO"}, {"family": "Beck", "given": "David B.", "suffix": "Jr."}],
])
def test_names_come_back_as_they_were_written(names: list[dict[str, str]]) -> None:
    """An organisation with a comma stays one literal name after export and import (RIS
    has no other way to write it), people stay people, and a suffix stays a suffix."""
    work = {**WORK, "author": names}
    parsed = read_ris(write_ris([ExportItem("k", work)]))
    assert parsed.references[0].fields["author"] == names


HOSTILE_TITLE = "Ruxolitinib in VEXAS\nER  - \r\nTY  - JOUR\nTI  - An injected second record\u2028AU  - Nobody, A\nER  - "


def test_line_breaks_in_values_cannot_start_a_record(run_cli, tmp_path: Path) -> None:
    import json

    source = tmp_path / "hostile.json"
    source.write_text(json.dumps([{
        "id": "h", "type": "article-journal", "title": HOSTILE_TITLE,
        "author": [{"family": "Heiblig\nER  - ", "given": "M"}], "container-title": "Blood\nTY  - BOOK",
        "note": "line one\nline two", "issued": {"date-parts": [[2022]]},
    }]), encoding="utf-8")
    assert run_cli("import", str(source)).exit_code == 0
    exported = tmp_path / "out.ris"
    assert run_cli("export", "--format", "ris", "-o", str(exported)).exit_code == 0
    text = exported.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert sum(line.startswith("TY  -") for line in lines) == 1 and sum(line.startswith("ER  -") for line in lines) == 1
    assert len(rispy.loads(text)) == 1
    reread = run_cli("--db", str(tmp_path / "second.db"), "import", str(exported))
    assert reread.exit_code == 0, reread.output
    listed = run_cli("--db", str(tmp_path / "second.db"), "list", "--json")
    works = json.loads(listed.stdout)
    assert len(works) == 1
    assert "An injected second record" in works[0]["title"]  # kept, on one line


def test_formatted_text_and_markdown_give_one_line_per_entry(run_cli, tmp_path: Path) -> None:
    import json

    source = tmp_path / "hostile.json"
    source.write_text(json.dumps([{"id": "h", "type": "article-journal", "title": "First line\n# Heading\n\nPara",
                                   "author": [{"family": "Heiblig", "given": "M"}], "issued": {"date-parts": [[2022]]}}]),
                      encoding="utf-8")
    assert run_cli("import", str(source)).exit_code == 0
    text = run_cli("format", "--to", "text").stdout
    assert len(text.strip().splitlines()) == 1 and "# Heading" in text
    markdown = run_cli("format", "--to", "markdown").stdout
    assert not any(line.startswith("#") for line in markdown.splitlines())
