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
        connection.execute("UPDATE workspace_info SET value = '1' WHERE key = 'schema_version'")
    connection.close()
    project = QgsProject()
    workspace, backup = open_workspace(workspace_path, project)
    assert backup and gpkg.read_info(workspace_path)["schema_version"] == str(schema.SCHEMA_VERSION) == "2"
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
