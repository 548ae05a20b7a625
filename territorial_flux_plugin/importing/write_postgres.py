"""The team workspace's company writer: every chunk kept, then written by :meth:`finish` in one
transaction of the server (whose triggers check, stamp and audit every row)."""

import uuid

from ..domain.timestamps import utc_now
from .columns import COMPANY_COLUMNS


class CompanyWriter:
    """The companies of an import into a team workspace, written by :meth:`finish` in one
    transaction of the server (whose triggers check, stamp and audit every row)."""

    def __init__(self, job, facts, label, bulk=False):
        self.job, self.facts, self.label = job, facts, label
        self.chunks = []
        self.inserted = 0
        self.now = utc_now()

    def start(self):
        pass  # written in one go by finish()

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

        point = "ST_SetSRID(ST_MakePoint(%s, %s), {:d})".format(int(self.facts.srs_id))
        columns = ("uid", "status") + COMPANY_COLUMNS
        with self.facts.workspace.opened() as database, database.transaction():
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
