"""A team workspace reached through a QGIS authentication configuration (authcfg).

The server asks this user for a password; the QGIS connection names an authcfg of the basic
method, whose password sits in QGIS's encrypted authentication database. The workspace is
created, opened and edited through it, and the project stored in the database names the
authcfg, never the password.

QGIS has one authentication database per process, set when QGIS starts: the QGIS part of the
test runs in a child process with its own profile and authentication database (in tmp_path), so
that neither the user's nor the other tests' is touched.
"""

import io
import json
import os
import subprocess
import sys
import zipfile

import psycopg2
import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
USER, PASSWORD, MASTER = "tf_auth_user", "auth-s3cret-pw", "master-pw-for-tests"
SCHEMA = "team_authcfg"
CONNECTION = "Territorial Flux authcfg"


def child(folder, port):
    """In a fresh QGIS: store the authcfg, save the connection, create and open the workspace."""
    sys.path.insert(0, ROOT)
    from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsProject, QgsSettings

    app = QgsApplication([], False)
    app.initQgis()
    manager = QgsApplication.authManager()
    result = {"auth_db": manager.authenticationDatabasePath()}
    assert manager.setMasterPassword(MASTER, True)
    config = QgsAuthMethodConfig("Basic")
    config.setName("Territorial Flux server")
    config.setConfig("username", USER)
    config.setConfig("password", PASSWORD)
    assert manager.storeAuthenticationConfig(config)
    authcfg = config.id()
    result["authcfg"] = authcfg
    base = "PostgreSQL/connections/{}/".format(CONNECTION)
    settings = QgsSettings()
    for key, value in {"host": "127.0.0.1", "port": str(port), "database": "territorial_flux_test",
                       "service": "", "username": "", "password": "", "authcfg": authcfg,
                       "saveUsername": "false", "savePassword": "false", "projectsInDatabase": "true"}.items():
        settings.setValue(base + key, value)
    settings.sync()

    sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
    from processing.core.Processing import Processing

    Processing.initialize()
    import processing

    import territorial_flux_plugin

    plugin = territorial_flux_plugin.classFactory(None)  # kept: it owns the provider
    plugin.initProcessing()
    from territorial_flux_plugin.project.build import open_workspace, workspace_layers
    from territorial_flux_plugin.project.editing import add_company
    from territorial_flux_plugin.storage import postgres as team
    from territorial_flux_plugin.storage import workspace_at

    result["stores_a_password"] = team.stores_a_password(CONNECTION)
    reference = processing.run("territorialflux:createpostgisworkspace", {
        "CONNECTION": CONNECTION, "SCHEMA": SCHEMA, "NAME": "Through authcfg"})["OUTPUT"]
    result["reference"] = reference
    workspace = workspace_at(reference)
    result["project_uri"] = workspace.project_uri
    project = QgsProject()
    open_workspace(reference, project)
    layers = workspace_layers(project)
    result["layers"] = {name: [layer.isValid(), layer.source()] for name, layer in layers.items()}
    result["nomenclature_rows"] = layers["resource_nomenclature"].featureCount()
    result["user"] = workspace.database().user
    from qgis.core import QgsPointXY

    result["company"] = add_company(layers, {"name": "Saved through authcfg"}, QgsPointXY(700000, 6600000))
    project.clear()
    with open(os.path.join(folder, "result.json"), "w") as f:
        json.dump(result, f)
    QgsApplication.processingRegistry().removeProvider(plugin.provider)
    os._exit(0)  # the result is written; QGIS's teardown has nothing left to prove


@pytest.fixture(scope="module")
def secure_user(postgis_server):
    with postgis_server.connect(autocommit=True) as connection, connection.cursor() as cursor:
        # a superuser: the test is about reaching the server, not about privileges
        cursor.execute("CREATE ROLE {} LOGIN SUPERUSER PASSWORD '{}'".format(USER, PASSWORD))
    postgis_server.require_password(USER)
    return USER


def test_a_team_workspace_works_through_an_authcfg_and_stores_no_password(postgis_server, secure_user, tmp_path):
    # the server really asks for the password
    with pytest.raises(psycopg2.OperationalError, match="password"):
        psycopg2.connect("host=127.0.0.1 port={} dbname=territorial_flux_test user={}".format(
            postgis_server.port, USER))
    environment = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "profile"),
                       QGIS_AUTH_DB_DIR_PATH=str(tmp_path / "auth") + os.sep, QT_QPA_PLATFORM="offscreen")
    (tmp_path / "auth").mkdir()
    environment.pop("PGSERVICEFILE", None)
    environment.pop("PGPASSWORD", None)
    process = subprocess.run([sys.executable, os.path.abspath(__file__), "child", str(tmp_path),
                              str(postgis_server.port)], cwd=ROOT, env=environment, capture_output=True,
                             text=True, timeout=300)
    assert process.returncode == 0 and (tmp_path / "result.json").exists(), process.stdout + process.stderr
    result = json.loads((tmp_path / "result.json").read_text())
    # the child used its own authentication database
    assert result["auth_db"].startswith(str(tmp_path / "auth"))
    authcfg = result["authcfg"]
    assert result["stores_a_password"] is False
    assert result["reference"] == "postgres:connection={};schema={}".format(CONNECTION, SCHEMA)
    assert result["user"] == USER
    # layers and project reach the server through the authcfg
    assert "authcfg={}".format(authcfg) in result["project_uri"] and PASSWORD not in result["project_uri"]
    assert result["layers"] and all(valid for valid, _source in result["layers"].values())
    for _valid, source in result["layers"].values():
        assert "authcfg={}".format(authcfg) in source and PASSWORD not in source and "password" not in source
    assert result["nomenclature_rows"] > 1000
    with postgis_server.connect() as connection, connection.cursor() as cursor:
        cursor.execute("SELECT name, \"by\" FROM {}.companies c JOIN {}.audit_log a ON a.row_uid = c.uid "
                       "WHERE c.uid = %s".format(SCHEMA, SCHEMA), (result["company"],))
        assert cursor.fetchall() == [("Saved through authcfg", USER)]
        cursor.execute("SELECT content FROM {}.qgis_projects".format(SCHEMA))
        content = bytes(cursor.fetchone()[0])
        cursor.execute("SELECT count(*) FROM public.layer_styles WHERE f_table_schema = %s", (SCHEMA,))
        assert cursor.fetchone()[0] > 0
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        text = "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    assert PASSWORD not in text and MASTER not in text
    assert "password=" not in text.replace("&apos;", "'")
    assert "authcfg={}".format(authcfg) in text.replace("&apos;", "'").replace("'", "")


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    child(sys.argv[2], int(sys.argv[3]))
