"""territorialflux:exportwebmap: a self-contained static web map of what partners may see.

The page is the plugin's own files (``resources/webmap``: index.html, map.js, map.css and the
page's English and French words in i18n.js) with Leaflet, fetched from npm by ``make setup``
into ``resources/webmap/vendor/leaflet``. The plugin writes the data: ``data.js`` (a browser
refuses to fetch files from ``file://``) and the same layers as GeoJSON files in WGS 84. No
request leaves the page unless the background is OpenStreetMap's tiles.
"""

import json
import os
import shutil

from osgeo import ogr, osr

from ..__about__ import PLUGIN_FOLDER
from ..domain import sharing
from ..domain.errors import TerritorialFluxError
from ..domain.messages import QT_TRANSLATE_NOOP
from ..domain.vocabulary import CONFIDENTIALITY_LEVELS, FAMILIES, PARTICIPANT_ROLES, SYNERGY_KINDS, SYNERGY_STATUSES
from ..project.styles import STATUS_COLOURS
from ..toolbelt.i18n import vocabulary_label
from . import files
from .partners import longitude_latitude
from .read import issue_of, read_shared

BACKGROUNDS = ("none", "osm")
PAGE = os.path.join(PLUGIN_FOLDER, "resources", "webmap")
PAGE_FILES = ("index.html", "map.js", "map.css", "i18n.js")
LEAFLET = os.path.join(PAGE, "vendor", "leaflet")
DATA_FILES = ("data.js", "companies.geojson", "flows.geojson", "synergies.geojson")
FAMILY_COLOURS = {"matter": "#8c510a", "waste": "#d73027", "energy": "#f46d43", "water": "#4575b4",
                  "equipment": "#5e3c99", "service": "#1a9850", "skills": "#e7298a", "logistics": "#666666",
                  "space": "#bf812d"}


def leaflet_files():
    """The relative paths of Leaflet's files in the site (``leaflet/...``); a clear error when
    ``make setup`` has not fetched it."""
    if not os.path.isfile(os.path.join(LEAFLET, "leaflet.js")):
        raise TerritorialFluxError(QT_TRANSLATE_NOOP(
            "Validation", "The web map's library (Leaflet) is missing from {folder}: run “make setup” "
                          "(scripts/fetch_leaflet.sh) or install the plugin from its published package."),
            folder=LEAFLET)
    found = []
    for folder, _subfolders, names in os.walk(LEAFLET):
        for name in names:
            if not name.startswith("."):
                relative = os.path.relpath(os.path.join(folder, name), LEAFLET).replace(os.sep, "/")
                found.append("leaflet/" + relative)
    return sorted(found)


def site_files():
    return list(PAGE_FILES) + list(DATA_FILES) + leaflet_files()


def _transform(issue):
    source = osr.SpatialReference()
    source.SetFromUserInput(issue.crs_authid)
    source.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    target = osr.SpatialReference()
    target.ImportFromEPSG(4326)
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return osr.CoordinateTransformation(source, target)


def _line(wkb, transform):
    if wkb is None:
        return None
    geometry = ogr.CreateGeometryFromWkb(bytes(wkb))
    if geometry is None or geometry.IsEmpty():
        return None
    geometry.Transform(transform)
    return json.loads(geometry.ExportToJson(options=["COORDINATE_PRECISION=6"]))


def _point(wkb, transform):
    longitude, latitude = longitude_latitude(wkb, transform)
    if longitude is None:
        return None
    return {"type": "Point", "coordinates": [round(longitude, 6), round(latitude, 6)]}


def _collection(features):
    return {"type": "FeatureCollection", "features": features}


def _properties(row, table):
    out = {}
    for column in sharing.SHARED_COLUMNS[table]:
        value = row.get(column)
        out[column] = bool(value) if column in sharing.BOOLEAN_COLUMNS and value is not None else value
    return out


def layers(rows, issue):
    """The three GeoJSON collections (WGS 84): companies, flows (each at its company's point) and
    synergies."""
    transform = _transform(issue)
    points = {}
    companies = []
    for row in rows.companies:
        geometry = _point(row.get("geom"), transform)
        points[row["uid"]] = geometry
        companies.append({"type": "Feature", "geometry": geometry, "properties": _properties(row, "companies")})
    names = {row["uid"]: row["name"] for row in rows.companies}
    flows = []
    for row in rows.flows:
        properties = _properties(row, "flows")
        properties["company_name"] = names.get(row["company_uid"])
        flows.append({"type": "Feature", "geometry": points.get(row["company_uid"]), "properties": properties})
    synergies = [{"type": "Feature", "geometry": _line(row.get("geom"), transform),
                  "properties": _properties(row, "synergies")} for row in rows.synergies]
    return _collection(companies), _collection(flows), _collection(synergies)


def _labels(vocabulary):
    return {key: vocabulary_label(label) for key, label in vocabulary.items()}


def page_data(rows, issue, title, background, language):
    companies, flows, synergies = layers(rows, issue)
    return {
        "language": language, "title": title, "organisation": issue.organisation, "date": issue.date,
        "level": issue.level, "levelLabel": vocabulary_label(CONFIDENTIALITY_LEVELS[issue.level]),
        "licence": {"id": issue.licence, "name": issue.licence_name, "url": issue.licence_url},
        "source": issue.source, "background": background,
        "families": _labels(FAMILIES), "familyColours": FAMILY_COLOURS,
        "statuses": {k: v for k, v in _labels(SYNERGY_STATUSES).items() if k != "abandoned"},
        "statusColours": STATUS_COLOURS, "kinds": _labels(SYNERGY_KINDS), "roles": _labels(PARTICIPANT_ROLES),
        "companies": companies, "flows": flows, "synergies": synergies,
        "participants": [dict(p) for p in rows.participants],
    }


def _write_json(path, value):
    with open(path, "w", encoding="utf-8") as out:
        json.dump(value, out, ensure_ascii=True, separators=(",", ":"))


def export_webmap(workspace, level="public", title=None, organisation=None, licence="etalab-2.0", background="none",
                  output=None, language="en", feedback=None):
    """Write the site into the folder ``output``; returns ``{"output", "index", "counts"}``. All or nothing."""
    if background not in BACKGROUNDS:
        raise TerritorialFluxError(QT_TRANSLATE_NOOP(
            "Validation", "Unknown background {background}: use one of {backgrounds}."),
            background=background, backgrounds=", ".join(BACKGROUNDS))
    issue = issue_of(workspace, level, licence, organisation)
    expected = set(site_files())
    output = files.check_folder_output(output, lambda relative: relative in expected)
    rows = read_shared(workspace, level, language)
    if feedback is not None:
        feedback.setProgress(40)
    data = page_data(rows, issue, (title or "").strip() or issue.workspace_name, background, language)
    with files.staging(output) as staged:
        site = os.path.join(staged, "site")
        os.mkdir(site)
        for name in PAGE_FILES:
            shutil.copyfile(os.path.join(PAGE, name), os.path.join(site, name))
        shutil.copytree(LEAFLET, os.path.join(site, "leaflet"), ignore=shutil.ignore_patterns(".*"))
        with open(os.path.join(site, "data.js"), "w", encoding="utf-8") as out:
            out.write("window.TERRITORIAL_FLUX = ")
            json.dump(data, out, ensure_ascii=True, separators=(",", ":"))
            out.write(";\n")
        for table in ("companies", "flows", "synergies"):
            _write_json(os.path.join(site, table + ".geojson"), data[table])
        files.place_folder(site, output)
    return {"output": output, "index": os.path.join(output, "index.html"), "counts": rows.counts}
