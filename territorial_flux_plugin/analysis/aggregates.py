"""The missing links and possible links of a workspace, aggregated per area: what a map of the
whole territory draws (the printed maps and the canvas's map themes alike).

The areas are the workspace's communes (``areas`` of kind ``commune``); without communes, its
business zones; without either, the cells of a regular hexagon grid. The choice is made by the
query itself, so a layer stays right after boundaries are imported. A company belongs to the area
that contains it (a hexagon: the cell its point falls in).

The common measure is the **number of flows**: a symbol's size is the number of unmet needs (or
orphan offers) of its area, whatever their units (tonnes, MWh, hours, m²… cannot be added), and a
flow line's width is the number of possible links between two areas. The territory report's
metabolism counts visible flows the same way.

Every query is plain SQL over the workspace's tables, the same on both storages (spatial
functions through :meth:`Workspace.geometry_input` / :meth:`Workspace.geometry_output`): a view
registered in a GeoPackage, a query layer of a team workspace.
"""

import math

from ..domain.links import ORPHAN_OFFER, UNMET_NEED

#: the kinds of area a map aggregates on, in order of preference; then hexagons
AREA_KINDS = ("commune", "zone")
#: hexagon sizes (distance between opposite sides) a grid may take, in metres; degrees / 100 000
HEX_SIZES = (250, 500, 1000, 2000, 5000, 10000, 20000, 50000)
#: about how many hexagons across the territory's width
HEX_ACROSS = 10
KINDS = (UNMET_NEED, ORPHAN_OFFER)


def hexagon_size(extent, geographic=False):
    """A round hexagon size (distance between opposite sides, in the CRS's units) that lays about
    :data:`HEX_ACROSS` cells across ``extent`` ((minx, miny, maxx, maxy) or None)."""
    factor = 1e-5 if geographic else 1.0
    if extent is None:
        return HEX_SIZES[3] * factor
    span = max(extent[2] - extent[0], extent[3] - extent[1]) / factor
    wanted = span / HEX_ACROSS
    return min(HEX_SIZES, key=lambda size: abs(math.log(size / wanted)) if wanted > 0 else size) * factor


def _number(value):
    return repr(float(value))


def units_sql(workspace, hex_size):
    """SQL: ``company_uid, unit_key, unit_name, ux, uy`` for each company with a place: its area
    (communes, else zones, else a hexagon of ``hex_size`` across) and the point its symbol sits on."""
    areas, companies = workspace.qualified("areas"), workspace.qualified("companies")
    surface = "ST_PointOnSurface({})".format(workspace.geometry_input("a.geom"))
    inside = "ST_Intersects({}, {})".format(workspace.geometry_input("a.geom"), workspace.geometry_input("c.geom"))
    has = "EXISTS (SELECT 1 FROM {} WHERE kind = '{{}}')".format(areas)
    by_area = ("SELECT CAST(c.uid AS TEXT) AS company_uid, 'a' || a.fid AS unit_key, a.name AS unit_name, ST_X({s}) AS ux, "
               "ST_Y({s}) AS uy FROM {companies} c JOIN {areas} a ON (a.kind = 'commune' OR (a.kind = 'zone' AND "
               "NOT {has_commune})) AND {inside} WHERE c.geom IS NOT NULL").format(
        s=surface, companies=companies, areas=areas, has_commune=has.format("commune"), inside=inside)
    width = float(hex_size)  # between opposite sides: pointy-top hexagons in rows 1.5 radius apart
    row = 3.0 * width / math.sqrt(3.0)  # two rows of the lattice
    w, h = _number(width), _number(row)
    point = ("SELECT uid, x, y, CAST(round(x / {w}) AS INTEGER) AS ia, CAST(round(y / {h}) AS INTEGER) AS ja, "
             "CAST(round((x - {w} / 2.0) / {w}) AS INTEGER) AS ib, CAST(round((y - {h} / 2.0) / {h}) AS INTEGER) AS jb "
             "FROM (SELECT uid, ST_X({g}) AS x, ST_Y({g}) AS y FROM {companies} WHERE geom IS NOT NULL) AS p").format(
        w=w, h=h, g=workspace.geometry_input("geom"), companies=companies)
    near_a = "((x - ia * {w}) * (x - ia * {w}) + (y - ja * {h}) * (y - ja * {h}))".format(w=w, h=h)
    near_b = ("((x - ib * {w} - {w} / 2.0) * (x - ib * {w} - {w} / 2.0) + (y - jb * {h} - {h} / 2.0) * "
              "(y - jb * {h} - {h} / 2.0))").format(w=w, h=h)
    by_hexagon = ("SELECT CAST(uid AS TEXT) AS company_uid, CASE WHEN {a} <= {b} THEN 'ha' || ia || '_' || ja ELSE 'hb' || ib || '_' "
                  "|| jb END AS unit_key, NULL AS unit_name, CASE WHEN {a} <= {b} THEN ia * {w} ELSE ib * {w} + {w} / "
                  "2.0 END AS ux, CASE WHEN {a} <= {b} THEN ja * {h} ELSE jb * {h} + {h} / 2.0 END AS uy FROM ({point}) "
                  "AS q WHERE NOT EXISTS (SELECT 1 FROM {areas} WHERE kind IN ('commune', 'zone'))").format(
        a=near_a, b=near_b, w=w, h=h, point=point, areas=areas)
    return "{} UNION ALL {}".format(by_area, by_hexagon)


def _point(workspace, x, y):
    return workspace.geometry_output("ST_GeomFromText('POINT(' || {} || ' ' || {} || ')', {})".format(
        x, y, workspace.srid))


