"""Volume and progress charts: weekly sets against landmark bands, this week at a glance, and
per-exercise progress (e1RM, heaviest set, volume load, PRs).

pyqtgraph (with numpy, ~0.5 s of imports) is imported the first time the page is shown, never at
import time, so the main window appears without it. Each chart's plot items are created once and
then only fed with setOpts/setData/setRegion. All numbers come from models.charts.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPoint, QRect, QSignalBlocker, Qt, Signal
from PySide6.QtGui import (
    QPainter,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.charts import (
    RANGE_KEYS,
    RANGE_LABELS,
    RULE_TITLES,
    ProgressSeries,
    VolumeHistory,
    combined_landmarks,
    exercise_progress,
    glance_rows,
    load_volume_history,
    search_exercises_with_history,
    time_range_bounds,
    volume_bars,
    volume_title,
)
from models.library import get_exercise
from models.rules.domain import (
    MUSCLE_GROUPS,
    Landmarks,
)
from models.volume import week_start_of, weekly_volume
from ui.charts.chart_plots import (
    PLANNED_LEGEND,
    GlanceChart,
    VolumeChart,
    load_pyqtgraph,
    match_palette,
    status_legend,
)
from ui.charts.progress_plot import ProgressChart
from ui.domain_text import group_name
from ui.locale_text import QT_TRANSLATE_NOOP, day_month, translate
from ui.theme import follow_theme, theme_signals

# The page's texts are translated where they are shown (self.tr(CHART_TITLES[key])…).
CHART_KEYS = ("volume", "glance", "progress")
CHART_TITLES = {"volume": QT_TRANSLATE_NOOP("ChartsPage", "Weekly volume"),
                "glance": QT_TRANSLATE_NOOP("ChartsPage", "This week"),
                "progress": QT_TRANSLATE_NOOP("ChartsPage", "Progress")}
RULE_NAMES = {"fractional": QT_TRANSLATE_NOOP("ChartsPage", "Fractional (secondary ½)"),
              "direct": QT_TRANSLATE_NOOP("ChartsPage", "Direct only (secondary 0)")}
# models.charts.RANGE_LABELS and RULE_TITLES, word for word, to be translated.
RANGE_NAMES = {"mesocycle": QT_TRANSLATE_NOOP("ChartsPage", "Current mesocycle"),
               "3m": QT_TRANSLATE_NOOP("ChartsPage", "3 months"),
               "1y": QT_TRANSLATE_NOOP("ChartsPage", "1 year"),
               "all": QT_TRANSLATE_NOOP("ChartsPage", "All")}
RULE_TITLE_NAMES = {"fractional": QT_TRANSLATE_NOOP("ChartsPage", "fractional: secondary ½"),
                    "direct": QT_TRANSLATE_NOOP("ChartsPage", "direct only: secondary 0")}
SEVERAL = "several"

EMPTY_VOLUME = QT_TRANSLATE_NOOP(
    "ChartsPage", "No sets logged in this range yet — log a session to see your weekly volume.")
EMPTY_GLANCE = QT_TRANSLATE_NOOP(
    "ChartsPage", "No sets logged this week yet — log a session to see where each muscle "
                  "stands.")
EMPTY_PROGRESS = QT_TRANSLATE_NOOP(
    "ChartsPage", "No loaded working sets for this exercise in this range yet — log one to see "
                  "your estimated 1RM.")
NO_EXERCISE = QT_TRANSLATE_NOOP(
    "ChartsPage", "Log a session, then pick an exercise above to see its progress.")


class ChartsPage(QWidget):
    """Three charts in tabs, with a shared time range and counting rule.

    Signals: chart_changed(str) — the key ("volume", "glance", "progress") of the chart shown.
    """

    chart_changed = Signal(str)

    def __init__(self, store, parent: QWidget | None = None, *,
                 today: Callable[[], date] = date.today):
        super().__init__(parent)
        self.setObjectName("chartsPage")
        self._store = store
        self._today = today
        self._groups: list[str] = [MUSCLE_GROUPS[0]]
        self._range = "mesocycle"
        self._rule = store.settings.secondary_rule
        self._exercise: tuple[int, str] | None = None
        self._charts: dict[str, object] = {}
        self._stale = set(CHART_KEYS)
        self._histories: dict[str, VolumeHistory] = {}
        self._landmarks = None
        self._build()
        store.sessions_changed.connect(self._data_changed)
        store.exercises_changed.connect(self._data_changed)
        store.landmarks_changed.connect(self._landmarks_changed)
        store.settings_changed.connect(self._settings_changed)
        theme_signals().changed.connect(self._theme_changed)

    # building (Qt only; the plots come in _chart())

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(self._build_controls())
        self.tabs = QTabWidget(objectName="chartTabs")
        self._holders: dict[str, QGridLayout] = {}
        self.empty_labels: dict[str, QLabel] = {}
        self.legends: dict[str, QLabel] = {}
        self._planned_legends: dict[str, str] = {}  # each legend's last part: how a plan looks
        self.tabs.addTab(self._build_volume_tab(), self.tr(CHART_TITLES["volume"]))
        glance = self._tab_with_holder("glance", legend=self.tr("<b>|</b>&nbsp;planned"))
        self.tabs.addTab(glance, self.tr(CHART_TITLES["glance"]))
        self.tabs.addTab(self._build_progress_tab(), self.tr(CHART_TITLES["progress"]))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs, 1)
        self._tab_changed(0)

    def _build_controls(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.range_combo = QComboBox(objectName="rangeCombo")
        for key in RANGE_KEYS:
            self.range_combo.addItem(self.tr(RANGE_NAMES.get(key, RANGE_LABELS[key])), key)
        self.range_combo.currentIndexChanged.connect(
            lambda: self.set_range(self.range_combo.currentData()))
        self.rule_combo = QComboBox(objectName="ruleCombo")
        for key, text in RULE_NAMES.items():
            self.rule_combo.addItem(self.tr(text), key)
        self.rule_combo.setCurrentIndex(self.rule_combo.findData(self._rule))
        self.rule_combo.currentIndexChanged.connect(
            lambda: self.set_rule(self.rule_combo.currentData()))
        for text, combo in ((self.tr("Time range"), self.range_combo),
                            (self.tr("Counting rule"), self.rule_combo)):
            label = QLabel(text)
            label.setBuddy(combo)
            row.addWidget(label)
            row.addWidget(combo)
            row.addSpacing(12)
        row.addStretch()
        return row

    def _tab_with_holder(self, key: str, *, legend: str | None,
                         top: QWidget | None = None) -> QWidget:
        """A tab whose grid cell will hold the chart, with its empty-state note in a strip
        above it: laid over the chart it would hide what there is (planned sets, the bands)."""
        tab = QWidget()
        column = QVBoxLayout(tab)
        column.setContentsMargins(4, 4, 4, 4)
        if top is not None:
            column.addWidget(top)
        empty = QLabel(objectName=f"{key}EmptyState", wordWrap=True)
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setStyleSheet("background: palette(window); border: 1px solid palette(mid); "
                            "border-radius: 4px; padding: 6px 14px;")
        empty.hide()
        column.addWidget(empty)
        holder = QGridLayout()
        column.addLayout(holder, 1)
        if legend:
            note = QLabel(objectName=f"{key}Legend", wordWrap=True)
            note.setStyleSheet("color: palette(placeholder-text);")
            column.addWidget(note)
            self.legends[key], self._planned_legends[key] = note, legend
            follow_theme(note, lambda: self._show_legend(key))
        self._holders[key], self.empty_labels[key] = holder, empty
        return tab

    def _build_volume_tab(self) -> QWidget:
        picker = QWidget()
        row = QHBoxLayout(picker)
        row.setContentsMargins(0, 0, 0, 0)
        self.group_combo = QComboBox(objectName="groupCombo")
        for group in MUSCLE_GROUPS:
            self.group_combo.addItem(group_name(group), group)
        self.group_combo.addItem(self.tr("Several groups…"), SEVERAL)
        self.group_combo.activated.connect(self._group_combo_activated)
        self.group_list = QListWidget(objectName="groupList")
        self.group_list.setFlow(QListWidget.Flow.LeftToRight)
        self.group_list.setWrapping(True)
        self.group_list.setFixedHeight(64)
        for group in MUSCLE_GROUPS:
            item = QListWidgetItem(group_name(group))
            item.setData(Qt.ItemDataRole.UserRole, group)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.group_list.addItem(item)
        self.group_list.itemChanged.connect(self._group_list_changed)
        self.group_list.hide()
        label = QLabel(self.tr("Muscle group"))
        label.setBuddy(self.group_combo)
        row.addWidget(label)
        row.addWidget(self.group_combo)
        row.addWidget(self.group_list, 1)
        row.addStretch()
        return self._tab_with_holder("volume", legend=translate("Charts", PLANNED_LEGEND[False]),
                                     top=picker)

    def _build_progress_tab(self) -> QWidget:
        self.exercise_search = QLineEdit(objectName="exerciseSearch", clearButtonEnabled=True)
        self.exercise_search.setPlaceholderText(self.tr("Search the exercises you have logged…"))
        self._exercise_model = QStandardItemModel(self)
        completer = QCompleter(self._exercise_model, self)
        # The SQL search (names and aliases) filters; the completer only shows its answer.
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCompletionRole(Qt.ItemDataRole.UserRole + 1)
        completer.activated[QModelIndex].connect(self._exercise_picked)
        self.exercise_search.setCompleter(completer)
        self.exercise_search.textEdited.connect(self._search_edited)
        self.exercise_search.returnPressed.connect(self._search_return)
        return self._tab_with_holder("progress", legend=None, top=self.exercise_search)

    def _chart(self, key: str):
        """The chart's plot object, built (and pyqtgraph imported) on first need."""
        if key not in self._charts:
            pg = load_pyqtgraph()
            chart = {"volume": VolumeChart, "glance": GlanceChart,
                     "progress": ProgressChart}[key](pg)
            self._holders[key].addWidget(chart.widget, 0, 0)
            chart.widget.show()  # a layout shows a child added to a visible parent only later
            self._charts[key] = chart
            self._stale.add(key)
        return self._charts[key]

    # public API

    def current_chart(self) -> str:
        return CHART_KEYS[self.tabs.currentIndex()]

    def show_chart(self, key: str) -> None:
        self.tabs.setCurrentIndex(CHART_KEYS.index(key))

    def show_group(self, groups: list[str]) -> None:
        """Chart the weekly sets of one group, or several summed, on the volume tab."""
        unknown = [g for g in groups if g not in MUSCLE_GROUPS]
        if not groups or unknown:
            raise ValueError(f"muscle groups {unknown or groups!r} are not in {MUSCLE_GROUPS}")
        self._groups = [g for g in MUSCLE_GROUPS if g in groups]
        self._sync_group_picker()
        self.show_chart("volume")
        self._changed("volume")

    def set_range(self, key: str) -> None:
        if key not in RANGE_KEYS:
            raise ValueError(f"time range {key!r} is not one of {list(RANGE_KEYS)}")
        self._range = key
        _select_data(self.range_combo, key)
        self._changed("volume", "progress")

    def set_rule(self, rule: str) -> None:
        if rule not in RULE_TITLES:
            raise ValueError(f"counting rule {rule!r} is not one of {list(RULE_TITLES)}")
        self._rule = rule
        _select_data(self.rule_combo, rule)
        self._changed("volume", "glance")

    def show_exercise(self, exercise_id: int) -> None:
        """Chart one exercise's progress on the progress tab."""
        self._exercise = (exercise_id, get_exercise(exercise_id).name)
        self.exercise_search.setText(self._exercise[1])
        self.show_chart("progress")
        self._changed("progress")

    def export_current(self, path: Path) -> None:
        """Write the chart shown as PNG or SVG, chosen by the file's suffix."""
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix not in (".png", ".svg"):
            if path.suffix:
                text = self.tr("cannot export a chart as {suffix}; use .png or .svg")
            else:
                text = self.tr("cannot export a chart as a file without suffix; use .png or .svg")
            raise ValueError(text.format(suffix=path.suffix))
        chart = self._fresh(self.current_chart())
        if suffix == ".png":
            from pyqtgraph.exporters import ImageExporter

            target = chart.widget.scene() if isinstance(chart, ProgressChart) else chart.plot
            # At the size shown: scaling up enlarges axes and lines but not the legend's text.
            ImageExporter(target).export(str(path))
        else:
            _write_svg(chart.widget, path, self.tabs.tabText(self.tabs.currentIndex()))

    def export_with_dialog(self) -> None:
        """File ▸ Export chart…: ask for a file, write it, report a failure."""
        name = f"overload-{self.current_chart()}-{self._today().isoformat()}.png"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export chart"), name,
            self.tr("PNG image (*.png);;SVG image (*.svg)"))
        if not path:
            return
        try:
            self.export_current(Path(path))
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Export chart"),
                                self.tr("The chart was not exported: {error}").format(error=exc))

    def drawn(self, key: str):
        """The chart `key` as it is on screen: redrawn first if the data changed since."""
        return self._fresh(key)

    # refreshing

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._refresh_current()

    def _changed(self, *keys: str) -> None:
        self._stale.update(keys)
        if self.isVisible():
            self._refresh_current()

    def _refresh_current(self) -> None:
        self._fresh(self.current_chart())

    def _fresh(self, key: str):
        chart = self._chart(key)
        if key in self._stale:
            self._stale.discard(key)
            {"volume": self._refresh_volume, "glance": self._refresh_glance,
             "progress": self._refresh_progress}[key](chart)
        return chart

    def _tab_changed(self, index: int) -> None:
        key = CHART_KEYS[index]
        # Only the controls that change the chart shown are enabled.
        self.range_combo.setEnabled(key != "glance")
        self.rule_combo.setEnabled(key != "progress")
        if self.isVisible():
            self._refresh_current()
        self.chart_changed.emit(key)

    def _data_changed(self) -> None:
        self._histories.clear()
        self._changed(*CHART_KEYS)

    def _show_legend(self, key: str) -> None:
        """The statuses in the theme's colours, then how the chart draws a plan."""
        legend = status_legend(self._planned_legends[key])
        if self.legends[key].text() != legend:
            self.legends[key].setText(legend)

    def _theme_changed(self) -> None:
        """Every chart in the theme's colours; the bars and bands are drawn again in them."""
        match_palette()
        for chart in self._charts.values():
            chart.restyle()
        self._changed(*CHART_KEYS)

    def _landmarks_changed(self) -> None:
        self._landmarks = None
        self._changed("volume", "glance")

    def _settings_changed(self) -> None:
        # The counting rule follows the user's setting; week start and units change every chart.
        self._rule = self._store.settings.secondary_rule
        _select_data(self.rule_combo, self._rule)
        self._data_changed()

    def _current_landmarks(self) -> dict[str, Landmarks]:
        if self._landmarks is None:
            self._landmarks = self._store.landmarks()
        return self._landmarks

    def _volume_history(self, since: date, until: date) -> VolumeHistory:
        """The cached history for the rule when it covers the range; else load, widening the
        cached span, so that switching group or range afterwards is a slice, not a query."""
        week_start = self._store.settings.week_start
        cached = self._histories.get(self._rule)
        if cached is not None and cached.covers(since, until):
            return cached
        if cached is not None:
            since, until = min(since, cached.since), max(until, cached.until)
        history = load_volume_history(self._rule, week_start, since, until)
        self._histories[self._rule] = history
        return history

    def _refresh_volume(self, chart: VolumeChart) -> None:
        since, until = time_range_bounds(self._range, self._today())
        series = self._volume_history(since, until).series(self._groups, since, until)
        bars = volume_bars(series, self._today())
        lm = combined_landmarks(self._groups, self._current_landmarks())
        chart.update(bars, lm, volume_title(self._groups, self._rule, monthly=bars.monthly))
        self._planned_legends["volume"] = translate("Charts", PLANNED_LEGEND[bars.monthly])
        self._show_legend("volume")
        self._set_empty("volume", None if series.has_done else self.tr(EMPTY_VOLUME))

    def _refresh_glance(self, chart: GlanceChart) -> None:
        settings = self._store.settings
        week = week_start_of(self._today(), settings.week_start)
        done = weekly_volume(week, self._rule, week_start=settings.week_start)
        planned = weekly_volume(week, self._rule, planned=True, week_start=settings.week_start)
        rows = glance_rows(done, self._current_landmarks(), planned)
        end = week + timedelta(days=6)
        rule = RULE_TITLE_NAMES.get(self._rule, RULE_TITLES[self._rule])
        chart.update(rows, self.tr("This week, {first} – {last} — sets vs landmarks ({rule})")
                     .format(first=day_month(week), last=day_month(end), rule=self.tr(rule)))
        self._set_empty("glance", None if any(done.values()) else self.tr(EMPTY_GLANCE))

    def _refresh_progress(self, chart: ProgressChart) -> None:
        if self._exercise is None:
            self._exercise = self._default_exercise()
        since, until = time_range_bounds(self._range, self._today())
        if self._exercise is None:
            since = min(since, time_range_bounds("3m", self._today())[0])  # not one empty day
            chart.update(ProgressSeries(0, (), (), (), (), ()), self.tr("Progress"), since, until,
                         self._store.settings.week_start)
            self._set_empty("progress", self.tr(NO_EXERCISE))
            return
        exercise_id, name = self._exercise
        series = exercise_progress(exercise_id, since, until).in_unit(self._store.settings.units)
        chart.update(series, name, since, until, self._store.settings.week_start)
        self._set_empty("progress", self.tr(EMPTY_PROGRESS) if series.is_empty else None)

    def _default_exercise(self) -> tuple[int, str] | None:
        """The most trained exercise, so the tab opens on something worth seeing."""
        found = search_exercises_with_history("")
        if not found:
            return None
        self.exercise_search.setText(found[0][1])
        return found[0][0], found[0][1]

    def _set_empty(self, key: str, text: str | None) -> None:
        self.empty_labels[key].setText(text or "")
        self.empty_labels[key].setVisible(text is not None)

    # controls

    def _sync_group_picker(self) -> None:
        several = len(self._groups) > 1
        _select_data(self.group_combo, SEVERAL if several else self._groups[0])
        self.group_list.setVisible(several)
        self._check_listed_groups()

    def _group_combo_activated(self) -> None:
        key = self.group_combo.currentData()
        if key == SEVERAL:
            self.group_list.show()
            self._check_listed_groups()
        else:
            self.show_group([key])

    def _check_listed_groups(self) -> None:
        with QSignalBlocker(self.group_list):
            for row in range(self.group_list.count()):
                item = self.group_list.item(row)
                checked = item.data(Qt.ItemDataRole.UserRole) in self._groups
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _group_list_changed(self) -> None:
        checked = [self.group_list.item(row).data(Qt.ItemDataRole.UserRole)
                   for row in range(self.group_list.count())
                   if self.group_list.item(row).checkState() == Qt.CheckState.Checked]
        if checked:
            self._groups = [g for g in MUSCLE_GROUPS if g in checked]
            self._changed("volume")

    def _search_edited(self, text: str) -> None:
        self._exercise_model.clear()
        for exercise_id, name, sessions in search_exercises_with_history(text)[:50]:
            item = QStandardItem(self.tr("{name}  ·  {sessions} sessions").format(
                name=name, sessions=sessions))
            item.setData(exercise_id, Qt.ItemDataRole.UserRole)
            item.setData(name, Qt.ItemDataRole.UserRole + 1)
            self._exercise_model.appendRow(item)
        self.exercise_search.completer().complete()

    def _exercise_picked(self, index: QModelIndex) -> None:
        self.show_exercise(int(index.data(Qt.ItemDataRole.UserRole)))

    def _search_return(self) -> None:
        found = search_exercises_with_history(self.exercise_search.text())
        if found:
            self.show_exercise(found[0][0])


def _write_svg(widget: QWidget, path: Path, title: str) -> None:
    """Paint the chart into an SVG file. pyqtgraph 0.14's SVGExporter cannot parse the closed
    paths ('… Z') Qt 6.11 and later write and raises ValueError (pyqtgraph issue #3495), so Qt's own
    generator draws it; the result is vector graphics with real text."""
    from PySide6.QtSvg import QSvgGenerator  # only needed here

    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(widget.size())
    generator.setViewBox(QRect(QPoint(0, 0), widget.size()))
    generator.setTitle(translate("ChartsPage", "Overload — {title}").format(title=title))

    generator.setResolution(widget.logicalDpiX())
    painter = QPainter(generator)
    try:
        widget.render(painter)
    finally:
        painter.end()
    if not path.exists():
        raise OSError(f"could not write {path}")


def _select_data(combo: QComboBox, data) -> None:
    """Show `data` in the combo without echoing the change back through its signals."""
    with QSignalBlocker(combo):
        combo.setCurrentIndex(combo.findData(data))
