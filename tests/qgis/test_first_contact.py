"""What a new user meets first: the stored project opens framed on the territory in any QGIS, the
algorithms leave the user's project as they found it, a creation logs no error, and showing a
company picks a readable scale."""

import os
import subprocess
import sys
import textwrap

import pytest
from qgis.core import QgsProject, QgsRectangle, QgsVectorLayer

import territorial_flux_plugin
from territorial_flux_plugin.project.view import stored_view_extent
from territorial_flux_plugin.storage import workspace_at
from tests.qgis.test_import import FIELDS, company_row, import_companies, write_shapefile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(territorial_flux_plugin.__file__)))


def companies_extent(path):
    layer = QgsVectorLayer(path + "|layername=companies", "c", "ogr")
    return layer.extent()


def contains(box, extent):
    return QgsRectangle(*box).contains(extent)


def read_view(path):
    """The default view extent QGIS itself reads from the stored project (a separate project)."""
    project = QgsProject()
    assert project.read("geopackage:{}?projectName=territory".format(path))
    extent = project.viewSettings().defaultViewExtent()
    project.clear()
    return extent


def test_demo_project_opens_on_its_territory(demo_workspace):
    extent = read_view(demo_workspace)
    assert not extent.isNull()
    assert extent.crs().authid() == "EPSG:2154"
    companies = companies_extent(demo_workspace)
    assert extent.contains(companies)
    assert extent.width() < companies.width() * 1.6 and extent.height() < companies.height() * 1.6


def test_new_workspace_opens_on_the_area_its_crs_covers(run, tmp_path):
    path = run("createworkspace", {"NAME": "Vide", "OUTPUT": str(tmp_path / "empty.gpkg")})["OUTPUT"]
    extent = read_view(path)
    assert not extent.isNull()
    assert extent.contains(QgsRectangle(652000, 6861000, 653000, 6862000))  # Paris in Lambert-93


def test_imports_refresh_the_view_when_the_territory_changes_much(run, tmp_path):
    path = run("createworkspace", {"NAME": "Import", "OUTPUT": str(tmp_path / "import.gpkg")})["OUTPUT"]
    workspace = workspace_at(path)
    first = write_shapefile(tmp_path / "first.shp", FIELDS, [company_row(i) for i in range(1, 6)])
    import_companies(run, path, first, tmp_path)
    framed = stored_view_extent(workspace)
    assert contains(framed, companies_extent(path))
    assert (framed[2] - framed[0]) < 10000  # framed on the five companies, not on France

    nearby = write_shapefile(tmp_path / "nearby.shp", FIELDS, [company_row(i) for i in range(6, 8)])
    before = workspace.stored_project_xml()
    import_companies(run, path, nearby, tmp_path)
    assert workspace.stored_project_xml() == before  # inside the view: not rewritten

    far = write_shapefile(tmp_path / "far.shp", FIELDS, [company_row(9, point=(700000.0, 7050000.0))])
    import_companies(run, path, far, tmp_path)
    grown = stored_view_extent(workspace)
    assert contains(grown, companies_extent(path)) and grown != framed


def test_algorithms_leave_the_current_project_unchanged(run, tmp_path):
    project = QgsProject.instance()
    project.clear()
    mine = QgsVectorLayer("Point?crs=EPSG:2154", "mine", "memory")
    project.addMapLayer(mine)
    project.setDirty(False)
    relations = dict(project.relationManager().relations())
    try:
        run("createworkspace", {"NAME": "Autre", "OUTPUT": str(tmp_path / "other.gpkg")})
        run("createdemo", {"OUTPUT": str(tmp_path / "demo.gpkg")})
        assert not project.isDirty()
        assert dict(project.relationManager().relations()).keys() == relations.keys()
        assert list(project.mapLayers()) == [mine.id()]
    finally:
        project.clear()


CREATE = textwrap.dedent('''
    import os, sys
    sys.path.insert(0, {root!r})
    from qgis.core import QgsApplication
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
    from processing.core.Processing import Processing
    Processing.initialize()
    import territorial_flux_plugin
    plugin = territorial_flux_plugin.classFactory(None)
    plugin.initProcessing()
    import processing
    sys.stderr.write("ready\\n"); sys.stderr.flush()
    processing.run("territorialflux:createworkspace", {{"NAME": "T", "OUTPUT": os.path.join({folder!r}, "w.gpkg")}})
    processing.run("territorialflux:createdemo", {{"OUTPUT": os.path.join({folder!r}, "d.gpkg")}})
    print("created", flush=True)
''')


def test_creating_a_workspace_logs_no_error(tmp_path):
    """Each creation used to print six GDAL errors ("unable to open database file") a user reads as failures."""
    script = tmp_path / "create.py"
    script.write_text(CREATE.format(root=ROOT, folder=str(tmp_path)))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "profile"))
    done = subprocess.run([sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=600)
    output = done.stdout + done.stderr.split("ready\n")[-1]
    assert done.returncode == 0 and "created" in done.stdout, output[-3000:]
    assert [line for line in output.splitlines() if "ERROR" in line or "Warning" in line] == []


@pytest.mark.parametrize("scale, expected", [(1, 10000), (500, 10000), (25000, 25000), (2000000, 10000)])
def test_showing_a_company_picks_a_readable_scale(scale, expected):
    from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY
    from qgis.gui import QgsMapCanvas

    from territorial_flux_plugin.gui.company_dock import centre_on

    canvas = QgsMapCanvas()
    canvas.resize(800, 600)
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    canvas.setExtent(QgsRectangle(650000, 7090000, 660000, 7100000))
    canvas.zoomScale(scale)
    centre_on(canvas, QgsPointXY(655000, 7095000))
    assert canvas.scale() == pytest.approx(expected, rel=0.01)
    assert canvas.center().x() == pytest.approx(655000, abs=1) and canvas.center().y() == pytest.approx(7095000, abs=1)
