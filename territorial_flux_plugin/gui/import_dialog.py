"""Territorial Flux → Import companies…, Import flows… and Save the flows template….

The companies dialog reads the chosen file at once and shows, before anything is written,
the proposed mapping of its columns (editable) and a preview of its first rows as they will
be read; the import itself is ``territorialflux:importcompanies``, run with a progress
dialog that can cancel it.
"""

import os
import shutil

from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsProcessingFeedback
from qgis.gui import QgsFileWidget, QgsProjectionSelectionWidget
from qgis.PyQt.QtCore import QCoreApplication, Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..__about__ import __title__
from ..domain import importing as rules
from ..domain.errors import TerritorialFluxError
from ..domain.messages import QT_TRANSLATE_NOOP
from ..toolbelt.compat import enum_value
from ..toolbelt.i18n import error_text, tr
from ..toolbelt.log import log, success_level
from .widgets import current_workspace_reference, file_picker, reload_workspace_layers, show_problem, standard_buttons

# What each company field means, for the mapping table.
FIELD_LABELS = {
    "siret": QT_TRANSLATE_NOOP("ImportDialog", "SIRET"),
    "name": QT_TRANSLATE_NOOP("ImportDialog", "Name (legal name)"),
    "trade_name": QT_TRANSLATE_NOOP("ImportDialog", "Trade name (used when there is no name)"),
    "naf_code": QT_TRANSLATE_NOOP("ImportDialog", "Activity (NAF code)"),
    "headcount_band": QT_TRANSLATE_NOOP("ImportDialog", "Headcount band"),
    "address": QT_TRANSLATE_NOOP("ImportDialog", "Address"),
    "street_number": QT_TRANSLATE_NOOP("ImportDialog", "Street number (SIRENE)"),
    "street_type": QT_TRANSLATE_NOOP("ImportDialog", "Street type (SIRENE)"),
    "street_name": QT_TRANSLATE_NOOP("ImportDialog", "Street name (SIRENE)"),
    "postcode": QT_TRANSLATE_NOOP("ImportDialog", "Postcode"),
    "commune": QT_TRANSLATE_NOOP("ImportDialog", "Commune"),
    "commune_code": QT_TRANSLATE_NOOP("ImportDialog", "Commune code (INSEE)"),
    "zone": QT_TRANSLATE_NOOP("ImportDialog", "Business zone"),
    "contact_name": QT_TRANSLATE_NOOP("ImportDialog", "Contact name"),
    "contact_email": QT_TRANSLATE_NOOP("ImportDialog", "Contact e-mail"),
    "contact_phone": QT_TRANSLATE_NOOP("ImportDialog", "Contact phone"),
    "notes": QT_TRANSLATE_NOOP("ImportDialog", "Notes"),
    "x": QT_TRANSLATE_NOOP("ImportDialog", "X coordinate"),
    "y": QT_TRANSLATE_NOOP("ImportDialog", "Y coordinate"),
    "longitude": QT_TRANSLATE_NOOP("ImportDialog", "Longitude"),
    "latitude": QT_TRANSLATE_NOOP("ImportDialog", "Latitude"),
    "epsg": QT_TRANSLATE_NOOP("ImportDialog", "EPSG code of each row's coordinates"),
    "state": QT_TRANSLATE_NOOP("ImportDialog", "Administrative state (A open, F closed)"),
    "diffusion": QT_TRANSLATE_NOOP("ImportDialog", "Diffusion status (O public, P partial)"),
}


def _label(field):
    return QCoreApplication.translate("ImportDialog", FIELD_LABELS.get(field, field))


ENCODINGS = ("", "UTF-8", "windows-1252", "ISO-8859-1", "ISO-8859-15", "CP850")


