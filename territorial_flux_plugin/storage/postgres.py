"""Team workspaces: a workspace stored in a PostgreSQL/PostGIS schema.

The reference string of a team workspace, accepted wherever a GeoPackage path is (every
algorithm's ``WORKSPACE`` parameter, :class:`~.workspace.Workspace`, ``qgis_process``)::

    postgres:connection=NAME;schema=SCHEMA     NAME: a PostgreSQL connection saved in QGIS
    postgres:service=NAME;schema=SCHEMA        NAME: a service of the pg_service.conf file

Layers and the project stored in the database reach the server through the connection's
service or authentication configuration (authcfg) and user name, never a password: a password
saved in a QGIS connection is used by the plugin to connect but is never written into layers
or projects (libpq then finds it in the service file, ~/.pgpass or the QGIS authentication
database).
"""

import datetime
import os

from qgis.core import (
    QgsCoordinateReferenceSystem, QgsDataSourceUri, QgsProject, QgsProviderRegistry,
    QgsVectorLayer, QgsWkbTypes,
)

from ..__about__ import __version__
from ..domain.messages import QT_TRANSLATE_NOOP, Message
from . import postgres_sql as postgis
from .database import Database
from .geopackage import MIGRATIONS, WorkspaceError
from ..domain.nomenclature import display, naf_rows, resource_rows
from .schema import SCHEMA_VERSION, TABLES_BY_NAME
from ..project.build import PROJECT_NAME, Workspace, build_project

PREFIX = "postgres:"
WKB_TYPES = {"POINT": QgsWkbTypes.Point, "MULTILINESTRING": QgsWkbTypes.MultiLineString,
             "MULTIPOLYGON": QgsWkbTypes.MultiPolygon}


def is_reference(text):
    return str(text or "").strip().lower().startswith(PREFIX)


def parse_reference(text):
    """``{'connection' or 'service': NAME, 'schema': SCHEMA}`` from a reference string."""
    text = str(text or "").strip()
    if not is_reference(text):
        raise WorkspaceError(Message(QT_TRANSLATE_NOOP(
            "Validation", "{reference} is not a team workspace reference; write "
                          "postgres:connection=NAME;schema=SCHEMA or postgres:service=NAME;schema=SCHEMA."),
            reference=text))
    parts = {}
    for item in text[len(PREFIX):].split(";"):
        if not item.strip():
            continue
        key, _, value = item.partition("=")
        parts[key.strip().lower()] = value.strip()
    unknown = set(parts) - {"connection", "service", "schema"}
    if unknown or not parts.get("schema") or (bool(parts.get("connection")) == bool(parts.get("service"))):
        raise WorkspaceError(Message(QT_TRANSLATE_NOOP(
            "Validation", "{reference} is not a team workspace reference; write "
                          "postgres:connection=NAME;schema=SCHEMA or postgres:service=NAME;schema=SCHEMA."),
            reference=text))
    return parts


def format_reference(schema, connection=None, service=None):
    if connection:
        return "{}connection={};schema={}".format(PREFIX, connection, schema)
    return "{}service={};schema={}".format(PREFIX, service, schema)


