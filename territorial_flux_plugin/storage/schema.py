"""The workspace schema: the one definition every storage form, form and check derives from.

Pure Python (no qgis import). Each column carries its type, its constraints and its label;
:mod:`.sql` turns them into the storage's DDL (CHECK constraints, foreign keys enforced by
triggers, indexes) and :mod:`.forms` into QGIS field constraints, widgets and aliases, so the
storage and the forms refuse the same rows.
"""

from ..domain import units
from ..domain.links import MISSING_KINDS
from ..domain.messages import QT_TRANSLATE_NOOP
from ..domain.timestamps import FORMAT_SQL
from ..domain.vocabulary import (
    AREA_KINDS,
    CONFIDENTIALITY_LEVELS,
    DIRECTIONS,
    FAMILIES,
    FLOW_STATUSES,
    HEADCOUNT_BANDS,
    PARTICIPANT_ROLES,
    PRIORITIES,
    REVIEW_DECISIONS,
    SYNERGY_KINDS,
    SYNERGY_STATUSES,
)

# 1: first release. 2: synergy events audited; row-level security of participants, events, reviews
# and the audit trail follows the flows' and synergies' visibility (team workspaces). 3: every
# GeoPackage time stamp in milliseconds. 4: the learned vocabulary (``vocabulary``). 5: the
# emission factors (``emission_factors``), with the shipped defaults. The steps are in
# storage/migrations/vN.py.
SCHEMA_VERSION = 5
CONTEXT = "Schema"


# --- checks, each written for SQLite (GeoPackage) and as a QGIS expression -----------------

_SAME = object()


class Check:
    """A rule on one column's value; ``{c}`` in the templates is the quoted column.

    ``postgres`` is the PostgreSQL form (the SQLite one when omitted; None when the column's
    PostgreSQL type already enforces the rule, as ``uuid`` and ``date`` do).
    """

    def __init__(self, sqlite, qgis, message, postgres=_SAME):
        self.sqlite_template = sqlite
        self.qgis_template = qgis
        self.postgres_template = sqlite if postgres is _SAME else postgres
        self.message = message

    def sqlite(self, column):
        return self.sqlite_template.format(c=_quote(column))

    def qgis(self, column):
        return self.qgis_template.format(c=_quote(column))

    def postgres(self, column):
        """The PostgreSQL form, or None when the column's type enforces the rule."""
        if self.postgres_template is None:
            return None
        return self.postgres_template.format(c=_quote(column))


def _quote(identifier):
    return '"{}"'.format(identifier)


def _literal(value):
    return "'{}'".format(str(value).replace("'", "''"))


def one_of(values):
    listed = ", ".join(_literal(v) for v in values)
    return Check("{c} IN (%s)" % listed, "{c} IN (%s)" % listed,
                 QT_TRANSLATE_NOOP("Schema", "Choose one of the listed values."))


def non_negative():
    return Check("{c} >= 0", "{c} >= 0", QT_TRANSLATE_NOOP("Schema", "Must be a number, zero or more."))


def not_blank():
    return Check("trim({c}) <> ''", "trim({c}) <> ''", QT_TRANSLATE_NOOP("Schema", "Must not be empty."))


def _digits_glob(count):
    return "[0-9]" * count


_UUID_GLOB = "-".join("[0-9a-f]" * n for n in (8, 4, 4, 4, 12))
UUID = Check("{c} GLOB '%s'" % _UUID_GLOB,
             "regexp_match({c}, '^[0-9a-f]{{8}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{12}}$')",
             QT_TRANSLATE_NOOP("Schema", "Must be a lowercase UUID without braces."), postgres=None)

NAF_CODE = Check("{c} GLOB '[0-9][0-9].[0-9][0-9][A-Z]'",
                 "regexp_match({c}, '^[0-9]{{2}}\\\\.[0-9]{{2}}[A-Z]$')",
                 QT_TRANSLATE_NOOP("Schema", "A NAF code is written like 10.71C."),
                 postgres="{c} ~ '^[0-9]{{2}}\\.[0-9]{{2}}[A-Z]$'")

COMMUNE_CODE = Check("({c} GLOB '%s' OR {c} GLOB '2[AB][0-9][0-9][0-9]')" % _digits_glob(5),
                     "regexp_match({c}, '^([0-9]{{2}}|2A|2B)[0-9]{{3}}$')",
                     QT_TRANSLATE_NOOP("Schema", "An INSEE commune code has 5 characters, like 59183 or 2A004."),
                     postgres="{c} ~ '^([0-9]{{2}}|2A|2B)[0-9]{{3}}$'")

