import random

import pytest

from territorial_flux_plugin.domain.siret import complete_siret, is_valid_siret, luhn_ok, normalise_siret, siren_problem, siret_problem


@pytest.mark.parametrize("siret", ["73282932000074", "732 829 320 00074", "35600000000048", "35600000049837"])
def test_valid_sirets(siret):
    assert is_valid_siret(siret), siret_problem(siret)


@pytest.mark.parametrize("siret, words", [
    ("73282932000075", "check digit"),
    ("7328293200007", "14 digits"),
    ("7328293200007A", "14 digits"),
    ("", "empty"),
    ("35600000049838", "La Poste"),
])
def test_invalid_sirets_say_why(siret, words):
    problem = siret_problem(siret)
    assert problem is not None
    assert words in str(problem)


def test_la_poste_rule_is_the_sum_of_digits():
    # 356000000 + NIC: Luhn fails but the digit sum is a multiple of 5.
    siret = "35600000049837"
    assert not luhn_ok(siret)
    assert sum(int(c) for c in siret) % 5 == 0
    assert is_valid_siret(siret)


def test_normalise_strips_spaces_dots_and_dashes():
    assert normalise_siret(" 732.829.320-00074 ") == "73282932000074"


def test_complete_siret_gives_valid_numbers():
    rng = random.Random(1)
    for _ in range(200):
        prefix = "".join(str(rng.randint(0, 9)) for _ in range(13))
        assert is_valid_siret(complete_siret(prefix))


def test_siren():
    assert siren_problem("732829320") is None
    assert siren_problem("732829321") is not None
