"""The report and the emission factors of a team workspace, against the real PostgreSQL server:
each check connects as a real login."""

import psycopg2
import pytest

from territorial_flux_plugin.domain.emissions import DEFAULT_FACTORS
from territorial_flux_plugin.reporting.report import ReportSettings, compute
from territorial_flux_plugin.storage import workspace_at
from territorial_flux_plugin.storage.schema import SCHEMA_VERSION
from tests.qgis_helpers import demo_team, team_reference

SCHEMA = "team_report"
USERS = {"rp_rita": "reader", "rp_alice": "editor", "rp_adam": "admin"}  # logins are server-wide: prefixed


@pytest.fixture(scope="module")
def team(postgis_server, postgis_connection, demo_workspace, provider_registered):
    return demo_team(postgis_server, postgis_connection, demo_workspace, SCHEMA, "Report", USERS)


def connect(server, user):
    connection = server.connect(user, autocommit=True)
    connection.cursor().execute("SET search_path = {}, public".format(SCHEMA))
    return connection


def one(connection, sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall() if cursor.description else cursor.rowcount


def test_readers_read_the_factors_editors_keep_them_with_a_source(team, postgis_server):
    rita, alice = connect(postgis_server, "rp_rita"), connect(postgis_server, "rp_alice")
    assert one(rita, "SELECT count(*) FROM emission_factors") == [(len(DEFAULT_FACTORS),)]
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        one(rita, "UPDATE emission_factors SET kg_co2e_per_t = 1, source = 's', source_date = '2024-01-01'")
    assert one(alice, "UPDATE emission_factors SET kg_co2e_per_t = 350, source = 'Base Empreinte', "
                      "source_date = '2024-05-01' WHERE family = 'waste'") == 1
    with pytest.raises(psycopg2.errors.CheckViolation):
        one(alice, "UPDATE emission_factors SET kg_co2e_per_t = 350, source = NULL WHERE family = 'matter'")
    assert one(alice, "SELECT operation, \"by\" FROM audit_log WHERE table_name = 'emission_factors' "
                      "AND operation = 'update'") == [("update", "rp_alice")]
    assert one(rita, "SELECT relrowsecurity FROM pg_class WHERE oid = 'emission_factors'::regclass") == [(True,)]


def test_a_readers_report_counts_what_the_file_counts(team, demo_workspace):
    settings = ReportSettings("r.xlsx", "2020-01-01", "2030-12-31", "internal", "en")
    from_server = compute(workspace_at(team_reference("rp_rita", SCHEMA)), settings)
    from_file = compute(workspace_at(demo_workspace), settings)
    assert {i.key: i.value for i in from_server.indicators} == pytest.approx(
        {i.key: i.value for i in from_file.indicators})
    assert sorted(r["uid"] for r in from_server.synergies) == sorted(r["uid"] for r in from_file.synergies)
    assert from_server.contributors == from_file.contributors


def test_a_version_4_team_workspace_gains_the_emission_factors(team, postgis_server, run):
    with postgis_server.connect(autocommit=True) as connection:
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE {}.emission_factors".format(SCHEMA))
            cursor.execute("UPDATE {}.workspace_info SET value = '4' WHERE key = 'schema_version'".format(SCHEMA))
    reference = team_reference("rp_adam", SCHEMA)
    run("upgradeworkspace", {"WORKSPACE": reference, "CONFIRM": True})
    assert workspace_at(reference).info["schema_version"] == str(SCHEMA_VERSION)
    rita = connect(postgis_server, "rp_rita")
    assert one(rita, "SELECT count(*) FROM emission_factors WHERE kg_co2e_per_tkm = 0.105") == [(1,)]
    alice = connect(postgis_server, "rp_alice")
    assert one(alice, "INSERT INTO emission_factors (resource_code, kg_co2e_per_t, source, source_date) "
                      "VALUES ('15 01 01', 120, 'Base Empreinte', '2024-01-01')") == 1
    assert one(alice, "SELECT \"by\" FROM audit_log WHERE table_name = 'emission_factors' AND operation = 'insert' "
                      "ORDER BY fid DESC LIMIT 1") == [("rp_alice",)]
