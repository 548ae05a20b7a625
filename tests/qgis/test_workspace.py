"""territorialflux:createworkspace: the file, its tables, styles, project, relations and forms."""

import os
import sqlite3

import pytest
from qgis.core import QgsEditFormConfig, QgsGeometry, QgsPointXY, QgsProcessingException, QgsProject, QgsVectorLayer, QgsVectorLayerUtils

from territorial_flux_plugin.domain.errors import TerritorialFluxError
from territorial_flux_plugin.project.build import open_workspace, workspace_layers
from territorial_flux_plugin.storage import geopackage as gpkg
from territorial_flux_plugin.storage import workspace_at
from territorial_flux_plugin.storage.schema import SCHEMA_VERSION, TABLES


@pytest.fixture
def workspace(provider, run, tmp_path):
    path = str(tmp_path / "territory.gpkg")
    result = run("createworkspace", {"OUTPUT": path, "NAME": "Pays de Test", "CRS": "EPSG:2154"})
    assert result["OUTPUT"] == path
    return workspace_at(path)


def rows(path, query, params=()):
    connection = sqlite3.connect(path)
    try:
        return connection.execute(query, params).fetchall()
    finally:
        connection.close()


def test_tables_and_info(workspace):
    names = {r[0] for r in rows(workspace.path, "SELECT table_name FROM gpkg_contents")}
    assert {t.name for t in TABLES} <= names
    info = workspace.info
    assert info["name"] == "Pays de Test"
    assert info["crs"] == "EPSG:2154"
    assert info["schema_version"] == str(SCHEMA_VERSION)
    geometry = dict(rows(workspace.path, "SELECT table_name, geometry_type_name FROM gpkg_geometry_columns "
                                         "WHERE table_name NOT LIKE 'tf^_%' ESCAPE '^'"))  # not the map's views
    assert geometry == {"companies": "POINT", "synergies": "MULTILINESTRING", "areas": "MULTIPOLYGON",
                        "missing_links": "POINT", "possible_links": "MULTILINESTRING", "metabolism": "POINT"}
    assert rows(workspace.path, "SELECT DISTINCT srs_id FROM gpkg_geometry_columns") == [(2154,)]
    counts = dict(rows(workspace.path, "SELECT family, count(*) FROM resource_nomenclature GROUP BY family"))
    assert counts["waste"] == 973
    assert rows(workspace.path, "SELECT count(*) FROM naf_nomenclature") == [(732,)]
    assert gpkg.integrity_problems(workspace.path) == []


