"""createpostgisworkspace, copyworkspace and upgradeworkspace through Processing, on a real server."""

import pytest
from qgis.core import QgsProcessingException, QgsProject

from territorial_flux_plugin.domain.errors import TerritorialFluxError
from territorial_flux_plugin.project.build import open_workspace
from territorial_flux_plugin.storage import geopackage as gpkg
from territorial_flux_plugin.storage import workspace_at
from territorial_flux_plugin.storage.copy import verify
from territorial_flux_plugin.storage.schema import SCHEMA_VERSION
from tests.qgis_helpers import patch_migration


def test_create_copy_and_copy_back_the_demo(provider, run, postgis_connection, demo_workspace, tmp_path):
    result = run("createpostgisworkspace", {"CONNECTION": postgis_connection, "SCHEMA": "team_demo",
                                            "NAME": "Demo team", "CRS": "EPSG:2154"})
    reference = result["OUTPUT"]
    assert reference == "postgres:connection={};schema=team_demo".format(postgis_connection)
    copied = run("copyworkspace", {"INPUT": demo_workspace, "OUTPUT": reference})
    assert copied["OUTPUT"] == reference
    report = verify(workspace_at(demo_workspace), workspace_at(reference))
    assert report["companies"][0] > 100 and report["audit_log"][0] > 100
    assert all(same and a == b for a, b, same in report.values()), report
    # and back into a new GeoPackage, for someone without the server
    back = str(tmp_path / "snapshot.gpkg")
    assert run("copyworkspace", {"INPUT": reference, "OUTPUT": back})["OUTPUT"] == back
    report = verify(workspace_at(demo_workspace), workspace_at(back))
    assert all(same and a == b for a, b, same in report.values()), report
    assert gpkg.integrity_problems(back) == []
    # a non-empty target is refused and left alone
    with pytest.raises(QgsProcessingException, match="already holds data"):
        run("copyworkspace", {"INPUT": demo_workspace, "OUTPUT": reference})
    # layers of the team workspace read the copied rows
    assert workspace_at(reference).layer("companies").featureCount() == report["companies"][0]


def test_refuses_a_bad_schema_and_an_existing_one(provider, run, postgis_connection):
    with pytest.raises(QgsProcessingException, match="lowercase"):
        run("createpostgisworkspace", {"CONNECTION": postgis_connection, "SCHEMA": "Bad-Name", "NAME": "x"})
    run("createpostgisworkspace", {"CONNECTION": postgis_connection, "SCHEMA": "team_twice", "NAME": "x"})
    with pytest.raises(QgsProcessingException, match="already exists"):
        run("createpostgisworkspace", {"CONNECTION": postgis_connection, "SCHEMA": "team_twice", "NAME": "x"})
    with pytest.raises(QgsProcessingException, match="no PostgreSQL connection named"):
        run("createpostgisworkspace", {"CONNECTION": "nowhere", "SCHEMA": "team_x", "NAME": "x"})


def test_an_older_team_workspace_waits_for_its_administrator(provider, run, postgis_connection, postgis_server,
                                                             monkeypatch):
    reference = run("createpostgisworkspace", {"CONNECTION": postgis_connection, "SCHEMA": "team_old",
                                               "NAME": "Old"})["OUTPUT"]
    with postgis_server.connect(autocommit=True) as connection:
        connection.cursor().execute("UPDATE team_old.workspace_info SET value = '0' WHERE key = 'schema_version'")
    with pytest.raises(TerritorialFluxError, match="administrator must upgrade"):
        open_workspace(reference, QgsProject())
    with pytest.raises(QgsProcessingException, match="CONFIRM"):
        run("upgradeworkspace", {"WORKSPACE": reference})
    # a failing step changes nothing
    patch_migration(monkeypatch, 1, ["ALTER TABLE companies ADD COLUMN upgraded text", "SELECT 1 / 0"])
    with pytest.raises(QgsProcessingException, match="nothing was changed"):
        run("upgradeworkspace", {"WORKSPACE": reference, "CONFIRM": True})
    assert workspace_at(reference).info["schema_version"] == "0"
    patch_migration(monkeypatch, 1, ["ALTER TABLE companies ADD COLUMN upgraded text"])
    assert run("upgradeworkspace", {"WORKSPACE": reference, "CONFIRM": True})["OUTPUT"] == reference
    assert workspace_at(reference).info["schema_version"] == str(SCHEMA_VERSION)  # every later step ran too
    assert "upgraded" in workspace_at(reference).layer("companies").fields().names()


def test_a_saved_password_is_never_written_into_layers_or_the_project(provider, run, postgis_server):
    """A connection with host, user and password: the plugin connects with it but writes none of it."""
    import io
    import zipfile

    from qgis.core import QgsSettings

    name = "with password"
    base = "PostgreSQL/connections/{}/".format(name)
    settings = QgsSettings()
    for key, value in {"host": "127.0.0.1", "port": str(postgis_server.port), "database": "territorial_flux_test",
                       "username": "postgres", "password": "s3cret-value", "saveUsername": "true",
                       "savePassword": "true", "service": "", "authcfg": ""}.items():
        settings.setValue(base + key, value)
    try:
        reference = run("createpostgisworkspace", {"CONNECTION": name, "SCHEMA": "team_password",
                                                   "NAME": "Password"})["OUTPUT"]
        workspace = workspace_at(reference)
        assert "s3cret" not in workspace.uri("companies") and "s3cret" not in workspace.project_uri
        with postgis_server.connect() as connection, connection.cursor() as cursor:
            cursor.execute("SELECT content FROM team_password.qgis_projects")
            content = bytes(cursor.fetchone()[0])
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            text = "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
        assert "s3cret" not in text and "host=127.0.0.1" in text.replace("&apos;", "'").replace("'", "")
    finally:
        settings.remove("PostgreSQL/connections/" + name)
