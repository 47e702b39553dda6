"""Sizes that follow the text, at any font and scale (issue 18.19).

Fonts relative to the application's: a title 1.33 × the body text stays 1.33 × it when the
desktop's font is larger ("large text") or changes while the app runs, where a style sheet's
`font-size: 16px` stays 16 px whatever the user chose, and a fixed width in pixels cuts the
text a larger font needs.

- `set_relative_font(widget, scale, weight)` gives a widget such a font and keeps it so;
  `relative_font(base, scale, weight)` is the font itself, for painting and measuring.
- `text_width(font, *samples)` is the width the widest sample needs: the one way a fixed width
  is taken from the font.
- `FlowLayout`: widgets left to right, wrapping onto more rows where the width cannot hold
  them all (a narrow dock's row of buttons).
- `keep_height_for_width(widget)`: a widget whose layout wraps text (a word-wrapped label) gets
  the height its width needs as its minimum, where a splitter or a dock would squeeze it to the
  minimum of its unwrapped text and cut the rows below.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QLayout, QLayoutItem, QSizePolicy, QWidget

# Emphasis used across the app: a page's or panel's title, a heading, a big number.
TITLE = 1.33
HEADING = 1.15
BIG_NUMBER = 1.25
SMALL = 0.86


def relative_font(base: QFont, scale: float = 1.0, weight: QFont.Weight | None = None) -> QFont:
    """`base` `scale` times as large (a font sized in pixels stays in pixels), in `weight`."""
    font = QFont(base)
    if base.pointSizeF() > 0:
        font.setPointSizeF(base.pointSizeF() * scale)
    else:
        font.setPixelSize(max(1, round(base.pixelSize() * scale)))
    if weight is not None:
        font.setWeight(weight)
    return font


class _RelativeFont(QObject):
    """Keeps its widget's font `scale` × the application's when the application's changes."""

    def __init__(self, widget: QWidget, scale: float, weight: QFont.Weight | None):
        super().__init__(widget)
        self.scale, self.weight = scale, weight
        widget.installEventFilter(self)
        self.apply(widget)

    def apply(self, widget: QWidget) -> None:
        widget.setFont(relative_font(QApplication.font(), self.scale, self.weight))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationFontChange and isinstance(watched, QWidget):
            self.apply(watched)
        return False


def set_relative_font(widget: QWidget, scale: float = 1.0,
                      weight: QFont.Weight | None = None) -> None:
    """Give `widget` the application's font `scale` times as large, in `weight`, now and after
    every change of the application's font."""
    for old in widget.findChildren(_RelativeFont):
        if old.parent() is widget:
            widget.removeEventFilter(old)
            old.deleteLater()
    _RelativeFont(widget, scale, weight)


def text_width(font: QFont, *samples: str, padding: int = 0) -> int:
    """The width the widest of `samples` needs in `font`, plus `padding`."""
    metrics = QFontMetrics(font)
    return max(metrics.horizontalAdvance(sample) for sample in samples) + padding


class _HeightForWidth(QObject):
    def __init__(self, widget: QWidget):
        super().__init__(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest) \
                and isinstance(watched, QWidget) and watched.layout() is not None:
            layout = watched.layout()
            needed = layout.minimumHeightForWidth(watched.width()) \
                if layout.hasHeightForWidth() else layout.minimumSize().height()
            if needed != watched.minimumHeight():
                watched.setMinimumHeight(needed)
        return False


def keep_height_for_width(widget: QWidget) -> None:
    """Keep `widget`'s minimum height at what its layout needs at its current width."""
    _HeightForWidth(widget)


class FlowLayout(QLayout):
    """Items left to right at their size hints, wrapping onto a new row where the next one
    would pass the right edge; as narrow as its widest item, as tall as its rows need."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        shown = [item.sizeHint() for item in self._shown()]
        spacing = self._spacing() * max(0, len(shown) - 1)
        margins = self.contentsMargins()
        return QSize(sum(size.width() for size in shown) + spacing
                     + margins.left() + margins.right(),
                     max((size.height() for size in shown), default=0)
                     + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _spacing(self) -> int:
        if self.spacing() >= 0:
            return self.spacing()
        parent = self.parentWidget()
        style = parent.style() if parent is not None else QApplication.style()
        return style.layoutSpacing(QSizePolicy.ControlType.PushButton,
                                   QSizePolicy.ControlType.PushButton, Qt.Orientation.Horizontal)

    def _place(self, rect: QRect, *, move: bool) -> int:
        """Lay the items out in `rect` (only measure unless `move`); the height used."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, row_height = area.x(), area.y(), 0
        spacing = self._spacing()
        for item in self._shown():
            size = item.sizeHint()
            if x > area.x() and x + size.width() > area.right() + 1:
                x, y, row_height = area.x(), y + row_height + spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), size))
            x += size.width() + spacing
            row_height = max(row_height, size.height())
        return y + row_height - rect.y() + margins.bottom()
