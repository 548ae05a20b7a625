"""Team workspaces on a real PostgreSQL/PostGIS server: creation, layers, styles, project."""

import io
import zipfile

import pytest
from qgis.core import QgsProject, QgsVectorLayer

from territorial_flux_plugin.workspace.schema import SCHEMA_VERSION, TABLES
from territorial_flux_plugin.workspace.team import PostgisWorkspace, create_postgis_workspace
from territorial_flux_plugin.workspace.workspace import Workspace, open_workspace, workspace_layers


@pytest.fixture(scope="module")
def team(postgis_connection):
    return create_postgis_workspace(postgis_connection, "team_basics", "Pays de Test")


def test_reference_string_gives_a_postgis_workspace(team, postgis_connection):
    assert team.reference == "postgres:connection={};schema=team_basics".format(postgis_connection)
    again = Workspace(team.reference)
    assert isinstance(again, PostgisWorkspace)
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
