"""The GeoPackage form of a workspace: creation, version check and migrations.

The file is built under a temporary name and moved into place only when complete, so a
failure never leaves a half-made workspace behind.
"""

import datetime
import getpass
import os
import shutil
import sqlite3
from contextlib import closing

from ..domain.messages import QT_TRANSLATE_NOOP, Message
from . import geopackage_sql as sql
from ..domain.nomenclature import display, naf_rows, resource_rows
from .schema import SCHEMA_VERSION, TABLES


class WorkspaceError(Exception):
    """A workspace that cannot be created or opened; ``args[0]`` is a :class:`Message`."""

    @property
    def message(self):
        return self.args[0]

    def __str__(self):
        return str(self.args[0])


# Versioned migration steps: MIGRATIONS[n] turns a version n - 1 workspace into version n.
# Each step is a list of SQL statements, or a callable taking an open sqlite3 connection, or a
# dict {'sqlite': step, 'postgres': step} when the two storages need different SQL (a PostGIS
# step runs with the workspace's schema first in the search_path; a callable gets a
# database.Database).
MIGRATIONS = {}


def _upgrade_team_to_2(database):
    from . import postgres_sql as postgis

    for statement in postgis.upgrade_to_2_statements(database.schema):
        database.execute(statement)


# 2: synergy events are audited (and, in a team workspace, the rows naming advisor-level flows
# and synergies are as visible as those). Idempotent, like every step should be.
MIGRATIONS[2] = {
    "sqlite": ['DROP TRIGGER IF EXISTS "audit_synergy_events_{}"'.format(event)
               for event in ("insert", "update", "delete")] + sql.audit_triggers(["synergy_events"]),
    "postgres": _upgrade_team_to_2,
}


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


def create_geopackage(path, name, crs, plugin_version, overwrite=False, author=None):
    """Create the workspace file at ``path``.

    ``crs`` is a dict with ``authid``, ``wkt`` (WKT1) and ``description``; the file holds
    every table of the schema, the nomenclatures and the workspace information. Returns the
    GeoPackage srs id.
    """
    from osgeo import ogr  # GDAL ships with QGIS

    path = os.path.abspath(path)
    if os.path.exists(path) and not overwrite:
        raise WorkspaceError(Message(QT_TRANSLATE_NOOP(
            "Validation", "{path} already exists: choose another file or allow overwriting."), path=path))
    folder = os.path.dirname(path)
    if not os.path.isdir(folder):
        raise WorkspaceError(Message(QT_TRANSLATE_NOOP(
            "Validation", "The folder {folder} does not exist."), folder=folder))
    temporary = os.path.splitext(path)[0] + ".creating.gpkg"
    if os.path.exists(temporary):
        os.remove(temporary)
    try:
        source = ogr.GetDriverByName("GPKG").CreateDataSource(temporary)
        if source is None:
            raise WorkspaceError(Message(QT_TRANSLATE_NOOP(
                "Validation", "Cannot create a GeoPackage at {path}."), path=temporary))
        source = None
        srs = _srs_row(crs)
        with closing(sqlite3.connect(temporary)) as connection:
            with connection:
                _write_schema(connection, srs[1], srs)
                _write_nomenclatures(connection)
                _write_info(connection, name, crs["authid"], plugin_version, author)
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


def _write_nomenclatures(connection):
    connection.executemany(
        "INSERT INTO resource_nomenclature (code, parent_code, level, family, hazardous, label_en, "
        "label_fr, display_en, display_fr) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(r["code"], r["parent_code"], r["level"], r["family"], int(r["hazardous"]), r["label_en"],
          r["label_fr"], display(r["code"] + ("*" if r["hazardous"] else ""), r["label_en"]),
          display(r["code"] + ("*" if r["hazardous"] else ""), r["label_fr"]))
         for r in resource_rows()])
    connection.executemany(
        "INSERT INTO naf_nomenclature (code, label_fr, label_en, display_en, display_fr) VALUES (?, ?, ?, ?, ?)",
        [(r["code"], r["label_fr"], r["label_en"], display(r["code"], r["label_en"] or r["label_fr"]),
          display(r["code"], r["label_fr"])) for r in naf_rows()])


def _now():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _write_info(connection, name, authid, plugin_version, author):
    info = {
        "name": name,
        "crs": authid,
        "schema_version": str(SCHEMA_VERSION),
        "plugin_version": plugin_version,
        "created_at": _now(),
        "created_by": author or getpass.getuser(),
        "updated_at": _now(),
    }
    connection.executemany("INSERT INTO workspace_info (key, value) VALUES (?, ?)", info.items())


