"""The Possible links panel of the synergy dock: the advisor triages the candidates one by one.

The plugin shows an offer and a need that could be linked, with its reasons; the advisor
promotes it (a substitution at status ``idea``), rejects it with a reason (never shown again),
or skips it. No synergy is ever created without the advisor's action.
"""

import html

from qgis.core import Qgis, QgsGeometry, QgsRectangle, QgsWkbTypes
from qgis.gui import QgsRubberBand
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import TerritorialFluxError
from ..domain.links import Settings
from ..project import editing
from ..toolbelt.compat import enum_value
from ..toolbelt.i18n import error_text, tr, translate_message
from .widgets import message_label


class PossibleLinksPanel(QWidget):
    def __init__(self, dock):
        super().__init__()
        self.dock = dock
        self.links = []
        self.names = {}
        self._pending = False
        self.highlight = None  # the line of the link under review, on the map
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Offers and needs that could be linked, with their reasons. You decide: promote one to a "
                          "synergy, reject it with a reason (it will not come back), or skip it."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.distance_spin = QDoubleSpinBox()
        self.distance_spin.setObjectName("maxDistance")
        self.distance_spin.setRange(0.5, 500)
        self.distance_spin.setValue(30)
        self.distance_spin.setSuffix(" km")
        form.addRow(tr("Within"), self.distance_spin)
        self.level_combo = QComboBox()
        self.level_combo.setObjectName("matchLevel")
        self.level_combo.addItem(tr("Same resource code"), "code")
        self.level_combo.addItem(tr("Same sub-chapter"), "subchapter")
        form.addRow(tr("Match"), self.level_combo)
        self.sort_combo = QComboBox()
        self.sort_combo.setObjectName("sortBy")
        self.sort_combo.addItem(tr("Nearest first"), "distance")
        self.sort_combo.addItem(tr("Largest share of the need first"), "share")
        form.addRow(tr("Order"), self.sort_combo)
        layout.addLayout(form)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("possibleLinks")
        self.table.setHorizontalHeaderLabels([tr("Supplier → receiver"), tr("Resource"), tr("km"), tr("Covers")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(enum_value(QAbstractItemView, "SelectionBehavior.SelectRows", "SelectRows"))
        self.table.setSelectionMode(enum_value(QAbstractItemView, "SelectionMode.SingleSelection", "SingleSelection"))
        self.table.setEditTriggers(enum_value(QAbstractItemView, "EditTrigger.NoEditTriggers", "NoEditTriggers"))
        self.table.horizontalHeader().setSectionResizeMode(0, enum_value(QHeaderView, "ResizeMode.Stretch", "Stretch"))
        self.table.itemSelectionChanged.connect(self._selected)
        self.reason_label = QLabel()
        self.reason_label.setObjectName("linkReason")
        self.reason_label.setWordWrap(True)
        layout.addWidget(self.reason_label)
        buttons = QHBoxLayout()
        self.promote_button = QPushButton(tr("&Promote to a synergy"))
        self.promote_button.setObjectName("promote")
        self.promote_button.clicked.connect(lambda: self.promote())
        self.reject_button = QPushButton(tr("&Reject…"))
        self.reject_button.setObjectName("reject")
        self.reject_button.clicked.connect(lambda: self.reject())
        self.skip_button = QPushButton(tr("S&kip"))
        self.skip_button.setObjectName("skip")
        self.skip_button.clicked.connect(self.skip)
        for button in (self.promote_button, self.reject_button, self.skip_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout.addLayout(buttons)
        self.message = message_label("triageMessage")
        layout.addWidget(self.message)
        layout.addWidget(self.table)  # the decision above the list, always in sight
        for widget in (self.distance_spin, self.level_combo):
            (widget.valueChanged if widget is self.distance_spin else widget.currentIndexChanged).connect(
                self.schedule_refresh)
        self.sort_combo.currentIndexChanged.connect(self.fill)
        self._enable(False)

    # --- data -----------------------------------------------------------------------------------
    def settings(self):
        return Settings(max_distance_km=self.distance_spin.value(), match_level=self.level_combo.currentData())

    def schedule_refresh(self, *_args):
        """Recompute after the current event (flows changed, settings changed)."""
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.refresh)

    def refresh(self):
        from ..analysis import possible_links_for
        from ..project.build import current_workspace

        self._pending = False
        workspace = current_workspace()
        layers = self.dock.layers
        if workspace is None or "companies" not in layers:
            self.links = []
        else:
            self.names = {f["uid"]: str(f["name"]) for f in layers["companies"].getFeatures()}
            self.links = possible_links_for(workspace, self.settings())
        self.fill()

    def ordered(self):
        if self.sort_combo.currentData() == "share":
            return sorted(self.links, key=lambda link: (link.covered_share is None, -(link.covered_share or 0),
                                                        link.distance_km, link.offer.uid, link.need.uid))
        return sorted(self.links, key=lambda link: (link.distance_km, link.offer.uid, link.need.uid))

    def fill(self, *_args):
        current = self.current()
        key = (current.offer.uid, current.need.uid) if current else None
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for link in self.ordered():
            row = self.table.rowCount()
            self.table.insertRow(row)
            share = "" if link.covered_share is None else "{:.0f} %".format(100 * link.covered_share)
            cells = ["{} → {}".format(self.names.get(link.offer.company_uid, "?"), self.names.get(link.need.company_uid, "?")),
                     link.resource_code, "{:.1f}".format(link.distance_km), share]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(enum_value(Qt, "ItemDataRole.UserRole", "UserRole"), (link.offer.uid, link.need.uid))
                item.setToolTip(translate_message(link.reason))
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        rows = [self.table.item(r, 0).data(enum_value(Qt, "ItemDataRole.UserRole", "UserRole"))
                for r in range(self.table.rowCount())]
        if rows:
            self.table.selectRow(rows.index(key) if key in rows else 0)
        else:
            self.reason_label.setText(tr("No possible link left with these settings.") if self.dock.layers else "")
            self._enable(False)

    def current(self):
        items = self.table.selectedItems()
        if not items:
            return None
        key = items[0].data(enum_value(Qt, "ItemDataRole.UserRole", "UserRole"))
        return next((link for link in self.links if (link.offer.uid, link.need.uid) == tuple(key)), None)

    def _enable(self, enabled):
        for button in (self.promote_button, self.reject_button):
            button.setEnabled(enabled and self.dock.writable)  # a reader looks, decides nothing
        self.skip_button.setEnabled(enabled)

    def _refused_read_only(self):
        if self.dock.writable:
            return False
        self.message.setText(self.dock.read_only_text())
        return True

    def _selected(self):
        link = self.current()
        self._enable(link is not None)
        if link is None:
            self.clear_highlight()
            return
        self.reason_label.setText("<b>{}</b><br>{} → {}".format(
            html.escape(translate_message(link.reason)), html.escape(link.offer.label or link.offer.resource_code),
            html.escape(self.names.get(link.need.company_uid, "?"))))
        self.zoom_to(link)

    def zoom_to(self, link):
        """Frame the supplier and the receiver on the map."""
        iface = self.dock.iface
        companies = self.dock.layers.get("companies")
        if iface is None or companies is None:
            return
        points = [editing.company_point(self.dock.layers, uid) for uid in (link.offer.company_uid, link.need.company_uid)]
        if None in points:
            return
        pair = [editing.feature_by_uid(companies, uid) for uid in (link.offer.company_uid, link.need.company_uid)]
        companies.selectByIds([f.id() for f in pair if f is not None])  # the pair stands out on the map
        canvas = iface.mapCanvas()
        settings = canvas.mapSettings()
        a, b = (settings.layerToMapCoordinates(companies, p) for p in points)
        box = QgsRectangle(a, b)
        margin = max(box.width(), box.height(), 500) * 0.3
        box.grow(margin)
        canvas.setExtent(box)
        self.show_highlight(canvas, a, b)
        canvas.refresh()

    def show_highlight(self, canvas, supplier, receiver):
        """The link under review drawn on the map, from the supplier to the receiver (the possible
        links' layer is off in most map themes)."""
        if self.highlight is None:
            line = enum_value(Qgis, "GeometryType.Line") if hasattr(Qgis, "GeometryType") else \
                QgsWkbTypes.GeometryType.LineGeometry
            self.highlight = QgsRubberBand(canvas, line)
            self.highlight.setColor(QColor(230, 85, 13, 230))
            self.highlight.setWidth(4)
            self.highlight.setLineStyle(enum_value(Qt, "PenStyle.DashLine", "DashLine"))
        self.highlight.setToGeometry(QgsGeometry.fromPolylineXY([supplier, receiver]), None)
        self.highlight.show()

    def clear_highlight(self):
        if self.highlight is not None:
            self.highlight.hide()
            scene = self.highlight.scene()
            if scene is not None:
                scene.removeItem(self.highlight)
            self.highlight = None

    # --- the advisor's decisions ------------------------------------------------------------------
    def _after_decision(self):
        link = self.current()
        if link is not None:
            self.links = [other for other in self.links
                          if (other.offer.uid, other.need.uid) != (link.offer.uid, link.need.uid)]
        self.fill()

    def promote(self):
        link = self.current()
        if link is None or self._refused_read_only():
            return None
        try:
            uid = editing.promote_link(self.dock.layers, link.offer.uid, link.need.uid,
                                       translate_message(link.reason), author=self.dock.author)
        except TerritorialFluxError as error:
            self.message.setText(error_text(error))
            return None
        self.message.setText("")
        self._after_decision()
        self.dock.show_created(uid)
        return uid

    def reject(self, reason=None):
        link = self.current()
        if link is None or self._refused_read_only():
            return None
        if reason is None:
            reason, ok = QInputDialog.getText(self, tr("Reject this possible link"),
                                              tr("Why does this link not work? (required; it will not be proposed again)"))
            if not ok:
                return None
        try:
            editing.review_link(self.dock.layers, link.offer.uid, link.need.uid, "rejected", reason,
                                author=self.dock.author)
        except TerritorialFluxError as error:
            self.message.setText(error_text(error))
            return None
        self.message.setText("")
        self._after_decision()
        return True

    def skip(self):
        row = self.table.currentRow() if self.table.selectedItems() else -1
        if self.table.rowCount():
            self.table.selectRow((row + 1) % self.table.rowCount())
