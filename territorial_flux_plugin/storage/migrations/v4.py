"""Schema version 4: the learned vocabulary (``vocabulary``: word, code, by, at), audited; in a
team workspace every role reads it, editors add words as themselves and may correct a
colleague's."""

from .. import geopackage_sql, postgres_sql
from ..schema import VOCABULARY

ADDS = ("vocabulary",)  # the tables this step adds (tests find the step by them)


def geopackage(database):
    exists = database.rows("SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = 'vocabulary'")
    if not exists:
        database.execute(geopackage_sql.create_table(VOCABULARY))
        for statement in geopackage_sql.create_indexes(VOCABULARY):
            database.execute(statement)
    registered = database.rows("SELECT 1 AS x FROM gpkg_contents WHERE table_name = 'vocabulary'")
    if not registered:
        database.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description) "
                         "VALUES ('vocabulary', 'attributes', 'vocabulary', ?)", (VOCABULARY.label,))
    for statement in geopackage_sql.vocabulary_triggers():
        name = statement.split('"')[1]
        database.execute('DROP TRIGGER IF EXISTS "{}"'.format(name))
        database.execute(statement)


def postgres(database):
    for statement in postgres_sql.upgrade_to_4_statements(database.schema):
        database.execute(statement)
