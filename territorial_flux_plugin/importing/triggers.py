"""Set-based replay of a GeoPackage table's per-row insert triggers, for bulk imports.

The triggers that only raise when a condition holds (foreign keys, rules) are checked by one
query over the new rows; those that only insert one row elsewhere (the audit trail, the spatial
index) are replayed by one ``INSERT … SELECT``. Every other trigger stays in place.
"""

import json
import re
import sqlite3

from ..storage.schema import NOW_SQL, TABLES_BY_NAME, UUID_SQL

_CHECK_TRIGGER = re.compile(
    r'^CREATE TRIGGER\s+"?(?P<name>[^"\s]+)"?\s+BEFORE INSERT ON\s+"?(?P<table>\w+)"?\s+'
    r'(?:FOR EACH ROW\s+)?WHEN\s+(?P<when>.*?)\s+BEGIN\s+SELECT RAISE\(ABORT,\s*\'(?P<message>(?:[^\']|\'\')*)\'\);'
    r'\s*END$', re.S | re.I)
_COPY_TRIGGER = re.compile(
    r'^CREATE TRIGGER\s+"?(?P<name>[^"\s]+)"?\s+AFTER INSERT ON\s+"?(?P<table>\w+)"?\s+'
    r'(?:FOR EACH ROW\s+)?(?:WHEN\s+(?P<when>.*?)\s+)?BEGIN\s+(?P<insert>INSERT (?:OR REPLACE )?INTO\s+'
    r'"?(?P<target>\w+)"?\s*(?:\([^()]*\))?)\s*VALUES\s*\((?P<values>.*)\);\s*END$', re.S | re.I)


def suspend(connection, table="companies"):
    """Drop, inside the open transaction, the per-row insert triggers of ``table`` that have a
    set-based equivalent; returns them for :func:`replay` (the writer creates
    them again, from their stored SQL, before the transaction ends).

    Two shapes qualify: a BEFORE INSERT trigger that only raises when a condition holds (the
    foreign keys and rules), checked afterwards by one query over the new rows; and an AFTER
    INSERT trigger that only inserts one row elsewhere (the audit trail, the spatial index),
    replayed by one ``INSERT … SELECT`` over the new rows. Any other trigger stays in place.
    """
    suspended = []
    for name, sql in connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,)).fetchall():
        text = " ".join(sql.split())
        check = _CHECK_TRIGGER.match(text)
        copy = _COPY_TRIGGER.match(text)
        if check and re.search(r'\b"?{}"?\b'.format(table), check.group("when")) is None:
            suspended.append(("check", name, sql, check))
        elif copy and "NEW." in copy.group("values") and "OLD." not in text:
            suspended.append(("copy", name, sql, copy))
        else:
            continue
        connection.execute('DROP TRIGGER "{}"'.format(name))
    return suspended


RTREE = "rtree_companies_geom"


def spatial_index_plan(connection, suspended):
    """(the suspended triggers to replay per chunk, None or [] when the spatial index is packed).

    A bulk import into an empty spatial index (a new territory's first import) packs it once
    at the end (:func:`.rtree.pack`) instead of inserting every point into it: the index is
    made again, empty, and its trigger is not replayed.
    """
    index = [t for t in suspended if t[0] == "copy" and t[3].group("target") == RTREE]
    if not index or connection.execute('SELECT EXISTS (SELECT 1 FROM "{}")'.format(RTREE)).fetchone()[0]:
        return suspended, None
    create = connection.execute("SELECT sql FROM sqlite_master WHERE name = ?", (RTREE,)).fetchone()[0]
    connection.execute('DROP TABLE "{}"'.format(RTREE))
    connection.execute(create)
    return [t for t in suspended if t not in index], []


