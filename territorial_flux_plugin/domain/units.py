"""Units of flow quantities: canonical spellings, the units that fit each family, conversions.

Quantities convert only within one dimension (``kg/yr`` and ``t/yr`` do; ``t/yr`` and ``m3/yr``
do not). Each dimension has a base unit, the first listed.
"""

import re

# dimension -> {canonical unit: factor to the dimension's base unit}; base unit first.
DIMENSIONS = {
    "mass_rate": {"t/yr": 1.0, "kg/yr": 0.001},
    "mass": {"t": 1.0, "kg": 0.001},
    "energy_rate": {"MWh/yr": 1.0, "kWh/yr": 0.001, "GWh/yr": 1000.0},
    "power": {"kW": 1.0, "MW": 1000.0},
    "volume_rate": {"m3/yr": 1.0, "l/yr": 0.001},
    "volume": {"m3": 1.0, "l": 0.001},
    "time_rate": {"h/yr": 1.0},
    "staff": {"FTE": 1.0},
    "area": {"m2": 1.0, "ha": 10000.0},
    "count": {"unit": 1.0},
    "trips": {"trips/yr": 1.0},
    "distance_rate": {"km/yr": 1.0},
}

UNIT_DIMENSION = {unit: dim for dim, units in DIMENSIONS.items() for unit in units}
UNITS = tuple(UNIT_DIMENSION)

# The units proposed for each family, the usual one first.
FAMILY_UNITS = {
    "matter": ("t/yr", "kg/yr", "m3/yr", "t", "m3", "unit"),
    "waste": ("t/yr", "kg/yr", "m3/yr", "t", "m3", "unit"),
    "energy": ("MWh/yr", "kWh/yr", "GWh/yr", "kW", "MW", "t/yr", "m3/yr"),
    "water": ("m3/yr", "l/yr", "m3"),
    "equipment": ("unit", "h/yr", "m2"),
    "service": ("h/yr", "unit", "FTE", "t/yr"),
    "skills": ("h/yr", "FTE"),
    "logistics": ("trips/yr", "t/yr", "km/yr", "m3/yr", "unit", "m2"),
    "space": ("m2", "ha", "m3", "unit"),
}

_ALIASES = {
    "t/yr": ["t/an", "t/a", "t/year", "t/y", "tonne/an", "tonnes/an", "tonne/yr", "tonnes/yr",
             "tonnes/year", "ton/yr", "tons/yr", "tons/year", "tpa", "t.an-1", "tan-1"],
    "kg/yr": ["kg/an", "kg/a", "kg/year", "kg/y", "kilogrammes/an", "kilograms/year", "kg.an-1"],
    "t": ["tonne", "tonnes", "ton", "tons"],
    "kg": ["kilogramme", "kilogrammes", "kilogram", "kilograms"],
    "MWh/yr": ["mwh/an", "mwh/a", "mwh/year", "mwh/y", "mwh"],
    "kWh/yr": ["kwh/an", "kwh/a", "kwh/year", "kwh/y", "kwh"],
    "GWh/yr": ["gwh/an", "gwh/a", "gwh/year", "gwh/y", "gwh"],
    "kW": ["kw", "kilowatt", "kilowatts"],
    "MW": ["mw", "megawatt", "megawatts", "mégawatt", "mégawatts"],
    "m3/yr": ["m3/an", "m3/a", "m3/year", "m3/y", "m^3/yr", "mètrescubes/an", "metrescubes/an",
              "cubicmetres/year", "cubicmeters/year"],
    "l/yr": ["l/an", "l/a", "l/year", "litres/an", "liters/year", "litres/year"],
    "m3": ["m^3", "mètrescubes", "metrescubes", "cubicmetres", "cubicmeters"],
    "l": ["litre", "litres", "liter", "liters"],
    "h/yr": ["h/an", "h/a", "h/year", "heures/an", "heure/an", "hours/year", "hours/yr", "hrs/yr"],
    "FTE": ["fte", "etp", "équivalenttempsplein", "equivalenttempsplein", "fulltimeequivalent"],
    "m2": ["m^2", "mètrescarrés", "metrescarres", "squaremetres", "squaremeters", "sqm"],
    "ha": ["hectare", "hectares"],
    "unit": ["units", "unité", "unités", "unite", "unites", "u", "pcs", "pièce", "pièces",
             "piece", "pieces", "item", "items"],
    "trips/yr": ["trips/year", "voyages/an", "trajets/an", "rotations/an", "trips/an"],
    "km/yr": ["km/an", "km/year", "km/a"],
}


