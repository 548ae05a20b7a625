"""Print a territory map: what ``territorialflux:printmap`` and the *Print territory map…* dialog run.

The workspace's stored project is read into a project of its own (never QGIS's current one),
the print layers of the theme and level are (re)built under the *Printed maps* group, the
layout is built (or loaded from a template) and exported, and both are saved in the stored
project, so that the same layout can be reprinted from QGIS's layout designer.
"""

import json
import os

from qgis.core import QgsLayoutExporter, QgsProject, QgsRectangle
from qgis.PyQt.QtCore import QCoreApplication

from ..analysis import outputs as analysis_tables
from ..analysis.run import analyse
from ..domain import links
from ..domain.errors import TerritorialFluxError, fail
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..domain.timestamps import parse_utc
from ..domain.vocabulary import confidentiality_rank
from ..project.build import open_workspace
from ..storage import workspace_at
from ..toolbelt.compat import enum_value
from ..toolbelt.i18n import tr
from . import content
from . import layers as print_layers
from . import layout as layouts

TEMPLATE_PATH = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "resources",
                             "layouts", "territory_map.qpt")
GROUP_KEY = "territorial_flux_printed_maps"


class _Quiet:
    def pushInfo(self, text):  # noqa: N802
        pass

    def pushWarning(self, text):  # noqa: N802
        pass

    def setProgress(self, value):  # noqa: N802
        pass

    def isCanceled(self):  # noqa: N802
        return False


# --- facts read from the workspace ------------------------------------------------------------

def last_update(workspace):
    """When the workspace's data last changed: its change history, else the rows' update stamps."""
    stamps = []
    for sql in ("SELECT max(\"at\") FROM audit_log",
                "SELECT max(updated_at) FROM companies", "SELECT max(updated_at) FROM flows",
                "SELECT max(updated_at) FROM synergies"):
        try:
            stamps.append(parse_utc(workspace.read(sql)[0][0]))
        except Exception:  # noqa: BLE001 - an older file without the table (sqlite3 or psycopg2 error)
            continue
    stamps = [s for s in stamps if s is not None]
    return max(stamps) if stamps else None


def territory_name(workspace):
    rows = workspace.read("SELECT name FROM areas WHERE kind = 'territory' AND name IS NOT NULL ORDER BY fid LIMIT 1")
    return rows[0][0] if rows else workspace.name


def sources(workspace, limit=4):
    rows = workspace.read("SELECT source, count(*) AS n FROM (SELECT source FROM companies UNION ALL "
                            "SELECT source FROM areas) AS s WHERE source IS NOT NULL AND trim(source) <> '' "
                            "GROUP BY source ORDER BY n DESC, source")
    names = [r[0] for r in rows[:limit]]
    if len(rows) > limit:
        names.append(tr("and {count} more").format(count=len(rows) - limit))
    return names


def extent(workspace):
    """The territory (areas of kind territory), else the companies' extent; None if empty."""
    for box in (workspace.extent("areas", "kind = 'territory'"), workspace.extent("companies")):
        if box is not None:
            rectangle = QgsRectangle(*box)
            if rectangle.width() == 0 and rectangle.height() == 0:
                rectangle.grow(1000.0 if not workspace.crs.isGeographic() else 0.01)
            rectangle.scale(1.06)
            return rectangle
    return None


def has_areas(workspace, kind):
    return bool(workspace.read("SELECT 1 FROM areas WHERE kind = ? LIMIT 1", (kind,)))


# --- the analysis behind the missing-links map ------------------------------------------------

def stored_settings(workspace):
    text = workspace.info.get(analysis_tables.SETTINGS_KEY)
    if not text:
        return None
    try:
        values = json.loads(text)
        return links.Settings(**{k: values[k] for k in links.Settings._fields if k in values})
    except (ValueError, TypeError):
        return None


def analysis_needed(workspace, level):
    """None when the latest analysis serves a print at ``level``, else the Settings to run it with.

    It is run again when there is none, when it is older than the data, and when it left out
    flows the audience may see (it analysed a less restricted level than ``level``).
    """
    settings = stored_settings(workspace) or links.Settings()
    stamp = parse_utc(analysis_tables.analysed_at(workspace))
    changed = last_update(workspace)
    covers = confidentiality_rank(settings.max_confidentiality) <= confidentiality_rank(level)
    if stamp is not None and (changed is None or stamp >= changed) and covers:
        return None
    if not covers:
        settings = settings._replace(max_confidentiality=level)
    return settings


