"""territorialflux:createdemo: a territory rich enough for every feature, the same for one seed."""

import collections
import datetime
import sqlite3

from territorial_flux_plugin.domain.siret import is_valid_siret
from territorial_flux_plugin.domain.statuses import PROGRESSION
from territorial_flux_plugin.domain.vocabulary import FAMILIES, SYNERGY_STATUSES
from territorial_flux_plugin.storage import geopackage as gpkg


def query(path, sql):
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def test_counts(demo_workspace):
    companies = query(demo_workspace, "SELECT count(*), count(naf_code) FROM companies")[0]
    assert companies[0] >= 150 and companies[1] == companies[0]
    assert query(demo_workspace, "SELECT count(*) FROM flows")[0][0] >= 400
    families = {r[0] for r in query(demo_workspace, "SELECT DISTINCT family FROM flows")}
    assert families == set(FAMILIES)
    statuses = collections.Counter(r[0] for r in query(demo_workspace, "SELECT status FROM synergies"))
    assert sum(statuses.values()) >= 15
    assert set(statuses) == set(SYNERGY_STATUSES)
    kinds = {r[0] for r in query(demo_workspace, "SELECT DISTINCT kind FROM synergies")}
    assert kinds == {"substitution", "mutualisation"}


def test_every_synergy_has_its_history_and_participants(demo_workspace):
    events = collections.defaultdict(list)
    for synergy, from_status, to_status in query(
            demo_workspace, "SELECT synergy_uid, from_status, to_status FROM synergy_events ORDER BY at"):
        events[synergy].append((from_status, to_status))
    for uid, status, kind in query(demo_workspace, "SELECT uid, status, kind FROM synergies"):
        history = events[uid]
        assert history[0] == (None, "idea")
        assert history[-1][1] == status
        for (_a, previous), (origin, _b) in zip(history, history[1:]):
            assert origin == previous
        roles = collections.Counter(r[0] for r in query(
            demo_workspace, "SELECT role FROM synergy_participants WHERE synergy_uid = '{}'".format(uid)))
        if kind == "substitution":
            assert roles == {"supplier": 1, "receiver": 1}
        else:
            assert roles["member"] >= 2


def test_abandoned_synergies_have_a_reason(demo_workspace):
    reasons = query(demo_workspace, "SELECT abandon_reason FROM synergies WHERE status = 'abandoned'")
    assert reasons and all(r[0] for r in reasons)
    assert set(PROGRESSION) <= {r[0] for r in query(demo_workspace, "SELECT status FROM synergies")}


def test_valid_sirets_geometry_and_integrity(demo_workspace):
    sirets = [r[0] for r in query(demo_workspace, "SELECT siret FROM companies WHERE siret IS NOT NULL")]
    assert len(sirets) > 100 and all(is_valid_siret(s) for s in sirets)
    assert gpkg.integrity_problems(demo_workspace) == []
    from qgis.core import QgsVectorLayer

    companies = QgsVectorLayer(demo_workspace + "|layername=companies", "c", "ogr")
    extent = companies.extent()
    # around Dunkirk, in Lambert-93
    assert 620000 < extent.xMinimum() < extent.xMaximum() < 680000
    assert 7060000 < extent.yMinimum() < extent.yMaximum() < 7120000
    synergies = QgsVectorLayer(demo_workspace + "|layername=synergies", "s", "ogr")
    assert all(not f.geometry().isEmpty() for f in synergies.getFeatures())


def test_same_seed_same_territory(provider, run, tmp_path):
    day = "2025-06-30"
    first = run("createdemo", {"OUTPUT": str(tmp_path / "first.gpkg"), "REFERENCE_DATE": day})["OUTPUT"]
    again = run("createdemo", {"OUTPUT": str(tmp_path / "again.gpkg"), "REFERENCE_DATE": day})["OUTPUT"]
    other = run("createdemo", {"OUTPUT": str(tmp_path / "other.gpkg"), "SEED": 7, "REFERENCE_DATE": day})["OUTPUT"]
    for table in ("companies", "flows", "synergies", "synergy_events", "synergy_participants"):
        sql = "SELECT * FROM {} ORDER BY uid".format(table)
        strip = lambda rows: [r[1:] for r in rows]  # noqa: E731 - fid aside
        assert strip(query(again, sql)) == strip(query(first, sql)), table
    assert query(other, "SELECT uid FROM companies ORDER BY uid") != query(first, "SELECT uid FROM companies ORDER BY uid")