POSTCODE = Check("{c} GLOB '%s'" % _digits_glob(5), "regexp_match({c}, '^[0-9]{{5}}$')",
                 QT_TRANSLATE_NOOP("Schema", "A postcode has 5 digits."), postgres="{c} ~ '^[0-9]{{5}}$'")

EMAIL = Check("{c} LIKE '%_@_%._%'", "regexp_match({c}, '^[^@\\\\s]+@[^@\\\\s]+\\\\.[^@\\\\s]+$')",
              QT_TRANSLATE_NOOP("Schema", "Enter an e-mail address like name@example.fr."))

DATE = Check("{c} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'", "true",
             QT_TRANSLATE_NOOP("Schema", "Enter a date."), postgres=None)


def _siret_check():
    # Luhn over 14 digits: from the left, odd positions (1, 3, ... 13) are doubled.
    def terms(digit, integer_division):
        out = []
        for i in range(1, 15):
            d = digit.format(i=i)
            if i % 2 == 1:
                out.append("((2 * {d}) % 10 + (2 * {d}) {div} 10)".format(d=d, div=integer_division))
            else:
                out.append(d)
        return " + ".join(out)

    def plain(digit):
        return " + ".join(digit.format(i=i) for i in range(1, 15))

    sq_digit = "CAST(substr({{c}}, {i}, 1) AS INTEGER)"
    qg_digit = "to_int(substr({{c}}, {i}, 1))"
    sqlite = ("(length({{c}}) = 14 AND {{c}} NOT GLOB '*[^0-9]*' AND "
              "((({luhn}) % 10 = 0) OR (substr({{c}}, 1, 9) = '356000000' AND ({plain}) % 5 = 0)))").format(
        luhn=terms(sq_digit, "/"), plain=plain(sq_digit))
    qgis = ("CASE WHEN regexp_match({{c}}, '^[0-9]{{{{14}}}}$') THEN "
            "((({luhn}) % 10 = 0) OR (left({{c}}, 9) = '356000000' AND ({plain}) % 5 = 0)) ELSE false END").format(
        luhn=terms(qg_digit, "//"), plain=plain(qg_digit))
    pg_digit = "CAST(substr({{c}}, {i}, 1) AS integer)"
    postgres = ("CASE WHEN {{c}} IS NULL THEN NULL WHEN {{c}} ~ '^[0-9]{{{{14}}}}$' THEN "
                "((({luhn}) % 10 = 0) OR (substr({{c}}, 1, 9) = '356000000' AND ({plain}) % 5 = 0)) "
                "ELSE false END").format(luhn=terms(pg_digit, "/"), plain=plain(pg_digit))
    return Check(sqlite, qgis, QT_TRANSLATE_NOOP("Schema", "A SIRET has 14 digits and a valid check digit."), postgres=postgres)


SIRET = _siret_check()


# --- columns and tables --------------------------------------------------------------------

class Column:
    """One column. ``type`` is one of uuid, text, integer, real, boolean, date, datetime."""

    def __init__(self, name, type_, label, required=False, unique=False, checks=(),
                 references=None, vocabulary=None, default_sql=None, default_expression=None,
                 update_expression=None, personal=False, on_delete="restrict"):
        self.name = name
        self.type = type_
        self.label = label
        self.required = required
        self.unique = unique
        self.vocabulary = vocabulary
        self.checks = list(checks)
        if vocabulary is not None:
            self.checks.insert(0, one_of(vocabulary))
        if type_ == "uuid":
            self.checks.insert(0, UUID)
        if type_ == "date":
            self.checks.insert(0, DATE)
        self.references = references  # "table.column"
        self.default_sql = default_sql
        self.default_expression = default_expression
        self.update_expression = update_expression
        self.personal = personal
        self.on_delete = on_delete

    @property
    def referenced_table(self):
        return self.references.split(".")[0] if self.references else None

    @property
    def referenced_column(self):
        return self.references.split(".")[1] if self.references else None


class TableCheck:
    """A rule over several columns of one row."""

    def __init__(self, name, sqlite, qgis, message, field, postgres=None):
        self.name = name
        self.sqlite = sqlite
        self.qgis = qgis
        self.postgres = postgres if postgres is not None else sqlite
        self.message = message
        self.field = field  # the field whose form constraint carries the rule


class Table:
    def __init__(self, name, label, columns, geometry=None, checks=(), unique_together=(),
                 display_expression=None):
        self.name = name
        self.label = label
        self.columns = columns
        self.geometry = geometry  # None, POINT, MULTILINESTRING, MULTIPOLYGON
        self.checks = list(checks)
        self.unique_together = list(unique_together)
        self.display_expression = display_expression

    def column(self, name):
        return next(c for c in self.columns if c.name == name)

    @property
    def column_names(self):
        return [c.name for c in self.columns]


