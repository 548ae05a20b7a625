"""The report as a QGIS print layout: seven A4 pages of QGIS's own items (labels, pictures, a
map, a legend, tables), so that it opens and reprints in plain QGIS without the plugin.

The charts are SVG pictures embedded in the layout (``base64:`` paths): the layout saved in the
workspace's project keeps them after the files they were drawn into are gone.

1. title page: the territory, the period, the audience, the key figures and the synergies per status;
2. the synergy pipeline, and the conversion from possible links to operating synergies;
3. outcomes by year, and flows by family and direction;
4. the metabolism Sankey in number of flows;
5. the metabolism Sankey in tonnes (matter and waste);
6. the synergies map;
7. every indicator, and each advisor's contribution (inside the organisation only).
"""

import base64

from qgis.core import (
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemManualTable,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProject,
    QgsTableCell,
)
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, Qt
from qgis.PyQt.QtGui import QColor

from ..domain.errors import fail
from ..domain.messages import QT_TRANSLATE_NOOP
from ..domain.vocabulary import SYNERGY_STATUSES
from ..printing import layers as print_layers
from ..printing import layout as map_layout
from ..printing.export import export, extent
from ..project.build import open_workspace
from ..toolbelt.compat import enum_value
from ..toolbelt.i18n import tr
from . import charts as drawing
from . import labels

PAGES = 7
WIDTH, HEIGHT, MARGIN = 210.0, 297.0, 15.0
CONTENT = WIDTH - 2 * MARGIN
REPORT_PROPERTY = "territorial_flux_report"


def _mm():
    return map_layout._millimetres()


def _place(item, page, x, y, width, height):
    item.attemptResize(QgsLayoutSize(width, height, _mm()))
    item.attemptMove(QgsLayoutPoint(x, y, _mm()), True, False, page)


def _label(layout, page, text, rect, size, bold=False, colour="#222222", align=None):
    label = map_layout._label(layout, "", text, (0, 0, rect[2], rect[3]), size, bold, colour, align)
    _place(label, page, *rect)
    return label


def _picture(layout, page, svg, rect):
    picture = QgsLayoutItemPicture(layout)
    picture.setPicturePath("base64:" + base64.b64encode(svg).decode("ascii"),
                           enum_value(QgsLayoutItemPicture, "Format.FormatSVG", "FormatSVG"))
    picture.setResizeMode(enum_value(QgsLayoutItemPicture, "ResizeMode.Zoom", "Zoom"))
    layout.addLayoutItem(picture)
    _place(picture, page, *rect)
    return picture


def _chart(layout, page, charts, name, y, texts):
    width, height = drawing.SIZES[name]
    if name in charts:
        return _picture(layout, page, charts[name], (MARGIN, y, width, height))
    return _label(layout, page, texts["no_charts"], (MARGIN, y, CONTENT, 20), 9, colour="#7f2704")


def _table(layout, page, rows, rect, header, widths=None):
    table = QgsLayoutItemManualTable.create(layout)
    if widths and hasattr(table, "setColumnWidths"):
        table.setColumnWidths(widths)
    cells = [[_cell(value, bold=True) for value in header]]
    cells += [[_cell(value) for value in row] for row in rows]
    table.setTableContents(cells)
    if hasattr(table, "setContentTextFormat"):
        table.setContentTextFormat(map_layout._text_format(7))
    table.setCellMargin(1.0)
    table.setResizeMode(enum_value(QgsLayoutMultiFrame, "ResizeMode.UseExistingFrames", "UseExistingFrames"))
    frame = QgsLayoutFrame(layout, table)
    table.addFrame(frame)
    _place(frame, page, *rect)
    layout.addMultiFrame(table)
    return table


def _cell(value, bold=False):
    cell = QgsTableCell("" if value is None else str(value))
    if bold:
        cell.setBackgroundColor(QColor("#e8e8e8"))
        if hasattr(cell, "setTextFormat"):
            cell.setTextFormat(map_layout._text_format(7, True))
    return cell


def _heading(layout, page, text, y=MARGIN):
    return _label(layout, page, text, (MARGIN, y, CONTENT, 8), 13, True)


def _footer(layout, page, texts):
    _label(layout, page, "{} — {} — {}".format(texts["title"], texts["territory"], texts["period"]),
           (MARGIN, HEIGHT - MARGIN - 5, CONTENT * 0.7, 5), 7, colour="#555555")
    _label(layout, page, tr("Page {page} of {pages}").format(page=page + 1, pages=PAGES),
           (MARGIN + CONTENT * 0.7, HEIGHT - MARGIN - 5, CONTENT * 0.3, 5), 7, colour="#555555",
           align=enum_value(Qt, "AlignmentFlag.AlignRight", "AlignRight"))


