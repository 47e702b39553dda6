"""Volume and progress charts: weekly sets against landmark bands, this week at a glance, and
per-exercise progress (e1RM, heaviest set, volume load, PRs).

pyqtgraph (with numpy, ~0.5 s of imports) is imported the first time the page is shown, never at
import time, so the main window appears without it. Each chart's plot items are created once and
then only fed with setOpts/setData/setRegion. All numbers come from models.charts.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPoint, QRect, QSignalBlocker, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetrics,
    QPainter,
    QPalette,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QApplication,
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
    GlanceRow,
    ProgressSeries,
    VolumeHistory,
    VolumeSeries,
    combined_landmarks,
    exercise_progress,
    glance_rows,
    load_volume_history,
    search_exercises_with_history,
    time_range_bounds,
    volume_title,
    week_label,
)
from models.library import get_exercise
from models.rules.domain import (
    MUSCLE_GROUPS,
    STATUS_COLOURS,
    Landmarks,
    Status,
    group_label,
    landmark_bands,
    volume_status,
)
from models.volume import week_start_of, weekly_volume

CHART_KEYS = ("volume", "glance", "progress")
CHART_TITLES = {"volume": "Weekly volume", "glance": "This week", "progress": "Progress"}
RULE_NAMES = {"fractional": "Fractional (secondary ½)", "direct": "Direct only (secondary 0)"}
SEVERAL = "several"

EMPTY_VOLUME = "No sets logged in this range yet — log a session to see your weekly volume."
EMPTY_GLANCE = "No sets logged this week yet — log a session to see where each muscle stands."
EMPTY_PROGRESS = ("No loaded working sets for this exercise in this range yet — log one to see "
                  "your estimated 1RM.")
NO_EXERCISE = "Log a session, then pick an exercise above to see its progress."

DAY = 86400.0
WEEK = 7 * DAY
BAND_ALPHA = 60
WEEK_LABELS_MAX = 30
PR_COLOUR = "#e0a526"
E1RM_COLOUR = "#2e6fbd"

_pg = None


def load_pyqtgraph():
    """Import pyqtgraph on first use and match its colours to the application palette.

    The page calls it when a chart is first needed. The import costs ~0.25–0.5 s (mostly
    pyqtgraph.Qt mirroring every PySide6 enum); a caller that wants the first show fast could
    call this at idle time once the main window is up (bench/bench_charts.py measures both)."""
    global _pg
    if _pg is None:
        import pyqtgraph

        palette = QApplication.palette()
        pyqtgraph.setConfigOptions(
            # Bars and bands are axis-aligned rectangles: antialiasing only blurs their edges
            # and costs a fifth of each redraw. The progress curves turn it on for themselves.
            antialias=False,
            background=palette.color(QPalette.ColorRole.Base),
            foreground=palette.color(QPalette.ColorRole.Text))
        _pg = pyqtgraph
    return _pg


def preload_in_background() -> threading.Thread:
    """Import pyqtgraph (and numpy) on a worker thread while the app is idle, so the first chart
    shows in ~50 ms instead of ~300. Only the import runs there: Python's import lock makes a
    chart opened meanwhile wait for it, and every Qt object is still made on the GUI thread by
    load_pyqtgraph(). Called once the main window holds its data, never before it appears."""
    thread = threading.Thread(target=_import_pyqtgraph, name="pyqtgraph-preload", daemon=True)
    thread.start()
    return thread


def _import_pyqtgraph() -> None:
    import pyqtgraph  # noqa: F401 — the import is the point


def _timestamp(day: date) -> float:
    """Local midnight as seconds since the epoch: what pg.DateAxisItem labels as `day`."""
    return datetime(day.year, day.month, day.day).timestamp()


def _translucent(colour: str, alpha: int = BAND_ALPHA) -> QColor:
    result = QColor(colour)
    result.setAlpha(alpha)
    return result


# Ready-made brushes: BarGraphItem would otherwise build one per bar from a colour name.
STATUS_BRUSHES = {status: QBrush(QColor(colour)) for status, colour in STATUS_COLOURS.items()}


def _status_legend(planned: str) -> str:
    parts = [f"<span style='color:{STATUS_COLOURS[s]}'>■</span>&nbsp;{s.value}" for s in Status]
    return " &nbsp; ".join([*parts, planned])


# --- the three charts: plain objects owning their pyqtgraph widget -------------------------------

class _Chart:
    """What the charts share: a pyqtgraph PlotItem `plot` whose axes' ticks are set sparingly."""

    def __init__(self, plot):
        self.plot = plot
        self._ticks: dict[str, object] = {}

    def set_ticks(self, side: str, ticks) -> None:
        """Set an axis's ticks only when they change: new ticks make it redraw all its text."""
        if side not in self._ticks or self._ticks[side] != ticks:
            self.plot.getAxis(side).setTicks(ticks)
            self._ticks[side] = ticks


