"""make demo: build the demo workspace with territorialflux:createdemo, render its map, print
its synergies and missing-links maps (demo/synergies.pdf, demo/missinglinks.pdf) and write the
territory's report (demo/report.pdf, demo/report.xlsx, demo/report.html).

Usage: python scripts/demo.py OUTPUT_FOLDER
"""

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def main(folder):
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
    import processing
    from processing.core.Processing import Processing

    Processing.initialize()
    import territorial_flux_plugin

    plugin = territorial_flux_plugin.classFactory(None)
    plugin.initProcessing()
    from territorial_flux_plugin.project.render import render_map

    os.makedirs(folder, exist_ok=True)
    gpkg = os.path.abspath(os.path.join(folder, "territory.gpkg"))
    result = processing.run("territorialflux:createdemo", {"OUTPUT": gpkg, "OVERWRITE": True})
    png = render_map(result["OUTPUT"], os.path.join(folder, "territory.png"))
    print("demo workspace: {}\nmap: {}".format(result["OUTPUT"], os.path.abspath(png)))
    for theme in ("synergies", "missinglinks"):  # printed maps (territorialflux:printmap)
        printed = processing.run("territorialflux:printmap", {
            "WORKSPACE": result["OUTPUT"], "THEME": theme, "OUTPUT": os.path.abspath(os.path.join(folder, theme + ".pdf"))})
        print("printed map: {}".format(printed["OUTPUT"]))
    for extension in ("pdf", "xlsx", "html"):  # the territory's report (territorialflux:report)
        written = processing.run("territorialflux:report", {
            "WORKSPACE": result["OUTPUT"], "FROM": "2020-01-01",
            "OUTPUT": os.path.abspath(os.path.join(folder, "report." + extension))})
        print("report: {}".format(written["OUTPUT"]))
    plugin.unload()
    app.exitQgis()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "demo")
