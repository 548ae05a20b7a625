"""A workspace as QGIS sees it: its layers, styles, forms, relations and stored project."""

import os

from qgis.core import (
    QgsCoordinateReferenceSystem, QgsProject, QgsVectorLayer,
)

from ..__about__ import __version__
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from ..toolbelt.i18n import schema_label, tr
from . import forms, styles
from ..storage import geopackage as gpkg
from ..storage.geopackage import WorkspaceError
from ..storage.schema import TABLES, TABLES_BY_NAME

PROJECT_NAME = "territory"

# Layer tree groups of the workspace project: (title, tables, visible).
def layer_groups():
    return [
        (tr("Value-chain analysis"), ["missing_links", "possible_links", "metabolism"], True),
        (tr("Territory"), ["synergies", "companies", "areas"], True),
        (tr("Tables"), ["flows", "synergy_participants", "synergy_events", "link_reviews",
                        "resource_balance"], True),
        (tr("Reference lists"), ["resource_nomenclature", "naf_nomenclature", "workspace_info",
                                "audit_log"], False),
    ]


def crs_description(crs):
    """The dict :func:`gpkg.create_geopackage` expects, from a QgsCoordinateReferenceSystem."""
    wkt1 = getattr(QgsCoordinateReferenceSystem, "WKT1_GDAL", None)
    if wkt1 is None:
        wkt1 = QgsCoordinateReferenceSystem.WktVariant.WKT1_GDAL
    return {"authid": crs.authid(), "wkt": crs.toWkt(wkt1), "description": crs.description()}


def language():
    """``fr`` when QGIS speaks French, else ``en``: the language of labels written in the file."""
    from qgis.core import QgsSettings

    locale = QgsSettings().value("locale/userLocale", "") or ""
    if not locale:
        from qgis.PyQt.QtCore import QLocale

        locale = QLocale().name()
    return "fr" if str(locale).lower().startswith("fr") else "en"


class Workspace:
    """A workspace stored in a GeoPackage, or in PostGIS when given a team workspace reference
    (``postgres:connection=NAME;schema=SCHEMA``, see :mod:`.team`): ``Workspace(reference)``
    then returns a :class:`.team.PostgisWorkspace`."""

    storage = "geopackage"

    def __new__(cls, path, *args, **kwargs):
        if cls is Workspace and str(path).strip().lower().startswith("postgres:"):
            from ..storage.postgres import PostgisWorkspace

            return super().__new__(PostgisWorkspace)
        return super().__new__(cls)

    def __init__(self, path):
        self.path = os.path.abspath(path)

    @property
    def reference(self):
        """The string that names this workspace in a WORKSPACE parameter."""
        return self.path

    def database(self):
        """A :class:`.database.Database` on the workspace (sqlite3 here, psycopg2 for PostGIS)."""
        from ..storage.database import sqlite_database

        return sqlite_database(self.path)

    def can_write(self, table="flows"):
        """True when the current user may change rows of ``table``.

        A reader of a team workspace gets False: write analysis outputs to temporary layers.
        """
        return os.access(self.path, os.W_OK)

    def __repr__(self):
        return "Workspace({!r})".format(self.path)

    @property
    def info(self):
        return gpkg.read_info(self.path)

    @property
    def name(self):
        return self.info.get("name", os.path.splitext(os.path.basename(self.path))[0])

    @property
    def crs(self):
        return QgsCoordinateReferenceSystem(self.info.get("crs", "EPSG:2154"))

    @property
    def project_uri(self):
        return "geopackage:{}?projectName={}".format(self.path, PROJECT_NAME)

    def uri(self, table):
        return "{}|layername={}".format(self.path, table)

    def layer(self, table, name=None):
        """A new QgsVectorLayer on ``table`` (not added to any project)."""
        layer = QgsVectorLayer(self.uri(table), name or table, "ogr")
        if not layer.isValid():
            raise WorkspaceError(Message(QT_TRANSLATE_NOOP(
                "Validation", "Cannot read the table {table} of {path}."), table=table, path=self.path))
        return layer


def layer_title(table_name):
    return schema_label(TABLES_BY_NAME[table_name].label)