NOW_SQL = "({})".format(FORMAT_SQL)  # the same form as domain.timestamps.utc_now()
UUID_SQL = ("(lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
            "substr(lower(hex(randomblob(2))), 2) || '-' || "
            "substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || "
            "lower(hex(randomblob(6))))")
UUID_EXPRESSION = "substr(uuid(), 2, 36)"
USER_EXPRESSION = "@user_account_name"


def uid_column():
    return Column("uid", "uuid", QT_TRANSLATE_NOOP("Schema", "Identifier"), required=True, unique=True,
                  default_sql=UUID_SQL, default_expression=UUID_EXPRESSION)


def stamp_columns(author=True):
    columns = [
        Column("created_at", "datetime", QT_TRANSLATE_NOOP("Schema", "Created at"), default_sql=NOW_SQL,
               default_expression="now()"),
        Column("updated_at", "datetime", QT_TRANSLATE_NOOP("Schema", "Updated at"), default_sql=NOW_SQL,
               default_expression="now()", update_expression="now()"),
    ]
    if author:
        columns.append(Column("updated_by", "text", QT_TRANSLATE_NOOP("Schema", "Updated by"),
                              default_expression=USER_EXPRESSION, update_expression=USER_EXPRESSION))
    return columns


def row_version_column():
    """Optimistic locking: incremented by the storage itself on every update (see sql, postgis)."""
    return Column("row_version", "integer", QT_TRANSLATE_NOOP("Schema", "Row version"), required=True, default_sql="1",
                  default_expression="1")


def _unit_fits_family():
    clauses = []
    for family, fitting in units.FAMILY_UNITS.items():
        clauses.append("(\"family\" = {} AND \"unit\" IN ({}))".format(
            _literal(family), ", ".join(_literal(u) for u in fitting)))
    rule = "\"unit\" IS NULL OR " + " OR ".join(clauses)
    return TableCheck("unit_fits_family", rule, rule,
                      QT_TRANSLATE_NOOP("Schema", "This unit does not fit the resource family."), "unit")


def _abandon_needs_reason():
    rule = "\"status\" <> 'abandoned' OR trim(coalesce(\"abandon_reason\", '')) <> ''"
    return TableCheck("abandon_reason", rule, rule,
                      QT_TRANSLATE_NOOP("Schema", "An abandoned synergy needs a reason."), "abandon_reason")


QUANTITY_LABEL = QT_TRANSLATE_NOOP("Schema", "Quantity")

WORKSPACE_INFO = Table("workspace_info", QT_TRANSLATE_NOOP("Schema", "Workspace information"), [
    Column("key", "text", QT_TRANSLATE_NOOP("Schema", "Key"), required=True, unique=True),
    Column("value", "text", QT_TRANSLATE_NOOP("Schema", "Value")),
])

RESOURCE_NOMENCLATURE = Table("resource_nomenclature", QT_TRANSLATE_NOOP("Schema", "Resource nomenclature"), [
    Column("code", "text", QT_TRANSLATE_NOOP("Schema", "Code"), required=True, unique=True),
    Column("parent_code", "text", QT_TRANSLATE_NOOP("Schema", "Parent code"), references="resource_nomenclature.code"),
    Column("level", "text", QT_TRANSLATE_NOOP("Schema", "Level"), required=True,
           vocabulary=["chapter", "subchapter", "entry"]),
    Column("family", "text", QT_TRANSLATE_NOOP("Schema", "Family"), required=True, vocabulary=FAMILIES),
    Column("hazardous", "boolean", QT_TRANSLATE_NOOP("Schema", "Hazardous"), required=True, default_sql="0"),
    Column("label_en", "text", QT_TRANSLATE_NOOP("Schema", "Label (English)"), required=True),
    Column("label_fr", "text", QT_TRANSLATE_NOOP("Schema", "Label (French)"), required=True),
    Column("display_en", "text", QT_TRANSLATE_NOOP("Schema", "Code and label (English)")),
    Column("display_fr", "text", QT_TRANSLATE_NOOP("Schema", "Code and label (French)")),
], display_expression='"code"')

