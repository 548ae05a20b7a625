"""The GeoPackage's company writer: checked companies inserted chunk by chunk into one open
transaction, in a thread of its own, committed only when the last row was checked.

For large imports the per-row insert triggers of ``companies`` that have a set-based equivalent
are set aside inside the transaction and replayed over each chunk (:mod:`.triggers`), and the
CHECK constraints of the columns read from the file are verified over each chunk by one query.
"""

import collections
import json
import queue
import sqlite3
import threading

from ..domain.errors import CanceledError
from ..domain.timestamps import utc_now
from ..domain.uids import random_uids
from ..storage import geometry, rtree
from ..storage.schema import TABLES_BY_NAME
from . import triggers
from .columns import COMPANY_COLUMNS

# audit entries' uids, 36 bytes each; geometries: the GeoPackage points, one after the other
_Chunk = collections.namedtuple("_Chunk", "count columns constants rows uids geometries points")


# columns whose CHECK constraints the reading thread verifies in a bulk import (the writer, the
# other columns'): the SIRET's, the longest to evaluate
READER_CHECKED = ("siret",)


class _Stop:
    def __init__(self, updates=None, abort=False):
        self.updates = updates or []
        self.abort = abort


class CompanyWriter(threading.Thread):
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
        self.blob = geometry.point_encoder(facts.srs_id)
        self.now = utc_now()
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
        database = None
        try:
            item = self.queue.get()
            if isinstance(item, _Stop) and (item.abort or not item.updates):
                return  # nothing to write: the file is not even opened for writing
            database = self.facts.workspace.database()
            journal = database.prepare_bulk_write() if self.bulk else None
            database.connection.execute("PRAGMA cache_size = -262144")  # one big transaction: no spill midway
            try:
                with database.transaction():
                    self._write(database.connection, item)
            finally:
                database.end_bulk_write(journal)
        except BaseException as error:  # noqa: BLE001 - handed to the reading thread
            self.error = error
            while True:  # let a blocked put() return
                try:
                    self.queue.get_nowait()
                except queue.Empty:
                    break
        finally:
            if database is not None:
                database.close()

    def _write(self, connection, item):
        # the fids are given, in order, after any fid the table ever had (AUTOINCREMENT's promise)
        fid = connection.execute(
            "SELECT max(coalesce((SELECT max(fid) FROM companies), 0), "
            "coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'companies'), 0))").fetchone()[0]
        suspended = triggers.suspend(connection) if self.bulk else []
        if suspended:
            # the CHECK constraints too are verified per chunk, by one query (see _verify_checks)
            connection.execute("PRAGMA ignore_check_constraints = ON")
        replayed, packed = triggers.spatial_index_plan(connection, suspended)
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
                triggers.verify_checks(connection, "companies", first, fid,
                               [c for c in ("status",) + COMPANY_COLUMNS if c not in READER_CHECKED])
                triggers.replay(connection, replayed, first, fid, item.points, uids=item.uids)
            if packed is not None:
                packed.append((first, item.points))
            item = self.queue.get()
        if item.abort:
            raise CanceledError()
        if packed:
            import numpy as np

            ids = np.concatenate([np.arange(first, first + len(points), dtype=np.int64) for first, points in packed])
            xy = np.array([p for _first, points in packed for p in points], dtype=np.float64)
            rtree.pack(connection, triggers.RTREE, ids, xy[:, [0, 0, 1, 1]])
        connection.execute("PRAGMA ignore_check_constraints = OFF")
        for _kind, _name, sql, _match in suspended:
            connection.execute(sql)
        for company, record in item.updates:
            _update(connection, self.job, company, record, self.blob, self.label, self.now)

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


def _update(connection, job, company, record, blob, label, now):
    changes = job._changes(company, record, label, now)
    changes["geom"] = blob(record["_x"], record["_y"])
    connection.execute("UPDATE companies SET {} WHERE fid = ?".format(
        ", ".join('"{}" = ?'.format(c) for c in changes)), list(changes.values()) + [company["fid"]])
