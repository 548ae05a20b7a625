"""The avoided emissions the synergy dock proposes when a synergy's own value is empty: the
report's estimate (``domain.emissions``) from the workspace's emission factors layer."""

from ..domain import emissions
from ..domain.codes import family_of_code
from ..toolbelt.i18n import tr


def _value(feature, name):
    value = feature[name]
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if hasattr(value, "toString") and hasattr(value, "isValid"):
        return value.toString("yyyy-MM-dd")
    return value


def factor_table(layer):
    """The :class:`emissions.FactorTable` of the emission factors layer (empty without one)."""
    if layer is None:
        return emissions.FactorTable([])
    return emissions.FactorTable([emissions.Factor(**{name: _value(f, name) for name in emissions.Factor._fields})
                                  for f in layer.getFeatures()])


def estimate_for(layers, feature):
    """The :class:`emissions.Estimate` of a synergy feature, or None (its own value given, or no factor)."""
    if _value(feature, "co2e_avoided_t_per_year") is not None:
        return None
    code = _value(feature, "resource_code")
    return emissions.estimate(factor_table(layers.get("emission_factors")), code,
                              family_of_code(code) if code else None, _value(feature, "diverted_t_per_year"),
                              _value(feature, "quantity"), _value(feature, "unit"), _value(feature, "distance_km"))


def explanation(found):
    """The tooltip of an estimate: its quantities, and each factor with its source and date."""
    kinds = {"kg_co2e_per_t": tr("{value} kg CO2e per tonne diverted"),
             "kg_co2e_per_mwh": tr("{value} kg CO2e per MWh substituted"),
             "kg_co2e_per_tkm": tr("{value} kg CO2e per tonne-kilometre by road")}
    lines = [tr("Estimated from the workspace's emission factors:")]
    for used in found.used:
        scope = tr("every resource") if used.scope == "*" else used.scope
        lines.append("• {} ({}) — {}, {}".format(kinds[used.kind].format(value="{:g}".format(used.value)), scope,
                                               used.source or "?", used.source_date or "?"))
    return "\n".join(lines)
