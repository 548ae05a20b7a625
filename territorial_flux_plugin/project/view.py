"""The view a stored project opens on: QGIS's project view settings carry the territory's extent.

QGIS opens a project stored without a canvas (as the workspace's is, written by the plugin rather
than saved from a canvas) on its *default view extent*. Without one, a partner who opens the
workspace in plain QGIS (Project > Open From > GeoPackage) would see every layer listed over a
white canvas at 1:1. The extent is set when the project is built and rewritten when the territory
changes much (an import, the first companies): see :func:`refresh_stored_view`.
"""

import re

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject, QgsRectangle, QgsReferencedRectangle
from qgis.PyQt.QtXml import QDomDocument

from ..domain.extents import changed_much, combined, framed
from ..toolbelt.log import log

_STORED = re.compile(r"<DefaultViewExtent\b([^>]*?)(/>|>.*?</DefaultViewExtent>)", re.S)


def territory_box(workspace):
    """(xmin, ymin, xmax, ymax) of the workspace's active companies and its areas, or None."""
    try:
        return combined(workspace.extent("companies", "status <> 'archived'"), workspace.extent("areas"))
    except Exception as error:  # noqa: BLE001 - a view is a comfort: never fail a job for it
        log("The territory's extent could not be read: {}".format(error))
        return None


def territory_extent(workspace):
    """The view framed on the territory (a QgsRectangle in the workspace's CRS), or None when the
    workspace has neither companies nor areas."""
    box = territory_box(workspace)
    return None if box is None else QgsRectangle(*framed(box))


def crs_extent(crs):
    """Where ``crs`` is meant to be used (its area of use), in its own coordinates, or None."""
    bounds = crs.bounds()
    if bounds.isEmpty():
        return None
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    try:
        return QgsCoordinateTransform(wgs84, crs, QgsProject.instance()).transformBoundingBox(bounds)
    except Exception:  # noqa: BLE001 - QgsCsException: no usable area of use
        return None


def set_view_extent(project, extent, crs=None):
    """Make ``project`` open on ``extent`` (in ``crs``, the project's CRS by default)."""
    if extent is not None and not extent.isEmpty():
        project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(extent, crs or project.crs()))


def stored_view_extent(workspace):
    """The default view extent of the stored project, as (xmin, ymin, xmax, ymax), or None."""
    xml = workspace.stored_project_xml()
    match = _STORED.search(xml or "")
    if not match:
        return None
    values = dict(re.findall(r'(\w+)="([^"]*)"', match.group(1)))
    try:
        return tuple(float(values[k]) for k in ("xmin", "ymin", "xmax", "ymax"))
    except (KeyError, ValueError):
        return None


def with_view_extent(xml, extent, crs):
    """The project ``xml`` opening on ``extent`` (a QgsRectangle in ``crs``)."""
    document = QDomDocument()
    element = document.createElement("DefaultViewExtent")
    for name, value in (("xmin", extent.xMinimum()), ("ymin", extent.yMinimum()),
                        ("xmax", extent.xMaximum()), ("ymax", extent.yMaximum())):
        element.setAttribute(name, repr(float(value)))
    crs.writeXml(element, document)
    document.appendChild(element)
    snippet = document.toString(-1).strip()
    if _STORED.search(xml):
        return _STORED.sub(lambda _m: snippet, xml, count=1)
    if "</ProjectViewSettings>" in xml:
        return xml.replace("</ProjectViewSettings>", snippet + "</ProjectViewSettings>", 1)
    settings = re.search(r"<ProjectViewSettings\b[^>]*?/>", xml)
    if settings:
        opened = settings.group(0)[:-2] + ">"
        return xml.replace(settings.group(0), opened + snippet + "</ProjectViewSettings>", 1)
    return xml.replace("</qgis>", "<ProjectViewSettings>" + snippet + "</ProjectViewSettings></qgis>", 1)


def refresh_stored_view(workspace, force=False):
    """Rewrite the stored project's view on the territory when the territory changed much since
    (or ``force``); True when it was rewritten. A team workspace's project is its administrators':
    for anyone else nothing is written."""
    box = territory_box(workspace)
    if box is None:
        return False
    extent = QgsRectangle(*framed(box))
    try:
        if not force and not changed_much(stored_view_extent(workspace), box):
            return False
        return workspace.rewrite_stored_project(lambda xml: with_view_extent(xml, extent, workspace.crs))
    except Exception as error:  # noqa: BLE001 - no right to change the team's project, a lost server
        log("The stored project's view was left as it was: {}".format(error))
        return False


__all__ = ["territory_extent", "crs_extent", "set_view_extent", "stored_view_extent", "with_view_extent",
           "refresh_stored_view"]
