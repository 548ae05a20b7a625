"""Loading partner data into a workspace: companies and flows from files, all or nothing.

Reading goes through GDAL/OGR (shapefiles, GeoPackages, GeoJSON, XLSX/ODS sheets; in
batches through its Arrow interface when GDAL has it) and through Python's csv module for
CSV (encoding and delimiter detected, decimal commas understood). Every row is validated
by :mod:`..domain.importing` before anything is written; then the rows go into the
GeoPackage in one SQLite transaction: a failure or a cancel rolls it back and leaves the file
exactly as it was. Rows that are not imported are listed, with a reason, in a rejects CSV.

For large imports the per-row insert triggers of ``companies`` that have a set-based
equivalent (foreign key and rule checks that raise, the audit trail and spatial index rows
they add) are set aside inside the transaction, replayed over the new rows with one
statement each, and recreated from their stored SQL before the commit, as GDAL does with the
spatial index when it loads a layer in bulk. The CHECK constraints of the columns read from
the file are verified over each chunk by one query (those of the values the importer makes
itself, uids and timestamps, hold by construction); every other trigger runs as usual, and a
failure rolls everything back, the triggers included.
"""

import codecs
import collections
import csv
import datetime
import getpass
import json
import math
import os
import queue
import re
import sqlite3
import struct
import sys
import threading
import uuid
from contextlib import closing, contextmanager

from ..domain import importing as rules
from ..domain.codes import parse_code
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..domain.siret import normalise_siret, siret_problem
from ..domain.uids import random_uids
from ..domain.vocabulary import HEADCOUNT_BANDS
from ..domain.units import FAMILY_UNITS
from ..storage import rtree
from ..storage.database import restore_journal, rollback_journal_while_alone
from ..domain.nomenclature import resource_rows

BULK_THRESHOLD = 500
CHUNK = 5000  # rows checked before they are handed to the writer
FIRST_CHUNK = 1000
PREVIEW_ROWS = 20


class ImportFailedError(Exception):
    """An import that cannot go ahead; ``args[0]`` is a :class:`Message`. Nothing was written."""

    @property
    def message(self):
        return self.args[0]

    def __str__(self):
        return str(self.args[0])


class ImportCanceledError(Exception):
    """The person canceled; nothing was written."""


def _fail(template, **values):
    raise ImportFailedError(Message(template, **values))


class _Quiet:
    """A feedback that reports nothing (for scripts and the dialog's preview)."""

    def setProgress(self, value):  # noqa: N802
        pass

    def isCanceled(self):  # noqa: N802
        return False

    def pushInfo(self, text):  # noqa: N802
        pass

    def pushWarning(self, text):  # noqa: N802
        pass


def _identity(_context, text):
    return text


# --- sources --------------------------------------------------------------------------------

def split_input(value):
    """``'file.gpkg|layername=sites'`` -> (``'file.gpkg'``, ``'sites'``)."""
    path, _sep, rest = str(value).partition("|")
    layer = None
    for part in rest.split("|"):
        if part.startswith("layername="):
            layer = part[len("layername="):]
    return path.strip(), layer


def _sibling(path, extension):
    base = os.path.splitext(path)[0]
    for candidate in (base + extension, base + extension.upper()):
        if os.path.exists(candidate):
            return candidate
    folder = os.path.dirname(path) or "."
    wanted = os.path.basename(base + extension).lower()
    for name in os.listdir(folder):
        if name.lower() == wanted:
            return os.path.join(folder, name)
    return None


def _cell(value):
    """A source value as text (None for a null), whatever type the reader gave."""
    if value is None:
        return None
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    if isinstance(value, str):
        return value
    return str(value)


def _point_from_wkb(wkb):
    """``(x, y, problem)`` from a WKB geometry: a point, a one-point multipoint, or a problem."""
    if wkb is None:
        return None, None, None
    data = bytes(wkb)
    if len(data) < 9 or not any(data):
        return None, None, None  # a null geometry (Arrow gives it as empty or zero bytes)
    if len(data) >= 21:
        order = "<" if data[0] == 1 else ">"
        kind = struct.unpack_from(order + "I", data, 1)[0]
        if (kind & 0x0FFFFFFF) % 1000 == 1:
            x, y = struct.unpack_from(order + "dd", data, 5)
            return _checked(x, y)
    from osgeo import ogr

    geometry = ogr.CreateGeometryFromWkb(data)
    if geometry is None:
        return None, None, Message(QT_TRANSLATE_NOOP("Validation", "The geometry cannot be read."))
    if geometry.IsEmpty():
        return None, None, None
    if geometry.GetGeometryCount() == 1 and ogr.GT_Flatten(geometry.GetGeometryType()) == ogr.wkbMultiPoint:
        geometry = geometry.GetGeometryRef(0)
    if ogr.GT_Flatten(geometry.GetGeometryType()) != ogr.wkbPoint:
        return None, None, Message(QT_TRANSLATE_NOOP(
            "Validation", "The geometry is a {kind}, not a point: a company is one point."),
            kind=geometry.GetGeometryName().lower())
    return _checked(geometry.GetX(), geometry.GetY())


def _checked(x, y):
    if math.isnan(x) and math.isnan(y):
        return None, None, None  # an empty point
    if not (math.isfinite(x) and math.isfinite(y)):
        return None, None, Message(QT_TRANSLATE_NOOP(
            "Validation", "The geometry is invalid (its coordinates are not numbers)."))
    return x, y, None


class Source:
    """A table of partner data: its columns, CRS, and rows ``(row number, values, x, y, problem)``."""

    has_geometry = False
    crs_wkt = None
    first_row = 1  # the row number people see for the first data row
    encoding = None

    def __init__(self, path, layer=None):
        self.path = path
        self.layer_name = layer
        self.file = os.path.basename(path) + ("|" + layer if layer else "")
        self.columns = []

    def rows(self, feedback=None):
        raise NotImplementedError

    def count(self):
        return None

    def preview(self, limit=PREVIEW_ROWS):
        out = []
        for row in self.rows():
            out.append(row)
            if len(out) >= limit:
                break
        return out


class CsvSource(Source):
    """A CSV file, read as a stream (SIRENE's national files are several gigabytes).

    The encoding is detected on the first megabytes; a later byte that contradicts it stops the
    import with a message asking for ENCODING.
    """

    first_row = 2
    SAMPLE = 8 * 1024 * 1024

    def __init__(self, path, encoding=None):
        super().__init__(path)
        with open(path, "rb") as handle:
            sample = handle.read(self.SAMPLE)
        if not sample.strip():
            _fail(QT_TRANSLATE_NOOP("Validation", "{file} is empty."), file=self.file)
        if b"\x00" in sample[:65536]:
            _fail(QT_TRANSLATE_NOOP(
                "Validation", "{file} is not a text file, so not a CSV: is it a spreadsheet or an "
                              "archive under another name? Save it as CSV or give the real file."),
                file=self.file)
        if len(sample) == self.SAMPLE:  # do not judge on a character cut in two
            sample = sample[:sample.rfind(b"\n") + 1] or sample
        codec = rules.python_encoding(encoding) if encoding else rules.detect_encoding(sample)
        if codec is None:
            _fail(QT_TRANSLATE_NOOP("Validation", "'{encoding}' is not an encoding this computer knows."),
                  encoding=encoding)
        if codec == "utf-8" and sample.startswith(b"\xef\xbb\xbf"):
            codec = "utf-8-sig"
        self.encoding = codec
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            _fail(QT_TRANSLATE_NOOP("Validation", "{file} is not written in {encoding}: check ENCODING."),
                  file=self.file, encoding=encoding)
        header = next((line for line in text.splitlines() if line.strip()), "")
        self.delimiter = rules.sniff_delimiter(header)
        if self.delimiter is None:
            _fail(QT_TRANSLATE_NOOP(
                "Validation", "{file}: only one column was found in its first line ('{header}'). The "
                              "columns of a CSV must be separated by ';', ',', a tab or '|'."),
                file=self.file, header=header[:80])
        self.columns = [c.strip() for c in next(csv.reader([header], delimiter=self.delimiter))]
        self._count = self._count_rows()
        if not self._count:
            _fail(QT_TRANSLATE_NOOP("Validation", "{file} has a header but no rows."), file=self.file)

    def _count_rows(self):
        """Lines after the header that are not blank (an estimate when values hold line breaks)."""
        lines = 0
        tail = b""
        with open(self.path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 22), b""):
                lines += chunk.count(b"\n")
                tail = chunk
        if tail and not tail.endswith(b"\n"):
            lines += 1
        if lines <= 1:
            with open(self.path, "rb") as handle:
                rest = handle.read().split(b"\n", 1)
            return 1 if len(rest) > 1 and rest[1].strip() else 0
        return lines - 1

    def count(self):
        return self._count

    def rows(self, feedback=None):
        width = len(self.columns)
        with open(self.path, encoding=self.encoding, newline="") as handle:
            reader = csv.reader(handle, delimiter=self.delimiter)
            try:
                next(reader)
                for number, values in enumerate(reader, start=2):
                    if not any(v.strip() for v in values):
                        continue
                    problem = None
                    if len(values) != width:
                        problem = Message(QT_TRANSLATE_NOOP(
                            "Validation", "This row has {found} values where the header has {expected} "
                                          "columns (a delimiter inside a value without quotes?)."),
                            found=len(values), expected=width)
                        values = (values + [""] * width)[:width]
                    yield number, [v.strip() or None for v in values], None, None, problem
            except UnicodeDecodeError:
                _fail(QT_TRANSLATE_NOOP(
                    "Validation", "{file} is not all written in {encoding} (its first lines are): set "
                                  "ENCODING to the right one, probably windows-1252."),
                    file=self.file, encoding=self.encoding)