class _VolumeChart(_Chart):
    """Bars of weekly sets (planned: dashed outline behind; done: solid, coloured by status)
    over one horizontal band per landmark zone; hovering a week shows its numbers."""

    def __init__(self, pg):
        self._pg = pg
        self.widget = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
        self.widget.setObjectName("volumeChart")
        super().__init__(self.widget.getPlotItem())
        self._setup_axes()
        self.regions = {status: self._band(status) for status in Status}
        foreground = pg.getConfigOption("foreground")
        self.planned = pg.BarGraphItem(
            x=[], height=[], width=0.84 * WEEK, brush=None,
            # Width 1: a fractional width takes the raster engine's slow path (3× the redraw).
            pen=pg.mkPen(foreground, width=1, style=Qt.PenStyle.DashLine))
        self.done = pg.BarGraphItem(x=[], height=[], width=0.6 * WEEK, brushes=[], pen=None)
        self.hover = pg.TextItem(anchor=(0.5, 1.0), color=foreground,
                                 fill=_translucent(self.widget.backgroundBrush().color().name(),
                                                   230),
                                 border=pg.mkPen(foreground, width=0.5))
        for item, z in ((self.planned, 1), (self.done, 2), (self.hover, 10)):
            item.setZValue(z)
            self.plot.addItem(item)
        self.hover.hide()
        self.series: VolumeSeries | None = None
        self._starts: list[float] = []
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def _setup_axes(self) -> None:
        # No grid: the bands and the landmark labels are the reference lines, and a translucent
        # grid drawn over the whole view costs two thirds of each redraw (bench_charts.py).
        self.plot.setMouseEnabled(x=True, y=False)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setLabel("left", "hard sets per week")
        self.plot.showAxis("right")
        right = self.plot.getAxis("right")
        right.setStyle(tickLength=0)
        # A fixed width: the axis only widens after a first paint clipped the landmark labels.
        right.setWidth(_text_width(right, "MV/MEV 60") + 12)

    def _band(self, status: Status):
        colour = _translucent(STATUS_COLOURS[status])
        region = self._pg.LinearRegionItem(
            orientation="horizontal", movable=False, brush=colour, hoverBrush=colour,
            pen=self._pg.mkPen(_translucent(STATUS_COLOURS[status], 120), width=1))
        region.setZValue(-10)
        self.plot.addItem(region)
        return region

    def update(self, series: VolumeSeries, lm: Landmarks, title: str) -> None:
        self.series = series
        self._starts = [_timestamp(week) for week in series.weeks]
        centres = [start + WEEK / 2 for start in self._starts]
        brushes = [STATUS_BRUSHES[volume_status(sets, lm)] for sets in series.done]
        # Only weeks with a plan get an outline (a zero-height one would draw a dash at 0); one
        # pen for all keeps BarGraphItem on its single drawRects() call.
        planned = [(x, sets) for x, sets in zip(centres, series.planned, strict=True) if sets > 0]
        self.planned.setOpts(x=[x for x, _ in planned], height=[sets for _, sets in planned])
        self.done.setOpts(x=centres, height=list(series.done), brushes=brushes)
        top = self._update_bands(lm, max((*series.done, *series.planned), default=0))
        self._label_weeks(centres, series.weeks)
        if self.plot.titleLabel.text != title:  # a new title re-lays out the whole plot
            self.plot.setTitle(title, size="11pt")
        if self._starts:
            self.plot.setXRange(self._starts[0], self._starts[-1] + WEEK, padding=0.01)
        self.plot.setYRange(0, top, padding=0)
        self.hover.hide()

    def _label_weeks(self, centres: list[float], weeks: tuple[date, ...]) -> None:
        """Up to about half a year, label the bars themselves with their week's first day
        (every week, or every 2nd / 4th: at most ~9 labels); longer, months or years. Explicit
        ticks, set only when the weeks change: DateAxisItem's own ticking of ten years takes
        half of a redraw."""
        if not weeks:
            return
        if len(weeks) <= WEEK_LABELS_MAX:
            step = 1 if len(weeks) <= 10 else 2 if len(weeks) <= 18 else 4
            labels = [(centre, f"{week.day} {week:%b}")
                      for centre, week in zip(centres, weeks, strict=True)]
            self.set_ticks("bottom", [labels[::step], []])
        else:
            self.set_ticks("bottom", _calendar_ticks(weeks[0], weeks[-1] + timedelta(days=6)))

    def _update_bands(self, lm: Landmarks, highest: float) -> float:
        """Move the bands to the landmarks; returns the top of the scale."""
        spans = {status: (lo, hi) for lo, hi, status in landmark_bands(lm)}
        top = max(spans[Status.OVER_MRV][1] if Status.OVER_MRV in spans else lm.mrv + 3,
                  highest * 1.1)
        if Status.OVER_MRV in spans:
            spans[Status.OVER_MRV] = (lm.mrv, top)
        for status, region in self.regions.items():
            region.setVisible(status in spans)
            if status in spans:
                region.setRegion(spans[status])
        self.set_ticks("right", [_landmark_ticks(lm), []])
        return top

    def week_at(self, x: float) -> int | None:
        index = bisect_right(self._starts, x) - 1
        return index if 0 <= index < len(self._starts) and x < self._starts[index] + WEEK \
            else None

    def hover_week(self, index: int | None) -> None:
        if index is None or self.series is None:
            self.hover.hide()
            return
        done, planned = self.series.done[index], self.series.planned[index]
        self.hover.setText(f"Week {week_label(self.series.weeks[index])}: "
                           f"{done:g} sets done, {planned:g} planned")
        # Slide the label from right-of-bar (first week) to left-of-bar (last): never clipped.
        self.hover.setAnchor((index / max(len(self._starts) - 1, 1), 1.0))
        self.hover.setPos(self._starts[index] + WEEK / 2, max(done, planned))
        self.hover.show()

    def _on_mouse_moved(self, scene_pos) -> None:
        view = self.plot.getViewBox()
        inside = view.sceneBoundingRect().contains(scene_pos)
        self.hover_week(self.week_at(view.mapSceneToView(scene_pos).x()) if inside else None)


