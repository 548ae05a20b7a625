"""Team workspaces on a real PostgreSQL/PostGIS server: creation, layers, styles, project."""

import io
import zipfile

import pytest
from qgis.core import QgsProject, QgsVectorLayer

from territorial_flux_plugin.domain.errors import TerritorialFluxError
from territorial_flux_plugin.project.build import open_workspace, workspace_layers
from territorial_flux_plugin.storage import workspace_at
from territorial_flux_plugin.storage.postgres import PostgresWorkspace
from territorial_flux_plugin.storage.schema import SCHEMA_VERSION, TABLES
from tests.qgis_helpers import create_team_workspace


@pytest.fixture(scope="module")
def team(postgis_connection):
    return create_team_workspace(postgis_connection, "team_basics", "Pays de Test")


def test_reference_string_gives_a_postgis_workspace(team, postgis_connection):
    assert team.reference == "postgres:connection={};schema=team_basics".format(postgis_connection)
    again = workspace_at(team.reference)
    assert isinstance(again, PostgresWorkspace)
    assert again.info["schema_version"] == str(SCHEMA_VERSION)
    assert again.name == "Pays de Test"
    assert again.crs.authid() == "EPSG:2154"


def test_layers_are_postgres_layers(team):
    for table in TABLES:
        layer = team.layer(table.name)
        assert layer.isValid() and layer.providerType() == "postgres"
        assert set(table.column_names) <= set(layer.fields().names())
        assert "password" not in layer.source()
    assert team.layer("companies").crs().authid() == "EPSG:2154"
    assert team.layer("resource_nomenclature").featureCount() > 1000


def test_styles_and_project_are_in_the_database(team, postgis_server):
    with postgis_server.connect() as connection, connection.cursor() as cursor:
        cursor.execute("SELECT f_table_name FROM public.layer_styles WHERE f_table_schema = 'team_basics' "
                       "AND useasdefault")
        assert {t.name for t in TABLES} <= {r[0] for r in cursor.fetchall()}
        cursor.execute("SELECT name, content FROM team_basics.qgis_projects")
        rows = cursor.fetchall()
    assert [r[0] for r in rows] == ["territory"]
    with zipfile.ZipFile(io.BytesIO(bytes(rows[0][1]))) as archive:
        text = "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist() if n.endswith(".qgs"))
    assert "service=&apos;territorial_flux_test&apos;" in text or "service='territorial_flux_test'" in text
    assert "password=" not in text
    companies = QgsVectorLayer(team.uri("companies"), "companies", "postgres")
    assert companies.renderer().type() == "categorizedSymbol"
    project = QgsProject()
    workspace, backup = open_workspace(team.reference, project)
    assert backup is None and workspace.reference == team.reference
    layers = workspace_layers(project)
    assert {t.name for t in TABLES} <= set(layers)
    assert all(layer.isValid() for layer in layers.values())
    assert "password" not in "".join(layer.source() for layer in layers.values())


def test_new_workspace_dialog_offers_the_team_storage(postgis_connection, qtbot):
    from territorial_flux_plugin.gui.workspace_dialogs import NewWorkspaceDialog
    from territorial_flux_plugin.project.build import create_workspace

    dialog = NewWorkspaceDialog()
    qtbot.addWidget(dialog)
    assert dialog.storage() == "geopackage" and not dialog.schema_edit.isVisibleTo(dialog)
    dialog.storage_combo.setCurrentIndex(dialog.storage_combo.findData("postgis"))
    assert dialog.schema_edit.isVisibleTo(dialog) and not dialog.file_widget.isVisibleTo(dialog)
    dialog.name_edit.setText("From the dialog")
    dialog.connection_combo.setCurrentText(postgis_connection)
    dialog.schema_edit.setText("Not Valid")
    dialog.accept()
    assert dialog.result() == 0 and "lowercase" in dialog.error_label.text()
    dialog.schema_edit.setText("team_dialog")
    dialog.accept()
    assert dialog.result() == 1
    workspace = create_workspace(dialog.path(), dialog.name(), dialog.crs())
    assert isinstance(workspace, PostgresWorkspace)
    assert workspace.reference == "postgres:connection={};schema=team_dialog".format(postgis_connection)
    assert workspace.name == "From the dialog"


def test_qgis_layer_edits_are_versioned_and_audited(team, postgis_server):
    """An edit through QGIS's own attribute table on the postgres layer: version + audit, by the db user."""
    from territorial_flux_plugin.project.history import row_history

    layer = team.layer("companies")
    assert layer.startEditing()
    from qgis.core import QgsVectorLayerUtils

    feature = QgsVectorLayerUtils.createFeature(layer, attributes={layer.fields().indexOf("name"): "Layer SA"})
    assert layer.addFeature(feature)
    assert layer.commitChanges(), layer.commitErrors()
    feature = next(layer.getFeatures("\"name\" = 'Layer SA'"))
    uid = feature["uid"]
    assert layer.startEditing()
    layer.changeAttributeValue(feature.id(), layer.fields().indexOf("notes"), "edited in the attribute table")
    assert layer.commitChanges(), layer.commitErrors()
    entries = row_history(team, "companies", uid)
    assert [(e.operation, e.row_version, e.by) for e in entries] == [("insert", 1, "postgres"), ("update", 2, "postgres")]
    assert entries[1].changes == {"notes": (None, "edited in the attribute table")}


