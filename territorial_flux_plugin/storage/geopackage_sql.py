"""SQL (SQLite dialect, for GeoPackage) derived from :mod:`.schema`.

Foreign keys are declared and also enforced by triggers, because SQLite checks declared
foreign keys only on connections that enable them, and QGIS, GDAL and other readers of the
file do not: the triggers make the file refuse orphan rows whoever writes to it.
"""

from ..domain.vocabulary import CONFIDENTIALITY_LEVELS
from .schema import AUDITED_TABLES, TABLES, TABLES_BY_NAME, VERSIONED_TABLES, foreign_keys

SQLITE_TYPES = {"uuid": "TEXT", "text": "TEXT", "integer": "INTEGER", "real": "REAL",
                "boolean": "BOOLEAN", "date": "DATE", "datetime": "DATETIME"}
GEOMETRY_COLUMN = "geom"
FID_COLUMN = "fid"


def q(identifier):
    return '"{}"'.format(identifier)


def _lit(text):
    return "'{}'".format(text.replace("'", "''"))


def create_table(table):
    lines = ["{} INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL".format(q(FID_COLUMN))]
    if table.geometry:
        lines.append("{} {}".format(q(GEOMETRY_COLUMN), table.geometry))
    for column in table.columns:
        parts = [q(column.name), SQLITE_TYPES[column.type]]
        if column.required:
            parts.append("NOT NULL")
        if column.unique:
            parts.append("UNIQUE")
        if column.default_sql is not None:
            parts.append("DEFAULT {}".format(column.default_sql))
        for index, check in enumerate(column.checks):
            parts.append("CONSTRAINT {} CHECK ({})".format(
                q("ck_{}_{}_{}".format(table.name, column.name, index)), check.sqlite(column.name)))
        lines.append(" ".join(parts))
    for check in table.checks:
        lines.append("CONSTRAINT {} CHECK ({})".format(q("ck_{}_{}".format(table.name, check.name)),
                                                       check.sqlite))
    for columns in table.unique_together:
        lines.append("UNIQUE ({})".format(", ".join(q(c) for c in columns)))
    for column in table.columns:
        if column.references:
            lines.append("FOREIGN KEY ({}) REFERENCES {} ({})".format(
                q(column.name), q(column.referenced_table), q(column.referenced_column)))
    return "CREATE TABLE {} (\n  {}\n)".format(q(table.name), ",\n  ".join(lines))


def create_indexes(table):
    statements = []
    for column in table.columns:
        if column.references:
            statements.append("CREATE INDEX {} ON {} ({})".format(
                q("ix_{}_{}".format(table.name, column.name)), q(table.name), q(column.name)))
    return statements


def _raise(message):
    return "SELECT RAISE(ABORT, {});".format(_lit(message))


def foreign_key_triggers():
    """Triggers that enforce every reference on insert, update and delete."""
    statements = []
    for table, column, parent, parent_column, on_delete in foreign_keys():
        missing = "NEW.{col} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {parent} WHERE {pcol} = NEW.{col})".format(
            col=q(column), parent=q(parent), pcol=q(parent_column))
        message = "{}.{}: no row of {} has this {} ({}).".format(table, column, parent, parent_column,
                                                               "foreign key")
        for event, name in (("INSERT", "insert"), ("UPDATE OF {}".format(q(column)), "update")):
            statements.append(
                "CREATE TRIGGER {name} BEFORE {event} ON {table} WHEN {when} BEGIN {body} END".format(
                    name=q("fk_{}_{}_{}".format(table, column, name)), event=event, table=q(table),
                    when=missing, body=_raise(message)))
        children = "EXISTS (SELECT 1 FROM {t} WHERE {c} = OLD.{pcol})".format(
            t=q(table), c=q(column), pcol=q(parent_column))
        if on_delete == "cascade":
            statements.append(
                "CREATE TRIGGER {name} AFTER DELETE ON {parent} BEGIN "
                "DELETE FROM {t} WHERE {c} = OLD.{pcol}; END".format(
                    name=q("fk_{}_{}_cascade".format(table, column)), parent=q(parent), t=q(table),
                    c=q(column), pcol=q(parent_column)))
        else:
            statements.append(
                "CREATE TRIGGER {name} BEFORE DELETE ON {parent} WHEN {when} BEGIN {body} END".format(
                    name=q("fk_{}_{}_restrict".format(table, column)), parent=q(parent), when=children,
                    body=_raise("{parent} row is still referenced by {table}.{column}: "
                                "archive it instead of deleting it.".format(
                                    parent=parent, table=table, column=column))))
        statements.append(
            "CREATE TRIGGER {name} BEFORE UPDATE OF {pcol} ON {parent} "
            "WHEN OLD.{pcol} <> NEW.{pcol} AND {when} BEGIN {body} END".format(
                name=q("fk_{}_{}_key".format(table, column)), pcol=q(parent_column), parent=q(parent),
                when=children, body=_raise("{}.{} is referenced by {}.{} and cannot change.".format(
                    parent, parent_column, table, column))))
    return statements