def _calendar_ticks(first: date, last: date) -> list[list[tuple[float, str]]]:
    """Month labels up to ~1.5 years (the year on January), else year labels with unlabelled
    quarter ticks: the two tick levels AxisItem.setTicks takes."""
    months = []
    year, month = first.year, first.month
    while date(year, month, 1) <= last:
        months.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    months = [day for day in months if day >= first]
    if len(months) <= 18:
        return [[(_timestamp(day), str(day.year) if day.month == 1 else f"{day:%b}")
                 for day in months], []]
    years = [(_timestamp(day), str(day.year)) for day in months if day.month == 1]
    quarters = [(_timestamp(day), "") for day in months if day.month in (4, 7, 10)]
    return [years, quarters]


def _text_width(axis, text: str) -> int:
    return QFontMetrics(axis.style["tickFont"] or axis.font()).horizontalAdvance(text)


def _landmark_ticks(lm: Landmarks) -> list[tuple[float, str]]:
    """Right-axis labels of the band edges; equal values share one label ('MV/MEV 0')."""
    names: dict[float, list[str]] = {}
    for value, name in ((lm.mv, "MV"), (lm.mev, "MEV"), (lm.mav_low, "MAV"),
                        (lm.mav_high, "MAV"), (lm.mrv, "MRV")):
        names.setdefault(value, [])
        if name not in names[value]:
            names[value].append(name)
    return [(value, f"{'/'.join(found)} {value:g}") for value, found in names.items()]


