"""The charts page: plotted items read back against models/, landmark bands, ranges, rule,
progress and PRs, export, empty states, and pyqtgraph imported only when a chart is shown."""

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from models.charts import (
    MONTHLY_OVER_WEEKS,
    exercise_progress,
    time_range_bounds,
    weeks_between,
)
from models.landmarks import load_landmarks, save_landmarks
from models.rules.domain import Landmarks, Status
from models.settings import Settings
from models.storage.schema import Exercise, LoggedSet, Mesocycle, Session, SessionExercise
from models.volume import weekly_volume
from tests.ui.charts import plotted
from ui.charts.charts_page import EMPTY_GLANCE, EMPTY_PROGRESS, EMPTY_VOLUME, ChartsPage
from ui.commands import SetLandmarksCommand, SetSettingsCommand
from ui.theme import status_colour

ROOT = Path(__file__).resolve().parents[3]
TODAY = date(2026, 11, 25)  # a Wednesday; the mesocycle below runs 26 Oct – 29 Nov
MESO_START = date(2026, 10, 26)


def log(day: date, exercise: str, sets: list[tuple[float, int]], *, status="done",
        target_sets=None) -> None:
    session = Session.create(date=day, name="Session", status=status)
    se = SessionExercise.create(session=session, exercise=Exercise.get(Exercise.name == exercise),
                                rep_low=6, rep_high=10,
                                target_sets=len(sets) if target_sets is None else target_sets)
    LoggedSet.insert_many([{"session_exercise": se, "position": i, "kind": "working",
                            "load_kg": load, "reps": reps}
                           for i, (load, reps) in enumerate(sets)]).execute()


@pytest.fixture
def history(db):
    """A 4-week mesocycle of rows (6, 8, 10, 12 sets, growing loads) and bench, the deload week
    under way with a planned session left, one session in March, one in January 2025."""
    Mesocycle.create(name="Block", level="intermediate", start_date=MESO_START,
                     accumulation_weeks=4, deload=True, training_days="mon,wed,fri")
    for week in range(4):
        monday = MESO_START + timedelta(days=7 * week)
        log(monday, "Barbell Row", [(80 + 2.5 * week, 8)] * (6 + 2 * week))
        log(monday + timedelta(days=2), "Barbell Bench Press", [(70, 10)] * 4)
    log(date(2026, 11, 23), "Barbell Row", [(70, 8)] * 3)
    log(date(2026, 11, 27), "Barbell Row", [], status="planned", target_sets=3)
    log(date(2026, 3, 2), "Barbell Row", [(60, 10)] * 5)
    log(date(2025, 1, 6), "Barbell Row", [(50, 10)] * 5)


@pytest.fixture
def page(store, qtbot):
    charts = ChartsPage(store, today=lambda: TODAY)
    qtbot.addWidget(charts)
    charts.resize(1000, 650)
    charts.show()
    qtbot.waitExposed(charts)
    return charts


def expected(rule: str, groups: list[str], since: date, until: date, *, planned=False):
    return [sum(weekly_volume(week, rule, planned=planned)[g] for g in groups)
            for week in weeks_between(since, until)]


def row_id() -> int:
    return Exercise.get(Exercise.name == "Barbell Row").id


# --- volume chart -----------------------------------------------------------------------------

def test_bar_heights_equal_the_models_weekly_volume(history, page):
    assert page.current_chart() == "volume"
    assert page.findChild(QWidget, "volumeChart").isVisible()
    since, until = time_range_bounds("mesocycle", TODAY)
    assert plotted.volume_bar_starts(page) == weeks_between(since, until)
    assert plotted.volume_bar_heights(page) == expected("fractional", ["back"], since, until)
    assert plotted.volume_bar_heights(page) == [6, 8, 10, 12, 3]
    # The deload week: 3 done + 3 planned.
    assert plotted.planned_bar_heights(page) == [6, 8, 10, 12, 6]
    assert plotted.volume_title(page) == "Back — weekly sets (fractional: secondary ½)"
    assert plotted.empty_text(page, "volume") is None


