"""Menu action *Print territory map…*: choose theme, title, paper, audience and atlas, then
``territorialflux:printmap`` writes the PDF or PNG; the message bar announces it and can open it.

When the open project is the workspace's own project, the same layout (and its filtered
layers) is also added to it, so that saving the project keeps it and the layout designer can
open it at once (Project ▸ Layouts).
"""

import os

from qgis.core import QgsProcessingException, QgsProject
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QApplication, QCheckBox, QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from ..__about__ import __title__
from ..domain.vocabulary import CONFIDENTIALITY_LEVELS
from ..printing import layers as print_layers
from ..printing.export import TEMPLATE_PATH
from ..printing.settings import PrintSettings
from ..toolbelt import preferences
from ..toolbelt.compat import enum_value
from ..toolbelt.i18n import tr, vocabulary_label
from ..toolbelt.log import critical_level, log, success_level, warning_level
from .widgets import button, button_box, file_picker, message_label
from .workspace_dialogs import last_folder


def _combo(items, current):
    combo = QComboBox()
    for word, label in items:
        combo.addItem(label, word)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    return combo


class PrintDialog(QDialog):
    """The parameters of territorialflux:printmap for the open workspace."""

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        remembered = preferences.load()
        self.setWindowTitle(tr("Print territory map"))
        self.setMinimumWidth(540)
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Prints a map of {name} for a meeting. Flows and synergies more restricted than the "
                          "audience's level are left out of the map and of the legend; contact details are "
                          "never printed.").format(name=workspace.name))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.theme = _combo([(t, print_layers.theme_title(t)) for t in print_layers.THEMES],
                            remembered.print_theme)
        form.addRow(tr("Map theme"), self.theme)
        self.title = QLineEdit()
        self.title.setPlaceholderText(tr("Empty: the theme's name"))
        form.addRow(tr("Title"), self.title)
        self.paper = _combo([("A4", "A4"), ("A3", "A3")], remembered.print_paper)
        form.addRow(tr("Paper size"), self.paper)
        self.orientation = _combo([("landscape", tr("Landscape")), ("portrait", tr("Portrait"))],
                                  remembered.print_orientation)
        form.addRow(tr("Orientation"), self.orientation)
        self.level = _combo([(k, vocabulary_label(v)) for k, v in CONFIDENTIALITY_LEVELS.items()],
                            remembered.print_level)
        form.addRow(tr("Audience may see up to"), self.level)
        self.atlas = _combo([("none", tr("No atlas: one page")), ("commune", tr("One page per commune")),
                             ("zone", tr("One page per business zone")),
                             ("family", tr("One page per resource family"))], "none")
        form.addRow(tr("Atlas"), self.atlas)
        self.background = _combo([("areas", tr("Areas: outlines and names of the communes and zones")),
                                  ("osm", tr("OpenStreetMap (web tiles, needs the internet)")),
                                  ("planign", tr("Plan IGN (web tiles, needs the internet)")),
                                  ("none", tr("None"))], remembered.print_background)
        form.addRow(tr("Background"), self.background)
        self.template = file_picker(tr("QGIS layout template (*.qpt)"), root=os.path.dirname(TEMPLATE_PATH))
        self.template.lineEdit().setPlaceholderText(tr("Empty: the plugin's layout"))
        form.addRow(tr("Layout template"), self.template)
        self.output = file_picker(tr("PDF (*.pdf);;PNG image (*.png)"), save=True, root=last_folder(),
                                  confirm_overwrite=True)
        form.addRow(tr("Output file"), self.output)
        self.open_file = QCheckBox(tr("Open the file when it is written"))
        self.open_file.setChecked(remembered.print_open_file)
        form.addRow("", self.open_file)
        layout.addLayout(form)
        self.error_label = message_label()
        layout.addWidget(self.error_label)
        buttons = button_box(self)
        button(buttons, "Ok").setText(tr("Print"))
        layout.addWidget(buttons)

    def output_path(self):
        path = self.output.filePath().strip()
        if path and os.path.splitext(path)[1].lower() not in (".pdf", ".png"):
            path += ".pdf"
        return path

    def print_settings(self):
        return PrintSettings(theme=self.theme.currentData(), output=self.output_path(), title=self.title.text().strip(),
                             paper=self.paper.currentData(), orientation=self.orientation.currentData(),
                             level=self.level.currentData(), atlas=self.atlas.currentData(),
                             template=self.template.filePath().strip() or None,
                             background=self.background.currentData())

    def parameters(self):
        """The ``territorialflux:printmap`` parameters of the dialog's choices."""
        return self.print_settings().parameters(self.workspace.reference)

    def accept(self):
        if not self.output_path():
            self.error_label.setText(tr("Choose the file to write (.pdf or .png)."))
            return
        template = self.template.filePath().strip()
        if template and not os.path.isfile(template):
            self.error_label.setText(tr("The template {file} does not exist.").format(file=template))
            return
        preferences.remember(print_theme=self.theme.currentData(), print_paper=self.paper.currentData(),
                             print_orientation=self.orientation.currentData(), print_level=self.level.currentData(),
                             print_open_file=self.open_file.isChecked(), print_background=self.background.currentData())
        super().accept()


