"""The closed vocabularies of the domain model, with their English labels.

Pure Python: no qgis or Qt import. Labels are marked with ``QT_TRANSLATE_NOOP`` so that
``pylupdate5`` extracts them into the ``Vocabulary`` context; the user interface translates
them with ``QCoreApplication.translate("Vocabulary", label)``.
"""

from collections import OrderedDict

TRANSLATION_CONTEXT = "Vocabulary"


def QT_TRANSLATE_NOOP(context, text):  # noqa: N802 - the name pylupdate5 looks for
    """Mark ``text`` for translation in ``context`` without translating it."""
    return text


def _vocabulary(*pairs):
    return OrderedDict(pairs)


DIRECTIONS = _vocabulary(
    ("offer", QT_TRANSLATE_NOOP("Vocabulary", "Offer")),
    ("need", QT_TRANSLATE_NOOP("Vocabulary", "Need")),
)

FAMILIES = _vocabulary(
    ("matter", QT_TRANSLATE_NOOP("Vocabulary", "Matter")),
    ("waste", QT_TRANSLATE_NOOP("Vocabulary", "Waste")),
    ("energy", QT_TRANSLATE_NOOP("Vocabulary", "Energy")),
    ("water", QT_TRANSLATE_NOOP("Vocabulary", "Water")),
    ("equipment", QT_TRANSLATE_NOOP("Vocabulary", "Equipment")),
    ("service", QT_TRANSLATE_NOOP("Vocabulary", "Service")),
    ("skills", QT_TRANSLATE_NOOP("Vocabulary", "Skills and staff")),
    ("logistics", QT_TRANSLATE_NOOP("Vocabulary", "Logistics")),
    ("space", QT_TRANSLATE_NOOP("Vocabulary", "Space")),
)

# Two-letter prefix of the plugin's own resource codes, per family (waste uses the List of Waste).
FAMILY_PREFIXES = OrderedDict(
    (("matter", "MA"), ("energy", "EN"), ("water", "WA"), ("equipment", "EQ"),
     ("service", "SE"), ("skills", "SK"), ("logistics", "LO"), ("space", "SP"))
)

SYNERGY_KINDS = _vocabulary(
    ("substitution", QT_TRANSLATE_NOOP("Vocabulary", "Substitution")),
    ("mutualisation", QT_TRANSLATE_NOOP("Vocabulary", "Mutualisation")),
)

# In the order a synergy goes through them; ``abandoned`` can end any of them.
SYNERGY_STATUSES = _vocabulary(
    ("idea", QT_TRANSLATE_NOOP("Vocabulary", "Idea")),
    ("contacted", QT_TRANSLATE_NOOP("Vocabulary", "Contacted")),
    ("studying", QT_TRANSLATE_NOOP("Vocabulary", "Studying")),
    ("implementing", QT_TRANSLATE_NOOP("Vocabulary", "Implementing")),
    ("operating", QT_TRANSLATE_NOOP("Vocabulary", "Operating")),
    ("abandoned", QT_TRANSLATE_NOOP("Vocabulary", "Abandoned")),
)

# From most to least restricted.
CONFIDENTIALITY_LEVELS = _vocabulary(
    ("advisor", QT_TRANSLATE_NOOP("Vocabulary", "Advisor only")),
    ("internal", QT_TRANSLATE_NOOP("Vocabulary", "Internal")),
    ("partners", QT_TRANSLATE_NOOP("Vocabulary", "Partners")),
    ("public", QT_TRANSLATE_NOOP("Vocabulary", "Public")),
)

PARTICIPANT_ROLES = _vocabulary(
    ("supplier", QT_TRANSLATE_NOOP("Vocabulary", "Supplier")),
    ("receiver", QT_TRANSLATE_NOOP("Vocabulary", "Receiver")),
    ("member", QT_TRANSLATE_NOOP("Vocabulary", "Member")),
)

REVIEW_DECISIONS = _vocabulary(
    ("rejected", QT_TRANSLATE_NOOP("Vocabulary", "Rejected")),
    ("promoted", QT_TRANSLATE_NOOP("Vocabulary", "Promoted")),
)

FLOW_STATUSES = _vocabulary(
    ("active", QT_TRANSLATE_NOOP("Vocabulary", "Active")),
    ("archived", QT_TRANSLATE_NOOP("Vocabulary", "Archived")),
)

COMPANY_STATUSES = FLOW_STATUSES

PRIORITIES = _vocabulary(
    ("high", QT_TRANSLATE_NOOP("Vocabulary", "High")),
    ("medium", QT_TRANSLATE_NOOP("Vocabulary", "Medium")),
    ("low", QT_TRANSLATE_NOOP("Vocabulary", "Low")),
)

AREA_KINDS = _vocabulary(
    ("commune", QT_TRANSLATE_NOOP("Vocabulary", "Commune")),
    ("zone", QT_TRANSLATE_NOOP("Vocabulary", "Business zone")),
    ("territory", QT_TRANSLATE_NOOP("Vocabulary", "Territory")),
)

# INSEE's headcount bands (tranche d'effectifs salariés), as used by SIRENE.
HEADCOUNT_BANDS = _vocabulary(
    ("NN", QT_TRANSLATE_NOOP("Vocabulary", "Unknown")),
    ("00", QT_TRANSLATE_NOOP("Vocabulary", "0 employees")),
    ("01", QT_TRANSLATE_NOOP("Vocabulary", "1 or 2 employees")),
    ("02", QT_TRANSLATE_NOOP("Vocabulary", "3 to 5 employees")),
    ("03", QT_TRANSLATE_NOOP("Vocabulary", "6 to 9 employees")),
    ("11", QT_TRANSLATE_NOOP("Vocabulary", "10 to 19 employees")),
    ("12", QT_TRANSLATE_NOOP("Vocabulary", "20 to 49 employees")),
    ("21", QT_TRANSLATE_NOOP("Vocabulary", "50 to 99 employees")),
    ("22", QT_TRANSLATE_NOOP("Vocabulary", "100 to 199 employees")),
    ("31", QT_TRANSLATE_NOOP("Vocabulary", "200 to 249 employees")),
    ("32", QT_TRANSLATE_NOOP("Vocabulary", "250 to 499 employees")),
    ("41", QT_TRANSLATE_NOOP("Vocabulary", "500 to 999 employees")),
    ("42", QT_TRANSLATE_NOOP("Vocabulary", "1,000 to 1,999 employees")),
    ("51", QT_TRANSLATE_NOOP("Vocabulary", "2,000 to 4,999 employees")),
    ("52", QT_TRANSLATE_NOOP("Vocabulary", "5,000 to 9,999 employees")),
    ("53", QT_TRANSLATE_NOOP("Vocabulary", "10,000 employees or more")),
)


def confidentiality_rank(level):
    """0 for the most restricted level (``advisor``), 3 for ``public``."""
    return list(CONFIDENTIALITY_LEVELS).index(level)


def visible_levels(max_level):
    """The confidentiality levels an audience cleared for ``max_level`` may see."""
    levels = list(CONFIDENTIALITY_LEVELS)
    return levels[levels.index(max_level):]
