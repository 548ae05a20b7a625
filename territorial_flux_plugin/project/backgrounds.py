"""Web backgrounds: OpenStreetMap's tiles and IGN's Plan IGN v2 (Géoplateforme), as XYZ tile
layers of QGIS's own ``wms`` provider.

An XYZ layer needs no capabilities document: an offline QGIS opens a project holding one without
an invalid layer or a dialog, and simply draws no tile. The workspace project holds both, off;
a print adds the one its ``BACKGROUND`` names under the areas' outlines, with its attribution on
the page. Before printing, the tile server is tried with a short connection timeout: unreachable,
the map is printed without tiles, within seconds, and the log says so.

The URL templates are preferences (``toolbelt.preferences``: ``background_osm_url``,
``background_planign_url``), so that a test or an organisation with its own tile cache can point
elsewhere; the shipped values are :data:`URLS`.

OpenStreetMap's tile usage policy is for interactive viewing: a print asks for the tile zoom a
96 dpi screen would show for the same map (:func:`zoom_cap`), never the finer ones its
resolution would otherwise fetch.
"""

import math
import socket
from urllib.parse import urlsplit

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsDataSourceUri, QgsProject, QgsRasterLayer

from ..toolbelt.i18n import tr

WEB = ("osm", "planign")
URLS = {
    "osm": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    "planign": ("https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&"
                "LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&TILEMATRIXSET=PM&FORMAT=image/png&"
                "TILEMATRIX={z}&TILEROW={y}&TILECOL={x}"),
}
ATTRIBUTIONS = {"osm": "© OpenStreetMap contributors", "planign": "© IGN – Plan IGN"}
MAX_ZOOM = {"osm": 19, "planign": 19}
#: seconds to wait for the tile server before printing without it
CONNECT_TIMEOUT = 3.0
PROPERTY = "territorial_flux_background"
#: metres per pixel at zoom 0 on the equator (Web Mercator, 256-pixel tiles)
ZOOM0 = 156543.03392804097


def title(key):
    return {"osm": tr("OpenStreetMap (web background)"), "planign": tr("Plan IGN (web background)")}[key]


def url(key):
    """The URL template of background ``key``: the preference, else the shipped one."""
    from ..toolbelt import preferences

    value = getattr(preferences.load(), "background_{}_url".format(key), "") or ""
    return value.strip() or URLS[key]


def source(key, zmax=None, shipped=False):
    """The ``wms`` provider's source of an XYZ layer of background ``key`` (``shipped``: the shipped
    URL, not the preference)."""
    uri = QgsDataSourceUri()
    uri.setParam("type", "xyz")
    uri.setParam("url", URLS[key] if shipped else url(key))
    uri.setParam("zmin", "0")
    uri.setParam("zmax", str(MAX_ZOOM[key] if zmax is None else zmax))
    return bytes(uri.encodedUri()).decode("utf-8")


def tile_layer(key, zmax=None, shipped=False):
    """A new XYZ tile layer of background ``key`` (not added to any project), its attribution in
    its metadata."""
    layer = QgsRasterLayer(source(key, zmax, shipped), title(key), "wms")
    layer.setCustomProperty(PROPERTY, key)
    metadata = layer.metadata()
    metadata.setRights([ATTRIBUTIONS[key]])
    layer.setMetadata(metadata)
    return layer


def reachable(key, timeout=CONNECT_TIMEOUT):
    """True when the tile server of ``key`` accepts a connection within ``timeout`` seconds."""
    parts = urlsplit(url(key).replace("{", "").replace("}", ""))
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        with socket.create_connection((parts.hostname, port), timeout=timeout):
            return True
    except (OSError, ValueError):
        return False


def host(key):
    return urlsplit(url(key).replace("{", "").replace("}", "")).netloc


def zoom_cap(extent, crs, width_mm):
    """The tile zoom a 96 dpi screen would show for a map of ``extent`` (in ``crs``) drawn
    ``width_mm`` wide."""
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    mercator = QgsCoordinateReferenceSystem("EPSG:3857")
    project = QgsProject.instance()
    box = QgsCoordinateTransform(crs, mercator, project).transformBoundingBox(extent)
    latitude = QgsCoordinateTransform(crs, wgs84, project).transform(extent.center()).y()
    pixels = width_mm / 25.4 * 96.0
    metres_per_pixel = box.width() * math.cos(math.radians(latitude)) / max(pixels, 1.0)
    if metres_per_pixel <= 0:
        return 0
    zoom = math.log2(ZOOM0 * math.cos(math.radians(latitude)) / metres_per_pixel)
    return max(0, min(19, int(math.ceil(zoom))))
