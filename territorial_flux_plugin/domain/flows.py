"""Validation of a flow as an advisor types it: quantity, unit, resource, levels.

Pure Python. Every problem is a :class:`Message` naming the field to fix.
"""

from .codes import family_of_code, parse_code
from .messages import QT_TRANSLATE_NOOP, Message
from .quantities import THOUSANDS, parse_quantity
from .units import FAMILY_UNITS
from .vocabulary import CONFIDENTIALITY_LEVELS, DIRECTIONS, FAMILIES, PRIORITIES


def flow_problems(values, known_codes=None):
    """Problems of a flow's values (a dict of schema fields), as ``{field: Message}``.

    ``known_codes`` maps canonical codes to their nomenclature rows (family, level); when given,
    the resource code must be one of its entries.
    """
    problems = {}
    if values.get("direction") not in DIRECTIONS:
        problems["direction"] = Message(QT_TRANSLATE_NOOP("Validation", "Choose offer or need."))
    family = values.get("family")
    if family not in FAMILIES:
        problems["family"] = Message(QT_TRANSLATE_NOOP("Validation", "Choose the resource family."))
    parsed = parse_code(values.get("resource_code"))
    if not parsed:
        problems["resource_code"] = Message(QT_TRANSLATE_NOOP(
            "Validation", "Choose a resource: type a code such as 15 01 01 or words such as 'cardboard'."))
    else:
        code = parsed[0]
        row = known_codes.get(code) if known_codes is not None else None
        if known_codes is not None and (row is None or row["level"] != "entry"):
            problems["resource_code"] = Message(QT_TRANSLATE_NOOP(
                "Validation", "{code} is not a resource of the nomenclature: choose one of its entries."), code=code)
        elif family in FAMILIES and family_of_code(code) != family:
            problems["resource_code"] = Message(QT_TRANSLATE_NOOP(
                "Validation", "{code} is not a resource of the family chosen."), code=code)
    quantity = values.get("quantity")
    if quantity not in (None, ""):
        value, _unit, problem = parse_quantity(quantity, comma=THOUSANDS)
        if problem:
            problems["quantity"] = problem
    unit = values.get("unit")
    if unit not in (None, ""):
        if family in FAMILY_UNITS and unit not in FAMILY_UNITS[family]:
            problems["unit"] = Message(QT_TRANSLATE_NOOP(
                "Validation", "{unit} does not fit this family; use one of: {units}."),
                unit=unit, units=", ".join(FAMILY_UNITS[family]))
    elif quantity not in (None, ""):
        problems["unit"] = Message(QT_TRANSLATE_NOOP("Validation", "Give the unit of the quantity."))
    if values.get("confidentiality") not in CONFIDENTIALITY_LEVELS:
        problems["confidentiality"] = Message(QT_TRANSLATE_NOOP("Validation", "Choose a confidentiality level."))
    if values.get("priority") not in (None, "") and values.get("priority") not in PRIORITIES:
        problems["priority"] = Message(QT_TRANSLATE_NOOP("Validation", "Choose a priority."))
    return problems


def substitution_problem(offer, need):
    """None when an offer and a need may form a substitution, else a Message.

    ``offer`` and ``need`` are dicts with ``direction`` and ``company_uid``.
    """
    if offer.get("direction") != "offer" or need.get("direction") != "need":
        return Message(QT_TRANSLATE_NOOP(
            "Validation", "A substitution goes from an offer (supplier) to a need (receiver)."))
    if offer.get("company_uid") == need.get("company_uid"):
        return Message(QT_TRANSLATE_NOOP(
            "Validation", "The offer and the need belong to the same company: a substitution links two companies."))
    return None
