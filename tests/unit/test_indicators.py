"""The territory's indicators (domain.indicators) on a hand-made territory with known answers:
synergies at every status, events on both sides of the period, flows and synergies at every
confidentiality level."""

import pytest

from territorial_flux_plugin.domain import emissions, indicators, naf
from territorial_flux_plugin.domain.indicators import SYNERGY_COLUMNS, compute, value_of

PERIOD = ("2025-01-01", "2025-12-31")


def company(uid, naf_code, last_verified=None, status="active"):
    return {"uid": uid, "naf_code": naf_code, "status": status, "last_verified": last_verified}


def flow(uid, company_uid, direction, family, code, quantity, unit, level, advisor, created, status="active"):
    return {"uid": uid, "company_uid": company_uid, "direction": direction, "family": family, "resource_code": code,
            "quantity": quantity, "unit": unit, "confidentiality": level, "status": status, "advisor": advisor,
            "created_at": created + "T09:00:00.000Z"}


def synergy(uid, status, level, code=None, family=None, diverted=None, savings=None, co2e=None, distance=None,
            created="2024-01-01", quantity=None, unit=None):
    return {"uid": uid, "title": "Synergy " + uid, "kind": "substitution", "status": status, "resource_code": code,
            "family": family, "resource_en": "label " + uid, "resource_fr": "libellé " + uid, "quantity": quantity,
            "unit": unit, "diverted_t_per_year": diverted, "savings_eur_per_year": savings,
            "co2e_avoided_t_per_year": co2e, "distance_km": distance, "confidentiality": level,
            "created_at": created + "T08:00:00.000Z"}


def events(synergy_uid, *steps, by="alice"):
    out, previous = [], None
    for day, status in steps:
        out.append({"synergy_uid": synergy_uid, "at": day + "T10:00:00.000Z", "by": by, "from_status": previous,
                    "to_status": status})
        previous = status
    return out


@pytest.fixture
def territory():
    companies = [company("A", "24.10Z", "2025-03-01"), company("B", "38.11Z", "2024-12-31"), company("C", "10.71C"),
                 company("D", None, "2025-06-01"), company("Z", "24.10Z", "2025-05-01", status="archived")]
    flows = [
        flow("f1", "A", "offer", "waste", "15 01 01", 100.0, "t/yr", "public", "alice", "2025-02-01"),
        flow("f2", "B", "need", "waste", "15 01 01", 50000.0, "kg/yr", "partners", "bob", "2024-11-01"),
        flow("f3", "C", "need", "energy", "EN 01 04", 200.0, "MWh/yr", "internal", "alice", "2025-04-01"),
        flow("f4", "D", "offer", "matter", "MA 02 05", 10.0, "t/yr", "advisor", "bob", "2025-05-01"),
        flow("f5", "A", "offer", "matter", "MA 02 05", None, None, "public", "alice", "2025-05-01", status="archived"),
        flow("f6", "Z", "offer", "waste", "15 01 01", 5.0, "t/yr", "public", "alice", "2025-05-01"),
        flow("f7", "C", "offer", "matter", "MA 02 05", 30.0, "m3/yr", "partners", "carol", "2025-06-01"),
    ]
    synergies = [
        synergy("s1", "idea", "public"),
        synergy("s2", "contacted", "internal"),
        synergy("s3", "studying", "partners"),
        synergy("s4", "implementing", "internal"),
        synergy("s5", "operating", "public", "15 01 01", "waste", diverted=40.0, savings=5000.0, co2e=12.5, distance=3.0),
        synergy("s6", "operating", "internal", "MA 02 05", "matter", diverted=20.0, distance=10.0),
        synergy("s7", "abandoned", "partners"),
        synergy("s8", "operating", "internal"),
        synergy("s9", "idea", "internal"),
        synergy("s10", "operating", "advisor", diverted=1000.0),
        synergy("s11", "studying", "internal", created="2025-09-01"),
    ]
    history = (events("s1", ("2025-02-01", "idea"))
               + events("s2", ("2024-10-01", "idea"), ("2025-03-01", "contacted"))
               + events("s3", ("2025-01-10", "idea"), ("2025-02-10", "contacted"), ("2025-05-10", "studying"), by="bob")
               + events("s4", ("2024-05-01", "idea"), ("2025-06-01", "implementing"))
               + events("s5", ("2024-01-05", "idea"), ("2024-03-01", "operating"))
               + events("s6", ("2025-01-15", "idea"), ("2025-07-01", "operating"))
               + events("s7", ("2025-01-01", "idea"), ("2025-08-01", "abandoned"))
               + events("s8", ("2025-02-01", "idea"), ("2026-01-10", "operating"))
               + events("s9", ("2026-02-01", "idea"))
               + events("s10", ("2025-03-01", "idea"), ("2025-04-01", "operating")))
    participants = [
        {"synergy_uid": "s5", "company_uid": "A", "flow_uid": "f1", "role": "supplier"},
        {"synergy_uid": "s5", "company_uid": "B", "flow_uid": "f2", "role": "receiver"},
        {"synergy_uid": "s6", "company_uid": "D", "flow_uid": "f4", "role": "supplier"},
        {"synergy_uid": "s6", "company_uid": "C", "flow_uid": "f3", "role": "receiver"},
    ]
    reviews = [
        {"offer_flow_uid": "f1", "need_flow_uid": "f2", "decision": "promoted", "at": "2025-03-01T10:00:00.000Z"},
        {"offer_flow_uid": "f7", "need_flow_uid": "f3", "decision": "rejected", "at": "2025-04-01T10:00:00.000Z"},
        {"offer_flow_uid": "f1", "need_flow_uid": "f3", "decision": "rejected", "at": "2024-06-01T10:00:00.000Z"},
        {"offer_flow_uid": "f4", "need_flow_uid": "f3", "decision": "promoted", "at": "2025-05-01T10:00:00.000Z"},
    ]
    factors = emissions.FactorTable([
        emissions.Factor(resource_code="MA 02 05", kg_co2e_per_t=500.0, source="test", source_date="2025-01-01"),
        emissions.Factor(family="waste", kg_co2e_per_t=300.0, source="test", source_date="2025-01-01"),
        emissions.Factor(kg_co2e_per_tkm=0.1, source="test", source_date="2025-01-01"),
    ])
    return indicators.Data(companies, flows, synergies, participants, history, reviews, factors)


