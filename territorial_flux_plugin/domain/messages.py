"""Messages of the domain rules, translatable by the user interface.

The domain has no Qt: a rule returns a :class:`Message` (an English template marked for
``pylupdate5`` plus its values); ``str()`` gives English, and the interface translates the
template in the ``Validation`` context before filling in the values.
"""

from .vocabulary import QT_TRANSLATE_NOOP  # noqa: F401 - re-exported for the rule modules

TRANSLATION_CONTEXT = "Validation"


class Message:
    __slots__ = ("template", "values")

    def __init__(self, template, **values):
        self.template = template
        self.values = values

    def __str__(self):
        return self.template.format(**self.values)

    def __repr__(self):
        return "Message({!r})".format(str(self))

    def __eq__(self, other):
        return isinstance(other, Message) and (self.template, self.values) == (other.template, other.values)

    def translated(self, translate):
        """Fill in the values after ``translate(context, template)``."""
        return translate(TRANSLATION_CONTEXT, self.template).format(**self.values)
