"""The sections of the NAF rév. 2 (NACE Rev. 2) activity classification: the 21 letters A to U
that group its 88 divisions, as INSEE publishes them. Pure Python.

The report's Sankey groups companies by section: a NAF code such as ``24.10Z`` belongs to
division 24, which belongs to section C (manufacturing).
"""

from collections import OrderedDict

from .vocabulary import QT_TRANSLATE_NOOP

# section: (first division, last division, English label)
SECTIONS = OrderedDict((
    ("A", (1, 3, QT_TRANSLATE_NOOP("Vocabulary", "Agriculture, forestry and fishing"))),
    ("B", (5, 9, QT_TRANSLATE_NOOP("Vocabulary", "Mining and quarrying"))),
    ("C", (10, 33, QT_TRANSLATE_NOOP("Vocabulary", "Manufacturing"))),
    ("D", (35, 35, QT_TRANSLATE_NOOP("Vocabulary", "Electricity, gas, steam and air conditioning"))),
    ("E", (36, 39, QT_TRANSLATE_NOOP("Vocabulary", "Water supply, sewerage, waste management"))),
    ("F", (41, 43, QT_TRANSLATE_NOOP("Vocabulary", "Construction"))),
    ("G", (45, 47, QT_TRANSLATE_NOOP("Vocabulary", "Wholesale and retail trade"))),
    ("H", (49, 53, QT_TRANSLATE_NOOP("Vocabulary", "Transportation and storage"))),
    ("I", (55, 56, QT_TRANSLATE_NOOP("Vocabulary", "Accommodation and food service"))),
    ("J", (58, 63, QT_TRANSLATE_NOOP("Vocabulary", "Information and communication"))),
    ("K", (64, 66, QT_TRANSLATE_NOOP("Vocabulary", "Financial and insurance activities"))),
    ("L", (68, 68, QT_TRANSLATE_NOOP("Vocabulary", "Real estate activities"))),
    ("M", (69, 75, QT_TRANSLATE_NOOP("Vocabulary", "Professional, scientific and technical activities"))),
    ("N", (77, 82, QT_TRANSLATE_NOOP("Vocabulary", "Administrative and support services"))),
    ("O", (84, 84, QT_TRANSLATE_NOOP("Vocabulary", "Public administration"))),
    ("P", (85, 85, QT_TRANSLATE_NOOP("Vocabulary", "Education"))),
    ("Q", (86, 88, QT_TRANSLATE_NOOP("Vocabulary", "Human health and social work"))),
    ("R", (90, 93, QT_TRANSLATE_NOOP("Vocabulary", "Arts, entertainment and recreation"))),
    ("S", (94, 96, QT_TRANSLATE_NOOP("Vocabulary", "Other service activities"))),
    ("T", (97, 98, QT_TRANSLATE_NOOP("Vocabulary", "Households as employers"))),
    ("U", (99, 99, QT_TRANSLATE_NOOP("Vocabulary", "Extraterritorial organisations"))),
))
# A company without a (valid) NAF code.
UNKNOWN = "?"
UNKNOWN_LABEL = QT_TRANSLATE_NOOP("Vocabulary", "Activity not known")


def section_of(naf_code):
    """The section letter of a NAF code (``24.10Z`` -> ``C``), or :data:`UNKNOWN`."""
    try:
        division = int(str(naf_code).strip()[:2])
    except (TypeError, ValueError):
        return UNKNOWN
    for section, (first, last, _label) in SECTIONS.items():
        if first <= division <= last:
            return section
    return UNKNOWN


def section_label(section):
    """The English label of a section letter (translate it in the ``Vocabulary`` context)."""
    if section in SECTIONS:
        return SECTIONS[section][2]
    return UNKNOWN_LABEL
