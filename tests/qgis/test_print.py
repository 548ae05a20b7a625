"""territorialflux:printmap and importareas against the real QGIS, GDAL, poppler and GeoPackage.

Each test prints from a copy of the demo workspace, opens the PDF with poppler's pdfinfo,
renders it with pdftoppm and looks at the pixels; the legends are read from the layout's own
item model; confidentiality is checked in the layers the layout draws, in the legend's counts
and in the layout saved in the workspace's project.
"""

import csv
import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
from contextlib import closing

import numpy
import pytest

A4_LANDSCAPE = (842, 595)
A3_PORTRAIT = (842, 1191)


@pytest.fixture
def demo(demo_workspace, tmp_path):
    path = str(tmp_path / "demo.gpkg")
    shutil.copy(demo_workspace, path)
    return path


def query(path, sql, args=()):
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql, args).fetchall()


def execute(path, sql, args=()):
    from territorial_flux_plugin.storage.database import sqlite_database

    database = sqlite_database(path)
    with closing(database.connection):
        database.connection.execute(sql, args)


def digest(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def pdf_info(path):
    text = subprocess.run(["pdfinfo", path], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", text, re.M).group(1))
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", text, re.M)
    return pages, (round(float(size.group(1))), round(float(size.group(2))))


def render(pdf, tmp_path, page=1, dpi=50):
    """The page as an RGB numpy array (rows, columns, 3), rendered by pdftoppm."""
    prefix = str(tmp_path / "page{}".format(page))
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", pdf,
                    prefix], check=True)
    return image_array(prefix + ".png")