def saved_connections():
    """The names of the PostgreSQL connections saved in QGIS."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    return sorted(metadata.connections(False).keys()) if metadata is not None else []


def _connection_uri(name):
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    if metadata is None or name not in metadata.connections(False):
        raise WorkspaceError(Message(QT_TRANSLATE_NOOP(
            "Validation", "QGIS has no PostgreSQL connection named {name}: add it in the Browser panel "
                          "(PostgreSQL → New Connection) first."), name=name))
    return QgsDataSourceUri(metadata.createConnection(name).uri())


def stores_a_password(connection):
    """True when the QGIS connection keeps a plain password (no service, no authcfg): the plugin
    never writes it into layers or projects, so each advisor then needs a service file, a
    ~/.pgpass entry or an authentication configuration to open the workspace."""
    uri = _connection_uri(connection)
    return bool(uri.password()) and not uri.service() and not uri.authConfigId()


class PostgisWorkspace(Workspace):
    """A workspace stored in a PostgreSQL schema (see the module's reference string)."""

    storage = "postgis"

    def __init__(self, reference):
        parts = parse_reference(reference)
        self.schema = parts["schema"]
        self.connection_name = parts.get("connection")
        self.service = parts.get("service")
        # ``path`` (and ``reference``) is the normalised reference string: there is no file.
        self.path = format_reference(self.schema, self.connection_name, self.service)

    def __repr__(self):
        return "Workspace({!r})".format(self.reference)

    # --- connection ---------------------------------------------------------------------------
    def _uri_with_credentials(self):
        if self.connection_name:
            return _connection_uri(self.connection_name)
        uri = QgsDataSourceUri()
        uri.setConnection(self.service, "", "", "")
        return uri

    def base_uri(self):
        """Connection part of layer and project URIs: service or host, user, authcfg; no password."""
        uri = QgsDataSourceUri(self._uri_with_credentials().uri(False))
        uri.setPassword("")
        return uri

    def connection_info(self):
        """A libpq connection string with the credentials (authcfg expanded): for the plugin only."""
        return self._uri_with_credentials().connectionInfo(True)

    def database(self):
        """A :class:`~.database.Database` on the workspace's schema (autocommit outside transactions)."""
        import psycopg2

        try:
            # an unreachable server answers within seconds, not after libpq's endless default
            connection = psycopg2.connect(self.connection_info(), connect_timeout=10)
        except psycopg2.Error as error:
            raise WorkspaceError(Message(QT_TRANSLATE_NOOP(
                "Validation", "Cannot connect to the server of {reference}: {error}"),
                reference=self.reference, error=str(error).strip()))
        connection.autocommit = True
        return Database(connection, "postgres", self.schema)

    # --- what QGIS sees -----------------------------------------------------------------------
    @property
    def info(self):
        database = self.database()
        try:
            return {r["key"]: r["value"] for r in database.rows("SELECT key, value FROM {t:workspace_info}")}
        except Exception:
            return {}
        finally:
            database.close()

    @property
    def name(self):
        return self.info.get("name", self.schema)

    @property
    def project_uri(self):
        uri = self.base_uri()
        user = uri.username()
        host = "" if uri.service() else "{}{}{}".format(
            (user + "@") if user else "", uri.host(), (":" + uri.port()) if uri.port() else "")
        query = []
        if uri.service():
            query.append(("service", uri.service()))
        if uri.authConfigId():
            query.append(("authcfg", uri.authConfigId()))
        if uri.database():
            query.append(("dbname", uri.database()))
        query += [("schema", self.schema), ("project", PROJECT_NAME)]
        return "postgresql://{}?{}".format(host, "&".join("{}={}".format(k, v) for k, v in query))

    def uri(self, table):
        uri = self.base_uri()
        definition = TABLES_BY_NAME.get(table)
        geometry = "geom" if definition is not None and definition.geometry else None
        uri.setDataSource(self.schema, table, geometry, "", "fid")
        if geometry:
            uri.setSrid(str(self.srid))
            uri.setWkbType(WKB_TYPES[definition.geometry])
        return uri.uri(False)

    @property
    def srid(self):
        if not hasattr(self, "_srid"):
            self._srid = self.crs.postgisSrid() or 2154
        return self._srid

    def layer(self, table, name=None):
        layer = QgsVectorLayer(self.uri(table), name or table, "postgres")
        if not layer.isValid():
            raise WorkspaceError(Message(QT_TRANSLATE_NOOP(
                "Validation", "Cannot read the table {table} of {path}."), table=table, path=self.reference))
        return layer

    def can_write(self, table="flows"):
        """True when the current database user may change rows of ``table`` (editors, administrators)."""
        database = self.database()
        try:
            return bool(database.rows("SELECT has_table_privilege(?, 'UPDATE') AS w",
                                      ("{}.{}".format(postgis.q(self.schema), postgis.q(table)),))[0]["w"])
        finally:
            database.close()

    def check_version(self):
        """``'current'`` or ``'older'``; raises WorkspaceError for a newer or foreign schema."""
        info = self.info
        if "schema_version" not in info:
            raise WorkspaceError(Message(QT_TRANSLATE_NOOP(
                "Validation", "{path} is not a Territorial Flux workspace."), path=self.reference))
        version = int(info["schema_version"])
        if version > SCHEMA_VERSION:
            raise WorkspaceError(Message(QT_TRANSLATE_NOOP(
                "Validation", "{path} was made by a newer Territorial Flux (schema version {found}; this "
                              "plugin knows up to {known}). Update the plugin to open it."),
                path=self.reference, found=version, known=SCHEMA_VERSION))
        return "older" if version < SCHEMA_VERSION else "current"


def _now():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _write_nomenclatures(database):
    cursor = database.connection.cursor()
    cursor.executemany(database.sql(
        "INSERT INTO {t:resource_nomenclature} (code, parent_code, level, family, hazardous, label_en, "
        "label_fr, display_en, display_fr) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        [(r["code"], r["parent_code"], r["level"], r["family"], bool(r["hazardous"]), r["label_en"],
          r["label_fr"], display(r["code"] + ("*" if r["hazardous"] else ""), r["label_en"]),
          display(r["code"] + ("*" if r["hazardous"] else ""), r["label_fr"]))
         for r in resource_rows()])
    cursor.executemany(database.sql(
        "INSERT INTO {t:naf_nomenclature} (code, label_fr, label_en, display_en, display_fr) "
        "VALUES (?, ?, ?, ?, ?)"),
        [(r["code"], r["label_fr"], r["label_en"], display(r["code"], r["label_en"] or r["label_fr"]),
          display(r["code"], r["label_fr"])) for r in naf_rows()])


