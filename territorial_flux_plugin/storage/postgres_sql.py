"""The PostGIS form of a workspace: DDL derived from :mod:`.schema`, in one PostgreSQL schema.

Pure Python (no qgis import). The same tables, checks and rules as :mod:`.sql` produces for a
GeoPackage, written for PostgreSQL: real foreign keys, rule triggers in PL/pgSQL, GIST
indexes, the row version and audit triggers, and the three roles of a team workspace with
their grants and row-level security:

- ``<schema>_reader``: reads everything at ``internal`` confidentiality and below, writes nothing;
- ``<schema>_editor`` (a reader too): writes companies, flows, synergies, their participants
  and history, and link reviews;
- ``<schema>_admin`` (an editor too): owns the schema (schema changes, upgrades) and grants the
  reader and editor roles.

Flows and synergies at ``advisor`` level are visible only to their advisor (the ``advisor``
column holds the database user name) and to administrators; so are the rows that name them
(synergy participants and events, link reviews) and their entries in the audit trail (see
:func:`visibility_functions`).
"""

from ..domain.vocabulary import CONFIDENTIALITY_LEVELS
from .geopackage_sql import FID_COLUMN, GEOMETRY_COLUMN, ROW_VERSION_CONFLICT
from .schema import AUDITED_TABLES, NOW_SQL, TABLES, TABLES_BY_NAME, USER_EXPRESSION, UUID_SQL, VERSIONED_TABLES

POSTGRES_TYPES = {"uuid": "uuid", "text": "text", "integer": "integer", "real": "double precision",
                  "boolean": "boolean", "date": "date", "datetime": "timestamptz", "json": "jsonb"}
# Tables editors write; every other table is written by administrators only.
EDITOR_TABLES = ["companies", "flows", "synergies", "synergy_participants", "synergy_events",
                 "link_reviews", "vocabulary", "emission_factors"]
# Tables whose rows at ``advisor`` level only their advisor (and administrators) see.
CONFIDENTIAL_TABLES = ["flows", "synergies"]
PROJECTS_TABLE = "qgis_projects"


def q(identifier):
    return '"{}"'.format(str(identifier).replace('"', '""'))


def lit(text):
    return "'{}'".format(str(text).replace("'", "''"))


def analysis_tables():
    """Derived tables an analysis run replaces (editors run analyses into the shared schema;
    readers write their outputs to temporary layers, see Workspace.can_write)."""
    from . import schema as schema_module

    return [t.name for t in getattr(schema_module, "ANALYSIS_TABLES", [])]


def role_names(schema):
    """``{'reader': ..., 'editor': ..., 'admin': ...}``: the roles of the workspace in ``schema``."""
    return {kind: "{}_{}".format(schema, kind) for kind in ("reader", "editor", "admin")}


def valid_schema_name(schema):
    """A schema name the plugin accepts: lowercase letters, digits and _, starting with a letter."""
    import re

    return bool(re.fullmatch(r"[a-z][a-z0-9_]{0,40}", schema or ""))


def _default(column):
    if column.default_expression == USER_EXPRESSION:
        return "session_user"  # who: the database login, as row-level security and the audit trail know it
    if column.default_sql is None:
        return None
    if column.default_sql == NOW_SQL:
        return "now()"
    if column.default_sql == UUID_SQL:
        return "gen_random_uuid()"
    if column.type == "boolean":
        return "true" if column.default_sql.strip() == "1" else "false"
    return column.default_sql


