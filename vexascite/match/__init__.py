"""Pure matching over many works at once (no store, no network): which pairs of works in a
library look like one work (:mod:`vexascite.match.near`)."""
