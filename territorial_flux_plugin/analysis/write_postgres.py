"""The analysis tables written into a team workspace: each replaced whole in the caller's
transaction (the server's triggers and row-level security apply)."""

from ..storage import geometry
from ..storage.schema import TABLES_BY_NAME
from .columns import possible_link_columns


class Writer:
    """The analysis tables of a team workspace, replaced in the transaction of ``database``."""

    def __init__(self, database):
        self.database = database

    def begin(self, written):
        return None

    def end(self, token):
        pass

    def replace(self, table, rows, points=None):
        columns = TABLES_BY_NAME[table].column_names
        self.database.execute("DELETE FROM {{t:{}}}".format(table))
        if points is None:
            self.database.insert_rows(table, columns, [tuple(row) for row in rows])
            return
        self.database.insert_rows(table, ("geom",) + tuple(columns),
                                  [(geometry.point_wkb(x, y),) + tuple(row) for (x, y), row in zip(points, rows)],
                                  geometry_column="geom")

    def replace_possible_links(self, table, positions, translate):
        columns, (x1, y1, x2, y2) = possible_link_columns(table, positions, translate)
        lines = [geometry.line_wkb(*c) for c in zip(x1.tolist(), y1.tolist(), x2.tolist(), y2.tolist())]
        self.database.execute("DELETE FROM {t:possible_links}")
        self.database.insert_rows("possible_links", ("geom",) + tuple(TABLES_BY_NAME["possible_links"].column_names),
                                  [(line,) + tuple(row) for line, row in zip(lines, zip(*columns))],
                                  geometry_column="geom")