EXPECTED = {
    # key: (advisor, internal, partners, public)
    "companies": (4, 4, 3, 2),
    "companies_verified": (2, 2, 1, 1),
    "flows_offer": (3, 2, 2, 1),
    "flows_need": (2, 2, 1, 0),
    "flows_waste": (2, 2, 2, 1),
    "flows_matter": (2, 1, 1, 0),
    "flows_energy": (1, 1, 0, 0),
    "flows_water": (0, 0, 0, 0),
    "synergies_idea": (2, 2, 1, 1),
    "synergies_contacted": (1, 1, 0, 0),
    "synergies_studying": (2, 2, 1, 0),
    "synergies_implementing": (1, 1, 0, 0),
    "synergies_operating": (3, 2, 1, 1),
    "synergies_abandoned": (1, 1, 1, 0),
    "synergies_created": (7, 6, 3, 1),
    "synergies_operating_reached": (2, 1, 0, 0),
    "diverted_t_per_year": (1060.0, 60.0, 40.0, 40.0),
    "savings_eur_per_year": (5000.0, 5000.0, None, None),
    "co2e_avoided_t_per_year": (22.5, 22.5, 12.5, 12.5),
    "distance_km": (13.0, 13.0, 3.0, 3.0),
    "links_promoted": (2, 1, 1, 0),  # at public, f2 (partners) hides the review of f1 → f2
    "links_rejected": (1, 1, 0, 0),
    "links_reviewed": (3, 2, 1, 0),
    "links_promoted_operating": (2, 1, 1, 0),
}
LEVELS = ("advisor", "internal", "partners", "public")


@pytest.mark.parametrize("level", LEVELS)
def test_every_indicator_at_every_level(territory, level):
    report = compute(territory, PERIOD, level)
    found = {i.key: i.value for i in report.indicators}
    expected = {key: values[LEVELS.index(level)] for key, values in EXPECTED.items()}
    assert {key: found[key] for key in expected} == expected


def test_keys_and_units_are_the_issues(territory):
    report = compute(territory, PERIOD, "internal")
    units = {i.key: i.unit for i in report.indicators}
    for family in ("matter", "waste", "energy", "water", "equipment", "service", "skills", "logistics", "space"):
        assert units["flows_" + family] == "count"
    for status in ("idea", "contacted", "studying", "implementing", "operating", "abandoned"):
        assert units["synergies_" + status] == "count"
    assert (units["diverted_t_per_year"], units["savings_eur_per_year"], units["co2e_avoided_t_per_year"],
            units["distance_km"]) == ("t/yr", "EUR/yr", "t CO2e/yr", "km")
    for key in ("companies", "companies_verified", "flows_offer", "flows_need", "synergies_created",
                "synergies_operating_reached", "links_promoted", "links_rejected"):
        assert units[key] == "count"


