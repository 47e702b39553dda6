"""Sizes that follow the text (ui/sizing.py) and rows that wrap (ui/flow.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget

from tests.ui.clipping import clipped_texts
from ui.flow import FlowLayout, WrappingTabs
from ui.sizing import (
    TITLE_BAR,
    PanelScroll,
    fit_to_screen,
    keep_height_for_width,
    relative_font,
    scrolling,
    set_relative_font,
    text_width,
)


def test_a_relative_font_keeps_its_proportion_when_the_application_font_grows(qtbot, qapp):
    base = QApplication.font().pointSizeF()
    title = QLabel("November 2026")
    qtbot.addWidget(title)
    set_relative_font(title, 1.5, QFont.Weight.DemiBold)
    assert title.font().pointSizeF() == pytest.approx(base * 1.5)
    assert title.font().weight() == QFont.Weight.DemiBold
    bigger = QFont(QApplication.font())
    bigger.setPointSizeF(base + 4)
    QApplication.setFont(bigger)
    try:
        assert title.font().pointSizeF() == pytest.approx((base + 4) * 1.5)
    finally:
        restored = QFont(bigger)
        restored.setPointSizeF(base)
        QApplication.setFont(restored)


def test_a_pixel_sized_font_scales_in_pixels():
    font = QFont()
    font.setPixelSize(12)
    assert relative_font(font, 1.5).pixelSize() == 18


def test_text_width_is_the_widest_sample_plus_padding(qapp):
    font = QApplication.font()
    narrow, wide = text_width(font, "Abs"), text_width(font, "Hamstrings")
    assert wide > narrow
    assert text_width(font, "Abs", "Hamstrings", padding=10) == wide + 10


def test_fit_to_screen_never_opens_a_window_larger_than_its_screen(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    screen = window.screen().availableGeometry()
    fit_to_screen(window, screen.width() * 3, screen.height() * 3)
    assert window.width() == screen.width()
    assert window.height() == screen.height() - TITLE_BAR
    fit_to_screen(window, 300, 200)
    assert window.size() == QSize(300, 200)


def test_fit_to_screen_grows_with_a_larger_font(qtbot, larger_font):
    window = QWidget()
    qtbot.addWidget(window)
    fit_to_screen(window, 300, 200)
    assert window.width() > 300 and window.height() > 200


def test_a_panel_scroll_never_scrolls_sideways(qtbot):
    panel = QWidget()
    layout = QVBoxLayout(panel)
    button = QPushButton("A button whose text needs its width whole")
    layout.addWidget(button)
    area = scrolling(panel, "panelScroll")
    qtbot.addWidget(area)
    assert isinstance(area, PanelScroll)
    assert area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert area.minimumSizeHint().width() >= panel.minimumSizeHint().width()
    # Its minimum follows the panel's as the panel's content changes.
    before = area.minimumSizeHint().width()
    button.setText(button.text() * 2)
    qtbot.wait(10)
    assert area.minimumSizeHint().width() > before


def test_a_wrapped_label_keeps_the_height_its_width_needs(qtbot):
    panel = QWidget()
    layout = QVBoxLayout(panel)
    label = QLabel("Next: first time: pick a load you can lift for 6–10 reps at RIR 3 " * 3,
                   wordWrap=True)
    layout.addWidget(label)
    keep_height_for_width(panel)
    qtbot.addWidget(panel)
    panel.show()
    panel.resize(600, 100)
    qtbot.wait(10)
    wide = panel.minimumHeight()
    panel.resize(200, 100)
    qtbot.wait(10)
    assert panel.minimumHeight() > wide  # more lines at a narrower width
    assert panel.minimumHeight() >= layout.minimumHeightForWidth(panel.width())


def test_a_flow_layout_wraps_where_a_row_would_cut(qtbot):
    host = QWidget()
    flow = FlowLayout(host)
    flow.setContentsMargins(0, 0, 0, 0)
    buttons = [QPushButton(text) for text in ("Mark done", "Skip", "Back to planned",
                                               "Feedback…")]
    for button in buttons:
        flow.addWidget(button)
    qtbot.addWidget(host)
    host.show()
    one_row = sum(b.sizeHint().width() for b in buttons) + 3 * flow._spacing() + 20
    host.resize(one_row, flow.heightForWidth(one_row))
    qtbot.wait(10)
    assert len({button.y() for button in buttons}) == 1
    narrow = max(b.sizeHint().width() for b in buttons) + 10
    assert flow.minimumSize().width() <= narrow
    host.resize(narrow, flow.heightForWidth(narrow))
    qtbot.wait(10)
    assert len({button.y() for button in buttons}) == len(buttons)  # one a row
    assert clipped_texts(host) == []


def test_wrapping_tabs_switch_pages_and_show_every_tab(qtbot):
    tabs = WrappingTabs(name="dayTabs")
    qtbot.addWidget(tabs)
    pages = [QLabel(day) for day in ("Mon", "Tue", "Thu", "Fri")]
    for page in pages:
        tabs.addTab(page, page.text())
    tabs.setTabText(3, "Fri · Lower B · 37 min")
    assert tabs.objectName() == "dayTabs" and tabs.count() == 4
    assert tabs.tabText(3) == "Fri · Lower B · 37 min"
    assert tabs.currentWidget() is pages[0] and tabs.tab(0).isChecked()
    changes: list[int] = []
    tabs.currentChanged.connect(changes.append)
    qtbot.mouseClick(tabs.tab(2), Qt.MouseButton.LeftButton)
    assert tabs.currentIndex() == 2 and changes == [2] and tabs.tab(2).isChecked()
    tabs.setCurrentWidget(pages[1])
    assert tabs.tab(1).isChecked() and not tabs.tab(2).isChecked()
    qtbot.keyClick(tabs, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 2
    assert tabs.indexOf(pages[3]) == 3
    tabs.show()
    tabs.resize(160, 300)  # narrower than two tabs
    qtbot.wait(10)
    assert all(tabs.strip.rect().contains(tabs.tab(i).geometry()) for i in range(4))
    tabs.clear()
    assert tabs.count() == 0 and tabs.tabText(0) == ""
