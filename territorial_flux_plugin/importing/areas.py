"""Loading boundaries (communes, business zones, the territory's outline) into ``areas``.

The same rules as the company import (:mod:`.importer`), through its helpers: the source is
opened by :func:`.importer.open_source` (shapefile sidecars and encodings checked), a source
that does not say its CRS is refused unless one is given, every row is checked before
anything is written, the polygons are reprojected into the workspace's CRS, and the rows go
into the GeoPackage in one transaction: a failure or a cancel leaves the file as it was.
Rows not imported are listed with a reason in the rejects file (:func:`.importer.write_rejects`).
"""

import datetime
import math
import struct
import uuid
from contextlib import closing

from ..domain import importing as rules
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..domain.vocabulary import AREA_KINDS
from .sources import (
    REJECTED, SKIPPED, ImportCanceledError, ImportResult, WorkspaceFacts, _fail, _gdal_errors, _Quiet,
    _srs, connect, insert_team_rows, open_source, source_label,
)

AREA_COLUMNS = ("uid", "geom", "kind", "code", "name", "source")


def _identity(_context, text):
    return text


def _gpkg_polygon_blob(srs_id, geometry):
    """A GeoPackage blob (with its envelope) of an OGR geometry."""
    minx, maxx, miny, maxy = geometry.GetEnvelope()
    header = struct.pack("<2sBBi4d", b"GP", 0, 0b00000011, srs_id, minx, maxx, miny, maxy)
    return header + bytes(geometry.ExportToIsoWkb())


