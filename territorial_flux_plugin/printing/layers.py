"""The layers a printed map draws: read-only, filtered per confidentiality level, without
personal data.

Each shows the rows of an SQL query (``Workspace.query_layer``): in a GeoPackage a view registered
in the file (``tf_print_<table>_<level>``), which every reader from QGIS 3.22 to 4 opens as a
table; on a team workspace a PostgreSQL query layer through the user's own connection, so that
the server's row-level security applies to what a reader prints. The query *is* the filter: it
is stored in the workspace with the layer, so a layout reprinted from QGIS's layout designer
draws exactly what the plugin printed, and flows or synergies above the level are absent from
the layer, from its features and from the legend's counts. The personal columns of the schema
(``contact_name``, ``contact_email``, ``contact_phone``) are never selected. These layers are
not the editable workspace layers: their tables are no table of the schema, so
:func:`..project.build.workspace_layers` never mistakes them for those.

``metabolism`` is computed by the query from the flows visible at the level (active flows of
active companies, as :func:`..analysis.inputs.metabolism` counts them), since the stored
metabolism table counts every flow the analysis saw.
"""

from qgis.core import QgsMarkerSymbol, QgsSingleSymbolRenderer

from ..domain.errors import TerritorialFluxError
from ..domain.messages import QT_TRANSLATE_NOOP
from ..domain.vocabulary import CONFIDENTIALITY_LEVELS, visible_levels
from ..project import styles
from ..project.build import layer_title
from ..storage.schema import PERSONAL_COLUMNS, TABLES_BY_NAME
from ..toolbelt.i18n import tr, vocabulary_label

THEMES = ("synergies", "missinglinks", "metabolism")
ATLAS_KINDS = ("none", "commune", "zone", "family")

# Print theme -> [(table, how it is styled)], top layer first (as workspace/themes.py's themes).
THEME_LAYERS = {
    "synergies": [("synergies", None), ("companies", "background"), ("areas", None)],
    "missinglinks": [("missing_links", None), ("possible_links", None), ("companies", "faded"), ("areas", None)],
    "metabolism": [("metabolism", None), ("areas", None)],
}

FILTERED_TABLES = ("synergies", "missing_links", "possible_links")  # rows carry a confidentiality
PRINT_PROPERTY = "territorial_flux_print"  # custom property of the print layers: "table|level"


def theme_title(theme):
    return {"synergies": tr("Synergies"), "missinglinks": tr("Missing links"),
            "metabolism": tr("Metabolism")}[theme]


def level_label(level):
    return vocabulary_label(CONFIDENTIALITY_LEVELS[level])


def _quote(value):
    return "'{}'".format(str(value).replace("'", "''"))


def levels_sql(level):
    """``('partners', 'public')``: the levels an audience cleared for ``level`` may see."""
    if level not in CONFIDENTIALITY_LEVELS:
        raise ValueError(level)
    return "({})".format(", ".join(_quote(v) for v in visible_levels(level)))


def public_columns(table):
    """The columns of ``table`` a print may show (every column but the personal ones)."""
    personal = set(PERSONAL_COLUMNS.get(table, ()))
    return [c for c in TABLES_BY_NAME[table].column_names if c not in personal]


def _select(workspace, table, where=None):
    columns = ", ".join('"{}"'.format(c) for c in ["fid", "geom"] + public_columns(table))
    return "SELECT {} FROM {}{}".format(columns, workspace.qualified(table), " WHERE " + where if where else "")


def metabolism_sql(workspace, level):
    visible = levels_sql(level)
    offers = "sum(CASE WHEN f.direction = 'offer' THEN 1 ELSE 0 END)"
    needs = "sum(CASE WHEN f.direction = 'need' THEN 1 ELSE 0 END)"
    return (
        "SELECT c.fid AS fid, c.geom AS geom, c.uid AS company_uid, c.name AS company_name, "
        "{offers} AS offers, {needs} AS needs, count(*) AS flows, "
        "(SELECT f2.family FROM {flows} f2 WHERE f2.company_uid = c.uid AND f2.status = 'active' "
        "AND f2.direction IN ('offer', 'need') AND f2.confidentiality IN {visible} "
        "GROUP BY f2.family ORDER BY count(*) DESC, f2.family LIMIT 1) AS main_family, "
        "CASE WHEN {offers} > 0 AND {needs} > 0 THEN 'both' WHEN {offers} > 0 THEN 'offers' "
        "ELSE 'needs' END AS role "
        "FROM {companies} c JOIN {flows} f ON f.company_uid = c.uid "
        "WHERE c.status <> 'archived' AND c.geom IS NOT NULL AND f.status = 'active' "
        "AND f.direction IN ('offer', 'need') AND f.confidentiality IN {visible} "
        "GROUP BY c.fid").format(offers=offers, needs=needs, visible=visible, flows=workspace.qualified("flows"),
                                 companies=workspace.qualified("companies"))