def test_band_edges_equal_the_landmarks_and_move_at_once(history, page, store):
    top = plotted.band_edges(page)["over MRV"][1]
    assert plotted.band_edges(page) == {"not maintaining": (0, 8), "maintenance": (8, 10),
                                 "productive": (10, 14), "optimal": (14, 22), "high": (22, 25),
                                 "over MRV": (25, top)}
    store.push(SetLandmarksCommand(store, load_landmarks(), {"back": Landmarks(6, 9, 12, 18, 20)}))
    edges = plotted.band_edges(page)
    assert edges["maintenance"] == (6, 9) and edges["optimal"] == (12, 18)
    assert edges["over MRV"][0] == 20
    store.undo_stack.undo()
    assert plotted.band_edges(page)["optimal"] == (14, 22)
    # Saved another way, announced by the signal alone: the bands follow too.
    save_landmarks({"back": Landmarks(0, 0, 4, 12, 16)})
    store.landmarks_changed.emit()
    edges = plotted.band_edges(page)
    assert "not maintaining" not in edges and "maintenance" not in edges  # empty zones hidden
    assert edges["productive"] == (0, 4) and edges["high"] == (12, 16)


def test_bar_colours_follow_the_status_of_each_week(history, page, store):
    # 6, 8, 10, 12 and 3 sets against back's MV 8, MEV 10, MAV 14–22:
    statuses = (Status.NOT_MAINTAINING, Status.MAINTENANCE, Status.PRODUCTIVE,
                Status.PRODUCTIVE, Status.NOT_MAINTAINING)
    assert plotted.volume_bar_colours(page) == [status_colour(s).name() for s in statuses]
    store.push(SetLandmarksCommand(store, load_landmarks(), {"back": Landmarks(2, 4, 6, 9, 11)}))
    assert plotted.volume_bar_colours(page)[3] == status_colour(Status.OVER_MRV).name()


def test_the_counting_rule_changes_heights_and_is_named(history, page, store):
    page.show_group(["biceps"])  # secondary on rows: ½ set per set under the fractional rule
    assert plotted.volume_bar_heights(page) == [3, 4, 5, 6, 1.5]
    assert page.rule_combo.currentData() == "fractional"
    page.set_rule("direct")
    assert plotted.volume_bar_heights(page) == [0, 0, 0, 0, 0]
    assert plotted.volume_title(page) == "Biceps — weekly sets (direct only: secondary 0)"
    page.rule_combo.setCurrentIndex(page.rule_combo.findData("fractional"))
    assert plotted.volume_bar_heights(page) == [3, 4, 5, 6, 1.5]
    # The rule follows the user's setting when it changes.
    store.push(SetSettingsCommand(store, store.settings, Settings(secondary_rule="direct")))
    assert page.rule_combo.currentData() == "direct" and plotted.volume_bar_heights(page)[0] == 0


def test_several_groups_are_summed(history, page, qtbot):
    page.show_group(["back", "chest"])
    since, until = time_range_bounds("mesocycle", TODAY)
    assert plotted.volume_bar_heights(page) == expected("fractional", ["back", "chest"], since,
                                                        until)
    assert page.group_combo.currentData() == "several" and page.group_list.isVisible()
    triceps = page.group_list.findItems("Triceps", Qt.MatchFlag.MatchExactly)[0]
    triceps.setCheckState(Qt.CheckState.Checked)  # the user ticks one more
    assert plotted.volume_bar_heights(page) == expected("fractional", ["back", "chest", "triceps"],
                                                 since, until)
    assert plotted.volume_title(page).startswith("Back + Chest + Triceps — weekly sets")
    page.group_combo.setCurrentIndex(page.group_combo.findData("chest"))
    page.group_combo.activated.emit(page.group_combo.currentIndex())
    assert plotted.volume_bar_heights(page) == [4, 4, 4, 4, 0] and not page.group_list.isVisible()


