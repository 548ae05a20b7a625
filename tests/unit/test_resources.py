"""The one resource matcher (domain.resources): the form's proposals and the imports' resolution."""

import pytest

from territorial_flux_plugin.domain.nomenclature import resource_rows
from territorial_flux_plugin.domain.resources import ResourceMatcher, resource_matcher, resource_problem


@pytest.fixture(scope="module")
def matcher():
    return resource_matcher()


def codes(rows):
    return [row["code"] for row in rows]


def test_codes_resolve_in_any_spelling(matcher):
    assert matcher.resolve("150101")[0]["code"] == "15 01 01"
    assert matcher.resolve("15.01.01*")[0]["code"] == "15 01 01"
    assert matcher.resolve("en0105")[0]["code"] == "EN 01 05"


def test_words_resolve_in_english_and_french(matcher):
    row = next(r for r in resource_rows() if r["code"] == "MA 01 01")
    assert matcher.resolve(row["label_en"])[0]["code"] == "MA 01 01"
    assert matcher.resolve(row["label_fr"].upper())[0]["code"] == "MA 01 01"
    assert matcher.resolve("sciures et copeaux de bois non traites")[0]["code"] == "MA 01 01"


def test_unresolved_words_give_close_candidates(matcher):
    row, candidates = matcher.resolve("emballages")
    assert row is None
    assert candidates and len(candidates) <= 5
    assert all(code.startswith("15 01") for code in codes(candidates))  # the rows holding the word
    message = resource_problem("emballages", candidates, "fr")
    assert "emballages" in str(message) and candidates[0]["code"] in str(message)
    assert matcher.resolve("xyzzy quux") == (None, [])
    assert matcher.resolve("") == (None, []) and matcher.resolve(None) == (None, [])


def test_typo_gets_candidates(matcher):
    row, candidates = matcher.resolve("Sciures et copeaux de bios non traité")
    assert row is None or row["code"] == "MA 01 01"
    if row is None:
        assert candidates[0]["code"] == "MA 01 01"


def test_the_form_proposes_code_spellings_and_their_entries(matcher):
    assert codes(matcher.search("150101")) == ["15 01 01"]
    found = codes(matcher.search("15 01"))
    assert found[0] == "15 01 01" and all(code.startswith("15 01 ") for code in found)
    assert all(row["level"] == "entry" for row in matcher.search("EN"))


def test_the_form_proposes_words_while_they_are_typed(matcher):
    assert "MA 01 01" in codes(matcher.search("sciure"))
    assert "MA 01 01" in codes(matcher.search("sciu"))  # the last word is still being typed
    assert "MA 01 01" in codes(matcher.search("copeaux de b"))
    assert matcher.search("") == [] and matcher.search("xyzzy") == []


def test_search_and_resolve_rank_the_same_way(matcher):
    """A word the form proposes several rows for is not resolved by an import either, and its
    candidates are the form's first proposals."""
    proposals = codes(matcher.search("emballage"))
    row, candidates = matcher.resolve("emballage", levels=("entry",))
    assert len(proposals) > 1 and row is None
    assert codes(candidates) == proposals[:5]


def test_a_row_containing_the_words_alone_is_resolved():
    rows = [{"code": "AA 01 01", "level": "entry", "family": "matter", "label_en": "Brewers' spent grain",
             "label_fr": "Drêches de brasserie"},
            {"code": "AA 01 02", "level": "entry", "family": "matter", "label_en": "Wine lees",
             "label_fr": "Lies de vin"}]
    matcher = ResourceMatcher(rows, vocabulary=())
    assert matcher.resolve("drêches")[0]["code"] == "AA 01 01"
    assert matcher.resolve("DRECHE")[0]["code"] == "AA 01 01"
    assert codes(matcher.search("lie")) == ["AA 01 02"]
