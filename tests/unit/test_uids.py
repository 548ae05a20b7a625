"""Row identifiers made in bulk (an import makes two per company)."""

import sqlite3
import uuid

from territorial_flux_plugin.domain.uids import UID_PATTERN, random_uids
from territorial_flux_plugin.storage.schema import TABLES_BY_NAME


def test_random_uids_are_distinct_version_4_uuids_as_uuid4_writes_them():
    uids = random_uids(20000)
    assert len(uids) == len(set(uids)) == 20000
    for text in uids:
        parsed = uuid.UUID(text)
        assert parsed.version == 4 and parsed.variant == uuid.RFC_4122
        assert str(parsed) == text and UID_PATTERN.match(text)
    # all four variant digits occur: the random bits are not lost to the formatting
    assert {text[19] for text in uids} == set("89ab")
    assert random_uids(0) == []


def test_random_uids_pass_the_workspace_uid_constraint():
    column = next(c for c in TABLES_BY_NAME["companies"].columns if c.name == "uid")
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE t (uid TEXT NOT NULL UNIQUE CHECK ({}))".format(
        " AND ".join(check.sqlite("uid") for check in column.checks)))
    connection.executemany("INSERT INTO t VALUES (?)", [(u,) for u in random_uids(5000)])
    assert connection.execute("SELECT count(*) FROM t").fetchone()[0] == 5000
