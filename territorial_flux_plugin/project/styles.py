"""Default styles of the workspace layers, built from QGIS's native renderers and symbols."""

from qgis.core import (
    QgsArrowSymbolLayer,
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProperty,
    QgsRendererCategory,
    QgsSimpleLineSymbolLayer,
    QgsSymbolLayer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont

from ..domain.vocabulary import SYNERGY_STATUSES
from ..toolbelt.compat import enum_value
from ..toolbelt.i18n import tr, vocabulary_label


def company_role_expression(flows_layer_name=None):
    """The role of a company (offers, needs, both, none, archived) from its active flows.

    Each list of companies with an active offer (or need) is computed once per drawing by
    ``aggregate()`` on the flows layer and cached, so the map stays fast on large territories;
    the flows layer is found by its name in the project (``Flows`` in the interface's language).
    """
    name = (flows_layer_name or flows_layer_title()).replace("'", "''")
    side = ("array_contains(aggregate(layer:='{name}', aggregate:='array_agg', expression:=\"company_uid\", "
            "filter:=\"direction\" = '{direction}' AND \"status\" = 'active'), \"uid\")")
    return ("CASE WHEN \"status\" = 'archived' THEN 'archived' ELSE "
            "with_variable('offers', {offers}, with_variable('needs', {needs}, "
            "CASE WHEN @offers AND @needs THEN 'both' WHEN @offers THEN 'offers' "
            "WHEN @needs THEN 'needs' ELSE 'none' END)) END").format(
        offers=side.format(name=name, direction="offer"), needs=side.format(name=name, direction="need"))


def flows_layer_title():
    from ..storage.schema import TABLES_BY_NAME
    from ..toolbelt.i18n import schema_label

    return schema_label(TABLES_BY_NAME["flows"].label)


COMPANY_ROLE_COLOURS = {
    "both": "#7b3294",
    "offers": "#1a9641",
    "needs": "#2c7bb6",
    "none": "#bdbdbd",
    "archived": "#eeeeee",
}

STATUS_COLOURS = {
    "idea": "#9e9ac8",
    "contacted": "#6baed6",
    "studying": "#fd8d3c",
    "implementing": "#78c679",
    "operating": "#006d2c",
    "abandoned": "#cb181d",
}

# Width by quantity: tonnes diverted when known, else the synergy's quantity.
SYNERGY_WIDTH_EXPRESSION = (
    "scale_linear(coalesce(\"diverted_t_per_year\", \"quantity\", 0), 0, 2000, 0.6, 3.0)")


def company_role_labels():
    return {
        "both": tr("Offers and needs"),
        "offers": tr("Offers only"),
        "needs": tr("Needs only"),
        "none": tr("No flow recorded"),
        "archived": tr("Archived"),
    }


LABEL_FONTS = ("Open Sans", "Noto Sans", "DejaVu Sans", "Liberation Sans", "Arial", "Helvetica")


def _label_font():
    """A common sans-serif font present here (QGIS warns when a style names a missing font)."""
    from qgis.PyQt.QtGui import QFontDatabase

    available = set(QFontDatabase().families())
    family = next((f for f in LABEL_FONTS if f in available), None)
    return QFont(family) if family else QFont()


def _text_format(size, bold=False):
    text_format = QgsTextFormat()
    font = _label_font()
    font.setBold(bold)
    text_format.setFont(font)
    text_format.setSize(size)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor("white"))
    text_format.setBuffer(buffer)
    return text_format


def _labeling(expression, size, max_scale_denominator, placement=None):
    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = True
    settings.setFormat(_text_format(size))
    if placement is not None:
        settings.placement = placement
    settings.scaleVisibility = True
    settings.minimumScale = max_scale_denominator  # "minimum" scale: most zoomed out
    settings.maximumScale = 0
    return QgsVectorLayerSimpleLabeling(settings)


def style_companies(layer):
    categories = []
    labels = company_role_labels()
    for role, colour in COMPANY_ROLE_COLOURS.items():
        symbol = QgsMarkerSymbol.createSimple({
            "name": "circle", "color": colour, "outline_color": "#ffffff" if role != "archived" else "#9e9e9e",
            "outline_width": "0.3", "size": "3.2" if role in ("both", "offers", "needs") else "2.2"})
        categories.append(QgsRendererCategory(role, symbol, labels[role]))
    layer.setRenderer(QgsCategorizedSymbolRenderer(company_role_expression(), categories))
    layer.setLabeling(_labeling('"name"', 7.5, 120000))
    layer.setLabelsEnabled(True)