NAF_NOMENCLATURE = Table("naf_nomenclature", QT_TRANSLATE_NOOP("Schema", "NAF activities"), [
    Column("code", "text", QT_TRANSLATE_NOOP("Schema", "Code"), required=True, unique=True, checks=[NAF_CODE]),
    Column("label_fr", "text", QT_TRANSLATE_NOOP("Schema", "Label (French)"), required=True),
    Column("label_en", "text", QT_TRANSLATE_NOOP("Schema", "Label (English)")),
    Column("display_en", "text", QT_TRANSLATE_NOOP("Schema", "Code and label (English)")),
    Column("display_fr", "text", QT_TRANSLATE_NOOP("Schema", "Code and label (French)")),
], display_expression='"code"')

COMPANIES = Table("companies", QT_TRANSLATE_NOOP("Schema", "Companies"), [
    uid_column(),
    Column("siret", "text", QT_TRANSLATE_NOOP("Schema", "SIRET"), unique=True, checks=[SIRET]),
    Column("name", "text", QT_TRANSLATE_NOOP("Schema", "Name"), required=True, checks=[not_blank()]),
    Column("naf_code", "text", QT_TRANSLATE_NOOP("Schema", "Activity (NAF)"), checks=[NAF_CODE],
           references="naf_nomenclature.code"),
    Column("headcount_band", "text", QT_TRANSLATE_NOOP("Schema", "Headcount"), vocabulary=HEADCOUNT_BANDS),
    Column("address", "text", QT_TRANSLATE_NOOP("Schema", "Address")),
    Column("postcode", "text", QT_TRANSLATE_NOOP("Schema", "Postcode"), checks=[POSTCODE]),
    Column("commune", "text", QT_TRANSLATE_NOOP("Schema", "Commune")),
    Column("commune_code", "text", QT_TRANSLATE_NOOP("Schema", "Commune code (INSEE)"), checks=[COMMUNE_CODE]),
    Column("zone", "text", QT_TRANSLATE_NOOP("Schema", "Business zone")),
    Column("contact_name", "text", QT_TRANSLATE_NOOP("Schema", "Contact name"), personal=True),
    Column("contact_email", "text", QT_TRANSLATE_NOOP("Schema", "Contact e-mail"), personal=True, checks=[EMAIL]),
    Column("contact_phone", "text", QT_TRANSLATE_NOOP("Schema", "Contact phone"), personal=True),
    Column("advisor", "text", QT_TRANSLATE_NOOP("Schema", "Advisor"), default_expression=USER_EXPRESSION),
    Column("notes", "text", QT_TRANSLATE_NOOP("Schema", "Notes")),
    Column("source", "text", QT_TRANSLATE_NOOP("Schema", "Source")),
    Column("status", "text", QT_TRANSLATE_NOOP("Schema", "Status"), required=True, vocabulary=FLOW_STATUSES,
           default_sql="'active'", default_expression="'active'"),
    Column("last_verified", "date", QT_TRANSLATE_NOOP("Schema", "Last verified"), default_expression="now()"),
] + stamp_columns() + [row_version_column()], geometry="POINT", display_expression='"name"')

FLOWS = Table("flows", QT_TRANSLATE_NOOP("Schema", "Flows"), [
    uid_column(),
    Column("company_uid", "uuid", QT_TRANSLATE_NOOP("Schema", "Company"), required=True, references="companies.uid"),
    Column("direction", "text", QT_TRANSLATE_NOOP("Schema", "Offer or need"), required=True, vocabulary=DIRECTIONS),
    Column("family", "text", QT_TRANSLATE_NOOP("Schema", "Resource family"), required=True, vocabulary=FAMILIES),
    Column("resource_code", "text", QT_TRANSLATE_NOOP("Schema", "Resource"), required=True,
           references="resource_nomenclature.code"),
    Column("label", "text", QT_TRANSLATE_NOOP("Schema", "Description")),
    Column("quantity", "real", QUANTITY_LABEL, checks=[non_negative()]),
    Column("unit", "text", QT_TRANSLATE_NOOP("Schema", "Unit"), vocabulary=units.UNITS),
    Column("availability", "text", QT_TRANSLATE_NOOP("Schema", "Availability")),
    Column("hazardous", "boolean", QT_TRANSLATE_NOOP("Schema", "Hazardous"), required=True, default_sql="0"),
    Column("current_route", "text", QT_TRANSLATE_NOOP("Schema", "Current route")),
    Column("current_cost_eur", "real", QT_TRANSLATE_NOOP("Schema", "Current cost (EUR/yr)"), checks=[non_negative()]),
    Column("priority", "text", QT_TRANSLATE_NOOP("Schema", "Priority"), vocabulary=PRIORITIES,
           default_expression="'medium'"),
    Column("confidentiality", "text", QT_TRANSLATE_NOOP("Schema", "Confidentiality"), required=True,
           vocabulary=CONFIDENTIALITY_LEVELS, default_sql="'internal'",
           default_expression="'internal'"),
    Column("advisor", "text", QT_TRANSLATE_NOOP("Schema", "Advisor"), default_expression=USER_EXPRESSION),
    Column("status", "text", QT_TRANSLATE_NOOP("Schema", "Status"), required=True, vocabulary=FLOW_STATUSES,
           default_sql="'active'", default_expression="'active'"),
    Column("notes", "text", QT_TRANSLATE_NOOP("Schema", "Notes")),
    Column("last_verified", "date", QT_TRANSLATE_NOOP("Schema", "Last verified"), default_expression="now()"),
] + stamp_columns() + [row_version_column()], checks=[_unit_fits_family()],
    display_expression="\"resource_code\" || ' — ' || coalesce(\"label\", '')")

