"""The print layout of a territory map, from QGIS's native layout items only (a layout saved in a
project or a ``.qpt`` template opens in plain QGIS, without the plugin).

Items carry fixed ids that a custom template reuses (any of them may be left out but ``map``):

========================  ===================================================================
``map``                   the map (framed on the territory, or driven by the atlas)
``legend``                the legend, filtered by the map's content, with feature counts
``title``, ``subtitle``   the title; the territory's name, atlas page and date
``scalebar``              a scale bar in kilometres
``north_arrow``           a picture item with QGIS's own north arrow SVG, linked to the map
``sources``               data sources and the workspace's last update
``confidentiality``       the confidentiality mention of the level printed (empty at public)
========================  ===================================================================

Texts come from layout variables (``@territorial_flux_title``, ``@territorial_flux_territory``,
``@territorial_flux_sources``, ``@territorial_flux_confidentiality``…) so a template's labels
can place them anywhere with ``[% @territorial_flux_title %]``.
"""

from qgis.core import (
    QgsExpressionContextUtils,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsReadWriteContext,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtXml import QDomDocument

from ..project import styles
from ..toolbelt.compat import enum_value
from ..toolbelt.i18n import tr

NORTH_ARROW_SVG = ":/images/north_arrows/layout_default_north_arrow.svg"
PAPERS = ("A4", "A3")
ORIENTATIONS = ("landscape", "portrait")
ITEM_IDS = ("map", "legend", "title", "subtitle", "scalebar", "north_arrow", "sources", "confidentiality")
VARIABLE_PREFIX = "territorial_flux_"

# an atlas page of one resource family is titled after it (its coverage's "title")
TITLE_TEXT = "[% coalesce(attribute(@atlas_feature, 'title'), @territorial_flux_title) %]"
ATTRIBUTION_TEXT = "[% @territorial_flux_attribution %]"
SUBTITLE_TEXT = ("[% @territorial_flux_territory || coalesce(' — ' || nullif(@atlas_pagename, ''), '') "
                 "|| ' — ' || format_date(now(), 'yyyy-MM-dd') %]")
SOURCES_TEXT = "[% @territorial_flux_sources %]\n[% @territorial_flux_last_update %]"
CONFIDENTIALITY_TEXT = "[% @territorial_flux_confidentiality %]\n[% @territorial_flux_level %]"


def confidentiality_mention(level):
    """The mention printed on a map whose audience is cleared for ``level`` (empty at public)."""
    return {
        "advisor": tr("Confidential document for the advisors — not for distribution"),
        "internal": tr("Internal document — not for distribution"),
        "partners": tr("Document for the organisation's partners — not for distribution"),
        "public": "",
    }[level]


def _millimetres():
    return enum_value(QgsUnitTypes, "LayoutUnit.LayoutMillimeters", "LayoutMillimeters")


def _points():
    return enum_value(QgsUnitTypes, "RenderUnit.RenderPoints", "RenderPoints")


def _font(size, bold=False):
    from qgis.PyQt.QtGui import QFontDatabase

    available = set(QFontDatabase().families())
    family = next((f for f in styles.LABEL_FONTS if f in available), None)
    font = QFont(family) if family else QFont()
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def _text_format(size, bold=False, colour="#222222"):
    text_format = QgsTextFormat()
    text_format.setFont(_font(size, bold))
    text_format.setSize(size)
    text_format.setSizeUnit(_points())
    text_format.setColor(QColor(colour))
    return text_format


def _style_label(label, size, bold=False, colour="#222222"):
    if hasattr(label, "setTextFormat"):  # QGIS >= 3.24
        label.setTextFormat(_text_format(size, bold, colour))
    else:
        label.setFont(_font(size, bold))
        label.setFontColor(QColor(colour))


def _style_legend(legend, scale):
    sizes = {"Title": (10.5 * scale, True), "Group": (8.5 * scale, True), "Subgroup": (8.0 * scale, True),
             "SymbolLabel": (7.0 * scale, False)}
    for name, (size, bold) in sizes.items():
        style = legend.rstyle(enum_value(QgsLegendStyle, "Style." + name, name))
        if hasattr(style, "setTextFormat"):
            style.setTextFormat(_text_format(size, bold))
        else:
            style.setFont(_font(size, bold))
    legend.setSymbolWidth(6 * scale)
    legend.setSymbolHeight(4 * scale)


def _place(item, x, y, width, height):
    item.attemptMove(QgsLayoutPoint(x, y, _millimetres()))
    item.attemptResize(QgsLayoutSize(width, height, _millimetres()))


def _label(layout, item_id, text, rect, size, bold=False, colour="#222222", align=None, valign=None):
    label = QgsLayoutItemLabel(layout)
    label.setId(item_id)
    label.setText(text)
    _style_label(label, size, bold, colour)
    label.setHAlign(align if align is not None else enum_value(Qt, "AlignmentFlag.AlignLeft", "AlignLeft"))
    label.setVAlign(valign if valign is not None else enum_value(Qt, "AlignmentFlag.AlignTop", "AlignTop"))
    label.setMarginX(0)
    label.setMarginY(0)
    layout.addLayoutItem(label)
    _place(label, *rect)
    return label


def build_layout(project, paper="A4", orientation="landscape", name=None):
    """A new print layout of the territory map's items (no layer, no text yet: see :func:`configure`)."""
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    if name:
        layout.setName(name)
    landscape = orientation == "landscape"
    page = layout.pageCollection().page(0)
    page.setPageSize(paper, enum_value(QgsLayoutItemPage, "Orientation.Landscape" if landscape else
                                       "Orientation.Portrait", "Landscape" if landscape else "Portrait"))
    width, height = page.pageSize().width(), page.pageSize().height()
    scale = max(width, height) / 297.0  # 1 on A4, 1.41 on A3: fonts and spacing grow with the paper
    margin = 10 * scale
    _label(layout, "title", TITLE_TEXT, (margin, margin, width - 2 * margin, 10 * scale), 18 * scale, True)
    _label(layout, "subtitle", SUBTITLE_TEXT, (margin, margin + 10.5 * scale, width - 2 * margin, 6 * scale),
           10.5 * scale, colour="#444444")
    top = margin + 19 * scale
    footer = 11 * scale
    bottom = height - margin - footer - 2 * scale
    if landscape:
        legend_width = 74 * scale
        map_rect = (margin, top, width - 2 * margin - legend_width - 5 * scale, bottom - top)
        legend_rect = (margin + map_rect[2] + 5 * scale, top, legend_width, bottom - top)
    else:
        legend_height = 78 * scale
        map_rect = (margin, top, width - 2 * margin, bottom - top - legend_height - 4 * scale)
        legend_rect = (margin, top + map_rect[3] + 4 * scale, width - 2 * margin, legend_height)
    map_item = QgsLayoutItemMap(layout)
    map_item.setId("map")
    map_item.setFrameEnabled(True)
    map_item.setFrameStrokeWidth(QgsLayoutMeasurement(0.3, _millimetres()))
    map_item.setBackgroundColor(QColor("#fbfbf8"))
    layout.addLayoutItem(map_item)
    _place(map_item, *map_rect)
    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle(tr("Legend"))
    legend.setLinkedMap(map_item)
    legend.setColumnCount(1 if landscape else 2)
    legend.setSplitLayer(False)
    legend.setResizeToContents(False)
    legend.setWrapString("")
    _style_legend(legend, scale)
    layout.addLayoutItem(legend)
    _place(legend, *legend_rect)
    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setId("scalebar")
    scalebar.setStyle("Single Box")
    scalebar.setLinkedMap(map_item)
    scalebar.setUnits(enum_value(QgsUnitTypes, "DistanceUnit.DistanceKilometers", "DistanceKilometers"))
    scalebar.setUnitLabel(tr("km"))
    scalebar.setNumberOfSegmentsLeft(0)
    scalebar.setNumberOfSegments(2)
    scalebar.setSegmentSizeMode(enum_value(_scalebar_settings(), "SegmentSizeMode.SegmentSizeFitWidth",
                                           "SegmentSizeFitWidth"))
    scalebar.setMinimumBarWidth(25 * scale)
    scalebar.setMaximumBarWidth(45 * scale)
    scalebar.setHeight(2 * scale)
    scalebar.setTextFormat(_text_format(7.5 * scale))
    scalebar.setBackgroundEnabled(True)
    scalebar.setBackgroundColor(QColor(255, 255, 255, 210))
    layout.addLayoutItem(scalebar)
    scalebar.attemptMove(QgsLayoutPoint(map_rect[0] + 4 * scale, map_rect[1] + map_rect[3] - 13 * scale,
                                        _millimetres()))
    north = QgsLayoutItemPicture(layout)
    north.setId("north_arrow")
    north.setPicturePath(NORTH_ARROW_SVG)
    north.setLinkedMap(map_item)
    north.setNorthMode(enum_value(QgsLayoutItemPicture, "NorthMode.GridNorth", "GridNorth"))
    north.setResizeMode(enum_value(QgsLayoutItemPicture, "ResizeMode.Zoom", "Zoom"))
    layout.addLayoutItem(north)
    _place(north, map_rect[0] + map_rect[2] - 13 * scale, map_rect[1] + 3 * scale, 10 * scale, 14 * scale)
    attribution = _label(layout, "attribution", ATTRIBUTION_TEXT,
                         (map_rect[0] + map_rect[2] - 62 * scale, map_rect[1] + map_rect[3] - 4.2 * scale,
                          61.5 * scale, 3.8 * scale), 6.5 * scale, colour="#333333",
                         align=enum_value(Qt, "AlignmentFlag.AlignRight", "AlignRight"),
                         valign=enum_value(Qt, "AlignmentFlag.AlignVCenter", "AlignVCenter"))
    attribution.setBackgroundEnabled(False)
    footer_top = height - margin - footer
    _label(layout, "sources", SOURCES_TEXT, (margin, footer_top, width * 0.58, footer), 7 * scale,
           colour="#444444")
    _label(layout, "confidentiality", CONFIDENTIALITY_TEXT,
           (margin + width * 0.58, footer_top, width - 2 * margin - width * 0.58, footer), 8.5 * scale, True,
           colour="#b2182b", align=enum_value(Qt, "AlignmentFlag.AlignRight", "AlignRight"))
    return layout


def _scalebar_settings():
    from qgis.core import QgsScaleBarSettings

    return QgsScaleBarSettings


def load_template(project, path, name=None):
    """A print layout from the ``.qpt`` file ``path``; ValueError when it is not a layout template."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    document = QDomDocument()
    parsed = document.setContent(text)
    if not (parsed[0] if isinstance(parsed, tuple) else parsed):
        raise ValueError(path)
    layout = QgsPrintLayout(project)
    _items, ok = layout.loadFromTemplate(document, QgsReadWriteContext())
    if not ok:
        discard(layout)
        raise ValueError(path)
    if name:
        layout.setName(name)
    return layout


def discard(layout):
    """Delete a layout no project manages (a traceback keeping it alive past its project crashes QGIS)."""
    from qgis.PyQt import sip

    if not sip.isdeleted(layout):
        sip.delete(layout)


def items(layout):
    """The layout's items of :data:`ITEM_IDS` by id (those present)."""
    found = {}
    for item_id in ITEM_IDS:
        item = layout.itemById(item_id)
        if item is not None:
            found[item_id] = item
    return found


def set_variables(layout, values):
    """Layout variables ``territorial_flux_<key>`` (kept with the layout in the project)."""
    for key, value in values.items():
        QgsExpressionContextUtils.setLayoutVariable(layout, VARIABLE_PREFIX + key, value)


def configure(layout, layers, extent, crs, titles, show_counts=True, coverage=None, page_name=None,
              counted=None, fit_legend=False, unlisted=(), follow_atlas=True):
    """Fill the layout's items: map layers and extent, legend, atlas.

    ``layers``: the print layers, top first; ``titles``: layer id -> legend title; ``coverage``:
    the atlas coverage layer (None: no atlas); ``counted``: the ids of the layers whose legend shows
    feature counts (default: all); ``fit_legend``: choose the legend's columns (and if need be a
    smaller text) so that every entry fits the legend's frame; ``unlisted``: the ids of layers drawn but
    not in the legend (a background); ``follow_atlas``: the map frames each atlas feature (False: the
    pages share ``extent``, as the pages of one resource family each). Returns the map item.
    """
    found = items(layout)
    map_item = found["map"]
    map_item.setCrs(crs)
    map_item.setLayers(layers)
    map_item.setKeepLayerSet(True)
    map_item.setKeepLayerStyles(False)
    map_item.setExtent(fitted(extent, map_item))
    for item_id in ("scalebar", "north_arrow", "legend"):
        item = found.get(item_id)
        if item is not None:
            item.setLinkedMap(map_item)
    legend = found.get("legend")
    if legend is not None:
        legend.setAutoUpdateModel(False)
        root = legend.model().rootGroup()
        root.removeAllChildren()
        for layer in layers:
            if layer.id() in unlisted:
                continue
            node = root.addLayer(layer)
            node.setCustomProperty("showFeatureCount", bool(show_counts) and (counted is None or layer.id() in counted))
            node.setCustomProperty("legend/title-label", titles.get(layer.id(), layer.name()))
        if show_counts:
            count_features([layer for layer in layers if layer.id() not in unlisted])
        legend.setLegendFilterByMapEnabled(True)
        legend.setLegendFilterOutAtlas(coverage is not None and follow_atlas)
        for node in root.findLayers():
            legend.model().refreshLayerLegend(node)
        legend.updateLegend()
        if fit_legend:
            fit(legend)
    atlas = layout.atlas()
    if coverage is not None:
        atlas.setCoverageLayer(coverage)
        atlas.setEnabled(True)
        atlas.setHideCoverage(False)
        atlas.setPageNameExpression(page_name or 'coalesce("name", "code")')
        atlas.setSortFeatures(True)
        atlas.setSortExpression('coalesce("name", "code")')
        atlas.setFilenameExpression("'page_' || lpad(to_string(@atlas_featurenumber), 3, '0')")
        map_item.setAtlasDriven(follow_atlas)
        if follow_atlas:
            map_item.setAtlasScalingMode(enum_value(QgsLayoutItemMap, "AtlasScalingMode.Auto", "Auto"))
            map_item.setAtlasMargin(0.08)
    else:
        atlas.setEnabled(False)
        map_item.setAtlasDriven(False)
    return map_item


def fitted(extent, map_item):
    """``extent`` grown to the map item's proportions, centred (setExtent would resize the item)."""
    from qgis.core import QgsRectangle

    size = map_item.sizeWithUnits()
    ratio = size.width() / size.height() if size.height() else 1.0
    width, height = extent.width(), extent.height()
    if width == 0 or height == 0:
        return QgsRectangle(extent)
    if width / height < ratio:
        width = height * ratio
    else:
        height = width / ratio
    centre = extent.center()
    return QgsRectangle(centre.x() - width / 2, centre.y() - height / 2, centre.x() + width / 2,
                        centre.y() + height / 2)


def fit(legend):
    """Columns (one to four) and, if need be, a smaller text (twice at most, 7 pt -> 5.4 pt on A4)
    so that every entry of ``legend`` fits its frame; when nothing fits, the least overflowing."""
    size = legend.sizeWithUnits()
    width, height = size.width(), size.height()
    legend.updateFilterByMap(False)
    legend.setSplitLayer(True)
    best = None
    step = 0
    for step in range(3):
        if step:
            _scale_legend_text(legend, TEXT_STEP)
        for columns in range(1, 5):
            legend.setColumnCount(columns)
            needed = needed_size(legend)
            overflow = max(needed.width() / width, needed.height() / height)
            if best is None or (overflow <= 1.0 and best[0] > 1.0) or (best[0] > 1.0 and overflow < best[0]):
                best = (overflow, step, columns)
            if overflow <= 1.0:
                break
        if best[0] <= 1.0:
            break
    _, chosen_step, columns = best
    if chosen_step != step:
        _scale_legend_text(legend, TEXT_STEP ** (chosen_step - step))
    legend.setColumnCount(columns)
    legend.refresh()
    return columns


TEXT_STEP = 0.88


def needed_size(legend):
    """The size (mm) the legend's entries take, as the legend renderer lays them out."""
    from qgis.core import QgsLayoutUtils, QgsLegendRenderer

    context = QgsLayoutUtils.createRenderContextForLayout(legend.layout(), None)
    return QgsLegendRenderer(legend.model(), legend.legendSettings()).minimumSize(context)


def _scale_legend_text(legend, factor):
    for name in ("Title", "Group", "Subgroup", "SymbolLabel"):
        style = legend.rstyle(enum_value(QgsLegendStyle, "Style." + name, name))
        if hasattr(style, "textFormat"):
            text_format = style.textFormat()
            text_format.setSize(text_format.size() * factor)
            style.setTextFormat(text_format)
        else:
            font = style.font()
            font.setPointSizeF(font.pointSizeF() * factor)
            style.setFont(font)


def count_features(layers):
    """Count the features of each symbol now (QGIS counts them in a background task otherwise,
    and a legend exported before the task ends shows no counts)."""
    from qgis.PyQt.QtCore import QCoreApplication

    for layer in layers:
        if not hasattr(layer, "countSymbolFeatures"):
            continue
        task = layer.countSymbolFeatures()
        if task is not None:
            task.waitForFinished()
    QCoreApplication.processEvents()