class OgrSource(Source):
    def __init__(self, path, layer=None, encoding=None):
        super().__init__(path, layer)
        from osgeo import gdal

        extension = os.path.splitext(path)[1].lower()
        options = []
        if extension == ".shp":
            self._check_shapefile(path, encoding, options)
        elif extension in (".xlsx", ".ods", ".xls"):
            # the first row holds the headers, every cell is read as written (SIRETs keep their digits)
            driver = "ODS" if extension == ".ods" else "XLSX"
            self._config = {"OGR_{}_HEADERS".format(driver): "FORCE",
                            "OGR_{}_FIELD_TYPES".format(driver): "STRING"}
            self.first_row = 2
        elif extension == ".dbf" and encoding:
            options.append("ENCODING=" + (rules.python_encoding(encoding) or encoding))
        saved = {key: gdal.GetConfigOption(key) for key in self._config}
        for key, value in self._config.items():
            gdal.SetConfigOption(key, value)
        try:
            self._open(path, layer, options, extension)
        finally:
            for key, value in saved.items():
                gdal.SetConfigOption(key, value)

    _config = {}

    def _open(self, path, layer, options, extension):
        from osgeo import gdal, ogr

        with _gdal_errors() as errors:
            try:
                self.dataset = gdal.OpenEx(path, gdal.OF_VECTOR, open_options=options)
            except RuntimeError as error:  # GDAL's Python exceptions on (newer GDAL, or another plugin)
                errors.append(str(error))
                self.dataset = None
        if self.dataset is None:
            _fail(QT_TRANSLATE_NOOP(
                "Validation", "{file} cannot be read as a table or a map layer: is it really a "
                              "{kind} file? ({error})"),
                file=self.file, kind=extension.lstrip(".").upper() or "?",
                error=(errors[-1] if errors else "unknown format"))
        if layer:
            self.layer = self.dataset.GetLayerByName(layer)
            if self.layer is None:
                _fail(QT_TRANSLATE_NOOP("Validation", "{file} has no layer called {layer}."),
                      file=os.path.basename(path), layer=layer)
        else:
            if self.dataset.GetLayerCount() == 0:
                _fail(QT_TRANSLATE_NOOP("Validation", "{file} contains no table."), file=self.file)
            self.layer = self.dataset.GetLayer(0)
        definition = self.layer.GetLayerDefn()
        self.columns = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
        self.has_geometry = definition.GetGeomType() != ogr.wkbNone
        srs = self.layer.GetSpatialRef()
        self.crs_wkt = srs.ExportToWkt() if srs is not None else None
        self._count = self.layer.GetFeatureCount()
        self.layer.ResetReading()
        self.layer.GetNextFeature()  # spreadsheets are parsed here, while the options hold
        if not self.columns and not self.has_geometry:
            _fail(QT_TRANSLATE_NOOP("Validation", "{file} has no columns."), file=self.file)
        if self._count == 0:
            _fail(QT_TRANSLATE_NOOP("Validation", "{file} is empty: it has no rows."), file=self.file)

    def _check_shapefile(self, path, encoding, options):
        name = os.path.basename(path)
        if _sibling(path, ".shx") is None:
            _fail(QT_TRANSLATE_NOOP(
                "Validation", "The shapefile {file} has no .shx file beside it: a shapefile is several "
                              "files (.shp, .shx, .dbf, .prj…); copy them all into the same folder."),
                file=name)
        dbf = _sibling(path, ".dbf")
        if dbf is None:
            _fail(QT_TRANSLATE_NOOP(
                "Validation", "The shapefile {file} has no .dbf file beside it: without it the "
                              "companies have no attributes. Copy it into the same folder."),
                file=name)
        if encoding:
            codec = rules.python_encoding(encoding)
            if codec is None:
                _fail(QT_TRANSLATE_NOOP("Validation", "'{encoding}' is not an encoding this computer knows."),
                      encoding=encoding)
            options.append("ENCODING=" + codec)
            self.encoding = codec
            return
        with open(dbf, "rb") as handle:
            raw = handle.read()
        header_length = struct.unpack_from("<H", raw, 8)[0] if len(raw) > 10 else 0
        records = raw[header_length:]
        cpg = _sibling(path, ".cpg")
        if cpg is not None:
            with open(cpg, "rb") as handle:
                declared = handle.read().decode("ascii", "replace").strip()
            problem = rules.declared_encoding_problem(declared, records, os.path.basename(cpg))
            if problem is not None:
                raise ImportFailedError(problem)
            self.encoding = rules.python_encoding(declared)
        else:
            self.encoding = rules.detect_encoding(records)
            if self.encoding == "utf-8-sig":
                self.encoding = "utf-8"
        options.append("ENCODING=" + self.encoding)

    def count(self):
        return self._count

    def rows(self, feedback=None):
        self.layer.ResetReading()
        if hasattr(self.layer, "GetArrowStreamAsNumPy"):
            try:
                yield from self._arrow_rows()
                return
            except _ArrowUnavailableError:
                self.layer.ResetReading()
        number = self.first_row
        count = len(self.columns)
        for feature in self.layer:
            values = [_cell(feature.GetField(i)) if feature.IsFieldSetAndNotNull(i) else None
                      for i in range(count)]
            x = y = problem = None
            if self.has_geometry:
                geometry = feature.GetGeometryRef()
                if geometry is not None:
                    x, y, problem = _point_from_wkb(geometry.ExportToIsoWkb())
            values = [v.strip() or None if isinstance(v, str) else v for v in values]
            if x is None and problem is None and not any(v is not None for v in values):
                number += 1
                continue  # an empty row of a spreadsheet
            yield number, values, x, y, problem
            number += 1

    def _raw_text_layer(self):
        """A shapefile's layer opened again without GDAL's recoding, and its field names.

        GDAL recodes a shapefile's text field by field, which costs several times the reading
        itself; the bytes are decoded here instead, column by column, with the same encoding.
        """
        from osgeo import gdal

        if not self.encoding or os.path.splitext(self.path)[1].lower() not in (".shp", ".dbf"):
            return None, None, None
        with _gdal_errors():
            try:
                dataset = gdal.OpenEx(self.path, gdal.OF_VECTOR, open_options=["ENCODING="])
            except RuntimeError:  # GDAL's Python exceptions on: read with GDAL's recoding instead
                dataset = None
        layer = dataset.GetLayer(0) if dataset is not None else None
        if layer is None or layer.GetLayerDefn().GetFieldCount() != len(self.columns):
            return None, None, None
        definition = layer.GetLayerDefn()
        names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
        if len(set(names)) != len(names):
            return None, None, None
        return dataset, layer, names

    def _arrow_rows(self):
        dataset, layer, names = self._raw_text_layer()
        encoding = self.encoding if dataset is not None else "utf-8"
        if dataset is None:
            layer, names = self.layer, self.columns
        try:
            stream = layer.GetArrowStreamAsNumPy(options=["INCLUDE_FID=NO", "MAX_FEATURES_IN_BATCH={}".format(CHUNK)])
        except Exception as error:  # noqa: BLE001 - old GDAL or a driver without Arrow
            raise _ArrowUnavailableError() from error
        geometry_key = layer.GetGeometryColumn() or "wkb_geometry"
        number = self.first_row
        for batch in stream:
            columns = [_column_text(batch[name].tolist(), encoding) for name in names]
            size = len(columns[0]) if columns else len(batch[geometry_key])
            geometries = batch[geometry_key] if self.has_geometry and geometry_key in batch else None
            points = _simple_points(geometries) if geometries is not None else None
            rows = zip(*columns) if columns else ([] for _i in range(size))
            for index, values in enumerate(rows):
                values = list(values)
                x = y = problem = None
                if points is not None:
                    x, y, problem = points[index]
                elif geometries is not None:
                    x, y, problem = _point_from_wkb(geometries[index])
                if x is None and problem is None and not any(v is not None for v in values):
                    number += 1
                    continue  # an empty row of a spreadsheet
                yield number, values, x, y, problem
                number += 1


def _simple_points(geometries):
    """``(x, y, problem)`` of a batch whose geometries are all little-endian 2D points with
    finite coordinates, read at once; None for any other batch (read geometry by geometry)."""
    import numpy as np

    data = [b"" if g is None else bytes(g) for g in geometries]
    if not data or any(len(d) != 21 for d in data):
        return None
    raw = np.frombuffer(b"".join(data), dtype=np.uint8).reshape(-1, 21)
    if (raw[:, 0] != 1).any() or (raw[:, 1:5].copy().view("<u4").ravel() != 1).any():
        return None
    xy = raw[:, 5:21].copy().view("<f8")
    if not np.isfinite(xy).all():
        return None
    return [(x, y, None) for x, y in xy.tolist()]


