"""The words people use for the resources of the nomenclature: synonyms and trade words in English
and French (``resources/nomenclature/resource_vocabulary.csv``: word, lang, code), for the List
of Waste entries and the plugin's own codes.

Where one word names several entries, the file gives the typical one, the one an advisor means
(``cartons`` → 15 01 01 paper and cardboard packaging). The sources and choices are in
``docs/vocabulary.md``. Pure Python.
"""

import csv
import os
from functools import cache

from .search import term_key

PATH = os.path.join(os.path.dirname(os.path.dirname(__file__)), "resources", "nomenclature",
                    "resource_vocabulary.csv")
LANGUAGES = ("en", "fr")


@cache
def vocabulary_rows():
    """Every word of the shipped vocabulary: ``(word, lang, code)``, in the file's order."""
    with open(PATH, encoding="utf-8", newline="") as handle:
        return tuple((row["word"].strip(), row["lang"].strip(), row["code"].strip())
                     for row in csv.DictReader(handle) if row["word"].strip())


def vocabulary_keys(rows=None):
    """``{lang: {term key: code}}``; the first word of a key wins (the file gives one per key)."""
    keys = {lang: {} for lang in LANGUAGES}
    for word, lang, code in rows if rows is not None else vocabulary_rows():
        keys.setdefault(lang, {}).setdefault(term_key(word), code)
    return keys


def key_conflicts(rows=None):
    """``[(lang, key, codes)]`` for the keys the file gives two different codes (none shipped)."""
    seen, conflicts = {}, []
    for word, lang, code in rows if rows is not None else vocabulary_rows():
        codes = seen.setdefault((lang, term_key(word)), [])
        if code not in codes:
            codes.append(code)
    for (lang, key), codes in seen.items():
        if len(codes) > 1:
            conflicts.append((lang, key, codes))
    return conflicts
