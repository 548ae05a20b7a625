"""The dashboard: the territory's indicators for the open workspace, live, with the synergy
pipeline drawn by Qt. The same figures as ``territorialflux:report`` (``domain.indicators``),
for a period and an audience chosen in the dock."""

import datetime

from qgis.PyQt.QtCore import QDate, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QPainter
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.vocabulary import CONFIDENTIALITY_LEVELS, SYNERGY_STATUSES
from ..reporting import labels
from ..toolbelt.compat import enum_value
from ..toolbelt.i18n import error_text, language, tr, vocabulary_label
from .widgets import message_label
from .workspace_dock import WorkspaceDock

STATUS_COLOURS = {"idea": "#c6dbef", "contacted": "#9ecae1", "studying": "#6baed6", "implementing": "#3182bd",
                  "operating": "#08519c", "abandoned": "#bdbdbd"}


class PipelineChart(QWidget):
    """Synergies per status as bars, drawn with QPainter."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("pipelineChart")
        self.counts = {}
        self.setMinimumHeight(120)

    def sizeHint(self):  # noqa: N802
        return QSize(280, 140)

    def set_counts(self, counts):
        self.counts = dict(counts)
        self.update()

    def paintEvent(self, _event):  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(enum_value(QPainter, "RenderHint.Antialiasing", "Antialiasing"))
        statuses = list(SYNERGY_STATUSES)
        width, height = self.width(), self.height()
        label_height, top = 16, 14
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 0.85)
        painter.setFont(font)
        slot = width / float(len(statuses))
        largest = max(list(self.counts.values()) + [1])
        for index, status in enumerate(statuses):
            count = self.counts.get(status, 0)
            bar = (height - label_height - top) * count / float(largest)
            rect = QRectF(index * slot + slot * 0.15, height - label_height - bar, slot * 0.7, bar)
            painter.fillRect(rect, QColor(STATUS_COLOURS[status]))
            painter.drawText(QRectF(index * slot, height - label_height - bar - top, slot, top),
                             enum_value(Qt, "AlignmentFlag.AlignCenter", "AlignCenter"), str(count))
            label = painter.fontMetrics().elidedText(vocabulary_label(SYNERGY_STATUSES[status]),
                                                     enum_value(Qt, "TextElideMode.ElideRight", "ElideRight"),
                                                     int(slot) - 2)
            painter.drawText(QRectF(index * slot, height - label_height, slot, label_height),
                             enum_value(Qt, "AlignmentFlag.AlignCenter", "AlignCenter"), label)
        painter.end()


class DashboardDock(WorkspaceDock):
    """The indicators of the open workspace, recomputed whenever a watched layer is saved."""

    WATCHED_TABLES = ("companies", "flows", "synergies", "synergy_events", "link_reviews", "emission_factors")

    def __init__(self, iface, parent=None):
        super().__init__(tr("Territorial Flux — dashboard"), parent)
        self.setObjectName("TerritorialFluxDashboard")
        self.iface = iface
        self.report = None
        body = QWidget()
        layout = QVBoxLayout(body)
        form = QFormLayout()
        today = datetime.date.today()
        period = QHBoxLayout()
        self.date_from = self._date(today.replace(month=1, day=1), "dashboardFrom")
        self.date_to = self._date(today, "dashboardTo")
        period.addWidget(self.date_from)
        period.addWidget(QLabel("→"))
        period.addWidget(self.date_to)
        form.addRow(tr("Period"), period)
        self.level = QComboBox()
        self.level.setObjectName("dashboardLevel")
        for key, label in CONFIDENTIALITY_LEVELS.items():
            self.level.addItem(vocabulary_label(label), key)
        self.level.setCurrentIndex(self.level.findData("internal"))
        self.level.currentIndexChanged.connect(self.refresh_all)
        form.addRow(tr("Audience may see up to"), self.level)
        layout.addLayout(form)
        self.chart = PipelineChart()
        layout.addWidget(self.chart)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("dashboardIndicators")
        self.table.setHorizontalHeaderLabels([tr("Indicator"), tr("Value")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, enum_value(QHeaderView, "ResizeMode.Stretch", "Stretch"))
        self.table.setEditTriggers(enum_value(QTableWidget, "EditTrigger.NoEditTriggers", "NoEditTriggers"))
        layout.addWidget(self.table)
        self.message = message_label("dashboardMessage")
        layout.addWidget(self.message)
        self.setWidget(body)
        self.follow_workspace()

    def _date(self, day, name):
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.dateChanged.connect(self.refresh_all)
        return edit

    def settings(self):
        from ..reporting.report import ReportSettings

        return ReportSettings("dashboard.xlsx", self.date_from.date().toString("yyyy-MM-dd"),
                              self.date_to.date().toString("yyyy-MM-dd"), self.level.currentData(), language())

    def refresh_all(self, *_args):
        from ..project.build import current_workspace
        from ..reporting.report import compute

        self.message.setText("")
        workspace = current_workspace() if self.layers else None
        if workspace is None:
            self.report = None
            self.table.setRowCount(0)
            self.chart.set_counts({})
            self.message.setText(tr("No workspace is open."))
            return
        settings = self.settings()
        if settings.date_from > settings.date_to:
            self.message.setText(tr("The period must start before it ends."))
            return
        try:
            self.report = compute(workspace, settings)
        except Exception as error:  # noqa: BLE001 - shown in the dock (a lost server, say)
            self.message.setText(error_text(error) if hasattr(error, "problems") else str(error))
            return
        shown = [i for i in self.report.indicators if i.value is not None]
        self.table.setRowCount(len(shown))
        for row, indicator in enumerate(shown):
            self.table.setItem(row, 0, QTableWidgetItem(labels.indicator(indicator.key)))
            value = labels.number(indicator.value, settings.language)
            unit = labels.unit(indicator.unit)
            item = QTableWidgetItem("{} {}".format(value, unit).strip() + (" *" if indicator.estimated else ""))
            item.setData(enum_value(Qt, "ItemDataRole.UserRole", "UserRole"), indicator.key)
            item.setTextAlignment(enum_value(Qt, "AlignmentFlag.AlignRight", "AlignRight")
                                  | enum_value(Qt, "AlignmentFlag.AlignVCenter", "AlignVCenter"))
            self.table.setItem(row, 1, item)
        self.chart.set_counts({s: self.value("synergies_" + s) for s in SYNERGY_STATUSES})

    def value(self, key):
        """The value shown for an indicator key (None when absent)."""
        if self.report is None:
            return None
        return next((i.value for i in self.report.indicators if i.key == key), None)
