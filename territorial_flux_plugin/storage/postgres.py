"""The PostgreSQL/PostGIS implementation of a workspace: one schema shared by a team.

The reference string of a team workspace, accepted wherever a GeoPackage path is (every
algorithm's ``WORKSPACE`` parameter, :func:`~territorial_flux_plugin.storage.workspace_at`,
``qgis_process``)::

    postgres:connection=NAME;schema=SCHEMA     NAME: a PostgreSQL connection saved in QGIS
    postgres:service=NAME;schema=SCHEMA        NAME: a service of the pg_service.conf file

Layers and the project stored in the database reach the server through the connection's
service or authentication configuration (authcfg) and user name, never a password: a password
saved in a QGIS connection is used by the plugin to connect but is never written into layers
or projects (libpq then finds it in the service file, ~/.pgpass or the QGIS authentication
database).
"""

from ..domain.errors import TerritorialFluxError
from ..domain.messages import QT_TRANSLATE_NOOP
from . import migrations, schema
from . import postgres_sql as ddl
from .base import PROJECT_NAME, Workspace, with_project_xml, write_default_factors, write_info, write_reference_lists
from .database import PostgresDatabase
from .schema import TABLES_BY_NAME

PREFIX = "postgres:"
_REFERENCE_FORM = QT_TRANSLATE_NOOP(
    "Validation", "{reference} is not a team workspace reference; write "
                  "postgres:connection=NAME;schema=SCHEMA or postgres:service=NAME;schema=SCHEMA.")


def is_reference(text):
    return str(text or "").strip().lower().startswith(PREFIX)


def parse_reference(text):
    """``{'connection' or 'service': NAME, 'schema': SCHEMA}`` from a reference string."""
    text = str(text or "").strip()
    if not is_reference(text):
        raise TerritorialFluxError(_REFERENCE_FORM, reference=text)
    parts = {}
    for item in text[len(PREFIX):].split(";"):
        if not item.strip():
            continue
        key, _, value = item.partition("=")
        parts[key.strip().lower()] = value.strip()
    unknown = set(parts) - {"connection", "service", "schema"}
    if unknown or not parts.get("schema") or (bool(parts.get("connection")) == bool(parts.get("service"))):
        raise TerritorialFluxError(_REFERENCE_FORM, reference=text)
    return parts


def format_reference(schema, connection=None, service=None):
    if connection:
        return "{}connection={};schema={}".format(PREFIX, connection, schema)
    return "{}service={};schema={}".format(PREFIX, service, schema)


def saved_connections():
    """The names of the PostgreSQL connections saved in QGIS."""
    from qgis.core import QgsProviderRegistry

    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    return sorted(metadata.connections(False).keys()) if metadata is not None else []


def connection_uri(name):
    """The QgsDataSourceUri of a PostgreSQL connection saved in QGIS (credentials included)."""
    from qgis.core import QgsDataSourceUri, QgsProviderRegistry

    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    if metadata is None or name not in metadata.connections(False):
        raise TerritorialFluxError(QT_TRANSLATE_NOOP(
            "Validation", "QGIS has no PostgreSQL connection named {name}: add it in the Browser panel "
                          "(PostgreSQL → New Connection) first."), name=name)
    return QgsDataSourceUri(metadata.createConnection(name).uri())


def stores_a_password(connection):
    """True when the QGIS connection keeps a plain password (no service, no authcfg): the plugin
    never writes it into layers or projects, so each advisor then needs a service file, a
    ~/.pgpass entry or an authentication configuration to open the workspace."""
    uri = connection_uri(connection)
    return bool(uri.password()) and not uri.service() and not uri.authConfigId()


def _wkb_types():
    from qgis.core import QgsWkbTypes

    return {"POINT": QgsWkbTypes.Type.Point, "MULTILINESTRING": QgsWkbTypes.Type.MultiLineString,
            "MULTIPOLYGON": QgsWkbTypes.Type.MultiPolygon}


