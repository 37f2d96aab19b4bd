"""BibLaTeX eprint/eprinttype: read as identifiers, written back as biblatex and biber accept."""

from __future__ import annotations

import json
import re
from pathlib import Path

from vexascite.importers.bibtex import entry_to_csl

ENTRIES = r"""
@article{beck2020,
  title = {Somatic mutations in {UBA1}},
  author = {Beck, David B.},
  journaltitle = {N Engl J Med},
  date = {2020},
  volume = {383},
  number = {27},
  eprint = {90000123},
  eprinttype = {pmid}
}
@online{smith2021,
  title = {A preprint},
  author = {Smith, Jane},
  date = {2021},
  eprint = {2101.00001},
  eprinttype = {arxiv}
}
@book{old1950,
  title = {An old book},
  author = {Old, Alan},
  year = {1950},
  eprint = {12345},
  eprinttype = {jstor}
}
"""


def fields_of(entry: str) -> dict[str, str]:
    return dict(re.findall(r"^  (\w+) = (.*?),?$", entry, re.M))


def entries(text: str) -> dict[str, dict[str, str]]:
    out = {}
    for chunk in text.split("\n@")[0:]:
        key = re.search(r"\{([^,]+),", chunk)
        if key:
            out[key.group(1)] = fields_of(chunk)
    return out


def test_eprint_types_are_identifiers() -> None:
    work, _ = entry_to_csl("article", {"eprint": "90000123", "eprinttype": "pubmed", "number": "27"})
    assert work["PMID"] == "90000123" and work["issue"] == "27" and "number" not in work
    work, _ = entry_to_csl("article", {"eprint": "PMC9900001", "eprinttype": "pmc"})
    assert work["PMCID"] == "PMC9900001"
    work, _ = entry_to_csl("misc", {"eprint": "2101.00001", "archiveprefix": "arXiv"})
    assert work["number"] == "arXiv:2101.00001"
    work, notes = entry_to_csl("article", {"eprint": "not-a-pmid", "eprinttype": "pubmed"})
    assert "PMID" not in work and any("not a PMID" in n for n in notes)
    work, _ = entry_to_csl("book", {"eprint": "12345", "eprinttype": "jstor"})
    assert "number" not in work


def test_round_trip_through_both_dialects(tmp_path: Path, run_cli) -> None:
    bib = tmp_path / "eprint.bib"
    bib.write_text(ENTRIES, encoding="utf-8")
    assert run_cli("import", str(bib)).exit_code == 0
    biblatex = entries(run_cli("export", "--format", "biblatex").stdout)
    assert biblatex["beck2020"]["eprint"] == "{90000123}" and biblatex["beck2020"]["eprinttype"] == "{pubmed}"
    assert biblatex["beck2020"]["number"] == "{27}" and "pmid" not in biblatex["beck2020"]
    assert "issue" not in biblatex["beck2020"]
    assert biblatex["smith2021"]["eprint"] == "{2101.00001}" and biblatex["smith2021"]["eprinttype"] == "{arxiv}"
    assert biblatex["old1950"]["eprint"] == "{12345}" and biblatex["old1950"]["eprinttype"] == "{jstor}"
    bibtex = entries(run_cli("export", "--format", "bibtex").stdout)
    assert bibtex["beck2020"]["pmid"] == "{90000123}" and "eprint" not in bibtex["beck2020"]
    assert bibtex["smith2021"]["eprint"] == "{2101.00001}" and bibtex["smith2021"]["archiveprefix"] == "{arXiv}"
    assert "number" not in bibtex["smith2021"]
    csl = {item["id"]: item for item in json.loads(run_cli("export", "--format", "csl-json").stdout)}
    assert csl["beck2020"]["PMID"] == "90000123" and csl["beck2020"]["issue"] == "27"
    assert csl["smith2021"]["number"] == "arXiv:2101.00001"