def _rank(expression):
    cases = " ".join("WHEN {} THEN {}".format(_lit(level), rank)
                     for rank, level in enumerate(CONFIDENTIALITY_LEVELS))
    return "(CASE {} {} END)".format(expression, cases)


def rule_triggers():
    """Rules over several rows that a CHECK constraint cannot express."""
    rules = []

    def trigger(name, timing, table, when, message):
        rules.append("CREATE TRIGGER {} {} ON {} WHEN {} BEGIN {} END".format(
            q(name), timing, q(table), when, _raise(message)))

    family_mismatch = ("(SELECT \"family\" FROM \"resource_nomenclature\" WHERE \"code\" = NEW.\"resource_code\") "
                       "<> NEW.\"family\"")
    for suffix, timing in (("insert", "BEFORE INSERT"),
                           ("update", "BEFORE UPDATE OF \"family\", \"resource_code\"")):
        trigger("rule_flows_family_" + suffix, timing, "flows", family_mismatch,
                "flows: the resource code does not belong to the flow's family.")

    flow_company = ("NEW.\"flow_uid\" IS NOT NULL AND "
                    "(SELECT \"company_uid\" FROM \"flows\" WHERE \"uid\" = NEW.\"flow_uid\") IS NOT NEW.\"company_uid\"")
    direction = "(SELECT \"direction\" FROM \"flows\" WHERE \"uid\" = NEW.\"flow_uid\")"
    role_direction = ("NEW.\"flow_uid\" IS NOT NULL AND ("
                      "(NEW.\"role\" = 'supplier' AND {d} <> 'offer') OR "
                      "(NEW.\"role\" = 'receiver' AND {d} <> 'need'))").format(d=direction)
    same_company = ("(SELECT \"kind\" FROM \"synergies\" WHERE \"uid\" = NEW.\"synergy_uid\") = 'substitution' AND "
                    "EXISTS (SELECT 1 FROM \"synergy_participants\" p WHERE p.\"synergy_uid\" = NEW.\"synergy_uid\" "
                    "AND p.\"company_uid\" = NEW.\"company_uid\" AND p.\"role\" <> NEW.\"role\" AND p.\"uid\" <> NEW.\"uid\")")
    less_restricted = ("NEW.\"flow_uid\" IS NOT NULL AND "
                       + _rank("(SELECT \"confidentiality\" FROM \"synergies\" WHERE \"uid\" = NEW.\"synergy_uid\")")
                       + " > " + _rank("(SELECT \"confidentiality\" FROM \"flows\" WHERE \"uid\" = NEW.\"flow_uid\")"))
    for suffix, timing in (("insert", "BEFORE INSERT"), ("update", "BEFORE UPDATE")):
        trigger("rule_participants_flow_company_" + suffix, timing, "synergy_participants", flow_company,
                "synergy_participants: the flow does not belong to this company.")
        trigger("rule_participants_role_" + suffix, timing, "synergy_participants", role_direction,
                "synergy_participants: a supplier takes part with an offer, a receiver with a need.")
        trigger("rule_participants_same_company_" + suffix, timing, "synergy_participants", same_company,
                "synergy_participants: a substitution links two different companies.")
        trigger("rule_participants_confidentiality_" + suffix, timing, "synergy_participants",
                less_restricted,
                "synergy_participants: a synergy cannot be less confidential than its flows.")

    trigger("rule_synergies_confidentiality", "BEFORE UPDATE OF \"confidentiality\"", "synergies",
            "EXISTS (SELECT 1 FROM \"synergy_participants\" p JOIN \"flows\" f ON f.\"uid\" = p.\"flow_uid\" "
            "WHERE p.\"synergy_uid\" = NEW.\"uid\" AND " + _rank("f.\"confidentiality\"") + " < "
            + _rank("NEW.\"confidentiality\"") + ")",
            "synergies: a synergy cannot be less confidential than its flows.")
    trigger("rule_flows_confidentiality", "BEFORE UPDATE OF \"confidentiality\"", "flows",
            "EXISTS (SELECT 1 FROM \"synergy_participants\" p JOIN \"synergies\" s ON s.\"uid\" = p.\"synergy_uid\" "
            "WHERE p.\"flow_uid\" = NEW.\"uid\" AND " + _rank("s.\"confidentiality\"") + " > "
            + _rank("NEW.\"confidentiality\"") + ")",
            "flows: restrict the synergies this flow takes part in first; a synergy cannot be less "
            "confidential than its flows.")
    return rules


