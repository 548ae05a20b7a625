"""The flow form: a keyboard-first dialog to add or edit an offer or a need.

Type a resource code in any spelling or words in English or French, a quantity with or without
its unit (``12,5 t/an``); the family, the units that fit it and the hazard flag follow the
resource. Enter saves; "Save and add another" keeps the dialog open for the next flow of the
same visit. Problems are shown next to the field to fix; nothing typed is lost.
"""

from qgis.PyQt.QtCore import QStringListModel, Qt
from qgis.PyQt.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from ..domain.codes import parse_code
from ..domain.errors import TerritorialFluxError
from ..domain.nomenclature import resource_rows, resources_by_code
from ..domain.quantities import format_number, language_comma, parse_quantity
from ..domain.resources import resource_matcher
from ..domain.units import FAMILY_UNITS, canonical_unit, unit_label
from ..domain.vocabulary import CONFIDENTIALITY_LEVELS, FAMILIES, PRIORITIES
from ..toolbelt.compat import enum_value
from ..toolbelt.i18n import error_text, language, tr, translate_message, vocabulary_label
from .widgets import message_label


def _give_labels_buddies(form):
    """Row labels with a mnemonic (``&Quantity``) focus their field, and show no literal '&'."""
    label_role = enum_value(QFormLayout, "ItemRole.LabelRole", "LabelRole")
    field_role = enum_value(QFormLayout, "ItemRole.FieldRole", "FieldRole")
    for row in range(form.rowCount()):
        label_item, field_item = form.itemAt(row, label_role), form.itemAt(row, field_role)
        label = label_item.widget() if label_item is not None else None
        if not isinstance(label, QLabel) or label.buddy() is not None or field_item is None:
            continue
        field = field_item.widget()
        inner = field_item.layout()
        while field is None and inner is not None and inner.count():
            first = inner.itemAt(0)
            field, inner = first.widget(), first.layout()
        if field is not None:
            label.setBuddy(field)


def resource_entries(language):
    """(display text, code) for every entry of the nomenclature, in the interface's language."""
    key = "label_fr" if language == "fr" else "label_en"
    entries = []
    for row in resource_rows():
        if row["level"] == "entry":
            star = "*" if row["hazardous"] else ""
            entries.append(("{}{} — {}".format(row["code"], star, row[key]), row["code"]))
    return entries


