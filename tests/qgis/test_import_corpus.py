"""What partners actually send: archives, Excel's Unicode text, files with several tables, the
same column twice, polygons, SIRENE as INSEE publishes it. Every file is made here, each with its
expected outcome; every refusal leaves the workspace byte for byte as it was and writes a
``failed`` line in REJECTS.
"""

import os
import zipfile

import pytest

from tests.qgis.test_import import (
    DUNKERQUE,
    FIELDS,
    company_row,
    count,
    digest,
    intact,
    query,
    rejects_rows,
    siret,
    write_csv,
    write_shapefile,
)


@pytest.fixture(autouse=True)
def collect_gdal_objects():
    yield
    import gc

    gc.collect()


def refused(run, algorithm, workspace, source, tmp_path, **parameters):
    """Run an import that must be refused: the message, after checking the workspace is intact
    and REJECTS says why."""
    from qgis.core import QgsProcessingException

    before = digest(workspace)
    rejects = str(tmp_path / "refused_rejects.csv")
    arguments = {"WORKSPACE": workspace, "INPUT": source, "REJECTS": rejects}
    arguments.update(parameters)
    with pytest.raises(QgsProcessingException) as error:
        run(algorithm, arguments)
    intact(workspace, before)
    rows = rejects_rows(rejects)
    assert rows and rows[-1]["outcome"] == "failed", rows
    return str(error.value)


def imported(run, algorithm, workspace, source, tmp_path, **parameters):
    rejects = str(tmp_path / "{}_rejects.csv".format(algorithm))
    arguments = {"WORKSPACE": workspace, "INPUT": source, "REJECTS": rejects}
    arguments.update(parameters)
    return run(algorithm, arguments), rejects_rows(rejects)