def _column_text(values, encoding="utf-8"):
    """One column of an Arrow batch as stripped text (None for nulls and blanks)."""
    sample = next((v for v in values if v is not None), None)
    if isinstance(sample, bytes):
        if not codecs.lookup(encoding).name.startswith(("utf-16", "utf-32")):
            # decoded in one call rather than value by value (the codec's call costs more than the work)
            texts = b"\x1f".join(b"" if v is None else v for v in values).decode(encoding, "replace").split("\x1f")
            if len(texts) == len(values):
                return [(t.strip() or None) if v is not None else None for t, v in zip(texts, values)]
        return [(v.decode(encoding, "replace").strip() or None) if v is not None else None for v in values]
    if isinstance(sample, str):
        return [(v.strip() or None) if v is not None else None for v in values]
    return [_cell(v) for v in values]


class _ArrowUnavailableError(Exception):
    pass


class _gdal_errors:  # noqa: N801 - a context manager
    """Collect GDAL's error messages instead of printing them."""

    def __enter__(self):
        from osgeo import gdal

        self.messages = []

        def handler(_class, _number, text):
            self.messages.append(text)

        gdal.PushErrorHandler(handler)
        return self.messages

    def __exit__(self, *exc):
        from osgeo import gdal

        gdal.PopErrorHandler()
        return False


def open_source(value, encoding=None):
    """The Source for ``value`` (a path, or ``path|layername=name``); ImportFailedError if unreadable."""
    path, layer = split_input(value)
    name = os.path.basename(path) or str(value)
    if not path or not os.path.exists(path):
        _fail(QT_TRANSLATE_NOOP("Validation", "{file} does not exist."), file=path or value)
    if os.path.isdir(path):
        _fail(QT_TRANSLATE_NOOP("Validation", "{file} is a folder: choose a file."), file=name)
    if os.path.getsize(path) == 0:
        _fail(QT_TRANSLATE_NOOP("Validation", "{file} is empty."), file=name)
    extension = os.path.splitext(path)[1].lower()
    if extension in (".csv", ".txt", ".tsv"):
        return CsvSource(path, encoding)
    return OgrSource(path, layer, encoding)


# --- the workspace side ---------------------------------------------------------------------

def _gpkg_blob(srs_id):
    header = struct.pack("<2sBBi", b"GP", 0, 1, srs_id)
    point = struct.Struct("<BIdd")

    def blob(x, y):
        return header + point.pack(1, 1, x, y)

    return blob


def connect(path):
    """A writing connection to a GeoPackage, with the functions its spatial index triggers call."""
    from ..storage.database import sqlite_database

    return sqlite_database(path).connection


def _srs(user_input):
    from osgeo import osr

    srs = osr.SpatialReference()
    if srs.SetFromUserInput(user_input) != 0:
        return None
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


class WorkspaceFacts:
    """What an import needs to know of the workspace, read once.

    ``workspace``: the path of a GeoPackage workspace, or a team workspace (PostGIS).
    """

    def __init__(self, workspace):
        self.team = None if isinstance(workspace, str) else workspace
        if self.team is not None:
            self._read_team()
        else:
            self._read_geopackage(workspace)
        self.srs = _srs(self.crs_authid) or (_srs(self.crs_wkt) if self.crs_wkt else None)
        if self.srs is None:
            _fail(QT_TRANSLATE_NOOP("Validation", "The workspace's CRS {crs} is unknown to GDAL."),
                  crs=self.crs_authid)

    def _read_team(self):
        from ..storage.database import opened

        extent = ("SELECT ST_XMin(e) AS minx, ST_XMax(e) AS maxx, ST_YMin(e) AS miny, ST_YMax(e) AS maxy "
                  "FROM (SELECT ST_Extent(geom) AS e FROM {{t:{}}}{}) AS s")
        self.path = self.team.reference
        with opened(self.team) as database:
            info = {r["key"]: r["value"] for r in database.rows("SELECT key, value FROM {t:workspace_info}")}
            self.srs_id = self.team.srid
            self.crs_authid = info.get("crs") or "EPSG:{}".format(self.srs_id)
            self.crs_wkt = None
            self.naf_codes = {r["code"] for r in database.rows("SELECT code FROM {t:naf_nomenclature}")}
            self.territory = tuple(database.rows(extent.format("areas", " WHERE kind = 'territory'"))[0].values())
            self.companies_extent = tuple(database.rows(extent.format("companies", ""))[0].values())

    def _read_geopackage(self, path):
        if not os.path.isfile(path):
            _fail(QT_TRANSLATE_NOOP("Validation", "{file} does not exist."), file=path)
        self.path = path
        with closing(sqlite3.connect("file:{}?mode=ro".format(path), uri=True)) as connection:
            try:
                info = dict(connection.execute("SELECT key, value FROM workspace_info").fetchall())
                row = connection.execute(
                    "SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = 'companies'").fetchone()
            except sqlite3.DatabaseError:
                _fail(QT_TRANSLATE_NOOP("Validation", "{path} is not a Territorial Flux workspace."), path=path)
            self.srs_id = row[0] if row else 0
            definition = connection.execute(
                "SELECT definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?", (self.srs_id,)).fetchone()
            self.crs_authid = info.get("crs", "EPSG:2154")
            self.crs_wkt = definition[0] if definition else None
            self.naf_codes = {r[0] for r in connection.execute("SELECT code FROM naf_nomenclature")}
            self.territory = connection.execute(
                "SELECT min(r.minx), max(r.maxx), min(r.miny), max(r.maxy) FROM rtree_areas_geom r "
                "JOIN areas a ON a.fid = r.id WHERE a.kind = 'territory'").fetchone() \
                if _has_table(connection, "rtree_areas_geom") else None
            self.companies_extent = connection.execute(
                "SELECT min(minx), max(maxx), min(miny), max(maxy) FROM rtree_companies_geom").fetchone() \
                if _has_table(connection, "rtree_companies_geom") else None

    def companies(self, columns):
        """Existing companies as dicts with ``fid`` and ``columns``."""
        query = "SELECT fid, {} FROM {{t:companies}}".format(", ".join('"{}"'.format(c) for c in columns))
        if self.team is not None:
            from ..storage.database import opened

            with opened(self.team) as database:
                return database.rows(query)
        with closing(sqlite3.connect("file:{}?mode=ro".format(self.path), uri=True)) as connection:
            return [dict(zip(["fid"] + list(columns), row))
                    for row in connection.execute(query.replace("{t:companies}", "companies"))]

    def bounds(self):
        """(minx, miny, maxx, maxy) beyond which a point is "outside the territory by far"."""
        for box in (self.territory, self.companies_extent):
            if box and box[0] is not None:
                minx, maxx, miny, maxy = box
                margin = 0.5 * max(maxx - minx, maxy - miny) + (0.5 if self.srs.IsGeographic() else 50000)
                return minx - margin, miny - margin, maxx + margin, maxy + margin
        area = self.srs.GetAreaOfUse()
        if area is None:
            return None
        from osgeo import osr

        wgs84 = _srs("EPSG:4326")
        transform = osr.CoordinateTransformation(wgs84, self.srs)
        pad = 2.0
        west, east = area.west_lon_degree - pad, area.east_lon_degree + pad
        south, north = area.south_lat_degree - pad, area.north_lat_degree + pad
        samples = [(west + (east - west) * i / 8.0, south + (north - south) * j / 8.0)
                   for i in range(9) for j in range(9)]
        points = [p for p in transform.TransformPoints(samples) if all(map(math.isfinite, p[:2]))]
        if not points:
            return None
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        return min(xs), min(ys), max(xs), max(ys)


def _has_table(connection, name):
    return connection.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None


# --- results --------------------------------------------------------------------------------

REJECTED, SKIPPED, DUPLICATE = "rejected", "skipped", "probable duplicate"


class ImportResult:
    def __init__(self, source, columns):
        self.source = source
        self.columns = list(columns)
        self.imported = 0
        self.updated = 0
        self.skipped = 0
        self.rejected = 0
        self.not_imported = []  # (row, outcome, RowMessage, values)
        self.warnings = []
        self.failure = None

    def reject(self, row, values, problem, outcome=REJECTED):
        if outcome == REJECTED:
            self.rejected += 1
        else:
            self.skipped += 1
        self.not_imported.append((row, outcome, rules.RowMessage(self.source, row, problem), values))

    def counts(self):
        return {"imported": self.imported, "updated": self.updated, "skipped": self.skipped,
                "rejected": self.rejected}


