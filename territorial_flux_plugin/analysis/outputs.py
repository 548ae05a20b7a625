"""Value-chain analysis of a workspace: read its flows, run :mod:`..domain.links`, and write the
derived tables (``missing_links``, ``possible_links``, ``resource_balance``, ``metabolism``)
that the map themes and printed maps show.

Each write replaces the tables it concerns in one transaction (all or nothing) and records in
``workspace_info`` when the analysis ran (``analysed_at``) and with which settings, so that a
later reader can tell whether the analysis is older than the data.

The functions a dock calls (no Processing needed):

- :func:`possible_links_for` ``(workspace, settings=None)`` -> list of ``domain.links.PossibleLink``
- :func:`missing_links_for` ``(workspace, settings=None)`` -> list of ``domain.links.MissingLink``
- :func:`read_inputs` ``(workspace)`` -> :class:`Inputs` (flows, pairs to leave out, positions)
"""

import datetime
import gc
import json
import struct
from collections import Counter, namedtuple
import functools
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

from ..domain import links
from ..domain.links import Flow, Settings
from ..storage.database import opened, restore_journal, rollback_journal_while_alone
from ..storage.rtree import digits as _rtree_digits
from ..storage.rtree import node_size as _rtree_node_size
from ..storage.rtree import plan as _plan_rtree
from ..storage.rtree import write as _write_rtree

Inputs = namedtuple("Inputs", "flows archived_companies covered_flows linked_pairs rejected_pairs "
                              "positions company_names")
Inputs.__doc__ = """What the analysis reads from a workspace.

``flows``: :class:`domain.links.Flow` with x, y in metres; ``positions``: company uid -> (x, y)
in the workspace's CRS (for output geometries); ``covered_flows``: uids of flows in a live
synergy; ``linked_pairs``: (offer uid, need uid) of live synergies; ``rejected_pairs``: pairs
the advisor rejected."""

ANALYSED_AT = "analysed_at"
SETTINGS_KEY = "analysis_settings"