def layout_name(settings):
    return tr("Territory report — {level} — {start} to {end}").format(
        level=print_layers.level_label(settings.level), start=settings.date_from, end=settings.date_to)


def _title_page(layout, report, texts):
    _label(layout, 0, texts["title"], (MARGIN, 25, CONTENT, 14), 26, True)
    _label(layout, 0, texts["territory"], (MARGIN, 42, CONTENT, 9), 15)
    _label(layout, 0, texts["period"], (MARGIN, 53, CONTENT, 6), 11, colour="#444444")
    _label(layout, 0, texts["level"], (MARGIN, 60, CONTENT, 10), 9, True, colour="#b2182b")
    _heading(layout, 0, tr("Key figures"), 78)
    column_width = CONTENT / 2.0
    for index, (key, text) in enumerate(texts["key_figures"]):
        x = MARGIN + (index % 2) * column_width
        y = 90 + (index // 2) * 24
        _label(layout, 0, text, (x, y, column_width - 5, 10), 18, True, colour="#08519c")
        _label(layout, 0, labels.indicator(key), (x, y + 10.5, column_width - 5, 10), 9, colour="#444444")
    values = {i.key: i.value for i in report.indicators}
    top = 90 + ((len(texts["key_figures"]) + 1) // 2) * 24 + 4
    _heading(layout, 0, tr("Synergies by status at the end of the period"), top)
    lines = [tr("{status}: {count}").format(status=labels.status(s), count=values["synergies_" + s])
             for s in SYNERGY_STATUSES]
    _label(layout, 0, "\n".join(lines), (MARGIN, top + 11, CONTENT, 36), 10)
    note = texts["estimated_note"]
    if note:
        _label(layout, 0, note, (MARGIN, top + 50, CONTENT, 10), 8, colour="#555555")
    _label(layout, 0, texts["footer"], (MARGIN, top + 62, CONTENT, 6), 8, colour="#555555")


def _map_layers(workspace, project, level, group=None):
    """The synergies map's print layers, added to ``project`` (in ``group`` when given)."""
    drawn, titles = [], {}
    table_titles = print_layers.table_titles()
    for table, style in print_layers.THEME_LAYERS["synergies"]:
        layer = print_layers.print_layer(workspace, table, level, style)
        project.addMapLayer(layer, False)
        if group is not None:
            group.addLayer(layer)
        drawn.append(layer)
        titles[layer.id()] = table_titles[table]
    return drawn, titles


def _map_page(layout, page, workspace, project, level, texts, group=None):
    from qgis.core import QgsLayoutItemLegend, QgsLayoutItemMap

    _heading(layout, page, tr("Synergies map"))
    frame = extent(workspace)
    if frame is None:
        _label(layout, page, tr("The workspace has no company yet: no map."), (MARGIN, 30, CONTENT, 8), 10)
        return None
    drawn, titles = _map_layers(workspace, project, level, group)
    map_item = QgsLayoutItemMap(layout)
    map_item.setId("map")
    map_item.setFrameEnabled(True)
    map_item.setBackgroundColor(QColor("#fbfbf8"))
    layout.addLayoutItem(map_item)
    _place(map_item, page, MARGIN, 28, CONTENT, 180)
    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle(tr("Legend"))
    legend.setColumnCount(2)
    legend.setResizeToContents(False)
    map_layout._style_legend(legend, 1.0)
    layout.addLayoutItem(legend)
    _place(legend, page, MARGIN, 214, CONTENT, 53)
    counted = {layer.id() for layer in drawn if not layer.customProperty(print_layers.PRINT_PROPERTY).startswith("areas")}
    map_layout.configure(layout, drawn, frame, workspace.crs, titles, counted=counted)
    _label(layout, page, tr("The map shows the synergies as they stand today, whatever the period."),
           (MARGIN, 209, CONTENT, 4), 7, colour="#555555")
    legend.attemptResize(QgsLayoutSize(CONTENT, 53, _mm()))
    return map_item


def build(workspace, project, settings, report, texts, charts, group=None):
    """The report's :class:`QgsPrintLayout` in ``project`` (not yet added to its layout manager);
    the map's layers go to ``group`` of its layer tree when given."""
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(layout_name(settings))
    collection = layout.pageCollection()
    portrait = enum_value(QgsLayoutItemPage, "Orientation.Portrait", "Portrait")
    collection.page(0).setPageSize("A4", portrait)
    for _ in range(PAGES - 1):
        page = QgsLayoutItemPage(layout)
        page.setPageSize("A4", portrait)
        collection.addPage(page)
    _title_page(layout, report, texts)
    _heading(layout, 1, tr("Synergy pipeline"))
    _chart(layout, 1, charts, "pipeline", 28, texts)
    _heading(layout, 1, tr("Conversion of possible links"), 132)
    _chart(layout, 1, charts, "conversion", 145, texts)
    _heading(layout, 2, tr("Outcomes by year"))
    _chart(layout, 2, charts, "outcomes", 28, texts)
    _heading(layout, 2, tr("Flows by family"), 128)
    _chart(layout, 2, charts, "families", 141, texts)
    _heading(layout, 3, tr("Metabolism of the territory (flows)"))
    _chart(layout, 3, charts, "sankey_flows", 28, texts)
    _heading(layout, 4, tr("Metabolism of the territory (tonnes)"))
    _chart(layout, 4, charts, "sankey_tonnes", 28, texts)
    if report.sankey_tonnes.left_out:
        _label(layout, 4, tr("{count} matter or waste flows have no quantity in tonnes and are not drawn.").format(
            count=report.sankey_tonnes.left_out), (MARGIN, 262, CONTENT, 6), 8, colour="#555555")
    _map_page(layout, 5, workspace, project, settings.level, texts, group)
    _heading(layout, 6, tr("Indicators"))
    rows = [(labels.indicator(i.key), labels.number(i.value, settings.language) + (" *" if i.estimated else ""),
             labels.unit(i.unit), i.key) for i in report.indicators if i.value is not None]
    _table(layout, 6, rows, (MARGIN, 27, CONTENT, 175),
           [tr("Indicator"), tr("Value"), tr("Unit"), tr("Key")], [78, 24, 22, 46])
    if report.contributors:
        _heading(layout, 6, tr("Contributions inside the organisation"), 205)
        _table(layout, 6, [(login or "?", flows, steps) for login, flows, steps in report.contributors],
               (MARGIN, 216, CONTENT, 45), [tr("Advisor"), tr("Flows recorded"), tr("Synergy steps")], [60, 40, 40])
    for page in range(PAGES):
        _footer(layout, page, texts)
    layout.setCustomProperty(REPORT_PROPERTY, settings.level)
    return layout


def write_pdf(workspace, settings, report, texts, charts, project, save, feedback, export_file=True):
    """Build the layout in ``project`` (the workspace's stored project by default), export it
    (unless ``export_file`` is false) and save it there; returns ``{"layout": name, "saved": bool,
    "pages": n, "project": project}``. The map's layers go to the *Printed maps* group, replacing
    those of an earlier report of the same name."""
    from ..printing.export import _printed_maps_group, _replace_group

    if project is None:
        project = QgsProject()
        open_workspace(workspace, project)
    workspace.repoint_query_layers(project, print_layers.PRINT_PROPERTY)
    group = _replace_group(project, _printed_maps_group(project), layout_name(settings))
    layout = build(workspace, project, settings, report, texts, charts, group)
    manager = project.layoutManager()
    previous = manager.layoutByName(layout.name())
    if previous is not None:
        manager.removeLayout(previous)
    manager.addLayout(layout)
    if export_file:
        export(layout, settings.output, "pdf", False)
    saved = False
    if save:
        saved = project.write(workspace.project_uri)
        if not saved and workspace.project_is_shared:
            feedback.pushWarning(tr("The layout was not saved in the team workspace's shared project (only "
                                           "its administrators may change it); the report is complete."))
        elif not saved:
            fail(QT_TRANSLATE_NOOP("Validation", "Cannot store the project in {path}: {error}"),
                 path=workspace.reference, error=project.error())
    return {"layout": layout.name(), "saved": saved, "pages": layout.pageCollection().pageCount(),
            "project": project}


def map_picture(workspace, settings, project=None):
    """The synergies map of the report as PNG bytes (150 dpi), or None when there is nothing to map."""
    if extent(workspace) is None:
        return None
    project = project or QgsProject()
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize(
        "A4", enum_value(QgsLayoutItemPage, "Orientation.Portrait", "Portrait"))
    _map_page(layout, 0, workspace, project, settings.level, {})
    image = QgsLayoutExporter(layout).renderPageToImage(0, dpi=110)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    data = bytes(QByteArray(buffer.data()))
    map_layout.discard(layout)
    for layer_id in list(project.mapLayers()):
        if project.mapLayer(layer_id).customProperty(print_layers.PRINT_PROPERTY):
            project.removeMapLayer(layer_id)
    return data

