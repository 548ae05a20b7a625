"""10 editors, 500 saves each, on an overlapping set of flows and synergies: nothing lost."""

import json
from collections import defaultdict

from tests import team_load

EDITORS, EDITS = 10, 500


def test_concurrent_editors_lose_no_update(postgis_server):
    schema = "team_load"
    rows, logs, seconds = team_load.run(postgis_server, schema, EDITORS, EDITS)
    saved = [e for log in logs for e in log if e["outcome"] == "saved"]
    refused = [e for log in logs for e in log if e["outcome"] == "refused"]
    errors = [e for log in logs for e in log if e["outcome"] == "error"]
    # every save was answered: saved, or refused with the conflict reported to its author
    assert all(len(log) == EDITS for log in logs)
    assert len(saved) + len(refused) + len(errors) == EDITORS * EDITS
    assert saved and refused, "the overlap must produce both accepted and refused saves"
    assert all(e["conflicts"] and all(c["by"] and "changed this row" in c["message"] for c in e["conflicts"])
               for e in refused)
    assert len(errors) <= EDITORS * EDITS // 100, errors[:3]  # busy (deadlock/serialization): reported, retried
    print("\n{} saves in {:.1f} s: {} accepted, {} refused, {} busy ({:.0f} saves/s)".format(
        EDITORS * EDITS, seconds, len(saved), len(refused), len(errors), EDITORS * EDITS / seconds))
    connection = postgis_server.connect(autocommit=True)
    cursor = connection.cursor()
    for table, column in (("flows", "label"), ("synergies", "notes")):
        accepted = defaultdict(dict)  # uid -> version -> value
        for entry in saved:
            if entry["table"] == table:
                for uid, version in entry["versions"].items():
                    assert version not in accepted[uid], "two saves accepted from the same version: a lost update"
                    accepted[uid][version] = entry["value"]
        cursor.execute("SELECT uid::text, row_version, {} FROM {}.{}".format(column, schema, table))
        for uid, version, value in cursor.fetchall():
            versions = accepted.get(uid, {})
            # each accepted save made exactly one version, in sequence; the last one is the final state
            assert sorted(versions) == list(range(2, version + 1))
            if versions:
                assert value == versions[version]
        cursor.execute("SELECT row_uid::text, row_version, new_values FROM {}.audit_log WHERE table_name = %s "
                       "AND operation = 'update'".format(schema), (table,))
        audited = {(uid, version): json.loads(values)[column] for uid, version, values in cursor.fetchall()}
        expected = {(uid, version): value for uid, by_version in accepted.items() for version, value in by_version.items()}
        assert audited == expected
    # integrity: every reference holds, versions and audit agree
    cursor.execute("SELECT count(*) FROM {s}.flows f LEFT JOIN {s}.companies c ON c.uid = f.company_uid "
                   "WHERE c.uid IS NULL".format(s=schema))
    assert cursor.fetchone() == (0,)
    cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE state = 'idle in transaction'")
    assert cursor.fetchone() == (0,)
    connection.close()
