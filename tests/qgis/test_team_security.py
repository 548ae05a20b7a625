"""Roles of a team workspace, enforced by the server: each test connects as a real user."""

import uuid

import psycopg2
import pytest

from territorial_flux_plugin.project import locking
from territorial_flux_plugin.project.history import company_history
from territorial_flux_plugin.storage import workspace_at
from tests.qgis_helpers import create_team_workspace

SCHEMA = "team_roles"
USERS = {"rita": "reader", "alice": "editor", "bob": "editor", "adam": "admin"}


@pytest.fixture(scope="module")
def team(postgis_server, postgis_connection):
    workspace = create_team_workspace(postgis_connection, SCHEMA, "Roles")
    postgis_server.add_logins(SCHEMA, USERS)
    return workspace


def connect(server, user):
    connection = server.connect(user, autocommit=True)
    connection.cursor().execute("SET search_path = {}, public".format(SCHEMA))
    return connection


def one(connection, sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall() if cursor.description else cursor.rowcount


def refused(connection, sql, params=(), error=psycopg2.errors.InsufficientPrivilege):
    with pytest.raises(error):
        one(connection, sql, params)


def new_company(connection, name="Acme"):
    uid = str(uuid.uuid4())
    one(connection, "INSERT INTO companies (uid, name, advisor) VALUES (%s, %s, session_user)", (uid, name))
    return uid


def new_flow(connection, company, confidentiality="internal", advisor=None):
    uid = str(uuid.uuid4())
    one(connection, "INSERT INTO flows (uid, company_uid, direction, family, resource_code, confidentiality, "
                    "advisor) VALUES (%s, %s, 'offer', 'waste', '15 01 01', %s, coalesce(%s, session_user))",
        (uid, company, confidentiality, advisor))
    return uid


def test_reader_sees_and_writes_nothing(team, postgis_server):
    alice, rita = connect(postgis_server, "alice"), connect(postgis_server, "rita")
    company = new_company(alice)
    flow = new_flow(alice, company)
    assert one(rita, "SELECT name FROM companies WHERE uid = %s", (company,)) == [("Acme",)]
    assert one(rita, "SELECT count(*) FROM flows WHERE uid = %s", (flow,)) == [(1,)]
    refused(rita, "INSERT INTO companies (name) VALUES ('Nope')")
    refused(rita, "UPDATE flows SET quantity = 1 WHERE uid = %s", (flow,))
    refused(rita, "DELETE FROM companies WHERE uid = %s", (company,))
    refused(rita, "INSERT INTO link_reviews (offer_flow_uid, need_flow_uid, decision) VALUES (%s, %s, 'rejected')",
            (flow, flow))
    refused(rita, "INSERT INTO audit_log (table_name, row_uid, operation) VALUES ('x', %s, 'insert')", (flow,))
    assert workspace_at("postgres:service=tf_rita;schema=" + SCHEMA).can_write() is False
    assert workspace_at("postgres:service=tf_alice;schema=" + SCHEMA).can_write() is True


def test_advisor_level_flows_are_seen_by_their_advisor_and_admins_only(team, postgis_server):
    alice, bob = connect(postgis_server, "alice"), connect(postgis_server, "bob")
    rita, adam = connect(postgis_server, "rita"), connect(postgis_server, "adam")
    company = new_company(alice, "Secret SA")
    private = new_flow(alice, company, "advisor")
    query = "SELECT count(*) FROM flows WHERE uid = %s"
    assert one(alice, query, (private,)) == [(1,)]
    assert one(adam, query, (private,)) == [(1,)]
    assert one(bob, query, (private,)) == [(0,)]
    assert one(rita, query, (private,)) == [(0,)]
    # bob can neither change it nor file an advisor-level flow in alice's name
    assert one(bob, "UPDATE flows SET quantity = 5 WHERE uid = %s", (private,)) == 0
    assert one(bob, "DELETE FROM flows WHERE uid = %s", (private,)) == 0
    refused(bob, "INSERT INTO flows (company_uid, direction, family, resource_code, confidentiality, advisor) "
                 "VALUES (%s, 'need', 'waste', '15 01 01', 'advisor', 'alice')", (company,),
            psycopg2.errors.InsufficientPrivilege)
    # nor read its history in the audit trail
    history = "SELECT count(*) FROM audit_log WHERE row_uid = %s"
    assert one(alice, history, (private,)) == [(1,)]
    assert one(bob, history, (private,)) == [(0,)]
    assert one(rita, history, (private,)) == [(0,)]
    assert one(adam, history, (private,)) == [(1,)]


def new_synergy(connection, confidentiality="internal", kind="substitution"):
    uid = str(uuid.uuid4())
    one(connection, "INSERT INTO synergies (uid, kind, title, confidentiality, advisor) "
                    "VALUES (%s, %s, 'Pallets', %s, session_user)", (uid, kind, confidentiality))
    return uid


def add_participant(connection, synergy, company, flow, role="supplier"):
    uid = str(uuid.uuid4())
    one(connection, "INSERT INTO synergy_participants (uid, synergy_uid, company_uid, flow_uid, role) "
                    "VALUES (%s, %s, %s, %s, %s)", (uid, synergy, company, flow, role))
    return uid


def add_event(connection, synergy, comment):
    uid = str(uuid.uuid4())
    one(connection, "INSERT INTO synergy_events (uid, synergy_uid, by, to_status, comment) "
                    "VALUES (%s, %s, session_user, 'idea', %s)", (uid, synergy, comment))
    return uid


def add_review(connection, offer, need, reason):
    uid = str(uuid.uuid4())
    one(connection, "INSERT INTO link_reviews (uid, offer_flow_uid, need_flow_uid, decision, reason, by) "
                    "VALUES (%s, %s, %s, 'rejected', %s, session_user)", (uid, offer, need, reason))
    return uid


def new_need(connection, company, confidentiality="internal"):
    flow = new_flow(connection, company, confidentiality)
    one(connection, "UPDATE flows SET direction = 'need' WHERE uid = %s", (flow,))
    return flow


def test_rows_naming_an_advisor_level_flow_are_seen_by_its_advisor_and_admins_only(team, postgis_server):
    alice, bob = connect(postgis_server, "alice"), connect(postgis_server, "bob")
    rita, adam = connect(postgis_server, "rita"), connect(postgis_server, "adam")
    supplier, receiver = new_company(alice, "Discreet supplier"), new_company(bob, "Open receiver")
    private = new_flow(alice, supplier, "advisor")
    need = new_need(bob, receiver)
    synergy = new_synergy(alice, "advisor")
    rows = {
        "synergy_participants": [add_participant(alice, synergy, supplier, private),
                                 add_participant(alice, synergy, receiver, need, "receiver")],
        "synergy_events": [add_event(alice, synergy, "first call with the discreet supplier")],
        "link_reviews": [add_review(alice, private, need, "too far for the discreet supplier")],
    }
    # bob's own review of an internal pair stays visible to everybody: only what names the secret is hidden
    other_offer = new_flow(bob, receiver)
    public_review = add_review(bob, other_offer, need, "same company")
    open_synergy = new_synergy(bob, kind="mutualisation")
    member = add_participant(bob, open_synergy, receiver, None, "member")  # a company without a flow
    assert one(rita, "SELECT count(*) FROM synergy_participants WHERE uid = %s", (member,)) == [(1,)]
    assert one(rita, "SELECT count(*) FROM audit_log WHERE row_uid = %s", (member,)) == [(1,)]
    for table, uids in rows.items():
        query = "SELECT count(*) FROM {} WHERE uid = ANY(%s::uuid[])".format(table)
        assert one(alice, query, (uids,)) == [(len(uids),)], table
        assert one(adam, query, (uids,)) == [(len(uids),)], table
        assert one(bob, query, (uids,)) == [(0,)], table
        assert one(rita, query, (uids,)) == [(0,)], table
        # nor does the audit trail tell them: no entry of these rows for bob or rita
        history = "SELECT count(*) FROM audit_log WHERE row_uid = ANY(%s::uuid[])"
        assert one(alice, history, (uids,)) == [(len(uids),)], table
        assert one(adam, history, (uids,)) == [(len(uids),)], table
        assert one(bob, history, (uids,)) == [(0,)], table
        assert one(rita, history, (uids,)) == [(0,)], table
        # bob can neither change nor delete them
        assert one(bob, "DELETE FROM {} WHERE uid = ANY(%s::uuid[])".format(table), (uids,)) == 0
    assert one(rita, "SELECT count(*) FROM link_reviews WHERE uid = %s", (public_review,)) == [(1,)]
    assert one(bob, "UPDATE synergy_events SET comment = 'seen' WHERE synergy_uid = %s", (synergy,)) == 0
    assert one(bob, "SELECT count(*) FROM audit_log WHERE new_values LIKE '%%discreet supplier%%'") == [(0,)]
    assert one(rita, "SELECT count(*) FROM audit_log WHERE new_values LIKE %s", ("%" + private + "%",)) == [(0,)]
    naming = "SELECT count(*) FROM audit_log WHERE new_values LIKE %s"
    assert one(alice, naming, ("%" + private + "%",)) == [(3,)]  # the flow, its participant, its review
    # bob cannot make rows naming alice's secret flow even when he knows its uid
    own = new_synergy(bob, "advisor")
    refused(bob, "INSERT INTO synergy_participants (synergy_uid, company_uid, flow_uid, role) "
                 "VALUES (%s, %s, %s, 'supplier')", (own, supplier, private))
    refused(bob, "INSERT INTO link_reviews (offer_flow_uid, need_flow_uid, decision, reason) "
                 "VALUES (%s, %s, 'rejected', 'probe')", (private, need))
    refused(bob, "INSERT INTO synergy_events (synergy_uid, to_status) VALUES (%s, 'idea')", (synergy,))
    # a deleted secret synergy's participants and events stay hidden in the audit trail
    assert one(alice, "DELETE FROM synergies WHERE uid = %s", (synergy,)) == 1
    gone = rows["synergy_participants"] + rows["synergy_events"] + [synergy]
    history = "SELECT operation FROM audit_log WHERE row_uid = ANY(%s::uuid[]) ORDER BY fid"
    assert one(bob, history, (gone,)) == []
    assert one(rita, history, (gone,)) == []
    assert [op for (op,) in one(alice, history, (gone,))].count("delete") == 4


def test_a_flow_made_advisor_level_takes_its_history_with_it(team, postgis_server):
    alice, bob, rita = (connect(postgis_server, u) for u in ("alice", "bob", "rita"))
    company = new_company(alice, "Becoming discreet")
    flow = new_flow(alice, company)
    one(alice, "UPDATE flows SET label = 'old secret recipe' WHERE uid = %s", (flow,))
    history = "SELECT count(*) FROM audit_log WHERE row_uid = %s"
    assert one(bob, history, (flow,)) == [(2,)]
    one(alice, "UPDATE flows SET confidentiality = 'advisor' WHERE uid = %s", (flow,))
    assert one(alice, history, (flow,)) == [(3,)]
    assert one(bob, history, (flow,)) == [(0,)]
    assert one(rita, history, (flow,)) == [(0,)]
    # back to internal: the present is shared again, not what it was while advisor-level
    one(alice, "UPDATE flows SET confidentiality = 'internal' WHERE uid = %s", (flow,))
    assert one(bob, "SELECT operation, row_version FROM audit_log WHERE row_uid = %s ORDER BY fid", (flow,)) == [
        ("insert", 1), ("update", 2)]


def test_editors_write_business_rows_not_the_schema(team, postgis_server):
    bob = connect(postgis_server, "bob")
    company = new_company(bob, "Bob's client")
    offer = new_flow(bob, company)
    other = new_company(bob, "Other")
    need = str(uuid.uuid4())
    one(bob, "INSERT INTO flows (uid, company_uid, direction, family, resource_code) "
             "VALUES (%s, %s, 'need', 'waste', '15 01 01')", (need, other))
    synergy = str(uuid.uuid4())
    one(bob, "INSERT INTO synergies (uid, kind, title) VALUES (%s, 'substitution', 'Pallets')", (synergy,))
    one(bob, "INSERT INTO synergy_participants (synergy_uid, company_uid, flow_uid, role) "
             "VALUES (%s, %s, %s, 'supplier')", (synergy, company, offer))
    one(bob, "INSERT INTO link_reviews (offer_flow_uid, need_flow_uid, decision, reason) "
             "VALUES (%s, %s, 'promoted', 'close')", (offer, need))
    one(bob, "UPDATE companies SET name = 'Bob''s client SA' WHERE uid = %s", (company,))
    # the workspace's own entries are not an editor's (only their analyses' stamps are)
    assert one(bob, "UPDATE workspace_info SET value = 'x' WHERE key = 'name'") == 0
    refused(bob, "DELETE FROM resource_nomenclature WHERE code = '15 01 01'")
    refused(bob, "DELETE FROM audit_log")
    refused(bob, "ALTER TABLE companies ADD COLUMN hack text")
    refused(bob, "GRANT {}_editor TO rita".format(SCHEMA))
    # the database checks the same rules as a GeoPackage
    with pytest.raises(psycopg2.errors.CheckViolation, match="siret"):
        one(bob, "INSERT INTO companies (name, siret) VALUES ('X', '73282932000075')")
    with pytest.raises(psycopg2.errors.CheckViolation, match="two different companies"):
        need_same = new_flow(bob, company)
        one(bob, "UPDATE flows SET direction = 'need' WHERE uid = %s", (need_same,))
        one(bob, "INSERT INTO synergy_participants (synergy_uid, company_uid, flow_uid, role) "
                 "VALUES (%s, %s, %s, 'receiver')", (synergy, company, need_same))
    # deleting a company that flows name is refused and changes nothing (PostgreSQL 15 and 17 report a
    # foreign key violation, 18 a RESTRICT violation: both integrity errors)
    with pytest.raises(psycopg2.IntegrityError) as refused_delete:
        one(bob, "DELETE FROM companies WHERE uid = %s", (company,))
    assert refused_delete.value.pgcode in ("23503", "23001")  # foreign_key_violation, restrict_violation
    assert one(bob, "SELECT count(*) FROM companies WHERE uid = %s", (company,))[0][0] == 1
    # the audit trail names bob, with old and new values
    entries = company_history(workspace_at("postgres:service=tf_bob;schema=" + SCHEMA), company)
    tables = [e.table for e in entries]
    assert {"companies", "flows", "synergy_participants", "link_reviews"} <= set(tables)
    rename = next(e for e in entries if e.table == "companies" and e.operation == "update")
    assert rename.by == "bob"
    assert rename.changes == {"name": ("Bob's client", "Bob's client SA")}
    assert rename.row_version == 2


def test_admins_change_the_schema_and_grant_roles(team, postgis_server):
    adam = connect(postgis_server, "adam")
    one(adam, "ALTER TABLE companies ADD COLUMN tmp_admin text")
    one(adam, "ALTER TABLE companies DROP COLUMN tmp_admin")
    one(adam, "UPDATE workspace_info SET value = 'Roles' WHERE key = 'name'")
    with postgis_server.connect(autocommit=True) as root:
        one(root, "CREATE ROLE newcomer LOGIN")
    one(adam, "GRANT {}_reader TO newcomer".format(SCHEMA))
    newcomer = connect(postgis_server, "newcomer")
    assert one(newcomer, "SELECT value FROM workspace_info WHERE key = 'name'") == [("Roles",)]


def test_second_save_of_the_same_flow_is_refused_with_what_changed(team):
    alice_ws = workspace_at("postgres:service=tf_alice;schema=" + SCHEMA)
    bob_ws = workspace_at("postgres:service=tf_bob;schema=" + SCHEMA)
    database = alice_ws.database()
    database.execute("SET search_path = {}, public".format(SCHEMA))
    company = new_company(database.connection, "Shared")
    flow = new_flow(database.connection, company)
    database.close()
    # both load version 1; alice saves first, bob's save is refused with alice's change
    assert locking.save(alice_ws, "flows", [locking.Edit(flow, 1, {"quantity": 12.0})]).saved == {flow: 2}
    result = locking.save(bob_ws, "flows", [locking.Edit(flow, 1, {"quantity": 99.0, "label": "bob"})])
    assert not result.ok and result.saved == {}
    conflict = result.conflicts[0]
    assert (conflict.loaded_version, conflict.current_version, conflict.by) == (1, 2, ["alice"])
    assert conflict.changes == {"quantity": (None, 12.0)}
    assert "alice changed this row" in str(conflict.message())
    assert [c.uid for c in locking.conflicts(bob_ws, "flows", {flow: 1})] == [flow]
    assert locking.conflicts(bob_ws, "flows", {flow: 2}) == []
    # overwriting knowingly
    assert locking.save(bob_ws, "flows", [locking.Edit(flow, 1, {"quantity": 99.0})], overwrite=True).saved == {flow: 3}


def test_analysis_results_from_advisor_level_flows_stay_with_administrators(team, postgis_server):
    from territorial_flux_plugin.storage import postgres_sql as postgis
    from territorial_flux_plugin.storage.schema import TABLES_BY_NAME

    tables = [t for t in postgis.analysis_tables() if "confidentiality" in TABLES_BY_NAME[t].column_names]
    assert {"possible_links", "missing_links"} <= set(tables)
    bob, alice, rita, adam = (connect(postgis_server, u) for u in ("bob", "alice", "rita", "adam"))
    for name in tables:
        table = TABLES_BY_NAME[name]
        values = {c.name: (list(c.vocabulary)[0] if c.vocabulary else "x") for c in table.columns if c.required}
        for level in ("advisor", "internal"):
            values["confidentiality"] = level
            one(bob, "INSERT INTO {} ({}) VALUES ({})".format(
                table.name, ", ".join(values), ", ".join(["%s"] * len(values))), list(values.values()))
        count = "SELECT confidentiality FROM {} ORDER BY 1".format(table.name)
        assert one(rita, count) == [("internal",)], name
        assert one(alice, count) == [("internal",)], name  # another editor
        assert one(adam, count) == [("advisor",), ("internal",)], name
        assert one(bob, "DELETE FROM {}".format(table.name)) == 2  # an editor replaces the results whole



def test_editors_stamp_their_analyses_and_nothing_else_of_the_workspace_info(team, postgis_server):
    from territorial_flux_plugin.storage.schema import SCHEMA_VERSION

    alice = connect(postgis_server, "alice")
    one(alice, "DELETE FROM workspace_info WHERE key IN ('analysed_at:missing_links', 'analysis_settings')")
    one(alice, "INSERT INTO workspace_info (key, value) VALUES ('analysed_at:missing_links', 'now'), "
               "('analysis_settings', '{}')")
    # the other entries are the administrators': invisible to an editor's update and delete
    assert one(alice, "UPDATE workspace_info SET value = '9' WHERE key = 'schema_version'") == 0
    assert one(alice, "DELETE FROM workspace_info WHERE key = 'schema_version'") == 0
    refused(alice, "INSERT INTO workspace_info (key, value) VALUES ('owner', 'alice')")
    assert one(alice, "SELECT value FROM workspace_info WHERE key = 'schema_version'") == [(str(SCHEMA_VERSION),)]
    refused(connect(postgis_server, "rita"), "INSERT INTO workspace_info (key, value) VALUES ('analysed_at', 'now')")


def test_shared_balance_and_metabolism_never_count_advisor_level_flows(team, postgis_server, run):
    """resource_balance and metabolism have no confidentiality column and every role reads them:
    an analysis that includes advisor-level flows keeps those for its own outputs only."""
    bob = connect(postgis_server, "bob")
    company = new_company(bob, "Secret Works")
    one(bob, "UPDATE companies SET geom = ST_SetSRID(ST_MakePoint(651000, 7101000), 2154) WHERE uid = %s",
        (company,))
    secret = new_flow(bob, company, "advisor")
    one(bob, "UPDATE flows SET resource_code = '16 01 03', quantity = 7, unit = 't' WHERE uid = %s", (secret,))
    result = run("missinglinks", {"WORKSPACE": "postgres:service=tf_bob;schema=" + SCHEMA,
                                  "MAX_CONFIDENTIALITY": "advisor", "OUTPUT": "memory:", "BALANCE": "memory:"})
    assert "16 01 03" in [f["resource_code"] for f in result["BALANCE"].getFeatures()]  # bob's own output
    adam = connect(postgis_server, "adam")  # an administrator sees every row of the shared tables
    assert one(adam, "SELECT count(*) FROM resource_balance WHERE resource_code = '16 01 03'") == [(0,)]
    assert one(adam, "SELECT count(*) FROM metabolism WHERE company_uid = %s", (company,)) == [(0,)]
    assert one(adam, "SELECT count(*) FROM missing_links WHERE flow_uid = %s", (secret,)) == [(1,)]
