"""Which table of a partner's file to read: the datasets of a ZIP archive (read through GDAL's
``/vsizip/``), the layers of a GeoPackage, the sheets of a workbook.

One table that an import could use is read directly. Several are never read silently from the
first one: :class:`SeveralTablesError` lists their names, which Processing takes as
``INPUT=file|layername=name`` and the dialogs offer as a list. A table an import could not use
(the flows template's help sheet, a README inside an archive) does not count.
"""

import os
import uuid
import zipfile

from ..domain import importing as rules
from ..domain.errors import TerritorialFluxError, fail
from ..domain.messages import QT_TRANSLATE_NOOP, Message

# files inside an archive that hold a table or a map layer (.dbf only without its .shp)
DATASET_EXTENSIONS = (".shp", ".gpkg", ".geojson", ".json", ".csv", ".txt", ".tsv", ".xlsx", ".ods",
                      ".xls", ".dbf", ".kml", ".gml", ".fgb", ".tab", ".mif", ".sqlite")
SPREADSHEETS = (".xlsx", ".ods", ".xls")
_NOT_DATA = ("readme", "lisezmoi", "licence", "license", "notice", "metadata", "metadonnees")


class SeveralTablesError(TerritorialFluxError):
    """The file holds several tables an import could use; ``names`` are the ones to choose from."""

    def __init__(self, file, names):
        super().__init__(Message(QT_TRANSLATE_NOOP(
            "Validation", "{file} holds several tables that could be imported: {names}. Choose one (in "
                          "Processing: INPUT={file}|layername=NAME)."), file=file, names=", ".join(names)))
        self.file = file
        self.names = list(names)


def is_archive(path):
    """A ZIP archive (spreadsheets are ZIP files inside, but .xlsx and .ods stay spreadsheets)."""
    return os.path.splitext(str(path))[1].lower() == ".zip"


def archive_datasets(path):
    """The members of a ZIP archive that hold a table or a map layer, in the archive's order."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if not n.endswith("/")]
    except (zipfile.BadZipFile, OSError) as error:
        fail(QT_TRANSLATE_NOOP("Validation", "{file} cannot be opened as a ZIP archive ({error})."),
             file=os.path.basename(path), error=str(error))
    kept = [n for n in names if not n.startswith("__MACOSX/") and not os.path.basename(n).startswith(".")]
    bases = {os.path.splitext(n)[0].lower() for n in kept if n.lower().endswith(".shp")}
    datasets = []
    for name in kept:
        stem, extension = os.path.splitext(name)
        extension = extension.lower()
        if extension not in DATASET_EXTENSIONS:
            continue
        if extension == ".dbf" and stem.lower() in bases:
            continue  # a shapefile's attributes
        if any(rules.column_key(os.path.basename(stem)).startswith(w) for w in _NOT_DATA):
            continue
        datasets.append(name)
    return datasets


def member_for(datasets, wanted):
    """The member named ``wanted`` (its path in the archive or its file name, with or without the
    extension, in any case), or None."""
    key = str(wanted or "").strip().lower()
    if not key:
        return None
    for name in datasets:
        lowered = name.lower()
        base = os.path.basename(lowered)
        if key in (lowered, base, os.path.splitext(lowered)[0], os.path.splitext(base)[0]):
            return name
    return None


def vsizip(path, member):
    """GDAL's path of ``member`` inside the archive at ``path``; a workbook is copied into memory
    first (GDAL's spreadsheet drivers do not open a ZIP inside a ZIP)."""
    inner = "/vsizip/{}/{}".format(os.path.abspath(path).replace("\\", "/"), member)
    if os.path.splitext(member)[1].lower() in SPREADSHEETS:
        with zipfile.ZipFile(path) as archive:
            data = archive.read(member)
        from osgeo import gdal

        copy = "/vsimem/territorial_flux_{}/{}".format(uuid.uuid4().hex, os.path.basename(member))
        gdal.FileFromMemBuffer(copy, data)
        return copy
    return inner


def layer_tables(dataset):
    """``[(name, columns, geometry type)]`` of every layer of an open GDAL dataset."""
    from osgeo import ogr

    tables = []
    for index in range(dataset.GetLayerCount()):
        layer = dataset.GetLayer(index)
        definition = layer.GetLayerDefn()
        columns = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
        tables.append((layer.GetName(), columns, ogr.GT_Flatten(definition.GetGeomType())))
    return tables


# --- which tables an import could use -----------------------------------------------------------

def _kind(geometry):
    from osgeo import ogr

    if geometry is None or geometry == ogr.wkbNone:
        return None
    if geometry in (ogr.wkbPoint, ogr.wkbMultiPoint):
        return "point"
    if geometry in (ogr.wkbPolygon, ogr.wkbMultiPolygon, ogr.wkbCurvePolygon, ogr.wkbMultiSurface):
        return "polygon"
    if geometry in (ogr.wkbLineString, ogr.wkbMultiLineString, ogr.wkbCircularString,
                    ogr.wkbCompoundCurve, ogr.wkbMultiCurve):
        return "line"
    return "unknown"


def usable_for_companies(columns, geometry):
    """Points or polygons, or columns with coordinates."""
    if _kind(geometry) in ("point", "polygon", "unknown"):
        return True
    mapping = rules.propose_mapping(columns, rules.COMPANY_TARGETS)
    return ("x" in mapping and "y" in mapping) or ("longitude" in mapping and "latitude" in mapping)


def usable_for_flows(columns, _geometry):
    """Headers that map the fields a flow needs."""
    mapping = rules.propose_mapping(columns, rules.FLOW_TARGETS)
    return "direction" in mapping and "resource" in mapping and ("siret" in mapping or "company" in mapping)


def usable_for_areas(_columns, geometry):
    return _kind(geometry) in ("polygon", "unknown")
