"""The storage refuses what the schema forbids: the SQL derived from the schema, run in SQLite."""

import random
import sqlite3
import uuid

import pytest

from territorial_flux_plugin.domain.siret import complete_siret, is_valid_siret
from territorial_flux_plugin.storage import geopackage_sql as sql
from territorial_flux_plugin.storage.schema import TABLES


@pytest.fixture
def db():
    connection = sqlite3.connect(":memory:")
    for statement in sql.schema_statements():
        connection.execute(statement)
    connection.execute("INSERT INTO naf_nomenclature (code, label_fr) VALUES ('10.71C', 'Boulangerie')")
    for code, level, family, parent in [("15", "chapter", "waste", None), ("15 01", "subchapter", "waste", "15"),
                                        ("15 01 01", "entry", "waste", "15 01"), ("EN", "chapter", "energy", None),
                                        ("EN 01", "subchapter", "energy", "EN"), ("EN 01 01", "entry", "energy", "EN 01")]:
        connection.execute("INSERT INTO resource_nomenclature (code, parent_code, level, family, label_en, label_fr) "
                           "VALUES (?, ?, ?, ?, 'x', 'x')", (code, parent, level, family))
    return connection


def company(db, name="A", siret=None):
    uid = str(uuid.uuid4())
    db.execute("INSERT INTO companies (uid, name, siret) VALUES (?, ?, ?)", (uid, name, siret))
    return uid