class ProgressFeedback(QgsProcessingFeedback):
    """A Processing feedback shown in a QProgressDialog whose Cancel cancels the import."""

    def __init__(self, dialog):
        super().__init__()
        self.dialog = dialog
        dialog.canceled.connect(self.cancel)
        self.progressChanged.connect(self._show)

    def _show(self, value):
        self.dialog.setValue(int(value))
        QgsApplication.processEvents()


class ImportCompaniesDialog(QDialog):
    def __init__(self, parent=None, workspace_path=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Import companies"))
        self.setObjectName("TerritorialFluxImportCompaniesDialog")
        self.resize(980, 720)
        self.source = None
        self.input_value = None
        self.conflicts = {}
        self.combos = {}
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Companies from a partner's file or the SIRENE register. Check how the columns "
                          "are read and the first rows below: nothing is written until you press Import, "
                          "and then all rows are written or none."))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.workspace_widget = QgsFileWidget()
        self.workspace_widget.setFilter(tr("GeoPackage (*.gpkg)"))
        self.workspace_widget.setFilePath(workspace_path or current_workspace_reference())
        form.addRow(tr("Workspace"), self.workspace_widget)
        self.input_widget = QgsFileWidget()
        self.input_widget.setFilter(tr("Partner data (*.shp *.gpkg *.geojson *.json *.csv *.txt *.xlsx *.ods "
                                       "*.dbf *.zip);;All files (*)"))
        self.input_widget.fileChanged.connect(self._read_source)
        form.addRow(tr("Companies file"), self.input_widget)
        # a file with several tables (layers, sheets, datasets of an archive): the person chooses
        self.table_combo = QComboBox()
        self.table_combo.activated.connect(lambda _i: self._choose_table())
        form.addRow(tr("Table to import"), self.table_combo)
        self.table_label = form.labelForField(self.table_combo)
        self._show_tables([])
        options = QHBoxLayout()
        self.crs_widget = QgsProjectionSelectionWidget()
        not_set = enum_value(QgsProjectionSelectionWidget, "CrsOption.CrsNotSet", "CrsNotSet")
        self.crs_widget.setOptionVisible(not_set, True)
        self.crs_widget.setNotSetText(tr("Read from the file"))
        self.crs_widget.setCrs(QgsCoordinateReferenceSystem())
        options.addWidget(self.crs_widget, 2)
        options.addWidget(QLabel(tr("Encoding")))
        self.encoding_combo = QComboBox()
        self.encoding_combo.setEditable(True)
        for encoding in ENCODINGS:
            self.encoding_combo.addItem(encoding or tr("Automatic"), encoding)
        self.encoding_combo.currentIndexChanged.connect(lambda _i: self._read_source(self.input_widget.filePath()))
        options.addWidget(self.encoding_combo, 1)
        form.addRow(tr("Source CRS"), self._wrap(options))
        self.legal_widget = QgsFileWidget()
        self.legal_widget.setFilter(tr("CSV (*.csv *.txt);;All files (*)"))
        form.addRow(tr("SIRENE legal units (optional)"), self.legal_widget)
        choices = QHBoxLayout()
        self.duplicate_combo = QComboBox()
        self.duplicate_combo.addItem(tr("Skip companies whose SIRET is already in the workspace"), "skip")
        self.duplicate_combo.addItem(tr("Update them (empty values never erase yours)"), "update")
        choices.addWidget(self.duplicate_combo, 2)
        self.closed_check = QCheckBox(tr("Skip closed establishments"))
        self.closed_check.setChecked(True)
        choices.addWidget(self.closed_check, 1)
        form.addRow(tr("Duplicates"), self._wrap(choices))
        self.rejects_widget = file_picker(tr("CSV (*.csv)"), save=True)
        form.addRow(tr("Rows not imported (CSV)"), self.rejects_widget)
        layout.addLayout(form)

        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        layout.addWidget(self.info_label)

        splitter = QSplitter(enum_value(Qt, "Orientation.Horizontal", "Horizontal"))
        mapping_box = QGroupBox(tr("Columns (proposed; change any)"))
        mapping_layout = QVBoxLayout(mapping_box)
        self.mapping_table = QTableWidget(0, 2)
        self.mapping_table.setHorizontalHeaderLabels([tr("Company field"), tr("Column of the file")])
        self.mapping_table.horizontalHeader().setSectionResizeMode(
            0, enum_value(QHeaderView, "ResizeMode.Interactive", "Interactive"))
        self.mapping_table.setColumnWidth(0, 230)
        self.mapping_table.horizontalHeader().setStretchLastSection(True)
        self.mapping_table.verticalHeader().setVisible(False)
        mapping_layout.addWidget(self.mapping_table)
        splitter.addWidget(mapping_box)
        preview_box = QGroupBox(tr("First rows, as they will be read"))
        preview_layout = QVBoxLayout(preview_box)
        self.preview_table = QTableWidget(0, 0)
        self.preview_table.setEditTriggers(enum_value(QTableWidget, "EditTrigger.NoEditTriggers", "NoEditTriggers"))
        preview_layout.addWidget(self.preview_table)
        splitter.addWidget(preview_box)
        splitter.setSizes([440, 540])
        layout.addWidget(splitter, 1)

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
        self.rejects_button.clicked.connect(self._open_rejects)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def closeEvent(self, event):  # noqa: N802
        """The partner's file is closed with the dialog (not whenever Python collects it)."""
        self.source = None
        super().closeEvent(event)

    @staticmethod
    def _wrap(inner):
        widget = QWidget()
        inner.setContentsMargins(0, 0, 0, 0)
        widget.setLayout(inner)
        return widget

    # --- reading the source -------------------------------------------------------------------
    def encoding(self):
        value = self.encoding_combo.currentData()
        text = self.encoding_combo.currentText().strip()
        if value is None and text:  # typed by the person
            return text
        return value or None

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
        path = self.input_widget.filePath()
        if name:
            self._open_source("{}|layername={}".format(path, name))

    def _read_source(self, path):
        self._show_tables([])
        if path and not self.rejects_widget.filePath():
            self.rejects_widget.setFilePath(os.path.splitext(path)[0] + "_rejects.csv")
        self._open_source(path)

    def _open_source(self, path):
        from ..importing.sources import open_source
        from ..importing.tables import SeveralTablesError, usable_for_companies

        self.input_value = path
        self.source = None
        self.import_button.setEnabled(False)
        self.mapping_table.setRowCount(0)
        self.preview_table.clear()
        self.preview_table.setRowCount(0)
        self.preview_table.setColumnCount(0)
        if not path:
            self.info_label.clear()
            return
        try:
            self.source = open_source(path, self.encoding(), usable_for_companies)
        except SeveralTablesError as several:
            self._show_tables(several.names)
            self._error(tr("{file} holds several tables: choose the one to import.").format(file=several.file))
            return
        except TerritorialFluxError as failure:
            self._error(error_text(failure))
            return
        except Exception as error:  # noqa: BLE001 - shown, never fatal
            self._error(str(error))
            return
        if not self.rejects_widget.filePath():
            base = os.path.splitext(path.split("|")[0])[0]
            self.rejects_widget.setFilePath(base + "_rejects.csv")
        facts = [tr("{count} rows").format(count=self.source.count() or "?")]
        if self.source.encoding:
            names = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "cp1252": "Windows-1252", "latin-1": "ISO-8859-1",
                     "utf-16": "UTF-16"}
            facts.append(tr("text read as {encoding}").format(
                encoding=names.get(self.source.encoding, self.source.encoding)))
        if self.source.has_geometry:
            facts.append(tr("points in {crs}").format(crs=self._crs_name(self.source.crs_wkt))
                         if self.source.crs_wkt else tr("points without a CRS: choose the source CRS"))
        self.conflicts = rules.column_conflicts(self.source.columns)
        show_problem(self.info_label, "")
        for field, columns in self.conflicts.items():
            facts.append(tr("the columns {columns} all name {field}: choose one").format(
                columns=", ".join("'{}'".format(c) for _p, c in columns), field=_label(field)))
        self.info_label.setText(" · ".join(facts))
        self._fill_mapping(rules.propose_mapping(self.source.columns))
        self._update_ready()

    def _update_ready(self):
        """Import is possible once every field that several columns name has its column chosen."""
        chosen = self.mapping()
        self.import_button.setEnabled(self.source is not None and all(f in chosen for f in self.conflicts))

    @staticmethod
    def _crs_name(wkt):
        crs = QgsCoordinateReferenceSystem.fromWkt(wkt)
        return crs.userFriendlyIdentifier() if hasattr(crs, "userFriendlyIdentifier") else crs.authid()

    def _error(self, text):
        show_problem(self.info_label, text)

    def _fill_mapping(self, proposed):
        self.combos = {}
        self.mapping_table.setRowCount(len(rules.COMPANY_FIELDS))
        for row, field in enumerate(rules.COMPANY_FIELDS):
            item = QTableWidgetItem(_label(field))
            item.setToolTip(field)
            item.setFlags(enum_value(Qt, "ItemFlag.ItemIsEnabled", "ItemIsEnabled"))
            self.mapping_table.setItem(row, 0, item)
            combo = QComboBox()
            combo.addItem(tr("(not imported)"), None)
            for column in self.source.columns:
                combo.addItem(column, column)
            if field in proposed and field not in self.conflicts:
                combo.setCurrentIndex(combo.findData(proposed[field]))
            elif field in self.conflicts:
                item.setText(_label(field) + " ⚠")
                item.setToolTip(tr("Several columns name this field: choose the one to import."))
            combo.currentIndexChanged.connect(lambda _i: (self._fill_preview(), self._update_ready()))
            self.mapping_table.setCellWidget(row, 1, combo)
            self.combos[field] = combo
        self._fill_preview()

    def mapping(self):
        return {field: combo.currentData() for field, combo in self.combos.items() if combo.currentData()}

    def mapping_text(self):
        """The FIELD_MAPPING parameter: the person's choices, including removed proposals."""
        proposed = rules.propose_mapping(self.source.columns) if self.source else {}
        chosen = self.mapping()
        changes = {f: c for f, c in chosen.items() if proposed.get(f) != c or f in self.conflicts}
        changes.update({f: None for f in proposed if f not in chosen})
        return rules.format_mapping(changes)

    def _fill_preview(self):
        if self.source is None:
            return
        mapping = self.mapping()
        fields = [f for f in rules.COMPANY_FIELDS if f in mapping]
        show_point = self.source.has_geometry
        headers = [_label(f) for f in fields] + ([tr("Point")] if show_point else [])
        try:
            rows = self.source.preview()
        except Exception as error:  # noqa: BLE001
            self._error(str(error))
            return
        self.preview_table.setColumnCount(len(headers))
        self.preview_table.setHorizontalHeaderLabels(headers)
        self.preview_table.setRowCount(len(rows))
        index = {c: i for i, c in enumerate(self.source.columns)}
        for row, (number, values, x, y, _problem) in enumerate(rows):
            self.preview_table.setVerticalHeaderItem(row, QTableWidgetItem(str(number)))
            for column, field in enumerate(fields):
                value = values[index[mapping[field]]]
                self.preview_table.setItem(row, column, QTableWidgetItem("" if value is None else str(value)))
            if show_point:
                text = "{:.1f} {:.1f}".format(x, y) if x is not None else tr("none")
                self.preview_table.setItem(row, len(fields), QTableWidgetItem(text))
        self.preview_table.resizeColumnsToContents()

    # --- the import ---------------------------------------------------------------------------
    def parameters(self):
        crs = self.crs_widget.crs()
        return {
            "WORKSPACE": self.workspace_widget.filePath(),
            "INPUT": self.input_value or self.input_widget.filePath(),
            "SOURCE_CRS": crs if crs.isValid() else None,
            "ENCODING": self.encoding() or "",
            "LEGAL_UNITS": self.legal_widget.filePath() or None,
            "ON_DUPLICATE": self.duplicate_combo.currentData(),
            "SKIP_CLOSED": self.closed_check.isChecked(),
            "FIELD_MAPPING": self.mapping_text(),
            "REJECTS": self.rejects_widget.filePath(),
        }

    def run_import(self):
        import processing
        from qgis.core import QgsProcessingException

        parameters = self.parameters()
        if not parameters["WORKSPACE"]:
            self._error(tr("Choose the workspace to import into."))
            return
        if not parameters["REJECTS"]:
            parameters["REJECTS"] = os.path.splitext(parameters["INPUT"].split("|")[0])[0] + "_rejects.csv"
            self.rejects_widget.setFilePath(parameters["REJECTS"])
        progress = QProgressDialog(tr("Importing companies…"), tr("Cancel"), 0, 100, self)
        progress.setWindowModality(enum_value(Qt, "WindowModality.WindowModal", "WindowModal"))
        progress.setMinimumDuration(0)
        feedback = ProgressFeedback(progress)
        try:
            result = processing.run("territorialflux:importcompanies", parameters, feedback=feedback)
        except QgsProcessingException as error:
            result, error_text = None, str(error)
        else:
            error_text = None
        canceled = feedback.isCanceled()
        progress.canceled.disconnect(feedback.cancel)  # closing a progress dialog emits canceled
        progress.close()
        if error_text is not None:
            self._show_result(None, error_text, parameters["REJECTS"])
            return
        self._show_result({} if canceled else result, None, parameters["REJECTS"])
        reload_workspace_layers()

    def _show_result(self, result, error, rejects):
        self.rejects_path = rejects
        self.rejects_button.setEnabled(bool(rejects) and os.path.exists(rejects))
        show_problem(self.result_label, error)
        if error:
            log(error)
            return
        if result.get("IMPORTED") is None:
            self.result_label.setText(tr("Canceled: nothing was written to the workspace."))
            return
        self.result_label.setText(tr(
            "{imported} imported, {updated} updated, {skipped} skipped, {rejected} rejected. Rows not "
            "imported are listed with their reason in {path}").format(
            imported=result["IMPORTED"], updated=result["UPDATED"], skipped=result["SKIPPED"],
            rejected=result["REJECTED"], path=rejects))

    def _open_rejects(self):
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.rejects_path))