def ensure_analysis(workspace, level, feedback):
    settings = analysis_needed(workspace, level)
    if settings is None:
        feedback.pushInfo(tr("The latest value-chain analysis ({stamp}) is up to date.").format(
            stamp=analysis_tables.analysed_at(workspace)))
        return False
    if not workspace.can_write("missing_links"):
        # A reader may not replace the shared analysis: the map shows the latest one stored.
        stamp = analysis_tables.analysed_at(workspace)
        if not stamp:
            fail(QT_TRANSLATE_NOOP(
                "Validation", "This team workspace has no value-chain analysis yet and your role may not store "
                              "one: ask an editor to run Analyse value chains, or print another theme."))
        feedback.pushWarning(tr("The latest value-chain analysis ({stamp}) may be older than the data; your role "
                                "may not replace it, so the map shows it as it is. An editor can run it again.").format(
            stamp=stamp))
        return False
    feedback.pushInfo(tr("Running the value-chain analysis first (none yet, or older than the data)."))
    analyse(workspace, settings, translate=QCoreApplication.translate)
    return True


# --- printing ---------------------------------------------------------------------------------

def layout_name(theme, level, atlas):
    name = tr("Territory map — {theme} — {level}").format(
        theme=print_layers.theme_title(theme), level=print_layers.level_label(level))
    if atlas != "none":
        name = tr("{name} — atlas by {kind}").format(name=name, kind={"commune": tr("commune"),
                                                                       "zone": tr("zone"),
                                                                       "family": tr("resource family")}[atlas])
    return name


def _printed_maps_group(project):
    root = project.layerTreeRoot()
    for group in root.findGroups():
        if group.customProperty(GROUP_KEY):
            return group
    group = root.addGroup(tr("Printed maps (filtered per confidentiality level)"))
    group.setCustomProperty(GROUP_KEY, True)
    group.setItemVisibilityChecked(False)
    group.setExpanded(False)
    return group


def _replace_group(project, parent, name):
    """An empty group ``name`` under ``parent``, the layers of a previous one removed."""
    for child in list(parent.children()):
        if child.customProperty(GROUP_KEY + "/layout") == name:
            project.removeMapLayers([node.layerId() for node in child.findLayers()])
            parent.removeChildNode(child)
    group = parent.addGroup(name)
    group.setCustomProperty(GROUP_KEY + "/layout", name)
    group.setItemVisibilityChecked(False)
    group.setExpanded(False)
    return group


def _output_kind(path):
    extension = os.path.splitext(path)[1].lower()
    if extension not in (".pdf", ".png"):
        fail(QT_TRANSLATE_NOOP("Validation", "The output must be a .pdf or .png file, not {file}."),
              file=os.path.basename(path) or path)
    return extension[1:]


def print_map(workspace, settings, feedback=None, save=True, project=None, export_file=True):
    """Print ``workspace`` (a Workspace or its reference) as ``settings`` (a :class:`PrintSettings`)
    say; returns a dict: ``output``, ``files`` (the PNG pages of an atlas), ``pages``, ``layout`` (its
    name), ``saved``, ``analysed`` (whether the analysis ran first), ``project`` and ``layout_object``.

    ``project``: where the layers and layout are built (a new project read from the workspace's
    stored project by default); ``save``: write them into the stored project; ``export_file``: write
    the output (False: only build the layout, as the dialog does in the open project).

    A failure raises a TerritorialFluxError whose traceback holds none of the projects, layers and
    layouts made on the way: kept alive by a traceback until after QGIS exits, they would crash it.
    """
    failure = None
    try:
        return _print_map(workspace_at(workspace), settings, feedback, save, project, export_file)
    except TerritorialFluxError as error:
        failure = error.message
    except Exception as error:  # noqa: BLE001 - said in a sentence, the same way
        failure = Message(QT_TRANSLATE_NOOP("Validation", "The map could not be written to {file} ({error})."),
                          file=settings.output, error=str(error))
    raise TerritorialFluxError(failure)


