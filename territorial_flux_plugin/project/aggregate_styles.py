"""Styles of the aggregated layers (:mod:`..analysis.aggregates`), shared by the canvas's map
themes and the printed maps, so that what the advisor sees is what prints.

- **Missing links per area**: at each area's point, a circle for its unmet needs (red, left) and one
  for its orphan offers (blue, right), their *areas* proportional to their number of flows (the
  common measure); one size legend; only the few largest gaps are named on the map.
- **Possible links between areas**: one line per pair of areas, its width by the number of links.
- **Hexagons**: the cells of the grid, outlined, when the workspace has no commune or zone.
- **Area outlines**: the areas without fill, so that a background shows through.

``family``: an expression of the feature's resource family; when given, a feature is drawn only
on the atlas page of its family (``attribute(@atlas_feature, 'family')``).
"""

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProperty,
    QgsRendererCategory,
    QgsSizeScaleTransformer,
    QgsVectorLayerSimpleLabeling,
)

from ..domain.links import ORPHAN_OFFER, UNMET_NEED
from ..domain.vocabulary import FAMILIES
from ..toolbelt.compat import enum_value
from ..toolbelt.i18n import tr, vocabulary_label
from . import styles

KIND_COLOURS = {UNMET_NEED: "#d7301f", ORPHAN_OFFER: "#2171b5"}
#: diameters (mm) of the smallest and the largest circle
SMALLEST, LARGEST = 2.2, 11.0
#: how many gaps the map names
NAMED_GAPS = 5
ATLAS_FAMILY = "attribute(@atlas_feature, 'family')"


def kind_labels():
    return {UNMET_NEED: tr("Unmet needs (circle area: number of flows)"),
            ORPHAN_OFFER: tr("Orphan offers (circle area: number of flows)")}


def _placement(name):
    """A label placement: ``Qgis.LabelPlacement`` from QGIS 3.26, ``QgsPalLayerSettings`` before."""
    from qgis.core import Qgis

    if hasattr(Qgis, "LabelPlacement"):
        return getattr(Qgis.LabelPlacement, name)
    return enum_value(QgsPalLayerSettings, "Placement." + name, name)


def _on_family_page(value, family):
    """``value``, or NULL on an atlas page of another family than ``family``'s."""
    if not family:
        return value
    return "if(@atlas_feature IS NULL OR {} = {}, {}, NULL)".format(family, ATLAS_FAMILY, value)


def family_label_expression(column):
    """An expression: the translated label of the family in ``column``."""
    pairs = ", ".join("'{}', '{}'".format(key, vocabulary_label(label).replace("'", "''"))
                      for key, label in FAMILIES.items())
    return "coalesce(map_get(map({}), \"{}\"), \"{}\")".format(pairs, column, column)


def style_missing_areas(layer, largest=20, family=None):
    """Circles of unmet needs and orphan offers per area, areas proportional to their number of flows."""
    size = QgsProperty.fromExpression("to_int(\"flows\")")
    size.setTransformer(QgsSizeScaleTransformer(
        enum_value(QgsSizeScaleTransformer, "ScaleType.Area", "Area"), 1, max(2, int(largest)), SMALLEST, LARGEST,
        4, 1))
    categories = []
    labels = kind_labels()
    for kind, offset in ((UNMET_NEED, "-0.9,0"), (ORPHAN_OFFER, "0.9,0")):
        symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": KIND_COLOURS[kind], "outline_color": "#ffffff",
                                               "outline_width": "0.35", "size": "4", "offset": offset})
        symbol.setOpacity(0.85)
        symbol.setDataDefinedSize(size)
        categories.append(QgsRendererCategory(kind, symbol, labels[kind]))
    layer.setRenderer(QgsCategorizedSymbolRenderer(_on_family_page("\"kind\"", family), categories))
    _name_largest_gaps(layer, family)


