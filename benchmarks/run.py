"""make bench: run every benchmarks/bench_*.py module's ``main()`` in one QGIS session.

Each module prints its own figures. Usage: python benchmarks/run.py [NAME ...]
"""

import importlib
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def main(selected):
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
    from processing.core.Processing import Processing

    Processing.initialize()
    import territorial_flux_plugin

    plugin = territorial_flux_plugin.classFactory(None)
    plugin.initProcessing()
    names = sorted(n[:-3] for n in os.listdir(os.path.dirname(os.path.abspath(__file__)))
                   if n.startswith("bench_") and n.endswith(".py"))
    if selected:
        names = [n for n in names if any(s in n for s in selected)]
    for name in names:
        print("== {} ==".format(name), flush=True)
        started = time.perf_counter()
        importlib.import_module(name).main()
        print("({} finished in {:.1f} s)".format(name, time.perf_counter() - started), flush=True)
    plugin.unload()


if __name__ == "__main__":
    main(sys.argv[1:])
