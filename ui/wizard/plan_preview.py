"""What a plan will do to each muscle: live gauges, the week-by-week table, the warnings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.rules.domain import MUSCLE_GROUPS, Landmarks, volume_status
from models.rules.generator import Plan
from ui.domain_text import group_name, status_name
from ui.gauge import VolumeGauge
from ui.locale_text import number, translate
from ui.sizing import text_width
from ui.theme import Tone, follow_theme, status_colour, tone

StatusRole = Qt.ItemDataRole.UserRole  # a table cell's status, for its colour


class PlanGauges(QWidget):
    """One gauge per group for the first and the peak week of a plan, counted under the plan's
    rule (fractional: a row gives the biceps half a set)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("planGauges")
        self._gauges: dict[str, VolumeGauge] = {}
        self._numbers: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 0)
        self.title = QLabel(self.tr("<b>Weekly sets per muscle</b>"))
        layout.addWidget(self.title)
        grid = QGridLayout()
        grid.setVerticalSpacing(3)
        for row, group in enumerate(MUSCLE_GROUPS):
            gauge = VolumeGauge()
            gauge.setObjectName(f"planGauge_{group}")
            gauge.setMinimumWidth(16 * gauge.fontMetrics().averageCharWidth())
            number = QLabel(alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            number.setMinimumWidth(text_width(number.font(), "18.5 → 18.5"))
            grid.addWidget(QLabel(group_name(group)), row, 0)
            grid.addWidget(gauge, row, 1)
            grid.addWidget(number, row, 2)
            self._gauges[group], self._numbers[group] = gauge, number
        layout.addLayout(grid)
        self.legend = QLabel(wordWrap=True)
        self.legend.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.legend)
        layout.addStretch()

    def gauge(self, group: str) -> VolumeGauge:
        return self._gauges[group]

    def show_plan(self, plan: Plan, landmarks: dict[str, Landmarks]) -> None:
        first, peak = plan.weeks[0], plan.peak_week
        for group in MUSCLE_GROUPS:
            start = first.counted_per_muscle.get(group, 0)
            end = peak.counted_per_muscle.get(group, 0)
            self._gauges[group].set_values(end, landmarks[group], planned=start)
            self._numbers[group].setText(f"{number(start)} → {number(end)}" if start != end
                                         else number(end))
        if plan.rule == "fractional":
            legend = self.tr("Bar: week {week} (peak); tick: week 1. Counted fractional: primary "
                             "sets plus half a set for each secondary muscle, against your "
                             "landmarks.")
        else:
            legend = self.tr("Bar: week {week} (peak); tick: week 1. Counted direct: sets on the "
                             "primary muscle only, against your landmarks.")
        self.legend.setText(legend.format(week=peak.number))


class PlanTable(QTableWidget):
    """Rows are muscle groups, columns are weeks; each cell coloured by its status."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(len(MUSCLE_GROUPS), 0, parent)
        self.setTabKeyNavigation(False)  # one Tab stop; the arrows move inside
        self.setObjectName("planTable")
        self.setVerticalHeaderLabels([group_name(g) for g in MUSCLE_GROUPS])
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.horizontalHeader().setDefaultSectionSize(
            text_width(self.font(), "Week 10", "Deload", padding=16))
        follow_theme(self, self._colour_cells)

    def show_plan(self, plan: Plan, landmarks: dict[str, Landmarks]) -> None:
        self.setColumnCount(len(plan.weeks))
        self.setHorizontalHeaderLabels(
            [self.tr("Deload\nRIR {rir}").format(rir=w.rir) if w.deload
             else self.tr("Week {week}\nRIR {rir}").format(week=w.number, rir=w.rir)
             for w in plan.weeks])
        for column, week in enumerate(plan.weeks):
            for row, group in enumerate(MUSCLE_GROUPS):
                self.setItem(row, column, self._cell(week.counted_per_muscle.get(group, 0),
                                                     landmarks[group], plan.rule))

    @staticmethod
    def _cell(sets: float, landmarks: Landmarks, rule: str) -> QTableWidgetItem:
        item = QTableWidgetItem(number(sets) if sets else "–")
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        status = volume_status(sets, landmarks)
        item.setData(StatusRole, status.value)
        _colour_cell(item)
        if rule == "fractional":
            tip = translate("PlanTable", "{sets} sets (counted fractional): {status}")
        else:
            tip = translate("PlanTable", "{sets} sets (counted direct): {status}")
        item.setToolTip(tip.format(sets=number(sets), status=status_name(status)))
        return item

    def _colour_cells(self) -> None:
        for row in range(self.rowCount()):
            for column in range(self.columnCount()):
                item = self.item(row, column)
                if item is not None:
                    _colour_cell(item)


def _colour_cell(item: QTableWidgetItem) -> None:
    colour = status_colour(item.data(StatusRole))
    colour.setAlpha(70)
    item.setBackground(QBrush(colour))


class PlanWarnings(QListWidget):
    """Every rule the plan could not keep, or a line saying it keeps them all."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("planWarnings")
        self.setWordWrap(True)
        follow_theme(self, self._colour_warnings)

    def show_plan(self, plan: Plan) -> None:
        self.clear()
        if not plan.warnings:
            self.addItem(QListWidgetItem(self.tr("✓ The plan keeps every rule: grown muscles "
                                                 "ramp from MEV, 48 hours between sessions for a "
                                                 "muscle, 2–4 sessions a week, rows and "
                                                 "pulldowns, every session within its budget.")))

            return
        for warning in plan.warnings:
            # The budget's choices (what grows, what is maintained) are the plan's decisions,
            # not broken rules: they read as information.
            glyph = "ℹ" if warning.rule == "budget" else "⚠"
            item = QListWidgetItem(f"{glyph} {warning.message}")
            item.setData(Qt.ItemDataRole.UserRole, warning.rule)
            self.addItem(item)
        self._colour_warnings()

    def _colour_warnings(self) -> None:
        for index in range(self.count()):
            item = self.item(index)
            if item.data(Qt.ItemDataRole.UserRole):
                item.setForeground(QBrush(tone(Tone.WARNING)))

    def rules(self) -> list[str]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())
                if self.item(i).data(Qt.ItemDataRole.UserRole)]
