"""Run inside the real QGIS desktop by test_desktop.py: load, reload twice, open a workspace,
unload; write what was found to the JSON file named by TF_DESKTOP_REPORT, then quit."""

import json
import os
import traceback

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QTimer
from qgis.PyQt.QtWidgets import QDockWidget, QMenu, QToolBar
from qgis.utils import iface, plugins, reloadPlugin, unloadPlugin

NAME = "territorial_flux_plugin"
REPORT = os.environ["TF_DESKTOP_REPORT"]
report = {"steps": []}


def flush_deletions():
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


def state(label):
    flush_deletions()
    window = iface.mainWindow()
    menus = [a.menu().objectName() for a in window.menuBar().actions()
             if isinstance(a.menu(), QMenu) and a.menu().objectName().startswith("TerritorialFlux")]
    toolbars = [t.objectName() for t in window.findChildren(QToolBar) if t.objectName().startswith("TerritorialFlux")]
    actions = [a.objectName() for a in window.findChildren(type(window.menuBar().actions()[0]))
               if a.objectName().startswith("TerritorialFlux_")]
    docks = [d.objectName() for d in window.findChildren(QDockWidget) if d.objectName().startswith("TerritorialFlux")]
    provider = QgsApplication.processingRegistry().providerById("territorialflux") is not None
    report["steps"].append({"label": label, "menus": menus, "toolbars": toolbars, "actions": sorted(actions),
                            "docks": docks, "provider": provider, "loaded": NAME in plugins})


def finish():
    with open(REPORT, "w") as handle:
        json.dump(report, handle)
    os._exit(0)


def run():
    try:
        state("started")
        reloadPlugin(NAME)
        state("reloaded once")
        reloadPlugin(NAME)
        state("reloaded twice")
        plugin = plugins[NAME]
        plugin.tools.company_dock().show()
        plugin.tools.synergy_dock().show()
        iface.mapCanvas().setMapTool(plugin.tools.company_pick_tool())
        state("docks open")
        reloadPlugin(NAME)
        state("reloaded with docks")
        path = os.environ["TF_DESKTOP_WORKSPACE"]
        plugins[NAME]._load(path)
        layers = QgsProject.instance().mapLayers().values()
        report["workspace_layers"] = sorted(layer.name() for layer in layers)
        report["valid_layers"] = all(layer.isValid() for layer in layers)
        report["relations"] = sorted(QgsProject.instance().relationManager().relations())
        companies = [layer for layer in layers if layer.source().endswith("layername=companies")][0]
        report["companies"] = companies.featureCount()
        report["menu_titles"] = [a.text() for a in plugins[NAME].menu.actions() if a.text()]
        plugins[NAME].tools.company_dock().show()
        synergy_dock = plugins[NAME].tools.synergy_dock()
        synergy_dock.show()
        for _ in range(5):
            QCoreApplication.processEvents()
        report["synergy_rows"] = synergy_dock.table.rowCount()
        dashboard = plugins[NAME].tools.dashboard_dock()
        dashboard.show()
        for _ in range(5):
            QCoreApplication.processEvents()
        report["dashboard_companies"] = dashboard.value("companies")
        report["active_companies"] = sum(1 for f in companies.getFeatures() if f["status"] == "active")
        company_dock = plugins[NAME].tools.company_dock()
        company_dock.search_edit.setText(companies.getFeature(1)["name"])
        company_dock.search()
        report["card"] = company_dock.card.text()
        report["company_name"] = companies.getFeature(1)["name"]
        unloadPlugin(NAME)
        state("unloaded")
    except Exception:  # noqa: BLE001 - reported to the test
        report["error"] = traceback.format_exc()
    finish()


QTimer.singleShot(1000, run)
