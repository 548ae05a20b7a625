"""Backgrounds of printed maps: web tiles served by a small server of the test's own on 127.0.0.1
(the URL template is a preference), never the internet; the shipped URLs and attributions; a
print whose tile server cannot be reached; and the background layers of the workspace project.
"""

import re
import shutil
import socket
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy
import pytest

from tests.qgis.test_print import map_area, pdf_info, print_map, render

TILE_COLOUR = (120, 200, 120)  # a green no symbol of the map uses


def _tile_png():
    from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice
    from qgis.PyQt.QtGui import QColor, QImage

    image = QImage(256, 256, QImage.Format.Format_RGB32)
    image.fill(QColor(*TILE_COLOUR))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


@pytest.fixture
def tile_server(qgis_app):  # noqa: ARG001 - QImage needs the application
    tile = _tile_png()
    requested = []

    class Tiles(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            requested.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(tile)))
            self.end_headers()
            self.wfile.write(tile)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Tiles)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield "http://127.0.0.1:{}".format(server.server_address[1]), requested
    server.shutdown()
    server.server_close()


@pytest.fixture
def tile_urls(qgis_app):  # noqa: ARG001
    """Set the background URL preferences for the test; restored after."""
    from territorial_flux_plugin.toolbelt import preferences

    before = preferences.load()

    def point(**urls):
        preferences.remember(**{"background_{}_url".format(key): value for key, value in urls.items()})

    yield point
    preferences.save(before)


@pytest.fixture
def demo(demo_workspace, tmp_path):
    path = str(tmp_path / "demo.gpkg")
    shutil.copy(demo_workspace, path)
    return path


def tile_share(pixels):
    """The share of pixels of the tiles' colour."""
    return float((numpy.abs(pixels.astype(int) - numpy.array(TILE_COLOUR)).sum(axis=2) < 30).mean())


def pdf_text(path):
    return subprocess.run(["pdftotext", path, "-"], check=True, capture_output=True, text=True).stdout


