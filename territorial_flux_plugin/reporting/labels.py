"""The words a report prints: indicator labels, chart titles, in the interface's language."""

from qgis.PyQt.QtCore import QCoreApplication

from ..domain import naf
from ..domain.messages import QT_TRANSLATE_NOOP
from ..domain.vocabulary import CONFIDENTIALITY_LEVELS, FAMILIES, SYNERGY_STATUSES

CONTEXT = "Report"

_LABELS = {
    "companies": QT_TRANSLATE_NOOP("Report", "Companies"),
    "companies_verified": QT_TRANSLATE_NOOP("Report", "Companies verified in the period"),
    "flows_offer": QT_TRANSLATE_NOOP("Report", "Offers"),
    "flows_need": QT_TRANSLATE_NOOP("Report", "Needs"),
    "synergies_created": QT_TRANSLATE_NOOP("Report", "Synergies created in the period"),
    "synergies_operating_reached": QT_TRANSLATE_NOOP("Report", "Synergies that began operating in the period"),
    "diverted_t_per_year": QT_TRANSLATE_NOOP("Report", "Tonnes diverted (operating synergies)"),
    "savings_eur_per_year": QT_TRANSLATE_NOOP("Report", "Savings (operating synergies)"),
    "co2e_avoided_t_per_year": QT_TRANSLATE_NOOP("Report", "Emissions avoided (operating synergies)"),
    "distance_km": QT_TRANSLATE_NOOP("Report", "Distance covered (operating synergies)"),
    "links_promoted": QT_TRANSLATE_NOOP("Report", "Possible links promoted to synergies"),
    "links_rejected": QT_TRANSLATE_NOOP("Report", "Possible links rejected"),
    "links_reviewed": QT_TRANSLATE_NOOP("Report", "Possible links reviewed"),
    "links_promoted_operating": QT_TRANSLATE_NOOP("Report", "Promoted links now operating"),
}
FLOWS_OF = QT_TRANSLATE_NOOP("Report", "Flows: {family}")
SYNERGIES_AT = QT_TRANSLATE_NOOP("Report", "Synergies: {status}")
UNITS = {
    "count": "",
    "t/yr": QT_TRANSLATE_NOOP("Report", "t/yr"),
    "EUR/yr": QT_TRANSLATE_NOOP("Report", "EUR/yr"),
    "t CO2e/yr": QT_TRANSLATE_NOOP("Report", "t CO2e/yr"),
    "km": QT_TRANSLATE_NOOP("Report", "km"),
}


def tr(text):
    return QCoreApplication.translate(CONTEXT, text)


def vocabulary(label):
    return QCoreApplication.translate("Vocabulary", label)


def family(key):
    return vocabulary(FAMILIES.get(key, key))


def status(key):
    return vocabulary(SYNERGY_STATUSES.get(key, key))


def level(key):
    return vocabulary(CONFIDENTIALITY_LEVELS.get(key, key))


def section(letter):
    label = vocabulary(naf.section_label(letter))
    return label if letter == naf.UNKNOWN else "{} {}".format(letter, label)


def indicator(key):
    """The printed label of an indicator key."""
    if key in _LABELS:
        return tr(_LABELS[key])
    if key.startswith("flows_") and key[6:] in FAMILIES:
        return tr(FLOWS_OF).format(family=family(key[6:]))
    if key.startswith("synergies_") and key[10:] in SYNERGY_STATUSES:
        return tr(SYNERGIES_AT).format(status=status(key[10:]))
    return key


def unit(key):
    text = UNITS.get(key, key)
    return tr(text) if text else ""


def number(value, language, decimals=None):
    """A figure as a reader of ``language`` writes it (``12 345,6`` in French, ``12,345.6`` in English)."""
    if value is None:
        return "—"
    if decimals is None:
        decimals = 0 if float(value).is_integer() or abs(value) >= 100 else 1
    text = "{:,.{d}f}".format(value, d=decimals)
    if language == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text
