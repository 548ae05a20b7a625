"""Missing links per area and possible links between areas: known answers on a hand-made territory
(two communes, then two zones, then no area at all: hexagons), on a GeoPackage and on a team
workspace; and the demo's missing-links page held to the issue's legibility limits (legend entries
from the legend's model, marks from the map item's layers, labels from QGIS's labeling results).
"""

import math
import shutil

import pytest

from tests.qgis.test_print import A4_LANDSCAPE, execute, layer_of, pdf_info, print_map, query, render

X0, Y0 = 700000.0, 6600000.0
UIDS = {name: "00000000-0000-4000-8000-{:012d}".format(i) for i, name in enumerate(
    ["a1", "a2", "b1", "alpha", "beta", "territory"], start=1)}


def _square(x, y, size):
    return "MULTIPOLYGON ((({x} {y}, {x2} {y}, {x2} {y2}, {x} {y2}, {x} {y})))".format(
        x=x, y=y, x2=x + size, y2=y + size)


def _flow(name):
    return "10000000-0000-4000-8000-{:012d}".format(sum(ord(c) * (i + 1) for i, c in enumerate(name)))


def hand_made(path, places=None, kind="commune"):
    """Alpha holds a1 and a2, Beta holds b1. Missing links: a1 needs water twice (internal), a2 offers
    waste (partners), b1 needs energy (advisor) and offers waste (public). Possible links: a2 -> b1
    and a1 -> b1 (waste, internal), b1 -> a2 (energy, partners), a1 -> a2 (within Alpha)."""
    from territorial_flux_plugin.demo.builder import write_rows
    from territorial_flux_plugin.project.build import create_workspace

    workspace = create_workspace(path, "Hand-made", overwrite=True)
    places = places or {"a1": (X0 + 2000, Y0 + 3000), "a2": (X0 + 6000, Y0 + 5000), "b1": (X0 + 15000, Y0 + 5000)}
    companies = [{"uid": UIDS[n], "name": n.upper(), "status": "active", "geom": "POINT ({} {})".format(*places[n])}
                 for n in ("a1", "a2", "b1")]
    areas = [{"uid": UIDS["territory"], "kind": "territory", "name": "Hand-made", "geom": _square(X0 - 5000, Y0 - 5000,
                                                                                                  30000)}]
    if kind:
        areas += [{"uid": UIDS["alpha"], "kind": kind, "code": "00001", "name": "Alpha", "geom": _square(X0, Y0, 10000)},
                  {"uid": UIDS["beta"], "kind": kind, "code": "00002", "name": "Beta",
                   "geom": _square(X0 + 10000, Y0, 10000)}]

    write_rows(workspace.path, [("companies", companies), ("areas", areas)] + analysis_rows(places))
    return workspace


def analysis_rows(places):
    def missing(name, company, kind_, family, level):
        x, y = places[company]
        return {"kind": kind_, "flow_uid": _flow(name), "company_uid": UIDS[company], "resource_code": "X",
                "family": family, "confidentiality": level, "geom": "POINT ({} {})".format(x, y)}

    def link(offer, need, family, level):
        (x1, y1), (x2, y2) = places[offer], places[need]
        return {"offer_flow_uid": _flow(offer + need + "o"), "need_flow_uid": _flow(offer + need + "n"),
                "offer_company_uid": UIDS[offer], "need_company_uid": UIDS[need], "resource_code": "X",
                "family": family, "confidentiality": level,
                "geom": "MULTILINESTRING (({} {}, {} {}))".format(x1, y1, x2, y2)}

    return [
        ("missing_links", [missing("w1", "a1", "unmet_need", "water", "internal"),
                           missing("w2", "a1", "unmet_need", "water", "internal"),
                           missing("o1", "a2", "orphan_offer", "waste", "partners"),
                           missing("e1", "b1", "unmet_need", "energy", "advisor"),
                           missing("o2", "b1", "orphan_offer", "waste", "public")]),
        ("possible_links", [link("a2", "b1", "waste", "internal"), link("a1", "b1", "waste", "internal"),
                            link("b1", "a2", "energy", "partners"), link("a1", "a2", "waste", "internal")]),
    ]


def rows_of(workspace, key, sql, geometry):
    """The rows of an aggregate's SQL as QGIS reads them (a GeoPackage view, a server's query layer)."""
    layer = workspace.query_layer(key, sql, key, geometry)
    assert layer.isValid(), sql
    return [feature.attributeMap() if hasattr(feature, "attributeMap") else
            dict(zip(layer.fields().names(), feature.attributes())) for feature in layer.getFeatures()]


