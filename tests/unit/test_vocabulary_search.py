"""The vocabulary of the nomenclature and the ranked search: the issue's words, the vocabulary's
own test words (tests/data/vocabulary_test_words.csv), the guards against wrong answers, and the
two search engines giving the same results."""

import csv
import os

import pytest

from territorial_flux_plugin.domain.nomenclature import resource_rows, resources_by_code
from territorial_flux_plugin.domain.resource_vocabulary import key_conflicts, vocabulary_rows
from territorial_flux_plugin.domain.resources import ResourceMatcher, resource_matcher
from territorial_flux_plugin.domain.search import PythonIndex, fts5_available, search_index, term_key

TEST_WORDS = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "vocabulary_test_words.csv")

# the words of the issue, with every answer it calls right (a prefix stands for its entries)
ISSUE_WORDS = {
    "chaleur fatale": ("EN 01",), "waste heat": ("EN 01",), "district heating": ("EN 01",),
    "réseau de chaleur": ("EN 01",), "cartons": ("15 01 01", "20 01 01", "MA 06 05"),
    "cardboard": ("15 01 01", "20 01 01", "MA 06 05"), "sciure": ("MA 01 01", "03 01 05"),
    "sawdust": ("MA 01 01", "03 01 05"), "boues de station d'épuration": ("19 08 05",),
    "huiles usagées": ("13 02", "13 01", "20 01 25"), "déchets verts": ("20 02 01",),
    "mâchefers": ("19 01 12", "19 01 11"), "DEEE": ("20 01 35", "20 01 36", "16 02"),
    "verre": ("15 01 07", "17 02 02", "19 12 05", "20 01 02", "MA 04 04"),
    "ferraille": ("17 04 05", "19 12 02", "12 01 01", "16 01 17", "19 10 01", "20 01 40", "MA 02"),
    "scrap metal": ("17 04 05", "19 12 02", "12 01 01", "16 01 17", "19 10 01", "20 01 40", "MA 02"),
    "sable de fonderie": ("10 09 08", "10 10 08", "10 09 06", "10 10 06"),
    "gravats": ("17 01 07", "17 09 04", "17 01 01"), "biodéchets": ("20 01 08", "20 02 01"),
    "cartons usagés": ("15 01 01", "20 01 01", "MA 06 05"), "huiles usées": ("13 02", "13 01", "20 01 25"),
}


@pytest.fixture(scope="module")
def matcher():
    return resource_matcher()


def right(code, accepted):
    return any(code.startswith(a.strip()) for a in accepted if a.strip())


@pytest.mark.parametrize("word, accepted", sorted(ISSUE_WORDS.items()))
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_issue_words_resolve_right(matcher, word, accepted, lang):
    row, _candidates = matcher.resolve(word, lang=lang)
    assert row is not None and right(row["code"], accepted), (word, row and row["code"])


def test_the_vocabulary_test_words_are_90_percent_right_and_none_wrong(matcher):
    with open(TEST_WORDS, encoding="utf-8", newline="") as handle:
        words = list(csv.DictReader(handle, delimiter=";"))
    assert len(words) >= 50
    assert not {w["word"].lower() for w in words} & {w.lower() for w in ISSUE_WORDS}, "a list of its own"
    resolved, wrong = 0, []
    for entry in words:
        row, _candidates = matcher.resolve(entry["word"], lang=entry["lang"])
        if row is None:
            continue
        if right(row["code"], entry["accepted"].split("|")):
            resolved += 1
        else:
            wrong.append((entry["word"], row["code"]))
    assert wrong == []
    assert resolved >= 0.9 * len(words)


def test_every_vocabulary_word_names_an_entry_and_no_key_two(matcher):
    by_code = resources_by_code()
    assert len(vocabulary_rows()) > 400
    for word, lang, code in vocabulary_rows():
        assert lang in ("en", "fr") and by_code[code]["level"] == "entry", (word, code)
        assert matcher.resolve(word, lang=lang)[0]["code"] == code, word
    assert key_conflicts() == []


def test_guards_against_wrong_answers(matcher):
    # words contained in a long label are not enough: even without the vocabulary, waste heat is
    # not "waste insulating and heat transmission oils"
    bare = ResourceMatcher(resource_rows(), vocabulary=())
    row, candidates = bare.resolve("waste heat")
    assert row is None and candidates
    # a label that says the opposite does not count
    row, candidates = matcher.resolve("bois traité")
    assert row is None or "non" not in row["label_fr"]
    assert candidates  # but close ones are offered
    # qualifiers do not change the resource
    assert term_key("Cartons usagés") == term_key("cartons") == "carton"
    assert term_key("métaux non ferreux") != term_key("métaux ferreux")


def test_the_interface_language_comes_first():
    rows = [{"code": "AA 01 01", "level": "entry", "family": "matter", "label_en": "One", "label_fr": "Un"},
            {"code": "AA 01 02", "level": "entry", "family": "matter", "label_en": "Two", "label_fr": "Deux"}]
    matcher = ResourceMatcher(rows, vocabulary=[("pain", "en", "AA 01 01"), ("pain", "fr", "AA 01 02")])
    assert matcher.resolve("pain", lang="en")[0]["code"] == "AA 01 01"
    assert matcher.resolve("pain", lang="fr")[0]["code"] == "AA 01 02"
    learned = matcher.with_learned({"Pains": "AA 01 02"})
    assert learned.resolve("pain", lang="en")[0]["code"] == "AA 01 02"  # the workspace's word wins


def test_search_ranks_by_bm25_and_finds_vocabulary_words(matcher):
    assert [r["code"] for r in matcher.search("chaleur fat")][:1] == ["EN 01 02"]
    assert matcher.search("sawd")[0]["code"] == "MA 01 01"
    assert matcher.search("district heating")[0]["code"] == "EN 01 02"
    assert [r["code"] for r in matcher.search("cardboard")][0] == "15 01 01"


QUERIES = [(["carton"], False, False), (["chaleur"], False, False), (["boi"], True, False),
           (["huile", "usagee"], False, True), (["dechet", "verre"], False, True), (["met"], True, False),
           (["emballage", "plastique"], False, False), (["xyzzy"], False, True), (["eau", "pluv"], True, False),
           (["waste", "heat"], False, True), (["sludge"], False, False), (["b"], True, False)]


@pytest.mark.parametrize("terms, prefix, any_term", QUERIES)
def test_the_python_fallback_gives_the_same_results_as_fts5(matcher, terms, prefix, any_term):
    assert fts5_available(), "QGIS's SQLite has FTS5 on every platform this runs on"
    documents = matcher.index.documents
    fts5, python = search_index(documents, "fts5"), search_index(documents, "python")
    assert isinstance(python, PythonIndex)
    expected = fts5.search(terms, prefix_last=prefix, any_term=any_term, limit=1000)
    assert python.search(terms, prefix_last=prefix, any_term=any_term, limit=1000) == expected
    if terms != ["xyzzy"]:
        assert expected


def test_the_python_matcher_resolves_like_the_fts5_one(matcher):
    python = ResourceMatcher(resource_rows(), engine="python")
    for word in list(ISSUE_WORDS) + ["emballages", "bois traité", "copeaux de b"]:
        assert [r["code"] for r in python.search(word)] == [r["code"] for r in matcher.search(word)]
        row, candidates = python.resolve(word)
        expected_row, expected_candidates = matcher.resolve(word)
        assert (row and row["code"]) == (expected_row and expected_row["code"])
        assert [r["code"] for r in candidates] == [r["code"] for r in expected_candidates]
