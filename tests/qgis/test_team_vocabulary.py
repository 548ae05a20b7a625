"""The learned words of a team workspace on a real server: who reads and writes them, their audit
trail, the import that teaches them, copyworkspace both ways, and the upgrade that adds them."""

import uuid

import psycopg2
import pytest

from territorial_flux_plugin.domain.siret import complete_siret
from territorial_flux_plugin.storage import migrations, schema, workspace_at
from territorial_flux_plugin.storage.copy import verify
from tests.qgis.test_import import write_csv
from tests.qgis_helpers import create_team_workspace

SCHEMA = "team_vocab"
USERS = {"voc_rita": "reader", "voc_alice": "editor", "voc_bob": "editor", "voc_adam": "admin"}


def version_adding(table):
    return next(v for v in range(2, schema.SCHEMA_VERSION + 1) if table in getattr(migrations.step(v), "ADDS", ()))


@pytest.fixture(scope="module")
def team(postgis_server, postgis_connection):
    workspace = create_team_workspace(postgis_connection, SCHEMA, "Vocabulary")
    postgis_server.add_logins(SCHEMA, USERS)
    return workspace


def connect(server, user, schema_name=SCHEMA):
    connection = server.connect(user, autocommit=True)
    connection.cursor().execute("SET search_path = {}, public".format(schema_name))
    return connection


def one(connection, sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall() if cursor.description else cursor.rowcount


def refused(connection, sql, params=()):
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        one(connection, sql, params)


def test_everyone_reads_editors_write_as_themselves_and_correct_colleagues(team, postgis_server):
    alice, bob, rita = (connect(postgis_server, u) for u in ("voc_alice", "voc_bob", "voc_rita"))
    uid = str(uuid.uuid4())
    one(alice, "INSERT INTO vocabulary (uid, word, code) VALUES (%s, 'chutes de placo', '17 08 02')", (uid,))
    assert one(rita, "SELECT word, code, by FROM vocabulary WHERE uid = %s", (uid,)) == [
        ("chutes de placo", "17 08 02", "voc_alice")]  # "by" defaults to the login
    refused(rita, "INSERT INTO vocabulary (word, code) VALUES ('nope', '15 01 01')")
    refused(bob, "INSERT INTO vocabulary (word, code, by) VALUES ('as alice', '15 01 01', 'voc_alice')")
    refused(bob, "UPDATE vocabulary SET code = '17 09 04' WHERE uid = %s", (uid,))  # still alice's name on it
    assert one(bob, "UPDATE vocabulary SET code = '17 09 04', by = session_user WHERE uid = %s", (uid,)) == 1
    assert one(alice, "DELETE FROM vocabulary WHERE uid = %s", (uid,)) == 0  # now bob's word
    with pytest.raises(psycopg2.errors.ForeignKeyViolation):
        one(alice, "INSERT INTO vocabulary (word, code) VALUES ('rien', 'XX 99 99')")
    assert one(rita, "SELECT operation, by FROM audit_log WHERE row_uid = %s ORDER BY fid", (uid,)) == [
        ("insert", "voc_alice"), ("update", "voc_bob")]


def test_an_import_teaches_the_team_and_the_next_import_uses_it(team, postgis_server, run, tmp_path):
    alice = connect(postgis_server, "voc_alice")
    siret = complete_siret(complete_siret("31499001") + "0001")
    one(alice, "INSERT INTO companies (uid, name, siret) VALUES (%s, 'Plâtrerie', %s)", (str(uuid.uuid4()), siret))
    reference = "postgres:service=tf_voc_alice;schema=" + SCHEMA
    source = write_csv(tmp_path / "atelier.csv", ["siret", "sens", "ressource"],
                       [[siret, "offre", "emballages"], [siret, "besoin", "emballages"]])
    first = run("importflows", {"WORKSPACE": reference, "INPUT": source, "REJECTS": str(tmp_path / "r1.csv")})
    assert (first["IMPORTED"], first["REJECTED"]) == (0, 2)  # the word names several resources
    result = run("importflows", {"WORKSPACE": reference, "INPUT": source, "WORDS": "emballages=15 01 06",
                                 "REJECTS": str(tmp_path / "r2.csv")})
    assert result["IMPORTED"] == 2
    assert postgis_server.rows(SCHEMA, "SELECT word, code, by FROM vocabulary WHERE word = 'emballages'") == [
        ("emballages", "15 01 06", "voc_alice")]
    bob = "postgres:service=tf_voc_bob;schema=" + SCHEMA
    again = run("importflows", {"WORKSPACE": bob, "INPUT": source, "REJECTS": str(tmp_path / "r3.csv")})
    assert again["IMPORTED"] == 2  # the team's word, learned once
    assert postgis_server.rows(SCHEMA, "SELECT count(*) FROM flows WHERE resource_code = '15 01 06'") == [(4,)]


def test_copyworkspace_carries_the_learned_words_both_ways(provider, run, postgis_connection, demo_workspace,
                                                          tmp_path):
    import shutil
    import sqlite3

    source = str(tmp_path / "demo.gpkg")
    shutil.copy(demo_workspace, source)
    with sqlite3.connect(source) as connection:
        connection.execute("INSERT INTO vocabulary (uid, word, code, by) VALUES (?, 'sciure blanche', 'MA 01 01', "
                           "'erin')", (str(uuid.uuid4()),))
    connection.close()
    target = run("createpostgisworkspace", {"CONNECTION": postgis_connection, "SCHEMA": "team_vocab_copy",
                                            "NAME": "Copy", "CRS": "EPSG:2154"})["OUTPUT"]
    run("copyworkspace", {"INPUT": source, "OUTPUT": target})
    report = verify(workspace_at(source), workspace_at(target))
    assert report["vocabulary"] == (1, 1, True)
    back = str(tmp_path / "back.gpkg")
    run("copyworkspace", {"INPUT": target, "OUTPUT": back})
    assert verify(workspace_at(source), workspace_at(back))["vocabulary"] == (1, 1, True)


def test_a_team_workspace_before_the_vocabulary_gets_it_on_upgrade(postgis_connection, postgis_server):
    name = "team_before_vocab"
    create_team_workspace(postgis_connection, name, "Before")
    version = version_adding("vocabulary")
    with postgis_server.connect(autocommit=True) as connection, connection.cursor() as cursor:
        cursor.execute("DROP TABLE {}.vocabulary".format(name))
        cursor.execute("UPDATE {}.workspace_info SET value = %s WHERE key = 'schema_version'".format(name),
                       (str(version - 1),))
    postgis_server.add_logins(name, {"bv_adam": "admin", "bv_alice": "editor", "bv_rita": "reader"})
    admin = workspace_at("postgres:service=tf_bv_adam;schema=" + name)
    assert admin.check_version() == "older"
    assert admin.upgrade() == (version - 1, schema.SCHEMA_VERSION)
    alice, rita = connect(postgis_server, "bv_alice", name), connect(postgis_server, "bv_rita", name)
    one(alice, "INSERT INTO vocabulary (word, code) VALUES ('ferraille fine', '12 01 01')")
    assert one(rita, "SELECT word, by FROM vocabulary") == [("ferraille fine", "bv_alice")]
    refused(rita, "INSERT INTO vocabulary (word, code) VALUES ('x', '15 01 01')")
    assert one(rita, "SELECT operation FROM audit_log WHERE table_name = 'vocabulary'") == [("insert",)]
    owner = postgis_server.rows(name, "SELECT tableowner FROM pg_tables WHERE schemaname = %s AND tablename = "
                                      "'vocabulary'", (name,))
    assert owner == [(name + "_admin",)]