def _days(path, sql):
    return [datetime.date.fromisoformat(r[0][:10]) for r in query(path, sql) if r[0]]


def test_agenda_is_current_on_the_reference_day(demo_workspace):
    """Made today (the default), a few next actions are overdue and most are upcoming; the history
    covers the two years before today and nothing happened after it."""
    today = datetime.date.today()
    actions = _days(demo_workspace, "SELECT next_action_date FROM synergies WHERE next_action_date IS NOT NULL")
    overdue = [d for d in actions if d < today]
    assert len(actions) >= 10
    assert 1 <= len(overdue) <= len(actions) * 0.25, (len(overdue), len(actions))
    events = _days(demo_workspace, "SELECT at FROM synergy_events")
    assert max(events) < today
    assert min(events) >= today - datetime.timedelta(days=731)
    assert (max(events) - min(events)).days > 365  # spread, not bunched
    for created, first_event in query(demo_workspace, """
            SELECT s.created_at, min(e.at) FROM synergies s JOIN synergy_events e ON e.synergy_uid = s.uid
            GROUP BY s.uid"""):
        assert created[:10] == first_event[:10]


def test_dates_hang_on_the_reference_day(provider, run, tmp_path):
    """Another reference day moves every date of the territory by the same number of days."""
    early = run("createdemo", {"OUTPUT": str(tmp_path / "early.gpkg"), "REFERENCE_DATE": "2024-01-10"})["OUTPUT"]
    late = run("createdemo", {"OUTPUT": str(tmp_path / "late.gpkg"), "REFERENCE_DATE": "2024-04-19"})["OUTPUT"]
    for sql in ("SELECT at FROM synergy_events ORDER BY uid",
                "SELECT next_action_date FROM synergies ORDER BY uid",
                "SELECT created_at FROM companies ORDER BY uid",
                "SELECT last_verified FROM companies ORDER BY uid"):
        pairs = list(zip(_days(early, sql), _days(late, sql)))
        assert pairs and {(b - a).days for a, b in pairs} == {100}, sql
    assert query(early, "SELECT uid, name FROM companies ORDER BY uid") == \
        query(late, "SELECT uid, name FROM companies ORDER BY uid")


def test_company_roles_drawn_from_their_flows(demo_workspace):
    """The companies' style tells offers only, needs only, both, none and archived, as the flows say."""
    from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextUtils, QgsProject

    from territorial_flux_plugin.project.build import open_workspace, workspace_layers

    open_workspace(demo_workspace)
    try:
        companies = workspace_layers()["companies"]
        expression = QgsExpression(companies.renderer().classAttribute())
        context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(companies))
        drawn = {}
        for feature in companies.getFeatures():
            context.setFeature(feature)
            drawn[feature["uid"]] = expression.evaluate(context)
        assert not expression.hasEvalError(), expression.evalErrorString()
    finally:
        QgsProject.instance().clear()
    expected = {}
    for uid, status, offers, needs in query(demo_workspace, """
            SELECT c.uid, c.status,
                   sum(f.direction = 'offer' AND f.status = 'active'), sum(f.direction = 'need' AND f.status = 'active')
            FROM companies c LEFT JOIN flows f ON f.company_uid = c.uid GROUP BY c.uid"""):
        if status == "archived":
            expected[uid] = "archived"
        else:
            expected[uid] = {(True, True): "both", (True, False): "offers", (False, True): "needs",
                             (False, False): "none"}[(bool(offers), bool(needs))]
    assert drawn == expected
    assert set(drawn.values()) == {"both", "offers", "needs", "none", "archived"}
