"""Avoided emissions estimated from emission factors (domain.emissions): the formula and the
lookup order (resource code, then family, then every resource)."""

from territorial_flux_plugin.domain.emissions import Factor, FactorTable, avoided, estimate


def table():
    return FactorTable([
        Factor(resource_code="15 01 01", kg_co2e_per_t=700.0, source="code", source_date="2024-01-01"),
        Factor(family="waste", kg_co2e_per_t=300.0, kg_co2e_per_tkm=0.2, source="family", source_date="2024-01-01"),
        Factor(family="energy", kg_co2e_per_mwh=50.0, source="heat", source_date="2024-01-01"),
        Factor(kg_co2e_per_tkm=0.1, kg_co2e_per_t=1.0, source="all", source_date="2024-01-01"),
    ])


def test_formula():
    # 40 t × 700 kg/t ÷ 1000 − 40 t × 25 km × 0.2 kg/t·km ÷ 1000 = 28 − 0.2
    found = estimate(table(), "15 01 01", "waste", diverted_t=40.0, distance_km=25.0)
    assert found.value == 27.8
    assert [(u.kind, u.value, u.source) for u in found.used] == [
        ("kg_co2e_per_t", 700.0, "code"), ("kg_co2e_per_tkm", 0.2, "family")]


def test_lookup_order():
    factors = table()
    assert factors.lookup("kg_co2e_per_t", "15 01 01", "waste").scope == "15 01 01"
    assert factors.lookup("kg_co2e_per_t", "15 01 02", "waste").scope == "waste"
    assert factors.lookup("kg_co2e_per_t", "MA 01 01", "matter").scope == "*"
    assert factors.lookup("kg_co2e_per_tkm", "15 01 01", "waste").value == 0.2
    assert factors.lookup("kg_co2e_per_tkm", "MA 01 01", "matter").value == 0.1
    assert factors.lookup("kg_co2e_per_mwh", "MA 01 01", "matter") is None


def test_energy_substituted_in_any_energy_unit():
    # 2 GWh/yr = 2000 MWh × 50 kg/MWh ÷ 1000 = 100 t; no tonnes diverted, no transport term
    found = estimate(table(), "EN 01 04", "energy", quantity=2.0, unit="GWh/yr", distance_km=5.0)
    assert (found.value, found.substituted_mwh) == (100.0, 2000.0)


def test_no_estimate_without_a_term():
    assert estimate(table(), "EN 01 04", "energy", quantity=10.0, unit="t/yr") is None  # no per-tonne diverted
    assert estimate(FactorTable([]), "15 01 01", "waste", diverted_t=10.0) is None
    only_transport = FactorTable([Factor(kg_co2e_per_tkm=0.1, source="all", source_date="2024-01-01")])
    assert estimate(only_transport, "15 01 01", "waste", diverted_t=10.0, distance_km=3.0) is None


def test_an_entered_value_wins():
    synergy = {"co2e_avoided_t_per_year": 3.0, "diverted_t_per_year": 40.0, "resource_code": "15 01 01",
               "family": "waste"}
    assert avoided(table(), synergy) == (3.0, False)
    synergy["co2e_avoided_t_per_year"] = None
    assert avoided(table(), synergy) == (28.0, True)


def test_shipped_factors_are_cited_or_empty_with_their_reason():
    from territorial_flux_plugin.domain.emissions import DEFAULT_COLUMNS, DEFAULT_FACTORS, UNCITED_NOTE, default_rows

    assert all(len(row) == len(DEFAULT_COLUMNS) for row in default_rows())
    kinds = ("kg_co2e_per_t", "kg_co2e_per_mwh", "kg_co2e_per_tkm")
    with_value = [f for f in DEFAULT_FACTORS if any(f.get(k) is not None for k in kinds)]
    assert with_value, "the road transport factor is cited"
    for factor in with_value:
        assert "Base Carbone" in factor["source"] and "http" in factor["source"]
        assert len(factor["source_date"]) == 10
    assert [f.get("kg_co2e_per_tkm") for f in with_value] == [0.105]
    for factor in DEFAULT_FACTORS:
        if factor not in with_value:
            assert factor["note"] == UNCITED_NOTE and not factor.get("source")
    table = FactorTable([Factor(**{k: v for k, v in f.items() if k in Factor._fields}) for f in DEFAULT_FACTORS])
    assert estimate(table, "15 01 01", "waste", diverted_t=10.0, distance_km=5.0) is None  # no per-tonne factor shipped
