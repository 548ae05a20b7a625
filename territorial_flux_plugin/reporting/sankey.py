"""A three-column Sankey drawn from matplotlib's primitives.

matplotlib's own ``matplotlib.sankey`` draws one process with its inputs and outputs, as arrows
joined to a single node: it cannot draw several columns of nodes with bands between them. The
territory's metabolism needs three (offering activity sections → resource families → needing
sections), so the nodes are rectangles and the bands filled cubic Bézier paths, which keeps the
drawing plain matplotlib (no further dependency) and its widths exact: a band is as thick as the
flows it carries, a node as tall as the larger of its incoming and outgoing totals.
"""

from matplotlib.patches import PathPatch, Rectangle
from matplotlib.path import Path

FAMILY_COLOURS = {
    "matter": "#8c6d31", "waste": "#7f7f7f", "energy": "#d62728", "water": "#1f77b4", "equipment": "#9467bd",
    "service": "#2ca02c", "skills": "#e377c2", "logistics": "#ff7f0e", "space": "#17becf",
}
NODE_COLOUR = "#4d4d4d"
COLUMNS_X = (0.0, 1.0, 2.0)
NODE_WIDTH = 0.06
GAP_SHARE = 0.03  # the space between two nodes of a column, as a share of the largest column's total


def layout(sankey):
    """Node boxes ``{(column, key): (x, y_bottom, height)}`` from the top of each column down,
    every column on one scale (the largest column's total plus its gaps fills the height 1)."""
    columns = (sankey.left, sankey.middle, sankey.right)
    totals = [sum(column.values()) for column in columns]
    largest = max(totals) if any(totals) else 1.0
    gap = largest * GAP_SHARE
    height = max(t + gap * max(len(c) - 1, 0) for t, c in zip(totals, columns)) or 1.0
    boxes = {}
    for index, column in enumerate(columns):
        top = height
        for key, value in column.items():
            boxes[(index, key)] = (COLUMNS_X[index], top - value, value)
            top -= value + gap
    return boxes, height


def _band(ax, x0, y0, x1, y1, width, colour):
    """A band of constant ``width`` from the right edge of one node (bottom y0) to the left edge
    of the next (bottom y1)."""
    middle = (x0 + x1) / 2.0
    vertices = [(x0, y0), (middle, y0), (middle, y1), (x1, y1),
                (x1, y1 + width), (middle, y1 + width), (middle, y0 + width), (x0, y0 + width), (x0, y0)]
    codes = [Path.MOVETO, Path.CURVE4, Path.CURVE4, Path.CURVE4,
             Path.LINETO, Path.CURVE4, Path.CURVE4, Path.CURVE4, Path.CLOSEPOLY]
    ax.add_patch(PathPatch(Path(vertices, codes), facecolor=colour, edgecolor="none", alpha=0.55))


def draw(ax, sankey, section_label, family_label, value_label):
    """Draw ``sankey`` (a ``domain.indicators.Sankey``) on ``ax``; the labels are callables."""
    boxes, height = layout(sankey)
    in_offset, out_offset = {}, {}
    for section, family, width in sankey.links_in:
        left = boxes[(0, section)]
        middle = boxes[(1, family)]
        y0 = left[1] + left[2] - in_offset.get(("l", section), 0) - width
        y1 = middle[1] + middle[2] - in_offset.get(("m", family), 0) - width
        in_offset[("l", section)] = in_offset.get(("l", section), 0) + width
        in_offset[("m", family)] = in_offset.get(("m", family), 0) + width
        _band(ax, left[0] + NODE_WIDTH, y0, middle[0], y1, width, FAMILY_COLOURS.get(family, NODE_COLOUR))
    for family, section, width in sankey.links_out:
        middle = boxes[(1, family)]
        right = boxes[(2, section)]
        y0 = middle[1] + middle[2] - out_offset.get(("m", family), 0) - width
        y1 = right[1] + right[2] - out_offset.get(("r", section), 0) - width
        out_offset[("m", family)] = out_offset.get(("m", family), 0) + width
        out_offset[("r", section)] = out_offset.get(("r", section), 0) + width
        _band(ax, middle[0] + NODE_WIDTH, y0, right[0], y1, width, FAMILY_COLOURS.get(family, NODE_COLOUR))
    incoming, outgoing = {}, {}
    for _section, family, width in sankey.links_in:
        incoming[family] = incoming.get(family, 0) + width
    for family, _section, width in sankey.links_out:
        outgoing[family] = outgoing.get(family, 0) + width
    for (column, key), (x, y, h) in boxes.items():
        colour = FAMILY_COLOURS.get(key, NODE_COLOUR) if column == 1 else NODE_COLOUR
        ax.add_patch(Rectangle((x, y), NODE_WIDTH, h, facecolor=colour, edgecolor="none"))
        if column == 1:
            text = "{} {} \u2192 {}".format(family_label(key), value_label(incoming.get(key, 0)),
                                           value_label(outgoing.get(key, 0)))
            ax.text(x + NODE_WIDTH / 2.0, y + h / 2.0, text, ha="center", va="center", fontsize=6,
                    bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1})
            continue
        text = "{} ({})".format(_short(section_label(key)), value_label((sankey.left, sankey.right)[column // 2][key]))
        if column == 0:
            ax.text(x - 0.02, y + h / 2.0, text, ha="right", va="center", fontsize=6)
        else:
            ax.text(x + NODE_WIDTH + 0.02, y + h / 2.0, text, ha="left", va="center", fontsize=6)
    ax.set_xlim(-1.2, 3.2)
    ax.set_ylim(-height * 0.02, height * 1.02)
    ax.axis("off")
    return boxes


def _short(text, length=26):
    return text if len(text) <= length else text[:length - 1].rstrip() + "\u2026"


def band_totals(sankey):
    """The widths leaving the left column and reaching the right one (what the bands carry)."""
    return sum(w for _s, _f, w in sankey.links_in), sum(w for _f, _s, w in sankey.links_out)
