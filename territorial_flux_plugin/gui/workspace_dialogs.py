"""Dialogs to create and open workspaces."""

import os

from qgis.core import QgsCoordinateReferenceSystem, QgsSettings
from qgis.gui import QgsFileWidget, QgsProjectionSelectionWidget
from qgis.PyQt.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout,
)

from ..toolbelt import enum_value, tr

SETTINGS_FOLDER = "territorial_flux/last_folder"


def last_folder():
    return QgsSettings().value(SETTINGS_FOLDER, os.path.expanduser("~"))


def remember_folder(path):
    QgsSettings().setValue(SETTINGS_FOLDER, os.path.dirname(os.path.abspath(path)))


class NewWorkspaceDialog(QDialog):
    """Name the territory, choose the GeoPackage file and the CRS."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("New Territorial Flux workspace"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(tr("A workspace holds one territory: its companies, their offers and needs, "
                          "the synergies and their history. It is a GeoPackage that also opens in "
                          "QGIS without the plugin."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(tr("e.g. Dunkirk urban community"))
        form.addRow(tr("Territory name"), self.name_edit)
        self.file_widget = QgsFileWidget()
        self.file_widget.setStorageMode(enum_value(QgsFileWidget, "StorageMode.SaveFile", "SaveFile"))
        self.file_widget.setFilter(tr("GeoPackage (*.gpkg)"))
        self.file_widget.setDefaultRoot(last_folder())
        self.file_widget.setConfirmOverwrite(True)
        form.addRow(tr("File"), self.file_widget)
        self.crs_widget = QgsProjectionSelectionWidget()
        self.crs_widget.setCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
        form.addRow(tr("Coordinate reference system"), self.crs_widget)
        self._add_storage_choice(form)
        layout.addLayout(form)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(
            enum_value(QDialogButtonBox, "StandardButton.Ok", "Ok")
            | enum_value(QDialogButtonBox, "StandardButton.Cancel", "Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.name_edit.textChanged.connect(self._suggest_file)

    # --- storage: a GeoPackage file (one advisor) or a PostGIS schema (a team) ----------------
    def _add_storage_choice(self, form):
        self.form = form
        self.storage_combo = QComboBox()
        self.storage_combo.addItem(tr("GeoPackage file (one advisor, works offline)"), "geopackage")
        self.storage_combo.addItem(tr("PostgreSQL/PostGIS server (a team)"), "postgis")
        form.insertRow(1, tr("Storage"), self.storage_combo)
        self.connection_combo = QComboBox()
        from ..workspace.team import saved_connections

        self.connection_combo.addItems(saved_connections())
        self.connection_combo.setToolTip(tr("A PostgreSQL connection saved in QGIS (Browser panel → "
                                            "PostgreSQL → New Connection)."))
        form.addRow(tr("PostgreSQL connection"), self.connection_combo)
        self.schema_edit = QLineEdit()
        self.schema_edit.setPlaceholderText(tr("e.g. dunkirk (lowercase letters, digits and _)"))
        form.addRow(tr("Schema"), self.schema_edit)
        self.storage_combo.currentIndexChanged.connect(self._storage_changed)
        self._storage_changed()

    def storage(self):
        return self.storage_combo.currentData()

    def _storage_changed(self, *_args):
        team = self.storage() == "postgis"
        for widget, visible in ((self.file_widget, not team), (self.connection_combo, team),
                                (self.schema_edit, team)):
            widget.setVisible(visible)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setVisible(visible)

    def _suggest_file(self, name):
        if self.file_widget.filePath() and not getattr(self, "_suggested", False):
            return
        slug = "".join(ch if ch.isalnum() else "_" for ch in name.strip().lower()).strip("_")
        if slug:
            self.file_widget.setFilePath(os.path.join(last_folder(), slug + ".gpkg"))
            self._suggested = True

    def path(self):
        """The GeoPackage path, or the team workspace reference (postgres:connection=NAME;schema=SCHEMA)."""
        if self.storage() == "postgis":
            from ..workspace.team import format_reference

            return format_reference(self.schema_edit.text().strip(), connection=self.connection_combo.currentText())
        path = self.file_widget.filePath().strip()
        if path and not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        return path

    def name(self):
        return self.name_edit.text().strip()

    def crs(self):
        return self.crs_widget.crs()

    def accept(self):
        if not self.name():
            self.error_label.setText(tr("Give the territory a name."))
            self.name_edit.setFocus()
            return
        if self.storage() == "postgis":
            from ..workspace.postgis import valid_schema_name

            if not self.connection_combo.currentText():
                self.error_label.setText(tr("Add a PostgreSQL connection in QGIS's Browser panel first."))
                return
            if not valid_schema_name(self.schema_edit.text().strip()):
                self.error_label.setText(tr("Name the schema with lowercase letters, digits and _, starting "
                                            "with a letter."))
                self.schema_edit.setFocus()
                return
            super().accept()
            return
        if not self.path():
            self.error_label.setText(tr("Choose where to save the workspace file."))
            return
        if not os.path.isdir(os.path.dirname(os.path.abspath(self.path()))):
            self.error_label.setText(tr("The folder of this file does not exist."))
            return
        remember_folder(self.path())
        super().accept()
