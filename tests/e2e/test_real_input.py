"""Drop targets driven by a real pointer under Xvfb with Qt's xcb plugin (STYLE.md §8)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.realinput import Child, drag, keys, type_text, xvfb

pytestmark = pytest.mark.slow  # a real X server and pointer (Xvfb + xdotool)

HERE = Path(__file__).resolve().parent


def test_dragging_a_muscle_up_the_ranking_with_a_real_mouse(tmp_path):
    """Priorities page, two days a week: the back is first and the only muscle that grows.
    A real drag of chest onto the back's row puts chest first, and the plan grows chest."""
    with xvfb() as display:
        child = Child(display, HERE / "ranking_child.py", home=tmp_path)
        rows = child.ready["rows"]
        assert list(rows)[:2] == ["back", "chest"]
        chest, back = rows["chest"], rows["back"]
        # Onto the back row's top edge: the drop goes above it.
        drag(display, (chest[0], chest[1]), (back[0], back[2] + 1))
        result = child.finish()
    assert result["order"][:2] == ["chest", "back"], result
    assert result["rank"][0] == "chest"
    assert result["plan_rank"] == ["chest"]


def test_dragging_a_library_exercise_onto_a_wizard_day_with_a_real_mouse(tmp_path):
    """The day list accepted the drag and then let its base class reject the library's MIME
    type: with a real mouse the drag image showed and nothing was added."""
    with xvfb() as display:
        child = Child(display, HERE / "drops_child.py", "wizard", home=tmp_path)
        points = child.ready["points"]
        drag(display, points["exercise"], points["day"])
        result = child.finish()
    assert result["names"][0] == "Helms Row", result
    assert result["choices"][0] == "Helms Row"


def test_dragging_from_the_library_onto_a_session_and_an_empty_day_with_a_real_mouse(tmp_path):
    with xvfb() as display:
        child = Child(display, HERE / "drops_child.py", "calendar", home=tmp_path)
        points = child.ready["points"]
        drag(display, points["exercise"], points["session"])
        drag(display, points["exercise"], points["empty_day"])
        result = child.finish()
    days = result["days"]
    assert days[result["session_day"]] == [["Barbell Row", "Helms Row"]], days
    assert days[result["empty_day"]] == [["Helms Row"]], days


def test_dragging_onto_exercise_positions_in_the_week_planner_with_a_real_mouse(tmp_path):
    """Week planner: a library exercise dropped on the second exercise of a session goes in
    second; an exercise row dragged onto another day's session moves there, first."""
    with xvfb() as display:
        child = Child(display, HERE / "drops_child.py", "week", home=tmp_path)
        points = child.ready["points"]
        drag(display, points["exercise"], points["pull_position_1"])
        drag(display, points["pull_first_row"], points["back_position_0"])
        result = child.finish()
    sessions = result["sessions"]
    assert sessions["Pull"] == ["Helms Row", "Lat Pulldown", "Face Pull"], sessions
    assert sessions["Back"] == ["Barbell Row", "Cable Row"], sessions


def test_a_keyboard_only_journey_opens_a_session_from_the_calendar_and_logs_a_set(tmp_path):
    """No mouse: View ▸ Plan (Ctrl+1) puts the keyboard on the calendar's current day, Return
    opens its session with the load field focused, Tab moves to the reps, Return logs."""
    with xvfb() as display:
        child = Child(display, HERE / "drops_child.py", "keyboard", home=tmp_path)
        keys(display, "ctrl+1", "Home", "Return")
        keys(display, "ctrl+a")
        type_text(display, "60")
        keys(display, "Tab", "ctrl+a")
        type_text(display, "8")
        keys(display, "Return")
        result = child.finish()
    assert result["open"] == result["session"], result
    assert result["sets"] == [[60.0, 8]], result
