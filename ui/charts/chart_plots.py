"""The charts' plots: pyqtgraph loaded on first use, each chart's items created once and then
only fed new data, and the small pieces they share. ChartsPage (charts_page.py) lays them out.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetrics,
    QPalette,
)
from PySide6.QtWidgets import (
    QApplication,
)

from models.charts import (
    GlanceRow,
    ProgressSeries,
    VolumeSeries,
    week_label,
)
from models.rules.domain import (
    MUSCLE_GROUPS,
    Landmarks,
    Status,
    group_label,
    landmark_bands,
    volume_status,
)
from ui.theme import Tone, status_colour, status_colours, tone

# Time on the charts' x axes is in seconds; a week's bar spans WEEK.
DAY = 86400.0
WEEK = 7 * DAY
BAND_ALPHA = 60
WEEK_LABELS_MAX = 30

_pg = None  # pyqtgraph, once load_pyqtgraph() has imported it


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


def match_palette() -> None:
    """pyqtgraph's default colours (what a chart draws that is not restyled) after a theme
    switch; nothing before pyqtgraph is loaded."""
    if _pg is not None:
        palette = QApplication.palette()
        _pg.setConfigOptions(background=palette.color(QPalette.ColorRole.Base),
                             foreground=palette.color(QPalette.ColorRole.Text))


def _foreground() -> QColor:
    return QApplication.palette().color(QPalette.ColorRole.Text)


def _style_plot(widget, *plots) -> None:
    """The palette's colours on a chart: its background, and each plot's axes, their labels
    and its title."""
    palette = QApplication.palette()
    text = palette.color(QPalette.ColorRole.Text)
    widget.setBackground(palette.color(QPalette.ColorRole.Base))
    for plot in plots:
        for side in ("left", "bottom", "right", "top"):
            plot.getAxis(side).setPen(text)
            plot.getAxis(side).setTextPen(text)
        plot.titleLabel.setAttr("color", text)
        if plot.titleLabel.text:
            plot.titleLabel.setText(plot.titleLabel.text)


def _translucent(colour: QColor | str, alpha: int = BAND_ALPHA) -> QColor:
    result = QColor(colour)
    result.setAlpha(alpha)
    return result


def status_brushes() -> dict[str, QBrush]:
    """Ready-made brushes in the theme's status colours, by status: BarGraphItem would
    otherwise build one per bar from a colour."""
    return {status: QBrush(colour) for status, colour in status_colours().items()}


def status_legend(planned: str) -> str:
    parts = [f"<span style='color:{status_colour(s).name()}'>■</span>&nbsp;{s.value}"
             for s in Status]
    return " &nbsp; ".join([*parts, planned])


# --- the three charts: plain objects owning their pyqtgraph widget -------------------------------

class Chart:
    """What the charts share: a pyqtgraph PlotItem `plot` whose axes' ticks are set sparingly."""

    def __init__(self, plot):
        self.plot = plot
        self._ticks: dict[str, object] = {}

    def set_ticks(self, side: str, ticks) -> None:
        """Set an axis's ticks only when they change: new ticks make it redraw all its text."""
        if side not in self._ticks or self._ticks[side] != ticks:
            self.plot.getAxis(side).setTicks(ticks)
            self._ticks[side] = ticks


class VolumeChart(Chart):
    """Bars of weekly sets (planned: dashed outline behind; done: solid, coloured by status)
    over one horizontal band per landmark zone; hovering a week shows its numbers."""

    def __init__(self, pg):
        self._pg = pg
        self.widget = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
        self.widget.setObjectName("volumeChart")
        super().__init__(self.widget.getPlotItem())
        self._setup_axes()
        self.regions = {status: self._band(status) for status in Status}
        self.planned = pg.BarGraphItem(x=[], height=[], width=0.84 * WEEK, brush=None)
        self.done = pg.BarGraphItem(x=[], height=[], width=0.6 * WEEK, brushes=[], pen=None)
        self.hover = pg.TextItem(anchor=(0.5, 1.0))
        self.restyle()
        for item, z in ((self.planned, 1), (self.done, 2), (self.hover, 10)):
            item.setZValue(z)
            self.plot.addItem(item)
        self.hover.hide()
        self.series: VolumeSeries | None = None
        self._starts: list[float] = []
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def restyle(self) -> None:
        """The theme's colours (the bars take theirs at the next update)."""
        pg, foreground = self._pg, _foreground()
        _style_plot(self.widget, self.plot)
        for status, region in self.regions.items():
            _colour_band(pg, region, status)
        # Width 1: a fractional width takes the raster engine's slow path (3× the redraw).
        self.planned.setOpts(pen=pg.mkPen(foreground, width=1, style=Qt.PenStyle.DashLine))
        self.hover.setColor(foreground)
        self.hover.fill = pg.mkBrush(_translucent(self.widget.backgroundBrush().color(), 230))
        self.hover.border = pg.mkPen(foreground, width=0.5)

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
        region = self._pg.LinearRegionItem(orientation="horizontal", movable=False)
        region.setZValue(-10)
        self.plot.addItem(region)
        return region

    def update(self, series: VolumeSeries, lm: Landmarks, title: str) -> None:
        self.series = series
        self._starts = [_timestamp(week) for week in series.weeks]
        centres = [start + WEEK / 2 for start in self._starts]
        by_status = status_brushes()
        brushes = [by_status[volume_status(sets, lm)] for sets in series.done]
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