class _GlanceChart(_Chart):
    """One row per group, farthest from its productive range at the top: the group's own
    landmark bands, a solid bar of this week's sets, a tick at the planned sets."""

    def __init__(self, pg):
        self.widget = pg.PlotWidget()
        self.widget.setObjectName("weekGlanceChart")
        super().__init__(self.widget.getPlotItem())
        self.plot.invertY(True)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setLabel("bottom", "hard sets this week")
        left = self.plot.getAxis("left")
        left.setStyle(tickLength=0)
        left.setWidth(max(_text_width(left, group_label(g)) for g in MUSCLE_GROUPS) + 12)
        foreground = pg.getConfigOption("foreground")
        self.bands = pg.BarGraphItem(x0=[], x1=[], y=[], height=0.8, brushes=[], pen=None)
        self.done = pg.BarGraphItem(x0=0, width=[], y=[], height=0.4, brushes=[], pen=None)
        self.planned = pg.ScatterPlotItem(symbol="|", size=22, brush=foreground,
                                          pen=pg.mkPen(foreground, width=2))
        self.labels = [pg.TextItem(anchor=(0, 0.5), color=foreground) for _ in MUSCLE_GROUPS]
        for item in (self.bands, self.done, self.planned, *self.labels):
            self.plot.addItem(item)
        self.rows: list[GlanceRow] = []

    def update(self, rows: list[GlanceRow], title: str) -> None:
        self.rows = rows
        band_x0, band_x1, band_y, band_brushes = [], [], [], []
        for index, row in enumerate(rows):
            for lo, hi, status in landmark_bands(row.landmarks):
                band_x0.append(lo)
                band_x1.append(hi)
                band_y.append(index)
                band_brushes.append(_translucent(STATUS_COLOURS[status]))
        self.bands.setOpts(x0=band_x0, x1=band_x1, y=band_y, brushes=band_brushes)
        self.done.setOpts(width=[row.sets for row in rows], y=list(range(len(rows))),
                          brushes=[STATUS_BRUSHES[row.status] for row in rows])
        planned = [(row.planned, index) for index, row in enumerate(rows) if row.planned > 0]
        self.planned.setData(x=[p[0] for p in planned], y=[p[1] for p in planned])
        self._update_labels(rows)
        self.set_ticks("left", [[(i, group_label(row.group)) for i, row in enumerate(rows)], []])
        right = max([10, *band_x1, *(max(row.sets, row.planned) for row in rows)])
        self.plot.setXRange(0, right * 1.28, padding=0)  # room for the labels on the right
        self.plot.setYRange(-0.6, len(rows) - 0.4, padding=0)
        self.plot.setTitle(title, size="11pt")

    def _update_labels(self, rows: list[GlanceRow]) -> None:
        for index, label in enumerate(self.labels):
            if index >= len(rows):
                label.hide()
                continue
            row = rows[index]
            label.setText(_glance_text(row))
            scale_end = landmark_bands(row.landmarks)[-1][1]
            label.setPos(max(row.sets, row.planned, scale_end) + 0.5, index)
            label.show()


def _glance_text(row: GlanceRow) -> str:
    planned = f" / {row.planned:g} planned" if row.planned else ""
    if row.side == "below":
        where = f"{row.distance:g} below MEV" if row.distance else row.status.value
    elif row.side == "above":
        where = f"{row.distance:g} over MRV"
    else:
        where = row.status.value
    return f"{row.sets:g} sets{planned} · {where}"


