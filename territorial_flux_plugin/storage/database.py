"""One small DB-API face for both storages, for the code that reads and writes rows directly
(audit history, optimistic locking, copying, imports, analyses): :class:`SqliteDatabase` on a
GeoPackage through ``sqlite3``, :class:`PostgresDatabase` on a team workspace through
``psycopg2``.

Queries are written once, with ``?`` placeholders and table names as ``{t:name}``; each adapter
turns them into its dialect, encodes geometries its way (GeoPackage blobs, or WKB handed to
PostGIS) and writes rows in bulk its way. Pure Python (no qgis import).
"""

import re
import sqlite3
from contextlib import closing, contextmanager

from . import geometry as gpkg_geometry


class Database:
    """A DB-API connection with its table prefix; see the two adapters below."""

    dialect = None
    begin_statement = "BEGIN"

    def __init__(self, connection, schema=None, srid=None):
        self.connection = connection
        self.schema = schema
        self.srid = srid  # the workspace's spatial reference id (GeoPackage srs_id, PostGIS SRID)

    # --- SQL -----------------------------------------------------------------------------------
    def table(self, name):
        return '"{}"'.format(name)

    def sql(self, text, placeholders=True):
        return re.sub(r"\{t:(\w+)\}", lambda m: self.table(m.group(1)), text)

    def execute(self, text, params=()):
        """Run one statement; without ``params`` the text is sent as it is (DDL may contain ``?``)."""
        cursor = self.connection.cursor()
        if params:
            cursor.execute(self.sql(text), tuple(params))
        else:
            cursor.execute(self.sql(text, placeholders=False))
        return cursor

    def executemany(self, text, rows):
        cursor = self.connection.cursor()
        cursor.executemany(self.sql(text), rows)
        return cursor

    def rows(self, text, params=()):
        cursor = self.execute(text, params)
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]

    @contextmanager
    def transaction(self):
        """One transaction: committed when the block ends, rolled back on any error (a cancel too).

        Connections are in autocommit mode outside these blocks (reads see committed data and
        hold no locks). The one place where the plugin begins, commits and rolls back.
        """
        self.connection.cursor().execute(self.begin_statement)
        try:
            yield self
        except BaseException:
            try:
                self.connection.cursor().execute("ROLLBACK")
            except Exception:  # noqa: BLE001 - a lost connection: the server rolls back itself
                pass
            raise
        else:
            self.connection.cursor().execute("COMMIT")

    def close(self):
        self.connection.close()

    @property
    def user(self):
        """The database login (a team workspace), or None (a file has no login)."""
        return None

    def is_retriable(self, error):
        """True when ``error`` (raised by a transaction) says: busy, try again (nothing was written)."""
        from ..domain.errors import BusyError

        return isinstance(error, BusyError)

    def connection_lost(self, error):
        """True when ``error`` says the connection to the storage was lost."""
        return False

    # --- values --------------------------------------------------------------------------------
    def geometry_select(self, column="geom"):
        """The select expression of a geometry column, read back as :meth:`wkb`'s input."""
        raise NotImplementedError

    def wkb(self, value):
        """The WKB of a geometry value read through :meth:`geometry_select`."""
        raise NotImplementedError

    def geometry_value(self, wkb):
        """The parameter that writes ``wkb`` through :meth:`geometry_placeholder`."""
        raise NotImplementedError

    def point(self, value):
        """(x, y) of a point read through :meth:`geometry_select`, or None."""
        return gpkg_geometry.point_of_wkb(self.wkb(value))

    def geometry_placeholder(self):
        return "?"

    def point_value(self, x, y):
        return self.geometry_value(gpkg_geometry.point_wkb(x, y))

    def boolean(self, value):
        """A Python truth value as the storage takes it."""
        return value

    # --- bulk writes ---------------------------------------------------------------------------
    def insert_rows(self, table, columns, rows, geometry_column=None):
        """Insert plain rows (tuples in ``columns`` order) into ``table``; the value of
        ``geometry_column``, if any, is WKB. Inside the caller's transaction."""
        raise NotImplementedError

    def defer_references(self):
        """Inside a transaction: check references at the commit (rows copied in any order)."""

    def rows_inserted_with_ids(self, table):
        """After rows were inserted with their ``fid`` given: the next fid follows them."""

    def prepare_bulk_write(self):
        """Called before a big write in one transaction; returns a token for :meth:`end_bulk_write`."""
        return None

    def end_bulk_write(self, token):
        pass

    def contents_changed(self, table, extent=None):
        """Record in the storage's own catalogue that ``table`` changed (``extent``: its new
        (minx, miny, maxx, maxy), when known). Inside the caller's transaction."""


