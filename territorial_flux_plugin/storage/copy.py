"""Copy a whole workspace between storages (GeoPackage ↔ PostGIS), uids and history preserved.

Rows keep their uid, fid, row version, stamps and audit history. The copy is written in one
transaction on the target and verified before it is committed: the row count and a checksum of
every copied table (values normalised across the two storages) must match the source, or
nothing is written.
"""

import datetime
import hashlib
import json
import struct

from ..domain.messages import QT_TRANSLATE_NOOP, Message
from .geopackage import WorkspaceError
from .schema import TABLES_BY_NAME

# Business tables in dependency order; the nomenclatures come with every workspace.
COPIED_TABLES = ["companies", "flows", "synergies", "synergy_participants", "synergy_events", "link_reviews",
                 "areas", "audit_log"]


def _wkb_from_gpkg(blob):
    if blob is None:
        return None
    blob = bytes(blob)
    flags = blob[3]
    size = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}.get((flags >> 1) & 0x07, 0)
    return blob[8 + size:]


def _gpkg_from_wkb(wkb, srs_id):
    if wkb is None:
        return None
    # "GP", version 0, flags: little-endian header, no envelope; then the srs id and the WKB.
    return b"GP\x00\x01" + struct.pack("<i", int(srs_id)) + bytes(wkb)


def _utc(value):
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip().replace(" ", "T")
        if text.endswith("Z"):
            text = text[:-1] + "+00:00"
        value = datetime.datetime.fromisoformat(text)
    if value.tzinfo is None:
        value = value.replace(tzinfo=datetime.timezone.utc)
    return value.astimezone(datetime.timezone.utc)


def normalise(column_type, value):
    """One value as the same Python value whichever storage it was read from."""
    if value is None:
        return None
    if column_type == "boolean":
        return bool(value)
    if column_type == "integer":
        return int(value)
    if column_type == "real":
        return float(value)
    if column_type == "date":
        return value.isoformat()[:10] if hasattr(value, "isoformat") else str(value)[:10]
    if column_type == "datetime":
        return _utc(value).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return str(value)


def _read(database, table, srs_id=None):
    definition = TABLES_BY_NAME[table]
    columns = definition.column_names
    geometry = ""
    if definition.geometry:
        geometry = ", ST_AsBinary(geom) AS geom" if database.dialect == "postgres" else ", geom"
    rows = database.rows("SELECT fid, {}{} FROM {{t:{}}} ORDER BY fid".format(
        ", ".join('"{}"'.format(c) for c in columns), geometry, table))
    out = []
    for row in rows:
        values = {"fid": int(row["fid"])}
        for column in definition.columns:
            values[column.name] = normalise(column.type, row[column.name])
        if definition.geometry:
            wkb = row["geom"]
            values["geom"] = (_wkb_from_gpkg(wkb) if database.dialect == "sqlite" else
                              (bytes(wkb) if wkb is not None else None))
        out.append(values)
    return out


def checksum(rows):
    digest = hashlib.sha256()
    for row in rows:
        canonical = {k: (v.hex() if isinstance(v, (bytes, bytearray)) else v) for k, v in row.items()}
        digest.update(json.dumps(canonical, sort_keys=True, default=str).encode("utf-8"))
    return digest.hexdigest()


def _write(database, table, rows, srid):
    definition = TABLES_BY_NAME[table]
    names = ["fid"] + definition.column_names + (["geom"] if definition.geometry else [])
    placeholders = []
    for name in names:
        if name == "geom" and database.dialect == "postgres":
            placeholders.append("ST_GeomFromWKB(?, {})".format(int(srid)))
        else:
            placeholders.append("?")
    sql = database.sql("INSERT INTO {{t:{}}} ({}) VALUES ({})".format(
        table, ", ".join('"{}"'.format(n) for n in names), ", ".join(placeholders)))
    types = {c.name: c.type for c in definition.columns}
    batch = []
    for row in rows:
        values = []
        for name in names:
            value = row.get(name)
            if name == "geom":
                if value is not None:
                    if database.dialect == "postgres":
                        import psycopg2

                        value = psycopg2.Binary(value)
                    else:
                        value = _gpkg_from_wkb(value, srid)
            elif database.dialect == "sqlite" and types.get(name) == "boolean" and value is not None:
                value = int(value)
            values.append(value)
        batch.append(values)
    if batch:
        database.connection.cursor().executemany(sql, batch)
    if database.dialect == "postgres":
        database.execute("SELECT setval(pg_get_serial_sequence('{}', 'fid'), "
                         "coalesce((SELECT max(fid) FROM {}), 0) + 1, false)".format(
                             database.table(table).replace("'", "''"), database.table(table)))


