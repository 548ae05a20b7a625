"""Default styles of the workspace layers, built from QGIS's native renderers and symbols."""

from qgis.core import (
    QgsArrowSymbolLayer, QgsCategorizedSymbolRenderer, QgsFillSymbol, QgsLineSymbol,
    QgsMarkerSymbol, QgsPalLayerSettings, QgsProperty, QgsRendererCategory,
    QgsSimpleLineSymbolLayer, QgsSymbolLayer, QgsTextBufferSettings, QgsTextFormat,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont

from ..domain.vocabulary import SYNERGY_STATUSES
from ..toolbelt import enum_value, tr, vocabulary_label

# The role of a company, from its active flows (evaluated through the flows_company relation).
COMPANY_ROLE_EXPRESSION = (
    "CASE WHEN \"status\" = 'archived' THEN 'archived' ELSE "
    "with_variable('directions', coalesce(relation_aggregate('flows_company', 'concatenate_unique', "
    "if(\"status\" = 'active', \"direction\", NULL), concatenator:=','), ''), "
    "CASE WHEN @directions LIKE '%offer%' AND @directions LIKE '%need%' THEN 'both' "
    "WHEN @directions LIKE '%offer%' THEN 'offers' "
    "WHEN @directions LIKE '%need%' THEN 'needs' ELSE 'none' END) END"
)

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


def _text_format(size, bold=False):
    text_format = QgsTextFormat()
    font = QFont()
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
    layer.setRenderer(QgsCategorizedSymbolRenderer(COMPANY_ROLE_EXPRESSION, categories))
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
        line_placement = QgsPalLayerSettings.Line
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
