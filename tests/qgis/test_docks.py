"""The company and synergy docks driven through their real widgets, against a real workspace file."""

import shutil
import sqlite3

import pytest
from qgis.core import QgsFeedback, QgsGeometry, QgsLocatorContext, QgsPointXY, QgsProject, QgsRectangle
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QEvent, QPoint, Qt, QTimer
from qgis.PyQt.QtWidgets import QLabel, QPushButton, QTableWidget

from territorial_flux_plugin.domain.errors import TerritorialFluxError
from territorial_flux_plugin.gui.locator import CompanyLocatorFilter
from territorial_flux_plugin.gui.tools import GeometryFollower, PluginTools
from territorial_flux_plugin.project import editing
from territorial_flux_plugin.project.build import open_workspace, workspace_layers
from territorial_flux_plugin.storage.database import sqlite_database
from tests.qgis_helpers import settle_qgis


@pytest.fixture
def workspace(demo_workspace, tmp_path, qgis_iface):
    path = str(tmp_path / "territory.gpkg")
    shutil.copy(demo_workspace, path)
    open_workspace(path)
    yield path
    settle_qgis()
    QgsProject.instance().clear()


@pytest.fixture
def tools(workspace, qgis_iface, qgis_canvas, qtbot):
    tools = PluginTools(qgis_iface)
    yield tools
    tools.unload()
    settle_qgis(qgis_canvas)


def query(path, sql, params=()):
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def a_company_with_flows(path, direction=None):
    sql = ("SELECT c.uid, c.name FROM companies c JOIN flows f ON f.company_uid = c.uid "
           "WHERE c.status = 'active' AND f.status = 'active' {} GROUP BY c.uid ORDER BY c.name LIMIT 1")
    return query(path, sql.format("AND f.direction = '{}'".format(direction) if direction else ""))[0]


def click(tool, canvas, layer, point, zoom=False):
    """A left click on the canvas where ``point`` (layer coordinates) is drawn.

    ``zoom``: centre the map closely on the point first, as a user zooms in to pick among
    neighbouring companies.
    """
    map_point = canvas.mapSettings().layerToMapCoordinates(layer, point)
    if zoom:
        canvas.setExtent(QgsRectangle(map_point.x() - 50, map_point.y() - 50, map_point.x() + 50, map_point.y() + 50))
        map_point = canvas.mapSettings().layerToMapCoordinates(layer, point)
    pixel = canvas.getCoordinateTransform().transform(map_point)
    event = QgsMapMouseEvent(canvas, QEvent.Type.MouseButtonRelease, QPoint(int(pixel.x()), int(pixel.y())),
                             Qt.MouseButton.LeftButton)
    tool.canvasReleaseEvent(event)


def frame(canvas, layer):
    canvas.setDestinationCrs(layer.crs())
    canvas.setLayers([layer])
    extent = layer.extent()
    extent.scale(1.1)
    canvas.setExtent(extent)


def choose_in_picker(dock, offer_uid, need_uid, title):
    """What the advisor does in the synergy dock's offer/need picker once it opens: pick the offer
    and the need, name the synergy, create it (a function for ``QTimer.singleShot``)."""
    def choose():
        picker = dock.picker
        for widget, uid in ((picker.lists[0], offer_uid), (picker.lists[1], need_uid)):
            for index in range(widget.count()):
                if widget.item(index).data(Qt.ItemDataRole.UserRole) == uid:
                    widget.setCurrentRow(index)
        picker.title_edit.setText(title)
        picker.create()
        if picker.isVisible():  # never hang the test on a dialog left open
            picker.reject()
    return choose


# --- company dock ------------------------------------------------------------------------------