def image_array(path):
    from qgis.PyQt.QtGui import QImage

    image = QImage(path).convertToFormat(QImage.Format.Format_RGB32)
    assert not image.isNull(), path
    pointer = image.constBits()
    pointer.setsize(image.sizeInBytes())
    data = numpy.frombuffer(pointer, numpy.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    return data[:, :image.width(), 2::-1].copy()  # BGRA -> RGB


def drawn_share(pixels, background=(251, 251, 248)):
    """The share of pixels clearly unlike ``background`` (and unlike white)."""
    distance = numpy.abs(pixels.astype(int) - numpy.array(background)).sum(axis=2)
    white = numpy.abs(pixels.astype(int) - 255).sum(axis=2)
    return float(((distance > 60) & (white > 60)).mean())


def map_area(pixels, layout, dpi=50):
    """The inner part of the map item on the rendered page (frame, scale bar and arrow left out)."""
    item = layout.itemById("map")
    position, size = item.positionWithUnits(), item.sizeWithUnits()
    factor = dpi / 25.4
    left, top = position.x() * factor, position.y() * factor
    width, height = size.width() * factor, size.height() * factor
    return pixels[int(top + 0.2 * height):int(top + 0.8 * height), int(left + 0.15 * width):int(left + 0.85 * width)]


def print_map(demo, theme="synergies", output=None, feedback=None, save=True, project=None, export_file=True,
              **settings):
    from territorial_flux_plugin.printing.export import print_map as run
    from territorial_flux_plugin.printing.settings import PrintSettings

    output = output or os.path.join(os.path.dirname(demo), "{}.pdf".format(theme))
    return run(demo, PrintSettings(theme=theme, output=output, **settings), feedback=feedback, save=save,
               project=project, export_file=export_file)


def query_of(layer):
    """The SQL a print layer shows: the definition of the GeoPackage view its source names."""
    path, _sep, rest = layer.source().partition("|layername=")
    view = rest.split("|")[0]
    assert view.startswith("tf_print_"), layer.source()
    return query(path, "SELECT sql FROM sqlite_master WHERE type = 'view' AND name = ?", (view,))[0][0]


def legend_entries(layout):
    """{layer legend title: (title shown, [entry texts])} read from the legend item's model."""
    from qgis.core import QgsLayerTreeLayer
    from qgis.PyQt.QtCore import Qt

    legend = layout.itemById("legend")
    model = legend.model()
    legend.updateFilterByMap(False)
    entries = {}
    for node in model.rootGroup().findLayers():
        assert isinstance(node, QgsLayerTreeLayer)
        index = model.node2index(node)
        title = model.data(index, Qt.ItemDataRole.DisplayRole)
        texts = [legend_node.data(Qt.ItemDataRole.DisplayRole) for legend_node in model.layerLegendNodes(node)]
        entries[node.customProperty("legend/title-label")] = (title, texts)
    return entries


def algorithm(name):
    """The registered algorithm (through the registry: another test may have reloaded the provider)."""
    from qgis.core import QgsApplication

    return QgsApplication.processingRegistry().algorithmById("territorialflux:" + name)


def layer_of(layout, table):
    layers = layout.itemById("map").layers()
    return next(layer for layer in layers if layer.customProperty("territorial_flux_print").startswith(table + "|"))


# --- the parameters -----------------------------------------------------------------------------

def test_algorithms_have_the_issue_parameter_names(provider):  # noqa: ARG001 - registers the provider
    printmap = algorithm("printmap")
    assert [p.name() for p in printmap.parameterDefinitions()] == [
        "WORKSPACE", "THEME", "TITLE", "PAPER", "ORIENTATION", "MAX_CONFIDENTIALITY", "ATLAS", "BACKGROUND", "TEMPLATE",
        "OUTPUT"]
    assert printmap.parameterDefinition("MAX_CONFIDENTIALITY").defaultValue() == "internal"
    assert printmap.parameterDefinition("ATLAS").defaultValue() == "none"
    assert printmap.parameterDefinition("TEMPLATE").flags() & printmap.parameterDefinition("TEMPLATE").FlagOptional
    assert printmap.flags() & printmap.FlagNoThreading  # layouts render on the main thread
    names = [p.name() for p in algorithm("importareas").parameterDefinitions()]
    assert names[:5] == ["WORKSPACE", "INPUT", "KIND", "NAME_FIELD", "CODE_FIELD"]


def test_unknown_words_are_refused_with_the_accepted_ones(run, demo, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as error:
        run("printmap", {"WORKSPACE": demo, "THEME": "flows", "OUTPUT": str(tmp_path / "x.pdf")})
    assert "synergies, missinglinks, metabolism" in str(error.value)
    with pytest.raises(QgsProcessingException) as error:
        run("printmap", {"WORKSPACE": demo, "PAPER": "A5", "OUTPUT": str(tmp_path / "x.pdf")})
    assert "A4, A3" in str(error.value)
    with pytest.raises(QgsProcessingException) as error:
        run("printmap", {"WORKSPACE": demo, "OUTPUT": str(tmp_path / "x.svg")})
    assert ".pdf or .png" in str(error.value)


# --- each theme ---------------------------------------------------------------------------------

@pytest.mark.parametrize("theme", ["synergies", "missinglinks", "metabolism"])
def test_print_each_theme_to_a_pdf(run, demo, tmp_path, theme):
    output = str(tmp_path / "{}.pdf".format(theme))
    result = run("printmap", {"WORKSPACE": demo, "THEME": theme, "TITLE": "Comité des partenaires",
                              "OUTPUT": output})
    assert result["OUTPUT"] == output and result["PAGES"] == 1
    assert pdf_info(output) == (1, A4_LANDSCAPE)
    pixels = render(output, tmp_path)
    assert drawn_share(pixels) > 0.02  # not blank
    text = subprocess.run(["pdftotext", output, "-"], check=True, capture_output=True, text=True).stdout
    assert "Comité des partenaires" in text
    assert "Territoire dunkerquois" in text
    assert "Internal document — not for distribution" in text
    assert "last updated on" in text and "Sources:" in text
    from qgis.core import QgsProject

    project = QgsProject()
    assert project.read("geopackage:{}?projectName=territory".format(demo))
    layout = project.layoutManager().layoutByName(result["LAYOUT"])
    assert layout is not None, "the layout is saved in the workspace's project"
    assert drawn_share(map_area(pixels, layout)) > 0.005, "the map area has drawn features"


def test_legend_lists_what_the_page_shows_with_honest_counts(demo):
    result = print_map(demo, "synergies", level="internal")
    entries = legend_entries(result["layout_object"])
    from territorial_flux_plugin.domain.vocabulary import SYNERGY_STATUSES

    counted = dict(query(demo, "SELECT status, count(*) FROM synergies WHERE confidentiality IN "
                               "('internal', 'partners', 'public') GROUP BY status"))
    title, texts = entries["Synergies"]
    assert title == "Synergies [{}]".format(sum(counted.values()))
    expected = ["{} [{}]".format(label, counted[status]) for status, label in SYNERGY_STATUSES.items()
                if status in counted]
    assert texts == expected  # statuses absent from the page are not listed
    companies = query(demo, "SELECT count(*) FROM companies WHERE status <> 'archived'")[0][0]
    assert entries["Companies"][0] == "Companies [{}]".format(companies)
    # no zone on the page: not listed; boundaries are not counted (some may lie off the page)
    assert entries["Areas"] == ("Areas", ["Territory", "Commune"])


def test_the_legend_fits_its_frame_on_a4_portrait(demo, tmp_path):
    from territorial_flux_plugin.printing.layout import needed_size

    result = print_map(demo, "missinglinks", orientation="portrait", output=str(tmp_path / "p.pdf"))
    legend = result["layout_object"].itemById("legend")
    needed, frame = needed_size(legend), legend.sizeWithUnits()
    assert needed.width() <= frame.width() and needed.height() <= frame.height()
    shown = legend_entries(result["layout_object"])["Missing links per commune"][1]
    assert shown == ["Unmet needs (circle area: number of flows)", "Orphan offers (circle area: number of flows)"]


def test_no_personal_data_in_the_print_layers_or_on_the_page(demo, tmp_path):
    result = print_map(demo, "missinglinks", level="advisor", output=str(tmp_path / "m.pdf"))
    layout = result["layout_object"]
    for layer in layout.itemById("map").layers():
        names = [field.name() for field in layer.fields()]
        assert not {"contact_name", "contact_email", "contact_phone"} & set(names), layer.name()
        assert layer.readOnly()
    text = subprocess.run(["pdftotext", str(tmp_path / "m.pdf"), "-"], check=True, capture_output=True,
                          text=True).stdout
    for name, email, phone in query(demo, "SELECT contact_name, contact_email, contact_phone FROM companies "
                                          "WHERE contact_email IS NOT NULL"):
        for value in (name, email, phone):
            assert not value or value not in text


def counted_missing(layer):
    return sum(int(feature["flows"]) for feature in layer.getFeatures())


def test_a_flow_marked_advisor_is_printed_at_advisor_level_only(demo, tmp_path):
    # an offer nobody in the territory needs: a missing link whatever the level analysed
    from territorial_flux_plugin.analysis import analyse

    analyse(demo_workspace_object(demo))
    flow = query(demo, "SELECT flow_uid FROM missing_links WHERE nearest_km IS NULL AND confidentiality <> 'advisor' "
                       "ORDER BY flow_uid LIMIT 1")[0][0]
    execute(demo, "UPDATE flows SET confidentiality = 'advisor' WHERE uid = ?", (flow,))

    advisor = print_map(demo, "missinglinks", level="advisor", output=str(tmp_path / "advisor.pdf"))
    assert advisor["analysed"], "the analysis is older than the data: it runs first"
    everything = query(demo, "SELECT count(*) FROM missing_links")[0][0]
    assert counted_missing(layer_of(advisor["layout_object"], "missing_areas")) == everything
    # a page of one commune draws the individual missing links
    atlas = print_map(demo, "missinglinks", level="advisor", atlas="commune", output=str(tmp_path / "atlas.pdf"),
                      save=False)
    assert flow in [f["flow_uid"] for f in layer_of(atlas["layout_object"], "missing_links").getFeatures()]

    partners = print_map(demo, "missinglinks", level="partners", output=str(tmp_path / "partners.pdf"))
    layout = partners["layout_object"]
    visible = query(demo, "SELECT count(*) FROM missing_links WHERE confidentiality IN ('partners', 'public')")[0][0]
    assert visible < everything
    assert counted_missing(layer_of(layout, "missing_areas")) == visible
    links = query(demo, "SELECT count(*) FROM possible_links WHERE confidentiality IN ('partners', 'public') AND "
                        "(offer_flow_uid = ? OR need_flow_uid = ?)", (flow, flow))[0][0]
    assert links == 0

    # the layout saved in the project keeps the filter when it is reprinted from QGIS
    from qgis.core import QgsLayoutExporter, QgsProject

    project = QgsProject()
    assert project.read("geopackage:{}?projectName=territory".format(demo))
    saved = project.layoutManager().layoutByName(partners["layout"])
    layer = layer_of(saved, "missing_areas")
    assert "'partners', 'public'" in query_of(layer)
    assert counted_missing(layer) == visible
    again = str(tmp_path / "again.pdf")
    assert QgsLayoutExporter(saved).exportToPdf(again, QgsLayoutExporter.PdfExportSettings()) == \
        QgsLayoutExporter.Success
    assert pdf_info(again) == (1, A4_LANDSCAPE)
    advisor_saved = project.layoutManager().layoutByName(advisor["layout"])
    assert counted_missing(layer_of(advisor_saved, "missing_areas")) == everything


def test_synergies_above_the_level_are_absent(demo, tmp_path):
    advisor_only = query(demo, "SELECT count(*) FROM synergies WHERE confidentiality = 'advisor'")[0][0]
    total = query(demo, "SELECT count(*) FROM synergies")[0][0]
    assert advisor_only > 0
    at_advisor = print_map(demo, "synergies", level="advisor", output=str(tmp_path / "a.pdf"))
    at_internal = print_map(demo, "synergies", level="internal", output=str(tmp_path / "i.pdf"))
    assert layer_of(at_advisor["layout_object"], "synergies").featureCount() == total
    assert layer_of(at_internal["layout_object"], "synergies").featureCount() == total - advisor_only
    assert legend_entries(at_internal["layout_object"])["Synergies"][0] == "Synergies [{}]".format(
        total - advisor_only)


def demo_workspace_object(path):
    from territorial_flux_plugin.storage import workspace_at

    return workspace_at(path)


def test_missing_links_use_the_latest_analysis_and_rerun_it_when_older_than_the_data(demo, tmp_path):
    from territorial_flux_plugin.analysis import outputs as analysis

    execute(demo, "DELETE FROM workspace_info WHERE key LIKE 'analys%'")  # no analysis yet
    assert analysis.analysed_at(demo_workspace_object(demo)) is None
    first = print_map(demo, "missinglinks", output=str(tmp_path / "1.pdf"))
    stamp = analysis.analysed_at(demo_workspace_object(demo))
    assert first["analysed"] and stamp
    second = print_map(demo, "missinglinks", output=str(tmp_path / "2.pdf"))
    assert not second["analysed"] and analysis.analysed_at(demo_workspace_object(demo)) == stamp
    flow = query(demo, "SELECT uid FROM flows ORDER BY uid LIMIT 1")[0][0]
    execute(demo, "UPDATE flows SET quantity = coalesce(quantity, 0) + 1 WHERE uid = ?", (flow,))
    third = print_map(demo, "missinglinks", output=str(tmp_path / "3.pdf"))
    assert third["analysed"] and analysis.analysed_at(demo_workspace_object(demo)) > stamp


# --- paper, PNG, template -----------------------------------------------------------------------

def test_a3_portrait_and_png(run, demo, tmp_path):
    pdf = str(tmp_path / "a3.pdf")
    run("printmap", {"WORKSPACE": demo, "THEME": "metabolism", "PAPER": "A3", "ORIENTATION": "portrait",
                     "OUTPUT": pdf})
    assert pdf_info(pdf) == (1, A3_PORTRAIT)
    png = str(tmp_path / "map.png")
    result = run("printmap", {"WORKSPACE": demo, "THEME": "synergies", "OUTPUT": png})
    assert result["OUTPUT"] == png
    pixels = image_array(png)
    assert abs(pixels.shape[0] - 1240) <= 1 and abs(pixels.shape[1] - 1754) <= 1  # A4 landscape, 150 dpi
    assert drawn_share(pixels) > 0.02


def test_the_shipped_template_and_a_custom_one(run, demo, tmp_path):
    from territorial_flux_plugin.printing.export import TEMPLATE_PATH
    from territorial_flux_plugin.printing.layout import ITEM_IDS

    with open(TEMPLATE_PATH, encoding="utf-8") as handle:
        text = handle.read()
    for item_id in ITEM_IDS:
        assert 'id="{}"'.format(item_id) in text
    assert ":/images/north_arrows/layout_default_north_arrow.svg" in text
    custom = str(tmp_path / "custom.qpt")
    with open(custom, "w", encoding="utf-8") as handle:
        handle.write(text.replace("[% @territorial_flux_title %]", "Carte du club [% @territorial_flux_title %]"))
    output = str(tmp_path / "custom.pdf")
    run("printmap", {"WORKSPACE": demo, "TEMPLATE": custom, "PAPER": "A3", "TITLE": "EIT", "OUTPUT": output})
    assert pdf_info(output) == (1, A4_LANDSCAPE)  # the template's page is kept
    assert "Carte du club EIT" in subprocess.run(["pdftotext", output, "-"], check=True, capture_output=True,
                                                 text=True).stdout
    broken = str(tmp_path / "no_map.qpt")
    with open(broken, "w", encoding="utf-8") as handle:
        handle.write(text.replace('id="map"', 'id="carte"'))
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as error:
        run("printmap", {"WORKSPACE": demo, "TEMPLATE": broken, "OUTPUT": str(tmp_path / "x.pdf")})
    assert "'map'" in str(error.value)


# --- atlas --------------------------------------------------------------------------------------

def test_atlas_one_page_per_commune_with_companies(run, demo, tmp_path):
    communes = query(demo, "SELECT count(DISTINCT coalesce(commune_code, commune)) FROM companies "
                           "WHERE status <> 'archived' AND coalesce(commune_code, commune) IS NOT NULL")[0][0]
    assert communes > 3
    output = str(tmp_path / "atlas.pdf")
    result = run("printmap", {"WORKSPACE": demo, "ATLAS": "commune", "OUTPUT": output})
    assert result["PAGES"] == communes
    assert pdf_info(output) == (communes, A4_LANDSCAPE)
    first = query(demo, "SELECT coalesce(commune, commune_code) FROM companies WHERE status <> 'archived' AND "
                        "coalesce(commune_code, commune) IS NOT NULL ORDER BY 1 LIMIT 1")[0][0]
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", output, "-"], check=True, capture_output=True,
                          text=True).stdout
    assert first in text  # the page is named after its commune
    assert drawn_share(render(output, tmp_path, page=2)) > 0.02


def test_atlas_by_zone(run, demo, tmp_path):
    zones = query(demo, "SELECT count(DISTINCT zone) FROM companies WHERE status <> 'archived'")[0][0]
    output = str(tmp_path / "zones.pdf")
    run("printmap", {"WORKSPACE": demo, "THEME": "metabolism", "ATLAS": "zone", "OUTPUT": output})
    assert pdf_info(output)[0] == zones


# --- importareas --------------------------------------------------------------------------------

def _square(x, y, size):
    return "POLYGON (({x} {y}, {x2} {y}, {x2} {y2}, {x} {y2}, {x} {y}))".format(x=x, y=y, x2=x + size, y2=y + size)


def write_areas(path, rows, epsg=4326, driver="GeoJSON"):
    """A small polygon file: rows of (name, code, WKT)."""
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    source = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    layer = source.CreateLayer("communes", srs, ogr.wkbUnknown)
    for name in ("NOM", "INSEE_COM"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for name, code, wkt in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        if name is not None:
            feature.SetField("NOM", name)
        if code is not None:
            feature.SetField("INSEE_COM", code)
        if wkt:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    source = None
    return str(path)


def commune_boundaries(demo):
    """Squares (in WGS 84) around the companies of two communes, and a commune without companies."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject

    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:2154"),
                                       QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    rows = []
    for code, name, minx, miny, maxx, maxy in query(
            demo, "SELECT c.commune_code, max(c.commune), min(r.minx), min(r.miny), max(r.maxx), max(r.maxy) "
                  "FROM companies c JOIN rtree_companies_geom r ON r.id = c.fid WHERE c.commune_code IS NOT NULL "
                  "GROUP BY c.commune_code ORDER BY count(*) DESC LIMIT 2"):
        low = transform.transform(QgsPointXY(minx - 300, miny - 300))
        high = transform.transform(QgsPointXY(maxx + 300, maxy + 300))
        rows.append((name, code, "POLYGON (({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))".format(
            low.x(), low.y(), high.x(), high.y())))
    rows.append(("Commune sans entreprise", "59999", _square(1.0, 50.5, 0.01)))
    return rows


def rejects(path):
    with open(path, encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def without_communes(demo):
    """The demo without its approximate communes, as a workspace before its boundaries are imported."""
    execute(demo, "DELETE FROM areas WHERE kind = 'commune'")
    return demo


def test_importareas_reprojects_rejects_and_feeds_the_atlas(run, demo, tmp_path):
    without_communes(demo)
    good = commune_boundaries(demo)
    bad = [
        (None, "59001", _square(2.0, 51.0, 0.01)),  # no name
        ("Noeud papillon", "59002", "POLYGON ((2 51, 2.01 51.01, 2.01 51, 2 51.01, 2 51))"),  # crosses itself
        ("Un point", "59003", "POINT (2 51)"),
        ("Code faux", "ABCDE", _square(2.1, 51.0, 0.01)),
        (good[0][0], good[0][1], good[0][2]),  # the same commune twice in the file
    ]
    source = write_areas(tmp_path / "communes.geojson", good + bad)
    report = str(tmp_path / "rejects.csv")
    result = run("importareas", {"WORKSPACE": demo, "INPUT": source, "KIND": "commune", "NAME_FIELD": "NOM",
                                 "CODE_FIELD": "INSEE_COM", "REJECTS": report})
    assert (result["IMPORTED"], result["REJECTED"]) == (3, 5)
    reasons = [row["reason"] for row in rejects(report)]
    assert "no name" in reasons[0] and "invalid" in reasons[1] and "not a polygon" in reasons[2]
    assert "INSEE" in reasons[3] and "already on row 1" in reasons[4]
    rows = query(demo, "SELECT a.code, a.source, r.minx, r.maxy FROM areas a JOIN rtree_areas_geom r ON r.id = a.fid "
                       "WHERE a.kind = 'commune' ORDER BY a.code")
    assert [r[0] for r in rows] == sorted([g[1] for g in good])
    assert all(500000 < r[2] < 800000 and 6000000 < r[3] < 7200000 for r in rows), "reprojected to Lambert-93"
    assert rows[0][1].startswith("communes.geojson (")
    # imported again: skipped, nothing added
    again = run("importareas", {"WORKSPACE": demo, "INPUT": source, "KIND": "commune", "NAME_FIELD": "NOM",
                                "CODE_FIELD": "INSEE_COM", "REJECTS": report})
    assert again["IMPORTED"] == 0 and again["SKIPPED"] == 3
    # the atlas now has one page per commune boundary that has companies
    output = str(tmp_path / "atlas.pdf")
    run("printmap", {"WORKSPACE": demo, "ATLAS": "commune", "OUTPUT": output})
    assert pdf_info(output)[0] == 2
    assert drawn_share(render(output, tmp_path, page=1)) > 0.02


def test_importareas_refuses_a_source_without_crs_and_a_missing_column(run, demo, tmp_path):
    from qgis.core import QgsProcessingException

    source = write_areas(tmp_path / "zones.shp", [("ZA Nord", "Z1", _square(650000, 7090000, 1000))], epsg=2154,
                         driver="ESRI Shapefile")
    os.remove(str(tmp_path / "zones.prj"))
    before = digest(demo)
    with pytest.raises(QgsProcessingException) as error:
        run("importareas", {"WORKSPACE": demo, "INPUT": source, "KIND": "zone", "NAME_FIELD": "NOM",
                            "REJECTS": str(tmp_path / "r.csv")})
    assert "SOURCE_CRS" in str(error.value)
    with pytest.raises(QgsProcessingException) as error:
        run("importareas", {"WORKSPACE": demo, "INPUT": source, "KIND": "zone", "NAME_FIELD": "LIBELLE",
                            "SOURCE_CRS": "EPSG:2154", "REJECTS": str(tmp_path / "r.csv")})
    assert "LIBELLE" in str(error.value) and "NOM" in str(error.value)
    assert digest(demo) == before
    result = run("importareas", {"WORKSPACE": demo, "INPUT": source, "KIND": "zone", "NAME_FIELD": "NOM",
                                 "SOURCE_CRS": "EPSG:2154", "REJECTS": str(tmp_path / "r.csv")})
    assert result["IMPORTED"] == 1
    assert query(demo, "SELECT name, code FROM areas WHERE kind = 'zone'") == [("ZA Nord", None)]


def test_importareas_is_all_or_nothing(run, provider, demo, tmp_path, monkeypatch):
    from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback

    from territorial_flux_plugin.importing import areas as area_import

    without_communes(demo)
    source = write_areas(tmp_path / "communes.geojson", commune_boundaries(demo))
    before = digest(demo)
    monkeypatch.setattr(area_import, "AREA_COLUMNS", area_import.AREA_COLUMNS + ("no_such_column",))
    with pytest.raises(QgsProcessingException) as error:
        run("importareas", {"WORKSPACE": demo, "INPUT": source, "KIND": "commune", "NAME_FIELD": "NOM",
                            "CODE_FIELD": "INSEE_COM", "REJECTS": str(tmp_path / "r.csv")})
    assert "nothing was written" in str(error.value)
    assert digest(demo) == before
    assert rejects(str(tmp_path / "r.csv"))[-1]["outcome"] == "failed"
    monkeypatch.undo()

    class CancelWhileWriting(QgsProcessingFeedback):
        def setProgress(self, value):  # noqa: N802
            super().setProgress(value)
            if value >= 90:
                self.cancel()

    parameters = {"WORKSPACE": demo, "INPUT": source, "KIND": "commune", "NAME_FIELD": "NOM",
                  "CODE_FIELD": "INSEE_COM", "REJECTS": str(tmp_path / "r2.csv")}
    algorithm("importareas").create().run(parameters, QgsProcessingContext(), CancelWhileWriting())
    assert digest(demo) == before
    assert query(demo, "SELECT count(*) FROM areas WHERE kind = 'commune'")[0][0] == 0


# --- the menu's dialog --------------------------------------------------------------------------

def test_print_dialog_runs_printmap_and_adds_the_layout_to_the_open_workspace(provider, demo, tmp_path,
                                                                               qgis_iface, monkeypatch):
    from qgis.core import Qgis, QgsProject

    from territorial_flux_plugin.gui import print_dialog
    from territorial_flux_plugin.project.build import open_workspace

    bar = qgis_iface.messageBar()
    bar.clear_messages()
    assert print_dialog.print_current_workspace(qgis_iface) is None
    assert "Open a workspace first" in bar.get_messages(Qgis.MessageLevel.Warning)[-1]
    opened = []
    monkeypatch.setattr(print_dialog, "open_file", opened.append)
    output = str(tmp_path / "visite")  # no extension: a PDF

    class Filled(print_dialog.PrintDialog):
        def exec(self):  # the person's choices
            self.theme.setCurrentIndex(self.theme.findData("missinglinks"))
            self.level.setCurrentIndex(self.level.findData("partners"))
            self.paper.setCurrentIndex(self.paper.findData("A3"))
            self.title.setText("Visite d'entreprises")
            assert self.atlas.findData("family") >= 0
            assert [self.background.itemData(i) for i in range(self.background.count())] == [
                "areas", "osm", "planign", "none"]
            self.background.setCurrentIndex(self.background.findData("none"))
            self.output.setFilePath(output)
            self.open_file.setChecked(True)
            self.accept()
            return self.result()

    open_workspace(demo)
    try:
        result = print_dialog.print_current_workspace(qgis_iface, Filled)
        assert result["OUTPUT"] == output + ".pdf" and pdf_info(output + ".pdf")[0] == 1
        assert opened == [output + ".pdf"]
        assert "Map printed" in bar.currentItem().text()
        layout = QgsProject.instance().layoutManager().layoutByName(result["LAYOUT"])
        assert layout is not None, "the open workspace project has the layout too"
        assert "'partners', 'public'" in query_of(layer_of(layout, "missing_areas"))
        drawn = [layer.customProperty("territorial_flux_print") for layer in layout.itemById("map").layers()]
        assert not [d for d in drawn if d.startswith("areas|")], "no background asked: no area outline"
        from territorial_flux_plugin.toolbelt import preferences

        assert preferences.load().print_background == "none"  # the dialog's next choice
    finally:
        from territorial_flux_plugin.toolbelt import preferences

        preferences.remember(print_background="areas")
        QgsProject.instance().clear()
