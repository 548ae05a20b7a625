"""The GeoPackage's own audit trail and row versions (SQLite triggers derived from the schema)."""

import json
import sqlite3
import uuid

import pytest

from territorial_flux_plugin.storage import geopackage_sql as sql


@pytest.fixture
def db():
    assert sqlite3.sqlite_version_info >= (3, 38), "json_object needs SQLite 3.38 or later"
    connection = sqlite3.connect(":memory:")
    for statement in sql.schema_statements():
        connection.execute(statement)
    connection.execute("INSERT INTO resource_nomenclature (code, level, family, label_en, label_fr) "
                       "VALUES ('15 01 01', 'entry', 'waste', 'x', 'x')")
    return connection


def audit(db, row_uid):
    return db.execute("SELECT operation, by, row_version, old_values, new_values FROM audit_log "
                      "WHERE row_uid = ? ORDER BY fid", (row_uid,)).fetchall()


def test_insert_update_delete_are_recorded_with_who_and_values(db):
    uid = str(uuid.uuid4())
    db.execute("INSERT INTO companies (uid, name, updated_by) VALUES (?, 'Acme', 'alice')", (uid,))
    db.execute("UPDATE companies SET name = 'Acme SA', updated_by = 'bob' WHERE uid = ?", (uid,))
    db.execute("DELETE FROM companies WHERE uid = ?", (uid,))
    rows = audit(db, uid)
    assert [r[0] for r in rows] == ["insert", "update", "delete"]
    assert [r[1] for r in rows] == ["alice", "bob", "bob"]
    assert [r[2] for r in rows] == [1, 2, 2]
    old, new = json.loads(rows[1][3]), json.loads(rows[1][4])
    assert (old["name"], new["name"]) == ("Acme", "Acme SA")
    assert (old["row_version"], new["row_version"]) == (1, 2)
    assert rows[0][3] is None and rows[2][4] is None


def test_every_update_increments_the_row_version_once(db):
    company = str(uuid.uuid4())
    db.execute("INSERT INTO companies (uid, name) VALUES (?, 'A')", (company,))
    flow = str(uuid.uuid4())
    db.execute("INSERT INTO flows (uid, company_uid, direction, family, resource_code) "
               "VALUES (?, ?, 'offer', 'waste', '15 01 01')", (flow, company))
    for quantity in (1, 2, 3):
        db.execute("UPDATE flows SET quantity = ? WHERE uid = ?", (quantity, flow))
    assert db.execute("SELECT row_version FROM flows WHERE uid = ?", (flow,)).fetchone()[0] == 4
    assert [r[2] for r in audit(db, flow)] == [1, 2, 3, 4]
    # A writer that sets the version moves it forward; an older one is refused.
    db.execute("UPDATE flows SET quantity = 9, row_version = 5 WHERE uid = ? AND row_version = 4", (flow,))
    assert db.execute("SELECT row_version FROM flows WHERE uid = ?", (flow,)).fetchone()[0] == 5
    with pytest.raises(sqlite3.IntegrityError, match="row_version"):
        db.execute("UPDATE flows SET quantity = 1, row_version = 2 WHERE uid = ?", (flow,))
    assert [r[2] for r in audit(db, flow)] == [1, 2, 3, 4, 5]