def flow(db, company_uid, direction="offer", family="waste", code="15 01 01", unit="t/yr", quantity=1.0,
         confidentiality="internal"):
    uid = str(uuid.uuid4())
    db.execute("INSERT INTO flows (uid, company_uid, direction, family, resource_code, unit, quantity, "
               "confidentiality) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               (uid, company_uid, direction, family, code, unit, quantity, confidentiality))
    return uid


def synergy(db, kind="substitution", confidentiality="internal", status="idea", reason=None):
    uid = str(uuid.uuid4())
    db.execute("INSERT INTO synergies (uid, kind, title, status, abandon_reason, confidentiality) "
               "VALUES (?, ?, 'S', ?, ?, ?)", (uid, kind, status, reason, confidentiality))
    return uid


def participant(db, synergy_uid, company_uid, flow_uid, role):
    db.execute("INSERT INTO synergy_participants (synergy_uid, company_uid, flow_uid, role) VALUES (?, ?, ?, ?)",
               (synergy_uid, company_uid, flow_uid, role))


def refused(db, statement, params=()):
    with pytest.raises(sqlite3.IntegrityError) as error:
        db.execute(statement, params)
    return str(error.value)


def test_every_table_is_created(db):
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {t.name for t in TABLES} <= names


def test_defaults_give_uuid_and_timestamps(db):
    db.execute("INSERT INTO companies (name) VALUES ('Default')")
    uid, created, status = db.execute("SELECT uid, created_at, status FROM companies").fetchone()
    assert str(uuid.UUID(uid)) == uid and len(uid) == 36
    assert created.endswith("Z") and status == "active"


def test_sql_siret_check_agrees_with_python():
    connection = sqlite3.connect(":memory:")
    check = next(c for c in TABLES[3].column("siret").checks)
    rng = random.Random(7)
    samples = ["35600000049837", "35600000049838", "35600000000048", "1234567890123A"]
    for _ in range(300):
        prefix = "".join(str(rng.randint(0, 9)) for _ in range(13))
        valid = complete_siret(prefix)
        samples += [valid, valid[:-1] + str((int(valid[-1]) + 1) % 10)]
    for siret in samples:
        result = connection.execute("SELECT {}".format(check.sqlite("v").replace('"v"', "?")),
                                    [siret] * check.sqlite("v").count('"v"')).fetchone()[0]
        assert bool(result) == is_valid_siret(siret), siret


def test_company_rules(db):
    company(db, siret="73282932000074")
    assert "siret" in refused(db, "INSERT INTO companies (name, siret) VALUES ('B', '73282932000075')")
    assert "UNIQUE" in refused(db, "INSERT INTO companies (name, siret) VALUES ('C', '73282932000074')")
    assert "name" in refused(db, "INSERT INTO companies (name) VALUES ('  ')")
    assert "NOT NULL" in refused(db, "INSERT INTO companies (siret) VALUES (NULL)")
    assert "naf_nomenclature" in refused(db, "INSERT INTO companies (name, naf_code) VALUES ('D', '10.71D')")
    assert "naf_code" in refused(db, "INSERT INTO companies (name, naf_code) VALUES ('D', '1071C')")
    assert "uid" in refused(db, "INSERT INTO companies (uid, name) VALUES ('{ABC}', 'E')")
    assert "commune_code" in refused(db, "INSERT INTO companies (name, commune_code) VALUES ('F', '5918')")
    db.execute("INSERT INTO companies (name, commune_code) VALUES ('Ajaccio', '2A004')")


def test_flow_rules(db):
    owner = company(db)
    flow(db, owner)
    with pytest.raises(sqlite3.IntegrityError, match="quantity"):
        flow(db, owner, quantity=-3)
    with pytest.raises(sqlite3.IntegrityError, match="unit_fits_family"):
        flow(db, owner, unit="MWh/yr")
    with pytest.raises(sqlite3.IntegrityError, match="family"):
        flow(db, owner, family="energy", code="15 01 01", unit="MWh/yr")
    with pytest.raises(sqlite3.IntegrityError, match="company"):
        flow(db, str(uuid.uuid4()))
    with pytest.raises(sqlite3.IntegrityError, match="resource_nomenclature"):
        flow(db, owner, code="15 01 99")
    with pytest.raises(sqlite3.IntegrityError, match="direction"):
        flow(db, owner, direction="gift")
    with pytest.raises(sqlite3.IntegrityError, match="confidentiality"):
        flow(db, owner, confidentiality="secret")


def test_references_restrict_deletes(db):
    owner = company(db)
    flow(db, owner)
    assert "archive it" in refused(db, "DELETE FROM companies WHERE uid = ?", (owner,))
    assert "cannot change" in refused(db, "UPDATE companies SET uid = ? WHERE uid = ?", (str(uuid.uuid4()), owner))


def test_synergy_rules(db):
    a, b = company(db, "A"), company(db, "B")
    offer, need = flow(db, a, "offer"), flow(db, b, "need")
    s = synergy(db)
    participant(db, s, a, offer, "supplier")
    participant(db, s, b, need, "receiver")
    assert "reason" in refused(db, "UPDATE synergies SET status = 'abandoned' WHERE uid = ?", (s,))
    db.execute("UPDATE synergies SET status = 'abandoned', abandon_reason = 'too far' WHERE uid = ?", (s,))
    # supplier takes part with an offer, receiver with a need
    s2 = synergy(db)
    with pytest.raises(sqlite3.IntegrityError, match="supplier takes part with an offer"):
        participant(db, s2, b, need, "supplier")
    # flow of another company
    with pytest.raises(sqlite3.IntegrityError, match="does not belong"):
        participant(db, s2, a, need, "receiver")
    # same company on both sides of a substitution
    need_a = flow(db, a, "need")
    participant(db, s2, a, offer, "supplier")
    with pytest.raises(sqlite3.IntegrityError, match="two different companies"):
        participant(db, s2, a, need_a, "receiver")
    # deleting a synergy removes its participants and events
    db.execute("INSERT INTO synergy_events (synergy_uid, to_status) VALUES (?, 'idea')", (s2,))
    db.execute("DELETE FROM synergies WHERE uid = ?", (s2,))
    assert db.execute("SELECT count(*) FROM synergy_participants WHERE synergy_uid = ?", (s2,)).fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM synergy_events WHERE synergy_uid = ?", (s2,)).fetchone()[0] == 0


def test_synergy_never_less_confidential_than_its_flows(db):
    a, b = company(db, "A"), company(db, "B")
    offer = flow(db, a, "offer", confidentiality="advisor")
    need = flow(db, b, "need", confidentiality="partners")
    public = synergy(db, confidentiality="public")
    with pytest.raises(sqlite3.IntegrityError, match="less confidential"):
        participant(db, public, a, offer, "supplier")
    with pytest.raises(sqlite3.IntegrityError, match="less confidential"):
        participant(db, public, b, need, "receiver")
    shared = synergy(db, confidentiality="partners")
    participant(db, shared, b, need, "receiver")
    assert "restrict the synergies" in refused(db, "UPDATE flows SET confidentiality = 'advisor' WHERE uid = ?", (need,))
    restricted = synergy(db, confidentiality="advisor")
    participant(db, restricted, a, offer, "supplier")
    assert "less confidential" in refused(
        db, "UPDATE synergies SET confidentiality = 'internal' WHERE uid = ?", (restricted,))


def test_link_review_pair_is_unique(db):
    a, b = company(db, "A"), company(db, "B")
    offer, need = flow(db, a, "offer"), flow(db, b, "need")
    db.execute("INSERT INTO link_reviews (offer_flow_uid, need_flow_uid, decision, reason) VALUES (?, ?, 'rejected', 'x')",
               (offer, need))
    assert "UNIQUE" in refused(db, "INSERT INTO link_reviews (offer_flow_uid, need_flow_uid, decision) "
                                   "VALUES (?, ?, 'promoted')", (offer, need))


def test_every_foreign_key_has_an_index(db):
    indexed = {(r[0], r[1]) for r in db.execute(
        "SELECT m.name, i.name FROM sqlite_master m JOIN pragma_index_list(m.name) l "
        "JOIN pragma_index_info(l.name) i WHERE m.type = 'table'")}
    for table in TABLES:
        for column in table.columns:
            if column.references:
                assert (table.name, column.name) in indexed, (table.name, column.name)
