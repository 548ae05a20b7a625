"""Partner files as tables: CSV (streamed, encoding and delimiter detected), and everything GDAL
reads (shapefiles, GeoPackage layers, GeoJSON, XLSX/ODS sheets; in batches through its Arrow
interface when GDAL has it). A source yields ``(row number, values, x, y, problem)``; an
unreadable file raises a TerritorialFluxError that names it and the problem.
"""

import codecs
import csv
import io
import math
import os
import struct

from ..domain import importing as rules
from ..domain.errors import TerritorialFluxError, fail
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from . import tables

CHUNK = 5000  # rows GDAL hands over at once (and the importer checks before writing them)
PREVIEW_ROWS = 20

def split_input(value):
    """``'file.gpkg|layername=sites'`` -> (``'file.gpkg'``, ``'sites'``)."""
    path, _sep, rest = str(value).partition("|")
    layer = None
    for part in rest.split("|"):
        if part.startswith("layername="):
            layer = part[len("layername="):]
    return path.strip(), layer


def _virtual(path):
    return str(path).startswith("/vsi")


def _exists(path):
    if _virtual(path):
        from osgeo import gdal

        return gdal.VSIStatL(path) is not None
    return os.path.exists(path)


def _sibling(path, extension):
    base = os.path.splitext(path)[0]
    for candidate in (base + extension, base + extension.upper()):
        if _exists(candidate):
            return candidate
    folder = os.path.dirname(path) or "."
    wanted = os.path.basename(base + extension).lower()
    if _virtual(path):
        from osgeo import gdal

        names = gdal.ReadDir(folder) or []
    else:
        names = os.listdir(folder)
    for name in names:
        if name.lower() == wanted:
            return folder + "/" + name if _virtual(path) else os.path.join(folder, name)
    return None


class _VsiFile(io.RawIOBase):
    """A file inside an archive, read through GDAL's virtual file systems."""

    def __init__(self, path):
        from osgeo import gdal

        self._handle = gdal.VSIFOpenL(path, "rb")
        if self._handle is None:
            raise OSError(path)

    def readable(self):
        return True

    def readinto(self, buffer):
        from osgeo import gdal

        data = gdal.VSIFReadL(1, len(buffer), self._handle)
        buffer[:len(data)] = data
        return len(data)

    def close(self):
        if self._handle is not None:
            from osgeo import gdal

            gdal.VSIFCloseL(self._handle)
            self._handle = None
        super().close()


def open_binary(path):
    """A file (or a file inside an archive) opened for reading bytes."""
    if _virtual(path):
        return io.BufferedReader(_VsiFile(path), 1 << 20)
    return open(path, "rb")


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


class Remark(Message):
    """Not a problem: what was done to a row that is imported (a polygon placed at a point)."""

    __slots__ = ()


_POLYGONS = (3, 6, 10, 12)  # OGR's polygon, multipolygon, curve polygon, multisurface


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
    if ogr.GT_Flatten(geometry.GetGeometryType()) in _POLYGONS:
        point = geometry.PointOnSurface()
        if point is None or point.IsEmpty():
            return None, None, Message(QT_TRANSLATE_NOOP(
                "Validation", "The polygon is invalid: no point on its surface can be found."))
        x, y, problem = _checked(point.GetX(), point.GetY())
        return x, y, problem or Remark(QT_TRANSLATE_NOOP("Validation", "placed at a point on its polygon"))
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

    def __init__(self, path, layer=None, name=None):
        self.path = path
        self.layer_name = layer
        self.file = (name or os.path.basename(path)) + ("|" + layer if layer else "")
        self.columns = []

    def rows(self, feedback=None, arrow=True):
        raise NotImplementedError

    def count(self):
        return None

    def preview(self, limit=PREVIEW_ROWS):
        out = []
        rows = self.rows(arrow=False)  # an Arrow stream left open would outlive its dataset
        try:
            for row in rows:
                out.append(row)
                if len(out) >= limit:
                    break
        finally:
            rows.close()  # GDAL's Arrow stream is released now, while its dataset is open
        return out


