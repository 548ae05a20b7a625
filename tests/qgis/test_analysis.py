"""territorialflux:missinglinks and possiblelinks on real workspaces; analysis tables and map themes."""

import random
import shutil
import sqlite3
import struct
import uuid

import numpy as np
import pytest
from qgis.core import NULL, QgsFeatureRequest, QgsFeatureSource, QgsProcessingException, QgsProject, QgsRectangle, QgsWkbTypes

from territorial_flux_plugin.analysis import outputs as analysis
from territorial_flux_plugin.analysis import write_geopackage
from territorial_flux_plugin.analysis.inputs import possible_links_for, read_inputs
from territorial_flux_plugin.analysis.run import possible_links
from territorial_flux_plugin.demo.builder import write_rows
from territorial_flux_plugin.project import themes
from territorial_flux_plugin.project.build import open_workspace, workspace_layers
from territorial_flux_plugin.storage import rtree, workspace_at
from territorial_flux_plugin.storage.geopackage import integrity_problems
from territorial_flux_plugin.storage.schema import TABLES_BY_NAME

X0, Y0 = 650000.0, 7050000.0


def uid(name):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, name))


def company(name, x_km, y_km, status="active"):
    return {"uid": uid(name), "name": name, "status": status,
            "geom": "POINT ({} {})".format(X0 + x_km * 1000, Y0 + y_km * 1000)}


def flow(name, company_name, direction, code="15 01 01", quantity=10.0, unit="t/yr", family="waste",
         confidentiality="internal", status="active"):
    return {"uid": uid(name), "company_uid": uid(company_name), "direction": direction, "family": family,
            "resource_code": code, "label": name, "quantity": quantity, "unit": unit,
            "confidentiality": confidentiality, "status": status, "hazardous": 0}


def plain(value):
    """None for QGIS's NULL."""
    return None if value is None or value == NULL else value


def rows(path, query, params=()):
    connection = sqlite3.connect(path)
    try:
        return connection.execute(query, params).fetchall()
    finally:
        connection.close()


@pytest.fixture
def territory(provider, run, tmp_path):
    """A offers paper packaging; B, 10 km away, needs it; C, 40 km away, needs it too;
    D offers steam (EN 01 05) 5 km from A, who needs hot water (EN 01 04) in m3/yr."""
    path = str(tmp_path / "territory.gpkg")
    run("createworkspace", {"OUTPUT": path, "NAME": "Pays de Test"})
    write_rows(path, [
        ("companies", [company("A", 0, 0), company("B", 10, 0), company("C", 0, 40), company("D", 3, 4)]),
        ("flows", [flow("a-offer", "A", "offer", quantity=12.0), flow("b-need", "B", "need", quantity=24.0),
                   flow("c-need", "C", "need", quantity=500.0, unit="kg/yr"),
                   flow("d-offer", "D", "offer", code="EN 01 05", family="energy", quantity=300.0, unit="MWh/yr"),
                   flow("a-need", "A", "need", code="EN 01 04", family="energy", quantity=40.0, unit="m3/yr"),
                   flow("a-secret", "A", "offer", confidentiality="advisor"),
                   flow("b-old", "B", "offer", status="archived")]),
    ])
    return workspace_at(path)


def pairs(layer):
    return {(f["offer_flow_uid"], f["need_flow_uid"]) for f in layer.getFeatures()}


def test_possible_links_with_their_reasons(territory, run):
    result = run("possiblelinks", {"WORKSPACE": territory.path, "OUTPUT": "TEMPORARY_OUTPUT"})
    layer = result["OUTPUT"]
    assert result["LINKS"] == 1
    assert QgsWkbTypes.geometryType(layer.wkbType()) == QgsWkbTypes.LineGeometry
    assert {"offer_flow_uid", "need_flow_uid", "resource_code", "distance_km", "covered_share",
            "reason"} <= set(layer.fields().names())
    assert pairs(layer) == {(uid("a-offer"), uid("b-need"))}
    (feature,) = layer.getFeatures()
    assert feature["distance_km"] == pytest.approx(10.0)
    assert feature["covered_share"] == pytest.approx(0.5)
    assert feature["resource_code"] == "15 01 01"
    assert feature["reason"] == "same code 15 01 01 — 10.0 km — covers 50% of the need"
    line = feature.geometry().asPolyline()
    assert (line[0].x(), line[0].y()) == (X0, Y0)
    assert (line[-1].x(), line[-1].y()) == (X0 + 10000, Y0)
    # The same rows in the workspace, with the time of the analysis.
    assert rows(territory.path, "SELECT offer_flow_uid, need_flow_uid, reason FROM possible_links") == [
        (uid("a-offer"), uid("b-need"), "same code 15 01 01 — 10.0 km — covers 50% of the need")]
    assert analysis.analysed_at(territory)
    # No synergy is ever created by the analysis.
    assert rows(territory.path, "SELECT count(*) FROM synergies") == [(0,)]