class SqliteDatabase(Database):
    """A GeoPackage through ``sqlite3``, with the SQL functions GDAL's spatial index triggers call."""

    dialect = "sqlite"
    begin_statement = "BEGIN IMMEDIATE"

    def __init__(self, path, read_only=False, srid=None):
        if read_only:
            connection = sqlite3.connect("file:{}?mode=ro".format(path), uri=True, isolation_level=None)
        else:
            connection = sqlite3.connect(path, isolation_level=None, timeout=30)
        _register_gpkg_functions(connection)
        super().__init__(connection, None, srid)
        self.path = path

    @contextmanager
    def transaction(self):
        """As :meth:`Database.transaction`; a file whose edits someone else is saving is reported as
        busy (SQLite waits 30 s for its lock first), the workspace untouched."""
        try:
            with super().transaction():
                yield self
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error):
                raise
            from ..domain.errors import BusyError
            from ..domain.messages import QT_TRANSLATE_NOOP

            raise BusyError(QT_TRANSLATE_NOOP(
                "Validation", "The workspace is busy: someone is saving edits to it (layers in edit mode?). "
                              "Save or discard those edits and try again; nothing was written.")) from error

    def geometry_select(self, column="geom"):
        return '"{}"'.format(column)

    def wkb(self, value):
        return gpkg_geometry.wkb_from_blob(value)

    def point(self, value):
        return gpkg_geometry.point_of_blob(value)

    def geometry_value(self, wkb):
        if wkb is None:
            return None
        return gpkg_geometry.blob_from_wkb(wkb, self.srs_id, gpkg_geometry.wkb_envelope(wkb))

    def point_value(self, x, y):
        return gpkg_geometry.point_blob(self.srs_id, x, y)

    @property
    def srs_id(self):
        if self.srid is None:
            row = self.connection.execute(
                "SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = 'companies'").fetchone()
            self.srid = row[0] if row else 0
        return self.srid

    def boolean(self, value):
        return None if value is None else int(bool(value))

    def insert_rows(self, table, columns, rows, geometry_column=None):
        if geometry_column is not None:
            position = columns.index(geometry_column)
            rows = (row[:position] + (self.geometry_value(row[position]),) + row[position + 1:] for row in rows)
        self.connection.executemany('INSERT INTO "{}" ({}) VALUES ({})'.format(
            table, ", ".join('"{}"'.format(c) for c in columns), ", ".join("?" * len(columns))), rows)

    def defer_references(self):
        self.connection.execute("PRAGMA defer_foreign_keys = ON")

    def prepare_bulk_write(self):
        return rollback_journal_while_alone(self.connection)

    def contents_changed(self, table, extent=None):
        """GeoPackage's ``gpkg_contents`` (extent, last change) and GDAL's feature count."""
        from ..domain.timestamps import utc_now

        connection = self.connection
        if extent is None and connection.execute("SELECT 1 FROM sqlite_master WHERE name = ?",
                                                 ("rtree_{}_geom".format(table),)).fetchone():
            extent = connection.execute('SELECT min(minx), min(miny), max(maxx), max(maxy) FROM "rtree_{}_geom"'.format(
                table)).fetchone()
        if extent is not None:
            connection.execute(
                "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, last_change = ? "
                "WHERE table_name = ?", tuple(None if v is None else float(v) for v in extent) + (utc_now(), table))
        else:
            connection.execute("UPDATE gpkg_contents SET last_change = ? WHERE table_name = ?", (utc_now(), table))
        if connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'gpkg_ogr_contents'").fetchone():
            connection.execute('UPDATE gpkg_ogr_contents SET feature_count = (SELECT count(*) FROM "{}") '
                               "WHERE lower(table_name) = lower(?)".format(table), (table,))

    def end_bulk_write(self, token):
        if token is not None:
            restore_journal(self.connection, token)


