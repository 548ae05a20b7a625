"""Reading what may leave a workspace: only the shared columns (and ``status``), through the
user's own connection, so that a team workspace's row-level security applies to the export."""

import datetime

from ..__about__ import __version__
from ..domain import sharing
from ..domain.timestamps import utc_now


def _select(database, table, columns):
    listed = ", ".join('"{}"'.format(c) for c in columns)
    if sharing.GEOMETRIES[table] is not None:
        listed += ", " + database.geometry_select("geom")
    rows = database.rows("SELECT {} FROM {{t:{}}} ORDER BY {}".format(
        listed, table, '"uid"' if "uid" in columns else '"synergy_uid", "company_uid"'))
    for row in rows:
        if "geom" in row:
            row["geom"] = database.wkb(row["geom"])
        for column in sharing.DATE_COLUMNS & set(row):
            if isinstance(row[column], (datetime.date, datetime.datetime)):
                row[column] = row[column].isoformat()[:10]
            elif row[column] is not None:
                row[column] = str(row[column])[:10]
        for column in sharing.BOOLEAN_COLUMNS & set(row):
            if row[column] is not None:
                row[column] = bool(row[column])
    return rows


def _words(database, language):
    label = "label_fr" if language == "fr" else "label_en"
    resources = {r["code"]: r["label"] for r in database.rows(
        "SELECT code, {} AS label FROM {{t:resource_nomenclature}}".format(label))}
    activities = {r["code"]: r["label"] or r["label_fr"] for r in database.rows(
        "SELECT code, {} AS label, label_fr FROM {{t:naf_nomenclature}}".format(label))}
    return {"activity": activities, "resource": resources}


def read_shared(workspace, level, language="en"):
    """The :class:`~..domain.sharing.SharedRows` of ``workspace`` at ``level``."""
    sharing.check_level(level)
    with workspace.opened(read_only=True) as database:
        tables = {table: _select(database, table, sharing.read_columns(table)) for table in sharing.SHARED_TABLES}
        words = _words(database, language)
    return sharing.select(tables["companies"], tables["flows"], tables["synergies"], tables["synergy_participants"],
                          level, words)


class Issue:
    """What an export says about itself: the metadata record and the readme."""

    def __init__(self, workspace_name, level, licence, organisation, crs_authid, date=None):
        self.workspace_name = workspace_name
        self.level = sharing.check_level(level)
        self.licence = sharing.check_licence(licence)
        self.organisation = organisation or workspace_name
        self.crs_authid = crs_authid
        self.date = date or utc_now()[:10]

    @property
    def licence_name(self):
        return sharing.LICENCES[self.licence][0]

    @property
    def licence_url(self):
        return sharing.LICENCES[self.licence][1]

    @property
    def source(self):
        return "{} (Territorial Flux {})".format(self.workspace_name, __version__)


def issue_of(workspace, level, licence, organisation):
    return Issue(workspace.name, level, licence, organisation, workspace.info.get("crs", "EPSG:2154"))
