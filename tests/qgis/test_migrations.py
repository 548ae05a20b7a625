"""A workspace records its schema version; older ones migrate after a backup, newer ones are refused."""

import glob
import sqlite3

import pytest
from qgis.core import QgsProject

from territorial_flux_plugin.domain.errors import TerritorialFluxError
from territorial_flux_plugin.project.build import open_workspace
from territorial_flux_plugin.storage import geopackage as gpkg
from territorial_flux_plugin.storage import schema
from territorial_flux_plugin.storage.database import sqlite_database
from tests.qgis_helpers import patch_migration


@pytest.fixture
def workspace_path(provider, run, tmp_path):
    path = str(tmp_path / "old.gpkg")
    run("createworkspace", {"OUTPUT": path, "NAME": "Old"})
    return path


def version_adding(table):
    """The schema version whose migration adds ``table``."""
    from territorial_flux_plugin.storage import migrations

    return next(v for v in range(2, schema.SCHEMA_VERSION + 1) if table in getattr(migrations.step(v), "ADDS", ()))


def without_later_tables(connection, version):
    """Drop the tables the migrations after ``version`` add, as a workspace of ``version`` lacks them."""
    from territorial_flux_plugin.storage import migrations

    for later in range(version + 1, schema.SCHEMA_VERSION + 1):
        for table in getattr(migrations.step(later), "ADDS", ()):
            names = [r[0] for r in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE ?", ('%"{}"%'.format(table),))]
            for name in names:
                connection.execute('DROP TRIGGER "{}"'.format(name))
            connection.execute('DROP TABLE "{}"'.format(table))
            connection.execute("DELETE FROM gpkg_contents WHERE table_name = ?", (table,))


def set_version(path, version):
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE workspace_info SET value = ? WHERE key = 'schema_version'", (str(version),))
    connection.close()


def test_older_workspace_is_migrated_after_a_backup(workspace_path, monkeypatch):
    current = schema.SCHEMA_VERSION
    patch_migration(monkeypatch, current + 1, ['ALTER TABLE "flows" ADD COLUMN "season" TEXT'])
    project = QgsProject()
    workspace, backup = open_workspace(workspace_path, project)
    assert backup and glob.glob(backup)
    assert gpkg.read_info(workspace_path)["schema_version"] == str(current + 1)
    assert gpkg.read_info(backup)["schema_version"] == str(current)
    columns = [r[1] for r in sqlite3.connect(workspace_path).execute("PRAGMA table_info(flows)")]
    assert "season" in columns
    project.clear()


def test_failed_migration_leaves_the_workspace_as_it_was(workspace_path, monkeypatch):
    current = schema.SCHEMA_VERSION
    patch_migration(monkeypatch, current + 1, ['ALTER TABLE "flows" ADD COLUMN "season" TEXT', "THIS IS NOT SQL"])
    with pytest.raises(sqlite3.OperationalError):
        gpkg.migrate(workspace_path)
    assert gpkg.read_info(workspace_path)["schema_version"] == str(current)
    columns = [r[1] for r in sqlite3.connect(workspace_path).execute("PRAGMA table_info(flows)")]
    assert "season" not in columns


def test_newer_workspace_is_refused(workspace_path):
    set_version(workspace_path, schema.SCHEMA_VERSION + 1)
    with pytest.raises(TerritorialFluxError, match="newer Territorial Flux"):
        open_workspace(workspace_path, QgsProject())


def test_a_version_1_workspace_gets_its_synergy_events_audited(workspace_path):
    """Version 2 audits synergy events: a version 1 file gets the triggers when it is upgraded."""
    import uuid

    connection = sqlite3.connect(workspace_path)
    with connection:  # what a version 1 workspace looks like
        for event in ("insert", "update", "delete"):
            connection.execute('DROP TRIGGER "audit_synergy_events_{}"'.format(event))
        without_later_tables(connection, 1)
        connection.execute("UPDATE workspace_info SET value = '1' WHERE key = 'schema_version'")
    connection.close()
    project = QgsProject()
    workspace, backup = open_workspace(workspace_path, project)
    assert backup and gpkg.read_info(workspace_path)["schema_version"] == str(schema.SCHEMA_VERSION)
    synergy, event = str(uuid.uuid4()), str(uuid.uuid4())
    database = sqlite_database(workspace_path)  # with the functions of GDAL's spatial index triggers
    with database.transaction():
        database.execute("INSERT INTO synergies (uid, kind, title) VALUES (?, 'mutualisation', 'S')", (synergy,))
        database.execute("INSERT INTO synergy_events (uid, synergy_uid, by, to_status, comment) "
                         "VALUES (?, ?, 'erin', 'idea', 'first call')", (event, synergy))
        database.execute("DELETE FROM synergy_events WHERE uid = ?", (event,))
    rows = [tuple(r.values()) for r in database.rows(
        "SELECT operation, by FROM audit_log WHERE row_uid = ? ORDER BY fid", (event,))]
    database.close()
    assert rows == [("insert", "erin"), ("delete", "erin")]
    assert gpkg.integrity_problems(workspace_path) == []
    project.clear()


def _gdal_warnings(path):
    """What GDAL says while reading every row of every table of ``path``."""
    from osgeo import gdal, ogr

    said = []
    gdal.PushErrorHandler(lambda _level, _number, message: said.append(message))
    try:
        source = ogr.Open(path)
        for index in range(source.GetLayerCount()):
            layer = source.GetLayer(index)
            for feature in layer:
                for field in range(feature.GetFieldCount()):
                    feature.GetField(field)
        source = None
    finally:
        gdal.PopErrorHandler()
    return said


def test_time_stamps_migrate_to_milliseconds_without_touching_history(provider, run, tmp_path):
    """Stamps written with microseconds by earlier plugins are rewritten in the GeoPackage form; the
    audit trail, row versions and triggers are left as they were, and GDAL reads the file silently."""
    path = run("createdemo", {"OUTPUT": str(tmp_path / "demo.gpkg"), "REFERENCE_DATE": "2026-06-01"})["OUTPUT"]
    from tests.qgis_fixtures import copy_geopackage

    old = str(tmp_path / "old.gpkg")
    copy_geopackage(path, old)
    connection = sqlite3.connect(old)
    with connection:  # as a version 2 plugin left it: microseconds here and there, an offset
        triggers = connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").fetchall()
        for table, column in (("companies", "created_at"), ("flows", "updated_at"), ("synergy_events", "at")):
            connection.execute("DROP TRIGGER IF EXISTS x")
            for name, sql in triggers:
                if " ON \"{}\"".format(table) in sql or " ON {} ".format(table) in sql:
                    connection.execute('DROP TRIGGER "{}"'.format(name))
            connection.execute("UPDATE {t} SET {c} = substr({c}, 1, 19) || '.000476Z'".format(t=table, c=column))
        connection.execute("UPDATE audit_log SET at = '2026-05-02T10:00:00.123456+02:00' WHERE fid = 1")
        connection.execute("UPDATE workspace_info SET value = '2026-05-01T09:00:00.5Z' WHERE key = 'created_at'")
        for name, sql in triggers:
            if not connection.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone():
                connection.execute(sql)
        connection.execute("UPDATE workspace_info SET value = '2' WHERE key = 'schema_version'")
    before = {
        "audit": connection.execute("SELECT count(*) FROM audit_log").fetchone()[0],
        "versions": connection.execute("SELECT uid, row_version FROM flows ORDER BY uid").fetchall(),
        "triggers": triggers,
        "companies": connection.execute("SELECT uid, name, created_at FROM companies ORDER BY uid").fetchall(),
    }
    connection.close()
    assert any("Non-conformant" in message for message in _gdal_warnings(old))

    project = QgsProject()
    workspace, backup = open_workspace(old, project)
    project.clear()
    assert backup and gpkg.read_info(old)["schema_version"] == str(schema.SCHEMA_VERSION)
    connection = sqlite3.connect(old)
    assert connection.execute("SELECT count(*) FROM audit_log").fetchone()[0] == before["audit"]
    assert connection.execute("SELECT uid, row_version FROM flows ORDER BY uid").fetchall() == before["versions"]
    assert connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").fetchall() \
        == before["triggers"]
    companies = connection.execute("SELECT uid, name, created_at FROM companies ORDER BY uid").fetchall()
    assert [(u, n, c[:19] + ".000Z") for u, n, c in before["companies"]] == companies
    assert connection.execute("SELECT at FROM audit_log WHERE fid = 1").fetchone()[0] == "2026-05-02T08:00:00.123Z"
    assert gpkg.read_info(old)["created_at"] == "2026-05-01T09:00:00.500Z"
    stamps = [r[0] for table, column in (("flows", "updated_at"), ("synergy_events", "at"), ("audit_log", "at"))
              for r in connection.execute("SELECT {} FROM {}".format(column, table))]
    connection.close()
    assert stamps and all(len(s) == 24 and s.endswith("Z") and s[19] == "." for s in stamps)
    assert [m for m in _gdal_warnings(old) if "Non-conformant" in m] == []
    assert gpkg.integrity_problems(old) == []


def test_a_workspace_before_the_vocabulary_gets_it_and_its_layer(workspace_path):
    """The version that adds the learned words: the table, its reference to the nomenclature, its
    audit trail, and the "Learned words" layer when the workspace is opened."""
    import uuid

    from territorial_flux_plugin.project.build import workspace_layers

    version = version_adding("vocabulary")
    connection = sqlite3.connect(workspace_path)
    with connection:
        without_later_tables(connection, version - 1)
        connection.execute("UPDATE workspace_info SET value = ? WHERE key = 'schema_version'", (str(version - 1),))
    assert not connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'vocabulary'").fetchall()
    connection.close()
    project = QgsProject()
    workspace, backup = open_workspace(workspace_path, project)
    assert backup and gpkg.read_info(workspace_path)["schema_version"] == str(schema.SCHEMA_VERSION)
    layers = workspace_layers(project)
    assert "vocabulary" in layers and layers["vocabulary"].isValid()
    assert project.layerTreeRoot().findLayer(layers["vocabulary"].id()) is not None
    database = sqlite_database(workspace_path)
    uid = str(uuid.uuid4())
    with database.transaction():
        database.execute("INSERT INTO vocabulary (uid, word, code, by) VALUES (?, 'cartons usagés', '15 01 01', 'erin')",
                         (uid,))
    with pytest.raises(sqlite3.DatabaseError, match="foreign key"):
        with database.transaction():
            database.execute("INSERT INTO vocabulary (uid, word, code) VALUES (?, 'rien', 'XX 99 99')",
                             (str(uuid.uuid4()),))
    rows = [tuple(r.values()) for r in database.rows(
        "SELECT table_name, operation, by FROM audit_log WHERE row_uid = ?", (uid,))]
    contents = database.rows("SELECT data_type FROM gpkg_contents WHERE table_name = 'vocabulary'")
    database.close()
    assert rows == [("vocabulary", "insert", "erin")]
    assert contents == [{"data_type": "attributes"}]
    assert gpkg.integrity_problems(workspace_path) == []
    project.clear()


def _as_version_4(path):
    """What a version 4 workspace looks like: no emission factors, and a stored project without them."""
    from territorial_flux_plugin.project.build import workspace_layers
    from territorial_flux_plugin.storage import workspace_at

    project = QgsProject()
    assert project.read(workspace_at(path).project_uri)
    layer = workspace_layers(project)["emission_factors"]
    project.removeMapLayer(layer.id())
    assert project.write()
    project.clear()
    connection = sqlite3.connect(path)
    with connection:
        triggers = [r[0] for r in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND (tbl_name = 'emission_factors' "
            "OR name LIKE 'fk_emission_factors_%')")]
        for trigger in triggers:
            connection.execute('DROP TRIGGER "{}"'.format(trigger))
        connection.execute("DROP TABLE emission_factors")
        connection.execute("DELETE FROM gpkg_contents WHERE table_name = 'emission_factors'")
        connection.execute("DELETE FROM audit_log WHERE table_name = 'emission_factors'")
        connection.execute("UPDATE workspace_info SET value = '4' WHERE key = 'schema_version'")
    connection.close()


def test_a_version_4_workspace_gains_the_emission_factors(workspace_path):
    """Version 3 adds the emission factors with the shipped ones, audited, and the layer in the project."""
    from territorial_flux_plugin.domain.emissions import DEFAULT_FACTORS
    from territorial_flux_plugin.project.build import workspace_layers

    _as_version_4(workspace_path)
    project = QgsProject()
    workspace, backup = open_workspace(workspace_path, project)
    try:
        assert backup and gpkg.read_info(workspace_path)["schema_version"] == str(schema.SCHEMA_VERSION)
        layer = workspace_layers(project)["emission_factors"]
        assert layer.isValid() and layer.featureCount() == len(DEFAULT_FACTORS)
        assert project.layerTreeRoot().findLayer(layer.id()) is not None
        rows = query(workspace_path, "SELECT family, kg_co2e_per_tkm, source_date FROM emission_factors "
                                     "WHERE kg_co2e_per_tkm IS NOT NULL")
        assert rows == [(None, 0.105, "2022-09-19")]
        database = sqlite_database(workspace_path)
        with database.transaction():
            database.execute("UPDATE emission_factors SET kg_co2e_per_t = 100, source = 'Base Empreinte', "
                             "source_date = '2024-01-01', updated_by = 'erin' WHERE family = 'waste'")
        audited = database.rows("SELECT operation, by FROM audit_log WHERE table_name = 'emission_factors'")
        with pytest.raises(sqlite3.IntegrityError, match="factor_source"):
            with database.transaction():
                database.execute("UPDATE emission_factors SET kg_co2e_per_t = 100, source = NULL WHERE family = 'matter'")
        database.close()
        assert [tuple(r.values()) for r in audited] == [("insert", None)] * len(DEFAULT_FACTORS) + [("update", "erin")]
        assert gpkg.integrity_problems(workspace_path) == []
    finally:
        project.clear()


def query(path, sql, args=()):
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql, args).fetchall()
    finally:
        connection.close()
