"""The company dock: find a company, read its card, record its offers and needs."""

import datetime
import html

from qgis.PyQt.QtCore import QStringListModel, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import ConflictError, TerritorialFluxError
from ..domain.nomenclature import naf_rows, resources_by_code
from ..domain.units import amount_label
from ..domain.vocabulary import CONFIDENTIALITY_LEVELS, HEADCOUNT_BANDS, PRIORITIES
from ..project import editing
from ..project.build import language
from ..toolbelt.compat import enum_value
from ..toolbelt.i18n import error_text, tr, vocabulary_label
from .flow_dialog import FlowDialog
from .locator import company_index, search_companies
from .widgets import message_label
from .workspace_dock import WorkspaceDock

STALE_AFTER_DAYS = 365


def _value(feature, name):
    value = feature[name]
    return None if value is None or (hasattr(value, "isNull") and value.isNull()) else value


READABLE_SCALES = (2000, 100000)  # a company is shown at a scale between these denominators
SHOWING_SCALE = 10000


def centre_on(canvas, point):
    """Centre ``canvas`` on ``point``, keeping its scale unless it is absurd for showing one company
    (under 1:2,000 or over 1:100,000, as a canvas at 1:1 before anything was shown): then 1:10,000."""
    canvas.setCenter(point)
    if not READABLE_SCALES[0] <= canvas.scale() <= READABLE_SCALES[1]:
        canvas.zoomScale(SHOWING_SCALE)
    canvas.refresh()


