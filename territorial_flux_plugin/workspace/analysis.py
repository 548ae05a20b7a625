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
import json
import struct
from collections import Counter, namedtuple

from ..domain import links
from ..domain.links import Flow, Settings
from .database import opened

Inputs = namedtuple("Inputs", "flows archived_companies covered_flows linked_pairs rejected_pairs "
                              "positions company_names")
Inputs.__doc__ = """What the analysis reads from a workspace.

``flows``: :class:`domain.links.Flow` with x, y in metres; ``positions``: company uid -> (x, y)
in the workspace's CRS (for output geometries); ``covered_flows``: uids of flows in a live
synergy; ``linked_pairs``: (offer uid, need uid) of live synergies; ``rejected_pairs``: pairs
the advisor rejected."""

ANALYSED_AT = "analysed_at"
SETTINGS_KEY = "analysis_settings"


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
    from .schema import TABLES_BY_NAME

    return TABLES_BY_NAME[table].column_names


def _replace_sqlite(database, table, rows, envelopes, count=None):
    """Replace every row of ``table`` (rows start with the geometry blob when it has one).

    GDAL's spatial index triggers call functions only GDAL's SQLite has, and firing them row by
    row would be slow: they are set aside, the index is filled in one statement, and put back
    (all in the caller's transaction).
    """
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
    rows = list(rows)
    count = len(rows) if count is None else count
    fids = range(1, count + 1)
    connection.executemany('INSERT INTO "{}" (fid, {}) VALUES (?, {})'.format(
        table, ", ".join('"{}"'.format(n) for n in names), ", ".join("?" * len(names))),
        ((fid,) + row for fid, row in zip(fids, rows)))
    if has_rtree:
        connection.executemany('INSERT INTO "{}" (id, minx, maxx, miny, maxy) VALUES (?, ?, ?, ?, ?)'.format(rtree),
                               ((fid,) + tuple(env) for fid, env in zip(fids, envelopes)))
    for _name, sql in triggers:
        connection.execute(sql)
    if geometric:
        extent = connection.execute(
            'SELECT min(minx), min(miny), max(maxx), max(maxy) FROM "{}"'.format(rtree)).fetchone() \
            if has_rtree else (None, None, None, None)
        connection.execute(
            "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, last_change = ? "
            "WHERE table_name = ?", tuple(extent) + (_now(), table))
    else:
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
        database.table(table), ", ".join('"{}"'.format(n) for n in names), ", ".join(values))), list(rows))


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
    with opened(workspace) as database:
        postgres = database.dialect == "postgres"
        srid = getattr(workspace, "srid", None)
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


def _line_blobs(srs_id, x1, y1, x2, y2):
    """GeoPackage blobs (with envelope) of two-point multilinestrings, built by numpy."""
    import numpy as np

    dtype = np.dtype([("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs", "<i4"), ("envelope", "<f8", 4),
                      ("order", "u1"), ("type", "<u4"), ("parts", "<u4"), ("order2", "u1"), ("type2", "<u4"),
                      ("points", "<u4"), ("coordinates", "<f8", 4)])
    count = len(x1)
    data = np.zeros(count, dtype=dtype)
    data["magic"], data["version"], data["flags"], data["srs"] = b"GP", 0, 3, srs_id
    data["envelope"] = np.stack([np.minimum(x1, x2), np.maximum(x1, x2), np.minimum(y1, y2), np.maximum(y1, y2)], 1)
    data["order"], data["type"], data["parts"] = 1, 5, 1
    data["order2"], data["type2"], data["points"] = 1, 2, 2
    data["coordinates"] = np.stack([x1, y1, x2, y2], 1)
    raw = data.tobytes()
    size = dtype.itemsize
    return [raw[i:i + size] for i in range(0, count * size, size)]


def _write_possible(database, postgres, srid, table, positions, translate):
    import numpy as np

    reasons = table.reasons(translate)
    offers, needs = table.offers, table.needs
    o, n = table.offer_index, table.need_index

    def column(flows, index, value):
        return np.array([value(f) for f in flows] or [None], dtype=object)[index].tolist()

    def coordinates(flows, index):
        xy = np.array([positions[f.company_uid] for f in flows] or [(0.0, 0.0)], dtype=np.float64)
        return xy[index, 0], xy[index, 1]

    x1, y1 = coordinates(offers, o)
    x2, y2 = coordinates(needs, n)
    if postgres:
        geometries = [_line_wkb(*c) for c in zip(x1.tolist(), y1.tolist(), x2.tolist(), y2.tolist())]
    else:
        geometries = _line_blobs(_srs_id(database, "possible_links"), x1, y1, x2, y2)
    levels = {level: i for i, level in enumerate(links.CONFIDENTIALITY_LEVELS)}
    rank = np.array([levels[f.confidentiality] for f in offers] or [0])[o]
    other = np.array([levels[f.confidentiality] for f in needs] or [0])[n]
    levels = np.array(list(links.CONFIDENTIALITY_LEVELS), dtype=object)[np.minimum(rank, other)].tolist()
    share = table.covered_share
    shares = np.where(np.isnan(share), None, share).tolist() if len(share) else []
    rows = zip(geometries, column(offers, o, lambda f: f.uid), column(needs, n, lambda f: f.uid),
               column(offers, o, lambda f: f.company_uid), column(needs, n, lambda f: f.company_uid),
               column(offers, o, lambda f: f.resource_code), column(needs, n, lambda f: f.resource_code),
               column(offers, o, lambda f: f.family), table.distance_km.tolist(), shares,
               column(offers, o, lambda f: f.quantity), column(offers, o, lambda f: f.unit),
               column(needs, n, lambda f: f.quantity), column(needs, n, lambda f: f.unit), reasons, levels)
    envelopes = zip(np.minimum(x1, x2).tolist(), np.maximum(x1, x2).tolist(), np.minimum(y1, y2).tolist(),
                    np.maximum(y1, y2).tolist())
    _replace(database, postgres, srid, "possible_links", rows, envelopes, len(table))


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
