"""territorialflux:exportpartners: the shared rows as a GeoPackage (styled, with a project inside),
a workbook (XLSX) or CSV files, each with its ``readme``.

The tables are written with GDAL (``osgeo.ogr``, shipped with QGIS on every platform); the
GeoPackage is then styled by QGIS (:mod:`.styling`). Points become ``longitude`` and ``latitude``
in WGS 84 in the workbook and the CSV files; synergies lose their lines there.
"""

import csv
import os

from osgeo import gdal, ogr, osr

from ..domain import sharing
from ..domain.errors import TerritorialFluxError
from ..domain.messages import QT_TRANSLATE_NOOP
from ..toolbelt.i18n import tr, vocabulary_label
from . import files
from .read import issue_of, read_shared

EXTENSIONS = {"gpkg": "gpkg", "xlsx": "xlsx"}
CSV_FILES = ["{}.csv".format(t) for t in sharing.SHARED_TABLES] + ["readme.csv"]
README = "readme"
WGS84_COLUMNS = ["longitude", "latitude"]


def readme_rows(issue, counts):
    """(key, label in words, value): the metadata record every format carries."""
    from ..domain.vocabulary import CONFIDENTIALITY_LEVELS

    return [
        ("title", tr("Title"), tr("{territory}: companies, flows and synergies shared with partners").format(
            territory=issue.workspace_name)),
        ("organisation", tr("Issuing organisation"), issue.organisation),
        ("source", tr("Source"), issue.source),
        ("date", tr("Date of the export"), issue.date),
        ("level", tr("Confidentiality level"), "{} ({})".format(
            issue.level, vocabulary_label(CONFIDENTIALITY_LEVELS[issue.level]))),
        ("licence", tr("Licence"), "{} ({})".format(issue.licence_name, issue.licence)),
        ("licence_url", tr("Licence text"), issue.licence_url),
        ("crs", tr("Coordinate reference system"), issue.crs_authid),
        ("companies", tr("Companies"), str(counts["companies"])),
        ("flows", tr("Offers and needs"), str(counts["flows"])),
        ("synergies", tr("Synergies"), str(counts["synergies"])),
        ("personal_data", tr("Personal data"), tr(
            "None: no contact, e-mail, phone, login, note, address, cost or saving is exported.")),
    ]


def _field_type(column):
    if column in sharing.REAL_COLUMNS or column in WGS84_COLUMNS:
        return ogr.OFTReal, None
    if column in sharing.BOOLEAN_COLUMNS:
        return ogr.OFTInteger, ogr.OFSTBoolean
    if column in sharing.DATE_COLUMNS:
        return ogr.OFTDate, None
    return ogr.OFTString, None


def _srs(authid_or_wkt):
    srs = osr.SpatialReference()
    if srs.SetFromUserInput(authid_or_wkt) != 0:
        raise TerritorialFluxError(QT_TRANSLATE_NOOP(
            "Validation", "Cannot understand the workspace's coordinate reference system {crs}."), crs=authid_or_wkt)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _wgs84_transform(issue):
    target = osr.SpatialReference()
    target.ImportFromEPSG(4326)
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return osr.CoordinateTransformation(_srs(issue.crs_authid), target)


def longitude_latitude(wkb, transform):
    """(longitude, latitude) of a point's WKB, rounded to 7 decimals (1 cm), or (None, None)."""
    if wkb is None:
        return None, None
    geometry = ogr.CreateGeometryFromWkb(bytes(wkb))
    if geometry is None or geometry.IsEmpty():
        return None, None
    geometry.Transform(transform)
    return round(geometry.GetX(), 7), round(geometry.GetY(), 7)


def _failed(path):
    raise TerritorialFluxError(QT_TRANSLATE_NOOP(
        "Validation", "GDAL could not write {path}: {error}"), path=path, error=gdal.GetLastErrorMsg() or "?")


def _create_layer(source, path, name, srs, geometry, columns, options=()):
    geometry_type = {"POINT": ogr.wkbPoint, "MULTILINESTRING": ogr.wkbMultiLineString, None: ogr.wkbNone}[geometry]
    layer = source.CreateLayer(name, srs if geometry else None, geometry_type, options=list(options))
    if layer is None:
        _failed(path)
    for column in columns:
        kind, subtype = _field_type(column)
        definition = ogr.FieldDefn(column, kind)
        if subtype is not None:
            definition.SetSubType(subtype)
        if layer.CreateField(definition) != 0:
            _failed(path)
    return layer


def _add(layer, path, values, wkb=None):
    feature = ogr.Feature(layer.GetLayerDefn())
    for column, value in values.items():
        if value is None:
            feature.SetFieldNull(column)
        elif isinstance(value, bool):
            feature.SetField(column, int(value))
        else:
            feature.SetField(column, value)
    if wkb is not None:
        feature.SetGeometry(ogr.CreateGeometryFromWkb(bytes(wkb)))
    if layer.CreateFeature(feature) != 0:
        _failed(path)