def create_table(schema, table, srid):
    lines = ["{} bigserial PRIMARY KEY".format(q(FID_COLUMN))]
    if table.geometry:
        lines.append("{} geometry({}, {})".format(q(GEOMETRY_COLUMN), table.geometry, int(srid)))
    for column in table.columns:
        parts = [q(column.name), POSTGRES_TYPES[column.type]]
        if column.required:
            parts.append("NOT NULL")
        if column.unique:
            parts.append("UNIQUE")
        default = _default(column)
        if table.name == "audit_log" and column.name == "by":
            default = "session_user"
        if default is not None:
            parts.append("DEFAULT {}".format(default))
        for index, check in enumerate(column.checks):
            rule = check.postgres(column.name)
            if rule is not None:
                parts.append("CONSTRAINT {} CHECK ({})".format(
                    q("ck_{}_{}_{}".format(table.name, column.name, index)), rule))
        lines.append(" ".join(parts))
    for check in table.checks:
        lines.append("CONSTRAINT {} CHECK ({})".format(q("ck_{}_{}".format(table.name, check.name)),
                                                       check.postgres))
    for columns in table.unique_together:
        lines.append("UNIQUE ({})".format(", ".join(q(c) for c in columns)))
    for column in table.columns:
        if column.references:
            lines.append("CONSTRAINT {} FOREIGN KEY ({}) REFERENCES {}.{} ({}) ON DELETE {}".format(
                q("fk_{}_{}".format(table.name, column.name)), q(column.name), q(schema),
                q(column.referenced_table), q(column.referenced_column),
                "CASCADE" if column.on_delete == "cascade" else "RESTRICT"))
    return "CREATE TABLE {}.{} (\n  {}\n)".format(q(schema), q(table.name), ",\n  ".join(lines))


def create_indexes(schema, table):
    statements = []
    for column in table.columns:
        if column.references:
            statements.append("CREATE INDEX {} ON {}.{} ({})".format(
                q("ix_{}_{}".format(table.name, column.name)), q(schema), q(table.name), q(column.name)))
    if table.geometry:
        statements.append("CREATE INDEX {} ON {}.{} USING GIST ({})".format(
            q("sx_{}_{}".format(table.name, GEOMETRY_COLUMN)), q(schema), q(table.name),
            q(GEOMETRY_COLUMN)))
    if table.name == "audit_log":
        statements.append("CREATE INDEX \"ix_audit_log_row_uid\" ON {}.\"audit_log\" (\"row_uid\", \"fid\")".format(
            q(schema)))
    return statements


def _function(schema, name, body, declare="", definer=True):
    return ("CREATE FUNCTION {s}.{n}() RETURNS trigger LANGUAGE plpgsql {security} "
            "SET search_path = {s}, pg_temp AS $body$\n{declare}BEGIN\n{body}\nEND\n$body$").format(
        s=q(schema), n=q(name), security="SECURITY DEFINER" if definer else "",
        declare="DECLARE\n{}\n".format(declare) if declare else "", body=body)


def _trigger(schema, name, timing, table, function):
    return "CREATE TRIGGER {} {} ON {}.{} FOR EACH ROW EXECUTE FUNCTION {}.{}()".format(
        q(name), timing, q(schema), q(table), q(schema), q(function))


def _fail(message):
    return "RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = {};".format(lit(message))