class CsvSource(Source):
    """A CSV file, read as a stream (SIRENE's national files are several gigabytes).

    The encoding is detected on the first megabytes; a later byte that contradicts it stops the
    import with a message asking for ENCODING.
    """

    first_row = 2
    SAMPLE = 8 * 1024 * 1024

    def __init__(self, path, encoding=None, name=None):
        super().__init__(path, name=name)
        with open_binary(path) as handle:
            sample = handle.read(self.SAMPLE)
        if not sample.strip():
            fail(QT_TRANSLATE_NOOP("Validation", "{file} is empty."), file=self.file)
        codec = rules.python_encoding(encoding) if encoding else rules.detect_encoding(sample)
        if codec is None:
            fail(QT_TRANSLATE_NOOP("Validation", "'{encoding}' is not an encoding this computer knows."),
                  encoding=encoding)
        wide = codecs.lookup(codec).name.startswith(("utf-16", "utf-32"))
        if b"\x00" in sample[:65536] and not wide:
            fail(QT_TRANSLATE_NOOP(
                "Validation", "{file} is not a text file, so not a CSV: is it a spreadsheet or an "
                              "archive under another name? Save it as CSV or give the real file."),
                file=self.file)
        errors = "strict"
        if len(sample) == self.SAMPLE:  # do not judge on a character cut in two
            if wide:
                errors = "replace"
            else:
                sample = sample[:sample.rfind(b"\n") + 1] or sample
        if codec == "utf-8" and sample.startswith(b"\xef\xbb\xbf"):
            codec = "utf-8-sig"
        self.encoding = codec
        try:
            text = sample.decode(codec, errors)
        except UnicodeDecodeError:
            fail(QT_TRANSLATE_NOOP("Validation", "{file} is not written in {encoding}: check ENCODING."),
                  file=self.file, encoding=encoding)
        header = next((line for line in text.splitlines() if line.strip()), "")
        self.delimiter = rules.sniff_delimiter(header)
        if self.delimiter is None:
            fail(QT_TRANSLATE_NOOP(
                "Validation", "{file}: only one column was found in its first line ('{header}'). The "
                              "columns of a CSV must be separated by ';', ',', a tab or '|'."),
                file=self.file, header=header[:80])
        self.columns = [c.strip() for c in next(csv.reader([header], delimiter=self.delimiter))]
        self._count = self._count_rows()
        if not self._count:
            fail(QT_TRANSLATE_NOOP("Validation", "{file} has a header but no rows."), file=self.file)

    def _count_rows(self):
        """Lines after the header that are not blank (an estimate when values hold line breaks)."""
        lines = 0
        tail = b""
        with open_binary(self.path) as handle:
            for chunk in iter(lambda: handle.read(1 << 22), b""):
                lines += chunk.count(b"\n")
                tail = chunk
        if tail and not tail.endswith(b"\n"):
            lines += 1
        if lines <= 1:
            with open_binary(self.path) as handle:
                rest = handle.read().split(b"\n", 1)
            return 1 if len(rest) > 1 and rest[1].strip() else 0
        return lines - 1

    def count(self):
        return self._count

    def rows(self, feedback=None, arrow=True):
        width = len(self.columns)
        with io.TextIOWrapper(open_binary(self.path), encoding=self.encoding, newline="") as handle:
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
                fail(QT_TRANSLATE_NOOP(
                    "Validation", "{file} is not all written in {encoding} (its first lines are): set "
                                  "ENCODING to the right one, probably windows-1252."),
                    file=self.file, encoding=self.encoding)


class OgrSource(Source):
    def __init__(self, path, layer=None, encoding=None, usable=None, name=None):
        super().__init__(path, layer, name)
        self.usable = usable
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

        with gdal_errors() as errors:
            try:
                self.dataset = gdal.OpenEx(path, gdal.OF_VECTOR, open_options=options)
            except RuntimeError as error:  # GDAL's Python exceptions on (newer GDAL, or another plugin)
                errors.append(str(error))
                self.dataset = None
        if self.dataset is None:
            fail(QT_TRANSLATE_NOOP(
                "Validation", "{file} cannot be read as a table or a map layer: is it really a "
                              "{kind} file? ({error})"),
                file=self.file, kind=extension.lstrip(".").upper() or "?",
                error=(errors[-1] if errors else "unknown format"))
        if layer:
            self.layer = self.dataset.GetLayerByName(layer)
            if self.layer is None:
                fail(QT_TRANSLATE_NOOP("Validation", "{file} has no layer called {layer}."),
                      file=self.file.rpartition("|")[0], layer=layer)
        else:
            if self.dataset.GetLayerCount() == 0:
                fail(QT_TRANSLATE_NOOP("Validation", "{file} contains no table."), file=self.file)
            usable = []
            if self.dataset.GetLayerCount() > 1 and self.usable is not None:
                usable = [name for name, columns, geometry in tables.layer_tables(self.dataset)
                          if self.usable(columns, geometry)]
                if len(usable) > 1:
                    self.dataset = None  # closed now, not whenever the error is collected
                    raise tables.SeveralTablesError(self.file, usable)
            self.layer = self.dataset.GetLayerByName(usable[0]) if usable else self.dataset.GetLayer(0)
        definition = self.layer.GetLayerDefn()
        self.columns = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
        self.has_geometry = definition.GetGeomType() != ogr.wkbNone
        srs = self.layer.GetSpatialRef()
        self.crs_wkt = srs.ExportToWkt() if srs is not None else None
        self._count = self.layer.GetFeatureCount()
        self.layer.ResetReading()
        self.layer.GetNextFeature()  # spreadsheets are parsed here, while the options hold
        if not self.columns and not self.has_geometry:
            fail(QT_TRANSLATE_NOOP("Validation", "{file} has no columns."), file=self.file)
        if self._count == 0:
            fail(QT_TRANSLATE_NOOP("Validation", "{file} is empty: it has no rows."), file=self.file)

    def _check_shapefile(self, path, encoding, options):
        name = os.path.basename(path)
        if _sibling(path, ".shx") is None:
            fail(QT_TRANSLATE_NOOP(
                "Validation", "The shapefile {file} has no .shx file beside it: a shapefile is several "
                              "files (.shp, .shx, .dbf, .prj…); copy them all into the same folder."),
                file=name)
        dbf = _sibling(path, ".dbf")
        if dbf is None:
            fail(QT_TRANSLATE_NOOP(
                "Validation", "The shapefile {file} has no .dbf file beside it: without it the "
                              "companies have no attributes. Copy it into the same folder."),
                file=name)
        if encoding:
            codec = rules.python_encoding(encoding)
            if codec is None:
                fail(QT_TRANSLATE_NOOP("Validation", "'{encoding}' is not an encoding this computer knows."),
                      encoding=encoding)
            options.append("ENCODING=" + codec)
            self.encoding = codec
            return
        with open_binary(dbf) as handle:
            raw = handle.read()
        header_length = struct.unpack_from("<H", raw, 8)[0] if len(raw) > 10 else 0
        records = raw[header_length:]
        cpg = _sibling(path, ".cpg")
        if cpg is not None:
            with open_binary(cpg) as handle:
                declared = handle.read().decode("ascii", "replace").strip()
            problem = rules.declared_encoding_problem(declared, records, os.path.basename(cpg))
            if problem is not None:
                raise TerritorialFluxError(problem)
            self.encoding = rules.python_encoding(declared)
        else:
            self.encoding = rules.detect_encoding(records)
            if self.encoding == "utf-8-sig":
                self.encoding = "utf-8"
        options.append("ENCODING=" + self.encoding)

    def count(self):
        return self._count

    def rows(self, feedback=None, arrow=True):
        self.layer.ResetReading()
        if arrow and hasattr(self.layer, "GetArrowStreamAsNumPy"):
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
        with gdal_errors():
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