def replay(connection, suspended, first, last, points, table="companies", uids=None):
    """The set-based equivalents of the suspended triggers over the rows with fids ``first`` to
    ``last`` (whose points, in fid order, are ``points``).

    A row a trigger adds elsewhere gets its column defaults as the trigger would have given
    them: the current time is read once (SQLite gives every row of one statement the same),
    and a random uid comes from ``uids`` (36 bytes per uid, after the new rows' own uids) when
    given, cheaper than SQLite's expression for it.
    """
    new_rows = '"{}" AS NEW WHERE NEW."fid" BETWEEN {:d} AND {:d}'.format(table, int(first), int(last))
    for kind, _name, _sql, match in suspended:
        if kind == "check":
            failed = connection.execute("SELECT 1 FROM {} AND ({}) LIMIT 1".format(
                new_rows, match.group("when"))).fetchone()
            if failed:
                raise sqlite3.IntegrityError(match.group("message").replace("''", "'"))
    for kind, _name, _sql, match in suspended:
        if kind != "copy":
            continue
        if match.group("target") == "rtree_{}_geom".format(table):
            # the spatial index: the envelopes are known here, no need to parse every blob again
            connection.execute(
                'INSERT OR REPLACE INTO "{}" SELECT ? + key, json_extract(value, \'$[0]\'), '
                "json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[1]') "
                "FROM json_each(?)".format(match.group("target")), (first, json.dumps(points)))
            continue
        insert, values = match.group("insert"), match.group("values")
        listed = re.search(r"\(([^()]*)\)\s*$", insert)
        definition = TABLES_BY_NAME.get(match.group("target"))
        if listed and definition is not None:
            named = {name.strip().strip('"') for name in listed.group(1).split(",")}
            given = []
            for column in definition.columns:
                if column.name in named:
                    continue
                if column.default_sql == NOW_SQL:
                    given.append((column.name, "(SELECT {})".format(NOW_SQL)))
                elif column.default_sql == UUID_SQL and uids is not None:
                    given.append((column.name, "CAST(substr(:uids, (NEW.\"fid\" - {:d}) * 36 + 1, 36) AS TEXT)".format(
                        int(first) - (int(last) - int(first) + 1))))
            if given:
                insert = insert[:listed.start()] + "({}, {})".format(
                    ", ".join('"{}"'.format(name) for name, _sql in given), listed.group(1))
                values = "{}, {}".format(", ".join(sql for _name, sql in given), values)
        connection.execute("{} SELECT {} FROM {}{} ORDER BY NEW.\"fid\"".format(
            insert, values, new_rows, " AND ({})".format(match.group("when")) if match.group("when") else ""),
            {"uids": uids})


def verify_checks(connection, table, first, last, columns=None):
    """Raise sqlite3.IntegrityError, as SQLite would have, when a row of ``table`` with a fid
    from ``first`` to ``last`` (None: the last row) breaks one of the table's CHECK constraints:
    those of ``columns`` when given (the others hold values the importer made itself) and the
    rules over several columns.

    A bulk import inserts with ``ignore_check_constraints`` (the constraints evaluated inline
    cost twice as much as this one query per chunk); the constraints are the schema's own.
    """
    definition = TABLES_BY_NAME.get(table)
    if definition is None:
        return
    checks = [("ck_{}_{}_{}".format(table, column.name, index), check.sqlite(column.name))
              for column in definition.columns if columns is None or column.name in columns
              for index, check in enumerate(column.checks)]
    checks += [("ck_{}_{}".format(table, check.name), check.sqlite) for check in definition.checks]
    if not checks:
        return
    bounds = "fid >= {:d}".format(int(first)) + ("" if last is None else " AND fid <= {:d}".format(int(last)))
    broken = connection.execute('SELECT CASE {} END FROM "{}" WHERE {} AND ({}) LIMIT 1'.format(
        " ".join("WHEN NOT ({}) THEN '{}'".format(sql, name) for name, sql in checks), table, bounds,
        " OR ".join("NOT ({})".format(sql) for _name, sql in checks))).fetchone()
    if broken:
        raise sqlite3.IntegrityError("CHECK constraint failed: {}".format(broken[0]))