def _who(table, row):
    """Who made a change, as far as a file knows: the editor recorded in the row (a GeoPackage has
    no login; QGIS writes ``updated_by`` from the user account name)."""
    columns = TABLES_BY_NAME[table].column_names
    if "updated_by" in columns:
        return "{}.\"updated_by\"".format(row)
    if "by" in columns:
        return "{}.\"by\"".format(row)
    if "synergy_uid" in columns:
        return "(SELECT \"updated_by\" FROM \"synergies\" WHERE \"uid\" = {}.\"synergy_uid\")".format(row)
    return "NULL"


def _json_row(table, row, version=None):
    pairs = []
    for column in TABLES_BY_NAME[table].columns:
        value = "{}.{}".format(row, q(column.name))
        if column.name == "row_version" and version is not None:
            value = version
        pairs.append("{}, {}".format(_lit(column.name), value))
    return "json_object({})".format(", ".join(pairs))


def audit_triggers(tables=None):
    """The audit trail: every insert, update and delete of the audited tables (or of ``tables``) in
    ``audit_log``.

    An update is recorded with the row version it produces; the row version's own increment
    (see :func:`row_version_triggers`) changes nothing else and is not recorded twice.
    """
    statements = []
    for name in AUDITED_TABLES if tables is None else tables:
        table = TABLES_BY_NAME[name]
        versioned = "row_version" in table.column_names
        columns = "(\"table_name\", \"row_uid\", \"operation\", \"by\", \"row_version\", \"old_values\", \"new_values\")"
        statements.append(
            "CREATE TRIGGER {trigger} AFTER INSERT ON {table} BEGIN INSERT INTO \"audit_log\" {columns} "
            "VALUES ({name}, NEW.\"uid\", 'insert', {who}, {version}, NULL, {new}); END".format(
                trigger=q("audit_{}_insert".format(name)), table=q(name), columns=columns, name=_lit(name),
                who=_who(name, "NEW"), version="NEW.\"row_version\"" if versioned else "NULL",
                new=_json_row(name, "NEW")))
        tracked = [c for c in table.column_names if c != "row_version"]
        if table.geometry:
            tracked.append(GEOMETRY_COLUMN)
        changed = " OR ".join("NEW.{c} IS NOT OLD.{c}".format(c=q(c)) for c in tracked)
        next_version = ("(CASE WHEN NEW.\"row_version\" IS OLD.\"row_version\" OR NEW.\"row_version\" < 0 "
                        "THEN OLD.\"row_version\" + 1 ELSE NEW.\"row_version\" END)") if versioned else None
        statements.append(
            "CREATE TRIGGER {trigger} AFTER UPDATE ON {table} WHEN {changed} BEGIN INSERT INTO \"audit_log\" "
            "{columns} VALUES ({name}, NEW.\"uid\", 'update', coalesce({who_new}, {who_old}), {version}, {old}, "
            "{new}); END".format(
                trigger=q("audit_{}_update".format(name)), table=q(name), changed=changed, columns=columns,
                name=_lit(name), who_new=_who(name, "NEW"), who_old=_who(name, "OLD"),
                version=next_version or "NULL", old=_json_row(name, "OLD"),
                new=_json_row(name, "NEW", next_version)))
        statements.append(
            "CREATE TRIGGER {trigger} AFTER DELETE ON {table} BEGIN INSERT INTO \"audit_log\" {columns} "
            "VALUES ({name}, OLD.\"uid\", 'delete', {who}, {version}, {old}, NULL); END".format(
                trigger=q("audit_{}_delete".format(name)), table=q(name), columns=columns, name=_lit(name),
                who=_who(name, "OLD"), version="OLD.\"row_version\"" if versioned else "NULL",
                old=_json_row(name, "OLD")))
    return statements