class AreaImport:
    """Options of one boundary import; :meth:`run` does it."""

    def __init__(self, workspace_path, source_value, kind, name_field, code_field=None, source_crs=None,
                 encoding=None, today=None):
        self.workspace_path = workspace_path
        self.source_value = source_value
        self.kind = kind
        self.name_field = name_field
        self.code_field = code_field or None
        self.source_crs = source_crs
        self.encoding = encoding
        self.today = today or datetime.date.today()
        self.source = None

    def open(self):
        if self.kind not in AREA_KINDS:
            _fail(QT_TRANSLATE_NOOP("Validation", "'{value}' is not a kind of area; use one of: {words}."),
                  value=self.kind, words=", ".join(AREA_KINDS))
        self.source = open_source(self.source_value, self.encoding)
        if not self.source.has_geometry or getattr(self.source, "layer", None) is None:
            _fail(QT_TRANSLATE_NOOP(
                "Validation", "{file} has no geometry: boundaries are polygons (a shapefile, a GeoPackage "
                              "layer, GeoJSON)."), file=self.source.file)
        self.name_index = self._column(self.name_field, required=True)
        self.code_index = self._column(self.code_field, required=False)
        return self.source

    def _column(self, name, required):
        columns = self.source.columns
        if not name:
            if required:
                _fail(QT_TRANSLATE_NOOP("Validation", "Give the column that holds the names; the columns of "
                                                      "{file} are: {columns}."),
                      file=self.source.file, columns=", ".join(columns))
            return None
        if name in columns:
            return columns.index(name)
        match = [i for i, c in enumerate(columns) if rules.column_key(c) == rules.column_key(name)]
        if not match:
            _fail(QT_TRANSLATE_NOOP("Validation", "{file} has no column '{column}'; its columns are: {columns}."),
                  file=self.source.file, column=name, columns=", ".join(columns))
        return match[0]

    def _source_srs(self):
        if self.source_crs:
            srs = _srs(self.source_crs)
            if srs is None:
                _fail(QT_TRANSLATE_NOOP("Validation", "SOURCE_CRS '{crs}' is not a CRS GDAL knows."),
                      crs=self.source_crs)
            return srs
        srs = _srs(self.source.crs_wkt) if self.source.crs_wkt else None
        if srs is None:
            _fail(QT_TRANSLATE_NOOP(
                "Validation", "{file} does not say in which coordinate reference system its polygons are "
                              "(a shapefile without its .prj file?). Give it as SOURCE_CRS, for example "
                              "EPSG:2154 for Lambert-93; it is never guessed."), file=self.source.file)
        return srs

    def _existing(self, facts):
        if facts.team is not None:
            from ..storage.database import opened

            with opened(facts.team) as database:
                rows = [(r["code"], r["name"]) for r in database.rows(
                    "SELECT code, name FROM {t:areas} WHERE kind = ?", (self.kind,))]
        else:
            with closing(connect(facts.path)) as connection:
                rows = connection.execute("SELECT code, name FROM areas WHERE kind = ?", (self.kind,)).fetchall()
        return {("code", c) for c, _n in rows if c} | {("name", rules.normalise_name(n)) for c, n in rows if not c}

    def run(self, feedback=None, translate=_identity):
        """Check every row, then write the areas in one transaction; returns an ImportResult."""
        from osgeo import osr

        feedback = feedback or _Quiet()
        if self.source is None:
            self.open()
        source = self.source
        facts = WorkspaceFacts(self.workspace_path)
        srs = self._source_srs()
        transform = None if srs.IsSame(facts.srs) else osr.CoordinateTransformation(srs, facts.srs)
        result = ImportResult(source.file, source.columns)
        label = source_label(self.source_value, self.today)
        existing = self._existing(facts)
        seen = {}
        rows = []
        total = source.count() or 0
        layer = source.layer
        layer.ResetReading()
        count = len(source.columns)
        with _gdal_errors():
            for position, feature in enumerate(layer):
                number = source.first_row + position
                if feedback.isCanceled():
                    raise ImportCanceledError()
                if total and position % 50 == 0:
                    feedback.setProgress(80.0 * position / total)
                values = [feature.GetField(i) if feature.IsFieldSetAndNotNull(i) else None for i in range(count)]
                values = [v.strip() or None if isinstance(v, str) else v for v in values]
                row, problem, outcome = self._check(feature.GetGeometryRef(), values, transform, seen, existing,
                                                    number)
                if problem is not None:
                    result.reject(number, values, problem, outcome)
                    continue
                geometry, code, name = row
                shape = (bytes(geometry.ExportToIsoWkb()) if facts.team is not None
                         else _gpkg_polygon_blob(facts.srs_id, geometry))
                rows.append((str(uuid.uuid4()), shape, self.kind, code, name, label))
        if feedback.isCanceled():
            raise ImportCanceledError()
        if rows and facts.team is not None:
            insert_team_rows(facts.team, "areas", AREA_COLUMNS, rows,
                             {"geom": "ST_SetSRID(ST_GeomFromWKB(%s), {:d})".format(int(facts.srs_id))})
        elif rows:
            self._write(facts.path, rows, feedback)
        result.imported = len(rows)
        feedback.setProgress(100)
        return result

    def _check(self, geometry, values, transform, seen, existing, number):
        """((geometry, code, name), None, None) or (None, problem, outcome)."""
        from osgeo import ogr

        name = values[self.name_index]
        name = str(name).strip() if name is not None else ""
        if not name:
            return None, Message(QT_TRANSLATE_NOOP("Validation", "The area has no name (column {column})."),
                                 column=self.source.columns[self.name_index]), REJECTED
        code = values[self.code_index] if self.code_index is not None else None
        if isinstance(code, float) and code.is_integer():
            code = str(int(code))
        code = str(code).strip() if code is not None and str(code).strip() else None
        if code and self.kind == "commune":
            normal = rules.normalise_commune_code(code)
            if normal is None:
                return None, Message(QT_TRANSLATE_NOOP(
                    "Validation", "'{value}' is not an INSEE commune code (5 characters, like 59183 or 2A004)."),
                    value=code), REJECTED
            code = normal
        if geometry is None or geometry.IsEmpty():
            return None, Message(QT_TRANSLATE_NOOP(
                "Validation", "The row has no geometry: an area is a polygon.")), REJECTED
        kind = ogr.GT_Flatten(geometry.GetGeometryType())
        if kind not in (ogr.wkbPolygon, ogr.wkbMultiPolygon):
            return None, Message(QT_TRANSLATE_NOOP(
                "Validation", "The geometry is a {kind}, not a polygon: an area is a polygon."),
                kind=geometry.GetGeometryName().lower()), REJECTED
        geometry = ogr.ForceToMultiPolygon(geometry.Clone())
        geometry.FlattenTo2D()
        if not geometry.IsValid():
            return None, Message(QT_TRANSLATE_NOOP(
                "Validation", "The polygon is invalid (it crosses itself or its rings overlap): repair it "
                              "first, for example with QGIS's Fix geometries.")), REJECTED
        if transform is not None:
            if geometry.Transform(transform) != 0:
                return None, Message(QT_TRANSLATE_NOOP(
                    "Validation", "The polygon cannot be reprojected into the workspace's CRS.")), REJECTED
        envelope = geometry.GetEnvelope()
        if not all(math.isfinite(v) for v in envelope):
            return None, Message(QT_TRANSLATE_NOOP(
                "Validation", "The geometry is invalid (its coordinates are not numbers).")), REJECTED
        key = ("code", code) if code else ("name", rules.normalise_name(name))
        if key in seen:
            return None, Message(QT_TRANSLATE_NOOP(
                "Validation", "The same area ({value}) is already on row {row} of this file."),
                value=code or name, row=seen[key]), REJECTED
        seen[key] = number
        if key in existing:
            return None, Message(QT_TRANSLATE_NOOP(
                "Validation", "The workspace already has this area ({value}): skipped."),
                value=code or name), SKIPPED
        return (geometry, code, name), None, None

    def _write(self, path, rows, feedback):
        now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        with closing(connect(path)) as connection:
            connection.execute("BEGIN IMMEDIATE")
            try:
                connection.executemany("INSERT INTO areas ({}) VALUES ({})".format(
                    ", ".join('"{}"'.format(c) for c in AREA_COLUMNS), ", ".join("?" * len(AREA_COLUMNS))), rows)
                feedback.setProgress(90)
                if feedback.isCanceled():
                    raise ImportCanceledError()
                extent = connection.execute(
                    "SELECT min(minx), min(miny), max(maxx), max(maxy) FROM rtree_areas_geom").fetchone()
                connection.execute(
                    "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, last_change = ? "
                    "WHERE table_name = 'areas'", tuple(extent) + (now,))
                if connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'gpkg_ogr_contents'").fetchone():
                    connection.execute(
                        "UPDATE gpkg_ogr_contents SET feature_count = (SELECT count(*) FROM areas) "
                        "WHERE lower(table_name) = 'areas'")
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
