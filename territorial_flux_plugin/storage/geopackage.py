"""The GeoPackage implementation of a workspace: one self-describing file, for one advisor.

The file is built under a temporary name and moved into place only when complete, so a
failure never leaves a half-made workspace behind. An older file is upgraded after a backup
copy is written beside it (:meth:`GeoPackageWorkspace.prepare`).
"""

import datetime
import getpass
import os
import re
import shutil
import sqlite3
from contextlib import closing

from ..domain.errors import TerritorialFluxError
from ..domain.messages import QT_TRANSLATE_NOOP
from . import geopackage_sql as sql
from . import migrations, schema
from .base import PROJECT_NAME, Workspace, with_project_xml, write_default_factors, write_info, write_reference_lists
from .database import SqliteDatabase
from .schema import TABLES, TABLES_BY_NAME


class GeoPackageWorkspace(Workspace):
    """A workspace stored in a GeoPackage file."""

    kind = "geopackage"
    provider = "ogr"

    def __init__(self, path):
        self.path = os.path.abspath(str(path).strip())

    @classmethod
    def accepts(cls, reference):
        return True  # any path: a GeoPackage is the default storage

    @property
    def reference(self):
        return self.path

    @property
    def default_name(self):
        return os.path.splitext(os.path.basename(self.path))[0]

    @property
    def info(self):
        return read_info(self.path)

    @property
    def srid(self):
        if not hasattr(self, "_srid"):
            with self.opened(read_only=True) as database:
                self._srid = database.srs_id
        return self._srid

    def database(self, read_only=False):
        return SqliteDatabase(self.path, read_only)

    def read(self, sql_text, args=()):
        with closing(sqlite3.connect("file:{}?mode=ro".format(self.path), uri=True)) as connection:
            return connection.execute(re.sub(r"\{t:(\w+)\}", r'"\1"', sql_text), tuple(args)).fetchall()

    def can_write(self, table="flows"):
        return os.access(self.path, os.W_OK)

    def check_version(self):
        if not os.path.isfile(self.path):
            raise TerritorialFluxError(QT_TRANSLATE_NOOP("Validation", "{path} does not exist."), path=self.path)
        return super().check_version()

    def prepare(self):
        return migrate(self.path)

    def adopt_stored_project(self):
        follow_renamed_file(self.path)

    def _stored_project_blob(self):
        return stored_project_blob(self.path)

    def rewrite_stored_project(self, edit):
        return rewrite_project(self.path, edit)

    def upgrade(self):
        before = int(read_info(self.path).get("schema_version", 0) or 0)
        try:
            migrate(self.path)
        except TerritorialFluxError:
            raise
        except Exception as error:
            raise TerritorialFluxError(QT_TRANSLATE_NOOP(
                "Validation", "The upgrade of {path} failed and nothing was changed: {error}"),
                path=self.path, error=str(error).strip())
        return before, max(before, schema.SCHEMA_VERSION)

    # --- what QGIS sees --------------------------------------------------------------------------
    @property
    def project_uri(self):
        return "geopackage:{}?projectName={}".format(self.path, PROJECT_NAME)

    def uri(self, table):
        return "{}|layername={}".format(self.path, table)

    @classmethod
    def table_of_layer(cls, layer):
        source = layer.source()
        if layer.providerType() != "ogr" or "|layername=" not in source:
            return None
        table = source.split("|layername=")[1].split("|")[0]
        return table if table in TABLES_BY_NAME else None

    @classmethod
    def of_layer(cls, layer):
        if cls.table_of_layer(layer) is None:
            return None
        return cls(layer.source().split("|")[0])

    def query_layer(self, key, sql_text, name, geometry_type):
        """A layer on a SQL view registered in the GeoPackage (``tf_<key>``, replaced at each call):
        readers of the file (QGIS from 3.22 to 4, GDAL, plain QGIS without the plugin) open it as
        any table, and a layout reprinted from QGIS's layout designer draws what it selects."""
        from qgis.core import QgsVectorLayer

        view = "tf_" + key
        if not re.fullmatch(r"[a-z0-9_]+", key):
            raise ValueError(key)
        with self.opened() as database, database.transaction():
            connection = database.connection
            connection.execute('DROP VIEW IF EXISTS "{}"'.format(view))
            for catalogue in ("gpkg_geometry_columns", "gpkg_contents"):
                connection.execute("DELETE FROM {} WHERE table_name = ?".format(catalogue), (view,))
            connection.execute('CREATE VIEW "{}" AS {}'.format(view, sql_text))
            connection.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) "
                               "VALUES (?, 'features', ?, ?, ?)", (view, view, name, database.srs_id))
            connection.execute("INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, "
                               "srs_id, z, m) VALUES (?, 'geom', ?, ?, 0, 0)", (view, geometry_type, database.srs_id))
        return QgsVectorLayer(self.uri(view), name, "ogr")

    def geometry_input(self, column):
        return "CastAutomagic({})".format(column)

    def geometry_output(self, expression):
        # Spatial functions return SpatiaLite geometries up to GDAL 3.12 and GeoPackage ones from
        # GDAL 3.13 (QGIS 3.44 in Debian sid), where AsGPB() of those gives NULL inside a view.
        return "(CASE WHEN IsValidGPB({e}) THEN {e} ELSE AsGPB({e}) END)".format(e=expression)

    def repoint_query_layers(self, project, marker):
        for layer in project.mapLayers().values():
            if layer.customProperty(marker) is None or layer.providerType() != "ogr":
                continue
            current, _sep, rest = layer.source().partition("|")
            if current != self.path:
                layer.setDataSource("{}|{}".format(self.path, rest), layer.name(), "ogr")

    # --- facts ----------------------------------------------------------------------------------
    def extent(self, table, where=None):
        """From the spatial index (R-tree), without reading a geometry."""
        index = "rtree_{}_geom".format(table)
        query = ('SELECT min(r.minx), min(r.miny), max(r.maxx), max(r.maxy) FROM "{}" r JOIN "{}" t '
                 "ON t.fid = r.id WHERE {}").format(index, table, where) if where else \
            'SELECT min(minx), min(miny), max(maxx), max(maxy) FROM "{}"'.format(index)
        try:
            row = self.read(query)[0]
        except sqlite3.DatabaseError:  # no spatial index: not a workspace table
            return None
        return tuple(row) if row[0] is not None else None

    def area_has_company_sql(self, area):
        # the R-trees narrow the candidates; GDAL's SpatiaLite functions decide
        return ("EXISTS (SELECT 1 FROM companies c JOIN rtree_companies_geom rc ON rc.id = c.fid "
                "JOIN rtree_areas_geom ra ON ra.id = {a}.fid WHERE c.status <> 'archived' "
                "AND rc.minx >= ra.minx AND rc.maxx <= ra.maxx AND rc.miny >= ra.miny AND rc.maxy <= ra.maxy "
                "AND ST_Intersects({a}.geom, c.geom))").format(a=area)

    def stored_crs_wkt(self):
        with closing(sqlite3.connect("file:{}?mode=ro".format(self.path), uri=True)) as connection:
            row = connection.execute(
                "SELECT s.definition FROM gpkg_spatial_ref_sys s JOIN gpkg_geometry_columns g ON g.srs_id = s.srs_id "
                "WHERE g.table_name = 'companies'").fetchone()
        return row[0] if row else None

    def discard(self):
        if os.path.exists(self.path):
            os.remove(self.path)

    # --- creation -------------------------------------------------------------------------------
    @classmethod
    def create(cls, path, name, crs, overwrite=False, author=None):
        """A new workspace file at ``path`` holding every table of the schema, the nomenclatures and
        the workspace information (its QGIS project is added by ``project.build``)."""
        create_geopackage(path, name, crs_description(crs), overwrite=overwrite, author=author)
        return cls(path)


