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