def test_participants_and_reviews_are_audited(db):
    a, b = str(uuid.uuid4()), str(uuid.uuid4())
    db.execute("INSERT INTO companies (uid, name) VALUES (?, 'A'), (?, 'B')", (a, b))
    offer, need = str(uuid.uuid4()), str(uuid.uuid4())
    db.execute("INSERT INTO flows (uid, company_uid, direction, family, resource_code) "
               "VALUES (?, ?, 'offer', 'waste', '15 01 01'), (?, ?, 'need', 'waste', '15 01 01')",
               (offer, a, need, b))
    synergy = str(uuid.uuid4())
    db.execute("INSERT INTO synergies (uid, kind, title, updated_by) VALUES (?, 'substitution', 'S', 'carol')",
               (synergy,))
    participant = str(uuid.uuid4())
    db.execute("INSERT INTO synergy_participants (uid, synergy_uid, company_uid, flow_uid, role) "
               "VALUES (?, ?, ?, ?, 'supplier')", (participant, synergy, a, offer))
    review = str(uuid.uuid4())
    db.execute("INSERT INTO link_reviews (uid, offer_flow_uid, need_flow_uid, decision, by) "
               "VALUES (?, ?, ?, 'rejected', 'dave')", (review, offer, need))
    assert audit(db, participant)[0][:2] == ("insert", "carol")
    assert audit(db, review)[0][:2] == ("insert", "dave")
    event = str(uuid.uuid4())
    db.execute("INSERT INTO synergy_events (uid, synergy_uid, by, to_status, comment) "
               "VALUES (?, ?, 'erin', 'idea', 'first call')", (event, synergy))
    db.execute("UPDATE synergy_events SET comment = 'first visit', by = 'frank' WHERE uid = ?", (event,))
    db.execute("DELETE FROM synergy_participants WHERE uid = ?", (participant,))
    db.execute("DELETE FROM synergies WHERE uid = ?", (synergy,))  # cascades to its events: audited too
    assert [r[:2] for r in audit(db, participant)] == [("insert", "carol"), ("delete", "carol")]
    assert [r[:2] for r in audit(db, event)] == [("insert", "erin"), ("update", "frank"), ("delete", "frank")]
    old, new = (json.loads(v) for v in audit(db, event)[1][3:5])
    assert (old["comment"], new["comment"]) == ("first call", "first visit")
    tables = {r[0] for r in db.execute("SELECT DISTINCT table_name FROM audit_log")}
    assert tables == {"companies", "flows", "synergies", "synergy_participants", "synergy_events", "link_reviews"}


def test_the_version_2_step_adds_the_synergy_events_triggers_to_a_version_1_file(db):
    from territorial_flux_plugin.storage.database import Database
    from territorial_flux_plugin.storage.migrations import v2

    for event in ("insert", "update", "delete"):
        db.execute('DROP TRIGGER "audit_synergy_events_{}"'.format(event))  # as version 1 made it
    for _twice in range(2):  # a step is idempotent
        v2.geopackage(Database(db))
    synergy, event = str(uuid.uuid4()), str(uuid.uuid4())
    db.execute("INSERT INTO synergies (uid, kind, title) VALUES (?, 'mutualisation', 'S')", (synergy,))
    db.execute("INSERT INTO synergy_events (uid, synergy_uid, by, to_status) VALUES (?, ?, 'erin', 'idea')",
               (event, synergy))
    assert [r[:2] for r in audit(db, event)] == [("insert", "erin")]


def test_a_writer_stating_the_version_it_loaded_is_refused_if_the_row_moved_on(db):
    company = str(uuid.uuid4())
    db.execute("INSERT INTO companies (uid, name) VALUES (?, 'A')", (company,))
    # "I loaded version 1": accepted, the row gets version 2, audited once with version 2
    db.execute("UPDATE companies SET name = 'B', row_version = -1 WHERE uid = ?", (company,))
    assert db.execute("SELECT name, row_version FROM companies WHERE uid = ?", (company,)).fetchone() == ("B", 2)
    # someone else who also loaded version 1 is refused, and nothing changes
    with pytest.raises(sqlite3.IntegrityError, match="changed by someone else"):
        db.execute("UPDATE companies SET name = 'C', row_version = -1 WHERE uid = ?", (company,))
    assert db.execute("SELECT name, row_version FROM companies WHERE uid = ?", (company,)).fetchone() == ("B", 2)
    assert [(r[0], r[2]) for r in audit(db, company)] == [("insert", 1), ("update", 2)]
    # a writer rewriting every column unchanged (as OGR does) still gets a new version
    db.execute("UPDATE companies SET name = 'D', row_version = 2 WHERE uid = ?", (company,))
    assert db.execute("SELECT row_version FROM companies WHERE uid = ?", (company,)).fetchone() == (3,)
