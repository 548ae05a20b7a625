"""Menu action *Share with partners…*: choose the level, the issuer, the licence and the format (a
GeoPackage, a workbook, CSV files or a web map), see what would leave, then
``territorialflux:exportpartners`` or ``territorialflux:exportwebmap`` writes it; the message bar
announces it and can open it."""

import os

from qgis.core import QgsProcessingException
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QApplication, QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from ..__about__ import __title__
from ..domain.errors import TerritorialFluxError
from ..domain.sharing import LEVELS, LICENCES
from ..domain.vocabulary import CONFIDENTIALITY_LEVELS
from ..sharing.read import read_shared
from ..toolbelt.compat import enum_value
from ..toolbelt.i18n import error_text, language, tr, vocabulary_label
from ..toolbelt.log import critical_level, log, success_level, warning_level
from .widgets import button, button_box, message_label
from .workspace_dialogs import last_folder, remember_folder

FILE_FORMATS = {"gpkg": "GeoPackage (*.gpkg)", "xlsx": "Excel (*.xlsx)"}


def format_labels():
    return [("gpkg", tr("GeoPackage for QGIS (styled, with its project)")),
            ("xlsx", tr("Workbook (XLSX), one sheet per table")),
            ("csv", tr("CSV files in a folder (for a spreadsheet)")),
            ("webmap", tr("Web map (a folder to open in a browser)"))]


def _combo(items, current=None):
    combo = QComboBox()
    for word, label in items:
        combo.addItem(label, word)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


class ShareDialog(QDialog):
    """The parameters of both partner exports for the open workspace, with the counts that would leave."""

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(tr("Share with partners"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Exports what partners may receive from {name}: the flows and synergies at the chosen "
                          "level or a less restricted one, and their companies. Contacts, logins, notes, "
                          "addresses, costs and savings never leave.").format(name=workspace.name))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.file_format = _combo(format_labels(), "gpkg")
        form.addRow(tr("Format"), self.file_format)
        self.level = _combo([(k, vocabulary_label(CONFIDENTIALITY_LEVELS[k])) for k in LEVELS], "partners")
        form.addRow(tr("Partners may see up to"), self.level)
        self.preview = QLabel()
        self.preview.setObjectName("share_preview")
        self.preview.setWordWrap(True)
        form.addRow("", self.preview)
        self.organisation = QLineEdit()
        self.organisation.setPlaceholderText(workspace.name)
        form.addRow(tr("Issuing organisation"), self.organisation)
        self.licence = _combo([(k, "{} ({})".format(name, k)) for k, (name, _url) in LICENCES.items()], "etalab-2.0")
        form.addRow(tr("Licence"), self.licence)
        self.title = QLineEdit()
        self.title.setPlaceholderText(workspace.name)
        form.addRow(tr("Web map title"), self.title)
        self.background = _combo([("none", tr("None: no request to any server")),
                                  ("osm", tr("OpenStreetMap (the page loads its tiles)"))], "none")
        form.addRow(tr("Web map background"), self.background)
        self.output = QgsFileWidget()
        self.output.setDefaultRoot(last_folder())
        form.addRow(tr("Write to"), self.output)
        layout.addLayout(form)
        self.error_label = message_label()
        layout.addWidget(self.error_label)
        buttons = button_box(self)
        button(buttons, "Ok").setText(tr("Export"))
        layout.addWidget(buttons)
        self.file_format.currentIndexChanged.connect(self._format_changed)
        self.level.currentIndexChanged.connect(self.update_preview)
        self._format_changed()
        self.update_preview()

    @property
    def chosen_format(self):
        return self.file_format.currentData()

    def _format_changed(self):
        chosen = self.chosen_format
        web = chosen == "webmap"
        self.title.setEnabled(web)
        self.background.setEnabled(web)
        if chosen in FILE_FORMATS:
            self.output.setStorageMode(enum_value(QgsFileWidget, "StorageMode.SaveFile", "SaveFile"))
            self.output.setFilter(FILE_FORMATS[chosen])
            self.output.setConfirmOverwrite(True)
        else:
            self.output.setStorageMode(enum_value(QgsFileWidget, "StorageMode.GetDirectory", "GetDirectory"))
            self.output.setConfirmOverwrite(False)
        if web and self.level.currentData() == "partners" and not self.output.filePath():
            self.level.setCurrentIndex(self.level.findData("public"))

    def counts(self):
        return read_shared(self.workspace, self.level.currentData(), language()).counts

    def update_preview(self):
        try:
            counts = self.counts()
        except TerritorialFluxError as error:
            self.preview.setText(error_text(error))
            return
        self.preview.setText(tr("What would leave: {companies} companies, {flows} offers and needs, {synergies} "
                                "synergies.").format(**counts))

    def output_path(self):
        path = self.output.filePath().strip()
        if path and self.chosen_format in FILE_FORMATS and not path.lower().endswith("." + self.chosen_format):
            path += "." + self.chosen_format
        return path

    def algorithm(self):
        return "territorialflux:exportwebmap" if self.chosen_format == "webmap" else "territorialflux:exportpartners"

    def parameters(self):
        parameters = {"WORKSPACE": self.workspace.reference, "MAX_CONFIDENTIALITY": self.level.currentData(),
                      "ORGANISATION": self.organisation.text().strip(), "LICENCE": self.licence.currentData(),
                      "OUTPUT": self.output_path()}
        if self.chosen_format == "webmap":
            parameters.update(TITLE=self.title.text().strip(), BACKGROUND=self.background.currentData())
        else:
            parameters["FORMAT"] = self.chosen_format
        return parameters

    def accept(self):
        if not self.output_path():
            self.error_label.setText(tr("Choose where to write the export."))
            return
        remember_folder(self.output_path())
        super().accept()


def open_path(path):
    QDesktopServices.openUrl(QUrl.fromLocalFile(path))


def share_current_workspace(iface, dialog_factory=ShareDialog):
    """Ask for the export's parameters, run it, announce what was written."""
    import processing

    from ..project.build import current_workspace

    bar = iface.messageBar()
    workspace = current_workspace()
    if workspace is None:
        bar.pushMessage(__title__, tr("Open a workspace first: partners receive the open workspace's data."),
                        level=warning_level(), duration=8)
        return None
    dialog = dialog_factory(workspace, iface.mainWindow())
    if not dialog.exec():
        return None
    web = dialog.chosen_format == "webmap"
    QApplication.setOverrideCursor(enum_value(Qt, "CursorShape.WaitCursor", "WaitCursor"))
    try:
        result = processing.run(dialog.algorithm(), dialog.parameters())
    except QgsProcessingException as error:
        QApplication.restoreOverrideCursor()
        log(str(error), critical_level())
        bar.pushMessage(__title__, str(error), level=critical_level(), duration=0)
        return None
    QApplication.restoreOverrideCursor()
    path = result["OUTPUT"]
    opened = os.path.join(path, "index.html") if web else path
    if web:
        text = tr("Web map written: {path} ({companies} companies, {flows} offers and needs, {synergies} "
                  "synergies).")
    else:
        text = tr("Export for partners written: {path} ({companies} companies, {flows} offers and needs, {synergies} "
                  "synergies).")
    text = text.format(path=opened, companies=int(result["COMPANIES"]), flows=int(result["FLOWS"]),
                       synergies=int(result["SYNERGIES"]))
    log(text)
    widget = bar.createMessage(__title__, text)
    open_button = QPushButton(tr("Open"), widget)
    open_button.clicked.connect(lambda: open_path(opened))
    widget.layout().addWidget(open_button)
    bar.pushWidget(widget, success_level(), 15)
    return result
