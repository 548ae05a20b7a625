"""Load test of a team workspace: concurrent editors saving an overlapping set of flows and synergies.

Used by tests/qgis/test_team_load.py and benchmarks/bench_team.py. Each editor is a separate
process connected as its own database user. Two kinds of editors work at the same time:

- layer editors (``python -m tests.team_load layer-worker ...``) save the way advisors do, in a
  QGIS of their own: postgres-provider layers, the plugin's edit functions
  (:func:`~territorial_flux_plugin.project.editing.update_flow`, ``update_synergy``: an
  :class:`~territorial_flux_plugin.project.editing.EditSession` with the row version the user
  loaded, the edit buffer, ``commitChanges``); a refused save raises ``ConflictError``;
- script editors (``python -m tests.team_load worker ...``) save one or two rows in one
  transaction through :func:`territorial_flux_plugin.project.locking.save_in`.

Each reads a row (its row version), changes it, saves; a refused save is reported back to its
author with who changed what.
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

from territorial_flux_plugin.domain.errors import ConflictError, TerritorialFluxError  # noqa: E402
from territorial_flux_plugin.project import locking  # noqa: E402
from territorial_flux_plugin.storage import postgres_sql as postgis  # noqa: E402
from territorial_flux_plugin.storage.database import PostgresDatabase  # noqa: E402
from territorial_flux_plugin.storage.schema import SCHEMA_VERSION  # noqa: E402
from tests.pgserver import DATABASE  # noqa: E402


def service(schema, index):
    return "{}_editor{}".format(schema, index)


def prepare(server, schema, editors, flows=24, synergies=12):
    """Create the workspace's schema, roles and rows straight from the DDL; returns the row uids.

    Each editor is a database user with a service of the server's pg_service file (layers and
    the plugin reach the server through it)."""
    connection = server.connect(autocommit=True)
    database = PostgresDatabase(connection, schema)
    with database.transaction():
        for statement in (postgis.create_roles_statements(schema) + postgis.schema_statements(schema, 2154)
                          + postgis.security_statements(schema)):
            database.execute(statement)
        database.execute("INSERT INTO {t:resource_nomenclature} (code, level, family, label_en, label_fr) "
                         "VALUES ('15 01 01', 'entry', 'waste', 'Paper', 'Papier')")
        for key, value in (("name", "Load"), ("crs", "EPSG:2154"), ("schema_version", str(SCHEMA_VERSION))):
            database.execute("INSERT INTO {t:workspace_info} (key, value) VALUES (?, ?)", (key, value))
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
    with open(server.service_file, "a") as services:
        for index in range(editors):
            services.write("[{name}]\nhost=127.0.0.1\nport={port}\ndbname={db}\nuser={name}\n".format(
                name=service(schema, index), port=server.port, db=DATABASE))
    return {"flows": flow_uids, "synergies": synergy_uids}


def worker(dsn, schema, index, edits, rows, seed, out, ready, go):
    """One script editor: ``edits`` saves of 1 or 2 rows of one table, each from the version it just read."""
    import psycopg2

    connection = psycopg2.connect(dsn)
    connection.autocommit = True
    database = PostgresDatabase(connection, schema)
    rng = random.Random(seed)
    log = []
    _wait_for_start(ready, go)
    for number in range(edits):
        table = rng.choice(["flows", "flows", "synergies"])
        uids = rng.sample(rows[table], rng.choice([1, 1, 2]))
        loaded = {r["uid"]: r["row_version"] for r in database.rows(
            "SELECT uid::text AS uid, row_version FROM {{t:{}}} WHERE uid::text IN ({})".format(
                table, ", ".join("?" * len(uids))), uids)}
        value = "editor{}-edit{}".format(index, number)
        column = "label" if table == "flows" else "notes"
        batch = [locking.Edit(uid, loaded[uid], {column: value}) for uid in uids]
        entry = {"table": table, "value": value, "column": column, "loaded": loaded, "via": "script"}
        try:
            result = locking.save_in(database, table, batch)
        except TerritorialFluxError as error:
            entry.update(outcome="error", message=str(error))
        else:
            if result.ok:
                entry.update(outcome="saved", versions=result.saved)
            else:
                entry.update(outcome="refused", conflicts=_conflicts(result.conflicts))
        log.append(entry)
    connection.close()
    with open(out, "w") as f:
        json.dump(log, f)


def _conflicts(conflicts):
    return [{"uid": c.uid, "by": c.by, "current": c.current_version, "message": str(c.message())}
            for c in conflicts]


def layer_worker(service_name, schema, index, edits, rows, seed, out, ready, go):
    """One advisor in QGIS: ``edits`` saves of one flow or synergy through postgres-provider layers
    and the plugin's edit functions, each from the row version just read from the layer."""
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from territorial_flux_plugin.project import editing
    from territorial_flux_plugin.storage.postgres import PostgresWorkspace, format_reference

    workspace = PostgresWorkspace(format_reference(schema, service=service_name))
    layers = {table: workspace.layer(table) for table in ("flows", "synergies")}
    rng = random.Random(seed)
    log = []
    _wait_for_start(ready, go)
    for number in range(edits):
        table = rng.choice(["flows", "flows", "synergies"])
        uid = rng.choice(rows[table])
        loaded = editing.feature_by_uid(layers[table], uid)["row_version"]
        value = "editor{}-edit{}".format(index, number)
        column = "label" if table == "flows" else "notes"
        entry = {"table": table, "value": value, "column": column, "loaded": {uid: loaded}, "via": "layer"}
        try:
            if table == "flows":
                editing.update_flow(layers, uid, {column: value}, expected_version=loaded)
            else:
                editing.update_synergy(layers, uid, {column: value}, expected_version=loaded)
        except ConflictError as error:
            entry.update(outcome="refused", conflicts=_conflicts(error.conflicts))
        except TerritorialFluxError as error:
            entry.update(outcome="error", message=str(error))
        else:  # the storage accepted the save from ``loaded``: the row is now at loaded + 1
            entry.update(outcome="saved", versions={uid: loaded + 1})
        if any(layer.isEditable() for layer in layers.values()):
            entry.update(outcome="error", message="a layer was left in edit mode")
        log.append(entry)
    with open(out, "w") as f:
        json.dump(log, f)
    os._exit(0)  # the log is written; QGIS's teardown has nothing to add