def write_rejects(path, result, translate=_identity):
    """The rows not imported, as a CSV a spreadsheet opens (UTF-8 with BOM, ';')."""
    if not path:
        return None
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        os.makedirs(folder, exist_ok=True)
    columns = result.columns if result is not None else []
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["row", "outcome", "reason"] + columns)
        if result is not None:
            for row, outcome, message, values in sorted(result.not_imported, key=lambda r: r[0]):
                writer.writerow([row, outcome, rules.translated(message.problem, translate)]
                                + ["" if v is None else v for v in (values or [])])
            if result.failure is not None:
                writer.writerow(["", "failed", rules.translated(result.failure, translate)])
    return path


def source_label(source_path, today=None):
    return "{} ({})".format(os.path.basename(split_input(source_path)[0]),
                            (today or datetime.date.today()).isoformat())


# --- companies ------------------------------------------------------------------------------

COMPANY_COLUMNS = ("siret", "name", "naf_code", "headcount_band", "address", "postcode", "commune",
                   "commune_code", "zone", "contact_name", "contact_email", "contact_phone", "notes")
PARTIAL_HIDDEN = ("address", "street_number", "street_type", "street_name", "contact_name",
                  "contact_email", "contact_phone", "x", "y", "longitude", "latitude")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class CompanyImport:
    """Options of one company import; :meth:`run` does it."""

    def __init__(self, workspace_path, source_value, mapping=None, on_duplicate="skip",
                 skip_closed=True, legal_units=None, source_crs=None, encoding=None, user=None,
                 today=None):
        self.workspace_path = workspace_path
        self.source_value = source_value
        self.mapping_override = mapping or {}
        self.on_duplicate = on_duplicate
        self.skip_closed = skip_closed
        self.legal_units = legal_units
        self.source_crs = source_crs
        self.encoding = encoding
        self.user = user or getpass.getuser()
        self.today = today or datetime.date.today()
        self.source = None
        self.mapping = None

    # -- set-up --
    def open(self):
        self.source = open_source(self.source_value, self.encoding)
        self.mapping = resolve_mapping(self.source, self.mapping_override, rules.COMPANY_TARGETS)
        return self.source

    def _coordinate_plan(self):
        """How each row gets its point, and the CRS checks that refuse an import up front."""
        mapping, source = self.mapping, self.source
        user_srs = None
        if self.source_crs:
            user_srs = _srs(self.source_crs)
            if user_srs is None:
                _fail(QT_TRANSLATE_NOOP("Validation", "SOURCE_CRS '{crs}' is not a CRS GDAL knows."),
                      crs=self.source_crs)
        xy = "x" in mapping and "y" in mapping
        lonlat = "longitude" in mapping and "latitude" in mapping
        if ("x" in mapping) != ("y" in mapping):
            _fail(QT_TRANSLATE_NOOP("Validation", "Map both the x and the y column, or neither."))
        if not (source.has_geometry or xy or lonlat):
            _fail(QT_TRANSLATE_NOOP(
                "Validation", "{file} has no geometry and no coordinate columns were recognised: map "
                              "the x and y (or longitude and latitude) columns."), file=source.file)
        geometry_srs = None
        if source.has_geometry:
            geometry_srs = user_srs or (_srs(source.crs_wkt) if source.crs_wkt else None)
            if geometry_srs is None:
                _fail(QT_TRANSLATE_NOOP(
                    "Validation", "{file} does not say in which coordinate reference system its points "
                                  "are (a shapefile without its .prj file?). Give it as SOURCE_CRS, for "
                                  "example EPSG:2154 for Lambert-93; it is never guessed."),
                    file=source.file)
        if xy and "epsg" not in mapping and user_srs is None and geometry_srs is None:
            _fail(QT_TRANSLATE_NOOP(
                "Validation", "{file}: the x and y columns do not say in which coordinate reference "
                              "system they are. Give it as SOURCE_CRS (for example EPSG:2154 for "
                              "Lambert-93); it is never guessed."), file=source.file)
        return geometry_srs, user_srs

    def _legal_names(self, sirens, feedback):
        if not self.legal_units:
            return {}
        source = open_source(self.legal_units, None)
        mapping = rules.propose_mapping(source.columns, rules.LEGAL_UNIT_TARGETS)
        if "siren" not in mapping:
            _fail(QT_TRANSLATE_NOOP("Validation", "{file} has no siren column: is it SIRENE's legal "
                                                  "units file (StockUniteLegale)?"), file=source.file)
        index = {t: source.columns.index(c) for t, c in mapping.items()}
        names = {}
        for _number, values, _x, _y, _problem in source.rows():
            siren = values[index["siren"]]
            if siren not in sirens:
                continue
            get = lambda t, values=values: values[index[t]] if t in index else None  # noqa: E731
            name = _public(get("name"))
            if not name:
                first, last = _public(get("first_name")), _public(get("last_name"))
                name = " ".join(p for p in (first, last) if p) or None
            names[siren] = name
            if feedback.isCanceled():
                raise ImportCanceledError()
        return names

    # -- the run --
    def run(self, feedback=None, translate=_identity):
        """Check every row, then write the companies in one transaction; returns an ImportResult.

        Rows are checked in chunks while a writer thread inserts the chunks already checked into
        the open transaction (SQLite works without Python's lock, so the two overlap); nothing
        is committed before the last row was checked, and any failure or cancel rolls it all back.
        With LEGAL_UNITS the names are only known once every row was read: the rows are then
        written at the end.
        """
        feedback = feedback or _Quiet()
        if self.source is None:
            self.open()
        source, mapping = self.source, self.mapping
        facts = WorkspaceFacts(self.workspace_path)
        geometry_srs, user_srs = self._coordinate_plan()
        result = ImportResult(source.file, source.columns)
        index = {t: source.columns.index(c) for t, c in mapping.items()}
        total = source.count() or 0
        label = source_label(self.source_value, self.today)
        existing = self._existing(facts)
        bounds = facts.bounds()
        seen = {"sirets": {}, "keys": {}}
        updates = []
        if facts.team is not None:
            writer = _TeamCompanyWriter(self, facts, label)
        else:
            writer = _CompanyWriter(self, facts, label, bulk=total >= BULK_THRESHOLD)
            writer.start()

        def flush(records):
            records = self._names_and_duplicates(records, seen, result)
            records = self._place(records, facts, geometry_srs, user_srs, result, bounds)
            inserts, updating = self._match(records, existing, result)
            updates.extend(updating)
            writer.put(writer.rows(inserts))

        try:
            with _quick_handover():
                self._read(source, index, facts, feedback, total, result, seen, flush)
            if feedback.isCanceled():
                raise ImportCanceledError()
            feedback.setProgress(90)
            writer.finish(updates)
        except BaseException:
            writer.abort()
            raise
        result.imported = writer.inserted
        result.updated = len(updates)
        feedback.setProgress(100)
        return result

    def _read(self, source, index, facts, feedback, total, result, seen, flush):
        """Check every row and hand the checked ones to ``flush`` chunk by chunk (the first one
        smaller: the writer starts sooner)."""
        pending, flushed = [], False
        for position, (number, values, x, y, geometry_problem) in enumerate(source.rows()):
            if position % 2000 == 0:
                if feedback.isCanceled():
                    raise ImportCanceledError()
                if total:
                    feedback.setProgress(min(90.0, 90.0 * position / total))
            record, problem, outcome = self._check_row(values, index, x, y, geometry_problem, facts)
            if problem is not None:
                result.reject(number, values, problem, outcome)
                continue
            record["_row"], record["_values"] = number, values
            siret = record["siret"]
            if siret:
                if siret in seen["sirets"]:
                    result.reject(number, values, Message(QT_TRANSLATE_NOOP(
                        "Validation", "SIRET {siret} is already on row {row} of this file."),
                        siret=siret, row=seen["sirets"][siret]))
                    continue
                seen["sirets"][siret] = number
            pending.append(record)
            if not self.legal_units and len(pending) >= (CHUNK if flushed else FIRST_CHUNK):
                flush(pending)
                pending = []
                flushed = True
        if self.legal_units:
            # the names the establishment file lacks, from SIRENE's legal units file
            names = self._legal_names({r["siret"][:9] for r in pending if r["siret"]}, feedback)
            for record in pending:
                if not record["name"] and record["siret"]:
                    record["name"] = names.get(record["siret"][:9])
        flush(pending)

    def _names_and_duplicates(self, records, seen, result):
        """The name (legal, else trade name) and probable duplicates inside the file."""
        kept = []
        for record in records:
            if not record["name"]:
                record["name"] = record.pop("_trade_name", None)
            if not record["name"]:
                result.reject(record["_row"], record["_values"], Message(QT_TRANSLATE_NOOP(
                    "Validation", "The company has no name (map a name column, or give SIRENE's legal "
                                  "units file as LEGAL_UNITS).")))
                continue
            if not record["siret"]:
                key = rules.duplicate_key(record["name"], record["commune_code"] or record["commune"])
                record["_key"] = key
                if key in seen["keys"]:
                    result.reject(record["_row"], record["_values"], Message(QT_TRANSLATE_NOOP(
                        "Validation", "Probable duplicate of row {row} of this file (same name and "
                                      "commune, no SIRET): not imported."), row=seen["keys"][key]),
                        DUPLICATE)
                    continue
                seen["keys"][key] = record["_row"]
            kept.append(record)
        return kept

    def _check_row(self, values, index, x, y, geometry_problem, facts):
        """(record, None, None) or (None, problem, outcome)."""
        not_disclosed = rules.NOT_DISCLOSED
        fields = {target: value for target, position in index.items()
                  if (value := values[position]) is not None and value != not_disclosed}
        get = fields.get
        partial = rules.is_partial_diffusion(get("diffusion"))
        if partial:
            for target in PARTIAL_HIDDEN:  # only what is public
                fields.pop(target, None)

        closed = rules.is_closed(get("state"))
        if closed and self.skip_closed:
            return None, Message(QT_TRANSLATE_NOOP(
                "Validation", "Closed establishment (etatAdministratifEtablissement = F): skipped.")), SKIPPED
        record = {"status": "archived" if closed else "active"}
        siret = get("siret")
        if siret and not rules.quick_siret_ok(siret):
            problem = siret_problem(siret)
            if problem is not None:
                return None, problem, REJECTED
            siret = normalise_siret(siret)
        record["siret"] = siret or None
        record["name"] = get("name")
        record["_trade_name"] = get("trade_name")
        naf = get("naf_code")
        if naf:
            code = rules.normalise_naf(naf)
            if code is None or code not in facts.naf_codes:
                return None, Message(QT_TRANSLATE_NOOP(
                    "Validation", "Unknown NAF code '{value}' (NAF rév. 2 codes look like 10.71C)."),
                    value=naf), REJECTED
            naf = code
        record["naf_code"] = naf
        band = get("headcount_band")
        if band:
            code = rules.normalise_headcount_band(band)
            if code not in HEADCOUNT_BANDS:
                return None, Message(QT_TRANSLATE_NOOP(
                    "Validation", "Unknown headcount band '{value}' (INSEE bands: NN, 00, 01, 02, 03, 11…)."),
                    value=band), REJECTED
            band = code
        record["headcount_band"] = band
        address = get("address")
        if not address:
            address = " ".join(p for p in (get("street_number"), get("street_type"), get("street_name")) if p) or None
        record["address"] = address
        for target, normalise, template in (
                ("postcode", rules.normalise_postcode,
                 QT_TRANSLATE_NOOP("Validation", "'{value}' is not a postcode (5 digits).")),
                ("commune_code", rules.normalise_commune_code,
                 QT_TRANSLATE_NOOP("Validation", "'{value}' is not an INSEE commune code (5 characters, like 59183 or 2A004)."))):
            value = get(target)
            if value:
                normal = normalise(value)
                if normal is None:
                    return None, Message(template, value=value), REJECTED
                value = normal
            record[target] = value
        email = get("contact_email")
        if email and not _EMAIL.match(email):
            return None, Message(QT_TRANSLATE_NOOP("Validation", "'{value}' is not an e-mail address."),
                                 value=email), REJECTED
        for target in ("commune", "zone", "contact_name", "contact_email", "contact_phone", "notes"):
            record[target] = get(target)
        # the point
        if geometry_problem is not None:
            return None, geometry_problem, REJECTED
        crs = "geometry"
        if x is None:
            crs = None
            for tx, ty, kind in (("x", "y", "xy"), ("longitude", "latitude", "lonlat")):
                raw_x, raw_y = get(tx), get(ty)
                if raw_x is None and raw_y is None:
                    continue
                x, y = rules.parse_number(raw_x), rules.parse_number(raw_y)
                if x is None or y is None or not (math.isfinite(x) and math.isfinite(y)):
                    return None, Message(QT_TRANSLATE_NOOP(
                        "Validation", "The coordinates '{x}', '{y}' are not numbers."), x=raw_x, y=raw_y), REJECTED
                if kind == "lonlat":
                    crs = "EPSG:4326"
                else:
                    epsg = get("epsg")
                    if epsg:
                        code = re.sub(r"^\s*epsg\s*:\s*", "", epsg, flags=re.I)
                        if code.endswith(".0"):
                            code = code[:-2]
                        if not code.isdigit():
                            return None, Message(QT_TRANSLATE_NOOP(
                                "Validation", "'{value}' is not an EPSG code."), value=epsg), REJECTED
                        crs = "EPSG:" + code
                    else:
                        crs = "source"
                break
        if x is None:
            reason = QT_TRANSLATE_NOOP(
                "Validation", "No coordinates: the establishment cannot be placed on the map.")
            if partial:
                reason = QT_TRANSLATE_NOOP(
                    "Validation", "No coordinates: the register does not publish the location of this "
                                  "establishment (partial diffusion).")
            return None, Message(reason), REJECTED
        record["_x"], record["_y"], record["_crs"] = x, y, crs
        return record, None, None

    def _place(self, records, facts, geometry_srs, user_srs, result, bounds):
        from osgeo import osr

        groups = {}
        for record in records:
            groups.setdefault(record["_crs"], []).append(record)
        placed = []
        for key, group in groups.items():
            if key == "geometry":
                srs = geometry_srs
            elif key == "source":
                srs = user_srs or geometry_srs  # x/y columns of a file whose layer says its CRS
            else:
                srs = _srs(key)
                if srs is None:
                    for record in group:
                        result.reject(record["_row"], record["_values"], Message(QT_TRANSLATE_NOOP(
                            "Validation", "{crs} is not a coordinate reference system GDAL knows."), crs=key))
                    continue
            if srs.IsSame(facts.srs):
                points = [(r["_x"], r["_y"]) for r in group]
            else:
                transform = osr.CoordinateTransformation(srs, facts.srs)
                points = transform.TransformPoints([(r["_x"], r["_y"]) for r in group])
            for record, point in zip(group, points):
                record["_x"], record["_y"] = point[0], point[1]
                placed.append(record)
        kept = []
        for record in sorted(placed, key=lambda r: r["_row"]):
            x, y = record["_x"], record["_y"]
            if not (math.isfinite(x) and math.isfinite(y)) or (
                    bounds and not (bounds[0] <= x <= bounds[2] and bounds[1] <= y <= bounds[3])):
                result.reject(record["_row"], record["_values"], Message(QT_TRANSLATE_NOOP(
                    "Validation", "The point is far outside the workspace's territory (wrong coordinate "
                                  "reference system, or swapped coordinates?).")))
                continue
            kept.append(record)
        return kept

    @staticmethod
    def _existing(facts):
        companies = facts.companies(("uid", "siret", "name", "commune", "commune_code") + COMPANY_COLUMNS[2:])
        by_siret = {c["siret"]: c for c in companies if c["siret"]}
        by_key = {}
        for company in companies:
            by_key.setdefault(rules.duplicate_key(company["name"], company["commune_code"] or company["commune"]),
                              company)
        return by_siret, by_key

    def _match(self, records, existing, result):
        by_siret, by_key = existing
        inserts, updates = [], []
        for record in records:
            if record["siret"] and record["siret"] in by_siret:
                company = by_siret[record["siret"]]
                if self.on_duplicate == "update":
                    updates.append((company, record))
                else:
                    result.reject(record["_row"], record["_values"], Message(QT_TRANSLATE_NOOP(
                        "Validation", "SIRET {siret} is already in the workspace ({name}): skipped."),
                        siret=record["siret"], name=company["name"]), SKIPPED)
                continue
            if not record["siret"] and record["_key"] in by_key:
                company = by_key[record["_key"]]
                result.reject(record["_row"], record["_values"], Message(QT_TRANSLATE_NOOP(
                    "Validation", "Probable duplicate of {name} already in the workspace (same name and "
                                  "commune, no SIRET to be sure): not imported."), name=company["name"]),
                    DUPLICATE)
                continue
            inserts.append(record)
        return inserts, updates

    def _changes(self, company, record, label, now):
        """What an update writes into an existing company (its point apart)."""
        changes = {}
        for column in COMPANY_COLUMNS:
            value = record[column]
            if value in (None, ""):
                continue  # an empty source value never erases what an advisor entered
            if column == "notes" and company.get("notes"):
                continue
            changes[column] = value
        changes.update({"source": label, "updated_at": now, "updated_by": self.user})
        if record["status"] == "archived":
            changes["status"] = "archived"
        return changes

    def _update(self, connection, company, record, blob, label, now):
        changes = self._changes(company, record, label, now)
        changes["geom"] = blob(record["_x"], record["_y"])
        connection.execute("UPDATE companies SET {} WHERE fid = ?".format(
            ", ".join('"{}" = ?'.format(c) for c in changes)), list(changes.values()) + [company["fid"]])