def _print_map(workspace, settings, feedback, save, project, export_file):
    theme, output, level, atlas, template = (settings.theme, settings.output, settings.level, settings.atlas,
                                             settings.template)
    feedback = feedback or _Quiet()
    if theme not in print_layers.THEMES:
        fail(QT_TRANSLATE_NOOP("Validation", "'{value}' is not a map theme; use one of: {words}."),
             value=theme, words=", ".join(print_layers.THEMES))
    kind = _output_kind(output)
    if template and not os.path.isfile(template):
        fail(QT_TRANSLATE_NOOP("Validation", "The template {file} does not exist."), file=template)
    analysed = False
    if theme == "missinglinks":
        analysed = ensure_analysis(workspace, level, feedback)
    frame = extent(workspace)
    if frame is None:
        fail(QT_TRANSLATE_NOOP("Validation", "The workspace has no company and no territory outline: there "
                                              "is nothing to print yet."))
    if project is None:
        project = QgsProject()
        open_workspace(workspace, project)
    workspace.repoint_query_layers(project, print_layers.PRINT_PROPERTY)
    name = layout_name(theme, level, atlas)
    group = _replace_group(project, _printed_maps_group(project), name)
    page = content.page_content(workspace, settings, frame, feedback)
    for layer in page.layers:
        project.addMapLayer(layer, False)
        group.addLayer(layer)
    coverage = None
    if atlas == "family":
        coverage = workspace.query_layer("print_atlas_family_{}_{}".format(theme, level),
                                         content.family_coverage_sql(workspace, theme, level, frame),
                                         tr("Atlas pages"), "POLYGON")
    elif atlas != "none":
        with_areas = has_areas(workspace, atlas)
        sql = print_layers.atlas_sql(workspace, atlas, with_areas)
        sql = sql.replace("{margin}", "500" if not workspace.crs.isGeographic() else "0.005")
        coverage = workspace.query_layer("print_atlas_{}".format(atlas), sql, tr("Atlas pages"),
                                         "MULTIPOLYGON" if with_areas else "POLYGON")
        if not with_areas:
            feedback.pushInfo(tr("No boundaries of this kind in the workspace: each page shows the extent of "
                                 "the companies of one {kind}.").format(kind=atlas))
    if coverage is not None:
        if not coverage.isValid():
            fail(QT_TRANSLATE_NOOP("Validation", "Cannot list the pages of the atlas in {path}."),
                  path=workspace.reference)
        coverage.setCustomProperty(print_layers.PRINT_PROPERTY, "atlas|" + atlas)
        if coverage.featureCount() == 0:
            if atlas == "family":
                fail(QT_TRANSLATE_NOOP("Validation", "No resource family has anything to show on this map: the "
                                                      "atlas would have no page."))
            fail(QT_TRANSLATE_NOOP("Validation", "No {kind} has companies: the atlas would have no page."),
                  kind=atlas)
        project.addMapLayer(coverage, False)
        group.addLayer(coverage)
    try:
        layout = layouts.load_template(project, template, name) if template else \
            layouts.build_layout(project, settings.paper, settings.orientation, name)
    except (OSError, ValueError):
        fail(QT_TRANSLATE_NOOP("Validation", "{file} is not a QGIS layout template (.qpt)."),
              file=os.path.basename(template or ""))
    found = layouts.items(layout)
    if "map" not in found:
        layouts.discard(layout)  # not the project's: deleted now, before the project that it refers to
        fail(QT_TRANSLATE_NOOP("Validation", "The template has no map item with the id 'map': give the map "
                                              "that id in the layout designer's item properties."))
    missing = [i for i in layouts.ITEM_IDS if i not in found]
    if missing and template:
        feedback.pushWarning(tr("The template has no item with the id {ids}: left out.").format(
            ids=", ".join(missing)))
    update = last_update(workspace)
    listed = sources(workspace)
    layouts.set_variables(layout, {
        "title": (settings.title or "").strip() or print_layers.theme_title(theme),
        "territory": territory_name(workspace),
        "theme": theme,
        "level_key": level,
        "level": tr("Confidentiality: {level}").format(level=print_layers.level_label(level)),
        "confidentiality": layouts.confidentiality_mention(level),
        "sources": tr("Sources: {sources}.").format(sources="; ".join(listed + (
            [tr("background {attribution}").format(attribution=page.attribution)] if page.attribution else [])))
        if listed or page.attribution else "",
        "attribution": page.attribution,
        "last_update": tr("Territorial Flux workspace “{name}”, last updated on {date}.").format(
            name=workspace.name, date=update.strftime("%Y-%m-%d") if update else "?"),
    })
    layouts.configure(layout, page.layers, frame, workspace.crs, page.titles, show_counts=coverage is None,
                      coverage=coverage, counted=page.counted, fit_legend=not template, unlisted=page.unlisted,
                      follow_atlas=atlas != "family")
    _cap_tile_zoom(page, layout, coverage if atlas not in ("none", "family") else None, workspace.crs)
    credit = layout.itemById("attribution")
    if credit is not None and page.attribution:  # readable on any tile
        from qgis.PyQt.QtGui import QColor

        credit.setBackgroundEnabled(True)
        credit.setBackgroundColor(QColor(255, 255, 255, 210))
    manager = project.layoutManager()
    previous = manager.layoutByName(name)
    if previous is not None:
        manager.removeLayout(previous)
    manager.addLayout(layout)
    files = export(layout, output, kind, coverage is not None) if export_file else []
    pages = len(files) if kind == "png" else _pdf_pages(layout, coverage)
    saved = False
    if save:
        saved = project.write(workspace.project_uri)
        if not saved and workspace.project_is_shared:
            # the shared project of a team workspace is its administrators' to change
            feedback.pushWarning(tr("The layout was not saved in the team workspace's shared project (only its "
                                    "administrators may change it); the printed map is complete."))
        elif not saved:
            fail(QT_TRANSLATE_NOOP("Validation", "Cannot store the project in {path}: {error}"),
                 path=workspace.reference, error=project.error())
    return {"saved": saved, "output": output if kind == "pdf" or coverage is None or not files else files[0], "files": files,
            "pages": pages,
            "layout": name, "analysed": analysed, "project": project, "layout_object": layout}


