"""A workspace as QGIS sees it: its layers, styles, forms, relations and stored project.

Whatever the storage, the project is the same: built once when the workspace is created
(:func:`create_workspace`), stored inside the workspace, read back by :func:`open_workspace`.
"""

from qgis.core import QgsCoordinateReferenceSystem, QgsProject

from ..domain.errors import TerritorialFluxError
from ..domain.messages import QT_TRANSLATE_NOOP
from ..storage import create_storage, table_of_layer, workspace_at, workspace_of_layer
from ..storage.base import PROJECT_NAME
from ..storage.schema import TABLES, TABLES_BY_NAME
from ..toolbelt.compat import save_style_to_database
from ..toolbelt.i18n import language, schema_label, tr
from . import forms, overview, styles, themes, view


# Layer tree groups of the workspace project: (title, tables, visible).
def layer_groups():
    return [
        (tr("Value-chain analysis"), ["missing_links", "possible_links", "metabolism"], True),
        (tr("Territory"), ["synergies", "companies", "areas"], True),
        (tr("Tables"), ["flows", "synergy_participants", "synergy_events", "link_reviews",
                        "resource_balance"], True),
        (tr("Reference lists"), ["resource_nomenclature", "naf_nomenclature", "vocabulary", "emission_factors", "workspace_info",
                                "audit_log"], False),
    ]


def layer_title(table_name):
    return schema_label(TABLES_BY_NAME[table_name].label)


def create_workspace(reference, name, crs=None, overwrite=False):
    """Create a workspace (a GeoPackage path or a team workspace reference) with its styles and
    stored project; returns the Workspace. A failure leaves nothing behind."""
    crs = crs if crs is not None and crs.isValid() else QgsCoordinateReferenceSystem("EPSG:2154")
    if not (name or "").strip():
        raise TerritorialFluxError(QT_TRANSLATE_NOOP("Validation", "Give the workspace a name."))
    workspace = create_storage(reference, name.strip(), crs, overwrite=overwrite)
    try:
        project = build_project(workspace)
        project.clear()
        workspace.project_stored()
    except Exception:
        workspace.discard()
        raise
    return workspace


def build_project(workspace, project=None):
    """Layers, forms, relations and styles of ``workspace`` in ``project`` (a new one by default).

    Styles are saved as the default style of each table in the storage's ``layer_styles``
    table, and the project is stored inside the workspace.
    """
    project = project if project is not None else QgsProject()
    lang = language()
    layers = {table.name: workspace.layer(table.name, layer_title(table.name)) for table in TABLES}
    for layer in layers.values():
        # Asked first once QGIS has created the styles table beside the layers' open connections,
        # the extent query fails ("unable to open database file" in the log): ask it now.
        layer.extent()
    project.addMapLayers(list(layers.values()), False)
    root = project.layerTreeRoot()
    for title, tables, visible in layer_groups():
        group = root.addGroup(title)
        for table in tables:
            node = group.addLayer(layers[table])
            node.setItemVisibilityChecked(visible)
            node.setExpanded(False)
        group.setExpanded(visible)
    for table in ("missing_links", "possible_links", "metabolism"):  # shown by the map themes
        root.findLayer(layers[table].id()).setItemVisibilityChecked(False)
    relations = forms.build_relations(project, layers)
    with forms.relations_known_to_forms(project, relations):
        _configure_layers(workspace, layers, relations, lang)
        analysis_group = root.findLayer(layers["missing_links"].id()).parent()
        aggregated = overview.add_to_project(workspace, project, analysis_group, layers)
        themes.add_map_themes(project, dict(layers, **aggregated))
        project.setCrs(workspace.crs)
        project.setTitle(workspace.name)
        view.set_view_extent(project, view.territory_extent(workspace) or view.crs_extent(workspace.crs), workspace.crs)
        if not project.write(workspace.project_uri):
            raise TerritorialFluxError(QT_TRANSLATE_NOOP(
                "Validation", "Cannot store the project in {path}: {error}"),
                path=workspace.reference, error=project.error())
    return project


def _configure_layers(workspace, layers, relations, lang):
    for table in TABLES:
        layer = layers[table.name]
        forms.configure_fields(layer, table.name, layers, lang, workspace.server_stamps_logins)
        forms.build_form(layer, table.name, relations)
        styler = styles.STYLERS.get(table.name)
        if styler:
            styler(layer)
        error = save_style_to_database(layer, PROJECT_NAME, tr("Territorial Flux default style"))
        if error:
            raise TerritorialFluxError(QT_TRANSLATE_NOOP(
                "Validation", "Cannot store the style of {table} in {path}: {error}"),
                table=table.name, path=workspace.reference, error=error)


def open_workspace(reference, project=None):
    """Load the workspace's stored project into ``project`` (QGIS's current one by default).

    Returns ``(workspace, backup)``: an older GeoPackage is migrated after a backup copy is
    written (its path); an older team workspace, or one from a newer plugin, is refused.
    """
    project = project if project is not None else QgsProject.instance()
    workspace = workspace_at(reference)
    backup = workspace.prepare()
    workspace.adopt_stored_project()
    if not project.read(workspace.project_uri):
        raise TerritorialFluxError(QT_TRANSLATE_NOOP(
            "Validation", "Cannot read the project stored in {path}: {error}"),
            path=workspace.reference, error=project.error())
    workspace.repoint_layers(project)
    add_missing_layers(workspace, project)
    overview.ensure(workspace, project, workspace_layers(project))
    if workspace.server_stamps_logins:  # also in projects stored before the server did
        for table, layer in workspace_layers(project).items():
            forms.leave_logins_to_the_server(layer, table)
    return workspace, backup


def add_missing_layers(workspace, project):
    """The layers of tables a schema upgrade added (the learned words), in their group, with their
    form and style; the stored project is not rewritten (a reader could not)."""
    present = workspace_layers(project)
    missing = [table for table in TABLES if table.name not in present]
    if not missing or "companies" not in present:
        return []
    lang = language()
    root = project.layerTreeRoot()
    added = []
    for table in missing:
        layer = workspace.layer(table.name, layer_title(table.name))
        if not layer.isValid():
            continue
        project.addMapLayer(layer, False)
        title, visible = next(((t, v) for t, names, v in layer_groups() if table.name in names), (None, False))
        group = root.findGroup(title) if title else None
        if group is None:
            group = root
        node = group.addLayer(layer)
        node.setItemVisibilityChecked(visible)
        forms.configure_fields(layer, table.name, dict(present, **{table.name: layer}), lang,
                               workspace.server_stamps_logins)
        forms.build_form(layer, table.name, [])
        added.append(table.name)
    return added


def workspace_layers(project=None):
    """The workspace layers of ``project`` by table name (empty when no workspace is open)."""
    project = project if project is not None else QgsProject.instance()
    found = {}
    for layer in project.mapLayers().values():
        table = table_of_layer(layer)
        if table is not None:
            found[table] = layer
    return found


def current_workspace(project=None):
    """The Workspace whose layers ``project`` shows, or None."""
    companies = workspace_layers(project).get("companies")
    return workspace_of_layer(companies) if companies is not None else None


__all__ = ["create_workspace", "open_workspace", "build_project", "workspace_layers", "current_workspace",
           "layer_title", "layer_groups", "add_missing_layers"]
