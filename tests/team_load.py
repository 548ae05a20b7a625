"""Load test of a team workspace: concurrent editors saving an overlapping set of flows and synergies.

Used by tests/qgis/test_team_load.py and benchmarks/bench_team.py. Each editor is a separate
process (``python -m tests.team_load worker ...``) connected as its own database user, saving
through :mod:`territorial_flux_plugin.workspace.locking` as the docks do: read a row (its
row version), change it, save; a refused save is reported back to its author.
"""

import json
import os
import random
import subprocess
import sys
import time
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from territorial_flux_plugin.workspace import locking, postgis  # noqa: E402
from territorial_flux_plugin.workspace.database import Database  # noqa: E402


def prepare(server, schema, editors, flows=24, synergies=12):
    """Create the workspace's schema, roles and rows straight from the DDL; returns the row uids."""
    connection = server.connect(autocommit=True)
    database = Database(connection, "postgres", schema)
    with database.transaction():
        for statement in (postgis.create_roles_statements(schema) + postgis.schema_statements(schema, 2154)
                          + postgis.security_statements(schema)):
            database.execute(statement)
        database.execute("INSERT INTO {t:resource_nomenclature} (code, level, family, label_en, label_fr) "
                         "VALUES ('15 01 01', 'entry', 'waste', 'Paper', 'Papier')")
        company = str(uuid.uuid4())
        database.execute("INSERT INTO {t:companies} (uid, name) VALUES (?, 'Shared SA')", (company,))
        flow_uids, synergy_uids = [], []
        for _ in range(flows):
            uid = str(uuid.uuid4())
            database.execute("INSERT INTO {t:flows} (uid, company_uid, direction, family, resource_code) "
                             "VALUES (?, ?, 'offer', 'waste', '15 01 01')", (uid, company))
            flow_uids.append(uid)
        for _ in range(synergies):
            uid = str(uuid.uuid4())
            database.execute("INSERT INTO {t:synergies} (uid, kind, title) VALUES (?, 'mutualisation', 'S')", (uid,))
            synergy_uids.append(uid)
        for index in range(editors):
            user = "{}_editor{}".format(schema, index)
            database.execute("CREATE ROLE {} LOGIN".format(user))
            database.execute("GRANT {} TO {}".format(postgis.role_names(schema)["editor"], user))
    connection.close()
    return {"flows": flow_uids, "synergies": synergy_uids}


def worker(dsn, schema, index, edits, rows, seed, out):
    """One editor: ``edits`` saves of 1 or 2 rows of one table, each from the version it just read."""
    import psycopg2

    connection = psycopg2.connect(dsn)
    connection.autocommit = True
    database = Database(connection, "postgres", schema)
    rng = random.Random(seed)
    log = []
    for number in range(edits):
        table = rng.choice(["flows", "flows", "synergies"])
        uids = rng.sample(rows[table], rng.choice([1, 1, 2]))
        loaded = {r["uid"]: r["row_version"] for r in database.rows(
            "SELECT uid::text AS uid, row_version FROM {{t:{}}} WHERE uid::text IN ({})".format(
                table, ", ".join("?" * len(uids))), uids)}
        value = "editor{}-edit{}".format(index, number)
        column = "label" if table == "flows" else "notes"
        batch = [locking.Edit(uid, loaded[uid], {column: value}) for uid in uids]
        entry = {"table": table, "value": value, "column": column, "loaded": loaded}
        try:
            result = locking.save_in(database, table, batch)
        except locking.SaveError as error:
            entry.update(outcome="error", message=str(error))
        else:
            if result.ok:
                entry.update(outcome="saved", versions=result.saved)
            else:
                entry.update(outcome="refused", conflicts=[
                    {"uid": c.uid, "by": c.by, "current": c.current_version, "message": str(c.message())}
                    for c in result.conflicts])
        log.append(entry)
    connection.close()
    with open(out, "w") as f:
        json.dump(log, f)


def run(server, schema, editors=10, edits=500, seed=1):
    """Run the editors concurrently; returns (rows, logs, seconds)."""
    rows = prepare(server, schema, editors)
    folder = server.folder
    processes, outputs = [], []
    started = time.perf_counter()
    for index in range(editors):
        out = os.path.join(folder, "{}-editor{}.json".format(schema, index))
        outputs.append(out)
        dsn = server.dsn("{}_editor{}".format(schema, index))
        processes.append(subprocess.Popen(
            [sys.executable, "-m", "tests.team_load", "worker", dsn, schema, str(index), str(edits),
             json.dumps(rows), str(seed * 1000 + index), out], cwd=ROOT))
    codes = [p.wait(timeout=900) for p in processes]
    seconds = time.perf_counter() - started
    if any(codes):
        raise RuntimeError("editor processes failed: exit codes {}".format(codes))
    logs = []
    for out in outputs:
        with open(out) as f:
            logs.append(json.load(f))
    return rows, logs, seconds


if __name__ == "__main__" and sys.argv[1] == "worker":
    _, _, dsn, schema, index, edits, rows, seed, out = sys.argv
    worker(dsn, schema, int(index), int(edits), json.loads(rows), int(seed), out)