def _cap_tile_zoom(page, layout, coverage, crs):
    """Web tiles no finer than a screen would show the map's (or smallest atlas page's) extent."""
    from ..project import backgrounds

    map_item = layouts.items(layout)["map"]
    for layer in page.layers:
        key = layer.customProperty(backgrounds.PROPERTY)
        if not key:
            continue
        extents = [map_item.extent()]
        if coverage is not None:
            extents += [feature.geometry().boundingBox() for feature in coverage.getFeatures()
                        if feature.hasGeometry()]
        cap = max(backgrounds.zoom_cap(box, crs, map_item.rect().width()) for box in extents
                  if not box.isEmpty())
        layer.setDataSource(backgrounds.source(key, cap), layer.name(), "wms")


def _pdf_pages(layout, coverage):
    if coverage is None:
        return layout.pageCollection().pageCount()
    return layout.atlas().count() * layout.pageCollection().pageCount()


def text_as_text():
    """The "always text" render format: ``Qgis.TextRenderFormat`` from QGIS 3.28, the render
    context's enum before."""
    from qgis.core import Qgis, QgsRenderContext

    return enum_value(Qgis, "TextRenderFormat.AlwaysText") if hasattr(Qgis, "TextRenderFormat") else \
        enum_value(QgsRenderContext, "TextRenderFormat.TextFormatAlwaysText", "TextFormatAlwaysText")


def _success():
    return enum_value(QgsLayoutExporter, "ExportResult.Success", "Success")


def export(layout, output, kind, atlas):
    """Export to ``output``; returns the files written."""
    folder = os.path.dirname(os.path.abspath(output))
    os.makedirs(folder, exist_ok=True)
    if kind == "pdf":
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.rasterizeWholeImage = False
        settings.forceVectorOutput = False
        settings.exportMetadata = True
        # text stays text (searchable, copyable, read by screen readers): QGIS 3.40 and later
        # otherwise export it as outlines
        settings.textRenderFormat = text_as_text()
        if atlas:
            result, error = QgsLayoutExporter.exportToPdf(layout.atlas(), output, settings)
        else:
            result, error = QgsLayoutExporter(layout).exportToPdf(output, settings), ""
        if result != _success():
            fail(QT_TRANSLATE_NOOP("Validation", "The map could not be written to {file} ({error})."),
                  file=output, error=error or str(result))
        return [output]
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = 150
    settings.exportMetadata = False  # GDAL cannot add metadata to a PNG file
    if atlas:
        base = os.path.splitext(os.path.basename(output))[0]
        layout.atlas().setFilenameExpression(
            "'{}_' || lpad(to_string(@atlas_featurenumber), 3, '0')".format(base.replace("'", "''")))
        result, error = QgsLayoutExporter.exportToImage(layout.atlas(), os.path.join(folder, base), "png", settings)
        if result != _success():
            fail(QT_TRANSLATE_NOOP("Validation", "The map could not be written to {file} ({error})."),
                  file=output, error=error or str(result))
        count = layout.atlas().count()
        return [os.path.join(folder, "{}_{:03d}.png".format(base, i)) for i in range(1, count + 1)]
    result = QgsLayoutExporter(layout).exportToImage(output, settings)
    if result != _success():
        fail(QT_TRANSLATE_NOOP("Validation", "The map could not be written to {file} ({error})."),
              file=output, error=str(result))
    return [output]