def test_find_a_company_by_name_siret_and_locator(workspace, tools, qtbot):
    dock = tools.company_dock()
    uid, name = a_company_with_flows(workspace)
    qtbot.keyClicks(dock.search_edit, name)
    qtbot.keyClick(dock.search_edit, Qt.Key.Key_Return)
    assert dock.company_uid == uid
    assert name in dock.card.text()
    assert dock.tables["offer"].rowCount() + dock.tables["need"].rowCount() > 0
    siret = query(workspace, "SELECT siret FROM companies WHERE siret IS NOT NULL LIMIT 1")[0][0]
    dock.search_edit.setText(siret)
    found = dock.search()
    assert query(workspace, "SELECT siret FROM companies WHERE uid = ?", (found,))[0][0] == siret
    dock.search_edit.setText("no such company anywhere")
    assert dock.search() is None and "No company" in dock.message.text()
    # QGIS's locator bar, prefix tf
    chosen = []
    locator = CompanyLocatorFilter(chosen.append)
    results = []
    locator.resultFetched.connect(results.append)
    locator.prepare(name[:8], QgsLocatorContext())
    locator.fetchResults(name[:8], QgsLocatorContext(), QgsFeedback())
    assert any(r.displayString == name for r in results)
    locator.triggerResult(next(r for r in results if r.displayString == name))
    assert chosen == [uid]


def test_pick_a_company_with_the_map_tool(workspace, tools, qgis_canvas):
    companies = workspace_layers()["companies"]
    frame(qgis_canvas, companies)
    features = list(companies.getFeatures())
    points = [f.geometry().asPoint() for f in features]
    # the most isolated company, so that a click on it can only mean it
    feature = max(features, key=lambda f: min(f.geometry().asPoint().distance(p) for p in points
                                              if p != f.geometry().asPoint()))
    click(tools.company_pick_tool(), qgis_canvas, companies, feature.geometry().asPoint())
    assert tools.company_dock().company_uid == feature["uid"]


