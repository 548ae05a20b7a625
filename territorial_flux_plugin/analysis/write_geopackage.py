"""The analysis tables written into a GeoPackage: each replaced whole in the caller's
transaction, its R-tree packed in bulk, the possible links inserted by SQLite itself from the
flows and from blobs numpy makes whole (see :func:`_insert_possible`)."""

import functools
from concurrent.futures import ThreadPoolExecutor

from ..domain import links
from ..domain.codes import subchapter_of
from ..storage import geometry
from ..storage.database import rollback_journal_while_alone
from ..storage.rtree import digits as rtree_digits
from ..storage.rtree import node_size as rtree_node_size
from ..storage.rtree import plan as plan_rtree
from ..storage.rtree import write as write_rtree
from ..storage.schema import TABLES_BY_NAME
from .columns import link_ends


class Writer:
    """The analysis tables of a GeoPackage, replaced in the transaction of ``database``."""

    def __init__(self, database):
        self.database = database
        self.connection = database.connection

    def begin(self, written):
        """Before the transaction; ``written``: {table: rows}. Returns what :meth:`end` restores."""
        journal = _journal_for_new_pages(self.connection, written)
        if self.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
            # safe in WAL mode (no corruption on a crash or power cut; only this last commit
            # may be lost on a power cut): the commit of a big replacement waits for no fsync
            self.connection.execute("PRAGMA synchronous = NORMAL")
        return journal

    def end(self, journal):
        self.database.end_bulk_write(journal)

    def replace(self, table, rows, points=None):
        """Replace every row of ``table`` by ``rows`` (tuples in the table's column order);
        ``points``: the (x, y) of each row for a point table."""
        if points is None:
            replace_table(self.connection, table, list(rows), None)
            self.database.contents_changed(table)
            return
        srs = self.database.srs_id
        blobs = [geometry.point_blob(srs, x, y) for x, y in points]
        extent = replace_table(self.connection, table, [(blob,) + tuple(row) for blob, row in zip(blobs, rows)],
                               [(x, x, y, y) for x, y in points])
        self.database.contents_changed(table, extent)

    def replace_possible_links(self, table, positions, translate):
        import numpy as np

        x1, y1, x2, y2 = link_ends(table, positions)
        envelopes = np.stack([np.minimum(x1, x2), np.maximum(x1, x2), np.minimum(y1, y2), np.maximum(y1, y2)], 1)

        def insert(connection, plan):
            return _insert_possible(connection, table, self.database.srs_id, (x1, y1, x2, y2), translate, plan)

        extent = replace_table(self.connection, "possible_links", None, envelopes, len(table), insert=insert)
        self.database.contents_changed("possible_links", extent)


BIG_ANALYSIS = 100000  # rows written at once, from which a first analysis skips the WAL (see below)


def _journal_for_new_pages(connection, written):
    """A big analysis written into empty tables (a workspace's first) goes in as new pages:
    through a rollback journal, when nobody else has the file open, they are written once
    instead of twice (:func:`~..storage.database.rollback_journal_while_alone`). Returns the mode
    to restore, or None. ``written``: {table: rows} of the run."""
    if sum(len(rows) for rows in written.values()) < BIG_ANALYSIS:
        return None
    if any(connection.execute('SELECT EXISTS (SELECT 1 FROM "{}")'.format(name)).fetchone()[0] for name in written):
        return None
    return rollback_journal_while_alone(connection)


