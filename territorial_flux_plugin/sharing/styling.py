"""The partner GeoPackage as plain QGIS opens it: styles in ``layer_styles``, layer metadata,
read-only tabbed forms linked by relations, and a project ``partners`` stored inside.

Everything here is QGIS's own configuration saved in the file, so the partner needs no plugin.
"""

import io
import json
import os
import re
import sqlite3
import zipfile
from contextlib import closing, contextmanager

from qgis.core import (
    QgsAbstractMetadataBase,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsEditorWidgetSetup,
    QgsLayerMetadata,
    QgsMarkerSymbol,
    QgsProject,
    QgsRelation,
    QgsRelationContext,
    QgsRendererCategory,
    QgsSettings,
    QgsVectorLayer,
)

from ..domain import sharing
from ..domain.errors import TerritorialFluxError
from ..domain.messages import QT_TRANSLATE_NOOP
from ..domain.vocabulary import (
    CONFIDENTIALITY_LEVELS,
    DIRECTIONS,
    FAMILIES,
    HEADCOUNT_BANDS,
    PARTICIPANT_ROLES,
    PRIORITIES,
    SYNERGY_KINDS,
    SYNERGY_STATUSES,
)
from ..project import styles
from ..project.forms import build_form, relations_known_to_forms
from ..storage.schema import TABLES_BY_NAME
from ..toolbelt.compat import save_style_to_database
from ..toolbelt.i18n import schema_label, tr, vocabulary_label

PROJECT_NAME = "partners"
RELATIONS = {
    "partners_flows_company": ("flows", "company_uid", "companies", "uid"),
    "partners_participants_company": ("synergy_participants", "company_uid", "companies", "uid"),
    "partners_participants_synergy": ("synergy_participants", "synergy_uid", "synergies", "uid"),
    "partners_participants_flow": ("synergy_participants", "flow_uid", "flows", "uid"),
}
VOCABULARIES = {"direction": DIRECTIONS, "family": FAMILIES, "headcount_band": HEADCOUNT_BANDS,
                "priority": PRIORITIES, "kind": SYNERGY_KINDS, "role": PARTICIPANT_ROLES,
                "confidentiality": CONFIDENTIALITY_LEVELS}


def project_uri(path):
    return "geopackage:{}?projectName={}".format(path, PROJECT_NAME)


def layer_titles():
    return {"companies": tr("Companies"), "flows": tr("Offers and needs"), "synergies": tr("Synergies"),
            "synergy_participants": tr("Synergy participants"), "readme": tr("About this export")}


def relation_names():
    return {"partners_flows_company": tr("Offers and needs of the company"),
            "partners_participants_company": tr("Synergies of the company"),
            "partners_participants_synergy": tr("Participants of the synergy"),
            "partners_participants_flow": tr("Synergies of the flow")}


def form_tabs():
    return {
        "companies": [(tr("Company"), ["name", "siret", "naf_code", "activity", "headcount_band"]),
                      (tr("Location"), ["commune", "commune_code", "zone"]),
                      (tr("Offers and needs"), ["relation:partners_flows_company"]),
                      (tr("Synergies"), ["relation:partners_participants_company"])],
        "flows": [(tr("Flow"), ["direction", "family", "resource_code", "resource", "label", "hazardous"]),
                  (tr("Quantity"), ["quantity", "unit", "availability", "priority"]),
                  (tr("About"), ["confidentiality", "last_verified", "uid", "company_uid"]),
                  (tr("Synergies"), ["relation:partners_participants_flow"])],
        "synergies": [(tr("Synergy"), ["title", "kind", "status", "resource_code", "resource"]),
                      (tr("Outcomes"), ["quantity", "unit", "diverted_t_per_year", "co2e_avoided_t_per_year",
                                        "distance_km"]),
                      (tr("About"), ["confidentiality", "uid"]),
                      (tr("Participants"), ["relation:partners_participants_synergy"])],
    }


def _alias(table, column):
    if column == "activity":
        return tr("Activity in words")
    if column == "resource":
        return tr("Resource in words")
    if column in ("key", "label", "value"):
        return {"key": tr("Key"), "label": tr("Label"), "value": tr("Value")}[column]
    schema_table = TABLES_BY_NAME.get(table)
    if schema_table is not None and column in schema_table.column_names:
        return schema_label(schema_table.column(column).label)
    return column


def _configure_fields(layer, table):
    fields = layer.fields()
    config = layer.editFormConfig()
    for index, field in enumerate(fields):
        name = field.name()
        if name == "fid":
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("Hidden", {}))
        else:
            layer.setFieldAlias(index, _alias(table, name))
        vocabulary = SYNERGY_STATUSES if (name == "status" and table == "synergies") else VOCABULARIES.get(name)
        if vocabulary is not None:
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("ValueMap", {"map": [
                {vocabulary_label(label): value} for value, label in vocabulary.items()]}))
        elif name in sharing.BOOLEAN_COLUMNS:
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("CheckBox", {}))
        config.setReadOnly(index, True)
    layer.setEditFormConfig(config)


