"""territorialflux:importcompanies and importflows against the real QGIS, GDAL and GeoPackage.

The bad-input corpus is generated in tmp_path by the helpers below; every broken input must
give a clear error or a rejects report and leave the workspace exactly as it was.
"""

import csv
import hashlib
import json
import os
import re
import shutil
import sqlite3
import sys
import uuid
from contextlib import closing

import pytest

from territorial_flux_plugin.domain.siret import complete_siret

# --- helpers ----------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def collect_gdal_objects():
    """Collect the GDAL objects a test leaves in reference cycles (kept alive by the tracebacks of
    expected errors) while QGIS still runs: collected after QGIS's exit, they crash the process."""
    yield
    import gc

    gc.collect()



def siret(n):
    siren = complete_siret("{:08d}".format(31400000 + n))
    return complete_siret(siren + "{:04d}".format(n % 10000))


def query(path, sql, args=()):
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql, args).fetchall()


def count(path, table="companies"):
    return query(path, "SELECT count(*) FROM {}".format(table))[0][0]


def digest(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def intact(path, before_digest):
    from territorial_flux_plugin.storage import geopackage as gpkg

    assert gpkg.integrity_problems(path) == []
    assert digest(path) == before_digest, "the workspace file changed"


def dump(path):
    """Every row of every table, in SQL: the content, whatever the file's header counters say."""
    with closing(sqlite3.connect(path)) as connection:
        return list(connection.iterdump())


def rejects_rows(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def write_csv(path, header, rows, encoding="utf-8", delimiter=";", bom=False):
    with open(path, "w", encoding=encoding, newline="") as handle:
        if bom:
            handle.write("\ufeff")
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return str(path)


def write_shapefile(path, fields, rows, epsg=2154, encoding="UTF-8", prj=True, cpg=True):
    """rows: (values dict, (x, y) or None or a WKT string)."""
    from osgeo import gdal

    # QGIS sets SHAPE_ENCODING to "" (no recoding), which would override ENCODING below
    saved = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", None)
    try:
        return _write_shapefile(path, fields, rows, epsg, encoding, prj, cpg)
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", saved)


def _write_shapefile(path, fields, rows, epsg, encoding, prj, cpg):
    from osgeo import ogr, osr

    driver = ogr.GetDriverByName("ESRI Shapefile")
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    source = driver.CreateDataSource(str(path))
    layer = source.CreateLayer(os.path.splitext(os.path.basename(str(path)))[0], srs, ogr.wkbPoint,
                               options=["ENCODING={}".format(encoding)])
    for name in fields:
        definition = ogr.FieldDefn(name, ogr.OFTString)
        definition.SetWidth(80)
        layer.CreateField(definition)
    for values, point in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for key, value in values.items():
            feature.SetField(key, value)
        if isinstance(point, tuple):
            geometry = ogr.Geometry(ogr.wkbPoint)
            geometry.AddPoint_2D(*point)
            feature.SetGeometry(geometry)
        elif isinstance(point, str):
            feature.SetGeometry(ogr.CreateGeometryFromWkt(point))
        layer.CreateFeature(feature)
    source = None
    base = os.path.splitext(str(path))[0]
    if not prj:
        os.remove(base + ".prj")
    if not cpg and os.path.exists(base + ".cpg"):
        os.remove(base + ".cpg")
    return str(path)


DUNKERQUE = (654000.0, 7100000.0)
FIELDS = ["siret", "raison_soc", "ape", "adresse", "cp", "commune", "code_insee"]


def company_row(n, name=None, point=DUNKERQUE, **extra):
    values = {"siret": siret(n), "raison_soc": name or "Entreprise {}".format(n), "ape": "1071C",
              "adresse": "{} rue de la Gare".format(n), "cp": "59140", "commune": "Dunkerque",
              "code_insee": "59183"}
    values.update(extra)
    return values, (point[0] + n * 10, point[1] + n * 10) if isinstance(point, tuple) else point


def import_companies(run, workspace, source, tmp_path, **parameters):
    rejects = str(tmp_path / "rejects.csv")
    arguments = {"WORKSPACE": workspace, "INPUT": source, "REJECTS": rejects}
    arguments.update(parameters)
    result = run("importcompanies", arguments)
    return result, rejects


# --- companies: the good path -----------------------------------------------------------------

def test_shapefile_import_records_source_and_normalises(run, workspace, tmp_path):
    source = write_shapefile(tmp_path / "partner.shp", FIELDS, [company_row(i) for i in range(1, 6)])
    result, rejects = import_companies(run, workspace, source, tmp_path)
    assert (result["IMPORTED"], result["UPDATED"], result["SKIPPED"], result["REJECTED"]) == (5, 0, 0, 0)
    rows = query(workspace, "SELECT siret, name, naf_code, source, commune_code FROM companies ORDER BY siret")
    assert [r[0] for r in rows] == sorted(siret(i) for i in range(1, 6))
    assert all(r[2] == "10.71C" for r in rows)  # NAF normalised
    assert all(r[3].startswith("partner.shp (") for r in rows)  # file name and date
    assert query(workspace, "SELECT count(*) FROM rtree_companies_geom")[0][0] == 5
    from territorial_flux_plugin.storage import geopackage as gpkg

    assert gpkg.integrity_problems(workspace) == []
    assert os.path.exists(rejects) and rejects_rows(rejects) == []
    # the points are where the file says (same CRS), and QGIS reads them
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(workspace + "|layername=companies", "c", "ogr")
    assert layer.featureCount() == 5
    xs = sorted(f.geometry().asPoint().x() for f in layer.getFeatures())
    assert xs[0] == pytest.approx(654010.0)


@pytest.mark.parametrize("into", ["empty", "demo"])
def test_large_import_keeps_spatial_index_and_triggers(run, workspace, demo, tmp_path, into):
    """Above the bulk threshold the per-row triggers are set aside and restored in the transaction;
    into an empty spatial index the index is packed at the end, else the points are added to it."""
    from qgis.core import QgsFeatureRequest, QgsRectangle, QgsVectorLayer

    from territorial_flux_plugin.importing import companies as importer

    target = workspace if into == "empty" else demo
    before = count(target)
    rows = [company_row(i) for i in range(1, importer.BULK_THRESHOLD + 300)]
    source = write_shapefile(tmp_path / "big.shp", FIELDS, rows)
    triggers_before = query(target, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
    result, _rejects = import_companies(run, target, source, tmp_path)
    assert result["IMPORTED"] == len(rows)
    assert query(target, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name") == triggers_before
    assert query(target, "SELECT rtreecheck('rtree_companies_geom')") == [("ok",)]
    assert query(target, "SELECT count(*) FROM rtree_companies_geom")[0][0] == before + len(rows)
    # every new company is in the index at its own point (the index rounds outwards to 32-bit floats)
    assert query(target, "SELECT count(*) FROM rtree_companies_geom r JOIN companies c ON c.fid = r.id "
                         "WHERE c.siret = ? AND r.minx <= ? AND r.maxx >= ? AND r.maxx - r.minx < 0.1",
                 (siret(7), DUNKERQUE[0] + 70, DUNKERQUE[0] + 70))[0][0] == 1
    assert query(target, "SELECT count(*) FROM audit_log WHERE table_name = 'companies' AND operation = 'insert' "
                         "AND row_uid IN (SELECT uid FROM companies WHERE source LIKE 'big.shp%')")[0][0] == len(rows)
    # QGIS's rectangle queries go through the index
    layer = QgsVectorLayer(target + "|layername=companies", "companies", "ogr")
    box = QgsRectangle(DUNKERQUE[0] + 5, DUNKERQUE[1] + 5, DUNKERQUE[0] + 105, DUNKERQUE[1] + 105)
    found = sorted(f["siret"] for f in layer.getFeatures(QgsFeatureRequest().setFilterRect(box)))
    assert [siret(n) for n in range(1, 11)] == [s for s in found if s in {siret(n) for n in range(1, 11)}]
    from territorial_flux_plugin.storage import geopackage as gpkg

    assert gpkg.integrity_problems(target) == []


def test_a_bulk_import_audits_each_company_as_its_trigger_would(run, workspace, tmp_path, monkeypatch):
    """In bulk the audit trigger is replayed over each chunk, with the uids and the time given
    once: its entries are those the trigger writes row by row."""
    from territorial_flux_plugin.importing import companies as importer

    rows = [company_row(i) for i in range(1, importer.BULK_THRESHOLD + 50)]
    rows[3][0]["raison_soc"] = 'Société d\'Économie Mixte "Port"'  # quotes and accents survive the JSON
    rows[5][0]["cp"] = ""  # a column empty on some rows only
    source = write_shapefile(tmp_path / "big.shp", FIELDS, rows)
    row_by_row = str(tmp_path / "row_by_row.gpkg")
    shutil.copy(workspace, row_by_row)
    assert import_companies(run, workspace, source, tmp_path)[0]["IMPORTED"] == len(rows)
    monkeypatch.setattr(importer, "BULK_THRESHOLD", 10 ** 9)
    assert import_companies(run, row_by_row, source, tmp_path)[0]["IMPORTED"] == len(rows)

    def audit(path):
        entries = {}
        for uid, at, by, row_uid, operation, version, old, new in query(
                path, "SELECT uid, at, by, row_uid, operation, row_version, old_values, new_values FROM audit_log "
                      "WHERE table_name = 'companies'"):
            values = json.loads(new)
            assert values["uid"] == row_uid and old is None
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", at)
            entries[values["siret"]] = (uid, (by, operation, version), {
                k: v for k, v in values.items() if k not in ("uid", "created_at", "updated_at")})
        return entries

    bulk, single = audit(workspace), audit(row_by_row)
    assert len(bulk) == len(rows)
    assert {s: e[1:] for s, e in bulk.items()} == {s: e[1:] for s, e in single.items()}
    assert bulk[siret(4)][2]["name"] == 'Société d\'Économie Mixte "Port"' and bulk[siret(6)][2]["postcode"] is None
    uids = [entry[0] for entry in bulk.values()]
    companies = {row[0] for row in query(workspace, "SELECT uid FROM companies")}
    assert len(set(uids)) == len(uids) and not companies & set(uids)
    assert all(uuid.UUID(u).version == 4 for u in uids + list(companies))


def test_a_bulk_import_commits_through_a_rollback_journal_only_when_alone(run, workspace, tmp_path, monkeypatch):
    """A workspace in WAL mode that nobody else has open takes a bulk import through a rollback
    journal (each page written once) and is back in WAL mode afterwards, after a failure too;
    open elsewhere, it stays in WAL mode throughout."""
    from territorial_flux_plugin.importing import companies as importer
    from territorial_flux_plugin.importing.write_geopackage import CompanyWriter

    modes = []
    write = CompanyWriter._write

    def spy(self, connection, item):
        modes.append(connection.execute("PRAGMA journal_mode").fetchone()[0])
        return write(self, connection, item)

    monkeypatch.setattr(CompanyWriter, "_write", spy)
    interval = sys.getswitchinterval()
    assert query(workspace, "PRAGMA journal_mode") == [("wal",)]
    many = importer.BULK_THRESHOLD + 20
    source = write_shapefile(tmp_path / "first.shp", FIELDS, [company_row(i) for i in range(1, many)])
    assert import_companies(run, workspace, source, tmp_path)[0]["IMPORTED"] == many - 1
    assert modes == ["delete"]
    assert query(workspace, "PRAGMA journal_mode") == [("wal",)]
    assert sys.getswitchinterval() == interval

    # open elsewhere (as QGIS holds it while its layers are loaded)
    source = write_shapefile(tmp_path / "second.shp", FIELDS, [company_row(i) for i in range(1000, 1000 + many)])
    with closing(sqlite3.connect(workspace)) as other:
        assert other.execute("SELECT count(*) FROM companies").fetchone()[0] == many - 1
        assert import_companies(run, workspace, source, tmp_path)[0]["IMPORTED"] == many
        assert other.execute("SELECT count(*) FROM companies").fetchone()[0] == 2 * many - 1
    assert modes == ["delete", "wal"]

    # a failure rolls back and restores the mode; only the header's change counter moved
    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    from territorial_flux_plugin.importing import triggers

    monkeypatch.setattr(triggers, "replay", explode)
    before = dump(workspace)
    source = write_shapefile(tmp_path / "third.shp", FIELDS, [company_row(i) for i in range(3000, 3000 + many)])
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException):
        import_companies(run, workspace, source, tmp_path)
    assert modes == ["delete", "wal", "delete"]
    assert query(workspace, "PRAGMA journal_mode") == [("wal",)]
    assert dump(workspace) == before
    assert sys.getswitchinterval() == interval
    from territorial_flux_plugin.storage import geopackage as gpkg

    assert gpkg.integrity_problems(workspace) == []


def test_reprojection_into_the_workspace_crs(run, workspace, tmp_path):
    # Dunkirk town hall in WGS 84
    source = write_shapefile(tmp_path / "wgs.shp", FIELDS, [company_row(1, point=None)], epsg=4326)
    from osgeo import ogr

    data = ogr.Open(source, 1)
    layer = data.GetLayer()
    feature = layer.GetNextFeature()
    feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (2.3768 51.0344)"))
    layer.SetFeature(feature)
    data = None
    result, _rejects = import_companies(run, workspace, source, tmp_path)
    assert result["IMPORTED"] == 1
    from qgis.core import QgsVectorLayer

    point = next(QgsVectorLayer(workspace + "|layername=companies", "c", "ogr").getFeatures()).geometry().asPoint()
    assert point.x() == pytest.approx(654250, abs=2000)
    assert point.y() == pytest.approx(7104000, abs=3000)


def test_csv_with_bom_semicolons_and_decimal_comma_coordinates(run, workspace, tmp_path):
    source = write_csv(tmp_path / "partner.csv", ["Raison sociale", "SIRET", "Code APE", "X", "Y", "Commune"],
                       [["Société Alpha", siret(1), "10.71C", "654 100,5", "7100000,25", "Dunkerque"],
                        ["Pâtisserie Beta", siret(2), "1071C", "654200", "7100100", "Dunkerque"]], bom=True)
    result, _rejects = import_companies(run, workspace, source, tmp_path, SOURCE_CRS="EPSG:2154")
    assert result["IMPORTED"] == 2
    assert sorted(r[0] for r in query(workspace, "SELECT name FROM companies")) == ["Pâtisserie Beta", "Société Alpha"]


def test_windows_1252_accents_come_out_right(run, workspace, tmp_path):
    names = ["Société Générale de Pâtisserie", "Pâtisserie Dunkerquoise", "Coopérative Agricole"]
    csv_source = write_csv(tmp_path / "ansi.csv", ["nom", "siret", "x", "y"],
                           [[n, siret(i), 654000 + i, 7100000] for i, n in enumerate(names)], encoding="cp1252")
    shp_source = write_shapefile(tmp_path / "ansi.shp", FIELDS,
                                 [company_row(10 + i, name=n) for i, n in enumerate(names)],
                                 encoding="CP1252", cpg=False)
    with open(shp_source.replace(".shp", ".dbf"), "rb") as handle:
        assert "Pâtisserie".encode("cp1252") in handle.read()  # really Windows-1252, no .cpg
    assert not os.path.exists(shp_source.replace(".shp", ".cpg"))
    result, _rejects = import_companies(run, workspace, csv_source, tmp_path, SOURCE_CRS="EPSG:2154")
    assert result["IMPORTED"] == 3
    result, _rejects = import_companies(run, workspace, shp_source, tmp_path)
    assert result["IMPORTED"] == 3
    stored = [r[0] for r in query(workspace, "SELECT name FROM companies ORDER BY fid")]
    assert stored == names + names


def test_encoding_parameter_overrides(run, workspace, tmp_path):
    source = write_csv(tmp_path / "ansi.csv", ["nom", "siret", "x", "y"],
                       [["Coopérative", siret(1), 654000, 7100000]], encoding="cp1252")
    import_companies(run, workspace, source, tmp_path, SOURCE_CRS="EPSG:2154", ENCODING="windows-1252")
    assert query(workspace, "SELECT name FROM companies") == [("Coopérative",)]


def test_xlsx_sheet_with_coordinates(run, workspace, tmp_path):
    from osgeo import ogr

    path = str(tmp_path / "sheet.xlsx")
    data = ogr.GetDriverByName("XLSX").CreateDataSource(path)
    layer = data.CreateLayer("companies", None, ogr.wkbNone)
    for name in ("Raison sociale", "SIRET", "Longitude", "Latitude"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    feature = ogr.Feature(layer.GetLayerDefn())
    for key, value in (("Raison sociale", "Coopérative du Port"), ("SIRET", siret(3)),
                       ("Longitude", "2,3768"), ("Latitude", "51,0344")):
        feature.SetField(key, value)
    layer.CreateFeature(feature)
    data = None
    result, _rejects = import_companies(run, workspace, path, tmp_path)
    assert result["IMPORTED"] == 1
    assert query(workspace, "SELECT name, siret FROM companies") == [("Coopérative du Port", siret(3))]


def test_field_mapping_parameter(run, workspace, tmp_path):
    from qgis.core import QgsProcessingException

    source = write_csv(tmp_path / "odd.csv", ["A", "B", "C", "D"], [["Alpha", siret(1), 654000, 7100000]])
    with pytest.raises(QgsProcessingException):
        import_companies(run, workspace, source, tmp_path, SOURCE_CRS="EPSG:2154")
    result, _rejects = import_companies(run, workspace, source, tmp_path, SOURCE_CRS="EPSG:2154",
                                        FIELD_MAPPING="name=A; siret=B; x=C; y=D")
    assert result["IMPORTED"] == 1
    with pytest.raises(QgsProcessingException) as error:
        import_companies(run, workspace, source, tmp_path, SOURCE_CRS="EPSG:2154", FIELD_MAPPING="colour=A")
    assert "colour" in str(error.value)


# --- SIRENE specifics -------------------------------------------------------------------------

SIRENE = ["siren", "siret", "statutDiffusionEtablissement", "trancheEffectifsEtablissement",
          "activitePrincipaleEtablissement", "numeroVoieEtablissement", "typeVoieEtablissement",
          "libelleVoieEtablissement", "codePostalEtablissement", "libelleCommuneEtablissement",
          "codeCommuneEtablissement", "etatAdministratifEtablissement", "x", "y", "epsg"]


def sirene_row(n, state="A", diffusion="O", x="654000", y="7100000", epsg="2154", naf="1071C", band="11"):
    s = siret(n)
    return [s[:9], s, diffusion, band, naf, "12", "RUE", "DE LA GARE", "59140", "DUNKERQUE", "59183", state,
            x, y, epsg]


def test_sirene_establishments_with_legal_units(run, workspace, tmp_path):
    rows = [
        sirene_row(1),
        sirene_row(2, state="F"),  # closed: skipped by default
        sirene_row(3, x="", y="", epsg=""),  # no coordinates: reported
        sirene_row(4, x="339000", y="7650000", epsg="2975"),  # Réunion: its own EPSG per row, far away
        sirene_row(5, naf="1234Z"),  # unknown NAF code
        sirene_row(6, diffusion="P", x="[ND]", y="[ND]", epsg=""),  # partial diffusion: location not public
        sirene_row(7, naf="10.71C", band="NN"),
    ]
    source = write_csv(tmp_path / "StockEtablissement_59.csv", SIRENE, rows, delimiter=",")
    legal = write_csv(tmp_path / "StockUniteLegale.csv",
                      ["siren", "statutDiffusionUniteLegale", "denominationUniteLegale", "prenomUsuelUniteLegale",
                       "nomUniteLegale"],
                      [[siret(1)[:9], "O", "BISCUITERIE DU PORT", "", ""],
                       [siret(7)[:9], "O", "", "JEANNE", "MARTIN"],
                       [siret(2)[:9], "O", "FERMEE SA", "", ""]]
                      + [[siret(n)[:9], "O", "SOCIETE {}".format(n), "", ""] for n in (3, 4, 5, 6)],
                      delimiter=",")
    result, rejects = import_companies(run, workspace, source, tmp_path, LEGAL_UNITS=legal)
    assert (result["IMPORTED"], result["SKIPPED"]) == (2, 1)
    assert result["REJECTED"] == 4
    stored = dict(query(workspace, "SELECT siret, name FROM companies"))
    assert stored == {siret(1): "BISCUITERIE DU PORT", siret(7): "JEANNE MARTIN"}
    assert query(workspace, "SELECT naf_code, headcount_band, address FROM companies WHERE siret = ?",
                 (siret(1),)) == [("10.71C", "11", "12 RUE DE LA GARE")]
    reasons = {r["row"]: (r["outcome"], r["reason"]) for r in rejects_rows(rejects)}
    assert reasons["3"][0] == "skipped" and "Closed" in reasons["3"][1]
    assert "No coordinates" in reasons["4"][1]
    assert "far outside" in reasons["5"][1]
    assert "NAF" in reasons["6"][1] and "1234Z" in reasons["6"][1]
    assert "partial diffusion" in reasons["7"][1]
    # the rejects file keeps the source row's values
    row = next(r for r in rejects_rows(rejects) if r["row"] == "6")
    assert row["siret"] == siret(5) and row["activitePrincipaleEtablissement"] == "1234Z"


def test_closed_establishments_can_be_kept_archived(run, workspace, tmp_path):
    source = write_csv(tmp_path / "sirene.csv", SIRENE + ["denominationUsuelleEtablissement"],
                       [sirene_row(2, state="F") + ["ANCIENNE USINE"]], delimiter=",")
    result, _rejects = import_companies(run, workspace, source, tmp_path, SKIP_CLOSED=False)
    assert result["IMPORTED"] == 1
    assert query(workspace, "SELECT name, status FROM companies") == [("ANCIENNE USINE", "archived")]


def test_partial_diffusion_keeps_only_public_values(run, workspace, tmp_path):
    header = ["siret", "denominationUsuelleEtablissement", "statutDiffusionEtablissement",
              "libelleVoieEtablissement", "libelleCommuneEtablissement", "x", "y", "epsg"]
    source = write_csv(tmp_path / "geo.csv", header,
                       [[siret(1), "ATELIER", "P", "CHEMIN PRIVE", "DUNKERQUE", "654000", "7100000", "2154"]],
                       delimiter=",")
    result, _rejects = import_companies(run, workspace, source, tmp_path)
    # no published location: reported, the address is never stored
    assert result["IMPORTED"] == 0 and result["REJECTED"] == 1
    assert count(workspace) == 0


# --- duplicates -------------------------------------------------------------------------------

def test_duplicates_skip_and_update_never_erases(run, workspace, tmp_path):
    first = write_shapefile(tmp_path / "first.shp", FIELDS + ["tel"],
                            [company_row(1, name="Alpha"), company_row(2, name="Beta")])
    import_companies(run, workspace, first, tmp_path)
    with closing(sqlite3.connect(workspace)) as connection:
        from territorial_flux_plugin.storage.database import sqlite_database

        connection.close()
        connection = sqlite_database(workspace).connection
        connection.execute("UPDATE companies SET contact_phone = '03 28 00 00 00', zone = 'Port Est' "
                           "WHERE siret = ?", (siret(1),))
        connection.commit()
        connection.close()
    second = write_shapefile(tmp_path / "second.shp", FIELDS + ["tel"], [
        company_row(1, name="Alpha Renamed", adresse="", tel=""),  # empty values must not erase
        company_row(3, name="Gamma"),
    ])
    result, rejects = import_companies(run, workspace, second, tmp_path)
    assert (result["IMPORTED"], result["SKIPPED"]) == (1, 1)
    assert query(workspace, "SELECT name FROM companies WHERE siret = ?", (siret(1),)) == [("Alpha",)]
    assert "already in the workspace" in rejects_rows(rejects)[0]["reason"]

    third = write_shapefile(tmp_path / "third.shp", FIELDS + ["tel"], [
        company_row(1, name="Alpha Renamed", adresse="", tel="")])
    result, _rejects = import_companies(run, workspace, third, tmp_path, ON_DUPLICATE="update")
    assert (result["IMPORTED"], result["UPDATED"]) == (0, 1)
    row = query(workspace, "SELECT name, address, contact_phone, zone, source FROM companies WHERE siret = ?",
                (siret(1),))[0]
    assert row[0] == "Alpha Renamed"
    assert row[1] == "1 rue de la Gare"  # the empty source address did not erase it
    assert row[2:4] == ("03 28 00 00 00", "Port Est")  # the advisor's values are kept
    assert row[4].startswith("third.shp")
    from territorial_flux_plugin.storage import geopackage as gpkg

    assert gpkg.integrity_problems(workspace) == []


def test_duplicate_sirets_inside_one_file(run, workspace, tmp_path):
    source = write_shapefile(tmp_path / "dup.shp", FIELDS, [company_row(1), company_row(1, name="Again")])
    result, rejects = import_companies(run, workspace, source, tmp_path)
    assert (result["IMPORTED"], result["REJECTED"]) == (1, 1)
    assert "already on row 1" in rejects_rows(rejects)[0]["reason"]


def test_rows_without_siret_matched_on_name_and_commune(run, workspace, tmp_path):
    source = write_csv(tmp_path / "a.csv", ["nom", "commune", "x", "y"],
                       [["Boulangerie Martin SARL", "Saint-Pol-sur-Mer", 654000, 7100000]])
    import_companies(run, workspace, source, tmp_path, SOURCE_CRS="EPSG:2154")
    again = write_csv(tmp_path / "b.csv", ["nom", "commune", "x", "y"],
                      [["BOULANGERIE MARTIN", "SAINT POL SUR MER", 654000, 7100000],
                       ["Boulangerie Martin", "Gravelines", 654000, 7100000]])
    result, rejects = import_companies(run, workspace, again, tmp_path, SOURCE_CRS="EPSG:2154")
    assert (result["IMPORTED"], result["SKIPPED"]) == (1, 1)
    assert rejects_rows(rejects)[0]["outcome"] == "probable duplicate"


# --- the bad-input corpus: clear errors, workspace untouched -------------------------------------

def broken_inputs(tmp_path):
    """(name, path, parameters) of inputs that must be refused as a whole."""
    cases = []
    good = [company_row(i) for i in range(1, 4)]
    no_dbf = write_shapefile(tmp_path / "no_dbf.shp", FIELDS, good)
    os.remove(no_dbf.replace(".shp", ".dbf"))
    cases.append(("missing .dbf", no_dbf, {}, ".dbf"))
    no_shx = write_shapefile(tmp_path / "no_shx.shp", FIELDS, good)
    os.remove(no_shx.replace(".shp", ".shx"))
    cases.append(("missing .shx", no_shx, {}, ".shx"))
    no_prj = write_shapefile(tmp_path / "no_prj.shp", FIELDS, good, prj=False)
    cases.append(("missing .prj", no_prj, {}, "SOURCE_CRS"))
    wrong_cpg = write_shapefile(tmp_path / "wrong_cpg.shp", FIELDS, [company_row(1, name="Société")],
                                encoding="CP1252")
    with open(wrong_cpg.replace(".shp", ".cpg"), "w") as handle:
        handle.write("UTF-8")
    cases.append(("wrong .cpg", wrong_cpg, {}, "ENCODING"))
    one_column = tmp_path / "colon.csv"
    one_column.write_text("siret:nom:x:y\n{}:Alpha:654000:7100000\n".format(siret(1)))
    cases.append(("wrong delimiter", str(one_column), {"SOURCE_CRS": "EPSG:2154"}, "one column"))
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    cases.append(("empty CSV", str(empty), {}, "empty"))
    header_only = tmp_path / "header.csv"
    header_only.write_text("siret;nom;x;y\n")
    cases.append(("header only", str(header_only), {"SOURCE_CRS": "EPSG:2154"}, "no rows"))
    empty_shp = write_shapefile(tmp_path / "empty_layer.shp", FIELDS, [])
    cases.append(("empty shapefile", empty_shp, {}, "empty"))
    fake_shp = tmp_path / "fake.shp"
    fake_shp.write_text("this is not a shapefile\n")
    (tmp_path / "fake.shx").write_text("nor this\n")
    (tmp_path / "fake.dbf").write_text("nor this\n")
    cases.append(("text named .shp", str(fake_shp), {}, "SHP"))
    fake_csv = tmp_path / "fake.csv"
    fake_csv.write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 4)
    cases.append(("zip named .csv", str(fake_csv), {}, "not a text file"))
    fake_gpkg = tmp_path / "fake.gpkg"
    fake_gpkg.write_text("siret;nom\n1;2\n")
    cases.append(("text named .gpkg", str(fake_gpkg), {}, "GPKG"))
    xy_no_crs = write_csv(tmp_path / "xy.csv", ["nom", "siret", "x", "y"], [["Alpha", siret(1), 654000, 7100000]])
    cases.append(("x/y without CRS", xy_no_crs, {}, "SOURCE_CRS"))
    return cases


def test_broken_inputs_are_refused_and_change_nothing(run, demo, tmp_path):
    import processing  # noqa: F401
    from qgis.core import QgsProcessingException

    before_digest, before_count = digest(demo), count(demo)
    for name, path, parameters, expected in broken_inputs(tmp_path):
        rejects = str(tmp_path / "rejects_{}.csv".format(name.replace(" ", "_").replace(".", "")))
        arguments = {"WORKSPACE": demo, "INPUT": path, "REJECTS": rejects}
        arguments.update(parameters)
        with pytest.raises(QgsProcessingException) as error:
            run("importcompanies", arguments)
        assert expected in str(error.value), (name, str(error.value))
        intact(demo, before_digest)
        assert count(demo) == before_count
        # the rejects file is written even when everything fails, and says why
        rows = rejects_rows(rejects)
        assert rows and rows[-1]["outcome"] == "failed" and rows[-1]["reason"], name


def test_null_and_invalid_geometries_are_reported(run, workspace, tmp_path):
    rows = [company_row(1), company_row(2, point=None), company_row(3, point="POINT EMPTY"),
            company_row(4), company_row(5)]
    source = write_shapefile(tmp_path / "geoms.shp", FIELDS, rows)
    # GDAL refuses to write non-finite coordinates: break records 4 and 5 in the .shp itself
    import struct

    with open(source.replace(".shp", ".shx"), "rb") as index:
        data = index.read()
    offsets = [struct.unpack_from(">i", data, 100 + 8 * i)[0] * 2 for i in range(5)]
    with open(source, "r+b") as handle:
        for record, (x, y) in ((3, (float("nan"), float("inf"))), (4, (float("inf"), 7100000.0))):
            handle.seek(offsets[record] + 12)
            handle.write(struct.pack("<dd", x, y))
    result, rejects = import_companies(run, workspace, source, tmp_path)
    assert (result["IMPORTED"], result["REJECTED"]) == (1, 4)
    reasons = [r["reason"] for r in rejects_rows(rejects)]
    assert "No coordinates" in reasons[0] and "No coordinates" in reasons[1]
    assert "invalid" in reasons[3]  # x = inf; (nan, inf) is read by GDAL as an empty point
    assert "No coordinates" in reasons[2] or "invalid" in reasons[2]
    from territorial_flux_plugin.storage import geopackage as gpkg

    assert gpkg.integrity_problems(workspace) == []


def test_row_problems_go_to_rejects_with_values(run, workspace, tmp_path):
    rows = [company_row(1), company_row(2, siret="12345678901234"), company_row(3, raison_soc=""),
            company_row(4, ape="99999"), company_row(5, cp="ABCDE")]
    source = write_shapefile(tmp_path / "mixed.shp", FIELDS, rows)
    result, rejects = import_companies(run, workspace, source, tmp_path)
    assert (result["IMPORTED"], result["REJECTED"]) == (1, 4)
    report = rejects_rows(rejects)
    assert [r["row"] for r in report] == ["2", "3", "4", "5"]
    assert "check digit" in report[0]["reason"] and report[0]["siret"] == "12345678901234"
    assert "no name" in report[1]["reason"]
    assert "NAF" in report[2]["reason"]
    assert "postcode" in report[3]["reason"]


def test_a_failure_while_writing_rolls_everything_back(run, demo, tmp_path, monkeypatch):
    from territorial_flux_plugin.importing import companies as importer
    from territorial_flux_plugin.importing import triggers

    before = digest(demo)
    rows = [company_row(i) for i in range(1, 30)]
    source = write_shapefile(tmp_path / "ok.shp", FIELDS, rows)
    original = triggers.replay

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(triggers, "replay", explode)
    monkeypatch.setattr(importer, "BULK_THRESHOLD", 10)
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as error:
        import_companies(run, demo, source, tmp_path)
    assert "nothing was written" in str(error.value)
    intact(demo, before)
    monkeypatch.undo()
    assert original is triggers.replay
    rows_report = rejects_rows(str(tmp_path / "rejects.csv"))
    assert rows_report[-1]["outcome"] == "failed" and "disk full" in rows_report[-1]["reason"]


@pytest.mark.parametrize("bulk", [False, True])
@pytest.mark.parametrize("column", ["postcode", "siret"])
def test_the_workspace_checks_hold_even_when_the_import_checks_fail(run, demo, tmp_path, monkeypatch, bulk, column):
    """A bulk import inserts with SQLite's CHECK constraints set aside and verifies them per chunk
    (the SIRET's in the reading thread, the others' in the writer): a value the import's own
    checks let through is still refused by the schema's constraint."""
    from qgis.core import QgsProcessingException

    from territorial_flux_plugin.domain import importing
    from territorial_flux_plugin.importing import companies as importer

    before = digest(demo)
    count = importer.BULK_THRESHOLD + 20 if bulk else 5
    rows = [company_row(i) for i in range(1, count)]
    if column == "siret":  # a wrong check digit on the last row, let through by the import's checks
        rows[-1][0]["siret"] = rows[-1][0]["siret"][:13] + str((int(rows[-1][0]["siret"][13]) + 1) % 10)
        monkeypatch.setattr(importing, "quick_siret_ok", lambda value: True)
    else:
        monkeypatch.setattr(importing, "normalise_postcode", lambda value: "5914X")
    source = write_shapefile(tmp_path / "bad.shp", FIELDS, rows)
    with pytest.raises(QgsProcessingException) as error:
        import_companies(run, demo, source, tmp_path)
    assert "nothing was written" in str(error.value)
    assert "ck_companies_{}_0".format(column) in str(error.value)
    intact(demo, before)


def test_cancel_leaves_the_workspace_as_it_was(provider, demo, tmp_path):
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    before = digest(demo)
    source = write_shapefile(tmp_path / "many.shp", FIELDS, [company_row(i) for i in range(1, 3000)])

    class CancelWhileWriting(QgsProcessingFeedback):
        def setProgress(self, value):  # noqa: N802
            super().setProgress(value)
            if value > 50:
                self.cancel()

    algorithm = provider.algorithm("importcompanies").create()
    rejects = str(tmp_path / "rejects.csv")
    feedback = CancelWhileWriting()
    result, ok = algorithm.run({"WORKSPACE": demo, "INPUT": source, "REJECTS": rejects},
                               QgsProcessingContext(), feedback)
    intact(demo, before)
    assert rejects_rows(rejects)[-1]["outcome"] == "failed"


# --- flows ------------------------------------------------------------------------------------

def flows_fixture(tmp_path, demo):
    companies = query(demo, "SELECT siret, name FROM companies WHERE siret IS NOT NULL ORDER BY fid LIMIT 3")
    (s1, n1), (s2, n2), (_s3, n3) = companies
    header = ["Entreprise", "SIRET", "Sens", "Ressource", "Quantité", "Unité", "Confidentialité", "Commentaire"]
    rows = [
        [n1, s1, "Offre", "15 01 01", "1 200", "t/an", "Interne", "palettes et cartons"],  # ok
        [n1, s1, "besoin", "Sciures et copeaux de bois non traité", "12,5", "t/an", "", ""],  # words, ok
        ["", s2, "OFFER", "150101", "12 t", "", "partners", ""],  # unit inside the quantity, ok
        [n3, "", "need", "EN 01 05", "40", "MWh/an", "public", ""],  # company by name, ok
        [n1, s1, "offre", "15 01 01", "-3", "t/an", "", ""],  # negative
        [n1, s1, "peut-être", "15 01 01", "3", "t/an", "", ""],  # direction unknown
        [n1, s1, "offre", "emballages", "3", "t/an", "", ""],  # ambiguous words -> candidates
        [n1, "12345678901234", "offre", "15 01 01", "3", "t/an", "", ""],  # bad SIRET
        ["Nobody Inc", "", "offre", "15 01 01", "3", "t/an", "", ""],  # unknown company
        [n1, s1, "offre", "15 01 01", "3", "MWh/an", "", ""],  # unit does not fit the family
    ]
    return rows, header, (s1, s2)


def test_import_flows(run, demo, tmp_path):
    rows, header, (s1, s2) = flows_fixture(tmp_path, demo)
    source = write_csv(tmp_path / "atelier.csv", header, rows, encoding="cp1252")
    before = count(demo, "flows")
    rejects = str(tmp_path / "flow_rejects.csv")
    result = run("importflows", {"WORKSPACE": demo, "INPUT": source, "REJECTS": rejects})
    assert (result["IMPORTED"], result["REJECTED"]) == (4, 6)
    assert count(demo, "flows") == before + 4
    report = {r["row"]: r["reason"] for r in rejects_rows(rejects)}
    assert "negative" in report["6"]
    assert "peut-être" in report["7"]
    assert "close ones" in report["8"] and "15 01 0" in report["8"]
    assert "check digit" in report["9"]
    assert "Nobody Inc" in report["10"]
    assert "MWh/yr" in report["11"]
    new = query(demo, "SELECT resource_code, quantity, unit, direction, confidentiality, family FROM flows "
                      "ORDER BY fid DESC LIMIT 4")
    assert ("15 01 01", 1200.0, "t/yr", "offer", "internal", "waste") in new
    assert ("MA 01 01", 12.5, "t/yr", "need", "internal", "matter") in new
    assert ("15 01 01", 12.0, "t", "offer", "partners", "waste") in new
    assert ("EN 01 05", 40.0, "MWh/yr", "need", "public", "energy") in new
    from territorial_flux_plugin.storage import geopackage as gpkg

    assert gpkg.integrity_problems(demo) == []


def test_import_flows_from_the_template_spreadsheet(run, demo, tmp_path):
    from territorial_flux_plugin.importing.flows import FlowImport
    from territorial_flux_plugin.importing.templates import template_path

    for lang in ("en", "fr"):
        job = FlowImport(demo, template_path(lang))
        job.open()
        assert {"company", "siret", "direction", "resource", "quantity", "unit", "confidentiality",
                "comment"} <= set(job.mapping), lang


def test_flows_file_without_recognised_headers(run, demo, tmp_path):
    from qgis.core import QgsProcessingException

    before = digest(demo)
    source = write_csv(tmp_path / "odd.csv", ["foo", "bar"], [["1", "2"]])
    with pytest.raises(QgsProcessingException) as error:
        run("importflows", {"WORKSPACE": demo, "INPUT": source, "REJECTS": str(tmp_path / "r.csv")})
    assert "direction" in str(error.value)
    intact(demo, before)


def test_algorithms_are_registered_with_the_issue_parameter_names(provider):
    companies = provider.algorithm("importcompanies")
    names = {p.name() for p in companies.parameterDefinitions()}
    assert {"WORKSPACE", "INPUT", "SOURCE_CRS", "ENCODING", "LEGAL_UNITS", "ON_DUPLICATE", "REJECTS"} <= names
    flows = provider.algorithm("importflows")
    assert {p.name() for p in flows.parameterDefinitions()} == {"WORKSPACE", "INPUT", "WORDS", "REJECTS"}
    assert flows.parameterDefinition("WORDS").flags() & flows.parameterDefinition("WORDS").FlagOptional
    outputs = {o.name() for o in companies.outputDefinitions()}
    assert {"IMPORTED", "UPDATED", "SKIPPED", "REJECTED", "NOTES"} <= outputs
    assert {"IMPORTED", "REJECTED", "NOTES"} <= {o.name() for o in flows.outputDefinitions()}


def test_a_missing_or_foreign_workspace_is_refused_with_a_rejects_file(run, tmp_path):
    from qgis.core import QgsProcessingException

    source = write_shapefile(tmp_path / "a.shp", FIELDS, [company_row(1)])
    rejects = str(tmp_path / "r.csv")
    not_a_workspace = tmp_path / "plain.gpkg"
    shutil.copy(source, not_a_workspace)  # not even a GeoPackage
    for target in (str(tmp_path / "nowhere.gpkg"), str(not_a_workspace)):
        with pytest.raises(QgsProcessingException):
            run("importcompanies", {"WORKSPACE": target, "INPUT": source, "REJECTS": rejects})
        assert rejects_rows(rejects)[-1]["outcome"] == "failed"


def test_on_duplicate_refuses_unknown_words(run, workspace, tmp_path):
    source = write_shapefile(tmp_path / "a.shp", FIELDS, [company_row(1)])
    with pytest.raises(Exception) as error:
        import_companies(run, workspace, source, tmp_path, ON_DUPLICATE="merge")
    assert "skip" in str(error.value) and "update" in str(error.value)


# --- the dialog -------------------------------------------------------------------------------


def test_import_dialog_shows_mapping_and_preview_then_imports(provider, workspace, tmp_path, qgis_app, dialogs):
    from territorial_flux_plugin.gui.import_dialog import ImportCompaniesDialog

    source = write_shapefile(tmp_path / "partenaires.shp", FIELDS,
                             [company_row(i, name="Coopérative {}".format(i)) for i in range(1, 30)],
                             encoding="CP1252", cpg=False)
    dialog = ImportCompaniesDialog(None, workspace)
    dialogs.append(dialog)
    dialog.input_widget.setFilePath(source)
    assert dialog.mapping()["name"] == "raison_soc" and dialog.mapping()["siret"] == "siret"
    assert dialog.preview_table.rowCount() == 20  # a preview, before anything is written
    headers = [dialog.preview_table.horizontalHeaderItem(i).text() for i in range(dialog.preview_table.columnCount())]
    name_column = headers.index("Name (legal name)")
    assert dialog.preview_table.item(0, name_column).text() == "Coopérative 1"
    assert count(workspace) == 0
    # the person unmaps the address: the algorithm receives it
    dialog.combos["address"].setCurrentIndex(0)
    assert "address=" in dialog.mapping_text()
    dialog.run_import()
    assert count(workspace) == 29
    assert query(workspace, "SELECT count(*) FROM companies WHERE address IS NOT NULL")[0][0] == 0
    assert "29 imported" in dialog.result_label.text()


def test_import_dialog_reports_a_broken_file(provider, workspace, tmp_path, qgis_app, dialogs):
    from territorial_flux_plugin.gui.import_dialog import ImportCompaniesDialog

    broken = write_shapefile(tmp_path / "broken.shp", FIELDS, [company_row(1)])
    os.remove(broken.replace(".shp", ".shx"))
    dialog = ImportCompaniesDialog(None, workspace)
    dialogs.append(dialog)
    dialog.input_widget.setFilePath(broken)
    assert ".shx" in dialog.info_label.text()
    assert not dialog.import_button.isEnabled()


def test_csv_is_streamed_and_a_late_encoding_change_is_refused(run, workspace, tmp_path, monkeypatch):
    from qgis.core import QgsProcessingException

    from territorial_flux_plugin.importing import sources as importer

    monkeypatch.setattr(importer.CsvSource, "SAMPLE", 200)  # as if the file were gigabytes
    rows = [["Entreprise {}".format(i), siret(i), 654000 + i, 7100000] for i in range(1, 20)]
    rows.append(["Coopérative", siret(30), 654000, 7100000])
    path = tmp_path / "late.csv"
    with open(path, "wb") as handle:
        handle.write(b"nom;siret;x;y\n")
        for row in rows:
            handle.write((";".join(str(v) for v in row) + "\n").encode("cp1252"))
    before = digest(workspace)
    with pytest.raises(QgsProcessingException) as error:
        import_companies(run, workspace, str(path), tmp_path, SOURCE_CRS="EPSG:2154")
    assert "ENCODING" in str(error.value)
    intact(workspace, before)
    result, _rejects = import_companies(run, workspace, str(path), tmp_path, SOURCE_CRS="EPSG:2154",
                                        ENCODING="windows-1252")
    assert result["IMPORTED"] == 20
    assert ("Coopérative",) in query(workspace, "SELECT name FROM companies")


def test_xy_columns_of_a_shapefile_use_its_crs_when_a_geometry_is_missing(run, workspace, tmp_path):
    rows = [company_row(1, x="654321", y="7100123"), company_row(2, point=None, x="654500", y="7100500")]
    source = write_shapefile(tmp_path / "xy.shp", FIELDS + ["x", "y"], rows)
    result, _rejects = import_companies(run, workspace, source, tmp_path)
    assert result["IMPORTED"] == 2
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(workspace + "|layername=companies", "c", "ogr")
    points = sorted((f["siret"], f.geometry().asPoint().x()) for f in layer.getFeatures())
    assert points == sorted([(siret(1), 654010.0), (siret(2), 654500.0)])


@pytest.mark.parametrize("driver, extension", [("XLSX", "xlsx"), ("ODS", "ods")])
def test_import_flows_from_a_filled_spreadsheet(run, demo, tmp_path, driver, extension):
    from osgeo import ogr

    (s1, _n1), = query(demo, "SELECT siret, name FROM companies WHERE siret IS NOT NULL ORDER BY fid LIMIT 1")
    path = str(tmp_path / "atelier.{}".format(extension))
    data = ogr.GetDriverByName(driver).CreateDataSource(path)
    layer = data.CreateLayer("flux", None, ogr.wkbNone)
    headers = ["ENTREPRISE", "Siret", "Sens (offre/besoin)", "Ressource (code ou mots)", "QUANTITÉ", "unite",
               "Confidentialite", "Commentaire"]
    for header in headers:
        layer.CreateField(ogr.FieldDefn(header, ogr.OFTString))
    for values in ([None, s1, "offre", "15 01 03", "1 200", "t/an", "partenaires", "palettes"],
                   [None, s1, "besoin", "EN 01 05", "40", "MWh/an", None, None]):
        feature = ogr.Feature(layer.GetLayerDefn())
        for index, value in enumerate(values):
            if value is not None:
                feature.SetField(index, value)
        layer.CreateFeature(feature)
    data = None
    before = count(demo, "flows")
    result = run("importflows", {"WORKSPACE": demo, "INPUT": path, "REJECTS": str(tmp_path / "r.csv")})
    assert (result["IMPORTED"], result["REJECTED"]) == (2, 0)
    assert count(demo, "flows") == before + 2
    assert ("15 01 03", 1200.0, "t/yr", "partners", "palettes") in query(
        demo, "SELECT resource_code, quantity, unit, confidentiality, notes FROM flows")


def test_geopackage_layer_and_geojson_sources(run, workspace, tmp_path):
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    path = str(tmp_path / "partner.gpkg")
    data = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    data.CreateLayer("other", srs, ogr.wkbPoint)
    layer = data.CreateLayer("sites", srs, ogr.wkbPoint)
    for name in ("nom", "siret"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("nom", "Coopérative du Port")
    feature.SetField("siret", siret(1))
    feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (2.3768 51.0344)"))
    layer.CreateFeature(feature)
    data = None
    result, _rejects = import_companies(run, workspace, path + "|layername=sites", tmp_path)
    assert result["IMPORTED"] == 1
    geojson = tmp_path / "partner.geojson"
    geojson.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
                       '{"raison sociale": "Pâtisserie Lille", "siret": "%s"}, "geometry": {"type": "Point", '
                       '"coordinates": [3.0573, 50.6292]}}]}' % siret(2), encoding="utf-8")
    result, _rejects = import_companies(run, workspace, str(geojson), tmp_path)
    assert result["IMPORTED"] == 1
    assert sorted(r[0] for r in query(workspace, "SELECT name FROM companies")) == [
        "Coopérative du Port", "Pâtisserie Lille"]


def test_a_workspace_locked_by_another_writer_is_reported_and_untouched(run, workspace, tmp_path, monkeypatch):
    from qgis.core import QgsProcessingException

    from territorial_flux_plugin.storage.database import SqliteDatabase

    source = write_shapefile(tmp_path / "a.shp", FIELDS, [company_row(1)])
    original = SqliteDatabase.__init__

    def impatient(self, path, read_only=False, srid=None):
        original(self, path, read_only, srid)
        self.connection.execute("PRAGMA busy_timeout = 100")

    monkeypatch.setattr(SqliteDatabase, "__init__", impatient)
    other = sqlite3.connect(workspace, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # someone saving edits
    try:
        with pytest.raises(QgsProcessingException) as error:
            import_companies(run, workspace, source, tmp_path)
        assert "busy" in str(error.value)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert count(workspace) == 0
    result, _rejects = import_companies(run, workspace, source, tmp_path)
    assert result["IMPORTED"] == 1