def test_layers_are_valid_geopackage_layers_with_spatial_index(workspace):
    for table in TABLES:
        layer = workspace.layer(table.name)
        assert layer.isValid()
        assert set(c.name for c in table.columns) <= set(layer.fields().names())
    assert rows(workspace.path, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'rtree_companies_geom%'")[0][0] > 0


def test_refuses_to_overwrite_unless_asked(workspace, run):
    with pytest.raises(QgsProcessingException, match="already exists"):
        run("createworkspace", {"OUTPUT": workspace.path, "NAME": "Again"})
    run("createworkspace", {"OUTPUT": workspace.path, "NAME": "Again", "OVERWRITE": True})
    assert workspace_at(workspace.path).name == "Again"


def test_refuses_an_empty_name_and_leaves_no_file(provider, run, tmp_path):
    path = str(tmp_path / "nameless.gpkg")
    with pytest.raises(QgsProcessingException, match="name"):
        run("createworkspace", {"OUTPUT": path, "NAME": "  "})
    assert not os.path.exists(path)
    assert os.listdir(str(tmp_path)) == []


def test_styles_stored_as_default_styles(workspace):
    stored = {r[0] for r in rows(workspace.path, "SELECT f_table_name FROM layer_styles WHERE useAsDefault")}
    assert {t.name for t in TABLES} <= stored
    # Plain QGIS, layer alone: the default style comes from the GeoPackage.
    companies = QgsVectorLayer(workspace.uri("companies"), "companies", "ogr")
    assert companies.renderer().type() == "categorizedSymbol"
    assert "array_contains(aggregate(" in companies.renderer().classAttribute()
    synergies = QgsVectorLayer(workspace.uri("synergies"), "synergies", "ogr")
    renderer = synergies.renderer()
    categories = renderer.categories()
    assert [c.value() for c in categories] == ["idea", "contacted", "studying", "implementing", "operating",
                                               "abandoned"]
    symbol = categories[0].symbol()
    assert symbol.symbolLayer(0).layerType() == "ArrowLine"
    flows = QgsVectorLayer(workspace.uri("flows"), "flows", "ogr")
    direction = flows.fields().indexOf("direction")
    setup = flows.editorWidgetSetup(direction)
    assert setup.type() == "ValueMap"
    assert {list(d.values())[0] for d in setup.config()["map"]} == {"offer", "need"}


def test_project_stored_in_the_geopackage(workspace):
    assert rows(workspace.path, "SELECT name FROM qgis_projects") == [("territory",)]
    project = QgsProject()
    assert project.read(workspace.project_uri)
    layers = workspace_layers(project)
    assert set(layers) == {t.name for t in TABLES}
    assert all(layer.isValid() for layer in layers.values())
    relations = project.relationManager().relations()
    assert {"flows_company", "participants_synergy", "events_synergy"} <= set(relations)
    assert all(r.isValid() for r in relations.values())
    project.clear()


def test_forms_have_tabs_relations_and_widgets(workspace):
    # QGIS's current project, as in the desktop: relation editors resolve relations there.
    project = QgsProject.instance()
    assert project.read(workspace.project_uri)
    layers = workspace_layers(project)
    companies = layers["companies"]
    config = companies.editFormConfig()
    assert config.layout() == QgsEditFormConfig.TabLayout
    tabs = config.tabs()
    relation_editors = [child.relation().id() for tab in tabs for child in tab.children()
                        if child.type() == child.AeTypeRelation]
    assert "flows_company" in relation_editors
    flows = layers["flows"]
    code = flows.editorWidgetSetup(flows.fields().indexOf("resource_code"))
    assert code.type() == "ValueRelation"
    assert code.config()["UseCompleter"] is True
    assert "current_value('family')" in code.config()["FilterExpression"]
    company = flows.editorWidgetSetup(flows.fields().indexOf("company_uid"))
    assert company.type() == "RelationReference"
    synergies = layers["synergies"]
    synergy_relations = [child.relation().id() for tab in synergies.editFormConfig().tabs()
                         for child in tab.children() if child.type() == child.AeTypeRelation]
    assert {"participants_synergy", "events_synergy"} <= set(synergy_relations)
    project.clear()


def _company(layer, **values):
    """A feature as QGIS's form makes it: default values first, then what the user typed."""
    geometry = QgsGeometry.fromPointXY(QgsPointXY(651000, 7104000))
    feature = QgsVectorLayerUtils.createFeature(layer, geometry)
    for name, value in values.items():
        feature[name] = value
    return feature


def test_form_constraints_refuse_what_the_storage_refuses(workspace):
    layer = workspace.layer("companies")
    siret = layer.fields().indexOf("siret")
    bad = _company(layer, name="Bad", siret="73282932000075")
    valid, errors = QgsVectorLayerUtils.validateAttribute(layer, bad, siret)
    assert not valid and any("SIRET" in e for e in errors)
    good = _company(layer, name="Good", siret="73282932000074")
    assert QgsVectorLayerUtils.validateAttribute(layer, good, siret)[0]
    poste = _company(layer, name="Bureau", siret="35600000049837")
    assert QgsVectorLayerUtils.validateAttribute(layer, poste, siret)[0]
    empty = _company(layer, name="Nobody")
    assert QgsVectorLayerUtils.validateAttribute(layer, empty, siret)[0]


def test_storage_refuses_bad_rows_through_qgis(workspace):
    layer = workspace.layer("companies")
    assert layer.startEditing()
    layer.addFeature(_company(layer, uid="0b6f6d2e-2f7c-4f5e-9a55-5d0f8b7d6a11", name="Bad", siret="12345678901234"))
    assert not layer.commitChanges()
    assert any("siret" in e.lower() or "constraint" in e.lower() for e in layer.commitErrors())
    layer.rollBack()
    assert layer.featureCount() == 0
    assert layer.startEditing()
    layer.addFeature(_company(layer, uid="0b6f6d2e-2f7c-4f5e-9a55-5d0f8b7d6a11", name="Good",
                              siret="73282932000074"))
    assert layer.commitChanges(), layer.commitErrors()
    assert rows(workspace.path, "SELECT name FROM companies") == [("Good",)]


def test_open_in_current_project_and_after_a_move(workspace, tmp_path):
    moved = str(tmp_path / "elsewhere.gpkg")
    os.rename(workspace.path, moved)
    opened, backup = open_workspace(moved)
    assert backup is None
    layers = workspace_layers()
    assert layers["companies"].isValid()
    assert layers["companies"].source().startswith(moved)
    QgsProject.instance().clear()


def test_refuses_a_file_that_is_not_a_workspace(provider, tmp_path):
    from osgeo import ogr
    from qgis.core import QgsVectorFileWriter  # noqa: F401 - GDAL present

    path = str(tmp_path / "other.gpkg")
    ogr.GetDriverByName("GPKG").CreateDataSource(path)
    with pytest.raises(TerritorialFluxError, match="not a Territorial Flux workspace"):
        open_workspace(path, QgsProject())


def test_a_renamed_workspace_opens_without_unavailable_layers(workspace, tmp_path):
    renamed = str(tmp_path / "territoire_v2.gpkg")
    os.rename(workspace.path, renamed)
    plain = QgsProject()  # as plain QGIS reads it: the stored project names the old file
    plain.read("geopackage:{}?projectName=territory".format(renamed))
    assert not all(layer.isValid() for layer in plain.mapLayers().values())
    plain.clear()
    project = QgsProject()
    open_workspace(renamed, project)
    assert all(layer.isValid() for layer in project.mapLayers().values())
    project.clear()
    again = QgsProject()  # the stored project now names the file as it is called
    again.read("geopackage:{}?projectName=territory".format(renamed))
    assert again.mapLayers() and all(layer.isValid() for layer in again.mapLayers().values())
    again.clear()
