"""Packing a GeoPackage's SQLite R*Tree spatial index in bulk.

SQLite inserts into an R*Tree row by row (choose a leaf, split, reinsert: tens of microseconds
a row). A table filled in one transaction with an empty index gets it packed at once instead,
the way GDAL's bulk loader does it, written in SQLite's own format. Pure numpy and sqlite3.
"""


# SQLite stores R*Tree coordinates as 32-bit floats, minimums rounded down and maximums up
# (rtree.c, rtreeValueDown/rtreeValueUp): the same rounding is applied when the index is packed.
_RND_TOWARDS = 1.0 - 1.0 / 8388608.0
_RND_AWAY = 1.0 + 1.0 / 8388608.0


def float32_down(values):
    import numpy as np

    result = values.astype(np.float32)
    above = result.astype(np.float64) > values
    if above.any():
        d = values[above]
        result[above] = (d * np.where(d < 0, _RND_AWAY, _RND_TOWARDS)).astype(np.float32)
    return result


def float32_up(values):
    import numpy as np

    result = values.astype(np.float32)
    below = result.astype(np.float64) < values
    if below.any():
        d = values[below]
        result[below] = (d * np.where(d < 0, _RND_TOWARDS, _RND_AWAY)).astype(np.float32)
    return result


def pack(connection, rtree, ids, envelopes):
    """Fill the empty, just created two-dimensional SQLite R*Tree ``rtree`` in bulk.

    Inserting rows one by one makes SQLite run its R*Tree insertion (choose a leaf, split,
    reinsert) for each, about 30 microseconds a row. Here the tree is packed at once, the way
    GDAL's bulk loader does it (sort-tile-recursive: slices by x, runs by y, full nodes), and its
    three shadow tables are written directly in SQLite's own format: ``_node`` (nodeno, blob of a
    2-byte depth for the root, a 2-byte cell count, then cells of a big-endian 64-bit id and four
    big-endian 32-bit floats minx, maxx, miny, maxy), ``_rowid`` (id -> leaf) and ``_parent``.
    ``envelopes``: float64 array (n, 4) of minx, maxx, miny, maxy; ``ids``: int64 array (n,).
    """
    write(connection, rtree, plan(ids, envelopes, node_size(connection, rtree)))


def node_size(connection, rtree):
    """The size of the nodes of ``rtree``, set by SQLite from the page size when it made it."""
    return connection.execute('SELECT length(data) FROM "{}_node" WHERE nodeno = 1'.format(rtree)).fetchone()[0]


def write(connection, rtree, plan, rowids=True):
    """Write a :func:`plan` plan; ``rowids`` False: the caller fills ``_rowid`` itself.

    ``_rowid`` has a row per entry: SQLite reads them from the ids as JSON and the leaves as one
    blob of digits (:func:`digits`), nothing bound a row at a time."""
    import json

    node_rows, parent_rows, leaf_ids, leaf_nodes = plan
    connection.executemany('INSERT OR REPLACE INTO "{}_node" (nodeno, data) VALUES (?, ?)'.format(rtree), node_rows)
    connection.executemany('INSERT INTO "{}_parent" (nodeno, parentnode) VALUES (?, ?)'.format(rtree), parent_rows)
    if rowids and len(leaf_ids):
        width = len(str(int(leaf_nodes.max())))
        connection.execute(
            'INSERT INTO "{0}_rowid" (rowid, nodeno) SELECT value, CAST(substr(:leaves, key * {1:d} + 1, {1:d}) '
            "AS INTEGER) FROM json_each(:ids) ORDER BY key".format(rtree, width),
            {"ids": json.dumps(leaf_ids.tolist()), "leaves": digits(leaf_nodes, width)})