def company_role_expression(flows_layer_name):
    """offers, needs or both, from the exported offers and needs (``''`` when the flows layer is
    not in the project: the company is drawn in the catch-all category)."""
    name = flows_layer_name.replace("'", "''")
    side = ("array_contains(aggregate(layer:='{name}', aggregate:='array_agg', expression:=\"company_uid\", "
            "filter:=\"direction\" = '{direction}'), \"uid\")")
    return ("coalesce(with_variable('offers', {offers}, with_variable('needs', {needs}, "
            "CASE WHEN @offers AND @needs THEN 'both' WHEN @offers THEN 'offers' "
            "WHEN @needs THEN 'needs' ELSE 'synergies' END)), '')").format(
        offers=side.format(name=name, direction="offer"), needs=side.format(name=name, direction="need"))


def style_companies(layer, flows_layer_name):
    labels = styles.company_role_labels()
    categories = []
    roles = [("both", labels["both"]), ("offers", labels["offers"]), ("needs", labels["needs"]),
             ("synergies", tr("In a synergy")), ("", tr("Company"))]
    for role, label in roles:
        colour = styles.COMPANY_ROLE_COLOURS.get(role, "#636363")
        symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": colour, "outline_color": "#ffffff",
                                               "outline_width": "0.3", "size": "3.2"})
        categories.append(QgsRendererCategory(role, symbol, label))
    layer.setRenderer(QgsCategorizedSymbolRenderer(company_role_expression(flows_layer_name), categories))
    layer.setLabeling(styles._labeling('"name"', 7.5, 120000))  # noqa: SLF001 - the workspace's own labels
    layer.setLabelsEnabled(True)


def layer_metadata(layer, table, issue, title, language):
    metadata = QgsLayerMetadata()
    metadata.setIdentifier(table)
    metadata.setTitle(title)
    metadata.setType("dataset")
    metadata.setLanguage(language)
    metadata.setAbstract(tr("{title} of {territory}, shared by {organisation} on {date} at the {level} level. "
                            "Licence: {licence} ({url}). Source: {source}.").format(
        title=title, territory=issue.workspace_name, organisation=issue.organisation, date=issue.date,
        level=issue.level, licence=issue.licence_name, url=issue.licence_url, source=issue.source))
    metadata.setLicenses([issue.licence_name])
    metadata.setRights([tr("Licence: {licence}, {url}").format(licence=issue.licence_name, url=issue.licence_url)])
    metadata.setKeywords({"confidentiality": [issue.level], "source": [issue.source], "date": [issue.date]})
    metadata.setHistory([tr("{date}: exported by {organisation} from {source}").format(
        date=issue.date, organisation=issue.organisation, source=issue.source)])
    contact = QgsAbstractMetadataBase.Contact(issue.organisation)
    contact.organization = issue.organisation
    contact.role = "publisher"
    metadata.setContacts([contact])
    link = QgsAbstractMetadataBase.Link(issue.licence_name, "WWW:LINK", issue.licence_url)
    metadata.setLinks([link])
    if layer.isSpatial():
        metadata.setCrs(layer.crs())
    layer.setMetadata(metadata)


def _failed(path, what, error=""):
    raise TerritorialFluxError(QT_TRANSLATE_NOOP(
        "Validation", "Cannot store {what} in {path}: {error}"), what=what, path=path, error=error or "?")


