"""The storage interface of a workspace: what every reader and writer of its data may ask.

Two implementations: :class:`~.geopackage.GeoPackageWorkspace` (one file, one advisor) and
:class:`~.postgres.PostgresWorkspace` (a PostgreSQL/PostGIS schema shared by a team). The factory
:func:`~territorial_flux_plugin.storage.workspace_at` opens either from a reference (a path or a
``postgres:`` reference); nothing else in the plugin asks which one it talks to.
"""

import io
import zipfile
from contextlib import contextmanager

from ..domain.errors import TerritorialFluxError
from ..domain.messages import QT_TRANSLATE_NOOP
from . import schema

PROJECT_NAME = "territory"


class Workspace:
    """One territory's data. Subclasses implement the storage; see the module."""

    #: names the implementation in mappings of storage-specific strategies (``WRITERS[kind]``)
    kind = None
    #: the QGIS data provider of its layers
    provider = None
    #: True when the storage fills the "who" columns (advisor, by, updated_by) itself
    server_stamps_logins = False
    #: True when the shared analysis tables every role reads never count advisor-level flows
    shared_tables_hide_advisor_level = False
    #: True when the stored project is shared by a team (only its administrators change it)
    project_is_shared = False

    # --- identity ---------------------------------------------------------------------------------
    @property
    def reference(self):
        """The string that names this workspace in a WORKSPACE parameter."""
        raise NotImplementedError

    def __repr__(self):
        return "{}({!r})".format(type(self).__name__, self.reference)

    def __eq__(self, other):
        return isinstance(other, Workspace) and other.reference == self.reference

    def __hash__(self):
        return hash(self.reference)

    @property
    def info(self):
        """``workspace_info`` as a dict (empty when unreadable)."""
        try:
            with self.opened(read_only=True) as database:
                return {r["key"]: r["value"] for r in database.rows("SELECT key, value FROM {t:workspace_info}")}
        except TerritorialFluxError:
            raise
        except Exception:  # noqa: BLE001 - not a workspace, or not readable: no information
            return {}

    @property
    def name(self):
        return self.info.get("name", self.default_name)

    @property
    def default_name(self):
        raise NotImplementedError

    @property
    def crs(self):
        from qgis.core import QgsCoordinateReferenceSystem

        return QgsCoordinateReferenceSystem(self.info.get("crs", "EPSG:2154"))

    @property
    def srid(self):
        """The spatial reference id of the geometry columns (GeoPackage srs_id, PostGIS SRID)."""
        raise NotImplementedError

    # --- connections ------------------------------------------------------------------------------
    def database(self, read_only=False):
        """A :class:`~.database.Database` on the workspace (autocommit outside transactions)."""
        raise NotImplementedError

    @contextmanager
    def opened(self, read_only=False):
        """``with workspace.opened() as database:``, closed after."""
        database = self.database(read_only=read_only)
        try:
            yield database
        finally:
            database.close()

    def read(self, sql, args=()):
        """Rows (tuples) of ``sql`` (``?`` placeholders, table names as ``{t:name}``) through the
        user's own connection, so that a team workspace's row-level security applies."""
        with self.opened(read_only=True) as database:
            return database.execute(sql, args).fetchall()

    def can_write(self, table="flows"):
        """True when the current user may change rows of ``table``; a reader of a team workspace
        gets False (analysis outputs then go to temporary layers)."""
        raise NotImplementedError

    #: why the user may not add rows (a template with {workspace}), see :meth:`write_refusal`
    read_only_message = QT_TRANSLATE_NOOP(
        "Validation", "{workspace} is read-only for you: nothing can be added to it. Check the file's permissions.")

    def write_refusal(self, table):
        """None when the user may add rows to ``table``, else the Message that says why not."""
        if self.can_write(table):
            return None
        from ..domain.messages import Message

        return Message(self.read_only_message, workspace=self.reference)

    @property
    def user(self):
        """Who the storage records as the author of a change: the database login of a team
        workspace, None for a file (the plugin names the user itself)."""
        return None

    # --- schema version -----------------------------------------------------------------------------
    def check_version(self):
        """``'current'`` or ``'older'``; raises for a newer or a foreign workspace."""
        info = self.info
        if "schema_version" not in info:
            raise TerritorialFluxError(QT_TRANSLATE_NOOP(
                "Validation", "{path} is not a Territorial Flux workspace."), path=self.reference)
        version = int(info["schema_version"])
        if version > schema.SCHEMA_VERSION:
            raise TerritorialFluxError(QT_TRANSLATE_NOOP(
                "Validation", "{path} was made by a newer Territorial Flux (schema version {found}; this "
                              "plugin knows up to {known}). Update the plugin to open it."),
                path=self.reference, found=version, known=schema.SCHEMA_VERSION)
        return "older" if version < schema.SCHEMA_VERSION else "current"

    def is_administrator(self, database):
        """True when the user may change the schema and read every row (a file's user always)."""
        return True

    @property
    def administrators(self):
        """Who administers the workspace (a role of a team workspace), for messages."""
        return None

    def prepare(self):
        """Make the workspace ready to be used by this plugin: a GeoPackage is upgraded after a
        backup copy (returned), a team workspace is checked (an older one is refused: its
        administrator upgrades it). Returns the backup's path or None."""
        raise NotImplementedError

    def adopt_stored_project(self):
        """Before its stored project is read: make it name this workspace again (a copied or
        renamed file)."""

    def upgrade(self):
        """Migrate the schema to this plugin's version in one transaction; ``(from, to)``."""
        raise NotImplementedError

    # --- what QGIS sees --------------------------------------------------------------------------
    @property
    def project_uri(self):
        raise NotImplementedError

    def uri(self, table):
        raise NotImplementedError

    def layer(self, table, name=None):
        """A new QgsVectorLayer on ``table`` (not added to any project)."""
        from qgis.core import QgsVectorLayer

        layer = QgsVectorLayer(self.uri(table), name or table, self.provider)
        if not layer.isValid():
            raise TerritorialFluxError(QT_TRANSLATE_NOOP(
                "Validation", "Cannot read the table {table} of {path}."), table=table, path=self.reference)
        return layer

    @classmethod
    def table_of_layer(cls, layer):
        """The workspace table (a name of the schema) a QGIS layer of this storage shows, else None."""
        raise NotImplementedError

    @classmethod
    def of_layer(cls, layer):
        """The workspace of this storage a QGIS layer reads, else None."""
        raise NotImplementedError

    def repoint_layers(self, project):
        """Make the project's layers of this workspace read it through this user's access (a file
        copied or renamed, another advisor's connection)."""
        for layer in project.mapLayers().values():
            table = self.table_of_layer(layer)
            if table is None or not self.owns(layer):
                continue
            expected = self.uri(table)
            if layer.source() != expected:
                layer.setDataSource(expected, layer.name(), self.provider)

    def owns(self, layer):
        """True when ``layer`` shows a table of this workspace (wherever the project was saved from)."""
        return True

    def query_layer(self, key, sql, name, geometry_type):
        """A read-only layer of the rows of ``sql`` (a query naming tables as :meth:`qualified`,
        with an integer ``fid`` and a ``geom`` of ``geometry_type``, e.g. ``POINT``); ``key`` (letters,
        digits and _) names it for good, so that a project reopened in plain QGIS reads it again."""
        raise NotImplementedError

    def geometry_input(self, column):
        """SQL: ``column``, a stored geometry, as a query's spatial functions take it."""
        return column

    def geometry_output(self, expression):
        """SQL: the geometry a query's spatial function returns, as the storage stores geometries."""
        return expression

    def qualified(self, table):
        """A table's name in a query of :meth:`query_layer`."""
        return '"{}"'.format(table)

    def repoint_query_layers(self, project, marker):
        """Make the query layers of ``project`` carrying the custom property ``marker`` read this
        workspace through this user's access."""
        raise NotImplementedError

    # --- facts --------------------------------------------------------------------------------------
    def extent(self, table, where=None):
        """(minx, miny, maxx, maxy) of ``table``'s geometries (``where``: an SQL condition on its
        columns), or None when there is none."""
        raise NotImplementedError

    def area_has_company_sql(self, area):
        """SQL: an active company lies in the area aliased ``area`` in the query (the storage's
        spatial index serves it)."""
        raise NotImplementedError

    def stored_crs_wkt(self):
        """The CRS definition the storage itself holds, when it holds one (else None)."""
        return None

    # --- the stored project's text ------------------------------------------------------------------
    def stored_project_xml(self):
        """The XML of the QGIS project stored in the workspace, or None when there is none."""
        blob = self._stored_project_blob()
        return None if blob is None else project_xml(blob)

    def rewrite_stored_project(self, edit):
        """Replace the stored project's XML by ``edit(xml)`` in one transaction; False when there is
        no stored project or ``edit`` changed nothing."""
        raise NotImplementedError

    def _stored_project_blob(self):
        raise NotImplementedError

    # --- creation -------------------------------------------------------------------------------
    def project_stored(self):
        """Called once the workspace's QGIS project and styles are stored (grants of a team
        workspace's styles table)."""

    def discard(self):
        """Remove what a failed creation left."""


