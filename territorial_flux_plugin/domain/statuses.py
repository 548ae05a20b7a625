"""Synergy status transitions: one step forward at a time, ``abandoned`` from any live status."""

from .errors import TerritorialFluxError
from .messages import QT_TRANSLATE_NOOP, Message
from .vocabulary import SYNERGY_STATUSES

PROGRESSION = [s for s in SYNERGY_STATUSES if s != "abandoned"]
LIVE_STATUSES = tuple(PROGRESSION)


def next_status(status):
    """The status that follows ``status`` on the way to ``operating``, or None at the end."""
    if status not in PROGRESSION:
        return None
    index = PROGRESSION.index(status)
    return PROGRESSION[index + 1] if index + 1 < len(PROGRESSION) else None


def allowed_transitions(status):
    """Statuses reachable from ``status`` in one action."""
    if status == "abandoned":
        return []
    if status not in PROGRESSION:
        raise TerritorialFluxError(Message(QT_TRANSLATE_NOOP("Validation", "Unknown synergy status '{status}'."), status=status))
    following = next_status(status)
    return ([following] if following else []) + ["abandoned"]


def check_transition(from_status, to_status, reason=None):
    """Raise TerritorialFluxError unless ``from_status`` may become ``to_status``.

    ``abandoned`` requires a non-empty reason.
    """
    if to_status not in SYNERGY_STATUSES:
        raise TerritorialFluxError(Message(QT_TRANSLATE_NOOP("Validation", "Unknown synergy status '{status}'."), status=to_status))
    if to_status not in allowed_transitions(from_status):
        raise TerritorialFluxError(Message(
            QT_TRANSLATE_NOOP("Validation", "A synergy cannot go from '{old}' to '{new}'."),
            old=from_status, new=to_status))
    if to_status == "abandoned" and not (reason or "").strip():
        raise TerritorialFluxError(Message(QT_TRANSLATE_NOOP("Validation", "Abandoning a synergy requires a reason.")))
