#!/usr/bin/env bash
# make pictures: regenerate the README's pictures from the product itself, so that they never
# drift from it. Each picture of the README and what produces it:
#   docs/images/desktop.png           the desktop journey, step 5 (tests/journey, after "Analyse value chains")
#   docs/images/company_dock.png      the desktop journey, step 4 (an offer added through the company dock)
#   docs/images/synergy_dock.png      the desktop journey, step 6 (the synergy dock at its first click)
#   docs/images/possible_links.png    the desktop journey, step 6 (the possible link under review, highlighted)
#   docs/images/partner_view.png      the desktop journey, step 8 (plain QGIS, plugin disabled, opening the file)
#   docs/images/territory.png         make demo (scripts/demo.py renders the demo's stored project)
#   docs/images/print_synergies.png   make demo's demo/synergies.pdf, page 1 at 150 dpi (pdftoppm)
#   docs/images/open_team_workspace.png  not regenerated: it needs a team server and a saved
#                                        connection; taken with ../shared/tools/qgis-screenshot.
#   docs/images/architecture.svg      drawn by hand (docs/architecture.md)
# `make test` runs the same journey into a temporary folder and never writes into the tree.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${VENV:-.venv}/bin/python
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen
TF_JOURNEY_SHOTS="$work/shots" "$PYTHON" -m pytest tests/journey -q
"$PYTHON" scripts/demo.py "$work/demo" >/dev/null
images=docs/images
cp "$work/shots/5_missing_links_en.png" "$images/desktop.png"
cp "$work/shots/4_offer_added_en.png" "$images/company_dock.png"
cp "$work/shots/6_synergy_dock_en.png" "$images/synergy_dock.png"
cp "$work/shots/6_possible_link_en.png" "$images/possible_links.png"
cp "$work/shots/8_partner_en.png" "$images/partner_view.png"
cp "$work/demo/territory.png" "$images/territory.png"
pdftoppm -r 150 -png -f 1 -l 1 -singlefile "$work/demo/synergies.pdf" "$images/print_synergies"
echo "pictures regenerated in $images (see git diff --stat $images)"
