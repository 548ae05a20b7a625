"""Menu action *Territory report…*: choose the period, the audience and the file (.pdf, .xlsx or
.html), then ``territorialflux:report`` writes it; the message bar announces it and can open it."""

import datetime
import os

from qgis.core import QgsProcessingException
from qgis.PyQt.QtCore import QDate, Qt
from qgis.PyQt.QtWidgets import QApplication, QCheckBox, QDateEdit, QDialog, QFormLayout, QLabel, QPushButton, QVBoxLayout

from ..__about__ import __title__
from ..domain.vocabulary import CONFIDENTIALITY_LEVELS
from ..toolbelt.compat import enum_value
from ..toolbelt.i18n import tr, vocabulary_label
from ..toolbelt.log import critical_level, log, success_level, warning_level
from .print_dialog import _combo, open_file
from .widgets import button, button_box, file_picker, message_label
from .workspace_dialogs import last_folder

EXTENSIONS = (".pdf", ".xlsx", ".html")


def _date_edit(day):
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class ReportDialog(QDialog):
    """The parameters of territorialflux:report for the open workspace."""

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(tr("Territory report"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Writes the report of {name} for a period: the figures funders ask for, the synergy "
                          "pipeline, the metabolism and the map. Flows and synergies more restricted than the "
                          "audience's level are not counted; a report for partners names no advisor.").format(
            name=workspace.name))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        today = datetime.date.today()
        self.date_from = _date_edit(today.replace(month=1, day=1))
        form.addRow(tr("From"), self.date_from)
        self.date_to = _date_edit(today)
        form.addRow(tr("To"), self.date_to)
        self.level = _combo([(k, vocabulary_label(v)) for k, v in CONFIDENTIALITY_LEVELS.items()], "internal")
        form.addRow(tr("Audience may see up to"), self.level)
        self.output = file_picker(tr("PDF (*.pdf);;Spreadsheet (*.xlsx);;Web page (*.html)"), save=True,
                                  root=last_folder(), confirm_overwrite=True)
        form.addRow(tr("Output file"), self.output)
        self.open_file = QCheckBox(tr("Open the file when it is written"))
        self.open_file.setChecked(True)
        form.addRow("", self.open_file)
        layout.addLayout(form)
        self.error_label = message_label()
        layout.addWidget(self.error_label)
        buttons = button_box(self)
        button(buttons, "Ok").setText(tr("Write the report"))
        layout.addWidget(buttons)

    def output_path(self):
        path = self.output.filePath().strip()
        if path and os.path.splitext(path)[1].lower() not in EXTENSIONS:
            path += ".pdf"
        return path

    def parameters(self):
        """The ``territorialflux:report`` parameters of the dialog's choices."""
        return {"WORKSPACE": self.workspace.reference, "FROM": self.date_from.date().toString("yyyy-MM-dd"),
                "TO": self.date_to.date().toString("yyyy-MM-dd"), "MAX_CONFIDENTIALITY": self.level.currentData(),
                "OUTPUT": self.output_path()}

    def accept(self):
        if not self.output_path():
            self.error_label.setText(tr("Choose the file to write (.pdf, .xlsx or .html)."))
            return
        if self.date_from.date() > self.date_to.date():
            self.error_label.setText(tr("The period must start before it ends."))
            return
        super().accept()


def report_current_workspace(iface, dialog_factory=ReportDialog):
    """Ask for the report's parameters, run territorialflux:report, announce the result."""
    import processing

    from ..project.build import current_workspace

    bar = iface.messageBar()
    workspace = current_workspace()
    if workspace is None:
        bar.pushMessage(__title__, tr("Open a workspace first: the report is written from the open workspace."),
                        level=warning_level(), duration=8)
        return None
    dialog = dialog_factory(workspace, iface.mainWindow())
    if not dialog.exec():
        return None
    parameters = dialog.parameters()
    QApplication.setOverrideCursor(enum_value(Qt, "CursorShape.WaitCursor", "WaitCursor"))
    try:
        result = processing.run("territorialflux:report", parameters)
    except QgsProcessingException as error:
        QApplication.restoreOverrideCursor()
        log(str(error), critical_level())
        bar.pushMessage(__title__, str(error), level=critical_level(), duration=0)
        return None
    if path_is_pdf(parameters["OUTPUT"]):
        _add_to_open_project(workspace, parameters)
    QApplication.restoreOverrideCursor()
    path = result["OUTPUT"]
    text = tr("Report written: {path}.").format(path=path)
    if result.get("LAYOUT"):
        text += " " + tr("Its layout “{layout}” is in the workspace's project (Project ▸ Layouts once the "
                         "workspace is opened again).").format(layout=result["LAYOUT"])
    if not result.get("CHARTS"):
        text += " " + tr("Without charts: this QGIS has no matplotlib.")
    log(text)
    widget = bar.createMessage(__title__, text)
    opener = QPushButton(tr("Open"), widget)
    opener.clicked.connect(lambda: open_file(path))
    widget.layout().addWidget(opener)
    bar.pushWidget(widget, success_level(), 15)
    if dialog.open_file.isChecked():
        open_file(path)
    return result


def path_is_pdf(path):
    return os.path.splitext(path)[1].lower() == ".pdf"


def _add_to_open_project(workspace, parameters):
    """The same layout in the open project when it is the workspace's (saving it keeps the layout)."""
    from qgis.core import QgsProject

    from ..project.build import current_workspace
    from ..reporting.report import ReportSettings, write_report

    project = QgsProject.instance()
    current = current_workspace(project)
    if current is None or current != workspace:
        return
    settings = ReportSettings(parameters["OUTPUT"], parameters["FROM"], parameters["TO"],
                              parameters["MAX_CONFIDENTIALITY"])
    try:
        write_report(workspace, settings, project=project, save=False, export_file=False)
    except Exception as error:  # noqa: BLE001 - the report itself was written; say why the layout is not here
        log(tr("The layout could not be added to the open project: {error}").format(error=error), warning_level())
