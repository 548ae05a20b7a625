"""The plugin's desktop side on a team workspace (a real PostgreSQL/PostGIS server): Open team
workspace…, the company and synergy docks driven through their widgets as an editor, two editors
saving the same rows, a reader's read-only docks, and the value-chain analysis as editor and reader.

Each advisor is a real login role of the server (granted the workspace's reader or editor role)
reaching it through a service of its own, as each advisor's QGIS would.
"""

import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QPushButton, QTableWidget

from territorial_flux_plugin.gui.tools import PluginTools
from territorial_flux_plugin.project.build import current_workspace, open_workspace, workspace_layers
from territorial_flux_plugin.storage import workspace_at
from territorial_flux_plugin.storage.schema import SCHEMA_VERSION
from tests.qgis.test_docks import choose_in_picker
from tests.qgis_helpers import demo_team, live_provider, settle_qgis, team_reference

SCHEMA = "team_docks"
USERS = {"dk_rita": "reader", "dk_alice": "editor", "dk_bob": "editor"}


@pytest.fixture(scope="module")
def team(provider_registered, postgis_server, postgis_connection, demo_workspace):
    """The demo territory copied into a team workspace; three advisors with their own services."""
    return demo_team(postgis_server, postgis_connection, demo_workspace, SCHEMA, "Demo team", USERS)


def as_user(user):
    return team_reference(user, SCHEMA)


def query(server, sql, params=(), user="postgres"):
    return server.rows(SCHEMA, sql, params, user)


@pytest.fixture
def opened(team, qgis_iface, qgis_canvas):
    """open('dk_alice'): the team workspace as that advisor, in QGIS's current project."""
    def _open(user):
        workspace, _backup = open_workspace(as_user(user))
        return workspace

    yield _open
    settle_qgis(qgis_canvas)
    QgsProject.instance().clear()


@pytest.fixture
def tools(qgis_iface, qgis_canvas):
    tools = PluginTools(qgis_iface)
    yield tools
    tools.unload()
    settle_qgis(qgis_canvas)


def a_company_with_flows(server, direction="offer"):
    return query(server, "SELECT c.uid, c.name FROM companies c JOIN flows f ON f.company_uid = c.uid "
                         "WHERE c.status = 'active' AND f.status = 'active' AND f.direction = %s "
                         "AND f.confidentiality <> 'advisor' GROUP BY c.uid, c.name ORDER BY c.name LIMIT 1",
                 (direction,))[0]


# --- Open team workspace… ----------------------------------------------------------------------

def test_open_team_workspace_dialog_lists_and_opens(team, postgis_server, postgis_connection, qtbot, monkeypatch):
    from territorial_flux_plugin.gui.workspace_dialogs import OpenTeamWorkspaceDialog

    with open(postgis_server.service_file, "a") as services:
        services.write("[tf_nowhere]\nhost=127.0.0.1\nport=1\ndbname=territorial_flux_test\nuser=postgres\n")
    dialog = OpenTeamWorkspaceDialog()
    qtbot.addWidget(dialog)
    entries = {dialog.server_combo.itemData(i): i for i in range(dialog.server_combo.count())}
    assert "connection=" + postgis_connection in entries
    assert "service=tf_dk_rita" in entries  # services of the pg_service file too
    # a server that does not answer: a sentence, nothing listed
    dialog.server_combo.setCurrentIndex(entries["service=tf_nowhere"])
    assert dialog.list.count() == 0 and "Cannot connect" in dialog.message.text()
    assert not dialog.open_button.isEnabled()
    # the saved connection: the workspaces of its database, by name and schema
    dialog.server_combo.setCurrentIndex(entries["connection=" + postgis_connection])
    names = {found.schema: found for found in dialog.workspaces}
    title = workspace_at(team).name  # the demo's, copied with its data
    assert names[SCHEMA].name == title and names[SCHEMA].status == "current"
    assert "public" not in names
    row = [found.schema for found in dialog.workspaces].index(SCHEMA)
    assert title in dialog.list.item(row).text() and SCHEMA in dialog.list.item(row).text()
    dialog.list.setCurrentRow(row)
    assert dialog.open_button.isEnabled()
    dialog.accept()
    assert dialog.result() == 1
    assert dialog.reference() == "postgres:connection={};schema={}".format(postgis_connection, SCHEMA)
    # an older schema: listed as waiting for its administrator, and refused with that sentence
    query(postgis_server, "UPDATE workspace_info SET value = '0' WHERE key = 'schema_version'")
    try:
        again = OpenTeamWorkspaceDialog()
        qtbot.addWidget(again)
        again.server_combo.setCurrentIndex(entries["service=tf_dk_rita"])  # a reader lists it too
        row = [found.schema for found in again.workspaces].index(SCHEMA)
        assert again.workspaces[row].status == "older"
        assert "administrator" in again.list.item(row).text()
        again.list.setCurrentRow(row)
        again.accept()
        assert again.result() == 0
        assert "administrator must upgrade" in again.message.text()
        assert "version 0" in again.message.text() and "uses {}".format(SCHEMA_VERSION) in again.message.text()
    finally:
        query(postgis_server, "UPDATE workspace_info SET value = %s WHERE key = 'schema_version'",
              (str(SCHEMA_VERSION),))


