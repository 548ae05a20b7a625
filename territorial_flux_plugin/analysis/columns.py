"""The possible links as the ``possible_links`` table's columns, shared by the workspace table and
the Processing output."""

from ..domain import links
from ..storage.schema import TABLES_BY_NAME

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

    names = TABLES_BY_NAME["possible_links"].column_names
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

    return [picked[name] for name in names], link_ends(table, positions)


def link_ends(table, positions):
    """Float arrays x1, y1 (offering company) and x2, y2 (company in need) of each link."""
    import numpy as np

    def coordinates(flows, index):
        xy = np.array([positions[f.company_uid] for f in flows] or [(0.0, 0.0)], dtype=np.float64)
        return xy[index, 0], xy[index, 1]

    return coordinates(table.offers, table.offer_index) + coordinates(table.needs, table.need_index)