class PostgresWorkspace(Workspace):
    """A workspace stored in a PostgreSQL schema (see the module's reference string)."""

    kind = "postgres"
    provider = "postgres"
    #: the server fills the "who" columns (advisor, by, updated_by) with the database login
    server_stamps_logins = True
    shared_tables_hide_advisor_level = True
    project_is_shared = True
    read_only_message = QT_TRANSLATE_NOOP(
        "Validation", "Your role in the team workspace {workspace} lets you read it, not add to it: ask an "
                      "editor or its administrator to import this file.")

    def __init__(self, reference):
        parts = parse_reference(reference)
        self.schema = parts["schema"]
        self.connection_name = parts.get("connection")
        self.service = parts.get("service")
        self._reference = format_reference(self.schema, self.connection_name, self.service)

    @classmethod
    def accepts(cls, reference):
        return is_reference(reference)

    @property
    def reference(self):
        return self._reference

    @property
    def default_name(self):
        return self.schema

    # --- connection ---------------------------------------------------------------------------
    def _uri_with_credentials(self):
        from qgis.core import QgsDataSourceUri

        if self.connection_name:
            return connection_uri(self.connection_name)
        uri = QgsDataSourceUri()
        uri.setConnection(self.service, "", "", "")
        return uri

    def base_uri(self):
        """Connection part of layer and project URIs: service or host, user, authcfg; no password."""
        from qgis.core import QgsDataSourceUri

        uri = QgsDataSourceUri(self._uri_with_credentials().uri(False))
        uri.setPassword("")
        return uri

    def connection_info(self):
        """A libpq connection string with the credentials (authcfg expanded): for the plugin only."""
        return self._uri_with_credentials().connectionInfo(True)

    def database(self, read_only=False):
        import psycopg2

        try:
            # an unreachable server answers within seconds, not after libpq's endless default
            connection = psycopg2.connect(self.connection_info(), connect_timeout=10)
        except psycopg2.Error as error:
            raise TerritorialFluxError(QT_TRANSLATE_NOOP(
                "Validation", "Cannot connect to the server of {reference}: {error}"),
                reference=self.reference, error=str(error).strip())
        connection.autocommit = True
        return PostgresDatabase(connection, self.schema, getattr(self, "_srid", None))

    def read(self, sql_text, args=()):
        with self.opened(read_only=True) as database:
            cursor = database.connection.cursor()
            cursor.execute("SET search_path = {}, public".format(ddl.q(self.schema)))
            cursor.execute(database.sql(sql_text), tuple(args))
            return cursor.fetchall()

    @property
    def srid(self):
        if not hasattr(self, "_srid"):
            self._srid = self.crs.postgisSrid() or 2154
        return self._srid

    def can_write(self, table="flows"):
        """True when the current database user may change rows of ``table`` (editors, administrators)."""
        with self.opened() as database:
            return bool(database.rows("SELECT has_table_privilege(?, 'UPDATE') AS w",
                                      ("{}.{}".format(ddl.q(self.schema), ddl.q(table)),))[0]["w"])

    @property
    def user(self):
        with self.opened() as database:
            return database.user

    @property
    def administrators(self):
        return ddl.role_names(self.schema)["admin"]

    def is_administrator(self, database):
        role = ddl.role_names(self.schema)["admin"]
        return bool(database.rows("SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) "
                                  "OR pg_has_role(session_user, ?, 'MEMBER') AS ok", (role,))[0]["ok"])

    # --- versions -------------------------------------------------------------------------------
    def prepare(self):
        """A team workspace is never upgraded implicitly: an older one is refused with a message
        saying that an administrator must run territorialflux:upgradeworkspace."""
        if self.check_version() == "older":
            raise TerritorialFluxError(QT_TRANSLATE_NOOP(
                "Validation", "The team workspace {path} uses an older schema (version {found}; this plugin "
                              "uses {known}). An administrator must upgrade it first with Territorial Flux → "
                              "Upgrade workspace (territorialflux:upgradeworkspace)."),
                path=self.reference, found=self.info.get("schema_version"), known=schema.SCHEMA_VERSION)
        return None

    def upgrade(self):
        """Migrated by its administrator, inside one transaction that leaves it unchanged on any failure."""
        status = self.check_version()
        version = int(self.info["schema_version"])
        if status == "current":
            return version, version
        try:
            with self.opened() as database, database.transaction():
                database.execute("SET LOCAL search_path = {}, public".format(ddl.q(self.schema)))
                migrations.run(database, version, "postgres")
        except TerritorialFluxError:
            raise
        except Exception as error:
            raise TerritorialFluxError(QT_TRANSLATE_NOOP(
                "Validation", "The upgrade of {path} failed and nothing was changed: {error}"),
                path=self.reference, error=str(error).strip())
        return version, schema.SCHEMA_VERSION

    # --- what QGIS sees -----------------------------------------------------------------------
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
            uri.setWkbType(_wkb_types()[definition.geometry])
        return uri.uri(False)

    @classmethod
    def _schema_and_table(cls, layer):
        from qgis.core import QgsDataSourceUri

        if layer.providerType() != "postgres":
            return None
        uri = QgsDataSourceUri(layer.source())
        return uri.schema(), uri.table()

    @classmethod
    def table_of_layer(cls, layer):
        found = cls._schema_and_table(layer)
        return found[1] if found and found[1] in TABLES_BY_NAME else None

    @classmethod
    def of_layer(cls, layer):
        """From the layer's service, or a saved connection to the same database."""
        from qgis.core import QgsDataSourceUri

        found = cls._schema_and_table(layer)
        if not found or found[1] not in TABLES_BY_NAME:
            return None
        uri = QgsDataSourceUri(layer.source())
        if uri.service():
            return cls(format_reference(found[0], service=uri.service()))
        for name in saved_connections():
            candidate = connection_uri(name)
            if (candidate.host(), candidate.port() or "5432", candidate.database()) == (
                    uri.host(), uri.port() or "5432", uri.database()):
                return cls(format_reference(found[0], connection=name))
        return None

    def owns(self, layer):
        found = self._schema_and_table(layer)
        return bool(found) and found[0] == self.schema

    def qualified(self, table):
        return "{}.{}".format(ddl.q(self.schema), ddl.q(table))

    def query_layer(self, key, sql_text, name, geometry_type):
        """A PostgreSQL query layer, through the user's connection (no password)."""
        from qgis.core import QgsVectorLayer, QgsWkbTypes

        uri = self.base_uri()
        uri.setDataSource("", "({})".format(sql_text), "geom", "", "fid")
        uri.setSrid(str(self.srid))
        uri.setWkbType(QgsWkbTypes.parseType(geometry_type))  # a query without rows is a valid empty layer
        return QgsVectorLayer(uri.uri(False), name, "postgres")

    def repoint_query_layers(self, project, marker):
        from qgis.core import QgsDataSourceUri

        for layer in project.mapLayers().values():
            if layer.customProperty(marker) is None or layer.providerType() != "postgres":
                continue
            old = QgsDataSourceUri(layer.source())
            uri = self.base_uri()
            uri.setDataSource(old.schema(), old.table(), old.geometryColumn(), old.sql(), old.keyColumn())
            if old.srid():
                uri.setSrid(old.srid())
            if uri.uri(False) != layer.source():
                layer.setDataSource(uri.uri(False), layer.name(), "postgres")

    # --- facts ----------------------------------------------------------------------------------
    def extent(self, table, where=None):
        row = self.read("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(geom) AS e "
                        "FROM {{t:{}}}{}) AS x".format(table, " WHERE " + where if where else ""))[0]
        return tuple(row) if row[0] is not None else None

    def area_has_company_sql(self, area):
        return ("EXISTS (SELECT 1 FROM {} c WHERE c.status <> 'archived' AND ST_Intersects({a}.geom, c.geom))"
                .format(self.qualified("companies"), a=area))  # the GIST index serves it

    # --- creation -------------------------------------------------------------------------------
    @classmethod
    def create(cls, reference, name, crs, overwrite=False):
        """The schema, tables, rules, audit trail, the three roles with their grants and row-level
        security, the nomenclatures and the workspace information of a new team workspace, through
        a PostgreSQL connection saved in QGIS (``postgres:connection=NAME;schema=SCHEMA``). Run once, by
        an administrator allowed to create schemas and roles; the project is added by ``project.build``.
        A schema is never overwritten (``overwrite`` is for files)."""
        parts = parse_reference(reference)
        if not parts.get("connection"):
            raise TerritorialFluxError(QT_TRANSLATE_NOOP(
                "Validation", "A team workspace is created through a PostgreSQL connection saved in QGIS: "
                              "write postgres:connection=NAME;schema=SCHEMA."))
        schema = parts["schema"]
        if not ddl.valid_schema_name(schema):
            raise TerritorialFluxError(QT_TRANSLATE_NOOP(
                "Validation", "{schema} cannot name a team workspace: use lowercase letters, digits and _, "
                              "starting with a letter (at most 41 characters)."), schema=schema)
        srid = crs.postgisSrid()
        workspace = cls(reference)
        with workspace.opened() as database:
            if database.rows("SELECT 1 AS x FROM pg_namespace WHERE nspname = ?", (schema,)):
                raise TerritorialFluxError(QT_TRANSLATE_NOOP(
                    "Validation", "The schema {schema} already exists on this server: choose another name."),
                    schema=schema)
            if not database.rows("SELECT 1 AS x FROM pg_extension WHERE extname = 'postgis'"):
                try:
                    database.execute("CREATE EXTENSION postgis")
                except Exception as error:
                    raise TerritorialFluxError(QT_TRANSLATE_NOOP(
                        "Validation", "PostGIS is not enabled in this database and cannot be enabled by you: "
                                      "{error}"), error=str(error).strip())
            if not srid or not database.rows("SELECT 1 AS x FROM spatial_ref_sys WHERE srid = ?", (srid,)):
                raise TerritorialFluxError(QT_TRANSLATE_NOOP(
                    "Validation", "PostGIS does not know the coordinate reference system {crs}: choose an EPSG one."),
                    crs=crs.authid())
            try:
                with database.transaction():
                    for statement in ddl.create_roles_statements(schema) + ddl.schema_statements(schema, srid):
                        database.execute(statement)
                    write_reference_lists(database)
                    write_default_factors(database)
                    write_info(database, name, crs.authid(), database.user)
                    for statement in ddl.security_statements(schema):
                        database.execute(statement)
            except Exception as error:
                raise TerritorialFluxError(QT_TRANSLATE_NOOP(
                    "Validation", "Cannot create the team workspace {schema}: {error}"),
                    schema=schema, error=str(error).strip())
        workspace._srid = srid
        return workspace

    def _stored_project_blob(self):
        rows = self.read("SELECT content FROM {{t:{}}} WHERE name = ?".format(ddl.PROJECTS_TABLE), (PROJECT_NAME,))
        return bytes(rows[0][0]) if rows and rows[0][0] is not None else None

    def rewrite_stored_project(self, edit):
        """Only the workspace's administrators may: the stored project is the team's."""
        with self.opened() as database, database.transaction():
            rows = database.rows("SELECT content FROM {{t:{}}} WHERE name = ? FOR UPDATE".format(
                ddl.PROJECTS_TABLE), (PROJECT_NAME,))
            if not rows or rows[0]["content"] is None:
                return False
            rewritten = with_project_xml(bytes(rows[0]["content"]), edit)
            if rewritten is None:
                return False
            database.execute("UPDATE {{t:{}}} SET content = ? WHERE name = ?".format(ddl.PROJECTS_TABLE),
                             (rewritten, PROJECT_NAME))
        return True

    def project_stored(self):
        """Grants on QGIS's styles table, where QGIS stored the default styles."""
        with self.opened() as database:
            styles = database.rows("SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS t "
                                   "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                   "WHERE c.relname = 'layer_styles' AND c.relkind = 'r' "
                                   "ORDER BY n.nspname = 'public' DESC")
            if styles:
                for statement in ddl.styles_grants(self.schema, styles[0]["t"]):
                    database.execute(statement)
                database.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {}".format(
                    ddl.q(ddl.role_names(self.schema)["admin"])))

    def discard(self):
        with self.opened() as database:
            for statement in ddl.drop_statements(self.schema)[:1]:
                database.execute(statement)
