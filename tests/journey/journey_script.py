"""Run inside the real QGIS desktop by test_journey.py: a new user's first ten minutes, through the
plugin's menu actions and widgets. File dialogs are answered by patching QFileDialog's static calls,
message boxes by patching QMessageBox. Each step records what the screen shows into the JSON file
named by TF_JOURNEY_REPORT and saves a screenshot into TF_JOURNEY_SHOTS; then QGIS quits."""

import json
import os
import sqlite3
import sys
import time
import traceback

from qgis.core import QgsProject
from qgis.gui import QgsLocatorWidget
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, QTimer
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton, QWidget
from qgis.utils import iface, plugins

NAME = "territorial_flux_plugin"
FOLDER = os.environ["TF_JOURNEY_FOLDER"]
SHOTS = os.environ["TF_JOURNEY_SHOTS"]
LANGUAGE = os.environ.get("TF_JOURNEY_LANGUAGE", "en")
WORKSPACE = os.path.join(FOLDER, "territory.gpkg")
PDF = os.path.join(FOLDER, "territory_map.pdf")
WATCHDOG_SECONDS = 100
report = {"language": LANGUAGE, "steps": {}}


def wait(predicate=lambda: False, seconds=5.0):
    """Let Qt work until ``predicate()`` holds (or ``seconds`` pass); returns the predicate."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        if predicate():
            return True
        time.sleep(0.02)
    return bool(predicate())


def canvas_drawn():
    canvas = iface.mapCanvas()
    canvas.refresh()
    wait(lambda: canvas.isDrawing(), 1.0)
    wait(lambda: not canvas.isDrawing(), 30.0)
    wait(seconds=0.2)


def coloured_share(widget):
    """The share of the widget's pixels that are not its background colour (0: blank)."""
    image = widget.grab().toImage()
    background = image.pixel(2, 2)
    step, total, coloured = 4, 0, 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            total += 1
            coloured += image.pixel(x, y) != background
    return coloured / max(total, 1)


def shot(name, widget=None):
    path = os.path.join(SHOTS, "{}_{}.png".format(name, LANGUAGE))
    (widget or iface.mainWindow()).grab().save(path)
    return path


def trigger(name):
    found = [a for a in plugins[NAME].actions if a.objectName() == "TerritorialFlux_" + name]
    assert found, name
    found[0].trigger()
    return found[0]


def when_modal(fill):
    """Answer the next modal dialog with ``fill(dialog)`` as soon as it shows."""
    def answer():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(100, answer)
            return
        try:
            fill(dialog)
        except Exception:  # noqa: BLE001 - recorded, and the dialog closed so that the journey goes on
            report.setdefault("dialog_errors", []).append(traceback.format_exc())
            dialog.reject()
    QTimer.singleShot(100, answer)


def query(sql):
    connection = sqlite3.connect(WORKSPACE)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def patch_dialogs():
    QFileDialog.getSaveFileName = staticmethod(lambda *args, **kwargs: (WORKSPACE, ""))
    QFileDialog.getOpenFileName = staticmethod(lambda *args, **kwargs: (WORKSPACE, ""))
    for name in ("question", "warning", "information", "critical"):
        setattr(QMessageBox, name, staticmethod(
            lambda *args, _name=name, **kwargs: report.setdefault("message_boxes", []).append(
                [_name] + [str(a) for a in args[1:3]]) or QMessageBox.StandardButton.Yes))


def step_create_demo():
    started = time.monotonic()
    trigger("create_demo")
    canvas_drawn()
    canvas = iface.mapCanvas()
    report["steps"]["create_demo"] = {
        "seconds": round(time.monotonic() - started, 1), "scale": canvas.scale(),
        "coloured": coloured_share(canvas), "layers": len(QgsProject.instance().mapLayers()),
        "menu": [a.text() for a in plugins[NAME].menu.actions() if a.text()],
        "shot": shot("1_demo_created")}


def step_company_dock():
    trigger("company_dock")
    wait(seconds=0.3)
    dock = plugins[NAME].tools.company_dock()
    report["steps"]["company_dock"] = {"visible": dock.isVisible() and not dock.visibleRegion().isEmpty(),
                                      "title": dock.windowTitle(), "shot": shot("2_company_dock")}
    trigger("company_dock")  # a second click hides it, a third shows it again
    wait(seconds=0.2)
    report["steps"]["company_dock"]["hidden_by_second_click"] = not dock.isVisible()
    trigger("company_dock")
    wait(seconds=0.2)
    report["steps"]["company_dock"]["shown_by_third_click"] = dock.isVisible()


def step_locator():
    name = sorted(r[0] for r in query("SELECT name FROM companies WHERE status <> 'archived'"))[0]
    letters = name[:3]
    widget = sip.cast([w for w in iface.mainWindow().findChildren(QWidget)
                       if w.metaObject().className() == "QgsLocatorWidget"][0], QgsLocatorWidget)
    found = []
    widget.locator().foundResult.connect(lambda result: found.append(result.displayString))
    widget.search("tf " + letters)
    wait(lambda: any(text.startswith(letters) for text in found), 10.0)
    wait(seconds=0.3)
    report["steps"]["locator"] = {"typed": "tf " + letters, "found": found[:10]}
    report["steps"]["locator"]["shot"] = shot("3_locator")
    iface.mapCanvas().setFocus()  # the results popup closes