def test_time_range_switching_changes_the_weeks_shown(history, page):
    counts = {}
    for key in ("mesocycle", "3m", "1y"):
        page.set_range(key)
        since, until = time_range_bounds(key, TODAY)
        weeks = plotted.volume_bar_starts(page)
        assert weeks == weeks_between(since, until)
        assert plotted.volume_bar_heights(page) == expected("fractional", ["back"], since, until)
        left, right = plotted.volume_x_range(page)
        assert left <= datetime(*weeks[0].timetuple()[:3]).timestamp() < right
        counts[key] = len(weeks)
    assert counts["mesocycle"] < counts["3m"] < counts["1y"] <= MONTHLY_OVER_WEEKS
    assert 5.0 in plotted.volume_bar_heights(page)  # the session of March 2026
    page.set_range("all")  # January 2025 to November 2026: 99 weeks, drawn as 23 months
    since, until = time_range_bounds("all", TODAY)
    assert len(weeks_between(since, until)) > MONTHLY_OVER_WEEKS
    months = plotted.volume_bar_starts(page)
    assert months[0] == date(2025, 1, 1) and months[-1] == date(2026, 11, 1)
    assert len(months) == 23
    assert page.range_combo.currentData() == "all"
    page.range_combo.setCurrentIndex(page.range_combo.findData("3m"))
    assert len(plotted.volume_bar_starts(page)) == counts["3m"]


def test_updates_reuse_the_same_plot_items(history, page):
    plot = page.findChild(QWidget, "volumeChart").getPlotItem()
    before = list(plot.items)
    page.show_group(["chest"])
    page.set_range("all")
    page.set_rule("direct")
    assert plot.items == before


def test_new_sessions_update_the_chart(history, page, store):
    log(date(2026, 11, 25), "Lat Pulldown", [(60, 10)] * 4)
    store.sessions_changed.emit()
    assert plotted.volume_bar_heights(page)[-1] == 3 + 4


def test_hovering_a_week_shows_its_numbers(history, page):
    widget = page.findChild(QWidget, "volumeChart")
    view = widget.getPlotItem().getViewBox()
    middle = datetime(2026, 10, 29).timestamp()  # Thursday of the first week
    widget.scene().sigMouseMoved.emit(view.mapViewToScene(QPointF(middle, 3)))
    assert plotted.hover_text(page) == "Week 2026-W44 (26 Oct): 6 sets done, 6 planned"
    widget.scene().sigMouseMoved.emit(QPointF(-50, -50))  # outside the plot
    assert plotted.hover_text(page) is None


def test_changes_while_hidden_apply_when_shown_again(history, page, store):
    page.hide()
    store.push(SetLandmarksCommand(store, load_landmarks(), {"back": Landmarks(6, 9, 12, 18, 20)}))
    page.show()
    assert plotted.band_edges(page)["maintenance"] == (6, 9)


# --- this week at a glance --------------------------------------------------------------------

def test_glance_shows_every_group_farthest_from_its_range_first(history, page):
    page.show_chart("glance")
    assert page.findChild(QWidget, "weekGlanceChart").isVisible()
    assert not page.range_combo.isEnabled()  # this week only
    rows = plotted.glance_rows_shown(page)
    done = weekly_volume(date(2026, 11, 23), "fractional")
    assert len(rows) == 14
    assert plotted.glance_bar_lengths(page) == [done[row.group] for row in rows]
    # Chest: nothing this week against an MEV of 10, the farthest; quads, side delts and calves
    # (0 of 8) follow in table order; then back (3 of 10) and biceps (1.5 of 8, from the rows).
    assert [(r.group, r.distance) for r in rows[:6]] == [
        ("chest", 10), ("quads", 8), ("side_delts", 8), ("calves", 8), ("back", 7),
        ("biceps", 6.5)]
    assert [r.distance for r in rows] == sorted((r.distance for r in rows), reverse=True)
    page.set_rule("direct")
    assert plotted.glance_bar_lengths(page) == [weekly_volume(date(2026, 11, 23), "direct")[r.group]
                                         for r in plotted.glance_rows_shown(page)]


# --- progress ---------------------------------------------------------------------------------

