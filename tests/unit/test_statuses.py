import pytest

from territorial_flux_plugin.domain.statuses import PROGRESSION, TerritorialFluxError, allowed_transitions, check_transition, next_status


def test_progression_order():
    assert PROGRESSION == ["idea", "contacted", "studying", "implementing", "operating"]
    assert next_status("idea") == "contacted"
    assert next_status("operating") is None


def test_one_step_at_a_time():
    check_transition("idea", "contacted")
    with pytest.raises(TerritorialFluxError):
        check_transition("idea", "studying")
    with pytest.raises(TerritorialFluxError):
        check_transition("studying", "contacted")


def test_abandoned_from_every_live_status_with_a_reason():
    for status in PROGRESSION:
        assert "abandoned" in allowed_transitions(status)
        check_transition(status, "abandoned", "too far")
        with pytest.raises(TerritorialFluxError) as error:
            check_transition(status, "abandoned", "  ")
        assert "reason" in str(error.value.message)


def test_abandoned_is_final():
    assert allowed_transitions("abandoned") == []
    with pytest.raises(TerritorialFluxError):
        check_transition("abandoned", "idea")


def test_unknown_status():
    with pytest.raises(TerritorialFluxError):
        check_transition("idea", "done")