SYNERGIES = Table("synergies", QT_TRANSLATE_NOOP("Schema", "Synergies"), [
    uid_column(),
    Column("kind", "text", QT_TRANSLATE_NOOP("Schema", "Kind"), required=True, vocabulary=SYNERGY_KINDS),
    Column("title", "text", QT_TRANSLATE_NOOP("Schema", "Title"), required=True, checks=[not_blank()]),
    Column("resource_code", "text", QT_TRANSLATE_NOOP("Schema", "Resource"), references="resource_nomenclature.code"),
    Column("status", "text", QT_TRANSLATE_NOOP("Schema", "Status"), required=True, vocabulary=SYNERGY_STATUSES,
           default_sql="'idea'", default_expression="'idea'"),
    Column("abandon_reason", "text", QT_TRANSLATE_NOOP("Schema", "Reason for abandoning")),
    Column("quantity", "real", QUANTITY_LABEL, checks=[non_negative()]),
    Column("unit", "text", QT_TRANSLATE_NOOP("Schema", "Unit"), vocabulary=units.UNITS),
    Column("diverted_t_per_year", "real", QT_TRANSLATE_NOOP("Schema", "Diverted (t/yr)"), checks=[non_negative()]),
    Column("savings_eur_per_year", "real", QT_TRANSLATE_NOOP("Schema", "Savings (EUR/yr)")),
    Column("co2e_avoided_t_per_year", "real", QT_TRANSLATE_NOOP("Schema", "Avoided emissions (t CO2e/yr)")),
    Column("distance_km", "real", QT_TRANSLATE_NOOP("Schema", "Distance (km)"), checks=[non_negative()]),
    Column("next_action", "text", QT_TRANSLATE_NOOP("Schema", "Next action")),
    Column("next_action_date", "date", QT_TRANSLATE_NOOP("Schema", "Next action date")),
    Column("advisor", "text", QT_TRANSLATE_NOOP("Schema", "Advisor"), default_expression=USER_EXPRESSION),
    Column("confidentiality", "text", QT_TRANSLATE_NOOP("Schema", "Confidentiality"), required=True,
           vocabulary=CONFIDENTIALITY_LEVELS, default_sql="'internal'",
           default_expression="'internal'"),
    Column("notes", "text", QT_TRANSLATE_NOOP("Schema", "Notes")),
] + stamp_columns() + [row_version_column()], geometry="MULTILINESTRING",
    checks=[_abandon_needs_reason()],
    display_expression='"title"')

SYNERGY_PARTICIPANTS = Table("synergy_participants", QT_TRANSLATE_NOOP("Schema", "Synergy participants"), [
    uid_column(),
    Column("synergy_uid", "uuid", QT_TRANSLATE_NOOP("Schema", "Synergy"), required=True, references="synergies.uid",
           on_delete="cascade"),
    Column("company_uid", "uuid", QT_TRANSLATE_NOOP("Schema", "Company"), required=True, references="companies.uid"),
    Column("flow_uid", "uuid", QT_TRANSLATE_NOOP("Schema", "Flow"), references="flows.uid"),
    Column("role", "text", QT_TRANSLATE_NOOP("Schema", "Role"), required=True, vocabulary=PARTICIPANT_ROLES),
], unique_together=[("synergy_uid", "company_uid", "flow_uid")])

