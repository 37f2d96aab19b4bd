"""Text, JSON (validated against docs/check-json-schema.json) and GitHub annotations."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from vexascite.check import CheckReport, Finding, Kind, Severity, render
from vexascite.check.render import github_annotation

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "docs" / "check-json-schema.json").read_text())


def report() -> CheckReport:
    return CheckReport(
        "paper, draft.md",
        [
            Finding(Kind.AUTHOR_MISMATCH, Severity.WARNING, "first author is printed 'Georjgin-Lavialle'", line=12,
                    reference="3", suggestion="write 'Georgin-Lavialle'", source="Crossref", field="author[0]",
                    printed="Georjgin-Lavialle", expected="Georgin-Lavialle"),
            Finding(Kind.RETRACTED, Severity.ERROR, "reference 1 has been retracted:\nsee notice", line=10, reference="1",
                    notice={"category": "retraction", "type": "retraction", "doi": "10.1016/x", "date": "2020-06-05",
                            "source": "retraction-watch"}),
            Finding(Kind.NO_CITATIONS, Severity.WARNING, "no markers"),
        ],
        references=3, markers=2, checked=2,
    )


def test_json_output_follows_the_documented_schema():
    data = json.loads(render(report(), "json"))
    jsonschema.validate(data, SCHEMA)
    assert [f["line"] for f in data["findings"][:2]] == [10, 12]
    assert data["summary"] == {"references": 3, "markers": 2, "checked": 2, "errors": 1, "warnings": 2, "infos": 0}


def test_schema_rejects_an_unknown_kind():
    data = json.loads(render(report(), "json"))
    data["findings"][0]["kind"] = "something-else"
    try:
        jsonschema.validate(data, SCHEMA)
    except jsonschema.ValidationError:
        return
    raise AssertionError("schema accepted an unknown kind")


def test_every_kind_is_in_the_schema():
    assert set(SCHEMA["$defs"]["finding"]["properties"]["kind"]["enum"]) == {str(k) for k in Kind}


def test_text_output_has_file_line_severity_and_fix():
    text = render(report(), "text")
    assert "paper, draft.md:12: warning [author-mismatch] first author is printed 'Georjgin-Lavialle'" in text
    assert "    fix: write 'Georgin-Lavialle' (source: Crossref)" in text
    assert text.rstrip().endswith("1 error, 2 warnings, 0 notes")


def test_github_annotations_escape_properties_and_newlines():
    rep = report()
    line = github_annotation(rep, rep.findings[1])
    assert line.startswith("::error file=paper%2C draft.md,line=10,title=vexascite retracted::")
    assert "%0A" in line and "\n" not in line
    assert github_annotation(rep, rep.findings[2]).startswith("::warning file=paper%2C draft.md,title=")
    info = Finding(Kind.CORRECTED, Severity.INFO, "100% corrected", line=3)
    assert github_annotation(rep, info).endswith("::100%25 corrected")