def missing_sql(workspace, hex_size, where=None, by_family=False):
    """SQL of the missing links per area and kind (and per family with ``by_family``): ``fid``,
    ``geom`` (the area's point), ``unit_key``, ``unit_name``, ``kind`` (unmet_need, orphan_offer),
    ``family`` (with ``by_family``), ``flows`` (their number), ``main_family`` and ``main_flows``
    (the family with the most of them in the area, and how many). ``where``: a condition on the
    missing links (their confidentiality)."""
    per_family = ("SELECT u.unit_key AS unit_key, max(u.unit_name) AS unit_name, max(u.ux) AS ux, max(u.uy) AS uy, "
                  "m.kind AS kind, m.family AS family, count(*) AS flows FROM {missing} m JOIN ({units}) AS u "
                  "ON u.company_uid = m.company_uid{where} GROUP BY u.unit_key, m.kind, m.family").format(
        missing=workspace.qualified("missing_links"), units=units_sql(workspace, hex_size),
        where=" WHERE " + where if where else "")
    ranked = ("SELECT f.*, row_number() OVER (PARTITION BY unit_key, kind ORDER BY flows DESC, family) AS rank "
              "FROM ({}) AS f").format(per_family)
    family = "family, " if by_family else ""
    return ("SELECT row_number() OVER (ORDER BY unit_key, kind{order}) AS fid, {geom} AS geom, unit_key, "
            "max(unit_name) AS unit_name, kind, {family}sum(flows) AS flows, "
            "max(CASE WHEN rank = 1 THEN family END) AS main_family, "
            "max(CASE WHEN rank = 1 THEN flows END) AS main_flows FROM ({ranked}) AS r "
            "GROUP BY unit_key, kind{group}").format(
        order=", family" if by_family else "", geom=_point(workspace, "max(ux)", "max(uy)"), family=family,
        ranked=ranked, group=", family" if by_family else "")


def flows_sql(workspace, hex_size, where=None, by_family=False):
    """SQL of the possible links between two areas, both directions together (and per family with
    ``by_family``): ``fid``, ``geom`` (a line between the areas' points), ``from_key``, ``from_name``,
    ``to_key``, ``to_name``, ``family`` (with ``by_family``), ``links`` (their number). Links within
    one area are not drawn (the area's symbols show its needs and offers)."""
    units = units_sql(workspace, hex_size)
    family = ", p.family" if by_family else ""
    pairs = ("SELECT CASE WHEN o.unit_key < n.unit_key THEN o.unit_key ELSE n.unit_key END AS from_key, "
             "CASE WHEN o.unit_key < n.unit_key THEN n.unit_key ELSE o.unit_key END AS to_key, "
             "CASE WHEN o.unit_key < n.unit_key THEN o.unit_name ELSE n.unit_name END AS from_name, "
             "CASE WHEN o.unit_key < n.unit_key THEN n.unit_name ELSE o.unit_name END AS to_name, "
             "CASE WHEN o.unit_key < n.unit_key THEN o.ux ELSE n.ux END AS x1, "
             "CASE WHEN o.unit_key < n.unit_key THEN o.uy ELSE n.uy END AS y1, "
             "CASE WHEN o.unit_key < n.unit_key THEN n.ux ELSE o.ux END AS x2, "
             "CASE WHEN o.unit_key < n.unit_key THEN n.uy ELSE o.uy END AS y2{family} "
             "FROM {links} p JOIN ({units}) AS o ON o.company_uid = p.offer_company_uid "
             "JOIN ({units}) AS n ON n.company_uid = p.need_company_uid WHERE o.unit_key <> n.unit_key{where}").format(
        family=family, links=workspace.qualified("possible_links"), units=units,
        where=" AND " + where if where else "")
    line = workspace.geometry_output(
        "ST_GeomFromText('LINESTRING(' || max(x1) || ' ' || max(y1) || ', ' || max(x2) || ' ' || max(y2) || ')', "
        "{})".format(workspace.srid))
    group = "from_key, to_key" + (", family" if by_family else "")
    return ("SELECT row_number() OVER (ORDER BY {group}) AS fid, {line} AS geom, from_key, max(from_name) AS "
            "from_name, to_key, max(to_name) AS to_name{family}, count(*) AS links FROM ({pairs}) AS l "
            "GROUP BY {group}").format(group=group, line=line, family=", family" if by_family else "", pairs=pairs)


def cells_sql(workspace, hex_size):
    """SQL of the hexagons that hold companies (none when the workspace has communes or zones):
    ``fid``, ``geom``, ``unit_key``; drawn as the areas' outlines on a map without boundaries."""
    width = float(hex_size)
    radius = width / math.sqrt(3.0)
    corners = [(0.0, radius), (width / 2, radius / 2), (width / 2, -radius / 2), (0.0, -radius),
               (-width / 2, -radius / 2), (-width / 2, radius / 2), (0.0, radius)]
    ring = " || ', ' || ".join("(ux + {}) || ' ' || (uy + {})".format(_number(dx), _number(dy)) for dx, dy in corners)
    geom = workspace.geometry_output("ST_GeomFromText('POLYGON((' || {} || '))', {})".format(ring, workspace.srid))
    return ("SELECT row_number() OVER (ORDER BY unit_key) AS fid, {geom} AS geom, unit_key FROM "
            "(SELECT unit_key, max(ux) AS ux, max(uy) AS uy FROM ({units}) AS u WHERE unit_key LIKE 'h%' "
            "GROUP BY unit_key) AS h").format(geom=geom, units=units_sql(workspace, hex_size))


def aggregation_kind(workspace):
    """What the aggregated layers of ``workspace`` count on now: ``commune``, ``zone`` or ``hexagon``."""
    for kind in AREA_KINDS:
        if workspace.read("SELECT 1 FROM {t:areas} WHERE kind = ? LIMIT 1", (kind,)):
            return kind
    return "hexagon"
