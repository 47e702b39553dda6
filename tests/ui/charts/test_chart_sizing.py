"""The charts at any font and width (issue 18.16 and 18.19): a title longer than the chart
wraps instead of widening the plot past the widget's edge (which cut the week's labels), and
titles and legends follow the application's font."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QApplication

from models.storage.schema import Exercise, LoggedSet, Session, SessionExercise
from ui.charts.charts_page import ChartsPage

TODAY = date(2026, 11, 25)


@pytest.fixture
def logged(db) -> int:
    """Two weeks of rows: the progress chart has two sessions to draw."""
    row = Exercise.get(Exercise.name == "Barbell Row")
    for week in range(2):
        session = Session.create(date=TODAY - timedelta(days=7 * (week + 1)), name="Pull",
                                 status="done")
        entry = SessionExercise.create(session=session, exercise=row, rep_low=6, rep_high=10,
                                       target_sets=3)
        LoggedSet.insert_many([{"session_exercise": entry, "position": i, "kind": "working",
                                "load_kg": 80, "reps": 8} for i in range(3)]).execute()
    return row.id


def charts_at(store, qtbot, width: int) -> ChartsPage:
    page = ChartsPage(store, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(width, 560)
    page.show()
    qtbot.waitExposed(page)
    return page


def inside_its_widget(chart) -> bool:
    plot = chart.plot.sceneBoundingRect()
    return plot.right() <= chart.widget.width() + 1


@pytest.mark.parametrize("large", [False, True], ids=["usual font", "large text"])
def test_a_long_title_wraps_and_the_plot_stays_inside_its_widget(store, qtbot, logged, large,
                                                                request):
    if large:
        request.getfixturevalue("larger_font")
    page = charts_at(store, qtbot, 560)
    page.show_chart("glance")
    chart = page.drawn("glance")
    qtbot.wait(20)
    title = chart.plot.titleLabel
    assert "sets vs landmarks" in title.text
    assert inside_its_widget(chart)
    assert title.item.textWidth() > 0  # wrapped: narrower than the title's one line
    # The title's row holds every line (pyqtgraph keeps it 30 px).
    assert title.geometry().height() >= title.item.boundingRect().height()
    page.resize(1600, 560)
    qtbot.wait(20)
    assert title.item.textWidth() < 0  # one line again where there is room


def test_titles_and_legends_follow_the_application_font(store, qtbot, logged, larger_font):
    page = charts_at(store, qtbot, 900)
    page.show_exercise(logged)
    page.show_chart("progress")
    chart = page.drawn("progress")
    points = QApplication.font().pointSizeF()
    assert f"{points * 1.22:.1f}pt" in chart.top.titleLabel.opts["size"]
    # The volume load's caption sits over its short plot, not along its axis.
    assert "volume load" in chart.bottom.titleLabel.text
    assert chart.legend.opts["labelTextSize"] == f"{points:.1f}pt"