class FlowDialog(QDialog):
    """Add (``values`` None) or edit a flow; calls ``save(values)`` which may raise a TerritorialFluxError."""

    def __init__(self, company_name, save, direction="offer", values=None, language="en", parent=None,
                 matcher=None):
        super().__init__(parent)
        self.save_callback = save
        self.language = language
        self.matcher = matcher or resource_matcher()  # with the workspace's learned words
        self.saved = []
        self.editing = values is not None
        self.setWindowTitle(tr("Edit flow of {company}").format(company=company_name) if self.editing
                            else tr("New flow of {company}").format(company=company_name))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.form = form
        self.errors = {}

        self.offer_radio = QRadioButton(tr("&Offer"))
        self.need_radio = QRadioButton(tr("&Need"))
        group = QButtonGroup(self)
        group.addButton(self.offer_radio)
        group.addButton(self.need_radio)
        row = QHBoxLayout()
        row.addWidget(self.offer_radio)
        row.addWidget(self.need_radio)
        row.addStretch()
        form.addRow(tr("Direction"), self._with_error("direction", row))

        self.resource_edit = QLineEdit()
        self.resource_edit.setPlaceholderText(tr("Code (15 01 01, 150101…) or words (cardboard, chaleur…)"))
        self._entries = resource_entries(language)
        self._display_to_code = dict(self._entries)
        self._code_to_display = {code: display for display, code in self._entries}
        # The proposals are searched in both languages and any code spelling (the resource matcher),
        # then shown unfiltered by the completer.
        self.completer_model = QStringListModel()
        self.completer = QCompleter(self.completer_model, self)
        self.completer.setCompletionMode(enum_value(QCompleter, "CompletionMode.UnfilteredPopupCompletion",
                                                    "UnfilteredPopupCompletion"))
        self.completer.setMaxVisibleItems(12)
        self.completer.setWidget(self.resource_edit)
        self.completer.activated.connect(self._completion_chosen)
        self.resource_edit.textEdited.connect(self._resource_edited)
        self.resource_edit.editingFinished.connect(self._resource_chosen)
        form.addRow(tr("&Resource"), self._with_error("resource_code", self.resource_edit))
        self.resource_info = QLabel()
        self.resource_info.setWordWrap(True)
        form.addRow("", self.resource_info)

        self.family_combo = QComboBox()
        for value, label in FAMILIES.items():
            self.family_combo.addItem(vocabulary_label(label), value)
        self.family_combo.currentIndexChanged.connect(self._family_changed)
        form.addRow(tr("Family"), self._with_error("family", self.family_combo))

        self.quantity_edit = QLineEdit()
        self.quantity_edit.setPlaceholderText(tr("e.g. 120, 12,5 or 1 200 t/yr"))
        self.quantity_edit.editingFinished.connect(self._quantity_finished)
        form.addRow(tr("&Quantity"), self._with_error("quantity", self.quantity_edit))
        # how the number was read (1,200 is 1.2 in French, 1200 in English), before it is saved
        self.comma = language_comma(self.language)
        self.quantity_reading = QLabel()
        self.quantity_reading.setObjectName("quantity_reading")
        self.quantity_edit.textChanged.connect(self._show_reading)
        form.addRow("", self.quantity_reading)
        self.unit_combo = QComboBox()
        self.unit_combo.setEditable(False)
        form.addRow(tr("&Unit"), self._with_error("unit", self.unit_combo))

        self.label_edit = QLineEdit()
        self.label_edit.setPlaceholderText(tr("What the company calls it"))
        form.addRow(tr("&Description"), self.label_edit)
        self.hazardous_check = QCheckBox(tr("Hazardous (set from the List of Waste)"))
        form.addRow("", self.hazardous_check)

        self.priority_combo = QComboBox()
        for value, label in PRIORITIES.items():
            self.priority_combo.addItem(vocabulary_label(label), value)
        self.priority_combo.setCurrentIndex(list(PRIORITIES).index("medium"))
        form.addRow(tr("&Priority"), self._with_error("priority", self.priority_combo))
        self.confidentiality_combo = QComboBox()
        for value, label in CONFIDENTIALITY_LEVELS.items():
            self.confidentiality_combo.addItem(vocabulary_label(label), value)
        self.confidentiality_combo.setCurrentIndex(list(CONFIDENTIALITY_LEVELS).index("internal"))
        form.addRow(tr("&Confidentiality"), self._with_error("confidentiality", self.confidentiality_combo))
        self.availability_edit = QLineEdit()
        self.availability_edit.setPlaceholderText(tr("e.g. continuous, weekly, autumn"))
        form.addRow(tr("Availability"), self.availability_edit)
        self.route_edit = QLineEdit()
        self.route_edit.setPlaceholderText(tr("Where it goes or comes from today"))
        form.addRow(tr("Current route"), self.route_edit)
        self.cost_edit = QLineEdit()
        form.addRow(tr("Current cost (EUR/yr)"), self._with_error("current_cost_eur", self.cost_edit))
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumHeight(60)
        form.addRow(tr("Notes"), self.notes_edit)
        _give_labels_buddies(form)
        layout.addLayout(form)

        self.message_label = message_label("flowMessage")
        layout.addWidget(self.message_label)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(tr("&Save"), enum_value(QDialogButtonBox, "ButtonRole.AcceptRole", "AcceptRole"))
        self.save_button.setDefault(True)
        self.another_button = None
        if not self.editing:
            self.another_button = QPushButton(tr("Save and add &another (Ctrl+Enter)"))
            buttons.addButton(self.another_button, enum_value(QDialogButtonBox, "ButtonRole.ActionRole", "ActionRole"))
            self.another_button.clicked.connect(lambda: self._save(keep_open=True))
        buttons.addButton(enum_value(QDialogButtonBox, "StandardButton.Cancel", "Cancel"))
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(lambda: self._save(keep_open=False))
        layout.addWidget(buttons)

        (self.need_radio if direction == "need" else self.offer_radio).setChecked(True)
        self._family_changed()
        if values:
            self.set_values(values)
        self.resource_edit.setFocus()

    def keyPressEvent(self, event):  # noqa: N802
        """Ctrl+Enter: save and add another flow of the same company."""
        keys = (enum_value(Qt, "Key.Key_Return", "Key_Return"), enum_value(Qt, "Key.Key_Enter", "Key_Enter"))
        control = enum_value(Qt, "KeyboardModifier.ControlModifier", "ControlModifier")
        if event.key() in keys and event.modifiers() & control and self.another_button is not None:
            self._save(keep_open=True)
            return
        super().keyPressEvent(event)

    # --- layout helpers -----------------------------------------------------------------------
    def _with_error(self, field, widget_or_layout):
        box = QVBoxLayout()
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        if hasattr(widget_or_layout, "addWidget") and not hasattr(widget_or_layout, "setText"):
            box.addLayout(widget_or_layout)
        else:
            box.addWidget(widget_or_layout)
        label = message_label("error_" + field, small=True, hidden=True)
        box.addWidget(label)
        self.errors[field] = label
        return box

    def show_problems(self, problems):
        for field, label in self.errors.items():
            problem = problems.get(field) if isinstance(problems, dict) else None
            label.setText(translate_message(problem) if problem else "")
            label.setVisible(bool(problem))
        if isinstance(problems, dict):
            self.message_label.setText(tr("Fix the fields marked in red; nothing you typed is lost.")
                                       if problems else "")
        else:
            self.message_label.setText(error_text(problems))

    # --- resource, family, units --------------------------------------------------------------
    def _resource_edited(self, text):
        code = self._display_to_code.get(text)
        if code:
            self._apply_code(code)
            return
        matches = self.matcher.search(text, lang=self.language) if len(text.strip()) >= 2 else []
        parsed = parse_code(text)
        if parsed and len(matches) == 1 and matches[0]["code"] == parsed[0]:  # a whole code typed
            self.completer.popup().hide()
            self._apply_code(parsed[0])
            return
        self.completer_model.setStringList([self._code_to_display[row["code"]] for row in matches])
        if matches:
            self.completer.complete()
        else:
            self.completer.popup().hide()

    def _completion_chosen(self, text):
        code = self._display_to_code.get(text)
        if code:
            self._apply_code(code)

    def _resource_chosen(self):
        text = self.resource_edit.text().strip()
        if not text:
            return
        code = self._display_to_code.get(text)
        candidates = []
        if code is None:
            row, candidates = self.matcher.resolve(text, levels=("entry",), lang=self.language)
            code = row["code"] if row is not None and row["level"] == "entry" else None
        if code is None:
            self.resource_info.setText(
                tr("No resource matches exactly; close ones: {candidates}").format(
                    candidates="; ".join("{} {}".format(r["code"], r["label_fr" if self.language == "fr" else "label_en"])
                                         for r in candidates)) if candidates
                else tr("No resource of the nomenclature matches '{text}'.").format(text=text))
            return
        self._apply_code(code)

    def _apply_code(self, code):
        row = resources_by_code()[code]
        display = self._code_to_display[code]
        if self.resource_edit.text() != display:
            self.resource_edit.setText(display)
        self.family_combo.setCurrentIndex(list(FAMILIES).index(row["family"]))
        if row["family"] == "waste":
            self.hazardous_check.setChecked(bool(row["hazardous"]))
        self.resource_info.setText("")

    def _family_changed(self):
        family = self.family_combo.currentData()
        self.unit_combo.clear()
        for unit in FAMILY_UNITS.get(family, ()):  # the family's usual unit first, selected
            self.unit_combo.addItem(unit_label(unit, language()), unit)
        self._quantity_finished()  # a unit typed after the quantity wins
        self.hazardous_check.setEnabled(family != "waste")

    def _show_reading(self, text):
        value, unit, problem = parse_quantity(text, comma=self.comma)
        if value is None or problem is not None:
            self.quantity_reading.clear()
            return
        self.quantity_reading.setText(tr("Read as {value} {unit}").format(
            value=format_number(value, self.language), unit=unit or self.unit_combo.currentData() or "").strip())

    def _quantity_finished(self):
        _value, unit, _problem = parse_quantity(self.quantity_edit.text(), comma=self.comma)
        if unit:
            index = self.unit_combo.findData(unit)
            if index >= 0:
                self.unit_combo.setCurrentIndex(index)

    def resource_code(self):
        text = self.resource_edit.text().strip()
        code = self._display_to_code.get(text)
        if code:
            return code
        parsed = parse_code(text.split(" — ")[0])
        return parsed[0] if parsed else text

    # --- values -------------------------------------------------------------------------------
    def values(self):
        quantity_text = self.quantity_edit.text().strip()
        value, unit_typed, _problem = parse_quantity(quantity_text, comma=self.comma)
        unit = self.unit_combo.currentData()
        if unit_typed and canonical_unit(unit_typed):
            unit = unit_typed
        cost_text = self.cost_edit.text().strip()
        cost_value, _u, cost_problem = parse_quantity(cost_text, comma=self.comma) if cost_text else (None, None, None)
        values = {
            "direction": "need" if self.need_radio.isChecked() else "offer",
            "resource_code": self.resource_code(),
            "family": self.family_combo.currentData(),
            "quantity": quantity_text if _problem else value,
            "unit": unit if quantity_text else (unit if self.editing else None),
            "label": self.label_edit.text().strip() or None,
            "hazardous": self.hazardous_check.isChecked(),
            "priority": self.priority_combo.currentData(),
            "confidentiality": self.confidentiality_combo.currentData(),
            "availability": self.availability_edit.text().strip() or None,
            "current_route": self.route_edit.text().strip() or None,
            "current_cost_eur": cost_text if cost_problem else cost_value,
            "notes": self.notes_edit.toPlainText().strip() or None,
        }
        return values

    def set_values(self, values):
        (self.need_radio if values.get("direction") == "need" else self.offer_radio).setChecked(True)
        if values.get("resource_code") in resources_by_code():
            self._apply_code(values["resource_code"])
        if values.get("family") in FAMILIES:
            self.family_combo.setCurrentIndex(list(FAMILIES).index(values["family"]))
        quantity = values.get("quantity")
        self.quantity_edit.setText("" if quantity is None else "{:g}".format(quantity))
        if values.get("unit"):
            index = self.unit_combo.findData(values["unit"])
            if index >= 0:
                self.unit_combo.setCurrentIndex(index)
        self.label_edit.setText(values.get("label") or "")
        self.hazardous_check.setChecked(bool(values.get("hazardous")))
        for combo, key in ((self.priority_combo, "priority"), (self.confidentiality_combo, "confidentiality")):
            index = combo.findData(values.get(key))
            if index >= 0:
                combo.setCurrentIndex(index)
        self.availability_edit.setText(values.get("availability") or "")
        self.route_edit.setText(values.get("current_route") or "")
        cost = values.get("current_cost_eur")
        self.cost_edit.setText("" if cost is None else "{:g}".format(cost))
        self.notes_edit.setPlainText(values.get("notes") or "")

    def _clear_for_next(self):
        self.resource_edit.clear()
        self.quantity_edit.clear()
        self.label_edit.clear()
        self.availability_edit.clear()
        self.route_edit.clear()
        self.cost_edit.clear()
        self.notes_edit.clear()
        self.hazardous_check.setChecked(False)
        self.resource_info.setText(tr("Saved. Next flow of the same company:"))
        self.resource_edit.setFocus()

    def _save(self, keep_open):
        self._resource_chosen()
        values = self.values()
        try:
            uid = self.save_callback(values)
        except TerritorialFluxError as error:
            self.show_problems(error.message)
            return False
        self.saved.append(uid)
        self.show_problems({})
        if keep_open:
            self._clear_for_next()
        else:
            self.accept()
        return True