class _ProgressChart:
    """Top: estimated 1RM (with PR stars) and heaviest working set; bottom: volume load.
    The two plots share the date axis."""

    def __init__(self, pg):
        self.widget = pg.GraphicsLayoutWidget()
        self.widget.setObjectName("progressChart")
        self.top = self.widget.addPlot(row=0, col=0, axisItems={"bottom": pg.DateAxisItem()})
        self.bottom = self.widget.addPlot(row=1, col=0, axisItems={"bottom": pg.DateAxisItem()})
        self.widget.ci.layout.setRowStretchFactor(0, 2)
        self.bottom.setXLink(self.top)
        for plot in (self.top, self.bottom):
            plot.showGrid(x=False, y=True, alpha=0.12)
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.setMouseEnabled(x=True, y=False)
            # Equal left axes, or the two linked date axes would not line up.
            plot.getAxis("left").setWidth(_text_width(plot.getAxis("left"), "000000") + 28)
        # Bottom left: the scale starts at 0, so the curves never reach down there.
        legend = self.top.addLegend(offset=(8, -8), labelTextSize="9pt")
        self.e1rm = self.top.plot([], [], name="Estimated 1RM (Epley, best set)",
                                  pen=pg.mkPen(E1RM_COLOUR, width=2), symbol="o", symbolSize=4,
                                  symbolPen=None, symbolBrush=E1RM_COLOUR, antialias=True)
        self.heaviest = self.top.plot([], [], name="Heaviest working set",
                                      pen=pg.mkPen("#8a8a8a", width=1.5,
                                                   style=Qt.PenStyle.DashLine), antialias=True)
        self.prs = pg.ScatterPlotItem(symbol="star", size=14, brush=PR_COLOUR,
                                      pen=pg.mkPen("#7a5a00", width=0.8))
        self.prs.setZValue(5)
        self.top.addItem(self.prs)
        legend.addItem(self.prs, "PR: best e1RM so far")
        self.volume = self.bottom.plot([], [], pen=pg.mkPen("#6d6d9e", width=1.2), antialias=True,
                                       fillLevel=0, brush=_translucent("#6d6d9e", 70))
        self.series: ProgressSeries | None = None

    def update(self, series: ProgressSeries, name: str, since: date, until: date) -> None:
        self.series = series
        xs = [_timestamp(day) for day in series.dates]
        self.e1rm.setData(xs, list(series.e1rm))
        self.heaviest.setData(xs, list(series.heaviest))
        prs = [i for i, is_pr in enumerate(series.is_pr) if is_pr]
        self.prs.setData(x=[xs[i] for i in prs], y=[series.e1rm[i] for i in prs])
        self.volume.setData(xs, list(series.volume_load))
        unit = series.unit
        self.top.setTitle(f"{name} — estimated 1RM and heaviest working set ({unit})",
                          size="11pt")
        self.top.setLabel("left", unit)
        self.bottom.setLabel("left", f"volume load ({unit} × reps)")
        self.top.setXRange(_timestamp(since), _timestamp(until) + DAY, padding=0.02)
        for plot, values, empty_top in ((self.top, (*series.e1rm, *series.heaviest), 100),
                                        (self.bottom, series.volume_load, 1000)):
            plot.setYRange(0, max(values, default=empty_top) * 1.08, padding=0)


