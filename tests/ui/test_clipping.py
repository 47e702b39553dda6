"""The cut-text checker (tests/ui/clipping.py) itself: it finds each kind of cut the screenshot
tests rely on it to find, and passes text shown whole — a checker that never fails would let
every screen pass."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tests.ui.clipping import clipped_texts

LONG = "Single-Arm Dumbbell Overhead Triceps Extension"


@pytest.fixture
def host(qtbot):
    widget = QWidget()
    QVBoxLayout(widget)
    qtbot.addWidget(widget)
    return widget


def show(host, qtbot, width: int, height: int = 200) -> list[str]:
    host.show()
    host.resize(width, height)
    qtbot.waitExposed(host)
    qtbot.wait(10)
    return [str(cut) for cut in clipped_texts(host)]


def test_whole_texts_pass(host, qtbot):
    layout = host.layout()
    layout.addWidget(QLabel("Barbell Row"))
    layout.addWidget(QPushButton("Log set"))
    combo = QComboBox()
    combo.addItems(["All muscle groups", "Back"])
    layout.addWidget(combo)
    assert show(host, qtbot, 400) == []


@pytest.mark.parametrize("make", [
    lambda: QLabel(LONG),
    lambda: QPushButton(LONG),
    lambda: QLabel(f"<b>{LONG}</b>"),
])
def test_a_label_or_button_narrower_than_its_text_is_found(host, qtbot, make):
    widget = make()
    widget.setMinimumWidth(0)
    widget.setFixedWidth(120)
    host.layout().addWidget(widget)
    cut = show(host, qtbot, 400)
    assert any(LONG in text and "wide" in text for text in cut), cut


def test_a_combo_box_cutting_its_current_text_is_found(host, qtbot):
    combo = QComboBox()
    combo.addItem("All muscle groups")
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(3)
    combo.setFixedWidth(90)
    host.layout().addWidget(combo)
    assert any("'All muscle groups'" in text for text in show(host, qtbot, 400))


def test_a_word_wrapped_label_without_the_height_for_its_lines_is_found(host, qtbot):
    label = QLabel(" ".join([LONG] * 4), wordWrap=True)
    label.setFixedSize(200, 20)
    host.layout().addWidget(label)
    assert any("tall" in text for text in show(host, qtbot, 400))


def test_header_sections_tabs_and_group_titles_are_measured(host, qtbot):
    model = QStandardItemModel(1, 2)
    model.setHorizontalHeaderLabels(["Exercise", "Reps / time"])
    table = QTableView()
    table.setModel(model)
    table.horizontalHeader().resizeSection(1, 30)
    tabs = QTabWidget()
    tabs.setUsesScrollButtons(True)
    for day in ("Mon · Upper A · 52 min", "Tue · Lower A · 37 min", "Thu · Upper B · 52 min"):
        tabs.addTab(QWidget(), day)
    tabs.setFixedWidth(250)
    box = QGroupBox(LONG)
    box.setFixedWidth(100)
    for widget in (table, tabs, box):
        host.layout().addWidget(widget)
    cut = show(host, qtbot, 600, 400)
    assert any("'Reps / time'" in text for text in cut), cut
    assert any("QTabBar" in text for text in cut), cut
    assert any("QGroupBox" in text for text in cut), cut


def test_a_label_pushed_past_its_parent_edge_is_found(host, qtbot):
    """A layout squeezed below its minimum lays its last row past the parent's bottom (the
    month's last row at the default size)."""
    inner = QWidget(host)
    column = QVBoxLayout(inner)
    for week in range(8):
        column.addWidget(QLabel(f"Week {week}"))
    inner.setGeometry(0, 0, 200, 400)
    host.setFixedSize(200, 80)
    cut = show(host, qtbot, 200, 80)
    assert any("'Week 7'" in text for text in cut), cut


def test_a_squeezed_button_is_found(host, qtbot):
    """A widget (not a window) narrower than its layout's minimum squeezes its children."""
    inner = QWidget()
    row = QHBoxLayout(inner)
    for number in range(6):
        row.addWidget(QPushButton(f"Button number {number}"))
    inner.setFixedWidth(300)
    host.layout().addWidget(inner)
    assert any("squeezed" in text for text in show(host, qtbot, 400))


def test_elided_on_purpose_is_not_reported(qtbot):
    """The calendar's week totals elide by design (ElidedLabel, with a tooltip)."""
    from ui.calendar.calendar_view import ElidedLabel

    host = QWidget()
    qtbot.addWidget(host)
    label = ElidedLabel(parent=host)
    label.setText(LONG)
    label.setGeometry(0, 0, 60, 20)
    host.resize(100, 40)
    host.show()
    qtbot.waitExposed(host)
    assert clipped_texts(host) == []
    assert label.toolTip() == LONG


def test_painted_texts_are_measured(host, qtbot):
    from ui.session.coaching import TempoCue

    cue = TempoCue()
    cue.set_tempo("3-1-1-0")
    host.layout().addWidget(cue)
    assert [text for text in show(host, qtbot, 500) if "TempoCue" in text] == []
    cue.setMinimumWidth(0)
    cue.setFixedWidth(140)
    cut = show(host, qtbot, 500)
    assert any("TempoCue" in text and "'concentric'" in text for text in cut), cut


def test_the_tab_widget_on_a_wide_window_passes(host, qtbot):
    tabs = QTabWidget()
    tabs.addTab(QWidget(), "Weekly volume")
    tabs.addTab(QWidget(), "This week")
    host.layout().addWidget(tabs)
    assert show(host, qtbot, 600) == []
