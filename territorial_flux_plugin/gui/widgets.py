"""Widgets every dialog and dock of the plugin builds the same way: the message line that says
what to fix, the button boxes, and the file pickers."""

from qgis.gui import QgsFileWidget
from qgis.PyQt.QtWidgets import QDialogButtonBox, QLabel

from ..toolbelt.compat import enum_value

ERROR_COLOUR = "#b00020"


def message_label(object_name=None, small=False, hidden=False):
    """A word-wrapped label in the colour of problems (``small``: beside a field)."""
    label = QLabel()
    if object_name:
        label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setStyleSheet("color: {}{}".format(ERROR_COLOUR, "; font-size: small" if small else ""))
    if hidden:
        label.hide()
    return label


def show_problem(label, text):
    """``label`` shows ``text`` as a problem (in red), or as information when ``text`` is empty."""
    label.setStyleSheet("color: {}".format(ERROR_COLOUR) if text else "")
    label.setText(text or "")


def standard_buttons(*names):
    """The QDialogButtonBox flags of ``names`` (``"Ok"``, ``"Cancel"``, ``"Open"``, ``"Close"``…)."""
    value = None
    for name in names:
        flag = enum_value(QDialogButtonBox, "StandardButton." + name, name)
        value = flag if value is None else value | flag
    return value


def button_box(dialog, *names, accept=None):
    """A button box of ``names`` (default: OK and Cancel) wired to ``dialog``: accepting calls
    ``accept`` (default: ``dialog.accept``), rejecting closes it."""
    buttons = QDialogButtonBox(standard_buttons(*(names or ("Ok", "Cancel"))))
    buttons.accepted.connect(accept or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def button(buttons, name):
    """The button of ``buttons`` for the standard button ``name``."""
    return buttons.button(standard_buttons(name))


def file_picker(file_filter, save=False, root=None, confirm_overwrite=False):
    """A QGIS file widget choosing a file to read (or, with ``save``, to write)."""
    widget = QgsFileWidget()
    mode = "SaveFile" if save else "GetFile"
    widget.setStorageMode(enum_value(QgsFileWidget, "StorageMode." + mode, mode))
    widget.setFilter(file_filter)
    if root:
        widget.setDefaultRoot(root)
    if confirm_overwrite:
        widget.setConfirmOverwrite(True)
    return widget


def reload_workspace_layers():
    """Make the open workspace's layers show what an import wrote."""
    from ..project.build import workspace_layers

    for layer in workspace_layers().values():
        layer.reload()
        layer.updateExtents()
        layer.triggerRepaint()


def current_workspace_reference():
    """The current project's workspace as a WORKSPACE value (a GeoPackage path or a team reference)."""
    from qgis.core import QgsProject

    from ..project.build import current_workspace

    workspace = current_workspace(QgsProject.instance())
    return workspace.reference if workspace is not None else ""