SYNERGY_EVENTS = Table("synergy_events", QT_TRANSLATE_NOOP("Schema", "Synergy history"), [
    uid_column(),
    Column("synergy_uid", "uuid", QT_TRANSLATE_NOOP("Schema", "Synergy"), required=True, references="synergies.uid",
           on_delete="cascade"),
    Column("at", "datetime", QT_TRANSLATE_NOOP("Schema", "When"), required=True, default_sql=NOW_SQL,
           default_expression="now()"),
    Column("by", "text", QT_TRANSLATE_NOOP("Schema", "Who"), default_expression=USER_EXPRESSION),
    Column("from_status", "text", QT_TRANSLATE_NOOP("Schema", "From status"), vocabulary=SYNERGY_STATUSES),
    Column("to_status", "text", QT_TRANSLATE_NOOP("Schema", "To status"), required=True, vocabulary=SYNERGY_STATUSES),
    Column("comment", "text", QT_TRANSLATE_NOOP("Schema", "Comment")),
], display_expression="format_date(\"at\", 'yyyy-MM-dd') || ' ' || \"to_status\"")

LINK_REVIEWS = Table("link_reviews", QT_TRANSLATE_NOOP("Schema", "Link reviews"), [
    uid_column(),
    Column("offer_flow_uid", "uuid", QT_TRANSLATE_NOOP("Schema", "Offer"), required=True, references="flows.uid"),
    Column("need_flow_uid", "uuid", QT_TRANSLATE_NOOP("Schema", "Need"), required=True, references="flows.uid"),
    Column("decision", "text", QT_TRANSLATE_NOOP("Schema", "Decision"), required=True, vocabulary=REVIEW_DECISIONS),
    Column("reason", "text", QT_TRANSLATE_NOOP("Schema", "Reason")),
    Column("by", "text", QT_TRANSLATE_NOOP("Schema", "Who"), default_expression=USER_EXPRESSION),
    Column("at", "datetime", QT_TRANSLATE_NOOP("Schema", "When"), required=True, default_sql=NOW_SQL,
           default_expression="now()"),
], unique_together=[("offer_flow_uid", "need_flow_uid")])

AREAS = Table("areas", QT_TRANSLATE_NOOP("Schema", "Areas"), [
    uid_column(),
    Column("kind", "text", QT_TRANSLATE_NOOP("Schema", "Kind"), required=True, vocabulary=AREA_KINDS),
    Column("code", "text", QT_TRANSLATE_NOOP("Schema", "Code")),
    Column("name", "text", QT_TRANSLATE_NOOP("Schema", "Name"), required=True, checks=[not_blank()]),
    Column("source", "text", QT_TRANSLATE_NOOP("Schema", "Source")),
], geometry="MULTIPOLYGON", display_expression='"name"')

# The words advisors taught the workspace: a word of a partner's file (as written) and the resource
# it names there; used by later imports, the flow form and Processing.
VOCABULARY = Table("vocabulary", QT_TRANSLATE_NOOP("Schema", "Learned words"), [
    uid_column(),
    Column("word", "text", QT_TRANSLATE_NOOP("Schema", "Word"), required=True, unique=True, checks=[not_blank()]),
    Column("code", "text", QT_TRANSLATE_NOOP("Schema", "Resource"), required=True,
           references="resource_nomenclature.code"),
    Column("by", "text", QT_TRANSLATE_NOOP("Schema", "Who"), default_expression=USER_EXPRESSION),
    Column("at", "datetime", QT_TRANSLATE_NOOP("Schema", "When"), required=True, default_sql=NOW_SQL,
           default_expression="now()"),
], display_expression="\"word\" || ' → ' || \"code\"")


def _factor_needs_source():
    given = "coalesce(\"kg_co2e_per_t\", \"kg_co2e_per_mwh\", \"kg_co2e_per_tkm\") IS NULL"
    rule = "{} OR (trim(coalesce(\"source\", '')) <> '' AND \"source_date\" IS NOT NULL)".format(given)
    return TableCheck("factor_source", rule, rule, QT_TRANSLATE_NOOP(
        "Schema", "A factor needs its source and the date of that source."), "source")


def _one_scope():
    rule = "\"resource_code\" IS NULL OR \"family\" IS NULL"
    return TableCheck("factor_scope", rule, rule, QT_TRANSLATE_NOOP(
        "Schema", "A factor applies to a resource code or to a family, not both (neither: every resource)."),
        "family")


