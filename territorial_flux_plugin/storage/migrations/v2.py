"""Schema version 2: synergy events are audited; in a team workspace, the rows naming
advisor-level flows and synergies (participants, events, reviews, audit entries) are as visible
as those, editors stamp their analyses in workspace_info, and the "who" columns default to the
database login."""

from .. import geopackage_sql, postgres_sql


def geopackage(database):
    for event in ("insert", "update", "delete"):
        database.execute('DROP TRIGGER IF EXISTS "audit_synergy_events_{}"'.format(event))
    for statement in geopackage_sql.audit_triggers(["synergy_events"]):
        database.execute(statement)


def postgres(database):
    for statement in postgres_sql.upgrade_to_2_statements(database.schema):
        database.execute(statement)
