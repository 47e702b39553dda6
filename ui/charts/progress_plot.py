"""The progress chart: estimated 1RM with PR stars and the heaviest working set above, the
volume load below, on one shared date axis. Lines break across long pauses (models.charts
.line_runs); a session standing alone gets a marker of its own; hovering shows a session's
numbers, and an exercise logged once shows them without hovering.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from datetime import date

from PySide6.QtCore import Qt

from models.charts import ProgressSeries, line_runs
from ui.charts.chart_plots import (
    DAY,
    WEEK,
    foreground,
    hover_label,
    legend_size,
    place_hover,
    set_title,
    style_hover,
    style_plot,
    text_width,
    timestamp,
    translucent,
)
from ui.locale_text import translate
from ui.theme import Tone, tone

# What each series is drawn in: a tone of the theme's status palette (ui/theme.py).
E1RM_TONE = Tone.ACCENT
HEAVIEST_TONE = Tone.MUTED
VOLUME_TONE = Tone.NEUTRAL
PR_TONE = Tone.RECORD
VOLUME_FILL_ALPHA = 70
POINT_SIZE = 4
LONE_POINT_SIZE = 11  # a session with no line to either side: a dot that size is seen at once
HOVER_REACH_PX = 16  # the mouse this close to a session (horizontally) shows its numbers


class ProgressChart:
    """Top: estimated 1RM (with PR stars) and heaviest working set; bottom: volume load.
    The two plots share the date axis."""

    def __init__(self, pg):
        from ui.charts.date_axis import CalendarAxis

        self.widget = pg.GraphicsLayoutWidget()
        self.widget.setObjectName("progressChart")
        self.top = self.widget.addPlot(row=0, col=0, axisItems={"bottom": CalendarAxis()})
        self.bottom = self.widget.addPlot(row=1, col=0, axisItems={"bottom": CalendarAxis()})
        self.widget.ci.layout.setRowStretchFactor(0, 2)
        self.bottom.setXLink(self.top)
        for plot in (self.top, self.bottom):
            plot.showGrid(x=False, y=True, alpha=0.12)
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.setMouseEnabled(x=True, y=False)
            # Equal left axes, or the two linked date axes would not line up.
            plot.getAxis("left").setWidth(text_width(plot.getAxis("left"), "000000") + 28)
        self._pg = pg
        self._build_items(pg)
        self.series: ProgressSeries | None = None
        self._xs: list[float] = []
        self.widget.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.restyle()

    def _build_items(self, pg) -> None:
        # Bottom left: the scale starts at 0, so the curves never reach down there.
        self.legend = self.top.addLegend(offset=(8, -8), labelTextSize=legend_size())
        # connect="finite": a NaN between two sessions leaves the pause undrawn, line and fill.
        # Colours: restyle().
        self.e1rm = self.top.plot([], [], name=translate("ProgressChart",
                                                         "Estimated 1RM (Epley, best set)"),
                                  symbol="o", symbolSize=POINT_SIZE, symbolPen=None, antialias=True,
                                  connect="finite")
        self.heaviest = self.top.plot([], [], name=translate("ProgressChart",
                                                             "Heaviest working set"),
                                      antialias=True, connect="finite")

        self.lone = pg.ScatterPlotItem(symbol="o", size=LONE_POINT_SIZE, pen=None,
                                       antialias=True)
        self.lone_heaviest = pg.ScatterPlotItem(symbol="o", size=LONE_POINT_SIZE - 3, pen=None,
                                                antialias=True)
        for item in (self.lone, self.lone_heaviest):
            item.setZValue(4)
            self.top.addItem(item)
        self.prs = pg.ScatterPlotItem(symbol="star", size=14)
        self.prs.setZValue(5)
        self.top.addItem(self.prs)
        self.legend.addItem(self.prs, translate("ProgressChart", "PR: best e1RM so far"))
        self.volume = self.bottom.plot([], [], antialias=True, fillLevel=0, connect="finite")
        self.lone_volume = pg.ScatterPlotItem(symbol="o", size=LONE_POINT_SIZE - 3, pen=None,
                                              antialias=True)
        self.bottom.addItem(self.lone_volume)
        self.hover = hover_label(pg, self.widget)
        self.top.addItem(self.hover)

    def restyle(self) -> None:
        """The theme's colours: the series' tones, the axes, the legend's text, the hover."""
        pg, text = self._pg, foreground()
        style_plot(self.widget, self.top, self.bottom)
        e1rm, heaviest, volume = tone(E1RM_TONE), tone(HEAVIEST_TONE), tone(VOLUME_TONE)
        self.e1rm.setPen(pg.mkPen(e1rm, width=2))
        self.e1rm.setSymbolBrush(e1rm)
        self.lone.setBrush(e1rm)
        self.heaviest.setPen(pg.mkPen(heaviest, width=1.5, style=Qt.PenStyle.DashLine))
        self.lone_heaviest.setBrush(heaviest)
        # The star's edge in the text colour: it stands out from the line it sits on.
        self.prs.setBrush(tone(PR_TONE))
        self.prs.setPen(pg.mkPen(text, width=0.8))
        self.volume.setPen(pg.mkPen(volume, width=1.2))
        self.volume.setBrush(translucent(volume, VOLUME_FILL_ALPHA))
        self.lone_volume.setBrush(volume)
        self.legend.setLabelTextColor(text)
        for _sample, label in self.legend.items:
            label.setText(label.text)  # setLabelTextColor only colours the next text
        style_hover(pg, self.hover, self.widget)

    def update(self, series: ProgressSeries, name: str, since: date, until: date,
               week_start: str = "mon") -> None:
        self.series = series
        for plot in (self.top, self.bottom):
            plot.getAxis("bottom").set_calendar(week_start, "day")
        self._xs = [timestamp(day) for day in series.dates]
        runs = line_runs(series.dates)
        xs = _with_breaks(self._xs, runs)
        self.e1rm.setData(xs, _with_breaks(series.e1rm, runs, math.nan))
        self.heaviest.setData(xs, _with_breaks(series.heaviest, runs, math.nan))
        self.volume.setData(xs, _with_breaks(series.volume_load, runs, math.nan))
        lone = [run[0] for run in runs if len(run) == 1]
        for item, values in ((self.lone, series.e1rm), (self.lone_heaviest, series.heaviest),
                             (self.lone_volume, series.volume_load)):
            item.setData(x=[self._xs[i] for i in lone], y=[values[i] for i in lone])
        prs = [i for i, is_pr in enumerate(series.is_pr) if is_pr]
        self.prs.setData(x=[self._xs[i] for i in prs], y=[series.e1rm[i] for i in prs])
        unit = series.unit
        set_title(self.widget, self.top,
                  translate("ProgressChart",
                            "{exercise} — estimated 1RM and heaviest working set "
                            "({unit})").format(exercise=name, unit=unit))
        self.top.setLabel("left", unit)
        # Over the plot, not along its axis: the lower plot is short, and with a large font
        # its axis could not hold the words.
        set_title(self.widget, self.bottom,
                  translate("ProgressChart", "volume load ({unit} × reps)").format(unit=unit),
                  size=legend_size())
        self.top.setXRange(*_x_span(since, until), padding=0.02)
        for plot, values, empty_top in ((self.top, (*series.e1rm, *series.heaviest), 100),
                                        (self.bottom, series.volume_load, 1000)):
            plot.setYRange(0, max(values, default=empty_top) * 1.08, padding=0)
        self._show_session(0 if len(series.dates) == 1 else None)

    # hovering

    def session_near(self, x: float, reach: float) -> int | None:
        """The session whose date is nearest to `x`, if it is within `reach` (seconds)."""
        index = bisect_left(self._xs, x)
        near = [i for i in (index - 1, index) if 0 <= i < len(self._xs)]
        best = min(near, key=lambda i: abs(self._xs[i] - x), default=None)
        return best if best is not None and abs(self._xs[best] - x) <= reach else None

    def _show_session(self, index: int | None) -> None:
        """Show a session's numbers above its point; with one session only, always its own."""
        if index is None and self.series is not None and len(self.series.dates) == 1:
            index = 0
        if index is None or self.series is None:
            self.hover.hide()
            return
        self.hover.setText(self.series.label(index))
        place_hover(self.hover, self.top.getViewBox(), self._xs[index], self.series.e1rm[index])

    def _on_mouse_moved(self, scene_pos) -> None:
        for plot in (self.top, self.bottom):
            view = plot.getViewBox()
            if view.sceneBoundingRect().contains(scene_pos):
                x = view.mapSceneToView(scene_pos).x()
                reach = HOVER_REACH_PX * view.viewPixelSize()[0]
                self._show_session(self.session_near(x, reach))
                return
        self._show_session(None)


def _with_breaks(values, runs: list[range], filler: float | None = None) -> list[float]:
    """The values run after run, one `filler` between two runs: NaN for y, so that a line with
    connect='finite' stops there; for x (filler None) the last x again, a finite place to stop."""
    out: list[float] = []
    for run in runs:
        if out:
            out.append(out[-1] if filler is None else filler)
        out.extend(values[i] for i in run)
    return out


def _x_span(since: date, until: date) -> tuple[float, float]:
    """The time axis's ends: the range's first day to the end of its last, and at least a week
    around it, so that one day's session is not drawn on the axis's edge."""
    low, high = timestamp(since), timestamp(until) + DAY
    if high - low < WEEK:
        middle = (low + high) / 2
        low, high = middle - WEEK / 2, middle + WEEK / 2
    return low, high
