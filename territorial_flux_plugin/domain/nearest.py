"""The bounded nearest-neighbour search of the value-chain analysis, in numpy.

A grid per resource key whose cell size follows the density that the flows actually see,
searched ring by ring until the k-th best is nearer than any cell left, so time grows about
linearly with the number of flows. Pure (numpy only, which every QGIS ships).
"""

import numpy as np


class Side:
    """Arrays of one direction's flows: position, key id, company id and uid rank."""

    def __init__(self, flows, x, y, key, company, rank, code=None):
        self.flows = flows
        self.x, self.y, self.key, self.company, self.rank = x, y, key, company, rank
        self.code = code  # resource code ids


def pair_codes(offer_index, need_index, need_count):
    return offer_index.astype(np.int64) * max(1, need_count) + need_index


_MAX_CELLS = 1 << 19
_OFFSET = 1 << 20
_PER_CELL = 0.25  # targets per cell for each neighbour wanted (tuned by make bench)
_MIN_PER_CELL = 1.0


def _ring(radius):
    if radius == 0:
        return np.zeros((1, 2), dtype=np.int64)
    side = np.arange(-radius, radius + 1, dtype=np.int64)
    top = np.stack([side, np.full_like(side, radius)], axis=1)
    bottom = np.stack([side, np.full_like(side, -radius)], axis=1)
    inner = np.arange(-radius + 1, radius, dtype=np.int64)
    left = np.stack([np.full_like(inner, -radius), inner], axis=1)
    right = np.stack([np.full_like(inner, radius), inner], axis=1)
    return np.concatenate([top, bottom, left, right])


def _block(radius):
    span = np.arange(-radius, radius + 1, dtype=np.int64)
    dx, dy = np.meshgrid(span, span)
    return np.stack([dx.ravel(), dy.ravel()], axis=1)


def _group_starts(sorted_values):
    starts = np.ones(len(sorted_values), dtype=bool)
    if len(sorted_values):
        starts[1:] = sorted_values[1:] != sorted_values[:-1]
    return starts


def _positions_in_groups(sorted_values):
    """0, 1, 2… within each run of equal values of a sorted array."""
    index = np.arange(len(sorted_values))
    starts = np.where(_group_starts(sorted_values), index, 0)
    return index - np.maximum.accumulate(starts) if len(index) else index


def _sort_order(q, t, d, trank):
    """The order of rows by query, then distance, then target rank.

    One integer sort of (query, distance in 1/1024 m steps), then an exact sort of the rare
    rows that share both; the plain three-key lexsort is many times slower.
    """
    if not len(q):
        return np.arange(0)
    top = float(d.max()) + 1.0
    queries = int(q.max()) + 1
    scale = 1024.0
    while scale >= 1.0 and queries * top * scale >= 2.0 ** 62:
        scale /= 2.0
    if scale < 1.0:
        return np.lexsort((trank[t], d, q))
    key = q * np.int64(int(top * scale) + 1) + np.floor(d * scale).astype(np.int64)
    order = np.argsort(key, kind="stable")
    ordered = key[order]
    same = ordered[1:] == ordered[:-1]
    if same.any():
        mark = np.zeros(len(order), dtype=bool)
        mark[1:] |= same
        mark[:-1] |= same
        sub = order[mark]
        order[mark] = sub[np.lexsort((trank[t[sub]], d[sub], q[sub]))]
    return order


def _top_k(q, t, d, trank, k):
    """Rows of (q, t, d) reduced to the k best per q, by distance then target rank."""
    order = _sort_order(q, t, d, trank)
    q, t, d = q[order], t[order], d[order]
    keep = _positions_in_groups(q) < k
    return q[keep], t[keep], d[keep]