def test_postgres_siret_check_agrees_with_python(team, postgis_server):
    import random

    from territorial_flux_plugin.domain.siret import complete_siret, is_valid_siret
    from territorial_flux_plugin.storage.schema import TABLES_BY_NAME

    check = TABLES_BY_NAME["companies"].column("siret").checks[0]
    rng = random.Random(3)
    samples = ["35600000049837", "35600000049838", "1234567890123A", "123"]
    for _ in range(100):
        valid = complete_siret("".join(str(rng.randint(0, 9)) for _ in range(13)))
        samples += [valid, valid[:-1] + str((int(valid[-1]) + 1) % 10)]
    with postgis_server.connect() as connection, connection.cursor() as cursor:
        for siret in samples:
            cursor.execute("SELECT " + check.postgres("v").replace("%", "%%").replace('"v"', "%(v)s"), {"v": siret})
            assert bool(cursor.fetchone()[0]) == is_valid_siret(siret), siret


def test_connection_lost_during_a_save_leaves_the_database_unchanged(team, postgis_server):
    """The second row of a save is locked by someone else; the saver's connection dies while waiting."""
    import threading
    import uuid as uuidlib

    from territorial_flux_plugin.project import locking

    uids = sorted(str(uuidlib.uuid4()) for _ in range(2))
    with postgis_server.connect(autocommit=True) as setup, setup.cursor() as cursor:
        for uid in uids:
            cursor.execute("INSERT INTO team_basics.companies (uid, name) VALUES (%s, 'Before')", (uid,))
    blocker = postgis_server.connect()
    blocker.cursor().execute("SELECT 1 FROM team_basics.companies WHERE uid = %s FOR UPDATE", (uids[1],))
    database = team.database()
    pid = database.rows("SELECT pg_backend_pid() AS pid")[0]["pid"]

    def kill():
        with postgis_server.connect(autocommit=True) as admin, admin.cursor() as cursor:
            for _ in range(100):
                cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", (pid,))
                if cursor.fetchone() == ("Lock",):
                    break
                threading.Event().wait(0.05)
            cursor.execute("SELECT pg_terminate_backend(%s)", (pid,))

    killer = threading.Thread(target=kill)
    killer.start()
    with pytest.raises(TerritorialFluxError, match="connection to the database was lost"):
        locking.save_in(database, "companies", [locking.Edit(uid, 1, {"name": "After"}) for uid in uids])
    killer.join()
    blocker.rollback()
    blocker.close()
    with postgis_server.connect() as check, check.cursor() as cursor:
        cursor.execute("SELECT name, row_version FROM team_basics.companies WHERE uid::text = ANY(%s)", (uids,))
        assert cursor.fetchall() == [("Before", 1), ("Before", 1)]


def test_second_save_through_a_layer_is_refused_in_postgis(team, postgis_server):
    import uuid as uuidlib

    from test_history_locking_gpkg import two_advisors_save_the_same_row

    company = str(uuidlib.uuid4())
    with postgis_server.connect(autocommit=True) as connection, connection.cursor() as cursor:
        cursor.execute("INSERT INTO team_basics.companies (uid, name) VALUES (%s, 'Acme')", (company,))
    conflict = two_advisors_save_the_same_row(team, "companies", company, "notes", "mine", "theirs")
    assert conflict.current_version == 2 and conflict.by == ["postgres"]


def test_current_workspace_of_a_team_project(team):
    from territorial_flux_plugin.project.build import current_workspace

    project = QgsProject()
    open_workspace(team.reference, project)
    found = current_workspace(project)
    assert isinstance(found, PostgresWorkspace) and found.schema == "team_basics"
    assert found.info["name"] == "Pays de Test"
    assert found.can_write() is True


