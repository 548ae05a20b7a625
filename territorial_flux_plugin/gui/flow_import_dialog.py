"""Territorial Flux → Import flows…: the offers and needs of a workshop spreadsheet.

The dialog checks the chosen file at once, without writing anything, then lists each distinct
resource word that still names no resource without doubt, once, with the rows it holds up and
its candidates. The advisor picks one per word; the import (``territorialflux:importflows`` with
``WORDS``) writes the flows and remembers the choices in the same transaction.
"""

import os

from qgis.core import QgsProcessingException
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..domain.errors import TerritorialFluxError
from ..toolbelt.compat import enum_value
from ..toolbelt.i18n import error_text, language, tr, translate_message
from .widgets import current_workspace_reference, file_picker, reload_workspace_layers, show_problem, standard_buttons


class ImportFlowsDialog(QDialog):
    def __init__(self, parent=None, workspace_reference=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Import flows"))
        self.setObjectName("TerritorialFluxImportFlowsDialog")
        self.resize(900, 620)
        self.input_value = None
        self.words = []  # the unresolved words of the checked file
        self.rejects_path = None
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Offers and needs from a workshop spreadsheet (the flows template, or any sheet with "
                          "its headers). The file is checked first: nothing is written until you press Import, "
                          "and then all rows are written or none."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.workspace_edit = QLabel(workspace_reference or current_workspace_reference() or "")
        self.workspace_edit.setTextInteractionFlags(enum_value(Qt, "TextInteractionFlag.TextSelectableByMouse",
                                                               "TextSelectableByMouse"))
        form.addRow(tr("Workspace"), self.workspace_edit)
        self.input_widget = file_picker(tr("Spreadsheets and CSV (*.xlsx *.ods *.csv *.txt *.zip);;All files (*)"))
        self.input_widget.fileChanged.connect(self._read_source)
        form.addRow(tr("Flows file"), self.input_widget)
        self.table_combo = QComboBox()
        self.table_combo.activated.connect(lambda _i: self._choose_table())
        form.addRow(tr("Table to import"), self.table_combo)
        self.table_label = form.labelForField(self.table_combo)
        self.rejects_widget = file_picker(tr("CSV (*.csv)"), save=True)
        form.addRow(tr("Rows not imported (CSV)"), self.rejects_widget)
        layout.addLayout(form)
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        layout.addWidget(self.info_label)

        box = QGroupBox(tr("Words that name several resources: choose the one each means"))
        box_layout = QVBoxLayout(box)
        self.words_table = QTableWidget(0, 3)
        self.words_table.setHorizontalHeaderLabels([tr("Word"), tr("Rows"), tr("Resource")])
        header = self.words_table.horizontalHeader()
        header.setSectionResizeMode(2, enum_value(QHeaderView, "ResizeMode.Stretch", "Stretch"))
        self.words_table.setColumnWidth(0, 220)
        self.words_table.verticalHeader().setVisible(False)
        box_layout.addWidget(self.words_table)
        note = QLabel(tr("Your choices are remembered by the workspace: the next imports, the flow form and "
                         "Processing will know these words."))
        note.setWordWrap(True)
        box_layout.addWidget(note)
        layout.addWidget(box, 1)

        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        buttons = QDialogButtonBox(standard_buttons("Close"))
        self.import_button = QPushButton(tr("Import"))
        self.import_button.setEnabled(False)
        buttons.addButton(self.import_button, enum_value(QDialogButtonBox, "ButtonRole.AcceptRole", "AcceptRole"))
        self.rejects_button = QPushButton(tr("Open the rows not imported"))
        self.rejects_button.setEnabled(False)
        buttons.addButton(self.rejects_button, enum_value(QDialogButtonBox, "ButtonRole.ActionRole", "ActionRole"))
        self.import_button.clicked.connect(self.run_import)
        self.rejects_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(self.rejects_path)))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._show_tables([])

    # --- checking the file ----------------------------------------------------------------------
    def _show_tables(self, names):
        self.table_combo.clear()
        if names:
            self.table_combo.addItem(tr("Choose a table…"), None)
            for name in names:
                self.table_combo.addItem(name, name)
        for widget in (self.table_combo, self.table_label):
            widget.setVisible(bool(names))

    def _choose_table(self):
        name = self.table_combo.currentData()
        if name:
            self.check("{}|layername={}".format(self.input_widget.filePath(), name))

    def _read_source(self, path):
        self._show_tables([])
        if not self.rejects_widget.filePath() and path:
            self.rejects_widget.setFilePath(os.path.splitext(path)[0] + "_rejects.csv")
        self.check(path)

    def check(self, value):
        """Read and check every row of ``value`` without writing; list the words to settle."""
        from ..importing.flows import FlowImport
        from ..importing.tables import SeveralTablesError

        self.input_value = value
        self.words = []
        self.words_table.setRowCount(0)
        self.import_button.setEnabled(False)
        self.result_label.clear()
        if not value:
            self.info_label.clear()
            return
        job = FlowImport(self.workspace_edit.text(), value, lang=language(), check_only=True)
        try:
            result = job.run()
        except SeveralTablesError as several:
            self._show_tables(several.names)
            show_problem(self.info_label, tr("{file} holds several tables: choose the one to import.").format(
                file=several.file))
            return
        except TerritorialFluxError as failure:
            show_problem(self.info_label, error_text(failure))
            return
        except Exception as error:  # noqa: BLE001 - shown, never fatal
            show_problem(self.info_label, str(error))
            return
        finally:
            job.source = None  # the file is closed now
        show_problem(self.info_label, "")
        facts = [tr("{count} rows ready to import, {rejected} not importable as they are").format(
            count=result.imported, rejected=result.rejected)]
        facts += [translate_message(note) for note in result.notes]
        if job.unresolved:
            facts.append(tr("{count} words to settle below").format(count=len(job.unresolved)))
        self.info_label.setText(" · ".join(facts))
        self.words = job.unresolved
        self._fill_words()
        self.import_button.setEnabled(True)

    def _fill_words(self):
        label = "label_fr" if language() == "fr" else "label_en"
        self.words_table.setRowCount(len(self.words))
        for row, entry in enumerate(self.words):
            word = QTableWidgetItem(entry["word"])
            rows = QTableWidgetItem(", ".join(str(n) for n in entry["rows"][:12])
                                    + ("…" if len(entry["rows"]) > 12 else ""))
            for item in (word, rows):
                item.setFlags(enum_value(Qt, "ItemFlag.ItemIsEnabled", "ItemIsEnabled"))
            self.words_table.setItem(row, 0, word)
            self.words_table.setItem(row, 1, rows)
            combo = QComboBox()
            combo.addItem(tr("Leave these rows out (listed in the rows not imported)"), None)
            for candidate in entry["candidates"]:
                combo.addItem("{} — {}".format(candidate["code"], candidate[label]), candidate["code"])
            self.words_table.setCellWidget(row, 2, combo)
        self.words_table.resizeRowsToContents()

    def choices(self):
        """``{word: code}`` the advisor chose."""
        chosen = {}
        for row, entry in enumerate(self.words):
            code = self.words_table.cellWidget(row, 2).currentData()
            if code:
                chosen[entry["word"]] = code
        return chosen

    def choose(self, word, code):
        """Choose ``code`` for ``word`` (as a click would)."""
        for row, entry in enumerate(self.words):
            if entry["word"] == word:
                combo = self.words_table.cellWidget(row, 2)
                combo.setCurrentIndex(combo.findData(code))

    # --- the import ---------------------------------------------------------------------------
    def parameters(self):
        rejects = self.rejects_widget.filePath() or (
            os.path.splitext((self.input_value or "").split("|")[0])[0] + "_rejects.csv")
        return {"WORKSPACE": self.workspace_edit.text(), "INPUT": self.input_value,
                "WORDS": "; ".join("{}={}".format(word, code) for word, code in self.choices().items()),
                "REJECTS": rejects}

    def run_import(self):
        import processing

        parameters = self.parameters()
        self.rejects_path = parameters["REJECTS"]
        try:
            result = processing.run("territorialflux:importflows", parameters)
        except QgsProcessingException as error:
            show_problem(self.result_label, str(error))
            self.rejects_button.setEnabled(os.path.exists(self.rejects_path))
            return
        show_problem(self.result_label, "")
        self.result_label.setText(tr("{imported} flows imported, {rejected} rows not imported (listed with their "
                                     "reason in {path}).").format(imported=result["IMPORTED"],
                                                                 rejected=result["REJECTED"], path=self.rejects_path))
        self.rejects_button.setEnabled(os.path.exists(self.rejects_path))
        self.import_button.setEnabled(False)
        reload_workspace_layers()


def open_import_flows_dialog(iface):
    dialog = ImportFlowsDialog(iface.mainWindow())
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
