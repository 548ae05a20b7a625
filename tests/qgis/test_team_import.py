"""importcompanies, importflows and importareas into a team workspace, on a real server, as the
roles that may and may not write."""

import csv

import pytest
from qgis.core import QgsProcessingException

from tests.qgis.test_import import FIELDS, company_row, siret, write_shapefile
from tests.qgis.test_print import _square, write_areas
from tests.qgis_helpers import create_team_workspace, team_reference

SCHEMA = "team_import"
USERS = {"ivy": "editor", "rex": "reader", "ada": "admin"}


@pytest.fixture(scope="module")
def team(postgis_server, postgis_connection):
    create_team_workspace(postgis_connection, SCHEMA, "Imports")
    postgis_server.add_logins(SCHEMA, USERS)
    return {user: team_reference(user, SCHEMA) for user in USERS}


def server_rows(server, sql, params=()):
    return server.rows(SCHEMA, sql, params)


def rejects(path):
    with open(path, encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def test_an_editor_imports_companies_then_updates_them(team, run, postgis_server, tmp_path):
    first = write_shapefile(tmp_path / "first.shp", FIELDS, [company_row(n) for n in range(1, 31)]
                            + [company_row(31, siret="12345678901234")])
    report = str(tmp_path / "rejects.csv")
    result = run("importcompanies", {"WORKSPACE": team["ivy"], "INPUT": first, "REJECTS": report})
    assert (result["IMPORTED"], result["REJECTED"]) == (30, 1)
    assert "check digit" in rejects(report)[0]["reason"]
    rows = server_rows(postgis_server, "SELECT count(*), min(updated_by), max(updated_by), min(source), "
                                       "min(ST_SRID(geom)), round(min(ST_X(geom))) FROM companies")
    assert rows == [(30, "ivy", "ivy", rows[0][3], 2154, 654010)]
    assert rows[0][3].startswith("first.shp")
    # every insert is in the audit trail, written by the server as the editor
    assert server_rows(postgis_server, "SELECT count(*), min(\"by\") FROM audit_log WHERE table_name = 'companies' "
                                       "AND operation = 'insert'") == [(30, "ivy")]
    # a second file: a SIRET already there is updated, an empty value erases nothing
    second = write_shapefile(tmp_path / "second.shp", FIELDS, [
        company_row(1, name="Premier renommé", adresse=""), company_row(40)])
    result = run("importcompanies", {"WORKSPACE": team["ivy"], "INPUT": second, "ON_DUPLICATE": "update",
                                     "REJECTS": report})
    assert (result["IMPORTED"], result["UPDATED"]) == (1, 1)
    assert server_rows(postgis_server, "SELECT name, address, row_version, source FROM companies WHERE siret = %s",
                       (siret(1),))[0][:3] == ("Premier renommé", "1 rue de la Gare", 2)


def test_an_editor_imports_flows_as_their_advisor(team, run, postgis_server, tmp_path):
    companies = write_shapefile(tmp_path / "flowco.shp", FIELDS, [company_row(n) for n in range(101, 103)])
    run("importcompanies", {"WORKSPACE": team["ivy"], "INPUT": companies, "REJECTS": str(tmp_path / "c.csv")})
    source = tmp_path / "flows.csv"
    source.write_text("siret;direction;resource;quantity;unit;confidentiality\n"
                      "{};offer;15 01 01;12;t;internal\n"
                      "{};need;17 06 05*;3;t;advisor\n"
                      "{};need;not a resource at all;1;t;internal\n".format(siret(101), siret(102), siret(102)),
                      encoding="utf-8")
    report = str(tmp_path / "rejects.csv")
    result = run("importflows", {"WORKSPACE": team["ivy"], "INPUT": str(source), "REJECTS": report})
    assert (result["IMPORTED"], result["REJECTED"]) == (2, 1)
    rows = server_rows(postgis_server, "SELECT resource_code, advisor, updated_by, hazardous, confidentiality "
                                       "FROM flows ORDER BY resource_code")
    assert rows == [("15 01 01", "ivy", "ivy", False, "internal"), ("17 06 05", "ivy", "ivy", True, "advisor")]
    # the advisor-level flow is the editor's own: a reader does not see it
    with postgis_server.connect("rex", autocommit=True) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT resource_code FROM {}.flows".format(SCHEMA))
        assert cursor.fetchall() == [("15 01 01",)]


def test_areas_are_imported_by_an_administrator_not_an_editor(team, run, postgis_server, tmp_path):
    source = write_areas(tmp_path / "communes.geojson", [
        ("Dunkerque", "59183", _square(2.30, 51.00, 0.05)), ("Sans nom", "ABCDE", _square(2.4, 51.0, 0.01))])
    with pytest.raises(QgsProcessingException, match="not add to it"):
        run("importareas", {"WORKSPACE": team["ivy"], "INPUT": source, "KIND": "commune", "NAME_FIELD": "NOM",
                            "REJECTS": str(tmp_path / "rejects.csv")})
    result = run("importareas", {"WORKSPACE": team["ada"], "INPUT": source, "KIND": "commune", "NAME_FIELD": "NOM",
                                 "CODE_FIELD": "INSEE_COM", "REJECTS": str(tmp_path / "rejects.csv")})
    assert (result["IMPORTED"], result["REJECTED"]) == (1, 1)
    rows = server_rows(postgis_server, "SELECT code, ST_SRID(geom), GeometryType(geom), ST_XMin(geom) > 600000 "
                                       "FROM areas WHERE kind = 'commune'")
    assert rows == [("59183", 2154, "MULTIPOLYGON", True)]


def test_a_reader_is_refused_and_nothing_is_written(team, run, postgis_server, tmp_path):
    before = server_rows(postgis_server, "SELECT count(*) FROM companies")
    source = write_shapefile(tmp_path / "reader.shp", FIELDS, [company_row(200)])
    report = str(tmp_path / "rejects.csv")
    with pytest.raises(QgsProcessingException, match="lets you read it, not add to it"):
        run("importcompanies", {"WORKSPACE": team["rex"], "INPUT": source, "REJECTS": report})
    assert "not add to it" in rejects(report)[-1]["reason"]
    assert server_rows(postgis_server, "SELECT count(*) FROM companies") == before


def test_a_failure_midway_leaves_the_team_workspace_as_it_was(team, run, postgis_server, tmp_path, monkeypatch):
    from territorial_flux_plugin.importing import companies as importer

    before = server_rows(postgis_server, "SELECT count(*), sum(row_version) FROM companies")
    audit = server_rows(postgis_server, "SELECT count(*) FROM audit_log")
    source = write_shapefile(tmp_path / "midway.shp", FIELDS, [company_row(1), company_row(300)])

    def explode(*args, **kwargs):
        raise RuntimeError("connection lost")

    # the new company is inserted first, then the update fails: the transaction is rolled back
    monkeypatch.setattr(importer.CompanyImport, "_changes", explode)
    with pytest.raises(QgsProcessingException, match="nothing was written"):
        run("importcompanies", {"WORKSPACE": team["ivy"], "INPUT": source, "ON_DUPLICATE": "update",
                                "REJECTS": str(tmp_path / "rejects.csv")})
    assert server_rows(postgis_server, "SELECT count(*), sum(row_version) FROM companies") == before
    assert server_rows(postgis_server, "SELECT count(*) FROM audit_log") == audit
    assert server_rows(postgis_server, "SELECT count(*) FROM companies WHERE siret = %s", (siret(300),)) == [(0,)]


def test_the_import_dialog_proposes_the_open_team_workspace(team, qgis_iface, qgis_canvas, dialogs):
    from qgis.core import QgsProject

    from territorial_flux_plugin.gui.import_dialog import ImportCompaniesDialog
    from territorial_flux_plugin.project.build import open_workspace
    from tests.qgis_helpers import settle_qgis

    open_workspace(team["ivy"])
    try:
        dialog = ImportCompaniesDialog()
        dialogs.append(dialog)
        assert dialog.workspace_widget.filePath() == team["ivy"]
    finally:
        settle_qgis(qgis_canvas)
        QgsProject.instance().clear()