def test_open_team_workspace_from_the_menu(team, qgis_iface, qgis_canvas, no_plugin_provider, monkeypatch):
    """Territorial Flux → Open team workspace…, as a reader: the project stored in the database opens,
    and the message bar says the workspace is read-only for them."""
    import territorial_flux_plugin
    from territorial_flux_plugin.gui.workspace_dialogs import OpenTeamWorkspaceDialog

    plugin = territorial_flux_plugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        action = next(a for a in plugin.menu.actions() if a.objectName() == "TerritorialFlux_open_team_workspace")
        assert action.text() == "Open team workspace…"

        def run_modal(dialog):  # the user's clicks, without a modal loop that could hang the test
            dialog.show()
            dialog.server_combo.setCurrentIndex(dialog.server_combo.findData("service=tf_dk_rita"))
            dialog.list.setCurrentRow([found.schema for found in dialog.workspaces].index(SCHEMA))
            dialog.accept()
            return dialog.result()

        monkeypatch.setattr(OpenTeamWorkspaceDialog, "exec", run_modal)
        messages = []
        monkeypatch.setattr(qgis_iface.messageBar(), "pushMessage", lambda *args, **kwargs: messages.append(args))
        action.trigger()
        layers = workspace_layers()
        assert layers["companies"].providerType() == "postgres" and layers["companies"].featureCount() > 100
        assert current_workspace().reference == as_user("dk_rita")
        assert any("read-only" in str(m) for m in messages), messages
    finally:
        plugin.unload()
        settle_qgis(qgis_canvas)
        QgsProject.instance().clear()


@pytest.fixture
def no_plugin_provider(provider):
    """The plugin registers its own provider: take the session's out meanwhile."""
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    registry.removeProvider("territorialflux")
    yield
    if registry.providerById("territorialflux") is None:
        live_provider()


# --- the company dock as an editor -------------------------------------------------------------

def test_company_dock_on_a_team_workspace(opened, tools, postgis_server, qtbot):
    opened("dk_alice")
    dock = tools.company_dock()
    assert dock.writable and not dock.read_only_label.isVisibleTo(dock)
    uid, name = a_company_with_flows(postgis_server)
    qtbot.keyClicks(dock.search_edit, name)
    qtbot.keyClick(dock.search_edit, Qt.Key.Key_Return)
    assert dock.company_uid == uid and name in dock.card.text()
    assert dock.findChild(QPushButton, "add_offer").isEnabled()
    offers = dock.tables["offer"].rowCount()
    assert offers > 0
    # a new offer through the flow form
    dialog = dock.flow_dialog("offer")
    dialog.resource_edit.setText("150101")
    dialog._resource_chosen()
    dialog.quantity_edit.setText("12,5 t/an")
    dialog.label_edit.setText("Cartons de l'équipe")
    assert dialog._save(keep_open=False), dialog.message_label.text()
    dock.refresh()
    assert dock.tables["offer"].rowCount() == offers + 1
    flow_uid, version, by = query(postgis_server, "SELECT uid, row_version, updated_by FROM flows "
                                                  "WHERE company_uid = %s AND label = %s", (uid, "Cartons de l'équipe"))[0]
    assert version == 1 and by
    assert query(postgis_server, "SELECT quantity, unit, resource_code FROM flows WHERE uid = %s", (flow_uid,))[0] == (
        12.5, "t/yr", "15 01 01")
    # edited through the form: saved with its version, seen by the server
    edit = dock.edit_flow_dialog(flow_uid)
    edit.label_edit.setText("Cartons triés")
    assert edit._save(keep_open=False), edit.message_label.text()
    assert query(postgis_server, "SELECT label, row_version FROM flows WHERE uid = %s", (flow_uid,))[0] == (
        "Cartons triés", 2)
    # verified today, and the history from the server's audit trail, naming the advisor's login
    assert dock.mark_verified(), dock.message.text()
    rows = dock.history_rows()
    whats = [r[2] for r in rows]
    assert "flow created" in whats and "flow changed" in whats and "company changed" in whats
    assert any(r[1] == "dk_alice" and "Cartons triés" in r[3] for r in rows if r[2] == "flow changed")
    history = dock.show_history()
    assert history.findChild(QTableWidget, "historyTable").rowCount() == len(rows)
    history.close()
    # duplicate and archive from the dock's buttons
    dock.tables["offer"].selectRow(0)
    dock.findChild(QPushButton, "duplicateFlow").click()
    assert dock.tables["offer"].rowCount() == offers + 2
    dock.tables["offer"].selectRow(0)
    dock.findChild(QPushButton, "archiveFlow").click()
    assert dock.tables["offer"].rowCount() == offers + 1
    assert query(postgis_server, "SELECT count(*) FROM flows WHERE company_uid = %s AND status = 'archived' "
                                 "AND updated_by IS NOT NULL", (uid,))[0][0] >= 1