def test_progress_shows_e1rm_heaviest_volume_load_and_prs(history, page):
    page.set_range("all")
    page.show_exercise(row_id())
    assert page.current_chart() == "progress"
    assert page.findChild(QWidget, "progressChart").isVisible()
    progress = exercise_progress(row_id(), *time_range_bounds("all", TODAY))
    points = plotted.progress_points(page)
    assert points["e1rm"] == pytest.approx(list(progress.e1rm))
    assert points["heaviest"] == [50, 60, 80, 82.5, 85, 87.5, 70]
    assert points["volume_load"][0] == 50 * 10 * 5
    # PRs: the first session ever (the first record), March (60×10 beats 50×10), then each
    # heavier mesocycle week; the deload is not.
    assert points["pr"] == pytest.approx([50 * (1 + 10 / 30), 60 * (1 + 10 / 30)]
                                         + [load * (1 + 8 / 30) for load in (80, 82.5, 85, 87.5)])
    page.set_range("3m")
    assert plotted.progress_points(page)["heaviest"] == [80, 82.5, 85, 87.5, 70]
    assert len(plotted.progress_points(page)["pr"]) == 4  # still PRs: they beat earlier sessions


def test_progress_in_the_users_units(history, page, store):
    page.show_exercise(row_id())
    store.push(SetSettingsCommand(store, store.settings, Settings(units="lb")))
    assert plotted.progress_points(page)["heaviest"][0] == pytest.approx(80 / 0.45359237)


# The completer's popup asks the offscreen platform for things it cannot do; harmless here.
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_exercise_search_finds_aliases_and_picks_with_return(history, page, qtbot):
    page.show_chart("progress")
    search = page.findChild(QWidget, "exerciseSearch")
    search.clear()
    qtbot.keyClicks(search, "bench press (barb")
    model = search.completer().model()
    assert model.rowCount() == 1
    assert model.index(0, 0).data(Qt.ItemDataRole.UserRole + 1) == "Barbell Bench Press"
    search.completer().popup().hide()
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert plotted.progress_points(page)["heaviest"] == [70, 70, 70, 70]


def test_an_exercise_without_sets_in_range_says_so(history, page):
    page.show_exercise(Exercise.get(Exercise.name == "Lat Pulldown").id)
    assert plotted.empty_text(page) == EMPTY_PROGRESS
    assert plotted.progress_points(page)["e1rm"] == []


# --- export and empty states ------------------------------------------------------------------

@pytest.mark.parametrize("chart", ["volume", "glance", "progress"])
def test_export_writes_a_valid_png_and_svg(history, page, tmp_path, chart):
    page.show_chart(chart)
    png, svg = tmp_path / "chart.png", tmp_path / "chart.svg"
    page.export_current(png)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 0 and image.height() > 0
    page.export_current(svg)
    root = ET.parse(svg).getroot()
    assert root.tag in ("svg", "{http://www.w3.org/2000/svg}svg")
    assert len(list(root.iter())) > 20  # drawn content, not an empty canvas


def test_export_refuses_other_formats(page, tmp_path):
    with pytest.raises(ValueError, match=r"\.jpg"):
        page.export_current(tmp_path / "chart.jpg")
    assert not (tmp_path / "chart.jpg").exists()


def test_empty_states_are_honest(page, store):
    assert plotted.empty_text(page, "volume") == EMPTY_VOLUME
    assert plotted.volume_bar_heights(page) and not any(plotted.volume_bar_heights(page))
    assert plotted.empty_text(page, "glance") == EMPTY_GLANCE
    assert plotted.empty_text(page, "progress").startswith("Log a session")
    log(TODAY, "Barbell Row", [(60, 8)] * 4)
    store.sessions_changed.emit()
    assert plotted.empty_text(page, "volume") is None and plotted.empty_text(page, "glance") is None


# --- import order -----------------------------------------------------------------------------

def run_python(code: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)


def test_pyqtgraph_is_imported_only_when_the_page_is_first_shown(tmp_path):
    code = f"""
import sys
from PySide6.QtWidgets import QMainWindow
from ui.app import create_application
from models.opening import open_database
app = create_application()
open_database({str(tmp_path / 'o.sqlite')!r})
from ui.store import Store
from ui.charts.charts_page import ChartsPage
window = QMainWindow()
page = ChartsPage(Store())  # constructed, wired to the store, not shown
window.show()
app.processEvents()
assert 'pyqtgraph' not in sys.modules, 'imported before any chart was shown'
page.show()
app.processEvents()
assert 'pyqtgraph' in sys.modules, 'not imported when the page was shown'
print('ok')
"""
    result = run_python(code, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
