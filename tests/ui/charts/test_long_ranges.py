"""Charts that read well on every range: ten years drawn as monthly averages, lines broken at
long pauses, an exercise logged once, this week's note and labels, date labels that never
collide — each read back from what was plotted."""

import re
from datetime import date, datetime, timedelta
from itertools import pairwise
from statistics import mean

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect
from PySide6.QtGui import QColor, QFontMetricsF
from PySide6.QtWidgets import QApplication, QWidget

from models.charts import (
    MONTHLY_OVER_WEEKS,
    time_range_bounds,
    volume_bars,
    volume_series,
    weeks_between,
)
from models.settings import Settings
from models.storage.db import database
from models.storage.schema import Exercise, LoggedSet, Session, SessionExercise
from models.volume import weekly_volume
from tests.ui.charts import plotted
from ui.charts.chart_plots import MONTHLY_AXIS
from ui.charts.charts_page import EMPTY_GLANCE, ChartsPage
from ui.commands import SetSettingsCommand

TODAY = date(2026, 11, 25)  # a Wednesday
FIRST_MONDAY = date(2016, 11, 28)
PAUSE = (date(2020, 3, 1), date(2021, 2, 28))  # a year without training


def log(day: date, exercise: str, sets: list[tuple[float, int]], *, status="done",
        target_sets=None) -> None:
    session = Session.create(date=day, name="Session", status=status)
    se = SessionExercise.create(session=session, exercise=Exercise.get(Exercise.name == exercise),
                                rep_low=6, rep_high=12,
                                target_sets=len(sets) if target_sets is None else target_sets)
    LoggedSet.insert_many([{"session_exercise": se, "position": i, "kind": "working",
                            "load_kg": load, "reps": reps}
                           for i, (load, reps) in enumerate(sets)]).execute()


def exercise_id(name: str) -> int:
    return Exercise.get(Exercise.name == name).id


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


@pytest.fixture
def ten_years(db):
    """Barbell rows every Monday for ten years but one: 8 to 18 sets in 6-week blocks, planned
    two more, loads rising; nothing from March 2020 to February 2021."""
    with database.atomic():
        monday, week = FIRST_MONDAY, 0
        while monday <= TODAY:
            if not PAUSE[0] <= monday <= PAUSE[1]:
                sets = 8 + 2 * (week % 6)
                log(monday, "Barbell Row", [(40 + week * 0.1, 10)] * sets, target_sets=sets + 2)
            monday += timedelta(days=7)
            week += 1


@pytest.fixture
def page(store, qtbot):
    charts = ChartsPage(store, today=lambda: TODAY)
    qtbot.addWidget(charts)
    charts.resize(1000, 650)
    charts.show()
    qtbot.waitExposed(charts)
    return charts


def month_of(week: date) -> date:
    return (week + timedelta(days=3)).replace(day=1)


# --- 1. ten years of weeks are monthly averages, the plan a line, not an outline ----------------

def test_ten_years_of_weeks_are_drawn_as_monthly_averages(ten_years, page):
    page.set_range("all")
    since, until = time_range_bounds("all", TODAY)
    weeks = weeks_between(since, until)
    assert len(weeks) > 500
    months = sorted({month_of(week) for week in weeks})
    assert plotted.volume_bar_starts(page) == months  # 121 bars, not 522
    bars = volume_bars(volume_series(["back"], "fractional", "mon", since, until), TODAY)
    assert plotted.volume_bar_heights(page) == pytest.approx(list(bars.done))
    october = months.index(date(2024, 10, 1))
    by_hand = mean(weekly_volume(week, "fractional")["back"]
                   for week in weeks if month_of(week) == date(2024, 10, 1))
    assert plotted.volume_bar_heights(page)[october] == pytest.approx(by_hand)
    assert plotted.volume_bar_heights(page)[months.index(date(2020, 6, 1))] == 0  # the pause
    # The plan: a line across each month's bar, never the dashed outline that hatched.
    assert plotted.planned_outline_count(page) == 0
    assert plotted.planned_bar_heights(page)[october] == pytest.approx(by_hand + 2)
    assert plotted.volume_axis_label(page) == MONTHLY_AXIS
    assert "average weekly sets per month" in plotted.volume_title(page)
    assert "average per week" in page.legends["volume"].text()
    assert plotted.volume_hover(page, october).startswith(
        f"Oct 2024, average per week: {round(by_hand, 1):g} sets done")