# count: rows; columns: those carried in ``rows`` (a JSON array of arrays), the others are the same
# on every row of the chunk and given in ``constants``; uids: the companies' uids then their
# audit entries' uids, 36 bytes each; geometries: the GeoPackage points, one after the other
_Chunk = collections.namedtuple("_Chunk", "count columns constants rows uids geometries points")


# columns whose CHECK constraints the reading thread verifies in a bulk import (the writer, the
# other columns'): the SIRET's, the longest to evaluate
READER_CHECKED = ("siret",)

_handover = {"lock": threading.Lock(), "users": 0, "interval": None}


@contextmanager
def _quick_handover():
    """While rows are read, Python's lock goes to the writer thread within half a millisecond of
    its asking (instead of 5): it asks after every statement, several times a chunk, and
    otherwise waits on the reading thread more than it works."""
    with _handover["lock"]:
        if _handover["users"] == 0:
            _handover["interval"] = sys.getswitchinterval()
            sys.setswitchinterval(min(_handover["interval"], 0.0005))
        _handover["users"] += 1
    try:
        yield
    finally:
        with _handover["lock"]:
            _handover["users"] -= 1
            if _handover["users"] == 0:
                sys.setswitchinterval(_handover["interval"])


class _Stop:
    def __init__(self, updates=None, abort=False):
        self.updates = updates or []
        self.abort = abort


