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


def _as_version_2(path):
    """What a version 2 workspace looks like: no emission factors, and a stored project without them."""
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
        connection.execute("UPDATE workspace_info SET value = '2' WHERE key = 'schema_version'")
    connection.close()


def test_a_version_2_workspace_gains_the_emission_factors(workspace_path):
    """Version 3 adds the emission factors with the shipped ones, audited, and the layer in the project."""
    from territorial_flux_plugin.domain.emissions import DEFAULT_FACTORS
    from territorial_flux_plugin.project.build import workspace_layers

    _as_version_2(workspace_path)
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
