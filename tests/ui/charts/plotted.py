"""What the charts page has drawn, read back from its plot items: the tests' view of a chart.

These read pyqtgraph items (heights, brushes, regions, text) so a test can assert what the user
sees; the page itself offers only drawn(key)."""

from __future__ import annotations

import math
from datetime import date, datetime

from models.charts import GlanceRow
from ui.charts.chart_plots import DONE_WIDTH


def day_of(seconds: float) -> date:
    return datetime.fromtimestamp(seconds).date()


def volume_bar_heights(page) -> list[float]:
    return [float(h) for h in page.drawn("volume").done.opts["height"]]


def volume_bar_colours(page) -> list[str]:
    return [brush.color().name() for brush in page.drawn("volume").done.opts["brushes"]]


def volume_bar_starts(page) -> list[date]:
    """The first day of each bar's week or month: a done bar is DONE_WIDTH of its period wide,
    centred in it."""
    opts = page.drawn("volume").done.opts
    return [day_of(x - width / DONE_WIDTH / 2)
            for x, width in zip(opts["x"], opts["width"], strict=True)]


def planned_bar_heights(page) -> list[float]:
    """Planned sets per bar shown, 0 for bars without a plan: the dashed outline's height
    (weekly), or the height of the line across the bar's top (monthly)."""
    chart = page.drawn("volume")
    outlines = dict(zip(chart.planned.opts["x"], chart.planned.opts["height"], strict=True))
    xs, ys = chart.planned_tops.getData()
    tops = {round((xs[i] + xs[i + 1]) / 2): ys[i] for i in range(0, len(xs), 2)}
    return [float(outlines.get(x, tops.get(round(x), 0.0))) for x in chart.done.opts["x"]]


def planned_outline_count(page) -> int:
    return len(page.drawn("volume").planned.opts["x"])


def volume_axis_label(page) -> str:
    return page.drawn("volume").plot.getAxis("left").labelText


def volume_x_range(page) -> tuple[float, float]:
    return tuple(page.drawn("volume").plot.getViewBox().viewRange()[0])



def volume_title(page) -> str:
    return page.drawn("volume").plot.titleLabel.text



def band_edges(page) -> dict[str, tuple[float, float]]:
    """{status: (from, to)} of every landmark band shown on the volume chart."""
    chart = page.drawn("volume")
    return {status.value: tuple(float(v) for v in region.getRegion())
            for status, region in chart.regions.items() if region.isVisible()}



def hover_text(page) -> str | None:
    hover = page.drawn("volume").hover
    return hover.textItem.toPlainText() if hover.isVisible() else None



def glance_rows_shown(page) -> list[GlanceRow]:
    return list(page.drawn("glance").rows)



def glance_bar_lengths(page) -> list[float]:
    return [float(w) for w in page.drawn("glance").done.opts["width"]]



def progress_points(page) -> dict[str, list[float]]:
    """Each progress item's y values drawn, without the NaNs that break its line at a pause."""
    chart = page.drawn("progress")
    return {name: [float(y) for y in (item.getData()[1] if item.getData()[1] is not None
                                      else []) if not math.isnan(y)]
            for name, item in (("e1rm", chart.e1rm), ("heaviest", chart.heaviest),
                               ("volume_load", chart.volume), ("pr", chart.prs),
                               ("lone", chart.lone))}


def empty_text(page, key: str | None = None) -> str | None:
    page.drawn(key or page.current_chart())
    label = page.empty_labels[key or page.current_chart()]
    return label.text() if not label.isHidden() else None