def _cell_sizes(tx, ty, tkey, key_count, per_cell, radius, extent):
    """A cell size per key from the density the targets of that key see around themselves."""
    counts = np.bincount(tkey, minlength=key_count).astype(np.float64)
    present = counts > 0
    minx = np.full(key_count, np.inf)
    maxx = np.full(key_count, -np.inf)
    miny = np.full(key_count, np.inf)
    maxy = np.full(key_count, -np.inf)
    if len(tkey):
        order = np.argsort(tkey, kind="stable")
        keys = tkey[order]
        starts = np.nonzero(_group_starts(keys))[0]
        present_keys = keys[starts]
        for values, low, high in ((tx[order], minx, maxx), (ty[order], miny, maxy)):
            low[present_keys] = np.minimum.reduceat(values, starts)
            high[present_keys] = np.maximum.reduceat(values, starts)
    width = np.where(present, np.maximum(maxx - minx, 1.0), 1.0)
    height = np.where(present, np.maximum(maxy - miny, 1.0), 1.0)
    area = np.maximum(width * height, np.maximum(width, height) ** 2 / 64.0)
    coarse = np.sqrt(area * 16.0 / np.maximum(counts, 1.0))
    # Density seen by the targets: the mean over targets of their coarse cell's count.
    if len(tx):
        cx = np.floor((tx - minx[tkey]) / coarse[tkey]).astype(np.int64)
        cy = np.floor((ty - miny[tkey]) / coarse[tkey]).astype(np.int64)
        cells = (tkey * (1 << 21) + cx) * (1 << 21) + cy
        _unique, inverse, cell_counts = np.unique(cells, return_inverse=True, return_counts=True)
        seen = np.bincount(tkey, weights=cell_counts[inverse].astype(np.float64), minlength=key_count)
        density = seen / np.maximum(counts, 1.0) / coarse ** 2
    else:
        density = np.ones(key_count)
    size = np.sqrt(per_cell / np.maximum(density, 1e-12))
    floor = max(extent / _MAX_CELLS, 1e-6)
    # Bounded rings: a sparse key (one target far away) must not mean thousands of tiny cells.
    floor = max(floor, radius / 48.0 if np.isfinite(radius) else extent / 64.0)
    size = np.maximum(size, floor)
    return size, minx, miny, maxx, maxy, present


