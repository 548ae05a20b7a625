"""Dialogs to create and open workspaces."""

import os

from qgis.core import QgsApplication, QgsCoordinateReferenceSystem
from qgis.gui import QgsProjectionSelectionWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
)

from ..domain.errors import TerritorialFluxError
from ..toolbelt import preferences
from ..toolbelt.compat import enum_value
from ..toolbelt.i18n import error_text, tr, translate_message
from .widgets import button, button_box, file_picker, message_label


def last_folder():
    return preferences.load().last_folder


def remember_folder(path):
    preferences.remember(last_folder=os.path.dirname(os.path.abspath(path)))


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
        self.file_widget = file_picker(tr("GeoPackage (*.gpkg)"), save=True, root=last_folder(),
                                       confirm_overwrite=True)
        form.addRow(tr("File"), self.file_widget)
        self.crs_widget = QgsProjectionSelectionWidget()
        self.crs_widget.setCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
        form.addRow(tr("Coordinate reference system"), self.crs_widget)
        self._add_storage_choice(form)
        layout.addLayout(form)
        self.error_label = message_label()
        layout.addWidget(self.error_label)
        layout.addWidget(button_box(self))
        self.name_edit.textChanged.connect(self._suggest_file)

    # --- storage: a GeoPackage file (one advisor) or a PostGIS schema (a team) ----------------
    def _add_storage_choice(self, form):
        self.form = form
        self.storage_combo = QComboBox()
        self.storage_combo.addItem(tr("GeoPackage file (one advisor, works offline)"), "geopackage")
        self.storage_combo.addItem(tr("PostgreSQL/PostGIS server (a team)"), "postgis")
        form.insertRow(1, tr("Storage"), self.storage_combo)
        self.connection_combo = QComboBox()
        from ..storage.postgres import saved_connections

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
            from ..storage.postgres import format_reference

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
            from ..storage.postgres_sql import valid_schema_name

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


# --- Open team workspace… ------------------------------------------------------------------------



class OpenTeamWorkspaceDialog(QDialog):
    """Choose a PostgreSQL connection saved in QGIS (or a service), then one of the team workspaces
    of its database; :meth:`reference` is then ``postgres:connection=NAME;schema=SCHEMA``."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("TerritorialFluxOpenTeamWorkspace")
        self.setWindowTitle(tr("Open a team workspace"))
        self.setMinimumWidth(560)
        self.workspaces = []
        layout = QVBoxLayout(self)
        intro = QLabel(tr("A team workspace is shared by every advisor of the organisation on a PostgreSQL/PostGIS "
                          "server. Choose how to reach the server: a PostgreSQL connection saved in QGIS (Browser "
                          "panel → PostgreSQL → New Connection) or a service of your pg_service.conf file."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        server_row = QHBoxLayout()
        self.server_combo = QComboBox()
        self.server_combo.setObjectName("teamServer")
        from ..storage.postgres import saved_connections
        from ..storage.postgres_servers import service_names

        for name in saved_connections():
            self.server_combo.addItem(tr("Connection: {name}").format(name=name), "connection=" + name)
        for name in service_names():
            self.server_combo.addItem(tr("Service: {name}").format(name=name), "service=" + name)
        server_row.addWidget(self.server_combo, 1)
        self.refresh_button = QToolButton()
        self.refresh_button.setIcon(QgsApplication.getThemeIcon("/mActionRefresh.svg"))
        self.refresh_button.setToolTip(tr("List the workspaces of this server again"))
        self.refresh_button.clicked.connect(self.refresh)
        server_row.addWidget(self.refresh_button)
        form.addRow(tr("Server"), server_row)
        layout.addLayout(form)
        layout.addWidget(QLabel(tr("Workspaces on this server:")))
        self.list = QListWidget()
        self.list.setObjectName("teamWorkspaces")
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(self.list)
        self.message = message_label("teamMessage", hidden=True)
        layout.addWidget(self.message)
        self.buttons = button_box(self, "Open", "Cancel")
        self.open_button = button(self.buttons, "Open")
        self.open_button.setEnabled(False)
        layout.addWidget(self.buttons)
        remembered = preferences.load().team_server
        if self.server_combo.findData(remembered) >= 0:
            self.server_combo.setCurrentIndex(self.server_combo.findData(remembered))
        self.server_combo.currentIndexChanged.connect(self.refresh)
        if self.server_combo.count() == 0:
            self._say(tr("QGIS has no PostgreSQL connection yet: add one in the Browser panel "
                                    "(PostgreSQL → New Connection), then open this dialog again."))
            self.refresh_button.setEnabled(False)

    def _say(self, text):
        """A sentence under the list (a problem, what to do); hidden when there is none."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def server(self):
        """``('connection', NAME)``, ``('service', NAME)`` or None."""
        data = self.server_combo.currentData()
        if not data:
            return None
        kind, _sep, name = data.partition("=")
        return kind, name

    def refresh(self, *_args):
        """List the team workspaces of the chosen server (their names, schemas and versions)."""
        self.list.clear()
        self.workspaces = []
        self._say("")
        server = self.server()
        if server is None:
            return []
        kind, name = server
        from ..storage.postgres_servers import team_workspaces

        QApplication.setOverrideCursor(enum_value(Qt, "CursorShape.WaitCursor", "WaitCursor"))
        try:
            self.workspaces = team_workspaces(**{kind: name})
        except Exception as error:  # noqa: BLE001 - said to the user in a sentence
            self._say(translate_message(getattr(error, "message", None) or str(error)))
            return []
        finally:
            QApplication.restoreOverrideCursor()
        grey = QBrush(QColor("#777777"))
        for found in self.workspaces:
            text = tr("{name} (schema {schema})").format(name=found.name, schema=found.schema)
            if found.status == "older":
                text += " — " + tr("an administrator must upgrade it")
            elif found.status == "newer":
                text += " — " + tr("made by a newer Territorial Flux")
            item = QListWidgetItem(text)
            item.setData(enum_value(Qt, "ItemDataRole.UserRole", "UserRole"), found.reference)
            item.setToolTip(found.reference)
            if found.status != "current":
                item.setForeground(grey)
            self.list.addItem(item)
        if not self.workspaces:
            self._say(tr("This database holds no Territorial Flux workspace that you may read. An "
                                    "administrator creates one with Territorial Flux → New workspace… (PostgreSQL/"
                                    "PostGIS storage) and grants you a role."))
        elif len(self.workspaces) == 1:
            self.list.setCurrentRow(0)
        return self.workspaces

    def _selection_changed(self):
        self.open_button.setEnabled(self.selected() is not None)
        self._say("")

    def selected(self):
        row = self.list.currentRow()
        if row < 0 or row >= len(self.workspaces) or not self.list.item(row).isSelected():
            return None
        return self.workspaces[row]

    def reference(self):
        """The chosen workspace's reference string, or '' when none is chosen."""
        found = self.selected()
        return found.reference if found is not None else ""

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        if not self.list.count() and self.server() is not None and not getattr(self, "_listed", False):
            self._listed = True
            self.refresh()

    def accept(self):
        from ..storage import workspace_at

        found = self.selected()
        if found is None:
            self._say(tr("Choose a workspace in the list."))
            return
        try:
            workspace_at(found.reference).prepare()
        except TerritorialFluxError as error:  # older or newer schema, server gone: a sentence
            self._say(error_text(error))
            return
        except Exception as error:  # noqa: BLE001 - shown, never fatal
            self._say(str(error))
            return
        preferences.remember(team_server=self.server_combo.currentData())
        super().accept()


