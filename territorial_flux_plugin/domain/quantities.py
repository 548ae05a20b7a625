"""Quantities as people write them: the one reading of numbers for the flow form, the imports and
the docks alike.

Spaces (ordinary, non-breaking, thin) and apostrophes group thousands (``1 200``); when a dot and
a comma both appear, the last one is the decimal separator (``1.200,5``, ``1,200.5``); several
commas group thousands (``1,200,000``); a single comma followed by anything but exactly three
digits is decimal (``12,5``). Only a single comma followed by exactly three digits (``1,200``,
``12,500``) is ambiguous: the caller says how it reads (``comma=DECIMAL``: 1.2, ``comma=THOUSANDS``:
1200). A unit may follow the number (``12 t/an``).
"""

import math
import re

from .messages import QT_TRANSLATE_NOOP, Message
from .units import canonical_unit

DECIMAL, THOUSANDS = "decimal", "thousands"

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']+")
_NUMBER_UNIT = re.compile(r"^\s*([-+]?[\d\s\u00a0\u202f\u2009'.,]*\d[\d.,]*)\s*(.*?)\s*$")
_AMBIGUOUS = re.compile(r"^[-+]?\d{1,3},\d{3}$")


def language_comma(lang):
    """How ``1,200`` reads where nothing else decides: French 1.2, English 1200."""
    return DECIMAL if lang == "fr" else THOUSANDS


def number_style(text):
    """DECIMAL when ``text`` writes a decimal comma (``12,5``, ``1.200,5``), THOUSANDS when it
    groups thousands with commas or writes a decimal point (``1,200.5``, ``1,200,000``, ``12.5``),
    None when it says neither (``1200``, ``1,200``)."""
    match = _NUMBER_UNIT.match(str(text or ""))
    if not match:
        return None
    raw = _SPACES.sub("", match.group(1))
    if "," in raw and "." in raw:
        return DECIMAL if raw.rfind(",") > raw.rfind(".") else THOUSANDS
    if raw.count(",") > 1:
        return THOUSANDS
    if raw.count(",") == 1:
        return None if _AMBIGUOUS.match(raw) else DECIMAL
    if raw.count(".") == 1 and not re.search(r"\.\d{3}$", raw):
        return THOUSANDS
    return None


def column_comma(values, lang):
    """How ``1,200`` reads in a file's column: the column's other numbers decide when they agree,
    else the language of the interface (:func:`language_comma`)."""
    styles = {number_style(value) for value in values if value is not None} - {None}
    if len(styles) == 1:
        return styles.pop()
    return language_comma(lang)


def format_number(value, lang):
    """A number as the interface writes it, without grouping: ``1.2`` / ``1,2``, ``1200``."""
    text = "{:.12g}".format(value)
    return text.replace(".", ",") if lang == "fr" else text


def is_ambiguous(text):
    """True for a number whose reading depends on the comma (``1,200``)."""
    return bool(_AMBIGUOUS.match(_SPACES.sub("", str(text or "").strip())))


def parse_number(text, comma=DECIMAL):
    """A float from ``'1 200'``, ``'12,5'``, ``'1.200,5'`` or ``'1,200.5'``; None if it is not one.
    ``comma``: how a single comma followed by exactly three digits reads (see the module)."""
    if text is None or isinstance(text, bool):
        return None
    if isinstance(text, (int, float)):
        value = float(text)
        return value if math.isfinite(value) else None
    raw = _SPACES.sub("", str(text).strip())
    if not raw:
        return None
    if "," in raw and "." in raw:
        if raw.rfind(",") > raw.rfind("."):
            raw = raw.replace(".", "").replace(",", ".")
        else:
            raw = raw.replace(",", "")
    elif raw.count(",") > 1 or (comma == THOUSANDS and _AMBIGUOUS.match(raw)):
        raw = raw.replace(",", "")
    elif raw.count(",") == 1:
        raw = raw.replace(",", ".")
    try:
        value = float(raw)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def parse_quantity(text, comma=DECIMAL):
    """``(value, unit, problem)`` for a quantity as people write it.

    ``'1 200'`` -> 1200.0; ``'12,5'`` -> 12.5; ``'12 t/an'`` -> (12.0, ``'t/yr'``); an empty cell
    gives (None, None, None); ``'-3'``, words and unknown units give a problem (a Message).
    """
    if text is None or (isinstance(text, str) and not text.strip()):
        return None, None, None
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        value, unit_text = parse_number(text), ""
    else:
        match = _NUMBER_UNIT.match(str(text))
        value = parse_number(match.group(1), comma) if match else None
        unit_text = match.group(2) if match else ""
    if value is None:
        return None, None, Message(QT_TRANSLATE_NOOP(
            "Validation", "'{value}' is not a quantity: write a number, like 1 200 or 12.5."), value=text)
    if value < 0:
        return None, None, Message(QT_TRANSLATE_NOOP(
            "Validation", "A quantity cannot be negative ('{value}'): enter zero or more."), value=text)
    unit = None
    if unit_text:
        unit = canonical_unit(unit_text)
        if unit is None:
            return None, None, Message(QT_TRANSLATE_NOOP(
                "Validation", "'{unit}' in '{value}' is not a unit the plugin knows."), unit=unit_text, value=text)
    return value, unit, None