def _name_largest_gaps(layer, family):
    """Labels on the :data:`NAMED_GAPS` largest gaps only: "Water · 7 needs" (the area's main family)."""
    mine = "to_int(\"main_flows\")"
    theirs = "to_int(attribute(@parent, 'main_flows'))"
    same_page = " AND {} = attribute(@parent, 'family')".format(family) if family else ""
    larger = ("aggregate(@layer, 'count', \"fid\", filter:=({m} > {t} OR ({m} = {t} AND \"fid\" < attribute(@parent, "
              "'fid'))){same})").format(m=mine, t=theirs, same=same_page)
    rank = "{} >= 2 AND {} < {}".format(mine, larger, NAMED_GAPS)
    text = "{} || ' · ' || \"main_flows\" || ' ' || if(\"kind\" = '{}', '{}', '{}')".format(
        family_label_expression("main_family"), UNMET_NEED, tr("needs").replace("'", "''"),
        tr("offers").replace("'", "''"))
    settings = QgsPalLayerSettings()
    settings.fieldName = "if({} AND {}, {}, NULL)".format(rank, _on_family_page("TRUE", family), text)
    settings.isExpression = True
    settings.setFormat(styles._text_format(7.5, bold=True))
    settings.placement = _placement("OrderedPositionsAroundPoint")
    settings.dist = 0.8
    from qgis.core import Qgis

    # the distance from the circle's edge, not its centre (Qgis.LabelOffsetType from QGIS 3.26)
    settings.offsetType = enum_value(Qgis, "LabelOffsetType.FromSymbolBounds") if hasattr(Qgis, "LabelOffsetType") \
        else enum_value(QgsPalLayerSettings, "OffsetType.FromSymbolBounds", "FromSymbolBounds")
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def style_area_flows(layer, largest=None, family=None):
    """Lines between areas, their width by the number of possible links."""
    symbol = QgsLineSymbol.createSimple({"line_color": "#6a51a3", "line_width": "0.5", "capstyle": "round"})
    symbol.setOpacity(0.5)
    width = "scale_linear(to_int(\"links\"), 1, {}, 0.2, 2.4)".format(max(2, int(largest or 20)))
    symbol.symbolLayer(0).setDataDefinedProperty(
        enum_value(symbol.symbolLayer(0).__class__, "Property.StrokeWidth", "PropertyStrokeWidth"),
        QgsProperty.fromExpression(width))
    # a print knows its largest count; the canvas's layer is styled once, before the data
    label = tr("1 to {largest} possible links (width)").format(largest=max(1, int(largest))) if largest else \
        tr("Width: number of possible links")
    renderer = QgsCategorizedSymbolRenderer(_on_family_page("'links'", family),
                                            [QgsRendererCategory("links", symbol, label)])
    layer.setRenderer(renderer)
    layer.setLabelsEnabled(False)


def style_hexagons(layer):
    symbol = QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_color": "#969696", "outline_width": "0.25"})
    layer.setRenderer(QgsCategorizedSymbolRenderer("'cell'", [QgsRendererCategory("cell", symbol, tr("Hexagon"))]))
    layer.setLabelsEnabled(False)


def style_area_outlines(layer):
    """The areas as outlines (a background shows through), communes named."""
    categories = []
    kinds = {
        "territory": ({"color": "0,0,0,0", "outline_color": "#404040", "outline_width": "0.7"}, tr("Territory")),
        "commune": ({"color": "0,0,0,0", "outline_color": "#737373", "outline_width": "0.3",
                     "outline_style": "dash"}, tr("Commune")),
        "zone": ({"color": "255,237,160,70", "outline_color": "#ec7014", "outline_width": "0.35"},
                 tr("Business zone")),
    }
    for kind, (props, label) in kinds.items():
        categories.append(QgsRendererCategory(kind, QgsFillSymbol.createSimple(props), label))
    layer.setRenderer(QgsCategorizedSymbolRenderer("kind", categories))
    settings = QgsPalLayerSettings()
    settings.fieldName = "if(\"kind\" = 'commune', \"name\", NULL)"
    settings.isExpression = True
    text_format = styles._text_format(7)
    from qgis.PyQt.QtGui import QColor

    text_format.setColor(QColor("#525252"))
    settings.setFormat(text_format)
    # anywhere inside the commune, away from the symbols drawn over it
    settings.placement = _placement("Horizontal")
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
