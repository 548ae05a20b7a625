"""Loading boundaries (communes, business zones, the territory's outline) into ``areas``.

The same rules as the company import: the source is opened by :func:`.sources.open_source`
(shapefile sidecars and encodings checked), a source that does not say its CRS is refused unless
one is given, every row is checked before anything is written, the polygons are reprojected into
the workspace's CRS, and the rows go into the workspace in one transaction: a failure or a
cancel leaves it as it was. Rows not imported are listed with a reason in the rejects file
(:func:`.results.write_rejects`).
"""

import datetime
import math
import uuid

from ..domain import importing as rules
from ..domain.errors import CanceledError, fail
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..domain.vocabulary import AREA_KINDS
from ..storage import workspace_at
from .columns import AREA_COLUMNS
from .facts import WorkspaceFacts, spatial_reference
from .results import REJECTED, SKIPPED, ImportResult, Quiet, source_label, untranslated
from .sources import gdal_errors, open_source
from .tables import usable_for_areas


class AreaImport:
    """Options of one boundary import; :meth:`run` does it."""

    def __init__(self, workspace, source_value, kind, name_field, code_field=None, source_crs=None,
                 encoding=None, today=None):
        self.workspace = workspace_at(workspace)
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
            fail(QT_TRANSLATE_NOOP("Validation", "'{value}' is not a kind of area; use one of: {words}."),
                  value=self.kind, words=", ".join(AREA_KINDS))
        self.source = open_source(self.source_value, self.encoding, usable_for_areas)
        if not self.source.has_geometry or getattr(self.source, "layer", None) is None:
            fail(QT_TRANSLATE_NOOP(
                "Validation", "{file} has no geometry: boundaries are polygons (a shapefile, a GeoPackage "
                              "layer, GeoJSON)."), file=self.source.file)
        self.name_index = self._column(self.name_field, required=True)
        self.code_index = self._column(self.code_field, required=False)
        return self.source

    def _column(self, name, required):
        columns = self.source.columns
        if not name:
            if required:
                fail(QT_TRANSLATE_NOOP("Validation", "Give the column that holds the names; the columns of "
                                                      "{file} are: {columns}."),
                      file=self.source.file, columns=", ".join(columns))
            return None
        if name in columns:
            return columns.index(name)
        match = [i for i, c in enumerate(columns) if rules.column_key(c) == rules.column_key(name)]
        if not match:
            fail(QT_TRANSLATE_NOOP("Validation", "{file} has no column '{column}'; its columns are: {columns}."),
                  file=self.source.file, column=name, columns=", ".join(columns))
        return match[0]

    def _sourcespatial_reference(self):
        if self.source_crs:
            srs = spatial_reference(self.source_crs)
            if srs is None:
                fail(QT_TRANSLATE_NOOP("Validation", "SOURCE_CRS '{crs}' is not a CRS GDAL knows."),
                      crs=self.source_crs)
            return srs
        srs = spatial_reference(self.source.crs_wkt) if self.source.crs_wkt else None
        if srs is None:
            fail(QT_TRANSLATE_NOOP(
                "Validation", "{file} does not say in which coordinate reference system its polygons are "
                              "(a shapefile without its .prj file?). Give it as SOURCE_CRS, for example "
                              "EPSG:2154 for Lambert-93; it is never guessed."), file=self.source.file)
        return srs

    def _existing(self):
        with self.workspace.opened(read_only=True) as database:
            rows = [(r["code"], r["name"]) for r in database.rows(
                "SELECT code, name FROM {t:areas} WHERE kind = ?", (self.kind,))]
        return {("code", c) for c, _n in rows if c} | {("name", rules.normalise_name(n)) for c, n in rows if not c}

    def run(self, feedback=None, translate=untranslated):
        """Check every row, then write the areas in one transaction; returns an ImportResult."""
        from osgeo import osr

        feedback = feedback or Quiet()
        if self.source is None:
            self.open()
        source = self.source
        facts = WorkspaceFacts(self.workspace)
        srs = self._sourcespatial_reference()
        transform = None if srs.IsSame(facts.srs) else osr.CoordinateTransformation(srs, facts.srs)
        result = ImportResult(source.file, source.columns)
        label = source_label(self.source_value, self.today)
        existing = self._existing()
        seen = {}
        rows = []
        total = source.count() or 0
        layer = source.layer
        layer.ResetReading()
        count = len(source.columns)
        with gdal_errors():
            for position, feature in enumerate(layer):
                number = source.first_row + position
                if feedback.isCanceled():
                    raise CanceledError()
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
                rows.append((str(uuid.uuid4()), bytes(geometry.ExportToIsoWkb()), self.kind, code, name, label))
        if feedback.isCanceled():
            raise CanceledError()
        if rows:
            self._write(rows, feedback)
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

    def _write(self, rows, feedback):
        with self.workspace.opened() as database, database.transaction():
            database.insert_rows("areas", AREA_COLUMNS, rows, geometry_column="geom")
            feedback.setProgress(90)
            if feedback.isCanceled():
                raise CanceledError()
            database.contents_changed("areas")
