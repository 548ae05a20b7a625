"""One small DB-API face for both storages, for the code that reads and writes rows directly
(audit history, optimistic locking, copying): a GeoPackage through ``sqlite3``, a PostGIS
workspace through ``psycopg2``.

Pure Python (no qgis import). Queries are written with ``?`` placeholders and table names as
``{t:name}``; :meth:`Database.sql` turns them into the storage's dialect.
"""

import re
import sqlite3
from contextlib import closing, contextmanager


class Database:
    """A DB-API connection with its dialect (``sqlite`` or ``postgres``) and table prefix."""

    def __init__(self, connection, dialect, schema=None):
        self.connection = connection
        self.dialect = dialect
        self.schema = schema

    def table(self, name):
        if self.dialect == "postgres":
            return '"{}"."{}"'.format(self.schema, name)
        return '"{}"'.format(name)

    def sql(self, text, placeholders=True):
        text = re.sub(r"\{t:(\w+)\}", lambda m: self.table(m.group(1)), text)
        if self.dialect == "postgres" and placeholders:
            text = text.replace("%", "%%").replace("?", "%s")
        return text

    def execute(self, text, params=()):
        """Run one statement; without ``params`` the text is sent as it is (DDL may contain ``?``)."""
        cursor = self.connection.cursor()
        if params:
            cursor.execute(self.sql(text), tuple(params))
        else:
            cursor.execute(self.sql(text, placeholders=False))
        return cursor

    def rows(self, text, params=()):
        cursor = self.execute(text, params)
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]

    @contextmanager
    def transaction(self):
        """One transaction: committed when the block ends, rolled back on any error.

        Connections are in autocommit mode outside these blocks (reads see committed data and
        hold no locks).
        """
        self.connection.cursor().execute("BEGIN IMMEDIATE" if self.dialect == "sqlite" else "BEGIN")
        try:
            yield self
        except BaseException:
            try:
                self.connection.cursor().execute("ROLLBACK")
            except Exception:  # a lost connection: the server rolls the transaction back itself
                pass
            raise
        else:
            self.connection.cursor().execute("COMMIT")

    def close(self):
        self.connection.close()

    @property
    def user(self):
        """The database user (PostGIS) or None (a file has no login)."""
        if self.dialect == "postgres":
            return self.rows("SELECT session_user AS u")[0]["u"]
        return None


def _gpkg_envelope(blob):
    """(minx, maxx, miny, maxy) of a GeoPackage geometry blob, or None when empty."""
    import struct

    if blob is None or len(blob) < 8 or blob[:2] != b"GP":
        return None
    flags = blob[3]
    if flags & 0x10:
        return None
    kind = (flags >> 1) & 0x07
    order = "<" if flags & 0x01 else ">"
    if kind:
        return struct.unpack(order + "4d", blob[8:40])
    size = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}.get(kind, 0)
    from osgeo import ogr  # no envelope stored: compute it

    geometry = ogr.CreateGeometryFromWkb(bytes(blob[8 + size:]))
    if geometry is None or geometry.IsEmpty():
        return None
    return geometry.GetEnvelope()


def _register_gpkg_functions(connection):
    """The SQL functions GDAL's spatial index triggers call, which only GDAL's SQLite defines."""
    def bound(index):
        def function(blob):
            envelope = _gpkg_envelope(blob)
            return None if envelope is None else envelope[index]
        return function

    connection.create_function("ST_IsEmpty", 1, lambda blob: 1 if _gpkg_envelope(blob) is None else 0,
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
    if read_only:
        connection = sqlite3.connect("file:{}?mode=ro".format(path), uri=True, isolation_level=None)
    else:
        connection = sqlite3.connect(path, isolation_level=None, timeout=30)
    _register_gpkg_functions(connection)
    return Database(connection, "sqlite")


@contextmanager
def opened(workspace):
    """``with opened(workspace) as db:`` a Database on ``workspace`` (either storage), closed after."""
    database = workspace.database()
    with closing(database.connection):
        yield database