# Emission factors for the avoided emissions the report estimates (domain/emissions.py): per
# resource code, per family, or (neither) for every resource.
EMISSION_FACTORS = Table("emission_factors", QT_TRANSLATE_NOOP("Schema", "Emission factors"), [
    uid_column(),
    Column("resource_code", "text", QT_TRANSLATE_NOOP("Schema", "Resource"), references="resource_nomenclature.code"),
    Column("family", "text", QT_TRANSLATE_NOOP("Schema", "Resource family"), vocabulary=FAMILIES),
    Column("kg_co2e_per_t", "real", QT_TRANSLATE_NOOP("Schema", "kg CO2e avoided per tonne diverted")),
    Column("kg_co2e_per_mwh", "real", QT_TRANSLATE_NOOP("Schema", "kg CO2e per MWh substituted")),
    Column("kg_co2e_per_tkm", "real", QT_TRANSLATE_NOOP("Schema", "kg CO2e per tonne-kilometre by road"),
           checks=[non_negative()]),
    Column("source", "text", QT_TRANSLATE_NOOP("Schema", "Source")),
    Column("source_date", "date", QT_TRANSLATE_NOOP("Schema", "Date of the source")),
    Column("note", "text", QT_TRANSLATE_NOOP("Schema", "Note")),
] + stamp_columns(), checks=[_factor_needs_source(), _one_scope()],
    display_expression="coalesce(\"resource_code\", \"family\", '*')")

# Written by the storage itself (triggers), never by the plugin: every insert, update and delete
# of the AUDITED tables, with the old and new values as JSON objects (geometry left out).
AUDIT_LOG = Table("audit_log", QT_TRANSLATE_NOOP("Schema", "Change history"), [
    uid_column(),
    Column("at", "datetime", QT_TRANSLATE_NOOP("Schema", "When"), required=True, default_sql=NOW_SQL),
    Column("by", "text", QT_TRANSLATE_NOOP("Schema", "Who")),
    Column("table_name", "text", QT_TRANSLATE_NOOP("Schema", "Table"), required=True),
    Column("row_uid", "uuid", QT_TRANSLATE_NOOP("Schema", "Row"), required=True),
    Column("operation", "text", QT_TRANSLATE_NOOP("Schema", "Change"), required=True,
           vocabulary=["insert", "update", "delete"]),
    Column("row_version", "integer", QT_TRANSLATE_NOOP("Schema", "Row version")),
    Column("old_values", "text", QT_TRANSLATE_NOOP("Schema", "Old values")),
    Column("new_values", "text", QT_TRANSLATE_NOOP("Schema", "New values")),
], display_expression="\"table_name\" || ' ' || \"operation\"")
AUDITED_TABLES = ["companies", "flows", "synergies", "synergy_participants", "synergy_events", "link_reviews",
                  "vocabulary", "emission_factors"]
VERSIONED_TABLES = ["companies", "flows", "synergies"]

# --- value-chain analysis: derived tables, replaced whole by each run (see workspace/analysis.py).
# No foreign keys: they copy uids so that flows stay free to change or go.
MISSING_LINKS = Table("missing_links", QT_TRANSLATE_NOOP("Schema", "Missing links"), [
    Column("kind", "text", QT_TRANSLATE_NOOP("Schema", "Kind"), required=True, vocabulary=MISSING_KINDS),
    Column("flow_uid", "text", QT_TRANSLATE_NOOP("Schema", "Flow"), required=True),
    Column("company_uid", "text", QT_TRANSLATE_NOOP("Schema", "Company"), required=True),
    Column("company_name", "text", QT_TRANSLATE_NOOP("Schema", "Company name")),
    Column("resource_code", "text", QT_TRANSLATE_NOOP("Schema", "Resource"), required=True),
    Column("family", "text", QT_TRANSLATE_NOOP("Schema", "Resource family"), required=True, vocabulary=FAMILIES),
    Column("label", "text", QT_TRANSLATE_NOOP("Schema", "Description")),
    Column("quantity", "real", QUANTITY_LABEL),
    Column("unit", "text", QT_TRANSLATE_NOOP("Schema", "Unit")),
    Column("nearest_km", "real", QT_TRANSLATE_NOOP("Schema", "Nearest counterpart beyond the distance (km)")),
    Column("confidentiality", "text", QT_TRANSLATE_NOOP("Schema", "Confidentiality"), required=True,
           vocabulary=CONFIDENTIALITY_LEVELS),
], geometry="POINT", display_expression="\"resource_code\" || ' — ' || coalesce(\"label\", '')")

