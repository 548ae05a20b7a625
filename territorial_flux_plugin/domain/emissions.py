"""Avoided greenhouse-gas emissions of a synergy, estimated from the workspace's emission factors.

Pure Python. A factor row applies to one resource code, to one resource family, or (neither
given) to every resource; it gives any of three factors, each with its source and date:

- ``kg_co2e_per_t``: kg CO2e avoided per tonne diverted (the production it replaces, or the
  treatment it spares);
- ``kg_co2e_per_mwh``: kg CO2e per MWh substituted (the energy it replaces);
- ``kg_co2e_per_tkm``: kg CO2e per tonne-kilometre of road transport (what the exchange costs).

Each factor is looked up on its own, most specific first: the synergy's resource code, then its
family, then the row for every resource. The estimate is::

    diverted t × kg/t ÷ 1000 + substituted MWh × kg/MWh ÷ 1000 − diverted t × km × kg/t·km ÷ 1000

in tonnes CO2e a year; there is none when neither the tonnes nor the megawatt-hours term can be
computed.
"""

from collections import namedtuple

from . import units

FACTOR_KINDS = ("kg_co2e_per_t", "kg_co2e_per_mwh", "kg_co2e_per_tkm")

Factor = namedtuple("Factor", "resource_code family kg_co2e_per_t kg_co2e_per_mwh kg_co2e_per_tkm "
                              "source source_date")
Factor.__new__.__defaults__ = (None,) * 7

# The factors every new workspace starts with. Only values cited from a public source are shipped;
# the other rows are there to be filled in, and say why they are empty.
ROAD_SOURCE = ("ADEME, Base Carbone: « Rigide - 26 à 32 tonnes - Diesel routier, incorporation 7 % de biodiesel », "
               "0.105 kgCO2e/t.km, as quoted on ADEME's Bilans GES forum "
               "(https://bilans-ges.ademe.fr/forum/viewtopic.php?f=20&p=7088)")
UNCITED_NOTE = ("No default: no value of the Base Carbone / Base Empreinte could be cited for it when this version "
                "was made. Enter the factor of the resource you exchange, with its source and date.")
DEFAULT_FACTORS = (
    {"resource_code": None, "family": None, "kg_co2e_per_tkm": 0.105, "source": ROAD_SOURCE,
     "source_date": "2022-09-19",
     "note": "Transport of the exchange by a rigid lorry of 26 to 32 t, for every resource without its own factor."},
    {"family": "matter", "note": UNCITED_NOTE},
    {"family": "waste", "note": UNCITED_NOTE},
    {"family": "energy", "note": UNCITED_NOTE},
    {"family": "water", "note": UNCITED_NOTE},
)
DEFAULT_COLUMNS = ("resource_code", "family", "kg_co2e_per_t", "kg_co2e_per_mwh", "kg_co2e_per_tkm", "source",
                   "source_date", "note")


def default_rows():
    """The shipped factors as tuples of :data:`DEFAULT_COLUMNS`."""
    return [tuple(row.get(c) for c in DEFAULT_COLUMNS) for row in DEFAULT_FACTORS]


Used = namedtuple("Used", "kind value scope source source_date")
Used.__doc__ = "One factor an estimate used: its kind, value, what it applies to (a code, a family or '*')."

Estimate = namedtuple("Estimate", "value diverted_t substituted_mwh distance_km used")
Estimate.__doc__ = "An estimate in t CO2e/yr, the quantities it was computed from, and the factors used."


class FactorTable:
    """The factor rows of a workspace, with the lookup order of the module's docstring."""

    def __init__(self, factors):
        self.by_code, self.by_family, self.general = {}, {}, []
        for factor in factors:
            if factor.resource_code:
                self.by_code.setdefault(factor.resource_code, []).append(factor)
            elif factor.family:
                self.by_family.setdefault(factor.family, []).append(factor)
            else:
                self.general.append(factor)

    def __bool__(self):
        return bool(self.by_code or self.by_family or self.general)

    def lookup(self, kind, resource_code=None, family=None):
        """The :class:`Used` factor of ``kind`` for a resource, or None."""
        for scope, rows in ((resource_code, self.by_code.get(resource_code, ())),
                            (family, self.by_family.get(family, ())), ("*", self.general)):
            for factor in rows:
                value = getattr(factor, kind)
                if value is not None:
                    return Used(kind, float(value), scope, factor.source, factor.source_date)
        return None


def substituted_mwh(quantity, unit):
    """The MWh a year a synergy's quantity stands for, or None when its unit is not energy a year."""
    if quantity is None or unit is None:
        return None
    return units.convert(quantity, unit, "MWh/yr")


def estimate(table, resource_code=None, family=None, diverted_t=None, quantity=None, unit=None,
             distance_km=None):
    """The :class:`Estimate` of a synergy's avoided emissions, or None when it cannot be made."""
    if not table:
        return None
    mwh = substituted_mwh(quantity, unit)
    used, total, terms = [], 0.0, 0
    per_t = table.lookup("kg_co2e_per_t", resource_code, family)
    if per_t is not None and diverted_t is not None:
        total += float(diverted_t) * per_t.value / 1000.0
        used.append(per_t)
        terms += 1
    per_mwh = table.lookup("kg_co2e_per_mwh", resource_code, family)
    if per_mwh is not None and mwh is not None:
        total += mwh * per_mwh.value / 1000.0
        used.append(per_mwh)
        terms += 1
    if not terms:
        return None
    per_tkm = table.lookup("kg_co2e_per_tkm", resource_code, family)
    if per_tkm is not None and diverted_t is not None and distance_km is not None:
        total -= float(diverted_t) * float(distance_km) * per_tkm.value / 1000.0
        used.append(per_tkm)
    return Estimate(round(total, 1), diverted_t, mwh, distance_km, used)


def avoided(table, synergy):
    """``(value, estimated)`` for a synergy mapping: its own value when given, else the estimate
    (``estimated`` True), else ``(None, False)``. ``synergy`` has the keys of the synergies table
    (``co2e_avoided_t_per_year``, ``diverted_t_per_year``, ``quantity``, ``unit``, ``distance_km``,
    ``resource_code``) and ``family``."""
    own = synergy.get("co2e_avoided_t_per_year")
    if own is not None:
        return float(own), False
    found = estimate(table, synergy.get("resource_code"), synergy.get("family"), synergy.get("diverted_t_per_year"),
                     synergy.get("quantity"), synergy.get("unit"), synergy.get("distance_km"))
    if found is None:
        return None, False
    return found.value, True
