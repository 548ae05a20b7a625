"""The plugin's log: QGIS's message log under the plugin's tag, with QGIS's message levels."""

from qgis.core import Qgis, QgsMessageLog

from ..__about__ import __title__
from .compat import enum_value

LOG_TAG = __title__


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
