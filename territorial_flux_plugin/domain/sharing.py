"""What leaves the organisation when a partner receives the territory's data, and what never does.

Pure Python. The column lists are the only columns a partner export or web map carries (the
issue lists them word for word); ``activity`` and ``resource`` are the NAF activity and the
resource in words. The row selection, at or below a level (``partners`` or ``public``):

- flows: active flows of active companies, visible at the level;
- synergies: those not abandoned, visible at the level; their participants, whose company is
  shared (an archived company never leaves), the participant's flow blanked when that flow
  does not leave;
- companies: active companies with a shared flow or a shared synergy.

Contact names, e-mails and phones, logins (``advisor``, ``by``, ``updated_by``, ``created_by``),
notes and comments, addresses, current routes and costs, savings, next actions, abandon reasons,
the audit trail, synergy events and link reviews are never read by the exports.
"""

from .errors import TerritorialFluxError
from .messages import QT_TRANSLATE_NOOP
from .vocabulary import visible_levels

LEVELS = ("partners", "public")
LICENCES = {
    "etalab-2.0": ("Licence Ouverte / Open Licence 2.0",
                   "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"),
    "odbl-1.0": ("Open Database License (ODbL) 1.0", "https://opendatacommons.org/licenses/odbl/1-0/"),
}
FORMATS = ("gpkg", "xlsx", "csv")

COMPANY_COLUMNS = ["uid", "siret", "name", "naf_code", "activity", "headcount_band", "commune", "commune_code",
                   "zone"]
FLOW_COLUMNS = ["uid", "company_uid", "direction", "family", "resource_code", "resource", "label", "quantity",
                "unit", "availability", "hazardous", "priority", "confidentiality", "last_verified"]
SYNERGY_COLUMNS = ["uid", "kind", "title", "resource_code", "resource", "status", "quantity", "unit",
                   "diverted_t_per_year", "co2e_avoided_t_per_year", "distance_km", "confidentiality"]
PARTICIPANT_COLUMNS = ["synergy_uid", "company_uid", "flow_uid", "role"]

#: table -> the columns a partner receives, in order
SHARED_COLUMNS = {
    "companies": COMPANY_COLUMNS,
    "flows": FLOW_COLUMNS,
    "synergies": SYNERGY_COLUMNS,
    "synergy_participants": PARTICIPANT_COLUMNS,
}
SHARED_TABLES = list(SHARED_COLUMNS)
#: the columns in words, computed from the nomenclatures (not read from the table)
WORDS = {"activity": "naf_code", "resource": "resource_code"}
#: columns of the types other than text
REAL_COLUMNS = {"quantity", "diverted_t_per_year", "co2e_avoided_t_per_year", "distance_km"}
BOOLEAN_COLUMNS = {"hazardous"}
DATE_COLUMNS = {"last_verified"}
#: the geometry each table carries (None: none)
GEOMETRIES = {"companies": "POINT", "flows": None, "synergies": "MULTILINESTRING", "synergy_participants": None}


def read_columns(table):
    """The stored columns an export reads from ``table``: the shared ones that are stored, plus
    ``status`` where the selection needs it."""
    columns = [c for c in SHARED_COLUMNS[table] if c not in WORDS]
    if table in ("companies", "flows", "synergies") and "status" not in columns:
        columns.append("status")
    return columns


def check_level(level):
    if level not in LEVELS:
        raise TerritorialFluxError(QT_TRANSLATE_NOOP(
            "Validation", "Partners may receive data at the partners or public level, not {level}."), level=level)
    return level


def check_licence(licence):
    if licence not in LICENCES:
        raise TerritorialFluxError(QT_TRANSLATE_NOOP(
            "Validation", "Unknown licence {licence}: use one of {licences}."),
            licence=licence, licences=", ".join(LICENCES))
    return licence


class SharedRows:
    """The rows that leave, per table (dicts holding the shared columns, plus ``geom`` where the
    table has a geometry: whatever the reader gave, passed through untouched)."""

    def __init__(self, companies, flows, synergies, participants):
        self.companies = companies
        self.flows = flows
        self.synergies = synergies
        self.participants = participants

    def table(self, name):
        return {"companies": self.companies, "flows": self.flows, "synergies": self.synergies,
                "synergy_participants": self.participants}[name]

    @property
    def counts(self):
        return {"companies": len(self.companies), "flows": len(self.flows), "synergies": len(self.synergies),
                "synergy_participants": len(self.participants)}


def _shared(row, table, words):
    out = {}
    for column in SHARED_COLUMNS[table]:
        if column in WORDS:
            out[column] = words.get(column, {}).get(row.get(WORDS[column]))
        else:
            out[column] = row.get(column)
    if GEOMETRIES[table] is not None:
        out["geom"] = row.get("geom")
    return out


def select(companies, flows, synergies, participants, level, words=None):
    """The :class:`SharedRows` of the workspace's rows at ``level``.

    ``words``: ``{"activity": {naf code: label}, "resource": {resource code: label}}``. Rows are
    dicts of the stored columns (:func:`read_columns`, ``geom`` for companies and synergies).
    """
    visible = set(visible_levels(check_level(level)))
    words = words or {}
    active = {c["uid"] for c in companies if c.get("status") == "active"}
    kept_flows = [f for f in flows if f.get("status") == "active" and f.get("company_uid") in active
                  and f.get("confidentiality") in visible]
    kept_synergies = [s for s in synergies if s.get("status") != "abandoned" and s.get("confidentiality") in visible]
    flow_uids = {f["uid"] for f in kept_flows}
    synergy_uids = {s["uid"] for s in kept_synergies}
    kept_participants = []
    for participant in participants:
        if participant.get("synergy_uid") in synergy_uids and participant.get("company_uid") in active:
            row = dict(participant)
            if row.get("flow_uid") not in flow_uids:
                row["flow_uid"] = None
            kept_participants.append(row)
    company_uids = {f["company_uid"] for f in kept_flows} | {p["company_uid"] for p in kept_participants}
    kept_companies = [c for c in companies if c["uid"] in company_uids]
    return SharedRows(
        [_shared(r, "companies", words) for r in kept_companies],
        [_shared(r, "flows", words) for r in kept_flows],
        [_shared(r, "synergies", words) for r in kept_synergies],
        [_shared(r, "synergy_participants", words) for r in kept_participants])


def decimal_comma(value):
    """A number as a French spreadsheet reads it in a CSV: ``1234,5``; None as an empty cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        text = repr(value)
        if text.endswith(".0"):
            text = text[:-2]
        return text.replace(".", ",")
    return str(value)
