"""When the stored project's view of the territory is worth rewriting: pure rules on rectangles
given as ``(xmin, ymin, xmax, ymax)``."""

MARGIN = 0.1  # of the territory's width and height, on every side
SMALLEST_SIDE = 2000.0  # metres (or the CRS's units): one company alone is not shown at 1:1


def framed(extent, margin=MARGIN, smallest=SMALLEST_SIDE):
    """``extent`` grown by ``margin`` on every side, and to at least ``smallest`` wide and high."""
    xmin, ymin, xmax, ymax = extent
    width, height = xmax - xmin, ymax - ymin
    grow_x = max(width * margin, (smallest - width) / 2.0, 0.0)
    grow_y = max(height * margin, (smallest - height) / 2.0, 0.0)
    return (xmin - grow_x, ymin - grow_y, xmax + grow_x, ymax + grow_y)


def combined(*extents):
    """The rectangle covering every extent given (None ones left out), or None."""
    present = [e for e in extents if e is not None]
    if not present:
        return None
    return (min(e[0] for e in present), min(e[1] for e in present),
            max(e[2] for e in present), max(e[3] for e in present))


def _area(extent):
    return max(extent[2] - extent[0], 0.0) * max(extent[3] - extent[1], 0.0)


def changed_much(stored, territory):
    """True when the view ``stored`` no longer shows ``territory`` (its features' extent, not
    framed) well: part of the territory lies outside it, or the territory, framed, fills less
    than a quarter of it."""
    if stored is None:
        return True
    inside = (stored[0] <= territory[0] and stored[1] <= territory[1]
              and stored[2] >= territory[2] and stored[3] >= territory[3])
    if not inside:
        return True
    return _area(framed(territory)) < _area(stored) / 4.0