def _colour_band(pg, region, status: Status) -> None:
    colour = _translucent(status_colour(status))
    region.setBrush(colour)
    region.setHoverBrush(colour)
    for line in region.lines:
        line.setPen(pg.mkPen(_translucent(status_colour(status), 120), width=1))


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


class GlanceChart(Chart):
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
        self._pg = pg
        self.bands = pg.BarGraphItem(x0=[], x1=[], y=[], height=0.8, brushes=[], pen=None)
        self.done = pg.BarGraphItem(x0=0, width=[], y=[], height=0.4, brushes=[], pen=None)
        self.planned = pg.ScatterPlotItem(symbol="|", size=22)
        self.labels = [pg.TextItem(anchor=(0, 0.5)) for _ in MUSCLE_GROUPS]
        for item in (self.bands, self.done, self.planned, *self.labels):
            self.plot.addItem(item)
        self.rows: list[GlanceRow] = []
        self.restyle()

    def restyle(self) -> None:
        """The theme's colours (the bars and bands take theirs at the next update)."""
        foreground = _foreground()
        _style_plot(self.widget, self.plot)
        self.planned.setBrush(foreground)
        self.planned.setPen(self._pg.mkPen(foreground, width=2))
        for label in self.labels:
            label.setColor(foreground)

    def update(self, rows: list[GlanceRow], title: str) -> None:
        self.rows = rows
        band_x0, band_x1, band_y, band_brushes = [], [], [], []
        for index, row in enumerate(rows):
            for lo, hi, status in landmark_bands(row.landmarks):
                band_x0.append(lo)
                band_x1.append(hi)
                band_y.append(index)
                band_brushes.append(_translucent(status_colour(status)))
        self.bands.setOpts(x0=band_x0, x1=band_x1, y=band_y, brushes=band_brushes)
        by_status = status_brushes()
        self.done.setOpts(width=[row.sets for row in rows], y=list(range(len(rows))),
                          brushes=[by_status[row.status] for row in rows])
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


class ProgressChart:
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
        self.legend = self.top.addLegend(offset=(8, -8), labelTextSize="9pt")
        self.e1rm = self.top.plot([], [], name="Estimated 1RM (Epley, best set)", symbol="o",
                                  symbolSize=4, symbolPen=None, antialias=True)
        self.heaviest = self.top.plot([], [], name="Heaviest working set", antialias=True)
        self.prs = pg.ScatterPlotItem(symbol="star", size=14)
        self.prs.setZValue(5)
        self.top.addItem(self.prs)
        self.legend.addItem(self.prs, "PR: best e1RM so far")
        self.volume = self.bottom.plot([], [], antialias=True, fillLevel=0)
        self._pg = pg
        self.series: ProgressSeries | None = None
        self.restyle()

    def restyle(self) -> None:
        """The theme's colours: the series' tones, the axes, the legend's text."""
        pg, foreground = self._pg, _foreground()
        _style_plot(self.widget, self.top, self.bottom)
        accent, volume = tone(Tone.ACCENT), tone(Tone.NEUTRAL)
        self.e1rm.setPen(pg.mkPen(accent, width=2))
        self.e1rm.setSymbolBrush(accent)
        self.heaviest.setPen(pg.mkPen(tone(Tone.MUTED), width=1.5, style=Qt.PenStyle.DashLine))
        self.prs.setBrush(tone(Tone.RECORD))
        self.prs.setPen(pg.mkPen(foreground, width=0.8))
        self.volume.setPen(pg.mkPen(volume, width=1.2))
        self.volume.setBrush(_translucent(volume, 70))
        self.legend.setLabelTextColor(foreground)
        for _sample, label in self.legend.items:
            label.setText(label.text)  # setLabelTextColor only colours the next text

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
