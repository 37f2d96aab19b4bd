#!/usr/bin/env bash
# Install vexascite into .venv, then run the main job on the bundled VEXAS data:
# import bib/ into library.db, link the example manuscripts' claims to their sources,
# answer two claim queries, suggest sources for a statement, and print a summary.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -e ".[test]"
vx=.venv/bin/vexascite
$vx import bib/
$vx link bib/manuscripts/jak-inhibitors-in-vexas.md
$vx link bib/manuscripts/jak-inhibitors-in-vexas-numbered.txt
$vx find "ruxolitinib" --limit 3
$vx find "JAK inhibitors thrombosis" --limit 3
$vx suggest "Ruxolitinib did better than other JAK inhibitors in VEXAS syndrome" --limit 3
$vx stats