def test_visit_with_five_new_flows_from_the_keyboard(workspace, tools, qtbot):
    """Recording a visit: find the company, then five flows typed without the mouse."""
    dock = tools.company_dock()
    uid, name = a_company_with_flows(workspace)
    before = query(workspace, "SELECT count(*) FROM flows WHERE company_uid = ?", (uid,))[0][0]
    keystrokes = 0

    def type_in(widget, text):
        nonlocal keystrokes
        qtbot.keyClicks(widget, text)
        keystrokes += len(text)

    def key(widget, code, modifier=Qt.KeyboardModifier.NoModifier):
        nonlocal keystrokes
        qtbot.keyClick(widget, code, modifier)
        keystrokes += 1

    type_in(dock.search_edit, name)
    key(dock.search_edit, Qt.Key.Key_Return)
    dialog = dock.flow_dialog("offer")
    dialog.show()
    visit = [("150101", "12,5 t/an", "Cartons"), ("EN 01 02", "800", "Chaleur fatale"),
             ("sciure", "40", "Sciure"), ("16 01 04*", "2", "VHU"),
             ("SK0102", "0,5 ETP", "QHSE")]  # QTest types ASCII only
    for index, (resource, quantity, label) in enumerate(visit):
        if index == 2:  # one need among the offers
            dialog.need_radio.setFocus()
            key(dialog.need_radio, Qt.Key.Key_Space)
        dialog.resource_edit.setFocus()
        type_in(dialog.resource_edit, resource)
        popup = dialog.completer.popup()
        if not dialog.resource_edit.text().startswith(("MA", "EN", "SK", "15", "16")):  # words: choose a proposal
            proposals = [popup.model().index(i, 0).data() for i in range(popup.model().rowCount())]
            wanted = next(i for i, text in enumerate(proposals) if text.startswith("MA 01 01"))
            assert popup.isVisible()
            for _ in range(wanted + 1):
                key(popup, Qt.Key.Key_Down)
            key(popup, Qt.Key.Key_Return)
        key(dialog.resource_edit, Qt.Key.Key_Tab)
        dialog.resource_edit.editingFinished.emit()
        dialog.quantity_edit.setFocus()
        type_in(dialog.quantity_edit, quantity)
        dialog.quantity_edit.editingFinished.emit()
        dialog.label_edit.setFocus()
        type_in(dialog.label_edit, label)
        key(dialog.label_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert not dialog.message_label.text(), (index, [e.text() for e in dialog.errors.values()],
                                                 dialog.values())
    dialog.close()
    assert len(dialog.saved) == 5
    assert keystrokes < 300  # a couple of minutes of typing at most
    rows = query(workspace, "SELECT resource_code, family, quantity, unit, hazardous, confidentiality, direction, "
                            "last_verified, updated_by FROM flows WHERE company_uid = ? AND label IS NOT NULL "
                            "ORDER BY created_at DESC, rowid DESC LIMIT 5", (uid,))
    assert query(workspace, "SELECT count(*) FROM flows WHERE company_uid = ?", (uid,))[0][0] == before + 5
    by_code = {r[0]: r for r in rows}
    assert by_code["15 01 01"][1:4] == ("waste", 12.5, "t/yr")
    assert by_code["EN 01 02"][1:4] == ("energy", 800.0, "MWh/yr")
    assert by_code["16 01 04"][4] == 1  # hazardous from the List of Waste
    assert by_code["SK 01 02"][2:4] == (0.5, "FTE")
    assert by_code["MA 01 01"][6] == "need"
    assert all(r[5] == "internal" and r[7] and r[8] for r in rows)


def test_invalid_flow_input_is_refused_in_place(workspace, tools):
    dock = tools.company_dock()
    uid, _name = a_company_with_flows(workspace)
    dock.show_company(uid)
    before = query(workspace, "SELECT count(*) FROM flows")[0][0]
    dialog = dock.flow_dialog("offer")
    dialog.resource_edit.setText("150101")
    dialog._resource_chosen()
    dialog.quantity_edit.setText("-3")
    dialog.label_edit.setText("typed text stays")
    assert not dialog._save(keep_open=False)
    error = dialog.findChild(QLabel, "error_quantity")
    assert "negative" in error.text() and not error.isHidden()
    assert dialog.label_edit.text() == "typed text stays" and dialog.quantity_edit.text() == "-3"
    dialog.quantity_edit.setText("douze")
    assert not dialog._save(keep_open=False)
    assert "not a quantity" in dialog.findChild(QLabel, "error_quantity").text()
    dialog.quantity_edit.setText("12 MWh/an")
    assert not dialog._save(keep_open=False)
    assert "does not fit" in dialog.findChild(QLabel, "error_unit").text()
    dialog.resource_edit.setText("nothing like this")
    dialog.quantity_edit.setText("12")
    assert not dialog._save(keep_open=False)
    assert dialog.findChild(QLabel, "error_resource_code").text()
    assert query(workspace, "SELECT count(*) FROM flows")[0][0] == before
    with pytest.raises(TerritorialFluxError) as error:
        editing.add_company(workspace_layers(), {"name": "Bad", "siret": "73282932000075"}, QgsPointXY(650000, 7100000))
    assert "check digit" in str(error.value.message)


def test_duplicate_and_archive_a_flow(workspace, tools):
    dock = tools.company_dock()
    uid, _name = a_company_with_flows(workspace, "offer")
    dock.show_company(uid)
    table = dock.tables["offer"]
    table.selectRow(0)
    flow_uid = dock.selected_flow_uid(table)
    count = table.rowCount()
    dock.duplicate_flow()
    assert dock.tables["offer"].rowCount() == count + 1
    dock.tables["offer"].selectRow(0)
    dock.archive_flow()
    assert dock.tables["offer"].rowCount() == count
    statuses = [r[0] for r in query(workspace, "SELECT status FROM flows WHERE company_uid = ?", (uid,))]
    assert "archived" in statuses
    assert flow_uid


def test_edits_go_through_the_edit_buffer(workspace, tools):
    layers = workspace_layers()
    uid, _name = a_company_with_flows(workspace)
    before = query(workspace, "SELECT count(*) FROM flows")[0][0]
    tools.company_dock().show_company(uid)  # the advisor has the company in front of them
    flows = layers["flows"]
    flows.startEditing()  # the user is editing: the change stays in QGIS's buffer
    editing.add_flow(layers, uid, {"direction": "offer", "resource_code": "150101", "quantity": "3", "unit": "t/yr"})
    assert flows.isEditable() and flows.isModified()
    assert flows.undoStack().count() == 1
    assert query(workspace, "SELECT count(*) FROM flows")[0][0] == before
    flows.undoStack().undo()
    assert not flows.editBuffer().addedFeatures()
    flows.undoStack().redo()
    assert flows.commitChanges()
    assert query(workspace, "SELECT count(*) FROM flows")[0][0] == before + 1


# --- synergy dock --------------------------------------------------------------------------------

def _offer_and_need(path):
    return query(path, "SELECT o.company_uid, n.company_uid, o.uid, n.uid FROM flows o JOIN flows n "
                       "ON o.direction = 'offer' AND n.direction = 'need' AND o.company_uid <> n.company_uid "
                       "AND o.status = 'active' AND n.status = 'active' "
                       "AND o.confidentiality <> 'advisor' AND n.confidentiality <> 'advisor' "
                       "WHERE o.uid NOT IN (SELECT flow_uid FROM synergy_participants WHERE flow_uid IS NOT NULL) "
                       "ORDER BY o.uid LIMIT 1")[0]


def test_substitution_with_the_map_tool_through_every_status(workspace, tools, qgis_canvas):
    layers = workspace_layers()
    companies = layers["companies"]
    frame(qgis_canvas, companies)
    supplier, receiver, offer_uid, need_uid = _offer_and_need(workspace)
    dock = tools.synergy_dock()
    tool = tools.substitution_tool()

    QTimer.singleShot(0, choose_in_picker(dock, offer_uid, need_uid, "Test substitution"))
    positions = {f["uid"]: f.geometry().asPoint() for f in companies.getFeatures()}
    click(tool, qgis_canvas, companies, positions[supplier], zoom=True)
    click(tool, qgis_canvas, companies, positions[receiver], zoom=True)
    uid = dock.synergy_uid
    assert uid, dock.message.text()
    row = query(workspace, "SELECT kind, status, title, confidentiality FROM synergies WHERE uid = ?", (uid,))[0]
    assert row[:3] == ("substitution", "idea", "Test substitution")
    roles = dict(query(workspace, "SELECT role, flow_uid FROM synergy_participants WHERE synergy_uid = ?", (uid,)))
    assert roles == {"supplier": offer_uid, "receiver": need_uid}
    geometry = QgsGeometry.fromWkt(editing.feature_by_uid(layers["synergies"], uid).geometry().asWkt())
    line = geometry.asMultiPolyline()[0]
    assert line[0].distance(positions[supplier]) < 0.01 and line[-1].distance(positions[receiver]) < 0.01
    for expected in ("contacted", "studying", "implementing", "operating"):
        assert dock.advance()
        assert query(workspace, "SELECT status FROM synergies WHERE uid = ?", (uid,))[0][0] == expected
    assert not dock.advance_button.isEnabled()
    events = query(workspace, "SELECT from_status, to_status, \"by\" FROM synergy_events WHERE synergy_uid = ? "
                              "ORDER BY at, rowid", (uid,))
    assert [(e[0], e[1]) for e in events] == [(None, "idea"), ("idea", "contacted"), ("contacted", "studying"),
                                              ("studying", "implementing"), ("implementing", "operating")]
    assert all(e[2] for e in events)
    assert dock.timeline.count() == 5
    # outcomes
    dock.fields["diverted_t_per_year"].setText("120,5")
    dock.fields["savings_eur_per_year"].setText("15 000")
    dock.fields["next_action"].setText("Bilan annuel")
    assert dock.save_outcomes()
    assert query(workspace, "SELECT diverted_t_per_year, savings_eur_per_year, next_action FROM synergies WHERE uid = ?",
                 (uid,))[0] == (120.5, 15000.0, "Bilan annuel")
    dock.fields["diverted_t_per_year"].setText("-4")
    assert dock.save_outcomes() is None and "negative" in dock.message.text()


def test_same_company_on_both_sides_is_refused(workspace, tools):
    dock = tools.synergy_dock()
    supplier, _receiver, _o, _n = _offer_and_need(workspace)
    assert dock.pair_picked(supplier, supplier) is None
    assert "same company" in dock.message.text()
    layers = workspace_layers()
    offer = query(workspace, "SELECT uid FROM flows WHERE company_uid = ? AND direction = 'offer'", (supplier,))
    need_owner = query(workspace, "SELECT f.company_uid, f.uid FROM flows f WHERE direction = 'need' LIMIT 1")[0]
    own_offer = query(workspace, "SELECT uid FROM flows WHERE company_uid = ? AND direction = 'offer' LIMIT 1",
                      (need_owner[0],))
    if own_offer:
        with pytest.raises(TerritorialFluxError):
            editing.create_substitution(layers, own_offer[0][0], need_owner[1])
    assert offer


def test_abandon_requires_a_reason_and_filters(workspace, tools):
    dock = tools.synergy_dock()
    live = query(workspace, "SELECT uid, title FROM synergies WHERE status = 'studying' LIMIT 1")[0]
    dock.show_synergy(live[0])
    assert dock.abandon("   ") is None
    assert "reason" in dock.message.text()
    assert query(workspace, "SELECT status FROM synergies WHERE uid = ?", (live[0],))[0][0] == "studying"
    assert dock.abandon("Le receveur a changé de procédé")
    assert query(workspace, "SELECT status, abandon_reason FROM synergies WHERE uid = ?", (live[0],))[0] == (
        "abandoned", "Le receveur a changé de procédé")
    assert query(workspace, "SELECT comment FROM synergy_events WHERE synergy_uid = ? AND to_status = 'abandoned'",
                 (live[0],))[0][0] == "Le receveur a changé de procédé"
    # filters: status, text; sorted by next action date; overdue stand out
    dock.status_filter.setCurrentIndex(dock.status_filter.findData("abandoned"))
    assert dock.table.rowCount() == query(workspace, "SELECT count(*) FROM synergies WHERE status = 'abandoned'")[0][0]
    dock.status_filter.setCurrentIndex(0)
    dates = [r["next_action_date"] for r in dock.rows() if r["next_action_date"]]
    assert dates == sorted(dates)
    dock.text_filter.setText(live[1][:12])
    assert any(dock.table.item(i, 1).text() == live[1] for i in range(dock.table.rowCount()))
    assert dock.is_overdue({"next_action_date": "2020-01-01", "status": "idea"})
    assert not dock.is_overdue({"next_action_date": "2020-01-01", "status": "operating"})


def test_mutualisation(workspace, tools):
    layers = workspace_layers()
    needs = query(workspace, "SELECT uid, company_uid FROM flows WHERE resource_code = 'SE 05 01' AND direction = 'need' "
                             "AND status = 'active' AND confidentiality <> 'advisor'")
    companies = {}
    for uid, company in needs:
        companies.setdefault(company, uid)
    uid = editing.create_mutualisation(layers, list(companies.values())[:3], "Formations communes")
    roles = query(workspace, "SELECT role FROM synergy_participants WHERE synergy_uid = ?", (uid,))
    assert [r[0] for r in roles] == ["member"] * min(3, len(companies))
    with pytest.raises(TerritorialFluxError):
        editing.create_mutualisation(layers, list(companies.values())[:1], "Alone")


def test_synergy_lines_follow_their_companies(workspace, tools):
    follower = GeometryFollower()
    try:
        layers = workspace_layers()
        supplier, synergy_uid = query(workspace, "SELECT p.company_uid, p.synergy_uid FROM synergy_participants p "
                                                 "JOIN synergies s ON s.uid = p.synergy_uid "
                                                 "WHERE p.role = 'supplier' LIMIT 1")[0]
        companies = layers["companies"]
        feature = editing.feature_by_uid(companies, supplier)
        moved = QgsPointXY(feature.geometry().asPoint().x() + 1000, feature.geometry().asPoint().y() + 500)
        companies.startEditing()
        companies.changeGeometry(feature.id(), QgsGeometry.fromPointXY(moved))
        assert companies.commitChanges()
        line = editing.feature_by_uid(layers["synergies"], synergy_uid).geometry().asMultiPolyline()[0]
        assert line[0].distance(moved) < 0.01
    finally:
        follower.unload()


def test_docks_follow_the_project(workspace, tools, tmp_path, demo_workspace, qtbot):
    company_dock = tools.company_dock()
    synergy_dock = tools.synergy_dock()
    assert synergy_dock.table.rowCount() > 0
    QgsProject.instance().clear()
    qtbot.waitUntil(lambda: synergy_dock.table.rowCount() == 0)
    assert "No workspace" in company_dock.card.text()
    other = str(tmp_path / "other.gpkg")
    shutil.copy(demo_workspace, other)
    open_workspace(other)
    qtbot.waitUntil(lambda: synergy_dock.table.rowCount() > 0)
    assert company_dock.layers["companies"].source().startswith(other)
    assert company_dock.findChild(QPushButton, "add_offer") is not None


def test_company_history_from_the_audit_trail(workspace, tools):
    dock = tools.company_dock()
    uid, _name = a_company_with_flows(workspace)
    dock.show_company(uid)
    editing.add_flow(workspace_layers(), uid, {"direction": "need", "resource_code": "WA0101", "quantity": "300",
                                               "unit": "m3/yr"})
    dock.mark_verified()
    rows = dock.history_rows()
    whats = [r[2] for r in rows]
    assert "flow created" in whats and "company changed" in whats
    assert any("last_verified" in r[3] for r in rows if r[2] == "company changed")
    dialog = dock.show_history()
    assert dialog.findChild(QTableWidget, "historyTable").rowCount() == len(rows)
    dialog.close()


def _someone_else_changes(path, table, uid, column, value):
    """Another advisor's save, straight into the file through GDAL (as their QGIS would)."""
    from osgeo import ogr

    source = ogr.Open(path, 1)
    source.ExecuteSQL("UPDATE \"{}\" SET \"{}\" = '{}', updated_by = 'alice' WHERE uid = '{}'".format(
        table, column, value.replace("'", "''"), uid))
    source = None


def test_second_save_of_a_flow_is_refused_then_reloaded_or_overwritten(workspace, tools):
    dock = tools.company_dock()
    uid, _name = a_company_with_flows(workspace, "offer")
    dock.show_company(uid)
    dock.tables["offer"].selectRow(0)
    flow_uid = dock.selected_flow_uid(dock.tables["offer"])
    dialog = dock.edit_flow_dialog(flow_uid)  # the user opens the flow...
    _someone_else_changes(workspace, "flows", flow_uid, "label", "Changed by Alice")  # ...Alice saves it
    answers = []
    dock.ask_conflict = lambda error: answers.append(error) or "reload"
    dialog.label_edit.setText("My label")
    assert not dialog._save(keep_open=False)
    assert "Changed by Alice" in dialog.message_label.text() and "alice" in dialog.message_label.text()
    assert query(workspace, "SELECT label FROM flows WHERE uid = ?", (flow_uid,))[0][0] == "Changed by Alice"
    assert dialog.label_edit.text() == "My label"  # nothing typed is lost
    dock.ask_conflict = lambda error: "overwrite"
    assert dialog._save(keep_open=False)
    assert query(workspace, "SELECT label FROM flows WHERE uid = ?", (flow_uid,))[0][0] == "My label"
    assert len(answers) == 1


def test_second_status_change_of_a_synergy_is_refused(workspace, tools):
    dock = tools.synergy_dock()
    uid = query(workspace, "SELECT uid FROM synergies WHERE status = 'idea' LIMIT 1")[0][0]
    dock.show_synergy(uid)
    _someone_else_changes(workspace, "synergies", uid, "next_action", "Alice calls them")
    dock.ask_conflict = lambda error: "reload"
    assert dock.advance() is None
    assert "alice" in dock.message.text()
    assert query(workspace, "SELECT status FROM synergies WHERE uid = ?", (uid,))[0][0] == "idea"
    assert query(workspace, "SELECT count(*) FROM synergy_events WHERE synergy_uid = ?", (uid,))[0][0] == 1
    assert dock.advance()  # reloaded: the dock now holds Alice's version
    assert query(workspace, "SELECT status, next_action FROM synergies WHERE uid = ?", (uid,))[0] == (
        "contacted", "Alice calls them")


def test_synergy_dock_proposes_the_estimated_avoided_emissions(workspace, tools):
    from territorial_flux_plugin.domain import emissions
    from territorial_flux_plugin.domain.codes import family_of_code

    uid, code, diverted, distance = query(
        workspace, "SELECT uid, resource_code, diverted_t_per_year, distance_km FROM synergies "
                   "WHERE diverted_t_per_year IS NOT NULL AND distance_km IS NOT NULL LIMIT 1")[0]
    family = family_of_code(code)
    database = sqlite_database(workspace)
    with database.transaction():
        database.execute("UPDATE synergies SET co2e_avoided_t_per_year = NULL WHERE uid = ?", (uid,))
        database.execute("UPDATE emission_factors SET kg_co2e_per_t = 420, source = 'Base Empreinte (test)', "
                         "source_date = '2024-06-01' WHERE family = ?", (family,))
    database.close()
    settle_qgis()
    dock = tools.synergy_dock()
    workspace_layers()["emission_factors"].reload()
    dock.show_synergy(uid)
    expected = round(diverted * 420 / 1000.0 - diverted * distance * 0.105 / 1000.0, 1)
    assert expected == emissions.estimate(emissions.FactorTable([
        emissions.Factor(family=family, kg_co2e_per_t=420.0), emissions.Factor(kg_co2e_per_tkm=0.105)]),
        code, family, diverted_t=diverted, distance_km=distance).value
    assert dock.estimate_label.text() == "estimate: {:g}".format(expected)
    assert "Base Empreinte (test)" in dock.estimate_label.toolTip() and "2022-09-19" in dock.estimate_label.toolTip()
    assert dock.fields["co2e_avoided_t_per_year"].text() == ""
    dock.use_estimate.click()
    assert dock.fields["co2e_avoided_t_per_year"].text() == "{:g}".format(expected)
    assert dock.save_outcomes()
    assert query(workspace, "SELECT co2e_avoided_t_per_year FROM synergies WHERE uid = ?", (uid,))[0][0] == expected
    assert dock.estimate_label.text() == "" and not dock.use_estimate.isVisibleTo(dock)


def test_dashboard_shows_the_reports_figures_live(workspace, tools, qtbot):
    from qgis.PyQt.QtCore import QDate

    from territorial_flux_plugin.reporting.report import ReportSettings, compute
    from territorial_flux_plugin.storage import workspace_at

    dashboard = tools.dashboard_dock()
    dashboard.date_from.setDate(QDate(2020, 1, 1))
    dashboard.date_to.setDate(QDate(2030, 12, 31))

    def truth(level):
        report = compute(workspace_at(workspace), ReportSettings("x.xlsx", "2020-01-01", "2030-12-31", level, "en"))
        return {i.key: i.value for i in report.indicators}

    shown = {i.key: i.value for i in dashboard.report.indicators}
    assert shown == truth("internal")
    assert dashboard.table.rowCount() == len([v for v in shown.values() if v is not None])
    assert dashboard.chart.counts == {s: shown["synergies_" + s] for s in
                                      ("idea", "contacted", "studying", "implementing", "operating", "abandoned")}
    image = dashboard.chart.grab().toImage()
    assert any(image.pixelColor(x, image.height() - 20).name() == "#08519c" for x in range(image.width()))
    # live: a synergy moved on in the synergy dock moves on in the dashboard
    before = shown["synergies_operating"]
    synergies = tools.synergy_dock()
    uid = query(workspace, "SELECT uid FROM synergies WHERE status = 'implementing' AND confidentiality <> 'advisor' "
                           "LIMIT 1")[0][0]
    synergies.show_synergy(uid)
    assert synergies.advance()
    qtbot.waitUntil(lambda: dashboard.value("synergies_operating") == before + 1)
    assert dashboard.value("synergies_operating_reached") == truth("internal")["synergies_operating_reached"]
    # the audience: partners see fewer, and no savings
    dashboard.level.setCurrentIndex(dashboard.level.findData("partners"))
    assert {i.key: i.value for i in dashboard.report.indicators} == truth("partners")
    assert dashboard.value("savings_eur_per_year") is None
