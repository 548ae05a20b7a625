"""Schema version 3: every time stamp in the GeoPackage's own form, ``YYYY-MM-DDTHH:MM:SS.SSSZ``.

Earlier plugins wrote some stamps with microseconds (``2026-12-02T16:45:10.000476Z``), which GDAL
reads with a "Non-conformant content" warning. Every DATETIME column of every table, and the
stamps of ``workspace_info``, are rewritten in milliseconds (UTC). The change is not a user's: the
tables' triggers (audit trail, row versions, rules) are set aside for the rewrite and put back
exactly as they were, so no audit entry is written and no row version moves. A value SQLite
cannot read as a time is left as it is: nothing is lost.

A team workspace stores ``timestamptz`` values, instants rather than text: nothing to rewrite.
"""

# A stamp already in the GeoPackage form
CONFORMANT = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z"
REWRITTEN = "strftime('%Y-%m-%dT%H:%M:%fZ', {column})"


def _quoted(name):
    return '"{}"'.format(name.replace('"', '""'))


def _stamp_columns(database):
    """{table: [its DATETIME columns]} as the file declares them."""
    found = {}
    tables = [r["name"] for r in database.rows(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'gpkg_%' AND name NOT LIKE 'rtree_%'")]
    for table in tables:
        columns = [r["name"] for r in database.rows("PRAGMA table_info({})".format(_quoted(table)))
                   if str(r["type"]).upper() == "DATETIME"]
        if columns:
            found[table] = columns
    return found


def _not_conformant(column):
    return "{c} IS NOT NULL AND {c} NOT GLOB '{g}' AND {r} IS NOT NULL".format(
        c=column, g=CONFORMANT, r=REWRITTEN.format(column=column))


def geopackage(database):
    for table, columns in _stamp_columns(database).items():
        name = _quoted(table)
        where = " OR ".join("({})".format(_not_conformant(_quoted(c))) for c in columns)
        if not database.rows("SELECT 1 AS found FROM {} WHERE {} LIMIT 1".format(name, where)):
            continue
        triggers = database.rows("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? "
                                 "AND name NOT LIKE 'rtree_%'", (table,))
        for trigger in triggers:
            database.execute("DROP TRIGGER {}".format(_quoted(trigger["name"])))
        for column in columns:
            quoted = _quoted(column)
            database.execute("UPDATE {} SET {c} = {r} WHERE {w}".format(
                name, c=quoted, r=REWRITTEN.format(column=quoted), w=_not_conformant(quoted)))
        for trigger in triggers:
            database.execute(trigger["sql"])
    value = _quoted("value")
    database.execute("UPDATE workspace_info SET value = {r} WHERE key IN ('created_at', 'updated_at') AND {w}".format(
        r=REWRITTEN.format(column=value), w=_not_conformant(value)))


def postgres(database):
    """timestamptz columns hold instants, written by the server: nothing to rewrite."""
