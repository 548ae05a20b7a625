"""territorialflux:exportpartners on a messy copy of the demo: every format is scanned for what must
never leave, its rows equal what independent SQL says may leave, and the GeoPackage opens styled
in a QGIS that never imports the plugin."""

import csv
import json
import os
import subprocess
import sys
from contextlib import closing, contextmanager

import pytest
from qgis.core import QgsProcessingException

from tests.sharing_helpers import HTML_NAME, all_uids, expected_rows, leaks, messy_copy, never_leave, output_texts, query, shared_uids

SHARED = {
    "companies": ["uid", "siret", "name", "naf_code", "activity", "headcount_band", "commune", "commune_code",
                  "zone"],
    "flows": ["uid", "company_uid", "direction", "family", "resource_code", "resource", "label", "quantity", "unit",
              "availability", "hazardous", "priority", "confidentiality", "last_verified"],
    "synergies": ["uid", "kind", "title", "resource_code", "resource", "status", "quantity", "unit",
                  "diverted_t_per_year", "co2e_avoided_t_per_year", "distance_km", "confidentiality"],
    "synergy_participants": ["synergy_uid", "company_uid", "flow_uid", "role"],
}
WORDS = ("activity", "resource")


@pytest.fixture(scope="module")
def messy(demo_workspace, tmp_path_factory):
    path = str(tmp_path_factory.mktemp("messy") / "messy.gpkg")
    facts = messy_copy(demo_workspace, path)
    return path, facts


def stored(row_values, columns):
    return tuple(v for v, c in zip(row_values, columns) if c not in WORDS)


def gpkg_rows(path, table):
    columns = ", ".join('"{}"'.format(c) for c in SHARED[table])
    order = "uid" if table != "synergy_participants" else "synergy_uid, company_uid, flow_uid"
    return [stored(r, SHARED[table]) for r in query(path, "SELECT {} FROM {} ORDER BY {}".format(columns, table, order))]


def gpkg_columns(path, table):
    return [r[1] for r in query(path, 'PRAGMA table_info("{}")'.format(table))]


def check_no_leak(output, source, level):
    expected = expected_rows(source, level)
    forbidden_uids = all_uids(source) - shared_uids(expected)
    found = leaks(output_texts(output), never_leave(source), forbidden_uids)
    assert not found, found[:10]
    return expected


@contextmanager
def open_workbook(path):
    """The workbook as a spreadsheet shows it: the first row names the columns (GDAL guesses
    otherwise when every column is text, and reads each sheet when first asked)."""
    from osgeo import gdal

    gdal.SetConfigOption("OGR_XLSX_HEADERS", "FORCE")
    workbook = gdal.OpenEx(path, gdal.OF_VECTOR)
    try:
        yield workbook
    finally:
        workbook = None  # noqa: F841 - closed before GDAL's state changes again
        gdal.SetConfigOption("OGR_XLSX_HEADERS", None)


@pytest.mark.parametrize("level", ["partners", "public"])
def test_the_geopackage_carries_the_listed_columns_and_the_rows_sql_allows_and_nothing_personal(
        run, messy, tmp_path, level):
    source, facts = messy
    output = str(tmp_path / "partners.gpkg")
    result = run("exportpartners", {"WORKSPACE": source, "MAX_CONFIDENTIALITY": level, "ORGANISATION": "CCI Test",
                                    "OUTPUT": output})
    expected = check_no_leak(output, source, level)
    assert result["OUTPUT"] == output
    assert result["COMPANIES"] == len(expected["companies"]) > 0
    assert result["FLOWS"] == len(expected["flows"]) > 0
    assert result["SYNERGIES"] == len(expected["synergies"]) > 0
    for table, columns in SHARED.items():
        geometry = ["geom"] if table in ("companies", "synergies") else []
        assert gpkg_columns(output, table) == ["fid"] + geometry + columns
        rows = gpkg_rows(output, table)
        want = [tuple(bool(v) if c == "hazardous" else v for v, c in zip(r, [c for c in columns if c not in WORDS]))
                for r in expected[table]]
        got = [tuple(bool(v) if c == "hazardous" else v for v, c in zip(r, [c for c in columns if c not in WORDS]))
               for r in rows]
        assert got == want, table
    exported = {r[0] for r in query(output, "SELECT uid FROM companies")}
    assert facts["archived"] not in exported
    assert facts["abandoned"] not in {r[0] for r in query(output, "SELECT uid FROM synergies")}
    assert facts["left_flow"] not in {r[0] for r in query(output, "SELECT flow_uid FROM synergy_participants")}
    assert HTML_NAME in {r[0] for r in query(output, "SELECT name FROM companies")}, "names are data, kept as they are"
    words = dict(query(output, "SELECT resource_code, resource FROM flows"))
    labels = dict(query(source, "SELECT code, label_en FROM resource_nomenclature"))
    assert all(words[code] == labels[code] for code in words)
    readme = {r[0]: r[2] for r in query(output, "SELECT key, label, value FROM readme")}
    assert readme["organisation"] == "CCI Test" and readme["level"].startswith(level)
    assert "etalab-2.0" in readme["licence"] and readme["source"].startswith("Territoire dunkerquois")
    assert readme["date"] and readme["companies"] == str(len(expected["companies"]))
    assert not [n for n in os.listdir(str(tmp_path)) if n.startswith(".")], "no staging folder left behind"