def rule_triggers(schema):
    """The rules over several rows (the same as :func:`.sql.rule_triggers`), in PL/pgSQL."""
    ranks = " ".join("WHEN {} THEN {}".format(lit(level), rank)
                     for rank, level in enumerate(CONFIDENTIALITY_LEVELS))
    statements = [
        "CREATE FUNCTION {s}.\"confidentiality_rank\"(level text) RETURNS integer LANGUAGE sql "
        "IMMUTABLE AS $$ SELECT CASE level {ranks} END $$".format(s=q(schema), ranks=ranks),
    ]
    rank = "{}.\"confidentiality_rank\"".format(q(schema))
    flows = """
  IF (SELECT family FROM resource_nomenclature WHERE code = NEW.resource_code) <> NEW.family THEN
    {family}
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.confidentiality IS DISTINCT FROM OLD.confidentiality AND EXISTS (
      SELECT 1 FROM synergy_participants p JOIN synergies s ON s.uid = p.synergy_uid
      WHERE p.flow_uid = NEW.uid AND {rank}(s.confidentiality) > {rank}(NEW.confidentiality)) THEN
    {confidentiality}
  END IF;
  RETURN NEW;""".format(
        rank=rank, family=_fail("flows: the resource code does not belong to the flow's family."),
        confidentiality=_fail("flows: restrict the synergies this flow takes part in first; a synergy "
                              "cannot be less confidential than its flows."))
    statements.append(_function(schema, "rule_flows", flows))
    statements.append(_trigger(schema, "rule_flows", "BEFORE INSERT OR UPDATE", "flows", "rule_flows"))
    synergies = """
  IF NEW.confidentiality IS DISTINCT FROM OLD.confidentiality AND EXISTS (
      SELECT 1 FROM synergy_participants p JOIN flows f ON f.uid = p.flow_uid
      WHERE p.synergy_uid = NEW.uid AND {rank}(f.confidentiality) < {rank}(NEW.confidentiality)) THEN
    {message}
  END IF;
  RETURN NEW;""".format(rank=rank, message=_fail("synergies: a synergy cannot be less confidential than its flows."))
    statements.append(_function(schema, "rule_synergies", synergies))
    statements.append(_trigger(schema, "rule_synergies", "BEFORE UPDATE", "synergies", "rule_synergies"))
    participants = """
  SELECT * INTO flow FROM flows WHERE uid = NEW.flow_uid;
  IF NEW.flow_uid IS NOT NULL THEN
    IF flow.company_uid IS DISTINCT FROM NEW.company_uid THEN
      {company}
    END IF;
    IF (NEW.role = 'supplier' AND flow.direction <> 'offer') OR (NEW.role = 'receiver' AND flow.direction <> 'need') THEN
      {role}
    END IF;
    IF {rank}((SELECT confidentiality FROM synergies WHERE uid = NEW.synergy_uid)) > {rank}(flow.confidentiality) THEN
      {confidentiality}
    END IF;
  END IF;
  IF (SELECT kind FROM synergies WHERE uid = NEW.synergy_uid) = 'substitution' AND EXISTS (
      SELECT 1 FROM synergy_participants p WHERE p.synergy_uid = NEW.synergy_uid
      AND p.company_uid = NEW.company_uid AND p.role <> NEW.role AND p.uid <> NEW.uid) THEN
    {same}
  END IF;
  RETURN NEW;""".format(
        rank=rank,
        company=_fail("synergy_participants: the flow does not belong to this company."),
        role=_fail("synergy_participants: a supplier takes part with an offer, a receiver with a need."),
        confidentiality=_fail("synergy_participants: a synergy cannot be less confidential than its flows."),
        same=_fail("synergy_participants: a substitution links two different companies."))
    statements.append(_function(schema, "rule_participants", participants, declare="  flow record;"))
    statements.append(_trigger(schema, "rule_participants", "BEFORE INSERT OR UPDATE",
                               "synergy_participants", "rule_participants"))
    return statements


CONFLICT_SQLSTATE = "TF409"  # a save from a row version that is no longer current


def row_version_triggers(schema):
    """Every update of a versioned row increments its row version and stamps who and when
    (the same protocol as :func:`.sql.row_version_triggers`)."""
    body = """
  IF NEW.row_version < 0 THEN  -- the writer states the version it loaded: -3 = "I loaded version 3"
    IF -NEW.row_version <> OLD.row_version THEN
      RAISE EXCEPTION USING ERRCODE = 'TF409', MESSAGE = {message};
    END IF;
    NEW.row_version := OLD.row_version + 1;
  ELSIF NEW.row_version < OLD.row_version THEN
    RAISE EXCEPTION USING ERRCODE = 'TF409', MESSAGE = {message};
  ELSIF NEW.row_version = OLD.row_version THEN
    NEW.row_version := OLD.row_version + 1;
  END IF;
  NEW.updated_at := now();
  NEW.updated_by := session_user;
  RETURN NEW;""".format(message=lit(ROW_VERSION_CONFLICT))
    statements = [_function(schema, "row_version", body, definer=False)]
    for table in VERSIONED_TABLES:
        statements.append(_trigger(schema, "row_version", "BEFORE UPDATE", table, "row_version"))
    return statements