def missing_answers(workspace, level):
    """{(area name, kind): (flows, main family)} at ``level``."""
    from territorial_flux_plugin.analysis import aggregates
    from territorial_flux_plugin.printing import content
    from territorial_flux_plugin.printing.layers import levels_sql

    sql = aggregates.missing_sql(workspace, content.hex_size(workspace), "m.confidentiality IN " + levels_sql(level))
    return {(r["unit_name"] or r["unit_key"], r["kind"]): (int(r["flows"]), r["main_family"])
            for r in rows_of(workspace, "test_missing", sql, "POINT")}


def flow_answers(workspace, level, by_family=False):
    from territorial_flux_plugin.analysis import aggregates
    from territorial_flux_plugin.printing import content
    from territorial_flux_plugin.printing.layers import levels_sql

    sql = aggregates.flows_sql(workspace, content.hex_size(workspace), "p.confidentiality IN " + levels_sql(level),
                               by_family)
    return {tuple(sorted((r["from_name"] or r["from_key"], r["to_name"] or r["to_key"]))) +
            ((r["family"],) if by_family else ()): int(r["links"])
            for r in rows_of(workspace, "test_flows", sql, "LINESTRING")}


def check_known_answers(workspace):
    assert missing_answers(workspace, "internal") == {
        ("Alpha", "unmet_need"): (2, "water"), ("Alpha", "orphan_offer"): (1, "waste"),
        ("Beta", "orphan_offer"): (1, "waste")}
    assert missing_answers(workspace, "advisor")[("Beta", "unmet_need")] == (1, "energy")
    assert missing_answers(workspace, "public") == {("Beta", "orphan_offer"): (1, "waste")}
    assert flow_answers(workspace, "internal") == {("Alpha", "Beta"): 3}  # the link within Alpha is not drawn
    assert flow_answers(workspace, "partners") == {("Alpha", "Beta"): 1}
    assert flow_answers(workspace, "internal", by_family=True) == {("Alpha", "Beta", "waste"): 2,
                                                                   ("Alpha", "Beta", "energy"): 1}


def test_known_answers_per_commune_then_zone_then_hexagon(tmp_path):
    from territorial_flux_plugin.analysis import aggregates

    workspace = hand_made(str(tmp_path / "hand.gpkg"))
    assert aggregates.aggregation_kind(workspace) == "commune"
    check_known_answers(workspace)
    # the symbol of an area sits inside it
    rows = rows_of(workspace, "test_units", "SELECT row_number() OVER (ORDER BY company_uid) AS fid, NULL AS geom, "
                   "u.* FROM ({}) AS u".format(aggregates.units_sql(workspace, 2000.0)), "POINT")
    assert len(rows) == 3
    for name, x, y in [(r["unit_name"], float(r["ux"]), float(r["uy"])) for r in rows]:
        left = X0 if name == "Alpha" else X0 + 10000
        assert left < x < left + 10000 and Y0 < y < Y0 + 10000

    zones = hand_made(str(tmp_path / "zones.gpkg"), kind="zone")
    assert aggregates.aggregation_kind(zones) == "zone"
    check_known_answers(zones)


def test_hexagons_when_there_is_no_area(tmp_path):
    from territorial_flux_plugin.analysis import aggregates

    size = 2000.0  # the territory's extent (13 km) asks for 2 km hexagons
    row = 3 * size / math.sqrt(3)
    centre = (350 * size, 1905 * row)  # a centre of the grid: a1 and a2 share its cell, b1 is 14 km east
    places = {"a1": (centre[0] - 300, centre[1] + 200), "a2": (centre[0] + 250, centre[1] - 300),
              "b1": (centre[0] + 7 * size, centre[1])}
    workspace = hand_made(str(tmp_path / "hex.gpkg"), places=places, kind=None)
    assert aggregates.aggregation_kind(workspace) == "hexagon"
    from territorial_flux_plugin.printing import content

    assert content.hex_size(workspace) == size
    answers = missing_answers(workspace, "internal")
    first, second = "ha350_1905", "ha357_1905"
    assert answers == {(first, "unmet_need"): (2, "water"), (first, "orphan_offer"): (1, "waste"),
                       (second, "orphan_offer"): (1, "waste")}
    assert flow_answers(workspace, "internal") == {(first, second): 3}
    cells = rows_of(workspace, "test_cells", aggregates.cells_sql(workspace, size), "POLYGON")
    assert sorted(c["unit_key"] for c in cells) == [first, second]
    # printed: the hexagons are drawn and their size stated in the legend
    result = print_map(workspace.path, "missinglinks", output=str(tmp_path / "hex.pdf"))
    titles = [title for title, _texts in __import__(
        "territorial_flux_plugin.printing.legibility", fromlist=["x"]).legend_entries(
        result["layout_object"].itemById("legend"))]
    assert "Missing links per hexagon of 2 km across" in titles
    assert layer_of(result["layout_object"], "hexagons").featureCount() == 2


