"""The week's volume per muscle group against landmarks: gauges, numbers, status, rule named."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.rules.domain import MUSCLE_GROUPS, Status
from models.volume import (
    groups_in_range,
    iso_week_label,
    week_report,
    week_start_of,
    weekly_volume,
)
from ui.calendar.texts import week_title
from ui.domain_text import group_name, status_name
from ui.gauge import VolumeGauge
from ui.locale_text import QT_TRANSLATE_NOOP, number
from ui.sizing import HEADING, arrow_width, set_relative_font
from ui.theme import status_colour, status_colours, theme_signals

RULE_NAMES = {"fractional": QT_TRANSLATE_NOOP("WeekVolumePanel",
                                              "fractional (secondary muscles count ½ set)"),
              "direct": QT_TRANSLATE_NOOP("WeekVolumePanel",
                                          "direct only (secondary muscles count 0)")}


class WeekVolumePanel(QWidget):
    """Reads volume through models/ and redraws on every data change the store announces."""

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("weekVolumePanel")
        self._store = store
        self.week_start = week_start_of(date.today(), store.settings.week_start)
        self._gauges: dict[str, VolumeGauge] = {}
        self._numbers: dict[str, QLabel] = {}
        self._statuses: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_header())
        layout.addLayout(self._build_grid())
        self.summary = QLabel(objectName="weekSummary")
        self.rule_label = QLabel(objectName="ruleLabel")
        self.rule_label.setStyleSheet("color: palette(placeholder-text);")
        self.rule_label.setWordWrap(True)
        # One line each, never re-wrapped: a label whose height follows its text would re-lay
        # out (and repaint) the whole Plan page on every logged set.
        self.summary.setFixedHeight(self.fontMetrics().lineSpacing() + 2)
        self.legend = QLabel(objectName="statusLegend", wordWrap=True)
        layout.addWidget(self.summary)
        layout.addWidget(self.legend)
        layout.addWidget(self.rule_label)
        for signal in (store.sessions_changed, store.landmarks_changed, store.settings_changed,
                       store.exercises_changed):
            signal.connect(self.refresh)
        theme_signals().changed.connect(self.refresh)  # the dots and legend in the new colours
        self.refresh()

    def _build_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.title = QLabel(objectName="weekTitle")
        set_relative_font(self.title, HEADING, QFont.Weight.DemiBold)
        previous = QPushButton("◀", objectName="previousWeek", toolTip=self.tr("Previous week"))
        following = QPushButton("▶", objectName="nextWeek", toolTip=self.tr("Next week"))
        this_week = QPushButton(self.tr("This week"), objectName="thisWeek")
        for button in (previous, following):
            button.setFixedWidth(arrow_width(button))
        previous.clicked.connect(lambda: self.show_week(self.week_start - timedelta(days=7)))
        following.clicked.connect(lambda: self.show_week(self.week_start + timedelta(days=7)))
        this_week.clicked.connect(lambda: self.show_week(date.today()))
        row.addWidget(self.title, 1)
        row.addWidget(previous)
        row.addWidget(this_week)
        row.addWidget(following)
        return row

    def _build_grid(self) -> QGridLayout:
        """Two blocks of seven groups side by side, so the panel fits under the calendar."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        per_block = (len(MUSCLE_GROUPS) + 1) // 2
        for index, group in enumerate(MUSCLE_GROUPS):
            row, column = 1 + index % per_block, (index // per_block) * 5
            if row == 1:
                for offset, text in enumerate((self.tr("Muscle"), "", self.tr("Done / plan"),
                                               "")):
                    grid.addWidget(QLabel(f"<b>{text}</b>"), 0, column + offset)
            gauge = VolumeGauge()
            gauge.setObjectName(f"gauge_{group}")
            gauge.setMinimumWidth(60)
            number = QLabel(alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            # Fixed width: text that changes length would re-lay out the page on every set.
            number.setFixedWidth(self.fontMetrics().horizontalAdvance("88.5 / 88.5") + 8)
            status = QLabel()
            grid.addWidget(QLabel(group_name(group)), row, column)
            grid.addWidget(gauge, row, column + 1)
            grid.addWidget(number, row, column + 2)
            grid.addWidget(status, row, column + 3)
            self._gauges[group], self._numbers[group], self._statuses[group] = gauge, number, status
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(6, 1)
        grid.setColumnMinimumWidth(4, 16)
        return grid

    def gauge(self, group: str) -> VolumeGauge:
        return self._gauges[group]

    def show_week(self, day: date) -> None:
        self.week_start = week_start_of(day, self._store.settings.week_start)
        self.refresh()

    def refresh(self) -> None:
        settings = self._store.settings
        self.week_start = week_start_of(self.week_start, settings.week_start)
        rule = settings.secondary_rule
        done = weekly_volume(self.week_start, rule)
        planned = weekly_volume(self.week_start, rule, planned=True)
        report = week_report(done, self._store.landmarks())
        end = self.week_start + timedelta(days=6)
        self.title.setText(week_title(iso_week_label(self.week_start), self.week_start, end))
        for item in report:
            self._gauges[item.group].set_values(item.sets, item.landmarks, planned[item.group])
            self._numbers[item.group].setText(
                f"{number(item.sets)} / {number(planned[item.group])}")
            colour = status_colour(item.status).name()
            # A dot, its word in the tooltip and the legend: the panel has to fit beside docks.
            self._statuses[item.group].setText(f"<span style='color:{colour}'>●</span>")
            tip = f"{group_name(item.group)}: {self._gauges[item.group].describe()}"
            for widget in (self._statuses[item.group], self._numbers[item.group]):
                widget.setToolTip(tip)
        inside = groups_in_range(done, self._store.landmarks())
        self.summary.setText(self.tr("{inside} of {total} muscle groups between MEV and MRV "
                                     "(done).").format(inside=inside, total=len(report)))
        self.rule_label.setText(self.tr("Counting rule: {rule}. Warm-up sets never count.")
                                .format(rule=self.tr(RULE_NAMES[rule])))
        self.legend.setText(legend())


def legend() -> str:
    """The statuses and their dots, in the theme's colours."""
    return "  ".join(f"<span style='color:{colour.name()}'>●</span> {status_name(Status(status))}"
                     for status, colour in status_colours().items())

