"""SIRET and SIREN numbers of the French company register (SIRENE)."""

import re

from .messages import QT_TRANSLATE_NOOP, Message

LA_POSTE_SIREN = "356000000"
_NON_DIGITS = re.compile(r"[\s.\-]")


def normalise_siret(text):
    """Strip spaces, dots and dashes: ``'356 000 000 00048'`` -> ``'35600000000048'``."""
    if text is None:
        return ""
    return _NON_DIGITS.sub("", str(text))


def luhn_ok(digits):
    """True when the Luhn checksum of a digit string is valid."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def siret_problem(text):
    """None when ``text`` is a valid SIRET, otherwise a :class:`Message` saying what is wrong.

    La Poste's establishments (SIREN 356000000) follow their own rule: the sum of the 14
    digits is a multiple of 5.
    """
    siret = normalise_siret(text)
    if not siret:
        return Message(QT_TRANSLATE_NOOP("Validation", "The SIRET is empty."))
    if not siret.isdigit() or len(siret) != 14:
        return Message(QT_TRANSLATE_NOOP("Validation", "A SIRET has exactly 14 digits ('{value}' does not)."), value=text)
    if luhn_ok(siret):
        return None
    if siret.startswith(LA_POSTE_SIREN):
        if sum(int(c) for c in siret) % 5 == 0:
            return None
        return Message(QT_TRANSLATE_NOOP(
            "Validation", "'{value}' is not a valid SIRET of La Poste (its digits must add up to a multiple of 5)."),
            value=text)
    return Message(QT_TRANSLATE_NOOP(
        "Validation", "'{value}' is not a valid SIRET: its check digit is wrong (mistyped digit?)."), value=text)


def is_valid_siret(text):
    return siret_problem(text) is None


def siren_problem(text):
    """None when ``text`` is a valid 9-digit SIREN, otherwise a :class:`Message` saying what is wrong."""
    siren = normalise_siret(text)
    if not siren.isdigit() or len(siren) != 9:
        return Message(QT_TRANSLATE_NOOP("Validation", "A SIREN has exactly 9 digits ('{value}' does not)."), value=text)
    if not luhn_ok(siren):
        return Message(QT_TRANSLATE_NOOP("Validation", "'{value}' is not a valid SIREN: its check digit is wrong."), value=text)
    return None


def complete_siret(prefix13):
    """The 14-digit SIRET whose first 13 digits are ``prefix13`` (a Luhn check digit added)."""
    for digit in "0123456789":
        candidate = prefix13 + digit
        if luhn_ok(candidate):
            return candidate
    raise ValueError(prefix13)