def create_postgis_workspace(connection, schema, name, crs=None, feedback=None):
    """Create a team workspace in ``schema`` of the server of the QGIS ``connection``.

    Creates the schema, tables, rules, audit trail, the three roles with their grants and
    row-level security, the nomenclatures, the default styles (QGIS's ``layer_styles``) and
    the QGIS project stored in the database. Run once, by an administrator allowed to create
    schemas and roles. Returns the :class:`PostgisWorkspace`.
    """
    crs = crs if crs is not None and crs.isValid() else QgsCoordinateReferenceSystem("EPSG:2154")
    if not (name or "").strip():
        raise WorkspaceError(Message(QT_TRANSLATE_NOOP("Validation", "Give the workspace a name.")))
    if not postgis.valid_schema_name(schema):
        raise WorkspaceError(Message(QT_TRANSLATE_NOOP(
            "Validation", "{schema} cannot name a team workspace: use lowercase letters, digits and _, "
                          "starting with a letter (at most 41 characters)."), schema=schema))
    srid = crs.postgisSrid()
    workspace = PostgisWorkspace(format_reference(schema, connection=connection))
    database = workspace.database()
    try:
        if database.rows("SELECT 1 AS x FROM pg_namespace WHERE nspname = ?", (schema,)):
            raise WorkspaceError(Message(QT_TRANSLATE_NOOP(
                "Validation", "The schema {schema} already exists on this server: choose another name."),
                schema=schema))
        if not database.rows("SELECT 1 AS x FROM pg_extension WHERE extname = 'postgis'"):
            try:
                database.execute("CREATE EXTENSION postgis")
            except Exception as error:
                raise WorkspaceError(Message(QT_TRANSLATE_NOOP(
                    "Validation", "PostGIS is not enabled in this database and cannot be enabled by you: "
                                  "{error}"), error=str(error).strip()))
        if not srid or not database.rows("SELECT 1 AS x FROM spatial_ref_sys WHERE srid = ?", (srid,)):
            raise WorkspaceError(Message(QT_TRANSLATE_NOOP(
                "Validation", "PostGIS does not know the coordinate reference system {crs}: choose an EPSG one."),
                crs=crs.authid()))
        try:
            with database.transaction():
                for statement in postgis.create_roles_statements(schema) + postgis.schema_statements(schema, srid):
                    database.execute(statement)
                _write_nomenclatures(database)
                info = {"name": name.strip(), "crs": crs.authid(), "schema_version": str(SCHEMA_VERSION),
                        "plugin_version": __version__, "created_at": _now(), "created_by": database.user,
                        "updated_at": _now()}
                database.connection.cursor().executemany(
                    database.sql("INSERT INTO {t:workspace_info} (key, value) VALUES (?, ?)"), list(info.items()))
                for statement in postgis.security_statements(schema):
                    database.execute(statement)
        except WorkspaceError:
            raise
        except Exception as error:
            raise WorkspaceError(Message(QT_TRANSLATE_NOOP(
                "Validation", "Cannot create the team workspace {schema}: {error}"),
                schema=schema, error=str(error).strip()))
        try:
            project = build_project(workspace)
            project.clear()
            styles = database.rows("SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS t "
                                   "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                   "WHERE c.relname = 'layer_styles' AND c.relkind = 'r' ORDER BY n.nspname = 'public' DESC")
            if styles:
                for statement in postgis.styles_grants(schema, styles[0]["t"]):
                    database.execute(statement)
                database.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {}".format(
                    postgis.q(postgis.role_names(schema)["admin"])))
        except Exception:
            for statement in postgis.drop_statements(schema)[:1]:
                database.execute(statement)
            raise
    finally:
        database.close()
    return workspace


