"""The charts' plots: pyqtgraph loaded on first use, each chart's items created once and then
only fed new data, and the small pieces they share. ChartsPage (charts_page.py) lays them out.
"""

from __future__ import annotations

import math
import threading
from bisect import bisect_right
from datetime import date, datetime

from PySide6.QtCore import QEvent, QObject, Qt
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
    VolumeBars,
)
from models.rules.domain import (
    MUSCLE_GROUPS,
    Landmarks,
    Status,
    landmark_bands,
    volume_status,
)
from ui.domain_text import group_name, status_name
from ui.locale_text import QT_TRANSLATE_NOOP, number, translate
from ui.theme import status_colour, status_colours

TITLE_SCALE = 1.22  # 11 pt over the usual 9
TITLE_MARGIN_PX = 24
TITLE_ROW_PX = 30  # pyqtgraph's own

# Time on the charts' x axes is in seconds since the epoch (local midnight of each day).
DAY = 86400.0
WEEK = 7 * DAY
BAND_ALPHA = 60
# A bar's share of its week or month: done solid in the middle, the planned outline around it.
DONE_WIDTH = 0.6
PLANNED_WIDTH = 0.84
# Translated where they are shown: translate("Charts", WEEKLY_AXIS)…
WEEKLY_AXIS = QT_TRANSLATE_NOOP("Charts", "hard sets per week")
MONTHLY_AXIS = QT_TRANSLATE_NOOP("Charts", "hard sets per week (monthly average)")
PLANNED_LEGEND = {False: QT_TRANSLATE_NOOP("Charts", "▭&nbsp;planned (dashed outline)"),
                  True: QT_TRANSLATE_NOOP("Charts", "▬&nbsp;planned (average per week)")}
HOVER_OFFSET_PX = 9  # between a hovered point and its label: clear of a PR star's points
GLANCE_LABEL_GAP_PX = 12  # a glance row's label clears its planned tick (22 px wide)
GLANCE_MARGIN_PX = 4  # between the longest label and the view's right edge

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


def timestamp(day: date) -> float:
    """Local midnight as seconds since the epoch: the charts' x coordinate of `day`."""
    return datetime(day.year, day.month, day.day).timestamp()


def match_palette() -> None:
    """pyqtgraph's default colours (what a chart draws that is not restyled) after a theme
    switch; nothing before pyqtgraph is loaded."""
    if _pg is not None:
        palette = QApplication.palette()
        _pg.setConfigOptions(background=palette.color(QPalette.ColorRole.Base),
                             foreground=palette.color(QPalette.ColorRole.Text))


def foreground() -> QColor:
    """What a chart writes and outlines in: the palette's text colour."""
    return QApplication.palette().color(QPalette.ColorRole.Text)


def style_plot(widget, *plots) -> None:
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


def translucent(colour: QColor | str, alpha: int = BAND_ALPHA) -> QColor:
    result = QColor(colour)
    result.setAlpha(alpha)
    return result


def status_brushes() -> dict[str, QBrush]:
    """Ready-made brushes in the theme's status colours, by status: BarGraphItem would
    otherwise build one per bar from a colour."""
    return {status: QBrush(colour) for status, colour in status_colours().items()}


def hover_label(pg, widget):
    """A text box for hovering: the chart's background, nearly opaque, with a thin border
    (style_hover gives it the theme's colours)."""
    label = pg.TextItem(anchor=(0.5, 1.0))
    style_hover(pg, label, widget)
    label.setZValue(10)
    label.hide()
    return label


def style_hover(pg, label, widget) -> None:
    """A hover label in the palette's colours: its text, its border, and the chart's background
    behind it (set the background first: style_plot)."""
    colour = foreground()
    label.setColor(colour)
    label.fill = pg.mkBrush(translucent(widget.backgroundBrush().color(), 230))
    label.border = pg.mkPen(colour, width=0.5)
    label.update()


def place_hover(label, view, x: float, y: float) -> None:
    """Put a hover label beside the point (x, y) where the view never cuts it: above the point
    in the lower half of the view, below it in the upper half, HOVER_OFFSET_PX clear of the
    point's marker; its box slides from right of the point at the view's left end to left of it
    at the right end."""
    (left, right), (bottom, top) = view.viewRange()
    share = (x - left) / (right - left) if right > left else 0.5
    upper = y > (bottom + top) / 2
    offset = HOVER_OFFSET_PX * view.viewPixelSize()[1]
    label.setAnchor((min(max(share, 0.0), 1.0), 0.0 if upper else 1.0))
    label.setPos(x, y - offset if upper else y + offset)
    label.show()