# --- the synergy dock as an editor -------------------------------------------------------------

def _offer_and_need(server):
    return query(server, "SELECT o.company_uid, n.company_uid, o.uid, n.uid FROM flows o JOIN flows n "
                         "ON o.direction = 'offer' AND n.direction = 'need' AND o.company_uid <> n.company_uid "
                         "AND o.status = 'active' AND n.status = 'active' "
                         "AND o.confidentiality <> 'advisor' AND n.confidentiality <> 'advisor' "
                         "WHERE o.uid NOT IN (SELECT flow_uid FROM synergy_participants WHERE flow_uid IS NOT NULL) "
                         "ORDER BY o.uid LIMIT 1")[0]


def test_synergy_dock_on_a_team_workspace(opened, tools, postgis_server):
    opened("dk_alice")
    dock = tools.synergy_dock()
    visible = query(postgis_server, "SELECT count(*) FROM synergies", user="dk_alice")[0][0]
    assert dock.table.rowCount() == visible > 0  # as the server shows them to alice (row-level security)
    assert all(b.isEnabled() for b in dock.create_buttons)
    supplier, receiver, offer_uid, need_uid = _offer_and_need(postgis_server)

    QTimer.singleShot(0, choose_in_picker(dock, offer_uid, need_uid, "Team substitution"))
    uid = dock.new_substitution(supplier, receiver)
    assert uid, dock.message.text()
    assert query(postgis_server, "SELECT kind, status, title FROM synergies WHERE uid = %s", (uid,))[0] == (
        "substitution", "idea", "Team substitution")
    assert dict(query(postgis_server, "SELECT role, flow_uid FROM synergy_participants WHERE synergy_uid = %s",
                      (uid,))) == {"supplier": offer_uid, "receiver": need_uid}
    assert query(postgis_server, "SELECT ST_NumGeometries(geom) FROM synergies WHERE uid = %s", (uid,))[0][0] == 1
    for expected in ("contacted", "studying"):
        assert dock.advance()
        assert query(postgis_server, "SELECT status FROM synergies WHERE uid = %s", (uid,))[0][0] == expected
    events = query(postgis_server, "SELECT from_status, to_status FROM synergy_events WHERE synergy_uid = %s "
                                   "ORDER BY at", (uid,))
    assert events == [(None, "idea"), ("idea", "contacted"), ("contacted", "studying")]
    assert dock.timeline.count() == 3
    dock.fields["diverted_t_per_year"].setText("120,5")
    dock.fields["next_action"].setText("Bilan annuel")
    assert dock.save_outcomes()
    assert query(postgis_server, "SELECT diverted_t_per_year, next_action, row_version FROM synergies WHERE uid = %s",
                 (uid,))[0] == (120.5, "Bilan annuel", 4)
    assert dock.abandon("Le receveur a changé de procédé")
    assert query(postgis_server, "SELECT status, abandon_reason FROM synergies WHERE uid = %s", (uid,))[0] == (
        "abandoned", "Le receveur a changé de procédé")
    # the audit trail names the advisor for each of these changes
    assert {r[0] for r in query(postgis_server, "SELECT DISTINCT \"by\" FROM audit_log WHERE row_uid = %s",
                                (uid,))} == {"dk_alice"}