def crs_description(crs):
    """``{authid, wkt, description}`` of a QgsCoordinateReferenceSystem, as the file stores it."""
    from qgis.core import QgsCoordinateReferenceSystem

    wkt1 = getattr(QgsCoordinateReferenceSystem, "WKT1_GDAL", None)
    if wkt1 is None:
        wkt1 = QgsCoordinateReferenceSystem.WktVariant.WKT1_GDAL
    return {"authid": crs.authid(), "wkt": crs.toWkt(wkt1), "description": crs.description()}


def _srs_row(crs):
    """(srs_name, srs_id, organization, organization_coordsys_id, definition, description)."""
    authid = crs["authid"]
    organisation, _, code = authid.partition(":")
    if organisation.upper() == "EPSG" and code.isdigit():
        srs_id = int(code)
    else:
        srs_id = 100000
        organisation, code = "NONE", str(srs_id)
    return (crs["description"] or authid, srs_id, organisation.upper(), int(code), crs["wkt"],
            crs["description"] or authid)


def create_geopackage(path, name, crs, overwrite=False, author=None):
    """Create the workspace file at ``path``.

    ``crs`` is a dict with ``authid``, ``wkt`` (WKT1) and ``description``; the file holds
    every table of the schema, the nomenclatures and the workspace information. Returns the
    GeoPackage srs id.
    """
    from osgeo import ogr  # GDAL ships with QGIS

    path = os.path.abspath(path)
    if os.path.exists(path) and not overwrite:
        raise TerritorialFluxError(QT_TRANSLATE_NOOP(
            "Validation", "{path} already exists: choose another file or allow overwriting."), path=path)
    folder = os.path.dirname(path)
    if not os.path.isdir(folder):
        raise TerritorialFluxError(QT_TRANSLATE_NOOP("Validation", "The folder {folder} does not exist."),
                                   folder=folder)
    temporary = os.path.splitext(path)[0] + ".creating.gpkg"
    if os.path.exists(temporary):
        os.remove(temporary)
    try:
        source = ogr.GetDriverByName("GPKG").CreateDataSource(temporary)
        if source is None:
            raise TerritorialFluxError(QT_TRANSLATE_NOOP(
                "Validation", "Cannot create a GeoPackage at {path}."), path=temporary)
        source = None
        srs = _srs_row(crs)
        database = SqliteDatabase(temporary, srid=srs[1])
        try:
            with database.transaction():
                _write_schema(database.connection, srs[1], srs)
                write_reference_lists(database)
                write_default_factors(database)
                write_info(database, name, crs["authid"], author or getpass.getuser())
        finally:
            database.close()
        source = ogr.Open(temporary, 1)
        for table in TABLES:
            if table.geometry:
                source.ExecuteSQL("SELECT CreateSpatialIndex('{}', '{}')".format(
                    table.name, sql.GEOMETRY_COLUMN))
        source = None
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.remove(temporary)
    return srs[1]