def step_add_offer():
    dock = plugins[NAME].tools.company_dock()
    uid, name = query("SELECT uid, name FROM companies WHERE status <> 'archived' ORDER BY name LIMIT 1")[0]
    plugins[NAME].tools.show_company(uid)
    wait(seconds=0.3)
    before = query("SELECT count(*) FROM flows WHERE company_uid = '{}'".format(uid))[0][0]
    words = "palettes" if LANGUAGE == "fr" else "wooden pallets"
    seen = {}

    def fill(dialog):
        dialog.resource_edit.setFocus()
        QTest.keyClicks(dialog.resource_edit, words)
        QTest.keyClick(dialog.resource_edit, 0x01000001)  # Tab: the words are resolved
        QTest.keyClicks(dialog.quantity_edit, "120")
        QTest.keyClick(dialog.quantity_edit, 0x01000001)
        wait(seconds=0.2)
        seen["unit"] = dialog.unit_combo.currentText()
        seen["resource"] = dialog.resource_edit.text()
        seen["shot"] = shot("4_offer_dialog", dialog)
        dialog.save_button.click()

    when_modal(fill)
    dock.findChild(QPushButton, "add_offer").click()
    wait(seconds=0.5)
    after = query("SELECT count(*) FROM flows WHERE company_uid = '{}'".format(uid))[0][0]
    table = dock.findChild(type(dock.tables["offer"]), "flows_offer")
    cells = [table.item(r, c).text() for r in range(table.rowCount()) for c in range(2) if table.item(r, c)]
    stored = query("SELECT resource_code, quantity, unit FROM flows WHERE company_uid = '{}' "
                   "ORDER BY created_at DESC LIMIT 1".format(uid))[0]
    report["steps"]["add_offer"] = dict(seen, company=name, before=before, after=after, cells=cells,
                                        stored=list(stored), shot_dock=shot("4_offer_added"))


def step_analyse():
    started = time.monotonic()
    trigger("analyse_value_chains")
    canvas_drawn()
    report["steps"]["analyse"] = {
        "seconds": round(time.monotonic() - started, 1),
        "missing_links": query("SELECT count(*) FROM missing_links")[0][0],
        "possible_links": query("SELECT count(*) FROM possible_links")[0][0],
        "shot": shot("5_missing_links")}


def step_possible_links():
    trigger("synergy_dock")
    wait(seconds=0.3)
    dock = plugins[NAME].tools.synergy_dock()
    report["steps"]["synergy_dock"] = {"visible": dock.isVisible() and not dock.visibleRegion().isEmpty(),
                                      "rows": dock.table.rowCount(), "shot": shot("6_synergy_dock")}
    dock.tabs.setCurrentWidget(dock.triage)
    triage = dock.triage
    wait(lambda: triage.highlight is not None and triage.highlight.isVisible(), 10.0)
    canvas_drawn()
    link = triage.current()
    band = triage.highlight
    extent = iface.mapCanvas().extent()
    ends = band.asGeometry().asPolyline() if band is not None else []
    report["steps"]["possible_links"] = {
        "visible": dock.isVisible(), "link": link is not None,
        "highlighted": band is not None and band.isVisible() and len(ends) == 2,
        "ends_in_view": all(extent.contains(p) for p in ends) and bool(ends),
        "tab": dock.tabs.tabText(dock.tabs.currentIndex()), "shot": shot("6_possible_link")}


def step_print():
    def fill(dialog):
        dialog.output.setFilePath(PDF)
        dialog.open_file.setChecked(False)
        dialog.accept()

    started = time.monotonic()
    when_modal(fill)
    trigger("print_map")
    wait(lambda: os.path.exists(PDF), 60.0)
    report["steps"]["print"] = {"seconds": round(time.monotonic() - started, 1),
                                "pdf": os.path.exists(PDF), "bytes": os.path.getsize(PDF) if os.path.exists(PDF) else 0,
                                "shot": shot("7_printed")}


def step_dialogs():
    """Share with partners… and Import flows… open on the workspace (their pictures for the README)."""
    seen = {}
    for name, action_name in (("9_share_dialog", "share_with_partners"), ("9_import_flows", "import_flows")):
        def look(dialog, name=name):
            wait(seconds=0.3)
            seen[name] = {"title": dialog.windowTitle(), "shot": shot(name, dialog)}
            dialog.reject()
        when_modal(look)
        trigger(action_name)
        wait(lambda name=name: name in seen, 10.0)
    report["steps"]["dialogs"] = seen


def finish():
    with open(os.environ["TF_JOURNEY_REPORT"], "w") as handle:
        json.dump(report, handle, indent=1)
    os._exit(0)


def watchdog():
    report["error"] = "the journey hung in {}".format(report.get("running"))
    finish()


def record_exception(kind, value, trace):
    """An exception anywhere in Python (a plugin slot, a locator filter) fails the journey, instead of
    QGIS's modal error dialog that would stop it."""
    report.setdefault("exceptions", []).append("".join(traceback.format_exception(kind, value, trace)))


def run():
    sys.excepthook = record_exception
    QTimer.singleShot(WATCHDOG_SECONDS * 1000, watchdog)  # a step that hangs fails the test, fast
    try:
        patch_dialogs()
        # the whole screen, as a person's QGIS window is (Xvfb has no window manager to maximise it)
        iface.mainWindow().setGeometry(QApplication.primaryScreen().availableGeometry())
        for step in (step_create_demo, step_company_dock, step_locator, step_add_offer, step_analyse,
                     step_possible_links, step_print, step_dialogs):
            report["running"] = step.__name__
            step()
        report.pop("running")
    except Exception:  # noqa: BLE001 - reported to the test
        report["error"] = traceback.format_exc()
    finish()


QTimer.singleShot(500, run)