@contextmanager
def collector_paused():
    """Python's cyclic garbage collector paused for the block.

    Reading 200,000 flows and writing 600,000 links make millions of tuples, lists and strings,
    none of them in a reference cycle; the collector would scan the growing heap again and again
    (a third of the writing time). It is switched back on after the block if it was on.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# --- reading --------------------------------------------------------------------------------

def _point_of_blob(blob):
    """(x, y) of a GeoPackage point blob, or None."""
    if blob is None or len(blob) < 8 or bytes(blob[:2]) != b"GP":
        return None
    flags = blob[3]
    if flags & 0x10:
        return None
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}.get((flags >> 1) & 0x07, 0)
    start = 8 + envelope
    order = "<" if blob[start] == 1 else ">"
    kind = struct.unpack_from(order + "I", blob, start + 1)[0] % 1000
    if kind == 1:
        return struct.unpack_from(order + "dd", blob, start + 5)
    if kind == 4:  # a one-point multipoint
        inner = start + 9
        inner_order = "<" if blob[inner] == 1 else ">"
        return struct.unpack_from(inner_order + "dd", blob, inner + 5)
    return None


def _metres(workspace, positions):
    """Company positions in metres: as stored for a projected CRS in metres, else projected."""
    from qgis.core import (
        QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject, QgsUnitTypes,
    )

    crs = workspace.crs
    units = crs.mapUnits()
    if not crs.isGeographic():
        factor = QgsUnitTypes.fromUnitToUnitFactor(units, QgsUnitTypes.DistanceMeters)
        if factor == 1.0:
            return positions
        return {uid: (x * factor, y * factor) for uid, (x, y) in positions.items()}
    if not positions:
        return positions
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    centre = ((min(xs) + max(xs)) / 2.0, (min(ys) + max(ys)) / 2.0)
    local = QgsCoordinateReferenceSystem.fromProj(
        "+proj=aeqd +lat_0={:.6f} +lon_0={:.6f} +datum=WGS84 +units=m +no_defs".format(centre[1], centre[0]))
    transform = QgsCoordinateTransform(crs, local, QgsProject.instance())
    result = {}
    for uid, (x, y) in positions.items():
        point = transform.transform(QgsPointXY(x, y))
        result[uid] = (point.x(), point.y())
    return result


def read_inputs(workspace):
    """The flows and reviews of ``workspace`` as the analysis needs them (see :class:`Inputs`)."""
    with collector_paused():
        return _read_inputs(workspace)


def _read_inputs(workspace):
    with opened(workspace) as database:
        postgres = database.dialect == "postgres"
        geometry = "ST_X(geom) AS x, ST_Y(geom) AS y" if postgres else "geom"
        companies = database.execute(
            database.sql("SELECT uid, name, status, {} FROM {{t:companies}}".format(geometry))).fetchall()
        flows = database.execute(database.sql(
            "SELECT uid, company_uid, direction, family, resource_code, quantity, unit, confidentiality, status, "
            "label FROM {t:flows}")).fetchall()
        live = database.execute(database.sql(
            "SELECT p.synergy_uid, p.flow_uid, f.direction FROM {t:synergy_participants} p "
            "JOIN {t:synergies} s ON s.uid = p.synergy_uid JOIN {t:flows} f ON f.uid = p.flow_uid "
            "WHERE s.status <> 'abandoned'")).fetchall()
        rejected = database.execute(database.sql(
            "SELECT offer_flow_uid, need_flow_uid FROM {t:link_reviews} WHERE decision = 'rejected'")).fetchall()
    positions, names, archived = {}, {}, set()
    for row in companies:
        uid, name, status = row[0], row[1], row[2]
        point = (row[3], row[4]) if postgres else _point_of_blob(row[3])
        names[uid] = name
        if status == "archived":
            archived.add(uid)
        if point is not None and point[0] is not None:
            positions[uid] = (float(point[0]), float(point[1]))
    metres = _metres(workspace, positions)
    analysed = []
    for uid, company, direction, family, code, quantity, unit, confidentiality, status, label in flows:
        where = metres.get(company)
        if where is None:  # a company without a location cannot be placed on the map
            continue
        analysed.append(Flow(str(uid), str(company), direction, family, code, quantity, unit,
                             where[0], where[1], confidentiality, status, label))
    by_synergy = {}
    covered = set()
    for synergy, flow, direction in live:
        covered.add(str(flow))
        by_synergy.setdefault(synergy, {"offer": [], "need": []}).setdefault(direction, []).append(str(flow))
    linked = {(o, n) for sides in by_synergy.values() for o in sides["offer"] for n in sides["need"]}
    return Inputs(analysed, archived, covered, linked, {(str(o), str(n)) for o, n in rejected},
                  positions, names)


# --- the analyses, for docks and scripts ----------------------------------------------------

def possible_links_for(workspace, settings=None, inputs=None):
    """The possible links of ``workspace`` (live synergies and rejected pairs left out)."""
    inputs = inputs or read_inputs(workspace)
    return links.possible_links(inputs.flows, settings or Settings(), inputs.linked_pairs,
                                inputs.rejected_pairs, inputs.archived_companies)


def missing_links_for(workspace, settings=None, inputs=None):
    """The missing links of ``workspace``."""
    inputs = inputs or read_inputs(workspace)
    return links.missing_links(inputs.flows, settings or Settings(), inputs.covered_flows,
                               inputs.archived_companies)


def link_table_for(inputs, settings):
    with collector_paused():
        return links.link_table(inputs.flows, settings, inputs.linked_pairs | inputs.rejected_pairs,
                                inputs.archived_companies)


def metabolism(inputs, settings):
    """One row per company with analysed flows: counts per direction and main family."""
    per_company = {}
    for flow in links.analysed_flows(inputs.flows, settings, inputs.archived_companies):
        per_company.setdefault(flow.company_uid, []).append(flow)
    rows = []
    for company in sorted(per_company):
        flows = per_company[company]
        families = Counter(f.family for f in flows)
        main = sorted(families.items(), key=lambda item: (-item[1], item[0]))[0][0]
        offers = sum(1 for f in flows if f.direction == "offer")
        needs = len(flows) - offers
        role = "both" if offers and needs else ("offers" if offers else "needs")
        rows.append((company, inputs.company_names.get(company), offers, needs, len(flows), main,
                     ",".join(sorted(families)), role))
    return rows


# --- geometry blobs -------------------------------------------------------------------------

def _point_blob(srs_id, x, y):
    return struct.pack("<2sBBi", b"GP", 0, 1, srs_id) + struct.pack("<BIdd", 1, 1, x, y)


def _point_wkb(x, y):
    return struct.pack("<BIdd", 1, 1, x, y)


def _line_wkb(x1, y1, x2, y2):
    return struct.pack("<BIIBII4d", 1, 5, 1, 1, 2, 2, x1, y1, x2, y2)


# --- writing --------------------------------------------------------------------------------

def _now():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _columns(table):
    from ..storage.schema import TABLES_BY_NAME

    return TABLES_BY_NAME[table].column_names


def _replace_sqlite(database, table, rows, envelopes, count=None, insert=None):
    """Replace every row of ``table`` (rows start with the geometry blob when it has one).

    ``insert``: instead of ``rows``, ``insert(connection, plan)`` inserts the ``count`` rows
    (fids 1 to ``count``); ``plan`` (None without an R-tree) computes the R-tree's plan
    (:func:`_plan_rtree`; numpy, which may run in a thread while SQLite inserts). It returns
    (True when it filled the R-tree's ``_rowid`` table itself, the plan).
    ``envelopes``: (minx, maxx, miny, maxy) per row (a sequence or a float64 array (n, 4)), or
    None for a table without geometry. GDAL's spatial index triggers call functions only GDAL's
    SQLite has, and firing them row by row would be slow: they are set aside, the R-tree is made
    again and packed in bulk (:func:`.rtree.pack`), and the triggers put back, all in the caller's
    transaction. The extent in ``gpkg_contents`` is that of the envelopes.
    """
    import numpy as np

    connection = database.connection
    columns = _columns(table)
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
    plan = functools.partial(_plan_rtree, np.arange(1, count + 1, dtype=np.int64), boxes,
                             _rtree_node_size(connection, rtree)) if has_rtree else None
    rowids_written = False
    if insert is not None:
        rowids_written, plan = insert(connection, plan)
    else:
        plan = plan() if plan is not None else None
        connection.executemany('INSERT INTO "{}" (fid, {}) VALUES (?, {})'.format(
            table, ", ".join('"{}"'.format(n) for n in names), ", ".join("?" * len(names))),
            ((fid,) + tuple(row) for fid, row in zip(range(1, count + 1), rows)))
    if geometric:
        if has_rtree:
            _write_rtree(connection, rtree, plan, rowids=not rowids_written)
        extent = (boxes[:, 0].min(), boxes[:, 2].min(), boxes[:, 1].max(), boxes[:, 3].max()) if count \
            else (None, None, None, None)
        connection.execute(
            "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, last_change = ? "
            "WHERE table_name = ?", tuple(None if v is None else float(v) for v in extent) + (_now(), table))
    for _name, sql in triggers:
        connection.execute(sql)
    if not geometric:
        connection.execute("UPDATE gpkg_contents SET last_change = ? WHERE table_name = ?", (_now(), table))
    if connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'gpkg_ogr_contents'").fetchone():
        connection.execute("UPDATE gpkg_ogr_contents SET feature_count = ? WHERE lower(table_name) = lower(?)",
                           (count, table))


def _replace_postgres(database, table, rows, srid, geometric):
    columns = _columns(table)
    names = (["geom"] if geometric else []) + columns
    values = (["ST_SetSRID(ST_GeomFromWKB(?), {})".format(int(srid))] if geometric else []) + ["?"] * len(columns)
    database.execute("DELETE FROM {}".format(database.table(table)))
    cursor = database.connection.cursor()
    cursor.executemany(database.sql("INSERT INTO {} ({}) VALUES ({})".format(
        database.table(table), ", ".join('"{}"'.format(n) for n in names), ", ".join(values))),
        list(rows))


def _srs_id(database, table):
    row = database.connection.execute(
        "SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?", (table,)).fetchone()
    return row[0] if row else 0


def _record(database, settings, tables):
    stamp = _now()
    info = {ANALYSED_AT: stamp, SETTINGS_KEY: json.dumps(settings._asdict(), sort_keys=True)}
    for table in tables:
        info["{}:{}".format(ANALYSED_AT, table)] = stamp
    for key, value in info.items():
        database.execute("DELETE FROM {t:workspace_info} WHERE key = ?", (key,))
        database.execute("INSERT INTO {t:workspace_info} (key, value) VALUES (?, ?)", (key, value))
    return stamp


def write_outputs(workspace, settings, inputs, table=None, missing=None, balance=None, metabolism_rows=None,
                  translate=None):
    """Replace the analysis tables given (None: left as they are) in one transaction.

    ``table``: a :class:`domain.links.LinkTable`; ``missing``: MissingLink list; ``balance``:
    BalanceRow list; ``metabolism_rows``: rows of :func:`metabolism`. Returns the time stamp.
    """
    positions = inputs.positions
    with collector_paused(), opened(workspace) as database:
        postgres = database.dialect == "postgres"
        srid = getattr(workspace, "srid", None)
        if postgres and settings.max_confidentiality == "advisor":
            # resource_balance and metabolism are read by every role of a team workspace and have
            # no confidentiality column: they count the flows every reader may see, never
            # advisor-level ones (the run's own BALANCE output keeps what its author may see)
            shared = settings._replace(max_confidentiality="internal")
            if balance is not None:
                balance = links.resource_balance(inputs.flows, shared, inputs.archived_companies)
            if metabolism_rows is not None:
                metabolism_rows = metabolism(inputs, shared)
        journal = None
        if not postgres:
            journal = _journal_for_new_pages(database, table, missing, balance, metabolism_rows)
            if database.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
                # safe in WAL mode (no corruption on a crash or power cut; only this last commit
                # may be lost on a power cut): the commit of a big replacement waits for no fsync
                database.connection.execute("PRAGMA synchronous = NORMAL")
        try:
            return _write_outputs(database, postgres, srid, settings, inputs, positions, table, missing, balance,
                                  metabolism_rows, translate)
        finally:
            if journal is not None:
                restore_journal(database.connection, journal)


BIG_ANALYSIS = 100000  # rows written at once, from which a first analysis skips the WAL (see below)


def _journal_for_new_pages(database, table, missing, balance, metabolism_rows):
    """A big analysis written into empty tables (a workspace's first) goes in as new pages:
    through a rollback journal, when nobody else has the file open, they are written once
    instead of twice (:func:`.database.rollback_journal_while_alone`). Returns the mode to
    restore, or None."""
    outputs = {"possible_links": table, "missing_links": missing, "resource_balance": balance,
               "metabolism": metabolism_rows}
    written = {name: rows for name, rows in outputs.items() if rows is not None}
    if sum(len(rows) for rows in written.values()) < BIG_ANALYSIS:
        return None
    connection = database.connection
    if any(connection.execute('SELECT EXISTS (SELECT 1 FROM "{}")'.format(name)).fetchone()[0] for name in written):
        return None
    return rollback_journal_while_alone(connection)


def _write_outputs(database, postgres, srid, settings, inputs, positions, table, missing, balance, metabolism_rows,
                   translate):
    with database.transaction():
        written = []
        if table is not None:
            written.append("possible_links")
            _write_possible(database, postgres, srid, table, positions, translate)
        if missing is not None:
            written.append("missing_links")
            srs = None if postgres else _srs_id(database, "missing_links")
            rows, envelopes = [], []
            for item in missing:
                flow = item.flow
                x, y = positions[flow.company_uid]
                geometry = _point_wkb(x, y) if postgres else _point_blob(srs, x, y)
                rows.append((geometry, item.kind, flow.uid, flow.company_uid,
                             inputs.company_names.get(flow.company_uid), flow.resource_code, flow.family,
                             flow.label, flow.quantity, flow.unit, item.nearest_km,
                             flow.confidentiality))
                envelopes.append((x, x, y, y))
            _replace(database, postgres, srid, "missing_links", rows, envelopes)
        if balance is not None:
            written.append("resource_balance")
            _replace(database, postgres, srid, "resource_balance", [tuple(row) for row in balance], None)
        if metabolism_rows is not None:
            written.append("metabolism")
            srs = None if postgres else _srs_id(database, "metabolism")
            rows, envelopes = [], []
            for row in metabolism_rows:
                x, y = positions[row[0]]
                rows.append(((_point_wkb(x, y) if postgres else _point_blob(srs, x, y)),) + tuple(row))
                envelopes.append((x, x, y, y))
            _replace(database, postgres, srid, "metabolism", rows, envelopes)
        return _record(database, settings, written)


def _replace(database, postgres, srid, table, rows, envelopes, count=None):
    if postgres:
        _replace_postgres(database, table, rows, srid, envelopes is not None)
    else:
        _replace_sqlite(database, table, rows, envelopes, count)


def _line_blob(srs_id, x1, y1, x2, y2):
    """GeoPackage blobs of two-point multilinestrings, built by numpy, one after the other in one
    bytes object: (the bytes, the size of one). Without the optional envelope (a third of a
    blob; the spatial index holds the envelopes, and readers take them from the points)."""
    import numpy as np

    dtype = np.dtype([("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs", "<i4"),
                      ("order", "u1"), ("type", "<u4"), ("parts", "<u4"), ("order2", "u1"), ("type2", "<u4"),
                      ("points", "<u4"), ("coordinates", "<f8", 4)])
    count = len(x1)
    data = np.zeros(count, dtype=dtype)
    data["magic"], data["version"], data["flags"], data["srs"] = b"GP", 0, 1, srs_id
    data["order"], data["type"], data["parts"] = 1, 5, 1
    data["order2"], data["type2"], data["points"] = 1, 2, 2
    data["coordinates"] = np.stack([x1, y1, x2, y2], 1)
    return data.tobytes(), dtype.itemsize


_OFFER_COLUMNS = {"offer_flow_uid": "uid", "offer_company_uid": "company_uid", "resource_code": "resource_code",
                  "family": "family", "offer_quantity": "quantity", "offer_unit": "unit"}
_NEED_COLUMNS = {"need_flow_uid": "uid", "need_company_uid": "company_uid", "need_resource_code": "resource_code",
                 "need_quantity": "quantity", "need_unit": "unit"}


def possible_link_columns(table, positions, translate=None):
    """The possible links as the ``possible_links`` table's columns, and their line ends.

    Returns (columns, (x1, y1, x2, y2)): one list per column of the table in its order
    (without the geometry), built column-wise with no Python statement run per link, and the
    float arrays of the offering (x1, y1) and needing (x2, y2) companies' positions in the
    workspace's CRS. ``zip(*columns)`` gives the rows. Shared by the workspace table and the
    Processing output.
    """
    import operator

    import numpy as np

    names = _columns("possible_links")
    count = len(table)
    offers, needs = table.offers, table.needs
    o, n = table.offer_index, table.need_index
    picked = {}
    for side, flows, index in ((_OFFER_COLUMNS, offers, o), (_NEED_COLUMNS, needs, n)):
        index = index.tolist()
        for name, attribute in side.items():
            values = list(map(operator.attrgetter(attribute), flows))
            picked[name] = list(map(values.__getitem__, index))
    share = table.covered_share
    levels = {level: i for i, level in enumerate(links.CONFIDENTIALITY_LEVELS)}
    rank = np.array([levels[f.confidentiality] for f in offers] or [0])[o]
    other = np.array([levels[f.confidentiality] for f in needs] or [0])[n]
    level_names = list(links.CONFIDENTIALITY_LEVELS)
    picked.update({
        "distance_km": table.distance_km.tolist(),
        "covered_share": np.where(np.isnan(share), None, share).tolist() if count else [],
        "reason": table.reasons(translate),
        "confidentiality": list(map(level_names.__getitem__, np.minimum(rank, other).tolist())),
    })

    return [picked[name] for name in names], _link_ends(table, positions)


def _link_ends(table, positions):
    """Float arrays x1, y1 (offering company) and x2, y2 (company in need) of each link."""
    import numpy as np

    def coordinates(flows, index):
        xy = np.array([positions[f.company_uid] for f in flows] or [(0.0, 0.0)], dtype=np.float64)
        return xy[index, 0], xy[index, 1]

    return coordinates(table.offers, table.offer_index) + coordinates(table.needs, table.need_index)


def _write_possible(database, postgres, srid, table, positions, translate):
    import numpy as np

    if postgres:
        columns, (x1, y1, x2, y2) = possible_link_columns(table, positions, translate)
        geometries = [_line_wkb(*c) for c in zip(x1.tolist(), y1.tolist(), x2.tolist(), y2.tolist())]
        _replace_postgres(database, "possible_links", zip(geometries, *columns), srid, True)
        return
    x1, y1, x2, y2 = _link_ends(table, positions)
    envelopes = np.stack([np.minimum(x1, x2), np.maximum(x1, x2), np.minimum(y1, y2), np.maximum(y1, y2)], 1)

    def insert(connection, plan):
        return _insert_possible_sqlite(connection, table, _srs_id(database, "possible_links"), (x1, y1, x2, y2),
                                       translate, plan)

    _replace_sqlite(database, "possible_links", None, envelopes, len(table), insert=insert)


_FLOW_TABLES = {"offer": ("tf_link_offers", ("uid", "company_uid", "resource_code", "family", "quantity", "unit")),
                "need": ("tf_link_needs", ("uid", "company_uid", "resource_code", "quantity", "unit"))}


def _insert_possible_sqlite(connection, table, srs_id, ends, translate, plan=None):
    """Insert the links into ``possible_links`` (fids 1 to n) with SQLite doing the joins.

    A link's columns are mostly its two flows' (uids, companies, codes, quantities, units): the
    flows go into two temporary tables, and one INSERT ... SELECT joins them in SQLite's own code.
    Of each link only the distance and the share are bound from Python, into a third temporary
    table; its geometry, its two flows' row numbers, the values of its reason and its R-tree leaf
    are read by SQLite from blobs numpy makes whole (a fixed size per link: ``substr`` finds it at
    once), and the reason is put together by SQLite from its template's pieces (or bound whole
    when a translation formats a value itself). With ``plan`` (it computes the R-tree's plan,
    :func:`_plan_rtree`; in a thread while SQLite inserts), the R-tree's ``_rowid`` table is filled by
    SQLite too. Returns (whether it was, the plan).
    """
    import operator

    import numpy as np

    from ..domain.codes import subchapter_of

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
    geometries, size = _line_blob(srs_id, *ends)
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
        blobs[name] = _rtree_digits(values, width) if count else b""
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
    names = ["fid", "geom"] + _columns("possible_links")
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


def analysed_at(workspace):
    """When the analysis last wrote its tables (ISO text, UTC), or None."""
    return workspace.info.get(ANALYSED_AT)


def analyse(workspace, settings=None, possible=True, missing=True, translate=None, write=True):
    """Run the analyses on ``workspace`` and (``write``) replace its analysis tables.

    Returns a dict with ``inputs``, ``links`` (LinkTable or None), ``missing``, ``balance``,
    ``metabolism`` and ``analysed_at`` (None when nothing was written).
    """
    settings = settings or Settings()
    links.check_settings(settings)
    inputs = read_inputs(workspace)
    result = {"inputs": inputs, "links": None, "missing": None, "balance": None, "metabolism": None,
              "analysed_at": None}
    if possible:
        result["links"] = link_table_for(inputs, settings)
    if missing:
        result["missing"] = links.missing_links(inputs.flows, settings, inputs.covered_flows,
                                                inputs.archived_companies)
        result["balance"] = links.resource_balance(inputs.flows, settings, inputs.archived_companies)
        result["metabolism"] = metabolism(inputs, settings)
    if write:
        result["analysed_at"] = write_outputs(workspace, settings, inputs, result["links"], result["missing"],
                                              result["balance"], result["metabolism"], translate)
    return result
