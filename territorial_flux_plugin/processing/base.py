"""What every algorithm of the provider shares: naming, translation, help, errors."""

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication

from ..domain.errors import TerritorialFluxError
from ..toolbelt.i18n import error_text


class TerritorialFluxAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses set NAME, DISPLAY_NAME, GROUP_ID and GROUP and HELP, and implement
    :meth:`perform`; a :class:`TerritorialFluxError` it raises reaches the user as a translated sentence."""

    NAME = ""
    DISPLAY_NAME = ""
    GROUP = ""
    GROUP_ID = ""
    HELP = ""

    def tr(self, text):
        """pylupdate5 files ``self.tr("...")`` under the class's name, and strings marked with
        QT_TRANSLATE_NOOP under "Processing": look in the class and its bases, then there."""
        for klass in type(self).__mro__:
            if klass.__module__.startswith("qgis."):
                break
            translated = QCoreApplication.translate(klass.__name__, text)
            if translated != text:
                return translated
        return QCoreApplication.translate("Processing", text)

    def name(self):
        return self.NAME

    def displayName(self):  # noqa: N802
        return self.tr(self.DISPLAY_NAME)

    def group(self):
        return self.tr(self.GROUP)

    def groupId(self):  # noqa: N802
        return self.GROUP_ID

    def shortHelpString(self):  # noqa: N802
        return self.tr(self.HELP)

    def createInstance(self):  # noqa: N802
        return type(self)()

    def checkParameterValues(self, parameters, context):  # noqa: N802
        """Unknown words of enumerated parameters get a message that lists the accepted ones."""
        from .params import choice_problem, choice_words

        for definition in self.parameterDefinitions():
            if choice_words(definition):
                problem = choice_problem(definition, parameters.get(definition.name()))
                if problem:
                    return False, problem
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        try:
            return self.perform(parameters, context, feedback)
        except TerritorialFluxError as error:
            raise QgsProcessingException(error_text(error))

    def perform(self, parameters, context, feedback):
        raise NotImplementedError

    @staticmethod
    def fail(message):
        """Raise a QgsProcessingException with the translated sentence of a domain Message."""
        raise QgsProcessingException(error_text(message))
