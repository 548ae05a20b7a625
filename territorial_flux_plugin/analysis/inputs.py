"""What the value-chain analysis reads from a workspace (either storage), and the analyses a dock
or a script runs on it without writing anything.

- :func:`read_inputs` ``(workspace)`` -> :class:`Inputs` (flows, pairs to leave out, positions)
- :func:`possible_links_for` ``(workspace, settings=None)`` -> list of ``domain.links.PossibleLink``
- :func:`missing_links_for` ``(workspace, settings=None)`` -> list of ``domain.links.MissingLink``
"""

import gc
from collections import Counter, namedtuple
from contextlib import contextmanager

from ..domain import links
from ..domain.links import Flow, Settings

Inputs = namedtuple("Inputs", "flows archived_companies covered_flows linked_pairs rejected_pairs "
                              "positions company_names")
Inputs.__doc__ = """What the analysis reads from a workspace.

``flows``: :class:`domain.links.Flow` with x, y in metres; ``positions``: company uid -> (x, y)
in the workspace's CRS (for output geometries); ``covered_flows``: uids of flows in a live
synergy; ``linked_pairs``: (offer uid, need uid) of live synergies; ``rejected_pairs``: pairs
the advisor rejected."""


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

def _metres(workspace, positions):
    """Company positions in metres: as stored for a projected CRS in metres, else projected."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject, QgsUnitTypes

    crs = workspace.crs
    units = crs.mapUnits()
    if not crs.isGeographic():
        factor = QgsUnitTypes.fromUnitToUnitFactor(units, QgsUnitTypes.DistanceUnit.DistanceMeters)
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
    with workspace.opened(read_only=True) as database:
        companies = database.execute(
            "SELECT uid, name, status, {} FROM {{t:companies}}".format(database.geometry_select())).fetchall()
        point_of = database.point
        flows = database.execute(
            "SELECT uid, company_uid, direction, family, resource_code, quantity, unit, confidentiality, status, "
            "label FROM {t:flows}").fetchall()
        live = database.execute(
            "SELECT p.synergy_uid, p.flow_uid, f.direction FROM {t:synergy_participants} p "
            "JOIN {t:synergies} s ON s.uid = p.synergy_uid JOIN {t:flows} f ON f.uid = p.flow_uid "
            "WHERE s.status <> 'abandoned'").fetchall()
        rejected = database.execute(
            "SELECT offer_flow_uid, need_flow_uid FROM {t:link_reviews} WHERE decision = 'rejected'").fetchall()
    positions, names, archived = {}, {}, set()
    for row in companies:
        uid, name, status = row[0], row[1], row[2]
        point = point_of(row[3])
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