def test_the_workbook_has_one_sheet_per_table_with_longitude_and_latitude(run, messy, tmp_path):

    source, _facts = messy
    output = str(tmp_path / "partners.xlsx")
    run("exportpartners", {"WORKSPACE": source, "FORMAT": "xlsx", "LICENCE": "odbl-1.0", "OUTPUT": output})
    expected = check_no_leak(output, source, "partners")
    with open_workbook(output) as workbook:
        check_workbook(workbook, expected)


def check_workbook(workbook, expected):
    from osgeo import ogr

    sheets = [workbook.GetLayer(i).GetName() for i in range(workbook.GetLayerCount())]
    assert sheets == list(SHARED) + ["readme"]
    companies = workbook.GetLayerByName("companies")
    definition = companies.GetLayerDefn()
    names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    assert names == SHARED["companies"] + ["longitude", "latitude"]
    for table in ("flows", "synergies", "synergy_participants"):
        definition = workbook.GetLayerByName(table).GetLayerDefn()
        assert [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())] == SHARED[table]
    rows = {f.GetField("uid"): (f.GetField("siret"), f.GetField("longitude"), f.GetField("latitude"))
            for f in companies}
    assert set(rows) == {r[0] for r in expected["companies"]}
    assert all(2.0 < lon < 2.7 and 50.8 < lat < 51.2 for _s, lon, lat in rows.values() if lon is not None)
    sirets = {r[0]: r[1] for r in expected["companies"]}
    assert all(rows[u][0] == sirets[u] for u in rows), "SIRETs stay text, leading zeros kept"
    assert workbook.GetLayerByName("synergies").GetGeomType() == ogr.wkbNone
    assert workbook.GetLayerByName("synergies").GetFeatureCount() == len(expected["synergies"])
    readme = {f.GetField("key"): f.GetField("value") for f in workbook.GetLayerByName("readme")}
    assert "odbl-1.0" in readme["licence"]


def test_csv_files_open_in_a_french_spreadsheet(run, messy, tmp_path):
    source, _facts = messy
    output = str(tmp_path / "csv")
    result = run("exportpartners", {"WORKSPACE": source, "FORMAT": "csv", "MAX_CONFIDENTIALITY": "public",
                                    "OUTPUT": output})
    assert result["OUTPUT"] == output
    expected = check_no_leak(output, source, "public")
    assert sorted(os.listdir(output)) == sorted(["{}.csv".format(t) for t in SHARED] + ["readme.csv"])
    for table, columns in SHARED.items():
        with open(os.path.join(output, table + ".csv"), "rb") as handle:
            assert handle.read(3) == b"\xef\xbb\xbf", "UTF-8 with a BOM"
        with open(os.path.join(output, table + ".csv"), encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle, delimiter=";"))
        assert rows[0] == columns + (["longitude", "latitude"] if table == "companies" else [])
        assert len(rows) - 1 == len(expected[table])
    with open(os.path.join(output, "flows.csv"), encoding="utf-8-sig", newline="") as handle:
        flows = list(csv.DictReader(handle, delimiter=";"))
    quantities = {r[0]: r[6] for r in expected["flows"]}
    for row in flows:
        want = quantities[row["uid"]]
        assert row["quantity"] == ("" if want is None else str(want).replace(".", ",").replace(",0", "")
                                   if str(want).endswith(".0") else str(want).replace(".", ","))