def _wait_for_start(ready, go):
    """Say this editor is ready (QGIS started, layers open), then wait for everybody's start."""
    open(ready, "w").close()
    while not os.path.exists(go):
        time.sleep(0.01)


def run(server, schema, editors=10, edits=500, seed=1, layer_editors=4):
    """Run the editors concurrently (the first ``layer_editors`` of them through QGIS layers);
    returns (rows, logs, seconds), ``seconds`` from the moment all editors are ready to edit."""
    rows = prepare(server, schema, editors)
    folder = server.folder
    go = os.path.join(folder, "{}-go".format(schema))
    processes, outputs, ready = [], [], []
    environment = dict(os.environ, PGSERVICEFILE=server.service_file, QT_QPA_PLATFORM="offscreen",
                       QGIS_CUSTOM_CONFIG_PATH=os.path.join(folder, "{}-qgis-profile".format(schema)))
    for index in range(editors):
        out = os.path.join(folder, "{}-editor{}.json".format(schema, index))
        outputs.append(out)
        ready.append(os.path.join(folder, "{}-editor{}.ready".format(schema, index)))
        if index < layer_editors:
            command = ["layer-worker", service(schema, index)]
        else:
            command = ["worker", server.dsn(service(schema, index))]
        processes.append(subprocess.Popen(
            [sys.executable, "-m", "tests.team_load"] + command + [
                schema, str(index), str(edits), json.dumps(rows), str(seed * 1000 + index), out, ready[-1], go],
            cwd=ROOT, env=environment))
    while not all(os.path.exists(r) for r in ready):
        if any(p.poll() not in (None, 0) for p in processes):
            break
        time.sleep(0.05)
    started = time.perf_counter()
    open(go, "w").close()
    codes = [p.wait(timeout=900) for p in processes]
    seconds = time.perf_counter() - started
    if any(codes):
        raise RuntimeError("editor processes failed: exit codes {}".format(codes))
    logs = []
    for out in outputs:
        with open(out) as f:
            logs.append(json.load(f))
    return rows, logs, seconds


if __name__ == "__main__" and sys.argv[1] in ("worker", "layer-worker"):
    _, kind, target, schema, index, edits, rows, seed, out, ready, go = sys.argv
    (worker if kind == "worker" else layer_worker)(target, schema, int(index), int(edits), json.loads(rows),
                                                   int(seed), out, ready, go)
