"""What a run that talks to the services should tell the user about its manners."""

from __future__ import annotations

from ..config import Settings

NO_MAILTO = (
    "note: no mailto is set, so Crossref's polite pool and NCBI's email are not used "
    "(lower limits, no contact if something goes wrong); set mailto in vexascite.toml or VEXASCITE_MAILTO"
)


def service_notes(settings: Settings) -> list[str]:
    """One-line notes for a run that will ask the services (none when offline)."""
    if settings.offline:
        return []
    notes = []
    if not (settings.mailto or "").strip():
        notes.append(NO_MAILTO)
    return notes
