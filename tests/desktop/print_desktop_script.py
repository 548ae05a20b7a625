"""Run inside the real QGIS desktop by test_print_desktop.py: open a workspace, trigger the menu's
*Print territory map…* with the dialog's choices made, open the layout in the layout designer;
write what was found to the JSON file named by TF_DESKTOP_REPORT, then quit."""

import json
import os
import traceback

from qgis.core import QgsLayoutExporter, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QTimer
from qgis.utils import iface, plugins

NAME = "territorial_flux_plugin"
REPORT = os.environ["TF_DESKTOP_REPORT"]
OUTPUT = os.environ["TF_DESKTOP_OUTPUT"]
report = {}


def step(label):
    report.setdefault("steps", []).append(label)
    with open(REPORT, "w") as handle:
        json.dump(report, handle)


def finish():
    with open(REPORT, "w") as handle:
        json.dump(report, handle)
    os._exit(0)


def run():
    try:
        from territorial_flux_plugin.gui import print_dialog

        plugin = plugins[NAME]
        plugin._report = lambda error: report.setdefault("error", repr(error))  # no modal box under Xvfb
        plugin._load(os.environ["TF_DESKTOP_WORKSPACE"])
        step("opened")
        action = [a for a in plugin.menu.actions() if a.objectName() == "TerritorialFlux_print_map"][0]
        report["action"] = action.text()
        opened = []
        print_dialog.open_file = opened.append  # no PDF viewer under Xvfb

        class Filled(print_dialog.PrintDialog):
            def exec(self):  # the person's choices, then OK
                self.theme.setCurrentIndex(self.theme.findData("synergies"))
                self.level.setCurrentIndex(self.level.findData("partners"))
                self.title.setText("Desktop print")
                self.output.setFilePath(OUTPUT)
                self.open_file.setChecked(True)
                self.accept()
                return self.result()

        original = print_dialog.PrintDialog
        print_dialog.PrintDialog = Filled
        try:
            print_dialog.print_current_workspace.__defaults__ = (Filled,)
            action.trigger()
        finally:
            print_dialog.PrintDialog = original
            print_dialog.print_current_workspace.__defaults__ = (original,)
        step("printed")
        for _ in range(5):
            QCoreApplication.processEvents()
        report["written"] = os.path.exists(OUTPUT)
        report["opened"] = opened
        item = iface.messageBar().currentItem()
        report["message"] = item.text() if item is not None else None
        layouts = QgsProject.instance().layoutManager().printLayouts()
        report["layouts"] = [layout.name() for layout in layouts]
        layout = [layout for layout in layouts if layout.name().endswith("Partners")][0]
        designer = iface.openLayoutDesigner(layout)
        report["designer"] = designer is not None
        step("designer")
        again = os.path.join(os.path.dirname(OUTPUT), "from_designer.pdf")
        report["reprinted"] = QgsLayoutExporter(designer.layout()).exportToPdf(
            again, QgsLayoutExporter.PdfExportSettings()) == QgsLayoutExporter.Success
        designer.close()
        import sqlite3

        def query_of(layer):  # the definition of the GeoPackage view a print layer reads
            path, _sep, rest = layer.source().partition("|layername=")
            connection = sqlite3.connect(path)
            try:
                row = connection.execute("SELECT sql FROM sqlite_master WHERE type = 'view' AND name = ?",
                                         (rest.split("|")[0],)).fetchone()
            finally:
                connection.close()
            return row[0] if row else ""

        report["subsets"] = [query_of(layer) for layer in layout.itemById("map").layers()]
    except Exception:  # noqa: BLE001 - reported to the test
        report["error"] = traceback.format_exc()
    finish()


QTimer.singleShot(1000, run)
QTimer.singleShot(240000, lambda: (report.setdefault("error", "timed out"), finish()))