def _write_schema(connection, srs_id, srs):
    if not connection.execute("SELECT 1 FROM gpkg_spatial_ref_sys WHERE srs_id = ?", (srs_id,)).fetchone():
        connection.execute(
            "INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id, "
            "definition, description) VALUES (?, ?, ?, ?, ?, ?)", srs)
    for statement in sql.schema_statements():
        connection.execute(statement)
    for table in TABLES:
        connection.execute(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) "
            "VALUES (?, ?, ?, ?, ?)",
            (table.name, "features" if table.geometry else "attributes", table.name, table.label,
             srs_id if table.geometry else None))
        if table.geometry:
            connection.execute(
                "INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m) "
                "VALUES (?, ?, ?, ?, 0, 0)", (table.name, sql.GEOMETRY_COLUMN, table.geometry, srs_id))


def read_info(path):
    """The workspace information of a GeoPackage as a dict (empty if it is not a workspace)."""
    if not os.path.isfile(path):
        raise TerritorialFluxError(QT_TRANSLATE_NOOP("Validation", "{path} does not exist."), path=path)
    try:
        with closing(sqlite3.connect("file:{}?mode=ro".format(path), uri=True)) as connection:
            return dict(connection.execute("SELECT key, value FROM workspace_info").fetchall())
    except sqlite3.DatabaseError:
        return {}


