"""territorialflux:exportpartners and exportwebmap on a team workspace (a real PostgreSQL/PostGIS
server): a reader's export holds exactly what the server shows that reader, and nothing personal."""

import json

import pytest

from tests.qgis.test_sharing import SHARED, WORDS, gpkg_columns
from tests.qgis_helpers import demo_team, team_reference
from tests.sharing_helpers import leaks, output_texts, query

SCHEMA = "team_share"
USERS = {"sh_rita": "reader"}


@pytest.fixture(scope="module")
def team(provider_registered, postgis_server, postgis_connection, demo_workspace):
    return demo_team(postgis_server, postgis_connection, demo_workspace, SCHEMA, "Share team", USERS)


def as_reader(server):
    def run(sql):
        return server.rows(SCHEMA, sql, (), "sh_rita")

    return run


def normalised(rows, columns):
    stored = [c for c in columns if c not in WORDS]
    out = []
    for row in rows:
        values = []
        for value, column in zip(row, stored):
            if column == "hazardous" and value is not None:
                value = bool(value)
            values.append(None if value is None else value if isinstance(value, (bool, float, int)) else str(value))
        out.append(tuple(values))
    return sorted(out, key=repr)


def test_a_reader_exports_what_the_server_shows_them(run, team, postgis_server, tmp_path):
    from tests.sharing_helpers import expected_rows

    output = str(tmp_path / "reader.gpkg")
    result = run("exportpartners", {"WORKSPACE": team_reference("sh_rita", SCHEMA), "OUTPUT": output})
    expected = expected_rows(as_reader(postgis_server), "partners")
    assert result["FLOWS"] == len(expected["flows"]) > 0 and result["SYNERGIES"] == len(expected["synergies"]) > 0
    assert result["COMPANIES"] == len(expected["companies"])
    for table, columns in SHARED.items():
        names = ", ".join('"{}"'.format(c) for c in columns if c not in WORDS)
        assert normalised(query(output, "SELECT {} FROM {}".format(names, table)), columns) == \
            normalised(expected[table], columns), table
        geometry = ["geom"] if table in ("companies", "synergies") else []
        assert gpkg_columns(output, table) == ["fid"] + geometry + columns
    forbidden = set()
    for sql in ("SELECT contact_name FROM companies", "SELECT contact_email FROM companies",
                "SELECT contact_phone FROM companies", "SELECT advisor FROM companies", "SELECT advisor FROM flows",
                "SELECT address FROM companies"):
        forbidden |= {r[0] for r in postgis_server.rows(SCHEMA, sql) if r[0] and len(r[0]) >= 4}
    found = leaks(output_texts(output), forbidden | {"sh_rita"}, set())
    assert not found, found[:10]
    # the administrator's export at the same level is the same: partners' rows are visible to every role
    full = str(tmp_path / "admin.gpkg")
    run("exportpartners", {"WORKSPACE": team, "OUTPUT": full})
    for table, columns in SHARED.items():
        names = ", ".join('"{}"'.format(c) for c in columns)
        assert sorted(query(full, "SELECT {} FROM {}".format(names, table)), key=repr) == \
            sorted(query(output, "SELECT {} FROM {}".format(names, table)), key=repr)


def test_a_reader_publishes_a_web_map(run, team, postgis_server, tmp_path):
    from tests.sharing_helpers import expected_rows

    output = tmp_path / "site"
    result = run("exportwebmap", {"WORKSPACE": team_reference("sh_rita", SCHEMA), "OUTPUT": str(output)})
    expected = expected_rows(as_reader(postgis_server), "public")
    assert result["SYNERGIES"] == len(expected["synergies"]) > 0
    synergies = json.loads((output / "synergies.geojson").read_text())["features"]
    assert sorted(f["properties"]["uid"] for f in synergies) == sorted(str(r[0]) for r in expected["synergies"])
    assert all(f["geometry"]["type"] == "MultiLineString" for f in synergies)
