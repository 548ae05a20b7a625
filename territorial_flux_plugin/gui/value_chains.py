"""Menu action *Analyse value chains*: both analysis algorithms on the open workspace.

The results land in the workspace's analysis tables; the layers showing them are reloaded and
the *Missing links* map theme is applied, and the message bar says what was found. A user who may
not write those tables (a team workspace's reader) gets the results as temporary layers of their
own session instead, added to the project and styled as the workspace's.
"""

from qgis.core import QgsProcessingException, QgsProject
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QApplication

from ..__about__ import __title__
from ..domain import links
from ..toolbelt.compat import enum_value
from ..toolbelt.i18n import tr
from ..toolbelt.log import critical_level, info_level, log, success_level, warning_level

ANALYSIS_TABLES = ("missing_links", "possible_links", "resource_balance", "metabolism")


def analysis_parameters(workspace, settings=None):
    """The parameters of both algorithms for ``workspace`` and ``settings`` (defaults if None)."""
    settings = settings or links.Settings()
    return {"WORKSPACE": workspace.reference, "MAX_DISTANCE": settings.max_distance_km,
            "MATCH_LEVEL": settings.match_level, "MAX_CONFIDENTIALITY": settings.max_confidentiality,
            "MAX_PER_FLOW": settings.max_per_flow}


def run_analysis(workspace, settings=None, temporary=False):
    """Run missinglinks then possiblelinks; returns the two result dicts (``temporary``: with their
    OUTPUT layers in memory)."""
    import processing

    parameters = analysis_parameters(workspace, settings)
    if temporary:
        parameters["OUTPUT"] = "memory:"
    missing_parameters = {k: v for k, v in parameters.items() if k != "MAX_PER_FLOW"}
    missing = processing.run("territorialflux:missinglinks", missing_parameters)
    possible = processing.run("territorialflux:possiblelinks", parameters)
    return missing, possible


def reload_analysis_layers(project=None):
    """Make the analysis layers of ``project`` read the tables again."""
    from ..project import overview
    from ..project.build import workspace_layers

    layers = [layer for table, layer in workspace_layers(project).items() if table in ANALYSIS_TABLES]
    # and the missing links per area, counted from them
    layers += list(overview.find_layers(project if project is not None else QgsProject.instance()).values())
    for layer in layers:
        layer.dataProvider().reloadData()
        layer.updateExtents()
        layer.triggerRepaint()


def add_temporary_layers(missing, possible, project=None):
    """The reader's results as temporary layers at the top of the project, styled as the workspace's."""
    from ..project import styles

    project = project if project is not None else QgsProject.instance()
    added = []
    for result, table, title in ((possible, "possible_links", tr("Possible links (temporary, this session)")),
                                 (missing, "missing_links", tr("Missing links (temporary, this session)"))):
        layer = result.get("OUTPUT")
        if layer is None or isinstance(layer, str):
            continue
        for old in project.mapLayersByName(title):
            project.removeMapLayer(old.id())
        layer.setName(title)
        styler = styles.STYLERS.get(table)
        if styler:
            styler(layer)
        project.addMapLayer(layer, False)
        project.layerTreeRoot().insertLayer(0, layer)
        added.append(layer)
    return added


def apply_theme(iface, key):
    from ..project.themes import theme_name

    project = QgsProject.instance()
    name = theme_name(key, project)
    collection = project.mapThemeCollection()
    if collection.hasMapTheme(name):
        collection.applyTheme(name, project.layerTreeRoot(), iface.layerTreeView().layerTreeModel())


def analyse_current_workspace(iface, settings=None):
    from ..project.build import current_workspace

    bar = iface.messageBar()
    workspace = current_workspace()
    if workspace is None:
        bar.pushMessage(__title__, tr("Open a workspace first: the analysis runs on the open workspace."),
                        level=warning_level(), duration=8)
        return None
    try:
        temporary = not workspace.can_write("missing_links")
    except Exception:  # noqa: BLE001 - the server is unreachable: the algorithm will say so
        temporary = False
    QApplication.setOverrideCursor(enum_value(Qt, "CursorShape.WaitCursor", "WaitCursor"))
    try:
        missing, possible = run_analysis(workspace, settings, temporary)
    except QgsProcessingException as error:
        QApplication.restoreOverrideCursor()
        log(str(error), critical_level())
        bar.pushMessage(__title__, str(error), level=critical_level(), duration=0)
        return None
    QApplication.restoreOverrideCursor()
    if temporary:
        add_temporary_layers(missing, possible)
    else:
        reload_analysis_layers()
        apply_theme(iface, "missing_links")
    settings = settings or links.Settings()
    text = tr("{unmet} needs with no local supplier, {orphans} offers with no local taker and {count} "
              "possible links within {distance} km.").format(
        unmet=int(missing.get("UNMET_NEEDS", 0)), orphans=int(missing.get("ORPHAN_OFFERS", 0)),
        count=int(possible.get("LINKS", 0)), distance="{:g}".format(settings.max_distance_km))
    if temporary:
        text += " " + tr("Your role may not change the shared analysis: the results are temporary layers of "
                         "this session.")
    log(text, info_level())
    bar.pushMessage(__title__, text, level=success_level(), duration=10)
    return missing, possible
