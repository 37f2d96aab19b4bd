"""The plain data every layer shares: the one timestamp format, the failed-reference record."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from vexascite.model import utc_now


def test_timestamps_are_utc_iso_to_the_second():
    before = datetime.now(UTC).replace(microsecond=0)
    stamp = utc_now()
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", stamp)
    assert before <= datetime.fromisoformat(stamp) <= datetime.now(UTC)


def test_the_store_and_the_http_client_write_the_same_format():
    from vexascite.resolve import http
    from vexascite.store import now

    assert now is utc_now
    assert http.utc_now is utc_now


def test_an_unreadable_entry_is_reported_and_kept_as_failed():
    from vexascite.model import ParsedFile, RefStatus

    parsed = ParsedFile(format="ris")
    parsed.unreadable("TY  - JOUR\nTI  - broken", 7, "not a valid RIS entry", "k1")
    assert [(p.line, p.message, p.entry_key) for p in parsed.problems] == [(7, "not a valid RIS entry", "k1")]
    (ref,) = parsed.references
    assert (ref.raw, ref.format, ref.line, ref.entry_key) == ("TY  - JOUR\nTI  - broken", "ris", 7, "k1")
    assert ref.status is RefStatus.FAILED and ref.message == "not a valid RIS entry"
