"""Sizes that follow the text, at any font and scale (issue 18.19).

Fonts relative to the application's: a title 1.33 × the body text stays 1.33 × it when the
desktop's font is larger ("large text") or changes while the app runs, where a style sheet's
`font-size: 16px` stays 16 px whatever the user chose, and a fixed width in pixels cuts the
text a larger font needs.

- `set_relative_font(widget, scale, weight)` gives a widget such a font and keeps it so;
  `relative_font(base, scale, weight)` is the font itself, for painting and measuring.
- `text_width(font, *samples)` is the width the widest sample needs: the one way a fixed width
  is taken from the font.
- `fit_to_screen(window, width, height)`: a window's first size, never larger than its screen
  (a 1280×720 laptop's, under the desktop's panel and the window's title bar).
- `scrolling(widget, name)`: a panel in a scroll area that scrolls up and down, never sideways
  (a dock's or a page's text half hidden behind the edge).
- `keep_height_for_width(widget)`: a widget whose layout wraps text (a word-wrapped label) gets
  the height its width needs as its minimum, where a splitter or a dock would squeeze it to the
  minimum of its unwrapped text and cut the rows below.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QWidget

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
    """Gives its widget (its parent) a font `scale` × the application's."""

    def __init__(self, widget: QWidget, scale: float, weight: QFont.Weight | None):
        super().__init__(widget)
        self.widget, self.scale, self.weight = widget, scale, weight
        self.apply()

    def apply(self) -> None:
        self.widget.setFont(relative_font(QApplication.font(), self.scale, self.weight))


class _FontFollower(QObject):
    """Re-applies every relative font when the application's font changes (a widget's own
    font keeps its size when its parent's changes)."""

    def __init__(self):
        super().__init__(QApplication.instance())
        self.fonts: set[_RelativeFont] = set()
        QApplication.instance().fontChanged.connect(self.apply_all)

    def add(self, font: _RelativeFont) -> None:
        self.fonts.add(font)
        font.destroyed.connect(lambda: self.fonts.discard(font))

    def apply_all(self) -> None:
        for font in list(self.fonts):
            font.apply()


_follower: list[_FontFollower] = []  # one, made with the first relative font


def set_relative_font(widget: QWidget, scale: float = 1.0,
                      weight: QFont.Weight | None = None) -> None:
    """Give `widget` the application's font `scale` times as large, in `weight`, now and after
    every change of the application's font."""
    if not _follower:
        _follower.append(_FontFollower())
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    for old in widget.findChildren(_RelativeFont, options=direct):
        _follower[0].fonts.discard(old)
        old.deleteLater()
    _follower[0].add(_RelativeFont(widget, scale, weight))


# A window's title bar and frame: the screen's available geometry leaves out the desktop's
# panels, not these.
TITLE_BAR = 40


# The point size the app's windows were designed at (Qt's default on Linux and Windows): a
# window's first size grows in proportion to a larger font.
DESIGN_POINT_SIZE = 9.0


def fit_to_screen(window: QWidget, width: int = 0, height: int = 0) -> None:
    """Resize `window` to `width` × `height` — as designed at DESIGN_POINT_SIZE, in proportion
    to a larger font, or its size hint where that is larger still — within what its screen
    leaves it."""
    screen = (window.screen() or QApplication.primaryScreen()).availableGeometry()
    scale = max(1.0, QApplication.font().pointSizeF() / DESIGN_POINT_SIZE)
    hint = window.sizeHint()
    window.resize(min(max(round(width * scale), hint.width()), screen.width()),
                  min(max(round(height * scale), hint.height()), screen.height() - TITLE_BAR))


def arrow_width(button: QWidget) -> int:
    """A button showing an arrow ("◀"): square-ish at its font's size, where the style gives a
    text button 80 px whatever its text."""
    return max(text_width(button.font(), "◀", "▶", padding=24), 2 * button.fontMetrics().height())


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
                and isinstance(watched, QWidget):
            layout = watched.layout()
            if layout is None:
                return False
            needed = layout.minimumHeightForWidth(watched.width()) \
                if layout.hasHeightForWidth() else layout.minimumSize().height()
            if needed != watched.minimumHeight():
                watched.setMinimumHeight(needed)
        return False


def keep_height_for_width(widget: QWidget) -> None:
    """Keep `widget`'s minimum height at what its layout needs at its current width."""
    _HeightForWidth(widget)


def scrolling(widget: QWidget, name: str) -> QScrollArea:
    """`widget` in a frameless scroll area: a panel keeps its natural size where there is room
    and scrolls where there is not (a 1280×720 laptop), instead of forcing the window larger."""
    area = PanelScroll()
    area.setObjectName(name)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the panel's controls take the focus
    area.setWidget(widget)
    return area


class PanelScroll(QScrollArea):
    """A panel's scroll area that scrolls up and down only: it is never narrower than its
    panel's minimum width (plus the scroll bar), so a dock or a page holding it keeps the room
    its text needs — sideways, half a button would hide behind the edge. It follows the
    panel's minimum as it changes (a session with a tempo needs more room than one without)."""

    _minimum_width: int | None = None  # the last one passed on to the window's layout

    def setWidget(self, widget: QWidget) -> None:
        super().setWidget(widget)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Only a new minimum width concerns the window: passing every layout request on (a
        # label's new text) would lay the whole window out anew and repaint all of it.
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            width = self.minimumSizeHint().width()
            if width != self._minimum_width:
                self._minimum_width = width
                self.updateGeometry()
        return super().eventFilter(watched, event)

    def sizeHint(self) -> QSize:
        """The whole panel (QScrollArea's stops at 36 × 24 lines): a dialog opens at its
        natural size, and scrolls only where the screen is smaller."""
        panel = self.widget()
        if panel is None:
            return super().sizeHint()
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        return panel.sizeHint() + QSize(scroll_bar + 2 * self.frameWidth(), 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        panel = self.widget()
        if panel is None:
            return hint
        needed = panel.minimumSizeHint().expandedTo(panel.minimumSize()).width()
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        return QSize(needed + scroll_bar + 2 * self.frameWidth(), hint.height())