def test_a_version_1_team_workspace_is_upgraded_by_its_administrator(postgis_connection, postgis_server):
    """Version 2: synergy events audited, and participants, events, reviews and audit entries as
    visible as the flows and synergies they name. A version 1 workspace gets both on upgrade."""
    import uuid

    schema = "team_v1"
    create_team_workspace(postgis_connection, schema, "Version 1")
    with postgis_server.connect(autocommit=True) as connection, connection.cursor() as cursor:
        # what version 1 made: no audit of events, no row-level security on the rows naming flows
        cursor.execute("DROP TRIGGER audit ON {s}.synergy_events".format(s=schema))
        for table in ("synergy_participants", "synergy_events", "link_reviews"):
            for policy in ("read", "insert", "update", "delete"):
                cursor.execute('DROP POLICY "{}" ON {}.{}'.format(policy, schema, table))
            cursor.execute("ALTER TABLE {}.{} DISABLE ROW LEVEL SECURITY".format(schema, table))
        cursor.execute('DROP POLICY "read" ON {}.audit_log'.format(schema))
        cursor.execute('CREATE POLICY "read" ON {s}.audit_log FOR SELECT TO {s}_reader USING (true)'.format(s=schema))
        cursor.execute("DROP FUNCTION {}.hidden_rows()".format(schema))
        cursor.execute("ALTER TABLE {}.flows ALTER COLUMN advisor DROP DEFAULT".format(schema))
        cursor.execute("DROP TABLE {}.vocabulary".format(schema))  # a later version's table
        cursor.execute("UPDATE {}.workspace_info SET value = '1' WHERE key = 'schema_version'".format(schema))
        for user, role in (("v1_admin", "admin"), ("v1_alice", "editor"), ("v1_rita", "reader")):
            cursor.execute("CREATE ROLE {} LOGIN".format(user))
            cursor.execute("GRANT {}_{} TO {}".format(schema, role, user))
    with open(postgis_server.service_file, "a") as services:
        for user in ("v1_admin", "v1_alice", "v1_rita"):
            services.write("[{user}]\nhost=127.0.0.1\nport={port}\ndbname=territorial_flux_test\nuser={user}\n".format(
                user=user, port=postgis_server.port))
    admin = workspace_at("postgres:service=v1_admin;schema=" + schema)
    assert admin.check_version() == "older"
    assert admin.upgrade() == (1, SCHEMA_VERSION)
    assert admin.check_version() == "current"

    def connect(user):
        connection = postgis_server.connect(user, autocommit=True)
        connection.cursor().execute("SET search_path = {}, public".format(schema))
        return connection

    alice, rita = connect("v1_alice"), connect("v1_rita")
    company, flow, synergy, event = (str(uuid.uuid4()) for _ in range(4))
    with alice.cursor() as cursor:
        cursor.execute("INSERT INTO companies (uid, name) VALUES (%s, 'Discreet')", (company,))
        cursor.execute("INSERT INTO flows (uid, company_uid, direction, family, resource_code, confidentiality, "
                       "advisor) VALUES (%s, %s, 'offer', 'waste', '15 01 01', 'advisor', session_user)",
                       (flow, company))
        cursor.execute("INSERT INTO synergies (uid, kind, title, confidentiality, advisor) "
                       "VALUES (%s, 'substitution', 'S', 'advisor', session_user)", (synergy,))
        cursor.execute("INSERT INTO synergy_participants (synergy_uid, company_uid, flow_uid, role) "
                       "VALUES (%s, %s, %s, 'supplier')", (synergy, company, flow))
        cursor.execute("INSERT INTO synergy_events (uid, synergy_uid, by, to_status) "
                       "VALUES (%s, %s, session_user, 'idea')", (event, synergy))
        cursor.execute("SELECT operation, by FROM audit_log WHERE row_uid = %s", (event,))
        assert cursor.fetchall() == [("insert", "v1_alice")]
        # a flow whose advisor nobody gave is the login's
        cursor.execute("INSERT INTO flows (company_uid, direction, family, resource_code, confidentiality) "
                       "VALUES (%s, 'need', 'waste', '15 01 01', 'advisor') RETURNING advisor", (company,))
        assert cursor.fetchone() == ("v1_alice",)
    with rita.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM synergy_participants WHERE synergy_uid = %s", (synergy,))
        assert cursor.fetchone() == (0,)
        cursor.execute("SELECT count(*) FROM synergy_events WHERE synergy_uid = %s", (synergy,))
        assert cursor.fetchone() == (0,)
        cursor.execute("SELECT count(*) FROM audit_log WHERE new_values LIKE %s", ("%" + synergy + "%",))
        assert cursor.fetchone() == (0,)
    alice.close()
    rita.close()


def test_the_team_project_opens_on_its_territory(team, postgis_server):
    """The stored project carries a default view (QGIS's project view settings): the CRS's area at
    creation, then the territory once it has companies, rewritten by an administrator."""
    import uuid

    from qgis.core import QgsPointXY

    from territorial_flux_plugin.project.view import refresh_stored_view, stored_view_extent

    assert stored_view_extent(team) is not None
    with postgis_server.connect(autocommit=True) as connection, connection.cursor() as cursor:
        cursor.execute("INSERT INTO team_basics.companies (uid, name, geom) VALUES "
                       "(%s, 'Au port', ST_SetSRID(ST_MakePoint(654000, 7100000), 2154))", (str(uuid.uuid4()),))
    assert refresh_stored_view(team)
    xmin, ymin, xmax, ymax = stored_view_extent(team)
    assert xmin < 654000 < xmax and ymin < 7100000 < ymax and xmax - xmin < 10000
    project = QgsProject()
    assert project.read(team.project_uri)
    view = project.viewSettings().defaultViewExtent()
    assert view.contains(QgsPointXY(654000, 7100000)) and view.width() < 10000
    project.clear()
    assert not refresh_stored_view(team)  # nothing changed much since: not rewritten
