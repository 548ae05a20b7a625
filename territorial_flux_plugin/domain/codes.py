"""Resource codes: the European List of Waste and the plugin's own codes for other families.

List of Waste codes are written ``15 01 01`` (chapter, sub-chapter, entry); the plugin's own
codes follow the same shape behind a two-letter family prefix: ``EN 01 02``.
Any common spelling (``150101``, ``15.01.01``, ``15-01-01``, ``15 01 01*``, ``en0102``)
resolves to the canonical form.
"""

import re

from .vocabulary import FAMILY_PREFIXES

_PREFIX_FAMILY = {prefix: family for family, prefix in FAMILY_PREFIXES.items()}
_SEPARATORS = re.compile(r"[\s.\-_/]+")
_WASTE = re.compile(r"^(\d{2})(\d{2})?(\d{2})?$")
_OWN = re.compile(r"^([A-Z]{2})(\d{2})?(\d{2})?$")


def parse_code(text):
    """``(canonical_code, starred)`` for a code in any common spelling, or None.

    ``starred`` is True when the spelling carried the List of Waste's hazard asterisk.
    """
    if text is None:
        return None
    raw = str(text).strip().upper()
    starred = raw.endswith("*")
    compact = _SEPARATORS.sub("", raw.rstrip("*").strip())
    match = _WASTE.match(compact) or _OWN.match(compact)
    if not match:
        return None
    groups = [g for g in match.groups() if g]
    if match.re is _OWN and groups[0] not in _PREFIX_FAMILY:
        return None
    return " ".join(groups), starred


def canonical_code(text):
    """The canonical code for ``text``, or None when it is not a code's spelling."""
    parsed = parse_code(text)
    return parsed[0] if parsed else None


def code_level(code):
    """``chapter``, ``subchapter`` or ``entry`` for a canonical code."""
    return ("chapter", "subchapter", "entry")[len(code.split(" ")) - 1]


def parent_code(code):
    parts = code.split(" ")
    return " ".join(parts[:-1]) if len(parts) > 1 else None


def subchapter_of(code):
    """The sub-chapter (or the plugin's grouping) a code belongs to: ``15 01 01`` -> ``15 01``."""
    return " ".join(code.split(" ")[:2])


def family_of_code(code):
    """``waste`` for List of Waste codes, else the family of the two-letter prefix (or None)."""
    head = code.split(" ")[0]
    if head.isdigit():
        return "waste"
    return _PREFIX_FAMILY.get(head)