def test_the_shipped_backgrounds_and_their_attributions():
    from territorial_flux_plugin.project import backgrounds

    assert backgrounds.URLS["osm"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert backgrounds.URLS["planign"] == (
        "https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&"
        "LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&TILEMATRIXSET=PM&FORMAT=image/png&"
        "TILEMATRIX={z}&TILEROW={y}&TILECOL={x}")
    assert backgrounds.ATTRIBUTIONS == {"osm": "© OpenStreetMap contributors", "planign": "© IGN – Plan IGN"}


@pytest.mark.parametrize("key", ["osm", "planign"])
def test_a_print_on_web_tiles_credits_them_and_asks_no_finer_tiles_than_a_screen(demo, tmp_path, tile_server,
                                                                                 tile_urls, key):
    from territorial_flux_plugin.project import backgrounds

    base, requested = tile_server
    template = "/{z}/{x}/{y}.png" if key == "osm" else "/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}"
    tile_urls(**{key: base + template})
    output = str(tmp_path / "tiles.pdf")
    result = print_map(demo, "missinglinks", output=output, background=key)
    assert pdf_info(output)[0] == 1
    pixels = render(output, tmp_path, dpi=50)
    assert tile_share(map_area(pixels, result["layout_object"])) > 0.3, "the tiles are under the map"
    assert backgrounds.ATTRIBUTIONS[key] in pdf_text(output)
    zooms = [int(re.search(r"/(\d+)/\d+/\d+\.png$" if key == "osm" else r"TILEMATRIX=(\d+)", path).group(1))
             for path in requested]
    map_item = result["layout_object"].itemById("map")
    cap = backgrounds.zoom_cap(map_item.extent(), map_item.crs(), map_item.rect().width())
    assert zooms and max(zooms) <= cap < 16
    # the background is not a legend entry
    legend = result["layout_object"].itemById("legend")
    tile_layers = [layer for layer in map_item.layers() if layer.customProperty(backgrounds.PROPERTY)]
    assert len(tile_layers) == 1 and legend.model().rootGroup().findLayer(tile_layers[0]) is None


def test_every_atlas_page_has_the_background_asked(run, demo, tmp_path, tile_server, tile_urls):
    base, _requested = tile_server
    tile_urls(osm=base + "/{z}/{x}/{y}.png")
    output = str(tmp_path / "families.pdf")
    result = run("printmap", {"WORKSPACE": demo, "THEME": "missinglinks", "ATLAS": "family", "BACKGROUND": "osm",
                              "OUTPUT": output})
    assert result["PAGES"] > 3
    for page in range(1, result["PAGES"] + 1):
        assert tile_share(render(output, tmp_path, page=page, dpi=30)) > 0.15, page


def _closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_without_the_network_the_map_prints_without_tiles_and_says_so(demo, tmp_path, tile_urls):
    from territorial_flux_plugin.project import backgrounds

    tile_urls(osm="http://127.0.0.1:{}/{{z}}/{{x}}/{{y}}.png".format(_closed_port()))

    class Feedback:
        def __init__(self):
            self.warnings = []

        def pushInfo(self, text):  # noqa: N802
            pass

        def pushWarning(self, text):  # noqa: N802
            self.warnings.append(text)

        def setProgress(self, value):  # noqa: N802
            pass

        def isCanceled(self):  # noqa: N802
            return False

    feedback = Feedback()
    output = str(tmp_path / "offline.pdf")
    result = print_map(demo, "missinglinks", output=output, background="osm", feedback=feedback)
    assert pdf_info(output)[0] == 1
    assert any("could not be reached" in w and "printed without them" in w for w in feedback.warnings)
    assert tile_share(render(output, tmp_path, dpi=50)) < 0.01
    assert backgrounds.ATTRIBUTIONS["osm"] not in pdf_text(output)
    assert not [layer for layer in result["layout_object"].itemById("map").layers()
                if layer.customProperty(backgrounds.PROPERTY)]


def test_background_none_and_areas(demo, tmp_path):
    none = print_map(demo, "missinglinks", output=str(tmp_path / "none.pdf"), background="none", save=False)
    drawn = {layer.customProperty("territorial_flux_print").split("|")[0]
             for layer in none["layout_object"].itemById("map").layers()}
    assert "areas" not in drawn and "missing_areas" in drawn
    areas = print_map(demo, "missinglinks", output=str(tmp_path / "areas.pdf"), save=False)
    drawn = [layer.customProperty("territorial_flux_print").split("|")[0]
             for layer in areas["layout_object"].itemById("map").layers()]
    assert drawn[-1] == "areas"  # at the bottom, outlines only
    from territorial_flux_plugin.domain.errors import TerritorialFluxError

    with pytest.raises(TerritorialFluxError, match="is not a background"):
        print_map(demo, "missinglinks", output=str(tmp_path / "x.pdf"), background="satellite", save=False)


# --- the workspace project: the canvas shows what prints -------------------------------------------

def test_the_workspace_project_holds_the_backgrounds_off_and_the_aggregated_layers(demo, tmp_path):
    from qgis.core import QgsDataSourceUri, QgsProject

    from territorial_flux_plugin.project import backgrounds, overview
    from territorial_flux_plugin.project.build import open_workspace, workspace_layers

    project = QgsProject()
    open_workspace(demo, project)
    tiles = [layer for layer in project.mapLayers().values() if layer.customProperty(backgrounds.PROPERTY)]
    assert sorted(layer.customProperty(backgrounds.PROPERTY) for layer in tiles) == ["osm", "planign"]
    for layer in tiles:  # XYZ layers: valid offline (no capabilities to fetch), and off
        assert layer.isValid() and layer.providerType() == "wms" and "type=xyz" in layer.source()
        assert not project.layerTreeRoot().findLayer(layer).isVisible()
        key = layer.customProperty(backgrounds.PROPERTY)
        uri = QgsDataSourceUri()
        uri.setEncodedUri(layer.source())
        assert uri.param("url") == backgrounds.URLS[key]
        assert layer.metadata().rights() == [backgrounds.ATTRIBUTIONS[key]]
    aggregated = overview.find_layers(project)
    assert set(aggregated) == {"missing_areas", "area_flows"}
    assert all(layer.isValid() and layer.featureCount() > 0 for layer in aggregated.values())
    # at territory scale the aggregates, closer in the individual marks
    layers = workspace_layers(project)
    assert layers["missing_links"].isInScaleRange(overview.DETAIL_SCALE / 2)
    assert not layers["missing_links"].isInScaleRange(overview.DETAIL_SCALE * 2)
    assert aggregated["missing_areas"].isInScaleRange(overview.DETAIL_SCALE * 2)
    assert not aggregated["missing_areas"].isInScaleRange(overview.DETAIL_SCALE / 2)
    # the canvas counts what the internal-level print counts, plus what only advisors see
    printed = print_map(demo, "missinglinks", output=str(tmp_path / "m.pdf"), level="advisor", save=False)
    from tests.qgis.test_print import layer_of

    count = lambda layer: sorted((f["unit_key"], f["kind"], int(f["flows"])) for f in layer.getFeatures())  # noqa: E731
    assert count(aggregated["missing_areas"]) == count(layer_of(printed["layout_object"], "missing_areas"))
    project.clear()


def test_an_offline_qgis_opens_the_stored_project_without_an_invalid_layer(demo):
    from qgis.core import QgsProject

    from territorial_flux_plugin.project.build import open_workspace

    opened = QgsProject()
    open_workspace(demo, opened)  # the stored project names the copied file from now on
    opened.clear()
    plain = QgsProject()  # as plain QGIS reads it, without the plugin
    assert plain.read("geopackage:{}?projectName=territory".format(demo))
    invalid = [layer.name() for layer in plain.mapLayers().values() if not layer.isValid()]
    assert invalid == []
    plain.clear()