def _write_tables(path, driver_name, rows, issue, with_geometry, options=None):
    driver = ogr.GetDriverByName(driver_name)
    source = driver.CreateDataSource(path)
    if source is None:
        _failed(path)
    transform = None if with_geometry else _wgs84_transform(issue)
    # GeoPackage writes in transactions; GDAL 3.10's workbook driver refuses them (it writes the
    # file whole when closed, so it needs none)
    batched = bool(source.TestCapability(ogr.ODsCTransactions))
    srs = _srs(issue.crs_authid) if with_geometry else None
    for table in sharing.SHARED_TABLES:
        geometry = sharing.GEOMETRIES[table] if with_geometry else None
        columns = list(sharing.SHARED_COLUMNS[table])
        points = not with_geometry and sharing.GEOMETRIES[table] == "POINT"
        if points:
            columns += WGS84_COLUMNS
        layer = _create_layer(source, path, table, srs, geometry, columns, (options or {}).get(table, ()))
        if batched:
            source.StartTransaction()
        for row in rows.table(table):
            values = {c: row.get(c) for c in sharing.SHARED_COLUMNS[table]}
            if points:
                values["longitude"], values["latitude"] = longitude_latitude(row.get("geom"), transform)
            _add(layer, path, values, row.get("geom") if geometry else None)
        if batched:
            source.CommitTransaction()
    layer = _create_layer(source, path, README, None, None, ["key", "label", "value"],
                          (options or {}).get(README, ()))
    if batched:
        source.StartTransaction()
    for key, label, value in readme_rows(issue, rows.counts):
        _add(layer, path, {"key": key, "label": label, "value": value})
    if batched:
        source.CommitTransaction()
    # The file is complete only once GDAL closes it (the workbook is written then): no reference
    # to the data source or its layers may outlive this function.
    gdal.ErrorReset()
    layer = None
    source = None  # noqa: F841
    if gdal.GetLastErrorType() >= gdal.CE_Failure or not os.path.isfile(path):
        _failed(path)


def _gpkg_options(issue):
    titles = {"companies": tr("Companies"), "flows": tr("Offers and needs"), "synergies": tr("Synergies"),
              "synergy_participants": tr("Synergy participants"), README: tr("About this export")}
    return {table: ["FID=fid", "GEOMETRY_NAME=geom", "IDENTIFIER=" + title,
                    "DESCRIPTION=" + "{} — {} — {}".format(title, issue.organisation, issue.licence_name)]
            for table, title in titles.items()}


def _write_csv(folder, rows, issue):
    transform = _wgs84_transform(issue)
    for table in sharing.SHARED_TABLES:
        columns = list(sharing.SHARED_COLUMNS[table])
        points = sharing.GEOMETRIES[table] == "POINT"
        with open(os.path.join(folder, table + ".csv"), "w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
            writer.writerow(columns + (WGS84_COLUMNS if points else []))
            for row in rows.table(table):
                values = [row.get(c) for c in columns]
                if points:
                    values += list(longitude_latitude(row.get("geom"), transform))
                writer.writerow([sharing.decimal_comma(v) for v in values])
    with open(os.path.join(folder, "readme.csv"), "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow(["key", "label", "value"])
        writer.writerows(readme_rows(issue, rows.counts))


def export_partners(workspace, level="partners", organisation=None, licence="etalab-2.0", file_format="gpkg",
                    output=None, language="en", feedback=None):
    """Write the export; returns ``{"output": path, "counts": {...}}``. All or nothing."""
    if file_format not in sharing.FORMATS:
        raise TerritorialFluxError(QT_TRANSLATE_NOOP(
            "Validation", "Unknown format {format}: use one of {formats}."), format=file_format,
            formats=", ".join(sharing.FORMATS))
    issue = issue_of(workspace, level, licence, organisation)
    if file_format == "csv":
        output = files.check_folder_output(output, lambda relative: relative in CSV_FILES)
    else:
        output = files.check_file_output(output, EXTENSIONS[file_format])
    rows = read_shared(workspace, level, language)
    if feedback is not None:
        feedback.setProgress(30)
    with files.staging(output) as staged:
        if file_format == "csv":
            built = os.path.join(staged, "export")
            os.mkdir(built)
            _write_csv(built, rows, issue)
            files.place_folder(built, output)
        else:
            built = os.path.join(staged, os.path.basename(output))
            if file_format == "gpkg":
                _write_tables(built, "GPKG", rows, issue, True, _gpkg_options(issue))
                if feedback is not None:
                    feedback.setProgress(60)
                from .styling import style_geopackage

                style_geopackage(built, issue, language)
            else:
                _write_tables(built, "XLSX", rows, issue, False)
            files.place_file(built, output)
    return {"output": output, "counts": rows.counts}