# --- a stored project is a .qgz archive (a zip holding one .qgs file) ----------------------------

def project_xml(blob):
    """The .qgs text of a stored project's .qgz bytes."""
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        for name in archive.namelist():
            if name.endswith(".qgs"):
                return archive.read(name).decode("utf-8")
    return None


def with_project_xml(blob, edit):
    """``blob`` (a .qgz) with its .qgs text replaced by ``edit(text)``; None when nothing changed."""
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        entries = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    changed = False
    for name, content in entries.items():
        if name.endswith(".qgs"):
            text = content.decode("utf-8")
            edited = edit(text)
            if edited != text:
                entries[name] = edited.encode("utf-8")
                changed = True
    if not changed:
        return None
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as rewritten:
        for name, content in entries.items():
            rewritten.writestr(name, content)
    return buffer.getvalue()


# --- what every new workspace holds ------------------------------------------------------------

def write_reference_lists(database):
    """The resource nomenclature and the NAF activities, into a new workspace."""
    from ..domain.nomenclature import display, naf_rows, resource_rows

    def shown(row, label):
        return display(row["code"] + ("*" if row["hazardous"] else ""), row[label])

    database.executemany(
        "INSERT INTO {t:resource_nomenclature} (code, parent_code, level, family, hazardous, label_en, "
        "label_fr, display_en, display_fr) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(r["code"], r["parent_code"], r["level"], r["family"], database.boolean(r["hazardous"]), r["label_en"],
          r["label_fr"], shown(r, "label_en"), shown(r, "label_fr")) for r in resource_rows()])
    database.executemany(
        "INSERT INTO {t:naf_nomenclature} (code, label_fr, label_en, display_en, display_fr) VALUES (?, ?, ?, ?, ?)",
        [(r["code"], r["label_fr"], r["label_en"], display(r["code"], r["label_en"] or r["label_fr"]),
          display(r["code"], r["label_fr"])) for r in naf_rows()])


def write_default_factors(database):
    """The emission factors a new workspace starts with (``domain.emissions.DEFAULT_FACTORS``)."""
    from ..domain.emissions import DEFAULT_COLUMNS, default_rows

    database.executemany("INSERT INTO {{t:emission_factors}} ({}) VALUES ({})".format(
        ", ".join(DEFAULT_COLUMNS), ", ".join("?" for _ in DEFAULT_COLUMNS)), default_rows())


def write_info(database, name, crs_authid, author):
    """The workspace information of a new workspace."""
    from ..__about__ import __version__
    from ..domain.timestamps import utc_now

    now = utc_now()
    info = {"name": name, "crs": crs_authid, "schema_version": str(schema.SCHEMA_VERSION), "plugin_version": __version__,
            "created_at": now, "created_by": author, "updated_at": now}
    database.executemany("INSERT INTO {t:workspace_info} (key, value) VALUES (?, ?)", list(info.items()))
