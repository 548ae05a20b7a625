"""The one reading of quantities (domain.quantities), for the flow form and the imports alike."""

import pytest

from territorial_flux_plugin.domain import flows, quantities
from territorial_flux_plugin.domain.messages import Message
from territorial_flux_plugin.domain.quantities import DECIMAL, THOUSANDS, is_ambiguous, parse_number, parse_quantity


@pytest.mark.parametrize("text, value, unit", [
    ("1 200", 1200.0, None), ("1\u00a0200", 1200.0, None), ("1\u202f200,5", 1200.5, None), ("1'200", 1200.0, None),
    ("12,5", 12.5, None), ("12.5", 12.5, None), ("1.200,5", 1200.5, None), ("1,200.5", 1200.5, None),
    ("1,200,000", 1200000.0, None), ("12,50", 12.5, None), ("0,5", 0.5, None),
    ("12 t", 12.0, "t"), ("12t", 12.0, "t"), ("3,5 t/an", 3.5, "t/yr"), ("40 MWh/an", 40.0, "MWh/yr"),
    ("0", 0.0, None), ("", None, None), ("   ", None, None), (None, None, None), (7, 7.0, None), (2.5, 2.5, None),
])
@pytest.mark.parametrize("comma", [DECIMAL, THOUSANDS])
def test_unambiguous_spellings_read_the_same_whatever_the_comma(text, value, unit, comma):
    parsed_value, parsed_unit, problem = parse_quantity(text, comma)
    assert problem is None
    assert parsed_value == value
    assert parsed_unit == unit


@pytest.mark.parametrize("text, decimal, thousands", [
    ("1,200", 1.2, 1200.0), ("12,500 t/yr", 12.5, 12500.0), ("-1,200", None, None), ("999,999", 999.999, 999999.0),
])
def test_a_single_comma_before_three_digits_reads_as_the_caller_says(text, decimal, thousands):
    assert parse_quantity(text, DECIMAL)[0] == decimal
    assert parse_quantity(text, THOUSANDS)[0] == thousands


def test_which_spellings_are_ambiguous():
    assert is_ambiguous("1,200") and is_ambiguous(" 12,500 ") and is_ambiguous("1 200,500") is False
    assert not any(is_ambiguous(t) for t in ("12,5", "1,200.5", "1,200,000", "1200", "12,5000", None))


@pytest.mark.parametrize("text", ["-3", "-3 t", "beaucoup", "12 bananas", "n/a"])
def test_bad_quantities_give_a_message_naming_what_was_typed(text):
    value, unit, problem = parse_quantity(text)
    assert value is None and isinstance(problem, Message)
    assert text in str(problem)


def test_the_messages_say_what_is_wrong():
    assert "negative" in str(parse_quantity("-3")[2])
    assert "not a quantity" in str(parse_quantity("beaucoup")[2])
    assert "not a unit" in str(parse_quantity("12 bananas")[2])


def test_parse_number():
    assert parse_number("652 345,12") == 652345.12
    assert parse_number("652345,123") == 652345.123  # an x column: the decimal reading
    assert parse_number("abc") is None and parse_number("") is None and parse_number(None) is None
    assert parse_number(True) is None and parse_number(float("nan")) is None and parse_number("inf") is None
    assert parse_number(7) == 7.0


def test_the_flow_form_reads_through_the_one_parser_with_its_reading(monkeypatch):
    """The form's checks (domain.flows) call domain.quantities with the thousands reading; the
    imports keep the decimal one (the readings the issue on partners' files will settle)."""
    calls = []
    real = quantities.parse_quantity

    def spy(text, comma=DECIMAL):
        calls.append((text, comma))
        return real(text, comma)

    monkeypatch.setattr(flows, "parse_quantity", spy)
    problems = flows.flow_problems({"direction": "offer", "family": "waste", "resource_code": "15 01 01",
                                    "quantity": "1,200", "unit": "t/yr", "confidentiality": "internal"})
    assert problems == {} and calls == [("1,200", THOUSANDS)]


def test_number_styles_say_how_a_column_writes_its_decimals():
    from territorial_flux_plugin.domain.quantities import DECIMAL, THOUSANDS, number_style

    assert number_style("12,5") == DECIMAL and number_style("1.200,5 t") == DECIMAL
    assert number_style("1,200.5") == THOUSANDS and number_style("1,200,000") == THOUSANDS
    assert number_style("12.5") == THOUSANDS
    assert number_style("1,200") is None and number_style("1200") is None and number_style("1 200") is None
    assert number_style("1.200") is None and number_style("beaucoup") is None


def test_one_rule_for_1200_the_column_decides_else_the_language():
    from territorial_flux_plugin.domain.quantities import DECIMAL, THOUSANDS, column_comma, format_number, language_comma, parse_number

    assert column_comma(["1,200", "12,5"], "en") == DECIMAL
    assert column_comma(["1,200", "1,500.25"], "fr") == THOUSANDS
    assert column_comma(["1,200", "40", None], "fr") == DECIMAL
    assert column_comma(["1,200", "40"], "en") == THOUSANDS
    assert column_comma(["1,200", "12,5", "3.5"], "fr") == DECIMAL  # the column says both: the language
    assert language_comma("fr") == DECIMAL and language_comma("en") == THOUSANDS
    assert parse_number("1,200", column_comma(["1,200", "12,5"], "en")) == 1.2
    # every unambiguous spelling reads the same whatever the rule
    for comma in (DECIMAL, THOUSANDS):
        assert parse_number("1 200", comma) == 1200 and parse_number("1.200,5", comma) == 1200.5
        assert parse_number("1,200.5", comma) == 1200.5 and parse_number("12,5", comma) == 12.5
    assert format_number(1.2, "fr") == "1,2" and format_number(1200.0, "en") == "1200"