def create_from_reference(reference, name, crs=None):
    """:func:`create_postgis_workspace` for ``postgres:connection=NAME;schema=SCHEMA``."""
    parts = parse_reference(reference)
    if not parts.get("connection"):
        raise WorkspaceError(Message(QT_TRANSLATE_NOOP(
            "Validation", "A team workspace is created through a PostgreSQL connection saved in QGIS: "
                          "write postgres:connection=NAME;schema=SCHEMA.")))
    return create_postgis_workspace(parts["connection"], parts["schema"], name, crs)


def open_team_workspace(workspace, project=None):
    """Load the project stored in a team workspace into ``project`` (QGIS's current one by default).

    A team workspace is never upgraded implicitly: an older one is refused with a message
    saying that an administrator must run territorialflux:upgradeworkspace.
    """
    project = project if project is not None else QgsProject.instance()
    open_team_workspace_check(workspace)
    if not project.read(workspace.project_uri):
        raise WorkspaceError(Message(QT_TRANSLATE_NOOP(
            "Validation", "Cannot read the project stored in {path}: {error}"),
            path=workspace.reference, error=project.error()))
    repoint_layers(workspace, project)
    return workspace, None


def open_team_workspace_check(workspace):
    """Raise WorkspaceError unless the team workspace is reachable and at this plugin's schema version."""
    if workspace.check_version() == "older":
        raise WorkspaceError(Message(QT_TRANSLATE_NOOP(
            "Validation", "The team workspace {path} uses an older schema (version {found}; this plugin "
                          "uses {known}). An administrator must upgrade it first with Territorial Flux → "
                          "Upgrade workspace (territorialflux:upgradeworkspace)."),
            path=workspace.reference, found=workspace.info.get("schema_version"), known=SCHEMA_VERSION))


def layer_table(layer):
    """``(schema, table)`` of a PostGIS layer, else None."""
    if layer.providerType() != "postgres":
        return None
    uri = QgsDataSourceUri(layer.source())
    return uri.schema(), uri.table()


def repoint_layers(workspace, project):
    """Make the project's layers use this user's connection (service/authcfg) to the workspace,
    and leave the "who" columns to the server (a project stored before it did so)."""
    from ..project.forms import leave_logins_to_the_server

    for layer in project.mapLayers().values():
        found = layer_table(layer)
        if not found or found[0] != workspace.schema or found[1] not in TABLES_BY_NAME:
            continue
        expected = workspace.uri(found[1])
        if layer.source() != expected:
            layer.setDataSource(expected, layer.name(), "postgres")
        leave_logins_to_the_server(layer, found[1])


