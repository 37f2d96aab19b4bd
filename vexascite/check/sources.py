"""Findings on a cited work whose sources disagree in substance (pure).

The library keeps every source's value (see :mod:`vexascite.merge`) and uses one by a
documented rule; ``check`` says so, so the author can see which value the bibliography
uses and which other values exist.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .findings import Finding, Kind, Severity

_FIELD_NAMES = {"issued": "year", "page": "first page", "volume": "volume", "DOI": "DOI", "PMID": "PMID"}


def _text(value: Any) -> str:
    if isinstance(value, dict) and "date-parts" in value:
        parts = value.get("date-parts") or [[]]
        return str(parts[0][0]) if parts and parts[0] else "?"
    return str(value)


def disagreement_findings(
    label: str, line: int | None, disagreements: Mapping[str, list[dict[str, Any]]], printed_source: str | None = None
) -> list[Finding]:
    """One finding per field the work's sources state differently: the value used (the
    best-ranked source's: the user, then the services, then imports) and the others.

    The printed reference (``printed_source``) against the verified records is what
    field and identifier mismatches already say, so only the other sources count here.
    """
    findings = []
    for name, stated in sorted(disagreements.items()):
        values = [
            {**v, "sources": [s for s in v["sources"] if s != printed_source]}
            for v in stated
        ]
        values = [v for v in values if v["sources"]]
        if len(values) < 2:
            continue
        used, others = values[0], values[1:]
        what = _FIELD_NAMES.get(name, name)
        listed = "; ".join(f"{_text(v['value'])} ({', '.join(v['sources'])})" for v in others)
        findings.append(Finding(
            Kind.SOURCES_DISAGREE, Severity.INFO,
            f"reference {label}: sources disagree on the {what}: {_text(used['value'])} ({', '.join(used['sources'])}) "
            f"is used; also stated: {listed}",
            suggestion=f"if the {what} used is wrong, set it with 'vexascite edit KEY {name}=...'",
            line=line, reference=label,
        ))
    return findings
