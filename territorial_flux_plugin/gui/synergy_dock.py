"""The synergy dock: the advisor's follow-up of synergies, from idea to operation."""

import datetime
import html

from qgis.PyQt.QtCore import QDate, Qt
from qgis.PyQt.QtGui import QBrush, QColor, QFont
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.codes import family_of_code
from ..domain.errors import ConflictError, TerritorialFluxError
from ..domain.nomenclature import resources_by_code
from ..domain.statuses import next_status
from ..domain.units import amount_label
from ..domain.vocabulary import FAMILIES, SYNERGY_KINDS, SYNERGY_STATUSES
from ..project import editing
from ..project.build import language
from ..toolbelt.compat import enum_value
from ..toolbelt.i18n import error_text, tr, translate_message, vocabulary_label
from .widgets import button_box, message_label
from .workspace_dock import WorkspaceDock

USER_ROLE = None


def _role():
    global USER_ROLE
    if USER_ROLE is None:
        USER_ROLE = enum_value(Qt, "ItemDataRole.UserRole", "UserRole")
    return USER_ROLE


def _v(feature, name):
    value = feature[name]
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if hasattr(value, "toString") and hasattr(value, "isValid"):
        return value.toString("yyyy-MM-dd")
    return value


def _date_text(value):
    if value is None:
        return ""
    return str(value)[:10]


class FlowPickerDialog(QDialog):
    """Choose an offer and a need (a substitution) or several flows (a mutualisation)."""

    def __init__(self, layers, mode, parent=None, supplier_uid=None, receiver_uid=None, author=None):
        super().__init__(parent)
        self.layers = layers
        self.author = author
        self.mode = mode
        self.setWindowTitle(tr("New substitution") if mode == "substitution" else tr("New mutualisation"))
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        names = {f["uid"]: str(f["name"]) for f in layers["companies"].getFeatures()}
        codes = resources_by_code()
        key = "label_fr" if language() == "fr" else "label_en"
        flows = [f for f in layers["flows"].getFeatures() if _v(f, "status") != "archived"]

        def row_text(f):
            quantity = _v(f, "quantity")
            amount = " ({})".format(amount_label(quantity, _v(f, "unit"), language())) if quantity is not None else ""
            code = _v(f, "resource_code")
            return "{} — {} — {}{}".format(names.get(_v(f, "company_uid"), "?"), code,
                                           _v(f, "label") or codes.get(code, {}).get(key, ""), amount)

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(tr("Filter by company, code or words"))
        layout.addWidget(self.filter_edit)
        self.lists = []
        columns = QHBoxLayout()
        if mode == "substitution":
            sides = [("offer", tr("Offer (supplier)"), supplier_uid), ("need", tr("Need (receiver)"), receiver_uid)]
        else:
            sides = [(None, tr("Flows shared by the members (choose two or more)"), None)]
        for direction, title, company in sides:
            box = QVBoxLayout()
            box.addWidget(QLabel("<b>{}</b>".format(html.escape(title))))
            widget = QListWidget()
            widget.setObjectName("pick_" + (direction or "members"))
            if mode != "substitution":
                widget.setSelectionMode(enum_value(QAbstractItemView, "SelectionMode.MultiSelection", "MultiSelection"))
            for f in sorted(flows, key=row_text):
                if direction and _v(f, "direction") != direction:
                    continue
                if company and _v(f, "company_uid") != company:
                    continue
                item = QListWidgetItem(row_text(f))
                item.setData(_role(), _v(f, "uid"))
                widget.addItem(item)
            box.addWidget(widget)
            columns.addLayout(box)
            self.lists.append(widget)
        layout.addLayout(columns)
        form = QFormLayout()
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(tr("Optional for a substitution: made from the offer and the receiver"))
        form.addRow(tr("Title"), self.title_edit)
        self.comment_edit = QLineEdit()
        form.addRow(tr("Where the idea came from"), self.comment_edit)
        layout.addLayout(form)
        self.message = message_label()
        layout.addWidget(self.message)
        layout.addWidget(button_box(self, accept=self.create))
        self.filter_edit.textChanged.connect(self._filter)
        self.created = None

    def _filter(self, text):
        words = text.lower().split()
        for widget in self.lists:
            for index in range(widget.count()):
                item = widget.item(index)
                item.setHidden(not all(w in item.text().lower() for w in words))

    def selected(self, widget):
        return [item.data(_role()) for item in widget.selectedItems()]

    def create(self):
        try:
            if self.mode == "substitution":
                offers, needs = self.selected(self.lists[0]), self.selected(self.lists[1])
                if not offers or not needs:
                    self.message.setText(tr("Choose one offer and one need."))
                    return
                self.created = editing.create_substitution(self.layers, offers[0], needs[0],
                                                           self.title_edit.text().strip() or None,
                                                           self.comment_edit.text().strip() or None,
                                                           author=self.author)
            else:
                self.created = editing.create_mutualisation(self.layers, self.selected(self.lists[0]),
                                                            self.title_edit.text(),
                                                            self.comment_edit.text().strip() or None,
                                                            author=self.author)
        except TerritorialFluxError as error:
            self.message.setText(error_text(error))
            return
        self.accept()


