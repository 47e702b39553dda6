"""A date axis whose labels never collide: days, weeks, months or years, whichever fit.

Imports pyqtgraph, so chart_plots.py imports this module only when a chart is built (never on the
way to the main window's first frame).

pyqtgraph's DateAxisItem picks its spacing from a fixed pixel density and draws a month name and
day numbers on one row ('29 Oct 04'); ten years of its ticks also cost half a redraw. This axis
measures its candidate labels with the tick font at its current width and takes the finest step
whose labels keep a gap between them: '30 Nov' every day or week, then every 2nd or 4th week,
then months ('Oct', January as '2025'), then years. It asks again whenever the range or the
width changes (zooming, panning, resizing).
"""

from __future__ import annotations

from datetime import date, datetime

import pyqtgraph as pg
from PySide6.QtGui import QFontMetricsF

from models.charts import TICK_STEPS, DateTicks, date_ticks, next_period, tick_count
from ui.charts.chart_plots import timestamp
from ui.locale_text import short_month_name

# The dates an axis can show: zoomed further out, the view's ends are clamped to these.
FIRST_DAY = date(1901, 1, 1)
LAST_DAY = date(2199, 12, 31)
# No step is even considered with ticks closer than this: a label is wider than 20 px.
MIN_LABEL_SPACING_PX = 20.0
# The shortest label of each unit about, to skip at once the steps that cannot fit.
TYPICAL_LABELS = {"day": "1 Jan", "week": "1 Jan", "month": "May", "year": "2024"}
MIN_TICK_SPACING_PX = 5.0  # unlabelled minor ticks closer than this are left out


def day_of(seconds: float) -> date:
    return datetime.fromtimestamp(seconds).date()


class CalendarAxis(pg.AxisItem):
    """A bottom axis of dates (x in local seconds since the epoch).

    centred: each label sits in the middle of its period (bar charts: under the week's or the
    month's bar, with small ticks at the periods' edges); otherwise on the period's first day.
    week_start: where weeks begin ("mon" or "sun"), as in the user's settings.
    finest: the finest unit labelled while one is in view — a chart of weekly bars labels
    weeks, not days.
    """

    def __init__(self, *, centred: bool = False, week_start: str = "mon", finest: str = "day"):
        super().__init__("bottom")
        self.centred = centred
        self.week_start = week_start
        self.finest = finest
        self.chosen: DateTicks | None = None  # the labelled step last drawn
        self._labels: dict[float, str] = {}
        self._label_spacing = 0.0

    def set_calendar(self, week_start: str, finest: str) -> None:
        """Weeks beginning on `week_start`; labels of `finest` or coarser units."""
        if (week_start, finest) != (self.week_start, self.finest):
            self.week_start, self.finest = week_start, finest
            self.picture = None  # pyqtgraph's cache of the drawn axis
            self.update()

    # pyqtgraph's hooks

    def tickValues(self, minVal, maxVal, size):  # noqa: N803 — pyqtgraph names the arguments
        low, high = max(minVal, timestamp(FIRST_DAY)), min(maxVal, timestamp(LAST_DAY))
        self._labels = {}
        if size <= 0 or high <= low:
            return []
        px_per_second = size / (maxVal - minVal)
        first, last = day_of(low), day_of(high)
        chosen = self._choose(first, last, low, high, px_per_second)
        self.chosen = chosen[0] if chosen else None
        if not chosen:
            return []
        ticks, labelled = chosen
        self._labels = dict(labelled)
        # Distinct spacings tell tickStrings which level it is labelling.
        self._label_spacing = ticks.step * 86400.0 * 10
        minor = self._minor_ticks(ticks, first, last, low, high, px_per_second)
        return [(self._label_spacing, [x for x, _ in labelled]), (86400.0, minor)]

    def tickStrings(self, values, scale, spacing):
        if spacing != self._label_spacing:
            return [""] * len(values)
        return [self._labels.get(value, "") for value in values]

    # choosing

    def _choose(self, first: date, last: date, low: float, high: float,
                px_per_second: float) -> tuple[DateTicks, list[tuple[float, str]]] | None:
        """The finest step whose labels fit side by side with at least one wholly in view.

        Zoomed into less than one period, no label of the preferred kind is in view: a centred
        axis then labels the periods' first days, and at last finer units than `finest` are
        allowed, so the axis always names a date."""
        metrics = QFontMetricsF(self.style["tickFont"] or self.font())
        gap = metrics.horizontalAdvance("MM")
        length = (high - low) * px_per_second
        # A step whose typical labels could not fit is not even listed (ten years of days).
        least = {unit: max(metrics.horizontalAdvance(sample) + gap, MIN_LABEL_SPACING_PX)
                 for unit, sample in TYPICAL_LABELS.items()}
        preferred = TICK_STEPS[[unit for unit, _ in TICK_STEPS].index(self.finest):]
        for steps, centred in dict.fromkeys(((preferred, self.centred), (preferred, False),
                                             (TICK_STEPS, False))):
            for unit, step in steps:
                if (tick_count(unit, step, first, last) - 1) * least[unit] > length:
                    continue
                ticks = date_ticks(unit, step, first, last, self.week_start, short_month_name)

                positions = self._positions(ticks, centred)
                labelled = [(x, label) for x, label in zip(positions, ticks.labels, strict=True)
                            if low <= x <= high]
                if not _labels_fit(labelled, px_per_second, metrics, gap):
                    continue
                if any(low <= x - metrics.horizontalAdvance(label) / 2 / px_per_second
                       and x + metrics.horizontalAdvance(label) / 2 / px_per_second <= high
                       for x, label in labelled):
                    return ticks, labelled
        return None

    @staticmethod
    def _positions(ticks: DateTicks, centred: bool) -> list[float]:
        if not centred:
            return [timestamp(day) for day in ticks.starts]
        return [(timestamp(day) + timestamp(next_period(day, ticks.unit))) / 2
                for day in ticks.starts]

    def _minor_ticks(self, ticks: DateTicks, first: date, last: date, low: float, high: float,
                     px_per_second: float) -> list[float]:
        """Unlabelled ticks: the edges of each period under centred labels; otherwise every
        period a skipping step leaves unlabelled, or the quarters under year labels."""
        unit, step = ticks.unit, 1
        if not self.centred and ticks.step == 1:
            if ticks.unit != "year":
                return []
            unit, step = "month", 3
        if tick_count(unit, step, first, last) * MIN_TICK_SPACING_PX > \
                (high - low) * px_per_second:
            return []
        labelled = set(self._labels)
        starts = date_ticks(unit, step, first, last, self.week_start).starts
        return [x for x in map(timestamp, starts) if low <= x <= high and x not in labelled]


def _labels_fit(labelled: list[tuple[float, str]], px_per_second: float,
                metrics: QFontMetricsF, gap: float) -> bool:
    """Whether neighbouring labels, centred on their ticks, keep `gap` pixels between them."""
    widths = [metrics.horizontalAdvance(label) for _, label in labelled]
    return all((labelled[i + 1][0] - labelled[i][0]) * px_per_second
               >= (widths[i] + widths[i + 1]) / 2 + gap
               for i in range(len(labelled) - 1))