class CompanyDock(WorkspaceDock):
    WATCHED_TABLES = ("companies", "flows")

    """Shows one company of the current workspace; all edits go through workspace.editing."""

    companyShown = pyqtSignal(str)

    def __init__(self, iface, tools, parent=None):
        super().__init__(tr("Territorial Flux — Company"), parent)
        self.setObjectName("TerritorialFluxCompanyDock")
        self.iface = iface
        self.tools = tools  # the plugin's map tools, created on first use
        self.company_uid = None
        self._index = []
        self._naf = {r["code"]: r for r in naf_rows()}
        widget = QWidget()
        layout = QVBoxLayout(widget)

        search_row = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("companySearch")
        self.search_edit.setPlaceholderText(tr("Find a company: name, SIRET or commune"))
        self.search_edit.setClearButtonEnabled(True)
        self.completer_model = QStringListModel()
        self.completer = QCompleter(self.completer_model, self)
        self.completer.setCaseSensitivity(enum_value(Qt, "CaseSensitivity.CaseInsensitive", "CaseInsensitive"))
        self.completer.setFilterMode(enum_value(Qt, "MatchFlag.MatchContains", "MatchContains"))
        self.search_edit.setCompleter(self.completer)
        self.completer.activated.connect(self._completion_chosen)
        self.search_edit.returnPressed.connect(self.search)
        search_row.addWidget(self.search_edit)
        self.pick_button = self._tool_button("/mActionIdentify.svg", tr("Pick a company on the map"), self.pick_on_map)
        self.add_company_button = self._tool_button("/mActionCapturePoint.svg",
                                                    tr("Add a company: click its location on the map"),
                                                    self.place_new_company)
        search_row.addWidget(self.pick_button)
        search_row.addWidget(self.add_company_button)
        layout.addLayout(search_row)
        self.read_only_label = self._read_only_label()
        layout.addWidget(self.read_only_label)

        self.card = QLabel()
        self.card.setObjectName("companyCard")
        self.card.setWordWrap(True)
        self.card.setTextFormat(enum_value(Qt, "TextFormat.RichText", "RichText"))
        self.card.setTextInteractionFlags(enum_value(Qt, "TextInteractionFlag.TextSelectableByMouse",
                                                     "TextSelectableByMouse"))
        layout.addWidget(self.card)
        company_row = QHBoxLayout()
        self.edit_company_button = QPushButton(tr("&Edit…"))
        self.edit_company_button.clicked.connect(self.edit_company)
        self.verified_button = QPushButton(tr("&Verified today"))
        self.verified_button.clicked.connect(self.mark_verified)
        self.archive_company_button = QPushButton(tr("Archive"))
        self.archive_company_button.clicked.connect(self.archive_company)
        self.history_button = QPushButton(tr("&History…"))
        self.history_button.setObjectName("companyHistory")
        self.history_button.clicked.connect(self.show_history)
        for button in (self.edit_company_button, self.verified_button, self.archive_company_button,
                       self.history_button):
            company_row.addWidget(button)
        company_row.addStretch()
        layout.addLayout(company_row)

        self.tables = {}
        for direction, title, button_text in (("offer", tr("Offers"), tr("Add &offer…")),
                                              ("need", tr("Needs"), tr("Add &need…"))):
            header = QHBoxLayout()
            label = QLabel("<b>{}</b>".format(html.escape(title)))
            header.addWidget(label)
            header.addStretch()
            add = QPushButton(button_text)
            add.setObjectName("add_" + direction)
            add.clicked.connect(lambda _checked=False, d=direction: self.add_flow(d))
            header.addWidget(add)
            layout.addLayout(header)
            table = QTableWidget(0, 4)
            table.setObjectName("flows_" + direction)
            table.setHorizontalHeaderLabels([tr("Resource"), tr("Quantity"), tr("Priority"), tr("Confidentiality")])
            table.verticalHeader().hide()
            table.setSelectionBehavior(enum_value(QAbstractItemView, "SelectionBehavior.SelectRows", "SelectRows"))
            table.setSelectionMode(enum_value(QAbstractItemView, "SelectionMode.SingleSelection", "SingleSelection"))
            table.setEditTriggers(enum_value(QAbstractItemView, "EditTrigger.NoEditTriggers", "NoEditTriggers"))
            table.horizontalHeader().setSectionResizeMode(0, enum_value(QHeaderView, "ResizeMode.Stretch", "Stretch"))
            for column in (1, 2, 3):
                table.horizontalHeader().setSectionResizeMode(
                    column, enum_value(QHeaderView, "ResizeMode.ResizeToContents", "ResizeToContents"))
            table.setWordWrap(False)
            table.doubleClicked.connect(lambda _index, t=table: self.edit_flow(t))
            table.setMinimumHeight(90)
            layout.addWidget(table)
            self.tables[direction] = table
        flow_row = QHBoxLayout()
        self.flow_buttons = []
        for text, slot, name in ((tr("Edit flow…"), self._edit_selected, "editFlow"),
                                 (tr("Duplicate"), self.duplicate_flow, "duplicateFlow"),
                                 (tr("Archive flow"), self.archive_flow, "archiveFlow")):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            flow_row.addWidget(button)
            self.flow_buttons.append(button)
        flow_row.addStretch()
        layout.addLayout(flow_row)
        self.message = message_label("companyMessage")
        layout.addWidget(self.message)
        layout.addStretch()
        self.setWidget(widget)
        self.follow_workspace()

    def _tool_button(self, icon, tip, slot):
        from qgis.core import QgsApplication

        button = QToolButton()
        button.setIcon(QgsApplication.getThemeIcon(icon))
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    def workspace_changed(self):
        self.company_uid = None

    def refresh_all(self):
        self.refresh_index()
        self.refresh()

    def refresh_index(self):
        self._index = company_index(self.layers.get("companies"))
        self.completer_model.setStringList(["{} — {}".format(name, commune) if commune else name
                                            for _uid, name, _siret, commune, _t in self._index])

    # --- finding ------------------------------------------------------------------------------
    def search(self):
        text = self.search_edit.text().strip()
        if " — " in text:
            text = text.split(" — ")[0]
        found = search_companies(self._index, text, limit=2)
        if not found:
            self.message.setText(tr("No company matches '{text}'.").format(text=text))
            return None
        self.show_company(found[0][0], zoom=True)
        return found[0][0]

    def _completion_chosen(self, text):
        self.search_edit.setText(text)
        self.search()

    def pick_on_map(self):
        tool = self.tools.company_pick_tool()
        self.iface.mapCanvas().setMapTool(tool)

    def place_new_company(self):
        if not self.layers:
            self.message.setText(tr("Open or create a workspace first."))
            return
        if self.refused_read_only():
            return
        self.iface.mapCanvas().setMapTool(self.tools.place_company_tool())
        self.message.setText(tr("Click the company's location on the map."))

    # --- showing ------------------------------------------------------------------------------
    def show_company(self, uid, zoom=False):
        self.company_uid = uid
        self.message.setText("")
        self.refresh()
        companies = self.layers.get("companies")
        feature = editing.feature_by_uid(companies, uid) if companies is not None else None
        if feature is not None:
            companies.selectByIds([feature.id()])
            if zoom and self.iface is not None and feature.hasGeometry():
                canvas = self.iface.mapCanvas()
                point = canvas.mapSettings().layerToMapCoordinates(companies, feature.geometry().asPoint())
                centre_on(canvas, point)
        self.companyShown.emit(uid)

    def refresh(self):
        companies = self.layers.get("companies")
        feature = editing.feature_by_uid(companies, self.company_uid) if (companies and self.company_uid) else None
        enabled = feature is not None
        writable = enabled and self.writable
        for widget in (self.edit_company_button, self.verified_button, self.archive_company_button):
            widget.setEnabled(writable)
        self.history_button.setEnabled(enabled)
        for direction in self.tables:
            self.findChild(QPushButton, "add_" + direction).setEnabled(writable)
        for button in self.flow_buttons:
            button.setEnabled(writable)
        self.add_company_button.setEnabled(bool(self.layers) and self.writable)
        self.read_only_label.setVisible(bool(self.layers) and not self.writable)
        if feature is None:
            self.card.setText(tr("No company shown. Find one by name, SIRET or commune, pick it on the map, "
                                 "or type <b>tf</b> and its name in QGIS's locator bar.") if self.layers
                              else tr("No workspace is open: <b>Territorial Flux → Open workspace…</b>"))
            for table in self.tables.values():
                table.setRowCount(0)
            return
        self.card.setText(self._card_html(feature))
        self._fill_flows()

    def _card_html(self, feature):
        naf = _value(feature, "naf_code")
        naf_row = self._naf.get(naf)
        activity = ""
        if naf:
            label = naf_row["label_fr"] if (naf_row and language() == "fr") else (naf_row or {}).get("label_en") or \
                (naf_row or {}).get("label_fr", "")
            activity = "{} — {}".format(naf, label)
        verified = _value(feature, "last_verified")
        verified_text = str(verified.toString("yyyy-MM-dd") if hasattr(verified, "toString") else verified or "")
        stale = ""
        try:
            if verified_text and (datetime.date.today() - datetime.date.fromisoformat(verified_text[:10])).days > STALE_AFTER_DAYS:
                stale = ' <span style="color:#b35900">({})</span>'.format(html.escape(tr("over a year ago")))
        except ValueError:
            pass
        band = _value(feature, "headcount_band")
        rows = [
            (tr("SIRET"), _value(feature, "siret") or tr("none")),
            (tr("Activity"), activity),
            (tr("Headcount"), vocabulary_label(HEADCOUNT_BANDS[band]) if band in HEADCOUNT_BANDS else ""),
            (tr("Commune"), " ".join(str(v) for v in (_value(feature, "postcode"), _value(feature, "commune")) if v)),
            (tr("Zone"), _value(feature, "zone") or ""),
            (tr("Advisor"), _value(feature, "advisor") or ""),
            (tr("Contact"), " · ".join(str(v) for v in (_value(feature, "contact_name"), _value(feature, "contact_email"),
                                                        _value(feature, "contact_phone")) if v)),
        ]
        status = _value(feature, "status")
        title = html.escape(str(_value(feature, "name")))
        if status == "archived":
            title += ' <span style="color:#777">({})</span>'.format(html.escape(tr("archived")))
        body = "".join("<tr><td style='color:#555;padding-right:8px'>{}</td><td>{}</td></tr>".format(
            html.escape(k), html.escape(str(v))) for k, v in rows if v)
        body += "<tr><td style='color:#555;padding-right:8px'>{}</td><td>{}{}</td></tr>".format(
            html.escape(tr("Last verified")), html.escape(verified_text), stale)
        return "<h3 style='margin:2px 0'>{}</h3><table>{}</table>".format(title, body)

    def _fill_flows(self):
        flows = self.layers.get("flows")
        codes = resources_by_code()
        key = "label_fr" if language() == "fr" else "label_en"
        for table in self.tables.values():
            table.setRowCount(0)
        if flows is None:
            return
        rows = sorted(editing.features_where(flows, "company_uid", self.company_uid),
                      key=lambda f: (str(_value(f, "status")) == "archived", str(_value(f, "resource_code"))))
        for feature in rows:
            if _value(feature, "status") == "archived":
                continue
            table = self.tables.get(_value(feature, "direction"))
            if table is None:
                continue
            code = _value(feature, "resource_code")
            label = _value(feature, "label") or (codes.get(code) or {}).get(key, "")
            quantity = _value(feature, "quantity")
            quantity_text = amount_label(quantity, _value(feature, "unit"), language())
            priority = _value(feature, "priority")
            level = _value(feature, "confidentiality")
            cells = ["{} — {}".format(code, label), quantity_text.strip(),
                     vocabulary_label(PRIORITIES[priority]) if priority in PRIORITIES else "",
                     vocabulary_label(CONFIDENTIALITY_LEVELS[level]) if level in CONFIDENTIALITY_LEVELS else ""]
            row = table.rowCount()
            table.insertRow(row)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(enum_value(Qt, "ItemDataRole.UserRole", "UserRole"), _value(feature, "uid"))
                item.setToolTip(text)
                table.setItem(row, column, item)

    def selected_flow_uid(self, table=None):
        tables = [table] if table is not None else list(self.tables.values())
        for candidate in tables:
            items = candidate.selectedItems()
            if items:
                return items[0].data(enum_value(Qt, "ItemDataRole.UserRole", "UserRole"))
        return None

    # --- edits --------------------------------------------------------------------------------
    def refused_read_only(self):
        """True (and said in the dock) when the user's role may not change this workspace."""
        if self.writable:
            return False
        self.message.setText(self.read_only_text())
        return True

    def _run(self, action, *args):
        if self.refused_read_only():
            return None
        try:
            result = action(self.layers, *args, author=self.author)
        except TerritorialFluxError as error:
            self.message.setText(error_text(error))
            return None
        self.message.setText("")
        self.refresh()
        return result if result is not None else True

    def company_name(self):
        feature = editing.feature_by_uid(self.layers["companies"], self.company_uid)
        return str(_value(feature, "name")) if feature is not None else ""

    def resources(self):
        """The resource matcher with the current workspace's learned words."""
        from ..domain.resources import resource_matcher
        from ..importing.words import learned_words
        from ..project.build import current_workspace

        workspace = current_workspace()
        return resource_matcher().with_learned(learned_words(workspace) if workspace is not None else {})

    def flow_dialog(self, direction="offer", values=None, save=None):
        dialog = FlowDialog(self.company_name(),
                            save or (lambda v: editing.add_flow(self.layers, self.company_uid, v, author=self.author)),
                            direction=direction, values=values, language=language(), parent=self,
                            matcher=self.resources())
        return dialog

    def add_flow(self, direction):
        if not self.company_uid or self.refused_read_only():
            return
        dialog = self.flow_dialog(direction)
        dialog.exec()
        if dialog.saved:
            self.refresh()

    def _edit_selected(self):
        uid = self.selected_flow_uid()
        if uid:
            self._edit_flow_uid(uid)

    def edit_flow(self, table):
        uid = self.selected_flow_uid(table)
        if uid:
            self._edit_flow_uid(uid)

    def ask_conflict(self, error):
        from .synergy_dock import ask_conflict

        return ask_conflict(self, error)

    def edit_flow_dialog(self, uid):
        """The form for an existing flow; its save is refused if someone saved the flow meanwhile
        (the user then reloads their version or overwrites it knowingly)."""
        values = editing.attributes(editing.feature_by_uid(self.layers["flows"], uid))
        loaded = values.get("row_version")

        def save(typed):
            try:
                editing.update_flow(self.layers, uid, typed, author=self.author, expected_version=loaded)
            except ConflictError as error:
                if self.ask_conflict(error) != "overwrite":
                    raise
                editing.update_flow(self.layers, uid, typed, author=self.author)
            return uid

        return self.flow_dialog(values["direction"], values, save=save)

    def _edit_flow_uid(self, uid):
        if self.refused_read_only():
            return
        dialog = self.edit_flow_dialog(uid)
        dialog.exec()
        self.refresh()

    def duplicate_flow(self):
        uid = self.selected_flow_uid()
        if uid:
            return self._run(editing.duplicate_flow, uid)

    def archive_flow(self):
        uid = self.selected_flow_uid()
        if uid:
            return self._run(editing.archive_flow, uid)

    def edit_company(self):
        if self.refused_read_only():
            return
        feature = editing.feature_by_uid(self.layers["companies"], self.company_uid)
        if feature is not None and self.iface is not None:
            self.iface.openFeatureForm(self.layers["companies"], feature, False, True)
            self.refresh()

    def mark_verified(self):
        return self._run(editing.verify_company, self.company_uid)

    def archive_company(self):
        if self.refused_read_only():
            return
        answer = QMessageBox.question(self, tr("Archive company"), tr(
            "Archive {name} and its flows? Archived companies stay in the workspace, faded on the map.").format(
            name=self.company_name()))
        if answer == enum_value(QMessageBox, "StandardButton.Yes", "Yes"):
            return self._run(editing.archive_company, self.company_uid)

    def history_rows(self):
        """(when, who, what, details) of every recorded change of the company, newest first."""
        from ..project.build import current_workspace
        from ..project.history import company_history

        workspace = current_workspace()
        if workspace is None or not self.company_uid:
            return []
        tables = {"companies": tr("company"), "flows": tr("flow"), "synergy_participants": tr("synergy participation"),
                  "link_reviews": tr("link review")}
        operations = {"insert": tr("{what} created"), "update": tr("{what} changed"), "delete": tr("{what} deleted")}
        rows = []
        for entry in company_history(workspace, self.company_uid):
            what = operations.get(entry.operation, "{what}").format(what=tables.get(entry.table, entry.table))
            details = "; ".join("{}: {} → {}".format(column, "" if old is None else old, "" if new is None else new)
                                for column, (old, new) in entry.changes.items()) if entry.operation == "update" else ""
            rows.append((entry.at[:16].replace("T", " "), entry.by or "", what, details))
        return rows

    def show_history(self):
        from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox

        dialog = QDialog(self)
        dialog.setWindowTitle(tr("History of {name}").format(name=self.company_name()))
        dialog.resize(760, 420)
        layout = QVBoxLayout(dialog)
        rows = self.history_rows()
        table = QTableWidget(len(rows), 4)
        table.setObjectName("historyTable")
        table.setHorizontalHeaderLabels([tr("When"), tr("Who"), tr("What"), tr("Changes")])
        table.verticalHeader().hide()
        table.setEditTriggers(enum_value(QAbstractItemView, "EditTrigger.NoEditTriggers", "NoEditTriggers"))
        table.horizontalHeader().setSectionResizeMode(3, enum_value(QHeaderView, "ResizeMode.Stretch", "Stretch"))
        for row, values in enumerate(rows):
            for column, text in enumerate(values):
                item = QTableWidgetItem(str(text))
                item.setToolTip(str(text))
                table.setItem(row, column, item)
        layout.addWidget(table)
        buttons = QDialogButtonBox(enum_value(QDialogButtonBox, "StandardButton.Close", "Close"))
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        self.history_dialog = dialog
        dialog.show()
        return dialog

    def add_company_at(self, point):
        """Open QGIS's own form for a new company at ``point`` (layer CRS)."""
        from qgis.core import QgsGeometry

        layer = self.layers.get("companies")
        if layer is None:
            return None
        was_editing = layer.isEditable()
        if not was_editing:
            layer.startEditing()
        feature_ok, feature = self.iface.vectorLayerTools().addFeature(layer, {}, QgsGeometry.fromPointXY(point))
        uid = feature["uid"] if feature_ok else None
        if not was_editing:
            if feature_ok:
                if not layer.commitChanges():
                    self.message.setText("\n".join(layer.commitErrors()))
                    layer.rollBack()
                    uid = None
            else:
                layer.rollBack()
        if uid:
            self.refresh_index()
            self.show_company(uid)
        return uid
