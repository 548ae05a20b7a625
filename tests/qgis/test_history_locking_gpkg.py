"""Audit history and optimistic locking on a GeoPackage workspace (the same API as PostGIS)."""

import uuid

from territorial_flux_plugin.project import locking
from territorial_flux_plugin.project.history import company_history
from territorial_flux_plugin.storage import workspace_at


def test_history_and_conflicts_in_a_geopackage(provider, run, tmp_path):
    path = str(tmp_path / "solo.gpkg")
    run("createworkspace", {"OUTPUT": path, "NAME": "Solo"})
    workspace = workspace_at(path)
    assert workspace.can_write() is True
    company, flow = str(uuid.uuid4()), str(uuid.uuid4())
    database = workspace.database()
    with database.transaction():
        database.execute("INSERT INTO companies (uid, name, updated_by) VALUES (?, 'Acme', 'alice')", (company,))
        database.execute("INSERT INTO flows (uid, company_uid, direction, family, resource_code, updated_by) "
                           "VALUES (?, ?, 'offer', 'waste', '15 01 01', 'alice')", (flow, company))
    database.close()
    assert locking.save(workspace, "flows", [locking.Edit(flow, 1, {"quantity": 3.5, "updated_by": "alice"})]).ok
    result = locking.save(workspace, "flows", [locking.Edit(flow, 1, {"quantity": 8.0, "updated_by": "bob"})])
    assert not result.ok
    assert result.conflicts[0].changes == {"quantity": (None, 3.5)}
    assert result.conflicts[0].by == ["alice"]
    entries = company_history(workspace, company)
    assert [(e.table, e.operation) for e in entries] == [("flows", "update"), ("flows", "insert"),
                                                         ("companies", "insert")]
    assert entries[0].changes == {"quantity": (None, 3.5)}
    # Edits through QGIS's own layer (attribute table) are recorded too.
    layer = workspace.layer("flows")
    feature = next(layer.getFeatures("\"uid\" = '{}'".format(flow)))
    layer.startEditing()
    layer.changeAttributeValue(feature.id(), layer.fields().indexOf("label"), "from the attribute table")
    assert layer.commitChanges()
    latest = company_history(workspace, company)[0]
    assert latest.changes["label"] == (None, "from the attribute table")
    assert latest.row_version == 3
    assert locking.layer_conflicts(layer, {flow: 2})[0].current_version == 3


def two_advisors_save_the_same_row(workspace, table, uid, column, first, second):
    """Two layers on the same table (two advisors); both load the row, both edit, both commit."""
    mine, theirs = workspace.layer(table), workspace.layer(table)
    expression = "\"uid\" = '{}'".format(uid)
    loaded = {}
    for layer in (mine, theirs):
        feature = next(layer.getFeatures(expression))
        loaded[layer.id()] = (feature.id(), feature["row_version"])
        assert layer.startEditing()
    index = mine.fields().indexOf(column)
    for layer, value in ((theirs, second), (mine, first)):
        fid, version = loaded[layer.id()]
        layer.changeAttributeValue(fid, index, value)
        locking.expect_version(layer, fid, version)
    assert theirs.commitChanges(), theirs.commitErrors()
    assert not mine.commitChanges()
    assert locking.is_conflict(mine.commitErrors()), mine.commitErrors()
    # my edit is still in my buffer; what they changed is known
    fid, version = loaded[mine.id()]
    assert mine.isEditable() and mine.getFeature(fid)[column] == first
    conflict = locking.layer_conflicts(mine, {uid: version})[0]
    assert conflict.changes[column][1] == second
    mine.rollBack()
    return conflict


def test_second_save_through_a_layer_is_refused_in_a_geopackage(provider, run, tmp_path):
    path = str(tmp_path / "two.gpkg")
    run("createworkspace", {"OUTPUT": path, "NAME": "Two"})
    workspace = workspace_at(path)
    company = str(uuid.uuid4())
    database = workspace.database()
    database.execute("INSERT INTO companies (uid, name) VALUES (?, 'Acme')", (company,))
    database.close()
    conflict = two_advisors_save_the_same_row(workspace, "companies", company, "notes", "mine", "theirs")
    assert conflict.current_version == 2
    layer = workspace.layer("companies")
    assert next(layer.getFeatures("\"uid\" = '{}'".format(company)))["row_version"] == 2