class _CompanyWriter(threading.Thread):
    """Inserts checked companies into one open transaction; commits only at :meth:`finish`.

    The reading thread builds the rows (:meth:`rows`); this thread inserts them chunk by chunk
    and, in a bulk import, replays the set-aside triggers over each chunk right after it, so
    that the audit trail and the spatial index are written while the next rows are checked.
    """

    def __init__(self, job, facts, label, bulk):
        super().__init__(name="TerritorialFluxImportWriter", daemon=True)
        self.job, self.facts, self.label, self.bulk = job, facts, label, bulk
        self.queue = queue.Queue(maxsize=4)
        self.error = None
        self.inserted = 0
        self.blob = _gpkg_blob(facts.srs_id)
        self.now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        self.checker = None  # the reading thread's SQLite, for READER_CHECKED

    # -- called by the reading thread --
    def rows(self, records):
        """A chunk of checked records as the writer's statements take it: the values as one JSON
        array, the uids and the geometries as one blob each, and the points.

        The writer thus inserts a chunk with one statement, during which it does not need
        Python's lock: the checking of the next chunk goes on meanwhile. (Bound row by row, the
        two threads would hand the lock to each other for every row and work one after the
        other.) A column with the same value on every row of the chunk (a column the file does
        not have, the status) is given once: SQLite reads every value of the JSON text again.
        """
        blob = self.blob
        count = len(records)
        columns, constants = [], {}
        first = records[0] if records else {}
        for column in ("status",) + COMPANY_COLUMNS:
            value = first.get(column)
            if all(record[column] == value for record in records):
                constants[column] = value
            else:
                columns.append(column)
        rows, geometries, points = [], [], []
        for record in records:
            x, y = record["_x"], record["_y"]
            points.append((x, y))
            geometries.append(blob(x, y))
            rows.append([record[c] for c in columns])
        uids = "".join(random_uids(2 * count)).encode("ascii")
        if self.bulk:
            self._verify_read_values(records)
        return _Chunk(count, tuple(columns), constants, json.dumps(rows, ensure_ascii=False), uids,
                      b"".join(geometries), points)

    def _verify_read_values(self, records):
        """The CHECK constraints of :data:`READER_CHECKED` (the SIRET's check digit), evaluated by
        SQLite in the reading thread, on a connection of its own, over the values of the chunk:
        the schema's own SQL on the very values the writer inserts, and a shorter part for the
        writer, the longer of the two threads. Raises sqlite3.IntegrityError as SQLite would."""
        from ..storage.schema import TABLES_BY_NAME

        if self.checker is None:
            self.checker = sqlite3.connect(":memory:")
        for column in TABLES_BY_NAME["companies"].columns:
            if column.name not in READER_CHECKED:
                continue
            values = json.dumps([r[column.name] for r in records if r[column.name] is not None])
            for index, check in enumerate(column.checks):
                # materialized: the check reads the value many times, json_each would make it again each time
                if self.checker.execute(
                        "WITH chunk(value) AS MATERIALIZED (SELECT value FROM json_each(?)) "
                        "SELECT 1 FROM chunk WHERE NOT ({}) LIMIT 1".format(check.sqlite("value")),
                        (values,)).fetchone():
                    raise sqlite3.IntegrityError("CHECK constraint failed: ck_companies_{}_{}".format(
                        column.name, index))

    def put(self, chunk):
        self._raise_if_failed()
        if not chunk.count:
            return
        while True:
            try:
                self.queue.put(chunk, timeout=0.2)
                return
            except queue.Full:
                self._raise_if_failed()

    def finish(self, updates):
        self._close_checker()
        self.put_stop(_Stop(updates))
        self.join()
        self._raise_if_failed()

    def abort(self):
        self._close_checker()
        if self.is_alive():
            self.put_stop(_Stop(abort=True))
            self.join()

    def _close_checker(self):
        if self.checker is not None:
            self.checker.close()
            self.checker = None

    def put_stop(self, stop):
        while self.is_alive():
            try:
                self.queue.put(stop, timeout=0.2)
                return
            except queue.Full:
                continue

    def _raise_if_failed(self):
        if self.error is not None:
            raise self.error

    # -- the writer thread --
    def run(self):
        connection = None
        try:
            item = self.queue.get()
            if isinstance(item, _Stop) and (item.abort or not item.updates):
                return  # nothing to write: the file is not even opened for writing
            connection = connect(self.facts.path)
            journal = rollback_journal_while_alone(connection) if self.bulk else None
            connection.execute("PRAGMA cache_size = -262144")  # one big transaction: no spill midway
            connection.execute("BEGIN IMMEDIATE")
            try:
                self._write(connection, item)
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            finally:
                if journal is not None:
                    restore_journal(connection, journal)
        except BaseException as error:  # noqa: BLE001 - handed to the reading thread
            self.error = error
            while True:  # let a blocked put() return
                try:
                    self.queue.get_nowait()
                except queue.Empty:
                    break
        finally:
            if connection is not None:
                connection.close()

    def _write(self, connection, item):
        # the fids are given, in order, after any fid the table ever had (AUTOINCREMENT's promise)
        fid = connection.execute(
            "SELECT max(coalesce((SELECT max(fid) FROM companies), 0), "
            "coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'companies'), 0))").fetchone()[0]
        suspended = _suspend_bulk_triggers(connection) if self.bulk else []
        if suspended:
            # the CHECK constraints too are verified per chunk, by one query (see _verify_checks)
            connection.execute("PRAGMA ignore_check_constraints = ON")
        replayed, packed = _spatial_index_plan(connection, suspended)
        size = len(self.blob(0.0, 0.0))
        statements = {}
        while not isinstance(item, _Stop):
            first = fid + 1
            shape = (item.columns, tuple(item.constants))
            if shape not in statements:
                statements[shape] = self._insert_statement(*shape)
            parameters = {"first": first, "geometries": item.geometries, "size": size, "rows": item.rows,
                          "uids": item.uids, "label": self.label, "now": self.now, "user": self.job.user}
            parameters.update(("c_" + c, v) for c, v in item.constants.items())
            connection.execute(statements[shape], parameters)
            fid += item.count
            self.inserted += item.count
            if suspended:
                _verify_checks(connection, "companies", first, fid,
                               [c for c in ("status",) + COMPANY_COLUMNS if c not in READER_CHECKED])
                _replay_bulk_triggers(connection, replayed, first, fid, item.points, uids=item.uids)
            if packed is not None:
                packed.append((first, item.points))
            item = self.queue.get()
        if item.abort:
            raise ImportCanceledError()
        if packed:
            import numpy as np

            ids = np.concatenate([np.arange(first, first + len(points), dtype=np.int64) for first, points in packed])
            xy = np.array([p for _first, points in packed for p in points], dtype=np.float64)
            rtree.pack(connection, _RTREE, ids, xy[:, [0, 0, 1, 1]])
        connection.execute("PRAGMA ignore_check_constraints = OFF")
        for _kind, _name, sql, _match in suspended:
            connection.execute(sql)
        for company, record in item.updates:
            self.job._update(connection, company, record, self.blob, self.label, self.now)

    @staticmethod
    def _insert_statement(columns, constants):
        """The INSERT of a chunk whose JSON rows carry ``columns`` (``constants`` are parameters)."""
        names = ["uid"] + list(columns) + list(constants)
        values = (["CAST(substr(:uids, j.key * 36 + 1, 36) AS TEXT)"]
                  + ["json_extract(j.value, '$[{}]')".format(i) for i in range(len(columns))]
                  + [":c_" + c for c in constants])
        return ('INSERT INTO companies ("fid", "geom", "source", "created_at", "updated_at", "updated_by", {}) '
                "SELECT :first + j.key, substr(:geometries, j.key * :size + 1, :size), :label, :now, :now, :user, "
                "{} FROM json_each(:rows) AS j ORDER BY j.key").format(
            ", ".join('"{}"'.format(c) for c in names), ", ".join(values))