def _synergy_symbol(colour, abandoned):
    width = QgsProperty.fromExpression(SYNERGY_WIDTH_EXPRESSION)
    arrow = QgsArrowSymbolLayer()
    arrow.setIsCurved(False)
    arrow.setIsRepeated(False)
    arrow.setArrowWidth(1.0)
    arrow.setArrowStartWidth(1.0)
    arrow.setHeadLength(3.0)
    arrow.setHeadThickness(1.8)
    arrow.setDataDefinedProperty(enum_value(QgsSymbolLayer, "Property.ArrowWidth", "PropertyArrowWidth"), width)
    arrow.setDataDefinedProperty(
        enum_value(QgsSymbolLayer, "Property.ArrowStartWidth", "PropertyArrowStartWidth"), width)
    arrow.subSymbol().setColor(QColor(colour))
    arrow.subSymbol().symbolLayer(0).setStrokeColor(QColor("#ffffff"))
    enabled = enum_value(QgsSymbolLayer, "Property.LayerEnabled", "PropertyLayerEnabled")
    arrow.setDataDefinedProperty(enabled, QgsProperty.fromExpression("\"kind\" = 'substitution'"))
    line = QgsSimpleLineSymbolLayer(QColor(colour), 0.8)
    line.setPenStyle(enum_value(_qt(), "PenStyle.DashLine", "DashLine"))
    line.setDataDefinedProperty(enum_value(QgsSymbolLayer, "Property.StrokeWidth", "PropertyStrokeWidth"), width)
    line.setDataDefinedProperty(enabled, QgsProperty.fromExpression("\"kind\" <> 'substitution'"))
    symbol = QgsLineSymbol()
    symbol.deleteSymbolLayer(0)
    symbol.appendSymbolLayer(arrow)
    symbol.appendSymbolLayer(line)
    if abandoned:
        symbol.setOpacity(0.45)
    return symbol


def _qt():
    from qgis.PyQt.QtCore import Qt

    return Qt


def style_synergies(layer):
    categories = [QgsRendererCategory(status, _synergy_symbol(STATUS_COLOURS[status], status == "abandoned"),
                                      vocabulary_label(label))
                  for status, label in SYNERGY_STATUSES.items()]
    layer.setRenderer(QgsCategorizedSymbolRenderer("status", categories))
    try:
        line_placement = enum_value(_qgis(), "LabelPlacement.Line")
    except AttributeError:  # QGIS < 3.26
        line_placement = QgsPalLayerSettings.Placement.Line
    layer.setLabeling(_labeling('"title"', 7, 60000, line_placement))
    layer.setLabelsEnabled(True)


def _qgis():
    from qgis.core import Qgis

    return Qgis


def style_areas(layer):
    categories = []
    styles = {
        "territory": ({"color": "0,0,0,0", "outline_color": "#525252", "outline_width": "0.8"}, tr("Territory")),
        "commune": ({"color": "#f7f7f7", "outline_color": "#969696", "outline_width": "0.3",
                     "outline_style": "dash"}, tr("Commune")),
        "zone": ({"color": "255,237,160,120", "outline_color": "#fec44f", "outline_width": "0.4"},
                 tr("Business zone")),
    }
    for kind, (props, label) in styles.items():
        categories.append(QgsRendererCategory(kind, QgsFillSymbol.createSimple(props), label))
    layer.setRenderer(QgsCategorizedSymbolRenderer("kind", categories))
    layer.setLabeling(_labeling("if(\"kind\" = 'commune', \"name\", NULL)", 8, 400000))
    layer.setLabelsEnabled(True)


STYLERS = {"companies": style_companies, "synergies": style_synergies, "areas": style_areas}

# --- value-chain analysis layers (see workspace/analysis.py and workspace/themes.py) -------

FAMILY_COLOURS = {
    "matter": "#8c510a",
    "waste": "#d95f02",
    "energy": "#e7298a",
    "water": "#1f78b4",
    "equipment": "#666666",
    "service": "#7570b3",
    "skills": "#1b9e77",
    "logistics": "#a6761d",
    "space": "#66a61e",
}

