"""Finding the team workspaces a user may open: PostgreSQL services, and the Territorial Flux
schemas of a database."""

import os

from . import postgres_sql as ddl
from . import schema
from .postgres import PostgresWorkspace, format_reference


def service_names():
    """The services of the PostgreSQL service files libpq reads (PGSERVICEFILE or ~/.pg_service.conf,
    then PGSYSCONFDIR/pg_service.conf or Debian's /etc/postgresql-common/pg_service.conf)."""
    import configparser

    files = [os.environ.get("PGSERVICEFILE") or os.path.expanduser("~/.pg_service.conf"),
             os.path.join(os.environ.get("PGSYSCONFDIR") or "/etc/postgresql-common", "pg_service.conf")]
    names = set()
    for path in files:
        parser = configparser.ConfigParser(strict=False, interpolation=None)
        try:
            parser.read(path, encoding="utf-8")
        except (configparser.Error, OSError, UnicodeDecodeError):
            continue
        names.update(parser.sections())
    return sorted(names)


class TeamWorkspaceInfo:
    """One Territorial Flux workspace found in a schema of a PostgreSQL database."""

    def __init__(self, schema, name, version, reference):
        self.schema = schema
        self.name = name or schema
        self.version = version
        self.reference = reference

    @property
    def status(self):
        """``current``, ``older`` (an administrator must upgrade it) or ``newer`` (update the plugin)."""
        if self.version is None or self.version < schema.SCHEMA_VERSION:
            return "older"
        return "newer" if self.version > schema.SCHEMA_VERSION else "current"


def team_workspaces(connection=None, service=None):
    """The Territorial Flux workspaces of the database a saved connection or a service reaches:
    the schemas with a ``workspace_info`` table the user may read, with their names and schema
    versions. Raises TerritorialFluxError (a sentence) when the server cannot be reached."""
    with PostgresWorkspace(format_reference("public", connection=connection, service=service)).opened() as database:
        schemas = [r["schema"] for r in database.rows(
            "SELECT n.nspname AS schema FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relname = 'workspace_info' AND c.relkind IN ('r', 'p', 'v') "
            "AND has_schema_privilege(n.oid, 'USAGE') AND has_table_privilege(c.oid, 'SELECT') "
            "ORDER BY n.nspname")]
        found = []
        for schema in schemas:
            try:
                info = {r["key"]: r["value"] for r in database.rows(
                    "SELECT key, value FROM {}.workspace_info WHERE key IN ('name', 'schema_version')".format(
                        ddl.q(schema)))}
            except Exception:  # noqa: BLE001 - a table of that name that is not ours
                continue
            if "schema_version" not in info:
                continue
            try:
                version = int(info["schema_version"])
            except (TypeError, ValueError):
                version = None
            found.append(TeamWorkspaceInfo(schema, info.get("name"), version,
                                           format_reference(schema, connection=connection, service=service)))
        return found