def migrate(path):
    """Bring an older workspace to the current schema after writing a backup copy.

    Returns the backup's path, or None when the workspace was already current. The steps run
    in one transaction: a failure leaves the workspace as it was.
    """
    if GeoPackageWorkspace(path).check_version() == "current":
        return None
    version = int(read_info(path)["schema_version"])
    backup = "{}.v{}-{}.bak.gpkg".format(os.path.splitext(path)[0], version,
                                          datetime.datetime.now().strftime("%Y%m%d-%H%M%S"))
    shutil.copy2(path, backup)
    database = SqliteDatabase(path)
    try:
        # an explicit transaction (isolation_level None): Python's sqlite3 would run DDL such as
        # ALTER TABLE outside it otherwise
        with database.transaction():
            migrations.run(database, version, "geopackage")
    finally:
        database.close()
    return backup


def integrity_problems(path):
    """A list of problems found by SQLite's integrity and foreign key checks (empty: fine)."""
    with closing(sqlite3.connect("file:{}?mode=ro".format(path), uri=True)) as connection:
        problems = [row[0] for row in connection.execute("PRAGMA integrity_check") if row[0] != "ok"]
        problems += ["{}: row {} references a missing {}".format(*row[:3])
                     for row in connection.execute("PRAGMA foreign_key_check")]
    return problems


def follow_renamed_file(path, project_name=PROJECT_NAME):
    """Make the project stored in the GeoPackage name this file again after a rename or a copy.

    QGIS stores the layers' paths relative to the file (``./old_name.gpkg|layername=...``): a
    workspace renamed or copied under another name would open with every layer unavailable.
    The stored project is rewritten (one transaction) when it names another file; returns True
    when it did.
    """
    name = os.path.basename(path)

    def renamed(text):
        others = {m for m in re.findall(r"\./([^/|\"<>]+\.gpkg)(?=[|\"<])", text) if m != name}
        for other in others:
            for after in "|\"<":
                text = text.replace("./{}{}".format(other, after), "./{}{}".format(name, after))
        return text

    return rewrite_project(path, renamed, project_name)


def _project_row(connection, project_name):
    """(blob bytes, stored as hexadecimal text) of the stored project, or None."""
    try:
        row = connection.execute("SELECT content FROM qgis_projects WHERE name = ?", (project_name,)).fetchone()
    except sqlite3.DatabaseError:  # no qgis_projects table
        return None
    if row is None:
        return None
    hexed = isinstance(row[0], str)  # QGIS stores the .qgz as hexadecimal text
    return (bytes.fromhex(row[0]) if hexed else bytes(row[0])), hexed


def stored_project_blob(path, project_name=PROJECT_NAME):
    with closing(sqlite3.connect(path)) as connection:
        row = _project_row(connection, project_name)
    return None if row is None else row[0]


def rewrite_project(path, edit, project_name=PROJECT_NAME):
    """Replace the stored project's XML by ``edit(xml)`` (one transaction); True when it changed."""
    with closing(sqlite3.connect(path)) as connection:
        row = _project_row(connection, project_name)
        if row is None:
            return False
        blob, hexed = row
        rewritten = with_project_xml(blob, edit)
        if rewritten is None:
            return False
        with connection:
            connection.execute("UPDATE qgis_projects SET content = ? WHERE name = ?",
                               (rewritten.hex() if hexed else rewritten, project_name))
    return True


__all__ = ["GeoPackageWorkspace", "create_geopackage", "read_info", "migrate", "integrity_problems",
           "follow_renamed_file", "rewrite_project", "stored_project_blob", "crs_description"]
