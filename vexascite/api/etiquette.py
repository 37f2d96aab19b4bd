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
    from ..resolve.engine import shared_schedule

    notes = []
    if not (settings.mailto or "").strip():
        notes.append(NO_MAILTO)
    schedule = shared_schedule(settings)
    problem = schedule.check() if schedule is not None else None
    if problem:
        notes.append(f"note: rate limits are not shared with other vexascite runs ({problem}); this run paces itself alone")
    return notes