def audit_triggers(schema):
    """The audit trail, written by the database as the session's user (``session_user``)."""
    body = """
  IF TG_OP <> 'INSERT' THEN old_values := to_jsonb(OLD) - 'fid' - 'geom'; END IF;
  IF TG_OP <> 'DELETE' THEN new_values := to_jsonb(NEW) - 'fid' - 'geom'; END IF;
  IF TG_OP = 'UPDATE' AND old_values - 'row_version' - 'updated_at' - 'updated_by'
      = new_values - 'row_version' - 'updated_at' - 'updated_by'
      AND NOT (to_jsonb(OLD) ? 'geom' AND (to_jsonb(OLD) -> 'geom') IS DISTINCT FROM (to_jsonb(NEW) -> 'geom')) THEN
    RETURN NULL;
  END IF;
  INSERT INTO audit_log (table_name, row_uid, operation, "by", row_version, old_values, new_values)
  VALUES (TG_TABLE_NAME, (coalesce(new_values, old_values) ->> 'uid')::uuid, lower(TG_OP), session_user,
          (coalesce(new_values, old_values) ->> 'row_version')::integer, old_values::text, new_values::text);
  RETURN NULL;"""
    statements = [_function(schema, "audit", body, declare="  old_values jsonb;\n  new_values jsonb;")]
    for table in AUDITED_TABLES:
        statements.append(audit_trigger(schema, table))
    return statements


def audit_trigger(schema, table):
    return _trigger(schema, "audit", "AFTER INSERT OR UPDATE OR DELETE", table, "audit")


def projects_table(schema):
    """QGIS's postgresql project storage table, created beforehand so that grants cover it."""
    return ("CREATE TABLE {}.{} (name text PRIMARY KEY, metadata jsonb, content bytea)".format(
        q(schema), q(PROJECTS_TABLE)))


def schema_statements(schema, srid):
    """Every statement creating the workspace's schema, tables, indexes and triggers."""
    statements = ["CREATE SCHEMA {}".format(q(schema))]
    for table in TABLES:
        statements.append(create_table(schema, table, srid))
        statements.extend(create_indexes(schema, table))
    statements.extend(rule_triggers(schema))
    statements.extend(row_version_triggers(schema))
    statements.extend(audit_triggers(schema))
    statements.append(projects_table(schema))
    return statements


def create_roles_statements(schema):
    """Create the three roles (if missing) and make the current user an administrator."""
    roles = role_names(schema)
    statements = []
    for kind in ("reader", "editor", "admin"):
        statements.append(
            "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {name}) THEN "
            "CREATE ROLE {role} NOLOGIN; END IF; END $$".format(name=lit(roles[kind]), role=q(roles[kind])))
    statements += [
        "GRANT {} TO {}".format(q(roles["reader"]), q(roles["editor"])),
        "GRANT {} TO {}".format(q(roles["editor"]), q(roles["admin"])),
        # Administrators grant the reader and editor roles to their colleagues.
        "GRANT {}, {} TO {} WITH ADMIN OPTION".format(q(roles["reader"]), q(roles["editor"]), q(roles["admin"])),
        "GRANT {} TO CURRENT_USER".format(q(roles["admin"])),
    ]
    return statements


# Rows that name a flow or a synergy (participants, synergy events, link reviews, and the audit
# trail's entries about any of them) are seen by whoever may see those flows and synergies: they
# would otherwise tell readers and other editors that an advisor-level flow exists, and its values.
LINKED_TABLES = {"synergy_participants": [("synergies", "synergy_uid"), ("flows", "flow_uid")],
                 "synergy_events": [("synergies", "synergy_uid")],
                 "link_reviews": [("flows", "offer_flow_uid"), ("flows", "need_flow_uid")]}
VISIBILITY_FUNCTIONS = ["hidden_rows()"]
HIDDEN_LEVEL = "advisor"