class _TeamCompanyWriter:
    """The companies of an import into a team workspace, written by :meth:`finish` in one
    transaction of the server (whose triggers check, stamp and audit every row)."""

    def __init__(self, job, facts, label):
        self.job, self.facts, self.label = job, facts, label
        self.chunks = []
        self.inserted = 0
        self.now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    def rows(self, records):
        return [(r["_x"], r["_y"], str(uuid.uuid4()), r["status"]) + tuple(r[c] for c in COMPANY_COLUMNS)
                for r in records]

    def put(self, rows):
        if rows:
            self.chunks.append(rows)

    def abort(self):
        self.chunks = []

    def finish(self, updates):
        if not self.chunks and not updates:
            return
        from psycopg2.extras import execute_values

        from ..storage.database import opened

        point = "ST_SetSRID(ST_MakePoint(%s, %s), {:d})".format(int(self.facts.srs_id))
        columns = ("uid", "status") + COMPANY_COLUMNS
        with opened(self.facts.team) as database, database.transaction():
            cursor = database.connection.cursor()
            statement = 'INSERT INTO {} ("geom", "source", "updated_by", {}) VALUES %s'.format(
                database.table("companies"), ", ".join('"{}"'.format(c) for c in columns))
            template = "({}, %s, %s, {})".format(point, ", ".join(["%s"] * len(columns)))
            stamp = (self.label, database.user)
            for rows in self.chunks:
                execute_values(cursor, statement, [row[:2] + stamp + row[2:] for row in rows],
                               template=template, page_size=1000)
                self.inserted += len(rows)
            for company, record in updates:
                changes = self.job._changes(company, record, self.label, self.now)
                cursor.execute("UPDATE {} SET {}, \"geom\" = {} WHERE fid = %s".format(
                    database.table("companies"), ", ".join('"{}" = %s'.format(c) for c in changes), point),
                    list(changes.values()) + [record["_x"], record["_y"], company["fid"]])


def insert_team_rows(team, table, columns, rows, expressions=None):
    """Insert plain rows into a table of a team workspace, in one transaction; ``expressions``
    gives a column's SQL around its value (``%s``), e.g. for a geometry from WKB."""
    from psycopg2.extras import execute_values

    from ..storage.database import opened
    from ..storage.schema import TABLES_BY_NAME

    expressions = expressions or {}
    definition = TABLES_BY_NAME[table]
    booleans = [i for i, c in enumerate(columns)
                if c in definition.column_names and definition.column(c).type == "boolean"]
    if booleans:  # SQLite's 0 and 1 are PostgreSQL's false and true
        rows = [tuple(bool(v) if i in booleans and v is not None else v for i, v in enumerate(row)) for row in rows]
    template = "({})".format(", ".join(expressions.get(c, "%s") for c in columns))
    with opened(team) as database, database.transaction():
        execute_values(database.connection.cursor(), "INSERT INTO {} ({}) VALUES %s".format(
            database.table(table), ", ".join('"{}"'.format(c) for c in columns)), rows, template=template,
            page_size=1000)


_CHECK_TRIGGER = re.compile(
    r'^CREATE TRIGGER\s+"?(?P<name>[^"\s]+)"?\s+BEFORE INSERT ON\s+"?(?P<table>\w+)"?\s+'
    r'(?:FOR EACH ROW\s+)?WHEN\s+(?P<when>.*?)\s+BEGIN\s+SELECT RAISE\(ABORT,\s*\'(?P<message>(?:[^\']|\'\')*)\'\);'
    r'\s*END$', re.S | re.I)
_COPY_TRIGGER = re.compile(
    r'^CREATE TRIGGER\s+"?(?P<name>[^"\s]+)"?\s+AFTER INSERT ON\s+"?(?P<table>\w+)"?\s+'
    r'(?:FOR EACH ROW\s+)?(?:WHEN\s+(?P<when>.*?)\s+)?BEGIN\s+(?P<insert>INSERT (?:OR REPLACE )?INTO\s+'
    r'"?(?P<target>\w+)"?\s*(?:\([^()]*\))?)\s*VALUES\s*\((?P<values>.*)\);\s*END$', re.S | re.I)


def _suspend_bulk_triggers(connection, table="companies"):
    """Drop, inside the open transaction, the per-row insert triggers of ``table`` that have a
    set-based equivalent; returns them for :func:`_replay_bulk_triggers` (the writer creates
    them again, from their stored SQL, before the transaction ends).

    Two shapes qualify: a BEFORE INSERT trigger that only raises when a condition holds (the
    foreign keys and rules), checked afterwards by one query over the new rows; and an AFTER
    INSERT trigger that only inserts one row elsewhere (the audit trail, the spatial index),
    replayed by one ``INSERT … SELECT`` over the new rows. Any other trigger stays in place.
    """
    suspended = []
    for name, sql in connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,)).fetchall():
        text = " ".join(sql.split())
        check = _CHECK_TRIGGER.match(text)
        copy = _COPY_TRIGGER.match(text)
        if check and re.search(r'\b"?{}"?\b'.format(table), check.group("when")) is None:
            suspended.append(("check", name, sql, check))
        elif copy and "NEW." in copy.group("values") and "OLD." not in text:
            suspended.append(("copy", name, sql, copy))
        else:
            continue
        connection.execute('DROP TRIGGER "{}"'.format(name))
    return suspended


_RTREE = "rtree_companies_geom"


def _spatial_index_plan(connection, suspended):
    """(the suspended triggers to replay per chunk, None or [] when the spatial index is packed).

    A bulk import into an empty spatial index (a new territory's first import) packs it once
    at the end (:func:`.rtree.pack`) instead of inserting every point into it: the index is
    made again, empty, and its trigger is not replayed.
    """
    index = [t for t in suspended if t[0] == "copy" and t[3].group("target") == _RTREE]
    if not index or connection.execute('SELECT EXISTS (SELECT 1 FROM "{}")'.format(_RTREE)).fetchone()[0]:
        return suspended, None
    create = connection.execute("SELECT sql FROM sqlite_master WHERE name = ?", (_RTREE,)).fetchone()[0]
    connection.execute('DROP TABLE "{}"'.format(_RTREE))
    connection.execute(create)
    return [t for t in suspended if t not in index], []


def _replay_bulk_triggers(connection, suspended, first, last, points, table="companies", uids=None):
    """The set-based equivalents of the suspended triggers over the rows with fids ``first`` to
    ``last`` (whose points, in fid order, are ``points``).

    A row a trigger adds elsewhere gets its column defaults as the trigger would have given
    them: the current time is read once (SQLite gives every row of one statement the same),
    and a random uid comes from ``uids`` (36 bytes per uid, after the new rows' own uids) when
    given, cheaper than SQLite's expression for it.
    """
    from ..storage.schema import NOW_SQL, TABLES_BY_NAME, UUID_SQL

    new_rows = '"{}" AS NEW WHERE NEW."fid" BETWEEN {:d} AND {:d}'.format(table, int(first), int(last))
    for kind, _name, _sql, match in suspended:
        if kind == "check":
            failed = connection.execute("SELECT 1 FROM {} AND ({}) LIMIT 1".format(
                new_rows, match.group("when"))).fetchone()
            if failed:
                raise sqlite3.IntegrityError(match.group("message").replace("''", "'"))
    for kind, _name, _sql, match in suspended:
        if kind != "copy":
            continue
        if match.group("target") == "rtree_{}_geom".format(table):
            # the spatial index: the envelopes are known here, no need to parse every blob again
            connection.execute(
                'INSERT OR REPLACE INTO "{}" SELECT ? + key, json_extract(value, \'$[0]\'), '
                "json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[1]') "
                "FROM json_each(?)".format(match.group("target")), (first, json.dumps(points)))
            continue
        insert, values = match.group("insert"), match.group("values")
        listed = re.search(r"\(([^()]*)\)\s*$", insert)
        definition = TABLES_BY_NAME.get(match.group("target"))
        if listed and definition is not None:
            named = {name.strip().strip('"') for name in listed.group(1).split(",")}
            given = []
            for column in definition.columns:
                if column.name in named:
                    continue
                if column.default_sql == NOW_SQL:
                    given.append((column.name, "(SELECT {})".format(NOW_SQL)))
                elif column.default_sql == UUID_SQL and uids is not None:
                    given.append((column.name, "CAST(substr(:uids, (NEW.\"fid\" - {:d}) * 36 + 1, 36) AS TEXT)".format(
                        int(first) - (int(last) - int(first) + 1))))
            if given:
                insert = insert[:listed.start()] + "({}, {})".format(
                    ", ".join('"{}"'.format(name) for name, _sql in given), listed.group(1))
                values = "{}, {}".format(", ".join(sql for _name, sql in given), values)
        connection.execute("{} SELECT {} FROM {}{} ORDER BY NEW.\"fid\"".format(
            insert, values, new_rows, " AND ({})".format(match.group("when")) if match.group("when") else ""),
            {"uids": uids})


