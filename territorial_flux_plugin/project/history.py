"""Reading the audit trail: what changed, who changed it, when (both storages).

The storage writes ``audit_log`` itself (triggers, see :mod:`.sql` and :mod:`.postgis`); this
module only reads it. No qgis import: a :class:`~.database.Database` or a workspace (anything
with ``database()``) is enough.

For the company dock::

    from territorial_flux_plugin.project.history import company_history
    for entry in company_history(workspace, company_uid):
        entry.at, entry.by, entry.table, entry.operation, entry.changes  # {column: (old, new)}
        entry.summary()   # "flows updated by alice: quantity 12 → 15"
"""

import json

# Bookkeeping columns left out of ``changes`` (they change on every update).
BOOKKEEPING = ("row_version", "updated_at", "updated_by")


def _parse(values):
    if values is None:
        return None
    if isinstance(values, dict):
        return values
    return json.loads(values)


def _same(a, b):
    if isinstance(a, bool) or isinstance(b, bool):  # SQLite writes booleans as 0/1
        return (None if a is None else bool(a)) == (None if b is None else bool(b))
    return a == b


def changes(old, new, ignore=BOOKKEEPING):
    """``{column: (old value, new value)}`` for the columns that differ (pure function)."""
    old, new = old or {}, new or {}
    return {column: (old.get(column), new.get(column))
            for column in sorted(set(old) | set(new))
            if column not in ignore and not _same(old.get(column), new.get(column))}


class Entry:
    """One change of one row, as the audit trail recorded it."""

    __slots__ = ("id", "at", "by", "table", "row_uid", "operation", "row_version", "old", "new")

    def __init__(self, row):
        self.id = row["fid"]
        self.at = row["at"] if isinstance(row["at"], str) else row["at"].isoformat()
        self.by = row["by"]
        self.table = row["table_name"]
        self.row_uid = str(row["row_uid"])
        self.operation = row["operation"]
        self.row_version = row["row_version"]
        self.old = _parse(row["old_values"])
        self.new = _parse(row["new_values"])

    @property
    def changes(self):
        return changes(self.old, self.new)

    def summary(self):
        """An English one-line summary (the dock builds its own translated sentence from the fields)."""
        detail = ", ".join("{} {} → {}".format(c, o, n) for c, (o, n) in self.changes.items())
        return "{} {} by {} at {}{}".format(self.table, self.operation + "d" if not self.operation.endswith("e")
                                            else self.operation + "d", self.by or "?", self.at,
                                            ": " + detail if detail and self.operation == "update" else "")

    def as_dict(self):
        return {"at": self.at, "by": self.by, "table": self.table, "row_uid": self.row_uid,
                "operation": self.operation, "row_version": self.row_version, "changes": self.changes,
                "old": self.old, "new": self.new}

    def __repr__(self):
        return "Entry({})".format(self.summary())


COLUMNS = "fid, at, by, table_name, row_uid, operation, row_version, old_values, new_values"


def _query(source, text, params):
    """Rows from an open Database or from a workspace (opened and closed here)."""
    from ..storage.database import Database

    if isinstance(source, Database):
        return source.rows(text, params)
    with source.opened(read_only=True) as database:
        return database.rows(text, params)


def row_history(source, table, uid, after_version=None):
    """The audit entries of one row, oldest first; only those past ``after_version`` if given."""
    rows = _query(source, "SELECT {} FROM {{t:audit_log}} WHERE row_uid = ? AND table_name = ? "
                          "ORDER BY fid".format(COLUMNS), (str(uid), table))
    entries = [Entry(r) for r in rows]
    if after_version is not None:
        entries = [e for e in entries if e.row_version is None or e.row_version > after_version]
    return entries


def company_history(source, company_uid):
    """Every recorded change of a company, its flows, its synergy participations and the link
    reviews of its flows, newest first (deleted flows included).

    ``source``: a workspace (GeoPackage or PostGIS) or an open :class:`~.database.Database`.
    """
    company_uid = str(company_uid)
    pattern = "%{}%".format(company_uid)
    rows = _query(source, "SELECT {} FROM {{t:audit_log}} WHERE row_uid = ? OR (table_name IN "
                          "('flows', 'synergy_participants') AND (old_values LIKE ? OR new_values LIKE ?))"
                  .format(COLUMNS), (company_uid, pattern, pattern))
    entries = []
    flows = set()
    for row in rows:
        entry = Entry(row)
        values = entry.new or entry.old or {}
        if entry.table == "companies" and entry.row_uid == company_uid:
            entries.append(entry)
        elif company_uid in (str((entry.old or {}).get("company_uid")), str(values.get("company_uid"))):
            entries.append(entry)
            if entry.table == "flows":
                flows.add(entry.row_uid)
    for flow in sorted(flows):
        pattern = "%{}%".format(flow)
        for row in _query(source, "SELECT {} FROM {{t:audit_log}} WHERE table_name = 'link_reviews' AND "
                                  "(old_values LIKE ? OR new_values LIKE ?)".format(COLUMNS), (pattern, pattern)):
            entry = Entry(row)
            values = entry.new or entry.old or {}
            if flow in (values.get("offer_flow_uid"), values.get("need_flow_uid")) and \
                    all(e.id != entry.id for e in entries):
                entries.append(entry)
    entries.sort(key=lambda e: e.id, reverse=True)
    return entries