def test_a_folder_holding_other_files_is_refused_and_an_earlier_export_survives(run, messy, tmp_path):
    source, _facts = messy
    output = tmp_path / "csv"
    run("exportpartners", {"WORKSPACE": source, "FORMAT": "csv", "OUTPUT": str(output)})
    before = (output / "flows.csv").read_bytes()
    run("exportpartners", {"WORKSPACE": source, "FORMAT": "csv", "OUTPUT": str(output)})  # replaced: fine
    (output / "my notes.txt").write_text("mine")
    with pytest.raises(QgsProcessingException, match="already holds other files"):
        run("exportpartners", {"WORKSPACE": source, "FORMAT": "csv", "MAX_CONFIDENTIALITY": "public",
                               "OUTPUT": str(output)})
    assert (output / "flows.csv").read_bytes() == before and (output / "my notes.txt").read_text() == "mine"


def test_bad_outputs_and_levels_get_a_clear_message(run, messy, tmp_path):
    source, _facts = messy
    with pytest.raises(QgsProcessingException, match="does not exist"):
        run("exportpartners", {"WORKSPACE": source, "OUTPUT": str(tmp_path / "nowhere" / "x.gpkg")})
    (tmp_path / "folder.gpkg").mkdir()
    with pytest.raises(QgsProcessingException, match="it is a folder"):
        run("exportpartners", {"WORKSPACE": source, "OUTPUT": str(tmp_path / "folder.gpkg")})
    with pytest.raises(QgsProcessingException, match="internal"):
        run("exportpartners", {"WORKSPACE": source, "MAX_CONFIDENTIALITY": "internal",
                               "OUTPUT": str(tmp_path / "x.gpkg")})
    (tmp_path / "file").write_text("x")
    with pytest.raises(QgsProcessingException, match="it is a file"):
        run("exportpartners", {"WORKSPACE": source, "FORMAT": "csv", "OUTPUT": str(tmp_path / "file")})
    assert sorted(os.listdir(str(tmp_path))) == ["file", "folder.gpkg"]


def test_a_wgs84_workspace_and_a_company_without_location(run, provider, tmp_path):
    workspace = str(tmp_path / "wgs84.gpkg")
    run("createworkspace", {"OUTPUT": workspace, "NAME": "Petit territoire", "CRS": "EPSG:4326"})
    from territorial_flux_plugin.storage.database import sqlite_database

    database = sqlite_database(workspace)
    with closing(database.connection):
        srs = database.srs_id
        from territorial_flux_plugin.storage import geometry

        database.connection.execute(
            "INSERT INTO companies (uid, name, status, geom, contact_email) VALUES "
            "('11111111-1111-4111-8111-111111111111', 'Placed', 'active', ?, 'boss@placed.example')",
            (geometry.point_blob(srs, 2.35, 51.03),))
        database.connection.execute(
            "INSERT INTO companies (uid, name, status) VALUES ('22222222-2222-4222-8222-222222222222', 'Nowhere', "
            "'active')")
        for uid, company in (("33333333-3333-4333-8333-333333333333", "11111111-1111-4111-8111-111111111111"),
                             ("44444444-4444-4444-8444-444444444444", "22222222-2222-4222-8222-222222222222")):
            database.connection.execute(
                "INSERT INTO flows (uid, company_uid, direction, family, resource_code, hazardous, confidentiality, "
                "status) VALUES (?, ?, 'offer', 'waste', '15 01 01', 0, 'public', 'active')", (uid, company))
    output = str(tmp_path / "wgs84.xlsx")
    result = run("exportpartners", {"WORKSPACE": workspace, "FORMAT": "xlsx", "OUTPUT": output})
    assert result["COMPANIES"] == 2 and result["FLOWS"] == 2

    with open_workbook(output) as workbook:
        rows = {f.GetField("name"): (f.GetField("longitude"), f.GetField("latitude"))
                for f in workbook.GetLayerByName("companies")}
    assert rows == {"Placed": (2.35, 51.03), "Nowhere": (None, None)}
    gpkg = str(tmp_path / "wgs84-partners.gpkg")
    run("exportpartners", {"WORKSPACE": workspace, "OUTPUT": gpkg})
    assert query(gpkg, "SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = 'companies'")[0][0] == 4326
    assert not leaks(output_texts(gpkg), {"boss@placed.example"}, set())