def ask_conflict(parent, error):
    """Show what the other person changed; 'overwrite' or 'reload'."""
    from qgis.PyQt.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setWindowTitle(tr("Saved by someone else meanwhile"))
    box.setText(error_text(error))
    overwrite = box.addButton(tr("Overwrite their changes"), enum_value(QMessageBox, "ButtonRole.DestructiveRole",
                                                                        "DestructiveRole"))
    box.addButton(tr("Reload their version"), enum_value(QMessageBox, "ButtonRole.RejectRole", "RejectRole"))
    box.exec()
    return "overwrite" if box.clickedButton() is overwrite else "reload"


class SynergyDock(WorkspaceDock):
    WATCHED_TABLES = ("synergies", "synergy_events", "synergy_participants", "flows", "link_reviews")

    def __init__(self, iface, tools, parent=None):
        super().__init__(tr("Territorial Flux — Synergies"), parent)
        self.setObjectName("TerritorialFluxSynergyDock")
        self.iface = iface
        self.tools = tools
        self.synergy_uid = None
        self.estimate = None
        self.loaded_version = None
        splitter = QSplitter(enum_value(Qt, "Orientation.Vertical", "Vertical"))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("synergyTabs")

        top = QWidget()
        top_layout = QVBoxLayout(top)
        self.read_only_label = self._read_only_label()
        top_layout.addWidget(self.read_only_label)
        filters = QHBoxLayout()
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(tr("All statuses"), None)
        self.status_filter.addItem(tr("Live (not abandoned)"), "live")
        for value, label in SYNERGY_STATUSES.items():
            self.status_filter.addItem(vocabulary_label(label), value)
        self.advisor_filter = QComboBox()
        self.advisor_filter.setObjectName("advisorFilter")
        self.family_filter = QComboBox()
        self.family_filter.setObjectName("familyFilter")
        self.family_filter.addItem(tr("All families"), None)
        for value, label in FAMILIES.items():
            self.family_filter.addItem(vocabulary_label(label), value)
        self.text_filter = QLineEdit()
        self.text_filter.setObjectName("textFilter")
        self.text_filter.setPlaceholderText(tr("Search"))
        self.text_filter.setClearButtonEnabled(True)
        for widget in (self.status_filter, self.advisor_filter, self.family_filter):
            widget.currentIndexChanged.connect(self.fill_list)
            filters.addWidget(widget)
        self.text_filter.textChanged.connect(self.fill_list)
        filters.addWidget(self.text_filter)
        top_layout.addLayout(filters)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("synergyTable")
        self.table.setHorizontalHeaderLabels([tr("Next action"), tr("Synergy"), tr("Status"), tr("Kind"), tr("Advisor")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(enum_value(QAbstractItemView, "SelectionBehavior.SelectRows", "SelectRows"))
        self.table.setSelectionMode(enum_value(QAbstractItemView, "SelectionMode.SingleSelection", "SingleSelection"))
        self.table.setEditTriggers(enum_value(QAbstractItemView, "EditTrigger.NoEditTriggers", "NoEditTriggers"))
        self.table.horizontalHeader().setSectionResizeMode(1, enum_value(QHeaderView, "ResizeMode.Stretch", "Stretch"))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        top_layout.addWidget(self.table)
        create_row = QHBoxLayout()
        self.create_buttons = []
        for text, slot, name in ((tr("New &substitution…"), self.new_substitution, "newSubstitution"),
                                 (tr("Supplier → receiver on the &map"), self.substitution_on_map, "mapSubstitution"),
                                 (tr("New &mutualisation…"), self.new_mutualisation, "newMutualisation")):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            create_row.addWidget(button)
            self.create_buttons.append(button)
        create_row.addStretch()
        top_layout.addLayout(create_row)
        splitter.addWidget(top)

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        self.title_label = QLabel()
        self.title_label.setObjectName("synergyTitle")
        self.title_label.setWordWrap(True)
        detail_layout.addWidget(self.title_label)
        status_row = QHBoxLayout()
        self.advance_button = QPushButton()
        self.advance_button.setObjectName("advance")
        self.advance_button.clicked.connect(self.advance)
        self.abandon_button = QPushButton(tr("A&bandon…"))
        self.abandon_button.setObjectName("abandon")
        self.abandon_button.clicked.connect(self.abandon)
        status_row.addWidget(self.advance_button)
        status_row.addWidget(self.abandon_button)
        status_row.addStretch()
        detail_layout.addLayout(status_row)
        outcomes = QGroupBox(tr("Outcomes and next action"))
        form = QFormLayout(outcomes)
        self.fields = {}
        for name, label in (("diverted_t_per_year", tr("Diverted (t/yr)")), ("savings_eur_per_year", tr("Savings (EUR/yr)")),
                            ("co2e_avoided_t_per_year", tr("Avoided (t CO2e/yr)")), ("distance_km", tr("Distance (km)")),
                            ("next_action", tr("Next action"))):
            edit = QLineEdit()
            edit.setObjectName(name)
            form.addRow(label, edit)
            self.fields[name] = edit
            if name == "co2e_avoided_t_per_year":
                estimate_row = QHBoxLayout()
                self.estimate_label = QLabel()
                self.estimate_label.setObjectName("co2eEstimate")
                self.use_estimate = QPushButton(tr("Use the estimate"))
                self.use_estimate.setObjectName("useEstimate")
                self.use_estimate.clicked.connect(self.take_estimate)
                estimate_row.addWidget(self.estimate_label)
                estimate_row.addWidget(self.use_estimate)
                estimate_row.addStretch()
                form.addRow("", estimate_row)
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("next_action_date")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setSpecialValueText(tr("none"))
        self.date_edit.setMinimumDate(QDate(2000, 1, 1))
        form.addRow(tr("Next action date"), self.date_edit)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setObjectName("notes")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumHeight(60)
        form.addRow(tr("Notes"), self.notes_edit)
        self.save_button = QPushButton(tr("Save &outcomes"))
        self.save_button.setObjectName("saveOutcomes")
        self.save_button.clicked.connect(self.save_outcomes)
        form.addRow("", self.save_button)
        detail_layout.addWidget(outcomes)
        detail_layout.addWidget(QLabel("<b>{}</b>".format(html.escape(tr("Participants")))))
        self.participants = QListWidget()
        self.participants.setObjectName("participants")
        self.participants.setMaximumHeight(80)
        detail_layout.addWidget(self.participants)
        detail_layout.addWidget(QLabel("<b>{}</b>".format(html.escape(tr("History")))))
        self.timeline = QListWidget()
        self.timeline.setObjectName("timeline")
        detail_layout.addWidget(self.timeline)
        self.message = message_label("synergyMessage")
        detail_layout.addWidget(self.message)
        splitter.addWidget(detail)
        self.table.setMinimumHeight(170)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        from .triage_panel import PossibleLinksPanel

        self.tabs.addTab(splitter, tr("Synergies"))
        self.triage = PossibleLinksPanel(self)
        self.tabs.addTab(self.triage, tr("Possible links"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setWidget(self.tabs)
        self.follow_workspace()

    def workspace_changed(self):
        self.synergy_uid = None
        self.triage.clear_highlight()

    def disconnect_project(self):
        self.triage.clear_highlight()
        super().disconnect_project()

    def hideEvent(self, event):  # noqa: N802 - Qt's name
        self.triage.clear_highlight()  # the link under review is shown only while the dock is
        super().hideEvent(event)

    def refresh_all(self):
        self.read_only_label.setVisible(bool(self.layers) and not self.writable)
        for button in self.create_buttons:
            button.setEnabled(self.writable)
        self._fill_advisors()
        self.fill_list()
        self.show_synergy(self.synergy_uid)

    def data_changed(self):
        self.fill_list()
        self.show_synergy(self.synergy_uid)
        if self.tabs.currentWidget() is self.triage:
            self.triage.schedule_refresh()

    def _tab_changed(self, _index):
        if self.tabs.currentWidget() is self.triage:
            self.triage.schedule_refresh()
        else:
            self.triage.clear_highlight()

    def show_created(self, uid):
        """A synergy was created elsewhere (the triage panel): list and show it."""
        self._created(uid)

    def _fill_advisors(self):
        current = self.advisor_filter.currentData()
        self.advisor_filter.blockSignals(True)
        self.advisor_filter.clear()
        self.advisor_filter.addItem(tr("All advisors"), None)
        synergies = self.layers.get("synergies")
        advisors = sorted({str(_v(f, "advisor")) for f in synergies.getFeatures() if _v(f, "advisor")}) if synergies else []
        for advisor in advisors:
            self.advisor_filter.addItem(advisor, advisor)
        index = self.advisor_filter.findData(current)
        self.advisor_filter.setCurrentIndex(max(index, 0))
        self.advisor_filter.blockSignals(False)

    # --- list -------------------------------------------------------------------------------
    def rows(self):
        """The synergies shown, filtered and sorted by next action date (undated last)."""
        synergies = self.layers.get("synergies")
        if synergies is None:
            return []
        status = self.status_filter.currentData()
        advisor = self.advisor_filter.currentData()
        family = self.family_filter.currentData()
        words = self.text_filter.text().lower().split()
        rows = []
        for feature in synergies.getFeatures():
            values = {name: _v(feature, name) for name in ("uid", "title", "status", "kind", "advisor",
                                                             "next_action", "next_action_date", "resource_code", "notes")}
            if status == "live" and values["status"] == "abandoned":
                continue
            if status not in (None, "live") and values["status"] != status:
                continue
            if advisor and values["advisor"] != advisor:
                continue
            if family and (not values["resource_code"] or family_of_code(values["resource_code"]) != family):
                continue
            text = " ".join(str(values[k] or "") for k in ("title", "next_action", "resource_code", "notes")).lower()
            if not all(w in text for w in words):
                continue
            rows.append(values)
        rows.sort(key=lambda v: (_date_text(v["next_action_date"]) or "9999", str(v["title"])))
        return rows

    @staticmethod
    def is_overdue(values, today=None):
        today = today or datetime.date.today().isoformat()
        date = _date_text(values["next_action_date"])
        return bool(date) and date < today and values["status"] not in ("operating", "abandoned")

    def fill_list(self, *_args):
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for values in self.rows():
            row = self.table.rowCount()
            self.table.insertRow(row)
            overdue = self.is_overdue(values)
            date = _date_text(values["next_action_date"])
            cells = [date, values["title"] or "", vocabulary_label(SYNERGY_STATUSES.get(values["status"], "")),
                     vocabulary_label(SYNERGY_KINDS.get(values["kind"], "")), values["advisor"] or ""]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(str(text))
                item.setData(_role(), values["uid"])
                if overdue:
                    item.setForeground(QBrush(QColor("#b00020")))
                    font = QFont()
                    font.setBold(True)
                    item.setFont(font)
                    item.setToolTip(tr("Overdue: the next action was due on {date}.").format(date=date))
                table_item = item
                self.table.setItem(row, column, table_item)
            if values["uid"] == self.synergy_uid:
                self.table.selectRow(row)
        self.table.blockSignals(False)

    def _selection_changed(self):
        items = self.table.selectedItems()
        if items:
            self.show_synergy(items[0].data(_role()))

    # --- detail -------------------------------------------------------------------------------
    def show_synergy(self, uid):
        self.synergy_uid = uid
        synergies = self.layers.get("synergies")
        feature = editing.feature_by_uid(synergies, uid) if (synergies is not None and uid) else None
        enabled = feature is not None and self.writable
        for widget in list(self.fields.values()) + [self.date_edit, self.notes_edit, self.save_button,
                                                     self.advance_button, self.abandon_button]:
            widget.setEnabled(enabled)
        self.participants.clear()
        self.timeline.clear()
        self._show_estimate(feature)
        if feature is None:
            self.title_label.setText(tr("Choose a synergy in the list, or create one.") if self.layers
                                     else tr("No workspace is open."))
            self.advance_button.setText(tr("Next step"))
            return
        status = _v(feature, "status")
        self.loaded_version = _v(feature, "row_version") if feature.fields().indexOf("row_version") >= 0 else None
        self.title_label.setText("<b>{}</b><br>{} · {}".format(
            html.escape(str(_v(feature, "title"))), html.escape(vocabulary_label(SYNERGY_KINDS[_v(feature, "kind")])),
            html.escape(vocabulary_label(SYNERGY_STATUSES[status]))))
        following = next_status(status)
        self.advance_button.setText(tr("Move to “{status}”").format(status=vocabulary_label(SYNERGY_STATUSES[following]))
                                    if following else tr("Next step"))
        self.advance_button.setEnabled(following is not None and self.writable)
        self.abandon_button.setEnabled(status != "abandoned" and self.writable)
        for name, edit in self.fields.items():
            value = _v(feature, name)
            edit.setText("" if value is None else ("{:g}".format(value) if isinstance(value, float) else str(value)))
        date = _date_text(_v(feature, "next_action_date"))
        self.date_edit.setDate(QDate.fromString(date, "yyyy-MM-dd") if date else self.date_edit.minimumDate())
        self.notes_edit.setPlainText(_v(feature, "notes") or "")
        names = {f["uid"]: str(f["name"]) for f in self.layers["companies"].getFeatures()}
        roles = {"supplier": tr("supplier"), "receiver": tr("receiver"), "member": tr("member")}
        for participant in editing.features_where(self.layers["synergy_participants"], "synergy_uid", uid):
            self.participants.addItem("{} ({})".format(names.get(_v(participant, "company_uid"), "?"),
                                                       roles.get(_v(participant, "role"), "")))
        events = sorted(editing.features_where(self.layers["synergy_events"], "synergy_uid", uid),
                        key=lambda e: str(_v(e, "at")))
        for event in events:
            origin = _v(event, "from_status")
            target = _v(event, "to_status")
            step = vocabulary_label(SYNERGY_STATUSES[target]) if origin is None else "{} → {}".format(
                vocabulary_label(SYNERGY_STATUSES[origin]), vocabulary_label(SYNERGY_STATUSES[target]))
            text = "{} · {} · {}".format(str(_v(event, "at"))[:10], _v(event, "by") or "", step)
            if _v(event, "comment"):
                text += " — " + str(_v(event, "comment"))
            self.timeline.addItem(text)

    def ask_conflict(self, error):
        """Someone saved the synergy meanwhile: 'overwrite', or 'reload' (their version)."""
        return ask_conflict(self, error)

    def refused_read_only(self):
        """True (and said in the dock) when the user's role may not change this workspace."""
        if self.writable:
            return False
        self.message.setText(self.read_only_text())
        return True

    def _run(self, action, *args, **kwargs):
        if self.refused_read_only():
            return None
        kwargs.setdefault("author", self.author)
        if self.synergy_uid and "expected_version" not in kwargs and action is not editing.create_substitution:
            kwargs["expected_version"] = self.loaded_version
        try:
            result = action(self.layers, *args, **kwargs)
        except ConflictError as error:
            if self.ask_conflict(error) == "overwrite":
                kwargs["expected_version"] = None
                return self._run(action, *args, **kwargs)
            self.message.setText(error_text(error))
            self.show_synergy(self.synergy_uid)
            return None
        except TerritorialFluxError as error:
            self.message.setText(error_text(error))
            return None
        self.message.setText("")
        self.fill_list()
        self.show_synergy(self.synergy_uid)
        return result if result is not None else True

    def advance(self, comment=None):
        feature = editing.feature_by_uid(self.layers["synergies"], self.synergy_uid)
        following = next_status(_v(feature, "status"))
        if following:
            return self._run(editing.change_status, self.synergy_uid, following, comment or None)
        return None

    def abandon(self, reason=None):
        if reason is None:
            reason, ok = QInputDialog.getText(self, tr("Abandon the synergy"),
                                              tr("Why is this synergy abandoned? (required)"))
            if not ok:
                return None
        return self._run(editing.change_status, self.synergy_uid, "abandoned", None, reason)

    def _show_estimate(self, feature):
        from .co2e_estimate import estimate_for, explanation

        found = estimate_for(self.layers, feature) if feature is not None else None
        self.estimate = found
        self.estimate_label.setText(tr("estimate: {value}").format(value="{:g}".format(found.value)) if found else "")
        self.estimate_label.setToolTip(explanation(found) if found else "")
        self.use_estimate.setVisible(found is not None)
        self.use_estimate.setEnabled(found is not None and self.writable)

    def take_estimate(self):
        """Put the estimate in the avoided emissions field (saved with the outcomes)."""
        if self.estimate is not None:
            self.fields["co2e_avoided_t_per_year"].setText("{:g}".format(self.estimate.value))

    def save_outcomes(self):
        values = {name: edit.text().strip() for name, edit in self.fields.items()}
        date = self.date_edit.date()
        values["next_action_date"] = None if date == self.date_edit.minimumDate() else date.toString("yyyy-MM-dd")
        values["notes"] = self.notes_edit.toPlainText().strip() or None
        values["next_action"] = values["next_action"] or None
        return self._run(editing.update_synergy, self.synergy_uid, values)

    # --- creation -----------------------------------------------------------------------------
    def _created(self, uid):
        if uid:
            self.synergy_uid = uid
            self.fill_list()
            self.show_synergy(uid)

    def new_substitution(self, supplier_uid=None, receiver_uid=None):
        if not self.layers or self.refused_read_only():
            return None
        dialog = FlowPickerDialog(self.layers, "substitution", self, supplier_uid, receiver_uid, author=self.author)
        self.picker = dialog
        dialog.exec()
        self._created(dialog.created)
        return dialog.created

    def new_mutualisation(self):
        if not self.layers or self.refused_read_only():
            return None
        dialog = FlowPickerDialog(self.layers, "mutualisation", self, author=self.author)
        self.picker = dialog
        dialog.exec()
        self._created(dialog.created)
        return dialog.created

    def substitution_on_map(self):
        if not self.layers or self.refused_read_only():
            return
        self.message.setText(tr("Click the supplier on the map, then the receiver."))
        self.iface.mapCanvas().setMapTool(self.tools.substitution_tool())

    def pair_picked(self, supplier_uid, receiver_uid):
        """From the map tool: choose the offer and the need of the two companies picked."""
        if supplier_uid == receiver_uid:
            self.message.setText(translate_message(editing.substitution_problem(
                {"direction": "offer", "company_uid": supplier_uid}, {"direction": "need", "company_uid": receiver_uid})))
            return None
        self.message.setText("")
        return self.new_substitution(supplier_uid, receiver_uid)