POSSIBLE_LINKS = Table("possible_links", QT_TRANSLATE_NOOP("Schema", "Possible links"), [
    Column("offer_flow_uid", "text", QT_TRANSLATE_NOOP("Schema", "Offer"), required=True),
    Column("need_flow_uid", "text", QT_TRANSLATE_NOOP("Schema", "Need"), required=True),
    Column("offer_company_uid", "text", QT_TRANSLATE_NOOP("Schema", "Supplier")),
    Column("need_company_uid", "text", QT_TRANSLATE_NOOP("Schema", "Receiver")),
    Column("resource_code", "text", QT_TRANSLATE_NOOP("Schema", "Resource"), required=True),
    Column("need_resource_code", "text", QT_TRANSLATE_NOOP("Schema", "Resource needed")),
    Column("family", "text", QT_TRANSLATE_NOOP("Schema", "Resource family")),
    Column("distance_km", "real", QT_TRANSLATE_NOOP("Schema", "Distance (km)")),
    Column("covered_share", "real", QT_TRANSLATE_NOOP("Schema", "Share of the need covered")),
    Column("offer_quantity", "real", QT_TRANSLATE_NOOP("Schema", "Quantity offered")),
    Column("offer_unit", "text", QT_TRANSLATE_NOOP("Schema", "Unit offered")),
    Column("need_quantity", "real", QT_TRANSLATE_NOOP("Schema", "Quantity needed")),
    Column("need_unit", "text", QT_TRANSLATE_NOOP("Schema", "Unit needed")),
    Column("reason", "text", QT_TRANSLATE_NOOP("Schema", "Reason")),
    # No CHECK on these two: hundreds of thousands of rows are written at once.
    Column("confidentiality", "text", QT_TRANSLATE_NOOP("Schema", "Confidentiality")),
], geometry="MULTILINESTRING", display_expression='"reason"')

RESOURCE_BALANCE = Table("resource_balance", QT_TRANSLATE_NOOP("Schema", "Resource balance"), [
    Column("resource_code", "text", QT_TRANSLATE_NOOP("Schema", "Resource"), required=True),
    Column("family", "text", QT_TRANSLATE_NOOP("Schema", "Resource family"), vocabulary=FAMILIES),
    Column("unit", "text", QT_TRANSLATE_NOOP("Schema", "Unit")),
    Column("offered", "real", QT_TRANSLATE_NOOP("Schema", "Offered")),
    Column("needed", "real", QT_TRANSLATE_NOOP("Schema", "Needed")),
    Column("offer_companies", "integer", QT_TRANSLATE_NOOP("Schema", "Companies offering")),
    Column("need_companies", "integer", QT_TRANSLATE_NOOP("Schema", "Companies in need")),
    Column("offer_flows", "integer", QT_TRANSLATE_NOOP("Schema", "Offers")),
    Column("need_flows", "integer", QT_TRANSLATE_NOOP("Schema", "Needs")),
    Column("unconverted_flows", "integer", QT_TRANSLATE_NOOP("Schema", "Flows in other units (not summed)")),
    Column("gap", "text", QT_TRANSLATE_NOOP("Schema", "Value-chain gap"), vocabulary=MISSING_KINDS),
], display_expression='"resource_code"')

METABOLISM = Table("metabolism", QT_TRANSLATE_NOOP("Schema", "Metabolism"), [
    Column("company_uid", "text", QT_TRANSLATE_NOOP("Schema", "Company"), required=True),
    Column("company_name", "text", QT_TRANSLATE_NOOP("Schema", "Company name")),
    Column("offers", "integer", QT_TRANSLATE_NOOP("Schema", "Offers")),
    Column("needs", "integer", QT_TRANSLATE_NOOP("Schema", "Needs")),
    Column("flows", "integer", QT_TRANSLATE_NOOP("Schema", "Flows")),
    Column("main_family", "text", QT_TRANSLATE_NOOP("Schema", "Main resource family"), vocabulary=FAMILIES),
    Column("families", "text", QT_TRANSLATE_NOOP("Schema", "Resource families")),
    Column("role", "text", QT_TRANSLATE_NOOP("Schema", "Role"), vocabulary=["offers", "needs", "both"]),
], geometry="POINT", display_expression='"company_name"')

ANALYSIS_TABLES = [MISSING_LINKS, POSSIBLE_LINKS, RESOURCE_BALANCE, METABOLISM]

# In creation order: a table comes after the tables it references.
TABLES = [WORKSPACE_INFO, RESOURCE_NOMENCLATURE, NAF_NOMENCLATURE, COMPANIES, FLOWS, SYNERGIES,
          SYNERGY_PARTICIPANTS, SYNERGY_EVENTS, LINK_REVIEWS, AREAS, VOCABULARY, EMISSION_FACTORS, AUDIT_LOG] + ANALYSIS_TABLES
TABLES_BY_NAME = {t.name: t for t in TABLES}

# Tables whose rows hold personal data, and the columns concerned.
PERSONAL_COLUMNS = {t.name: [c.name for c in t.columns if c.personal] for t in TABLES
                    if any(c.personal for c in t.columns)}


def foreign_keys():
    """``(table, column, referenced table, referenced column, on_delete)`` for every reference."""
    return [(t.name, c.name, c.referenced_table, c.referenced_column, c.on_delete)
            for t in TABLES for c in t.columns if c.references]