def _hidden_values(values):
    """SQL: the audit values ``values`` (JSON text) are an advisor-level row of someone else."""
    return ("coalesce({v}::jsonb ->> 'confidentiality' = {level} AND ({v}::jsonb ->> 'advisor') IS DISTINCT FROM "
            "session_user, false)").format(v=values, level=lit(HIDDEN_LEVEL))


def visibility_functions(schema):
    """``hidden_rows()``: the uids of the flows and synergies the session's user may not see
    (advisor-level rows of someone else, deleted ones included, as the audit trail last saw
    them), for the policies of the tables that name them.

    SECURITY DEFINER (owned by the workspace's administrators, who bypass row-level security),
    so that it sees what it judges; ``session_user`` is still the user asking. A policy calls it
    once per statement (``(SELECT hidden_rows())`` is an init plan), not once per row."""
    deleted = _hidden_values("old_values")
    function = """
CREATE OR REPLACE FUNCTION {s}."hidden_rows"() RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = {s}, pg_temp AS $body$
  SELECT coalesce(array_agg(uid), '{{}}') FROM (
    SELECT uid FROM flows WHERE confidentiality = {level} AND advisor IS DISTINCT FROM session_user
    UNION ALL
    SELECT uid FROM synergies WHERE confidentiality = {level} AND advisor IS DISTINCT FROM session_user
    UNION ALL
    SELECT row_uid FROM audit_log WHERE operation = 'delete' AND table_name IN ('flows', 'synergies') AND {deleted}
  ) hidden
$body$""".format(s=q(schema), level=lit(HIDDEN_LEVEL), deleted=deleted).strip()
    roles = role_names(schema)
    statements = [function]
    for signature in VISIBILITY_FUNCTIONS:
        statements += [
            "ALTER FUNCTION {}.{} OWNER TO {}".format(q(schema), signature, q(roles["admin"])),
            "REVOKE ALL ON FUNCTION {}.{} FROM PUBLIC".format(q(schema), signature),
            "GRANT EXECUTE ON FUNCTION {}.{} TO {}".format(q(schema), signature, q(roles["reader"])),
        ]
    statements.append("CREATE INDEX IF NOT EXISTS \"ix_audit_log_deletes\" ON {}.\"audit_log\" (\"table_name\") "
                      "WHERE operation = 'delete'".format(q(schema)))
    return statements


def _hidden(schema):
    # an expression, not a subquery (``= ANY (SELECT ...)`` would compare with each row)
    return "(SELECT {}.\"hidden_rows\"())::uuid[]".format(q(schema))


def audit_policy(schema):
    """Who reads an audit entry: anyone for companies; for the rest, whoever may see the row it
    records and every flow and synergy it names, and only when its old and new values are not an
    advisor-level row of someone else (a text search spares parsing the JSON of most entries)."""
    hidden = _hidden(schema)
    names = sorted({c for references in LINKED_TABLES.values() for _t, c in references})
    named = "ARRAY[{}]::uuid[]".format(", ".join("{v}::jsonb ->> {c}".format(v=v, c=lit(c))
                                                 for v in ("old_values", "new_values") for c in names))
    mentions = " OR ".join("strpos(coalesce({v}, ''), {p}) > 0".format(v=v, p=lit(p))
                           for v in ("old_values", "new_values") for p in (': "{}"'.format(HIDDEN_LEVEL),
                                                                           ':"{}"'.format(HIDDEN_LEVEL)))
    return ("table_name = 'companies' OR ("
            "NOT (row_uid = ANY ({hidden})) "
            "AND (table_name NOT IN ({linked}) OR cardinality({hidden}) = 0 OR NOT coalesce({named} && {hidden}, false)) "
            "AND (NOT ({mentions}) OR NOT ({old} OR {new})))").format(
        hidden=hidden, linked=", ".join(lit(t) for t in LINKED_TABLES), named=named, mentions=mentions,
        old=_hidden_values("old_values"), new=_hidden_values("new_values"))


