"""Run inside a second QGIS desktop, where the plugin is not enabled, by test_journey.py: open the
stored project named by TF_JOURNEY_PROJECT as Project > Open From > GeoPackage does, in the QGIS
window as it is; report how the canvas shows it, save a screenshot, quit."""

import json
import os
import time
import traceback

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QTimer
from qgis.PyQt.QtWidgets import QApplication
from qgis.utils import iface, plugins

report = {}


def wait(predicate, seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end and not predicate():
        QCoreApplication.processEvents()
        time.sleep(0.02)


def run():
    try:
        project = QgsProject.instance()
        # the whole screen, as a person's QGIS window is (Xvfb has no window manager to maximise it)
        iface.mainWindow().setGeometry(QApplication.primaryScreen().availableGeometry())
        wait(lambda: False, 1.0)
        iface.addProject(os.environ["TF_JOURNEY_PROJECT"])  # what Project > Open From > GeoPackage calls
        wait(lambda: len(project.mapLayers()) > 0, 30.0)
        canvas = iface.mapCanvas()
        wait(lambda: canvas.isDrawing(), 2.0)
        wait(lambda: not canvas.isDrawing(), 30.0)
        extent = canvas.extent()
        companies = [layer for layer in project.mapLayers().values() if layer.source().endswith("layername=companies")]
        report.update({
            "plugin_loaded": "territorial_flux_plugin" in plugins, "layers": len(project.mapLayers()),
            "valid": all(layer.isValid() for layer in project.mapLayers().values()),
            "scale": canvas.scale(), "extent": extent.toString(0),
            "default_view": project.viewSettings().defaultViewExtent().toString(0),
            "canvas_size": [canvas.width(), canvas.height()],
            "shows_companies": bool(companies) and extent.intersects(companies[0].extent()),
            "companies_inside": bool(companies) and extent.contains(companies[0].extent()),
        })
        image = canvas.grab().toImage()
        background = image.pixel(2, 2)
        pixels = [image.pixel(x, y) for y in range(0, image.height(), 4) for x in range(0, image.width(), 4)]
        report["coloured"] = sum(p != background for p in pixels) / max(len(pixels), 1)
        iface.mainWindow().grab().save(os.environ["TF_JOURNEY_SHOT"])
    except Exception:  # noqa: BLE001 - reported to the test
        report["error"] = traceback.format_exc()
    with open(os.environ["TF_JOURNEY_REPORT"], "w") as handle:
        json.dump(report, handle)
    os._exit(0)


QTimer.singleShot(1500, run)
