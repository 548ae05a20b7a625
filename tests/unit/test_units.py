import pytest

from territorial_flux_plugin.domain.units import FAMILY_UNITS, UNITS, base_unit, canonical_unit, convert, unit_fits_family
from territorial_flux_plugin.domain.vocabulary import FAMILIES


@pytest.mark.parametrize("spelling, unit", [
    ("t/an", "t/yr"), ("tonnes/an", "t/yr"), ("Tonnes par an", "t/yr"), ("t/yr", "t/yr"),
    ("kg/an", "kg/yr"), ("m³/an", "m3/yr"), ("m3/an", "m3/yr"), ("MWh/an", "MWh/yr"),
    ("mwh/yr", "MWh/yr"), ("ETP", "FTE"), ("fte", "FTE"), ("m²", "m2"), ("kw", "kW"),
    ("h/an", "h/yr"), ("heures/an", "h/yr"), ("unités", "unit"),
])
def test_spellings(spelling, unit):
    assert canonical_unit(spelling) == unit


@pytest.mark.parametrize("spelling", ["", None, "12", "bananas", "t/km"])
def test_unknown_units(spelling):
    assert canonical_unit(spelling) is None


def test_every_family_has_units_and_every_unit_is_known():
    assert set(FAMILY_UNITS) == set(FAMILIES)
    for units in FAMILY_UNITS.values():
        assert set(units) <= set(UNITS)


def test_fits_family():
    assert unit_fits_family("t/yr", "waste")
    assert unit_fits_family("MWh/yr", "energy")
    assert unit_fits_family("FTE", "skills")
    assert not unit_fits_family("MWh/yr", "waste")
    assert not unit_fits_family("t/yr", "skills")


def test_conversions():
    assert convert(500, "kg/yr", "t/yr") == pytest.approx(0.5)
    assert convert(2, "GWh/yr", "MWh/yr") == pytest.approx(2000)
    assert convert(1, "ha", "m2") == pytest.approx(10000)
    assert convert(1, "t/yr", "m3/yr") is None
    assert base_unit("kWh/yr") == "MWh/yr"


def test_units_read_in_the_interface_language_stored_canonical():
    from territorial_flux_plugin.domain.units import UNITS, amount_label, canonical_unit, unit_label

    assert unit_label("t/yr", "fr") == "t/an"
    assert unit_label("MWh/yr", "fr") == "MWh/an"
    assert unit_label("EUR/yr", "fr") == "€/an"
    assert unit_label("t/yr", "en") == "t/yr"
    assert amount_label(1200, "t/yr", "fr") == "1\u202f200 t/an"
    assert amount_label(12.5, "MWh/yr", "fr") == "12,5 MWh/an"
    assert amount_label(1200, "t/yr", "en") == "1,200 t/yr"
    for unit in UNITS:  # what a French reader sees reads back as the same canonical unit
        assert canonical_unit(unit_label(unit, "fr")) == unit, unit