OPEN_IN_PLAIN_QGIS = r'''
import json, os, sys
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer, QgsMapSettings, QgsMapRendererCustomPainterJob
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor, QImage, QPainter
app = QgsApplication([], False)
app.initQgis()
path = sys.argv[1]
assert not any("territorial" in m for m in sys.modules), "the plugin is not imported"
project = QgsProject.instance()
ok = project.read("geopackage:{}?projectName=partners".format(path))
out = {"read": ok, "layers": {}, "relations": sorted(r.referencingLayer().name() + ">" + r.referencedLayer().name()
                                                     for r in project.relationManager().relations().values()
                                                     if r.isValid())}
for layer in project.mapLayers().values():
    table = layer.source().split("layername=")[-1]
    config = layer.editFormConfig()
    out["layers"][table] = {
        "valid": layer.isValid(), "source_path": layer.source().split("|")[0], "readonly": layer.readOnly(),
        "renderer": layer.renderer().type() if layer.isSpatial() else None, "features": layer.featureCount(),
        "title": layer.metadata().title(), "licences": layer.metadata().licenses(),
        "fields_readonly": all(config.readOnly(i) for i in range(layer.fields().count())),
        "tabs": [c.name() for c in config.tabs()]}
alone = QgsVectorLayer(path + "|layername=synergies", "alone", "ogr")
out["alone"] = {"renderer": alone.renderer().type(), "title": alone.metadata().title(),
                "categories": len(alone.renderer().categories())}
settings = QgsMapSettings()
layers = [l for l in project.layerTreeRoot().checkedLayers() if l.isSpatial()]
settings.setLayers(layers)
settings.setDestinationCrs(project.crs())
settings.setExtent(project.viewSettings().defaultViewExtent())
settings.setOutputSize(QSize(400, 300))
settings.setBackgroundColor(QColor("white"))
# rendered in this thread: a renderer aggregating another layer (the companies' role from their
# flows) would wait for the main thread, blocked in waitForFinished(), on QGIS 3.40
image = QImage(settings.outputSize(), QImage.Format.Format_ARGB32_Premultiplied)
image.fill(QColor("white"))
painter = QPainter(image)
job = QgsMapRendererCustomPainterJob(settings, painter)
job.renderSynchronously()
painter.end()
out["drawn"] = sum(1 for x in range(0, 400, 2) for y in range(0, 300, 2) if image.pixelColor(x, y).name() != "#ffffff")
print("RESULT " + json.dumps(out))
project.clear()
app.exitQgis()
'''


def test_the_geopackage_opens_styled_in_plain_qgis_after_being_moved(run, messy, tmp_path):
    source, _facts = messy
    output = str(tmp_path / "made" / "territoire.gpkg")
    os.makedirs(os.path.dirname(output))
    run("exportpartners", {"WORKSPACE": source, "OUTPUT": output})
    partner = tmp_path / "partner"
    partner.mkdir()
    moved = str(partner / "territoire.gpkg")
    os.replace(output, moved)
    script = tmp_path / "open.py"
    script.write_text(OPEN_IN_PLAIN_QGIS)
    environment = dict(os.environ, HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    environment.pop("PYTHONPATH", None)
    done = subprocess.run(["/usr/bin/python3", str(script), moved], capture_output=True, text=True, cwd=str(partner),
                          env=environment, timeout=300)
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, done.stderr[-2000:]
    found = json.loads(lines[0][len("RESULT "):])
    assert found["read"] is True
    assert set(found["layers"]) == set(SHARED) | {"readme"}
    for table, layer in found["layers"].items():
        assert layer["valid"] and layer["readonly"], table
        assert os.path.samefile(layer["source_path"], moved), "the layers follow the moved file"
        assert layer["title"] and layer["licences"] == ["Licence Ouverte / Open Licence 2.0"], table
        assert layer["fields_readonly"], table
    assert found["layers"]["companies"]["renderer"] == "categorizedSymbol"
    assert found["layers"]["synergies"]["renderer"] == "categorizedSymbol"
    assert found["layers"]["companies"]["tabs"][:2] == ["Company", "Location"]
    assert len(found["relations"]) == 4
    assert found["alone"]["renderer"] == "categorizedSymbol" and found["alone"]["categories"] == 5
    assert found["alone"]["title"] == "Synergies"
    assert found["drawn"] > 50, "the stored project draws the companies and synergies"
    assert sys.executable  # the test's own interpreter was not the one that opened it