def test_subchapter_units_that_do_not_convert_and_the_same_company(territory, run):
    layer = run("possiblelinks", {"WORKSPACE": territory.path, "MATCH_LEVEL": "subchapter",
                                  "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    reasons = {(f["offer_flow_uid"], f["need_flow_uid"]): (f["reason"], f["covered_share"]) for f in layer.getFeatures()}
    assert set(reasons) == {(uid("a-offer"), uid("b-need")), (uid("d-offer"), uid("a-need"))}
    reason, share = reasons[(uid("d-offer"), uid("a-need"))]
    assert reason == ("same sub-chapter EN 01 (EN 01 05 offered, EN 01 04 needed) — 5.0 km — "
                      "quantities not comparable (MWh/yr offered, m3/yr needed)")
    assert plain(share) is None
    # a-offer and a-need belong to the same company A: never a link, at any distance.
    wide = run("possiblelinks", {"WORKSPACE": territory.path, "MAX_DISTANCE": 1000, "MATCH_LEVEL": "subchapter",
                                 "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    assert (uid("a-offer"), uid("a-need")) not in pairs(wide)
    assert (uid("a-offer"), uid("c-need")) in pairs(wide)


def test_units_that_convert(territory, run):
    layer = run("possiblelinks", {"WORKSPACE": territory.path, "MAX_DISTANCE": 45,
                                  "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    shares = {f["need_flow_uid"]: f["covered_share"] for f in layer.getFeatures()}
    assert shares[uid("c-need")] == pytest.approx(1.0)  # 12 t/yr offered, 500 kg/yr needed


def test_max_confidentiality(territory, run):
    layer = run("possiblelinks", {"WORKSPACE": territory.path, "MAX_CONFIDENTIALITY": "advisor",
                                  "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    assert pairs(layer) == {(uid("a-offer"), uid("b-need")), (uid("a-secret"), uid("b-need"))}
    assert pairs(run("possiblelinks", {"WORKSPACE": territory.path, "MAX_CONFIDENTIALITY": "public",
                                       "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]) == set()
    # Ties and the k nearest are the domain's (tests/unit/test_links.py); here the parameter's bound.
    with pytest.raises(QgsProcessingException):
        run("possiblelinks", {"WORKSPACE": territory.path, "MAX_PER_FLOW": 0})


def test_missing_links_and_balance(territory, run):
    result = run("missinglinks", {"WORKSPACE": territory.path, "OUTPUT": "TEMPORARY_OUTPUT",
                                  "BALANCE": "TEMPORARY_OUTPUT"})
    layer = result["OUTPUT"]
    assert QgsWkbTypes.geometryType(layer.wkbType()) == QgsWkbTypes.PointGeometry
    assert {"kind", "flow_uid", "company_uid", "resource_code", "family", "quantity", "unit",
            "nearest_km"} <= set(layer.fields().names())
    found = {f["flow_uid"]: (f["kind"], plain(f["nearest_km"])) for f in layer.getFeatures()}
    assert found == {uid("c-need"): ("unmet_need", pytest.approx(40.0)),
                     uid("d-offer"): ("orphan_offer", None),
                     uid("a-need"): ("unmet_need", None)}
    assert (result["UNMET_NEEDS"], result["ORPHAN_OFFERS"]) == (2, 1)
    balance = {f["resource_code"]: f for f in result["BALANCE"].getFeatures()}
    paper = balance["15 01 01"]
    assert (paper["unit"], paper["offered"], paper["needed"]) == ("t/yr", 12.0, pytest.approx(24.5))
    assert (paper["offer_companies"], paper["need_companies"], plain(paper["gap"])) == (1, 2, None)
    assert balance["EN 01 05"]["gap"] == "orphan_offer"
    assert balance["EN 01 04"]["gap"] == "unmet_need"
    assert rows(territory.path, "SELECT count(*) FROM missing_links") == [(3,)]
    assert rows(territory.path, "SELECT count(*) FROM resource_balance") == [(3,)]
    assert rows(territory.path, "SELECT count(*) FROM metabolism") == [(4,)]


def _synergy(path, status, offer, need):
    synergy = str(uuid.uuid4())
    write_rows(path, [
        ("synergies", [{"uid": synergy, "kind": "substitution", "title": "Cartons", "status": status,
                        "abandon_reason": "trop loin" if status == "abandoned" else None,
                        "confidentiality": "internal"}]),
        ("synergy_participants", [
            {"uid": str(uuid.uuid4()), "synergy_uid": synergy, "company_uid": uid("A"), "flow_uid": uid(offer),
             "role": "supplier"},
            {"uid": str(uuid.uuid4()), "synergy_uid": synergy, "company_uid": uid(need[0].upper()),
             "flow_uid": uid(need), "role": "receiver"}]),
    ])


def test_a_live_synergy_is_not_proposed_again_and_covers_its_flows(territory, run):
    _synergy(territory.path, "studying", "a-offer", "b-need")
    assert pairs(run("possiblelinks", {"WORKSPACE": territory.path, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]) == set()
    wide = run("missinglinks", {"WORKSPACE": territory.path, "MAX_DISTANCE": 1, "OUTPUT": "TEMPORARY_OUTPUT"})
    missing = {f["flow_uid"] for f in wide["OUTPUT"].getFeatures()}
    assert uid("a-offer") not in missing and uid("b-need") not in missing
    assert uid("c-need") in missing


def test_an_abandoned_synergy_lets_the_pair_come_back(territory, run):
    _synergy(territory.path, "abandoned", "a-offer", "b-need")
    result = run("possiblelinks", {"WORKSPACE": territory.path, "OUTPUT": "TEMPORARY_OUTPUT"})
    assert pairs(result["OUTPUT"]) == {(uid("a-offer"), uid("b-need"))}


def test_a_rejected_pair_never_comes_back(territory, run):
    write_rows(territory.path, [("link_reviews", [
        {"uid": str(uuid.uuid4()), "offer_flow_uid": uid("a-offer"), "need_flow_uid": uid("b-need"),
         "decision": "rejected", "reason": "qualité incompatible"}])])
    assert pairs(run("possiblelinks", {"WORKSPACE": territory.path, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]) == set()
    assert [p.need.uid for p in possible_links_for(territory)] == []
    # ... and does not make a missing link by itself.
    missing = run("missinglinks", {"WORKSPACE": territory.path, "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    assert uid("b-need") not in {f["flow_uid"] for f in missing.getFeatures()}


def test_unknown_match_level_is_refused_with_the_accepted_words(territory, run):
    with pytest.raises(QgsProcessingException, match="code, subchapter"):
        run("possiblelinks", {"WORKSPACE": territory.path, "MATCH_LEVEL": "family"})
    with pytest.raises(QgsProcessingException, match="advisor, internal, partners, public"):
        run("missinglinks", {"WORKSPACE": territory.path, "MAX_CONFIDENTIALITY": "secret"})
    assert rows(territory.path, "SELECT count(*) FROM possible_links") == [(0,)]


def test_outputs_are_replaced_on_each_run(territory, run):
    run("possiblelinks", {"WORKSPACE": territory.path, "MAX_DISTANCE": 45})
    assert rows(territory.path, "SELECT count(*) FROM possible_links") == [(2,)]
    first = analysis.analysed_at(territory)
    run("possiblelinks", {"WORKSPACE": territory.path})
    assert rows(territory.path, "SELECT need_flow_uid FROM possible_links") == [(uid("b-need"),)]
    assert analysis.analysed_at(territory) > first
    # The GeoPackage's spatial index follows: QGIS finds the line by its extent.
    layer = territory.layer("possible_links")
    assert layer.featureCount() == 1
    assert layer.extent().xMaximum() == pytest.approx(X0 + 10000)
    assert rows(territory.path, "SELECT count(*) FROM rtree_possible_links_geom") == [(1,)]
    run("missinglinks", {"WORKSPACE": territory.path})
    run("missinglinks", {"WORKSPACE": territory.path})
    assert rows(territory.path, "SELECT count(*) FROM missing_links") == [(3,)]


@pytest.mark.parametrize("module, failing", [(analysis, "_record"), (write_geopackage, "write_rtree"),
                                             (write_geopackage, "_insert_possible")])
def test_writing_is_all_or_nothing(territory, run, monkeypatch, module, failing):
    run("possiblelinks", {"WORKSPACE": territory.path, "MAX_DISTANCE": 45})
    run("missinglinks", {"WORKSPACE": territory.path})
    before = rows(territory.path, "SELECT * FROM possible_links"), rows(territory.path, "SELECT * FROM missing_links")
    index_before = rows(territory.path, "SELECT * FROM rtree_possible_links_geom ORDER BY id")

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(module, failing, broken)
    with pytest.raises(QgsProcessingException):
        run("possiblelinks", {"WORKSPACE": territory.path})
    if failing == "_record":
        with pytest.raises(QgsProcessingException):
            run("missinglinks", {"WORKSPACE": territory.path, "MAX_DISTANCE": 100})
    after = rows(territory.path, "SELECT * FROM possible_links"), rows(territory.path, "SELECT * FROM missing_links")
    assert after == before
    # The spatial index and its triggers are back after the rollback, as they were.
    assert rows(territory.path, "SELECT * FROM rtree_possible_links_geom ORDER BY id") == index_before
    assert rows(territory.path, "SELECT rtreecheck('rtree_possible_links_geom')") == [("ok",)]
    assert rows(territory.path, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                "AND name LIKE 'rtree_possible_links_geom%'")[0][0] > 0
    assert integrity_problems(territory.path) == []


# --- many links: the table, its packed spatial index and OUTPUT ------------------------------

@pytest.fixture
def crowded(provider, run, tmp_path):
    """150 companies over 60 km x 40 km, each offering and needing one of three codes (some in
    kg/yr, some in m3/yr): with 30 links kept per flow, thousands of links, an R-tree three
    levels deep."""
    path = str(tmp_path / "crowded.gpkg")
    run("createworkspace", {"OUTPUT": path, "NAME": "Pays dense"})
    rng = random.Random(5)
    companies, flows = [], []
    for i in range(150):
        name = "co{}".format(i)
        companies.append(company(name, rng.uniform(0, 60), rng.uniform(0, 40)))
        for direction in ("offer", "need"):
            unit = rng.choice(["t/yr", "t/yr", "kg/yr", "m3/yr"])
            flows.append(flow("{}-{}".format(name, direction), name, direction,
                              code=rng.choice(["15 01 01", "15 01 02", "15 01 03"]),
                              quantity=round(rng.uniform(1, 500), 1), unit=unit,
                              confidentiality=rng.choice(["internal", "partners", "public"])))
    write_rows(path, [("companies", companies), ("flows", flows)])
    return workspace_at(path)


_ENVELOPE_SIZES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def _line_ends(blob):
    """The two points of a two-point (multi)linestring GeoPackage blob."""
    assert blob[:2] == b"GP" and blob[3] & 0x01  # little-endian header
    start = 8 + _ENVELOPE_SIZES[blob[3] >> 1 & 0x07]
    kind = struct.unpack_from("<I", blob, start + 1)[0]
    if kind == 5:
        start += 9
    return struct.unpack_from("<4d", blob, start + 9)


def _blob_envelope(blob):
    """(minx, maxx, miny, maxy) of a line blob: the stored envelope when there is one, which must
    then be the points' (the plugin writes none: the spatial index holds the envelopes)."""
    x1, y1, x2, y2 = _line_ends(blob)
    envelope = (min(x1, x2), max(x1, x2), min(y1, y2), max(y1, y2))
    if blob[3] >> 1 & 0x07:
        assert struct.unpack_from("<4d", blob, 8) == envelope
    return envelope


def test_many_links_make_a_valid_geopackage_layer_with_its_spatial_index(crowded, run):
    parameters = {"WORKSPACE": crowded.path, "MAX_DISTANCE": 100, "MAX_PER_FLOW": 30, "MATCH_LEVEL": "subchapter"}
    result = run("possiblelinks", dict(parameters, OUTPUT="TEMPORARY_OUTPUT"))
    count = int(result["LINKS"])
    assert count > 51 * 51  # a root, inner nodes and leaves
    path = crowded.path
    assert integrity_problems(path) == []
    assert rows(path, "SELECT count(*), min(fid), max(fid) FROM possible_links") == [(count, 1, count)]
    assert rows(path, "SELECT rtreecheck('rtree_possible_links_geom')") == [("ok",)]
    assert rows(path, "SELECT count(*) FROM rtree_possible_links_geom") == [(count,)]
    assert rows(path, "SELECT count(*) FROM rtree_possible_links_geom r JOIN possible_links p ON p.fid = r.id") \
        == [(count,)]
    # Each box is the one SQLite itself stores for the line's envelope (32-bit floats rounded outwards).
    table = rows(path, "SELECT fid, geom FROM possible_links ORDER BY fid")
    envelopes = [(fid,) + _blob_envelope(geom) for fid, geom in table]
    assert {len(geom) for _fid, geom in table} == {8 + 50}  # a multilinestring of two points, no envelope
    reference = sqlite3.connect(":memory:")
    reference.execute("CREATE VIRTUAL TABLE r USING rtree(id, minx, maxx, miny, maxy)")
    reference.executemany("INSERT INTO r VALUES (?, ?, ?, ?, ?)", envelopes)
    assert rows(path, "SELECT * FROM rtree_possible_links_geom ORDER BY id") == \
        reference.execute("SELECT * FROM r ORDER BY id").fetchall()
    reference.close()
    # gpkg_contents holds the extent of the lines.
    e = np.array([envelope[1:] for envelope in envelopes])
    assert rows(path, "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = 'possible_links'") \
        == [(e[:, 0].min(), e[:, 2].min(), e[:, 1].max(), e[:, 3].max())]
    assert rows(path, "SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'possible_links'") in (
        [(count,)], [])
    # QGIS opens it, sees its spatial index and finds the lines by rectangle as a full scan does.
    layer = crowded.layer("possible_links")
    assert layer.isValid() and layer.featureCount() == count
    assert layer.hasSpatialIndex() == QgsFeatureSource.SpatialIndexPresent
    rng = random.Random(2)
    for _ in range(20):
        x, y = X0 + rng.uniform(-5000, 60000), Y0 + rng.uniform(-5000, 40000)
        rect = QgsRectangle(x, y, x + rng.uniform(100, 8000), y + rng.uniform(100, 8000))
        found = {f.id() for f in layer.getFeatures(QgsFeatureRequest().setFilterRect(rect))}
        expected = {fid for fid, minx, maxx, miny, maxy in envelopes
                    if maxx >= rect.xMinimum() and minx <= rect.xMaximum() and maxy >= rect.yMinimum()
                    and miny <= rect.yMaximum() and layer.getFeature(fid).geometry().intersects(rect)}
        assert found == expected
    # OUTPUT holds every line with all the table's fields.
    output = result["OUTPUT"]
    names = TABLES_BY_NAME["possible_links"].column_names
    assert output.fields().names() == names
    assert output.featureCount() == count
    written = sorted(tuple(plain(v) for v in row) + _line_ends(geom) for geom, *row in rows(
        path, "SELECT geom, {} FROM possible_links".format(", ".join(names))))
    produced = sorted(tuple(plain(v) for v in f.attributes()) + tuple(
        c for p in f.geometry().asPolyline() for c in (p.x(), p.y())) for f in output.getFeatures())
    assert produced == written
    assert {QgsWkbTypes.flatType(f.geometry().wkbType()) for f in output.getFeatures()} == {QgsWkbTypes.LineString}
    # Editing in QGIS afterwards goes through the spatial index triggers, put back.
    assert layer.dataProvider().deleteFeatures([1, 2, count])
    assert rows(path, "SELECT count(*) FROM rtree_possible_links_geom") == [(count - 3,)]
    assert rows(path, "SELECT rtreecheck('rtree_possible_links_geom')") == [("ok",)]
    # A second run replaces all of it.
    again = run("possiblelinks", dict(parameters, MAX_PER_FLOW=2))
    assert rows(path, "SELECT count(*) FROM rtree_possible_links_geom") == [(int(again["LINKS"]),)]
    assert rows(path, "SELECT rtreecheck('rtree_possible_links_geom')") == [("ok",)]
    assert integrity_problems(path) == []


@pytest.mark.parametrize("count", [0, 1, 51, 52, 2700])
def test_packed_rtree_is_the_one_sqlite_would_build(count):
    rng = np.random.default_rng(count)
    x = rng.normal(size=count) * 1e5 - 3.3
    y = rng.normal(size=count) * 1e3 + 6.5e6
    envelopes = np.stack([x, x + rng.random(count) * 10, y, y + rng.random(count)], 1)
    ids = np.arange(1, count + 1, dtype=np.int64)
    connection = sqlite3.connect(":memory:", isolation_level=None)
    for name in ("packed", "inserted"):
        connection.execute("CREATE VIRTUAL TABLE {} USING rtree(id, minx, maxx, miny, maxy)".format(name))
    connection.executemany("INSERT INTO inserted VALUES (?, ?, ?, ?, ?)",
                           [(i,) + e for i, e in zip(ids.tolist(), map(tuple, envelopes.tolist()))])
    rtree.pack(connection, "packed", ids, envelopes)
    assert connection.execute("SELECT rtreecheck('packed')").fetchone() == ("ok",)
    assert connection.execute("SELECT * FROM packed ORDER BY id").fetchall() == \
        connection.execute("SELECT * FROM inserted ORDER BY id").fetchall()
    query = "SELECT id FROM {} WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ? ORDER BY id"
    for _ in range(10):
        qx, qy = rng.normal() * 1e5, rng.normal() * 1e3 + 6.5e6
        box = (qx, qx + 5e4, qy, qy + 500)
        assert connection.execute(query.format("packed"), box).fetchall() == \
            connection.execute(query.format("inserted"), box).fetchall()
    # the packed tree takes further changes as usual
    connection.execute("DELETE FROM packed WHERE id % 3 = 0")
    connection.executemany("INSERT INTO packed VALUES (?, 0, 1, 0, 1)", [(count + 1 + i,) for i in range(60)])
    assert connection.execute("SELECT rtreecheck('packed')").fetchone() == ("ok",)
    connection.close()


def test_map_themes_of_the_demo_show_non_empty_layers(demo_workspace, run, tmp_path):
    path = str(tmp_path / "demo.gpkg")
    shutil.copy(demo_workspace, path)
    # createdemo analyses the territory it makes: the themes have something to show at once
    assert analysis.analysed_at(workspace_at(path))
    project = QgsProject()
    open_workspace(path, project)
    assert set(project.mapThemeCollection().mapThemes()) >= {"Synergies", "Missing links", "Metabolism"}
    expected = {"synergies": {"synergies", "companies", "areas"},
                "missing_links": {"missing_areas", "area_flows", "missing_links", "possible_links", "companies",
                                  "areas"},
                "metabolism": {"metabolism", "areas"}}
    from territorial_flux_plugin.project import overview

    by_id = {layer.id(): table for table, layer in workspace_layers(project).items()}
    by_id.update({layer.id(): key for key, layer in overview.find_layers(project).items()})
    for key, tables in expected.items():
        layers = themes.theme_layers(project, key)
        assert {by_id[layer.id()] for layer in layers} == tables
        for layer in layers:
            assert layer.featureCount() > 0, (key, layer.name())
    # Each theme shows its layers with a style: the companies fade behind the analysis.
    collection = project.mapThemeCollection()
    record = collection.mapThemeState(themes.theme_name("missing_links", project))
    styles = {by_id[r.layer().id()]: r.currentStyle for r in record.layerRecords()}
    assert styles["companies"] == "faded"
    companies = workspace_layers(project)["companies"]
    assert {"background", "faded"} <= set(companies.styleManager().styles())
    project.clear()


@pytest.mark.parametrize("language", ["English", "French", "French with a format of its own"])
def test_the_written_reasons_are_the_sentences_of_the_links(crowded, language):
    """The workspace table's reasons are put together by SQLite from the templates' pieces: they
    are the sentences the Processing output and the docks show, in the user's language too (a
    translation that formats a value itself is written whole)."""
    from territorial_flux_plugin.domain import links

    french = {
        "same code {code} — {distance} km — covers {percent}% of the need":
            "même code {code} — {distance} km — couvre {percent} % du besoin",
        "same sub-chapter {subchapter} ({offer_code} offered, {need_code} needed) — {distance} km — "
        "covers {percent}% of the need":
            "l'offre {offer_code} et le besoin {need_code} du sous-chapitre {subchapter}, à {distance} km : "
            "{percent} % couverts",
        "same sub-chapter {subchapter} ({offer_code} offered, {need_code} needed) — {distance} km — "
        "quantities not comparable ({offer_unit} offered, {need_unit} needed)":
            "sous-chapitre {subchapter} — {distance} km — « {offer_unit} » contre « {need_unit} »",
    }
    if language == "English":
        translate = None
    else:
        def translate(_context, text):
            sentence = french.get(text, text)
            return sentence.replace("à {distance} km", "à {distance:>6} km") if "own" in language else sentence
    inputs = read_inputs(crowded)
    table = possible_links(crowded, links.Settings(100, "subchapter", "public", 30), write=False, inputs=inputs)["links"]
    assert len(table) > 1000 and len(set(table.kind.tolist())) >= 3
    assert (table.reason_parts(translate) is None) == ("own" in language)
    analysis.write_outputs(crowded, links.Settings(100, "subchapter", "public", 30), inputs, table=table,
                           translate=translate)
    written = rows(crowded.path, "SELECT reason FROM possible_links ORDER BY fid")
    assert [r[0] for r in written] == table.reasons(translate)
    if language.startswith("French"):
        assert any(r[0].startswith("l'offre") for r in written)


def test_a_big_first_analysis_skips_the_wal_only_when_alone(crowded, monkeypatch):
    """Written into empty tables, a big analysis goes through a rollback journal (its pages are
    new: written once) when nobody else has the file open; the file is in WAL mode again after.
    A replacement (the tables hold rows) and a file open elsewhere stay in WAL mode."""
    from contextlib import closing

    from territorial_flux_plugin.domain import links

    modes = []
    original = write_geopackage.Writer.replace_possible_links

    def spy(writer, *args):
        modes.append(writer.connection.execute("PRAGMA journal_mode").fetchone()[0])
        return original(writer, *args)

    monkeypatch.setattr(write_geopackage.Writer, "replace_possible_links", spy)
    monkeypatch.setattr(write_geopackage, "BIG_ANALYSIS", 1000)
    settings = links.Settings(100, "subchapter", "public", 30)
    inputs = read_inputs(crowded)
    table = possible_links(crowded, settings, write=False, inputs=inputs)["links"]
    assert len(table) > 1000 and rows(crowded.path, "PRAGMA journal_mode") == [("wal",)]
    assert rows(crowded.path, "SELECT count(*) FROM possible_links") == [(0,)]
    analysis.write_outputs(crowded, settings, inputs, table=table)
    analysis.write_outputs(crowded, settings, inputs, table=table)  # a replacement
    with closing(sqlite3.connect(crowded.path)) as other:
        other.execute("DELETE FROM possible_links")
        other.commit()
        assert other.execute("SELECT count(*) FROM companies").fetchone()[0] == 150
        analysis.write_outputs(crowded, settings, inputs, table=table)  # empty, but open elsewhere
        assert other.execute("SELECT count(*) FROM possible_links").fetchone()[0] == len(table)
    assert modes == ["delete", "wal", "wal"]
    assert rows(crowded.path, "PRAGMA journal_mode") == [("wal",)]
    assert rows(crowded.path, "SELECT count(*) FROM possible_links") == [(len(table),)]
    assert integrity_problems(crowded.path) == []
