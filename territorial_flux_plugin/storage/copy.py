"""Copy a whole workspace between storages (GeoPackage ↔ PostGIS), uids and history preserved.

Rows keep their uid, fid, row version, stamps and audit history. The copy is written in one
transaction on the target and verified before it is committed: the row count and a checksum of
every copied table (values normalised across the two storages) must match the source, or
nothing is written.
"""

import hashlib
import json

from ..domain.errors import TerritorialFluxError
from ..domain.messages import QT_TRANSLATE_NOOP
from ..domain.timestamps import format_utc, parse_utc
from .schema import TABLES_BY_NAME

# Business tables in dependency order; the nomenclatures come with every workspace.
COPIED_TABLES = ["companies", "flows", "synergies", "synergy_participants", "synergy_events", "link_reviews", "vocabulary",
                 "areas", "emission_factors", "audit_log"]


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
        return format_utc(parse_utc(value))
    return str(value)


def _read(database, table):
    definition = TABLES_BY_NAME[table]
    columns = definition.column_names
    geometry = ", " + database.geometry_select() if definition.geometry else ""
    rows = database.rows("SELECT fid, {}{} FROM {{t:{}}} ORDER BY fid".format(
        ", ".join('"{}"'.format(c) for c in columns), geometry, table))
    out = []
    for row in rows:
        values = {"fid": int(row["fid"])}
        for column in definition.columns:
            values[column.name] = normalise(column.type, row[column.name])
        if definition.geometry:
            values["geom"] = database.wkb(row["geom"])
        out.append(values)
    return out


def checksum(rows):
    digest = hashlib.sha256()
    for row in rows:
        canonical = {k: (v.hex() if isinstance(v, (bytes, bytearray)) else v) for k, v in row.items()}
        digest.update(json.dumps(canonical, sort_keys=True, default=str).encode("utf-8"))
    return digest.hexdigest()


def _write(database, table, rows):
    definition = TABLES_BY_NAME[table]
    names = ["fid"] + definition.column_names + (["geom"] if definition.geometry else [])
    placeholders = [database.geometry_placeholder() if name == "geom" else "?" for name in names]
    booleans = {c.name for c in definition.columns if c.type == "boolean"}
    batch = []
    for row in rows:
        values = []
        for name in names:
            value = row.get(name)
            if name == "geom":
                value = database.geometry_value(value)
            elif name in booleans:
                value = database.boolean(value)
            values.append(value)
        batch.append(values)
    if batch:
        database.executemany("INSERT INTO {{t:{}}} ({}) VALUES ({})".format(
            table, ", ".join('"{}"'.format(n) for n in names), ", ".join(placeholders)), batch)
    database.rows_inserted_with_ids(table)


def copy_workspace(source, target, feedback=None):
    """Copy every row of ``source`` into the empty workspace ``target``; returns
    ``{table: (rows, checksum)}`` once verified and committed."""
    for workspace in (source, target):
        if workspace.check_version() != "current":
            raise TerritorialFluxError(QT_TRANSLATE_NOOP(
                "Validation", "{path} uses an older schema: upgrade it first (territorialflux:upgradeworkspace)."),
                path=workspace.reference)
    report = {}
    with source.opened() as reader, target.opened() as writer:
        writer.srid = target.srid
        for workspace, database in ((source, reader), (target, writer)):
            if not workspace.is_administrator(database):
                raise TerritorialFluxError(QT_TRANSLATE_NOOP(
                    "Validation", "Only an administrator of {path} (a member of {role}) can copy it: others do not "
                                  "see every row."), path=workspace.reference, role=workspace.administrators)
        existing = writer.rows("SELECT (SELECT count(*) FROM {t:companies}) + (SELECT count(*) FROM {t:flows}) "
                               "+ (SELECT count(*) FROM {t:synergies}) AS n")[0]["n"]
        if existing:
            raise TerritorialFluxError(QT_TRANSLATE_NOOP(
                "Validation", "{path} already holds data: copy into a new, empty workspace."), path=target.reference)
        with writer.transaction():
            writer.defer_references()
            copied = {}
            for index, table in enumerate(COPIED_TABLES):
                rows = _read(reader, table)
                if table == "audit_log":  # the history of the source, not the copy's own inserts
                    writer.execute("DELETE FROM {t:audit_log}")
                if table == "emission_factors":  # the source's factors, not the new workspace's defaults
                    writer.execute("DELETE FROM {t:emission_factors}")
                _write(writer, table, rows)
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
                    raise TerritorialFluxError(QT_TRANSLATE_NOOP(
                        "Validation", "The copy of {table} does not match its source ({expected} rows, {found} "
                                      "copied); nothing was written."),
                        table=table, expected=len(rows), found=len(written))
                report[table] = (len(rows), found)
    return report


def verify(source, target):
    """``{table: (source rows, target rows, same checksum)}`` for two workspaces (either storage)."""
    out = {}
    with source.opened() as a, target.opened() as b:
        for table in COPIED_TABLES:
            rows_a, rows_b = _read(a, table), _read(b, table)
            out[table] = (len(rows_a), len(rows_b), checksum(rows_a) == checksum(rows_b))
    return out