def nearest(query, target, k, radius, same_company_allowed=False, excluded=None, query_is_offer=True,
            need_count=0):
    """The k nearest eligible targets of each query within ``radius`` (metres; may be inf).

    ``query`` and ``target`` are :class:`Side` arrays. Returns (q, t, d) sorted by query,
    then distance, then target uid. Eligible: same key, another company unless
    ``same_company_allowed``, and a pair not in ``excluded`` (sorted pair codes).
    """
    empty = (np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64), np.empty(0))
    if not len(query.x) or not len(target.x) or k < 1:
        return empty
    key_count = int(max(query.key.max(), target.key.max())) + 1
    all_x = np.concatenate([query.x, target.x])
    all_y = np.concatenate([query.y, target.y])
    extent = max(float(all_x.max() - all_x.min()), float(all_y.max() - all_y.min()), 1.0)
    size, minx, miny, maxx, maxy, present = _cell_sizes(
        target.x, target.y, target.key, key_count, max(_MIN_PER_CELL, _PER_CELL * k), radius, extent)

    # Targets sorted by cell; the first row and count of each non-empty cell.
    tcx = np.floor((target.x - minx[target.key]) / size[target.key]).astype(np.int64)
    tcy = np.floor((target.y - miny[target.key]) / size[target.key]).astype(np.int64)
    tcell = (target.key * (1 << 21) + tcx + _OFFSET) * (1 << 21) + tcy + _OFFSET
    torder = np.argsort(tcell, kind="stable")
    cells, first, cell_count = np.unique(tcell[torder], return_index=True, return_counts=True)
    last_cx = np.floor(np.where(present, maxx - minx, 0.0) / size).astype(np.int64)
    last_cy = np.floor(np.where(present, maxy - miny, 0.0) / size).astype(np.int64)

    # Queries whose key has targets at all.
    has = present[query.key]
    queries = np.nonzero(has)[0]
    qkey = query.key[queries]
    qsize = size[qkey]
    qx, qy = query.x[queries], query.y[queries]
    qcx = np.floor((qx - minx[qkey]) / qsize).astype(np.int64)
    qcy = np.floor((qy - miny[qkey]) / qsize).astype(np.int64)
    qx0 = minx[qkey] + qcx * qsize
    qy0 = miny[qkey] + qcy * qsize
    n = len(queries)
    kept_q = np.empty(0, dtype=np.int64)
    kept_t = np.empty(0, dtype=np.int64)
    kept_d = np.empty(0)
    active = np.arange(n)
    ring = 1
    offsets = _block(1)
    while len(active):
        a_cx, a_cy = qcx[active], qcy[active]
        a_key = qkey[active]
        wanted = ((a_key[:, None] * (1 << 21) + a_cx[:, None] + offsets[None, :, 0] + _OFFSET) * (1 << 21)
                  + a_cy[:, None] + offsets[None, :, 1] + _OFFSET).ravel()
        owner = np.repeat(active, len(offsets))
        where = np.searchsorted(cells, wanted)
        where[where >= len(cells)] = 0
        found = cells[where] == wanted
        owner, where = owner[found], where[found]
        counts = cell_count[where]
        total = int(counts.sum())
        if total:
            cand_q = np.repeat(owner, counts)
            run_start = np.repeat(np.cumsum(counts) - counts, counts)
            cand_t = torder[np.repeat(first[where], counts) + (np.arange(total) - run_start)]
            dx = qx[cand_q] - target.x[cand_t]
            dy = qy[cand_q] - target.y[cand_t]
            cand_d = np.sqrt(dx * dx + dy * dy)
            ok = cand_d <= radius
            if not same_company_allowed:
                ok &= query.company[queries[cand_q]] != target.company[cand_t]
            if excluded is not None and len(excluded):
                if query_is_offer:
                    codes = pair_codes(queries[cand_q], cand_t, need_count)
                else:
                    codes = pair_codes(cand_t, queries[cand_q], need_count)
                ok &= ~np.isin(codes, excluded)
            cand_q, cand_t, cand_d = cand_q[ok], cand_t[ok], cand_d[ok]
        else:
            cand_q = cand_t = np.empty(0, dtype=np.int64)
            cand_d = np.empty(0)
        # Merge with what the active queries kept so far.
        is_active = np.zeros(n, dtype=bool)
        is_active[active] = True
        mine = is_active[kept_q]
        merged_q, merged_t, merged_d = _top_k(
            np.concatenate([kept_q[mine], cand_q]), np.concatenate([kept_t[mine], cand_t]),
            np.concatenate([kept_d[mine], cand_d]), target.rank, k)
        kept_q = np.concatenate([kept_q[~mine], merged_q])
        kept_t = np.concatenate([kept_t[~mine], merged_t])
        kept_d = np.concatenate([kept_d[~mine], merged_d])
        # Done: k found nearer than any unexamined cell, the radius covered, or the key's
        # targets all examined.
        count = np.bincount(merged_q, minlength=n)[active]
        kth = np.full(n, np.inf)
        last = _positions_in_groups(merged_q) == k - 1
        kth[merged_q[last]] = merged_d[last]
        s = qsize[active]
        guaranteed = np.minimum.reduce([
            qx[active] - (qx0[active] - ring * s),
            qx0[active] + (ring + 1) * s - qx[active],
            qy[active] - (qy0[active] - ring * s),
            qy0[active] + (ring + 1) * s - qy[active],
        ])
        covered = ((a_cx - ring <= 0) & (a_cx + ring >= last_cx[a_key])
                   & (a_cy - ring <= 0) & (a_cy + ring >= last_cy[a_key]))
        done = ((count >= k) & (kth[active] < guaranteed)) | (guaranteed > radius) | covered
        active = active[~done]
        ring += 1
        offsets = _ring(ring)
    return queries[kept_q], kept_t, kept_d
