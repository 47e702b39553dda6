"""What the charts page has drawn, read back from its plot items: the tests' view of a chart.

These read pyqtgraph items (heights, brushes, regions, text) so a test can assert what the user
sees; the page itself offers only drawn(key)."""

from __future__ import annotations

from datetime import date, datetime

from models.charts import GlanceRow
from ui.charts.chart_plots import WEEK


def volume_bar_heights(page) -> list[float]:
    return [float(h) for h in page.drawn("volume").done.opts["height"]]



def volume_bar_colours(page) -> list[str]:
    return [brush.color().name() for brush in page.drawn("volume").done.opts["brushes"]]



def planned_bar_heights(page) -> list[float]:
    """Planned sets per week shown, 0 for weeks without an outline."""
    chart = page.drawn("volume")
    outlines = dict(zip(chart.planned.opts["x"], chart.planned.opts["height"], strict=True))
    return [float(outlines.get(x, 0.0)) for x in chart.done.opts["x"]]



def volume_bar_weeks(page) -> list[date]:
    return [datetime.fromtimestamp(x - WEEK / 2).date()
            for x in page.drawn("volume").done.opts["x"]]



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
    chart = page.drawn("progress")
    return {name: [float(y) for y in (item.getData()[1] if item.getData()[1] is not None
                                      else [])]
            for name, item in (("e1rm", chart.e1rm), ("heaviest", chart.heaviest),
                               ("volume_load", chart.volume), ("pr", chart.prs))}



def empty_text(page, key: str | None = None) -> str | None:
    page.drawn(key or page.current_chart())
    label = page.empty_labels[key or page.current_chart()]
    return label.text() if not label.isHidden() else None
