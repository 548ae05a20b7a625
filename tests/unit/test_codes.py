import pytest

from territorial_flux_plugin.domain.codes import canonical_code, code_level, family_of_code, parent_code, parse_code, subchapter_of


@pytest.mark.parametrize("spelling", ["150101", "15.01.01", "15 01 01", "15-01-01", " 15 01 01* ", "15_01_01"])
def test_list_of_waste_spellings(spelling):
    assert canonical_code(spelling) == "15 01 01"


def test_asterisk_is_reported():
    assert parse_code("16 01 04*") == ("16 01 04", True)
    assert parse_code("160104") == ("16 01 04", False)


@pytest.mark.parametrize("spelling", ["EN0102", "en 01 02", "EN-01-02", "en.01.02"])
def test_own_code_spellings(spelling):
    assert canonical_code(spelling) == "EN 01 02"


@pytest.mark.parametrize("spelling", ["", None, "1501011", "XX 01 01", "15 01 01 01", "abc"])
def test_not_codes(spelling):
    assert canonical_code(spelling) is None


def test_hierarchy():
    assert code_level("15") == "chapter"
    assert code_level("15 01") == "subchapter"
    assert code_level("15 01 01") == "entry"
    assert parent_code("15 01 01") == "15 01"
    assert parent_code("15") is None
    assert subchapter_of("EN 01 02") == "EN 01"


def test_family_of_code():
    assert family_of_code("15 01 01") == "waste"
    assert family_of_code("SK 01 02") == "skills"
    assert family_of_code("WA 02") == "water"