def _key(text):
    text = str(text).strip().lower()
    text = text.replace("³", "3").replace("²", "2").replace("·", ".")
    text = re.sub(r"\s+", "", text)
    text = re.sub(r"\b(per|par)\b", "/", text)
    return text.replace("//", "/")


_LOOKUP = {}
for _canonical, _spellings in _ALIASES.items():
    for _spelling in [_canonical] + _spellings:
        _LOOKUP[_key(_spelling)] = _canonical
for _canonical in UNITS:
    _LOOKUP.setdefault(_key(_canonical), _canonical)


def canonical_unit(text):
    """The canonical unit for a usual English or French spelling, or None."""
    if text is None or not str(text).strip():
        return None
    key = _key(text)
    if key in _LOOKUP:
        return _LOOKUP[key]
    # "tonnes par an" -> "tonnes/an"
    key = re.sub(r"(par|per)", "/", key)
    return _LOOKUP.get(key)


def unit_fits_family(unit, family):
    return unit in FAMILY_UNITS.get(family, ())


def convert(quantity, unit, to_unit):
    """``quantity`` expressed in ``to_unit``, or None when the two do not convert."""
    if quantity is None:
        return None
    dim = UNIT_DIMENSION.get(unit)
    if dim is None or UNIT_DIMENSION.get(to_unit) != dim:
        return None
    return quantity * DIMENSIONS[dim][unit] / DIMENSIONS[dim][to_unit]


def base_unit(unit):
    """The base unit of ``unit``'s dimension (``kg/yr`` -> ``t/yr``), or None."""
    dim = UNIT_DIMENSION.get(unit)
    return next(iter(DIMENSIONS[dim])) if dim else None


# How units read on screen, in prints and in charts. Stored values, files and Processing outputs
# keep the canonical spelling (``t/yr``); only what a person reads follows the interface language.
_DISPLAY = {
    "en": {"m3/yr": "m³/yr", "m3": "m³", "m2": "m²", "EUR/yr": "€/yr", "EUR": "€",
           "t CO2e/yr": "t CO2e/yr"},
    "fr": {"t/yr": "t/an", "kg/yr": "kg/an", "MWh/yr": "MWh/an", "kWh/yr": "kWh/an", "GWh/yr": "GWh/an",
           "m3/yr": "m³/an", "l/yr": "l/an", "m3": "m³", "h/yr": "h/an", "FTE": "ETP", "m2": "m²",
           "unit": "unité", "trips/yr": "trajets/an", "km/yr": "km/an", "EUR/yr": "€/an", "EUR": "€",
           "t CO2e/yr": "t CO2e/an"},
}


def unit_label(unit, language="en"):
    """``unit`` (a canonical spelling) as a reader of ``language`` (``en`` or ``fr``) reads it:
    ``t/yr`` is ``t/an`` in French. Anything else is returned as it is."""
    if not unit:
        return unit or ""
    return _DISPLAY.get(language, {}).get(unit, unit)


def amount_label(quantity, unit, language="en"):
    """``1 200 t/an``: a quantity and its unit for reading (thin-space thousands in French)."""
    if quantity is None:
        return ""
    number = "{:,.6g}".format(quantity) if abs(quantity) < 1e6 else "{:,.0f}".format(quantity)
    if language == "fr":
        number = number.replace(",", "\u202f").replace(".", ",")
    return "{} {}".format(number, unit_label(unit, language)).strip()
