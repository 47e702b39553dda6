"""What the charts page has drawn, read back from its plot items: the tests' view of a chart.

These read pyqtgraph items (heights, brushes, regions, text) so a test can assert what the user
sees; the page itself offers only drawn(key)."""

from __future__ import annotations

import math
from datetime import date, datetime

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage, QPainter, QPainterPath

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


def volume_hover(page, index: int) -> str | None:
    """Hover the middle of bar `index` as the mouse would; the label it shows."""
    chart = page.drawn("volume")
    view = chart.plot.getViewBox()
    x = chart.done.opts["x"][index]
    chart.plot.scene().sigMouseMoved.emit(view.mapViewToScene(QPointF(x, 0.5)))
    return hover_text(page)


def tick_labels(axis) -> list[tuple[QRectF, str]]:
    """A date axis's labels as it draws them, left to right: each text and its rectangle."""
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        painter.setFont(axis.style["tickFont"] or axis.font())
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return sorted(((rect, text) for rect, _, text in specs[2] if text),
                  key=lambda spec: spec[0].left())


def line_pieces(curve_item) -> int:
    """How many separate pieces a line is drawn in: the moves to a new start in its path."""
    path = curve_item.curve.getPath()
    return sum(1 for i in range(path.elementCount())
               if path.elementAt(i).type == QPainterPath.ElementType.MoveToElement)


def progress_label(page) -> str | None:
    hover = page.drawn("progress").hover
    return hover.textItem.toPlainText() if hover.isVisible() else None


def scene_rect(text_item) -> QRectF:
    """Where a pyqtgraph TextItem's text is in the scene, as last painted (a TextItem keeps its
    size in pixels by a transform it updates when painted)."""
    inner = text_item.textItem
    return inner.mapRectToScene(inner.boundingRect())


def glance_labels(page) -> list[tuple[str, QRectF]]:
    """Each visible row label of the glance chart: its text and its rectangle in the scene."""
    chart = page.drawn("glance")
    return [(label.textItem.toPlainText(), scene_rect(label))
            for label in chart.labels if label.isVisible()]


def glance_view_rect(page) -> QRectF:
    return page.drawn("glance").plot.getViewBox().sceneBoundingRect()
