#!/usr/bin/env bash
# Install vexascite in .venv and import the bundled VEXAS bibliography into library.db.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install -q -e ".[test]"
.venv/bin/vexascite import bib/
.venv/bin/vexascite stats