def test_a_year_stays_weekly_with_its_outlines(ten_years, page):
    page.set_range("1y")
    since, until = time_range_bounds("1y", TODAY)
    assert len(weeks_between(since, until)) <= MONTHLY_OVER_WEEKS
    assert plotted.volume_bar_starts(page) == weeks_between(since, until)
    assert plotted.planned_outline_count(page) == len(weeks_between(since, until))
    assert plotted.volume_axis_label(page) == "hard sets per week"
    assert "dashed outline" in page.legends["volume"].text()


# --- 2. progress lines and the volume area break at a long pause ---------------------------------

def test_progress_lines_break_across_a_long_pause(ten_years, page):
    page.set_range("all")
    page.show_exercise(exercise_id("Barbell Row"))
    chart = page.drawn("progress")
    for item in (chart.e1rm, chart.heaviest, chart.volume):
        assert plotted.line_pieces(item) == 2  # before the pause and after it
        assert sum(1 for y in item.getData()[1] if y != y) == 1  # one NaN: the break
    # The volume area is not filled across the pause, and is filled on either side.
    settle()
    image = chart.widget.grab().toImage()
    view = chart.bottom.getViewBox()
    low = view.viewRange()[1][1] * 0.1

    def colours(day: date) -> set[str]:
        centre = chart.widget.mapFromScene(view.mapViewToScene(
            QPointF(datetime(day.year, day.month, day.day).timestamp(), low)))
        ratio = image.devicePixelRatio()
        return {QColor(image.pixel(int((centre.x() + dx) * ratio), int((centre.y() + dy) * ratio)))
                .name() for dx in (-2, 0, 2) for dy in (-2, 0, 2)}

    filled = colours(date(2018, 6, 6)) & colours(date(2023, 6, 7))
    assert filled, "the area under the volume line is one colour on both sides"
    assert not colours(date(2020, 8, 26)) & filled


# --- 3. an exercise logged once: a marker, its star and its numbers -----------------------------

@pytest.mark.parametrize("range_key", ["mesocycle", "3m", "1y", "all"])
def test_an_exercise_logged_once_shows_a_marker_its_star_and_its_numbers(db, page, store,
                                                                       range_key):
    log(date(2026, 10, 14), "Barbell Row", [(60, 10)] * 3)
    store.sessions_changed.emit()
    page.set_range(range_key)
    page.show_exercise(exercise_id("Barbell Row"))
    points = plotted.progress_points(page)
    assert points["e1rm"] == [80.0] and points["pr"] == [80.0]  # 60 × (1 + 10/30)
    assert points["lone"] == [80.0]
    chart = page.drawn("progress")
    assert chart.lone.points()[0].size() >= 10  # not a 4-pixel dot
    settle()
    label = plotted.progress_label(page)
    assert label is not None and label.startswith("14 Oct 2026 — PR")
    assert "estimated 1RM 80 kg" in label and "volume load 1,800 kg × reps" in label
    view = chart.top.getViewBox()
    (left, right), (bottom, top) = view.viewRange()
    x = datetime(2026, 10, 14).timestamp()
    assert left < x < right and bottom <= 80 < top
    assert view.sceneBoundingRect().contains(plotted.scene_rect(chart.hover))


def test_no_sessions_and_one_day_ranges_keep_a_sound_axis(db, page, store):
    page.set_range("all")  # an empty database: the range is today alone
    page.show_chart("progress")
    chart = page.drawn("progress")
    (left, right), (bottom, top) = chart.top.getViewBox().viewRange()
    assert right - left >= 7 * 86400 and top > bottom
    assert plotted.progress_label(page) is None
    log(TODAY, "Barbell Row", [(50, 5)])  # one session, today: the range is still one day
    store.sessions_changed.emit()
    page.show_exercise(exercise_id("Barbell Row"))
    (left, right), _ = chart.top.getViewBox().viewRange()
    x = datetime(TODAY.year, TODAY.month, TODAY.day).timestamp()
    assert right - left >= 7 * 86400 and left + 86400 < x < right - 86400  # not on the edge
    assert plotted.progress_points(page)["pr"] == [pytest.approx(50 * (1 + 5 / 30))]


# --- 4. this week: the note beside the chart, every label whole ---------------------------------

def rect_in(page, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(page, QPoint(0, 0)), widget.size())


def test_this_weeks_note_never_covers_the_chart(db, page, store):
    log(TODAY + timedelta(days=1), "Barbell Row", [], status="planned", target_sets=6)
    store.sessions_changed.emit()
    page.show_chart("glance")
    assert plotted.empty_text(page, "glance") == EMPTY_GLANCE
    chart = page.findChild(QWidget, "weekGlanceChart")
    assert len(page.drawn("glance").planned.data) > 0  # the planned sets are drawn
    note = page.empty_labels["glance"]
    settle()
    assert note.isVisible() and chart.isVisible()
    assert not rect_in(page, note).intersects(rect_in(page, chart))