def read_info(path):
    """The workspace information of a GeoPackage as a dict (empty if it is not a workspace)."""
    if not os.path.isfile(path):
        raise WorkspaceError(Message(QT_TRANSLATE_NOOP("Validation", "{path} does not exist."), path=path))
    try:
        with closing(sqlite3.connect("file:{}?mode=ro".format(path), uri=True)) as connection:
            return dict(connection.execute("SELECT key, value FROM workspace_info").fetchall())
    except sqlite3.DatabaseError:
        return {}


def check_version(path):
    """``'current'``, ``'older'``; raises WorkspaceError for a newer or foreign file."""
    info = read_info(path)
    if "schema_version" not in info:
        raise WorkspaceError(Message(QT_TRANSLATE_NOOP(
            "Validation", "{path} is not a Territorial Flux workspace."), path=path))
    version = int(info["schema_version"])
    if version > SCHEMA_VERSION:
        raise WorkspaceError(Message(QT_TRANSLATE_NOOP(
            "Validation", "{path} was made by a newer Territorial Flux (schema version {found}; this "
                          "plugin knows up to {known}). Update the plugin to open it."),
            path=path, found=version, known=SCHEMA_VERSION))
    return "older" if version < SCHEMA_VERSION else "current"


def migrate(path):
    """Bring an older workspace to the current schema after writing a backup copy.

    Returns the backup's path, or None when the workspace was already current. The steps run
    in one transaction: a failure leaves the workspace as it was.
    """
    if check_version(path) == "current":
        return None
    version = int(read_info(path)["schema_version"])
    backup = "{}.v{}-{}.bak.gpkg".format(os.path.splitext(path)[0], version,
                                          datetime.datetime.now().strftime("%Y%m%d-%H%M%S"))
    shutil.copy2(path, backup)
    # isolation_level=None and an explicit BEGIN: Python's sqlite3 would run DDL such as
    # ALTER TABLE outside the transaction otherwise.
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        connection.execute("BEGIN")
        try:
            for step in range(version + 1, SCHEMA_VERSION + 1):
                migration = MIGRATIONS[step]
                if isinstance(migration, dict):  # {'sqlite': ..., 'postgres': ...} (see team.upgrade)
                    migration = migration["sqlite"]
                if callable(migration):
                    migration(connection)
                else:
                    for statement in migration:
                        connection.execute(statement)
            connection.execute("UPDATE workspace_info SET value = ? WHERE key = 'schema_version'",
                               (str(SCHEMA_VERSION),))
            connection.execute("COMMIT")
        except Exception:
            connection.execute("ROLLBACK")
            raise
    return backup


def integrity_problems(path):
    """A list of problems found by SQLite's integrity and foreign key checks (empty: fine)."""
    with closing(sqlite3.connect("file:{}?mode=ro".format(path), uri=True)) as connection:
        problems = [row[0] for row in connection.execute("PRAGMA integrity_check") if row[0] != "ok"]
        problems += ["{}: row {} references a missing {}".format(*row[:3])
                     for row in connection.execute("PRAGMA foreign_key_check")]
    return problems


def follow_renamed_file(path, project_name="territory"):
    """Make the project stored in the GeoPackage name this file again after a rename or a copy.

    QGIS stores the layers' paths relative to the file (``./old_name.gpkg|layername=...``): a
    workspace renamed or copied under another name would open with every layer unavailable.
    The stored project is rewritten (one transaction) when it names another file; returns True
    when it did.
    """
    import io
    import re
    import zipfile

    name = os.path.basename(path)
    with closing(sqlite3.connect(path)) as connection:
        try:
            row = connection.execute("SELECT content FROM qgis_projects WHERE name = ?", (project_name,)).fetchone()
        except sqlite3.DatabaseError:
            return False
        if row is None:
            return False
        blob = row[0]
        hexed = isinstance(blob, str)
        data = bytes.fromhex(blob) if hexed else bytes(blob)
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = {info.filename: archive.read(info.filename) for info in archive.infolist()}
        changed = False
        for entry, content in entries.items():
            if not entry.endswith(".qgs"):
                continue
            text = content.decode("utf-8")
            others = {m for m in re.findall(r"\./([^/|\"<>]+\.gpkg)(?=[|\"<])", text) if m != name}
            for other in others:
                text = text.replace("./{}|".format(other), "./{}|".format(name))
                text = text.replace("./{}\"".format(other), "./{}\"".format(name))
                text = text.replace("./{}<".format(other), "./{}<".format(name))
            if others:
                entries[entry] = text.encode("utf-8")
                changed = True
        if not changed:
            return False
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as rewritten:
            for entry, content in entries.items():
                rewritten.writestr(entry, content)
        content = buffer.getvalue().hex() if hexed else buffer.getvalue()
        with connection:
            connection.execute("UPDATE qgis_projects SET content = ? WHERE name = ?", (content, project_name))
    return True
