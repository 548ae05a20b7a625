"""Where a workspace's data lives: the storage interface (:class:`~.base.Workspace`), its two
implementations (GeoPackage, PostgreSQL/PostGIS), the schema and its migrations, copying.

:func:`workspace_at` is the one factory: every reader and writer of the plugin gets its
workspace from it and never asks which storage it talks to.
"""


def implementations():
    """The storage implementations, the most specific reference first."""
    from .geopackage import GeoPackageWorkspace
    from .postgres import PostgresWorkspace

    return (PostgresWorkspace, GeoPackageWorkspace)


def workspace_at(reference):
    """The workspace a reference names: a GeoPackage path, or
    ``postgres:connection=NAME;schema=SCHEMA`` / ``postgres:service=NAME;schema=SCHEMA``. A
    Workspace is returned as it is."""
    from .base import Workspace

    if isinstance(reference, Workspace):
        return reference
    for implementation in implementations():
        if implementation.accepts(reference):
            return implementation(reference)
    raise ValueError(reference)  # unreachable: a GeoPackage accepts any path


def workspace_of_layer(layer):
    """The workspace a QGIS layer of a workspace table reads, or None."""
    for implementation in implementations():
        found = implementation.of_layer(layer)
        if found is not None:
            return found
    return None


def table_of_layer(layer):
    """The workspace table a QGIS layer shows (``'flows'``…), or None."""
    for implementation in implementations():
        table = implementation.table_of_layer(layer)
        if table is not None:
            return table
    return None


def create_storage(reference, name, crs, overwrite=False):
    """The tables of a new workspace at ``reference`` (its QGIS project is added by
    ``project.build.create_workspace``)."""
    for implementation in implementations():
        if implementation.accepts(reference):
            return implementation.create(reference, name, crs, overwrite=overwrite)
    raise ValueError(reference)
