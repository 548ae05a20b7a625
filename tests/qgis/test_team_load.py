"""10 concurrent editors, 500 saves each (as in benchmarks/bench_team.py), on an overlapping set of
flows and synergies: nothing lost.

4 of them save as advisors do, through QGIS postgres-provider layers and the plugin's edit
functions (edit buffer, row version, commitChanges, ConflictError); the other 6 through the
locking API, one or two rows per transaction (see tests/team_load.py).
"""

import json
from collections import defaultdict

from tests import team_load

EDITORS, EDITS, LAYER_EDITORS = 10, 500, 4


def test_concurrent_editors_lose_no_update(postgis_server):
    schema = "team_load"
    rows, logs, seconds = team_load.run(postgis_server, schema, EDITORS, EDITS, layer_editors=LAYER_EDITORS)
    entries = [e for log in logs for e in log]
    saved = [e for e in entries if e["outcome"] == "saved"]
    refused = [e for e in entries if e["outcome"] == "refused"]
    errors = [e for e in entries if e["outcome"] == "error"]
    # every save was answered: saved, or refused with the conflict reported to its author
    assert all(len(log) == EDITS for log in logs)
    assert [log[0]["via"] for log in logs] == ["layer"] * LAYER_EDITORS + ["script"] * (EDITORS - LAYER_EDITORS)
    assert len(saved) + len(refused) + len(errors) == EDITORS * EDITS
    for via in ("layer", "script"):
        outcomes = {e["outcome"] for e in entries if e["via"] == via}
        assert {"saved", "refused"} <= outcomes, "the overlap must produce both accepted and refused {} saves".format(via)
    assert all(e["conflicts"] and all(c["by"] and "changed this row" in c["message"] for c in e["conflicts"])
               for e in refused)
    # busy (deadlock/serialization): reported to the author, nothing written; never unhandled
    assert len(errors) <= EDITORS * EDITS // 100, errors[:3]
    print("\n{} saves in {:.1f} s: {} accepted, {} refused, {} busy ({:.0f} saves/s; {} through QGIS layers)".format(
        EDITORS * EDITS, seconds, len(saved), len(refused), len(errors), EDITORS * EDITS / seconds,
        sum(1 for e in entries if e["via"] == "layer")))
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
        # and each audit entry names the editor whose save it was
        cursor.execute("SELECT a.row_uid::text, a.row_version, a.by FROM {}.audit_log a WHERE table_name = %s "
                       "AND operation = 'update'".format(schema), (table,))
        authors = {(uid, version): by for uid, version, by in cursor.fetchall()}
        for entry in saved:
            if entry["table"] == table:
                editor = int(entry["value"].split("-")[0][len("editor"):])
                for uid, version in entry["versions"].items():
                    assert authors[(uid, version)] == team_load.service(schema, editor)
    # integrity: every reference holds, versions and audit agree, no transaction left open
    cursor.execute("SELECT count(*) FROM {s}.flows f LEFT JOIN {s}.companies c ON c.uid = f.company_uid "
                   "WHERE c.uid IS NULL".format(s=schema))
    assert cursor.fetchone() == (0,)
    for table in ("flows", "synergies"):
        cursor.execute("SELECT count(*) FROM {s}.{t} r WHERE r.row_version <> (SELECT count(*) FROM {s}.audit_log a "
                       "WHERE a.row_uid = r.uid AND a.table_name = %s)".format(s=schema, t=table), (table,))
        assert cursor.fetchone() == (0,), table
    cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE state = 'idle in transaction'")
    assert cursor.fetchone() == (0,)
    connection.close()