def _policies(schema, table, reader_sees, editor_writes):
    """Row-level security of ``table``: readers (and so everybody) read the rows where
    ``reader_sees``, editors write the rows where ``editor_writes`` (idempotent: upgrades re-run it)."""
    roles = role_names(schema)
    t = "{}.{}".format(q(schema), q(table))
    statements = ["ALTER TABLE {} ENABLE ROW LEVEL SECURITY".format(t)]
    statements += ["DROP POLICY IF EXISTS {} ON {}".format(q(name), t) for name in ("read", "insert", "update", "delete")]
    statements.append("CREATE POLICY \"read\" ON {} FOR SELECT TO {} USING ({})".format(t, q(roles["reader"]), reader_sees))
    if editor_writes is not None:
        editor = q(roles["editor"])
        statements += [
            "CREATE POLICY \"insert\" ON {} FOR INSERT TO {} WITH CHECK ({})".format(t, editor, editor_writes),
            "CREATE POLICY \"update\" ON {} FOR UPDATE TO {} USING ({}) WITH CHECK ({})".format(
                t, editor, editor_writes, editor_writes),
            "CREATE POLICY \"delete\" ON {} FOR DELETE TO {} USING ({})".format(t, editor, editor_writes),
        ]
    return statements


def linked_security_statements(schema):
    """Row-level security of the tables that name flows and synergies, and of the audit trail."""
    statements = []
    hidden = _hidden(schema)
    for table, references in LINKED_TABLES.items():
        visible = " AND ".join("NOT coalesce({} = ANY ({}), false)".format(q(c), hidden) for _t, c in references)
        statements += _policies(schema, table, visible, visible)
    # The audit trail is read like the rows it records: an advisor-level flow's history only by its
    # advisor (and administrators), and so the entries of the participants, events and reviews
    # naming it. Nobody but the triggers writes it.
    statements += _policies(schema, "audit_log", audit_policy(schema), None)
    return statements


# The entries of workspace_info an editor's analysis writes (workspace/analysis.py: when it ran,
# per table, and with which settings); the others (name, CRS, schema version) are the
# administrators'.
ANALYSIS_INFO = "key IN ('analysed_at', 'analysis_settings') OR starts_with(key, 'analysed_at:')"


def workspace_info_statements(schema):
    """Editors stamp their analyses in workspace_info, and only that (idempotent)."""
    editor = q(role_names(schema)["editor"])
    return (["GRANT INSERT, UPDATE, DELETE ON {}.\"workspace_info\" TO {}".format(q(schema), editor)]
            + _policies(schema, "workspace_info", "true", ANALYSIS_INFO))


def login_defaults(schema, tables=None):
    """The "who" columns (advisor, by, updated_by) default to the database login (idempotent)."""
    # IF EXISTS: a version 1 workspace gets them at the version 2 step, before later tables exist
    return ["ALTER TABLE IF EXISTS {}.{} ALTER COLUMN {} SET DEFAULT session_user".format(q(schema), q(table.name), q(column.name))
            for table in TABLES for column in table.columns if column.default_expression == USER_EXPRESSION
            and (tables is None or table.name in tables)]


# The tables of schema version 2 (later versions add theirs with their own migration).
VERSION_2_TABLES = [t.name for t in TABLES if t.name not in ("vocabulary", "emission_factors")]


def emission_factor_statements(schema):
    """Emission factors in a team workspace: every reader reads them, editors keep them (idempotent)."""
    roles = role_names(schema)
    t = "{}.\"emission_factors\"".format(q(schema))
    return (["ALTER TABLE {} OWNER TO {}".format(t, q(roles["admin"])), "REVOKE ALL ON {} FROM PUBLIC".format(t),
             "GRANT SELECT ON {} TO {}".format(t, q(roles["reader"])),
             "GRANT INSERT, UPDATE, DELETE ON {} TO {}".format(t, q(roles["editor"])),
             "GRANT USAGE, SELECT ON SEQUENCE {}.\"emission_factors_fid_seq\" TO {}".format(q(schema), q(roles["editor"]))]
            + _policies(schema, "emission_factors", "true", "true"))