# Quantities come in many units: symbols grow with the logarithm of the quantity.
QUANTITY_SIZE_EXPRESSION = "scale_linear(ln(1 + coalesce(\"quantity\", 0)), 0, 12, {low}, {high})"


def _family_label(family):
    from ..domain.vocabulary import FAMILIES

    return vocabulary_label(FAMILIES[family])


def _data_defined(symbol_layer, name, expression):
    key = enum_value(QgsSymbolLayer, "Property." + name, "Property" + name)
    symbol_layer.setDataDefinedProperty(key, QgsProperty.fromExpression(expression))


def missing_link_kind_labels():
    return {"unmet_need": tr("Need with no local supplier"), "orphan_offer": tr("Offer with no local taker")}


def style_missing_links(layer):
    """Unmet needs as squares, orphan offers as triangles; colour by family, size by quantity."""
    categories = []
    labels = missing_link_kind_labels()
    for kind, shape in (("unmet_need", "square"), ("orphan_offer", "triangle")):
        for family, colour in FAMILY_COLOURS.items():
            symbol = QgsMarkerSymbol.createSimple({
                "name": shape, "color": colour, "outline_color": "#ffffff", "outline_width": "0.3",
                "size": "3.5"})
            _data_defined(symbol.symbolLayer(0), "Size", QUANTITY_SIZE_EXPRESSION.format(low=1.8, high=5.0))
            categories.append(QgsRendererCategory(
                "{}|{}".format(kind, family), symbol,
                tr("{kind} — {family}").format(kind=labels[kind], family=_family_label(family))))
    layer.setRenderer(QgsCategorizedSymbolRenderer("\"kind\" || '|' || \"family\"", categories))
    layer.setLabeling(_labeling("\"resource_code\"", 6.5, 50000))
    layer.setLabelsEnabled(True)


def style_possible_links(layer):
    """Thin dashed lines from the offering company to the company in need."""
    line = QgsSimpleLineSymbolLayer(QColor("#6a51a3"), 0.3)
    line.setPenStyle(enum_value(_qt(), "PenStyle.DashLine", "DashLine"))
    symbol = QgsLineSymbol()
    symbol.deleteSymbolLayer(0)
    symbol.appendSymbolLayer(line)
    symbol.setOpacity(0.7)
    from qgis.core import QgsSingleSymbolRenderer

    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.setLabelsEnabled(False)


def style_metabolism(layer):
    """Each company with flows: colour of its main family, size by its number of flows, and
    shape by role (triangle up: offers only; down: needs only; circle: both)."""
    categories = []
    for family, colour in FAMILY_COLOURS.items():
        symbol = QgsMarkerSymbol.createSimple({
            "name": "circle", "color": colour, "outline_color": "#ffffff", "outline_width": "0.2",
            "size": "2.4"})
        marker = symbol.symbolLayer(0)
        _data_defined(marker, "Size", "scale_linear(coalesce(\"flows\", 1), 1, 8, 1.8, 5.0)")
        _data_defined(marker, "Name", "CASE WHEN \"role\" = 'both' THEN 'circle' ELSE 'triangle' END")
        _data_defined(marker, "Angle", "CASE WHEN \"role\" = 'needs' THEN 180 ELSE 0 END")
        symbol.setOpacity(0.85)
        categories.append(QgsRendererCategory(family, symbol, _family_label(family)))
    layer.setRenderer(QgsCategorizedSymbolRenderer("main_family", categories))
    layer.setLabelsEnabled(False)


def style_companies_background(layer):
    """Companies as small grey dots, behind synergies."""
    from qgis.core import QgsSingleSymbolRenderer

    symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": "#9e9e9e", "outline_color": "#ffffff",
                                           "outline_width": "0.15", "size": "1.6"})
    symbol.setOpacity(0.8)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.setLabelsEnabled(False)


def style_companies_faded(layer):
    """Companies with flows in light grey, companies without flows barely visible."""
    from qgis.core import QgsSingleSymbolRenderer

    symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": "#bdbdbd", "outline_color": "#ffffff",
                                           "outline_width": "0.15", "size": "1.6"})
    _data_defined(symbol.symbolLayer(0), "FillColor",
                  "if(" + company_role_expression() + " IN ('none', 'archived'), '#eeeeee', '#a0a0a0')")
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.setLabelsEnabled(False)


STYLERS.update({"missing_links": style_missing_links, "possible_links": style_possible_links,
                "metabolism": style_metabolism})
