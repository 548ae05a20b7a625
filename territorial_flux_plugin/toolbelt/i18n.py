"""Translation: the interface's language, ``tr()``, and domain messages and errors as sentences."""

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale


def tr(text, context=None):
    """Translate ``text``, a literal of a module-level ``tr("...")`` call.

    pylupdate5 files such calls under the ``@default`` context; strings marked with
    ``QT_TRANSLATE_NOOP("TerritorialFlux", ...)`` are found under that context.
    """
    if context:
        return QCoreApplication.translate(context, text)
    translated = QCoreApplication.translate("@default", text)
    if translated == text:
        translated = QCoreApplication.translate("TerritorialFlux", text)
    return translated


def qgis_language():
    """The two-letter language QGIS uses (its locale setting when overridden, else the system's)."""
    settings = QgsSettings()
    override = settings.value("locale/overrideFlag", False, type=bool)
    locale = settings.value("locale/userLocale", "") if override else ""
    return (locale or QLocale().name() or "en")[:2]


def language():
    """``fr`` when QGIS speaks French, else ``en``: the language of labels written in the file."""
    locale = QgsSettings().value("locale/userLocale", "") or ""
    if not locale:
        locale = QLocale().name()
    return "fr" if str(locale).lower().startswith("fr") else "en"


def translate_message(message):
    """A domain :class:`Message` (or any object) as a translated sentence."""
    translated = getattr(message, "translated", None)
    if translated is not None:
        return translated(QCoreApplication.translate)
    return str(message)


def error_text(error):
    """A :class:`~..domain.errors.TerritorialFluxError` (or its problems: a Message, a list, a dict
    by field) as translated sentences, one a line."""
    problems = getattr(error, "problems", None)
    if problems is None:
        problems = list(error.values()) if isinstance(error, dict) else \
            list(error) if isinstance(error, (list, tuple)) else [error]
    return "\n".join(translate_message(problem) for problem in problems)


def vocabulary_label(label):
    """The translated label of a vocabulary entry (see ``domain.vocabulary``)."""
    return QCoreApplication.translate("Vocabulary", label)


def schema_label(label):
    return QCoreApplication.translate("Schema", label)
