"""Without PostgreSQL the team tests fail with a message saying what to install (they never skip)."""

import pytest

from tests import pgserver


def test_a_missing_server_is_an_error_naming_the_package(monkeypatch):
    monkeypatch.setattr(pgserver, "PG_BIN", "/nonexistent/postgresql/bin")
    with pytest.raises(pgserver.ServerMissingError, match="postgresql-15-postgis-3"):
        pgserver.Server().start()