ROW_VERSION_CONFLICT = "row_version: this row was changed by someone else since it was loaded."


def row_version_triggers():
    """Optimistic locking: every update of a versioned row increments its ``row_version``.

    A writer may also state the version it loaded, as a negative number (``row_version = -3``:
    "I loaded version 3"): the update is refused if the row is no longer at that version, and the
    row then gets version 4 (see :func:`.locking.expect_version`, for saves through QGIS layers).
    A writer that sets a positive version must move it forward; an older version is refused.
    """
    statements = []
    for name in VERSIONED_TABLES:
        statements.append(
            "CREATE TRIGGER {trigger} BEFORE UPDATE OF \"row_version\" ON {table} "
            "WHEN (NEW.\"row_version\" < 0 AND -NEW.\"row_version\" <> OLD.\"row_version\") "
            "OR (NEW.\"row_version\" >= 0 AND NEW.\"row_version\" < OLD.\"row_version\") BEGIN {body} END".format(
                trigger=q("row_version_{}_stale".format(name)), table=q(name),
                body=_raise(ROW_VERSION_CONFLICT)))
        statements.append(
            "CREATE TRIGGER {trigger} AFTER UPDATE ON {table} "
            "WHEN NEW.\"row_version\" IS OLD.\"row_version\" OR NEW.\"row_version\" < 0 "
            "BEGIN UPDATE {table} SET \"row_version\" = OLD.\"row_version\" + 1 WHERE {fid} = NEW.{fid}; END".format(
                trigger=q("row_version_{}".format(name)), table=q(name), fid=q(FID_COLUMN)))
    return statements


def vocabulary_triggers():
    """The triggers of the learned words: the reference to the nomenclature, and the audit trail."""
    return ([s for s in foreign_key_triggers() if '"fk_vocabulary_' in s]
            + audit_triggers(["vocabulary"]))


def schema_statements():
    """Every statement that creates the workspace's tables, indexes and triggers."""
    statements = []
    for table in TABLES:
        statements.append(create_table(table))
        statements.extend(create_indexes(table))
    statements.extend(foreign_key_triggers())
    statements.extend(rule_triggers())
    statements.extend(row_version_triggers())
    statements.extend(audit_triggers())
    statements.append("CREATE INDEX \"ix_audit_log_row_uid\" ON \"audit_log\" (\"row_uid\")")
    return statements