@pytest.mark.parametrize("width", [760, 1000, 1600])
def test_this_weeks_labels_are_never_cut(db, page, store, width):
    # Biceps far over its MRV of 26 (the longest label, on the longest row), every other
    # group far below.
    for day in (TODAY - timedelta(days=1), TODAY):
        log(day, "Barbell Curl", [(30, 10)] * 20)
    store.sessions_changed.emit()
    page.resize(width, 650)
    page.show_chart("glance")
    settle()
    labels = plotted.glance_labels(page)
    assert any(text.endswith("over MRV") for text, _ in labels) and len(labels) == 14
    view = plotted.glance_view_rect(page)
    for text, rect in labels:
        assert view.contains(rect), f"{text!r} ends at {rect.right():.0f}, view {view.right()}"


# --- 5. date labels never collide, from a day to ten years --------------------------------------

SPANS_DAYS = [1, 2, 7, 31, 92, 183, 366, 3 * 366, 3653]


def assert_labels_apart(axis, span: int) -> list[str]:
    labels = plotted.tick_labels(axis)
    assert labels, f"no date label over {span} days"
    metrics = QFontMetricsF(axis.style["tickFont"] or axis.font())
    for rect, text in labels:
        assert metrics.horizontalAdvance(text) <= rect.width() + 0.5, f"{text!r} is cut"
    for (left, text), (right, after) in pairwise(labels):
        assert left.right() < right.left(), f"{text!r} and {after!r} overlap over {span} days"
    return [text for _, text in labels]


@pytest.mark.parametrize("width", [700, 1000, 1600])
def test_date_labels_never_overlap_on_any_range(ten_years, page, width):
    page.resize(width, 650)
    page.set_range("all")
    page.show_exercise(exercise_id("Barbell Row"))
    settle()
    end = datetime(2026, 11, 26, 12).timestamp()  # noon: no day's label on the very edge
    # The volume chart's bars are weeks at least: it is read from a week up.
    for key, plot, spans in (("volume", page.drawn("volume").plot, SPANS_DAYS[2:]),
                             ("progress", page.drawn("progress").top, SPANS_DAYS)):
        page.show_chart(key)
        settle()
        for span in spans:
            plot.setXRange(end - span * 86400, end, padding=0)
            texts = assert_labels_apart(plot.getAxis("bottom"), span)
            if span == 3653:  # years, perhaps with months between them
                assert all(re.fullmatch(r"\d{4}|[^\d\s]+", text) for text in texts), texts
                assert sum(1 for text in texts if text.isdigit()) >= 9
            if span <= 31 and key == "progress":  # (the volume chart's bars are months)
                assert all(re.fullmatch(r"\d{1,2} \w+( \d{4})?", text) for text in texts), texts
                assert len(texts) >= (2 if span >= 7 else 1)


@pytest.mark.parametrize("range_key", ["mesocycle", "3m", "1y", "all"])
@pytest.mark.parametrize("width", [700, 1600])
def test_bar_labels_sit_under_their_bars(ten_years, page, range_key, width):
    """A label names a bar, under its middle: never a day inside a week's bar, however wide."""
    page.resize(width, 650)
    page.set_range(range_key)
    chart = page.drawn("volume")
    settle()
    centres = {round(x) for x in chart.done.opts["x"]}
    axis = chart.plot.getAxis("bottom")
    labelled = axis.tickValues(*axis.range, axis.width())[0][1]
    bar_unit = "month" if chart.bars.monthly else "week"
    assert labelled and axis.chosen.unit in ("week", "month", "year")
    if axis.chosen.unit == bar_unit:
        assert {round(x) for x in labelled} <= centres
    else:  # coarser labels: months over weeks, years over months
        assert axis.chosen.unit in ("month", "year")[bar_unit == "month":]


def test_week_labels_follow_the_users_week_start(ten_years, page, store):
    store.push(SetSettingsCommand(store, store.settings, Settings(week_start="sun")))
    page.resize(1600, 650)
    page.set_range("3m")
    page.show_exercise(exercise_id("Barbell Row"))
    settle()
    for axis in (page.drawn("progress").top.getAxis("bottom"),
                 page.drawn("volume").plot.getAxis("bottom")):
        axis.tickValues(*axis.range, axis.width())
        assert axis.chosen.unit == "week"
        assert {day.weekday() for day in axis.chosen.starts} == {6}  # Sundays