def replace_table(connection, table, rows, envelopes, count=None, insert=None):
    """Replace every row of ``table`` (rows start with the geometry blob when it has one).

    ``insert``: instead of ``rows``, ``insert(connection, plan)`` inserts the ``count`` rows
    (fids 1 to ``count``); ``plan`` (None without an R-tree) computes the R-tree's plan
    (:func:`~..storage.rtree.plan`; numpy, which may run in a thread while SQLite inserts). It returns
    (True when it filled the R-tree's ``_rowid`` table itself, the plan).
    ``envelopes``: (minx, maxx, miny, maxy) per row (a sequence or a float64 array (n, 4)), or
    None for a table without geometry. GDAL's spatial index triggers call functions only GDAL's
    SQLite has, and firing them row by row would be slow: they are set aside, the R-tree is made
    again and packed in bulk (:func:`.rtree.pack`), and the triggers put back, all in the caller's
    transaction. The extent in ``gpkg_contents`` is that of the envelopes.
    """
    import numpy as np

    columns = TABLES_BY_NAME[table].column_names
    geometric = envelopes is not None
    names = (["geom"] if geometric else []) + columns
    connection.execute("PRAGMA cache_size = -262144")  # a big transaction: no spill to the file midway
    triggers = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND name LIKE ?",
        (table, "rtree_{}_%".format(table))).fetchall()
    for name, _sql in triggers:
        connection.execute('DROP TRIGGER "{}"'.format(name))
    connection.execute('DELETE FROM "{}"'.format(table))
    rtree = "rtree_{}_geom".format(table)
    has_rtree = geometric and connection.execute(
        "SELECT 1 FROM sqlite_master WHERE name = ?", (rtree,)).fetchone() is not None
    if has_rtree:  # dropped and made again: deleting an R-tree's rows one by one is slow
        create = connection.execute("SELECT sql FROM sqlite_master WHERE name = ?", (rtree,)).fetchone()[0]
        connection.execute('DROP TABLE "{}"'.format(rtree))
        connection.execute(create)
    connection.execute("DELETE FROM sqlite_sequence WHERE name = ?", (table,))
    if count is None:
        rows = list(rows)
        count = len(rows)
    if geometric:
        boxes = np.asarray(envelopes if isinstance(envelopes, np.ndarray) else list(envelopes),
                           dtype=np.float64).reshape(-1, 4)
    plan = functools.partial(plan_rtree, np.arange(1, count + 1, dtype=np.int64), boxes,
                             rtree_node_size(connection, rtree)) if has_rtree else None
    rowids_written = False
    if insert is not None:
        rowids_written, plan = insert(connection, plan)
    else:
        plan = plan() if plan is not None else None
        connection.executemany('INSERT INTO "{}" (fid, {}) VALUES (?, {})'.format(
            table, ", ".join('"{}"'.format(n) for n in names), ", ".join("?" * len(names))),
            ((fid,) + tuple(row) for fid, row in zip(range(1, count + 1), rows)))
    extent = None
    if geometric:
        if has_rtree:
            write_rtree(connection, rtree, plan, rowids=not rowids_written)
        extent = (boxes[:, 0].min(), boxes[:, 2].min(), boxes[:, 1].max(), boxes[:, 3].max()) if count \
            else (None, None, None, None)
    for _name, sql in triggers:
        connection.execute(sql)
    return extent


_FLOW_TABLES = {"offer": ("tf_link_offers", ("uid", "company_uid", "resource_code", "family", "quantity", "unit")),
                "need": ("tf_link_needs", ("uid", "company_uid", "resource_code", "quantity", "unit"))}