def workspace_of_layer(layer):
    """The PostgisWorkspace a layer reads, from its service or a saved connection to the same database."""
    found = layer_table(layer)
    if not found:
        return None
    uri = QgsDataSourceUri(layer.source())
    if uri.service():
        return PostgisWorkspace(format_reference(found[0], service=uri.service()))
    for name in saved_connections():
        candidate = _connection_uri(name)
        if (candidate.host(), candidate.port() or "5432", candidate.database()) == (
                uri.host(), uri.port() or "5432", uri.database()):
            return PostgisWorkspace(format_reference(found[0], connection=name))
    return None


def upgrade(workspace):
    """Bring a workspace's schema to this plugin's version in one transaction.

    Returns ``(from_version, to_version)``. For a GeoPackage a backup copy is written first
    (see :func:`.gpkg.migrate`); a PostGIS workspace is migrated by its administrator, inside one
    transaction that leaves it unchanged on any failure.
    """
    from . import geopackage as gpkg

    if workspace.storage == "geopackage":
        before = int(gpkg.read_info(workspace.path).get("schema_version", 0) or 0)
        try:
            gpkg.migrate(workspace.path)
        except WorkspaceError:
            raise
        except Exception as error:
            raise WorkspaceError(Message(QT_TRANSLATE_NOOP(
                "Validation", "The upgrade of {path} failed and nothing was changed: {error}"),
                path=workspace.path, error=str(error).strip()))
        return before, max(before, SCHEMA_VERSION)
    status = workspace.check_version()
    version = int(workspace.info["schema_version"])
    if status == "current":
        return version, version
    database = workspace.database()
    try:
        _migrate(database, workspace, version)
    except WorkspaceError:
        raise
    except Exception as error:
        raise WorkspaceError(Message(QT_TRANSLATE_NOOP(
            "Validation", "The upgrade of {path} failed and nothing was changed: {error}"),
            path=workspace.reference, error=str(error).strip()))
    finally:
        database.close()
    return version, SCHEMA_VERSION


def _migrate(database, workspace, version):
    """The migration steps of a PostGIS workspace, in one transaction (a step may be a list of
    statements, a callable taking the Database, or ``{'sqlite': ..., 'postgres': ...}``)."""
    with database.transaction():
        database.execute("SET LOCAL search_path = {}, public".format(postgis.q(workspace.schema)))
        for step in range(version + 1, SCHEMA_VERSION + 1):
            migration = MIGRATIONS[step]
            if isinstance(migration, dict):
                migration = migration["postgres"]
            if callable(migration):
                migration(database)
            else:
                for statement in migration:
                    database.execute(statement)
        database.execute("UPDATE {t:workspace_info} SET value = ? WHERE key = 'schema_version'",
                         (str(SCHEMA_VERSION),))
        database.execute("UPDATE {t:workspace_info} SET value = ? WHERE key = 'updated_at'", (_now(),))


# --- finding the workspaces of a server --------------------------------------------------------

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
        if self.version is None or self.version < SCHEMA_VERSION:
            return "older"
        return "newer" if self.version > SCHEMA_VERSION else "current"


def team_workspaces(connection=None, service=None):
    """The Territorial Flux workspaces of the database a saved connection or a service reaches:
    the schemas with a ``workspace_info`` table the user may read, with their names and schema
    versions. Raises WorkspaceError (a sentence) when the server cannot be reached."""
    database = PostgisWorkspace(format_reference("public", connection=connection, service=service)).database()
    try:
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
                        postgis.q(schema)))}
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
    finally:
        database.close()


__all__ = ["PostgisWorkspace", "create_postgis_workspace", "stores_a_password", "create_from_reference", "open_team_workspace",
           "parse_reference", "format_reference", "is_reference", "upgrade", "workspace_of_layer",
           "saved_connections"]