def test_known_answers_on_a_team_workspace(tmp_path, postgis_server, postgis_connection, provider_registered):
    from territorial_flux_plugin.storage import workspace_at
    from tests.qgis_helpers import demo_team

    hand_made(str(tmp_path / "hand.gpkg"))
    reference = demo_team(postgis_server, postgis_connection, str(tmp_path / "hand.gpkg"), "agg_team", "Hand-made",
                          {"agg_rita": "reader"})
    team = workspace_at(reference)
    from qgis.core import QgsGeometry

    places = {"a1": (X0 + 2000, Y0 + 3000), "a2": (X0 + 6000, Y0 + 5000), "b1": (X0 + 15000, Y0 + 5000)}
    with team.opened() as database, database.transaction():  # analysis tables are not copied: written here
        for table, rows in analysis_rows(places):
            columns = list(rows[0])
            database.insert_rows(table, columns, [tuple(bytes(QgsGeometry.fromWkt(v).asWkb()) if c == "geom" else v
                                                        for c, v in row.items()) for row in rows], "geom")
    check_known_answers(team)
    # the canvas of a team workspace: the same counts, every level the user may see
    from qgis.core import QgsProject

    from territorial_flux_plugin.project import overview
    from territorial_flux_plugin.project.build import open_workspace

    project = QgsProject()
    open_workspace(reference, project)
    canvas = overview.find_layers(project)
    assert {layer.providerType() for layer in canvas.values()} == {"postgres"}
    assert sorted(int(f["flows"]) for f in canvas["missing_areas"].getFeatures()) == [1, 1, 1, 2]
    assert [int(f["links"]) for f in canvas["area_flows"].getFeatures()] == [3]
    project.clear()
    # printed by the administrator (the analysis of these flowless companies runs first and finds no gap):
    # the same layers, as query layers of the server, valid when empty
    result = print_map(reference, "missinglinks", output=str(tmp_path / "team.pdf"), save=False)
    missing = layer_of(result["layout_object"], "missing_areas")
    assert result["analysed"] and missing.providerType() == "postgres" and missing.isValid()
    assert missing.featureCount() == 0
    assert pdf_info(str(tmp_path / "team.pdf")) == (1, A4_LANDSCAPE)


# --- the demo's page ------------------------------------------------------------------------------

@pytest.fixture
def demo(demo_workspace, tmp_path):
    path = str(tmp_path / "demo.gpkg")
    shutil.copy(demo_workspace, path)
    return path


def test_the_demo_has_approximate_communes(demo):
    rows = query(demo, "SELECT code, name, source FROM areas WHERE kind = 'commune'")
    communes = query(demo, "SELECT count(DISTINCT commune_code) FROM companies")[0][0]
    assert len(rows) == communes > 10
    assert all("approximati" in source for _code, _name, source in rows)
    # every company lies in the commune area of its own commune
    outside = query(demo, "SELECT count(*) FROM companies c JOIN areas a ON a.kind = 'commune' AND a.code = "
                          "c.commune_code JOIN rtree_areas_geom r ON r.id = a.fid JOIN rtree_companies_geom rc "
                          "ON rc.id = c.fid WHERE rc.minx < r.minx OR rc.maxx > r.maxx OR rc.miny < r.miny "
                          "OR rc.maxy > r.maxy")[0][0]
    assert outside == 0


@pytest.mark.parametrize("paper,orientation", [("A4", "landscape"), ("A4", "portrait"), ("A3", "landscape")])
def test_the_demo_missing_links_page_is_legible(demo, tmp_path, paper, orientation):
    from territorial_flux_plugin.printing import legibility

    output = str(tmp_path / "missing.pdf")
    result = print_map(demo, "missinglinks", output=output, paper=paper, orientation=orientation)
    layout = result["layout_object"]
    legend = layout.itemById("legend")
    assert legibility.entry_count(legend) <= legibility.MAX_LEGEND_ENTRIES
    map_item = layout.itemById("map")
    drawn = {layer.customProperty("territorial_flux_print").split("|")[0]: n
             for layer, n in legibility.marks(map_item).items()}
    assert drawn["missing_areas"] > 10 and drawn["area_flows"] > 10
    marks = sum(n for table, n in drawn.items() if table not in ("companies", "areas", "hexagons"))
    assert marks <= legibility.MAX_MARKS
    labels = legibility.placed_labels(map_item)
    gaps = [text for layer, text, _box in labels if layer == layer_of(layout, "missing_areas").id()]
    assert 1 <= len(gaps) <= 5 and all(" · " in text for text in gaps)  # only the largest gaps are named
    assert legibility.colliding_labels(map_item) == []
    assert pdf_info(output)[0] == 1
    render(output, tmp_path)


