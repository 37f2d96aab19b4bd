"""Render a :class:`~vexascite.check.findings.CheckReport`: text for people, JSON for
scripts (schema in ``docs/check-json-schema.json``), GitHub Actions workflow commands
for a manuscript repository's CI."""

from __future__ import annotations

import json

from ..wording import quantity
from .findings import CheckReport, Finding, Severity

FORMATS = ("text", "json", "github")

_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render_text(report: CheckReport) -> str:
    """One block per finding, ``file:line: severity [kind] message`` then the fix."""
    lines: list[str] = []
    for finding in report.sorted_findings():
        where = f"{report.manuscript}:{finding.line}" if finding.line is not None else report.manuscript
        lines.append(f"{where}: {finding.severity} [{finding.kind}] {finding.message}")
        if finding.suggestion:
            source = f" (source: {finding.source})" if finding.source else ""
            lines.append(f"    fix: {finding.suggestion}{source}")
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def summary_line(report: CheckReport) -> str:
    line = (
        f"{report.manuscript}: {quantity(report.references, 'reference')}, {quantity(report.markers, 'marker')}, "
        f"{report.checked} verified; {quantity(report.count(Severity.ERROR), 'error')}, "
        f"{quantity(report.count(Severity.WARNING), 'warning')}, {quantity(report.count(Severity.INFO), 'note')}"
    )
    if report.support is not None:
        missing = report.support["not_checked"]
        line += f"\n{report.manuscript}: support of {quantity(report.support['checked'], 'citation')} checked against abstracts"
        if missing:
            line += f"; not checked (no abstract): reference{'s' if len(missing) > 1 else ''} {', '.join(missing)}"
    return line


def render_json(report: CheckReport) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(report: CheckReport, finding: Finding) -> str:
    """One workflow command (``::error file=...,line=...,title=...::message``)."""
    properties = [f"file={_escape_property(report.manuscript)}"]
    if finding.line is not None:
        properties.append(f"line={finding.line}")
    properties.append(f"title={_escape_property('vexascite ' + str(finding.kind))}")
    message = finding.message + (f" Fix: {finding.suggestion}" if finding.suggestion else "")
    if finding.source:
        message += f" (source: {finding.source})"
    return f"::{_GITHUB_LEVEL[finding.severity]} {','.join(properties)}::{_escape_data(message)}"


def render_github(report: CheckReport) -> str:
    lines = [github_annotation(report, f) for f in report.sorted_findings()]
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def render(report: CheckReport, fmt: str = "text") -> str:
    if fmt == "json":
        return render_json(report)
    if fmt == "github":
        return render_github(report)
    return render_text(report)
