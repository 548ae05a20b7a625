"""What a report reads from a workspace (either storage): the rows :func:`domain.indicators.compute`
takes, read through the storage interface, so that a team reader sees only what the server
lets them see."""

from ..domain import emissions
from ..domain.indicators import Data

_QUERIES = {
    "companies": "SELECT uid, naf_code, status, last_verified FROM {t:companies}",
    "flows": "SELECT uid, company_uid, direction, family, resource_code, quantity, unit, confidentiality, status, "
             "advisor, created_at FROM {t:flows}",
    "synergies": "SELECT s.uid, s.title, s.kind, s.status, s.resource_code, r.family, r.label_en AS resource_en, "
                 "r.label_fr AS resource_fr, s.quantity, s.unit, s.diverted_t_per_year, s.savings_eur_per_year, "
                 "s.co2e_avoided_t_per_year, s.distance_km, s.confidentiality, s.created_at "
                 "FROM {t:synergies} s LEFT JOIN {t:resource_nomenclature} r ON r.code = s.resource_code",
    "participants": "SELECT synergy_uid, company_uid, flow_uid, role FROM {t:synergy_participants}",
    "events": "SELECT synergy_uid, \"at\", \"by\", from_status, to_status FROM {t:synergy_events}",
    "reviews": "SELECT offer_flow_uid, need_flow_uid, decision, \"at\" FROM {t:link_reviews}",
}
FACTORS_SQL = ("SELECT resource_code, family, kg_co2e_per_t, kg_co2e_per_mwh, kg_co2e_per_tkm, source, source_date "
               "FROM {t:emission_factors}")


def _text_uids(rows):
    """uids as text (a team workspace's uuid columns may come back as uuid objects)."""
    for row in rows:
        for key, value in row.items():
            if value is not None and (key == "uid" or key.endswith("_uid")):
                row[key] = str(value)
    return rows


def read_factors(database):
    """The workspace's :class:`emissions.FactorTable` (empty for a workspace without the table)."""
    if not has_factor_table(database):
        return emissions.FactorTable([])
    return emissions.FactorTable([emissions.Factor(**row) for row in database.rows(FACTORS_SQL)])


def has_factor_table(database):
    if database.dialect == "postgres":
        found = database.execute("SELECT to_regclass(?)", ("{}.emission_factors".format(
            '"{}"'.format(database.schema)),)).fetchone()
        return bool(found and found[0])
    return bool(database.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'emission_factors'").fetchone())


def read(workspace):
    """The workspace's :class:`domain.indicators.Data`."""
    with workspace.opened(read_only=True) as database:
        rows = {name: _text_uids(database.rows(sql)) for name, sql in _QUERIES.items()}
        factors = read_factors(database)
    return Data(rows["companies"], rows["flows"], rows["synergies"], rows["participants"], rows["events"],
                rows["reviews"], factors)