def table_sql(workspace, table, level):
    """The query of the print layer of ``table`` at ``level``."""
    if table == "metabolism":
        return metabolism_sql(workspace, level)
    if table in FILTERED_TABLES:
        return _select(workspace, table, "\"confidentiality\" IN {}".format(levels_sql(level)))
    if table == "companies":
        return _select(workspace, table, "\"status\" <> 'archived'")
    if table == "areas":
        return _select(workspace, table)
    raise ValueError(table)


def atlas_sql(workspace, kind, with_areas):
    """The atlas coverage: one feature per commune (or zone) that has companies.

    With boundaries of that kind in ``areas``, those whose code or name is the commune (zone) of
    a company, or that contain one; without, the extent of each commune's companies.
    """
    companies = workspace.qualified("companies")
    listed = "SELECT {} FROM " + companies + " WHERE status <> 'archived' AND {} IS NOT NULL"
    if with_areas:
        if kind == "commune":
            named = ("a.code IN ({}) OR a.name IN ({})".format(
                listed.format("commune_code", "commune_code"), listed.format("commune", "commune")))
        else:
            named = "a.name IN ({0}) OR a.code IN ({0})".format(listed.format("zone", "zone"))
        inside = workspace.area_has_company_sql("a")
        return ("SELECT a.fid AS fid, a.geom AS geom, a.kind AS kind, a.code AS code, a.name AS name "
                "FROM {} a WHERE a.kind = {} AND ({} OR {})").format(workspace.qualified("areas"), _quote(kind), named,
                                                                     inside)
    key = "coalesce(c.commune_code, c.commune)" if kind == "commune" else "c.zone"
    code = "c.commune_code" if kind == "commune" else "c.zone"
    name = "coalesce(c.commune, c.commune_code)" if kind == "commune" else "c.zone"
    envelope = workspace.geometry_output("ST_Buffer(ST_Envelope(ST_Collect({})), {{margin}})".format(
        workspace.geometry_input("c.geom")))
    return ("SELECT min(c.fid) AS fid, {envelope} AS geom, "
            "{kind} AS kind, max({code}) AS code, max({name}) AS name FROM {companies} c "
            "WHERE c.status <> 'archived' AND c.geom IS NOT NULL AND {key} IS NOT NULL "
            "GROUP BY {key}").format(envelope=envelope, kind=_quote(kind), code=code, name=name, key=key,
                                     companies=companies)


def table_titles():
    return {table: layer_title(table) for table in TABLES_BY_NAME}


def print_layer(workspace, table, level, style=None):
    """The print layer of ``table`` at ``level``, styled as the theme shows it."""
    geometry = TABLES_BY_NAME[table].geometry
    layer = workspace.query_layer("print_{}_{}".format(table, level), table_sql(workspace, table, level),
                                  table_titles()[table], geometry)
    if not layer.isValid():
        raise TerritorialFluxError(QT_TRANSLATE_NOOP(
            "Validation", "Cannot read the table {table} of {path}."), table=table, path=workspace.reference)
    layer.setCustomProperty(PRINT_PROPERTY, "{}|{}".format(table, level))
    layer.setReadOnly(True)
    styler = styles.STYLERS.get(table)
    if styler:
        styler(layer)
    if style == "background":
        styles.style_companies_background(layer)
    elif style == "faded":
        style_companies_print_faded(layer)
    return layer


def style_companies_print_faded(layer):
    """Companies in light grey behind the missing links.

    The workspace's *faded* style tells companies with flows from the others through every flow
    of the workspace; a print may not reveal flows above its level, so all are drawn alike.
    """
    symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": "#b4b4b4", "outline_color": "#ffffff",
                                           "outline_width": "0.15", "size": "1.6"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.setLabelsEnabled(False)
