"""Without PostgreSQL the team tests fail with a message saying what to install (they never skip)."""

import pytest

from tests import pgserver


def test_a_missing_server_is_an_error_naming_the_package(monkeypatch):
    monkeypatch.setattr(pgserver, "PG_BIN", "/nonexistent/postgresql/bin")
    with pytest.raises(pgserver.ServerMissingError, match="postgresql-NN-postgis-3"):
        pgserver.Server().start()


def test_postgis_is_looked_for_beside_the_server_in_use(tmp_path):
    """Another server's binaries: PostGIS is looked for in that server's share folder only."""
    share = tmp_path / "share" / "postgresql" / "42"
    (share / "extension").mkdir(parents=True)
    bin_folder = tmp_path / "lib" / "postgresql" / "42" / "bin"
    bin_folder.mkdir(parents=True)
    (bin_folder / "pg_config").write_text("#!/bin/sh\necho {}\n".format(share))
    (bin_folder / "pg_config").chmod(0o755)
    assert pgserver.postgis_control(str(bin_folder)) is None
    (share / "extension" / "postgis.control").write_text("")
    assert pgserver.postgis_control(str(bin_folder)) == str(share / "extension" / "postgis.control")