def upgrade_to_5_statements(schema, srid):
    """Schema version 5 for a version 4 team workspace: the emission factors table, its grants,
    row-level security and audit trigger (the shipped factors are written by the migration)."""
    table = TABLES_BY_NAME["emission_factors"]
    return ([create_table(schema, table, srid)] + create_indexes(schema, table)
            + [audit_trigger(schema, "emission_factors")] + emission_factor_statements(schema))


def upgrade_to_2_statements(schema):
    """Schema version 2 for a version 1 team workspace (idempotent): synergy events audited;
    participants, events, reviews and audit entries as visible as the flows and synergies they
    name; editors' analyses stamped in workspace_info; the "who" columns default to the login."""
    return (["DROP TRIGGER IF EXISTS \"audit\" ON {}.\"synergy_events\"".format(q(schema)),
             audit_trigger(schema, "synergy_events")]
            + visibility_functions(schema) + linked_security_statements(schema)
            + workspace_info_statements(schema) + login_defaults(schema, VERSION_2_TABLES))


# Learned words: every role reads them; editors add words as themselves and may correct a
# colleague's (the corrected word is then theirs).
VOCABULARY_WRITES = "\"by\" = session_user"


def vocabulary_security_statements(schema):
    """Row-level security of the learned words (idempotent)."""
    return _policies(schema, "vocabulary", "true", None) + [
        "CREATE POLICY \"insert\" ON {}.\"vocabulary\" FOR INSERT TO {} WITH CHECK ({})".format(
            q(schema), q(role_names(schema)["editor"]), VOCABULARY_WRITES),
        "CREATE POLICY \"update\" ON {}.\"vocabulary\" FOR UPDATE TO {} USING (true) WITH CHECK ({})".format(
            q(schema), q(role_names(schema)["editor"]), VOCABULARY_WRITES),
        "CREATE POLICY \"delete\" ON {}.\"vocabulary\" FOR DELETE TO {} USING ({})".format(
            q(schema), q(role_names(schema)["editor"]), VOCABULARY_WRITES),
    ]


