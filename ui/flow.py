"""Rows that wrap where a fixed row would cut or hide its text (issue 18.16).

- `FlowLayout`: widgets left to right at their size hints, wrapping onto more rows where the
  width cannot hold them all (a narrow dock's row of buttons).
- `WrappingTabs`: pages with a row of tabs that wraps the same way, where Qt's tab bar scrolls
  the tabs past its end out of sight (the wizard's training days, each "Mon · Upper A · 52 min").
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


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



class WrappingTabs(QWidget):
    """Pages, each with a tab: a checkable button in a FlowLayout over a QStackedWidget. The
    part of QTabWidget's API its users need: addTab, clear, count, indexOf, widget, tabText,
    setTabText, currentIndex/setCurrentIndex, currentWidget/setCurrentWidget, currentChanged.
    Ctrl+Tab and Ctrl+Shift+Tab go to the next and previous page, as in a QTabWidget.

    Signals: currentChanged(int) — the page shown is now this one."""

    currentChanged = Signal(int)  # noqa: N815 — QTabWidget's name, so users need not change

    def __init__(self, parent: QWidget | None = None, *, name: str = ""):
        super().__init__(parent)
        self.setObjectName(name)
        self.strip = QWidget()
        self.strip.setObjectName("tabStrip")
        self._flow = FlowLayout(self.strip)
        self._flow.setContentsMargins(0, 0, 0, 0)
        self._flow.setSpacing(2)
        self._buttons = QButtonGroup(self)
        self._buttons.setExclusive(True)
        self._buttons.idClicked.connect(self.setCurrentIndex)
        self.pages = QStackedWidget()
        self.pages.currentChanged.connect(self._page_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.strip)
        layout.addWidget(self.pages, 1)

    def addTab(self, page: QWidget, text: str) -> int:
        index = self.pages.addWidget(page)
        button = QToolButton(self.strip)
        button.setText(text)
        button.setCheckable(True)
        button.setAutoRaise(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._buttons.addButton(button, index)
        self._flow.addWidget(button)
        self._page_changed(self.pages.currentIndex())
        return index

    def clear(self) -> None:
        for button in self._buttons.buttons():
            self._buttons.removeButton(button)
            self._flow.removeWidget(button)
            button.deleteLater()
        while self.pages.count():
            self.pages.removeWidget(self.pages.widget(0))

    def count(self) -> int:
        return self.pages.count()

    def indexOf(self, page: QWidget) -> int:
        return self.pages.indexOf(page)

    def widget(self, index: int) -> QWidget | None:
        return self.pages.widget(index)

    def tab(self, index: int) -> QToolButton | None:
        button = self._buttons.button(index)
        return button if isinstance(button, QToolButton) else None

    def tabText(self, index: int) -> str:
        button = self.tab(index)
        return button.text() if button is not None else ""

    def setTabText(self, index: int, text: str) -> None:
        button = self.tab(index)
        if button is not None:
            button.setText(text)
            self._flow.invalidate()

    def currentIndex(self) -> int:
        return self.pages.currentIndex()

    def setCurrentIndex(self, index: int) -> None:
        self.pages.setCurrentIndex(index)

    def currentWidget(self) -> QWidget | None:
        return self.pages.currentWidget()

    def setCurrentWidget(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(page)

    def _page_changed(self, index: int) -> None:
        button = self.tab(index)
        if button is not None:
            button.setChecked(True)
        self.currentChanged.emit(index)

    def keyPressEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and self.count() \
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            step = -1 if event.key() == Qt.Key.Key_Backtab else 1
            self.setCurrentIndex((self.currentIndex() + step) % self.count())
            return
        super().keyPressEvent(event)