def status_legend(planned: str) -> str:
    parts = [f"<span style='color:{status_colour(s).name()}'>■</span>&nbsp;{status_name(s)}"
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
    """Bars of sets per week (done: solid, coloured by status; planned: a dashed outline behind)
    over one horizontal band per landmark zone. On long ranges one bar per month, the average
    week, whose plan is a line across the bar's top (outlines that narrow would hatch the chart).
    Hovering a bar shows its numbers."""

    def __init__(self, pg):
        from ui.charts.date_axis import CalendarAxis

        self._pg = pg
        self.axis = CalendarAxis(centred=True)
        self.widget = pg.PlotWidget(axisItems={"bottom": self.axis})
        self.widget.setObjectName("volumeChart")
        super().__init__(self.widget.getPlotItem())
        self._setup_axes()
        self.regions = {status: self._band(status) for status in Status}
        self.planned = pg.BarGraphItem(x=[], height=[], width=[], brush=None)
        self.planned_tops = pg.PlotCurveItem([], [], connect="pairs")
        self.done = pg.BarGraphItem(x=[], height=[], width=[], brushes=[], pen=None)
        self.hover = hover_label(pg, self.widget)
        self.restyle()
        for item, z in ((self.planned, 1), (self.done, 2), (self.planned_tops, 3),
                        (self.hover, 10)):
            item.setZValue(z)
            self.plot.addItem(item)
        self.bars: VolumeBars | None = None
        self._starts: list[float] = []
        self._ends: list[float] = []
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def restyle(self) -> None:
        """The theme's colours (the bars take theirs at the next update)."""
        pg, colour = self._pg, foreground()
        style_plot(self.widget, self.plot)
        for status, region in self.regions.items():
            _colour_band(pg, region, status)
        # Width 1: a fractional width takes the raster engine's slow path (3× the redraw).
        self.planned.setOpts(pen=pg.mkPen(colour, width=1, style=Qt.PenStyle.DashLine))
        self.planned_tops.setPen(pg.mkPen(colour, width=2))
        style_hover(pg, self.hover, self.widget)

    def _setup_axes(self) -> None:
        # No grid: the bands and the landmark labels are the reference lines, and a translucent
        # grid drawn over the whole view costs two thirds of each redraw (bench_charts.py).
        self.plot.setMouseEnabled(x=True, y=False)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setLabel("left", translate("Charts", WEEKLY_AXIS))
        self.plot.showAxis("right")
        right = self.plot.getAxis("right")
        right.setStyle(tickLength=0)
        # A fixed width: the axis only widens after a first paint clipped the landmark labels.
        right.setWidth(text_width(right, "MV/MEV 60") + 12)

    def _band(self, status: Status):
        region = self._pg.LinearRegionItem(orientation="horizontal", movable=False)
        region.setZValue(-10)
        self.plot.addItem(region)
        return region

    def update(self, bars: VolumeBars, lm: Landmarks, title: str) -> None:
        self.bars = bars
        self._starts = [timestamp(day) for day in bars.starts]
        self._ends = [timestamp(day) for day in bars.ends]
        spans = [end - start for start, end in zip(self._starts, self._ends, strict=True)]
        centres = [start + span / 2 for start, span in zip(self._starts, spans, strict=True)]
        by_status = status_brushes()
        brushes = [by_status[volume_status(sets, lm)] for sets in bars.done]
        self._draw_plan(bars, centres, spans)
        self.done.setOpts(x=centres, height=list(bars.done), brushes=brushes,
                          width=[DONE_WIDTH * span for span in spans])
        top = self._update_bands(lm, max((*bars.done, *bars.planned), default=0))
        self.axis.set_calendar(bars.week_start, "month" if bars.monthly else "week")
        axis_label = translate("Charts", MONTHLY_AXIS if bars.monthly else WEEKLY_AXIS)
        if self.plot.getAxis("left").labelText != axis_label:
            self.plot.setLabel("left", axis_label)
        if self.plot.titleLabel.text != title:  # a new title re-lays out the whole plot
            set_title(self.widget, self.plot, title)
        if self._starts:
            self.plot.setXRange(self._starts[0], self._ends[-1], padding=0.01)
        self.plot.setYRange(0, top, padding=0)
        self.hover.hide()

    def _draw_plan(self, bars: VolumeBars, centres: list[float], spans: list[float]) -> None:
        """Weekly: a dashed outline around each week with a plan. Monthly: a line across the
        top of the month's bar at its average planned week. Bars without a plan get neither (a
        zero-height outline would draw a dash at 0); one pen for all keeps BarGraphItem on its
        single drawRects() call."""
        planned = [(x, PLANNED_WIDTH * span, sets)
                   for x, span, sets in zip(centres, spans, bars.planned, strict=True) if sets > 0]
        if bars.monthly:
            self.planned.setOpts(x=[], height=[], width=[])
            self.planned_tops.setData(
                [edge for x, width, _ in planned for edge in (x - width / 2, x + width / 2)],
                [sets for _, _, sets in planned for _ in range(2)], connect="pairs")
        else:
            self.planned_tops.setData([], [])
            self.planned.setOpts(x=[x for x, _, _ in planned], width=[w for _, w, _ in planned],
                                 height=[sets for _, _, sets in planned])

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

    def bar_at(self, x: float) -> int | None:
        index = bisect_right(self._starts, x) - 1
        return index if 0 <= index < len(self._starts) and x < self._ends[index] else None

    def hover_bar(self, index: int | None) -> None:
        if index is None or self.bars is None:
            self.hover.hide()
            return
        self.hover.setText(self.bars.label(index))
        place_hover(self.hover, self.plot.getViewBox(),
                    (self._starts[index] + self._ends[index]) / 2,
                    max(self.bars.done[index], self.bars.planned[index]))

    def _on_mouse_moved(self, scene_pos) -> None:
        view = self.plot.getViewBox()
        inside = view.sceneBoundingRect().contains(scene_pos)
        self.hover_bar(self.bar_at(view.mapSceneToView(scene_pos).x()) if inside else None)


def _colour_band(pg, region, status: Status) -> None:
    colour = translucent(status_colour(status))
    region.setBrush(colour)
    region.setHoverBrush(colour)
    for line in region.lines:
        line.setPen(pg.mkPen(translucent(status_colour(status), 120), width=1))


def legend_size() -> str:
    """A legend's text: the application's font size (it follows a larger desktop font)."""
    return f"{QApplication.font().pointSizeF():.1f}pt"


def title_size() -> str:
    """A chart's title, a little larger than the application's font (it follows a larger
    desktop font, where a size in points would not)."""
    return f"{QApplication.font().pointSizeF() * TITLE_SCALE:.1f}pt"


class _TitleFit(QObject):
    """Keeps a plot's title within its chart's width: pyqtgraph lays a title out on one line
    and widens the plot to hold it, past the widget's edge (a long title in a large font cut
    the title and the right of the chart); here it wraps onto two lines instead."""

    def __init__(self, widget, plot):
        super().__init__(widget)
        self.widget, self.plot = widget, plot
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        label = self.plot.titleLabel
        if not label.text:
            return
        label.item.setTextWidth(-1)
        # The title sits over the plot's column, between its axes.
        axes = sum(self.plot.getAxis(side).width() for side in ("left", "right")
                   if self.plot.getAxis(side).isVisible())
        room = self.widget.width() - axes - TITLE_MARGIN_PX
        if label.item.boundingRect().width() > room > 0:
            label.item.setTextWidth(room)
        label.updateMin()
        # pyqtgraph keeps a title's row 30 px tall: a larger font's, or two lines, need more.
        height = max(TITLE_ROW_PX, math.ceil(label.item.boundingRect().height()) + 4)
        self.plot.layout.setRowFixedHeight(0, height)
        label.setMaximumHeight(height)
        label.resizeEvent(None)
        self.plot.layout.invalidate()


def set_title(widget, plot, title: str, size: str | None = None) -> None:
    """The plot's title, in the title's size (or `size`), wrapped where the chart is narrower
    than it."""
    plot.setTitle(title, size=size or title_size())
    fitter = next((each for each in widget.findChildren(_TitleFit) if each.plot is plot), None)
    (fitter or _TitleFit(widget, plot)).fit()


def text_width(axis, text: str) -> int:
    return QFontMetrics(axis.style["tickFont"] or axis.font()).horizontalAdvance(text)


def _landmark_ticks(lm: Landmarks) -> list[tuple[float, str]]:
    """Right-axis labels of the band edges; equal values share one label ('MV/MEV 0')."""
    names: dict[float, list[str]] = {}
    for value, name in ((lm.mv, "MV"), (lm.mev, "MEV"), (lm.mav_low, "MAV"),
                        (lm.mav_high, "MAV"), (lm.mrv, "MRV")):
        names.setdefault(value, [])
        if name not in names[value]:
            names[value].append(name)
    return [(value, f"{'/'.join(found)} {number(value)}") for value, found in names.items()]


class GlanceChart(Chart):
    """One row per group, farthest from its productive range at the top: the group's own
    landmark bands, a solid bar of this week's sets, a tick at the planned sets, and a label
    right of it all that the scale always leaves room for."""

    def __init__(self, pg):
        self.widget = pg.PlotWidget()
        self.widget.setObjectName("weekGlanceChart")
        super().__init__(self.widget.getPlotItem())
        self.plot.invertY(True)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setLabel("bottom", translate("Charts", "hard sets this week"))
        left = self.plot.getAxis("left")
        left.setStyle(tickLength=0)
        left.setWidth(max(text_width(left, group_name(g)) for g in MUSCLE_GROUPS) + 12)
        self._pg = pg
        self.bands = pg.BarGraphItem(x0=[], x1=[], y=[], height=0.8, brushes=[], pen=None)
        self.done = pg.BarGraphItem(x0=0, width=[], y=[], height=0.4, brushes=[], pen=None)
        self.planned = pg.ScatterPlotItem(symbol="|", size=22)
        self.labels = [pg.TextItem(anchor=(0, 0.5)) for _ in MUSCLE_GROUPS]
        for item in (self.bands, self.done, self.planned, *self.labels):
            self.plot.addItem(item)
        self.rows: list[GlanceRow] = []
        self._label_at: list[float] = []  # where each row's label begins, in sets
        self.plot.getViewBox().sigResized.connect(self._fit_scale)
        self.restyle()

    def restyle(self) -> None:
        """The theme's colours (the bars and bands take theirs at the next update)."""
        colour = foreground()
        style_plot(self.widget, self.plot)
        self.planned.setBrush(colour)
        self.planned.setPen(self._pg.mkPen(colour, width=2))
        for label in self.labels:
            label.setColor(colour)

    def update(self, rows: list[GlanceRow], title: str) -> None:
        self.rows = rows
        band_x0, band_x1, band_y, band_brushes = [], [], [], []
        for index, row in enumerate(rows):
            for lo, hi, status in landmark_bands(row.landmarks):
                band_x0.append(lo)
                band_x1.append(hi)
                band_y.append(index)
                band_brushes.append(translucent(status_colour(status)))
        self.bands.setOpts(x0=band_x0, x1=band_x1, y=band_y, brushes=band_brushes)
        by_status = status_brushes()
        self.done.setOpts(width=[row.sets for row in rows], y=list(range(len(rows))),
                          brushes=[by_status[row.status] for row in rows])
        planned = [(row.planned, index) for index, row in enumerate(rows) if row.planned > 0]
        self.planned.setData(x=[p[0] for p in planned], y=[p[1] for p in planned])
        self._update_labels(rows)
        self.set_ticks("left", [[(i, group_name(row.group)) for i, row in enumerate(rows)], []])
        self.plot.setYRange(-0.6, len(rows) - 0.4, padding=0)
        self._fit_scale()
        set_title(self.widget, self.plot, title)

    def _update_labels(self, rows: list[GlanceRow]) -> None:
        self._label_at = []
        for index, label in enumerate(self.labels):
            if index >= len(rows):
                label.hide()
                continue
            row = rows[index]
            label.setText(_glance_text(row))
            self._label_at.append(max(row.sets, row.planned, landmark_bands(row.landmarks)[-1][1]))
            label.show()

    def _fit_scale(self) -> None:
        """Set the scale so the longest row ends with its label inside the view: a label is as
        wide in pixels whatever the scale, so the scale's end follows the view's width
        (recomputed on every resize). Each label then starts a few pixels right of its row."""
        width = self.plot.getViewBox().width()
        right = max([10.0, *self._label_at])
        if width > 0:
            for start, label in zip(self._label_at, self.labels, strict=False):
                room = width - label.textItem.boundingRect().width() - GLANCE_LABEL_GAP_PX \
                    - GLANCE_MARGIN_PX
                # In a window too narrow for a label, its row keeps at least a quarter.
                right = max(right, start * width / max(room, width / 4))
        else:  # not laid out yet: room for labels of ordinary length
            right *= 1.28
        self.plot.setXRange(0, right, padding=0)
        gap = GLANCE_LABEL_GAP_PX * right / width if width > 0 else 0.5
        for index, (start, label) in enumerate(zip(self._label_at, self.labels, strict=False)):
            label.setPos(start + gap, index)


def _glance_text(row: GlanceRow) -> str:
    if row.side == "below" and row.distance:
        where = translate("Charts", "{sets} below MEV").format(sets=number(row.distance))
    elif row.side == "above":
        where = translate("Charts", "{sets} over MRV").format(sets=number(row.distance))
    else:
        where = status_name(row.status)
    if row.planned:
        text = translate("Charts", "{sets} sets / {planned} planned · {where}")
    else:
        text = translate("Charts", "{sets} sets · {where}")
    return text.format(sets=number(row.sets), planned=number(row.planned), where=where)

