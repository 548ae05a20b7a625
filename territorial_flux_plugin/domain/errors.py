"""The one exception type of the plugin, and the two kinds callers branch on.

Every error a person reads is a :class:`TerritorialFluxError` carrying a translatable
:class:`~.messages.Message` (or, for a form, several problems: a list, or a dict by field). The
interface translates it with ``toolbelt.i18n.error_text``; ``str()`` gives English.
"""

from .messages import QT_TRANSLATE_NOOP, Message


class TerritorialFluxError(Exception):
    """Something the plugin refuses or cannot do; nothing was changed.

    ``TerritorialFluxError(Message(...))``, or ``TerritorialFluxError(template, **values)`` with a
    template marked ``QT_TRANSLATE_NOOP("Validation", ...)``; ``message`` is the Message (or the
    list / dict of problems it was given).
    """

    def __init__(self, message, **values):
        if isinstance(message, str):
            message = Message(message, **values)
        super().__init__(message)

    @property
    def message(self):
        return self.args[0]

    @property
    def problems(self):
        """The problems as a list (a single message is a list of one)."""
        message = self.message
        if isinstance(message, dict):
            return list(message.values())
        if isinstance(message, (list, tuple)):
            return list(message)
        return [message]

    def __str__(self):
        return "\n".join(str(problem) for problem in self.problems)


class CanceledError(TerritorialFluxError):
    """The person canceled; nothing was written."""

    def __init__(self, message=None, **values):
        super().__init__(message or Message(QT_TRANSLATE_NOOP("Validation", "Canceled: nothing was changed.")),
                         **values)


class BusyError(TerritorialFluxError):
    """The storage is busy with someone else's writes; nothing was written, trying again may work."""


class ConflictError(TerritorialFluxError):
    """Someone else saved the row after it was loaded: ``message`` lists their changes,
    ``conflicts`` holds the :class:`~..project.locking.Conflict` objects. Nothing was saved."""

    def __init__(self, messages, conflicts):
        super().__init__(messages)
        self.conflicts = conflicts


def fail(template, **values):
    """Raise a :class:`TerritorialFluxError` with ``template`` (marked for translation) and its values."""
    raise TerritorialFluxError(Message(template, **values))