def test_possible_links_promoted_and_rejected_on_a_team_workspace(opened, tools, postgis_server):
    opened("dk_alice")
    dock = tools.synergy_dock()
    triage = dock.triage
    dock.tabs.setCurrentWidget(triage)
    triage.refresh()
    assert triage.table.rowCount() == len(triage.links) > 1
    assert triage.promote_button.isEnabled() and "km" in triage.reason_label.text()
    link = triage.current()
    uid = triage.promote()
    assert uid and dock.synergy_uid == uid
    assert query(postgis_server, "SELECT kind, status FROM synergies WHERE uid = %s", (uid,))[0] == (
        "substitution", "idea")
    assert query(postgis_server, "SELECT decision FROM link_reviews WHERE offer_flow_uid = %s AND need_flow_uid = %s",
                 (link.offer.uid, link.need.uid)) == [("promoted",)]
    rejected = triage.current()
    assert triage.reject("Qualité incompatible")
    assert query(postgis_server, "SELECT decision, reason, \"by\" FROM link_reviews WHERE offer_flow_uid = %s "
                                 "AND need_flow_uid = %s", (rejected.offer.uid, rejected.need.uid)) == [
        ("rejected", "Qualité incompatible", "dk_alice")]
    triage.refresh()
    pairs = {(other.offer.uid, other.need.uid) for other in triage.links}
    assert (link.offer.uid, link.need.uid) not in pairs and (rejected.offer.uid, rejected.need.uid) not in pairs


# --- two editors, two connections ----------------------------------------------------------------

def test_second_save_is_refused_with_the_other_editors_changes(opened, tools, postgis_server):
    """Alice has a flow and a synergy open in her docks; Bob saves both from his own connection."""
    opened("dk_alice")
    dock = tools.company_dock()
    uid, _name = a_company_with_flows(postgis_server)
    dock.show_company(uid)
    dock.tables["offer"].selectRow(0)
    flow_uid = dock.selected_flow_uid(dock.tables["offer"])
    dialog = dock.edit_flow_dialog(flow_uid)  # Alice opens the flow...
    with postgis_server.connect("dk_bob", autocommit=True) as bob, bob.cursor() as cursor:  # ...Bob saves it
        cursor.execute("UPDATE {}.flows SET label = 'Changed by Bob' WHERE uid = %s".format(SCHEMA), (flow_uid,))
    answers = []
    dock.ask_conflict = lambda error: answers.append(error) or "reload"
    dialog.label_edit.setText("Alice's label")
    assert not dialog._save(keep_open=False)
    assert "Changed by Bob" in dialog.message_label.text() and "dk_bob" in dialog.message_label.text()
    assert query(postgis_server, "SELECT label FROM flows WHERE uid = %s", (flow_uid,))[0][0] == "Changed by Bob"
    assert dialog.label_edit.text() == "Alice's label"  # nothing typed is lost
    dock.ask_conflict = lambda error: "overwrite"
    assert dialog._save(keep_open=False)
    assert query(postgis_server, "SELECT label, updated_by FROM flows WHERE uid = %s", (flow_uid,))[0][0] == "Alice's label"
    assert len(answers) == 1
    # a synergy's status
    synergies = tools.synergy_dock()
    synergy = query(postgis_server, "SELECT uid FROM synergies WHERE status = 'idea' ORDER BY uid LIMIT 1")[0][0]
    synergies.show_synergy(synergy)
    events = query(postgis_server, "SELECT count(*) FROM synergy_events WHERE synergy_uid = %s", (synergy,))[0][0]
    with postgis_server.connect("dk_bob", autocommit=True) as bob, bob.cursor() as cursor:
        cursor.execute("UPDATE {}.synergies SET next_action = 'Bob calls them' WHERE uid = %s".format(SCHEMA),
                       (synergy,))
    synergies.ask_conflict = lambda error: "reload"
    assert synergies.advance() is None
    assert "dk_bob" in synergies.message.text() and "Bob calls them" in synergies.message.text()
    assert query(postgis_server, "SELECT status FROM synergies WHERE uid = %s", (synergy,))[0][0] == "idea"
    assert query(postgis_server, "SELECT count(*) FROM synergy_events WHERE synergy_uid = %s", (synergy,))[0][0] == events
    assert synergies.advance()  # reloaded: the dock now holds Bob's version
    assert query(postgis_server, "SELECT status, next_action FROM synergies WHERE uid = %s", (synergy,))[0] == (
        "contacted", "Bob calls them")