# --- the menu actions -------------------------------------------------------------------------

def open_import_companies(iface):
    dialog = ImportCompaniesDialog(iface.mainWindow())
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()  # not kept by the main window until QGIS closes


def open_import_flows(iface):
    """The Import flows dialog (it checks the file, then asks about each ambiguous word once)."""
    from .flow_import_dialog import open_import_flows_dialog

    open_import_flows_dialog(iface)


def save_flows_template(iface):
    from ..importing.templates import template_path
    from ..project.build import language
    from .workspace_dialogs import last_folder, remember_folder

    source = template_path(language())
    path, _filter = QFileDialog.getSaveFileName(
        iface.mainWindow(), tr("Save the flows template as"),
        os.path.join(last_folder(), os.path.basename(source)),
        tr("Spreadsheet (*.xlsx);;CSV (*.csv)"))
    if not path:
        return None
    if path.lower().endswith(".csv"):
        source = template_path(language(), "csv")
    elif not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    remember_folder(path)
    try:
        shutil.copyfile(source, path)
    except OSError as error:
        QMessageBox.warning(iface.mainWindow(), __title__, str(error))
        return None
    iface.messageBar().pushMessage(__title__, tr("Flows template saved: {path}").format(path=path),
                                   level=success_level(), duration=8)
    return path