def style_geopackage(path, issue, language):
    """Style the tables of the export ``path``, store their metadata and the project inside."""
    titles = layer_titles()
    layers = {}
    for table in sharing.SHARED_TABLES + ["readme"]:
        layer = QgsVectorLayer("{}|layername={}".format(path, table), titles[table], "ogr")
        if not layer.isValid():
            _failed(path, table)
        layer.extent()  # read before QGIS creates the styles table: asked after, GDAL logs an error
        layers[table] = layer
    project = QgsProject()
    project.setTitle(tr("{territory}: shared with partners").format(territory=issue.workspace_name))
    crs = QgsCoordinateReferenceSystem(issue.crs_authid)
    if crs.isValid():
        project.setCrs(crs)
    project.addMapLayers([layers[t] for t in ("synergy_participants", "readme", "flows", "companies", "synergies")],
                         False)
    relations = {}
    for relation_id, (referencing, field, referenced, key) in RELATIONS.items():
        relation = QgsRelation(QgsRelationContext(project))
        relation.setId(relation_id)
        relation.setName(relation_names()[relation_id])
        relation.setReferencingLayer(layers[referencing].id())
        relation.setReferencedLayer(layers[referenced].id())
        relation.addFieldPair(field, key)
        relations[relation_id] = relation
    root = project.layerTreeRoot()
    for table in ("synergies", "companies"):
        root.addLayer(layers[table])
    tables_group = root.addGroup(tr("Tables"))
    for table in ("flows", "synergy_participants", "readme"):
        tables_group.addLayer(layers[table])
    for relation in relations.values():
        if not relation.isValid():
            _failed(path, relation.id())
        project.relationManager().addRelation(relation)
    style_companies(layers["companies"], titles["flows"])
    styles.style_synergies(layers["synergies"])
    renderer = layers["synergies"].renderer()  # abandoned synergies never leave
    renderer.deleteCategory(renderer.categoryIndexForValue("abandoned"))
    with relations_known_to_forms(project, relations):
        for table, layer in layers.items():
            _configure_fields(layer, table)
            build_form(layer, table, relations, tabs=form_tabs().get(table) or [])
            layer_metadata(layer, table, issue, titles[table], language)
            layer.setReadOnly(True)
            error = save_style_to_database(layer, table, tr("Shared with partners"))
            if error:
                _failed(path, tr("the style of {table}").format(table=table), error)
            message, saved = layer.saveDefaultMetadata()
            if not saved:
                _failed(path, tr("the metadata of {table}").format(table=table), message)
        metadata = project.metadata()
        metadata.setTitle(project.title())
        metadata.setAuthor(issue.organisation)
        metadata.setAbstract(layers["companies"].metadata().abstract())
        project.setMetadata(metadata)
        extent = layers["companies"].extent()
        if not extent.isEmpty():
            extent.scale(1.15)
            project.viewSettings().setDefaultViewExtent(_reference_extent(extent, project.crs()))
        project.writeEntry("Paths", "/Absolute", False)
        with anonymous_saving():
            written = project.write(project_uri(path))
        if not written:
            _failed(path, tr("the project"), project.error())
    project.clear()
    _forget_where_and_who(path)
    return os.path.basename(path)


@contextmanager
def anonymous_saving():
    """QGIS writes the login of whoever saves a project into it, unless told not to: a partner
    never learns an advisor's login. (QGIS 3.22 reads the setting's key; later releases, an entry
    of their settings tree.)"""
    entry = getattr(QgsProject, "settingsAnonymizeSavedProjects", None)
    if entry is not None:
        previous = entry.value()
        entry.setValue(True)
        try:
            yield
        finally:
            entry.setValue(previous)
        return
    settings = QgsSettings()
    key = "projects/anonymize_saved_projects"
    previous = settings.value(key, None, section=QgsSettings.Section.Core)
    settings.setValue(key, True, section=QgsSettings.Section.Core)
    try:
        yield
    finally:
        if previous is None:
            settings.remove(key, section=QgsSettings.Section.Core)
        else:
            settings.setValue(key, previous, section=QgsSettings.Section.Core)


def _forget_where_and_who(path):
    """The styles name the file they were saved from (the relations between its tables), by a path
    that may hold the advisor's login: make it relative; the GeoPackage's project catalogue
    records the saver's login beside the project: drop it."""
    with closing(sqlite3.connect(path)) as connection:
        relative = "./" + os.path.basename(path)
        connection.execute("UPDATE layer_styles SET styleQML = replace(styleQML, ?, ?), "
                           "styleSLD = replace(styleSLD, ?, ?)", (path, relative, path, relative))
        for name, metadata, content in connection.execute(
                "SELECT name, metadata, content FROM qgis_projects").fetchall():
            try:
                values = json.loads(metadata or "{}")
            except ValueError:
                values = {}
            values.pop("last_modified_user", None)
            content = _relative_project(bytes.fromhex(content), path, relative).hex()
            connection.execute("UPDATE qgis_projects SET metadata = ?, content = ? WHERE name = ?",
                               (json.dumps(values), content, name))
        connection.commit()


def _relative_project(zipped, path, relative):
    """The project (a .qgz) with ``path`` replaced by ``relative`` in its .qgs (the relations)."""
    source, target = io.BytesIO(zipped), io.BytesIO()
    with zipfile.ZipFile(source) as before, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as after:
        for item in before.infolist():
            data = before.read(item.filename)
            if item.filename.endswith(".qgs"):
                data = data.replace(path.encode("utf-8"), relative.encode("utf-8"))
                data = re.sub(rb'(saveUser(?:Full)?)="[^"]*"', rb'\1=""', data)
            after.writestr(item, data)
    return target.getvalue()


def _reference_extent(extent, crs):
    from qgis.core import QgsReferencedRectangle

    return QgsReferencedRectangle(extent, crs)
