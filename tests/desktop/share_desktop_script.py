"""Run inside the real QGIS desktop by test_share_desktop.py: open a workspace, trigger the menu's
*Share with partners…* twice (a web map, then a GeoPackage) with the dialog's choices made, then
open the partners' GeoPackage as a partner would (Project → Open From → GeoPackage); write what
was found to the JSON file named by TF_DESKTOP_REPORT, then quit."""

import json
import os
import traceback

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QTimer
from qgis.utils import iface, plugins

NAME = "territorial_flux_plugin"
REPORT = os.environ["TF_DESKTOP_REPORT"]
FOLDER = os.environ["TF_DESKTOP_FOLDER"]
report = {}


def finish():
    with open(REPORT, "w") as handle:
        json.dump(report, handle)
    os._exit(0)


def share(share_dialog, action, file_format, level, output):
    class Filled(share_dialog.ShareDialog):
        def exec(self):  # the person's choices, then Export
            report.setdefault("previews", []).append(self.preview.text())
            self.file_format.setCurrentIndex(self.file_format.findData(file_format))
            self.level.setCurrentIndex(self.level.findData(level))
            self.organisation.setText("CCI Desktop")
            self.output.setFilePath(output)
            self.accept()
            return self.result()

    original = share_dialog.share_current_workspace.__defaults__
    share_dialog.share_current_workspace.__defaults__ = (Filled,)
    try:
        action.trigger()
    finally:
        share_dialog.share_current_workspace.__defaults__ = original
    for _ in range(5):
        QCoreApplication.processEvents()
    item = iface.messageBar().currentItem()
    return item.text() if item is not None else None


def run():
    try:
        from territorial_flux_plugin.gui import share_dialog

        plugin = plugins[NAME]
        plugin._report = lambda error: report.setdefault("error", repr(error))  # no modal box under Xvfb
        plugin._load(os.environ["TF_DESKTOP_WORKSPACE"])
        action = [a for a in plugin.menu.actions() if a.objectName() == "TerritorialFlux_share_with_partners"][0]
        report["action"] = action.text()
        web = os.path.join(FOLDER, "carte")
        report["web_message"] = share(share_dialog, action, "webmap", "public", web)
        report["web_index"] = os.path.isfile(os.path.join(web, "index.html"))
        gpkg = os.path.join(FOLDER, "partenaires.gpkg")
        report["gpkg_message"] = share(share_dialog, action, "gpkg", "partners", gpkg)
        project = QgsProject.instance()
        report["read"] = project.read("geopackage:{}?projectName=partners".format(gpkg))
        layers = {layer.source().split("layername=")[-1]: layer for layer in project.mapLayers().values()}
        report["layers"] = {table: {"valid": layer.isValid(), "features": layer.featureCount(),
                                    "renderer": layer.renderer().type() if layer.isSpatial() else None}
                            for table, layer in layers.items()}
        companies = layers["companies"]
        feature = next(companies.getFeatures())
        form = iface.getFeatureForm(companies, feature)
        report["form_tabs"] = [c.name() for c in companies.editFormConfig().tabs()]
        report["form_opened"] = form is not None
        if form is not None:
            form.close()
    except Exception:  # noqa: BLE001 - reported to the test
        report["error"] = traceback.format_exc()
    finish()


QTimer.singleShot(1000, run)
QTimer.singleShot(240000, lambda: (report.setdefault("error", "timed out"), finish()))