def _verify_checks(connection, table, first, last, columns=None):
    """Raise sqlite3.IntegrityError, as SQLite would have, when a row of ``table`` with a fid
    from ``first`` to ``last`` (None: the last row) breaks one of the table's CHECK constraints:
    those of ``columns`` when given (the others hold values the importer made itself) and the
    rules over several columns.

    A bulk import inserts with ``ignore_check_constraints`` (the constraints evaluated inline
    cost twice as much as this one query per chunk); the constraints are the schema's own.
    """
    from ..storage.schema import TABLES_BY_NAME

    definition = TABLES_BY_NAME.get(table)
    if definition is None:
        return
    checks = [("ck_{}_{}_{}".format(table, column.name, index), check.sqlite(column.name))
              for column in definition.columns if columns is None or column.name in columns
              for index, check in enumerate(column.checks)]
    checks += [("ck_{}_{}".format(table, check.name), check.sqlite) for check in definition.checks]
    if not checks:
        return
    bounds = "fid >= {:d}".format(int(first)) + ("" if last is None else " AND fid <= {:d}".format(int(last)))
    broken = connection.execute('SELECT CASE {} END FROM "{}" WHERE {} AND ({}) LIMIT 1'.format(
        " ".join("WHEN NOT ({}) THEN '{}'".format(sql, name) for name, sql in checks), table, bounds,
        " OR ".join("NOT ({})".format(sql) for _name, sql in checks))).fetchone()
    if broken:
        raise sqlite3.IntegrityError("CHECK constraint failed: {}".format(broken[0]))


def _public(value):
    if value is None or value == rules.NOT_DISCLOSED or not str(value).strip():
        return None
    return str(value).strip()


def resolve_mapping(source, override, targets):
    """The proposed mapping with the person's choices applied; ImportFailedError for unknown columns."""
    mapping = rules.propose_mapping(source.columns, targets)
    for target, column in (override or {}).items():
        if column is None:
            mapping.pop(target, None)
            continue
        if column not in source.columns:
            match = [c for c in source.columns if rules.column_key(c) == rules.column_key(column)]
            if not match:
                _fail(QT_TRANSLATE_NOOP("Validation", "{file} has no column '{column}'; its columns are: {columns}."),
                      file=source.file, column=column, columns=", ".join(source.columns))
            column = match[0]
        for other, used in list(mapping.items()):
            if used == column and other != target:
                del mapping[other]
        mapping[target] = column
    return mapping


# --- flows ----------------------------------------------------------------------------------

FLOW_COLUMNS = ("uid", "company_uid", "direction", "family", "resource_code", "label", "quantity",
                "unit", "hazardous", "priority", "confidentiality", "advisor", "status", "notes",
                "last_verified", "created_at", "updated_at", "updated_by")


class FlowImport:
    def __init__(self, workspace_path, source_value, user=None, today=None, lang="en"):
        self.workspace_path = workspace_path
        self.source_value = source_value
        self.user = user or getpass.getuser()
        self.today = today or datetime.date.today()
        self.lang = lang
        self.source = None
        self.mapping = None

    def open(self):
        self.source = open_source(self.source_value, None)
        self.mapping = rules.propose_mapping(self.source.columns, rules.FLOW_TARGETS)
        return self.source

    def run(self, feedback=None, translate=_identity):
        feedback = feedback or _Quiet()
        if self.source is None:
            self.open()
        source, mapping = self.source, self.mapping
        facts = WorkspaceFacts(self.workspace_path)
        missing = [t for t in ("direction", "resource") if t not in mapping]
        if "siret" not in mapping and "company" not in mapping:
            missing.insert(0, "siret/company")
        if missing:
            _fail(QT_TRANSLATE_NOOP(
                "Validation", "{file}: no column was recognised for {fields}. Its columns are: {columns}. "
                              "Use the template's headers (company, siret, direction, resource, quantity, "
                              "unit, confidentiality, comment)."),
                file=source.file, fields=", ".join(missing), columns=", ".join(source.columns))
        if facts.team is not None:
            from ..storage.database import opened

            with opened(facts.team) as database:
                self.user = database.user  # a flow's advisor is who the server knows (row-level security)
        result = ImportResult(source.file, source.columns)
        index = {t: source.columns.index(c) for t, c in mapping.items()}
        companies = facts.companies(("uid", "siret", "name", "commune", "commune_code"))
        by_siret = {c["siret"]: c for c in companies if c["siret"]}
        by_name = {}
        for company in companies:
            by_name.setdefault(rules.normalise_name(company["name"]), []).append(company)
        resources = rules.ResourceIndex(resource_rows(), parse_code)
        now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        rows = []
        total = source.count() or 0
        for position, (number, values, _x, _y, problem) in enumerate(source.rows()):
            if feedback.isCanceled():
                raise ImportCanceledError()
            if total:
                feedback.setProgress(80.0 * position / total)
            if problem is None:
                row, problem = self._check_row(values, index, by_siret, by_name, resources, now)
            if problem is not None:
                result.reject(number, values, problem)
                continue
            rows.append(row)
        if feedback.isCanceled():
            raise ImportCanceledError()
        if facts.team is not None:
            insert_team_rows(facts.team, "flows", FLOW_COLUMNS, rows)
            result.imported = len(rows)
            feedback.setProgress(100)
            return result
        with closing(connect(facts.path)) as connection:
            connection.execute("BEGIN IMMEDIATE")
            try:
                connection.executemany("INSERT INTO flows ({}) VALUES ({})".format(
                    ", ".join('"{}"'.format(c) for c in FLOW_COLUMNS), ", ".join("?" * len(FLOW_COLUMNS))), rows)
                if feedback.isCanceled():
                    raise ImportCanceledError()
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
        result.imported = len(rows)
        feedback.setProgress(100)
        return result

    def _check_row(self, values, index, by_siret, by_name, resources, now):
        def get(target):
            position = index.get(target)
            return None if position is None else values[position]

        siret, name = get("siret"), get("company")
        company = None
        if siret:
            problem = siret_problem(siret)
            if problem is not None:
                return None, problem
            company = by_siret.get(normalise_siret(siret))
            if company is None:
                return None, Message(QT_TRANSLATE_NOOP(
                    "Validation", "No company of the workspace has the SIRET {siret}: import or add the "
                                  "company first."), siret=siret)
        elif name:
            found = by_name.get(rules.normalise_name(name), [])
            if not found:
                return None, Message(QT_TRANSLATE_NOOP(
                    "Validation", "No company of the workspace is called '{name}': check the spelling, "
                                  "give its SIRET, or add the company first."), name=name)
            if len(found) > 1:
                return None, Message(QT_TRANSLATE_NOOP(
                    "Validation", "{count} companies of the workspace are called '{name}': give the SIRET."),
                    count=len(found), name=name)
            company = found[0]
        else:
            return None, Message(QT_TRANSLATE_NOOP("Validation", "The row names no company: give a SIRET or a name."))
        direction_text = get("direction")
        direction = rules.parse_direction(direction_text)
        if direction is None:
            return None, Message(QT_TRANSLATE_NOOP(
                "Validation", "'{value}' is neither an offer nor a need (write offer/need or offre/besoin)."),
                value=direction_text or "")
        resource_text = get("resource")
        resource, candidates = resources.resolve(resource_text)
        if resource is None:
            if not resource_text:
                return None, Message(QT_TRANSLATE_NOOP("Validation", "The resource is missing: give its code or its name."))
            return None, rules.resource_problem(resource_text, candidates, self.lang)
        quantity, unit, problem = rules.parse_quantity(get("quantity"))
        if problem is not None:
            return None, problem
        unit_text = get("unit")
        if unit_text:
            from ..domain.units import canonical_unit

            stated = canonical_unit(unit_text)
            if stated is None:
                return None, Message(QT_TRANSLATE_NOOP("Validation", "'{unit}' is not a unit the plugin knows."),
                                     unit=unit_text)
            if unit is not None and stated != unit:
                return None, Message(QT_TRANSLATE_NOOP(
                    "Validation", "The quantity says {one} but the unit column says {other}."),
                    one=unit, other=stated)
            unit = stated
        family = resource["family"]
        if unit is not None and unit not in FAMILY_UNITS.get(family, ()):
            return None, Message(QT_TRANSLATE_NOOP(
                "Validation", "{unit} does not fit a {family} resource; use one of: {units}."),
                unit=unit, family=family, units=", ".join(FAMILY_UNITS.get(family, ())))
        if quantity is not None and unit is None:
            unit = FAMILY_UNITS[family][0]
        confidentiality = "internal"
        if get("confidentiality"):
            confidentiality = rules.parse_confidentiality(get("confidentiality"))
            if confidentiality is None:
                return None, Message(QT_TRANSLATE_NOOP(
                    "Validation", "'{value}' is not a confidentiality level (advisor, internal, partners, public)."),
                    value=get("confidentiality"))
        priority = "medium"
        if get("priority"):
            priority = rules.parse_priority(get("priority"))
            if priority is None:
                return None, Message(QT_TRANSLATE_NOOP(
                    "Validation", "'{value}' is not a priority (high, medium, low)."), value=get("priority"))
        label = get("label") or (resource_text if not parse_code(resource_text) else None)
        row = (str(uuid.uuid4()), company["uid"], direction, family, resource["code"], label, quantity, unit,
               int(bool(resource["hazardous"])), priority, confidentiality, self.user, "active",
               get("comment"), self.today.isoformat(), now, now, self.user)
        return row, None