# --- a reader ------------------------------------------------------------------------------------

def test_qgis_own_form_records_the_database_login(opened, postgis_server):
    """A flow added through QGIS's own form or attribute table, not the docks, is the login's:
    the server fills "advisor" and "updated_by", so an advisor-level flow is accepted."""
    from qgis.core import QgsVectorLayerUtils

    opened("dk_bob")
    flows = workspace_layers()["flows"]
    fields = flows.fields()
    for name in ("advisor", "updated_by"):
        assert flows.defaultValueDefinition(fields.indexOf(name)).expression() == ""
    company = query(postgis_server, "SELECT uid FROM companies ORDER BY fid LIMIT 1")[0][0]
    values = {"company_uid": str(company), "direction": "offer", "family": "waste", "resource_code": "15 01 01",
              "label": "Entered in QGIS's own form", "confidentiality": "advisor"}
    assert flows.startEditing()
    feature = QgsVectorLayerUtils.createFeature(flows, attributes={fields.indexOf(k): v for k, v in values.items()})
    assert flows.addFeature(feature)
    assert flows.commitChanges(), flows.commitErrors()
    assert query(postgis_server, "SELECT advisor, updated_by FROM flows WHERE label = %s",
                 (values["label"],)) == [("dk_bob", "dk_bob")]


def test_a_reader_sees_the_docks_read_only(opened, tools, postgis_server):
    opened("dk_rita")
    company_dock, synergy_dock = tools.company_dock(), tools.synergy_dock()
    assert not company_dock.writable and not synergy_dock.writable
    uid, name = a_company_with_flows(postgis_server)
    company_dock.search_edit.setText(name)
    found = company_dock.search()
    assert found == uid, (name, query(postgis_server, "SELECT name FROM companies WHERE uid = %s", (found,)))
    assert name in company_dock.card.text() and company_dock.tables["offer"].rowCount() > 0
    assert company_dock.read_only_label.isVisibleTo(company_dock)
    for button in [company_dock.findChild(QPushButton, n) for n in ("add_offer", "add_need", "editFlow",
                                                                    "duplicateFlow", "archiveFlow")] + [
            company_dock.edit_company_button, company_dock.verified_button, company_dock.archive_company_button,
            company_dock.add_company_button]:
        assert not button.isEnabled(), button.text()
    assert company_dock.history_button.isEnabled()  # reading the history is reading
    assert company_dock.history_rows()
    # called anyway (a shortcut, a script): a clear refusal, nothing written
    flows = query(postgis_server, "SELECT count(*) FROM flows")[0][0]
    company_dock.tables["offer"].selectRow(0)
    assert company_dock.duplicate_flow() is None
    assert "Read-only" in company_dock.message.text()
    assert query(postgis_server, "SELECT count(*) FROM flows")[0][0] == flows
    # the synergy dock
    assert synergy_dock.table.rowCount() > 0 and synergy_dock.read_only_label.isVisibleTo(synergy_dock)
    assert not any(b.isEnabled() for b in synergy_dock.create_buttons)
    synergy = query(postgis_server, "SELECT uid FROM synergies WHERE status = 'idea' AND confidentiality = 'internal' "
                                    "ORDER BY uid LIMIT 1")[0][0]
    synergy_dock.show_synergy(synergy)
    assert synergy_dock.title_label.text() and synergy_dock.participants.count() > 0
    for widget in (synergy_dock.advance_button, synergy_dock.abandon_button, synergy_dock.save_button,
                   synergy_dock.fields["next_action"]):
        assert not widget.isEnabled()
    assert synergy_dock.advance() is None and "Read-only" in synergy_dock.message.text()
    assert query(postgis_server, "SELECT status FROM synergies WHERE uid = %s", (synergy,))[0][0] == "idea"
    # possible links: the reader sees them, decides nothing
    triage = synergy_dock.triage
    triage.refresh()
    assert triage.table.rowCount() > 0 and triage.current() is not None
    assert triage.skip_button.isEnabled()
    assert not triage.promote_button.isEnabled() and not triage.reject_button.isEnabled()
    reviews = query(postgis_server, "SELECT count(*) FROM link_reviews")[0][0]
    assert triage.reject("No") is None and "Read-only" in triage.message.text()
    assert query(postgis_server, "SELECT count(*) FROM link_reviews")[0][0] == reviews