def zip_files(path, files):
    """files: {name in the archive: path on disk or bytes}."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            if isinstance(content, bytes):
                archive.writestr(name, content)
            else:
                archive.write(content, name)
    return str(path)


def shapefile_parts(path):
    base = os.path.splitext(str(path))[0]
    return {os.path.basename(base) + ext: base + ext for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg")
            if os.path.exists(base + ext)}


def write_gpkg(path, layers):
    """layers: {name: (ogr geometry type, [(values dict, WKT)])}, fields from FIELDS."""
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    for name, (kind, rows) in layers.items():
        layer = source.CreateLayer(name, srs, kind)
        for field in FIELDS:
            layer.CreateField(ogr.FieldDefn(field, ogr.OFTString))
        for values, wkt in rows:
            feature = ogr.Feature(layer.GetLayerDefn())
            for key, value in values.items():
                feature.SetField(key, value)
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
            layer.CreateFeature(feature)
    source = None
    return str(path)


def point_wkt(n):
    return "POINT ({} {})".format(DUNKERQUE[0] + n * 10, DUNKERQUE[1] + n * 10)


def square_wkt(n, size=200):
    x, y = DUNKERQUE[0] + n * 1000, DUNKERQUE[1]
    return "POLYGON (({x} {y}, {x2} {y}, {x2} {y2}, {x} {y2}, {x} {y}))".format(x=x, y=y, x2=x + size, y2=y + size)


# --- ZIP archives -------------------------------------------------------------------------------

def test_a_zipped_shapefile_is_read_and_its_readme_ignored(run, workspace, tmp_path):
    shapefile = write_shapefile(tmp_path / "sites.shp", FIELDS, [company_row(i) for i in range(1, 5)])
    files = shapefile_parts(shapefile)
    files.update({"README.txt": b"Extraction du 3 novembre, ne pas diffuser.\n", "notice.pdf": b"%PDF-1.4 ...",
                  "__MACOSX/._sites.shp": b"\x00\x05\x16\x07junk"})
    archive = zip_files(tmp_path / "partenaire.zip", files)
    result, rejects = imported(run, "importcompanies", workspace, archive, tmp_path)
    assert result["IMPORTED"] == 4 and rejects == []
    assert query(workspace, "SELECT source FROM companies LIMIT 1")[0][0].startswith("partenaire.zip")


def test_an_archive_with_two_shapefiles_asks_which_one(run, workspace, tmp_path):
    one = write_shapefile(tmp_path / "nord.shp", FIELDS, [company_row(i) for i in range(1, 3)])
    two = write_shapefile(tmp_path / "sud.shp", FIELDS, [company_row(i) for i in range(3, 6)])
    archive = zip_files(tmp_path / "deux.zip", {**shapefile_parts(one), **{"data/" + k: v for k, v in shapefile_parts(two).items()}})
    message = refused(run, "importcompanies", workspace, archive, tmp_path)
    assert "several tables" in message and "nord.shp" in message and "data/sud.shp" in message
    assert "layername=" in message
    result, _rejects = imported(run, "importcompanies", workspace, archive + "|layername=sud", tmp_path)
    assert result["IMPORTED"] == 3


def test_a_workbook_and_a_csv_inside_archives(run, workspace, demo, tmp_path):
    from osgeo import ogr

    # companies in a CSV inside a ZIP
    rows = [[siret(i), "Société {}".format(i), str(DUNKERQUE[0] + i), str(DUNKERQUE[1]), "2154"] for i in range(1, 4)]
    csv_path = write_csv(tmp_path / "sites.csv", ["siret", "raison_sociale", "x", "y", "epsg"], rows, encoding="cp1252")
    archive = zip_files(tmp_path / "csv.zip", {"export/sites.csv": csv_path, "LISEZMOI.txt": b"rien"})
    result, _rejects = imported(run, "importcompanies", workspace, archive, tmp_path)
    assert result["IMPORTED"] == 3
    assert query(workspace, "SELECT name FROM companies ORDER BY name LIMIT 1")[0][0] == "Société 1"
    # flows in a workbook inside a ZIP
    s1 = query(demo, "SELECT siret FROM companies WHERE siret IS NOT NULL ORDER BY fid LIMIT 1")[0][0]
    workbook = str(tmp_path / "atelier.xlsx")
    source = ogr.GetDriverByName("XLSX").CreateDataSource(workbook)
    layer = source.CreateLayer("flux", None, ogr.wkbNone)
    for name in ("siret", "direction", "resource", "quantity"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    feature = ogr.Feature(layer.GetLayerDefn())
    for name, value in (("siret", s1), ("direction", "offre"), ("resource", "15 01 01"), ("quantity", "12")):
        feature.SetField(name, value)
    layer.CreateFeature(feature)
    source = None
    before = count(demo, "flows")
    result, _rejects = imported(run, "importflows", demo, zip_files(tmp_path / "atelier.zip", {"atelier.xlsx": workbook}),
                                tmp_path)
    assert result["IMPORTED"] == 1 and count(demo, "flows") == before + 1


def test_a_broken_archive_and_an_archive_without_data_are_refused(run, workspace, tmp_path):
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 this is not a whole archive")
    assert "broken.zip" in refused(run, "importcompanies", workspace, str(broken), tmp_path)
    empty = zip_files(tmp_path / "docs.zip", {"README.txt": b"nothing", "plan.pdf": b"%PDF"})
    assert "holds no table" in refused(run, "importcompanies", workspace, empty, tmp_path)


def test_importareas_reads_a_zipped_shapefile(run, workspace, tmp_path):
    from tests.qgis.test_print import write_areas

    shapefile = write_areas(tmp_path / "communes.shp", [
        ("Dunkerque", "59183", square_wkt(1, 5000)), ("Grande-Synthe", "59271", square_wkt(8, 5000))],
        epsg=2154, driver="ESRI Shapefile")
    files = shapefile_parts(shapefile)
    files["LISEZMOI.pdf"] = b"%PDF"
    archive = zip_files(tmp_path / "communes.zip", files)
    result, rejects = imported(run, "importareas", workspace, archive, tmp_path, KIND="commune", NAME_FIELD="NOM",
                               CODE_FIELD="INSEE_COM")
    assert result["IMPORTED"] == 2 and rejects == []
    assert sorted(n for (n,) in query(workspace, "SELECT name FROM areas")) == ["Dunkerque", "Grande-Synthe"]


# --- Excel's Unicode text -------------------------------------------------------------------------

def test_excel_unicode_text_is_read(run, workspace, tmp_path):
    path = tmp_path / "export.txt"
    lines = ["siret\traison sociale\tx\ty\tepsg"] + [
        "{}\tBoulangerie Époisses {}\t{}\t{}\t2154".format(siret(i), i, DUNKERQUE[0] + i, DUNKERQUE[1])
        for i in range(1, 4)]
    path.write_bytes("\r\n".join(lines).encode("utf-16"))  # with its BOM, as Excel writes it
    assert path.read_bytes()[:2] == b"\xff\xfe"
    result, rejects = imported(run, "importcompanies", workspace, str(path), tmp_path)
    assert result["IMPORTED"] == 3 and rejects == []
    assert query(workspace, "SELECT name FROM companies ORDER BY name")[0][0] == "Boulangerie Époisses 1"


# --- several tables -----------------------------------------------------------------------------

def test_a_geopackage_with_two_point_layers_asks_which_one(run, workspace, tmp_path):
    from osgeo import ogr

    path = write_gpkg(tmp_path / "partner.gpkg", {
        "sites": (ogr.wkbPoint, [(company_row(i)[0], point_wkt(i)) for i in range(1, 3)]),
        "old_sites": (ogr.wkbPoint, [(company_row(i)[0], point_wkt(i)) for i in range(5, 8)]),
        "roads": (ogr.wkbLineString, [(company_row(9)[0], "LINESTRING (654000 7100000, 655000 7101000)")]),
    })
    message = refused(run, "importcompanies", workspace, path, tmp_path)
    assert "sites" in message and "old_sites" in message and "roads" not in message
    result, _rejects = imported(run, "importcompanies", workspace, path + "|layername=old_sites", tmp_path)
    assert result["IMPORTED"] == 3


def test_a_workbook_with_two_flow_sheets_asks_which_one(run, demo, tmp_path):
    from osgeo import ogr

    s1 = query(demo, "SELECT siret FROM companies WHERE siret IS NOT NULL ORDER BY fid LIMIT 1")[0][0]
    workbook = str(tmp_path / "ateliers.xlsx")
    source = ogr.GetDriverByName("XLSX").CreateDataSource(workbook)
    for sheet in ("Atelier mars", "Atelier juin"):
        layer = source.CreateLayer(sheet, None, ogr.wkbNone)
        for name in ("siret", "sens", "ressource"):
            layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in (("siret", s1), ("sens", "besoin"), ("ressource", "15 01 01")):
            feature.SetField(name, value)
        layer.CreateFeature(feature)
    help_sheet = source.CreateLayer("Aide", None, ogr.wkbNone)
    help_sheet.CreateField(ogr.FieldDefn("Comment remplir", ogr.OFTString))
    source = None
    message = refused(run, "importflows", demo, workbook, tmp_path)
    assert "Atelier mars" in message and "Atelier juin" in message and "Aide" not in message
    result, _rejects = imported(run, "importflows", demo, workbook + "|layername=Atelier juin", tmp_path)
    assert result["IMPORTED"] == 1


# --- the same column twice ----------------------------------------------------------------------

def test_the_same_field_twice_is_refused_and_named(run, demo, workspace, tmp_path):
    s1 = query(demo, "SELECT siret FROM companies WHERE siret IS NOT NULL ORDER BY fid LIMIT 1")[0][0]
    source = write_csv(tmp_path / "double.csv", ["siret", "sens", "ressource", "quantité", "quantity"],
                       [[s1, "offre", "15 01 01", "12", "1200"]])
    message = refused(run, "importflows", demo, source, tmp_path)
    assert "'quantité' (4)" in message and "'quantity' (5)" in message and "quantity" in message
    # a header written twice
    rows = [[siret(1), "A", siret(1), str(DUNKERQUE[0]), str(DUNKERQUE[1]), "2154"]]
    twice = write_csv(tmp_path / "twice.csv", ["siret", "nom", "siret", "x", "y", "epsg"], rows)
    message = refused(run, "importcompanies", workspace, twice, tmp_path)
    assert "'siret' (1)" in message and "'siret' (3)" in message
    # saying which one settles it
    result, _rejects = imported(run, "importcompanies", workspace, twice, tmp_path, FIELD_MAPPING="siret=siret")
    assert result["IMPORTED"] == 1


def test_ranked_names_keep_their_precedence(run, workspace, tmp_path):
    header = ["siret", "denominationUsuelleEtablissement", "enseigne1Etablissement", "x", "y", "epsg"]
    rows = [[siret(1), "Usuelle", "Enseigne", str(DUNKERQUE[0]), str(DUNKERQUE[1]), "2154"]]
    result, _rejects = imported(run, "importcompanies", workspace, write_csv(tmp_path / "e.csv", header, rows), tmp_path)
    assert result["IMPORTED"] == 1
    assert query(workspace, "SELECT name FROM companies")[0][0] == "Usuelle"


# --- polygons -----------------------------------------------------------------------------------

def test_polygons_are_placed_at_a_point_on_their_surface_and_lines_refused(run, workspace, tmp_path):
    from osgeo import ogr

    u_shape = ("POLYGON ((654000 7100000, 654300 7100000, 654300 7100300, 654200 7100300, 654200 7100100, "
               "654100 7100100, 654100 7100300, 654000 7100300, 654000 7100000))")
    path = write_gpkg(tmp_path / "parcelles.gpkg", {"parcelles": (ogr.wkbUnknown, [
        (company_row(1)[0], square_wkt(1)),
        (company_row(2)[0], u_shape),
        (company_row(3)[0], "LINESTRING (654000 7100000, 655000 7101000)"),
        (company_row(4)[0], point_wkt(4)),
    ])})
    result, rejects = imported(run, "importcompanies", workspace, path, tmp_path)
    assert result["IMPORTED"] == 3 and result["REJECTED"] == 1
    by_row = {r["row"]: r for r in rejects}
    assert by_row["1"]["outcome"] == "placed" and by_row["1"]["reason"] == "placed at a point on its polygon"
    assert by_row["2"]["outcome"] == "placed"
    assert by_row["3"]["outcome"] == "rejected" and "linestring" in by_row["3"]["reason"]
    assert "4" not in by_row
    geometry = ogr.CreateGeometryFromWkt(u_shape)
    x, y = _point_of(workspace, siret(2))
    point = ogr.Geometry(ogr.wkbPoint)
    point.AddPoint_2D(x, y)
    assert geometry.Contains(point), "the point is on the polygon, not at its centroid outside it"


def _point_of(path, value):
    from territorial_flux_plugin.storage.geometry import point_of_blob

    blob = query(path, "SELECT geom FROM companies WHERE siret = ?", (value,))[0][0]
    return point_of_blob(blob)


# --- SIRENE as INSEE publishes it -----------------------------------------------------------------

SIRENE_PUBLISHED = ["siren", "siret", "statutDiffusionEtablissement", "denominationUsuelleEtablissement",
                    "codeCommuneEtablissement", "etatAdministratifEtablissement",
                    "coordonneeLambertAbscisseEtablissement", "coordonneeLambertOrdonneeEtablissement"]


@pytest.fixture
def world_workspace(run, tmp_path):
    path = str(tmp_path / "monde.gpkg")
    run("createworkspace", {"OUTPUT": path, "NAME": "Monde", "CRS": "EPSG:4326"})
    return path


def test_sirene_coordinates_follow_the_commune(run, world_workspace, tmp_path):
    from osgeo import osr

    def row(n, commune, x, y):
        s = siret(n)
        return [s[:9], s, "O", "Etablissement {}".format(n), commune, "A", x, y]

    rows = [row(1, "59183", "654000", "7100000"),  # Dunkerque, Lambert-93
            row(2, "97411", "338000", "7690000"),  # Saint-Denis de La Réunion, UTM 40 S
            row(3, "2A004", "1177000", "6105000"),  # Ajaccio, Lambert-93
            row(4, "", "654000", "7100000")]  # no commune: rejected
    source = write_csv(tmp_path / "StockEtablissement_extrait.csv", SIRENE_PUBLISHED, rows, delimiter=",")
    result, rejects = imported(run, "importcompanies", world_workspace, source, tmp_path)
    assert result["IMPORTED"] == 3 and result["REJECTED"] == 1
    assert [r["row"] for r in rejects] == ["5"] and "no commune code" in rejects[0]["reason"]
    assert "inferred" in result["NOTES"] and "EPSG:2154 (2)" in result["NOTES"] and "EPSG:2975 (1)" in result["NOTES"]
    lon, lat = _point_of(world_workspace, siret(2))
    assert 55.2 < lon < 55.9 and -21.4 < lat < -20.8, (lon, lat)
    lon, lat = _point_of(world_workspace, siret(1))
    wgs, l93 = osr.SpatialReference(), osr.SpatialReference()
    wgs.ImportFromEPSG(4326)
    l93.ImportFromEPSG(2154)
    wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    l93.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    expected = osr.CoordinateTransformation(l93, wgs).TransformPoint(654000, 7100000)
    assert abs(lon - expected[0]) < 1e-6 and abs(lat - expected[1]) < 1e-6


def test_sirene_with_an_epsg_column_or_source_crs_is_not_inferred(run, world_workspace, tmp_path):
    s = siret(1)
    rows = [[s[:9], s, "O", "Etablissement", "97411", "A", "654000", "7100000"]]
    source = write_csv(tmp_path / "sirene.csv", SIRENE_PUBLISHED, rows)
    result, _rejects = imported(run, "importcompanies", world_workspace, source, tmp_path, SOURCE_CRS="EPSG:2154")
    assert result["IMPORTED"] == 1 and result["NOTES"] == ""
    lon, lat = _point_of(world_workspace, s)
    assert 2 < lon < 3 and 50 < lat < 52


# --- the dialog -----------------------------------------------------------------------------------

def test_the_dialog_lists_the_tables_and_asks_for_the_column_of_a_field_named_twice(
        provider, workspace, tmp_path, qgis_app, dialogs):
    from osgeo import ogr

    from territorial_flux_plugin.gui.import_dialog import ImportCompaniesDialog

    path = write_gpkg(tmp_path / "partner.gpkg", {
        "sites": (ogr.wkbPoint, [(company_row(i)[0], point_wkt(i)) for i in range(1, 3)]),
        "old_sites": (ogr.wkbPoint, [(company_row(i)[0], point_wkt(i)) for i in range(5, 8)]),
    })
    dialog = ImportCompaniesDialog(None, workspace)
    dialogs.append(dialog)
    dialog.input_widget.setFilePath(path)
    assert not dialog.table_combo.isHidden()
    assert [dialog.table_combo.itemText(i) for i in range(1, dialog.table_combo.count())] == ["sites", "old_sites"]
    assert not dialog.import_button.isEnabled() and "several tables" in dialog.info_label.text()
    dialog.table_combo.setCurrentIndex(2)
    dialog.table_combo.activated.emit(2)
    assert dialog.import_button.isEnabled()
    dialog.run_import()
    assert "3 imported" in dialog.result_label.text()

    rows = [[siret(11), "A", siret(11), str(DUNKERQUE[0]), str(DUNKERQUE[1]), "2154"]]
    twice = write_csv(tmp_path / "twice.csv", ["siret", "nom", "n_siret", "x", "y", "epsg"], rows)
    other = ImportCompaniesDialog(None, workspace)
    dialogs.append(other)
    other.input_widget.setFilePath(twice)
    assert other.table_combo.isHidden()
    assert "'siret', 'n_siret'" in other.info_label.text()
    assert not other.import_button.isEnabled()
    combo = other.combos["siret"]
    combo.setCurrentIndex(combo.findData("n_siret"))
    assert other.import_button.isEnabled()
    other.run_import()
    assert "1 imported" in other.result_label.text()