def upgrade_to_4_statements(schema):
    """Schema version 4 for a version 3 team workspace (idempotent): the learned words, with their
    grants, row-level security, audit trail and login default."""
    from .schema import VOCABULARY

    roles = role_names(schema)
    t = "{}.\"vocabulary\"".format(q(schema))
    return ([create_table(schema, VOCABULARY, 0).replace("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ", 1)]
            + [s.replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", 1) for s in create_indexes(schema, VOCABULARY)]
            + ["ALTER TABLE {} OWNER TO {}".format(t, q(roles["admin"])),
               "REVOKE ALL ON {} FROM PUBLIC".format(t),
               "GRANT SELECT ON {} TO {}".format(t, q(roles["reader"])),
               "GRANT INSERT, UPDATE, DELETE ON {} TO {}".format(t, q(roles["editor"])),
               "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {} TO {}".format(q(schema), q(roles["editor"])),
               "DROP TRIGGER IF EXISTS \"audit\" ON {}".format(t),
               audit_trigger(schema, "vocabulary")]
            + vocabulary_security_statements(schema) + login_defaults(schema))


def security_statements(schema):
    """Ownership, grants and row-level security of the workspace in ``schema``."""
    roles = role_names(schema)
    reader, editor, admin = (q(roles[k]) for k in ("reader", "editor", "admin"))
    s = q(schema)
    statements = ["ALTER SCHEMA {} OWNER TO {}".format(s, admin),
                  "REVOKE ALL ON SCHEMA {} FROM PUBLIC".format(s),
                  "GRANT USAGE ON SCHEMA {} TO {}".format(s, reader)]
    for table in [t.name for t in TABLES] + [PROJECTS_TABLE]:
        statements.append("ALTER TABLE {}.{} OWNER TO {}".format(s, q(table), admin))
        statements.append("REVOKE ALL ON {}.{} FROM PUBLIC".format(s, q(table)))
        statements.append("GRANT SELECT ON {}.{} TO {}".format(s, q(table), reader))
    for function in ("confidentiality_rank()", "rule_flows()", "rule_synergies()", "rule_participants()",
                     "row_version()", "audit()"):
        name = function.replace("()", "")
        signature = "(text)" if name == "confidentiality_rank" else "()"
        statements.append("ALTER FUNCTION {}.{}{} OWNER TO {}".format(s, q(name), signature, admin))
    for table in EDITOR_TABLES + analysis_tables():
        statements.append("GRANT INSERT, UPDATE, DELETE ON {}.{} TO {}".format(s, q(table), editor))
    statements.append("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {} TO {}".format(s, editor))
    visible = "confidentiality <> 'advisor' OR advisor = session_user"
    for table in CONFIDENTIAL_TABLES:
        t = "{}.{}".format(s, q(table))
        statements += [
            "ALTER TABLE {} ENABLE ROW LEVEL SECURITY".format(t),
            "CREATE POLICY \"read\" ON {} FOR SELECT TO {} USING ({})".format(t, reader, visible),
            "CREATE POLICY \"insert\" ON {} FOR INSERT TO {} WITH CHECK ({})".format(t, editor, visible),
            "CREATE POLICY \"update\" ON {} FOR UPDATE TO {} USING ({}) WITH CHECK ({})".format(
                t, editor, visible, visible),
            "CREATE POLICY \"delete\" ON {} FOR DELETE TO {} USING ({})".format(t, editor, visible),
        ]
    # Analysis results derived from advisor-level flows stay with administrators (those tables
    # have no advisor column to tell whose they are); editors replace them whole.
    for table in analysis_tables():
        t = "{}.{}".format(s, q(table))
        statements.append("ALTER TABLE {} ENABLE ROW LEVEL SECURITY".format(t))
        if "confidentiality" in TABLES_BY_NAME[table].column_names:
            statements.append("CREATE POLICY \"read\" ON {} FOR SELECT TO {} USING "
                              "(confidentiality IS DISTINCT FROM 'advisor')".format(t, reader))
        else:
            statements.append("CREATE POLICY \"read\" ON {} FOR SELECT TO {} USING (true)".format(t, reader))
        statements += [
            "CREATE POLICY \"insert\" ON {} FOR INSERT TO {} WITH CHECK (true)".format(t, editor),
            "CREATE POLICY \"update\" ON {} FOR UPDATE TO {} USING (true) WITH CHECK (true)".format(t, editor),
            "CREATE POLICY \"delete\" ON {} FOR DELETE TO {} USING (true)".format(t, editor),
        ]
    statements += visibility_functions(schema) + linked_security_statements(schema)
    statements += (workspace_info_statements(schema) + vocabulary_security_statements(schema)
                   + _policies(schema, "emission_factors", "true", "true"))
    return statements


def styles_grants(schema, styles_table):
    """Grants on QGIS's ``layer_styles`` table (``styles_table`` is its qualified, quoted name)."""
    roles = role_names(schema)
    return ["GRANT SELECT ON {} TO {}".format(styles_table, q(roles["reader"])),
            "GRANT INSERT, UPDATE, DELETE ON {} TO {}".format(styles_table, q(roles["admin"]))]


def drop_statements(schema):
    """Remove the workspace's schema and roles (tests, and a failed creation)."""
    roles = role_names(schema)
    statements = ["DROP SCHEMA IF EXISTS {} CASCADE".format(q(schema))]
    for kind in ("admin", "editor", "reader"):
        statements.append(
            "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {name}) THEN "
            "EXECUTE 'DROP OWNED BY {role}'; EXECUTE 'DROP ROLE {role}'; END IF; END $$".format(
                name=lit(roles[kind]), role=q(roles[kind]).replace("'", "''")))
    return statements