# --- value-chain analysis as editor and as reader --------------------------------------------------

def test_value_chain_analysis_as_editor_replaces_the_shared_tables(team, run, postgis_server):
    alice = as_user("dk_alice")
    result = run("missinglinks", {"WORKSPACE": alice, "OUTPUT": "memory:", "BALANCE": "memory:"})
    stored = query(postgis_server, "SELECT count(*) FROM missing_links")[0][0]
    assert stored == result["UNMET_NEEDS"] + result["ORPHAN_OFFERS"] > 0
    assert result["OUTPUT"].featureCount() == stored
    possible = run("possiblelinks", {"WORKSPACE": alice, "OUTPUT": "memory:"})
    assert possible["OUTPUT"].featureCount() == query(postgis_server, "SELECT count(*) FROM possible_links")[0][0] > 0
    assert workspace_at(alice).info.get("analysed_at")


def test_value_chain_analysis_as_reader_stays_in_temporary_layers(team, run, postgis_server):
    """A reader's analysis: results in the reader's own temporary layers, the shared schema untouched."""
    rita = as_user("dk_rita")
    tables = ("missing_links", "possible_links", "resource_balance", "metabolism")
    before = {t: query(postgis_server, "SELECT count(*), max(fid) FROM {}".format(t))[0] for t in tables}
    analysed = workspace_at(rita).info.get("analysed_at")
    result = run("missinglinks", {"WORKSPACE": rita, "MAX_DISTANCE": 5, "OUTPUT": "memory:", "BALANCE": "memory:"})
    assert result["OUTPUT"].featureCount() == result["UNMET_NEEDS"] + result["ORPHAN_OFFERS"] > 0
    assert result["OUTPUT"].providerType() == "memory" and result["BALANCE"].featureCount() > 0
    possible = run("possiblelinks", {"WORKSPACE": rita, "MAX_DISTANCE": 5, "OUTPUT": "memory:"})
    assert possible["OUTPUT"].providerType() == "memory" and possible["OUTPUT"].featureCount() > 0
    assert {t: query(postgis_server, "SELECT count(*), max(fid) FROM {}".format(t))[0] for t in tables} == before
    assert workspace_at(rita).info.get("analysed_at") == analysed


def test_analyse_value_chains_from_the_menu_as_a_reader(opened, postgis_server, qgis_iface, monkeypatch):
    """Territorial Flux → Analyse value chains, for a reader: temporary layers of their session."""
    from territorial_flux_plugin.gui.value_chains import analyse_current_workspace

    opened("dk_rita")
    tables = ("missing_links", "possible_links", "resource_balance", "metabolism")
    before = {t: query(postgis_server, "SELECT count(*), max(fid) FROM {}".format(t))[0] for t in tables}
    messages = []
    monkeypatch.setattr(qgis_iface.messageBar(), "pushMessage", lambda *args, **kwargs: messages.append(args))
    missing, possible = analyse_current_workspace(qgis_iface)
    project = QgsProject.instance()
    shown = project.mapLayersByName("Missing links (temporary, this session)")
    assert len(shown) == 1 and shown[0].providerType() == "memory"
    assert shown[0].featureCount() == missing["UNMET_NEEDS"] + missing["ORPHAN_OFFERS"] > 0
    links = project.mapLayersByName("Possible links (temporary, this session)")
    assert len(links) == 1 and links[0].featureCount() == possible["LINKS"] > 0
    assert {t: query(postgis_server, "SELECT count(*), max(fid) FROM {}".format(t))[0] for t in tables} == before
    assert any("temporary layers" in str(m) for m in messages), messages
    # run again: the session's layers are replaced, not piled up
    analyse_current_workspace(qgis_iface)
    assert len(project.mapLayersByName("Missing links (temporary, this session)")) == 1
