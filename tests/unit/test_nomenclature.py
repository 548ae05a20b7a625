import collections
import re

from territorial_flux_plugin.domain.codes import canonical_code, family_of_code
from territorial_flux_plugin.domain.nomenclature import naf_rows, resolve_code, resource_rows, resources_by_code
from territorial_flux_plugin.domain.vocabulary import FAMILIES


def test_complete_list_of_waste():
    waste = [r for r in resource_rows() if r["family"] == "waste"]
    levels = collections.Counter(r["level"] for r in waste)
    # Decision 2000/532/EC as amended by 2014/955/EU.
    assert levels == {"chapter": 20, "subchapter": 111, "entry": 842}
    assert sum(r["hazardous"] for r in waste) == 408
    for row in waste:
        if row["level"] == "entry":
            assert re.match(r"^\d\d \d\d \d\d$", row["code"])
        assert row["label_en"] and row["label_fr"]


def test_known_entries():
    codes = resources_by_code()
    assert codes["17 06 05"]["hazardous"]
    assert not codes["19 12 12"]["hazardous"]
    assert codes["16 01 04"]["hazardous"]
    assert "paper and cardboard packaging" in codes["15 01 01"]["label_en"]
    assert "papier" in codes["15 01 01"]["label_fr"]


def test_parents_exist_and_come_first():
    seen = set()
    for row in resource_rows():
        if row["parent_code"]:
            assert row["parent_code"] in seen, row["code"]
        seen.add(row["code"])


def test_every_family_has_codes_whose_prefix_tells_the_family():
    by_family = collections.Counter(r["family"] for r in resource_rows() if r["level"] == "entry")
    assert set(by_family) == set(FAMILIES)
    for row in resource_rows():
        assert family_of_code(row["code"]) == row["family"]
        assert canonical_code(row["code"]) == row["code"]


def test_resolve_any_spelling():
    assert resolve_code("150101")["code"] == "15 01 01"
    assert resolve_code("16 01 04*")["hazardous"]
    assert resolve_code("en0105")["family"] == "energy"
    assert resolve_code("99 99 99") is None


def test_naf_sub_classes():
    rows = naf_rows()
    assert len(rows) == 732
    codes = {r["code"]: r for r in rows}
    assert codes["10.71C"]["label_fr"] == "Boulangerie et boulangerie-pâtisserie"
    assert all(re.match(r"^\d\d\.\d\d[A-Z]$", code) for code in codes)
    assert all(r["label_en"] for r in rows)