def open_file(path):
    QDesktopServices.openUrl(QUrl.fromLocalFile(path))


def print_current_workspace(iface, dialog_factory=PrintDialog):
    """Ask for the print's parameters, run territorialflux:printmap, announce the result."""
    import processing

    from ..project.build import current_workspace

    bar = iface.messageBar()
    workspace = current_workspace()
    if workspace is None:
        bar.pushMessage(__title__, tr("Open a workspace first: the map is printed from the open workspace."),
                        level=warning_level(), duration=8)
        return None
    dialog = dialog_factory(workspace, iface.mainWindow())
    if not dialog.exec():
        return None
    settings = dialog.print_settings()
    QApplication.setOverrideCursor(enum_value(Qt, "CursorShape.WaitCursor", "WaitCursor"))
    try:
        result = processing.run("territorialflux:printmap", settings.parameters(workspace.reference))
        _add_to_open_project(workspace, settings)
    except QgsProcessingException as error:
        QApplication.restoreOverrideCursor()
        log(str(error), critical_level())
        bar.pushMessage(__title__, str(error), level=critical_level(), duration=0)
        return None
    QApplication.restoreOverrideCursor()
    path = result["OUTPUT"]
    if result.get("SAVED", True):
        text = tr("Map printed: {path} (pages: {pages}). The layout “{layout}” is saved in the workspace's "
                  "project.").format(path=path, pages=int(result["PAGES"]), layout=result["LAYOUT"])
    else:
        text = tr("Map printed: {path} (pages: {pages}). The layout “{layout}” is in the open project; the team "
                  "workspace's shared project is changed by its administrators only.").format(
            path=path, pages=int(result["PAGES"]), layout=result["LAYOUT"])
    log(text)
    widget = bar.createMessage(__title__, text)
    button = QPushButton(tr("Open"), widget)
    button.clicked.connect(lambda: open_file(path))
    widget.layout().addWidget(button)
    bar.pushWidget(widget, success_level(), 15)
    if dialog.open_file.isChecked():
        open_file(path)
    return result


def _add_to_open_project(workspace, settings):
    """The same layout in the open project when it is the workspace's (saving it keeps the layout)."""
    from ..printing.export import print_map
    from ..project.build import current_workspace

    project = QgsProject.instance()
    current = current_workspace(project)
    if current is None or current != workspace:
        return
    try:
        print_map(workspace, settings, project=project, save=False, export_file=False)
    except Exception as error:  # noqa: BLE001 - the print itself succeeded; say why the layout is not here
        log(tr("The layout could not be added to the open project: {error}").format(error=error), warning_level())
