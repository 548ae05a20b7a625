"""The analysis tables of a workspace (``missing_links``, ``possible_links``, ``resource_balance``,
``metabolism``), replaced in one transaction (all or nothing) by the writer of the workspace's
storage; ``workspace_info`` records when the analysis ran (``analysed_at``) and with which
settings, so that a later reader can tell whether the analysis is older than the data."""

import json

from ..domain import links
from ..domain.timestamps import utc_now
from . import write_geopackage, write_postgres
from .inputs import collector_paused, metabolism

ANALYSED_AT = "analysed_at"
SETTINGS_KEY = "analysis_settings"
WRITERS = {"geopackage": write_geopackage.Writer, "postgres": write_postgres.Writer}


def analysed_at(workspace):
    """When the analysis last wrote its tables (ISO text, UTC), or None."""
    return workspace.info.get(ANALYSED_AT)


def write_outputs(workspace, settings, inputs, table=None, missing=None, balance=None, metabolism_rows=None,
                  translate=None):
    """Replace the analysis tables given (None: left as they are) in one transaction.

    ``table``: a :class:`domain.links.LinkTable`; ``missing``: MissingLink list; ``balance``:
    BalanceRow list; ``metabolism_rows``: rows of :func:`.inputs.metabolism`. Returns the time stamp.
    """
    if workspace.shared_tables_hide_advisor_level and settings.max_confidentiality == "advisor":
        # resource_balance and metabolism are read by every role of a team workspace and have
        # no confidentiality column: they count the flows every reader may see, never
        # advisor-level ones (the run's own BALANCE output keeps what its author may see)
        shared = settings._replace(max_confidentiality="internal")
        if balance is not None:
            balance = links.resource_balance(inputs.flows, shared, inputs.archived_companies)
        if metabolism_rows is not None:
            metabolism_rows = metabolism(inputs, shared)
    written = {name: rows for name, rows in (("possible_links", table), ("missing_links", missing),
                                             ("resource_balance", balance), ("metabolism", metabolism_rows))
               if rows is not None}
    positions = inputs.positions
    with collector_paused(), workspace.opened() as database:
        writer = WRITERS[workspace.kind](database)
        token = writer.begin(written)
        try:
            with database.transaction():
                if table is not None:
                    writer.replace_possible_links(table, positions, translate)
                if missing is not None:
                    writer.replace("missing_links", (
                        (item.kind, item.flow.uid, item.flow.company_uid, inputs.company_names.get(item.flow.company_uid),
                         item.flow.resource_code, item.flow.family, item.flow.label, item.flow.quantity, item.flow.unit,
                         item.nearest_km, item.flow.confidentiality) for item in missing),
                        [positions[item.flow.company_uid] for item in missing])
                if balance is not None:
                    writer.replace("resource_balance", [tuple(row) for row in balance])
                if metabolism_rows is not None:
                    writer.replace("metabolism", [tuple(row) for row in metabolism_rows],
                                   [positions[row[0]] for row in metabolism_rows])
                return _record(database, settings, list(written))
        finally:
            writer.end(token)


def _record(database, settings, tables):
    stamp = utc_now()
    info = {ANALYSED_AT: stamp, SETTINGS_KEY: json.dumps(settings._asdict(), sort_keys=True)}
    for table in tables:
        info["{}:{}".format(ANALYSED_AT, table)] = stamp
    for key, value in info.items():
        database.execute("DELETE FROM {t:workspace_info} WHERE key = ?", (key,))
        database.execute("INSERT INTO {t:workspace_info} (key, value) VALUES (?, ?)", (key, value))
    return stamp