class PostgresDatabase(Database):
    """A team workspace's schema through ``psycopg2`` (autocommit outside transactions)."""

    dialect = "postgres"

    def table(self, name):
        return '"{}"."{}"'.format(self.schema, name)

    def sql(self, text, placeholders=True):
        text = super().sql(text)
        if placeholders:
            text = text.replace("%", "%%").replace("?", "%s")
        return text

    RETRIABLE_CODES = ("40P01", "40001")  # deadlock detected, serialization failure

    @property
    def srid(self):
        """The SRID of the workspace's geometry columns (asked once)."""
        if self._srid is None:
            self._srid = self.rows("SELECT Find_SRID(?, 'companies', 'geom') AS s", (self.schema,))[0]["s"]
        return self._srid

    @srid.setter
    def srid(self, value):
        self._srid = value

    @property
    def user(self):
        return self.rows("SELECT session_user AS u")[0]["u"]

    def is_retriable(self, error):
        return getattr(error, "pgcode", None) in self.RETRIABLE_CODES

    def connection_lost(self, error):
        import psycopg2

        return isinstance(error, (psycopg2.OperationalError, psycopg2.InterfaceError))

    def geometry_select(self, column="geom"):
        return 'ST_AsBinary("{0}") AS "{0}"'.format(column)

    def wkb(self, value):
        return None if value is None else bytes(value)

    def geometry_value(self, wkb):
        if wkb is None:
            return None
        import psycopg2

        return psycopg2.Binary(bytes(wkb))

    def geometry_placeholder(self):
        return "ST_GeomFromWKB(?, {:d})".format(int(self.srid))

    def boolean(self, value):
        return None if value is None else bool(value)

    def rows_inserted_with_ids(self, table):
        self.execute("SELECT setval(pg_get_serial_sequence('{}', 'fid'), coalesce((SELECT max(fid) FROM {}), 0) + 1, "
                     "false)".format(self.table(table).replace("'", "''"), self.table(table)))

    def insert_rows(self, table, columns, rows, geometry_column=None):
        from psycopg2.extras import execute_values

        from .schema import TABLES_BY_NAME

        definition = TABLES_BY_NAME.get(table)
        booleans = [i for i, c in enumerate(columns) if definition is not None and c in definition.column_names
                    and definition.column(c).type == "boolean"]
        if booleans:  # SQLite's 0 and 1 are PostgreSQL's false and true
            rows = (tuple(bool(v) if i in booleans and v is not None else v for i, v in enumerate(row))
                    for row in rows)

        template = "({})".format(", ".join(
            "ST_GeomFromWKB(%s, {:d})".format(int(self.srid)) if c == geometry_column else "%s" for c in columns))
        if geometry_column is not None:
            position = columns.index(geometry_column)
            rows = [row[:position] + (self.geometry_value(row[position]),) + row[position + 1:] for row in rows]
        execute_values(self.connection.cursor(), "INSERT INTO {} ({}) VALUES %s".format(
            self.table(table), ", ".join('"{}"'.format(c) for c in columns)), list(rows), template=template,
            page_size=1000)


def _register_gpkg_functions(connection):
    """The SQL functions GDAL's spatial index triggers call, which only GDAL's SQLite defines."""
    def bound(index):
        def function(blob):
            found = gpkg_geometry.envelope(blob)
            return None if found is None else found[index]
        return function

    connection.create_function("ST_IsEmpty", 1, lambda blob: 1 if gpkg_geometry.envelope(blob) is None else 0,
                               deterministic=True)
    for name, index in (("ST_MinX", 0), ("ST_MaxX", 1), ("ST_MinY", 2), ("ST_MaxY", 3)):
        connection.create_function(name, 1, bound(index), deterministic=True)


def rollback_journal_while_alone(connection):
    """Switch a GeoPackage in WAL mode that no other connection has open to a rollback journal
    for one big transaction; returns the mode to restore afterwards (:func:`restore_journal`),
    or None when nothing changed.

    In WAL mode every page of a transaction is written twice, into the WAL and then back into
    the file; with a rollback journal a new page (past the end of the file) goes into the file
    once and needs no journal. Worth it when the transaction writes mostly new pages: a new
    territory's first import, the first analysis of a big workspace. (Pages the transaction
    frees and fills again must be copied into the journal first: no gain there.) When QGIS or
    anyone else has the file open, the mode stays as it is: SQLite refuses the change at once and
    the work goes on in WAL mode, as safe and only slower to commit.
    """
    mode = connection.execute("PRAGMA journal_mode").fetchone()[0]
    if mode != "wal":
        return None
    timeout = connection.execute("PRAGMA busy_timeout").fetchone()[0]
    connection.execute("PRAGMA busy_timeout = 0")
    try:
        changed = connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"
    except sqlite3.OperationalError:  # database is locked: someone else has it open
        changed = False
    finally:
        connection.execute("PRAGMA busy_timeout = {:d}".format(int(timeout)))
    return mode if changed else None


def restore_journal(connection, mode):
    """Back to ``mode`` after :func:`rollback_journal_while_alone`, outside any transaction."""
    try:
        connection.execute("PRAGMA journal_mode = {}".format(mode))
    except sqlite3.OperationalError:
        pass  # someone opened the file meanwhile: QGIS sets WAL again when it writes


def sqlite_database(path, read_only=False):
    """A :class:`SqliteDatabase` on the GeoPackage at ``path``."""
    return SqliteDatabase(path, read_only)


@contextmanager
def opened(workspace, read_only=False):
    """``with opened(workspace) as db:`` a Database on ``workspace`` (either storage), closed after."""
    database = workspace.database(read_only=read_only)
    with closing(database.connection):
        yield database