def _srid(workspace):
    if workspace.storage == "postgis":
        return workspace.srid
    database = workspace.database()
    try:
        return database.rows("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = 'companies'")[0]["srs_id"]
    finally:
        database.close()


def _require_admin(workspace, database):
    if workspace.storage != "postgis":
        return
    role = "{}_admin".format(workspace.schema)
    allowed = database.rows("SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) "
                            "OR pg_has_role(session_user, ?, 'MEMBER') AS ok", (role,))[0]["ok"]
    if not allowed:
        raise WorkspaceError(Message(QT_TRANSLATE_NOOP(
            "Validation", "Only an administrator of {path} (a member of {role}) can copy it: others do not "
                          "see every row."), path=workspace.reference, role=role))


def copy_workspace(source, target, feedback=None):
    """Copy every row of ``source`` into the empty workspace ``target``; returns
    ``{table: (rows, checksum)}`` once verified and committed."""
    for workspace in (source, target):
        status = workspace.check_version() if workspace.storage == "postgis" else _gpkg_status(workspace)
        if status != "current":
            raise WorkspaceError(Message(QT_TRANSLATE_NOOP(
                "Validation", "{path} uses an older schema: upgrade it first (territorialflux:upgradeworkspace)."),
                path=workspace.reference))
    srid = _srid(target)
    reader, writer = source.database(), target.database()
    report = {}
    try:
        _require_admin(source, reader)
        _require_admin(target, writer)
        existing = writer.rows("SELECT (SELECT count(*) FROM {t:companies}) + (SELECT count(*) FROM {t:flows}) "
                               "+ (SELECT count(*) FROM {t:synergies}) AS n")[0]["n"]
        if existing:
            raise WorkspaceError(Message(QT_TRANSLATE_NOOP(
                "Validation", "{path} already holds data: copy into a new, empty workspace."), path=target.reference))
        with writer.transaction():
            if writer.dialect == "sqlite":
                writer.execute("PRAGMA defer_foreign_keys = ON")
            copied = {}
            for index, table in enumerate(COPIED_TABLES):
                rows = _read(reader, table)
                if table == "audit_log":  # the history of the source, not the copy's own inserts
                    writer.execute("DELETE FROM {t:audit_log}")
                _write(writer, table, rows, srid)
                copied[table] = rows
                if feedback is not None:
                    feedback.setProgress(100.0 * (index + 1) / len(COPIED_TABLES))
            name = reader.rows("SELECT value FROM {t:workspace_info} WHERE key = 'name'")
            if name:
                writer.execute("UPDATE {t:workspace_info} SET value = ? WHERE key = 'name'", (name[0]["value"],))
            for table, rows in copied.items():
                written = _read(writer, table)
                expected, found = checksum(rows), checksum(written)
                if len(written) != len(rows) or expected != found:
                    raise WorkspaceError(Message(QT_TRANSLATE_NOOP(
                        "Validation", "The copy of {table} does not match its source ({expected} rows, {found} "
                                      "copied); nothing was written."),
                        table=table, expected=len(rows), found=len(written)))
                report[table] = (len(rows), found)
    finally:
        reader.close()
        writer.close()
    return report


def _gpkg_status(workspace):
    from . import geopackage as gpkg

    return gpkg.check_version(workspace.path)


def verify(source, target):
    """``{table: (source rows, target rows, same checksum)}`` for two workspaces (either storage)."""
    out = {}
    a, b = source.database(), target.database()
    try:
        for table in COPIED_TABLES:
            rows_a, rows_b = _read(a, table), _read(b, table)
            out[table] = (len(rows_a), len(rows_b), checksum(rows_a) == checksum(rows_b))
    finally:
        a.close()
        b.close()
    return out