def test_estimated_co2e_is_marked(territory):
    report = compute(territory, PERIOD, "internal")
    assert next(i for i in report.indicators if i.key == "co2e_avoided_t_per_year").estimated is True
    assert not any(i.estimated for i in report.indicators if i.key != "co2e_avoided_t_per_year")
    rows = {r["uid"]: r for r in report.synergies}
    # 20 t × 500 kg/t ÷ 1000 − 20 t × 10 km × 0.1 kg/t·km ÷ 1000 = 9.98
    assert (rows["s6"]["co2e_avoided_t_per_year"], rows["s6"]["co2e_estimated"]) == (10.0, True)
    assert (rows["s5"]["co2e_avoided_t_per_year"], rows["s5"]["co2e_estimated"]) == (12.5, False)
    partners = compute(territory, PERIOD, "partners")
    assert next(i for i in partners.indicators if i.key == "co2e_avoided_t_per_year").estimated is False


def test_synergy_rows(territory):
    report = compute(territory, PERIOD, "internal", language="fr")
    rows = {r["uid"]: r for r in report.synergies}
    assert set(rows) == {"s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s11"}  # s9 came later, s10 is hidden
    assert all(tuple(r) == SYNERGY_COLUMNS for r in report.synergies)
    assert rows["s8"]["status"] == "idea"  # operating only after the period
    assert rows["s11"]["status"] == "studying" and rows["s11"]["created"] == "2025-09-01"  # no event: its own status
    assert rows["s6"]["operating_since"] == "2025-07-01" and rows["s5"]["operating_since"] == "2024-03-01"
    assert rows["s5"]["resource"] == "libellé s5"
    partners = {r["uid"]: r for r in compute(territory, PERIOD, "partners").synergies}
    assert set(partners) == {"s1", "s3", "s5", "s7"}
    assert partners["s5"]["savings_eur_per_year"] is None


def test_contributors_inside_the_organisation_only(territory):
    assert compute(territory, PERIOD, "internal").contributors == [("alice", 2, 8), ("bob", 0, 3), ("carol", 1, 0)]
    assert compute(territory, PERIOD, "partners").contributors == []
    assert compute(territory, PERIOD, "public").contributors == []


def test_a_period_with_nothing_in_it(territory):
    report = compute(territory, ("2030-01-01", "2030-01-31"), "internal")
    assert value_of(report, "synergies_created") == 0 and value_of(report, "links_reviewed") == 0
    assert value_of(report, "synergies_idea") == 2  # s1, and s9 created in 2026; s8 operating by then
    assert value_of(report, "synergies_operating") == 3


def test_sankey_totals_are_the_visible_offers_and_needs(territory):
    report = compute(territory, PERIOD, "internal")
    flows = report.sankey_flows
    assert (flows.left_total, flows.right_total) == (value_of(report, "flows_offer"), value_of(report, "flows_need"))
    assert dict(flows.left) == {"C": 2} and dict(flows.right) == {"C": 1, "E": 1}
    assert flows.links_in == [("C", "matter", 1), ("C", "waste", 1)]
    tonnes = report.sankey_tonnes
    assert (dict(tonnes.left), dict(tonnes.right), tonnes.left_out) == ({"C": 100.0}, {"E": 50.0}, 1)


def test_naf_sections():
    assert [naf.section_of(c) for c in ("01.11Z", "24.10Z", "35.11Z", "38.11Z", "99.00Z", None, "xx")] == \
        ["A", "C", "D", "E", "U", "?", "?"]
    assert len(naf.SECTIONS) == 21


def test_the_sankey_drawn_keeps_its_widths(territory):
    from matplotlib.figure import Figure

    from territorial_flux_plugin.reporting import sankey as drawing

    report = compute(territory, PERIOD, "advisor")
    figure = Figure()
    boxes = drawing.draw(figure.add_subplot(1, 1, 1), report.sankey_flows, str, str, str)
    assert sum(h for (column, _k), (_x, _y, h) in boxes.items() if column == 0) == report.sankey_flows.left_total
    assert sum(h for (column, _k), (_x, _y, h) in boxes.items() if column == 2) == report.sankey_flows.right_total
    assert drawing.band_totals(report.sankey_flows) == (3, 2)