class gdal_errors:  # noqa: N801 - a context manager
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


def open_source(value, encoding=None, usable=None):
    """The Source for ``value`` (a path, or ``path|layername=name``); TerritorialFluxError if unreadable.

    ``usable(columns, geometry type)`` says which tables the import could use: when a file holds
    several of them and ``value`` names none, :class:`.tables.SeveralTablesError` lists them.
    """
    path, layer = split_input(value)
    name = os.path.basename(path) or str(value)
    if not path or not os.path.exists(path):
        fail(QT_TRANSLATE_NOOP("Validation", "{file} does not exist."), file=path or value)
    if os.path.isdir(path):
        fail(QT_TRANSLATE_NOOP("Validation", "{file} is a folder: choose a file."), file=name)
    if os.path.getsize(path) == 0:
        fail(QT_TRANSLATE_NOOP("Validation", "{file} is empty."), file=name)
    if tables.is_archive(path):
        return _archive_source(path, layer, encoding, usable)
    extension = os.path.splitext(path)[1].lower()
    if extension in (".csv", ".txt", ".tsv"):
        return CsvSource(path, encoding)
    return OgrSource(path, layer, encoding, usable)


def _archive_source(path, layer, encoding, usable):
    """The Source of the one dataset of a ZIP archive that the import could use, or of the one
    ``layer`` names (a file in the archive, or a layer of its one dataset)."""
    name = os.path.basename(path)
    datasets = tables.archive_datasets(path)
    if not datasets:
        fail(QT_TRANSLATE_NOOP("Validation", "{file} holds no table or map layer (shapefile, GeoPackage, "
                                              "CSV, spreadsheet…)."), file=name)
    member = tables.member_for(datasets, layer)
    if member is not None:
        layer = None
    elif len(datasets) == 1:
        member = datasets[0]
    elif layer:
        fail(QT_TRANSLATE_NOOP("Validation", "{file} has no file or layer called {layer}; it holds: {names}."),
             file=name, layer=layer, names=", ".join(datasets))
    else:
        opened = []
        for candidate in datasets:
            try:
                opened.append((candidate, _member_source(path, candidate, None, encoding, usable)))
            except tables.SeveralTablesError:
                opened.append((candidate, None))
            except TerritorialFluxError:
                continue
        fitting = [(c, s) for c, s in opened if s is None or usable is None or _fits(s, usable)]
        if len(fitting) == 1 and fitting[0][1] is not None:
            return fitting[0][1]
        raise tables.SeveralTablesError(name, [c for c, _s in (fitting or opened)] or datasets)
    return _member_source(path, member, layer, encoding, usable)


def _fits(source, usable):
    geometry = None
    if isinstance(source, OgrSource):
        geometry = source.layer.GetLayerDefn().GetGeomType()
    return usable(source.columns, geometry)


def _member_source(path, member, layer, encoding, usable):
    inner = tables.vsizip(path, member)
    name = "{}/{}".format(os.path.basename(path), member)
    if os.path.splitext(member)[1].lower() in (".csv", ".txt", ".tsv"):
        return CsvSource(inner, encoding, name=name)
    return OgrSource(inner, layer, encoding, usable, name=name)
