"""The reference lists shipped with the plugin: resource codes and NAF activities.

Pure Python: reads the CSV files of ``resources/nomenclature``.
"""

import csv
import os
from functools import cache

from .codes import parse_code

FOLDER = os.path.join(os.path.dirname(os.path.dirname(__file__)), "resources", "nomenclature")


def _read(name):
    with open(os.path.join(FOLDER, name), encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def resource_rows():
    """Every resource code as a dict: code, parent_code, level, family, hazardous, labels.

    Parents come before their children.
    """
    rows = []
    for row in _read("list_of_waste.csv"):
        rows.append(dict(row, family="waste"))
    rows.extend(_read("resource_codes.csv"))
    order = {"chapter": 0, "subchapter": 1, "entry": 2}
    out = []
    for row in sorted(rows, key=lambda r: (order[r["level"]], r["code"])):
        out.append({
            "code": row["code"],
            "parent_code": row["parent_code"] or None,
            "level": row["level"],
            "family": row["family"],
            "hazardous": row["hazardous"] in ("1", "true", "True"),
            "label_en": row["label_en"].strip(),
            "label_fr": row["label_fr"].strip(),
        })
    return tuple(out)


@cache
def naf_rows():
    return tuple({"code": r["code"], "label_fr": r["label_fr"].strip(),
                  "label_en": (r.get("label_en") or "").strip() or None}
                 for r in _read("naf_rev2.csv"))


def display(code, label):
    return "{} — {}".format(code, label)


@cache
def resources_by_code():
    return {row["code"]: row for row in resource_rows()}


def resolve_code(text):
    """The nomenclature row for a code in any common spelling, or None."""
    parsed = parse_code(text)
    if not parsed:
        return None
    return resources_by_code().get(parsed[0])
