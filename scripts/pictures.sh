#!/usr/bin/env bash
# make pictures: regenerate the README's pictures from the product itself, so that they never
# drift from it. Each picture of the README and what produces it:
#   docs/images/desktop.png           the desktop journey, step 5 (tests/journey, after "Analyse value chains")
#   docs/images/company_dock.png      the desktop journey, step 4 (an offer added through the company dock)
#   docs/images/synergy_dock.png      the desktop journey, step 6 (the synergy dock at its first click)
#   docs/images/possible_links.png    the desktop journey, step 6 (the possible link under review, highlighted)
#   docs/images/partner_view.png      the desktop journey, step 8 (plain QGIS, plugin disabled, opening the file)
#   docs/images/share_dialog.png      the desktop journey, step 9 (Share with partners…)
#   docs/images/import_flows.png      the desktop journey, step 9 (Import flows…)
#   docs/images/territory.png         make demo (scripts/demo.py renders the demo's stored project)
#   docs/images/print_synergies.png   make demo's demo/synergies.pdf, page 1 at 150 dpi (pdftoppm)
#   docs/images/report_sankey.png     make demo's demo/report.pdf, page 4 (the Sankey) at 90 dpi
#   docs/images/webmap.png            territorialflux:exportwebmap of the demo, in headless Chromium
#   docs/images/partners_gpkg.png     territorialflux:exportpartners of the demo, opened in a QGIS
#                                     where the plugin is not enabled (tests/journey/partner_script.py)
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
pdftoppm -r 90 -png -f 4 -l 4 -singlefile "$work/demo/report.pdf" "$images/report_sankey"
cp "$work/shots/9_share_dialog_en.png" "$images/share_dialog.png"
cp "$work/shots/9_import_flows_en.png" "$images/import_flows.png"

# What partners receive: the web map in a browser, the GeoPackage in a QGIS without the plugin
"$PYTHON" - "$work" <<'PY'
import os, sys
work = sys.argv[1]
sys.path.insert(0, os.getcwd())
from qgis.core import QgsApplication
app = QgsApplication([], False)
app.initQgis()
sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
from processing.core.Processing import Processing
Processing.initialize()
import processing
import territorial_flux_plugin
plugin = territorial_flux_plugin.classFactory(None)
plugin.initProcessing()
demo = os.path.join(work, "demo", "territory.gpkg")
processing.run("territorialflux:exportpartners", {"WORKSPACE": demo, "OUTPUT": os.path.join(work, "partners.gpkg")})
processing.run("territorialflux:exportwebmap", {"WORKSPACE": demo, "OUTPUT": os.path.join(work, "webmap")})
plugin.unload()
PY
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,657 \
  --virtual-time-budget=5000 --screenshot="$images/webmap.png" "file://$work/webmap/index.html" 2>/dev/null
mkdir -p "$work/plain/profiles/default/QGIS"
printf '[PythonPlugins]\nterritorial_flux_plugin=false\n' > "$work/plain/profiles/default/QGIS/QGIS3.ini"
echo "exec(compile(open('tests/journey/partner_script.py').read(), 'partner_script.py', 'exec'))" > "$work/plain/start.py"
env -u QT_QPA_PLATFORM TF_JOURNEY_REPORT="$work/plain/report.json" TF_JOURNEY_SHOT="$images/partners_gpkg.png" \
  TF_JOURNEY_PROJECT="geopackage:$work/partners.gpkg?projectName=partners" \
  xvfb-run -a -s "-screen 0 1600x1000x24" qgis --profiles-path "$work/plain" --nologo --noversioncheck \
  --code "$work/plain/start.py" >/dev/null 2>&1
echo "pictures regenerated in $images (see git diff --stat $images)"