def _insert_possible(connection, table, srs_id, ends, translate, plan=None):
    """Insert the links into ``possible_links`` (fids 1 to n) with SQLite doing the joins.

    A link's columns are mostly its two flows' (uids, companies, codes, quantities, units): the
    flows go into two temporary tables, and one INSERT ... SELECT joins them in SQLite's own code.
    Of each link only the distance and the share are bound from Python, into a third temporary
    table; its geometry, its two flows' row numbers, the values of its reason and its R-tree leaf
    are read by SQLite from blobs numpy makes whole (a fixed size per link: ``substr`` finds it at
    once), and the reason is put together by SQLite from its template's pieces (or bound whole
    when a translation formats a value itself). With ``plan`` (it computes the R-tree's plan,
    :func:`~..storage.rtree.plan`; in a thread while SQLite inserts), the R-tree's ``_rowid`` table is filled by
    SQLite too. Returns (whether it was, the plan).
    """
    import operator

    import numpy as np

    levels = {level: i for i, level in enumerate(links.CONFIDENTIALITY_LEVELS)}
    connection.execute("PRAGMA temp.cache_size = -262144")
    for side, flows in (("offer", table.offers), ("need", table.needs)):
        name, attributes = _FLOW_TABLES[side]
        connection.execute("DROP TABLE IF EXISTS temp.{}".format(name))
        connection.execute("CREATE TEMP TABLE {} (i INTEGER PRIMARY KEY, {}, subchapter, level_rank, "
                           "confidentiality)".format(name, ", ".join(attributes)))
        confidentiality = [f.confidentiality for f in flows]
        codes = [f.resource_code for f in flows]
        subchapters = {code: subchapter_of(code) for code in set(codes)}
        connection.executemany("INSERT INTO temp.{} VALUES (?, {})".format(name, ", ".join("?" * (len(attributes) + 3))),
                               zip(range(len(flows)), *[list(map(operator.attrgetter(a), flows)) for a in attributes],
                                   map(subchapters.__getitem__, codes), map(levels.__getitem__, confidentiality),
                                   confidentiality))
    count = len(table)
    geometries, size = geometry.line_blobs(srs_id, *ends)
    parts = table.reason_parts(translate)
    connection.execute("DROP TABLE IF EXISTS temp.tf_links")
    # a nan share is bound as NULL by SQLite
    if parts is None:
        connection.execute("CREATE TEMP TABLE tf_links (k INTEGER PRIMARY KEY, distance_km, covered_share, reason)")
        connection.executemany("INSERT INTO temp.tf_links VALUES (?, ?, ?, ?)", zip(
            range(count), table.distance_km.tolist(), table.covered_share.tolist(), table.reasons(translate)))
    else:
        connection.execute("CREATE TEMP TABLE tf_links (k INTEGER PRIMARY KEY, distance_km, covered_share)")
        connection.executemany("INSERT INTO temp.tf_links VALUES (?, ?, ?)", zip(
            range(count), table.distance_km.tolist(), table.covered_share.tolist()))
    blobs = {"geometries": geometries}

    def field(name, values):
        """The integers ``values`` (one per link) as a blob, and the SQL that reads one."""
        values = np.asarray(values, dtype=np.int64)
        width = len(str(int(values.max()))) if count else 1
        blobs[name] = rtree_digits(values, width) if count else b""
        return "CAST(substr(:{0}, l.k * {1:d} + 1, {1:d}) AS INTEGER)".format(name, width)

    offer, need = field("offer", table.offer_index), field("need", table.need_index)
    reason = "l.reason" if parts is None else _reason_sql(parts, table, field)
    values = {"fid": "l.k + 1", "geom": "substr(:geometries, l.k * {:d} + 1, {:d})".format(size, size),
              "offer_flow_uid": "o.uid", "need_flow_uid": "n.uid",
              "offer_company_uid": "o.company_uid", "need_company_uid": "n.company_uid",
              "resource_code": "o.resource_code", "need_resource_code": "n.resource_code", "family": "o.family",
              "distance_km": "l.distance_km", "covered_share": "l.covered_share", "offer_quantity": "o.quantity",
              "offer_unit": "o.unit", "need_quantity": "n.quantity", "need_unit": "n.unit", "reason": reason,
              "confidentiality": "CASE WHEN o.level_rank <= n.level_rank THEN o.confidentiality "
                                 "ELSE n.confidentiality END"}
    names = ["fid", "geom"] + TABLES_BY_NAME["possible_links"].column_names
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="TerritorialFluxRtreePlan") as pool:
        planned = pool.submit(plan) if plan is not None else None  # SQLite leaves Python's lock meanwhile
        connection.execute(
            'INSERT INTO possible_links ({}) SELECT {} FROM temp.tf_links l JOIN temp.tf_link_offers o ON o.i = {} '
            'JOIN temp.tf_link_needs n ON n.i = {} ORDER BY l.k'.format(
                ", ".join('"{}"'.format(n) for n in names), ", ".join(values[n] for n in names), offer, need), blobs)
        plan = planned.result() if planned is not None else None
    if plan is not None:
        leaf = field("leaf", plan[3])
        connection.execute('INSERT INTO "rtree_possible_links_geom_rowid" (rowid, nodeno) '
                           "SELECT l.k + 1, {} FROM temp.tf_links l ORDER BY l.k".format(leaf), {"leaf": blobs["leaf"]})
    for name in ("tf_links", "tf_link_offers", "tf_link_needs"):
        connection.execute("DROP TABLE temp.{}".format(name))
    return plan is not None, plan


def _reason_sql(parts, table, field):
    """The SQL that writes each link's reason as :meth:`.links.LinkTable.reasons` does, from the
    templates' pieces (``parts``, per kind of reason) and the link's values."""
    import numpy as np

    values = {"code": "o.resource_code", "offer_code": "o.resource_code", "subchapter": "o.subchapter",
              "need_code": "n.resource_code", "offer_unit": "coalesce(nullif(o.unit, ''), '?')",
              "need_unit": "coalesce(nullif(n.unit, ''), '?')"}
    numbers = {"distance": lambda: "({0} / 10) || '.' || ({0} % 10)".format(field("tenths", table.distance_tenths())),
               "percent": lambda: field("percent", np.clip(table.percent, 0, 100))}
    cases = []
    for kind, pieces in sorted(parts.items()):
        sql = []
        for piece in pieces:
            if isinstance(piece, str):
                sql.append("'{}'".format(piece.replace("'", "''")))
            elif piece[0] in values:
                sql.append(values[piece[0]])
            else:
                values[piece[0]] = numbers[piece[0]]()  # one blob per value, whatever the kinds naming it
                sql.append(values[piece[0]])
        cases.append((kind, " || ".join(sql) or "''"))
    if len(cases) <= 1:
        return cases[0][1] if cases else "NULL"
    return "CASE {} {} END".format(field("kind", table.kind), " ".join(
        "WHEN {:d} THEN {}".format(kind, sql) for kind, sql in cases))