def create_workspace(path, name, crs=None, overwrite=False):
    """Create a workspace GeoPackage with its styles and stored project; returns the Workspace."""
    crs = crs if crs is not None and crs.isValid() else QgsCoordinateReferenceSystem("EPSG:2154")
    if str(path).strip().lower().startswith("postgres:"):  # a team workspace: see team.py
        from ..storage.postgres import create_from_reference

        return create_from_reference(path, name, crs)
    if not (name or "").strip():
        raise WorkspaceError(Message(QT_TRANSLATE_NOOP("Validation", "Give the workspace a name.")))
    gpkg.create_geopackage(path, name.strip(), crs_description(crs), __version__, overwrite=overwrite)
    workspace = Workspace(path)
    try:
        project = build_project(workspace)
        project.clear()
    except Exception:
        os.remove(workspace.path)
        raise
    return workspace


def build_project(workspace, project=None):
    """Layers, forms, relations and styles of ``workspace`` in ``project`` (a new one by default).

    Styles are saved as the default style of each table in the GeoPackage's ``layer_styles``
    table, and the project is saved inside the GeoPackage.
    """
    project = project if project is not None else QgsProject()
    lang = language()
    layers = {table.name: workspace.layer(table.name, layer_title(table.name)) for table in TABLES}
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
        from . import themes

        themes.add_map_themes(project, layers)
        project.setCrs(workspace.crs)
        project.setTitle(workspace.name)
        if not project.write(workspace.project_uri):
            raise WorkspaceError(Message(QT_TRANSLATE_NOOP(
                "Validation", "Cannot store the project in {path}: {error}"),
                path=workspace.path, error=project.error()))
    return project


def _configure_layers(workspace, layers, relations, lang):
    for table in TABLES:
        layer = layers[table.name]
        forms.configure_fields(layer, table.name, layers, lang)
        forms.build_form(layer, table.name, relations)
        styler = styles.STYLERS.get(table.name)
        if styler:
            styler(layer)
        error = layer.saveStyleToDatabase(PROJECT_NAME, tr("Territorial Flux default style"), True, "")
        if error:
            raise WorkspaceError(Message(QT_TRANSLATE_NOOP(
                "Validation", "Cannot store the style of {table} in {path}: {error}"),
                table=table.name, path=workspace.path, error=error))


def open_workspace(path, project=None):
    """Load the workspace's stored project into ``project`` (QGIS's current one by default).

    An older workspace is migrated after a backup copy is written (returned as the second
    item); a workspace from a newer plugin is refused.
    """
    project = project if project is not None else QgsProject.instance()
    workspace = Workspace(path)
    if workspace.storage == "postgis":  # never migrated implicitly: see team.open_team_workspace
        from ..storage.postgres import open_team_workspace

        return open_team_workspace(workspace, project)
    backup = gpkg.migrate(workspace.path)
    gpkg.follow_renamed_file(workspace.path)
    if not project.read(workspace.project_uri):
        raise WorkspaceError(Message(QT_TRANSLATE_NOOP(
            "Validation", "Cannot read the project stored in {path}: {error}"),
            path=workspace.path, error=project.error()))
    _repoint_layers(workspace, project)
    return workspace, backup


def _repoint_layers(workspace, project):
    """Make every layer of the stored project read this file, wherever it was saved from."""
    for layer in project.mapLayers().values():
        source = layer.source()
        if layer.providerType() != "ogr" or "|layername=" not in source:
            continue
        table = source.split("|layername=")[1].split("|")[0]
        expected = workspace.uri(table)
        if source != expected:
            layer.setDataSource(expected, layer.name(), "ogr")


def workspace_layers(project=None):
    """The workspace layers of ``project`` by table name (empty when no workspace is open)."""
    project = project if project is not None else QgsProject.instance()
    found = {}
    for layer in project.mapLayers().values():
        source = layer.source()
        if layer.providerType() == "postgres":
            from ..storage.postgres import layer_table

            table = layer_table(layer)[1]
            if table in TABLES_BY_NAME:
                found[table] = layer
        if layer.providerType() == "ogr" and "|layername=" in source:
            table = source.split("|layername=")[1].split("|")[0]
            if table in TABLES_BY_NAME:
                found[table] = layer
    return found


def current_workspace(project=None):
    """The Workspace whose layers ``project`` shows, or None."""
    layers = workspace_layers(project)
    companies = layers.get("companies")
    if companies is None:
        return None
    if companies.providerType() == "postgres":
        from ..storage.postgres import workspace_of_layer

        return workspace_of_layer(companies)
    return Workspace(companies.source().split("|")[0])


__all__ = ["Workspace", "WorkspaceError", "create_workspace", "open_workspace", "build_project",
           "workspace_layers", "current_workspace"]