# --- the page ----------------------------------------------------------------------------------

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

    # building (Qt only; the plots come in _chart())

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(self._build_controls())
        self.tabs = QTabWidget(objectName="chartTabs")
        self._holders: dict[str, QGridLayout] = {}
        self._empty: dict[str, QLabel] = {}
        self.tabs.addTab(self._build_volume_tab(), CHART_TITLES["volume"])
        glance = self._tab_with_holder("glance", legend="<b>|</b>&nbsp;planned")
        self.tabs.addTab(glance, CHART_TITLES["glance"])
        self.tabs.addTab(self._build_progress_tab(), CHART_TITLES["progress"])
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs, 1)
        self._tab_changed(0)

    def _build_controls(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.range_combo = QComboBox(objectName="rangeCombo")
        for key in RANGE_KEYS:
            self.range_combo.addItem(RANGE_LABELS[key], key)
        self.range_combo.currentIndexChanged.connect(
            lambda: self.set_range(self.range_combo.currentData()))
        self.rule_combo = QComboBox(objectName="ruleCombo")
        for key, text in RULE_NAMES.items():
            self.rule_combo.addItem(text, key)
        self.rule_combo.setCurrentIndex(self.rule_combo.findData(self._rule))
        self.rule_combo.currentIndexChanged.connect(
            lambda: self.set_rule(self.rule_combo.currentData()))
        for text, combo in (("Time range", self.range_combo), ("Counting rule", self.rule_combo)):
            label = QLabel(text)
            label.setBuddy(combo)
            row.addWidget(label)
            row.addWidget(combo)
            row.addSpacing(12)
        row.addStretch()
        return row

    def _tab_with_holder(self, key: str, *, legend: str | None,
                         top: QWidget | None = None) -> QWidget:
        """A tab whose grid cell will hold the chart, with its empty-state note laid over it."""
        tab = QWidget()
        column = QVBoxLayout(tab)
        column.setContentsMargins(4, 4, 4, 4)
        if top is not None:
            column.addWidget(top)
        holder = QGridLayout()
        empty = QLabel(objectName=f"{key}EmptyState", wordWrap=True)
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setMinimumWidth(480)
        empty.setStyleSheet("background: palette(window); border: 1px solid palette(mid); "
                            "border-radius: 4px; padding: 8px 14px;")
        empty.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        empty.hide()
        holder.addWidget(empty, 0, 0, Qt.AlignmentFlag.AlignCenter)
        column.addLayout(holder, 1)
        if legend:
            note = QLabel(_status_legend(legend), objectName=f"{key}Legend", wordWrap=True)
            note.setStyleSheet("color: palette(placeholder-text);")
            column.addWidget(note)
        self._holders[key], self._empty[key] = holder, empty
        return tab

    def _build_volume_tab(self) -> QWidget:
        picker = QWidget()
        row = QHBoxLayout(picker)
        row.setContentsMargins(0, 0, 0, 0)
        self.group_combo = QComboBox(objectName="groupCombo")
        for group in MUSCLE_GROUPS:
            self.group_combo.addItem(group_label(group), group)
        self.group_combo.addItem("Several groups…", SEVERAL)
        self.group_combo.activated.connect(self._group_combo_activated)
        self.group_list = QListWidget(objectName="groupList")
        self.group_list.setFlow(QListWidget.Flow.LeftToRight)
        self.group_list.setWrapping(True)
        self.group_list.setFixedHeight(64)
        for group in MUSCLE_GROUPS:
            item = QListWidgetItem(group_label(group))
            item.setData(Qt.ItemDataRole.UserRole, group)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.group_list.addItem(item)
        self.group_list.itemChanged.connect(self._group_list_changed)
        self.group_list.hide()
        label = QLabel("Muscle group")
        label.setBuddy(self.group_combo)
        row.addWidget(label)
        row.addWidget(self.group_combo)
        row.addWidget(self.group_list, 1)
        row.addStretch()
        return self._tab_with_holder("volume", legend="▭&nbsp;planned (dashed outline)",
                                     top=picker)

    def _build_progress_tab(self) -> QWidget:
        self.exercise_search = QLineEdit(objectName="exerciseSearch", clearButtonEnabled=True)
        self.exercise_search.setPlaceholderText("Search the exercises you have logged…")
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
            chart = {"volume": _VolumeChart, "glance": _GlanceChart,
                     "progress": _ProgressChart}[key](pg)
            self._holders[key].addWidget(chart.widget, 0, 0)
            chart.widget.show()  # a layout shows a child added to a visible parent only later
            self._empty[key].raise_()
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
            raise ValueError(f"cannot export a chart as {path.suffix or 'a file without suffix'}"
                             "; use .png or .svg")
        chart = self._fresh(self.current_chart())
        if suffix == ".png":
            from pyqtgraph.exporters import ImageExporter

            target = chart.widget.scene() if isinstance(chart, _ProgressChart) else chart.plot
            # At the size shown: scaling up enlarges axes and lines but not the legend's text.
            ImageExporter(target).export(str(path))
        else:
            _write_svg(chart.widget, path, self.tabs.tabText(self.tabs.currentIndex()))

    def export_with_dialog(self) -> None:
        """File ▸ Export chart…: ask for a file, write it, report a failure."""
        name = f"overload-{self.current_chart()}-{self._today():%Y-%m-%d}.png"
        path, _ = QFileDialog.getSaveFileName(
            self, "Export chart", name, "PNG image (*.png);;SVG image (*.svg)")
        if not path:
            return
        try:
            self.export_current(Path(path))
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, "Export chart", f"The chart was not exported: {exc}")

    # accessors that read the plotted items back (tests, benchmarks)

    def volume_bar_heights(self) -> list[float]:
        return [float(h) for h in self._fresh("volume").done.opts["height"]]

    def volume_bar_colours(self) -> list[str]:
        return [brush.color().name() for brush in self._fresh("volume").done.opts["brushes"]]

    def planned_bar_heights(self) -> list[float]:
        """Planned sets per week shown, 0 for weeks without an outline."""
        chart = self._fresh("volume")
        outlines = dict(zip(chart.planned.opts["x"], chart.planned.opts["height"], strict=True))
        return [float(outlines.get(x, 0.0)) for x in chart.done.opts["x"]]

    def volume_bar_weeks(self) -> list[date]:
        return [datetime.fromtimestamp(x - WEEK / 2).date()
                for x in self._fresh("volume").done.opts["x"]]

    def volume_x_range(self) -> tuple[float, float]:
        return tuple(self._fresh("volume").plot.getViewBox().viewRange()[0])

    def volume_title(self) -> str:
        return self._fresh("volume").plot.titleLabel.text

    def band_edges(self) -> dict[str, tuple[float, float]]:
        """{status: (from, to)} of every landmark band shown on the volume chart."""
        chart = self._fresh("volume")
        return {status.value: tuple(float(v) for v in region.getRegion())
                for status, region in chart.regions.items() if region.isVisible()}

    def hover_text(self) -> str | None:
        hover = self._fresh("volume").hover
        return hover.textItem.toPlainText() if hover.isVisible() else None

    def glance_rows_shown(self) -> list[GlanceRow]:
        return list(self._fresh("glance").rows)

    def glance_bar_lengths(self) -> list[float]:
        return [float(w) for w in self._fresh("glance").done.opts["width"]]

    def progress_points(self) -> dict[str, list[float]]:
        chart = self._fresh("progress")
        return {name: [float(y) for y in (item.getData()[1] if item.getData()[1] is not None
                                          else [])]
                for name, item in (("e1rm", chart.e1rm), ("heaviest", chart.heaviest),
                                   ("volume_load", chart.volume), ("pr", chart.prs))}

    def empty_text(self, key: str | None = None) -> str | None:
        self._fresh(key or self.current_chart())
        label = self._empty[key or self.current_chart()]
        return label.text() if not label.isHidden() else None

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

    def _refresh_volume(self, chart: _VolumeChart) -> None:
        since, until = time_range_bounds(self._range, self._today())
        series = self._volume_history(since, until).series(self._groups, since, until)
        lm = combined_landmarks(self._groups, self._current_landmarks())
        chart.update(series, lm, volume_title(self._groups, self._rule))
        self._set_empty("volume", None if series.has_done else EMPTY_VOLUME)

    def _refresh_glance(self, chart: _GlanceChart) -> None:
        settings = self._store.settings
        week = week_start_of(self._today(), settings.week_start)
        done = weekly_volume(week, self._rule, week_start=settings.week_start)
        planned = weekly_volume(week, self._rule, planned=True, week_start=settings.week_start)
        rows = glance_rows(done, self._current_landmarks(), planned)
        end = week + timedelta(days=6)
        chart.update(rows, f"This week, {week.day} {week:%b} – {end.day} {end:%b} — sets vs "
                           f"landmarks ({RULE_TITLES[self._rule]})")
        self._set_empty("glance", None if any(done.values()) else EMPTY_GLANCE)

    def _refresh_progress(self, chart: _ProgressChart) -> None:
        if self._exercise is None:
            self._exercise = self._default_exercise()
        since, until = time_range_bounds(self._range, self._today())
        if self._exercise is None:
            since = min(since, time_range_bounds("3m", self._today())[0])  # not one empty day
            chart.update(ProgressSeries(0, (), (), (), (), ()), "Progress", since, until)
            self._set_empty("progress", NO_EXERCISE)
            return
        exercise_id, name = self._exercise
        series = exercise_progress(exercise_id, since, until).in_unit(self._store.settings.units)
        chart.update(series, name, since, until)
        self._set_empty("progress", EMPTY_PROGRESS if series.is_empty else None)

    def _default_exercise(self) -> tuple[int, str] | None:
        """The most trained exercise, so the tab opens on something worth seeing."""
        found = search_exercises_with_history("")
        if not found:
            return None
        self.exercise_search.setText(found[0][1])
        return found[0][0], found[0][1]

    def _set_empty(self, key: str, text: str | None) -> None:
        self._empty[key].setText(text or "")
        self._empty[key].setVisible(text is not None)

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
            item = QStandardItem(f"{name}  ·  {sessions} sessions")
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
    generator.setTitle(f"Overload — {title}")
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