def test_one_page_per_family_with_only_its_marks(run, demo, tmp_path):
    from territorial_flux_plugin.printing import legibility

    output = str(tmp_path / "families.pdf")
    families = [r[0] for r in query(demo, "SELECT DISTINCT family FROM missing_links WHERE confidentiality IN "
                                          "('internal', 'partners', 'public') ORDER BY 1")]
    result = run("printmap", {"WORKSPACE": demo, "THEME": "missinglinks", "ATLAS": "family", "OUTPUT": output})
    assert result["PAGES"] == len(families) and pdf_info(output)[0] == len(families)
    printed = print_map(demo, "missinglinks", atlas="family", output=str(tmp_path / "f.pdf"), save=False)
    layout = printed["layout_object"]
    atlas = layout.atlas()
    atlas.beginRender()
    seen = {}
    for page in range(atlas.count()):
        atlas.seekTo(page)
        layout.refresh()
        family = atlas.layout().reportContext().feature()["family"]
        missing = layer_of(layout, "missing_areas")
        drawn = legibility.marks(layout.itemById("map"))[missing]
        expected = len({(r[0], r[1]) for r in missing_by_family(missing, family)})
        assert drawn == expected > 0, family
        seen[family] = drawn
        title = layout.itemById("title").currentText()
        assert title.startswith(printed_family_label(family)), title
    atlas.endRender()
    assert sorted(seen) == families
    # a synergies atlas: one page per family that has synergies
    synergy_families = query(demo, "SELECT count(DISTINCT n.family) FROM synergies s JOIN resource_nomenclature n "
                                   "ON n.code = s.resource_code WHERE s.confidentiality IN "
                                   "('internal', 'partners', 'public')")[0][0]
    again = run("printmap", {"WORKSPACE": demo, "THEME": "synergies", "ATLAS": "family",
                             "OUTPUT": str(tmp_path / "s.pdf")})
    assert again["PAGES"] == synergy_families > 1


def missing_by_family(layer, family):
    return [(f["unit_key"], f["kind"]) for f in layer.getFeatures() if f["family"] == family]


def printed_family_label(family):
    from territorial_flux_plugin.domain.vocabulary import FAMILIES
    from territorial_flux_plugin.toolbelt.i18n import vocabulary_label

    return vocabulary_label(FAMILIES[family])


def test_without_communes_the_demo_counts_per_hexagon(demo, tmp_path):
    from territorial_flux_plugin.printing import legibility

    execute(demo, "DELETE FROM areas WHERE kind = 'commune'")
    result = print_map(demo, "missinglinks", output=str(tmp_path / "h.pdf"), save=False)
    titles = [title for title, _t in legibility.legend_entries(result["layout_object"].itemById("legend"))]
    assert any(title.startswith("Missing links per hexagon of ") and title.endswith(" km across") for title in titles)
    assert layer_of(result["layout_object"], "hexagons").featureCount() > 5


def test_a_page_of_one_commune_draws_its_own_links_only(demo, tmp_path):
    from territorial_flux_plugin.printing import legibility

    printed = print_map(demo, "missinglinks", atlas="commune", output=str(tmp_path / "c.pdf"), save=False)
    layout = printed["layout_object"]
    links = layer_of(layout, "possible_links")
    from qgis.core import QgsGeometry, QgsPointXY

    def ends(feature):
        line = feature.geometry()
        last = line.constGet().nCoordinates() - 1
        return [QgsGeometry.fromPointXY(QgsPointXY(line.vertexAt(i))) for i in (0, last)]

    atlas = layout.atlas()
    atlas.beginRender()
    counts = []
    for page in range(atlas.count()):
        atlas.seekTo(page)
        layout.refresh()
        area = layout.reportContext().feature().geometry()
        expected = sum(1 for f in links.getFeatures() if any(area.intersects(end) for end in ends(f)))
        counts.append((legibility.marks(layout.itemById("map"))[links], expected))
    atlas.endRender()
    assert all(drawn == expected for drawn, expected in counts), counts
    assert 0 < max(drawn for drawn, _e in counts) < links.featureCount()
