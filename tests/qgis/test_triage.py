"""The Possible links panel of the synergy dock: promote, reject with a reason, skip."""

import shutil
import sqlite3

import pytest
from qgis.core import QgsPointXY, QgsProject

from territorial_flux_plugin.gui.tools import PluginTools
from territorial_flux_plugin.project import editing
from territorial_flux_plugin.project.build import open_workspace, workspace_layers
from tests.qgis_helpers import settle_qgis


@pytest.fixture
def panel(demo_workspace, tmp_path, qgis_iface, qgis_canvas, qtbot):
    path = str(tmp_path / "territory.gpkg")
    shutil.copy(demo_workspace, path)
    open_workspace(path)
    tools = PluginTools(qgis_iface)
    dock = tools.synergy_dock()
    dock.tabs.setCurrentWidget(dock.triage)
    dock.triage.refresh()
    yield dock.triage, path
    tools.unload()
    settle_qgis(qgis_canvas)
    QgsProject.instance().clear()


def query(path, sql, params=()):
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def pairs(panel):
    return [(link.offer.uid, link.need.uid) for link in panel.ordered()]


def test_candidates_sorted_with_reasons(panel):
    triage, _path = panel
    assert triage.table.rowCount() == len(triage.links) > 0
    distances = [link.distance_km for link in triage.ordered()]
    assert distances == sorted(distances)
    assert "km" in triage.reason_label.text()
    triage.sort_combo.setCurrentIndex(triage.sort_combo.findData("share"))
    shares = [link.covered_share for link in triage.ordered() if link.covered_share is not None]
    assert shares == sorted(shares, reverse=True)


def test_promote_creates_an_idea_with_its_origin(panel):
    triage, path = panel
    link = triage.current()
    before = query(path, "SELECT count(*) FROM synergies")[0][0]
    uid = triage.promote()
    assert uid
    assert query(path, "SELECT count(*) FROM synergies")[0][0] == before + 1
    assert query(path, "SELECT kind, status FROM synergies WHERE uid = ?", (uid,))[0] == ("substitution", "idea")
    roles = dict(query(path, "SELECT role, flow_uid FROM synergy_participants WHERE synergy_uid = ?", (uid,)))
    assert roles == {"supplier": link.offer.uid, "receiver": link.need.uid}
    comment = query(path, "SELECT comment FROM synergy_events WHERE synergy_uid = ?", (uid,))[0][0]
    assert comment.startswith("Promoted from the possible links")
    assert query(path, "SELECT decision FROM link_reviews WHERE offer_flow_uid = ? AND need_flow_uid = ?",
                 (link.offer.uid, link.need.uid)) == [("promoted",)]
    triage.refresh()
    assert (link.offer.uid, link.need.uid) not in pairs(triage)  # a live synergy is never proposed again


def test_reject_needs_a_reason_and_never_comes_back(panel):
    triage, path = panel
    link = triage.current()
    synergies = query(path, "SELECT count(*) FROM synergies")[0][0]
    assert triage.reject("  ") is None
    assert "reason" in triage.message.text()
    assert query(path, "SELECT count(*) FROM link_reviews")[0][0] == 0
    assert triage.reject("Qualité incompatible")
    assert query(path, "SELECT decision, reason FROM link_reviews")[0] == ("rejected", "Qualité incompatible")
    assert (link.offer.uid, link.need.uid) not in pairs(triage)
    triage.refresh()
    assert (link.offer.uid, link.need.uid) not in pairs(triage)
    assert query(path, "SELECT count(*) FROM synergies")[0][0] == synergies  # rejecting creates nothing


def test_skip_moves_on_and_writes_nothing(panel):
    triage, path = panel
    first = triage.current()
    triage.skip()
    assert triage.current() is not first
    assert query(path, "SELECT count(*) FROM link_reviews")[0][0] == 0


def test_panel_refreshes_when_flows_change(panel, qtbot):
    triage, path = panel
    layers = workspace_layers()
    offer = triage.current().offer
    point = editing.company_point(layers, offer.company_uid)
    new_company = editing.add_company(layers, {"name": "Nouveau receveur"}, QgsPointXY(point.x() + 800, point.y()))
    count = len(triage.links)
    editing.add_flow(layers, new_company, {"direction": "need", "resource_code": offer.resource_code,
                                           "quantity": "5", "unit": offer.unit})
    qtbot.waitUntil(lambda: len(triage.links) > count)
    assert any(link.need.company_uid == new_company for link in triage.links)
