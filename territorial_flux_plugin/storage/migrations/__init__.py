"""Schema migrations: one module per schema version, ``vN.py`` turning a version N - 1 workspace
into version N, for both storages.

Each module defines ``geopackage(database)`` (a :class:`~..database.SqliteDatabase`, inside the
migration's transaction) and ``postgres(database)`` (a :class:`~..database.PostgresDatabase`, with
the workspace's schema first in the search_path, inside the transaction). Every step is
idempotent. :func:`run` applies the steps in order and records the new version.
"""

import importlib

from ...domain.timestamps import utc_now
from .. import schema


def step(version):
    """The migration module to schema ``version``."""
    return importlib.import_module("{}.v{:d}".format(__name__, version))


def run(database, from_version, kind):
    """Apply the steps after ``from_version`` with the ``kind`` ('geopackage' or 'postgres') of each,
    then record :data:`SCHEMA_VERSION`; inside the caller's transaction."""
    for version in range(from_version + 1, schema.SCHEMA_VERSION + 1):
        getattr(step(version), kind)(database)
    database.execute("UPDATE {t:workspace_info} SET value = ? WHERE key = 'schema_version'", (str(schema.SCHEMA_VERSION),))
    database.execute("UPDATE {t:workspace_info} SET value = ? WHERE key = 'updated_at'", (utc_now(),))