def digits(values, width):
    """Non-negative integers as one ASCII blob of ``width`` decimal digits each, made by numpy:
    SQLite reads value ``k`` with ``CAST(substr(blob, k * width + 1, width) AS INTEGER)``."""
    import numpy as np

    values = np.asarray(values, dtype=np.int64)
    powers = 10 ** np.arange(width - 1, -1, -1, dtype=np.int64)
    return ((values[:, None] // powers) % 10 + 48).astype(np.uint8).tobytes()


def plan(ids, envelopes, node_size):
    """The rows of the shadow tables of a packed R*Tree (numpy only, no database: it may run in
    a thread while SQLite works): (node rows, parent rows, ids sorted, the leaf of each)."""
    import numpy as np

    count = len(ids)
    if not count:
        return [], [], np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    per_node = (node_size - 4) // 24
    boxes = np.empty((count, 4), dtype=np.float32)
    boxes[:, 0] = float32_down(envelopes[:, 0])
    boxes[:, 1] = float32_up(envelopes[:, 1])
    boxes[:, 2] = float32_down(envelopes[:, 2])
    boxes[:, 3] = float32_up(envelopes[:, 3])
    cell = np.dtype([("id", ">i8"), ("box", ">f4", 4)])
    entries = np.asarray(ids, dtype=np.int64)
    levels = []  # per level, bottom up: (cell ids, cell boxes) in node order
    while True:
        order = str_order(boxes, per_node)
        entries, boxes = entries[order], boxes[order]
        levels.append((entries, boxes))
        if len(entries) <= per_node:
            break
        starts = np.arange(0, len(entries), per_node)
        boxes = np.stack([np.minimum.reduceat(boxes[:, 0], starts), np.maximum.reduceat(boxes[:, 1], starts),
                          np.minimum.reduceat(boxes[:, 2], starts), np.maximum.reduceat(boxes[:, 3], starts)], 1)
        entries = np.arange(len(starts), dtype=np.int64)  # node numbers, given below
    depth = len(levels) - 1
    # node numbers: the root is 1, then the levels from the top down
    next_number = 2
    numbers = []  # per level (bottom up): the node number of each node of that level
    for level in range(depth, -1, -1):
        nodes = -(-len(levels[level][0]) // per_node)
        if level == depth:
            numbers.append(np.array([1], dtype=np.int64))
        else:
            numbers.append(np.arange(next_number, next_number + nodes, dtype=np.int64))
            next_number += nodes
    numbers.reverse()
    node_rows, parent_rows = [], []
    for level, (entries, boxes) in enumerate(levels):
        if level > 0:  # the cells of an inner node point at the nodes of the level below
            entries = numbers[level - 1][entries]
        nodes = len(numbers[level])
        cells = np.zeros(nodes * per_node, dtype=cell)
        cells["id"][:len(entries)] = entries
        cells["box"][:len(entries)] = boxes
        data = np.zeros((nodes, node_size), dtype=np.uint8)
        data[:, 4:4 + per_node * 24] = cells.view(np.uint8).reshape(nodes, per_node * 24)
        counts = np.full(nodes, per_node, dtype=">u2")
        counts[-1] = len(entries) - (nodes - 1) * per_node
        data[:, 2:4] = counts.view(np.uint8).reshape(nodes, 2)
        if level == depth:
            data[0, 0:2] = np.array([depth], dtype=">u2").view(np.uint8)
        node_rows.extend(zip(numbers[level].tolist(), [row.tobytes() for row in data]))
        owner = np.repeat(numbers[level], per_node)[:len(entries)]
        if level == 0:
            by_id = np.argsort(entries, kind="stable")
            leaf_ids, leaf_nodes = entries[by_id], owner[by_id]
        else:
            parent_rows.extend(zip(entries.tolist(), owner.tolist()))
    return node_rows, parent_rows, leaf_ids, leaf_nodes


def str_order(boxes, per_node):
    """Sort-tile-recursive order of ``boxes``: vertical slices by centre x, each sorted by centre y."""
    import numpy as np

    count = len(boxes)
    nodes = -(-count // per_node)
    slices = int(np.ceil(np.sqrt(nodes)))
    by_x = np.argsort(boxes[:, 0].astype(np.float64) + boxes[:, 1], kind="stable")
    slice_of = np.empty(count, dtype=np.int64)
    slice_of[by_x] = np.arange(count) // (slices * per_node)
    return np.lexsort((boxes[:, 2].astype(np.float64) + boxes[:, 3], slice_of))
