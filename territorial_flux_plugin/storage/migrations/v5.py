"""Schema version 5: the emission factors (``emission_factors``) from which the report estimates
the avoided emissions a synergy's advisor did not enter, with the factors every workspace starts
with; audited; in a team workspace read by every reader and kept by editors."""

from .. import geopackage_sql, postgres_sql
from ..base import write_default_factors
from ..schema import TABLES_BY_NAME

TABLE = "emission_factors"


def geopackage(database):
    if database.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)).fetchone():
        return
    table = TABLES_BY_NAME[TABLE]
    database.execute(geopackage_sql.create_table(table))
    for statement in geopackage_sql.create_indexes(table):
        database.execute(statement)
    for statement in geopackage_sql.foreign_key_triggers():
        if statement.startswith('CREATE TRIGGER "fk_{}_'.format(TABLE)):
            database.execute(statement.replace("CREATE TRIGGER", "CREATE TRIGGER IF NOT EXISTS", 1))
    for statement in geopackage_sql.audit_triggers([TABLE]):
        database.execute(statement.replace("CREATE TRIGGER", "CREATE TRIGGER IF NOT EXISTS", 1))
    database.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description) "
                     "VALUES (?, 'attributes', ?, ?)", (TABLE, TABLE, table.label))
    write_default_factors(database)


def postgres(database):
    if database.execute("SELECT to_regclass(?)", ('"{}"."{}"'.format(database.schema, TABLE),)).fetchone()[0]:
        for statement in postgres_sql.emission_factor_statements(database.schema):
            database.execute(statement)
        return
    for statement in postgres_sql.upgrade_to_5_statements(database.schema, database.srid):
        database.execute(statement)
    write_default_factors(database)
