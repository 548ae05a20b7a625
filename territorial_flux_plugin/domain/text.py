"""Text keys shared by every comparison of words people type: accents, case and punctuation away."""

import re
import unicodedata


def strip_accents(text):
    return "".join(ch for ch in unicodedata.normalize("NFKD", str(text)) if not unicodedata.combining(ch))


def word_key(text):
    """Lowercase words without accents or punctuation: ``' Offre '`` -> ``'offre'``."""
    text = strip_accents(str(text or "")).lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))
