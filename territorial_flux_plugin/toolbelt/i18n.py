"""Small shared helpers: translation, the plugin's log, and Qt5/Qt6 and QGIS 3/4 compatibility."""

from qgis.core import Qgis, QgsMessageLog
from qgis.PyQt.QtCore import QCoreApplication

from ..__about__ import __title__

LOG_TAG = __title__


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


def translate_message(message):
    """A domain :class:`Message` (or any object) as a translated sentence."""
    translated = getattr(message, "translated", None)
    if translated is not None:
        return translated(QCoreApplication.translate)
    return str(message)


def vocabulary_label(label):
    """The translated label of a vocabulary entry (see ``domain.vocabulary``)."""
    return QCoreApplication.translate("Vocabulary", label)


def schema_label(label):
    return QCoreApplication.translate("Schema", label)


def log(message, level=None):
    """Write to QGIS's message log under the plugin's tag."""
    QgsMessageLog.logMessage(str(message), LOG_TAG, level if level is not None else info_level())


def info_level():
    return enum_value(Qgis, "MessageLevel.Info", "Info")


def warning_level():
    return enum_value(Qgis, "MessageLevel.Warning", "Warning")


def critical_level():
    return enum_value(Qgis, "MessageLevel.Critical", "Critical")


def success_level():
    return enum_value(Qgis, "MessageLevel.Success", "Success")


def enum_value(owner, *paths):
    """The first of ``paths`` (dotted attribute paths on ``owner``) that exists.

    QGIS moves enums between releases (``QgsSymbolLayer.PropertyLayerEnabled`` became
    ``QgsSymbolLayer.Property.LayerEnabled``); callers list the scoped spelling first.
    """
    for path in paths:
        value = owner
        try:
            for part in path.split("."):
                value = getattr(value, part)
        except AttributeError:
            continue
        return value
    raise AttributeError("{} has none of {}".format(owner, paths))
