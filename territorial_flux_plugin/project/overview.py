"""The canvas's territory-wide layers, the same a printed map draws (what the advisor sees is what
prints): the missing links per area and the possible links between areas
(:mod:`..analysis.aggregates`), and the web backgrounds, off (:mod:`.backgrounds`).

The aggregated layers read every row the user may see (a view registered in a GeoPackage,
``tf_map_missing_areas`` and ``tf_map_area_flows``; a query layer of a team workspace). They show
at territory scale; the individual missing links and possible links show when zoomed in closer
than :data:`DETAIL_SCALE`.
"""

from ..analysis import aggregates
from ..toolbelt.i18n import tr
from . import aggregate_styles, backgrounds

MARKER = "territorial_flux_map_layer"
#: 1:60 000: closer than this, the canvas shows each missing link and possible link
DETAIL_SCALE = 60000
DETAILED = ("missing_links", "possible_links")
GROUP_KEY = "territorial_flux_backgrounds"


def layer_titles():
    return {"missing_areas": tr("Missing links per area"), "area_flows": tr("Possible links between areas")}


def aggregated_layers(workspace):
    """New layers ``{"missing_areas": …, "area_flows": …}`` of ``workspace`` (not in a project)."""
    size = aggregates.hexagon_size(workspace.extent("companies"), workspace.crs.isGeographic())
    titles = layer_titles()
    missing = workspace.query_layer("map_missing_areas", aggregates.missing_sql(workspace, size),
                                    titles["missing_areas"], "POINT")
    flows = workspace.query_layer("map_area_flows", aggregates.flows_sql(workspace, size), titles["area_flows"],
                                  "LINESTRING")
    layers = {"missing_areas": missing, "area_flows": flows}
    for key, layer in layers.items():
        _hide_geometry_column(layer)
        layer.setCustomProperty(MARKER, key)
        layer.setReadOnly(True)
        layer.setScaleBasedVisibility(True)
        layer.setMaximumScale(DETAIL_SCALE)  # hidden when zoomed in closer
    aggregate_styles.style_missing_areas(missing, 20)
    aggregate_styles.style_area_flows(flows)
    return layers


def _hide_geometry_column(layer):
    """GDAL lists a view's computed geometry as a text column too: not shown in forms and tables."""
    from qgis.core import QgsEditorWidgetSetup

    index = layer.fields().indexOf("geom")
    if index < 0:
        return
    layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("Hidden", {}))
    config = layer.attributeTableConfig()
    columns = config.columns()
    for column in columns:
        if column.name == "geom":
            column.hidden = True
    config.setColumns(columns)
    layer.setAttributeTableConfig(config)


def find_layers(project):
    """The aggregated layers already in ``project`` by key."""
    return {layer.customProperty(MARKER): layer for layer in project.mapLayers().values()
            if layer.customProperty(MARKER)}


def add_to_project(workspace, project, group, workspace_layers):
    """Add the aggregated layers at the top of ``group`` (unchecked: the map themes show them), the
    individual analysis layers from :data:`DETAIL_SCALE`, and the backgrounds; returns the
    aggregated layers."""
    layers = find_layers(project)
    if not layers:
        layers = aggregated_layers(workspace)
        project.addMapLayers(list(layers.values()), False)
        for position, key in enumerate(("missing_areas", "area_flows")):
            group.insertLayer(position, layers[key]).setItemVisibilityChecked(False)
    for table in DETAILED:
        layer = workspace_layers.get(table)
        if layer is not None:
            layer.setScaleBasedVisibility(True)
            layer.setMinimumScale(DETAIL_SCALE)  # hidden when zoomed out further
    add_backgrounds(project)
    return layers


def add_backgrounds(project):
    """The web backgrounds, in a group at the bottom of the layer tree, off."""
    root = project.layerTreeRoot()
    if any(g.customProperty(GROUP_KEY) for g in root.findGroups()):
        return
    group = root.addGroup(tr("Web backgrounds (need the internet)"))
    group.setCustomProperty(GROUP_KEY, True)
    for key in backgrounds.WEB:
        layer = backgrounds.tile_layer(key, shipped=True)
        project.addMapLayer(layer, False)
        group.addLayer(layer).setItemVisibilityChecked(False)
    group.setItemVisibilityChecked(False)
    group.setExpanded(False)


def ensure(workspace, project, workspace_layers):
    """In a workspace project read from storage: the aggregated layers read this workspace (a
    renamed file), and a project stored before them gets them, in its *Missing links* theme too."""
    workspace.repoint_query_layers(project, MARKER)
    if find_layers(project):
        return
    from . import themes

    group = next((g for g in project.layerTreeRoot().findGroups()
                  if workspace_layers.get("missing_links") is not None and g.findLayer(workspace_layers["missing_links"])),
                 project.layerTreeRoot())
    try:
        added = add_to_project(workspace, project, group, workspace_layers)
    except Exception as error:  # noqa: BLE001 - a file the user may not write: the project opens as stored
        from ..toolbelt.log import log, warning_level

        log(tr("The layers of missing links per area could not be added: {error}").format(error=error),
            warning_level())
        return
    themes.add_map_themes(project, dict(workspace_layers, **added))
